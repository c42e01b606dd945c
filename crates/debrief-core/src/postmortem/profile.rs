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

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::regions::{Region, collapse};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Timeline,
    Factors,
    Other,
}

/// What a section is about, from its heading; `None` when the heading does not say.
fn part_named(heading: &str) -> Option<Part> {
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

/// The timeline and contributing-factors text of a post-mortem body (Markdown without its
/// front matter).
pub fn profile(body: &str) -> Profile {
    let (collapsed, regions) = collapse(body, 1);
    let mut profile = Profile::default();
    read_sections(&collapsed, Part::Other, &mut profile);
    for region in regions.iter().filter(|region| region.region == Region::Timeline) {
        read_sections(&region.content, Part::Timeline, &mut profile);
    }
    profile
}

/// Adds the text of `markdown` to the part its headings put it in (`start` before any heading).
fn read_sections(markdown: &str, start: Part, profile: &mut Profile) {
    // The parts of the headings above the current text: a subsection without a telling heading
    // belongs to the part of its parent ("### Why it failed" under "## Root cause analysis").
    let mut headings: Vec<(HeadingLevel, Part)> = Vec::new();
    let mut part = start;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut in_table = false;
    let mut in_head = false;
    let mut header_cells: Vec<String> = Vec::new();
    let mut column = 0;
    let mut cell_text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, text)) = heading.take() else { continue };
                // The title (`# ...`) is not a section: what follows it belongs to no part yet.
                if level == HeadingLevel::H1 {
                    headings.clear();
                    part = start;
                    continue;
                }
                headings.retain(|(above, _)| *above < level);
                let inherited = headings.last().map(|(_, part)| *part).unwrap_or(Part::Other);
                part = part_named(&text).unwrap_or(inherited);
                headings.push((level, part));
            }
            Event::Text(text) | Event::Code(text) => match heading.as_mut() {
                Some((_, heading)) => heading.push_str(&text),
                None if in_table => cell_text.push_str(&text),
                None => push(profile, part, &text),
            },
            Event::SoftBreak | Event::HardBreak if heading.is_none() => push(profile, part, " "),
            Event::Start(Tag::Table(_)) => {
                in_table = true;
                header_cells.clear();
                column = 0;
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                column = 0;
            }
            Event::Start(Tag::TableCell) => cell_text.clear(),
            Event::End(TagEnd::TableCell) => {
                if in_head {
                    header_cells.push(std::mem::take(&mut cell_text));
                } else {
                    let header = header_cells.get(column).map(String::as_str).unwrap_or("");
                    if !column_is_bookkeeping(header) {
                        push(profile, part, &cell_text);
                        push(profile, part, "\n");
                    }
                    cell_text.clear();
                }
                column += 1;
            }
            Event::End(TagEnd::TableRow) => column = 0,
            Event::End(TagEnd::Table) => in_table = false,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                push(profile, part, "\n");
            }
            _ => {}
        }
    }
}

fn push(profile: &mut Profile, part: Part, text: &str) {
    let target = match part {
        Part::Timeline => &mut profile.timeline,
        Part::Factors => &mut profile.factors,
        Part::Other => return,
    };
    if text == "\n" && (target.is_empty() || target.ends_with('\n')) {
        return;
    }
    target.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

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
