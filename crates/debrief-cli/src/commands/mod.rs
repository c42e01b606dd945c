//! One file per subcommand, plus what they share: where the data lives and how
//! arguments that mean something to Debrief (times, kinds, severities) are read.

pub mod accept;
pub mod action;
pub mod actions;
pub mod capture;
pub mod check;
pub mod completions;
pub mod config;
pub mod draft;
pub mod edit;
pub mod factor;
pub mod factors;
pub mod import;
pub mod import_postmortem;
pub mod init_repo;
pub mod join;
pub mod link;
pub mod lint;
pub mod list;
pub mod log;
pub mod mark;
pub mod new;
pub mod on_this_day;
pub mod publish;
pub mod remote;
pub mod search;
pub mod set;
pub mod similar;
pub mod stats;
pub mod status;
pub mod sync;
pub mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::workspace::{Marked, ReadBack};
use debrief_core::{Incident, IncidentUse, Status, Workspace, time};

use crate::output::DIM;

pub struct Context {
    pub data_dir: Option<PathBuf>,
}

impl Context {
    /// The person's Debrief: everything a command does goes through it.
    pub fn workspace(&self) -> debrief_core::Result<Workspace> {
        Workspace::open(self.data_dir.clone())
    }

    /// The same, for commands that only read: they never wait on another process writing.
    pub fn workspace_for_reading(&self) -> debrief_core::Result<Workspace> {
        Ok(self.workspace()?.for_reading())
    }
}

/// `--incident ID` (`-i`) for the commands that write the timeline while the incident happens
/// (`log`, `mark`, `capture`, `edit`): they never fall back on an incident that is over.
#[derive(clap::Args)]
pub struct CaptureIncidentArg {
    /// The incident [default: the most recently started one that is not resolved]
    #[arg(long, short, value_name = "ID")]
    incident: Option<String>,
}

impl CaptureIncidentArg {
    /// The incident named, else the most recently started one still open. With none open, the
    /// error names the one that ended last: the line remembered after resolving is the usual case.
    pub fn target(&self, workspace: &Workspace) -> anyhow::Result<Incident> {
        match workspace.choose_incident(self.incident.as_deref(), IncidentUse::Capture) {
            Err(debrief_core::Error::NoOpenIncident) => {
                let Ok(last) = workspace.choose_incident(None, IncidentUse::WriteUp) else {
                    return Err(debrief_core::Error::NoOpenIncident.into());
                };
                let ended = match last.resolved_at {
                    Some(at) => format!("was resolved at {}", time::display(&at)),
                    None if last.written_up => "was read in from a post-mortem, a past incident".to_string(),
                    None => "is over".to_string(),
                };
                anyhow::bail!(
                    "no incident is open to write to: the last one, {} ({}), {ended}. Nothing was saved; add \
                     --incident {} to write to it anyway (a line remembered afterwards keeps the time given with \
                     --at), or start another with `debrief new TITLE`",
                    last.id,
                    last.title,
                    last.id
                )
            }
            chosen => Ok(chosen?),
        }
    }
}

/// `--incident ID` (`-i`) for the write-up and everything else that works on an incident after
/// the fact: they fall back on the most recently started incident, resolved or not.
#[derive(clap::Args)]
pub struct IncidentArg {
    /// The incident [default: the most recently started one, resolved or not]
    #[arg(long, short, value_name = "ID")]
    incident: Option<String>,
}

impl IncidentArg {
    /// The incident named, else the most recently started one, which is then named on standard
    /// error (standard output may be a draft or JSON), so nobody writes up the wrong one unawares.
    pub fn target(&self, workspace: &Workspace) -> debrief_core::Result<Incident> {
        let incident = workspace.choose_incident(self.incident.as_deref(), IncidentUse::WriteUp)?;
        if self.incident.is_none() {
            let state = match (incident.status, incident.resolved_at, incident.mitigated_at) {
                (Status::Resolved, Some(at), _) => format!("resolved {}", time::display(&at)),
                (Status::Mitigated, _, Some(at)) => format!("mitigated {}", time::display(&at)),
                _ => format!("open since {}", time::display(&incident.started_at)),
            };
            anstream::eprintln!(
                "{DIM}Using incident {} ({}), {state}; pass --incident ID for another{DIM:#}",
                incident.id,
                incident.title
            );
        }
        Ok(incident)
    }

