//! Several responders, one timeline: lines typed on this laptop go to its log in the
//! shared repository a few seconds later, and the other responders' logs come in on the
//! same rhythm. Capture never waits for any of it: a line is saved first and shared after.

use std::collections::HashSet;

use serde::Serialize;

use super::Workspace;
use crate::publish::{RemoteProblem, SharedRepo};
use crate::store::{Applied, LiveEvent, LiveResponder, NewIncident, Responder, Store};
use crate::{Entry, Error, Incident, Result};

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
    /// What the shared repository said when it refused this laptop's lines (a rule on its refs),
    /// if it did: it answers, so this is not `unreachable`, and the lines stay on this laptop.
    pub refused: Option<String>,
    pub responders: Vec<LiveResponder>,
}

impl LiveRound {
    fn could_not_share(&mut self, problem: RemoteProblem) {
        match problem {
            RemoteProblem::Unreachable(reason) => self.unreachable = Some(reason),
            RemoteProblem::Rejected(reason) | RemoteProblem::ReadOnly(reason) => self.refused = Some(reason),
        }
    }
}

/// A live incident joined on this laptop, and what the first round of sharing did after.
#[derive(Debug)]
pub struct Joined {
    /// The others' lines taken in and this laptop's sent, or why that round failed (the join stands).
    pub first_round: Result<LiveRound>,
}

impl Joined {
    /// The first round, or nothing when it failed, for a caller whose later rounds say why (the
    /// app's background sharing); the failure is logged.
    pub fn round_if_shared(self) -> Option<LiveRound> {
        self.first_round
            .inspect_err(|error| tracing::warn!(%error, "the first round of sharing after joining failed"))
            .ok()
    }
}

/// Where a live incident stands on this laptop, read from the store alone (no network): what
/// the window shows between rounds of sharing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LiveStatus {
    pub incident: String,
    /// Whether its lines travel to the other responders.
    pub live: bool,
    /// The name the other responders see for this laptop; `None` while the incident is not live.
    pub me: Option<String>,
    /// This laptop's lines and corrections the others have not had yet.
    pub unshared: usize,
    pub responders: Vec<LiveResponder>,
    /// Key times another responder proposed that wait for the commander, in time order.
    pub proposals: Vec<Entry>,
}

/// A live incident started on another laptop, as its log on the shared repository tells it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LiveElsewhere {
    pub id: String,
    pub title: String,
    /// As its starter recorded it (RFC 3339).
    pub started_at: String,
    pub commander: Option<String>,
    /// The names of the responders whose logs it has, starter first.
    pub responders: Vec<String>,
}

/// The live incidents a person can join from this laptop.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Joinable {
    /// Whether a shared repository is set at all: without one nothing is shared or joined.
    pub shared_repository: bool,
    /// Started elsewhere and not on this laptop yet, most recently started first.
    pub incidents: Vec<LiveElsewhere>,
    /// Why the shared repository could not be asked, if it could not.
    pub unreachable: Option<String>,
}

impl Workspace {
    /// Starts an incident. With a shared repository set it is live, so other responders can join
    /// it and see one timeline, unless `private` keeps it on this laptop. Its lines travel with
    /// the next round of sharing; nothing here waits for the network.
    pub fn start_incident(&self, new: NewIncident, private: bool) -> Result<Incident> {
        self.start_incident_beside(new, private, &[])
    }

    /// Starts an incident as [`Workspace::start_incident`] does, beside the live incidents of
    /// other laptops: `live_elsewhere` (where the caller asked the shared repository) and those
    /// its copy last saw. A live incident's id is where everyone's lines meet, so one of the same
    /// title and day started elsewhere, and not joined here, is never joined unasked: this one is
    /// numbered after it ("-2"), and whoever meant that one joins it. (A private one too: it may
    /// be shared later.)
    pub fn start_incident_beside(
        &self,
        new: NewIncident,
        private: bool,
        live_elsewhere: &[String],
    ) -> Result<Incident> {
        // (Settings that cannot be read are said below, once the incident is safe.)
        let shared = self.config().ok().map(|config| config.shared_repository).filter(|shared| shared.url.is_some());
        let mut taken: HashSet<String> = HashSet::new();
        if let Some(settings) = &shared {
            taken.extend(live_elsewhere.iter().cloned());
            let (repo, _) = SharedRepo::open_for_reading(&self.data_dir, settings)?;
            taken.extend(repo.live_incidents_seen()?);
        }
        let incident = self.with_store(|store| store.create_incident_beside(new, &taken))?;
        if !private && self.config()?.shared_repository.url.is_some() {
            self.share_incident(&incident.id)?;
        }
        Ok(incident)
    }

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

