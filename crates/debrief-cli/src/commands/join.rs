//! `debrief join`: take part in a live incident started on another laptop.

use std::process::ExitCode;

use debrief_core::workspace::LiveRound;

use super::Context;
use crate::output::{DIM, DataFormat, print_json};

/// Join a live incident started by another responder, or list those there are
///
/// Its timeline comes to this laptop, and the lines you type go to the others, through the
/// shared repository; capture never waits for it.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief join                                  # the live incidents\n  debrief join 2026-11-23-checkout-latency\n  debrief capture                               # then type; the others see your lines"
)]
pub struct Args {
    /// The incident's id [default: list the live incidents]
    #[arg(value_name = "ID")]
    incident: Option<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let Some(incident) = args.incident else {
        list_joinable(&workspace, args.format)?;
        return Ok(ExitCode::SUCCESS);
    };
    crate::progress::show_on_terminal(matches!(args.format, DataFormat::Json));
    let joined = workspace.join(&incident);
    debrief_core::progress::finish();
    let (round, not_shared) = match joined?.first_round {
        Ok(round) => (round, None),
        // Joined all the same: the others' lines that came in are kept, and what this laptop
        // could not send waits here for the next round.
        Err(error) => {
            tracing::warn!(%error, "the first round of sharing after joining failed");
            let status = workspace.live_status(&incident)?;
            let round = LiveRound {
                incident: incident.clone(),
                unshared: status.unshared,
                responders: status.responders,
                ..LiveRound::default()
            };
            (round, Some(error))
        }
    };
    match args.format {
        // The round, and why this laptop's lines did not go out when the first round failed.
        DataFormat::Json => {
            let mut shown = serde_json::to_value(&round)?;
            if let (Some(error), Some(fields)) = (&not_shared, shown.as_object_mut()) {
                fields.insert("not_shared".into(), error.to_string().into());
            }
            print_json(&shown)?
        }
        DataFormat::Text if not_shared.is_some() => println!("Joined {incident}: `debrief timeline` shows its lines."),
        DataFormat::Text => {
            let lines = round.received_lines;
            println!("Joined {incident}: {lines} line{} from the others.", if lines == 1 { "" } else { "s" });
        }
    }
    let names: Vec<&str> = round.responders.iter().map(|responder| responder.name.as_str()).collect();
    if matches!(args.format, DataFormat::Text) && !names.is_empty() {
        anstream::println!("{DIM}with {}{DIM:#}", names.join(", "));
    }
    if let Some(error) = not_shared {
        anstream::eprintln!(
            "This laptop's lines are not shared yet: {error}\n{DIM}They are kept here and go out with the first \
             round that works (`debrief log`, `debrief capture` or `debrief sync` runs one).{DIM:#}"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The live incidents started on other laptops that this one can join, with what tells them
/// apart at a glance (title, start, commander, who writes), and those live here already.
fn list_joinable(workspace: &debrief_core::Workspace, format: DataFormat) -> anyhow::Result<()> {
    let joinable = workspace.joinable_incidents()?;
    if !joinable.shared_repository {
        anyhow::bail!(
            "no shared repository is set, so there is no live incident to join; set the team's with `debrief remote \
             set URL`"
        );
    }
    if let Some(reason) = &joinable.unreachable {
        anyhow::bail!("the shared repository cannot be reached to list its live incidents: {reason}");
    }
    if matches!(format, DataFormat::Json) {
        return print_json(&joinable.incidents);
    }
    if joinable.incidents.is_empty() {
        println!("No live incident to join on the shared repository.");
    }
    for live in &joinable.incidents {
        let started = chrono::DateTime::parse_from_rfc3339(&live.started_at)
            .map(|at| debrief_core::time::display(&at))
            .unwrap_or_else(|_| live.started_at.clone());
        let commander = live.commander.as_deref().map(|name| format!("  commander {name}")).unwrap_or_default();
        anstream::println!(
            "{}  {}  {DIM}started {started}{commander}  with {}{DIM:#}",
            live.id,
            live.title,
            live.responders.join(", ")
        );
    }
    let here = workspace.live_incidents()?;
    if !here.is_empty() {
        anstream::println!("{DIM}Live here already: {}{DIM:#}", here.join(", "));
    }
    Ok(())
}
