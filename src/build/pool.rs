//! Step 3: every briefing whose outputs are not fresh is rendered — each edition as Markdown,
//! HTML, PDF and chart SVGs — on a pool of worker threads, and written as soon as it is done.

use super::incremental::{Entry, whole};
use super::search::StageDocs;
use super::write::{EditionFiles, OutputFile, Rendered, Written, write_briefing};
use super::{BuildError, Failure, Progress, Publishable, Renderers, Run, in_shard};
use crate::build::incremental::Cache;
use crate::build::report::BuildReport;
use crate::content::{self, Briefing, Format};
use crate::render::error::Document;
use crate::render::{self, RenderError, hwpx, pdf, site};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The PDF timestamp: `SOURCE_DATE_EPOCH` when set (reproducible-builds convention), else the
/// briefing's own date — never the clock.
pub fn pdf_date(briefing_date: &str) -> (i32, u8, u8) {
    if let Some(epoch) =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok())
    {
        // A day beyond the years jiff (and typst) know gets a year typst refuses: the PDF
        // reports an invalid date.
        return site::epoch_day(epoch.div_euclid(86_400)).map_or((i32::MAX, 1, 1), site::ymd);
    }
    content::parse_date(briefing_date).unwrap_or((1970, 1, 1))
}

/// Seconds since `t0`.
fn since(t0: Instant) -> f64 {
    t0.elapsed().as_secs_f64()
}

/// One briefing's edition in `lang`, in every format the project writes: Markdown (with its
/// chart SVGs beside it), HTML, PDF and HWPX.
fn render_edition(b: &Briefing, lang: &str, r: &Renderers) -> Result<Rendered, RenderError> {
    let e = render::edition(b, lang, r.config);
    let document = || Document::Briefing { id: b.id.clone(), lang: lang.to_string() };
    let mut out = EditionFiles::new(PathBuf::from(&b.id), format!("{}.{lang}", b.id));
    if r.config.writes(Format::Md) {
        let t0 = Instant::now();
        out.add(Format::Md, r.pages.markdown(&e)?);
        out.rendered.timings.markdown = since(t0);
        let dir = &out.dir;
        let svgs: Vec<OutputFile> =
            e.charts.iter().map(|c| OutputFile::new(dir.join(&c.file), c.svg.clone())).collect();
        out.rendered.files.extend(svgs);
    }
    if r.config.writes(Format::Html) {
        let t0 = Instant::now();
        out.add(Format::Html, r.pages.html(&e)?);
        out.rendered.timings.html = since(t0);
    }
    if r.config.writes(Format::Pdf) {
        let data = serde_json::to_vec(&e)?;
        let pdf = edition_pdf(&e, data, b, r)
            .map_err(|error| RenderError::Pdf { document: document(), error })?;
        out.add_pdf(pdf);
    }
    if r.config.writes(Format::Hwpx) {
        let t0 = Instant::now();
        let hwpx = hwpx::briefing(&e, r.charts)
            .map_err(|error| RenderError::Hwpx { document: document(), error })?;
        out.add_hwpx(hwpx, since(t0));
    }
    Ok(out.rendered)
}

/// The PDF of edition `e` of `b`: its template with `data` (the edition as JSON), the charts
/// as files.
fn edition_pdf(
    e: &render::Edition,
    data: Vec<u8>,
    b: &Briefing,
    r: &Renderers,
) -> Result<pdf::Pdf, pdf::PdfError> {
    let meta = pdf::PdfMeta {
        template: e.template("typ"),
        ident: format!("{}.{}", b.id, e.lang),
        date: pdf_date(&b.date),
    };
    let assets: pdf::Assets = e
        .charts
        .iter()
        .map(|c| pdf::Asset {
            path: format!("/charts/{}.svg", c.id),
            bytes: c.svg.clone().into_bytes(),
        })
        .collect();
    pdf::render_pdf(r.fonts, r.templates, data, &assets, &meta)
}