    /// The live incidents on the shared repository that this laptop does not have yet, with what
    /// their logs say of them (title, start, commander, who writes).
    pub fn joinable_incidents(&self) -> Result<Joinable> {
        let config = self.config()?;
        if config.shared_repository.url.is_none() {
            return Ok(Joinable::default());
        }
        let here: HashSet<String> = self.incidents()?.into_iter().map(|incident| incident.id).collect();
        let mut joinable = Joinable { shared_repository: true, ..Joinable::default() };
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        let live = match repo.live_incidents()? {
            Ok(live) => live,
            Err(problem) => {
                joinable.unreachable = Some(problem.to_string());
                return Ok(joinable);
            }
        };
        for id in live.into_iter().filter(|id| !here.contains(id)) {
            if let Err(problem) = repo.fetch_live(&id)? {
                joinable.unreachable = Some(problem.to_string());
                break;
            }
            let logs = repo.live_logs(&id, |_| None)?;
            // The starter's log opens with the incident; a log without it is not one to join.
            let Some((starter, LiveEvent::Incident { title, commander, started_at, .. })) =
                logs.iter().find_map(|log| {
                    log.events
                        .iter()
                        .find(|event| matches!(event, LiveEvent::Incident { .. }))
                        .map(|event| (log, event))
                })
            else {
                continue;
            };
            let mut responders = vec![starter.responder.name.clone()];
            responders.extend(
                logs.iter()
                    .filter(|log| log.responder.id != starter.responder.id)
                    .map(|log| log.responder.name.clone()),
            );
            joinable.incidents.push(LiveElsewhere {
                id,
                title: title.clone(),
                started_at: started_at.clone(),
                commander: commander.clone(),
                responders,
            });
        }
        joinable.incidents.sort_by_cached_key(|incident| {
            std::cmp::Reverse(chrono::DateTime::parse_from_rfc3339(&incident.started_at).ok())
        });
        Ok(joinable)
    }

