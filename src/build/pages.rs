//! The listing pages and the sitemap, each rendered and written only when what it shows
//! changed: a page's hash is that of its view (the briefings on it, its paging, its links),
//! so an edit to one briefing renders again only the pages that list it. Pages no longer
//! produced (a tag gone, a shorter index) are removed.

use super::incremental::{Cache, PageEntry, is_built};
use super::write::{OutputFile, remove_outputs, write_all};
use super::{BuildError, BuildReport, Renderers, Run};
use crate::content::{Briefing, Config, Format};
use crate::hash::hash_parts;
use crate::render::RenderError;
use crate::render::listing::{self, Groups, Listing, Page};
use crate::render::meta::base_url;
use crate::render::site::DigestView;
use crate::render::sitemap::SitemapView;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One page after this step: its hash, and its bytes when it was rendered anew.
struct Produced {
    path: PathBuf,
    hash: String,
    bytes: Option<Vec<u8>>,
}

/// What the listing pages read: every published briefing newest first, every digest's view
/// per configured language, and the digests' names.
pub struct SiteInputs<'a> {
    /// Published briefings, newest first.
    pub all: &'a [&'a Briefing],
    /// Per configured language, in configured order: every digest's view.
    pub digests: &'a [Vec<DigestView>],
    /// The digests' names.
    pub digest_names: Vec<String>,
    /// Per briefing id: the hash of what a listing shows of it.
    pub listed: &'a BTreeMap<&'a str, String>,
    /// Hash of everything else a page depends on: yoyak, config and templates.
    pub env: String,
}

/// Render and write the listing pages and `sitemap.xml` that changed, and remove the pages
/// no longer produced.
pub fn build_pages(
    run: &Run,
    r: &Renderers,
    site: &SiteInputs,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let config = r.config;
    let out = run.opts.out.as_path();
    let groups = Groups::new(site.all, config.page_size);
    let pages = groups.pages();
    let jobs: Vec<(&Page, usize)> =
        pages.iter().flat_map(|p| (0..config.languages.len()).map(move |i| (p, i))).collect();
    let fresh = |path: &Path, hash: &str| {
        cache.pages.get(path).is_some_and(|p| p.hash == hash && is_built(out, path, p.size))
    };
    let mut produced = run
        .pool
        .install(|| {
            jobs.par_iter()
                .map(|(page, i)| render_page(page, *i, &groups, site, r, &fresh))
                .collect::<Result<Vec<Produced>, RenderError>>()
        })
        .map_err(BuildError::Listing)?;
    if let Some(base) = base_url(config) {
        let path = PathBuf::from("sitemap.xml");
        let hash = sitemap_hash(&pages, site, config);
        let bytes = match fresh(&path, &hash) {
            true => None,
            false => Some(sitemap(&base, &pages, site, config, r).map_err(BuildError::Listing)?),
        };
        produced.push(Produced { path, hash, bytes: bytes.map(String::into_bytes) });
    }
    report.listing_pages = produced.len();
    let mut files = Vec::new();
    let mut hashes = BTreeMap::new();
    for p in produced {
        let size = match p.bytes {
            Some(bytes) => {
                let size = bytes.len() as u64;
                files.push(OutputFile::new(p.path.clone(), bytes));
                size
            }
            None => {
                report.produced += 1;
                cache.pages.get(&p.path).map_or(0, |e| e.size)
            }
        };
        hashes.insert(p.path, PageEntry { hash: p.hash, size });
    }
    report.listing_pages_rendered = files.len();
    report.listing_rendered |= !files.is_empty();
    write_all(&files, out, report)?;
    let gone: Vec<PathBuf> =
        cache.pages.keys().filter(|p| !hashes.contains_key(*p)).cloned().collect();
    remove_outputs(&gone, out, report);
    for dir in gone.iter().filter_map(|p| p.parent()).filter(|d| !d.as_os_str().is_empty()) {
        // Emptied folders (`tag/` once the last tag is gone) go too; others stay.
        if let Some(dir) = crate::output::inside(out, dir) {
            let _ = std::fs::remove_dir(dir);
        }
    }
    cache.pages = hashes;
    Ok(())
}

