//! What else was happening: the commits that landed in a local repository (deploys,
//! configuration changes, feature flags) during the incident, as `change` entries with
//! their hash, subject and author. Responders rarely write these down, and they are often
//! the contributing factor.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Offset};
use git2::{Repository, Sort};

use super::{
    ImportReport, ImportedLine, TimelineWriter, WarningKind, Window, short_name, timeline_name, timeline_text,
};
use crate::model::EntryKind;
use crate::store::Store;
use crate::{Error, Result};

/// Hex digits of a commit's hash shown in its entry; the full hash is its key.
const SHORT_HASH: usize = 10;

#[derive(Debug, Clone, Default)]
pub struct GitOptions {
    /// A branch, tag or commit; the repository's HEAD if not given.
    pub branch: Option<String>,
    /// The window's start; [`Window::for_incident`]'s default if not given.
    pub from: Option<DateTime<FixedOffset>>,
    pub to: Option<DateTime<FixedOffset>>,
    pub dry_run: bool,
}

/// Imports the commits reachable from the branch whose commit time falls in the window.
pub fn import_git(store: &mut Store, incident: &str, path: &Path, options: &GitOptions) -> Result<ImportReport> {
    let repo = Repository::discover(path)
        .map_err(|error| Error::import(path.display(), format!("it is not a git repository ({})", error.message())))?;
    let name = short_name(repo.workdir().unwrap_or_else(|| repo.path()));
    let mut writer =
        TimelineWriter::new(store, incident, format!("git:{name}"), path.display().to_string(), options.dry_run)?;
    let window = Window::for_incident(&writer.incident()?, options.from, options.to)?;
    let (tip, branch) = match &options.branch {
        Some(branch) => {
            let tip = repo.revparse_single(branch).and_then(|object| object.peel_to_commit()).map_err(|_| {
                writer.fail(format!(
                    "it has no branch, tag or commit `{branch}`; `git -C {} branch -a` lists the branches",
                    path.display()
                ))
            })?;
            (tip, branch.clone())
        }
        None => {
            let head = repo.head().map_err(|error| {
                writer.fail(format!("its HEAD cannot be read ({}); name a branch with --branch", error.message()))
            })?;
            let branch = head.shorthand().unwrap_or("HEAD").to_string();
            let tip = head.peel_to_commit().map_err(|error| writer.fail(error.message().to_string()))?;
            (tip, branch)
        }
    };
    let failed = |writer: &TimelineWriter, error: git2::Error| writer.fail(error.message().to_string());
    let mut walk = repo.revwalk().map_err(|error| failed(&writer, error))?;
    walk.set_sorting(Sort::TIME).map_err(|error| failed(&writer, error))?;
    walk.push(tip.id()).map_err(|error| failed(&writer, error))?;
    let mut changes = Vec::new();
    // A commit made on a machine whose clock was years off lands in an open window: say so, leave it out.
    let implausible_after = writer.incident()?.started_at + chrono::Duration::days(366);
    let mut implausible = Vec::new();
    for oid in walk {
        let oid = oid.map_err(|error| failed(&writer, error))?;
        let commit = repo.find_commit(oid).map_err(|error| failed(&writer, error))?;
        let at = commit_time(commit.committer().when());
        if window.is_after(&at) {
            writer.skip("commits after the window");
            continue;
        }
        if at > implausible_after {
            implausible.push(at);
            continue;
        }
        // Newest first: the rest of the history is older than the window.
        if at < window.from {
            break;
        }
        let subject = String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned();
        let author = timeline_name(&String::from_utf8_lossy(commit.author().name_bytes()));
        let hash = oid.to_string();
        let short = hash.get(..SHORT_HASH).unwrap_or(&hash);
        let merge = if commit.parent_count() > 1 { "merge " } else { "" };
        let by = author.map(|author| format!(" ({author})")).unwrap_or_default();
        let (text, _) = timeline_text(&format!("{merge}{short} {subject}{by}"));
        changes.push(ImportedLine { at, who: None, kind: EntryKind::Change, text, key: format!("git:{hash}") });
    }
    // Oldest first, as they happened.
    for change in changes.into_iter().rev() {
        writer.push(change)?;
    }
    for at in implausible {
        writer.warn(WarningKind::ImplausibleTime, crate::time::display(&at));
    }
    writer.note(format!(
        "commits on {branch} {}, each at its commit time (when it landed), with its author",
        window.describe()
    ));
    writer.finish()
}

/// A commit's time with the UTC offset it was made with.
fn commit_time(time: git2::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(time.offset_minutes() * 60).unwrap_or_else(|| chrono::Utc.fix());
    DateTime::from_timestamp(time.seconds(), 0).unwrap_or_default().with_timezone(&offset)
}
