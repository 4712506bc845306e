//! Markdown in, three shapes out: sanitised HTML, a block tree for Typst, and safe Markdown.
//!
//! Content is data: raw HTML written in a body is shown as text in every format (never
//! interpreted), links keep only the targets [`link_kept`] accepts, and emphasis that CommonMark
//! leaves open next to Hangul (`**마크다운(Markdown)**을`) is closed the way the editor meant.
//!
//! Every output is made from one event stream ([`events`]), so the formats cannot disagree: the
//! HTML through pulldown-cmark's writer and ammonia, the Typst data and the `.md` edition through
//! the [`Block`] tree (the `.md` edition is written anew from the tree, never patched from the
//! source, so no link form the parser knows can survive in it unchecked).

mod tree;
mod write;

pub use tree::{Align, Block, Inline, to_blocks, to_blocks_with};

use crate::numbers::refs::{self, Expr, Figure, Part};
use crate::text::escape_xml;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The Markdown dialect yoyak accepts: CommonMark plus GFM tables. `check` parses with the
/// same options, so what it reports is what the renderer sees.
///
/// Left out on purpose: strikethrough (GFM strikes `~text~` with single tildes, and Korean
/// writes ranges as `10~249명`), task lists, footnotes, GFM alerts, math (`$x$`), smart
/// punctuation and heading attributes. Their syntax prints as written.
pub fn options() -> Options {
    Options::ENABLE_TABLES
}

/// The one rule for link targets: an absolute http(s) URL with a host, or `mailto:` with an
/// address. `check` (Y0702) and every edition use it; other targets lose the link, keep the text.
pub fn link_kept(dest: &str) -> bool {
    match dest.strip_prefix("mailto:") {
        Some(addr) => {
            addr.contains('@') && !addr.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => crate::text::is_http_url(dest),
    }
}

/// Gives the figure a reference stands for, or `None` (the reference then shows as written).
pub type Resolve<'r> = dyn Fn(&Expr) -> Option<Figure> + 'r;

/// Parse, show raw HTML as text, turn images into links, drop links whose target is not kept,
/// repair CJK emphasis and, given a resolver, turn figure references in text (never in code)
/// into figures: the one event stream every output is made from.
fn events<'a>(md: &'a str, resolve: Option<&Resolve>) -> Vec<Event<'a>> {
    let evs = Parser::new_ext(md, options()).map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let evs = drop_unkept_links(images_as_links(evs));
    let evs = fix_cjk_emphasis(coalesce_text(evs));
    match resolve {
        Some(r) => figures(evs, r),
        None => evs,
    }
}

/// Text events with their references replaced by figure events. A figure travels as
/// `Event::InlineMath("value:text")`: math is off in [`options`], so the parser never makes
/// one, and every consumer here turns it into its own figure form.
fn figures<'a>(evs: Vec<Event<'a>>, resolve: &Resolve) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(evs.len());
    let mut in_code = false;
    // Whether nothing has been written in the current block yet (a figure there opens a
    // sentence and is capitalised).
    let mut block_start = true;
    for ev in evs {
        match &ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_),
            ) => block_start = true,
            _ => {}
        }
        match ev {
            Event::Text(t) if !in_code && refs::has_refs(&t) => {
                for seg in refs::scan(&t) {
                    let src = &t[seg.span.clone()];
                    let opens = block_start && t[..seg.span.start].trim().is_empty()
                        || refs::opens_sentence(&t[..seg.span.start])
                            && !t[..seg.span.start].trim().is_empty();
                    let ev = match seg.part {
                        Part::Text => Event::Text(CowStr::from(src.to_string())),
                        Part::Escape => Event::Text(CowStr::Borrowed("$(")),
                        Part::Ref(Ok(expr)) => match resolve(&expr) {
                            Some(f) => {
                                let text = if opens { refs::capitalised(&f.text) } else { f.text };
                                Event::InlineMath(format!("{}:{text}", f.value).into())
                            }
                            None => Event::Text(CowStr::from(src.to_string())),
                        },
                        Part::Ref(Err(_)) => Event::Text(CowStr::from(src.to_string())),
                    };
                    out.push(ev);
                }
                block_start = false;
            }
            ev @ (Event::Text(_) | Event::Code(_)) => {
                block_start = false;
                out.push(ev);
            }
            other => out.push(other),
        }
    }
    out
}

