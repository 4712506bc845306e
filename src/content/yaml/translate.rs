//! Reading errors as diagnostics: the field path, the place, and a fix (the nearest known key
//! for a misspelt one).

use super::{PositionIndex, join};
use crate::diagnostic::{Diagnostic, Position};

/// Turn a reading error (its text, `path: message at line L column C`, and its place) into a
/// diagnostic with a field path, position and fix.
pub(super) fn translate_error(
    full: &str,
    location: Option<(usize, usize)>,
    index: &PositionIndex,
) -> Diagnostic {
    // The text ends in " at line L column C"; the position is taken from `location`.
    let text = match full.find(" at line ") {
        Some(i) => &full[..i],
        None => full,
    };
    let (path, message) = split_path(text);
    let loc = location.map(|(line, column)| Position { line, column });

    let mut d = if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected = backticked(rest.split_once("expected").map(|x| x.1).unwrap_or_default());
        let field = join(&path, name);
        let fix = match nearest(name, &expected) {
            Some(best) => {
                format!("did you mean `{best}`? Known keys here: {}", expected.join(", "))
            }
            None => format!("remove it; known keys here: {}", expected.join(", ")),
        };
        let mut d = Diagnostic::error("Y0103", field.clone(), format!("unknown key `{name}`"), fix);
        if let Some((p, len)) = index.keys.get(&field) {
            d.position = Some(*p);
            d.span_len = *len;
        }
        d
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        Diagnostic::error(
            "Y0104",
            join(&path, name),
            format!("required field `{name}` is missing"),
            format!("add `{name}:` here (see the content format in the README)"),
        )
    } else if message.starts_with("duplicate entry") {
        Diagnostic::error(
            "Y0105",
            path.clone(),
            message.to_string(),
            "remove or rename one of the two entries",
        )
    } else {
        Diagnostic::error(
            "Y0102",
            path.clone(),
            message.replace("invalid type: ", "wrong type: "),
            type_fix(message),
        )
    };
    if d.position.is_none() {
        d.position = index.value(&d.field).map(|(p, _)| p).or(loc);
    }
    d
}

/// Errors below the root start with `path: `.
fn split_path(text: &str) -> (String, &str) {
    if let Some((head, rest)) = text.split_once(": ") {
        let looks_like_path =
            !head.is_empty() && head.chars().all(|c| c.is_alphanumeric() || "._-[]".contains(c));
        if looks_like_path {
            return (head.to_string(), rest);
        }
    }
    (String::new(), text)
}

/// The parts of `s` between backticks.
fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// The known key closest to a misspelt one, if any is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.as_str())
}

/// How to fix a value of the wrong type, from the parser's message.
fn type_fix(message: &str) -> String {
    if message.contains("expected a number") {
        "write the number alone, without quotes or units, e.g. `value: 4320000` or `value: [10, 249]`".into()
    } else if message.contains("expected a sequence") {
        "write a list: one `- item` per line".into()
    } else if message.contains("expected a map") || message.contains("struct") {
        "write a map of keys, e.g. `{ko: …, en: …}`".into()
    } else if message.contains("expected a string") {
        "write plain text; quote it if it starts with a special character".into()
    } else {
        "use the type shown in the content format (README)".into()
    }
}
