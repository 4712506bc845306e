//! The search step (step 4, beside the digests, feed and pages): the search index per
//! language, the search pages and the script, written only when a published briefing's content or the environment
//! changed. A rendered briefing's documents were made in the briefing stage, while it was
//! whole; an unchanged one's are read back from the index this build wrote before; only a
//! briefing that is neither (the index was deleted) is parsed again.

use super::incremental::{self, Cache, whole};
use super::listings::SiteBriefings;
use super::write::{OutputFile, listing_entry, write_all};
use super::{BuildError, Renderers, Run};
use crate::content::{Briefing, Config};
use crate::hash::hash_parts;
use crate::render::RenderError;
use crate::render::search::{self, Collected, Entry, SearchDoc, Written, page};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Largest earlier index read back (larger is not ours: it is rebuilt instead).
const INDEX_LIMIT: u64 = 256 << 20;

/// Search documents made while each briefing is whole (in the briefing stage, by the worker
/// that rendered it), per configured language: the search step then parses again only the
/// briefings neither made now nor kept in the earlier index. And that earlier index, read
/// while the briefings render.
pub struct StageDocs {
    per_lang: Vec<Mutex<Collected>>,
    earlier: Arc<Earlier>,
    /// Whether reading `earlier` has started.
    reading: AtomicBool,
}

impl StageDocs {
    /// None yet, for a project in `languages`; the earlier index is read from `out` when it
    /// was written for environment `env`.
    pub fn new(languages: &[String], out: &Path, env: String) -> Self {
        let per_lang = languages.iter().map(|_| Mutex::default()).collect();
        let earlier = Earlier {
            per_lang: languages.iter().map(|_| OnceLock::new()).collect(),
            langs: languages.to_vec(),
            out: out.to_path_buf(),
            env,
        };
        StageDocs { per_lang, earlier: Arc::new(earlier), reading: AtomicBool::new(false) }
    }

    /// Add the document of whole briefing `b` (content hash `hash`) in language `lang` (its
    /// place among the configured ones), from the worker that rendered that edition. The
    /// first one added starts reading the earlier index on this worker: it runs next, so
    /// after an edit the worker done with the shorter edition reads it while typst lays out
    /// the other, instead of the search step waiting for it.
    pub fn add(&self, b: &Briefing, hash: &str, lang: usize, config: &Config) {
        let doc = search::document(b, hash, &config.languages[lang], config);
        self.per_lang[lang].lock().unwrap_or_else(PoisonError::into_inner).add(doc);
        if !self.reading.swap(true, Ordering::Relaxed) {
            for i in 0..self.earlier.langs.len() {
                let earlier = Arc::clone(&self.earlier);
                rayon::spawn(move || {
                    earlier.get(i);
                });
            }
        }
    }

    /// What was made, per language, and the earlier index.
    fn into_parts(self) -> (Vec<Collected>, Arc<Earlier>) {
        let made = self.per_lang.into_iter();
        let made = made.map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner));
        (made.collect(), self.earlier)
    }
}

/// The index this build wrote before, per language: read once, by whichever comes first — a
/// task [`StageDocs::add`] started, or the search step.
pub struct Earlier {
    per_lang: Vec<OnceLock<Written>>,
    langs: Vec<String>,
    out: PathBuf,
    env: String,
}

impl Earlier {
    /// The earlier index in language `i`, read now unless it was.
    fn get(&self, i: usize) -> &Written {
        self.per_lang[i].get_or_init(|| read_earlier(&self.out, &self.langs[i], &self.env))
    }
}

/// Write the search index, pages and script when what they hold changed, for environment
/// `env`; `entry` is what the cache remembers of them. `site.all` is every published
/// briefing, newest first (the order of results); `made` holds the documents the briefing
/// stage made.
pub fn build_search(
    run: &Run,
    r: &Renderers,
    site: &SiteBriefings,
    made: StageDocs,
    (env, entry): (&str, &mut incremental::Entry),
    report: &mut super::BuildReport,
) -> Result<(), BuildError> {
    let opts = run.opts;
    let all = site.all;
    let hash_of = |b: &Briefing| site.hashes.get(b.id.as_str()).copied().unwrap_or("");
    let hash = hash_parts(
        [env.as_bytes(), r.config.languages.join(",").as_bytes()]
            .into_iter()
            .chain(all.iter().flat_map(|b| [b.id.as_bytes(), hash_of(b).as_bytes()])),
    );
    if Cache::is_fresh(Some(entry), &hash, &opts.out) {
        report.produced += entry.files.len();
        return Ok(());
    }
    let sources = Sources { all, hashes: site.hashes, env, slim: site.slim };
    let (made, earlier) = made.into_parts();
    let files = run
        .pool
        .install(|| search_files(&sources, made, &earlier, opts, r))
        .map_err(BuildError::Listing)?;
    write_all(&files, &opts.out, report)?;
    *entry = listing_entry(hash, files, 0);
    Ok(())
}

