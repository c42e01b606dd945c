//! A team's own template asks for the incident's facts in lines of its own: "**Date:**
//! YYYY-MM-DD", "- Time to detection: YYY", "**Severity:** SEV-1 / SEV-2 / SEV-3", "| Incident
//! Commander | [Name] |". Where such a line still holds the template's placeholder, the draft
//! shows the fact Debrief keeps, so a post-mortem drafted from the team's template is not
//! published with "YYYY-MM-DD" in it. A fact not known yet leaves the placeholder for the writer,
//! a value someone wrote is never touched, and code, comments and Debrief's regions are left as
//! they are.

use std::borrow::Cow;

use super::labelled::table_cells;
use crate::model::{Incident, Severity};
use crate::time::{display, display_duration};

/// `body` with every placeholder a fact of `incident` answers filled in.
pub(super) fn fill<'a>(body: &'a str, incident: &Incident) -> Cow<'a, str> {
    fill_telling(body, incident, |_, _| {})
}

/// `edited`, saved by a writer after [`fill`] showed them `body`: the lines it answered, left as
/// they were shown, hold the placeholders of `body` again (a line the writer changed is theirs).
pub(super) fn put_back<'a>(edited: &'a str, body: &str, incident: &Incident) -> Cow<'a, str> {
    let mut answered_lines = Vec::new();
    fill_telling(body, incident, |written, answered| answered_lines.push((written.to_string(), answered)));
    let mut text = Cow::Borrowed(edited);
    for (written, answered) in answered_lines {
        // The answered lines as whole lines, and the first such place only: each was filled once.
        let at_line_start = |at: &usize| *at == 0 || text[..*at].ends_with('\n');
        let Some(at) = text.match_indices(answered.as_str()).map(|(at, _)| at).find(at_line_start) else { continue };
        text.to_mut().replace_range(at..at + answered.len(), &written);
    }
    text
}

/// [`fill`], telling `answered` each block of lines it answered: as `body` has it, and filled.
fn fill_telling<'a>(body: &'a str, incident: &Incident, mut answered: impl FnMut(&str, String)) -> Cow<'a, str> {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let text_of = |index: usize| lines[index].trim_end_matches(['\n', '\r']);
    // Most drafts (Debrief's own template among them) have no line asking for a fact at all.
    let asks = |index: usize| fields(text_of(index)).iter().any(|found| found.fact.is_some());
    if !(0..lines.len()).any(|index| asks(index) || heading_fact(text_of(index)).is_some()) {
        return Cow::Borrowed(body);
    }
    let mut filled = String::with_capacity(body.len() + 64);
    let mut prose = Prose::default();
    let mut index = 0;
    while index < lines.len() {
        let (line, text) = (lines[index], text_of(index));
        index += 1;
        if prose.holds(text) {
            if let Some(spliced) = answered_line(text, incident) {
                let spliced = format!("{spliced}{}", &line[text.len()..]);
                filled.push_str(&spliced);
                answered(line, spliced);
                continue;
            }
            let section = heading_fact(text).and_then(|fact| answered_section(&lines, index, fact, incident));
            if let Some((answer, next)) = section {
                let start = filled.len();
                filled.push_str(line);
                if !line.ends_with('\n') {
                    filled.push('\n');
                }
                filled.push_str(&answer);
                answered(&lines[index - 1..next.max(index)].concat(), filled[start..].to_string());
                index = next;
                continue;
            }
        }
        filled.push_str(line);
    }
    Cow::Owned(filled)
}

