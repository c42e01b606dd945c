//! A channel from a Slack workspace export, as Slack's export tool writes it: a directory
//! or a zip of it holding `users.json`, `channels.json` and one `<channel>/<YYYY-MM-DD>.json`
//! file of messages a day.
//!
//! Messages become timeline notes at their original time (Slack's `ts`, shown in the zone
//! given), named after their author as the workspace shows them. Thread replies say which
//! thread they answer, edited messages say when they were edited, files and attachments
//! become links, and bots are named after themselves. Joins and leaves are counted, not
//! imported. Slack's markup becomes Markdown (see [`to_markdown`]). A zip whose entries
//! would unpack outside the export (`../`, an absolute path) is refused as a whole: an
//! export never has them, so such a file was made by someone else.

mod markup;

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;
use zip::ZipArchive;

use super::{ImportReport, ImportedLine, TimelineWriter, WarningKind, Window, Zone, timeline_name, timeline_text};
use crate::model::EntryKind;
use crate::store::Store;
use crate::time::display;
use crate::{Error, Result};
pub use markup::to_markdown;
use markup::{decode_entities, markdown_link};

/// A file in an export larger than this is not one Slack wrote (its day files hold one day).
const MAX_EXPORT_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Subtypes that say someone came or went, not what happened.
const MEMBERSHIP_SUBTYPES: [&str; 4] = ["channel_join", "channel_leave", "group_join", "group_leave"];

#[derive(Debug, Clone)]
pub struct SlackOptions {
    /// The channel's name (`incident-42` or `#incident-42`) or id.
    pub channel: String,
    /// The zone the times are shown in; Slack stores instants.
    pub zone: Zone,
    pub from: Option<DateTime<FixedOffset>>,
    pub to: Option<DateTime<FixedOffset>>,
    pub dry_run: bool,
}

/// The names of the export's channels that hold messages, sorted: what a person chooses from.
pub fn channels_with_messages(path: &Path) -> Result<Vec<String>> {
    let mut export = Export::open(path)?;
    let mut names = Vec::new();
    for channel in export.channels()? {
        if !export.day_files(&channel.name)?.is_empty() {
            names.push(channel.name);
        }
    }
    names.sort_unstable();
    Ok(names)
}

/// Imports one channel of the export at `path` (a directory or a zip) into the incident's timeline.
pub fn import_slack(store: &mut Store, incident: &str, path: &Path, options: &SlackOptions) -> Result<ImportReport> {
    let wanted = options.channel.trim().trim_start_matches('#');
    if wanted.is_empty() || wanted.contains(['/', '\\']) || wanted == "." || wanted == ".." {
        return Err(Error::invalid("channel", format!("`{}` is not a channel name", options.channel)));
    }
    let mut export = Export::open(path)?;
    let users = load_users(&mut export)?;
    let channels = export.channels()?;
    let channel = channels
        .iter()
        .find(|channel| channel.name == wanted || channel.id == wanted)
        .cloned()
        .unwrap_or_else(|| Channel { id: wanted.to_string(), name: wanted.to_string() });
    let days = export.day_files(&channel.name)?;
    if days.is_empty() {
        let mut known: Vec<&str> = channels.iter().map(|channel| channel.name.as_str()).collect();
        known.sort_unstable();
        let listed = if known.is_empty() { "none".to_string() } else { known.join(", ") };
        return Err(Error::import(
            path.display(),
            format!("it has no messages in a channel `{wanted}` (its channels: {listed}); choose one with --channel"),
        ));
    }
    let mut writer = TimelineWriter::new(
        store,
        incident,
        format!("slack:#{}", channel.name),
        path.display().to_string(),
        options.dry_run,
    )?;
    let window = Window::for_incident(&writer.incident()?, options.from, options.to)?;
    let names = Names { users, channels };
    for (day, file) in days {
        // Day files are named by a date in some zone; a day's margin either side is enough.
        let (first, last) = (window.from.date_naive().pred_opt(), window.to.and_then(|to| to.date_naive().succ_opt()));
        if first.is_some_and(|first| day < first) || last.is_some_and(|last| day > last) {
            writer.skip("day files outside the window");
            continue;
        }
        let bytes = export.read(&file)?.ok_or_else(|| writer.fail(format!("{file} disappeared while reading")))?;
        let values: Vec<serde_json::Value> = serde_json::from_slice(&bytes).map_err(|error| {
            writer.fail(format!(
                "{file} is not a day of Slack messages (line {}, column {}: {error}); export the channel again",
                error.line(),
                error.column()
            ))
        })?;
        let mut messages: Vec<(DateTime<FixedOffset>, Message)> = Vec::with_capacity(values.len());
        for value in values {
            match Message::deserialize(value) {
                Ok(message) => match message.ts.as_deref().and_then(|ts| instant(ts, options.zone)) {
                    Some(at) => messages.push((at, message)),
                    None => writer.warn(WarningKind::NoTime, file.clone()),
                },
                Err(_) => writer.warn(WarningKind::NoTime, file.clone()),
            }
        }
        messages.sort_by_key(|(at, _)| *at);
        for (at, message) in messages {
            if !window.contains(&at) {
                writer.skip("messages outside the window");
                continue;
            }
            if let Some(line) = names.line(&channel, at, &message, options.zone, &mut writer) {
                writer.push(line)?;
            }
        }
    }
    writer.note(format!("messages of #{} {}, shown in {}", channel.name, window.describe(), zone_name(options.zone)));
    writer.finish()
}

