//! The front matter: the machine-readable facts of a post-mortem.
//!
//! Reading splits the YAML into top-level keys first, so a duplicate key is
//! reported with both lines, an error names the line it is on, and keys Debrief
//! does not know are kept exactly as written, comments included.
//!
//! `date` repeats the start for static site generators: Hugo dates a page
//! without it 0001-01-01, and Jekyll and Hugo order pages by it. It is derived,
//! like `durations`: on reading, `started` wins, and `date` stands in for a
//! missing `started` (post-mortems written by hand for a Jekyll or Hugo site).
//! Other tools' names for the key times (`start_time` and `end_time`, as the
//! postmortems.app collection writes them) stand in for Debrief's where those are
//! missing, and stay in the front matter as written.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::yaml::{Writer, scalar};
use super::{ActionItemFacts, FactorFacts, Facts, PageDate, Postmortem, Warning};
use crate::factors::theme_id;
use crate::model::{ActionStatus, Participant, UnknownValue};
use crate::time::{display_duration, rfc3339_string};
use crate::{Error, Result};

/// Keys Debrief writes itself; `durations` is derived from the times and ignored on reading.
const KNOWN_KEYS: [&str; 21] = [
    "id",
    "title",
    "status",
    "kind",
    "severity",
    "date",
    "started",
    "detected",
    "mitigated",
    "resolved",
    "durations",
    "owner",
    "commander",
    "participants",
    "services",
    "tags",
    "tickets",
    "chat_logs",
    "forum_links",
    "contributing_factors",
    "action_items",
];

pub fn emit(postmortem: &Postmortem) -> String {
    let incident = &postmortem.incident;
    let mut yaml = Writer::default();
    yaml.text(0, "id", &incident.id);
    yaml.text(0, "title", &incident.title);
    yaml.raw(0, "status", incident.postmortem_status.as_str());
    yaml.raw(0, "kind", incident.kind.as_str());
    if let Some(severity) = incident.severity {
        yaml.raw(0, "severity", severity.as_str());
    }
    let started = rfc3339_string(&incident.started_at);
    yaml.raw(0, "date", &started);
    yaml.raw(0, "started", &started);
    for (key, time) in
        [("detected", incident.detected_at), ("mitigated", incident.mitigated_at), ("resolved", incident.resolved_at)]
    {
        if let Some(time) = time {
            yaml.raw(0, key, &rfc3339_string(&time));
        }
    }
    let durations = incident.durations();
    let named = [
        ("to_detect", durations.to_detect),
        ("to_mitigate", durations.to_mitigate),
        ("to_resolve", durations.to_resolve),
        ("length", durations.length),
    ];
    if named.iter().any(|(_, duration)| duration.is_some()) {
        yaml.open(0, "durations");
        for (key, duration) in named {
            if let Some(duration) = duration {
                yaml.text(2, key, &display_duration(duration));
            }
        }
    }
    for (key, value) in [("owner", &incident.owner), ("commander", &incident.commander)] {
        if let Some(value) = value {
            yaml.text(0, key, value);
        }
    }
    if !incident.participants.is_empty() {
        yaml.open(0, "participants");
        for participant in &incident.participants {
            yaml.item_start();
            yaml.first_field("name", &scalar(&participant.name));
            yaml.text(4, "role", &participant.role);
        }
    }
    yaml.list("services", &incident.services);
    yaml.list("tags", &incident.tags);
    yaml.list("tickets", &incident.tickets);
    yaml.list("chat_logs", &incident.chat_logs);
    yaml.list("forum_links", &incident.forum_links);
    if !postmortem.contributing_factors.is_empty() {
        yaml.open(0, "contributing_factors");
        for factor in &postmortem.contributing_factors {
            yaml.item_start();
            yaml.first_field("factor", &scalar(&factor.text));
            if let Some(theme) = &factor.theme {
                yaml.text(4, "theme", theme);
            }
        }
    }
    if !postmortem.action_items.is_empty() {
        yaml.open(0, "action_items");
        for item in &postmortem.action_items {
            yaml.item_start();
            yaml.first_field("id", &item.id.to_string());
            yaml.text(4, "text", &item.text);
            if let Some(owner) = &item.owner {
                yaml.text(4, "owner", owner);
            }
            if let Some(due) = item.due {
                yaml.raw(4, "due", &due.to_string());
            }
            if let Some(kind) = item.kind {
                yaml.raw(4, "type", kind.as_str());
            }
            if let Some(ticket) = &item.ticket {
                yaml.text(4, "ticket", ticket);
            }
            yaml.raw(4, "status", item.status.as_str());
            if let Some(reason) = &item.reason {
                yaml.text(4, "reason", reason);
            }
        }
    }
    yaml.verbatim(&postmortem.draft.extra_front_matter);
    yaml.finish()
}

