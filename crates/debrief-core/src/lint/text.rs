//! Sentences and words, as the rules see them.
//!
//! A block of prose (a paragraph, a list item, a table cell) is cut into
//! sentences, and a sentence into tokens whose byte ranges point back into the
//! block. Contractions are split into the words they stand for, so the rules
//! read "couldn't" as "could not" and "we’d’ve" as "we would have", with straight
//! or curly apostrophes alike. Inline code, URLs and quoted machine text (a log
//! message, a mentioned phrase) become single opaque tokens: a rule can see that
//! something is there without reading inside it.

use std::ops::Range;

use super::words::is_role_noun;

/// Stands in the prose for an inline code span: a noun the rules must not read.
pub(crate) const OPAQUE: char = '\u{E000}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// Code, a URL or quoted machine text.
    Opaque,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte range in the sentence text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The first letter was upper case as written.
    pub capitalized: bool,
    /// Every letter was upper case, as in an acronym or a shouted heading.
    pub all_caps: bool,
    lower: (u32, u32),
}

/// One sentence, tokenized. Word forms are lowercase with straight apostrophes.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    lower: String,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str) -> Sentence<'a> {
        let mut sentence = Sentence { text, tokens: Vec::new(), lower: String::new() };
        sentence.tokenize();
        sentence
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The lowercase word at `index`, or "" for punctuation, opaque tokens and indexes past the end.
    pub fn word(&self, index: usize) -> &str {
        match self.tokens.get(index) {
            Some(token) if token.kind == Kind::Word => &self.lower[token.lower.0 as usize..token.lower.1 as usize],
            _ => "",
        }
    }

    pub fn is(&self, index: usize, word: &str) -> bool {
        self.word(index) == word
    }

    pub fn is_any(&self, index: usize, words: &[&str]) -> bool {
        let word = self.word(index);
        !word.is_empty() && words.contains(&word)
    }

    pub fn kind(&self, index: usize) -> Option<Kind> {
        self.tokens.get(index).map(|token| token.kind)
    }

    pub fn is_punct(&self, index: usize) -> bool {
        matches!(self.kind(index), Some(Kind::Punct(_)))
    }

    pub fn is_opaque(&self, index: usize) -> bool {
        self.kind(index) == Some(Kind::Opaque)
    }

    /// Whether the sentence asks a question.
    pub fn is_question(&self) -> bool {
        self.text.trim_end().trim_end_matches(['"', '”', ')', '*', '_']).ends_with('?')
    }

    /// The byte range in the sentence text covered by tokens `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }

    /// The words from `first` to `last` as written, for suggestions.
    pub fn written(&self, first: usize, last: usize) -> &str {
        &self.text[self.span(first, last)]
    }

    fn tokenize(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        // About one token for every five bytes of prose; growing from empty costs more.
        self.tokens.reserve(text.len() / 5);
        self.lower.reserve(text.len());
        let mut at = 0;
        while at < bytes.len() {
            let c = match bytes[at] {
                byte if byte.is_ascii() => char::from(byte),
                _ => text[at..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
            };
            let next = at + c.len_utf8();
            if c.is_whitespace() {
                at = next;
                continue;
            }
            if c == OPAQUE {
                self.push_opaque(at, next);
                at = next;
                continue;
            }
            if matches!(c, 'h' | 'H' | 'w' | 'W' | 'f' | 'F' | 'm' | 'M')
                && let Some(end) = url_end(text, at)
            {
                self.push_opaque(at, end);
                at = end;
                continue;
            }
            if c.is_alphanumeric() {
                let end = plural_possessive_end(text, at, word_end(text, next));
                self.push_word(at, end);
                at = end;
                continue;
            }
            // A command's option written in prose ("ran rm -rf on the wrong server", "--force") is
            // machine text, as it would be in backticks, not a dash between words.
            if c == '-'
                && let Some(end) = option_end(bytes, at)
            {
                self.push_opaque(at, end);
                at = end;
                continue;
            }
            if matches!(c, '"' | '“')
                && let Some(end) = machine_quote_end(text, at, c)
            {
                self.push_opaque(at, end);
                at = end;
                continue;
            }
            if matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '-' | '!' | '?' | '.' | '"' | '“' | '”'
            ) {
                self.tokens.push(Token {
                    start: at,
                    end: next,
                    kind: Kind::Punct(c),
                    capitalized: false,
                    all_caps: false,
                    lower: (0, 0),
                });
            }
            at = next;
        }
    }

    fn push_opaque(&mut self, start: usize, end: usize) {
        self.tokens.push(Token { start, end, kind: Kind::Opaque, capitalized: false, all_caps: false, lower: (0, 0) });
    }

    /// Pushes one written word as the words it stands for.
    fn push_word(&mut self, start: usize, end: usize) {
        let text = self.text;
        let written = &text[start..end];
        // Most words are plain ASCII without an apostrophe, and stand for themselves
        // (all but "shoulda", "coulda" and "woulda"): lowercase them in place.
        let bytes = written.as_bytes();
        // (The forms that stand for two words end in "a", "ve" or "nt": only those are compared.)
        let two_words = match bytes.last().map(u8::to_ascii_lowercase) {
            Some(b'a') => MODAL_HAVE.iter().any(|form| form.eq_ignore_ascii_case(written)),
            Some(b'e') => MODAL_VE.iter().any(|form| form.eq_ignore_ascii_case(written)),
            Some(b't') => NEGATED_WITHOUT_APOSTROPHE.iter().any(|form| form.eq_ignore_ascii_case(written)),
            _ => false,
        };
        let plain = !two_words && bytes.iter().all(|&byte| byte.is_ascii() && byte != b'\'');
        if plain {
            let capitalized = bytes[0].is_ascii_uppercase();
            let (mut letters, mut lowercase) = (0, false);
            for byte in bytes {
                letters += usize::from(byte.is_ascii_alphabetic());
                lowercase |= byte.is_ascii_lowercase();
            }
            let all_caps = letters > 1 && !lowercase;
            let lo = self.lower.len();
            self.lower.push_str(written);
            self.lower[lo..].make_ascii_lowercase();
            let (lo, hi) = (lo as u32, self.lower.len() as u32);
            self.tokens.push(Token { start, end, kind: Kind::Word, capitalized, all_caps, lower: (lo, hi) });
            return;
        }
        let capitalized = written.starts_with(char::is_uppercase);
        let letters = written.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters > 1 && !written.chars().any(char::is_lowercase);
        let push = |sentence: &mut Sentence, range: Range<usize>, form: &str, capitalized: bool| {
            let lo = sentence.lower.len() as u32;
            sentence.lower.push_str(form);
            let hi = sentence.lower.len() as u32;
            sentence.tokens.push(Token {
                start: range.start,
                end: range.end,
                kind: Kind::Word,
                capitalized,
                all_caps,
                lower: (lo, hi),
            });
        };
        let lower = written.to_lowercase().replace('’', "'");
        // Split points are counted in characters, which lowercasing and straightening
        // apostrophes keep, and turned back into byte offsets of the written word.
        let offsets: Vec<usize> = written.char_indices().map(|(index, _)| index).chain([written.len()]).collect();
        let parts = expand_contraction(&lower);
        let same_shape = lower.chars().count() + 1 == offsets.len();
        for (chars, form) in parts {
            let range = if same_shape { start + offsets[chars.start]..start + offsets[chars.end] } else { start..end };
            push(self, range.clone(), &form, range.start == start && capitalized);
        }
    }
}

