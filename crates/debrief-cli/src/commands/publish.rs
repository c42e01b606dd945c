//! `debrief publish`: check, commit and push the post-mortem into the shared repository.

use std::process::ExitCode;

use debrief_core::config::redacted;
use debrief_core::publish::{Delivery, PublishOptions, PublishReport};

use super::{Context, IncidentArg};
use crate::output::{BOLD, DIM, EXIT_ATTENTION, EXIT_QUEUED, print_json};

/// Publish the post-mortem to the shared repository
///
/// Blocks on anything that looks like a secret and on required sections left empty; wording
/// findings are reported, and block with `--strict`. Offline, the publish is committed locally
/// and queued (exit 75); `--retry` pushes the queue.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief publish\n  debrief publish --review              # to the branch debrief/<id>, for a reviewer\n  debrief publish --allow-secret jwt     # that token is a documented example, not a secret\n  debrief publish --retry                # push what waits in the queue\n\nExit status: 0 published, 1 blocked by a check, 2 error, 75 committed and queued for later."
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    /// Publish to the review branch debrief/<id> instead of the main branch
    #[arg(long)]
    review: bool,

    /// Refuse to publish while the wording checker finds anything (it only warns otherwise)
    #[arg(long)]
    strict: bool,

    /// Publish even though the secret rule RULE matched (repeat for several)
    #[arg(long, value_name = "RULE")]
    allow_secret: Vec<String>,

    /// Push the publishes waiting in the queue, and nothing else
    #[arg(long, conflicts_with = "incident")]
    retry: bool,

    #[arg(long, value_enum, default_value_t)]
    format: crate::output::DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let json = matches!(args.format, crate::output::DataFormat::Json);
    crate::progress::show_on_terminal(json);
    if args.retry {
        let pushed = workspace.retry_queue();
        debrief_core::progress::finish();
        let results = pushed?;
        if json {
            print_json(&results)?;
        } else if results.is_empty() {
            println!("Nothing waits to be pushed.");
        }
        let mut code = ExitCode::SUCCESS;
        for (branch, delivery) in &results {
            let said = match delivery {
                Delivery::Queued(reason) => format!("still queued: {reason}"),
                Delivery::Refused(reason) => format!("still queued, {reason}"),
                Delivery::ReadOnly(reason) => format!("still queued: {reason}"),
                Delivery::Pushed | Delivery::Local => "pushed".to_string(),
            };
            if delivery.waits_to_be_pushed() {
                code = ExitCode::from(EXIT_QUEUED);
            }
            if !json {
                println!("{branch}: {said}");
            }
        }
        return Ok(code);
    }
    let incident = args.incident.target(&workspace)?.id;
    let options = PublishOptions { review: args.review, strict: args.strict, allow_secrets: args.allow_secret };
    let published = workspace.publish(&incident, &options);
    debrief_core::progress::finish();
    let report = published?;
    if json {
        print_json(&report)?;
    } else {
        print_report(&report, workspace.config()?.shared_repository.url.as_deref().map(redacted).as_deref());
    }
    Ok(match report.published.as_ref().map(|published| &published.delivery) {
        None => ExitCode::from(EXIT_ATTENTION),
        Some(delivery) if delivery.waits_to_be_pushed() => ExitCode::from(EXIT_QUEUED),
        Some(_) => ExitCode::SUCCESS,
    })
}

/// Wording findings: blocking marks (`!`) for a strict publish, notes (`-`) otherwise.
fn print_wording(report: &PublishReport, mark: &str) {
    let wording = &report.checks.wording;
    if wording.is_empty() {
        return;
    }
    if mark == "-" {
        let things = if wording.len() == 1 { "one thing".to_string() } else { format!("{} things", wording.len()) };
        println!("The wording checker found {things} worth another look (they do not block; --strict makes them):");
    }
    for finding in wording {
        let suggestion =
            finding.suggestion.as_deref().map(|suggestion| format!(" Try: {suggestion}")).unwrap_or_default();
        println!("  {mark} line {}: \u{201c}{}\u{201d}: {}{suggestion}", finding.line, finding.phrase, finding.message);
    }
}