/// Every edition of one briefing (content hash `hash`), each edition's search document going
/// to `search_docs`. Editions compile in parallel too: a two-language briefing uses two cores.
fn render_briefing(
    b: &Briefing,
    hash: &str,
    r: &Renderers,
    search_docs: Option<&StageDocs>,
) -> Result<Rendered, RenderError> {
    let editions: Vec<Result<Rendered, RenderError>> = (r.config.languages.par_iter().enumerate())
        .map(|(i, lang)| {
            let edition = render_edition(b, lang, r)?;
            // Made now, while the briefing is whole, by the worker that rendered the edition.
            if let Some(docs) = search_docs {
                docs.add(b, hash, i, r.config);
            }
            Ok(edition)
        })
        .collect();
    let mut all = Rendered::default();
    for edition in editions {
        all.absorb(edition?);
    }
    Ok(all)
}

/// A briefing rendered and written, or why it could not be rendered.
type Outcome = Result<Written, RenderError>;

/// Render and write every briefing of this build's shard whose outputs are not fresh, record
/// each in the cache, and count the fresh ones as skipped. The search documents of those
/// rendered go to `search_docs`, when the build writes a search index.
pub fn render_briefings(
    run: &Run,
    r: &Renderers,
    ok: &[Publishable],
    slim: &BTreeMap<&str, &Path>,
    search_docs: Option<&StageDocs>,
    cache: &mut Cache,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let opts = run.opts;
    let todo: Vec<usize> = (0..ok.len())
        .filter(|&i| in_shard(opts.shard, i))
        .filter(|&i| !cache.briefing_is_fresh(&ok[i].briefing.id, ok[i].hash, &opts.out))
        .collect();
    (run.progress)(Progress::Start { total: todo.len() });
    let workers = run.pool.current_num_threads().clamp(1, todo.len().max(1));
    let finished = AtomicUsize::new(0);
    let render_one = |i: usize| -> Result<Outcome, BuildError> {
        let b = ok[i].briefing;
        let rendered = whole(&[b], slim, &opts.root, r.config)
            .and_then(|w| render_briefing(&w[0], ok[i].hash, r, search_docs));
        let result = match rendered {
            Ok(rendered) => write_briefing(b.id.clone(), rendered, &opts.out).map(Ok)?,
            Err(reason) => Err(reason),
        };
        // Bound typst's memo cache as we go, once per round of `workers` briefings: eviction
        // is global (it write-locks every memo cache the other workers are reading).
        if (finished.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(workers) {
            pdf::evict_cache();
        }
        (run.progress)(Progress::Done { id: b.id.clone(), ok: result.is_ok() });
        Ok(result)
    };
    let clock = StageClock::start();
    let mut results = on_workers(run.pool, &todo, &render_one)?;
    clock.finish(&mut report.timings);
    results.sort_by_key(|(i, _)| *i);
    // After a batch the memo cache holds the last rounds' layouts: the digests, rendered next,
    // peaked 35–45 MB higher with them (1,000 briefings). A small rebuild (`yoyak serve` after an
    // edit) keeps what the next one reuses.
    if todo.len() > 4 * workers {
        pdf::clear_cache();
    } else {
        pdf::evict_cache();
    }
    for (i, result) in results {
        record(&ok[i], result, cache, report);
    }
    for (i, p) in ok.iter().enumerate() {
        if in_shard(opts.shard, i) && todo.binary_search(&i).is_err() {
            report.skipped += 1;
            if let Some(e) = cache.briefings.get(&p.briefing.id) {
                report.notdef += e.notdef;
                report.produced += e.files.len();
            }
        }
    }
    Ok(())
}

/// Run `work` on each of `todo` on the pool's own threads, one briefing at a time each;
/// results come back with their index, in no particular order.
///
/// Each pool thread runs one loop that takes the next briefing, so no briefing ever waits in
/// a queue: typst's own parallelism (page runs, krilla's deferred streams) runs on the same
/// pool, and a thread waiting inside typst steals only typst's work, never a second briefing
/// (a queued briefing stolen there nested on that thread's stack while the other core idled).
/// One pool, sized once, for yoyak and typst alike; memory holds only the briefings in flight.
fn on_workers(
    pool: &rayon::ThreadPool,
    todo: &[usize],
    work: &(dyn Fn(usize) -> Result<Outcome, BuildError> + Sync),
) -> Result<Vec<(usize, Outcome)>, BuildError> {
    let next = AtomicUsize::new(0);
    let per_thread = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pool.broadcast(|_| {
            let mut mine = Vec::new();
            while let Some(&i) = todo.get(next.fetch_add(1, Ordering::Relaxed)) {
                match work(i) {
                    Ok(outcome) => mine.push((i, outcome)),
                    Err(e) => {
                        // A write failure stops the build: the other threads take no more.
                        next.store(todo.len(), Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
            Ok::<_, BuildError>(mine)
        })
    }))
    .map_err(|_| BuildError::Threads("a worker panicked".into()))?;
    let mut all = Vec::new();
    for mine in per_thread {
        all.extend(mine?);
    }
    Ok(all)
}

/// Where the pool's threads spent a stage, from `/proc/self/task/*/schedstat` (Linux): on a
/// CPU, runnable but waiting for one (other processes' load), and the rest blocked (a lock, a
/// join, I/O).
struct StageClock {
    /// When the stage started.
    t0: Instant,
    /// (on-CPU, waiting for a CPU) nanoseconds at the start, per worker thread id.
    start: BTreeMap<u64, (u64, u64)>,
}

impl StageClock {
    /// The workers' clocks now.
    fn start() -> Self {
        StageClock { t0: Instant::now(), start: worker_clocks() }
    }

    /// The stage's wall, on-CPU, run-queue and blocked seconds into `t` (wall only where
    /// `/proc` cannot tell).
    fn finish(self, t: &mut super::Timings) {
        let wall = since(self.t0);
        let (mut run, mut ready, mut workers) = (0.0, 0.0, 0.0);
        for (tid, (run1, ready1)) in worker_clocks() {
            let (run0, ready0) = self.start.get(&tid).copied().unwrap_or_default();
            run += run1.saturating_sub(run0) as f64 / 1e9;
            ready += ready1.saturating_sub(ready0) as f64 / 1e9;
            workers += 1.0;
        }
        t.briefings = wall;
        t.briefings_cpu = run;
        t.briefings_delay = ready;
        t.briefings_blocked = (wall * workers - run - ready).max(0.0);
    }
}

/// Per live worker thread of this process (named `yoyak-worker-*`): nanoseconds on a CPU and
/// waiting on a run queue.
fn worker_clocks() -> BTreeMap<u64, (u64, u64)> {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return BTreeMap::new() };
    tasks
        .flatten()
        .filter(|t| {
            std::fs::read_to_string(t.path().join("comm"))
                .is_ok_and(|c| c.starts_with("yoyak-worker"))
        })
        .filter_map(|t| {
            let tid = t.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(t.path().join("schedstat")).ok()?;
            let mut f = stat.split_whitespace().map(|n| n.parse::<u64>().ok());
            Some((tid, (f.next()??, f.next()??)))
        })
        .collect()
}

/// Count one briefing's outcome in the report and the cache.
fn record(p: &Publishable, result: Outcome, cache: &mut Cache, report: &mut BuildReport) {
    match result {
        Ok(w) => {
            report.produced += w.paths.len();
            report.written += w.written;
            report.notdef += w.notdef;
            report.timings.write += w.write_time;
            report.timings.add_rendering(&w.timings);
            let entry = Entry {
                hash: p.hash.to_string(),
                source: p.file.to_path_buf(),
                files: w.paths,
                sizes: w.sizes,
                notdef: w.notdef,
            };
            cache.briefings.insert(w.id, entry);
        }
        Err(error) => {
            let reason = error.to_string();
            report.failed.push(Failure { file: p.file.to_path_buf(), reason });
            cache.briefings.remove(&p.briefing.id);
        }
    }
}
