//! HWPX editions: a valid package (mimetype first and stored, every part, well-formed XML,
//! Hancom's namespaces, no layout cache), everything the edition shows, charts as PNGs,
//! hostile text escaped, and the same bytes from two builds.

use crate::common::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use yoyak::markdown::Block;

/// The parts every package holds.
const PARTS: [&str; 9] = [
    "mimetype",
    "version.xml",
    "Contents/header.xml",
    "Contents/section0.xml",
    "Preview/PrvText.txt",
    "settings.xml",
    "META-INF/container.xml",
    "Contents/content.hpf",
    "META-INF/manifest.xml",
];

/// The 15 namespace URIs Hancom declares on `hh:head` and `hs:sec`.
const NAMESPACES: [&str; 15] = [
    "http://www.hancom.co.kr/hwpml/2011/app",
    "http://www.hancom.co.kr/hwpml/2011/paragraph",
    "http://www.hancom.co.kr/hwpml/2016/paragraph",
    "http://www.hancom.co.kr/hwpml/2011/section",
    "http://www.hancom.co.kr/hwpml/2011/core",
    "http://www.hancom.co.kr/hwpml/2011/head",
    "http://www.hancom.co.kr/hwpml/2011/history",
    "http://www.hancom.co.kr/hwpml/2011/master-page",
    "http://www.hancom.co.kr/schema/2011/hpf",
    "http://purl.org/dc/elements/1.1/",
    "http://www.idpf.org/2007/opf/",
    "http://www.hancom.co.kr/hwpml/2016/ooxmlchart",
    "http://www.hancom.co.kr/hwpml/2016/HwpUnitChar",
    "http://www.idpf.org/2007/ops",
    "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
];

/// One opened `.hwpx`: its entries in order, with their bytes.
struct Package {
    names: Vec<String>,
    parts: BTreeMap<String, Vec<u8>>,
}

impl Package {
    /// Open `path`, checking the `mimetype` entry on the way.
    fn open(path: &Path) -> Package {
        let bytes = std::fs::read(path).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names = Vec::new();
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            if i == 0 {
                assert_eq!(name, "mimetype", "{}: mimetype comes first", path.display());
                assert_eq!(f.compression(), zip::CompressionMethod::Stored, "{}", path.display());
                assert!(f.extra_data().is_none_or(|e| e.is_empty()), "{}", path.display());
            }
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            names.push(name.clone());
            parts.insert(name, data);
        }
        assert_eq!(parts["mimetype"], b"application/hwp+zip", "{}", path.display());
        Package { names, parts }
    }

    /// A part as text.
    fn text(&self, name: &str) -> String {
        String::from_utf8(self.parts[name].clone()).unwrap()
    }

    /// All `hp:t` text of the body, each paragraph on its own line.
    fn body_text(&self) -> String {
        let xml = self.text("Contents/section0.xml");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let mut out = String::new();
        for n in doc.descendants() {
            if n.has_tag_name("t") {
                out.extend(n.descendants().filter_map(|t| t.text()));
            } else if n.has_tag_name("p") {
                out.push('\n');
            }
        }
        out
    }
}

/// Every `.hwpx` under `dir`, sorted.
fn hwpx_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(hwpx_files(&path));
        } else if path.extension().is_some_and(|e| e == "hwpx") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Build fixture `name`, checking it built cleanly.
fn built(name: &str) -> tempfile::TempDir {
    let p = fixture(name);
    let r = build_project(p.path());
    assert!(r.failed.is_empty(), "{:?}", r.failed);
    p
}

/// The package checks every `.hwpx` must pass.
fn assert_valid_package(path: &Path) {
    let pkg = Package::open(path);
    let what = path.display();
    for part in PARTS {
        assert!(pkg.parts.contains_key(part), "{what}: {part} missing");
    }
    assert_eq!(&pkg.names[..PARTS.len()], &PARTS, "{what}: part order");
    for (name, bytes) in &pkg.parts {
        if name.ends_with(".xml") || name.ends_with(".hpf") {
            let s = std::str::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(s).unwrap_or_else(|e| panic!("{what}: {name}: {e}"));
        }
    }
    for (part, root) in [("Contents/header.xml", "head"), ("Contents/section0.xml", "sec")] {
        let xml = pkg.text(part);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        assert!(doc.root_element().has_tag_name(root));
        let declared: Vec<&str> = doc.root_element().namespaces().map(|n| n.uri()).collect();
        for ns in NAMESPACES {
            assert!(declared.contains(&ns), "{what}: {part} lacks {ns}");
        }
        assert!(!xml.contains("linesegarray"), "{what}: {part} has a layout cache");
    }
    assert!(
        pkg.text("Contents/content.hpf").contains("xmlns:opf=\"http://www.idpf.org/2007/opf/\"")
    );
    assert_header_rules(&pkg.text("Contents/header.xml"), &what.to_string());
    assert_tables_complete(&pkg.text("Contents/section0.xml"), &what.to_string());
}

