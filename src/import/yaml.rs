//! The draft as a content file: a header comment, then `id`, `date`, `source`, `title`,
//! `lead`, `summary`, `sections` and `facts`, each written through the [`Emitter`] with a
//! `TODO` wherever an editor has work to do.

use super::emit::{self, Emitter};
use super::{Draft, DraftFact, escape_markdown};
use crate::content::FactValue;
use crate::numbers::{Amount, Approx};

impl Draft {
    /// The draft as a content file. `languages` are the project's (the first is the source
    /// language, written from the article; the others get `TODO: translate`); `origin` names
    /// the article in the header comment.
    pub fn to_yaml(&self, languages: &[String], origin: &str) -> String {
        let mut langs: Vec<String> = vec!["ko".to_string()];
        langs.extend(languages.iter().filter(|l| *l != "ko").cloned());
        let mut e = Emitter { out: String::new(), langs };
        header_yaml(&mut e, origin);
        self.id_and_date_yaml(&mut e);
        self.source_yaml(&mut e);
        self.title_and_lead_yaml(&mut e);
        self.summary_yaml(&mut e);
        self.sections_yaml(&mut e);
        self.facts_yaml(&mut e);
        e.out
    }

    /// `id:` and `date:` (a placeholder date with a `TODO` when the article has none).
    fn id_and_date_yaml(&self, e: &mut Emitter) {
        e.line(0, &format!("id: {}", self.id()));
        match &self.date {
            Some(d) => e.line(0, &format!("date: {d}")),
            None => e.line(
                0,
                &format!(
                    "date: {}  # TODO: the article has no date (this is today's); write the report's date",
                    today()
                ),
            ),
        }
    }

    /// `source:` with the publisher, or a placeholder in every language.
    fn source_yaml(&self, e: &mut Emitter) {
        e.line(0, "");
        e.line(0, "source:");
        match &self.publisher {
            Some(p) => e.flow_text(2, "publisher", p, None, None),
            None => {
                let parts: Vec<String> = e
                    .langs
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let v = if i == 0 { "TODO: 발행 기관" } else { "TODO: publisher" };
                        format!("{l}: {}", emit::quoted(v))
                    })
                    .collect();
                e.line(
                    2,
                    &format!(
                        "publisher: {{{}}}  # TODO: no publisher found in the article",
                        parts.join(", ")
                    ),
                );
            }
        }
    }

    /// `title:` (with a note when it was proposed from the lead) and `lead:` when there is one.
    fn title_and_lead_yaml(&self, e: &mut Emitter) {
        e.line(0, "");
        let note = self
            .title_line
            .is_none()
            .then_some("TODO: proposed from the lead's first sentence; shorten it");
        e.flow_text(0, "title", &self.title, None, note);
        if let Some(lead) = &self.lead {
            e.line(0, "");
            e.block_text(0, "lead", lead, None);
        }
    }

    /// `summary:`, the proposed key points.
    fn summary_yaml(&self, e: &mut Emitter) {
        e.line(0, "");
        e.line(0, "summary:  # TODO: proposed from the lead; rewrite as 1-7 key points");
        for s in &self.summary {
            e.line(2, &format!("- ko: {}", emit::quoted(s)));
            let langs = e.langs.clone();
            for l in &langs[1..] {
                e.line(4, &format!("{l}: {}", emit::quoted(emit::TODO_TRANSLATE)));
            }
        }
    }

    /// `sections:`, when the article has sub-headings.
    fn sections_yaml(&self, e: &mut Emitter) {
        if self.sections.is_empty() {
            return;
        }
        e.line(0, "");
        e.line(0, "sections:");
        for s in &self.sections {
            e.flow_text(2, "- heading", &s.heading, None, None);
            e.block_text(4, "body", &s.body, None);
        }
    }

    /// `facts:`, when the article has figures.
    fn facts_yaml(&self, e: &mut Emitter) {
        if self.facts.is_empty() {
            return;
        }
        e.line(0, "");
        e.line(
            0,
            "facts:  # every figure of the article; delete the ones the briefing does not need",
        );
        for f in &self.facts {
            fact_yaml(e, f);
        }
    }
}

/// The draft's YAML with every figure of its text that states one of its facts written as a
/// reference to that fact (`$(count-2)`), by the same minimal edits as `yoyak check --fix`:
/// the draft is linked from the start, and correcting a fact's value corrects its mentions.
/// A draft that does not load (it always should) is returned as it is. So is one that would
/// not load linked — a reference is longer than the figure it replaces, so a text kept just
/// within `limits.text-length` ([`super::fit()`]) can grow past it — and then with a warning.
pub fn linked(yaml: String, config: &crate::content::Config) -> (String, Option<String>) {
    let file = std::path::PathBuf::from("content/draft.yaml");
    let loaded = crate::content::load_file(file.clone(), yaml.clone().into_bytes(), config);
    if loaded.has_errors() {
        return (yaml, None);
    }
    let Some(fixed) = crate::check::fix(&loaded, config).0 else { return (yaml, None) };
    if !crate::content::load_file(file, fixed.clone().into_bytes(), config).has_errors() {
        return (fixed, None);
    }
    let warning = "the draft's figures are left as written: references to its facts would \
                   take a text past `limits.text-length` (`yoyak check --fix` links them once \
                   the text is shorter)";
    (yaml, Some(warning.to_string()))
}

/// The header comment: where the draft comes from and what the editor has to do.
fn header_yaml(e: &mut Emitter, origin: &str) {
    e.line(0, crate::content::schema::MODELINE);
    e.line(0, &format!("# Draft from `yoyak import` of {}.", emit::comment(origin)));
    e.line(0, "# Check every field against the article, replace each TODO (\"TODO: translate\" in");
    e.line(0, "# every translation), then run `yoyak check` and delete these comments.");
    e.line(0, "");
}

/// One fact as an item of `facts:`, the figure as written in a comment on its first line.
fn fact_yaml(e: &mut Emitter, f: &DraftFact) {
    e.line(
        2,
        &format!("- id: {}  # {}", f.id, emit::comment(&format!("원문: {}", f.found.source))),
    );
    let label_note = f.label.starts_with("TODO").then_some("TODO: name what the figure counts");
    e.flow_text(4, "label", &f.label, None, label_note);
    let value = match &f.value {
        FactValue::Single(v) => v.to_string(),
        FactValue::Range(lo, hi) => format!("[{lo}, {hi}]"),
    };
    match &f.found.quantity.amount {
        Amount::Ratio { part, whole } => e.line(
            4,
            &format!("value: {value}  # {part} of {whole}: the content format has no ratio value"),
        ),
        _ => e.line(4, &format!("value: {value}")),
    }
    e.line(4, &format!("unit: {}", f.unit));
    if let Some(noun) = &f.found.quantity.noun {
        e.flow_text(4, "noun", noun, None, None);
    }
    if let Some(as_of) = &f.as_of {
        e.line(4, &format!("as_of: {}", emit::quoted(as_of)));
    }
    if let Some(a) = approx_word(f.found.quantity.approx) {
        e.line(4, &format!("approx: {a}"));
    }
    e.block_text(4, "note", &escape_markdown(&f.note), None);
}

/// The content format's word for an approximation; `None` for an exact figure.
fn approx_word(approx: Approx) -> Option<&'static str> {
    match approx {
        Approx::Exact => None,
        Approx::About => Some("about"),
        Approx::Over => Some("over"),
        Approx::Under => Some("under"),
        Approx::Some => Some("some"),
    }
}

/// Today's date in the system's time zone, `YYYY-MM-DD`: the placeholder for an undated draft.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}
