#![no_main]
//! Fuzz target `load`: see `fuzz/harness.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| yoyak_fuzz::load(data));
