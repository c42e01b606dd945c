//! `debrief actions`: action items across every post-mortem in the shared repository, one per
//! line or rolled up per owner (`--by owner`: open, overdue, and the oldest overdue item with
//! its post-mortem).

use std::process::ExitCode;

use debrief_core::index::{ActionFilter, IndexedAction, OwnerRollup};

use super::Context;
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// List action items across all post-mortems (from the last `debrief sync`)
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief actions --open\n  debrief actions --overdue --owner carol\n  debrief actions --overdue --by owner\n  debrief actions --format json | jq 'map(select(.overdue)) | length'"
)]
pub struct Args {
    /// Only items still open (neither done nor won't-do)
    #[arg(long)]
    open: bool,

    /// Only open items past their due date
    #[arg(long)]
    overdue: bool,

    #[arg(long, value_name = "NAME")]
    owner: Option<String>,

    /// Roll the open items up: per owner, how many are open and overdue, and the oldest overdue
    #[arg(long, value_enum, value_name = "WHAT")]
    by: Option<RollUp>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RollUp {
    /// One line per owner; items nobody owns count together
    Owner,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let filter = ActionFilter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner,
        today: chrono::Local::now().date_naive(),
    };
    let workspace = context.workspace()?;
    if let Some(RollUp::Owner) = args.by {
        let rolled = workspace.owner_rollup(&filter)?;
        match args.format {
            DataFormat::Json => print_json(&rolled)?,
            DataFormat::Text => print_rollup(&rolled, filter.overdue),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let actions = workspace.indexed_actions(&filter)?;
    match args.format {
        DataFormat::Json => print_json(&actions)?,
        DataFormat::Text if actions.is_empty() => println!("No action items match."),
        DataFormat::Text => {
            for action in &actions {
                let status = if action.overdue { "overdue" } else { action.status.as_str() };
                let style = if action.overdue { BOLD } else { anstyle::Style::new() };
                let reason = action
                    .reason
                    .as_deref()
                    .map(|reason| format!("  {DIM}won't do: {reason}{DIM:#}"))
                    .unwrap_or_default();
                anstream::println!(
                    "{style}{status:<7}{style:#}  {:<10}  {:<10}  {}  {DIM}{} #{}{DIM:#}{reason}",
                    action.due.as_deref().unwrap_or("no date"),
                    action.owner.as_deref().unwrap_or("no owner"),
                    action.text,
                    action.incident,
                    action.number
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A table of owners, the most overdue first, and the totals under it.
fn print_rollup(rolled: &[OwnerRollup], only_overdue: bool) {
    if rolled.is_empty() {
        println!("{}", if only_overdue { "No action item is overdue." } else { "No action item is open." });
        return;
    }
    let name = |rollup: &OwnerRollup| rollup.owner.clone().unwrap_or_else(|| "(no owner)".into());
    let width = rolled.iter().map(|rollup| name(rollup).chars().count()).max().unwrap_or(0).max("Owner".len());
    anstream::println!("{BOLD}{:<width$}  {:>5}  {:>7}  Oldest overdue{BOLD:#}", "Owner", "Open", "Overdue");
    for rollup in rolled {
        let style = if rollup.overdue > 0 { BOLD } else { anstyle::Style::new() };
        let oldest = match (&rollup.oldest_overdue, rollup.days_overdue) {
            (Some(action), Some(days)) => oldest(action, days),
            _ => format!("{DIM}none{DIM:#}"),
        };
        anstream::println!(
            "{:<width$}  {:>5}  {style}{:>7}{style:#}  {oldest}",
            name(rollup),
            rollup.open,
            rollup.overdue
        );
    }
    let open: usize = rolled.iter().map(|rollup| rollup.open).sum();
    let overdue: usize = rolled.iter().map(|rollup| rollup.overdue).sum();
    anstream::println!(
        "{DIM}{} owner{}, {open} open, {overdue} overdue{DIM:#}",
        rolled.len(),
        if rolled.len() == 1 { "" } else { "s" }
    );
}

/// `244 days late: Alert on pool saturation (2026-03-02-checkout #1, due 2026-04-01)`.
fn oldest(action: &IndexedAction, days: i64) -> String {
    format!(
        "{days} day{} late: {} {DIM}({} #{}, due {}){DIM:#}",
        if days == 1 { "" } else { "s" },
        action.text,
        action.incident,
        action.number,
        action.due.as_deref().unwrap_or_default()
    )
}
