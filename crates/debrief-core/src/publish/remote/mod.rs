//! Talking to the shared repository's remote. Where the person has `git` installed, fetch
//! and push run it, so everything their git is set up with works the same for Debrief:
//! `~/.ssh/config` host aliases and keys, ssh-agent and askpass, credential helpers,
//! proxies, `insteadOf` rewrites and their known_hosts. Without `git`, libgit2 does the
//! transport with the agent, the default keys and git's credential helpers.
//!
//! Every network step has a time limit: a remote that stops answering is given up on, and
//! the publish waits in the queue with that reason. A push only ever moves a branch from
//! the tip it was built on (never a forced update), and is confirmed afterwards.

mod git_cli;
mod libgit2;

use std::time::Duration;

use git2::{Oid, Repository};

use crate::config::SharedRepository;
use crate::{Error, Result};

pub(super) use git_cli::REPOSITORY_VARIABLES;

/// The `git` Debrief runs, where one is installed.
pub(super) fn git_program() -> Option<&'static std::path::Path> {
    git_cli::installed().map(|git| git.program())
}

/// Whether the shared repository is a folder on this computer (`file://`, a path): one missing
/// there may be a share not mounted now, where a server answering that it has no such
/// repository is not offline.
fn on_this_computer(url: &str) -> bool {
    url.starts_with("file:") || url.starts_with('/')
}

/// The sign-in problem of a repository behind a single sign-on gate that answers git with its
/// sign-in page: the page (named without its query, which may carry a state or a token) where
/// git says where it was sent.
fn behind_a_sign_in_page(url: &str, page: Option<&str>) -> Error {
    let page = page.map(|page| format!(" ({})", page.split(['?', '#']).next().unwrap_or(page))).unwrap_or_default();
    Error::Credentials {
        url: crate::config::redacted(url),
        detail: format!(
            "it answers with a web page{page} instead of the repository: a single sign-on gate stands in front of \
             it, which git cannot pass by itself; give git what the gate takes (a token in git's credential \
             helper, or the header it wants in http.extraHeader), as its administrators advise"
        ),
    }
}

/// A server that serves the repository only to read, in Debrief's words, from what git said in
/// refusing it: never a sign-in problem, as neither signs anyone in, and never "offline".
///
/// git daemon serves `git://` addresses, and takes a push only where its server enables it;
/// its answers are one line, the same for every refusal unless the server runs with
/// `--informative-errors`. A web server that serves the repository's files as they are (git's
/// "dumb" HTTP: nginx or Apache over a folder, no `git http-backend`) lets git read it, and
/// git's push then tries WebDAV, which such a server does not take ("git-http-push failed").
fn read_only_server(url: &str, said: &str, pushing: bool) -> Option<Result<RemoteProblem>> {
    let lowered = said.to_lowercase();
    let elsewhere = "publish to the same repository's ssh:// address, or the https:// address its git server \
                     answers (`debrief remote set URL`, or git's `url.<that address>.pushInsteadOf` to keep \
                     reading here)";
    if pushing && lowered.contains("git-http-push failed") {
        return Some(Ok(RemoteProblem::ReadOnly(format!(
            "{} serves the repository as plain files (git's \"dumb\" HTTP), which git reads but cannot publish \
             to; {elsewhere} ({})",
            crate::config::redacted(url),
            said.trim()
        ))));
    }
    if !url.get(..6).is_some_and(|scheme| scheme.eq_ignore_ascii_case("git://")) {
        return None;
    }
    // ("access denied or repository not exported" is what it says of every refusal by default.)
    let refused = ["repository not exported", "service not enabled"];
    if pushing && refused.iter().any(|sign| lowered.contains(sign)) {
        return Some(Ok(RemoteProblem::ReadOnly(format!(
            "{url} is served by git daemon, which takes no publishes unless its server enables pushes \
             (--enable=receive-pack), and signs no one in; {elsewhere} ({})",
            said.trim()
        ))));
    }
    (refused.iter().any(|sign| lowered.contains(sign)) || lowered.contains("no such repository")).then(|| {
        Err(Error::NoRepository {
            url: crate::config::redacted(url),
            detail: format!("git daemon serves no repository at that path to read ({})", said.trim()),
        })
    })
}

