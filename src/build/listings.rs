//! Step 4: what gathers many briefings, in order — the search index ([`super::search`]), the
//! digests, the feed and the listing pages ([`super::pages`]). Each digest is rendered only
//! when the briefings it picks changed; each listing page only when what it shows changed;
//! the Atom feed and the content-format schema only when what they show (every briefing's
//! slim form) changed.

use super::incremental::{Cache, site_env, whole};
use super::pages::SiteInputs;
use super::pool::pdf_date;
use super::search::StageDocs;
use super::write::{
    EditionFiles, OutputFile, Rendered, listing_entry, remove_dropped_digests, write_all,
};
use super::{BuildError, BuildOptions, BuildReport, Published, Renderers, Run};
use crate::content::{Briefing, Format};
use crate::hash::hash_parts;
use crate::render::error::Document;
use crate::render::site::{self, DigestListing, DigestPlan, DigestView, Selection};
use crate::render::{RenderError, feed, hwpx, pdf};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One digest in one language: its files and what index page 1 lists of it.
struct DigestEdition {
    rendered: Rendered,
    listing: DigestListing,
}

/// One digest after this step: rendered anew, or unchanged since the last build.
struct DigestOutput {
    name: String,
    /// Hash of its inputs: its selection and the content of the briefings it picked.
    hash: String,
    /// Its files; `None` when the cache says its files are current.
    rendered: Option<Rendered>,
}

/// One digest in every language: its files, and what index page 1 lists of it per language.
struct RenderedDigest {
    rendered: Rendered,
    listings: Vec<DigestListing>,
}

/// Every digest, with what index page 1 lists of each per language.
struct Digests {
    outputs: Vec<DigestOutput>,
    /// Per configured language, in configured order: what index page 1 lists of each digest.
    listings_by_lang: Vec<Vec<DigestListing>>,
}

/// Read-only inputs of the digests and the search index: the newest-first briefings, their
/// content hashes and the briefings the cache stood in for.
pub struct SiteBriefings<'a> {
    /// Published briefings, newest first.
    pub all: &'a [&'a Briefing],
    /// Per id: its content hash.
    pub hashes: &'a BTreeMap<&'a str, &'a str>,
    /// Briefings held slim, by id: their files (parsed again when needed whole).
    pub slim: &'a BTreeMap<&'a str, &'a Path>,
}

/// Render the digests, index pages and feed that changed, write them, and drop the files of
/// digests no longer configured.
pub fn build_listings(
    run: &Run,
    r: &Renderers,
    published: &Published,
    made: StageDocs,
    slim: &BTreeMap<&str, &Path>,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    // Newest first: the order of the index pages, the feed and digest selection.
    let mut all = published.briefings.clone();
    site::sort_newest_first(&mut all);
    let inputs = SiteBriefings { all: &all, hashes: &published.hashes, slim };
    let t0 = Instant::now();
    // Search runs beside the digests, feed and pages: it needs nothing of theirs, and after
    // an edit it is one core's work while they take the other.
    let env = site_env(cache);
    let mut entry = std::mem::take(&mut cache.search);
    let mut beside = BuildReport::default();
    let (searched, listed) = run.pool.join(
        || {
            let t1 = Instant::now();
            let s =
                super::search::build_search(run, r, &inputs, made, (&env, &mut entry), &mut beside);
            beside.timings.step("search", t1);
            s
        },
        || digests_feed_pages(run, r, &inputs, published, cache, report),
    );
    cache.search = entry;
    report.absorb_beside(beside);
    searched?;
    listed?;
    report.timings.site = t0.elapsed().as_secs_f64();
    Ok(())
}

/// The digests, then the feed and the listing pages (which list the digests).
fn digests_feed_pages(
    run: &Run,
    r: &Renderers,
    inputs: &SiteBriefings,
    published: &Published,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let t1 = Instant::now();
    let listed_digests = digests(run, r, inputs, cache, report)?;
    report.timings.step("digests", t1);
    let t1 = Instant::now();
    feed(r, inputs.all, published, run.opts, cache, report)?;
    report.timings.step("feed", t1);
    let t1 = Instant::now();
    let site = SiteInputs {
        all: inputs.all,
        digests: &listed_digests.by_lang,
        digest_names: listed_digests.names,
        listed: &published.listed,
        env: site_env(cache),
    };
    super::pages::build_pages(run, r, &site, cache, report)?;
    report.timings.step("pages", t1);
    Ok(())
}

/// What the index pages show of the digests, per language, and their names.
struct DigestListings {
    /// Per configured language, in configured order: what index page 1 lists of each digest.
    by_lang: Vec<Vec<DigestListing>>,
    /// The digests' names.
    names: Vec<String>,
}

