//! One click: check the write-up, render it, commit it into the shared
//! repository, push, and remember where it went.

use std::path::Path;

use serde::Serialize;

use super::{Published, SharedRepo};
use crate::config::Config;
use crate::factors::{self, Themes};
use crate::lint::{self, Finding, Linter};
use crate::model::Incident;
use crate::policy::{POLICY_PATH, Policy};
use crate::postmortem::{
    Concern, ConcernLevel, Postmortem, Template, Warning, check, parse, placeholders_put_back, render,
};
use crate::secrets::{SecretFinding, scan};
use crate::{Result, Store};

/// A team's own template, in its shared repository.
pub const TEAM_TEMPLATE_PATH: &str = ".debrief/template.md";

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishOptions {
    /// To the review branch `debrief/<id>` instead of the main branch.
    pub review: bool,
    /// Wording findings block the publish instead of only being reported.
    pub strict: bool,
    /// Rules of the secret scan to skip on purpose (`private-key`, `github-token`, ...).
    pub allow_secrets: Vec<String>,
}

/// What the checks found. Secrets and empty required sections block; wording findings block
/// only a strict publish. Made by [`gate`] alone, for the publish, `debrief check` and the app.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Checks {
    pub secrets: Vec<SecretFinding>,
    pub required_sections: Vec<Concern>,
    pub wording: Vec<Finding>,
    pub strict: bool,
    /// What the write-up still holds of its template: placeholders left standing ("[Name]",
    /// "YYYY-MM-DD") and sections holding only the template's words. Reported, never blocking:
    /// a reader of the shared repository would see them as they are.
    pub unfinished: Vec<Concern>,
}

impl Checks {
    pub fn blocking(&self) -> bool {
        !self.secrets.is_empty()
            || !self.required_sections.is_empty()
            || (self.strict && self.wording.iter().any(|finding| finding.severity.fails()))
    }
}

/// What a team keeps in its shared repository to shape its post-mortems: the sections
/// (`.debrief/template.md`), the wording rules (`.debrief/lint.toml`), the follow-up policy
/// (`.debrief/policy.toml`) and the themes of contributing factors (`.debrief/factors.toml`);
/// Debrief's own otherwise.
pub struct TeamRules {
    pub template: Template,
    pub linter: Linter,
    pub policy: Policy,
    /// Why the team's policy file could not be used, when it could not: Debrief's defaults stand
    /// in, and whoever uses the policy says so (a broken policy must not stop anyone writing).
    pub policy_problem: Option<String>,
    pub factors: Themes,
    /// The team's wording rules or factor themes when their file cannot be used, each with why:
    /// Debrief's own stand in, and `check` and `publish` say so, since one teammate's typo in
    /// the shared repository must not stop everyone drafting and publishing.
    pub unusable: Vec<String>,
}

impl TeamRules {
    /// What `check` and `publish` say of each team file that could not be used.
    pub fn unusable_notes(&self) -> impl Iterator<Item = String> + '_ {
        self.unusable.iter().map(|problem| format!("{problem}; Debrief's own were used until the file is fixed"))
    }
}