/// What the index is made from: the published briefings newest first, their content hashes,
/// the environment its documents depend on and the briefings the cache stood in for.
struct Sources<'a> {
    all: &'a [&'a Briefing],
    hashes: &'a BTreeMap<&'a str, &'a str>,
    env: &'a str,
    slim: &'a BTreeMap<&'a str, &'a Path>,
}

/// The index of every language, the search pages and the script.
fn search_files(
    src: &Sources,
    mut made: Vec<Collected>,
    earlier: &Earlier,
    opts: &super::BuildOptions,
    r: &Renderers,
) -> Result<Vec<OutputFile>, RenderError> {
    let langs = &r.config.languages;
    let earlier: Vec<&Written> = (0..langs.len()).into_par_iter().map(|i| earlier.get(i)).collect();
    // Per language: id → number in the earlier index, for documents still current.
    let kept: Vec<BTreeMap<&str, u32>> = earlier
        .iter()
        .map(|w| {
            let current = |d: &SearchDoc| {
                src.hashes.get(d.id.as_str()).is_some_and(|h| search::is_current(d, h))
            };
            w.docs
                .iter()
                .enumerate()
                .filter(|(_, d)| current(d))
                .map(|(i, d)| (d.id.as_str(), i as u32))
                .collect()
        })
        .collect();
    let stale: Vec<&Briefing> = src
        .all
        .iter()
        .copied()
        .filter(|b| {
            let id = b.id.as_str();
            kept.iter().zip(&made).any(|(k, m)| !k.contains_key(id) && m.get(id).is_none())
        })
        .collect();
    make_stale(&stale, src, &mut made, opts, r)?;
    let per_lang: Vec<Result<[OutputFile; 2], RenderError>> = langs
        .par_iter()
        .enumerate()
        .map(|(i, lang)| {
            let entries: Vec<Entry> = src
                .all
                .iter()
                .filter_map(|b| {
                    let id = b.id.as_str();
                    let kept =
                        || kept[i].get(id).map(|&j| Entry::Kept(&earlier[i].docs[j as usize], j));
                    made[i].get(id).or_else(kept)
                })
                .collect();
            let script =
                search::index_script(lang, src.env, &entries, earlier[i], made[i].postings());
            let view = page::search_page(lang, r.config);
            let html = r.pages.render("search.html", "page", &view)?;
            Ok([
                OutputFile::new(PathBuf::from(search::index_file(lang)), script),
                OutputFile::new(PathBuf::from(search::page_file(lang)), html),
            ])
        })
        .collect();
    let mut files = Vec::new();
    for pair in per_lang {
        files.extend(pair?);
    }
    let script = r.templates.get(search::SCRIPT_FILE);
    files.push(OutputFile::new(PathBuf::from(search::SCRIPT_FILE), script));
    Ok(files)
}

/// The index this build wrote before in `lang`, when it was written for environment `env`;
/// else an empty one.
fn read_earlier(out: &Path, lang: &str, env: &str) -> Written {
    read_small(&out.join(search::index_file(lang)))
        .and_then(|bytes| search::read_index(simdutf8::basic::from_utf8(&bytes).ok()?, lang))
        .filter(|w| w.env == env)
        .unwrap_or_default()
}

/// Make the documents of `stale` briefings (neither made in the briefing stage nor kept),
/// parsing them again a chunk at a time: a cold build would otherwise hold every briefing
/// whole at once.
fn make_stale(
    stale: &[&Briefing],
    src: &Sources,
    made: &mut [Collected],
    opts: &super::BuildOptions,
    r: &Renderers,
) -> Result<(), RenderError> {
    let langs = &r.config.languages;
    for chunk in stale.chunks(REPARSE_CHUNK) {
        let fresh = whole(chunk, src.slim, &opts.root, r.config)?;
        let docs: Vec<Vec<SearchDoc>> = fresh
            .par_iter()
            .map(|b| {
                let b: &Briefing = b;
                let hash = src.hashes.get(b.id.as_str()).copied().unwrap_or("");
                langs.iter().map(|l| search::document(b, hash, l, r.config)).collect()
            })
            .collect();
        for per_lang in docs {
            for (m, d) in made.iter_mut().zip(per_lang) {
                m.add(d);
            }
        }
    }
    Ok(())
}

/// How many briefings the search step parses again at once (their whole text, for a moment).
const REPARSE_CHUNK: usize = 64;

/// The bytes of a regular file (not a link) within [`INDEX_LIMIT`], if there is one.
fn read_small(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() > INDEX_LIMIT {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path).ok()?.take(INDEX_LIMIT).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}
