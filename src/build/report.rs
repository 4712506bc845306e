//! What a build tells its caller: the report (what was built, skipped, removed; diagnostics;
//! where the time went), progress while it runs, and the errors that stop it.

use crate::content::LoadError;
use crate::diagnostic::Diagnostic;
use crate::render::RenderError;
use crate::render::pdf;
use crate::render::templates::TemplateError;
use serde::Serialize;
use std::path::PathBuf;

/// A briefing that could not be published, and why.
#[derive(Clone, Debug)]
pub struct Failure {
    /// The content file.
    pub file: PathBuf,
    /// What went wrong, as the user reads it (content diagnostics are in
    /// [`BuildReport::diagnostics`]).
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
    /// HWPX editions (XML, chart pictures, the package).
    pub hwpx: f64,
    /// Writing files.
    pub write: f64,
    /// Index pages and feed (wall time).
    pub site: f64,
    /// Hashing inputs, loading templates and fonts, reading and writing the cache (wall time).
    pub setup: f64,
    /// Rendering and writing the briefings (wall time).
    pub briefings: f64,
    /// CPU time of the worker threads while the briefings rendered (where `/proc` tells).
    pub briefings_cpu: f64,
    /// Time the worker threads were ready but waited for a CPU (other processes' load) while
    /// the briefings rendered.
    pub briefings_delay: f64,
    /// Time the worker threads were blocked (a lock, a join, I/O) while the briefings
    /// rendered: the build's own serialisation.
    pub briefings_blocked: f64,
    /// Wall-clock time of the whole build.
    pub total: f64,
    /// Wall-clock time of each step, in the order they ran (`--timings`' "steps" line).
    pub steps: Vec<(&'static str, f64)>,
}

impl Timings {
    /// Record that step `name`, begun at `t0`, has ended.
    pub fn step(&mut self, name: &'static str, t0: std::time::Instant) {
        self.steps.push((name, t0.elapsed().as_secs_f64()));
    }

    /// Add the rendering times of `t` (Markdown, HTML, layout, export, HWPX) to these.
    pub fn add_rendering(&mut self, t: &Timings) {
        self.markdown += t.markdown;
        self.html += t.html;
        self.layout += t.layout;
        self.export += t.export;
        self.hwpx += t.hwpx;
    }
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
    /// Whether any listing page or the feed was rendered (not when nothing they show changed).
    pub listing_rendered: bool,
    /// Listing pages (and `sitemap.xml`) produced, in every language.
    pub listing_pages: usize,
    /// Of those, the ones rendered this time (the others show what they showed last time).
    pub listing_pages_rendered: usize,
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
    /// Add what a step run beside this one's (on the other side of a join) wrote and took.
    pub fn absorb_beside(&mut self, beside: BuildReport) {
        self.produced += beside.produced;
        self.written += beside.written;
        self.timings.write += beside.timings.write;
        self.timings.steps.extend(beside.timings.steps);
    }

    /// Whether anything stopped a briefing or the project from building.
    pub fn has_errors(&self) -> bool {
        !self.failed.is_empty() || self.diagnostics.iter().any(Diagnostic::is_error)
    }
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
    /// A digest, an index page or the feed could not be rendered.
    #[error("{}", listing_message(.0))]
    Listing(RenderError),
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

/// A listing's template failure keeps the words it always had; every other failure says
/// what it is (a digest's PDF failure is no template error).
fn listing_message(e: &RenderError) -> String {
    match e {
        RenderError::Template { .. } => format!("template index/digest: {e}"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::error::Document;

    #[test]
    fn a_digest_pdf_failure_is_not_reported_as_a_template_error() {
        let pdf = BuildError::Listing(RenderError::Pdf {
            document: Document::Digest { name: "weekly".into(), lang: "ko".into() },
            error: pdf::PdfError(vec!["error: boom".into()]),
        });
        assert_eq!(pdf.to_string(), "digest weekly: PDF layout failed:\nerror: boom");
        let template = BuildError::Listing(RenderError::Template {
            template: "digest.md".into(),
            message: "oops".into(),
        });
        assert_eq!(template.to_string(), "template index/digest: template digest.md: oops");
    }
}