fn print_report(report: &PublishReport, url: Option<&str>) {
    let Some(published) = &report.published else {
        anstream::println!("{BOLD}Not published{BOLD:#}: {} needs attention first.", report.incident);
        for secret in &report.checks.secrets {
            println!("  ! {}", secret.advice());
        }
        for section in &report.checks.required_sections {
            println!("  ! {}", section.message);
        }
        if report.checks.strict {
            print_wording(report, "!");
        }
        print_unfinished(report);
        return;
    };
    print_wording(report, "-");
    let commit = &published.commit[..published.commit.len().min(10)];
    let removal = published.removed.as_ref().map(|removed| {
        let when = removed.committed_at.get(..10).unwrap_or(&removed.committed_at);
        let commit = &removed.commit[..removed.commit.len().min(10)];
        format!(
            "{} is no longer on {}: {} removed it in commit {commit} (\u{201c}{}\u{201d}, {when})",
            published.path, removed.branch, removed.author, removed.summary
        )
    });
    match (&removal, published.diverted) {
        (Some(removal), true) => println!(
            "{removal}. Nothing was overwritten: yours is on the review branch {} for a person to decide whether it \
             goes back.",
            published.branch
        ),
        (None, true) => println!(
            "The published post-mortem was changed by someone else in a way that conflicts with yours: nothing was \
             overwritten. Yours is on the review branch {} for a person to reconcile.",
            published.branch
        ),
        (Some(removal), false) => {
            let kept = published.removed.as_ref().and_then(|removed| removed.review_branch.as_deref()).map_or_else(
                || "Change the draft and publish to propose it again on a review branch".to_string(),
                |review| format!("Your last publish of it is on the review branch {review}"),
            );
            println!("{removal}. Nothing was committed and your draft is kept as it is. {kept}.");
        }
        (None, false) if !published.changed => {
            println!("{} is already published as it is; nothing new to commit.", published.path);
        }
        (None, false) => {}
    }
    match &published.delivery {
        Delivery::Pushed if !published.changed => {}
        Delivery::Local if !published.changed => {}
        Delivery::Pushed => anstream::println!(
            "Published {} to {} on {} {DIM}(commit {commit}){DIM:#}",
            published.path,
            published.branch,
            url.unwrap_or("the shared repository")
        ),
        Delivery::Local => anstream::println!(
            "Published {} into the local repository {DIM}(commit {commit}){DIM:#}. To share it, set the team's \
             repository with `debrief remote set URL`; it will be pushed there.",
            published.path
        ),
        // (A remote's own message may end with its full stop.)
        Delivery::Queued(reason) => anstream::println!(
            "Committed {} {DIM}(commit {commit}){DIM:#} but not pushed: {}. It is queued and safe: the next \
             publish or `debrief publish --retry` pushes it.",
            published.path,
            reason.trim_end_matches('.')
        ),
        Delivery::Refused(reason) => anstream::println!(
            "Committed {} {DIM}(commit {commit}){DIM:#} but not pushed: {}. It is kept and queued, but trying \
             again will not change the answer: once the repository's rules allow it, `debrief publish --retry` \
             pushes it (a protected branch takes `debrief publish --review`, which pushes to a branch of its own).",
            published.path,
            reason.trim_end_matches('.')
        ),
        Delivery::ReadOnly(reason) => anstream::println!(
            "Committed {} {DIM}(commit {commit}){DIM:#} but not pushed: {}. It is kept and queued: `debrief publish \
             --retry` pushes it once the address set takes publishes.",
            published.path,
            reason.trim_end_matches('.')
        ),
    }
    if published.branch.starts_with("debrief/") && !published.diverted {
        println!("Review branch: {}", published.branch);
    }
    for warning in &report.warnings {
        println!("  - {warning}");
    }
    print_unfinished(report);
}

/// The template's words a reader will find in the file as published: placeholders left standing,
/// sections not yet written. They never block.
fn print_unfinished(report: &PublishReport) {
    if !report.checks.unfinished.is_empty() {
        println!("Still as the template has them (they do not block; write them with `debrief draft --edit`):");
    }
    for concern in &report.checks.unfinished {
        println!("  - {}", concern.message);
    }
}
