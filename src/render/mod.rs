//! Stage 3: a validated briefing becomes one [`Edition`] per language, and each edition is
//! rendered as Markdown, HTML and PDF.
//!
//! The edition is the typed hand-off between stages (as mdBook's `RenderContext`): every
//! renderer reads the same values, so the three formats cannot drift apart.

pub mod chart;
pub mod error;
pub mod feed;
#[cfg(feature = "pdf")]
pub mod hwpx;
pub mod listing;
pub mod meta;
pub mod page;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod release;
pub mod search;
pub mod site;
pub mod sitemap;
pub mod templates;
pub mod ui;

pub use error::RenderError;

use crate::content::refs::{Expansion, Piece, Resolver};
use crate::content::{Briefing, Config, Fact, FactValue, Format, Text};
use crate::markdown;
use crate::numbers;
use serde::Serialize;

pub use crate::text::escape_xml;

/// C0 and C1 control characters other than tab and newline: never part of published text
/// (the loader's own rule, so what it refuses is what the renderers strip).
fn is_stripped_control(c: char) -> bool {
    crate::text::is_forbidden_control(c)
}

/// `s` without control characters (other than tab and newline): every text an edition holds
/// passes through here, so none reaches the Markdown, the HTML or the Typst data.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_stripped_control) {
        s.chars().filter(|c| !is_stripped_control(*c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// Text in one language, tagged with that language, or a visible "missing" marker.
#[derive(Clone, Debug, Serialize)]
pub struct Passage {
    /// BCP 47 code of `text`.
    pub lang: String,
    /// The text (plain), or the missing marker.
    pub text: String,
    /// The text as HTML: escaped, each figure from a reference as `<data value="…">`.
    pub html: String,
    /// True when the translation is missing and `text` is the marker.
    pub missing: bool,
}

impl Passage {
    /// A passage of plain text that holds no figure references.
    pub fn plain(lang: &str, text: String) -> Passage {
        Passage { lang: lang.into(), html: escape_xml(&text), text, missing: false }
    }
}

/// A Markdown field prepared for every output.
#[derive(Clone, Debug, Serialize)]
pub struct Rich {
    /// BCP 47 code.
    pub lang: String,
    /// Safe Markdown (for `.md`).
    pub markdown: String,
    /// Sanitised HTML fragment (for `.html`).
    pub html: String,
    /// Block tree (for Typst).
    pub blocks: Vec<markdown::Block>,
    /// True when the translation is missing.
    pub missing: bool,
}

/// A section of the body.
#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    /// Heading.
    pub heading: Passage,
    /// Body.
    pub body: Rich,
}

/// One fact sheet row, with every language side by side.
#[derive(Clone, Debug, Serialize)]
pub struct FactRow {
    /// Fact id (HTML anchors).
    pub id: String,
    /// Label in each configured language, in configured order.
    pub labels: Vec<Passage>,
    /// Value text in each configured language, in configured order.
    pub values: Vec<Passage>,
    /// `as of` in the edition's language, if given.
    pub as_of: Option<String>,
    /// Note in the edition's language.
    pub note: Option<Rich>,
    /// Numeric value for charts (the single value, or the range's upper end).
    pub magnitude: f64,
}

/// A link to one output file.
#[derive(Clone, Debug, Serialize)]
pub struct FileLink {
    /// Language of the file.
    pub lang: String,
    /// `md`, `html`, `pdf` or `hwpx`.
    pub format: String,
    /// Relative href.
    pub href: String,
}

/// Everything one edition (one briefing in one language) shows.
#[derive(Clone, Debug, Serialize)]
pub struct Edition {
    /// The edition's language.
    pub lang: String,
    /// All configured languages, source first.
    pub langs: Vec<String>,
    /// Briefing id.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date written for this language.
    pub date_text: String,
    /// Interface words.
    pub ui: ui::Ui,
    /// Title in this language.
    pub title: Passage,
    /// Title in the other languages.
    pub other_titles: Vec<Passage>,
    /// Publisher in this language.
    pub publisher: Passage,
    /// Original report title.
    pub source_title: Option<Passage>,
    /// Original URL.
    pub source_url: Option<String>,
    /// Lead paragraphs.
    pub lead: Option<Rich>,
    /// Key points.
    pub summary: Vec<Passage>,
    /// Sections.
    pub sections: Vec<SectionView>,
    /// Fact sheet rows.
    pub facts: Vec<FactRow>,
    /// Language names for the fact sheet columns, in configured order.
    pub lang_names: Vec<Passage>,
    /// Tags.
    pub tags: Vec<String>,
    /// The six (or more) output files of this briefing.
    pub files: Vec<FileLink>,
    /// The publication's name in this language.
    pub site_title: String,
    /// Charts, drawn in this language.
    pub charts: Vec<chart::ChartView>,
    /// `briefing` or `press-release`: which page skeleton the templates draw.
    pub layout: &'static str,
    /// What the press-release layout adds; `None` for a briefing.
    pub release: Option<release::ReleaseView>,
    /// The head lines of its HTML page (canonical address, language editions, preview).
    pub meta: meta::PageMeta,
}

impl Edition {
    /// The template that draws this edition as `ext` (`md`, `html`, `typ`): `briefing.<ext>`
    /// or `press-release.<ext>`, by layout. Unknown extensions get the briefing's name.
    pub fn template(&self, ext: &str) -> &'static str {
        let press = self.layout == crate::content::Layout::PressRelease.name();
        match (press, ext) {
            (true, "md") => "press-release.md",
            (true, "html") => "press-release.html",
            (true, "typ") => "press-release.typ",
            (false, "md") => "briefing.md",
            (false, "typ") => "briefing.typ",
            _ => "briefing.html",
        }
    }
}

