//! Conversations copied out of a chat app's window and pasted into a file: what an incident
//! commander has when nobody may export the channel. Each message starts with a heading line
//! and its words follow on the lines below:
//!
//! * Slack: `Alice Smith  10:42 AM` (`[10:42 AM]` in older versions, `14:42` where the clock
//!   has 24 hours), then a bare `10:43` before each further message of the same person; some
//!   copies put the name and the time on lines of their own;
//! * Microsoft Teams: `[10:42 AM] Alice Smith`, `[11/20 10:42 AM] Alice Smith` (the date is
//!   not read: the day follows from the times before, as for Discord's);
//! * Google Chat and others: `Alice Smith, 10:42 AM`;
//! * Discord: `Alice Smith — Today at 10:42 AM`, then `[10:43 AM]` before each further message.
//!
//! Day dividers (`Today`, `Wednesday, November 20th`) set the day, and the window's own words
//! (`(edited)`, `2 replies`, `View thread`) are left out. A heading is told from a line of a
//! message by its name: one to four words, each capitalised, or a single handle.

use std::sync::LazyLock;

use chrono::NaiveTime;
use regex::Regex;

use crate::postmortem::written_dates::{WORDED_DAY, WordedDay};

/// A time on a 12-hour clock, as chat apps show it: `10:42 AM`, `9:05pm`, `10:42 a.m.`.
const TWELVE_HOUR: &str =
    r"(?P<hour>1[0-2]|0?[1-9]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?\s?(?P<half>[AaPp])\.?[Mm]\.?";

/// `Alice Smith  10:42 AM`, `Alice Smith [10:42 AM]`, `Alice Smith — Today at 10:42 AM`.
static NAME_THEN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<who>\S.{{0,63}}?)\s*(?:[—–,-]\s*)?(?:(?:Today|Yesterday)\s+at\s+|\d{{1,2}}/\d{{1,2}}/\d{{2,4}},?\s+)?\[?{TWELVE_HOUR}\]?\s*$"
    ))
    .expect("the heading pattern is valid")
});
/// Slack with a 24-hour clock: `Alice Smith  14:42`, the name and the time two spaces apart.
static NAME_THEN_24_HOUR_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\S.{0,63}?)\s{2,}\[?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\]?\s*$")
        .expect("the 24-hour heading pattern is valid")
});
/// `[10:42 AM] Alice Smith` (Teams), or `[10:43 AM] words` (a further message, on Discord).
static TIME_THEN_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\[(?:(?:Today|Yesterday)\s+|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?,?\s+)?{TWELVE_HOUR}\]\s*(?P<rest>.*)$"
    ))
    .expect("the bracketed time pattern is valid")
});
/// A time alone on its line: `10:43`, `[10:43]`, `  10:42 AM`.
static TIME_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\[?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s?(?P<half>[AaPp])\.?[Mm]\.?)?\]?\s*$")
        .expect("the lone time pattern is valid")
});
static DAY_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*{WORDED_DAY}\s*$")).expect("the day divider pattern is valid"));
/// What the window shows beside messages: replies, threads, edits.
static WINDOW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\(edited\)|\d+ repl(?:y|ies)|View thread|Last reply .*|Replied to a thread:.*|New messages?)\s*$",
    )
    .expect("the window words pattern is valid")
});

/// A line of a copied conversation that is not a message's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Copied<'a> {
    /// A message's heading: who wrote it (`None`: the person of the heading before) and when.
    /// Its words are on the lines below, or after the time on the same line (`text`).
    Heading { who: Option<&'a str>, time: CopiedTime, text: &'a str },
    /// A day divider with the day it names (`None` for `Today` and `Yesterday`).
    Day(Option<WordedDay>),
    /// The window's own words.
    Window,
}

/// A time as the window showed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CopiedTime {
    pub time: NaiveTime,
    /// Written with AM or PM.
    pub twelve_hour: bool,
    /// A bare `10:43` under 12-hour headings: morning or evening, whichever follows the time
    /// before.
    pub half_day_unknown: bool,
}

/// Reads `line` as a line of a copied conversation; `None` for the words of a message.
/// Most lines a log holds are its own (`14:02 <alice> ...`), read by many: each pattern is only
/// tried on a line of its shape (short, bracketed, or ending in a time), so a large log is not
/// matched five more times a line.
pub(super) fn read(line: &str) -> Option<Copied<'_>> {
    let trimmed = line.trim();
    let short = trimmed.len() <= 40;
    if (short || trimmed.starts_with(['L', 'R'])) && WINDOW_WORDS.is_match(line) {
        return Some(Copied::Window);
    }
    if trimmed == "Today" || trimmed == "Yesterday" {
        return Some(Copied::Day(None));
    }
    if short && !trimmed.contains(':') && DAY_ALONE.is_match(line) {
        return WordedDay::read(trimmed).map(|day| Copied::Day(Some(day)));
    }
    if trimmed.len() <= 12
        && let Some(found) = TIME_ALONE.captures(line)
    {
        let time = clock_time(&found)?;
        return Some(Copied::Heading { who: None, time, text: "" });
    }
    if trimmed.starts_with('[')
        && let Some(found) = TIME_THEN_REST.captures(line)
    {
        let time = clock_time(&found)?;
        let rest = found.name("rest").map_or("", |rest| rest.as_str().trim());
        // `[10:42 PM] <bob> text` and `[10:42 PM] bob: text` are a chat log's lines, named.
        let names_its_writer = rest.starts_with(['<', '*'])
            || rest.split_once(": ").is_some_and(|(nick, _)| !nick.is_empty() && !nick.contains(char::is_whitespace));
        if names_its_writer {
            return None;
        }
        return Some(match looks_like_a_name(rest) {
            true => Copied::Heading { who: Some(rest), time, text: "" },
            false => Copied::Heading { who: None, time, text: rest },
        });
    }
    if !trimmed.ends_with(|c: char| c.is_ascii_digit() || matches!(c, 'M' | 'm' | '.' | ']')) {
        return None;
    }
    for pattern in [&NAME_THEN_TIME, &NAME_THEN_24_HOUR_TIME] {
        if let Some(found) = pattern.captures(line) {
            let who = found.name("who").map_or("", |who| who.as_str().trim());
            if looks_like_a_name(who) {
                return Some(Copied::Heading { who: Some(who), time: clock_time(&found)?, text: "" });
            }
        }
    }
    None
}

