//! `yoyak build`'s progress: a bar on a terminal, plain lines in CI logs.

use std::sync::Mutex;
use yoyak::build::Progress;
use yoyak::diagnostic::report::terminal_safe as safe;

/// A progress bar on a terminal; plain lines otherwise (CI logs), one per briefing with
/// `--verbose`, else one per tenth of the work.
pub struct ProgressReporter {
    /// The bar, on a terminal unless `--verbose` or `--quiet`.
    bar: Option<indicatif::ProgressBar>,
    /// A line per briefing.
    verbose: bool,
    /// No progress lines at all.
    quiet: bool,
    /// Briefings done so far, of how many (workers report from several threads).
    counts: Mutex<Counts>,
}

/// How far the build is.
#[derive(Clone, Copy, Default)]
struct Counts {
    /// Briefings finished, built or failed.
    done: usize,
    /// Briefings to build.
    total: usize,
}

impl ProgressReporter {
    /// A reporter for a build printing to a terminal (`tty`) or a log.
    pub fn new(tty: bool, verbose: bool, quiet: bool) -> Self {
        let bar = (tty && !verbose && !quiet).then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressReporter { bar, verbose, quiet, counts: Mutex::new(Counts::default()) }
    }

    /// Show one progress event of the build.
    pub fn on(&self, p: Progress) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        match p {
            Progress::Start { total } => {
                counts.total = total;
                // A single briefing needs no bar (the bar stays hidden).
                if let Some(bar) = &self.bar
                    && total > 1
                {
                    bar.set_length(total as u64);
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                }
            }
            Progress::Done { id, ok } => {
                counts.done += 1;
                self.briefing_done(*counts, &id, ok);
            }
        }
    }

    /// Show that briefing `id` finished (`ok`: it was built), the `counts.done`th of them.
    fn briefing_done(&self, counts: Counts, id: &str, ok: bool) {
        let Counts { done, total } = counts;
        if let Some(bar) = &self.bar {
            bar.set_message(safe(id).into_owned());
            bar.inc(1);
        } else if self.verbose {
            eprintln!("[{done}/{total}] {} {}", if ok { "built" } else { "failed" }, safe(id));
        } else if !self.quiet && total >= 20 && done % (total / 10) == 0 {
            eprintln!("[{done}/{total}] briefings built");
        }
    }

    /// Take the bar off the screen before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
