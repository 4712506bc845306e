//! `Contents/header.xml`: the fonts per script, the border fills, and the character and
//! paragraph shapes the body used — registered as the body is written, numbered in order of
//! first use, so the same document always gets the same ids.

use super::xml::{XmlOut, with_namespaces};
use std::io;

/// The two faces every 한/글 installation has (see the module documentation of `hwpx`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// 함초롬바탕: body text (a 명조, serif).
    Batang = 0,
    /// 함초롬돋움: headings, tables, code, notes (a 고딕, sans).
    Dotum = 1,
}

/// Font names, by [`Face`] index, in every script's list.
const FACES: [&str; 2] = ["함초롬바탕", "함초롬돋움"];

/// The seven scripts OWPML keeps a font list for, in Hancom's order.
const SCRIPTS: [&str; 7] = ["HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER"];
/// The same scripts as `fontRef`/`ratio`/… attribute names.
const SCRIPT_ATTRS: [&str; 7] = ["hangul", "latin", "hanja", "japanese", "other", "symbol", "user"];

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CharShape {
    /// Face.
    pub face: Face,
    /// Size in HWPUNIT (1 pt = 100).
    pub size: u32,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined (links).
    pub underline: bool,
    /// Colour, `0xRRGGBB`.
    pub color: u32,
}

impl CharShape {
    /// Body text: 함초롬바탕 10 pt, black.
    pub const BODY: CharShape = CharShape {
        face: Face::Batang,
        size: 1000,
        bold: false,
        italic: false,
        underline: false,
        color: 0x000000,
    };

    /// This shape in `face` at `size` (HWPUNIT).
    pub const fn sans(size: u32) -> CharShape {
        CharShape { face: Face::Dotum, size, ..CharShape::BODY }
    }

    /// This shape, bold.
    pub const fn bold(self) -> CharShape {
        CharShape { bold: true, ..self }
    }

    /// This shape in `color`.
    pub const fn color(self, color: u32) -> CharShape {
        CharShape { color, ..self }
    }
}

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    /// 양쪽 정렬: Hancom's default for body text.
    Justify,
    /// Left.
    Left,
    /// Centred.
    Center,
    /// Right (numbers in tables).
    Right,
}

impl Align {
    /// The OWPML name.
    fn name(self) -> &'static str {
        match self {
            Align::Justify => "JUSTIFY",
            Align::Left => "LEFT",
            Align::Center => "CENTER",
            Align::Right => "RIGHT",
        }
    }
}

/// The border fills the document uses; ids are fixed (1-based, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fill {
    /// No border, no fill: pages and plain paragraphs.
    Plain = 1,
    /// What every character shape refers to (no border, no fill), as Hancom writes.
    CharBg = 2,
    /// A table cell: thin black rules.
    Cell = 3,
    /// A table's header cell: thin rules on `#DFE6F7`.
    HeadCell = 4,
    /// A code block's cell: thin grey rules on light grey.
    CodeCell = 5,
    /// The key-points box: thin rules on a pale tint.
    Box = 6,
    /// A block quote: a grey bar on the left.
    QuoteBar = 7,
    /// A heading: a thin grey rule below.
    RuleBelow = 8,
    /// The title block: a heavy rule below.
    TitleRule = 9,
}

impl Fill {
    /// Every fill, in id order.
    const ALL: [Fill; 9] = [
        Fill::Plain,
        Fill::CharBg,
        Fill::Cell,
        Fill::HeadCell,
        Fill::CodeCell,
        Fill::Box,
        Fill::QuoteBar,
        Fill::RuleBelow,
        Fill::TitleRule,
    ];

    /// The id paragraphs and cells refer to.
    pub fn id(self) -> u32 {
        self as u32
    }
}

/// How a paragraph is laid out. Every paragraph keeps Korean words (어절) and Latin words
/// whole and uses 160 % line spacing; these vary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParaShape {
    /// Alignment.
    pub align: Align,
    /// Left margin (HWPUNIT).
    pub left: i32,
    /// First-line indent; negative for a hanging indent (내어쓰기).
    pub indent: i32,
    /// Space before (HWPUNIT).
    pub prev: i32,
    /// Space after (HWPUNIT).
    pub next: i32,
    /// Border and fill around the paragraph.
    pub border: Fill,
    /// Keep with the next paragraph (headings).
    pub keep_with_next: bool,
}

