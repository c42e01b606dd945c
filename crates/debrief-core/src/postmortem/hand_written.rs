//! A post-mortem written by hand, without Debrief, read in by `import-postmortem`: the lines
//! of its timeline become the incident's timeline, the key times it lists ("Detected:
//! 2025-01-13 10:13 UTC") the incident's, and the action items and contributing factors it
//! lists (read as the index reads them) Debrief's, so that a team's earlier write-ups can be
//! followed through like the ones written with Debrief. Its prose stays the draft, as written.
//!
//! A line's time is read in the zone written after it, else the one its section states ("All
//! times in CET"), else the zone the import is given. A line without a day takes the day a
//! line or heading above it gives alone ("**2017-02-01**"), else the day of the line before it
//! (the next day when its time is more than half a day earlier: 23:50, then 00:10), else the
//! day the import is given, else the day the post-mortem says it was ("Date:
//! 2024-12-03"), else the day its file's name or its title gives ("crates.io incident report
//! for 2020-02-20"; a blog's publication date is not the incident's). Nothing is guessed beyond
//! that: a line whose day cannot be told is left out and counted in a warning. Days are read in
//! figures or in words ("Jan 14", with the year nearest: see [`super::written_dates`]). A new
//! incident whose file states no start begins at its first timeline line; a narrative with no
//! timeline, no start and no key time, at the first time its prose tells with a day ("At 4:11
//! AM UTC on November 24th, ..."), that sentence its one timeline line, and a warning says so.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, Utc};
use regex::Regex;

use super::claims::{TIME, minutes_of_day, readable_lines};
use super::indexed::{
    date_in, first_heading, page_name, stated_date, stated_severity, title_from_name, toml_tags, written_lists,
};
use super::labelled::{labelled_rows, with_rows};
use super::written_dates::{WordedDay, dated_in, first_in};
use super::written_durations::{WrittenTime, key_times};
use super::written_timeline::{self, WrittenEntry};
use super::{NarratedStart, ParsedPostmortem, Warning};
use crate::markdown::TimelineRow;
use crate::model::EntryKind;
use crate::time::Zone;

/// What is known of a post-mortem written by hand beyond its text.
#[derive(Debug, Clone)]
pub struct WrittenFile {
    /// Its path, whose name may give its title and day (`2021-05-09-negative-coin-values.md`).
    pub path: Option<String>,
    /// The zone of times written without one.
    pub zone: Zone,
    /// The day of timeline lines before the first that names its day.
    pub day: Option<NaiveDate>,
}

/// Whether a parsed file was written by hand: it has no `id` and none of the regions Debrief writes.
pub(super) fn is_hand_written(parsed: &ParsedPostmortem) -> bool {
    parsed.facts.id.is_none() && parsed.generated.is_empty() && parsed.timeline.is_empty()
}

/// Fills what Debrief keeps of a post-mortem from what `markdown`, written by hand, lists.
/// What its front matter states wins. Without a title, it is named as the index names it: by
/// its first `# ` heading, else by its file's name.
pub(super) fn read_into(parsed: &mut ParsedPostmortem, markdown: &str, file: &WrittenFile) {
    let body = &parsed.draft.body;
    let name = file.path.as_deref().map(page_name);
    if parsed.facts.title.is_none() && parsed.heading_title.is_none() {
        parsed.heading_title = first_heading(body).or_else(|| name.map(title_from_name));
    }
    let (actions, factors) = written_lists(body);
    // A form's table ("| Detection Time | 2024-03-02 09:20 UTC |") states what a labelled line does.
    let labelled = with_rows(body, &labelled_rows(body));
    let facts = &mut parsed.facts;
    facts.severity = facts.severity.or_else(|| stated_severity(&labelled));
    if facts.action_items.is_empty() {
        facts.action_items = actions;
    }
    if facts.contributing_factors.is_empty() {
        facts.contributing_factors = factors;
    }
    let mut zones = ZoneReader { given: file.zone, unknown: Vec::new() };
    let [started, detected, mitigated, resolved] =
        key_times(&labelled).map(|time| time.and_then(|t| zones.key_time(t)));
    let fallback_day = file
        .day
        .or_else(|| facts.date.map(|date| date.day()))
        .or_else(|| stated_date(&labelled))
        .or_else(|| name.and_then(date_in))
        .or_else(|| {
            let title = facts.title.as_deref().or(parsed.heading_title.as_deref())?;
            date_in(title).or_else(|| dated_in(title))
        })
        .or_else(|| started.map(|started| started.date_naive()));
    let lines = readable_lines(markdown).map(|(line, _, text, _)| (line, text));
    let written = written_timeline::read(lines);
    let in_sections = written.entries.iter().any(|entry| entry.in_timeline);
    // Without a section named for the timeline, every line that starts with a time is one.
    let entries = written.entries.iter().filter(|entry| entry.in_timeline || !in_sections);
    let (mut rows, left_out) = timeline_rows(entries, fallback_day, &mut zones);
    // (A new incident without a stated start begins at its first timeline line: see the import.)
    facts.started = facts.started.or(started);
    facts.detected = facts.detected.or(detected);
    facts.mitigated = facts.mitigated.or(mitigated);
    facts.resolved = facts.resolved.or(resolved);
    // A timeline line that tells the start ("OUTAGE BEGINS", as the SRE book's example writes
    // it), the detection ("Failure detected", "Issue detected by the on-call"), the mitigation ("Reverts deployed, issue mitigated") or the end ("Issue resolved",
    // "Service fully restored", "OUTAGE ENDS") is that key time where nothing else states it: the
    // earliest start, detection and mitigation, the latest resolution, by time rather than by place (a
    // status page's updates are pasted newest first).
    let told = |moment| rows.iter().filter(move |row| announces(&row.text, moment)).map(|row| row.at);
    facts.started = facts.started.or_else(|| told(Moment::Began).min());
    // A detection told by the first line, with no start stated, is where the incident begins
    // (the import starts it at its first line): a time to detect of zero nobody measured.
    let first_line = rows.iter().map(|row| row.at).min();
    let detected = told(Moment::Detected).min().filter(|at| facts.started.is_some() || Some(*at) != first_line);
    facts.detected = facts.detected.or(detected);
    facts.mitigated = facts.mitigated.or_else(|| told(Moment::Mitigated).min());
    facts.resolved = facts.resolved.or_else(|| told(Moment::Resolved).max());
    // A narrative that states nothing else began when its prose first tells, and the sentence
    // telling it is its timeline's first line.
    if facts.started.is_none() && facts.detected.is_none() && rows.is_empty() {
        parsed.narrated_start = narrated_start(markdown, fallback_day, &mut zones).map(|(start, sentence)| {
            rows.push(TimelineRow { at: start.at, who: None, kind: EntryKind::Note, text: sentence });
            start
        });
    }
    parsed.timeline = rows;
    if let Some(&first) = left_out.undated.first() {
        parsed.warnings.push(Warning {
            line: first,
            message: format!(
                "the timeline has {} with a time but no day Debrief can read (a day is read year first, \
                 2024-12-03, or in words, Jan 14, with its year there or in the post-mortem's date or title): left \
                 out; give the day with --date, or write it on the first of them",
                count(left_out.undated.len(), "line")
            ),
        });
    }
    if let Some(&first) = left_out.skipped_clock.first() {
        parsed.warnings.push(Warning {
            line: first,
            message: format!(
                "{} name a time that does not exist in their zone (the clocks went forward then): left out",
                count(left_out.skipped_clock.len(), "line")
            ),
        });
    }
    for (name, line) in zones.unknown {
        parsed.warnings.push(Warning {
            line,
            message: format!(
                "times written in {name}, a zone Debrief cannot tell for sure, were read as {}; import again with \
                 --zone to name it",
                zone_name(&file.zone)
            ),
        });
    }
}

