//! The listing pages of the published site: the index in pages of `page-size` briefings, a
//! page per tag, year and (in a year longer than a page) month, paginated alike, and the
//! overview of tags and years: which pages there are and the one place that names their
//! files (the views `listing.html` draws are in [`view`]).

pub mod view;

use super::{date_text, ui};
use crate::content::{Briefing, Config};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Which listing a page belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing<'g> {
    /// Every briefing.
    Index,
    /// The briefings carrying a tag.
    Tag(&'g str),
    /// The briefings of a year (`YYYY`).
    Year(&'g str),
    /// The briefings of a month (`YYYY-MM`).
    Month(&'g str),
    /// The overview of tags and years (one page, no briefings).
    Archive,
}

/// The longest tag file name (before `.<n>.<lang>.html`): file systems allow 255 bytes.
const MAX_SLUG: usize = 120;

/// The file-name form of a tag: `a-z`, `0-9` and `-` kept, every other byte of its UTF-8 as
/// `_xx`, so that `AI` and `ai`, `a b` and `a-b` never share a file (not even on a disk that
/// ignores case) and no tag climbs out of `tag/`. A long one is cut and told apart by a
/// hash of the whole tag (`_h…`: never part of a plain slug, where `_` is followed by hex).
pub fn tag_slug(tag: &str) -> String {
    let mut s = String::new();
    for b in tag.bytes() {
        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' {
            s.push(char::from(b));
        } else {
            let _ = write!(s, "_{b:02x}");
        }
    }
    if s.len() > MAX_SLUG {
        let hash = crate::hash::hash_parts([tag.as_bytes()]);
        s.truncate(MAX_SLUG - 18);
        s.push_str("_h");
        s.push_str(&hash[..16]);
    }
    if s.is_empty() { "_".into() } else { s }
}

/// The file name of index page 1 in `lang`: the source language keeps `index.html`.
pub fn index_file(lang: &str, config: &Config) -> String {
    if lang == config.source_lang() { "index.html".into() } else { format!("index.{lang}.html") }
}

impl Listing<'_> {
    /// `index`, `tag`, `year`, `month` or `archive` (what the template switches on).
    pub fn kind(&self) -> &'static str {
        match self {
            Listing::Index => "index",
            Listing::Tag(_) => "tag",
            Listing::Year(_) => "year",
            Listing::Month(_) => "month",
            Listing::Archive => "archive",
        }
    }

    /// The file of page `number` (from 1) of this listing in `lang`, relative to `build/`.
    pub fn path(&self, number: usize, lang: &str, config: &Config) -> String {
        let n = if number > 1 { format!(".{number}") } else { String::new() };
        match self {
            Listing::Index if number <= 1 => index_file(lang, config),
            Listing::Index => format!("page/{number}.{lang}.html"),
            Listing::Tag(t) => format!("tag/{}{n}.{lang}.html", tag_slug(t)),
            Listing::Year(y) | Listing::Month(y) => format!("year/{y}{n}.{lang}.html"),
            Listing::Archive => format!("archive.{lang}.html"),
        }
    }

    /// The page's heading in `lang`.
    fn heading(&self, lang: &str, ui: &ui::Ui, config: &Config) -> String {
        match self {
            Listing::Index => ui.briefings.into(),
            Listing::Tag(t) => format!("{}: {}", ui.tag, super::printable(t)),
            Listing::Year(d) | Listing::Month(d) => date_text(d, lang, config),
            Listing::Archive => ui.archive.into(),
        }
    }
}

/// The published briefings grouped as the listing pages show them, each group newest first.
pub struct Groups<'a> {
    /// Every briefing.
    pub all: Vec<&'a Briefing>,
    /// Per tag.
    pub tags: BTreeMap<&'a str, Vec<&'a Briefing>>,
    /// Per year (`YYYY`).
    pub years: BTreeMap<&'a str, Vec<&'a Briefing>>,
    /// Per month (`YYYY-MM`), only in years with more briefings than fit on a page.
    pub months: BTreeMap<&'a str, Vec<&'a Briefing>>,
    /// Briefings per page.
    pub page_size: usize,
}

