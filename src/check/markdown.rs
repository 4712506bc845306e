//! Markdown that will not render as the editor meant (Y0601–Y0603) and link targets the
//! editions cannot keep (Y0702).
//!
//! The renderer already closes emphasis that CommonMark leaves open next to Hangul
//! (`**마크다운(Markdown)**을`), so only delimiters that stay literal after that repair are
//! reported. The repair is mirrored here from `crate::markdown` (same pairing rule), so the
//! check and the editions agree.

use super::Finding;
use crate::diagnostic::Severity;
use crate::markdown::{link_address, link_kept, options};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// Every finding in one Markdown text, with byte spans into `md`.
pub fn check(md: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut run: Vec<TextEvent> = Vec::new();
    let mut in_code = false;
    let mut heading: Option<(Range<usize>, bool)> = None;
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        let is_text = matches!(ev, Event::Text(_) | Event::Html(_) | Event::InlineHtml(_));
        if !is_text && !run.is_empty() {
            text_run(md, &std::mem::take(&mut run), &mut out);
        }
        match ev {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some((_, seen)) = &mut heading {
                    *seen |= !t.trim().is_empty();
                }
                if !in_code {
                    run.push(TextEvent { text: t.to_string(), range });
                }
            }
            Event::Code(_) => {
                if let Some((_, seen)) = &mut heading {
                    *seen = true;
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Heading { .. }) => heading = Some((range, false)),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((r, false)) = heading.take() {
                    out.push(empty_heading(r));
                }
            }
            Event::Start(
                Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. },
            ) if !link_kept(&link_address(link_type, &dest_url)) => {
                out.push(dropped_link(&dest_url, range));
            }
            _ => {}
        }
    }
    if !run.is_empty() {
        text_run(md, &run, &mut out);
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// Y0603: a Markdown heading (at `range`) with no text.
fn empty_heading(range: Range<usize>) -> Finding {
    Finding::new(
        "Y0603",
        Severity::Warning,
        range,
        "empty heading: a `#` line with no text".into(),
        "write the heading text after the `#`, or remove the line".into(),
    )
}

/// Y0702: a link (at `range`) to `dest_url`, which the editions drop.
fn dropped_link(dest_url: &str, range: Range<usize>) -> Finding {
    Finding::new(
        "Y0702",
        Severity::Warning,
        range,
        format!(
            "link target `{dest_url}` is not an absolute http(s) or mailto: address; the editions drop it"
        ),
        "link to a full address such as https://example.org/report".into(),
    )
}

/// A text event of the parser: its text and the source range it comes from.
struct TextEvent {
    /// The text as the parser gives it (entities and escapes resolved).
    text: String,
    /// Where it comes from in the Markdown.
    range: Range<usize>,
}

/// One run of adjacent text events (as the renderer coalesces them): literal emphasis
/// delimiters and link syntax that did not become a link.
fn text_run(md: &str, run: &[TextEvent], out: &mut Vec<Finding>) {
    let joined = JoinedRun::new(md, run);
    literal_emphasis(&joined, out);
    unpaired_link_syntax(&joined, out);
    spaced_links(&joined, out);
}

/// Where one event's text sits in the joined text and in the source.
struct Segment {
    /// Its offset in the joined text.
    offset: usize,
    /// Its range in the source.
    source: Range<usize>,
    /// Whether the source holds the text verbatim (offsets inside it map one to one).
    verbatim: bool,
}

/// A run of text events joined into one text, with the way back to the source.
struct JoinedRun<'m> {
    /// The Markdown source.
    md: &'m str,
    /// The events' texts, joined.
    text: String,
    /// One per event, in order.
    segments: Vec<Segment>,
}

impl<'m> JoinedRun<'m> {
    /// Joins the run's texts (the run is not empty).
    fn new(md: &'m str, run: &[TextEvent]) -> Self {
        let mut text = String::new();
        let mut segments = Vec::new();
        for e in run {
            let verbatim = md.get(e.range.clone()) == Some(e.text.as_str());
            segments.push(Segment { offset: text.len(), source: e.range.clone(), verbatim });
            text.push_str(&e.text);
        }
        JoinedRun { md, text, segments }
    }

