//! Writing into `build/`: every file appears whole or not at all, nothing outside the output
//! folder is ever written or deleted, and what an interrupted write leaves behind is removed by
//! the next build.
//!
//! Paths come from yoyak itself and from the build cache, which CI restores and pull requests
//! can write: [`inside`] is the one gate every write and delete passes.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// A relative path made only of plain names: no root, no `..`, no `.`, no empty name (`a//b`,
/// `a/`). Checked on its bytes where `/` is the only separator, since the cache's 10,000
/// paths are checked on every build (`Path::components` also lets `a/./b` through).
pub fn is_plain_relative(rel: &Path) -> bool {
    let names_are_plain = |bytes: &[u8]| {
        !bytes.is_empty()
            && bytes.split(|&b| b == b'/').all(|n| !n.is_empty() && n != b"." && n != b"..")
    };
    let plain = names_are_plain(rel.as_os_str().as_encoded_bytes());
    // Elsewhere a prefix (`C:`) or another separator can hide in a name: ask `Path` too.
    plain && (cfg!(unix) || rel.components().all(|c| matches!(c, Component::Normal(_))))
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

/// Write `bytes` to `out/rel` atomically, refusing any path that leads outside. Unlike
/// [`write_atomic`] the file is not synced to disk on its own: a build writes thousands, and
/// its cache, synced once after all of them, records each file's size, which the next build
/// checks before trusting a file (see `build::incremental`).
pub fn write_inside(out: &Path, rel: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let path = inside(out, rel).ok_or_else(|| refused(out, rel))?;
    replace_file(&path, bytes, false)
}

/// The name of the temporary file that process `pid` writes `name` through: `.NAME.PID.tmp`.
/// The one definition of the pattern: [`write_atomic`] writes these names and
/// [`remove_temporaries`] removes only names this function gives.
pub fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// The process id in a name [`temp_name`] gives, if `file_name` is one.
pub fn temp_pid(file_name: &str) -> Option<u32> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (name, pid) = inner.rsplit_once('.')?;
    let pid: u32 = pid.parse().ok()?;
    // Round trip: `+7` or `007` parse as numbers but are not what the writer makes.
    (!name.is_empty() && temp_name(name, pid) == file_name).then_some(pid)
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
/// The file is synced to disk before the rename, so after a crash `path` holds the old bytes
/// or the new ones.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    replace_file(path, bytes, true)
}

/// [`write_atomic`], syncing the new file before the rename only when `sync` is set.
fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<bool> {
    if holds(path, bytes) {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(temp_name(&name, std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        if sync {
            f.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|_| true)
}

/// A temporary file of a process that is still running is left alone until it is this old:
/// it may be a write in progress (two builds into one folder), and no write takes minutes.
pub const TEMP_GRACE: Duration = Duration::from_secs(10 * 60);

/// Whether process `pid` is running: `Some` where `/proc` tells (Linux), `None` elsewhere.
fn process_alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    proc.join("self").exists().then(|| proc.join(pid.to_string()).exists())
}

/// Whether the temporary file at `path` (of process `pid`) was abandoned: its process is gone,
/// or it is older than [`TEMP_GRACE`] (a reused process id, or no `/proc` to ask).
fn abandoned(path: &Path, pid: u32) -> bool {
    if process_alive(pid) == Some(false) {
        return true;
    }
    let modified = std::fs::symlink_metadata(path).and_then(|m| m.modified());
    modified.is_ok_and(|t| t.elapsed().is_ok_and(|age| age > TEMP_GRACE))
}

/// Remove the temporary files that interrupted writes (a killed build) left under `out`;
/// returns how many. Only regular files named as [`temp_name`] gives and abandoned (see
/// [`abandoned`]); symbolic links are neither followed nor removed.
pub fn remove_temporaries(out: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(out) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        // `file_type` does not follow symbolic links: a link to a folder is not descended.
        let Ok(kind) = entry.file_type() else { continue };
        let path = entry.path();
        if kind.is_dir() {
            removed += remove_temporaries(&path);
        } else if kind.is_file()
            && let Some(pid) = entry.file_name().to_str().and_then(temp_pid)
            && abandoned(&path, pid)
            && std::fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_are_plain() {
        for rel in ["a", "a/b.txt", "tag/x.ko.html", ".yoyak-cache.json", "a/..b", "한글/파일"]
        {
            assert!(is_plain_relative(Path::new(rel)), "{rel}");
        }
        for rel in ["", "/a", "../a", "a/..", "./a", "a/./b", "a//b", "a/", ".", ".."] {
            assert!(!is_plain_relative(Path::new(rel)), "{rel}");
        }
    }

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

    #[test]
    fn the_temporary_pattern_round_trips_and_nothing_else_matches() {
        assert_eq!(temp_pid(&temp_name("index.html", 42)), Some(42));
        assert_eq!(temp_pid(&temp_name(".yoyak-cache.json", 7)), Some(7));
        assert_eq!(temp_pid(&temp_name("a.b.c.pdf", 4_000_000_000)), Some(4_000_000_000));
        for other in [
            "index.html",
            ".index.html.tmp",
            "index.html.42.tmp",
            ".index.html.42.tmp.bak",
            "..42.tmp",
            ".index.html.+42.tmp",
            ".index.html.042.tmp",
            ".index.html.99999999999.tmp",
            ".x.-1.tmp",
        ] {
            assert_eq!(temp_pid(other), None, "{other}");
        }
    }

    #[test]
    fn only_abandoned_regular_temporaries_inside_the_folder_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build");
        std::fs::create_dir_all(out.join("a/b")).unwrap();
        // No process has this id (Linux allows at most 2^22): gone where `/proc` tells.
        let dead = 4_000_000_000;
        let mut stale = vec![out.join("a/b").join(temp_name("x.pdf", dead))];
        if process_alive(dead).is_none() {
            stale.clear();
        }
        // A running process's temporary (a reused id), old enough to be abandoned.
        let old = out.join(temp_name("index.html", std::process::id()));
        stale.push(old.clone());
        for f in &stale {
            std::fs::write(f, "half").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&old).unwrap().set_modified(hour_ago).unwrap();
        let live = out.join(temp_name("feed.xml", std::process::id()));
        let kept = [out.join("index.html"), out.join("a/.notes.tmp"), live.clone()];
        for f in &kept {
            std::fs::write(f, "keep").unwrap();
        }
        let outside = dir.path().join(temp_name("secret", dead));
        std::fs::write(&outside, "outside").unwrap();
        #[cfg(unix)]
        {
            let link = out.join(temp_name("link", dead));
            std::os::unix::fs::symlink(&outside, &link).unwrap();
            std::os::unix::fs::symlink(dir.path(), out.join("up")).unwrap();
            std::fs::create_dir(out.join(temp_name("folder", dead))).unwrap();
        }
        assert_eq!(remove_temporaries(&out), stale.len());
        assert!(stale.iter().all(|f| !f.exists()));
        assert!(kept.iter().all(|f| f.exists()), "ordinary files and live temporaries stay");
        assert!(outside.exists(), "nothing outside the folder, nor behind a link, is touched");
        #[cfg(unix)]
        {
            assert!(out.join(temp_name("link", dead)).symlink_metadata().is_ok());
            assert!(out.join(temp_name("folder", dead)).is_dir());
        }
        assert_eq!(remove_temporaries(&dir.path().join("missing")), 0);
    }
}
