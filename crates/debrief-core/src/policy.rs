//! A team's follow-up policy: `.debrief/policy.toml`, laid over the commented
//! defaults in `assets/policy.toml`. It says by when a new action item is due,
//! by the incident's severity, and how long past its due date an open item may
//! be before `debrief lint` reports it. Countermeasures with an owner and a
//! target date are the point of a post-mortem (The DevOps Handbook, ch. 19);
//! a default date keeps "we'll get to it" from becoming no date at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::Severity;

/// The default policy, commented; `debrief lint --print-policy` prints it.
pub const DEFAULT_POLICY: &str = include_str!("../../../assets/policy.toml");

/// Where a team keeps its policy, relative to its shared repository (or any directory above a
/// post-mortem `debrief lint` checks).
pub const POLICY_PATH: &str = ".debrief/policy.toml";

/// A policy file larger than this is not a policy file.
const MAX_POLICY_BYTES: u64 = 64 * 1024;

/// Longest due period or grace accepted, in days: ten years is already no date at all.
const MAX_DAYS: u32 = 3_650;

/// The key of `[due_days]` for incidents without a severity.
const NO_SEVERITY_KEY: &str = "default";

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("cannot read the follow-up policy {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },

    #[error(
        "the follow-up policy {} cannot be used: {reason}; `debrief lint --print-policy` prints a valid one with comments",
        path.display()
    )]
    Invalid { path: PathBuf, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    due_days: BTreeMap<Severity, u32>,
    /// For incidents without a severity.
    default_due_days: u32,
    /// Days past its due date before an open item is reported by `debrief lint`.
    pub overdue_grace_days: u32,
    /// The file this came from, or `None` for Debrief's defaults.
    pub origin: Option<PathBuf>,
}

/// How a due date was chosen from the policy, for saying so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueByPolicy {
    pub due: NaiveDate,
    pub days: u32,
    /// The incident's severity the days are for; absent when they are the policy's default for
    /// incidents without one.
    pub severity: Option<Severity>,
    /// The team's own policy file; absent when Debrief's defaults gave the days.
    pub policy: Option<String>,
}

/// The file as written: every key optional, so what is left out keeps its default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    due_days: Option<BTreeMap<String, i64>>,
    overdue: Option<Overdue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Overdue {
    grace_days: Option<i64>,
}

impl Default for Policy {
    fn default() -> Policy {
        let fallback = Policy { due_days: BTreeMap::new(), default_due_days: 0, overdue_grace_days: 0, origin: None };
        parse(DEFAULT_POLICY, Path::new("assets/policy.toml"))
            .and_then(|file| fallback.overlay(file, Path::new("assets/policy.toml")))
            .map(|policy| Policy { origin: None, ..policy })
            .expect("the embedded default policy is valid; a test checks it")
    }
}

impl Policy {
    /// Reads a policy file and lays it over the defaults.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let read_error = |source| PolicyError::Read { path: path.to_path_buf(), source };
        let size = std::fs::metadata(path).map_err(read_error)?.len();
        if size > MAX_POLICY_BYTES {
            return Err(PolicyError::Invalid {
                path: path.to_path_buf(),
                reason: format!("it is {size} bytes; a policy file is at most {MAX_POLICY_BYTES}"),
            });
        }
        let text = std::fs::read_to_string(path).map_err(read_error)?;
        Policy::from_toml(&text, path)
    }

    /// Parses policy text that came from `path` and lays it over the defaults.
    pub fn from_toml(text: &str, path: &Path) -> Result<Policy, PolicyError> {
        Policy::default().overlay(parse(text, path)?, path)
    }

    /// The nearest `.debrief/policy.toml` in `start` (a file or directory) or a directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let directory = if start.is_dir() { start } else { start.parent()? };
        let absolute = std::path::absolute(directory).ok()?;
        absolute.ancestors().map(|dir| dir.join(POLICY_PATH)).find(|candidate| candidate.is_file())
    }

    fn overlay(mut self, file: PolicyFile, path: &Path) -> Result<Policy, PolicyError> {
        let invalid = |reason: String| PolicyError::Invalid { path: path.to_path_buf(), reason };
        let days = |key: &str, value: i64| {
            u32::try_from(value)
                .ok()
                .filter(|days| *days <= MAX_DAYS)
                .ok_or_else(|| invalid(format!("`{key} = {value}` must be a number of days from 0 to {MAX_DAYS}")))
        };
        for (key, value) in file.due_days.unwrap_or_default() {
            if key.trim().eq_ignore_ascii_case(NO_SEVERITY_KEY) {
                self.default_due_days = days(&key, value)?;
                continue;
            }
            let severity = key.parse::<Severity>().map_err(|_| {
                invalid(format!(
                    "`[due_days]` has `{key}`, which is neither a severity (SEV1 to SEV5) nor `{NO_SEVERITY_KEY}`"
                ))
            })?;
            self.due_days.insert(severity, days(&key, value)?);
        }
        if let Some(grace) = file.overdue.and_then(|overdue| overdue.grace_days) {
            self.overdue_grace_days = days("grace_days", grace)?;
        }
        self.origin = Some(path.to_path_buf());
        Ok(self)
    }

    /// The days an item of an incident of `severity` gets, by this policy.
    pub fn due_days(&self, severity: Option<Severity>) -> u32 {
        severity.and_then(|severity| self.due_days.get(&severity).copied()).unwrap_or(self.default_due_days)
    }

    /// The due date of an item added on `added` to an incident of `severity`.
    pub fn due_for(&self, severity: Option<Severity>, added: NaiveDate) -> DueByPolicy {
        let days = self.due_days(severity);
        DueByPolicy {
            // Beyond the calendar's end (year 262143) is no date anyone plans for: keep the last one.
            due: added.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX),
            days,
            severity: severity.filter(|severity| self.due_days.contains_key(severity)),
            policy: self.origin.as_ref().map(|origin| origin.display().to_string()),
        }
    }

    /// How many days an open item due on `due` is late on `today`, once it is later than the
    /// grace allows; `None` while it is within it.
    pub fn late_beyond_grace(&self, due: NaiveDate, today: NaiveDate) -> Option<i64> {
        let late = (today - due).num_days();
        (late > i64::from(self.overdue_grace_days)).then_some(late)
    }
}