/// `text` with the placeholders of its labelled values answered, when it has any the incident answers.
fn answered_line(text: &str, incident: &Incident) -> Option<String> {
    let answers: Vec<(Field<'_>, String)> =
        fields(text).into_iter().filter_map(|found| answer(&found, incident).map(|value| (found, value))).collect();
    if answers.is_empty() {
        return None;
    }
    let mut spliced = String::with_capacity(text.len() + 32);
    let mut from = 0;
    for (found, value) in &answers {
        let before = &text[from..found.value.start];
        spliced.push_str(before);
        if found.in_cell && found.written.is_empty() {
            spliced.push_str(&format!(" {value} "));
        } else if found.written.is_empty() && !found.in_cell {
            // An empty value gets a space after its label; a line break written after it stays.
            let labelled = &text[..found.value.start];
            if !labelled.ends_with([' ', '\t']) {
                spliced.push(' ');
            }
            spliced.push_str(value);
            let rest = &text[found.value.end..];
            if !is_hard_break(rest) {
                return Some(spliced);
            }
        } else {
            spliced.push_str(value);
        }
        from = found.value.end;
    }
    spliced.push_str(&text[from..]);
    Some(spliced)
}

/// Where a Markdown text's lines are, read one after another: in fenced code, in an HTML comment
/// (a template's guidance, Debrief's markers), or in the prose a writer fills in.
#[derive(Default)]
struct Prose {
    /// The fence an open code block ends at.
    fence: Option<&'static str>,
    in_comment: bool,
}

impl Prose {
    /// Whether `line`, the next one, is prose rather than code, a comment or their fences.
    fn holds(&mut self, line: &str) -> bool {
        let trimmed = line.trim_start();
        if let Some(fence) = self.fence {
            if trimmed.starts_with(fence) {
                self.fence = None;
            }
        } else if self.in_comment {
            self.in_comment = !line.contains("-->");
        } else if let Some(fence) = ["```", "~~~"].into_iter().find(|fence| trimmed.starts_with(fence)) {
            self.fence = Some(fence);
        } else if let Some(after) = trimmed.strip_prefix("<!--") {
            self.in_comment = !after.contains("-->");
        } else {
            return true;
        }
        false
    }
}

/// The answer to a heading that asks for `fact` ("### Date", "### Severity"), when its section,
/// from line `first` on, is empty or holds a placeholder alone ("SEV-1 / SEV-2"): the section's
/// lines as they should read, and the line after them. A comment for the writer is not a value.
fn answered_section(lines: &[&str], first: usize, fact: Fact, incident: &Incident) -> Option<(String, usize)> {
    let end = (first..lines.len()).find(|&at| is_heading(lines[at])).unwrap_or(lines.len());
    let written: Vec<usize> = (first..end)
        .filter(|&at| !lines[at].trim().is_empty() && !lines[at].trim_start().starts_with("<!--"))
        .collect();
    let placeholder = match written.as_slice() {
        [] => None,
        [only] => Some(*only),
        _ => return None,
    };
    let text_of = |at: usize| lines[at].trim_end_matches(['\n', '\r']);
    let written_text = placeholder.map_or("", |at| text_of(at).trim());
    let stand_in = Field { label: "", fact: Some(fact), written: written_text, value: 0..0, in_cell: false };
    let value = answer(&stand_in, incident)?;
    Some(match placeholder {
        Some(at) => (format!("{}{value}{}", lines[first..at].concat(), &lines[at][text_of(at).len()..]), at + 1),
        None => (format!("\n{value}\n"), first),
    })
}

/// Whether what follows a value on its line breaks the line: two spaces or a backslash.
fn is_hard_break(rest: &str) -> bool {
    rest.ends_with("  ") || rest.ends_with('\\')
}

/// An ATX heading line.
fn is_heading(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t', '\n', '\r'])
}

/// The fact a section heading asks for, as the Site Reliability Engineering book's template asks
/// ("### Date", "### Authors"). People are left out: their heading holds the participants table.
fn heading_fact(line: &str) -> Option<Fact> {
    if !is_heading(line) || line.starts_with("# ") {
        return None;
    }
    let label = line.trim_start_matches('#').trim().trim_end_matches('#').trim();
    fact_named(label).filter(|fact| *fact != Fact::People)
}

/// A line that labels a value: where the value stands, and what the label names.
struct Field<'a> {
    /// The label as written, without its emphasis and colon.
    label: &'a str,
    /// The fact it names, when it names one Debrief keeps.
    fact: Option<Fact>,
    /// The value as written, placeholder or not.
    written: &'a str,
    /// Where the value stands in the line (an empty range after the label when there is none, an
    /// empty cell's whole width).
    value: std::ops::Range<usize>,
    /// A table cell, rather than the rest of a labelled line.
    in_cell: bool,
}

/// The facts a template's line may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Title,
    Date,
    Started,
    Detected,
    Mitigated,
    Resolved,
    Length,
    ToDetect,
    ToMitigate,
    ToResolve,
    Severity,
    Commander,
    Owner,
    Services,
    People,
}

/// The labelled values a line holds: "**Date:** value", "**Date**: value", "- Date: value",
/// "Date: value", or the cells of a table row ("| Date | value |").
fn fields(line: &str) -> Vec<Field<'_>> {
    if line.trim_start().starts_with('|') { table_fields(line) } else { field(line).into_iter().collect() }
}

