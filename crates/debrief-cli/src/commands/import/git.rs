//! `debrief import git`: what changed in a repository while the incident went on.

use std::path::PathBuf;

use debrief_core::import::ImportReport;
use debrief_core::import::git::GitOptions;

use super::{Common, Report, Window};
use crate::commands::Context;
use crate::output::DataFormat;

/// Import the commits of a local repository as `change` entries
///
/// Each commit in the window becomes a line at its commit time with its hash, subject and
/// author: what else was happening. Without --from and --to the window runs from 2 h before the
/// incident's start to 1 h after its resolution (or now).
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import git ~/src/checkout-api\n  debrief import git ~/src/deploy-config --branch production --from -6h"
)]
pub struct Args {
    /// The repository (any directory inside it)
    #[arg(value_name = "REPO")]
    repository: PathBuf,

    /// The branch, tag or commit to read history from [default: HEAD]
    #[arg(long, value_name = "BRANCH")]
    branch: Option<String>,

    #[command(flatten)]
    window: Window,

    #[command(flatten)]
    common: Common,

    #[command(flatten)]
    pub(super) report: Report,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<(ImportReport, DataFormat)> {
    let (workspace, incident) = args.common.target(context)?;
    let options =
        GitOptions { branch: args.branch, from: args.window.from, to: args.window.to, dry_run: args.common.dry_run };
    Ok((workspace.import_git(&incident, &args.repository, &options)?, args.report.format))
}
