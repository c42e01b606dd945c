//! What an incident and its timeline are. Times keep the UTC offset they were
//! recorded with, so a line typed in Berlin still reads as Berlin time later.

pub mod rfc3339;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A name that is none of a value's names (`sev9`, `doen`), saying which names there are.
/// It becomes [`crate::Error::Invalid`] where it reaches a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: {reason}")]
pub struct UnknownValue {
    /// What was being read: `severity`, `entry kind`.
    pub what: &'static str,
    pub reason: String,
}

impl UnknownValue {
    fn new(what: &'static str, reason: impl Into<String>) -> UnknownValue {
        UnknownValue { what, reason: reason.into() }
    }
}

/// Whether the incident was an outage, planned work, or an exercise (as Morgue records it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum IncidentKind {
    #[default]
    Unscheduled,
    Scheduled,
    GameDay,
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 3] = [IncidentKind::Unscheduled, IncidentKind::Scheduled, IncidentKind::GameDay];

    pub fn as_str(self) -> &'static str {
        match self {
            IncidentKind::Unscheduled => "unscheduled",
            IncidentKind::Scheduled => "scheduled",
            IncidentKind::GameDay => "game-day",
        }
    }
}

/// Severity, SEV1 the worst. Teams that use "P1" or a bare number map onto the same scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Severity {
    #[serde(rename = "SEV1")]
    Sev1,
    #[serde(rename = "SEV2")]
    Sev2,
    #[serde(rename = "SEV3")]
    Sev3,
    #[serde(rename = "SEV4")]
    Sev4,
    #[serde(rename = "SEV5")]
    Sev5,
}

impl Severity {
    pub const ALL: [Severity; 5] = [Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4, Severity::Sev5];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1",
            Severity::Sev2 => "SEV2",
            Severity::Sev3 => "SEV3",
            Severity::Sev4 => "SEV4",
            Severity::Sev5 => "SEV5",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = UnknownValue;

    /// Accepts `SEV2`, `sev-2`, `sev 2`, `P2` and `2`.
    fn from_str(input: &str) -> Result<Severity, UnknownValue> {
        let lowered = input.trim().to_ascii_lowercase();
        let digits = lowered
            .strip_prefix("sev")
            .or_else(|| lowered.strip_prefix('p'))
            .unwrap_or(&lowered)
            .trim_start_matches(['-', ' ', '_']);
        match digits {
            "1" => Ok(Severity::Sev1),
            "2" => Ok(Severity::Sev2),
            "3" => Ok(Severity::Sev3),
            "4" => Ok(Severity::Sev4),
            "5" => Ok(Severity::Sev5),
            _ => Err(UnknownValue::new("severity", format!("`{input}` is not one of SEV1 to SEV5"))),
        }
    }
}

impl std::str::FromStr for IncidentKind {
    type Err = UnknownValue;

    fn from_str(input: &str) -> Result<IncidentKind, UnknownValue> {
        let wanted = input.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        IncidentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == wanted || (wanted == "gameday" && *kind == IncidentKind::GameDay))
            .ok_or_else(|| {
                UnknownValue::new("incident kind", format!("`{input}` is not unscheduled, scheduled or game-day"))
            })
    }
}

/// Where the incident stands, derived from the key-time marks on its timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    Mitigated,
    Resolved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Mitigated => "mitigated",
            Status::Resolved => "resolved",
        }
    }
}

/// The moments every post-mortem measures from the start of an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum KeyTime {
    Detected,
    Mitigated,
    Resolved,
}

impl KeyTime {
    pub const ALL: [KeyTime; 3] = [KeyTime::Detected, KeyTime::Mitigated, KeyTime::Resolved];

    pub fn as_str(self) -> &'static str {
        self.entry_kind().as_str()
    }

    pub fn entry_kind(self) -> EntryKind {
        match self {
            KeyTime::Detected => EntryKind::Detected,
            KeyTime::Mitigated => EntryKind::Mitigated,
            KeyTime::Resolved => EntryKind::Resolved,
        }
    }
}

/// What a timeline line records. `Change` is something that changed in a system (a commit, a deploy),
/// usually imported; the last three are key-time marks, written by marking, not by logging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    #[default]
    Note,
    Action,
    Decision,
    Observation,
    Communication,
    Change,
    Detected,
    Mitigated,
    Resolved,
}

