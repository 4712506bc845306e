//! The block tree written back as CommonMark + GFM tables, for the `.md` edition.
//!
//! Written so that any CommonMark renderer (GitHub, markdown-it, pulldown-cmark) reads back the
//! same tree: text is escaped, links are inline with an escaped target, code uses fences longer
//! than any backtick run inside it, consecutive lists alternate their markers (so they stay
//! separate lists), and thematic breaks are `***` (never read as a setext underline).

use super::escape_inline;
use super::tree::{Align, Block, Inline};

/// Where inline content is written: its own lines, a single line (heading) or a table cell.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Flow,
    Line,
    Cell,
}

/// The tree as Markdown, blocks separated by blank lines.
pub fn markdown(blocks: &[Block]) -> String {
    write_blocks(blocks, false)
}

/// Blocks one after another; in a tight list item they are joined without blank lines where
/// the next block can interrupt a paragraph.
fn write_blocks(blocks: &[Block], tight: bool) -> String {
    let mut out = String::new();
    // The marker style of the previous block if it was a list (alternated to keep lists apart).
    let mut prev_alt: Option<bool> = None;
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(if tight && interrupts_paragraph(b) { "\n" } else { "\n\n" });
        }
        let alt = prev_alt.is_some_and(|a| !a);
        out.push_str(&write_block(b, alt));
        prev_alt = matches!(b, Block::List { .. }).then_some(alt);
    }
    out
}

/// Whether `b` may directly follow a paragraph line without a blank line between.
fn interrupts_paragraph(b: &Block) -> bool {
    match b {
        Block::List { ordered, start, items, .. } => {
            (!ordered || *start == 1) && items.first().is_some_and(|i| !i.is_empty())
        }
        Block::H { .. } | Block::Quote { .. } | Block::Code { .. } | Block::Rule => true,
        Block::P { .. } | Block::Table { .. } => false,
    }
}

/// One block; `alt` picks the second marker style for lists (`*`, `1)`).
fn write_block(b: &Block, alt: bool) -> String {
    match b {
        Block::P { c } => inlines(c, Ctx::Flow),
        Block::H { level, c } => {
            let text = inlines(c, Ctx::Line);
            let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
            if text.is_empty() { hashes } else { format!("{hashes} {text}") }
        }
        Block::List { ordered, start, tight, items } => {
            write_list(*ordered, *start, *tight, items, alt)
        }
        Block::Quote { c } => prefix_lines(&write_blocks(c, false), "> ", ">"),
        Block::Code { s } => {
            let fence = "`".repeat(longest_run(s, '`').max(2) + 1);
            format!("{fence}\n{s}\n{fence}")
        }
        Block::Table { align, head, rows } => write_table(align, head, rows),
        Block::Rule => "***".into(),
    }
}

/// A list, each item's blocks indented under its marker.
fn write_list(ordered: bool, start: u64, tight: bool, items: &[Vec<Block>], alt: bool) -> String {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let marker = match (ordered, alt) {
            (true, false) => format!("{}.", start.saturating_add(i as u64)),
            (true, true) => format!("{})", start.saturating_add(i as u64)),
            (false, false) => "-".into(),
            (false, true) => "*".into(),
        };
        let body = write_blocks(item, tight);
        let indent = " ".repeat(marker.len() + 1);
        let mut text = marker;
        for (n, line) in body.lines().enumerate() {
            match n {
                0 if !line.is_empty() => text.push(' '),
                0 => {}
                _ => text.push('\n'),
            }
            if n > 0 && !line.is_empty() {
                text.push_str(&indent);
            }
            text.push_str(line);
        }
        out.push(text);
    }
    out.join(if tight { "\n" } else { "\n\n" })
}

/// Every line of `s` behind `prefix` (`empty` for blank lines).
fn prefix_lines(s: &str, prefix: &str, empty: &str) -> String {
    let lines: Vec<String> = s
        .lines()
        .map(|l| if l.is_empty() { empty.to_string() } else { format!("{prefix}{l}") })
        .collect();
    lines.join("\n")
}