/// Render and write each digest whose briefings changed, drop the files of digests no longer
/// configured, and hand on what index page 1 lists of each.
fn digests(
    run: &Run,
    r: &Renderers,
    inputs: &SiteBriefings,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<DigestListings, BuildError> {
    let opts = run.opts;
    let digests =
        run.pool.install(|| render_digests(inputs, opts, r, cache)).map_err(BuildError::Listing)?;
    let names: Vec<String> = digests.outputs.iter().map(|d| d.name.clone()).collect();
    for d in digests.outputs {
        write_digest(d, opts, cache, report)?;
    }
    remove_dropped_digests(&names.iter().cloned().collect(), cache, &opts.out, report);
    Ok(DigestListings { by_lang: digests.listings_by_lang, names })
}

/// The Atom feed and the content-format schema, rendered and written only when what the feed
/// shows (every briefing's slim form) changed.
fn feed(
    r: &Renderers,
    all: &[&Briefing],
    published: &Published,
    opts: &BuildOptions,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let site_hash = site_hash(published, opts);
    if Cache::is_fresh(Some(&cache.site), &site_hash, &opts.out) {
        report.produced += cache.site.files.len();
        return Ok(());
    }
    let files = render_feed(all, r).map_err(BuildError::Listing)?;
    report.listing_rendered = true;
    write_all(&files, &opts.out, report)?;
    cache.site = listing_entry(site_hash, files, 0);
    Ok(())
}

/// Write a digest rendered anew and remember it; count an unchanged one's files.
fn write_digest(
    d: DigestOutput,
    opts: &BuildOptions,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    match d.rendered {
        Some(rendered) => {
            report.digests_rendered.push(d.name.clone());
            write_all(&rendered.files, &opts.out, report)?;
            report.timings.add_rendering(&rendered.timings);
            report.notdef += rendered.notdef;
            let entry = listing_entry(d.hash, rendered.files, rendered.notdef);
            cache.digests.insert(d.name, entry);
        }
        None => {
            if let Some(e) = cache.digests.get(&d.name) {
                report.produced += e.files.len();
                report.notdef += e.notdef;
            }
        }
    }
    Ok(())
}

/// The digests to build: the default `digest` (unless `yoyak.yaml` names one so) over the
/// selection asked for, or the 30 days up to the newest briefing; then every named digest.
fn digest_plans<'a>(
    all: &[&Briefing],
    opts: &BuildOptions,
    r: &Renderers<'a>,
) -> Vec<DigestPlan<'a>> {
    let config = r.config;
    let mut plans = Vec::new();
    if !config.digests.contains_key("digest") {
        let selection = match (opts.selection.is_empty(), all.first()) {
            (true, Some(newest)) => Selection::recent(&newest.date),
            _ => opts.selection.clone(),
        };
        plans.push(DigestPlan { name: "digest".into(), title: None, selection });
    }
    for (name, spec) in &config.digests {
        let selection = Selection::from_spec(spec);
        plans.push(DigestPlan { name: name.clone(), title: spec.title.as_ref(), selection });
    }
    plans
}

/// Every digest: rendered when its inputs changed, with what index page 1 lists of each per
/// language.
fn render_digests(
    inputs: &SiteBriefings,
    opts: &BuildOptions,
    r: &Renderers,
    cache: &Cache,
) -> Result<Digests, RenderError> {
    let config = r.config;
    let mut outputs = Vec::new();
    let mut listings_by_lang: Vec<Vec<DigestListing>> = vec![Vec::new(); config.languages.len()];
    // One digest at a time, and only those whose briefings changed: a digest is the largest
    // typst document of a run, and several at once multiplied peak memory.
    for plan in digest_plans(inputs.all, opts, r) {
        let picked = plan.selection.pick(inputs.all);
        let head = format!("{}|{:?}|{:?}", plan.name, plan.title, plan.selection);
        let hash =
            hash_parts(std::iter::once(head.as_bytes()).chain(picked.iter().flat_map(|b| {
                [
                    b.id.as_bytes(),
                    inputs.hashes.get(b.id.as_str()).copied().unwrap_or("").as_bytes(),
                ]
            })));
        let rendered = if Cache::is_fresh(cache.digests.get(&plan.name), &hash, &opts.out) {
            for (i, lang) in config.languages.iter().enumerate() {
                listings_by_lang[i].push(site::digest_listing(&plan, &picked, lang, config));
            }
            None
        } else {
            let picked = whole(&picked, inputs.slim, &opts.root, config)?;
            let picked: Vec<&Briefing> = picked.iter().map(|b| b.as_ref()).collect();
            let digest = render_digest(&plan, &picked, r)?;
            for (i, v) in digest.listings.into_iter().enumerate() {
                listings_by_lang[i].push(v);
            }
            Some(digest.rendered)
        };
        outputs.push(DigestOutput { name: plan.name, hash, rendered });
    }
    Ok(Digests { outputs, listings_by_lang })
}

