//! `debrief log`: append one line to a timeline; acknowledged only once it is on disk.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use debrief_core::store::MAX_ENTRY_BYTES;
use debrief_core::{Entry, EntryKind, NewEntry};

use super::{CaptureIncidentArg, Context, parse_time, parse_value, share_now};
use crate::output::{DIM, DataFormat, print_json};

/// Append a line to an incident's timeline
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief log Error rate at 40% on checkout\n  debrief log --who alice --kind action Restarted the pool\n  debrief log --at 14:02 --kind observation \"Alert fired: p99 > 2s\"\n  pbpaste | debrief log --kind communication -"
)]
pub struct Args {
    #[command(flatten)]
    incident: CaptureIncidentArg,

    /// When it happened [default: now]
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    at: Option<DateTime<FixedOffset>>,

    /// Who did or said it
    #[arg(long, short, value_name = "NAME")]
    who: Option<String>,

    /// note, action, decision, observation, communication or change
    #[arg(long, short, default_value = "note", value_parser = parse_value::<EntryKind>)]
    kind: EntryKind,

    /// What happened; `-` reads it from standard input
    #[arg(required = true, value_name = "TEXT")]
    text: Vec<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let text = match args.text.as_slice() {
        [dash] if dash == "-" => read_stdin()?,
        words => words.join(" "),
    };
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let saved = workspace
        .add_entry(&incident, NewEntry { at: args.at, who: args.who, kind: args.kind, text, source: "cli".into() })?;
    let entry = &saved.entry;
    match args.format {
        DataFormat::Text => print_ack(entry),
        DataFormat::Json => print_json(entry)?,
    }
    share_now(&workspace, &incident);
    Ok(ExitCode::SUCCESS)
}

pub fn print_ack(entry: &Entry) {
    anstream::println!(
        "saved #{} at {} {DIM}in {}{DIM:#}",
        entry.id,
        debrief_core::time::display(&entry.at),
        entry.incident
    );
}

/// Reads at most one byte more than a line may hold, so a huge paste is refused without filling memory.
fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_ENTRY_BYTES + 1).unwrap_or(u64::MAX);
    std::io::stdin().lock().take(limit).read_to_end(&mut bytes).context("cannot read standard input")?;
    if bytes.len() > MAX_ENTRY_BYTES {
        bail!(
            "standard input is larger than the {MAX_ENTRY_BYTES}-byte limit for one line; nothing was stored; split it into several lines"
        );
    }
    String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "standard input is not valid UTF-8 (byte {}); nothing was stored; convert it to UTF-8 first, e.g. with iconv",
            error.utf8_error().valid_up_to()
        )
    })
}
