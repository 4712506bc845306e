//! `yoyak import`: from a raw Korean article (as pasted by an editor) to a briefing draft.
//!
//! The article is split into its parts (`structure`): the dateline, the title line,
//! paragraphs, sub-headings and bullet lists, with bylines, e-mail addresses, wire credits,
//! `(끝)` and transmission lines dropped. Every figure is read by the number engine and
//! becomes a draft fact (`figures`), dated by the time expression of its own sentence. The
//! draft is written as YAML by hand (`emit`) so it reads like a file an editor wrote: block
//! scalars for Markdown, `TODO` markers wherever a person has to write or check something.
//!
//! Decisions:
//! - The date: `--date YYYY-MM-DD` when given (it wins over the article's); else the
//!   dateline (` date …`, `입력 …`, `보도시점 …`, a line that is only a date, `… 송고`); else a bare
//!   day in the lead's first sentence (`[서울=뉴스] 15일`) in the latest month the article names
//!   with its year. No date at all: today's date with a `# TODO` comment (never a made-up
//!   epoch), and the file is named `undated-<slug>.yaml`.
//! - No publisher found: `{ko: "TODO: 발행 기관", en: "TODO: publisher"}`.
//! - No title line: the lead's first sentence is proposed as the title (with a comment).
//! - Paragraphs before the first sub-heading are the lead; an article without sub-headings is
//!   all lead.
//! - Sections, restated figures, labels and the corpus that measures them: `docs/import.md`.
//! - `28개 중 25개`: the content format has no ratio value, so the fact is a count of the
//!   part (25) whose label names the whole (`… 28개 중`) and whose note is the sentence.
//! - Every translation is the literal marker `TODO: translate`.
//!
//! The pipeline, one file a step: `run` reads the article and writes the draft; `draft`
//! puts the steps together: `structure` (article text → blocks) with `headings` (marked and
//! bare sub-headings) and `dateline` (the article's date), `figures` with `label` and
//! `dating` (figures → draft facts, one per meaning), `publisher` (who issued the report), `body` (blocks →
//! Markdown), `fit` (the draft within the project's limits) and `yaml` with `emit` (the draft →
//! a content file).

mod body;
mod dateline;
mod dating;
mod draft;
mod emit;
mod figures;
mod fit;
mod formats;
mod headings;
mod label;
mod lines;
mod publisher;
mod run;
mod sentences;
mod structure;
mod table;
mod value;
mod yaml;

pub use body::escape_markdown;
pub use draft::{Draft, DraftSection, draft, draft_text, draft_text_dated};
pub use figures::{DraftFact, MAX_NOTE};
pub use fit::fit;
pub use formats::{Format, detect};
pub use run::{ARTICLE_LIMIT, ImportOptions, Imported, decode, draft_file, run};

use std::path::PathBuf;

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The article has no text.
    #[error("{0}: the article is empty; paste the article text into the file")]
    Empty(String),
    /// The article is not UTF-8.
    #[error("{name}: not valid UTF-8 (byte {offset}); save the article as UTF-8")]
    NotUtf8 {
        /// The article file (or `standard input`).
        name: String,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// The article could not be read.
    #[error("cannot read {name}: {source}")]
    Read {
        /// The article file (or `standard input`).
        name: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a readable file of its format (a broken or hostile HWPX, a PDF
    /// without a text layer).
    #[error("{name}: not a readable {} file: {reason}", format.name())]
    Format {
        /// The article file.
        name: String,
        /// The format its extension or content says it is.
        format: Format,
        /// Why it cannot be read.
        reason: String,
    },
    /// An HTML page, HWPX or PDF with no article text where import reads.
    #[error(
        "{name}: no article text found in this {} file (import does not read text in page \
         headers and footers, pictures, shapes without text boxes, form controls or equations; \
         a scanned PDF has no text layer): copy the text into a .txt file and import that",
        format.name()
    )]
    NoText {
        /// The article file.
        name: String,
        /// Its format.
        format: Format,
    },
    /// `--date` is not a calendar date `YYYY-MM-DD`.
    #[error("--date {0}: not a date; write it as YYYY-MM-DD (2026-02-15)")]
    Date(String),
    /// The draft's file exists and `--force` was not given.
    #[error("{0} already exists; pass --force to overwrite it, or -o PATH to write elsewhere")]
    Exists(PathBuf),
    /// The draft could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}
