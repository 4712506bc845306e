//! Cargo build script: a fingerprint of the sources and built-in templates, so the incremental
//! cache of one yoyak build is never trusted by a different one, even at the same version.

use std::path::Path;

fn visit(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() { visit(&p, files) } else { files.push(p) }
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "templates"] {
        println!("cargo:rerun-if-changed={dir}");
        visit(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a over paths and contents: no dependency needed, collisions irrelevant here.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f.to_string_lossy().bytes().chain(std::fs::read(&f).unwrap_or_default()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=YOYAK_FINGERPRINT={h:016x}");
}
