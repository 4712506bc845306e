//! Stage 3: the whole run — load, render every edition in parallel, write, index.
//!
//! One broken briefing never stops the others (as ripgrep goes on past a bad file): its
//! diagnostics are reported, nothing is written for it, and the exit code says so.

use crate::cache::{Cache, Checked, Entry, hash_parts};
use crate::content::{self, Briefing, Config, Limits, LoadError};
use crate::diagnostic::Diagnostic;
use crate::output::write_inside;
use crate::render::html::TextRenderer;
use crate::render::site::{self, DigestView, Selection};
use crate::render::templates::{TemplateError, TemplateSet, load_templates};
use crate::render::{self, pdf};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to build and where.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Project root (holds `content/`).
    pub root: PathBuf,
    /// Output folder; `build/` under the root by default.
    pub out: PathBuf,
    /// Worker threads; all cores when `None`.
    pub jobs: Option<usize>,
    /// Selection for the default digest (`build/digest/digest.*`).
    pub selection: Selection,
    /// Build only shard `i` of `n` (1-based) of the briefings, and no index, feed or digests.
    pub shard: Option<(usize, usize)>,
    /// Build only the index, feed and digests (after shards built the briefings).
    pub assemble: bool,
}

impl BuildOptions {
    /// Build `root` into `root/build`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        BuildOptions {
            out: root.join("build"),
            root,
            jobs: None,
            selection: Selection::default(),
            shard: None,
            assemble: false,
        }
    }
}

/// A briefing that could not be published, and why.
#[derive(Clone, Debug)]
pub struct Failure {
    /// The content file.
    pub file: PathBuf,
    /// What went wrong (content diagnostics are in [`BuildReport::diagnostics`]).
    pub reason: String,
}

/// Where the time went, in seconds summed over all threads.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timings {
    /// Loading and validating content.
    pub load: f64,
    /// Bilingual checks.
    pub check: f64,
    /// Markdown editions.
    pub markdown: f64,
    /// HTML editions.
    pub html: f64,
    /// Typst layout.
    pub layout: f64,
    /// PDF export.
    pub export: f64,
    /// Writing files.
    pub write: f64,
    /// Index pages and feed (wall time).
    pub site: f64,
    /// Hashing inputs, loading templates and fonts, reading and writing the cache (wall time).
    pub setup: f64,
    /// Wall-clock time of the whole build.
    pub total: f64,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Ids of the briefings published.
    pub built: Vec<String>,
    /// Briefings not published.
    pub failed: Vec<Failure>,
    /// Files written (unchanged files are not rewritten and not counted).
    pub written: usize,
    /// Files produced in total (including unchanged ones).
    pub produced: usize,
    /// Whether the index pages and the feed were rendered (not when nothing they show changed).
    pub listing_rendered: bool,
    /// Briefings skipped because nothing they depend on changed.
    pub skipped: usize,
    /// Files removed because their content file (or digest) was deleted.
    pub removed: usize,
    /// Digests rendered this time (the others' briefings did not change).
    pub digests_rendered: Vec<String>,
    /// Content files read and parsed; the others were unchanged, and the cache stood in.
    pub parsed: usize,
    /// Every content diagnostic (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
    /// `.notdef` glyphs over all PDFs (must be zero).
    pub notdef: usize,
    /// Time spent per stage.
    pub timings: Timings,
}

