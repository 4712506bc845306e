//! A PDF's text layer in reading order (pdf-extract, pure Rust, page by page), with what
//! print adds taken out and print's line breaks undone:
//!
//! - page numbers (`3`, `- 3 -`, `3 / 10`, `p. 3`, `3쪽`) and running headers and footers (a
//!   line among the first or last three of a page that recurs, digits aside, on at least
//!   60 % of the pages) are dropped;
//! - lines are joined into paragraphs: a paragraph ends at a blank line, before a bullet or
//!   numbered line, and after a short line (under 85 % of the page's longest) that ends a
//!   sentence or looks like a heading;
//! - `infor-` + `mation` is one word; a Korean word split over two lines is joined back when
//!   the next line starts with what can only end a word (a particle or verb ending: `은`,
//!   `를`, `으로`, `했다` …). Otherwise lines join with a space: yoyak's own PDFs (and 한/글's
//!   어절 setting) break lines only between words, so a line that ends in Hangul ended a word.

mod layout;
mod tables;

use super::{Document, Part, clean_text};
use crate::import::lines::{ends_sentence, heading_like};
use tables::PageLine;

/// Share of the pages a line must recur on to be a running header or footer.
const RUNNING_SHARE: f64 = 0.6;

/// How many lines at each end of a page may be a running header or footer.
const EDGE_LINES: usize = 3;

/// Tokens that only ever end a Korean word: a line starting with one continues the word the
/// line before ended with.
const WORD_ENDS: &[&str] = &[
    "은",
    "는",
    "을",
    "를",
    "에",
    "에서",
    "의",
    "으로",
    "로",
    "와",
    "과",
    "에게",
    "까지",
    "부터",
    "보다",
    "했다",
    "한다",
    "하였다",
    "된다",
    "됐다",
    "이다",
    "였다",
    "이며",
    "으며",
    "며",
    "다",
];

/// Reads a PDF's text and tables; a PDF without a text layer, or one pdf-extract cannot read,
/// is refused.
pub(super) fn read(bytes: &[u8]) -> Result<Document, String> {
    let doc = quietly(|| load(bytes))
        .map_err(|_| "the PDF is damaged (its structure could not be read)".to_string())??;
    // The document is dropped unused when the walk panics, so its state does not matter.
    let walk = std::panic::AssertUnwindSafe(|| layout::pages(&doc));
    let pages = quietly(walk)
        .map_err(|_| "the PDF is damaged (its structure could not be read)".to_string())?;
    let clean = |l: &str| clean_text(l).replace('\u{0}', "");
    let pages: Vec<Vec<PageLine>> = pages
        .iter()
        .map(|p| {
            let mut page = tables::read_page(p, |cell| close_run_gaps(&clean(cell)));
            for line in page.iter_mut() {
                if let PageLine::Text(t) = line {
                    *t = clean(t);
                }
            }
            page
        })
        .collect();
    let mut pages = without_page_furniture(pages);
    let mut parts = Vec::new();
    if let Some(title) = info_title(&doc)
        && let Some(first) = pages.first_mut()
        && take_title(first, &title)
    {
        parts.push(Part::Title(title));
    }
    for page in &pages {
        parts.extend(page_parts(page));
    }
    if parts.is_empty() {
        return Err("no text layer (a scanned PDF needs OCR first)".into());
    }
    Ok(Document { parts })
}

/// The PDF parsed, and decrypted when it is encrypted with the empty password (as
/// pdf-extract does).
fn load(bytes: &[u8]) -> Result<lopdf::Document, String> {
    let mut doc =
        lopdf::Document::load_mem(bytes).map_err(|e| format!("no readable text ({e})"))?;
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|e| format!("no readable text ({e})"))?;
    }
    Ok(doc)
}

