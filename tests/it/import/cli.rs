//! `yoyak import` on the command line: output to a file, to standard output, from standard
//! input, and its errors.

use super::*;
use std::process::{Command, Stdio};

fn yoyak(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn seed_path() -> String {
    fixtures().join("00-seed.txt").display().to_string()
}

fn root_arg(dir: &Path) -> String {
    dir.display().to_string()
}

#[test]
fn cli_prints_to_stdout_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = yoyak(&["import", &seed_path(), "--root", &root_arg(dir.path()), "-o", "-"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.starts_with("# yaml-language-server:"));
    assert!(yaml.contains("date: 2026-02-15"));
    assert!(!dir.path().join("content").exists(), "nothing is written for -o -");

    // The article from standard input gives the same draft.
    let bytes = std::fs::read(fixtures().join("00-seed.txt")).unwrap();
    let piped = yoyak(&["import", "-", "--root", &root_arg(dir.path()), "-o", "-"], Some(&bytes));
    assert_eq!(piped.status.code(), Some(0));
    let piped = String::from_utf8(piped.stdout).unwrap();
    let body = |s: &str| s.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&piped), body(&yaml));
}

#[test]
fn cli_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let root = root_arg(dir.path());
    let first = yoyak(&["import", &seed_path(), "--root", &root], None);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let path = dir.path().join("content/2026-02-15-spri-ai.yaml");
    assert!(path.is_file());
    std::fs::write(&path, "edited by hand\n").unwrap();

    let again = yoyak(&["import", &seed_path(), "--root", &root], None);
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand\n");

    let other = dir.path().join("elsewhere.yaml");
    let o = yoyak(&["import", &seed_path(), "-o", &other.display().to_string()], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(other.is_file());

    let forced = yoyak(&["import", &seed_path(), "--root", &root, "--force"], None);
    assert_eq!(forced.status.code(), Some(0));
    assert!(std::fs::read_to_string(&path).unwrap().contains("id: 2026-02-15-spri-ai"));
}

#[test]
fn cli_rejects_empty_and_invalid_input() {
    let dir = tempfile::tempdir().unwrap();
    let root = root_arg(dir.path());
    for (name, bytes, says) in [
        ("empty.txt", &b""[..], "empty"),
        ("blank.txt", &b" \r\n\n\xef\xbb\xbf \n"[..], "empty"),
        ("latin1.txt", &b"\xb1\xe2\xbe\xf7 30%"[..], "UTF-8"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = yoyak(&["import", &path.display().to_string(), "--root", &root], None);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{name}: {err}");
    }
    let missing = yoyak(&["import", "no-such-article.txt", "--root", &root], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!dir.path().join("content").exists());
}

#[test]
fn cli_date_option() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "정부는 예산을 30% 늘렸다.\n").unwrap();
    let a = article.to_string_lossy().into_owned();
    let root = root_arg(dir.path());
    let out = yoyak(&["import", &a, "--root", &root, "-o", "-", "--date", "2026-02-15"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("\ndate: 2026-02-15\n"), "{yaml}");
    let out = yoyak(&["import", &a, "--root", &root, "-o", "-", "--date", "2026-02-30"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = yoyak(&["import", &a, "--root", &root, "-o", "-"], None);
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains(&format!("\ndate: {}  # TODO", today())), "{yaml}");
}

/// A paragraph longer than `limits.text-length` (an HTML page whose `<title>` is never closed
/// reads as one): the draft keeps what fits, says so, and checks without a limit error.
#[test]
fn cli_keeps_an_over_long_paragraph_within_the_text_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("yoyak.yaml"), "limits:\n  text-length: 1000\n").unwrap();
    let paragraph = "정부는 올해 예산을 30% 늘렸다고 밝혔다. ".repeat(120);
    let article = dir.path().join("long.txt");
    std::fs::write(&article, format!("예산 늘린 정부\n\n{paragraph}\n")).unwrap();
    let (a, root) = (article.display().to_string(), root_arg(dir.path()));
    let out = yoyak(&["import", &a, "--root", &root, "--date", "2026-02-15"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("the lead is 2999 characters, over `limits.text-length` (1000)"),
        "{stderr}"
    );
    assert!(stderr.contains("figures are left as written"), "{stderr}");
    let check = yoyak(&["check", "--root", &root], None);
    let report = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{report}");
    assert!(!report.contains("Y0114"), "{report}");
}