/// The end of a command-line option starting at the hyphen at `at` ("-rf", "--dry-run=true"):
/// one or two hyphens after a space, then a lowercase letter. `None` for a dash between words
/// ("a few hours - maybe more"), a negative number or a note's leading hyphen.
fn option_end(bytes: &[u8], at: usize) -> Option<usize> {
    let after_space = at > 0 && bytes[at - 1].is_ascii_whitespace();
    let hyphens = if bytes.get(at + 1) == Some(&b'-') { 2 } else { 1 };
    let letter = bytes.get(at + hyphens).is_some_and(u8::is_ascii_lowercase);
    if !(after_space && letter) {
        return None;
    }
    let length = bytes[at + hyphens..]
        .iter()
        .take_while(|&&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'='))
        .count();
    Some(at + hyphens + length)
}

/// The first word a written word stands for, as the rules read it: "didn't" is
/// "did", "would've" is "would", "ain't" is "is", "Permission's" is "permission".
pub(crate) fn first_word(written: &str) -> String {
    let lower = written.to_lowercase().replace('’', "'");
    expand_contraction(&lower).into_iter().next().map_or(lower, |(_, form)| form)
}

/// Modals run together with "have", which each stand for two words.
const MODAL_HAVE: [&str; 3] = ["shoulda", "coulda", "woulda"];

