//! Any text typed into the capture line: taken apart without a panic.
#![no_main]

use debrief_core::capture::parse_line;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = parse_line(text);
    }
});
