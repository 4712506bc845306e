//! The command line's shape: every command, its arguments and their help text (which is also
//! the man page and the shell completions, so a word changed here changes all three).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The whole command line: one command and its arguments.
#[derive(Parser)]
#[command(
    name = "yoyak",
    version,
    about = "Bilingual Korean/English briefings from structured report content"
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands. Their doc comments are their help text (and man pages): keep them as they are.
#[derive(Subcommand)]
pub enum Command {
    /// Build every briefing in content/ into build/ (Markdown, HTML and PDF per language).
    Build(BuildArgs),
    /// Check content without building: loader errors plus bilingual quality checks
    /// (docs/checks.md). Exit 0 clean, 1 on errors (or warnings with --deny warnings), 2 on
    /// usage or I/O failure.
    Check(CheckArgs),
    /// Print the JSON Schema (draft 2020-12) of content files, for editors' completion.
    Schema(SchemaArgs),
    /// Write a commented skeleton briefing to content/<date>-<id>.yaml.
    New(NewArgs),
    /// Start a project: content/ with a sample, yoyak.yaml, .gitignore, a publishing workflow.
    Init(InitArgs),
    /// Build, serve build/ on 127.0.0.1 and rebuild and reload pages on every change.
    Serve(ServeArgs),
    /// Print a shell completion script for bash, zsh, fish, elvish or PowerShell.
    ///
    /// For example: `yoyak completions bash > ~/.local/share/bash-completion/completions/yoyak`.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a folder.
    Man(ManArgs),
    /// Draft a briefing from a raw Korean article: content/<date>-<slug>.yaml with every
    /// figure as a fact and TODO markers for translations. Exit 2 on unreadable input or an
    /// existing file (without --force).
    Import(ImportArgs),
}

/// Arguments of `yoyak build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Project folder (holds content/ and optionally yoyak.yaml and templates/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder (default: <root>/build).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print every briefing as it is built.
    #[arg(long, short)]
    pub verbose: bool,
    /// After the build, show where the time went.
    #[arg(long)]
    pub timings: bool,
    /// Default digest: only briefings dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub since: Option<String>,
    /// Default digest: only briefings dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub until: Option<String>,
    /// Default digest: only briefings with this tag (repeatable; any matches).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Build only shard I of N of the briefings (e.g. 2/3); no index, feed or digests.
    #[arg(long, value_parser = parse_shard, conflicts_with = "assemble")]
    pub shard: Option<(usize, usize)>,
    /// Build only the index, feed and digests (after the shards built the briefings).
    #[arg(long)]
    pub assemble: bool,
}

/// Arguments of `yoyak check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Project folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat these findings as errors for the exit code: `--deny warnings`.
    #[arg(long, value_enum)]
    pub deny: Vec<Deny>,
    /// Rewrite literal figures that state a fact (Y0904) as references `$(fact-id)` in every
    /// language, print the diff, then check.
    #[arg(long)]
    pub fix: bool,
}

/// Arguments of `yoyak schema`.
#[derive(Args)]
pub struct SchemaArgs {
    /// Which file format.
    #[arg(value_enum, default_value_t = SchemaKind::Briefing)]
    pub kind: SchemaKind,
}

/// Arguments of `yoyak new`.
#[derive(Args)]
pub struct NewArgs {
    /// The briefing's id: lower-case letters, digits and dashes.
    pub id: String,
    /// Project folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Date of the source (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<String>,
    /// The page layout: a briefing, or a 보도자료 with every `release:` field to fill in.
    #[arg(long, value_enum, default_value_t = LayoutArg::Briefing)]
    pub layout: LayoutArg,
}

/// The layouts `yoyak new` can start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// The bilingual briefing.
    Briefing,
    /// A 보도자료 (press release): label box, 보도시점/배포, title box, contact table.
    PressRelease,
}

impl From<LayoutArg> for yoyak::content::Layout {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::Briefing => yoyak::content::Layout::Briefing,
            LayoutArg::PressRelease => yoyak::content::Layout::PressRelease,
        }
    }
}

/// Arguments of `yoyak init`.
#[derive(Args)]
pub struct InitArgs {
    /// Folder of the new project (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Arguments of `yoyak serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Project folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Open the site in a browser.
    #[arg(long)]
    pub open: bool,
}

/// Arguments of `yoyak completions`.
#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `yoyak man`.
#[derive(Args)]
pub struct ManArgs {
    /// Write yoyak.1 and yoyak-<command>.1 into this folder instead.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `yoyak import`.
#[derive(Args)]
pub struct ImportArgs {
    /// The article: a UTF-8 text, a saved HTML page, an HWPX or a PDF (told by its content, then
    /// its extension), or `-` for text on standard input.
    pub article: PathBuf,
    /// Project folder (the draft goes to its content/; its yoyak.yaml sets the languages).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Write the draft here instead; `-` prints it to standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Overwrite the draft's file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The briefing's date, YYYY-MM-DD (default: the article's dateline, else today with a TODO).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// The file formats `yoyak schema` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A briefing in content/.
    Briefing,
    /// The project settings, yoyak.yaml.
    Config,
}

/// How `yoyak check` prints diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: grouped by file, with source excerpts.
    Human,
    /// One JSON document (see `docs/checks.md` for its shape).
    Json,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
}

/// Findings that `--deny` turns into a failing exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Any warning fails the run (exit 1), as errors do.
    Warnings,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn shards_are_i_of_n_counted_from_one() {
        assert_eq!(parse_shard("1/3"), Ok((1, 3)));
        assert_eq!(parse_shard(" 3 / 3 "), Ok((3, 3)));
        for bad in ["0/3", "4/3", "x", "1/", "/3", "1/3/5", "-1/3"] {
            assert_eq!(
                parse_shard(bad),
                Err(format!("`{bad}` is not a shard; write I/N such as 1/3")),
                "{bad}"
            );
        }
    }

    #[test]
    fn days_must_be_real_dates() {
        assert_eq!(parse_day("2026-02-28"), Ok("2026-02-28".to_string()));
        assert_eq!(
            parse_day("2026-02-30"),
            Err("`2026-02-30` is not a date; write YYYY-MM-DD".to_string())
        );
    }
}
