//! The HWPX editions read by tools yoyak does not control: python-hwpx's OWPML schema and
//! package validators, and rhwp (its own parser and layout engine), which must find every
//! paragraph, table cell and fact value in both languages and draw page 1.
//!
//! The readers live in a Python virtual environment that `.ci/run` creates
//! (`YOYAK_HWPX_VENV`, default `$TMPDIR/yoyak-ci-hwpx`). Without it the test says so and
//! passes on a developer's machine, and fails under CI (`CI` set), where it must run.

use crate::common::*;
use std::path::{Path, PathBuf};
use yoyak::markdown::{Block, Inline};
use yoyak::render::Edition;

/// The virtual environment holding python-hwpx, rhwp-python and resvg-py, if present.
fn venv() -> Option<PathBuf> {
    let dir = std::env::var_os("YOYAK_HWPX_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("yoyak-ci-hwpx"));
    dir.join("bin/hwpx-validate").is_file().then_some(dir)
}

/// What the readers said about one file.
struct Reading {
    file: String,
    json: serde_json::Value,
}

/// Run `tests/hwpx/readers.py` over `files`; page-1 PNGs go to `png_dir`.
fn read_with_readers(venv: &Path, files: &[PathBuf], png_dir: &Path) -> Vec<Reading> {
    let mut cmd = std::process::Command::new(venv.join("bin/python"));
    cmd.arg(repo().join("tests/hwpx/readers.py"))
        .arg(repo().join("templates/fonts"))
        .arg(png_dir)
        .args(files);
    // rhwp-python's bundled libfreetype lacks a symbol on Debian 12: use the system's.
    let system_freetype = Path::new("/lib/x86_64-linux-gnu/libfreetype.so.6");
    if system_freetype.is_file() {
        cmd.env("LD_PRELOAD", system_freetype);
    }
    let out = cmd.output().expect("the venv's python runs");
    assert!(out.status.success(), "readers.py failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let json: serde_json::Value = serde_json::from_str(line).expect("one JSON per line");
            Reading { file: json["file"].as_str().unwrap_or_default().to_string(), json }
        })
        .collect()
}

/// Both validators pass, and rhwp opens the file and draws a non-blank page 1.
fn assert_valid(r: &Reading) {
    let schema = &r.json["schema"];
    assert_eq!(schema["code"], 0, "{}: hwpx-validate: {}", r.file, schema["output"]);
    assert!(schema["output"].as_str().unwrap_or("").contains("passed"), "{}", r.file);
    let package = &r.json["package"];
    assert_eq!(package["code"], 0, "{}: hwpx-validate-package: {}", r.file, package["output"]);
    assert!(!package["output"].as_str().unwrap_or("").contains("ERROR"), "{}", r.file);
    assert!(r.json.get("rhwp_error").is_none(), "{}: rhwp: {}", r.file, r.json["rhwp_error"]);
    let rhwp = &r.json["rhwp"];
    assert!(rhwp["pages"].as_u64().unwrap_or(0) >= 1, "{}: rhwp found no page", r.file);
    // A blank A4 page at rhwp's resolution is a few kilobytes; text makes it far larger.
    assert!(rhwp["png_bytes"].as_u64().unwrap_or(0) > 20_000, "{}: page 1 looks blank", r.file);
}

/// Plain text of inline runs (what a reader shows of them).
fn inline_text(c: &[Inline], out: &mut String) {
    for i in c {
        match i {
            Inline::Text { s } | Inline::Code { s } | Inline::Figure { s, .. } => out.push_str(s),
            Inline::Strong { c } | Inline::Emph { c } | Inline::Link { c, .. } => {
                inline_text(c, out)
            }
            Inline::Br => out.push(' '),
        }
    }
}

