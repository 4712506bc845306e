//! Incremental state: what the last build made from which inputs, and what this one may
//! therefore skip — the no-op shortcut, content files not parsed again, briefings and
//! digests not rendered again.
//!
//! The cache is stored as `build/.yoyak-cache.json`. Every entry is keyed by a hash of its inputs; the whole
//! file is keyed by the yoyak version and a hash of everything shared (templates, config,
//! fonts, `SOURCE_DATE_EPOCH`). A cache that does not parse, or comes from another version or
//! environment, is ignored — never trusted.

use super::file_map::{self, FileMap};
use super::stamp::{self, Meta, Stamp};
use super::{BuildOptions, BuildReport};
use crate::content::{self, Briefing, Config, Limits, Loaded, Project};
use crate::diagnostic::Diagnostic;
use crate::hash::hash_parts;
use crate::render::RenderError;
use crate::render::templates::TemplateSet;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

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
    /// Their sizes in bytes, in the order of `files`: files are not synced one by one, so a
    /// file is trusted only while it has the size it was written with (after a crash a file
    /// the cache names may be empty or cut short).
    #[serde(default)]
    pub sizes: Vec<u64>,
    /// `.notdef` glyphs in its PDFs.
    pub notdef: usize,
}

impl Entry {
    /// Whether every file of the entry is in `out` as it was written: a regular file of the
    /// size recorded.
    pub fn on_disk(&self, out: &Path) -> bool {
        // A briefing's files share a folder: it is checked (a real folder, not a link) once.
        let mut checked: Option<&Path> = None;
        self.sizes.len() == self.files.len()
            && self.files.iter().zip(&self.sizes).all(|(f, &size)| {
                let path = match f.parent() {
                    Some(dir) if checked == Some(dir) && crate::output::is_plain_relative(f) => {
                        Some(out.join(f))
                    }
                    dir => crate::output::inside(out, f).inspect(|_| checked = dir),
                };
                path.is_some_and(|p| is_regular_of_size(&p, size))
            })
    }
}

/// The briefings of `briefings` whose files are not all in `out` as written (deleted,
/// replaced or resized since), looked for on the pool (the caller's): some 8,000 `stat`s at
/// 1,000 briefings.
pub fn missing_briefings(briefings: &BTreeMap<String, Entry>, out: &Path) -> BTreeSet<String> {
    let missing = briefings.par_iter().filter(|(_, e)| !e.on_disk(out));
    missing.map(|(id, _)| id.clone()).collect()
}

/// A listing page as the cache remembers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEntry {
    /// Hash of what it shows (its place, the listed hashes of its briefings, the environment).
    pub hash: String,
    /// The size it was written with: trusted only while the file still has it.
    pub size: u64,
}

/// What `check` found in one content file, and what the next build needs of it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Slim {
    /// [`crate::content::Briefing::slim`] of the file's briefing, as JSON. Kept as written
    /// until the load step parses it (on the thread pool) and written back as the same
    /// bytes: at 1,000 briefings, these are nine tenths of the cache.
    pub briefing: Box<RawValue>,
    /// Hash of the full briefing (what its outputs are keyed by).
    pub hash: String,
    /// Hash of the slim briefing ([`listed_hash`]): what listing pages and the feed are keyed by.
    #[serde(default)]
    pub listed: String,
    /// Where its `id:` value sits (for a duplicate-id error).
    pub id_at: Option<(crate::diagnostic::Position, usize)>,
}

/// The cache file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// `yoyak <version>`.
    pub version: String,
    /// Hash of the shared inputs.
    pub env: String,
    /// Per briefing id.
    pub briefings: BTreeMap<String, Entry>,
    /// Hash of the inputs of the feed (every briefing), with the files produced.
    pub site: Entry,
    /// Per listing page (and `sitemap.xml`): the hash of what it shows and its size.
    #[serde(default)]
    pub pages: BTreeMap<PathBuf, PageEntry>,
    /// Hash of what the search index holds (every briefing's content), with its files.
    #[serde(default)]
    pub search: Entry,
    /// Per digest name: hash of its selection and picked briefings, with its files.
    #[serde(default)]
    pub digests: BTreeMap<String, Entry>,
    /// Per content file: the findings of `check`, reused while its bytes are unchanged.
    #[serde(default, with = "file_map")]
    pub checks: FileMap<Checked>,
    /// Hash of every input file's bytes when the last build was clean (no diagnostics).
    #[serde(default)]
    pub clean_inputs: Option<String>,
    /// Per input file (relative to the root): its metadata when it was hashed, and the hash.
    #[serde(default, with = "file_map")]
    pub stamps: FileMap<Stamp>,
    /// The briefings whose files this build found missing from the output folder, once it
    /// has looked ([`missing_briefings`]); not saved.
    #[serde(skip)]
    pub missing: Option<BTreeSet<String>>,
}

