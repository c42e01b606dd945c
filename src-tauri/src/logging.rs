//! The app logs where the `debrief` command does: a daily-rotated file, `debrief.<date>.log`,
//! in the `logs` folder of the data directory, filtered by `DEBRIEF_LOG` (default `info`).
//! A bug report can then carry one log for both. What is logged is what the app did and how
//! it ended (command names, error codes, counts, durations), never what a person typed: no
//! timeline text, no error message that might quote it, no URL or secret.
//!
//! This mirrors `crates/debrief-cli/src/logging.rs`; both must keep the folder, the file
//! name and the variable in step.

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

const LOG_FILES_KEPT: usize = 7;

/// Starts file logging; quietly does nothing when the data directory is unusable, since
/// the first command will then explain the problem on screen.
pub fn init() -> Option<()> {
    let data_dir = debrief_core::paths::data_dir(None).ok()?;
    let appender = appender(&data_dir)?;
    let filter = EnvFilter::try_from_env("DEBRIEF_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt().with_writer(appender).with_ansi(false).with_env_filter(filter).try_init().ok()
}

fn appender(data_dir: &Path) -> Option<RollingFileAppender> {
    let dir = data_dir.join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("debrief")
        .filename_suffix("log")
        .max_log_files(LOG_FILES_KEPT)
        .build(&dir)
        .ok()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn the_log_is_one_file_a_day_in_the_data_directorys_logs_folder() {
        let home = tempfile::tempdir().expect("temporary directory");
        let mut log = appender(home.path()).expect("log file opened");
        log.write_all(b"app started\n").expect("written");
        log.flush().expect("flushed");
        let files: Vec<String> = std::fs::read_dir(home.path().join("logs"))
            .expect("logs folder")
            .map(|file| file.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0].starts_with("debrief.") && files[0].ends_with(".log"), "{files:?}");
    }
}
