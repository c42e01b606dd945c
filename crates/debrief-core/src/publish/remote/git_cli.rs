//! Fetch and push through the person's own `git`, so that the shared repository is
//! reached exactly as `git push` reaches it: their ssh config, agent and askpass,
//! credential helpers, proxies, `insteadOf` rewrites and known hosts.
//!
//! git runs in its own session with no terminal and `GIT_TERMINAL_PROMPT=0`: it
//! never stops to ask for anything. Its progress output is the heartbeat: when git
//! says nothing for the silence limit, or runs past the whole limit, it is stopped
//! with everything it started. Its messages are read in the C locale and turned
//! into Debrief's plain words.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use git2::{Oid, Repository};

use super::{Fetched, Limits, PushFailure, RemoteProblem, default_branch_of, git_error, host_of, someone_else_first};
use crate::config::redact_passwords;
use crate::{Error, Result};

/// How much of git's error output is kept: the end, where its reasons are.
const KEPT_OUTPUT: usize = 64 * 1024;

/// Environment variables that would point git at another repository than Debrief's copy.
pub(in crate::publish) const REPOSITORY_VARIABLES: [&str; 9] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_COMMON_DIR",
    "GIT_PREFIX",
    "GIT_QUARANTINE_PATH",
];

pub(in crate::publish) struct GitCli {
    program: PathBuf,
    pub version: String,
}

/// The `git` on the PATH, if there is one that runs.
pub(in crate::publish) fn installed() -> Option<&'static GitCli> {
    static GIT: OnceLock<Option<GitCli>> = OnceLock::new();
    GIT.get_or_init(GitCli::find).as_ref()
}

/// What one run of git left.
struct Finished {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

enum Run {
    Finished(Finished),
    /// Stopped for saying nothing too long, or running too long: why, in words.
    TimedOut(String),
}

impl GitCli {
    pub(in crate::publish) fn program(&self) -> &Path {
        &self.program
    }

    fn find() -> Option<GitCli> {
        let path = std::env::var_os("PATH")?;
        let program = std::env::split_paths(&path).map(|directory| directory.join("git")).find(|candidate| {
            candidate.metadata().is_ok_and(|metadata| metadata.is_file() && is_executable(&metadata))
        })?;
        let output = Command::new(&program).arg("--version").stdin(Stdio::null()).output().ok()?;
        let version = String::from_utf8_lossy(&output.stdout).trim().strip_prefix("git version ")?.to_string();
        output.status.success().then_some(GitCli { program, version })
    }

    pub(super) fn fetch(
        &self,
        repo: &Repository,
        url: &str,
        branch: Option<&str>,
        limits: Limits,
    ) -> Result<std::result::Result<Fetched, RemoteProblem>> {
        if repo.is_empty().unwrap_or(false) {
            return self.first_fetch(repo, url, branch, limits);
        }
        let advertised = match self.advertised(repo, url, limits)? {
            Ok(advertised) => advertised,
            Err(problem) => return Ok(Err(problem)),
        };
        let names: Vec<&str> = advertised.tips.iter().map(|(name, _)| name.as_str()).collect();
        let mut default_branch = default_branch_of(advertised.head.clone(), &names);
        if default_branch.is_none() && advertised.tips.is_empty() && branch.is_none() {
            // An empty repository: ls-remote does not show where its HEAD points, a clone does.
            default_branch = match self.unborn_head(repo, url, limits)? {
                Ok(head) => head,
                Err(problem) => return Ok(Err(problem)),
            };
        }
        let wanted: Vec<&(String, Oid)> = advertised
            .tips
            .iter()
            .filter(|(name, _)| {
                Some(name.as_str()) == branch.or(default_branch.as_deref()) || name.starts_with("debrief/")
            })
            .collect();
        let up_to_date = wanted
            .iter()
            .all(|(name, id)| repo.refname_to_id(&format!("refs/remotes/origin/{name}")).ok() == Some(*id));
        if up_to_date {
            return Ok(Ok(Fetched { default_branch }));
        }
        let refspecs: Vec<String> =
            wanted.iter().map(|(name, _)| format!("+refs/heads/{name}:refs/remotes/origin/{name}")).collect();
        let mut args = vec!["fetch", "--progress", "--no-tags", "--no-write-fetch-head", "--", url];
        args.extend(refspecs.iter().map(String::as_str));
        match self.run(repo.path(), &args, limits, url)? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Run::Finished(finished) if finished.status.success() => Ok(Ok(Fetched { default_branch })),
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    pub(super) fn push(
        &self,
        repo: &Repository,
        url: &str,
        tip: Oid,
        remote_ref: &str,
        limits: Limits,
    ) -> Result<std::result::Result<(), PushFailure>> {
        // No `+` and no --force: the remote takes it only as a fast-forward of the tip it has.
        let refspec = format!("{tip}:{remote_ref}");
        let args = ["push", "--porcelain", "--progress", "--no-verify", "--", url, refspec.as_str()];
        let finished = match self.run(repo.path(), &args, limits, url)? {
            Run::TimedOut(reason) => return Ok(Err(PushFailure::Problem(RemoteProblem::Unreachable(reason)))),
            Run::Finished(finished) => finished,
        };
        // `<flag>\t<from>:<to>\t<summary>` for each ref, on standard output.
        let status = finished.stdout.lines().find_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let flag = fields.next()?;
            let refs = fields.next()?;
            refs.ends_with(&format!(":{remote_ref}"))
                .then(|| (flag.to_string(), fields.next().unwrap_or("").to_string()))
        });
        match status {
            Some((flag, _)) if finished.status.success() && flag != "!" => Ok(Ok(())),
            Some((_, summary)) if someone_else_first(&summary) => {
                let why = finished.stderr.lines().find_map(|line| line.strip_prefix("remote: error: "));
                let refusal = match why {
                    Some(why) => format!("{summary}: {}", why.trim()),
                    None => summary,
                };
                Ok(Err(PushFailure::NotFastForward(refusal)))
            }
            // git's refusal to move the branch a working copy has checked out, in its own words,
            // is a page of advice on receive.denyCurrentBranch; what to do is shorter.
            Some((_, summary)) if summary.contains("branch is currently checked out") => {
                Ok(Err(PushFailure::Problem(RemoteProblem::Rejected(format!(
                    "{url} is a working copy, a repository with files checked out, and git does not push into \
                     the branch checked out there; share a bare copy of it instead (`git clone --bare {url} \
                     SHARED.git`, then `debrief remote set` to that), or publish with --review"
                )))))
            }
            Some((_, summary)) => {
                let reason = summary.trim_start_matches("[remote rejected]").trim().trim_matches(['(', ')']);
                let hook_said = remote_lines(&finished.stderr);
                let said = format!("{reason} {hook_said}");
                if let Some(answer) = super::git_servers_own_refusal(&crate::config::redacted(url), &said, true) {
                    return answer.map(|problem| Err(PushFailure::Problem(problem)));
                }
                let reason = if hook_said.is_empty() { reason.to_string() } else { format!("{reason}: {hook_said}") };
                Ok(Err(PushFailure::Problem(RemoteProblem::Rejected(reason))))
            }
            None => classify(&finished.stderr, url, Doing::Push).map(|problem| Err(PushFailure::Problem(problem))),
        }
    }