    /// Joins an incident started on another laptop: its timeline comes in, and lines typed here
    /// go to the others. The join stands once it is recorded here, whatever the first round of
    /// sharing then does: a key that cannot sign this laptop's log fails that round, which
    /// [`Joined::first_round`] carries, and the lines stay here for a later one.
    pub fn join(&self, incident: &str) -> Result<Joined> {
        let config = self.config()?;
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        if let Err(problem) = repo.fetch_live(incident)? {
            return Err(Error::Git { action: "joining the incident", detail: problem.to_string() });
        }
        let logs = repo.live_logs(incident, |_| None)?;
        let started = logs
            .iter()
            .flat_map(|log| log.events.iter())
            .find(|event| matches!(event, LiveEvent::Incident { .. }))
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
        Ok(Joined { first_round: self.share_round(incident) })
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
            Err(problem) => round.could_not_share(problem),
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
                    let people = repo.people(&config.identity)?;
                    match repo.push_live(incident, &me, &unpushed, &people)? {
                        Ok(()) => {
                            store.mark_pushed(incident, *last)?;
                            round.pushed = unpushed.len();
                        }
                        Err(problem) => round.could_not_share(problem),
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
        let incidents = self.live_incidents()?;
        incidents.iter().map(|incident| self.share_round(incident)).collect()
    }

    /// Makes a key time another responder proposed a key time: the commander's one key.
    pub fn accept_proposal(&self, incident: &str, entry: i64) -> Result<Entry> {
        self.with_store(|store| store.accept_proposal(incident, entry))
    }

    /// Who this laptop is to the others, who else writes, and what is not shared yet.
    pub fn live_status(&self, incident: &str) -> Result<LiveStatus> {
        self.with_store(|store| {
            // An unknown incident is an error here, not a private one.
            store.incident(incident)?;
            self.live_status_in(store, incident)
        })
    }

    /// [`Workspace::live_status`] with the store already in hand; the name is looked up (in
    /// the settings and git's) only for a live incident.
    pub(super) fn live_status_in(&self, store: &mut Store, incident: &str) -> Result<LiveStatus> {
        let live = store.is_live(incident)?;
        Ok(LiveStatus {
            incident: incident.to_string(),
            live,
            me: if live { Some(store.responder(&self.responder_name())?.name) } else { None },
            unshared: store.unshared(incident)?,
            responders: store.live_responders(incident)?,
            proposals: store.waiting_proposals(incident)?,
        })
    }

    /// The live incidents of this laptop, most recently started first: those a round shares.
    pub fn live_incidents(&self) -> Result<Vec<String>> {
        self.with_store(|store| store.live_incidents())
    }

    pub fn is_live(&self, incident: &str) -> Result<bool> {
        self.with_store(|store| store.is_live(incident))
    }

    /// This laptop's lines of an incident the others have not had yet.
    pub fn unshared(&self, incident: &str) -> Result<usize> {
        self.with_store(|store| store.unshared(incident))
    }

    /// Removes a published incident's logs from the shared repository (each laptop keeps its
    /// lines): how many responders' logs were removed, or why they could not be yet.
    pub(super) fn end_live(&self, incident: &str) -> Result<std::result::Result<usize, String>> {
        let config = self.config()?;
        if !self.with_store(|store| store.is_live(incident))? {
            return Ok(Ok(0));
        }
        let mut repo = SharedRepo::open(&self.data_dir, &config.shared_repository)?;
        let removed = repo.remove_live(incident)?.map_err(|problem| problem.to_string());
        if removed.is_ok() {
            self.with_store(|store| store.end_live(incident))?;
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use tempfile::TempDir;

    use super::*;

    /// A responder's laptop: a data directory of its own, named `name`, sharing through `url`.
    fn laptop(name: &str, url: Option<&str>) -> (TempDir, Workspace) {
        let home = TempDir::new().expect("data directory");
        let workspace = Workspace::open(Some(home.path().to_path_buf())).expect("workspace");
        workspace.set_identity(name, &format!("{}@example.com", name.to_lowercase())).expect("identity");
        if let Some(url) = url {
            workspace.set_repository_url(url).expect("shared repository");
        }
        (home, workspace)
    }

    fn shared_repository() -> (TempDir, String) {
        let remote = TempDir::new().expect("remote directory");
        git2::Repository::init_bare(remote.path()).expect("bare repository");
        let url = format!("file://{}", remote.path().display());
        (remote, url)
    }

    fn titled(title: &str) -> NewIncident {
        NewIncident { title: title.into(), commander: Some("Ana".into()), ..NewIncident::default() }
    }

    #[test]
    fn an_incident_started_with_a_shared_repository_is_live_unless_kept_private() {
        let (_remote, url) = shared_repository();
        let (_ana_home, ana) = laptop("Ana", Some(&url));
        let live = ana.start_incident(titled("Checkout latency"), false).expect("started");
        let private = ana.start_incident(titled("Quiet one"), true).expect("started");
        assert!(ana.is_live(&live.id).expect("read"));
        assert!(!ana.is_live(&private.id).expect("read"));
        assert_eq!(ana.live_incidents().expect("listed"), vec![live.id.clone()]);

        let (_bo_home, bo) = laptop("Bo", None);
        let alone = bo.start_incident(titled("No one to share with"), false).expect("started");
        assert!(!bo.is_live(&alone.id).expect("read"), "without a shared repository nothing is live");
    }

    #[test]
    fn the_incidents_to_join_are_those_live_elsewhere_and_not_here_yet() {
        let (_remote, url) = shared_repository();
        let (_ana_home, ana) = laptop("Ana", Some(&url));
        let (_bo_home, bo) = laptop("Bo", Some(&url));
        let started = ana.start_incident(titled("Checkout latency"), false).expect("started");
        ana.start_incident(titled("Quiet one"), true).expect("started");
        assert!(ana.share_round(&started.id).expect("shared").unreachable.is_none());

        let joinable = bo.joinable_incidents().expect("listed");
        assert!(joinable.shared_repository && joinable.unreachable.is_none(), "{joinable:?}");
        let [found] = joinable.incidents.as_slice() else { panic!("one incident to join: {joinable:?}") };
        assert_eq!((found.id.as_str(), found.title.as_str()), (started.id.as_str(), "Checkout latency"));
        assert_eq!(
            (found.commander.as_deref(), found.responders.as_slice()),
            (Some("Ana"), ["Ana".to_string()].as_slice())
        );
        assert!(ana.joinable_incidents().expect("listed").incidents.is_empty(), "the starter has it already");

        bo.join(&started.id).expect("joined").first_round.expect("shared");
        assert!(bo.joinable_incidents().expect("listed").incidents.is_empty(), "joined ones are not offered again");
    }

    /// Two incidents of one title on one day (a service that fails again before the first is
    /// written up): the second, started on another laptop, is numbered beside the first live one
    /// it knows of, asked for or seen at the last listing, and never takes in the first's lines.
    #[test]
    fn an_incident_of_the_same_title_and_day_as_one_live_elsewhere_is_numbered_beside_it() {
        let (_remote, url) = shared_repository();
        let (_ana_home, ana) = laptop("Ana", Some(&url));
        let (_bo_home, bo) = laptop("Bo", Some(&url));
        let at = Some(chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+00:00").expect("time"));
        let first =
            ana.start_incident(NewIncident { started_at: at, ..titled("Checkout errors") }, false).expect("started");
        ana.capture_line(&first.id, "the first one's line", None, "app").expect("saved");
        ana.share_round(&first.id).expect("shared");

        let asked = bo.live_incidents_elsewhere().expect("listed");
        let later = Some(chrono::DateTime::parse_from_rfc3339("2026-12-01T15:00:00+00:00").expect("time"));
        let second =
            bo.start_incident_beside(NewIncident { started_at: later, ..titled("Checkout errors") }, false, &asked);
        let second = second.expect("started");
        assert_eq!(second.id, format!("{}-2", first.id));
        bo.share_round(&second.id).expect("shared");
        let lines: Vec<String> = bo.timeline(&second.id).expect("read").into_iter().map(|entry| entry.text).collect();
        assert!(!lines.iter().any(|line| line == "the first one's line"), "{lines:?}");

        // Without asking: the incidents the last listing fetched count.
        let (_cy_home, cy) = laptop("Cy", Some(&url));
        cy.joinable_incidents().expect("listed");
        let third = cy.start_incident(NewIncident { started_at: later, ..titled("Checkout errors") }, false);
        assert_eq!(third.expect("started").id, format!("{}-3", first.id));
        let private = cy.start_incident(NewIncident { started_at: later, ..titled("Checkout errors") }, true);
        assert_eq!(private.expect("started").id, format!("{}-4", first.id), "kept here, it may be shared later");
    }

    #[test]
    fn joining_needs_a_shared_repository_and_says_when_it_cannot_be_reached() {
        let (_alone_home, alone) = laptop("Ana", None);
        let joinable = alone.joinable_incidents().expect("listed");
        assert!(!joinable.shared_repository && joinable.incidents.is_empty() && joinable.unreachable.is_none());

        let (remote, url) = shared_repository();
        let (_bo_home, bo) = laptop("Bo", Some(&url));
        drop(remote);
        let joinable = bo.joinable_incidents().expect("an answer, not an error");
        assert!(joinable.shared_repository && joinable.unreachable.is_some(), "{joinable:?}");
    }

    #[test]
    fn the_status_names_this_laptop_the_others_and_what_is_not_shared_yet() {
        let (_remote, url) = shared_repository();
        let (_ana_home, ana) = laptop("Ana", Some(&url));
        let (_bo_home, bo) = laptop("Bo", Some(&url));
        let started = ana.start_incident(titled("Checkout latency"), false).expect("started");
        ana.capture_line(&started.id, "error rate at 40%", None, "app").expect("saved");
        let before = ana.live_status(&started.id).expect("status");
        assert!(before.live && before.me.as_deref() == Some("Ana"), "{before:?}");
        // The incident and its line.
        assert_eq!(before.unshared, 2);
        ana.share_round(&started.id).expect("shared");
        assert_eq!(ana.live_status(&started.id).expect("status").unshared, 0);

        bo.join(&started.id).expect("joined").first_round.expect("shared");
        bo.capture_line(&started.id, "restarted the pool", None, "app").expect("saved");
        bo.share_round(&started.id).expect("shared");
        ana.share_round(&started.id).expect("shared");
        let after = ana.live_status(&started.id).expect("status");
        let names: Vec<&str> = after.responders.iter().map(|responder| responder.name.as_str()).collect();
        assert_eq!(names, ["Bo"]);
        assert!(after.responders[0].last_heard_at.is_some());

        let private = ana.start_incident(titled("Quiet one"), true).expect("started");
        let quiet = ana.live_status(&private.id).expect("status");
        assert!(!quiet.live && quiet.me.is_none() && quiet.unshared == 0 && quiet.responders.is_empty());
        assert!(ana.live_status("2026-01-01-nothing").is_err(), "an unknown incident is not a private one");
    }

    #[test]
    fn the_status_lists_the_key_times_proposed_until_the_commander_accepts_them() {
        let (_remote, url) = shared_repository();
        let (_ana_home, ana) = laptop("Ana", Some(&url));
        let (_bo_home, bo) = laptop("Bo", Some(&url));
        let started = ana.start_incident(titled("Checkout latency"), false).expect("started");
        ana.share_round(&started.id).expect("shared");
        bo.join(&started.id).expect("joined").first_round.expect("shared");
        let at = chrono::Local::now().fixed_offset();
        bo.mark(&started.id, crate::KeyTime::Mitigated, at, "app").expect("marked");
        bo.capture_line(&started.id, "error rate back to 0.1%", None, "app").expect("saved");
        bo.share_round(&started.id).expect("shared");
        ana.share_round(&started.id).expect("shared");

        let proposals = ana.live_status(&started.id).expect("status").proposals;
        let [proposal] = proposals.as_slice() else { panic!("one proposal: {proposals:?}") };
        assert!(proposal.proposed && proposal.author.as_deref() == Some("Bo"), "{proposal:?}");
        ana.accept_proposal(&started.id, proposal.id).expect("accepted");
        assert!(ana.live_status(&started.id).expect("status").proposals.is_empty(), "accepted, it waits no more");
    }
}