/// Page `page` in language `i`: rendered unless its inputs hash as they did last time
/// (`fresh`) and its file is there.
fn render_page(
    page: &Page,
    i: usize,
    groups: &Groups,
    site: &SiteInputs,
    r: &Renderers,
    fresh: &(dyn Fn(&Path, &str) -> bool + Sync),
) -> Result<Produced, RenderError> {
    let config = r.config;
    let lang = &config.languages[i];
    let path = PathBuf::from(page.listing.path(page.number, lang, config));
    let make_view = || match page.listing {
        Listing::Archive => listing::view::archive_view(groups, lang, config),
        _ => listing::view::listing_view(page, &site.digests[i], lang, config),
    };
    // The overview shows every tag and year: its own view is the cheapest key. A page of
    // briefings is keyed by what it lists, without building a view of a page left as it is.
    let (hash, view) = match page.listing {
        Listing::Archive => {
            let view = make_view();
            (hash_parts([site.env.as_bytes(), &serde_json::to_vec(&view)?]), Some(view))
        }
        _ => (page_hash(page, &path, lang, &site.digests[i], site)?, None),
    };
    if fresh(&path, &hash) {
        return Ok(Produced { path, hash, bytes: None });
    }
    let view = view.unwrap_or_else(make_view);
    let html = r.pages.render_page("listing.html", "page", &view, &view.meta)?;
    Ok(Produced { path, hash, bytes: Some(html.into_bytes()) })
}

/// Hash of what a page of briefings (at `path`, in `lang`) shows: its place in its listing, each listed
/// briefing's [`super::incremental::listed_hash`], the digests (index page 1 lists them) and
/// the environment — every input of its view.
fn page_hash(
    page: &Page,
    path: &Path,
    lang: &str,
    digests: &[DigestView],
    site: &SiteInputs,
) -> Result<String, RenderError> {
    let place = format!("{}|{}|{}|{}", page.listing.kind(), page.number, page.total, page.count);
    let digests = match (page.listing, page.number) {
        (Listing::Index, 1) => {
            let here = path.to_string_lossy();
            serde_json::to_vec(&listing::view::index_digests(digests, &here, lang))?
        }
        _ => Vec::new(),
    };
    let items = page.items.iter().flat_map(|b| {
        [b.id.as_bytes(), site.listed.get(b.id.as_str()).map_or(&b""[..], |h| h.as_bytes())]
    });
    let head = [site.env.as_bytes(), path.as_os_str().as_encoded_bytes(), place.as_bytes()];
    Ok(hash_parts(head.into_iter().chain([digests.as_slice()]).chain(items)))
}

/// Hash of what `sitemap.xml` lists: every page, digest and briefing (with its date).
fn sitemap_hash(pages: &[Page], site: &SiteInputs, config: &Config) -> String {
    let mut parts: Vec<String> = vec![site.env.clone()];
    for page in pages {
        let newest = page.items.first().map_or("", |b| b.date.as_str());
        parts.push(format!("{}|{newest}", page.listing.path(page.number, "", config)));
    }
    parts.extend(site.digest_names.iter().cloned());
    parts.extend(site.all.iter().map(|b| format!("{}|{}", b.id, b.date)));
    hash_parts(parts.iter().map(String::as_bytes))
}

/// `sitemap.xml`: every listing page, digest and briefing page, in every language, at its
/// address under `base`.
fn sitemap(
    base: &str,
    pages: &[Page],
    site: &SiteInputs,
    config: &Config,
    r: &Renderers,
) -> Result<String, RenderError> {
    let each_lang = |path: &dyn Fn(&str) -> String| -> Vec<(String, String)> {
        config.languages.iter().map(|l| (l.clone(), path(l))).collect()
    };
    let mut view = SitemapView::default();
    for page in pages {
        let newest = page.items.first().map(|b| b.date.as_str());
        view.add(base, &each_lang(&|l| page.listing.path(page.number, l, config)), newest);
    }
    if config.writes(Format::Html) {
        for name in &site.digest_names {
            view.add(base, &each_lang(&|l| format!("digest/{name}.{l}.html")), None);
        }
        for b in site.all {
            view.add(base, &each_lang(&|l| format!("{0}/{0}.{l}.html", b.id)), Some(&b.date));
        }
    }
    r.pages.render("sitemap.xml", "sitemap", &view)
}
