//! What a responder types into the live capture line, in the terminal or the
//! app: plain text, optionally led by `@name` (who did it) and `/kind`
//! (`/decision`, `/action`, ...), or a key-time mark on its own (`/mitigated`).

use chrono::{DateTime, FixedOffset, TimeZone};

use crate::model::{Entry, EntryKind, KeyTime};
use crate::store::{EntryChange, NewEntry, Store};
use crate::{Result, time};

/// A typed line taken apart. A mark (`/mitigated`) is a line whose kind is a key time;
/// its text may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureLine {
    pub who: Option<String>,
    pub kind: EntryKind,
    pub text: String,
}

/// Splits leading `@name` and `/kind` words off a typed line. Words that are
/// not a known kind (`/var/log is full`) stay part of the text.
pub fn parse_line(line: &str) -> CaptureLine {
    let mut who = None;
    let mut kind = EntryKind::Note;
    let mut rest = line.trim();
    loop {
        let (word, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if let Some(name) = word.strip_prefix('@').map(|name| name.trim_end_matches([':', ','])) {
            if who.is_none() && !name.is_empty() {
                who = Some(name.to_string());
                rest = after.trim_start();
                continue;
            }
        } else if let Some(found) = word.strip_prefix('/').and_then(|name| name.parse::<EntryKind>().ok())
            && kind == EntryKind::Note
        {
            kind = found;
            rest = after.trim_start();
            continue;
        }
        break;
    }
    CaptureLine { who, kind, text: rest.to_string() }
}

/// Saves a line as typed into a live capture input, read as [`parse_line`] reads it.
/// `at` is when it was typed (now if `None`), so a line retried later keeps its moment.
pub fn append_line(
    store: &mut Store,
    incident: &str,
    line: &str,
    at: Option<DateTime<FixedOffset>>,
    source: &str,
) -> Result<Entry> {
    let CaptureLine { who, kind, text } = parse_line(line);
    store.append(incident, NewEntry { at, who, kind, text, source: source.to_string() })
}

/// Corrects an entry from what a responder typed: a new text, and a new time in any form
/// [`time::parse_time`] reads (against `now`). The old values stay in the entry's history.
pub fn correct_entry<Tz: TimeZone>(
    store: &mut Store,
    incident: &str,
    entry: i64,
    text: Option<String>,
    at: Option<&str>,
    now: &DateTime<Tz>,
) -> Result<Entry> {
    let at = at.map(|typed| time::parse_time(typed, now)).transpose()?;
    store.edit_entry(incident, entry, EntryChange { text, at })
}

/// Marks detected, mitigated or resolved at `at`.
pub fn mark(store: &mut Store, incident: &str, key: KeyTime, at: DateTime<FixedOffset>, source: &str) -> Result<Entry> {
    store.append(
        incident,
        NewEntry { at: Some(at), kind: key.entry_kind(), source: source.to_string(), ..Default::default() },
    )
}

/// Marks a key time at a moment typed in any form [`time::parse_time`] reads (against `now`),
/// as when a post-mortem author fills in when the incident was really detected.
pub fn mark_typed<Tz: TimeZone>(
    store: &mut Store,
    incident: &str,
    key: KeyTime,
    at: &str,
    now: &DateTime<Tz>,
    source: &str,
) -> Result<Entry> {
    mark(store, incident, key, time::parse_time(at, now)?, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(who: Option<&str>, kind: EntryKind, text: &str) -> CaptureLine {
        CaptureLine { who: who.map(str::to_string), kind, text: text.to_string() }
    }

    #[test]
    fn plain_text_is_a_note() {
        assert_eq!(parse_line("  error rate at 40%  "), entry(None, EntryKind::Note, "error rate at 40%"));
    }

    #[test]
    fn at_name_sets_who() {
        assert_eq!(
            parse_line("@alice restarted the pool"),
            entry(Some("alice"), EntryKind::Note, "restarted the pool")
        );
        assert_eq!(parse_line("@bob: paged the DBA"), entry(Some("bob"), EntryKind::Note, "paged the DBA"));
    }

    #[test]
    fn slash_kind_sets_the_kind_in_either_order() {
        assert_eq!(
            parse_line("/decision fail over to eu-west"),
            entry(None, EntryKind::Decision, "fail over to eu-west")
        );
        assert_eq!(parse_line("@carol /action rolled back"), entry(Some("carol"), EntryKind::Action, "rolled back"));
        assert_eq!(parse_line("/action @carol rolled back"), entry(Some("carol"), EntryKind::Action, "rolled back"));
    }

    #[test]
    fn unknown_slash_words_stay_text() {
        assert_eq!(parse_line("/var/log is full"), entry(None, EntryKind::Note, "/var/log is full"));
        assert_eq!(parse_line("@ alone"), entry(None, EntryKind::Note, "@ alone"));
    }

    #[test]
    fn only_the_first_at_name_is_who() {
        assert_eq!(parse_line("@alice @bob said hi"), entry(Some("alice"), EntryKind::Note, "@bob said hi"));
    }

    #[test]
    fn change_is_a_kind_like_the_others() {
        assert_eq!(
            parse_line("/change @dana deployed v2.3.1"),
            entry(Some("dana"), EntryKind::Change, "deployed v2.3.1")
        );
    }

    #[test]
    fn mark_words_mark_key_times() {
        assert_eq!(parse_line("/mitigated"), entry(None, EntryKind::Mitigated, ""));
        assert_eq!(parse_line("@dave /resolved all green"), entry(Some("dave"), EntryKind::Resolved, "all green"));
    }

    fn store() -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let started = DateTime::parse_from_rfc3339("2026-11-23T14:00:00+01:00").unwrap();
        let incident = store
            .create_incident(crate::NewIncident {
                title: "Checkout latency".into(),
                started_at: Some(started),
                ..Default::default()
            })
            .unwrap()
            .id;
        (dir, store, incident)
    }

    #[test]
    fn typed_lines_are_saved_with_who_kind_and_the_moment_they_were_typed() {
        let (_dir, mut store, incident) = store();
        let typed = DateTime::parse_from_rfc3339("2026-11-23T14:05:30+01:00").unwrap();
        let saved =
            append_line(&mut store, &incident, "@alice /action restarted the pool", Some(typed), "app").unwrap();
        assert_eq!(
            (saved.who.as_deref(), saved.kind, saved.text.as_str()),
            (Some("alice"), EntryKind::Action, "restarted the pool")
        );
        assert_eq!((saved.at, saved.source.as_str()), (typed, "app"));
        append_line(&mut store, &incident, "/mitigated", None, "app").unwrap();
        let timeline = store.timeline(&incident).unwrap();
        assert_eq!(timeline.len(), 2);
        assert_eq!(timeline[1].text, "Mitigated");
        assert!(store.incident(&incident).unwrap().mitigated_at.is_some());
    }

    #[test]
    fn a_line_the_store_refuses_says_why() {
        let (_dir, mut store, incident) = store();
        let error = append_line(&mut store, &incident, "@alice", None, "app").unwrap_err();
        assert_eq!(error.code(), "invalid-input");
        assert_eq!(
            append_line(&mut store, "no-such-incident", "hello", None, "app").unwrap_err().code(),
            "incident-not-found"
        );
    }

    #[test]
    fn corrections_read_typed_times_and_keep_the_old_values() {
        let (_dir, mut store, incident) = store();
        let typed = DateTime::parse_from_rfc3339("2026-11-23T14:05:30+01:00").unwrap();
        let entry = append_line(&mut store, &incident, "pool restarted on db-1", Some(typed), "app").unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-23T15:00:00+01:00").unwrap();
        let corrected =
            correct_entry(&mut store, &incident, entry.id, Some("pool restarted on db-2".into()), Some("14:02"), &now)
                .unwrap();
        assert_eq!(corrected.text, "pool restarted on db-2");
        assert_eq!(time::display(&corrected.at), "2026-11-23 14:02:00 +01:00");
        assert_eq!(corrected.history.len(), 2);
        assert_eq!(corrected.history[0].old, "pool restarted on db-1");
        assert_eq!(corrected.history[1].old, "2026-11-23T14:05:30+01:00");
        let refused = correct_entry(&mut store, &incident, entry.id, None, Some("soon"), &now).unwrap_err();
        assert_eq!(refused.code(), "invalid-time");
        assert_eq!(store.timeline(&incident).unwrap()[0].history.len(), 2, "a refused correction changes nothing");
    }
}
