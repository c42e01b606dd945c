//! Where a large document can be cut so that its parts can be checked on
//! several cores at once and still read exactly as they do together.
//!
//! A safe cut is just before a top-level `# ` heading that follows a blank
//! line: such a heading ends every open paragraph, list and block quote, and
//! resets the headings a section is under. Cuts are never made inside front
//! matter, fenced code, an HTML comment or a raw HTML block, where a `# ` line
//! is not a heading.

/// Below this size a document is checked on one thread: starting threads would cost more than it saves.
/// (Tests cut smaller documents, which a debug build checks in reasonable time.)
pub(crate) const PARALLEL_MIN_BYTES: usize = if cfg!(test) { 64 * 1024 } else { 1024 * 1024 };

/// Byte offsets at which to cut `markdown` into about `parts` parts of similar size.
/// Fewer cuts are returned when there are not enough safe places.
pub(crate) fn cut_points(markdown: &str, parts: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut targets = (1..parts).map(|part| markdown.len() * part / parts).peekable();
    let mut state = State::default();
    let mut offset = 0;
    for (index, line) in markdown.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if index == 0 && matches!(line.trim_end(), "---" | "+++") {
            state.block = Block::FrontMatter(if line.starts_with('-') { "---" } else { "+++" });
            continue;
        }
        let Some(&target) = targets.peek() else { break };
        let at_target = start >= target;
        if at_target && state.block == Block::None && state.after_blank && is_top_heading(line) {
            cuts.push(start);
            while targets.next_if(|&target| target <= start).is_some() {}
        }
        state.read(line);
    }
    cuts
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Block {
    #[default]
    None,
    FrontMatter(&'static str),
    /// A fence: its character and length.
    Fence(u8, usize),
    /// Raw HTML that runs until this text.
    Html(&'static str),
}

#[derive(Default)]
struct State {
    block: Block,
    after_blank: bool,
}

impl State {
    fn read(&mut self, line: &str) {
        let content = line.trim_end();
        let indented = line.len() - line.trim_start_matches(' ').len();
        let unindented = &line[indented..];
        self.block = match self.block {
            Block::FrontMatter(close) => {
                if content == close || (close == "---" && content == "...") {
                    Block::None
                } else {
                    self.block
                }
            }
            Block::Fence(mark, length) => {
                let run = unindented.bytes().take_while(|&byte| byte == mark).count();
                let closes = indented <= 3 && run >= length && unindented[run..].trim().is_empty();
                if closes { Block::None } else { self.block }
            }
            Block::Html(close) => {
                if contains_ignoring_case(line, close) {
                    Block::None
                } else {
                    self.block
                }
            }
            Block::None if indented <= 3 => opening(unindented),
            Block::None => Block::None,
        };
        self.after_blank = content.is_empty();
    }
}

/// What block, if any, a line opens that can run past blank lines.
fn opening(line: &str) -> Block {
    for mark in [b'`', b'~'] {
        let run = line.bytes().take_while(|&byte| byte == mark).count();
        if run >= 3 {
            return Block::Fence(mark, run);
        }
    }
    if let Some(comment) = line.strip_prefix("<!--") {
        return if comment.contains("-->") { Block::None } else { Block::Html("-->") };
    }
    for (open, close) in
        [("<script", "</script>"), ("<pre", "</pre>"), ("<style", "</style>"), ("<textarea", "</textarea>")]
    {
        if line.as_bytes().get(..open.len()).is_some_and(|start| start.eq_ignore_ascii_case(open.as_bytes())) {
            return if contains_ignoring_case(line, close) { Block::None } else { Block::Html(close) };
        }
    }
    Block::None
}

fn is_top_heading(line: &str) -> bool {
    line.starts_with("# ") || line.starts_with("#\t") || line.trim_end() == "#"
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_before_top_headings_near_the_targets() {
        let part = "# Incident\n\nWe could have rolled back.\n\n## Detection\n\nText.\n\n";
        let markdown = part.repeat(4);
        let cuts = cut_points(&markdown, 2);
        assert_eq!(cuts, [part.len() * 2]);
        assert!(markdown[cuts[0]..].starts_with("# Incident"));
    }

    #[test]
    fn never_cuts_inside_code_comments_or_front_matter() {
        let (before, after) = ("Some text.\n\n".repeat(30), "More text.\n\n".repeat(10));
        for hidden in
            ["```\n\n# not a heading\n```\n", "<!--\n\n# not a heading\n-->\n", "<pre>\n\n# not a heading\n</pre>\n"]
        {
            let markdown = format!("{before}{hidden}\n{after}");
            assert_eq!(cut_points(&markdown, 2), Vec::<usize>::new(), "{hidden}");
        }
        let front_matter = format!("---\n{}\n# a YAML comment\n---\n{after}", "key: value\n".repeat(30));
        assert_eq!(cut_points(&front_matter, 2), Vec::<usize>::new());
    }

    #[test]
    fn a_heading_must_follow_a_blank_line() {
        let markdown = format!("{}para\n# heading\n", "x\n".repeat(50));
        assert_eq!(cut_points(&markdown, 2), Vec::<usize>::new());
    }
}
