//! `yoyak build`: build the project with progress, then print its findings, what could not be
//! built and a one-line summary.

use super::args::BuildArgs;
use super::progress::ProgressReporter;
use super::{CliError, Outcome};
use std::io::IsTerminal;
use yoyak::build::{BuildOptions, BuildReport, build_with_progress};
use yoyak::diagnostic::report::{self, terminal_safe as safe};

/// Build as `args` say; content errors or unbuilt briefings end in exit 1.
pub fn run(args: &BuildArgs) -> Result<Outcome, CliError> {
    let reporter = ProgressReporter::new(std::io::stderr().is_terminal(), args.verbose, args.quiet);
    let result = build_with_progress(&options(args), &|p| reporter.on(p));
    reporter.finish();
    let built = result?;
    print_report(&built, args);
    Ok(Outcome::failed_if(built.has_errors()))
}

/// The library's options from the command line's.
fn options(args: &BuildArgs) -> BuildOptions {
    let mut opts = BuildOptions::new(&args.root);
    if let Some(out) = &args.out {
        opts.out = out.clone();
    }
    opts.jobs = args.jobs;
    opts.selection = yoyak::render::site::Selection {
        since: args.since.clone(),
        until: args.until.clone(),
        tags: args.tags.clone(),
    };
    opts.shard = args.shard;
    opts.assemble = args.assemble;
    opts
}

/// Findings (only errors with `--quiet`; hints only counted: `yoyak check` shows them),
/// unbuilt briefings, missing glyphs, the summary and with `--timings` where the time went,
/// all on standard error.
fn print_report(r: &BuildReport, args: &BuildArgs) {
    let shown: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| !d.is_hint() && (!args.quiet || d.is_error()))
        .cloned()
        .collect();
    eprint!("{}", report::human(&shown, &args.root, super::stderr_palette()));
    for f in &r.failed {
        eprintln!("not built: {}: {}", safe(&f.file.display().to_string()), safe(&f.reason));
    }
    if r.notdef > 0 {
        eprintln!(
            "warning: {} glyphs missing from the embedded fonts (.notdef) in the PDFs",
            r.notdef
        );
    }
    if !args.quiet {
        print_summary(r);
    }
    if args.timings {
        print_timings(r);
    }
}

/// `built 3 briefing(s) (1 unchanged), … in 1.23s`.
fn print_summary(r: &BuildReport) {
    eprintln!(
        "built {} briefing(s) ({} unchanged), {} file(s) ({} written, {} removed), {} not built; {} in {:.2}s",
        r.built.len(),
        r.skipped,
        r.produced,
        r.written,
        r.removed,
        r.failed.len(),
        report::summary(&r.diagnostics, r.built.len() + r.failed.len()),
        r.timings.total
    );
}

/// Seconds per stage, summed over the worker threads (`--timings`).
fn print_timings(r: &BuildReport) {
    let t = &r.timings;
    eprintln!(
        "timings (s, summed over threads): load {:.3} ({} file(s) parsed) · check {:.3} · markdown {:.3} · html {:.3} · typst layout {:.3} · pdf export {:.3} · hwpx {:.3} · write {:.3} · listings+feed {:.3} ({} of {} listing page(s) rendered) · setup {:.3} · wall {:.3}\nbriefing stage (s): wall {:.3} · workers on a CPU {:.3} ({:.2} cores busy) · ready but waiting for a CPU {:.3} · blocked {:.3}",
        t.load,
        r.parsed,
        t.check,
        t.markdown,
        t.html,
        t.layout,
        t.export,
        t.hwpx,
        t.write,
        t.site,
        r.listing_pages_rendered,
        r.listing_pages,
        t.setup,
        t.total,
        t.briefings,
        t.briefings_cpu,
        t.briefings_cpu / t.briefings.max(1e-9),
        t.briefings_delay,
        t.briefings_blocked,
    );
    let steps: Vec<String> = t.steps.iter().map(|(name, s)| format!("{name} {s:.3}")).collect();
    eprintln!("steps (s, wall): {}", steps.join(" · "));
}
