//! Chat logs as IRC clients, bouncers and chat bridges write them, one message a line:
//!
//! * `[14:02] <alice> text`, `14:02 <@alice> text` (irssi), `2026-11-23 14:02:11 <alice> text`;
//! * weechat's `2026-11-23 14:02:11<TAB>alice<TAB>text`;
//! * `* alice does something` (an action), after any of the times above;
//! * `2026-11-23 14:02:11 alice: text` and `14:02 alice: text` (plain);
//! * irssi's `--- Day changed Tue Nov 24 2026` and `--- Log opened ...`, which set the day;
//! * a conversation copied out of Slack's, Teams' or Discord's window, a heading of name and
//!   time above each message's lines, and DiscordChatExporter's text export, whose headings
//!   also give the day (see [`super::chat_copy`]);
//! * the text exports of Element (a Matrix room) and WhatsApp, whose lines start with their day:
//!   `12/7/2026, 10:42:13 AM - Alice Smith: text`;
//! * a chat app's JSON export given as a log, handed to [`super::chat_export`].
//!
//! Times may be written on a 12-hour clock (`10:42 PM`).
//!
//! A time without a date is put on the day given (else the incident's start day) and moves
//! to the next day whenever it is earlier than the time before it: logs cross midnight. The
//! file is read line by line with each line's length bounded, so a log of any size fits in
//! little memory. Nothing is dropped silently: bytes that are not UTF-8 are replaced and
//! reported with their line numbers, a line in no known format is kept as a continuation of
//! the message before it (a pasted stack trace) and reported, and joins and leaves are counted.

use std::borrow::Cow;
use std::io::BufRead;
use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, Timelike};
use regex::Regex;

use super::chat_copy::{self, Copied, CopiedTime, looks_like_a_name};
use super::{
    ImportReport, ImportedLine, Repeats, TimelineWriter, WarningKind, Zone, timeline_name, timeline_text,
    truncate_to_char_boundary,
};
use crate::model::EntryKind;
use crate::postmortem::written_dates::WordedDay;
use crate::store::{MAX_ENTRY_BYTES, Store};
use crate::{Error, Result};

/// Which line formats to recognise. Only lines that fit both an IRC and a plain reading
/// depend on it; `Auto` tries IRC's forms first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    #[default]
    Auto,
    /// `<nick> text`, `* nick action`, irssi and weechat.
    Irc,
    /// `name: text`.
    Plain,
}

impl LogFormat {
    pub const ALL: [LogFormat; 3] = [LogFormat::Auto, LogFormat::Irc, LogFormat::Plain];

    pub fn as_str(self) -> &'static str {
        match self {
            LogFormat::Auto => "auto",
            LogFormat::Irc => "irc",
            LogFormat::Plain => "plain",
        }
    }

    fn reads_irc(self) -> bool {
        self != LogFormat::Plain
    }

    fn reads_plain(self) -> bool {
        self != LogFormat::Irc
    }
}

impl std::str::FromStr for LogFormat {
    type Err = Error;

    fn from_str(input: &str) -> Result<LogFormat> {
        let wanted = input.trim().to_ascii_lowercase();
        LogFormat::ALL
            .into_iter()
            .find(|format| format.as_str() == wanted)
            .ok_or_else(|| Error::invalid("log format", format!("`{input}` is not one of auto, irc, plain")))
    }
}

#[derive(Debug, Clone)]
pub struct LogOptions {
    pub format: LogFormat,
    /// The day of the first line without a date; else the incident's start day in `zone`.
    pub date: Option<NaiveDate>,
    /// The zone of times written without an offset.
    pub zone: Zone,
    pub dry_run: bool,
}

/// Imports the chat log at `path` into the incident's timeline.
pub fn import_log_file(store: &mut Store, incident: &str, path: &Path, options: &LogOptions) -> Result<ImportReport> {
    let file = std::fs::File::open(path)
        .map_err(|error| Error::import(path.display(), format!("it cannot be read ({error})")))?;
    let reader = std::io::BufReader::with_capacity(super::chat_export::SNIFFED_BYTES, file);
    import_log(store, incident, reader, &super::short_name(path), &path.display().to_string(), options)
}