/// This build's version stamp: the version plus a fingerprint of the sources it was built from.
pub fn version() -> String {
    concat!("yoyak ", env!("CARGO_PKG_VERSION"), "+", env!("YOYAK_FINGERPRINT")).to_string()
}

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
        // Sized as the file is: megabytes grown by doubling were copied and faulted in twice.
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(&path).ok()?.take(CACHE_LIMIT).read_to_end(&mut bytes).ok()?;
        // UTF-8 checked once, and quickly: parsed from bytes, serde_json checked every string
        // and slim briefing on its own (over a quarter of the parse).
        serde_json::from_str(simdutf8::basic::from_utf8(&bytes).ok()?).ok()
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
                c.pages.values_mut().for_each(|p| p.hash.clear());
                Cache { briefings: c.briefings, digests: c.digests, pages: c.pages, ..fresh }
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
            && entries.chain([(&String::new(), &self.site), (&String::new(), &self.search)]).all(
                |(_, e)| {
                    e.files.iter().all(|f| plain(f))
                        && (e.source.as_os_str().is_empty() || plain(&e.source))
                },
            )
            && self.checks.keys().all(|p| plain(Path::new(p)))
            && self.pages.keys().all(|p| plain(p))
    }

    /// Whether `entry` matches `hash` and all its files are still there as written.
    pub fn is_fresh(entry: Option<&Entry>, hash: &str, out: &Path) -> bool {
        entry.is_some_and(|e| !e.hash.is_empty() && e.hash == hash && e.on_disk(out))
    }

    /// Whether briefing `id`'s files are current: built from content hash `hash`, and all
    /// still in `out` (by [`Cache::missing`] once the build has looked, else by looking).
    pub fn briefing_is_fresh(&self, id: &str, hash: &str, out: &Path) -> bool {
        let entry = self.briefings.get(id);
        match &self.missing {
            Some(missing) => {
                entry.is_some_and(|e| !e.hash.is_empty() && e.hash == hash) && !missing.contains(id)
            }
            None => Cache::is_fresh(entry, hash, out),
        }
    }

    /// Write the cache (atomically), synced to disk: written after every file it names, it is
    /// the one sync of a build.
    pub fn save(&self, out: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        crate::output::write_atomic(&out.join(CACHE_FILE), &json).map(|_| ())
    }
}

/// Hash of what every listing page and search document depends on besides its briefings:
/// this yoyak and the shared inputs ([`Cache::env`]).
pub fn site_env(cache: &Cache) -> String {
    hash_parts([version().as_bytes(), cache.env.as_bytes()])
}

/// Whether `out/rel` is a regular file inside the output folder (a symlink is not) of `size`
/// bytes.
pub fn is_built(out: &Path, rel: &Path, size: u64) -> bool {
    crate::output::inside(out, rel).is_some_and(|p| is_regular_of_size(&p, size))
}

/// Whether `path` is a regular file (a symlink is not) of `size` bytes.
fn is_regular_of_size(path: &Path, size: u64) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file() && m.len() == size)
}

/// Every input file's bytes hashed, and the last build's cache as read meanwhile.
pub struct Inputs {
    /// Hash of every input file and the options: equal to the last clean build's, nothing
    /// changed.
    pub raw: String,
    /// Each input file's hash, by path relative to the root.
    pub file_hashes: FileMap<String>,
    /// The stamps of this build's input files, for the next one.
    pub stamps: FileMap<Stamp>,
    /// The cache file as last written, unchecked.
    pub stored: Option<Cache>,
}