/// What a git server that teams run themselves said in refusing, in Debrief's words, where its
/// words are its own: gitolite ("FATAL: W any postmortems tess DENIED by fallthru"), Gitea and
/// Forgejo ("Gitea: Cannot find repository: team/postmortems", "Forgejo: User permission denied
/// for writing."), Azure DevOps and Bitbucket, and a repository a host keeps to read (archived,
/// a mirror). A refusal is never the server being out of reach: a repository this account may
/// not read looks missing, one it may read and not write to lacks write access, one archived
/// takes no publishes.
fn git_servers_own_refusal(url: &str, said: &str, pushing: bool) -> Option<Result<RemoteProblem>> {
    // (On one line, without gitolite's "FATAL:" where libgit2 passes it on.)
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let said = said.strip_prefix("FATAL: ").unwrap_or(&said);
    let lowered = said.to_lowercase();
    // gitolite: "<access> <ref, or any> <repository> <user> DENIED by <rule>", R for reading (with
    // "or you mis-spelled the reponame" where the repository itself is refused). Refused one
    // branch only (its update hook names the ref), an account may write elsewhere: that is a
    // protected branch, which the remote's refusal of the ref already says.
    if let Some(before) = lowered.find(" denied by ").map(|at| &lowered[..at]) {
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        if let [_user, _repository, reference, access] = words.as_slice() {
            let reading = *access == "r";
            let writing = !reading && access.chars().all(|letter| "rw+cdm".contains(letter));
            if reading || (writing && *reference == "any") {
                return Some(Err(refused_access(url, said, reading, pushing)));
            }
        }
    }
    // GitHub, for an organisation that enforces single sign-on (SAML), refuses a token or key not
    // authorized for it, over SSH in words of its own.
    if lowered.contains("saml sso") || lowered.contains("authorized for sso") {
        return Some(Err(Error::Credentials {
            url: url.to_string(),
            detail: format!(
                "the organisation that owns it requires single sign-on, and the token or SSH key git offered is not \
                 authorized for it; authorize it for the organisation on the git host (on GitHub, Configure SSO \
                 beside the token or key) ({said})"
            ),
        }));
    }
    // An account the host has stopped, a kind of key it no longer takes ("You're using an RSA key
    // with SHA-1, which is no longer allowed").
    let account_stopped = ["account is suspended", "account has been blocked", "account is disabled"];
    if account_stopped.iter().any(|sign| lowered.contains(sign)) || lowered.contains("no longer allowed") {
        return Some(Err(Error::Credentials {
            url: url.to_string(),
            detail: format!("the git host refuses this account or its key as it is ({said})"),
        }));
    }
    // (Azure DevOps: "TF401019: The Git repository with name or identifier pm does not exist or
    // you do not have permissions ..."; "TF401027: You need the Git 'GenericContribute'
    // permission ..."; Bitbucket: "access via a deployment key is read-only".)
    // (Bitbucket: "repository does not exist".)
    if ["cannot find repository", "tf401019", "repository does not exist"].iter().any(|sign| lowered.contains(sign)) {
        return Some(Err(Error::NoRepository { url: url.to_string(), detail: said.to_string() }));
    }
    let write_refused = ["permission denied for writing", "genericcontribute", "deployment key is read-only"];
    if write_refused.iter().any(|sign| lowered.contains(sign)) {
        return Some(Err(refused_access(url, said, false, pushing)));
    }
    let kept_to_read = ["is archived", "was archived", "archived so it is read-only", "mirror repository"];
    if pushing && kept_to_read.iter().any(|sign| lowered.contains(sign)) {
        return Some(Ok(RemoteProblem::ReadOnly(format!(
            "{url} is kept to read only (archived, or a mirror of another repository), so it takes no publishes; \
             its owners can make it take them again, or publish to the repository that took its place \
             (`debrief remote set URL`) ({said})"
        ))));
    }
    None
}

