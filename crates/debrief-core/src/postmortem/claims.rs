//! Claims that match the record. A narrative written days later drifts from the timeline it
//! tells: "we rolled back at 14:20" when the timeline says 14:05, "for 45 minutes" when the
//! key times say an hour and a half, a citation `[#12]` of a line that was never written. The
//! timeline and key times are the record; this reads the narrative's times, durations and
//! citations and says which of them the record does not hold.
//!
//! A post-mortem written without Debrief has its timeline in its Markdown, as a list, a table or
//! paragraphs ([`super::written_timeline`]); when it has several timed lines, they are the record
//! its other times are held to (there are no entry numbers to cite).
//!
//! Only prose is read: not the front matter, not Debrief's generated regions or a written
//! timeline (they are the record), not code, quotes, links' addresses or log lines (what people
//! said and what machines printed carry their own times). Times given as bounds ("before
//! 14:00") are not claims; approximate ones ("around 20:00") are held to ten minutes.

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, Timelike};
use regex::Regex;
use serde::Serialize;

use super::written_timeline::{self, WrittenTimeline};
use super::{IMPORT_SOURCE, Postmortem, Region};
use crate::time::{display, display_duration};

/// A narrative claim the record does not hold, where it stands in the text read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Mismatch {
    /// The line of the text, from 1.
    pub line: usize,
    /// UTF-8 byte offsets of the claim in the text.
    pub start: usize,
    pub end: usize,
    /// The words of the claim, as written.
    pub claim: String,
    /// What the record says instead, in a sentence.
    pub message: String,
}

/// A time of day as it is written: "14:05", "9:30 am", "23:50 UTC", "14:05:30 +01:00",
/// "12:45 PM PST". Groups: hour, minute, a or p, zone.
pub(super) static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?:\s*([ap])\.?m\b\.?|\b)(?:\s*(utc|gmt|z\b|[+-]\d{2}:?\d{2}\b|(?-i:[A-Z]{1,4}T\b)))?",
    )
    .expect("the time pattern is valid")
});

/// A stated length of the outage: "for 45 minutes", "lasted an hour and a half", "1 hour and
/// 48 minutes of downtime". Groups: amount, unit, a half, more minutes; twice, one set per form.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let amount = r"((?:\d+(?:\.\d+)?)|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty)";
    let unit = r"(minutes?|mins?|hours?|hrs?)\b(\s+and\s+a\s+half)?(?:,?\s+(?:and\s+)?(\d+)\s+(?:minutes?|mins?)\b)?";
    Regex::new(&format!(
        r"(?i)\b(?:(?:for|lasted|lasting|outage of|downtime of)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+|~)?{amount}\s+{unit}|{amount}\s+{unit}\s+of\s+(?:downtime|outage|disruption|impact|degraded service))"
    ))
    .expect("the duration pattern is valid")
});

/// A citation of a timeline entry: `[#12]`.
static CITATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[#(\d+)\]").expect("the citation pattern is valid"));

/// Words before a time that make it approximate ("around 20:00", "~9:00").
static APPROXIMATELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:approximately|approx\.?|about|around|roughly|circa|ca\.|sometime|some time|shortly|just)|~|≈)\s*(?:at\s+|before\s+|after\s+)?$")
        .expect("the approximately pattern is valid")
});

/// Words before a time that make it a bound, not the moment of anything ("before 14:00").
static BOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:before|after|prior to|earlier than|later than)\s*$").expect("the bound pattern is valid")
});

/// Spans of a prose line that are not the writer's narrative: code, links' addresses, HTML tags
/// and quotations.
static NOT_NARRATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+|"[^"]*"|“[^”]*”"#).expect("the pattern is valid")
});