/// One top-level key and the lines that belong to it (its value, and comments above it).
struct Block<'a> {
    key: String,
    /// 1-based line in the whole file where the key is.
    line: usize,
    text: &'a str,
}

/// Reads the front matter text; `first_line` is the file line its first line is on. What is
/// kept but worth a look goes to `warnings`.
pub fn parse(text: &str, first_line: usize, warnings: &mut Vec<Warning>) -> Result<(Facts, String)> {
    let blocks = split_blocks(text, first_line)?;
    let mut facts = Facts::default();
    let mut extra = String::new();
    // Times under other tools' names, kept apart so that Debrief's own keys win wherever they are.
    let mut other_tools = Facts::default();
    for block in &blocks {
        let parsed: Value = serde_saphyr::from_str(block.text).map_err(|error| yaml_error(block, &error))?;
        let value = parsed.get(block.key.as_str()).cloned().unwrap_or(Value::Null);
        if block.key == "date" {
            // Only a stand-in for `started`: a date Debrief cannot read must not make the file unreadable.
            match page_date(&value) {
                Ok(date) => facts.date = date,
                Err(reason) => warnings.push(Warning { line: block.line, message: format!("`date`: {reason}") }),
            }
        } else if KNOWN_KEYS.contains(&block.key.as_str()) {
            read_known(&mut facts, &block.key, &value).map_err(|reason| Error::Postmortem {
                line: block.line,
                reason: format!("`{}`: {reason}", block.key),
            })?;
        } else {
            if let Some(fact) = other_tools_fact(&mut other_tools, &block.key)
                && let Ok(Some(PageDate::Time(time))) = page_date(&value)
            {
                *fact = Some(time);
            }
            extra.push_str(block.text);
        }
    }
    settle(&mut facts, other_tools);
    Ok((facts, extra))
}

/// The keys of a team template's front matter that are its site's own (`layout: postmortem`,
/// `categories: [incidents]`), as written, for every draft started from it to keep. The keys
/// Debrief writes itself, and other tools' key times, are Debrief's to fill.
pub fn site_keys(text: &str) -> String {
    let Ok(blocks) = split_blocks(text, 1) else { return String::new() };
    blocks.iter().filter(|block| !is_debriefs(&block.key)).map(|block| block.text).collect()
}

/// [`site_keys`] of a Hugo or Zola template's TOML front matter (`type = "postmortem"`), written
/// as YAML, which Debrief's front matter is and both read: each value in YAML's flow style (JSON's).
pub fn site_keys_of_toml(text: &str) -> String {
    let Ok(table) = text.parse::<toml::Table>() else { return String::new() };
    let yaml_line = |(key, value): (&String, &toml::Value)| {
        let value = serde_json::to_string(&json_of_toml(value)).unwrap_or_else(|_| "null".into());
        format!("{}: {value}\n", scalar(key))
    };
    table.iter().filter(|(key, _)| !is_debriefs(key)).map(yaml_line).collect()
}

/// Whether Debrief writes `key` itself, or reads it as another tool's name of a key time.
fn is_debriefs(key: &str) -> bool {
    key == "date" || KNOWN_KEYS.contains(&key) || other_tools_fact(&mut Facts::default(), key).is_some()
}

/// `kept` (front matter keys as written) with the keys of `added` it does not have after them.
pub fn with_keys_added(kept: &str, added: &str) -> String {
    let names = |text: &str| split_blocks(text, 1).map(|blocks| blocks.into_iter().map(|block| block.key).collect());
    let kept_names: Vec<String> = names(kept).unwrap_or_default();
    let Ok(blocks) = split_blocks(added, 1) else { return kept.to_string() };
    let mut merged = kept.to_string();
    for block in blocks.iter().filter(|block| !kept_names.contains(&block.key)) {
        if !merged.is_empty() && !merged.ends_with('\n') {
            merged.push('\n');
        }
        merged.push_str(block.text);
    }
    merged
}

