//! What gathers many briefings: digests and their selection (the listing pages are in
//! [`super::listing`], the feed in [`super::feed`]).

use super::{Edition, FactRow, Passage, date_text, edition, ui};
use crate::content::{Briefing, Config, DigestSpec, Text};
use jiff::civil::Date;
use serde::Serialize;

/// Which briefings a digest gathers: dates inclusive, any of the tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// First date included (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Last date included.
    pub until: Option<String>,
    /// Only briefings carrying at least one of these tags (all when empty).
    pub tags: Vec<String>,
}

impl Selection {
    /// The selection a named digest in `yoyak.yaml` describes.
    pub fn from_spec(spec: &DigestSpec) -> Self {
        Selection { since: spec.since.clone(), until: spec.until.clone(), tags: spec.tags.clone() }
    }

    /// Whether `b` belongs in the digest.
    pub fn includes(&self, b: &Briefing) -> bool {
        // ISO dates compare correctly as strings.
        self.since.as_ref().is_none_or(|s| b.date.as_str() >= s.as_str())
            && self.until.as_ref().is_none_or(|u| b.date.as_str() <= u.as_str())
            && (self.tags.is_empty() || b.tags.iter().any(|t| self.tags.contains(t)))
    }

    /// Whether nothing was asked for (no dates, no tags).
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none() && self.tags.is_empty()
    }

    /// The default digest when nothing was asked for: the 30 days up to the newest briefing.
    /// A digest of every report ever published is no digest (and a 1,000-report PDF).
    pub fn recent(newest: &str) -> Self {
        let since = crate::content::parse_date(newest)
            .and_then(|(y, m, d)| civil(y, m, d))
            .and_then(|date| date.checked_sub(jiff::Span::new().days(DEFAULT_WINDOW_DAYS - 1)).ok())
            .map(|date| {
                let (y, m, d) = ymd(date);
                format!("{y:04}-{m:02}-{d:02}")
            });
        Selection { since, until: None, tags: Vec::new() }
    }

    /// The selected briefings, newest first (ties by id).
    pub fn pick<'a>(&self, briefings: &[&'a Briefing]) -> Vec<&'a Briefing> {
        let mut out: Vec<&Briefing> =
            briefings.iter().copied().filter(|b| self.includes(b)).collect();
        sort_newest_first(&mut out);
        out
    }
}

/// Days the default digest covers.
pub const DEFAULT_WINDOW_DAYS: i64 = 30;

/// 1970-01-01: day zero of [`days_from_civil`] and [`civil_from_days`].
const EPOCH: Date = Date::constant(1970, 1, 1);

/// The date (year, month, day), when it exists within jiff's years −9999 to 9999.
pub fn civil(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// (year, month, day) → days since 1970-01-01 (proleptic Gregorian); 0 for a date that
/// does not exist.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    civil(y, m, d).map_or(0, |date| date.duration_since(EPOCH).as_secs().div_euclid(86_400))
}

/// The day `days` days after 1970-01-01, when it lies within the years −9999 to 9999.
pub fn epoch_day(days: i64) -> Option<Date> {
    EPOCH.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
}

/// Days since 1970-01-01 → (year, month, day), held within the years −9999 to 9999.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let date = epoch_day(days).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX });
    ymd(date)
}

/// A jiff date as (year, month, day).
pub fn ymd(date: Date) -> (i32, u8, u8) {
    // jiff's months (1–12) and days (1–31) are never negative.
    (i32::from(date.year()), date.month().unsigned_abs(), date.day().unsigned_abs())
}

/// Newest first; ties by id so the order never depends on the file system.
pub fn sort_newest_first(bs: &mut [&Briefing]) {
    bs.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
}

/// One briefing inside a digest.
#[derive(Clone, Debug, Serialize)]
pub struct DigestEntry {
    /// Briefing id (also the anchor).
    pub id: String,
    /// Date written for the digest's language.
    pub date_text: String,
    /// Title in the digest's language.
    pub title: Passage,
    /// Titles in the other languages.
    pub other_titles: Vec<Passage>,
    /// Publisher.
    pub publisher: Passage,
    /// Key points.
    pub summary: Vec<Passage>,
    /// The first facts of the fact sheet.
    pub top_facts: Vec<FactRow>,
    /// Link to the briefing's HTML edition, relative to `build/digest/`.
    pub href: String,
}

/// A fact in the combined sheet, with the briefing it comes from.
#[derive(Clone, Debug, Serialize)]
pub struct DigestFact {
    /// The briefing's id (links to its entry).
    pub briefing: String,
    /// The briefing's title in the digest's language.
    pub briefing_title: String,
    /// The published address of the briefing's HTML edition, when `base_url` is set.
    pub briefing_url: Option<String>,
    /// The row itself.
    pub row: FactRow,
}

/// A digest in one language.
#[derive(Clone, Debug, Serialize)]
pub struct DigestView {
    /// Language.
    pub lang: String,
    /// All configured languages.
    pub langs: Vec<String>,
    /// Digest name (`digest`, `weekly` …).
    pub name: String,
    /// Title in this language.
    pub title: String,
    /// The period covered, written for this language.
    pub period: String,
    /// Interface words.
    pub ui: ui::Ui,
    /// Language names for fact-sheet columns.
    pub lang_names: Vec<Passage>,
    /// Briefings, newest first.
    pub entries: Vec<DigestEntry>,
    /// Every fact of every briefing.
    pub facts: Vec<DigestFact>,
    /// Publication name.
    pub site_title: String,
    /// Files of this digest in every language and format.
    pub files: Vec<super::FileLink>,
    /// The head lines of its HTML page.
    pub meta: super::meta::PageMeta,
}

