//! `debrief check`: what a post-mortem still needs before it is finished.

use std::path::PathBuf;
use std::process::ExitCode;

use debrief_core::postmortem::{ConcernLevel, check};
use serde::Serialize;

use super::{Context, IncidentArg};
use crate::output::{BOLD, DIM, DataFormat, EXIT_ATTENTION, print_json};

/// Check a post-mortem: wording, required sections, action items, key times
///
/// Uses the shared repository's template and wording rules. Exits 1 when something needs attention.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief check\n  debrief check --incident 2026-11-23-checkout-latency --format json"
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    /// The template whose required sections must be filled [default: the shared repository's, else Debrief's]
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

#[derive(Serialize)]
struct Report<'a> {
    incident: &'a str,
    concerns: &'a [debrief_core::postmortem::Concern],
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let rules = context.team_rules(args.template.as_deref())?;
    let mut store = context.open_store()?;
    let incident = args.incident.target(&store)?;
    let concerns = check(&store.postmortem(&incident, &rules.template)?, &rules.template, &rules.linter);
    let needs_attention = concerns.iter().filter(|concern| concern.level == ConcernLevel::Attention).count();
    match args.format {
        DataFormat::Json => print_json(&Report { incident: &incident, concerns: &concerns })?,
        DataFormat::Text => {
            match needs_attention {
                0 => anstream::println!("{BOLD}{incident}{BOLD:#}: nothing needs attention"),
                1 => anstream::println!("{BOLD}{incident}{BOLD:#}: 1 thing needs attention"),
                count => anstream::println!("{BOLD}{incident}{BOLD:#}: {count} things need attention"),
            }
            for concern in &concerns {
                match concern.level {
                    ConcernLevel::Attention => anstream::println!("  ! {}", concern.message),
                    ConcernLevel::Note => anstream::println!("  {DIM}- {}{DIM:#}", concern.message),
                }
            }
        }
    }
    Ok(if needs_attention == 0 { ExitCode::SUCCESS } else { ExitCode::from(EXIT_ATTENTION) })
}
