//! Claims that match the record. A narrative written days later drifts from the timeline it
//! tells: "we rolled back at 14:20" when the timeline says 14:05, "for 45 minutes" when the
//! key times say an hour and a half, a citation `[#12]` of a line that was never written. The
//! timeline and key times are the record; this reads the narrative's times, durations and
//! citations and says which of them the record does not hold.
//!
//! Only prose is read: not the front matter, not Debrief's generated regions (they are the
//! record), not code blocks or quotes (logs and what people said carry their own times).

use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Timelike};
use regex::Regex;
use serde::Serialize;

use super::Postmortem;
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

/// A time of day as the narrative writes it: "14:05", "9:30 am", "23:50 UTC", "14:05:30 +01:00".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([01]?\d|2[0-3]):([0-5]\d)\b(?::[0-5]\d\b)?(?:\s*([ap])\.?m\b\.?)?(?:\s*(utc|gmt|z\b|[+-]\d{2}:?\d{2}\b))?")
        .expect("the time pattern is valid")
});

/// A stated length of the outage: "for 45 minutes", "lasted an hour", "90 minutes of downtime".
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(for|lasted|lasting|outage of|downtime of)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+|~)?((?:\d+(?:\.\d+)?)|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty)\s+(minutes?|mins?|hours?|hrs?)\b|((?:\d+(?:\.\d+)?)|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty)\s+(minutes?|mins?|hours?|hrs?)\s+of\s+(?:downtime|outage|disruption|impact|degraded service))",
    )
    .expect("the duration pattern is valid")
});

