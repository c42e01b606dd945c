//! `debrief timeline`: an incident's timeline, for reading, scripts or a post-mortem.

use std::process::ExitCode;

use anstyle::Style;
use debrief_core::model::elapsed;
use debrief_core::{Entry, Incident, KeyTime, StartCause, StartEdit, markdown, time};

use super::{Context, IncidentArg};
use crate::output::{BOLD, DIM, print_json, status_style};

#[derive(Clone, Copy, Default, clap::ValueEnum)]
enum Format {
    /// For people
    #[default]
    Text,
    /// For scripts: an array of entries in time order
    Json,
    /// A Markdown table for a post-mortem
    Md,
}

/// Show an incident's timeline in time order
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief timeline\n  debrief timeline -i 2026-11-23-checkout-latency --format md > timeline.md\n  debrief timeline 2026-11-23-checkout-latency\n  debrief timeline --format json | jq '.[] | select(.kind == \"decision\")'"
)]
pub struct Args {
    /// The incident, as with --incident
    #[arg(value_name = "ID", conflicts_with = "incident")]
    id: Option<String>,

    #[command(flatten)]
    incident: IncidentArg,

    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace_for_reading()?;
    let incident = args.incident.or_given(args.id).target(&workspace)?;
    let entries = workspace.timeline(&incident.id)?;
    match args.format {
        Format::Json => print_json(&entries)?,
        Format::Md => print!("{}", markdown::timeline_table(&entries)),
        Format::Text => print_text(&incident, &workspace.start_history(&incident.id)?, &entries),
    }
    Ok(ExitCode::SUCCESS)
}

/// Longest name shown in the who column before it is cut.
const MAX_WHO_WIDTH: usize = 16;

fn print_text(incident: &Incident, start_history: &[StartEdit], entries: &[Entry]) {
    let style = status_style(incident.status);
    anstream::println!("{BOLD}{}{BOLD:#}", incident.title);
    let mut facts = vec![incident.id.clone(), incident.kind.as_str().to_string()];
    facts.extend(incident.severity.map(|severity| severity.as_str().to_string()));
    facts.extend(incident.commander.as_ref().map(|name| format!("commander {name}")));
    anstream::println!("{DIM}{}{DIM:#} · {style}{}{style:#}", facts.join(" · "), incident.status.as_str());
    anstream::println!("  {:<10} {}", "started", time::display(&incident.started_at));
    for change in start_history.iter().rev() {
        let why = match change.cause {
            StartCause::Set => "set by hand".to_string(),
            StartCause::Postmortem => "set by a post-mortem read back".to_string(),
            StartCause::KeyTimeBefore(key) => format!("moved back when {} was marked before it", key.as_str()),
        };
        anstream::println!(
            "  {:<10} {DIM}was {} · {why} · changed {}{DIM:#}",
            "",
            time::display(&change.old),
            time::display(&change.edited_at)
        );
    }
    for key in KeyTime::ALL {
        match incident.key_time(key) {
            Some(at) => anstream::println!(
                "  {:<10} {}  {DIM}{} after the start{DIM:#}",
                key.as_str(),
                time::display(&at),
                time::display_duration(elapsed(incident.started_at, at))
            ),
            // Once resolved, a key time left unmarked will not come: it was not recorded.
            None if incident.resolved_at.is_some() => {
                anstream::println!("  {:<10} {DIM}not recorded{DIM:#}", key.as_str())
            }
            None => anstream::println!("  {:<10} {DIM}not yet{DIM:#}", key.as_str()),
        }
    }
    println!();
    if entries.is_empty() {
        println!("No lines yet. Add one with `debrief log TEXT` or type them with `debrief capture`.");
        return;
    }
    let number_width = entries.iter().map(|entry| entry.id.to_string().len()).max().unwrap_or(1) + 1;
    let who_width = entries
        .iter()
        .filter_map(|entry| entry.who.as_ref().map(|who| who.chars().count().min(MAX_WHO_WIDTH)))
        .max()
        .unwrap_or(0);
    let indent = number_width + 2 + 25 + 2 + 13 + 2 + who_width + usize::from(who_width > 0) * 2;
    for entry in entries {
        let kind_style = if entry.kind.key_time().is_some() { BOLD } else { Style::new() };
        let who: String = entry.who.as_deref().unwrap_or("").chars().take(MAX_WHO_WIDTH).collect();
        let who_column = if who_width > 0 { format!("{who:<who_width$}  ") } else { String::new() };
        let edited = if entry.history.is_empty() { "" } else { " (edited)" };
        let edited = match (entry.proposed, entry.accepted_as(entries)) {
            (true, Some(accepted)) => format!("{edited} (proposed, accepted as #{})", accepted.id),
            (true, None) => format!("{edited} (proposed: `debrief accept {}` makes it a key time)", entry.id),
            (false, _) => edited.to_string(),
        };
        // In a live incident, whose laptop the line came from, and when that laptop recorded it.
        let edited = match &entry.author {
            Some(author) => format!("{edited}  [{author}, recorded {}]", time::display(&entry.recorded_at)),
            None => edited.to_string(),
        };
        let mut lines = entry.text.lines();
        anstream::println!(
            "{DIM}{:>number_width$}{DIM:#}  {}  {kind_style}{:<13}{kind_style:#}  {who_column}{}{DIM}{edited}{DIM:#}",
            format!("#{}", entry.id),
            time::display(&entry.at),
            entry.kind.as_str(),
            lines.next().unwrap_or(""),
        );
        for continuation in lines {
            println!("{:indent$}{continuation}", "");
        }
    }
}
