//! Figures across languages (Y0301, Y0302) and fact `display` overrides (Y0401, Y0403).
//!
//! Every figure comes from the number engine ([`crate::numbers`]); nothing here parses or
//! formats a number. Figures are matched by meaning, as multisets: each figure in one
//! language pairs with at most one in the other, exact agreements first, then agreements
//! within rounding, then comparable figures that differ.

use super::{FileCx, Finding, unfinished};
use crate::content::refs::{Expansion, Resolver};
use crate::content::{Briefing, Text};
use crate::diagnostic::Severity;
use crate::numbers::{self, Agreement, Approx, Found, Quantity, Unit};

/// Languages the number engine reads in full; others get a digits-only reading, in which
/// `432万` is 432, so only percentages are compared for them.
fn read_in_full(lang: &str) -> bool {
    matches!(lang.split(['-', '_']).next(), Some("ko" | "en"))
}

/// How the figures of two versions of one text pair up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pair {
    /// Same meaning (not reported).
    Same(usize, usize),
    /// Agree only within rounding or qualifier: (source index, target index).
    Lost(usize, usize),
    /// Comparable but different: (source index, target index).
    Differ(usize, usize),
    /// A source figure with no counterpart in the target.
    OnlySource(usize),
    /// A target figure with no counterpart in the source.
    OnlyTarget(usize),
}

/// Pair the figures of a source text and its translation by meaning.
pub fn pair(src: &[Quantity], tgt: &[Quantity]) -> Vec<Pair> {
    let mut used_s = vec![false; src.len()];
    let mut used_t = vec![false; tgt.len()];
    let mut out = Vec::new();
    for want in [Agreement::Same, Agreement::PrecisionLost, Agreement::Different] {
        let agrees = |s: &Quantity, t: &Quantity| numbers::compare(s, t) == want;
        for Matched { source: i, target: j } in greedy(src, tgt, &mut used_s, &mut used_t, &agrees)
        {
            out.push(match want {
                Agreement::Same => Pair::Same(i, j),
                Agreement::PrecisionLost => Pair::Lost(i, j),
                _ => Pair::Differ(i, j),
            });
        }
    }
    // The same bare number read as a year on one side and as a count on the other
    // (`2025 생성형 AI 이용 실태조사` / `2025 Survey on Generative AI Use`) is one figure.
    let pairs = greedy(src, tgt, &mut used_s, &mut used_t, &year_read_as_count);
    out.extend(pairs.into_iter().map(|m| Pair::Same(m.source, m.target)));
    out.extend(used_s.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| Pair::OnlySource(i)));
    out.extend(used_t.iter().enumerate().filter(|(_, u)| !**u).map(|(j, _)| Pair::OnlyTarget(j)));
    out
}

/// A source figure and the target figure it was paired with, by index.
struct Matched {
    /// The source figure's index.
    source: usize,
    /// The target figure's index.
    target: usize,
}

