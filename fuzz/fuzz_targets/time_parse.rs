//! Any text as a time a responder typed: an answer or an error, never a panic.
#![no_main]

use chrono::TimeZone;
use debrief_core::time::parse_time;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let now = chrono::FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
    let _ = parse_time(text, &now);
    let _ = parse_time(text, &chrono::Local::now());
});