/// One digest in every language: its files, and what index page 1 lists of it per language.
fn render_digest(
    plan: &DigestPlan,
    picked: &[&Briefing],
    r: &Renderers,
) -> Result<RenderedDigest, RenderError> {
    // The editions side by side (the digests are what is left of a cold build once the
    // briefings are done, and one typst document keeps a second core only half busy), then
    // the memo cache emptied: an eviction by age kept the last digest's layouts while the
    // next one was laid out.
    let editions: Vec<Result<DigestEdition, RenderError>> = r
        .config
        .languages
        .par_iter()
        .map(|lang| render_digest_edition(plan, picked, lang, r))
        .collect();
    pdf::clear_cache();
    let mut all = Rendered::default();
    let mut listings = Vec::new();
    for edition in editions {
        let edition = edition?;
        all.absorb(edition.rendered);
        listings.push(edition.listing);
    }
    Ok(RenderedDigest { rendered: all, listings })
}

/// One digest in `lang`, in every format the project writes, and what index page 1 lists of
/// it.
fn render_digest_edition(
    plan: &DigestPlan,
    picked: &[&Briefing],
    lang: &str,
    r: &Renderers,
) -> Result<DigestEdition, RenderError> {
    let name = &plan.name;
    let d = site::digest(plan, picked, lang, r.config);
    let document = || Document::Digest { name: name.clone(), lang: lang.to_string() };
    let mut out = EditionFiles::new(PathBuf::from("digest"), format!("{name}.{lang}"));
    if r.config.writes(Format::Md) {
        out.add(Format::Md, r.pages.render("digest.md", "d", &d)?);
    }
    if r.config.writes(Format::Html) {
        out.add(Format::Html, r.pages.render_page("digest.html", "d", &d, &d.meta)?);
    }
    if r.config.writes(Format::Pdf) {
        let pdf = digest_pdf(&d, serde_json::to_vec(&d)?, picked, r)
            .map_err(|error| RenderError::Pdf { document: document(), error })?;
        out.add_pdf(pdf);
    }
    if r.config.writes(Format::Hwpx) {
        let t0 = Instant::now();
        let hwpx =
            hwpx::digest(&d).map_err(|error| RenderError::Hwpx { document: document(), error })?;
        out.add_hwpx(hwpx, t0.elapsed().as_secs_f64());
    }
    Ok(DigestEdition { rendered: out.rendered, listing: d.into_listing() })
}

/// The PDF of digest edition `d` from `data` (it as JSON), dated by its newest briefing.
fn digest_pdf(
    d: &DigestView,
    data: Vec<u8>,
    picked: &[&Briefing],
    r: &Renderers,
) -> Result<pdf::Pdf, pdf::PdfError> {
    let date = picked.first().map(|b| b.date.as_str()).unwrap_or("1970-01-01");
    let meta = pdf::PdfMeta {
        template: "digest.typ",
        ident: format!("digest-{}.{}", d.name, d.lang),
        date: pdf_date(date),
    };
    pdf::render_pdf(r.fonts, r.templates, data, &Vec::new(), &meta)
}

/// Hash of what the feed shows: each published briefing's slim form (title, summary, date,
/// tags, source — not its body), by its listed hash. An edit to a briefing's body or facts
/// leaves it as it is.
fn site_hash(published: &Published, opts: &BuildOptions) -> String {
    let selection = format!("{:?}", opts.selection);
    let listed = published.listed.iter().flat_map(|(id, h)| [id.as_bytes(), h.as_bytes()]);
    hash_parts(std::iter::once(selection.as_bytes()).chain(listed))
}

/// The Atom feed and the content-format schema.
fn render_feed(all: &[&Briefing], r: &Renderers) -> Result<Vec<OutputFile>, RenderError> {
    let feed = r.pages.render("feed.xml", "feed", &feed::feed(all, r.config))?;
    let mut files = vec![OutputFile::new(PathBuf::from("feed.xml"), feed)];
    let schema = crate::content::schema::files();
    files.extend(schema.into_iter().map(|(path, bytes)| OutputFile::new(path, bytes)));
    Ok(files)
}
