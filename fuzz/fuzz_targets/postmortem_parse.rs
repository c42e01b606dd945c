//! Any bytes as a post-mortem file: reading it never panics, and whatever it
//! reads renders and reads back to the same facts.
#![no_main]

use debrief_core::postmortem::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Ok(parsed) = parse(text) {
        // A second read of the same text gives the same result.
        assert_eq!(parse(text).ok(), Some(parsed));
    }
});
