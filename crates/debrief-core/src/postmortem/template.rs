//! Post-mortem templates: the sections a team asks for, each with a prompt for
//! the author, some required. Debrief's default is `assets/template.md`; a team
//! replaces it with `.debrief/template.md` in its shared repository.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::{Error, Result};

const DEFAULT_TEMPLATE: &str = include_str!("../../../../assets/template.md");

/// The opening of a template's own notes, which are not copied into drafts.
const NOTES_START: &str = "<!-- debrief:template";
const REQUIRED_MARKER: &str = "<!-- debrief:required -->";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The body a new draft starts with: the sections, their prompts and region markers.
    pub body: String,
    pub sections: Vec<TemplateSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSection {
    pub heading: String,
    pub prompt: Option<String>,
    pub required: bool,
}

/// How a draft's section stands against its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionState {
    Filled,
    Empty,
    Missing,
}

impl Default for Template {
    fn default() -> Template {
        Template::parse(DEFAULT_TEMPLATE)
    }
}

impl Template {
    pub fn load(path: &Path) -> Result<Template> {
        let bytes = match crate::bounded::read_file_at_most(path, super::MAX_POSTMORTEM_BYTES) {
            Ok(crate::bounded::Bounded::Read(bytes)) => bytes,
            Ok(crate::bounded::Bounded::TooLarge) => {
                return Err(Error::invalid(
                    "template",
                    format!(
                        "{} is larger than {}, more than any template",
                        path.display(),
                        crate::bounded::size_words(super::MAX_POSTMORTEM_BYTES)
                    ),
                ));
            }
            Err(source) => {
                return Err(Error::invalid("template", format!("cannot read {}: {source}", path.display())));
            }
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::invalid("template", format!("{} is not UTF-8 text", path.display())))?;
        Ok(Template::parse(&text))
    }

    /// Any Markdown is a template: its `## ` headings are the sections.
    pub fn parse(text: &str) -> Template {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let without_notes = match text.trim_start().strip_prefix(NOTES_START) {
            Some(notes) => notes.split_once("-->").map(|(_, rest)| rest.trim_start_matches(['\r', '\n'])).unwrap_or(""),
            None => text,
        };
        let sections = sections(without_notes)
            .into_iter()
            .map(|section| TemplateSection {
                prompt: section.prompt(),
                required: section.text.contains(REQUIRED_MARKER),
                heading: section.heading,
            })
            .collect();
        let body: String = without_notes
            .split_inclusive('\n')
            .filter(|line| line.trim() != REQUIRED_MARKER && !is_title_heading(line))
            .collect();
        Template { body, sections }
    }

    /// Each template section and how the draft `body` (rendered, with regions filled) stands on it.
    pub fn check<'a>(&'a self, body: &str) -> Vec<(&'a TemplateSection, SectionState)> {
        let written = sections(body);
        self.sections
            .iter()
            .map(|wanted| {
                let state = match written.iter().find(|section| same_heading(&section.heading, &wanted.heading)) {
                    None => SectionState::Missing,
                    Some(section) if section.has_content => SectionState::Filled,
                    Some(_) => SectionState::Empty,
                };
                (wanted, state)
            })
            .collect()
    }
}

fn is_title_heading(line: &str) -> bool {
    line.starts_with("# ")
}

fn same_heading(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A `## ` section of a Markdown document.
struct Section<'a> {
    heading: String,
    text: &'a str,
    /// Whether anything a reader sees is written in it: text, code, a table, an image.
    has_content: bool,
}

impl Section<'_> {
    /// The first comment in the section that is not one of Debrief's markers.
    fn prompt(&self) -> Option<String> {
        let mut rest = self.text;
        while let Some(start) = rest.find("<!--") {
            let after = &rest[start + 4..];
            let end = after.find("-->")?;
            let comment = after[..end].trim();
            if !comment.starts_with("debrief:") && !comment.starts_with("/debrief:") && !comment.is_empty() {
                return Some(comment.to_string());
            }
            rest = &after[end + 3..];
        }
        None
    }
}

fn sections(markdown: &str) -> Vec<Section<'_>> {
    let mut found: Vec<(String, usize, bool)> = Vec::new();
    let mut heading: Option<(String, usize)> = None;
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                heading = Some((String::new(), range.end));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((text, end)) = heading.take() {
                    found.push((text, end.max(range.end), false));
                }
            }
            Event::Text(text) | Event::Code(text) if heading.is_some() => {
                if let Some((heading_text, _)) = heading.as_mut() {
                    heading_text.push_str(&text);
                }
            }
            Event::Text(text) | Event::Code(text) if !text.trim().is_empty() => {
                if let Some(last) = found.last_mut() {
                    last.2 = true;
                }
            }
            Event::Start(Tag::Image { .. }) | Event::Rule => {
                if let Some(last) = found.last_mut() {
                    last.2 = true;
                }
            }
            _ => {}
        }
    }
    let starts: Vec<usize> = found.iter().map(|(_, end, _)| *end).collect();
    found
        .into_iter()
        .enumerate()
        .map(|(index, (heading, start, has_content))| {
            let end = starts.get(index + 1).map(|next| heading_line_start(markdown, *next)).unwrap_or(markdown.len());
            Section { heading, text: &markdown[start.min(end)..end], has_content }
        })
        .collect()
}

/// The start of the line holding the heading that ends at `heading_end`.
fn heading_line_start(markdown: &str, heading_end: usize) -> usize {
    let before = &markdown[..heading_end.min(markdown.len())];
    let line_end = before.trim_end_matches(['\n', '\r']).len();
    before[..line_end].rfind('\n').map(|newline| newline + 1).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_has_the_blameless_sections_with_how_prompts() {
        let template = Template::default();
        let headings: Vec<&str> = template.sections.iter().map(|section| section.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Summary",
                "Impact",
                "Timeline",
                "Contributing factors",
                "Detection",
                "Response",
                "Recovery",
                "What went well",
                "What was hard",
                "Where we got lucky",
                "Action items",
                "Participants",
                "Supporting information"
            ]
        );
        for section in &template.sections {
            let prompt = section.prompt.as_deref().unwrap_or_default();
            assert!(prompt.starts_with("How "), "{}: {prompt}", section.heading);
            assert!(!prompt.to_lowercase().contains("why"), "{}: {prompt}", section.heading);
            assert!(!section.required, "the default template requires nothing");
        }
        assert!(!template.body.contains("debrief:template"), "the notes are not copied");
        assert!(template.body.starts_with("## Summary\n"));
    }

    #[test]
    fn required_sections_and_their_state() {
        let template =
            Template::parse("# Title\n## Impact\n<!-- How many? -->\n<!-- debrief:required -->\n\n## Notes\n");
        assert_eq!(template.body, "## Impact\n<!-- How many? -->\n\n## Notes\n");
        assert!(template.sections[0].required && !template.sections[1].required);
        assert_eq!(template.sections[0].prompt.as_deref(), Some("How many?"));
        let states =
            |body: &str| -> Vec<SectionState> { template.check(body).into_iter().map(|(_, state)| state).collect() };
        assert_eq!(states("## Impact\n<!-- How many? -->\n\n## Notes\n"), [SectionState::Empty, SectionState::Empty]);
        assert_eq!(states("## impact\n12 orders failed.\n## Notes\n"), [SectionState::Filled, SectionState::Empty]);
        assert_eq!(states("## Notes\nx\n"), [SectionState::Missing, SectionState::Filled]);
        assert_eq!(states("## Impact\n| a |\n|---|\n| 1 |\n"), [SectionState::Filled, SectionState::Missing]);
    }
}
