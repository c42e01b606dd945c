//! `debrief accept`: the commander accepts a key time another responder proposed.

use std::process::ExitCode;

use debrief_core::time;

use super::{CaptureIncidentArg, Context, share_now};
use crate::output::{DataFormat, print_json};

/// Accept a key time (detected, mitigated, resolved) another responder proposed
///
/// In a live incident with a commander, key times marked by anyone else arrive as proposals;
/// accepting one marks it as the commander's own, at its time, for everyone.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief timeline     # proposals say so, with their number\n  debrief accept 7")]
pub struct Args {
    #[command(flatten)]
    incident: CaptureIncidentArg,

    /// The proposal's entry number (as `debrief timeline` shows it)
    #[arg(value_name = "ENTRY", value_parser = super::edit::parse_entry_number)]
    entry: i64,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let entry = workspace.accept_proposal(&incident, args.entry)?;
    match args.format {
        DataFormat::Json => print_json(&entry)?,
        DataFormat::Text => {
            println!("{} at {} is a key time now (#{})", entry.kind.as_str(), time::display(&entry.at), entry.id)
        }
    }
    share_now(&workspace, &incident);
    Ok(ExitCode::SUCCESS)
}
