//! One integration-test binary (as mdBook does), a module per feature.

mod common;
mod content;
mod hostile;
mod incremental;
mod numbers;
mod pipeline;
mod site;
