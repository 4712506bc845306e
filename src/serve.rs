//! `yoyak serve`: the editors' loop. Build, serve `build/` on the loopback interface, rebuild
//! when content, templates, fonts or `yoyak.yaml` change, and reload open pages.
//!
//! - Live reload: HTML responses (never the files on disk) get a small script that polls
//!   `/__yoyak/version` and reloads the page when the build version changes.
//! - Errors: when the last build had errors, HTML responses also get an overlay listing them
//!   (file, line, field, what is wrong and the fix, all escaped); the last good output is
//!   still what is served, since a broken briefing keeps its last good files.
//! - A small thread-per-connection HTTP/1.1 server (`Connection: close`, GET and HEAD only);
//!   it answers only requests addressed to the loopback host it listens on.

use crate::build::{BuildOptions, BuildReport, build};
use crate::diagnostic::Diagnostic;
use crate::report::{self, Palette};
use notify::{EventKind, RecursiveMode, Watcher};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The path pages poll for the build version.
pub const VERSION_PATH: &str = "/__yoyak/version";

/// How long the watcher waits for a burst of file events to end before it rebuilds.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The longest a steady stream of file events can put a rebuild off.
const MAX_DEBOUNCE: Duration = Duration::from_secs(1);

/// What to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Project root (holds `content/`).
    pub root: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Open the site in a browser once it is up (best effort).
    pub open: bool,
}

/// Failures that stop the server (a broken build does not: it shows as an overlay).
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no `content/` folder: probably not a project folder.
    #[error("no content folder at {0}: run yoyak serve in a project folder or pass --root DIR")]
    NoContent(PathBuf),
    /// The port could not be bound.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// Why.
        source: std::io::Error,
    },
    /// File watching could not start.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
    /// The Ctrl-C handler could not be installed.
    #[error("cannot handle Ctrl-C: {0}")]
    Signal(String),
}

/// What the HTTP threads need to know about the latest build.
#[derive(Debug, Default)]
struct State {
    /// Changes whenever the pages should reload.
    version: String,
    /// Escaped HTML of the last build's errors; empty when it had none.
    overlay: String,
}

/// The live state shared between the watcher and the HTTP threads.
#[derive(Clone)]
struct Shared {
    state: Arc<Mutex<State>>,
    /// Makes versions of different server runs differ, so a restarted server reloads pages.
    run: String,
}

impl Shared {
    fn snapshot(&self) -> (String, String) {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        (s.version.clone(), s.overlay.clone())
    }
}

/// Messages to the main loop.
enum Msg {
    /// A file system event.
    Fs(notify::Result<notify::Event>),
    /// Ctrl-C.
    Stop,
}

/// Run the server until Ctrl-C: build, print the URL on standard output, serve, watch, rebuild.
pub fn serve(opts: &ServeOptions) -> Result<(), ServeError> {
    if !opts.root.join("content").is_dir() {
        return Err(ServeError::NoContent(opts.root.join("content")));
    }
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, opts.port)))
        .map_err(|source| ServeError::Bind { port: opts.port, source })?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let url = format!("http://127.0.0.1:{port}/");
    // Absolute, so that the watcher's event paths compare with it.
    let root = opts.root.canonicalize().unwrap_or_else(|_| opts.root.clone());
    let out = BuildOptions::new(&root).out;

    let (tx, rx) = channel::<Msg>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    })
    .map_err(|e| ServeError::Signal(e.to_string()))?;
    let (mut watcher, mut watched) = watch(&root, tx.clone())?;

    let run = format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default()
            ^ u128::from(std::process::id())
    );
    let shared = Shared { state: Arc::new(Mutex::new(State::default())), run };
    eprintln!("yoyak: building {}", root.display());
    rebuild(&root, &shared, 0);

    let http = shared.clone();
    let host_ok = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (shared, out, host_ok) = (http.clone(), out.clone(), host_ok.clone());
            std::thread::spawn(move || handle(stream, &out, &shared, &host_ok));
        }
    });
    println!("yoyak: serving {url} (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url);
    }

    let mut builds = 1u64;
    loop {
        let first = match rx.recv() {
            Ok(Msg::Stop) | Err(_) => break,
            Ok(Msg::Fs(event)) => event,
        };
        if !relevant(&root, &first) {
            continue;
        }
        // Debounce: an editor's save is often several events (write, rename, chmod).
        let saved = Instant::now();
        let mut stop = false;
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(Msg::Fs(_)) if saved.elapsed() < MAX_DEBOUNCE => continue,
                Ok(Msg::Fs(_)) => break,
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    stop = true;
                    break;
                }
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        if stop {
            break;
        }
        // `templates/` or `fonts/` may have been created since the start. Files written into
        // a new folder before it was watched raise no event: give it a moment to fill.
        if watch_inputs(&mut watcher, &root, &mut watched) {
            std::thread::sleep(DEBOUNCE);
            if matches!(rx.try_recv(), Ok(Msg::Stop)) {
                break;
            }
            while let Ok(Msg::Fs(_)) = rx.try_recv() {}
        }
        let build_time = rebuild(&root, &shared, builds);
        builds += 1;
        // From the save (the debounce included) and the build alone: what an editor waits for,
        // and what yoyak spent.
        eprintln!(
            "yoyak: change → rebuilt in {:.2}s (build {:.2}s)",
            saved.elapsed().as_secs_f64(),
            build_time
        );
    }
    eprintln!("yoyak: stopped");
    Ok(())
}

