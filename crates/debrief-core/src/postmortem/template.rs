//! Post-mortem templates: the sections a team asks for, each with a prompt for
//! the author, some required. Debrief's default is `assets/template.md`; a team
//! replaces it with `.debrief/template.md` in its shared repository.
//!
//! A team's template is usually the one it wrote before Debrief: its own front matter,
//! a title, sections under `#` or `##` headings, example rows in its timeline and action
//! item tables, and none of Debrief's region markers. Such a template is read as a writer
//! would fill it: its front matter and title give way to Debrief's, its sections sit at
//! `## `, and the captured timeline, action items, participants and links go under the
//! headings that name them, in place of the example tables and lists there.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::regions::Region;

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
    /// The front matter keys a new draft starts with: the template's own that are not Debrief's
    /// (a site's `layout:`), as written.
    pub front_matter: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSection {
    pub heading: String,
    pub prompt: Option<String>,
    pub required: bool,
    /// The words the template writes in the section for a reader to see ("Include a short
    /// sentence on what happened."), spaced as [`reader_words`] spaces them; empty for a section
    /// that only asks in comments, as Debrief's template does.
    template_words: String,
}

/// How a draft's section stands against its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionState {
    Filled,
    Empty,
    /// It holds nothing but the words the template wrote there: its guidance or examples.
    AsTemplate,
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

    /// Any Markdown is a template: its `## ` headings are the sections. One saved with CRLF (a
    /// teammate's editor on Windows) is read with LF, as the draft and the published file are kept.
    pub fn parse(text: &str) -> Template {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lf;
        let text = if text.contains("\r\n") {
            lf = text.replace("\r\n", "\n");
            lf.as_str()
        } else {
            text
        };
        let without_notes = match text.trim_start().strip_prefix(NOTES_START) {
            Some(notes) => notes.split_once("-->").map(|(_, rest)| rest.trim_start_matches(['\r', '\n'])).unwrap_or(""),
            None => text,
        };
        let shaped =
            with_regions_placed(&with_sections_at_level_two(super::parse::body_after_front_matter(without_notes)));
        let sections = sections(&shaped)
            .into_iter()
            .map(|section| TemplateSection {
                prompt: section.prompt(),
                required: section.text.contains(REQUIRED_MARKER),
                template_words: reader_words(section.text),
                heading: section.heading,
            })
            .collect();
        let body: String = shaped
            .trim_start_matches(['\n', '\r'])
            .split_inclusive('\n')
            .filter(|line| line.trim() != REQUIRED_MARKER)
            .collect();
        let front_matter = match super::parse::front_matter_of(without_notes) {
            Some(yaml) => super::front_matter::site_keys(yaml),
            None => super::parse::toml_front_matter_of(without_notes)
                .map(super::front_matter::site_keys_of_toml)
                .unwrap_or_default(),
        };
        Template { body, sections, front_matter }
    }

    /// This template with each section required where `team`'s section of the same heading is:
    /// a draft's own template, kept as its body (without the required markers), read with the
    /// team's rules.
    pub fn requiring_as(mut self, team: &Template) -> Template {
        for section in &mut self.sections {
            section.required = team.sections.iter().any(|theirs| theirs.required && theirs.heading == section.heading);
        }
        self
    }

    /// Each template section and how the draft `body` (rendered, with regions filled) stands on it.
    pub fn check<'a>(&'a self, body: &str) -> Vec<(&'a TemplateSection, SectionState)> {
        let written = sections(body);
        self.sections
            .iter()
            .map(|wanted| {
                let state = match written.iter().find(|section| same_heading(&section.heading, &wanted.heading)) {
                    None => SectionState::Missing,
                    Some(section) if !section.has_content => SectionState::Empty,
                    Some(section)
                        if !wanted.template_words.is_empty() && reader_words(section.text) == wanted.template_words =>
                    {
                        SectionState::AsTemplate
                    }
                    Some(_) => SectionState::Filled,
                };
                (wanted, state)
            })
            .collect()
    }
}

