//! The one error shape the UI sees: `{code, message}`. The code is the core's stable
//! [`debrief_core::Error::code`], exported to TypeScript as the union [`ErrorCode`] so the
//! UI switches on known codes and the type checker catches a misspelt one; the message is
//! the core's own explanation (what went wrong, what was kept, what to do), as a sentence.

use serde::{Deserialize, Serialize};

/// Why a command failed, for the UI to branch on. All but the last two are the core's
/// codes, named exactly as [`debrief_core::Error::code`] names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    DataDir,
    ReadOnly,
    DiskFull,
    NewerDatabase,
    CorruptDatabase,
    IncidentNotFound,
    NoOpenIncident,
    NoIncident,
    StartAfterKeyTime,
    EntryNotFound,
    InvalidInput,
    WontDoWithoutReason,
    InvalidTime,
    InvalidPostmortem,
    Config,
    Git,
    RepositorySetup,
    HostKey,
    Certificate,
    Credentials,
    NoRepository,
    UnsupportedRepository,
    UntrustedRepository,
    Identity,
    Signing,
    Index,
    FactorThemes,
    Import,
    UnsafeArchive,
    Database,
    /// The app itself failed (a worker died), not the core.
    Unexpected,
    /// The window walked away from the work before it ended (see `cancel_task`).
    Cancelled,
}

impl ErrorCode {
    /// Whether the core turned down what was asked (no such incident, not a time) rather
    /// than failing at it: routine in a log, where the rest deserves a warning.
    pub fn is_about_the_request(self) -> bool {
        matches!(
            self,
            ErrorCode::NoOpenIncident
                | ErrorCode::NoIncident
                | ErrorCode::IncidentNotFound
                | ErrorCode::EntryNotFound
                | ErrorCode::StartAfterKeyTime
                | ErrorCode::InvalidInput
                | ErrorCode::WontDoWithoutReason
                | ErrorCode::InvalidTime
                | ErrorCode::InvalidPostmortem
        )
    }

