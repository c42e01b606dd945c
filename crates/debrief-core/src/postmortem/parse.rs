//! Reading a post-mortem file back: front matter into facts, the timeline table
//! into rows, and everything else kept byte for byte as the draft's prose.

use super::liquid;
use super::regions::{self, Region};
use super::{Draft, ParsedPostmortem, Warning, front_matter};
use crate::markdown::{parse_timeline_table, uncell};
use crate::{Error, Result};

/// The text of a file as it is read: without a byte order mark, and with LF where a teammate
/// saved CRLF, so that its regions' hashes and the draft are those of the same file (the line
/// numbers warnings give stay the same).
fn as_read(markdown: &str) -> std::borrow::Cow<'_, str> {
    let text = markdown.strip_prefix('\u{feff}').unwrap_or(markdown);
    match text.contains("\r\n") {
        true => std::borrow::Cow::Owned(text.replace("\r\n", "\n")),
        false => std::borrow::Cow::Borrowed(text),
    }
}

pub fn parse(markdown: &str) -> Result<ParsedPostmortem> {
    let text = as_read(markdown);
    let text = text.as_ref();
    let mut warnings = Vec::new();
    let (facts, extra_front_matter, body, body_line) = match split_front_matter(text)? {
        Some((yaml, body, body_line)) => {
            let (facts, extra) = front_matter::parse(yaml, 2, &mut warnings)?;
            (facts, extra, body, body_line)
        }
        None => (Default::default(), String::new(), text, 1),
    };
    let (body, body_line) = liquid::unguarded(body, body_line);
    let (heading_title, body, body_line) = take_title_heading(body, body_line);
    let (mut body, found) = regions::collapse(body, body_line);
    let mut timeline = Vec::new();
    let mut generated = Vec::new();
    for region in found {
        if region.region != Region::Timeline {
            generated.push(region);
            continue;
        }
        match parse_timeline_table(&region.content) {
            Ok(rows) => {
                timeline.extend(rows);
                generated.push(region);
            }
            Err((offset, reason)) => {
                warnings.push(Warning {
                    line: region.content_line + offset,
                    message: format!(
                        "the timeline table cannot be read ({reason}); it is kept as written, as prose, \
                         and its rows were not added to the timeline"
                    ),
                });
                body = regions::freeze(&body, Region::Timeline, &region.written);
            }
        }
    }
    Ok(ParsedPostmortem {
        facts,
        heading_title,
        timeline,
        generated,
        draft: Draft { body, extra_front_matter },
        warnings,
        narrated_start: None,
    })
}

/// Reads a post-mortem file to import: one Debrief wrote as [`parse`] does; one written by hand
/// also for the timeline, key times, action items and contributing factors it lists, its times
/// read as `file` says where the text does not (see [`super::hand_written`]).
pub fn parse_written(markdown: &str, file: &super::WrittenFile) -> Result<ParsedPostmortem> {
    let text = as_read(markdown);
    let text = text.as_ref();
    if let Some((toml, body)) = split_toml_front_matter(text) {
        // Lines are counted in the whole file.
        let offset = text[..text.len() - body.len()].matches('\n').count();
        let shifted = |warnings: &mut [Warning]| warnings.iter_mut().for_each(|warning| warning.line += offset);
        let mut parsed = parse(body).map_err(|error| match error {
            Error::Postmortem { line, reason } => Error::Postmortem { line: line + offset, reason },
            other => other,
        })?;
        shifted(&mut parsed.warnings);
        super::hand_written::read_toml_facts(&mut parsed, toml);
        let before = parsed.warnings.len();
        super::hand_written::read_into(&mut parsed, body, file);
        shifted(&mut parsed.warnings[before..]);
        return Ok(parsed);
    }
    let mut parsed = parse(markdown)?;
    if super::hand_written::is_hand_written(&parsed) {
        super::hand_written::read_into(&mut parsed, markdown, file);
    }
    Ok(parsed)
}

/// The YAML front matter at the start of `text`, without its `---` lines.
pub(super) fn front_matter_of(text: &str) -> Option<&str> {
    split_front_matter(text).ok().flatten().map(|(yaml, _, _)| yaml)
}

/// The TOML front matter at the start of `text`, without its `+++` lines.
pub(super) fn toml_front_matter_of(text: &str) -> Option<&str> {
    split_toml_front_matter(text).map(|(toml, _)| toml)
}

/// What follows a file's YAML or TOML front matter: the whole text when it has none, or
/// when its front matter never ends.
pub(super) fn body_after_front_matter(text: &str) -> &str {
    match split_front_matter(text) {
        Ok(Some((_, body, _))) => body,
        _ => split_toml_front_matter(text).map_or(text, |(_, body)| body),
    }
}

/// Hugo's and Zola's `+++` TOML front matter, and the body after it.
fn split_toml_front_matter(text: &str) -> Option<(&str, &str)> {
    let after_open = text.strip_prefix("+++")?.strip_prefix(['\n', '\r'])?;
    let end = after_open.find("\n+++")?;
    let rest = &after_open[end + 4..];
    Some((&after_open[..end], rest.split_once('\n').map_or("", |(_, body)| body)))
}

/// Splits off YAML front matter between `---` lines at the very start; returns it, the body and
/// the body's first line number.
fn split_front_matter(text: &str) -> Result<Option<(&str, &str, usize)>> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return Ok(None) };
    if first.trim_end() != "---" {
        return Ok(None);
    }
    let mut offset = first.len();
    for (index, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            let yaml = &text[first.len()..offset];
            return Ok(Some((yaml, &text[offset + line.len()..], index + 3)));
        }
        offset += line.len();
    }
    Err(Error::Postmortem {
        line: 1,
        reason: "the front matter that starts here never ends; add a line `---` after its last key".into(),
    })
}

/// Takes the `# Title` line that starts the body (after one blank line), and the blank line after it.
fn take_title_heading(body: &str, body_line: usize) -> (Option<String>, &str, usize) {
    let (rest, line) = match body.strip_prefix('\n') {
        Some(rest) => (rest, body_line + 1),
        None => (body, body_line),
    };
    let Some(heading) = rest.strip_prefix("# ") else { return (None, body, body_line) };
    let (title, after) = heading.split_once('\n').unwrap_or((heading, ""));
    let (after, skipped) = match after.strip_prefix('\n') {
        Some(after) => (after, 2),
        None => (after, 1),
    };
    (Some(uncell(title.trim_end_matches('\r').trim())), after, line + skipped)
}
