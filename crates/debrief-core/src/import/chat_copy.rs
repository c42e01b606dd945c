//! Conversations copied out of a chat app's window and pasted into a file: what an incident
//! commander has when nobody may export the channel. Each message starts with a heading line
//! and its words follow on the lines below:
//!
//! * Slack: `Alice Smith  10:42 AM` (`[10:42 AM]` in older versions, `14:42` where the clock
//!   has 24 hours), then a bare `10:43` before each further message of the same person; some
//!   copies put the name and the time on lines of their own;
//! * Microsoft Teams: `[10:42 AM] Alice Smith`, `[11/20 10:42 AM] Alice Smith` (a date without
//!   its year is in the year that puts it nearest the day before it);
//! * Google Chat and others: `Alice Smith, 10:42 AM`;
//! * Discord: `Alice Smith — Today at 10:42 AM`, then `[10:43 AM]` before each further message.
//!
//! DiscordChatExporter's plain text export, the usual way to keep a Discord channel, is read
//! the same way: `[12/7/2026 10:42 AM] alice` headings (the date is read: month first with AM
//! and PM as en-US writes it, day first on a 24-hour clock, unless a number over 12 says
//! otherwise), its banner of `=` lines around the guild and channel and around the count at the
//! end, `(pinned)` and a legacy `#1234` after the name, and its `{Attachments}` and `{Embed}`
//! blocks (their links and text are the message's) and `{Reactions}` and `{Stickers}` blocks
//! (left out).
//!
//! Day dividers (`Today`, `Wednesday, November 20th`) set the day, and the window's own words
//! (`(edited)`, `2 replies`, `View thread`) are left out. A heading is told from a line of a
//! message by its name: one to four words, each capitalised, or a single handle.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
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
/// `[10:42 AM] Alice Smith` (Teams), `[10:43 AM] words` (a further message, on Discord),
/// `[12/7/2026 10:42 AM] alice` and `[07/12/2026 10:42] alice` (DiscordChatExporter).
static TIME_THEN_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\[(?:(?:Today|Yesterday)\s+|(?P<first>\d{{1,2}})(?P<mark>[/.])(?P<then>\d{{1,2}})(?:[/.](?P<year>\d{{4}}|\d{{2}}))?,?\s+)?(?:{TWELVE_HOUR}|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d))\]\s*(?P<rest>.*)$"
    ))
    .expect("the bracketed time pattern is valid")
});
/// DiscordChatExporter's banner line, above and below the guild and channel and the count.
const EXPORT_BANNER_WIDTH: usize = 62;
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
    /// A message's heading: who wrote it (`None`: the person of the heading before), when, and
    /// on which day if it says (`yearless` when it gives no year). Its words are on the lines
    /// below, or after the time on the same line (`text`).
    Heading {
        who: Option<&'a str>,
        time: CopiedTime,
        date: Option<NaiveDate>,
        yearless: Option<WordedDay>,
        text: &'a str,
    },
    /// A day divider with the day it names (`None` for `Today` and `Yesterday`).
    Day(Option<WordedDay>),
    /// The window's own words.
    Window,
    /// An export's mark before a message's attachments or embeds, whose lines are the message's.
    AttachedMark,
    /// An export's banner line: the lines up to the next one are its header or footer.
    Banner,
    /// An export's mark before what is left out up to the next blank line (reactions, stickers).
    LeftOutBlock,
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
    match trimmed {
        "{Attachments}" | "{Embed}" => return Some(Copied::AttachedMark),
        "{Reactions}" | "{Stickers}" => return Some(Copied::LeftOutBlock),
        _ if trimmed.len() == EXPORT_BANNER_WIDTH && trimmed.bytes().all(|byte| byte == b'=') => {
            return Some(Copied::Banner);
        }
        _ => {}
    }
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
        return Some(Copied::Heading { who: None, time, date: None, yearless: None, text: "" });
    }
    if trimmed.starts_with('[')
        && let Some(found) = TIME_THEN_REST.captures(line)
    {
        let date = figures_day(&found);
        let yearless = if date.is_none() { yearless_day(&found) } else { None };
        let time = match (found.name("hour24"), found.name("minute24")) {
            // A 24-hour time in brackets is a log's own stamp unless a full date comes with it.
            (Some(hour), Some(minute)) => {
                date?;
                let time = NaiveTime::from_hms_opt(hour.as_str().parse().ok()?, minute.as_str().parse().ok()?, 0)?;
                CopiedTime { time, twelve_hour: false, half_day_unknown: false }
            }
            _ => clock_time(&found)?,
        };
        let rest = found.name("rest").map_or("", |rest| rest.as_str().trim());
        let rest = rest.strip_suffix("(pinned)").map_or(rest, str::trim_end);
        // `[10:42 PM] <bob> text` and `[10:42 PM] bob: text` are a chat log's lines, named.
        let names_its_writer = rest.starts_with(['<', '*'])
            || rest.split_once(": ").is_some_and(|(nick, _)| !nick.is_empty() && !nick.contains(char::is_whitespace));
        if names_its_writer {
            return None;
        }
        let name = without_discriminator(rest);
        return Some(match looks_like_a_name(name) {
            true => Copied::Heading { who: Some(name), time, date, yearless, text: "" },
            false => Copied::Heading { who: None, time, date, yearless, text: rest },
        });
    }
    if !trimmed.ends_with(|c: char| c.is_ascii_digit() || matches!(c, 'M' | 'm' | '.' | ']')) {
        return None;
    }
    for pattern in [&NAME_THEN_TIME, &NAME_THEN_24_HOUR_TIME] {
        if let Some(found) = pattern.captures(line) {
            let who = found.name("who").map_or("", |who| who.as_str().trim());
            if looks_like_a_name(who) {
                let time = clock_time(&found)?;
                return Some(Copied::Heading { who: Some(who), time, date: None, yearless: None, text: "" });
            }
        }
    }
    None
}