/// A labelled line naming a fact: "**Date:** value", "**Date**: value", "- Date: value", "Date: value".
fn field(line: &str) -> Option<Field<'_>> {
    let trimmed = line.trim_start();
    let start = line.len() - trimmed.len();
    let after_marker = ["- ", "* ", "+ "]
        .iter()
        .find_map(|marker| trimmed.strip_prefix(marker))
        .map_or(start, |rest| line.len() - rest.trim_start().len());
    let rest = &line[after_marker..];
    let (label, value_start) = match ["**", "__"].iter().find(|emphasis| rest.starts_with(**emphasis)) {
        Some(emphasis) => {
            let inner = &rest[2..];
            let close = inner.find(emphasis)?;
            let label = &inner[..close];
            let after = &inner[close + 2..];
            match label.strip_suffix(':') {
                Some(label) => (label, after_marker + 2 + close + 2),
                None => (label, after_marker + 2 + close + 2 + after.strip_prefix(':').map(|_| 1)?),
            }
        }
        None => {
            let colon = rest.find(':')?;
            (&rest[..colon], after_marker + colon + 1)
        }
    };
    if !is_label(label) {
        return None;
    }
    let tail = &line[value_start..];
    let end = tail.trim_end_matches([' ', '\t', '\\']).len();
    let leading = tail[..end].len() - tail[..end].trim_start().len();
    let value = value_start + leading..value_start + end.max(leading);
    Some(Field { label: label.trim(), fact: fact_named(label), written: &line[value.clone()], value, in_cell: false })
}

/// The cells of a table row that name a fact, each with the cell after it as its value: "|
/// Severity | SEV-1 / SEV-2 |", and rows of label and value pairs side by side ("| Start Time |
/// | Time to Detect (TTD) | |", as Michael Kehoe's template lays out its incident's timing).
fn table_fields(line: &str) -> Vec<Field<'_>> {
    let cells = table_cells(line);
    if !cells.len().is_multiple_of(2) {
        return Vec::new();
    }
    cells
        .chunks(2)
        .filter_map(|pair| {
            let label = line[pair[0].clone()].trim().trim_matches(['*', '_']);
            if !is_label(label) {
                return None;
            }
            let cell = &line[pair[1].clone()];
            let written = cell.trim();
            // An empty cell is filled whole, with a space either side; a written one in place.
            let value = if written.is_empty() {
                pair[1].clone()
            } else {
                let start = pair[1].start + cell.len() - cell.trim_start().len();
                start..start + written.len()
            };
            Some(Field { label, fact: fact_named(label), written, value, in_cell: true })
        })
        .collect()
}

/// Whether text before a colon or in a table's first cell reads as a form's label: a few words,
/// not a figure, code or a link.
fn is_label(label: &str) -> bool {
    let label = label.trim();
    !label.is_empty()
        && label.len() <= 48
        && label.split_whitespace().count() <= 6
        && label.chars().any(char::is_alphabetic)
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && !label.contains(['`', '[', ']', '<', '>', '|'])
}

/// The labelled values of a post-mortem (Markdown, front matter and all) that still hold a
/// template's placeholder ("Category: XXX", "**Incident Commander:** [Name]" while no commander
/// is set): each with its line and as written, for the writer to fill in before publishing.
/// Empty values are not listed: a form's blank may be left blank on purpose.
pub(super) fn left_to_fill(document: &str) -> Vec<(usize, String)> {
    let mut left = Vec::new();
    let mut prose = Prose::default();
    let mut in_front_matter = document.starts_with("---\n");
    for (index, line) in document.lines().enumerate() {
        if in_front_matter {
            in_front_matter = index == 0 || line != "---";
        } else if prose.holds(line) {
            for found in fields(line) {
                if !found.written.trim().is_empty() && is_placeholder(found.written) {
                    left.push((index + 1, format!("{}: {}", found.label, found.written)));
                }
            }
        }
    }
    left
}