impl EntryKind {
    pub const ALL: [EntryKind; 9] = [
        EntryKind::Note,
        EntryKind::Action,
        EntryKind::Decision,
        EntryKind::Observation,
        EntryKind::Communication,
        EntryKind::Change,
        EntryKind::Detected,
        EntryKind::Mitigated,
        EntryKind::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Note => "note",
            EntryKind::Action => "action",
            EntryKind::Decision => "decision",
            EntryKind::Observation => "observation",
            EntryKind::Communication => "communication",
            EntryKind::Change => "change",
            EntryKind::Detected => "detected",
            EntryKind::Mitigated => "mitigated",
            EntryKind::Resolved => "resolved",
        }
    }

    pub fn key_time(self) -> Option<KeyTime> {
        match self {
            EntryKind::Detected => Some(KeyTime::Detected),
            EntryKind::Mitigated => Some(KeyTime::Mitigated),
            EntryKind::Resolved => Some(KeyTime::Resolved),
            _ => None,
        }
    }
}

impl std::str::FromStr for EntryKind {
    type Err = UnknownValue;

    fn from_str(input: &str) -> Result<EntryKind, UnknownValue> {
        let wanted = input.trim().to_ascii_lowercase();
        EntryKind::ALL.into_iter().find(|kind| kind.as_str() == wanted).ok_or_else(|| {
            let known: Vec<&str> = EntryKind::ALL.iter().map(|kind| kind.as_str()).collect();
            UnknownValue::new("entry kind", format!("`{input}` is not one of {}", known.join(", ")))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Participant {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Incident {
    /// Stable and readable: the start date and a slug of the title, e.g. `2026-11-23-checkout-latency`.
    pub id: String,
    pub title: String,
    pub kind: IncidentKind,
    pub severity: Option<Severity>,
    pub status: Status,
    /// Every line of its timeline was read from a post-mortem file: an incident written up
    /// elsewhere and imported, not one being lived, even where the file never says it ended.
    pub written_up: bool,
    pub commander: Option<String>,
    pub participants: Vec<Participant>,
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub started_at: DateTime<FixedOffset>,
    #[serde(with = "rfc3339::option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub detected_at: Option<DateTime<FixedOffset>>,
    #[serde(with = "rfc3339::option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub mitigated_at: Option<DateTime<FixedOffset>>,
    #[serde(with = "rfc3339::option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub resolved_at: Option<DateTime<FixedOffset>>,
    /// Who owns the post-mortem.
    pub owner: Option<String>,
    pub postmortem_status: PostmortemStatus,
    pub services: Vec<String>,
    pub tags: Vec<String>,
    /// Ticket URLs or references such as `INC-123`.
    pub tickets: Vec<String>,
    pub chat_logs: Vec<String>,
    /// Posts on customer forums or status pages about the incident.
    pub forum_links: Vec<String>,
}

impl Incident {
    pub fn key_time(&self, key: KeyTime) -> Option<DateTime<FixedOffset>> {
        match key {
            KeyTime::Detected => self.detected_at,
            KeyTime::Mitigated => self.mitigated_at,
            KeyTime::Resolved => self.resolved_at,
        }
    }

    /// The durations a post-mortem reports; each is left out when a mark it needs is missing.
    pub fn durations(&self) -> Durations {
        let between =
            |from: Option<DateTime<FixedOffset>>, to: Option<DateTime<FixedOffset>>| Some(elapsed(from?, to?));
        Durations {
            to_detect: between(Some(self.started_at), self.detected_at),
            to_mitigate: between(self.detected_at, self.mitigated_at),
            to_resolve: between(self.detected_at, self.resolved_at),
            length: between(Some(self.started_at), self.resolved_at),
        }
    }
}

/// The time from `from` to `to`, never negative: when `to` comes first (impact stopped by a failover
/// before anyone noticed, an outage found only after it was over), nothing was left to wait for.
pub fn elapsed(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> Duration {
    (to - from).max(Duration::zero())
}

/// How long the incident took to notice, to contain and to fix. Detection starts the clock for
/// mitigation and resolution: those measure the response. Never invented: `None` when a mark is
/// missing; never negative (see [`elapsed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Durations {
    /// From the start to detection.
    pub to_detect: Option<Duration>,
    /// From detection to mitigation.
    pub to_mitigate: Option<Duration>,
    /// From detection to resolution.
    pub to_resolve: Option<Duration>,
    /// From the start to resolution: how long the incident lasted.
    pub length: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum EditedField {
    Text,
    At,
}

/// One correction of an entry, kept so the timeline stays auditable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Edit {
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub edited_at: DateTime<FixedOffset>,
    pub field: EditedField,
    pub old: String,
    pub new: String,
}

/// Why an incident's start changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartCause {
    /// A person set it.
    Set,
    /// A post-mortem file read back into the store stated it.
    Postmortem,
    /// This key time was marked before the start, and an incident cannot be detected, mitigated
    /// or resolved before it began: the start moved back to it.
    KeyTimeBefore(KeyTime),
}

impl StartCause {
    pub fn as_str(self) -> &'static str {
        match self {
            StartCause::Set => "set",
            StartCause::Postmortem => "post-mortem",
            StartCause::KeyTimeBefore(key) => key.as_str(),
        }
    }
}

impl std::str::FromStr for StartCause {
    type Err = UnknownValue;

    fn from_str(input: &str) -> Result<StartCause, UnknownValue> {
        match input {
            "set" => Ok(StartCause::Set),
            "post-mortem" => Ok(StartCause::Postmortem),
            other => KeyTime::ALL
                .into_iter()
                .find(|key| key.as_str() == other)
                .map(StartCause::KeyTimeBefore)
                .ok_or_else(|| UnknownValue::new("start change", format!("`{input}` is not a known cause"))),
        }
    }
}

/// One change of an incident's start, kept so its key times and durations stay auditable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartEdit {
    pub edited_at: DateTime<FixedOffset>,
    pub old: DateTime<FixedOffset>,
    pub new: DateTime<FixedOffset>,
    pub cause: StartCause,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Entry {
    /// The entry's number within its incident, in the order it was recorded (#1, #2, ...).
    pub id: i64,
    pub incident: String,
    /// When it happened, with the UTC offset it was given in.
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: DateTime<FixedOffset>,
    /// When it was written down.
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub recorded_at: DateTime<FixedOffset>,
    pub who: Option<String>,
    pub kind: EntryKind,
    pub text: String,
    /// Where the line came from: `cli`, `app`, or an import.
    pub source: String,
    pub history: Vec<Edit>,
    /// In a live incident, the responder whose laptop wrote the line.
    pub author: Option<String>,
    /// A key time another responder marked, waiting for the commander to accept it: on the
    /// timeline, not (yet) a key time.
    pub proposed: bool,
}

impl Entry {
    /// For a proposed key time, the entry that made it a key time: a mark of the same kind at
    /// the same moment (what accepting it writes). `None` while it still waits, and for lines
    /// that were never proposals.
    pub fn accepted_as<'a>(&self, timeline: &'a [Entry]) -> Option<&'a Entry> {
        if !self.proposed {
            return None;
        }
        timeline.iter().find(|other| !other.proposed && other.kind == self.kind && other.at == self.at)
    }
}

/// One line ready for the timeline, as a source gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportedLine {
    #[serde(with = "rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: DateTime<FixedOffset>,
    pub who: Option<String>,
    pub kind: EntryKind,
    pub text: String,
    /// Which line of the source this is; the same line imported again has the same key.
    pub key: String,
}

