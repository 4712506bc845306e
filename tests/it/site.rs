//! Digests, charts, index pages and the feed, on the five-briefing fixture.

use crate::common::*;
use yoyak::build::{BuildOptions, build};
use yoyak::render::site::Selection;

const ALL: [&str; 5] = [
    "kotra-us-ai-chip-market",
    "nia-public-ai-datacenters",
    "kisdi-genai-work-survey",
    "kdi-chip-exports",
    "msit-ai-budget-2026",
];

/// Briefing ids in a digest's Markdown table of contents, in order.
fn digest_ids(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains("](#"))
        .map(|l| l.split("](#").nth(1).unwrap().split(')').next().unwrap().to_string())
        .collect()
}

fn build_with(sel: Selection) -> tempfile::TempDir {
    let p = fixture("digest");
    let mut opts = BuildOptions::new(p.path());
    opts.selection = sel;
    let r = build(&opts).unwrap();
    assert!(!r.has_errors(), "{:?}", r.diagnostics);
    assert_eq!(r.notdef, 0, "no missing glyphs in briefings or digests");
    p
}

fn read(p: &tempfile::TempDir, rel: &str) -> String {
    std::fs::read_to_string(p.path().join("build").join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn digests_select_by_date_and_tag_newest_first() {
    let all = build_with(Selection::default());
    assert_eq!(digest_ids(&read(&all, "digest/digest.en.md")), ALL);
    // Named digests from yoyak.yaml.
    assert_eq!(
        digest_ids(&read(&all, "digest/weekly.ko.md")),
        ["nia-public-ai-datacenters", "kisdi-genai-work-survey"]
    );
    assert_eq!(
        digest_ids(&read(&all, "digest/semis.en.md")),
        ["kotra-us-ai-chip-market", "nia-public-ai-datacenters", "kdi-chip-exports"]
    );
    let since = build_with(Selection { since: Some("2026-03-09".into()), ..Default::default() });
    assert_eq!(digest_ids(&read(&since, "digest/digest.en.md")), &ALL[..3]);
    let until = build_with(Selection { until: Some("2026-03-08".into()), ..Default::default() });
    assert_eq!(digest_ids(&read(&until, "digest/digest.en.md")), &ALL[3..]);
    let tag = build_with(Selection { tags: vec!["semiconductors".into()], ..Default::default() });
    assert_eq!(
        digest_ids(&read(&tag, "digest/digest.ko.md")),
        ["kotra-us-ai-chip-market", "nia-public-ai-datacenters", "kdi-chip-exports"]
    );
}

#[test]
fn combined_fact_sheet_refers_back_to_each_briefing() {
    let p = build_with(Selection::default());
    let md = read(&p, "digest/digest.en.md");
    let sheet = md.split("## Combined fact sheet").nth(1).expect("combined sheet");
    let rows: Vec<&str> = sheet.lines().filter(|l| l.starts_with("| [")).collect();
    assert_eq!(rows.len(), 23, "every fact of every briefing");
    for id in ALL {
        assert!(rows.iter().any(|r| r.contains(&format!("](#{id})"))), "rows link back to {id}");
    }
    let project = yoyak::content::load_project(p.path()).unwrap();
    for b in project.briefings() {
        for f in &b.facts {
            let label = f.label.get("en").unwrap();
            assert!(sheet.contains(&yoyak::markdown::escape_inline(label)), "{label}");
        }
    }
    // In the PDF each briefing's title over its facts links to the published briefing.
    let doc = lopdf::Document::load(p.path().join("build/digest/digest.en.pdf")).unwrap();
    let uris: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| {
            let action = match d.get(b"A").ok()? {
                lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok()?,
                o => o.as_dict().ok()?,
            };
            Some(String::from_utf8_lossy(action.get(b"URI").ok()?.as_str().ok()?).into_owned())
        })
        .collect();
    for id in ALL {
        let url = format!("https://briefings.example.org/{id}/{id}.en.html");
        assert!(uris.contains(&url), "no link to {url}: {uris:?}");
    }
}

#[test]
fn digest_pdf_has_an_outline_entry_per_briefing() {
    let p = build_with(Selection::default());
    let doc = lopdf::Document::load(p.path().join("build/digest/digest.en.pdf")).unwrap();
    let catalog = doc.catalog().unwrap();
    let outlines =
        doc.get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap()).unwrap();
    let mut titles = Vec::new();
    let mut next = outlines.get(b"First").ok().and_then(|o| o.as_reference().ok());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        titles.push(lopdf::decode_text_string(item.get(b"Title").unwrap()).unwrap());
        next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    let project = yoyak::content::load_project(p.path()).unwrap();
    for id in ALL {
        let b = project.briefings().find(|b| b.id == id).unwrap();
        let title = b.title.get("en").unwrap();
        assert!(titles.iter().any(|t| t == title), "outline lacks {title:?}: {titles:?}");
    }
    assert!(titles.iter().any(|t| t == "Combined fact sheet"));
}

