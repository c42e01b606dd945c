//! Several responders, one timeline: lines typed on this laptop go to its log in the
//! shared repository a few seconds later, and the other responders' logs come in on the
//! same rhythm. Capture never waits for any of it: a line is saved first and shared after.

use serde::Serialize;

use super::Workspace;
use crate::publish::SharedRepo;
use crate::store::{Applied, LiveResponder, Responder};
use crate::{Error, Result};

/// What one round of sharing did for a live incident.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LiveRound {
    pub incident: String,
    /// Events of this laptop pushed in this round.
    pub pushed: usize,
    /// Lines and corrections from others taken in.
    pub received_lines: usize,
    pub received_corrections: usize,
    /// This laptop's lines and corrections the others have not had yet.
    pub unshared: usize,
    /// Why the shared repository could not be used this round, if it could not.
    pub unreachable: Option<String>,
    pub responders: Vec<LiveResponder>,
}

impl Workspace {
    /// The name other responders see for this laptop: Debrief's identity, else git's, else the
    /// login name.
    pub fn responder_name(&self) -> String {
        let config = self.config().ok();
        config
            .and_then(|config| config.identity.name)
            .or_else(|| git2::Config::open_default().and_then(|config| config.get_string("user.name")).ok())
            .or_else(|| std::env::var("USER").ok())
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "responder".to_string())
    }

    /// Shares an incident started here with the other responders, from now on.
    pub fn share_incident(&self, incident: &str) -> Result<()> {
        if self.config()?.shared_repository.url.is_none() {
            return Err(Error::invalid(
                "live incident",
                "no shared repository is set, so there is no one to share it with; set one with `debrief remote set URL`",
            ));
        }
        let name = self.responder_name();
        self.with_store(|store| store.make_live(incident, &name))
    }

    /// The live incidents on the shared repository, to join one started on another laptop.
    pub fn live_incidents_elsewhere(&self) -> Result<Vec<String>> {
        let config = self.config()?;
        let repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        match repo.live_incidents()? {
            Ok(incidents) => Ok(incidents),
            Err(problem) => Err(Error::Git { action: "listing live incidents", detail: problem.to_string() }),
        }
    }

    /// Joins an incident started on another laptop: its timeline comes in, and lines typed here
    /// go to the others.
    pub fn join(&self, incident: &str) -> Result<LiveRound> {
        let config = self.config()?;
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        if let Err(problem) = repo.fetch_live(incident)? {
            return Err(Error::Git { action: "joining the incident", detail: problem.to_string() });
        }
        let logs = repo.live_logs(incident, |_| None)?;
        let started = logs
            .iter()
            .flat_map(|log| log.events.iter())
            .find(|event| matches!(event, crate::store::LiveEvent::Incident { .. }))
            .ok_or_else(|| {
                Error::invalid(
                    "incident",
                    format!("`{incident}` is not live on the shared repository; `debrief join` without an id lists those that are"),
                )
            })?
            .clone();
        let name = self.responder_name();
        self.own_store()?.join(incident, &started, &name)?;
        drop(repo);
        self.share_round(incident)
    }

    /// One round for one live incident: take in the others' new lines, push this laptop's.
    pub fn share_round(&self, incident: &str) -> Result<LiveRound> {
        let config = self.config()?;
        let mut store = self.own_store()?;
        let mut round = LiveRound { incident: incident.to_string(), ..LiveRound::default() };
        if config.shared_repository.url.is_none() || !store.is_live(incident)? {
            round.unshared = store.unshared(incident)?;
            return Ok(round);
        }
        let name = self.responder_name();
        let me: Responder = store.responder(&name)?;
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        match repo.fetch_live(incident)? {
            Err(problem) => round.unreachable = Some(problem.to_string()),
            Ok(()) => {
                let logs =
                    repo.live_logs(incident, |responder| store.applied_tip(incident, responder).ok().flatten())?;
                for log in logs.into_iter().filter(|log| log.responder.id != me.id) {
                    let Applied { lines, corrections } =
                        store.apply_events(incident, &log.responder, &log.tip, log.heard_at.as_deref(), &log.events)?;
                    round.received_lines += lines;
                    round.received_corrections += corrections;
                }
                let unpushed = store.unpushed_events(incident)?;
                if let Some((last, _)) = unpushed.last() {
                    let signature = repo.signature(&config.identity)?;
                    match repo.push_live(incident, &me, &unpushed, &signature)? {
                        Ok(()) => {
                            store.mark_pushed(incident, *last)?;
                            round.pushed = unpushed.len();
                        }
                        Err(problem) => round.unreachable = Some(problem.to_string()),
                    }
                }
            }
        }
        round.unshared = store.unshared(incident)?;
        round.responders = store.live_responders(incident)?;
        Ok(round)
    }

    /// A round for every live incident of this laptop.
    pub fn share_rounds(&self) -> Result<Vec<LiveRound>> {
        let incidents = self.with_store(|store| store.live_incidents())?;
        incidents.iter().map(|incident| self.share_round(incident)).collect()
    }

    /// Makes a key time another responder proposed a key time: the commander's one key.
    pub fn accept_proposal(&self, incident: &str, entry: i64) -> Result<crate::Entry> {
        self.with_store(|store| store.accept_proposal(incident, entry))
    }

    pub fn is_live(&self, incident: &str) -> Result<bool> {
        self.with_store(|store| store.is_live(incident))
    }

    /// This laptop's lines of an incident the others have not had yet.
    pub fn unshared(&self, incident: &str) -> Result<usize> {
        self.with_store(|store| store.unshared(incident))
    }

    /// Removes a published incident's logs from the shared repository (each laptop keeps its lines).
    pub(super) fn end_live(&self, incident: &str) -> Result<Option<String>> {
        let config = self.config()?;
        if !self.with_store(|store| store.is_live(incident))? {
            return Ok(None);
        }
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        let problem = repo.remove_live(incident)?.err().map(|problem| problem.to_string());
        if problem.is_none() {
            self.with_store(|store| store.end_live(incident))?;
        }
        Ok(problem)
    }
}
