//! PDF editions: typst compiled in-process over an in-memory [`World`].
//!
//! The world serves the template (`/briefing.typ`), the modules templates import (`/_*.typ`)
//! and the edition as data (`/data.json`), plus chart images; it reads nothing from disk and
//! refuses packages,
//! so a hostile content file can neither read files nor reach the network. User text never
//! becomes Typst markup: the template reads it from JSON and places it as strings.

use super::templates::TemplateSet;
use std::path::{Path, PathBuf};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::{Frame, FrameItem};
use typst::model::Document;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// The OFL fonts embedded in the binary: Pretendard for text, NanumGothic for Hanja and any
/// Hangul Pretendard lacks.
pub(crate) const FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../templates/fonts/Pretendard-Regular.otf"),
    include_bytes!("../../templates/fonts/Pretendard-Bold.otf"),
    include_bytes!("../../templates/fonts/NanumGothic.ttf"),
    include_bytes!("../../templates/fonts/NanumGothicBold.ttf"),
];

/// Fonts, font book and standard library: parsed once per run, shared by every compile.
pub struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
    library: LazyHash<Library>,
}

/// A project font that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot use font {path}: {reason}")]
pub struct FontError {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

impl Fonts {
    /// Every font (the embedded ones, then the project's), for other renderers to draw with.
    pub fn faces(&self) -> &[Font] {
        &self.fonts
    }

    /// The embedded fonts, then the project's own from `<root>/fonts/` (for scripts the
    /// embedded fonts lack, e.g. Japanese kana); system fonts are never read. Parsed once per
    /// process: a long-running process (`yoyak serve`) gets the same fonts back while the
    /// project's `fonts/` holds the same bytes, so typst's caches stay warm across rebuilds.
    pub fn shared(
        root: &Path,
        limit: crate::input::Limit,
    ) -> Result<std::sync::Arc<Fonts>, FontError> {
        static LAST: std::sync::Mutex<Option<(blake3::Hash, std::sync::Arc<Fonts>)>> =
            std::sync::Mutex::new(None);
        let files = read_project_fonts(root, limit)?;
        let mut key = blake3::Hasher::new();
        for f in &files {
            key.update(f.path.as_os_str().as_encoded_bytes());
            key.update(&(f.bytes.len() as u64).to_le_bytes());
            key.update(&f.bytes);
        }
        let key = key.finalize();
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, fonts)) = last.as_ref()
            && *k == key
        {
            return Ok(fonts.clone());
        }
        let fonts = std::sync::Arc::new(Self::from_project(files)?);
        *last = Some((key, fonts.clone()));
        Ok(fonts)
    }

    /// The embedded fonts followed by the project's `files`, each checked to be a font.
    fn from_project(files: Vec<FontFile>) -> Result<Fonts, FontError> {
        let mut data: Vec<Bytes> = FONT_FILES.iter().map(|d| Bytes::new(*d)).collect();
        for FontFile { path, bytes } in files {
            let before = data.len();
            let b = Bytes::new(bytes);
            if Font::iter(b.clone()).next().is_none() {
                return Err(FontError {
                    path: path.display().to_string(),
                    reason: "not a TrueType/OpenType font".into(),
                });
            }
            data.insert(before, b);
        }
        let fonts: Vec<Font> = data.into_iter().flat_map(Font::iter).collect();
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Fonts { fonts, book, library: LazyHash::new(Library::builder().build()) })
    }
}

/// A font file of the project, as read.
struct FontFile {
    /// Path relative to the project root.
    path: PathBuf,
    /// Its bytes.
    bytes: Vec<u8>,
}

/// The font files in `<root>/fonts/`, in name order, with their bytes: regular files inside
/// the project only, each within `limit`.
fn read_project_fonts(root: &Path, limit: crate::input::Limit) -> Result<Vec<FontFile>, FontError> {
    let error =
        |path: &Path, reason: String| FontError { path: path.display().to_string(), reason };
    let fonts_dir = Path::new("fonts");
    let paths = match crate::input::list(root, fonts_dir) {
        Ok(Some(paths)) => paths,
        Ok(None) => return Ok(Vec::new()),
        Err(e) => return Err(error(fonts_dir, e.to_string())),
    };
    paths
        .into_iter()
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str())
            })
        })
        .map(|path| match crate::input::read(root, &path, limit) {
            Ok(bytes) => Ok(FontFile { path, bytes }),
            Err(e) => Err(error(&path, e.to_string())),
        })
        .collect()
}

/// A PDF compile failure, with typst's diagnostics resolved to template lines.
#[derive(Debug, thiserror::Error)]
#[error("PDF layout failed:\n{}", .0.join("\n"))]
pub struct PdfError(pub Vec<String>);

/// A compiled PDF and what the layout reported.
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Glyphs drawn as `.notdef` (missing from every font): must be zero.
    pub notdef: usize,
    /// Number of pages.
    pub pages: usize,
    /// Seconds spent in layout.
    pub layout: f64,
    /// Seconds spent in export.
    pub export: f64,
}

