//! What a parsed briefing must pass before anything costly reads it: the size limits, no
//! control characters in its text, figures kept exactly as written, an id that says something.
//!
//! The YAML layer has already refused control characters in the file, duplicate keys, alias
//! bombs and deep nesting ([`super::yaml::parse`]); these are the rules that need the values.

use super::limits::Limits;
use super::yaml::{PositionIndex, is_forbidden_control};
use super::{Briefing, FactValue};
use crate::diagnostic::Diagnostic;
use crate::numbers::Decimal;

/// Limits a briefing breaks (facts per briefing, text length): each an error naming its
/// setting. A briefing that breaks one is not checked or rendered at all.
pub fn over_limits(b: &Briefing, limits: &Limits) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    if b.facts.len() as u64 > limits.facts {
        ds.push(limit_error(
            "facts",
            format!("{} facts, over the limit of {}", b.facts.len(), limits.facts),
            "limits.facts",
        ));
    }
    for (path, text, _) in b.texts() {
        for (lang, s) in &text.0 {
            // Counting stops at the limit: a 100 MB body costs no more than a legal one.
            if s.chars().nth(limits.text_length as usize).is_some() {
                let message = format!("longer than {} characters", limits.text_length);
                ds.push(limit_error(&format!("{path}.{lang}"), message, "limits.text-length"));
            }
        }
    }
    ds
}

/// Error Y0114: `field` is over a limit of `yoyak.yaml`'s `setting`.
fn limit_error(field: &str, message: String, setting: &str) -> Diagnostic {
    Diagnostic::error(
        "Y0114",
        field,
        message,
        format!(
            "split or shorten it, or raise `{setting}` in yoyak.yaml if it is meant to be this big"
        ),
    )
}

/// Control characters written as escapes (`"\0"`, `"\e"`) in a text: invisible, and a
/// terminal or a browser may act on them.
pub fn control_characters(b: &Briefing) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    for (path, text, _) in b.texts() {
        for (lang, s) in &text.0 {
            if let Some(c) = s.chars().find(|c| is_forbidden_control(*c)) {
                ds.push(Diagnostic::error(
                    "Y0116",
                    format!("{path}.{lang}"),
                    format!("the text holds the control character U+{:04X}", c as u32),
                    "remove the escape (such as `\\0` or `\\e`) from the text",
                ));
            }
        }
    }
    ds
}

/// Read every fact's value again from the file's own digits: the YAML reader hands numbers over
/// as floats, which would round `0.1234567890123456789` silently. A number with more digits
/// than yoyak can keep exactly is an error, never rounded.
pub fn exact_values(b: &mut Briefing, index: &PositionIndex) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    for (i, fact) in b.facts.iter_mut().enumerate() {
        let path = format!("facts[{i}].value");
        let exact = |p: &str, ds: &mut Vec<Diagnostic>| -> Option<Decimal> {
            let text = index.number_text(p)?;
            match exact_decimal(text) {
                Ok(d) => d,
                Err(()) => {
                    ds.push(Diagnostic::error(
                        "Y0117",
                        p,
                        format!("`{text}` has more digits than yoyak keeps exactly (28)"),
                        "round the value as the source does, or write fewer decimal places",
                    ));
                    None
                }
            }
        };
        match &mut fact.value {
            FactValue::Single(v) => {
                if let Some(d) = exact(&path, &mut ds) {
                    *v = d;
                }
            }
            FactValue::Range(lo, hi) => {
                if let Some(d) = exact(&format!("{path}[0]"), &mut ds) {
                    *lo = d;
                }
                if let Some(d) = exact(&format!("{path}[1]"), &mut ds) {
                    *hi = d;
                }
            }
        }
    }
    ds
}

/// A plain decimal literal as an exact [`Decimal`]: `Ok(None)` when the text is no plain
/// decimal (hex, `.inf`: the YAML reader's value stands), `Err` when it has too many digits.
fn exact_decimal(text: &str) -> Result<Option<Decimal>, ()> {
    let digits = text.trim_start_matches(['+', '-']);
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (digits, None),
    };
    let plain = !mantissa.is_empty()
        && mantissa.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        && mantissa.bytes().filter(|&c| c == b'.').count() <= 1
        && mantissa.bytes().any(|c| c.is_ascii_digit())
        && exponent.is_none_or(|e| {
            let e = e.trim_start_matches(['+', '-']);
            !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit())
        });
    if !plain {
        return Ok(None);
    }
    let parsed = match exponent {
        None => Decimal::from_str_exact(text),
        Some(_) => Decimal::from_scientific(text),
    };
    parsed.map(Some).map_err(|_| ())
}

/// `id: ""` written out: an empty id would silently become the file name.
pub fn empty_id(index: &PositionIndex, id: &str) -> Option<Diagnostic> {
    let written = index.is_written("id") && id.is_empty();
    written.then(|| {
        Diagnostic::error(
            "Y0108",
            "id",
            "the id is empty",
            "write an id such as `spri-open-source-ai`, or delete the `id:` line to use the file name",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_stay_exact_or_are_refused() {
        let d = |s: &str| exact_decimal(s).map(|o| o.map(|d| d.to_string()));
        assert_eq!(d("0.1234567890123456789"), Ok(Some("0.1234567890123456789".into())));
        assert_eq!(d("123456789012345678901234"), Ok(Some("123456789012345678901234".into())));
        assert_eq!(d("4320000"), Ok(Some("4320000".into())));
        assert_eq!(d("-47.3"), Ok(Some("-47.3".into())));
        assert_eq!(d("1.5e3"), Ok(Some("1500".into())));
        assert_eq!(d("0x1F"), Ok(None));
        assert_eq!(d(".inf"), Ok(None));
        assert_eq!(d("0.12345678901234567890123456789012"), Err(()));
    }
}
