//! How long an incident took, as a post-mortem written by hand states it ("- **Time to
//! repair**: 1d 5h 47m", "Time to detection: 88 minutes") or as its labelled key times show it
//! ("First detected: 2025-01-13 10:13", "Repaired 2025-01-14 16:00"): what `debrief stats`
//! measures for a team's write-ups that have none of Debrief's key times. Stated figures are
//! taken as the team wrote them: teams count from different moments (the fault, its
//! detection, the declaration), and a team compares its own figures with each other. Key times
//! are measured as Debrief measures its own: detect from the start, mitigate and resolve from
//! detection.

use std::sync::LazyLock;

use regex::Regex;

/// The durations a post-mortem states, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatedDurations {
    pub detect_s: Option<i64>,
    pub mitigate_s: Option<i64>,
    pub resolve_s: Option<i64>,
}

#[derive(Clone, Copy)]
enum Measure {
    Detect,
    Mitigate,
    Resolve,
}

/// "Time to repair:", "Mean time to resolve (from declaration):", "Detection time:", with the
/// measure's word; a colon ends the label.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:mean\s+)?time[\s-]+to[\s-]+(?P<to>detect|detection|discover|discovery|notice|mitigate|mitigation|repair|recover|recovery|restore|restoration|resolve|resolution|fix)|(?P<of>detection|mitigation|repair|recovery|resolution)\s+time)\b[^:\n]{0,40}?:[\s*_]*",
    )
    .expect("the label pattern is valid")
});

/// A duration after its label: "1d 5h 47m", "88 minutes", "7 hours 9 minutes", "~1.5 hours".
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:~\s*|(?:approx\.?|approximately|about|around)\s+)?(?:\d+(?:\.\d+)?\s*(?:days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b[\s,]*(?:and\s+)?)+",
    )
    .expect("the duration pattern is valid")
});

static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[a-z]+)").expect("the part pattern is valid")
});

/// A line naming a key time with its date and time: "First detected: 2025-01-13 10:13",
/// "Repaired 2025-01-14 1600", "Resolved: 2024-09-20 11:40 UTC", "Detection Time: 2024-03-02
/// 09:20 UTC" (a form's table row, given as a line), also as a list's item
/// ("- Fault occurs 2020-02-12 11:45"). Without a date it is a line
/// of the timeline, not a key time. A clock is named in capitals: "via Pingdom" names none.
static KEY_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[\s*_>+-]*(?P<label>fault occurs|fault occurred|incident started|impact started|started|start time|first detected|fault detected|incident detected|detected|detection time|incident declared|declared|repaired|mitigated|mitigation time|service restored|resolved|resolution time|end time)[\s*_]*:?[\s*_]*(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<hour>\d{1,2}):?(?P<minute>\d{2})\b[ \t]*(?P<zone>(?-i:[A-Z]{2,5})\b|[+-]\d{2}:?\d{2})?",
    )
    .expect("the key time pattern is valid")
});

/// The durations `text` (a post-mortem as a reader sees it) states, else those its labelled key
/// times measure. A measure stated twice with different figures (a page about several
/// incidents) is left unmeasured.
pub fn stated_durations(text: &str) -> StatedDurations {
    let written = written_figures(text);
    let measured = key_time_durations(text);
    StatedDurations {
        detect_s: written.detect_s.or(measured.detect_s),
        mitigate_s: written.mitigate_s.or(measured.mitigate_s),
        resolve_s: written.resolve_s.or(measured.resolve_s),
    }
}

/// One key time as written: the moment on the clock it was written in, and that clock's name if given.
pub(super) type WrittenTime = (chrono::NaiveDateTime, Option<String>);

