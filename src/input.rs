//! Reading the project: only regular files inside the project root, never more than a limit.
//!
//! Content comes from pull requests, so a file in `content/`, `templates/` or `fonts/` may be a
//! symlink to `/etc/passwd` or `/dev/zero`, a FIFO that blocks forever, or gigabytes long. Every
//! read of a project file goes through [`read`], which refuses all of these with an error that
//! says what the file is, before a byte of it is read.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The most bytes one read may return, and the `yoyak.yaml` setting that raises it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Bytes.
    pub bytes: u64,
    /// The setting that raises it, e.g. `limits.file-size`.
    pub setting: &'static str,
}

/// Why a project file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// There is no such file.
    #[error("{0} does not exist")]
    NotFound(PathBuf),
    /// A symlink (or a symlinked folder) leads out of the project.
    #[error("{path} leads outside the project (to {target}); yoyak reads only files inside it")]
    Outside {
        /// The path as given.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
    /// A FIFO, device, socket or folder where a file was expected.
    #[error("{path} is a {kind}, not a regular file; yoyak reads only regular files")]
    NotRegular {
        /// The path as given.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// Bigger than the limit.
    #[error(
        "{path} is {size} bytes, over the limit of {} bytes; raise `{}` in yoyak.yaml if it is meant to be this big",
        limit.bytes,
        limit.setting
    )]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// Its size (at least `limit.bytes + 1`).
        size: u64,
        /// The limit it broke.
        limit: Limit,
    },
    /// The operating system refused.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path as given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The canonical form of `root`, against which every path is checked.
fn canonical_root(root: &Path) -> Result<PathBuf, ReadError> {
    std::fs::canonicalize(root).map_err(|source| io_error(root, source))
}

/// A failed read of `path`: not found, or another I/O error.
fn io_error(path: &Path, source: std::io::Error) -> ReadError {
    if source.kind() == std::io::ErrorKind::NotFound {
        ReadError::NotFound(path.to_path_buf())
    } else {
        ReadError::Io { path: path.to_path_buf(), source }
    }
}

/// What a non-regular file is, for the error message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "folder"
    } else if t.is_fifo() {
        "FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "device"
    } else if t.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

/// Where `root/rel` really is, when that is inside the project: every symlink on the way
/// (the file itself or a folder above it) is resolved, and the result must stay under root.
pub fn resolve(root: &Path, rel: &Path) -> Result<PathBuf, ReadError> {
    let shown = shown_path(root, rel);
    let real = std::fs::canonicalize(root.join(rel)).map_err(|e| io_error(&shown, e))?;
    if !real.starts_with(canonical_root(root)?) {
        return Err(ReadError::Outside { path: shown, target: real });
    }
    Ok(real)
}

/// `rel` as messages show it (relative to the root when it is relative).
fn shown_path(root: &Path, rel: &Path) -> PathBuf {
    rel.strip_prefix(root).unwrap_or(rel).to_path_buf()
}

/// The bytes of the regular file `root/rel`, refusing anything outside the project, anything
/// but a regular file, and more than `limit` bytes — all checked before the file is opened.
pub fn read(root: &Path, rel: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let shown = shown_path(root, rel);
    let real = resolve(root, rel)?;
    let meta = std::fs::metadata(&real).map_err(|e| io_error(&shown, e))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular { path: shown, kind: kind_of(&meta) });
    }
    if meta.len() > limit.bytes {
        return Err(ReadError::TooLarge { path: shown, size: meta.len(), limit });
    }
    let file = std::fs::File::open(&real).map_err(|e| io_error(&shown, e))?;
    read_within(file, &shown, limit)
}

