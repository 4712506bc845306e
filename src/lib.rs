//! yoyak
pub mod numbers;
