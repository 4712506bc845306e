//! Content from an untrusted pull request: every hostile file is refused with a clear message,
//! the other briefings still build, nothing hangs, and nothing outside the project is read or
//! written (the corpus is `tests/fixtures/hostile/`, its README says how it is laid out).

use crate::common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Text planted outside the project: it must never show up in any output or message.
const SECRET: &str = "TOPSECRET-7f3a outside the project";

/// A project in `<tmp>/p` made from the hostile fixture, with a secret file beside it.
fn hostile_project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    copy_dir(&repo().join("tests/fixtures/hostile/content"), &root.join("content"));
    std::fs::write(dir.path().join("secret.txt"), format!("title: {SECRET}\n")).unwrap();
    (dir, root)
}

/// Everything under `dir` except the project, with its bytes: what "outside" holds.
fn outside(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    list_files(dir)
        .into_iter()
        .filter(|p| !p.starts_with("p"))
        .map(|p| (p.clone(), std::fs::read(dir.join(&p)).unwrap()))
        .collect()
}

/// Run the binary, failing the test (instead of hanging it) after `limit`. Its output is
/// drained while it runs, so a long report cannot block it on a full pipe.
fn run_within(args: &[&str], cwd: &Path, limit: Duration) -> (i32, String, String) {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("yoyak {args:?} still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (status.code().unwrap_or(-1), stdout.join().unwrap(), stderr.join().unwrap())
}

/// The committed cases plus the ones git cannot hold, all in `content/`; returns the
/// expectations: (file, code, "line:column" or "-", message fragment).
fn add_cases(dir: &Path, root: &Path) -> Vec<[String; 4]> {
    let cases = repo().join("tests/fixtures/hostile/cases");
    let content = root.join("content");
    let mut expected: Vec<[String; 4]> = std::fs::read_to_string(cases.join("EXPECTED.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            std::fs::copy(cases.join(f[0]), content.join(f[0])).unwrap();
            [f[0], f[1], f[2], f[3]].map(str::to_string)
        })
        .collect();
    let symlink =
        |target: &Path, name: &str| std::os::unix::fs::symlink(target, content.join(name));
    symlink(Path::new("/etc/passwd"), "passwd.yaml").unwrap();
    symlink(&dir.join("secret.txt"), "leak.yaml").unwrap();
    symlink(Path::new("/dev/zero"), "zero.yaml").unwrap();
    let fifo = content.join("fifo.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let base =
        std::fs::read_to_string(cases.join("empty-id.yaml")).unwrap().replace("id: \"\"\n", "");
    std::fs::write(content.join("too-large.yaml"), format!("{base}#{}\n", "x".repeat(1 << 20)))
        .unwrap();
    let facts: String = (0..201)
        .map(|i| {
            format!("  - {{id: f{i}, label: {{ko: 항목, en: Item}}, value: {i}, unit: count}}\n")
        })
        .collect();
    std::fs::write(content.join("many-facts.yaml"), format!("{base}facts:\n{facts}")).unwrap();
    let body = "가".repeat(100_001);
    let long = format!(
        "{base}sections:\n  - {{heading: {{ko: 제목, en: Heading}}, body: {{ko: {body}, en: x}}}}\n"
    );
    std::fs::write(content.join("long-body.yaml"), long).unwrap();
    for [file, code, what] in [
        ["passwd.yaml", "Y0113", "leads outside the project"],
        ["leak.yaml", "Y0113", "leads outside the project"],
        ["zero.yaml", "Y0113", "leads outside the project"],
        ["fifo.yaml", "Y0113", "FIFO (named pipe), not a regular file"],
        ["too-large.yaml", "Y0113", "raise `limits.file-size` in yoyak.yaml"],
        ["many-facts.yaml", "Y0114", "201 facts, over the limit of 200"],
        ["long-body.yaml", "Y0114", "longer than 100000 characters"],
    ] {
        expected.push([file, code, "-", what].map(str::to_string));
    }
    expected
}

#[test]
fn every_hostile_file_is_refused_and_the_rest_builds() {
    let (dir, root) = hostile_project();
    let expected = add_cases(dir.path(), &root);
    let before = outside(dir.path());
    let limit = Duration::from_secs(120);
    let (code, json, stderr) = run_within(&["check", "--format", "json"], &root, limit);
    assert_eq!(code, 1, "content errors: exit 1\n{stderr}");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    for [file, code, at, what] in &expected {
        let found = diags
            .iter()
            .find(|d| d["file"] == format!("content/{file}") && d["code"] == code.as_str());
        let d = found.unwrap_or_else(|| panic!("{file}: no {code} in {json}"));
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(what.as_str()), "{file}: {message:?} should say {what:?}");
        if at != "-" {
            assert_eq!(format!("{}:{}", d["line"], d["column"]), *at, "{file}: where");
        }
    }
    let (code, _, stderr) = run_within(&["build"], &root, limit);
    assert_eq!(code, 1, "{stderr}");
    let built = list_files(&root.join("build"));
    for format in ["ko.pdf", "en.pdf", "ko.html", "en.md"] {
        let file = PathBuf::from(format!("hostile/hostile.{format}"));
        assert!(built.contains(&file), "the valid briefing still builds: {file:?}");
    }
    assert!(
        built.iter().all(|f| !f.to_string_lossy().contains("escape")),
        "nothing built for a broken file: {built:?}"
    );
    for f in &built {
        let bytes = std::fs::read(root.join("build").join(f)).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("TOPSECRET"), "{f:?} leaks");
    }
    for text in [&json, &stderr] {
        assert!(!text.contains("TOPSECRET") && !text.contains("root:x:0"), "leak: {text}");
    }
    assert_eq!(outside(dir.path()), before, "nothing outside the project is written");
}

