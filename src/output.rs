//! Writing into `build/`: every file appears whole or not at all, and nothing outside the
//! output folder is ever written or deleted.
//!
//! Paths come from yoyak itself and from the build cache, which CI restores and pull requests
//! can write: [`inside`] is the one gate every write and delete passes.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// A relative path made only of plain names: no root, no `..`, no `.`.
pub fn is_plain_relative(rel: &Path) -> bool {
    rel.components().next().is_some() && rel.components().all(|c| matches!(c, Component::Normal(_)))
}

/// `out/rel`, when writing or deleting it cannot reach outside `out`: `rel` is plain and
/// every folder between `out` and the file that exists is a real folder, not a symlink.
pub fn inside(out: &Path, rel: &Path) -> Option<PathBuf> {
    if !is_plain_relative(rel) {
        return None;
    }
    let mut dir = out.to_path_buf();
    for part in rel.parent().into_iter().flat_map(Path::components) {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if !meta.file_type().is_dir() => return None,
            Ok(_) => {}
            Err(_) => break, // not there yet: it will be created as a real folder
        }
    }
    Some(out.join(rel))
}

/// Delete `out/rel` if it is a regular file strictly inside `out`; anything else (a symlink,
/// a folder, a path that leads out) is left alone. Returns whether a file was removed.
pub fn remove_inside(out: &Path, rel: &Path) -> bool {
    let Some(path) = inside(out, rel) else { return false };
    let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    regular && std::fs::remove_file(&path).is_ok()
}

/// An error for a path the cache or a caller gave that leads outside the output folder.
fn refused(out: &Path, rel: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        format!("{} is not a plain file path inside {}", rel.display(), out.display()),
    )
}

/// Write `bytes` to `out/rel` (see [`write_atomic`]), refusing any path that leads outside.
pub fn write_inside(out: &Path, rel: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let path = inside(out, rel).ok_or_else(|| refused(out, rel))?;
    write_atomic(&path, bytes)
}

/// Whether `path` is a regular file holding exactly `bytes` (a symlink or a FIFO never is:
/// it is not followed, let alone read).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let same_size = std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    same_size && std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// Write `bytes` to `path` by writing a temporary file in the same folder and renaming it,
/// so a reader (or a crash) never sees half a file. Unchanged files are left untouched, which
/// keeps their modification time for tools that watch `build/`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if holds(path, bytes) {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|_| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_outside_the_output_folder_is_written_or_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build");
        std::fs::create_dir_all(&out).unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").unwrap();
        std::os::unix::fs::symlink(dir.path(), out.join("link")).unwrap();
        for rel in ["../victim.txt", "link/victim.txt", "/tmp/x", "", "a/../../x", "./../x"] {
            assert!(!remove_inside(&out, Path::new(rel)), "{rel}");
            assert!(write_inside(&out, Path::new(rel), b"x").is_err(), "{rel}");
        }
        assert!(!remove_inside(&out, Path::new("link")), "a symlink itself is not a file");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(write_inside(&out, Path::new("a/b.txt"), b"x").unwrap());
        assert!(remove_inside(&out, Path::new("a/b.txt")));
    }
}