    pub(super) fn tip_of(
        &self,
        repo: &Repository,
        url: &str,
        remote_ref: &str,
        limits: Limits,
    ) -> Result<std::result::Result<Option<Oid>, RemoteProblem>> {
        match self.run(repo.path(), &["ls-remote", "--", url, remote_ref], limits, url)? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Run::Finished(finished) if finished.status.success() => Ok(Ok(finished.stdout.lines().find_map(|line| {
                let (id, name) = line.split_once('\t')?;
                (name == remote_ref).then(|| Oid::from_str(id).ok()).flatten()
            }))),
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    pub(super) fn list(
        &self,
        repo: &Repository,
        url: &str,
        prefix: &str,
        limits: Limits,
    ) -> Result<std::result::Result<Vec<(String, Oid)>, RemoteProblem>> {
        let pattern = format!("{prefix}*");
        match self.run(repo.path(), &["ls-remote", "--", url, &pattern], limits, url)? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Run::Finished(finished) if finished.status.success() => Ok(Ok(finished
                .stdout
                .lines()
                .filter_map(|line| {
                    let (id, name) = line.split_once('\t')?;
                    name.starts_with(prefix).then(|| Some((name.to_string(), Oid::from_str(id).ok()?))).flatten()
                })
                .collect())),
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    pub(super) fn fetch_refspecs(
        &self,
        repo: &Repository,
        url: &str,
        refspecs: &[String],
        prune: bool,
        limits: Limits,
    ) -> Result<std::result::Result<(), RemoteProblem>> {
        let mut args = vec!["fetch", "--progress", "--no-tags", "--no-write-fetch-head"];
        if prune {
            args.push("--prune");
        }
        args.extend(["--", url]);
        args.extend(refspecs.iter().map(String::as_str));
        match self.run(repo.path(), &args, limits, url)? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Run::Finished(finished) if finished.status.success() => Ok(Ok(())),
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    pub(super) fn delete(
        &self,
        repo: &Repository,
        url: &str,
        remote_ref: &str,
        limits: Limits,
    ) -> Result<std::result::Result<(), PushFailure>> {
        let refspec = format!(":{remote_ref}");
        match self.run(repo.path(), &["push", "--porcelain", "--no-verify", "--", url, &refspec], limits, url)? {
            Run::TimedOut(reason) => Ok(Err(PushFailure::Problem(RemoteProblem::Unreachable(reason)))),
            Run::Finished(finished) if finished.status.success() => Ok(Ok(())),
            Run::Finished(finished)
                if finished.stdout.contains("[rejected]") || finished.stdout.contains("[remote rejected]") =>
            {
                Ok(Err(PushFailure::Problem(RemoteProblem::Rejected(remote_lines(&finished.stderr)))))
            }
            Run::Finished(finished) => {
                classify(&finished.stderr, url, Doing::Push).map(|problem| Err(PushFailure::Problem(problem)))
            }
        }
    }

    /// The remote's branches and the branch its HEAD names.
    fn advertised(
        &self,
        repo: &Repository,
        url: &str,
        limits: Limits,
    ) -> Result<std::result::Result<Advertised, RemoteProblem>> {
        let args = ["ls-remote", "--symref", "--", url, "HEAD", "refs/heads/*"];
        match self.run(repo.path(), &args, limits, url)? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            // (A SHA-256 id is 64 digits, where git2 reads only SHA-1's 40.)
            Run::Finished(finished) if finished.status.success() => match Advertised::parse(&finished.stdout) {
                Some(advertised) => Ok(Ok(advertised)),
                None => Err(super::sha256_repository(url)),
            },
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    /// The first fetch into Debrief's empty copy, made as a bare clone beside it whose objects
    /// then move in. git checks a clone's pack as it arrives, where a fetch walks every object it
    /// received once more afterwards (a sixth of the first sync of 10,000 post-mortems), and a
    /// clone says where the remote's HEAD points, even in an empty repository, without asking first.
    fn first_fetch(
        &self,
        repo: &Repository,
        url: &str,
        branch: Option<&str>,
        limits: Limits,
    ) -> Result<std::result::Result<Fetched, RemoteProblem>> {
        // Fetches hold Debrief's lock: whatever is there was left by one that was stopped.
        let clone = repo.path().join(FIRST_FETCH_DIR);
        let _ = std::fs::remove_dir_all(&clone);
        let clone_arg = clone.to_string_lossy().into_owned();
        let args = ["clone", "--bare", "--progress", "--no-tags", "--", url, clone_arg.as_str()];
        let taken = match self.run(repo.path(), &args, limits, url) {
            Ok(Run::TimedOut(reason)) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Ok(Run::Finished(finished)) if finished.status.success() => take_clone(repo, &clone, url, branch).map(Ok),
            Ok(Run::Finished(finished)) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
            Err(error) => Err(error),
        };
        let _ = std::fs::remove_dir_all(&clone);
        taken
    }

    /// The branch an empty repository's HEAD names, read from a bare clone of it (empty, so small).
    fn unborn_head(
        &self,
        repo: &Repository,
        url: &str,
        limits: Limits,
    ) -> Result<std::result::Result<Option<String>, RemoteProblem>> {
        let probe = repo.path().join(format!("debrief-head-probe-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&probe);
        let probe_arg = probe.to_string_lossy().into_owned();
        let outcome =
            self.run(repo.path(), &["clone", "--bare", "--quiet", "--no-tags", "--", url, &probe_arg], limits, url);
        let head = std::fs::read_to_string(probe.join("HEAD")).ok();
        let _ = std::fs::remove_dir_all(&probe);
        match outcome? {
            Run::TimedOut(reason) => Ok(Err(RemoteProblem::Unreachable(reason))),
            Run::Finished(finished) if finished.status.success() => {
                Ok(Ok(head.and_then(|head| head.trim().strip_prefix("ref: refs/heads/").map(str::to_string))))
            }
            Run::Finished(finished) => classify(&finished.stderr, url, Doing::Fetch).map(Err),
        }
    }

    /// Runs git on Debrief's copy, within the limits; `url` names the remote in messages.
    fn run(&self, git_dir: &Path, args: &[&str], limits: Limits, url: &str) -> Result<Run> {
        let mut command = Command::new(&self.program);
        command
            .arg("--git-dir")
            .arg(git_dir)
            // Debrief's copy runs no hooks, and never stops to pack itself in the middle of a publish.
            .args(["-c", "core.hooksPath=/dev/null", "-c", "gc.auto=0", "-c", "maintenance.auto=false"])
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .env_remove("LANGUAGE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for variable in REPOSITORY_VARIABLES {
            command.env_remove(variable);
        }
        detach_from_terminal(&mut command);
        let started = Instant::now();
        let mut child =
            command.spawn().map_err(|source| Error::Git { action: "starting git", detail: source.to_string() })?;
        let heard = Arc::new(AtomicU64::new(0));
        let (done_sender, done) = mpsc::channel();
        let stdout = collect(child.stdout.take(), started, &heard, done_sender.clone(), false);
        let stderr = collect(child.stderr.take(), started, &heard, done_sender, true);
        let status = loop {
            if let Some(status) = child
                .try_wait()
                .map_err(|source| Error::Git { action: "waiting for git", detail: source.to_string() })?
            {
                break status;
            }
            let now = started.elapsed();
            let quiet_for = now.saturating_sub(Duration::from_millis(heard.load(Ordering::Relaxed)));
            let host = host_of(url);
            let reason = if now >= limits.whole {
                Some(format!("{host} did not finish within {} s", limits.whole.as_secs()))
            } else if quiet_for >= limits.silence {
                Some(format!("{host} did not answer for {} s", limits.silence.as_secs()))
            } else {
                None
            };
            if let Some(reason) = reason {
                stop(&mut child);
                tracing::warn!(%reason, command = args.first().copied().unwrap_or(""), "stopped git");
                return Ok(Run::TimedOut(reason));
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        // An ssh connection master that git started may keep the pipes open after git exits: take
        // what was said by then.
        for _ in 0..2 {
            let _ = done.recv_timeout(Duration::from_secs(1));
        }
        let text = |buffer: &Arc<Mutex<Vec<u8>>>| {
            let bytes = buffer.lock().map(|bytes| bytes.clone()).unwrap_or_default();
            redact_passwords(&String::from_utf8_lossy(&bytes))
        };
        let finished = Finished { status, stdout: text(&stdout), stderr: text(&stderr) };
        if let Some(page) = sign_in_page(&finished.stderr) {
            return Err(super::behind_a_sign_in_page(url, Some(&page)));
        }
        if !finished.status.success() {
            tracing::debug!(command = args.first().copied().unwrap_or(""), stderr = %finished.stderr, "git failed");
        }
        Ok(Run::Finished(finished))
    }
}

/// The page git was sent to instead of the repository, where a single sign-on gate (an
/// identity-aware proxy) stands in front of it and answers git with its sign-in page: a
/// redirect to an address with a query (`/login?next=...`), which no repository has, that git
/// followed (and then read the page as an empty repository) or refused to follow.
fn sign_in_page(stderr: &str) -> Option<String> {
    let mut lines = stderr.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if let Some(target) = line.strip_prefix("warning: redirecting to ")
            && target.contains('?')
        {
            return Some(target.to_string());
        }
        if line.starts_with("fatal: unable to update url base from redirection") {
            return lines.find_map(|line| line.strip_prefix("redirect: ")).map(str::to_string);
        }
    }
    None
}

/// What `ls-remote --symref` listed.
struct Advertised {
    head: Option<String>,
    /// Branch names (without `refs/heads/`) and their tips.
    tips: Vec<(String, Oid)>,
}

impl Advertised {
    /// `None` where the repository names its objects by SHA-256.
    fn parse(listing: &str) -> Option<Advertised> {
        let mut advertised = Advertised { head: None, tips: Vec::new() };
        for line in listing.lines() {
            let Some((left, name)) = line.split_once('\t') else { continue };
            if left.len() == 64 && left.bytes().all(|byte| byte.is_ascii_hexdigit()) {
                return None;
            }
            if let Some(target) = left.strip_prefix("ref: ") {
                if name == "HEAD" {
                    advertised.head = target.strip_prefix("refs/heads/").map(str::to_string);
                }
            } else if let (Some(branch), Ok(id)) = (name.strip_prefix("refs/heads/"), Oid::from_str(left)) {
                advertised.tips.push((branch.to_string(), id));
            }
        }
        Some(advertised)
    }
}

/// Where a first fetch clones to, inside Debrief's copy (so its objects move in by renaming).
const FIRST_FETCH_DIR: &str = "debrief-first-fetch";

/// Takes the objects of the bare clone at `clone` into `repo` and records the branches a fetch
/// would have brought as the remote's; returns the branch the remote's HEAD names.
fn take_clone(repo: &Repository, clone: &Path, url: &str, branch: Option<&str>) -> Result<Fetched> {
    let default_branch = std::fs::read_to_string(clone.join("HEAD"))
        .ok()
        .and_then(|head| head.trim().strip_prefix("ref: refs/heads/").map(str::to_string));
    let failed = |source| git_error("taking in the shared repository's objects", source);
    let cloned = Repository::open_bare(clone).map_err(|source| match super::names_sha256(source.message()) {
        true => super::sha256_repository(url),
        false => failed(source),
    })?;
    let mut tips = Vec::new();
    for reference in cloned.references_glob("refs/heads/*").map_err(failed)? {
        let reference = reference.map_err(failed)?;
        if let (Some(name), Some(id)) =
            (reference.name().ok().and_then(|name| name.strip_prefix("refs/heads/")), reference.target())
        {
            tips.push((name.to_string(), id));
        }
    }
    let names: Vec<&str> = tips.iter().map(|(name, _)| name.as_str()).collect();
    let default_branch = default_branch_of(default_branch, &names);
    move_objects(&clone.join("objects"), &repo.path().join("objects")).map_err(|source| Error::Git {
        action: "taking in the shared repository's objects",
        detail: source.to_string(),
    })?;
    for (name, id) in tips {
        if Some(name.as_str()) == branch.or(default_branch.as_deref()) || name.starts_with("debrief/") {
            repo.reference(&format!("refs/remotes/origin/{name}"), id, true, "debrief: fetch").map_err(failed)?;
        }
    }
    Ok(Fetched { default_branch })
}

/// Moves every object file (packs and loose objects) from one objects folder into another; a
/// pack's index last, so that a pack is never seen without its data.
fn move_objects(from: &Path, to: &Path) -> std::io::Result<()> {
    for folder in std::fs::read_dir(from)? {
        let folder = folder?;
        if !folder.file_type()?.is_dir() || folder.file_name() == "info" {
            continue;
        }
        let target = to.join(folder.file_name());
        std::fs::create_dir_all(&target)?;
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder.path())?
            .map(|file| file.map(|file| file.path()))
            .collect::<std::io::Result<_>>()?;
        files.sort_by_key(|file| file.extension().is_some_and(|extension| extension == "idx"));
        for file in files {
            if let Some(name) = file.file_name() {
                std::fs::rename(&file, target.join(name))?;
            }
        }
    }
    Ok(())
}

/// Reads a pipe to its end in a thread, keeping its last bytes and noting when anything arrives;
/// with `progress`, git's progress lines in it are reported as they come.
fn collect(
    pipe: Option<impl Read + Send + 'static>,
    started: Instant,
    heard: &Arc<AtomicU64>,
    done: mpsc::Sender<()>,
    progress: bool,
) -> Arc<Mutex<Vec<u8>>> {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let Some(mut pipe) = pipe else { return buffer };
    let (kept, heard) = (Arc::clone(&buffer), Arc::clone(heard));
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(read) = pipe.read(&mut chunk) {
            if read == 0 {
                break;
            }
            heard.store(u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX), Ordering::Relaxed);
            if progress {
                // git redraws its progress with carriage returns: the last whole line in a chunk says where it is.
                let text = String::from_utf8_lossy(&chunk[..read]);
                if let Some((what, done, total)) =
                    text.split(['\r', '\n']).rev().find_map(crate::progress::from_git_line)
                {
                    crate::progress::report(what, done, total);
                }
            }
            if let Ok(mut kept) = kept.lock() {
                kept.extend_from_slice(&chunk[..read]);
                let excess = kept.len().saturating_sub(KEPT_OUTPUT);
                kept.drain(..excess);
            }
        }
        let _ = done.send(());
    });
    buffer
}

/// git and what it starts (ssh, the HTTPS helper) run in a session of their own: no terminal to
/// prompt on, and one process group to stop together.
fn detach_from_terminal(command: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setsid is async-signal-safe and touches nothing of this process's memory.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    #[cfg(not(unix))]
    let _ = command;
}

/// Stops git and everything it started.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(group) = i32::try_from(child.id()) {
        // SAFETY: a plain system call on the process group git leads (it called setsid).
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(unix)]
fn is_executable(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_: &std::fs::Metadata) -> bool {
    true
}

/// What the remote's hooks said (`remote: ...` lines), on one line.
fn remote_lines(stderr: &str) -> String {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("remote: "))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.contains("objects") && !line.contains("Resolving deltas"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What git was doing when it failed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Doing {
    /// Fetching or asking what the remote holds.
    Fetch,
    Push,
}

/// git's reason, in Debrief's words: a host key or certificate to check, a sign-in to fix, or a
/// remote that cannot be reached now (the publish waits in the queue).
fn classify(stderr: &str, url: &str, doing: Doing) -> Result<RemoteProblem> {
    let lines: Vec<&str> = stderr
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("hint:"))
        .collect();
    let lowered = stderr.to_lowercase();
    let said = |signs: &[&str]| signs.iter().any(|sign| lowered.contains(sign));
    // The remote's own first complaint says most; then git's first fatal line; then its last word.
    let remote_said = lines.iter().find_map(|line| {
        let said = line.strip_prefix("remote: ")?;
        (said.starts_with("fatal: ") || said.starts_with("error: ")).then(|| {
            format!("the repository said: {}", said.trim_start_matches("fatal: ").trim_start_matches("error: "))
        })
    });
    let ignored = |line: &&&str| {
        !line.starts_with("fatal: Could not read from remote repository")
            && !line.starts_with("Please make sure you have the correct access")
            && !line.starts_with("and the repository exists")
            && !line.starts_with("remote: ")
    };
    // (gitolite writes its refusals "FATAL: ...".)
    let fatal = |line: &&&str| line.get(..7).is_some_and(|start| start.eq_ignore_ascii_case("fatal: "));
    let reason = remote_said
        .or_else(|| lines.iter().filter(ignored).find(fatal).map(|line| line[7..].to_string()))
        .or_else(|| lines.iter().rev().find(ignored).map(|line| line.to_string()))
        .map(|line| line.trim_start_matches("fatal: ").trim_start_matches("error: ").to_string())
        .unwrap_or_else(|| "git stopped without saying why".to_string());
    if super::names_sha256(stderr) {
        return Err(super::sha256_repository(url));
    }
    if let Some(refusal) = super::read_only_server(url, &reason, doing == Doing::Push) {
        return refusal;
    }
    let url_shown = crate::config::redacted(url);
    // The server's words are in git's reason, or over HTTPS on its `remote:` lines above it.
    let pushing = doing == Doing::Push;
    let answer = super::git_servers_own_refusal(&url_shown, &reason, pushing)
        .or_else(|| super::git_servers_own_refusal(&url_shown, &remote_lines(stderr), pushing));
    if let Some(answer) = answer {
        return answer;
    }
    let host = host_of(url);
    if said(&["host key verification failed", "remote host identification has changed", "host key is known"]) {
        return Err(Error::HostKey { host });
    }
    // A repository on this computer (a shared folder) owned by another user: git refuses it until
    // the user says they trust it, which waiting will not change.
    if said(&["detected dubious ownership"]) {
        return Err(Error::UntrustedRepository { path: super::untrusted_path(stderr, url) });
    }
    if said(&["ssl certificate problem", "server certificate verification failed", "certificate verify failed"]) {
        return Err(Error::Certificate { host, detail: reason });
    }
    if said(&["incorrect passphrase", "read_passphrase", "enter passphrase", "bad passphrase"]) {
        return Err(Error::Credentials {
            url: url_shown,
            detail: "the SSH key needs its passphrase and no ssh-agent holds it unlocked; add it with `ssh-add` \
                     (Debrief never asks for passphrases)"
                .into(),
        });
    }
    if said(&["permission denied (", "permission denied, please try again", "too many authentication failures"]) {
        let reason = reason.trim_end_matches('.');
        return Err(Error::Credentials { url: url_shown, detail: format!("{reason}: {}", keys_offered()) });
    }
    if said(&["could not read username", "could not read password", "terminal prompts disabled"]) {
        return Err(Error::Credentials {
            url: url_shown,
            detail: "git's credential helpers have no user name and password or token for it".into(),
        });
    }
    if said(&["authentication failed", "returned error: 401", "access denied", "invalid username or password"]) {
        return Err(Error::Credentials {
            url: url_shown,
            detail: format!("the password or token was refused ({reason})"),
        });
    }
    // (GitHub refuses a push with a read-only deploy key, over SSH, in its own words.)
    if said(&[
        "returned error: 403",
        "permission to",
        "you are not allowed",
        "not authorized",
        "marked as read only",
        "write access to repository not granted",
    ]) {
        // Refused a push, an account that fetched the repository may read it: what it lacks is
        // write access (a read-only token, a role that only reads).
        return Err(super::refused_access(&url_shown, &reason, false, doing == Doing::Push));
    }
    // A server that answers that it has no such repository (a mistyped address; a git host hides a
    // private repository from an account that may not see it) is not offline.
    // (git over HTTPS: "fatal: repository 'https://host/team/pm.git/' not found".)
    let https_not_found = lowered.contains("fatal: repository '") && lowered.contains("' not found");
    if !super::on_this_computer(url)
        && (https_not_found
            || said(&[
                "repository not found",
                "returned error: 404",
                "does not appear to be a git repository",
                "project you were looking for could not be found",
            ]))
    {
        return Err(Error::NoRepository { url: url_shown, detail: reason });
    }
    // Asked before "could not connect": a proxy that wants a sign-in is reached, and refuses.
    if said(&["received http code 407", "proxy authentication required", "tunnel failed, response 407"]) {
        return Err(Error::Credentials {
            url: url_shown,
            detail: format!(
                "the HTTP proxy git goes through wants a sign-in ({reason}); give git the proxy's user name and \
                 password, in http.proxy (http://user:password@host:port) or in https_proxy"
            ),
        });
    }
    match proxy_in_the_way(&lowered, url) {
        Some(note) => Ok(RemoteProblem::Unreachable(format!("{reason}; {note}"))),
        None => Ok(RemoteProblem::Unreachable(reason)),
    }
}

/// When git reached for the shared repository through an HTTP proxy and the proxy is what
/// failed, says so: curl names the proxy's address, which reads like the server's own.
fn proxy_in_the_way(lowered: &str, url: &str) -> Option<String> {
    let lowered_url = url.to_ascii_lowercase();
    let default_port = if lowered_url.starts_with("https://") {
        "443"
    } else if lowered_url.starts_with("http://") {
        "80"
    } else {
        return None;
    };
    const SETTINGS: &str = "git's http.proxy, or https_proxy in the environment";
    // curl's words for a proxy that answered but would not carry the connection, or not at all
    // (not "proxy" alone: the repository's own address may hold the word).
    let curl_names_the_proxy = ["resolve proxy", "from proxy", "to proxy", "proxy connect", "proxy syntax"]
        .iter()
        .any(|sign| lowered.contains(sign));
    if curl_names_the_proxy || lowered.contains("connect tunnel failed") {
        return Some(format!("git goes through the HTTP proxy in {SETTINGS}"));
    }
    // "Failed to connect to 127.0.0.1 port 36751 after 0 ms": is that the server's address?
    let (_, after) = lowered.split_once("failed to connect to ")?;
    let mut words = after.split_whitespace();
    let (host, port) = (words.next()?, words.nth(1)?);
    let server = host_of(&lowered_url);
    let (server_host, server_port) = match server.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|byte| byte.is_ascii_digit()) => (host, port),
        _ => (server.as_str(), default_port),
    };
    let server_host = server_host.trim_start_matches('[').trim_end_matches(']');
    (host.trim_start_matches('[').trim_end_matches(']') != server_host || port != server_port)
        .then(|| format!("{host} port {port} is not the shared repository's server but the proxy named in {SETTINGS}"))
}

