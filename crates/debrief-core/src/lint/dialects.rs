//! What the Markdown of documentation sites adds to CommonMark, read as a
//! reader of the rendered page would read it.
//!
//! Post-mortems are often published with MkDocs, Sphinx (MyST), Docusaurus,
//! Hugo or Jekyll, whose extensions a CommonMark parser sees as something else:
//! MyST's directive fences (```` ```{note} ````) and an admonition's content
//! indented under MkDocs' `!!! note` look like code and would be skipped, and
//! the marker lines (`:::tip`, `!!! warning "Impact"`, `{{< alert >}}`,
//! `{% include %}`) and MDX comments would be run into the first sentence of what
//! they wrap. A wiki page pasted as Markdown keeps its `== Detection ==` headings,
//! which are read as headings, so sections work there too.

use std::ops::Range;

/// Whether a whole source line, trimmed, only opens or closes an extension's
/// block: Docusaurus and MyST colon fences, MkDocs admonitions and content tabs,
/// Hugo shortcodes and Liquid tags; or an MDX comment. It is not prose, and it ends
/// the block before it.
pub(crate) fn is_marker_line(line: &str) -> bool {
    let tab = line.starts_with("=== \"");
    let template = (line.starts_with("{{") && line.ends_with("}}")) || (line.starts_with("{%") && line.ends_with("%}"));
    // An MDX comment, which the page never shows: `{/* TODO: add the timeline */}`.
    let comment = line.starts_with("{/*") && line.ends_with("*/}");
    line.starts_with(":::") || is_admonition_marker(line) || tab || template || comment || wiki_heading(line).is_some()
}

/// For a line that opens a template's code block (Jekyll's `{% highlight ruby %}`,
/// Octopress's `{% codeblock %}`, Hugo's `{{< highlight go >}}`), the text that closes it.
/// What is between is code, however it would parse as Markdown.
pub(crate) fn template_code_close(line: &str) -> Option<&'static str> {
    let line = line.trim();
    let tag = |open: &str| {
        line.strip_prefix(open).is_some_and(|rest| {
            rest.trim_start().starts_with("highlight") || rest.trim_start().starts_with("codeblock")
        })
    };
    if tag("{%") && line.ends_with("%}") {
        Some(if line.contains("codeblock") { "endcodeblock" } else { "endhighlight" })
    } else if tag("{{<") && line.ends_with(">}}") {
        Some("/highlight")
    } else {
        None
    }
}

/// A MediaWiki heading, `== Detection ==`, as pasted from a wiki's incident page: its level
/// and text. (A Markdown author never writes such a line as prose.)
pub(crate) fn wiki_heading(line: &str) -> Option<(usize, &str)> {
    let line = line.trim_end();
    let level = line.bytes().take_while(|&byte| byte == b'=').count();
    let closing = line.bytes().rev().take_while(|&byte| byte == b'=').count();
    if !(1..=6).contains(&level) || closing != level || line.len() <= 2 * level {
        return None;
    }
    let text = line[level..line.len() - level].trim();
    (!text.is_empty() && !text.starts_with('=') && !text.ends_with('=')).then_some((level, text))
}

/// `!!! warning`, `??? note "Timeline"`, `???+ tip`: an MkDocs admonition's first line,
/// a type and an optional quoted title.
fn is_admonition_marker(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("!!!").or_else(|| line.strip_prefix("???")) else { return false };
    let Some(rest) = rest.strip_prefix('+').unwrap_or(rest).strip_prefix(' ') else { return false };
    let (kind, title) = rest.trim_start().split_once(' ').unwrap_or((rest.trim_start(), ""));
    let title = title.trim();
    !kind.is_empty()
        && kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && (title.is_empty() || (title.len() >= 2 && title.starts_with('"') && title.ends_with('"')))
}

/// Whether a fenced block's info string opens a MyST directive whose body is
/// Markdown (```` ```{note} ````, ```` ```{admonition} Lessons ````), not code or data.
pub(crate) fn is_prose_directive(info: &str) -> bool {
    let Some(name) = info.trim().strip_prefix('{').and_then(|rest| rest.split_once('}')).map(|(name, _)| name) else {
        return false;
    };
    matches!(
        name.trim(),
        "admonition"
            | "attention"
            | "caution"
            | "danger"
            | "error"
            | "hint"
            | "important"
            | "note"
            | "seealso"
            | "tip"
            | "warning"
            | "todo"
            | "sidebar"
            | "topic"
            | "margin"
            | "epigraph"
            | "pull-quote"
            | "highlights"
            | "dropdown"
            | "card"
            | "grid-item-card"
            | "tab-item"
            | "div"
            | "container"
            | "versionadded"
            | "versionchanged"
            | "deprecated"
    )
}

/// Whether an indented block starting at `offset` is the body of an MkDocs
/// admonition or content tab: the last non-blank line before it is its marker.
pub(crate) fn follows_admonition(source: &str, offset: usize) -> bool {
    let before = source[..offset].trim_end();
    let line = before.rfind('\n').map_or(before, |newline| &before[newline + 1..]).trim();
    is_admonition_marker(line) || line.starts_with("=== \"")
}

