//! The `yoyak` command line: parse arguments, run a stage, print, exit with a code that says
//! what happened (0 clean, 1 content errors, 2 usage or I/O failure).

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use yoyak::build::{BuildOptions, build};
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
        #[arg(long, short)]
        quiet: bool,
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
        Command::Build { root, out, jobs, quiet, timings, since, until, tags, shard, assemble } => {
            let mut opts = BuildOptions::new(&root);
            if let Some(out) = out {
                opts.out = out;
            }
            opts.jobs = jobs;
            opts.selection = yoyak::render::site::Selection { since, until, tags };
            opts.shard = shard;
            opts.assemble = assemble;
            match build(&opts) {
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
