//! Browsing past incidents: the index built from the shared repository, searched offline.

use chrono::NaiveDate;
use serde::Serialize;

use super::Workspace;
use crate::index::{
    self, ActionFilter, IndexedAction, OwnerRollup, Period, PeriodStats, SearchHit, SearchQuery, SyncReport, Timing,
};
use crate::postmortem::html::{SafeHtml, safe_html};
use crate::postmortem::parse;
use crate::{Error, Result};

/// A published post-mortem as the reader shows it, and whether it is an incident Debrief can open.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishedPage {
    pub page: SafeHtml,
    /// The incident it is when Debrief published it (its front matter's `id`); none for a
    /// post-mortem written by hand.
    pub incident: Option<String>,
    /// Whether this laptop has that incident.
    pub on_this_laptop: bool,
}

impl Workspace {
    /// Fetches the shared repository, brings Debrief's copy up to date, and indexes it.
    pub fn sync(&self) -> Result<SyncReport> {
        let report = index::sync(&self.data_dir, &self.config()?);
        self.forget_shared_state();
        report
    }

    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        self.with_index(|index| index.search(query))
    }

    /// The shared repository's commit the index was last brought up to; `None` before any sync.
    pub fn indexed_commit(&self) -> Result<Option<String>> {
        self.with_index(|index| index.indexed_commit())
    }

    /// Action items across every post-mortem in the index.
    pub fn indexed_actions(&self, filter: &ActionFilter) -> Result<Vec<IndexedAction>> {
        self.with_index(|index| index.actions(filter))
    }

    /// Open action items across every post-mortem in the index, rolled up per owner: how many are
    /// open and overdue, and the oldest overdue one. `filter.overdue` keeps only owners with
    /// something overdue; `filter.owner` only that owner.
    pub fn owner_rollup(&self, filter: &ActionFilter) -> Result<Vec<OwnerRollup>> {
        let open = ActionFilter { open: true, overdue: false, ..filter.clone() };
        let actions = self.indexed_actions(&open)?;
        Ok(index::owner_rollup(&actions, filter.today, filter.overdue))
    }

    /// Incidents per period, with how long they took to detect, mitigate and resolve.
    pub fn trends(&self, by: Period) -> Result<Vec<PeriodStats>> {
        self.with_index(|index| Ok(index::stats(&index.timings()?, by)))
    }

    /// Incidents that started on `today`'s date in earlier years.
    pub fn on_this_day(&self, today: NaiveDate) -> Result<Vec<Timing>> {
        self.with_index(|index| index.on_this_day(today))
    }

    /// A published post-mortem as sanitized HTML, from this laptop's copy, and the incident it is.
    pub fn read_published(&self, path: &str) -> Result<PublishedPage> {
        let markdown = index::published_markdown(&self.data_dir, &self.config()?, path)?;
        // A file whose front matter cannot be read is still shown; it is just not an incident.
        let incident = parse(&markdown).ok().and_then(|parsed| parsed.facts.id);
        // Nor does a store that cannot be read now keep anyone from reading: opening it says why.
        let on_this_laptop = incident.as_deref().is_some_and(|id| {
            self.has_incident(id)
                .inspect_err(|error| tracing::warn!(%error, "looking the incident up for the reader"))
                .unwrap_or(false)
        });
        Ok(PublishedPage { page: safe_html(&markdown), incident, on_this_laptop })
    }

    /// Whether this laptop has the incident `id`.
    pub fn has_incident(&self, id: &str) -> Result<bool> {
        match self.incident(id) {
            Ok(_) => Ok(true),
            Err(Error::IncidentNotFound(_)) => Ok(false),
            Err(error) => Err(error),
        }
    }
}
