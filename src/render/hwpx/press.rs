//! The 보도자료 (press release) page: the government skeleton of `notes/hwpx.md` §2.2 in
//! 한/글's own objects — the label box (organisation | 보도자료), the 보도시점/배포 row, the
//! title box with its `- 부제 -` line, the body with 개조식 marks, and at the end the contact
//! table and 붙임. The briefing's parts (lead, sections, charts, fact sheet, notes) are reused.

use super::HwpxError;
use super::blocks::{ListMarks, MUTED, cell_para, inlines, width_em};
use super::briefing::{
    HEADING, Layout, Page, charts, fact_sheet, gap, heading, lead, notes, passage_para,
    passage_shape, sections,
};
use super::header::{Align, CharShape, Fill, ParaShape};
use super::section::{Body, TEXT_WIDTH};
use super::table::{Table, TableSpec, column_widths};
use crate::markdown::Inline;
use crate::render::Passage;
use crate::render::release::ReleaseView;

/// The 보도시점 value's colour: blue, as agencies print it.
const EMBARGO_BLUE: u32 = 0x0000FF;

impl Layout {
    /// The 보도자료 page, with the release's list marks (□ ○ - ※ in Korean).
    pub fn press_release(marks: &[&str]) -> Self {
        Layout {
            parts: vec![
                release_head,
                key_points,
                lead,
                sections,
                charts,
                fact_sheet,
                notes,
                contacts,
                attachments,
            ],
            marks: ListMarks {
                bullets: marks.iter().map(|m| m.to_string()).collect(),
                ..ListMarks::briefing()
            },
        }
    }
}

/// The release view of the page's edition (every part below is only used when there is one).
fn release<'a>(page: &Page<'a>) -> Option<&'a ReleaseView> {
    page.e.release.as_ref()
}

/// A table paragraph with no space after it.
fn tight() -> ParaShape {
    ParaShape { next: 0, ..ParaShape::BODY }
}

/// One cell holding one line of text.
fn text_cell(
    body: &mut Body,
    t: &mut Table,
    fill: Fill,
    (lang, align, shape): (&str, Align, CharShape),
    s: &str,
) -> Result<(), HwpxError> {
    t.open_cell(body, fill)?;
    body.para(cell_para(align), lang, shape, s)?;
    t.close_cell(body)
}

/// The label box, the 보도시점/배포 row and the title box.
fn release_head(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let Some(r) = release(page) else { return Ok(()) };
    label_box(body, page, r)?;
    release_row(body, page, r)?;
    title_box(body, page, r)?;
    gap(body, &page.e.lang, false)
}

/// A one-row box: the organisation | "보도자료" (large, letter-spaced in Korean).
fn label_box(body: &mut Body, page: &Page, r: &ReleaseView) -> Result<(), HwpxError> {
    let lang = page.e.lang.as_str();
    let spec = TableSpec {
        widths: column_widths(&[1.0, 1.0], 1000, TEXT_WIDTH),
        rows: 1,
        header_rows: 0,
        para: tight(),
    };
    let mut t = Table::open(body, spec, lang)?;
    t.open_cell(body, Fill::Cell)?;
    passage_para(body, &r.organisation, cell_para(Align::Center), CharShape::sans(1200).bold())?;
    t.close_cell(body)?;
    let label: String = if lang == "ko" {
        r.words.label.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ")
    } else {
        r.words.label.to_string()
    };
    text_cell(
        body,
        &mut t,
        Fill::Cell,
        (lang, Align::Center, CharShape::sans(2000).bold()),
        &label,
    )?;
    t.close(body)
}

/// `보도시점 | value | 배포 | value`: shaded label cells, the embargo in blue bold.
fn release_row(body: &mut Body, page: &Page, r: &ReleaseView) -> Result<(), HwpxError> {
    let lang = page.e.lang.as_str();
    let w = &r.words;
    let weights = [
        width_em(w.embargo) + 2.0,
        width_em(&r.embargo) + 2.0,
        width_em(w.distributed) + 2.0,
        width_em(&r.distributed) + 2.0,
    ];
    let spec = TableSpec {
        widths: column_widths(&weights, 950, TEXT_WIDTH),
        rows: 1,
        header_rows: 0,
        para: ParaShape { next: 400, ..ParaShape::BODY },
    };
    let label = (lang, Align::Center, CharShape::sans(950).bold());
    let value = (lang, Align::Center, CharShape::sans(950));
    let mut t = Table::open(body, spec, lang)?;
    text_cell(body, &mut t, Fill::HeadCell, label, w.embargo)?;
    let embargo = (lang, Align::Center, CharShape::sans(950).bold().color(EMBARGO_BLUE));
    text_cell(body, &mut t, Fill::Cell, embargo, &r.embargo)?;
    text_cell(body, &mut t, Fill::HeadCell, label, w.distributed)?;
    text_cell(body, &mut t, Fill::Cell, value, &r.distributed)?;
    t.close(body)
}

