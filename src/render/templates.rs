//! Built-in templates, embedded in the binary, and the project's overrides.
//!
//! As in Zola, a project's `templates/<name>` replaces the embedded file of the same name;
//! everything else falls back to the built-in, so a team overrides only what it changes.

use std::path::Path;

/// Every template yoyak uses: (name, embedded default).
pub const BUILTIN: &[(&str, &str)] = &[
    ("briefing.md", include_str!("../../templates/briefing.md")),
    ("briefing.html", include_str!("../../templates/briefing.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("briefing.typ", include_str!("../../templates/briefing.typ")),
    ("digest.md", include_str!("../../templates/digest.md")),
    ("digest.html", include_str!("../../templates/digest.html")),
    ("digest.typ", include_str!("../../templates/digest.typ")),
];

/// A template problem: the user's override could not be read or does not compile.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// Reading an override failed.
    #[error("cannot read template {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Tera rejected a template.
    #[error("template {name}: {message}")]
    Syntax {
        /// Template name.
        name: String,
        /// Tera's message (with line and column).
        message: String,
    },
}

/// The template texts in effect for a project: overrides first, built-ins otherwise.
#[derive(Clone, Debug)]
pub struct TemplateSet {
    /// (name, text, overridden?) for every name in [`BUILTIN`].
    pub entries: Vec<(String, String, bool)>,
}

impl TemplateSet {
    /// The text of template `name`.
    pub fn get(&self, name: &str) -> &str {
        self.entries
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(_, t, _)| t.as_str())
            .unwrap_or_default()
    }
}

/// Read the templates for the project at `root`.
pub fn load_templates(root: &Path) -> Result<TemplateSet, TemplateError> {
    let mut entries = Vec::new();
    for (name, builtin) in BUILTIN {
        let path = root.join("templates").join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => entries.push((name.to_string(), text, true)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                entries.push((name.to_string(), builtin.to_string(), false))
            }
            Err(source) => {
                return Err(TemplateError::Io { path: path.display().to_string(), source });
            }
        }
    }
    Ok(TemplateSet { entries })
}
