//! One fast pass over all the prose of a document that finds the words without
//! which no rule can fire, so that only the few sentences holding them are split
//! into words and read by the rules. Most sentences of a post-mortem never are.
//!
//! It reads words, not substrings, so "adjust" is not "just" and "shadow" not
//! "had"; and it knows which words only matter together: a modal and a form of
//! "have" ("could ... have"), "had" with "if" or "been" ("if we had", "had
//! backups been"), "human" before "error". Each word costs one hash-table
//! lookup; only the few dozen known words are looked at further.

/// What a word says about its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    Modal,
    Have,
    Had,
    /// "if" or "been", which make "had" worth reading.
    Condition,
    /// Enough on its own for a rule to look.
    Alone,
}

/// Which kinds of trigger a sentence holds.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Triggered {
    modal: bool,
    have: bool,
    had: bool,
    condition: bool,
    alone: bool,
}

impl Triggered {
    pub fn add(&mut self, trigger: Trigger) {
        match trigger {
            Trigger::Modal => self.modal = true,
            Trigger::Have => self.have = true,
            Trigger::Had => self.had = true,
            Trigger::Condition => self.condition = true,
            Trigger::Alone => self.alone = true,
        }
    }

    pub fn worth_reading(self) -> bool {
        self.alone || (self.modal && self.have) || (self.had && self.condition)
    }
}

/// The known words, by the part they play; every other word is [`W::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Other,
    /// A trigger whatever its neighbours: "hindsight", "just", "careless", "would've".
    Alone,
    Modal,
    /// "could", also in "how could".
    Could,
    Have,
    /// "has", "need": before "to do" in "all they had to do".
    NeedLike,
    Had,
    If,
    Been,
    Of,
    /// A subject after an inverted "had": "had we", "had the".
    Subject,
    The,
    Their,
    Only,
    Looking,
    Back,
    Knowing,
    What,
    How,
    Did,
    Signs,
    Were,
    /// "failed", "omitted", "thought": before "to".
    FailedLike,
    To,
    Do,
    Error,
    /// Whose error: "human", "operator", "my".
    Owner,
    Article,
    Made,
    Easy,
    Oversight,
    Rocket,
    Science,
    Messed,
    Up,
    Dropped,
    Ball,
    It,
    Upon,
    /// A word ending in "'s": "Bob's".
    Possessive,
}

/// Words longer than this are never known (the longest is "irresponsibility").
const LONGEST: usize = 24;

