//! Generated regions: parts of a post-mortem that Debrief writes from what was
//! captured (the timeline table, key times, action items, ...). In a stored
//! draft a region is one marker line; in a rendered file it is the marker, the
//! generated Markdown, and an end marker carrying a checksum of what was
//! generated, so a table edited by hand is noticed and kept rather than
//! overwritten. Markers are HTML comments, which every Markdown renderer hides.
//! Expanding and collapsing are exact inverses.
//!
//! Generated Markdown stands between blank lines: kramdown (Jekyll, GitHub
//! Pages) reads a table or list that touches an HTML comment line as part of
//! one paragraph of text. Files written before that, without the blank lines,
//! read back the same, and their checksums still hold: the blank lines are
//! layout, not content.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    KeyTimes,
    Timeline,
    ActionItems,
    Participants,
    Links,
}

impl Region {
    const ALL: [Region; 5] =
        [Region::KeyTimes, Region::Timeline, Region::ActionItems, Region::Participants, Region::Links];

    pub fn name(self) -> &'static str {
        match self {
            Region::KeyTimes => "key-times",
            Region::Timeline => "timeline",
            Region::ActionItems => "action-items",
            Region::Participants => "participants",
            Region::Links => "links",
        }
    }

    pub fn start_marker(self) -> String {
        format!("<!-- debrief:{} -->", self.name())
    }

    fn end_marker(self, content: &str) -> String {
        format!("<!-- /debrief:{} {:016x} -->", self.name(), checksum(content))
    }

    /// The checksum an end marker line of this region carries, if the line is one.
    fn end_checksum(self, line: &str) -> Option<&str> {
        let line = line.trim_end_matches(['\n', '\r']);
        let rest = line.strip_prefix("<!-- /debrief:")?.strip_prefix(self.name())?.strip_suffix("-->")?;
        rest.starts_with(' ').then(|| rest.trim())
    }

    pub(super) fn starting(line: &str) -> Option<Region> {
        let line = line.trim_end_matches(['\n', '\r']);
        Region::ALL.into_iter().find(|region| line == region.start_marker())
    }
}

/// FNV-1a, 64 bits: fixed forever, so files written by any version check the same way.
fn checksum(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// A region as found in a file: what it held, the file line of its start marker, and whether
/// it was changed since Debrief wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRegion {
    pub region: Region,
    /// What the region holds, without the blank lines around it.
    pub content: String,
    /// Everything between the markers exactly as written, blank lines included.
    pub written: String,
    /// The file line of the start marker.
    pub line: usize,
    /// The file line of the content's first line.
    pub content_line: usize,
    pub edited: bool,
}

/// Writes each region's content (empty, or whole lines) between its markers, with a blank
/// line before and after content that is not empty.
pub fn expand(body: &str, content: impl Fn(Region) -> String) -> String {
    let mut expanded = String::with_capacity(body.len() * 2);
    for line in body.split_inclusive('\n') {
        let Some(region) = Region::starting(line) else {
            expanded.push_str(line);
            continue;
        };
        let (marker, newline) = line.split_at(line.trim_end_matches(['\n', '\r']).len());
        let content = content(region);
        expanded.push_str(marker);
        expanded.push('\n');
        if !content.is_empty() {
            expanded.push('\n');
            expanded.push_str(&content);
            expanded.push('\n');
        }
        expanded.push_str(&region.end_marker(&content));
        expanded.push_str(newline);
    }
    expanded
}

/// The content between two markers without one blank line at its start and one at its end,
/// and how many lines were taken off its start.
fn without_padding(written: &str) -> (&str, usize) {
    let (content, skipped) = match written.strip_prefix("\r\n").or_else(|| written.strip_prefix('\n')) {
        Some(rest) => (rest, 1),
        None => (written, 0),
    };
    // Content is whole lines, so a blank last line is a newline right after another one.
    let without_blank_last_line = content
        .strip_suffix('\n')
        .map(|rest| rest.strip_suffix('\r').unwrap_or(rest))
        .filter(|rest| rest.ends_with('\n'));
    let content = without_blank_last_line.unwrap_or(content);
    (content, skipped)
}

/// Turns expanded regions back into marker lines; `first_line` is the file line of the body's
/// first line. A start marker without its end marker is left as it is.
pub fn collapse(body: &str, first_line: usize) -> (String, Vec<FoundRegion>) {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut collapsed = String::with_capacity(body.len());
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        let end = Region::starting(line).and_then(|region| {
            (index + 1..lines.len())
                .find_map(|candidate| Some((region, candidate, region.end_checksum(lines[candidate])?)))
        });
        let Some((region, end, written_checksum)) = end else {
            collapsed.push_str(line);
            index += 1;
            continue;
        };
        collapsed.push_str(line.trim_end_matches(['\n', '\r']));
        let end_line = lines[end];
        collapsed.push_str(&end_line[end_line.trim_end_matches(['\n', '\r']).len()..]);
        let written = lines[index + 1..end].concat();
        let (content, skipped) = without_padding(&written);
        let edited = written_checksum != format!("{:016x}", checksum(content));
        found.push(FoundRegion {
            region,
            content: content.to_string(),
            line: first_line + index,
            content_line: first_line + index + 1 + skipped,
            edited,
            written,
        });
        index = end + 1;
    }
    (collapsed, found)
}