impl ParaShape {
    /// A body paragraph: justified, 6 pt after.
    pub const BODY: ParaShape = ParaShape {
        align: Align::Justify,
        left: 0,
        indent: 0,
        prev: 0,
        next: 600,
        border: Fill::Plain,
        keep_with_next: false,
    };
}

/// Windows language ids (LCID) OWPML styles carry, for the languages yoyak knows; others get
/// the neutral id 0 rather than a wrong language.
pub fn lang_id(lang: &str) -> u32 {
    match lang.split('-').next().unwrap_or(lang) {
        "ko" => 1042,
        "en" => 1033,
        "ja" => 1041,
        "zh" => 2052,
        "fr" => 1036,
        "de" => 1031,
        "es" => 3082,
        "it" => 1040,
        "pt" => 2070,
        "ru" => 1049,
        "vi" => 1066,
        "th" => 1054,
        "id" => 1057,
        _ => 0,
    }
}

/// The shapes and languages a document used, numbered in order of first use.
#[derive(Debug)]
pub struct Shapes {
    chars: Vec<CharShape>,
    paras: Vec<ParaShape>,
    langs: Vec<String>,
}

/// Index of `x` in `list`, appending it when new.
fn intern<T: PartialEq + Copy>(list: &mut Vec<T>, x: T) -> usize {
    match list.iter().position(|y| *y == x) {
        Some(i) => i,
        None => {
            list.push(x);
            list.len() - 1
        }
    }
}

impl Shapes {
    /// Shapes for a document in `lang`: id 0 of each is the body's, style 0 is `lang`'s.
    pub fn new(lang: &str) -> Self {
        Shapes {
            chars: vec![CharShape::BODY],
            paras: vec![ParaShape::BODY],
            langs: vec![lang.to_string()],
        }
    }

    /// The id of a character shape.
    pub fn char(&mut self, c: CharShape) -> usize {
        intern(&mut self.chars, c)
    }

    /// The id of a paragraph shape.
    pub fn para(&mut self, p: ParaShape) -> usize {
        intern(&mut self.paras, p)
    }

    /// The id of the paragraph style for text in `lang` (OWPML marks a paragraph's language
    /// through its style's `langID`).
    pub fn style(&mut self, lang: &str) -> usize {
        match self.langs.iter().position(|l| l == lang) {
            Some(i) => i,
            None => {
                self.langs.push(lang.to_string());
                self.langs.len() - 1
            }
        }
    }

    /// `Contents/header.xml` for these shapes.
    pub fn header_xml(&self) -> io::Result<Vec<u8>> {
        let mut x = XmlOut::new();
        x.open("hh:head", &with_namespaces(&[("version", "1.4"), ("secCnt", "1")]))?;
        x.empty(
            "hh:beginNum",
            &[
                ("page", "1"),
                ("footnote", "1"),
                ("endnote", "1"),
                ("pic", "1"),
                ("tbl", "1"),
                ("equation", "1"),
            ],
        )?;
        x.open("hh:refList", &[])?;
        fontfaces(&mut x)?;
        border_fills(&mut x)?;
        self.char_properties(&mut x)?;
        x.open("hh:tabProperties", &[("itemCnt", "1")])?;
        x.empty("hh:tabPr", &[("id", "0"), ("autoTabLeft", "0"), ("autoTabRight", "0")])?;
        x.close("hh:tabProperties")?;
        self.para_properties(&mut x)?;
        self.styles(&mut x)?;
        x.close("hh:refList")?;
        x.open("hh:compatibleDocument", &[("targetProgram", "HWP201X")])?;
        x.empty("hh:layoutCompatibility", &[])?;
        x.close("hh:compatibleDocument")?;
        x.open("hh:docOption", &[])?;
        x.empty("hh:linkinfo", &[("path", ""), ("pageInherit", "0"), ("footnoteInherit", "0")])?;
        x.close("hh:docOption")?;
        x.empty("hh:trackchageConfig", &[("flags", "56")])?;
        x.close("hh:head")?;
        Ok(x.into_bytes())
    }