/// Every paragraph shape keeps words whole at 160 %; every `itemCnt` counts its children.
fn assert_header_rules(xml: &str, what: &str) {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut paras = 0;
    for n in doc.descendants().filter(|n| n.has_tag_name("breakSetting")) {
        paras += 1;
        assert_eq!(n.attribute("breakNonLatinWord"), Some("KEEP_WORD"), "{what}");
        assert_eq!(n.attribute("breakLatinWord"), Some("KEEP_WORD"), "{what}");
    }
    assert!(paras > 0 && paras == doc.descendants().filter(|n| n.has_tag_name("paraPr")).count());
    for n in doc.descendants().filter(|n| n.has_tag_name("lineSpacing")) {
        assert_eq!((n.attribute("type"), n.attribute("value")), (Some("PERCENT"), Some("160")));
    }
    for n in doc.descendants().filter(|n| n.attribute("itemCnt").is_some()) {
        let count = n.children().filter(|c| c.is_element()).count().to_string();
        assert_eq!(n.attribute("itemCnt"), Some(count.as_str()), "{what}: {:?}", n.tag_name());
    }
    let faces = doc.descendants().filter(|n| n.has_tag_name("fontface")).count();
    assert_eq!(faces, 7, "{what}: a font list per script");
}

/// Every table has the children the package validator requires, and as many rows and cells
/// as it says.
fn assert_tables_complete(xml: &str, what: &str) {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let child = |n: roxmltree::Node, name: &str| n.children().any(|c| c.has_tag_name(name));
    for t in doc.descendants().filter(|n| n.has_tag_name("tbl")) {
        for name in ["sz", "pos", "outMargin", "inMargin"] {
            assert!(child(t, name), "{what}: table without {name}");
        }
        let rows: Vec<_> = t.children().filter(|c| c.has_tag_name("tr")).collect();
        assert_eq!(t.attribute("rowCnt"), Some(rows.len().to_string().as_str()), "{what}");
        for r in rows {
            let cells: Vec<_> = r.children().filter(|c| c.has_tag_name("tc")).collect();
            assert_eq!(t.attribute("colCnt"), Some(cells.len().to_string().as_str()), "{what}");
            for c in cells {
                for name in ["subList", "cellAddr", "cellSpan", "cellSz", "cellMargin"] {
                    assert!(child(c, name), "{what}: cell without {name}");
                }
            }
        }
    }
}

/// Number of Markdown tables in `blocks`, nested ones included.
fn md_tables(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Table { .. } => 1,
            Block::Quote { c } => md_tables(c),
            Block::List { items, .. } => items.iter().map(|i| md_tables(i)).sum(),
            _ => 0,
        })
        .sum()
}

#[test]
fn every_hwpx_is_a_valid_package() {
    for name in ["constructs", "digest"] {
        let p = built(name);
        let files = hwpx_files(&p.path().join("build"));
        assert!(
            files.iter().any(|f| f.starts_with(p.path().join("build/digest"))),
            "{name}: digest"
        );
        for f in files {
            assert_valid_package(&f);
        }
    }
}

#[test]
fn a_briefing_shows_everything_its_edition_holds() {
    let p = built("constructs");
    let project = yoyak::content::load_project(p.path()).unwrap();
    for b in project.briefings() {
        for lang in &project.config.languages {
            let e = yoyak::render::edition(b, lang, &project.config);
            let path = p.path().join(format!("build/{0}/{0}.{lang}.hwpx", b.id));
            let pkg = Package::open(&path);
            let text = squash(&pkg.body_text());
            let mut want: Vec<&str> = vec![&e.title.text, &e.publisher.text];
            want.extend(e.other_titles.iter().map(|t| t.text.as_str()));
            want.extend(e.summary.iter().map(|t| t.text.as_str()));
            want.extend(e.sections.iter().map(|s| s.heading.text.as_str()));
            for f in &e.facts {
                want.extend(f.labels.iter().chain(&f.values).map(|v| v.text.as_str()));
            }
            for w in want {
                assert!(text.contains(&squash(w)), "{lang}: {w:?} missing");
            }
            let tables = e.lead.iter().map(|l| md_tables(&l.blocks)).sum::<usize>()
                + e.sections.iter().map(|s| md_tables(&s.body.blocks)).sum::<usize>()
                + e.facts
                    .iter()
                    .filter_map(|f| f.note.as_ref())
                    .map(|n| md_tables(&n.blocks))
                    .sum::<usize>()
                + usize::from(!e.facts.is_empty());
            let section = pkg.text("Contents/section0.xml");
            assert!(section.matches("<hp:tbl ").count() >= tables, "{lang}: {tables} tables");
            assert!(section.contains("type=\"HYPERLINK\""), "{lang}: links are fields");
            assert!(section.contains("https://example.org/link"), "{lang}: link target");
        }
    }
}

#[test]
fn markdown_constructs_reach_the_hwpx() {
    let p = built("constructs");
    let ko = Package::open(&p.path().join("build/constructs/constructs.ko.hwpx")).body_text();
    // Every construct marker of the constructs fixture, and the code block's own.
    for marker in crate::constructs::MARKERS.into_iter().chain(["codemark"]) {
        assert!(ko.contains(marker), "{marker} missing");
    }
    assert!(!ko.contains("Extracell"), "GFM drops cells beyond the header");
    // Lists keep their numbers and marks; the nested bullet changes per level.
    assert!(
        ko.contains("3. Orderthree") && ko.contains("◦ Outeritem") && ko.contains("- Inneritem")
    );
}