/// The folders whose files are build inputs (`yoyak.yaml` is watched through the root).
const INPUT_DIRS: [&str; 3] = ["content", "templates", "fonts"];

/// Watch `content/`, `templates/`, `fonts/` (recursively, when present) and the root itself
/// (for `yoyak.yaml` and for those folders appearing). The root watch is not recursive, so
/// `build/` and `target/` stay quiet.
fn watch(
    root: &Path,
    tx: Sender<Msg>,
) -> Result<(notify::RecommendedWatcher, Vec<PathBuf>), ServeError> {
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(Msg::Fs(event));
    })
    .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|source| ServeError::Watch { path: root.to_path_buf(), source })?;
    let mut watched = Vec::new();
    for dir in INPUT_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|source| ServeError::Watch { path: path.clone(), source })?;
            watched.push(path);
        }
    }
    Ok((watcher, watched))
}

/// Start watching input folders created after the server started (best effort); whether a
/// folder was added.
fn watch_inputs(
    watcher: &mut notify::RecommendedWatcher,
    root: &Path,
    watched: &mut Vec<PathBuf>,
) -> bool {
    let before = watched.len();
    for dir in INPUT_DIRS {
        let path = root.join(dir);
        if path.is_dir()
            && !watched.contains(&path)
            && watcher.watch(&path, RecursiveMode::Recursive).is_ok()
        {
            watched.push(path);
        }
    }
    watched.len() > before
}

/// Whether a file event can change the build. Reads (including the build's own) are not;
/// neither are editors' hidden swap files and backups, nor anything outside the inputs.
fn relevant(root: &Path, event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    let kind_counts = match event.kind {
        EventKind::Access(notify::event::AccessKind::Close(notify::event::AccessMode::Write)) => {
            true
        }
        EventKind::Access(_) => false,
        _ => true,
    };
    kind_counts
        && event.paths.iter().any(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
                return false;
            }
            let rel = p.strip_prefix(root).unwrap_or(p);
            let mut parts = rel.components();
            match parts.next() {
                Some(Component::Normal(first)) => {
                    let first = first.to_string_lossy();
                    matches!(first.as_ref(), "content" | "templates" | "fonts")
                        || (first == "yoyak.yaml" && parts.next().is_none())
                }
                _ => false,
            }
        })
}

/// Build once and publish the outcome to the HTTP threads. `n` numbers the build. Returns the
/// build's wall time in seconds (0 when it stopped with an error).
fn rebuild(root: &Path, shared: &Shared, n: u64) -> f64 {
    let result = build(&BuildOptions::new(root));
    let took = result.as_ref().map_or(0.0, |r| r.timings.total);
    let (overlay, changed) = match &result {
        Ok(r) => {
            let errors: Vec<Diagnostic> =
                r.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            eprint!("{}", report::human(&r.diagnostics, root, Palette::new(false)));
            for f in &r.failed {
                eprintln!("not built: {}: {}", f.file.display(), f.reason);
            }
            (overlay_html(root, &errors, r), r.written + r.removed > 0)
        }
        Err(e) => {
            eprintln!("error: {e}");
            (overlay_message(&format!("the build stopped: {e}")), false)
        }
    };
    let mut s = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    if n == 0 || changed || s.overlay != overlay {
        s.version = format!("{}-{n}", shared.run);
    }
    s.overlay = overlay;
    took
}