/// The facts a Hugo or Zola page's TOML front matter gives, read as the same keys are in YAML
/// (its tags, else its categories). Its other keys are not kept: Debrief writes YAML front
/// matter, and a warning names them.
pub(super) fn read_toml_facts(parsed: &mut ParsedPostmortem, toml: &str) {
    let table = match toml.parse::<toml::Table>() {
        Ok(table) => table,
        Err(error) => {
            let message = format!("the TOML front matter cannot be read ({}); it was left out", error.message());
            parsed.warnings.push(Warning { line: 1, message });
            return;
        }
    };
    let (mut facts, left) = super::front_matter::read_toml_table(&table, &mut parsed.warnings);
    if facts.tags.is_empty() {
        facts.tags = toml_tags(&table);
    }
    parsed.facts = facts;
    let left: Vec<&str> = left.iter().map(String::as_str).filter(|key| *key != "categories").collect();
    if !left.is_empty() {
        parsed.warnings.push(Warning {
            line: 1,
            message: format!(
                "the TOML front matter's {} {} not kept: Debrief writes YAML front matter; add {} to it by hand if \
                 the site needs {}",
                left.join(", "),
                if left.len() == 1 { "was" } else { "were" },
                if left.len() == 1 { "it" } else { "them" },
                if left.len() == 1 { "it" } else { "them" }
            ),
        });
    }
}

/// The first time the prose tells with its day on one line ("At 4:11 AM UTC on November 24th, a
/// number of our SDKs were compromised", "From November 11, 4:02 PM UTC to ...", "On 28th
/// February, flags went down for about 3 hours, from 15:30 to 18:10 UTC"): when a narrative
/// without a timeline began. A time counts with its half of the day, its zone or two figures
/// for its hour ("4:11 AM", "15:30"), not a bare "1:23"; a time without a zone takes the one
/// of a range it opens ("from 15:30 to 18:10 UTC"), else the import's.
///
/// With the start, the sentence that tells it, without its Markdown marks.
fn narrated_start(
    markdown: &str,
    fallback_day: Option<NaiveDate>,
    zones: &mut ZoneReader,
) -> Option<(NarratedStart, String)> {
    readable_lines(markdown).filter(|(_, _, _, table)| !table).find_map(|(line, _, text, _)| {
        let time = TIME.captures_iter(text).find(|time| {
            time.get(3).is_some() || time.get(4).is_some() || time.get(1).is_some_and(|hour| hour.len() == 2)
        })?;
        let minutes = minutes_of_day(&time, false)?;
        let whole = time.get(0)?;
        let (day, day_at) = day_told(text, fallback_day)?;
        let zone_name = match time.get(4) {
            Some(zone) => Some(zone.as_str().to_string()),
            None => RANGE_END
                .captures(&text[whole.end()..])
                .and_then(|end| TIME.captures(&end[0])?.get(4).map(|zone| zone.as_str().to_string())),
        };
        let naive = day.and_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0)?;
        let at = zones.read(naive, zone_name.as_deref(), line)?;
        let (from, to) = (day_at.start.min(whole.start()), day_at.end.max(whole.end()));
        let sentence = plain_words(sentence_around(text, from, to));
        Some((NarratedStart { at, line, written: text[from..to].trim().to_string() }, sentence))
    })
}