/// A heading of a Markdown document: its level, its source (through its line's end) and its text.
struct Heading {
    level: HeadingLevel,
    source: Range<usize>,
    text: String,
}

fn headings(markdown: &str) -> Vec<Heading> {
    let mut found: Vec<Heading> = Vec::new();
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = line_end(markdown, range.end);
                open = Some(Heading { level, source: range.start..end, text: String::new() });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = open.as_mut() {
                    heading.text.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// Where the line holding `offset` ends, after its line break.
fn line_end(markdown: &str, offset: usize) -> usize {
    let offset = offset.min(markdown.len());
    if offset > 0 && markdown.as_bytes()[offset - 1] == b'\n' {
        return offset;
    }
    markdown[offset..].find('\n').map_or(markdown.len(), |newline| offset + newline + 1)
}

/// Words of a heading that name a post-mortem's section rather than its title.
fn names_a_section(heading: &str) -> bool {
    let heading = heading.to_lowercase();
    [
        "summary",
        "impact",
        "timeline",
        "chronology",
        "cause",
        "factor",
        "detection",
        "response",
        "recovery",
        "resolution",
        "mitigation",
        "lesson",
        "learn",
        "action",
        "follow",
        "went",
        "participant",
        "support",
        "reference",
        "background",
        "overview",
        "description",
        "what happened",
        "trigger",
        "appendix",
        "next step",
    ]
    .iter()
    .any(|word| heading.contains(word))
}

/// `markdown` with its sections under `## ` headings and without a title: the draft writes its
/// own `# Title`. A template whose sections are `# ` headings has them made `## `, all but a first
/// that names no section ("# Post-mortem: [Title]"); in one with `## ` sections, `# ` headings are titles.
fn with_sections_at_level_two(markdown: &str) -> String {
    let headings = headings(markdown);
    let sections_at_two = headings.iter().any(|heading| heading.level == HeadingLevel::H2);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut sections_at_one = false;
    for (index, heading) in headings.iter().filter(|heading| heading.level == HeadingLevel::H1).enumerate() {
        let is_title = sections_at_two || (index == 0 && !names_a_section(&heading.text));
        sections_at_one |= !is_title;
        let source = &markdown[heading.source.clone()];
        let replacement = if is_title {
            // The blank lines after a title go with it when blank lines stand before it too.
            let before = &markdown[..heading.source.start];
            let mut end = heading.source.end;
            if before.trim().is_empty() || before.ends_with("\n\n") {
                end += markdown[end..].len() - markdown[end..].trim_start_matches(['\n', '\r']).len();
            }
            edits.push((heading.source.start..end, String::new()));
            continue;
        } else if source.trim_start().starts_with('#') {
            // An ATX heading: one more `#` after its indent, the rest as written.
            let indent = source.len() - source.trim_start().len();
            format!("{}#{}", &source[..indent], &source[indent..])
        } else {
            // A setext heading (its text underlined with `=`): written as an ATX one.
            format!("## {}\n", heading.text.trim())
        };
        edits.push((heading.source.clone(), replacement));
    }
    // Sections all deeper than `##` once the title is gone (Azure's `###` under `# Title`) are
    // raised, the shallowest to `##` and the ones under them with them.
    let deeper = |heading: &&Heading| heading.level > HeadingLevel::H2;
    if let Some(shallowest) = headings.iter().filter(deeper).map(|heading| heading.level as usize).min()
        && !sections_at_two
        && !sections_at_one
    {
        for heading in headings.iter().filter(deeper) {
            let source = &markdown[heading.source.clone()];
            let indent = source.len() - source.trim_start().len();
            if source[indent..].starts_with('#') {
                let start = heading.source.start + indent;
                edits.push((start..start + shallowest - 2, String::new()));
            }
        }
    }
    edited(markdown, edits)
}

/// `markdown` with each range replaced; the ranges do not overlap.
fn edited(markdown: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut text = markdown.to_string();
    for (range, replacement) in edits {
        text.replace_range(range, &replacement);
    }
    text
}

/// Which of Debrief's regions a template section's heading asks for; the key times go with the timeline.
fn region_named(heading: &str) -> Option<Region> {
    let lower = heading.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    if says(&["timeline", "chronology", "sequence of events"]) {
        Some(Region::Timeline)
    } else if super::written_actions::names_action_items(heading) {
        Some(Region::ActionItems)
    } else if says(&["participants", "attendees", "people involved", "who was involved", "responders"]) {
        Some(Region::Participants)
    } else if says(&["supporting information", "references", "links", "related"]) {
        Some(Region::Links)
    } else {
        None
    }
}

/// `markdown` with Debrief's regions under the headings that name them, when it has none of
/// Debrief's markers: a team's template written before Debrief. In each such section the
/// example tables and lists (rows to fill in, "- [HH:MM] - Event") give way to the region, which
/// Debrief fills from the incident; its other words stay. The timeline and the action items get
/// sections of their own at the end when no heading names them; the participants and links,
/// which the front matter lists too, are left out, as the team's template leaves them out.
fn with_regions_placed(markdown: &str) -> String {
    if markdown.lines().any(|line| Region::starting(line).is_some()) {
        return markdown.to_string();
    }
    let sections = sections(markdown);
    // A heading saying "action" wins over another naming follow-ups ("Lessons & follow-ups").
    let mut chosen: Vec<(Region, usize)> = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        let Some(region) = region_named(&section.heading) else { continue };
        match chosen.iter_mut().find(|(chosen_region, _)| *chosen_region == region) {
            None => chosen.push((region, index)),
            Some((_, earlier)) => {
                let says_action = |index: usize| sections[index].heading.to_lowercase().contains("action");
                if region == Region::ActionItems && says_action(index) && !says_action(*earlier) {
                    *earlier = index;
                }
            }
        }
    }
    let mut edits = Vec::new();
    for &(region, index) in &chosen {
        let markers = match region {
            Region::Timeline => format!("{}\n\n{}\n", Region::KeyTimes.start_marker(), region.start_marker()),
            _ => format!("{}\n", region.start_marker()),
        };
        let section = &sections[index];
        let examples = example_blocks(markdown, section.span.clone());
        match examples.split_first() {
            Some((first, rest)) => {
                // A list right under a line ("Some important times to include:") touches it; the
                // region stands apart, as kramdown needs.
                let before = &markdown[..first.start];
                let gap = if before.is_empty() || before.ends_with("\n\n") { "" } else { "\n" };
                edits.push((first.clone(), format!("{gap}{markers}")));
                edits.extend(rest.iter().map(|block| (block.clone(), String::new())));
            }
            None => {
                let at = section.own_end;
                let before = &markdown[..at];
                let gap = if before.ends_with("\n\n") || before.is_empty() {
                    ""
                } else if before.ends_with('\n') {
                    "\n"
                } else {
                    "\n\n"
                };
                let after = if at < markdown.len() { "\n" } else { "" };
                edits.push((at..at, format!("{gap}{markers}{after}")));
            }
        }
    }
    // The timeline and the action items are what the incident leaves behind: a template with no
    // place for them gets sections of Debrief's at its end rather than losing them.
    let mut missing = String::new();
    for (region, heading) in [(Region::Timeline, "Timeline"), (Region::ActionItems, "Action items")] {
        if !chosen.iter().any(|(found, _)| *found == region) {
            let markers = match region {
                Region::Timeline => format!("{}\n\n{}", Region::KeyTimes.start_marker(), region.start_marker()),
                _ => region.start_marker(),
            };
            missing.push_str(&format!("\n## {heading}\n\n{markers}\n"));
        }
    }
    let mut shaped = edited(markdown, edits);
    if !missing.is_empty() {
        let gap = if shaped.trim().is_empty() || shaped.ends_with("\n\n") {
            ""
        } else if shaped.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        shaped.push_str(gap);
        shaped.push_str(missing.trim_start_matches('\n'));
    }
    shaped
}

/// The tables and lists a section holds before any subsection: a template's examples.
fn example_blocks(markdown: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut inside_until = span.start;
    for (event, range) in Parser::new_ext(&markdown[span.clone()], Options::ENABLE_TABLES).into_offset_iter() {
        let range = span.start + range.start..span.start + range.end;
        if range.start < inside_until {
            continue;
        }
        match event {
            Event::Start(Tag::Heading { .. }) => break,
            Event::Start(Tag::Table(_) | Tag::List(_)) => {
                inside_until = range.end;
                // Through its last line: the blank lines after a list stay between the blocks.
                let written = markdown[range.clone()].trim_end();
                blocks.push(range.start..line_end(markdown, range.start + written.len()));
            }
            _ => {}
        }
    }
    blocks
}

/// A section's text as a reader sees it, for comparing: without HTML comments (prompts and
/// Debrief's markers), its words single-spaced.
fn reader_words(text: &str) -> String {
    let mut visible = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        visible.push_str(&rest[..start]);
        rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
    }
    visible.push_str(rest);
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_heading(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A `## ` section of a Markdown document.
struct Section<'a> {
    heading: String,
    text: &'a str,
    /// Where `text` is in the document.
    span: Range<usize>,
    /// Where the section's own text ends: at its first subsection, else at its end.
    own_end: usize,
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
    // Where the other headings start: a section's own text ends at its first subsection.
    let mut subheadings: Vec<usize> = Vec::new();
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                heading = Some((String::new(), range.end));
            }
            Event::Start(Tag::Heading { .. }) => subheadings.push(range.start),
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
            let start = start.min(end);
            let own_end = subheadings.iter().copied().find(|at| (start..end).contains(at)).unwrap_or(end);
            Section { heading, text: &markdown[start..end], span: start..end, own_end, has_content }
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
    fn a_teams_own_template_gets_the_captured_parts_under_the_headings_that_name_them() {
        let template = Template::parse(
            "# 📄 Postmortem template\n\n## 🚨 Summary\n\n*One-liner description.*\n\n## 📈 Timeline\n\n\
             | Time (UTC) | Action |\n|----|----|\n| 10:01 | Alert fired |\n\n## ✅ Action Items\n\n\
             | Owner | Task | Due |\n|----|----|----|\n| @alex | Add test for edge case | June 28 |\n\n\
             ## 🙏 Lessons & Follow-ups\n\n* Better rollback docs needed\n",
        );
        assert_eq!(
            template.body,
            "## 🚨 Summary\n\n*One-liner description.*\n\n## 📈 Timeline\n\n<!-- debrief:key-times -->\n\n\
             <!-- debrief:timeline -->\n\n## ✅ Action Items\n\n<!-- debrief:action-items -->\n\n\
             ## 🙏 Lessons & Follow-ups\n\n* Better rollback docs needed\n"
        );
        let headings: Vec<&str> = template.sections.iter().map(|section| section.heading.as_str()).collect();
        assert_eq!(headings, ["🚨 Summary", "📈 Timeline", "✅ Action Items", "🙏 Lessons & Follow-ups"]);
    }

    #[test]
    fn a_template_s_front_matter_title_and_level_one_sections_give_way_to_the_draft_s() {
        // Its own front matter, a setext title, setext sections, a list of example lines.
        let template = Template::parse(
            "---\ntype: postmortem\nseverity: # SEV1 | SEV2\n---\n\nPostmortem Template\n===================\n\n\
             Summary\n-------\nOne paragraph.\n\nTimeline\n--------\n- [HH:MM] - Event\n- [HH:MM] - Detection\n\n\
             Corrective Actions\n------------------\n- Short-term (rollback, patch)\n\nReferences\n----------\n\
             Links to logs.\n",
        );
        assert_eq!(
            template.body,
            "Summary\n-------\nOne paragraph.\n\nTimeline\n--------\n\n<!-- debrief:key-times -->\n\n\
             <!-- debrief:timeline -->\n\nCorrective Actions\n------------------\n\n<!-- debrief:action-items -->\n\n\
             References\n----------\nLinks to logs.\n\n<!-- debrief:links -->\n"
        );
        // Its site's own key stays for the drafts; the severity is Debrief's to write.
        assert_eq!(template.front_matter, "type: postmortem\n");
        let jekyll = Template::parse(
            "---\nlayout: postmortem\n# The site lists these under Incidents.\ncategories: [incidents]\n\
             title: \"[Incident title]\"\ndate: YYYY-MM-DD\nstart_time: HH:MM\ntags: []\n---\n\n## Summary\n",
        );
        assert_eq!(
            jekyll.front_matter,
            "layout: postmortem\n# The site lists these under Incidents.\ncategories: [incidents]\n"
        );
        assert_eq!(
            super::super::front_matter::with_keys_added("layout: default\nimported: yes\n", &jekyll.front_matter),
            "layout: default\nimported: yes\n# The site lists these under Incidents.\ncategories: [incidents]\n",
            "keys a draft has are kept as they are"
        );
        // A Hugo template's TOML front matter: its site's keys, as YAML.
        let hugo = Template::parse(
            "+++\ntitle = \"[Incident title]\"\ntype = \"postmortem\"\nweight = 10\ntags = [\"incident\"]\n\
             categories = [\"ops\", \"on call\"]\ndraft = false\n+++\n\n## Summary\n",
        );
        assert_eq!(
            hugo.front_matter,
            "categories: [\"ops\",\"on call\"]\ndraft: false\ntype: \"postmortem\"\nweight: 10\n"
        );
        assert_eq!(
            hugo.body,
            "## Summary\n\n## Timeline\n\n<!-- debrief:key-times -->\n\n<!-- debrief:timeline -->\n\n## Action items\n\n\
             <!-- debrief:action-items -->\n"
        );
        // Sections under `#` headings, the first of them a title; a `#` line in code stays.
        let template = Template::parse(
            "# Incident report: [Title]\n\n# Summary\n\n```sh\n# restart the pods\n```\n\n# Timeline\n\n\
             All times UTC.\n\n# Action items\n\n- [ ] Task\n",
        );
        assert_eq!(
            template.body,
            "## Summary\n\n```sh\n# restart the pods\n```\n\n## Timeline\n\nAll times UTC.\n\n\
             <!-- debrief:key-times -->\n\n<!-- debrief:timeline -->\n\n## Action items\n\n<!-- debrief:action-items -->\n"
        );
        // PagerDuty's: a numbered list right under a line, "Responders", "Related records".
        let template = Template::parse(
            "## Responders\n* Who was the IC?\n\n## Timeline\nSome important times to include:\n\
             1. time the root cause began\n2. time of the page\n\n## Related records\n- Tickets\n",
        );
        assert_eq!(
            template.body,
            "## Responders\n\n<!-- debrief:participants -->\n\n## Timeline\nSome important times to include:\n\n\
             <!-- debrief:key-times -->\n\n<!-- debrief:timeline -->\n\n## Related records\n\n<!-- debrief:links -->\n\n\
             ## Action items\n\n<!-- debrief:action-items -->\n",
            "no heading for the action items: a section of Debrief's at the end"
        );
        // A template placing one of Debrief's markers places them all itself.
        let marked = "## Timeline\n<!-- debrief:timeline -->\n\n## Action items\n\n- [ ] Task\n";
        assert_eq!(Template::parse(marked).body, marked);
    }

    #[test]
    fn templates_with_sections_under_a_title_at_level_three_keep_them_as_sections() {
        // Azure's status history, as dastergon/postmortem-templates keeps it: a note, a title,
        // `###` sections, no timeline and "Next steps" for the action items.
        let template = Template::parse(
            "> Template from: [Microsoft Azure status history](https://status.azure.com/en-us/status/history/).\n\n\
             # Title (incident)\n\n### Date\n\n### Summary of impact\n\n### Root cause and mitigation\n\n\
             ### Next steps\n\n#### Short term\n",
        );
        assert_eq!(
            template.body,
            "> Template from: [Microsoft Azure status history](https://status.azure.com/en-us/status/history/).\n\n\
             ## Date\n\n## Summary of impact\n\n## Root cause and mitigation\n\n## Next steps\n\n\
             <!-- debrief:action-items -->\n\n### Short term\n\n## Timeline\n\n<!-- debrief:key-times -->\n\n\
             <!-- debrief:timeline -->\n"
        );
        let headings: Vec<&str> = template.sections.iter().map(|section| section.heading.as_str()).collect();
        assert_eq!(headings, ["Date", "Summary of impact", "Root cause and mitigation", "Next steps", "Timeline"]);
    }

    #[test]
    fn a_section_that_still_holds_only_the_template_s_words_is_told_from_one_written() {
        let template = Template::parse(
            "## Overview\nInclude a short sentence on what happened.\n\n## Impact\n<!-- How many? -->\n\n## Timeline\n\n\
             | Time | Event |\n|---|---|\n| HH:MM | Event |\n",
        );
        let states =
            |body: &str| -> Vec<SectionState> { template.check(body).into_iter().map(|(_, state)| state).collect() };
        assert_eq!(
            states(
                "## Overview\nInclude a short   sentence on\nwhat happened.\n\n## Impact\n<!-- How many? -->\n\n## Timeline\n\n| a |\n|---|\n| 1 |\n"
            ),
            [SectionState::AsTemplate, SectionState::Empty, SectionState::Filled, SectionState::Missing]
        );
        assert_eq!(
            states("## Overview\nInclude a short sentence on what happened. The queue filled.\n"),
            [SectionState::Filled, SectionState::Missing, SectionState::Missing, SectionState::Missing]
        );
    }

    #[test]
    fn a_drafts_own_template_is_read_with_the_teams_requirements() {
        let team = Template::parse("## Impact\n<!-- debrief:required -->\n\n## Notes\n<!-- debrief:timeline -->\n");
        let own = Template::parse("## Overview\n\n## Impact\n\n## Notes\n").requiring_as(&team);
        let required: Vec<(&str, bool)> =
            own.sections.iter().map(|section| (section.heading.as_str(), section.required)).collect();
        assert_eq!(required[..3], [("Overview", false), ("Impact", true), ("Notes", false)]);
    }

    /// A team's template saved with CRLF gave drafts whose lines ended two ways, its own lines
    /// with CRLF and Debrief's with LF.
    #[test]
    fn a_template_saved_with_crlf_is_read_as_the_same_template_with_lf() {
        let lf = "# Title\n\n**Severity:** SEV-1 / SEV-2\n\n## Impact\n<!-- How many? -->\n<!-- debrief:required -->\n\n\
                  ## Timeline\n";
        let crlf = Template::parse(&lf.replace('\n', "\r\n"));
        let lf = Template::parse(lf);
        assert_eq!(crlf.body, lf.body);
        assert!(!crlf.body.contains('\r'), "{:?}", crlf.body);
        assert!(crlf.sections.iter().any(|section| section.heading == "Impact" && section.required));
    }

    #[test]
    fn required_sections_and_their_state() {
        // (Its timeline marker keeps the template as it is written.)
        let template = Template::parse(
            "# Title\n## Impact\n<!-- How many? -->\n<!-- debrief:required -->\n\n## Notes\n<!-- debrief:timeline -->\n",
        );
        assert_eq!(template.body, "## Impact\n<!-- How many? -->\n\n## Notes\n<!-- debrief:timeline -->\n");
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