/// Escape text for HTML element content and attribute values.
pub use crate::render::escape_xml as escape_html;

const OVERLAY_STYLE: &str = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;\
z-index:2147483647;margin:0;padding:.75rem 1rem;background:#fff5f5;color:#1b1f24;\
border-top:4px solid #c62828;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
box-shadow:0 -4px 16px rgba(0,0,0,.2)";

fn overlay_frame(title: &str, body: &str) -> String {
    format!(
        "<div id=\"yoyak-overlay\" role=\"alert\" style=\"{OVERLAY_STYLE}\">\
<button type=\"button\" onclick=\"this.parentNode.remove()\" aria-label=\"close\" \
style=\"float:right;font-size:1.2rem;border:0;background:none;cursor:pointer\">×</button>\
<strong style=\"color:#c62828\">{}</strong>\
<p style=\"margin:.25rem 0\">The page shows the last good build. 마지막으로 성공한 빌드를 보여 줍니다.</p>\
{body}</div>",
        escape_html(title)
    )
}

/// The overlay for the last build's errors: each with file, line, field, message, the source
/// line underlined and the fix, exactly as `yoyak build` prints them; empty when none.
fn overlay_html(root: &Path, errors: &[Diagnostic], r: &BuildReport) -> String {
    let unexplained: Vec<_> = r
        .failed
        .iter()
        .filter(|f| !errors.iter().any(|d| d.file == f.file))
        .map(|f| format!("not built: {}: {}", f.file.display(), f.reason))
        .collect();
    if errors.is_empty() && unexplained.is_empty() {
        return String::new();
    }
    let mut body = String::new();
    for d in errors {
        let text = report::human(std::slice::from_ref(d), root, Palette::new(false));
        body.push_str(&format!(
            "<pre style=\"margin:.6rem 0 0;white-space:pre-wrap\">{}</pre>",
            escape_html(text.trim_end())
        ));
    }
    for line in &unexplained {
        body.push_str(&format!("<pre style=\"margin:.25rem 0\">{}</pre>", escape_html(line)));
    }
    let n = errors.len() + unexplained.len();
    let title = format!(
        "yoyak: {n} error{} in the content · 내용 오류 {n}건",
        if n == 1 { "" } else { "s" }
    );
    overlay_frame(&title, &body)
}

fn overlay_message(message: &str) -> String {
    overlay_frame(
        "yoyak: the build failed · 빌드 실패",
        &format!("<pre style=\"margin:.25rem 0\">{}</pre>", escape_html(message)),
    )
}

/// The live-reload script, carrying the version the page was served with.
fn reload_script(version: &str) -> String {
    format!(
        "<script>/* yoyak serve: live reload */(function(){{var v={v};function poll(){{\
fetch({path},{{cache:\"no-store\"}}).then(function(r){{return r.text()}}).then(function(t){{\
if(t!==v){{location.reload()}}else{{setTimeout(poll,300)}}}},function(){{setTimeout(poll,1000)}})}}\
setTimeout(poll,300)}})();</script>",
        v = serde_json::to_string(version).unwrap_or_default(),
        path = serde_json::to_string(VERSION_PATH).unwrap_or_default(),
    )
}

