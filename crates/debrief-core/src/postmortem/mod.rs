//! The post-mortem as a document: Markdown with YAML front matter, in the form
//! that gets published and that GitHub, GitLab, Jekyll, Hugo and MkDocs render
//! as it is.
//!
//! The front matter holds the machine-readable facts; the body holds the
//! author's prose and regions that Debrief fills from what was captured (key
//! times, the timeline table, action items, participants, links). Rendering and
//! parsing are inverses: a draft read back and rendered again is the same file,
//! with front matter keys Debrief does not know and all prose kept verbatim.

mod check;
mod claims;
mod follow_through;
mod front_matter;
mod hand_written;
pub mod html;
pub mod indexed;
mod labelled;
mod liquid;
mod parse;
mod placeholders;
pub mod profile;
mod regions;
mod render;
pub mod template;
mod written_actions;
pub(crate) mod written_dates;
mod written_durations;
mod written_factors;
mod written_timeline;
mod yaml;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::markdown::TimelineRow;
use crate::model::{
    ActionItem, ActionStatus, ActionType, ContributingFactor, Entry, Incident, IncidentKind, Participant,
    PostmortemStatus, Severity,
};

pub use check::{Concern, ConcernLevel, check, factor_concerns};
pub use claims::{Mismatch, mismatches};
pub use follow_through::{follow_through, has_action_items};

/// Where timeline rows and key-time marks read from a post-mortem file say they came from.
pub const IMPORT_SOURCE: &str = "post-mortem";

/// Larger than any post-mortem: a bigger file is refused before it is read into memory.
pub const MAX_POSTMORTEM_BYTES: u64 = 8 * 1024 * 1024;
pub(crate) use front_matter::with_keys_added;
pub use hand_written::WrittenFile;
pub use parse::{parse, parse_written};
pub use regions::{FoundRegion, Region, freeze as freeze_region};
pub use render::{placeholders_put_back, region_content, render, render_body, render_head};
pub use template::{SectionState, Template, TemplateSection};
pub use written_durations::StatedDurations;

/// The part of a post-mortem only its author writes: the prose (with region markers),
/// and front matter Debrief does not know, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub body: String,
    pub extra_front_matter: String,
}

/// Everything a post-mortem is rendered from.
#[derive(Debug, Clone, PartialEq)]
pub struct Postmortem {
    pub incident: Incident,
    pub timeline: Vec<Entry>,
    pub contributing_factors: Vec<ContributingFactor>,
    pub action_items: Vec<ActionItem>,
    pub draft: Draft,
}

/// The facts a post-mortem's front matter states. Lists that are absent read as empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub id: Option<String>,
    pub title: Option<String>,
    pub status: Option<PostmortemStatus>,
    pub kind: Option<IncidentKind>,
    pub severity: Option<Severity>,
    /// What the front matter's `date` says; `started` is read from it when the file has no `started`.
    pub date: Option<PageDate>,
    pub started: Option<DateTime<FixedOffset>>,
    pub detected: Option<DateTime<FixedOffset>>,
    pub mitigated: Option<DateTime<FixedOffset>>,
    pub resolved: Option<DateTime<FixedOffset>>,
    pub owner: Option<String>,
    pub commander: Option<String>,
    pub participants: Vec<Participant>,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    pub tickets: Vec<String>,
    pub chat_logs: Vec<String>,
    pub forum_links: Vec<String>,
    pub contributing_factors: Vec<FactorFacts>,
    pub action_items: Vec<ActionItemFacts>,
}

/// The `date` static site generators (Hugo, Jekyll) order and date pages by. Debrief writes
/// the incident's start there; a file written by hand may give only a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageDate {
    Time(DateTime<FixedOffset>),
    Day(NaiveDate),
}

impl PageDate {
    /// The calendar day, in the time's own offset.
    pub fn day(self) -> NaiveDate {
        match self {
            PageDate::Time(time) => time.date_naive(),
            PageDate::Day(day) => day,
        }
    }
}

