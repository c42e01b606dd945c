//! Building commits in the managed repository without a working tree, and
//! replaying unpushed commits onto what the remote has now with a three-way
//! merge: what we changed since our last publish goes on top of what others
//! changed, line by line, and anything that cannot merge cleanly is set aside
//! rather than overwritten.

use git2::{Commit, Oid, Repository, Signature, Sort, Tree};

use super::remote::git_error;
use super::signing::Signer;
use crate::{Error, Result};

/// Where in a commit message the incident a publish belongs to is named.
pub const INCIDENT_TRAILER: &str = "Debrief-Incident: ";
/// Where in a commit message the copy of Debrief that wrote it is named.
pub const WRITER_TRAILER: &str = "Debrief-Writer: ";

/// The tree of `base` (or an empty tree) with `files` written at their paths.
pub fn tree_with_files(repo: &Repository, base: Option<&Tree<'_>>, files: &[(&str, &[u8])]) -> Result<Oid> {
    let mut tree = base.map(Tree::id);
    for (path, content) in files {
        let blob = repo.blob(content).map_err(|source| git_error("writing the post-mortem", source))?;
        let parts: Vec<&str> = path.split('/').collect();
        let current =
            tree.map(|id| repo.find_tree(id)).transpose().map_err(|source| git_error("reading a tree", source))?;
        tree = Some(insert(repo, current.as_ref(), &parts, blob)?);
    }
    match tree {
        Some(tree) => Ok(tree),
        None => repo
            .treebuilder(None)
            .and_then(|builder| builder.write())
            .map_err(|source| git_error("writing a tree", source)),
    }
}

/// `tree` with the file at `from` moved to `to`; as it is where `from` holds no file.
pub fn tree_with_file_moved(repo: &Repository, tree: &Tree<'_>, from: &str, to: &str) -> Result<Oid> {
    let failed = |source| git_error("moving the post-mortem", source);
    let mut index = git2::Index::new().map_err(failed)?;
    index.read_tree(tree).map_err(failed)?;
    if let Some(mut entry) = index.get_path(std::path::Path::new(from), 0) {
        index.remove_path(std::path::Path::new(from)).map_err(failed)?;
        entry.path = to.as_bytes().to_vec();
        index.add(&entry).map_err(failed)?;
    }
    index.write_tree_to(repo).map_err(failed)
}

fn insert(repo: &Repository, tree: Option<&Tree<'_>>, path: &[&str], blob: Oid) -> Result<Oid> {
    let failed = |source| git_error("writing a tree", source);
    let mut builder = repo.treebuilder(tree).map_err(failed)?;
    match path {
        [name] => {
            builder.insert(name, blob, 0o100_644).map_err(failed)?;
        }
        [directory, rest @ ..] => {
            let existing = tree
                .and_then(|tree| tree.get_name(directory))
                .filter(|entry| entry.kind() == Some(git2::ObjectType::Tree))
                .map(|entry| repo.find_tree(entry.id()))
                .transpose()
                .map_err(failed)?;
            let subtree = insert(repo, existing.as_ref(), rest, blob)?;
            builder.insert(directory, subtree, 0o040_000).map_err(failed)?;
        }
        [] => {}
    }
    builder.write().map_err(failed)
}

/// The content of the file at `path` in `tree`, if there is one.
pub fn file_at(repo: &Repository, tree: &Tree<'_>, path: &str) -> Option<Vec<u8>> {
    let entry = tree.get_path(std::path::Path::new(path)).ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    Some(blob.content().to_vec())
}

/// A commit of `tree`, signed when the person's git signs its commits.
pub fn commit(
    repo: &Repository,
    parent: Option<&Commit<'_>>,
    tree: Oid,
    author: &Signature<'_>,
    committer: &Signature<'_>,
    message: &str,
) -> Result<Oid> {
    let failed = |source| git_error("committing the post-mortem", source);
    let tree = repo.find_tree(tree).map_err(failed)?;
    let parents: Vec<&Commit<'_>> = parent.into_iter().collect();
    let Some(signer) = Signer::of(repo)? else {
        return repo.commit(None, author, committer, message, &tree, &parents).map_err(failed);
    };
    let buffer = repo.commit_create_buffer(author, committer, message, &tree, &parents).map_err(failed)?;
    let buffer = std::str::from_utf8(&buffer)
        .map_err(|_| Error::Git { action: "committing the post-mortem", detail: "the commit is not UTF-8".into() })?;
    let signature = signer.sign(buffer, committer)?;
    repo.commit_signed(buffer, &signature, None).map_err(failed)
}

