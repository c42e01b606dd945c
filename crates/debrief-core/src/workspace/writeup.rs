//! After the outage: the post-mortem draft, its facts and action items, and the checks a
//! write-up gets before it is published.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::Workspace;
use crate::bounded::{Bounded, read_file_at_most, size_words};
use crate::encoding::saved_text;
use crate::files::write_atomically;
use crate::index;
use crate::lint::Finding;
use crate::policy::DueByPolicy;
use crate::postmortem::{
    Concern, ConcernLevel, MAX_POSTMORTEM_BYTES, Mismatch, ParsedPostmortem, Template, Warning, WrittenFile, check,
    factor_concerns, mismatches, parse, parse_written, placeholders_put_back, render,
};
use crate::publish::{Checks, PublishOptions, gate};
use crate::store::{
    ActionChange, EditableDraft, ImportReport, IncidentFacts, IncidentUpdate, NewActionItem, TemplateChoice,
};
use crate::time::{Zone, parse_time};
use crate::{ActionItem, Error, Incident, Result};

/// An action item just added, and how its due date came from the team's policy when none was given.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddedActionItem {
    pub item: ActionItem,
    /// Set when the item was given no due date and took the policy's for the incident's severity.
    pub due_by_policy: Option<DueByPolicy>,
    /// Why the team's policy file could not be used (Debrief's defaults were), when that happened.
    pub policy_problem: Option<String>,
}

/// What opening a published post-mortem in Debrief did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadBack {
    pub incident: String,
    /// Where the post-mortem was read from: its path in the shared repository, or the file's
    /// (`-` for standard input).
    pub path: String,
    /// False when this laptop already had the incident: it is left as it is, as its own edits may
    /// be newer than what was published (publishing merges the two).
    pub read: bool,
    /// True when the file made a new incident.
    pub created: bool,
    pub timeline_lines_added: usize,
    pub key_times_added: usize,
    pub action_items: usize,
    pub contributing_factors: usize,
    /// Whether nothing says when the incident was resolved.
    pub open: bool,
    pub warnings: Vec<Warning>,
}

impl ReadBack {
    /// What reading `path` into the store did, and whether the incident is still open.
    pub fn imported(report: ImportReport, path: String, open: bool) -> ReadBack {
        ReadBack {
            incident: report.incident,
            path,
            read: true,
            created: report.created,
            timeline_lines_added: report.entries_added,
            key_times_added: report.marks_added,
            action_items: report.action_items,
            contributing_factors: report.contributing_factors,
            open,
            warnings: report.warnings,
        }
    }
}

/// The draft after a template was chosen for it.
pub struct ChosenTemplate {
    pub markdown: String,
    pub choice: TemplateChoice,
    /// Where the draft as it stood before starting over is kept, when it held writing.
    pub kept_in: Option<PathBuf>,
}

/// What `check` finds in a write-up: what needs attention, and what publishing would refuse.
pub struct CheckReport {
    pub concerns: Vec<Concern>,
    pub publish: Checks,
}

impl Workspace {
    /// The sections drafts start from: the file given, else the team's, else Debrief's.
    pub fn template(&self, file: Option<&Path>) -> Result<Template> {
        match file {
            Some(file) => Template::load(file),
            None => Ok(self.team_rules()?.template.clone()),
        }
    }

    /// The post-mortem as Markdown, drafted from the timeline and kept edits.
    pub fn draft(&self, incident: &str, template: Option<&Path>) -> Result<String> {
        let template = self.template(template)?;
        self.with_store(|store| Ok(render(&store.postmortem(incident, &template)?)))
    }