/// How far a written time may be from the record's: times are written to the minute.
const TIME_TOLERANCE_MINUTES: i64 = 1;
/// How far an approximate time ("around 20:00") may be.
const APPROXIMATE_TOLERANCE_MINUTES: i64 = 10;
/// How far from a written time a moment sharing its sentence's words may be and still be the
/// one it most likely means.
const MEANT_WITHIN_MINUTES: i64 = 90;
/// How many timed lines a written timeline needs before the narrative is held to it: one or two
/// times in a list are not a timeline.
const WRITTEN_TIMELINE_ENTRIES: usize = 3;

/// The zone a time is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Zone {
    /// None is written.
    Unstated,
    /// A word that may be a zone but is not one known for sure ("IST" is Indian or Irish time):
    /// nothing is compared against it.
    Unknown,
    /// The offsets from UTC, in minutes, it can stand for: people write "PST" in July too.
    Offsets(Vec<i32>),
}

/// The zone a word after a time names; `""` is [`Zone::Unstated`].
pub(super) fn zone_of(word: &str) -> Zone {
    let offsets = |hours: &[i32]| Zone::Offsets(hours.iter().map(|hours| hours * 60).collect());
    match word.trim().to_ascii_lowercase().as_str() {
        "" => Zone::Unstated,
        "utc" | "gmt" | "z" => offsets(&[0]),
        "pst" | "pdt" | "pt" | "pacific" => offsets(&[-8, -7]),
        "mst" | "mdt" | "mt" | "mountain" => offsets(&[-7, -6]),
        "cst" | "cdt" | "ct" | "central" => offsets(&[-6, -5]),
        "est" | "edt" | "et" | "eastern" => offsets(&[-5, -4]),
        "wet" | "west" => offsets(&[0, 1]),
        "bst" => offsets(&[1]),
        "cet" | "cest" => offsets(&[1, 2]),
        "eet" | "eest" => offsets(&[2, 3]),
        "jst" => offsets(&[9]),
        "aest" | "aedt" => offsets(&[10, 11]),
        zone if zone.starts_with(['+', '-']) => match parse_offset(zone) {
            Some(offset) => Zone::Offsets(vec![offset.local_minus_utc() / 60]),
            None => Zone::Unknown,
        },
        _ => Zone::Unknown,
    }
}

/// Minutes past midnight of a matched [`TIME`]. "14:05 pm" is not a time anyone means: `None`,
/// unless `lenient` (a written timeline's own line, where "13:55 PM" is 13:55).
pub(super) fn minutes_of_day(time: &regex::Captures, lenient: bool) -> Option<i64> {
    let mut hour: i64 = time[1].parse().ok()?;
    let minute: i64 = time[2].parse().ok()?;
    match time.get(3).map(|half| half.as_str().to_ascii_lowercase()) {
        Some(_) if hour > 12 && lenient => {}
        Some(_) if hour > 12 || hour == 0 => return None,
        Some(half) if half == "p" && hour < 12 => hour += 12,
        Some(half) if half == "a" && hour == 12 => hour = 0,
        _ => {}
    }
    Some(hour * 60 + minute)
}

/// A time the record holds.
struct Moment {
    /// Minutes past midnight, in its own zone.
    minutes: i64,
    zone: Zone,
    /// What to call it: `#4 “Rolled back the deploy”`, `the detected time`, `“Incident repaired”`.
    name: String,
    shown: Shown,
}

/// How a message shows a moment's time.
enum Shown {
    /// An instant of Debrief's record, shown in the zone the claim was written in.
    Instant(DateTime<FixedOffset>),
    /// A line of a written timeline: its time as written, and the line.
    Written { time: String, line: usize },
}

impl Moment {
    fn at(at: DateTime<FixedOffset>, name: String) -> Moment {
        let minutes = i64::from(at.hour() * 60 + at.minute());
        let zone = Zone::Offsets(vec![at.offset().local_minus_utc() / 60]);
        Moment { minutes, zone, name, shown: Shown::Instant(at) }
    }
}

