//! `debrief check`: what a post-mortem still needs before it is finished, and everything a
//! publish would refuse, decided by the same core call the publish makes.

use std::path::PathBuf;
use std::process::ExitCode;

use debrief_core::postmortem::ConcernLevel;
use debrief_core::publish::PublishOptions;
use debrief_core::secrets::SecretFinding;
use debrief_core::workspace::CheckReport;
use serde::Serialize;

use super::{Context, IncidentArg};
use crate::output::{BOLD, DIM, DataFormat, EXIT_ATTENTION, print_json};

/// Check a post-mortem: secrets, wording, required sections, action items, key times
///
/// Uses the shared repository's template and wording rules, and the publish's own secret scan.
/// Exits 1 when something needs attention, which includes everything `debrief publish` refuses.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief check\n  debrief check --incident 2026-11-23-checkout-latency --format json\n  debrief check --allow-secret jwt      # as `debrief publish --allow-secret jwt` would"
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    /// The template whose required sections must be filled [default: the shared repository's, else Debrief's]
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// Leave out what the secret rule RULE finds, as `debrief publish --allow-secret RULE` does (repeat for several)
    #[arg(long, value_name = "RULE")]
    allow_secret: Vec<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

#[derive(Serialize)]
struct Report<'a> {
    incident: &'a str,
    /// Whether `debrief publish` with the same `--allow-secret` would refuse it now.
    publish_blocked: bool,
    secrets: &'a [SecretFinding],
    concerns: &'a [debrief_core::postmortem::Concern],
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let options = PublishOptions { allow_secrets: args.allow_secret, ..PublishOptions::default() };
    let CheckReport { concerns, publish } = workspace.check(&incident, args.template.as_deref(), &options)?;
    let needs_attention =
        publish.secrets.len() + concerns.iter().filter(|concern| concern.level == ConcernLevel::Attention).count();
    match args.format {
        DataFormat::Json => print_json(&Report {
            incident: &incident,
            publish_blocked: publish.blocking(),
            secrets: &publish.secrets,
            concerns: &concerns,
        })?,
        DataFormat::Text => {
            match needs_attention {
                0 if concerns.is_empty() => anstream::println!("{BOLD}{incident}{BOLD:#}: nothing needs attention"),
                0 => anstream::println!("{BOLD}{incident}{BOLD:#}: nothing needs attention; notes for the write-up:"),
                1 => anstream::println!("{BOLD}{incident}{BOLD:#}: 1 thing needs attention"),
                count => anstream::println!("{BOLD}{incident}{BOLD:#}: {count} things need attention"),
            }
            if publish.blocking() {
                println!("Publishing refuses it while the secrets or empty required sections below remain.");
            }
            for secret in &publish.secrets {
                println!("  ! {}", secret.advice());
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
