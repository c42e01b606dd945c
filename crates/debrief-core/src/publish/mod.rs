//! Publishing post-mortems into the team's shared git repository.
//!
//! Debrief keeps a bare clone of the shared repository in the data directory
//! and writes commits straight into it (no working tree: nothing to check out,
//! no hooks or filters ever run, no symlinks followed). A publish commits the
//! rendered post-mortem on top of what this laptop last published of it, then
//! replays that onto what the remote has now, so concurrent edits by others are
//! merged, never overwritten; what cannot merge goes to a review branch. When
//! the remote cannot be reached the commit waits in the clone and is pushed by
//! the next publish or `--retry`.

mod connection;
mod files;
mod git_settings;
mod history;
mod incident;
mod listing;
mod live;
mod remote;
mod signing;
mod starter;

use std::path::Path;

use git2::{Oid, Repository, RepositoryInitOptions, Signature};
use serde::Serialize;

use crate::config::{Identity, SharedRepository};
use crate::{Error, Result};
pub use connection::{ConnectionTest, RepositoryOverview, overview, queue, retry_queued, test_connection};
pub use files::{FileChange, IncidentFiles, Location, UnreadFormat};
pub(crate) use files::{is_top_level, locations};
use git_settings::GitSettings;
use history::{
    DerivedFiles, INCIDENT_TRAILER, WRITER_TRAILER, commit, commits_since, file_at, incident_of, replay,
    tree_with_file_moved, tree_with_files, with_line_endings_of,
};
pub use incident::{
    Checks, PublishOptions, PublishReport, TEAM_TEMPLATE_PATH, TeamRules, gate, path_for, publish_checks,
    publish_incident, team_rules,
};
pub use live::ResponderLog;
use remote::{Limits, PushFailure, git_error};
pub use remote::{RemoteProblem, transport_name};
pub use starter::{DEFAULT_DEBRIEF_SOURCE, StarterOptions, StarterReport, set_up as set_up_repository};

/// A commit's time as RFC 3339, in the committer's own offset.
fn rfc3339_of(time: &git2::Time) -> String {
    let offset = chrono::FixedOffset::east_opt(time.offset_minutes() * 60)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero is a valid offset"));
    chrono::DateTime::from_timestamp(time.seconds(), 0)
        .map(|at| crate::time::rfc3339_string(&at.with_timezone(&offset)))
        .unwrap_or_default()
}

/// The managed clone, in the data directory.
pub const REPOSITORY_DIR: &str = "shared.git";
/// Held while anything changes the managed clone, so two Debrief processes take turns.
const LOCK_FILE: &str = "shared.lock";
/// The file in the managed clone that names this copy of Debrief in its commits.
const WRITER_FILE: &str = "debrief-writer";
/// Said wherever what is shown was read while another Debrief process was publishing.
pub const PUBLISHING_ELSEWHERE: &str = "another Debrief is publishing; showing what this laptop has";
/// Review branches are `debrief/<incident id>`.
const REVIEW_PREFIX: &str = "debrief/";

/// The review branch of an incident: `debrief/<id>`.
fn review_branch_of(incident: &str) -> String {
    format!("{REVIEW_PREFIX}{incident}")
}

const GITATTRIBUTES: &str = "# Post-mortems stay at LF line endings on every platform.\n*.md text eol=lf\n";
const REPOSITORY_README: &str = include_str!("../../../../assets/shared-repository-readme.md");

pub struct SharedRepo {
    repo: Repository,
    settings: SharedRepository,
    /// The branch post-mortems are published to: the configured one, else the one the remote's HEAD
    /// named when last asked (Debrief's copy keeps it as its own HEAD, as a bare clone does).
    branch: String,
    /// Who this copy of Debrief is, in its commits: its own earlier versions of a post-mortem are
    /// the base its next version is merged from.
    writer: String,
    /// The lock that makes other Debrief processes wait; `None` for a copy opened only to read
    /// while another process holds it.
    _lock: Option<std::fs::File>,
}

/// What to publish.
pub struct PublishRequest<'a> {
    pub incident: &'a str,
    pub title: &'a str,
    /// Where the file goes, e.g. `incidents/2026/2026-11-23-checkout-latency.md`.
    pub path: &'a str,
    pub markdown: &'a str,
    /// Publish to the review branch `debrief/<id>` instead of the main branch.
    pub review: bool,
    /// Used for the commit author when git itself has no identity.
    pub identity: &'a Identity,
    /// The commit whose version of the file the draft was last brought up to (after taking in
    /// others' changes), if that is newer than anything this laptop wrote.
    pub synced: Option<&'a str>,
    /// The post-mortem as first drafted, before anyone's prose: the common ground with a version
    /// another responder published of the same incident, which this laptop never took in.
    pub as_first_drafted: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "reason", rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Delivery {
    /// On the shared remote.
    Pushed,
    /// In the local repository; no shared remote is set.
    Local,
    /// Committed, waiting for the remote: why it could not be pushed now.
    Queued(String),
    /// Committed and kept, but the remote refused it (a protected branch, a hook): it is pushed
    /// once the repository's rules allow it, not by trying again. What the remote said.
    Refused(String),
    /// Committed and kept, but the address set serves the repository only to read (git daemon,
    /// a plain web server, an archived repository): it is pushed once that address takes
    /// publishes, or another that does is set.
    ReadOnly(String),
}

