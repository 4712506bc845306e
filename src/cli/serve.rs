//! `yoyak serve`: the live preview server (it prints its own progress).

use super::args::ServeArgs;
use super::{CliError, Outcome};
use yoyak::serve::{ServeOptions, serve};

/// Serve until interrupted.
pub fn run(args: ServeArgs) -> Result<Outcome, CliError> {
    let ServeArgs { root, port, open } = args;
    serve(&ServeOptions { root, port, open })?;
    Ok(Outcome::Clean)
}
