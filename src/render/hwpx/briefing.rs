//! A briefing edition as a page of parts — head, lead, key points, sections, charts, fact
//! sheet, notes — each a function, so another layout (a 보도자료 head and foot, 개조식
//! marks) swaps parts and list marks without touching the writer.

use super::HwpxError;
use super::blocks::{Flow, ListMarks, MISSING_COLOR, MUTED, blocks, cell_para, inlines, width_em};
use super::header::{Align, CharShape, Fill, ParaShape};
use super::image::{ChartRaster, picture};
use super::section::{Body, TEXT_WIDTH};
use super::table::{Table, TableSpec, column_widths};
use crate::markdown::Inline;
use crate::render::{Edition, FactRow, Passage, Rich};

/// What every part of a briefing page reads.
pub struct Page<'a> {
    /// The edition.
    pub e: &'a Edition,
    /// The chart rasteriser.
    pub charts: &'a ChartRaster,
    /// List marks per level.
    pub marks: &'a ListMarks,
}

/// One part of the page, written in order.
pub type Part = fn(&mut Body, &Page) -> Result<(), HwpxError>;

/// A briefing page: its parts in order and its list marks.
pub struct Layout {
    /// The parts, top to bottom.
    pub parts: Vec<Part>,
    /// List marks per level.
    pub marks: ListMarks,
}

impl Layout {
    /// The briefing as the PDF lays it out: head, lead, key points, sections, charts, fact
    /// sheet, notes.
    pub fn briefing() -> Self {
        Layout {
            parts: vec![head, lead, key_points, sections, charts, fact_sheet, notes],
            marks: ListMarks::briefing(),
        }
    }
}

/// The flow of body text in `lang` across the full text width.
pub fn body_flow<'a>(lang: &'a str, marks: &'a ListMarks) -> Flow<'a> {
    Flow {
        lang,
        left: 0,
        width: TEXT_WIDTH,
        text: CharShape::BODY,
        marks,
        level: 0,
        quote: false,
        align: Align::Justify,
        next: 600,
    }
}

/// `shape`, in the missing-translation colour when `p` is missing.
pub fn passage_shape(p: &Passage, shape: CharShape) -> CharShape {
    if p.missing { shape.color(MISSING_COLOR) } else { shape }
}

/// A paragraph holding one passage in its own language.
pub fn passage_para(
    body: &mut Body,
    p: &Passage,
    para: ParaShape,
    shape: CharShape,
) -> Result<(), HwpxError> {
    body.para(para, &p.lang, passage_shape(p, shape), &p.text)
}

/// A section heading: 함초롬돋움 13 pt bold over a thin rule, kept with what follows.
pub fn heading(body: &mut Body, text: &str, lang: &str, shape: CharShape) -> Result<(), HwpxError> {
    let para = ParaShape {
        align: Align::Left,
        prev: 1400,
        next: 0,
        border: Fill::RuleBelow,
        keep_with_next: true,
        ..ParaShape::BODY
    };
    body.para(para, lang, shape, text)?;
    gap(body, lang, true)
}

/// The space under a ruled paragraph. A paragraph's border encloses its own spacing, so the
/// gap is a small blank line of its own (kept with what follows a heading).
pub fn gap(body: &mut Body, lang: &str, keep_with_next: bool) -> Result<(), HwpxError> {
    let para = ParaShape { next: 0, keep_with_next, ..ParaShape::BODY };
    body.blank(para, lang, CharShape::sans(500))
}

/// The heading shape.
pub const HEADING: CharShape = CharShape::sans(1300).bold();