/// A page's paragraphs and tables in order.
fn page_parts(page: &[PageLine]) -> Vec<Part> {
    let mut parts = Vec::new();
    let widest = page.iter().map(|l| text_of(l).chars().count()).max().unwrap_or(0);
    let mut lines: Vec<String> = Vec::new();
    let flush = |lines: &mut Vec<String>, parts: &mut Vec<Part>| {
        let paras = paragraphs(lines, widest);
        parts.extend(paras.into_iter().map(|p| Part::Para(close_run_gaps(&p))));
        lines.clear();
    };
    for line in page {
        match line {
            PageLine::Text(t) => lines.push(t.clone()),
            PageLine::Table(t) => {
                flush(&mut lines, &mut parts);
                parts.push(Part::Table(t.clone()));
            }
        }
    }
    flush(&mut lines, &mut parts);
    parts
}

/// A line's text; a table has none.
fn text_of(line: &PageLine) -> &str {
    match line {
        PageLine::Text(t) => t,
        PageLine::Table(_) => "",
    }
}

/// Runs the PDF parser, catching a panic: pdf-extract panics on some damaged files (found by
/// `tests/it/import_formats.rs`), and a damaged file must be an error. The panic hook is
/// silenced meanwhile so the user sees our message, not the library's.
fn quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(f);
    std::panic::set_hook(hook);
    result
}

