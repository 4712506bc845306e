//! Agreed terms (Y0501): when a source text uses a glossary term, its translation uses the
//! agreed translation.
//!
//! The source term is matched as a plain substring, so Korean particles attached to it
//! (`오픈소스AI는`, `오픈소스AI를`) still match. The translated term must appear as a whole
//! word, case-insensitively, optionally followed by a plural `s`/`es` or a possessive `'s`;
//! spelling variants (`open source AI` for `open-source AI`) are not accepted, so the
//! glossary stays the one place that decides.

use super::{FileCx, unfinished};
use crate::content::{Briefing, Glossary};
use crate::diagnostic::Diagnostic;

/// Y0501 for every text of the briefing.
pub fn check(cx: &mut FileCx, b: &Briefing, glossary: &Glossary) {
    let langs = cx.config.languages.clone();
    let Some((sl, targets)) = langs.split_first() else { return };
    for (path, text, _) in b.texts() {
        let Some(src) = text.get(sl).filter(|s| !unfinished(s)) else { continue };
        for term in &glossary.terms {
            let Some(s_term) = term.get(sl).map(|t| t.trim()).filter(|t| !t.is_empty()) else {
                continue;
            };
            if !src.contains(s_term) {
                continue;
            }
            for tl in targets {
                let (Some(t_term), Some(tgt)) = (term.get(tl.as_str()), text.get(tl)) else {
                    continue;
                };
                let t_term = t_term.trim();
                if t_term.is_empty() || unfinished(tgt) || contains_term(tgt, t_term) {
                    continue;
                }
                let field = format!("{path}.{tl}");
                let d = Diagnostic::warning(
                    "Y0501",
                    field.clone(),
                    format!(
                        "`{s_term}` ({sl}) is not translated with the glossary term `{t_term}` ({tl})"
                    ),
                    format!(
                        "use `{t_term}` in the {tl} text, or change the pair in content/glossary.yaml"
                    ),
                );
                cx.field(&field, d);
            }
        }
    }
}

/// Whether `text` uses `term` as a whole word (case-insensitive), allowing a plural or
/// possessive ending: `models`, `Alibaba's`.
pub fn contains_term(text: &str, term: &str) -> bool {
    let text = text.to_lowercase();
    let term = term.to_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(&term).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + term.len()..];
        let rest = ["'s", "’s", "es", "s"]
            .iter()
            .find_map(|suffix| rest.strip_prefix(suffix).filter(|r| !word(r.chars().next())))
            .unwrap_or(rest);
        !word(before) && !word(rest.chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::contains_term;

    #[test]
    fn whole_words_with_plural_and_possessive() {
        assert!(contains_term("Open-source AI is rising", "open-source AI"));
        assert!(contains_term("Alibaba's 'Qwen'", "Alibaba"));
        assert!(contains_term("two Transformers", "Transformer"));
        assert!(!contains_term("metadata", "Meta"));
        assert!(!contains_term("open source AI", "open-source AI"));
    }
}
