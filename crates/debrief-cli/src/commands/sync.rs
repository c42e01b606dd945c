//! `debrief sync`: fetch the shared repository and update the browse index.

use std::process::ExitCode;

use super::Context;
use crate::output::{DIM, DataFormat, print_json};

/// Fetch the shared repository and index every post-mortem in it
///
/// Search, action items and trends then work offline, from the last sync.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief sync\n  debrief sync --format json")]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    crate::progress::show_on_terminal(matches!(args.format, DataFormat::Json));
    let workspace = context.workspace()?;
    let synced = workspace.sync();
    // Live incidents: the others' new lines in, this laptop's out.
    let rounds = synced.is_ok().then(|| workspace.share_rounds()).transpose();
    debrief_core::progress::finish();
    let report = synced?;
    let rounds = rounds?.unwrap_or_default();
    match args.format {
        DataFormat::Json => print_json(&report)?,
        DataFormat::Text => {
            if let Some(reason) = &report.offline {
                println!("The shared repository cannot be reached ({reason}); indexing what this laptop has.");
            }
            let how = if report.rebuilt { "indexed from scratch" } else { "updated" };
            match &report.commit {
                None => println!("Nothing published yet: the shared repository has no commits."),
                Some(commit) => anstream::println!(
                    "{} in the index ({how}: {} read, {} removed) {DIM}at {}{DIM:#}",
                    crate::output::plural(report.documents, "post-mortem"),
                    report.indexed,
                    report.removed,
                    &commit[..commit.len().min(10)]
                ),
            }
            if report.commit.is_some() && report.documents == 0 {
                println!(
                    "{}",
                    none_found(&report.markdown_elsewhere, &report.unread_formats, &workspace.config_path())
                );
            } else if !report.locations.is_empty() {
                println!("In {}.", describe_locations(&report.locations));
                if let Some(also) = unread_beside(&report.unread_formats) {
                    println!("{also}");
                }
            }
            for round in &rounds {
                let problem = match (&round.unreachable, &round.refused) {
                    (Some(reason), _) => format!("; not shared now: {reason}"),
                    (None, Some(reason)) => format!("; refused by the shared repository: {reason}"),
                    (None, None) => String::new(),
                };
                println!(
                    "Live {}: {} new from others, {} of this laptop's shared, {} not shared yet{problem}.",
                    round.incident, round.received_lines, round.pushed, round.unshared
                );
            }
            for warning in &report.warnings {
                anstream::eprintln!("warning: {warning}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `incidents/ (130), docs/postmortems/ (8), the top folder (3)`.
/// What to do when a repository with commits holds no post-mortem where Debrief looks: name the
/// files there Debrief cannot read and how to make them Markdown, or the folders that hold
/// Markdown and the setting that points Debrief at one.
pub fn none_found(
    markdown_elsewhere: &[debrief_core::index::Location],
    unread: &[debrief_core::index::UnreadFormat],
    settings: &std::path::Path,
) -> String {
    if let Some(unread) = describe_unread(unread) {
        return format!(
            "No post-mortems Debrief can read: the folders it looks in hold {unread}. Debrief reads post-mortems \
             written in Markdown; pandoc converts reStructuredText, HTML, Org, Word and more to it (`pandoc FILE \
             -t gfm -o NAME.md`)."
        );
    }
    let settings = settings.display();
    match markdown_elsewhere.first() {
        None => format!(
            "No post-mortems in the folders Debrief looks in; if the team keeps them elsewhere, add the folder to \
             postmortem_paths in {settings} (`debrief config` shows it)."
        ),
        Some(most) => format!(
            "No post-mortems in the folders Debrief looks in. Markdown files are in {}: if the team keeps its \
             post-mortems there, name the folder in {settings}, e.g. postmortem_paths = [\"{}**\", \"incidents/**\"] \
             (incidents/ is where Debrief publishes).",
            describe_locations(markdown_elsewhere),
            most.folder
        ),
    }
}

/// Beside the post-mortems found, those in formats Debrief does not read, which browsing leaves out.
fn unread_beside(unread: &[debrief_core::index::UnreadFormat]) -> Option<String> {
    describe_unread(unread).map(|unread| {
        format!("Left out: {unread}; converted to Markdown (pandoc FILE -t gfm -o NAME.md), they are browsed too.")
    })
}

/// `3 files it does not read, in reStructuredText (2), AsciiDoc (1) (e.g. postmortems/a.rst)`.
fn describe_unread(unread: &[debrief_core::index::UnreadFormat]) -> Option<String> {
    let most = unread.first()?;
    let count: usize = unread.iter().map(|unread| unread.count).sum();
    let formats = unread.iter().map(|unread| format!("{} ({})", unread.format, unread.count)).collect::<Vec<_>>();
    Some(format!(
        "{} it does not read, in {} (e.g. {})",
        crate::output::plural(count, "file"),
        formats.join(", "),
        most.example
    ))
}

pub fn describe_locations(locations: &[debrief_core::index::Location]) -> String {
    let folder = |folder: &str| if folder.is_empty() { "the top folder".to_string() } else { folder.to_string() };
    locations
        .iter()
        .map(|location| format!("{} ({})", folder(&location.folder), location.count))
        .collect::<Vec<_>>()
        .join(", ")
}