/// A contributing factor as a front matter states it: `factor` (the sentence) and `theme`, or
/// a sentence alone. The theme is in its one form ([`crate::factors::theme_id`]), whether or
/// not the team's list has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorFacts {
    pub text: String,
    pub theme: Option<String>,
}

/// An action item as a front matter states it; the number is assigned when missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItemFacts {
    pub id: Option<i64>,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub kind: Option<ActionType>,
    pub ticket: Option<String>,
    pub status: ActionStatus,
    /// Why a won't-do item will not be done.
    pub reason: Option<String>,
}

/// Something in a file that was kept but deserves the reader's attention.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// A post-mortem file read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPostmortem {
    pub facts: Facts,
    /// The text of the `# ` heading the body starts with, if any.
    pub heading_title: Option<String>,
    /// Rows of the timeline table, when it could be read.
    pub timeline: Vec<TimelineRow>,
    /// Generated regions as found in the file, to detect tables edited by hand.
    pub generated: Vec<FoundRegion>,
    pub draft: Draft,
    pub warnings: Vec<Warning>,
    /// For a narrative written by hand that states no start, no key time and no timeline line:
    /// the first time its prose tells with a day (the sentence telling it is then its timeline).
    pub narrated_start: Option<NarratedStart>,
}

/// A time a post-mortem's prose tells with its day ("At 4:11 AM UTC on November 24th, ...").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarratedStart {
    pub at: DateTime<FixedOffset>,
    /// The line it is told on, from 1.
    pub line: usize,
    /// The words that tell it, from the day or the time, whichever comes first, to the other.
    pub written: String,
}

/// When an incident began, as a post-mortem tells it, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Began {
    /// Its stated start, else its first timeline line.
    Stated(DateTime<FixedOffset>),
    /// Its detection: the earliest it is known to have been happening.
    Detected(DateTime<FixedOffset>),
    /// A time its prose tells.
    Narrated(NarratedStart),
}

impl Began {
    pub fn at(&self) -> DateTime<FixedOffset> {
        match self {
            Began::Stated(at) | Began::Detected(at) => *at,
            Began::Narrated(narrated) => narrated.at,
        }
    }
}

/// The front matter key of a post-mortem Debrief publishes from one written by hand in the shared
/// repository: the path of that file, which the browse index then leaves out (the two are one
/// incident, and its prose is in both).
pub const REPLACES_KEY: &str = "replaces";

impl ParsedPostmortem {
    /// Notes, in the front matter Debrief keeps as written, that this post-mortem takes the place
    /// of `path` in the shared repository once published.
    pub fn mark_replacing(&mut self, path: &str) {
        let already = self.draft.extra_front_matter.lines().any(|line| line.starts_with("replaces:"));
        if !already {
            let line = format!("{REPLACES_KEY}: {}\n", yaml::scalar(path));
            self.draft.extra_front_matter.push_str(&line);
        }
    }

    /// The incident a file read on its own is: the one its `id` names, else the one its start and
    /// title name (as a new incident is named), if it says both.
    pub fn incident_id(&self) -> Option<String> {
        if let Some(id) = &self.facts.id {
            return Some(id.clone());
        }
        let title = self.facts.title.as_ref().or(self.heading_title.as_ref())?;
        self.start().map(|began| crate::id::base_id(&began.at(), title))
    }

    /// When the incident began, as the file tells it: its stated start, else its first timeline
    /// line, else (for a post-mortem written by hand that says only when it was detected) its
    /// detection; a narrative that says none of these began at the first time its prose tells.
    pub fn start(&self) -> Option<Began> {
        // Read only where the file states nothing else: its timeline is then the sentence alone.
        if let Some(narrated) = &self.narrated_start {
            return Some(Began::Narrated(narrated.clone()));
        }
        if let Some(start) = self.facts.started.or_else(|| self.timeline.iter().map(|row| row.at).min()) {
            return Some(Began::Stated(start));
        }
        self.facts.detected.map(Began::Detected)
    }
}
