//! The views `listing.html` draws (as `page`): one listing page in one language, with every
//! link relative to the page.

use super::{Groups, Listing, Page, index_file};
use crate::content::{Briefing, Config};
use crate::render::meta::{self, PageMeta, PageText, relative};
use crate::render::site::DigestListing;
use crate::render::{FileLink, Passage, date_text, file_links, first_key_point, head, ui};
use serde::Serialize;

/// A link with a name and how many briefings lie behind it (tags, years, months).
#[derive(Clone, Debug, Serialize)]
pub struct Facet {
    /// The tag, `YYYY` or `YYYY-MM`.
    pub name: String,
    /// How it reads in the page's language (`2026년 3월`).
    pub label: String,
    /// Link, relative to the page.
    pub href: String,
    /// Briefings.
    pub count: usize,
    /// `ko` for a tag with Hangul on a page in another language (screen readers switch voice).
    pub lang: Option<&'static str>,
}

/// A year on the overview, with its months when they have pages.
#[derive(Clone, Debug, Serialize)]
pub struct YearFacet {
    /// The year.
    pub year: Facet,
    /// Its months with pages, newest first.
    pub months: Vec<Facet>,
}

/// A title in another language, linked to that edition.
#[derive(Clone, Debug, Serialize)]
pub struct OtherTitle {
    /// The title.
    pub title: Passage,
    /// Link to the edition in its language, relative to the page.
    pub href: String,
}

/// A briefing on a listing page.
#[derive(Clone, Debug, Serialize)]
pub struct ListItem {
    /// Id (folder name).
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Date written for the page's language.
    pub date_text: String,
    /// Link to the HTML edition in the page's language, relative to the page.
    pub href: String,
    /// Title in the page's language.
    pub title: Passage,
    /// Titles in the other languages.
    pub other_titles: Vec<OtherTitle>,
    /// Publisher.
    pub publisher: Passage,
    /// Tags, linked to their pages.
    pub tags: Vec<Facet>,
    /// The first line of the first key point.
    pub point: Option<Passage>,
    /// Every file of the briefing, relative to the page.
    pub files: Vec<FileLink>,
}

/// A digest on index page 1.
#[derive(Clone, Debug, Serialize)]
pub struct IndexDigest {
    /// Title in the page's language.
    pub title: String,
    /// Period.
    pub period: String,
    /// Number of briefings.
    pub count: usize,
    /// The same, written for the language.
    pub count_text: String,
    /// Link to its HTML edition in the page's language (empty when HTML is not written).
    pub href: String,
    /// Every file, relative to the page.
    pub files: Vec<FileLink>,
}

/// The same page in another language.
#[derive(Clone, Debug, Serialize)]
pub struct LangLink {
    /// Language code.
    pub lang: String,
    /// Its own name for itself.
    pub name: String,
    /// Link, relative to the page.
    pub href: String,
    /// Whether this is the page being shown.
    pub current: bool,
}

/// A numbered page link.
#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    /// The page number.
    pub number: usize,
    /// Link, relative to the page.
    pub href: String,
    /// Whether this is the page being shown.
    pub current: bool,
    /// Whether pages were left out before this one (an ellipsis goes there).
    pub gap_before: bool,
}

/// Where a page stands in its listing.
#[derive(Clone, Debug, Serialize)]
pub struct Paging {
    /// This page's number, from 1.
    pub number: usize,
    /// Pages in the listing.
    pub total: usize,
    /// "2/5쪽", "Page 2 of 5".
    pub label: String,
    /// The previous page, if any.
    pub prev: Option<String>,
    /// The next page, if any.
    pub next: Option<String>,
    /// The first, the last and the two either side of this one (never all: a listing of
    /// 500 pages would make every page list 500 links).
    pub pages: Vec<PageLink>,
}

/// Links every listing page carries, relative to it.
#[derive(Clone, Debug, Serialize)]
pub struct Nav {
    /// Index page 1.
    pub index: String,
    /// The overview of tags and years.
    pub archive: String,
    /// The Atom feed.
    pub feed: String,
}

