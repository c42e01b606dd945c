//! `debrief similar`: the past post-mortems most like an incident, why each matched, and the
//! action items earlier incidents on the same services left open.

use std::process::ExitCode;

use debrief_core::index::SeenBefore;

use super::{Context, IncidentArg};
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// Past post-mortems like this incident, and open action items on its services (from the last `debrief sync`)
///
/// Post-mortems are alike when they concern the same services and their titles, timelines and
/// contributing factors share words few post-mortems use; each match says why it matched.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief similar\n  debrief similar 2026-11-23-checkout-latency\n  debrief similar 2024-06-01-dns-outage --limit 10   # a published post-mortem's id\n  debrief similar --format json | jq -r '.matches[].why'"
)]
pub struct Args {
    /// An incident on this laptop, or a published post-mortem's id or path [default: as --incident]
    #[arg(value_name = "ID", conflicts_with = "incident")]
    id: Option<String>,

    #[command(flatten)]
    incident: IncidentArg,

    /// How many post-mortems to list at most
    #[arg(long, default_value_t = 5)]
    limit: usize,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let id = match args.id {
        Some(id) => id,
        None => args.incident.target(&workspace)?.id,
    };
    let today = chrono::Local::now().date_naive();
    let seen = workspace.seen_before(&id, args.limit.max(1), today)?;
    match args.format {
        DataFormat::Json => print_json(&seen)?,
        DataFormat::Text => print_text(&seen),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(seen: &SeenBefore) {
    if seen.indexed == 0 {
        println!("The index is empty: run `debrief sync` to index the shared repository, then ask again.");
        return;
    }
    let services = match seen.services.as_slice() {
        [] => String::new(),
        services => format!(" on {}", services.join(", ")),
    };
    anstream::println!("{BOLD}Seen before{BOLD:#} {}{services}", seen.title);
    if seen.matches.is_empty() {
        println!("  No other post-mortem shares its services or its telling words.");
    }
    for found in &seen.matches {
        anstream::println!(
            "  {}  {:<4}  {BOLD}{}{BOLD:#}  {DIM}{}{DIM:#}",
            found.date.as_deref().unwrap_or("????-??-??"),
            found.severity.as_deref().unwrap_or("-"),
            found.title,
            found.path
        );
        println!("      {}", found.why);
    }
    if seen.services.is_empty() {
        println!(
            "\nIt names no services, so there are no open action items of earlier incidents on them to show \
             (`debrief set --service NAME` names them for an incident on this laptop)."
        );
        return;
    }
    println!();
    if seen.open_items.is_empty() {
        println!("No action item of an earlier incident{services} is still open.");
        return;
    }
    anstream::println!("{BOLD}Still open from earlier incidents{services}{BOLD:#}");
    for item in &seen.open_items {
        let owner = item.owner.as_deref().map(|owner| format!(" ({owner})")).unwrap_or_default();
        let overdue = if item.overdue { "overdue  " } else { "" };
        anstream::println!("  {BOLD}{overdue}{BOLD:#}{}{owner}", item.text);
        anstream::println!("      {DIM}{}{DIM:#}", item.why);
    }
}
