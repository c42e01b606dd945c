//! `debrief import slack`: one channel of a Slack workspace export.

use std::path::PathBuf;

use debrief_core::import::ImportReport;
use debrief_core::import::Zone;
use debrief_core::import::slack::SlackOptions;

use super::{Common, Report, Window};
use crate::commands::{Context, parse_value};
use crate::output::DataFormat;

/// Import a channel from a Slack export (a directory or a .zip)
///
/// Messages become notes at their original time, named after their authors; threads, edits,
/// files and bots are kept, joins and leaves are counted, Slack's markup becomes Markdown.
/// Without --from and --to, messages from 2 h before the incident's start to 1 h after its
/// resolution (or now) are taken.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import slack acme-export.zip --channel incident-42\n  debrief import slack ./export --channel ops --from 13:00 --to 16:30 --dry-run"
)]
pub struct Args {
    /// The export: a directory with users.json and channels.json, or the .zip Slack gives
    #[arg(value_name = "PATH")]
    export: PathBuf,

    /// The channel's name or id
    #[arg(long, value_name = "NAME")]
    channel: String,

    #[command(flatten)]
    window: Window,

    /// The zone to show times in: an IANA zone (Europe/Berlin) or an offset (+01:00)
    #[arg(long, value_name = "ZONE", default_value = "local", value_parser = parse_value::<Zone>)]
    zone: Zone,

    #[command(flatten)]
    common: Common,

    #[command(flatten)]
    pub(super) report: Report,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<(ImportReport, DataFormat)> {
    let (workspace, incident) = args.common.target(context)?;
    let options = SlackOptions {
        channel: args.channel,
        zone: args.zone,
        from: args.window.from,
        to: args.window.to,
        dry_run: args.common.dry_run,
    };
    Ok((workspace.import_slack(&incident, &args.export, &options)?, args.report.format))
}
