//! The site in a real browser: headless Chromium, driven by `tests/browser/drive.mjs`
//! (puppeteer-core with the system Chromium, axe-core for accessibility). Pages load without
//! console errors or failed requests, the language switch leads to the same briefing, axe
//! finds nothing serious or critical, and `yoyak serve` reloads an open page on save and
//! shows and removes its error overlay.
//!
//! A case is a [`Scenario`]: steps in one tab (the step list is at the top of drive.mjs),
//! e.g. `Scenario::new("search", [open(&url), json!({"type": "#q", "text": "오픈소스"}),
//! wait(json!({"text": "…"}), 2_000)])`; [`Browser::run`] returns what each step reported
//! (the page's url, lang, title and h1; axe violations; wait times), for the test to assert.
//!
//! Chromium (`/usr/bin/chromium`, or `YOYAK_CHROMIUM`), node and the node modules of
//! `tests/browser/package.json` (`YOYAK_BROWSER_MODULES`, else `tests/browser/node_modules`,
//! else `$TMPDIR/yoyak-ci-browser`, where `.ci/run` installs them) must be present. Without
//! them a test says so and passes on a developer's machine, and fails under CI (`CI` set).

use crate::common::*;
use crate::server::Server;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One browser at a time: parallel Chromiums on two cores would blur the reload timing.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// What the browser tests run with.
struct Browser {
    chromium: PathBuf,
    modules: PathBuf,
}

/// Steps run in order in one tab.
struct Scenario {
    name: String,
    steps: Vec<Value>,
}

impl Scenario {
    /// A scenario named `name` (the name appears in failure messages).
    fn new(name: &str, steps: impl IntoIterator<Item = Value>) -> Scenario {
        Scenario { name: name.to_string(), steps: steps.into_iter().collect() }
    }
}

/// What the driver reported about one scenario.
struct Outcome {
    name: String,
    /// One report per step that ran.
    steps: Vec<Value>,
    /// Console errors, exceptions, failed requests and HTTP errors of the whole scenario.
    errors: Vec<Value>,
}

/// Load `url`.
fn open(url: &str) -> Value {
    json!({ "open": url })
}

/// Click the first element matching `css` and wait for the page it leads to.
fn click(css: &str) -> Value {
    json!({ "click": css })
}

/// Run axe-core on the page.
fn axe() -> Value {
    json!({ "axe": true })
}

/// Resize the tab to `width` CSS pixels.
fn viewport(width: u32) -> Value {
    json!({ "viewport": { "width": width, "height": 900 } })
}

/// Write `text` to `path` (the clock of the next waits starts).
fn write(path: &Path, text: &str) -> Value {
    json!({ "write": path, "text": text })
}

/// Poll the page until `until` holds (`{"title"|"text": …}` or `{"selector"|"gone": css}`).
fn wait(until: Value, timeout_ms: u64) -> Value {
    json!({ "wait": until, "timeout_ms": timeout_ms })
}

/// A PNG of the visible page.
fn screenshot(path: &Path) -> Value {
    json!({ "screenshot": path })
}

impl Browser {
    /// The browser and node modules, or `None` after saying why (a panic under CI).
    fn find() -> Option<Browser> {
        let chromium = std::env::var_os("YOYAK_CHROMIUM")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
        let modules = [
            std::env::var_os("YOYAK_BROWSER_MODULES").map(PathBuf::from),
            Some(repo().join("tests/browser")),
            Some(std::env::temp_dir().join("yoyak-ci-browser")),
        ]
        .into_iter()
        .flatten()
        .find(|d| d.join("node_modules/puppeteer-core/package.json").is_file());
        let node = std::process::Command::new("node").arg("--version").output();
        let missing = match (&modules, chromium.is_file(), node.is_ok_and(|o| o.status.success())) {
            (_, false, _) => format!("no Chromium at {}", chromium.display()),
            (_, _, false) => "no node on PATH".to_string(),
            (None, _, _) => "no node modules: run `npm ci` in tests/browser (or .ci/run)".into(),
            (Some(_), true, true) => String::new(),
        };
        if missing.is_empty() {
            return Some(Browser { chromium, modules: modules? });
        }
        assert!(std::env::var_os("CI").is_none(), "browser tests must run under CI: {missing}");
        eprintln!("browser tests skipped: {missing}");
        None
    }