impl Delivery {
    /// Committed but not on the remote yet: queued for a repository out of reach, or refused by it.
    pub fn waits_to_be_pushed(&self) -> bool {
        matches!(self, Delivery::Queued(_) | Delivery::Refused(_) | Delivery::ReadOnly(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Published {
    pub path: String,
    pub branch: String,
    pub commit: String,
    pub delivery: Delivery,
    /// The file as published, when someone else's changes on the remote were merged into it;
    /// the caller brings it into the draft, since `commit` is then the one holding it.
    #[serde(skip)]
    pub merged: Option<String>,
    /// False when the post-mortem was already published exactly as it is.
    pub changed: bool,
    /// True when the change conflicted with the remote's copy and went to a review branch instead.
    pub diverted: bool,
    /// Set when the main branch no longer holds the post-mortem: someone took it off after this
    /// laptop last published it. A publish never puts it back there by itself.
    pub removed: Option<Removal>,
}

/// The commit that took a published post-mortem off the main branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Removal {
    pub branch: String,
    pub commit: String,
    pub author: String,
    pub summary: String,
    /// When it was committed, RFC 3339.
    pub committed_at: String,
    /// The review branch that holds this laptop's version of it, when there is one.
    pub review_branch: Option<String>,
}

/// A commit waiting to be pushed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Queued {
    pub branch: String,
    pub commit: String,
    pub incident: Option<String>,
    pub summary: String,
    /// When it was committed, RFC 3339.
    pub committed_at: String,
}

impl SharedRepo {
    /// Opens the managed clone (creating it on first use), waiting for any other Debrief process
    /// that is publishing, and clearing lock files a killed process may have left.
    pub fn open(data_dir: &Path, settings: &SharedRepository) -> Result<SharedRepo> {
        let lock = open_lock_file(data_dir)?;
        lock.lock().map_err(|source| Error::DataDir { path: data_dir.join(LOCK_FILE), source })?;
        SharedRepo::open_locked(data_dir, settings, lock)
    }

    /// Opens the copy to read what this laptop has (the queue, files, the branch) without waiting
    /// for a publish another Debrief process is making: then `busy` is true and the view is as of
    /// that publish's start. Reading a git repository while it is written is safe: refs change by
    /// atomic renames and objects never change.
    pub fn open_for_reading(data_dir: &Path, settings: &SharedRepository) -> Result<(SharedRepo, bool)> {
        let lock = open_lock_file(data_dir)?;
        match lock.try_lock() {
            Ok(()) => Ok((SharedRepo::open_locked(data_dir, settings, lock)?, false)),
            Err(std::fs::TryLockError::WouldBlock) => {
                let path = data_dir.join(REPOSITORY_DIR);
                let Ok(repo) = Repository::open_bare(&path) else {
                    // Whoever holds the lock is creating the copy (on first use, or with a new
                    // URL): there is nothing to read until it is done, and that takes a moment.
                    lock.lock().map_err(|source| Error::DataDir { path: data_dir.join(LOCK_FILE), source })?;
                    return Ok((SharedRepo::open_locked(data_dir, settings, lock)?, false));
                };
                let writer = std::fs::read_to_string(path.join(WRITER_FILE)).unwrap_or_default().trim().to_string();
                let branch = settings.branch.clone().or_else(|| head_branch(&repo)).unwrap_or_else(initial_branch);
                Ok((SharedRepo { repo, settings: settings.clone(), branch, writer, _lock: None }, true))
            }
            Err(std::fs::TryLockError::Error(source)) => Err(Error::DataDir { path: data_dir.join(LOCK_FILE), source }),
        }
    }

    fn open_locked(data_dir: &Path, settings: &SharedRepository, lock: std::fs::File) -> Result<SharedRepo> {
        let path = data_dir.join(REPOSITORY_DIR);
        remove_stale_git_locks(&path);
        let repo = match Repository::open_bare(&path) {
            Ok(repo) => repo,
            Err(error) if error.code() == git2::ErrorCode::NotFound => {
                let mut options = RepositoryInitOptions::new();
                let initial = settings.branch.clone().unwrap_or_else(initial_branch);
                options.bare(true).initial_head(&initial);
                Repository::init_opts(&path, &options)
                    .map_err(|source| git_error("creating the local repository", source))?
            }
            Err(source) => return Err(git_error("opening the local repository", source)),
        };
        let writer = writer_id(&path)?;
        name_origin(&repo, settings.url.as_deref())?;
        let branch = settings.branch.clone().or_else(|| head_branch(&repo)).unwrap_or_else(initial_branch);
        Ok(SharedRepo { repo, settings: settings.clone(), branch, writer, _lock: Some(lock) })
    }

    /// The branch post-mortems are published to.
    pub fn branch(&self) -> &str {
        &self.branch
    }

    pub fn path(&self) -> &Path {
        self.repo.path()
    }

    /// A file from the newest copy of the main branch this laptop has (the remote's if fetched).
    pub fn file(&self, path: &str) -> Option<String> {
        String::from_utf8(self.file_bytes(path)?).ok()
    }

    /// [`file`](SharedRepo::file), as it is: text or not.
    pub fn file_bytes(&self, path: &str) -> Option<Vec<u8>> {
        self.file_with_commit(path).map(|(bytes, _)| bytes)
    }

    /// [`file_bytes`](SharedRepo::file_bytes) with the commit it was read from.
    pub fn file_with_commit(&self, path: &str) -> Option<(Vec<u8>, Oid)> {
        let tip = self.best_main_tip()?;
        let tree = self.repo.find_commit(tip).ok()?.tree().ok()?;
        Some((file_at(&self.repo, &tree, path)?, tip))
    }

    /// Brings the remote's branches in, and follows its default branch when none is configured;
    /// `Err` says why it could not be reached (not an error: offline is normal).
    pub fn fetch(&mut self) -> Result<std::result::Result<(), RemoteProblem>> {
        self.fetch_remote(true)
    }

    fn fetch_remote(&mut self, follow_default_branch: bool) -> Result<std::result::Result<(), RemoteProblem>> {
        let Some(url) = self.settings.url.clone() else { return Ok(Ok(())) };
        let configured = self.settings.branch.clone();
        let fetched = match remote::fetch(&self.repo, &url, configured.as_deref(), self.limits())? {
            Ok(fetched) => fetched,
            Err(problem) => return Ok(Err(problem)),
        };
        if follow_default_branch
            && configured.is_none()
            && let Some(default_branch) = fetched.default_branch
        {
            self.follow(&default_branch)?;
        }
        Ok(Ok(()))
    }

    /// Makes `branch` the one published to, carrying over what was published on this laptop under
    /// the old name and not pushed yet (it is replayed onto the new branch when pushed).
    fn follow(&mut self, branch: &str) -> Result<()> {
        if branch == self.branch || !git2::Reference::is_valid_name(&format!("refs/heads/{branch}")) {
            return Ok(());
        }
        let failed = |source| git_error("following the repository's default branch", source);
        let old_ref = format!("refs/heads/{}", self.branch);
        let new_ref = format!("refs/heads/{branch}");
        if self.repo.refname_to_id(&new_ref).is_err()
            && let Ok(mut old) = self.repo.find_reference(&old_ref)
        {
            old.rename(&new_ref, false, "debrief: follow the remote's default branch").map_err(failed)?;
            if let Ok(mut base) = self.repo.find_reference(&base_ref(&self.branch)) {
                base.rename(&base_ref(branch), true, "debrief: follow the remote's default branch").map_err(failed)?;
            }
        }
        self.repo.set_head(&new_ref).map_err(failed)?;
        tracing::info!(from = %self.branch, to = %branch, "publishing to the repository's default branch");
        self.branch = branch.to_string();
        Ok(())
    }

    fn limits(&self) -> Limits {
        Limits::of(&self.settings)
    }

    /// Publishes after a [`fetch`](SharedRepo::fetch); `offline` is why that fetch could not reach the remote.
    pub fn publish(&mut self, request: &PublishRequest<'_>, offline: Option<RemoteProblem>) -> Result<Published> {
        let moved_to = self.moved_to(request);
        let moved_from = moved_to.is_some().then_some(request.path);
        let request = &PublishRequest { path: moved_to.as_deref().unwrap_or(request.path), ..*request };
        let branch = if request.review { review_branch_of(request.incident) } else { self.branch.clone() };
        let people = self.people(request.identity)?;
        let (change, previous) = self.commit_change(request, moved_from, &branch, &people)?;
        let outcome = self.integrate(&branch, change, &people.committer, offline)?;
        if let Some(change) = change.filter(|change| outcome.conflicts.contains(change)) {
            if request.review {
                return Err(Error::Git {
                    action: "publishing for review",
                    detail: format!(
                        "the review branch {branch} changed in a way that conflicts; nothing was overwritten"
                    ),
                });
            }
            tracing::info!(%change, "publish conflicts with the remote; diverted to review");
            let mut diverted = self.publish(&PublishRequest { review: true, ..*request }, None)?;
            diverted.diverted = true;
            // The replay set the change aside on the review branch, so that publish found it
            // already there; it is new all the same.
            diverted.changed = true;
            diverted.removed = self.removal(request, previous)?;
            return Ok(diverted);
        }
        let tip = outcome.tip.ok_or_else(|| Error::Git {
            action: "publishing",
            detail: "the branch has no commits after publishing".into(),
        })?;
        let published = self
            .repo
            .find_commit(tip)
            .and_then(|tip| tip.tree())
            .ok()
            .and_then(|tree| file_at(&self.repo, &tree, request.path))
            .and_then(|bytes| String::from_utf8(bytes).ok());
        // Unchanged since the last publish, yet not on the branch: someone removed it since.
        let removed = match (&published, request.review) {
            (None, false) => self.removal(request, previous)?,
            _ => None,
        };
        // Written in the CRLF of a teammate's file, it is still what the draft holds.
        let merged = published.filter(|published| published.replace("\r\n", "\n") != request.markdown);
        // The commit that holds exactly what the draft now holds: the base for merging next time.
        let commit = match (outcome.ours, change) {
            _ if merged.is_some() => tip,
            (Some(ours), _) => ours,
            // The remote already had exactly this.
            (None, Some(_)) => tip,
            // Unchanged since the last publish: that publish's commit still holds it.
            (None, None) => previous.unwrap_or(tip),
        };
        Ok(Published {
            path: request.path.to_string(),
            branch,
            commit: commit.to_string(),
            delivery: outcome.delivery,
            merged,
            changed: change.is_some(),
            diverted: false,
            removed,
        })
    }

    /// Where a teammate moved the post-mortem since this laptop last published or took it in
    /// (filed it under a folder, renamed it), as git follows a file: that version is on the
    /// main branch, whose tip no longer holds it at its path, and git's rename detection finds
    /// it elsewhere (its words may have changed too), still naming this incident in its front
    /// matter (post-mortems from one template look alike). The publish then writes there,
    /// instead of putting the file back where it was or calling it removed.
    fn moved_to(&self, request: &PublishRequest<'_>) -> Option<String> {
        let path = Path::new(request.path);
        let tree_of = |id: Oid| self.repo.find_commit(id).and_then(|commit| commit.tree()).ok();
        let tip = self.best_main_tip()?;
        let now = tree_of(tip)?;
        if now.get_path(path).is_ok() {
            return None;
        }
        let synced = Oid::from_str(request.synced?).ok()?;
        // A version that never reached the branch (a queued publish) was moved by nobody.
        if !self.repo.graph_descendant_of(tip, synced).unwrap_or(false) {
            return None;
        }
        let then = tree_of(synced)?;
        then.get_path(path).ok()?;
        let mut diff = self.repo.diff_tree_to_tree(Some(&then), Some(&now), None).ok()?;
        diff.find_similar(Some(git2::DiffFindOptions::new().renames(true))).ok()?;
        let moved = diff
            .deltas()
            .find(|delta| delta.status() == git2::Delta::Renamed && delta.old_file().path() == Some(path))?
            .new_file()
            .path()?
            .to_str()?
            .to_string();
        let text = String::from_utf8(file_at(&self.repo, &now, &moved)?).ok()?;
        let names_it = crate::postmortem::parse(&text).ok()?.facts.id.as_deref() == Some(request.incident);
        names_it.then_some(moved)
    }

    /// Who took the post-mortem off the main branch after `previous` (the last version this
    /// laptop published or took in), when the branch's tip no longer holds it. Only the commits
    /// since `previous` are read.
    fn removal(&self, request: &PublishRequest<'_>, previous: Option<Oid>) -> Result<Option<Removal>> {
        let failed = |source| git_error("reading history", source);
        let path = Path::new(request.path);
        let holds = |commit: &git2::Commit<'_>| commit.tree().is_ok_and(|tree| tree.get_path(path).is_ok());
        let Some(tip) = self.best_main_tip() else { return Ok(None) };
        if holds(&self.repo.find_commit(tip).map_err(failed)?) {
            return Ok(None);
        }
        let mut walk = self.repo.revwalk().map_err(failed)?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL).map_err(failed)?;
        walk.push(tip).map_err(failed)?;
        if let Some(previous) = previous {
            // A `previous` the remote's history no longer knows leaves the whole history to read.
            let _ = walk.hide(previous);
        }
        for id in walk {
            let commit = self.repo.find_commit(id.map_err(failed)?).map_err(failed)?;
            if holds(&commit) || !commit.parents().any(|parent| holds(&parent)) {
                continue;
            }
            let review = review_branch_of(request.incident);
            let review_branch = self
                .repo
                .find_reference(&format!("refs/heads/{review}"))
                .ok()
                .and_then(|reference| reference.peel_to_commit().ok())
                .filter(|commit| holds(commit))
                .map(|_| review);
            let author = commit.author();
            return Ok(Some(Removal {
                branch: self.branch.clone(),
                commit: commit.id().to_string(),
                author: author.name().unwrap_or("someone").to_string(),
                summary: commit.summary().ok().flatten().unwrap_or_default().to_string(),
                committed_at: rfc3339_of(&commit.committer().when()),
                review_branch,
            }));
        }
        Ok(None)
    }

    /// Pushes every branch with commits the remote does not have yet.
    pub fn push_queued(&mut self, identity: &Identity) -> Result<Vec<(String, Delivery)>> {
        // Fetch first: it may move the publishes to the branch the remote's HEAD names.
        let offline = self.fetch()?.err();
        let queued = self.queued()?;
        let committer = self.people(identity)?.committer;
        let mut branches: Vec<String> = queued.into_iter().map(|queued| queued.branch).collect();
        branches.dedup();
        let mut results = Vec::new();
        for branch in branches {
            let outcome = self.integrate(&branch, None, &committer, offline.clone())?;
            results.push((branch, outcome.delivery));
        }
        Ok(results)
    }

    /// Commits not on the remote yet, per branch, oldest first. Nothing is queued without a remote.
    pub fn queued(&self) -> Result<Vec<Queued>> {
        if self.settings.url.is_none() {
            return Ok(Vec::new());
        }
        let failed = |source| git_error("listing what waits to be pushed", source);
        let mut queued = Vec::new();
        for reference in self.repo.references_glob("refs/heads/*").map_err(failed)? {
            let reference = reference.map_err(failed)?;
            let (Ok(name), Some(tip)) = (reference.name(), reference.target()) else { continue };
            let branch = name.trim_start_matches("refs/heads/").to_string();
            let remote_tip = self.remote_tip(&branch);
            if Some(tip) == remote_tip {
                continue;
            }
            for id in self.unpushed(&branch, tip, remote_tip)? {
                let commit = self.repo.find_commit(id).map_err(failed)?;
                let committed_at = rfc3339_of(&commit.committer().when());
                queued.push(Queued {
                    branch: branch.clone(),
                    commit: id.to_string(),
                    incident: incident_of(&commit),
                    summary: commit.summary().ok().flatten().unwrap_or_default().to_string(),
                    committed_at,
                });
            }
        }
        Ok(queued)
    }

    /// Writes the post-mortem on top of the last version this laptop wrote of it (so the replay
    /// merges it with whatever others changed since), or on the newest main branch if it is new.
    /// Returns the new commit (`None` when that version is already exactly this text) and the
    /// commit of that last version.
    fn commit_change(
        &self,
        request: &PublishRequest<'_>,
        moved_from: Option<&str>,
        branch: &str,
        people: &People,
    ) -> Result<(Option<Oid>, Option<Oid>)> {
        let failed = |source| git_error("reading history", source);
        let branch_tip = self
            .repo
            .refname_to_id(&format!("refs/heads/{branch}"))
            .or_else(|_| self.repo.refname_to_id(&format!("refs/heads/{}", self.branch)))
            .ok();
        // A post-mortem the branch does not hold was never written there by this laptop, or was
        // removed since: there is no earlier version to merge with, and no history to walk (a
        // walk through every commit of a repository of thousands, on every first publish).
        let holds_it = |tip: &Oid| {
            self.repo
                .find_commit(*tip)
                .and_then(|commit| commit.tree())
                .is_ok_and(|tree| tree.get_path(Path::new(request.path)).is_ok())
        };
        let written =
            branch_tip.filter(holds_it).map(|tip| self.last_written(tip, request.incident)).transpose()?.flatten();
        // The draft took in a newer version (others' changes) after this laptop last wrote it.
        let synced = request.synced.and_then(|id| Oid::from_str(id).ok()).filter(|synced| {
            self.repo.find_commit(*synced).is_ok()
                && written.is_none_or(|written| self.repo.graph_descendant_of(*synced, written).unwrap_or(false))
        });
        // For review, a version counts only once teammates can have it: on the main branch as the
        // remote holds it, or on the review branch. One that waits on this laptop (a push the
        // repository refused) is not the review's base: the review carries the write-up itself.
        let shared = |commit: &Oid| {
            !request.review
                || [self.remote_tip(&self.branch), self.repo.refname_to_id(&format!("refs/heads/{branch}")).ok()]
                    .into_iter()
                    .flatten()
                    .any(|tip| tip == *commit || self.repo.graph_descendant_of(tip, *commit).unwrap_or(false))
        };
        let previous = synced.or(written).filter(shared);
        let parent_id = previous.or_else(|| self.best_main_tip());
        let mut parent = parent_id.map(|id| self.repo.find_commit(id)).transpose().map_err(failed)?;
        let mut base = parent.as_ref().map(|parent| parent.tree()).transpose().map_err(failed)?;
        // A teammate moved the file since: the last version, where it is now, is what the change
        // is made on (a commit of this laptop's only), so that the publish merges with the move
        // and with whatever they changed in it, instead of adding the file at a second path.
        if let (Some(from), Some(last), Some(tree)) = (moved_from, &parent, &base) {
            let moved = tree_with_file_moved(&self.repo, tree, from, request.path)?;
            let message = format!("Post-mortem where it was moved: {}\n", request.title);
            let moved = commit(&self.repo, Some(last), moved, &people.author, &people.committer, &message)?;
            parent = Some(self.repo.find_commit(moved).map_err(failed)?);
            base = parent.as_ref().map(|parent| parent.tree()).transpose().map_err(failed)?;
        }
        let existing = base.as_ref().and_then(|tree| file_at(&self.repo, tree, request.path));
        let markdown = with_line_endings_of(request.markdown.as_bytes(), existing.as_deref());
        if previous.is_some() && existing.as_deref() == Some(&*markdown) {
            return Ok((None, previous));
        }
        let existed = existing.is_some();
        // Another responder published this incident, and this laptop never wrote or took in that
        // version: the change is made on top of the post-mortem as first drafted, so that the
        // publish merges both people's writing (each kept where only one wrote; a section both
        // wrote goes to review) instead of replacing theirs.
        let parent = match (previous, existing.as_deref(), request.as_first_drafted) {
            (None, Some(existing), Some(first)) if !request.review && existing != &*markdown => {
                let first = with_line_endings_of(first.as_bytes(), Some(existing));
                let tree = tree_with_files(&self.repo, base.as_ref(), &[(request.path, &first)])?;
                let message = format!(
                    "Post-mortem as first drafted: {}\n\nThe common ground of two responders' versions, to merge them.\n",
                    request.title
                );
                let first = commit(&self.repo, parent.as_ref(), tree, &people.author, &people.committer, &message)?;
                Some(self.repo.find_commit(first).map_err(failed)?)
            }
            _ => parent,
        };
        let mut files: Vec<(&str, &[u8])> = vec![(request.path, &markdown)];
        if parent.is_none() {
            files.push((".gitattributes", GITATTRIBUTES.as_bytes()));
            files.push(("README.md", REPOSITORY_README.as_bytes()));
        }
        let tree = self.with_listings(tree_with_files(&self.repo, base.as_ref(), &files)?)?;
        let verb = if existed { "Update" } else { "Publish" };
        let message = format!(
            "{verb} post-mortem: {}\n\n{INCIDENT_TRAILER}{}\n{WRITER_TRAILER}{}\n",
            request.title, request.incident, self.writer
        );
        let change = commit(&self.repo, parent.as_ref(), tree, &people.author, &people.committer, &message)?;
        Ok((Some(change), previous))
    }

    /// The newest commit reachable from `tip` in which this laptop wrote `incident`'s post-mortem.
    /// Only commits on the branch count: one a killed publish made but never recorded on a branch
    /// was never published, and the draft holds its text anyway.
    fn last_written(&self, tip: Oid, incident: &str) -> Result<Option<Oid>> {
        let failed = |source| git_error("reading history", source);
        let mut walk = self.repo.revwalk().map_err(failed)?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL).map_err(failed)?;
        walk.push(tip).map_err(failed)?;
        for id in walk {
            let commit = self.repo.find_commit(id.map_err(failed)?).map_err(failed)?;
            let message = String::from_utf8_lossy(commit.message_bytes());
            let trailer = |name: &str| message.lines().find_map(|line| line.strip_prefix(name)).map(str::trim);
            if trailer(INCIDENT_TRAILER) == Some(incident) && trailer(WRITER_TRAILER) == Some(self.writer.as_str()) {
                return Ok(Some(commit.id()));
            }
        }
        Ok(None)
    }

