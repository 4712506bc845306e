//! Charts as pictures: each chart's SVG rasterised to PNG by resvg with yoyak's embedded fonts
//! (never the system's, so the bytes do not depend on the machine), stored under `BinData/`
//! and placed as an `hp:pic` that flows like a character.

use super::HwpxError;
use super::header::{CharShape, ParaShape};
use super::section::{Bin, Body};
use super::table::position;
use super::xml::XmlOut;
use crate::render::chart::ChartView;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::sync::Arc;

/// Pixels per SVG unit: charts are drawn at twice their size, sharp enough for print.
const SCALE: f32 = 2.0;

/// The fonts resvg draws chart text with: yoyak's own, loaded once per run.
pub struct ChartRaster {
    fontdb: Arc<usvg::fontdb::Database>,
}

/// A chart as a PNG image.
pub struct Png {
    /// The PNG bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Default for ChartRaster {
    fn default() -> Self {
        Self::new()
    }
}

impl ChartRaster {
    /// A rasteriser with the fonts embedded in yoyak (the PDF's: Pretendard, NanumGothic).
    pub fn new() -> Self {
        let mut db = usvg::fontdb::Database::new();
        for font in crate::render::pdf::FONT_FILES {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(*font)));
        }
        Self::with(db)
    }

    /// A rasteriser with the PDF's fonts: the embedded ones and the project's own (which
    /// fill in scripts the embedded fonts lack, e.g. kana), so a chart draws the same glyphs
    /// in every format.
    pub fn from_fonts(fonts: &crate::render::pdf::Fonts) -> Self {
        let mut db = usvg::fontdb::Database::new();
        // A collection's faces share one file: load each file once. Lighter weights first:
        // usvg falls back to the first font that has a missing glyph, whatever its weight,
        // and a regular label must not turn bold.
        let mut files: Vec<_> = fonts.faces().iter().filter(|f| f.index() == 0).collect();
        files.sort_by_key(|f| f.info().variant.weight);
        for font in files {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(font.data().clone())));
        }
        Self::with(db)
    }

    /// A rasteriser over `db`, sans-serif text in Pretendard.
    fn with(mut db: usvg::fontdb::Database) -> Self {
        db.set_sans_serif_family("Pretendard");
        ChartRaster { fontdb: Arc::new(db) }
    }

    /// `chart` as a PNG.
    pub fn png(&self, chart: &ChartView) -> Result<Png, HwpxError> {
        let failed = |message: String| HwpxError::Chart { chart: chart.id.clone(), message };
        let opt = usvg::Options { fontdb: self.fontdb.clone(), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(&chart.svg, &opt).map_err(|e| failed(e.to_string()))?;
        let size = tree.size();
        let (width, height) =
            ((size.width() * SCALE).ceil() as u32, (size.height() * SCALE).ceil() as u32);
        let mut pixmap = Pixmap::new(width.max(1), height.max(1))
            .ok_or_else(|| failed(format!("cannot draw {width} × {height} pixels")))?;
        // On white every pixel is opaque, so the premultiplied pixels are the plain colours.
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(&tree, Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
        let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        let bytes =
            encode_png(&rgb, width.max(1), height.max(1)).map_err(|e| failed(e.to_string()))?;
        Ok(Png { bytes, width: pixmap.width(), height: pixmap.height() })
    }
}

/// RGB pixels as a PNG, compressed the fast way (fdeflate): on a chart's flat colours it
/// compresses about as well as the default level, and encoding was half the time of an HWPX
/// edition at the default (measured with callgrind).
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

/// A picture's sizes: as shown (`w` × `h`) and its own (`ow` × `oh`, the PNG at 96 dpi,
/// 75 HWPUNIT a pixel: what 한/글 clips and scales from), all in HWPUNIT.
struct PicSize {
    w: String,
    h: String,
    ow: String,
    oh: String,
    cx: String,
    cy: String,
}

impl PicSize {
    /// `png` shown `width` wide, its height in proportion.
    fn new(png: &Png, width: i32) -> Self {
        let height =
            (f64::from(width) * f64::from(png.height) / f64::from(png.width.max(1))) as i32;
        PicSize {
            w: width.to_string(),
            h: height.to_string(),
            ow: (i64::from(png.width) * 75).to_string(),
            oh: (i64::from(png.height) * 75).to_string(),
            cx: (width / 2).to_string(),
            cy: (height / 2).to_string(),
        }
    }
}

/// A paragraph (shaped `para`) holding `png` as a picture `width` HWPUNIT wide.
pub fn picture(
    body: &mut Body,
    png: Png,
    width: i32,
    para: ParaShape,
    lang: &str,
) -> Result<(), HwpxError> {
    let size = PicSize::new(&png, width);
    let bin = format!("image{}", body.bins.len() + 1);
    body.bins.push(Bin { id: bin.clone(), png: png.bytes });
    body.open_para(para, lang)?;
    body.open_run(CharShape::BODY)?;
    let id = body.object_id();
    let x = body.xml();
    x.open(
        "hp:pic",
        &[
            ("id", &id),
            ("zOrder", "0"),
            ("numberingType", "PICTURE"),
            ("textWrap", "TOP_AND_BOTTOM"),
            ("textFlow", "BOTH_SIDES"),
            ("lock", "0"),
            ("dropcapstyle", "None"),
            ("href", ""),
            ("groupLevel", "0"),
            ("instid", &id),
            ("reverse", "0"),
        ],
    )?;
    frame(x, &size)?;
    image(x, &size, &bin)?;
    x.empty(
        "hp:sz",
        &[
            ("width", &size.w),
            ("widthRelTo", "ABSOLUTE"),
            ("height", &size.h),
            ("heightRelTo", "ABSOLUTE"),
            ("protect", "0"),
        ],
    )?;
    position(x, true, 0)?;
    x.empty("hp:outMargin", &[("left", "0"), ("right", "0"), ("top", "0"), ("bottom", "0")])?;
    x.empty("hp:shapeComment", &[])?;
    x.close("hp:pic")?;
    body.close_run()?;
    body.close_para()
}

/// The picture's frame: offset, sizes, no flip or rotation, identity matrices.
fn frame(x: &mut XmlOut, s: &PicSize) -> Result<(), HwpxError> {
    x.empty("hp:offset", &[("x", "0"), ("y", "0")])?;
    x.empty("hp:orgSz", &[("width", &s.ow), ("height", &s.oh)])?;
    x.empty("hp:curSz", &[("width", &s.w), ("height", &s.h)])?;
    x.empty("hp:flip", &[("horizontal", "0"), ("vertical", "0")])?;
    x.empty(
        "hp:rotationInfo",
        &[("angle", "0"), ("centerX", &s.cx), ("centerY", &s.cy), ("rotateimage", "1")],
    )?;
    x.open("hp:renderingInfo", &[])?;
    for m in ["hc:transMatrix", "hc:scaMatrix", "hc:rotMatrix"] {
        x.empty(
            m,
            &[("e1", "1"), ("e2", "0"), ("e3", "0"), ("e4", "0"), ("e5", "1"), ("e6", "0")],
        )?;
    }
    x.close("hp:renderingInfo")?;
    Ok(())
}

/// The image itself: where it is drawn, its whole area clipped, the stored picture `bin`.
fn image(x: &mut XmlOut, s: &PicSize, bin: &str) -> Result<(), HwpxError> {
    let (w, h) = (s.w.as_str(), s.h.as_str());
    x.open("hp:imgRect", &[])?;
    for (pt, px, py) in
        [("hc:pt0", "0", "0"), ("hc:pt1", w, "0"), ("hc:pt2", w, h), ("hc:pt3", "0", h)]
    {
        x.empty(pt, &[("x", px), ("y", py)])?;
    }
    x.close("hp:imgRect")?;
    x.empty("hp:imgClip", &[("left", "0"), ("right", &s.ow), ("top", "0"), ("bottom", &s.oh)])?;
    x.empty("hp:inMargin", &[("left", "0"), ("right", "0"), ("top", "0"), ("bottom", "0")])?;
    x.empty("hp:imgDim", &[("dimwidth", &s.ow), ("dimheight", &s.oh)])?;
    x.empty(
        "hc:img",
        &[
            ("binaryItemIDRef", bin),
            ("bright", "0"),
            ("contrast", "0"),
            ("effect", "REAL_PIC"),
            ("alpha", "0"),
        ],
    )?;
    x.empty("hp:effects", &[])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::{Bar, bar_chart};

    #[test]
    fn charts_rasterise_to_the_same_png_every_time() {
        let bars = [Bar { label: "문서 작성".into(), value: "61.4%".into(), magnitude: 61.4 }];
        let chart = ChartView {
            id: "c".into(),
            title: "활용 목적".into(),
            file: "c.ko.svg".into(),
            svg: bar_chart("c", "활용 목적", "ko", &bars),
        };
        let raster = ChartRaster::new();
        let a = raster.png(&chart).unwrap();
        assert!(a.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(a.width, 1280, "twice the SVG's 640 units");
        assert_eq!(a.bytes, ChartRaster::new().png(&chart).unwrap().bytes);
    }
}
