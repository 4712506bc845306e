//! A 한/글 document (HWPX, KS X 6101 OWPML): the sections named by `Contents/content.hpf`'s
//! spine (else every `Contents/section<N>.xml` by number), their paragraphs, headings, lists
//! and tables in order.
//!
//! - Headings: a paragraph whose style is a heading style (`개요 1`/`개요 2`, `Outline 1`,
//!   `제목`, `Heading …`) or whose paragraph shape is outline level 1–2; deeper outline
//!   levels are list items. yoyak's own files name no heading styles: there a short
//!   paragraph set larger than the body text (its character shape's `height`) is a heading,
//!   the first one the title.
//! - Text: `hp:t` runs (a tab or line break inside is a space), then the paragraphs of text
//!   boxes (`hp:drawText` in a rectangle or other shape) anchored in the paragraph; controls
//!   (`hp:ctrl`: page headers and footers, footnotes, page numbers) and section properties are
//!   not read.
//! - Tables: `hp:tbl` cells where `hp:cellAddr` puts them (a cell spanning rows or columns
//!   repeated in each); a one-column table (a box around text) and a table that only lays
//!   text out (no row holds two different texts: title boxes, banners) are read as their
//!   paragraphs; a table inside a cell is read as that cell's text.
//!
//! A hostile package is refused, never trusted: at most [`MAX_ENTRIES`] entries; every part
//! read is counted while it is decompressed and refused past [`MAX_PART`] (a zip bomb's
//! header may lie); XML is parsed by roxmltree (no DTD, so no entity expansion) and walked to
//! [`MAX_DEPTH`]. Names from the archive are only looked up in the archive, never used as
//! paths on disk.

use super::{Document, Item, Part, clean_text};
use crate::import::lines::heading_like;
use crate::import::table::{PlacedCell, SpanCell, Table, place_rows};
use roxmltree::Node;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most entries a package may have.
const MAX_ENTRIES: usize = 4096;
/// The largest part read, decompressed.
const MAX_PART: u64 = 32 << 20;
/// The most decompressed bytes read from one package in all.
const MAX_TOTAL: u64 = 96 << 20;
/// How deep elements are walked (tables in cells in tables …).
const MAX_DEPTH: usize = 64;
/// The most sections read.
const MAX_SECTIONS: usize = 256;

/// Whether a ZIP's first entry is `mimetype` holding `application/hwp+zip` (read from the
/// local header; nothing is decompressed).
pub(super) fn has_hwpx_mimetype(bytes: &[u8]) -> bool {
    let u16_at =
        |i: usize| bytes.get(i..i + 2).map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let (Some(name_len), Some(extra_len)) = (u16_at(26), u16_at(28)) else { return false };
    let data = 30 + name_len + extra_len;
    bytes.get(30..30 + name_len) == Some(b"mimetype".as_slice())
        && bytes.get(data..).is_some_and(|d| d.starts_with(b"application/hwp+zip"))
}

/// The package opened, with the bytes read so far counted.
struct Package<'a> {
    /// The archive.
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Decompressed bytes read so far.
    total: u64,
}

impl<'a> Package<'a> {
    /// Opens the archive, refusing too many entries.
    fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a ZIP package ({e})"))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!("{} entries (at most {MAX_ENTRIES})", zip.len()));
        }
        Ok(Package { zip, total: 0 })
    }

    /// Whether the archive has an entry of this name.
    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// An entry's text, counted while decompressing and refused past the limits.
    fn text(&mut self, name: &str) -> Result<String, String> {
        let entry = self.zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
        let limit = MAX_PART.min(MAX_TOTAL.saturating_sub(self.total));
        let mut bytes = Vec::new();
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{name}: cannot decompress ({e})"))?;
        if bytes.len() as u64 > limit {
            return Err(format!(
                "{name} is over {} MiB decompressed (a zip bomb, or not a report)",
                limit >> 20
            ));
        }
        self.total += bytes.len() as u64;
        String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 XML"))
    }
}

/// Parses XML without a DTD (roxmltree's default refuses one).
fn parse<'t>(name: &str, text: &'t str) -> Result<roxmltree::Document<'t>, String> {
    roxmltree::Document::parse(text).map_err(|e| format!("{name}: not well-formed XML ({e})"))
}

