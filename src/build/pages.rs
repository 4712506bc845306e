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
        let xml = sitemap(&base, &pages, site, config, r).map_err(BuildError::Listing)?;
        let path = PathBuf::from("sitemap.xml");
        let hash = hash_parts([xml.as_bytes()]);
        let bytes = (!fresh(&path, &hash)).then(|| xml.into_bytes());
        produced.push(Produced { path, hash, bytes });
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

/// Page `page` in language `i`: rendered unless its view hashes as it did last time
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
    let view = match page.listing {
        Listing::Archive => listing::view::archive_view(groups, lang, config),
        _ => listing::view::listing_view(page, &site.digests[i], lang, config),
    };
    let path = PathBuf::from(page.listing.path(page.number, lang, config));
    let hash = hash_parts([serde_json::to_vec(&view)?.as_slice()]);
    let bytes = match fresh(&path, &hash) {
        true => None,
        false => Some(r.pages.render_page("listing.html", "page", &view, &view.meta)?.into_bytes()),
    };
    Ok(Produced { path, hash, bytes })
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
