//! Follow-through in a published post-mortem: `debrief lint` on the shared
//! repository reports action items that lack an owner, a due date or a type,
//! won't-do items without a reason, and open items overdue past the team's
//! policy, as findings with rules of their own (`follow-up-*`), so GitHub
//! annotations and SARIF carry them like the wording findings.
//!
//! Only a file whose YAML front matter has `action_items` and the facts of a
//! post-mortem pays for more than a look at its first lines: ordinary Markdown
//! (a README, a blog post, a hand-written post-mortem without Debrief's front
//! matter) is never parsed here and never gets one of these findings.

use std::ops::Range;

use chrono::NaiveDate;

use super::{ActionItemFacts, parse};
use crate::lint::{Category, Finding, Linter};
use crate::model::{ActionStatus, Severity};
use crate::policy::Policy;

/// Whether `markdown` starts with front matter that has `action_items`: the only files
/// [`follow_through`] reads further, found without reading past the front matter.
pub fn has_action_items(markdown: &str) -> bool {
    action_items_front_matter(markdown).is_some()
}

/// The follow-up findings in `markdown`, checked against `policy` on `today`, with the rules
/// and severities `linter`'s configuration gives them. Empty for anything that is not a
/// post-mortem with action items.
pub fn follow_through(markdown: &str, policy: &Policy, today: NaiveDate, linter: &Linter) -> Vec<Finding> {
    let Some(front_matter) = action_items_front_matter(markdown) else { return Vec::new() };
    // A front matter that cannot be read is the importer's to report, not a follow-up finding.
    let Ok(parsed) = parse(markdown) else { return Vec::new() };
    let facts = &parsed.facts;
    let is_postmortem = facts.id.is_some()
        || facts.started.is_some()
        || facts.date.is_some()
        || facts.severity.is_some()
        || facts.kind.is_some();
    if !is_postmortem || facts.action_items.is_empty() {
        return Vec::new();
    }
    let mut places = item_places(markdown, &front_matter);
    if places.len() != facts.action_items.len() {
        // Items written in a shape the line reader does not follow (flow style): all at the key.
        let key = line_range(markdown, front_matter.key);
        places = vec![ItemPlace { text: None, due: None, first: key }; facts.action_items.len()];
    }
    let mut report = Report { markdown, linter, policy, severity: facts.severity, today, findings: Vec::new() };
    for (position, (item, place)) in facts.action_items.iter().zip(&places).enumerate() {
        let number = item.id.unwrap_or(position as i64 + 1);
        let at = place.text.clone().unwrap_or_else(|| place.first.clone());
        match item.status {
            ActionStatus::Open => {
                check_open_item(&mut report, item, number, place, &at);
            }
            ActionStatus::WontDo if item.reason.is_none() => report.add(
                "follow-up-reason",
                at,
                format!(
                    "Action item #{number} is won't-do without a reason: readers cannot tell whether the risk \
                     was accepted or forgotten."
                ),
                format!("Add `reason:` to #{number} saying why it will not be done, e.g. \"superseded by #4\"."),
            ),
            ActionStatus::Done | ActionStatus::WontDo => {}
        }
    }
    report.findings
}

/// What an open item lacks, and whether it is overdue past the policy's grace.
fn check_open_item(report: &mut Report<'_>, item: &ActionItemFacts, number: i64, place: &ItemPlace, at: &Range<usize>) {
    let (policy, severity) = (report.policy, report.severity);
    if item.owner.is_none() {
        report.add(
            "follow-up-owner",
            at.clone(),
            format!("Action item #{number} has no owner: an item nobody owns is one nobody is expected to close."),
            format!("Add `owner:` to #{number} with who will see it through."),
        );
    }
    match item.due {
        None => {
            let days = policy.due_days(severity);
            let kind = severity.map(|severity| format!("a {} incident", severity.as_str()));
            report.add(
                "follow-up-due-date",
                at.clone(),
                format!("Action item #{number} has no due date: nobody will notice when it slips."),
                format!(
                    "Add `due: YYYY-MM-DD` to #{number}; the team's policy gives {} {days} days.",
                    kind.unwrap_or_else(|| "an incident without a severity".into())
                ),
            );
        }
        Some(due) => {
            if let Some(late) = policy.late_beyond_grace(due, report.today) {
                report.add(
                    "follow-up-overdue",
                    place.due.clone().unwrap_or_else(|| at.clone()),
                    format!(
                        "Action item #{number} was due on {due}, {late} days ago, and is still open (the policy \
                         allows {} days past the due date).",
                        policy.overdue_grace_days
                    ),
                    format!(
                        "Mark #{number} `status: done`, move `due:` to a date its owner can keep, or close it with \
                         `status: wont-do` and a `reason:`."
                    ),
                );
            }
        }
    }
    if item.kind.is_none() {
        report.add(
            "follow-up-type",
            at.clone(),
            format!(
                "Action item #{number} has no type: whether it finds, prevents, repairs or teaches is not recorded."
            ),
            format!("Add `type:` to #{number}: detective, preventive, corrective or learning."),
        );
    }
}

