//! The transport where no `git` is installed: libgit2, with the credentials git
//! itself would use: ssh-agent, then the default key files for SSH; git's credential
//! helpers for HTTPS. SSH host keys are checked against `~/.ssh/known_hosts`; an
//! unknown or changed key stops everything.
//!
//! libgit2's own socket timeouts break its TLS reads (they turn the socket non-blocking
//! and then fail on EAGAIN), so none is set: the whole fetch is bounded through its
//! progress callbacks instead. A push to a `file://` repository is done here rather than
//! by libgit2's local transport, which moves the branch without checking what it was:
//! the objects are copied, then the branch is moved only if it still is where this push
//! was built on.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use git2::{
    Cred, CredentialType, Direction, ErrorClass, ErrorCode, FetchOptions, Oid, ProxyOptions, PushOptions,
    RemoteCallbacks, Repository,
};

use super::{Fetched, Limits, PushFailure, RemoteProblem, default_branch_of, git_error, host_of, someone_else_first};
use crate::{Error, Result};

/// SSH keys tried in order when the agent has none that works, as OpenSSH does.
const DEFAULT_KEY_FILES: [&str; 3] = ["id_ed25519", "id_ecdsa", "id_rsa"];

/// The proxy git would use: `http.proxy` (or `http.<url>.proxy`) in git's settings, else the
/// environment's https_proxy, http_proxy and no_proxy.
fn proxy<'a>() -> ProxyOptions<'a> {
    let mut options = ProxyOptions::new();
    options.auto();
    options
}

/// Callbacks that answer credential requests the way git does: for SSH the agent, then each
/// default key file, once each; for HTTPS git's credential helpers, once.
fn callbacks<'a>(tried: &'a RefCell<Vec<String>>, deadline: Instant) -> RemoteCallbacks<'a> {
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
    // Returning false stops the transfer: the whole fetch or push is bounded.
    callbacks.transfer_progress(move |transfer| {
        crate::progress::report(
            "Receiving objects",
            transfer.received_objects() as u64,
            Some(transfer.total_objects() as u64),
        );
        Instant::now() < deadline
    });
    callbacks.sideband_progress(move |_| Instant::now() < deadline);
    callbacks
}

/// libgit2 writes to sockets without asking the system to spare the process when the server has
/// closed its end (the connection an HTTP server drops after its sign-in challenge, for one): the
/// process would be killed by SIGPIPE where a shell tool restored its default. While the guard
/// lives, the signal is ignored and the write fails with an error libgit2 handles.
struct SigpipeIgnored {
    #[cfg(unix)]
    previous: libc::sighandler_t,
}

impl SigpipeIgnored {
    fn new() -> SigpipeIgnored {
        // SAFETY: SIG_IGN is a valid disposition; the previous one is put back on drop.
        #[cfg(unix)]
        return SigpipeIgnored { previous: unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) } };
        #[cfg(not(unix))]
        SigpipeIgnored {}
    }
}

impl Drop for SigpipeIgnored {
    fn drop(&mut self) {
        // SAFETY: restores the disposition `signal` returned, which was valid then.
        #[cfg(unix)]
        unsafe {
            libc::signal(libc::SIGPIPE, self.previous);
        }
    }
}

fn home_ssh_dir() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".ssh"))
}

pub(super) fn fetch(
    repo: &Repository,
    url: &str,
    branch: Option<&str>,
    limits: Limits,
) -> Result<std::result::Result<Fetched, RemoteProblem>> {
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let default_branch = {
        let connection = match remote.connect_auth(Direction::Fetch, Some(callbacks(&tried, deadline)), Some(proxy())) {
            Ok(connection) => connection,
            Err(error) => return classify(error, url, &tried.borrow(), deadline).map(Err),
        };
        let head = connection
            .default_branch()
            .ok()
            .and_then(|name| name.as_str().ok().map(|name| name.trim_start_matches("refs/heads/").to_string()));
        let advertised = connection.list().map_err(|source| git_error("listing the remote's branches", source))?;
        let names: Vec<&str> = advertised.iter().filter_map(|head| head.name().strip_prefix("refs/heads/")).collect();
        default_branch_of(head, &names)
    };
    let mut refspecs = vec!["+refs/heads/debrief/*:refs/remotes/origin/debrief/*".to_string()];
    if let Some(branch) = branch.or(default_branch.as_deref()) {
        refspecs.push(format!("+refs/heads/{branch}:refs/remotes/origin/{branch}"));
    }
    let mut options = FetchOptions::new();
    options.proxy_options(proxy());
    options.remote_callbacks(callbacks(&tried, deadline));
    match remote.fetch(&refspecs, Some(&mut options), None) {
        Ok(()) => Ok(Ok(Fetched { default_branch })),
        Err(error) => classify(error, url, &tried.borrow(), deadline).map(Err),
    }
}

