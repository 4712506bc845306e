//! Crash safety: a build killed (SIGKILL) at any point leaves only whole files in `build/`,
//! and the next build removes what it left half-written and gives byte for byte what a clean
//! build of the same content gives.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use yoyak::output::{temp_name, temp_pid};

/// Briefings in the generated project: enough for several kill points, few enough for a
/// debug build.
const BRIEFINGS: usize = 10;
/// A fixed `SOURCE_DATE_EPOCH` for every build here.
const EPOCH: &str = "1767225600";
/// The longest any one build here may take.
const LIMIT: Duration = Duration::from_secs(120);
/// The seed's Korean title, which the edits below change.
const TITLE: &str = "  ko: 글로벌 AI 패권 경쟁, '폐쇄형'에서 '오픈소스AI'로";

/// Every file under `dir` with its bytes, by relative path.
type Snapshot = BTreeMap<PathBuf, Vec<u8>>;

/// A snapshot of `dir`.
fn snapshot(dir: &Path) -> Snapshot {
    list_files(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            match f == Path::new(yoyak::build::incremental::CACHE_FILE) {
                true => (f, without_stamps(&bytes)),
                false => (f, bytes),
            }
        })
        .collect()
}

/// Whether the file name of `path` is one of yoyak's temporary files.
fn is_temporary(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).and_then(temp_pid).is_some()
}

/// The date of briefing `i`: from 2026-02-25 on, so four fall in the February digest.
fn date_of(i: usize) -> (u32, usize) {
    if 25 + i <= 28 { (2, 25 + i) } else { (3, 25 + i - 28) }
}

/// A project of `n` briefings made from the seed (as `benches/gen_project.py` makes them).
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::copy(repo().join("yoyak.yaml"), dir.path().join("yoyak.yaml")).unwrap();
    std::fs::copy(repo().join("content/glossary.yaml"), content.join("glossary.yaml")).unwrap();
    let seed = std::fs::read_to_string(repo().join("content/2026-02-15-spri-open-source-ai.yaml"))
        .unwrap();
    for i in 0..n {
        let (month, day) = date_of(i);
        let month_name = ["February", "March"][month as usize - 2];
        let date = format!("2026-{month:02}-{day:02}");
        // The article's relative dates follow the dateline, or `check` refuses the briefing.
        let text = seed
            .replace("15일 소프트웨어정책연구소", &format!("{day}일 소프트웨어정책연구소"))
            .replace("on February 15,", &format!("on {month_name} {day},"))
            .replace("id: spri-open-source-ai", &format!("id: crash-{i:02}"))
            .replace("date: 2026-02-15", &format!("date: {date}"));
        std::fs::write(content.join(format!("{date}-crash-{i:02}.yaml")), text).unwrap();
    }
    dir
}

/// Start `yoyak build` in `root`.
fn start_build(root: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .arg("build")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Build `root` to the end; the time it took.
fn full_build(root: &Path) -> Duration {
    let started = Instant::now();
    let status = start_build(root).wait().unwrap();
    assert!(status.success(), "yoyak build in {}: {status}", root.display());
    started.elapsed()
}

/// Start a build of `root` and SIGKILL it as soon as `ready(build dir)` holds; whether it was
/// killed (false: it finished first).
fn kill_when(root: &Path, ready: impl Fn(&Path) -> bool) -> bool {
    let out = root.join("build");
    let mut child = start_build(root);
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            return false;
        }
        if ready(&out) || started.elapsed() > LIMIT {
            child.kill().unwrap();
            // Reaped: its process id is gone, as after a real crash.
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Assert that `bytes` is a whole, valid file of its kind.
fn assert_whole(path: &Path, bytes: &[u8]) {
    let what = path.display();
    let text = || std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "pdf" => {
            assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{what} ends with %%EOF");
            lopdf::Document::load_mem(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        }
        "html" => {
            assert!(text().trim_end().ends_with("</html>"), "{what} is whole");
            assert_eq!(html_errors(text()), Vec::<String>::new(), "{what} parses");
        }
        "json" => {
            serde_json::from_slice::<serde_json::Value>(bytes)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
        }
        "xml" | "svg" => {
            roxmltree::Document::parse(text()).unwrap_or_else(|e| panic!("{what}: {e}"));
        }
        "md" => assert!(text().ends_with('\n'), "{what} is whole"),
        "js" => {
            assert!(text().trim_end().ends_with(';'), "{what} is whole");
            // A search index is JSON assigned to a variable: the data parses whole.
            if let Some(json) = text().strip_prefix("window.yoyakSearch=") {
                let json = json.trim_end().trim_end_matches(';');
                serde_json::from_str::<serde_json::Value>(json)
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
            }
        }
        "hwpx" => {
            // A whole ZIP: its central directory reads and every entry inflates.
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap_or_else(|e| panic!("{what}: {e}"));
                std::io::copy(&mut entry, &mut std::io::sink())
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
            }
        }
        other => panic!("{what}: unexpected output .{other}"),
    }
}

/// After a kill: every file in `build/` but yoyak's temporaries is whole and valid, and is
/// what `reference` holds at its path unless `changed` says it may differ. Returns how many
/// temporaries the kill left.
fn assert_only_whole_files(
    out: &Path,
    reference: &Snapshot,
    changed: &dyn Fn(&Path) -> bool,
) -> usize {
    let mut temporaries = 0;
    for (path, bytes) in snapshot(out) {
        if is_temporary(&path) {
            temporaries += 1;
            continue;
        }
        assert_whole(&path, &bytes);
        if !changed(&path) {
            let same = reference.get(&path).is_some_and(|r| *r == bytes);
            assert!(same, "{}: not the file a clean build writes", path.display());
        }
    }
    temporaries
}

/// Assert that `out` is exactly `reference`: same files, same bytes, no temporaries.
fn assert_same_as_clean(out: &Path, reference: &Snapshot, after: &str) {
    let got = snapshot(out);
    let temporaries: Vec<_> = got.keys().filter(|p| is_temporary(p)).collect();
    assert!(temporaries.is_empty(), "{after}: temporaries left: {temporaries:?}");
    let names = |s: &Snapshot| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&got), names(reference), "{after}: the files of a clean build");
    for (path, bytes) in reference {
        assert!(got[path] == *bytes, "{after}: {} differs from a clean build", path.display());
    }
}

