//! Publishing into the team's shared repository, the queue of publishes waiting for it,
//! and the repository's settings.

use serde::Serialize;

use super::Workspace;
use crate::config::Config;
use crate::index::{Index, Location, UnreadFormat};
use crate::publish::{
    self, Checks, ConnectionTest, Delivery, PublishOptions, PublishReport, Queued, RemoteProblem, RepositoryOverview,
    SharedRepo,
};
use crate::store::IncidentUse;
use crate::{Result, Status};

/// Open incidents and what waits to be pushed.
pub struct StatusReport {
    pub open_incidents: Vec<String>,
    pub queued: Vec<Queued>,
    /// True when another Debrief process was publishing: the queue is as of its start.
    pub publishing_elsewhere: bool,
    /// Each live incident with how many of this laptop's lines the others have not had yet.
    pub unshared: Vec<(String, usize)>,
}

/// What trying the shared repository found.
pub struct RemoteTried {
    /// Why it cannot be reached now, if it cannot (publishes are queued until it can).
    pub unreachable: Option<RemoteProblem>,
    /// The branch publishes go to.
    pub branch: String,
    /// Where its post-mortems are, with how many in each folder.
    pub locations: Vec<Location>,
    /// When it has none where Debrief looks: the folders holding Markdown files, most first.
    pub markdown_elsewhere: Vec<Location>,
    /// When it has none where Debrief looks: the files there in formats Debrief does not read.
    pub unread_formats: Vec<UnreadFormat>,
    /// The team's own post-mortem template, when it keeps one but no `.debrief/template.md`.
    pub own_template: Option<String>,
}

/// The shared repository as `debrief remote show` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RemoteView {
    /// The URL with any password masked; `None` keeps publishes on this laptop.
    pub url: Option<String>,
    pub branch: String,
    /// True when the branch is the repository's own default (its HEAD), not one set in the settings.
    pub default_branch: bool,
    pub local_copy: String,
    pub queued: usize,
    /// What talks to the remote: the person's git, or libgit2 where there is none.
    pub transport: String,
    #[serde(skip)]
    pub publishing_elsewhere: bool,
}

impl Workspace {
    /// Checks, commits and pushes the post-mortem; offline, it is committed and queued.
    pub fn publish(&self, incident: &str, options: &PublishOptions) -> Result<PublishReport> {
        // A live incident's post-mortem holds every responder's lines: take in the newest first.
        let live = self.with_store(|store| store.is_live(incident))?;
        if live {
            self.share_round(incident)?;
        }
        let report =
            publish::publish_incident(&mut self.own_store()?, &self.data_dir, &self.config()?, incident, options);
        // The publish may have merged others' edits and moved the shared repository on.
        self.forget_shared_state();
        let mut report = report?;
        if report.published.is_some() {
            // Keep the browse index current with what was just published.
            if let Err(error) = self.refresh_index() {
                report.warnings.push(format!("the browse index could not be updated ({error}); `sync` will do it"));
            }
        }
        let pushed = report.published.as_ref().is_some_and(|published| published.delivery == Delivery::Pushed);
        if live && pushed {
            match self.end_live(incident)? {
                Ok(0) => {}
                Ok(1) => report.warnings.push(
                    "the incident's live log was removed from the shared repository; its lines are in the \
                     post-mortem and kept on this laptop"
                        .into(),
                ),
                Ok(responders) => report.warnings.push(format!(
                    "the live logs of {responders} responders were removed from the shared repository; every \
                     laptop keeps its lines"
                )),
                Err(problem) => report.warnings.push(format!(
                    "the responders' live logs could not be removed from the shared repository yet ({problem})"
                )),
            }
        }
        Ok(report)
    }

    fn refresh_index(&self) -> Result<()> {
        let (repo, _) = SharedRepo::open_for_reading(&self.data_dir, &self.config()?.shared_repository)?;
        Index::open(&self.data_dir)?.update_from(&repo)?;
        Ok(())
    }

    /// What publishing would check now: what blocks and what only warns.
    pub fn publish_checks(&self, incident: &str, options: &PublishOptions) -> Result<Checks> {
        publish::publish_checks(&mut self.own_store()?, &self.data_dir, &self.config()?, incident, options)
    }

    /// Publishes committed on this laptop and waiting for the shared repository.
    pub fn queue(&self) -> Result<Vec<Queued>> {
        publish::queue(&self.data_dir, &self.config()?)
    }

