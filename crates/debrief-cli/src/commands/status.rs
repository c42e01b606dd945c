//! `debrief status`: publishes waiting to be pushed, and open incidents.

use std::process::ExitCode;

use debrief_core::publish::{PUBLISHING_ELSEWHERE, Queued};
use debrief_core::workspace::StatusReport;
use serde::Serialize;

use super::Context;
use crate::output::{DIM, DataFormat, print_json};

/// Show open incidents and publishes waiting to be pushed
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief status\n  debrief status --format json | jq '.queued | length'")]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

#[derive(Serialize)]
struct Report {
    open_incidents: Vec<String>,
    queued: Vec<Queued>,
    /// Each live incident with how many of this laptop's lines the others have not had yet.
    not_shared: std::collections::BTreeMap<String, usize>,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let StatusReport { open_incidents, queued, publishing_elsewhere, unshared } =
        context.workspace_for_reading()?.status()?;
    if publishing_elsewhere {
        eprintln!("Note: {PUBLISHING_ELSEWHERE}.");
    }
    let not_shared = unshared.into_iter().collect();
    let report = Report { open_incidents, queued, not_shared };
    match args.format {
        DataFormat::Json => print_json(&report)?,
        DataFormat::Text => {
            match report.open_incidents.as_slice() {
                [] => println!("No open incidents."),
                open => println!("Open incidents: {}", open.join(", ")),
            }
            if report.queued.is_empty() {
                println!("Nothing waits to be pushed.");
            } else {
                println!("Waiting to be pushed (`debrief publish --retry`):");
                for queued in &report.queued {
                    anstream::println!(
                        "  {}  {}  {DIM}{} → {}{DIM:#}",
                        queued.committed_at,
                        queued.summary,
                        &queued.commit[..queued.commit.len().min(10)],
                        queued.branch
                    );
                }
            }
            for (incident, count) in &report.not_shared {
                match count {
                    0 => println!("Live {incident}: every line of this laptop is shared."),
                    1 => println!("Live {incident}: 1 line not shared yet."),
                    count => println!("Live {incident}: {count} lines not shared yet."),
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