/// One listing page in one language, as `listing.html` sees it (as `page`).
#[derive(Clone, Debug, Serialize)]
pub struct ListingView {
    /// Language.
    pub lang: String,
    /// `index`, `tag`, `year`, `month` or `archive`.
    pub kind: &'static str,
    /// The tag, `YYYY` or `YYYY-MM` of the listing (empty for the index and overview).
    pub key: String,
    /// `ko` for a tag with Hangul on a page in another language.
    pub key_lang: Option<&'static str>,
    /// The page's heading (`브리핑`, `태그: ai-policy`, `2026년 3월`).
    pub heading: String,
    /// The `<title>`: heading, page, publication.
    pub title: String,
    /// Publication name.
    pub site_title: String,
    /// Briefings in the whole listing.
    pub count: usize,
    /// The same, written for the language ("브리핑 12건", "12 briefings").
    pub count_text: String,
    /// Interface words.
    pub ui: ui::Ui,
    /// The same page in every language.
    pub languages: Vec<LangLink>,
    /// Briefings on this page, newest first.
    pub items: Vec<ListItem>,
    /// Page links.
    pub paging: Paging,
    /// Digests (index page 1 only).
    pub digests: Vec<IndexDigest>,
    /// Every tag (overview only).
    pub tags: Vec<Facet>,
    /// Every year, newest first (overview only).
    pub years: Vec<YearFacet>,
    /// Links to the index, the overview and the feed.
    pub nav: Nav,
    /// The site's root, relative to the page (`""`, `"../"`): where the search box finds the
    /// search page and its script.
    pub root: String,
    /// The head lines.
    pub meta: PageMeta,
}

/// "브리핑 12건", "12 briefings": how many briefings, in `lang`.
pub fn count_text(lang: &str, n: usize) -> String {
    match lang {
        "ko" => format!("브리핑 {n}건"),
        "ja" => format!("ブリーフィング {n}件"),
        "zh" => format!("简报 {n} 篇"),
        _ if n == 1 => "1 briefing".into(),
        _ => format!("{n} briefings"),
    }
}

/// "2/5쪽", "Page 2 of 5": where a page stands, in `lang`.
fn page_label(lang: &str, ui: &ui::Ui, number: usize, total: usize) -> String {
    match lang {
        "ko" | "ja" | "zh" => format!("{number}/{total}{}", ui.page),
        _ => format!("{} {number} of {total}", ui.page),
    }
}

/// The page links of page `number` of `total`, at `path_of(n)`, relative to `here`.
fn paging(
    number: usize,
    total: usize,
    label: String,
    here: &str,
    path_of: &dyn Fn(usize) -> String,
) -> Paging {
    let link = |n: usize| relative(here, &path_of(n));
    let mut pages = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(number) <= 2 {
            pages.push(PageLink {
                number: n,
                href: link(n),
                current: n == number,
                gap_before: n > last + 1,
            });
            last = n;
        }
    }
    Paging {
        number,
        total,
        label,
        prev: (number > 1).then(|| link(number - 1)),
        next: (number < total).then(|| link(number + 1)),
        pages,
    }
}

