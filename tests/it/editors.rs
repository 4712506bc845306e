//! The editors' loop: the JSON Schema, `new`, `init`, `serve` with live reload and the error
//! overlay, shell completions, the man page and the publishing workflow.

use crate::common::*;
use crate::server::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A YAML file as the JSON value a schema validator sees.
fn yaml_as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every schema error for `path`, as `instance path: message`.
fn schema_errors(schema: &serde_json::Value, path: &Path) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("the schema is a valid schema");
    let instance = yaml_as_json(path);
    validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// The briefing files of a folder (not the glossary), sorted.
fn briefing_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .filter(|p| p.file_name().is_some_and(|n| n != "glossary.yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn schema_is_draft_2020_12_and_the_cli_prints_it() {
    let schema = yoyak::content::schema::briefing_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(jsonschema::meta::is_valid(&schema), "the schema itself is valid 2020-12");
    let (code, out, err) = run_yoyak(&["schema"], &repo());
    assert_eq!(code, 0, "{err}");
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(printed, schema);
    let (code, out, _) = run_yoyak(&["schema", "config"], &repo());
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        yoyak::content::schema::config_schema()
    );
    let files = yoyak::content::schema::files();
    assert_eq!(files[0].0, Path::new("schema/briefing.schema.json"));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&files[0].1).unwrap(), schema);
}

#[test]
fn schema_accepts_every_good_content_file() {
    let schema = yoyak::content::schema::briefing_schema();
    let mut files = briefing_files(&repo().join("content"));
    for fixture in ["hostile", "trilingual", "digest"] {
        files.extend(briefing_files(&repo().join("tests/fixtures").join(fixture).join("content")));
    }
    assert!(files.len() >= 8, "{files:?}");
    for file in &files {
        let errors = schema_errors(&schema, file);
        assert!(errors.is_empty(), "{} should validate: {errors:#?}", file.display());
    }
}

#[test]
fn schema_rejects_the_bad_fixtures_where_they_are_wrong() {
    let schema = yoyak::content::schema::briefing_schema();
    let bad = repo().join("tests/fixtures/bad");
    let unknown = schema_errors(&schema, &bad.join("unknown-key/content/unknown-key.yaml"));
    assert!(unknown.iter().any(|e| e.contains("sumary")), "names the unknown key: {unknown:#?}");
    assert!(unknown.iter().any(|e| e.contains("summary")), "misses summary: {unknown:#?}");
    // What the loader accepts, the schema accepts: a year as a plain number is fine.
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("year.yaml");
    let src = std::fs::read_to_string(bad.join("wrong-type/content/wrong-type.yaml")).unwrap();
    std::fs::write(&year, src.replace("value: many", "value: 25\n    as_of: 2024")).unwrap();
    assert!(schema_errors(&schema, &year).is_empty());
    let wrong = schema_errors(&schema, &bad.join("wrong-type/content/wrong-type.yaml"));
    assert!(!wrong.is_empty());
    assert!(wrong.iter().all(|e| e.starts_with("/facts/1/value")), "{wrong:#?}");
}

