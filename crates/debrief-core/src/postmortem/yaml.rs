//! Writing the front matter's YAML by hand, so its layout is stable and
//! readable: block style, plain scalars where every YAML reader (Jekyll's
//! YAML 1.1, Hugo, MkDocs, GitHub) reads them back as the same string, and
//! double quotes everywhere else.

/// Characters that may appear in a plain scalar after its first character.
const PLAIN_PUNCTUATION: &str = " _.,/:+@()#?=&%~'-!*$;";

/// Words that YAML 1.1 readers turn into booleans or null.
const RESERVED_WORDS: [&str; 11] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "none"];

/// A string as a YAML scalar that reads back as exactly the same string.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) { text.to_string() } else { double_quoted(text) }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    first.is_alphanumeric()
        && !text.ends_with(char::is_whitespace)
        && !text.ends_with(':')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains("  ")
        && text.chars().all(|c| (c.is_alphanumeric() && !c.is_control()) || PLAIN_PUNCTUATION.contains(c))
        && !looks_like_another_type(text)
}

/// Numbers, dates, times and booleans in any YAML version's eyes.
fn looks_like_another_type(text: &str) -> bool {
    let lowered = text.to_ascii_lowercase();
    if RESERVED_WORDS.contains(&lowered.as_str()) || lowered.parse::<f64>().is_ok() {
        return true;
    }
    let starts_with_digit = text.starts_with(|c: char| c.is_ascii_digit());
    // 0x1F, 0o17, 1_000, 1e5 and sexagesimal 1:20 in YAML 1.1, or a timestamp.
    starts_with_digit
        && (text.chars().all(|c| c.is_ascii_hexdigit() || "_.:+-xXoObB".contains(c)) || is_timestamp(text))
}

/// A YAML 1.1 timestamp: `2026-11-23` or `2026-1-5`, alone or followed by a time.
fn is_timestamp(text: &str) -> bool {
    let mut parts = text.splitn(3, '-');
    let (Some(year), Some(month), Some(rest)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let day_digits = rest.chars().take_while(char::is_ascii_digit).count();
    let after_day = &rest[day_digits..];
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())
    };
    digits(year, 4..=4)
        && digits(month, 1..=2)
        && (1..=2).contains(&day_digits)
        && (after_day.is_empty() || after_day.starts_with(['T', 't', ' ', '\t']))
}

fn double_quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            // Control characters, and the separators YAML treats as line breaks.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                quoted.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Builds block-style YAML line by line.
#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// `key: value` at `indent`, the value written as a string scalar.
    pub fn text(&mut self, indent: usize, key: &str, value: &str) {
        self.raw(indent, key, &scalar(value));
    }

    /// `key: value` with a value already in YAML form (times, dates, numbers).
    pub fn raw(&mut self, indent: usize, key: &str, value: &str) {
        self.out.push_str(&format!("{:indent$}{key}: {value}\n", ""));
    }

    /// `key:` opening a nested mapping or list.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.out.push_str(&format!("{:indent$}{key}:\n", ""));
    }

    /// `key:` followed by `- item` lines; nothing at all for an empty list.
    pub fn list(&mut self, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.open(0, key);
        for item in items {
            self.out.push_str(&format!("  - {}\n", scalar(item)));
        }
    }

    /// `- ` starting one mapping in a list; its first field follows on the same line.
    pub fn item_start(&mut self) {
        self.out.push_str("  - ");
    }

    /// The first field of a list item, written right after `- `.
    pub fn first_field(&mut self, key: &str, value: &str) {
        self.out.push_str(&format!("{key}: {value}\n"));
    }

    /// Appends YAML kept verbatim from a file (fields Debrief does not know).
    pub fn verbatim(&mut self, text: &str) {
        self.out.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_back(text: &str) -> serde_json::Value {
        let document = format!("key: {}\n", scalar(text));
        let parsed: serde_json::Value = serde_saphyr::from_str(&document).unwrap();
        parsed["key"].clone()
    }

    #[test]
    fn ordinary_words_stay_plain() {
        for text in [
            "Checkout latency",
            "alice",
            "https://example.com/a?b=c#d",
            "SEV2",
            "INC-123",
            "l'équipe",
            "2026-11-23-db-outage",
        ] {
            assert_eq!(scalar(text), text);
        }
    }

    #[test]
    fn anything_another_reader_could_misread_is_quoted() {
        for text in [
            "yes",
            "No",
            "null",
            "~",
            "12",
            "1.5",
            "1e3",
            "0x1F",
            "1:20",
            "2026-11-23",
            "2026-1-5 10:00",
            "- item",
            "a: b",
            "a #b",
        ] {
            assert!(scalar(text).starts_with('"'), "{text} should be quoted");
        }
        for text in
            ["", " leading", "trailing ", "ends:", "[list]", "{map}", "*alias", "&anchor", "!tag", "'quote", "\"q\""]
        {
            assert!(scalar(text).starts_with('"'), "{text:?} should be quoted");
        }
    }

    #[test]
    fn quoted_strings_read_back_exactly() {
        for text in
            ["two\nlines", "tab\there", "back\\slash", "quote\"d", "nul\0x", "line\u{2028}sep", "🔥 emoji", "bell\u{7}"]
        {
            assert_eq!(read_back(text), serde_json::Value::String(text.to_string()), "{text:?}");
        }
    }

    #[test]
    fn plain_strings_read_back_exactly() {
        for text in ["Checkout latency", "https://example.com/a?b=c#d", "SEV2", "l'équipe", "a, b and c"] {
            assert_eq!(read_back(text), serde_json::Value::String(text.to_string()), "{text:?}");
        }
    }
}