/// The day a chat app writes in figures with its year before a time (the `first`, `mark`,
/// `then`, `year` and `half` groups of a match): `12/7/2026` with AM or PM is month first, as
/// en-US writes it; on a 24-hour clock, or with dots, day first; a number over 12 settles it.
pub(super) fn figures_day(found: &regex::Captures) -> Option<NaiveDate> {
    let year: u32 = found.name("year")?.as_str().parse().ok()?;
    let year = if year < 100 { 2000 + year } else { year };
    let (month, day) = month_and_day(found)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The day a heading writes in figures without its year (Teams' `11/20`), read in the same order.
fn yearless_day(found: &regex::Captures) -> Option<WordedDay> {
    if found.name("year").is_some() {
        return None;
    }
    let (month, day) = month_and_day(found)?;
    WordedDay::without_year(month, day)
}

/// The month and the day of a day written in figures, in the order [`figures_day`] reads them.
fn month_and_day(found: &regex::Captures) -> Option<(u32, u32)> {
    let number = |name: &str| found.name(name).and_then(|value| value.as_str().parse::<u32>().ok());
    let (first, then) = (number("first")?, number("then")?);
    let month_first = match (first > 12, then > 12) {
        (true, _) => false,
        (_, true) => true,
        _ => found.name("half").is_some() && found.name("mark").is_some_and(|mark| mark.as_str() == "/"),
    };
    Some(if month_first { (first, then) } else { (then, first) })
}

/// A name without the `#1234` Discord gave every name before 2023.
fn without_discriminator(name: &str) -> &str {
    match name.rsplit_once('#') {
        Some((before, number)) if number.len() == 4 && number.bytes().all(|byte| byte.is_ascii_digit()) => before,
        _ => name,
    }
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
            Some(Copied::Heading { who, time, text, .. }) => (who, time.time.format("%H:%M").to_string(), text),
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
    fn discord_chat_exporter_s_headings_give_their_day() {
        fn dated(line: &str) -> (Option<&str>, String, Option<String>) {
            match read(line) {
                Some(Copied::Heading { who, time, date, .. }) => {
                    (who, time.time.format("%H:%M").to_string(), date.map(|date| date.to_string()))
                }
                other => panic!("{line:?} read as {other:?}"),
            }
        }
        let day = |text: &str| Some(text.to_string());
        assert_eq!(dated("[12/7/2026 10:42 AM] alice"), (Some("alice"), "10:42".into(), day("2026-12-07")), "en-US");
        assert_eq!(dated("[12/7/2026 1:05 PM] bob (pinned)"), (Some("bob"), "13:05".into(), day("2026-12-07")));
        assert_eq!(dated("[07/12/2026 22:42] carol_1"), (Some("carol_1"), "22:42".into(), day("2026-12-07")), "en-GB");
        assert_eq!(dated("[07.12.2026 10:42] Dana#0420"), (Some("Dana"), "10:42".into(), day("2026-12-07")), "de-DE");
        assert_eq!(dated("[13/12/26 9:05 AM] erin"), (Some("erin"), "09:05".into(), day("2026-12-13")));
        // Without a year the date is not read, and a 24-hour time in brackets is a log's stamp.
        assert_eq!(dated("[11/20 10:42 PM] Alice Smith").2, None);
        assert_eq!(read("[10:42] Deploy started"), None);
        assert_eq!(read("=".repeat(62).as_str()), Some(Copied::Banner));
        assert_eq!(read("{Attachments}"), Some(Copied::AttachedMark));
        assert_eq!(read("{Reactions}"), Some(Copied::LeftOutBlock));
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