/// A GFM table with its alignment row.
fn write_table(align: &[Align], head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> String {
    let row = |cells: &[Vec<Inline>]| {
        let cells: Vec<String> = cells.iter().map(|c| inlines(c, Ctx::Cell)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let rule: Vec<&str> = align
        .iter()
        .map(|a| match a {
            Align::None => "---",
            Align::Left => ":--",
            Align::Center => ":-:",
            Align::Right => "--:",
        })
        .collect();
    let mut lines = vec![row(head), format!("| {} |", rule.join(" | "))];
    lines.extend(rows.iter().map(|r| row(r)));
    lines.join("\n")
}

/// Inline content as Markdown.
fn inlines(xs: &[Inline], ctx: Ctx) -> String {
    let mut out = String::new();
    for x in xs {
        match x {
            Inline::Text { s } => {
                // Leading spaces at a line's start could make an indented code block.
                let line_start = out.is_empty() || out.ends_with('\n');
                let s = if line_start { s.trim_start() } else { s };
                out.push_str(&escape_inline(s));
            }
            Inline::Strong { c } => emphasis(&mut out, &inlines(c, ctx), "**", "strong"),
            Inline::Emph { c } => emphasis(&mut out, &inlines(c, ctx), "*", "em"),
            Inline::Code { s } => out.push_str(&code_span(s, ctx)),
            Inline::Figure { s, .. } => out.push_str(&escape_inline(s)),
            Inline::Link { url, c } => {
                out.push_str(&format!("[{}]({})", inlines(c, ctx), escape_url(url)))
            }
            Inline::Br if ctx == Ctx::Flow => out.push_str("\\\n"),
            Inline::Br => out.push(' '),
        }
    }
    out
}

/// Emphasis as `**x**`/`*x*` where CommonMark is sure to read it (the inner text starts and
/// ends with a letter or digit, and no delimiter run touches it), else as an HTML tag: next to
/// Hangul and punctuation (`**마크다운(Markdown)**을`) delimiters would stay literal.
fn emphasis(out: &mut String, inner: &str, delim: &str, tag: &str) {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(inner.chars().next()) && alnum(inner.chars().next_back()) && !out.ends_with('*') {
        out.push_str(&format!("{delim}{inner}{delim}"));
    } else {
        out.push_str(&format!("<{tag}>{inner}</{tag}>"));
    }
}

/// A code span fenced by more backticks than any run inside it; in a table cell `|` is
/// escaped (GFM splits cells before reading code spans).
fn code_span(s: &str, ctx: Ctx) -> String {
    if s.is_empty() {
        return String::new();
    }
    let s = if ctx == Ctx::Cell { s.replace('|', "\\|") } else { s.to_string() };
    let fence = "`".repeat(longest_run(&s, '`') + 1);
    // One space each side is stripped by the reader; add it when the code needs it.
    let pad = s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
    if pad { format!("{fence} {s} {fence}") } else { format!("{fence}{s}{fence}") }
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// A link target written inside `(...)`: punctuation that could end or split it is escaped.
fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '\\' | '(' | ')' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{to_blocks, to_safe_markdown};

    /// Markdown that must read back as the same tree once written.
    const SAMPLES: &[&str] = &[
        "plain *em* **strong** `code` [link](https://example.org/a_(b)) text",
        "| a | b | c |\n|:--|--:|:-:|\n| `x\\|y` | **z** | [l](https://example.org/p\\|q) |\n| short |",
        "3. three\n4. four\n   - inner\n     - deeper\n\npara",
        "- a\n- b\n\n* c\n* d",
        "1. a\n\n   b\n2. c",
        "> quote\n>\n> - item\n\n> second",
        "```\ncode ``` with fence\n```",
        "line\\\nbreak and *em\\\nbroken*",
        "# H1\n\n###### H6 #",
        "a\n\n---\n\nb\n\n***",
        "text with \\* and \\_ and <b> & ~ 10~249명 | pipe # end #",
        "1\\. not a list\n\n\\- not a bullet\n\n\\# not a heading\n\n\\> not a quote",
        "- tight\n  ```\n  code\n  ```\n- next\n  > quoted",
        "`` a`b `` and ` `` ` and `  spaced  `",
        "<div>\nraw *html*\n</div>",
        "[**bold link**](mailto:a@example.org) <https://example.org/auto>",
        "강조 **굵게**다 그리고 *기울임*도",
        "- \n- empty item above",
        "1) paren\n2) list",
    ];

    #[test]
    fn written_markdown_reads_back_as_the_same_tree() {
        for md in SAMPLES {
            let written = to_safe_markdown(md);
            assert_eq!(to_blocks(&written), to_blocks(md), "{md:?} was written as {written:?}");
        }
    }

    #[test]
    fn emphasis_next_to_hangul_is_written_as_html() {
        assert_eq!(
            to_safe_markdown("**마크다운(Markdown)**을 쓴다"),
            "<strong>마크다운(Markdown)</strong>을 쓴다"
        );
        assert_eq!(to_safe_markdown("**bold** and *em*"), "**bold** and *em*");
    }

    #[test]
    fn unsafe_link_forms_leave_only_their_text() {
        let md = "[a](javascript:x) <javascript:y> [b][r] [c] ![d](javascript:z) [e](../f)\n\n\
                  [r]: javascript:r\n[c]: ../c\n[unused]: javascript:u";
        assert_eq!(to_safe_markdown(md), "a javascript:y b c d e");
    }
}