/// Findings placed in the file, with the rules and severities of the configuration, and what
/// the items are checked against.
struct Report<'a> {
    markdown: &'a str,
    linter: &'a Linter,
    policy: &'a Policy,
    /// The incident's, for the policy's due days.
    severity: Option<Severity>,
    today: NaiveDate,
    findings: Vec<Finding>,
}

impl Report<'_> {
    /// A finding of `rule` on the line part `at`, which is also the "sentence" reports show.
    fn add(&mut self, rule: &str, at: Range<usize>, message: String, suggestion: String) {
        if !self.linter.enabled(rule, Category::FollowUp) {
            return;
        }
        let (line, column) = position(self.markdown, at.start);
        let (end_line, end_column) = position(self.markdown, at.end);
        self.findings.push(Finding {
            start: at.start,
            end: at.end,
            line,
            column,
            end_line,
            end_column,
            rule: rule.to_string(),
            category: Category::FollowUp,
            severity: self.linter.severity(rule, Category::FollowUp),
            message,
            suggestion: Some(suggestion),
            replacement: None,
            phrase: self.markdown[at.clone()].to_string(),
            sentence_start: at.start,
            sentence_end: at.end,
        });
    }
}

/// Where the front matter's `action_items` key is, and where the front matter ends.
struct FrontMatter {
    /// Offset of the `action_items:` line.
    key: usize,
    /// Offset of the closing `---` line.
    end: usize,
}

/// The front matter, when the text starts with one that has a top-level `action_items` key.
/// Reads no further than the front matter, and only its lines' first characters.
fn action_items_front_matter(text: &str) -> Option<FrontMatter> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let first = text[start..].split_inclusive('\n').next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = start + first.len();
    let mut key = None;
    for line in text[offset..].split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return key.map(|key| FrontMatter { key, end: offset });
        }
        if line.starts_with("action_items:") {
            key = Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Where one action item is written in the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemPlace {
    /// `text: ...` and `due: ...`, when the item has them on a line of their own.
    text: Option<Range<usize>>,
    due: Option<Range<usize>>,
    /// The item's first line, after its `- `.
    first: Range<usize>,
}

/// The items of the block-style list under `action_items:`, in order.
fn item_places(text: &str, front_matter: &FrontMatter) -> Vec<ItemPlace> {
    let mut offset = next_line(text, front_matter.key);
    let mut dash_indent = None;
    let mut places: Vec<ItemPlace> = Vec::new();
    while offset < front_matter.end {
        let line = line_range(text, offset);
        let content = &text[line.clone()];
        let next = next_line(text, line.start);
        let indent = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            offset = next;
            continue;
        }
        if indent == 0 && !trimmed.starts_with('-') {
            break; // the next top-level key
        }
        let is_dash = trimmed == "-" || trimmed.starts_with("- ");
        let mut field = line.start + indent..line.end;
        if is_dash && dash_indent.is_none_or(|dashes| dashes == indent) {
            dash_indent = Some(indent);
            let after_dash = field.start + 1 + (trimmed.len() - trimmed[1..].trim_start().len() - 1);
            field = after_dash..line.end;
            places.push(ItemPlace { text: None, due: None, first: field.clone() });
        }
        let Some(place) = places.last_mut() else { break };
        match text[field.clone()].split_once(':').map(|(key, _)| key.trim()) {
            Some("text") => place.text = Some(field),
            Some("due") => place.due = Some(field),
            _ => {}
        }
        offset = next;
    }
    places
}

/// The line holding `offset`, without its line break (or a `\r` before it).
fn line_range(text: &str, offset: usize) -> Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |at| offset + at);
    let end = if text[start..end].ends_with('\r') { end - 1 } else { end };
    start..end
}

/// The offset of the line after the one holding `offset`.
fn next_line(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |at| offset + at + 1)
}

