//! `debrief import`: fill an incident's timeline from where it really happened: a Slack
//! export, a chat log, a git repository, or another responder's timeline. The core reads
//! and merges; this module names the sources and prints what each import did.

mod git;
mod log;
mod slack;
mod timeline;

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use debrief_core::import::ImportReport;
use debrief_core::{Workspace, time};

use super::{Context, IncidentArg, parse_time};
use crate::output::{DIM, DataFormat, EXIT_ATTENTION, print_json};

/// Import chat exports, chat logs, commits or another responder's timeline
///
/// Every line keeps its original time and names its source; importing the same source again
/// adds nothing. Exit status 0: imported; 1: imported, with warnings or marks to review; 2: an
/// error (what was kept is said).
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import slack ~/Downloads/acme-export.zip --channel incident-42\n  debrief import log weechat.log --zone Europe/Berlin --dry-run\n  debrief import git ~/src/checkout-api --branch main\n  debrief import timeline bob.json --responder bob"
)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(clap::Subcommand)]
enum Source {
    Slack(slack::Args),
    Log(log::Args),
    Git(git::Args),
    Timeline(timeline::Args),
}

/// What every import takes.
#[derive(clap::Args)]
struct Common {
    #[command(flatten)]
    incident: IncidentArg,

    /// Show what would be added, and write nothing
    #[arg(long)]
    dry_run: bool,
}

impl Common {
    /// The workspace, and the incident the import goes into.
    fn target(&self, context: &Context) -> anyhow::Result<(Workspace, String)> {
        let workspace = context.workspace()?;
        let incident = self.incident.target(&workspace)?.id;
        Ok((workspace, incident))
    }
}

/// The stretch of time `slack` and `git` take lines from.
#[derive(clap::Args)]
struct Window {
    /// Only what happened from this time on [default: 2 h before the incident's start]
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    from: Option<DateTime<FixedOffset>>,

    /// Only what happened up to this time [default: 1 h after its resolution; no end while open]
    #[arg(long, value_name = "TIME", value_parser = parse_time, allow_hyphen_values = true)]
    to: Option<DateTime<FixedOffset>>,
}

/// How the report is printed. `import log` keeps `--format` for the log's line format, so
/// every import also takes `--output`.
#[derive(clap::Args)]
struct Report {
    #[arg(long, alias = "output", value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let printed_as = match &args.source {
        Source::Slack(args) => args.report.format,
        Source::Log(args) => args.output,
        Source::Git(args) => args.report.format,
        Source::Timeline(args) => args.report.format,
    };
    crate::progress::show_on_terminal(matches!(printed_as, DataFormat::Json));
    let imported = match args.source {
        Source::Slack(args) => slack::run(context, args),
        Source::Log(args) => log::run(context, args),
        Source::Git(args) => git::run(context, args),
        Source::Timeline(args) => timeline::run(context, args),
    };
    debrief_core::progress::finish();
    let (report, format) = imported?;
    match format {
        DataFormat::Json => print_json(&report)?,
        DataFormat::Text => print_report(&report),
    }
    Ok(if report.needs_attention() { ExitCode::from(EXIT_ATTENTION) } else { ExitCode::SUCCESS })
}

fn print_report(report: &ImportReport) {
    let lines = |count: usize| if count == 1 { "1 line".to_string() } else { format!("{count} lines") };
    let present = match report.already_present {
        0 => String::new(),
        count => format!(" ({} already there)", lines(count)),
    };
    if report.dry_run {
        anstream::println!(
            "would add {} to {} from {}{present} {DIM}(dry run: nothing was written){DIM:#}",
            lines(report.added),
            report.incident,
            report.source
        );
        for line in &report.lines {
            let first = line.text.lines().next().unwrap_or("");
            let more = if line.text.lines().nth(1).is_some() { " …" } else { "" };
            anstream::println!(
                "  {}  {:<13}  {}{first}{more}",
                time::display(&line.at),
                line.kind.as_str(),
                line.who.as_deref().map(|who| format!("{who}: ")).unwrap_or_default()
            );
        }
        if report.added > report.lines.len() {
            anstream::println!("  {DIM}… and {} more{DIM:#}", report.added - report.lines.len());
        }
    } else {
        println!("added {} to {} from {}{present}", lines(report.added), report.incident, report.source);
    }
    if !report.skipped.is_empty() {
        let skipped: Vec<String> =
            report.skipped.iter().map(|skipped| format!("{} {}", skipped.count, skipped.what)).collect();
        anstream::println!("{DIM}left out: {}{DIM:#}", skipped.join(", "));
    }
    for note in &report.notes {
        anstream::println!("{DIM}{note}{DIM:#}");
    }
    for warning in &report.warnings {
        let more = warning.count.saturating_sub(warning.examples.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        anstream::eprintln!("warning: {}: {}{more}", warning.message, warning.examples.join(", "));
    }
    for offered in &report.offered_marks {
        anstream::eprintln!(
            "their mark: {} at {}{}; to apply it: {}",
            offered.mark.as_str(),
            time::display(&offered.at),
            offered.who.as_deref().map(|who| format!(" by {who}")).unwrap_or_default(),
            offered.command
        );
    }
}