/// Imports a chat log read from `reader`; `name` names it in the entries' source (`irc:NAME`),
/// `shown_as` in errors.
pub fn import_log(
    store: &mut Store,
    incident: &str,
    mut reader: impl BufRead,
    name: &str,
    shown_as: &str,
    options: &LogOptions,
) -> Result<ImportReport> {
    // A chat app's JSON export, handed over as the channel's log (a file, standard input, a
    // paste), is read as the export it is.
    let head = reader.fill_buf().map_err(|error| Error::import(shown_as, format!("it cannot be read ({error})")))?;
    if super::chat_export::is_json_export(head) {
        let source = (name, shown_as);
        let mut report =
            super::chat_export::import_json_export(store, incident, reader, source, options.zone, options.dry_run)?;
        // Asked for, and not used: said, so nobody takes the lines as put on the day given.
        if options.date.is_some() {
            report
                .notes
                .push("the day given for times without a date was not used: the export dates each message".into());
        }
        if options.format != LogFormat::Auto {
            report.notes.push("the line format given was not used: it is a chat app's JSON export, read as one".into());
        }
        return Ok(report);
    }
    // DiscordChatExporter's CSV export, read as its text export of the same messages.
    if super::chat_csv::is_csv_export(head) {
        let export = super::chat_csv::as_text_export(reader).map_err(|reason| Error::import(shown_as, reason))?;
        return import_log(store, incident, export.as_bytes(), name, shown_as, options);
    }
    let family = if options.format == LogFormat::Plain { "log" } else { "irc" };
    let mut writer =
        TimelineWriter::new(store, incident, format!("{family}:{name}"), shown_as.to_string(), options.dry_run)?;
    let first_day = match options.date {
        Some(date) => date,
        None => options.zone.from_utc(writer.incident()?.started_at.to_utc()).date_naive(),
    };
    let mut reading = Reading {
        clock: Clock { zone: options.zone, day: first_day, last_time: None, last_instant: None },
        pending: None,
        repeats: Repeats::default(),
        undated_lines: 0,
        last_author: None,
        twelve_hour: false,
        stray: None,
        last_words_line: None,
        in_banner: false,
        leaving_out: false,
    };
    let mut bytes = Vec::new();
    let mut number: u64 = 0;
    loop {
        let cut = read_bounded_line(&mut reader, &mut bytes, MAX_ENTRY_BYTES)
            .map_err(|error| writer.fail(format!("reading line {} failed ({error})", number + 1)))?;
        let Some(cut) = cut else { break };
        number += 1;
        let (line, invalid) = decode(&bytes, cut);
        if invalid {
            writer.warn(WarningKind::InvalidUtf8, format!("line {number}"));
        }
        if cut {
            writer.warn(WarningKind::LongLine, format!("line {number}"));
        }
        let line = if number == 1 { line.trim_start_matches('\u{FEFF}') } else { &line };
        reading.line(&mut writer, line.trim_end_matches('\r'), number, options.format)?;
    }
    reading.flush(&mut writer)?;
    reading.warn_stray(&mut writer);
    if reading.undated_lines > 0 {
        let given = if options.date.is_some() { "the day given" } else { "the incident's start day" };
        writer.note(format!(
            "{UNDATED_NOTE} {first_day} ({given}) and moved to the next day whenever a time was earlier than the one \
             before it"
        ));
    }
    writer.finish()
}

/// How the note on times without a date begins, for a face to add how it sets the first day.
pub const UNDATED_NOTE: &str = "times without a date were put on";

/// The state of reading one log: which day it is, and the message that may still get continuation lines.
struct Reading {
    clock: Clock,
    pending: Option<Pending>,
    repeats: Repeats,
    undated_lines: usize,
    /// Who wrote the last message under a named heading: a copied conversation's further
    /// messages name nobody. A log's own lines never set it (a line without a nick is the
    /// channel's or a bot's, not the person's above it).
    last_author: Option<String>,
    /// The last heading of a copied conversation had AM or PM.
    twelve_hour: bool,
    /// A line before the first message, held back one line: it may be the name above a time
    /// on a line of its own (as some copies from Slack have it), else it is reported.
    stray: Option<(u64, String)>,
    /// The number of the last line added to a copied message's words.
    last_words_line: Option<u64>,
    /// Between an export's banner lines: its header (guild, channel) or footer (the count).
    in_banner: bool,
    /// In a block an export marks as not the message's (reactions, stickers), up to a blank line.
    leaving_out: bool,
}

struct Pending {
    at: DateTime<FixedOffset>,
    who: Option<String>,
    text: String,
    line: u64,
    /// At the size limit: further continuation lines are reported, not kept.
    full: bool,
    /// Under a heading of a copied conversation: the lines below are its words, not lines
    /// in no known format.
    headed: bool,
}