/// Page `page` of a listing in `lang`, without its briefings, digests or overview.
fn frame(page: &Page, lang: &str, config: &Config) -> ListingView {
    let ui = ui::ui(lang);
    let here = page.listing.path(page.number, lang, config);
    let site_title: String =
        crate::render::printable(config.title.get(lang).unwrap_or("yoyak")).into();
    let heading = page.listing.heading(lang, &ui, config);
    let label = page_label(lang, &ui, page.number, page.total);
    let title = match page.total {
        1 => format!("{heading} · {site_title}"),
        _ => format!("{heading} ({label}) · {site_title}"),
    };
    let paths: Vec<(String, String)> = config
        .languages
        .iter()
        .map(|l| (l.clone(), page.listing.path(page.number, l, config)))
        .collect();
    let count = count_text(lang, page.count);
    let description = match page.listing {
        Listing::Archive => format!("{site_title} — {}", ui.archive),
        Listing::Index => format!("{site_title} — {count}"),
        _ => format!("{site_title} — {heading} ({count})"),
    };
    let meta = meta::page_meta(
        PageText {
            lang,
            title: title.clone(),
            description,
            og_type: "website",
            paths: paths.clone(),
        },
        config,
    );
    let languages = paths
        .iter()
        .map(|(l, p)| LangLink {
            lang: l.clone(),
            name: match ui::ui(l).language_name {
                "" => l.clone(),
                n => n.to_string(),
            },
            href: relative(&here, p),
            current: l == lang,
        })
        .collect();
    let path_of = |n: usize| page.listing.path(n, lang, config);
    ListingView {
        lang: lang.into(),
        kind: page.listing.kind(),
        key_lang: match page.listing {
            Listing::Tag(k) => korean_in(k, lang),
            _ => None,
        },
        key: match page.listing {
            Listing::Tag(k) | Listing::Year(k) | Listing::Month(k) => {
                crate::render::printable(k).into()
            }
            Listing::Index | Listing::Archive => String::new(),
        },
        paging: paging(page.number, page.total, label, &here, &path_of),
        root: relative(&here, ""),
        nav: Nav {
            index: relative(&here, &index_file(lang, config)),
            archive: relative(&here, &Listing::Archive.path(1, lang, config)),
            feed: relative(&here, "feed.xml"),
        },
        heading,
        title,
        site_title,
        count: page.count,
        count_text: count,
        ui,
        languages,
        items: Vec::new(),
        digests: Vec::new(),
        tags: Vec::new(),
        years: Vec::new(),
        meta,
    }
}

/// A tag, year or month as a link from the page at `here`.
fn facet(listing: Listing, count: usize, here: &str, lang: &str, config: &Config) -> Facet {
    let name = match listing {
        Listing::Tag(k) | Listing::Year(k) | Listing::Month(k) => k,
        Listing::Index | Listing::Archive => "",
    };
    let label = match listing {
        Listing::Year(d) | Listing::Month(d) => date_text(d, lang, config),
        _ => crate::render::printable(name).into(),
    };
    let href = relative(here, &listing.path(1, lang, config));
    let name: String = crate::render::printable(name).into();
    Facet { lang: korean_in(&name, lang), name, label, href, count }
}

/// `Some("ko")` when `text` holds Hangul and the page's language `lang` is not Korean.
fn korean_in(text: &str, lang: &str) -> Option<&'static str> {
    (lang != "ko" && text.chars().any(crate::text::is_hangul)).then_some("ko")
}

/// Briefing `b` on the page at `here` in `lang`.
fn item(b: &Briefing, here: &str, lang: &str, config: &Config) -> ListItem {
    let h = head(b, lang, config);
    let edition = |l: &str| relative(here, &format!("{0}/{0}.{l}.html", b.id));
    ListItem {
        id: b.id.clone(),
        date: b.date.clone(),
        date_text: h.date_text,
        href: edition(lang),
        other_titles: h
            .other_titles
            .into_iter()
            .map(|t| OtherTitle { href: edition(&t.lang), title: t })
            .collect(),
        title: h.title,
        publisher: h.publisher,
        tags: b.tags.iter().map(|t| facet(Listing::Tag(t), 0, here, lang, config)).collect(),
        point: first_key_point(b, lang, config)
            .map(|p| Passage { text: meta::first_line(&p.text), ..p }),
        files: file_links(&b.id, config)
            .into_iter()
            .map(|f| FileLink { href: relative(here, &format!("{}/{}", b.id, f.href)), ..f })
            .collect(),
    }
}

/// Page `page` in `lang`: its briefings, and on index page 1 the digests (`digests`: every
/// digest in `lang`).
pub fn listing_view(
    page: &Page,
    digests: &[DigestListing],
    lang: &str,
    config: &Config,
) -> ListingView {
    let mut view = frame(page, lang, config);
    let here = page.listing.path(page.number, lang, config);
    view.items = page.items.iter().map(|b| item(b, &here, lang, config)).collect();
    if page.listing == Listing::Index && page.number == 1 {
        view.digests = index_digests(digests, &here, lang);
    }
    view
}

