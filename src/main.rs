//! The `yoyak` command line: parse arguments, run a command, print, exit with a code that says
//! what happened (0 clean, 1 content errors, 2 usage or I/O failure). The commands live in
//! [`cli`], one module each.

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => cli::build::run(&args),
        Command::Check(args) => cli::check::run(&args),
        Command::Schema(args) => cli::schema::run(&args),
        Command::New(args) => cli::new::run(&args),
        Command::Init(args) => cli::init::run(&args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Completions(args) => cli::completions::run(&args),
        Command::Man(args) => cli::man::run(&args),
        Command::Import(args) => cli::import::run(args),
    };
    cli::exit_code(result)
}

/// Tune glibc's allocator for a build's pattern: buffers of a megabyte or so (a PDF, a font
/// subset, a page's layout) made and dropped thousands of times. By default each came from a
/// fresh `mmap` and went back with `munmap`, every page of it faulted in and zeroed again (a
/// cold build of 1,000 briefings: 575,000 page faults, now 49,000). Below 32 MB (glibc's
/// largest threshold) they now come from the heap and are reused; the heap grows in 16 MB
/// steps instead of 128 KB (each step an `mprotect` that stalls the other worker's faults)
/// and keeps up to 64 MB free at its top.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: `mallopt` only sets tuning parameters of the allocator, and is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

/// Other allocators keep their own defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
