//! `debrief import-postmortem`: read a published post-mortem back into the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use debrief_core::bounded::{Bounded, read_at_most, read_file_at_most, size_words};
use debrief_core::postmortem::{MAX_POSTMORTEM_BYTES, parse};

use super::{Context, print_import_report};

/// Read a post-mortem Markdown file back into Debrief
///
/// Front matter facts replace the stored ones, timeline rows and action items are merged
/// (nothing is removed), and the prose becomes the incident's draft, byte for byte.
///
/// The file says which incident it is (its `id`, else its start and title), so a post-mortem
/// written elsewhere never lands in the wrong incident: unlike the other write-up commands this
/// one does not fall back on the most recent incident. `--incident` reads a file without an `id`
/// into that incident (a file without a title keeps the incident's), and refuses a file whose
/// `id` is another's.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief import-postmortem incidents/2026/2026-11-23-checkout-latency.md\n  debrief import-postmortem --incident 2026-11-23-checkout-latency notes-from-the-review.md\n  curl -s https://example.com/pm.md | debrief import-postmortem -"
)]
pub struct Args {
    /// The Markdown file, or `-` for standard input
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The incident the file belongs to [default: the one its `id` names, or a new one]
    #[arg(long, short, value_name = "ID")]
    incident: Option<String>,
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
    let parsed = parse(&text).with_context(|| format!("cannot read {}", args.file.display()))?;
    let report = context.workspace()?.import_postmortem(parsed, args.incident.as_deref())?;
    print_import_report(&report, Some(&args.file))
}
