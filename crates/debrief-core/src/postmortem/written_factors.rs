//! Contributing factors in post-mortems written by hand: the items of a list under a
//! "Contributing factors" heading (or one naming factors), so that `debrief factors` counts a
//! team's older write-ups too, each factor without a theme (the author named none). Prose
//! under such a heading is left to "seen before", which reads the section whole.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::FactorFacts;
use super::profile::{Part, part_named};

/// Reads the listed contributing factors of a post-mortem written by hand from the events of
/// the parse that reads its text for the index ([`read`](super::indexed::read)), outside
/// Debrief's own regions.
#[derive(Default)]
pub struct WrittenFactorsReader {
    factors: Vec<FactorFacts>,
    /// Open headings, and whether each one's section lists factors.
    headings: Vec<(HeadingLevel, bool)>,
    listing: bool,
    heading: Option<(HeadingLevel, String)>,
    lists: usize,
    /// The text of the factor being read, until a list nested in it starts.
    item: Option<(String, bool)>,
}

impl WrittenFactorsReader {
    pub fn read(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.heading = Some((*level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, text)) = self.heading.take() else { return };
                self.headings.retain(|(above, _)| *above < level);
                let inherited = self.headings.last().is_some_and(|(_, listing)| *listing);
                self.listing = match part_named(&text) {
                    // "Contributing factors", "Factors", not "Root cause": a cause told as prose.
                    Some(Part::Factors) => names_factors(&text),
                    Some(_) => false,
                    None => inherited,
                };
                self.headings.push((level, self.listing));
            }
            Event::Start(Tag::List(_)) => {
                self.lists += 1;
                if let Some((_, nested)) = self.item.as_mut() {
                    *nested = true;
                }
            }
            Event::End(TagEnd::List(_)) => self.lists = self.lists.saturating_sub(1),
            Event::Start(Tag::Item) if self.listing && self.lists == 1 => self.item = Some((String::new(), false)),
            Event::End(TagEnd::Item) if self.lists == 1 => {
                let Some((text, _)) = self.item.take() else { return };
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let placeholder = text.trim_matches(|c: char| c.is_ascii_punctuation()).trim().is_empty()
                    || matches!(text.to_lowercase().as_str(), "n/a" | "none" | "tbd");
                if !placeholder {
                    self.factors.push(FactorFacts { text, theme: None });
                }
            }
            Event::Text(text) | Event::Code(text) => match (self.heading.as_mut(), self.item.as_mut()) {
                (Some((_, heading)), _) => heading.push_str(text),
                (None, Some((item, false))) => item.push_str(text),
                _ => {}
            },
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => {
                if let Some((item, false)) = self.item.as_mut() {
                    item.push(' ');
                }
            }
            _ => {}
        }
    }

    pub fn finish(self) -> Vec<FactorFacts> {
        self.factors
    }
}

/// Whether a heading names factors themselves, not a cause: "Contributing factors", "Factors".
fn names_factors(heading: &str) -> bool {
    let heading = heading.to_lowercase();
    heading.contains("contributing") || heading.contains("factor")
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser};

    use super::*;

    fn factors(body: &str) -> Vec<String> {
        let mut reader = WrittenFactorsReader::default();
        for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS) {
            reader.read(&event);
        }
        reader.finish().into_iter().map(|factor| factor.text).collect()
    }

    #[test]
    fn the_items_under_a_contributing_factors_heading_are_factors() {
        let body = "# Alcide timeouts\n\n## Summary\n- not a factor\n\n## Contributing Factors\n\n\
                    - Doing a workshop using production as sandbox\n- Smoketesting not in place\n  \
                    to catch breaking capabilities\n  - a note under it\n\n## Lessons Learned\n\n- Use sandboxes\n";
        assert_eq!(
            factors(body),
            [
                "Doing a workshop using production as sandbox",
                "Smoketesting not in place to catch breaking capabilities"
            ]
        );
    }

    #[test]
    fn subsections_inherit_and_a_root_cause_told_as_prose_or_list_is_left_alone() {
        let body = "## Contributing factors\n\n### Technical\n\n- No swap space\n\n### Process\n\n1. No canary\n\n\
                    ## Root cause\n\n- The timeout was too short\n\nA liveness probe misfired.\n";
        assert_eq!(factors(body), ["No swap space", "No canary"]);
    }

    #[test]
    fn placeholders_are_not_factors() {
        assert!(factors("## Contributing factors\n\n- \n- N/A\n").is_empty());
    }
}