    /// `hh:charProperties`.
    fn char_properties(&self, x: &mut XmlOut) -> io::Result<()> {
        x.open("hh:charProperties", &[("itemCnt", &self.chars.len().to_string())])?;
        for (id, c) in self.chars.iter().enumerate() {
            char_pr(x, id, c)?;
        }
        x.close("hh:charProperties")
    }

    /// `hh:paraProperties`.
    fn para_properties(&self, x: &mut XmlOut) -> io::Result<()> {
        x.open("hh:paraProperties", &[("itemCnt", &self.paras.len().to_string())])?;
        for (id, p) in self.paras.iter().enumerate() {
            para_pr(x, id, p)?;
        }
        x.close("hh:paraProperties")
    }

    /// `hh:styles`: one paragraph style per language used, all on the body shapes.
    fn styles(&self, x: &mut XmlOut) -> io::Result<()> {
        x.open("hh:styles", &[("itemCnt", &self.langs.len().to_string())])?;
        for (id, lang) in self.langs.iter().enumerate() {
            let (name, eng) = if id == 0 {
                ("바탕글".to_string(), "Normal".to_string())
            } else {
                (format!("바탕글 {lang}"), format!("Normal {lang}"))
            };
            let id = id.to_string();
            x.empty(
                "hh:style",
                &[
                    ("id", &id),
                    ("type", "PARA"),
                    ("name", &name),
                    ("engName", &eng),
                    ("paraPrIDRef", "0"),
                    ("charPrIDRef", "0"),
                    ("nextStyleIDRef", &id),
                    ("langID", &lang_id(lang).to_string()),
                    ("lockForm", "0"),
                ],
            )?;
        }
        x.close("hh:styles")
    }
}

/// The seven per-script font lists, each naming both faces.
fn fontfaces(x: &mut XmlOut) -> io::Result<()> {
    x.open("hh:fontfaces", &[("itemCnt", "7")])?;
    for script in SCRIPTS {
        x.open("hh:fontface", &[("lang", script), ("fontCnt", "2")])?;
        for (id, face) in FACES.iter().enumerate() {
            let family = if id == Face::Batang as usize { "FCAT_MYUNGJO" } else { "FCAT_GOTHIC" };
            let id = id.to_string();
            x.open(
                "hh:font",
                &[("id", &id), ("face", face), ("type", "TTF"), ("isEmbedded", "0")],
            )?;
            x.empty(
                "hh:typeInfo",
                &[
                    ("familyType", family),
                    ("weight", "6"),
                    ("proportion", "4"),
                    ("contrast", "0"),
                    ("strokeVariation", "1"),
                    ("armStyle", "1"),
                    ("letterform", "1"),
                    ("midline", "1"),
                    ("xHeight", "1"),
                ],
            )?;
            x.close("hh:font")?;
        }
        x.close("hh:fontface")?;
    }
    x.close("hh:fontfaces")
}