    /// The post-mortem as Markdown, its draft started from `file` (the team's template when none
    /// is given): a draft nobody has written in yet starts again from it; one holding writing is
    /// left as it is ([`TemplateChoice::Written`]) unless `start_over`, which first keeps it in a
    /// file in the data directory.
    pub fn draft_from_template(&self, incident: &str, file: Option<&Path>, start_over: bool) -> Result<ChosenTemplate> {
        let default = self.team_rules()?.template.clone();
        let template = match file {
            Some(file) => Template::load(file)?,
            None => default.clone(),
        };
        let mut kept_in = None;
        let mut choice = self.with_store(|store| store.choose_template(incident, &template, &default, false))?;
        if choice == TemplateChoice::Written && start_over {
            let written = self.with_store(|store| Ok(render(&store.postmortem(incident, &default)?)))?;
            let folder = self.data_dir().join("replaced-drafts");
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
            let path = folder.join(format!("{incident}-{stamp}.md"));
            std::fs::create_dir_all(&folder)
                .and_then(|()| write_atomically(&path, written.as_bytes()))
                .map_err(|source| Error::DataDir { path: path.clone(), source })?;
            kept_in = Some(path);
            choice = self.with_store(|store| store.choose_template(incident, &template, &default, true))?;
        }
        let markdown = self.with_store(|store| Ok(render(&store.postmortem(incident, &template)?)))?;
        Ok(ChosenTemplate { markdown, choice, kept_in })
    }

    /// Keeps a whole edited post-mortem (front matter and all) as the incident's draft.
    pub fn save_draft(&self, incident: &str, markdown: &str) -> Result<ImportReport> {
        let rules = self.team_rules()?;
        self.with_store(|store| {
            let shown = store.postmortem(incident, &rules.template)?;
            let parsed = parse(&placeholders_put_back(&shown, markdown))?;
            store.import_postmortem(parsed, Some(incident))
        })
    }

    /// The draft's prose for the editor, its regions filled.
    pub fn open_draft(&self, incident: &str) -> Result<EditableDraft> {
        let rules = self.team_rules()?;
        self.with_store(|store| store.open_draft(incident, &rules.template))
    }

    /// Keeps the prose typed in the editor.
    pub fn save_draft_body(&self, incident: &str, body: &str) -> Result<EditableDraft> {
        let rules = self.team_rules()?;
        self.with_store(|store| store.save_draft_body(incident, &rules.template, body))
    }

    /// The wording checker with the team's rules, on any text (as the author types).
    pub fn check_wording(&self, text: &str) -> Result<Vec<Finding>> {
        Ok(self.team_rules()?.linter.check(text))
    }

    /// The times, durations and citations in `text` (the draft's prose as the editor holds it)
    /// that the incident's timeline and key times do not hold, as the author types.
    pub fn check_claims(&self, incident: &str, text: &str) -> Result<Vec<Mismatch>> {
        let rules = self.team_rules()?;
        let postmortem = self.with_store(|store| store.postmortem(incident, &rules.template))?;
        Ok(mismatches(&postmortem, text))
    }

    /// What needs attention in the write-up, and exactly what publishing it would refuse.
    ///
    /// Without `template`, the draft's sections are judged against the template it was started
    /// from (a team's, or one chosen with `draft --template`), and what publishing refuses against
    /// the team's, as the publish does; a section both name is required as the team's says.
    pub fn check(&self, incident: &str, template: Option<&Path>, options: &PublishOptions) -> Result<CheckReport> {
        let rules = self.team_rules()?;
        let (own, team) = match template {
            Some(file) => {
                let template = Template::load(file)?;
                (template.clone(), template)
            }
            None => {
                let started_from = self.with_store(|store| store.draft_started_from(incident))?;
                let own = started_from.map(|body| Template::parse(&body).requiring_as(&rules.template));
                (own.unwrap_or_else(|| rules.template.clone()), rules.template.clone())
            }
        };
        let postmortem = self.with_store(|store| store.postmortem(incident, &team))?;
        let publish = gate(&postmortem, &team, &rules.linter, options);
        let mut concerns = check(&postmortem, &own, &rules.linter);
        for required in &publish.required_sections {
            if !concerns.contains(required) {
                concerns.push(required.clone());
            }
        }
        concerns.extend(factor_concerns(&postmortem, &rules.factors));
        let note = |message| Concern { level: ConcernLevel::Note, kind: "team-rules", message };
        concerns.extend(rules.unusable_notes().map(note));
        Ok(CheckReport { concerns, publish })
    }

