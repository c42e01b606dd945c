//! `debrief mark`: record when the incident was detected, mitigated or resolved.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::model::elapsed;
use debrief_core::{KeyTime, NewEntry, time};

use super::{CaptureIncidentArg, Context, parse_time, say_if_start_moved, share_now};
use crate::output::{DIM, DataFormat, print_json};

#[derive(Clone, Copy, clap::ValueEnum)]
enum Mark {
    Detected,
    Mitigated,
    Resolved,
}

impl From<Mark> for KeyTime {
    fn from(mark: Mark) -> KeyTime {
        match mark {
            Mark::Detected => KeyTime::Detected,
            Mark::Mitigated => KeyTime::Mitigated,
            Mark::Resolved => KeyTime::Resolved,
        }
    }
}

/// Mark a key time: detected, mitigated or resolved
///
/// The incident's detected and mitigated times are its first mark of each kind, its resolved
/// time the last one; correct a mark's time with `debrief edit`.
///
/// A mark before the incident's start moves the start back to it, and says so: an incident
/// cannot be detected, mitigated or resolved before it began, and the start typed when the
/// incident was opened is the guess. The earlier start stays in the incident's history
/// (`debrief timeline` shows it). A mark whose time was the mistake is corrected with
/// `debrief edit`; the start then stays where it is until `debrief set --started` moves it.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief mark detected --at 14:02\n  debrief mark mitigated Traffic shifted to eu-west\n  debrief mark resolved --incident 2026-11-23-checkout-latency"
)]
pub struct Args {
    #[arg(value_enum)]
    mark: Mark,

    /// A note to keep with the mark
    #[arg(value_name = "NOTE")]
    note: Vec<String>,

    #[command(flatten)]
    incident: CaptureIncidentArg,

    /// When it happened [default: now]
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    at: Option<DateTime<FixedOffset>>,

    /// Who made the call
    #[arg(long, short, value_name = "NAME")]
    who: Option<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let key = KeyTime::from(args.mark);
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let saved = workspace.add_entry(
        &incident,
        NewEntry {
            at: args.at,
            who: args.who,
            kind: key.entry_kind(),
            text: args.note.join(" "),
            source: "cli".into(),
        },
    )?;
    let (entry, current) = (&saved.entry, &saved.after);
    match args.format {
        DataFormat::Json => print_json(entry)?,
        DataFormat::Text => {
            anstream::println!(
                "{} at {} ({} after the start) {DIM}saved #{} in {}{DIM:#}",
                key.as_str(),
                time::display(&entry.at),
                time::display_duration(elapsed(current.started_at, entry.at)),
                entry.id,
                incident
            );
            if let Some(kept) = current.key_time(key).filter(|kept| *kept != entry.at) {
                let counts = if key == KeyTime::Resolved { "the last" } else { "the first" };
                println!("the incident's {} time stays {}: {counts} mark counts", key.as_str(), time::display(&kept));
            }
        }
    }
    say_if_start_moved(&saved, matches!(args.format, DataFormat::Json));
    share_now(&workspace, &incident);
    Ok(ExitCode::SUCCESS)
}
