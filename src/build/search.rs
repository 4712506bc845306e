//! The search step (after the index pages): the search index per language, the search pages
//! and the script, written only when a published briefing's content or the environment
//! changed. An unchanged briefing's entries are read back from the index this build wrote
//! before; only new or edited briefings are parsed again and read for their text.

use super::incremental::{Cache, version, whole};
use super::write::{OutputFile, listing_entry, write_all};
use super::{BuildError, Published, Renderers, Run};
use crate::content::Briefing;
use crate::hash::hash_parts;
use crate::render::RenderError;
use crate::render::search::{self, Entry, SearchDoc, Written, page};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Largest earlier index read back (larger is not ours: it is rebuilt instead).
const INDEX_LIMIT: u64 = 256 << 20;

/// Write the search index, pages and script when what they hold changed. `all` is every
/// published briefing, newest first (the order of results).
pub fn build_search(
    run: &Run,
    r: &Renderers,
    all: &[&Briefing],
    published: &Published,
    slim: &BTreeMap<&str, &Path>,
    cache: &mut Cache,
    report: &mut super::BuildReport,
) -> Result<(), BuildError> {
    let opts = run.opts;
    let env = hash_parts([version().as_bytes(), cache.env.as_bytes()]);
    let hash_of = |b: &Briefing| published.hashes.get(b.id.as_str()).copied().unwrap_or("");
    let hash = hash_parts(
        [env.as_bytes(), r.config.languages.join(",").as_bytes()]
            .into_iter()
            .chain(all.iter().flat_map(|b| [b.id.as_bytes(), hash_of(b).as_bytes()])),
    );
    if Cache::is_fresh(Some(&cache.search), &hash, &opts.out) {
        report.produced += cache.search.files.len();
        return Ok(());
    }
    let files = run
        .pool
        .install(|| search_files(all, &published.hashes, &env, slim, opts, r))
        .map_err(BuildError::Listing)?;
    write_all(&files, &opts.out, report)?;
    cache.search = listing_entry(hash, files, 0);
    Ok(())
}

/// The index of every language, the search pages and the script.
fn search_files(
    all: &[&Briefing],
    hashes: &BTreeMap<&str, &str>,
    env: &str,
    slim: &BTreeMap<&str, &Path>,
    opts: &super::BuildOptions,
    r: &Renderers,
) -> Result<Vec<OutputFile>, RenderError> {
    let langs = &r.config.languages;
    let hash_of = |b: &Briefing| hashes.get(b.id.as_str()).copied().unwrap_or("").to_string();
    // Per language: the index written before, when it was written for this environment.
    let earlier: Vec<Written> = langs
        .iter()
        .map(|lang| {
            read_small(&opts.out.join(search::index_file(lang)))
                .and_then(|s| search::read_index(&s, lang))
                .filter(|w| w.env == env)
                .unwrap_or_default()
        })
        .collect();
    // Per language: id → number in the earlier index, for documents still current.
    let kept: Vec<BTreeMap<&str, u32>> = earlier
        .iter()
        .map(|w| {
            w.docs
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    hashes.get(d.id.as_str()).is_some_and(|h| search::is_current(d, h))
                })
                .map(|(i, d)| (d.id.as_str(), i as u32))
                .collect()
        })
        .collect();
    let stale: Vec<&Briefing> = all
        .iter()
        .copied()
        .filter(|b| kept.iter().any(|k| !k.contains_key(b.id.as_str())))
        .collect();
    // Per language: id → the document made now. The stale briefings are parsed again a chunk
    // at a time: a cold build would otherwise hold every briefing whole at once.
    let mut made: Vec<BTreeMap<String, SearchDoc>> = vec![BTreeMap::new(); langs.len()];
    for chunk in stale.chunks(REPARSE_CHUNK) {
        let fresh = whole(chunk, slim, &opts.root, r.config)?;
        let docs: Vec<Vec<SearchDoc>> = fresh
            .par_iter()
            .map(|b| {
                let b: &Briefing = b;
                langs.iter().map(|l| search::document(b, &hash_of(b), l, r.config)).collect()
            })
            .collect();
        for per_lang in docs {
            for (m, d) in made.iter_mut().zip(per_lang) {
                m.insert(d.id.clone(), d);
            }
        }
    }
    let mut files = Vec::new();
    for (i, lang) in langs.iter().enumerate() {
        let entries: Vec<Entry> = all
            .iter()
            .filter_map(|b| match (made[i].get(&b.id), kept[i].get(b.id.as_str())) {
                (Some(d), _) => Some(Entry::Made(d)),
                (None, Some(&j)) => Some(Entry::Kept(&earlier[i].docs[j as usize], j)),
                (None, None) => None,
            })
            .collect();
        let script = search::index_script(lang, env, &entries, &earlier[i].postings);
        files.push(OutputFile::new(PathBuf::from(search::index_file(lang)), script));
        let view = page::search_page(lang, r.config);
        let html = r.pages.render("search.html", "page", &view)?;
        files.push(OutputFile::new(PathBuf::from(search::page_file(lang)), html));
    }
    let script = r.templates.get(search::SCRIPT_FILE);
    files.push(OutputFile::new(PathBuf::from(search::SCRIPT_FILE), script));
    Ok(files)
}

/// How many briefings the search step parses again at once (their whole text, for a moment).
const REPARSE_CHUNK: usize = 64;

/// The text of a regular file (not a link) within [`INDEX_LIMIT`], if there is one.
fn read_small(path: &Path) -> Option<String> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() > INDEX_LIMIT {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(path).ok()?.take(INDEX_LIMIT).read_to_string(&mut text).ok()?;
    Some(text)
}
