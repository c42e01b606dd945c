//! A timeline written by hand in a post-mortem's Markdown: the record its narrative is held to
//! when it was not written with Debrief. Teams write it as a list ("- 14:05 - rolled back",
//! "- **16:58 UTC** - ..."), a table ("| 2023-07-21 08:15 | ... |") or paragraphs
//! ("12:45 PM PST Saturday Oct 30th: ..."), under a heading such as "Timeline (all times PST)"
//! or after a line such as "All times in UTC."
//!
//! A timed line is one that starts with a time (after a list marker, a table's first pipe,
//! emphasis, "~" and a date, "2023-07-21" or "Jan 14,"); its zone is the one written after its
//! time, else the one its section states, else unknown. A table whose header puts the time in
//! another column ("| Event | Time |", "| Date | Time | What happened |") is read by that
//! column. A date before a time is read as a date, never as part of the time; times are
//! compared as times of day in their zones, to the minute.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::claims::{TIME, Zone, minutes_of_day, zone_of};
use super::written_dates::WORDED_DAY;

/// A line of the written timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WrittenEntry {
    /// The line of the text, from 1.
    pub line: usize,
    /// Minutes past midnight, as written.
    pub minutes: i64,
    /// The zone its time is in.
    pub zone: Zone,
    /// Its date and time as written ("2023-07-21 08:15", "16:58 UTC").
    pub written: String,
    /// Its date as written, when the line gives one ("2023-07-21").
    pub date: Option<String>,
    /// The zone's name as written after the time or stated for its section ("UTC", "PST",
    /// "+02:00"), when there is one.
    pub zone_name: Option<String>,
    /// Whether it is in a section whose heading names the timeline.
    pub in_timeline: bool,
    /// For a line without its own date: the day a line or heading above it gives alone, as
    /// multi-day timelines head each day ("**2017-02-01**", "### Thursday, February 2nd").
    pub day_above: Option<String>,
    /// What happened then, as written: the start of it ([`opening`]).
    pub text: String,
    /// What happened then, all of it, without Markdown marks; a table's other cells joined by " — ".
    pub event: String,
}

/// The written timeline of a text: its timed lines, and every line a timeline section holds
/// (timed or not), which are the timeline itself and never claims about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct WrittenTimeline {
    pub entries: Vec<WrittenEntry>,
    pub lines: HashSet<usize>,
    /// A timeline that says its times are approximate.
    pub approximate: bool,
}

/// What may come before a timed line's time: a list marker (also "–" and "•", which people type
/// for one), a table's first pipe, emphasis, a bracket or code mark ("[09:03]", "`09:05`" as
/// chat and GitHub write them), "~", and a date (in figures or words).
static ENTRY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:[-*+•–—]|\d{{1,3}}[.)])\s+)?(?:\|\s*)?(?:\*\*|__|[*_])?\s*[\[`]?(?:~\s*|(?:approx\.?|approximately|around|about|ca\.)\s+)?(?:(?P<date>\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|{WORDED_DAY})(?:T|\s+[-–—]\s+|,?\s+)(?:at\s+)?~?)?",
    ))
    .expect("the entry pattern is valid")
});

/// A time written as French (and Portuguese, Spanish or Italian writers often) write it at the
/// start of a timeline's line: "09h30", "14h02 UTC". Its groups are [`TIME`]'s. Read only
/// where a line starts with it: in prose, "2h30" is as often a length.
static HOUR_H_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b([01]?\d|2[0-3])h([0-5]\d)(?:\s*([ap])\.?m\b\.?)?\b(?:\s*(utc|gmt|z\b|[+-]\d{2}:?\d{2}\b|(?-i:[A-Z]{1,4}T\b)))?",
    )
    .expect("the hour-h time pattern is valid")
});

/// The end of a link whose words are a line's time: `](https://chat.example.com/p123)`.
static LINKED_TIME_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\]\([^)\s]*\)").expect("the linked time pattern is valid"));