/// Which keys ssh had to offer, as far as Debrief can tell without asking ssh.
fn keys_offered() -> String {
    let agent = std::env::var_os("SSH_AUTH_SOCK").is_some();
    let ssh_dir = std::env::var_os("HOME").map(|home| Path::new(&home).join(".ssh"));
    let key_files: Vec<&str> = ["id_ed25519", "id_ecdsa", "id_rsa"]
        .into_iter()
        .filter(|name| ssh_dir.as_ref().is_some_and(|dir| dir.join(name).exists()))
        .collect();
    let locked: Vec<&str> = key_files
        .iter()
        .copied()
        .filter(|name| ssh_dir.as_ref().is_some_and(|dir| needs_passphrase(&dir.join(name))))
        .collect();
    if !locked.is_empty() && !agent {
        return format!(
            "~/.ssh/{} needs its passphrase, and no ssh-agent holds it unlocked (SSH_AUTH_SOCK is not set); start \
             the agent and add the key with `ssh-add` (Debrief never asks for passphrases)",
            locked.join(" and ~/.ssh/")
        );
    }
    match (agent, key_files.is_empty()) {
        (false, true) => "there is no SSH key to offer: no ssh-agent (SSH_AUTH_SOCK is not set) and no \
                          ~/.ssh/id_ed25519, id_ecdsa or id_rsa, nor one named for this host in ~/.ssh/config"
            .to_string(),
        (false, false) => format!(
            "the keys ssh offered were refused (~/.ssh/{} and any named in ~/.ssh/config; no ssh-agent: \
             SSH_AUTH_SOCK is not set)",
            key_files.join(", ~/.ssh/")
        ),
        (true, _) => "the keys ssh offered (from ssh-agent, ~/.ssh and ~/.ssh/config) were refused".to_string(),
    }
}

