//! Figure references resolved against a briefing's facts: `$(github-ai-projects)` becomes
//! `432만 개` in Korean and `4.32 million projects` in English (the syntax is
//! [`crate::numbers::refs`]). `check` reports what cannot be resolved, every renderer writes
//! what can; one home for both, below them.

use super::{Briefing, Fact};
use crate::numbers::refs::{self, Expr, Figure, Op, Part, SyntaxError};
use crate::numbers::{self, Amount, Approx, DeriveError, Quantity, Style};
use std::ops::Range;

/// Why a reference gives no figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefError {
    /// It cannot be read.
    Syntax(SyntaxError),
    /// No fact has this id; the nearest id, if one is close.
    Unknown {
        /// The id as written.
        id: String,
        /// The closest fact id.
        suggestion: Option<String>,
    },
    /// The fact's unit is not one the number engine writes.
    NoQuantity(String),
    /// Two facts that make no derived figure.
    Derive {
        /// Why.
        error: DeriveError,
        /// The operator.
        op: Op,
        /// The first fact id.
        a: String,
        /// The second fact id.
        b: String,
    },
}

impl RefError {
    /// What is wrong.
    pub fn message(&self) -> String {
        match self {
            RefError::Syntax(e) => e.message(),
            RefError::Unknown { id, .. } => format!("no fact `{id}` in this briefing"),
            RefError::NoQuantity(id) => format!("the fact `{id}` has a unit yoyak cannot write"),
            RefError::Derive { error, op, a, b } => error.message(a, b, *op),
        }
    }

    /// How to fix it.
    pub fn fix(&self) -> String {
        match self {
            RefError::Syntax(e) => e.fix(),
            RefError::Unknown { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            RefError::Unknown { .. } => {
                "use the id of a fact under `facts:`, or add the fact".into()
            }
            RefError::NoQuantity(_) => "give the fact a known `unit`".into(),
            RefError::Derive { error, .. } => error.fix(),
        }
    }
}

/// One part of a text after resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text as written (an escape `$$(` is `$(` here).
    Text(String),
    /// A resolved figure.
    Figure(Figure),
    /// A reference that gives no figure: its source text is shown as written.
    Broken(String, RefError),
}

/// A text cut into its pieces, each with its byte span in the source text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expansion {
    /// The pieces in order.
    pub pieces: Vec<(Range<usize>, Piece)>,
}

impl Expansion {
    /// The text a reader sees.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (_, p) in &self.pieces {
            out.push_str(match p {
                Piece::Text(s) | Piece::Broken(s, _) => s,
                Piece::Figure(f) => &f.text,
            });
        }
        out
    }

    /// The references that give no figure, with their spans.
    pub fn errors(&self) -> impl Iterator<Item = (&Range<usize>, &RefError)> {
        self.pieces.iter().filter_map(|(span, p)| match p {
            Piece::Broken(_, e) => Some((span, e)),
            _ => None,
        })
    }

    /// Where each byte of [`Expansion::text`] came from: a span of the expanded text maps to
    /// the source span that produced it (a whole reference for any part of its figure).
    pub fn source_span(&self, span: Range<usize>) -> Range<usize> {
        let mut at = 0;
        let (mut start, mut end) = (None, None);
        for (src, p) in &self.pieces {
            let len = match p {
                Piece::Text(s) | Piece::Broken(s, _) => s.len(),
                Piece::Figure(f) => f.text.len(),
            };
            let verbatim = matches!(p, Piece::Text(s) if s.len() == src.len())
                || matches!(p, Piece::Broken(..));
            let map = |b: usize| if verbatim { src.start + (b - at) } else { src.start };
            if start.is_none() && span.start < at + len {
                start = Some(map(span.start));
            }
            if end.is_none() && span.end <= at + len {
                end = Some(if verbatim { map(span.end) } else { src.end });
            }
            at += len;
        }
        let end_src = self.pieces.last().map_or(0, |(s, _)| s.end);
        let start = start.unwrap_or(end_src);
        start..end.unwrap_or(end_src).max(start)
    }
}

/// Resolves references for one language against one briefing's facts.
#[derive(Clone, Copy, Debug)]
pub struct Resolver<'a> {
    facts: &'a [Fact],
    lang: &'a str,
    style: &'a Style,
}

impl<'a> Resolver<'a> {
    /// A resolver for `b`'s facts, writing figures in `lang` in the house `style`.
    pub fn new(b: &'a Briefing, lang: &'a str, style: &'a Style) -> Self {
        Resolver { facts: &b.facts, lang, style }
    }