/// 1-based line and column (in characters) of `offset`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Config, Severity};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn found(markdown: &str) -> Vec<(String, usize, String)> {
        follow_through(markdown, &Policy::default(), today(), &Linter::default())
            .into_iter()
            .map(|finding| (finding.rule, finding.line, finding.phrase))
            .collect()
    }

    const POSTMORTEM: &str = "---\nid: 2026-03-02-checkout\ntitle: Checkout latency\nseverity: SEV2\n\
        started: 2026-03-02T14:00:00+01:00\naction_items:\n  - id: 1\n    text: Alert on pool use\n    \
        owner: carol\n    due: 2026-11-27\n    type: detective\n    status: open\n  - id: 2\n    \
        text: Shard the queue\n    due: 2026-04-01\n    status: open\n  - id: 3\n    text: Old runbook\n    \
        status: wont-do\n  - id: 4\n    text: Done already\n    status: done\n---\n\n# Checkout latency\n";

    #[test]
    fn items_lacking_an_owner_a_date_a_type_or_a_reason_and_items_overdue_past_the_grace() {
        assert_eq!(
            found(POSTMORTEM),
            [
                ("follow-up-owner".to_string(), 14, "text: Shard the queue".to_string()),
                ("follow-up-overdue".to_string(), 15, "due: 2026-04-01".to_string()),
                ("follow-up-type".to_string(), 14, "text: Shard the queue".to_string()),
                ("follow-up-reason".to_string(), 18, "text: Old runbook".to_string()),
            ],
            "#1 is 4 days late, within the policy's grace; #4 is done"
        );
    }

    #[test]
    fn findings_say_which_item_and_what_to_add() {
        let findings = follow_through(POSTMORTEM, &Policy::default(), today(), &Linter::default());
        let overdue = findings.iter().find(|finding| finding.rule == "follow-up-overdue").unwrap();
        assert_eq!(overdue.category, Category::FollowUp);
        assert_eq!(overdue.severity, Severity::Warning);
        assert!(overdue.message.starts_with("Action item #2 was due on 2026-04-01, 244 days ago"), "{overdue:?}");
        assert_eq!(&POSTMORTEM[overdue.start..overdue.end], "due: 2026-04-01");
        assert_eq!((overdue.column, overdue.end_line, overdue.end_column), (5, 15, 20));
        assert_eq!(
            (overdue.sentence_start, overdue.sentence_end),
            (overdue.start, overdue.end),
            "its line is its context"
        );
    }

    #[test]
    fn one_day_past_the_grace_is_overdue_and_the_grace_itself_is_not() {
        let item = |due: &str| {
            format!(
                "---\nid: x\nstarted: 2026-01-01T00:00:00Z\naction_items:\n- text: a\n  owner: o\n  type: learning\n  due: {due}\n---\n"
            )
        };
        assert_eq!(found(&item("2026-11-24")), [], "7 days late: within the grace");
        assert_eq!(found(&item("2026-11-23")).len(), 1, "8 days late");
        assert_eq!(found(&item("2026-11-23"))[0].1, 8, "items at the key's own indentation are read too");
    }

    #[test]
    fn ordinary_markdown_and_other_front_matter_are_left_alone() {
        for text in [
            "# Notes\n\naction_items:\n  - text: not front matter\n",
            "---\ntitle: Team offsite\naction_items:\n  - text: Book the room\n---\n",
            "---\nlayout: post\ntitle: A blog post\n---\n\nText.\n",
            "---\nid: x\nstarted: [broken\naction_items:\n  - text: a\n---\n",
            "---\nid: x\nstarted: 2026-01-01T00:00:00Z\naction_items:\n",
        ] {
            assert_eq!(found(text), [], "{text:?}");
        }
    }

    #[test]
    fn flow_style_items_are_reported_at_the_key() {
        let text = "---\nid: x\nkind: unscheduled\naction_items: [{text: a, owner: o, type: learning}]\n---\n";
        let found = found(text);
        assert_eq!(found, [("follow-up-due-date".to_string(), 4, found[0].2.clone())]);
        assert!(found[0].2.starts_with("action_items: ["));
    }

    #[test]
    fn rules_and_the_category_switch_off_and_change_severity_in_the_configuration() {
        let config =
            |toml: &str| Linter::new(Config::from_toml(toml, std::path::Path::new("lint.toml")).unwrap()).unwrap();
        let rules = |linter: &Linter| -> Vec<String> {
            follow_through(POSTMORTEM, &Policy::default(), today(), linter).into_iter().map(|f| f.rule).collect()
        };
        assert_eq!(rules(&config("disable = [\"follow-up\"]")), Vec::<String>::new());
        assert_eq!(
            rules(&config("disable = [\"follow-up-overdue\", \"follow-up-type\"]")),
            ["follow-up-owner", "follow-up-reason"]
        );
        let noted = follow_through(
            POSTMORTEM,
            &Policy::default(),
            today(),
            &config("[severity]\nfollow-up = \"note\"\nfollow-up-overdue = \"error\""),
        );
        assert!(noted.iter().all(|finding| finding.severity
            == if finding.rule == "follow-up-overdue" { Severity::Error } else { Severity::Note }));
    }
}
