//! Logs go to a daily-rotated file in the data directory, never to the terminal.
//! `DEBRIEF_LOG` sets the filter (default `info`). Timeline text is never logged:
//! people paste tokens into incident channels, and logs are shared with bug reports.

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

use crate::commands::Context;

const LOG_FILES_KEPT: usize = 7;

/// Starts file logging; quietly does nothing when the data directory is unusable, since
/// the command itself will then explain the problem.
pub fn init(context: &Context) -> Option<()> {
    let dir = context.workspace().ok()?.data_dir().join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("debrief")
        .filename_suffix("log")
        .max_log_files(LOG_FILES_KEPT)
        .build(&dir)
        .ok()?;
    let filter = EnvFilter::try_from_env("DEBRIEF_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt().with_writer(appender).with_ansi(false).with_env_filter(filter).try_init().ok()
}