impl Inputs {
    /// List the inputs with their metadata while the cache is read (megabytes of JSON at
    /// 1,000 briefings), then hash those its stamps do not vouch for.
    pub fn read(opts: &BuildOptions, limits: &Limits) -> Inputs {
        let started = stamp::nanos_at(std::time::SystemTime::now());
        let (listed, stored) = rayon::join(|| list_inputs(opts), || Cache::read(&opts.out));
        // Stamps from another yoyak are not trusted: how it hashed may differ.
        let stamps = stored.as_ref().filter(|c| c.version == version()).map(|c| &c.stamps);
        let (raw, file_hashes, stamps) = hash_inputs(opts, limits, listed, stamps, started);
        Inputs { raw, file_hashes, stamps, stored }
    }
}

/// Every input file — content, config, templates, fonts — in byte order, with its metadata.
fn list_inputs(opts: &BuildOptions) -> Vec<(PathBuf, Option<Meta>)> {
    let mut files = Vec::new();
    for dir in ["content", "templates", "fonts"] {
        if let Ok(Some(entries)) = crate::input::list(&opts.root, Path::new(dir)) {
            files.extend(entries);
        }
    }
    files.push(PathBuf::from(content::CONFIG_FILE));
    // In the order of a [`FileMap`]'s keys, so the maps are built from the list in one pass.
    files.sort_by(|a, b| file_map::key(a).cmp(file_map::key(b)));
    let with_meta = files.into_par_iter().map(|f| (stamp::meta_of(&opts.root, &f), f));
    with_meta.map(|(meta, f)| (f, meta)).collect()
}

/// What hashing the inputs gives: the hash of them all, each file's hash, and their stamps.
type Hashed = (String, FileMap<String>, FileMap<Stamp>);

/// Hash of every input file's bytes (`listed`) and the options. When it equals the last clean
/// build's, nothing can have changed and nothing is parsed. Also each file's own hash, by path
/// relative to the root: a content file whose hash the cache knows is neither read again nor
/// parsed. A file is read when the last build's `stamps` do not vouch for its hash, as the
/// loader reads it (a regular file inside the project, within the limits); one that cannot be
/// read hashes as its error, and the loader reports it.
fn hash_inputs(
    opts: &BuildOptions,
    limits: &Limits,
    listed: Vec<(PathBuf, Option<Meta>)>,
    stamps: Option<&FileMap<Stamp>>,
    started: i128,
) -> Hashed {
    let per_file: Vec<(PathBuf, String, Option<Stamp>)> = listed
        .into_par_iter()
        .map(|(name, meta)| {
            let stamped = stamps.and_then(|s| s.get(file_map::key(&name)));
            if let Some(hash) = stamp::vouched(stamped, meta) {
                let stamp = stamp::stamp(meta, hash, started);
                return (name, hash.to_string(), stamp);
            }
            let limit = match name.starts_with("fonts") {
                true => limits.font(),
                false if name == Path::new(content::CONFIG_FILE) => content::CONFIG_LIMIT,
                false => limits.file(),
            };
            match crate::input::read_listed(&opts.root, &name, limit) {
                Ok(bytes) => {
                    let hash = hash_parts([bytes.as_slice()]);
                    let stamp = stamp::stamp(meta, &hash, started);
                    (name, hash, stamp)
                }
                Err(e) => (name, hash_parts([e.to_string().as_bytes()]), None),
            }
        })
        .collect();
    let mut parts: Vec<Vec<u8>> =
        vec![format!("{:?}", opts.selection).into_bytes(), version().into_bytes()];
    parts.push(std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default().into_bytes());
    for (name, hash, _) in &per_file {
        parts.push(name.to_string_lossy().as_bytes().to_vec());
        parts.push(hash.as_bytes().to_vec());
    }
    let raw = hash_parts(parts.iter().map(Vec::as_slice));
    // Collected, not inserted one by one: the files come sorted, so each map is built in a pass.
    let mut stamps = Vec::with_capacity(per_file.len());
    let hashes = per_file.into_iter().map(|(name, hash, stamp)| {
        let name = std::ffi::OsString::from(name);
        if let Some(s) = stamp {
            stamps.push((name.clone(), s));
        }
        (name, hash)
    });
    (raw, hashes.collect(), stamps.into_iter().collect())
}