impl Reading {
    fn line(&mut self, writer: &mut TimelineWriter, line: &str, number: u64, format: LogFormat) -> Result<()> {
        let parsed = parse_line(line, format);
        if self.in_banner {
            self.in_banner = !matches!(parsed, Parsed::Banner);
            writer.skip("the export's header and footer");
            return Ok(());
        }
        if self.leaving_out {
            self.leaving_out = !matches!(parsed, Parsed::Blank);
            if self.leaving_out {
                writer.skip("reactions and stickers");
            }
            return Ok(());
        }
        if !matches!(parsed, Parsed::Blank | Parsed::Heading { who: None, .. }) {
            self.warn_stray(writer);
        }
        match parsed {
            Parsed::Blank => {}
            Parsed::Heading { mut stamp, who, text, yearless } => {
                // A day without its year is in the year nearest the day before it.
                if let Some(day) = yearless.and_then(|day| day.near(Some(self.clock.day)))
                    && day != self.clock.day
                {
                    self.clock.day = day;
                    self.clock.last_time = None;
                }
                if stamp.twelve_hour {
                    self.twelve_hour = true;
                } else if who.is_some() {
                    // A named heading on a 24-hour clock: the bare times below it are 24-hour too.
                    self.twelve_hour = false;
                }
                stamp.half_day_unknown &= self.twelve_hour;
                let who = match who {
                    Some(who) => {
                        self.last_author = timeline_name(who);
                        Some(who.to_string())
                    }
                    None => match self.name_line_above(number) {
                        Some(name) => {
                            self.last_author = timeline_name(&name);
                            Some(name)
                        }
                        None => self.last_author.clone(),
                    },
                };
                self.warn_stray(writer);
                self.place_message(writer, stamp, who, text, number, true)?;
            }
            Parsed::CopiedDay(day) => {
                if let Some(day) = day.and_then(|day| day.near(Some(self.clock.day))) {
                    self.clock.day = day;
                    self.clock.last_time = None;
                }
                writer.skip("day dividers");
            }
            Parsed::Window => writer.skip("the chat window's own words (edited, replies, threads)"),
            Parsed::AttachedMark => writer.skip("the export's marks before attachments and embeds"),
            Parsed::Banner => {
                self.in_banner = true;
                writer.skip("the export's header and footer");
            }
            Parsed::LeftOutBlock => {
                self.leaving_out = true;
                writer.skip("reactions and stickers");
            }
            Parsed::Day(day) => {
                self.clock.day = day;
                self.clock.last_time = None;
                writer.skip("log markers (log opened, day changed)");
            }
            Parsed::Membership => writer.skip("joins, leaves and quits"),
            Parsed::Notice => writer.skip("the chat app's own notices (joins, topic changes)"),
            Parsed::Message(message) => {
                let who = message.who.map(str::to_string);
                self.place_message(writer, message.stamp, who, &message.text, number, false)?;
            }
            // The lines below an exported message without a time of their own are its words.
            Parsed::Exported(message) => {
                let who = message.who.map(str::to_string);
                self.place_message(writer, message.stamp, who, &message.text, number, true)?;
            }
            Parsed::Unknown => match &mut self.pending {
                Some(pending) => {
                    let line = match pending.headed {
                        true => line.strip_suffix(" (edited)").unwrap_or(line),
                        false => {
                            writer.warn(WarningKind::UnknownFormat, format!("line {number}"));
                            line
                        }
                    };
                    if pending.headed {
                        self.last_words_line = Some(number);
                    }
                    if !pending.full {
                        let separator = usize::from(!pending.text.is_empty());
                        let room = MAX_ENTRY_BYTES.saturating_sub(pending.text.len() + separator);
                        if separator == 1 {
                            pending.text.push('\n');
                        }
                        pending.text.push_str(truncate_to_char_boundary(line, room));
                        if line.len() > room {
                            pending.full = true;
                            writer.warn(WarningKind::LongMessage, format!("line {}", pending.line));
                        }
                    }
                }
                None => self.stray = Some((number, line.trim().to_string())),
            },
        }
        Ok(())
    }

    /// Puts a message at its time, after the one before it is written.
    fn place_message(
        &mut self,
        writer: &mut TimelineWriter,
        stamp: Stamp,
        who: Option<String>,
        text: &str,
        number: u64,
        headed: bool,
    ) -> Result<()> {
        if stamp.date.is_none() && stamp.offset.is_none() {
            self.undated_lines += 1;
        }
        let (at, skipped_hour) = self.clock.place(&stamp);
        if skipped_hour {
            writer.warn(WarningKind::MissingLocalTime, format!("line {number}"));
        }
        self.flush(writer)?;
        let who = who.and_then(|who| timeline_name(&who));
        self.pending = Some(Pending { at, who, text: text.to_string(), line: number, full: false, headed });
        Ok(())
    }

    /// The name on the line just above a time alone on its line (a copy that puts each on a
    /// line of its own), taken off the message it was read into, or out of the held line.
    fn name_line_above(&mut self, number: u64) -> Option<String> {
        if let Some((line, name)) = self.stray.take() {
            if line + 1 == number && looks_like_a_name(&name) {
                return Some(name);
            }
            self.stray = Some((line, name));
            return None;
        }
        let pending = self.pending.as_mut().filter(|pending| pending.headed)?;
        if self.last_words_line != Some(number - 1) {
            return None;
        }
        let (before, name) = pending.text.rsplit_once('\n').unwrap_or(("", pending.text.as_str()));
        let name = name.trim().to_string();
        if !looks_like_a_name(&name) {
            return None;
        }
        pending.text.truncate(before.len());
        Some(name)
    }

    /// Reports the line held back before the first message, now that it named nobody.
    fn warn_stray(&mut self, writer: &mut TimelineWriter) {
        if let Some((line, _)) = self.stray.take() {
            writer.warn(WarningKind::NothingBefore, format!("line {line}"));
        }
    }