/// One side of a border fill: `(type, width, colour)`.
struct Side(&'static str, &'static str, &'static str);

/// Sides (left, right, top, bottom) and fill colour of each [`Fill`].
fn fill_look(f: Fill) -> ([Side; 4], Option<&'static str>) {
    const NONE: Side = Side("NONE", "0.1 mm", "#000000");
    const THIN: Side = Side("SOLID", "0.12 mm", "#000000");
    const GREY: Side = Side("SOLID", "0.12 mm", "#BFBFBF");
    match f {
        Fill::Plain | Fill::CharBg => ([NONE, NONE, NONE, NONE], None),
        Fill::Cell => ([THIN, THIN, THIN, THIN], None),
        Fill::HeadCell => ([THIN, THIN, THIN, THIN], Some("#DFE6F7")),
        Fill::CodeCell => ([GREY, GREY, GREY, GREY], Some("#F2F2F2")),
        Fill::Box => ([GREY, GREY, GREY, GREY], Some("#F5F7FB")),
        Fill::QuoteBar => ([Side("SOLID", "0.7 mm", "#BFBFBF"), NONE, NONE, NONE], None),
        Fill::RuleBelow => ([NONE, NONE, NONE, Side("SOLID", "0.12 mm", "#A6A6A6")], None),
        Fill::TitleRule => ([NONE, NONE, NONE, Side("SOLID", "0.5 mm", "#000000")], None),
    }
}

/// `hh:borderFills`.
fn border_fills(x: &mut XmlOut) -> io::Result<()> {
    x.open("hh:borderFills", &[("itemCnt", &Fill::ALL.len().to_string())])?;
    for f in Fill::ALL {
        let id = f.id().to_string();
        x.open(
            "hh:borderFill",
            &[
                ("id", &id),
                ("threeD", "0"),
                ("shadow", "0"),
                ("centerLine", "NONE"),
                ("breakCellSeparateLine", "0"),
            ],
        )?;
        x.empty("hh:slash", &[("type", "NONE"), ("Crooked", "0"), ("isCounter", "0")])?;
        x.empty("hh:backSlash", &[("type", "NONE"), ("Crooked", "0"), ("isCounter", "0")])?;
        let (sides, fill) = fill_look(f);
        for (name, Side(kind, width, color)) in
            ["hh:leftBorder", "hh:rightBorder", "hh:topBorder", "hh:bottomBorder"].iter().zip(sides)
        {
            x.empty(name, &[("type", kind), ("width", width), ("color", color)])?;
        }
        x.empty("hh:diagonal", &[("type", "SOLID"), ("width", "0.1 mm"), ("color", "#000000")])?;
        if let Some(color) = fill {
            x.open("hc:fillBrush", &[])?;
            x.empty(
                "hc:winBrush",
                &[("faceColor", color), ("hatchColor", "#999999"), ("alpha", "0")],
            )?;
            x.close("hc:fillBrush")?;
        }
        x.close("hh:borderFill")?;
    }
    x.close("hh:borderFills")
}

/// `name` with the same `value` for all seven scripts.
fn per_script(x: &mut XmlOut, name: &str, value: &str) -> io::Result<()> {
    let attrs: Vec<(&str, &str)> = SCRIPT_ATTRS.iter().map(|s| (*s, value)).collect();
    x.empty(name, &attrs)
}

/// One `hh:charPr`.
fn char_pr(x: &mut XmlOut, id: usize, c: &CharShape) -> io::Result<()> {
    let (id, size, color) = (id.to_string(), c.size.to_string(), format!("#{:06X}", c.color));
    let fill = Fill::CharBg.id().to_string();
    x.open(
        "hh:charPr",
        &[
            ("id", &id),
            ("height", &size),
            ("textColor", &color),
            ("shadeColor", "none"),
            ("useFontSpace", "0"),
            ("useKerning", "0"),
            ("symMark", "NONE"),
            ("borderFillIDRef", &fill),
        ],
    )?;
    per_script(x, "hh:fontRef", &(c.face as usize).to_string())?;
    per_script(x, "hh:ratio", "100")?;
    per_script(x, "hh:spacing", "0")?;
    per_script(x, "hh:relSz", "100")?;
    per_script(x, "hh:offset", "0")?;
    if c.bold {
        x.empty("hh:bold", &[])?;
    }
    if c.italic {
        x.empty("hh:italic", &[])?;
    }
    let (underline, line_color) =
        if c.underline { ("BOTTOM", color.as_str()) } else { ("NONE", "#000000") };
    x.empty("hh:underline", &[("type", underline), ("shape", "SOLID"), ("color", line_color)])?;
    x.empty("hh:strikeout", &[("shape", "NONE"), ("color", "#000000")])?;
    x.empty("hh:outline", &[("type", "NONE")])?;
    x.empty(
        "hh:shadow",
        &[("type", "NONE"), ("color", "#B2B2B2"), ("offsetX", "10"), ("offsetY", "10")],
    )?;
    x.close("hh:charPr")
}

/// One `hc:*` margin value in HWPUNIT.
fn unit(x: &mut XmlOut, name: &str, value: i32) -> io::Result<()> {
    x.empty(name, &[("value", &value.to_string()), ("unit", "HWPUNIT")])
}

/// `hh:margin` (each value divided by `divisor`) and the 160 % line spacing.
fn margin_and_spacing(x: &mut XmlOut, p: &ParaShape, divisor: i32) -> io::Result<()> {
    x.open("hh:margin", &[])?;
    unit(x, "hc:intent", p.indent / divisor)?;
    unit(x, "hc:left", p.left / divisor)?;
    unit(x, "hc:right", 0)?;
    unit(x, "hc:prev", p.prev / divisor)?;
    unit(x, "hc:next", p.next / divisor)?;
    x.close("hh:margin")?;
    x.empty("hh:lineSpacing", &[("type", "PERCENT"), ("value", "160"), ("unit", "HWPUNIT")])
}

/// One `hh:paraPr`: words kept whole in every script, 160 % line spacing.
fn para_pr(x: &mut XmlOut, id: usize, p: &ParaShape) -> io::Result<()> {
    x.open(
        "hh:paraPr",
        &[
            ("id", &id.to_string()),
            ("tabPrIDRef", "0"),
            ("condense", "0"),
            ("fontLineHeight", "0"),
            ("snapToGrid", "1"),
            ("suppressLineNumbers", "0"),
            ("checked", "0"),
            ("textDir", "LTR"),
        ],
    )?;
    x.empty("hh:align", &[("horizontal", p.align.name()), ("vertical", "BASELINE")])?;
    x.empty("hh:heading", &[("type", "NONE"), ("idRef", "0"), ("level", "0")])?;
    x.empty(
        "hh:breakSetting",
        &[
            ("breakLatinWord", "KEEP_WORD"),
            ("breakNonLatinWord", "KEEP_WORD"),
            ("widowOrphan", "0"),
            ("keepWithNext", if p.keep_with_next { "1" } else { "0" }),
            ("keepLines", "0"),
            ("pageBreakBefore", "0"),
            ("lineWrap", "BREAK"),
        ],
    )?;
    x.empty("hh:autoSpacing", &[("eAsianEng", "0"), ("eAsianNum", "0")])?;
    // As 한/글 writes them: for readers that know the 2016 HwpUnitChar unit, margins at half
    // their HWPUNIT values; for the others, in HWPUNIT.
    x.open("hp:switch", &[])?;
    x.open(
        "hp:case",
        &[("hp:required-namespace", "http://www.hancom.co.kr/hwpml/2016/HwpUnitChar")],
    )?;
    margin_and_spacing(x, p, 2)?;
    x.close("hp:case")?;
    x.open("hp:default", &[])?;
    margin_and_spacing(x, p, 1)?;
    x.close("hp:default")?;
    x.close("hp:switch")?;
    let offset = if p.border == Fill::QuoteBar { "850" } else { "0" };
    x.empty(
        "hh:border",
        &[
            ("borderFillIDRef", &p.border.id().to_string()),
            ("offsetLeft", offset),
            ("offsetRight", "0"),
            ("offsetTop", "0"),
            ("offsetBottom", if p.border == Fill::Plain { "0" } else { "150" }),
            ("connect", "0"),
            ("ignoreMargin", "0"),
        ],
    )?;
    x.close("hh:paraPr")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_paragraph_shape_keeps_words_whole_and_counts_match() {
        let mut s = Shapes::new("ko");
        assert_eq!(s.para(ParaShape { align: Align::Right, ..ParaShape::BODY }), 1);
        assert_eq!(s.para(ParaShape::BODY), 0, "shapes are shared");
        s.char(CharShape::BODY.bold());
        assert_eq!(s.style("en"), 1);
        let xml = String::from_utf8(s.header_xml().unwrap()).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let breaks: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("breakSetting")).collect();
        assert_eq!(breaks.len(), 2);
        for b in breaks {
            assert_eq!(b.attribute("breakNonLatinWord"), Some("KEEP_WORD"));
            assert_eq!(b.attribute("breakLatinWord"), Some("KEEP_WORD"));
        }
        for n in doc.descendants().filter(|n| n.attribute("itemCnt").is_some()) {
            let children = n.children().filter(|c| c.is_element()).count().to_string();
            assert_eq!(n.attribute("itemCnt"), Some(children.as_str()), "{:?}", n.tag_name());
        }
        let langs: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("style"))
            .filter_map(|n| n.attribute("langID"))
            .collect();
        assert_eq!(langs, ["1042", "1033"]);
        let faces: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("fontface")).collect();
        assert_eq!(faces.len(), 7);
        assert!(xml.contains("함초롬바탕") && xml.contains("함초롬돋움"));
        assert!(xml.contains("faceColor=\"#DFE6F7\""), "the table header's shade");
    }
}