/// The key times a post-mortem lists with their dates: started, detected, mitigated and
/// resolved. One listed twice with different values (a page about several incidents) is none.
/// When the incident was declared stands for its detection where the page gives none: the
/// moment the team knew ("Incident declared 2020-02-12 11:51", as the Ministry of Justice's
/// pages list it, whose time to repair runs from there).
pub(super) fn key_times(text: &str) -> [Option<WrittenTime>; 4] {
    // `Err` once a key time is listed with two values. The fifth is the declaration.
    let mut times: [Option<Result<WrittenTime, ()>>; 5] = Default::default();
    for found in KEY_TIME.captures_iter(text) {
        let slot = match found["label"].to_ascii_lowercase().as_str() {
            "fault occurs" | "fault occurred" | "incident started" | "impact started" | "started" | "start time" => 0,
            "first detected" | "fault detected" | "incident detected" | "detected" | "detection time" => 1,
            "repaired" | "mitigated" | "mitigation time" | "service restored" => 2,
            "incident declared" | "declared" => 4,
            _ => 3,
        };
        let moment = format!("{} {}:{}", &found["date"], &found["hour"], &found["minute"]);
        let Ok(moment) = chrono::NaiveDateTime::parse_from_str(&moment, "%Y-%m-%d %H:%M") else { continue };
        let time = (moment, found.name("zone").map(|zone| zone.as_str().to_string()));
        times[slot] = match times[slot].take() {
            None => Some(Ok(time)),
            Some(Ok(before)) if before == time => Some(Ok(before)),
            Some(_) => Some(Err(())),
        };
    }
    let [started, detected, mitigated, resolved, declared] = times.map(|time| time.and_then(Result::ok));
    [started, detected.or(declared), mitigated, resolved]
}

/// Durations between the key times a post-mortem lists, each written once; times on clocks
/// named differently are not compared.
fn key_time_durations(text: &str) -> StatedDurations {
    let [started, detected, mitigated, resolved] = key_times(text);
    let between = |from: &Option<WrittenTime>, to: &Option<WrittenTime>| {
        let ((from, from_zone), (to, to_zone)) = (from.as_ref()?, to.as_ref()?);
        let same_clock = from_zone.is_none() || to_zone.is_none() || from_zone == to_zone;
        let seconds = (*to - *from).num_seconds();
        // A key time before the one it is measured from is a slip of the pen, not a figure.
        (same_clock && seconds > 0).then_some(seconds)
    };
    StatedDurations {
        detect_s: between(&started, &detected),
        mitigate_s: between(&detected, &mitigated),
        resolve_s: between(&detected, &resolved),
    }
}

/// The figures `text` writes after a label such as "Time to repair:".
fn written_figures(text: &str) -> StatedDurations {
    let mut found: [Option<Option<i64>>; 3] = [None; 3];
    for label in LABEL.captures_iter(text) {
        let word = label.name("to").or_else(|| label.name("of")).map_or("", |word| word.as_str());
        let Some(measure) = measure_named(word) else { continue };
        let Some(whole) = label.get(0) else { continue };
        let Some(seconds) = duration_at(&text[whole.end()..]) else { continue };
        let slot = &mut found[measure as usize];
        *slot = match *slot {
            None => Some(Some(seconds)),
            Some(Some(before)) if before == seconds => Some(Some(before)),
            Some(_) => Some(None),
        };
    }
    let [detect_s, mitigate_s, resolve_s] = found.map(Option::flatten);
    StatedDurations { detect_s, mitigate_s, resolve_s }
}

fn measure_named(word: &str) -> Option<Measure> {
    let word = word.to_ascii_lowercase();
    Some(match word.as_str() {
        "detect" | "detection" | "discover" | "discovery" | "notice" => Measure::Detect,
        "mitigate" | "mitigation" | "repair" | "recover" | "recovery" | "restore" | "restoration" => Measure::Mitigate,
        "resolve" | "resolution" | "fix" => Measure::Resolve,
        _ => return None,
    })
}

