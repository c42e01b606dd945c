//! The words "seen before" compares incidents by: each word of the telling text reduced to
//! its stem ("timeouts" and "timeout" are one term), and each pair of neighbouring words
//! ("connection pool") as a term of its own, because a shared phrase says much more than
//! its two words apart. Words that tell no incident from another never become terms:
//! English function words, numbers, times and dates, units of time and the bits of web
//! addresses. HTTP error codes (`502`) are kept: they are often what two outages share.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// Joins the stems of a two-word phrase; the index's tokenizer keeps it inside a term.
pub const PHRASE_JOINER: char = '_';

/// One word or two-word phrase: `key` is what is matched, `surface` what a reader is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub key: String,
    pub surface: String,
    pub phrase: bool,
}

/// Turns text into terms, remembering stems already worked out (indexing reads the same
/// words over and over).
pub struct Vocabulary {
    stemmer: Stemmer,
    stems: HashMap<String, String>,
}

impl Default for Vocabulary {
    fn default() -> Vocabulary {
        Vocabulary { stemmer: Stemmer::create(Algorithm::English), stems: HashMap::new() }
    }
}

impl Vocabulary {
    /// The stem of a telling lowercase word, worked out once per word.
    fn stem(&mut self, word: &str) -> &str {
        if !self.stems.contains_key(word) {
            let stem = if word.chars().all(char::is_alphabetic) {
                self.stemmer.stem(word).into_owned()
            } else {
                word.to_string()
            };
            // A stem is never empty and never contains the joiner: words are letters and digits.
            let stem = if stem.is_empty() { word.to_string() } else { stem };
            self.stems.insert(word.to_string(), stem);
        }
        &self.stems[word]
    }

    /// Calls `each(stem, word, before)` for every telling word of `text` in order, with `before`
    /// the stem and word just before it when nothing but spaces, hyphens, slashes or quotes
    /// part them (a phrase).
    fn walk(&mut self, text: &str, mut each: impl FnMut(&str, &str, Option<(&str, &str)>)) {
        let mut word = String::new();
        let (mut before_stem, mut before_word) = (String::new(), String::new());
        let mut has_before = false;
        let mut joined = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
                if chars.peek().is_some_and(|next| next.is_alphanumeric()) {
                    continue;
                }
                if is_telling(&word) {
                    let stem = self.stem(&word);
                    let before = (has_before && joined).then_some((before_stem.as_str(), before_word.as_str()));
                    each(stem, &word, before);
                    before_stem.clear();
                    before_stem.push_str(stem);
                    std::mem::swap(&mut before_word, &mut word);
                    has_before = true;
                    joined = true;
                } else {
                    has_before = false;
                }
                word.clear();
            } else if !matches!(c, ' ' | '\t' | '-' | '/' | '_' | '\'' | '\u{2019}' | '"' | '`' | '*') {
                // Sentence and clause ends, brackets and line breaks part a phrase.
                joined = false;
            }
        }
    }

    /// Every term of `text` in order, repeats included: each telling word, and each pair of
    /// telling words with nothing but spaces, hyphens, slashes or quotes between them.
    pub fn terms(&mut self, text: &str, mut each: impl FnMut(Term)) {
        self.walk(text, |stem, word, before| {
            if let Some((before_stem, before_word)) = before {
                each(Term {
                    key: format!("{before_stem}{PHRASE_JOINER}{stem}"),
                    surface: format!("{before_word} {word}"),
                    phrase: true,
                });
            }
            each(Term { key: stem.to_string(), surface: word.to_string(), phrase: false });
        });
    }

    /// The keys of every term of `text`, added to `keys` (what indexing stores, without the
    /// words as written).
    pub fn add_keys(&mut self, text: &str, keys: &mut HashSet<String>) {
        let mut phrase = String::new();
        self.walk(text, |stem, _, before| {
            if let Some((before_stem, _)) = before {
                phrase.clear();
                phrase.push_str(before_stem);
                phrase.push(PHRASE_JOINER);
                phrase.push_str(stem);
                if !keys.contains(phrase.as_str()) {
                    keys.insert(phrase.clone());
                }
            }
            if !keys.contains(stem) {
                keys.insert(stem.to_string());
            }
        });
    }
}

