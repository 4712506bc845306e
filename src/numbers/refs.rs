//! Figure references in running text: `$(github-ai-projects)` stands for a fact of the
//! briefing, written per language by the number engine (`432만 개` / `4.32 million projects`).
//!
//! The syntax, chosen to be typed anywhere without quoting:
//! - `$(id)`: the figure with its noun and qualifier (`225만 개 이상`);
//! - modifiers after the id, separated by spaces: `bare` (no noun: `432만`), `plain` (no
//!   approximation word), `dated` (the fact's `as_of` appended: `432만 개(2024년 기준)`);
//! - derived figures: `$(a - b)` the difference (two percentages give percentage points),
//!   `$(a / b)` the ratio or multiple (`2.5배`), `$(a -> b)` the change from a to b in percent;
//!   `round=N` sets the decimal places of a ratio or change (1 by default);
//! - `$$(` writes a literal `$(`.
//!
//! `$` may start a YAML plain scalar and is plain text to CommonMark (math is off), Tera and
//! Typst never see it as syntax (bodies are data), and `(`/`)` are not YAML flow indicators,
//! so a reference needs no quoting even inside `{ko: …, en: …}`. A reference ends on its
//! line: one left open is an error, never a silent swallow of the rest of the text.

use std::ops::Range;

/// How two facts make a derived figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `a - b`: the difference (percentage points between two percentages).
    Difference,
    /// `a / b`: the ratio, written as a multiple (`배`, `times`).
    Ratio,
    /// `a -> b`: the change from a to b, in percent of a.
    Change,
}

impl Op {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Difference => "-",
            Op::Ratio => "/",
            Op::Change => "->",
        }
    }
}

/// Which parts of a figure are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// The noun or counter (`개`, `projects`); off with `bare`.
    pub noun: bool,
    /// The approximation word (`이상`, `more than`); off with `plain`.
    pub approx: bool,
    /// The fact's `as_of` appended; on with `dated`.
    pub dated: bool,
    /// Decimal places of a ratio or change (`round=N`).
    pub places: Option<u32>,
}

impl Default for Form {
    /// Noun and qualifier written, no date, default rounding.
    fn default() -> Self {
        Form { noun: true, approx: true, dated: false, places: None }
    }
}

/// A parsed reference: one fact, or two facts and an operator, and the form to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// The (first) fact id.
    pub left: String,
    /// The operator and the second fact id of a derived figure.
    pub op: Option<(Op, String)>,
    /// What to write.
    pub form: Form,
}

/// Why a reference cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// `$(` without `)` on the same line.
    Unclosed,
    /// `$()`.
    Empty,
    /// A token where a fact id belongs that is not one (`[a-z0-9-]+`).
    BadId(String),
    /// An operator with nothing after it.
    MissingOperand(Op),
    /// A word that is neither an operator nor a modifier.
    UnknownModifier(String),
    /// `round=N` with N outside 0–6, or on a figure that is not rounded.
    BadRound(String),
}

/// Largest `round=N`.
pub const MAX_PLACES: u32 = 6;

impl SyntaxError {
    /// What is wrong, for a diagnostic.
    pub fn message(&self) -> String {
        match self {
            SyntaxError::Unclosed => "figure reference `$(` is not closed on its line".into(),
            SyntaxError::Empty => "empty figure reference `$()`".into(),
            SyntaxError::BadId(t) => format!("`{t}` is not a fact id (a-z, 0-9 and -)"),
            SyntaxError::MissingOperand(op) => {
                format!("`{}` needs a second fact id after it", op.symbol())
            }
            SyntaxError::UnknownModifier(t) => format!("unknown word `{t}` in a figure reference"),
            SyntaxError::BadRound(t) => {
                format!("`{t}`: rounding applies to `/` and `->` figures, 0 to {MAX_PLACES} places")
            }
        }
    }

    /// How to fix it.
    pub fn fix(&self) -> String {
        let literal = "or write `$$(` for a literal `$(`";
        match self {
            SyntaxError::Unclosed => format!("close it with `)` on the same line, {literal}"),
            SyntaxError::Empty => format!("name a fact: `$(fact-id)`, {literal}"),
            SyntaxError::BadId(_) => format!("use an id from `facts:`, {literal}"),
            SyntaxError::MissingOperand(op) => {
                format!("write `$(first {} second)` with spaces around the operator", op.symbol())
            }
            SyntaxError::UnknownModifier(_) => "use `bare`, `plain`, `dated` or `round=N`; put \
                 spaces around an operator (`a - b`, `a / b`, `a -> b`)"
                .into(),
            SyntaxError::BadRound(_) => {
                format!("write `round=1` (0–{MAX_PLACES}) after a `/` or `->` figure")
            }
        }
    }
}

/// One part of a text as the scanner sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text written as it is.
    Text,
    /// `$$(`: prints `$(`.
    Escape,
    /// A reference (read, or why not).
    Ref(Result<Expr, SyntaxError>),
}

/// A part with its byte span in the scanned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Where it is.
    pub span: Range<usize>,
    /// What it is.
    pub part: Part,
}

/// Whether `text` may hold a reference or an escape (a cheap test before [`scan`]).
pub fn has_refs(text: &str) -> bool {
    text.contains("$(")
}