/// What the narrative is held to.
struct Record {
    moments: Vec<Moment>,
    /// The zone a time without one is read in: the incident's for Debrief's record; for a
    /// written timeline, `None` (the zone of the line it is compared with).
    unstated_zone: Option<Zone>,
    /// The written timeline, when that is the record.
    written: Option<WrittenTimeline>,
}

/// The narrative's times, durations and citations that the timeline and key times do not hold,
/// read from the rendered post-mortem `document` (its lines are the file's lines).
pub fn mismatches(postmortem: &Postmortem, document: &str) -> Vec<Mismatch> {
    let Some(record) = record(postmortem, document) else { return Vec::new() };
    let approximate_timeline = record.written.as_ref().is_some_and(|written| written.approximate);
    let mut found = Vec::new();
    for (line, line_start, text) in prose_lines(document) {
        if record.written.as_ref().is_some_and(|written| written.lines.contains(&line)) {
            continue;
        }
        let narrative = NOT_NARRATIVE.replace_all(text, |span: &regex::Captures| " ".repeat(span[0].len()));
        let narrative = narrative.as_ref();
        let at = |whole: regex::Match| (line_start + whole.start(), line_start + whole.end());
        // A written timeline has no entry numbers: `[#12]` there is something else's.
        if record.written.is_none() {
            for citation in CITATION.captures_iter(narrative) {
                let Ok(number) = citation[1].parse::<i64>() else { continue };
                let Some(whole) = citation.get(0) else { continue };
                if !postmortem.timeline.iter().any(|entry| entry.id == number) {
                    let (start, end) = at(whole);
                    found.push(Mismatch {
                        line,
                        start,
                        end,
                        claim: citation[0].to_string(),
                        message: format!(
                            "cites entry #{number}, which the timeline does not have (it has #1 to #{})",
                            postmortem.timeline.len()
                        ),
                    });
                }
            }
        }
        let mut previous_end = 0;
        for time in TIME.captures_iter(narrative) {
            let Some(whole) = time.get(0) else { continue };
            // What the time is told about: the words before it, back to the previous time or
            // the start of its sentence ("we rolled back at 14:20").
            let told = &narrative[clause_start(narrative, whole.start()).max(previous_end)..whole.start()];
            previous_end = whole.end();
            // A log line's stamp ("Mon May 10 19:03:52 2021") and bounds are not claims.
            if BOUND.is_match(told) || starts_with_year(&narrative[whole.end()..]) {
                continue;
            }
            let tolerance = if approximate_timeline || APPROXIMATELY.is_match(told) {
                APPROXIMATE_TOLERANCE_MINUTES
            } else {
                TIME_TOLERANCE_MINUTES
            };
            if let Some(message) = time_mismatch(&time, told, tolerance, &record) {
                let (start, end) = at(whole);
                found.push(Mismatch { line, start, end, claim: text[whole.range()].trim_end().to_string(), message });
            }
        }
        for duration in DURATION.captures_iter(narrative) {
            let Some(whole) = duration.get(0) else { continue };
            if let Some(message) = duration_mismatch(postmortem, &duration) {
                let (start, end) = at(whole);
                found.push(Mismatch { line, start, end, claim: text[whole.range()].to_string(), message });
            }
        }
    }
    found
}

