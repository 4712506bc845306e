//! Writing into `build/`: every file appears whole or not at all, and what an interrupted
//! write leaves behind is removed by the next build.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

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

/// Write `bytes` to `path` by writing a temporary file in the same folder and renaming it,
/// so a reader (or a crash) never sees half a file. Unchanged files are left untouched, which
/// keeps their modification time for tools that watch `build/`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(temp_name(&name, std::process::id()));
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