/// A citation of a timeline entry: `[#12]`.
static CITATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[#(\d+)\]").expect("the citation pattern is valid"));

/// How far a written time may be from the record's: times are written to the minute.
const TIME_TOLERANCE_MINUTES: i64 = 1;

/// The narrative's times, durations and citations that the timeline and key times do not hold,
/// read from the rendered post-mortem `document` (its lines are the file's lines).
pub fn mismatches(postmortem: &Postmortem, document: &str) -> Vec<Mismatch> {
    // A post-mortem written without a timeline (imported by hand) has no record to hold its
    // narrative to but its start; its own times are all it has.
    if postmortem.timeline.is_empty() {
        return Vec::new();
    }
    let moments = record_moments(postmortem);
    let offset = *postmortem.incident.started_at.offset();
    let mut found = Vec::new();
    for (line, line_start, text) in prose_lines(document) {
        let at = |whole: regex::Match| (line_start + whole.start(), line_start + whole.end());
        for citation in CITATION.captures_iter(text) {
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
        let mut previous_end = 0;
        for time in TIME.captures_iter(text) {
            let Some(whole) = time.get(0) else { continue };
            // What the time is told about: the words before it, back to the previous time or
            // the start of its sentence ("we rolled back at 14:20").
            let told = &text[clause_start(text, whole.start()).max(previous_end)..whole.start()];
            previous_end = whole.end();
            if let Some(message) = time_mismatch(&time, told, offset, &moments) {
                let (start, end) = at(whole);
                found.push(Mismatch { line, start, end, claim: whole.as_str().trim_end().to_string(), message });
            }
        }
        for duration in DURATION.captures_iter(text) {
            let Some(whole) = duration.get(0) else { continue };
            if let Some(message) = duration_mismatch(postmortem, &duration) {
                let (start, end) = at(whole);
                found.push(Mismatch { line, start, end, claim: whole.as_str().to_string(), message });
            }
        }
    }
    found
}

/// What the record holds: every timeline entry and key time, with what to call it.
fn record_moments(postmortem: &Postmortem) -> Vec<(DateTime<FixedOffset>, String)> {
    let incident = &postmortem.incident;
    let mut moments: Vec<_> = postmortem
        .timeline
        .iter()
        .map(|entry| {
            let text: String = entry.text.chars().take(60).collect();
            (entry.at, format!("#{} \u{201c}{text}\u{201d}", entry.id))
        })
        .collect();
    moments.push((incident.started_at, "the start".into()));
    for (time, name) in [
        (incident.detected_at, "the detected time"),
        (incident.mitigated_at, "the mitigated time"),
        (incident.resolved_at, "the resolved time"),
    ] {
        if let Some(time) = time {
            moments.push((time, name.into()));
        }
    }
    moments
}

/// Where the sentence holding byte `at` of `line` starts.
fn clause_start(line: &str, at: usize) -> usize {
    line[..at].rfind(['.', ';', '!', '?']).map_or(0, |end| end + 1)
}

/// The words of a text that say what happened: lowercase, four letters or more.
fn telling_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4 && !word.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// What is wrong with a written time no moment of the record is within a minute of, naming
/// the moment it most likely means: one whose words the sentence shares ("rolled back"),
/// else the nearest.
fn time_mismatch(
    time: &regex::Captures,
    told: &str,
    incident_offset: FixedOffset,
    moments: &[(DateTime<FixedOffset>, String)],
) -> Option<String> {
    let mut hour: u32 = time[1].parse().ok()?;
    let minute: u32 = time[2].parse().ok()?;
    match time.get(3).map(|half| half.as_str().to_ascii_lowercase()) {
        // "14:05 pm" is not a time anyone means; leave it alone rather than guess.
        Some(_) if hour > 12 || hour == 0 => return None,
        Some(half) if half == "p" && hour < 12 => hour += 12,
        Some(half) if half == "a" && hour == 12 => hour = 0,
        _ => {}
    }
    let written = NaiveTime::from_hms_opt(hour, minute, 0)?;
    // The zone the narrative wrote, else the incident's own (the offset its start was given in).
    let zone = match time.get(4).map(|zone| zone.as_str().to_ascii_lowercase()) {
        Some(zone) if matches!(zone.as_str(), "utc" | "gmt" | "z") => FixedOffset::east_opt(0)?,
        Some(zone) => parse_offset(&zone)?,
        None => incident_offset,
    };
    let minutes_apart = |moment: &DateTime<FixedOffset>| {
        let local = moment.with_timezone(&zone).time();
        let local = i64::from(local.hour() * 60 + local.minute());
        let written = i64::from(written.hour() * 60 + written.minute());
        // Times of day: 23:59 and 00:00 are a minute apart.
        let apart = (local - written).rem_euclid(24 * 60);
        apart.min(24 * 60 - apart)
    };
    if moments.iter().any(|(moment, _)| minutes_apart(moment) <= TIME_TOLERANCE_MINUTES) {
        return None;
    }
    let said = telling_words(told);
    let shares_words = |name: &String| telling_words(name).iter().any(|word| said.contains(word));
    let (meant, name) = moments
        .iter()
        .filter(|(_, name)| shares_words(name))
        .min_by_key(|(moment, _)| minutes_apart(moment))
        .or_else(|| moments.iter().min_by_key(|(moment, _)| minutes_apart(moment)))?;
    Some(format!(
        "matches no timeline entry or key time; the timeline has {name} at {}",
        display(&meant.with_timezone(&zone)),
    ))
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
    let (amount, unit) = match (duration.get(2), duration.get(3), duration.get(4), duration.get(5)) {
        (Some(amount), Some(unit), _, _) | (_, _, Some(amount), Some(unit)) => (amount.as_str(), unit.as_str()),
        _ => return None,
    };
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
    let stated = count * minutes_per_unit;
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
        let code_or_quote = line.starts_with("    ") || line.starts_with('\t') || trimmed.starts_with('>');
        if in_region || code_or_quote || trimmed.starts_with('|') {
            return None;
        }
        Some((index + 1, line_start, line))
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

    #[test]
    fn only_prose_is_read() {
        let document = "---\nstarted: 2026-11-23T14:00:00+01:00\n---\n\n# Title\n\nWe rolled back at 14:20.\n\n```\n14:21 ERROR\n```\n\n> at 14:22 she said\n\n<!-- e.g. at 14:23\n 14:24 -->\n<!-- debrief:timeline -->\n| 14:05 | x |\n<!-- /debrief:timeline 0000000000000000 -->\n";
        let lines: Vec<_> = prose_lines(document).filter(|(_, _, line)| line.contains(':')).collect();
        let start = document.find("We rolled").unwrap();
        assert_eq!(lines, [(7, start, "We rolled back at 14:20.")]);
    }
}
