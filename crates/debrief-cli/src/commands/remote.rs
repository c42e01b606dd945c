//! `debrief remote`: the team's shared post-mortem repository.

use std::process::ExitCode;

use debrief_core::config::{Config, redacted};
use debrief_core::publish::{PUBLISHING_ELSEWHERE, SharedRepo};
use serde::Serialize;

use super::Context;
use crate::output::{DataFormat, print_json};

/// Set or show the shared post-mortem repository
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: RemoteCommand,
}

#[derive(clap::Subcommand)]
enum RemoteCommand {
    /// Point Debrief at the team's repository (and check that it can be reached)
    #[command(
        after_help = "Examples:\n  debrief remote set git@github.com:acme/postmortems.git\n  debrief remote set ssh://git@git.example.com:2222/sre/postmortems.git\n  debrief remote set file:///srv/git/postmortems.git\n\nCredentials are git's own: ssh-agent, ~/.ssh keys, git credential helpers."
    )]
    Set {
        #[arg(value_name = "URL")]
        url: String,
    },
    /// Show the shared repository, the local copy and what waits to be pushed
    Show {
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
}

#[derive(Serialize)]
struct Shown {
    url: Option<String>,
    branch: String,
    /// True when the branch is the repository's own default (its HEAD), not one set in the settings.
    default_branch: bool,
    local_copy: String,
    queued: usize,
    /// What talks to the remote: the user's git, or libgit2 where there is none.
    transport: String,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let data_dir = context.resolved_data_dir()?;
    match args.command {
        RemoteCommand::Set { url } => {
            let url = url.trim();
            let config = Config::set_repository_url(&data_dir, url)?;
            println!("The shared repository is now {url}.");
            let mut repo = SharedRepo::open(&data_dir, &config.shared_repository)?;
            crate::progress::show_on_terminal(false);
            let fetched = repo.fetch();
            debrief_core::progress::finish();
            match fetched {
                Ok(Ok(())) => {
                    println!("It can be reached; publishes go to its branch {}.", repo.branch());
                    let found = repo.postmortem_locations()?;
                    let count: usize = found.iter().map(|location| location.count).sum();
                    if count > 0 {
                        println!(
                            "It holds {count} post-mortems: {}. `debrief sync` indexes them.",
                            super::sync::describe_locations(&found)
                        );
                    }
                }
                Ok(Err(problem)) => println!(
                    "It cannot be reached right now ({problem}); publishes will be committed and queued until it can."
                ),
                Err(error) => {
                    return Err(anyhow::Error::new(error).context("the URL is saved, but cannot be used yet"));
                }
            }
        }
        RemoteCommand::Show { format } => {
            let config = context.load_config()?;
            let (repo, busy) = SharedRepo::open_for_reading(&data_dir, &config.shared_repository)?;
            if busy {
                eprintln!("Note: {PUBLISHING_ELSEWHERE}.");
            }
            let shown = Shown {
                url: config.shared_repository.url.as_deref().map(redacted),
                branch: repo.branch().to_string(),
                default_branch: config.shared_repository.branch.is_none(),
                local_copy: repo.path().display().to_string(),
                queued: repo.queued()?.len(),
                transport: debrief_core::publish::transport_name(),
            };
            match format {
                DataFormat::Json => print_json(&shown)?,
                DataFormat::Text => {
                    match &shown.url {
                        Some(url) => println!(
                            "shared repository  {url} (branch {}{})",
                            shown.branch,
                            if shown.default_branch { ", its default" } else { ", from the settings" }
                        ),
                        None => println!(
                            "shared repository  none set: publishes stay in the local copy (`debrief remote set URL`)"
                        ),
                    }
                    println!("local copy         {}", shown.local_copy);
                    println!("waiting to push    {}", shown.queued);
                    println!("talks to it with   {}", shown.transport);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
