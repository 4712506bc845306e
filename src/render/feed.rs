//! The Atom feed: the newest briefings, one entry per briefing and language, as the view the
//! built-in (and overridable) `feed.xml` template reads.

use super::{head, key_point_texts};
use crate::content::{Briefing, Config};
use serde::Serialize;

/// The feed as `feed.xml` sees it (as `feed`).
#[derive(Clone, Debug, Serialize)]
pub struct FeedView {
    /// The source language (`xml:lang` of the feed).
    pub lang: String,
    /// The publication's address, ending in `/` (also the feed's id).
    pub base: String,
    /// The publication's name in the source language.
    pub title: String,
    /// The newest briefing's date (`YYYY-MM-DD`).
    pub updated: String,
    /// Newest first, every language of each briefing.
    pub entries: Vec<FeedEntry>,
}

/// One briefing in one language.
#[derive(Clone, Debug, Serialize)]
pub struct FeedEntry {
    /// The edition's language.
    pub lang: String,
    /// Absolute address of the HTML edition (also the entry's id).
    pub href: String,
    /// Absolute address of the PDF edition.
    pub pdf: String,
    /// Title in this language.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The publisher in this language.
    pub author: String,
    /// Key points in this language.
    pub summary: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

/// The feed over `briefings` (newest first; the first `feed-limit` of them), with absolute
/// links from `base_url`.
pub fn feed(briefings: &[&Briefing], config: &Config) -> FeedView {
    let base = super::meta::base_url(config).unwrap_or_else(|| "https://example.invalid/".into());
    let updated = briefings.iter().map(|b| b.date.as_str()).max().unwrap_or("1970-01-01");
    let src = config.source_lang();
    let limit = if config.feed_limit == 0 { usize::MAX } else { config.feed_limit };
    let entries = briefings
        .iter()
        .take(limit)
        .flat_map(|b| config.languages.iter().map(|lang| entry(b, lang, &base, config)))
        .collect();
    FeedView {
        lang: src.to_string(),
        title: config.title.get(src).unwrap_or("yoyak").to_string(),
        updated: updated.to_string(),
        base,
        entries,
    }
}

/// The entry of `b` in `lang`.
fn entry(b: &Briefing, lang: &str, base: &str, config: &Config) -> FeedEntry {
    let head = head(b, lang, config);
    FeedEntry {
        lang: lang.to_string(),
        href: format!("{base}{0}/{0}.{lang}.html", b.id),
        pdf: format!("{base}{0}/{0}.{lang}.pdf", b.id),
        title: head.title.text,
        date: b.date.clone(),
        author: head.publisher.text,
        summary: key_point_texts(b, lang, config),
        tags: b.tags.clone(),
    }
}