const KNOWN: &[(&[u8], W)] = &[
    (b"would", W::Modal),
    (b"should", W::Modal),
    (b"might", W::Modal),
    (b"may", W::Modal),
    (b"must", W::Modal),
    (b"ought", W::Modal),
    (b"wouldn't", W::Modal),
    (b"couldn't", W::Modal),
    (b"shouldn't", W::Modal),
    (b"mightn't", W::Modal),
    (b"mustn't", W::Modal),
    (b"could", W::Could),
    (b"would've", W::Alone),
    (b"could've", W::Alone),
    (b"should've", W::Alone),
    (b"might've", W::Alone),
    (b"must've", W::Alone),
    (b"woulda", W::Alone),
    (b"coulda", W::Alone),
    (b"shoulda", W::Alone),
    (b"have", W::Have),
    (b"has", W::NeedLike),
    (b"need", W::NeedLike),
    (b"needs", W::NeedLike),
    (b"needed", W::NeedLike),
    (b"had", W::Had),
    (b"hadn't", W::Had),
    (b"if", W::If),
    (b"been", W::Been),
    (b"of", W::Of),
    (b"we", W::Subject),
    (b"i", W::Subject),
    (b"you", W::Subject),
    (b"he", W::Subject),
    (b"she", W::Subject),
    (b"they", W::Subject),
    (b"someone", W::Subject),
    (b"anyone", W::Subject),
    (b"our", W::Subject),
    (b"the", W::The),
    (b"their", W::Their),
    (b"only", W::Only),
    (b"looking", W::Looking),
    (b"back", W::Back),
    (b"knowing", W::Knowing),
    (b"what", W::What),
    (b"how", W::How),
    (b"did", W::Did),
    (b"signs", W::Signs),
    (b"flags", W::Signs),
    (b"were", W::Were),
    (b"was", W::Were),
    (b"failed", W::FailedLike),
    (b"fails", W::FailedLike),
    (b"omitted", W::FailedLike),
    (b"thought", W::FailedLike),
    (b"cared", W::FailedLike),
    (b"to", W::To),
    (b"do", W::Do),
    (b"error", W::Error),
    (b"errors", W::Error),
    (b"human", W::Owner),
    (b"operator", W::Owner),
    (b"user", W::Owner),
    (b"pilot", W::Owner),
    (b"engineer", W::Owner),
    (b"people", W::Owner),
    (b"personnel", W::Owner),
    (b"my", W::Owner),
    (b"his", W::Owner),
    (b"her", W::Owner),
    (b"your", W::Owner),
    (b"a", W::Article),
    (b"an", W::Article),
    (b"made", W::Made),
    (b"make", W::Made),
    (b"makes", W::Made),
    (b"making", W::Made),
    (b"easy", W::Easy),
    (b"trivial", W::Easy),
    (b"simple", W::Easy),
    (b"oversight", W::Oversight),
    (b"typo", W::Oversight),
    (b"rocket", W::Rocket),
    (b"science", W::Science),
    (b"messed", W::Messed),
    (b"screwed", W::Messed),
    (b"up", W::Up),
    (b"dropped", W::Dropped),
    (b"ball", W::Ball),
    (b"it", W::It),
    (b"upon", W::Upon),
    (b"mistake", W::Alone),
    (b"mistakes", W::Alone),
    (b"hindsight", W::Alone),
    (b"retrospect", W::Alone),
    (b"retrospection", W::Alone),
    (b"why", W::Alone),
    (b"obvious", W::Alone),
    (b"obviously", W::Alone),
    (b"clearly", W::Alone),
    (b"plainly", W::Alone),
    (b"finally", W::Alone),
    (b"just", W::Alone),
    (b"simply", W::Alone),
    (b"merely", W::Alone),
    (b"easily", W::Alone),
    (b"trivially", W::Alone),
    (b"missed", W::Alone),
    (b"ignored", W::Alone),
    (b"overlooked", W::Alone),
    (b"botched", W::Alone),
    (b"fumbled", W::Alone),
    (b"fat-fingered", W::Alone),
    (b"fat-finger", W::Alone),
    (b"forgot", W::Alone),
    (b"forgets", W::Alone),
    (b"forgotten", W::Alone),
    (b"neglected", W::Alone),
    (b"neglects", W::Alone),
    (b"neglect", W::Alone),
    (b"avoidable", W::Alone),
    (b"preventable", W::Alone),
    (b"foreseeable", W::Alone),
    (b"predictable", W::Alone),
    (b"blunder", W::Alone),
    (b"blunders", W::Alone),
    (b"fault", W::Alone),
    (b"screw-up", W::Alone),
    (b"screwup", W::Alone),
    (b"pebkac", W::Alone),
    (b"pebcak", W::Alone),
    (b"without", W::Alone),
    (b"bother", W::Alone),
    (b"bothered", W::Alone),
    (b"no-brainer", W::Alone),
    // Judgements of character.
    (b"careless", W::Alone),
    (b"carelessly", W::Alone),
    (b"carelessness", W::Alone),
    (b"negligent", W::Alone),
    (b"negligently", W::Alone),
    (b"negligence", W::Alone),
    (b"sloppy", W::Alone),
    (b"sloppily", W::Alone),
    (b"sloppiness", W::Alone),
    (b"reckless", W::Alone),
    (b"recklessly", W::Alone),
    (b"recklessness", W::Alone),
    (b"lazy", W::Alone),
    (b"laziness", W::Alone),
    (b"lazily", W::Alone),
    (b"incompetent", W::Alone),
    (b"incompetence", W::Alone),
    (b"irresponsible", W::Alone),
    (b"irresponsibly", W::Alone),
    (b"irresponsibility", W::Alone),
    (b"inattentive", W::Alone),
    (b"inattention", W::Alone),
    (b"thoughtless", W::Alone),
    (b"thoughtlessly", W::Alone),
    (b"clueless", W::Alone),
    (b"stupid", W::Alone),
    (b"stupidity", W::Alone),
    (b"idiot", W::Alone),
    (b"idiots", W::Alone),
    (b"idiotic", W::Alone),
    (b"foolish", W::Alone),
    (b"foolishly", W::Alone),
];

