//! Every Markdown construct yoyak accepts renders in all three formats (PDF, HTML, Markdown),
//! and links keep one rule everywhere: what `check` reports as dropped is dropped.

use crate::common::*;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Marker words, one or more per construct, present in both bodies (and the lead and note).
pub const MARKERS: [&str; 30] = [
    "Headingmark",
    "Emphmark",
    "Strongmark",
    "inlinecode",
    "Linkmark",
    "Colleft",
    "Colcenter",
    "Colright",
    "Colnone",
    "Cellone",
    "Cellbold",
    "cellcode",
    "Celllink",
    "Shortrow",
    "Longrow",
    "Orderthree",
    "Orderfour",
    "Outeritem",
    "Inneritem",
    "Quotemark",
    "Breakbefore",
    "Breakafter",
    "Beforerule",
    "Afterrule",
    "Leadhead",
    "Leadcell",
    "Leadbold",
    "Notehead",
    "Notecell",
    "notecode",
];

/// A project whose one briefing has `body` as its ko and en section body.
pub fn project_with_body(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    let indented: String = body.lines().map(|l| format!("        {l}\n")).collect();
    let yaml = format!(
        "id: body-test\ndate: 2026-03-03\nsource:\n  publisher: {{ko: 시험연구소, en: Test Institute}}\n\
         title: {{ko: 본문 시험, en: Body test}}\nsummary:\n  - {{ko: 본문을 시험한다., en: The body is tested.}}\n\
         sections:\n  - heading: {{ko: 본문, en: Body}}\n    body:\n      ko: |\n{indented}      en: |\n{indented}"
    );
    std::fs::write(dir.path().join("content/body-test.yaml"), yaml).unwrap();
    dir
}

/// Text of a PDF: poppler's `pdftotext` when installed (closest to a reader's copy), else
/// the pure-Rust extractor.
fn pdf_words(path: &Path) -> String {
    let out =
        std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(path).arg("-").output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        _ => pdf_text(path),
    }
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_table_in_a_body_builds() {
    // Regression: `b.rows.flatten()` flattened each cell's inline runs into the row, and
    // typst stopped with "cannot access fields on type array".
    let p = project_with_body("| a | b |\n|---|---|\n| 1 | 2 |");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:#?} {:#?}", r.failed, r.diagnostics);
    for lang in ["ko", "en"] {
        let text = pdf_words(&p.path().join(format!("build/body-test/body-test.{lang}.pdf")));
        assert_contains_squashed(&text, "ab12", &format!("{lang}.pdf"));
        let html = read(p.path(), &format!("build/body-test/body-test.{lang}.html"));
        let cells: Vec<String> = html_nodes(&html)
            .into_iter()
            .filter(|n| n.name == "th" || n.name == "td")
            .map(|n| n.text)
            .collect();
        assert_eq!(cells, ["a", "b", "1", "2"]);
    }
}

fn built() -> tempfile::TempDir {
    let p = fixture("constructs");
    let r = build_project(p.path());
    assert!(!r.has_errors(), "{:#?} {:#?}", r.failed, r.diagnostics);
    assert_eq!(r.built, ["constructs"]);
    p
}

#[test]
fn every_construct_shows_in_the_pdf() {
    let p = built();
    for lang in ["ko", "en"] {
        let what = format!("{lang}.pdf");
        let text = pdf_words(&p.path().join(format!("build/constructs/constructs.{lang}.pdf")));
        for m in MARKERS {
            assert_contains_squashed(&text, m, &what);
        }
        assert_contains_squashed(&text, "let codemark = \"10~249명\";", &what);
        assert_contains_squashed(&text, "3.Orderthree", &what);
        assert_contains_squashed(&text, "4.Orderfour", &what);
        assert_contains_squashed(&text, "마크다운(Markdown)", &what);
        assert!(!text.contains("**"), "{what}: no literal emphasis delimiters");
        assert!(!text.contains("Extracell"), "{what}: cells beyond the header are dropped");
    }
}

/// One HTML element: name, attributes, descendant text and child element names.
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<String>,
}

