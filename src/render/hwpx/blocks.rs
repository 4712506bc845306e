//! Markdown (`markdown::Block` trees) as paragraphs: bold and emphasis as character shapes,
//! links as hyperlink fields, lists with their marks and hanging indents, block quotes with a
//! bar, code in a shaded single-cell table, tables as `hp:tbl`.

use super::HwpxError;
use super::header::{Align, CharShape, Face, Fill, ParaShape};
use super::section::{Body, TEXT_WIDTH};
use super::table::{Table, TableSpec, column_widths};
use crate::markdown::{self, Block, Inline};

/// Link text: blue and underlined, as 한/글 writes links.
const LINK_COLOR: u32 = 0x0000FF;
/// A missing translation's marker colour (the PDF's).
pub const MISSING_COLOR: u32 = 0x9A3412;
/// Muted text (metadata, other-language titles).
pub const MUTED: u32 = 0x57606A;
/// Quoted text.
const QUOTE_COLOR: u32 = 0x404040;
/// How far each list level and quote moves right (2 characters at 10 pt, the 공문서 2타).
const STEP: i32 = 2000;

/// The marks of list items, per nesting level: a parameter, so a layout can use 개조식 marks
/// (□ ○ - ※) where a briefing uses ordinary bullets.
#[derive(Clone, Debug)]
pub struct ListMarks {
    /// Bullet per level (the last repeats for deeper levels).
    pub bullets: Vec<String>,
    /// The mark of item `n` (1-based number) at `level` (0-based) of a numbered list.
    pub numbered: fn(u64, usize) -> String,
}

impl ListMarks {
    /// The briefing's marks: •, ◦, - and `1.` numbers at every level.
    pub fn briefing() -> Self {
        ListMarks {
            bullets: vec!["•".into(), "◦".into(), "-".into()],
            numbered: |n, _| format!("{n}."),
        }
    }

    /// The bullet at `level`.
    pub fn bullet(&self, level: usize) -> &str {
        self.bullets.get(level).or(self.bullets.last()).map_or("-", String::as_str)
    }
}

/// Where and how blocks are written: the paragraph indent, the width left, the text shape
/// and the language, the list level and whether inside a quote.
#[derive(Clone, Copy)]
pub struct Flow<'a> {
    /// Language of the text.
    pub lang: &'a str,
    /// Left margin of the paragraphs (HWPUNIT).
    pub left: i32,
    /// Width available from the margin (HWPUNIT).
    pub width: i32,
    /// Shape of plain text.
    pub text: CharShape,
    /// List marks.
    pub marks: &'a ListMarks,
    /// List nesting level.
    pub level: usize,
    /// Inside a block quote.
    pub quote: bool,
    /// Alignment of plain paragraphs.
    pub align: Align,
    /// Space after a paragraph.
    pub next: i32,
}

impl Flow<'_> {
    /// The shape of a plain paragraph here.
    pub fn para(&self) -> ParaShape {
        ParaShape {
            align: self.align,
            left: self.left,
            next: self.next,
            border: if self.quote { Fill::QuoteBar } else { Fill::Plain },
            ..ParaShape::BODY
        }
    }

    /// This flow moved right by `by`, never past the middle of the page (however deep a
    /// list or quote nests, its text stays on the page).
    fn indented(&self, by: i32) -> Self {
        let left = (self.left + by).min(TEXT_WIDTH / 2);
        Flow { left, width: self.width - (left - self.left), ..*self }
    }
}

pub use crate::text::width_em;

/// Write `blocks` in `flow`.
pub fn blocks(body: &mut Body, bs: &[Block], flow: &Flow) -> Result<(), HwpxError> {
    for b in bs {
        block(body, b, flow)?;
    }
    Ok(())
}

/// Write one block.
fn block(body: &mut Body, b: &Block, flow: &Flow) -> Result<(), HwpxError> {
    match b {
        Block::P { c } => {
            body.open_para(flow.para(), flow.lang)?;
            inlines(body, c, flow.text, flow.lang)?;
            body.close_para()
        }
        Block::H { level, c } => heading(body, *level, c, flow),
        Block::List { ordered, start, items, .. } => {
            for (i, item) in items.iter().enumerate() {
                let mark = if *ordered {
                    (flow.marks.numbered)(start.saturating_add(i as u64), flow.level)
                } else {
                    flow.marks.bullet(flow.level).to_string()
                };
                list_item(body, &mark, item, flow)?;
            }
            Ok(())
        }
        Block::Quote { c } => {
            let text = flow.text.color(QUOTE_COLOR);
            blocks(body, c, &Flow { quote: true, text, ..flow.indented(STEP / 2) })
        }
        Block::Code { s } => code(body, s, flow),
        Block::Table { align, head, rows } => table(body, align, head, rows, flow),
        Block::Rule => {
            let shape = ParaShape { border: Fill::RuleBelow, ..flow.para() };
            body.open_para(shape, flow.lang)?;
            body.close_para()
        }
    }
}