    /// Reads a post-mortem file back into the store: into `incident` if one is named, else into
    /// the incident its front matter names.
    pub fn import_postmortem(&self, parsed: ParsedPostmortem, incident: Option<&str>) -> Result<ImportReport> {
        self.with_store(|store| store.import_postmortem(parsed, incident))
    }

    /// Reads a post-mortem file from this computer (a team's earlier write-up, or one published
    /// elsewhere) into the store as [`Workspace::import_postmortem`] does, `into` the incident
    /// named, else the one its `id` names, else a new one; a file written by hand is read for its
    /// timeline, key times, action items and factors, its times without a zone in `zone` and its
    /// lines without a day on `day`. UTF-8, or UTF-16 with its mark; at most
    /// [`MAX_POSTMORTEM_BYTES`].
    pub fn import_postmortem_file(
        &self,
        file: &Path,
        into: Option<&str>,
        zone: Zone,
        day: Option<NaiveDate>,
    ) -> Result<ReadBack> {
        let shown = file.display().to_string();
        let cannot = |reason: String| Error::Import { what: shown.clone(), reason, kept: 0 };
        let bytes = match read_file_at_most(file, MAX_POSTMORTEM_BYTES) {
            Ok(Bounded::Read(bytes)) => bytes,
            Ok(Bounded::TooLarge) => {
                let limit = size_words(MAX_POSTMORTEM_BYTES);
                return Err(cannot(format!("it is larger than {limit}, more than any post-mortem")));
            }
            Err(error) => return Err(cannot(format!("it cannot be read ({error})"))),
        };
        let text = saved_text(bytes).map_err(|at| cannot(format!("it is not UTF-8 text (byte {at})")))?;
        self.import_postmortem_text(&text, Some(&shown), into, zone, day)
    }

    /// Reads a post-mortem's Markdown into the store as [`Workspace::import_postmortem_file`]
    /// does; `path`, when it came from a file, may give its title and day.
    pub fn import_postmortem_text(
        &self,
        markdown: &str,
        path: Option<&str>,
        into: Option<&str>,
        zone: Zone,
        day: Option<NaiveDate>,
    ) -> Result<ReadBack> {
        let written = WrittenFile { path: path.map(str::to_string), zone, day };
        let parsed = parse_written(markdown, &written)?;
        let report = self.import_postmortem(parsed, into)?;
        let open = self.incident(&report.incident)?.resolved_at.is_none();
        Ok(ReadBack::imported(report, path.unwrap_or("-").to_string(), open))
    }

