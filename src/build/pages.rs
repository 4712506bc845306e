//! The listing pages and the sitemap, each rendered and written only when what it shows
//! changed: a page's hash is made from its inputs (its place in its listing, the listed hash
//! of each briefing on it, the digests on index page 1, the environment) without building its
//! view, so an edit to one briefing renders again only the pages that list it. Pages no longer
//! produced (a tag gone, a shorter index) are removed.

use super::incremental::{Cache, PageEntry, is_built};
use super::write::remove_outputs;
use super::{BuildError, BuildReport, Renderers, Run};
use crate::content::{Briefing, Config, Format};
use crate::hash::hash_parts;
use crate::output::write_inside;
use crate::render::RenderError;
use crate::render::listing::{self, Groups, Listing, Page};
use crate::render::meta::base_url;
use crate::render::site::DigestListing;
use crate::render::sitemap::SitemapView;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One page after this step: its hash and size, and whether it was rendered (and written,
/// when its bytes changed) anew.
struct Produced {
    path: PathBuf,
    hash: String,
    size: u64,
    rendered: bool,
    written: bool,
}

/// Where pages go, and what is there already.
struct Target<'a> {
    /// The output folder.
    out: &'a Path,
    /// The size a page was written with, when its hash is `hash` and its file is still so.
    fresh: &'a (dyn Fn(&Path, &str) -> Option<u64> + Sync),
}

/// What the listing pages read: every published briefing newest first, every digest's view
/// per configured language, and the digests' names.
pub struct SiteInputs<'a> {
    /// Published briefings, newest first.
    pub all: &'a [&'a Briefing],
    /// Per configured language, in configured order: every digest's view.
    pub digests: &'a [Vec<DigestListing>],
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
        let p = cache.pages.get(path)?;
        (p.hash == hash && is_built(out, path, p.size)).then_some(p.size)
    };
    let target = Target { out, fresh: &fresh };
    // Each page is written as soon as it is rendered: the pages of a thousand briefings held
    // until the last one was rendered weighed some forty megabytes.
    let mut produced = run.pool.install(|| {
        jobs.par_iter()
            .map(|(page, i)| render_page(page, *i, &groups, site, r, &target))
            .collect::<Result<Vec<Produced>, BuildError>>()
    })?;
    if let Some(base) = base_url(config) {
        let path = PathBuf::from("sitemap.xml");
        let hash = sitemap_hash(&pages, site, config);
        produced.push(match fresh(&path, &hash) {
            Some(size) => Produced { path, hash, size, rendered: false, written: false },
            None => {
                let xml = sitemap(&base, &pages, site, config, r).map_err(BuildError::Listing)?;
                place(path, hash, xml.into_bytes(), out)?
            }
        });
    }
    report.listing_pages = produced.len();
    report.listing_pages_rendered = produced.iter().filter(|p| p.rendered).count();
    report.listing_rendered |= report.listing_pages_rendered > 0;
    report.produced += produced.len();
    report.written += produced.iter().filter(|p| p.written).count();
    let hashes: BTreeMap<PathBuf, PageEntry> =
        produced.into_iter().map(|p| (p.path, PageEntry { hash: p.hash, size: p.size })).collect();
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

/// Page `page` in language `i`: rendered and written unless its inputs hash as they did
/// last time and its file is there (`fresh`).
fn render_page(
    page: &Page,
    i: usize,
    groups: &Groups,
    site: &SiteInputs,
    r: &Renderers,
    target: &Target,
) -> Result<Produced, BuildError> {
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
            let json = serde_json::to_vec(&view).map_err(|e| BuildError::Listing(e.into()))?;
            (hash_parts([site.env.as_bytes(), &json]), Some(view))
        }
        _ => {
            let hash = page_hash(page, &path, lang, &site.digests[i], site);
            (hash.map_err(BuildError::Listing)?, None)
        }
    };
    if let Some(size) = (target.fresh)(&path, &hash) {
        return Ok(Produced { path, hash, size, rendered: false, written: false });
    }
    let view = view.unwrap_or_else(make_view);
    let html = r.pages.render_page("listing.html", "page", &view, &view.meta);
    place(path, hash, html.map_err(BuildError::Listing)?.into_bytes(), target.out)
}

/// Write a page rendered anew into `out`.
fn place(path: PathBuf, hash: String, bytes: Vec<u8>, out: &Path) -> Result<Produced, BuildError> {
    let written = write_inside(out, &path, &bytes)
        .map_err(|source| BuildError::Write { path: out.join(&path), source })?;
    Ok(Produced { path, hash, size: bytes.len() as u64, rendered: true, written })
}

/// Hash of what a page of briefings (at `path`, in `lang`) shows: its place in its listing, each listed
/// briefing's [`super::incremental::listed_hash`], the digests (index page 1 lists them) and
/// the environment — every input of its view.
fn page_hash(
    page: &Page,
    path: &Path,
    lang: &str,
    digests: &[DigestListing],
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