#[test]
fn a_tampered_cache_deletes_and_writes_nothing_outside_the_output_folder() {
    let (dir, root) = hostile_project();
    let (code, _, stderr) = run_yoyak(&["build"], &root);
    assert_eq!(code, 0, "{stderr}");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let cache_file = root.join("build/.yoyak-cache.json");
    let mut cache: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&cache_file).unwrap()).unwrap();
    // A briefing whose file is gone lists files outside build/: a naive build deletes them.
    cache["briefings"]["gone"] = serde_json::json!({
        "hash": "x", "source": "content/gone.yaml", "notdef": 0,
        "files": ["../../victim.txt", victim.to_string_lossy(), "../victim.txt"],
    });
    std::fs::write(&cache_file, serde_json::to_vec(&cache).unwrap()).unwrap();
    let before = outside(dir.path());
    let (code, _, stderr) = run_yoyak(&["build"], &root);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(outside(dir.path()), before);
    // The cache pointed elsewhere, so it was not trusted: everything was built again.
    assert!(stderr.contains("built 1 briefing(s) (0 unchanged)"), "{stderr}");
}

#[test]
fn project_files_outside_the_project_stop_the_build_with_a_clear_error() {
    // (link, where it leads, what the error says, commands that read it)
    let cases: [(&str, &str, &str, &[&str]); 4] = [
        ("yoyak.yaml", "secret", "yoyak.yaml leads outside the project", &["build", "check"]),
        ("fonts/zero.ttf", "/dev/zero", "fonts/zero.ttf leads outside the project", &["build"]),
        ("templates/briefing.html", "secret", "templates/briefing.html leads outside", &["build"]),
        ("content/glossary.yaml", "/dev/zero", "glossary.yaml leads outside", &["build", "check"]),
    ];
    for (link, target, message, commands) in cases {
        let (dir, root) = hostile_project();
        let target = match target {
            "secret" => dir.path().join("secret.txt"),
            other => PathBuf::from(other),
        };
        std::fs::create_dir_all(root.join(link).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&target, root.join(link)).unwrap();
        for command in commands {
            let (code, out, stderr) = run_within(&[command], &root, Duration::from_secs(60));
            assert_eq!(code, 2, "{link}: {command}: {stderr}");
            assert!(stderr.contains(message), "{link}: {command}: {stderr}");
            assert!(!format!("{out}{stderr}").contains("TOPSECRET"));
        }
    }
}

#[test]
fn digest_names_cannot_lead_out_of_the_output_folder() {
    let (dir, root) = hostile_project();
    let config = "digests:\n  ../../escape: {since: 2026-01-01}\n";
    std::fs::write(root.join("yoyak.yaml"), config).unwrap();
    let before = outside(dir.path());
    let (code, _, stderr) = run_yoyak(&["build"], &root);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("is not a valid digest name"), "{stderr}");
    assert_eq!(outside(dir.path()), before);
    assert!(
        list_files(&root.join("build")).iter().all(|f| !f.to_string_lossy().contains("escape"))
    );
}

#[test]
fn a_fact_value_keeps_every_digit_it_was_written_with() {
    let yaml = "date: 2026-03-01\nsource: {publisher: {ko: 연구소, en: Institute}}\n\
        title: {ko: 제목, en: Title}\nsummary: [{ko: 요점, en: Point}]\nfacts:\n\
        - {id: a, label: {ko: 가, en: A}, value: 0.1234567890123456789, unit: percent}\n\
        - {id: b, label: {ko: 나, en: B}, value: [123456789012345678901, 123456789012345678902], unit: count}\n";
    let loaded =
        yoyak::content::load_file("content/x.yaml".into(), yaml.into(), &Default::default());
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let b = loaded.briefing.unwrap();
    let text = |i: usize| serde_json::to_string(&b.facts[i].value).unwrap();
    assert_eq!(text(0), r#"{"Single":"0.1234567890123456789"}"#);
    assert_eq!(text(1), r#"{"Range":["123456789012345678901","123456789012345678902"]}"#);
}
