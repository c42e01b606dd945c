//! A chat app's JSON export of one channel, handed to `import log` as a chat log: the export a
//! team keeps when the incident ran on Discord (DiscordChatExporter's JSON: `messages` with an
//! ISO `timestamp`, an `author` and `content`), on Matrix (Element's JSON of a room: events with
//! `origin_server_ts`, `sender` and `content.body`) or on Telegram (Telegram Desktop's
//! `result.json`: `date_unixtime`, `from` and `text` as a string or as pieces). Every message
//! carries its instant, so no day or zone is guessed; the app's own events (joins, pins, topic
//! changes, reactions) are left out and counted. Attachments' links and embeds' titles are the
//! message's words, as in the text exports.

use std::collections::HashMap;
use std::io::Read as _;

use chrono::{DateTime, FixedOffset, Utc};
use serde_json::Value;

use super::keys::Repeats;
use super::writer::{TimelineWriter, timeline_name, timeline_text};
use super::{ImportReport, ImportedLine, WarningKind, Zone};
use crate::Result;
use crate::model::EntryKind;
use crate::store::Store;

/// The largest export read: a channel's incident days are far smaller, and the whole file is
/// parsed at once.
const MAX_EXPORT_BYTES: u64 = 256 * 1024 * 1024;

/// How much of a file is looked at to tell an export from a log.
pub(super) const SNIFFED_BYTES: usize = 64 * 1024;

/// Whether a file that starts with `head` is a chat app's JSON export: an object with a list
/// of `messages` near its start. A chat log never starts with `{`.
pub(super) fn is_json_export(head: &[u8]) -> bool {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    head.trim_ascii_start().starts_with(b"{") && head.windows(b"\"messages\"".len()).any(|part| part == b"\"messages\"")
}

/// An export read whole, as it is parsed; why not, when it cannot be read or is too large.
pub(super) fn read_whole(reader: impl std::io::Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_EXPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("it cannot be read ({error})"))?;
    if bytes.len() as u64 > MAX_EXPORT_BYTES {
        return Err(format!(
            "it is larger than {}, and an export is read whole; export the incident's days alone",
            crate::bounded::size_words(MAX_EXPORT_BYTES)
        ));
    }
    Ok(bytes)
}

/// Imports the export read from `reader` into the incident's timeline; `name` names it in the
/// entries' source (`chat:NAME`), `shown_as` in errors; its times are shown in `zone`.
pub(super) fn import_json_export(
    store: &mut Store,
    incident: &str,
    reader: impl std::io::Read,
    (name, shown_as): (&str, &str),
    zone: Zone,
    dry_run: bool,
) -> Result<ImportReport> {
    let mut writer = TimelineWriter::new(store, incident, format!("chat:{name}"), shown_as.to_string(), dry_run)?;
    let bytes = read_whole(reader).map_err(|reason| writer.fail(reason))?;
    let text = String::from_utf8_lossy(&bytes);
    let export: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|error| writer.fail(format!("it is not a whole JSON export ({error}); export the channel again")))?;
    let Some(messages) = export.get("messages").and_then(Value::as_array) else {
        return Err(writer.fail("it holds no list of messages: it is not a chat app's export that Debrief reads"));
    };
    let names = matrix_display_names(messages);
    let mut repeats = Repeats::default();
    for (number, message) in messages.iter().enumerate() {
        let said = match read(message, &names) {
            Read::Said(said) => said,
            Read::Notice => {
                writer.skip("the chat app's own events (joins, pins, topic changes, reactions)");
                continue;
            }
            Read::Unreadable => {
                writer.warn(WarningKind::UnknownFormat, format!("message {}", number + 1));
                continue;
            }
        };
        let (text, cut) = timeline_text(&said.text);
        if text.is_empty() {
            writer.skip("empty messages");
            continue;
        }
        if cut {
            writer.warn(WarningKind::LongMessage, format!("message {}", number + 1));
        }
        let at = zone.from_utc(said.at.to_utc());
        let who = said.who.as_deref().and_then(timeline_name);
        let key = repeats.content_key("chat", &at, &[who.as_deref().unwrap_or(""), &text]);
        writer.push(ImportedLine { at, who, kind: EntryKind::Note, text, key })?;
    }
    writer.finish()
}

