//! "Seen before": while a post-mortem is written, the past ones most like it and the action
//! items earlier incidents on the same services left open. The subject is an incident on this
//! laptop (its draft as it would be published) or a post-mortem already published.

use chrono::NaiveDate;

use super::Workspace;
use crate::index::{self, Ignored, IndexedDocument, SeenBefore};
use crate::postmortem::Template;
use crate::{Error, Result};

impl Workspace {
    /// The past post-mortems most like `id` (at most `limit`), why each matched, and the open
    /// action items of earlier incidents on its services. `id` is an incident on this laptop,
    /// else a published post-mortem's id or path.
    pub fn seen_before(&self, id: &str, limit: usize, today: NaiveDate) -> Result<SeenBefore> {
        let subject = self.subject(id)?;
        let ignored = self.template_words()?;
        self.with_index(|index| index.seen_before(&subject, &ignored, limit, today))
    }

    /// What is compared: the incident's draft as publishing would write it, else the published file.
    fn subject(&self, id: &str) -> Result<IndexedDocument> {
        match self.with_store(|store| store.incident(id)) {
            Ok(_) => {
                let markdown = self.draft(id, None)?;
                let (document, _) = index::read("", markdown.as_bytes());
                let mut document = document.ok_or_else(|| Error::invalid("draft", "it is not text".to_string()))?;
                document.id = id.to_string();
                Ok(document)
            }
            Err(Error::IncidentNotFound(_)) => {
                let path =
                    self.with_index(|index| index.find(id))?.ok_or_else(|| Error::IncidentNotFound(id.into()))?;
                index::read_indexed(&self.data_dir, &self.config()?, &path)
            }
            Err(error) => Err(error),
        }
    }

    /// The words of the template's headings and prompts, the team's and Debrief's: every draft
    /// has them, so they never make two incidents alike.
    fn template_words(&self) -> Result<Ignored> {
        let team = self.team_rules()?;
        let words = [&team.template, &Template::default()]
            .into_iter()
            .flat_map(|template| &template.sections)
            .flat_map(|section| std::iter::once(section.heading.clone()).chain(section.prompt.clone()))
            .collect();
        Ok(Ignored { words })
    }
}