    fn flush(&mut self, writer: &mut TimelineWriter) -> Result<()> {
        let Some(pending) = self.pending.take() else { return Ok(()) };
        let (text, _) = timeline_text(&pending.text);
        if text.is_empty() {
            writer.skip("empty messages");
            return Ok(());
        }
        let who = pending.who.as_deref().unwrap_or("");
        let key = self.repeats.content_key("log", &pending.at, &[who, &text]);
        writer.push(ImportedLine { at: pending.at, who: pending.who, kind: EntryKind::Note, text, key })
    }
}

/// Puts times on days: the day changes when a line gives a date, or when a time goes back.
struct Clock {
    zone: Zone,
    day: NaiveDate,
    last_time: Option<NaiveTime>,
    last_instant: Option<DateTime<FixedOffset>>,
}

impl Clock {
    /// The instant of a line's time stamp, and whether its local time did not exist in the zone.
    fn place(&mut self, stamp: &Stamp) -> (DateTime<FixedOffset>, bool) {
        let mut time = stamp.time;
        if stamp.half_day_unknown
            && let Some(last) = self.last_time
            && time < last
        {
            // A bare `1:05` after `12:58 PM` is 13:05; after `11:58 PM`, 1:05 the next day.
            let evening = time + Duration::hours(12);
            if evening >= last && time.hour() < 12 {
                time = evening;
            }
        }
        match stamp.date {
            Some(date) => self.day = date,
            None => {
                if self.last_time.is_some_and(|last| time < last) {
                    self.day = self.day.succ_opt().unwrap_or(self.day);
                }
            }
        }
        self.last_time = Some(time);
        let naive = self.day.and_time(time);
        let (at, skipped_hour) = match stamp.offset {
            Some(offset) => (resolve_fixed(offset, naive), false),
            None => match self.zone.from_local(naive) {
                LocalResult::Single(at) => (at, false),
                // Clocks went back: the earlier reading, unless that would go back in time.
                LocalResult::Ambiguous(first, second) => {
                    let first_ok = self.last_instant.is_none_or(|last| first >= last);
                    (if first_ok { first } else { second }, false)
                }
                LocalResult::None => {
                    let before = self.zone.from_local(naive - Duration::hours(3)).earliest().map(|at| *at.offset());
                    (resolve_fixed(before.unwrap_or_else(|| chrono::Utc.fix()), naive), true)
                }
            },
        };
        self.last_instant = Some(at);
        (at, skipped_hour)
    }
}

fn resolve_fixed(offset: FixedOffset, naive: NaiveDateTime) -> DateTime<FixedOffset> {
    // A fixed offset maps every wall-clock time to exactly one instant.
    DateTime::from_naive_utc_and_offset(naive - offset, offset)
}

/// A line's time stamp as written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    date: Option<NaiveDate>,
    time: NaiveTime,
    offset: Option<FixedOffset>,
    /// Written with AM or PM.
    twelve_hour: bool,
    /// A bare time under 12-hour headings: morning or evening, whichever follows the time
    /// before.
    half_day_unknown: bool,
}

impl Stamp {
    fn copied(time: CopiedTime, date: Option<NaiveDate>) -> Stamp {
        Stamp {
            date,
            time: time.time,
            offset: None,
            twelve_hour: time.twelve_hour,
            half_day_unknown: time.half_day_unknown,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Message<'a> {
    stamp: Stamp,
    who: Option<&'a str>,
    text: Cow<'a, str>,
}

#[derive(Debug, PartialEq, Eq)]
enum Parsed<'a> {
    Blank,
    Message(Message<'a>),
    /// A message of a chat app's export: the lines below it without a time are its own.
    Exported(Message<'a>),
    /// Someone joined, left or quit: not what happened in the incident.
    Membership,
    /// A chat app's own notice in its export: joins, topic changes, encryption.
    Notice,
    /// A line saying which day the lines after it are on.
    Day(NaiveDate),
    /// A copied conversation's heading: who (`None`: as before) and when, and any words after
    /// the time.
    Heading {
        stamp: Stamp,
        who: Option<&'a str>,
        text: &'a str,
        /// The day the heading writes without its year (Teams' `[11/20 10:42 AM]`).
        yearless: Option<WordedDay>,
    },
    /// A copied conversation's day divider, with the day it names if it names one.
    CopiedDay(Option<WordedDay>),
    /// The chat window's own words.
    Window,
    /// An export's banner line, opening or closing its header or footer.
    Banner,
    /// An export's mark before a message's attachments or embeds.
    AttachedMark,
    /// An export's mark before lines left out up to the next blank line.
    LeftOutBlock,
    Unknown,
}

static STAMPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\[?(?:(?P<date>\d{4}-\d{2}-\d{2})[T ])?(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(?:\s?(?P<half>[AaPp])\.?[Mm]\.?)?(?P<offset>Z|[+-]\d{2}:?\d{2})?\]?(?P<sep>\t| +)(?P<rest>.*)$",
    )
    .expect("the time stamp pattern is valid")
});
/// A line that starts with its day in figures and a comma: `12/7/2026, 10:42:13 AM - Alice Smith: text`
/// (Element's plain text export of a Matrix room; WhatsApp's export on Android, `12/7/26, 10:42 AM - ...`)
/// and `[12/7/26, 10:42:13 AM] Alice Smith: text` (WhatsApp's export on an iPhone).
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\[?(?P<first>\d{1,2})(?P<mark>[/.])(?P<then>\d{1,2})[/.](?P<year>\d{4}|\d{2}),\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\s?(?P<half>[AaPp])\.?[Mm]\.?)?\]?\s+(?:-\s+)?(?P<rest>.*)$",
    )
    .expect("the dated line pattern is valid")
});
static ANGLE_NICK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<[ @+%~&!]?(?P<nick>[^>\s]+)>\s?(?P<text>.*)$").expect("valid pattern"));
static ACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*\s+(?P<nick>\S+)\s*(?P<text>.*)$").expect("valid pattern"));
static PLAIN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<nick>[^\s:<>\[\]*]{1,64}):\s+(?P<text>.*)$").expect("valid pattern"));

