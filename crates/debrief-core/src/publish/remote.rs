//! Talking to the shared repository's remote with the credentials git already
//! uses: ssh-agent, then the default key files for SSH; git's credential
//! helpers for HTTPS. SSH host keys are checked by libgit2 against
//! `~/.ssh/known_hosts`; an unknown or changed key stops everything.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::Once;

use git2::{Cred, CredentialType, ErrorClass, ErrorCode, FetchOptions, PushOptions, RemoteCallbacks, Repository};

use crate::{Error, Result};

/// How long to wait for a remote to answer a connection before treating it as unreachable.
const CONNECT_TIMEOUT_MS: i32 = 10_000;

/// SSH keys tried in order when the agent has none that works, as OpenSSH does.
const DEFAULT_KEY_FILES: [&str; 3] = ["id_ed25519", "id_ecdsa", "id_rsa"];

/// Why a remote could not be used; only `Unreachable` and `Rejected` leave work queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteProblem {
    /// Down, offline, or refusing connections: try again later.
    Unreachable(String),
    /// The remote refused the update (a protected branch, a hook, or someone pushed first).
    Rejected(String),
}

impl std::fmt::Display for RemoteProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemoteProblem::Unreachable(reason) => write!(formatter, "{reason}"),
            RemoteProblem::Rejected(reason) => write!(formatter, "the remote refused: {reason}"),
        }
    }
}

/// A push that did not land, and whether it was because someone else pushed first.
pub enum PushFailure {
    /// Someone else pushed first, or holds the remote's lock: fetch, replay, try again. The
    /// remote's own words, for when it keeps happening.
    NotFastForward(String),
    Problem(RemoteProblem),
}

fn set_timeouts_once() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: runs once, before this process opens any connection; the option is a plain integer in libgit2.
        let _ = unsafe { git2::opts::set_server_connect_timeout_in_milliseconds(CONNECT_TIMEOUT_MS) };
    });
}

/// Callbacks that answer credential requests the way git does: for SSH the agent, then each
/// default key file, once each; for HTTPS git's credential helpers, once.
fn callbacks<'a>(tried: &'a RefCell<Vec<String>>) -> RemoteCallbacks<'a> {
    let ssh_attempts = Cell::new(0usize);
    let helper_asked = Cell::new(false);
    let mut callbacks = RemoteCallbacks::new();
    callbacks.credentials(move |url, username, allowed| {
        let user = username.unwrap_or("git");
        if allowed == CredentialType::USERNAME {
            return Cred::username(user);
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            let attempt = ssh_attempts.get();
            ssh_attempts.set(attempt + 1);
            let agent = std::env::var_os("SSH_AUTH_SOCK").is_some();
            let keys: Vec<PathBuf> = home_ssh_dir()
                .map(|dir| DEFAULT_KEY_FILES.iter().map(|name| dir.join(name)).filter(|path| path.exists()).collect())
                .unwrap_or_default();
            let key_index = if agent { attempt.checked_sub(1) } else { Some(attempt) };
            if agent && attempt == 0 {
                tried.borrow_mut().push("ssh-agent".into());
                return Cred::ssh_key_from_agent(user);
            }
            if let Some(key) = key_index.and_then(|index| keys.get(index)) {
                tried.borrow_mut().push(format!("~/.ssh/{}", key.file_name().unwrap_or_default().to_string_lossy()));
                return Cred::ssh_key(user, None, key, None);
            }
        } else if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) && !helper_asked.replace(true) {
            tried.borrow_mut().push("git's credential helpers".into());
            let config = git2::Config::open_default()?;
            return Cred::credential_helper(&config, url, username);
        } else if allowed.contains(CredentialType::DEFAULT) && !helper_asked.replace(true) {
            return Cred::default();
        }
        Err(git2::Error::from_str("no more credentials to try"))
    });
    callbacks
}

fn home_ssh_dir() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".ssh"))
}

/// Fetches the published branch and review branches into `refs/remotes/origin/`.
pub fn fetch(repo: &Repository, url: &str, branch: &str) -> Result<std::result::Result<(), RemoteProblem>> {
    set_timeouts_once();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let mut options = FetchOptions::new();
    options.remote_callbacks(callbacks(&tried));
    let refspecs = [
        format!("+refs/heads/{branch}:refs/remotes/origin/{branch}"),
        "+refs/heads/debrief/*:refs/remotes/origin/debrief/*".to_string(),
    ];
    match remote.fetch(&refspecs, Some(&mut options), None) {
        Ok(()) => Ok(Ok(())),
        Err(error) => classify(error, url, &tried.borrow()).map(Err),
    }
}