    /// The source offset of `at` in the joined text: exact in verbatim text, else the start
    /// of its event.
    fn to_source(&self, at: usize) -> usize {
        let seg = self.segments.iter().rev().find(|s| s.offset <= at).unwrap_or(&self.segments[0]);
        if seg.verbatim { seg.source.start + (at - seg.offset) } else { seg.source.start }
    }

    /// Whether the delimiter at source offset `src` is backslash-escaped (meant literally).
    fn escaped(&self, src: usize) -> bool {
        self.md[..src].ends_with('\\') || self.md[src..].starts_with('\\')
    }
}

/// Y0601: emphasis delimiters that stay literal. One report per kind of delimiter and text
/// run: a broken pair is one mistake.
fn literal_emphasis(run: &JoinedRun, out: &mut Vec<Finding>) {
    let s = &run.text;
    let repaired = repaired_delimiters(s);
    let delims = delimiter_runs(s, &repaired);
    let (mut reported_single, mut reported_double) = (false, false);
    for (i, d) in delims.iter().enumerate() {
        let len = d.range.len();
        let report = if len >= 2 {
            !reported_double
        } else {
            d.symbol == '*' && !reported_single && opens_unparsed_emphasis(s, &delims, i)
        };
        let src = run.to_source(d.range.start);
        if report && !run.escaped(src) {
            if len == 1 {
                reported_single = true;
            } else {
                reported_double = true;
            }
            out.push(literal_emphasis_finding(&s[d.range.clone()], src));
        }
    }
}

/// A single `*` that opens (`*word`) with a later one that closes (`word*`): an attempt at
/// emphasis that the parser left alone.
fn opens_unparsed_emphasis(s: &str, delims: &[DelimiterRun], i: usize) -> bool {
    let after = s[delims[i].range.end..].chars().next();
    after.is_some_and(|c| !c.is_whitespace())
        && delims[i + 1..].iter().any(|d| {
            d.symbol == '*'
                && d.range.len() == 1
                && s[..d.range.start].chars().next_back().is_some_and(|c| !c.is_whitespace())
        })
}

/// The Y0601 finding for the literal delimiter `d` at source offset `src`.
fn literal_emphasis_finding(d: &str, src: usize) -> Finding {
    Finding::new(
        "Y0601",
        Severity::Warning,
        src..src + d.len(),
        format!("`{d}` stays literal: this emphasis does not close and will print as `{d}`"),
        format!(
            "put `{d}` directly around the emphasised words with no space inside (`{d}word{d}`), or escape it as `\\{}`",
            &d[..1]
        ),
    )
}

/// Y0602: `](` that did not become a link.
fn unpaired_link_syntax(run: &JoinedRun, out: &mut Vec<Finding>) {
    let s = &run.text;
    for (i, _) in s.match_indices("](") {
        let src = run.to_source(i);
        let has_open = s[..i].contains('[');
        let message = if has_open {
            "link syntax that does not become a link: `[text](` without a closing `)`, or an address with spaces"
        } else {
            "link syntax that does not become a link: `](` without a matching `[`"
        };
        out.push(Finding::new(
            "Y0602",
            Severity::Warning,
            src..src + 2,
            message.into(),
            "write links as `[text](https://…)` with both brackets, the closing `)` and no spaces in the address".into(),
        ));
    }
}

