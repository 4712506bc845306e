//! `Contents/section0.xml`: the body as paragraphs of runs. [`Body`] writes them in order
//! (tables and pictures sit inside a run of their paragraph, their cells hold paragraphs in
//! turn) and records the shapes, languages, images and preview text the package needs.

use super::HwpxError;
use super::header::{CharShape, ParaShape, Shapes};
use super::xml::{XmlOut, with_namespaces};

/// A4 in HWPUNIT, as 한/글 writes it (Skeleton.hwpx: 59528 × 84186).
pub const PAGE_WIDTH: i32 = 59528;
/// A4 height as 한/글 writes it.
pub const PAGE_HEIGHT: i32 = 84186;
/// 한/글's default margins: left/right 30 mm, top 20 mm, bottom 15 mm, header/footer 15 mm.
pub const MARGIN_SIDE: i32 = 8504;
/// Top margin (20 mm).
const MARGIN_TOP: i32 = 5668;
/// Bottom, header and footer margins (15 mm).
const MARGIN_BOTTOM: i32 = 4252;
/// The width text runs in.
pub const TEXT_WIDTH: i32 = PAGE_WIDTH - 2 * MARGIN_SIDE;

/// How long the plain-text preview (`Preview/PrvText.txt`) grows, in characters.
const PREVIEW_CHARS: usize = 2000;

/// An image to store under `BinData/`.
pub struct Bin {
    /// Manifest id and file stem (`image1`).
    pub id: String,
    /// PNG bytes.
    pub png: Vec<u8>,
}

/// The body being written.
pub struct Body {
    x: XmlOut,
    /// Shapes and languages used so far.
    pub shapes: Shapes,
    next_para: u32,
    next_object: u32,
    /// Images to package.
    pub bins: Vec<Bin>,
    preview: String,
    sec_written: bool,
    runs_in_para: usize,
    lang: String,
}

/// What a finished body hands the package.
pub struct Finished {
    /// `Contents/section0.xml`.
    pub section: Vec<u8>,
    /// `Contents/header.xml`.
    pub header: Vec<u8>,
    /// `Preview/PrvText.txt`.
    pub preview: String,
    /// Images.
    pub bins: Vec<Bin>,
}

impl Body {
    /// A body for a document in `lang`.
    pub fn new(lang: &str) -> Result<Self, HwpxError> {
        let mut x = XmlOut::new();
        x.open("hs:sec", &with_namespaces(&[]))?;
        Ok(Body {
            x,
            shapes: Shapes::new(lang),
            next_para: 0,
            next_object: 1,
            bins: Vec::new(),
            preview: String::new(),
            sec_written: false,
            runs_in_para: 0,
            lang: lang.to_string(),
        })
    }

    /// The raw writer, for the elements of tables and pictures.
    pub fn xml(&mut self) -> &mut XmlOut {
        &mut self.x
    }

    /// A fresh id for a table or picture.
    pub fn object_id(&mut self) -> String {
        self.next_object += 1;
        self.next_object.to_string()
    }

    /// Open a paragraph in `lang` shaped `shape`. The document's first paragraph also
    /// carries the section's page settings, in a run of its own (as 한/글 writes it).
    pub fn open_para(&mut self, shape: ParaShape, lang: &str) -> Result<(), HwpxError> {
        let para = self.shapes.para(shape).to_string();
        let style = self.shapes.style(lang).to_string();
        let id = self.next_para.to_string();
        self.next_para += 1;
        self.x.open(
            "hp:p",
            &[
                ("id", &id),
                ("paraPrIDRef", &para),
                ("styleIDRef", &style),
                ("pageBreak", "0"),
                ("columnBreak", "0"),
                ("merged", "0"),
            ],
        )?;
        self.runs_in_para = 0;
        if !self.sec_written {
            self.sec_written = true;
            self.x.open("hp:run", &[("charPrIDRef", "0")])?;
            sec_pr(&mut self.x)?;
            self.x.close("hp:run")?;
        }
        Ok(())
    }

