//! Connections of `yoyak serve`, bounded in threads, sockets, memory and time.
//!
//! One thread accepts connections and reads their request heads without blocking, so a client
//! that connects and sends nothing costs a socket and a small buffer, never a thread. A head
//! must be complete within [`HEAD_TIMEOUT`] of connecting and within [`MAX_HEAD`] bytes. At
//! most [`MAX_PENDING`] heads are awaited at once: one more connection closes the one that has
//! waited longest, so a browser's fresh request always gets in. Complete requests go to a fixed
//! pool of [`WORKERS`] threads through a queue of [`MAX_QUEUED`]; when it is full the request
//! is answered `503` at once.
//!
//! Why this part is hand-written and not a server crate: tiny_http (0.12) accepts connections
//! itself and gives each one a thread from a pool that grows without bound, reads request
//! lines without a size limit and has no read timeout of its own, so none of the limits above
//! could be kept around it (it never hands over the socket before reading). hyper can bound
//! heads and their time, but needs an async runtime and closes a slow client without the
//! `408`; that is a lot of machinery for a loopback preview server. What a crate does well
//! is used: httparse parses the heads ([`super::http`]).

use super::http::{Head, Parsed, parse_head, refusal};
use super::routes::{Site, answer};
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Threads that answer complete requests (read the file, write the response).
pub const WORKERS: usize = 4;
/// Complete requests waiting for a worker; one more is answered `503 Service Unavailable`.
pub const MAX_QUEUED: usize = 64;
/// Connections whose request head is still arriving.
pub const MAX_PENDING: usize = 256;
/// The time from connecting to the end of the request head; a slower client gets `408`.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(2);
/// The largest request head (request line and headers); a larger one gets `431`.
pub const MAX_HEAD: usize = 16 * 1024;
/// A worker's timeout for each write of a response.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the reading thread sleeps when no awaited head made progress.
const POLL: Duration = Duration::from_millis(5);
/// Connections accepted between two rounds of reading, so reads keep up with a flood.
const ACCEPT_BURST: usize = 64;

/// A connection whose request head is still arriving.
struct Pending {
    stream: TcpStream,
    /// The bytes received so far (at most [`MAX_HEAD`] and one read more).
    received: Vec<u8>,
    /// When the connection was accepted.
    since: Instant,
}

/// A complete request head and its connection, for a worker.
struct Request {
    stream: TcpStream,
    /// The parsed head (GET and HEAD have no body to read).
    head: Head,
}

/// Serve `site` on `listener` until the process ends: start the workers, then accept and
/// read request heads on this thread.
pub(super) fn run(listener: TcpListener, site: Site) {
    let (queue, requests) = sync_channel::<Request>(MAX_QUEUED);
    let requests = Arc::new(Mutex::new(requests));
    let site = Arc::new(site);
    for _ in 0..WORKERS {
        let (requests, site) = (requests.clone(), site.clone());
        std::thread::spawn(move || work(&requests, &site));
    }
    let mut pending = VecDeque::new();
    loop {
        accept(&listener, &mut pending);
        if !read_heads(&mut pending, &queue) && !pending.is_empty() {
            std::thread::sleep(POLL);
        }
    }
}

/// A worker: answer queued requests one at a time, for as long as the queue exists.
fn work(requests: &Mutex<Receiver<Request>>, site: &Site) {
    loop {
        let next = requests.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(Request { mut stream, head }) = next else { return };
        if stream.set_nonblocking(false).is_err() {
            continue;
        }
        let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
        // A panic answering one request must not shrink the pool.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            answer(&mut stream, &head, site);
        }));
    }
}