/// Lines of a block's body, taken from the source without their indentation,
/// joined into one text that can be parsed again, with the way back to the source.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub text: String,
    /// For each line: where it starts in `text`, and where in the source.
    lines: Vec<(usize, usize)>,
}

impl Body {
    /// Adds a line (or several, contiguous) of the body, given where it is in the source.
    pub fn push(&mut self, line: &str, source: usize) {
        self.lines.push((self.text.len(), source));
        self.text.push_str(line);
    }

    /// Drops the directive's options at the start of a MyST body: `:class: tip`
    /// lines, or a block of YAML between `---` lines.
    pub fn skip_options(&mut self) {
        let mut skipped = 0;
        let mut rest = self.text.as_str();
        if rest.starts_with("---")
            && let Some(end) = rest[3..].find("\n---")
        {
            let close = 3 + end + 4;
            skipped = rest[close..].find('\n').map_or(rest.len(), |newline| close + newline + 1);
        } else {
            while rest.starts_with(':')
                && rest[1..].split_once(':').is_some_and(|(key, _)| !key.contains(char::is_whitespace))
            {
                let line = rest.find('\n').map_or(rest.len(), |newline| newline + 1);
                skipped += line;
                rest = &rest[line..];
            }
        }
        if skipped > 0 {
            // Blank lines keep every offset where it was.
            let blanked: String = self.text[..skipped].chars().map(|c| if c == '\n' { '\n' } else { ' ' }).collect();
            self.text.replace_range(..skipped, &blanked);
        }
    }

    /// The source range of a range of the body's text.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        // The end is mapped from the last byte, so that a range ending a line stays on it.
        let end = if range.is_empty() { start } else { self.source_offset(range.end - 1) + 1 };
        start..end
    }

    fn source_offset(&self, at: usize) -> usize {
        let line = self.lines.partition_point(|&(start, _)| start <= at).saturating_sub(1);
        self.lines.get(line).map_or(at, |&(start, source)| source + (at - start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_lines_of_documentation_sites() {
        for line in [
            ":::",
            ":::tip Lessons",
            ":::{warning}",
            "!!! warning \"What went wrong\"",
            "???+ note \"Timeline\"",
            "=== \"Before\"",
            "{{< alert >}}",
            "{{% notice info %}}",
            "{% include toc.html %}",
            "{/* TODO: we should have added the timeline */}",
        ] {
            assert!(is_marker_line(line), "{line}");
        }
        for line in ["We should have waited.", "!!! is how the log shows it", "!!!note", "{{ a }} b", "==="] {
            assert!(!is_marker_line(line), "{line}");
        }
    }

    #[test]
    fn template_code_blocks() {
        assert_eq!(template_code_close("{% highlight bash %}"), Some("endhighlight"));
        assert_eq!(template_code_close("{% codeblock lang:sh %}"), Some("endcodeblock"));
        assert_eq!(template_code_close("{{< highlight go \"linenos=table\" >}}"), Some("/highlight"));
        assert_eq!(template_code_close("{% include toc.html %}"), None);
        assert_eq!(template_code_close("{{< alert >}}"), None);
    }

    #[test]
    fn wiki_headings() {
        assert_eq!(wiki_heading("==Detection=="), Some((2, "Detection")));
        assert_eq!(wiki_heading("=== What went poorly? ==="), Some((3, "What went poorly?")));
        for line in ["===", "== a =", "==", "= =", "=== \"Tab\""] {
            assert_eq!(wiki_heading(line), None, "{line}");
        }
    }

    #[test]
    fn directives_whose_body_is_prose() {
        assert!(is_prose_directive("{note}"));
        assert!(is_prose_directive("{admonition} Lessons learned"));
        assert!(!is_prose_directive("{code-block} bash"));
        assert!(!is_prose_directive("{mermaid}"));
        assert!(!is_prose_directive("python"));
    }

    #[test]
    fn a_body_maps_back_to_its_indented_lines() {
        let source = "!!! note\n\n    First line.\n    Second line.\n";
        let mut body = Body::default();
        let first = source.find("First").expect("first line");
        let second = source.find("Second").expect("second line");
        body.push("First line.\n", first);
        body.push("Second line.\n", second);
        let at = body.text.find("Second").expect("in the body");
        assert_eq!(body.source_range(at..at + 6), second..second + 6);
        assert_eq!(&source[body.source_range(0..5)], "First");
    }

    #[test]
    fn directive_options_are_not_prose() {
        let mut body = Body::default();
        body.push(":class: tip\n:name: lessons\n\nWe should have waited.\n", 100);
        body.skip_options();
        assert_eq!(body.text.trim_start(), "We should have waited.\n");
        assert_eq!(body.text.len(), ":class: tip\n:name: lessons\n\nWe should have waited.\n".len());
    }
}
