//! Contributing factors across every post-mortem in the index: how many incidents name each
//! theme, period by period, and which incidents are behind each theme, with the sentences
//! that put them there. An incident counts once per theme, however many of its factors have
//! that theme; it counts under each theme it names.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Index, Period};
use crate::Result;
use crate::factors::Themes;

/// Incidents per theme over time, and the incidents behind each theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FactorTrends {
    /// Every period from the first to the last in which a dated incident names a theme, oldest
    /// first, quiet ones included: a quiet period is a zero, not a gap.
    pub periods: Vec<String>,
    /// The team's themes in the team's order, then the themes only post-mortems name (the team
    /// does not list them), most incidents first.
    pub themes: Vec<ThemeTrend>,
    /// Incidents with a factor that names no theme, with those factors.
    pub unthemed: Vec<FactorIncident>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThemeTrend {
    pub theme: String,
    /// What the team's list says the theme covers; `None` for a theme the list does not have.
    pub description: Option<String>,
    /// Incidents with at least one factor of this theme, dated or not.
    pub incidents: usize,
    /// Incidents per period, one number for each of [`FactorTrends::periods`].
    pub per_period: Vec<usize>,
    /// The incidents behind the theme, newest first, each with its factors of this theme.
    pub behind: Vec<FactorIncident>,
}

/// A post-mortem behind a theme, and what it says under that theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FactorIncident {
    pub id: String,
    pub path: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// The factors' sentences, in the post-mortem's order.
    pub factors: Vec<String>,
}

/// One indexed factor with the post-mortem it is in.
struct Row {
    doc_id: i64,
    incident: FactorIncident,
    text: String,
    theme: Option<String>,
}

impl Index {
    /// Incidents per theme per period, measured against the team's `themes`.
    pub fn factor_trends(&self, by: Period, themes: &Themes) -> Result<FactorTrends> {
        let mut statement = self
            .connection()
            .prepare(
                "SELECT d.doc_id, d.id, d.path, d.title, d.date, f.text, f.theme
                 FROM factors f JOIN documents d ON d.doc_id = f.doc_id
                 WHERE d.replaced = 0
                 ORDER BY d.date DESC, d.path, f.position",
            )
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([], |row| {
                Ok(Row {
                    doc_id: row.get(0)?,
                    incident: FactorIncident {
                        id: row.get(1)?,
                        path: row.get(2)?,
                        title: row.get(3)?,
                        date: row.get::<_, Option<String>>(4)?.and_then(|date| date.parse().ok()),
                        factors: Vec::new(),
                    },
                    text: row.get(5)?,
                    theme: row.get(6)?,
                })
            })
            .map_err(|source| self.error(source))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|source| self.error(source))?;
        Ok(trends(rows, by, themes))
    }
}