/// An extra file (a chart SVG) served to the template.
#[derive(Clone, Debug)]
pub struct Asset {
    /// Its virtual path, such as `/charts/x.svg`.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Extra files served to the template.
pub type Assets = Vec<Asset>;

/// The in-memory world one compile sees: the template, its modules, the data, chart images
/// and fonts.
struct BriefingWorld<'a> {
    fonts: &'a Fonts,
    main: Source,
    /// `_*.typ` templates, each at `/<name>`, with their names (for diagnostics).
    modules: Vec<(String, Source)>,
    data: Bytes,
    assets: &'a Assets,
    today: Datetime,
}

/// The id of one of the world's own files.
fn file_id(path: &str) -> FileId {
    // Paths here are our own constants, always inside the root.
    let vpath = VirtualPath::new(path).expect("valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for BriefingWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.fonts.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let module = self.modules.iter().find(|(_, m)| m.id() == id);
        module.map(|(_, m)| m.clone()).ok_or(FileError::AccessDenied)
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id("/data.json") {
            return Ok(self.data.clone());
        }
        for asset in self.assets {
            if id == file_id(&asset.path) {
                return Ok(Bytes::new(asset.bytes.clone()));
            }
        }
        Err(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// What fixes a PDF's bytes (its ident and its timestamp), and the template it comes from.
#[derive(Clone, Debug)]
pub struct PdfMeta {
    /// The template's name (`briefing.typ`, `digest.typ`): where diagnostics point.
    pub template: &'static str,
    /// Stable document id (briefing id + language).
    pub ident: String,
    /// (year, month, day) written as the creation date.
    pub date: (i32, u8, u8),
}

/// Compile template `meta.template` of `templates` with `data` (the edition as JSON) into a PDF.
pub fn render_pdf(
    fonts: &Fonts,
    templates: &TemplateSet,
    data: Vec<u8>,
    assets: &Assets,
    meta: &PdfMeta,
) -> Result<Pdf, PdfError> {
    let (y, m, d) = meta.date;
    let today = Datetime::from_ymd(y, m, d).ok_or_else(|| PdfError(vec!["invalid date".into()]))?;
    let modules = templates
        .typst_modules()
        .map(|m| (m.name.clone(), Source::new(file_id(&format!("/{}", m.name)), m.text.clone())))
        .collect();
    let main = templates.get(meta.template).to_string();
    let world = BriefingWorld {
        fonts,
        main: Source::new(file_id("/briefing.typ"), main),
        modules,
        data: Bytes::new(data),
        assets,
        today,
    };
    let t0 = std::time::Instant::now();
    let warned = typst::compile::<PagedDocument>(&world);
    let fail = |errs: &[SourceDiagnostic]| PdfError(describe(&world, meta.template, errs));
    let doc = warned.output.map_err(|errs| fail(&errs))?;
    let doc = number_pages(fonts, doc, today).map_err(|errs| fail(&errs))?;
    let layout = t0.elapsed().as_secs_f64();
    let notdef = doc.pages().iter().map(|p| count_notdef(&p.frame)).sum();
    let ts = Datetime::from_ymd_hms(y, m, d, 0, 0, 0).map(typst_pdf::Timestamp::new_utc);
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(meta.ident.clone()),
        creator: Smart::Custom(Some(concat!("yoyak ", env!("CARGO_PKG_VERSION")).into())),
        timestamp: ts,
        ..Default::default()
    };
    let t1 = std::time::Instant::now();
    let bytes = typst_pdf::pdf(&doc, &options).map_err(|errs| fail(&errs))?;
    Ok(Pdf { bytes, notdef, pages: doc.pages().len(), layout, export: t1.elapsed().as_secs_f64() })
}

/// The label of the marker a template puts where each page's number goes, at the end of a
/// footer line: `#h(1fr) #metadata("page") <yoyak-page-number>#box()` (the empty box keeps the
/// marker inside the line: typst moves a paragraph's trailing tags out of it).
pub const PAGE_NUMBER_LABEL: &str = "yoyak-page-number";

/// The page numbers themselves: one tiny page per number, in the footer's house style.
const PAGE_NUMBERS_TYP: &str = r##"#let d = json("/data.json")
#set page(width: auto, height: auto, margin: 0pt)
#set text(font: ("Pretendard",), size: 8pt, fill: rgb("#57606a"), top-edge: "ascender", bottom-edge: "descender")
#for (i, s) in d.enumerate() { if i > 0 { pagebreak() }; s }
"##;

/// Write "page / pages" where the template left page-number markers.
///
/// A footer that asks typst for `counter(page)` (or uses `context` at all) makes typst lay the
/// whole document out a second time; numbering pages afterwards keeps layout to one pass,
/// which halved layout time per briefing.
fn number_pages(
    fonts: &Fonts,
    doc: PagedDocument,
    today: Datetime,
) -> typst::diag::SourceResult<PagedDocument> {
    use typst::foundations::{Label, Selector};
    use typst::introspection::Introspector;
    use typst::utils::PicoStr;
    let Some(label) = Label::new(PicoStr::intern(PAGE_NUMBER_LABEL)) else { return Ok(doc) };
    let intro = doc.introspector();
    let marks: Vec<_> = intro
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| intro.position(c.location()?))
        .collect();
    if marks.is_empty() {
        return Ok(doc);
    }
    let total = doc.pages().len();
    let texts: Vec<String> = (1..=total).map(|i| format!("{i} / {total}")).collect();
    let world = BriefingWorld {
        fonts,
        main: Source::new(file_id("/page-numbers.typ"), PAGE_NUMBERS_TYP.to_string()),
        modules: Vec::new(),
        data: Bytes::new(serde_json::to_vec(&texts).unwrap_or_default()),
        assets: &Vec::new(),
        today,
    };
    let numbers = typst::compile::<PagedDocument>(&world).output.map_err(|e| e.to_vec())?;
    let mut pages: Vec<_> = doc.pages().to_vec();
    for mark in marks {
        let (Some(page), Some(number)) =
            (pages.get_mut(mark.page.get() - 1), numbers.pages().get(mark.page.get() - 1))
        else {
            continue;
        };
        // The marker sits on the footer's baseline at its right end: align the number's
        // baseline with it and end the number there.
        let baseline = first_baseline(&number.frame).unwrap_or_default();
        let at =
            typst::layout::Point::new(mark.point.x - number.frame.width(), mark.point.y - baseline);
        page.frame.push_frame(at, number.frame.clone());
    }
    Ok(PagedDocument::new(pages.into_iter().collect(), doc.info().clone()))
}

/// The baseline of a frame's first line of text.
fn first_baseline(frame: &Frame) -> Option<typst::layout::Abs> {
    frame.items().find_map(|(pos, item)| match item {
        FrameItem::Text(_) => Some(pos.y),
        FrameItem::Group(g) => first_baseline(&g.frame).map(|y| y + pos.y),
        _ => None,
    })
}

/// Glyph id 0 is `.notdef`: a character no embedded font has.
fn count_notdef(frame: &Frame) -> usize {
    frame
        .items()
        .map(|(_, item)| match item {
            FrameItem::Group(g) => count_notdef(&g.frame),
            FrameItem::Text(t) => t.glyphs.iter().filter(|g| g.id == 0).count(),
            _ => 0,
        })
        .sum()
}

/// `templates/briefing.typ:12:5: error: message` for each diagnostic, as typst-cli prints
/// them (`template` names the file).
fn describe(world: &BriefingWorld, template: &str, diags: &[SourceDiagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            let sev = if d.severity == Severity::Error { "error" } else { "warning" };
            let place = world
                .range(d.span)
                .and_then(|r| {
                    // The file the span is in: the template, or a module it imports.
                    let (name, source) = match d.span.id() {
                        Some(id) if id != world.main.id() => {
                            world.modules.iter().find(|(_, m)| m.id() == id)?
                        }
                        _ => return at(template, &world.main, r.start),
                    };
                    at(name, source, r.start)
                })
                .unwrap_or_default();
            let hints: String = d.hints.iter().map(|h| format!("\n  hint: {}", h.v)).collect();
            format!("{place}{sev}: {}{hints}", d.message)
        })
        .collect()
}