/// The seconds the duration at the start of `text` stands for; `None` when none is written there
/// ("?", "N/A", "Xh Xm") or it is zero.
fn duration_at(text: &str) -> Option<i64> {
    let written = DURATION.find(text)?.as_str();
    let mut seconds = 0.0;
    for part in PART.captures_iter(written) {
        let number: f64 = part["number"].parse().ok()?;
        let unit = part["unit"].to_ascii_lowercase();
        seconds += number
            * match unit.chars().next() {
                Some('d') => 86_400.0,
                Some('h') => 3_600.0,
                Some('m') => 60.0,
                Some('s') => 1.0,
                _ => continue,
            };
    }
    let seconds = seconds.round() as i64;
    (seconds > 0).then_some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_teams_write_are_read() {
        // The Ministry of Justice's incident pages.
        let moj =
            "Key events\nFirst detected: 2025-01-13 10:13\nTime to repair: 1d 5h 47m\nTime to resolve: 1d 6h 40m\n";
        let stated = stated_durations(moj);
        assert_eq!(stated.mitigate_s, Some(((24 + 5) * 60 + 47) * 60));
        assert_eq!(stated.resolve_s, Some(((24 + 6) * 60 + 40) * 60));
        assert_eq!(stated.detect_s, None);
        // DFDS's stats.
        let dfds = "Stats\nCategory: Kubernetes\nTime to detection: 5 minutes\nTime to recovery: 15 minutes\n";
        assert_eq!(
            stated_durations(dfds),
            StatedDurations { detect_s: Some(300), mitigate_s: Some(900), resolve_s: None }
        );
        let others = "Time to resolve: 7h (during support hours 10:00-17:00)\nDetection time: ~1.5 hours\n\
                      Time to mitigate (from the first page): 2 hours and 9 minutes\n";
        assert_eq!(
            stated_durations(others),
            StatedDurations { detect_s: Some(5400), mitigate_s: Some(7740), resolve_s: Some(7 * 3600) }
        );
    }

    #[test]
    fn labelled_key_times_are_measured_when_no_figure_is_written() {
        // The Ministry of Justice's later pages list key events only.
        let listed = "Key events\nFirst detected 2025-10-13 08:59\nIncident declared 2025-10-13 10:27\n\
                      Repaired 2025-10-13 17:38\nResolved 2025-10-13 18:56\nIdentified:\n";
        assert_eq!(
            stated_durations(listed),
            StatedDurations {
                detect_s: None,
                mitigate_s: Some((8 * 60 + 39) * 60),
                resolve_s: Some((9 * 60 + 57) * 60)
            }
        );
        // Their earlier pages list them as a list's items.
        let items = "- **Key events**\n  - Fault occurs 2020-02-12 11:45\n  - First detected 2020-02-12 11:51\n\
                     * Resolved 2020-02-12 12:07\n";
        assert_eq!(stated_durations(items).detect_s, Some(6 * 60));
        assert_eq!(stated_durations(items).resolve_s, Some(16 * 60));
        // Where a page gives no detection, the incident's declaration stands for it.
        let declared = items.replace("First detected", "Incident declared");
        assert_eq!(stated_durations(&declared).detect_s, Some(6 * 60));
        assert_eq!(stated_durations(&declared).resolve_s, Some(16 * 60));
        let colons = "Fault occurs: 2020-02-12 11:45\nFirst detected: 2020-02-12 11:51\nRepaired: 2020-02-14 1600\n\
                      Time to repair: 0h 16m\n";
        let stated = stated_durations(colons);
        assert_eq!((stated.detect_s, stated.mitigate_s), (Some(360), Some(960)), "a written figure wins");
        // Words after a time are no clock: "via", "by".
        let worded = "First detected 2025-10-13 08:59 via Pingdom\nResolved 2025-10-13 18:56 by a rollback\n";
        assert_eq!(stated_durations(worded).resolve_s, Some((9 * 60 + 57) * 60));
        for unmeasured in [
            // A resolution before the detection is a slip of the pen.
            "First detected: 2023-07-25 15:21\nResolved: 2023-07-05 16:18\n",
            // Two different clocks.
            "Detected: 2024-01-02 10:00 UTC\nResolved: 2024-01-02 12:00 PST\n",
            // A timeline line without a date, and prose.
            "Detected 10:00\nResolved 12:00\nWe resolved it 2024-01-02 12:00 after we detected it.\n",
        ] {
            assert_eq!(stated_durations(unmeasured), StatedDurations::default(), "{unmeasured}");
        }
    }

    #[test]
    fn placeholders_prose_and_disagreeing_figures_are_no_figure() {
        for text in [
            "Time to detection: ?\nTime to recovery: N/A\nTime to resolve: Xh Xm\n",
            "The time to resolve was longer than we hoped: hours.\n",
            "Time to repair: 5 months of work\n",
            "Time to repair: 0h 0m\n",
        ] {
            assert_eq!(stated_durations(text), StatedDurations::default(), "{text}");
        }
        let two_incidents =
            "Time to repair: 1h 39m\nTime to repair: 3h 21m\nTime to resolve: 2h\nTime to resolve: 2 hours\n";
        assert_eq!(stated_durations(two_incidents), StatedDurations { resolve_s: Some(7200), ..Default::default() });
    }
}
