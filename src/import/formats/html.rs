//! A saved news page: the article body, found the way readability does it, on html5ever's
//! DOM (a real HTML5 parser; no pattern matching over markup).
//!
//! Rules, in order:
//! 1. Clutter is never read: `script`, `style`, `nav`, `footer`, `aside`, forms, media and
//!    figures (photo captions), comments; any element whose `class`/`id` names navigation,
//!    menus, footers, related links, ads, sharing, bylines, comments, rankings and the like
//!    (see [`CLUTTER_WORDS`]), or whose `role` is a landmark that is not the main content;
//!    hidden elements; a `<header>` that holds no `<h1>` (the site's masthead).
//! 2. The article is the element with the most paragraph text: each `<p>` (and each run of
//!    text directly in an element, the `<br><br>` style of many Korean news sites) adds its
//!    length to its parent and half of it to its grandparent.
//! 3. From that element: `<h1>` (or the page's first `<h1>`, else `<title>`) is the title,
//!    `<h2>`–`<h6>` headings, `<p>` and `<br>`-separated text paragraphs, `<ul>`/`<ol>`
//!    lists (nested lists a level deeper), `<table>` tables (a cell spanning rows or columns repeated in each).
//! 4. The publication time (`article:published_time`, else the first `<time datetime>`)
//!    becomes an `입력 YYYY.MM.DD` line, which the text importer reads as the dateline.

use super::{Document, Item, Part, clean_text};
use crate::import::table::{SpanCell, Table, place_rows};
use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use std::collections::HashMap;

/// How deep the reader walks: deeper content (a hostile page nests thousands of `<div>`s)
/// is not read.
const MAX_DEPTH: usize = 160;

/// A paragraph shorter than this (in characters) does not vote for its container.
const MIN_PARAGRAPH: usize = 10;

/// Elements never read.
const CLUTTER_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "math",
    "canvas",
    "form",
    "button",
    "nav",
    "footer",
    "aside",
    "menu",
    "select",
    "input",
    "textarea",
    "figure",
    "figcaption",
    "img",
    "picture",
    "video",
    "audio",
    "object",
    "embed",
    "head",
    "dialog",
];

/// Words in a `class` or `id` that mark an element as clutter (whole words of the attribute,
/// split at anything not a letter or digit).
const CLUTTER_WORDS: &[&str] = &[
    "nav",
    "navi",
    "navbar",
    "navigation",
    "gnb",
    "lnb",
    "menu",
    "footer",
    "related",
    "relate",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adsense",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "share",
    "sharing",
    "sns",
    "social",
    "byline",
    "author",
    "reporter",
    "writer",
    "comment",
    "comments",
    "reply",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "popup",
    "modal",
    "subscribe",
    "newsletter",
    "recommend",
    "recommended",
    "popular",
    "ranking",
    "copyright",
    "tags",
    "widget",
    "toolbar",
    "login",
    "masthead",
    "cookie",
];

/// Word starts in a `class` or `id` that mark clutter when glued to more (`relatedNews`,
/// `commentList`, `shareBox`).
const CLUTTER_PREFIXES: &[&str] = &[
    "related",
    "recommend",
    "popular",
    "comment",
    "share",
    "banner",
    "advert",
    "footer",
    "breadcrumb",
    "sidebar",
    "newsletter",
    "subscribe",
    "sponsor",
    "social",
    "byline",
    "reporter",
    "navi",
    "navbar",
    "ranking",
];

/// `role` values of landmarks that are not the article.
const CLUTTER_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"];

/// Elements that end a paragraph (inline text before and after them is two paragraphs).
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "header",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "address",
    "hr",
    "center",
    "body",
];

/// The article of a saved news page.
pub(super) fn read(text: &str) -> Document {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(text);
    let root = &dom.document;
    let container = best_container(root).unwrap_or_else(|| root.clone());
    let mut collector = Collector::default();
    collector.walk(&container, 0);
    collector.flush();
    let title = collector.title.take().or_else(|| first_h1(root, 0)).or_else(|| page_title(root));
    let mut parts: Vec<Part> = title.into_iter().map(Part::Title).collect();
    if let Some(date) = published(root) {
        parts.push(Part::Para(format!("입력 {date}")));
    }
    parts.extend(collector.parts);
    Document { parts }
}