/// "would've" typed without its apostrophe ("we shouldve rolled back"), each two words.
const MODAL_VE: [&str; 3] = ["shouldve", "couldve", "wouldve"];

/// Negations typed without their apostrophe ("didnt they test this?"), each two words.
/// ("cant" and "wont" are words of their own.)
pub(crate) const NEGATED_WITHOUT_APOSTROPHE: [&str; 14] = [
    "didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent", "couldnt", "shouldnt", "wouldnt", "hasnt", "havent",
    "hadnt", "mustnt",
];

/// The words a written word stands for, each with its range of characters in the
/// word: "couldn't" -> "could" + "not", "would've" -> "would" + "have". The word
/// is lowercase with straight apostrophes, so its contractions are ASCII.
fn expand_contraction(lower: &str) -> Vec<(Range<usize>, String)> {
    let length = lower.chars().count();
    let whole = || vec![(0..length, lower.to_string())];
    if let Some(modal) = MODAL_HAVE.iter().find(|form| **form == lower) {
        let split = modal.len() - 1;
        return vec![(0..split, modal[..split].to_string()), (split..length, "have".to_string())];
    }
    if let Some(modal) = MODAL_VE.iter().find(|form| **form == lower) {
        let split = modal.len() - 2;
        return vec![(0..split, modal[..split].to_string()), (split..length, "have".to_string())];
    }
    if NEGATED_WITHOUT_APOSTROPHE.contains(&lower) {
        let split = lower.len() - 2;
        return vec![(0..split, lower[..split].to_string()), (split..length, "not".to_string())];
    }
    let Some(apostrophe) = lower.find('\'') else {
        return whole();
    };
    if !lower.is_ascii() {
        return whole();
    }
    let (base, suffix) = (&lower[..apostrophe], &lower[apostrophe + 1..]);
    let (suffix, have) = match suffix.strip_suffix("'ve") {
        // "we'd've", "shouldn't've": a second contraction after the first.
        Some(first) => (first, Some((length - 3..length, "have".to_string()))),
        None => (suffix, None),
    };
    let end = have.as_ref().map_or(length, |(range, _)| range.start);
    // "would'nt", "could'nt": the apostrophe misplaced, read as "wouldn't".
    let misplaced =
        suffix == "nt" && NEGATED_WITHOUT_APOSTROPHE.iter().any(|form| form.strip_suffix("nt") == Some(base));
    if misplaced {
        return vec![(0..apostrophe, base.to_string()), (apostrophe..end, "not".to_string())];
    }
    let mut words = if suffix == "t" && base.ends_with('n') {
        let negated = match base {
            "can" => "can",
            "won" => "will",
            "shan" => "shall",
            "ain" => "is",
            _ => &base[..base.len() - 1],
        };
        let split = base.len() - 1;
        vec![(0..split, negated.to_string()), (split..end, "not".to_string())]
    } else {
        let expanded = match suffix {
            "ve" => "have",
            "d" if have.is_some() => "would",
            "d" => "'d",
            "ll" => "will",
            "re" => "are",
            "m" => "am",
            "s" => "'s",
            // "aws'" from "AWS' fault" (see plural_possessive_end).
            "" if base.ends_with('s') => "'s",
            _ => return whole(),
        };
        vec![(0..apostrophe, base.to_string()), (apostrophe..end, expanded.to_string())]
    };
    words.extend(have);
    words
}

