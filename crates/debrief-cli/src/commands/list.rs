//! `debrief list`: every incident, most recent first.

use std::process::ExitCode;

use debrief_core::{Status, time};

use super::Context;
use crate::output::{DIM, DataFormat, print_json, status_style};

/// List incidents, most recently started first
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief list\n  debrief list --open\n  debrief list --format json | jq -r '.[0].id'"
)]
pub struct Args {
    /// Only incidents that are not resolved (imported write-ups that never say when they ended
    /// are past incidents, and left out)
    #[arg(long)]
    open: bool,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let mut incidents = context.workspace_for_reading()?.incidents()?;
    if args.open {
        incidents.retain(|incident| incident.status != Status::Resolved && !incident.written_up);
    }
    match args.format {
        DataFormat::Json => print_json(&incidents)?,
        DataFormat::Text if incidents.is_empty() && args.open => println!("No open incidents."),
        DataFormat::Text if incidents.is_empty() => {
            println!("No incidents yet. Start one with `debrief new TITLE`.");
        }
        DataFormat::Text => {
            let id_width = incidents.iter().map(|incident| incident.id.len()).max().unwrap_or(0);
            for incident in &incidents {
                // Read from a write-up that never says when it ended: a past incident, not open.
                let imported = incident.written_up && incident.status != Status::Resolved;
                let (style, status) = match imported {
                    true => (DIM, "imported"),
                    false => (status_style(incident.status), incident.status.as_str()),
                };
                anstream::println!(
                    "{:<id_width$}  {style}{:<9}{style:#}  {:<4}  {DIM}{}{DIM:#}  {}",
                    incident.id,
                    status,
                    incident.severity.map(|severity| severity.as_str()).unwrap_or("-"),
                    time::display(&incident.started_at),
                    incident.title,
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
