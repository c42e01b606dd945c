//! `debrief action`: countermeasures with an owner, a due date, a type and a ticket.

use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use debrief_core::{ActionChange, ActionItem, ActionStatus, ActionType, NewActionItem};

use super::{Context, IncidentArg, parse_value};
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// Track action items: add, list, change, mark done
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: ActionCommand,
}

#[derive(clap::Subcommand)]
enum ActionCommand {
    /// Add an action item
    #[command(
        after_help = "Examples:\n  debrief action add --owner carol --due 2026-12-15 --type detective Alert on connection pool saturation\n  debrief action add --type preventive --due +2w --ticket INC-42 Cap retries in the checkout client"
    )]
    Add {
        #[command(flatten)]
        fields: Fields,
        /// What will be done
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
    /// List action items
    #[command(after_help = "Examples:\n  debrief action list\n  debrief action list --all --open --format json")]
    List {
        #[command(flatten)]
        incident: IncidentArg,
        /// Every incident's action items
        #[arg(long, conflicts_with = "incident")]
        all: bool,
        /// Only items not done yet
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// Change an action item's text, owner, due date, type or ticket
    #[command(after_help = "Examples:\n  debrief action set 2 --owner dave --due 2027-01-10")]
    Set {
        /// The item's number, as `debrief action list` shows it
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        fields: Fields,
        #[arg(long)]
        text: Option<String>,
        /// open or done
        #[arg(long, value_parser = parse_value::<ActionStatus>)]
        status: Option<ActionStatus>,
    },
    /// Mark an action item done
    #[command(after_help = "Examples:\n  debrief action done 2")]
    Done {
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        incident: IncidentArg,
    },
}

#[derive(clap::Args)]
struct Fields {
    #[command(flatten)]
    incident: IncidentArg,
    /// Who will see it through
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,
    /// By when: YYYY-MM-DD, or +10d / +2w from today
    #[arg(long, value_name = "DATE", value_parser = parse_due, allow_hyphen_values = true)]
    due: Option<NaiveDate>,
    /// detective, preventive, corrective or learning
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_value::<ActionType>)]
    kind: Option<ActionType>,
    /// A ticket URL or reference
    #[arg(long, value_name = "URL")]
    ticket: Option<String>,
}

/// `--due`: a date, or days and weeks from today on the local clock.
fn parse_due(text: &str) -> Result<NaiveDate, String> {
    debrief_core::time::parse_due(text, Local::now().date_naive()).map_err(|error| error.to_string())
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    match args.command {
        ActionCommand::Add { fields, text } => {
            let incident = fields.incident.target(&workspace)?.id;
            let item = workspace.add_action_item(
                &incident,
                NewActionItem {
                    text: text.join(" "),
                    owner: fields.owner,
                    due: fields.due,
                    kind: fields.kind,
                    ticket: fields.ticket,
                },
            )?;
            println!("added action item #{} to {}", item.id, item.incident);
            if let Some(missing) = item.missing() {
                anstream::eprintln!("{DIM}it still needs {missing}{DIM:#}");
            }
        }
        ActionCommand::List { incident, all, open, format } => {
            let incident = if all { None } else { Some(incident.target(&workspace)?.id) };
            let mut items = workspace.action_items(incident.as_deref())?;
            if open {
                items.retain(|item| item.status == ActionStatus::Open);
            }
            match format {
                DataFormat::Json => print_json(&items)?,
                DataFormat::Text => print_items(&items, incident.is_none()),
            }
        }
        ActionCommand::Set { number, fields, text, status } => {
            let incident = fields.incident.target(&workspace)?.id;
            let change = ActionChange {
                text,
                owner: fields.owner,
                due: fields.due,
                kind: fields.kind,
                ticket: fields.ticket,
                status,
            };
            let item = workspace.update_action_item(&incident, number, change)?;
            println!("updated action item #{} of {}", item.id, item.incident);
        }
        ActionCommand::Done { number, incident } => {
            let incident = incident.target(&workspace)?.id;
            let change = ActionChange { status: Some(ActionStatus::Done), ..Default::default() };
            let item = workspace.update_action_item(&incident, number, change)?;
            println!("action item #{} of {} is done", item.id, item.incident);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_items(items: &[ActionItem], with_incident: bool) {
    if items.is_empty() {
        println!("No action items. Add one with `debrief action add --owner NAME --due DATE --type TYPE TEXT`.");
        return;
    }
    let today = Local::now().date_naive();
    for item in items {
        let overdue = item.is_overdue(today);
        let status = if overdue { "overdue" } else { item.status.as_str() };
        let style = if overdue { BOLD } else { anstyle::Style::new() };
        let incident = if with_incident { format!("{} ", item.incident) } else { String::new() };
        anstream::println!(
            "{DIM}{incident}#{}{DIM:#}  {style}{status:<7}{style:#}  {:<10}  {:<10}  {:<11}  {}{}",
            item.id,
            item.due.map(|due| due.to_string()).unwrap_or_else(|| "no date".into()),
            item.owner.as_deref().unwrap_or("no owner"),
            item.kind.map(|kind| kind.as_str()).unwrap_or("no type"),
            item.text,
            item.ticket.as_deref().map(|ticket| format!("  {DIM}{ticket}{DIM:#}")).unwrap_or_default(),
        );
    }
}
