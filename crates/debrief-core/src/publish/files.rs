//! Reading the post-mortems in Debrief's copy of the shared repository, for
//! the browse index: what changed between two commits, or everything, and when
//! undated files first appeared. Post-mortems are the Markdown files in the
//! folders the team keeps them in (globs in the settings, with defaults for the
//! common layouts). Only blobs are read, one at a time and only up to a size a
//! post-mortem can have; symbolic links and submodules are reported and never
//! followed; trees are walked without recursion, to a depth limit that names
//! the path it stopped at.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::{Mutex, mpsc};

use chrono::{DateTime, NaiveDate};
use git2::{Delta, DiffOptions, ObjectType, Oid, Repository, Sort, Tree};
use globset::{GlobSet, GlobSetBuilder};
use serde::Serialize;

use super::SharedRepo;
use super::remote::{RemoteProblem, git_error};
use crate::config::Identity;
use crate::{Error, Result};

/// Folders deeper than this are not looked into (a tree can be made arbitrarily deep).
const MAX_DEPTH: usize = 32;
/// A file larger than this is not read at all: no post-mortem is that big, and reading it would
/// only fill memory. Of a file up to this size, only the first bytes the index uses are kept.
const MAX_READ_BYTES: usize = 64 * 1024 * 1024;
/// Files are handed to the reading threads this many at a time.
const READ_CHUNK: usize = 32;
/// What the top folder of a repository holds besides its post-mortems (names in lower case,
/// dashes read as underscores).
const REPOSITORY_DOCUMENTS: &[&str] = &[
    "license",
    "licence",
    "copying",
    "contributing",
    "changelog",
    "changes",
    "history",
    "news",
    "code_of_conduct",
    "security",
    "support",
    "governance",
    "maintainers",
    "authors",
    "contributors",
    "notice",
    "codeowners",
    "summary",
    "index",
    "todo",
];

/// A template kept beside the post-mortems, or any repository's (`template.md`,
/// `postmortem-template.md`, `PMyyyy-nnn - Postmortem template.md`, `pull_request_template.md`):
/// its name, in lower case, ends in the word "template" or "templates".
/// ("template-rendering-outage" is a post-mortem.)
fn is_template(stem: &str) -> bool {
    stem.strip_suffix("template")
        .or_else(|| stem.strip_suffix("templates"))
        .is_some_and(|before| before.is_empty() || before.ends_with(|c: char| !c.is_alphanumeric()))
}

/// The post-mortem template among a repository's files: a Markdown file named as a template
/// ("PMyyyy-nnn - Postmortem template.md", "docs/postmortems/template.md"), not a git host's
/// issue or pull request template nor Debrief's own. Where there are several, the one whose path
/// names post-mortems or incidents; none when that leaves more than one.
pub(super) fn post_mortem_template_among<'a>(paths: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = paths
        .into_iter()
        .filter(|path| {
            let lower = path.to_lowercase();
            let Some(stem) = lower
                .rsplit('/')
                .next()
                .and_then(|name| name.strip_suffix(".md").or_else(|| name.strip_suffix(".markdown")))
            else {
                return false;
            };
            let for_the_git_host =
                [".github/", ".gitlab/", ".gitea/", ".debrief/", "pull_request", "merge_request", "issue"]
                    .iter()
                    .any(|part| lower.contains(part));
            is_template(stem) && !for_the_git_host
        })
        .collect();
    let names_post_mortems = |path: &str| {
        let lower = path.to_lowercase().replace(['-', '_', ' '], "");
        ["postmortem", "incident", "retrospective"].iter().any(|word| lower.contains(word))
    };
    let preferred: Vec<&str> = candidates.iter().copied().filter(|path| names_post_mortems(path)).collect();
    match (preferred.as_slice(), candidates.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        _ => None,
    }
}

/// Whether one part of a folder pattern matches more than one name (`**`, `*.md`, `20??`).
fn is_wildcard(part: &str) -> bool {
    part.contains(['*', '?', '[', '{'])
}

/// Whether a path is in the repository's top folder, where a Markdown file may be anything and
/// is a post-mortem only when it reads like one.
pub fn is_top_level(path: &str) -> bool {
    !path.contains('/')
}

pub enum FileChange {
    /// The file's first bytes, as many as the index reads; `size` is the whole file's.
    Changed {
        path: String,
        bytes: Vec<u8>,
        size: usize,
    },
    Removed {
        path: String,
    },
    Skipped {
        path: String,
        reason: String,
    },
}

/// A post-mortem file to read, or one that went away.
pub enum PendingChange {
    File { path: String, id: Oid, symbolic_link: bool },
    Removed { path: String },
    Skipped { path: String, reason: String },
}

/// The files to index, and whether they are all of them (index from scratch) or a difference.
pub struct IncidentFiles {
    pub files: Vec<PendingChange>,
    pub complete: bool,
    /// Folders not looked into, and why.
    pub warnings: Vec<String>,
}