/// The start a page dated to the minute gives, then the key times under other tools' names
/// where Debrief's own keys give none.
fn settle(facts: &mut Facts, other_tools: Facts) {
    if let (None, Some(PageDate::Time(time))) = (facts.started, facts.date) {
        facts.started = Some(time);
    }
    facts.started = facts.started.or(other_tools.started);
    facts.detected = facts.detected.or(other_tools.detected);
    facts.mitigated = facts.mitigated.or(other_tools.mitigated);
    facts.resolved = facts.resolved.or(other_tools.resolved);
}

/// The facts of a Hugo or Zola page's TOML front matter, read as the same keys are in YAML
/// (Debrief's own, `date`, other tools' key times), and the keys that give none, for the
/// reader to name. The file was written for another tool: a value Debrief cannot read is left
/// out with a warning, never an error.
pub fn read_toml_table(table: &toml::Table, warnings: &mut Vec<Warning>) -> (Facts, Vec<String>) {
    let mut facts = Facts::default();
    let mut other_tools = Facts::default();
    let mut unread = Vec::new();
    for (key, value) in table {
        let value = json_of_toml(value);
        if key == "date" {
            match page_date(&value) {
                Ok(date) => facts.date = date,
                Err(reason) => warnings.push(Warning { line: 1, message: format!("`date`: {reason}") }),
            }
        } else if KNOWN_KEYS.contains(&key.as_str()) {
            if let Err(reason) = read_known(&mut facts, key, &value) {
                let message = format!("the TOML front matter's `{key}` was left out: {reason}");
                warnings.push(Warning { line: 1, message });
            }
        } else if let Some(fact) = other_tools_fact(&mut other_tools, key)
            && let Ok(Some(PageDate::Time(time))) = page_date(&value)
        {
            *fact = Some(time);
        } else {
            unread.push(key.clone());
        }
    }
    settle(&mut facts, other_tools);
    (facts, unread)
}

/// A TOML value as the JSON value YAML's would be: its times as the text they are written as.
fn json_of_toml(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text.clone()),
        toml::Value::Integer(number) => Value::from(*number),
        toml::Value::Float(number) => Value::from(*number),
        toml::Value::Boolean(flag) => Value::Bool(*flag),
        toml::Value::Datetime(time) => Value::String(time.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(json_of_toml).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.iter().map(|(key, value)| (key.clone(), json_of_toml(value))).collect())
        }
    }
}

/// The key time of `facts` another tool's front matter key names.
fn other_tools_fact<'a>(facts: &'a mut Facts, key: &str) -> Option<&'a mut Option<DateTime<FixedOffset>>> {
    match key.to_ascii_lowercase().as_str() {
        "start_time" | "started_at" | "start" | "starttime" => Some(&mut facts.started),
        "detected_at" | "detection_time" => Some(&mut facts.detected),
        "mitigated_at" | "mitigation_time" => Some(&mut facts.mitigated),
        "end_time" | "ended_at" | "resolved_at" | "end" | "endtime" | "resolution_time" => Some(&mut facts.resolved),
        _ => None,
    }
}

/// A YAML error as one line, on the line of the file where it is.
fn yaml_error(block: &Block<'_>, error: &serde_saphyr::Error) -> Error {
    let location = error.location();
    let within_block =
        location.map(|location| location.line()).and_then(|line| usize::try_from(line).ok()).unwrap_or(1);
    // The block starts with any comments above its key; count from the block's first line.
    let comment_lines = block.text[..block.text.find(&block.key).unwrap_or(0)].matches('\n').count();
    let message = error.without_snippet().to_string();
    // The message's own position counts from the block; keep only what went wrong.
    let first_line = message.lines().next().unwrap_or_default();
    let reason = first_line.rsplit(": ").next().unwrap_or(first_line).split(" at line ").next().unwrap_or_default();
    Error::Postmortem {
        line: (block.line + within_block).saturating_sub(1 + comment_lines),
        reason: format!("the front matter key `{}` is not valid YAML ({reason})", block.key),
    }
}

