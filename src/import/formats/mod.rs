//! The files reports arrive in: plain text, a saved news page (`html`), a 한/글 document
//! (`hwpx`) or a PDF (`pdf`). Each reader turns its file into a [`Document`] (headings,
//! paragraphs, lists, tables in reading order); [`Document::article_text`] writes that as the
//! article text the text importer reads, with each table left as a marker line that
//! [`restore`] puts back as a table block after the text is parsed. So every format gets the
//! same dateline, byline, sub-heading and figure rules as pasted text.

mod html;
mod hwpx;
mod pdf;

use super::structure::{Article, Block};
use super::table::Table;
use super::{ImportError, decode};
use std::path::Path;

/// The format of an article file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 text (`.txt`, `.md`, standard input).
    Text,
    /// A saved web page.
    Html,
    /// A 한/글 OWPML package.
    Hwpx,
    /// A PDF.
    Pdf,
}

impl Format {
    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Hwpx => "HWPX",
            Format::Pdf => "PDF",
        }
    }
}

/// The format of `bytes` read from `path`: the content's magic first (a ZIP whose first
/// entry is `mimetype` = `application/hwp+zip`, `%PDF-`), then the extension, then an HTML
/// start (`<!doctype html`, `<html`); anything else is text.
pub fn detect(path: &Path, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") && hwpx::has_hwpx_mimetype(bytes) {
        return Format::Hwpx;
    }
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => return Format::Html,
        "hwpx" => return Format::Hwpx,
        "pdf" => return Format::Pdf,
        "txt" | "md" | "text" => return Format::Text,
        _ => {}
    }
    if looks_like_html(bytes) { Format::Html } else { Format::Text }
}

/// Whether the bytes start (after a BOM and white space) with `<!doctype html` or `<html`.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0)..];
    let head: Vec<u8> = start.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// A list item of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// Nesting, 0 the outermost.
    pub level: usize,
    /// Its text on one line.
    pub text: String,
}

/// A part of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// The document's title (`<h1>`, a 제목 style).
    Title(String),
    /// A heading the file marks as one (`<h2>`, an 개요 style).
    Heading(String),
    /// A paragraph on one line.
    Para(String),
    /// A list.
    List(Vec<Item>),
    /// A table.
    Table(Table),
}

/// What a reader found in a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Document {
    /// The parts in reading order.
    pub parts: Vec<Part>,
}

/// A document as article text and the tables its marker lines stand for.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extracted {
    /// Article text as the text importer reads it.
    pub text: String,
    /// The tables, in order: line `TABLE_MARK` + `i` stands for `tables[i]`.
    pub tables: Vec<Table>,
}

/// Starts a line that stands for a table (a private-use character, stripped from all text
/// the readers take from a file, so no file can forge one).
const TABLE_MARK: char = '\u{E000}';
/// Starts a line the file marks as a heading.
const HEADING_MARK: char = '\u{E001}';

/// List bullets per level (none of them marks a sub-heading).
const LIST_BULLETS: [char; 4] = ['•', '◦', '∙', '·'];

/// Reads an article file of the given format into article text and tables.
pub(crate) fn extract(bytes: &[u8], format: Format, name: &str) -> Result<Extracted, ImportError> {
    let refuse = |reason: String| ImportError::Format { name: name.to_string(), format, reason };
    let document = match format {
        Format::Text => return Ok(Extracted { text: decode(bytes, name)?, tables: Vec::new() }),
        Format::Html => html::read(&decode(bytes, name)?),
        Format::Hwpx => hwpx::read(bytes).map_err(refuse)?,
        Format::Pdf => pdf::read(bytes).map_err(refuse)?,
    };
    let extracted = document.article_text();
    if extracted.text.trim().is_empty() {
        return Err(ImportError::NoText { name: name.to_string(), format });
    }
    Ok(extracted)
}

