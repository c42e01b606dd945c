//! `debrief new`: start an incident and print its id.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::{IncidentKind, NewIncident, Severity};

use super::{Context, parse_time, parse_value};
use crate::output::{DIM, DataFormat, print_json};

/// Start a new incident and print its id
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief new Checkout latency\n  debrief new \"DB failover drill\" --kind game-day --at 10:00\n  id=$(debrief new \"Login errors\" --severity sev1 --commander alice)"
)]
pub struct Args {
    /// What is happening, in a few words
    #[arg(required = true, value_name = "TITLE")]
    title: Vec<String>,

    /// SEV1 (worst) to SEV5; also accepts 1-5 and P1-P5
    #[arg(long, short, value_parser = parse_value::<Severity>)]
    severity: Option<Severity>,

    /// unscheduled, scheduled or game-day
    #[arg(long, short, default_value = "unscheduled", value_parser = parse_value::<IncidentKind>)]
    kind: IncidentKind,

    /// When it started [default: now]: RFC 3339, "2026-11-23 14:05", "14:05" or "-10m"
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    at: Option<DateTime<FixedOffset>>,

    /// Who is running the response
    #[arg(long, value_name = "NAME")]
    commander: Option<String>,

    /// Keep the timeline on this laptop: do not share it live through the shared repository
    #[arg(long)]
    private: bool,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let new = NewIncident {
        title: args.title.join(" "),
        kind: args.kind,
        severity: args.severity,
        commander: args.commander,
        started_at: args.at,
    };
    // With a shared repository, other responders can join and see one timeline. Its live
    // incidents are asked for first, so that one of the same title and day is not joined unasked
    // (offline, those this laptop last saw count).
    let shared = workspace.config().is_ok_and(|config| config.shared_repository.url.is_some());
    let live_elsewhere = match shared && !args.private {
        true => workspace.live_incidents_elsewhere().unwrap_or_default(),
        false => Vec::new(),
    };
    let incident = workspace.start_incident_beside(new, args.private, &live_elsewhere)?;
    let live = workspace.is_live(&incident.id)?;
    let base = debrief_core::id::base_id(&incident.started_at, &incident.title);
    // Numbered for want of its first id, which no incident on this laptop has: one live elsewhere has it.
    if live && incident.id != base && workspace.incident(&base).is_err() {
        anstream::eprintln!(
            "{DIM}Another live incident on the shared repository is {base}: this one is {} beside it. If they are the \
             same incident, join that one instead (`debrief join {base}`).{DIM:#}",
            incident.id
        );
    }
    if live {
        // The incident is started whatever sharing does: a failure to share is said, not fatal.
        let when = match workspace.share_round(&incident.id) {
            Ok(round) => match (round.unreachable, round.refused) {
                (Some(reason), _) => format!("are shared once the shared repository answers ({reason})"),
                (None, Some(reason)) => format!(
                    "are shared once the shared repository takes them: it refused this laptop's log ({reason}), so \
                     they stay here"
                ),
                (None, None) => "are shared now".to_string(),
            },
            Err(error) => format!("are not shared yet: {error}"),
        };
        anstream::eprintln!(
            "{DIM}Live: others join with `debrief join {}`; its lines {when}. (--private keeps an incident on this laptop.){DIM:#}",
            incident.id
        );
    }
    match args.format {
        DataFormat::Text => println!("{}", incident.id),
        DataFormat::Json => print_json(&incident)?,
    }
    Ok(ExitCode::SUCCESS)
}