impl BuildReport {
    /// Whether anything stopped a briefing or the project from building.
    pub fn has_errors(&self) -> bool {
        !self.failed.is_empty() || self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Failures that stop the whole build.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The project could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A template override is broken.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// A project font is unusable.
    #[error(transparent)]
    Font(#[from] pdf::FontError),
    /// Writing into the output folder failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The thread pool could not start.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Everything one briefing produced, in memory until all of it has succeeded.
struct Rendered {
    id: String,
    files: Vec<(PathBuf, Vec<u8>)>,
    notdef: usize,
    timings: Timings,
}

/// The PDF timestamp: `SOURCE_DATE_EPOCH` when set (reproducible-builds convention), else the
/// briefing's own date — never the clock.
pub fn pdf_date(briefing_date: &str) -> (i32, u8, u8) {
    if let Some(epoch) =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok())
    {
        return site::civil_from_days(epoch.div_euclid(86_400));
    }
    content::parse_date(briefing_date).unwrap_or((1970, 1, 1))
}

/// One edition's files, its `.notdef` count and its timings.
type EditionOutput = (Files, usize, Timings);

/// Output files in memory: path relative to the output folder, bytes.
type Files = Vec<(PathBuf, Vec<u8>)>;

/// Shared, read-only inputs of every briefing's render.
struct Renderers<'a> {
    config: &'a Config,
    text: &'a TextRenderer,
    templates: &'a TemplateSet,
    fonts: &'a pdf::Fonts,
}

fn render_briefing(b: &Briefing, r: &Renderers) -> Result<Rendered, String> {
    let Renderers { config, text, templates, fonts } = *r;
    let mut files = Vec::new();
    let mut notdef = 0;
    let mut t = Timings::default();
    let dir = PathBuf::from(&b.id);
    // Editions of one briefing compile in parallel too: a two-language briefing uses two cores.
    let editions: Vec<Result<EditionOutput, String>> = config
        .languages
        .par_iter()
        .map(|lang| {
            let mut t = Timings::default();
            let e = render::edition(b, lang, config);
            let t0 = Instant::now();
            let md = text.markdown(&e).map_err(|e| e.to_string())?;
            t.markdown = t0.elapsed().as_secs_f64();
            let t0 = Instant::now();
            let html = text.html(&e).map_err(|e| e.to_string())?;
            t.html = t0.elapsed().as_secs_f64();
            let data = serde_json::to_vec(&e).map_err(|e| e.to_string())?;
            let meta = pdf::PdfMeta { ident: format!("{}.{lang}", b.id), date: pdf_date(&b.date) };
            let assets: pdf::Assets = e
                .charts
                .iter()
                .map(|c| (format!("/charts/{}.svg", c.id), c.svg.clone().into_bytes()))
                .collect();
            let pdf = pdf::render_pdf(fonts, templates.get("briefing.typ"), data, &assets, &meta)
                .map_err(|e| e.to_string())?;
            (t.layout, t.export) = pdf.timings;
            let mut files = vec![
                (dir.join(format!("{}.{lang}.md", b.id)), md.into_bytes()),
                (dir.join(format!("{}.{lang}.html", b.id)), html.into_bytes()),
                (dir.join(format!("{}.{lang}.pdf", b.id)), pdf.bytes),
            ];
            files.extend(e.charts.into_iter().map(|c| (dir.join(c.file), c.svg.into_bytes())));
            Ok((files, pdf.notdef, t))
        })
        .collect();
    for ed in editions {
        let (f, n, et) = ed?;
        files.extend(f);
        notdef += n;
        add_timings(&mut t, &et);
    }
    Ok(Rendered { id: b.id.clone(), files, notdef, timings: t })
}

/// Render one digest in every language.
fn render_digest(
    name: &str,
    spec_title: Option<&content::Text>,
    sel: &Selection,
    picked: &[&Briefing],
    r: &Renderers,
) -> Result<(Files, Vec<DigestView>, usize, Timings), String> {
    let mut t = Timings::default();
    let date = picked.first().map(|b| b.date.as_str()).unwrap_or("1970-01-01");
    // Editions one after the other, the memo cache emptied between them: each is a typst
    // document of many pages, and two at once doubled peak memory.
    let results: Vec<Result<(EditionOutput, DigestView), String>> = r
        .config
        .languages
        .iter()
        .map(|lang| {
            let mut t = Timings::default();
            let d = site::digest(name, spec_title, sel, picked, lang, r.config);
            let md = r.text.render("digest.md", "d", &d).map_err(|e| e.to_string())?;
            let html = r.text.render("digest.html", "d", &d).map_err(|e| e.to_string())?;
            let data = serde_json::to_vec(&d).map_err(|e| e.to_string())?;
            let meta =
                pdf::PdfMeta { ident: format!("digest-{name}.{lang}"), date: pdf_date(date) };
            let pdf =
                pdf::render_pdf(r.fonts, r.templates.get("digest.typ"), data, &Vec::new(), &meta)
                    .map_err(|e| format!("digest {name}: {e}"));
            pdf::evict_cache();
            let pdf = pdf?;
            (t.layout, t.export) = pdf.timings;
            let dir = PathBuf::from("digest");
            let files = vec![
                (dir.join(format!("{name}.{lang}.md")), md.into_bytes()),
                (dir.join(format!("{name}.{lang}.html")), html.into_bytes()),
                (dir.join(format!("{name}.{lang}.pdf")), pdf.bytes),
            ];
            // The view goes back too: the index page lists the digest in each language.
            Ok(((files, pdf.notdef, t), d))
        })
        .collect();
    let mut files = Vec::new();
    let mut views = Vec::new();
    let mut notdef = 0;
    for res in results {
        let ((f, n, et), view) = res?;
        files.extend(f);
        notdef += n;
        add_timings(&mut t, &et);
        views.push(view);
    }
    Ok((files, views, notdef, t))
}

/// One digest after the site stage: rendered anew, or unchanged since the last build.
struct DigestOutput {
    name: String,
    /// Hash of its inputs: its selection and the content of the briefings it picked.
    hash: String,
    /// Hash of what the index pages show of it: its selection and which briefings it picked.
    listed: String,
    /// Files, `.notdef` count and timings; `None` when the cache says its files are current.
    rendered: Option<EditionOutput>,
}

/// Every digest: rendered when its inputs changed, with each digest's view per language for
/// the index pages.
fn render_digests(
    all: &[&Briefing],
    opts: &BuildOptions,
    r: &Renderers,
    hashes: &BTreeMap<&str, &str>,
    cache: &Cache,
    slim: &BTreeMap<&str, &Path>,
) -> Result<(Vec<DigestOutput>, Vec<Vec<DigestView>>), String> {
    let config = r.config;
    let mut digests: Vec<(String, Option<&content::Text>, Selection)> = Vec::new();
    if !config.digests.contains_key("digest") {
        let sel = match (opts.selection.is_empty(), all.first()) {
            (true, Some(newest)) => Selection::recent(&newest.date),
            _ => opts.selection.clone(),
        };
        digests.push(("digest".into(), None, sel));
    }
    for (name, spec) in &config.digests {
        digests.push((name.clone(), spec.title.as_ref(), Selection::from_spec(spec)));
    }
    let mut outputs = Vec::new();
    let mut views_by_lang: Vec<Vec<DigestView>> = vec![Vec::new(); config.languages.len()];
    // One digest at a time, and only those whose briefings changed: a digest is the largest
    // typst document of a run, and several at once multiplied peak memory.
    for (name, title, sel) in &digests {
        let picked = sel.pick(all);
        let head = format!("{name}|{title:?}|{sel:?}");
        let hash =
            hash_parts(std::iter::once(head.as_bytes()).chain(picked.iter().flat_map(|b| {
                [b.id.as_bytes(), hashes.get(b.id.as_str()).copied().unwrap_or("").as_bytes()]
            })));
        let rendered = if Cache::is_fresh(cache.digests.get(name), &hash, &opts.out) {
            for (i, lang) in config.languages.iter().enumerate() {
                views_by_lang[i].push(site::digest(name, *title, sel, &picked, lang, config));
            }
            None
        } else {
            let picked = whole(&picked, slim, &opts.root, config)?;
            let picked: Vec<&Briefing> = picked.iter().map(|b| b.as_ref()).collect();
            let (files, views, notdef, t) = render_digest(name, *title, sel, &picked, r)?;
            pdf::evict_cache();
            for (i, v) in views.into_iter().enumerate() {
                views_by_lang[i].push(v);
            }
            Some((files, notdef, t))
        };
        let listed = hash_parts(
            std::iter::once(head.as_bytes()).chain(picked.iter().map(|b| b.id.as_bytes())),
        );
        outputs.push(DigestOutput { name: name.clone(), hash, listed, rendered });
    }
    Ok((outputs, views_by_lang))
}

/// Hash of what the index pages and the feed show: each published briefing's slim form (title,
/// summary, date, tags, source — not its body) and the digests listed (selection and picked
/// ids). An edit to a briefing's body or facts leaves them as they are.
fn site_hash(published: &[&Briefing], digests: &[DigestOutput], opts: &BuildOptions) -> String {
    let parts: Vec<Vec<u8>> = std::iter::once(format!("{:?}", opts.selection).into_bytes())
        // Published briefings are slim by now (cut after the briefing stage).
        .chain(published.iter().map(|b| serde_json::to_vec(b).unwrap_or_default()))
        .chain(digests.iter().map(|d| d.listed.clone().into_bytes()))
        .collect();
    hash_parts(parts.iter().map(Vec::as_slice))
}

/// Index pages (one per language), the Atom feed and the content-format schema.
fn render_index_and_feed(
    all: &[&Briefing],
    views_by_lang: &[Vec<DigestView>],
    r: &Renderers,
) -> Result<Files, String> {
    let config = r.config;
    // Each lists every briefing: the pages and the feed are built side by side.
    let (pages, feed) = rayon::join(
        || {
            config
                .languages
                .par_iter()
                .zip(views_by_lang)
                .map(|(lang, views)| {
                    let view = site::index_page(all, views, lang, config);
                    let html =
                        r.text.render("index.html", "site", &view).map_err(|e| e.to_string())?;
                    Ok((PathBuf::from(site::index_file(lang, config)), html.into_bytes()))
                })
                .collect::<Result<Vec<_>, String>>()
        },
        || site::atom_feed(all, config),
    );
    let mut pages = pages?;
    pages.push((PathBuf::from("feed.xml"), feed.into_bytes()));
    pages.extend(crate::content::schema::files());
    Ok(pages)
}

/// What a build reports while it runs (for progress bars and logs).
#[derive(Clone, Debug)]
pub enum Progress {
    /// `total` briefings need rendering (the rest are unchanged).
    Start {
        /// Briefings to render.
        total: usize,
    },
    /// One briefing finished.
    Done {
        /// Its id.
        id: String,
        /// Whether it rendered.
        ok: bool,
    },
}

/// Build every briefing of the project into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with_progress(opts, &|_| {})
}

