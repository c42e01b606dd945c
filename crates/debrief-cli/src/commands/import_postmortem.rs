//! `debrief import-postmortem`: read a published post-mortem back into the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::NaiveDate;
use debrief_core::Error;
use debrief_core::bounded::{Bounded, read_at_most, size_words};
use debrief_core::encoding::saved_text;
use debrief_core::import::Zone;
use debrief_core::postmortem::MAX_POSTMORTEM_BYTES;
use debrief_core::workspace::ReadBack;

use super::{Context, parse_value, print_read_back};
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
/// before, else takes `--date` or the day the file states ("Date: 2024-12-03"). Days may be
/// written in words ("Jan 14, 10:18 AM"): one without its year takes the year nearest the
/// file's date, name or title. Its incident starts at its first key time or timeline line; a
/// narrative with neither, at the first time its prose tells with a day ("At 4:11 AM UTC on
/// November 24th, ..."), which a warning names.
///
/// The file says which incident it is (its `id`, else its start and title), so a post-mortem
/// written elsewhere never lands in the wrong incident: unlike the other write-up commands this
/// one does not fall back on the most recent incident. `--incident` reads a file without an `id`
/// into that incident (a file without a title keeps the incident's), and refuses a file whose
/// `id` is another's.
///
/// `--shared` reads a post-mortem from the shared repository instead, as `debrief search` lists it
/// (by its path or id), from this laptop's copy: one already on this laptop is left as it is.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import-postmortem incidents/2026/2026-11-23-checkout-latency.md\n  debrief import-postmortem --incident 2026-11-23-checkout-latency notes-from-the-review.md\n  debrief import-postmortem 'PM2020-002 - KIAM service disruption.md' --zone Europe/Copenhagen\n  for f in postmortems/*.md; do debrief import-postmortem \"$f\" --format json; done\n  curl -s https://example.com/pm.md | debrief import-postmortem -\n  debrief import-postmortem --shared postmortems/2019-07-02-database-outage.md"
)]
pub struct Args {
    /// The Markdown file, or `-` for standard input
    #[arg(value_name = "FILE", required_unless_present = "shared", conflicts_with = "shared")]
    file: Option<PathBuf>,

    /// A post-mortem in the shared repository, by its path or id, instead of a file
    #[arg(long, value_name = "PATH|ID")]
    shared: Option<String>,

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

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let zone = match (args.zone, &args.incident) {
        (Some(zone), _) => zone,
        // Read into an incident, a time written without a zone is on the incident's clock.
        (None, Some(incident)) => Zone::Fixed(*workspace.incident(incident)?.started_at.offset()),
        (None, None) => Zone::Local,
    };
    let Some(file) = &args.file else {
        let shared = args.shared.as_deref().unwrap_or_default();
        let read_back = workspace.read_back_published(shared, args.incident.as_deref(), zone, args.date)?;
        return print(&read_back, args.format);
    };
    let read_back = if file.as_os_str() == "-" {
        let read = read_at_most(std::io::stdin().lock(), MAX_POSTMORTEM_BYTES).context("cannot read standard input")?;
        let Bounded::Read(bytes) = read else {
            let limit = size_words(MAX_POSTMORTEM_BYTES);
            anyhow::bail!("standard input is larger than {limit}, more than any post-mortem; nothing was imported");
        };
        let text = saved_text(bytes)
            .map_err(|at| anyhow::anyhow!("standard input is not UTF-8 text (byte {at}); nothing was imported"))?;
        let imported = workspace.import_postmortem_text(&text, None, args.incident.as_deref(), zone, args.date);
        imported.map_err(|error| naming_the_file(error, "standard input"))?
    } else {
        let imported = workspace.import_postmortem_file(file, args.incident.as_deref(), zone, args.date);
        imported.map_err(|error| naming_the_file(error, &file.display().to_string()))?
    };
    print(&read_back, args.format)
}

/// A line of the file that cannot be read is said with the file's name (the other errors name
/// what they are about).
fn naming_the_file(error: Error, file: &str) -> anyhow::Error {
    match error {
        Error::Postmortem { .. } => anyhow::Error::from(error).context(format!("cannot read {file}")),
        other => other.into(),
    }
}

/// What was read, as text or as JSON (for a script importing a folder); exit 1 with warnings.
fn print(report: &ReadBack, format: DataFormat) -> anyhow::Result<ExitCode> {
    let code = match format {
        DataFormat::Json => {
            print_json(report)?;
            if report.warnings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_ATTENTION) }
        }
        DataFormat::Text => {
            let code = print_read_back(report)?;
            if report.created && report.open {
                println!(
                    "It is open: nothing in the file says when it was resolved. `debrief mark resolved --at TIME \
                     --incident {}` records when.",
                    report.incident
                );
            }
            code
        }
    };
    Ok(code)
}
