//! Incremental builds, the cache, deleted content, and shards + assemble.

use crate::common::*;
use std::path::Path;
use yoyak::build::{BuildOptions, build};

/// Every output file but the cache, with its bytes.
type Snapshot = Vec<(std::path::PathBuf, Vec<u8>)>;

fn snapshot(dir: &Path) -> Snapshot {
    list_files(dir)
        .into_iter()
        .filter(|f| !f.to_string_lossy().contains(yoyak::build::incremental::CACHE_FILE))
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Edit a content file as an editor would: the first `from` becomes `to`.
fn replace_once(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn unchanged_briefings_are_skipped_and_edits_rebuild_only_their_briefing() {
    let p = fixture("digest");
    let first = build_project(p.path());
    assert_eq!((first.built.len(), first.skipped), (5, 0));
    let before = snapshot(&p.path().join("build"));

    let noop = build_project(p.path());
    assert_eq!((noop.skipped, noop.written), (5, 0), "nothing changed, nothing written");
    assert_eq!(snapshot(&p.path().join("build")), before);

    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    replace_once(&file, "  ko: ", "  ko: (개정) ");
    let edit = build_project(p.path());
    assert_eq!(edit.skipped, 4, "only the edited briefing is rebuilt");
    let changed: Vec<_> = snapshot(&p.path().join("build"))
        .into_iter()
        .zip(&before)
        .filter(|(a, b)| a != *b)
        .map(|(a, _)| a.0)
        .collect();
    assert!(changed.iter().any(|f| f.starts_with("kdi-chip-exports")));
    assert!(!changed.iter().any(|f| f.starts_with("msit-ai-budget-2026")), "{changed:?}");
}

#[test]
fn a_digest_is_rendered_again_only_when_one_of_its_briefings_changed() {
    let p = fixture("digest");
    let first = build_project(p.path());
    assert_eq!(first.digests_rendered, ["digest", "semis", "weekly"]);
    let weekly = p.path().join("build/digest/weekly.ko.pdf");
    let weekly_before = std::fs::read(&weekly).unwrap();

    // kdi-chip-exports (6 March, semiconductors) is in `semis` and the default 30-day digest,
    // not in `weekly` (9–15 March, ai-policy).
    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    replace_once(&file, "  ko: ", "  ko: (개정) ");
    let edit = build_project(p.path());
    assert_eq!(edit.digests_rendered, ["digest", "semis"]);
    assert_eq!(std::fs::read(&weekly).unwrap(), weekly_before);
    let semis = std::fs::read_to_string(p.path().join("build/digest/semis.ko.md")).unwrap();
    assert!(semis.contains("(개정)"), "the digest shows the edit");
    let index = std::fs::read_to_string(p.path().join("build/index.html")).unwrap();
    assert!(index.contains("(개정)"), "the index shows the edit");

    // A digest taken out of yoyak.yaml takes its files with it.
    let config = p.path().join("yoyak.yaml");
    let settings = std::fs::read_to_string(&config).unwrap();
    let cut = settings.find("  semis:").unwrap();
    std::fs::write(&config, &settings[..cut]).unwrap();
    let r = build_project(p.path());
    assert!(r.removed >= 6, "removed {}", r.removed);
    assert!(!p.path().join("build/digest/semis.ko.pdf").exists());
    assert!(weekly.exists());
}

#[test]
fn check_findings_of_an_unchanged_file_come_from_the_cache_until_it_changes() {
    let p = fixture("check/figure-rounded");
    // The warnings (hints that a figure could be a reference are cached alike).
    let warnings = |r: &yoyak::build::BuildReport| -> Vec<yoyak::diagnostic::Diagnostic> {
        r.diagnostics.iter().filter(|d| !d.is_hint()).cloned().collect()
    };
    let first = warnings(&build_project(p.path()));
    let codes: Vec<_> = first.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["Y0302"]);
    assert_eq!(warnings(&build_project(p.path())), first, "the same warnings again");

    // Mark the cached finding: an unchanged file reports it as stored.
    let cache_file = p.path().join("build").join(yoyak::build::incremental::CACHE_FILE);
    let cache = std::fs::read_to_string(&cache_file).unwrap();
    let message = &first[0].message;
    let json_message = serde_json::to_string(message).unwrap();
    assert!(cache.contains(&json_message));
    std::fs::write(&cache_file, cache.replace(&json_message, "\"(cached) finding\"")).unwrap();
    let again = warnings(&build_project(p.path()));
    assert_eq!(again[0].message, "(cached) finding");
    assert_eq!(again[0].position, first[0].position);

    // Any edit to the file checks it afresh.
    let file = p.path().join("content/figure-rounded.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n")).unwrap();
    assert_eq!(warnings(&build_project(p.path()))[0].message, *message);
}