/// [`read`] for a file [`list`] gave: its folder is inside the project, so only the file
/// itself could lead out. It is opened without following a link and without waiting on a
/// FIFO, and read when it is a regular file within `limit`; anything else (a link, a FIFO,
/// no file) goes through [`read`], which says what it is. Hashing 1,000 content files
/// resolved no path twice this way.
pub fn read_listed(root: &Path, rel: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(root.join(rel));
        if let Ok(file) = file
            && file.metadata().is_ok_and(|m| m.is_file() && m.len() <= limit.bytes)
        {
            return read_within(file, &shown_path(root, rel), limit);
        }
    }
    read(root, rel, limit)
}

/// The bytes of open regular file `file`, never more than `limit` (it may grow after its
/// size was checked).
fn read_within(file: std::fs::File, shown: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(file.metadata().map_or(0, |m| m.len() as usize));
    file.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, e))?;
    if bytes.len() as u64 > limit.bytes {
        let path = shown.to_path_buf();
        return Err(ReadError::TooLarge { path, size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// [`read`], or `None` when the file does not exist.
pub fn read_optional(root: &Path, rel: &Path, limit: Limit) -> Result<Option<Vec<u8>>, ReadError> {
    match read(root, rel, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The entries of the folder `root/rel` (paths relative to the root, sorted), or `None` when
/// it does not exist. The folder itself must be inside the project; its entries are only
/// listed here, and each is checked when it is read.
pub fn list(root: &Path, rel: &Path) -> Result<Option<Vec<PathBuf>>, ReadError> {
    let real = match resolve(root, rel) {
        Ok(real) => real,
        Err(ReadError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let shown = shown_path(root, rel);
    if !real.is_dir() {
        return Ok(None);
    }
    let entries = std::fs::read_dir(&real).map_err(|e| io_error(&shown, e))?;
    let mut out: Vec<PathBuf> =
        entries.filter_map(|e| e.ok()).map(|e| shown.join(e.file_name())).collect();
    // One folder's entries differ only in their last component: the order of their bytes is
    // the order of the paths, at a tenth of the cost of comparing components.
    out.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit { bytes: 16, setting: "limits.file-size" };

    #[test]
    fn refuses_symlinks_out_fifos_and_big_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(dir.path().join("secret"), "outside").unwrap();
        std::fs::write(root.join("content/ok.yaml"), "id: a").unwrap();
        std::fs::write(root.join("content/big.yaml"), "x".repeat(17)).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("content/out.yaml"))
            .unwrap();
        std::os::unix::fs::symlink(root.join("content/ok.yaml"), root.join("content/in.yaml"))
            .unwrap();
        let fifo = root.join("content/fifo.yaml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        // A file `list` gave is read the same way, whatever it is.
        let listed = |name: &str| read_listed(&root, &Path::new("content").join(name), LIMIT);
        let careful = |name: &str| read(&root, &Path::new("content").join(name), LIMIT);
        let read = |name: &str| {
            let (a, b) = (listed(name), careful(name));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
            a
        };
        assert_eq!(read("ok.yaml").unwrap(), b"id: a");
        assert_eq!(read("in.yaml").unwrap(), b"id: a", "a symlink inside the root is followed");
        assert!(matches!(read("out.yaml"), Err(ReadError::Outside { .. })));
        assert!(matches!(read("fifo.yaml"), Err(ReadError::NotRegular { .. })));
        assert!(matches!(read("big.yaml"), Err(ReadError::TooLarge { size: 17, .. })));
        assert!(matches!(read("none.yaml"), Err(ReadError::NotFound(_))));
        std::os::unix::fs::symlink("/dev/zero", root.join("content/zero.yaml")).unwrap();
        assert!(matches!(read("zero.yaml"), Err(ReadError::Outside { .. })));
    }

    #[test]
    fn a_folder_symlinked_out_of_the_project_is_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        std::fs::create_dir_all(&root).unwrap();
        std::os::unix::fs::symlink("/etc", root.join("content")).unwrap();
        assert!(matches!(list(&root, Path::new("content")), Err(ReadError::Outside { .. })));
        assert!(list(&root, Path::new("fonts")).unwrap().is_none());
    }
}