/// The element's tag name (lower case, as html5ever gives it), or `""` for other nodes.
fn tag(node: &Handle) -> &str {
    match &node.data {
        NodeData::Element { name, .. } => &name.local,
        _ => "",
    }
}

/// The value of an attribute of an element.
fn attr(node: &Handle, wanted: &str) -> Option<String> {
    let NodeData::Element { attrs, .. } = &node.data else { return None };
    attrs.borrow().iter().find(|a| &*a.name.local == wanted).map(|a| a.value.to_string())
}

/// Whether a `class`/`id` value names clutter.
fn clutter_words(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .any(|w| {
            CLUTTER_WORDS.contains(&w.as_str()) || CLUTTER_PREFIXES.iter().any(|p| w.starts_with(p))
        })
}

/// Whether an element is never read (rule 1 of the module).
fn is_clutter(node: &Handle) -> bool {
    let t = tag(node);
    if CLUTTER_TAGS.contains(&t) {
        return true;
    }
    if t == "header" && first_h1(node, 0).is_none() {
        return true;
    }
    let hidden = attr(node, "hidden").is_some()
        || attr(node, "aria-hidden").is_some_and(|v| v == "true")
        || attr(node, "style").is_some_and(|s| s.replace(' ', "").contains("display:none"));
    let role = attr(node, "role").is_some_and(|r| CLUTTER_ROLES.contains(&r.as_str()));
    let named = ["class", "id"].iter().any(|a| attr(node, a).is_some_and(|v| clutter_words(&v)));
    hidden || role || named
}

/// The element children and text of a node, skipping clutter.
fn readable_children(node: &Handle) -> Vec<Handle> {
    node.children
        .borrow()
        .iter()
        .filter(|c| match &c.data {
            NodeData::Element { .. } => !is_clutter(c),
            NodeData::Text { .. } => true,
            _ => false,
        })
        .cloned()
        .collect()
}

/// All the readable text under a node, white space folded.
fn text_of(node: &Handle, depth: usize) -> String {
    let mut out = String::new();
    gather_text(node, depth, &mut out);
    clean_text(&out)
}

/// Appends the readable text under a node (a `<br>` or a block is a space).
fn gather_text(node: &Handle, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH {
        return;
    }
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { .. } => {
            if tag(node) == "br" || BLOCK_TAGS.contains(&tag(node)) {
                out.push(' ');
            }
            for c in readable_children(node) {
                gather_text(&c, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Paragraph text per element: `(score, document order)` keyed by the node's address.
#[derive(Default)]
struct Scores {
    /// Score and first-seen order of each element that received any.
    by_node: HashMap<*const markup5ever_rcdom::Node, (usize, usize)>,
    /// The elements in the order they first scored.
    order: Vec<Handle>,
}

impl Scores {
    /// Adds `points` to an element.
    fn add(&mut self, node: &Handle, points: usize) {
        let n = self.order.len();
        let entry = self.by_node.entry(std::rc::Rc::as_ptr(node)).or_insert((0, n));
        if entry.1 == n {
            self.order.push(node.clone());
        }
        entry.0 += points;
    }
}

/// The element with the most paragraph text (rule 2), the first one on a tie.
fn best_container(root: &Handle) -> Option<Handle> {
    let mut scores = Scores::default();
    let mut ancestors: Vec<Handle> = Vec::new();
    score(root, &mut ancestors, &mut scores);
    let mut best: Option<(usize, Handle)> = None;
    for node in &scores.order {
        let s = scores.by_node.get(&std::rc::Rc::as_ptr(node)).map_or(0, |e| e.0);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, node.clone()));
        }
    }
    best.map(|(_, n)| n)
}

/// Scores paragraphs and direct text under `node` for their parent and grandparent.
fn score(node: &Handle, ancestors: &mut Vec<Handle>, scores: &mut Scores) {
    if ancestors.len() > MAX_DEPTH {
        return;
    }
    let direct: usize = node
        .children
        .borrow()
        .iter()
        .map(|c| match &c.data {
            NodeData::Text { contents } => clean_text(&contents.borrow()).chars().count(),
            _ => 0,
        })
        .filter(|n| *n >= MIN_PARAGRAPH)
        .sum();
    if direct > 0 && tag(node) != "p" {
        scores.add(node, direct);
    }
    if tag(node) == "p" {
        let n = text_of(node, ancestors.len()).chars().count();
        if n >= MIN_PARAGRAPH {
            if let Some(parent) = ancestors.last() {
                scores.add(parent, n);
            }
            if let Some(grand) = ancestors.len().checked_sub(2).and_then(|i| ancestors.get(i)) {
                scores.add(grand, n / 2);
            }
        }
    }
    ancestors.push(node.clone());
    for c in readable_children(node) {
        if matches!(c.data, NodeData::Element { .. }) {
            score(&c, ancestors, scores);
        }
    }
    ancestors.pop();
}

/// The text of the first `<h1>` under a node that is not clutter.
fn first_h1(node: &Handle, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    for c in node.children.borrow().iter() {
        if !matches!(c.data, NodeData::Element { .. }) || CLUTTER_TAGS.contains(&tag(c)) {
            continue;
        }
        if tag(c) == "h1" {
            let t = text_of(c, depth);
            if !t.is_empty() {
                return Some(t);
            }
        }
        if let Some(t) = first_h1(c, depth + 1) {
            return Some(t);
        }
    }
    None
}

/// Every element under a node in document order, to `MAX_DEPTH`.
fn elements(node: &Handle, depth: usize, out: &mut Vec<Handle>) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in node.children.borrow().iter() {
        if matches!(c.data, NodeData::Element { .. }) {
            out.push(c.clone());
            elements(c, depth + 1, out);
        }
    }
}

