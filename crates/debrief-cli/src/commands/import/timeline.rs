//! `debrief import timeline`: another responder's notes, merged into this timeline.

use std::path::PathBuf;

use anyhow::Context as _;
use debrief_core::import::ImportReport;
use debrief_core::import::timeline::TimelineOptions;

use super::{Common, Report};
use crate::commands::Context;
use crate::output::DataFormat;

/// Merge another responder's timeline (`debrief timeline ID --format json`) into this one
///
/// Their lines keep their times and are attributed to whoever wrote them, with the source
/// `timeline:NAME`; lines this timeline already has are dropped. Their detected, mitigated and
/// resolved marks are not applied: they arrive as notes, and the `debrief mark` command for each
/// is printed for the commander to run.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  # on Bob's laptop:\n  debrief timeline 2026-11-23-checkout-latency --format json > bob.json\n  # on the commander's:\n  debrief import timeline bob.json --responder bob --incident 2026-11-23-checkout-latency"
)]
pub struct Args {
    /// The JSON file `debrief timeline --format json` wrote
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// Whose timeline it is [default: the file's name without extension]
    #[arg(long, value_name = "NAME")]
    responder: Option<String>,

    #[command(flatten)]
    common: Common,

    #[command(flatten)]
    pub(super) report: Report,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<(ImportReport, DataFormat)> {
    let responder = match args.responder {
        Some(name) => name,
        None => args
            .file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .context("say whose timeline it is with --responder NAME; nothing was imported")?,
    };
    let (workspace, incident) = args.common.target(context)?;
    let options = TimelineOptions { responder, dry_run: args.common.dry_run };
    Ok((workspace.import_timeline(&incident, &args.file, &options)?, args.report.format))
}