    /// Replays the branch's unpushed commits (and `change`) onto the remote's tip, moves the local
    /// branch there and pushes, fetching and replaying again while others push first.
    fn integrate(
        &mut self,
        branch: &str,
        change: Option<Oid>,
        committer: &Signature<'_>,
        mut offline: Option<RemoteProblem>,
    ) -> Result<Integrated> {
        let local_ref = format!("refs/heads/{branch}");
        let mut conflicts = Vec::new();
        // Where `change` is now: replaying it onto a newer remote tip gives it a new id each time.
        let mut ours = change;
        let mut pending_change = change;
        let attempts = self.settings.push_attempts.max(1);
        let mut last_refusal = String::new();
        for _ in 0..attempts {
            let local_tip = self.repo.refname_to_id(&local_ref).ok();
            let remote_tip = self.remote_tip(branch);
            let onto = remote_tip.or(local_tip).or_else(|| self.best_main_tip());
            let mut pending = match local_tip {
                Some(local) if Some(local) != onto => self.unpushed(branch, local, onto)?,
                _ => Vec::new(),
            };
            pending.extend(pending_change.take());
            let replayed = replay(&self.repo, onto, &pending, committer, &*self)?;
            for conflict in replayed.conflicts {
                self.set_aside(conflict)?;
                conflicts.push(conflict);
            }
            ours = ours.and_then(|id| replayed.moved.iter().find(|(old, _)| *old == id).map(|(_, new)| *new));
            let Some(tip) = replayed.tip else {
                return Ok(Integrated { tip: None, ours, conflicts, delivery: Delivery::Local });
            };
            self.repo
                .reference(&local_ref, tip, true, "debrief: publish")
                .map_err(|source| git_error("recording the publish", source))?;
            if let Some(remote_tip) = remote_tip {
                self.set_base(branch, remote_tip)?;
            }
            let Some(url) = self.settings.url.clone() else {
                return Ok(Integrated { tip: Some(tip), ours, conflicts, delivery: Delivery::Local });
            };
            if let Some(problem) = offline.take() {
                return Ok(Integrated { tip: Some(tip), ours, conflicts, delivery: queued(problem) });
            }
            match remote::push(&self.repo, &url, tip, &local_ref, remote_tip, self.limits())? {
                Ok(()) => match self.confirm_pushed(&url, branch, tip)? {
                    Confirmation::OnTheBranch => {
                        self.repo
                            .reference(&format!("refs/remotes/origin/{branch}"), tip, true, "debrief: pushed")
                            .map_err(|source| git_error("recording the push", source))?;
                        self.set_base(branch, tip)?;
                        return Ok(Integrated { tip: Some(tip), ours, conflicts, delivery: Delivery::Pushed });
                    }
                    Confirmation::Missing(reason) => {
                        tracing::warn!(%branch, %reason, "a push was accepted but is not on the branch; replaying");
                        last_refusal = reason;
                        offline = self.fetch_remote(false)?.err();
                    }
                    Confirmation::Unknown(problem) => {
                        let reason = format!(
                            "it was pushed, but the shared repository could not be asked to confirm it ({problem}); \
                             it is checked again by the next publish or `--retry`"
                        );
                        return Ok(Integrated { tip: Some(tip), ours, conflicts, delivery: Delivery::Queued(reason) });
                    }
                },
                Err(PushFailure::NotFastForward(refusal)) => {
                    last_refusal = refusal;
                    offline = self.fetch_remote(false)?.err();
                }
                Err(PushFailure::Problem(problem)) => {
                    return Ok(Integrated { tip: Some(tip), ours, conflicts, delivery: queued(problem) });
                }
            }
        }
        let tip = self.repo.refname_to_id(&local_ref).ok();
        let reason = if last_refusal.contains("lock") {
            // A push killed while it wrote into a repository on this machine leaves its lock behind.
            format!(
                "the shared repository stayed locked ({last_refusal}); if no one is pushing to it, an interrupted \
                 push left that lock file behind: remove it, then run `debrief publish --retry`"
            )
        } else {
            "others kept pushing first; it will be pushed by the next publish or `--retry`".to_string()
        };
        Ok(Integrated { tip, ours, conflicts, delivery: Delivery::Queued(reason) })
    }

