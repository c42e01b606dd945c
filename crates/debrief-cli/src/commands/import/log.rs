//! `debrief import log`: a chat log file, IRC clients' and others'.

use std::path::PathBuf;

use chrono::NaiveDate;
use debrief_core::import::chat_log::{LogFormat, LogOptions, UNDATED_NOTE};
use debrief_core::import::{ImportReport, Zone};

use super::Common;
use crate::commands::{Context, parse_value};
use crate::output::DataFormat;

/// Import a chat log: IRC (irssi, weechat, ...), plain `time name: text` lines, a text export
/// (DiscordChatExporter, Element, WhatsApp), or a conversation copied out of Slack's, Teams' or Discord's window
///
/// Times without a date are put on --date (else the incident's start day) and move to the next
/// day whenever a time is earlier than the one before it. Lines in no known format are kept as
/// continuations of the message before them and reported; joins and leaves are counted.
#[derive(clap::Args)]
#[command(
    after_help = "Line formats:\n  [14:02] <alice> text            14:02 <@alice> text (irssi)\n  2026-11-23 14:02:11<TAB>alice<TAB>text (weechat)\n  14:02 * alice does something    2026-11-23 14:02:11 alice: text\n  Copied out of a chat app: a heading above each message's lines\n  Alice Smith  10:42 AM (Slack)   [10:42 AM] Alice Smith (Teams)   Alice Smith — Today at 10:42 AM (Discord)\n  Exports: [11/23/2026 10:42 PM] alice (DiscordChatExporter)   11/23/2026, 10:42:13 PM - Alice: text (Element, WhatsApp)\n  JSON exports (DiscordChatExporter, Element, Telegram Desktop) are read as they are, each message at its instant\n\nExamples:\n  debrief import log ~/.weechat/logs/irc.libera.#ops.weechatlog\n  debrief import log irssi.log --date 2026-11-23 --zone America/New_York --output json\n  debrief import log - --format plain < notes.txt\n  pbpaste | debrief import log -          # a channel copied out of Slack"
)]
pub struct Args {
    /// The log file, or `-` for standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The log's line format: auto, irc or plain
    #[arg(long = "format", value_name = "FORMAT", default_value = "auto", value_parser = parse_value::<LogFormat>)]
    log_format: LogFormat,

    /// The day of the first line without a date (YYYY-MM-DD) [default: the incident's start day]
    #[arg(long, value_name = "DATE")]
    date: Option<NaiveDate>,

    /// The zone of the log's times: an IANA zone (Europe/Berlin) or an offset (+01:00)
    #[arg(long, value_name = "ZONE", default_value = "local", value_parser = parse_value::<Zone>)]
    zone: Zone,

    #[command(flatten)]
    common: Common,

    /// How the report is printed: text or json
    #[arg(long, value_enum, default_value_t)]
    pub(super) output: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<(ImportReport, DataFormat)> {
    let (workspace, incident) = args.common.target(context)?;
    let options =
        LogOptions { format: args.log_format, date: args.date, zone: args.zone, dry_run: args.common.dry_run };
    let mut report = if args.file.as_os_str() == "-" {
        workspace.import_chat_log_from(&incident, std::io::stdin().lock(), "stdin", "standard input", &options)?
    } else {
        workspace.import_chat_log(&incident, &args.file, &options)?
    };
    if args.date.is_none()
        && let Some(note) = report.notes.iter_mut().find(|note| note.starts_with(UNDATED_NOTE))
    {
        note.push_str("; --date sets the first day");
    }
    Ok((report, args.output))
}