    /// The code for one of the core's; a code this app does not know yet reads as unexpected.
    fn of(code: &str) -> ErrorCode {
        ErrorCode::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(code)).unwrap_or_else(
            |_| {
                tracing::error!(code, "the core gave an error code the app does not know");
                ErrorCode::Unexpected
            },
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<debrief_core::Error> for AppError {
    fn from(error: debrief_core::Error) -> AppError {
        AppError { code: ErrorCode::of(error.code()), message: sentence(&error.to_string()) }
    }
}

impl AppError {
    /// A failure of the app itself rather than a refusal by the core (a worker thread died).
    pub fn unexpected(detail: &str) -> AppError {
        AppError {
            code: ErrorCode::Unexpected,
            message: format!(
                "Debrief stopped this task unexpectedly ({detail}). What was saved before is kept and nothing else \
                 was affected; try again, and if it keeps happening, report it with what you were doing."
            ),
        }
    }

    /// The answer to work the window walked away from; nobody is meant to read it.
    pub fn cancelled() -> AppError {
        AppError {
            code: ErrorCode::Cancelled,
            message: "This was stopped because its view was closed. Nothing it would have shown was kept; open the \
                      view again to start it afresh."
                .into(),
        }
    }
}

/// The core's messages continue a sentence on a terminal ("error: the disk ..."); on
/// screen they stand alone, so they start with a capital letter and end with a full stop.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use debrief_core::Error;

    use super::*;

    /// One error of every kind the core has. The match below stops compiling when the core
    /// gains a kind, so its code is added to [`ErrorCode`] and here.
    fn one_of_each() -> Vec<Error> {
        let path = || PathBuf::from("/data");
        let io = || std::io::Error::other("no");
        let errors = vec![
            Error::DataDir { path: path(), source: io() },
            Error::ReadOnly { path: path() },
            Error::DiskFull { path: path() },
            Error::NewerDatabase { path: path(), found: 9, supported: 8 },
            Error::Corrupt { path: path(), detail: "no".into() },
            Error::IncidentNotFound("x".into()),
            Error::NoOpenIncident,
            Error::NoIncident,
            Error::StartAfterKeyTime {
                incident: "x".into(),
                key: debrief_core::KeyTime::Detected,
                at: "14:00".into(),
                entry: 1,
            },
            Error::EntryNotFound { incident: "x".into(), entry: 1 },
            Error::Invalid { what: "title", reason: "no".into() },
            Error::WontDoWithoutReason { incident: "x".into(), number: 1 },
            Error::Time { input: "later".into(), reason: "no".into() },
            Error::Config { path: path(), reason: "no".into() },
            Error::Postmortem { line: 1, reason: "no".into() },
            Error::Git { action: "fetching", detail: "no".into() },
            Error::RepositorySetup { directory: path(), detail: "no".into() },
            Error::HostKey { host: "example.com".into() },
            Error::Certificate { host: "example.com".into(), detail: "no".into() },
            Error::Credentials { url: "https://example.com".into(), detail: "no".into() },
            Error::NoRepository { url: "https://example.com".into(), detail: "Repository not found".into() },
            Error::Unsupported { url: "https://example.com".into(), what: "no".into(), next: "yes".into() },
            Error::UntrustedRepository { path: "/srv/postmortems.git".into() },
            Error::Identity,
            Error::Signing { program: "gpg".into(), detail: "no".into() },
            Error::Index { path: path(), detail: "no".into() },
            Error::Import { what: "x".into(), reason: "no".into(), kept: 0 },
            Error::UnsafeArchive { path: path(), entry: "../x".into() },
            Error::FactorThemes { path: ".debrief/factors.toml".into(), reason: "no".into() },
            Error::Database { action: "reading", path: path(), source: rusqlite::Error::QueryReturnedNoRows },
        ];
        for error in &errors {
            match error {
                Error::DataDir { .. }
                | Error::ReadOnly { .. }
                | Error::DiskFull { .. }
                | Error::NewerDatabase { .. }
                | Error::Corrupt { .. }
                | Error::IncidentNotFound(_)
                | Error::NoOpenIncident
                | Error::NoIncident
                | Error::StartAfterKeyTime { .. }
                | Error::EntryNotFound { .. }
                | Error::Invalid { .. }
                | Error::WontDoWithoutReason { .. }
                | Error::Time { .. }
                | Error::Config { .. }
                | Error::Postmortem { .. }
                | Error::Git { .. }
                | Error::RepositorySetup { .. }
                | Error::HostKey { .. }
                | Error::Certificate { .. }
                | Error::Credentials { .. }
                | Error::NoRepository { .. }
                | Error::Unsupported { .. }
                | Error::UntrustedRepository { .. }
                | Error::Identity
                | Error::Signing { .. }
                | Error::Index { .. }
                | Error::Import { .. }
                | Error::UnsafeArchive { .. }
                | Error::FactorThemes { .. }
                | Error::Database { .. } => {}
            }
        }
        errors
    }

    #[test]
    fn every_core_error_has_its_own_code_in_the_union() {
        for error in one_of_each() {
            let core_code = error.code();
            let app = AppError::from(error);
            assert_ne!(app.code, ErrorCode::Unexpected, "{core_code} has no code the UI knows");
            assert_eq!(serde_json::to_value(app.code).expect("code serialized"), core_code);
        }
    }

    #[test]
    fn core_errors_keep_their_code_and_read_as_sentences() {
        let error = AppError::from(Error::IncidentNotFound("2026-11-23-gone".into()));
        assert_eq!(error.code, ErrorCode::IncidentNotFound);
        assert_eq!(error.message, "No incident with id `2026-11-23-gone`.");
        let error = AppError::from(Error::NoOpenIncident);
        assert_eq!(error.message, "There is no open incident to write to; start one or name one explicitly.");
        assert_eq!(
            serde_json::to_value(&error).expect("serialized"),
            serde_json::json!({"code": "no-open-incident", "message": error.message})
        );
    }
}