/// A string-valued enum with its names, `as_str`, and parsing that lists the choices on error.
/// A variant may list other spellings people write by hand (`won't do` for `wont-do`), after `|`.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$variant_meta:meta])* $variant:ident => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name {
            $($(#[$variant_meta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Other spellings read as this value.
            fn aliases(self) -> &'static [&'static str] {
                match self {
                    $($name::$variant => &[$($alias),*]),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownValue;

            fn from_str(input: &str) -> Result<$name, UnknownValue> {
                let wanted = input.trim().to_lowercase();
                let named = |value: &$name| value.as_str() == wanted || value.aliases().contains(&wanted.as_str());
                $name::ALL.iter().copied().find(named).ok_or_else(|| {
                    let known: Vec<&str> = $name::ALL.iter().map(|value| value.as_str()).collect();
                    UnknownValue::new($what, format!("`{input}` is not one of {}", known.join(", ")))
                })
            }
        }
    };
}

named_enum! {
    /// How far the write-up has come: a draft, in review, or final.
    #[derive(Default)]
    PostmortemStatus, "post-mortem status" {
        #[default]
        Draft => "draft",
        Review => "review",
        Final => "final",
    }
}

named_enum! {
    /// What a countermeasure does: find the problem sooner, stop it happening,
    /// repair what it did, or spread what was learned.
    ActionType, "action item type" {
        Detective => "detective",
        Preventive => "preventive",
        Corrective => "corrective",
        Learning => "learning",
    }
}

named_enum! {
    /// Where a countermeasure stands: still to do, done, or closed without being done
    /// (won't-do), which always comes with the reason why.
    ActionStatus, "action item status" {
        Open => "open",
        Done => "done",
        WontDo => "wont-do" | "won't-do" | "won’t-do" | "won't do" | "won’t do" | "wont do" | "wont_do" | "wontdo",
    }
}

named_enum! {
    /// The kinds of links Morgue keeps with an incident.
    LinkKind, "link kind" {
        Ticket => "ticket",
        Chat => "chat",
        Forum => "forum",
    }
}

