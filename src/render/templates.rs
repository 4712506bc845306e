//! Built-in templates, embedded in the binary, and the project's overrides.
//!
//! As in Zola, a project's `templates/<name>` replaces the embedded file of the same name;
//! everything else falls back to the built-in, so a team overrides only what it changes.

use std::path::Path;

/// Every template yoyak uses: (name, embedded default). The partials (`_*`) come first: Tera
/// resolves an `{% include %}` when the including template is added.
pub const BUILTIN: &[(&str, &str)] = &[
    ("_facts.md", include_str!("../../templates/_facts.md")),
    ("_style.html", include_str!("../../templates/_style.html")),
    ("_facts.html", include_str!("../../templates/_facts.html")),
    ("_footer.html", include_str!("../../templates/_footer.html")),
    ("_head.html", include_str!("../../templates/_head.html")),
    ("_search.html", include_str!("../../templates/_search.html")),
    ("briefing.md", include_str!("../../templates/briefing.md")),
    ("press-release.md", include_str!("../../templates/press-release.md")),
    ("briefing.html", include_str!("../../templates/briefing.html")),
    ("press-release.html", include_str!("../../templates/press-release.html")),
    ("listing.html", include_str!("../../templates/listing.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("search.js", include_str!("../../templates/search.js")),
    ("_text.typ", include_str!("../../templates/_text.typ")),
    ("briefing.typ", include_str!("../../templates/briefing.typ")),
    ("press-release.typ", include_str!("../../templates/press-release.typ")),
    ("digest.md", include_str!("../../templates/digest.md")),
    ("digest.html", include_str!("../../templates/digest.html")),
    ("digest.typ", include_str!("../../templates/digest.typ")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
];

/// Templates yoyak no longer reads, with the one that took each one's place: an override of
/// one would otherwise be ignored without a word.
const RETIRED: &[(&str, &str)] = &[("index.html", "listing.html")];

/// A template problem: the user's override could not be read or does not compile.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// An override could not be read safely.
    #[error("template override: {0}")]
    Read(crate::input::ReadError),
    /// The project overrides a template yoyak no longer reads.
    #[error(
        "templates/{name} is no longer used: the index pages are drawn by {instead}; move your changes into templates/{instead} (start from the built-in one) and delete templates/{name}"
    )]
    Retired {
        /// The retired template.
        name: &'static str,
        /// The template that replaced it.
        instead: &'static str,
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

/// One template in effect.
#[derive(Clone, Debug)]
pub struct Template {
    /// Its name, e.g. `briefing.html`.
    pub name: String,
    /// Its text.
    pub text: String,
    /// Whether the project's own file replaced the built-in.
    pub overridden: bool,
}

/// The template texts in effect for a project: overrides first, built-ins otherwise.
#[derive(Clone, Debug)]
pub struct TemplateSet {
    /// Every name in [`BUILTIN`], in that order.
    pub entries: Vec<Template>,
}

impl TemplateSet {
    /// The Typst modules every PDF template may import (`_*.typ`): name and text.
    pub fn typst_modules(&self) -> impl Iterator<Item = &Template> {
        self.entries.iter().filter(|t| t.name.starts_with('_') && t.name.ends_with(".typ"))
    }

    /// The text of template `name`.
    pub fn get(&self, name: &str) -> &str {
        self.entries.iter().find(|t| t.name == name).map(|t| t.text.as_str()).unwrap_or_default()
    }
}

/// Read the templates for the project at `root`: an override must be a regular file inside
/// the project, within `limit`.
pub fn load_templates(
    root: &Path,
    limit: crate::input::Limit,
) -> Result<TemplateSet, TemplateError> {
    for (name, instead) in RETIRED {
        let path = Path::new("templates").join(name);
        if crate::input::read_optional(root, &path, limit).map_err(TemplateError::Read)?.is_some() {
            return Err(TemplateError::Retired { name, instead });
        }
    }
    let mut entries = Vec::new();
    for (name, builtin) in BUILTIN {
        let path = Path::new("templates").join(name);
        let (text, overridden) = match crate::input::read_optional(root, &path, limit) {
            Ok(Some(bytes)) => (String::from_utf8_lossy(&bytes).into_owned(), true),
            Ok(None) => (builtin.to_string(), false),
            Err(source) => return Err(TemplateError::Read(source)),
        };
        entries.push(Template { name: name.to_string(), text, overridden });
    }
    Ok(TemplateSet { entries })
}