/// Insert the live-reload script and the error overlay before the last `</body>` of a served
/// HTML page (or at its end when it has none).
pub fn inject(html: &str, version: &str, overlay: &str) -> String {
    let snippet = format!("{overlay}{}", reload_script(version));
    let at = html.to_ascii_lowercase().rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(&snippet);
    out.push_str(&html[at..]);
    out
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/atom+xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// Decode `%XX` escapes; `None` for malformed escapes or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `out` that a request path names, if it is safely inside `out`.
fn resolve(out: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(path)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut file = out.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty()) {
        if part == "." || part == ".." || part.starts_with('.') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // No symbolic link may lead out of the output folder.
    let real = file.canonicalize().ok()?;
    let base = out.canonicalize().ok()?;
    (real.starts_with(&base) && real.is_file()).then_some(real)
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

fn respond(stream: &mut TcpStream, r: &Response, head_only: bool) {
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        r.status,
        r.content_type,
        r.body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if !head_only {
        let _ = stream.write_all(&r.body);
    }
    let _ = stream.flush();
}

fn text(status: &'static str, body: &str) -> Response {
    Response { status, content_type: "text/plain; charset=utf-8", body: body.as_bytes().to_vec() }
}

/// Answer one connection (one request; `Connection: close`).
fn handle(mut stream: TcpStream, out: &Path, shared: &Shared, host_ok: &[String]) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(clone) = stream.try_clone() else { return };
    let mut reader = BufReader::new(clone.take(16 * 1024));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut host = None;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                if let Some((k, v)) = line.split_once(':')
                    && k.trim().eq_ignore_ascii_case("host")
                {
                    host = Some(v.trim().to_ascii_lowercase());
                }
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let head_only = method == "HEAD";
    // Only pages addressed to this server: a page on another site cannot read it through a
    // DNS name that resolves to 127.0.0.1 (DNS rebinding).
    if !host.as_ref().is_some_and(|h| host_ok.contains(h)) {
        return respond(&mut stream, &text("421 Misdirected Request", "wrong host\n"), head_only);
    }
    if method != "GET" && !head_only {
        return respond(&mut stream, &text("405 Method Not Allowed", "GET only\n"), false);
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (version, overlay) = shared.snapshot();
    if path == VERSION_PATH {
        return respond(&mut stream, &text("200 OK", &version), head_only);
    }
    let response = match resolve(out, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) if content_type(&file).starts_with("text/html") => {
                let html = String::from_utf8_lossy(&bytes);
                Response {
                    status: "200 OK",
                    content_type: content_type(&file),
                    body: inject(&html, &version, &overlay).into_bytes(),
                }
            }
            Ok(bytes) => {
                Response { status: "200 OK", content_type: content_type(&file), body: bytes }
            }
            Err(_) => text("404 Not Found", "not found\n"),
        },
        None => {
            // An HTML 404 also reloads once the page exists and shows why it does not yet.
            let page = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head>\
<body><h1>Not found</h1><p>{}</p></body></html>",
                escape_html(path)
            );
            Response {
                status: "404 Not Found",
                content_type: "text/html; charset=utf-8",
                body: inject(&page, &version, &overlay).into_bytes(),
            }
        }
    };
    respond(&mut stream, &response, head_only);
}

/// Open `url` in the default browser, if a way to do so is at hand; failure is not an error.
fn open_browser(url: &str) {
    let candidates: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else if cfg!(windows) {
        &[("cmd", &["/C", "start", ""])]
    } else {
        &[("xdg-open", &[])]
    };
    for (program, args) in candidates {
        let spawned = std::process::Command::new(program)
            .args(*args)
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return;
        }
    }
    eprintln!("yoyak: could not open a browser; open {url} yourself");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inject_goes_before_the_last_body_end_tag() {
        let html = "<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = inject(html, "v1", "<div id=\"yoyak-overlay\"></div>");
        let at = out.find("</BODY>").unwrap();
        assert!(out[..at].contains("yoyak-overlay"));
        assert!(out[..at].contains("__yoyak/version"));
        assert!(out.ends_with("</BODY></html>"));
    }

    #[test]
    fn paths_cannot_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("build");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("index.html"), "x").unwrap();
        std::fs::write(out.join("a/b.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        assert!(resolve(&out, "/").is_some());
        assert!(resolve(&out, "/a/b.html").is_some());
        assert!(resolve(&out, "/a/%62.html").is_some());
        for bad in ["/../secret", "/a/../../secret", "/%2e%2e/secret", "/.yoyak-cache.json", "/%zz"]
        {
            assert!(resolve(&out, bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn overlay_text_is_escaped() {
        let o = overlay_message("<script>alert(1)</script>");
        assert!(!o.contains("<script>alert"));
        assert!(o.contains("&lt;script&gt;"));
    }
}
