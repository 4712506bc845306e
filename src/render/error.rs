//! What can go wrong while rendering one document: a template, the PDF layout, the data handed
//! to typst, or a content file that changed under the build. One typed error for every
//! renderer, so a failure is reported as what it is and where it happened.

use std::path::PathBuf;

/// The document a PDF or HWPX file belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    /// One briefing's edition.
    Briefing {
        /// Briefing id.
        id: String,
        /// Edition language.
        lang: String,
    },
    /// One digest's edition.
    Digest {
        /// Digest name (`digest`, `weekly` …).
        name: String,
        /// Edition language.
        lang: String,
    },
}

/// A document that could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A Tera template failed while rendering.
    #[error("template {template}: {message}")]
    Template {
        /// Template name.
        template: String,
        /// Tera's message, with its causes.
        message: String,
    },
    /// Typst could not lay out or export a PDF.
    #[cfg(feature = "pdf")]
    #[error("{}", pdf_message(document, error))]
    Pdf {
        /// Whose PDF.
        document: Document,
        /// Typst's diagnostics.
        error: super::pdf::PdfError,
    },
    /// An HWPX document could not be written.
    #[cfg(feature = "pdf")]
    #[error("{}", hwpx_message(document, error))]
    Hwpx {
        /// Whose HWPX.
        document: Document,
        /// What failed.
        error: super::hwpx::HwpxError,
    },
    /// A view could not be serialised as typst's data.
    #[error("{0}")]
    Data(#[from] serde_json::Error),
    /// A content file the cache stood in for no longer loads cleanly.
    #[error("{}: the file changed during the build: build again", file.display())]
    ContentChanged {
        /// The content file.
        file: PathBuf,
    },
}

/// A briefing's PDF failure stands alone (the report names its file); a digest's says which
/// digest it is.
#[cfg(feature = "pdf")]
fn pdf_message(document: &Document, error: &super::pdf::PdfError) -> String {
    match document {
        Document::Briefing { .. } => error.to_string(),
        Document::Digest { name, .. } => format!("digest {name}: {error}"),
    }
}

/// An HWPX failure, with the digest named as for a PDF failure.
#[cfg(feature = "pdf")]
fn hwpx_message(document: &Document, error: &super::hwpx::HwpxError) -> String {
    match document {
        Document::Briefing { .. } => error.to_string(),
        Document::Digest { name, .. } => format!("digest {name}: {error}"),
    }
}

#[cfg(all(test, feature = "pdf"))]
mod tests {
    use super::*;
    use crate::render::pdf::PdfError;

    #[test]
    fn a_pdf_failure_names_its_document() {
        let error = || PdfError(vec!["templates/briefing.typ:1:1: error: boom".into()]);
        let briefing = RenderError::Pdf {
            document: Document::Briefing { id: "b".into(), lang: "ko".into() },
            error: error(),
        };
        assert_eq!(
            briefing.to_string(),
            "PDF layout failed:\ntemplates/briefing.typ:1:1: error: boom"
        );
        let digest = RenderError::Pdf {
            document: Document::Digest { name: "weekly".into(), lang: "en".into() },
            error: error(),
        };
        assert_eq!(
            digest.to_string(),
            "digest weekly: PDF layout failed:\ntemplates/briefing.typ:1:1: error: boom"
        );
    }
}