/// Reads an HWPX package.
pub(super) fn read(bytes: &[u8]) -> Result<Document, String> {
    let mut package = Package::open(bytes)?;
    if !has_hwpx_mimetype(bytes) && !package.has("Contents/content.hpf") {
        return Err("no `mimetype` application/hwp+zip and no Contents/content.hpf".into());
    }
    let sections = section_names(&mut package)?;
    if sections.is_empty() {
        return Err("no Contents/section*.xml".into());
    }
    let styles = match package.has("Contents/header.xml") {
        true => Styles::read(&package.text("Contents/header.xml")?)?,
        false => Styles::default(),
    };
    let mut paragraphs = Vec::new();
    for name in sections.iter().take(MAX_SECTIONS) {
        let text = package.text(name)?;
        let doc = parse(name, &text)?;
        section_paragraphs(doc.root_element(), &styles, &mut paragraphs);
    }
    Ok(document(paragraphs))
}

/// The sections in reading order: the spine of `Contents/content.hpf` (items under
/// `Contents/` named `section…`), else every `Contents/section<N>.xml` by `N`.
fn section_names(package: &mut Package) -> Result<Vec<String>, String> {
    if package.has("Contents/content.hpf") {
        let text = package.text("Contents/content.hpf")?;
        let doc = parse("Contents/content.hpf", &text)?;
        let hrefs: HashMap<&str, &str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("item"))
            .filter_map(|n| Some((n.attribute("id")?, n.attribute("href")?)))
            .collect();
        let spine: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("itemref"))
            .filter_map(|n| hrefs.get(n.attribute("idref")?))
            .map(|h| h.trim_start_matches('/').to_string())
            .filter(|h| h.starts_with("Contents/section") && package.has(h))
            .collect();
        if !spine.is_empty() {
            return Ok(spine);
        }
    }
    let mut numbered: Vec<(u32, String)> = package
        .zip
        .file_names()
        .filter_map(|n| n.ok())
        .filter_map(|n| {
            let num = n.strip_prefix("Contents/section")?.strip_suffix(".xml")?;
            Some((num.parse::<u32>().ok()?, n.to_string()))
        })
        .collect();
    numbered.sort();
    Ok(numbered.into_iter().map(|(_, n)| n).collect())
}

/// What `Contents/header.xml` says about paragraphs: style names, outline levels of
/// paragraph shapes and character heights.
#[derive(Default)]
struct Styles {
    /// `hh:style` id → name (and English name).
    names: HashMap<String, String>,
    /// `hh:paraPr` id → outline level (1-based) when its heading type is `OUTLINE`.
    outline: HashMap<String, u8>,
    /// `hh:charPr` id → its height (1/100 pt) and weight.
    chars: HashMap<String, CharShape>,
}

/// What a character shape says about emphasis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct CharShape {
    /// Height in 1/100 pt.
    height: u32,
    /// Bold.
    bold: bool,
}

impl Styles {
    /// Reads the header part.
    fn read(text: &str) -> Result<Styles, String> {
        let doc = parse("Contents/header.xml", text)?;
        let mut s = Styles::default();
        for n in doc.descendants() {
            let Some(id) = n.attribute("id") else { continue };
            match n.tag_name().name() {
                "style" => {
                    let name = format!(
                        "{} {}",
                        n.attribute("name").unwrap_or(""),
                        n.attribute("engName").unwrap_or("")
                    );
                    s.names.insert(id.to_string(), name);
                }
                "paraPr" => {
                    let heading = n.children().find(|c| c.has_tag_name("heading"));
                    if let Some(h) = heading.filter(|h| h.attribute("type") == Some("OUTLINE")) {
                        let level = h.attribute("level").and_then(|l| l.parse::<u8>().ok());
                        s.outline.insert(id.to_string(), level.unwrap_or(0).saturating_add(1));
                    }
                }
                "charPr" => {
                    let height = n.attribute("height").and_then(|h| h.parse().ok()).unwrap_or(0);
                    let bold = n.children().any(|c| c.has_tag_name("bold"));
                    s.chars.insert(id.to_string(), CharShape { height, bold });
                }
                _ => {}
            }
        }
        Ok(s)
    }

    /// A paragraph's outline level from its style name (`개요 2` → 2, `제목` → 0) or its
    /// paragraph shape; `None` for body text.
    fn level(&self, style: Option<&str>, para_pr: Option<&str>) -> Option<u8> {
        let name = style.and_then(|s| self.names.get(s)).map(String::as_str).unwrap_or("");
        let lower = name.to_lowercase();
        if ["제목", "title", "표제"].iter().any(|t| lower.split(' ').next() == Some(t)) {
            return Some(0);
        }
        for prefix in ["개요", "outline", "heading", "제목"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let n = rest.trim().split(' ').next().and_then(|d| d.parse::<u8>().ok());
                return Some(n.unwrap_or(1));
            }
        }
        para_pr.and_then(|p| self.outline.get(p)).copied()
    }
}

