//! Rules the YAML shape alone cannot express: ids, dates, languages, units, references.

use super::{Briefing, Config, FactValue, Loaded, yaml::PositionIndex};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};

/// `[a-z0-9-]+`, not starting or ending with `-`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Ids a briefing may not take: its folder would be one the site writes its own pages into
/// (digests, index pages, tag pages, year and month pages).
pub const RESERVED_IDS: [&str; 4] = ["digest", "page", "tag", "year"];

/// The longest tag, in characters (it names a page of the site).
pub const MAX_TAG_CHARS: usize = 50;

/// A tag: any text on one line, 1–[`MAX_TAG_CHARS`] characters, no spaces at either end
/// (tags are words people choose, Korean included; the site turns each into a safe file name).
pub fn is_tag(s: &str) -> bool {
    !s.is_empty()
        && s.trim() == s
        && s.chars().count() <= MAX_TAG_CHARS
        && !s.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

/// A BCP 47 primary language subtag: 2–3 lower-case letters.
pub fn is_lang_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_lowercase())
}

/// A real calendar date `YYYY-MM-DD`, returned as (year, month, day).
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    let m: u8 = parts[1].parse().ok()?;
    let d: u8 = parts[2].parse().ok()?;
    // jiff knows the calendar (month lengths, leap years) for every four-digit year.
    let year = i16::try_from(y).ok()?;
    jiff::civil::Date::new(year, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    Some((y, m, d))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_as_of(s: &str) -> bool {
    match s.len() {
        4 => s.bytes().all(|c| c.is_ascii_digit()),
        7 => parse_date(&format!("{s}-01")).is_some(),
        10 => parse_date(s).is_some(),
        _ => false,
    }
}

/// All checks on one parsed briefing; positions come from the index.
pub fn validate(b: &Briefing, index: &PositionIndex, config: &Config) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    if !is_id(&b.id) {
        ds.push(Diagnostic::error(
            "Y0108",
            "id",
            format!("`{}` is not a valid id", b.id),
            "use lower-case letters, digits and dashes only, e.g. `spri-open-source-ai`",
        ));
    } else if RESERVED_IDS.contains(&b.id.as_str()) {
        ds.push(Diagnostic::error(
            "Y0108",
            "id",
            format!("`{}` is reserved: the site keeps its own pages in build/{}/", b.id, b.id),
            "choose another id, e.g. one that names the source: `spri-open-source-ai`",
        ));
    }
    if parse_date(&b.date).is_none() {
        ds.push(Diagnostic::error(
            "Y0106",
            "date",
            format!("`{}` is not a valid date", b.date),
            "write the date as YYYY-MM-DD, e.g. 2026-02-15",
        ));
    }
    check_languages(b, config, &mut ds);
    if b.summary.is_empty() || b.summary.len() > 7 {
        ds.push(Diagnostic::error(
            "Y0112",
            "summary",
            format!("{} key points; a briefing needs 1 to 7", b.summary.len()),
            "keep between one and seven key points under `summary:`",
        ));
    }
    if let Some(url) = &b.source.url
        && !crate::text::is_http_url(url)
    {
        ds.push(Diagnostic::error(
            "Y0701",
            "source.url",
            format!("`{url}` is not an http(s) URL"),
            "use a full address starting with https:// (or http://)",
        ));
    }
    check_facts(b, &mut ds);
    check_charts(b, &mut ds);
    ds.extend(super::release::validate(b));
    for (i, tag) in b.tags.iter().enumerate() {
        if !is_tag(tag) {
            ds.push(Diagnostic::error(
                "Y0108",
                format!("tags[{i}]"),
                format!("`{tag}` is not a valid tag"),
                format!(
                    "write a tag on one line, 1–{MAX_TAG_CHARS} characters, without spaces at \
                     either end, e.g. `ai-policy` or `반도체`"
                ),
            ));
        }
    }
    for d in &mut ds {
        if let Some((p, len)) = index.value(&d.field) {
            d.position = Some(p);
            d.span_len = len;
        }
    }
    ds
}

/// Every text is in configured languages only, has the source language (an error without it)
/// and each translation (a warning for each missing one).
fn check_languages(b: &Briefing, config: &Config, ds: &mut Vec<Diagnostic>) {
    let source = config.source_lang();
    let known: Vec<String> = config.languages.clone();
    for (path, text, _) in b.texts() {
        for lang in text.0.keys() {
            if !known.contains(lang) {
                let fix = match super::yaml::nearest(lang, &known) {
                    Some(k) => {
                        format!("did you mean `{k}`? Configured languages: {}", known.join(", "))
                    }
                    None => format!(
                        "use one of the configured languages ({}) or add `{lang}` to `languages:` in yoyak.yaml",
                        known.join(", ")
                    ),
                };
                ds.push(Diagnostic::error(
                    "Y0111",
                    format!("{path}.{lang}"),
                    format!("`{lang}` is not a configured language"),
                    fix,
                ));
            }
        }
        if text.get(source).is_none() {
            ds.push(Diagnostic::error(
                "Y0110",
                format!("{path}.{source}"),
                format!("the source-language (`{source}`) text is missing"),
                format!("add `{source}: …` with the original text"),
            ));
        }
        for lang in &known[1..] {
            if text.get(lang).is_none() {
                ds.push(Diagnostic::warning(
                    "Y0201",
                    format!("{path}.{lang}"),
                    format!("the `{lang}` translation is missing; the {lang} edition will show it as missing"),
                    format!("add `{lang}: …` with the translation"),
                ));
            }
        }
    }
}