#[test]
fn charts_are_svg_with_titles_inline_linked_and_embedded() {
    let p = build_with(Selection::default());
    let id = "kisdi-genai-work-survey";
    for lang in ["ko", "en"] {
        let svg = read(&p, &format!("{id}/genai-work-uses.{lang}.svg"));
        let doc = roxmltree::Document::parse(&svg).expect("SVG parses as XML");
        let title = doc.descendants().find(|n| n.has_tag_name("title")).expect("SVG has <title>");
        assert!(!title.text().unwrap_or("").is_empty());
        assert!(doc.descendants().any(|n| n.has_tag_name("desc")));
        let md = read(&p, &format!("{id}/{id}.{lang}.md"));
        assert!(md.contains(&format!("(genai-work-uses.{lang}.svg)")), "Markdown links the chart");
        let html = read(&p, &format!("{id}/{id}.{lang}.html"));
        assert!(html.contains("<svg") && html.contains("role=\"img\""), "HTML inlines the chart");
        // The chart's labels are real text in the PDF, set in the embedded fonts.
        let pdf = pdf_text(&p.path().join(format!("build/{id}/{id}.{lang}.pdf")));
        let label = title.text().unwrap();
        assert_contains_squashed(&pdf, label, "PDF chart title");
    }
}

#[test]
fn seed_chart_shows_the_four_adoption_reasons() {
    let p = seed_project();
    build_project(p.path());
    let svg =
        std::fs::read_to_string(p.path().join("build/spri-open-source-ai/adoption-reasons.en.svg"))
            .unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("rect")).count(),
        1 + 4,
        "background + four bars"
    );
    for v in ["67%", "50%", "49%"] {
        assert!(svg.contains(&format!(">{v}<")), "{v}");
    }
}

#[test]
fn index_lists_briefings_and_digests_in_every_language() {
    let p = build_with(Selection::default());
    for (file, lang) in [("index.html", "ko"), ("index.en.html", "en")] {
        let html = read(&p, file);
        assert!(html_errors(&html).is_empty(), "{file}: {:?}", html_errors(&html));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        let mut last = 0;
        for id in ALL {
            for ext in ["ko.md", "en.md", "ko.html", "en.html", "ko.pdf", "en.pdf"] {
                assert!(
                    html.contains(&format!("href=\"{id}/{id}.{ext}\"")),
                    "{file} links {id}.{ext}"
                );
            }
            let at = html.find(&format!("{id}/{id}.{lang}.html")).unwrap();
            assert!(at >= last, "newest first");
            last = at;
        }
        for d in ["digest", "weekly", "semis"] {
            assert!(
                html.contains(&format!("href=\"digest/{d}.{lang}.html\"")),
                "{file} links digest {d}"
            );
        }
        // Language switch: relative links work from disk and over HTTP.
        assert!(html.contains("href=\"index.html\"") && html.contains("href=\"index.en.html\""));
    }
}

#[test]
fn atom_feed_has_the_elements_that_matter() {
    let p = build_with(Selection::default());
    let xml = read(&p, "feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
    let atom = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    assert_eq!(feed.tag_name().name(), "feed");
    fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
        n.children().find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
    }
    for name in ["id", "title", "updated"] {
        assert!(child(feed, name).is_some(), "feed lacks <{name}>");
    }
    let is_rfc3339 = |s: &str| {
        s.len() == 20
            && s.as_bytes()[10] == b'T'
            && s.ends_with('Z')
            && yoyak::content::parse_date(&s[..10]).is_some()
    };
    let entries: Vec<_> = feed.children().filter(|c| c.has_tag_name((atom, "entry"))).collect();
    assert_eq!(entries.len(), 10, "5 briefings × 2 languages");
    let mut ids = std::collections::BTreeSet::new();
    for e in &entries {
        let lang = e
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .expect("xml:lang per entry");
        let id = child(*e, "id").unwrap().text().unwrap();
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
        assert!(
            id.starts_with("https://briefings.example.org/")
                && id.ends_with(&format!(".{lang}.html"))
        );
        assert!(is_rfc3339(child(*e, "updated").unwrap().text().unwrap()));
        assert!(!child(*e, "title").unwrap().text().unwrap().is_empty());
        let link = e
            .children()
            .find(|c| c.has_tag_name((atom, "link")) && c.attribute("rel") == Some("alternate"))
            .unwrap();
        assert!(link.attribute("href").unwrap().starts_with("https://"), "absolute links");
    }
}