/// A paragraph of a section as read, before headings are decided.
enum Para {
    /// Text with its style's outline level and the height it is set in.
    Text {
        /// The text on one line.
        text: String,
        /// Outline level from the style or paragraph shape (0 the title).
        level: Option<u8>,
        /// The largest character shape among its runs with text (bold if all are).
        shape: CharShape,
        /// Characters of text (to find the body's height).
        chars: usize,
    },
    /// A table.
    Table(Table),
}

/// The paragraphs of a section element, tables in their place.
fn section_paragraphs(root: Node, styles: &Styles, out: &mut Vec<Para>) {
    for p in root.children().filter(|n| n.has_tag_name("p")) {
        paragraph(p, styles, 0, out);
    }
}

/// One `hp:p`: its text, then any tables in its runs.
fn paragraph(p: Node, styles: &Styles, depth: usize, out: &mut Vec<Para>) {
    let mut text = String::new();
    let mut shape: Option<CharShape> = None;
    let mut tables = Vec::new();
    let mut boxes = Vec::new();
    for run in p.children().filter(|n| n.has_tag_name("run")) {
        let before = text.len();
        for c in run.children() {
            match c.tag_name().name() {
                "t" => run_text(c, &mut text),
                "tbl" => tables.push(c),
                "ctrl" | "secPr" => {}
                _ => text_boxes(c, 0, &mut boxes),
            }
        }
        if text[before..].trim().is_empty() {
            continue;
        }
        let run_shape = run.attribute("charPrIDRef").and_then(|id| styles.chars.get(id));
        let run_shape = run_shape.copied().unwrap_or_default();
        shape = Some(match shape {
            None => run_shape,
            Some(s) => {
                CharShape { height: s.height.max(run_shape.height), bold: s.bold && run_shape.bold }
            }
        });
    }
    let text = clean_text(&text);
    if !text.is_empty() {
        let level = styles.level(p.attribute("styleIDRef"), p.attribute("paraPrIDRef"));
        let chars = text.chars().count();
        out.push(Para::Text { text, level, shape: shape.unwrap_or_default(), chars });
    }
    for tbl in tables {
        table_parts(tbl, styles, depth, out);
    }
    if depth < MAX_DEPTH {
        for p in boxes.into_iter().flat_map(|b| under(b, "subList")).flat_map(|s| under(s, "p")) {
            paragraph(p, styles, depth + 1, out);
        }
    }
}

/// The text boxes (`hp:drawText`) of a drawing object in a run — a rectangle, an ellipse, a
/// group of shapes — outermost first; boxes inside a box are found when its paragraphs are read.
fn text_boxes<'a, 'i>(shape: Node<'a, 'i>, depth: usize, out: &mut Vec<Node<'a, 'i>>) {
    if depth > MAX_DEPTH || shape.has_tag_name("tbl") {
        return;
    }
    if shape.has_tag_name("drawText") {
        out.push(shape);
        return;
    }
    for c in shape.children().filter(|c| c.is_element()) {
        text_boxes(c, depth + 1, out);
    }
}

/// A table in a paragraph: a real table, or (one column — a box around text, as yoyak draws
/// key points — or a table that only lays text out) the paragraphs of its cells.
fn table_parts(tbl: Node, styles: &Styles, depth: usize, out: &mut Vec<Para>) {
    if depth >= MAX_DEPTH {
        out.extend(table(tbl, depth).map(Para::Table));
    } else if tbl.attribute("colCnt") == Some("1") {
        cell_paragraphs(tbl, styles, depth, out);
    } else {
        match table(tbl, depth) {
            Some(t) if t.is_layout() => cell_paragraphs(tbl, styles, depth, out),
            Some(t) => out.push(Para::Table(t)),
            None => {}
        }
    }
}

/// The paragraphs of a table's own cells (`tr` → `tc` → `subList` → `p`), in order; tables
/// nested in them come in their paragraphs' place.
fn cell_paragraphs(tbl: Node, styles: &Styles, depth: usize, out: &mut Vec<Para>) {
    let paragraphs = under(tbl, "tr")
        .flat_map(|tr| under(tr, "tc"))
        .flat_map(|tc| under(tc, "subList"))
        .flat_map(|sub| under(sub, "p"));
    for p in paragraphs {
        paragraph(p, styles, depth + 1, out);
    }
}

/// The children of `n` named `tag` (any namespace).
fn under<'a, 'i>(n: Node<'a, 'i>, tag: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(move |c| c.has_tag_name(tag))
}

