//! Live incidents through the shared repository: each responder's log is a chain of
//! commits of its own, `refs/debrief/live/<incident>/<responder>`, beside (never on) the
//! published branch. A commit carries one batch of events (`events.jsonl`) and names its
//! responder in its message; only that responder ever moves the ref, and only forward.
//! Fetched logs are kept under `refs/debrief/live-seen/`, this laptop's own under
//! `refs/debrief/live-mine/`.

use git2::Oid;

use super::history::{commit, tree_with_files};
use super::remote::{self, PushFailure, RemoteProblem, git_error};
use super::{People, SharedRepo};
use crate::store::{LiveEvent, Responder};
use crate::{Error, Result};

const REMOTE_PREFIX: &str = "refs/debrief/live/";
const SEEN_PREFIX: &str = "refs/debrief/live-seen/";
const MINE_PREFIX: &str = "refs/debrief/live-mine/";
const EVENTS_FILE: &str = "events.jsonl";
const RESPONDER_TRAILER: &str = "Debrief-Responder: ";
const NAME_TRAILER: &str = "Debrief-Responder-Name: ";
/// Pushes of this laptop's log before sharing gives up: enough to rebuild on a log the remote
/// holds from elsewhere and to wait out a lock held by another push of the same log, which on
/// a busy machine can take seconds (the waits grow from 50 ms to at most 1.6 s and add up to
/// about 4.8 s).
const PUSH_ATTEMPTS: u32 = 8;
/// The longest single wait for a lock on this laptop's log.
const LONGEST_LOCK_WAIT_MS: u64 = 1600;

/// New events of one responder's log.
pub struct ResponderLog {
    pub responder: Responder,
    /// The newest commit read: where reading starts next time.
    pub tip: String,
    /// When their newest batch was written, by their clock.
    pub heard_at: Option<String>,
    pub events: Vec<LiveEvent>,
}

impl SharedRepo {
    /// Brings every responder's log of `incident` in (and drops logs the remote removed).
    pub fn fetch_live(&mut self, incident: &str) -> Result<std::result::Result<(), RemoteProblem>> {
        let Some(url) = self.settings.url.clone() else { return Ok(Ok(())) };
        let refspec = format!("+{REMOTE_PREFIX}{incident}/*:{SEEN_PREFIX}{incident}/*");
        remote::fetch_refspecs(&self.repo, &url, &[refspec], true, self.limits())
    }

    /// The live incidents on the shared repository (for joining one started elsewhere).
    pub fn live_incidents(&self) -> Result<std::result::Result<Vec<String>, RemoteProblem>> {
        let Some(url) = self.settings.url.clone() else { return Ok(Ok(Vec::new())) };
        Ok(remote::list(&self.repo, &url, REMOTE_PREFIX, self.limits())?.map(|refs| {
            let mut incidents: Vec<String> = refs
                .iter()
                .filter_map(|(name, _)| name.strip_prefix(REMOTE_PREFIX)?.split_once('/').map(|(id, _)| id.to_string()))
                .collect();
            incidents.sort();
            incidents.dedup();
            incidents
        }))
    }

    /// The live incidents whose logs this copy last fetched (to join one, or to list them),
    /// without asking the shared repository.
    pub fn live_incidents_seen(&self) -> Result<Vec<String>> {
        let failed = |source| git_error("reading the responders' logs", source);
        let mut incidents = Vec::new();
        for name in self.repo.references_glob(&format!("{SEEN_PREFIX}*")).map_err(failed)?.names() {
            let name = name.map_err(failed)?;
            if let Some((id, _)) = name.strip_prefix(SEEN_PREFIX).and_then(|rest| rest.split_once('/')) {
                incidents.push(id.to_string());
            }
        }
        incidents.sort();
        incidents.dedup();
        Ok(incidents)
    }

