//! Incident ids: the start date and a slug of the title (`2026-11-23-checkout-latency`).
//! They name the published file later, so they must be safe as a path component
//! whatever the title holds: no separators, no dots, no control characters, bounded length.

use chrono::{DateTime, FixedOffset};

/// Longest slug kept from a title; long titles are cut at a word boundary.
const MAX_SLUG_CHARS: usize = 60;

/// The id an incident started at `started_at` with `title` gets, before any numbering for duplicates.
pub fn base_id(started_at: &DateTime<FixedOffset>, title: &str) -> String {
    format!("{}-{}", started_at.format("%Y-%m-%d"), slug(title))
}

/// Lowercase ASCII words joined by dashes; non-Latin text is transliterated.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let mut slug = String::new();
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        let separator = usize::from(!slug.is_empty());
        if slug.len() + separator + word.len() > MAX_SLUG_CHARS {
            if slug.is_empty() {
                slug.push_str(&word[..MAX_SLUG_CHARS]);
            }
            break;
        }
        if separator == 1 {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() { "incident".to_string() } else { slug }
}

/// `bytes` random bytes as lowercase hex: names that must not collide across laptops (a
/// responder, a copy of Debrief). Without /dev/urandom, the clock and the process stand in.
pub fn random_hex(bytes: usize) -> String {
    let mut random = vec![0u8; bytes];
    let read =
        std::fs::File::open("/dev/urandom").and_then(|mut source| std::io::Read::read_exact(&mut source, &mut random));
    if read.is_err() {
        for (index, chunk) in random.chunks_mut(8).enumerate() {
            let seed = std::hash::BuildHasher::hash_one(
                &std::collections::hash_map::RandomState::new(),
                (std::time::SystemTime::now(), std::process::id(), index),
            );
            chunk.copy_from_slice(&seed.to_le_bytes()[..chunk.len()]);
        }
    }
    random.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("Checkout latency: p99 > 2s!"), "checkout-latency-p99-2s");
        assert_eq!(slug("  --Hello__World--  "), "hello-world");
    }

    #[test]
    fn hostile_titles_make_safe_slugs() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("a\0b"), "a-b");
        assert_eq!(slug("🔥🔥🔥"), "fire-fire-fire");
        assert_eq!(slug("..."), "incident");
        assert_eq!(slug(""), "incident");
    }

    #[test]
    fn non_latin_titles_are_transliterated() {
        assert_eq!(slug("Störung im Zahlungsdienst"), "storung-im-zahlungsdienst");
        assert_eq!(slug("東京 outage"), "dong-jing-outage");
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let long = "word ".repeat(100);
        let cut = slug(&long);
        assert!(cut.len() <= MAX_SLUG_CHARS);
        assert!(!cut.ends_with('-'));
        assert_eq!(slug(&"x".repeat(500)).len(), MAX_SLUG_CHARS);
    }

    #[test]
    fn ids_start_with_the_local_date_of_the_start() {
        let started = DateTime::parse_from_rfc3339("2026-11-23T23:30:00-05:00").unwrap();
        assert_eq!(base_id(&started, "DNS outage"), "2026-11-23-dns-outage");
    }
}