/// The text of an `hp:t`: its text nodes, a tab or line break a space.
fn run_text(t: Node, out: &mut String) {
    for c in t.children() {
        match c.text() {
            Some(s) if c.is_text() => out.push_str(s),
            _ if c.is_element() => out.push(' '),
            _ => {}
        }
    }
}

/// All the text under a node (a cell's paragraphs, a nested table), paragraphs apart.
fn text_under(node: Node, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in node.children() {
        match c.tag_name().name() {
            "t" => run_text(c, out),
            "ctrl" | "secPr" => {}
            _ if c.is_element() => {
                if c.has_tag_name("p") {
                    out.push(' ');
                }
                text_under(c, depth + 1, out);
            }
            _ => {}
        }
    }
}

/// An `hp:tbl` as a table: each cell where its `hp:cellAddr` puts it, spanning
/// `hp:cellSpan`; cells without an address are placed row by row.
fn table(tbl: Node, depth: usize) -> Option<Table> {
    let number = |n: Option<Node>, name: &str| {
        n.and_then(|n| n.attribute(name)).and_then(|v| v.parse::<usize>().ok())
    };
    let mut listed: Vec<Vec<SpanCell>> = Vec::new();
    let mut addressed: Vec<PlacedCell> = Vec::new();
    for tr in tbl.children().filter(|n| n.has_tag_name("tr")) {
        let mut row = Vec::new();
        for tc in tr.children().filter(|n| n.has_tag_name("tc")) {
            let mut text = String::new();
            if let Some(sub) = tc.children().find(|n| n.has_tag_name("subList")) {
                text_under(sub, depth + 1, &mut text);
            }
            let text = clean_text(&text);
            let addr = tc.children().find(|n| n.has_tag_name("cellAddr"));
            let span = tc.children().find(|n| n.has_tag_name("cellSpan"));
            let rows = number(span, "rowSpan").unwrap_or(1).max(1);
            let cols = number(span, "colSpan").unwrap_or(1).max(1);
            match (number(addr, "rowAddr"), number(addr, "colAddr")) {
                (Some(row), Some(col)) => {
                    addressed.push(PlacedCell { row, col, rows, cols, text });
                }
                _ => row.push(SpanCell { text, rows, cols }),
            }
        }
        listed.push(row);
    }
    addressed.extend(place_rows(listed));
    Table::from_cells(addressed)
}

/// The body's character height: the one most characters are set in.
fn body_height(paragraphs: &[Para]) -> u32 {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for p in paragraphs {
        if let Para::Text { shape, chars, .. } = p {
            *counts.entry(shape.height).or_default() += chars;
        }
    }
    counts.into_iter().max_by_key(|(h, n)| (*n, std::cmp::Reverse(*h))).map_or(0, |(h, _)| h)
}

/// The index of the title when the file names no title style: the first paragraph set in
/// the largest bold size, when it is among the first three (what is above it is a masthead).
fn sized_title(paragraphs: &[Para], body: u32) -> Option<usize> {
    let largest = paragraphs
        .iter()
        .filter_map(|p| match p {
            Para::Text { shape, .. } if shape.bold => Some(shape.height),
            _ => None,
        })
        .max()
        .filter(|h| *h > body)?;
    let at = paragraphs.iter().position(
        |p| matches!(p, Para::Text { shape, .. } if shape.bold && shape.height == largest),
    )?;
    (at < 3).then_some(at)
}