    /// The events of each fetched log since the commit `applied` says was read last.
    pub fn live_logs(&self, incident: &str, applied: impl Fn(&str) -> Option<String>) -> Result<Vec<ResponderLog>> {
        let failed = |source| git_error("reading the responders' logs", source);
        let prefix = format!("{SEEN_PREFIX}{incident}/");
        let mut logs = Vec::new();
        for reference in self.repo.references_glob(&format!("{prefix}*")).map_err(failed)? {
            let reference = reference.map_err(failed)?;
            let (Ok(name), Some(tip)) = (reference.name(), reference.target()) else { continue };
            let id = name.trim_start_matches(&prefix).to_string();
            let known = applied(&id).and_then(|known| Oid::from_str(&known).ok()).filter(|known| *known != tip);
            if applied(&id).as_deref() == Some(tip.to_string().as_str()) {
                continue;
            }
            let mut walk = self.repo.revwalk().map_err(failed)?;
            walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE).map_err(failed)?;
            walk.push(tip).map_err(failed)?;
            if let Some(known) = known.filter(|known| self.repo.find_commit(*known).is_ok()) {
                walk.hide(known).map_err(failed)?;
            }
            let mut events = Vec::new();
            let mut responder = Responder { id: id.clone(), name: id.clone() };
            let mut heard_at = None;
            for commit_id in walk {
                let found = self.repo.find_commit(commit_id.map_err(failed)?).map_err(failed)?;
                let message = String::from_utf8_lossy(found.message_bytes()).into_owned();
                if let Some(named) = message.lines().find_map(|line| line.strip_prefix(NAME_TRAILER)) {
                    responder.name = named.trim().to_string();
                }
                heard_at = Some(super::rfc3339_of(&found.time())).filter(|at| !at.is_empty());
                let tree = found.tree().map_err(failed)?;
                let Some(bytes) = super::history::file_at(&self.repo, &tree, EVENTS_FILE) else { continue };
                for line in String::from_utf8_lossy(&bytes).lines().filter(|line| !line.trim().is_empty()) {
                    match serde_json::from_str::<LiveEvent>(line) {
                        Ok(event) => events.push(event),
                        Err(error) => tracing::warn!(responder = %id, %error, "an event of a live log cannot be read"),
                    }
                }
            }
            logs.push(ResponderLog { responder, tip: tip.to_string(), heard_at, events });
        }
        Ok(logs)
    }

    /// Pushes `events` (as this laptop's log wrote them) as one more commit of its log.
    pub fn push_live(
        &mut self,
        incident: &str,
        me: &Responder,
        events: &[(i64, String)],
        people: &People,
    ) -> Result<std::result::Result<(), RemoteProblem>> {
        let Some(url) = self.settings.url.clone() else { return Ok(Ok(())) };
        let failed = |source| git_error("writing this laptop's log", source);
        let mine = format!("{MINE_PREFIX}{incident}");
        let remote_ref = format!("{REMOTE_PREFIX}{incident}/{}", me.id);
        let seen = format!("{SEEN_PREFIX}{incident}/{}", me.id);
        let mut batch = String::new();
        for (_, event) in events {
            batch.push_str(event);
            batch.push('\n');
        }
        let message = format!(
            "Debrief live: {} event{} of {incident}\n\n{RESPONDER_TRAILER}{}\n{NAME_TRAILER}{}\n",
            events.len(),
            if events.len() == 1 { "" } else { "s" },
            me.id,
            me.name.replace('\n', " ")
        );
        for attempt in 0..PUSH_ATTEMPTS {
            let seen_tip = self.repo.refname_to_id(&seen).ok();
            // Build on what this laptop last wrote, else on what the remote has of its log.
            let parent_id = self.repo.refname_to_id(&mine).ok().or(seen_tip);
            let tip = {
                let parent = parent_id.map(|id| self.repo.find_commit(id)).transpose().map_err(failed)?;
                let tree = tree_with_files(&self.repo, None, &[(EVENTS_FILE, batch.as_bytes())])?;
                commit(&self.repo, parent.as_ref(), tree, &people.author, &people.committer, &message)?
            };
            self.repo.reference(&mine, tip, true, "debrief: live log").map_err(failed)?;
            match remote::push(&self.repo, &url, tip, &remote_ref, seen_tip, self.limits())? {
                Ok(()) => {
                    self.repo.reference(&seen, tip, true, "debrief: live log pushed").map_err(failed)?;
                    return Ok(Ok(()));
                }
                // The remote has another history of this log (it was removed and written again
                // from elsewhere): start again on top of what it has. A push of this log still
                // running (from a capture that was stopped mid-push) holds the remote's lock on
                // it for a moment: wait a little longer each time before trying again.
                Err(PushFailure::NotFastForward(refusal)) => {
                    if refusal.contains("lock") && attempt + 1 < PUSH_ATTEMPTS {
                        let wait = (50u64 << attempt).min(LONGEST_LOCK_WAIT_MS);
                        std::thread::sleep(std::time::Duration::from_millis(wait));
                    }
                    let _ = self.repo.find_reference(&mine).and_then(|mut found| found.delete());
                    if let Err(problem) = self.fetch_live(incident)? {
                        return Ok(Err(problem));
                    }
                }
                Err(PushFailure::Problem(problem)) => return Ok(Err(problem)),
            }
        }
        Err(Error::Git {
            action: "sharing this laptop's lines",
            detail: "the remote kept refusing this laptop's log".into(),
        })
    }

    /// Removes an incident's logs from the shared repository once its post-mortem is published
    /// (every laptop keeps its lines in its own store); how many responders' logs there were.
    pub fn remove_live(&mut self, incident: &str) -> Result<std::result::Result<usize, RemoteProblem>> {
        let Some(url) = self.settings.url.clone() else { return Ok(Ok(0)) };
        let failed = |source| git_error("removing the incident's logs", source);
        let prefix = format!("{SEEN_PREFIX}{incident}/");
        let responders: Vec<String> = self
            .repo
            .references_glob(&format!("{prefix}*"))
            .map_err(failed)?
            .filter_map(|reference| {
                reference.ok()?.name().ok().map(|name| name.trim_start_matches(&prefix).to_string())
            })
            .collect();
        for responder in &responders {
            match remote::delete(&self.repo, &url, &format!("{REMOTE_PREFIX}{incident}/{responder}"), self.limits())? {
                Ok(()) => {
                    let _ =
                        self.repo.find_reference(&format!("{prefix}{responder}")).and_then(|mut found| found.delete());
                }
                Err(PushFailure::Problem(problem)) => return Ok(Err(problem)),
                Err(PushFailure::NotFastForward(reason)) => return Ok(Err(RemoteProblem::Rejected(reason))),
            }
        }
        Ok(Ok(responders.len()))
    }
}
