//! `debrief edit`: correct a line's text or time; the old value stays in its history.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::{EntryChange, time};

use super::{CaptureIncidentArg, Context, parse_time, say_if_start_moved, share_now};
use crate::output::{DataFormat, print_json};

/// Correct a timeline entry's text or time, keeping the old value in its history
///
/// A detected, mitigated or resolved mark moved before the incident's start moves the start back
/// to it, and says so: an incident cannot be detected before it began. The earlier start stays in
/// the incident's history.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief edit 3 --at 14:02\n  debrief edit '#7' --text \"Restarted the pool on db-2, not db-1\""
)]
pub struct Args {
    /// The entry number, as `debrief timeline` shows it (3 or #3)
    #[arg(value_name = "ENTRY_ID", value_parser = parse_entry_number)]
    entry: i64,

    #[command(flatten)]
    incident: CaptureIncidentArg,

    /// The corrected text
    #[arg(long)]
    text: Option<String>,

    /// The corrected time
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    at: Option<DateTime<FixedOffset>>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn parse_entry_number(text: &str) -> Result<i64, String> {
    text.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|number| *number > 0)
        .ok_or_else(|| format!("`{text}` is not an entry number such as 3 or #3"))
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let saved = workspace.correct_entry(&incident, args.entry, EntryChange { text: args.text, at: args.at })?;
    let entry = &saved.entry;
    let json = matches!(args.format, DataFormat::Json);
    match args.format {
        DataFormat::Json => print_json(entry)?,
        DataFormat::Text => {
            println!("corrected #{}: {} {}", entry.id, time::display(&entry.at), entry.text);
            let earlier = entry.history.len();
            println!("  its history keeps {earlier} earlier value{}", if earlier == 1 { "" } else { "s" });
        }
    }
    say_if_start_moved(&saved, json);
    share_now(&workspace, &incident);
    Ok(ExitCode::SUCCESS)
}
