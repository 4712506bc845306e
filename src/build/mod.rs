//! Stage 4: the whole run, as a list of steps — load → check → render briefings → listings →
//! write — each handing typed values to the next.
//!
//! One broken briefing never stops the others (as ripgrep goes on past a bad file): its
//! diagnostics are reported, nothing is written for it, and the exit code says so. Work whose
//! inputs did not change is skipped ([`incremental`]).

pub mod file_map;
pub mod incremental;
mod listings;
mod pages;
mod pool;
mod report;
mod search;
pub mod stamp;
mod write;

pub use pool::pdf_date;
pub use report::{BuildError, BuildReport, Failure, Progress, Timings};

use crate::content::{self, Briefing, Config, Project};
use crate::diagnostic::Diagnostic;
use crate::render::hwpx::ChartRaster;
use crate::render::page::PageRenderer;
use crate::render::pdf;
use crate::render::site::Selection;
use crate::render::templates::{TemplateSet, load_templates};
use file_map::FileMap;
use incremental::{Cache, Checked, Inputs, site_env};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

    /// Whether this build writes briefings, index, feed and digests alike (no shard, not
    /// only assembling): only such a build removes what is gone and saves the cache.
    fn is_whole(&self) -> bool {
        self.shard.is_none() && !self.assemble
    }
}

/// What every step shares: the options, the worker pool and the progress callback.
struct Run<'a> {
    opts: &'a BuildOptions,
    pool: &'a rayon::ThreadPool,
    progress: &'a (dyn Fn(Progress) + Sync),
}

/// Shared, read-only inputs of every render.
struct Renderers<'a> {
    config: &'a Config,
    pages: &'a PageRenderer,
    templates: &'a TemplateSet,
    fonts: &'a pdf::Fonts,
    charts: &'a ChartRaster,
}

/// Compiled templates and parsed fonts: loaded while the content loads.
struct Tools {
    pages: PageRenderer,
    fonts: Arc<pdf::Fonts>,
    charts: Arc<ChartRaster>,
}

/// What step 1 hands on: the project, each file's content hash and the tools to render with.
struct Loaded {
    project: Project,
    /// Per file of `project`: the hash its outputs are keyed by (none without a briefing).
    content_hashes: Vec<Option<String>>,
    tools: Tools,
}

/// An error-free briefing, with its content file and the hash its outputs are keyed by.
struct Publishable<'a> {
    file: &'a Path,
    briefing: &'a Briefing,
    hash: &'a str,
}

/// The briefings published by this build (in id order), with the hashes of their content and
/// of what listings show of them.
struct Published<'a> {
    briefings: Vec<&'a Briefing>,
    hashes: BTreeMap<&'a str, &'a str>,
    /// Per id: [`incremental::listed_hash`] of its slim briefing.
    listed: BTreeMap<&'a str, String>,
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
        // Named, so that profilers (`perf sched`, benches/cores.sh) tell them apart.
        let mut b = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("yoyak-worker-{i}"))
            // Only tasks started ahead of need are spawned (not joined): should one panic, the
            // step that needs its result does the work again and reports what happens.
            .panic_handler(|_| {});
        if let Some(j) = opts.jobs {
            b = b.num_threads(j.max(1));
        }
        b.build().map_err(|e| BuildError::Threads(e.to_string()))?
    };
    // A killed build's half-written files go (`build/` then holds only what a clean build
    // gives), beside the build so that a no-op does not wait for the walk: this build's own
    // temporaries belong to a running process and are left alone. A build removes the cache
    // before it writes anything and saves it when done, so only a folder without one can
    // hold what a killed build left: a folder with one is not walked (at 1,000 briefings
    // the walk took a core from typst for an edit's whole rebuild).
    let killed_before = !opts.out.join(incremental::CACHE_FILE).exists();
    std::thread::scope(|scope| {
        if killed_before {
            scope.spawn(|| crate::output::remove_temporaries(&opts.out));
        }
        // On the pool, so that a parallel step outside an `install` cannot start rayon's
        // global pool (two more threads, more than `--jobs` allows).
        pool.install(|| build_steps(&Run { opts, pool: &pool, progress }, started))
    })
}