    /// Asks the remote where `branch` is now: a push only counts when its commit is on the branch
    /// (the tip, or under commits others pushed since), never on the server's word alone.
    fn confirm_pushed(&mut self, url: &str, branch: &str, tip: Oid) -> Result<Confirmation> {
        let remote_ref = format!("refs/heads/{branch}");
        let now = match remote::tip_of(&self.repo, url, &remote_ref, self.limits())? {
            Ok(now) => now,
            Err(problem) => return Ok(Confirmation::Unknown(problem)),
        };
        let contains = |repo: &Repository, now: Oid| now == tip || repo.graph_descendant_of(now, tip).unwrap_or(false);
        match now {
            Some(now) if contains(&self.repo, now) => Ok(Confirmation::OnTheBranch),
            Some(now) if self.repo.find_commit(now).is_err() => {
                // Someone pushed again since: bring their commits in to see whether ours is under them.
                if let Err(problem) = self.fetch_remote(false)? {
                    return Ok(Confirmation::Unknown(problem));
                }
                match self.remote_tip(branch) {
                    Some(fetched) if contains(&self.repo, fetched) => Ok(Confirmation::OnTheBranch),
                    _ => Ok(Confirmation::Missing(format!("{branch} moved to {now} without this publish"))),
                }
            }
            Some(now) => Ok(Confirmation::Missing(format!("{branch} is at {now}, without this publish"))),
            None => Ok(Confirmation::Missing(format!("{branch} is not on the shared repository after the push"))),
        }
    }