/// The sentence of `text` that holds `from..to`: from the end of the one before to the end of
/// its own (". ", "! " or "? " then a capital), else the line's ends.
fn sentence_around(text: &str, from: usize, to: usize) -> &str {
    let ends = |at: usize| {
        let rest = &text[at..];
        let next = rest.get(2..).and_then(|after| after.chars().next());
        (rest.starts_with(". ") || rest.starts_with("! ") || rest.starts_with("? "))
            && next.is_some_and(char::is_uppercase)
    };
    let start = (0..from).rev().find(|&at| text.is_char_boundary(at) && ends(at)).map_or(0, |at| at + 2);
    let end = (to..text.len()).find(|&at| text.is_char_boundary(at) && ends(at)).map_or(text.len(), |at| at + 1);
    text[start..end].trim()
}

/// A sentence of prose without its Markdown marks, nor a heading's or list's mark before it.
fn plain_words(text: &str) -> String {
    written_timeline::without_marks(text).trim_start_matches(['#', '>', '-', '*', ' ']).to_string()
}

/// A time that closes a range: "to 18:10 UTC", "- 18:10 UTC".
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:to|until|till|and|-|–|—)\s*\d{1,2}:\d{2}[^,;.]{0,12}").expect("the range pattern is valid")
});

/// The first day `text` tells, in figures ("2024-02-28") or words, and where it is written.
fn day_told(text: &str, fallback_day: Option<NaiveDate>) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let in_figures = ISO_DAY.find(text).and_then(|found| Some((figures_day(found.as_str())?, found.range())));
    let in_words = first_in(text).and_then(|(day, range)| Some((day.near(fallback_day)?, range)));
    match (in_figures, in_words) {
        (Some(figures), Some(words)) => Some(if figures.1.start < words.1.start { figures } else { words }),
        (figures, words) => figures.or(words),
    }
}

static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").expect("the day pattern is valid"));

/// What a timeline line can announce of an incident's course.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moment {
    Began,
    Detected,
    Mitigated,
    Resolved,
}

/// Whether a timeline line's text announces `moment` in one of its clauses, said plainly of the
/// incident or the service: "OUTAGE BEGINS", "Failure detected", "Issue resolved and permanently
/// fixed", "Incident declared resolved", "Service fully restored", "All clear", "OUTAGE ENDS",
/// "Reverts deployed, issue mitigated". Not a step taken ("Resolved the DNS entry"), a doubt ("issue resolved?"), a
/// part ("partially restored"), a report of someone else's ("Customer confirmed issue
/// resolved"), nor a service that starts (which is its recovery).
fn announces(text: &str, moment: Moment) -> bool {
    let text = text.to_lowercase();
    if text.contains('?') || text.contains("not ") || text.contains("partial") {
        return false;
    }
    // A dash between words parts clauses too, as a status page's update opens with its state:
    // "Resolved - This incident has been resolved."
    let text = text.replace(" - ", ";").replace(" – ", ";").replace(" — ", ";");
    let mut clauses = text.split([',', ';', '.', '(', ':']).flat_map(|clause| clause.split(" and "));
    clauses.any(|clause| {
        let words: Vec<&str> = clause
            .split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect();
        let all = words.first() == Some(&"all");
        let rest = match words.as_slice() {
            [first, after @ ..] if matches!(*first, "the" | "all") => after,
            rest => rest,
        };
        // Said of the incident or the service by name, or with nothing after the verb.
        let (named, said_of) = match rest {
            [subject, after @ ..]
                if matches!(
                    *subject,
                    "incident"
                        | "issue"
                        | "outage"
                        | "problem"
                        | "impact"
                        | "failure"
                        | "service"
                        | "services"
                        | "site"
                        | "system"
                ) =>
            {
                (true, after)
            }
            _ => (false, rest),
        };
        // Only the incident itself begins and ends: a service that starts is back.
        let the_incident = rest
            .first()
            .is_some_and(|subject| matches!(*subject, "incident" | "issue" | "outage" | "problem" | "impact"));
        let auxiliary = |word: &&str| {
            matches!(*word, "is" | "was" | "were" | "has" | "have" | "been" | "now" | "fully" | "marked" | "declared")
        };
        let Some(at) = said_of.iter().position(|word| !auxiliary(word)) else { return false };
        let (verb, alone) = (said_of[at], at + 1 == said_of.len());
        let of_the_incident = named || alone || all;
        match moment {
            Moment::Began => matches!(verb, "begins" | "began" | "starts" | "started") && the_incident,
            Moment::Detected => verb == "detected" && named,
            Moment::Mitigated => verb == "mitigated" && of_the_incident,
            Moment::Resolved => {
                (matches!(verb, "resolved" | "restored" | "recovered") && of_the_incident)
                    || (matches!(verb, "ends" | "ended" | "over") && the_incident)
                    || (verb == "clear" && all)
            }
        }
    })
}

/// Lines left out, by their line numbers.
#[derive(Default)]
struct LeftOut {
    undated: Vec<usize>,
    skipped_clock: Vec<usize>,
}