/// A server's refusal of this account: to read it (the repository looks missing to an account
/// that may not see it), or to write to it (a read-only token, a role that only reads: an
/// account refused a push that fetched the repository may read it).
fn refused_access(url: &str, said: &str, reading: bool, pushing: bool) -> Error {
    match (reading, pushing) {
        (true, _) => Error::NoRepository { url: url.to_string(), detail: said.to_string() },
        (false, true) => Error::Credentials {
            url: url.to_string(),
            detail: format!(
                "signed in, but this account may read the repository but not push to it; ask its owners for write \
                 access ({said})"
            ),
        },
        (false, false) => Error::Credentials {
            url: url.to_string(),
            detail: format!("signed in, but this account may not use the repository ({said})"),
        },
    }
}

/// Whether git or libgit2 said that the repository's objects are named by SHA-256
/// (`git init --object-format=sha256`).
fn names_sha256(said: &str) -> bool {
    let lowered = said.to_lowercase();
    lowered.contains("sha256") && (lowered.contains("object format") || lowered.contains("mismatched algorithms"))
}

/// A repository whose objects are named by SHA-256: Debrief's copy is kept with libgit2, which
/// holds SHA-1 names only, so no fetch will ever take it in.
fn sha256_repository(url: &str) -> Error {
    Error::Unsupported {
        url: crate::config::redacted(url),
        what: "its objects are named by SHA-256 (it was made with `git init --object-format=sha256`), and \
               Debrief's copy of the shared repository holds git's default SHA-1 names only"
            .into(),
        next: "share post-mortems through a repository with SHA-1 names (`git init --bare` makes one; \
               `debrief init-repo` sets it up)"
            .into(),
    }
}

/// The repository git refused for belonging to another user, as git names it in `said` (the
/// path safe.directory takes: "... dubious ownership in repository at '/srv/pm.git'", libgit2's
/// "repository path '/srv/pm.git/' is not owned by current user"), else as the URL names it.
fn untrusted_path(said: &str, url: &str) -> String {
    let quoted = ["repository at '", "repository path '"].iter().find_map(|before| {
        let rest = &said[said.find(before)? + before.len()..];
        Some(rest[..rest.find('\'')?].trim_end_matches('/').to_string())
    });
    quoted.unwrap_or_else(|| url.trim_start_matches("file://").to_string())
}

/// Why a remote could not be used; only `Unreachable` and `Rejected` leave work queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteProblem {
    /// Down, offline, refusing connections or not answering in time: try again later.
    Unreachable(String),
    /// The remote refused the update (a protected branch, a hook).
    Rejected(String),
    /// The address serves the repository only to read (git daemon, a plain web server, an
    /// archived repository): a publish lands once it takes pushes, or another address that does is set.
    ReadOnly(String),
}

impl std::fmt::Display for RemoteProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemoteProblem::Unreachable(reason) => write!(formatter, "{reason}"),
            RemoteProblem::Rejected(reason) => write!(formatter, "the remote refused: {reason}"),
            RemoteProblem::ReadOnly(reason) => write!(formatter, "{reason}"),
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

/// What a fetch learned besides the commits.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    /// The branch the remote's HEAD names: its default branch, even while it has no commits.
    pub default_branch: Option<String>,
}

/// The branch to follow as the repository's default, from the branch its HEAD names and the
/// branches it has. Usually the HEAD's. A HEAD naming no branch while others exist is common
/// on a server: `git init --bare` there names `master`, then a laptop pushes its `main`. `git
/// clone` then warns and checks nothing out; Debrief follows the only branch there is, or the
/// first of `main`, `master` and `trunk` among several, so that a publish joins the history
/// people read instead of starting another beside it. The HEAD's name otherwise, as an empty
/// repository's HEAD names the branch its first commit starts.
fn default_branch_of(head: Option<String>, branches: &[&str]) -> Option<String> {
    let branches: Vec<&str> = branches.iter().copied().filter(|name| !name.starts_with("debrief/")).collect();
    if branches.is_empty() || head.as_deref().is_some_and(|head| branches.contains(&head)) {
        return head;
    }
    if let [only] = branches.as_slice() {
        return Some((*only).to_string());
    }
    ["main", "master", "trunk"].into_iter().find(|usual| branches.contains(usual)).map(str::to_string).or(head)
}