/// [`build`], calling `progress` as briefings finish (from worker threads).
pub fn build_with_progress(
    opts: &BuildOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = opts.jobs {
            b = b.num_threads(j.max(1));
        }
        b.build().map_err(|e| BuildError::Threads(e.to_string()))?
    };
    // A killed build's half-written files go (`build/` then holds only what a clean build
    // gives), beside the build so that a no-op does not wait for the walk: this build's own
    // temporaries belong to a running process and are left alone.
    std::thread::scope(|scope| {
        scope.spawn(|| crate::output::remove_temporaries(&opts.out));
        build_in_pool(opts, started, progress, &pool)
    })
}

/// Hash of everything every output depends on besides its own content: the configuration and
/// glossary as written (loading and checking read them too), templates, project fonts and
/// `SOURCE_DATE_EPOCH`. Files come as [`hash_inputs`] hashed them (read once per build).
fn environment_hash(file_hashes: &BTreeMap<PathBuf, String>, templates: &TemplateSet) -> String {
    let hash_of = |p: PathBuf| file_hashes.get(&p).map(String::as_bytes).unwrap_or_default();
    let mut parts: Vec<&[u8]> = vec![
        hash_of(PathBuf::from(content::CONFIG_FILE)),
        hash_of(Path::new("content").join(content::GLOSSARY_FILE)),
    ];
    for (name, text, _) in &templates.entries {
        parts.push(name.as_bytes());
        parts.push(text.as_bytes());
    }
    for (name, hash) in file_hashes.iter().filter(|(p, _)| p.starts_with("fonts")) {
        parts.push(name.as_os_str().as_encoded_bytes());
        parts.push(hash.as_bytes());
    }
    let epoch = std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default();
    parts.push(epoch.as_bytes());
    hash_parts(parts)
}