fn trends(rows: Vec<Row>, by: Period, themes: &Themes) -> FactorTrends {
    // Per theme (None: no theme), the incidents in the order met (newest first), by document.
    let mut grouped: BTreeMap<Option<String>, Vec<(i64, FactorIncident)>> = BTreeMap::new();
    for row in rows {
        let incidents = grouped.entry(row.theme).or_default();
        match incidents.iter_mut().find(|(doc_id, _)| *doc_id == row.doc_id) {
            Some((_, incident)) => incident.factors.push(row.text),
            None => {
                let mut incident = row.incident;
                incident.factors.push(row.text);
                incidents.push((row.doc_id, incident));
            }
        }
    }
    let unthemed = grouped.remove(&None).unwrap_or_default().into_iter().map(|(_, incident)| incident).collect();
    let numbers: Vec<i64> =
        grouped.values().flatten().filter_map(|(_, incident)| incident.date.map(|date| by.number(date))).collect();
    let first = numbers.iter().min().copied();
    let periods: Vec<String> = match (first, numbers.iter().max()) {
        (Some(first), Some(last)) => (first..=*last).map(|number| by.name_of(number)).collect(),
        _ => Vec::new(),
    };
    let trend = |theme: String, behind: Vec<FactorIncident>| {
        let mut per_period = vec![0; periods.len()];
        for date in behind.iter().filter_map(|incident| incident.date) {
            let place = first.and_then(|first| usize::try_from(by.number(date) - first).ok());
            if let Some(count) = place.and_then(|place| per_period.get_mut(place)) {
                *count += 1;
            }
        }
        ThemeTrend {
            description: themes.get(&theme).map(|known| known.description.clone()),
            incidents: behind.len(),
            per_period,
            behind,
            theme,
        }
    };
    let mut behind_theme: BTreeMap<String, Vec<FactorIncident>> = grouped
        .into_iter()
        .filter_map(|(theme, incidents)| Some((theme?, incidents.into_iter().map(|(_, incident)| incident).collect())))
        .collect();
    let mut listed: Vec<ThemeTrend> = themes
        .themes
        .iter()
        .map(|known| trend(known.id.clone(), behind_theme.remove(&known.id).unwrap_or_default()))
        .collect();
    let mut others: Vec<ThemeTrend> =
        behind_theme.into_iter().map(|(theme, incidents)| trend(theme, incidents)).collect();
    others.sort_by(|a, b| b.incidents.cmp(&a.incidents).then_with(|| a.theme.cmp(&b.theme)));
    listed.extend(others);
    FactorTrends { periods, themes: listed, unthemed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc_id: i64, date: Option<&str>, text: &str, theme: Option<&str>) -> Row {
        Row {
            doc_id,
            incident: FactorIncident {
                id: format!("incident-{doc_id}"),
                path: format!("incidents/{doc_id}.md"),
                title: format!("Incident {doc_id}"),
                date: date.map(|date| date.parse().unwrap()),
                factors: Vec::new(),
            },
            text: text.into(),
            theme: theme.map(String::from),
        }
    }

    #[test]
    fn an_incident_counts_once_per_theme_and_quiet_periods_are_zeros() {
        // Newest first, as the index answers.
        let rows = vec![
            row(3, Some("2026-03-02"), "Pool sized for last year", Some("capacity")),
            row(3, Some("2026-03-02"), "Disk filled by logs", Some("capacity")),
            row(3, Some("2026-03-02"), "The deploy changed the pool", Some("change")),
            row(2, None, "Queue limit", Some("capacity")),
            row(1, Some("2026-01-15"), "Vendor API slowed", Some("third-party")),
            row(1, Some("2026-01-15"), "Nobody knew the failover", None),
        ];
        let trends = trends(rows, Period::Month, &Themes::default());
        assert_eq!(trends.periods, ["2026-01", "2026-02", "2026-03"]);
        let theme = |id: &str| trends.themes.iter().find(|theme| theme.theme == id).unwrap();
        let capacity = theme("capacity");
        assert_eq!(
            (capacity.incidents, capacity.per_period.as_slice()),
            (2, &[0, 0, 1][..]),
            "undated counts only in all"
        );
        assert_eq!(capacity.behind[0].factors, ["Pool sized for last year", "Disk filled by logs"]);
        assert!(capacity.description.is_some());
        assert_eq!(theme("detection").incidents, 0, "the team's themes are all there, named or not");
        let unknown = trends.themes.last().unwrap();
        assert_eq!(
            (unknown.theme.as_str(), unknown.description.as_deref()),
            ("third-party", None),
            "kept, never dropped"
        );
        assert_eq!(unknown.per_period, [1, 0, 0]);
        assert_eq!(trends.unthemed.len(), 1);
        assert_eq!(trends.unthemed[0].factors, ["Nobody knew the failover"]);
        assert_eq!(trends.themes[0].theme, Themes::default().themes[0].id, "the team's order first");
    }

    #[test]
    fn no_factors_anywhere_gives_no_periods() {
        let trends = trends(Vec::new(), Period::Quarter, &Themes::default());
        assert!(trends.periods.is_empty() && trends.unthemed.is_empty());
        assert!(trends.themes.iter().all(|theme| theme.incidents == 0 && theme.per_period.is_empty()));
    }
}