/// Each unused source figure in order takes the first unused target figure it `agrees` with.
///
/// Targets written identically (same value, scale, unit, qualifier and noun) agree alike, so
/// each source is compared with one figure per such group, not with every target: 20,000
/// `1 조` on both sides cost 20,000 comparisons instead of 200 million.
fn greedy(
    src: &[Quantity],
    tgt: &[Quantity],
    used_s: &mut [bool],
    used_t: &mut [bool],
    agrees: &dyn Fn(&Quantity, &Quantity) -> bool,
) -> Vec<Matched> {
    // Groups of identical unused targets, each a queue of indices in order.
    let mut group_of: std::collections::HashMap<String, usize> = Default::default();
    let mut groups: Vec<std::collections::VecDeque<usize>> = Vec::new();
    for (j, t) in tgt.iter().enumerate().filter(|(j, _)| !used_t[*j]) {
        let g = *group_of.entry(format!("{t:?}")).or_insert_with(|| {
            groups.push(Default::default());
            groups.len() - 1
        });
        groups[g].push_back(j);
    }
    let mut out = Vec::new();
    for (i, s) in src.iter().enumerate() {
        if used_s[i] {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (g, queue) in groups.iter().enumerate() {
            let Some(&j) = queue.front() else { continue };
            if best.is_none_or(|(b, _)| j < b) && agrees(s, &tgt[j]) {
                best = Some((j, g));
            }
        }
        if let Some((j, g)) = best {
            groups[g].pop_front();
            used_s[i] = true;
            used_t[j] = true;
            out.push(Matched { source: i, target: j });
        }
    }
    out
}

/// A year in one text and a bare count without a noun, of the same value, in the other.
fn year_read_as_count(a: &Quantity, b: &Quantity) -> bool {
    let bare = |q: &Quantity| q.unit == Unit::Count && q.noun.is_none();
    let kinds = (a.unit == Unit::Year && bare(b)) || (b.unit == Unit::Year && bare(a));
    kinds && a.amount == b.amount && a.approx == b.approx
}

/// The briefing's date as the engine's dateline.
pub(super) fn dateline(b: &Briefing) -> Option<(i32, u8, u8)> {
    crate::content::parse_date(&b.date)
}

/// The figures of `text`; when the languages are not both read in full, only percentages,
/// read as exact values.
fn find(text: &str, lang: &str, dl: Option<(i32, u8, u8)>, full: bool) -> Vec<Found> {
    let mut found = numbers::find_with_dateline(text, lang, dl);
    if !full {
        // A digits-only reading sees neither `万` nor `以上`: keep percentages, as values.
        found.retain(|f| matches!(f.quantity.unit, Unit::Percent | Unit::PercentagePoints));
        for f in &mut found {
            f.quantity.approx = Approx::Exact;
        }
    }
    found
}

/// `q` written in `lang`, as a suggestion in a fix. Without its noun: the noun the engine
/// saw is a word of the other language, or just the next word.
fn suggest(cx: &FileCx, q: &Quantity, lang: &str) -> String {
    let mut q = q.clone();
    q.noun = None;
    numbers::format(&q, lang, &cx.config.numbers)
}

/// Korean words after a figure that make it a bound: the engine reads only a number's own
/// affixes (`이상`, `약`), so `225만 개를 넘어섰다` ("exceeded 2.25 million") is exact to it,
/// while its translation says `more than 2.25 million`.
const KO_OVER: &[&str] = &["넘어", "넘었", "넘는", "넘긴", "넘게", "넘을", "돌파", "웃돌", "상회"];
const KO_UNDER: &[&str] = &["밑돌", "하회", "못 미", "못미"];
const KO_PARTICLES: &[&str] = &["으로", "을", "를", "이", "가", "은", "는", "에", "로", "도"];
/// English verbs before a figure that make it a bound (`exceeded 2.25 million`).
const EN_OVER: &[&str] = &["exceeded", "exceeds", "exceed", "surpassed", "surpasses", "topped"];

/// The bound a figure's surrounding words state, when the engine's reading is exact.
fn worded_bound(text: &str, f: &Found, lang: &str) -> Option<Approx> {
    if f.quantity.approx != Approx::Exact {
        return None;
    }
    let dated = matches!(f.quantity.unit, Unit::Year | Unit::Date);
    match lang.split(['-', '_']).next() {
        Some("ko") => {
            let after = &text[f.span.end..];
            // `지난해부터` = since last year; `2027년까지` = by 2027.
            if dated && after.starts_with("부터") {
                return Some(Approx::Over);
            }
            if dated && after.starts_with("까지") {
                return Some(Approx::Under);
            }
            let after = after.trim_start();
            let after = KO_PARTICLES
                .iter()
                .find_map(|p| after.strip_prefix(p))
                .unwrap_or(after)
                .trim_start();
            if KO_OVER.iter().any(|w| after.starts_with(w)) {
                Some(Approx::Over)
            } else if KO_UNDER.iter().any(|w| after.starts_with(w)) {
                Some(Approx::Under)
            } else {
                None
            }
        }
        Some("en") => {
            let before = text[..f.span.start].trim_end().to_lowercase();
            EN_OVER.iter().any(|w| before.ends_with(w)).then_some(Approx::Over)
        }
        _ => None,
    }
}

/// The figures' quantities with their worded bounds applied.
pub(super) fn meanings(text: &str, found: &[Found], lang: &str) -> Vec<Quantity> {
    found
        .iter()
        .map(|f| match worded_bound(text, f, lang) {
            Some(a) => f.quantity.clone().with_approx(a),
            None => f.quantity.clone(),
        })
        .collect()
}

/// Y0301/Y0302 for every bilingual text of the briefing.
pub fn check_prose(cx: &mut FileCx, b: &Briefing) {
    let dl = dateline(b);
    let langs = cx.config.languages.clone();
    let Some((sl, targets)) = langs.split_first() else { return };
    for (path, text, _) in b.texts() {
        // Nouns are words, and displays are checked against their fact (Y0401).
        if path.ends_with(".noun") || path.ends_with(".display") {
            continue;
        }
        for tl in targets {
            compare_text(cx, b, &path, text, (sl, tl), dl);
        }
    }
}

/// Y0301/Y0302 for one text in the source language `sl` and one target language `tl`, once
/// both are written and neither is unfinished.
fn compare_text(
    cx: &mut FileCx,
    b: &Briefing,
    path: &str,
    text: &Text,
    (sl, tl): (&str, &str),
    dl: Option<(i32, u8, u8)>,
) {
    let (Some(s_text), Some(t_text)) = (text.get(sl), text.get(tl)) else { return };
    if s_text.trim() == t_text.trim() || unfinished(s_text) || unfinished(t_text) {
        // Not translated yet (Y0202, or a Y0204 marker such as `TODO: translate`): figures
        // are compared once there is a translation to compare.
        return;
    }
    let full = read_in_full(sl) && read_in_full(tl);
    let style = &cx.config.numbers;
    let src = Version::read(path, s_text, Resolver::new(b, sl, style), dl, full);
    let tgt = Version::read(path, t_text, Resolver::new(b, tl, style), dl, full);
    for p in pair(&src.meanings, &tgt.meanings) {
        report_pair(cx, &src, &tgt, p);
    }
}

/// One language's version of a text, with its figures (references written out).
struct Version<'t> {
    /// The language.
    lang: &'t str,
    /// The field path of this version (`sections[0].body.en`).
    field: String,
    /// The text as written.
    source: &'t str,
    /// The text as readers see it, and where its parts come from in `source`.
    shown: Expansion,
    /// Its figures as the engine found them.
    found: Vec<Found>,
    /// What each figure means, worded bounds applied when the language is read in full.
    meanings: Vec<Quantity>,
}