/// The record: Debrief's timeline and key times; else a timeline written in the document with
/// enough timed lines, and the key times; else none.
fn record(postmortem: &Postmortem, document: &str) -> Option<Record> {
    let incident = &postmortem.incident;
    let mut key_times = vec![Moment::at(incident.started_at, "the start".into())];
    for (time, name) in [
        (incident.detected_at, "the detected time"),
        (incident.mitigated_at, "the mitigated time"),
        (incident.resolved_at, "the resolved time"),
    ] {
        if let Some(time) = time {
            key_times.push(Moment::at(time, name.into()));
        }
    }
    // Lines typed, or brought from chat and commits, are the record. So are rows read from the
    // timeline table of a file Debrief wrote; rows read from the timeline written in this very
    // document (a post-mortem written by hand) are not: that timeline stays the record, with its
    // lines. Key times read from a file are marks without words: not a timeline.
    let captured = postmortem.timeline.iter().any(|entry| entry.source != IMPORT_SOURCE);
    let imported_rows = postmortem.timeline.iter().any(|entry| entry.kind.key_time().is_none());
    let debrief_table = postmortem.draft.body.contains(&Region::Timeline.start_marker());
    if captured || (imported_rows && debrief_table) {
        let mut moments: Vec<Moment> = postmortem
            .timeline
            .iter()
            .map(|entry| {
                Moment::at(
                    entry.at,
                    format!("#{} \u{201c}{}\u{201d}", entry.id, written_timeline::opening(&entry.text)),
                )
            })
            .collect();
        moments.extend(key_times);
        let unstated_zone = Some(Zone::Offsets(vec![incident.started_at.offset().local_minus_utc() / 60]));
        return Some(Record { moments, unstated_zone, written: None });
    }
    let written = written_timeline::read(readable_lines(document).map(|(line, _, text, _)| (line, text)));
    if written.entries.len() < WRITTEN_TIMELINE_ENTRIES {
        return None;
    }
    let mut moments: Vec<Moment> = written
        .entries
        .iter()
        .map(|entry| Moment {
            minutes: entry.minutes,
            zone: entry.zone.clone(),
            name: format!("\u{201c}{}\u{201d}", entry.text),
            shown: Shown::Written { time: entry.written.clone(), line: entry.line },
        })
        .collect();
    // A key time the text lists itself ("Repaired: 2023-07-25 15:55", read in on import) is one
    // of its claims, held to its written timeline like the others, not part of the record.
    let listed: Vec<chrono::NaiveDateTime> =
        super::written_durations::key_times(document).into_iter().flatten().map(|(at, _)| at).collect();
    let not_listed = |moment: &Moment| match moment.shown {
        Shown::Instant(at) => !listed.contains(&at.naive_local()),
        Shown::Written { .. } => true,
    };
    moments.extend(key_times.into_iter().filter(not_listed));
    Some(Record { moments, unstated_zone: None, written: Some(written) })
}