/// Plant temporaries as a killed build leaves them (a process id no process has), with no
/// cache: a build removes it before it writes anything (should the last build above have
/// finished before its kill came, its cache would otherwise stand for a build that was not
/// killed).
fn plant_temporaries(out: &Path) -> Vec<PathBuf> {
    let _ = std::fs::remove_file(out.join(yoyak::build::incremental::CACHE_FILE));
    let dead = 4_000_000_000;
    let planted = [
        out.join(temp_name("index.html", dead)),
        out.join(temp_name(yoyak::build::incremental::CACHE_FILE, dead)),
        out.join("crash-01").join(temp_name("crash-01.ko.pdf", dead)),
    ];
    for p in &planted {
        std::fs::write(p, b"%PDF-1.7 half").unwrap();
    }
    planted.to_vec()
}

#[test]
#[cfg(unix)]
fn a_killed_build_leaves_whole_files_and_the_next_build_equals_a_clean_one() {
    let started = Instant::now();
    let project = generated(BRIEFINGS);
    let root = project.path();
    let out = root.join("build");
    // The reference: a clean build of the same content in another folder.
    let clean = tempfile::tempdir().unwrap();
    copy_dir(&root.join("content"), &clean.path().join("content"));
    std::fs::copy(root.join("yoyak.yaml"), clean.path().join("yoyak.yaml")).unwrap();
    let cold = full_build(clean.path());
    let reference = snapshot(&clean.path().join("build"));
    let total = reference.len();
    assert!(total > BRIEFINGS * 8, "{total} files");

    // A cold build killed at several points: at its first file, a quarter, two thirds, and
    // all but the last few files written.
    let (mut kills, mut left) = (0, 0);
    for fraction in [0.0, 0.25, 0.66, 0.97] {
        let at = (total as f64 * fraction) as usize;
        let killed = kill_when(root, |out| list_files(out).len() >= at.max(1));
        kills += usize::from(killed);
        left += assert_only_whole_files(&out, &reference, &|_| false);
    }
    assert!(kills >= 3, "the kills came before the builds finished");
    let planted = plant_temporaries(&out);
    full_build(root);
    assert!(planted.iter().all(|p| !p.exists()), "the next build removes temporaries");
    assert_same_as_clean(&out, &reference, "a build after kills");

    // An edit whose build is killed once it has rewritten the edited briefing's files, then
    // the edit undone: the next build must not keep the killed build's files.
    let file = root.join("content/2026-02-25-crash-00.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, original.replace(TITLE, "  ko: 중단된 빌드의 제목")).unwrap();
    let page = PathBuf::from("crash-00/crash-00.ko.md");
    let rewritten =
        |out: &Path| std::fs::read(out.join(&page)).ok() != reference.get(&page).cloned();
    let killed = kill_when(root, rewritten);
    // Only the edited briefing, the listings and the digest may differ.
    let edited = |p: &Path| {
        p.starts_with("crash-00") || p.starts_with("digest") || p.parent() == Some(Path::new(""))
    };
    left += assert_only_whole_files(&out, &reference, &edited);
    std::fs::write(&file, &original).unwrap();
    full_build(root);
    assert_same_as_clean(&out, &reference, "a killed edit, undone");
    println!(
        "crash: {BRIEFINGS} briefings, {total} files, cold build {:.1}s; {kills} cold kills, \
edit killed: {killed}; {left} temporaries left by the kills; whole test {:.1}s",
        cold.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