/// The time of a match with `hour`, `minute` and maybe `second` and `half` (a or p).
fn clock_time(found: &regex::Captures) -> Option<CopiedTime> {
    let number = |name: &str| found.name(name).and_then(|value| value.as_str().parse::<u32>().ok());
    let (hour, minute, second) = (number("hour")?, number("minute")?, number("second").unwrap_or(0));
    let evening = found.name("half").map(|half| half.as_str().eq_ignore_ascii_case("p"));
    let (hour, half_day_unknown) = match evening {
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(evening) => (hour % 12 + if evening { 12 } else { 0 }, false),
        None => (hour, (1..=12).contains(&hour)),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(CopiedTime { time, twelve_hour: evening.is_some(), half_day_unknown })
}

/// Whether `text` reads as a person's name as chat apps show it: one to four words, each
/// beginning with a capital (a particle such as "van" or "de" aside), or a single handle
/// (`alice`, `bob.smith`, `carol_1`).
pub(super) fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if text.is_empty() || text.len() > 64 || words.is_empty() || words.len() > 4 {
        return false;
    }
    let handle_character = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '\'');
    if !text.chars().all(|c| handle_character(c) || c.is_whitespace()) || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    if words.len() == 1 {
        return true;
    }
    const PARTICLES: [&str; 9] = ["van", "von", "de", "der", "da", "del", "la", "le", "bin"];
    words.iter().all(|word| word.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> (Option<&str>, String, &str) {
        match read(line) {
            Some(Copied::Heading { who, time, text }) => (who, time.time.format("%H:%M").to_string(), text),
            other => panic!("{line:?} read as {other:?}"),
        }
    }

    #[test]
    fn each_apps_headings_are_read() {
        assert_eq!(heading("Alice Smith  10:42 AM"), (Some("Alice Smith"), "10:42".into(), ""));
        assert_eq!(heading("Alice Smith [10:42 PM]"), (Some("Alice Smith"), "22:42".into(), ""));
        assert_eq!(heading("bob.jones  9:05 pm"), (Some("bob.jones"), "21:05".into(), ""));
        assert_eq!(heading("Alice Smith  14:42"), (Some("Alice Smith"), "14:42".into(), ""));
        assert_eq!(heading("[10:42 AM] Alice Smith"), (Some("Alice Smith"), "10:42".into(), ""), "Teams");
        assert_eq!(heading("[11/20 10:42 PM] Alice Smith"), (Some("Alice Smith"), "22:42".into(), ""));
        assert_eq!(heading("[Yesterday 9:05 AM] Bob Jones"), (Some("Bob Jones"), "09:05".into(), ""));
        assert_eq!(heading("Alice Smith, 10:42 AM"), (Some("Alice Smith"), "10:42".into(), ""), "Google Chat");
        assert_eq!(heading("Alice Smith — Today at 10:42 AM"), (Some("Alice Smith"), "10:42".into(), ""), "Discord");
        assert_eq!(heading("Ana de la Cruz — 11/20/2026 3:15 PM"), (Some("Ana de la Cruz"), "15:15".into(), ""));
        assert_eq!(heading("[10:43 AM] rolled back the deploy"), (None, "10:43".into(), "rolled back the deploy"));
        assert_eq!(heading("10:43"), (None, "10:43".into(), ""), "Slack's further message");
        assert_eq!(heading("  [10:43]  "), (None, "10:43".into(), ""));
        assert_eq!(heading("  10:42 AM"), (None, "10:42".into(), ""), "a time on a line of its own");
    }

    #[test]
    fn a_message_s_words_are_not_headings() {
        for line in [
            "we restarted it at 10:42 AM",
            "Deploy of build 42 finished: 10:42 AM",
            "error rate back to 0.1% by 14:42",
            "see https://status.example.com 10:42 AM",
            "Rolled back, then Checked The Replica And Paged 10:42 AM",
            "10:42 AM was when it started",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn day_dividers_and_the_window_s_words() {
        assert_eq!(read("Today"), Some(Copied::Day(None)));
        assert_eq!(read("Wednesday, November 20th"), Some(Copied::Day(WordedDay::read("November 20th"))));
        for line in ["(edited)", "3 replies", "1 reply", "View thread", "Last reply 2 hours ago"] {
            assert_eq!(read(line), Some(Copied::Window), "{line}");
        }
    }

    #[test]
    fn names_as_chat_apps_show_them() {
        for name in ["Alice Smith", "alice", "bob.jones", "Ana de la Cruz", "Jean-Luc Picard", "O'Brien", "Ünal Öz"] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for words in ["we restarted it", "rolled back the deploy", "a: b", "Deploy #42", "", "One Two Three Four Five"]
        {
            assert!(!looks_like_a_name(words), "{words}");
        }
    }
}
