//! The published site as a reader browses it: the index in pages, tag, year and month pages,
//! the overview, `sitemap.xml`, and the head lines every HTML page carries.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use yoyak::build::{BuildOptions, build};
use yoyak::render::listing::tag_slug;

/// The five briefings of the `digest` fixture, newest first (all in March 2026).
const NEWEST_FIRST: [&str; 5] = [
    "kotra-us-ai-chip-market",
    "nia-public-ai-datacenters",
    "kisdi-genai-work-survey",
    "kdi-chip-exports",
    "msit-ai-budget-2026",
];

const BASE: &str = "https://briefings.example.org/";

/// The `digest` fixture with `page-size: <size>`, HTML only (no PDF: these tests are about
/// pages).
fn project(size: usize) -> tempfile::TempDir {
    let p = fixture("digest");
    let config = p.path().join("yoyak.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("page-size: {size}\nformats: [html]\n{text}")).unwrap();
    p
}

/// Build and insist on a clean build.
fn build_clean(root: &Path) -> yoyak::build::BuildReport {
    let r = build_project(root);
    assert!(!r.has_errors(), "{:?} {:?}", r.failed, r.diagnostics);
    r
}

fn read(p: &Path, rel: &str) -> String {
    std::fs::read_to_string(p.join("build").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Replace the `tags:` line of the content file whose name contains `file`.
fn set_tags(root: &Path, file: &str, tags: &str) {
    let dir = root.join("content");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(file))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().find(|l| l.starts_with("tags:")).unwrap();
    std::fs::write(&path, text.replace(line, &format!("tags: {tags}"))).unwrap();
}

/// The value of attribute `key` of element `el`.
fn attr<'a>(el: &'a (String, Vec<(String, String)>), key: &str) -> Option<&'a str> {
    el.1.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Briefing ids listed on a listing page, in order (the title links).
fn listed(html: &str) -> Vec<String> {
    html.split("<p class=\"title\"><a href=\"")
        .skip(1)
        .filter_map(|s| {
            let href = &s[..s.find('"').unwrap()];
            let file = href.rsplit('/').next().unwrap();
            let id = file.split('.').next().unwrap();
            // Digests (index page 1) live under `digest/`, briefings under their id.
            let briefing = href.contains(&format!("{id}/{id}.")) && !href.contains("digest/");
            briefing.then(|| id.to_string())
        })
        .collect()
}

/// Whether `f` (relative to `build/`) is a search page: no content of its own, so neither a
/// listing page nor in the sitemap.
fn is_search_page(f: &Path) -> bool {
    f.to_string_lossy().starts_with("search.")
}

/// The listing pages (every HTML file that is no briefing, digest or search page), relative
/// to `build/`.
fn listing_pages(root: &Path) -> Vec<PathBuf> {
    list_files(&root.join("build"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html") && !is_search_page(f))
        .filter(|f| {
            let first = f.iter().next().unwrap().to_string_lossy().into_owned();
            f.components().count() == 1 || ["page", "tag", "year"].contains(&first.as_str())
        })
        .collect()
}

/// Every page's relative links lead to a file that exists.
fn assert_links_resolve(root: &Path, page: &Path, html: &str) {
    for el in html_elements(html).iter().filter(|e| e.0 == "a" || e.0 == "link") {
        let Some(href) = attr(el, "href") else { continue };
        if href.starts_with("https://") || href.starts_with('#') || href.starts_with("data:") {
            continue;
        }
        let target = root.join("build").join(page.parent().unwrap()).join(href);
        assert!(target.is_file(), "{}: {href} leads nowhere", page.display());
    }
}

#[test]
fn the_index_is_paginated_newest_first_with_prev_and_next() {
    let p = project(2);
    let r = build_clean(p.path());
    for (lang, first) in [("ko", "index.html"), ("en", "index.en.html")] {
        let pages =
            [first.to_string(), format!("page/2.{lang}.html"), format!("page/3.{lang}.html")];
        let ids: Vec<Vec<String>> = pages.iter().map(|f| listed(&read(p.path(), f))).collect();
        assert_eq!(ids, [&NEWEST_FIRST[..2], &NEWEST_FIRST[2..4], &NEWEST_FIRST[4..]]);
        assert!(!p.path().join(format!("build/page/4.{lang}.html")).exists());
        let one = read(p.path(), first);
        assert!(!one.contains("rel=\"prev\""), "page 1 has no previous page");
        assert!(one.contains(&format!("<a href=\"page/2.{lang}.html\" rel=\"next\">")));
        assert!(one.contains(&format!("<link rel=\"next\" href=\"page/2.{lang}.html\">")));
        let two = read(p.path(), &pages[1]);
        assert!(two.contains(&format!("<a href=\"../{first}\" rel=\"prev\">")), "{two}");
        assert!(two.contains(&format!("<a href=\"../page/3.{lang}.html\" rel=\"next\">")));
        assert!(two.contains("aria-current=\"page\">2</a>"), "the current page is marked");
        assert!(!read(p.path(), &pages[2]).contains("rel=\"next\""), "the last page has no next");
        // The first line of the first key point, under each title.
        assert!(one.contains("<p class=\"point\">"));
    }
    let all = listing_pages(p.path());
    assert_eq!(r.listing_pages, all.len() + 1, "every listing page and the sitemap: {all:?}");
    for page in &all {
        let html = read(p.path(), &page.to_string_lossy());
        assert!(html_errors(&html).is_empty(), "{}: {:?}", page.display(), html_errors(&html));
        assert_links_resolve(p.path(), page, &html);
        assert!(html.contains("<main id=\"main\""), "{}: a main landmark", page.display());
    }
    // The default page size (50) keeps all five on the first page.
    let q = project(50);
    build_clean(q.path());
    assert_eq!(listed(&read(q.path(), "index.html")), NEWEST_FIRST);
    assert!(!q.path().join("build/page").exists());
}

#[test]
fn hostile_tags_get_distinct_safe_pages_and_stay_text() {
    let p = project(2);
    set_tags(p.path(), "kotra", r#"["<script>alert(1)</script>", "../x"]"#);
    set_tags(p.path(), "nia", r#"["한글 태그", "AI", "ai"]"#);
    set_tags(p.path(), "kisdi", r#"["ai", "a.i"]"#);
    set_tags(p.path(), "kdi", r#"["a i", "한글 태그"]"#);
    set_tags(p.path(), "msit", r#"["a-i", "a_i"]"#);
    build_clean(p.path());
    let expect: BTreeMap<&str, Vec<&str>> = [
        ("<script>alert(1)</script>", vec!["kotra-us-ai-chip-market"]),
        ("../x", vec!["kotra-us-ai-chip-market"]),
        ("한글 태그", vec!["nia-public-ai-datacenters", "kdi-chip-exports"]),
        ("AI", vec!["nia-public-ai-datacenters"]),
        ("ai", vec!["nia-public-ai-datacenters", "kisdi-genai-work-survey"]),
        ("a.i", vec!["kisdi-genai-work-survey"]),
        ("a i", vec!["kdi-chip-exports"]),
        ("a-i", vec!["msit-ai-budget-2026"]),
        ("a_i", vec!["msit-ai-budget-2026"]),
    ]
    .into_iter()
    .collect();
    let files: Vec<PathBuf> = list_files(&p.path().join("build/tag"));
    assert_eq!(files.len(), expect.len() * 2, "one page per tag and language: {files:?}");
    let folded: BTreeSet<String> =
        files.iter().map(|f| f.to_string_lossy().to_ascii_lowercase()).collect();
    assert_eq!(folded.len(), files.len(), "no two tags share a file, whatever the case");
    for f in &files {
        let name = f.to_string_lossy();
        assert!(name.bytes().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c)), "{name}");
    }
    for (tag, ids) in &expect {
        for lang in ["ko", "en"] {
            let html = read(p.path(), &format!("tag/{}.{lang}.html", tag_slug(tag)));
            assert_eq!(&listed(&html), ids, "{tag}");
            assert!(html_errors(&html).is_empty(), "{tag}: {:?}", html_errors(&html));
            let escaped = yoyak::render::escape_xml(tag);
            let heading = html.split("<h1>").nth(1).unwrap().split("</h1>").next().unwrap();
            assert!(heading.ends_with(&format!(">{escaped}</span>")), "{heading}");
            if tag.contains("한글") && lang == "en" {
                assert!(heading.contains("<span lang=\"ko\">"), "Korean text is marked: {heading}");
            }
        }
    }
    let index = read(p.path(), "index.html");
    assert!(!index.contains("<script>alert"), "a tag is text, never markup");
    assert!(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as typed");
    let script = format!("tag/{}.ko.html", tag_slug("<script>alert(1)</script>"));
    assert!(index.contains(&format!("href=\"{script}\" rel=\"tag\"")), "items link their tags");
    // The overview lists every tag with its count.
    let archive = read(p.path(), "archive.ko.html");
    assert!(
        archive.contains(&format!(
            "<a href=\"tag/{}.ko.html\">한글 태그</a> (2)",
            tag_slug("한글 태그")
        ))
    );
    assert!(index.contains("href=\"archive.ko.html\""), "the index links the overview");
}

#[test]
fn years_and_long_years_months_have_paginated_pages() {
    let p = project(2);
    build_clean(p.path());
    // 2026 holds five briefings, more than a page: March gets pages of its own.
    for lang in ["ko", "en"] {
        let year: Vec<Vec<String>> = ["", ".2", ".3"]
            .iter()
            .map(|n| listed(&read(p.path(), &format!("year/2026{n}.{lang}.html"))))
            .collect();
        assert_eq!(year, [&NEWEST_FIRST[..2], &NEWEST_FIRST[2..4], &NEWEST_FIRST[4..]]);
        let month = listed(&read(p.path(), &format!("year/2026-03.3.{lang}.html")));
        assert_eq!(month, &NEWEST_FIRST[4..]);
    }
    assert!(read(p.path(), "year/2026-03.ko.html").contains("<h1>2026년 3월</h1>"));
    assert!(read(p.path(), "year/2026.en.html").contains("<h1>2026</h1>"));
    let archive = read(p.path(), "archive.en.html");
    assert!(archive.contains("<a href=\"year/2026.en.html\">2026</a> (5)"), "{archive}");
    assert!(archive.contains("<a href=\"year/2026-03.en.html\">March 2026</a> (5)"), "{archive}");
    // A year that fits on one page has no month pages.
    let q = project(5);
    build_clean(q.path());
    let years = list_files(&q.path().join("build/year"));
    assert_eq!(years, [PathBuf::from("2026.en.html"), PathBuf::from("2026.ko.html")]);
}

#[test]
fn the_sitemap_lists_every_html_page_with_absolute_addresses_and_alternates() {
    let p = project(2);
    build_clean(p.path());
    let xml = read(p.path(), "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    let sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let xhtml = "http://www.w3.org/1999/xhtml";
    assert!(doc.root_element().has_tag_name((sm, "urlset")));
    let mut locs = BTreeSet::new();
    for url in doc.root_element().children().filter(|n| n.has_tag_name((sm, "url"))) {
        let loc = url.children().find(|n| n.has_tag_name((sm, "loc"))).unwrap().text().unwrap();
        assert!(loc.starts_with(BASE), "absolute: {loc}");
        assert!(locs.insert(loc.to_string()), "listed once: {loc}");
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|n| n.has_tag_name((xhtml, "link")))
            .map(|n| (n.attribute("hreflang").unwrap(), n.attribute("href").unwrap()))
            .collect();
        let langs: Vec<&str> = alternates.iter().map(|a| a.0).collect();
        assert_eq!(langs, ["ko", "en", "x-default"], "{loc}");
        assert!(alternates.iter().any(|a| a.1 == loc), "{loc} is among its own alternates");
        assert_eq!(alternates[2].1, alternates[0].1, "x-default is the source language");
    }
    let html: BTreeSet<String> = list_files(&p.path().join("build"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html") && !is_search_page(f))
        .map(|f| format!("{BASE}{}", f.to_string_lossy()))
        .collect();
    assert_eq!(locs, html, "every HTML page but the search pages, and only those");
    // Without base_url there is no address to give: no sitemap.
    let config = p.path().join("yoyak.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("base_url: https://briefings.example.org/\n", ""))
        .unwrap();
    build_clean(p.path());
    assert!(!p.path().join("build/sitemap.xml").exists(), "the old sitemap is removed");
}

/// The head lines of the page at `rel`, in `lang`, whose editions are `paths` (ko, en).
fn assert_head(root: &Path, rel: &str, lang: &str, paths: [&str; 2], og_type: &str) {
    let html = read(root, rel);
    assert!(html_errors(&html).is_empty(), "{rel}: {:?}", html_errors(&html));
    let head = &html[..html.find("</head>").unwrap()];
    let els = html_elements(head);
    let meta = |key: &str, name: &str| -> Vec<String> {
        els.iter()
            .filter(|e| e.0 == "meta" && attr(e, key) == Some(name))
            .map(|e| attr(e, "content").unwrap().to_string())
            .collect()
    };
    let links = |rel_: &str| -> Vec<(Option<String>, String)> {
        els.iter()
            .filter(|e| e.0 == "link" && attr(e, "rel") == Some(rel_) && attr(e, "type").is_none())
            .map(|e| {
                (attr(e, "hreflang").map(str::to_string), attr(e, "href").unwrap().to_string())
            })
            .collect()
    };
    let url = format!("{BASE}{rel}");
    assert_eq!(links("canonical"), [(None, url.clone())], "{rel}");
    let alternates = links("alternate");
    let expected = [
        (Some("ko".to_string()), format!("{BASE}{}", paths[0])),
        (Some("en".to_string()), format!("{BASE}{}", paths[1])),
        (Some("x-default".to_string()), format!("{BASE}{}", paths[0])),
    ];
    assert_eq!(alternates, expected, "{rel}");
    assert_eq!(meta("property", "og:url"), [url], "{rel}");
    assert_eq!(meta("property", "og:type"), [og_type], "{rel}");
    let locale = if lang == "ko" { "ko_KR" } else { "en_US" };
    assert_eq!(meta("property", "og:locale"), [locale], "{rel}");
    assert_eq!(meta("name", "twitter:card"), ["summary"], "{rel}");
    let title = meta("property", "og:title");
    assert!(title.len() == 1 && !title[0].is_empty(), "{rel}");
    let description = meta("property", "og:description");
    assert!(description.len() == 1 && !description[0].is_empty(), "{rel}");
    assert_eq!(meta("name", "description"), description, "{rel}");
    assert_eq!(els.iter().filter(|e| e.0 == "meta" && attr(e, "charset").is_some()).count(), 1);
}

#[test]
fn every_page_type_says_where_it_lives_and_how_it_previews() {
    let p = project(2);
    let release =
        repo().join("tests/fixtures/press-release/content/2026-03-10-data-centre-release.yaml");
    std::fs::copy(&release, p.path().join("content/2026-03-10-data-centre-release.yaml")).unwrap();
    build_clean(p.path());
    let id = "kdi-chip-exports";
    let b = [format!("{id}/{id}.ko.html"), format!("{id}/{id}.en.html")];
    assert_head(p.path(), &b[1], "en", [&b[0], &b[1]], "article");
    let rid = yoyak::content::load_project(p.path())
        .unwrap()
        .briefings()
        .find(|b| b.layout == yoyak::content::Layout::PressRelease)
        .unwrap()
        .id
        .clone();
    let r = [format!("{rid}/{rid}.ko.html"), format!("{rid}/{rid}.en.html")];
    assert_head(p.path(), &r[0], "ko", [&r[0], &r[1]], "article");
    assert_head(
        p.path(),
        "digest/weekly.ko.html",
        "ko",
        ["digest/weekly.ko.html", "digest/weekly.en.html"],
        "website",
    );
    assert_head(p.path(), "index.en.html", "en", ["index.html", "index.en.html"], "website");
    assert_head(p.path(), "page/2.ko.html", "ko", ["page/2.ko.html", "page/2.en.html"], "website");
    let tag = ["tag/semiconductors.ko.html", "tag/semiconductors.en.html"];
    assert_head(p.path(), tag[1], "en", tag, "website");
    assert_head(
        p.path(),
        "archive.ko.html",
        "ko",
        ["archive.ko.html", "archive.en.html"],
        "website",
    );
    // The briefing's description is its first key point, escaped.
    let html = read(p.path(), &b[1]);
    assert!(html.contains("<meta property=\"og:description\" content=\"Semiconductor exports came to $159.64 billion in 2025"));
}

/// Bytes and modification time of every listing page.
fn listing_state(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    listing_pages(root)
        .into_iter()
        .map(|f| {
            let path = root.join("build").join(&f);
            let state = (
                std::fs::read(&path).unwrap(),
                std::fs::metadata(&path).unwrap().modified().unwrap(),
            );
            (f, state)
        })
        .collect()
}

#[test]
fn a_title_edit_renders_only_the_listing_pages_that_show_the_briefing() {
    let p = project(2);
    let first = build_clean(p.path());
    assert_eq!(first.listing_pages_rendered, first.listing_pages);
    let before = listing_state(p.path());
    std::thread::sleep(std::time::Duration::from_millis(20));
    // kdi-chip-exports, the fourth newest: index page 2, its tag's page 2 (semiconductors:
    // kotra, nia, kdi), year 2026 page 2 and March 2026 page 2 — in both languages.
    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("  ko: KDI \"2025년", "  ko: KDI \"(개정) 2025년", 1))
        .unwrap();
    let edit = build_clean(p.path());
    let after = listing_state(p.path());
    let changed: BTreeSet<String> = after
        .iter()
        .filter(|(f, s)| before.get(*f) != Some(*s))
        .map(|(f, _)| f.to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> =
        ["page/2", "tag/semiconductors.2", "year/2026.2", "year/2026-03.2"]
            .iter()
            .flat_map(|s| ["ko", "en"].map(|l| format!("{s}.{l}.html")))
            .collect();
    assert_eq!(changed, expected);
    assert_eq!(edit.listing_pages_rendered, expected.len(), "the others are not even rendered");
    assert!(
        read(p.path(), "page/2.en.html").contains("(개정) 2025년"),
        "the other language shows it too"
    );

    // A tag that goes takes its pages with it.
    set_tags(p.path(), "msit", "[ai-policy, 임시]");
    build_clean(p.path());
    let temp = format!("tag/{}.ko.html", tag_slug("임시"));
    assert!(p.path().join("build").join(&temp).exists());
    set_tags(p.path(), "msit", "[ai-policy]");
    let r = build_clean(p.path());
    assert!(!p.path().join("build").join(&temp).exists(), "{temp} is removed");
    assert!(r.removed >= 2, "removed {}", r.removed);
    // … and the site is what a cold build makes.
    let cold = tempfile::tempdir().unwrap();
    copy_dir(&p.path().join("content"), &cold.path().join("content"));
    std::fs::copy(p.path().join("yoyak.yaml"), cold.path().join("yoyak.yaml")).unwrap();
    build_clean(cold.path());
    let bytes = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        listing_state(root).into_iter().map(|(f, (b, _))| (f, b)).collect()
    };
    assert_eq!(bytes(p.path()), bytes(cold.path()));
    // The sitemap and the feed, keyed by what they list rather than rendered to be compared,
    // too: a tag's pages came and went, a title changed.
    for f in ["sitemap.xml", "feed.xml"] {
        assert_eq!(read(p.path(), f), read(cold.path(), f), "{f} after the edits");
    }
}

#[test]
fn listing_pages_are_the_same_bytes_whatever_the_thread_count() {
    let snapshot = |jobs: usize| {
        let p = project(2);
        let mut opts = BuildOptions::new(p.path());
        opts.jobs = Some(jobs);
        build(&opts).unwrap();
        let out = p.path().join("build");
        list_files(&out)
            .into_iter()
            .filter(|f| !f.to_string_lossy().contains(yoyak::build::incremental::CACHE_FILE))
            .map(|f| (f.clone(), std::fs::read(out.join(f)).unwrap()))
            .collect::<Vec<_>>()
    };
    let one = snapshot(1);
    assert!(one.iter().any(|(f, _)| f == Path::new("sitemap.xml")));
    assert_eq!(one, snapshot(2));
}

#[test]
fn page_size_must_be_between_one_and_a_thousand() {
    for bad in ["0", "1001"] {
        let p = fixture("digest");
        let config = p.path().join("yoyak.yaml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, format!("page-size: {bad}\n{text}")).unwrap();
        let r = build_project(p.path());
        let d = r.diagnostics.iter().find(|d| d.code == "Y0118").expect("Y0118");
        assert_eq!(d.field, "page-size");
        assert!(d.message.contains(bad) && d.fix.contains("between 1 and 1000"), "{d:?}");
    }
}

#[test]
fn an_override_of_the_retired_index_template_is_an_error_not_ignored() {
    let p = project(2);
    std::fs::create_dir_all(p.path().join("templates")).unwrap();
    std::fs::write(p.path().join("templates/index.html"), "mine").unwrap();
    let err = build(&BuildOptions::new(p.path())).expect_err("the override would be ignored");
    assert!(err.to_string().contains("templates/listing.html"), "{err}");
    // The listing template is overridable by name, like the others.
    std::fs::remove_file(p.path().join("templates/index.html")).unwrap();
    std::fs::write(
        p.path().join("templates/listing.html"),
        "{{ page.kind }} {{ page.paging.number }}/{{ page.paging.total }}{% for b in page.items %} {{ b.id }}{% endfor %}",
    )
    .unwrap();
    build_clean(p.path());
    assert_eq!(read(p.path(), "page/3.en.html"), "index 3/3 msit-ai-budget-2026");
}

#[test]
fn ids_that_are_the_site_s_folders_and_tags_that_cannot_name_a_page_are_refused() {
    let p = project(2);
    let file = p.path().join("content/2026-03-06-kdi-chip-exports.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("id: kdi-chip-exports", "id: tag", 1)).unwrap();
    set_tags(p.path(), "msit", &format!("[\"{}\", \" padded\"]", "가".repeat(51)));
    let r = build_project(p.path());
    let y0108: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "Y0108")
        .map(|d| (d.field.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(y0108.len(), 3, "{y0108:?}");
    assert!(y0108[..].iter().any(|(f, m)| *f == "id" && m.contains("reserved")), "{y0108:?}");
    assert!(
        y0108.iter().any(|(f, _)| *f == "tags[0]") && y0108.iter().any(|(f, _)| *f == "tags[1]")
    );
    assert!(!p.path().join("build/tag/tag.ko.html").exists());
    // The others are published, and 50 Korean characters are a tag.
    set_tags(p.path(), "msit", &format!("[\"{}\"]", "가".repeat(50)));
    std::fs::write(&file, text).unwrap();
    build_clean(p.path());
}