    /// The language figures are written in.
    pub fn lang(&self) -> &'a str {
        self.lang
    }

    /// `text` with its references resolved.
    pub fn expand(&self, text: &str) -> Expansion {
        if !refs::has_refs(text) {
            let pieces = if text.is_empty() {
                Vec::new()
            } else {
                vec![(0..text.len(), Piece::Text(text.to_string()))]
            };
            return Expansion { pieces };
        }
        let pieces = refs::scan(text)
            .into_iter()
            .map(|seg| {
                let src = &text[seg.span.clone()];
                let piece = match seg.part {
                    Part::Text => Piece::Text(src.to_string()),
                    Part::Escape => Piece::Text("$(".into()),
                    Part::Ref(Err(e)) => Piece::Broken(src.to_string(), RefError::Syntax(e)),
                    Part::Ref(Ok(expr)) => match self.resolve(&expr) {
                        Ok(mut f) => {
                            if refs::opens_sentence(&text[..seg.span.start]) {
                                f.text = refs::capitalised(&f.text);
                            }
                            Piece::Figure(f)
                        }
                        Err(e) => Piece::Broken(src.to_string(), e),
                    },
                };
                (seg.span, piece)
            })
            .collect();
        Expansion { pieces }
    }

    /// The figure `expr` stands for.
    pub fn resolve(&self, expr: &Expr) -> Result<Figure, RefError> {
        let a = self.fact(&expr.left)?;
        let Some((op, right)) = &expr.op else {
            return self.single(a, expr);
        };
        let b = self.fact(right)?;
        let (qa, qb) = (self.quantity(a)?, self.quantity(b)?);
        let q = numbers::derive(*op, &qa, &qb, expr.form.places).map_err(|error| {
            RefError::Derive { error, op: *op, a: a.id.clone(), b: b.id.clone() }
        })?;
        let as_of = a.as_of.as_deref().filter(|d| b.as_of.as_deref() == Some(*d));
        Ok(self.write(q, expr, as_of))
    }

    /// One fact's figure: its `display` when the default form is asked for.
    fn single(&self, fact: &Fact, expr: &Expr) -> Result<Figure, RefError> {
        let q = self.quantity(fact)?;
        let display = fact.display.as_ref().and_then(|d| d.get(self.lang));
        match display {
            Some(d) if expr.form == refs::Form::default() => {
                Ok(Figure { value: value_of(&q.amount), text: d.trim().to_string() })
            }
            _ => Ok(self.write(q, expr, fact.as_of.as_deref())),
        }
    }

    /// `q` written in the form `expr` asks for.
    fn write(&self, mut q: Quantity, expr: &Expr, as_of: Option<&str>) -> Figure {
        if !expr.form.noun {
            q.noun = None;
        }
        if !expr.form.approx {
            q.approx = Approx::Exact;
        }
        let mut text = numbers::format(&q, self.lang, self.style);
        if let Some(date) = as_of.filter(|_| expr.form.dated) {
            let date = numbers::format_date(date, self.lang, self.style);
            text = match self.lang.split(['-', '_']).next() {
                Some("ko") => format!("{text}({date} 기준)"),
                Some("en") => format!("{text} (as of {date})"),
                _ => format!("{text} ({date})"),
            };
        }
        Figure { value: value_of(&q.amount), text }
    }

    /// The fact with this id, or the nearest id as a suggestion.
    fn fact(&self, id: &str) -> Result<&'a Fact, RefError> {
        self.facts.iter().find(|f| f.id == id).ok_or_else(|| RefError::Unknown {
            id: id.to_string(),
            suggestion: nearest(id, self.facts.iter().map(|f| f.id.as_str())),
        })
    }

    /// The fact's quantity in this language.
    fn quantity(&self, fact: &Fact) -> Result<Quantity, RefError> {
        fact.quantity(self.lang).ok_or_else(|| RefError::NoQuantity(fact.id.clone()))
    }
}

/// The machine-readable value of an amount: digits, a range as `low..high`.
fn value_of(a: &Amount) -> String {
    match a {
        Amount::Exact(v) => v.normalize().to_string(),
        Amount::Range(lo, hi) => format!("{}..{}", lo.normalize(), hi.normalize()),
        Amount::Ratio { part, whole } => format!("{part}/{whole}"),
        Amount::Date { .. } => String::new(),
    }
}

/// The candidate closest to `id` in edit distance, when it is close enough to be a typo or a
/// near miss (at most a third of the id's length, and at least 2 edits allowed).
pub fn nearest<'c>(id: &str, candidates: impl Iterator<Item = &'c str>) -> Option<String> {
    let limit = (id.chars().count() / 3).max(2);
    candidates
        .map(|c| (strsim::levenshtein(id, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids() {
        let ids = ["github-ai-projects", "huggingface-models"];
        assert_eq!(nearest("github-ai-project", ids.into_iter()), Some(ids[0].into()));
        assert_eq!(nearest("sme", ids.into_iter()), None);
    }

    #[test]
    fn spans_map_back_through_figures() {
        let e = Expansion {
            pieces: vec![
                (0..3, Piece::Text("ab ".into())),
                (3..9, Piece::Figure(Figure { value: "1".into(), text: "one".into() })),
                (9..11, Piece::Text(" c".into())),
            ],
        };
        assert_eq!(e.text(), "ab one c");
        assert_eq!(e.source_span(3..6), 3..9);
        assert_eq!(e.source_span(7..8), 10..11);
        assert_eq!(e.source_span(0..2), 0..2);
    }
}
