//! `debrief mark`: record when the incident was detected, mitigated or resolved.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::{KeyTime, NewEntry, time};

use super::{Context, IncidentArg, parse_time};
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
    incident: IncidentArg,

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
    let mut store = context.open_store()?;
    let incident = args.incident.target(&store)?;
    let entry = store.append(
        &incident,
        NewEntry {
            at: args.at,
            who: args.who,
            kind: key.entry_kind(),
            text: args.note.join(" "),
            source: "cli".into(),
        },
    )?;
    match args.format {
        DataFormat::Json => print_json(&entry)?,
        DataFormat::Text => {
            let current = store.incident(&incident)?;
            anstream::println!(
                "{} at {} ({} after the start) {DIM}saved #{} in {}{DIM:#}",
                key.as_str(),
                time::display(&entry.at),
                time::display_duration(entry.at - current.started_at),
                entry.id,
                incident
            );
            if let Some(kept) = current.key_time(key).filter(|kept| *kept != entry.at) {
                println!("the incident's {} time stays {}: an earlier mark counts", key.as_str(), time::display(&kept));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