/// Slots in the lookup table; a power of two well above `KNOWN.len()`, so most
/// unknown words end at an empty slot after one probe.
const SLOTS: usize = 2048;

/// The known words: an open-addressing table by [`slot_of`], and for each first
/// letter a bit mask of the lengths of the known words starting with it, which
/// turns most words away before they are hashed.
struct Table {
    /// Index into `KNOWN` plus one, 0 for an empty slot: small enough to stay in cache.
    slots: [u8; SLOTS],
    lengths: [u32; 256],
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table { slots: [0; SLOTS], lengths: [0; 256] };
        for (index, (word, _)) in KNOWN.iter().enumerate() {
            let mut slot = slot_of(word);
            while table.slots[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            table.slots[slot] = u8::try_from(index + 1).expect("fewer than 255 known words");
            for first in [word[0], word[0].to_ascii_uppercase()] {
                table.lengths[usize::from(first)] |= 1 << word.len();
            }
        }
        table
    })
}

/// A word's slot: a hash of its length and its first two and last bytes, ignoring
/// ASCII case. Cheap to compute for every word; the table resolves collisions.
fn slot_of(word: &[u8]) -> usize {
    let byte = |index: usize| u32::from(word.get(index).map_or(0, |byte| byte | 0x20));
    let last = word.len().saturating_sub(1);
    let key = byte(0) | byte(1) << 8 | byte(last) << 16 | (word.len() as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 21) as usize % SLOTS
}