/// Error-free briefings in id order (shards split by id order, so every machine agrees on who
/// builds what), with their files and content hashes.
fn publishable<'a>(
    files: &'a [content::Loaded],
    content_hashes: &'a [Option<String>],
) -> Vec<(&'a Path, &'a Briefing, &'a str)> {
    let mut ok: Vec<(&Path, &Briefing, &str)> = files
        .iter()
        .zip(content_hashes)
        .filter(|(f, _)| !f.has_errors())
        .filter_map(|(f, h)| Some((f.file.as_path(), f.briefing.as_ref()?, h.as_deref()?)))
        .collect();
    ok.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    ok
}

/// Briefings held slim (the cache stood in for their file), by id: parsed again only when
/// they must be rendered.
fn stood_in(files: &[content::Loaded]) -> BTreeMap<&str, &Path> {
    files
        .iter()
        .filter(|f| f.reused)
        .filter_map(|f| Some((f.briefing.as_ref()?.id.as_str(), f.file.as_path())))
        .collect()
}

/// The whole briefing of a file the cache stood in for, parsed now that it must be rendered.
fn reparse(root: &Path, file: &Path, config: &Config) -> Result<Briefing, String> {
    let loaded = content::read_and_load(root, file.to_path_buf(), config);
    match loaded.briefing {
        Some(b) if !loaded.has_errors() => Ok(b),
        _ => Err("the file changed during the build: build again".into()),
    }
}

/// Whole briefings for `picked`, parsing those the cache stood in for (`slim`: id → file).
fn whole<'a>(
    picked: &[&'a Briefing],
    slim: &BTreeMap<&str, &Path>,
    root: &Path,
    config: &Config,
) -> Result<Vec<std::borrow::Cow<'a, Briefing>>, String> {
    picked
        .par_iter()
        .map(|b| match slim.get(b.id.as_str()) {
            Some(file) => reparse(root, file, config)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| format!("{}: {e}", file.display())),
            None => Ok(std::borrow::Cow::Borrowed(*b)),
        })
        .collect()
}