/// A digest to build: its name, title and selection.
pub struct DigestPlan<'a> {
    /// Its name (`digest`, `weekly` …): the file names under `digest/`.
    pub name: String,
    /// Its title from `yoyak.yaml`, if it has one.
    pub title: Option<&'a Text>,
    /// Which briefings it gathers.
    pub selection: Selection,
}

/// What index page 1 lists of a digest in one language.
#[derive(Clone, Debug)]
pub struct DigestListing {
    /// Title in this language.
    pub title: String,
    /// The period covered, written for this language.
    pub period: String,
    /// How many briefings it gathers.
    pub count: usize,
    /// Its files in every language and format.
    pub files: Vec<super::FileLink>,
}

impl DigestView {
    /// What index page 1 lists of this digest (the rest of the view is dropped).
    pub fn into_listing(self) -> DigestListing {
        let count = self.entries.len();
        DigestListing { title: self.title, period: self.period, count, files: self.files }
    }
}

/// What index page 1 lists of digest `name` in `lang` (see [`digest`]), without the editions
/// of its briefings that its view is made of: a digest left as it was is listed, not drawn.
pub fn digest_listing(
    plan: &DigestPlan,
    picked: &[&Briefing],
    lang: &str,
    config: &Config,
) -> DigestListing {
    DigestListing {
        title: digest_title(plan.title, lang, config),
        period: period(&plan.selection, picked, lang, config),
        count: picked.len(),
        files: super::file_links(&plan.name, config),
    }
}

/// The publication's name in `lang`.
fn site_title(lang: &str, config: &Config) -> String {
    super::printable(config.title.get(lang).unwrap_or("yoyak")).into()
}

/// A digest's title in `lang`: its own, else the publication's name and "Digests".
fn digest_title(title: Option<&Text>, lang: &str, config: &Config) -> String {
    let own = title.and_then(|t| t.get(lang)).map(|t| super::printable(t).into_owned());
    own.unwrap_or_else(|| format!("{} · {}", site_title(lang, config), ui::ui(lang).digests))
}

/// How many facts of each briefing the digest shows beside its key points.
const TOP_FACTS: usize = 3;

/// The period a digest covers, written for `lang`: its selection's dates, else those of the
/// briefings it picked.
fn period(sel: &Selection, picked: &[&Briefing], lang: &str, config: &Config) -> String {
    let first = sel.since.clone().or_else(|| picked.last().map(|b| b.date.clone()));
    let last = sel.until.clone().or_else(|| picked.first().map(|b| b.date.clone()));
    match (first, last) {
        (Some(a), Some(b)) if a == b => date_text(&a, lang, config),
        (Some(a), Some(b)) => {
            format!("{} – {}", date_text(&a, lang, config), date_text(&b, lang, config))
        }
        _ => String::new(),
    }
}

/// The digest of `plan` over `picked` (already selected and sorted) in `lang`.
pub fn digest(plan: &DigestPlan, picked: &[&Briefing], lang: &str, config: &Config) -> DigestView {
    let name = plan.name.as_str();
    let ui = ui::ui(lang);
    let editions: Vec<Edition> = picked.iter().map(|b| edition(b, lang, config)).collect();
    let base = super::meta::base_url(config);
    let entries = editions
        .iter()
        .map(|e| DigestEntry {
            id: e.id.clone(),
            date_text: e.date_text.clone(),
            title: e.title.clone(),
            other_titles: e.other_titles.clone(),
            publisher: e.publisher.clone(),
            summary: e.summary.clone(),
            top_facts: e.facts.iter().take(TOP_FACTS).cloned().collect(),
            href: format!("../{0}/{0}.{lang}.html", e.id),
        })
        .collect();
    let facts = editions
        .iter()
        .flat_map(|e| {
            e.facts.iter().map(|row| DigestFact {
                briefing: e.id.clone(),
                briefing_title: e.title.text.clone(),
                briefing_url: base.as_ref().map(|b| format!("{b}{0}/{0}.{lang}.html", e.id)),
                row: row.clone(),
            })
        })
        .collect();
    let site = site_title(lang, config);
    // What index page 1 lists of it is part of the view: one place computes it.
    let DigestListing { title, period, files, .. } = digest_listing(plan, picked, lang, config);
    let meta = super::meta::page_meta(
        super::meta::PageText {
            lang,
            title: title.clone(),
            description: format!("{}: {period}", ui.period),
            og_type: "website",
            paths: config
                .languages
                .iter()
                .map(|l| (l.clone(), format!("digest/{name}.{l}.html")))
                .collect(),
        },
        config,
    );
    DigestView {
        meta,
        lang: lang.into(),
        langs: config.languages.clone(),
        name: name.into(),
        title,
        period,
        lang_names: editions.first().map(|e| e.lang_names.clone()).unwrap_or_default(),
        ui,
        entries,
        facts,
        site_title: site,
        files,
    }
}
