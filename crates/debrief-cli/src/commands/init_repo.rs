//! `debrief init-repo`: a team's shared post-mortem repository, set up in one step.

use std::path::PathBuf;
use std::process::ExitCode;

use debrief_core::publish::{DEFAULT_DEBRIEF_SOURCE, StarterOptions, TEAM_TEMPLATE_PATH, set_up_repository};

use crate::output::{BOLD, DIM, DataFormat, print_json};

/// Set up a shared post-mortem repository: README, template, wording rules, pre-commit hook, CI check
///
/// Runs `git init` in DIR when it is not a repository yet, writes the starting files that are
/// missing and commits them with your git (your name, your default branch), ready to push.
/// Files already there are never overwritten, so running it again, or on a team's existing
/// repository, only adds what is missing. A repository that keeps its own post-mortem template
/// ("postmortem-template.md") gets `.debrief/template.md` written from it, so drafts keep the
/// team's sections.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief init-repo postmortems\n  debrief init-repo . --gitlab\n  debrief init-repo postmortems --debrief-source https://github.example.com/tools/debrief"
)]
pub struct Args {
    /// The repository's directory (created if missing)
    #[arg(value_name = "DIR")]
    directory: PathBuf,

    /// Also write a GitLab CI job (.gitlab-ci.yml) beside the GitHub Actions workflow
    #[arg(long)]
    gitlab: bool,

    /// Debrief's repository (https://HOST/OWNER/NAME): the CI workflow uses its GitHub action and downloads its released command
    #[arg(long, value_name = "URL", default_value = DEFAULT_DEBRIEF_SOURCE)]
    debrief_source: String,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = StarterOptions { gitlab: args.gitlab, debrief_source: args.debrief_source };
    let report = set_up_repository(&args.directory, &options)?;
    match args.format {
        DataFormat::Json => print_json(&report)?,
        DataFormat::Text => {
            if report.created_repository {
                println!("Created a git repository in {}.", report.directory);
            }
            for path in &report.written {
                match &report.template_from {
                    Some(team_template) if path == TEAM_TEMPLATE_PATH => {
                        println!("  + {path} (from {team_template}, the team's own template)")
                    }
                    _ => println!("  + {path}"),
                }
            }
            for path in &report.kept {
                anstream::println!("  {DIM}= {path} (already there, left as it is){DIM:#}");
            }
            match &report.commit {
                Some(commit) => anstream::println!(
                    "{BOLD}Committed{BOLD:#} {} starting {} ({}). Next: push it, then `debrief remote set <its URL>` on each laptop; `pre-commit install` in a clone turns the wording check on before each commit.",
                    report.written.len(),
                    if report.written.len() == 1 { "file" } else { "files" },
                    &commit[..commit.len().min(12)]
                ),
                None => println!("Everything was already there; nothing was changed."),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