    /// A queued commit that no longer merges cleanly moves to its incident's review branch,
    /// where a person can reconcile it: it is never dropped.
    fn set_aside(&self, commit: Oid) -> Result<()> {
        let found = self.repo.find_commit(commit).map_err(|source| git_error("reading history", source))?;
        let incident = incident_of(&found).unwrap_or_else(|| commit.to_string());
        self.repo
            .reference(
                &format!("refs/heads/{}", review_branch_of(&incident)),
                commit,
                true,
                "debrief: set aside for review",
            )
            .map_err(|source| git_error("keeping a conflicting publish", source))?;
        tracing::warn!(%incident, "a queued publish conflicts with the remote; kept on its review branch");
        Ok(())
    }

    /// This laptop's commits on `branch` that the remote has not had: those after the remote tip it
    /// was last built on. After the remote's history is rewritten, commits that were only the
    /// remote's old history are not mistaken for ours and pushed back.
    fn unpushed(&self, branch: &str, local: Oid, onto: Option<Oid>) -> Result<Vec<Oid>> {
        let base = self.repo.refname_to_id(&base_ref(branch)).ok().filter(|base| self.repo.find_commit(*base).is_ok());
        commits_since(&self.repo, local, base.or(onto))
    }

    /// Records the remote tip that `branch` is now built on.
    fn set_base(&self, branch: &str, remote_tip: Oid) -> Result<()> {
        self.repo
            .reference(&base_ref(branch), remote_tip, true, "debrief: remote base")
            .map_err(|source| git_error("recording the remote's tip", source))?;
        Ok(())
    }

