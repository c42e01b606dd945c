//! `debrief`: capture an incident timeline from a terminal, and every other
//! Debrief workflow for scripts, CI and people without the desktop app.
//!
//! Each subcommand lives in its own file under `commands/`. Errors print as one
//! line on standard error with a hint, and exit with status 2.

mod commands;
mod logging;
mod output;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  debrief new \"Checkout latency\" --severity sev2
  debrief log --who alice \"Restarted the connection pool on db-2\"
  debrief mark detected --at 14:05
  debrief capture                      # type lines, Enter saves each one
  debrief import slack export.zip --channel incident-42
  debrief timeline --format md
  debrief action add --owner carol --due +2w --type detective Alert on pool saturation
  debrief factor add --theme capacity \"The pool size was set for last year's traffic\"
  debrief draft --edit                 # the post-mortem, pre-filled from the timeline
  debrief check
  debrief remote set git@github.com:acme/postmortems.git
  debrief publish                      # commit and push; queued when offline
  debrief sync && debrief search connection pool
  debrief similar                      # past post-mortems like this one, and open items
  debrief factors --by quarter         # incidents per contributing-factor theme
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
    Join(commands::join::Args),
    List(commands::list::Args),
    Log(commands::log::Args),
    Mark(commands::mark::Args),
    Capture(commands::capture::Args),
    Timeline(commands::timeline::Args),
    Edit(commands::edit::Args),
    Accept(commands::accept::Args),
    Set(commands::set::Args),
    Link(commands::link::Args),
    Action(commands::action::Args),
    Factor(commands::factor::Args),
    Draft(commands::draft::Args),
    Check(commands::check::Args),
    Import(commands::import::Args),
    ImportPostmortem(commands::import_postmortem::Args),
    Publish(commands::publish::Args),
    Remote(commands::remote::Args),
    InitRepo(commands::init_repo::Args),
    Status(commands::status::Args),
    Sync(commands::sync::Args),
    Search(commands::search::Args),
    Similar(commands::similar::Args),
    Actions(commands::actions::Args),
    Factors(commands::factors::Args),
    Stats(commands::stats::Args),
    OnThisDay(commands::on_this_day::Args),
    Config(commands::config::Args),
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
        Command::Join(args) => commands::join::run(&context, args),
        Command::List(args) => commands::list::run(&context, args),
        Command::Log(args) => commands::log::run(&context, args),
        Command::Mark(args) => commands::mark::run(&context, args),
        Command::Capture(args) => commands::capture::run(&context, args),
        Command::Timeline(args) => commands::timeline::run(&context, args),
        Command::Edit(args) => commands::edit::run(&context, args),
        Command::Accept(args) => commands::accept::run(&context, args),
        Command::Set(args) => commands::set::run(&context, args),
        Command::Link(args) => commands::link::run(&context, args),
        Command::Action(args) => commands::action::run(&context, args),
        Command::Factor(args) => commands::factor::run(&context, args),
        Command::Draft(args) => commands::draft::run(&context, args),
        Command::Check(args) => commands::check::run(&context, args),
        Command::Import(args) => commands::import::run(&context, args),
        Command::ImportPostmortem(args) => commands::import_postmortem::run(&context, args),
        Command::Publish(args) => commands::publish::run(&context, args),
        Command::Remote(args) => commands::remote::run(&context, args),
        Command::InitRepo(args) => commands::init_repo::run(args),
        Command::Status(args) => commands::status::run(&context, args),
        Command::Sync(args) => commands::sync::run(&context, args),
        Command::Search(args) => commands::search::run(&context, args),
        Command::Similar(args) => commands::similar::run(&context, args),
        Command::Actions(args) => commands::actions::run(&context, args),
        Command::Factors(args) => commands::factors::run(&context, args),
        Command::Stats(args) => commands::stats::run(&context, args),
        Command::OnThisDay(args) => commands::on_this_day::run(&context, args),
        Command::Config(args) => commands::config::run(&context, args),
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
