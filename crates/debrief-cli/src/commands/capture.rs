//! `debrief capture`: the live capture line for the terminal. Each line typed is
//! saved when Enter is pressed and acknowledged only once it is on disk; a line
//! that cannot be saved says so at once and capture goes on.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use debrief_core::Workspace;
use serde::Serialize;

use super::log::print_ack;
use super::{CaptureIncidentArg, Context};
use crate::output::{DIM, EXIT_ERROR, print_error};

/// Type timeline lines; Enter saves each one
#[derive(clap::Args)]
#[command(after_help = "\
Line syntax:
  Error rate at 40% on checkout          a note
  @alice restarted the pool              @name says who
  /decision fail over to eu-west         /action /decision /observation /communication /change set the kind
  /mitigated                             /detected /mitigated /resolved mark a key time

Examples:
  debrief capture
  tail -f notes.txt | debrief capture --incident 2026-11-23-checkout-latency")]
pub struct Args {
    #[command(flatten)]
    incident: CaptureIncidentArg,

    /// `json` prints one JSON object per saved line (for scripts)
    #[arg(long, value_enum, default_value_t)]
    format: crate::output::DataFormat,
}

/// What `--format json` prints for each saved line.
#[derive(Serialize)]
struct Ack<'a> {
    line: usize,
    #[serde(flatten)]
    entry: &'a debrief_core::Entry,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let debrief_core::Incident { id: incident, title, .. } = args.incident.target(&workspace)?;
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    if interactive {
        anstream::eprintln!("Capturing into {incident} ({title}). Enter saves a line; Ctrl-D stops.");
        anstream::eprintln!(
            "{DIM}@name says who · /decision /action /observation /communication /change · /detected /mitigated /resolved{DIM:#}"
        );
    }
    let json = matches!(args.format, crate::output::DataFormat::Json);
    let sharing = workspace.is_live(&incident)?.then(|| Sharing::start(context, &incident, interactive));
    let mut failures = 0usize;
    let mut reader = stdin.lock();
    let mut raw = Vec::new();
    for number in 1.. {
        if interactive {
            eprint!("> ");
            std::io::stderr().flush().ok();
        }
        raw.clear();
        if reader.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        if let Err(error) = save_line(&workspace, &incident, &raw, number, json) {
            failures += 1;
            print_error(&error);
        }
    }
    if let Some(sharing) = sharing {
        sharing.stop();
    }
    Ok(if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(EXIT_ERROR) })
}

/// In a live incident, lines typed here go to the other responders and theirs come in, on a
/// thread of its own every few seconds: saving a line never waits for the network.
struct Sharing {
    stop: std::sync::mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Sharing {
    fn start(context: &Context, incident: &str, interactive: bool) -> Sharing {
        let every = std::time::Duration::from_millis(
            std::env::var("DEBRIEF_LIVE_MILLISECONDS").ok().and_then(|millis| millis.parse().ok()).unwrap_or(3_000),
        );
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let workspace = context.workspace();
        let incident = incident.to_string();
        let thread = std::thread::spawn(move || {
            let Ok(workspace) = workspace else { return };
            loop {
                let last = !matches!(stopped.recv_timeout(every), Err(std::sync::mpsc::RecvTimeoutError::Timeout));
                match workspace.share_round(&incident) {
                    Ok(round) if interactive && round.received_lines > 0 => anstream::eprintln!(
                        "{DIM}{} new line{} from the others (`debrief timeline` shows them){DIM:#}",
                        round.received_lines,
                        if round.received_lines == 1 { "" } else { "s" }
                    ),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "sharing the live timeline failed"),
                }
                if last {
                    break;
                }
            }
        });
        Sharing { stop, thread }
    }

    /// Shares what is left, then stops.
    fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}

fn save_line(workspace: &Workspace, incident: &str, raw: &[u8], number: usize, json: bool) -> anyhow::Result<()> {
    let line = std::str::from_utf8(raw).map_err(|error| {
        anyhow::anyhow!(
            "line {number} is not valid UTF-8 (byte {}) and was NOT saved; type it again",
            error.valid_up_to()
        )
    })?;
    if line.trim().is_empty() {
        return Ok(());
    }
    let entry = workspace
        .capture_line(incident, line, None, "cli")
        .map_err(|error| anyhow::Error::new(error).context(format!("line {number} was NOT saved")))?;
    if json {
        let mut stdout = std::io::stdout().lock();
        serde_json::to_writer(&mut stdout, &Ack { line: number, entry: &entry })?;
        writeln!(stdout)?;
        stdout.flush()?;
    } else {
        print_ack(&entry);
    }
    Ok(())
}