/// One message as an export gives it.
#[derive(Debug, PartialEq)]
struct Said {
    at: DateTime<FixedOffset>,
    who: Option<String>,
    text: String,
}

#[derive(Debug, PartialEq)]
enum Read {
    Said(Said),
    /// The app's own event, not something a person wrote.
    Notice,
    /// A message without a time or words Debrief can read.
    Unreadable,
}

/// The names Matrix users gave themselves, by their IDs, from the membership events an export of
/// a room holds (`"content": {"displayname": "Alice Smith"}`).
fn matrix_display_names(messages: &[Value]) -> HashMap<String, String> {
    messages
        .iter()
        .filter(|event| event.get("type").and_then(Value::as_str) == Some("m.room.member"))
        .filter_map(|event| {
            let id = event.get("state_key").or_else(|| event.get("sender")).and_then(Value::as_str)?;
            let name = event.get("content")?.get("displayname").and_then(Value::as_str)?;
            (!name.trim().is_empty()).then(|| (id.to_string(), name.to_string()))
        })
        .collect()
}

fn read(message: &Value, names: &HashMap<String, String>) -> Read {
    let field = |name: &str| message.get(name);
    let kind = field("type").and_then(Value::as_str);
    // DiscordChatExporter's `Default` and `Reply`, Element's `m.room.message`, Telegram's `message`.
    let person_wrote = match kind {
        None => true,
        Some(kind) => matches!(kind, "Default" | "Reply" | "m.room.message" | "message"),
    };
    if !person_wrote {
        return Read::Notice;
    }
    let Some(at) = instant(message) else { return Read::Unreadable };
    let who = writer(message, names);
    let mut text = words(message);
    // DiscordChatExporter: the links of attachments and the titles of embeds (an alert bot's message).
    for attachment in field("attachments").and_then(Value::as_array).into_iter().flatten() {
        if let Some(url) = attachment.get("url").and_then(Value::as_str) {
            text.push('\n');
            text.push_str(url);
        }
    }
    for embed in field("embeds").and_then(Value::as_array).into_iter().flatten() {
        for part in ["title", "description"] {
            if let Some(words) = embed.get(part).and_then(Value::as_str).filter(|words| !words.trim().is_empty()) {
                text.push('\n');
                text.push_str(words);
            }
        }
    }
    Read::Said(Said { at, who, text })
}

/// When the message was sent: an ISO time with its offset (DiscordChatExporter), milliseconds
/// since 1970 (Element), or seconds since 1970 as text (Telegram).
fn instant(message: &Value) -> Option<DateTime<FixedOffset>> {
    if let Some(iso) = message.get("timestamp").and_then(Value::as_str) {
        return DateTime::parse_from_rfc3339(iso).ok();
    }
    let utc = |seconds: i64, nanos: u32| DateTime::<Utc>::from_timestamp(seconds, nanos).map(|at| at.fixed_offset());
    if let Some(millis) = message.get("origin_server_ts").and_then(Value::as_i64) {
        return utc(millis.div_euclid(1000), u32::try_from(millis.rem_euclid(1000)).ok()? * 1_000_000);
    }
    let seconds = match message.get("date_unixtime")? {
        Value::String(seconds) => seconds.parse().ok()?,
        value => value.as_i64()?,
    };
    utc(seconds, 0)
}

/// Who wrote it: the nickname the server shows, else the account's name; on Matrix the name
/// the person gave themselves in the room, else their ID's local part (`@alice:matrix.org` is
/// alice).
fn writer(message: &Value, names: &HashMap<String, String>) -> Option<String> {
    if let Some(author) = message.get("author") {
        let named = |key: &str| author.get(key).and_then(Value::as_str).filter(|name| !name.trim().is_empty());
        return named("nickname").or_else(|| named("name")).map(str::to_string);
    }
    if let Some(from) = message.get("from").and_then(Value::as_str) {
        return Some(from.to_string());
    }
    let sender = message.get("sender").and_then(Value::as_str)?;
    if let Some(name) = names.get(sender) {
        return Some(name.clone());
    }
    let local = sender.strip_prefix('@').map_or(sender, |id| id.split_once(':').map_or(id, |(local, _)| local));
    Some(local.to_string())
}