/// The fact a label names, as templates word them ("Incident Commander", "Time to detection
/// (TTD)", "Date of incident", "Post-mortem owner").
fn fact_named(label: &str) -> Option<Fact> {
    // Without parentheticals ("Start time (UTC)"), hyphens or case.
    let mut plain = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '-' | '_' | '/' if depth == 0 => plain.push(' '),
            _ if depth == 0 => plain.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    if words.len() > 1 && words[0] == "incident" {
        words.remove(0);
    }
    if words.ends_with(&["of", "incident"]) {
        words.truncate(words.len() - 2);
    } else if words.ends_with(&["of", "the", "incident"]) {
        words.truncate(words.len() - 3);
    }
    let fact = match words.join(" ").as_str() {
        "title" => Fact::Title,
        "date" | "start date" | "day" => Fact::Date,
        "start" | "started" | "start time" | "start date time" | "date time" | "started at" | "began"
        | "time started" => Fact::Started,
        "detected" | "detected at" | "detection time" | "time detected" | "time of detection" | "first detected" => {
            Fact::Detected
        }
        "mitigated" | "mitigated at" | "mitigation time" | "time mitigated" | "time of mitigation" => Fact::Mitigated,
        "resolved" | "resolved at" | "resolution time" | "time resolved" | "time of resolution" | "end"
        | "end time" | "end date time" | "ended" => Fact::Resolved,
        "duration" | "length" | "total duration" | "outage duration" => Fact::Length,
        "time to detect" | "time to detection" | "ttd" | "mttd" => Fact::ToDetect,
        "time to mitigate" | "time to mitigation" | "ttm" | "mttm" => Fact::ToMitigate,
        "time to resolve" | "time to resolution" | "time to recover" | "time to recovery" | "time to repair"
        | "time to restore" | "ttr" | "mttr" => Fact::ToResolve,
        "severity" | "sev" | "severity level" => Fact::Severity,
        "commander" | "ic" | "lead" => Fact::Commander,
        "owner" | "postmortem owner" | "post mortem owner" | "postmortem lead" | "post mortem lead" | "author"
        | "authors" | "postmortem author" | "post mortem author" | "report author" | "by" | "written by"
        | "document owner" | "report owner" => Fact::Owner,
        "service" | "services" | "affected service" | "affected services" | "services affected"
        | "impacted services" => Fact::Services,
        "responders" | "participants" | "attendees" | "people involved" => Fact::People,
        _ => return None,
    };
    Some(fact)
}

/// What the line should say instead of its placeholder, when the incident knows it.
fn answer(field: &Field<'_>, incident: &Incident) -> Option<String> {
    let written = field.written;
    let fact = field.fact?;
    if fact == Fact::Severity {
        return severity(written, incident);
    }
    if !is_placeholder(written) {
        return None;
    }
    let durations = incident.durations();
    let names = |names: Vec<&str>| (!names.is_empty()).then(|| names.join(", "));
    match fact {
        Fact::Title => Some(incident.title.clone()),
        Fact::Date => Some(incident.started_at.format("%Y-%m-%d").to_string()),
        Fact::Started => Some(display(&incident.started_at)),
        Fact::Detected => incident.detected_at.as_ref().map(display),
        Fact::Mitigated => incident.mitigated_at.as_ref().map(display),
        Fact::Resolved => incident.resolved_at.as_ref().map(display),
        Fact::Length => durations.length.map(display_duration),
        Fact::ToDetect => durations.to_detect.map(display_duration),
        Fact::ToMitigate => durations.to_mitigate.map(display_duration),
        Fact::ToResolve => durations.to_resolve.map(display_duration),
        Fact::Commander => incident.commander.clone(),
        Fact::Owner => incident.owner.clone(),
        Fact::Services => names(incident.services.iter().map(String::as_str).collect()),
        Fact::People => names(incident.participants.iter().map(|person| person.name.as_str()).collect()),
        Fact::Severity => None,
    }
}

/// The incident's severity in the team's own words: the template's alternative that is that level
/// ("SEV-2" of "SEV-1 / SEV-2 / SEV-3", "P2" of "[P0/P1/P2/P3]"), else Debrief's name for it where
/// the template left no words at all. A scale of words ("Critical / High") is the writer's to map.
fn severity(written: &str, incident: &Incident) -> Option<String> {
    let ours = incident.severity?;
    let bare = |choice: &str| choice.trim().trim_matches(['*', '_', '`', '[', ']']).to_string();
    let choices: Vec<String> = written.split(['/', '|', ',']).flat_map(|part| part.split(" or ")).map(bare).collect();
    if choices.len() >= 2 {
        // Levels are short and end in their number; a P0 or SEV0 that Debrief has no name for is one too.
        let a_scale_of_levels =
            choices.iter().all(|choice| choice.len() <= 6 && choice.ends_with(|c: char| c.is_ascii_digit()));
        return a_scale_of_levels
            .then(|| choices.into_iter().find(|choice| choice.parse::<Severity>().ok() == Some(ours)))
            .flatten();
    }
    is_placeholder(written).then(|| ours.as_str().to_string())
}

