//! The parts of a post-mortem that say what kind of incident it was: what happened on its
//! timeline and what contributed to it. "Seen before" compares incidents by these (and
//! their titles and services) rather than by the whole text, which is mostly the same
//! template, the same key-time labels and the same people in every write-up.
//!
//! Debrief's own files hold the timeline as a generated table: only its "What happened"
//! column counts, never the times, the people or the kinds, and the generated key times,
//! action items, participants and links are left out. Files written by hand are read by
//! their headings ("Timeline", "Root cause", "Contributing factors", ...), and their
//! tables lose the same columns.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::regions::Region;

/// The telling text of one post-mortem, as plain text: blocks end with a line break.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub timeline: String,
    pub factors: String,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        self.timeline.trim().is_empty() && self.factors.trim().is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Part {
    Timeline,
    Factors,
    #[default]
    Other,
}

/// What a section is about, from its heading; `None` when the heading does not say.
pub(super) fn part_named(heading: &str) -> Option<Part> {
    let heading = heading.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|word| heading.contains(word));
    if says(&["timeline", "chronology", "sequence of events", "key events", "what happened"]) {
        Some(Part::Timeline)
    } else if says(&["contributing", "factor", "cause", "why"]) {
        Some(Part::Factors)
    } else {
        None
    }
}

/// Table columns that hold times, people and bookkeeping rather than what happened.
fn column_is_bookkeeping(header: &str) -> bool {
    let header = header.trim().to_lowercase();
    header.starts_with("time")
        || header.starts_with("date")
        || matches!(
            header.as_str(),
            "" | "#"
                | "who"
                | "when"
                | "owner"
                | "name"
                | "names"
                | "person"
                | "people"
                | "author"
                | "kind"
                | "type"
                | "status"
                | "due"
                | "ticket"
                | "role"
                | "severity"
        )
}

/// Reads a post-mortem's profile from the events of the parse that reads its text for the
/// index ([`read`](super::indexed::read)), so the file is parsed once. The events must come from
/// a parser with tables enabled.
#[derive(Default)]
pub struct ProfileReader {
    profile: Profile,
    /// The parts of the headings above the current text: a subsection without a telling heading
    /// belongs to the part of its parent ("### Why it failed" under "## Root cause analysis").
    headings: Vec<(HeadingLevel, Part)>,
    part: Part,
    /// Inside one of Debrief's generated regions: the timeline's text counts, the others' not.
    region: Option<Part>,
    heading: Option<(HeadingLevel, String)>,
    in_table: bool,
    in_head: bool,
    header_cells: Vec<String>,
    column: usize,
    cell_text: String,
}