impl<'a> Groups<'a> {
    /// Group `all` (newest first) in one pass.
    pub fn new(all: &[&'a Briefing], page_size: usize) -> Self {
        let page_size = page_size.max(1);
        let mut g = Groups {
            all: all.to_vec(),
            tags: BTreeMap::new(),
            years: BTreeMap::new(),
            months: BTreeMap::new(),
            page_size,
        };
        let mut months: BTreeMap<&str, Vec<&Briefing>> = BTreeMap::new();
        for b in all {
            for (i, t) in b.tags.iter().enumerate() {
                // A tag written twice lists the briefing once.
                if !b.tags[..i].contains(t) {
                    g.tags.entry(t.as_str()).or_default().push(b);
                }
            }
            if let (Some(y), Some(m)) = (date_part(&b.date, 4), date_part(&b.date, 7)) {
                g.years.entry(y).or_default().push(b);
                months.entry(m).or_default().push(b);
            }
        }
        g.months = months
            .into_iter()
            .filter(|(m, _)| g.years.get(&m[..4]).is_some_and(|y| y.len() > page_size))
            .collect();
        g
    }

    /// Every page of every listing, the overview last, in a fixed order.
    pub fn pages(&self) -> Vec<Page<'_, 'a>> {
        let mut out = Vec::new();
        let size = self.page_size;
        paginate(&mut out, Listing::Index, &self.all, size);
        for (t, items) in &self.tags {
            paginate(&mut out, Listing::Tag(t), items, size);
        }
        for (y, items) in self.years.iter().rev() {
            paginate(&mut out, Listing::Year(y), items, size);
        }
        for (m, items) in self.months.iter().rev() {
            paginate(&mut out, Listing::Month(m), items, size);
        }
        out.push(Page { listing: Listing::Archive, number: 1, total: 1, count: 0, items: &[] });
        out
    }
}

/// The pages of `listing` over `items`, `size` to a page, added to `out`.
fn paginate<'g, 'a>(
    out: &mut Vec<Page<'g, 'a>>,
    listing: Listing<'g>,
    items: &'g [&'a Briefing],
    size: usize,
) {
    if items.is_empty() {
        // The index of a project with no briefing yet is still a page.
        out.push(Page { listing, number: 1, total: 1, count: 0, items: &[] });
    }
    let total = items.len().div_ceil(size);
    for (i, chunk) in items.chunks(size).enumerate() {
        out.push(Page { listing, number: i + 1, total, count: items.len(), items: chunk });
    }
}

/// The first `len` characters of a `YYYY-MM-DD` date, when they are digits and dashes.
fn date_part(date: &str, len: usize) -> Option<&str> {
    date.get(..len).filter(|p| p.bytes().all(|c| c.is_ascii_digit() || c == b'-'))
}

/// One page of one listing.
#[derive(Clone, Copy, Debug)]
pub struct Page<'g, 'a> {
    /// The listing.
    pub listing: Listing<'g>,
    /// Its number, from 1.
    pub number: usize,
    /// How many pages the listing has.
    pub total: usize,
    /// How many briefings the listing holds.
    pub count: usize,
    /// The briefings on this page, newest first.
    pub items: &'g [&'a Briefing],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_slugs_are_plain_distinct_and_bounded() {
        let tags =
            ["ai", "AI", "a i", "a-i", "a_i", "a.i", "<script>", "../x", "한글 태그", "", "_"];
        let slugs: Vec<String> = tags.iter().map(|t| tag_slug(t)).collect();
        let unique: std::collections::BTreeSet<String> =
            slugs.iter().map(|s| s.to_ascii_lowercase()).collect();
        assert_eq!(unique.len(), tags.len(), "{slugs:?}");
        for s in &slugs {
            assert!(
                s.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"-_".contains(&c)),
                "{s}"
            );
        }
        assert_eq!(tag_slug("ai-policy"), "ai-policy");
        assert_eq!(tag_slug("../x"), "_2e_2e_2fx");
        let long_a = "가".repeat(60);
        let long_b = format!("{}나", "가".repeat(59));
        assert!(tag_slug(&long_a).len() <= MAX_SLUG);
        assert_ne!(tag_slug(&long_a), tag_slug(&long_b));
    }
}