fn timeline_rows<'a>(
    entries: impl Iterator<Item = &'a WrittenEntry>,
    fallback_day: Option<NaiveDate>,
    zones: &mut ZoneReader,
) -> (Vec<TimelineRow>, LeftOut) {
    let mut rows = Vec::new();
    let mut left_out = LeftOut::default();
    // The day and minutes of the line before, which a line without a day continues from.
    let mut previous: Option<(NaiveDate, i64)> = None;
    // The day heading the line before, whose lines continue from one another.
    let mut heading_day: Option<&str> = None;
    for entry in entries {
        // A day in words without its year is in the year nearest the line before, else the
        // post-mortem's day.
        let near = previous.map(|(day, _)| day).or(fallback_day);
        let written_day = |written: &str| figures_day(written).or_else(|| WordedDay::read(written)?.near(near));
        let above = entry.day_above.as_deref();
        let day = match (&entry.date, above) {
            (Some(written), _) => written_day(written),
            (None, Some(above)) if heading_day != Some(above) => written_day(above),
            (None, _) => match previous {
                Some((day, minutes)) if entry.minutes + 12 * 60 < minutes => day.succ_opt(),
                Some((day, _)) => Some(day),
                None => fallback_day,
            },
        };
        let Some(day) = day else {
            left_out.undated.push(entry.line);
            continue;
        };
        previous = Some((day, entry.minutes));
        heading_day = above;
        let Some(naive) = day.and_hms_opt((entry.minutes / 60) as u32, (entry.minutes % 60) as u32, 0) else {
            continue;
        };
        let Some(at) = zones.read(naive, entry.zone_name.as_deref(), entry.line) else {
            left_out.skipped_clock.push(entry.line);
            continue;
        };
        rows.push(TimelineRow { at, who: None, kind: EntryKind::Note, text: entry.event.clone() });
    }
    (rows, left_out)
}

/// A day written in figures: year first ("2023-07-21", "2023/07/21", "2023.07.21"), or day first
/// with dots and the whole year ("14.01.2025"), as German, Russian, Polish and the Nordic
/// languages write it and American English never does. Other days written day or month first
/// are left unread: "03/04/2023" is March or April depending on who wrote it.
fn figures_day(written: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = written.split(['-', '/', '.']).collect();
    let number = |part: &str| part.parse::<u32>().ok();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 => {
            NaiveDate::from_ymd_opt(year.parse().ok()?, number(month)?, number(day)?)
        }
        [day, month, year] if year.len() == 4 && written.contains('.') && !written.contains(['-', '/']) => {
            NaiveDate::from_ymd_opt(year.parse().ok()?, number(month)?, number(day)?)
        }
        _ => None,
    }
}

/// Reads wall-clock times in the zones their names give, noting names it cannot tell.
struct ZoneReader {
    given: Zone,
    /// Names read in the given zone instead, each with the first line it was on.
    unknown: Vec<(String, usize)>,
}

impl ZoneReader {
    fn read(&mut self, naive: NaiveDateTime, name: Option<&str>, line: usize) -> Option<DateTime<FixedOffset>> {
        let zone = match name {
            None => self.given,
            Some(name) => named_zone(name).unwrap_or_else(|| {
                if !self.unknown.iter().any(|(known, _)| known == name) {
                    self.unknown.push((name.to_string(), line));
                }
                self.given
            }),
        };
        // When the clocks went back, the hour happened twice: the first is meant as often as not.
        zone.from_local(naive).earliest()
    }

    fn key_time(&mut self, (naive, name): WrittenTime) -> Option<DateTime<FixedOffset>> {
        self.read(naive, name.as_deref(), 1)
    }
}

/// The zone a name written after a time stands for: the names the claims about a timeline know
/// ([`super::claims`]), as the places that use them, so that "PST" in July is Pacific time as
/// its writer lived it; and offsets ("+02:00").
pub(super) fn named_zone(name: &str) -> Option<Zone> {
    use chrono_tz::{America, Asia, Australia, Europe};
    let place = match name.trim().to_ascii_lowercase().as_str() {
        "utc" | "gmt" | "z" => return Some(Zone::Fixed(Utc.fix())),
        "pst" | "pdt" | "pt" | "pacific" => America::Los_Angeles,
        "mst" | "mdt" | "mt" | "mountain" => America::Denver,
        "cst" | "cdt" | "ct" | "central" => America::Chicago,
        "est" | "edt" | "et" | "eastern" => America::New_York,
        "wet" | "west" => Europe::Lisbon,
        "bst" => Europe::London,
        "cet" | "cest" => Europe::Paris,
        "eet" | "eest" => Europe::Helsinki,
        "jst" => Asia::Tokyo,
        "aest" | "aedt" => Australia::Sydney,
        offset if offset.starts_with(['+', '-']) => return offset.parse().ok(),
        _ => return None,
    };
    Some(Zone::Named(place))
}

fn zone_name(zone: &Zone) -> String {
    match zone {
        Zone::Local => "this computer's zone".to_string(),
        Zone::Named(place) => place.name().to_string(),
        Zone::Fixed(offset) => offset.to_string(),
    }
}

