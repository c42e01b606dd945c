//! `debrief link`: tickets, chat logs and customer forum posts about an incident.

use std::process::ExitCode;

use debrief_core::{IncidentUpdate, LinkKind};

use super::{Context, IncidentArg};
use crate::output::{DataFormat, print_json};

/// Link tickets, chat logs and customer forum posts to an incident
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief link --ticket https://tracker.example.com/INC-123\n  debrief link --chat https://chat.example.com/archives/C024/p1700000000 --forum https://status.example.com/incidents/42\n  debrief link --remove https://tracker.example.com/INC-123\n\nA chat excerpt can be kept on the timeline itself: `debrief log --kind communication - < excerpt.txt`."
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    /// A ticket URL or reference (repeat for several)
    #[arg(long, value_name = "URL")]
    ticket: Vec<String>,

    /// A chat log or channel archive
    #[arg(long, value_name = "URL")]
    chat: Vec<String>,

    /// A customer forum or status page post
    #[arg(long, value_name = "URL")]
    forum: Vec<String>,

    /// Remove a link
    #[arg(long, value_name = "URL")]
    remove: Vec<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if args.ticket.is_empty() && args.chat.is_empty() && args.forum.is_empty() && args.remove.is_empty() {
        anyhow::bail!("nothing to link: give --ticket, --chat, --forum or --remove");
    }
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let add_links = [(LinkKind::Ticket, args.ticket), (LinkKind::Chat, args.chat), (LinkKind::Forum, args.forum)]
        .into_iter()
        .flat_map(|(kind, targets)| targets.into_iter().map(move |target| (kind, target)))
        .collect();
    let updated = workspace
        .update_incident(&incident, IncidentUpdate { add_links, remove_links: args.remove, ..Default::default() })?;
    match args.format {
        DataFormat::Json => print_json(&updated)?,
        DataFormat::Text => {
            let count = updated.tickets.len() + updated.chat_logs.len() + updated.forum_links.len();
            println!("{} now has {count} link{}", updated.id, if count == 1 { "" } else { "s" });
        }
    }
    Ok(ExitCode::SUCCESS)
}