/// The value and text a figure event carries (see [`figures`]).
fn figure_of(s: &str) -> (&str, &str) {
    s.split_once(':').unwrap_or(("", s))
}

/// A figure as HTML: its text, its value kept machine-readable.
fn figure_html(s: &str) -> String {
    let (value, text) = figure_of(s);
    format!("<data value=\"{}\">{}</data>", escape_xml(value), escape_xml(text))
}

/// An image becomes a link to it (its alt text, or its address when it has none): the
/// editions work offline and fetch nothing. An image inside a link keeps only its alt text.
fn images_as_links<'a>(evs: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event> = Vec::new();
    let mut in_link = 0usize;
    // For each open image: was it turned into a link, and its address.
    let mut images: Vec<(bool, CowStr)> = Vec::new();
    for ev in evs {
        match ev {
            Event::Start(Tag::Link { .. }) => {
                in_link += 1;
                out.push(ev);
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                out.push(ev);
            }
            Event::Start(Tag::Image { dest_url, title, id, .. }) => {
                let linked = in_link == 0;
                if linked {
                    let link_type = LinkType::Inline;
                    let tag = Tag::Link { link_type, dest_url: dest_url.clone(), title, id };
                    out.push(Event::Start(tag));
                    in_link += 1;
                }
                images.push((linked, dest_url));
            }
            Event::End(TagEnd::Image) => {
                let Some((linked, dest)) = images.pop() else { continue };
                // No alt text: the address is the link's text.
                if matches!(out.last(), Some(Event::Start(Tag::Link { .. }))) {
                    out.push(Event::Text(dest));
                }
                if linked {
                    in_link -= 1;
                    out.push(Event::End(TagEnd::Link));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The address a link goes to: pulldown-cmark reports an email autolink (`<a@example.org>`)
/// without its `mailto:`.
pub fn link_address(link_type: LinkType, dest: &str) -> std::borrow::Cow<'_, str> {
    if link_type == LinkType::Email { format!("mailto:{dest}").into() } else { dest.into() }
}

/// Links whose address [`link_kept`] refuses lose their start and end; their text stays.
fn drop_unkept_links(evs: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut kept: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(evs.len());
    for ev in evs {
        match ev {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let address = link_address(link_type, &dest_url).into_owned();
                let keep = link_kept(&address);
                kept.push(keep);
                if keep {
                    // The address now holds its `mailto:`; an email type would add another.
                    let link_type =
                        if link_type == LinkType::Email { LinkType::Autolink } else { link_type };
                    let dest_url = CowStr::from(address);
                    out.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            }
            Event::End(TagEnd::Link) => {
                if kept.pop().unwrap_or(false) {
                    out.push(ev);
                }
            }
            ev => out.push(ev),
        }
    }
    out
}

/// Adjacent text events become one, so delimiters split across events can be found.
fn coalesce_text(evs: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(evs.len());
    for ev in evs {
        if let (Event::Text(new), Some(Event::Text(prev))) = (&ev, out.last_mut()) {
            *prev = CowStr::from(format!("{prev}{new}"));
            continue;
        }
        out.push(ev);
    }
    out
}

/// Hangul, kana and CJK ideographs: letters that make CommonMark's flanking rules misfire.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// Emphasis that CommonMark's flanking rules leave as literal `**` because a Hangul (or other
/// CJK) letter touches the delimiter: pair such delimiters inside one text run ourselves.
fn fix_cjk_emphasis(evs: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(evs.len());
    let mut in_code = false;
    for ev in evs {
        match &ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        match ev {
            Event::Text(t) if !in_code && t.contains('*') => split_emphasis(&t, &mut out),
            other => out.push(other),
        }
    }
    out
}

/// One text run with its repaired emphasis pairs as strong/emphasis events.
fn split_emphasis(text: &str, out: &mut Vec<Event<'_>>) {
    let mut rest = text;
    while let Some((open, close, len)) = cjk_emphasis_pair(rest) {
        if open > 0 {
            out.push(Event::Text(CowStr::from(rest[..open].to_string())));
        }
        let (start, end) = if len == 2 {
            (Tag::Strong, TagEnd::Strong)
        } else {
            (Tag::Emphasis, TagEnd::Emphasis)
        };
        out.push(Event::Start(start));
        out.push(Event::Text(CowStr::from(rest[open + len..close].to_string())));
        out.push(Event::End(end));
        rest = &rest[close + len..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// Byte offsets (open, close, delimiter length) of the first emphasis pair CommonMark leaves
/// literal next to Hangul and that yoyak repairs; `check` uses the same rule to know what
/// will still print literally.
pub fn cjk_emphasis_pair(s: &str) -> Option<(usize, usize, usize)> {
    for delim in ["**", "*"] {
        let mut from = 0;
        while let Some(open_rel) = s[from..].find(delim) {
            let open = from + open_rel;
            let inner_start = open + delim.len();
            let Some(close_rel) = s[inner_start..].find(delim) else { break };
            let close = inner_start + close_rel;
            let inner = &s[inner_start..close];
            let after = close + delim.len();
            let before_c = s[..open].chars().next_back();
            let after_c = s[after..].chars().next();
            let inner_ok = !inner.is_empty()
                && !inner.starts_with(char::is_whitespace)
                && !inner.ends_with(char::is_whitespace)
                && !inner.starts_with('*')
                && !inner.ends_with('*');
            let touches_cjk = before_c.is_some_and(is_cjk) || after_c.is_some_and(is_cjk);
            if inner_ok && touches_cjk {
                return Some((open, close, delim.len()));
            }
            from = close;
        }
    }
    None
}

/// Markdown → HTML fragment, raw HTML shown as text, then sanitised as a second line of defence.
pub fn to_html(md: &str) -> String {
    html_of(events(md, None))
}

/// The same, with figure references resolved: each figure is `<data value="…">text</data>`.
pub fn to_html_with(md: &str, resolve: &Resolve) -> String {
    html_of(events(md, Some(resolve)))
}

/// The event stream as sanitised HTML.
fn html_of(evs: Vec<Event<'_>>) -> String {
    let evs = evs.into_iter().map(|ev| match ev {
        Event::InlineMath(f) => Event::InlineHtml(figure_html(&f).into()),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, evs);
    sanitise_html(&html)
}

/// ammonia with the schemes we allow and no relative links; every link opens safely. Table
/// cells keep their `text-align` (the only style property let through).
pub fn sanitise_html(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tags(["data"])
        .add_tag_attributes("data", ["value"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .clean(html)
        .to_string()
}

/// A Markdown body made safe to publish as Markdown: written anew from the block tree, so raw
/// HTML is escaped text, only kept link targets appear (always as inline links: no reference
/// definitions, autolinks or images), and emphasis that CommonMark would leave open next to
/// Hangul is written as `<strong>`/`<em>` so any renderer closes it.
pub fn to_safe_markdown(md: &str) -> String {
    write::markdown(&to_blocks(md))
}

/// The same, from a block tree already built.
pub fn blocks_to_markdown(blocks: &[Block]) -> String {
    write::markdown(blocks)
}

/// Escape plain text for inline Markdown: every character CommonMark (or GitHub's dialect)
/// could read as syntax is backslash-escaped, so the text shows exactly as written. Characters
/// that only mean something at the start of a line (`#`, `-`, `+`, `1.`) are escaped there only,
/// which keeps ordinary words such as `open-source` readable in the `.md` file. Control
/// characters are dropped.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    let trimmed = out.trim_start();
    let lead = out.len() - trimmed.len();
    if trimmed.starts_with(['#', '-', '+', '=']) {
        out.insert(lead, '\\');
    } else if let Some(dot) = trimmed.find(['.', ')'])
        && dot > 0
        && trimmed[..dot].bytes().all(|b| b.is_ascii_digit())
        && trimmed[dot + 1..].chars().next().is_none_or(char::is_whitespace)
    {
        // `1. text` or `1) text` at the start would become a list.
        out.insert(lead + dot, '\\');
    }
    // A trailing `#` would be read as a heading's closing sequence and dropped.
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_link_targets() {
        for kept in ["https://example.org/a", "http://example.org", "mailto:a@example.org"] {
            assert!(link_kept(kept), "{kept}");
        }
        for dropped in [
            "javascript:alert(1)",
            "../secret.html",
            "report.pdf",
            "#top",
            "//example.org",
            "https:relative",
            "https://",
            "HTTPS://example.org",
            "mailto:nobody",
            "data:text/html,x",
        ] {
            assert!(!link_kept(dropped), "{dropped}");
        }
    }

    #[test]
    fn html_drops_what_check_drops() {
        let html = to_html("[a](../x.html) [b](https:y) <javascript:z> [c](https://example.org)");
        assert_eq!(
            html,
            "<p>a b javascript:z <a href=\"https://example.org\" rel=\"noopener noreferrer\">c</a></p>\n"
        );
    }

    #[test]
    fn images_become_links_and_fetch_nothing() {
        let html = to_html("![chart](https://example.org/c.png) ![](https://example.org/d.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(">chart</a>") && html.contains(">https://example.org/d.png</a>"));
        assert_eq!(to_html("![x](javascript:y)"), "<p>x</p>\n");
    }

    #[test]
    fn table_alignment_reaches_the_html() {
        let html = to_html("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |");
        for (cell, align) in [("l", "left"), ("c", "center"), ("r", "right"), ("3", "right")] {
            let tag =
                if cell.len() == 1 && cell.chars().all(char::is_alphabetic) { "th" } else { "td" };
            assert!(
                html.contains(&format!("<{tag} style=\"text-align:{align}\">{cell}</{tag}>")),
                "{html}"
            );
        }
        assert!(html.contains("<th>n</th>") && html.contains("<td>4</td>"), "{html}");
    }

    #[test]
    fn figures_in_every_inline_context_and_never_in_code() {
        let resolve = |e: &Expr| {
            (e.left == "n").then(|| Figure { value: "4320000".into(), text: "432만 개".into() })
        };
        let md = "# 제목 $(n)\n\n- **$(n)** [$(n)](https://example.org)\n\n| a |\n|---|\n| $(n) |\n\n\
                  `$(n)` $$(n) $(unknown)\n\n```\n$(n)\n```";
        let html = to_html_with(md, &resolve);
        let data = "<data value=\"4320000\">432만 개</data>";
        assert_eq!(html.matches(data).count(), 4, "{html}");
        assert!(html.contains(&format!("<strong>{data}</strong>")), "{html}");
        assert!(html.contains("<code>$(n)</code> $(n) $(unknown)"), "{html}");
        assert!(html.contains("<pre><code>$(n)\n</code></pre>"), "{html}");
        let blocks = to_blocks_with(md, &resolve);
        let written = blocks_to_markdown(&blocks);
        assert_eq!(written.matches("432만 개").count(), 4, "{written}");
        assert!(written.contains("`$(n)` \\$(n) \\$(unknown)"), "{written}");
        let figure = Inline::Figure { value: "4320000".into(), s: "432만 개".into() };
        assert_eq!(
            blocks[0],
            Block::H { level: 1, c: vec![Inline::Text { s: "제목 ".into() }, figure] }
        );
    }

    #[test]
    fn a_figure_that_opens_a_sentence_is_capitalised() {
        let resolve = |_: &Expr| Some(Figure { value: "3".into(), text: "over 3".into() });
        let html = to_html_with("$(a) rose. Then $(a) fell. $(a) again.\n\n- $(a)", &resolve);
        let over = |t: &str| format!("<data value=\"3\">{t}</data>");
        assert!(html.starts_with(&format!("<p>{} rose. Then {}", over("Over 3"), over("over 3"))));
        assert!(html.contains(&format!("fell. {} again.", over("Over 3"))), "{html}");
        assert!(html.contains(&format!("<li>{}</li>", over("Over 3"))), "{html}");
    }

    #[test]
    fn table_tree_carries_alignment_and_full_rows() {
        let blocks = to_blocks("| a | b |\n|:-:|--:|\n| 1 |\n| 1 | 2 | 3 |");
        let [Block::Table { align, head, rows }] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!(align, &[Align::Center, Align::Right]);
        assert_eq!(head.len(), 2);
        assert!(rows.iter().all(|r| r.len() == 2), "{rows:?}");
    }
}