fn zone_name(zone: Zone) -> String {
    match zone {
        Zone::Local => "the local zone".to_string(),
        Zone::Named(zone) => zone.name().to_string(),
        Zone::Fixed(offset) => format!("UTC{offset}"),
    }
}

/// Slack's `ts`: seconds since the epoch with microseconds, `1732370531.000200`.
fn instant(ts: &str, zone: Zone) -> Option<DateTime<FixedOffset>> {
    let (seconds, fraction) = ts.split_once('.').unwrap_or((ts, "0"));
    let seconds: i64 = seconds.parse().ok()?;
    let digits: String = fraction.chars().chain(std::iter::repeat('0')).take(6).collect();
    let micros: u32 = digits.parse().ok()?;
    Some(zone.from_utc(DateTime::from_timestamp(seconds, micros * 1_000)?))
}

#[derive(Debug, Clone, Deserialize)]
struct Channel {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct User {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    real_name: String,
    #[serde(default)]
    profile: Profile,
}

#[derive(Debug, Default, Deserialize)]
struct Profile {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    real_name: String,
}

impl Profile {
    fn shown_name(&self) -> Option<&str> {
        [self.display_name.as_str(), self.real_name.as_str()].into_iter().find(|name| !name.trim().is_empty())
    }
}

#[derive(Debug, Default, Deserialize)]
struct Message {
    subtype: Option<String>,
    ts: Option<String>,
    user: Option<String>,
    #[serde(default)]
    text: String,
    thread_ts: Option<String>,
    parent_user_id: Option<String>,
    edited: Option<Edited>,
    #[serde(default)]
    files: Vec<SharedFile>,
    #[serde(default)]
    attachments: Vec<Attachment>,
    /// A bot's name as it posted.
    username: Option<String>,
    bot_profile: Option<BotProfile>,
    /// The author's profile as it was when they posted; exports include it for most messages.
    user_profile: Option<Profile>,
    #[serde(default)]
    hidden: bool,
}

#[derive(Debug, Deserialize)]
struct Edited {
    ts: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SharedFile {
    name: Option<String>,
    title: Option<String>,
    permalink: Option<String>,
    url_private: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Attachment {
    pretext: Option<String>,
    title: Option<String>,
    title_link: Option<String>,
    text: Option<String>,
    fallback: Option<String>,
}

#[derive(Debug, Deserialize)]
struct BotProfile {
    name: Option<String>,
}

/// Display names of the workspace's users by id: the name people see in Slack.
fn load_users(export: &mut Export) -> Result<HashMap<String, String>> {
    let Some(bytes) = export.read("users.json")? else { return Ok(HashMap::new()) };
    let users: Vec<User> = serde_json::from_slice(&bytes)
        .map_err(|error| Error::import(export.shown(), format!("its users.json cannot be read ({error})")))?;
    Ok(users
        .into_iter()
        .map(|user| {
            let name = user
                .profile
                .shown_name()
                .or_else(|| [user.real_name.as_str(), user.name.as_str()].into_iter().find(|n| !n.trim().is_empty()))
                .unwrap_or(&user.id)
                .to_string();
            (user.id, name)
        })
        .collect())
}

/// What mentions and authors are resolved against.
struct Names {
    users: HashMap<String, String>,
    channels: Vec<Channel>,
}

impl Names {
    /// A message as a timeline line, or `None` for one that is skipped (and counted).
    fn line(
        &self,
        channel: &Channel,
        at: DateTime<FixedOffset>,
        message: &Message,
        zone: Zone,
        writer: &mut TimelineWriter,
    ) -> Option<ImportedLine> {
        let subtype = message.subtype.as_deref().unwrap_or("");
        if MEMBERSHIP_SUBTYPES.contains(&subtype) {
            writer.skip("joins and leaves");
            return None;
        }
        if message.hidden || subtype == "tombstone" || subtype == "message_deleted" {
            writer.skip("deleted or hidden messages");
            return None;
        }
        let mut unknown = Vec::new();
        let who = match (&message.user, &message.username, &message.bot_profile) {
            (_, Some(bot), _) if subtype == "bot_message" => Some(bot.clone()),
            (Some(user), _, _) => Some(match self.users.get(user) {
                Some(name) => name.clone(),
                None => match message.user_profile.as_ref().and_then(Profile::shown_name) {
                    Some(name) => name.to_string(),
                    None => {
                        unknown.push(user.clone());
                        user.clone()
                    }
                },
            }),
            (None, Some(bot), _) => Some(bot.clone()),
            (None, None, Some(profile)) => profile.name.clone(),
            (None, None, None) => None,
        };
        let mut text = self.markdown(&message.text, &mut unknown);
        for attachment in &message.attachments {
            let mut parts: Vec<String> = Vec::new();
            parts.extend(attachment.pretext.as_deref().map(|pretext| self.markdown(pretext, &mut unknown)));
            match (&attachment.title, &attachment.title_link) {
                (Some(title), Some(link)) => parts.push(markdown_link(&decode_entities(title), link)),
                (Some(title), None) => parts.push(self.markdown(title, &mut unknown)),
                _ => {}
            }
            parts.extend(attachment.text.as_deref().map(|text| self.markdown(text, &mut unknown)));
            parts.retain(|part| !part.trim().is_empty());
            if parts.is_empty() {
                parts.extend(attachment.fallback.as_deref().map(|fallback| self.markdown(fallback, &mut unknown)));
            }
            push_paragraph(&mut text, &parts.join("\n"));
        }
        for file in &message.files {
            let name = file.title.as_deref().or(file.name.as_deref()).unwrap_or("file");
            let link = match file.permalink.as_deref().or(file.url_private.as_deref()) {
                Some(url) => markdown_link(name, url),
                None => name.to_string(),
            };
            push_paragraph(&mut text, &format!("File: {link}"));
        }
        if text.trim().is_empty() {
            writer.skip("empty messages");
            return None;
        }
        if let Some(thread) = message.thread_ts.as_deref().filter(|thread| Some(*thread) != message.ts.as_deref())
            && let Some(started) = instant(thread, zone)
        {
            let by = message
                .parent_user_id
                .as_ref()
                .map(|parent| format!(" by {}", self.users.get(parent).unwrap_or(parent)))
                .unwrap_or_default();
            text = format!("(reply in the thread started at {}{by}) {text}", display(&started));
        }
        if let Some(edited) =
            message.edited.as_ref().and_then(|edited| edited.ts.as_deref()).and_then(|ts| instant(ts, zone))
        {
            text.push_str(&format!(" (edited {})", display(&edited)));
        }
        for id in &unknown {
            writer.warn(WarningKind::UnknownUser, id.clone());
        }
        let (text, cut) = timeline_text(&text);
        if cut {
            writer.warn(WarningKind::LongMessage, format!("the message at {}", display(&at)));
        }
        let ts = message.ts.clone().unwrap_or_default();
        Some(ImportedLine {
            at,
            who: who.as_deref().and_then(timeline_name),
            kind: EntryKind::Note,
            text,
            key: format!("slack:{}:{ts}", channel.id),
        })
    }

    /// Slack's markup in Markdown; ids of users it does not know are added to `unknown`.
    fn markdown(&self, text: &str, unknown: &mut Vec<String>) -> String {
        to_markdown(
            text,
            &|id| self.users.get(id).cloned(),
            &|id| self.channels.iter().find(|channel| channel.id == id).map(|channel| channel.name.clone()),
            unknown,
        )
    }
}

fn push_paragraph(text: &mut String, paragraph: &str) {
    if paragraph.trim().is_empty() {
        return;
    }
    if !text.trim().is_empty() {
        text.push('\n');
    }
    text.push_str(paragraph);
}

/// A Slack export, unpacked or zipped.
enum Export {
    Directory(PathBuf),
    Zip { path: PathBuf, archive: Box<ZipArchive<File>>, root: String },
}

impl Export {
    fn open(path: &Path) -> Result<Export> {
        let unreadable = |error: &dyn std::fmt::Display| {
            Error::import(
                path.display(),
                format!(
                    "it is neither a directory nor a zip of a Slack export ({error}); give the export's directory or .zip"
                ),
            )
        };
        if path.is_dir() {
            return Ok(Export::Directory(path.to_path_buf()));
        }
        let file = File::open(path).map_err(|error| unreadable(&error))?;
        let mut archive = ZipArchive::new(file).map_err(|error| unreadable(&error))?;
        for index in 0..archive.len() {
            let entry = archive.by_index_raw(index).map_err(|error| unreadable(&error))?;
            let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
            if !is_inside(&name) || entry.enclosed_name().is_none() {
                return Err(Error::UnsafeArchive { path: path.to_path_buf(), entry: name });
            }
        }
        // Some exports are zipped with their folder: the export starts where users.json or channels.json is.
        let root = archive
            .file_names()
            .filter_map(|name| name.ok())
            .filter(|name| name.ends_with("users.json") || name.ends_with("channels.json"))
            .map(|name| name.rsplit_once('/').map_or(String::new(), |(folder, _)| format!("{folder}/")))
            .min_by_key(|root| root.len())
            .unwrap_or_default();
        Ok(Export::Zip { path: path.to_path_buf(), archive: Box::new(archive), root })
    }

    fn shown(&self) -> String {
        match self {
            Export::Directory(path) | Export::Zip { path, .. } => path.display().to_string(),
        }
    }

    /// A file of the export by its path inside it; `None` if there is none.
    fn read(&mut self, inner: &str) -> Result<Option<Vec<u8>>> {
        let shown = self.shown();
        let failed =
            |error: &dyn std::fmt::Display| Error::import(&shown, format!("its {inner} cannot be read ({error})"));
        let mut bytes = Vec::new();
        match self {
            Export::Directory(root) => {
                let file = match File::open(root.join(inner)) {
                    Ok(file) => file,
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                    Err(error) => return Err(failed(&error)),
                };
                file.take(MAX_EXPORT_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|error| failed(&error))?;
            }
            Export::Zip { archive, root, .. } => {
                let entry = match archive.by_name(&format!("{root}{inner}")) {
                    Ok(entry) => entry,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(error) => return Err(failed(&error)),
                };
                entry.take(MAX_EXPORT_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|error| failed(&error))?;
            }
        }
        if bytes.len() as u64 > MAX_EXPORT_FILE_BYTES {
            return Err(failed(&format!("it is larger than {} MiB", MAX_EXPORT_FILE_BYTES / 1024 / 1024)));
        }
        Ok(Some(bytes))
    }

    /// Public and private channels, by id and name.
    fn channels(&mut self) -> Result<Vec<Channel>> {
        let mut channels = Vec::new();
        for list in ["channels.json", "groups.json"] {
            let Some(bytes) = self.read(list)? else { continue };
            let listed: Vec<Channel> = serde_json::from_slice(&bytes)
                .map_err(|error| Error::import(self.shown(), format!("its {list} cannot be read ({error})")))?;
            channels.extend(listed);
        }
        Ok(channels)
    }

    /// The channel's day files, oldest first.
    fn day_files(&mut self, channel: &str) -> Result<Vec<(NaiveDate, String)>> {
        let names: Vec<String> = match self {
            Export::Directory(root) => match std::fs::read_dir(root.join(channel)) {
                Ok(entries) => entries
                    .filter_map(|entry| entry.ok())
                    .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect(),
                Err(_) => Vec::new(),
            },
            Export::Zip { archive, root, .. } => {
                let folder = format!("{root}{channel}/");
                archive
                    .file_names()
                    .filter_map(|name| name.ok())
                    .filter_map(|name| name.strip_prefix(&folder).map(str::to_string))
                    .filter(|name| !name.contains('/'))
                    .collect()
            }
        };
        let mut days: Vec<(NaiveDate, String)> = names
            .into_iter()
            .filter_map(|name| {
                let day = NaiveDate::parse_from_str(name.strip_suffix(".json")?, "%Y-%m-%d").ok()?;
                Some((day, format!("{channel}/{name}")))
            })
            .collect();
        days.sort();
        Ok(days)
    }
}

/// Whether a zip entry's name stays inside the export: relative, without `..`, NUL or a drive.
fn is_inside(name: &str) -> bool {
    let absolute = name.starts_with(['/', '\\']) || name.get(1..2) == Some(":");
    let climbs = name.split(['/', '\\']).any(|part| part == "..");
    !absolute && !climbs && !name.contains('\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_times_are_instants_with_microseconds() {
        let at = instant("1795438931.000200", "Europe/Berlin".parse().unwrap()).unwrap();
        assert_eq!(crate::time::rfc3339_string(&at), "2026-11-23T14:02:11.000200+01:00");
        assert!(instant("soon", Zone::Local).is_none());
    }

    #[test]
    fn zip_names_that_leave_the_export_are_refused() {
        for name in ["users.json", "export/ops/2026-11-23.json", "a/./b.json"] {
            assert!(is_inside(name), "{name}");
        }
        for name in ["../users.json", "ops/../../x", "/etc/passwd", "\\evil", "C:\\x", "a\0b"] {
            assert!(!is_inside(name), "{name:?}");
        }
    }
}