/// Text from a file with private-use characters (our markers; 한/글's bullet glyphs) and
/// control characters taken out and white space folded to single spaces.
pub(crate) fn clean_text(s: &str) -> String {
    let kept: String = s
        .chars()
        .map(|c| if c.is_whitespace() || c.is_control() { ' ' } else { c })
        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2021년 1월 14일 · 출처: 한국개발연구원(KDI)` (a date line as yoyak and many sites print
/// it): the date alone, which the text importer reads as the dateline; any other paragraph
/// as it is.
fn dated_line(p: &str) -> &str {
    match p.split_once(" · ") {
        Some((date, _)) if super::dateline::standalone_date(date.trim()).is_some() => date.trim(),
        _ => p,
    }
}

/// A list item's text without the bullet it was written with (`○ 세부 항목`, as 한/글 files
/// often carry it in the text): the list gives it its own.
fn without_bullet(item: &str) -> &str {
    match item.chars().next() {
        Some(c) if super::lines::is_bullet_line(item) => item[c.len_utf8()..].trim_start(),
        _ => item,
    }
}

/// Whether a paragraph starts with a symbol the text importer reads as a bullet or a heading
/// mark: such paragraphs are written on consecutive lines so `□ … ○ …` stays one list.
pub(crate) fn starts_with_mark(p: &str) -> bool {
    super::lines::is_bullet_line(p) || super::headings::marked(p).is_some()
}

impl Document {
    /// The document as article text: one paragraph a line with blank lines between (marked
    /// lines `□ …` next to each other), list items under bullets per level, headings after a
    /// marker, tables as marker lines.
    pub(crate) fn article_text(&self) -> Extracted {
        let mut out = Extracted::default();
        let mut previous_marked = false;
        for part in &self.parts {
            let marked = matches!(part, Part::Para(p) if starts_with_mark(p));
            if !(marked && previous_marked) {
                out.text.push('\n');
            }
            previous_marked = marked;
            match part {
                Part::Title(t) => out.text.push_str(t),
                Part::Heading(h) => {
                    out.text.push(HEADING_MARK);
                    out.text.push_str(h);
                }
                Part::Para(p) => out.text.push_str(dated_line(p)),
                Part::List(items) => {
                    let lines: Vec<String> = items
                        .iter()
                        .map(|i| {
                            let level = i.level.min(LIST_BULLETS.len() - 1);
                            let text = without_bullet(&i.text);
                            format!("{}{} {text}", "  ".repeat(level), LIST_BULLETS[level])
                        })
                        .collect();
                    out.text.push_str(&lines.join("\n"));
                }
                Part::Table(t) => {
                    out.text.push(TABLE_MARK);
                    out.text.push_str(&out.tables.len().to_string());
                    out.tables.push(t.clone());
                }
            }
            out.text.push('\n');
        }
        out
    }
}

/// Puts the tables back where their marker lines are, turns marked lines into headings (a
/// heading with nothing under it stays a paragraph) and takes the marker off the title.
pub(crate) fn restore(article: &mut Article, tables: &[Table]) {
    if let Some(t) = &mut article.title {
        *t = t.trim_start_matches(HEADING_MARK).to_string();
    }
    let blocks = std::mem::take(&mut article.blocks);
    let mut restored: Vec<Block> = blocks.into_iter().map(|b| restore_block(b, tables)).collect();
    for i in 0..restored.len() {
        let body_follows =
            matches!(restored.get(i + 1), Some(Block::Para(_) | Block::List(_) | Block::Table(_)));
        if let Block::Heading(h) = &restored[i]
            && !body_follows
        {
            restored[i] = Block::Para(h.clone());
        }
    }
    article.blocks = restored;
}

/// One block with its marker read: a table marker becomes its table, a marked line a heading.
fn restore_block(block: Block, tables: &[Table]) -> Block {
    match block {
        Block::Para(p) | Block::Heading(p) if p.starts_with(HEADING_MARK) => {
            Block::Heading(p.trim_start_matches(HEADING_MARK).trim().to_string())
        }
        Block::Para(p) if p.starts_with(TABLE_MARK) => {
            let index = p[TABLE_MARK.len_utf8()..].parse::<usize>().ok();
            match index.and_then(|i| tables.get(i)) {
                Some(t) => Block::Table(t.clone()),
                None => Block::Para(p.trim_start_matches(TABLE_MARK).to_string()),
            }
        }
        b => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        let p = Path::new("a");
        assert_eq!(detect(p, b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(detect(p, b"\xef\xbb\xbf  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(detect(p, b"<HTML>"), Format::Html);
        assert_eq!(detect(p, "기사 본문".as_bytes()), Format::Text);
        assert_eq!(detect(Path::new("a.htm"), b"x"), Format::Html);
        assert_eq!(detect(Path::new("a.HWPX"), b"x"), Format::Hwpx);
        assert_eq!(detect(Path::new("a.txt"), b"<html>"), Format::Text);
    }

    #[test]
    fn markers_cannot_be_forged() {
        assert_eq!(clean_text("a\u{E000}0 \n b\u{E001}"), "a0 b");
    }
}