/// Which files of the repository are post-mortems.
pub struct PostmortemPaths {
    globs: GlobSet,
    /// The fixed start of each glob (`incidents/`, `docs/`): only folders on the way to one are walked.
    prefixes: Vec<String>,
    /// The folder names the patterns spell out (`incidents`, `postmortems`, `_posts`), in lower
    /// case: such a folder's own README or index page describes the collection.
    collections: Vec<String>,
}

impl PostmortemPaths {
    pub fn new(patterns: &[String]) -> Result<PostmortemPaths> {
        let mut builder = GlobSetBuilder::new();
        let mut prefixes = Vec::new();
        let mut collections = Vec::new();
        for pattern in patterns {
            let pattern = pattern.trim().trim_start_matches("./").trim_start_matches('/');
            // Folder names match in any case: `Postmortems/` is as likely as `postmortems/`.
            let glob = globset::GlobBuilder::new(pattern).literal_separator(true).case_insensitive(true).build();
            let glob = glob.map_err(|error| {
                Error::invalid("post-mortem folders", format!("`{pattern}` is not a folder pattern ({error})"))
            })?;
            builder.add(glob);
            let folders = pattern.split('/').rev().skip(1);
            collections.extend(folders.filter(|part| !is_wildcard(part)).map(str::to_lowercase));
            // `*.md` matches files in the top folder only, which is always read: no folder leads to it.
            if !pattern.contains('/') {
                continue;
            }
            let fixed: Vec<&str> = pattern.split('/').take_while(|part| !is_wildcard(part)).collect();
            prefixes.push(fixed.iter().map(|part| format!("{}/", part.to_lowercase())).collect());
        }
        let globs = builder
            .build()
            .map_err(|error| Error::invalid("post-mortem folders", format!("the patterns cannot be used ({error})")))?;
        Ok(PostmortemPaths { globs, prefixes, collections })
    }

    /// A Markdown file in one of the folders, other than a Hugo section's `_index.md`, the README
    /// or index page of a collection (`incidents/README.md`, `postmortems/2024/index.md`), or in
    /// the top folder, a document every repository may have (LICENSE.md, CONTRIBUTING.md, ...).
    /// (Whether a folder's page is a post-mortem also depends on what is beside it: see
    /// `lists_its_folder`.)
    pub fn is_postmortem(&self, path: &str) -> bool {
        let mut parts = path.rsplit('/');
        let name = parts.next().unwrap_or(path).to_ascii_lowercase();
        let Some(stem) = crate::markdown::markdown_stem(&name) else { return false };
        let repository_document = is_top_level(path) && REPOSITORY_DOCUMENTS.contains(&stem.replace('-', "_").as_str());
        let collection_page = is_folder_page(stem)
            && parts.next().is_none_or(|folder| {
                let folder = folder.to_lowercase();
                folder.bytes().all(|byte| byte.is_ascii_digit()) || self.collections.contains(&folder)
            });
        stem != "_index" && !collection_page && !repository_document && !is_template(stem) && self.globs.is_match(path)
    }

