//! A draft kept within the project's limits, so that what `import` writes loads: a long report
//! can state hundreds of figures, and a page whose markup could not be read (an unclosed
//! `<title>` swallows the rest of an HTML page) can come out as one paragraph longer than any
//! field may be. What is left out is said in a warning; the article itself still holds it.

use super::Draft;
use crate::content::Limits;

/// Fit `draft` within `limits` (`limits.facts`, `limits.text-length`): one warning for each
/// thing cut short or left out.
pub fn fit(draft: &mut Draft, limits: &Limits) -> Vec<String> {
    let mut warnings: Vec<String> = fit_facts(draft, limits).into_iter().collect();
    let limit = usize::try_from(limits.text_length).unwrap_or(usize::MAX);
    for (field, text) in texts(draft) {
        if let Some(chars) = cut(text, limit) {
            warnings.push(format!(
                "{field} is {chars} characters, over `limits.text-length` ({limit}): the draft \
                 keeps its first {}; the rest is in the article (raise the limit in yoyak.yaml \
                 to keep it all)",
                text.chars().count()
            ));
        }
    }
    warnings
}

/// Keep the first `limits.facts` facts; the warning says how many the article states.
fn fit_facts(draft: &mut Draft, limits: &Limits) -> Option<String> {
    let found = draft.facts.len();
    let limit = usize::try_from(limits.facts).unwrap_or(usize::MAX);
    if found <= limit {
        return None;
    }
    draft.facts.truncate(limit);
    Some(format!(
        "the article states {found} figures; the draft keeps the first {limit} as facts \
         (`limits.facts` in yoyak.yaml); raise it to keep more"
    ))
}

/// Every text of the draft the loader measures, named by its field.
fn texts(d: &mut Draft) -> Vec<(String, &mut String)> {
    let mut all: Vec<(String, &mut String)> = vec![("the title".into(), &mut d.title)];
    all.extend(d.publisher.as_mut().map(|p| ("the publisher".into(), p)));
    all.extend(d.lead.as_mut().map(|l| ("the lead".into(), l)));
    for (i, s) in d.summary.iter_mut().enumerate() {
        all.push((format!("key point {}", i + 1), s));
    }
    for (i, s) in d.sections.iter_mut().enumerate() {
        all.push((format!("the heading of section {}", i + 1), &mut s.heading));
        all.push((format!("the body of section {}", i + 1), &mut s.body));
    }
    for f in &mut d.facts {
        all.push((format!("the label of fact `{}`", f.id), &mut f.label));
    }
    all
}

/// Cut `text` to at most `limit` characters — at the last paragraph break, line break or space
/// in the last fifth of what fits, else at the limit — with no dangling Markdown escape at the
/// end. `None` when it fits; else how many characters it had.
fn cut(text: &mut String, limit: usize) -> Option<usize> {
    let (end, _) = text.char_indices().nth(limit)?;
    let chars = limit + text[end..].chars().count();
    let head = &text[..end];
    let late = |i: &usize| *i >= end / 5 * 4;
    let at = (head.rfind("\n\n").filter(late))
        .or_else(|| head.rfind('\n').filter(late))
        .or_else(|| head.rfind(' ').filter(late))
        .unwrap_or(end);
    let kept = text[..at].trim_end_matches(|c: char| c == '\\' || c.is_whitespace()).len();
    text.truncate(kept);
    Some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_within_the_limit_is_left_alone() {
        let mut s = "가나다 라마".to_string();
        assert_eq!(cut(&mut s, 6), None);
        assert_eq!(s, "가나다 라마");
    }

    #[test]
    fn a_long_text_is_cut_at_the_latest_break_near_its_limit() {
        // A paragraph break near the limit wins over a later space.
        let mut s = format!("{}\n\n{} tail", "a".repeat(90), "b".repeat(20));
        assert_eq!(cut(&mut s, 100), Some(117));
        assert_eq!(s, "a".repeat(90));
        // One far from it does not: the last space near the limit is taken.
        let mut s = format!("{}\n\n{} {}", "a".repeat(10), "b".repeat(85), "c".repeat(20));
        assert_eq!(cut(&mut s, 100), Some(118));
        assert_eq!(s, format!("{}\n\n{}", "a".repeat(10), "b".repeat(85)));
        // No break at all: cut at the limit, counted in characters, not bytes.
        let mut s = "가".repeat(30);
        assert_eq!(cut(&mut s, 10), Some(30));
        assert_eq!(s, "가".repeat(10));
    }

    #[test]
    fn a_cut_never_leaves_an_escape_dangling() {
        let mut s = r"abc \<div\> and more".to_string();
        assert_eq!(cut(&mut s, 5), Some(20));
        assert_eq!(s, "abc");
        let mut s = r"abcdefgh\<".to_string();
        cut(&mut s, 9);
        assert_eq!(s, "abcdefgh");
    }
}
