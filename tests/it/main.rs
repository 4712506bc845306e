//! One integration-test binary (as mdBook does), a module per feature.

mod architecture;
mod check;
mod common;
mod constructs;
mod content;
mod crash;
mod editors;
mod fuzz_regressions;
mod hostile;
mod hwpx;
mod hwpx_readers;
mod import;
mod import_corpus;
mod import_formats;
mod incremental;
mod linear;
mod links;
mod numbers;
mod pipeline;
mod press_release;
mod refs;
mod site;
mod terminal;
mod untrusted;
