//! `debrief remote`: the team's shared post-mortem repository.

use std::process::ExitCode;

use anyhow::Context as _;
use debrief_core::publish::PUBLISHING_ELSEWHERE;

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

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    match args.command {
        RemoteCommand::Set { url } => {
            let url = absolute_if_a_path(url.trim())?;
            let url = url.as_str();
            workspace.set_repository_url(url)?;
            println!("The shared repository is now {url}.");
            crate::progress::show_on_terminal(false);
            let tried = workspace.try_repository();
            debrief_core::progress::finish();
            let tried =
                tried.map_err(|error| anyhow::Error::new(error).context("the URL is saved, but cannot be used yet"))?;
            match tried.unreachable {
                None => {
                    println!("It can be reached; publishes go to its branch {}.", tried.branch);
                    let count: usize = tried.locations.iter().map(|location| location.count).sum();
                    if count > 0 {
                        println!(
                            "It holds {}: {}. `debrief sync` indexes them.",
                            crate::output::plural(count, "post-mortem"),
                            super::sync::describe_locations(&tried.locations)
                        );
                    } else if !tried.markdown_elsewhere.is_empty() || !tried.unread_formats.is_empty() {
                        let settings = workspace.config_path();
                        let hint = super::sync::none_found(&tried.markdown_elsewhere, &tried.unread_formats, &settings);
                        println!("{hint}");
                    }
                    if let Some(template) = &tried.own_template {
                        println!(
                            "It keeps its own post-mortem template, {template}; drafts follow Debrief's until its \
                             .debrief/template.md holds one (`debrief init-repo DIR` in a clone writes that from \
                             it, for you to push)."
                        );
                    }
                }
                Some(problem) => println!(
                    "It cannot be reached right now ({problem}); publishes will be committed and queued until it can."
                ),
            }
        }
        RemoteCommand::Show { format } => {
            let shown = workspace.remote_view()?;
            if shown.publishing_elsewhere {
                eprintln!("Note: {PUBLISHING_ELSEWHERE}.");
            }
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

/// A relative path to a repository (`../postmortems.git`) as the folder it names from here: the
/// setting is used from every folder later, and by the app. A `~/` a shell left unexpanded
/// (the path was quoted) is the home folder, as the shell would have read it.
fn absolute_if_a_path(url: &str) -> anyhow::Result<String> {
    if !debrief_core::config::is_relative_path(url) {
        return Ok(url.to_string());
    }
    let home =
        url.strip_prefix("~/").zip(std::env::var_os("HOME")).map(|(rest, home)| std::path::Path::new(&home).join(rest));
    let path = home.as_deref().unwrap_or(std::path::Path::new(url));
    let absolute = match std::fs::canonicalize(path) {
        Ok(found) => found,
        Err(_) => std::path::absolute(path).with_context(|| format!("cannot tell which folder `{url}` names"))?,
    };
    absolute.to_str().map(str::to_string).with_context(|| format!("the path `{}` is not UTF-8", absolute.display()))
}