/// The overview of every tag and year in `lang`.
pub fn archive_view(groups: &Groups, lang: &str, config: &Config) -> ListingView {
    let page = Page {
        listing: Listing::Archive,
        number: 1,
        total: 1,
        count: groups.all.len(),
        items: &[],
    };
    let mut view = frame(&page, lang, config);
    let here = Listing::Archive.path(1, lang, config);
    let f = |l: Listing, n: usize| facet(l, n, &here, lang, config);
    view.tags = groups.tags.iter().map(|(t, bs)| f(Listing::Tag(t), bs.len())).collect();
    view.years = groups
        .years
        .iter()
        .rev()
        .map(|(y, bs)| YearFacet {
            year: f(Listing::Year(y), bs.len()),
            months: groups
                .months
                .iter()
                .rev()
                .filter(|(m, _)| m.get(..4) == Some(*y))
                .map(|(m, bs)| f(Listing::Month(m), bs.len()))
                .collect(),
        })
        .collect();
    view
}

/// Every digest (`digests`, in `lang`) as index page 1 (at `here`) lists it: what the page
/// shows of them, and so what its hash reads.
pub fn index_digests(digests: &[DigestListing], here: &str, lang: &str) -> Vec<IndexDigest> {
    digests.iter().map(|d| index_digest(d, here, lang)).collect()
}

/// Digest `d` as index page 1 (at `here`) lists it.
fn index_digest(d: &DigestListing, here: &str, lang: &str) -> IndexDigest {
    let files: Vec<FileLink> = d
        .files
        .iter()
        .map(|f| FileLink { href: relative(here, &format!("digest/{}", f.href)), ..f.clone() })
        .collect();
    let href = files
        .iter()
        .find(|f| f.lang == lang && f.format == "html")
        .map(|f| f.href.clone())
        .unwrap_or_default();
    IndexDigest {
        title: d.title.clone(),
        period: d.period.clone(),
        count: d.count,
        count_text: count_text(lang, d.count),
        href,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::listing::Groups;

    /// `n` briefings a day apart from 2024-01-01, each with two of five tags.
    fn briefings(n: usize) -> Vec<Briefing> {
        (0..n)
            .map(|i| {
                let date = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(i as i64);
                serde_json::from_value(serde_json::json!({
                    "id": format!("b{i:05}"),
                    "date": date.to_string(),
                    "source": {"publisher": {"ko": "기관", "en": "Agency"}},
                    "title": {"ko": format!("제목 {i}"), "en": format!("Title {i}")},
                    "summary": [{"ko": "요점", "en": "Point"}],
                    "tags": [format!("t{}", i % 5), format!("t{}", (i + 2) % 5)],
                }))
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn listing_work_grows_with_the_briefings_not_with_pages_times_briefings() {
        let config = Config::default();
        for (n, size) in [(1000, 50), (1000, 2), (2000, 2)] {
            let bs = briefings(n);
            let mut all: Vec<&Briefing> = bs.iter().collect();
            crate::render::site::sort_newest_first(&mut all);
            let groups = Groups::new(&all, size);
            let pages = groups.pages();
            // Each briefing is on one index page, its two tags' pages, its year's page and at
            // most one month's page: five appearances, however many pages there are.
            let shown: usize = pages.iter().map(|p| p.items.len()).sum();
            assert!(shown <= 5 * n, "{shown} items for {n} briefings");
            assert!(pages.iter().all(|p| p.items.len() <= size));
            let view = listing_view(&pages[pages.len() / 2], &[], "ko", &config);
            assert!(view.paging.pages.len() <= 7, "a bounded page list");
            assert!(view.items.len() <= size);
        }
    }

    #[test]
    fn page_links_show_a_window_around_the_current_page() {
        let p = paging(7, 20, String::new(), "page/7.en.html", &|n| format!("page/{n}.en.html"));
        let numbers: Vec<(usize, bool)> =
            p.pages.iter().map(|l| (l.number, l.gap_before)).collect();
        assert_eq!(
            numbers,
            [(1, false), (5, true), (6, false), (7, false), (8, false), (9, false), (20, true)]
        );
        assert_eq!(p.prev.as_deref(), Some("../page/6.en.html"));
        let first = paging(1, 1, String::new(), "index.html", &|_| "index.html".into());
        assert_eq!((first.prev, first.next, first.pages.len()), (None, None, 1));
    }
}