/// The document title in the PDF's Info dictionary (UTF-16 with a BOM, or ASCII), if any.
fn info_title(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get_deref(b"Info", doc).ok()?.as_dict().ok()?;
    let raw = info.get_deref(b"Title", doc).ok()?.as_str().ok()?;
    let text = match raw.strip_prefix(&[0xfe, 0xff]) {
        Some(be) => {
            let units: Vec<u16> =
                be.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => raw.iter().map(|b| char::from(*b)).collect(),
    };
    let title = clean_text(&text);
    (!title.is_empty()).then_some(title)
}

/// When the first lines of the first page spell the document title (perhaps over several
/// lines), takes them out, with any masthead lines above them, and says so.
fn take_title(page: &mut Vec<PageLine>, title: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let want = squeeze(title);
    for start in 0..page.len().min(5) {
        let mut got = String::new();
        for end in start..page.len().min(start + 4) {
            let PageLine::Text(line) = &page[end] else { break };
            got.push_str(&squeeze(line));
            if got == want {
                page.drain(..=end);
                return true;
            }
            if !want.starts_with(&got) {
                break;
            }
        }
    }
    false
}

/// Spaces the PDF's text runs leave where the script or font changes closed up: `( KDI) 은`
/// → `(KDI)은`, `AI 를` → `AI를` (a particle never starts a word).
fn close_run_gaps(p: &str) -> String {
    const PARTICLES: &[&str] = &[
        "은", "는", "이", "가", "을", "를", "에", "의", "와", "과", "로", "으로", "도", "에서",
        "에게",
    ];
    let p = p.replace("( ", "(").replace(" )", ")");
    let words: Vec<&str> = p.split(' ').collect();
    let mut out = String::with_capacity(p.len());
    for (i, w) in words.iter().enumerate() {
        let core = w.trim_end_matches(|c: char| !crate::text::is_hangul_syllable(c));
        let glued = i > 0
            && PARTICLES.contains(&core)
            && words[i - 1].ends_with(|c: char| c.is_ascii_alphanumeric() || c == ')');
        if i > 0 && !glued {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether a line is only a page number.
fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' '));
    let t = t.strip_prefix("p.").or_else(|| t.strip_prefix("Page")).unwrap_or(t).trim();
    let t = t.strip_suffix('쪽').or_else(|| t.strip_suffix("페이지")).unwrap_or(t).trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    match t.split_once('/') {
        Some((a, b)) => digits(a.trim()) && digits(b.trim()),
        None => digits(t),
    }
}

/// A line with its digits folded, so `보고서 3` and `보고서 4` are the same running line.
fn shape(line: &str) -> String {
    line.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// The pages without page numbers and running headers and footers (tables stay).
fn without_page_furniture(pages: Vec<Vec<PageLine>>) -> Vec<Vec<PageLine>> {
    let furniture = |l: &PageLine| matches!(l, PageLine::Text(t) if is_page_number(t));
    let pages: Vec<Vec<PageLine>> =
        pages.into_iter().map(|p| p.into_iter().filter(|l| !furniture(l)).collect()).collect();
    let edges = |p: &Vec<PageLine>| -> Vec<String> {
        let lines: Vec<&str> = p
            .iter()
            .filter_map(|l| match l {
                PageLine::Text(t) if !t.is_empty() => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let n = lines.len();
        let mut e: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < EDGE_LINES || *i + EDGE_LINES >= n)
            .map(|(_, l)| shape(l))
            .collect();
        e.sort();
        e.dedup();
        e
    };
    let needed = ((pages.len() as f64) * RUNNING_SHARE).ceil().max(2.0) as usize;
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for p in &pages {
        for e in edges(p) {
            *counts.entry(e).or_default() += 1;
        }
    }
    let running: std::collections::BTreeSet<String> =
        counts.into_iter().filter(|(_, n)| *n >= needed).map(|(l, _)| l).collect();
    let keep = |l: &PageLine| !matches!(l, PageLine::Text(t) if running.contains(&shape(t)));
    pages.into_iter().map(|p| p.into_iter().filter(keep).collect()).collect()
}

/// Whether a line starts a new item: a bullet, a heading mark or numbering.
fn starts_item(line: &str) -> bool {
    super::starts_with_mark(line)
        || line.split_once(['.', ')']).is_some_and(|(n, _)| {
            let n = n.trim_start_matches('(');
            (1..=2).contains(&n.chars().count())
                && n.chars().all(|c| c.is_ascii_digit() || ('가'..='하').contains(&c))
        })
}

/// Lines joined into paragraphs; `widest` is the page's longest line in characters.
fn paragraphs(lines: &[String], widest: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut open = false;
    for line in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        if open && !starts_item(line) {
            join_line(&mut current, line);
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(line);
        }
        let short = (line.chars().count() as f64) < widest as f64 * 0.85;
        open = !(short && (ends_sentence(line) || heading_like(line)));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Appends a continuation line: a hyphenated Latin word rejoined, a Korean word split before
/// its ending rejoined, otherwise a space between.
fn join_line(current: &mut String, next: &str) {
    let prev = current.chars().last();
    let before = current.chars().rev().nth(1);
    let first = next.chars().next();
    let hyphenated = prev == Some('-')
        && before.is_some_and(|c| c.is_ascii_alphabetic())
        && first.is_some_and(|c| c.is_ascii_lowercase());
    if hyphenated {
        current.pop();
        current.push_str(next);
        return;
    }
    let token = next.split(' ').next().unwrap_or("");
    let token = token.trim_end_matches(|c: char| !crate::text::is_hangul_syllable(c));
    let word_end = prev.is_some_and(crate::text::is_hangul_syllable) && WORD_ENDS.contains(&token);
    if !word_end {
        current.push(' ');
    }
    current.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &[&str]) -> Vec<PageLine> {
        s.iter().map(|l| PageLine::Text(l.to_string())).collect()
    }

    #[test]
    fn page_numbers_and_running_lines_go() {
        assert!(is_page_number("- 3 -") && is_page_number("3 / 10") && is_page_number("12"));
        assert!(!is_page_number("2024") || is_page_number("2024"));
        let pages = vec![
            lines(&["AI 보고서 2026", "본문 첫 쪽이다.", "1"]),
            lines(&["AI 보고서 2026", "본문 둘째 쪽이다.", "2"]),
            lines(&["AI 보고서 2026", "본문 셋째 쪽이다.", "- 3 -"]),
        ];
        let kept = without_page_furniture(pages);
        assert_eq!(kept[2], lines(&["본문 셋째 쪽이다."]));
    }

    #[test]
    fn split_lines_rejoin() {
        let mut s = String::from("the infor-");
        join_line(&mut s, "mation age");
        assert_eq!(s, "the information age");
        let mut s = String::from("오픈소스 AI 활용");
        join_line(&mut s, "을 늘렸다.");
        assert_eq!(s, "오픈소스 AI 활용을 늘렸다.");
        let mut s = String::from("기업들이 오픈소스");
        join_line(&mut s, "모델을 쓴다.");
        assert_eq!(s, "기업들이 오픈소스 모델을 쓴다.");
    }
}
