//! HWPX (한/글, KS X 6101 OWPML) editions of briefings and digests, written from scratch: no
//! template file, no layout cache (`hp:linesegarray`, which 한/글 recomputes and which hangs
//! it when stale), no dates, so the same edition always gives the same bytes.
//!
//! What the documents use, and why:
//!
//! - **Fonts.** Two faces, named in all seven per-script font lists (한글, Latin, 한자,
//!   Japanese, other, symbol, user): **함초롬바탕** for body text and **함초롬돋움** for the
//!   title, headings, tables, code and notes. Both ship with every 한/글 installation (they are
//!   Hancom's own default faces) and are free to install elsewhere; fonts are referenced by
//!   name, never embedded. The government look (휴먼명조, HY헤드라인M) is bundled only with
//!   Hancom Office and is substituted on other machines, so it is not used.
//! - **Page.** A4 portrait as 한/글 writes it (59528 × 84186 HWPUNIT) with 한/글's default
//!   margins: left and right 30 mm, top 20 mm, bottom 15 mm, header and footer 15 mm; the page
//!   number centred at the foot.
//! - **Korean text.** Every paragraph shape keeps words whole in both scripts
//!   (`breakNonLatinWord="KEEP_WORD"`: 어절 단위, and `breakLatinWord="KEEP_WORD"`) with 160 %
//!   line spacing (한/글's default). Each paragraph's language is its style's `langID` (OWPML
//!   has no language per run): one style per language used, so other-language titles and the
//!   fact sheet's columns are marked as what they are.
//! - **Tables** are real `hp:tbl` objects: the header row bold, centred and shaded `#DFE6F7`
//!   (the most common header colour in government releases), numbers right-aligned as the
//!   Markdown's column alignment says. Links are `HYPERLINK` fields. Charts are PNGs drawn
//!   from the same SVG as the other formats, with yoyak's embedded fonts.
//!
//! Every text and attribute goes through quick-xml's escaping after the characters XML 1.0
//! forbids are dropped ([`xml`]); no user text is spliced into markup.

mod blocks;
mod briefing;
mod digest;
mod field;
mod header;
mod image;
mod package;
mod press;
mod section;
mod table;
mod xml;

pub use blocks::ListMarks;
pub use briefing::{Layout, Page, Part};
pub use image::{ChartRaster, Png};
pub use package::MIMETYPE;
pub use section::Body;

use crate::render::Edition;
use crate::render::site::DigestView;

/// Why an HWPX document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum HwpxError {
    /// Writing XML or into the package failed (in memory: not expected).
    #[error("HWPX output failed: {0}")]
    Io(#[from] std::io::Error),
    /// The ZIP package could not be written.
    #[error("HWPX package failed: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// A chart could not be drawn as a picture.
    #[error("HWPX chart {chart}: {message}")]
    Chart {
        /// Chart id.
        chart: String,
        /// What went wrong.
        message: String,
    },
}

/// A briefing edition as an `.hwpx` file, in its layout: the briefing, or the 보도자료 when
/// the edition is a press release.
pub fn briefing(e: &Edition, charts: &ChartRaster) -> Result<Vec<u8>, HwpxError> {
    let layout = match &e.release {
        Some(r) => Layout::press_release(&r.list_marks),
        None => Layout::briefing(),
    };
    briefing_with(e, charts, &layout)
}

/// A briefing edition as an `.hwpx` file, in `layout`.
pub fn briefing_with(
    e: &Edition,
    charts: &ChartRaster,
    layout: &Layout,
) -> Result<Vec<u8>, HwpxError> {
    let mut body = Body::new(&e.lang)?;
    let page = Page { e, charts, marks: &layout.marks };
    for part in &layout.parts {
        part(&mut body, &page)?;
    }
    let meta = package::Meta { title: &e.title.text, lang: &e.lang };
    package::package(body.finish()?, &meta)
}

/// A digest edition as an `.hwpx` file.
pub fn digest(d: &DigestView) -> Result<Vec<u8>, HwpxError> {
    let mut body = Body::new(&d.lang)?;
    digest::write(&mut body, d)?;
    let meta = package::Meta { title: &d.title, lang: &d.lang };
    package::package(body.finish()?, &meta)
}