/// Site name, title, the other languages' titles, date and source, over a heavy rule.
fn head(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let e = page.e;
    let left = ParaShape { align: Align::Left, next: 200, ..ParaShape::BODY };
    body.para(left, &e.lang, CharShape::sans(850).color(MUTED), &e.site_title)?;
    passage_para(body, &e.title, left, CharShape::sans(2000).bold())?;
    for t in &e.other_titles {
        passage_para(body, t, left, CharShape::sans(1250).color(MUTED))?;
    }
    let meta = CharShape::sans(900).color(MUTED);
    body.open_para(ParaShape { border: Fill::TitleRule, next: 0, ..left }, &e.lang)?;
    body.text(meta, &format!("{} · {}: ", e.date_text, e.ui.source))?;
    body.text(passage_shape(&e.publisher, meta), &e.publisher.text)?;
    if let Some(t) = &e.source_title {
        body.text(meta, " — ")?;
        body.text(passage_shape(t, meta), &t.text)?;
    }
    if let Some(url) = &e.source_url {
        body.text(meta, " · ")?;
        inlines(body, &[Inline::Link { url: url.clone(), c: Vec::new() }], meta, &e.lang)?;
    }
    body.close_para()?;
    gap(body, &e.lang, false)
}

/// Rich text (Markdown) in its own language, in the missing colour when missing.
pub fn rich(body: &mut Body, r: &Rich, flow: &Flow) -> Result<(), HwpxError> {
    let text = if r.missing { flow.text.color(MISSING_COLOR) } else { flow.text };
    blocks(body, &r.blocks, &Flow { lang: &r.lang, text, ..*flow })
}

/// The lead, a little larger than the body.
pub(super) fn lead(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    match &page.e.lead {
        Some(l) => {
            let flow = body_flow(&page.e.lang, page.marks);
            rich(body, l, &Flow { text: CharShape { size: 1050, ..CharShape::BODY }, ..flow })
        }
        None => Ok(()),
    }
}

/// Key points: a heading and a shaded box of bulleted points.
fn key_points(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    key_points_box(body, page.e.ui.key_points, &page.e.lang, &page.e.summary, page.marks)
}

/// A heading and a shaded single-cell box of `points` as bullets.
pub fn key_points_box(
    body: &mut Body,
    title: &str,
    lang: &str,
    points: &[Passage],
    marks: &ListMarks,
) -> Result<(), HwpxError> {
    heading(body, title, lang, HEADING)?;
    if points.is_empty() {
        return Ok(());
    }
    let spec = TableSpec {
        widths: vec![TEXT_WIDTH],
        rows: 1,
        header_rows: 0,
        para: ParaShape { next: 600, ..ParaShape::BODY },
    };
    let mut t = Table::open(body, spec, lang)?;
    t.open_cell(body, Fill::Box)?;
    let mark = format!("{} ", marks.bullet(0));
    let hang = (width_em(&mark) * 1000.0) as i32;
    let para = ParaShape { left: hang, indent: -hang, next: 200, ..ParaShape::BODY };
    for p in points {
        body.open_para(para, &p.lang)?;
        body.text(CharShape::BODY, &mark)?;
        body.text(passage_shape(p, CharShape::BODY), &p.text)?;
        body.close_para()?;
    }
    t.close_cell(body)?;
    t.close(body)
}

/// Every section: its heading, then its Markdown.
pub(super) fn sections(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let flow = body_flow(&page.e.lang, page.marks);
    for s in &page.e.sections {
        heading(body, &s.heading.text, &s.heading.lang, passage_shape(&s.heading, HEADING))?;
        rich(body, &s.body, &flow)?;
    }
    Ok(())
}

/// Each chart as a PNG picture across the text width.
pub(super) fn charts(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let para = ParaShape { align: Align::Center, next: 600, ..ParaShape::BODY };
    for c in &page.e.charts {
        let png = page.charts.png(c)?;
        picture(body, png, TEXT_WIDTH, para, &page.e.lang)?;
    }
    Ok(())
}

/// The fact sheet: a heading and one table with every language side by side.
pub(super) fn fact_sheet(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let e = page.e;
    if e.facts.is_empty() {
        return Ok(());
    }
    heading(body, e.ui.fact_sheet, &e.lang, HEADING)?;
    let sheet = FactSheet { ui: &e.ui, lang: &e.lang, lang_names: &e.lang_names };
    sheet.table(body, &e.facts.iter().collect::<Vec<_>>())
}