pub(super) fn push(
    repo: &Repository,
    url: &str,
    tip: Oid,
    remote_ref: &str,
    expected: Option<Oid>,
    limits: Limits,
) -> Result<std::result::Result<(), PushFailure>> {
    let url = &push_address(url);
    if let Some(path) = url.strip_prefix("file://") {
        return push_to_directory(repo, path, tip, remote_ref, expected);
    }
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let refused = RefCell::new(None::<String>);
    {
        let mut callbacks = callbacks(&tried, deadline);
        callbacks.push_update_reference(|_, status| {
            if let Some(status) = status {
                *refused.borrow_mut() = Some(status.to_string());
            }
            Ok(())
        });
        let mut options = PushOptions::new();
        options.proxy_options(proxy());
        options.remote_callbacks(callbacks);
        // A refspec without `+`: the server only takes it as a fast-forward of the tip it has.
        if let Err(error) = remote.push(&[format!("{tip}:{remote_ref}")], Some(&mut options)) {
            if error.code() == ErrorCode::NotFastForward
                || error.code() == ErrorCode::Locked
                || someone_else_first(error.message())
            {
                return Ok(Err(PushFailure::NotFastForward(error.message().to_string())));
            }
            return classify_push(error, url, &tried.borrow(), deadline)
                .map(|problem| Err(PushFailure::Problem(problem)));
        }
    }
    match refused.into_inner() {
        None => Ok(Ok(())),
        Some(status) if someone_else_first(&status) => Ok(Err(PushFailure::NotFastForward(status))),
        Some(status) => Ok(Err(PushFailure::Problem(RemoteProblem::Rejected(status)))),
    }
}

/// The address a push to `url` goes to, as git's settings rewrite it: by the longest
/// `url.<base>.pushInsteadOf` it starts with, else the longest `url.<base>.insteadOf`. (libgit2
/// rewrites it too, but gives a `file://` address it rewrote to its local transport the
/// address from before: "failed to resolve path 'git://...'".)
fn push_address(url: &str) -> String {
    let Ok(config) = git2::Config::open_default() else { return url.to_string() };
    let longest = |setting: &str| {
        let mut best: Option<(String, String)> = None;
        let Ok(entries) = config.entries(Some(&format!(r"^url\..*\.{setting}$"))) else { return best };
        let _ = entries.for_each(|entry| {
            let (Ok(name), Ok(prefix)) = (entry.name(), entry.value()) else { return };
            let Some(base) = name.strip_prefix("url.").and_then(|rest| rest.rsplit_once('.')).map(|(base, _)| base)
            else {
                return;
            };
            if url.starts_with(prefix) && best.as_ref().is_none_or(|(_, longest)| prefix.len() > longest.len()) {
                best = Some((base.to_string(), prefix.to_string()));
            }
        });
        best
    };
    match longest("pushinsteadof").or_else(|| longest("insteadof")) {
        Some((base, prefix)) => format!("{base}{}", &url[prefix.len()..]),
        None => url.to_string(),
    }
}

