//! A digest edition: a cover (site, title, period), one entry per briefing (title, other
//! titles, date and source, key points, first facts), then the combined fact sheet with one
//! table per briefing.

use super::HwpxError;
use super::blocks::{ListMarks, MUTED};
use super::briefing::{FactSheet, HEADING, heading, key_points_box, passage_para, passage_shape};
use super::header::{Align, CharShape, Fill, ParaShape};
use super::section::Body;
use crate::render::FactRow;
use crate::render::site::{DigestEntry, DigestView};

/// The whole digest into `body`.
pub fn write(body: &mut Body, d: &DigestView) -> Result<(), HwpxError> {
    let marks = ListMarks::briefing();
    cover(body, d)?;
    for entry in &d.entries {
        self::entry(body, d, entry, &marks)?;
    }
    combined_facts(body, d)
}

/// Site name, title and the period covered, over a heavy rule.
fn cover(body: &mut Body, d: &DigestView) -> Result<(), HwpxError> {
    let left = ParaShape { align: Align::Left, next: 200, ..ParaShape::BODY };
    body.para(left, &d.lang, CharShape::sans(900).color(MUTED), &d.site_title)?;
    body.para(left, &d.lang, CharShape::sans(2400).bold(), &d.title)?;
    let period = format!("{}: {} · {} {}", d.ui.period, d.period, d.entries.len(), d.ui.briefings);
    let rule = ParaShape { border: Fill::TitleRule, next: 0, ..left };
    body.para(rule, &d.lang, CharShape::sans(1100).color(MUTED), &period)?;
    super::briefing::gap(body, &d.lang, false)
}

/// One briefing: its title as a heading, other titles, date and source, key points, and
/// its first facts.
fn entry(
    body: &mut Body,
    d: &DigestView,
    e: &DigestEntry,
    marks: &ListMarks,
) -> Result<(), HwpxError> {
    heading(
        body,
        &e.title.text,
        &e.title.lang,
        passage_shape(&e.title, CharShape::sans(1400).bold()),
    )?;
    let left = ParaShape { align: Align::Left, next: 100, ..ParaShape::BODY };
    for t in &e.other_titles {
        passage_para(body, t, left, CharShape::BODY.color(MUTED))?;
    }
    let meta = CharShape::sans(900).color(MUTED);
    body.open_para(ParaShape { next: 400, ..left }, &d.lang)?;
    body.text(meta, &format!("{} · {}: ", e.date_text, d.ui.source))?;
    body.text(passage_shape(&e.publisher, meta), &e.publisher.text)?;
    body.close_para()?;
    key_points_box(body, d.ui.key_points, &d.lang, &e.summary, marks)?;
    let index = d.langs.iter().position(|l| *l == d.lang).unwrap_or(0);
    for f in &e.top_facts {
        top_fact(body, d, f, index)?;
    }
    Ok(())
}

/// `label: value (as of …)` for one of an entry's first facts.
fn top_fact(body: &mut Body, d: &DigestView, f: &FactRow, index: usize) -> Result<(), HwpxError> {
    let para = ParaShape { align: Align::Left, next: 100, ..ParaShape::BODY };
    body.open_para(para, &d.lang)?;
    if let Some(label) = f.labels.get(index) {
        body.text(
            passage_shape(label, CharShape::BODY.color(MUTED)),
            &format!("{}: ", label.text),
        )?;
    }
    if let Some(value) = f.values.get(index) {
        body.text(passage_shape(value, CharShape::BODY.bold()), &value.text)?;
    }
    if let Some(as_of) = &f.as_of {
        body.text(CharShape::BODY.color(MUTED), &format!(" ({} {as_of})", d.ui.as_of))?;
    }
    body.close_para()
}

/// The combined fact sheet: per briefing, its title (linked when published) and its table.
fn combined_facts(body: &mut Body, d: &DigestView) -> Result<(), HwpxError> {
    if d.facts.is_empty() {
        return Ok(());
    }
    heading(body, d.ui.combined_facts, &d.lang, HEADING)?;
    let sheet = FactSheet { ui: &d.ui, lang: &d.lang, lang_names: &d.lang_names };
    let mut start = 0;
    while start < d.facts.len() {
        let id = &d.facts[start].briefing;
        let end = d.facts[start..]
            .iter()
            .position(|f| f.briefing != *id)
            .map_or(d.facts.len(), |n| start + n);
        let first = &d.facts[start];
        let title = ParaShape {
            align: Align::Left,
            prev: 400,
            next: 200,
            keep_with_next: true,
            ..ParaShape::BODY
        };
        body.open_para(title, &d.lang)?;
        let bold = CharShape::sans(1000).bold();
        match &first.briefing_url {
            Some(url) => {
                let link = crate::markdown::Inline::Link {
                    url: url.clone(),
                    c: vec![crate::markdown::Inline::Text { s: first.briefing_title.clone() }],
                };
                super::blocks::inlines(body, &[link], bold, &d.lang)?;
            }
            None => body.text(bold, &first.briefing_title)?,
        }
        body.close_para()?;
        let rows: Vec<&FactRow> = d.facts[start..end].iter().map(|f| &f.row).collect();
        sheet.table(body, &rows)?;
        start = end;
    }
    Ok(())
}