    fn remote_tip(&self, branch: &str) -> Option<Oid> {
        self.repo.refname_to_id(&format!("refs/remotes/origin/{branch}")).ok()
    }

    fn best_main_tip(&self) -> Option<Oid> {
        let branch = &self.branch;
        self.remote_tip(branch).or_else(|| self.repo.refname_to_id(&format!("refs/heads/{branch}")).ok())
    }

    /// Who the commits are by, found as git finds it: for each of author and committer, the
    /// environment (`GIT_AUTHOR_NAME`, `GIT_COMMITTER_EMAIL`...), then `author.*` or
    /// `committer.*`, then `user.*`, then `EMAIL` for the address; Debrief's own settings
    /// only where git knows nothing.
    pub fn people(&self, identity: &Identity) -> Result<People> {
        let settings = GitSettings::of(&self.repo).ok();
        let person = |role: &str| {
            let setting = |key: String| settings.as_ref().and_then(|settings| settings.string(&key));
            let environment = |name: String| std::env::var(name).ok();
            let known = |value: &String| !value.trim().is_empty();
            let variable = role.to_uppercase();
            let name = environment(format!("GIT_{variable}_NAME"))
                .filter(known)
                .or_else(|| setting(format!("{role}.name")).filter(known))
                .or_else(|| setting("user.name".into()).filter(known))
                .or_else(|| identity.name.clone().filter(known));
            let email = environment(format!("GIT_{variable}_EMAIL"))
                .filter(known)
                .or_else(|| setting(format!("{role}.email")).filter(known))
                .or_else(|| setting("user.email".into()).filter(known))
                .or_else(|| environment("EMAIL".into()).filter(known))
                .or_else(|| identity.email.clone().filter(known));
            match (name, email) {
                (Some(name), Some(email)) => Signature::now(name.trim(), email.trim())
                    .map_err(|source| git_error("naming who the commit is by", source)),
                _ => Err(Error::Identity),
            }
        };
        Ok(People { author: person("author")?, committer: person("committer")? })
    }
}

