//! `debrief actions`: action items across every post-mortem in the shared repository.

use std::process::ExitCode;

use debrief_core::index::ActionFilter;

use super::Context;
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// List action items across all post-mortems (from the last `debrief sync`)
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief actions --open\n  debrief actions --overdue --owner carol\n  debrief actions --format json | jq 'map(select(.overdue)) | length'"
)]
pub struct Args {
    /// Only items not done yet
    #[arg(long)]
    open: bool,

    /// Only open items past their due date
    #[arg(long)]
    overdue: bool,

    #[arg(long, value_name = "NAME")]
    owner: Option<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let filter = ActionFilter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner,
        today: chrono::Local::now().date_naive(),
    };
    let actions = context.workspace()?.indexed_actions(&filter)?;
    match args.format {
        DataFormat::Json => print_json(&actions)?,
        DataFormat::Text if actions.is_empty() => println!("No action items match."),
        DataFormat::Text => {
            for action in &actions {
                let status = if action.overdue { "overdue" } else { action.status.as_str() };
                let style = if action.overdue { BOLD } else { anstyle::Style::new() };
                anstream::println!(
                    "{style}{status:<7}{style:#}  {:<10}  {:<10}  {}  {DIM}{} #{}{DIM:#}",
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
