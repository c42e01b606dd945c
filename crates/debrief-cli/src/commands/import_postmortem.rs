//! `debrief import-postmortem`: read a published post-mortem back into the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use debrief_core::bounded::{Bounded, read_at_most, read_file_at_most, size_words};
use debrief_core::import::Zone;
use debrief_core::postmortem::{MAX_POSTMORTEM_BYTES, WrittenFile, parse_written};

use serde::Serialize;

use super::{Context, parse_value, print_import_report};
use crate::output::{DataFormat, EXIT_ATTENTION, print_json};

/// Read a post-mortem Markdown file back into Debrief
///
/// Front matter facts replace the stored ones, timeline rows and action items are merged
/// (nothing is removed), and the prose becomes the incident's draft, byte for byte.
///
/// A post-mortem written by hand, without Debrief, is read for what it lists: the lines of its
/// timeline that start with a time ("| 2020-01-21 15:36 | Certificate expires |", "- 14:05 -
/// rolled back"), key times with their dates ("Detected: 2025-01-13 10:13 UTC"), action items
/// and contributing factors. Its times are read in the zone written after them or stated for
/// the timeline ("All times in CET"), else in `--zone`; a line without a day continues the line
/// before, else takes `--date` or the day the file states ("Date: 2024-12-03"). Its incident
/// starts at its first key time or timeline line.
///
/// The file says which incident it is (its `id`, else its start and title), so a post-mortem
/// written elsewhere never lands in the wrong incident: unlike the other write-up commands this
/// one does not fall back on the most recent incident. `--incident` reads a file without an `id`
/// into that incident (a file without a title keeps the incident's), and refuses a file whose
/// `id` is another's.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import-postmortem incidents/2026/2026-11-23-checkout-latency.md\n  debrief import-postmortem --incident 2026-11-23-checkout-latency notes-from-the-review.md\n  debrief import-postmortem 'PM2020-002 - KIAM service disruption.md' --zone Europe/Copenhagen\n  for f in postmortems/*.md; do debrief import-postmortem \"$f\" --format json; done\n  curl -s https://example.com/pm.md | debrief import-postmortem -"
)]
pub struct Args {
    /// The Markdown file, or `-` for standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The incident the file belongs to [default: the one its `id` names, or a new one]
    #[arg(long, short, value_name = "ID")]
    incident: Option<String>,

    /// For a file written by hand: the zone of times it writes without one, an IANA zone
    /// (Europe/Berlin) or an offset (+01:00) [default: the zone it states, else the incident's
    /// with --incident, else this computer's]
    #[arg(long, value_name = "ZONE", value_parser = parse_value::<Zone>)]
    zone: Option<Zone>,

    /// For a file written by hand: the day of timeline lines before the first that names its
    /// day (YYYY-MM-DD) [default: the day the file states]
    #[arg(long, value_name = "DATE")]
    date: Option<NaiveDate>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

/// What `--format json` prints: the import report, and whether the incident is still open.
#[derive(Serialize)]
struct JsonReport<'a> {
    incident: &'a str,
    created: bool,
    timeline_lines_added: usize,
    key_times_added: usize,
    contributing_factors: usize,
    action_items: usize,
    /// Whether nothing says when the incident was resolved.
    open: bool,
    warnings: Vec<JsonWarning<'a>>,
}

#[derive(Serialize)]
struct JsonWarning<'a> {
    line: usize,
    message: &'a str,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let read = if args.file.as_os_str() == "-" {
        read_at_most(std::io::stdin().lock(), MAX_POSTMORTEM_BYTES).context("cannot read standard input")?
    } else {
        read_file_at_most(&args.file, MAX_POSTMORTEM_BYTES)
            .with_context(|| format!("cannot read {}", args.file.display()))?
    };
    let Bounded::Read(bytes) = read else {
        anyhow::bail!(
            "{} is larger than {}, more than any post-mortem; nothing was imported",
            args.file.display(),
            size_words(MAX_POSTMORTEM_BYTES)
        );
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (byte {}); nothing was imported",
            args.file.display(),
            error.utf8_error().valid_up_to()
        )
    })?;
    let workspace = context.workspace()?;
    let zone = match (args.zone, &args.incident) {
        (Some(zone), _) => zone,
        // Read into an incident, a time written without a zone is on the incident's clock.
        (None, Some(incident)) => Zone::Fixed(*workspace.incident(incident)?.started_at.offset()),
        (None, None) => Zone::Local,
    };
    let path = (args.file.as_os_str() != "-").then(|| args.file.to_string_lossy().into_owned());
    let file = WrittenFile { path, zone, day: args.date };
    let parsed = parse_written(&text, &file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let report = workspace.import_postmortem(parsed, args.incident.as_deref())?;
    let open = workspace.incident(&report.incident)?.resolved_at.is_none();
    if let DataFormat::Json = args.format {
        print_json(&JsonReport {
            incident: &report.incident,
            created: report.created,
            timeline_lines_added: report.entries_added,
            key_times_added: report.marks_added,
            contributing_factors: report.contributing_factors,
            action_items: report.action_items,
            open,
            warnings: report.warnings.iter().map(|w| JsonWarning { line: w.line, message: &w.message }).collect(),
        })?;
        return Ok(if report.warnings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_ATTENTION) });
    }
    let code = print_import_report(&report, Some(&args.file))?;
    if report.created && open {
        println!(
            "It is open: nothing in the file says when it was resolved. `debrief mark resolved --at TIME --incident {}` \
             records when.",
            report.incident
        );
    }
    Ok(code)
}
