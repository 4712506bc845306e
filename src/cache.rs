//! The incremental-build cache: what was built from which inputs.
//!
//! Stored as `build/.yoyak-cache.json`. Every entry is keyed by a hash of its inputs; the whole
//! file is keyed by the yoyak version and a hash of everything shared (templates, config,
//! fonts, `SOURCE_DATE_EPOCH`). A cache that does not parse, or comes from another version or
//! environment, is ignored — never trusted.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File name of the cache inside the output folder.
pub const CACHE_FILE: &str = ".yoyak-cache.json";

/// The largest cache file read (1,000 briefings make about 3.5 MB).
pub const CACHE_LIMIT: u64 = 256 << 20;

/// What one briefing produced last time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Hash of the briefing's content.
    pub hash: String,
    /// The content file it was built from (relative to the project root).
    #[serde(default)]
    pub source: PathBuf,
    /// Files written, relative to the output folder.
    pub files: Vec<PathBuf>,
    /// `.notdef` glyphs in its PDFs.
    pub notdef: usize,
}

/// What `check` found in one content file, and what the next build needs of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// Hash of the file's bytes.
    pub hash: String,
    /// Its findings (the whole-project checks run every time).
    pub findings: Vec<crate::diagnostic::Diagnostic>,
    /// For a file that loaded without a diagnostic: its briefing as index, feed and digest
    /// selection need it, so an unchanged file is not parsed again.
    #[serde(default)]
    pub slim: Option<Slim>,
}

/// An unchanged content file, as the cache keeps it instead of parsing it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slim {
    /// [`crate::content::Briefing::slim`] of the file's briefing.
    pub briefing: crate::content::Briefing,
    /// Hash of the full briefing (what its outputs are keyed by).
    pub hash: String,
    /// Where its `id:` value sits (for a duplicate-id error).
    pub id_at: Option<(crate::diagnostic::Position, usize)>,
}

/// The cache file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cache {
    /// `yoyak <version>`.
    pub version: String,
    /// Hash of the shared inputs.
    pub env: String,
    /// Per briefing id.
    pub briefings: BTreeMap<String, Entry>,
    /// Hash of the inputs of index pages and feed (every briefing), with the files produced.
    pub site: Entry,
    /// Per digest name: hash of its selection and picked briefings, with its files.
    #[serde(default)]
    pub digests: BTreeMap<String, Entry>,
    /// Per content file: the findings of `check`, reused while its bytes are unchanged.
    #[serde(default)]
    pub checks: BTreeMap<PathBuf, Checked>,
    /// Hash of every input file's bytes when the last build was clean (no diagnostics).
    #[serde(default)]
    pub clean_inputs: Option<String>,
}

/// This build's version stamp: the version plus a fingerprint of the sources it was built from.
pub fn version() -> String {
    concat!("yoyak ", env!("CARGO_PKG_VERSION"), "+", env!("YOYAK_FINGERPRINT")).to_string()
}

pub use crate::hash::hash_parts;

impl Cache {
    /// The cache file in `out` as last written, when there is one that parses. CI restores
    /// `build/` from caches a pull request may have written: only a regular file within
    /// [`CACHE_LIMIT`] is read (a symlink to `/dev/zero` is not).
    pub fn read(out: &Path) -> Option<Cache> {
        use std::io::Read;
        let path = out.join(CACHE_FILE);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.file_type().is_file() || meta.len() > CACHE_LIMIT {
            return None;
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&path).ok()?.take(CACHE_LIMIT).read_to_end(&mut bytes).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// The cache to build with: `stored` (see [`Cache::read`]) when it comes from this yoyak
    /// and environment, or an empty one when it is missing, corrupt or stale.
    /// A cache with any path that is not a plain relative name (`../x`, `/etc/x`, `a/./b`)
    /// did not come from yoyak: it is ignored whole.
    pub fn validate(stored: Option<Cache>, env: &str) -> Cache {
        let fresh = Cache { version: version(), env: env.to_string(), ..Default::default() };
        let stored = stored.filter(Cache::paths_are_plain);
        match stored {
            Some(c) if c.version == fresh.version && c.env == fresh.env => c,
            // Same yoyak, other templates or config: nothing is fresh, but the file lists still
            // say what a briefing or digest that is now gone left behind.
            Some(mut c) if c.version == fresh.version => {
                for e in c.briefings.values_mut().chain(c.digests.values_mut()) {
                    e.hash.clear();
                }
                Cache { briefings: c.briefings, digests: c.digests, ..fresh }
            }
            _ => fresh,
        }
    }

    /// Whether every path the cache names (ids and digest names are folder and file names
    /// too) is a plain relative name: only then may a build delete or trust what it lists.
    pub fn paths_are_plain(&self) -> bool {
        let plain = |p: &Path| crate::output::is_plain_relative(p);
        let entries = self.briefings.iter().chain(&self.digests);
        entries.clone().all(|(name, _)| plain(Path::new(name)))
            && entries.chain([(&String::new(), &self.site)]).all(|(_, e)| {
                e.files.iter().all(|f| plain(f))
                    && (e.source.as_os_str().is_empty() || plain(&e.source))
            })
            && self.checks.keys().all(|p| plain(p))
    }

    /// Whether `entry` matches `hash` and all its files are still there.
    pub fn is_fresh(entry: Option<&Entry>, hash: &str, out: &Path) -> bool {
        entry.is_some_and(|e| {
            !e.hash.is_empty() && e.hash == hash && e.files.iter().all(|f| is_built(out, f))
        })
    }

    /// Write the cache (atomically).
    pub fn save(&self, out: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        crate::output::write_atomic(&out.join(CACHE_FILE), &json).map(|_| ())
    }
}

/// Whether `out/rel` is a regular file inside the output folder (a symlink is not).
pub fn is_built(out: &Path, rel: &Path) -> bool {
    crate::output::inside(out, rel)
        .and_then(|p| std::fs::symlink_metadata(p).ok())
        .is_some_and(|m| m.file_type().is_file())
}