/// The end of a word whose first character ends at `at`: letters and digits, and
/// the apostrophes, hyphens, dots, slashes, underscores and ampersands between
/// them ("on-call", "v1.2", "R&D").
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, most of any word, a byte at a time.
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
        let Some(next) = text[at..].chars().next() else { return at };
        let after = at + next.len_utf8();
        let joins = matches!(next, '\'' | '’' | '-' | '.' | '/' | '_' | '&')
            && text[after..].starts_with(char::is_alphanumeric);
        if !(next.is_alphanumeric() || joins) {
            return at;
        }
        at = after;
    }
}

/// "AWS' fault", "the engineers' mistake": a name or a role ending in "s" with only an
/// apostrophe after it owns what follows, and is read as "'s" is. The apostrophe after any
/// other word is left alone: it may close a quotation ('delete pods' ran).
fn plural_possessive_end(text: &str, start: usize, end: usize) -> usize {
    let word = &text[start..end];
    let rest = &text[end..];
    let apostrophe = if rest.starts_with('\'') {
        1
    } else if rest.starts_with('’') {
        '’'.len_utf8()
    } else {
        return end;
    };
    let owned_next = rest[apostrophe..].strip_prefix(' ').is_some_and(|after| after.starts_with(char::is_alphabetic));
    let named = || word.starts_with(char::is_uppercase) || is_role_noun(&word.to_ascii_lowercase());
    if word.ends_with(['s', 'S']) && owned_next && named() { end + apostrophe } else { end }
}

/// The end of a URL starting at `at`, which the rules never read.
fn url_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    // Every scheme has one of these as its fourth byte: "http", "www.", "ftp:", "mail".
    if !rest.as_bytes().get(3).is_some_and(|byte| matches!(byte.to_ascii_lowercase(), b'p' | b'.' | b':' | b'l')) {
        return None;
    }
    let is_url = ["http://", "https://", "www.", "ftp://", "mailto:"].iter().any(|scheme| {
        rest.len() >= scheme.len()
            && rest.is_char_boundary(scheme.len())
            && rest[..scheme.len()].eq_ignore_ascii_case(scheme)
    });
    is_url.then(|| at + rest.find(|c: char| c.is_whitespace() || c == '>' || c == '<').unwrap_or(rest.len()))
}

/// The end of a quotation starting at `at` when it holds machine text or a
/// mention rather than someone's words: a log message, an error string, a short
/// phrase under discussion. Quoted speech ("We don't know why...," he said) is read.
fn machine_quote_end(text: &str, at: usize, open: char) -> Option<usize> {
    let content_start = at + open.len_utf8();
    let close = if open == '“' { '”' } else { '"' };
    let length = text[content_start..].find(close)?;
    let content = &text[content_start..content_start + length];
    let words = content.split_whitespace().count();
    let starts_like_speech = content.trim_start().starts_with(char::is_uppercase);
    let verdict = words <= 3 && given_as_cause(&text[..at]);
    let machine = words <= 3 || !starts_like_speech || looks_like_log(content);
    (machine && !verdict).then_some(content_start + length + close.len_utf8())
}

/// Whether the words before a short quotation give it as the cause: the outage "was caused
/// by “human error”", "blamed it on “a rogue engineer”". Such quotation marks keep the words
/// the writer's (or their source's) verdict, not a phrase under discussion ("we don't stop at
/// “human error”") or a message.
fn given_as_cause(before: &str) -> bool {
    let before = before.trim_end().as_bytes();
    let ends_with = |phrase: &str| {
        before.len() >= phrase.len() && before[before.len() - phrase.len()..].eq_ignore_ascii_case(phrase.as_bytes())
    };
    // "blamed the outage on": what was blamed stands between.
    let blamed_on = ends_with(" on")
        && before[before.len().saturating_sub(40)..].windows(5).any(|word| word.eq_ignore_ascii_case(b"blame"));
    blamed_on
        || [" caused by", " due to", " attributed to", " down to", " result of", " cause was", " cause is"]
            .into_iter()
            .any(ends_with)
}