/// Whether a value is a template's stand-in rather than something written: nothing, a bracketed
/// prompt ("[Name]", "<team>", "{{date}}", "(Names)"), "TBD", or a pattern of letters standing for figures
/// ("YYYY-MM-DD", "HH:mm", "X hours Y minutes", "20xx-MM-DD", "XXX").
fn is_placeholder(value: &str) -> bool {
    let value = value.trim().trim_matches(['*', '_', '`']).trim();
    if value.is_empty() {
        return true;
    }
    let bracketed = [('[', ']'), ('<', '>'), ('{', '}'), ('(', ')')]
        .iter()
        .any(|(open, close)| value.starts_with(*open) && value.ends_with(*close) && !value.contains("://"));
    if bracketed && !value.contains("](") && !value.contains('@') {
        return true;
    }
    if matches!(
        value.to_ascii_lowercase().as_str(),
        "tbd" | "tba" | "todo" | "?" | "??" | "???" | "-" | "–" | "—" | "…" | "..."
    ) {
        return true;
    }
    let mut stand_ins = 0;
    for token in value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|token| !token.is_empty()) {
        if is_stand_in(token) {
            stand_ins += 1;
        } else if !is_unit(token) {
            return false;
        }
    }
    stand_ins > 0
}

/// A run of letters standing for figures: "YYYY", "MM", "DD", "HH", "mm", "XXX", "N", "20xx", "Xh".
fn is_stand_in(token: &str) -> bool {
    // "20xx": a year's first digits, letters for the rest.
    let digits = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let rest = &token[digits..];
        return !rest.is_empty() && rest.chars().all(|c| c == 'x' || c == 'X');
    }
    // "Xh", "Ym": a stand-in with its unit.
    let letters = ["mins", "min", "h", "m", "s", "d"]
        .iter()
        .find_map(|unit| {
            token
                .strip_suffix(unit)
                .filter(|rest| !rest.is_empty() && rest.chars().all(|c| matches!(c, 'X' | 'Y' | 'Z' | 'N')))
        })
        .unwrap_or(token);
    let all = |letter: char| letters.chars().all(|c| c == letter);
    all('X')
        || all('Y')
        || all('Z')
        || letters == "N"
        || (all('x') && letters.len() >= 2)
        || matches!(letters, "MM" | "DD" | "HH" | "hh" | "mm" | "ss" | "YY" | "YYYY")
}