/// What it says: `content` as text (DiscordChatExporter), `content.body` (Element), or `text`
/// as a string or as pieces, some plain and some marked (Telegram).
fn words(message: &Value) -> String {
    match (message.get("content"), message.get("text")) {
        (Some(Value::String(content)), _) => content.clone(),
        (Some(content), _) => content.get("body").and_then(Value::as_str).unwrap_or_default().to_string(),
        (None, Some(Value::String(text))) => text.clone(),
        (None, Some(Value::Array(pieces))) => pieces
            .iter()
            .filter_map(|piece| match piece {
                Value::String(text) => Some(text.as_str()),
                piece => piece.get("text").and_then(Value::as_str),
            })
            .collect(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn said(message: Value) -> (String, Option<String>, String) {
        match read(&message, &HashMap::new()) {
            Read::Said(said) => (said.at.to_rfc3339(), said.who, said.text),
            other => panic!("{message} read as {other:?}"),
        }
    }

    #[test]
    fn each_app_s_messages_are_read_with_their_instant_writer_and_words() {
        let discord = json!({
            "type": "Default", "timestamp": "2026-11-23T23:52:13.123+01:00", "content": "DB CPU at 100%",
            "author": {"name": "alice", "nickname": "Alice S"},
            "attachments": [{"url": "https://cdn.discordapp.com/a/cpu.png"}],
            "embeds": [{"title": "", "description": "Incident #42 triggered"}]
        });
        assert_eq!(
            said(discord),
            (
                "2026-11-23T23:52:13.123+01:00".into(),
                Some("Alice S".into()),
                "DB CPU at 100%\nhttps://cdn.discordapp.com/a/cpu.png\nIncident #42 triggered".into()
            )
        );
        let element = json!({
            "type": "m.room.message", "sender": "@bob:matrix.org", "origin_server_ts": 1_795_996_800_500_i64,
            "content": {"msgtype": "m.text", "body": "restarted the pool"}
        });
        assert_eq!(
            said(element),
            ("2026-11-30T00:00:00.500+00:00".into(), Some("bob".into()), "restarted the pool".into())
        );
        let telegram = json!({
            "type": "message", "date": "2026-11-30T01:00:00", "date_unixtime": "1795996800", "from": "Carol",
            "text": ["see ", {"type": "link", "text": "https://status.example.com"}, " now"]
        });
        assert_eq!(
            said(telegram),
            ("2026-11-30T00:00:00+00:00".into(), Some("Carol".into()), "see https://status.example.com now".into())
        );
    }

    #[test]
    fn the_app_s_own_events_and_messages_without_a_time_are_told_apart() {
        let none = HashMap::new();
        assert_eq!(read(&json!({"type": "m.room.member", "origin_server_ts": 1}), &none), Read::Notice);
        let pinned = json!({"type": "ChannelPinnedMessage", "timestamp": "2026-11-23T23:52:13+01:00"});
        assert_eq!(read(&pinned, &none), Read::Notice);
        assert_eq!(read(&json!({"type": "service", "action": "pin_message"}), &none), Read::Notice);
        assert_eq!(read(&json!({"type": "message", "from": "Carol", "text": "no time"}), &none), Read::Unreadable);
    }

    #[test]
    fn a_matrix_user_is_named_as_they_named_themselves_in_the_room() {
        let events = [
            json!({"type": "m.room.member", "sender": "@alice:example.org", "state_key": "@alice:example.org",
                   "content": {"membership": "join", "displayname": "Alice Smith"}}),
            json!({"type": "m.room.message", "sender": "@alice:example.org", "origin_server_ts": 0,
                   "content": {"body": "hi"}}),
        ];
        let names = matrix_display_names(&events);
        assert_eq!(writer(&events[1], &names).as_deref(), Some("Alice Smith"));
        assert_eq!(writer(&events[1], &HashMap::new()).as_deref(), Some("alice"));
    }

    #[test]
    fn an_export_is_told_from_a_log_by_its_start() {
        assert!(is_json_export(b"\xef\xbb\xbf{\n  \"guild\": {\"id\": \"1\"},\n  \"messages\": ["));
        assert!(!is_json_export(b"[14:02] <alice> {\"messages\": 1}"));
        assert!(!is_json_export(b"{ not messages }"));
    }
}
