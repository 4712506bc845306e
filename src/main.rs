//! The `yoyak` command line: parse arguments, run a stage, print, exit with a code that says
//! what happened (0 clean, 1 content errors, 2 usage or I/O failure).

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use yoyak::build::{BuildOptions, Progress, build_with_progress};
use yoyak::report::{self, Format, Palette};

#[derive(Parser)]
#[command(
    name = "yoyak",
    version,
    about = "Bilingual Korean/English briefings from structured report content"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every briefing in content/ into build/ (Markdown, HTML and PDF per language).
    Build {
        /// Project folder (holds content/ and optionally yoyak.yaml and templates/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: <root>/build).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        /// Print only errors.
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Print every briefing as it is built.
        #[arg(long, short)]
        verbose: bool,
        /// After the build, show where the time went.
        #[arg(long)]
        timings: bool,
        /// Default digest: only briefings dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        since: Option<String>,
        /// Default digest: only briefings dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        until: Option<String>,
        /// Default digest: only briefings with this tag (repeatable; any matches).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Build only shard I of N of the briefings (e.g. 2/3); no index, feed or digests.
        #[arg(long, value_parser = parse_shard, conflicts_with = "assemble")]
        shard: Option<(usize, usize)>,
        /// Build only the index, feed and digests (after the shards built the briefings).
        #[arg(long)]
        assemble: bool,
    },
    /// Check content without building; exit 1 on errors.
    Check {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Build {
            root,
            out,
            jobs,
            quiet,
            verbose,
            timings,
            since,
            until,
            tags,
            shard,
            assemble,
        } => {
            let mut opts = BuildOptions::new(&root);
            if let Some(out) = out {
                opts.out = out;
            }
            opts.jobs = jobs;
            opts.selection = yoyak::render::site::Selection { since, until, tags };
            opts.shard = shard;
            opts.assemble = assemble;
            let reporter =
                ProgressReporter::new(!quiet && std::io::stderr().is_terminal(), verbose);
            let result = build_with_progress(&opts, &|p| reporter.on(p));
            reporter.finish();
            match result {
                Ok(r) => {
                    let shown: Vec<_> =
                        r.diagnostics.iter().filter(|d| !quiet || d.is_error()).cloned().collect();
                    eprint!("{}", report::human(&shown, &root, Palette::new(colour)));
                    for f in &r.failed {
                        eprintln!("not built: {}: {}", f.file.display(), f.reason);
                    }
                    if r.notdef > 0 {
                        eprintln!(
                            "warning: {} glyphs missing from the embedded fonts (.notdef) in the PDFs",
                            r.notdef
                        );
                    }
                    if !quiet {
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
                    if timings {
                        let t = &r.timings;
                        eprintln!(
                            "timings (s, summed over threads): load {:.3} · markdown {:.3} · html {:.3} · typst layout {:.3} · pdf export {:.3} · write {:.3} · wall {:.3}",
                            t.load, t.markdown, t.html, t.layout, t.export, t.write, t.total
                        );
                    }
                    if r.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS }
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check { root, format } => match yoyak::content::load_project(&root) {
            Ok(p) => {
                let diags: Vec<_> = p.all_diagnostics().cloned().collect();
                match format {
                    Format::Human => {
                        eprint!("{}", report::human(&diags, &root, Palette::new(colour)));
                        eprintln!("{}", report::summary(&diags, p.files.len()));
                    }
                    Format::Json => {
                        println!("{}", serde_json::to_string_pretty(&diags).unwrap_or_default())
                    }
                    Format::Github => print!("{}", report::github(&diags)),
                }
                if diags.iter().any(|d| d.is_error()) {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// `YYYY-MM-DD`, a real date.
fn parse_day(s: &str) -> Result<String, String> {
    yoyak::content::parse_date(s)
        .map(|_| s.to_string())
        .ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD"))
}

/// `I/N` with 1 ≤ I ≤ N.
fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let err = || format!("`{s}` is not a shard; write I/N such as 1/3");
    let (i, n) = s.split_once('/').ok_or_else(err)?;
    let (i, n): (usize, usize) =
        (i.trim().parse().map_err(|_| err())?, n.trim().parse().map_err(|_| err())?);
    if i >= 1 && i <= n { Ok((i, n)) } else { Err(err()) }
}

/// A progress bar on a terminal; plain lines otherwise (CI logs), one per briefing with
/// `--verbose`, else one per tenth of the work.
struct ProgressReporter {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
    state: std::sync::Mutex<(usize, usize)>,
}

impl ProgressReporter {
    fn new(tty: bool, verbose: bool) -> Self {
        let bar = (tty && !verbose).then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressReporter { bar, verbose, state: std::sync::Mutex::new((0, 0)) }
    }

    fn on(&self, p: Progress) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match p {
            Progress::Start { total } => {
                state.1 = total;
                if let Some(bar) = &self.bar
                    && total > 1
                {
                    bar.set_length(total as u64);
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                }
            }
            Progress::Done { id, ok } => {
                state.0 += 1;
                let (done, total) = *state;
                if let Some(bar) = &self.bar {
                    bar.set_message(id);
                    bar.inc(1);
                } else if self.verbose {
                    eprintln!("[{done}/{total}] {} {id}", if ok { "built" } else { "failed" });
                } else if total >= 20 && done % (total / 10) == 0 {
                    eprintln!("[{done}/{total}] briefings built");
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