    /// Opens a post-mortem from the shared repository (`id_or_path` as the index names it) as an
    /// incident on this laptop, or `into` the incident named: one Debrief published is read back
    /// whole, unless this laptop already has it; one written by hand is read for the timeline,
    /// key times, action items and factors it lists, its times without a zone in `zone` and its
    /// lines without a day on `day` (else the day it states).
    pub fn read_back_published(
        &self,
        id_or_path: &str,
        into: Option<&str>,
        zone: Zone,
        day: Option<NaiveDate>,
    ) -> Result<ReadBack> {
        let path = self.with_index(|index| index.find(id_or_path))?.ok_or_else(|| {
            Error::invalid(
                "post-mortem",
                format!(
                    "`{id_or_path}` is no post-mortem in the shared repository as this laptop last synced it; \
                     sync, then search for it"
                ),
            )
        })?;
        let index::PublishedVersion { markdown, branch, commit } =
            index::published_version(&self.data_dir, &self.config()?, &path)?;
        let file = WrittenFile { path: Some(path.clone()), zone, day };
        let mut parsed = parse_written(&markdown, &file)?;
        // Published, a post-mortem read from one written by hand takes that file's place in browse.
        if parsed.facts.id.is_none() {
            parsed.mark_replacing(&path);
        }
        // Already here, written by Debrief or by hand, the incident keeps what this laptop holds.
        if into.is_none()
            && let Some(id) = &parsed.incident_id()
            && self.has_incident(id)?
        {
            let open = self.incident(id)?.resolved_at.is_none();
            return Ok(ReadBack {
                incident: id.clone(),
                path,
                read: false,
                created: false,
                timeline_lines_added: 0,
                key_times_added: 0,
                action_items: 0,
                contributing_factors: 0,
                open,
                warnings: Vec::new(),
            });
        }
        if into.is_none() && parsed.facts.id.is_none() && parsed.start().is_none() {
            return Err(Error::invalid(
                "post-mortem",
                format!(
                    "nothing in `{path}` says when the incident began (no `started` in its front matter, no key time \
                     such as `Started: 2024-12-03 14:00 UTC` or `Detected: ...`, no timeline line or sentence giving a time with its day), so it cannot start an \
                     incident and nothing was imported; start the incident at the time it began, then read the \
                     post-mortem into it with `debrief import-postmortem --shared {path} --incident ID`"
                ),
            ));
        }
        // One Debrief published is this incident's own file: publishing it from here updates that
        // file, merged with what others publish after the version read now.
        let published_here = parsed.facts.id.is_some() && into.is_none();
        let report = self.import_postmortem(parsed, into)?;
        if published_here {
            self.with_store(|store| store.record_publication(&report.incident, &path, &branch, &commit))?;
        }
        let open = self.incident(&report.incident)?.resolved_at.is_none();
        Ok(ReadBack::imported(report, path, open))
    }

    pub fn update_incident(&self, incident: &str, update: IncidentUpdate) -> Result<Incident> {
        self.with_store(|store| store.update_incident(incident, update))
    }

    /// Corrects when the incident began, typed as a key time is (`14:05`, `-20m`, `2025-11-24
    /// 04:11`, `2025-11-24T04:11:00Z`): refused after a key time already marked; the earlier start
    /// stays in its history.
    pub fn set_start_typed(&self, incident: &str, at: &str) -> Result<Incident> {
        let started_at = parse_time(at, &chrono::Local::now())?;
        self.update_incident(incident, IncidentUpdate { started_at: Some(started_at), ..Default::default() })
    }

    /// The facts form of the draft view, saved in one go.
    pub fn set_facts(&self, incident: &str, facts: IncidentFacts) -> Result<Incident> {
        self.with_store(|store| store.set_facts(incident, facts))
    }

    /// Adds an action item on `today`; one without a due date gets the team's policy's date for the
    /// incident's severity.
    pub fn add_action_item(
        &self,
        incident: &str,
        mut item: NewActionItem,
        today: NaiveDate,
    ) -> Result<AddedActionItem> {
        let mut due_by_policy = None;
        let mut policy_problem = None;
        if item.due.is_none() {
            let rules = self.team_rules()?;
            let severity = self.with_store(|store| store.incident(incident))?.severity;
            let due = rules.policy.due_for(severity, today);
            item.due = Some(due.due);
            due_by_policy = Some(due);
            policy_problem = rules.policy_problem.clone();
        }
        let item = self.with_store(|store| store.add_action_item(incident, item))?;
        Ok(AddedActionItem { item, due_by_policy, policy_problem })
    }

    pub fn update_action_item(&self, incident: &str, number: i64, change: ActionChange) -> Result<ActionItem> {
        self.with_store(|store| store.update_action_item(incident, number, change))
    }

    /// The action items of one incident, or of all of them.
    pub fn action_items(&self, incident: Option<&str>) -> Result<Vec<ActionItem>> {
        self.with_store(|store| store.action_items(incident))
    }
}