    /// Close the paragraph (with an empty run if it has none: a paragraph needs one).
    pub fn close_para(&mut self) -> Result<(), HwpxError> {
        if self.runs_in_para == 0 {
            self.x.open("hp:run", &[("charPrIDRef", "0")])?;
            self.x.empty("hp:t", &[])?;
            self.x.close("hp:run")?;
        }
        self.x.close("hp:p")?;
        self.preview_push("\r\n");
        Ok(())
    }

    /// Open a run in `shape` (for a table, picture or field control).
    pub fn open_run(&mut self, shape: CharShape) -> Result<(), HwpxError> {
        let id = self.shapes.char(shape).to_string();
        self.runs_in_para += 1;
        self.x.open("hp:run", &[("charPrIDRef", &id)])?;
        Ok(())
    }

    /// Close a run.
    pub fn close_run(&mut self) -> Result<(), HwpxError> {
        Ok(self.x.close("hp:run")?)
    }

    /// A run of `text` in `shape`. Newlines and tabs become spaces (a paragraph is one line
    /// of text to 한/글; breaks are elements).
    pub fn text(&mut self, shape: CharShape, text: &str) -> Result<(), HwpxError> {
        if text.is_empty() {
            return Ok(());
        }
        let text = text.replace(['\n', '\r', '\t'], " ");
        self.open_run(shape)?;
        self.x.leaf("hp:t", &[], &text)?;
        self.close_run()?;
        self.preview_push(&text);
        Ok(())
    }

    /// A line break inside the paragraph.
    pub fn line_break(&mut self, shape: CharShape) -> Result<(), HwpxError> {
        self.open_run(shape)?;
        self.x.open("hp:t", &[])?;
        self.x.empty("hp:lineBreak", &[])?;
        self.x.close("hp:t")?;
        self.close_run()?;
        self.preview_push(" ");
        Ok(())
    }

    /// A whole paragraph of one run.
    pub fn para(
        &mut self,
        shape: ParaShape,
        lang: &str,
        chars: CharShape,
        text: &str,
    ) -> Result<(), HwpxError> {
        self.open_para(shape, lang)?;
        self.text(chars, text)?;
        self.close_para()
    }

    /// An empty paragraph whose line is as tall as `chars` makes it: the vertical space
    /// Korean documents make with blank lines of a chosen size.
    pub fn blank(
        &mut self,
        shape: ParaShape,
        lang: &str,
        chars: CharShape,
    ) -> Result<(), HwpxError> {
        self.open_para(shape, lang)?;
        self.open_run(chars)?;
        self.x.empty("hp:t", &[])?;
        self.close_run()?;
        self.close_para()
    }

    /// Add `text` to the preview while it has room.
    pub fn preview_push(&mut self, text: &str) {
        let room = PREVIEW_CHARS.saturating_sub(self.preview.chars().count());
        self.preview.extend(text.chars().take(room));
    }

    /// The finished section, header and preview.
    pub fn finish(mut self) -> Result<Finished, HwpxError> {
        if !self.sec_written {
            let lang = self.lang.clone();
            self.open_para(ParaShape::BODY, &lang)?;
            self.close_para()?;
        }
        self.x.close("hs:sec")?;
        Ok(Finished {
            header: self.shapes.header_xml()?,
            section: self.x.into_bytes(),
            preview: self.preview,
            bins: self.bins,
        })
    }
}