/// What a fact sheet table needs besides its rows.
pub struct FactSheet<'a> {
    /// Interface words.
    pub ui: &'a crate::render::ui::Ui,
    /// The document's language.
    pub lang: &'a str,
    /// Language names, one per column pair.
    pub lang_names: &'a [Passage],
}

impl FactSheet<'_> {
    /// A table of `rows`: a label per language, a value per language (right-aligned), `as of`.
    pub fn table(&self, body: &mut Body, rows: &[&FactRow]) -> Result<(), HwpxError> {
        let n = self.lang_names.len();
        let heads: Vec<String> = self
            .lang_names
            .iter()
            .map(|l| format!("{} ({})", self.ui.label, l.text))
            .chain(self.lang_names.iter().map(|l| format!("{} ({})", self.ui.value, l.text)))
            .chain(std::iter::once(self.ui.as_of.to_string()))
            .collect();
        let weights: Vec<f64> = heads
            .iter()
            .enumerate()
            .map(|(col, head)| {
                rows.iter()
                    .filter_map(|r| match col {
                        c if c < n => r.labels.get(c).map(|p| p.text.as_str()),
                        c if c < 2 * n => r.values.get(c - n).map(|p| p.text.as_str()),
                        _ => r.as_of.as_deref(),
                    })
                    .map(width_em)
                    // A header may wrap between its words, never inside one.
                    .fold(head.split(' ').map(width_em).fold(0.0, f64::max) * 1.3, f64::max)
            })
            .collect();
        let spec = TableSpec {
            widths: column_widths(&weights, 850, TEXT_WIDTH),
            rows: rows.len() + 1,
            header_rows: 1,
            para: ParaShape { next: 600, ..ParaShape::BODY },
        };
        let mut t = Table::open(body, spec, self.lang)?;
        let text = CharShape::sans(850);
        for head in &heads {
            self.cell(body, &mut t, Fill::HeadCell, Align::Center, text.bold(), head)?;
        }
        for r in rows {
            let labels = r.labels.iter().take(n).map(|p| (p, Align::Left));
            let values = r.values.iter().take(n).map(|p| (p, Align::Right));
            for (p, align) in labels.chain(values) {
                t.open_cell(body, Fill::Cell)?;
                passage_para(body, p, cell_para(align), text)?;
                t.close_cell(body)?;
            }
            self.cell(
                body,
                &mut t,
                Fill::Cell,
                Align::Left,
                text,
                r.as_of.as_deref().unwrap_or(""),
            )?;
        }
        t.close(body)
    }

    /// A cell of one plain paragraph in the document's language.
    fn cell(
        &self,
        body: &mut Body,
        t: &mut Table,
        fill: Fill,
        align: Align,
        shape: CharShape,
        s: &str,
    ) -> Result<(), HwpxError> {
        t.open_cell(body, fill)?;
        body.para(cell_para(align), self.lang, shape, s)?;
        t.close_cell(body)
    }
}

/// The facts' notes, each after its label in bold, in small muted text.
pub(super) fn notes(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let e = page.e;
    let index = e.langs.iter().position(|l| *l == e.lang).unwrap_or(0);
    let small = CharShape::sans(850).color(MUTED);
    let flow =
        Flow { text: small, align: Align::Left, next: 300, ..body_flow(&e.lang, page.marks) };
    for f in &e.facts {
        let Some(note) = &f.note else { continue };
        let label = f.labels.get(index).map_or("", |p| p.text.as_str());
        body.para(
            ParaShape { next: 0, ..flow.para() },
            &e.lang,
            small.bold(),
            &format!("{label}:"),
        )?;
        rich(body, note, &flow)?;
    }
    Ok(())
}