/// Hash of every input file's bytes: content, config, templates, fonts — and the options.
/// When it equals the last clean build's, nothing can have changed and nothing is parsed.
/// Also each file's own hash, by path relative to the root: a content file whose hash the
/// cache knows is neither read again nor parsed. Files are read as the loader reads them
/// (regular files inside the project, within the limits); one that cannot be read hashes
/// as its error, and the loader reports it.
fn hash_inputs(opts: &BuildOptions, limits: &Limits) -> (String, BTreeMap<PathBuf, String>) {
    let mut files = Vec::new();
    for dir in ["content", "templates", "fonts"] {
        if let Ok(Some(entries)) = crate::input::list(&opts.root, Path::new(dir)) {
            files.extend(entries);
        }
    }
    files.push(PathBuf::from(content::CONFIG_FILE));
    files.sort();
    let per_file: Vec<(PathBuf, String)> = files
        .into_par_iter()
        .map(|name| {
            let limit = match name.starts_with("fonts") {
                true => limits.font(),
                false if name == Path::new(content::CONFIG_FILE) => content::CONFIG_LIMIT,
                false => limits.file(),
            };
            let hash = match crate::input::read(&opts.root, &name, limit) {
                Ok(bytes) => hash_parts([bytes.as_slice()]),
                Err(e) => hash_parts([e.to_string().as_bytes()]),
            };
            (name, hash)
        })
        .collect();
    let mut parts: Vec<Vec<u8>> =
        vec![format!("{:?}", opts.selection).into_bytes(), crate::cache::version().into_bytes()];
    parts.push(std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default().into_bytes());
    for (name, hash) in &per_file {
        parts.push(name.to_string_lossy().as_bytes().to_vec());
        parts.push(hash.as_bytes().to_vec());
    }
    (hash_parts(parts.iter().map(Vec::as_slice)), per_file.into_iter().collect())
}