/// The page's `<title>`.
fn page_title(root: &Handle) -> Option<String> {
    let mut all = Vec::new();
    elements(root, 0, &mut all);
    let t = all.iter().find(|e| tag(e) == "title").map(|e| text_of(e, 0))?;
    (!t.is_empty()).then_some(t)
}

/// The page's publication date as `YYYY.MM.DD`: `article:published_time` (or a
/// `datePublished`/`date` meta), else the first `<time datetime>`.
fn published(root: &Handle) -> Option<String> {
    let mut all = Vec::new();
    elements(root, 0, &mut all);
    let meta = all.iter().find_map(|e| {
        let key =
            attr(e, "property").or_else(|| attr(e, "name")).or_else(|| attr(e, "itemprop"))?;
        let dated = matches!(
            key.as_str(),
            "article:published_time" | "datePublished" | "date" | "pubdate" | "og:regDate"
        );
        (tag(e) == "meta" && dated).then(|| attr(e, "content")).flatten()
    });
    let time = || all.iter().find(|e| tag(e) == "time").and_then(|e| attr(e, "datetime"));
    iso_day(&meta.or_else(time)?)
}

/// `2026-03-18T10:30:00+09:00` → `2026.03.18`.
fn iso_day(s: &str) -> Option<String> {
    let day = s.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape = digits(0..4) && digits(5..7) && digits(8..10) && b[4] == b[7];
    shape.then(|| format!("{}.{}.{}", &day[..4], &day[5..7], &day[8..10]))
}

/// Walks the article container and collects its parts (rule 3).
#[derive(Default)]
struct Collector {
    /// The parts so far.
    parts: Vec<Part>,
    /// Inline text since the last block boundary.
    inline: String,
    /// The first `<h1>`.
    title: Option<String>,
}

impl Collector {
    /// Ends the running paragraph.
    fn flush(&mut self) {
        let p = clean_text(&std::mem::take(&mut self.inline));
        if !p.is_empty() {
            self.parts.push(Part::Para(p));
        }
    }

    /// Reads a node of the container.
    fn walk(&mut self, node: &Handle, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        if let NodeData::Text { contents } = &node.data {
            self.inline.push_str(&contents.borrow());
            return;
        }
        match tag(node) {
            "br" => self.flush(),
            "h1" if self.title.is_none() => {
                self.flush();
                self.title = Some(text_of(node, depth)).filter(|t| !t.is_empty());
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let h = text_of(node, depth);
                if !h.is_empty() {
                    self.parts.push(Part::Heading(h));
                }
            }
            "ul" | "ol" => {
                self.flush();
                let mut items = Vec::new();
                list_items(node, 0, depth, &mut items);
                if !items.is_empty() {
                    self.parts.push(Part::List(items));
                }
            }
            "table" => {
                self.flush();
                if let Some(t) = table(node, depth) {
                    self.parts.push(Part::Table(t));
                }
            }
            t => {
                let block = BLOCK_TAGS.contains(&t) || matches!(node.data, NodeData::Document);
                if block {
                    self.flush();
                }
                for c in readable_children(node) {
                    self.walk(&c, depth + 1);
                }
                if block {
                    self.flush();
                }
            }
        }
    }
}