/// `text` in `lang` as a plain passage, or the missing marker. Figure references are not
/// read (contacts, attachment titles: text that states no figure of the briefing).
fn passage(text: &Text, lang: &str, ui: &ui::Ui) -> Passage {
    match text.get(lang) {
        Some(t) => Passage::plain(lang, printable(t.trim()).into()),
        None => missing(lang, ui),
    }
}

/// The visible marker of a missing translation.
fn missing(lang: &str, ui: &ui::Ui) -> Passage {
    let text = format!("[{}: {lang}]", ui.missing);
    Passage { lang: lang.into(), html: escape_xml(&text), text, missing: true }
}

/// `text` in `lang` as a plain passage with its figure references resolved against `b`'s
/// facts, or the missing marker.
fn passage_refs(text: &Text, lang: &str, ui: &ui::Ui, b: &Briefing, config: &Config) -> Passage {
    let Some(x) = expanded(text, lang, b, config) else { return missing(lang, ui) };
    Passage { lang: lang.into(), text: x.text(), html: expansion_html(&x), missing: false }
}

/// `text` in `lang` with its figure references resolved against `b`'s facts, if it has
/// that language.
fn expanded(text: &Text, lang: &str, b: &Briefing, config: &Config) -> Option<Expansion> {
    let t = text.get(lang)?;
    Some(Resolver::new(b, lang, &config.numbers).expand(printable(t.trim()).as_ref()))
}

/// An expanded text as escaped HTML, each figure as `<data value="…">text</data>`.
fn expansion_html(x: &Expansion) -> String {
    let mut out = String::new();
    for (_, p) in &x.pieces {
        match p {
            Piece::Text(s) | Piece::Broken(s, _) => out.push_str(&escape_xml(s)),
            Piece::Figure(f) => out.push_str(&format!(
                "<data value=\"{}\">{}</data>",
                escape_xml(&f.value),
                escape_xml(&f.text)
            )),
        }
    }
    out
}

/// `text` in `lang` as Markdown rendered for every output, or the missing marker; figure
/// references resolved by `refs`.
fn rich(text: &Text, lang: &str, ui: &ui::Ui, refs: &Resolver) -> Rich {
    match text.get(lang) {
        Some(md) => {
            let md = printable(md);
            let resolve = |e: &numbers::refs::Expr| refs.resolve(e).ok();
            let blocks = markdown::to_blocks_with(&md, &resolve);
            Rich {
                lang: lang.into(),
                markdown: markdown::blocks_to_markdown(&blocks),
                html: markdown::to_html_with(&md, &resolve),
                blocks,
                missing: false,
            }
        }
        None => {
            let marker = format!("[{}: {lang}]", ui.missing);
            Rich {
                lang: lang.into(),
                markdown: markdown::escape_inline(&marker),
                html: format!("<p class=\"missing\">{}</p>", markdown::sanitise_html(&marker)),
                blocks: vec![markdown::Block::P { c: vec![markdown::Inline::Text { s: marker }] }],
                missing: true,
            }
        }
    }
}

