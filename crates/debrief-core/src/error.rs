//! The errors a person can hit, each saying what went wrong, what was kept
//! and what to do next. Messages stay free of any one shell's vocabulary; a
//! shell adds its own hint from [`Error::code`].

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot use the data directory {path}: {source}. Nothing was stored; choose a writable directory")]
    DataDir { path: PathBuf, source: std::io::Error },

    #[error(
        "the data directory {path} is read-only. Nothing was stored and nothing already stored was changed; \
         make it writable or choose another data directory"
    )]
    ReadOnly { path: PathBuf },

    #[error(
        "the disk holding {path} is full. This change was NOT saved; everything saved before it is intact. \
         Free some space and try again"
    )]
    DiskFull { path: PathBuf },

    #[error(
        "the database {path} was written by a newer version of Debrief (schema {found}, this version knows up to \
         {supported}). It was left untouched; upgrade Debrief to use it"
    )]
    NewerDatabase { path: PathBuf, found: i64, supported: i64 },

    #[error(
        "the database {path} is damaged or is not a Debrief database ({detail}). It was left untouched; move it \
         aside (for example to {path}.damaged) to start a fresh one, or restore it from a backup"
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error("no incident with id `{0}`")]
    IncidentNotFound(String),

    #[error("there is no open incident to write to; start one or name one explicitly")]
    NoOpenIncident,

    #[error("there is no incident yet, so there is nothing to write up; start one, or read a post-mortem in")]
    NoIncident,

    #[error(
        "the incident cannot start after it was {} at {at} (entry #{entry}). Nothing was changed; give a start \
         at or before then, or correct that mark's time first", .key.as_str()
    )]
    StartAfterKeyTime { incident: String, key: crate::model::KeyTime, at: String, entry: i64 },

    #[error("incident {incident} has no entry #{entry}")]
    EntryNotFound { incident: String, entry: i64 },

    #[error("{what}: {reason}. Nothing was stored")]
    Invalid { what: &'static str, reason: String },

    #[error(
        "action item #{number} of {incident} cannot be won't-do without a reason. Nothing was changed; add one line \
         saying why it will not be done, such as \"superseded by #4\" or \"the service is being retired\""
    )]
    WontDoWithoutReason { incident: String, number: i64 },

    #[error("cannot understand the time `{input}`: {reason}")]
    Time { input: String, reason: String },

    #[error("the settings file {path} cannot be used: {reason}. Nothing was changed; fix or remove the file")]
    Config { path: PathBuf, reason: String },

    #[error("line {line}: {reason}. Nothing was imported")]
    Postmortem { line: usize, reason: String },

    #[error("the shared repository's local copy failed while {action}: {detail}. Your post-mortem is kept in Debrief")]
    Git { action: &'static str, detail: String },

    #[error(
        "{} could not be set up as a shared repository: {detail}. Files written there so far are kept; fix this and \
         run it again (files already there are left as they are)",
        directory.display()
    )]
    RepositorySetup { directory: PathBuf, detail: String },

    #[error(
        "the SSH host key of {host} is not in ~/.ssh/known_hosts, or has changed. Nothing was published and your \
         post-mortem is kept; connect once with `ssh` to check the key and record it (if it changed, find out why first)"
    )]
    HostKey { host: String },

    #[error(
        "the HTTPS certificate of {host} is not trusted on this laptop ({detail}). Nothing was published and your \
         post-mortem is kept; install the certificate authority your organisation uses (or set git's \
         http.sslCAInfo) so that git itself can fetch from it"
    )]
    Certificate { host: String, detail: String },

    #[error(
        "cannot sign in to {url}: {detail}. Nothing was published and your post-mortem is kept; check that git itself can push there"
    )]
    Credentials { url: String, detail: String },

    #[error(
        "{url} answered, but has no repository there that this account may see ({detail}). Nothing was published \
         and your post-mortem is kept; check the address (`debrief remote show`) and that git itself can clone it"
    )]
    NoRepository { url: String, detail: String },

    /// A repository that answers but is kept in a way Debrief cannot take in: `what` it is, and
    /// what to do `next`.
    #[error(
        "{url} cannot be used as the shared repository: {what}. Nothing was published and your post-mortem is kept; {next}"
    )]
    Unsupported { url: String, what: String, next: String },

    #[error(
        "git will not use the repository at {path}: it belongs to another user of this computer, and git trusts \
         only your own (its safe.directory setting). Nothing was published and your post-mortem is kept; if you \
         trust it, run `git config --global --add safe.directory {quoted}`, then publish again",
        quoted = shell_word(path)
    )]
    UntrustedRepository { path: String },

    #[error(
        "git does not know who you are, so the commit cannot say who it is by. Nothing was published; run \
         `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`"
    )]
    Identity,

    #[error(
        "git is set to sign commits (commit.gpgSign), and signing with {program} failed: {detail}. Nothing was \
         committed or pushed, and everything written is kept in Debrief (the post-mortem, the timeline's lines); \
         make `git commit -S` work here (user.signingKey, gpg.format, an unlocked key or a running agent), then try \
         again"
    )]
    Signing { program: String, detail: String },

    #[error(
        "the browse index {path} failed: {detail}. It holds nothing that is not in the shared repository; run `sync` again to rebuild it"
    )]
    Index { path: PathBuf, detail: String },

    #[error("cannot import {what}: {reason}. {}", kept_by_import(*.kept))]
    Import { what: String, reason: String, kept: usize },

    #[error(
        "refused {path}: its entry `{entry}` would unpack outside the export (an absolute path or `..`). Nothing was \
         imported; export the workspace from Slack again, or unpack a copy you trust and import the directory"
    )]
    UnsafeArchive { path: PathBuf, entry: String },

    /// The team's contributing-factor themes (`.debrief/factors.toml`) are unusable.
    #[error(
        "the contributing-factor themes in {path} cannot be used: {reason}. Nothing was changed; fix the file in \
         the shared repository, or remove it to use Debrief's default themes"
    )]
    FactorThemes { path: String, reason: String },

    #[error("database error while {action} in {path}: {source}")]
    Database { action: &'static str, path: PathBuf, source: rusqlite::Error },
}

