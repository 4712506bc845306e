//! The `yoyak` command line: parse arguments, run a stage, print, exit with a code that says
//! what happened (0 clean, 1 content errors, 2 usage or I/O failure).

use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use yoyak::build::{BuildOptions, Progress, build_with_progress};
use yoyak::diagnostic::report::{self, Format, Palette, terminal_safe as safe};

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
    /// Check content without building: loader errors plus bilingual quality checks
    /// (docs/checks.md). Exit 0 clean, 1 on errors (or warnings with --deny warnings), 2 on
    /// usage or I/O failure.
    Check {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat these findings as errors for the exit code: `--deny warnings`.
        #[arg(long, value_enum)]
        deny: Vec<report::Deny>,
    },
    /// Print the JSON Schema (draft 2020-12) of content files, for editors' completion.
    Schema {
        /// Which file format.
        #[arg(value_enum, default_value_t = SchemaKind::Briefing)]
        kind: SchemaKind,
    },
    /// Write a commented skeleton briefing to content/<date>-<id>.yaml.
    New {
        /// The briefing's id: lower-case letters, digits and dashes.
        id: String,
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Date of the source (YYYY-MM-DD); default: today.
        #[arg(long, value_parser = parse_day)]
        date: Option<String>,
    },
    /// Start a project: content/ with a sample, yoyak.yaml, .gitignore, a publishing workflow.
    Init {
        /// Folder of the new project (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Build, serve build/ on 127.0.0.1 and rebuild and reload pages on every change.
    Serve {
        /// Project folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Print a shell completion script for bash, zsh, fish, elvish or PowerShell.
    ///
    /// For example: `yoyak completions bash > ~/.local/share/bash-completion/completions/yoyak`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    Man {
        /// Write yoyak.1 and yoyak-<command>.1 into this folder instead.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Draft a briefing from a raw Korean article: content/<date>-<slug>.yaml with every
    /// figure as a fact and TODO markers for translations. Exit 2 on unreadable input or an
    /// existing file (without --force).
    Import {
        /// The article: a UTF-8 text file, or `-` for standard input.
        article: PathBuf,
        /// Project folder (the draft goes to its content/; its yoyak.yaml sets the languages).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write the draft here instead; `-` prints it to standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Overwrite the draft's file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// The file formats `yoyak schema` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SchemaKind {
    /// A briefing in content/.
    Briefing,
    /// The project settings, yoyak.yaml.
    Config,
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
            let reporter = ProgressReporter::new(std::io::stderr().is_terminal(), verbose, quiet);
            let result = build_with_progress(&opts, &|p| reporter.on(p));
            reporter.finish();
            match result {
                Ok(r) => {
                    let shown: Vec<_> =
                        r.diagnostics.iter().filter(|d| !quiet || d.is_error()).cloned().collect();
                    eprint!("{}", report::human(&shown, &root, Palette::new(colour)));
                    for f in &r.failed {
                        eprintln!(
                            "not built: {}: {}",
                            safe(&f.file.display().to_string()),
                            safe(&f.reason)
                        );
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
                            "timings (s, summed over threads): load {:.3} ({} file(s) parsed) · check {:.3} · markdown {:.3} · html {:.3} · typst layout {:.3} · pdf export {:.3} · write {:.3} · index+feed {:.3} · setup {:.3} · wall {:.3}",
                            t.load,
                            r.parsed,
                            t.check,
                            t.markdown,
                            t.html,
                            t.layout,
                            t.export,
                            t.write,
                            t.site,
                            t.setup,
                            t.total
                        );
                    }
                    if r.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS }
                }
                Err(e) => {
                    eprintln!("error: {}", safe(&e.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::Check { root, format, deny } => match yoyak::content::load_project(&root) {
            Ok(p) => {
                let mut diags: Vec<_> = p.all_diagnostics().cloned().collect();
                diags.extend(yoyak::check::check_project(&p));
                let diags = report::sorted(diags);
                let files = p.files.len();
                // A closed pipe (`| head`) is not worth a panic.
                let _ = match format {
                    Format::Human => writeln!(
                        std::io::stderr(),
                        "{}{}",
                        report::human(&diags, &root, Palette::new(colour)),
                        report::summary(&diags, files)
                    ),
                    Format::Json => writeln!(std::io::stdout(), "{}", report::json(&diags, files)),
                    Format::Github => write!(std::io::stdout(), "{}", report::github(&diags)),
                };
                let deny_warnings = deny.contains(&report::Deny::Warnings);
                if diags.iter().any(|d| d.is_error() || deny_warnings) {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("error: {}", safe(&e.to_string()));
                ExitCode::from(2)
            }
        },
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Briefing => yoyak::content::schema::briefing_schema(),
                SchemaKind::Config => yoyak::content::schema::config_schema(),
            };
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Command::New { id, root, date } => {
            match yoyak::scaffold::new_briefing(&root, &id, date.as_deref()) {
                Ok(path) => {
                    let _ = writeln!(std::io::stdout(), "{}", path.display());
                    eprintln!(
                        "created {}: fill it in, then `yoyak serve` to preview",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {}", safe(&e.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::Init { dir } => match yoyak::scaffold::init(&dir) {
            Ok(r) => {
                for p in &r.created {
                    eprintln!("created {}", p.display());
                }
                for p in &r.kept {
                    eprintln!("kept    {} (exists already)", p.display());
                }
                eprintln!(
                    "next: cd {} && yoyak serve   (add a briefing: yoyak new <id>)",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}", safe(&e.to_string()));
                ExitCode::from(2)
            }
        },
        Command::Serve { root, port, open } => {
            match yoyak::serve::serve(&yoyak::serve::ServeOptions { root, port, open }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {}", safe(&e.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "yoyak", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man { out } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let result = match out {
                Some(dir) => {
                    std::fs::create_dir_all(&dir).and_then(|()| clap_mangen::generate_to(cmd, &dir))
                }
                None => clap_mangen::Man::new(cmd).render(&mut std::io::stdout()),
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {}", safe(&e.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::Import { article, root, output, force } => {
            let opts = yoyak::import::ImportOptions { article, root, output, force };
            match yoyak::import::run(&opts) {
                Ok(r) => {
                    for w in &r.warnings {
                        eprintln!("warning: {}", safe(w));
                    }
                    match &r.written {
                        None => {
                            let _ = write!(std::io::stdout(), "{}", r.yaml);
                        }
                        Some(path) => eprintln!(
                            "wrote {}: {} fact(s), {} section(s); translate the TODO fields, then `yoyak check`",
                            safe(&path.display().to_string()),
                            r.draft.facts.len(),
                            r.draft.sections.len()
                        ),
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {}", safe(&e.to_string()));
                    ExitCode::from(2)
                }
            }
        }
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
    quiet: bool,
    state: std::sync::Mutex<(usize, usize)>,
}

impl ProgressReporter {
    fn new(tty: bool, verbose: bool, quiet: bool) -> Self {
        let bar = (tty && !verbose && !quiet).then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressReporter { bar, verbose, quiet, state: std::sync::Mutex::new((0, 0)) }
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
                    bar.set_message(safe(&id).into_owned());
                    bar.inc(1);
                } else if self.verbose {
                    eprintln!(
                        "[{done}/{total}] {} {}",
                        if ok { "built" } else { "failed" },
                        safe(&id)
                    );
                } else if !self.quiet && total >= 20 && done % (total / 10) == 0 {
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