/// The paragraphs as document parts: levels 0–2 (or, without styles, a short bold paragraph
/// set larger than the body) are the title and headings, deeper levels list items.
fn document(paragraphs: Vec<Para>) -> Document {
    let body = body_height(&paragraphs);
    let titled = paragraphs.iter().any(|p| matches!(p, Para::Text { level: Some(0), .. }));
    let title_at = if titled { None } else { sized_title(&paragraphs, body) };
    let mut parts: Vec<Part> = Vec::new();
    for (i, p) in paragraphs.into_iter().enumerate().skip(title_at.unwrap_or(0)) {
        let (text, level, shape) = match p {
            Para::Table(t) => {
                parts.push(Part::Table(t));
                continue;
            }
            Para::Text { text, level, shape, .. } => (text, level, shape),
        };
        let emphasised = shape.bold && shape.height > body && heading_like(&text);
        let part = match level {
            Some(0) if parts.is_empty() => Part::Title(text),
            Some(0..=2) => Part::Heading(text),
            Some(n) => Part::List(vec![Item { level: usize::from(n - 3).min(3), text }]),
            None if Some(i) == title_at => Part::Title(text),
            None if emphasised => Part::Heading(text),
            None => Part::Para(text),
        };
        match (parts.last_mut(), part) {
            (Some(Part::List(items)), Part::List(more)) => items.extend(more),
            (_, part) => parts.push(part),
        }
    }
    Document { parts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A package with `mimetype` first and the given parts.
    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/hwp+zip").unwrap();
        for (name, text) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const HP: &str = "xmlns:hp=\"http://www.hancom.co.kr/hwpml/2011/paragraph\" \
                      xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\"";

    fn para(style: &str, text: &str) -> String {
        format!(
            "<hp:p styleIDRef=\"{style}\"><hp:run charPrIDRef=\"0\"><hp:t>{text}</hp:t></hp:run></hp:p>"
        )
    }

    #[test]
    fn hangul_styles_spine_order_and_tables() {
        let header = "<hh:head xmlns:hh=\"http://www.hancom.co.kr/hwpml/2011/head\"><hh:refList>\
            <hh:charProperties><hh:charPr id=\"0\" height=\"1000\"/></hh:charProperties>\
            <hh:styles><hh:style id=\"0\" name=\"바탕글\" engName=\"Normal\"/>\
            <hh:style id=\"1\" name=\"개요 1\" engName=\"Outline 1\"/>\
            <hh:style id=\"2\" name=\"제목\" engName=\"Title\"/>\
            <hh:style id=\"3\" name=\"개요 3\" engName=\"Outline 3\"/></hh:styles>\
            </hh:refList></hh:head>";
        let hpf = "<opf:package xmlns:opf=\"http://www.idpf.org/2007/opf/\"><opf:manifest>\
            <opf:item id=\"s0\" href=\"Contents/section0.xml\"/><opf:item id=\"s1\" href=\"Contents/section1.xml\"/>\
            </opf:manifest><opf:spine><opf:itemref idref=\"s1\"/><opf:itemref idref=\"s0\"/></opf:spine></opf:package>";
        let first = format!(
            "<hs:sec {HP}>{}<hp:p styleIDRef=\"0\"><hp:run charPrIDRef=\"0\"><hp:ctrl><hp:header>\
             <hp:subList><hp:p><hp:run><hp:t>머리말 문구</hp:t></hp:run></hp:p></hp:subList></hp:header></hp:ctrl>\
             <hp:t>본문<hp:tab/>문단이다.</hp:t></hp:run></hp:p>{}{}</hs:sec>",
            para("2", "보고서 제목"),
            para("1", "조사 결과"),
            para("3", "○ 세부 항목"),
        );
        let table = format!(
            "<hs:sec {HP}><hp:p><hp:run><hp:tbl rowCnt=\"2\" colCnt=\"3\">\
             <hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>구분</hp:t></hp:run></hp:p></hp:subList>\
             <hp:cellSpan colSpan=\"1\"/></hp:tc><hp:tc><hp:subList><hp:p><hp:run><hp:t>2024년</hp:t></hp:run></hp:p>\
             </hp:subList><hp:cellSpan colSpan=\"2\"/></hp:tc></hp:tr>\
             <hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>AI 프로젝트 수</hp:t></hp:run></hp:p></hp:subList></hp:tc>\
             <hp:tc><hp:subList><hp:p><hp:run><hp:t>432만 개</hp:t></hp:run></hp:p></hp:subList></hp:tc>\
             <hp:tc><hp:subList><hp:p><hp:run><hp:t>12%</hp:t></hp:run></hp:p></hp:subList></hp:tc></hp:tr>\
             </hp:tbl></hp:run></hp:p></hs:sec>"
        );
        let bytes = package(&[
            ("Contents/content.hpf", hpf),
            ("Contents/header.xml", header),
            ("Contents/section0.xml", &table),
            ("Contents/section1.xml", &first),
        ]);
        assert!(has_hwpx_mimetype(&bytes));
        let doc = read(&bytes).expect("reads");
        let rows = vec![
            vec!["구분".to_string(), "2024년".into(), "2024년".into()],
            vec!["AI 프로젝트 수".to_string(), "432만 개".into(), "12%".into()],
        ];
        assert_eq!(
            doc.parts,
            vec![
                Part::Title("보고서 제목".into()),
                Part::Para("본문 문단이다.".into()),
                Part::Heading("조사 결과".into()),
                Part::List(vec![Item { level: 0, text: "○ 세부 항목".into() }]),
                Part::Table(Table::new(rows).unwrap()),
            ]
        );
    }

    #[test]
    fn a_lying_entry_is_cut_while_decompressing() {
        let big = " ".repeat((MAX_PART as usize) + 10);
        let bytes = package(&[("Contents/section0.xml", &big)]);
        let err = read(&bytes).unwrap_err();
        assert!(err.contains("zip bomb"), "{err}");
    }
}