#[test]
fn the_feed_lists_the_newest_briefings_up_to_feed_limit() {
    let entry_ids = |xml: &str| -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).expect("feed is XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("id") && n.parent().is_some_and(|p| p.has_tag_name("entry")))
            .map(|n| n.text().unwrap().to_string())
            .collect()
    };
    let all = build_with(Selection::default());
    let every = entry_ids(&read(&all, "feed.xml"));
    assert_eq!(every.len(), 10, "the default limit (50) lists all 5 briefings");

    let p = fixture("digest");
    let config = p.path().join("yoyak.yaml");
    let settings = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("feed-limit: 2\n{settings}")).unwrap();
    build_project(p.path());
    let newest = entry_ids(&read(&p, "feed.xml"));
    assert_eq!(newest, every[..4], "the 2 newest briefings, in both languages");
    // The index still lists every briefing.
    let index = read(&p, "index.html");
    assert!(ALL.iter().all(|id| index.contains(&format!("{id}/{id}.ko.html"))));
}

#[test]
fn calendar_arithmetic_round_trips() {
    use yoyak::render::site::{civil_from_days, days_from_civil};
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(civil_from_days(days_from_civil(2026, 3, 1) - 1), (2026, 2, 28));
    assert_eq!(civil_from_days(days_from_civil(2024, 3, 1) - 1), (2024, 2, 29));
    let s = yoyak::render::site::Selection::recent("2026-03-19");
    assert_eq!(s.since.as_deref(), Some("2026-02-18"), "30 days up to the newest briefing");
}

#[test]
fn a_digest_pdf_failure_is_reported_as_the_digest_template_s() {
    let p = fixture("digest");
    std::fs::create_dir_all(p.path().join("templates")).unwrap();
    std::fs::write(p.path().join("templates/digest.typ"), "#nonexistent\n").unwrap();
    let err = build(&BuildOptions::new(p.path())).expect_err("the digest cannot be laid out");
    let msg = err.to_string();
    assert!(msg.starts_with("digest "), "{msg}");
    assert!(msg.contains("PDF layout failed:\ntemplates/digest.typ:1:2: error: "), "{msg}");
    assert!(!msg.contains("index/digest"), "no template error of the index: {msg}");
}

#[test]
fn the_feed_template_can_be_overridden() {
    let p = fixture("digest");
    std::fs::create_dir_all(p.path().join("templates")).unwrap();
    std::fs::write(
        p.path().join("templates/feed.xml"),
        "OVERRIDDEN {% for e in feed.entries %}[{{ e.lang }} {{ e.title }}]{% endfor %}\n",
    )
    .unwrap();
    build_project(p.path());
    let feed = read(&p, "feed.xml");
    assert!(feed.starts_with("OVERRIDDEN [ko "), "{feed}");
    assert!(!feed.contains("<feed"), "{feed}");
}

#[test]
fn the_shared_typst_module_is_overridable_and_its_errors_name_it() {
    let p = fixture("digest");
    std::fs::create_dir_all(p.path().join("templates")).unwrap();
    let module = builtin_template("_text.typ");
    // An override that breaks a function every briefing calls: the error points into it, on
    // the line after `kw`'s head (1-based: its index + 2).
    let head = "#let kw(s) = ";
    let line = module.lines().position(|l| l.starts_with(head)).expect("kw is defined") + 2;
    let broken = module.replacen(head, &format!("{head}{{\n  nonexistent\n}} + "), 1);
    std::fs::write(p.path().join("templates/_text.typ"), broken).unwrap();
    let err = build(&BuildOptions::new(p.path())).expect_err("the digest imports it too");
    let msg = err.to_string();
    let at = format!("templates/_text.typ:{line}:3: error: unknown variable");
    assert!(msg.contains(&at), "{msg}");
}
