//! yoyak (요약, "digest"): bilingual Korean/English briefings from structured report content.
//!
//! The pipeline is visible in the modules: [`content`] loads and validates YAML, [`numbers`]
//! parses and formats figures, [`render`] turns a briefing into Markdown, HTML and PDF,
//! [`output`] writes files atomically, and [`build`] runs the whole thing.
#![warn(missing_docs)]
// The documentation is for yoyak's developers, read with `cargo doc --document-private-items`:
// module overviews name the private modules that do the work.
#![allow(rustdoc::private_intra_doc_links)]

#[cfg(feature = "pdf")]
pub mod build;
pub mod check;
pub mod content;
pub mod diagnostic;
pub mod hash;
pub mod import;
pub mod input;
pub mod markdown;
pub mod numbers;
pub mod output;
pub mod render;
pub mod scaffold;
#[cfg(feature = "pdf")]
pub mod serve;
pub mod text;
