//! One integration-test binary (as mdBook does), a module per feature.

mod check;
mod common;
mod constructs;
mod content;
mod crash;
mod editors;
mod hostile;
mod import;
mod incremental;
mod links;
mod numbers;
mod pipeline;
mod site;
mod untrusted;