/// The text of a fact's value in `lang`: its `display` override, else generated from `value`.
pub fn fact_value_text(fact: &Fact, lang: &str, config: &Config) -> String {
    if let Some(d) = fact.display.as_ref().and_then(|d| d.get(lang)) {
        return printable(d).into();
    }
    match fact.quantity(lang) {
        Some(q) => printable(&numbers::format(&q, lang, &config.numbers)).into(),
        None => String::new(),
    }
}

/// `2024`, `2025-12` or `2026-02-15` written for `lang` by the number engine.
pub fn date_text(date: &str, lang: &str, config: &Config) -> String {
    numbers::format_date(date, lang, &config.numbers)
}

/// The number a chart draws for a fact: its value, or a range's upper end (0 when unreadable).
fn magnitude(fact: &Fact) -> f64 {
    let v = match &fact.value {
        FactValue::Single(v) => v,
        FactValue::Range(_, hi) => hi,
    };
    v.to_string().parse().unwrap_or(0.0)
}

/// The relative links from an edition to every output file of the same briefing (or digest:
/// `stem` is its name), in every language and every format `config` writes.
pub fn file_links(stem: &str, config: &Config) -> Vec<FileLink> {
    let mut out = Vec::new();
    for lang in &config.languages {
        for format in Format::ALL.into_iter().filter(|f| config.writes(*f)) {
            out.push(FileLink {
                lang: lang.clone(),
                format: format.extension().into(),
                href: format!("{stem}.{lang}.{}", format.extension()),
            });
        }
    }
    out
}

/// Build the edition of `b` in `lang`.
pub fn edition(b: &Briefing, lang: &str, config: &Config) -> Edition {
    let mut e = edition_text(b, lang, config);
    e.charts = chart::charts(b, &e, &Resolver::new(b, lang, &config.numbers));
    e
}

/// The few plain fields a listing (index page, feed) shows: no Markdown is rendered, so
/// listing 1,000 briefings costs milliseconds. The key points are not in it: a listing page
/// shows the first line of the first, the feed their text ([`first_key_point`],
/// [`key_point_texts`]).
#[derive(Clone, Debug)]
pub struct Head {
    /// Date written for the language.
    pub date_text: String,
    /// Title in the language.
    pub title: Passage,
    /// Titles in the other languages.
    pub other_titles: Vec<Passage>,
    /// Publisher.
    pub publisher: Passage,
}

/// The [`Head`] of `b` in `lang`.
pub fn head(b: &Briefing, lang: &str, config: &Config) -> Head {
    let ui = ui::ui(lang);
    Head {
        date_text: date_text(&b.date, lang, config),
        title: passage_refs(&b.title, lang, &ui, b, config),
        other_titles: config
            .languages
            .iter()
            .filter(|l| *l != lang)
            .map(|l| passage_refs(&b.title, l, &ui, b, config))
            .collect(),
        publisher: passage(&b.source.publisher, lang, &ui),
    }
}

/// The first key point of `b` in `lang`, if it has one (a listing page's line under the
/// title): the others are not escaped for nothing.
pub fn first_key_point(b: &Briefing, lang: &str, config: &Config) -> Option<Passage> {
    let first = b.summary.first()?;
    Some(passage_refs(first, lang, &ui::ui(lang), b, config))
}

/// The key points of `b` in `lang` as plain text (the feed), a missing translation as its
/// marker.
pub fn key_point_texts(b: &Briefing, lang: &str, config: &Config) -> Vec<String> {
    let ui = ui::ui(lang);
    let text = |t: &Text| {
        expanded(t, lang, b, config).map_or_else(|| missing(lang, &ui).text, |x| x.text())
    };
    b.summary.iter().map(text).collect()
}