/// Replaces the first marker of `region` with `content` itself: the region becomes prose
/// that Debrief no longer regenerates (for tables a person edited by hand). `content` is
/// what stood between the markers as written, blank lines included, so renderers keep
/// reading it as they did.
pub fn freeze(body: &str, region: Region, content: &str) -> String {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if Region::starting(line) == Some(region) {
            let newline = &line[line.trim_end_matches(['\n', '\r']).len()..];
            let content = if newline.is_empty() { content.trim_end_matches('\n') } else { content };
            return format!("{}{}{}", &body[..offset], content, &body[offset + line.len()..]);
        }
        offset += line.len();
    }
    body.to_string()
}

/// Whether an HTML event opens one of Debrief's regions (`Some(true)`), closes one
/// (`Some(false)`), or is something else; for readers of the body that leave the regions to the
/// front matter.
pub(super) fn opens_region(html: &str) -> Option<bool> {
    let html = html.trim();
    if html.starts_with("<!-- /debrief:") {
        Some(false)
    } else if html.starts_with("<!-- debrief:") {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(region: Region) -> String {
        match region {
            Region::Timeline => "| a |\n| b |\n".into(),
            _ => String::new(),
        }
    }

    #[test]
    fn expand_then_collapse_is_the_identity() {
        for body in [
            "## Timeline\n<!-- debrief:timeline -->\n\n## Next\n",
            "<!-- debrief:timeline -->",
            "text\n<!-- debrief:key-times -->\n<!-- debrief:timeline -->\r\nmore\n",
            "no regions at all\n",
        ] {
            let expanded = expand(body, fill);
            let (collapsed, _) = collapse(&expanded, 1);
            assert_eq!(collapsed, body, "{expanded:?}");
        }
    }

    #[test]
    fn collapse_reports_content_and_line() {
        let expanded = expand("intro\n<!-- debrief:timeline -->\n", fill);
        assert!(
            expanded.starts_with("intro\n<!-- debrief:timeline -->\n\n| a |\n| b |\n\n<!-- /debrief:timeline "),
            "{expanded:?}"
        );
        let (_, found) = collapse(&expanded, 10);
        let content = "| a |\n| b |\n".to_string();
        let written = "\n| a |\n| b |\n\n".to_string();
        assert_eq!(
            found,
            [FoundRegion { region: Region::Timeline, content, written, line: 11, content_line: 13, edited: false }]
        );
    }

    #[test]
    fn empty_content_needs_no_blank_lines() {
        let expanded = expand("<!-- debrief:links -->\n", fill);
        assert!(expanded.starts_with("<!-- debrief:links -->\n<!-- /debrief:links "), "{expanded:?}");
    }

    #[test]
    fn files_written_without_the_blank_lines_read_the_same() {
        let body = "intro\n<!-- debrief:timeline -->\n";
        let current = expand(body, fill);
        let older = current.replace("-->\n\n", "-->\n").replace("|\n\n", "|\n");
        assert!(older.contains("-->\n| a |\n| b |\n<!-- /debrief:timeline "), "{older:?}");
        let (collapsed, found) = collapse(&older, 1);
        assert_eq!(collapsed, body);
        assert_eq!((found[0].content.as_str(), found[0].content_line, found[0].edited), ("| a |\n| b |\n", 3, false));
        assert_eq!(expand(&collapsed, fill), current, "written again, it gets the blank lines");
    }

    #[test]
    fn blank_lines_with_carriage_returns_are_layout_too() {
        let expanded = expand("<!-- debrief:timeline -->\r\n", fill).replace('\n', "\r\n");
        let (_, found) = collapse(&expanded, 1);
        assert_eq!(found[0].content, "| a |\r\n| b |\r\n");
        assert_eq!(found[0].content_line, 3);
    }

    #[test]
    fn a_region_edited_by_hand_is_noticed() {
        let expanded = expand("<!-- debrief:timeline -->\n", fill).replace("| b |", "| B |");
        let (_, found) = collapse(&expanded, 1);
        assert!(found[0].edited);
    }

    #[test]
    fn a_start_marker_without_end_stays() {
        let body = "<!-- debrief:timeline -->\n| hand | made |\n";
        assert_eq!(collapse(body, 1), (body.to_string(), vec![]));
    }

    #[test]
    fn freeze_keeps_the_content_as_prose() {
        let body = "## Timeline\n<!-- debrief:timeline -->\n## Next\n";
        assert_eq!(freeze(body, Region::Timeline, "| edited |\n"), "## Timeline\n| edited |\n## Next\n");
    }

    #[test]
    fn a_frozen_table_keeps_its_blank_lines() {
        let expanded = expand("<!-- guidance -->\n<!-- debrief:timeline -->\nprose\n", fill).replace("| b |", "| B |");
        let (collapsed, found) = collapse(&expanded, 1);
        assert!(found[0].edited);
        assert_eq!(
            freeze(&collapsed, Region::Timeline, &found[0].written),
            "<!-- guidance -->\n\n| a |\n| B |\n\nprose\n"
        );
    }
}
