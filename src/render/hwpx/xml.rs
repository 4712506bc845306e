//! The one way text reaches an HWPX part: an XML writer whose every attribute value and text
//! node is escaped by quick-xml, after the characters XML 1.0 forbids are dropped.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::borrow::Cow;

/// Whether `c` may not appear in an XML 1.0 document (or, for C1 controls, in published
/// text): the loader's own rule, plus the two non-characters XML excludes.
fn forbidden(c: char) -> bool {
    crate::text::is_forbidden_control(c) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// `s` without characters XML 1.0 cannot carry.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(forbidden) {
        s.chars().filter(|c| !forbidden(*c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// An XML part being written into memory.
pub struct XmlOut {
    w: Writer<Vec<u8>>,
}

/// Writing into a `Vec` cannot fail; quick-xml still returns `io::Result`.
type Io = std::io::Result<()>;

impl XmlOut {
    /// A part that starts with the XML declaration Hancom writes.
    pub fn new() -> Self {
        let mut w = Writer::new(Vec::with_capacity(16 * 1024));
        // Writing into a Vec never fails.
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))));
        XmlOut { w }
    }

    /// The element `name` with `attrs` (values escaped), not yet closed.
    fn start(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
        let mut s = BytesStart::new(name.to_string());
        for (k, v) in attrs {
            // A raw newline or tab in an attribute would be normalised to a space by readers.
            let v = clean(v).replace(['\n', '\t'], " ");
            s.push_attribute((*k, v.as_str()));
        }
        s
    }

    /// Open `<name attrs…>`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Io {
        self.w.write_event(Event::Start(Self::start(name, attrs)))
    }

    /// Write `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Io {
        self.w.write_event(Event::Empty(Self::start(name, attrs)))
    }

    /// Close `</name>`.
    pub fn close(&mut self, name: &str) -> Io {
        self.w.write_event(Event::End(BytesEnd::new(name.to_string())))
    }

    /// Escaped text.
    pub fn text(&mut self, s: &str) -> Io {
        let s = clean(s);
        self.w.write_event(Event::Text(BytesText::new(&s)))
    }

    /// `<name attrs…>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Io {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name)
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.w.into_inner()
    }
}

/// The 15 namespace declarations Hancom puts on both `hh:head` and `hs:sec` (python-hwpx
/// rejects a root without any of them).
pub const NAMESPACES: [(&str, &str); 15] = [
    ("xmlns:ha", "http://www.hancom.co.kr/hwpml/2011/app"),
    ("xmlns:hp", "http://www.hancom.co.kr/hwpml/2011/paragraph"),
    ("xmlns:hp10", "http://www.hancom.co.kr/hwpml/2016/paragraph"),
    ("xmlns:hs", "http://www.hancom.co.kr/hwpml/2011/section"),
    ("xmlns:hc", "http://www.hancom.co.kr/hwpml/2011/core"),
    ("xmlns:hh", "http://www.hancom.co.kr/hwpml/2011/head"),
    ("xmlns:hhs", "http://www.hancom.co.kr/hwpml/2011/history"),
    ("xmlns:hm", "http://www.hancom.co.kr/hwpml/2011/master-page"),
    ("xmlns:hpf", "http://www.hancom.co.kr/schema/2011/hpf"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:opf", "http://www.idpf.org/2007/opf/"),
    ("xmlns:ooxmlchart", "http://www.hancom.co.kr/hwpml/2016/ooxmlchart"),
    ("xmlns:hwpunitchar", "http://www.hancom.co.kr/hwpml/2016/HwpUnitChar"),
    ("xmlns:epub", "http://www.idpf.org/2007/ops"),
    ("xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"),
];

/// `attrs` after the 15 namespace declarations.
pub fn with_namespaces<'a>(attrs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    NAMESPACES.iter().copied().chain(attrs.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_controls_dropped() {
        let mut x = XmlOut::new();
        x.leaf("a", &[("v", "<&>\"'\u{0}\u{1b}x\ny")], "<script>&]]>'\"\u{7}\u{85}z").unwrap();
        let s = String::from_utf8(x.into_bytes()).unwrap();
        assert!(s.contains(r#"v="&lt;&amp;&gt;&quot;&apos;x y""#), "{s}");
        assert!(s.contains("&lt;script&gt;&amp;]]&gt;"), "{s}");
        assert!(!s.contains('\u{0}') && !s.contains('\u{1b}') && !s.contains('\u{85}'), "{s}");
        roxmltree::Document::parse(&s).unwrap();
    }
}