    /// Run `scenarios` in one Chromium; panics when a step failed or a wait timed out.
    fn run(&self, scenarios: &[Scenario]) -> Vec<Outcome> {
        self.try_run(scenarios).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Run `scenarios` in one Chromium; the first failed step or timed-out wait is an error.
    fn try_run(&self, scenarios: &[Scenario]) -> Result<Vec<Outcome>, String> {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let spec = json!({
            "chromium": self.chromium,
            "modules": self.modules,
            "scenarios": scenarios.iter().map(|s| json!({"name": s.name, "steps": s.steps}))
                .collect::<Vec<_>>(),
        });
        let dir = tempfile::tempdir().unwrap();
        let spec_path = dir.path().join("scenarios.json");
        std::fs::write(&spec_path, spec.to_string()).unwrap();
        let out = std::process::Command::new("node")
            .arg(repo().join("tests/browser/drive.mjs"))
            .arg(&spec_path)
            .output()
            .expect("node runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "drive.mjs failed: {stderr}");
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("drive.mjs printed no JSON ({e}): {stderr}"));
        let list = report["scenarios"].as_array().cloned().unwrap_or_default();
        assert_eq!(list.len(), scenarios.len(), "one report per scenario");
        list.into_iter()
            .map(|s| {
                let name = s["name"].as_str().unwrap_or_default().to_string();
                if let Some(error) = s["error"].as_str() {
                    return Err(format!("{name}: {error}\nerrors in the page: {:#}", s["errors"]));
                }
                let array = |v: &Value| v.as_array().cloned().unwrap_or_default();
                Ok(Outcome { name, steps: array(&s["steps"]), errors: array(&s["errors"]) })
            })
            .collect()
    }
}

/// The seed project (content/ of this repository) in a temporary folder, built by the binary.
fn built_site() -> tempfile::TempDir {
    let p = seed_project();
    let (code, _, err) = run_yoyak(&["build"], p.path());
    assert_eq!(code, 0, "yoyak build: {err}");
    p
}

/// The `file://` URL of `rel` in the project's `build/`.
fn file_url(root: &Path, rel: &str) -> String {
    let path = root.join("build").join(rel);
    assert!(path.is_file(), "{} was not built", path.display());
    let path = path.to_str().expect("a UTF-8 temporary path");
    assert!(!path.contains([' ', '#', '?', '%']), "a path that needs no escaping: {path}");
    format!("file://{path}")
}

/// A briefing of the seed: its id and content file.
struct Seed {
    id: &'static str,
    file: &'static str,
}

/// The seed's briefing and its 보도자료 (press release).
const BRIEFING: Seed =
    Seed { id: "spri-open-source-ai", file: "2026-02-15-spri-open-source-ai.yaml" };
const RELEASE: Seed =
    Seed { id: "spri-open-source-ai-release", file: "2026-02-15-spri-open-source-ai-release.yaml" };
const LANGS: [&str; 2] = ["ko", "en"];

impl Seed {
    /// The page of this briefing in `lang`, relative to `build/`.
    fn page(&self, lang: &str) -> String {
        format!("{0}/{0}.{lang}.html", self.id)
    }