/// Whether a lowercase word can tell one incident from another.
fn is_telling(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if chars.next().is_none() {
        return false;
    }
    if first.is_numeric() {
        // Numbers, times, dates and durations ("14", "2026", "30s", "3rd") say nothing about what
        // happened; HTTP error codes ("502", "5xx") do.
        let bytes = word.as_bytes();
        return bytes.len() == 3
            && matches!(bytes[0], b'4' | b'5')
            && bytes[1..].iter().all(|byte| byte.is_ascii_digit() || *byte == b'x');
    }
    STOP_WORDS.binary_search(&word).is_err()
}

/// English function words, words about time and dates, and the bits of web addresses.
/// Sorted, for binary search (a test checks).
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "apr",
    "april",
    "are",
    "aren",
    "around",
    "as",
    "at",
    "aug",
    "august",
    "away",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "bst",
    "but",
    "by",
    "can",
    "cannot",
    "cest",
    "cet",
    "co",
    "com",
    "could",
    "couldn",
    "day",
    "days",
    "dec",
    "december",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "done",
    "down",
    "due",
    "during",
    "each",
    "edt",
    "eg",
    "either",
    "else",
    "est",
    "etc",
    "even",
    "ever",
    "every",
    "feb",
    "february",
    "few",
    "first",
    "for",
    "friday",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "gmt",
    "go",
    "going",
    "got",
    "had",
    "hadn",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "hour",
    "hours",
    "how",
    "however",
    "hr",
    "hrs",
    "html",
    "http",
    "https",
    "ie",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "itself",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "last",
    "later",
    "least",
    "less",
    "let",
    "like",
    "ll",
    "made",
    "make",
    "makes",
    "many",
    "mar",
    "march",
    "may",
    "me",
    "might",
    "min",
    "mins",
    "minute",
    "minutes",
    "monday",
    "month",
    "months",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "need",
    "needed",
    "neither",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "nov",
    "november",
    "now",
    "oct",
    "october",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "org",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "pdt",
    "per",
    "pm",
    "pst",
    "quite",
    "rather",
    "re",
    "really",
    "saturday",
    "second",
    "seconds",
    "sep",
    "sept",
    "september",
    "several",
    "shall",
    "she",
    "should",
    "shouldn",
    "since",
    "so",
    "some",
    "something",
    "soon",
    "still",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thursday",
    "thus",
    "to",
    "today",
    "too",
    "took",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "using",
    "utc",
    "ve",
    "very",
    "via",
    "was",
    "wasn",
    "we",
    "wednesday",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "would",
    "wouldn",
    "www",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        Vocabulary::default().terms(text, |term| found.push((term.key, term.surface)));
        found
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]), "keep STOP_WORDS sorted and unique");
    }

    #[test]
    fn words_become_stems_and_neighbours_phrases() {
        assert_eq!(
            terms("The connection pool timeouts."),
            [
                ("connect".to_string(), "connection".to_string()),
                ("connect_pool".to_string(), "connection pool".to_string()),
                ("pool".to_string(), "pool".to_string()),
                ("pool_timeout".to_string(), "pool timeouts".to_string()),
                ("timeout".to_string(), "timeouts".to_string()),
            ]
        );
        assert_eq!(terms("Timeout")[0].0, terms("timeouts")[0].0);
    }

    #[test]
    fn the_keys_indexed_are_the_keys_of_the_terms() {
        let text = "Connection pool exhausted on db-2; the gateway timeouts (502) followed.";
        let mut keys = HashSet::new();
        Vocabulary::default().add_keys(text, &mut keys);
        let expected: HashSet<String> = terms(text).into_iter().map(|(key, _)| key).collect();
        assert_eq!(keys, expected);
        assert!(keys.contains("connect_pool") && keys.contains("gateway_timeout") && keys.contains("502"));
    }

    #[test]
    fn punctuation_and_dropped_words_part_phrases() {
        let keys: Vec<String> = terms("pool, timeout; retry of cache (dns)").into_iter().map(|(key, _)| key).collect();
        assert_eq!(keys, ["pool", "timeout", "retri", "cach", "dns"]);
    }

    #[test]
    fn numbers_times_and_dates_are_not_terms_but_error_codes_are() {
        let keys: Vec<String> = terms("At 14:05 UTC on 2026-11-23, the 3rd: 502 and 5xx from ec2 for 30s")
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        assert_eq!(keys, ["502", "5xx", "ec2"]);
    }
}