/// Hash of everything every output depends on besides its own content: the configuration and
/// glossary as written (loading and checking read them too), templates, project fonts and
/// `SOURCE_DATE_EPOCH`. Files come as [`Inputs::read`] hashed them (read once per build).
pub fn environment_hash(file_hashes: &FileMap<String>, templates: &TemplateSet) -> String {
    let hash_of = |p: &Path| file_hashes.get(file_map::key(p)).map_or(&[][..], |h| h.as_bytes());
    let mut parts: Vec<&[u8]> = vec![
        hash_of(Path::new(content::CONFIG_FILE)),
        hash_of(&Path::new("content").join(content::GLOSSARY_FILE)),
    ];
    for t in &templates.entries {
        parts.push(t.name.as_bytes());
        parts.push(t.text.as_bytes());
    }
    for (name, hash) in file_hashes.iter().filter(|(p, _)| Path::new(p).starts_with("fonts")) {
        parts.push(name.as_encoded_bytes());
        parts.push(hash.as_bytes());
    }
    let epoch = std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default();
    parts.push(epoch.as_bytes());
    hash_parts(parts)
}

/// The no-op fast path: the inputs are byte-for-byte those of the last clean build and every
/// output is still there, so report that without loading or rendering anything.
pub fn try_noop(opts: &BuildOptions, inputs: &Inputs, started: Instant) -> Option<BuildReport> {
    if opts.shard.is_some() || opts.assemble {
        return None;
    }
    let cache = inputs.stored.as_ref()?;
    // Some 8,000 `stat`s at 1,000 briefings: on the pool (the caller's).
    let all_there = cache.version == version()
        && cache.clean_inputs.as_deref() == Some(inputs.raw.as_str())
        && cache.paths_are_plain()
        && cache.site.on_disk(&opts.out)
        && cache.search.on_disk(&opts.out)
        && cache.pages.par_iter().all(|(f, p)| is_built(&opts.out, f, p.size))
        && (cache.briefings.par_iter().chain(&cache.digests)).all(|(_, e)| e.on_disk(&opts.out));
    if !all_there {
        return None;
    }
    let mut report = BuildReport {
        built: cache.briefings.keys().cloned().collect(),
        skipped: cache.briefings.len(),
        produced: cache.site.files.len() + cache.search.files.len() + cache.pages.len(),
        listing_pages: cache.pages.len(),
        notdef: cache.site.notdef,
        ..Default::default()
    };
    for e in cache.briefings.values().chain(cache.digests.values()) {
        report.produced += e.files.len();
        report.notdef += e.notdef;
    }
    report.timings.total = started.elapsed().as_secs_f64();
    Some(report)
}

/// A content file whose bytes are those of the last build (same config, glossary, templates
/// and yoyak), as the cache holds it: what the site needs of it, without parsing it again.
pub fn stand_in(
    file: &Path,
    file_hashes: &FileMap<String>,
    checks: &FileMap<Checked>,
) -> Option<Loaded> {
    let hash = file_hashes.get(file_map::key(file))?;
    let c = checks.get(file_map::key(file)).filter(|c| &c.hash == hash)?;
    let slim = c.slim.as_ref()?;
    // A slim briefing that does not parse (the cache is not ours) is no stand-in: the file
    // is read and parsed.
    let briefing = serde_json::from_str(slim.briefing.get()).ok()?;
    Some(Loaded {
        file: file.to_path_buf(),
        source: String::new(),
        briefing: Some(briefing),
        positions: content::yaml::PositionIndex::with_id(slim.id_at),
        diagnostics: Vec::new(),
        hash: hash.clone(),
        reused: true,
    })
}

/// Each file's content hash (what its outputs are keyed by: the briefing's content, not its
/// file's bytes — a comment or a reordered key changes nothing).
pub fn content_hashes(project: &Project, checks: &FileMap<Checked>) -> Vec<Option<String>> {
    project
        .files
        .par_iter()
        .map(|f| {
            let b = f.briefing.as_ref()?;
            if f.reused {
                return checks.get(file_map::key(&f.file))?.slim.as_ref().map(|s| s.hash.clone());
            }
            Some(hash_parts([serde_json::to_vec(b).unwrap_or_default().as_slice()]))
        })
        .collect()
}