impl Node {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Every element of an HTML document in document order, with its text.
fn html_nodes(html: &str) -> Vec<Node> {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    fn text_of(h: &Handle) -> String {
        match &h.data {
            NodeData::Text { contents } => contents.borrow().to_string(),
            _ => h.children.borrow().iter().map(text_of).collect(),
        }
    }
    fn walk(h: &Handle, out: &mut Vec<Node>) {
        if let NodeData::Element { name, attrs, .. } = &h.data {
            let children = h.children.borrow();
            out.push(Node {
                name: name.local.to_string(),
                attrs: attrs
                    .borrow()
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect(),
                text: text_of(h),
                children: children
                    .iter()
                    .filter_map(|c| match &c.data {
                        NodeData::Element { name, .. } => Some(name.local.to_string()),
                        _ => None,
                    })
                    .collect(),
            });
        }
        for c in h.children.borrow().iter() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    walk(&dom.document, &mut out);
    out
}

/// The first element named `name` whose text contains `text`.
fn find<'a>(nodes: &'a [Node], name: &str, text: &str) -> &'a Node {
    nodes
        .iter()
        .find(|n| n.name == name && n.text.contains(text))
        .unwrap_or_else(|| panic!("no <{name}> holding {text:?}"))
}

#[test]
fn every_construct_shows_in_the_html() {
    let p = built();
    for lang in ["ko", "en"] {
        let html = read(p.path(), &format!("build/constructs/constructs.{lang}.html"));
        assert!(html_errors(&html).is_empty(), "{:?}", html_errors(&html));
        let nodes = html_nodes(&html);
        let body = find(&nodes, "main", "Headingmark").text.clone();
        for m in MARKERS {
            assert!(body.contains(m), "{lang}.html should show {m}");
        }
        assert!(!html.contains("Extracell"), "cells beyond the header are dropped");
        assert!(!html.contains("**"), "no literal emphasis delimiters");
        // Table: aligned header and body cells, inline markup in cells, short rows padded.
        for (marker, align) in [("Colleft", "left"), ("Colcenter", "center"), ("Colright", "right")]
        {
            let th = find(&nodes, "th", marker);
            assert!(th.attr("style").is_some_and(|s| s.contains(&format!("text-align:{align}"))));
        }
        assert_eq!(find(&nodes, "th", "Colnone").attr("style"), None);
        let cell = find(&nodes, "td", "Cellbold");
        assert_eq!(cell.attr("style"), Some("text-align:center"));
        assert!(cell.children.contains(&"strong".to_string()));
        assert_eq!(find(&nodes, "code", "cellcode").text, "cellcode");
        let link = find(&nodes, "a", "Celllink");
        assert_eq!(link.attr("href"), Some("https://example.org/cell"));
        let table = find(&nodes, "table", "Colleft");
        let rows: Vec<&Node> = nodes.iter().filter(|n| n.name == "tr").collect();
        let short = rows.iter().find(|r| r.text.contains("Shortrow")).unwrap();
        assert_eq!(short.children, ["td"; 4], "a short row is padded to the header's width");
        let long = rows.iter().find(|r| r.text.contains("Longrow")).unwrap();
        assert_eq!(long.children, ["td"; 4], "a long row is cut to the header's width");
        assert!(table.text.contains("Cellone"));
        // Lists: an ordered list starting at 3, bullets nested two deep inside it.
        let ol = find(&nodes, "ol", "Orderthree");
        assert_eq!(ol.attr("start"), Some("3"));
        let nested = nodes.iter().filter(|n| n.name == "ul" && n.text.contains("Inneritem"));
        assert_eq!(nested.count(), 2, "a bullet list inside a bullet list");
        assert!(find(&nodes, "blockquote", "Quotemark").text.contains("Quotemark"));
        let pre = find(&nodes, "pre", "codemark");
        assert_eq!(pre.children, ["code"]);
        assert!(pre.text.contains("let codemark = \"10~249명\";"));
        let para = find(&nodes, "p", "Breakbefore");
        assert!(para.children.contains(&"br".to_string()) && para.text.contains("Breakafter"));
        assert!(find(&nodes, "h3", "Headingmark").text.contains("Headingmark"));
        assert!(nodes.iter().any(|n| n.name == "hr"), "thematic break");
        let link = find(&nodes, "a", "Linkmark");
        assert_eq!(link.attr("href"), Some("https://example.org/link"));
        assert_eq!(find(&nodes, "em", "Emphmark").text, "Emphmark");
        assert_eq!(find(&nodes, "strong", "Strongmark").text, "Strongmark");
        assert_eq!(find(&nodes, "strong", "마크다운").text, "마크다운(Markdown)");
        assert_eq!(find(&nodes, "code", "inlinecode").text, "inlinecode");
        // The lead's and the note's tables.
        assert_eq!(find(&nodes, "th", "Leadright").attr("style"), Some("text-align:right"));
        assert_eq!(find(&nodes, "td", "Notecell").attr("style"), None);
        assert_eq!(find(&nodes, "td", "notecode").attr("style"), Some("text-align:center"));
    }
}

