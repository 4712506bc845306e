//! Shared helpers: fixture projects in temporary folders, PDF text, HTML parse errors.

use std::path::{Path, PathBuf};
use yoyak::build::{BuildOptions, BuildReport, build};

/// The repository root (for `content/` and `tests/fixtures/`).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A temporary project holding the repository's own `content/` and `yoyak.yaml`.
pub fn seed_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    std::fs::copy(repo().join("yoyak.yaml"), dir.path().join("yoyak.yaml")).unwrap();
    dir
}

/// The text of the built-in template `name` (to write an altered copy as an override).
pub fn builtin_template(name: &str) -> String {
    let found = yoyak::render::templates::BUILTIN.iter().find(|(n, _)| *n == name);
    found.map(|(_, text)| text.to_string()).unwrap_or_else(|| panic!("{name} is built in"))
}

/// Build the project at `root` into `root/build`.
pub fn build_project(root: &Path) -> BuildReport {
    build(&BuildOptions::new(root)).expect("build runs")
}

/// Text of a PDF, as a reader's copy-and-paste would give it.
pub fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    pdf_extract::extract_text_from_mem(&bytes).expect("PDF text extracts")
}

/// Remove all whitespace: PDF extraction places line breaks where layout put them.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Assert that `haystack` contains `needle`, ignoring whitespace.
pub fn assert_contains_squashed(haystack: &str, needle: &str, what: &str) {
    assert!(squash(haystack).contains(&squash(needle)), "{what} should contain {needle:?}");
}

/// HTML5 parse errors reported by html5ever (the WHATWG parsing algorithm).
pub fn html_errors(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    use html5ever::{ParseOpts, parse_document, tree_builder::TreeBuilderOpts};
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts { exact_errors: true, ..Default::default() },
        ..Default::default()
    };
    let dom = parse_document(markup5ever_rcdom::RcDom::default(), opts).one(html);
    dom.errors.borrow().iter().map(|e| e.to_string()).collect()
}

/// Every element name and attribute in an HTML document, in document order.
pub fn html_elements(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{Handle, NodeData, RcDom};
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    fn walk(h: &Handle, out: &mut Vec<(String, Vec<(String, String)>)>) {
        if let NodeData::Element { name, attrs, .. } = &h.data {
            let attrs = attrs
                .borrow()
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect();
            out.push((name.local.to_string(), attrs));
        }
        for c in h.children.borrow().iter() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    walk(&dom.document, &mut out);
    out
}

/// All files under `dir`, relative, sorted.
pub fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    fn walk(base: &Path, d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// Run the `yoyak` binary; returns (exit code, stdout, stderr).
pub fn run_yoyak(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yoyak"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A build's cache without its input stamps: each input's size, times and inode, recorded once
/// the file has been still for two seconds (so a slow machine records them and a quick one does
/// not), are this checkout's, not what the build made.
pub fn without_stamps(cache: &[u8]) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(cache).unwrap();
    json.as_object_mut().unwrap().remove("stamps");
    serde_json::to_vec(&json).unwrap()
}
