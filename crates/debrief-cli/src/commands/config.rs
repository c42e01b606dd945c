//! `debrief config`: where the settings file is, and the values in effect.

use std::process::ExitCode;

use debrief_core::config::{Config, DEFAULT_CONFIG, redacted};
use serde::Serialize;

use super::Context;
use crate::output::{DataFormat, print_json};

/// Show where Debrief keeps its settings and data, and the settings in effect
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief config\n  debrief config --default > ~/.local/share/debrief/config.toml")]
pub struct Args {
    /// Print the commented default settings file instead
    #[arg(long)]
    default: bool,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

#[derive(Serialize)]
struct Shown<'a> {
    data_dir: String,
    config_file: String,
    config_file_exists: bool,
    settings: &'a Config,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if args.default {
        print!("{DEFAULT_CONFIG}");
        return Ok(ExitCode::SUCCESS);
    }
    let workspace = context.workspace()?;
    let mut config = workspace.config()?;
    config.shared_repository.url = config.shared_repository.url.as_deref().map(redacted);
    let path = workspace.config_path();
    let shown = Shown {
        data_dir: workspace.data_dir().display().to_string(),
        config_file: path.display().to_string(),
        config_file_exists: path.exists(),
        settings: &config,
    };
    match args.format {
        DataFormat::Json => print_json(&shown)?,
        DataFormat::Text => {
            println!("# data directory: {}", shown.data_dir);
            let state = if shown.config_file_exists { "" } else { " (not created yet: all defaults)" };
            println!("# settings file: {}{state}", shown.config_file);
            println!("# values in effect:");
            print!("{}", toml::to_string(&config)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