/// A heading inside a Markdown body: 함초롬돋움, bold, kept with what follows.
fn heading(body: &mut Body, level: u8, c: &[Inline], flow: &Flow) -> Result<(), HwpxError> {
    let size = if level <= 2 { 1150 } else { 1050 };
    let shape = ParaShape { prev: 600, next: 300, keep_with_next: true, ..flow.para() };
    body.open_para(shape, flow.lang)?;
    inlines(body, c, CharShape::sans(size).bold(), flow.lang)?;
    body.close_para()
}

/// One list item: its first paragraph after the mark with a hanging indent, the rest of its
/// blocks aligned with that paragraph's text.
fn list_item(body: &mut Body, mark: &str, item: &[Block], flow: &Flow) -> Result<(), HwpxError> {
    let mark = format!("{mark} ");
    let hang = (width_em(&mark) * f64::from(flow.text.size)) as i32;
    let inner = Flow { level: flow.level + 1, ..flow.indented(hang) };
    let shape = ParaShape { left: flow.left + hang, indent: -hang, ..flow.para() };
    body.open_para(shape, flow.lang)?;
    body.text(flow.text, &mark)?;
    let rest = match item.first() {
        Some(Block::P { c }) => {
            inlines(body, c, flow.text, flow.lang)?;
            &item[1..]
        }
        _ => item,
    };
    body.close_para()?;
    blocks(body, rest, &inner)
}

/// Inline content in `shape`: emphasis is bold in Korean (Hangul has no italics).
pub fn inlines(
    body: &mut Body,
    xs: &[Inline],
    shape: CharShape,
    lang: &str,
) -> Result<(), HwpxError> {
    for x in xs {
        match x {
            Inline::Text { s } | Inline::Figure { s, .. } => body.text(shape, s)?,
            Inline::Strong { c } => inlines(body, c, shape.bold(), lang)?,
            Inline::Emph { c } => {
                let emph =
                    if lang == "ko" { shape.bold() } else { CharShape { italic: true, ..shape } };
                inlines(body, c, emph, lang)?
            }
            Inline::Code { s } => body.text(CharShape { face: Face::Dotum, ..shape }, s)?,
            Inline::Link { url, c } => link(body, url, c, shape, lang)?,
            Inline::Br => body.line_break(shape)?,
        }
    }
    Ok(())
}

/// A link: a `HYPERLINK` field around its text (the URL itself when it has none).
fn link(
    body: &mut Body,
    url: &str,
    c: &[Inline],
    shape: CharShape,
    lang: &str,
) -> Result<(), HwpxError> {
    let look = CharShape { underline: true, color: LINK_COLOR, ..shape };
    let id = super::field::begin_hyperlink(body, url, shape)?;
    if c.is_empty() {
        body.text(look, url)?;
    } else {
        inlines(body, c, look, lang)?;
    }
    super::field::end_hyperlink(body, &id, shape)
}

/// A code block: a shaded single-cell table, one paragraph per line in 함초롬돋움.
fn code(body: &mut Body, s: &str, flow: &Flow) -> Result<(), HwpxError> {
    let spec = TableSpec {
        widths: vec![flow.width],
        rows: 1,
        header_rows: 0,
        para: ParaShape { next: 600, ..flow.para() },
    };
    let mut t = Table::open(body, spec, flow.lang)?;
    t.open_cell(body, Fill::CodeCell)?;
    let shape = ParaShape { align: Align::Left, next: 0, ..ParaShape::BODY };
    for line in s.split('\n') {
        let line = line.replace('\t', "    ");
        body.para(shape, flow.lang, CharShape::sans(900), &line)?;
    }
    t.close_cell(body)?;
    t.close(body)
}

/// The paragraph alignment of a table column (numbers right-aligned as the Markdown says).
fn column_align(a: markdown::Align) -> Align {
    match a {
        markdown::Align::Right => Align::Right,
        markdown::Align::Center => Align::Center,
        markdown::Align::Left | markdown::Align::None => Align::Left,
    }
}

/// Plain text of inline content (for width estimates).
fn plain(xs: &[Inline]) -> String {
    let mut out = String::new();
    for x in xs {
        match x {
            Inline::Text { s } | Inline::Code { s } | Inline::Figure { s, .. } => out.push_str(s),
            Inline::Strong { c } | Inline::Emph { c } | Inline::Link { c, .. } => {
                out.push_str(&plain(c))
            }
            Inline::Br => out.push(' '),
        }
    }
    out
}

