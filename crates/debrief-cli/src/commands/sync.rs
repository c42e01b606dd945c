//! `debrief sync`: fetch the shared repository and update the browse index.

use std::process::ExitCode;

use debrief_core::index::sync;

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
    let report = sync(&context.resolved_data_dir()?, &context.load_config()?)?;
    match args.format {
        DataFormat::Json => print_json(&report)?,
        DataFormat::Text => {
            if let Some(reason) = &report.offline {
                println!("The shared repository cannot be reached ({reason}); indexing what this laptop has.");
            }
            let how = if report.rebuilt { "indexed from scratch" } else { "updated" };
            match &report.commit {
                None => println!("Nothing published yet: the shared repository has no post-mortems."),
                Some(commit) => anstream::println!(
                    "{} post-mortems in the index ({how}: {} read, {} removed) {DIM}at {}{DIM:#}",
                    report.documents,
                    report.indexed,
                    report.removed,
                    &commit[..commit.len().min(10)]
                ),
            }
            for warning in &report.warnings {
                anstream::eprintln!("warning: {warning}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
