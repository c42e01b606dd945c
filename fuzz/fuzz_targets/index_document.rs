//! Any bytes as a file in the shared repository: indexed as well as it can be, never a panic.
#![no_main]

use debrief_core::index::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = read("incidents/2026/2026-11-23-fuzz.md", bytes);
});
