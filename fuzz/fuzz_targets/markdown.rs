#![no_main]
//! Fuzz target `markdown`: see `fuzz/harness.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| yoyak_fuzz::markdown(data));
