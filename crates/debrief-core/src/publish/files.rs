//! Reading the post-mortems in Debrief's copy of the shared repository, for
//! the browse index: what changed between two commits, or everything, and when
//! undated files first appeared. Only blobs are read; symbolic links and
//! submodules are reported and never followed.

use std::collections::HashSet;

use chrono::DateTime;
use git2::{Delta, DiffOptions, ObjectType, Oid, Sort, Tree, TreeWalkMode, TreeWalkResult};

use super::SharedRepo;
use super::remote::{RemoteProblem, git_error};
use crate::Result;
use crate::config::Identity;
use crate::index::AddedDates;

/// Post-mortems live under this directory, at any depth.
const INCIDENTS_DIR: &str = "incidents/";

pub enum FileChange {
    Changed { path: String, bytes: Vec<u8> },
    Removed { path: String },
    Skipped { path: String, reason: String },
}

/// The files to index, and whether they are all of them (index from scratch) or a difference.
pub struct IncidentFiles {
    pub files: Vec<FileChange>,
    pub complete: bool,
}

fn is_markdown(path: &str) -> bool {
    let lowered = path.to_ascii_lowercase();
    path.starts_with(INCIDENTS_DIR) && (lowered.ends_with(".md") || lowered.ends_with(".markdown"))
}

impl SharedRepo {
    /// The newest commit of the main branch in Debrief's copy.
    pub fn main_tip(&self) -> Option<String> {
        self.repo.refname_to_id(&format!("refs/heads/{}", self.branch)).ok().map(|id| id.to_string())
    }

    /// Fetches, then brings the local main branch to the remote's: a fast-forward, or a replay of
    /// publishes still waiting to be pushed (which are pushed). Returns why the remote could not be
    /// reached, if it could not.
    pub fn sync(&mut self, identity: &Identity) -> Result<Option<RemoteProblem>> {
        let offline = self.fetch()?.err();
        let branch = self.branch.clone();
        let local_ref = format!("refs/heads/{branch}");
        let local = self.repo.refname_to_id(&local_ref).ok();
        let Some(remote) = self.remote_tip(&branch) else { return Ok(offline) };
        let fast_forward = match local {
            None => true,
            Some(local) => local == remote || self.unpushed(&branch, local, Some(remote))?.is_empty(),
        };
        if fast_forward {
            self.repo
                .reference(&local_ref, remote, true, "debrief: sync")
                .map_err(|source| git_error("syncing", source))?;
            self.set_base(&branch, remote)?;
        } else {
            let signature = self.signature(identity)?;
            self.integrate(&branch, None, &signature, offline.clone())?;
        }
        Ok(offline)
    }

    /// Post-mortem files changed between `since` and `tip`, or all of them when `since` is unknown
    /// (never indexed, or history was rewritten and the old commit is gone).
    pub fn incident_files(&self, since: Option<&str>, tip: &str) -> Result<IncidentFiles> {
        let failed = |source| git_error("reading the repository's post-mortems", source);
        let tip = Oid::from_str(tip).and_then(|id| self.repo.find_commit(id)).map_err(failed)?;
        let tip_tree = tip.tree().map_err(failed)?;
        let old_tree = since
            .and_then(|since| Oid::from_str(since).ok())
            .and_then(|since| self.repo.find_commit(since).ok())
            .and_then(|commit| commit.tree().ok());
        match old_tree {
            Some(old_tree) => Ok(IncidentFiles { files: self.differences(&old_tree, &tip_tree)?, complete: false }),
            None => Ok(IncidentFiles { files: self.everything(&tip_tree)?, complete: true }),
        }
    }

    fn differences(&self, old: &Tree<'_>, new: &Tree<'_>) -> Result<Vec<FileChange>> {
        let failed = |source| git_error("comparing versions of the repository", source);
        let mut options = DiffOptions::new();
        options.pathspec(INCIDENTS_DIR);
        let diff = self.repo.diff_tree_to_tree(Some(old), Some(new), Some(&mut options)).map_err(failed)?;
        let mut files = Vec::new();
        for delta in diff.deltas() {
            if let Some(path) = delta.old_file().path().and_then(|path| path.to_str()).filter(|path| is_markdown(path))
                && matches!(delta.status(), Delta::Deleted | Delta::Renamed | Delta::Typechange)
            {
                files.push(FileChange::Removed { path: path.to_string() });
            }
            let new_file = delta.new_file();
            let Some(path) = new_file.path().and_then(|path| path.to_str()).filter(|path| is_markdown(path)) else {
                continue;
            };
            if delta.status() == Delta::Deleted {
                continue;
            }
            files.push(self.read_entry(path, new_file.id(), new_file.mode() == git2::FileMode::Link));
        }
        Ok(files)
    }

    fn everything(&self, tree: &Tree<'_>) -> Result<Vec<FileChange>> {
        let mut entries = Vec::new();
        tree.walk(TreeWalkMode::PreOrder, |directory, entry| {
            let path = format!("{directory}{}", entry.name().unwrap_or_default());
            if entry.kind() == Some(ObjectType::Tree) {
                // Only descend into the incidents directory.
                return if path.starts_with(INCIDENTS_DIR) || INCIDENTS_DIR.starts_with(&format!("{path}/")) {
                    TreeWalkResult::Ok
                } else {
                    TreeWalkResult::Skip
                };
            }
            if is_markdown(&path) {
                entries.push((path, entry.id(), entry.filemode() == i32::from(git2::FileMode::Link)));
            }
            TreeWalkResult::Ok
        })
        .map_err(|source| git_error("listing the repository's post-mortems", source))?;
        Ok(entries.into_iter().map(|(path, id, link)| self.read_entry(&path, id, link)).collect())
    }

    fn read_entry(&self, path: &str, id: Oid, symbolic_link: bool) -> FileChange {
        if symbolic_link {
            return FileChange::Skipped { path: path.to_string(), reason: "a symbolic link (never followed)".into() };
        }
        match self.repo.find_blob(id) {
            Ok(blob) => FileChange::Changed { path: path.to_string(), bytes: blob.content().to_vec() },
            Err(_) => FileChange::Skipped { path: path.to_string(), reason: "not a file".into() },
        }
    }

    /// When each of `paths` first appeared on the main branch, walking history once, oldest first.
    pub fn first_added(&self, tip: &str, paths: &[String]) -> Result<AddedDates> {
        let failed = |source| git_error("reading the repository's history", source);
        let mut wanted: HashSet<&str> = paths.iter().map(String::as_str).collect();
        let mut dates = AddedDates::new();
        let mut walk = self.repo.revwalk().map_err(failed)?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE).map_err(failed)?;
        walk.push(Oid::from_str(tip).map_err(failed)?).map_err(failed)?;
        for id in walk {
            if wanted.is_empty() {
                break;
            }
            let commit = self.repo.find_commit(id.map_err(failed)?).map_err(failed)?;
            let tree = commit.tree().map_err(failed)?;
            let parent_tree = commit.parent(0).ok().and_then(|parent| parent.tree().ok());
            let mut options = DiffOptions::new();
            for path in &wanted {
                options.pathspec(path);
            }
            let diff =
                self.repo.diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), Some(&mut options)).map_err(failed)?;
            let when = DateTime::from_timestamp(commit.time().seconds(), 0).map(|time| time.date_naive());
            for delta in diff.deltas().filter(|delta| delta.status() == Delta::Added) {
                if let (Some(path), Some(when)) = (delta.new_file().path().and_then(|path| path.to_str()), when)
                    && wanted.remove(path)
                {
                    dates.insert(path.to_string(), when);
                }
            }
        }
        Ok(dates)
    }
}