/// A push into a repository on this machine: copies the new objects in, then moves the branch
/// only from `expected` (or creates it only if it does not exist), atomically.
fn push_to_directory(
    repo: &Repository,
    path: &str,
    tip: Oid,
    remote_ref: &str,
    expected: Option<Oid>,
) -> Result<std::result::Result<(), PushFailure>> {
    let target = match Repository::open(path) {
        Ok(target) => target,
        Err(error) => {
            return Ok(Err(PushFailure::Problem(RemoteProblem::Unreachable(format!(
                "no repository at {path} ({})",
                error.message()
            )))));
        }
    };
    let failed = |source| git_error("copying the publish into the shared repository", source);
    let current = target.refname_to_id(remote_ref).ok();
    if current != expected {
        return Ok(Err(PushFailure::NotFastForward("the branch moved since it was fetched (fetch first)".into())));
    }
    let mut walk = repo.revwalk().map_err(failed)?;
    walk.push(tip).map_err(failed)?;
    if let Some(current) = current.filter(|current| repo.find_commit(*current).is_ok()) {
        walk.hide(current).map_err(failed)?;
    }
    let mut pack = repo.packbuilder().map_err(failed)?;
    pack.insert_walk(&mut walk).map_err(failed)?;
    let odb = target.odb().map_err(failed)?;
    let mut writer = odb.packwriter().map_err(failed)?;
    let mut written = Ok(());
    pack.foreach(|chunk| {
        written = writer.write_all(chunk);
        written.is_ok()
    })
    .map_err(failed)?;
    written.map_err(|source| Error::Git {
        action: "copying the publish into the shared repository",
        detail: source.to_string(),
    })?;
    writer.commit().map_err(failed)?;
    let moved = match current {
        Some(current) => target.reference_matching(remote_ref, tip, true, current, "debrief: publish"),
        None => target.reference(remote_ref, tip, false, "debrief: publish"),
    };
    match moved {
        Ok(_) => Ok(Ok(())),
        Err(error) if matches!(error.code(), ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked) => {
            Ok(Err(PushFailure::NotFastForward(format!("someone pushed first ({})", error.message()))))
        }
        Err(error) => Err(failed(error)),
    }
}

pub(super) fn tip_of(
    repo: &Repository,
    url: &str,
    remote_ref: &str,
    limits: Limits,
) -> Result<std::result::Result<Option<Oid>, RemoteProblem>> {
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let connection = match remote.connect_auth(Direction::Fetch, Some(callbacks(&tried, deadline)), Some(proxy())) {
        Ok(connection) => connection,
        Err(error) => return classify(error, url, &tried.borrow(), deadline).map(Err),
    };
    let heads = connection.list().map_err(|source| git_error("listing the remote's branches", source))?;
    Ok(Ok(heads.iter().find(|head| head.name() == remote_ref).map(|head| head.oid())))
}

pub(super) fn list(
    repo: &Repository,
    url: &str,
    prefix: &str,
    limits: Limits,
) -> Result<std::result::Result<Vec<(String, Oid)>, RemoteProblem>> {
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let connection = match remote.connect_auth(Direction::Fetch, Some(callbacks(&tried, deadline)), Some(proxy())) {
        Ok(connection) => connection,
        Err(error) => return classify(error, url, &tried.borrow(), deadline).map(Err),
    };
    let heads = connection.list().map_err(|source| git_error("listing the remote's refs", source))?;
    Ok(Ok(heads
        .iter()
        .filter(|head| head.name().starts_with(prefix))
        .map(|head| (head.name().to_string(), head.oid()))
        .collect()))
}

pub(super) fn fetch_refspecs(
    repo: &Repository,
    url: &str,
    refspecs: &[String],
    prune: bool,
    limits: Limits,
) -> Result<std::result::Result<(), RemoteProblem>> {
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let mut options = FetchOptions::new();
    options.proxy_options(proxy());
    options.remote_callbacks(callbacks(&tried, deadline));
    if prune {
        options.prune(git2::FetchPrune::On);
    }
    match remote.fetch(refspecs, Some(&mut options), None) {
        Ok(()) => Ok(Ok(())),
        Err(error) => classify(error, url, &tried.borrow(), deadline).map(Err),
    }
}