/// Membership lines as irssi and weechat word them.
const MEMBERSHIP_WORDS: [&str; 3] = [" has joined ", " has left ", " has quit"];

fn parse_line(line: &str, format: LogFormat) -> Parsed<'_> {
    if line.trim().is_empty() {
        return Parsed::Blank;
    }
    if let Some(marker) = line.strip_prefix("--- ")
        && let Some(day) = irssi_day(marker)
    {
        return Parsed::Day(day);
    }
    // Before the copied headings: `[12/7/26, 10:42 AM] Alice Smith: text` names its writer.
    if let Some(parsed) = dated(line) {
        return parsed;
    }
    match chat_copy::read(line) {
        Some(Copied::Heading { who, time, date, yearless, text }) => {
            return Parsed::Heading { stamp: Stamp::copied(time, date), who, text, yearless };
        }
        Some(Copied::Banner) => return Parsed::Banner,
        Some(Copied::AttachedMark) => return Parsed::AttachedMark,
        Some(Copied::LeftOutBlock) => return Parsed::LeftOutBlock,
        Some(Copied::Day(day)) => return Parsed::CopiedDay(day),
        Some(Copied::Window) => return Parsed::Window,
        None => {}
    }
    let Some(captures) = STAMPED.captures(line) else { return Parsed::Unknown };
    let Some(stamp) = stamp(&captures) else { return Parsed::Unknown };
    let rest = captures.name("rest").map_or("", |rest| rest.as_str());
    let tab_separated = captures.name("sep").is_some_and(|sep| sep.as_str() == "\t");
    if tab_separated
        && format.reads_irc()
        && let Some((prefix, text)) = rest.split_once('\t')
    {
        return weechat(stamp, prefix.trim(), text);
    }
    if format.reads_irc() {
        if let Some((who, text)) = nick_and_text(&ANGLE_NICK, rest) {
            return Parsed::Message(Message { stamp, who, text: Cow::Borrowed(text) });
        }
        if let Some((who, text)) = nick_and_text(&ACTION, rest) {
            return Parsed::Message(Message { stamp, who, text: Cow::Owned(format!("/me {text}")) });
        }
        if let Some(notice) = rest.strip_prefix("-!- ") {
            if MEMBERSHIP_WORDS.iter().any(|words| notice.contains(words)) {
                return Parsed::Membership;
            }
            return Parsed::Message(Message { stamp, who: None, text: Cow::Borrowed(notice) });
        }
    }
    if format.reads_plain()
        && let Some((who, text)) = nick_and_text(&PLAIN_NAME, rest)
    {
        return Parsed::Message(Message { stamp, who, text: Cow::Borrowed(text) });
    }
    Parsed::Message(Message { stamp, who: None, text: Cow::Borrowed(rest) })
}

/// A line of a chat app's export that starts with its day in figures ([`DATED`]): a message by
/// the name before its first `: `, else the app's own notice ("Alice joined the room", "Messages
/// and calls are end-to-end encrypted"). `None` for a line of another shape.
fn dated(line: &str) -> Option<Parsed<'_>> {
    // WhatsApp puts a left-to-right mark before some lines.
    let line = line.trim_start_matches('\u{200e}');
    let starts_with_a_day = line.trim_start_matches('[').bytes().take(3).any(|byte| matches!(byte, b'/' | b'.'));
    if !starts_with_a_day {
        return None;
    }
    let found = DATED.captures(line)?;
    let mut stamp = stamp(&found)?;
    stamp.date = Some(chat_copy::figures_day(&found)?);
    let rest = found.name("rest").map_or("", |rest| rest.as_str());
    // Display names are anything people choose ("🔥 Ops Lead", "+49 151 2345678"); a notice
    // that holds a colon quotes it ("changed the topic to \"Incident: db\"").
    let named = rest.split_once(": ").filter(|(name, _)| {
        !name.is_empty() && name.len() <= 48 && !name.contains(['"', '“']) && name.split_whitespace().count() <= 5
    });
    Some(match named {
        Some((who, text)) => Parsed::Exported(Message { stamp, who: Some(who), text: Cow::Borrowed(text) }),
        None => Parsed::Notice,
    })
}

