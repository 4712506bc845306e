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
use crate::render::search::{self, SearchDoc, page};
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
    // Per language: the earlier index's documents still current, by id.
    let mut known: Vec<BTreeMap<String, SearchDoc>> = langs
        .iter()
        .map(|lang| {
            let path = opts.out.join(search::index_file(lang));
            read_small(&path)
                .and_then(|s| search::read_index(&s, lang))
                .filter(|(written_for, _)| written_for == env)
                .map(|(_, docs)| docs)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.id.clone(), d))
                .collect()
        })
        .collect();
    let stale: Vec<&Briefing> = all
        .iter()
        .copied()
        .filter(|b| {
            known.iter().any(|k| k.get(&b.id).is_none_or(|d| !search::is_current(d, &hash_of(b))))
        })
        .collect();
    let fresh = whole(&stale, slim, &opts.root, r.config)?;
    let made: Vec<Vec<SearchDoc>> = fresh
        .par_iter()
        .map(|b| {
            let b: &Briefing = b;
            langs.iter().map(|l| search::document(b, &hash_of(b), l, r.config)).collect()
        })
        .collect();
    for docs in made {
        for (k, d) in known.iter_mut().zip(docs) {
            k.insert(d.id.clone(), d);
        }
    }
    let mut files = Vec::new();
    for (lang, k) in langs.iter().zip(&known) {
        let docs: Vec<&SearchDoc> = all.iter().filter_map(|b| k.get(&b.id)).collect();
        let script = search::index_script(lang, env, &docs);
        files.push(OutputFile::new(PathBuf::from(search::index_file(lang)), script));
        let view = page::search_page(lang, r.config);
        let html = r.pages.render("search.html", "site", &view)?;
        files.push(OutputFile::new(PathBuf::from(search::page_file(lang)), html));
    }
    let script = r.templates.get(search::SCRIPT_FILE);
    files.push(OutputFile::new(PathBuf::from(search::SCRIPT_FILE), script));
    Ok(files)
}

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
