//! Keys for imported lines that carry no id of their own (a chat log line, another
//! responder's timeline line): made from the line's instant and content, so importing
//! the same source again finds the same keys and adds nothing twice.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

/// Numbers repeats of the same content at the same instant (`ok`, `ok`), so each keeps a key of
/// its own. Only the current instant is remembered: sources come in time order.
#[derive(Default)]
pub(crate) struct Repeats {
    instant: i64,
    seen: HashMap<u128, usize>,
}

impl Repeats {
    /// A key for a line identified by its content: the same line in the same place gets the same key.
    pub fn content_key(&mut self, prefix: &str, at: &DateTime<FixedOffset>, parts: &[&str]) -> String {
        let instant = at.timestamp_micros();
        if instant != self.instant {
            self.instant = instant;
            self.seen.clear();
        }
        let mut hash = Fnv128::default();
        hash.write(&instant.to_le_bytes());
        for part in parts {
            hash.write(&(part.len() as u64).to_le_bytes());
            hash.write(part.as_bytes());
        }
        let digest = hash.finish();
        let repeat = self.seen.entry(digest).or_insert(0);
        *repeat += 1;
        format!("{prefix}:{digest:032x}:{repeat}")
    }
}

/// FNV-1a with 128 bits: a stable hash (unlike std's, it never changes between Rust releases),
/// and with 128 bits no two different lines of any real source share a key.
struct Fnv128(u128);

impl Default for Fnv128 {
    fn default() -> Fnv128 {
        Fnv128(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
}

impl Fnv128 {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u128::from(*byte);
            self.0 = self.0.wrapping_mul(Fnv128::PRIME);
        }
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn repeats_at_one_instant_get_keys_of_their_own_and_the_same_keys_again() {
        let at = DateTime::parse_from_rfc3339("2026-11-23T14:02:00+01:00").unwrap();
        let later = at + Duration::seconds(1);
        let keys = |repeats: &mut Repeats| {
            vec![
                repeats.content_key("log", &at, &["alice", "ok"]),
                repeats.content_key("log", &at, &["alice", "ok"]),
                repeats.content_key("log", &at, &["alice", "ok!"]),
                repeats.content_key("log", &later, &["alice", "ok"]),
            ]
        };
        let first = keys(&mut Repeats::default());
        assert_ne!(first[0], first[1]);
        assert_ne!(first[0], first[2]);
        assert_ne!(first[0], first[3]);
        assert_eq!(first, keys(&mut Repeats::default()));
        // The parts are length-prefixed: moving a boundary changes the key.
        let mut repeats = Repeats::default();
        assert_ne!(repeats.content_key("log", &at, &["ab", "c"]), repeats.content_key("log", &at, &["a", "bc"]));
    }
}