/// The `nick` and `text` groups of a pattern that matches `rest`.
fn nick_and_text<'a>(pattern: &Regex, rest: &'a str) -> Option<(Option<&'a str>, &'a str)> {
    let found = pattern.captures(rest)?;
    let who = found.name("nick").map(|nick| nick.as_str());
    Some((who, found.name("text").map_or("", |text| text.as_str())))
}

/// Weechat's columns: the prefix is a nick (with its mode), ` *` for an action, or arrows and
/// dashes for the network's own messages.
fn weechat<'a>(stamp: Stamp, prefix: &'a str, text: &'a str) -> Parsed<'a> {
    match prefix {
        "-->" | "<--" => Parsed::Membership,
        "--" | "=!=" | "" => {
            if MEMBERSHIP_WORDS.iter().any(|words| text.contains(words)) {
                Parsed::Membership
            } else {
                Parsed::Message(Message { stamp, who: None, text: Cow::Borrowed(text) })
            }
        }
        "*" => {
            let (who, action) = text.split_once(' ').unwrap_or((text, ""));
            Parsed::Message(Message { stamp, who: Some(who), text: Cow::Owned(format!("/me {action}")) })
        }
        nick => {
            let who = nick.trim_start_matches(['@', '+', '%', '~', '&', '!']);
            Parsed::Message(Message { stamp, who: Some(who), text: Cow::Borrowed(text) })
        }
    }
}

fn stamp(captures: &regex::Captures) -> Option<Stamp> {
    let date = match captures.name("date") {
        Some(date) => Some(NaiveDate::parse_from_str(date.as_str(), "%Y-%m-%d").ok()?),
        None => None,
    };
    let time_text = captures.name("time")?.as_str().replace(',', ".");
    let mut time =
        ["%H:%M:%S%.f", "%H:%M"].iter().find_map(|format| NaiveTime::parse_from_str(&time_text, format).ok())?;
    let evening = captures.name("half").map(|half| half.as_str().eq_ignore_ascii_case("p"));
    if let Some(evening) = evening {
        // `10:42 PM`: hours 1 to 12 on a 12-hour clock.
        let hour = time.hour();
        if hour == 0 || hour > 12 {
            return None;
        }
        time = time.with_hour(hour % 12 + if evening { 12 } else { 0 })?;
    }
    let offset = match captures.name("offset").map(|offset| offset.as_str()) {
        Some("Z") => Some(chrono::Utc.fix()),
        Some(offset) => Some(crate::time::parse_offset(offset)?),
        None => None,
    };
    Some(Stamp { date, time, offset, twelve_hour: evening.is_some(), half_day_unknown: false })
}

/// irssi's `Day changed Tue Nov 24 2026` and `Log opened Mon Nov 23 14:00:00 2026`.
fn irssi_day(marker: &str) -> Option<NaiveDate> {
    if let Some(day) = marker.strip_prefix("Day changed ") {
        return NaiveDate::parse_from_str(day.trim(), "%a %b %d %Y").ok();
    }
    let opened = marker.strip_prefix("Log opened ").or_else(|| marker.strip_prefix("Log closed "))?;
    NaiveDateTime::parse_from_str(opened.trim(), "%a %b %d %H:%M:%S %Y").ok().map(|time| time.date())
}

/// Text from bytes that may not be UTF-8, and whether any were not. A line cut at the length
/// limit may end inside a character; that part is dropped rather than reported as invalid.
fn decode(bytes: &[u8], cut: bool) -> (Cow<'_, str>, bool) {
    let bytes = match std::str::from_utf8(bytes) {
        Err(error) if cut && error.error_len().is_none() => &bytes[..error.valid_up_to()],
        _ => bytes,
    };
    let text = String::from_utf8_lossy(bytes);
    let invalid = matches!(text, Cow::Owned(_));
    (text, invalid)
}