impl<'t> Version<'t> {
    /// The figures of `source`, the version of the text at `path` in the resolver's language.
    fn read(
        path: &str,
        source: &'t str,
        refs: Resolver<'t>,
        dl: Option<(i32, u8, u8)>,
        full: bool,
    ) -> Self {
        let lang = refs.lang();
        let shown = refs.expand(source);
        let text = shown.text();
        let found = find(&text, lang, dl, full);
        let meanings = if full {
            meanings(&text, &found, lang)
        } else {
            found.iter().map(|f| f.quantity.clone()).collect()
        };
        Version { lang, field: format!("{path}.{lang}"), source, shown, found, meanings }
    }
}

/// Reports one pair of figures that do not agree, in the version the finding is about.
fn report_pair(cx: &mut FileCx, src: &Version, tgt: &Version, p: Pair) {
    let (version, finding) = match p {
        Pair::Same(..) => return,
        Pair::Lost(i, j) => (tgt, precision_lost(cx, src, tgt, i, j)),
        Pair::Differ(i, j) => (tgt, differs(cx, src, tgt, i, j)),
        Pair::OnlyTarget(j) => (tgt, only_in_target(src, tgt, j)),
        Pair::OnlySource(i) => (src, only_in_source(cx, src, tgt, i)),
    };
    let finding = Finding { span: version.shown.source_span(finding.span.clone()), ..finding };
    cx.span(&version.field, version.source, finding);
}

/// Y0302: the target figure `j` only approximates the source figure `i`.
fn precision_lost(cx: &FileCx, src: &Version, tgt: &Version, i: usize, j: usize) -> Finding {
    let (s, t) = (&src.found[i], &tgt.found[j]);
    let (sl, tl) = (src.lang, tgt.lang);
    let fix = format!(
        "write `{}` to keep the precision and qualifier of the {sl} text",
        suggest(cx, &src.meanings[i], tl)
    );
    Finding::new(
        "Y0302",
        Severity::Warning,
        t.span.clone(),
        format!(
            "`{}` ({tl}) only approximates `{}` ({sl}): precision or qualifier lost",
            t.source, s.source
        ),
        fix,
    )
}

/// Y0301: the target figure `j` says something else than the source figure `i`.
fn differs(cx: &FileCx, src: &Version, tgt: &Version, i: usize, j: usize) -> Finding {
    let (s, t) = (&src.found[i], &tgt.found[j]);
    let (sl, tl) = (src.lang, tgt.lang);
    let fix = format!(
        "make the {tl} text say `{}` (or correct the {sl} text)",
        suggest(cx, &src.meanings[i], tl)
    );
    Finding::new(
        "Y0301",
        Severity::Error,
        t.span.clone(),
        format!("`{}` ({tl}) differs from `{}` ({sl})", t.source, s.source),
        fix,
    )
}

/// Y0301: the target figure `j` is not in the source.
fn only_in_target(src: &Version, tgt: &Version, j: usize) -> Finding {
    let t = &tgt.found[j];
    let (sl, tl) = (src.lang, tgt.lang);
    Finding::new(
        "Y0301",
        Severity::Error,
        t.span.clone(),
        format!("`{}` ({tl}) has no counterpart in {sl}", t.source),
        format!("remove the figure from the {tl} text, or add it to the {sl} text"),
    )
}

