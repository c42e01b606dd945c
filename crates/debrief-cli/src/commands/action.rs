//! `debrief action`: countermeasures with an owner, a due date, a type and a ticket, done or
//! closed as won't-do with the reason why. An item added without a due date takes the one the
//! team's follow-up policy gives the incident's severity, and says so.

use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use debrief_core::policy::DueByPolicy;
use debrief_core::workspace::AddedActionItem;
use debrief_core::{ActionChange, ActionItem, ActionStatus, ActionType, NewActionItem};

use super::{Context, IncidentArg, parse_value};
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// Track action items: add, list, change, mark done or won't-do
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: ActionCommand,
}

#[derive(clap::Subcommand)]
enum ActionCommand {
    /// Add an action item; without --due it is due when the team's policy says for the incident's severity
    #[command(
        after_help = "Examples:\n  debrief action add --owner carol --due 2026-12-15 --type detective Alert on connection pool saturation\n  debrief action add --type preventive --due +2w --ticket INC-42 Cap retries in the checkout client\n  debrief action add --owner dave --type corrective Rotate the leaked key   # due by the policy\n\nDefault due dates by severity come from .debrief/policy.toml in the shared repository\n(`debrief lint --print-policy` shows Debrief's defaults)."
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
        /// Only items still open (neither done nor won't-do)
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// Change an action item's text, owner, due date, type, ticket or status
    #[command(
        after_help = "Examples:\n  debrief action set 2 --owner dave --due 2027-01-10\n  debrief action set 3 --status open    # reopen a done or won't-do item"
    )]
    Set {
        /// The item's number, as `debrief action list` shows it
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        fields: Fields,
        #[arg(long)]
        text: Option<String>,
        /// open, done or wont-do (wont-do needs --reason)
        #[arg(long, value_parser = parse_value::<ActionStatus>)]
        status: Option<ActionStatus>,
        /// Why a won't-do item will not be done
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Mark an action item done
    #[command(after_help = "Examples:\n  debrief action done 2")]
    Done {
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        incident: IncidentArg,
    },
    /// Close an action item without doing it, saying why (published with the post-mortem)
    #[command(
        visible_alias = "wont-do",
        after_help = "Examples:\n  debrief action wont 3 --reason \"superseded by #5: the queue is being replaced\"\n  debrief action set 3 --status open    # reopen it"
    )]
    Wont {
        #[arg(value_name = "NUMBER")]
        number: i64,
        /// Why it will not be done, in a line: readers of the post-mortem see it
        #[arg(long, value_name = "TEXT", required = true)]
        reason: String,
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
            let added = workspace.add_action_item(
                &incident,
                NewActionItem {
                    text: text.join(" "),
                    owner: fields.owner,
                    due: fields.due,
                    kind: fields.kind,
                    ticket: fields.ticket,
                },
                Local::now().date_naive(),
            )?;
            print_added(&added);
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
        ActionCommand::Set { number, fields, text, status, reason } => {
            let incident = fields.incident.target(&workspace)?.id;
            let change = ActionChange {
                text,
                owner: fields.owner,
                due: fields.due,
                kind: fields.kind,
                ticket: fields.ticket,
                status,
                reason,
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
        ActionCommand::Wont { number, reason, incident } => {
            let incident = incident.target(&workspace)?.id;
            let change =
                ActionChange { status: Some(ActionStatus::WontDo), reason: Some(reason), ..Default::default() };
            let item = workspace.update_action_item(&incident, number, change)?;
            println!(
                "action item #{} of {} will not be done: {}",
                item.id,
                item.incident,
                item.reason.as_deref().unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The item added, where its due date came from when the policy gave it, and what it still lacks.
fn print_added(added: &AddedActionItem) {
    let item = &added.item;
    println!("added action item #{} to {}", item.id, item.incident);
    if let Some(problem) = &added.policy_problem {
        anstream::eprintln!(
            "warning: in the shared repository, {problem}. Debrief's default policy gave this due date"
        );
    }
    if let Some(due) = &added.due_by_policy {
        println!("due {}: {}; give --due to choose another date", due.due, explain_due(due));
    }
    if let Some(missing) = item.missing() {
        anstream::eprintln!("{DIM}it still needs {missing}{DIM:#}");
    }
}

/// `30 days for a SEV2 incident, by the team's policy (.debrief/policy.toml)`.
fn explain_due(due: &DueByPolicy) -> String {
    let days = format!("{} day{}", due.days, if due.days == 1 { "" } else { "s" });
    let whose = match &due.policy {
        Some(file) => format!("by the team's policy ({file})"),
        None => "by Debrief's default policy (a team sets its own in .debrief/policy.toml)".to_string(),
    };
    match due.severity {
        Some(severity) => format!("{days} for a {} incident, {whose}", severity.as_str()),
        None => format!(
            "{days}, the default for an incident without a severity, {whose}; `debrief set --severity` gives it one"
        ),
    }
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
        let reason =
            item.reason.as_deref().map(|reason| format!("  {DIM}won't do: {reason}{DIM:#}")).unwrap_or_default();
        let style = if overdue { BOLD } else { anstyle::Style::new() };
        let incident = if with_incident { format!("{} ", item.incident) } else { String::new() };
        anstream::println!(
            "{DIM}{incident}#{}{DIM:#}  {style}{status:<7}{style:#}  {:<10}  {:<10}  {:<11}  {}{}{reason}",
            item.id,
            item.due.map(|due| due.to_string()).unwrap_or_else(|| "no date".into()),
            item.owner.as_deref().unwrap_or("no owner"),
            item.kind.map(|kind| kind.as_str()).unwrap_or("no type"),
            item.text,
            item.ticket.as_deref().map(|ticket| format!("  {DIM}{ticket}{DIM:#}")).unwrap_or_default(),
        );
    }
}