/// Whether text goes on with a year, as a log line's stamp does after its time.
fn starts_with_year(text: &str) -> bool {
    let rest = text.trim_start();
    rest.len() < text.len()
        && rest.get(..4).is_some_and(|year| year.chars().all(|c| c.is_ascii_digit()))
        && !rest[4..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Where the sentence holding byte `at` of `line` starts.
fn clause_start(line: &str, at: usize) -> usize {
    line[..at].rfind(['.', ';', '!', '?']).map_or(0, |end| end + 1)
}

/// The words of a text that say what happened: lowercase, four letters or more, and not the
/// small words every sentence has.
fn telling_words(text: &str) -> Vec<String> {
    const SMALL: [&str; 16] = [
        "from", "with", "that", "this", "then", "than", "when", "were", "have", "been", "into", "over", "after",
        "before", "about", "their",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4 && !word.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|word| !SMALL.contains(&word.as_str()))
        .collect()
}

/// Minutes between two times of day: 23:59 and 00:00 are a minute apart.
fn apart_on_the_clock(a: i64, b: i64) -> i64 {
    let apart = (a - b).rem_euclid(24 * 60);
    apart.min(24 * 60 - apart)
}

/// How far a written time (`minutes` in `zone`) is from a moment; `None` when they cannot be
/// compared. A time and a moment without zones are read in the same one.
fn minutes_apart(minutes: i64, zone: &Zone, moment: &Moment) -> Option<i64> {
    match (zone, &moment.zone) {
        (Zone::Unknown, _) | (_, Zone::Unknown) => None,
        (Zone::Offsets(written), Zone::Offsets(recorded)) => written
            .iter()
            .flat_map(|written| {
                recorded.iter().map(move |recorded| {
                    apart_on_the_clock(minutes - i64::from(*written), moment.minutes - i64::from(*recorded))
                })
            })
            .min(),
        _ => Some(apart_on_the_clock(minutes, moment.minutes)),
    }
}

/// What is wrong with a written time no moment of the record is within `tolerance` of, naming
/// the moment it most likely means: a near one whose words the sentence shares ("rolled back"),
/// else the nearest.
fn time_mismatch(time: &regex::Captures, told: &str, tolerance: i64, record: &Record) -> Option<String> {
    let minutes = minutes_of_day(time, false)?;
    let zone = match zone_of(time.get(4).map_or("", |zone| zone.as_str())) {
        Zone::Unstated => record.unstated_zone.clone().unwrap_or(Zone::Unstated),
        zone => zone,
    };
    let apart = |moment: &Moment| minutes_apart(minutes, &zone, moment);
    let comparable: Vec<(&Moment, i64)> =
        record.moments.iter().filter_map(|moment| Some((moment, apart(moment)?))).collect();
    // Nothing to compare with (an unknown zone): no claim can be held to the record.
    if comparable.is_empty() || comparable.iter().any(|(_, apart)| *apart <= tolerance) {
        return None;
    }
    let said = telling_words(told);
    let shares_words = |name: &String| telling_words(name).iter().any(|word| said.contains(word));
    let (meant, _) = comparable
        .iter()
        .filter(|(moment, apart)| shares_words(&moment.name) && *apart <= MEANT_WITHIN_MINUTES)
        .min_by_key(|(_, apart)| *apart)
        .or_else(|| comparable.iter().min_by_key(|(_, apart)| *apart))?;
    Some(match &meant.shown {
        Shown::Instant(at) => {
            // In the claim's zone when it names one offset, else in the moment's own.
            let shown = match &zone {
                Zone::Offsets(offsets) if offsets.len() == 1 => {
                    FixedOffset::east_opt(offsets[0] * 60).map_or(*at, |offset| at.with_timezone(&offset))
                }
                _ => *at,
            };
            let what = if record.written.is_some() {
                "time in the timeline written here or key time"
            } else {
                "timeline entry or key time"
            };
            format!("matches no {what}; the timeline has {} at {}", meant.name, display(&shown))
        }
        Shown::Written { time, line } => {
            format!("matches no time in the timeline written here; it has {} at {time} (line {line})", meant.name)
        }
    })
}

/// "+01:00", "+0100", "-05:00" as an offset.
fn parse_offset(zone: &str) -> Option<FixedOffset> {
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..4)?.parse().ok()?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// What is wrong with a stated length of the outage that none of the key-time spans comes near.
fn duration_mismatch(postmortem: &Postmortem, duration: &regex::Captures) -> Option<String> {
    let (amount, unit, half, more) = match (duration.get(1), duration.get(2), duration.get(5), duration.get(6)) {
        (Some(amount), Some(unit), _, _) => (amount, unit, duration.get(3), duration.get(4)),
        (_, _, Some(amount), Some(unit)) => (amount, unit, duration.get(7), duration.get(8)),
        _ => return None,
    };
    let (amount, unit) = (amount.as_str(), unit.as_str());
    let count = match amount.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "ten" => 10.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        number => number.parse::<f64>().ok()?,
    };
    let minutes_per_unit = if unit.to_ascii_lowercase().starts_with('h') { 60.0 } else { 1.0 };
    let half = if half.is_some() { 0.5 } else { 0.0 };
    let more: f64 = more.map_or(Some(0.0), |minutes| minutes.as_str().parse().ok())?;
    let stated = (count + half) * minutes_per_unit + more;
    let durations = postmortem.incident.durations();
    let incident = &postmortem.incident;
    let spans: Vec<(Duration, &str)> = [
        (durations.length, "from the start to resolved"),
        (incident.mitigated_at.map(|at| at - incident.started_at), "from the start to mitigated"),
        (durations.to_detect, "from the start to detected"),
        (durations.to_mitigate, "from detected to mitigated"),
        (durations.to_resolve, "from detected to resolved"),
    ]
    .into_iter()
    .filter_map(|(span, name)| Some((span?, name)))
    .filter(|(span, _)| *span > Duration::zero())
    .collect();
    // Without key times there is nothing to hold the claim against.
    let (longest, name) = spans.iter().max_by_key(|(span, _)| *span)?;
    // Writers round: "an hour" for 52 minutes is fair, "45 minutes" for 90 is not.
    let close = |span: &Duration| {
        let minutes = span.num_seconds() as f64 / 60.0;
        (minutes - stated).abs() <= (minutes * 0.2).max(5.0)
    };
    if spans.iter().any(|(span, _)| close(span)) {
        return None;
    }
    // A stated length well under every span is about something smaller than the incident
    // ("the cache was cold for 5 minutes"); only lengths the size of the outage are claims on it.
    let shortest = spans.iter().map(|(span, _)| span.num_seconds() as f64 / 60.0).fold(f64::INFINITY, f64::min);
    if stated < shortest * 0.5 {
        return None;
    }
    Some(format!("disagrees with the key times: {} {name}", display_duration(*longest)))
}

/// The narrative's lines with their line numbers and the byte offsets they start at: not the
/// front matter, generated regions, comments, fenced or indented code, quotes or tables.
fn prose_lines(document: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    readable_lines(document).filter(|(_, _, _, table)| !table).map(|(line, start, text, _)| (line, start, text))
}

/// The lines of the author's Markdown, with their line numbers, the byte offsets they start at,
/// and whether each is a table row: not the front matter, generated regions, comments, fenced
/// or indented code, or quotes.
pub(super) fn readable_lines(document: &str) -> impl Iterator<Item = (usize, usize, &str, bool)> {
    let mut front_matter = document.starts_with("---");
    let mut fence: Option<&str> = None;
    let mut in_region = false;
    let mut in_comment = false;
    let mut offset = 0;
    document.split_inclusive('\n').enumerate().filter_map(move |(index, raw)| {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        // The template's prompts and other HTML comments are not the narrative.
        if in_comment {
            in_comment = !line.contains("-->");
            return None;
        }
        if trimmed.starts_with("<!--")
            && !trimmed.starts_with("<!-- debrief:")
            && !trimmed.starts_with("<!-- /debrief:")
        {
            in_comment = !line.contains("-->");
            return None;
        }
        if front_matter {
            if index > 0 && line.trim_end() == "---" {
                front_matter = false;
            }
            return None;
        }
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            return None;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            return None;
        }
        if trimmed.starts_with("<!-- debrief:") {
            in_region = true;
            return None;
        }
        if trimmed.starts_with("<!-- /debrief:") {
            in_region = false;
            return None;
        }
        // An indented line is code, unless it is a list item nested in another.
        let list_item = trimmed.starts_with(['-', '*', '+']) && trimmed[1..].starts_with(' ');
        let code = (line.starts_with("    ") || line.starts_with('\t')) && !list_item;
        if in_region || code || trimmed.starts_with('>') {
            return None;
        }
        Some((index + 1, line_start, line, trimmed.starts_with('|')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_in_both_forms() {
        assert_eq!(parse_offset("+01:00"), FixedOffset::east_opt(3600));
        assert_eq!(parse_offset("-0530"), FixedOffset::east_opt(-(5 * 3600 + 30 * 60)));
        assert_eq!(parse_offset("+1"), None);
    }

    fn hand_written(body: &str) -> Postmortem {
        let started = DateTime::parse_from_rfc3339("2023-07-25T00:00:00+00:00").unwrap();
        Postmortem {
            incident: crate::model::Incident {
                id: "2023-07-25-prometheus".into(),
                title: "Prometheus down".into(),
                kind: crate::model::IncidentKind::Unscheduled,
                severity: None,
                status: crate::model::Status::Resolved,
                written_up: true,
                commander: None,
                participants: vec![],
                started_at: started,
                detected_at: None,
                mitigated_at: None,
                resolved_at: None,
                owner: None,
                postmortem_status: crate::model::PostmortemStatus::Draft,
                services: vec![],
                tags: vec![],
                tickets: vec![],
                chat_logs: vec![],
                forum_links: vec![],
            },
            timeline: vec![],
            contributing_factors: vec![],
            action_items: vec![],
            draft: super::super::Draft { body: body.into(), extra_front_matter: String::new() },
        }
    }

    fn claims(body: &str) -> Vec<(String, String)> {
        mismatches(&hand_written(body), body).into_iter().map(|found| (found.claim, found.message)).collect()
    }

    const TIMELINE: &str = "## Timeline (all times UTC)\n\n- 14:05 - PagerDuty alert, Prometheus is down\n\
                            - 14:22 - Drained the node\n- 16:18 - Incident repaired\n\n## Summary\n\n";

    #[test]
    fn a_written_timeline_is_the_record_of_a_post_mortem_written_without_debrief() {
        let found = claims(&format!("{TIMELINE}- Repaired: 2023-07-25 15:55\n- First detected: 2023-07-25 14:05\n"));
        assert_eq!(
            found,
            [(
                "15:55".to_string(),
                "matches no time in the timeline written here; it has \u{201c}Incident repaired\u{201d} at 16:18 (line 5)"
                    .to_string()
            )]
        );
        // Its own lines, and times in other zones that are the same moment, are not claims.
        assert!(
            claims(&format!("{TIMELINE}At 16:22 CEST we drained the node; by 09:18 PDT it was repaired.\n")).is_empty()
        );
        // One or two timed lines are not a timeline.
        assert!(claims("- 14:05 - alert\n- 14:22 - drained\n\nWe rolled back at 15:00.\n").is_empty());
    }

    #[test]
    fn bounds_approximations_quotes_code_links_and_log_stamps_are_not_claims_to_the_minute() {
        let prose = "We knew before 15:00 that it was the node. At approximately 14:00 UTC the load rose. \
                     Someone said \"it broke at 15:30\" and the log read `15:31 ERROR`. \
                     See [the graph](https://example.com/?t=15:33) and <https://example.com/15:32>. Date:   Mon Jul 25 15:34:52 2023 +0900\n";
        assert_eq!(claims(&format!("{TIMELINE}{prose}")), []);
        let found = claims(&format!("{TIMELINE}At around 15:00 the node was drained.\n"));
        assert_eq!(found.len(), 1, "ten minutes is what \"around\" allows: {found:?}");
    }

    #[test]
    fn an_hour_and_some_minutes_is_read_whole() {
        let text = "It lasted 1 hour and 48 minutes; an hour and a half of downtime; for 5 hours 26 minutes.";
        let stated: Vec<String> = DURATION.captures_iter(text).map(|found| found[0].to_string()).collect();
        assert_eq!(
            stated,
            ["lasted 1 hour and 48 minutes", "an hour and a half of downtime", "for 5 hours 26 minutes"]
        );
    }

    #[test]
    fn only_prose_is_read() {
        let document = "---\nstarted: 2026-11-23T14:00:00+01:00\n---\n\n# Title\n\nWe rolled back at 14:20.\n\n```\n14:21 ERROR\n```\n\n> at 14:22 she said\n\n<!-- e.g. at 14:23\n 14:24 -->\n<!-- debrief:timeline -->\n| 14:05 | x |\n<!-- /debrief:timeline 0000000000000000 -->\n";
        let lines: Vec<_> = prose_lines(document).filter(|(_, _, line)| line.contains(':')).collect();
        let start = document.find("We rolled").unwrap();
        assert_eq!(lines, [(7, start, "We rolled back at 14:20.")]);
    }
}