/// A countermeasure: what will be done, by whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActionItem {
    /// The item's number within its incident (#1, #2, ...).
    pub id: i64,
    pub incident: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    #[serde(rename = "type")]
    pub kind: Option<ActionType>,
    pub ticket: Option<String>,
    pub status: ActionStatus,
    /// Why a won't-do item will not be done. Debrief keeps one only with a won't-do status and
    /// refuses a won't-do without one; a file written by hand may lack it.
    pub reason: Option<String>,
}

impl ActionItem {
    /// What the item lacks to be actionable, e.g. "an owner and a due date"; `None` when complete.
    pub fn missing(&self) -> Option<String> {
        let missing: Vec<&str> =
            [(self.owner.is_none(), "an owner"), (self.due.is_none(), "a due date"), (self.kind.is_none(), "a type")]
                .into_iter()
                .filter_map(|(absent, what)| absent.then_some(what))
                .collect();
        match missing.as_slice() {
            [] => None,
            [one] => Some(one.to_string()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }

    /// Whether the item is late on `today`; see [`is_overdue`].
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.due, today)
    }
}

/// The one rule for "overdue", for the local store and the browse index alike: the item
/// is still open and its due date is before `today` (an item due today is not late yet).
pub fn is_overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ActionStatus::Open && due.is_some_and(|due| due < today)
}

/// One of the conditions that together allowed the incident, in a sentence, with the theme a
/// team sorts it under (`capacity`, `change`, ...), so that conditions which keep coming back
/// show across incidents. A condition of the system, its tools or the way work is done; never
/// a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContributingFactor {
    /// Its number within the incident (#1, #2, ...): its place in the list.
    pub id: i64,
    pub incident: String,
    pub text: String,
    /// A theme id such as `capacity`; `None` until one is given.
    pub theme: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_overdue_when_open_and_due_before_today() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let today = day("2026-11-23");
        assert!(is_overdue(ActionStatus::Open, Some(day("2026-11-22")), today));
        assert!(!is_overdue(ActionStatus::Open, Some(today), today), "due today is not late yet");
        assert!(!is_overdue(ActionStatus::Open, None, today));
        assert!(!is_overdue(ActionStatus::Done, Some(day("2026-01-01")), today));
        // Dates across a year boundary compare as dates, whatever their text looks like.
        assert!(is_overdue(ActionStatus::Open, Some(day("2025-12-31")), day("2026-01-01")));
    }

    #[test]
    fn wont_do_is_read_as_people_write_it() {
        for written in ["wont-do", "Won't do", "WON’T-DO", "wont_do", " wontdo "] {
            assert_eq!(written.parse::<ActionStatus>().unwrap(), ActionStatus::WontDo, "{written}");
        }
        let unknown = "cancelled".parse::<ActionStatus>().unwrap_err();
        assert_eq!(unknown.to_string(), "action item status: `cancelled` is not one of open, done, wont-do");
    }

    #[test]
    fn a_proposal_is_answered_by_a_mark_of_its_kind_at_its_moment() {
        let line = |id: i64, kind: EntryKind, at: &str, proposed: bool| Entry {
            id,
            incident: "2026-11-23-checkout-latency".into(),
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            recorded_at: DateTime::parse_from_rfc3339(at).unwrap(),
            who: None,
            kind,
            text: kind.as_str().into(),
            source: "live:Bo".into(),
            history: Vec::new(),
            author: Some("Bo".into()),
            proposed,
        };
        let proposal = line(2, EntryKind::Mitigated, "2026-11-23T14:05:00+01:00", true);
        let elsewhere = line(3, EntryKind::Detected, "2026-11-23T14:05:00+01:00", true);
        // The same moment written in another offset is the same moment.
        let accepted = line(4, EntryKind::Mitigated, "2026-11-23T13:05:00Z", false);
        let note = line(1, EntryKind::Note, "2026-11-23T14:05:00+01:00", false);
        let waiting = [note.clone(), proposal.clone(), elsewhere.clone()];
        assert_eq!(proposal.accepted_as(&waiting), None);
        let answered = [note, proposal.clone(), elsewhere.clone(), accepted.clone()];
        assert_eq!(proposal.accepted_as(&answered), Some(&accepted));
        assert_eq!(elsewhere.accepted_as(&answered), None, "a mark of another kind answers nothing");
        assert_eq!(accepted.accepted_as(&answered), None, "a mark is no proposal");
    }

    #[test]
    fn unknown_names_say_which_names_there_are() {
        let unknown = "sev9".parse::<Severity>().unwrap_err();
        assert_eq!(unknown.to_string(), "severity: `sev9` is not one of SEV1 to SEV5");
    }
}
