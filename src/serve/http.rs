//! HTTP/1.1 on the wire for `yoyak serve`: request heads parsed with httparse, responses
//! encoded whole (`Connection: close`) and written within a deadline.

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The most header lines a request head may have; more are answered like a head that is
/// too large. Browsers send a couple of dozen.
const MAX_HEADERS: usize = 100;

/// The longest a response may take to write, however slowly the client reads.
const WRITE_DEADLINE: Duration = Duration::from_secs(30);

/// The parts of a request head that matter here.
#[derive(Debug, PartialEq)]
pub(super) struct Head {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent (path, query and all).
    pub target: String,
    /// The last `Host` header, trimmed and in lower case.
    pub host: Option<String>,
}

/// What the bytes received so far make of a request head.
#[derive(Debug, PartialEq)]
pub(super) enum Parsed {
    /// Not complete yet: keep reading.
    Partial,
    /// A complete head (anything after it is ignored: GET and HEAD carry no body).
    Complete(Head),
    /// More than [`MAX_HEADERS`] header lines.
    TooManyHeaders,
    /// Not an HTTP/1.x request head.
    Invalid,
}

/// Parse the bytes received so far as a request head (lines end in CRLF or LF).
pub(super) fn parse_head(bytes: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(bytes) {
        Ok(httparse::Status::Partial) => Parsed::Partial,
        Ok(httparse::Status::Complete(_)) => {
            let host = request.headers.iter().rev().find(|h| h.name.eq_ignore_ascii_case("host"));
            Parsed::Complete(Head {
                method: request.method.unwrap_or_default().to_string(),
                target: request.path.unwrap_or("/").to_string(),
                host: host.map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase()),
            })
        }
        Err(httparse::Error::TooManyHeaders) => Parsed::TooManyHeaders,
        Err(_) => Parsed::Invalid,
    }
}

/// A response, whole in memory (files under `build/` are a few megabytes at most).
pub(super) struct Response {
    /// Status code and reason, e.g. `200 OK`.
    pub status: &'static str,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body (sent for GET, only counted for HEAD).
    pub body: Vec<u8>,
}

/// The bytes of `r` as sent: the head, and the body unless the request was a HEAD.
pub(super) fn encode(r: &Response, head_only: bool) -> Vec<u8> {
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
pub(super) fn text(status: &'static str, body: &str) -> Response {
    Response { status, content_type: "text/plain; charset=utf-8", body: body.as_bytes().to_vec() }
}

/// The whole of a plain-text answer with `status` and no request behind it (a refusal).
pub(super) fn refusal(status: &'static str) -> Vec<u8> {
    let body = format!("{status}\n");
    encode(&text(status, &body), false)
}

/// Write `bytes` in pieces, giving up once [`WRITE_DEADLINE`] has passed: a client that
/// reads a byte at a time cannot hold a worker for long (each write also has a timeout).
pub(super) fn send(stream: &mut TcpStream, bytes: &[u8]) {
    let started = Instant::now();
    for chunk in bytes.chunks(64 * 1024) {
        if started.elapsed() > WRITE_DEADLINE || stream.write_all(chunk).is_err() {
            return;
        }
    }
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head parsed from `bytes`, which must be complete.
    fn complete(bytes: &[u8]) -> Head {
        match parse_head(bytes) {
            Parsed::Complete(head) => head,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn request_heads_end_at_the_first_empty_line_and_parse() {
        assert_eq!(parse_head(b"GET / HTTP/1.1\r\nHost: a\r\n"), Parsed::Partial);
        assert_eq!(parse_head(b""), Parsed::Partial);
        assert_eq!(complete(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nbody").host.as_deref(), Some("a"));
        assert_eq!(complete(b"GET / HTTP/1.1\nHost: a\n\n").host.as_deref(), Some("a"));
        let head = complete(b"GET /x?y HTTP/1.1\r\nX: 1\r\nhOsT:  127.0.0.1:80 \r\n\r\n");
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/x?y");
        assert_eq!(head.host.as_deref(), Some("127.0.0.1:80"));
        assert_eq!(complete(b"GET / HTTP/1.1\r\n\r\n").host, None);
        assert_eq!(parse_head(b"\x00\x01 nonsense\r\n\r\n"), Parsed::Invalid);
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X: 1\r\n".repeat(MAX_HEADERS + 1));
        assert_eq!(parse_head(many.as_bytes()), Parsed::TooManyHeaders);
    }
}