/// What a CommonMark reader sees in a Markdown text: events with their text.
fn md_events(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES).collect()
}

/// Whether a `start`…`end` span (the first one, or any that follows it) holds `needle`.
fn span_text(evs: &[Event], is_start: impl Fn(&Tag) -> bool, end: TagEnd, needle: &str) -> bool {
    let mut inside: Option<String> = None;
    for ev in evs {
        match ev {
            Event::Start(t) if inside.is_none() && is_start(t) => inside = Some(String::new()),
            // Taking the text also closes the span when it does not hold `needle`.
            Event::End(e) if *e == end && inside.take().is_some_and(|s| s.contains(needle)) => {
                return true;
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = &mut inside {
                    s.push_str(t);
                }
            }
            _ => {}
        }
    }
    false
}

#[test]
fn every_construct_survives_in_the_markdown_edition() {
    let p = built();
    for lang in ["ko", "en"] {
        let md = read(p.path(), &format!("build/constructs/constructs.{lang}.md"));
        let evs = md_events(&md);
        let text: String = evs
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        for m in MARKERS {
            assert!(text.contains(m), "{lang}.md should show {m}: {md}");
        }
        assert!(!md.contains("Extracell"));
        let aligns: Vec<&Vec<Alignment>> = evs
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Table(a)) => Some(a),
                _ => None,
            })
            .collect();
        use Alignment::{Center, Left, Right};
        assert!(aligns.contains(&&vec![Left, Center, Right, Alignment::None]), "{aligns:?}");
        assert!(
            aligns.contains(&&vec![Alignment::None, Right])
                && aligns.contains(&&vec![Alignment::None, Center])
        );
        assert!(span_text(&evs, |t| matches!(t, Tag::TableCell), TagEnd::TableCell, "Cellbold"));
        assert!(span_text(&evs, |t| matches!(t, Tag::Strong), TagEnd::Strong, "Cellbold"));
        assert!(evs.contains(&Event::Start(Tag::List(Some(3)))), "ordered list from 3");
        let depth = evs.iter().fold((0i32, 0i32), |(d, max), e| match e {
            Event::Start(Tag::List(_)) => (d + 1, max.max(d + 1)),
            Event::End(TagEnd::List(_)) => (d - 1, max),
            _ => (d, max),
        });
        assert!(depth.1 >= 3, "ol > ul > ul");
        assert!(span_text(
            &evs,
            |t| matches!(t, Tag::BlockQuote(_)),
            TagEnd::BlockQuote(None),
            "Quotemark"
        ));
        assert!(span_text(
            &evs,
            |t| matches!(t, Tag::CodeBlock(_)),
            TagEnd::CodeBlock,
            "let codemark = \"10~249명\";"
        ));
        assert!(evs.contains(&Event::HardBreak));
        assert!(span_text(
            &evs,
            |t| matches!(t, Tag::Heading { level: pulldown_cmark::HeadingLevel::H3, .. }),
            TagEnd::Heading(pulldown_cmark::HeadingLevel::H3),
            "Headingmark"
        ));
        assert!(
            evs.iter().filter(|e| matches!(e, Event::Rule)).count() >= 2,
            "body rule + footer rule"
        );
        assert!(span_text(&evs, |t| matches!(t, Tag::Emphasis), TagEnd::Emphasis, "Emphmark"));
        assert!(span_text(&evs, |t| matches!(t, Tag::Strong), TagEnd::Strong, "Strongmark"));
        assert!(span_text(
            &evs,
            |t| matches!(t, Tag::Link { dest_url, .. } if dest_url.as_ref() == "https://example.org/link"),
            TagEnd::Link,
            "Linkmark"
        ));
        // Emphasis CommonMark cannot close next to Hangul is written as HTML.
        assert!(md.contains("<strong>마크다운(Markdown)</strong>을"), "{md}");
    }
}