/// Who a commit Debrief makes is by: its author and its committer, usually one person.
pub struct People {
    pub author: Signature<'static>,
    pub committer: Signature<'static>,
}

/// Writes the shared repository's address into the copy's own settings as `remote.origin.url`
/// (only the address: fetches and pushes name it themselves), as a clone of it has: git's
/// `includeIf "hasconfig:remote.*.url:..."` then gives the copy the identity and signing key
/// the person's own clone gets. Taken out again when no shared repository is set.
fn name_origin(repo: &Repository, url: Option<&str>) -> Result<()> {
    let failed = |source| git_error("naming the shared repository in the local copy's settings", source);
    let mut config = repo.config().and_then(|config| config.open_level(git2::ConfigLevel::Local)).map_err(failed)?;
    let named = config.get_string("remote.origin.url").ok();
    match url {
        Some(url) if named.as_deref() != Some(url) => config.set_str("remote.origin.url", url).map_err(failed),
        None if named.is_some() => config.remove("remote.origin.url").map_err(failed),
        _ => Ok(()),
    }
}

/// The file whose lock makes Debrief processes take turns with the copy.
fn open_lock_file(data_dir: &Path) -> Result<std::fs::File> {
    let lock_path = data_dir.join(LOCK_FILE);
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::DataDir { path: lock_path, source })
}