/// Y0301: the source figure `i` is not in the target.
fn only_in_source(cx: &FileCx, src: &Version, tgt: &Version, i: usize) -> Finding {
    let s = &src.found[i];
    let (sl, tl) = (src.lang, tgt.lang);
    let fix = format!(
        "state the figure in the {tl} text too (`{}`), or remove it from the {sl} text",
        suggest(cx, &src.meanings[i], tl)
    );
    Finding::new(
        "Y0301",
        Severity::Error,
        s.span.clone(),
        format!("`{}` ({sl}) has no counterpart in {tl}", s.source),
        fix,
    )
}

/// Y0401/Y0403: a fact's `display` must mean its `value`.
pub fn check_displays(cx: &mut FileCx, b: &Briefing) {
    let dl = dateline(b);
    for (i, fact) in b.facts.iter().enumerate() {
        let Some(display) = &fact.display else { continue };
        for (lang, text) in &display.0 {
            if text.trim().is_empty() || !read_in_full(lang) || unfinished(text) {
                continue;
            }
            let Some(expected) = fact.quantity(lang) else { continue };
            let generated = numbers::format(&expected, lang, &cx.config.numbers);
            let found = numbers::find_with_dateline(text, lang, dl);
            let best = found
                .iter()
                .map(|f| (numbers::compare(&expected, &f.quantity), f))
                .min_by_key(|(a, _)| rank(*a));
            let Some(finding) = display_finding(text, lang, &generated, best) else { continue };
            cx.span(&format!("facts[{i}].display.{lang}"), text, finding);
        }
    }
}

/// The finding for a display whose closest figure is `best` (with its agreement with the
/// fact's value), or `None` when it means the value; `generated` is the value as written.
fn display_finding(
    text: &str,
    lang: &str,
    generated: &str,
    best: Option<(Agreement, &Found)>,
) -> Option<Finding> {
    let fix = format!("write `{generated}`, or remove `display` to use the generated text");
    let finding = match best {
        Some((Agreement::Same, _)) => return None,
        Some((Agreement::PrecisionLost, f)) => Finding::new(
            "Y0403",
            Severity::Warning,
            f.span.clone(),
            format!(
                "display `{text}` ({lang}) rounds or qualifies the fact's value differently (`{generated}`)"
            ),
            fix,
        ),
        Some((_, f)) => Finding::new(
            "Y0401",
            Severity::Error,
            f.span.clone(),
            format!("display `{text}` ({lang}) does not mean the fact's value (`{generated}`)"),
            fix,
        ),
        None => Finding::new(
            "Y0401",
            Severity::Error,
            0..text.len(),
            format!(
                "display `{text}` ({lang}) states no figure; the fact's value is `{generated}`"
            ),
            fix,
        ),
    };
    Some(finding)
}

/// How close an agreement is, closest first (the display's best figure is the closest).
fn rank(a: Agreement) -> u8 {
    match a {
        Agreement::Same => 0,
        Agreement::PrecisionLost => 1,
        Agreement::Different => 2,
        Agreement::Incomparable => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::Decimal;

    fn pct(v: i64) -> Quantity {
        Quantity::exact(Decimal::from(v), Unit::Percent)
    }

    #[test]
    fn figures_pair_as_multisets() {
        let src = [pct(67), pct(67), pct(50)];
        let tgt = [pct(50), pct(67)];
        assert_eq!(pair(&src, &tgt), [Pair::Same(0, 1), Pair::Same(2, 0), Pair::OnlySource(1)]);
        let tgt = [pct(67), pct(76), pct(50)];
        assert_eq!(pair(&src, &tgt), [Pair::Same(0, 0), Pair::Same(2, 2), Pair::Differ(1, 1)]);
    }

    #[test]
    fn a_year_and_the_same_bare_count_are_one_figure() {
        let year = Quantity::exact(Decimal::from(2025), Unit::Year);
        let count = Quantity::exact(Decimal::from(2025), Unit::Count);
        let (c, y) = (std::slice::from_ref(&count), std::slice::from_ref(&year));
        assert_eq!(pair(c, y), [Pair::Same(0, 0)]);
        let counted = count.with_noun("개");
        assert_eq!(pair(&[counted], &[year]), [Pair::OnlySource(0), Pair::OnlyTarget(0)]);
    }

    #[test]
    fn korean_verbs_state_bounds() {
        let text = "허깅페이스의 모델은 225만 개를 넘어섰다";
        let found = numbers::find(text, "ko");
        assert_eq!(meanings(text, &found, "ko")[0].approx, Approx::Over);
        let text = "지난해부터 확산됐다";
        let found = numbers::find_with_dateline(text, "ko", Some((2026, 2, 15)));
        assert_eq!(meanings(text, &found, "ko")[0].approx, Approx::Over);
        let text = "225만 개를 기록했다";
        let found = numbers::find(text, "ko");
        assert_eq!(meanings(text, &found, "ko")[0].approx, Approx::Exact);
    }
}
