//! Shared presentation: exit codes, error lines with hints, JSON, colour.
//! Colour goes through `anstream`, which drops it when the stream is not a
//! terminal or `NO_COLOR` is set.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use debrief_core::{Error, Status};

/// Findings, or something else that needs a person's attention.
pub const EXIT_ATTENTION: u8 = 1;
pub const EXIT_ERROR: u8 = 2;
/// Committed locally and waiting to be pushed (EX_TEMPFAIL).
pub const EXIT_QUEUED: u8 = 75;

pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();

#[derive(Clone, Copy, Default, clap::ValueEnum)]
pub enum DataFormat {
    /// For people
    #[default]
    Text,
    /// For scripts
    Json,
}

/// `--by`: the period that `debrief stats` and `debrief factors` count incidents in.
#[derive(Clone, Copy, Default, clap::ValueEnum)]
pub enum By {
    #[default]
    Month,
    Quarter,
}

impl From<By> for debrief_core::index::Period {
    fn from(by: By) -> Self {
        match by {
            By::Month => Self::Month,
            By::Quarter => Self::Quarter,
        }
    }
}

pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value)?;
    writeln!(stdout)?;
    Ok(())
}

pub fn status_style(status: Status) -> Style {
    match status {
        Status::Open => AnsiColor::Red.on_default().bold(),
        Status::Mitigated => AnsiColor::Yellow.on_default(),
        Status::Resolved => AnsiColor::Green.on_default(),
    }
}

/// One line: what went wrong, its causes, and what to do next.
pub fn print_error(error: &anyhow::Error) {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    if let Some(hint) = error.downcast_ref::<Error>().and_then(hint) {
        message.push_str("; ");
        message.push_str(&hint);
    }
    anstream::eprintln!("{ERROR}error:{ERROR:#} {message}");
}

fn hint(error: &Error) -> Option<String> {
    let hint = match error {
        Error::IncidentNotFound(_) => "`debrief list` shows the incident ids",
        Error::NoOpenIncident => {
            "start one with `debrief new TITLE`, or pass --incident ID (`debrief list` shows them, resolved ones too)"
        }
        Error::NoIncident => "`debrief new TITLE` starts one; `debrief import-postmortem FILE` reads one in",
        Error::StartAfterKeyTime { incident, entry, .. } => {
            return Some(format!("`debrief edit {entry} --incident {incident} --at TIME` corrects that mark"));
        }
        Error::EntryNotFound { .. } => "`debrief timeline` shows the entry numbers",
        Error::WontDoWithoutReason { incident, number } => {
            return Some(format!("`debrief action wont {number} --incident {incident} --reason TEXT` gives it one"));
        }
        Error::DataDir { .. } | Error::ReadOnly { .. } => "pass --data-dir DIR or set DEBRIEF_HOME",
        _ => return None,
    };
    Some(hint.to_string())
}

/// "1 post-mortem", "2 post-mortems".
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}