/// The steps of a build, in order.
fn build_steps(run: &Run, started: Instant) -> Result<BuildReport, BuildError> {
    let opts = run.opts;
    let mut report = BuildReport::default();
    let Setup { config, raw_inputs, file_hashes, templates, mut cache } = match setup(run, started)?
    {
        Start::Unchanged(report) => return Ok(*report),
        Start::Changed(setup) => *setup,
    };
    report.timings.setup = since(started);
    report.timings.step("setup", started);

    let checks = std::mem::take(&mut cache.checks);
    let Cache { briefings, checks: recorded, .. } = &mut cache;
    // Whose files are missing from the output folder is found beside loading and checking,
    // which leave a core idle part of the time.
    let (loaded, missing) = rayon::join(
        || load_and_check(run, config, &templates, &file_hashes, checks, recorded, &mut report),
        || incremental::missing_briefings(briefings, &opts.out),
    );
    cache.missing = Some(missing);
    let Loaded { mut project, content_hashes, tools } = loaded?;

    report.diagnostics = project.all_diagnostics().cloned().collect();
    let r = Renderers {
        config: &project.config,
        pages: &tools.pages,
        templates: &templates,
        fonts: &tools.fonts,
        charts: &tools.charts,
    };
    let t0 = Instant::now();
    let made = search::StageDocs::new(&project.config.languages, &opts.out, site_env(&cache));
    let search_docs = opts.shard.is_none().then_some(&made);
    let files = &mut project.files;
    render_all(run, &r, files, &content_hashes, search_docs, &mut cache, &mut report)?;
    report.timings.step("briefings", t0);

    let ok = publishable(&project.files, &content_hashes);
    // What listings show of each briefing: only a build that writes them needs it.
    let listed = match opts.shard {
        None => incremental::listed_hashes(&project.files, &cache),
        Some(_) => BTreeMap::new(),
    };
    let published = published(&ok, &report, listed);
    report.built = built_ids(&published, opts);
    if opts.is_whole() {
        write::remove_deleted_briefings(&project.files, &mut cache, &opts.out, &mut report);
    }
    if opts.shard.is_none() {
        let slim = incremental::stood_in(&project.files);
        listings::build_listings(run, &r, &published, made, &slim, &mut cache, &mut report)?;
    }

    if opts.is_whole() {
        let t0 = Instant::now();
        write::save_cache(&mut cache, raw_inputs, opts, &mut report)?;
        report.timings.step("save cache", t0);
    }
    free_in_background((project, cache, tools));
    report.timings.total = since(started);
    Ok(report)
}

/// Drop `value` on a thread of its own. Freeing 1,000 briefings and the cache took an edit
/// rebuild 10 ms it need not wait for (the process may exit first: the memory goes with it).
fn free_in_background<T: Send + 'static>(value: T) {
    // Should the thread not start, the closure and `value` are dropped here instead.
    let _ = std::thread::Builder::new().name("yoyak-free".into()).spawn(move || drop(value));
}

/// How a build starts: nothing changed since the last clean build (its report stands), or
/// there is work to do.
enum Start {
    /// The no-op shortcut's report.
    Unchanged(Box<BuildReport>),
    /// What the steps start from.
    Changed(Box<Setup>),
}

/// What the steps start from.
struct Setup {
    /// `yoyak.yaml` and what is wrong with it.
    config: (Config, Vec<Diagnostic>),
    /// Hash of every input file and the options.
    raw_inputs: String,
    /// Each input file's hash.
    file_hashes: FileMap<String>,
    /// Templates in effect.
    templates: TemplateSet,
    /// The last build's cache, when it still applies.
    cache: Cache,
}