#[test]
fn config_schema_accepts_every_project_file_and_the_number_styles() {
    let schema = yoyak::content::schema::config_schema();
    for file in [
        repo().join("yoyak.yaml"),
        repo().join("tests/fixtures/trilingual/yoyak.yaml"),
        repo().join("tests/fixtures/digest/yoyak.yaml"),
    ] {
        let errors = schema_errors(&schema, &file);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    // The hand-written parts mirror types of the number engine: every value the schema offers
    // must load, so the two cannot drift apart unnoticed.
    let style = &schema["properties"]["numbers"]["properties"];
    for spacing in style["korean-spacing"]["enum"].as_array().unwrap() {
        for krw in style["krw"]["enum"].as_array().unwrap() {
            let src = format!("numbers: {{korean-spacing: {spacing}, krw: {krw}}}\n");
            let parsed =
                yoyak::content::yaml::parse::<yoyak::content::Config>(&src, &Default::default());
            assert!(parsed.is_ok(), "{src}: {:?}", parsed.err());
        }
    }
    let briefing = yoyak::content::schema::briefing_schema();
    let approx: Vec<&str> = briefing["$defs"]["ApproxName"]["oneOf"]
        .as_array()
        .expect("approx names")
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    assert_eq!(approx, ["exact", "about", "over", "under", "some"]);
    for name in approx {
        let parsed: Result<yoyak::numbers::Approx, _> = serde_yaml::from_str(name);
        assert!(parsed.is_ok(), "approx: {name} must load");
    }
}

#[test]
fn new_writes_a_skeleton_that_builds_without_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("content")).unwrap();
    let root_s = root.to_str().unwrap();
    let (code, out, err) =
        run_yoyak(&["new", "first-look", "--root", root_s, "--date", "2026-03-01"], root);
    assert_eq!(code, 0, "{err}");
    let file = root.join("content/2026-03-01-first-look.yaml");
    assert_eq!(out.trim(), file.to_str().unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with(yoyak::content::schema::MODELINE), "starts with the schema line");
    for comment in
        ["# 제목 (필수", "Title (required", "# 핵심 요점", "Key points (required", "# facts:"]
    {
        assert!(text.contains(comment), "explains: {comment}");
    }
    assert!(root.join("build/schema/briefing.schema.json").is_file(), "schema for the editor");
    assert!(schema_errors(&yoyak::content::schema::briefing_schema(), &file).is_empty());

    // Never overwrites, never reuses an id, rejects a bad id or date.
    let before = std::fs::read(&file).unwrap();
    let (code, _, err) =
        run_yoyak(&["new", "first-look", "--root", root_s, "--date", "2026-03-01"], root);
    assert_eq!(code, 2);
    assert!(err.contains("already used"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(run_yoyak(&["new", "Bad_Id", "--root", root_s], root).0, 2);
    assert_eq!(run_yoyak(&["new", "x", "--root", root_s, "--date", "2026-02-30"], root).0, 2);
    // The date defaults to today.
    let (code, out, err) = run_yoyak(&["new", "today", "--root", root_s], root);
    assert_eq!(code, 0, "{err}");
    let name = Path::new(out.trim()).file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("-today.yaml") && yoyak::content::parse_date(&name[..10]).is_some());

    let (code, _, err) = run_yoyak(&["build", "--root", root_s], root);
    assert_eq!(code, 0, "the skeleton builds without edits: {err}");
    let html = std::fs::read_to_string(root.join("build/first-look/first-look.ko.html")).unwrap();
    assert!(html.contains("제목을 입력하세요"));
    let (code, _, err) = run_yoyak(&["check", "--root", root_s], root);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 errors"), "{err}");
}

#[test]
fn new_writes_every_configured_language() {
    let p = fixture("trilingual");
    let root = p.path().to_str().unwrap();
    let (code, out, err) =
        run_yoyak(&["new", "third", "--root", root, "--date", "2026-03-02"], p.path());
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(out.trim()).unwrap();
    assert!(text.contains("  ja: Write the title (ja)"), "{text}");
    let (code, _, err) = run_yoyak(&["build", "--root", root], p.path());
    assert_eq!(code, 0, "{err}");
    assert!(p.path().join("build/third/third.ja.pdf").is_file());
}