impl Error {
    /// A stable, machine-readable name for the error, for shells that map
    /// errors to `{code, message}` or add their own hints.
    pub fn code(&self) -> &'static str {
        match self {
            Error::DataDir { .. } => "data-dir",
            Error::ReadOnly { .. } => "read-only",
            Error::DiskFull { .. } => "disk-full",
            Error::NewerDatabase { .. } => "newer-database",
            Error::Corrupt { .. } => "corrupt-database",
            Error::IncidentNotFound(_) => "incident-not-found",
            Error::NoOpenIncident => "no-open-incident",
            Error::NoIncident => "no-incident",
            Error::StartAfterKeyTime { .. } => "start-after-key-time",
            Error::EntryNotFound { .. } => "entry-not-found",
            Error::Invalid { .. } => "invalid-input",
            Error::WontDoWithoutReason { .. } => "wont-do-without-reason",
            Error::Time { .. } => "invalid-time",
            Error::Postmortem { .. } => "invalid-postmortem",
            Error::Config { .. } => "config",
            Error::Git { .. } => "git",
            Error::RepositorySetup { .. } => "repository-setup",
            Error::HostKey { .. } => "host-key",
            Error::Certificate { .. } => "certificate",
            Error::Credentials { .. } => "credentials",
            Error::NoRepository { .. } => "no-repository",
            Error::Unsupported { .. } => "unsupported-repository",
            Error::UntrustedRepository { .. } => "untrusted-repository",
            Error::Identity => "identity",
            Error::Signing { .. } => "signing",
            Error::Index { .. } => "index",
            Error::FactorThemes { .. } => "factor-themes",
            Error::Import { .. } => "import",
            Error::UnsafeArchive { .. } => "unsafe-archive",
            Error::Database { .. } => "database",
        }
    }

    pub(crate) fn import(what: impl std::fmt::Display, reason: impl Into<String>) -> Error {
        Error::Import { what: what.to_string(), reason: reason.into(), kept: 0 }
    }

    pub(crate) fn invalid(what: &'static str, reason: impl Into<String>) -> Error {
        Error::Invalid { what, reason: reason.into() }
    }
}

impl From<crate::model::UnknownValue> for Error {
    fn from(unknown: crate::model::UnknownValue) -> Error {
        Error::Invalid { what: unknown.what, reason: unknown.reason }
    }
}

/// What an import that stopped leaves behind.
fn kept_by_import(kept: usize) -> String {
    match kept {
        0 => "Nothing was imported; fix it and import again".to_string(),
        _ => format!(
            "The {kept} lines before it were imported and are kept; fix it and import again: lines already imported \
             are not added twice"
        ),
    }
}

/// `text` as one word of a command to paste into a shell: as it is where nothing in it is
/// special to one, else in single quotes (a path with a space in it, as shared folders have).
pub fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@=".contains(c);
    match !text.is_empty() && text.chars().all(plain) {
        true => text.to_string(),
        false => format!("'{}'", text.replace('\'', "'\\''")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_reaching_a_person_says_nothing_was_stored() {
        let unknown = "sev9".parse::<crate::model::Severity>().unwrap_err();
        let error = Error::from(unknown);
        assert_eq!(error.code(), "invalid-input");
        assert_eq!(error.to_string(), "severity: `sev9` is not one of SEV1 to SEV5. Nothing was stored");
    }
}
