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
    let mut run: Vec<(String, Range<usize>)> = Vec::new();
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
                    run.push((t.to_string(), range));
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
                    out.push(Finding::new(
                        "Y0603",
                        Severity::Warning,
                        r,
                        "empty heading: a `#` line with no text".into(),
                        "write the heading text after the `#`, or remove the line".into(),
                    ));
                }
            }
            Event::Start(
                Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. },
            ) if !link_kept(&link_address(link_type, &dest_url)) => {
                out.push(Finding::new(
                    "Y0702",
                    Severity::Warning,
                    range,
                    format!(
                        "link target `{dest_url}` is not an absolute http(s) or mailto: address; the editions drop it"
                    ),
                    "link to a full address such as https://example.org/report".into(),
                ));
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

/// One run of adjacent text events (as the renderer coalesces them): literal emphasis
/// delimiters and link syntax that did not become a link.
fn text_run(md: &str, run: &[(String, Range<usize>)], out: &mut Vec<Finding>) {
    let mut s = String::new();
    // (offset in `s`, source range, whether the text is the source verbatim)
    let mut segs: Vec<(usize, Range<usize>, bool)> = Vec::new();
    for (t, r) in run {
        segs.push((s.len(), r.clone(), md.get(r.clone()) == Some(t.as_str())));
        s.push_str(t);
    }
    let to_source = |at: usize| -> usize {
        let seg = segs.iter().rev().find(|(o, _, _)| *o <= at).unwrap_or(&segs[0]);
        if seg.2 { seg.1.start + (at - seg.0) } else { seg.1.start }
    };
    // A backslash-escaped delimiter is meant literally.
    let escaped = |src: usize| md[..src].ends_with('\\') || md[src..].starts_with('\\');

    let repaired = repaired_delimiters(&s);
    let delims = delimiter_runs(&s, &repaired);
    // One report per kind of delimiter and text run: a broken pair is one mistake.
    let (mut reported_single, mut reported_double) = (false, false);
    for (i, (r, ch)) in delims.iter().enumerate() {
        let len = r.len();
        let after = s[r.end..].chars().next();
        let report = if len >= 2 {
            !reported_double
        } else if *ch == '*' && !reported_single {
            // A single `*` that opens (`*word`) with a later one that closes (`word*`): an
            // attempt at emphasis that the parser left alone.
            after.is_some_and(|c| !c.is_whitespace())
                && delims[i + 1..].iter().any(|(r2, c2)| {
                    *c2 == '*'
                        && r2.len() == 1
                        && s[..r2.start].chars().next_back().is_some_and(|c| !c.is_whitespace())
                })
        } else {
            false
        };
        let src = to_source(r.start);
        if report && !escaped(src) {
            if len == 1 {
                reported_single = true;
            } else {
                reported_double = true;
            }
            let d = &s[r.clone()];
            out.push(Finding::new(
                "Y0601",
                Severity::Warning,
                src..src + len,
                format!("`{d}` stays literal: this emphasis does not close and will print as `{d}`"),
                format!(
                    "put `{d}` directly around the emphasised words with no space inside (`{d}word{d}`), or escape it as `\\{}`",
                    &d[..1]
                ),
            ));
        }
    }

    for (i, _) in s.match_indices("](") {
        let src = to_source(i);
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
    for (i, _) in s.match_indices(']') {
        let rest = &s[i + 1..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        // Only when an address follows: `[단독] (서울=연합뉴스)` is ordinary Korean news prose.
        let target = rest[gap..].strip_prefix('(').unwrap_or_default().to_ascii_lowercase();
        let address =
            ["http://", "https://", "mailto:", "www."].iter().any(|p| target.starts_with(p));
        if gap > 0 && address && s[..i].contains('[') {
            let src = to_source(i);
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

/// Maximal runs of `*` or `_` that the CJK repair did not consume.
fn delimiter_runs(s: &str, repaired: &[Range<usize>]) -> Vec<(Range<usize>, char)> {
    let mut out: Vec<(Range<usize>, char)> = Vec::new();
    for (i, c) in s.char_indices() {
        if c != '*' && c != '_' {
            continue;
        }
        if repaired.iter().any(|r| r.contains(&i)) {
            continue;
        }
        match out.last_mut() {
            Some((r, prev)) if r.end == i && *prev == c => r.end = i + 1,
            _ => out.push((i..i + 1, c)),
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
