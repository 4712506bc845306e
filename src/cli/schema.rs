//! `yoyak schema`: print the JSON Schema of briefings or of `yoyak.yaml`.

use super::args::{SchemaArgs, SchemaKind};
use super::{CliError, Outcome};
use std::io::Write;

/// Print the schema `args.kind` names, pretty JSON on standard output.
pub fn run(args: &SchemaArgs) -> Result<Outcome, CliError> {
    let schema = match args.kind {
        SchemaKind::Briefing => yoyak::content::schema::briefing_schema(),
        SchemaKind::Config => yoyak::content::schema::config_schema(),
    };
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    // A closed pipe is not an error worth reporting.
    let _ = writeln!(std::io::stdout(), "{text}");
    Ok(Outcome::Clean)
}