/// Pushes `local` to `remote_ref`; a non-fast-forward is reported apart so the caller can replay.
pub fn push(
    repo: &Repository,
    url: &str,
    local: &str,
    remote_ref: &str,
) -> Result<std::result::Result<(), PushFailure>> {
    set_timeouts_once();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let refused = RefCell::new(None::<String>);
    {
        let mut callbacks = callbacks(&tried);
        callbacks.push_update_reference(|_, status| {
            if let Some(status) = status {
                *refused.borrow_mut() = Some(status.to_string());
            }
            Ok(())
        });
        let mut options = PushOptions::new();
        options.remote_callbacks(callbacks);
        if let Err(error) = remote.push(&[format!("{local}:{remote_ref}")], Some(&mut options)) {
            if error.code() == ErrorCode::NotFastForward
                || error.code() == ErrorCode::Locked
                || someone_else_first(error.message())
            {
                return Ok(Err(PushFailure::NotFastForward(error.message().to_string())));
            }
            return classify(error, url, &tried.borrow()).map(|problem| Err(PushFailure::Problem(problem)));
        }
    }
    match refused.into_inner() {
        None => Ok(Ok(())),
        Some(status) if someone_else_first(&status) => Ok(Err(PushFailure::NotFastForward(status))),
        Some(status) => Ok(Err(PushFailure::Problem(RemoteProblem::Rejected(status)))),
    }
}

/// Whether a refused push means another push got there first (a new tip, or a ref lock held
/// by a concurrent push): fetching and replaying again fixes it.
fn someone_else_first(message: &str) -> bool {
    ["fast-forward", "fastforward", "fetch first", "failed to lock", "cannot lock", "already exists"]
        .iter()
        .any(|sign| message.contains(sign))
}

/// Host-key and sign-in failures are errors a person must fix; anything else means "not now".
fn classify(error: git2::Error, url: &str, tried: &[String]) -> Result<RemoteProblem> {
    let message = error.message().to_string();
    if error.code() == ErrorCode::Certificate || message.contains("hostkey") || message.contains("host key") {
        return Err(Error::HostKey { host: host_of(url) });
    }
    if error.code() == ErrorCode::Auth
        || message.contains("authentication")
        || message.contains("no more credentials")
        || message.contains("Username/PublicKey combination invalid")
    {
        let tried = if !tried.is_empty() {
            format!("tried {}", tried.join(", then "))
        } else if url.starts_with("http") {
            "git has no credential helper with a password or token for it".to_string()
        } else {
            "there is no SSH key to offer: no ssh-agent (SSH_AUTH_SOCK is not set) and no ~/.ssh/id_ed25519, \
             id_ecdsa or id_rsa"
                .to_string()
        };
        return Err(Error::Credentials { url: crate::config::redacted(url), detail: format!("{message} ({tried})") });
    }
    match error.class() {
        ErrorClass::Net
        | ErrorClass::Os
        | ErrorClass::Ssh
        | ErrorClass::Http
        | ErrorClass::Ssl
        | ErrorClass::Callback => Ok(RemoteProblem::Unreachable(message)),
        _ if error.code() == ErrorCode::NotFound
            || message.contains("not found")
            || message.contains("does not appear") =>
        {
            Ok(RemoteProblem::Unreachable(message))
        }
        _ => Err(git_error("talking to the shared repository", error)),
    }
}

/// The host (and port) part of a remote URL, as `ssh` would be given it.
pub fn host_of(url: &str) -> String {
    let without_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let authority = without_scheme.split(['/']).next().unwrap_or(without_scheme);
    let host = authority.rsplit_once('@').map(|(_, host)| host).unwrap_or(authority);
    // scp-like `git@host:team/repo.git`
    if !url.contains("://") {
        return host.split(':').next().unwrap_or(host).to_string();
    }
    host.to_string()
}

pub fn git_error(action: &'static str, source: git2::Error) -> Error {
    Error::Git { action, detail: source.message().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_every_url_form() {
        assert_eq!(host_of("ssh://git@example.com:2222/team/pm.git"), "example.com:2222");
        assert_eq!(host_of("git@example.com:team/pm.git"), "example.com");
        assert_eq!(host_of("https://example.com/team/pm.git"), "example.com");
    }
}