/// Whether a private key file is encrypted: a PEM key says so in its header; an OpenSSH key names
/// its cipher right after its magic bytes (`none` when it is not encrypted).
fn needs_passphrase(key: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(key) else { return false };
    if text.contains("ENCRYPTED") {
        return true;
    }
    let body: String = text.lines().filter(|line| !line.starts_with("-----")).collect::<Vec<_>>().concat();
    let head = decode_base64_prefix(&body, 64);
    let Some(rest) = head.strip_prefix(b"openssh-key-v1\0") else { return false };
    match rest {
        [a, b, c, d, cipher @ ..] => {
            let length = u32::from_be_bytes([*a, *b, *c, *d]) as usize;
            cipher.get(..length).is_some_and(|name| name != b"none")
        }
        _ => false,
    }
}

/// The first `wanted` bytes (or fewer) of a base64 text.
fn decode_base64_prefix(text: &str, wanted: usize) -> Vec<u8> {
    let value = |byte: u8| match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut bytes = Vec::with_capacity(wanted);
    let (mut bits, mut count) = (0u32, 0u32);
    for sextet in text.bytes().map_while(value) {
        bits = (bits << 6) | u32::from(sextet);
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
            if bytes.len() == wanted {
                break;
            }
        }
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_page_in_front_of_the_repository_is_told_by_where_git_was_sent() {
        let followed = "warning: redirecting to https://sso.example.com/login?next=/team/pm.git/\n";
        assert_eq!(sign_in_page(followed).as_deref(), Some("https://sso.example.com/login?next=/team/pm.git/"));
        let refused = "fatal: unable to update url base from redirection:\n  asked for: https://git.example.com/team/\
                       pm.git/info/refs?service=git-upload-pack\n   redirect: https://sso.example.com/login?rd=%2Fteam\n";
        assert_eq!(sign_in_page(refused).as_deref(), Some("https://sso.example.com/login?rd=%2Fteam"));
        // A repository that moved (renamed on its host, or http to https) is followed, as git follows it.
        assert_eq!(sign_in_page("warning: redirecting to https://github.com/new-name/pm.git/\n"), None);
        let error = super::super::behind_a_sign_in_page(
            "https://git.example.com/team/pm.git",
            sign_in_page(followed).as_deref(),
        );
        let said = error.to_string();
        assert!(said.contains("(https://sso.example.com/login)") && !said.contains("next="), "{said}");
    }
    use crate::config::SharedRepository;
    use crate::publish::SharedRepo;

    fn git(directory: &Path, args: &[&str]) -> String {
        let output = Command::new("git")
            .args(["-c", "user.name=Tess", "-c", "user.email=tess@example.com"])
            .args(args)
            .current_dir(directory)
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    #[test]
    fn a_first_fetch_brings_the_default_and_review_branches_and_follows_the_remote_head() {
        if installed().is_none() {
            return;
        }
        let dir = tempfile::TempDir::new().unwrap();
        let remote = dir.path().join("remote.git");
        git(dir.path(), &["init", "--quiet", "--bare", "--initial-branch=trunk", "remote.git"]);
        let work = dir.path().join("work");
        git(dir.path(), &["clone", "--quiet", remote.to_str().unwrap(), "work"]);
        std::fs::write(work.join("a.md"), "# A\n").unwrap();
        git(&work, &["add", "a.md"]);
        git(&work, &["commit", "--quiet", "-m", "A"]);
        git(&work, &["push", "--quiet", "origin", "HEAD:trunk", "HEAD:refs/heads/debrief/inc-1", "HEAD:other"]);
        let tip = git(&work, &["rev-parse", "HEAD"]);
        let settings = SharedRepository { url: Some(format!("file://{}", remote.display())), ..Default::default() };
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let mut repo = SharedRepo::open(&data, &settings).unwrap();
        repo.fetch().unwrap().unwrap();
        assert_eq!(repo.branch(), "trunk");
        let copy = Repository::open_bare(data.join(crate::publish::REPOSITORY_DIR)).unwrap();
        let fetched =
            |name: &str| copy.refname_to_id(&format!("refs/remotes/origin/{name}")).ok().map(|id| id.to_string());
        assert_eq!(fetched("trunk").as_deref(), Some(tip.as_str()));
        assert_eq!(fetched("debrief/inc-1").as_deref(), Some(tip.as_str()));
        assert_eq!(fetched("other"), None, "only the branches a fetch brings");
        assert!(copy.find_blob(copy.revparse_single("refs/remotes/origin/trunk:a.md").unwrap().id()).is_ok());
        assert!(!copy.path().join(FIRST_FETCH_DIR).exists());
        // The next fetch brings only what is new.
        std::fs::write(work.join("b.md"), "# B\n").unwrap();
        git(&work, &["add", "b.md"]);
        git(&work, &["commit", "--quiet", "-m", "B"]);
        git(&work, &["push", "--quiet", "origin", "HEAD:trunk"]);
        repo.fetch().unwrap().unwrap();
        assert_eq!(fetched("trunk"), Some(git(&work, &["rev-parse", "HEAD"])));

        // An empty remote: its HEAD still names the branch to publish to.
        let empty = dir.path().join("empty.git");
        git(dir.path(), &["init", "--quiet", "--bare", "--initial-branch=records", "empty.git"]);
        let settings = SharedRepository { url: Some(format!("file://{}", empty.display())), ..Default::default() };
        std::fs::create_dir_all(dir.path().join("data-2")).unwrap();
        let mut repo = SharedRepo::open(&dir.path().join("data-2"), &settings).unwrap();
        repo.fetch().unwrap().unwrap();
        assert_eq!(repo.branch(), "records");
    }

    #[test]
    fn the_listing_names_the_default_branch_and_the_tips() {
        let listing = "ref: refs/heads/trunk\tHEAD\n\
                       1111111111111111111111111111111111111111\tHEAD\n\
                       1111111111111111111111111111111111111111\trefs/heads/trunk\n\
                       2222222222222222222222222222222222222222\trefs/heads/debrief/inc-1\n";
        let advertised = Advertised::parse(listing).expect("SHA-1 names");
        assert_eq!(advertised.head.as_deref(), Some("trunk"));
        let names: Vec<&str> = advertised.tips.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["trunk", "debrief/inc-1"]);
        let sha256 = "ref: refs/heads/main\tHEAD\n\
                      b815cd777af7ee91245c29303499e985753b46e95903f475385109afc05143d6\trefs/heads/main\n";
        assert!(Advertised::parse(sha256).is_none());
    }

    #[test]
    fn a_key_that_needs_its_passphrase_is_recognised() {
        let directory = std::env::temp_dir().join(format!("debrief-key-test-{}", std::process::id()));
        std::fs::create_dir_all(&directory).unwrap();
        for (name, passphrase, locked) in [("open", "", false), ("locked", "a passphrase", true)] {
            let key = directory.join(name);
            let _ = std::fs::remove_file(&key);
            let made = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", passphrase, "-f"])
                .arg(&key)
                .status()
                .is_ok_and(|status| status.success());
            if made {
                assert_eq!(needs_passphrase(&key), locked, "{name}");
            }
        }
        let _ = std::fs::remove_dir_all(&directory);
        assert_eq!(decode_base64_prefix("b3BlbnNzaC1rZXktdjEA", 64), b"openssh-key-v1\0");
    }

    #[test]
    fn gits_reasons_become_debriefs_words() {
        let url = "ssh://git@example.com:2222/pm.git";
        let refused = classify(
            "git@example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            url,
            Doing::Fetch,
        );
        assert!(matches!(refused, Err(Error::Credentials { .. })), "{refused:?}");
        let unknown = classify(
            "Host key verification failed.\nfatal: Could not read from remote repository.\n",
            url,
            Doing::Fetch,
        );
        assert!(matches!(unknown, Err(Error::HostKey { .. })), "{unknown:?}");
        let read_only_key = classify(
            "ERROR: The key you are authenticating with has been marked as read only.\nfatal: Could not read from \
             remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            url,
            Doing::Push,
        );
        let Err(Error::Credentials { detail, .. }) = read_only_key else { panic!("{read_only_key:?}") };
        assert!(detail.contains("may read the repository but not push to it"), "{detail}");
        let https = "https://git.example.com/pm.git";
        let no_helper = classify(
            "fatal: could not read Username for 'https://git.example.com': terminal prompts disabled\n",
            https,
            Doing::Fetch,
        );
        assert!(matches!(no_helper, Err(Error::Credentials { .. })), "{no_helper:?}");
        let wrong = classify(
            "remote: Unauthorized\nfatal: Authentication failed for 'https://git.example.com/pm.git/'\n",
            https,
            Doing::Fetch,
        );
        assert!(matches!(wrong, Err(Error::Credentials { .. })), "{wrong:?}");
        let untrusted = classify(
            "fatal: unable to access 'https://git.example.com/pm.git/': SSL certificate problem: unable to get local issuer certificate\n",
            https,
            Doing::Fetch,
        );
        assert!(matches!(untrusted, Err(Error::Certificate { .. })), "{untrusted:?}");
        let down = classify(
            "ssh: connect to host example.com port 2222: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            url,
            Doing::Fetch,
        );
        match down {
            Ok(RemoteProblem::Unreachable(reason)) => assert!(reason.contains("Connection refused"), "{reason}"),
            other => panic!("{other:?}"),
        }
        let proxy_away = classify(
            "fatal: unable to access 'https://git.example.com/pm.git/': Failed to connect to 10.0.0.8 port 3128 after \
             2 ms: Couldn't connect to server\n",
            https,
            Doing::Fetch,
        );
        match proxy_away {
            Ok(RemoteProblem::Unreachable(reason)) => {
                assert!(reason.contains("10.0.0.8 port 3128 is not the shared repository's server but the proxy"))
            }
            other => panic!("{other:?}"),
        }
        let server_away = classify(
            "fatal: unable to access 'https://git.example.com/pm.git/': Failed to connect to git.example.com port 443 \
             after 2 ms: Couldn't connect to server\n",
            https,
            Doing::Fetch,
        );
        assert!(matches!(&server_away, Ok(RemoteProblem::Unreachable(reason)) if !reason.contains("proxy")));
        // Older curl, and curl 7.88 (Debian 12).
        for said in ["Received HTTP code 407 from proxy after CONNECT", "CONNECT tunnel failed, response 407"] {
            let proxy_sign_in = classify(
                &format!("fatal: unable to access 'https://git.example.com/pm.git/': {said}\n"),
                https,
                Doing::Fetch,
            );
            match proxy_sign_in {
                Err(Error::Credentials { detail, .. }) => assert!(detail.contains("proxy"), "{detail}"),
                other => panic!("a proxy that wants a sign-in is a sign-in problem: {other:?}"),
            }
        }
        let proxy_refuses = classify(
            "fatal: unable to access 'https://git.example.com/pm.git/': CONNECT tunnel failed, response 403\n",
            https,
            Doing::Fetch,
        );
        assert!(matches!(&proxy_refuses, Ok(RemoteProblem::Unreachable(reason)) if reason.contains("HTTP proxy")));
        let named_proxy = classify(
            "fatal: unable to access 'https://git.example.com/proxy-notes.git/': Could not resolve host: git.example.com\n",
            "https://git.example.com/proxy-notes.git",
            Doing::Fetch,
        );
        assert!(matches!(&named_proxy, Ok(RemoteProblem::Unreachable(reason)) if !reason.contains("HTTP proxy")));
        let too_deep = classify(
            "remote: fatal: exceeded maximum allowed tree depth        \nerror: git upload-pack: git-pack-objects died \
             with error.\nfatal: git upload-pack: aborting due to possible repository corruption on the remote side.\n\
             remote: aborting due to possible repository corruption on the remote side.\nfatal: protocol error: bad \
             pack header\n",
            url,
            Doing::Fetch,
        );
        match too_deep {
            Ok(RemoteProblem::Unreachable(reason)) => {
                assert_eq!(reason, "the repository said: exceeded maximum allowed tree depth")
            }
            other => panic!("{other:?}"),
        }
        // git daemon, run with --informative-errors: a push it does not take, a path it serves nothing at.
        let daemon = "git://git.example.com/pm.git";
        let not_enabled = classify("fatal: remote error: service not enabled: /pm.git\n", daemon, Doing::Push);
        assert!(
            matches!(&not_enabled, Ok(RemoteProblem::ReadOnly(reason)) if reason.contains("git daemon")),
            "{not_enabled:?}"
        );
        let missing = classify("fatal: remote error: no such repository: /pm.git\n", daemon, Doing::Fetch);
        assert!(matches!(missing, Err(Error::NoRepository { .. })), "{missing:?}");
        // A web server serving the repository's files as they are: git reads it, and its push falls back to WebDAV.
        let plain = "http://git.example.com/pm.git";
        let dumb = classify(
            "error: Cannot access URL http://git.example.com/pm.git/, return code 22\nfatal: git-http-push failed\n\
             error: failed to push some refs to 'http://git.example.com/pm.git'\n",
            plain,
            Doing::Push,
        );
        assert!(matches!(&dumb, Ok(RemoteProblem::ReadOnly(reason)) if reason.contains("plain files")), "{dumb:?}");
        // The servers teams run themselves, in their own words.
        let gitolite = "ssh://git@git.example.com/postmortems";
        let missing = classify(
            "FATAL: R any postmortems tess DENIED by fallthru\n(or you mis-spelled the reponame)\nfatal: Could not \
             read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            gitolite,
            Doing::Fetch,
        );
        assert!(
            matches!(&missing, Err(Error::NoRepository { detail, .. }) if detail.contains("DENIED")),
            "{missing:?}"
        );
        let reads_only = classify("FATAL: W any postmortems tess DENIED by fallthru\n", gitolite, Doing::Push);
        let Err(Error::Credentials { detail, .. }) = reads_only else { panic!("{reads_only:?}") };
        assert!(detail.contains("may read the repository but not push to it"), "{detail}");
        let gitea = classify(
            "Gitea: Cannot find repository: team/postmortems\nfatal: Could not read from remote repository.\n",
            gitolite,
            Doing::Fetch,
        );
        assert!(matches!(gitea, Err(Error::NoRepository { .. })), "{gitea:?}");
        // GitHub's words over SSH for a key not authorized for its organisation's single sign-on.
        let sso = classify(
            "ERROR: The 'team' organization has enabled or enforced SAML SSO. To access this repository, you must use \
             the HTTPS remote with a personal access token or SSH key and password authorized for SSO.\nfatal: Could \
             not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the \
             repository exists.\n",
            "git@github.com:team/pm.git",
            Doing::Fetch,
        );
        assert!(matches!(&sso, Err(Error::Credentials { detail, .. }) if detail.contains("single sign-on")), "{sso:?}");
        let sso_https = classify(
            "remote: The 'team' organization has enabled or enforced SAML SSO. To access this repository, visit \
             https://github.com/enterprises/team/sso?authorization_request=A and try again.\nfatal: unable to access \
             'https://github.com/team/pm.git/': The requested URL returned error: 403\n",
            "https://github.com/team/pm.git",
            Doing::Fetch,
        );
        assert!(matches!(&sso_https, Err(Error::Credentials { detail, .. }) if detail.contains("single sign-on")));
        for (said, url) in [
            (
                "ERROR: You're using an RSA key with SHA-1, which is no longer allowed. Please use a newer client or a \
              different key type.\nfatal: Could not read from remote repository.\n",
                "git@github.com:team/pm.git",
            ),
            (
                "ERROR: Your account is suspended. Please check with your installation administrator.\nfatal: Could not \
              read from remote repository.\n",
                "git@github.com:team/pm.git",
            ),
            (
                "remote: \nremote: ========================================================================\nremote: \
              \nremote: Your account has been blocked.\nfatal: Could not read from remote repository.\n",
                "git@gitlab.com:team/pm.git",
            ),
        ] {
            let refused = classify(said, url, Doing::Fetch);
            assert!(matches!(&refused, Err(Error::Credentials { .. })), "{refused:?}");
        }
        let bitbucket_missing = classify(
            "conq: repository does not exist.\nfatal: Could not read from remote repository.\n",
            "git@bitbucket.org:team/pm.git",
            Doing::Fetch,
        );
        assert!(matches!(bitbucket_missing, Err(Error::NoRepository { .. })), "{bitbucket_missing:?}");
        let azure = classify(
            "remote: TF401027: You need the Git 'GenericContribute' permission to perform this action. Details: \
             identity 'Tess', scope 'repository'.\nfatal: unable to access 'https://dev.azure.com/team/_git/pm/': The \
             requested URL returned error: 403\n",
            "https://dev.azure.com/team/_git/pm",
            Doing::Push,
        );
        assert!(matches!(&azure, Err(Error::Credentials { detail, .. }) if detail.contains("may read")), "{azure:?}");
        let bitbucket = classify(
            "repository access denied. access via a deployment key is read-only.\nfatal: Could not read from remote \
             repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
            "git@bitbucket.org:team/pm.git",
            Doing::Push,
        );
        let Err(Error::Credentials { detail, .. }) = bitbucket else { panic!("{bitbucket:?}") };
        assert!(detail.contains("may read the repository but not push to it"), "{detail}");
        for archived in [
            "ERROR: This repository was archived so it is read-only.\nfatal: Could not read from remote repository.\n",
            "Forgejo: Repo: team/postmortems is archived.\nfatal: Could not read from remote repository.\n",
        ] {
            let answer = classify(archived, gitolite, Doing::Push);
            assert!(
                matches!(&answer, Ok(RemoteProblem::ReadOnly(reason)) if reason.contains("archived")),
                "{answer:?}"
            );
        }
        let sha256 = classify("fatal: mismatched algorithms: client sha1; server sha256\n", plain, Doing::Fetch);
        assert!(matches!(&sha256, Err(Error::Unsupported { what, .. }) if what.contains("SHA-256")), "{sha256:?}");
    }
}