/// How long a network step may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// With nothing heard from the remote for this long (connecting, or between two reads), give up.
    pub silence: Duration,
    /// The longest a whole fetch or push may take.
    pub whole: Duration,
}

impl Limits {
    pub fn of(settings: &SharedRepository) -> Limits {
        let silence = Duration::from_secs(settings.network_timeout_seconds.max(1));
        Limits { silence, whole: silence * 10 }
    }
}

/// libgit2 walks trees recursively while it packs and unpacks them: its work runs on a thread
/// with room for trees of any depth people can make (100,000 levels need about 30 MiB). The
/// space is reserved, not used, until a tree that deep arrives.
const LIBGIT2_STACK_BYTES: usize = 512 * 1024 * 1024;

/// Runs `work` on Debrief's copy, opened afresh on a thread with a deep stack.
fn on_deep_stack<T: Send>(repo: &Repository, work: impl FnOnce(&Repository) -> Result<T> + Send) -> Result<T> {
    let path = repo.path().to_path_buf();
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("debrief-libgit2".into())
            .stack_size(LIBGIT2_STACK_BYTES)
            .spawn_scoped(scope, move || {
                let repo =
                    Repository::open_bare(&path).map_err(|source| git_error("opening the local repository", source))?;
                work(&repo)
            })
            .map_err(|source| Error::Git { action: "starting the transfer", detail: source.to_string() })?;
        worker.join().unwrap_or_else(|_| {
            Err(Error::Git {
                action: "talking to the shared repository",
                detail: "the transfer stopped unexpectedly".into(),
            })
        })
    })
}

/// Brings the remote's `branch` (or, with none configured, the branch its HEAD names) and the
/// review branches into `refs/remotes/origin/`.
pub fn fetch(
    repo: &Repository,
    url: &str,
    branch: Option<&str>,
    limits: Limits,
) -> Result<std::result::Result<Fetched, RemoteProblem>> {
    match git_cli::installed() {
        Some(git) => git.fetch(repo, url, branch, limits),
        None => on_deep_stack(repo, |repo| libgit2::fetch(repo, url, branch, limits)),
    }
}

/// Pushes `tip` to `remote_ref`, only as a fast-forward of what the remote has; a push that
/// someone else's got ahead of is reported apart so the caller can replay.
pub fn push(
    repo: &Repository,
    url: &str,
    tip: Oid,
    remote_ref: &str,
    expected: Option<Oid>,
    limits: Limits,
) -> Result<std::result::Result<(), PushFailure>> {
    match git_cli::installed() {
        Some(git) => git.push(repo, url, tip, remote_ref, limits),
        None => on_deep_stack(repo, |repo| libgit2::push(repo, url, tip, remote_ref, expected, limits)),
    }
}

/// The commit `remote_ref` points at on the remote now (`None`: no such branch).
pub fn tip_of(
    repo: &Repository,
    url: &str,
    remote_ref: &str,
    limits: Limits,
) -> Result<std::result::Result<Option<Oid>, RemoteProblem>> {
    match git_cli::installed() {
        Some(git) => git.tip_of(repo, url, remote_ref, limits),
        None => on_deep_stack(repo, |repo| libgit2::tip_of(repo, url, remote_ref, limits)),
    }
}

/// The refs on the remote whose names start with `prefix`, and where they point.
pub fn list(
    repo: &Repository,
    url: &str,
    prefix: &str,
    limits: Limits,
) -> Result<std::result::Result<Vec<(String, Oid)>, RemoteProblem>> {
    match git_cli::installed() {
        Some(git) => git.list(repo, url, prefix, limits),
        None => on_deep_stack(repo, |repo| libgit2::list(repo, url, prefix, limits)),
    }
}

/// Fetches exactly `refspecs` (globs allowed); with `prune`, local refs they would write that
/// the remote no longer has are removed.
pub fn fetch_refspecs(
    repo: &Repository,
    url: &str,
    refspecs: &[String],
    prune: bool,
    limits: Limits,
) -> Result<std::result::Result<(), RemoteProblem>> {
    match git_cli::installed() {
        Some(git) => git.fetch_refspecs(repo, url, refspecs, prune, limits),
        None => on_deep_stack(repo, |repo| libgit2::fetch_refspecs(repo, url, refspecs, prune, limits)),
    }
}