/// A Markdown table: header row bold, centred and shaded; columns aligned as written.
fn table(
    body: &mut Body,
    align: &[markdown::Align],
    head: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    flow: &Flow,
) -> Result<(), HwpxError> {
    if head.is_empty() {
        return Ok(());
    }
    let weights: Vec<f64> = (0..head.len())
        .map(|i| {
            std::iter::once(&head[i])
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .map(|c| width_em(&plain(c)))
                .fold(0.0, f64::max)
        })
        .collect();
    let spec = TableSpec {
        widths: column_widths(&weights, 900, flow.width),
        rows: rows.len() + 1,
        header_rows: 1,
        para: ParaShape { next: 600, ..flow.para() },
    };
    let mut t = Table::open(body, spec, flow.lang)?;
    let text = CharShape::sans(900);
    for cell in head {
        cell_inlines(body, &mut t, Fill::HeadCell, Align::Center, cell, text.bold(), flow.lang)?;
    }
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let a = column_align(align.get(i).copied().unwrap_or(markdown::Align::None));
            cell_inlines(body, &mut t, Fill::Cell, a, cell, text, flow.lang)?;
        }
    }
    t.close(body)
}

/// One table cell holding one paragraph of inline content.
pub fn cell_inlines(
    body: &mut Body,
    t: &mut Table,
    fill: Fill,
    align: Align,
    c: &[Inline],
    shape: CharShape,
    lang: &str,
) -> Result<(), HwpxError> {
    t.open_cell(body, fill)?;
    body.open_para(cell_para(align), lang)?;
    inlines(body, c, shape, lang)?;
    body.close_para()?;
    t.close_cell(body)
}

/// The paragraph shape inside a table cell.
pub fn cell_para(align: Align) -> ParaShape {
    ParaShape { align, next: 0, ..ParaShape::BODY }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The section XML of `md` written as a Korean body.
    fn section(md: &str) -> String {
        let mut body = Body::new("ko").unwrap();
        let marks = ListMarks::briefing();
        let flow = super::super::briefing::body_flow("ko", &marks);
        blocks(&mut body, &markdown::to_blocks(md), &flow).unwrap();
        String::from_utf8(body.finish().unwrap().section).unwrap()
    }

    #[test]
    fn a_table_has_every_required_child() {
        let xml = section("| 항목 | 수치 |\n|---|--:|\n| 가 | 1 |\n| 나 | 2 |\n");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let tbl = doc.descendants().find(|n| n.has_tag_name("tbl")).unwrap();
        assert_eq!((tbl.attribute("rowCnt"), tbl.attribute("colCnt")), (Some("3"), Some("2")));
        for name in ["sz", "pos", "outMargin", "inMargin"] {
            assert!(tbl.children().any(|c| c.has_tag_name(name)), "{name}");
        }
        let cells: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("tc")).collect();
        assert_eq!(cells.len(), 6);
        for c in &cells {
            for name in ["subList", "cellAddr", "cellSpan", "cellSz", "cellMargin"] {
                assert!(c.children().any(|x| x.has_tag_name(name)), "{name}");
            }
        }
        assert_eq!(cells[0].attribute("header"), Some("1"));
        assert_eq!(
            cells[0].attribute("borderFillIDRef"),
            Some(Fill::HeadCell.id().to_string().as_str())
        );
        assert!(!xml.contains("linesegarray"));
    }

    #[test]
    fn lists_carry_their_marks_and_hang() {
        let xml = section("1. 하나\n   - 둘\n     - 셋\n");
        for mark in ["1. ", "◦ ", "- "] {
            assert!(xml.contains(&format!("<hp:t>{mark}</hp:t>")), "{mark}: {xml}");
        }
    }

    #[test]
    fn links_are_hyperlink_fields_with_escaped_targets() {
        let xml = section("[링크](https://example.org/a?b=1&c=2)");
        assert!(xml.contains("type=\"HYPERLINK\""), "{xml}");
        assert!(xml.contains(r"https\://example.org/a\?b=1&amp;c=2;1;0;0;"), "{xml}");
        assert!(xml.contains("<hp:fieldEnd"), "{xml}");
        roxmltree::Document::parse(&xml).unwrap();
    }

    #[test]
    fn deep_nesting_stays_on_the_page() {
        let md: String = (0..60).map(|i| format!("{}- level{i}\n", "  ".repeat(i))).collect();
        let md = format!("{md}\n{}", "> ".repeat(60) + "deep");
        let xml = section(&md);
        assert!(xml.contains("level59") && xml.contains("deep"));
        let mut body = Body::new("ko").unwrap();
        let marks = ListMarks::briefing();
        let flow = super::super::briefing::body_flow("ko", &marks);
        let mut f = flow;
        for _ in 0..100 {
            f = f.indented(STEP);
        }
        assert!(f.left <= TEXT_WIDTH / 2 && f.width >= TEXT_WIDTH / 2, "{} {}", f.left, f.width);
        blocks(&mut body, &markdown::to_blocks("| a |\n|---|\n| b |"), &f).unwrap();
    }

    #[test]
    fn hostile_text_stays_text() {
        let xml = section("`<script>` & ]]> \"'\n\n```\n</hp:t><x>\n```");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(text.contains("<script> & ]]> \"'"), "{text}");
        assert!(text.contains("</hp:t><x>"), "{text}");
    }
}