/// Fact ids are well formed and unique, units known, ranges in order, `as_of` dates valid.
fn check_facts(b: &Briefing, ds: &mut Vec<Diagnostic>) {
    let mut seen = BTreeMap::new();
    for (i, f) in b.facts.iter().enumerate() {
        if !is_id(&f.id) {
            ds.push(Diagnostic::error(
                "Y0108",
                format!("facts[{i}].id"),
                format!("`{}` is not a valid fact id", f.id),
                "use lower-case letters, digits and dashes, e.g. `github-ai-projects`",
            ));
        }
        if let Some(first) = seen.insert(f.id.clone(), i) {
            ds.push(Diagnostic::error(
                "Y0105",
                format!("facts[{i}].id"),
                format!("fact id `{}` is already used by facts[{first}]", f.id),
                "give each fact its own id",
            ));
        }
        if crate::numbers::parse_unit(&f.unit).is_none() {
            ds.push(Diagnostic::error(
                "Y0109",
                format!("facts[{i}].unit"),
                format!("`{}` is not a unit", f.unit),
                "use count, percent, percentage-points, times, rank, or a currency code such as KRW or USD",
            ));
        }
        if let FactValue::Range(lo, hi) = &f.value
            && lo > hi
        {
            ds.push(Diagnostic::error(
                "Y0109",
                format!("facts[{i}].value"),
                format!("the range starts at {lo} but ends at {hi}"),
                "write the smaller number first: [low, high]",
            ));
        }
        if let Some(as_of) = &f.as_of
            && !is_as_of(as_of)
        {
            ds.push(Diagnostic::error(
                "Y0106",
                format!("facts[{i}].as_of"),
                format!("`{as_of}` is not a valid date"),
                "write YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. \"2024\" or \"2025-12\"",
            ));
        }
    }
}

/// Chart ids are well formed and unique, kinds supported, and every fact a chart names exists.
fn check_charts(b: &Briefing, ds: &mut Vec<Diagnostic>) {
    let facts: BTreeSet<&str> = b.facts.iter().map(|f| f.id.as_str()).collect();
    let mut seen = BTreeSet::new();
    for (i, c) in b.charts.iter().enumerate() {
        if !is_id(&c.id) || !seen.insert(c.id.as_str()) {
            ds.push(Diagnostic::error(
                "Y0105",
                format!("charts[{i}].id"),
                format!("chart id `{}` is invalid or used twice", c.id),
                "give each chart its own id of lower-case letters, digits and dashes",
            ));
        }
        if c.kind != "bar" {
            ds.push(Diagnostic::error(
                "Y0109",
                format!("charts[{i}].kind"),
                format!("chart kind `{}` is not supported", c.kind),
                "use `kind: bar`",
            ));
        }
        if c.facts.is_empty() {
            ds.push(Diagnostic::error(
                "Y0107",
                format!("charts[{i}].facts"),
                "the chart names no facts",
                "list the ids of the facts to draw",
            ));
        }
        for (j, id) in c.facts.iter().enumerate() {
            if !facts.contains(id.as_str()) {
                let known: Vec<String> = facts.iter().map(|s| s.to_string()).collect();
                let fix = match super::yaml::nearest(id, &known) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => "use the id of a fact listed under `facts:`".into(),
                };
                ds.push(Diagnostic::error(
                    "Y0107",
                    format!("charts[{i}].facts[{j}]"),
                    format!("the chart names the unknown fact `{id}`"),
                    fix,
                ));
            }
        }
    }
}

/// Briefing ids must be unique across the project: later files with a taken id get an error.
pub fn check_unique_ids(files: &mut [Loaded]) {
    let mut seen: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    for f in files.iter_mut() {
        let Some(b) = &f.briefing else { continue };
        if let Some(first) = seen.get(&b.id) {
            let mut d = Diagnostic::error(
                "Y0105",
                "id",
                format!("briefing id `{}` is already used by {}", b.id, first.display()),
                "set a distinct `id:` in one of the two files",
            );
            d.file = f.file.clone();
            d.position = f.positions.value("id").map(|p| p.0);
            f.diagnostics.push(d);
        } else {
            seen.insert(b.id.clone(), f.file.clone());
        }
    }
}