/// The findings of `check` from the last build, for a file whose bytes are unchanged.
pub fn cached_findings(checks: &FileMap<Checked>, f: &Loaded) -> Option<Vec<Diagnostic>> {
    let c = checks.get(file_map::key(&f.file))?;
    (c.hash == f.hash).then(|| c.findings.clone())
}

/// Remember what `check` found in each file, and the slim briefing that stands in for it
/// next time (taken from the last build's records, `checks`, for a file stood in for).
pub fn record_checks(
    recorded: &mut FileMap<Checked>,
    project: &Project,
    findings: &[Vec<Diagnostic>],
    content_hashes: &[Option<String>],
    mut checks: FileMap<Checked>,
) {
    for ((f, findings), content_hash) in project.files.iter().zip(findings).zip(content_hashes) {
        let Some(b) = &f.briefing else { continue };
        let slim = match (f.reused, content_hash) {
            // Moved, not copied: the last build's records are not needed past this step.
            (true, _) => checks.remove(file_map::key(&f.file)).and_then(|c| c.slim),
            // Only a file that loaded without a diagnostic is stood in for: one with warnings
            // is parsed each time, so they are reported each time.
            (false, Some(hash)) if f.diagnostics.is_empty() => {
                let json = serde_json::value::to_raw_value(&b.slim(&project.config.numbers));
                json.ok().map(|briefing| Slim {
                    listed: listed_hash(&briefing),
                    briefing,
                    hash: hash.clone(),
                    id_at: f.positions.value("id"),
                })
            }
            _ => None,
        };
        let checked = Checked { hash: f.hash.clone(), findings: findings.clone(), slim };
        recorded.insert(f.file.clone().into(), checked);
    }
}

/// Hash of a slim briefing ([`Briefing::slim`]) as JSON: everything a listing page or the feed
/// shows of it. A page is rendered again only when one of its briefings' listed hashes
/// changed, so an edit to a body or a fact leaves every listing as it is.
pub fn listed_hash(slim: &RawValue) -> String {
    hash_parts([slim.get().as_bytes()])
}

/// Per published briefing's id: its [`listed_hash`], from the cache's record of its file when
/// there is one (this build's check step wrote it) and computed otherwise. `files` hold slim
/// briefings by now.
pub fn listed_hashes<'a>(files: &'a [Loaded], cache: &Cache) -> BTreeMap<&'a str, String> {
    files
        .par_iter()
        .filter(|f| !f.has_errors())
        .filter_map(|f| {
            let b = f.briefing.as_ref()?;
            // The record this build's check step wrote is of this very file and briefing.
            let recorded = cache.checks.get(file_map::key(&f.file)).and_then(|c| c.slim.as_ref());
            let hash = match recorded.filter(|s| !s.listed.is_empty()) {
                Some(s) => s.listed.clone(),
                None => listed_hash(&serde_json::value::to_raw_value(b).ok()?),
            };
            Some((b.id.as_str(), hash))
        })
        .collect()
}

/// Briefings held slim (the cache stood in for their file), by id: parsed again only when
/// they must be rendered.
pub fn stood_in(files: &[Loaded]) -> BTreeMap<&str, &Path> {
    files
        .iter()
        .filter(|f| f.reused)
        .filter_map(|f| Some((f.briefing.as_ref()?.id.as_str(), f.file.as_path())))
        .collect()
}

/// The whole briefing of a file the cache stood in for, parsed now that it must be rendered.
fn reparse(root: &Path, file: &Path, config: &Config) -> Result<Briefing, RenderError> {
    let loaded = content::read_and_load(root, file.to_path_buf(), config);
    match loaded.briefing {
        Some(b) if !loaded.has_errors() => Ok(b),
        _ => Err(RenderError::ContentChanged { file: file.to_path_buf() }),
    }
}

/// Whole briefings for `picked`, parsing those the cache stood in for (`slim`: id → file).
pub fn whole<'a>(
    picked: &[&'a Briefing],
    slim: &BTreeMap<&str, &Path>,
    root: &Path,
    config: &Config,
) -> Result<Vec<Cow<'a, Briefing>>, RenderError> {
    picked
        .par_iter()
        .map(|b| match slim.get(b.id.as_str()) {
            Some(file) => reparse(root, file, config).map(Cow::Owned),
            None => Ok(Cow::Borrowed(*b)),
        })
        .collect()
}