    /// Pushes what waits in the queue; each branch with where it stands now.
    pub fn retry_queue(&self) -> Result<Vec<(String, Delivery)>> {
        let config = self.config()?;
        // Without a shared repository there is nothing to push to, and no reason to touch the copy.
        if config.shared_repository.url.is_none() {
            return Ok(Vec::new());
        }
        publish::retry_queued(&self.data_dir, &config)
    }

    /// Open incidents, and publishes waiting to be pushed, without waiting for anyone.
    pub fn status(&self) -> Result<StatusReport> {
        let open_incidents = self
            .incidents()?
            .into_iter()
            // An imported write-up that never says when it ended is a past incident, not an open one.
            .filter(|incident| incident.status != Status::Resolved && !incident.written_up)
            .map(|incident| incident.id)
            .collect();
        let (repo, publishing_elsewhere) =
            SharedRepo::open_for_reading(&self.data_dir, &self.config()?.shared_repository)?;
        let unshared = self.with_store(|store| {
            store
                .live_incidents()?
                .into_iter()
                .map(|incident| Ok((store.unshared(&incident)?, incident)))
                .collect::<Result<Vec<_>>>()
        })?;
        let unshared = unshared.into_iter().map(|(count, incident)| (incident, count)).collect();
        Ok(StatusReport { open_incidents, queued: repo.queued()?, publishing_elsewhere, unshared })
    }

    /// Points Debrief at the team's repository. A URL that cannot be one (a password in it, a
    /// `file://` URL missing a slash) is refused and nothing is saved.
    pub fn set_repository_url(&self, url: &str) -> Result<Config> {
        let config = Config::set_repository_url(&self.data_dir, url)?;
        self.forget_shared_state();
        Ok(config)
    }

    /// Fetches from the shared repository: follows its default branch and says where its
    /// post-mortems are. Sign-in, host key and certificate problems are errors.
    pub fn try_repository(&self) -> Result<RemoteTried> {
        let mut repo = SharedRepo::open(&self.data_dir, &self.config()?.shared_repository)?;
        let unreachable = repo.fetch()?.err();
        let locations = if unreachable.is_none() { repo.postmortem_locations()? } else { Vec::new() };
        let (markdown_elsewhere, unread_formats) = match unreachable.is_none() && locations.is_empty() {
            true => (repo.markdown_locations(), repo.unread_formats()),
            false => (Vec::new(), Vec::new()),
        };
        let own_template = if unreachable.is_none() { repo.own_template_beside_debriefs() } else { None };
        self.forget_shared_state();
        let branch = repo.branch().to_string();
        Ok(RemoteTried { branch, unreachable, locations, markdown_elsewhere, unread_formats, own_template })
    }

    /// The shared repository, the branch, Debrief's copy and its queue, without waiting for a
    /// publish in another process.
    pub fn remote_view(&self) -> Result<RemoteView> {
        let config = self.config()?;
        let (repo, publishing_elsewhere) = SharedRepo::open_for_reading(&self.data_dir, &config.shared_repository)?;
        Ok(RemoteView {
            url: config.shared_repository.url.as_deref().map(crate::config::redacted),
            branch: repo.branch().to_string(),
            default_branch: config.shared_repository.branch.is_none(),
            local_copy: repo.path().display().to_string(),
            queued: repo.queued()?.len(),
            transport: publish::transport_name(),
            publishing_elsewhere,
        })
    }

    /// The shared repository's settings, Debrief's copy and its queue, the team's files.
    pub fn repository_overview(&self) -> Result<RepositoryOverview> {
        publish::overview(&self.data_dir, &self.config()?)
    }

    /// Tries the shared repository now and says how it went in words a person can act on.
    pub fn test_connection(&self) -> Result<ConnectionTest> {
        publish::test_connection(&self.data_dir, &self.config()?)
    }

    /// The name and address commits are made with when git itself has none.
    pub fn set_identity(&self, name: &str, email: &str) -> Result<Config> {
        Config::set_identity(&self.data_dir, name, email)
    }

    /// The incident the write-up commands mean when none is named.
    pub fn write_up_incident(&self, named: Option<&str>) -> Result<crate::Incident> {
        self.choose_incident(named, IncidentUse::WriteUp)
    }
}