/// The title box: the title centred and bold, `- 부제 -`, the other languages' titles.
fn title_box(body: &mut Body, page: &Page, r: &ReleaseView) -> Result<(), HwpxError> {
    let e = page.e;
    let spec = TableSpec { widths: vec![TEXT_WIDTH], rows: 1, header_rows: 0, para: tight() };
    let centre = ParaShape { align: Align::Center, next: 200, ..ParaShape::BODY };
    let mut t = Table::open(body, spec, &e.lang)?;
    t.open_cell(body, Fill::Box)?;
    passage_para(body, &e.title, centre, CharShape::sans(2000).bold())?;
    if let Some(s) = &r.subtitle {
        // No-break spaces keep the dashes on the subtitle's lines.
        let dashed = Passage { text: format!("-\u{a0}{}\u{a0}-", s.text), ..s.clone() };
        passage_para(body, &dashed, centre, CharShape { size: 1300, ..CharShape::BODY })?;
    }
    for other in &e.other_titles {
        passage_para(body, other, centre, CharShape::sans(1050).color(MUTED))?;
    }
    t.close_cell(body)?;
    t.close(body)
}

/// The key points as the body's first items, with the first-level mark (□), in bold.
fn key_points(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let mark = format!("{} ", page.marks.bullet(0));
    let hang = (width_em(&mark) * 1100.0) as i32;
    let para = ParaShape { left: hang, indent: -hang, next: 400, ..ParaShape::BODY };
    let shape = CharShape { size: 1100, ..CharShape::BODY }.bold();
    for p in &page.e.summary {
        body.open_para(para, &p.lang)?;
        body.text(shape, &mark)?;
        body.text(passage_shape(p, shape), &p.text)?;
        body.close_para()?;
    }
    Ok(())
}

/// The contact table: a heading, then 부서 | role | 직위 | 성명 | 전화 (| 이메일).
fn contacts(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let Some(r) = release(page) else { return Ok(()) };
    if r.contacts.is_empty() {
        return Ok(());
    }
    let lang = page.e.lang.as_str();
    heading(body, r.words.contact, lang, HEADING)?;
    let w = &r.words;
    let with_email = r.contacts.iter().any(|c| c.email.is_some());
    let mut heads = vec![w.department, w.role, w.position, w.name, w.phone];
    if with_email {
        heads.push(w.email);
    }
    let rows: Vec<Vec<Passage>> =
        r.contacts.iter().map(|c| contact_row(c, lang, with_email)).collect();
    let weights: Vec<f64> = (0..heads.len())
        .map(|i| {
            rows.iter().map(|row| width_em(&row[i].text)).fold(width_em(heads[i]), f64::max) + 1.0
        })
        .collect();
    let spec = TableSpec {
        widths: column_widths(&weights, 900, TEXT_WIDTH),
        rows: rows.len() + 1,
        header_rows: 1,
        para: ParaShape { next: 600, ..ParaShape::BODY },
    };
    let mut t = Table::open(body, spec, lang)?;
    for h in &heads {
        text_cell(
            body,
            &mut t,
            Fill::HeadCell,
            (lang, Align::Center, CharShape::sans(900).bold()),
            h,
        )?;
    }
    for row in &rows {
        for p in row {
            t.open_cell(body, Fill::Cell)?;
            passage_para(body, p, cell_para(Align::Center), CharShape::sans(900))?;
            t.close_cell(body)?;
        }
    }
    t.close(body)
}

/// One contact as the table's cells, each in its own language.
fn contact_row(c: &crate::render::release::ContactView, lang: &str, email: bool) -> Vec<Passage> {
    let plain = |s: &str| Passage::plain(lang, s.to_string());
    let mut row = vec![
        c.department.clone(),
        plain(c.role),
        c.position.clone().unwrap_or_else(|| plain("")),
        c.name.clone(),
        plain(&c.phone),
    ];
    if email {
        row.push(plain(c.email.as_deref().unwrap_or("")));
    }
    row
}

/// 붙임: a heading and one numbered line per attachment, linked when it has an address.
fn attachments(body: &mut Body, page: &Page) -> Result<(), HwpxError> {
    let Some(r) = release(page) else { return Ok(()) };
    if r.attachments.is_empty() {
        return Ok(());
    }
    let lang = page.e.lang.as_str();
    heading(body, r.words.attachments, lang, HEADING)?;
    let para = ParaShape { align: Align::Left, next: 200, ..ParaShape::BODY };
    for (i, a) in r.attachments.iter().enumerate() {
        body.open_para(para, &a.title.lang)?;
        body.text(CharShape::BODY, &format!("{}. ", i + 1))?;
        body.text(passage_shape(&a.title, CharShape::BODY), &a.title.text)?;
        if let Some(url) = &a.url {
            body.text(CharShape::BODY, " ")?;
            let link = Inline::Link { url: url.clone(), c: Vec::new() };
            inlines(body, &[link], CharShape::BODY, lang)?;
        }
        body.close_para()?;
    }
    Ok(())
}
