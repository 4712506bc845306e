//! Markdown in, three shapes out: sanitised HTML, a block tree for Typst, and safe Markdown.
//!
//! Content is data: raw HTML written in a body is shown as text in every format (never
//! interpreted), links keep only http(s) and mailto targets, and emphasis that CommonMark
//! leaves open next to Hangul (`**마크다운(Markdown)**을`) is closed the way the editor meant.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Parse, show raw HTML as text, and repair CJK emphasis: the one event stream every
/// output is made from.
fn events(md: &str) -> Vec<Event<'_>> {
    let evs: Vec<Event> = Parser::new_ext(md, options())
        .map(|ev| match ev {
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            other => other,
        })
        .collect();
    fix_cjk_emphasis(coalesce_text(evs))
}

/// Adjacent text events become one, so delimiters split across events can be found.
fn coalesce_text(evs: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(evs.len());
    for ev in evs {
        if let (Event::Text(new), Some(Event::Text(prev))) = (&ev, out.last_mut()) {
            *prev = CowStr::from(format!("{prev}{new}"));
            continue;
        }
        out.push(ev);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// Emphasis that CommonMark's flanking rules leave as literal `**` because a Hangul (or other
/// CJK) letter touches the delimiter: pair such delimiters inside one text run ourselves.
fn fix_cjk_emphasis(evs: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(evs.len());
    let mut in_code = false;
    for ev in evs {
        match &ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        match ev {
            Event::Text(t) if !in_code && t.contains('*') => split_emphasis(&t, &mut out),
            other => out.push(other),
        }
    }
    out
}

fn split_emphasis(text: &str, out: &mut Vec<Event<'_>>) {
    let mut rest = text;
    while let Some((before, inner, after, strong)) = find_cjk_pair(rest) {
        if !before.is_empty() {
            out.push(Event::Text(CowStr::from(before.to_string())));
        }
        let (start, end) =
            if strong { (Tag::Strong, TagEnd::Strong) } else { (Tag::Emphasis, TagEnd::Emphasis) };
        out.push(Event::Start(start));
        out.push(Event::Text(CowStr::from(inner.to_string())));
        out.push(Event::End(end));
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// The first `**inner**` (or `*inner*`) whose delimiters touch a CJK letter on the outside and
/// whose inner text does not start or end with a space: (before, inner, after, strong?).
fn find_cjk_pair(s: &str) -> Option<(&str, &str, &str, bool)> {
    let (open, close, len) = cjk_emphasis_pair(s)?;
    Some((&s[..open], &s[open + len..close], &s[close + len..], len == 2))
}

/// Byte offsets (open, close, delimiter length) of the first emphasis pair CommonMark leaves
/// literal next to Hangul and that yoyak repairs; `check` uses the same rule to know what
/// will still print literally.
pub fn cjk_emphasis_pair(s: &str) -> Option<(usize, usize, usize)> {
    for delim in ["**", "*"] {
        let mut from = 0;
        while let Some(open_rel) = s[from..].find(delim) {
            let open = from + open_rel;
            let inner_start = open + delim.len();
            let Some(close_rel) = s[inner_start..].find(delim) else { break };
            let close = inner_start + close_rel;
            let inner = &s[inner_start..close];
            let after = close + delim.len();
            let before_c = s[..open].chars().next_back();
            let after_c = s[after..].chars().next();
            let inner_ok = !inner.is_empty()
                && !inner.starts_with(char::is_whitespace)
                && !inner.ends_with(char::is_whitespace)
                && !inner.starts_with('*')
                && !inner.ends_with('*');
            let touches_cjk = before_c.is_some_and(is_cjk) || after_c.is_some_and(is_cjk);
            if inner_ok && touches_cjk {
                return Some((open, close, delim.len()));
            }
            from = close;
        }
    }
    None
}

/// A link target that may be kept: http(s) and mailto only.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// Markdown → HTML fragment, raw HTML shown as text, then sanitised as a second line of defence.
pub fn to_html(md: &str) -> String {
    let evs = events(md).into_iter().map(|ev| match ev {
        // Images would fetch remote content; the output must work offline.
        Event::Start(Tag::Image { dest_url, .. }) => {
            Event::Text(CowStr::from(format!("[{dest_url}]")))
        }
        Event::End(TagEnd::Image) => Event::Text(CowStr::from("")),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, evs);
    sanitise_html(&html)
}

/// ammonia with the schemes we allow; every link opens safely.
pub fn sanitise_html(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// An inline run, for Typst.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        s: String,
    },
    /// Bold.
    Strong {
        /// Children.
        c: Vec<Inline>,
    },
    /// Italic (rendered as weight for Hangul by the template).
    Emph {
        /// Children.
        c: Vec<Inline>,
    },
    /// Inline code.
    Code {
        /// The code.
        s: String,
    },
    /// A link with a safe target.
    Link {
        /// Target.
        url: String,
        /// Children.
        c: Vec<Inline>,
    },
    /// A hard line break.
    Br,
}

/// A block, for Typst.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Block {
    /// Paragraph.
    P {
        /// Inline content.
        c: Vec<Inline>,
    },
    /// Heading inside a body.
    H {
        /// 1–6.
        level: u8,
        /// Inline content.
        c: Vec<Inline>,
    },
    /// Bullet or numbered list.
    List {
        /// Numbered?
        ordered: bool,
        /// First number.
        start: u64,
        /// Items, each a list of blocks.
        items: Vec<Vec<Block>>,
    },
    /// Block quote.
    Quote {
        /// Children.
        c: Vec<Block>,
    },
    /// Code block.
    Code {
        /// The code.
        s: String,
    },
    /// Table.
    Table {
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// Thematic break.
    Rule,
}

/// Markdown → block tree. User text stays data: the Typst template walks this tree.
pub fn to_blocks(md: &str) -> Vec<Block> {
    let evs = events(md);
    let mut it = evs.into_iter().peekable();
    parse_blocks(&mut it, None)
}

type Events<'a> = std::iter::Peekable<std::vec::IntoIter<Event<'a>>>;

fn parse_blocks(it: &mut Events, until: Option<TagEnd>) -> Vec<Block> {
    let mut blocks = Vec::new();
    while let Some(ev) = it.next() {
        match ev {
            Event::End(end) if Some(end) == until => break,
            Event::Start(Tag::Paragraph) => {
                blocks.push(Block::P { c: parse_inlines(it, TagEnd::Paragraph) })
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let c = parse_inlines(it, TagEnd::Heading(level));
                blocks.push(Block::H { level: level as u8, c });
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                blocks.push(Block::Quote { c: parse_blocks(it, Some(TagEnd::BlockQuote(kind))) })
            }
            Event::Start(Tag::CodeBlock(_)) => {
                let mut s = String::new();
                for ev in it.by_ref() {
                    match ev {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => s.push_str(&t),
                        _ => {}
                    }
                }
                blocks.push(Block::Code { s: s.trim_end().to_string() });
            }
            Event::Start(Tag::List(start)) => {
                let ordered = start.is_some();
                let mut items = Vec::new();
                while let Some(ev) = it.next() {
                    match ev {
                        Event::Start(Tag::Item) => items.push(parse_item(it)),
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                blocks.push(Block::List { ordered, start: start.unwrap_or(1), items });
            }
            Event::Start(Tag::Table(_)) => blocks.push(parse_table(it)),
            Event::Rule => blocks.push(Block::Rule),
            // Loose text at block level (e.g. inside tight list items) becomes a paragraph.
            ev @ (Event::Text(_)
            | Event::Code(_)
            | Event::Start(_)
            | Event::SoftBreak
            | Event::HardBreak) => {
                let mut c = Vec::new();
                push_inline(ev, it, &mut c);
                while let Some(next) = it.peek() {
                    if matches!(next, Event::Start(Tag::List(_)) | Event::End(_)) {
                        if let Event::End(end) = next
                            && is_inline_end(end)
                        {
                            it.next();
                            continue;
                        }
                        break;
                    }
                    let ev = it.next().expect("peeked");
                    push_inline(ev, it, &mut c);
                }
                merge_paragraph(&mut blocks, c);
            }
            _ => {}
        }
    }
    blocks
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Strikethrough)
}

fn merge_paragraph(blocks: &mut Vec<Block>, c: Vec<Inline>) {
    if !c.is_empty() {
        blocks.push(Block::P { c });
    }
}

fn parse_item(it: &mut Events) -> Vec<Block> {
    parse_blocks(it, Some(TagEnd::Item))
}

fn parse_table(it: &mut Events) -> Block {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    let mut row: Vec<Vec<Inline>> = Vec::new();
    let mut in_head = false;
    while let Some(ev) = it.next() {
        match ev {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                head = std::mem::take(&mut row);
            }
            Event::Start(Tag::TableCell) => row.push(parse_inlines(it, TagEnd::TableCell)),
            Event::End(TagEnd::TableRow) if !in_head => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Table { head, rows }
}

fn parse_inlines(it: &mut Events, end: TagEnd) -> Vec<Inline> {
    let mut out = Vec::new();
    while let Some(ev) = it.next() {
        if matches!(&ev, Event::End(e) if *e == end) {
            break;
        }
        push_inline(ev, it, &mut out);
    }
    out
}

fn push_inline(ev: Event, it: &mut Events, out: &mut Vec<Inline>) {
    match ev {
        Event::Text(t) => push_text(out, &t),
        Event::Code(t) => out.push(Inline::Code { s: t.to_string() }),
        Event::SoftBreak => push_text(out, " "),
        Event::HardBreak => out.push(Inline::Br),
        Event::Start(Tag::Strong) => {
            out.push(Inline::Strong { c: parse_inlines(it, TagEnd::Strong) })
        }
        Event::Start(Tag::Emphasis) => {
            out.push(Inline::Emph { c: parse_inlines(it, TagEnd::Emphasis) })
        }
        Event::Start(Tag::Strikethrough) => out.extend(parse_inlines(it, TagEnd::Strikethrough)),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let c = parse_inlines(it, TagEnd::Link);
            if safe_url(&dest_url) {
                out.push(Inline::Link { url: dest_url.to_string(), c });
            } else {
                out.extend(c);
            }
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            let _ = parse_inlines(it, TagEnd::Image);
            push_text(out, &format!("[{dest_url}]"));
        }
        _ => {}
    }
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if let Some(Inline::Text { s: prev }) = out.last_mut() {
        prev.push_str(s);
    } else {
        out.push(Inline::Text { s: s.to_string() });
    }
}

/// A Markdown body made safe to publish as Markdown: raw HTML is escaped so every viewer
/// shows it as text, unsafe link targets are dropped (the text stays), and emphasis that
/// CommonMark would leave open next to Hangul is written as `<strong>`/`<em>` so any
/// renderer closes it.
pub fn to_safe_markdown(md: &str) -> String {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut text_run: Option<std::ops::Range<usize>> = None;
    let mut in_code = false;
    let flush = |run: &mut Option<std::ops::Range<usize>>, edits: &mut Vec<_>| {
        if let Some(r) = run.take() {
            let src: &str = &md[r.clone()];
            if src.contains('*') && find_cjk_pair(src).is_some() {
                edits.push((r, emphasis_as_html(src)));
            }
        }
    };
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match ev {
            Event::Text(_) if !in_code => {
                text_run = match text_run.take() {
                    Some(r) if r.end == range.start => Some(r.start..range.end),
                    other => {
                        let mut other = other;
                        flush(&mut other, &mut edits);
                        Some(range)
                    }
                };
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let raw = &md[range.clone()];
                edits.push((range, raw.replace('<', "&lt;").replace('>', "&gt;")));
            }
            Event::Start(Tag::Link { dest_url, .. }) if !safe_url(&dest_url) => {
                if let Some(pos) = md[range.clone()].rfind("](") {
                    let text = md[range.start + 1..range.start + pos].to_string();
                    edits.push((range, text));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        flush(&mut text_run, &mut edits);
    }
    flush(&mut text_run, &mut edits);
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(md.len() + 16);
    let mut last = 0;
    for (range, replacement) in edits {
        if range.start < last {
            continue; // nested in an edit already made (e.g. text inside a dropped link)
        }
        out.push_str(&md[last..range.start]);
        out.push_str(&replacement);
        last = range.end;
    }
    out.push_str(&md[last..]);
    out
}

/// `**x**을` → `<strong>x</strong>을` for each CJK-adjacent pair in a text run.
fn emphasis_as_html(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some((before, inner, after, strong)) = find_cjk_pair(rest) {
        let tag = if strong { "strong" } else { "em" };
        out.push_str(before);
        out.push_str(&format!("<{tag}>{inner}</{tag}>"));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Escape plain text for inline Markdown: every character CommonMark (or GitHub's dialect)
/// could read as syntax is backslash-escaped, so the text shows exactly as written. Characters
/// that only mean something at the start of a line (`#`, `-`, `+`, `1.`) are escaped there only,
/// which keeps ordinary words such as `open-source` readable in the `.md` file.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    let trimmed = out.trim_start();
    let lead = out.len() - trimmed.len();
    if trimmed.starts_with(['#', '-', '+', '=']) {
        out.insert(lead, '\\');
    } else if let Some(dot) = trimmed.find(['.', ')'])
        && dot > 0
        && trimmed[..dot].bytes().all(|b| b.is_ascii_digit())
        && trimmed[dot + 1..].chars().next().is_none_or(char::is_whitespace)
    {
        // `1. text` or `1) text` at the start would become a list.
        out.insert(lead + dot, '\\');
    }
    // A trailing `#` would be read as a heading's closing sequence and dropped.
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}
