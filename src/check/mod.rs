//! Stage 2, `yoyak check`: bilingual quality checks for editors and CI.
//!
//! The loader already reports what makes a file unusable (Y01xx) and missing translations
//! (Y0201). This stage reads the loaded briefings and adds what a careful bilingual editor
//! would catch: untranslated text (Y0202–Y0204), figures that differ between languages
//! (Y0301–Y0302), fact displays that do not mean their value (Y0401, Y0403), glossary terms
//! (Y0501), Markdown that will not render as meant (Y0601–Y0603) and unusable link targets
//! (Y0702). Every code is documented in `docs/checks.md`.

mod figures;
mod glossary;
mod lang;
mod locate;
mod markdown;
mod refs;
mod release;

pub use figures::{Pair, pair};
pub use glossary::contains_term;
pub use lang::{Marker, Mismatch, markers, mismatch, needs_translation, normalise_width};
pub use locate::{FieldMap, span_position};
use rayon::prelude::*;
pub use refs::{Edit, Mention, apply, fix, mentions};
pub use release::{now, passed_embargoes};

use crate::content::{Briefing, Config, Loaded, Project, Text, TextKind};
use crate::diagnostic::{Diagnostic, Severity};
use std::collections::HashMap;
use std::ops::Range;

/// Every diagnostic the checks add for the project (not the loader's own), in file order and,
/// within a file, in position order; then the embargoes that have passed.
pub fn check_project(project: &Project) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        check_files(project, &|_, _| None).into_iter().flatten().collect();
    out.extend(passed_embargoes(project, now()));
    out
}

/// The findings of each file, in `project.files` order; `cached(index, file)` gives a file's
/// findings from an earlier run when its bytes and everything it is checked against are
/// unchanged.
pub fn check_files(
    project: &Project,
    cached: &(dyn Fn(usize, &Loaded) -> Option<Vec<Diagnostic>> + Sync),
) -> Vec<Vec<Diagnostic>> {
    // Files are checked independently (language detection dominates): in parallel, in order.
    project
        .files
        .par_iter()
        .enumerate()
        .map(|(i, loaded)| {
            let Some(b) = &loaded.briefing else { return Vec::new() };
            if let Some(found) = cached(i, loaded) {
                return found;
            }
            let mut cx = FileCx::new(loaded, &project.config);
            check_texts(&mut cx, b);
            figures::check_prose(&mut cx, b);
            figures::check_displays(&mut cx, b);
            refs::check(&mut cx, b);
            refs::hint(&mut cx, b);
            glossary::check(&mut cx, b, &project.glossary);
            release::check_contacts(&mut cx, b);
            // Stable: findings at the same place keep the order of the checks above.
            cx.out.sort_by_key(|d| d.position);
            cx.out
        })
        .collect()
}

/// Whether a text carries a `TODO`/`FIXME`/`TRANSLATE` marker (Y0204): an unfinished text is
/// reported once, by its marker, and not compared with its translation yet.
fn unfinished(text: &str) -> bool {
    !markers(text).is_empty()
}

/// A finding inside one text, before it is placed in the file.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    /// The check's code (`Y0301`).
    code: &'static str,
    /// How serious it is.
    severity: Severity,
    /// Byte span in the text.
    span: Range<usize>,
    /// What is wrong.
    message: String,
    /// How to fix it.
    fix: String,
}

impl Finding {
    /// A finding with all its parts.
    fn new(
        code: &'static str,
        severity: Severity,
        span: Range<usize>,
        message: String,
        fix: String,
    ) -> Self {
        Finding { code, severity, span, message, fix }
    }
}

/// One file being checked: where findings go and how they get their positions.
pub(crate) struct FileCx<'a> {
    loaded: &'a Loaded,
    config: &'a Config,
    out: Vec<Diagnostic>,
    /// The source split at `\n`, once per file.
    lines: Vec<&'a str>,
    /// Per field path, how its value maps to the source (built at its first finding).
    maps: HashMap<String, Option<FieldMap>>,
}

impl<'a> FileCx<'a> {
    /// A file about to be checked.
    fn new(loaded: &'a Loaded, config: &'a Config) -> Self {
        let lines = loaded.source.split('\n').collect();
        FileCx { loaded, config, out: Vec::new(), lines, maps: HashMap::new() }
    }

    /// A finding about a whole field, placed at the field's value.
    fn field(&mut self, path: &str, mut d: Diagnostic) {
        d.file = self.loaded.file.clone();
        if let Some((p, len)) = self.loaded.positions.value(path) {
            d.position = Some(p);
            d.span_len = len;
        }
        self.out.push(d);
    }