/// The text of every paragraph, heading, list item and table cell of a Markdown body.
fn block_texts(blocks: &[Block], out: &mut Vec<String>) {
    let text = |c: &[Inline]| {
        let mut s = String::new();
        inline_text(c, &mut s);
        s
    };
    for b in blocks {
        match b {
            Block::P { c } | Block::H { c, .. } => out.push(text(c)),
            Block::List { items, .. } => items.iter().for_each(|item| block_texts(item, out)),
            Block::Quote { c } => block_texts(c, out),
            Block::Code { s } => out.extend(s.lines().map(str::to_string)),
            Block::Table { head, rows, .. } => {
                out.extend(head.iter().map(|cell| text(cell)));
                out.extend(rows.iter().flatten().map(|cell| text(cell)));
            }
            Block::Rule => {}
        }
    }
}

/// Every text an edition's HWPX must carry: titles, key points, headings, body paragraphs
/// and table cells, fact labels and values in every language, the release's contacts.
fn expected_texts(e: &Edition) -> Vec<String> {
    let mut out = vec![e.title.text.clone()];
    out.extend(e.other_titles.iter().map(|p| p.text.clone()));
    out.extend(e.summary.iter().map(|p| p.text.clone()));
    for s in &e.sections {
        out.push(s.heading.text.clone());
        block_texts(&s.body.blocks, &mut out);
    }
    if let Some(lead) = &e.lead {
        block_texts(&lead.blocks, &mut out);
    }
    for f in &e.facts {
        out.extend(f.labels.iter().chain(&f.values).map(|p| p.text.clone()));
    }
    if let Some(r) = &e.release {
        out.push(r.organisation.text.clone());
        for c in &r.contacts {
            out.extend([c.name.text.clone(), c.phone.clone(), c.department.text.clone()]);
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

#[test]
fn hwpx_editions_pass_both_validators_and_rhwp_reads_every_text() {
    let Some(venv) = venv() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must check HWPX with python-hwpx and rhwp: .ci/run creates $YOYAK_HWPX_VENV"
        );
        eprintln!("skipped: no HWPX readers (run .ci/run, or set YOYAK_HWPX_VENV)");
        return;
    };
    let project = seed_project();
    let report = build_project(project.path());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let loaded = yoyak::content::load_project(project.path()).unwrap();
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for b in loaded.briefings() {
        for lang in &loaded.config.languages {
            let path = project.path().join(format!("build/{}/{}.{lang}.hwpx", b.id, b.id));
            let e = yoyak::render::edition(b, lang, &loaded.config);
            expected.push((path.to_string_lossy().into_owned(), expected_texts(&e)));
            files.push(path);
        }
    }
    assert!(loaded.briefings().any(|b| b.release.is_some()), "the seed has a press release");
    let png_dir = repo().join("target/hwpx-pages");
    std::fs::create_dir_all(&png_dir).unwrap();
    let readings = read_with_readers(&venv, &files, &png_dir);
    assert_eq!(readings.len(), files.len());
    for (r, (file, texts)) in readings.iter().zip(&expected) {
        assert_eq!(&r.file, file);
        assert_valid(r);
        let read = |key: &str| r.json["rhwp"][key].as_str().unwrap_or_default().to_string();
        let seen = squash(&format!("{}\n{}", read("text"), read("ir_text")));
        for t in texts {
            assert!(seen.contains(&squash(t)), "{file}: rhwp does not find {t:?}");
        }
    }
}

#[test]
fn digest_hwpx_passes_both_validators() {
    let Some(venv) = venv() else {
        assert!(std::env::var_os("CI").is_none(), "CI must check HWPX: see .ci/run");
        return;
    };
    let project = fixture("digest");
    let report = build_project(project.path());
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let mut files: Vec<PathBuf> = std::fs::read_dir(project.path().join("build/digest"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "hwpx"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the digest fixture writes HWPX digests");
    let png_dir = repo().join("target/hwpx-pages");
    std::fs::create_dir_all(&png_dir).unwrap();
    for r in read_with_readers(&venv, &files, &png_dir) {
        assert_valid(&r);
    }
}
