//! `debrief factor`: the contributing factors of one incident, each a sentence and a theme
//! from the team's list, kept with the incident and published in its front matter.

use std::process::ExitCode;

use debrief_core::factors::Themes;
use debrief_core::{ContributingFactor, FactorChange, NewFactor, Workspace};
use serde::Serialize;

use super::{Context, IncidentArg};
use crate::output::{DIM, DataFormat, print_json};

/// List the conditions that together allowed an incident, each with a theme
///
/// A factor is a condition of the system, its tools or the way work is done, described as it
/// looked at the time, never a person. Themes come from the shared repository's
/// .debrief/factors.toml, else Debrief's defaults (`debrief factor themes` lists them); a theme
/// the list does not have is kept, and `debrief check` notes it.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: FactorCommand,
}

#[derive(clap::Subcommand)]
enum FactorCommand {
    /// Add a contributing factor at the end of the list
    #[command(
        after_help = "Examples:\n  debrief factor add --theme capacity \"The pool size was set for last year's traffic\"\n  debrief factor add --theme detection No alert watched the pool saturation"
    )]
    Add {
        #[command(flatten)]
        incident: IncidentArg,
        /// The theme it belongs to, such as capacity or change
        #[arg(long, value_name = "THEME")]
        theme: Option<String>,
        /// The condition, in a sentence
        #[arg(required = true, value_name = "SENTENCE")]
        text: Vec<String>,
    },
    /// List the incident's contributing factors
    #[command(
        after_help = "Examples:\n  debrief factor list\n  debrief factor list --incident 2026-11-23-checkout-latency --format json"
    )]
    List {
        #[command(flatten)]
        incident: IncidentArg,
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// Change a factor's sentence or theme
    #[command(
        visible_alias = "set",
        after_help = "Examples:\n  debrief factor edit 2 --theme detection\n  debrief factor edit 1 --text \"The pool size was set in 2024\"\n  debrief factor edit 3 --theme \"\"      # no theme"
    )]
    Edit {
        /// The factor's number, as `debrief factor list` shows it
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        incident: IncidentArg,
        #[arg(long, value_name = "SENTENCE")]
        text: Option<String>,
        /// The theme; empty for none
        #[arg(long, value_name = "THEME")]
        theme: Option<String>,
    },
    /// Remove a factor; the ones after it move up a place
    #[command(visible_alias = "rm", after_help = "Examples:\n  debrief factor remove 2")]
    Remove {
        #[arg(value_name = "NUMBER")]
        number: i64,
        #[command(flatten)]
        incident: IncidentArg,
    },
    /// The team's themes, with what each covers
    #[command(after_help = "Examples:\n  debrief factor themes\n  debrief factor themes --format json")]
    Themes {
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
}

/// A factor as `list --format json` shows it: with whether the team's list has its theme.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    factor: &'a ContributingFactor,
    team_theme: bool,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    match args.command {
        FactorCommand::Add { incident, theme, text } => {
            let incident = incident.target(&workspace)?.id;
            let factor = workspace.add_factor(&incident, NewFactor { text: text.join(" "), theme })?;
            println!("added contributing factor #{} to {}", factor.id, factor.incident);
            say_about_theme(&workspace, &factor)?;
        }
        FactorCommand::List { incident, format } => {
            let incident = incident.target(&workspace)?.id;
            let factors = workspace.contributing_factors(&incident)?;
            let themes = workspace.factor_themes()?;
            let team_theme =
                |factor: &ContributingFactor| factor.theme.as_deref().is_some_and(|theme| themes.knows(theme));
            match format {
                DataFormat::Json => {
                    let listed: Vec<Listed<'_>> =
                        factors.iter().map(|factor| Listed { factor, team_theme: team_theme(factor) }).collect();
                    print_json(&listed)?;
                }
                DataFormat::Text if factors.is_empty() => println!(
                    "No contributing factors. Add one with `debrief factor add --theme THEME SENTENCE` \
                     (`debrief factor themes` lists the themes)."
                ),
                DataFormat::Text => {
                    let label = |factor: &ContributingFactor| match &factor.theme {
                        Some(theme) if team_theme(factor) => theme.clone(),
                        Some(theme) => format!("{theme}*"),
                        None => "no theme".into(),
                    };
                    let width = factors.iter().map(|factor| label(factor).chars().count()).max().unwrap_or(0);
                    for factor in &factors {
                        anstream::println!("{DIM}#{}{DIM:#}  {:<width$}  {}", factor.id, label(factor), factor.text);
                    }
                    if factors.iter().any(|factor| factor.theme.is_some() && !team_theme(factor)) {
                        anstream::println!(
                            "{DIM}* not one of the team's themes: kept as written (`debrief factor themes` lists \
                             them){DIM:#}"
                        );
                    }
                }
            }
        }
        FactorCommand::Edit { number, incident, text, theme } => {
            let incident = incident.target(&workspace)?.id;
            if text.is_none() && theme.is_none() {
                anyhow::bail!("nothing to change: give --text SENTENCE, --theme THEME, or both");
            }
            let factor = workspace.update_factor(&incident, number, FactorChange { text, theme })?;
            println!("updated contributing factor #{} of {}", factor.id, factor.incident);
            say_about_theme(&workspace, &factor)?;
        }
        FactorCommand::Remove { number, incident } => {
            let incident = incident.target(&workspace)?.id;
            let removed = workspace.remove_factor(&incident, number)?;
            println!("removed contributing factor #{} of {}: {}", removed.id, removed.incident, removed.text);
            let left = workspace.contributing_factors(&incident)?.len() as i64;
            if left >= number {
                anstream::eprintln!(
                    "{DIM}the factors after it moved up a place: `debrief factor list` shows their numbers{DIM:#}"
                );
            }
        }
        FactorCommand::Themes { format } => {
            let themes = workspace.factor_themes()?;
            match format {
                DataFormat::Json => print_json(&themes.themes)?,
                DataFormat::Text => print_themes(&themes),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A factor saved without a theme, or with one the team does not list, says so; it is kept.
fn say_about_theme(workspace: &Workspace, factor: &ContributingFactor) -> anyhow::Result<()> {
    let themes = workspace.factor_themes()?;
    match &factor.theme {
        None => anstream::eprintln!("{DIM}it has no theme yet; the team's themes are {}{DIM:#}", themes.listed()),
        Some(theme) if !themes.knows(theme) => anstream::eprintln!(
            "note: `{theme}` is not one of the team's themes ({}); it was kept as written and is counted under its \
             own name",
            themes.listed()
        ),
        Some(_) => {}
    }
    Ok(())
}

fn print_themes(themes: &Themes) {
    let width = themes.themes.iter().map(|theme| theme.id.chars().count()).max().unwrap_or(0);
    for theme in &themes.themes {
        println!("{:<width$}  {}", theme.id, theme.description);
    }
    match &themes.origin {
        Some(origin) => anstream::println!("{DIM}From {origin} in the shared repository.{DIM:#}"),
        None => anstream::println!(
            "{DIM}Debrief's defaults: a team keeps its own in .debrief/factors.toml in its shared repository \
             (`debrief factors --print-config` prints these, commented).{DIM:#}"
        ),
    }
}
