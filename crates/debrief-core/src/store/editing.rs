//! The draft as a person edits it in the app: the prose with its generated regions
//! filled, without the front matter and title, which the app shows as fields.
//!
//! Saving puts the current facts back around the edited prose and reads the whole
//! through the same path as a file edited with `debrief draft --edit`, so hand-edited
//! tables, timeline lines captured meanwhile and others' merged changes are treated
//! the same way whichever shell the author uses.

use serde::Serialize;

use super::Store;
use crate::Result;
use crate::model::{ActionItem, ContributingFactor, Incident};
use crate::postmortem::{Template, parse, placeholders_put_back, render_body, render_head};

/// What the draft view shows: the facts, the prose, the contributing factors, the action items.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EditableDraft {
    pub incident: Incident,
    /// The prose with every generated region (key times, timeline, action items...) filled.
    pub body: String,
    pub contributing_factors: Vec<ContributingFactor>,
    pub action_items: Vec<ActionItem>,
    /// What the last save kept but wants the author to know, with the body's line numbers.
    pub warnings: Vec<BodyWarning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BodyWarning {
    /// 1-based line in the body; 0 when the warning is about the facts, not a line.
    pub line: usize,
    pub message: String,
}

impl Store {
    /// The incident's draft as the app edits it; one that does not exist yet starts from
    /// `template` and is saved.
    pub fn open_draft(&mut self, incident: &str, template: &Template) -> Result<EditableDraft> {
        let postmortem = self.postmortem(incident, template)?;
        Ok(EditableDraft {
            body: render_body(&postmortem),
            contributing_factors: postmortem.contributing_factors,
            action_items: postmortem.action_items,
            incident: postmortem.incident,
            warnings: Vec::new(),
        })
    }

    /// Saves `body` as the draft's prose, and answers with the draft as it now is (regions
    /// refreshed with anything captured since it was opened).
    pub fn save_draft_body(&mut self, incident: &str, template: &Template, body: &str) -> Result<EditableDraft> {
        let shown = self.postmortem(incident, template)?;
        let head = render_head(&shown);
        let document = format!("{head}\n{}", placeholders_put_back(&shown, body));
        let head_lines = head.lines().count() + 1;
        let report = self.import_postmortem(parse(&document)?, Some(incident))?;
        let mut draft = self.open_draft(incident, template)?;
        draft.warnings = report
            .warnings
            .into_iter()
            .map(|warning| BodyWarning { line: warning.line.saturating_sub(head_lines), message: warning.message })
            .collect();
        Ok(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NewActionItem, NewEntry, NewIncident};

    fn store_with_incident() -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::TempDir::new().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let id =
            store.create_incident(NewIncident { title: "Checkout latency".into(), ..Default::default() }).unwrap().id;
        (dir, store, id)
    }

    #[test]
    fn the_body_is_the_prose_without_front_matter_or_title() {
        let (_dir, mut store, id) = store_with_incident();
        let draft = store.open_draft(&id, &Template::default()).unwrap();
        assert!(!draft.body.starts_with("---") && !draft.body.contains("# Checkout latency\n"), "{}", draft.body);
        assert!(draft.body.contains("## "), "the template's sections: {}", draft.body);
    }

    /// The app's editor shows a team template's "**Severity:** SEV-1 / SEV-2" answered; saved as
    /// shown, the line keeps following the incident's severity.
    #[test]
    fn an_answer_saved_as_it_was_shown_follows_the_facts() {
        let (_dir, mut store, id) = store_with_incident();
        let template = Template::parse("## Summary\n\n**Severity:** SEV-1 / SEV-2\n");
        let severity = |store: &mut Store, level| {
            let update = crate::IncidentUpdate { severity: Some(level), ..Default::default() };
            store.update_incident(&id, update).unwrap();
        };
        severity(&mut store, crate::Severity::Sev2);
        let opened = store.open_draft(&id, &template).unwrap();
        assert!(opened.body.contains("**Severity:** SEV-2\n"), "{}", opened.body);
        let edited = opened.body.replacen("## Summary\n", "## Summary\n\nThe pool ran dry.\n", 1);
        store.save_draft_body(&id, &template, &edited).unwrap();
        severity(&mut store, crate::Severity::Sev1);
        let reopened = store.open_draft(&id, &template).unwrap();
        assert!(reopened.body.contains("**Severity:** SEV-1\n") && reopened.body.contains("The pool ran dry."));
    }

    #[test]
    fn saved_prose_is_kept_and_regions_follow_the_timeline() {
        let (_dir, mut store, id) = store_with_incident();
        let template = Template::default();
        let opened = store.open_draft(&id, &template).unwrap();
        let edited = opened.body.replacen("## ", "We restarted the pool at 14:05.\n\n## ", 1);
        store.append(&id, NewEntry { text: "pool exhausted".into(), ..Default::default() }).unwrap();
        store.add_action_item(&id, NewActionItem { text: "Alert on pool use".into(), ..Default::default() }).unwrap();
        let saved = store.save_draft_body(&id, &template, &edited).unwrap();
        assert!(saved.body.contains("We restarted the pool at 14:05."), "{}", saved.body);
        assert!(saved.body.contains("pool exhausted"), "the timeline region is refreshed: {}", saved.body);
        assert_eq!(saved.action_items.len(), 1, "action items added meanwhile are kept");
        assert!(saved.warnings.is_empty(), "{:?}", saved.warnings);
        assert_eq!(store.open_draft(&id, &template).unwrap().body, saved.body);
    }

    #[test]
    fn a_table_edited_by_hand_is_kept_with_a_warning_on_its_body_line() {
        let (_dir, mut store, id) = store_with_incident();
        let template = Template::default();
        store.add_action_item(&id, NewActionItem { text: "Alert on pool use".into(), ..Default::default() }).unwrap();
        let opened = store.open_draft(&id, &template).unwrap();
        let edited = opened.body.replace("Alert on pool use", "Alert on pool use (edited)");
        let saved = store.save_draft_body(&id, &template, &edited).unwrap();
        assert_eq!(saved.warnings.len(), 1, "{:?}", saved.warnings);
        let warning = &saved.warnings[0];
        assert!(warning.message.contains("action items table"), "{warning:?}");
        let marker_line = saved.body.lines().position(|line| line.contains("(edited)")).unwrap() + 1;
        assert!(warning.line > 0 && warning.line <= marker_line, "{warning:?} vs line {marker_line}");
    }
}
