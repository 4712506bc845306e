//! Stage 3: the whole run — load, render every edition in parallel, write, index.
//!
//! One broken briefing never stops the others (as ripgrep goes on past a bad file): its
//! diagnostics are reported, nothing is written for it, and the exit code says so.

use crate::content::{self, Briefing, Config, LoadError, Project};
use crate::diagnostic::Diagnostic;
use crate::output::write_atomic;
use crate::render::html::TextRenderer;
use crate::render::templates::{TemplateError, TemplateSet, load_templates};
use crate::render::{self, Passage, pdf};
use rayon::prelude::*;
use serde::Serialize;
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
}

impl BuildOptions {
    /// Build `root` into `root/build`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        BuildOptions { out: root.join("build"), root, jobs: None }
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
    /// Files produced in total.
    pub produced: usize,
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
        return civil_from_days(epoch.div_euclid(86_400));
    }
    content::parse_date(briefing_date).unwrap_or((1970, 1, 1))
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// One edition's files, its `.notdef` count and its timings.
type EditionOutput = (Vec<(PathBuf, Vec<u8>)>, usize, Timings);

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
            let pdf =
                pdf::render_pdf(fonts, templates.get("briefing.typ"), data, &Vec::new(), &meta)
                    .map_err(|e| e.to_string())?;
            (t.layout, t.export) = pdf.timings;
            let files = vec![
                (dir.join(format!("{}.{lang}.md", b.id)), md.into_bytes()),
                (dir.join(format!("{}.{lang}.html", b.id)), html.into_bytes()),
                (dir.join(format!("{}.{lang}.pdf", b.id)), pdf.bytes),
            ];
            Ok((files, pdf.notdef, t))
        })
        .collect();
    for ed in editions {
        let (f, n, et) = ed?;
        files.extend(f);
        notdef += n;
        t.markdown += et.markdown;
        t.html += et.html;
        t.layout += et.layout;
        t.export += et.export;
    }
    Ok(Rendered { id: b.id.clone(), files, notdef, timings: t })
}

/// One row of the index page.
#[derive(Serialize)]
struct IndexEntry {
    id: String,
    date: String,
    title: Passage,
    other_titles: Vec<Passage>,
    publisher: Passage,
    files: Vec<render::FileLink>,
}

/// The index page's data.
#[derive(Serialize)]
struct Site {
    lang: String,
    title: String,
    other_titles: Vec<Passage>,
    briefings: Vec<IndexEntry>,
}

fn render_index(
    project: &Project,
    built: &[&Briefing],
    text: &TextRenderer,
) -> Result<String, String> {
    let config = &project.config;
    let lang = config.source_lang().to_string();
    let mut entries: Vec<IndexEntry> = built
        .iter()
        .map(|b| {
            let e = render::edition(b, &lang, config);
            IndexEntry {
                id: b.id.clone(),
                date: b.date.clone(),
                title: e.title,
                other_titles: e.other_titles,
                publisher: e.publisher,
                files: e.files,
            }
        })
        .collect();
    // Newest first; ties by id so the order never depends on file-system order.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let site = Site {
        title: config.title.get(&lang).unwrap_or("yoyak").to_string(),
        other_titles: config.languages[1..]
            .iter()
            .filter_map(|l| {
                config.title.get(l).map(|t| Passage {
                    lang: l.clone(),
                    text: t.into(),
                    missing: false,
                })
            })
            .collect(),
        lang,
        briefings: entries,
    };
    text.render("index.html", "site", &site).map_err(|e| e.to_string())
}

/// Build every briefing of the project into `opts.out`.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = opts.jobs {
            b = b.num_threads(j.max(1));
        }
        b.build().map_err(|e| BuildError::Threads(e.to_string()))?
    };
    pool.install(|| build_in_pool(opts, started))
}

fn build_in_pool(opts: &BuildOptions, started: Instant) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let t0 = Instant::now();
    let project = content::load_project(&opts.root)?;
    report.timings.load = t0.elapsed().as_secs_f64();
    let templates = load_templates(&opts.root)?;
    let text = TextRenderer::new(&templates)?;
    let fonts = pdf::Fonts::load(&opts.root)?;
    let renderers =
        Renderers { config: &project.config, text: &text, templates: &templates, fonts: &fonts };
    report.diagnostics = project.all_diagnostics().cloned().collect();

    for f in project.files.iter().filter(|f| f.has_errors()) {
        report
            .failed
            .push(Failure { file: f.file.clone(), reason: "content errors (see above)".into() });
    }
    let ok: Vec<(&Path, &Briefing)> = project
        .files
        .iter()
        .filter(|f| !f.has_errors())
        .filter_map(|f| f.briefing.as_ref().map(|b| (f.file.as_path(), b)))
        .collect();
    let results: Vec<(PathBuf, Result<Rendered, String>)> = ok
        .par_iter()
        .map(|(file, b)| (file.to_path_buf(), render_briefing(b, &renderers)))
        .collect();
    pdf::evict_cache();

    let mut built = Vec::new();
    for ((file, result), (_, b)) in results.into_iter().zip(&ok) {
        match result {
            Ok(r) => {
                let t0 = Instant::now();
                for (path, bytes) in &r.files {
                    let full = opts.out.join(path);
                    report.produced += 1;
                    if write_atomic(&full, bytes)
                        .map_err(|source| BuildError::Write { path: full.clone(), source })?
                    {
                        report.written += 1;
                    }
                }
                report.timings.write += t0.elapsed().as_secs_f64();
                report.notdef += r.notdef;
                report.timings.markdown += r.timings.markdown;
                report.timings.html += r.timings.html;
                report.timings.layout += r.timings.layout;
                report.timings.export += r.timings.export;
                report.built.push(r.id);
                built.push(*b);
            }
            Err(reason) => report.failed.push(Failure { file, reason }),
        }
    }
    let index = render_index(&project, &built, &text).map_err(|reason| {
        BuildError::Template(TemplateError::Syntax { name: "index.html".into(), message: reason })
    })?;
    let path = opts.out.join("index.html");
    report.produced += 1;
    if write_atomic(&path, index.as_bytes()).map_err(|source| BuildError::Write { path, source })? {
        report.written += 1;
    }
    report.timings.total = started.elapsed().as_secs_f64();
    Ok(report)
}