#[test]
fn init_makes_a_project_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("briefings");
    let (code, _, err) = run_yoyak(&["init", project.to_str().unwrap()], dir.path());
    assert_eq!(code, 0, "{err}");
    let workflow = std::fs::read_to_string(project.join(".github/workflows/publish.yml")).unwrap();
    let ours = std::fs::read_to_string(repo().join(".github/workflows/publish.yml")).unwrap();
    assert_eq!(workflow, ours, "init writes the repository's own workflow");
    let gitignore = std::fs::read_to_string(project.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "build/"));
    let config = project.join("yoyak.yaml");
    assert!(
        std::fs::read_to_string(&config)
            .unwrap()
            .starts_with(yoyak::content::schema::CONFIG_MODELINE)
    );
    assert!(schema_errors(&yoyak::content::schema::config_schema(), &config).is_empty());
    let samples = briefing_files(&project.join("content"));
    assert_eq!(samples.len(), 1);
    assert!(schema_errors(&yoyak::content::schema::briefing_schema(), &samples[0]).is_empty());

    let (code, _, err) = run_yoyak(&["build"], &project);
    assert_eq!(code, 0, "a new project builds at once: {err}");
    assert!(project.join("build/index.html").is_file());
    assert!(project.join("build/spri-open-source-ai/spri-open-source-ai.ko.pdf").is_file());

    // A second init refuses: content/ is not empty.
    let (code, _, err) = run_yoyak(&["init", project.to_str().unwrap()], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn init_keeps_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("yoyak.yaml"), "languages: [ko, en]\n").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "target/").unwrap();
    let (code, _, err) = run_yoyak(&["init"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("yoyak.yaml")).unwrap(),
        "languages: [ko, en]\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".gitignore")).unwrap(),
        "target/\nbuild/\n"
    );
}

#[test]
fn publish_workflow_checks_builds_and_deploys_pages() {
    let text = std::fs::read_to_string(repo().join(".github/workflows/publish.yml")).unwrap();
    let wf: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(wf["on"]["push"]["branches"][0], "main");
    assert!(wf["on"].get("pull_request").is_some());
    let steps = serde_yaml::to_string(&wf["jobs"]["build"]["steps"]).unwrap();
    for needle in [
        "cargo run --release --locked -- check --format github",
        "cargo run --release --locked -- build",
        "actions/upload-pages-artifact",
        "rust-cache",
    ] {
        assert!(steps.contains(needle), "build job: {needle}");
    }
    let deploy = &wf["jobs"]["deploy"];
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["permissions"]["id-token"], "write");
    assert!(serde_yaml::to_string(&deploy["steps"]).unwrap().contains("actions/deploy-pages"));
    assert!(deploy["if"].as_str().unwrap().contains("refs/heads/main"));
    assert_eq!(yoyak::scaffold::PUBLISH_WORKFLOW, text);
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, err) = run_yoyak(&["completions", shell], &repo());
        assert_eq!(code, 0, "{shell}: {err}");
        for sub in ["build", "check", "serve", "new", "init", "schema"] {
            assert!(out.contains(sub), "{shell} completes {sub}");
        }
    }
    let (code, out, _) = run_yoyak(&["man"], &repo());
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH yoyak"),
        "roff: {}",
        &out[..80.min(out.len())]
    );
    assert!(out.contains("serve"));
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_yoyak(&["man", "--out", dir.path().to_str().unwrap()], &repo());
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("yoyak.1").is_file());
    assert!(dir.path().join("yoyak-serve.1").is_file());
}

#[test]
fn serve_refuses_a_folder_without_content() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_yoyak(&["serve", "--port", "0"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("no content folder"), "{err}");
}