/// Deletes `remote_ref` on the remote.
pub fn delete(
    repo: &Repository,
    url: &str,
    remote_ref: &str,
    limits: Limits,
) -> Result<std::result::Result<(), PushFailure>> {
    match git_cli::installed() {
        Some(git) => git.delete(repo, url, remote_ref, limits),
        None => on_deep_stack(repo, |repo| libgit2::delete(repo, url, remote_ref, limits)),
    }
}

/// Which program talks to remotes, for messages and `remote show`.
pub fn transport_name() -> String {
    match git_cli::installed() {
        Some(git) => format!("git {}", git.version),
        None => "libgit2 (no git on the PATH)".to_string(),
    }
}

/// Whether a refused push means another push got there first (a new tip, or a ref lock held
/// by a concurrent push): fetching and replaying again fixes it.
fn someone_else_first(message: &str) -> bool {
    [
        "fast-forward",
        "fastforward",
        "fetch first",
        "failed to lock",
        "cannot lock",
        "already exists",
        "incorrect old value",
        "stale info",
        "failed to update ref",
    ]
    .iter()
    .any(|sign| message.contains(sign))
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
    fn the_default_branch_is_the_heads_unless_it_names_no_branch_there_is() {
        let master = || Some("master".to_string());
        assert_eq!(default_branch_of(master(), &["master", "main"]).as_deref(), Some("master"));
        assert_eq!(default_branch_of(master(), &[]).as_deref(), Some("master"), "an empty repository");
        assert_eq!(default_branch_of(master(), &["main"]).as_deref(), Some("main"));
        assert_eq!(default_branch_of(None, &["production", "debrief/2026-x"]).as_deref(), Some("production"));
        assert_eq!(default_branch_of(master(), &["feature", "trunk", "debrief/x"]).as_deref(), Some("trunk"));
        assert_eq!(default_branch_of(master(), &["feature", "other"]).as_deref(), Some("master"));
        assert_eq!(default_branch_of(None, &["feature", "other"]), None);
    }

    #[test]
    fn hosts_are_read_from_every_url_form() {
        assert_eq!(host_of("ssh://git@example.com:2222/team/pm.git"), "example.com:2222");
        assert_eq!(host_of("git@example.com:team/pm.git"), "example.com");
        assert_eq!(host_of("https://example.com/team/pm.git"), "example.com");
        assert_eq!(host_of("work:team/pm.git"), "work");
    }

    #[test]
    fn a_repository_owned_by_another_user_is_named_as_git_names_it() {
        let git = "fatal: detected dubious ownership in repository at '/srv/post mortems.git'\nTo add an \
                   exception for this directory, call:\n\n\tgit config --global --add safe.directory '/srv/post mortems.git'\n";
        assert_eq!(untrusted_path(git, "file:///srv/post%20mortems.git"), "/srv/post mortems.git");
        let libgit2 = "repository path '/srv/pm.git/' is not owned by current user";
        assert_eq!(untrusted_path(libgit2, "/srv/pm.git"), "/srv/pm.git");
        assert_eq!(untrusted_path("", "file:///srv/pm.git"), "/srv/pm.git");
        // The command to trust it pastes into a shell as it is.
        let said = Error::UntrustedRepository { path: untrusted_path(git, "") }.to_string();
        assert!(said.contains("`git config --global --add safe.directory '/srv/post mortems.git'`"), "{said}");
        let said = Error::UntrustedRepository { path: "/srv/pm.git".into() }.to_string();
        assert!(said.contains("safe.directory /srv/pm.git`"), "{said}");
    }

    #[test]
    fn a_push_refused_because_someone_pushed_first_is_told_apart() {
        assert!(someone_else_first("[rejected] (fetch first)"));
        assert!(someone_else_first("[remote rejected] (cannot lock ref 'refs/heads/master': is at 1 but expected 2)"));
        assert!(!someone_else_first("[remote rejected] (pre-receive hook declined)"));
    }
}