/// The items of a `<ul>`/`<ol>` at `level`, nested lists a level deeper.
fn list_items(list: &Handle, level: usize, depth: usize, out: &mut Vec<Item>) {
    if depth > MAX_DEPTH {
        return;
    }
    for li in readable_children(list).iter().filter(|c| tag(c) == "li") {
        let mut own = String::new();
        let mut nested = Vec::new();
        for c in readable_children(li) {
            match tag(&c) {
                "ul" | "ol" => nested.push(c),
                _ => gather_text(&c, depth + 2, &mut own),
            }
        }
        let text = clean_text(&own);
        if !text.is_empty() {
            out.push(Item { level, text });
        }
        for n in nested {
            list_items(&n, level + 1, depth + 2, out);
        }
    }
}

/// A `<table>`'s rows (from `<thead>`, `<tbody>`, `<tfoot>` or directly), cells placed
/// by their `rowspan` and `colspan`.
fn table(node: &Handle, depth: usize) -> Option<Table> {
    let mut rows = Vec::new();
    for c in readable_children(node) {
        match tag(&c) {
            "tr" => rows.push(row(&c, depth + 1)),
            "thead" | "tbody" | "tfoot" => {
                for r in readable_children(&c).iter().filter(|r| tag(r) == "tr") {
                    rows.push(row(r, depth + 2));
                }
            }
            _ => {}
        }
    }
    Table::from_cells(place_rows(rows))
}

/// The cells of a `<tr>` with their spans.
fn row(tr: &Handle, depth: usize) -> Vec<SpanCell> {
    let span = |cell: &Handle, name: &str| {
        attr(cell, name).and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(1)
    };
    readable_children(tr)
        .iter()
        .filter(|c| matches!(tag(c), "td" | "th"))
        .map(|cell| SpanCell {
            text: text_of(cell, depth + 1),
            rows: span(cell, "rowspan"),
            cols: span(cell, "colspan"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_its_clutter() {
        let page = "<html><head><title>t</title><script>var x = '광고';</script></head><body>\
            <nav><a>홈</a><a>정치</a></nav><div class=\"ad-banner\">광고 문구입니다 지금 클릭하세요</div>\
            <article><h1>제목 줄</h1><p class=\"byline\">홍길동 기자</p>\
            <p>첫 문단은 충분히 긴 문장으로 되어 있다.</p><h2>소제목</h2><p>둘째 문단도 충분히 길게 쓴다.</p>\
            <ul><li>항목 하나<ul><li>안쪽 항목</li></ul></li></ul>\
            <table><tr><th>구분</th><th>2024년</th></tr><tr><td>수출</td><td>3조 원</td></tr></table>\
            <div class=\"related-news\"><p>관련 기사 제목이 여기에 있습니다</p></div></article>\
            <footer>회사 소개 저작권</footer><!-- comment --></body></html>";
        let doc = read(page);
        assert_eq!(doc.parts[0], Part::Title("제목 줄".into()));
        assert!(doc.parts.contains(&Part::Heading("소제목".into())));
        assert!(doc.parts.contains(&Part::List(vec![
            Item { level: 0, text: "항목 하나".into() },
            Item { level: 1, text: "안쪽 항목".into() },
        ])));
        let all = format!("{doc:?}");
        for clutter in ["홈", "광고", "홍길동", "관련 기사", "회사 소개", "comment"] {
            assert!(!all.contains(clutter), "{clutter} in {all}");
        }
        assert!(doc.parts.iter().any(|p| matches!(p, Part::Table(_))));
    }

    #[test]
    fn deep_nesting_is_cut_not_a_crash() {
        let page = format!("{}<p>글</p>", "<div>".repeat(20_000));
        let _ = read(&page);
    }
}