#[test]
fn serve_rebuilds_on_save_reloads_pages_and_overlays_errors() {
    let p = seed_project();
    let server = Server::start(p.path());
    let file = p.path().join("content/2026-02-15-spri-open-source-ai.yaml");
    let page = "/spri-open-source-ai/spri-open-source-ai.ko.html";

    let (status, index) = server.get("/index.html");
    assert_eq!(status, 200);
    assert!(index.contains("글로벌 AI 패권 경쟁"), "the index lists the briefing");
    assert!(index.contains("/__yoyak/version"), "served HTML carries the live-reload script");
    assert!(!index.contains("yoyak-overlay"), "no overlay while the content is clean");
    let on_disk = std::fs::read_to_string(p.path().join("build/index.html")).unwrap();
    assert!(!on_disk.contains("__yoyak"), "files on disk are never touched");
    let (status, v1) = server.get("/__yoyak/version");
    assert_eq!(status, 200);
    assert_eq!(server.get("/../yoyak.yaml").0, 404);
    assert_eq!(server.get("/no-such-page.html").0, 404);

    // Save a new title: the rebuilt page is served, and the version changes so pages reload.
    let original = std::fs::read_to_string(&file).unwrap();
    let title = "  ko: 글로벌 AI 패권 경쟁, '폐쇄형'에서 '오픈소스AI'로";
    let edited = original.replace(title, "  ko: 편집 루프 시험용 새 제목");
    assert_ne!(edited, original);
    let saved = Instant::now();
    std::fs::write(&file, &edited).unwrap();
    server.wait_for("/index.html", Duration::from_secs(20), "the new title", |b| {
        b.contains("편집 루프 시험용 새 제목")
    });
    server.wait_for("/__yoyak/version", Duration::from_secs(20), "a new version", |v| v != v1);
    println!(
        "serve: save → rebuilt page served, reload signalled in {} ms",
        saved.elapsed().as_millis()
    );
    let (_, v2) = server.get("/__yoyak/version");

    // A save that loads but is invalid (no such day): the overlay names the file and line, and
    // the last good page is still what is served.
    let line = edited.lines().position(|l| l == "date: 2026-02-15").unwrap() + 1;
    std::fs::write(&file, edited.replace("date: 2026-02-15", "date: 2026-02-30")).unwrap();
    let place = format!("content/2026-02-15-spri-open-source-ai.yaml:{line}:");
    let took = server.wait_for(page, Duration::from_secs(20), "the error overlay", |b| {
        b.contains("yoyak-overlay") && b.contains(&place)
    });
    println!("serve: invalid save → overlay served in {} ms", took.as_millis());
    let (status, body) = server.get(page);
    assert_eq!(status, 200);
    assert!(body.contains("편집 루프 시험용 새 제목"), "the last good page is still served");
    assert!(body.contains("`2026-02-30` is not a valid date"), "the message");
    assert!(body.contains("fix: write the date as YYYY-MM-DD"), "the fix");
    server.wait_for("/__yoyak/version", Duration::from_secs(20), "a new version", |v| v != v2);
    let (_, v3) = server.get("/__yoyak/version");

    // A YAML error (a misspelt key): the overlay names the file and line on every page.
    let line = edited.lines().position(|l| l == "summary:").unwrap() + 1;
    std::fs::write(&file, edited.replace("\nsummary:\n", "\nsumary:\n")).unwrap();
    let place = format!("content/2026-02-15-spri-open-source-ai.yaml:{line}:1");
    for path in ["/index.html", page] {
        server.wait_for(path, Duration::from_secs(20), "the YAML error overlay", |b| {
            b.contains("yoyak-overlay")
                && b.contains(&place)
                && b.contains("unknown key `sumary`")
                && b.contains("did you mean `summary`")
        });
    }
    server.wait_for("/__yoyak/version", Duration::from_secs(20), "a new version", |v| v != v3);

    // Fixed again: the page is back and the overlay goes.
    std::fs::write(&file, &edited).unwrap();
    server.wait_for(page, Duration::from_secs(20), "the overlay to go", |b| {
        !b.contains("yoyak-overlay") && b.contains("편집 루프 시험용 새 제목")
    });

    // yoyak.yaml and a templates/ folder made after the start are watched too.
    let config = p.path().join("yoyak.yaml");
    let settings = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, settings.replace("ko: yoyak 브리핑", "ko: 편집국 브리핑")).unwrap();
    server.wait_for("/index.html", Duration::from_secs(20), "the new site title", |b| {
        b.contains("편집국 브리핑")
    });
    std::fs::create_dir(p.path().join("templates")).unwrap();
    let index = std::fs::read_to_string(repo().join("templates/listing.html")).unwrap();
    let marker = "<!-- house template -->";
    std::fs::write(p.path().join("templates/listing.html"), format!("{index}{marker}\n")).unwrap();
    server.wait_for("/index.html", Duration::from_secs(20), "the template override", |b| {
        b.contains(marker)
    });
    std::fs::write(p.path().join("templates/listing.html"), format!("{index}{marker} 2\n"))
        .unwrap();
    server.wait_for("/index.html", Duration::from_secs(20), "the edited override", |b| {
        b.contains("<!-- house template --> 2")
    });
    stop_with_ctrl_c(server);
}