/// The time said again in parentheses after a line's time, in another zone: ` (6:48 PDT)`.
static TIME_AGAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(\s*\d{1,2}:\d{2}[^()]{0,16}\)").expect("the time again pattern is valid"));

/// A heading (`## Timeline`) or a line standing for one (`**Timeline:**`).
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,3}(#{1,6})\s+(.*)$|^\s*(?:\*\*|__)([^*_]{1,80})(?:\*\*|__)\s*:?\s*$")
        .expect("the heading pattern is valid")
});

/// Markdown around an entry's words: emphasis, code marks, and links (their words kept).
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(?P<text>[^\]]*)\]\([^)]*\)|\*\*|__|`").expect("the markup pattern is valid"));

/// "Timeline", and "Chronology" as some teams head it ("Chronologie" in French and German).
static TIMELINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:timeline|chronology|chronologie)\b").expect("the timeline word pattern is valid")
});

/// A statement of the zone times are written in: "All times in UTC.", "Timeline (all times PST)",
/// a table header "Time (Pacific)".
static ZONE_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btimes?\b.{0,40}?\b(utc|gmt|pacific|eastern|central|mountain|(?-i:[A-Z]{1,4}T))\b")
        .expect("the zone statement pattern is valid")
});

static APPROXIMATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:all\s+)?times?\s+(?:are\s+)?approximat(?:e|ions?)\b|\bapproximate\s+times\b")
        .expect("the approximate pattern is valid")
});

/// A section of the text, from its heading to the next one at its level or above.
struct Section {
    level: usize,
    is_timeline: bool,
    zone: Option<StatedZone>,
}

/// A zone a heading or line states, and its name as written.
#[derive(Clone)]
struct StatedZone {
    zone: Zone,
    name: String,
}

/// Reads the written timeline from `lines`: the text's lines with their numbers, code, quotes,
/// comments, front matter and Debrief's generated regions already left out.
pub(super) fn read<'a>(lines: impl Iterator<Item = (usize, &'a str)>) -> WrittenTimeline {
    let mut timeline = WrittenTimeline::default();
    let mut sections: Vec<Section> = Vec::new();
    let mut day_above: Option<String> = None;
    // The line above, in the same paragraph, when it is text: what a status page's update says
    // above its time ("**Resolved** - This incident has been resolved." then "Jan 14, 10:18 PST").
    let mut text_above: Option<&str> = None;
    let mut table = TableColumns::default();
    for (number, line) in lines {
        let above = text_above.take();
        let (written, rearranged) = (line, table.follow(line));
        let line = rearranged.as_deref().unwrap_or(written);
        if let Some(heading) = HEADING.captures(line) {
            let (level, title) = match (heading.get(1), heading.get(2), heading.get(3)) {
                (Some(hashes), Some(title), _) => (hashes.as_str().len(), title.as_str()),
                // A bold line stands for a heading one level below the section it is in.
                (_, _, Some(title)) => (sections.last().map_or(1, |section| section.level) + 1, title.as_str()),
                _ => continue,
            };
            sections.retain(|section| section.level < level);
            // A heading that is a day heads that day's lines; any other ends the day's.
            day_above = day_alone(title).map(str::to_string);
            let is_timeline = TIMELINE_WORD.is_match(title);
            timeline.approximate |= is_timeline && APPROXIMATE.is_match(title);
            sections.push(Section { level, is_timeline, zone: stated_zone(title) });
            if is_timeline {
                timeline.lines.insert(number);
            }
            continue;
        }
        let in_timeline = sections.iter().any(|section| section.is_timeline);
        if in_timeline {
            timeline.lines.insert(number);
            timeline.approximate |= APPROXIMATE.is_match(line);
        }
        let section_zone = sections.iter().rev().find_map(|section| section.zone.clone());
        if let Some(mut entry) = entry(number, line, section_zone.as_ref(), in_timeline) {
            timeline.lines.insert(number);
            if entry.date.is_none() {
                entry.day_above = day_above.clone();
            }
            if entry.event.is_empty()
                && let Some(above) = above
            {
                entry.event = plain(above);
                entry.text = opening(&entry.event);
            }
            timeline.entries.push(entry);
        } else {
            if !written.trim().is_empty() {
                text_above = Some(written);
            }
            if let Some(day) = day_alone(line) {
                day_above = Some(day.to_string());
            }
            if let Some(zone) = stated_zone(line) {
                // "All times in UTC." holds for the rest of its section (or, before any heading, the text).
                match sections.last_mut() {
                    Some(section) => section.zone = Some(zone),
                    None => sections.push(Section { level: 0, is_timeline: false, zone: Some(zone) }),
                }
            }
        }
    }
    timeline
}

/// Where a table keeps its times, from its header: the column headed "Time" ("Timestamp",
/// "When", "Time (UTC)") and the one headed "Date", when they are not the table's first. Its rows
/// are then read with the date and time first, as the rest of the timeline is read.
#[derive(Default)]
struct TableColumns {
    /// The line above, while it may be a table's header.
    header: Option<Vec<String>>,
    /// The time's column and the date's, for the rows of the table being read.
    columns: Option<(usize, Option<usize>)>,
}

impl TableColumns {
    /// Follows the text a line at a time; a row of a table that keeps its times in another
    /// column comes back with its date and time moved to the front.
    fn follow(&mut self, line: &str) -> Option<String> {
        let Some(cells) = table_cells(line) else {
            (self.header, self.columns) = (None, None);
            return None;
        };
        let delimiter = cells.iter().all(|cell| {
            let dashes = cell.trim_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|byte| byte == b'-')
        });
        if delimiter {
            self.columns = self.header.take().and_then(|header| time_columns(&header));
            return None;
        }
        let Some((time, date)) = self.columns else {
            self.header = Some(cells);
            return None;
        };
        let when = [date, Some(time)].into_iter().flatten().filter_map(|index| cells.get(index));
        let when = when.map(String::as_str).collect::<Vec<_>>().join(" ");
        let rest = cells
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != time && Some(*index) != date)
            .map(|(_, cell)| cell.as_str());
        Some(format!("| {when} | {} |", rest.collect::<Vec<_>>().join(" | ")))
    }
}

/// A table row's cells, trimmed, when the line is one (it starts with a pipe).
fn table_cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(|cell| cell.trim().to_string()).collect())
}

/// The columns a table header names for its times and dates, when its times are not in the
/// first column already.
fn time_columns(header: &[String]) -> Option<(usize, Option<usize>)> {
    let named = |cell: &String| without_marks(cell).trim().to_lowercase();
    // (Not a length: "Time to detect", "Time spent", "Time taken".)
    let is_time = |cell: &String| {
        let name = named(cell);
        let length = ["time to ", "time spent", "time taken", "time in "].iter().any(|start| name.starts_with(start));
        !length
            && ["time", "timestamp", "when", "date/time", "date & time", "date and time", "datetime"]
                .iter()
                .any(|word| name == *word || name.strip_prefix(word).is_some_and(|rest| rest.starts_with([' ', '('])))
    };
    let time = header.iter().position(is_time)?;
    let date =
        header.iter().position(|cell| matches!(named(cell).as_str(), "date" | "day")).filter(|&date| date != time);
    (time > 0 || date.is_some()).then_some((time, date))
}

/// The start of what a line says, to name it by: its first 60 characters, cut after a whole
/// word and marked "…" when there is more.
pub(super) fn opening(text: &str) -> String {
    const SHOWN: usize = 60;
    if text.chars().count() <= SHOWN {
        return text.to_string();
    }
    let start: String = text.chars().take(SHOWN).collect();
    let words = start.rsplit_once(char::is_whitespace).map_or(start.as_str(), |(words, _)| words);
    format!("{}…", words.trim_end_matches([',', ';', ':', ' ', '-']))
}

/// Markdown's marks taken from text: a link's words kept, emphasis and code marks left out.
pub(super) fn without_marks(text: &str) -> std::borrow::Cow<'_, str> {
    MARKUP.replace_all(text, "$text")
}

/// What a line says, without Markdown marks, list markers or the dashes and colons before it;
/// a table's cells joined by " — ".
fn plain(line: &str) -> String {
    let text = without_marks(line);
    let text = text
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—:|)(]".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    text.split('|').map(str::trim).filter(|cell| !cell.is_empty()).collect::<Vec<_>>().join(" — ")
}

/// A day alone on a line or heading, in figures or words ("**2017-02-01**", "Thursday, February
/// 2nd 2017:", "- Jan 14", "2015-10-21 (all times UTC)"), without its marks or a remark in
/// parentheses after it.
fn day_alone(text: &str) -> Option<&str> {
    static DAY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|{WORDED_DAY})$"))
            .expect("the day alone pattern is valid")
    });
    let marks = |c: char| c.is_whitespace() || "#*_-+>:|".contains(c);
    let mut day = text.trim_matches(marks);
    if day.ends_with(')')
        && let Some(open) = day.rfind('(')
    {
        day = day[..open].trim_matches(marks);
    }
    DAY_ALONE.is_match(day).then_some(day)
}

/// The name of the zone a heading or line says the times are in ("UTC" of "All times in UTC.").
pub(super) fn stated_zone_name(text: &str) -> Option<String> {
    stated_zone(text).map(|stated| stated.name)
}

/// The zone a heading or line says the times are in, when it says one.
fn stated_zone(text: &str) -> Option<StatedZone> {
    let stated = ZONE_STATEMENT.captures(text)?;
    match zone_of(&stated[1]) {
        zone @ Zone::Offsets(_) => Some(StatedZone { zone, name: stated[1].to_string() }),
        Zone::Unstated | Zone::Unknown => None,
    }
}

/// The line as a timeline entry, when it starts with a time.
fn entry(number: usize, line: &str, section_zone: Option<&StatedZone>, in_timeline: bool) -> Option<WrittenEntry> {
    let start = ENTRY_START.captures(line)?;
    let prefix = start.get(0)?;
    // Most lines start with no time: they are passed over without a search of the rest.
    if !line[prefix.end()..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let at_start = |pattern: &Regex| {
        pattern
            .captures_at(line, prefix.end())
            .filter(|time| time.get(0).is_some_and(|whole| whole.start() == prefix.end()))
    };
    let time = at_start(&TIME).or_else(|| at_start(&HOUR_H_TIME))?;
    let whole = time.get(0)?;
    let minutes = minutes_of_day(&time, true)?;
    let own_zone = time.get(4).map_or("", |zone| zone.as_str().trim());
    let (zone, zone_name) = match zone_of(own_zone) {
        Zone::Unstated => match section_zone {
            Some(stated) => (stated.zone.clone(), Some(stated.name.clone())),
            None => (Zone::Unstated, None),
        },
        zone => (zone, Some(own_zone.to_string())),
    };
    let date = start.name("date").map(|date| date.as_str().to_string());
    let written = match &date {
        Some(date) => format!("{date} {}", whole.as_str().trim()),
        None => whole.as_str().trim().to_string(),
    };
    // A time that links to its chat message ("[09:03](https://chat...) Alert fired") is followed
    // by the link's address, which is not what happened.
    let rest = &line[whole.end()..];
    let rest = LINKED_TIME_END.find(rest).map_or(rest, |link| &rest[link.end()..]);
    // Nor is the time again in another zone: "12:48 (6:48 PDT): The last block was farmed",
    // nor German's word for o'clock: "10:18 Uhr: Alarm ausgelöst".
    let rest = TIME_AGAIN.find(rest).map_or(rest, |again| &rest[again.end()..]);
    let rest = match rest.trim_start().strip_prefix("Uhr") {
        Some(after) if !after.starts_with(char::is_alphabetic) => after,
        _ => rest,
    };
    let event = plain(rest);
    let text = opening(&event);
    Some(WrittenEntry {
        line: number,
        minutes,
        zone,
        written,
        date,
        zone_name,
        in_timeline,
        day_above: None,
        text,
        event,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> WrittenTimeline {
        read(text.lines().enumerate().map(|(index, line)| (index + 1, line)))
    }

    /// A table that keeps its times in a later column, or its dates and times apart, is read by
    /// its header; a table whose header names no time, and its rows, are left as they are.
    #[test]
    fn a_table_is_read_by_the_columns_its_header_names_for_times() {
        let timeline = read_text(
            "## Timeline\n\n| Event | Time |\n|-------|------|\n| Failure detected | 2026-04-27 18:56:27 UTC |\n\
             | Recovery confirmed | 2026-04-27 18:59:32 UTC |\n| Time to recovery | **3m** |\n\n\
             | Date | Time (UTC) | Who | What happened |\n| :--- | :---: | --- | --- |\n\
             | 2026-04-28 | 09:15 | Ana | Rolled back |\n\n| Service | Owner |\n|---|---|\n| 10:00 api | Bo |\n\n\
             | Measure | Time to detect |\n|---|---|\n| p50 | 10:00 |\n",
        );
        let read: Vec<_> =
            timeline.entries.iter().map(|entry| (entry.line, entry.written.as_str(), entry.event.as_str())).collect();
        assert_eq!(
            read,
            [
                (5, "2026-04-27 18:56:27 UTC", "Failure detected"),
                (6, "2026-04-27 18:59:32 UTC", "Recovery confirmed"),
                (11, "2026-04-28 09:15", "Ana — Rolled back"),
                (15, "10:00", "api — Bo"),
            ]
        );
    }

    /// A timeline as French teams write it: "09h30", under "Chronologie"; "2h30" in prose is a length.
    #[test]
    fn times_written_with_an_h_start_a_timeline_line() {
        let timeline = read_text(
            "## Chronologie (heure de Paris, CET)\n\n- 09h30 : les erreurs 502 montent\n\
             - **14h02 UTC** - retour à la normale\n\nLa panne a duré 2h30 au total.\n",
        );
        let read: Vec<_> = timeline
            .entries
            .iter()
            .map(|entry| (entry.line, entry.minutes, entry.written.as_str(), entry.in_timeline))
            .collect();
        assert_eq!(read, [(3, 9 * 60 + 30, "09h30", true), (4, 14 * 60 + 2, "14h02 UTC", true)]);
        assert_eq!(timeline.entries[0].text, "les erreurs 502 montent");
        assert_eq!(timeline.entries[1].zone, Zone::Offsets(vec![0]));
    }

    #[test]
    fn lists_tables_and_paragraphs_with_dates_and_zones_are_read() {
        let timeline = read_text(
            "# Outage\n\nWe rolled back at 14:20.\n\n## Timeline (all times PST)\n\n\
             - 2023-07-21 08:15 - User reported issues\n\
             – 2023-07-21 09:31: Incident declared\n\
             | ~2025-03-03 19:30 | Investigated |\n\
             - **16:58 UTC** - Writer database saturated\n\
             12:45 PM: First wave\n\
             13:55 PM PST Saturday Oct 30th: alarms fire\n\
             The team met at 10:00.\n\n## Root cause\n\n14:05 is when it began.\n",
        );
        let read: Vec<_> =
            timeline.entries.iter().map(|entry| (entry.line, entry.minutes, entry.written.as_str())).collect();
        assert_eq!(
            read,
            [
                (7, 8 * 60 + 15, "2023-07-21 08:15"),
                (8, 9 * 60 + 31, "2023-07-21 09:31"),
                (9, 19 * 60 + 30, "2025-03-03 19:30"),
                (10, 16 * 60 + 58, "16:58 UTC"),
                (11, 12 * 60 + 45, "12:45 PM"),
                (12, 13 * 60 + 55, "13:55 PM PST"),
                (17, 14 * 60 + 5, "14:05"),
            ]
        );
        assert_eq!(timeline.entries[0].zone, Zone::Offsets(vec![-480, -420]), "the heading's zone");
        assert_eq!(timeline.entries[3].zone, Zone::Offsets(vec![0]), "the entry's own zone");
        assert_eq!(timeline.entries[6].zone, Zone::Unstated, "a section without a zone");
        assert_eq!(timeline.entries[3].text, "Writer database saturated");
        assert!(timeline.lines.contains(&13), "a line in the timeline section is the timeline's");
        assert!(!timeline.lines.contains(&3) && !timeline.lines.contains(&15));
    }

    #[test]
    fn a_day_alone_on_a_line_or_heading_heads_the_lines_below_it() {
        for alone in ["**2017-02-01**", "### Thursday, February 2nd", "2017/02/01:", "- Jan 14", "__14 January 2026__"]
        {
            assert!(day_alone(alone).is_some(), "{alone}");
        }
        for not_alone in ["**Response**", "Jan 14 was a Tuesday", "2017-02-01 14:00", "May"] {
            assert_eq!(day_alone(not_alone), None, "{not_alone}");
        }
        let timeline = read_text(
            "## Timeline\n\n**2017-02-01**\n\n- 09:00 - Restore\n- 2017-02-03 10:00 - Review\n\n## Impact\n\n- 11:00 - Users\n",
        );
        let above: Vec<_> = timeline.entries.iter().map(|entry| entry.day_above.as_deref()).collect();
        assert_eq!(above, [Some("2017-02-01"), None, None], "a line with its own day, and one after another heading");
    }

    #[test]
    fn times_in_brackets_code_or_a_link_to_their_message_with_am_pm_unspaced_or_said_again_are_read() {
        let timeline = read_text(
            "## Timeline\n\n- [09:03] Alert fired\n- `09:05` Paged the on-call\n\
             - [09:07](https://chat.example.com/p123) Acknowledged\n- 9:10am Incident declared\n- 09h30 Checked\n\
             - 12:48 (6:48 PDT): Block farmed\n- 14.01.2025 13:05 Uhr: Alarm ausgelöst\n",
        );
        let read: Vec<_> = timeline.entries.iter().map(|entry| (entry.minutes, entry.event.as_str())).collect();
        assert_eq!(
            read,
            [
                (9 * 60 + 3, "Alert fired"),
                (9 * 60 + 5, "Paged the on-call"),
                (9 * 60 + 7, "Acknowledged"),
                (9 * 60 + 10, "Incident declared"),
                (9 * 60 + 30, "Checked"),
                (12 * 60 + 48, "Block farmed"),
                (13 * 60 + 5, "Alarm ausgelöst"),
            ]
        );
    }

    #[test]
    fn a_line_is_named_by_its_opening_words_cut_after_a_whole_word() {
        assert_eq!(opening("Rolled back"), "Rolled back");
        assert_eq!(
            opening("The last transaction block before the incident 255105, was farmed. Shortly after"),
            "The last transaction block before the incident 255105, was…"
        );
        assert_eq!(opening(&"x".repeat(70)), format!("{}…", "x".repeat(60)), "one long word is cut where it must be");
    }

    #[test]
    fn a_stated_zone_holds_for_its_section_and_approximate_timelines_are_known() {
        let timeline = read_text(
            "## Timeline\n\nAll times in UTC. All times approximate.\n\n| Time | Event |\n|---|---|\n\
             | 2022-06-07 08:30 | Excluded the namespace |\n\n## Impact\n\n- 09:00 - customers\n",
        );
        assert_eq!(timeline.entries[0].zone, Zone::Offsets(vec![0]));
        assert_eq!(timeline.entries[1].zone, Zone::Unstated, "the next section states none");
        assert!(timeline.approximate);
    }
}
