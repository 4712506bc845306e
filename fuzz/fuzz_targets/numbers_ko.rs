#![no_main]
//! Fuzz target `numbers_ko`: see `fuzz/harness.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| yoyak_fuzz::numbers(data, "ko"));