    /// Takes the incident given without the flag too, as `debrief timeline ID` does.
    pub fn or_given(self, positional: Option<String>) -> IncidentArg {
        IncidentArg { incident: self.incident.or(positional) }
    }
}

/// Says so when saving a mark moved the incident's start back to it, and how to undo it if the
/// mark's time was the mistake.
pub fn say_if_start_moved(saved: &Marked, on_stderr: bool) {
    if !saved.start_moved() {
        return;
    }
    let (before, after, entry) = (&saved.before, &saved.after, saved.entry.id);
    let message = format!(
        "the incident's start moved back from {} to {}: it cannot be detected, mitigated or resolved before it \
         began. The earlier start stays in its history; if the mark's time is what was wrong, correct it with \
         `debrief edit {entry} --incident {} --at TIME`, then `debrief set --started TIME`",
        time::display(&before.started_at),
        time::display(&after.started_at),
        after.id
    );
    if on_stderr {
        eprintln!("{message}");
    } else {
        println!("{message}");
    }
}

/// In a live incident, shares what was just saved (and takes in the others' lines) right away;
/// the line is already safe, so a repository that does not answer only leaves it for later.
pub fn share_now(workspace: &Workspace, incident: &str) {
    match workspace
        .is_live(incident)
        .and_then(|live| if live { workspace.share_round(incident).map(Some) } else { Ok(None) })
    {
        Ok(Some(round)) if round.unshared > 0 => anstream::eprintln!(
            "{DIM}{} line{} not shared yet: `debrief status` shows it{DIM:#}",
            round.unshared,
            if round.unshared == 1 { "" } else { "s" }
        ),
        Ok(_) => {}
        Err(error) => {
            tracing::warn!(%error, "sharing the live timeline failed");
            anstream::eprintln!("{DIM}Saved on this laptop, not shared: {error}{DIM:#}");
        }
    }
}

/// `--at TIME`: RFC 3339, `2026-11-23 14:05`, `14:05`, `-5m`; read against the local clock.
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, String> {
    time::parse_time(text, &chrono::Local::now()).map_err(|error| error.to_string())
}

/// Any Debrief value with a `FromStr` whose error explains the accepted values.
pub fn parse_value<T>(text: &str) -> Result<T, String>
where
    T: std::str::FromStr,
    T::Err: Into<debrief_core::Error>,
{
    text.parse::<T>().map_err(|error| error.into().to_string())
}

/// What reading a post-mortem into the store did; warnings go to standard error and make the
/// exit status 1.
pub fn print_read_back(report: &ReadBack) -> anyhow::Result<ExitCode> {
    if !report.read {
        println!(
            "{} is already on this laptop and was left as it is: its edits may be newer than {}, and publishing \
             merges the two",
            report.incident, report.path
        );
        return Ok(ExitCode::SUCCESS);
    }
    let verb = if report.created { "imported as new incident" } else { "saved into" };
    println!(
        "{verb} {}: {} timeline line{} and {} key time{} added, {} contributing factor{}, {} action item{}",
        report.incident,
        report.timeline_lines_added,
        if report.timeline_lines_added == 1 { "" } else { "s" },
        report.key_times_added,
        if report.key_times_added == 1 { "" } else { "s" },
        report.contributing_factors,
        if report.contributing_factors == 1 { "" } else { "s" },
        report.action_items,
        if report.action_items == 1 { "" } else { "s" },
    );
    for warning in &report.warnings {
        anstream::eprintln!("{}:{}: warning: {}", report.path, warning.line, warning.message);
    }
    Ok(if report.warnings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::output::EXIT_ATTENTION) })
}