fn count(number: usize, noun: &str) -> String {
    if number == 1 { format!("1 {noun}") } else { format!("{number} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postmortem::{Began, parse, parse_written};

    fn read(markdown: &str, zone: &str, day: Option<NaiveDate>) -> ParsedPostmortem {
        let mut parsed = parse(markdown).unwrap();
        assert!(is_hand_written(&parsed));
        read_into(&mut parsed, markdown, &WrittenFile { path: None, zone: zone.parse().unwrap(), day });
        parsed
    }

    fn rows(parsed: &ParsedPostmortem) -> Vec<(String, &str)> {
        parsed.timeline.iter().map(|row| (row.at.to_rfc3339(), row.text.as_str())).collect()
    }

    #[test]
    fn a_table_in_the_zone_the_timeline_states_becomes_the_timeline() {
        let markdown = "# KIAM disruption\n\n## Summary\n\nA certificate expired.\n\n## Timeline\n\nAll times in CET.\n\n\
                        | Time | Event |\n| --- | --- |\n| 2020-01-21 15:36 | Certificate for KIAM **expires** |\n\
                        | 2020-01-21 16:02 | First alert, from `k8s-janitor` |\n\n## Action Items\n\n\
                        - Document the certificate process\n- [x] Replace KIAM\n\n## Contributing Factors\n\n\
                        - Too much noise in the alert channel\n\n## Later\n\n16:30 is when we met.\n";
        let parsed = read(markdown, "local", None);
        assert_eq!(
            rows(&parsed),
            [
                ("2020-01-21T15:36:00+01:00".to_string(), "Certificate for KIAM expires"),
                ("2020-01-21T16:02:00+01:00".to_string(), "First alert, from k8s-janitor"),
            ],
            "CET in January is +01:00; a time in the prose outside the timeline is no line of it"
        );
        assert_eq!(parsed.facts.started, None, "no key time says when it started");
        let actions: Vec<&str> = parsed.facts.action_items.iter().map(|item| item.text.as_str()).collect();
        assert_eq!(actions, ["Document the certificate process", "Replace KIAM"]);
        assert_eq!(parsed.facts.contributing_factors[0].text, "Too much noise in the alert channel");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }

    #[test]
    fn lines_without_a_day_continue_the_line_before_and_roll_over_midnight() {
        let markdown = "# Queue\n\n**Start**: 2024-12-03\n\n## Timeline (all times PST)\n\n\
                        - 23:50 - Backlog grows\n- 23:55 - Paged\n- 23:52 - Noted late: a deploy\n\
                        - 00:10 UTC - Rolled back\n- 2024-12-05 09:00 - Review\n";
        let parsed = read(markdown, "UTC", None);
        assert_eq!(
            rows(&parsed),
            [
                ("2024-12-03T23:50:00-08:00".to_string(), "Backlog grows"),
                ("2024-12-03T23:55:00-08:00".to_string(), "Paged"),
                ("2024-12-03T23:52:00-08:00".to_string(), "Noted late: a deploy"),
                ("2024-12-04T00:10:00+00:00".to_string(), "Rolled back"),
                ("2024-12-05T09:00:00-08:00".to_string(), "Review"),
            ],
            "the day the post-mortem states, the next after midnight, a line's own zone first"
        );
    }

    #[test]
    fn days_written_in_words_take_their_year_from_the_line_before_or_the_post_mortem() {
        let markdown = "# Year-end outage\n\n**Date:** December 30-31, 2025\n\n## Timeline (UTC)\n\n\
                        | Dec 31, 11:50 PM | Queue backs up |\n| Jan 1, 12:20 AM | Rolled back |\n\
                        - Thursday Jan 1st 2026 09:00 - Review\n";
        let parsed = read(markdown, "local", None);
        assert_eq!(
            rows(&parsed),
            [
                ("2025-12-31T23:50:00+00:00".to_string(), "Queue backs up"),
                ("2026-01-01T00:20:00+00:00".to_string(), "Rolled back"),
                ("2026-01-01T09:00:00+00:00".to_string(), "Review"),
            ],
            "January after December 31 is the next year's"
        );
        assert!(parsed.narrated_start.is_none(), "a timeline says when it began");
        let yearless = read("# Flags down\n\n## Timeline\n\n- Jan 14, 10:18 - Paged\n", "UTC", None);
        assert!(yearless.timeline.is_empty(), "no year anywhere");
        assert!(yearless.warnings[0].message.contains("with its year"), "{:?}", yearless.warnings);
    }

    #[test]
    fn a_day_heading_its_lines_gives_them_their_day() {
        let markdown = "# Replication outage\n\n## Timeline (all times UTC)\n\n**2017-01-31**\n\n\
                        - 17:20 - Snapshot taken\n- 21:00 - Lag alert\n\n**2017-02-01**\n\n\
                        - 09:00 - Restore started\n- 18:14 - Service restored\n\n### Thursday, February 2nd\n\n\
                        - 08:00 - Review\n\n### Follow-up\n\n- 09:30 - Runbook updated\n";
        let parsed = read(markdown, "local", None);
        assert_eq!(
            rows(&parsed),
            [
                ("2017-01-31T17:20:00+00:00".to_string(), "Snapshot taken"),
                ("2017-01-31T21:00:00+00:00".to_string(), "Lag alert"),
                ("2017-02-01T09:00:00+00:00".to_string(), "Restore started"),
                ("2017-02-01T18:14:00+00:00".to_string(), "Service restored"),
                ("2017-02-02T08:00:00+00:00".to_string(), "Review"),
                ("2017-02-02T09:30:00+00:00".to_string(), "Runbook updated"),
            ],
            "each day's lines on their day (not 09:00 read as the same day as 21:00); the year of a day in \
             words from the day before; after a heading that is no day, lines continue from the one before"
        );
        assert_eq!(parsed.facts.resolved.map(|at| at.to_rfc3339()).as_deref(), Some("2017-02-01T18:14:00+00:00"));
        // As incident.io writes it: the weekday first, the day's year its own, nothing else dated.
        let markdown = "# Payments degraded\n\n## Timeline\n\n**Mon 12 Feb 2024**\n\n\
                        - **09:03** Alert fired for payment latency\n- **10:42** Incident resolved\n";
        let parsed = read(markdown, "UTC", None);
        assert_eq!(rows(&parsed)[0], ("2024-02-12T09:03:00+00:00".to_string(), "Alert fired for payment latency"));
        assert_eq!(parsed.facts.resolved.map(|at| at.to_rfc3339()).as_deref(), Some("2024-02-12T10:42:00+00:00"));
    }

    #[test]
    fn days_in_figures_are_read_year_first_or_day_first_with_dots_and_never_guessed_otherwise() {
        let day = |year, month, day| NaiveDate::from_ymd_opt(year, month, day);
        assert_eq!(figures_day("2023-07-21"), day(2023, 7, 21));
        assert_eq!(figures_day("2023/7/21"), day(2023, 7, 21));
        assert_eq!(figures_day("14.01.2025"), day(2025, 1, 14));
        assert_eq!(figures_day("03.04.2025"), day(2025, 4, 3), "the 3rd of April, as dots write it");
        assert_eq!(figures_day("03/04/2025"), None, "March or April, depending on who wrote it");
        assert_eq!(figures_day("03-04-2025"), None);
        assert_eq!(figures_day("14.01.25"), None, "a year of two figures");
        let markdown = "# Störung im Bezahlvorgang\n\n## Zeitlicher Ablauf\n\n\
                        - 14.01.2025 10:18 Uhr: Alarm ausgelöst\n- 11:02 Uhr: Rollback abgeschlossen\n";
        let parsed = read(markdown, "Europe/Berlin", None);
        assert_eq!(
            rows(&parsed),
            [
                ("2025-01-14T10:18:00+01:00".to_string(), "Alarm ausgelöst"),
                ("2025-01-14T11:02:00+01:00".to_string(), "Rollback abgeschlossen"),
            ]
        );
    }

    #[test]
    fn a_status_pages_updates_pasted_newest_first_are_read_with_their_times_below_them() {
        let markdown = "# Elevated API errors\n\n## Timeline\n\n\
                        **Resolved** - This incident has been resolved.\nJan 14, 2025 - 10:18 PST\n\n\
                        **Monitoring** - A fix has been implemented and we are monitoring the results.\n\
                        Jan 14, 2025 - 09:40 PST\n\n\
                        **Investigating** - We are investigating elevated error rates on the API.\n\
                        Jan 14, 2025 - 08:55 PST\n";
        let parsed = read(markdown, "UTC", None);
        let mut rows = rows(&parsed);
        rows.sort();
        assert_eq!(
            rows,
            [
                (
                    "2025-01-14T08:55:00-08:00".to_string(),
                    "Investigating - We are investigating elevated error rates on the API."
                ),
                (
                    "2025-01-14T09:40:00-08:00".to_string(),
                    "Monitoring - A fix has been implemented and we are monitoring the results."
                ),
                ("2025-01-14T10:18:00-08:00".to_string(), "Resolved - This incident has been resolved."),
            ],
            "each update's words, from the line above its time"
        );
        assert_eq!(parsed.facts.resolved.map(|at| at.to_rfc3339()).as_deref(), Some("2025-01-14T10:18:00-08:00"));
        assert!(parsed.narrated_start.is_none());
        let apart = read("# X\n\n## Timeline\n\nSome words.\n\nJan 14, 2025 - 10:18 PST\n", "UTC", None);
        assert_eq!(apart.timeline[0].text, "", "the words of another paragraph are not the line's");
    }

    #[test]
    fn a_narrative_without_a_timeline_begins_at_the_first_time_its_prose_tells_with_a_day() {
        let markdown = "# Post-mortem of the worm on November 24th, 2025\n\nWe were hit on a Monday.\n\n\
                        Packages were published at 1:00. At 4:11 AM UTC on November 24th, a number of our \
                        [SDKs](https://example.com) were **compromised**. By 9:30 AM UTC we had revoked the tokens.\n";
        let parsed = read(markdown, "Europe/Berlin", None);
        let narrated = parsed.narrated_start.clone().unwrap();
        assert_eq!(narrated.at.to_rfc3339(), "2025-11-24T04:11:00+00:00", "the year from the title");
        assert_eq!((narrated.line, narrated.written.as_str()), (5, "4:11 AM UTC on November 24th"));
        assert_eq!(
            rows(&parsed),
            [(
                "2025-11-24T04:11:00+00:00".to_string(),
                "At 4:11 AM UTC on November 24th, a number of our SDKs were compromised."
            )],
            "the sentence that tells it, without its marks, is the timeline's first line"
        );
        assert!(matches!(parsed.start(), Some(Began::Narrated(_))));
        let ranged =
            read("# Flags\n\nOn 2024-02-28 flags went down for 3 hours, from 15:30 to 18:10 UTC.\n", "+05:00", None);
        assert_eq!(ranged.narrated_start.unwrap().at.to_rfc3339(), "2024-02-28T15:30:00+00:00", "the range's zone");
        let unzoned = read("# Flags\n\nFlags went down on 28th February 2024 at 15:30.\n", "+05:00", None);
        assert_eq!(unzoned.narrated_start.unwrap().at.to_rfc3339(), "2024-02-28T15:30:00+05:00", "the import's zone");
        let stated = read(
            "# Flags\n\nDetected: 2024-02-28 16:00 UTC\n\nOn 28th February 2024 at 15:30 flags went down.\n",
            "UTC",
            None,
        );
        assert!(stated.narrated_start.is_none(), "a key time is stated");
        for untold in ["# Flags\n\nFlags went down at 15:30.\n", "# Flags\n\nOn 28th February 2024 flags went down.\n"]
        {
            assert!(read(untold, "UTC", None).start().is_none(), "{untold}");
        }
    }

    #[test]
    fn a_hugo_page_s_toml_front_matter_gives_its_title_date_and_tags() {
        let markdown = "+++\ntitle = \"Docs.rs outage\"\ndate = 2019-10-20\ntags = [\"docs\"]\naliases = [\"/x\"]\n+++\n\n\
                        ## Timeline\n\nAll times in UTC.\n\n- 00:06 - CDN propagated the change\n";
        let file = WrittenFile { path: None, zone: Zone::Local, day: None };
        let parsed = parse_written(markdown, &file).unwrap();
        assert_eq!(parsed.facts.title.as_deref(), Some("Docs.rs outage"));
        assert_eq!(parsed.facts.tags, ["docs"]);
        assert_eq!(rows(&parsed), [("2019-10-20T00:06:00+00:00".to_string(), "CDN propagated the change")]);
        assert!(!parsed.draft.body.contains("+++") && parsed.draft.body.contains("## Timeline"));
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
        assert!(parsed.warnings[0].message.contains("aliases was not kept"), "{:?}", parsed.warnings);
        let timed = "+++\ntitle = \"Queue\"\ndate = 2024-03-01T10:15:00+01:00\n+++\n\nText.\n";
        let parsed = parse_written(timed, &file).unwrap();
        assert_eq!(parsed.facts.started.map(|at| at.to_rfc3339()).as_deref(), Some("2024-03-01T10:15:00+01:00"));
    }

    #[test]
    fn a_toml_front_matter_gives_every_fact_a_yaml_one_gives() {
        let markdown = "+++\ntitle = \"Cache stampede\"\ndate = 2024-03-09\nseverity = \"SEV2\"\n\
                        services = [\"cache\", \"api\"]\nstarted = 2024-03-09T08:10:00Z\n\
                        resolved = \"2024-03-09T09:40:00Z\"\ndetected_at = 2024-03-09T08:25:00Z\n\
                        kind = \"rehearsal\"\nweight = 3\n+++\n\nKeys expired together.\n";
        let file = WrittenFile { path: None, zone: Zone::Local, day: None };
        let parsed = parse_written(markdown, &file).unwrap();
        let facts = &parsed.facts;
        let at = |time: Option<DateTime<FixedOffset>>| time.map(|at| at.to_rfc3339());
        assert_eq!(facts.severity, Some(crate::model::Severity::Sev2));
        assert_eq!(facts.services, ["cache", "api"]);
        assert_eq!(at(facts.started).as_deref(), Some("2024-03-09T08:10:00+00:00"), "a TOML time");
        assert_eq!(at(facts.resolved).as_deref(), Some("2024-03-09T09:40:00+00:00"), "a time as text");
        assert_eq!(at(facts.detected).as_deref(), Some("2024-03-09T08:25:00+00:00"), "another tool's name");
        let said: Vec<&str> = parsed.warnings.iter().map(|warning| warning.message.as_str()).collect();
        assert!(said.iter().any(|message| message.contains("`kind` was left out")), "{said:?}");
        assert!(said.iter().any(|message| message.contains("weight was not kept")), "{said:?}");
    }

    #[test]
    fn labelled_key_times_are_the_incident_s_and_what_cannot_be_placed_is_said() {
        let markdown = "# DNS\n\n- **Severity**: SEV-2\n\nIncident started: 2025-01-13 09:40 UTC\nFirst detected: 2025-01-13 10:13 UTC\n\
                        Resolved: 2025-01-13 12:00 UTC\n\n## Timeline\n\n- 10:13 IST - alert fired\n\
                        - 03/04/2025 11:00 - a day written month or day first\n";
        let parsed = read(markdown, "+05:30", None);
        let facts = &parsed.facts;
        assert_eq!(facts.severity, Some(crate::model::Severity::Sev2));
        let at = |time: Option<DateTime<FixedOffset>>| time.map(|at| at.to_rfc3339());
        assert_eq!(at(facts.started).as_deref(), Some("2025-01-13T09:40:00+00:00"));
        assert_eq!(at(facts.detected).as_deref(), Some("2025-01-13T10:13:00+00:00"));
        assert_eq!((facts.mitigated, at(facts.resolved).as_deref()), (None, Some("2025-01-13T12:00:00+00:00")));
        assert_eq!(rows(&parsed), [("2025-01-13T10:13:00+05:30".to_string(), "alert fired")]);
        let warnings: Vec<&str> = parsed.warnings.iter().map(|warning| warning.message.as_str()).collect();
        assert!(warnings.iter().any(|warning| warning.contains("1 line with a time")), "{warnings:?}");
        assert!(warnings.iter().any(|warning| warning.contains("IST") && warning.contains("+05:30")), "{warnings:?}");
        // Without any day at all, nothing is placed, and `--date` is named.
        let parsed = read("# X\n\n## Timeline\n\n- 14:00 - paged\n", "UTC", None);
        assert!(parsed.timeline.is_empty());
        assert!(parsed.warnings[0].message.contains("--date"), "{:?}", parsed.warnings);
        // A file without a title is named by its file's name, which also gives the day.
        let markdown = "## Issue summary\n\nCoins went negative.\n\n## Timeline\n\n- 14:00 UTC - reported\n";
        let mut parsed = parse(markdown).unwrap();
        let path = Some("chia-post-mortem/2021-05__2021-05-09-negative-coin-values.md".to_string());
        read_into(&mut parsed, markdown, &WrittenFile { path, zone: Zone::Local, day: None });
        assert_eq!(parsed.heading_title.as_deref(), Some("Negative coin values"));
        assert_eq!(rows(&parsed), [("2021-05-09T14:00:00+00:00".to_string(), "reported")]);
        let day = NaiveDate::from_ymd_opt(2025, 2, 1);
        let parsed = read("# X\n\n## Timeline\n\n- 14:00 - paged\n", "UTC", day);
        assert_eq!(rows(&parsed), [("2025-02-01T14:00:00+00:00".to_string(), "paged")]);
    }

    #[test]
    fn a_line_telling_the_detection_is_the_detection_unless_the_incident_begins_with_it() {
        let markdown = "# Cache\n\n## Timeline\n\nAll times in UTC.\n\n- 2024-03-02 10:00 - Deploy of 4.2 starts\n\
                        - 2024-03-02 10:07 - Issue detected by the on-call\n- 2024-03-02 10:30 - Issue resolved\n";
        let facts = read(markdown, "UTC", None).facts;
        let at = |time: Option<DateTime<FixedOffset>>| time.map(|time| time.to_rfc3339());
        assert_eq!(at(facts.detected).as_deref(), Some("2024-03-02T10:07:00+00:00"));
        assert_eq!(at(facts.resolved).as_deref(), Some("2024-03-02T10:30:00+00:00"));
        let first =
            "# Cache\n\n## Timeline\n\n- 2024-03-02 10:07 UTC - Failure detected\n- 2024-03-02 10:30 UTC - Resolved\n";
        assert_eq!(read(first, "UTC", None).facts.detected, None, "it begins there: no time to detect of zero");
    }

    #[test]
    fn a_timeline_line_that_tells_the_start_the_mitigation_or_the_end_is_that_key_time() {
        for (text, moment) in [
            ("Issue resolved and permanently fixed", Moment::Resolved),
            ("Incident declared resolved through statuspage.io, but investigations continued.", Moment::Resolved),
            ("**Service fully restored**", Moment::Resolved),
            ("Incident resolved, query timings returned to normal", Moment::Resolved),
            ("Resolved.", Moment::Resolved),
            ("All clear", Moment::Resolved),
            ("Reverts deployed, issue mitigated. SDK version 1.270.1 released", Moment::Mitigated),
            ("Issue mitigated with manual attaching instances to ALB's", Moment::Mitigated),
            ("**OUTAGE BEGINS** — Search backends start melting down under load", Moment::Began),
            ("OUTAGE ENDS, all traffic rebalanced", Moment::Resolved),
            ("Incident over", Moment::Resolved),
            ("Resolved - This incident has been resolved.", Moment::Resolved),
            ("Failure detected", Moment::Detected),
            ("Issue detected by the on-call engineer", Moment::Detected),
            ("**Outage detected** via synthetic checks", Moment::Detected),
        ] {
            assert!(announces(text, moment), "{text}");
        }
        for (text, moment) in [
            ("Resolved the DNS entry by hand", Moment::Resolved),
            ("Customer confirmed issue resolved", Moment::Resolved),
            ("Issue resolved?", Moment::Resolved),
            ("Issue not resolved, rolling back", Moment::Resolved),
            ("Service partially restored", Moment::Resolved),
            ("Incident closed.", Moment::Resolved),
            ("Issue mitigated", Moment::Resolved),
            ("Mitigation applied to the EU cluster", Moment::Mitigated),
            ("Service started on the new host", Moment::Began),
            ("Started the failover", Moment::Began),
            ("Service ended its maintenance window", Moment::Resolved),
            ("Monitoring - A fix has been implemented and we are monitoring the results.", Moment::Resolved),
            ("Detected the root cause in the deploy logs", Moment::Detected),
            ("Failure not detected by the health check", Moment::Detected),
            ("Was the issue detected?", Moment::Detected),
        ] {
            assert!(!announces(text, moment), "{text}");
        }
        let markdown = "# ALB attachments removed\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n\
                        | 2020-06-09 11:00 | Instances detached from the ALB |\n\
                        | 2020-06-09 12:35 | Issue mitigated with manual attaching instances to ALB's |\n\
                        | 2020-06-09 13:13 | Issue resolved and permanently fixed |\n";
        let parsed = read(markdown, "+01:00", None);
        let at = |time: Option<DateTime<FixedOffset>>| time.map(|time| time.to_rfc3339());
        assert_eq!(at(parsed.facts.mitigated).as_deref(), Some("2020-06-09T12:35:00+01:00"));
        assert_eq!(at(parsed.facts.resolved).as_deref(), Some("2020-06-09T13:13:00+01:00"));
        // A time stated for the key time wins over the line.
        let stated = markdown.replace("## Timeline", "Resolved: 2020-06-09 14:00\n\n## Timeline");
        let parsed = read(&stated, "+01:00", None);
        assert_eq!(at(parsed.facts.resolved).as_deref(), Some("2020-06-09T14:00:00+01:00"));
        // The SRE book's example: news before the outage, which begins, is mitigated and ends.
        let sonnet = "# Shakespeare Sonnet++ Postmortem\n\n## Timeline\n\n2015-10-21 (all times UTC)\n\n\
                      * 14:51 News reports that a new sonnet has been discovered\n\
                      * 14:54 **OUTAGE BEGINS** — Search backends start melting down under load\n\
                      * 15:36 **OUTAGE MITIGATED**, traffic rebalanced\n* 16:00 **OUTAGE ENDS**, all traffic rebalanced\n\
                      * 21:38 **INCIDENT ENDS**, reached exit criterion of 30 minutes' nominal performance\n";
        let parsed = read(sonnet, "local", None);
        assert_eq!(parsed.timeline.len(), 5, "the day heads its lines, with the zone beside it");
        assert_eq!(at(parsed.facts.started).as_deref(), Some("2015-10-21T14:54:00+00:00"));
        assert_eq!(at(parsed.facts.mitigated).as_deref(), Some("2015-10-21T15:36:00+00:00"));
        assert_eq!(at(parsed.facts.resolved).as_deref(), Some("2015-10-21T21:38:00+00:00"), "the last end");
    }
}