/// Whether a line reads like machine output: a timestamp, a log level or a chat nick first.
pub(crate) fn looks_like_log(line: &str) -> bool {
    let line = line.trim_start();
    let first = line.split_whitespace().next().unwrap_or("");
    let level = first.trim_matches(|c: char| !c.is_ascii_alphabetic());
    let is_level = ["ERROR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL", "ERR", "PANIC"]
        .contains(&level)
        && (first.len() == level.len() || first.starts_with('[') || first.ends_with(':') || first.ends_with(']'));
    let timestamp = line.starts_with(|c: char| c.is_ascii_digit())
        && line.chars().take(12).filter(|c| matches!(c, ':' | '-' | '/' | 'T')).count() >= 2;
    let bracketed = line.starts_with('[') && line[1..].starts_with(|c: char| c.is_ascii_digit());
    let chat = line.starts_with('<') && line.contains("> ");
    is_level || timestamp || bracketed || chat
}

/// Abbreviations after which a full stop does not end a sentence (and any single letter).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "vs", "inc", "ltd", "co", "jr", "sr", "approx", "no", "fig", "cf", "al", "eg", "ie",
    "dept", "est", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 || ABBREVIATIONS.iter().any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// The byte ranges of the sentences in a block of prose. A line break ends a
/// sentence unless the next line goes on in lower case (hard breaks and `<br>`
/// arrive as line breaks; soft breaks do not).
// Kept out of line: inlined into its one caller, the checker's loop over blocks, it made that
// loop dearer than the call saves (measured with callgrind on the corpus).
#[inline(never)]
pub(crate) fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut push = |range: Range<usize>| {
        let slice = &text[range.clone()];
        let trimmed = slice.trim_start();
        let start = range.start + (slice.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if end > start {
            ranges.push(start..end);
        }
    };
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Only line breaks and terminators matter: skip to the next one.
        match bytes[at..].iter().position(|&byte| matches!(byte, b'\n' | b'.' | b'!' | b'?')) {
            Some(skipped) => at += skipped,
            None => break,
        }
        match bytes[at] {
            b'\n' => {
                // A line going on in lower case continues its sentence: a hard break in the
                // middle of one ("we could  \nhave rolled back") is layout, not an ending.
                let continues = text[at + 1..].trim_start_matches([' ', '\t']).starts_with(char::is_lowercase);
                if !continues {
                    push(start..at);
                    start = at + 1;
                }
            }
            b'.' | b'!' | b'?' => {
                let mut end = at + 1;
                while end < bytes.len() {
                    let rest = &text[end..];
                    let closer = rest
                        .chars()
                        .next()
                        .filter(|c| matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '*' | '_' | '”' | '’'));
                    match closer {
                        Some(c) => end += c.len_utf8(),
                        None => break,
                    }
                }
                let rest = &text[end..];
                let next = rest.trim_start_matches([' ', '\t']).chars().next();
                let spaced = rest.starts_with([' ', '\t']);
                let ends = match next {
                    None => true,
                    Some('\n') => true,
                    Some(next) if spaced => {
                        let starts_sentence = next.is_uppercase()
                            || next.is_ascii_digit()
                            || matches!(next, '"' | '“' | '(' | '[' | '*' | '_' | '`' | OPAQUE);
                        let abbreviation = bytes[at] == b'.' && is_abbreviation(word_before(text, at));
                        bytes[at] != b'.' || (starts_sentence && !abbreviation)
                    }
                    Some(_) => false,
                };
                if ends {
                    push(start..end);
                    start = end;
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    push(start..bytes.len());
    ranges
}

/// The letters just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |index| index + before[index..].chars().next().map_or(1, char::len_utf8));
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let sentence = Sentence::new(text);
        (0..sentence.len()).map(|index| sentence.word(index).to_string()).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        sentence_ranges(text).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn contractions_become_their_words() {
        assert_eq!(words("We couldn't have known"), ["we", "could", "not", "have", "known"]);
        assert_eq!(words("It would'nt have helped"), ["it", "would", "not", "have", "helped"]);
        assert_eq!(
            words("Didnt they test it? We couldnt have"),
            ["did", "not", "they", "test", "it", "", "we", "could", "not", "have"]
        );
        assert_eq!(words("we’d’ve"), ["we", "would", "have"]);
        assert_eq!(words("It would've helped"), ["it", "would", "have", "helped"]);
        assert_eq!(words("They can't, won't"), ["they", "can", "not", "", "will", "not"]);
        assert_eq!(words("shoulda"), ["should", "have"]);
        assert_eq!(words("Bob's fault"), ["bob", "'s", "fault"]);
        assert_eq!(words("AWS’ fault"), ["aws", "'s", "fault"]);
        assert_eq!(words("the engineers' mistake"), ["the", "engineers", "'s", "mistake"]);
        assert_eq!(words("ran 'delete pods' twice"), ["ran", "delete", "pods", "twice"]);
    }

    #[test]
    fn split_words_keep_byte_ranges() {
        let sentence = Sentence::new("We shouldn’t have");
        let ranges: Vec<&str> = sentence.tokens.iter().map(|token| &sentence.text[token.start..token.end]).collect();
        assert_eq!(ranges, ["We", "should", "n’t", "have"]);
    }

    #[test]
    fn code_urls_and_machine_quotes_are_opaque() {
        let text = format!("The {OPAQUE} job at https://example.com/x failed: \"failed to flush chunk\" again");
        let sentence = Sentence::new(&text);
        let opaque = sentence.tokens.iter().filter(|token| token.kind == Kind::Opaque).count();
        assert_eq!(opaque, 3);
        assert!(!(0..sentence.len()).any(|index| sentence.word(index) == "flush"));
    }

    #[test]
    fn a_short_quotation_given_as_the_cause_is_read() {
        for text in [
            "Rue said the outage was caused by “human error” during a routine upgrade.",
            "The company blamed the outage on \"human error\".",
        ] {
            let sentence = Sentence::new(text);
            assert!((0..sentence.len()).any(|index| sentence.word(index) == "human"), "{text}");
        }
        for text in ["We don't stop at “human error” as the reason.", "It failed with \"connection refused\" errors."]
        {
            let sentence = Sentence::new(text);
            assert!(!(0..sentence.len()).any(|index| matches!(sentence.word(index), "human" | "refused")), "{text}");
        }
    }

    #[test]
    fn quoted_speech_is_read() {
        let sentence = Sentence::new("“We don’t know why the employee took it upon himself,” he added.");
        assert!((0..sentence.len()).any(|index| sentence.word(index) == "employee"));
    }

    #[test]
    fn sentences_end_at_terminators_not_abbreviations() {
        assert_eq!(
            sentences("We rolled back, e.g. by hand. Then it recovered! Did it? Yes. Version 1.5 is out."),
            ["We rolled back, e.g. by hand.", "Then it recovered!", "Did it?", "Yes.", "Version 1.5 is out."]
        );
        assert_eq!(sentences("See Fig. 3 and Dr. Cook."), ["See Fig. 3 and Dr. Cook."]);
        assert_eq!(sentences("First line\nSecond line"), ["First line", "Second line"]);
        assert_eq!(sentences("14:02 alert\n14:05 rollback"), ["14:02 alert", "14:05 rollback"]);
        assert_eq!(sentences("He said \"stop.\" Then left."), ["He said \"stop.\"", "Then left."]);
    }

    #[test]
    fn a_line_going_on_in_lower_case_continues_its_sentence() {
        assert_eq!(sentences("We could\nhave rolled back. Then"), ["We could\nhave rolled back.", "Then"]);
        assert_eq!(sentences("We could  \n  have rolled back"), ["We could  \n  have rolled back"]);
    }

    #[test]
    fn log_lines_are_recognised() {
        for line in [
            "2024-01-02T10:00:00Z ERROR pool exhausted",
            "[14:02] <bob> restarting",
            "ERROR: failed to bind",
            "<alice> we should have",
        ] {
            assert!(looks_like_log(line), "{line}");
        }
        for line in ["We restarted the pool.", "Errors rose at 14:02", "2 production sites were down"] {
            assert!(!looks_like_log(line), "{line}");
        }
    }
}
