//! Markdown and HTML editions through Tera templates (parsed once per run).

use super::Edition;
use super::templates::{TemplateError, TemplateSet};
use crate::markdown::escape_inline;
use tera::{Context, Kwargs, State, Tera};

/// Compiled Tera templates for `.md` and `.html` outputs.
pub struct TextRenderer {
    tera: Tera,
}

/// A template failed while rendering.
#[derive(Debug, thiserror::Error)]
#[error("template {template}: {message}")]
pub struct RenderError {
    /// Template name.
    pub template: String,
    /// Tera's message.
    pub message: String,
}

fn tera_message(e: &tera::Error) -> String {
    // Tera nests causes; the full chain is what tells a template author what broke.
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

impl TextRenderer {
    /// Compile the Markdown and HTML templates of `set`.
    pub fn new(set: &TemplateSet) -> Result<Self, TemplateError> {
        let mut tera = Tera::new();
        // Markdown is escaped by our own filters; HTML by Tera's autoescape.
        tera.autoescape_on([".html"]);
        tera.register_filter("md", |s: &str, _: Kwargs, _: &State| escape_inline(s));
        tera.register_filter("md_cell", |s: &str, _: Kwargs, _: &State| escape_inline(s));
        for (name, text, _) in &set.entries {
            if name.ends_with(".html") || name.ends_with(".md") {
                tera.add_raw_template(name, text).map_err(|e| TemplateError::Syntax {
                    name: name.clone(),
                    message: tera_message(&e),
                })?;
            }
        }
        Ok(TextRenderer { tera })
    }

    /// Render template `name` with `value` as its context (`e` for editions).
    pub fn render<T: serde::Serialize>(
        &self,
        name: &str,
        key: &'static str,
        value: &T,
    ) -> Result<String, RenderError> {
        let mut ctx = Context::new();
        ctx.insert(key, value);
        self.tera
            .render(name, &ctx)
            .map_err(|e| RenderError { template: name.to_string(), message: tera_message(&e) })
    }

    /// The Markdown edition.
    pub fn markdown(&self, e: &Edition) -> Result<String, RenderError> {
        self.render("briefing.md", "e", e)
    }

    /// The HTML edition.
    pub fn html(&self, e: &Edition) -> Result<String, RenderError> {
        self.render("briefing.html", "e", e)
    }
}
