//! The one error shape the UI sees: `{code, message}`. The code is the core's stable
//! [`debrief_core::Error::code`], for the UI to branch on; the message is the core's own
//! explanation (what went wrong, what was kept, what to do), written as a sentence.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl From<debrief_core::Error> for AppError {
    fn from(error: debrief_core::Error) -> AppError {
        AppError { code: error.code().to_string(), message: sentence(&error.to_string()) }
    }
}

impl AppError {
    /// A failure of the app itself rather than a refusal by the core (a worker thread died).
    pub fn unexpected(detail: &str) -> AppError {
        AppError {
            code: "unexpected".into(),
            message: format!(
                "Debrief stopped this task unexpectedly ({detail}). What was saved before is kept and nothing else \
                 was affected; try again, and if it keeps happening, report it with what you were doing."
            ),
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
    use super::*;

    #[test]
    fn core_errors_keep_their_code_and_read_as_sentences() {
        let error = AppError::from(debrief_core::Error::IncidentNotFound("2026-11-23-gone".into()));
        assert_eq!(error.code, "incident-not-found");
        assert_eq!(error.message, "No incident with id `2026-11-23-gone`.");
        let error = AppError::from(debrief_core::Error::NoOpenIncident);
        assert_eq!(error.message, "There is no open incident to write to; start one or name one explicitly.");
    }
}