/// What part a word plays, ignoring ASCII case.
fn lookup(word: &[u8], mut slot: usize) -> W {
    let table = table();
    loop {
        let (candidate, kind) = match table.slots[slot] {
            0 => return W::Other,
            entry => KNOWN[usize::from(entry - 1)],
        };
        if candidate.eq_ignore_ascii_case(word) {
            return kind;
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// Bytes that make up words: letters, digits and every byte of a multi-byte
/// character (so "would’ve" is one word).
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte >= 0x80;
        byte += 1;
    }
    table
};

/// For each 64 bytes of `bytes`, a bit per byte that belongs to a word: word
/// bytes, and an apostrophe or hyphen right after one ("would've", "on-call").
/// Computed without branches, so that finding words does not stall on every
/// space the way a byte-by-byte loop does.
fn word_masks(bytes: &[u8]) -> Vec<u64> {
    let mut masks = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut carry = 0;
    for chunk in bytes.chunks(64) {
        let (mut words, mut joiners) = (0u64, 0u64);
        for (bit, &byte) in chunk.iter().enumerate() {
            words |= u64::from(WORD_BYTE[usize::from(byte)]) << bit;
            joiners |= u64::from(byte == b'\'' || byte == b'-') << bit;
        }
        let mask = words | (joiners & (words << 1 | carry));
        carry = mask >> 63;
        masks.push(mask);
    }
    masks
}

/// The first bit at or after `from` that is set (or, with `set` false, clear), up to `limit`.
fn next_bit(masks: &[u64], from: usize, set: bool, limit: usize) -> usize {
    let mut index = from / 64;
    let mut bits = if set { masks.get(index).copied().unwrap_or(0) } else { !masks.get(index).copied().unwrap_or(0) };
    bits &= u64::MAX << (from % 64);
    loop {
        if bits != 0 {
            return (index * 64 + bits.trailing_zeros() as usize).min(limit);
        }
        index += 1;
        if index >= masks.len() {
            return limit;
        }
        bits = if set { masks[index] } else { !masks[index] };
    }
}

/// Calls `found` with the byte offset and kind of every trigger word in `text`.
pub(crate) fn scan(text: &str, mut found: impl FnMut(usize, Trigger)) {
    let bytes = text.as_bytes();
    let masks = word_masks(bytes);
    let table = table();
    let mut previous = W::Other;
    let mut before_previous = W::Other;
    let mut straightened = [0u8; LONGEST];
    let mut at = 0;
    loop {
        let start = next_bit(&masks, at, true, bytes.len());
        if start >= bytes.len() {
            break;
        }
        at = next_bit(&masks, start, false, bytes.len());
        // A trailing apostrophe or hyphen ("users'") is not part of the word.
        let mut written = &bytes[start..at];
        while let [rest @ .., b'\'' | b'-'] = written {
            written = rest;
        }
        if written.is_empty() {
            continue;
        }
        let mut kind = W::Other;
        if written.len() <= LONGEST && table.lengths[usize::from(written[0])] & (1 << written.len()) != 0 {
            kind = lookup(written, slot_of(written));
        }
        let apostrophe = kind == W::Other && written.iter().any(|&byte| byte == b'\'');
        if kind == W::Other && written.iter().any(|&byte| byte >= 0x80) {
            // A curly apostrophe (E2 80 99) is read as a straight one.
            let word = straighten(written, &mut straightened);
            kind = if word.is_empty() { W::Other } else { lookup(word, slot_of(word)) };
            if kind == W::Other && (apostrophe || word.len() < written.len()) {
                kind = contraction(word, start, &mut found);
            }
        } else if kind == W::Other && apostrophe {
            kind = contraction(written, start, &mut found);
        }
        if let Some(trigger) = classify(kind, previous, before_previous) {
            found(start, trigger);
        }
        before_previous = previous;
        previous = kind;
    }
}

/// An unknown word's contraction: "we'd" and "we'd've" may fire a rule, "we've"
/// is a form of "have", "Bob's" may own an error.
fn contraction(word: &[u8], start: usize, found: &mut impl FnMut(usize, Trigger)) -> W {
    if word.len() < 3 || !word.contains(&b'\'') {
        return W::Other;
    }
    let lower =
        |suffix: &[u8]| word.len() > suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    if lower(b"'d") || lower(b"'d've") {
        found(start, Trigger::Alone);
    } else if lower(b"'ve") {
        found(start, Trigger::Have);
    } else if lower(b"'s") {
        return W::Possessive;
    }
    W::Other
}

/// `word` with each curly apostrophe turned straight, in `buffer`; empty when too long.
fn straighten<'b>(word: &[u8], buffer: &'b mut [u8; LONGEST]) -> &'b [u8] {
    let curly = "’".as_bytes();
    let mut length = 0;
    let mut at = 0;
    while at < word.len() {
        if length == LONGEST {
            return &[];
        }
        if word[at..].starts_with(curly) {
            buffer[length] = b'\'';
            at += curly.len();
        } else {
            buffer[length] = word[at];
            at += 1;
        }
        length += 1;
    }
    &buffer[..length]
}