/// The no-op fast path: the inputs are byte-for-byte those of the last clean build and every
/// output is still there, so report that without loading or rendering anything.
fn try_noop(
    opts: &BuildOptions,
    raw: &str,
    cache: Option<&Cache>,
    started: Instant,
) -> Option<BuildReport> {
    if opts.shard.is_some() || opts.assemble {
        return None;
    }
    let cache = cache?;
    let all_there = cache.version == crate::cache::version()
        && cache.clean_inputs.as_deref() == Some(raw)
        && cache.paths_are_plain()
        && cache.site.files.iter().all(|f| crate::cache::is_built(&opts.out, f))
        && cache
            .briefings
            .values()
            .chain(cache.digests.values())
            .all(|e| e.files.iter().all(|f| crate::cache::is_built(&opts.out, f)));
    if !all_there {
        return None;
    }
    let mut report = BuildReport {
        built: cache.briefings.keys().cloned().collect(),
        skipped: cache.briefings.len(),
        produced: cache.site.files.len(),
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

/// Whether briefing `index` (in id order) belongs to shard `i` of `n`.
fn in_shard(shard: Option<(usize, usize)>, index: usize) -> bool {
    shard.is_none_or(|(i, n)| index % n == i - 1)
}

/// Delete what a briefing or digest that no longer exists left in `out`.
fn remove_outputs(files: &[PathBuf], out: &Path, report: &mut BuildReport) {
    for f in files {
        if crate::output::remove_inside(out, f) {
            report.removed += 1;
        }
    }
}

/// Write files atomically into `out`; returns how many changed on disk.
fn write_files(files: &[(PathBuf, Vec<u8>)], out: &Path) -> Result<usize, BuildError> {
    let mut written = 0;
    for (path, bytes) in files {
        if write_inside(out, path, bytes)
            .map_err(|source| BuildError::Write { path: out.join(path), source })?
        {
            written += 1;
        }
    }
    Ok(written)
}

fn write_all(
    files: &[(PathBuf, Vec<u8>)],
    out: &Path,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let t0 = Instant::now();
    report.produced += files.len();
    report.written += write_files(files, out)?;
    report.timings.write += t0.elapsed().as_secs_f64();
    Ok(())
}

/// What writing one rendered briefing left behind (the bytes are gone).
struct Written {
    id: String,
    paths: Vec<PathBuf>,
    written: usize,
    notdef: usize,
    timings: Timings,
    write_time: f64,
}

fn write_rendered(r: Rendered, out: &Path) -> Result<Written, BuildError> {
    let t0 = Instant::now();
    let written = write_files(&r.files, out)?;
    Ok(Written {
        id: r.id,
        paths: r.files.into_iter().map(|(p, _)| p).collect(),
        written,
        notdef: r.notdef,
        timings: r.timings,
        write_time: t0.elapsed().as_secs_f64(),
    })
}

fn add_timings(into: &mut Timings, t: &Timings) {
    into.markdown += t.markdown;
    into.html += t.html;
    into.layout += t.layout;
    into.export += t.export;
}

fn build_in_pool(
    opts: &BuildOptions,
    started: Instant,
    progress: &(dyn Fn(Progress) + Sync),
    pool: &rayon::ThreadPool,
) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    // Hashed before anything is read: a file saved while this build runs must make the next
    // build a real one, not a no-op.
    // The cache (megabytes of JSON at 1,000 briefings) is read and parsed once, while the
    // inputs are hashed.
    // The limits come first: every file is read within them, hashing included.
    let config = content::load_config(&opts.root)?;
    let limits = config.0.limits.clone();
    let ((raw, file_hashes), stored) =
        pool.install(|| rayon::join(|| hash_inputs(opts, &limits), || Cache::read(&opts.out)));
    if let Some(r) = try_noop(opts, &raw, stored.as_ref(), started) {
        return Ok(r);
    }
    let templates = load_templates(&opts.root, limits.file())?;
    let env = environment_hash(&file_hashes, &templates);
    let mut cache = Cache::validate(stored, &env);
    report.timings.setup = started.elapsed().as_secs_f64();
    // A content file whose bytes are those of the last build (same config, glossary,
    // templates and yoyak) is not parsed again: the cache holds what the site needs of it.
    let t0 = Instant::now();
    let checks = std::mem::take(&mut cache.checks);
    let reuse = |file: &Path| {
        let hash = file_hashes.get(file)?;
        let c = checks.get(file).filter(|c| &c.hash == hash)?;
        let slim = c.slim.as_ref()?;
        Some(content::Loaded {
            file: file.to_path_buf(),
            source: String::new(),
            briefing: Some(slim.briefing.clone()),
            positions: content::yaml::PositionIndex::with_id(slim.id_at),
            diagnostics: Vec::new(),
            hash: hash.clone(),
            reused: true,
        })
    };
    // Templates compile and fonts load while the content loads: an edit rebuild waits on each.
    let (project, renderers) = pool.install(|| {
        rayon::join(
            || content::load_project_reusing(&opts.root, config, &reuse),
            || {
                let t0 = Instant::now();
                let r = TextRenderer::new(&templates)
                    .map_err(BuildError::from)
                    .and_then(|text| Ok((text, pdf::Fonts::shared(&opts.root, limits.font())?)));
                (r, t0.elapsed().as_secs_f64())
            },
        )
    });
    let mut project = project?;
    report.parsed = project.files.iter().filter(|f| !f.reused).count();
    // Outputs are keyed by the briefing's content (not its file's bytes: a comment or a
    // reordered key changes nothing).
    let content_hashes: Vec<Option<String>> = pool.install(|| {
        project
            .files
            .par_iter()
            .map(|f| {
                let b = f.briefing.as_ref()?;
                if f.reused {
                    return checks.get(&f.file)?.slim.as_ref().map(|s| s.hash.clone());
                }
                Some(hash_parts([serde_json::to_vec(b).unwrap_or_default().as_slice()]))
            })
            .collect()
    });
    report.timings.load = t0.elapsed().as_secs_f64();
    // `check` is the first step of every build: a briefing with errors is not published. A file
    // whose bytes are unchanged keeps its findings.
    let t0 = Instant::now();
    let per_file = pool.install(|| {
        crate::check::check_files(&project, &|_, f| {
            let c = checks.get(&f.file)?;
            (c.hash == f.hash).then(|| c.findings.clone())
        })
    });
    for ((f, findings), content_hash) in project.files.iter().zip(&per_file).zip(&content_hashes) {
        let Some(b) = &f.briefing else { continue };
        let slim = match (f.reused, content_hash) {
            (true, _) => checks.get(&f.file).and_then(|c| c.slim.clone()),
            // Only a file that loaded without a diagnostic is stood in for: one with warnings
            // is parsed each time, so they are reported each time.
            (false, Some(hash)) if f.diagnostics.is_empty() => Some(crate::cache::Slim {
                briefing: b.slim(),
                hash: hash.clone(),
                id_at: f.positions.value("id"),
            }),
            _ => None,
        };
        let checked = Checked { hash: f.hash.clone(), findings: findings.clone(), slim };
        cache.checks.insert(f.file.clone(), checked);
    }
    drop(checks);
    for d in per_file.into_iter().flatten() {
        if let Some(f) = project.files.iter_mut().find(|f| f.file == d.file) {
            f.diagnostics.push(d);
        } else {
            project.diagnostics.push(d);
        }
    }
    report.timings.check = t0.elapsed().as_secs_f64();
    let ((text, fonts), renderers_time) = (renderers.0?, renderers.1);
    report.timings.setup += renderers_time;
    let r =
        Renderers { config: &project.config, text: &text, templates: &templates, fonts: &fonts };
    report.diagnostics = project.all_diagnostics().cloned().collect();
    // The report reads excerpts from the files themselves: texts and position indexes are
    // not needed past here.
    for f in &mut project.files {
        f.source = String::new();
        f.positions = Default::default();
    }

    for f in project.files.iter().filter(|f| f.has_errors()) {
        report
            .failed
            .push(Failure { file: f.file.clone(), reason: "content errors (see above)".into() });
    }
    let mut ok = publishable(&project.files, &content_hashes);
    let hashes: Vec<String> = ok.iter().map(|(_, _, h)| h.to_string()).collect();
    let mut slim = stood_in(&project.files);
    // From here on outputs are written. The last build's cache would vouch for files this
    // build rewrites: were it killed before saving its own cache, an edit undone would find
    // the killed build's files "fresh". No cache on disk until this build's is saved (after a
    // kill the next build renders everything again).
    let _ = std::fs::remove_file(opts.out.join(crate::cache::CACHE_FILE));

    if !opts.assemble {
        let todo: Vec<usize> = (0..ok.len())
            .filter(|&i| in_shard(opts.shard, i))
            .filter(|&i| !Cache::is_fresh(cache.briefings.get(&ok[i].1.id), &hashes[i], &opts.out))
            .collect();
        progress(Progress::Start { total: todo.len() });
        // Each briefing is written as soon as it is rendered, so memory holds only the
        // briefings in flight, not the whole build.
        // Briefings are spread over plain worker threads, one briefing at a time each. Not a
        // rayon `par_iter`: typst parallelises inside a compile with rayon, and a rayon worker
        // waiting there would steal the next briefing onto the same stack — at 1,000 briefings
        // that nesting overflowed the stack and kept every half-done briefing in memory.
        let workers = pool.current_num_threads().clamp(1, todo.len().max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let render_one = |i: usize| -> Result<(usize, Result<Written, String>), BuildError> {
            let whole = whole(&[ok[i].1], &slim, &opts.root, r.config);
            let result = match whole.and_then(|w| render_briefing(&w[0], &r)) {
                Ok(rendered) => write_rendered(rendered, &opts.out).map(Ok)?,
                Err(reason) => Err(reason),
            };
            // Bound typst's memo cache as we go; what the next briefing reuses survives.
            pdf::evict_cache();
            progress(Progress::Done { id: ok[i].1.id.clone(), ok: result.is_ok() });
            Ok((i, result))
        };
        let mut results: Vec<(usize, Result<Written, String>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&i) = todo.get(k) else { break };
                            // Typst's own parallelism runs on the pool; at most one briefing
                            // per worker is ever in flight.
                            mine.push(pool.install(|| render_one(i))?);
                        }
                        Ok::<_, BuildError>(mine)
                    })
                })
                .collect();
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.join().map_err(|_| BuildError::Threads("a worker panicked".into()))??);
            }
            Ok::<_, BuildError>(all)
        })?;
        results.sort_by_key(|(i, _)| *i);
        pdf::evict_cache();
        for (i, result) in results {
            match result {
                Ok(w) => {
                    report.produced += w.paths.len();
                    report.written += w.written;
                    report.notdef += w.notdef;
                    report.timings.write += w.write_time;
                    add_timings(&mut report.timings, &w.timings);
                    let entry = Entry {
                        hash: hashes[i].clone(),
                        source: ok[i].0.to_path_buf(),
                        files: w.paths,
                        notdef: w.notdef,
                    };
                    cache.briefings.insert(w.id, entry);
                }
                Err(reason) => {
                    report.failed.push(Failure { file: ok[i].0.to_path_buf(), reason });
                    cache.briefings.remove(&ok[i].1.id);
                }
            }
        }
        for (i, (_, b, _)) in ok.iter().enumerate() {
            if in_shard(opts.shard, i) && !todo.contains(&i) {
                report.skipped += 1;
                if let Some(e) = cache.briefings.get(&b.id) {
                    report.notdef += e.notdef;
                    report.produced += e.files.len();
                }
            }
        }
    }
    if opts.shard.is_none() {
        // Index, feed and digest selection read only slim briefings; the few a digest being
        // rendered needs whole are parsed again. Freeing the rest before typst lays out the
        // digests kept peak memory down by (at 1,000 briefings) a hundred megabytes.
        for f in &mut project.files {
            if let Some(b) = f.briefing.as_mut().filter(|_| !f.reused) {
                *b = b.slim();
                f.reused = true;
            }
        }
        ok = publishable(&project.files, &content_hashes);
        slim = stood_in(&project.files);
    }
    let failed: BTreeSet<PathBuf> = report.failed.iter().map(|f| f.file.clone()).collect();
    let published: Vec<&Briefing> =
        ok.iter().filter(|(file, _, _)| !failed.contains(*file)).map(|(_, b, _)| *b).collect();
    report.built = published
        .iter()
        .enumerate()
        .filter(|(i, _)| opts.assemble || in_shard(opts.shard, *i))
        .map(|(_, b)| b.id.clone())
        .collect();

    // A content file that is gone takes its outputs with it; a broken one keeps its last good
    // outputs (nothing is lost while the editor fixes it).
    if opts.shard.is_none() && !opts.assemble {
        let present: BTreeSet<&Path> = project.files.iter().map(|f| f.file.as_path()).collect();
        let gone: Vec<String> = cache
            .briefings
            .iter()
            .filter(|(_, e)| !present.contains(e.source.as_path()))
            .map(|(id, _)| id.clone())
            .collect();
        for id in gone {
            if let Some(e) = cache.briefings.remove(&id) {
                remove_outputs(&e.files, &opts.out, &mut report);
                if let Some(dir) = crate::output::inside(&opts.out, Path::new(&id)) {
                    let _ = std::fs::remove_dir(dir);
                }
            }
        }
    }

    if opts.shard.is_none() {
        let mut published_hashes: BTreeMap<&str, &str> = BTreeMap::new();
        for (file, b, hash) in &ok {
            if !failed.contains(*file) {
                published_hashes.insert(b.id.as_str(), hash);
            }
        }
        let as_template_error = |message| {
            BuildError::Template(TemplateError::Syntax { name: "index/digest".into(), message })
        };
        // Newest first: the order of the index pages, the feed and digest selection.
        let mut all = published.clone();
        site::sort_newest_first(&mut all);
        let (digests, views) = pool
            .install(|| render_digests(&all, opts, &r, &published_hashes, &cache, &slim))
            .map_err(as_template_error)?;
        // Index and feed show what every briefing's slim form holds: rendered and rewritten
        // only when that (or the list of digests) changed.
        let t0 = Instant::now();
        let site_hash = site_hash(&published, &digests, opts);
        if Cache::is_fresh(Some(&cache.site), &site_hash, &opts.out) {
            report.produced += cache.site.files.len();
        } else {
            let pages = pool
                .install(|| render_index_and_feed(&all, &views, &r))
                .map_err(as_template_error)?;
            report.listing_rendered = true;
            write_all(&pages, &opts.out, &mut report)?;
            cache.site = Entry {
                hash: site_hash,
                files: pages.into_iter().map(|(p, _)| p).collect(),
                notdef: 0,
                source: PathBuf::new(),
            };
        }
        report.timings.site = t0.elapsed().as_secs_f64();
        let names: BTreeSet<String> = digests.iter().map(|d| d.name.clone()).collect();
        for d in digests {
            match d.rendered {
                Some((files, notdef, t)) => {
                    report.digests_rendered.push(d.name.clone());
                    write_all(&files, &opts.out, &mut report)?;
                    add_timings(&mut report.timings, &t);
                    report.notdef += notdef;
                    let files = files.into_iter().map(|(p, _)| p).collect();
                    let entry = Entry { hash: d.hash, files, notdef, source: PathBuf::new() };
                    cache.digests.insert(d.name, entry);
                }
                None => {
                    if let Some(e) = cache.digests.get(&d.name) {
                        report.produced += e.files.len();
                        report.notdef += e.notdef;
                    }
                }
            }
        }
        // A digest taken out of the configuration takes its files with it.
        let dropped: Vec<String> =
            cache.digests.keys().filter(|n| !names.contains(*n)).cloned().collect();
        for name in dropped {
            if let Some(e) = cache.digests.remove(&name) {
                remove_outputs(&e.files, &opts.out, &mut report);
            }
        }
    }
    if opts.shard.is_none() && !opts.assemble {
        // Only a build without errors or warnings may be skipped next time: otherwise the
        // next run must report them again.
        cache.clean_inputs = if report.diagnostics.is_empty() && report.failed.is_empty() {
            Some(raw)
        } else {
            None
        };
        let t0 = Instant::now();
        cache.save(&opts.out).map_err(|source| BuildError::Write {
            path: opts.out.join(crate::cache::CACHE_FILE),
            source,
        })?;
        report.timings.setup += t0.elapsed().as_secs_f64();
    }
    report.timings.total = started.elapsed().as_secs_f64();
    Ok(report)
}