/// Commits reachable from `tip` but not from `known`, oldest first.
pub fn commits_since(repo: &Repository, tip: Oid, known: Option<Oid>) -> Result<Vec<Oid>> {
    let failed = |source| git_error("walking the history", source);
    let mut walk = repo.revwalk().map_err(failed)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE).map_err(failed)?;
    walk.push(tip).map_err(failed)?;
    if let Some(known) = known {
        walk.hide(known).map_err(failed)?;
    }
    walk.collect::<std::result::Result<Vec<_>, _>>().map_err(failed)
}

/// The result of replaying commits onto a new base.
pub struct Replayed {
    /// The new tip; `None` only if there was nothing at all.
    pub tip: Option<Oid>,
    /// Each replayed commit's new id, by its old id (absent when it was already there).
    pub moved: Vec<(Oid, Oid)>,
    /// Commits whose changes conflict with the new base, left out.
    pub conflicts: Vec<Oid>,
}

/// Files written from the rest of the tree (the listings of post-mortems): never merged line by
/// line, only written anew after each replayed commit.
pub trait DerivedFiles {
    fn is_derived(&self, path: &str) -> bool;
    /// `tree` with the derived files rewritten to match it.
    fn refresh(&self, tree: Oid) -> Result<Oid>;
}

/// Applies each commit's changes (against its first parent) on top of `onto`, in order.
pub fn replay(
    repo: &Repository,
    onto: Option<Oid>,
    commits: &[Oid],
    committer: &Signature<'_>,
    derived: &dyn DerivedFiles,
) -> Result<Replayed> {
    let failed = |source| git_error("replaying unpublished changes", source);
    let empty_tree = repo.find_tree(tree_with_files(repo, None, &[])?).map_err(failed)?;
    let mut tip = onto;
    let mut moved = Vec::new();
    let mut conflicts = Vec::new();
    for &old in commits {
        let commit = repo.find_commit(old).map_err(failed)?;
        let Some(base) = tip else {
            // Nothing to replay onto: the commit stays as it is.
            tip = Some(old);
            moved.push((old, old));
            continue;
        };
        let base_commit = repo.find_commit(base).map_err(failed)?;
        if commit.parent_id(0).ok() == Some(base) {
            // Already on top of the base: it applies as it is.
            tip = Some(old);
            moved.push((old, old));
            continue;
        }
        let ancestor = match commit.parent(0) {
            Ok(parent) => parent.tree().map_err(failed)?,
            Err(_) => empty_tree.clone(),
        };
        let ours = base_commit.tree().map_err(failed)?;
        let theirs = commit.tree().map_err(failed)?;
        let mut merged = repo.merge_trees(&ancestor, &ours, &theirs, None).map_err(failed)?;
        if merged.has_conflicts() {
            let mut conflicting = conflicting_paths(&merged).map_err(failed)?;
            conflicting.retain(|path| !merge_line_endings_apart(repo, &mut merged, path).unwrap_or(false));
            if !conflicting.iter().all(|path| derived.is_derived(path)) {
                conflicts.push(old);
                continue;
            }
            // Both sides rewrote a listing: the base's stands (a team's own words on the page are
            // there as the repository holds them) and Debrief's part of it is written anew below.
            for path in conflicting {
                keep_ours(&mut merged, &path).map_err(failed)?;
            }
        }
        let tree = derived.refresh(merged.write_tree_to(repo).map_err(failed)?)?;
        if tree == ours.id() {
            // Its changes are already there (published from elsewhere, or identical).
            continue;
        }
        let message = String::from_utf8_lossy(commit.message_bytes());
        let new = self::commit(repo, Some(&base_commit), tree, &commit.author(), committer, &message)?;
        moved.push((old, new));
        tip = Some(new);
    }
    Ok(Replayed { tip, moved, conflicts })
}

