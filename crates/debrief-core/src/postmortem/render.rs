//! Writing a post-mortem: front matter, the title, and the draft's prose with
//! every generated region filled from what was captured.

use super::hand_written::named_zone;
use super::liquid;
use super::placeholders;
use super::regions::{self, Region};
use super::written_timeline::stated_zone_name;
use super::{Postmortem, front_matter};
use crate::markdown::{cell, table, timeline_table};
use crate::model::{ActionItem, ActionStatus, Incident};
use crate::time::{Zone, display, display_duration};
use chrono::{DateTime, FixedOffset, Utc};
use std::borrow::Cow;

pub fn render(postmortem: &Postmortem) -> String {
    let body = render_body(postmortem);
    let separator = if body.is_empty() { "" } else { "\n" };
    let page = format!("{}{separator}{body}", title_line(postmortem));
    format!("---\n{}---\n{}", front_matter::emit(postmortem), liquid::guarded(&page))
}

/// The front matter and the title: the post-mortem without its body.
pub fn render_head(postmortem: &Postmortem) -> String {
    format!("---\n{}---\n{}", front_matter::emit(postmortem), title_line(postmortem))
}

fn title_line(postmortem: &Postmortem) -> String {
    format!("\n# {}\n", cell(&postmortem.incident.title))
}

/// The prose with every region filled: the post-mortem without its front matter and title.
pub fn render_body(postmortem: &Postmortem) -> String {
    let (incident, zone) = facts_as_shown(postmortem);
    let body = placeholders::fill(&postmortem.draft.body, &incident);
    regions::expand(&body, |region| content_in(postmortem, region, zone.as_ref()))
}

/// `edited`, the post-mortem (or its prose) as a writer saved it after it was rendered from
/// `postmortem`: each placeholder Debrief answered and the writer left as it was shown is the
/// template's placeholder again, so it follows the incident's facts as they change (a severity
/// raised after the draft was saved) instead of keeping the value of the day it was saved.
pub fn placeholders_put_back<'a>(postmortem: &Postmortem, edited: &'a str) -> Cow<'a, str> {
    placeholders::put_back(edited, &postmortem.draft.body, &facts_as_shown(postmortem).0)
}

/// The incident's facts as the draft shows them, in the zone its timeline states (the facts a
/// team's template asks for are given there too), and that zone.
fn facts_as_shown(postmortem: &Postmortem) -> (Incident, Option<Zone>) {
    let zone = timeline_zone(&postmortem.draft.body);
    let mut incident = postmortem.incident.clone();
    if let Some(zone) = &zone {
        let times = [
            Some(&mut incident.started_at),
            incident.detected_at.as_mut(),
            incident.mitigated_at.as_mut(),
            incident.resolved_at.as_mut(),
        ];
        for time in times.into_iter().flatten() {
            *time = shown(time, Some(zone));
        }
    }
    (incident, zone)
}

/// What Debrief writes into a region now. Empty when there is nothing to show yet.
pub fn region_content(postmortem: &Postmortem, region: Region) -> String {
    content_in(postmortem, region, timeline_zone(&postmortem.draft.body).as_ref())
}

/// The zone the draft says its timeline is told in, in the timeline's section above the table
/// ("All times in UTC.", "## Timeline (all times PST)", "> (all times in Pacific Time)"), as a
/// team's template says it: its times are shown there, not each in the zone it was captured in.
fn timeline_zone(body: &str) -> Option<Zone> {
    let marker = body.find(&Region::Timeline.start_marker())?;
    let above = &body[..marker];
    let section = above.rfind("\n#").map_or(0, |heading| heading + 1);
    above[section..]
        .lines()
        .filter(|line| !line.trim_start().starts_with("<!--"))
        .find_map(stated_zone_name)
        .and_then(|name| named_zone(&name))
}

/// A time as the draft shows it: in the zone its timeline states, else as it was captured.
fn shown(time: &DateTime<FixedOffset>, zone: Option<&Zone>) -> DateTime<FixedOffset> {
    zone.map_or(*time, |zone| zone.from_utc(time.with_timezone(&Utc)))
}

