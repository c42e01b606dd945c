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
    /// Only incidents that are not resolved
    #[arg(long)]
    open: bool,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let mut incidents = context.workspace_for_reading()?.incidents()?;
    if args.open {
        incidents.retain(|incident| incident.status != Status::Resolved);
    }
    match args.format {
        DataFormat::Json => print_json(&incidents)?,
        DataFormat::Text if incidents.is_empty() => {
            println!("No incidents yet. Start one with `debrief new TITLE`.");
        }
        DataFormat::Text => {
            let id_width = incidents.iter().map(|incident| incident.id.len()).max().unwrap_or(0);
            for incident in &incidents {
                let style = status_style(incident.status);
                anstream::println!(
                    "{:<id_width$}  {style}{:<9}{style:#}  {:<4}  {DIM}{}{DIM:#}  {}",
                    incident.id,
                    incident.status.as_str(),
                    incident.severity.map(|severity| severity.as_str()).unwrap_or("-"),
                    time::display(&incident.started_at),
                    incident.title,
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