/// This copy's writer id, made once: 128 random bits, kept in the managed clone.
fn writer_id(repository: &Path) -> Result<String> {
    let path = repository.join(WRITER_FILE);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() == 32 && existing.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return Ok(existing.to_string());
        }
    }
    let id = crate::id::random_hex(16);
    crate::files::write_atomically(&path, id.as_bytes())
        .map_err(|source| Error::DataDir { path: path.clone(), source })?;
    Ok(id)
}

/// Where Debrief remembers which remote tip a local branch was last built on.
fn base_ref(branch: &str) -> String {
    format!("refs/debrief/base/{branch}")
}

impl DerivedFiles for SharedRepo {
    fn is_derived(&self, path: &str) -> bool {
        listing::is_listing(path)
    }

    fn refresh(&self, tree: Oid) -> Result<Oid> {
        self.with_listings(tree)
    }
}

/// Whether a pushed commit is on the remote branch.
enum Confirmation {
    OnTheBranch,
    /// The server took the push, yet the branch does not hold it: why.
    Missing(String),
    /// The remote could not be asked.
    Unknown(RemoteProblem),
}

/// The branch name HEAD points to in Debrief's copy.
fn head_branch(repo: &Repository) -> Option<String> {
    let head = repo.find_reference("HEAD").ok()?;
    head.symbolic_target().ok()??.strip_prefix("refs/heads/").map(str::to_string)
}

/// The branch a new copy starts on before the remote names its own, as `git init` names it:
/// git's `init.defaultBranch`, else git's own default, `master`.
fn initial_branch() -> String {
    git2::Config::open_default()
        .and_then(|config| config.get_string("init.defaultBranch"))
        .ok()
        .filter(|name| git2::Reference::is_valid_name(&format!("refs/heads/{name}")))
        .unwrap_or_else(|| "master".to_string())
}

struct Integrated {
    tip: Option<Oid>,
    /// The publish's own commit as it now is on the branch, if it made one and it applied.
    ours: Option<Oid>,
    conflicts: Vec<Oid>,
    delivery: Delivery,
}

fn queued(problem: RemoteProblem) -> Delivery {
    match problem {
        RemoteProblem::Unreachable(reason) => {
            Delivery::Queued(format!("the shared repository cannot be reached: {reason}"))
        }
        RemoteProblem::Rejected(reason) => {
            Delivery::Refused(format!("the shared repository refused the push: {reason}"))
        }
        RemoteProblem::ReadOnly(reason) => Delivery::ReadOnly(reason),
    }
}

/// A process killed while updating a ref leaves its `.lock` file behind; with the publish lock
/// held, any such file is stale. Symbolic links are never followed.
fn remove_stale_git_locks(directory: &Path) {
    let Ok(entries) = std::fs::read_dir(directory) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() && entry.file_name() != "objects" => remove_stale_git_locks(&path),
            Ok(kind) if kind.is_file() && path.extension().is_some_and(|extension| extension == "lock") => {
                tracing::warn!(path = %path.display(), "removing a stale git lock file");
                let _ = std::fs::remove_file(&path);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_read_while_another_call_creates_the_copy_waits_for_it_instead_of_failing() {
        let data_dir = tempfile::tempdir().expect("temporary directory");
        let settings = SharedRepository::default();
        // Another call holds the lock and has not made the copy yet (the first Save of a URL).
        let lock = open_lock_file(data_dir.path()).expect("lock file");
        lock.lock().expect("locked");
        let (done, answer) = mpsc::channel();
        let reader = {
            let (data_dir, settings) = (data_dir.path().to_path_buf(), settings.clone());
            std::thread::spawn(move || {
                let opened = SharedRepo::open_for_reading(&data_dir, &settings).map(|(repo, busy)| (repo.branch, busy));
                done.send(opened).expect("the test waits for the answer");
            })
        };
        // Before the fix the read failed at once with "path is not a repository"; it must wait.
        // A slow machine that has not started the read yet passes this too, without proving it.
        match answer.recv_timeout(Duration::from_millis(300)) {
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Ok(opened) => panic!("the read did not wait for the copy being made: {:?}", opened.map(|_| ())),
            Err(error) => panic!("{error}"),
        }
        let creator = SharedRepo::open_locked(data_dir.path(), &settings, lock).expect("created");
        drop(creator);
        let (branch, busy) = answer.recv().expect("an answer").expect("the read opened the copy once it was made");
        assert!(!busy && !branch.is_empty());
        reader.join().expect("the reader ends");
    }
}