/// Words that may stand between stand-ins: "X hours Y minutes", "YYYY-MM-DD HH:MM UTC".
fn is_unit(token: &str) -> bool {
    matches!(
        token.to_ascii_lowercase().as_str(),
        "h" | "hr"
            | "hrs"
            | "hour"
            | "hours"
            | "m"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "s"
            | "sec"
            | "secs"
            | "second"
            | "seconds"
            | "d"
            | "day"
            | "days"
            | "utc"
            | "gmt"
            | "z"
            | "and"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IncidentKind, PostmortemStatus, Severity, Status};
    use chrono::DateTime;

    fn incident() -> Incident {
        let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
        Incident {
            id: "2026-11-23-checkout-502s".into(),
            title: "Checkout 502s".into(),
            kind: IncidentKind::Unscheduled,
            severity: Some(Severity::Sev2),
            status: Status::Open,
            written_up: false,
            commander: Some("Alice Example".into()),
            participants: vec![],
            started_at: at("2026-11-23T14:00:00+01:00"),
            detected_at: Some(at("2026-11-23T14:05:00+01:00")),
            mitigated_at: Some(at("2026-11-23T14:40:00+01:00")),
            resolved_at: None,
            owner: Some("Bob Example".into()),
            postmortem_status: PostmortemStatus::Draft,
            services: vec!["checkout".into(), "ingress".into()],
            tags: vec![],
            tickets: vec![],
            chat_logs: vec![],
            forum_links: vec![],
        }
    }

    /// Saved from the editor as shown, the answers go back to the template's placeholders, and a
    /// severity raised after the save is shown as it now is; a value the writer changed is theirs.
    #[test]
    fn answers_saved_as_they_were_shown_follow_the_facts_and_a_changed_one_is_the_writers() {
        let body = "**Severity:** SEV-1 / SEV-2 / SEV-3\n**Incident Commander:** [Name]\n\n### Date\n\n\
                    ### Owner\n\n[owner]\n\n## Summary\n\nThe pool ran dry.\n";
        let shown = fill(body, &incident()).into_owned();
        assert!(shown.contains("**Severity:** SEV-2\n") && shown.contains("### Date\n\n2026-11-23\n"), "{shown}");
        let edited = shown.replace("The pool ran dry.", "The pool ran dry at 14:02.");
        let saved = put_back(&edited, body, &incident());
        assert_eq!(saved, body.replace("The pool ran dry.", "The pool ran dry at 14:02."));
        let mut raised = incident();
        raised.severity = Some(Severity::Sev1);
        assert!(fill(&saved, &raised).contains("**Severity:** SEV-1\n"));

        let edited = shown.replace("**Incident Commander:** Alice Example", "**Incident Commander:** Dana Scully");
        let saved = put_back(&edited, body, &incident());
        assert!(saved.contains("**Incident Commander:** Dana Scully\n"), "{saved}");
        assert!(saved.contains("**Severity:** SEV-1 / SEV-2 / SEV-3\n"), "{saved}");
        assert_eq!(put_back("Nothing of the template.\n", body, &incident()), "Nothing of the template.\n");
    }

    #[test]
    fn a_teams_placeholders_are_filled_from_the_incident() {
        let body = "**Date:** YYYY-MM-DD  \n**Incident Commander:** [Name]\n**Severity:** SEV-1 / SEV-2 / SEV-3\n\
                    **Duration:** X hours Y minutes\n**Status:** Draft\n\n## Stats\n\n- Category: XXX\n\
                    - Time to detection: YYY\n- Time to recovery: ZZZ\n\n| Field | Value |\n|---|---|\n\
                    | Owner | <name> |\n| Affected services | TBD |\n| Priority | P1 \\| P2 |\n";
        let filled = fill(body, &incident());
        assert_eq!(
            filled,
            "**Date:** 2026-11-23  \n**Incident Commander:** Alice Example\n**Severity:** SEV-2\n\
             **Duration:** X hours Y minutes\n**Status:** Draft\n\n## Stats\n\n- Category: XXX\n\
             - Time to detection: 5m\n- Time to recovery: ZZZ\n\n| Field | Value |\n|---|---|\n\
             | Owner | Bob Example |\n| Affected services | checkout, ingress |\n| Priority | P1 \\| P2 |\n",
            "not resolved yet: the length and the time to recovery stay for the writer"
        );
    }

    #[test]
    fn the_published_templates_fields_are_answered_as_their_writers_would() {
        // The Site Reliability Engineering book's: facts as sections of their own.
        let book = "### Date\n\n### Authors\n\n### Status\n\n### Severity\nSEV-1 / SEV-2\n\n### Summary\n";
        assert_eq!(
            fill(book, &incident()),
            "### Date\n\n2026-11-23\n\n### Authors\n\nBob Example\n\n### Status\n\n### Severity\nSEV-2\n\n### Summary\n"
        );
        // Real-World SRE's "Date: " with nothing after it; Elastic's "By: (Names)".
        assert_eq!(
            fill("Name(s):\n\nDate: \n\nBy: (Names)\n", &incident()),
            "Name(s):\n\nDate: 2026-11-23\n\nBy: Bob Example\n"
        );
        assert_eq!(
            fill("**Date:**  \n**Severity:**\\\n", &incident()),
            "**Date:** 2026-11-23  \n**Severity:** SEV2\\\n"
        );
        // Michael Kehoe's: label and value pairs side by side in a table.
        let timing = "| Start Time      |       | Incident Detected By |      |\n|---|---|---|---|\n\
                      | Detection Time  |       | Time to Detect (TTD) |      |\n| Resolution Time |  | Time to Resolve (TTR) | |\n";
        assert_eq!(
            fill(timing, &incident()),
            "| Start Time      | 2026-11-23 14:00:00 +01:00 | Incident Detected By |      |\n|---|---|---|---|\n\
             | Detection Time  | 2026-11-23 14:05:00 +01:00 | Time to Detect (TTD) | 5m |\n\
             | Resolution Time |  | Time to Resolve (TTR) | |\n",
            "not resolved: left empty"
        );
        assert_eq!(fill("### Start Date/Time\n", &incident()), "### Start Date/Time\n\n2026-11-23 14:00:00 +01:00\n");
        // Templates teams keep: bracketed choices and prompts, some in code marks, placeholders in braces.
        let kept = "Title: [short descriptive title]\nIncident lead: [name]\n**Severity:** [P0/P1/P2/P3]  \n\
                    **Duration**: `[Total duration]`\n**Date:** {incident_date}\n**Postmortem Author:** {author}\n\
                    - **Date / Time:**\n**Severity**: `[Critical/High/Medium/Low]`\n**Status**: `[Resolved/Closed]`\n";
        assert_eq!(
            fill(kept, &incident()),
            "Title: Checkout 502s\nIncident lead: Alice Example\n**Severity:** P2  \n**Duration**: `[Total duration]`\n\
             **Date:** 2026-11-23\n**Postmortem Author:** Bob Example\n- **Date / Time:** 2026-11-23 14:00:00 +01:00\n\
             **Severity**: `[Critical/High/Medium/Low]`\n**Status**: `[Resolved/Closed]`\n",
            "not resolved: no duration yet; a scale of words and a status are the writer's"
        );
        // A comment for the writer under the heading is guidance, not the value.
        assert_eq!(
            fill("## Date\n<!-- YYYY-MM-DD -->\n\n## Summary\n", &incident()),
            "## Date\n\n2026-11-23\n<!-- YYYY-MM-DD -->\n\n## Summary\n"
        );
        // A section someone wrote in, and a heading naming no fact, stay.
        let written = "### Date\n\nThe night of the 23rd.\n\n### Detection\n\n";
        assert_eq!(fill(written, &incident()), written);
    }

    #[test]
    fn the_placeholders_nobody_filled_are_listed_with_their_lines() {
        let document = "---\nowner: TBD\n---\n\n# Outage\n\n- Category: XXX\n- Time to detection: 5m\n\
                        **Incident Commander:** [Name]\n\n| Customers affected | N | War-room | |\n\n\
                        ```\nDate: YYYY-MM-DD\n```\nNote: the fix was simple.\n";
        assert_eq!(
            left_to_fill(document),
            [
                (7, "Category: XXX".to_string()),
                (9, "Incident Commander: [Name]".to_string()),
                (11, "Customers affected: N".to_string())
            ]
        );
    }

    #[test]
    fn written_values_code_and_comments_are_left_as_they_are() {
        let body = "**Date:** 2026-11-20\n**Severity:** SEV1\n- Owner: carol\n**Detection:** Borgmon paged.\n\n\
                    ```yaml\ndate: YYYY-MM-DD\n```\n\n<!--\nDate: YYYY-MM-DD\n-->\n\
                    Note: the date is YYYY-MM-DD in the team's wiki\n";
        assert_eq!(fill(body, &incident()), body);
        assert!(matches!(fill("## Summary\n\nNothing labelled.\n", &incident()), Cow::Borrowed(_)));
    }

    #[test]
    fn severity_is_written_in_the_teams_own_scale() {
        let incident = incident();
        assert_eq!(severity("P1 | P2 | P3", &incident).as_deref(), Some("P2"));
        assert_eq!(severity("Sev 1, Sev 2 or Sev 3", &incident).as_deref(), Some("Sev 2"));
        assert_eq!(severity("", &incident).as_deref(), Some("SEV2"));
        assert_eq!(severity("[severity]", &incident).as_deref(), Some("SEV2"));
        assert_eq!(severity("Critical / High / Low", &incident), None, "a scale of words is the writer's to map");
        assert_eq!(severity("SEV3", &incident), None, "written");
    }

    #[test]
    fn only_stand_ins_make_a_placeholder() {
        for stand_in in [
            "",
            "YYYY-MM-DD",
            "HH:mm",
            "20xx-MM-DD HH:mm",
            "X hours Y minutes",
            "Xh Ym",
            "XXX",
            "N",
            "[Name]",
            "{{ date }}",
            "_TBD_",
        ] {
            assert!(is_placeholder(stand_in), "{stand_in:?}");
        }
        for written in [
            "2026-11-23",
            "1h 05m",
            "Xavier",
            "Yes",
            "[the runbook](https://example.com)",
            "<alice@example.com>",
            "N/A",
            "none",
        ] {
            assert!(!is_placeholder(written), "{written:?}");
        }
    }
}