    /// Its title in `lang`, as the content file gives it.
    fn title(&self, root: &Path, lang: &str) -> String {
        let text = std::fs::read_to_string(root.join("content").join(self.file)).unwrap();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        yaml["title"][lang].as_str().expect("a title in every language").to_string()
    }
}

/// The pages every check covers, relative to `build/`, with their language.
fn site_pages() -> Vec<(String, &'static str)> {
    let mut pages = vec![("index.html".to_string(), "ko"), ("index.en.html".to_string(), "en")];
    for lang in LANGS {
        pages.push((BRIEFING.page(lang), lang));
        pages.push((RELEASE.page(lang), lang));
        pages.push((format!("digest/digest.{lang}.html"), lang));
    }
    pages
}

/// The errors of an outcome, one per line, for a failure message.
fn listed(errors: &[Value]) -> String {
    errors
        .iter()
        .map(|e| format!("  {} {}: {}", e["kind"], e["url"], e["text"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pages_load_without_console_errors_or_failed_requests() {
    let Some(browser) = Browser::find() else { return };
    let site = built_site();
    let pages = site_pages();
    let scenarios: Vec<Scenario> = pages
        .iter()
        .map(|(rel, _)| Scenario::new(rel, [open(&file_url(site.path(), rel))]))
        .collect();
    let outcomes = browser.run(&scenarios);
    for ((rel, lang), o) in pages.iter().zip(&outcomes) {
        assert!(o.errors.is_empty(), "{}: errors while loading:\n{}", o.name, listed(&o.errors));
        let page = &o.steps[0];
        assert_eq!(page["lang"], *lang, "{rel}: <html lang>");
        assert!(!page["title"].as_str().unwrap_or("").is_empty(), "{rel}: a <title>");
    }
    for seed in [&BRIEFING, &RELEASE] {
        for lang in LANGS {
            let o = outcomes.iter().find(|o| o.name == seed.page(lang)).unwrap();
            assert_eq!(o.steps[0]["h1"], seed.title(site.path(), lang), "{}", o.name);
        }
    }
}

#[test]
fn the_language_switch_leads_to_the_same_briefing_in_the_other_language() {
    let Some(browser) = Browser::find() else { return };
    let site = built_site();
    let root = site.path();
    let switch = |to: &str| click(&format!("footer a[hreflang=\"{to}\"][href$=\".{to}.html\"]"));
    let scenarios: Vec<Scenario> = [&BRIEFING, &RELEASE]
        .iter()
        .map(|s| {
            Scenario::new(s.id, [open(&file_url(root, &s.page("ko"))), switch("en"), switch("ko")])
        })
        .collect();
    for (seed, o) in [&BRIEFING, &RELEASE].iter().zip(browser.run(&scenarios)) {
        for (step, lang) in [(1, "en"), (2, "ko")] {
            let page = &o.steps[step];
            let url = page["url"].as_str().unwrap_or_default();
            assert!(
                url.ends_with(&format!("/{}", seed.page(lang))),
                "{}: switched to {url}",
                o.name
            );
            assert_eq!(page["lang"], lang, "{}: <html lang> after the switch", o.name);
            let title = seed.title(root, lang);
            assert_eq!(page["h1"], title, "{}: the heading after the switch", o.name);
            let head = page["title"].as_str().unwrap_or_default();
            assert!(head.starts_with(&title), "{}: <title> {head:?} after the switch", o.name);
        }
        assert!(o.errors.is_empty(), "{}:\n{}", o.name, listed(&o.errors));
    }
}

/// The serious and critical axe violations in an `axe` step's report, one per line.
fn serious(report: &Value, page: &str, width: u32) -> Vec<String> {
    let violations = report["violations"].as_array().cloned().unwrap_or_default();
    violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            format!(
                "{page} at {width}px: {} ({}) {}: {}",
                v["id"], v["impact"], v["help"], v["targets"]
            )
        })
        .collect()
}

#[test]
fn axe_finds_no_serious_or_critical_accessibility_violations() {
    let Some(browser) = Browser::find() else { return };
    let site = built_site();
    let pages = site_pages();
    // A desktop and a phone width: narrow layouts scroll tables and wrap headers.
    let widths = [1280, 360];
    let scenarios: Vec<Scenario> = pages
        .iter()
        .map(|(rel, _)| {
            let mut steps = vec![open(&file_url(site.path(), rel))];
            steps.extend(widths.iter().flat_map(|w| [viewport(*w), axe()]));
            Scenario::new(rel, steps)
        })
        .collect();
    let mut found = Vec::new();
    for o in browser.run(&scenarios) {
        for (i, width) in widths.iter().enumerate() {
            found.extend(serious(&o.steps[2 + 2 * i], &o.name, *width));
        }
    }
    assert!(found.is_empty(), "axe-core violations:\n{}", found.join("\n"));
}

/// Whether a driver error is the live-reload poll cut short by the reload it asked for.
fn reload_cut_the_poll(e: &Value) -> bool {
    let url = e["url"].as_str().unwrap_or_default();
    e["kind"] == "request"
        && url.ends_with(yoyak::serve::VERSION_PATH)
        && e["text"] == "net::ERR_ABORTED"
}

/// The longest rebuild (from the save) under which the 1-second budget is judged: the rest of
/// the second is for the page to notice (a poll every 100 ms) and reload.
const BUILD_BUDGET_MS: u64 = 700;

/// What the server and the page add to the rebuild, at most: the poll and the reload.
const RELOAD_OVERHEAD_MS: u64 = 400;

/// The page showed the saved title `reloaded` ms after the write: within a second, unless the
/// machine is so busy that the rebuild alone (the server's own account) took most of it; the
/// server and the page never add more than [`RELOAD_OVERHEAD_MS`] to the rebuild.
fn assert_reloaded_in_a_second(reloaded: u64, server: &Server) {
    let stderr = server.stderr.lock().unwrap().clone();
    let first = stderr.lines().find_map(|l| l.split("rebuilt in ").nth(1));
    let seconds = first.and_then(|t| t.split('s').next()).and_then(|t| t.parse::<f64>().ok());
    let rebuilt = (seconds.expect("yoyak serve reports its rebuild") * 1000.0) as u64;
    let overhead = reloaded.saturating_sub(rebuilt);
    assert!(
        overhead <= RELOAD_OVERHEAD_MS,
        "the page showed the rebuilt title {overhead} ms after the rebuild ({rebuilt} ms)"
    );
    if rebuilt <= BUILD_BUDGET_MS {
        assert!(reloaded <= 1000, "the new title showed {reloaded} ms after the save");
    } else {
        println!("browser: the 1 s budget is not judged: the rebuild alone took {rebuilt} ms");
    }
}

#[test]
fn serve_reloads_the_open_page_on_save_and_shows_then_removes_the_error_overlay() {
    let Some(browser) = Browser::find() else { return };
    let p = seed_project();
    let server = Server::start(p.path());
    let file = p.path().join("content").join(BRIEFING.file);
    let original = std::fs::read_to_string(&file).unwrap();
    let line = format!("en: {}\n", BRIEFING.title(p.path(), "en"));
    assert!(original.contains(&line), "the seed's English title line");
    let retitled = |title: &str| original.replacen(&line, &format!("en: {title}\n"), 1);
    let (first, second) = ("Open-source AI, first edit", "Open-source AI, after the fix");
    let broken = retitled(first).replacen("\nid: ", "\nid: [", 1);
    assert_ne!(broken, retitled(first), "the seed has an id line to break");
    let url = format!("http://127.0.0.1:{}/{}", server.port, BRIEFING.page("en"));
    let steps = [
        open(&url),
        write(&file, &retitled(first)),
        wait(json!({ "title": first }), 10_000),
        write(&file, &broken),
        wait(json!({ "selector": "#yoyak-overlay" }), 10_000),
        wait(json!({ "text": BRIEFING.file }), 1_000),
        axe(),
        write(&file, &retitled(second)),
        wait(json!({ "gone": "#yoyak-overlay" }), 10_000),
        wait(json!({ "title": second }), 1_000),
    ];
    let index =
        Scenario::new("served index", [open(&format!("http://127.0.0.1:{}/", server.port))]);
    let mut outcomes = match browser.try_run(&[Scenario::new("serve", steps), index]) {
        Ok(outcomes) => outcomes,
        Err(e) => panic!("{e}\nyoyak serve said:\n{}", server.stderr.lock().unwrap()),
    };
    let served_index = outcomes.pop().unwrap();
    assert!(served_index.errors.is_empty(), "served index:\n{}", listed(&served_index.errors));
    let outcome = outcomes.pop().unwrap();
    let s = &outcome.steps;
    println!(
        "browser: save → page reloaded with the new title in {} ms; YAML error → overlay in {} ms; \
         fix → overlay gone in {} ms",
        s[2]["ms"], s[4]["ms"], s[8]["ms"]
    );
    assert_reloaded_in_a_second(s[2]["ms"].as_u64().unwrap(), &server);
    for i in [2, 4, 8] {
        assert!(s[i]["navigations"].as_u64() >= Some(1), "step {i}: the page reloaded itself");
    }
    assert_eq!(s[2]["h1"], first);
    assert_eq!(s[4]["h1"], first, "the last good page stays under the overlay");
    assert_eq!(s[9]["h1"], second);
    let overlay = serious(&s[6], "the served page with the error overlay", 1280);
    assert!(overlay.is_empty(), "axe-core violations:\n{}", overlay.join("\n"));
    let errors: Vec<Value> =
        outcome.errors.into_iter().filter(|e| !reload_cut_the_poll(e)).collect();
    assert!(errors.is_empty(), "errors in the served page:\n{}", listed(&errors));
    drop(server);
}

/// Width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The README's screenshots; `YOYAK_SCREENSHOTS=docs/images` writes them there.
#[test]
fn screenshots_of_the_index_a_search_and_a_briefing_at_1280_px() {
    let Some(browser) = Browser::find() else { return };
    let site = built_site();
    let tmp = tempfile::tempdir().unwrap();
    let out = std::env::var_os("YOYAK_SCREENSHOTS").map_or(tmp.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&out).unwrap();
    let url = |rel: &str| file_url(site.path(), rel);
    let results = wait(json!({ "selector": SEED_RESULT }), 5_000);
    let shots = [
        ("site-index-ko.png", vec![open(&url("index.html"))]),
        (
            "site-search-ko.png",
            vec![open(&format!("{}?q=오픈소스", url("search.ko.html"))), results],
        ),
        ("site-briefing-ko.png", vec![open(&url(&BRIEFING.page("ko")))]),
    ];
    let scenarios: Vec<Scenario> = shots
        .iter()
        .map(|(png, steps)| {
            Scenario::new(png, steps.iter().cloned().chain([screenshot(&out.join(png))]))
        })
        .collect();
    browser.run(&scenarios);
    for (png, _) in shots {
        let bytes = std::fs::read(out.join(png)).unwrap();
        assert_eq!(png_size(&bytes), (1280, 900), "{png}");
        // A blank page compresses to a few kilobytes; text makes it far larger.
        assert!(bytes.len() > 30_000, "{png} looks blank ({} bytes)", bytes.len());
    }
}

/// The seed built one briefing a page, so the index has a page 2 (and its tags pages 2).
fn paged_site() -> tempfile::TempDir {
    let p = seed_project();
    let config = std::fs::read_to_string(p.path().join("yoyak.yaml")).unwrap();
    std::fs::write(p.path().join("yoyak.yaml"), config + "\npage-size: 1\n").unwrap();
    let (code, _, err) = run_yoyak(&["build"], p.path());
    assert_eq!(code, 0, "yoyak build: {err}");
    p
}

/// The seed briefing's link among the search results (not its press release's).
const SEED_RESULT: &str = "#search-results a[href*='spri-open-source-ai/spri-open-source-ai.']";

#[test]
fn a_tag_page_and_page_2_load_and_search_finds_the_seed_by_korean_form_english_word_and_number() {
    let Some(browser) = Browser::find() else { return };
    let site = paged_site();
    let root = site.path();
    let found = || wait(json!({ "selector": SEED_RESULT }), 5_000);
    let pages = ["page/2.ko.html", "page/2.en.html", "tag/open-source.ko.html"];
    let mut scenarios: Vec<Scenario> =
        pages.iter().map(|rel| Scenario::new(rel, [open(&file_url(root, rel))])).collect();
    // A shared link: the search page reads ?q= (from file://, as a reader opens the site).
    for (lang, q) in [("ko", "오픈소스"), ("en", "open-source"), ("ko", "432만"), ("en", "432만")]
    {
        let url = format!("{}?q={q}", file_url(root, &format!("search.{lang}.html")));
        scenarios.push(Scenario::new(&format!("search.{lang} ?q={q}"), [open(&url), found()]));
    }
    // Typing into the box of an index page shows results as you type.
    let typed = [
        open(&file_url(root, "index.en.html")),
        json!({ "type": "#search-q", "text": "4.32 million" }),
        found(),
    ];
    scenarios.push(Scenario::new("index.en box: 4.32 million", typed));
    // A word that is nowhere finds nothing, and says so.
    let nowhere = format!("{}?q=zzyzx", file_url(root, "search.en.html"));
    let none = wait(json!({ "text": yoyak::render::ui::ui("en").search_none }), 5_000);
    scenarios.push(Scenario::new("nothing", [open(&nowhere), none]));
    // `run` fails on a step that throws or a wait that times out.
    for o in browser.run(&scenarios) {
        assert!(o.errors.is_empty(), "{}: errors:\n{}", o.name, listed(&o.errors));
    }
}
