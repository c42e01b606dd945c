//! `debrief`: capture an incident timeline from a terminal, and every other
//! Debrief workflow for scripts, CI and people without the desktop app.
//!
//! Each subcommand lives in its own file under `commands/`. Errors print as one
//! line on standard error with a hint, and exit with status 2.

mod commands;
mod logging;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  debrief new \"Checkout latency\" --severity sev2
  debrief log --who alice \"Restarted the connection pool on db-2\"
  debrief mark detected --at 14:05
  debrief capture                      # type lines, Enter saves each one
  debrief timeline --format md
  debrief lint incidents/              # blameless wording check";

#[derive(Parser)]
#[command(
    name = "debrief",
    version,
    about = "Capture incident timelines that never lose a line, from the terminal",
    after_help = EXAMPLES
)]
struct Cli {
    /// Where Debrief keeps its database [default: $DEBRIEF_HOME, else the platform data directory]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    New(commands::new::Args),
    List(commands::list::Args),
    Log(commands::log::Args),
    Mark(commands::mark::Args),
    Capture(commands::capture::Args),
    Timeline(commands::timeline::Args),
    Edit(commands::edit::Args),
    Lint(commands::lint::Args),
    Completions(commands::completions::Args),
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    let context = commands::Context { data_dir: cli.data_dir };
    let _logging = logging::init(&context);
    let outcome = match cli.command {
        Command::New(args) => commands::new::run(&context, args),
        Command::List(args) => commands::list::run(&context, args),
        Command::Log(args) => commands::log::run(&context, args),
        Command::Mark(args) => commands::mark::run(&context, args),
        Command::Capture(args) => commands::capture::run(&context, args),
        Command::Timeline(args) => commands::timeline::run(&context, args),
        Command::Edit(args) => commands::edit::run(&context, args),
        Command::Lint(args) => commands::lint::run(&context, args),
        Command::Completions(args) => commands::completions::run::<Cli>(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            output::print_error(&error);
            ExitCode::from(output::EXIT_ERROR)
        }
    }
}

/// Ends quietly, like other Unix tools, when a reader such as `head` closes the pipe,
/// instead of failing on the next write.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
