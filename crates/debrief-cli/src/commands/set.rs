//! `debrief set`: the facts a post-mortem records about an incident.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::{IncidentKind, IncidentUpdate, Participant, PostmortemStatus, Severity};

use super::{Context, IncidentArg, parse_time, parse_value};
use crate::output::{DataFormat, print_json};

/// Set an incident's facts: title, kind, severity, owner, services, tags, people
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief set --owner alice --service checkout --service payments --tag database\n  debrief set --kind scheduled --severity sev3\n  debrief set --participant carol=diagnosed --participant dave=affected\n  debrief set --status review"
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    #[arg(long)]
    title: Option<String>,

    /// unscheduled, scheduled or game-day
    #[arg(long, value_parser = parse_value::<IncidentKind>)]
    kind: Option<IncidentKind>,

    /// SEV1 (worst) to SEV5
    #[arg(long, value_parser = parse_value::<Severity>)]
    severity: Option<Severity>,

    /// Who owns the post-mortem
    #[arg(long, value_name = "NAME")]
    owner: Option<String>,

    /// Who ran the response
    #[arg(long, value_name = "NAME")]
    commander: Option<String>,

    /// When the incident started; refused after a key time already marked (correct that mark with `debrief edit`). The earlier start stays in the incident's history
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    started: Option<DateTime<FixedOffset>>,

    /// The post-mortem's status: draft, review or final
    #[arg(long, value_parser = parse_value::<PostmortemStatus>)]
    status: Option<PostmortemStatus>,

    /// Add a person and their part, e.g. carol=diagnosed (decided, identified, responded, diagnosed, affected, ...)
    #[arg(long, value_name = "NAME=ROLE", value_parser = parse_participant)]
    participant: Vec<Participant>,

    /// Add an affected service (repeat for several)
    #[arg(long, value_name = "NAME")]
    service: Vec<String>,

    #[arg(long, value_name = "NAME")]
    remove_service: Vec<String>,

    /// Add a tag (repeat for several)
    #[arg(long, value_name = "TAG")]
    tag: Vec<String>,

    #[arg(long, value_name = "TAG")]
    remove_tag: Vec<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

fn parse_participant(text: &str) -> Result<Participant, String> {
    let (name, role) =
        text.split_once('=').ok_or_else(|| format!("`{text}` is not NAME=ROLE, e.g. carol=diagnosed"))?;
    Ok(Participant { name: name.trim().to_string(), role: role.trim().to_string() })
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let update = IncidentUpdate {
        title: args.title,
        kind: args.kind,
        severity: args.severity,
        owner: args.owner,
        commander: args.commander,
        started_at: args.started,
        postmortem_status: args.status,
        participants: args.participant,
        add_services: args.service,
        remove_services: args.remove_service,
        add_tags: args.tag,
        remove_tags: args.remove_tag,
        ..Default::default()
    };
    let updated = workspace.update_incident(&incident, update)?;
    match args.format {
        DataFormat::Json => print_json(&updated)?,
        DataFormat::Text => println!("updated {}", updated.id),
    }
    Ok(ExitCode::SUCCESS)
}
