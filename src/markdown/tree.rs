//! The block tree: Markdown as data, for the Typst template (JSON) and the `.md` writer.

use super::events;
use pulldown_cmark::{Alignment, Event, Tag, TagEnd};
use serde::Serialize;

/// An inline run.
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
    /// A link with a kept target.
    Link {
        /// Target.
        url: String,
        /// Children.
        c: Vec<Inline>,
    },
    /// A figure resolved from a reference (`$(id)`): its text in the language, its value.
    Figure {
        /// The value as plain digits (`4320000`).
        value: String,
        /// The figure as written (`432만 개`).
        s: String,
    },
    /// A hard line break.
    Br,
}

/// How a table column is aligned (GFM `:--`, `:-:`, `--:`, or `---` for none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Not given: the reader's default.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

impl From<Alignment> for Align {
    /// pulldown-cmark's alignment as ours.
    fn from(a: Alignment) -> Self {
        match a {
            Alignment::None => Align::None,
            Alignment::Left => Align::Left,
            Alignment::Center => Align::Center,
            Alignment::Right => Align::Right,
        }
    }
}

/// A block.
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
        /// Items without blank lines between them (no paragraph spacing).
        tight: bool,
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
    /// Table: every row has exactly as many cells as the header.
    Table {
        /// Alignment of each column.
        align: Vec<Align>,
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
    blocks_of(events(md, None))
}

/// The same, with figure references resolved into [`Inline::Figure`].
pub fn to_blocks_with(md: &str, resolve: &super::Resolve) -> Vec<Block> {
    blocks_of(events(md, Some(resolve)))
}

/// The tree of an event stream.
fn blocks_of(evs: Vec<Event<'_>>) -> Vec<Block> {
    let mut it = evs.into_iter().peekable();
    parse_blocks(&mut it, None)
}

type Events<'a> = std::iter::Peekable<std::vec::IntoIter<Event<'a>>>;

/// Blocks up to the end tag `until` (or the end of the stream).
fn parse_blocks(it: &mut Events, until: Option<TagEnd>) -> Vec<Block> {
    let mut blocks = Vec::new();
    while let Some(ev) = it.next() {
        match ev {
            Event::End(end) if Some(end) == until => break,
            Event::Start(Tag::Paragraph) => {
                blocks.extend(paragraph(parse_inlines(it, TagEnd::Paragraph)))
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let c = parse_inlines(it, TagEnd::Heading(level));
                blocks.push(Block::H { level: level as u8, c });
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                blocks.push(Block::Quote { c: parse_blocks(it, Some(TagEnd::BlockQuote(kind))) })
            }
            Event::Start(Tag::CodeBlock(_)) => blocks.push(parse_code(it)),
            Event::Start(Tag::List(start)) => blocks.push(parse_list(it, start)),
            Event::Start(Tag::Table(align)) => blocks.push(parse_table(it, align)),
            Event::Rule => blocks.push(Block::Rule),
            // Loose text at block level (tight list items, HTML blocks) becomes a paragraph.
            ev @ (Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::Start(_)
            | Event::SoftBreak
            | Event::HardBreak) => blocks.extend(paragraph(parse_loose_inlines(ev, it))),
            _ => {}
        }
    }
    blocks
}

/// A paragraph without the space that HTML blocks leave at its ends (as a reader sees it);
/// none when nothing is left.
fn paragraph(mut c: Vec<Inline>) -> Option<Block> {
    if let Some(Inline::Text { s }) = c.last_mut() {
        s.truncate(s.trim_end().len());
    }
    if let Some(Inline::Text { s }) = c.first_mut() {
        *s = s.trim_start().to_string();
    }
    c.retain(|i| !matches!(i, Inline::Text { s } if s.is_empty()));
    (!c.is_empty()).then_some(Block::P { c })
}