#[test]
fn deleted_content_takes_its_outputs_with_it() {
    let p = fixture("digest");
    build_project(p.path());
    assert!(p.path().join("build/kdi-chip-exports/kdi-chip-exports.en.pdf").exists());
    std::fs::remove_file(p.path().join("content/2026-03-06-kdi-chip-exports.yaml")).unwrap();
    let r = build_project(p.path());
    assert!(r.removed >= 6);
    assert!(!p.path().join("build/kdi-chip-exports").exists());
    let index = std::fs::read_to_string(p.path().join("build/index.html")).unwrap();
    assert!(!index.contains("kdi-chip-exports"), "index rebuilt without it");
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored() {
    let p = fixture("digest");
    build_project(p.path());
    let good = snapshot(&p.path().join("build"));
    let cache = p.path().join("build").join(yoyak::build::incremental::CACHE_FILE);
    for garbage in [
        "{ not json",
        "{\"version\":\"yoyak 0.0.0\",\"env\":\"x\",\"briefings\":{},\"site\":{\"hash\":\"\",\"files\":[],\"notdef\":0}}",
    ] {
        std::fs::write(&cache, garbage).unwrap();
        // Stale output that a trusted-but-wrong cache would keep:
        std::fs::write(p.path().join("build/index.html"), "stale").unwrap();
        let r = build_project(p.path());
        assert_eq!(r.skipped, 0, "cache not trusted");
        assert_eq!(snapshot(&p.path().join("build")), good);
    }
}

#[test]
fn three_shards_and_assemble_equal_a_single_build() {
    let single = fixture("digest");
    build_project(single.path());
    let sharded = fixture("digest");
    for i in 1..=3 {
        let mut o = BuildOptions::new(sharded.path());
        o.shard = Some((i, 3));
        let r = build(&o).unwrap();
        assert!(!r.has_errors());
        assert!(!sharded.path().join("build/index.html").exists(), "shards write no index");
    }
    let mut o = BuildOptions::new(sharded.path());
    o.assemble = true;
    build(&o).unwrap();
    assert_eq!(snapshot(&sharded.path().join("build")), snapshot(&single.path().join("build")));
}

#[test]
fn a_broken_edit_keeps_the_last_good_outputs() {
    let p = seed_project();
    build_project(p.path());
    let pdf = p.path().join("build/spri-open-source-ai/spri-open-source-ai.ko.pdf");
    let good = std::fs::read(&pdf).unwrap();
    let file = p.path().join("content/2026-02-15-spri-open-source-ai.yaml");
    replace_once(&file, "summary:", "sumary:");
    let r = build_project(p.path());
    assert!(r.has_errors());
    assert_eq!(r.removed, 0);
    assert_eq!(std::fs::read(&pdf).unwrap(), good, "last good PDF kept while the file is broken");
}

#[test]
fn a_body_edit_leaves_index_pages_and_feed_untouched() {
    let p = fixture("digest");
    build_project(p.path());
    let listing =
        ["index.html", "index.en.html", "feed.xml"].map(|f| p.path().join("build").join(f));
    let mtimes = || listing.each_ref().map(|f| std::fs::metadata(f).unwrap().modified().unwrap());
    let before = mtimes();
    // Section text: shown in the briefing and its digests, not in any listing.
    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    replace_once(&file, "AI 서버용 메모리 수요는", "AI 서버용 메모리(HBM 포함) 수요는");
    let edit = build_project(p.path());
    assert_eq!(edit.digests_rendered, ["digest", "semis"]);
    assert!(!edit.listing_rendered, "index pages and feed are not rendered again");
    assert_eq!(mtimes(), before, "nor rewritten");
    let html =
        std::fs::read_to_string(p.path().join("build/kdi-chip-exports/kdi-chip-exports.ko.html"))
            .unwrap();
    assert!(html.contains("메모리(HBM 포함) 수요는"));

    let cold = tempfile::tempdir().unwrap();
    copy_dir(&p.path().join("content"), &cold.path().join("content"));
    std::fs::copy(p.path().join("yoyak.yaml"), cold.path().join("yoyak.yaml")).unwrap();
    build_project(cold.path());
    assert_eq!(snapshot(&p.path().join("build")), snapshot(&cold.path().join("build")));

    // A title is listed: the same kind of edit there rewrites the index pages and the feed.
    replace_once(&file, "  ko: KDI \"2025년", "  ko: KDI \"(개정) 2025년");
    assert!(build_project(p.path()).listing_rendered);
    let index = std::fs::read_to_string(&listing[0]).unwrap();
    assert!(index.contains("(개정) 2025년"));
    assert!(std::fs::read_to_string(&listing[2]).unwrap().contains("(개정) 2025년"));
}

#[test]
fn an_edit_parses_only_the_edited_file_and_builds_what_a_cold_build_would() {
    let p = fixture("digest");
    assert_eq!(build_project(p.path()).parsed, 5, "a cold build parses every file");
    // kdi-chip-exports is in the `semis` and default digests: they are rendered again from
    // briefings the cache stood in for, which must be parsed whole for it.
    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    replace_once(&file, "  ko: ", "  ko: (개정) ");
    let edit = build_project(p.path());
    assert_eq!(edit.parsed, 1, "only the edited file is parsed");
    assert_eq!(edit.digests_rendered, ["digest", "semis"]);

    let cold = tempfile::tempdir().unwrap();
    copy_dir(&p.path().join("content"), &cold.path().join("content"));
    std::fs::copy(p.path().join("yoyak.yaml"), cold.path().join("yoyak.yaml")).unwrap();
    build_project(cold.path());
    assert_eq!(snapshot(&p.path().join("build")), snapshot(&cold.path().join("build")));

    // An unchanged briefing whose outputs were deleted is parsed again and rebuilt as it was.
    let pdf = p.path().join("build/msit-ai-budget-2026/msit-ai-budget-2026.en.pdf");
    let before = std::fs::read(&pdf).unwrap();
    std::fs::remove_file(&pdf).unwrap();
    let r = build_project(p.path());
    assert_eq!((r.parsed, r.skipped), (0, 4));
    assert_eq!(std::fs::read(&pdf).unwrap(), before);

    // The configuration is read by loading and checking: any change to it parses everything.
    let config = p.path().join("yoyak.yaml");
    std::fs::write(&config, format!("{}\n# touched\n", std::fs::read_to_string(&config).unwrap()))
        .unwrap();
    assert_eq!(build_project(p.path()).parsed, 5);
}

#[test]
fn one_two_and_three_threads_write_the_same_bytes() {
    let mut builds = Vec::new();
    for jobs in [1, 2, 3] {
        let p = fixture("digest");
        let mut o = BuildOptions::new(p.path());
        o.jobs = Some(jobs);
        let r = build(&o).unwrap();
        assert!(!r.has_errors() && r.built.len() == 5, "-j {jobs}: {:?}", r.failed);
        builds.push((jobs, snapshot(&p.path().join("build")), p));
    }
    let (_, one, _) = &builds[0];
    assert!(one.len() > 40, "briefings, digests, index and feed: {}", one.len());
    for (jobs, files, _) in &builds[1..] {
        let names = |s: &Snapshot| s.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>();
        assert_eq!(names(files), names(one), "-j {jobs}: the same files");
        for ((f, a), (_, b)) in one.iter().zip(files) {
            assert!(a == b, "{} differs between -j 1 and -j {jobs}", f.display());
        }
    }
}

#[test]
fn an_output_cut_short_after_a_crash_is_written_again() {
    // Outputs are not synced one by one: after a power cut a file the cache names may be
    // empty or short. The cache records each file's size, and a file of another size is not
    // trusted, by the no-op shortcut nor by the fresh check of one briefing.
    let p = fixture("digest");
    build_project(p.path());
    let good = snapshot(&p.path().join("build"));
    let pdf = p.path().join("build/kdi-chip-exports/kdi-chip-exports.ko.pdf");
    let html = p.path().join("build/index.html");
    std::fs::write(&pdf, b"").unwrap();
    let r = build_project(p.path());
    assert!(r.skipped < 5 && r.written >= 1, "not a no-op: {} skipped", r.skipped);
    assert_eq!(snapshot(&p.path().join("build")), good);

    // Another file changed while the inputs did not: only what it belongs to is rebuilt.
    let bytes = std::fs::read(&html).unwrap();
    std::fs::write(&html, &bytes[..bytes.len() / 2]).unwrap();
    let r = build_project(p.path());
    assert_eq!(r.skipped, 5, "every briefing is still fresh");
    assert!(r.listing_rendered, "the index pages are written again");
    assert_eq!(snapshot(&p.path().join("build")), good);
}

#[test]
fn a_stamped_file_changed_to_the_same_size_and_time_is_read_again() {
    // An unchanged file is not read again while its size, times and inode are as stamped; a
    // stamp is only taken of a file that last changed two seconds before the build.
    let p = fixture("digest");
    build_project(p.path());
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    replace_once(
        &p.path().join("content/2026-03-06-kdi-chip-exports.yaml"),
        "  ko: ",
        "  ko: 수정 ",
    );
    build_project(p.path());
    let cache = std::fs::read_to_string(p.path().join("build/.yoyak-cache.json")).unwrap();
    let msit = "content/2026-03-03-msit-ai-budget.yaml";
    assert!(cache.contains(&format!("\"{msit}\":{{\"meta\"")), "a settled file is stamped");
    assert!(!cache.contains("kdi-chip-exports.yaml\":{\"meta\""), "a file just edited is not");

    // Same size, and its modification time put back: its change time and inode still tell.
    let file = p.path().join(msit);
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    replace_once(&file, "2026년 AI 예산", "2026년 AI 재원");
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(mtime).unwrap();
    let r = build_project(p.path());
    assert_eq!(r.parsed, 1, "the changed file is read and parsed again");
    let html = std::fs::read_to_string(
        p.path().join("build/msit-ai-budget-2026/msit-ai-budget-2026.ko.html"),
    )
    .unwrap();
    assert!(html.contains("2026년 AI 재원"));
}

#[test]
fn an_edit_that_fails_to_render_is_left_out_of_what_lists_it_as_in_a_cold_build() {
    // A template that cannot lay out one title: the content passes the checks, the render fails.
    let template = builtin_template("briefing.typ");
    let failing = "#if d.title.text.contains(\"UNRENDERABLE\") { panic(\"cannot lay out\") }\n";
    let template = template.replacen("#import", &format!("{failing}#import"), 1);
    let project = || {
        let p = fixture("digest");
        std::fs::create_dir_all(p.path().join("templates")).unwrap();
        std::fs::write(p.path().join("templates/briefing.typ"), &template).unwrap();
        p
    };
    let edit = |p: &tempfile::TempDir| {
        let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
        replace_once(&file, "  en: \"KDI: chip", "  en: \"UNRENDERABLE KDI: chip");
    };
    let p = project();
    assert!(!build_project(p.path()).has_errors());
    // The edit renders one briefing, which fails: the listings drop it, as a cold build does.
    edit(&p);
    let r = build_project(p.path());
    assert_eq!((r.failed.len(), r.built.len(), r.skipped), (1, 4, 4), "{:?}", r.failed);
    assert!(r.failed[0].reason.contains("cannot lay out"), "{}", r.failed[0].reason);

    let cold = project();
    edit(&cold);
    assert_eq!(build_project(cold.path()).built.len(), 4);
    // Its last good outputs stay; whatever lists or gathers briefings is as a cold build's.
    let listed = |p: &tempfile::TempDir| {
        let mut s = snapshot(&p.path().join("build"));
        s.retain(|(f, _)| !f.starts_with("kdi-chip-exports"));
        s
    };
    let index = std::fs::read_to_string(p.path().join("build/index.en.html")).unwrap();
    assert!(!index.contains("kdi-chip-exports"), "not listed");
    assert_eq!(listed(&p), listed(&cold));
}
