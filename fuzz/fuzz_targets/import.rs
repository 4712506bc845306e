#![no_main]
//! Fuzz target `import`: see `fuzz/harness.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| yoyak_fuzz::import(data));
