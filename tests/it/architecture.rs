//! The dependency rule of ARCHITECTURE.md, kept by a test: a module uses only modules on a
//! lower layer (or itself), so the pipeline reads one way and no import cycle can form.

use crate::common::repo;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may use any module on a lower layer, and modules
/// on the same layer are independent of each other.
const LAYERS: &[&[&str]] = &[
    &["text", "hash"],
    &["input", "output"],
    &["diagnostic"],
    &["numbers"],
    &["markdown"],
    &["content"],
    &["check"],
    &["render"],
    &["build"],
    &["import", "scaffold"],
    &["serve"],
];

/// The layer of a top-level module of the library.
fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every `.rs` file of the library (the binary's `main.rs` and `cli/` sit above everything).
fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.ends_with("cli") {
            library_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/build/pool.rs` → `build`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules a file names as `crate::<module>`, in paths or in `use crate::{…}`.
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for name in names {
            let name: String =
                name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = repo().join("src");
    let mut files = Vec::new();
    library_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let module = module_of(&src, &file);
        let Some(own) = layer(&module) else { continue };
        for used in used_modules(&std::fs::read_to_string(&file).unwrap()) {
            let Some(theirs) = layer(&used) else { continue };
            let allowed = used == module || theirs < own;
            if !allowed {
                wrong.push(format!("{} uses crate::{used}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "uses against the layering of ARCHITECTURE.md:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let lib = std::fs::read_to_string(repo().join("src/lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(modules.len() > 5, "{modules:?}");
    for m in modules {
        assert!(layer(m).is_some(), "src/{m} has no layer in the architecture test");
    }
}

#[test]
fn the_rule_catches_a_use_of_a_later_stage() {
    let used =
        used_modules("use crate::{content::Fact, render::{self, x}};\nlet a = crate::build::f();");
    assert!(used.contains("render") && used.contains("build") && used.contains("content"));
    let own = layer("check").unwrap();
    assert!(layer("render").unwrap() > own, "check runs before render");
}
