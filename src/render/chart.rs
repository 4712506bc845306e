//! Bar charts as standalone SVG: the same picture inline in HTML, embedded in the PDF and
//! written beside the Markdown.
//!
//! Text width cannot be measured without the font, so the layout budgets a label column from
//! character classes (a Hangul syllable ≈ 1 em, Latin ≈ 0.55 em) and keeps every label inside it.

use super::{Edition, FactRow, escape_xml};
use crate::text::width_em;
use serde::Serialize;

/// A rendered chart of one edition.
#[derive(Clone, Debug, Serialize)]
pub struct ChartView {
    /// Chart id.
    pub id: String,
    /// Title in the edition's language.
    pub title: String,
    /// File name beside the Markdown: `<chart-id>.<lang>.svg`.
    pub file: String,
    /// The SVG document.
    pub svg: String,
}

/// One bar: its label in the edition's language, the value written out, and its length.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Label in the edition's language.
    pub label: String,
    /// The value as the fact sheet writes it.
    pub value: String,
    /// The number the bar's length is drawn from.
    pub magnitude: f64,
}

/// Cut `s` to at most `max_em` wide, with an ellipsis when cut.
fn fit(s: &str, max_em: f64) -> String {
    if width_em(s) <= max_em {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width_em(&out) + width_em(&c.to_string()) > max_em - 1.0 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Draw `rows` as horizontal bars.
pub fn bar_chart(id: &str, title: &str, lang: &str, rows: &[Bar]) -> String {
    const W: f64 = 640.0;
    const FONT: f64 = 13.0;
    const ROW: f64 = 30.0;
    const TOP: f64 = 44.0;
    let label_em = rows.iter().map(|r| width_em(&r.label)).fold(0.0, f64::max).min(28.0);
    let label_w = (label_em * FONT).max(60.0) + 12.0;
    let value_w = rows.iter().map(|r| width_em(&r.value)).fold(0.0, f64::max) * FONT + 12.0;
    let bar_max = (W - label_w - value_w - 16.0).max(80.0);
    let max = rows.iter().map(|r| r.magnitude).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let h = TOP + ROW * rows.len() as f64 + 10.0;
    let desc: Vec<String> = rows.iter().map(|r| format!("{}: {}", r.label, r.value)).collect();
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h}\" width=\"{W}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" lang=\"{lang}\" font-family=\"Pretendard, NanumGothic, 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<rect width=\"{W}\" height=\"{h}\" fill=\"#ffffff\"/>\n<text x=\"0\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#1b1f24\">{}</text>\n",
        escape_xml(title),
        escape_xml(&desc.join("; ")),
        escape_xml(&fit(title, W / 15.0 * 1.1)),
    );
    for (i, Bar { label, value, magnitude }) in rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let bw = (magnitude.max(0.0) / max * bar_max).max(1.0);
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>\n<rect x=\"{label_w:.1}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"18\" rx=\"2\" fill=\"#0b5cad\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"#1b1f24\">{}</text>\n",
            label_w - 8.0,
            y + 14.0,
            escape_xml(&fit(label, 28.0)),
            y + 1.0,
            label_w + bw + 6.0,
            y + 14.0,
            escape_xml(value),
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

/// The edition's charts, from its fact rows; figure references in titles resolved by `refs`.
pub fn charts(
    b: &crate::content::Briefing,
    e: &Edition,
    refs: &crate::content::refs::Resolver,
) -> Vec<ChartView> {
    let lang_index = e.langs.iter().position(|l| *l == e.lang).unwrap_or(0);
    b.charts
        .iter()
        .map(|c| {
            let rows: Vec<Bar> = c
                .facts
                .iter()
                .filter_map(|id| e.facts.iter().find(|f: &&FactRow| f.id == *id))
                .map(|f| Bar {
                    label: f.labels[lang_index].text.clone(),
                    value: f.values[lang_index].text.clone(),
                    magnitude: f.magnitude,
                })
                .collect();
            let title = super::printable(
                c.title.get(&e.lang).unwrap_or_else(|| c.title.get(&e.langs[0]).unwrap_or(&c.id)),
            );
            let title = refs.expand(&title).text();
            ChartView {
                id: c.id.clone(),
                file: format!("{}.{}.svg", c.id, e.lang),
                svg: bar_chart(&c.id, &title, &e.lang, &rows),
                title,
            }
        })
        .collect()
}