fn split_blocks(text: &str, first_line: usize) -> Result<Vec<Block<'_>>> {
    let mut blocks: Vec<Block<'_>> = Vec::new();
    let mut block_start = 0;
    let mut pending_key: Option<(String, usize)> = None;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let starts_key = line.starts_with(|c: char| !c.is_whitespace() && c != '#' && c != '-');
        if starts_key {
            let key = key_of(line).ok_or_else(|| Error::Postmortem {
                line: first_line + index,
                reason: format!("expected `key: value` in the front matter, found `{}`", line.trim_end()),
            })?;
            if let Some((previous, line)) = pending_key.take() {
                let start = comment_start(text, block_start, offset);
                blocks.push(Block { key: previous, line, text: &text[block_start..start] });
                block_start = start;
            }
            if let Some(first) = blocks.iter().find(|block| block.key == key) {
                return Err(Error::Postmortem {
                    line: first_line + index,
                    reason: format!("the front matter key `{key}` appears twice (first on line {})", first.line),
                });
            }
            pending_key = Some((key, first_line + index));
        }
        offset += line.len();
    }
    match pending_key {
        Some((key, line)) => blocks.push(Block { key, line, text: &text[block_start..] }),
        None if !text.trim().is_empty()
            && text.lines().any(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty()) =>
        {
            return Err(Error::Postmortem {
                line: first_line,
                reason: "the front matter is not a list of `key: value` lines".into(),
            });
        }
        None => {}
    }
    Ok(blocks)
}

/// Where the comment lines directly above the key at `key_offset` begin: they belong to that key.
fn comment_start(text: &str, block_start: usize, key_offset: usize) -> usize {
    let mut start = key_offset;
    for line in text[block_start..key_offset].split_inclusive('\n').rev() {
        if line.trim_start().starts_with('#') {
            start -= line.len();
        } else {
            break;
        }
    }
    start
}

fn key_of(line: &str) -> Option<String> {
    let (key, _) = line.split_once(':')?;
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
    (!key.is_empty()).then(|| key.to_string())
}

fn read_known(facts: &mut Facts, key: &str, value: &Value) -> std::result::Result<(), String> {
    match key {
        "id" => facts.id = optional_text(value)?,
        "title" => facts.title = optional_text(value)?,
        "status" => facts.status = parsed(value)?,
        "kind" => facts.kind = parsed(value)?,
        "severity" => facts.severity = parsed(value)?,
        "started" => facts.started = time(value)?,
        "detected" => facts.detected = time(value)?,
        "mitigated" => facts.mitigated = time(value)?,
        "resolved" => facts.resolved = time(value)?,
        "owner" => facts.owner = optional_text(value)?,
        "commander" => facts.commander = optional_text(value)?,
        "participants" => facts.participants = participants(value)?,
        "services" => facts.services = texts(value)?,
        "tags" => facts.tags = texts(value)?,
        "tickets" => facts.tickets = texts(value)?,
        "chat_logs" => facts.chat_logs = texts(value)?,
        "forum_links" => facts.forum_links = texts(value)?,
        "contributing_factors" => facts.contributing_factors = contributing_factors(value)?,
        "action_items" => facts.action_items = action_items(value)?,
        // `durations` is derived from the times: nothing to read.
        _ => {}
    }
    Ok(())
}

/// A scalar as text; numbers and booleans are accepted as their written form.
fn optional_text(value: &Value) -> std::result::Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) if text.trim().is_empty() => Ok(None),
        Value::String(text) => Ok(Some(text.clone())),
        Value::Number(number) => Ok(Some(number.to_string())),
        Value::Bool(flag) => Ok(Some(flag.to_string())),
        _ => Err("expected a single value, found a list or mapping".into()),
    }
}

fn parsed<T: std::str::FromStr<Err = UnknownValue>>(value: &Value) -> std::result::Result<Option<T>, String> {
    optional_text(value)?.map(|text| text.parse::<T>().map_err(|error| Error::from(error).to_string())).transpose()
}

fn time(value: &Value) -> std::result::Result<Option<DateTime<FixedOffset>>, String> {
    optional_text(value)?
        .map(|text| {
            DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
                format!("`{text}` is not a time with a date and a UTC offset, such as 2026-11-23T14:05:00+01:00")
            })
        })
        .transpose()
}

