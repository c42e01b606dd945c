//! Contributing factors as data: the factors of one incident, kept with it and written into
//! its front matter, the team's themes from the shared repository, and across every
//! published post-mortem, incidents per theme over time.

use super::Workspace;
use crate::Result;
use crate::factors::Themes;
use crate::index::{FactorTrends, Period};
use crate::model::ContributingFactor;
use crate::store::{FactorChange, NewFactor};

impl Workspace {
    /// The team's themes as this laptop last saw the shared repository (Debrief's own where the
    /// team has none).
    pub fn factor_themes(&self) -> Result<Themes> {
        Ok(self.team_rules()?.factors.clone())
    }

    pub fn contributing_factors(&self, incident: &str) -> Result<Vec<ContributingFactor>> {
        self.with_store(|store| store.contributing_factors(incident))
    }

    pub fn add_factor(&self, incident: &str, factor: NewFactor) -> Result<ContributingFactor> {
        self.with_store(|store| store.add_factor(incident, factor))
    }

    pub fn update_factor(&self, incident: &str, number: i64, change: FactorChange) -> Result<ContributingFactor> {
        self.with_store(|store| store.update_factor(incident, number, change))
    }

    /// Removes factor `number`; the ones after it move up. Answers with the one removed.
    pub fn remove_factor(&self, incident: &str, number: i64) -> Result<ContributingFactor> {
        self.with_store(|store| store.remove_factor(incident, number))
    }

    /// Across the shared repository's post-mortems: incidents per theme per period, and the
    /// incidents behind each theme, against the team's themes.
    pub fn factor_trends(&self, by: Period) -> Result<FactorTrends> {
        let rules = self.team_rules()?;
        self.with_index(|index| index.factor_trends(by, &rules.factors))
    }
}