/// Settles a conflict on `path` that is only one of line endings: a teammate saved the file with
/// CRLF (Windows, in a repository without Debrief's `.gitattributes`), so every line differs
/// from what was published and any change meets them all. The three versions are merged with
/// their line endings made alike, the way `git merge -X renormalize` merges files whose
/// attributes convert them, and the result takes the base's line endings, so the commit
/// changes only what changed. False, and the conflict left as it is, where they still conflict.
fn merge_line_endings_apart(
    repo: &Repository,
    merged: &mut git2::Index,
    path: &str,
) -> std::result::Result<bool, git2::Error> {
    let conflict = merged.conflict_get(std::path::Path::new(path))?;
    let (Some(ancestor), Some(ours), Some(theirs)) = (conflict.ancestor, conflict.our, conflict.their) else {
        return Ok(false);
    };
    let text = |entry: &git2::IndexEntry| repo.find_blob(entry.id).map(|blob| blob.content().to_vec());
    let (ancestor_text, ours_text, theirs_text) = (text(&ancestor)?, text(&ours)?, text(&theirs)?);
    if ![&ancestor_text, &ours_text, &theirs_text].iter().any(|text| has_crlf(text)) {
        return Ok(false);
    }
    let (ancestor_lf, ours_lf, theirs_lf) = (to_lf(&ancestor_text), to_lf(&ours_text), to_lf(&theirs_text));
    let result = git2::merge_file(
        &merge_input(&ancestor_lf, path),
        &merge_input(&ours_lf, path),
        &merge_input(&theirs_lf, path),
        None,
    )?;
    if !result.is_automergeable() {
        return Ok(false);
    }
    let content = match has_crlf(&ours_text) {
        true => to_crlf(result.content()),
        false => result.content().to_vec(),
    };
    let mut settled = ours;
    settled.id = repo.blob(&content)?;
    settled.file_size = u32::try_from(content.len()).unwrap_or(u32::MAX);
    merged.conflict_remove(std::path::Path::new(path))?;
    add_settled(merged, settled)?;
    Ok(true)
}

fn merge_input<'a>(text: &'a [u8], path: &str) -> git2::MergeFileInput<'a> {
    let mut input = git2::MergeFileInput::new();
    input.content(text).path(path);
    input
}

/// `text` (written with LF) in the line endings of `like`, the file it replaces: CRLF where
/// that file has them, so a publish over a teammate's CRLF file changes only the lines it
/// changes, not every line.
pub fn with_line_endings_of<'a>(text: &'a [u8], like: Option<&[u8]>) -> std::borrow::Cow<'a, [u8]> {
    match like.is_some_and(has_crlf) {
        true => std::borrow::Cow::Owned(to_crlf(&to_lf(text))),
        false => std::borrow::Cow::Borrowed(text),
    }
}

fn has_crlf(text: &[u8]) -> bool {
    text.windows(2).any(|pair| pair == b"\r\n")
}

fn to_lf(text: &[u8]) -> Vec<u8> {
    let mut lf = Vec::with_capacity(text.len());
    for (index, &byte) in text.iter().enumerate() {
        if !(byte == b'\r' && text.get(index + 1) == Some(&b'\n')) {
            lf.push(byte);
        }
    }
    lf
}

fn to_crlf(text: &[u8]) -> Vec<u8> {
    let mut crlf = Vec::with_capacity(text.len() + text.len() / 40);
    for &byte in text {
        if byte == b'\n' {
            crlf.push(b'\r');
        }
        crlf.push(byte);
    }
    crlf
}

/// Settles a conflict on `path` with the base's side (the merge's "ours"), or without the file
/// where the base has none.
fn keep_ours(merged: &mut git2::Index, path: &str) -> std::result::Result<(), git2::Error> {
    let path = std::path::Path::new(path);
    let ours = merged.conflict_get(path)?.our;
    merged.conflict_remove(path)?;
    match ours {
        Some(entry) => add_settled(merged, entry),
        None => merged.remove_path(path),
    }
}

/// Adds `entry` at stage 0 (libgit2's GIT_INDEX_ENTRY_STAGEMASK bits cleared): settled, no
/// longer one side of a conflict.
fn add_settled(merged: &mut git2::Index, mut entry: git2::IndexEntry) -> std::result::Result<(), git2::Error> {
    entry.flags &= !0x3000;
    merged.add(&entry)
}

/// The paths a merge left in conflict.
fn conflicting_paths(merged: &git2::Index) -> std::result::Result<Vec<String>, git2::Error> {
    let mut paths = Vec::new();
    for conflict in merged.conflicts()? {
        let conflict = conflict?;
        let entry = conflict.our.as_ref().or(conflict.their.as_ref()).or(conflict.ancestor.as_ref());
        if let Some(entry) = entry {
            paths.push(String::from_utf8_lossy(&entry.path).into_owned());
        }
    }
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// The incident a Debrief commit belongs to, from its trailer.
pub fn incident_of(commit: &Commit<'_>) -> Option<String> {
    commit.message().ok()?.lines().find_map(|line| line.strip_prefix(INCIDENT_TRAILER)).map(|id| id.trim().to_string())
}
