//! The `yoyak` command line: parse arguments, run a command, print, exit with a code that says
//! what happened (0 clean, 1 content errors, 2 usage or I/O failure). The commands live in
//! [`cli`], one module each.

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
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
