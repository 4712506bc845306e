//! Every input a fuzz target once failed on (`tests/fixtures/fuzz/<target>/`), replayed through
//! the target's own code (`fuzz/harness.rs`), so a fixed crash stays fixed without a fuzzer.

#[path = "../../fuzz/harness.rs"]
mod harness;

use crate::common::repo;

/// Runs `run` on every saved input of `target`; returns how many there were.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = repo().join("tests/fixtures/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return 0 };
    let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{target}: {} fails again", p.display());
    }
    paths.len()
}

#[test]
fn load() {
    replay("load", harness::load);
}

#[test]
fn numbers_ko() {
    replay("numbers_ko", |d| harness::numbers(d, "ko"));
}

#[test]
fn numbers_en() {
    replay("numbers_en", |d| harness::numbers(d, "en"));
}

#[test]
fn import() {
    replay("import", harness::import);
}

#[test]
fn import_formats() {
    replay("import_formats", harness::import_formats);
}

#[test]
fn markdown() {
    replay("markdown", harness::markdown);
}

#[test]
fn check() {
    replay("check", harness::check);
}

/// The harness holds on the fixtures the corpora are seeded from.
#[test]
fn seeds_pass() {
    let seed = std::fs::read(repo().join("content/2026-02-15-spri-open-source-ai.yaml")).unwrap();
    harness::load(&seed);
    harness::check(&seed);
    let article = std::fs::read(repo().join("tests/fixtures/import/00-seed.txt")).unwrap();
    harness::import(&article);
    harness::numbers(&article, "ko");
    harness::markdown(&article);
    for name in ["exports-news.html", "kdi-ai.hwpx", "kdi-ai.pdf"] {
        let bytes = std::fs::read(repo().join("tests/fixtures/import-formats").join(name)).unwrap();
        harness::import_formats(&bytes);
    }
}