impl ProfileReader {
    pub fn read(&mut self, event: &Event<'_>) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => self.marker(html),
            Event::Start(Tag::Heading { level, .. }) => self.heading = Some((*level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, text)) = self.heading.take() else { return };
                // The title (`# ...`) is not a section: what follows it belongs to no part yet.
                if level == HeadingLevel::H1 {
                    self.headings.clear();
                    self.part = Part::Other;
                    return;
                }
                self.headings.retain(|(above, _)| *above < level);
                let inherited = self.headings.last().map(|(_, part)| *part).unwrap_or(Part::Other);
                self.part = part_named(&text).unwrap_or(inherited);
                self.headings.push((level, self.part));
            }
            Event::Text(text) | Event::Code(text) => match self.heading.as_mut() {
                Some((_, heading)) => heading.push_str(text),
                None if self.in_table => self.cell_text.push_str(text),
                None => self.push(text),
            },
            Event::SoftBreak | Event::HardBreak if self.heading.is_none() => self.push(" "),
            Event::Start(Tag::Table(_)) => {
                self.in_table = true;
                self.header_cells.clear();
                self.column = 0;
            }
            Event::Start(Tag::TableHead) => self.in_head = true,
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                self.column = 0;
            }
            Event::Start(Tag::TableCell) => self.cell_text.clear(),
            Event::End(TagEnd::TableCell) => {
                let text = std::mem::take(&mut self.cell_text);
                if self.in_head {
                    self.header_cells.push(text);
                } else if !column_is_bookkeeping(self.header_cells.get(self.column).map(String::as_str).unwrap_or("")) {
                    self.push(&text);
                    self.push("\n");
                }
                self.column += 1;
            }
            Event::End(TagEnd::TableRow) => self.column = 0,
            Event::End(TagEnd::Table) => self.in_table = false,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                self.push("\n");
            }
            _ => {}
        }
    }

    pub fn finish(self) -> Profile {
        self.profile
    }

    /// Debrief's region markers (`<!-- debrief:timeline -->` ... `<!-- /debrief:timeline 0123 -->`).
    fn marker(&mut self, html: &str) {
        let html = html.trim();
        if html.starts_with("<!-- /debrief:") {
            self.region = None;
        } else if let Some(name) = html.strip_prefix("<!-- debrief:").and_then(|rest| rest.strip_suffix("-->")) {
            let timeline = name.trim() == Region::Timeline.name();
            self.region = Some(if timeline { Part::Timeline } else { Part::Other });
        }
    }

    fn push(&mut self, text: &str) {
        let target = match self.region.unwrap_or(self.part) {
            Part::Timeline => &mut self.profile.timeline,
            Part::Factors => &mut self.profile.factors,
            Part::Other => return,
        };
        if text == "\n" && (target.is_empty() || target.ends_with('\n')) {
            return;
        }
        target.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser};

    use super::*;

    fn profile(body: &str) -> Profile {
        let mut reader = ProfileReader::default();
        for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            reader.read(&event);
        }
        reader.finish()
    }

    #[test]
    fn debrief_files_give_what_happened_and_what_contributed() {
        let body = "# Checkout latency\n\n## Summary\nCheckout was slow.\n\n## Timeline\n<!-- How did it unfold? -->\n\
                    <!-- debrief:key-times -->\n\n- **Started:** 2026-11-23 14:00:00 +01:00\n\n\
                    <!-- /debrief:key-times 0000000000000000 -->\n\n<!-- debrief:timeline -->\n\n\
                    | Time | Who | Kind | What happened |\n|---|---|---|---|\n\
                    | 2026-11-23 14:05:00 +01:00 | alice | note | Pool exhausted on db-2 |\n\n\
                    <!-- /debrief:timeline 0000000000000000 -->\n\n\
                    ## Contributing factors\n<!-- How did conditions combine? -->\nA retry storm **doubled** the load.\n\n\
                    ## Participants\n<!-- debrief:participants -->\n\n| Name | Role |\n|---|---|\n| bob | commander |\n\n\
                    <!-- /debrief:participants 0000000000000000 -->\n";
        let profile = profile(body);
        assert_eq!(profile.timeline.trim(), "Pool exhausted on db-2");
        assert_eq!(profile.factors.trim(), "A retry storm doubled the load.");
        for absent in ["Started", "alice", "note", "How did", "bob", "Checkout was slow"] {
            assert!(!format!("{profile:?}").contains(absent), "{absent} in {profile:?}");
        }
    }

    #[test]
    fn hand_written_files_are_read_by_their_headings() {
        let body = "# PostHog Surveys SDK Bug\n\n## Summary\nSurveys broke.\n\n## Timeline\n\
                    - 10:00 deploy of the SDK\n\n## Root Cause Analysis\n### The Technical Problem\n\
                    A null check was missing.\n### Why It Wasn't Caught\nNo canary.\n\n## Impact\nMany users.\n\n\
                    ## Timeline (all times UTC)\n| Time | Event |\n|---|---|\n| 10:05 | rollback started |\n";
        let profile = profile(body);
        assert_eq!(profile.timeline, "10:00 deploy of the SDK\nrollback started\n");
        assert_eq!(profile.factors, "A null check was missing.\nNo canary.\n");
    }

    #[test]
    fn a_file_without_telling_headings_has_an_empty_profile() {
        assert!(profile("# Incident on 2020-02-18\n\n- **Context**: the ingress failed\n").is_empty());
    }
}
