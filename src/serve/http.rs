//! Answering one request of `yoyak serve`: GET and HEAD of files under `build/` (HTML with the
//! live-reload script and the error overlay), and the build version. How connections are
//! accepted and their requests read is in [`super::conn`].

use super::overlay::{escape_html, inject};
use super::{Shared, VERSION_PATH};
use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest a response may take to write, however slowly the client reads.
const WRITE_DEADLINE: Duration = Duration::from_secs(30);

/// What every request is answered from: the output folder, the live state and the `Host`
/// values that address this server.
pub(super) struct Site {
    /// The output folder served.
    pub out: PathBuf,
    /// The latest build's version and overlay.
    pub shared: Shared,
    /// `127.0.0.1:PORT` and `localhost:PORT`.
    pub host_ok: Vec<String>,
}

/// The parts of a request head that matter here.
#[derive(Debug, PartialEq)]
struct Head {
    method: String,
    target: String,
    host: Option<String>,
}

/// Where a request head ends: the length up to and including its empty line, if it has one.
pub(super) fn head_end(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).find_map(|i| {
        let rest = &bytes[i..];
        if rest.starts_with(b"\n\r\n") {
            Some(i + 3)
        } else if rest.starts_with(b"\n\n") {
            Some(i + 2)
        } else {
            None
        }
    })
}

/// Method, target and `Host` of a request head (lines end in CRLF or LF).
fn parse_head(head: &[u8]) -> Head {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut parts = lines.next().unwrap_or("").split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let mut host = None;
    for line in lines.take_while(|l| !l.trim().is_empty()) {
        if let Some((k, v)) = line.split_once(':')
            && k.trim().eq_ignore_ascii_case("host")
        {
            host = Some(v.trim().to_ascii_lowercase());
        }
    }
    Head { method, target, host }
}

/// A response, whole in memory (files under `build/` are a few megabytes at most).
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

/// The bytes of `r` as sent: the head, and the body unless the request was a HEAD.
fn encode(r: &Response, head_only: bool) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        r.status,
        r.content_type,
        r.body.len()
    )
    .into_bytes();
    if !head_only {
        bytes.extend_from_slice(&r.body);
    }
    bytes
}

/// A short plain-text response.
fn text(status: &'static str, body: &str) -> Response {
    Response { status, content_type: "text/plain; charset=utf-8", body: body.as_bytes().to_vec() }
}

/// The whole of a plain-text answer with `status` and no request behind it (a refusal).
pub(super) fn refusal(status: &'static str) -> Vec<u8> {
    let body = format!("{status}\n");
    encode(&text(status, &body), false)
}

/// Write `bytes` in pieces, giving up once [`WRITE_DEADLINE`] has passed: a client that
/// reads a byte at a time cannot hold a worker for long (each write also has a timeout).
fn send(stream: &mut TcpStream, bytes: &[u8]) {
    let started = Instant::now();
    for chunk in bytes.chunks(64 * 1024) {
        if started.elapsed() > WRITE_DEADLINE || stream.write_all(chunk).is_err() {
            return;
        }
    }
    let _ = stream.flush();
}

/// Answer the request whose head is `head` on `stream` (one request; `Connection: close`).
pub(super) fn answer(stream: &mut TcpStream, head: &[u8], site: &Site) {
    let head = parse_head(head);
    let head_only = head.method == "HEAD";
    send(stream, &encode(&response(&head, site), head_only));
}

/// The response to a parsed request.
fn response(head: &Head, site: &Site) -> Response {
    // Only pages addressed to this server: a page on another site cannot read it through a
    // DNS name that resolves to 127.0.0.1 (DNS rebinding).
    if !head.host.as_ref().is_some_and(|h| site.host_ok.contains(h)) {
        return text("421 Misdirected Request", "wrong host\n");
    }
    if head.method != "GET" && head.method != "HEAD" {
        return text("405 Method Not Allowed", "GET only\n");
    }
    let path = head.target.split(['?', '#']).next().unwrap_or("/");
    let (version, overlay) = site.shared.snapshot();
    if path == VERSION_PATH {
        return text("200 OK", &version);
    }
    match resolve(&site.out, path) {
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
    }
}

/// The `Content-Type` of a served file, by its extension.
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn request_heads_end_at_the_first_empty_line_and_parse() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\n"), Some(24));
        let head = parse_head(b"GET /x?y HTTP/1.1\r\nX: 1\r\nhOsT:  127.0.0.1:80 \r\n\r\n");
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/x?y");
        assert_eq!(head.host.as_deref(), Some("127.0.0.1:80"));
        assert_eq!(parse_head(b"").method, "");
    }
}
