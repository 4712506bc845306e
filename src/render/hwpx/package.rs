//! The package: an OCF-style ZIP whose first entry is `mimetype` (stored, no extra field),
//! then the parts in the order 한/글 writes them. Entry times are fixed at the DOS epoch and
//! no part carries a date, so the same document always gives the same bytes.

use super::HwpxError;
use super::section::Finished;
use super::xml::{XmlOut, with_namespaces};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The `mimetype` entry's exact content.
pub const MIMETYPE: &str = "application/hwp+zip";

/// What the package says about its document.
pub struct Meta<'a> {
    /// Title (`opf:title`).
    pub title: &'a str,
    /// Language (`opf:language`).
    pub lang: &'a str,
}

/// Entry options: stored or deflated, dated 1980-01-01 00:00.
fn options(method: CompressionMethod) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
}

/// The finished document as an `.hwpx` file.
pub fn package(doc: Finished, meta: &Meta) -> Result<Vec<u8>, HwpxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = options(CompressionMethod::Stored);
    let deflated = options(CompressionMethod::Deflated);
    let mut entry = |name: &str, bytes: &[u8], opts: SimpleFileOptions| -> Result<(), HwpxError> {
        zip.start_file(name, opts)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    entry("mimetype", MIMETYPE.as_bytes(), stored)?;
    entry("version.xml", &version_xml()?, stored)?;
    entry("Contents/header.xml", &doc.header, deflated)?;
    entry("Contents/section0.xml", &doc.section, deflated)?;
    entry("Preview/PrvText.txt", doc.preview.as_bytes(), deflated)?;
    entry("settings.xml", &settings_xml()?, deflated)?;
    entry("META-INF/container.xml", &container_xml()?, deflated)?;
    entry("Contents/content.hpf", &content_hpf(meta, &doc)?, deflated)?;
    entry("META-INF/manifest.xml", &manifest_xml()?, deflated)?;
    for bin in &doc.bins {
        // PNG is compressed already; 한/글 stores its own preview image likewise.
        entry(&format!("BinData/{}.png", bin.id), &bin.png, stored)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `version.xml`: the format version (OWPML 1.5, as 한/글 writes) and the writing program.
fn version_xml() -> std::io::Result<Vec<u8>> {
    let mut x = XmlOut::new();
    x.empty(
        "hv:HCFVersion",
        &[
            ("xmlns:hv", "http://www.hancom.co.kr/hwpml/2011/version"),
            // Hancom's spelling.
            ("tagetApplication", "WORDPROCESSOR"),
            ("major", "5"),
            ("minor", "1"),
            ("micro", "1"),
            ("buildNumber", "0"),
            ("os", "1"),
            ("xmlVersion", "1.5"),
            ("application", "yoyak"),
            ("appVersion", env!("CARGO_PKG_VERSION")),
        ],
    )?;
    Ok(x.into_bytes())
}

/// `settings.xml`: the caret at the start.
fn settings_xml() -> std::io::Result<Vec<u8>> {
    let mut x = XmlOut::new();
    x.open(
        "ha:HWPApplicationSetting",
        &[
            ("xmlns:ha", "http://www.hancom.co.kr/hwpml/2011/app"),
            ("xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"),
        ],
    )?;
    x.empty("ha:CaretPosition", &[("listIDRef", "0"), ("paraIDRef", "0"), ("pos", "0")])?;
    x.close("ha:HWPApplicationSetting")?;
    Ok(x.into_bytes())
}

/// `META-INF/container.xml`: the package root and the text preview.
fn container_xml() -> std::io::Result<Vec<u8>> {
    let mut x = XmlOut::new();
    x.open(
        "ocf:container",
        &[
            ("xmlns:ocf", "urn:oasis:names:tc:opendocument:xmlns:container"),
            ("xmlns:hpf", "http://www.hancom.co.kr/schema/2011/hpf"),
        ],
    )?;
    x.open("ocf:rootfiles", &[])?;
    x.empty(
        "ocf:rootfile",
        &[("full-path", "Contents/content.hpf"), ("media-type", "application/hwpml-package+xml")],
    )?;
    x.empty("ocf:rootfile", &[("full-path", "Preview/PrvText.txt"), ("media-type", "text/plain")])?;
    x.close("ocf:rootfiles")?;
    x.close("ocf:container")?;
    Ok(x.into_bytes())
}

/// `META-INF/manifest.xml`: empty, as 한/글 writes it.
fn manifest_xml() -> std::io::Result<Vec<u8>> {
    let mut x = XmlOut::new();
    x.empty(
        "odf:manifest",
        &[("xmlns:odf", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")],
    )?;
    Ok(x.into_bytes())
}

/// `Contents/content.hpf`: metadata (no dates), every part and image, the reading order.
fn content_hpf(meta: &Meta, doc: &Finished) -> std::io::Result<Vec<u8>> {
    let mut x = XmlOut::new();
    x.open(
        "opf:package",
        &with_namespaces(&[("version", ""), ("unique-identifier", ""), ("id", "")]),
    )?;
    x.open("opf:metadata", &[])?;
    x.leaf("opf:title", &[], meta.title)?;
    x.leaf("opf:language", &[], meta.lang)?;
    x.leaf("opf:meta", &[("name", "creator"), ("content", "text")], "yoyak")?;
    x.close("opf:metadata")?;
    x.open("opf:manifest", &[])?;
    let xml = "application/xml";
    for (id, href) in [
        ("header", "Contents/header.xml"),
        ("section0", "Contents/section0.xml"),
        ("settings", "settings.xml"),
    ] {
        x.empty("opf:item", &[("id", id), ("href", href), ("media-type", xml)])?;
    }
    for bin in &doc.bins {
        let href = format!("BinData/{}.png", bin.id);
        x.empty(
            "opf:item",
            &[("id", &bin.id), ("href", &href), ("media-type", "image/png"), ("isEmbeded", "1")],
        )?;
    }
    x.close("opf:manifest")?;
    x.open("opf:spine", &[])?;
    x.empty("opf:itemref", &[("idref", "header"), ("linear", "yes")])?;
    x.empty("opf:itemref", &[("idref", "section0"), ("linear", "yes")])?;
    x.close("opf:spine")?;
    x.close("opf:package")?;
    Ok(x.into_bytes())
}