    /// Whether a folder (`docs/ops`) can hold post-mortems, or lead to a folder that does.
    fn may_contain(&self, folder: &str) -> bool {
        let folder = format!("{}/", folder.to_lowercase());
        self.prefixes.iter().any(|prefix| prefix.starts_with(&folder) || folder.starts_with(prefix.as_str()))
    }
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
            let committer = self.people(identity)?.committer;
            self.integrate(&branch, None, &committer, offline.clone())?;
        }
        Ok(offline)
    }

    /// Which files are post-mortems, by the settings' folders.
    pub fn postmortem_paths(&self) -> Result<PostmortemPaths> {
        PostmortemPaths::new(&self.settings.postmortem_paths)
    }

    /// The folder patterns in the settings.
    pub fn postmortem_folders(&self) -> &[String] {
        &self.settings.postmortem_paths
    }

    /// Where the post-mortems on the newest main branch this laptop has are, with how many in each
    /// folder (the remote's, when it was fetched).
    pub fn postmortem_locations(&self) -> Result<Vec<Location>> {
        let Some(tip) = self.best_main_tip() else { return Ok(Vec::new()) };
        let failed = |source| git_error("reading the repository's post-mortems", source);
        let tree = self.repo.find_commit(tip).and_then(|commit| commit.tree()).map_err(failed)?;
        let (files, _) = self.postmortems_in(&tree, &self.postmortem_paths()?)?;
        // A file in the top folder counts as the index will count it: only when it reads like one.
        let counted = |path: &str, id: Oid, symbolic_link: bool| {
            let pending = PendingChange::File { path: path.to_string(), id, symbolic_link };
            match read_file(&self.repo, pending) {
                FileChange::Changed { path, bytes, .. } => crate::postmortem::indexed::read(&path, &bytes)
                    .0
                    .is_some_and(|document| document.reads_as_postmortem()),
                _ => false,
            }
        };
        Ok(locations(files.iter().filter_map(|file| match file {
            PendingChange::File { path, id, symbolic_link } if is_top_level(path) => {
                counted(path, *id, *symbolic_link).then_some(path.as_str())
            }
            PendingChange::File { path, .. } | PendingChange::Skipped { path, .. } => Some(path.as_str()),
            PendingChange::Removed { .. } => None,
        })))
    }

    /// The folders holding Markdown files on the newest main branch this laptop has, outside the
    /// top folder, hidden ones and those Debrief looks in already, most first (at most three):
    /// where a team whose post-mortems Debrief did not find may keep them (icco/postmortems keeps
    /// 242 in `data/`). Names only are read, never the files. Only a hint: when the folders
    /// cannot be listed, there is none, and the sync or the new URL that asked for it stands.
    pub fn markdown_locations(&self) -> Vec<Location> {
        let listed = self.best_main_tip().map(|tip| -> Result<(Vec<PendingChange>, PostmortemPaths)> {
            let failed = |source| git_error("looking for Markdown files in the repository", source);
            let tree = self.repo.find_commit(tip).and_then(|commit| commit.tree()).map_err(failed)?;
            Ok((self.postmortems_in(&tree, &PostmortemPaths::new(&["**/*".to_string()])?)?.0, self.postmortem_paths()?))
        });
        let (files, looked_in) = match listed {
            Some(Ok(listed)) => listed,
            Some(Err(error)) => {
                tracing::warn!(%error, "listing the repository's Markdown files for a hint");
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let hidden = |path: &str| path.starts_with('.') || path.contains("/.");
        let elsewhere = |path: &&str| !is_top_level(path) && !hidden(path) && !looked_in.globs.is_match(path);
        let mut found = locations(files.iter().map(pending_path).filter(elsewhere));
        found.truncate(3);
        found
    }

    /// The team's own post-mortem template on the newest main branch this laptop has, when the
    /// repository keeps one but no `.debrief/template.md`: drafts follow Debrief's template until
    /// the team's is written there (`debrief init-repo` in a clone does). Names only are read.
    /// Only a hint: when the files cannot be listed, there is none.
    pub fn own_template_beside_debriefs(&self) -> Option<String> {
        if self.file_bytes(super::TEAM_TEMPLATE_PATH).is_some() {
            return None;
        }
        let tip = self.best_main_tip()?;
        let listed = (|| -> Result<Vec<PendingChange>> {
            let failed = |source| git_error("looking for the team's post-mortem template", source);
            let tree = self.repo.find_commit(tip).and_then(|commit| commit.tree()).map_err(failed)?;
            let everywhere = PostmortemPaths::new(&["**/*".to_string()])?;
            Ok(self.files_in(&tree, &everywhere, |path| path.ends_with(".md") || path.ends_with(".markdown"))?.0)
        })();
        let files = match listed {
            Ok(files) => files,
            Err(error) => {
                tracing::warn!(%error, "listing the repository's files for its own template");
                return None;
            }
        };
        post_mortem_template_among(files.iter().map(pending_path)).map(str::to_string)
    }

    /// Files in the folders Debrief reads post-mortems from that are written in a format it does
    /// not read (reStructuredText, AsciiDoc, HTML, Word...), by format, most first: why a folder
    /// of post-mortems shows none. Names only are read, never the files. Only a hint: when the
    /// folders cannot be listed, there is none.
    pub fn unread_formats(&self) -> Vec<UnreadFormat> {
        let listed = self.best_main_tip().map(|tip| -> Result<Vec<PendingChange>> {
            let failed = |source| git_error("looking for post-mortems Debrief cannot read", source);
            let tree = self.repo.find_commit(tip).and_then(|commit| commit.tree()).map_err(failed)?;
            let paths = self.postmortem_paths()?;
            let unread = |path: &str| !is_top_level(path) && other_format(path).is_some() && paths.globs.is_match(path);
            Ok(self.files_in(&tree, &paths, unread)?.0)
        });
        let files = match listed {
            Some(Ok(files)) => files,
            Some(Err(error)) => {
                tracing::warn!(%error, "listing the files Debrief cannot read for a hint");
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let mut formats: Vec<UnreadFormat> = Vec::new();
        for path in files.iter().map(pending_path) {
            let Some(format) = other_format(path) else { continue };
            match formats.iter_mut().find(|known| known.format == format) {
                Some(known) => known.count += 1,
                None => formats.push(UnreadFormat { format: format.to_string(), count: 1, example: path.to_string() }),
            }
        }
        formats.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.format.cmp(&b.format)));
        formats
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
        let paths = self.postmortem_paths()?;
        match old_tree {
            Some(old_tree) => {
                let (files, warnings) = self.differences(&old_tree, &tip_tree, &paths)?;
                Ok(IncidentFiles { files, complete: false, warnings })
            }
            None => {
                let (files, warnings) = self.postmortems_in(&tip_tree, &paths)?;
                Ok(IncidentFiles { files, complete: true, warnings })
            }
        }
    }

    /// The post-mortems that differ between two trees. Folders whose contents did not change (the
    /// same tree id on both sides) are never opened, so a deep or large part of the repository
    /// that nobody touched costs nothing.
    fn differences(
        &self,
        old: &Tree<'_>,
        new: &Tree<'_>,
        paths: &PostmortemPaths,
    ) -> Result<(Vec<PendingChange>, Vec<String>)> {
        let failed = |source| git_error("comparing versions of the repository", source);
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        let mut folders = vec![(String::new(), Some(old.id()), Some(new.id()), 0usize)];
        while let Some((prefix, old_id, new_id, depth)) = folders.pop() {
            let old_entries = old_id.map(|id| self.folder_entries(id)).transpose().map_err(failed)?.unwrap_or_default();
            let new_entries = new_id.map(|id| self.folder_entries(id)).transpose().map_err(failed)?.unwrap_or_default();
            let mut names: Vec<&String> = old_entries.keys().chain(new_entries.keys()).collect();
            names.sort();
            names.dedup();
            for name in names {
                let path = format!("{prefix}{name}");
                let (before, after) = (old_entries.get(name), new_entries.get(name));
                // An index page unchanged itself stops or starts being its folder's listing when
                // the files beside it come or go.
                let (listed_before, listed_now) =
                    (lists_its_folder(name, &old_entries), lists_its_folder(name, &new_entries));
                if before == after && listed_before == listed_now {
                    continue;
                }
                let folder =
                    |entry: Option<&FolderEntry>| entry.filter(|entry| entry.kind == ObjectType::Tree).map(|e| e.id);
                let (old_folder, new_folder) = (folder(before), folder(after));
                if (old_folder.is_some() || new_folder.is_some()) && paths.may_contain(&path) {
                    if depth + 1 > MAX_DEPTH {
                        warnings.push(format!("{path}/: more than {MAX_DEPTH} folders deep, not looked into"));
                    } else {
                        folders.push((format!("{path}/"), old_folder, new_folder, depth + 1));
                    }
                }
                if !paths.is_postmortem(&path) {
                    continue;
                }
                let file = |entry: Option<&FolderEntry>| entry.filter(|entry| entry.kind != ObjectType::Tree).copied();
                let (was, is) = (file(before).filter(|_| !listed_before), file(after).filter(|_| !listed_now));
                match (was, is) {
                    (_, Some(after)) => files.push(pending_file(path, after)),
                    (Some(_), None) => files.push(PendingChange::Removed { path }),
                    (None, None) => {}
                }
            }
        }
        Ok((files, warnings))
    }

    /// Every post-mortem under `tree`, walking only folders that can hold one, with a stack of
    /// folders to visit rather than recursion.
    pub(super) fn postmortems_in(
        &self,
        tree: &Tree<'_>,
        paths: &PostmortemPaths,
    ) -> Result<(Vec<PendingChange>, Vec<String>)> {
        self.files_in(tree, paths, |path| paths.is_postmortem(path))
    }

    /// The files `keep` accepts in the folders `paths` lead to, and the folders not looked into.
    fn files_in(
        &self,
        tree: &Tree<'_>,
        paths: &PostmortemPaths,
        keep: impl Fn(&str) -> bool,
    ) -> Result<(Vec<PendingChange>, Vec<String>)> {
        let failed = |source| git_error("listing the repository's post-mortems", source);
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        let mut folders = vec![(String::new(), tree.id(), 0usize)];
        while let Some((prefix, id, depth)) = folders.pop() {
            let entries = self.folder_entries(id).map_err(failed)?;
            for (name, entry) in &entries {
                let (name, entry) = (name.as_str(), *entry);
                let path = format!("{prefix}{name}");
                if lists_its_folder(name, &entries) {
                    continue;
                }
                match entry.kind {
                    ObjectType::Tree if paths.may_contain(&path) => {
                        if depth + 1 > MAX_DEPTH {
                            warnings.push(format!("{path}/: more than {MAX_DEPTH} folders deep, not looked into"));
                        } else {
                            folders.push((format!("{path}/"), entry.id, depth + 1));
                        }
                    }
                    ObjectType::Tree => {}
                    _ if keep(&path) => files.push(pending_file(path, entry)),
                    _ => {}
                }
            }
        }
        files.sort_by(|a, b| pending_path(a).cmp(pending_path(b)));
        Ok((files, warnings))
    }

    /// The entries of one folder by name; names that are not UTF-8 are left out (no post-mortem has one).
    fn folder_entries(&self, id: Oid) -> std::result::Result<HashMap<String, FolderEntry>, git2::Error> {
        let tree = self.repo.find_tree(id)?;
        Ok(tree
            .iter()
            .filter_map(|entry| {
                let name = entry.name().ok()?.to_string();
                let kind = entry.kind().unwrap_or(ObjectType::Any);
                let symbolic_link = entry.filemode() == i32::from(git2::FileMode::Link);
                Some((name, FolderEntry { id: entry.id(), kind, symbolic_link }))
            })
            .collect())
    }

    /// Reads `files` on worker threads (one per core, each with its own handle on the copy) and
    /// turns each into a `T` there with `prepare`, which gets its worker's own `S` made by `state`;
    /// the results reach `each` on this thread in the order of `files`, while the workers read on.
    /// Parsing costs more than writing the index: this way both cores work.
    pub fn read_all<S, T: Send>(
        &self,
        files: Vec<PendingChange>,
        state: impl Fn() -> S + Sync,
        prepare: impl Fn(&mut S, FileChange) -> T + Sync,
        mut each: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let mut chunks: VecDeque<(usize, Vec<PendingChange>)> = VecDeque::new();
        let mut files = files.into_iter().peekable();
        while files.peek().is_some() {
            chunks.push_back((chunks.len(), files.by_ref().take(READ_CHUNK).collect()));
        }
        let total = chunks.len();
        let workers = std::thread::available_parallelism().map(usize::from).unwrap_or(1).clamp(1, total.max(1));
        let chunks = Mutex::new(chunks);
        let path = self.repo.path().to_path_buf();
        std::thread::scope(|scope| {
            let (sender, results) = mpsc::sync_channel::<(usize, Result<Vec<T>>)>(workers * 2);
            for _ in 0..workers {
                let (sender, chunks, path, state, prepare) = (sender.clone(), &chunks, &path, &state, &prepare);
                scope.spawn(move || {
                    let repo = match Repository::open_bare(path) {
                        Ok(repo) => repo,
                        Err(source) => {
                            let _ = sender.send((0, Err(git_error("reading the repository's post-mortems", source))));
                            return;
                        }
                    };
                    let mut own = state();
                    loop {
                        let next = chunks.lock().ok().and_then(|mut chunks| chunks.pop_front());
                        let Some((number, chunk)) = next else { return };
                        let prepared = chunk.into_iter().map(|pending| prepare(&mut own, read_file(&repo, pending)));
                        // Sending fails only once the receiving side gave up: stop too.
                        if sender.send((number, Ok(prepared.collect()))).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(sender);
            let mut waiting: BTreeMap<usize, Vec<T>> = BTreeMap::new();
            for next in 0..total {
                while !waiting.contains_key(&next) {
                    let (number, prepared) = results.recv().map_err(|_| Error::Git {
                        action: "reading the repository's post-mortems",
                        detail: "a reader stopped unexpectedly".into(),
                    })?;
                    waiting.insert(number, prepared?);
                }
                for item in waiting.remove(&next).unwrap_or_default() {
                    each(item)?;
                }
            }
            Ok(())
        })
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

/// One entry of a folder in the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderEntry {
    id: Oid,
    kind: ObjectType,
    symbolic_link: bool,
}

/// A folder's own page: what a site (`index.md`) or the git host (`README.md`) shows for the
/// folder. Kept in a folder of its own with its images (a Hugo page bundle, a team's
/// `incidents/2024/12/db-failover/README.md`), it is a post-mortem named after the folder.
fn is_folder_page(stem: &str) -> bool {
    stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("readme")
}

/// Folders that hold a post-mortem's pictures and files, not more pages.
const ASSET_FOLDERS: &[&str] =
    &["images", "img", "assets", "media", "static", "attachments", "files", "screenshots", "diagrams", "figures"];

/// Whether `name` is a folder's page that lists or introduces what the folder holds (`index.md`
/// beside other post-mortems or year folders, as MkDocs and Middleman sites have; a README beside
/// them) rather than a post-mortem kept in a folder of its own with its images. Beside an index
/// page, a README is the one that introduces.
fn lists_its_folder(name: &str, entries: &HashMap<String, FolderEntry>) -> bool {
    let stem = |name: &str| crate::markdown::markdown_stem(name).map(str::to_ascii_lowercase);
    let Some(own) = stem(name).filter(|own| is_folder_page(own)) else { return false };
    entries.iter().any(|(other, entry)| {
        if other == name {
            return false;
        }
        if entry.kind == ObjectType::Tree {
            return !ASSET_FOLDERS.contains(&other.to_ascii_lowercase().as_str());
        }
        stem(other).is_some_and(|other| own == "readme" || !is_folder_page(&other))
    })
}

fn pending_file(path: String, entry: FolderEntry) -> PendingChange {
    match entry.kind {
        ObjectType::Commit => PendingChange::Skipped { path, reason: "a submodule (never followed)".into() },
        _ => PendingChange::File { path, id: entry.id, symbolic_link: entry.symbolic_link },
    }
}

fn pending_path(change: &PendingChange) -> &str {
    match change {
        PendingChange::File { path, .. } | PendingChange::Removed { path } | PendingChange::Skipped { path, .. } => {
            path
        }
    }
}

/// Reads one pending change: the file's bytes, unless it is a link or too large to be a post-mortem.
fn read_file(repo: &Repository, pending: PendingChange) -> FileChange {
    let (path, id, symbolic_link) = match pending {
        PendingChange::Removed { path } => return FileChange::Removed { path },
        PendingChange::Skipped { path, reason } => return FileChange::Skipped { path, reason },
        PendingChange::File { path, id, symbolic_link } => (path, id, symbolic_link),
    };
    if symbolic_link {
        return FileChange::Skipped { path, reason: "a symbolic link (never followed)".into() };
    }
    let header = repo.odb().and_then(|odb| odb.read_header(id));
    match header {
        Ok((size, ObjectType::Blob)) if size > MAX_READ_BYTES => FileChange::Skipped {
            path,
            reason: format!(
                "{} MiB, larger than any post-mortem ({} MiB at most are read)",
                size / (1024 * 1024),
                MAX_READ_BYTES / (1024 * 1024)
            ),
        },
        Ok((_, ObjectType::Blob)) => match repo.find_blob(id) {
            Ok(blob) => {
                let content = blob.content();
                let kept = &content[..content.len().min(crate::postmortem::indexed::MAX_INDEXED_BYTES)];
                FileChange::Changed { path, bytes: kept.to_vec(), size: content.len() }
            }
            Err(_) => FileChange::Skipped { path, reason: "not a file".into() },
        },
        _ => FileChange::Skipped { path, reason: "not a file".into() },
    }
}

/// Files of one document format Debrief does not read, found where post-mortems are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnreadFormat {
    /// `reStructuredText`, `AsciiDoc`, `HTML`, `Word`...
    pub format: String,
    pub count: usize,
    /// One of them, to name in a message.
    pub example: String,
}

/// The format of a document teams write post-mortems in that is not Markdown, by its extension.
fn other_format(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "rst" => "reStructuredText",
        "adoc" | "asciidoc" => "AsciiDoc",
        "org" => "Org",
        "html" | "htm" => "HTML",
        "textile" => "Textile",
        "mediawiki" | "wiki" => "MediaWiki",
        "txt" => "plain text",
        "docx" | "doc" => "Word",
        "odt" => "OpenDocument",
        "rtf" => "RTF",
        "pdf" => "PDF",
        _ => return None,
    })
}

/// A folder of the shared repository with post-mortems in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Location {
    /// `incidents/`, `docs/postmortems/`: without the year folders under it.
    pub folder: String,
    pub count: usize,
}

/// `incidents/2026/x.md` → `incidents/`; `docs/postmortems/2024/q1/x.md` → `docs/postmortems/`: the
/// folder a post-mortem lives in, without the year (or other numbered) folders under it.
fn location_of(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let folders = &parts[..parts.len().saturating_sub(1)];
    let kept = folders.iter().position(|part| part.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(folders.len());
    folders[..kept].iter().map(|part| format!("{part}/")).collect()
}

/// How many of `paths` are in each folder, most first.
pub fn locations<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<Location> {
    let mut counts = BTreeMap::new();
    for path in paths {
        *counts.entry(location_of(path)).or_insert(0usize) += 1;
    }
    let mut found: Vec<Location> = counts.into_iter().map(|(folder, count)| Location { folder, count }).collect();
    found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.folder.cmp(&b.folder)));
    found
}

/// The date each path first appeared on, for post-mortems that carry no date of their own.
pub type AddedDates = HashMap<String, NaiveDate>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_on_worker_threads_arrive_in_order_and_whole() {
        let dir = tempfile::TempDir::new().unwrap();
        let repo = SharedRepo::open(dir.path(), &crate::config::SharedRepository::default()).unwrap();
        let contents: Vec<(String, String)> = (0..150)
            .map(|number| (format!("incidents/2026/2026-01-01-{number:03}.md"), format!("# Outage {number}\n")))
            .collect();
        let files: Vec<(&str, &[u8])> = contents.iter().map(|(path, text)| (path.as_str(), text.as_bytes())).collect();
        let tree = super::super::history::tree_with_files(&repo.repo, None, &files).unwrap();
        let tree = repo.repo.find_tree(tree).unwrap();
        let paths = PostmortemPaths::new(&["incidents/**".to_string()]).unwrap();
        let (mut pending, _) = repo.postmortems_in(&tree, &paths).unwrap();
        pending.push(PendingChange::Removed { path: "incidents/gone.md".into() });
        let mut read = Vec::new();
        repo.read_all(
            pending,
            || (),
            |_, change| match change {
                FileChange::Changed { path, bytes, .. } => (path, String::from_utf8(bytes).unwrap()),
                FileChange::Removed { path } => (path, "removed".into()),
                FileChange::Skipped { path, reason } => (path, reason),
            },
            |file| {
                read.push(file);
                Ok(())
            },
        )
        .unwrap();
        let mut expected = contents.clone();
        expected.push(("incidents/gone.md".into(), "removed".into()));
        assert_eq!(read, expected);
        // The caller stopping part way is an answer, not a hang.
        let (pending, _) = repo.postmortems_in(&tree, &paths).unwrap();
        let stopped = repo.read_all(pending, || (), |_, _| (), |_| Err(Error::invalid("test", "stop here")));
        assert!(stopped.is_err());
    }

    #[test]
    fn the_default_folders_find_the_common_layouts_and_nothing_else() {
        let paths = PostmortemPaths::new(&crate::config::SharedRepository::default().postmortem_paths).unwrap();
        for found in [
            "incidents/2026/2026-11-23-checkout.md",
            "postmortems/2024-01-02-db.md",
            "post-mortems/db.markdown",
            "docs/postmortems/2023/outage.md",
            "docs/sre/incidents/2022-05-05.md",
            "content/postmortems/2024-05-06-cdn.md",
            "_posts/2021-03-04-api-outage.md",
            "blog/_posts/2021-03-05-db-outage.markdown",
            "docs/outages/2023-01-01-db.md",
            "sre/RCA/2022-05-05-dns.md",
            "post-incident-reviews/2024-01-01-queue.md",
            "reliability/incident-reviews/2024-02-02-auth.md",
            // Middleman's pages, in a monorepo's documentation site.
            "runbooks/source/incidents/2020-02-12.html.md.erb",
            "website/blog/post-mortems/2023-04-01-queue.mdx",
            "Postmortems/2019/Redis.md",
            "compliance/incident-reports/2022-q3-certificate.md",
            "incidents/2024-01-02-template-rendering-outage.md",
            // A folder of its own per incident, as a team's template makes them (whether it holds
            // nothing else is the walk's to see).
            "incidents/2024/12/database-failover-loop/README.md",
            "postmortems/2024-05-06-cdn/index.md",
            // In the top folder, a candidate the index reads before counting it.
            "PM2020-001 - Inotify file watches exhaustion.md",
        ] {
            assert!(paths.is_postmortem(found), "{found}");
        }
        for not_found in [
            "README.md",
            "LICENSE.md",
            "CODE-OF-CONDUCT.md",
            "incidents/README.md",
            "source/incidents/readme.html.md.erb",
            // A collection's own pages: the folders the patterns name, years and months.
            "Incidents/index.md",
            "postmortems/2024/README.md",
            "incidents/2024/12/index.md",
            "content/postmortems/_index.md",
            "docs/guide.md",
            "incidents/2026/notes.txt",
            "source/incidents/layout.erb",
            "src/incidents.md",
            "content/posts/hello.md",
            "architecture-decision-record/001-use-elasticsearch.md",
            // Templates kept beside the post-mortems.
            "incidents/template.md",
            "postmortems/PMyyyy-nnn - Postmortem template.md",
            "docs/postmortems/postmortem_template.md",
            "PULL_REQUEST_TEMPLATE.md",
        ] {
            assert!(!paths.is_postmortem(not_found), "{not_found}");
        }
        assert!(paths.may_contain("docs") && paths.may_contain("runbooks/source") && paths.may_contain("Incidents"));
    }

    #[test]
    fn a_folder_s_own_page_is_a_post_mortem_only_when_the_folder_holds_nothing_else_to_read() {
        let dir = tempfile::TempDir::new().unwrap();
        let repo = SharedRepo::open(dir.path(), &crate::config::SharedRepository::default()).unwrap();
        let tree_of = |files: &[(&str, &[u8])]| {
            let tree = super::super::history::tree_with_files(&repo.repo, None, files).unwrap();
            repo.repo.find_tree(tree).unwrap()
        };
        let first = tree_of(&[
            ("source/incidents/index.html.md.erb", b"# Incident log\n"),
            ("source/incidents/2020-02-12.html.md.erb", b"# Incident on 2020-02-12\n"),
            ("docs/postmortems/index.md", b"# Post-mortems\n"),
            ("docs/postmortems/2024/db.md", b"# DB\n"),
            ("content/postmortems/2024-05-06-cdn/index.md", b"# CDN purge\n"),
            ("content/postmortems/2024-05-06-cdn/graph.png", b"PNG"),
            // One folder per incident, with its README: the git host shows it as the folder's page.
            ("incidents/2024/12/db-failover/README.md", b"# DB failover\n"),
            ("incidents/2024/12/db-failover/images/graph.png", b"PNG"),
            ("incidents/2024/12/dns/README.md", b"# DNS\n"),
            ("incidents/2024/12/dns/index.md", b"# DNS, as the site shows it\n"),
            ("incidents/2024/12/queue/README.md", b"# Queue: the two days\n"),
            ("incidents/2024/12/queue/day-1.md", b"# Day 1\n"),
            ("incidents/README.md", b"# How we write post-mortems\n"),
        ]);
        let paths = PostmortemPaths::new(&crate::config::SharedRepository::default().postmortem_paths).unwrap();
        let (found, _) = repo.postmortems_in(&first, &paths).unwrap();
        let found: Vec<&str> = found.iter().map(pending_path).collect();
        assert_eq!(
            found,
            [
                "content/postmortems/2024-05-06-cdn/index.md",
                "docs/postmortems/2024/db.md",
                "incidents/2024/12/db-failover/README.md",
                "incidents/2024/12/dns/index.md",
                "incidents/2024/12/queue/day-1.md",
                "source/incidents/2020-02-12.html.md.erb"
            ]
        );
        // A change to a listing page is no post-mortem changing either.
        let second = tree_of(&[
            ("source/incidents/index.html.md.erb", b"# Incident log, updated\n"),
            ("source/incidents/2020-02-12.html.md.erb", b"# Incident on 2020-02-12\n"),
            ("postmortems/2024-07-01-queue/index.md", b"# Queue\n"),
            ("postmortems/2024-07-01-queue/part-2.md", b"# Queue, part 2\n"),
        ]);
        let changes = |from: &Tree<'_>, to: &Tree<'_>| -> Vec<String> {
            let (changed, _) = repo.differences(from, to, &paths).unwrap();
            let mut changed: Vec<String> = changed
                .iter()
                .map(|change| match change {
                    PendingChange::Removed { path } => format!("removed {path}"),
                    other => pending_path(other).to_string(),
                })
                .collect();
            changed.sort();
            changed
        };
        assert_eq!(
            changes(&first, &second),
            [
                "postmortems/2024-07-01-queue/part-2.md",
                "removed content/postmortems/2024-05-06-cdn/index.md",
                "removed docs/postmortems/2024/db.md",
                "removed incidents/2024/12/db-failover/README.md",
                "removed incidents/2024/12/dns/index.md",
                "removed incidents/2024/12/queue/day-1.md"
            ]
        );
        // The page itself unchanged: a listing left alone in its folder becomes a post-mortem, and
        // a bundle given a second page becomes a listing. A collection's page (the incidents
        // folder's) stays its listing, alone or not.
        let third = tree_of(&[
            ("source/incidents/index.html.md.erb", b"# Incident log, updated\n"),
            ("postmortems/2024-07-01-queue/index.md", b"# Queue\n"),
            ("content/postmortems/2024-05-06-cdn/index.md", b"# CDN purge\n"),
            ("content/postmortems/2024-05-06-cdn/timeline.md", b"# Timeline\n"),
        ]);
        assert_eq!(
            changes(&second, &third),
            [
                "content/postmortems/2024-05-06-cdn/timeline.md",
                "postmortems/2024-07-01-queue/index.md",
                "removed postmortems/2024-07-01-queue/part-2.md",
                "removed source/incidents/2020-02-12.html.md.erb"
            ]
        );
        let fourth = tree_of(&[
            ("source/incidents/index.html.md.erb", b"# Incident log, updated\n"),
            ("postmortems/2024-07-01-queue/index.md", b"# Queue\n"),
            ("content/postmortems/2024-05-06-cdn/index.md", b"# CDN purge\n"),
        ]);
        assert_eq!(
            changes(&third, &fourth),
            ["content/postmortems/2024-05-06-cdn/index.md", "removed content/postmortems/2024-05-06-cdn/timeline.md"]
        );
    }

    #[test]
    fn a_fixed_folder_is_the_only_one_walked() {
        let paths = PostmortemPaths::new(&["ops/retros/**".to_string(), "*.md".to_string()]).unwrap();
        assert!(paths.may_contain("ops") && paths.may_contain("Ops/Retros/2024"));
        assert!(
            !paths.may_contain("src") && !paths.may_contain("node_modules"),
            "the top folder's `*.md` walks nothing"
        );
    }

    #[test]
    fn a_team_names_its_own_folder() {
        let paths = PostmortemPaths::new(&["ops/retros/*.md".to_string()]).unwrap();
        assert!(paths.is_postmortem("ops/retros/2024-01-01.md"));
        assert!(!paths.is_postmortem("ops/retros/old/2020.md") && !paths.is_postmortem("incidents/x.md"));
        assert!(PostmortemPaths::new(&["incidents/[".to_string()]).is_err());
    }

    #[test]
    fn locations_drop_the_numbered_folders() {
        assert_eq!(location_of("incidents/2026/2026-11-23-x.md"), "incidents/");
        assert_eq!(location_of("docs/postmortems/2024/q1/x.md"), "docs/postmortems/");
        let found = locations(["incidents/2026/a.md", "incidents/2025/b.md", "docs/postmortems/c.md"]);
        assert_eq!(
            found,
            [
                Location { folder: "incidents/".into(), count: 2 },
                Location { folder: "docs/postmortems/".into(), count: 1 }
            ]
        );
    }
}
