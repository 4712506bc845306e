//! Text pages through Tera templates (compiled once per run): the Markdown and HTML editions
//! of briefings and digests, the index pages and the Atom feed.

use super::Edition;
use super::error::RenderError;
use super::meta::PageMeta;
use super::templates::{TemplateError, TemplateSet};
use crate::markdown::escape_inline;
use tera::{Context, Kwargs, State, Tera};

/// Compiled Tera templates for `.md`, `.html` and `.xml` outputs.
pub struct PageRenderer {
    /// Markdown and HTML templates (HTML autoescaped the Tera way).
    pages: Tera,
    /// XML templates (the feed), autoescaped by [`super::escape_xml`].
    feeds: Tera,
}

/// Tera's message with its causes: the full chain is what tells a template author what broke.
fn tera_message(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// Tera's escape hook for XML templates: [`super::escape_xml`].
fn escape_xml_into(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(super::escape_xml(s).as_bytes())
}

/// Add every template of `set` whose name ends with one of `suffixes` to `tera`.
fn add_templates(
    tera: &mut Tera,
    set: &TemplateSet,
    suffixes: &[&str],
) -> Result<(), TemplateError> {
    for t in set.entries.iter().filter(|t| suffixes.iter().any(|s| t.name.ends_with(s))) {
        tera.add_raw_template(&t.name, &t.text).map_err(|e| TemplateError::Syntax {
            name: t.name.clone(),
            message: tera_message(&e),
        })?;
    }
    Ok(())
}

impl PageRenderer {
    /// Compile the Markdown, HTML and XML templates of `set`.
    pub fn new(set: &TemplateSet) -> Result<Self, TemplateError> {
        let mut pages = Tera::new();
        // Markdown is escaped by our own filters; HTML by Tera's autoescape.
        pages.autoescape_on([".html"]);
        pages.register_filter("md", |s: &str, _: Kwargs, _: &State| escape_inline(s));
        pages.register_filter("md_cell", |s: &str, _: Kwargs, _: &State| escape_inline(s));
        add_templates(&mut pages, set, &[".html", ".md"])?;
        // XML gets an instance of its own: the escape hook is per instance, and XML must also
        // drop the control characters XML 1.0 forbids.
        let mut feeds = Tera::new();
        feeds.autoescape_on([".xml"]);
        feeds.set_escape_fn(escape_xml_into);
        add_templates(&mut feeds, set, &[".xml"])?;
        Ok(PageRenderer { pages, feeds })
    }

    /// Render template `name` with `value` as its context under `key` (`e` for editions).
    pub fn render<T: serde::Serialize>(
        &self,
        name: &str,
        key: &'static str,
        value: &T,
    ) -> Result<String, RenderError> {
        let mut ctx = Context::new();
        ctx.insert(key, value);
        self.render_context(name, &ctx)
    }

    /// Render the HTML page template `name`: `value` under `key`, and the head lines the
    /// shared `_head.html` partial reads under `meta`.
    pub fn render_page<T: serde::Serialize>(
        &self,
        name: &str,
        key: &'static str,
        value: &T,
        meta: &PageMeta,
    ) -> Result<String, RenderError> {
        let mut ctx = Context::new();
        ctx.insert(key, value);
        ctx.insert("meta", meta);
        self.render_context(name, &ctx)
    }

    /// Render template `name` with `ctx`.
    fn render_context(&self, name: &str, ctx: &Context) -> Result<String, RenderError> {
        let tera = if name.ends_with(".xml") { &self.feeds } else { &self.pages };
        tera.render(name, ctx).map_err(|e| RenderError::Template {
            template: name.to_string(),
            message: tera_message(&e),
        })
    }

    /// The Markdown edition, through its layout's template.
    pub fn markdown(&self, e: &Edition) -> Result<String, RenderError> {
        self.render(e.template("md"), "e", e)
    }

    /// The HTML edition, through its layout's template.
    pub fn html(&self, e: &Edition) -> Result<String, RenderError> {
        self.render_page(e.template("html"), "e", e, &e.meta)
    }
}
