#![no_main]
//! Fuzz target `import_formats`: see `fuzz/harness.rs`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| yoyak_fuzz::import_formats(data));