/// The number of threads of process `pid`.
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find_map(|l| l.strip_prefix("Threads:"));
    line.and_then(|n| n.trim().parse().ok()).expect("a Threads: line")
}

/// The first bytes the server sends on `stream` (waiting at most `limit`), as text.
fn first_answer(stream: &mut TcpStream, limit: Duration) -> String {
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut buf = [0u8; 64];
    let n = stream.read(&mut buf).unwrap_or(0);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[test]
#[cfg(target_os = "linux")]
fn serve_bounds_threads_and_connections_and_still_answers() {
    use yoyak::serve::{HEAD_TIMEOUT, MAX_HEAD};
    let p = seed_project();
    let server = Server::start(p.path());
    let (pid, port) = (server.child.id(), server.port);
    assert_eq!(server.get("/").0, 200);
    let before = threads(pid);
    let connect = || TcpStream::connect(("127.0.0.1", port)).unwrap();
    // 300 clients that connect and send nothing, and one that sends its head a byte at a time.
    let opened = Instant::now();
    let mut idle: Vec<TcpStream> = (0..300).map(|_| connect()).collect();
    let mut slow = connect();
    let mut drip = slow.try_clone().unwrap();
    // Read at once: the answer must be in before the next drip meets the closed socket.
    let slow_answer = std::thread::spawn(move || {
        (first_answer(&mut slow, HEAD_TIMEOUT + Duration::from_secs(5)), opened.elapsed())
    });
    let dripping = std::thread::spawn(move || {
        let head = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: 1");
        for b in head.bytes().chain(std::iter::repeat_n(b'1', 40)) {
            if drip.write_all(&[b]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let mut most = before;
    for _ in 0..8 {
        most = most.max(threads(pid));
        std::thread::sleep(Duration::from_millis(25));
    }
    // A browser's request is answered while they wait, not after they time out.
    let asked = Instant::now();
    let (status, body) = server.get("/");
    let took = asked.elapsed();
    assert_eq!(status, 200);
    assert!(body.contains("/__yoyak/version"));
    assert!(took < HEAD_TIMEOUT, "answered in {took:?} beside 300 idle clients");
    most = most.max(threads(pid));
    assert!(most <= before + 2, "threads: {before} before, {most} beside 300 idle clients");

    // A head larger than the cap is refused.
    let mut big = connect();
    let pad = "a".repeat(MAX_HEAD);
    write!(big, "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Pad: {pad}").unwrap();
    let answer = first_answer(&mut big, Duration::from_secs(5));
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:?}");
    // The slow client is cut off once its time is up.
    let (answer, after) = slow_answer.join().unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    assert!(after >= HEAD_TIMEOUT, "cut off after {after:?}");
    dripping.join().unwrap();
    // Every idle client was closed: timed out, or (the oldest, past the limit on waiting
    // connections) refused to make room.
    let (mut timed_out, mut refused) = (0, 0);
    for s in &mut idle {
        let answer = first_answer(s, HEAD_TIMEOUT + Duration::from_secs(5));
        match answer.get(..12) {
            Some("HTTP/1.1 408") => timed_out += 1,
            Some("HTTP/1.1 503") => refused += 1,
            _ => panic!("an idle client got {answer:?}"),
        }
    }
    println!(
        "serve: 300 idle clients: {timed_out} timed out, {refused} refused; threads {before} → at most {most}; a GET beside them took {} ms",
        took.as_millis()
    );
    drop(idle);
    assert_eq!(server.get("/").0, 200);
    assert!(threads(pid) <= before + 2);
    stop_with_ctrl_c(server);
}

/// Ctrl-C (SIGINT) ends the server cleanly, with exit code 0.
#[cfg(unix)]
fn stop_with_ctrl_c(mut server: Server) {
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "exit status after Ctrl-C: {status}");
            assert!(server.stderr.lock().unwrap().contains("stopped"));
            return;
        }
        assert!(Instant::now() < deadline, "the server did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(not(unix))]
fn stop_with_ctrl_c(_server: Server) {}
