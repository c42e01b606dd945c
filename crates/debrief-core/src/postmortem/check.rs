//! What still needs doing before a post-mortem is finished: wording that blames
//! or argues with hindsight, times, durations and citations the timeline does not
//! hold, required sections, complete action items, recorded key times, contributing
//! factors with the team's themes. Shells show these; publishing refuses while anything
//! blocks it.

use serde::Serialize;

use super::Postmortem;
use super::claims;
use super::placeholders;
use super::render::{render, render_body};
use super::template::{SectionState, Template};
use crate::factors::Themes;
use crate::lint::Linter;
use crate::model::{ActionStatus, KeyTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ConcernLevel {
    /// Must be dealt with: `debrief check` exits 1.
    Attention,
    /// Worth knowing, not blocking.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Concern {
    pub level: ConcernLevel,
    /// `wording`, `claim`, `required-section`, `empty-sections`, `template-words`, `placeholders`,
    /// `action-item`, `no-action-items`, `key-time`, `contributing-factor`, `no-contributing-factors`
    /// or `team-rules` (a team file in the shared repository that cannot be used).
    pub kind: &'static str,
    pub message: String,
}

pub fn check(postmortem: &Postmortem, template: &Template, linter: &Linter) -> Vec<Concern> {
    let mut concerns = Vec::new();
    let attention = |kind, message| Concern { level: ConcernLevel::Attention, kind, message };
    let note = |kind, message| Concern { level: ConcernLevel::Note, kind, message };
    let document = render(postmortem);
    for finding in linter.check(&document) {
        let suggestion =
            finding.suggestion.as_ref().map(|suggestion| format!(" Try: {suggestion}")).unwrap_or_default();
        let message =
            format!("line {}: \u{201c}{}\u{201d}: {}{suggestion}", finding.line, finding.phrase, finding.message);
        concerns.push(if finding.severity.fails() { attention("wording", message) } else { note("wording", message) });
    }
    for mismatch in claims::mismatches(postmortem, &document) {
        concerns.push(attention(
            "claim",
            format!("line {}: \u{201c}{}\u{201d} {}", mismatch.line, mismatch.claim.trim(), mismatch.message),
        ));
    }
    let mut empty = Vec::new();
    let mut as_template = Vec::new();
    for (section, state) in template.check(&render_body(postmortem)) {
        match (state, section.required) {
            (SectionState::Filled, _) => {}
            (SectionState::Empty, true) => {
                concerns.push(attention(
                    "required-section",
                    format!("the section \"{}\" is required and empty", section.heading),
                ));
            }
            (SectionState::AsTemplate, true) => concerns.push(attention(
                "required-section",
                format!(
                    "the section \"{}\" is required and still holds only the template's words; write what happened there",
                    section.heading
                ),
            )),
            (SectionState::AsTemplate, false) => as_template.push(section.heading.as_str()),
            (SectionState::Missing, true) => concerns.push(attention(
                "required-section",
                format!("the section \"{}\" is required and missing", section.heading),
            )),
            // A section the draft does not have is not an empty one: the writer took it out, or
            // the draft was started from another template.
            (SectionState::Missing, false) => {}
            (SectionState::Empty, false) => empty.push(section.heading.as_str()),
        }
    }
    for item in &postmortem.action_items {
        match item.status {
            // What a closed item lacks no longer matters; why it will not be done does.
            ActionStatus::Open => {
                if let Some(missing) = item.missing() {
                    concerns.push(attention("action-item", format!("action item #{} needs {missing}", item.id)));
                }
            }
            ActionStatus::WontDo if item.reason.is_none() => concerns.push(attention(
                "action-item",
                format!("action item #{} is won't-do without a reason; say why it will not be done", item.id),
            )),
            ActionStatus::Done | ActionStatus::WontDo => {}
        }
    }
    if !empty.is_empty() {
        concerns.push(note("empty-sections", format!("sections still empty: {}", empty.join(", "))));
    }
    if !as_template.is_empty() {
        concerns.push(note(
            "template-words",
            format!("sections still holding only the template's words: {}", as_template.join(", ")),
        ));
    }
    let left = placeholders::left_to_fill(&document);
    if !left.is_empty() {
        let listed: Vec<String> =
            left.iter().map(|(line, text)| format!("line {line}: \u{201c}{text}\u{201d}")).collect();
        concerns
            .push(note("placeholders", format!("the template's placeholders still to fill: {}", listed.join("; "))));
    }
    if postmortem.action_items.is_empty() {
        concerns.push(note("no-action-items", "no action items yet".into()));
    }
    for key in KeyTime::ALL {
        if postmortem.incident.key_time(key).is_none() {
            concerns.push(note("key-time", format!("no {} time is marked on the timeline", key.as_str())));
        }
    }
    concerns
}

/// Notes on the contributing factors, measured against the team's `themes`: a theme the list
/// does not have (kept as written, and counted under its own name), a factor without a theme,
/// or no factors at all yet. Never blocking: the list is the team's to grow.
pub fn factor_concerns(postmortem: &Postmortem, themes: &Themes) -> Vec<Concern> {
    let note = |kind, message| Concern { level: ConcernLevel::Note, kind, message };
    if postmortem.contributing_factors.is_empty() {
        return vec![note("no-contributing-factors", "no contributing factors yet".into())];
    }
    let mut concerns = Vec::new();
    let listed = match &themes.origin {
        Some(origin) => format!("{origin}: {}", themes.listed()),
        None => format!("Debrief's defaults: {}", themes.listed()),
    };
    for factor in &postmortem.contributing_factors {
        match &factor.theme {
            None => concerns.push(note(
                "contributing-factor",
                format!(
                    "contributing factor #{} has no theme yet; the team's themes are {}",
                    factor.id,
                    themes.listed()
                ),
            )),
            Some(theme) if !themes.knows(theme) => concerns.push(note(
                "contributing-factor",
                format!(
                    "contributing factor #{} has the theme `{theme}`, which is not among the team's themes \
                     ({listed}); it is kept as written and counted under its own name",
                    factor.id
                ),
            )),
            Some(_) => {}
        }
    }
    concerns
}
