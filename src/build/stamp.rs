//! Stamps: what an input file's metadata said when its bytes were hashed. While a file's size,
//! modification and change times and inode all stay as stamped, its bytes are those hashed
//! (git's index works the same way), so an edit rebuild reads one content file, not 1,000.
//!
//! A file changed twice within one tick of the file system's clock keeps its times: a stamp is
//! therefore only taken of a file last changed two seconds before the build started (git's
//! "racily clean" rule). The change time cannot be set by a user, so a stamp in a cache a
//! pull request wrote cannot be made to match a file of the checkout.

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::SystemTime;

/// A file's metadata as a stamp compares it: size, modification and change times (in
/// nanoseconds since 1970) and inode.
pub type Meta = (u64, i128, i128, u64);

/// What a file's metadata said when its hash was taken, and the hash.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Stamp {
    /// The metadata.
    pub meta: Meta,
    /// Hash of the file's bytes.
    pub hash: String,
}

/// How long before the build a file must have last changed to be stamped.
const SETTLED_NANOS: i128 = 2_000_000_000;

/// The metadata of `root/rel` when it is a regular file (not a link); `None` for anything
/// else, and where the platform cannot tell change times.
pub fn meta_of(root: &Path, rel: &Path) -> Option<Meta> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(root.join(rel)).ok()?;
        let nanos = |s: i64, ns: i64| i128::from(s) * 1_000_000_000 + i128::from(ns);
        let times = (nanos(m.mtime(), m.mtime_nsec()), nanos(m.ctime(), m.ctime_nsec()));
        m.file_type().is_file().then_some((m.len(), times.0, times.1, m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (root, rel);
        None
    }
}

/// Nanoseconds since 1970 at `t` (0 for a clock set before 1970).
pub fn nanos_at(t: SystemTime) -> i128 {
    t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128)
}

/// The hash `stamp` vouches for, when `meta` (read now) is what it was stamped with.
pub fn vouched(stamp: Option<&Stamp>, meta: Option<Meta>) -> Option<&str> {
    stamp.filter(|s| Some(s.meta) == meta).map(|s| s.hash.as_str())
}

/// A stamp of a file with `meta` and `hash`, when it last changed two seconds or more before
/// `started` (nanoseconds since 1970): a later change within the same clock tick would
/// otherwise go unseen.
pub fn stamp(meta: Option<Meta>, hash: &str, started: i128) -> Option<Stamp> {
    let meta = meta?;
    let settled = meta.1.max(meta.2) <= started - SETTLED_NANOS;
    settled.then(|| Stamp { meta, hash: hash.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_vouches_only_for_the_metadata_it_was_taken_with() {
        let meta = (10, 1_000, 2_000, 7);
        let s = stamp(Some(meta), "h", 10_000_000_000).unwrap();
        assert_eq!(vouched(Some(&s), Some(meta)), Some("h"));
        for other in [(11, 1_000, 2_000, 7), (10, 1_001, 2_000, 7), (10, 1_000, 2_001, 7)] {
            assert_eq!(vouched(Some(&s), Some(other)), None, "{other:?}");
        }
        assert_eq!(vouched(Some(&s), Some((10, 1_000, 2_000, 8))), None, "another inode");
        assert_eq!(vouched(Some(&s), None), None, "no longer a regular file");
    }

    #[test]
    fn a_file_changed_in_the_last_two_seconds_is_not_stamped() {
        let started = 100 * SETTLED_NANOS;
        let at = |t: i128| Some((1, t, t, 1));
        assert!(stamp(at(started - SETTLED_NANOS), "h", started).is_some());
        assert!(stamp(at(started - SETTLED_NANOS + 1), "h", started).is_none());
        assert!(stamp(at(started + 1), "h", started).is_none(), "a time in the future");
        let changed_late = Some((1, started - 3 * SETTLED_NANOS, started, 1));
        assert!(stamp(changed_late, "h", started).is_none(), "a recent change time counts");
        assert!(stamp(None, "h", started).is_none());
    }

    #[test]
    fn only_a_regular_file_has_metadata_to_stamp() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "id: a\n").unwrap();
        let meta = meta_of(dir.path(), Path::new("a.yaml"));
        assert_eq!(meta_of(dir.path(), Path::new("missing.yaml")), None);
        #[cfg(unix)]
        {
            assert_eq!(meta.map(|m| m.0), Some(6));
            std::os::unix::fs::symlink("a.yaml", dir.path().join("b.yaml")).unwrap();
            assert_eq!(meta_of(dir.path(), Path::new("b.yaml")), None, "a link");
        }
        #[cfg(not(unix))]
        assert_eq!(meta, None);
    }
}