/// The edition without charts.
fn edition_text(b: &Briefing, lang: &str, config: &Config) -> Edition {
    let ui = ui::ui(lang);
    let langs = config.languages.clone();
    let refs = Resolver::new(b, lang, &config.numbers);
    let facts = b
        .facts
        .iter()
        .map(|f| FactRow {
            id: f.id.clone(),
            labels: langs.iter().map(|l| passage_refs(&f.label, l, &ui, b, config)).collect(),
            values: langs
                .iter()
                .map(|l| Passage::plain(l, fact_value_text(f, l, config)))
                .collect(),
            as_of: f.as_of.as_deref().map(|a| date_text(a, lang, config)),
            note: f.note.as_ref().map(|n| rich(n, lang, &ui, &refs)),
            magnitude: magnitude(f),
        })
        .collect();
    let title = passage_refs(&b.title, lang, &ui, b, config);
    let summary: Vec<Passage> =
        b.summary.iter().map(|t| passage_refs(t, lang, &ui, b, config)).collect();
    let meta = meta::page_meta(
        meta::PageText {
            lang,
            title: title.text.clone(),
            description: summary.first().map(|p| p.text.clone()).unwrap_or_default(),
            og_type: "article",
            paths: langs.iter().map(|l| (l.clone(), format!("{0}/{0}.{l}.html", b.id))).collect(),
        },
        config,
    );
    Edition {
        meta,
        lang: lang.into(),
        langs: langs.clone(),
        id: b.id.clone(),
        date: b.date.clone(),
        date_text: date_text(&b.date, lang, config),
        title,
        other_titles: langs
            .iter()
            .filter(|l| *l != lang)
            .map(|l| passage_refs(&b.title, l, &ui, b, config))
            .collect(),
        publisher: passage(&b.source.publisher, lang, &ui),
        source_title: b.source.title.as_ref().map(|t| passage(t, lang, &ui)),
        source_url: b.source.url.clone(),
        lead: b.lead.as_ref().map(|t| rich(t, lang, &ui, &refs)),
        summary,
        sections: b
            .sections
            .iter()
            .map(|s| SectionView {
                heading: passage_refs(&s.heading, lang, &ui, b, config),
                body: rich(&s.body, lang, &ui, &refs),
            })
            .collect(),
        facts,
        lang_names: langs
            .iter()
            .map(|l| {
                let name = ui::ui(l).language_name;
                Passage::plain(l, if name.is_empty() { l.clone() } else { name.into() })
            })
            .collect(),
        tags: b.tags.clone(),
        files: file_links(&b.id, config),
        site_title: printable(
            config.title.get(lang).or_else(|| config.title.get("en")).unwrap_or("yoyak"),
        )
        .into(),
        layout: b.layout.name(),
        release: release::release_view(b, lang, &ui),
        ui,
        charts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text in English only.
    fn en(s: &str) -> Text {
        Text([("en".to_string(), s.to_string())].into_iter().collect())
    }

    /// Whether `s` holds a control character other than tab and newline.
    fn has_control(s: &str) -> bool {
        s.chars().any(is_stripped_control)
    }

    #[test]
    fn control_characters_never_leave_the_renderers() {
        let ui = ui::ui("en");
        // NUL (YAML "\0"), ESC, DEL, NEL (C1), CSI (C1), CR.
        let nasty = "a\0b\u{1b}[31mc\u{7f}d\u{85}e\u{9b}f\tg\r\nh";
        let p = passage(&en(nasty), "en", &ui);
        assert_eq!(p.text, "ab[31mcdef\tg\nh");
        let md = format!(
            "# {nasty}\n\n| {nasty} |\n|---|\n| `{nasty}` |\n\n{nasty}\n\n```\n{nasty}\n```"
        );
        let b: Briefing = serde_json::from_str(
            r#"{"date":"2026-01-01","source":{"publisher":{"en":"p"}},"title":{"en":"t"},"summary":[]}"#,
        )
        .unwrap();
        let style = Default::default();
        let r = rich(&en(&md), "en", &ui, &Resolver::new(&b, "en", &style));
        let json = serde_json::to_string(&(&p, &r)).unwrap();
        for out in [&p.text, &r.markdown, &r.html, &json] {
            assert!(!has_control(out), "{out:?}");
        }
        // serde_json writes control characters as \u00XX escapes.
        assert!(!json.contains("\\u00"), "{json}");
        assert!(r.html.contains("ab[31mcdef"), "{}", r.html);
    }

    #[test]
    fn escapers_drop_control_characters() {
        assert_eq!(escape_xml("a\0b\u{85}c\u{7f}d\te\nf"), "abcd\te\nf");
        assert_eq!(markdown::escape_inline("a\0b\u{85}c"), "abc");
        assert_eq!(printable("plain"), "plain");
    }
}