pub(super) fn delete(
    repo: &Repository,
    url: &str,
    remote_ref: &str,
    limits: Limits,
) -> Result<std::result::Result<(), PushFailure>> {
    let url = &push_address(url);
    if let Some(path) = url.strip_prefix("file://") {
        let failed = |source| git_error("removing a ref from the shared repository", source);
        let target = Repository::open(path).map_err(failed)?;
        if let Ok(mut found) = target.find_reference(remote_ref) {
            found.delete().map_err(failed)?;
        }
        return Ok(Ok(()));
    }
    let deadline = Instant::now() + limits.whole;
    let _sigpipe = SigpipeIgnored::new();
    let mut remote = repo.remote_anonymous(url).map_err(|source| git_error("reading the remote's address", source))?;
    let tried = RefCell::new(Vec::new());
    let mut options = PushOptions::new();
    options.proxy_options(proxy());
    options.remote_callbacks(callbacks(&tried, deadline));
    match remote.push(&[format!(":{remote_ref}")], Some(&mut options)) {
        Ok(()) => Ok(Ok(())),
        Err(error) => {
            classify_push(error, url, &tried.borrow(), deadline).map(|problem| Err(PushFailure::Problem(problem)))
        }
    }
}

/// As [`classify`], for a push: a server that serves the repository only to read refuses it.
fn classify_push(error: git2::Error, url: &str, tried: &[String], deadline: Instant) -> Result<RemoteProblem> {
    let said = error.message();
    match super::read_only_server(url, said, true)
        .or_else(|| super::git_servers_own_refusal(&crate::config::redacted(url), said, true))
    {
        Some(refusal) => refusal,
        None => classify(error, url, tried, deadline),
    }
}

/// Host-key and sign-in failures are errors a person must fix; anything else means "not now".
fn classify(error: git2::Error, url: &str, tried: &[String], deadline: Instant) -> Result<RemoteProblem> {
    let message = error.message().to_string();
    if super::names_sha256(&message) {
        return Err(super::sha256_repository(url));
    }
    if let Some(refusal) = super::read_only_server(url, &message, false)
        .or_else(|| super::git_servers_own_refusal(&crate::config::redacted(url), &message, false))
    {
        return refusal;
    }
    if error.code() == ErrorCode::Certificate || message.contains("hostkey") || message.contains("host key") {
        if url.starts_with("https://") {
            return Err(Error::Certificate { host: host_of(url), detail: message });
        }
        return Err(Error::HostKey { host: host_of(url) });
    }
    // A web page where git's protocol was expected: a sign-in gate's page, after its redirect.
    if message.contains("invalid content-type: 'text/html") {
        return Err(super::behind_a_sign_in_page(url, None));
    }
    // Any other kind of file: a web server serving the repository's files as they are (git's
    // "dumb" HTTP), which git reads and libgit2 does not.
    if message.contains("invalid content-type") {
        return Err(Error::Unsupported {
            url: crate::config::redacted(url),
            what: format!(
                "it serves the repository as plain files (git's \"dumb\" HTTP), which Debrief reads only through \
                 git, and git is not installed here ({message})"
            ),
            next: "install git, or set the same repository's ssh:// address, or the https:// address its git \
                   server answers (`debrief remote set URL`)"
                .into(),
        });
    }
    if error.code() == ErrorCode::Owner || message.contains("not owned by current user") {
        return Err(Error::UntrustedRepository { path: super::untrusted_path(&message, url) });
    }
    if message.contains("private key") || message.contains("passphrase") {
        return Err(Error::Credentials {
            url: crate::config::redacted(url),
            detail: format!(
                "{message}: an SSH key that needs its passphrase is used only through ssh-agent; add it with `ssh-add` \
                 (Debrief never asks for passphrases)"
            ),
        });
    }
    if error.code() == ErrorCode::Auth
        || message.contains("authentication")
        || message.contains("no more credentials")
        || message.contains("Username/PublicKey combination invalid")
        || message.contains("failed to acquire username/password")
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
    // A server that answers it has no such repository is not offline (as in `git_cli`'s classify).
    if !super::on_this_computer(url)
        && (message.contains("status code: 404") || message.contains("repository not found"))
    {
        return Err(Error::NoRepository { url: crate::config::redacted(url), detail: message });
    }
    if error.code() == ErrorCode::User && Instant::now() >= deadline {
        return Ok(RemoteProblem::Unreachable("it did not finish in time".into()));
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
