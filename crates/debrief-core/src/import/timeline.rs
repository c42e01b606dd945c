//! Several perspectives, one timeline: another responder's notes, taken on their own
//! laptop and exported with `debrief timeline ID --format json`, merged into this one.
//!
//! Each line keeps its time and says who wrote it (the responder, unless the line names
//! someone else) and that it came from them (`timeline:NAME`). A line this timeline already
//! has (the same instant, kind, text and person, for instance a chat export both imported)
//! is dropped, each existing line matching one of theirs at most. Their key-time marks are
//! not applied: the commander decides when the incident was detected, mitigated and
//! resolved. They arrive as notes ("their mark: mitigated at ...") and are offered with the
//! `debrief mark` command that would apply them.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{ImportReport, ImportedLine, OfferedMark, Repeats, TimelineWriter, timeline_name, timeline_text};
use crate::model::{Entry, EntryKind};
use crate::store::Store;
use crate::time::{display, rfc3339, rfc3339_string};
use crate::{Error, Result};

/// A timeline file larger than this is not one Debrief wrote for an incident.
const MAX_TIMELINE_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// Who the timeline is from: their lines without a name are theirs.
    pub responder: String,
    pub dry_run: bool,
}

/// One line of `debrief timeline --format json`; other fields are ignored.
#[derive(Debug, Deserialize)]
struct TheirEntry {
    #[serde(with = "rfc3339")]
    at: DateTime<FixedOffset>,
    who: Option<String>,
    kind: EntryKind,
    text: String,
}

/// Merges the timeline in the JSON file at `path` into the incident's.
pub fn import_timeline(
    store: &mut Store,
    incident: &str,
    path: &Path,
    options: &TimelineOptions,
) -> Result<ImportReport> {
    let responder = timeline_name(&options.responder)
        .ok_or_else(|| Error::invalid("responder", "the name is empty; say whose timeline it is"))?;
    let theirs = read_timeline(path)?;
    let mine = store.timeline(incident)?;
    let mut writer = TimelineWriter::new(
        store,
        incident,
        format!("timeline:{responder}"),
        path.display().to_string(),
        options.dry_run,
    )?;
    let current = writer.incident()?;
    let mut unmatched = Unmatched::new(mine);
    let mut repeats = Repeats::default();
    for their in theirs {
        let (their_text, _) = timeline_text(&their.text);
        let written_by = their.who.as_deref().and_then(timeline_name).unwrap_or_else(|| responder.clone());
        if let Some(mark) = their.kind.key_time() {
            if unmatched.take_mark(their.kind, &their.at) {
                writer.count_present();
                continue;
            }
            let stated = if their_text.eq_ignore_ascii_case(mark.as_str()) || their_text.is_empty() {
                String::new()
            } else {
                format!(": {their_text}")
            };
            let text = format!("their mark: {} at {}{stated}", mark.as_str(), display(&their.at));
            if unmatched.take_line(&their.at, EntryKind::Note, &text, &written_by) {
                writer.count_present();
            } else {
                let key = repeats.content_key("timeline", &their.at, &[mark.as_str(), &text]);
                writer.push(ImportedLine {
                    at: their.at,
                    who: Some(written_by.clone()),
                    kind: EntryKind::Note,
                    text,
                    key,
                })?;
            }
            if current.key_time(mark) != Some(their.at) {
                writer.offer(OfferedMark {
                    mark,
                    at: their.at,
                    who: Some(written_by),
                    command: format!(
                        "debrief mark {} --at {} --incident {}",
                        mark.as_str(),
                        rfc3339_string(&their.at),
                        current.id
                    ),
                });
            }
            continue;
        }
        if their_text.is_empty() {
            writer.skip("empty lines");
            continue;
        }
        if unmatched.take_line(&their.at, their.kind, &their_text, &written_by) {
            writer.count_present();
            continue;
        }
        let key = repeats.content_key("timeline", &their.at, &[their.kind.as_str(), &written_by, &their_text]);
        writer.push(ImportedLine { at: their.at, who: Some(written_by), kind: their.kind, text: their_text, key })?;
    }
    writer.finish()
}

fn read_timeline(path: &Path) -> Result<Vec<TheirEntry>> {
    let unreadable = |reason: String| Error::import(path.display(), reason);
    let file = std::fs::File::open(path).map_err(|error| unreadable(format!("it cannot be read ({error})")))?;
    let mut bytes = Vec::new();
    file.take(MAX_TIMELINE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| unreadable(format!("it cannot be read ({error})")))?;
    if bytes.len() as u64 > MAX_TIMELINE_BYTES {
        return Err(unreadable(format!(
            "it is larger than {} MiB, more than any timeline Debrief writes",
            MAX_TIMELINE_BYTES / 1024 / 1024
        )));
    }
    serde_json::from_slice(&bytes).map_err(|error| {
        unreadable(format!(
            "it is not a timeline as `debrief timeline ID --format json` writes it (line {}, column {}: {error}); \
             ask for that file",
            error.line(),
            error.column()
        ))
    })
}

/// This timeline's lines that no line of theirs has matched yet, by instant, kind and text.
struct Unmatched {
    lines: HashMap<(i64, EntryKind, String), Vec<Option<String>>>,
}

impl Unmatched {
    fn new(mine: Vec<Entry>) -> Unmatched {
        let mut lines: HashMap<(i64, EntryKind, String), Vec<Option<String>>> = HashMap::new();
        for entry in mine {
            lines.entry((entry.at.timestamp_micros(), entry.kind, entry.text)).or_default().push(entry.who);
        }
        Unmatched { lines }
    }

    /// Whether this timeline has the line, by the same person or by nobody in particular; it is then used up.
    fn take_line(&mut self, at: &DateTime<FixedOffset>, kind: EntryKind, text: &str, who: &str) -> bool {
        let Some(people) = self.lines.get_mut(&(at.timestamp_micros(), kind, text.to_string())) else {
            return false;
        };
        let found = people
            .iter()
            .position(|person| person.as_deref() == Some(who))
            .or_else(|| people.iter().position(Option::is_none));
        found.map(|index| people.swap_remove(index)).is_some()
    }

    /// Whether this timeline has a mark of the same kind at the same instant, whatever its note.
    fn take_mark(&mut self, kind: EntryKind, at: &DateTime<FixedOffset>) -> bool {
        let instant = at.timestamp_micros();
        let found =
            self.lines.iter_mut().find(|((at, mark, _), people)| *at == instant && *mark == kind && !people.is_empty());
        match found {
            Some((_, people)) => {
                people.pop();
                true
            }
            None => false,
        }
    }
}