/// Y0602: `[text] (https://…)`, a space between the brackets and the address.
fn spaced_links(run: &JoinedRun, out: &mut Vec<Finding>) {
    let s = &run.text;
    for (i, _) in s.match_indices(']') {
        let rest = &s[i + 1..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        // Only when an address follows: `[단독] (서울=연합뉴스)` is ordinary Korean news prose.
        let target = rest[gap..].strip_prefix('(').unwrap_or_default().to_ascii_lowercase();
        let address =
            ["http://", "https://", "mailto:", "www."].iter().any(|p| target.starts_with(p));
        if gap > 0 && address && s[..i].contains('[') {
            let src = run.to_source(i);
            out.push(Finding::new(
                "Y0602",
                Severity::Warning,
                src..src + 1 + gap + 1,
                "`[text] (url)` is not a link: a space separates `]` from `(`".into(),
                "remove the space: `[text](url)`".into(),
            ));
        }
    }
}

/// A maximal run of one emphasis delimiter.
struct DelimiterRun {
    /// Where it is in the joined text.
    range: Range<usize>,
    /// `*` or `_`.
    symbol: char,
}

/// Maximal runs of `*` or `_` that the CJK repair did not consume.
fn delimiter_runs(s: &str, repaired: &[Range<usize>]) -> Vec<DelimiterRun> {
    let mut out: Vec<DelimiterRun> = Vec::new();
    for (i, c) in s.char_indices() {
        if c != '*' && c != '_' {
            continue;
        }
        if repaired.iter().any(|r| r.contains(&i)) {
            continue;
        }
        match out.last_mut() {
            Some(d) if d.range.end == i && d.symbol == c => d.range.end = i + 1,
            _ => out.push(DelimiterRun { range: i..i + 1, symbol: c }),
        }
    }
    out
}

/// The delimiters the renderer pairs itself (`markdown::cjk_emphasis_pair`, applied the
/// same way: first pair of `**`, else of `*`, then on in the text after it).
fn repaired_delimiters(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut base = 0;
    while let Some((open, close, len)) = find_cjk_pair(&s[base..]) {
        out.push(base + open..base + open + len);
        out.push(base + close..base + close + len);
        base += close + len;
    }
    out
}

use crate::markdown::cjk_emphasis_pair as find_cjk_pair;

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(md: &str) -> Vec<&'static str> {
        check(md).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn repaired_cjk_emphasis_is_fine() {
        assert!(codes("**마크다운(Markdown)**을 쓴다.").is_empty());
        assert!(codes("이것은 **강조**다. *기울임*도.").is_empty());
        assert!(codes("2 * 3 * 4, 잠정치*").is_empty());
        assert!(codes("an \\*\\*escaped\\*\\* star").is_empty());
    }

    #[test]
    fn literal_emphasis_is_reported() {
        assert_eq!(codes("닫히지 않은 **강조 문장"), ["Y0601"]);
        assert_eq!(codes("** 강조** 이다"), ["Y0601"]);
    }

    #[test]
    fn broken_links() {
        assert_eq!(codes("[보고서] (https://example.org)"), ["Y0602"]);
        assert!(codes("[단독] (서울=연합뉴스) 기사").is_empty());
        assert_eq!(codes("[보고서](https://example.org"), ["Y0602"]);
        assert_eq!(codes("보고서](https://example.org)"), ["Y0602"]);
        assert!(codes("[보고서](https://example.org) 참조 [1]").is_empty());
        assert_eq!(codes("[보고서](report.pdf)"), ["Y0702"]);
        assert_eq!(codes("[x](javascript:alert(1))"), ["Y0702"]);
        assert!(codes("<mailto:a@example.org>").is_empty());
        assert!(codes("<a@example.org>").is_empty());
        assert_eq!(codes("[보고서](../report.html)"), ["Y0702"]);
        assert_eq!(codes("<javascript:alert(1)>"), ["Y0702"]);
        assert_eq!(codes("[x][r]\n\n[r]: javascript:alert(1)"), ["Y0702"]);
        assert_eq!(codes("![차트](chart.svg)"), ["Y0702"]);
    }

    #[test]
    fn empty_headings() {
        assert_eq!(codes("#\n\n본문"), ["Y0603"]);
        assert_eq!(codes("## \n"), ["Y0603"]);
        assert!(codes("## 제목\n").is_empty());
    }
}