/// A `date` as Hugo and Jekyll write it: an RFC 3339 time, Jekyll's `2026-11-23 14:05:00 +0100`,
/// or a day alone.
fn page_date(value: &Value) -> std::result::Result<Option<PageDate>, String> {
    let Some(text) = optional_text(value)? else { return Ok(None) };
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Ok(Some(PageDate::Time(time)));
    }
    for format in ["%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M %z"] {
        if let Ok(time) = DateTime::parse_from_str(text, format) {
            return Ok(Some(PageDate::Time(time)));
        }
    }
    // A day, or a day with a time but no offset, which could be any zone's: only the day is certain.
    text.get(..10)
        .filter(|_| text.len() == 10 || text[10..].starts_with(['T', 't', ' ']))
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .map(|day| Some(PageDate::Day(day)))
        .ok_or_else(|| {
            format!(
                "`{text}` is not a date such as 2026-11-23 or 2026-11-23T14:05:00+01:00; it was ignored \
                 (Debrief writes the incident's start there)"
            )
        })
}

fn texts(value: &Value) -> std::result::Result<Vec<String>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => {
            items.iter().map(|item| optional_text(item)?.ok_or_else(|| "a list item is empty".to_string())).collect()
        }
        single => Ok(optional_text(single)?.into_iter().collect()),
    }
}

fn mappings(value: &Value) -> std::result::Result<Vec<&serde_json::Map<String, Value>>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => {
            items.iter().map(|item| item.as_object().ok_or_else(|| "expected a list of mappings".to_string())).collect()
        }
        _ => Err("expected a list".into()),
    }
}

fn field(map: &serde_json::Map<String, Value>, key: &str) -> std::result::Result<Option<String>, String> {
    map.get(key).map(optional_text).transpose().map(Option::flatten)
}

fn participants(value: &Value) -> std::result::Result<Vec<Participant>, String> {
    mappings(value)?
        .into_iter()
        .map(|map| {
            let name = field(map, "name")?.ok_or("a participant has no name")?;
            Ok(Participant { name, role: field(map, "role")?.unwrap_or_else(|| "responder".into()) })
        })
        .collect()
}

/// Each factor a mapping with `factor` (the sentence) and `theme`, or, as people write them by
/// hand, a sentence alone.
fn contributing_factors(value: &Value) -> std::result::Result<Vec<FactorFacts>, String> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        _ => return Err("expected a list of factors, each with `factor:` and `theme:`".into()),
    };
    items
        .iter()
        .map(|item| match item {
            Value::Object(map) => Ok(FactorFacts {
                text: field(map, "factor")?.ok_or("a contributing factor has no `factor:` sentence")?,
                theme: field(map, "theme")?.as_deref().and_then(theme_id),
            }),
            sentence => {
                Ok(FactorFacts { text: optional_text(sentence)?.ok_or("a contributing factor is empty")?, theme: None })
            }
        })
        .collect()
}

