//! `debrief completions`: shell completion scripts.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

/// Print a shell completion script
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief completions bash > ~/.local/share/bash-completion/completions/debrief\n  debrief completions zsh > ~/.zfunc/_debrief"
)]
pub struct Args {
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run<Cli: CommandFactory>(args: Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let name = command.get_name().to_string();
    clap_complete::generate(args.shell, &mut command, name, &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
