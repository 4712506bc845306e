//! One integration-test binary (as mdBook does), a module per feature.

mod check;
mod common;
mod content;
mod editors;
mod fuzz_regressions;
mod hostile;
mod import;
mod incremental;
mod linear;
mod numbers;
mod pipeline;
mod site;
mod terminal;