    /// A finding about `span` of the text `value` held by the field `path`: placed exactly
    /// when the YAML source holds the text verbatim, else at the field.
    fn span(&mut self, path: &str, value: &str, f: Finding) {
        let mut d = Diagnostic::warning(f.code, path, f.message, f.fix);
        d.severity = f.severity;
        d.file = self.loaded.file.clone();
        if let Some((p, len)) = self.loaded.positions.value(path) {
            let lines = &self.lines;
            let map =
                self.maps.entry(path.to_string()).or_insert_with(|| FieldMap::new(lines, p, value));
            match map.as_ref().and_then(|m| m.position(value, f.span.clone())) {
                Some(exact) => {
                    d.position = Some(exact);
                    d.span_len = f.span.len().max(1);
                }
                None => {
                    d.position = Some(p);
                    d.span_len = len;
                }
            }
        }
        self.out.push(d);
    }
}

/// Y0202–Y0204, Y0601–Y0603 and Y0702: each text on its own and against its source.
fn check_texts(cx: &mut FileCx, b: &Briefing) {
    let langs = cx.config.languages.clone();
    let source = langs.first().cloned().unwrap_or_default();
    for (path, text, kind) in b.texts() {
        for lang in &langs {
            let Some(value) = text.get(lang) else { continue };
            let field = format!("{path}.{lang}");
            report_markers(cx, &field, value);
            let identical = *lang != source
                && text.get(&source).is_some_and(|s| s.trim() == value.trim())
                && needs_translation(value);
            if identical {
                report_identical(cx, &field, lang, &source);
            } else if let Some(m) =
                mismatch(&plain_letters(&shown(cx, b, lang, value), kind), lang, &langs)
            {
                report_mismatch(cx, &field, lang, &m);
            }
            if kind == TextKind::Markdown {
                for f in markdown::check(value) {
                    cx.span(&field, value, f);
                }
            }
        }
        if path.ends_with(".heading") {
            report_empty_headings(cx, &path, text, &langs);
        }
    }
}

/// A text as its readers see it: figure references written out in `lang`; a broken one
/// (reported as Y0901–Y0903) is left out, so its id's letters say nothing of the language.
fn shown<'v>(cx: &FileCx, b: &Briefing, lang: &str, value: &'v str) -> std::borrow::Cow<'v, str> {
    use crate::content::refs::{Piece, Resolver};
    if !crate::numbers::refs::has_refs(value) {
        return value.into();
    }
    let x = Resolver::new(b, lang, &cx.config.numbers).expand(value);
    let mut out = String::with_capacity(value.len());
    for (_, p) in &x.pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Figure(f) => out.push_str(&f.text),
            Piece::Broken(..) => out.push(' '),
        }
    }
    out.into()
}

/// Y0204: each `TODO`/`FIXME`/`TRANSLATE` marker in the text of `field`.
fn report_markers(cx: &mut FileCx, field: &str, value: &str) {
    for Marker { span, word } in markers(value) {
        let f = Finding::new(
            "Y0204",
            Severity::Warning,
            span,
            format!("`{word}` marker left in the text"),
            "finish the text and remove the marker".into(),
        );
        cx.span(field, value, f);
    }
}

/// Y0202: the `lang` text is the `source` text, not translated.
fn report_identical(cx: &mut FileCx, field: &str, lang: &str, source: &str) {
    let d = Diagnostic::warning(
        "Y0202",
        field.to_string(),
        format!("the `{lang}` text is identical to the `{source}` text: not translated"),
        format!("translate it into `{lang}`"),
    );
    cx.field(field, d);
}

/// Y0203: the `lang` text looks like another language.
fn report_mismatch(cx: &mut FileCx, field: &str, lang: &str, m: &Mismatch) {
    let share = match m.share {
        Some(s) => format!(" ({:.0}% of its letters)", s * 100.0),
        None => String::new(),
    };
    let d = Diagnostic::warning(
        "Y0203",
        field.to_string(),
        format!("the `{lang}` text looks like {}{share}: not translated?", m.looks_like),
        format!("write this field in `{lang}`, or move the text to the right language key"),
    );
    cx.field(field, d);
}

/// Y0603: a section heading with no letter or digit in some language.
fn report_empty_headings(cx: &mut FileCx, path: &str, text: &Text, langs: &[String]) {
    for lang in langs {
        let Some(value) = text.get(lang) else { continue };
        if !value.chars().any(char::is_alphanumeric) {
            let field = format!("{path}.{lang}");
            let d = Diagnostic::warning(
                "Y0603",
                field.clone(),
                format!("the heading `{}` has no text", value.trim()),
                "write the section heading (plain text, no `#`)",
            );
            cx.field(&field, d);
        }
    }
}

/// The words of a text as a reader sees them: for Markdown, without link targets, code and
/// markup (a URL's letters say nothing about the language).
fn plain_letters(value: &str, kind: TextKind) -> String {
    if kind == TextKind::Plain {
        return value.to_string();
    }
    use pulldown_cmark::{Event, Options, Parser};
    let mut out = String::new();
    for ev in Parser::new_ext(value, Options::ENABLE_TABLES) {
        match ev {
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}