/// The trigger a word is, given the two words before it.
fn classify(word: W, previous: W, before_previous: W) -> Option<Trigger> {
    let alone = Some(Trigger::Alone);
    match word {
        W::Other => None,
        W::Alone => alone,
        W::Could if previous == W::How => alone,
        W::Did if previous == W::How => alone,
        W::Modal | W::Could => Some(Trigger::Modal),
        W::Have => Some(Trigger::Have),
        W::Had => Some(Trigger::Had),
        W::If | W::Been => Some(Trigger::Condition),
        // "could of", nonstandard for "could have"
        W::Of if matches!(previous, W::Modal | W::Could) => alone,
        // "had we known", "had the team tested"
        W::Subject | W::The | W::Their if previous == W::Had => alone,
        W::Only if previous == W::If => alone,
        W::Back if previous == W::Looking => alone,
        W::What if previous == W::Knowing => alone,
        W::Were if previous == W::Signs => alone,
        W::To if matches!(previous, W::FailedLike | W::Easy) => alone,
        W::Do if previous == W::To && matches!(before_previous, W::Had | W::Have | W::NeedLike) => alone,
        W::Error => {
            let owned = matches!(previous, W::Owner | W::Their | W::Possessive | W::Easy)
                || (previous == W::Article && before_previous == W::Made)
                || before_previous == W::Made;
            owned.then_some(Trigger::Alone)
        }
        W::Oversight if previous == W::Easy => alone,
        W::Science if previous == W::Rocket => alone,
        W::Up if previous == W::Messed => alone,
        W::Ball if previous == W::The && before_previous == W::Dropped => alone,
        W::Upon if previous == W::It => alone,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_word_is_found_in_any_case() {
        for (word, kind) in KNOWN {
            assert_eq!(lookup(word, slot_of(word)), *kind, "{}", String::from_utf8_lossy(word));
            let upper = word.to_ascii_uppercase();
            assert_eq!(lookup(&upper, slot_of(&upper)), *kind);
            assert!(word.len() <= LONGEST);
        }
        assert_eq!(lookup(b"adjust", slot_of(b"adjust")), W::Other);
    }

    fn triggers(text: &str) -> Vec<(&str, Trigger)> {
        let mut found = Vec::new();
        scan(text, |at, trigger| {
            let end = text[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
                .map_or(text.len(), |end| at + end);
            found.push((&text[at..end], trigger));
        });
        found
    }

    #[test]
    fn words_not_substrings() {
        assert_eq!(triggers("We adjusted the shadow config to justify it"), []);
        assert_eq!(triggers("We just had"), [("just", Trigger::Alone), ("had", Trigger::Had)]);
    }

    #[test]
    fn modals_and_have_meet_in_a_sentence() {
        assert_eq!(triggers("We could never have"), [("could", Trigger::Modal), ("have", Trigger::Have)]);
        assert_eq!(triggers("we’d’ve, would’ve"), [("we’d’ve", Trigger::Alone), ("would’ve", Trigger::Alone)]);
        assert_eq!(triggers("Had we known"), [("Had", Trigger::Had), ("we", Trigger::Alone)]);
        assert_eq!(triggers("if we'd known"), [("if", Trigger::Condition), ("we'd", Trigger::Alone)]);
    }

    #[test]
    fn pairs_of_words() {
        assert_eq!(triggers("human error, this error"), [("error", Trigger::Alone)]);
        assert_eq!(triggers("Bob's mistake"), [("mistake", Trigger::Alone)]);
        assert_eq!(triggers("all they had to do"), [("had", Trigger::Had), ("do", Trigger::Alone)]);
        assert_eq!(triggers("the carelessness"), [("carelessness", Trigger::Alone)]);
    }

    #[test]
    fn a_sentence_is_worth_reading_when_its_triggers_combine() {
        let read = |triggers: &[Trigger]| {
            let mut triggered = Triggered::default();
            triggers.iter().for_each(|trigger| triggered.add(*trigger));
            triggered.worth_reading()
        };
        assert!(!read(&[Trigger::Have]));
        assert!(!read(&[Trigger::Had]));
        assert!(read(&[Trigger::Modal, Trigger::Have]));
        assert!(read(&[Trigger::Had, Trigger::Condition]));
        assert!(read(&[Trigger::Alone]));
    }
}