/// Step 0 — set up: hash the inputs (before anything is read: a file saved while this build
/// runs must make the next build a real one, not a no-op) and take the no-op shortcut when
/// nothing changed; else read the templates and the cache that still applies.
fn setup(run: &Run, started: Instant) -> Result<Start, BuildError> {
    let opts = run.opts;
    // The limits come first: every file is read within them, hashing included.
    let config = content::load_config(&opts.root)?;
    let limits = config.0.limits.clone();
    let inputs = run.pool.install(|| Inputs::read(opts, &limits));
    if let Some(report) = run.pool.install(|| incremental::try_noop(opts, &inputs, started)) {
        return Ok(Start::Unchanged(Box::new(report)));
    }
    let templates = load_templates(&opts.root, limits.file())?;
    let Inputs { raw, file_hashes, stamps, stored } = inputs;
    let mut cache =
        Cache::validate(stored, &incremental::environment_hash(&file_hashes, &templates));
    cache.stamps = stamps;
    Ok(Start::Changed(Box::new(Setup { config, raw_inputs: raw, file_hashes, templates, cache })))
}

/// Ids of the briefings this build published: all of them, or this shard's.
fn built_ids(published: &Published, opts: &BuildOptions) -> Vec<String> {
    published
        .briefings
        .iter()
        .enumerate()
        .filter(|(i, _)| opts.assemble || in_shard(opts.shard, *i))
        .map(|(_, b)| b.id.clone())
        .collect()
}

/// Seconds since `t0`.
fn since(t0: Instant) -> f64 {
    t0.elapsed().as_secs_f64()
}

/// Steps 1 and 2: load the project (the cache's records standing in for unchanged files),
/// then check it, recording what the next build needs of each file in `recorded`.
fn load_and_check(
    run: &Run,
    config: (Config, Vec<Diagnostic>),
    templates: &TemplateSet,
    file_hashes: &FileMap<String>,
    checks: FileMap<Checked>,
    recorded: &mut FileMap<Checked>,
    report: &mut BuildReport,
) -> Result<Loaded, BuildError> {
    let t0 = Instant::now();
    let mut loaded = load(run, config, templates, file_hashes, &checks, report)?;
    report.timings.step("load", t0);
    let t0 = Instant::now();
    check(run, &mut loaded.project, &loaded.content_hashes, checks, recorded, report);
    report.timings.step("check", t0);
    Ok(loaded)
}

/// Step 1 — load: the content (a file whose bytes the cache knows is not parsed again: its
/// slim briefing stands in), while templates compile and fonts load — an edit rebuild waits
/// on each.
fn load(
    run: &Run,
    config: (Config, Vec<Diagnostic>),
    templates: &TemplateSet,
    file_hashes: &FileMap<String>,
    checks: &FileMap<Checked>,
    report: &mut BuildReport,
) -> Result<Loaded, BuildError> {
    let t0 = Instant::now();
    let root = &run.opts.root;
    let font_limit = config.0.limits.font();
    let stand_in = |file: &Path| incremental::stand_in(file, file_hashes, checks);
    let (project, (tools, tools_time)) = run.pool.install(|| {
        rayon::join(
            || content::load_project_reusing(root, config, &stand_in),
            || {
                let t0 = Instant::now();
                let tools =
                    PageRenderer::new(templates).map_err(BuildError::from).and_then(|pages| {
                        let fonts = pdf::Fonts::shared(root, font_limit)?;
                        let charts = Arc::new(ChartRaster::from_fonts(&fonts));
                        Ok(Tools { pages, fonts, charts })
                    });
                (tools, since(t0))
            },
        )
    });
    let project = project?;
    report.parsed = project.files.iter().filter(|f| !f.reused).count();
    let content_hashes = run.pool.install(|| incremental::content_hashes(&project, checks));
    report.timings.load = since(t0);
    report.timings.setup += tools_time;
    Ok(Loaded { project, content_hashes, tools: tools? })
}