fn content_in(postmortem: &Postmortem, region: Region, zone: Option<&Zone>) -> String {
    match region {
        Region::KeyTimes => key_times(postmortem, zone),
        Region::Timeline if postmortem.timeline.is_empty() => String::new(),
        Region::Timeline if zone.is_some() => {
            let mut entries = postmortem.timeline.clone();
            for entry in &mut entries {
                entry.at = shown(&entry.at, zone);
            }
            timeline_table(&entries)
        }
        Region::Timeline => timeline_table(&postmortem.timeline),
        Region::ActionItems => action_items(postmortem),
        Region::Participants => participants(postmortem),
        Region::Links => links(postmortem),
    }
}

fn key_times(postmortem: &Postmortem, zone: Option<&Zone>) -> String {
    let incident = &postmortem.incident;
    let durations = incident.durations();
    let moment = |label: &str, time: Option<DateTime<FixedOffset>>, note: Option<String>| {
        let when = time.map(|time| display(&shown(&time, zone))).unwrap_or_else(|| "not recorded".into());
        let note = note.map(|note| format!(" ({note})")).unwrap_or_default();
        format!("- **{label}:** {when}{note}\n")
    };
    let after = |what: &str, duration: Option<chrono::Duration>, since: &str| {
        duration.map(|duration| format!("{what}: {} {since}", display_duration(duration)))
    };
    let mut list = moment("Started", Some(incident.started_at), None);
    list.push_str(&moment(
        "Detected",
        incident.detected_at,
        after("time to detect", durations.to_detect, "after the start"),
    ));
    list.push_str(&moment(
        "Mitigated",
        incident.mitigated_at,
        after("time to mitigate", durations.to_mitigate, "after detection"),
    ));
    list.push_str(&moment(
        "Resolved",
        incident.resolved_at,
        after("time to resolve", durations.to_resolve, "after detection"),
    ));
    if let Some(length) = durations.length {
        list.push_str(&format!("- **Incident length:** {}\n", display_duration(length)));
    }
    list
}

fn action_items(postmortem: &Postmortem) -> String {
    if postmortem.action_items.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = postmortem
        .action_items
        .iter()
        .map(|item| {
            vec![
                item.id.to_string(),
                cell(&item.text),
                item.kind.map(|kind| kind.as_str()).unwrap_or("").to_string(),
                cell(item.owner.as_deref().unwrap_or("")),
                item.due.map(|due| due.to_string()).unwrap_or_default(),
                link_cell(item.ticket.as_deref().unwrap_or("")),
                status_cell(item),
            ]
        })
        .collect();
    table(&["#", "Action", "Type", "Owner", "Due", "Ticket", "Status"], &rows)
}

/// The status as a reader of the table reads it: a won't-do item says why.
fn status_cell(item: &ActionItem) -> String {
    match (item.status, &item.reason) {
        (ActionStatus::WontDo, Some(reason)) => format!("won't do: {}", cell(reason)),
        (ActionStatus::WontDo, None) => "won't do".to_string(),
        (status, _) => status.as_str().to_string(),
    }
}

fn participants(postmortem: &Postmortem) -> String {
    let people = &postmortem.incident.participants;
    if people.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = people.iter().map(|person| vec![cell(&person.name), cell(&person.role)]).collect();
    table(&["Name", "Role"], &rows)
}

fn links(postmortem: &Postmortem) -> String {
    let incident = &postmortem.incident;
    let groups =
        [("Ticket", &incident.tickets), ("Chat log", &incident.chat_logs), ("Customer forum", &incident.forum_links)];
    let mut list = String::new();
    for (label, targets) in groups {
        for target in targets.iter() {
            list.push_str(&format!("- {label}: {}\n", link_cell(target)));
        }
    }
    list
}

/// A web address as a link whose text is the address, anything else (`INC-123`) as escaped
/// text. Not an autolink (`<https://...>`): MDX, which Docusaurus reads `.md` files as, has none
/// and fails the site's build on the `<`.
fn link_cell(target: &str) -> String {
    let is_web_address = (target.starts_with("https://") || target.starts_with("http://"))
        && !target.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '|');
    if !is_web_address {
        return cell(target);
    }
    let mut text = String::with_capacity(target.len());
    for c in target.chars() {
        if "\\[]*_`{}&".contains(c) {
            text.push('\\');
        }
        text.push(c);
    }
    // Parentheses are the same address percent-encoded, and cannot end the link early.
    let destination = target.replace('(', "%28").replace(')', "%29");
    format!("[{text}]({destination})")
}