fn action_items(value: &Value) -> std::result::Result<Vec<ActionItemFacts>, String> {
    mappings(value)?
        .into_iter()
        .map(|map| {
            let id = match map.get("id") {
                None | Some(Value::Null) => None,
                Some(id) => {
                    Some(id.as_i64().filter(|id| *id > 0).ok_or("an action item's id must be a positive number")?)
                }
            };
            let due = field(map, "due")?
                .map(|due| {
                    NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d")
                        .map_err(|_| format!("`{due}` is not a date such as 2026-12-15"))
                })
                .transpose()?;
            Ok(ActionItemFacts {
                id,
                text: field(map, "text")?.ok_or("an action item has no text")?,
                owner: field(map, "owner")?,
                due,
                kind: parsed(map.get("type").unwrap_or(&Value::Null))?,
                ticket: field(map, "ticket")?,
                status: parsed(map.get("status").unwrap_or(&Value::Null))?.unwrap_or(ActionStatus::Open),
                reason: field(map, "reason")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Facts, String, Vec<Warning>) {
        let mut warnings = Vec::new();
        let (facts, extra) = parse(text, 2, &mut warnings).unwrap();
        (facts, extra, warnings)
    }

    fn time(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn date_is_read_in_the_forms_hugo_and_jekyll_write() {
        for (written, expected) in [
            ("2026-11-23T14:05:00+01:00", PageDate::Time(time("2026-11-23T14:05:00+01:00"))),
            ("\"2026-11-23T14:05:00Z\"", PageDate::Time(time("2026-11-23T14:05:00Z"))),
            ("2026-11-23 14:05:00 +0100", PageDate::Time(time("2026-11-23T14:05:00+01:00"))),
            ("2026-11-23 14:05:00.5 -05:00", PageDate::Time(time("2026-11-23T14:05:00.5-05:00"))),
            ("2026-11-23", PageDate::Day(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())),
            ("2026-11-23T14:05:00", PageDate::Day(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())),
        ] {
            let (facts, extra, warnings) = read(&format!("title: x\ndate: {written}\n"));
            assert_eq!(facts.date, Some(expected), "{written}");
            assert!(extra.is_empty() && warnings.is_empty(), "{written}: {extra:?} {warnings:?}");
        }
    }

    #[test]
    fn started_wins_and_date_stands_in_when_it_is_missing() {
        let (facts, _, _) = read("date: 2026-11-24T09:00:00+01:00\nstarted: 2026-11-23T14:00:00+01:00\n");
        assert_eq!(facts.started, Some(time("2026-11-23T14:00:00+01:00")));
        let (facts, _, _) = read("date: 2026-11-24T09:00:00+01:00\n");
        assert_eq!(facts.started, Some(time("2026-11-24T09:00:00+01:00")));
        let (facts, _, _) = read("date: 2026-11-24\n");
        assert_eq!(facts.started, None, "a day alone is no start time");
        let (facts, _, _) = read("title: no date at all\n");
        assert_eq!((facts.date, facts.started), (None, None));
    }

    #[test]
    fn other_tools_names_for_the_key_times_stand_in_for_debriefs_and_are_kept() {
        let written = "title: EVE Online\nstart_time: 2007-12-05T22:04:00Z\nend_time: 2007-12-06T06:08:00Z\n\
                       detected_at: \"2007-12-05 23:00:00 +0000\"\n";
        let (facts, extra, warnings) = read(written);
        assert_eq!(facts.started, Some(time("2007-12-05T22:04:00Z")));
        assert_eq!(facts.detected, Some(time("2007-12-05T23:00:00Z")));
        assert_eq!(facts.resolved, Some(time("2007-12-06T06:08:00Z")));
        assert_eq!(extra, written.trim_start_matches("title: EVE Online\n"), "kept as written");
        assert!(warnings.is_empty(), "{warnings:?}");
        let (facts, _, _) = read("started: 2026-11-23T14:00:00+01:00\nstart_time: 2026-11-23T15:00:00+01:00\n");
        assert_eq!(facts.started, Some(time("2026-11-23T14:00:00+01:00")), "Debrief's own key wins");
        let (facts, extra, warnings) = read("start: soon\nend_time: 2026-11-23\n");
        assert_eq!((facts.started, facts.resolved), (None, None), "only a time with its day and offset");
        assert!(extra.contains("start: soon") && warnings.is_empty());
    }

    #[test]
    fn contributing_factors_are_read_with_their_themes_in_one_form() {
        let (facts, extra, _) = read(
            "title: x\ncontributing_factors:\n  - factor: \"The pool size was set for last year's traffic\"\n    \
             theme: Capacity\n  - factor: Nobody owned the runbook\n    theme: knowledge and handover\n  \
             - A sentence written alone\n",
        );
        assert!(extra.is_empty(), "a key Debrief knows: {extra}");
        let found: Vec<(&str, Option<&str>)> =
            facts.contributing_factors.iter().map(|factor| (factor.text.as_str(), factor.theme.as_deref())).collect();
        assert_eq!(
            found,
            [
                ("The pool size was set for last year's traffic", Some("capacity")),
                ("Nobody owned the runbook", Some("knowledge-and-handover")),
                ("A sentence written alone", None),
            ]
        );
        let (facts, _, _) = read("title: no factors\n");
        assert!(facts.contributing_factors.is_empty(), "absent reads as none");
        let mut warnings = Vec::new();
        let error = parse("contributing_factors:\n  - theme: capacity\n", 2, &mut warnings).unwrap_err();
        assert!(error.to_string().contains("no `factor:` sentence"), "{error}");
    }

    #[test]
    fn a_date_that_cannot_be_read_is_ignored_with_a_warning() {
        let (facts, extra, warnings) = read("title: x\ndate: last tuesday\n");
        assert_eq!(facts.date, None);
        assert!(extra.is_empty(), "not kept: Debrief writes its own `date`");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 3);
        assert!(warnings[0].message.contains("`last tuesday` is not a date"), "{warnings:?}");
    }
}