/// `hp:secPr` (A4 portrait, 한/글's default margins, page numbers at the foot) and the
/// column control.
fn sec_pr(x: &mut XmlOut) -> Result<(), HwpxError> {
    x.open(
        "hp:secPr",
        &[
            ("id", ""),
            ("textDirection", "HORIZONTAL"),
            ("spaceColumns", "1134"),
            ("tabStop", "8000"),
            ("tabStopVal", "4000"),
            ("tabStopUnit", "HWPUNIT"),
            ("outlineShapeIDRef", "0"),
            ("memoShapeIDRef", "0"),
            ("textVerticalWidthHead", "0"),
            ("masterPageCnt", "0"),
        ],
    )?;
    x.empty("hp:grid", &[("lineGrid", "0"), ("charGrid", "0"), ("wonggojiFormat", "0")])?;
    x.empty(
        "hp:startNum",
        &[("pageStartsOn", "BOTH"), ("page", "0"), ("pic", "0"), ("tbl", "0"), ("equation", "0")],
    )?;
    x.empty(
        "hp:visibility",
        &[
            ("hideFirstHeader", "0"),
            ("hideFirstFooter", "0"),
            ("hideFirstMasterPage", "0"),
            ("border", "SHOW_ALL"),
            ("fill", "SHOW_ALL"),
            ("hideFirstPageNum", "0"),
            ("hideFirstEmptyLine", "0"),
            ("showLineNumber", "0"),
        ],
    )?;
    x.empty(
        "hp:lineNumberShape",
        &[("restartType", "0"), ("countBy", "0"), ("distance", "0"), ("startNumber", "0")],
    )?;
    page_pr(x)?;
    note_pr(x, "hp:footNotePr", "-1", "283", "EACH_COLUMN")?;
    note_pr(x, "hp:endNotePr", "14692344", "0", "END_OF_DOCUMENT")?;
    for kind in ["BOTH", "EVEN", "ODD"] {
        x.open(
            "hp:pageBorderFill",
            &[
                ("type", kind),
                ("borderFillIDRef", "1"),
                ("textBorder", "PAPER"),
                ("headerInside", "0"),
                ("footerInside", "0"),
                ("fillArea", "PAPER"),
            ],
        )?;
        x.empty(
            "hp:offset",
            &[("left", "1417"), ("right", "1417"), ("top", "1417"), ("bottom", "1417")],
        )?;
        x.close("hp:pageBorderFill")?;
    }
    x.close("hp:secPr")?;
    x.open("hp:ctrl", &[])?;
    x.empty(
        "hp:colPr",
        &[
            ("id", ""),
            ("type", "NEWSPAPER"),
            ("layout", "LEFT"),
            ("colCount", "1"),
            ("sameSz", "1"),
            ("sameGap", "0"),
        ],
    )?;
    x.close("hp:ctrl")?;
    x.open("hp:ctrl", &[])?;
    x.empty("hp:pageNum", &[("pos", "BOTTOM_CENTER"), ("formatType", "DIGIT"), ("sideChar", "-")])?;
    x.close("hp:ctrl")?;
    Ok(())
}

/// `hp:pagePr`: A4 portrait with 한/글's default margins.
fn page_pr(x: &mut XmlOut) -> Result<(), HwpxError> {
    x.open(
        "hp:pagePr",
        &[
            ("landscape", "WIDELY"),
            ("width", &PAGE_WIDTH.to_string()),
            ("height", &PAGE_HEIGHT.to_string()),
            ("gutterType", "LEFT_ONLY"),
        ],
    )?;
    let (side, top, bottom) =
        (MARGIN_SIDE.to_string(), MARGIN_TOP.to_string(), MARGIN_BOTTOM.to_string());
    x.empty(
        "hp:margin",
        &[
            ("header", &bottom),
            ("footer", &bottom),
            ("gutter", "0"),
            ("left", &side),
            ("right", &side),
            ("top", &top),
            ("bottom", &bottom),
        ],
    )?;
    x.close("hp:pagePr")?;
    Ok(())
}

/// `hp:footNotePr` or `hp:endNotePr` as 한/글's skeleton has them.
fn note_pr(
    x: &mut XmlOut,
    name: &str,
    line_length: &str,
    between: &str,
    place: &str,
) -> Result<(), HwpxError> {
    x.open(name, &[])?;
    x.empty(
        "hp:autoNumFormat",
        &[
            ("type", "DIGIT"),
            ("userChar", ""),
            ("prefixChar", ""),
            ("suffixChar", ")"),
            ("supscript", "0"),
        ],
    )?;
    x.empty(
        "hp:noteLine",
        &[("length", line_length), ("type", "SOLID"), ("width", "0.12 mm"), ("color", "#000000")],
    )?;
    x.empty(
        "hp:noteSpacing",
        &[("betweenNotes", between), ("belowLine", "567"), ("aboveLine", "850")],
    )?;
    x.empty("hp:numbering", &[("type", "CONTINUOUS"), ("newNum", "1")])?;
    x.empty("hp:placement", &[("place", place), ("beneathText", "0")])?;
    x.close(name)?;
    Ok(())
}