/// Reads one line, without its line feed, keeping at most `limit` bytes of it and skipping the
/// rest, so a file without line breaks cannot fill memory. `None` at the end of the input, else
/// whether the line was cut.
fn read_bounded_line(reader: &mut impl BufRead, line: &mut Vec<u8>, limit: usize) -> std::io::Result<Option<bool>> {
    line.clear();
    let mut cut = false;
    let mut read_any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(read_any.then_some(cut));
        }
        read_any = true;
        let (chunk, used, ended) = match available.iter().position(|byte| *byte == b'\n') {
            Some(end) => (&available[..end], end + 1, true),
            None => (available, available.len(), false),
        };
        let room = limit.saturating_sub(line.len());
        cut |= chunk.len() > room;
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        reader.consume(used);
        if ended {
            return Ok(Some(cut));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date, time, and `who|text` of a line read as a message.
    fn message(line: &str) -> (Option<String>, String, String) {
        match parse_line(line, LogFormat::Auto) {
            Parsed::Message(message) | Parsed::Exported(message) => (
                message.stamp.date.map(|date| date.to_string()),
                message.stamp.time.to_string(),
                format!("{}|{}", message.who.unwrap_or(""), message.text),
            ),
            other => panic!("{line:?} read as {other:?}"),
        }
    }

    #[test]
    fn the_common_formats_are_read() {
        assert_eq!(message("[14:02] <alice> db-2 is at 100% cpu").2, "alice|db-2 is at 100% cpu");
        assert_eq!(message("14:02 <alice> hi").1, "14:02:00");
        assert_eq!(message("14:02 <@alice> restarting").2, "alice|restarting");
        assert_eq!(message("14:02 < bob> voiced? no, a space").2, "bob|voiced? no, a space");
        let dated = message("2026-11-23 14:02:11 alice: failing over");
        assert_eq!(
            (dated.0.as_deref(), dated.1.as_str(), dated.2.as_str()),
            (Some("2026-11-23"), "14:02:11", "alice|failing over")
        );
        assert_eq!(message("2026-11-23 14:02:11\t@alice\tweechat line").2, "alice|weechat line");
        assert_eq!(message("2026-11-23 14:02:11\t *\talice looks at the graphs").2, "alice|/me looks at the graphs");
        assert_eq!(message("[14:02] * bob restarts the pool").2, "bob|/me restarts the pool");
        assert_eq!(message("14:02 -!- Topic for #ops: incident 42").2, "|Topic for #ops: incident 42");
        assert_eq!(message("[2026-11-23T14:02:11+01:00] <carol> rfc").0.as_deref(), Some("2026-11-23"));
        assert_eq!(message("14:02 deploy started").2, "|deploy started");
    }

    #[test]
    fn exports_that_start_each_line_with_its_day_are_read() {
        let read = |line: &str| {
            let (date, time, text) = message(line);
            (date.unwrap_or_default(), time, text)
        };
        let day = "2026-12-07".to_string();
        assert_eq!(
            read("12/7/2026, 10:42:13 AM - Alice Smith: p99 at 4s"),
            (day.clone(), "10:42:13".into(), "Alice Smith|p99 at 4s".into()),
            "Element in en-US"
        );
        assert_eq!(read("07/12/2026, 22:42:13 - Bob: restarting: db-2").2, "Bob|restarting: db-2", "Element in en-GB");
        assert_eq!(read("07/12/2026, 22:42:13 - Bob: restarting").1, "22:42:13");
        assert_eq!(read("12/7/26, 1:05 PM - Alice Smith: all clear").1, "13:05:00", "WhatsApp on Android");
        assert_eq!(
            read("\u{200e}[12/7/26, 1:05:09\u{202f}PM] Alice Smith: all clear"),
            (day, "13:05:09".into(), "Alice Smith|all clear".into()),
            "WhatsApp on an iPhone"
        );
        assert_eq!(read("7.12.26, 10:42 - +49 151 2345678: angekommen").2, "+49 151 2345678|angekommen");
        assert_eq!(read("12/7/26, 10:43 AM - 🔥 Ops Lead: paging db").2, "🔥 Ops Lead|paging db");
        for notice in [
            "12/7/2026, 10:40:02 AM - Alice Smith joined the room",
            "12/7/2026, 10:41:00 AM - Alice Smith changed the topic to \"Incident: db-2\".",
            "12/7/26, 10:40 AM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
        ] {
            assert_eq!(parse_line(notice, LogFormat::Auto), Parsed::Notice, "{notice}");
        }
    }

    #[test]
    fn joins_leaves_and_day_markers_are_not_messages() {
        assert_eq!(parse_line("14:02 -!- dave [~d@host] has joined #ops", LogFormat::Auto), Parsed::Membership);
        assert_eq!(
            parse_line("2026-11-23 14:02:11\t-->\tdave (~d@host) has joined #ops", LogFormat::Auto),
            Parsed::Membership
        );
        assert_eq!(parse_line("2026-11-23 14:02:11\t<--\tdave has quit", LogFormat::Auto), Parsed::Membership);
        assert_eq!(
            parse_line("--- Day changed Tue Nov 24 2026", LogFormat::Auto),
            Parsed::Day(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        );
        assert_eq!(
            parse_line("--- Log opened Mon Nov 23 14:00:00 2026", LogFormat::Auto),
            Parsed::Day(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
    }

    #[test]
    fn lines_without_a_time_are_unknown() {
        for line in [
            "  at com.example.Pool.get(Pool.java:42)",
            "Traceback (most recent call last):",
            "--- Day changed whenever",
        ] {
            assert_eq!(parse_line(line, LogFormat::Auto), Parsed::Unknown, "{line:?}");
        }
        assert_eq!(parse_line("   ", LogFormat::Auto), Parsed::Blank);
    }

    #[test]
    fn the_format_decides_lines_that_fit_both() {
        let irc = parse_line("14:02 <alice> bob: look", LogFormat::Plain);
        let Parsed::Message(plain) = irc else { panic!() };
        assert_eq!((plain.who, plain.text.as_ref()), (None, "<alice> bob: look"));
        let Parsed::Message(irc) = parse_line("14:02 bob: look", LogFormat::Irc) else { panic!() };
        assert_eq!((irc.who, irc.text.as_ref()), (None, "bob: look"));
    }

    fn clock(zone: &str) -> Clock {
        Clock {
            zone: zone.parse().unwrap(),
            day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            last_time: None,
            last_instant: None,
        }
    }

    fn stamp_at(time: &str) -> Stamp {
        Stamp {
            date: None,
            time: NaiveTime::parse_from_str(time, "%H:%M:%S").unwrap(),
            offset: None,
            twelve_hour: false,
            half_day_unknown: false,
        }
    }

    #[test]
    fn times_on_a_12_hour_clock_are_read() {
        assert_eq!(message("10:42 PM <bob> rolling back").1, "22:42:00");
        assert_eq!(message("[12:05 am] alice: paged").1, "00:05:00");
        assert_eq!(message("12:30 p.m. carol: back").1, "12:30:00");
        assert_eq!(parse_line("13:02 PM <bob> no such time", LogFormat::Auto), Parsed::Unknown);
    }

    #[test]
    fn a_bare_time_under_12_hour_headings_follows_the_time_before() {
        let mut clock = clock("UTC");
        let mut placed = |time: &str, half_day_unknown: bool| {
            let stamp = Stamp { half_day_unknown, ..stamp_at(time) };
            crate::time::rfc3339_string(&clock.place(&stamp).0)
        };
        assert_eq!(placed("12:58:00", false), "2026-11-23T12:58:00+00:00");
        assert_eq!(placed("01:05:00", true), "2026-11-23T13:05:00+00:00", "after 12:58 PM, 1:05 is 13:05");
        assert_eq!(placed("23:58:00", false), "2026-11-23T23:58:00+00:00");
        assert_eq!(placed("12:01:00", true), "2026-11-24T12:01:00+00:00", "12:01 after 11:58 PM: a new day's noon");
    }

    #[test]
    fn undated_times_roll_over_at_midnight() {
        let mut clock = clock("Europe/Berlin");
        let placed: Vec<String> = ["23:58:00", "23:59:30", "00:01:00", "00:01:00", "09:00:00"]
            .iter()
            .map(|time| crate::time::rfc3339_string(&clock.place(&stamp_at(time)).0))
            .collect();
        assert_eq!(
            placed,
            [
                "2026-11-23T23:58:00+01:00",
                "2026-11-23T23:59:30+01:00",
                "2026-11-24T00:01:00+01:00",
                "2026-11-24T00:01:00+01:00",
                "2026-11-24T09:00:00+01:00"
            ]
        );
    }

    #[test]
    fn daylight_saving_changes_keep_the_log_in_order() {
        let mut clock = clock("Europe/Berlin");
        clock.day = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        // 02:30 happens twice: first in summer time, then, after 02:59 summer time, in winter time.
        let times: Vec<String> = ["02:30:00", "02:59:00"]
            .iter()
            .map(|time| crate::time::rfc3339_string(&clock.place(&stamp_at(time)).0))
            .collect();
        assert_eq!(times, ["2026-10-25T02:30:00+02:00", "2026-10-25T02:59:00+02:00"]);
        clock.day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        clock.last_time = None;
        let (at, skipped) = clock.place(&stamp_at("02:30:00"));
        assert!(skipped);
        assert_eq!(crate::time::rfc3339_string(&at), "2026-03-29T02:30:00+01:00");
    }

    #[test]
    fn long_lines_are_cut_and_the_rest_skipped() {
        let input = format!("{}\nnext\n", "x".repeat(100));
        let mut reader = std::io::BufReader::with_capacity(16, input.as_bytes());
        let mut line = Vec::new();
        assert_eq!(read_bounded_line(&mut reader, &mut line, 10).unwrap(), Some(true));
        assert_eq!(line, b"xxxxxxxxxx");
        assert_eq!(read_bounded_line(&mut reader, &mut line, 10).unwrap(), Some(false));
        assert_eq!(line, b"next");
        assert_eq!(read_bounded_line(&mut reader, &mut line, 10).unwrap(), None);
    }

    #[test]
    fn invalid_utf8_is_replaced_but_a_character_cut_at_the_limit_is_not_invalid() {
        assert_eq!(decode(b"caf\xe9", false), (Cow::Owned("caf\u{FFFD}".to_string()), true));
        assert_eq!(decode("café".as_bytes()[..4].as_ref(), true), (Cow::Borrowed("caf"), false));
    }
}