/// Accept new connections: wait for one when no head is awaited, then take what is ready.
fn accept(listener: &TcpListener, pending: &mut VecDeque<Pending>) {
    if pending.is_empty() {
        let _ = listener.set_nonblocking(false);
        match listener.accept() {
            Ok((stream, _)) => admit(stream, pending),
            Err(_) => return std::thread::sleep(POLL),
        }
        let _ = listener.set_nonblocking(true);
    }
    for _ in 0..ACCEPT_BURST {
        match listener.accept() {
            Ok((stream, _)) => admit(stream, pending),
            Err(e) if e.kind() == ErrorKind::WouldBlock => return,
            Err(_) => {
                // Out of file descriptors, most likely: free one and let the backlog wait.
                if let Some(oldest) = pending.pop_front() {
                    refuse(oldest.stream, "503 Service Unavailable");
                }
                return std::thread::sleep(POLL);
            }
        }
    }
}

/// Start awaiting the head of a new connection, closing the longest-waiting one if full.
fn admit(stream: TcpStream, pending: &mut VecDeque<Pending>) {
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    if pending.len() >= MAX_PENDING
        && let Some(oldest) = pending.pop_front()
    {
        refuse(oldest.stream, "503 Service Unavailable");
    }
    pending.push_back(Pending { stream, received: Vec::new(), since: Instant::now() });
}

/// What one round of reading did to an awaited head.
enum Step {
    /// Nothing new (or not yet complete).
    Waiting { progressed: bool },
    /// The head is complete.
    Complete(Head),
    /// The head is larger than [`MAX_HEAD`] or has too many header lines.
    TooLarge,
    /// The bytes are not an HTTP/1.x request head.
    Invalid,
    /// The client closed the connection, or it failed.
    Gone,
}

/// Read what has arrived on one connection, without blocking.
fn read_some(p: &mut Pending) -> Step {
    let mut buf = [0u8; 4096];
    let mut progressed = false;
    loop {
        match p.stream.read(&mut buf) {
            Ok(0) => return Step::Gone,
            Ok(n) => {
                progressed = true;
                p.received.extend_from_slice(&buf[..n]);
                match parse_head(&p.received) {
                    Parsed::Complete(head) => return Step::Complete(head),
                    Parsed::TooManyHeaders => return Step::TooLarge,
                    Parsed::Invalid => return Step::Invalid,
                    Parsed::Partial if p.received.len() > MAX_HEAD => return Step::TooLarge,
                    Parsed::Partial => {}
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => return Step::Waiting { progressed },
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => return Step::Gone,
        }
    }
}

/// One round over the awaited heads: hand complete ones to the workers and drop those too
/// slow, too large or gone. Whether any connection made progress.
fn read_heads(pending: &mut VecDeque<Pending>, queue: &SyncSender<Request>) -> bool {
    let mut any = false;
    for _ in 0..pending.len() {
        let Some(mut p) = pending.pop_front() else { break };
        match read_some(&mut p) {
            Step::Complete(head) => {
                any = true;
                dispatch(Request { stream: p.stream, head }, queue);
            }
            Step::TooLarge => refuse(p.stream, "431 Request Header Fields Too Large"),
            Step::Invalid => refuse(p.stream, "400 Bad Request"),
            Step::Gone => any = true,
            Step::Waiting { .. } if p.since.elapsed() >= HEAD_TIMEOUT => {
                refuse(p.stream, "408 Request Timeout");
            }
            Step::Waiting { progressed } => {
                any |= progressed;
                pending.push_back(p);
            }
        }
    }
    any
}

/// Queue a complete request for the workers, or answer `503` at once when they are behind.
fn dispatch(request: Request, queue: &SyncSender<Request>) {
    match queue.try_send(request) {
        Ok(()) => {}
        Err(TrySendError::Full(r)) => refuse(r.stream, "503 Service Unavailable"),
        Err(TrySendError::Disconnected(_)) => {}
    }
}

/// Answer `status` without blocking (best effort: a fresh socket's buffer takes it) and close.
fn refuse(mut stream: TcpStream, status: &'static str) {
    let _ = stream.write_all(&refusal(status));
}