/// Inline content not wrapped in a paragraph: runs until a nested list or a block's end.
fn parse_loose_inlines(first: Event, it: &mut Events) -> Vec<Inline> {
    let mut c = Vec::new();
    push_inline(first, it, &mut c);
    while let Some(next) = it.peek() {
        if let Event::End(end) = next {
            if !matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) {
                break;
            }
            it.next(); // a stray inline end: nothing to close
            continue;
        }
        if matches!(next, Event::Start(t) if is_block_start(t)) {
            break;
        }
        let ev = it.next().expect("peeked");
        push_inline(ev, it, &mut c);
    }
    c
}

/// Tags that open a block (so they end a run of loose inline content).
fn is_block_start(tag: &Tag) -> bool {
    !matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. })
}

/// The text of a code block.
fn parse_code(it: &mut Events) -> Block {
    let mut s = String::new();
    for ev in it.by_ref() {
        match ev {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(t) => s.push_str(&t),
            _ => {}
        }
    }
    Block::Code { s: s.trim_end().to_string() }
}

/// A list's items; it is tight when no item starts with a paragraph (pulldown-cmark wraps
/// item text in paragraphs only in loose lists).
fn parse_list(it: &mut Events, start: Option<u64>) -> Block {
    let mut items = Vec::new();
    let mut tight = true;
    while let Some(ev) = it.next() {
        match ev {
            Event::Start(Tag::Item) => {
                tight &= !matches!(it.peek(), Some(Event::Start(Tag::Paragraph)));
                items.push(parse_blocks(it, Some(TagEnd::Item)));
            }
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    Block::List { ordered: start.is_some(), start: start.unwrap_or(1), tight, items }
}

/// A table, every row as wide as the header (GFM pads short rows and drops extra cells).
fn parse_table(it: &mut Events, align: Vec<Alignment>) -> Block {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    let mut row: Vec<Vec<Inline>> = Vec::new();
    while let Some(ev) = it.next() {
        match ev {
            Event::End(TagEnd::TableHead) => head = std::mem::take(&mut row),
            Event::Start(Tag::TableCell) => row.push(parse_inlines(it, TagEnd::TableCell)),
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let width = head.len();
    for r in &mut rows {
        r.resize(width, Vec::new());
    }
    let mut align: Vec<Align> = align.into_iter().map(Align::from).collect();
    align.resize(width, Align::None);
    Block::Table { align, head, rows }
}

/// Inline content up to the end tag `end`.
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

/// One inline event (and, for a start tag, everything up to its end) onto `out`.
fn push_inline(ev: Event, it: &mut Events, out: &mut Vec<Inline>) {
    match ev {
        Event::Text(t) => push_text(out, &t),
        Event::Code(t) => out.push(Inline::Code { s: t.to_string() }),
        Event::InlineMath(f) => {
            let (value, s) = super::figure_of(&f);
            out.push(Inline::Figure { value: value.into(), s: s.into() });
        }
        Event::SoftBreak => push_text(out, " "),
        Event::HardBreak => out.push(Inline::Br),
        Event::Start(Tag::Strong) => {
            out.push(Inline::Strong { c: parse_inlines(it, TagEnd::Strong) })
        }
        Event::Start(Tag::Emphasis) => {
            out.push(Inline::Emph { c: parse_inlines(it, TagEnd::Emphasis) })
        }
        // Only kept targets reach here (`drop_unkept_links`); checked again all the same.
        Event::Start(Tag::Link { dest_url, .. }) => {
            let c = parse_inlines(it, TagEnd::Link);
            if super::link_kept(&dest_url) {
                out.push(Inline::Link { url: dest_url.to_string(), c });
            } else {
                out.extend(c);
            }
        }
        _ => {}
    }
}

/// Text onto `out`, joined to the text before it; line ends (from HTML blocks shown as text)
/// become spaces, as a reader sees them.
fn push_text(out: &mut Vec<Inline>, s: &str) {
    let s = s.replace('\n', " ");
    if let Some(Inline::Text { s: prev }) = out.last_mut() {
        prev.push_str(&s);
    } else {
        out.push(Inline::Text { s });
    }
}