impl SharedRepo {
    pub fn team_rules(&self) -> Result<TeamRules> {
        let template = self.file(TEAM_TEMPLATE_PATH).map(|text| Template::parse(&text)).unwrap_or_default();
        let mut unusable = Vec::new();
        let linter = match self.file(lint::CONFIG_PATH) {
            // The checker's error names the file and the problem.
            Some(text) => match lint::Config::from_toml(&text, Path::new(lint::CONFIG_PATH)).and_then(Linter::new) {
                Ok(linter) => linter,
                Err(error) => {
                    unusable.push(format!("the team's wording rules cannot be used: {error}"));
                    Linter::default()
                }
            },
            None => Linter::default(),
        };
        let (policy, policy_problem) =
            match self.file(POLICY_PATH).map(|text| Policy::from_toml(&text, Path::new(POLICY_PATH))) {
                Some(Ok(policy)) => (policy, None),
                Some(Err(problem)) => (Policy::default(), Some(problem.to_string())),
                None => (Policy::default(), None),
            };
        let factors = match self.file(factors::THEMES_PATH).map(|text| Themes::from_toml(&text, factors::THEMES_PATH)) {
            Some(Ok(themes)) => themes,
            Some(Err(error)) => {
                unusable.push(format!("the team's contributing-factor themes cannot be used: {error}"));
                Themes::default()
            }
            None => Themes::default(),
        };
        Ok(TeamRules { template, linter, policy, policy_problem, factors, unusable })
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PublishReport {
    pub incident: String,
    pub checks: Checks,
    /// `None` when the checks blocked the publish.
    pub published: Option<Published>,
    /// Things kept that deserve attention, e.g. others' edits merged back into the draft.
    pub warnings: Vec<String>,
}

pub fn publish_incident(
    store: &mut Store,
    data_dir: &Path,
    config: &Config,
    incident: &str,
    options: &PublishOptions,
) -> Result<PublishReport> {
    let mut repo = SharedRepo::open(data_dir, &config.shared_repository)?;
    let offline = repo.fetch()?.err();
    let rules = repo.team_rules()?;
    let postmortem = store.postmortem(incident, &rules.template)?;
    let markdown = render(&postmortem);
    let checks = gate(&postmortem, &rules.template, &rules.linter, options);
    if checks.blocking() {
        return Ok(PublishReport { incident: incident.to_string(), checks, published: None, warnings: Vec::new() });
    }
    let publication = store.publication(incident)?;
    let path = match &publication {
        Some(publication) => publication.path.clone(),
        None => free_path(&repo, incident, &path_for(&postmortem.incident), &markdown),
    };
    // Only a first publish from this laptop can meet a version it never took in.
    let as_first_drafted = publication.is_none().then(|| render(&as_first_drafted(&postmortem, &rules.template)));
    let request = super::PublishRequest {
        incident,
        title: &postmortem.incident.title,
        path: &path,
        markdown: &markdown,
        review: options.review,
        identity: &config.identity,
        synced: publication.as_ref().map(|publication| publication.commit.as_str()),
        as_first_drafted: as_first_drafted.as_deref(),
    };
    let published = repo.publish(&request, offline)?;
    store.record_publication(incident, &published.path, &published.branch, &published.commit)?;
    let mut warnings: Vec<String> = rules.unusable_notes().collect();
    if published.path != path {
        warnings
            .push(format!("{path} was moved to {} in the shared repository; it is published there", published.path));
    }
    if let Some(merged) = &published.merged {
        // Others' edits on the remote were merged in: keep them in the draft too.
        let merged = placeholders_put_back(&postmortem, merged);
        match parse(&merged).and_then(|parsed| store.import_postmortem(parsed, Some(incident))) {
            Ok(report) => {
                warnings
                    .push("changes others made to the published file were merged, and are now in your draft".into());
                warnings.extend(
                    report.warnings.into_iter().map(|Warning { line, message }| format!("line {line}: {message}")),
                );
            }
            Err(error) => warnings.push(format!(
                "changes others made to the published file were merged on the remote, but could not be read back \
                 into your draft ({error}); your draft is unchanged"
            )),
        }
    }
    Ok(PublishReport { incident: incident.to_string(), checks, published: Some(published), warnings })
}

/// What publishing would check now, against the team's rules as this laptop last saw them:
/// shown before the author commits to a publish.
pub fn publish_checks(
    store: &mut Store,
    data_dir: &Path,
    config: &Config,
    incident: &str,
    options: &PublishOptions,
) -> Result<Checks> {
    let rules = team_rules(data_dir, config)?;
    let postmortem = store.postmortem(incident, &rules.template)?;
    Ok(gate(&postmortem, &rules.template, &rules.linter, options))
}

/// What publishing refuses, and what it only reports, for the post-mortem as it would be
/// committed. The one place that decides: the publish runs it, and so do `debrief check` and
/// the app's publish panel, so neither can say "nothing needs attention" where a publish stops.
pub fn gate(postmortem: &Postmortem, template: &Template, linter: &Linter, options: &PublishOptions) -> Checks {
    let markdown = render(postmortem);
    let concerns = check(postmortem, template, linter);
    let of_kind = |kinds: &[&str], level: ConcernLevel| -> Vec<Concern> {
        let wanted = |concern: &&Concern| concern.level == level && kinds.contains(&concern.kind);
        concerns.iter().filter(wanted).cloned().collect()
    };
    Checks {
        secrets: scan(&markdown, &options.allow_secrets),
        required_sections: of_kind(&["required-section"], ConcernLevel::Attention),
        wording: linter.check(&markdown),
        strict: options.strict,
        unfinished: of_kind(&["placeholders", "template-words"], ConcernLevel::Note),
    }
}

/// `incidents/YYYY/YYYY-MM-DD-slug.md`. Ids are already safe file names (lowercase letters, digits,
/// dashes); one without a leading date gets the start date.
/// The post-mortem as it began, what every responder's version grew from: the incident's name
/// and start, the template's sections unwritten, nothing else. Each fact, line, item and
/// section a version has beyond it is that version's own, so two versions merged from it keep
/// what either added alone and meet as a conflict (for review) where both said different things.
fn as_first_drafted(postmortem: &Postmortem, template: &Template) -> Postmortem {
    let begun = &postmortem.incident;
    let incident = Incident {
        id: begun.id.clone(),
        title: begun.title.clone(),
        // Every incident begins unscheduled; one a responder marked otherwise says so in its own version.
        kind: Default::default(),
        started_at: begun.started_at,
        severity: None,
        status: crate::model::Status::Open,
        written_up: false,
        commander: None,
        participants: Vec::new(),
        detected_at: None,
        mitigated_at: None,
        resolved_at: None,
        owner: None,
        postmortem_status: Default::default(),
        services: Vec::new(),
        tags: Vec::new(),
        tickets: Vec::new(),
        chat_logs: Vec::new(),
        forum_links: Vec::new(),
    };
    let draft =
        crate::postmortem::Draft { body: template.body.clone(), extra_front_matter: template.front_matter.clone() };
    Postmortem { incident, timeline: Vec::new(), contributing_factors: Vec::new(), action_items: Vec::new(), draft }
}

/// Where an incident's first publish writes: `wanted`, unless the shared repository already
/// holds another incident's post-mortem there (one written by hand under the same date and
/// title, or another team's), which a publish never overwrites; then the first of `-2`, `-3`...
/// beside it that is free or already this incident's. The same answer every time, and the
/// path is remembered once published.
fn free_path(repo: &SharedRepo, incident: &str, wanted: &str, markdown: &str) -> String {
    // The file this post-mortem was read from, whose place it takes once published.
    let replaces = crate::postmortem::indexed::read(wanted, markdown.as_bytes()).0.and_then(|read| read.replaces);
    let stem = wanted.strip_suffix(".md").unwrap_or(wanted);
    let ours_or_free = |candidate: &str| match repo.file_bytes(candidate) {
        None => true,
        Some(bytes) => {
            replaces.as_deref() == Some(candidate)
                || std::str::from_utf8(&bytes)
                    .is_ok_and(|text| parse(text).is_ok_and(|there| there.facts.id.as_deref() == Some(incident)))
        }
    };
    if ours_or_free(wanted) {
        return wanted.to_string();
    }
    (2..).map(|number| format!("{stem}-{number}.md")).find(|candidate| ours_or_free(candidate)).unwrap_or_default()
}

pub fn path_for(incident: &Incident) -> String {
    let id = &incident.id;
    let dated = id.len() > 11
        && id.as_bytes()[..10]
            .iter()
            .enumerate()
            .all(|(index, byte)| if index == 4 || index == 7 { *byte == b'-' } else { byte.is_ascii_digit() })
        && id.as_bytes()[10] == b'-';
    let name = if dated { id.clone() } else { format!("{}-{id}", incident.started_at.format("%Y-%m-%d")) };
    format!("incidents/{}/{name}.md", &name[..4])
}

/// The team's template and wording rules, from the shared repository as this laptop last saw it
/// (without waiting for a publish another process is making).
pub fn team_rules(data_dir: &Path, config: &Config) -> Result<TeamRules> {
    SharedRepo::open_for_reading(data_dir, &config.shared_repository)?.0.team_rules()
}