/// The text cut into plain runs, escapes and references, in order and covering it all.
/// Linear: each byte is looked at a bounded number of times (a reference ends on its line).
pub fn scan(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain = 0;
    let mut at = 0;
    while let Some(rel) = text[at..].find("$(") {
        let open = at + rel;
        // `$$(`: the first `$` escapes the reference.
        let escaped = open > 0 && text.as_bytes()[open - 1] == b'$';
        if escaped {
            push_text(&mut out, plain..open - 1);
            out.push(Segment { span: open - 1..open + 2, part: Part::Escape });
            (plain, at) = (open + 2, open + 2);
            continue;
        }
        push_text(&mut out, plain..open);
        let line_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
        let (end, part) = match text[open + 2..line_end].find(')') {
            Some(i) => (open + 2 + i + 1, Part::Ref(parse(&text[open + 2..open + 2 + i]))),
            None => (line_end, Part::Ref(Err(SyntaxError::Unclosed))),
        };
        out.push(Segment { span: open..end, part });
        (plain, at) = (end, end);
    }
    push_text(&mut out, plain..text.len());
    out
}

/// A plain run onto `out`, when not empty.
fn push_text(out: &mut Vec<Segment>, span: Range<usize>) {
    if !span.is_empty() {
        out.push(Segment { span, part: Part::Text });
    }
}

/// `[a-z0-9-]+`, not starting or ending with `-`: the fact id rule.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The inside of `$( … )`.
pub fn parse(inner: &str) -> Result<Expr, SyntaxError> {
    let mut tokens = inner.split_whitespace().peekable();
    let left = tokens.next().ok_or(SyntaxError::Empty)?;
    if !is_id(left) {
        return Err(SyntaxError::BadId(left.into()));
    }
    let op = match tokens.peek().copied() {
        Some("-") => Some(Op::Difference),
        Some("/") => Some(Op::Ratio),
        Some("->") => Some(Op::Change),
        _ => None,
    };
    let op = match op {
        Some(op) => {
            tokens.next();
            let right = tokens.next().ok_or(SyntaxError::MissingOperand(op))?;
            if !is_id(right) {
                return Err(SyntaxError::BadId(right.into()));
            }
            Some((op, right.to_string()))
        }
        None => None,
    };
    let mut form = Form::default();
    for t in tokens {
        match t {
            "bare" => form.noun = false,
            "plain" => form.approx = false,
            "dated" => form.dated = true,
            _ => match t.strip_prefix("round=") {
                Some(n) => {
                    let rounded = matches!(op, Some((Op::Ratio | Op::Change, _)));
                    let places = n.parse::<u32>().ok().filter(|p| *p <= MAX_PLACES);
                    form.places = Some(
                        places
                            .filter(|_| rounded)
                            .ok_or_else(|| SyntaxError::BadRound(t.into()))?,
                    );
                }
                None => return Err(SyntaxError::UnknownModifier(t.into())),
            },
        }
    }
    Ok(Expr { left: left.into(), op, form })
}

/// Whether a figure after `before` opens a sentence: nothing but space before it, or a
/// sentence end (`.`, `!`, `?`) and space.
pub fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || (t.len() < before.len() && t.ends_with(['.', '!', '?']))
}

/// `text` with its first letter upper-cased (`more than 71%` → `More than 71%`): how a figure
/// that opens a sentence is written. Digits and Hangul have no case and stay as they are.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A resolved figure: its machine-readable value and its text in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The value as plain digits (`4320000`, `47.3`, a range as `10..249`).
    pub value: String,
    /// The figure as written for the language (`432만 개`).
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(&str, Part)> {
        scan(text).into_iter().map(|s| (&text[s.span.clone()], s.part)).collect()
    }

    #[test]
    fn references_escapes_and_text() {
        let got = parts("AI $(github-ai-projects) and $$(x) $(a - b round=2)!");
        assert_eq!(got[0], ("AI ", Part::Text));
        let Part::Ref(Ok(e)) = &got[1].1 else { panic!("{got:?}") };
        assert_eq!(
            (e.left.as_str(), e.op.clone(), e.form),
            ("github-ai-projects", None, Form::default())
        );
        assert_eq!(got[3], ("$$(", Part::Escape));
        assert_eq!(got[4], ("x) ", Part::Text));
        // A difference is exact: rounding it is refused.
        assert_eq!(got[5].1, Part::Ref(Err(SyntaxError::BadRound("round=2".into()))));
        assert_eq!(got[6], ("!", Part::Text));
    }

    #[test]
    fn modifiers_and_operators() {
        let e = parse(" huggingface-models bare plain dated ").unwrap();
        assert_eq!(e.form, Form { noun: false, approx: false, dated: true, places: None });
        let e = parse("a / b round=0").unwrap();
        assert_eq!((e.op, e.form.places), (Some((Op::Ratio, "b".into())), Some(0)));
        assert_eq!(parse("a -> b").unwrap().op, Some((Op::Change, "b".into())));
        assert_eq!(parse("a - b round=2"), Err(SyntaxError::BadRound("round=2".into())));
        assert_eq!(parse("a / b round=9"), Err(SyntaxError::BadRound("round=9".into())));
        assert_eq!(parse("a -b"), Err(SyntaxError::UnknownModifier("-b".into())));
        assert_eq!(parse("a -"), Err(SyntaxError::MissingOperand(Op::Difference)));
        assert_eq!(parse("SPRi"), Err(SyntaxError::BadId("SPRi".into())));
        assert_eq!(parse("  "), Err(SyntaxError::Empty));
        assert_eq!(parse("a bold"), Err(SyntaxError::UnknownModifier("bold".into())));
    }

    #[test]
    fn an_open_reference_ends_at_its_line() {
        let got = parts("$(a\nnext $(b)");
        assert_eq!(got[0], ("$(a", Part::Ref(Err(SyntaxError::Unclosed))));
        assert_eq!(got[1], ("\nnext ", Part::Text));
        assert!(matches!(got[2].1, Part::Ref(Ok(_))));
        assert_eq!(parts("no refs $ ( here"), [("no refs $ ( here", Part::Text)]);
    }
}