fn parse(text: &str, path: &Path) -> Result<PolicyFile, PolicyError> {
    toml::from_str(text).map_err(|error| PolicyError::Invalid {
        path: path.to_path_buf(),
        reason: error.to_string().trim_end().replace('\n', " "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_defaults_parse_and_give_shorter_dates_to_worse_incidents() {
        let policy = Policy::default();
        assert_eq!(policy.origin, None);
        let days: Vec<u32> = Severity::ALL.iter().map(|severity| policy.due_days(Some(*severity))).collect();
        assert_eq!(days, [14, 30, 60, 90, 90]);
        assert_eq!(policy.due_days(None), 60);
        assert_eq!(policy.overdue_grace_days, 7);
        let due = policy.due_for(Some(Severity::Sev1), day("2026-12-25"));
        assert_eq!(due, DueByPolicy { due: day("2027-01-08"), days: 14, severity: Some(Severity::Sev1), policy: None });
    }

    #[test]
    fn a_team_file_replaces_only_the_keys_it_sets() {
        let path = Path::new(".debrief/policy.toml");
        let policy = Policy::from_toml("[due_days]\nsev1 = 7\ndefault = 45\n", path).unwrap();
        assert_eq!((policy.due_days(Some(Severity::Sev1)), policy.due_days(Some(Severity::Sev2))), (7, 30));
        assert_eq!(policy.due_days(None), 45);
        assert_eq!(policy.overdue_grace_days, 7, "kept");
        assert_eq!(policy.due_for(None, day("2026-01-01")).policy.as_deref(), Some(".debrief/policy.toml"));
        let strict = Policy::from_toml("[overdue]\ngrace_days = 0\n", path).unwrap();
        assert_eq!(strict.late_beyond_grace(day("2026-01-01"), day("2026-01-01")), None, "due today is not late");
        assert_eq!(strict.late_beyond_grace(day("2026-01-01"), day("2026-01-02")), Some(1));
        assert_eq!(Policy::default().late_beyond_grace(day("2026-01-01"), day("2026-01-08")), None);
        assert_eq!(Policy::default().late_beyond_grace(day("2026-01-01"), day("2026-01-09")), Some(8));
    }

    #[test]
    fn mistakes_name_the_file_and_the_key() {
        let path = Path::new("team/policy.toml");
        for (text, expected) in [
            ("[due_days]\nsev9 = 3\n", "`sev9`, which is neither a severity"),
            ("[due_days]\nSEV2 = -1\n", "`SEV2 = -1` must be a number of days from 0 to 3650"),
            ("[overdue]\ngrace = 3\n", "grace"),
            ("[due_days\n", "team/policy.toml"),
        ] {
            let error = Policy::from_toml(text, path).unwrap_err().to_string();
            assert!(error.contains(expected) && error.contains("team/policy.toml"), "{text:?}: {error}");
        }
    }

    #[test]
    fn discovery_walks_up() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join(".debrief")).unwrap();
        std::fs::create_dir_all(root.path().join("incidents/2026")).unwrap();
        std::fs::write(root.path().join(POLICY_PATH), "").unwrap();
        let found = Policy::discover(&root.path().join("incidents/2026/x.md")).unwrap();
        assert_eq!(found, std::path::absolute(root.path().join(POLICY_PATH)).unwrap());
    }
}