#[test]
fn charts_are_embedded_as_png() {
    let p = built("digest");
    let build = p.path().join("build");
    let mut seen = 0;
    for dir in std::fs::read_dir(&build).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in hwpx_files(&dir) {
            let stem = f.file_stem().unwrap().to_string_lossy().to_string();
            let Some(lang) = stem.rsplit('.').next() else { continue };
            if dir.ends_with("digest") {
                continue;
            }
            let svgs = std::fs::read_dir(&dir)
                .unwrap()
                .filter(|s| {
                    s.as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .ends_with(&format!(".{lang}.svg"))
                })
                .count();
            let pkg = Package::open(&f);
            let pngs: Vec<_> =
                pkg.parts.iter().filter(|(n, _)| n.starts_with("BinData/")).collect();
            assert_eq!(pngs.len(), svgs, "{}: one picture per chart", f.display());
            let hpf = pkg.text("Contents/content.hpf");
            for (name, bytes) in pngs {
                assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
                assert!(hpf.contains(&format!("href=\"{name}\"")), "{name} not in the manifest");
                seen += 1;
            }
        }
    }
    assert!(seen > 0, "the digest fixture has charts");
}

#[test]
fn two_builds_give_the_same_bytes() {
    let (a, b) = (built("digest"), built("digest"));
    let files = hwpx_files(&a.path().join("build"));
    assert!(!files.is_empty());
    for f in files {
        let rel = f.strip_prefix(a.path()).unwrap();
        let other = std::fs::read(b.path().join(rel)).unwrap();
        assert!(std::fs::read(&f).unwrap() == other, "{} differs", rel.display());
    }
}

#[test]
fn hostile_text_is_escaped_text() {
    let p = fixture("hostile");
    let file = p.path().join("content/hostile.yaml");
    let yaml =
        std::fs::read_to_string(&file).unwrap().replace("위험한 제목", "위험한 제목 ]]> &amp; &");
    std::fs::write(&file, yaml).unwrap();
    let r = build_project(p.path());
    assert!(r.failed.is_empty(), "{:?}", r.failed);
    for f in hwpx_files(&p.path().join("build")) {
        assert_valid_package(&f);
        let pkg = Package::open(&f);
        let text = pkg.body_text();
        for lit in ["<script>alert(1)</script>", "#read(\"/etc/passwd\")", "<x>", "10~249명"] {
            assert!(text.contains(lit), "{}: {lit} not shown as text", f.display());
        }
        if f.to_string_lossy().ends_with("hostile.ko.hwpx") {
            assert!(text.contains("위험한 제목 ]]> &amp; &"), "{}", f.display());
        }
        let section = pkg.text("Contents/section0.xml");
        assert!(!section.contains("<script>") && !section.contains("<x>"), "{}", f.display());
        // Links the Markdown layer dropped stay text, never a field's target.
        assert!(!section.contains(">javascript"), "{}: a dropped link came back", f.display());
        assert!(!section.contains("javascript\\:"), "{}: a dropped link came back", f.display());
    }
}

#[test]
fn hostile_press_release_fields_stay_text_in_every_format() {
    let p = fixture("press-release");
    let file = p.path().join("content/2026-03-10-data-centre-release.yaml");
    let nasty = r#"<script>alert(x)</script> & ]]> "q" #set page(width: auto) *b*"#;
    let yaml = std::fs::read_to_string(&file)
        .unwrap()
        .replace("ko: 홍길동", &format!("ko: '홍길동 {}'", nasty.replace('\'', "''")))
        .replace("ko: 데이터센터 전력 수요 보고서 발간", &format!("ko: '부제 {nasty}'"))
        .replace("ko: 주요 통계표", &format!("ko: '통계표 {nasty}'"));
    std::fs::write(&file, yaml).unwrap();
    let r = build_project(p.path());
    assert!(r.failed.is_empty() && !r.has_errors(), "{:?} {:?}", r.failed, r.diagnostics);
    let out = |ext: &str| {
        p.path().join(format!("build/data-centre-release/data-centre-release.ko.{ext}"))
    };
    let html = std::fs::read_to_string(out("html")).unwrap();
    assert!(!html.contains("<script>alert"), "HTML escapes the contact's name");
    assert!(html.contains("&lt;script&gt;alert(x)&lt;/script&gt;"), "and shows it as text");
    let body = Package::open(&out("hwpx")).body_text();
    for shown in ["홍길동 <script>alert(x)</script> & ]]>", "부제 <script>", "통계표 <script>"]
    {
        assert!(body.contains(shown), "HWPX shows {shown:?} as text");
    }
    let pdf = pdf_text(&out("pdf"));
    assert_contains_squashed(&pdf, "#set page(width: auto)", "the PDF prints Typst markup as text");
    let md = std::fs::read_to_string(out("md")).unwrap();
    assert!(!md.contains("<script>"), "the Markdown escapes HTML: {md}");
}