/// `templates/<name>:<line>:<column>: ` for byte `offset` of `source`.
fn at(name: &str, source: &Source, offset: usize) -> Option<String> {
    let (line, col) = source.lines().byte_to_line_column(offset)?;
    Some(format!("templates/{name}:{}:{}: ", line + 1, col + 1))
}

/// Empty typst's memoisation cache: after a batch of briefings it holds the last ones'
/// layouts, which nothing after them reuses.
pub fn clear_cache() {
    typst::comemo::evict(0);
}

/// Keep typst's memoisation cache from growing without bound over long batches.
pub fn evict_cache() {
    // Keep entries used within the last few compiles (the template's own evaluation), drop the
    // rest (each briefing's layout).
    typst::comemo::evict(4);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    // The only caller of `Fonts::shared` in this test binary: the process-wide slot is ours.
    #[test]
    fn fonts_are_parsed_once_per_process_until_the_project_fonts_change() {
        let root = tempfile::tempdir().unwrap();
        let first = Fonts::shared(root.path(), crate::content::Limits::default().font()).unwrap();
        assert!(
            Arc::ptr_eq(
                &first,
                &Fonts::shared(root.path(), crate::content::Limits::default().font()).unwrap()
            ),
            "reused"
        );

        std::fs::create_dir(root.path().join("fonts")).unwrap();
        std::fs::write(root.path().join("fonts/extra.ttf"), FONT_FILES[2]).unwrap();
        let with_extra =
            Fonts::shared(root.path(), crate::content::Limits::default().font()).unwrap();
        assert!(!Arc::ptr_eq(&first, &with_extra), "a new project font is loaded");
        assert_eq!(with_extra.fonts.len(), first.fonts.len() + 1);

        std::fs::write(root.path().join("fonts/extra.ttf"), b"not a font").unwrap();
        let err = Fonts::shared(root.path(), crate::content::Limits::default().font())
            .err()
            .expect("a broken font is an error");
        assert!(err.to_string().contains("extra.ttf"), "{err}");
    }
}