/// Step 2 — check, the first step of every build: a briefing with errors is not published.
/// A file whose bytes are unchanged keeps its findings.
fn check(
    run: &Run,
    project: &mut Project,
    content_hashes: &[Option<String>],
    checks: FileMap<Checked>,
    recorded: &mut FileMap<Checked>,
    report: &mut BuildReport,
) {
    let t0 = Instant::now();
    let per_file = run.pool.install(|| {
        crate::check::check_files(project, &|_, f| incremental::cached_findings(&checks, f))
    });
    incremental::record_checks(recorded, project, &per_file, content_hashes, checks);
    // Not cached: whether an embargo has passed changes with the clock.
    let timing = crate::check::passed_embargoes(project, crate::check::now());
    for d in per_file.into_iter().flatten().chain(timing) {
        if let Some(f) = project.files.iter_mut().find(|f| f.file == d.file) {
            f.diagnostics.push(d);
        } else {
            project.diagnostics.push(d);
        }
    }
    report.timings.check = since(t0);
}

/// Step 3 — render the briefings (unless only assembling), after reporting those content
/// errors stop; the search documents of those rendered go to `search_docs`.
fn render_all(
    run: &Run,
    r: &Renderers,
    files: &mut [content::Loaded],
    content_hashes: &[Option<String>],
    search_docs: Option<&search::StageDocs>,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    // The report reads excerpts from the files themselves: texts and position indexes are
    // not needed past here.
    for f in files.iter_mut() {
        f.source = String::new();
        f.positions = Default::default();
    }
    for f in files.iter().filter(|f| f.has_errors()) {
        let reason = "content errors (see above)".into();
        report.failed.push(Failure { file: f.file.clone(), reason });
    }
    // From here on outputs are written.
    write::forget_cache(&run.opts.out);
    if !run.opts.assemble {
        let ok = publishable(files, content_hashes);
        let slim = incremental::stood_in(files);
        pool::render_briefings(run, r, &ok, &slim, search_docs, cache, report)?;
    }
    if run.opts.shard.is_none() {
        slim_down(files, &r.config.numbers);
    }
    Ok(())
}

/// Index, feed and digest selection read only slim briefings; the few a digest being
/// rendered needs whole are parsed again. Freeing the rest before typst lays out the
/// digests kept peak memory down by (at 1,000 briefings) a hundred megabytes.
fn slim_down(files: &mut [content::Loaded], style: &crate::numbers::Style) {
    for f in files {
        if let Some(b) = f.briefing.as_mut().filter(|_| !f.reused) {
            *b = b.slim(style);
            f.reused = true;
        }
    }
}

/// Error-free briefings in id order (shards split by id order, so every machine agrees on who
/// builds what), with their files and content hashes.
fn publishable<'a>(
    files: &'a [content::Loaded],
    content_hashes: &'a [Option<String>],
) -> Vec<Publishable<'a>> {
    let mut ok: Vec<Publishable> = files
        .iter()
        .zip(content_hashes)
        .filter(|(f, _)| !f.has_errors())
        .filter_map(|(f, h)| {
            let (briefing, hash) = (f.briefing.as_ref()?, h.as_deref()?);
            Some(Publishable { file: f.file.as_path(), briefing, hash })
        })
        .collect();
    ok.sort_by(|a, b| a.briefing.id.cmp(&b.briefing.id));
    ok
}

/// The publishable briefings that did not fail to render.
fn published<'a>(
    ok: &[Publishable<'a>],
    report: &BuildReport,
    mut listed: BTreeMap<&'a str, String>,
) -> Published<'a> {
    let failed: BTreeSet<&Path> = report.failed.iter().map(|f| f.file.as_path()).collect();
    let ok = ok.iter().filter(|p| !failed.contains(p.file));
    let hashes: BTreeMap<&str, &str> =
        ok.clone().map(|p| (p.briefing.id.as_str(), p.hash)).collect();
    listed.retain(|id, _| hashes.contains_key(id));
    Published { briefings: ok.map(|p| p.briefing).collect(), hashes, listed }
}

/// Whether briefing `index` (in id order) belongs to shard `i` of `n`.
fn in_shard(shard: Option<(usize, usize)>, index: usize) -> bool {
    shard.is_none_or(|(i, n)| index % n == i - 1)
}
