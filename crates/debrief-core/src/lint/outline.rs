//! A quick look at a document's lines, before any Markdown is parsed: where it
//! can be cut into chunks that parse alone exactly as they do together, and
//! which headings each part of it is under.
//!
//! Most of a post-mortem holds no wording a rule could object to, and a chunk
//! without a trigger word is never parsed at all; chunks of a large document are
//! checked on all cores. A chunk starts at a line at the left margin after a
//! blank line: such a line ends every open paragraph, list, block quote, table
//! and indented code block. Cuts are never made inside front matter, fenced
//! code, an HTML comment or a raw HTML block, which run past blank lines.
//!
//! Headings are read here too, so that sections are known for the whole
//! document even where chunks are skipped.

use std::ops::Range;

use super::dialects::{template_code_close, wiki_heading};

/// The chunks and sections of a document.
#[derive(Debug)]
pub(crate) struct Outline {
    /// Byte ranges that together cover the document, in order.
    pub chunks: Vec<Range<usize>>,
    /// The sections after the text before any heading, in order.
    sections: Vec<Section>,
    /// Where every [`LINES_PER_MARK`]th line or so starts, and its line number
    /// counted from 0: enough to place a finding without keeping every line's start.
    line_marks: Vec<(usize, usize)>,
}

const LINES_PER_MARK: usize = 8;

/// The part of a document under one heading, up to the next heading.
#[derive(Debug, PartialEq, Eq)]
struct Section {
    start: usize,
    /// The heading, lowercase.
    heading: String,
    /// The section whose heading this one is under.
    parent: Option<usize>,
}

impl Outline {
    /// The section holding byte `offset`; `None` before the first heading.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections.partition_point(|section| section.start <= offset).checked_sub(1)
    }

    /// The lowercase headings a section is under, innermost first.
    pub fn headings(&self, section: Option<usize>) -> impl Iterator<Item = &str> {
        std::iter::successors(section, |&index| self.sections[index].parent)
            .map(|index| self.sections[index].heading.as_str())
    }

    /// The 1-based line and character column of byte `offset` of `text`, the
    /// document outlined.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let mark = self.line_marks.partition_point(|&(start, _)| start <= offset).checked_sub(1);
        let (mark_start, mark_line) = mark.map_or((0, 0), |mark| self.line_marks[mark]);
        let before = &text.as_bytes()[mark_start..offset];
        let line = mark_line + 1 + before.iter().filter(|&&byte| byte == b'\n').count();
        let line_start =
            before.iter().rposition(|&byte| byte == b'\n').map_or(mark_start, |index| mark_start + index + 1);
        let column = text.get(line_start..offset).map_or(offset - line_start, |prefix| prefix.chars().count()) + 1;
        (line, column)
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Block {
    #[default]
    None,
    FrontMatter(&'static str),
    /// A fence: its character and length.
    Fence(u8, usize),
    /// Raw HTML, or a template's code block, that runs until this text.
    Html(&'static str),
}

/// Documents at least this large are outlined in two halves at once.
const PARALLEL_OUTLINE_BYTES: usize = if cfg!(test) { 4 * 1024 } else { 1024 * 1024 };

pub(crate) fn outline(markdown: &str) -> Outline {
    let split = (markdown.len() >= PARALLEL_OUTLINE_BYTES).then(|| split_point(markdown)).flatten();
    outline_split(markdown, split)
}

/// The outline of `markdown`, read in two halves at once when `split` is given:
/// the second half is read as if a chunk starts at `split`, outside any block,
/// and is read again after the first half if that turns out not to be so.
fn outline_split(markdown: &str, split: Option<usize>) -> Outline {
    let Some(split) = split else {
        let mut pass = Pass::default();
        pass.read(markdown, 0..markdown.len());
        return Outline::from_passes(vec![pass.finish(markdown.len())]);
    };
    let (mut first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut pass = Pass { chunk_start: split, after_blank: true, ..Pass::default() };
            pass.read(markdown, split..markdown.len());
            pass
        });
        let mut first = Pass::default();
        first.read(markdown, 0..split);
        (first, second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    if first.block == Block::None && first.after_blank {
        Outline::from_passes(vec![first.finish(split), second.finish(markdown.len())])
    } else {
        first.read(markdown, split..markdown.len());
        Outline::from_passes(vec![first.finish(markdown.len())])
    }
}

/// Where a document can be read in two halves: about its middle, at a line that
/// starts with a letter or digit after an empty line. It starts a chunk unless
/// the empty line is inside a block, which the first half's reading tells.
fn split_point(markdown: &str) -> Option<usize> {
    let bytes = markdown.as_bytes();
    let middle = bytes.len() / 2;
    let found = bytes[middle..]
        .windows(3)
        .position(|window| matches!(window, [b'\n', b'\n', next] if next.is_ascii_alphanumeric()))?;
    Some(middle + found + 2)
}

/// A heading as a pass reads it; sections are built from all of them in order.
#[derive(Debug)]
struct Heading {
    level: usize,
    text: String,
    /// Where its section starts.
    start: usize,
}

/// One reading of a stretch of lines, and what it found.
#[derive(Debug, Default)]
struct Pass {
    chunks: Vec<Range<usize>>,
    headings: Vec<Heading>,
    /// Where every [`LINES_PER_MARK`]th line read starts, with its line number
    /// counted from the first line read (0).
    line_marks: Vec<(usize, usize)>,
    lines: usize,
    block: Block,
    chunk_start: usize,
    after_blank: bool,
}

impl Pass {
    fn read(&mut self, markdown: &str, range: Range<usize>) {
        let base = range.start;
        // The previous line, when it could be the text of a setext heading.
        let mut paragraph_line: Option<(usize, &str)> = None;
        for (start, line) in lines(&markdown[range]) {
            let start = base + start;
            if self.lines.is_multiple_of(LINES_PER_MARK) {
                self.line_marks.push((start, self.lines));
            }
            self.lines += 1;
            let content = line.trim_end();
            // ("\u{feff}---": a byte order mark before the front matter.)
            if start == 0 && matches!(content.trim_start_matches('\u{feff}'), "---" | "+++") {
                self.block = Block::FrontMatter(if content.ends_with("---") { "---" } else { "+++" });
                continue;
            }
            // The common line: text, a list item, a table row or a quote at the margin,
            // outside any block: it can start a chunk, but opens no block that runs past
            // blank lines and is no heading or heading underline.
            let first = line.as_bytes()[0];
            if self.block == Block::None
                && !matches!(first, b'`' | b'~' | b'<' | b'{' | b'#' | b'=' | b'-' | b' ' | b'\t' | b'\r' | b'\n')
            {
                if self.after_blank && start > self.chunk_start {
                    self.chunks.push(self.chunk_start..start);
                    self.chunk_start = start;
                }
                let text = first.is_ascii_alphanumeric() || first >= 0x80;
                paragraph_line = text.then_some((start, content));
                self.after_blank = false;
                continue;
            }
            let blank = content.trim_start().is_empty();
            let at_margin = !blank && !line.starts_with([' ', '\t']);
            if self.block == Block::None && self.after_blank && at_margin && start > self.chunk_start {
                self.chunks.push(self.chunk_start..start);
                self.chunk_start = start;
            }
            let indent = line.len() - line.trim_start_matches(' ').len();
            let unindented = &line[indent..];
            let was = self.block;
            self.block = next_block(self.block, line, content, indent, unindented);
            if was == Block::None && self.block == Block::None && indent <= 3 {
                // A heading's level, text, and where its section starts.
                let wiki = || if first == b'=' { wiki_heading(line) } else { None };
                let atx = atx_heading(unindented).or_else(wiki);
                let heading = match (atx, paragraph_line, setext_level(unindented)) {
                    (Some((level, text)), _, _) => Some((level, text, start)),
                    (None, Some((text_start, text)), Some(level)) => Some((level, text.trim(), text_start)),
                    _ => None,
                };
                if let Some((level, text, start)) = heading {
                    self.headings.push(Heading { level, text: text.to_lowercase(), start });
                    paragraph_line = None;
                } else {
                    let paragraph = !blank && !unindented.starts_with(['>', '|', '<', '-', '*', '+']) && indent <= 3;
                    paragraph_line = paragraph.then_some((start, content));
                }
            } else {
                paragraph_line = None;
            }
            self.after_blank = blank && self.block == Block::None;
        }
    }

    /// The pass with its last chunk, which ends at `end`, where its reading stopped.
    fn finish(mut self, end: usize) -> Pass {
        if self.chunk_start < end || self.chunks.is_empty() {
            self.chunks.push(self.chunk_start..end);
        }
        self
    }
}

impl Outline {
    /// The outline of a document from the passes that read it, in order.
    fn from_passes(passes: Vec<Pass>) -> Outline {
        let mut outline = Outline { chunks: Vec::new(), sections: Vec::new(), line_marks: Vec::new() };
        // The open headings, outermost first: each one's level and section.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut lines_before = 0;
        for pass in passes {
            outline.chunks.extend(pass.chunks);
            for heading in pass.headings {
                open.retain(|(outer, _)| *outer < heading.level);
                let parent = open.last().map(|&(_, section)| section);
                open.push((heading.level, outline.sections.len()));
                outline.sections.push(Section { start: heading.start, heading: heading.text, parent });
            }
            outline.line_marks.extend(pass.line_marks.into_iter().map(|(start, line)| (start, lines_before + line)));
            lines_before += pass.lines;
        }
        outline
    }
}

/// The lines of a text with their newlines, and where each starts. Newlines are
/// found 64 bytes at a time: most lines of Markdown are short, and a search per
/// line would cost more in starting than in searching.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks(64).enumerate();
    let (mut block_start, mut newlines) = (0, 0u64);
    let mut start = 0;
    std::iter::from_fn(move || {
        while newlines == 0 {
            let Some((index, block)) = blocks.next() else {
                // The last line, without a newline.
                let line = (start < text.len()).then(|| (start, &text[start..]));
                start = text.len();
                return line;
            };
            block_start = index * 64;
            newlines = newline_mask(block);
        }
        let end = block_start + newlines.trailing_zeros() as usize + 1;
        newlines &= newlines - 1;
        let line = (start, &text[start..end]);
        start = end;
        Some(line)
    })
}

/// A bit for each newline in up to 64 bytes, eight bytes at a time.
fn newline_mask(block: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // One bit for each newline among eight bytes (little-endian in a `u64`).
    let newlines_in = |eight: u64| {
        // The high bit of each byte that is a newline, without carries between bytes.
        let diff = eight ^ (ONES * u64::from(b'\n'));
        let high_bits = !(((diff & LOWS) + LOWS) | diff | LOWS);
        // Gathers the eight high bits into the low eight bits.
        (high_bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
    };
    let eights = block.chunks_exact(8);
    let rest = eights.remainder();
    let mut mask = 0;
    let mut shift = 0;
    for eight in eights {
        let eight =
            u64::from_le_bytes([eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7]]);
        mask |= newlines_in(eight) << shift;
        shift += 8;
    }
    for (at, &byte) in rest.iter().enumerate() {
        mask |= u64::from(byte == b'\n') << (shift + at);
    }
    mask
}

/// The block a line leaves open: front matter, a fence or raw HTML, or none.
fn next_block(block: Block, line: &str, content: &str, indent: usize, unindented: &str) -> Block {
    match block {
        Block::FrontMatter(close) => {
            if content == close || (close == "---" && content == "...") {
                Block::None
            } else {
                block
            }
        }
        Block::Fence(mark, length) => {
            let run = unindented.bytes().take_while(|&byte| byte == mark).count();
            let closes = indent <= 3 && run >= length && unindented[run..].trim().is_empty();
            if closes { Block::None } else { block }
        }
        Block::Html(close) => {
            if contains_ignoring_case(line, close) {
                Block::None
            } else {
                block
            }
        }
        Block::None if indent <= 3 => opening(unindented),
        Block::None => Block::None,
    }
}

/// What block, if any, a line opens that can run past blank lines.
fn opening(line: &str) -> Block {
    for mark in [b'`', b'~'] {
        let run = line.bytes().take_while(|&byte| byte == mark).count();
        // A backtick fence's info string has no backticks; "``` `x` ```" is inline code.
        if run >= 3 && !(mark == b'`' && line[run..].contains('`')) {
            return Block::Fence(mark, run);
        }
    }
    if line.starts_with('{')
        && let Some(close) = template_code_close(line)
    {
        return Block::Html(close);
    }
    if let Some(comment) = line.strip_prefix("<!--") {
        return if comment.contains("-->") { Block::None } else { Block::Html("-->") };
    }
    for (open, close) in
        [("<script", "</script>"), ("<pre", "</pre>"), ("<style", "</style>"), ("<textarea", "</textarea>")]
    {
        let opens = line.as_bytes().get(..open.len()).is_some_and(|start| start.eq_ignore_ascii_case(open.as_bytes()));
        if opens {
            return if contains_ignoring_case(line, close) { Block::None } else { Block::Html(close) };
        }
    }
    Block::None
}

/// An ATX heading's level and text: `## Detection ##`.
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&byte| byte == b'#').count();
    let rest = &line[level..];
    if !(1..=6).contains(&level) || !(rest.trim().is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim_end()))
}

/// The level a setext underline gives the line above it: `===` 1, `---` 2.
fn setext_level(line: &str) -> Option<usize> {
    let content = line.trim_end();
    let level = match content.bytes().next()? {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    content.bytes().all(|byte| byte == content.as_bytes()[0]).then_some(level)
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(markdown: &str) -> Vec<&str> {
        outline(markdown).chunks.into_iter().map(|range| &markdown[range]).collect()
    }

    #[test]
    fn chunks_start_at_the_margin_after_a_blank_line() {
        let markdown = "# T\n\nFirst para\ncontinued.\n\n- item\n\n  more of the item\n- next\n\n    code\n\nLast.\n";
        assert_eq!(
            chunks(markdown),
            [
                "# T\n\n",
                "First para\ncontinued.\n\n",
                "- item\n\n  more of the item\n- next\n\n    code\n\n",
                "Last.\n"
            ]
        );
    }

    #[test]
    fn never_inside_front_matter_fences_or_raw_html() {
        for hidden in [
            "```\n\nnot a chunk\n```\n",
            "~~~~\n\nx\n~~~\n\ny\n~~~~\n",
            "<!--\n\nnot a chunk\n-->\n",
            "<pre>\n\nnot a chunk\n</pre>\n",
        ] {
            let markdown = format!("Before.\n\n{hidden}\nAfter.\n");
            assert_eq!(chunks(&markdown), ["Before.\n\n", &format!("{hidden}\n"), "After.\n"], "{hidden}");
        }
        assert_eq!(
            chunks("---\ntitle: x\n\nnot: a chunk\n---\n\nBody.\n"),
            ["---\ntitle: x\n\nnot: a chunk\n---\n\n", "Body.\n"]
        );
        assert_eq!(chunks("``` `inline` ```\n\nNext.\n"), ["``` `inline` ```\n\n", "Next.\n"]);
    }

    #[test]
    fn sections_follow_atx_and_setext_headings() {
        let markdown = "Intro.\n\n# Incident\n\ntext\n\nDetection\n---------\n\nmore\n\n## Action items ##\n\nlast\n\n```\n# not a heading\n```\n";
        let outline = outline(markdown);
        let section_of = |text: &str| {
            let section = outline.section_at(markdown.find(text).expect("text"));
            let mut headings: Vec<&str> = outline.headings(section).collect();
            headings.reverse();
            headings
        };
        assert_eq!(section_of("Intro"), Vec::<&str>::new());
        assert_eq!(section_of("text"), ["incident"]);
        assert_eq!(section_of("Detection"), ["incident", "detection"]);
        assert_eq!(section_of("more"), ["incident", "detection"]);
        assert_eq!(section_of("last"), ["incident", "action items"]);
        assert_eq!(section_of("not a heading"), ["incident", "action items"]);
    }

    #[test]
    fn a_templates_code_block_is_one_chunk_without_headings() {
        let markdown = "Before.\n\n{% highlight bash %}\n# not a heading\n\nmore\n{% endhighlight %}\n\nAfter.\n";
        assert_eq!(
            chunks(markdown),
            ["Before.\n\n", "{% highlight bash %}\n# not a heading\n\nmore\n{% endhighlight %}\n\n", "After.\n"]
        );
        let outline = outline(markdown);
        assert_eq!(outline.section_at(markdown.find("After").expect("text")), None);
    }

    #[test]
    fn a_wiki_pages_headings_make_sections_too() {
        let markdown = "==Summary==\nIntro.\n\n== Detection ==\nThe spike.\n\n===What went poorly?===\n* Slow.\n";
        let outline = outline(markdown);
        let section_of = |text: &str| {
            let mut headings: Vec<&str> =
                outline.headings(outline.section_at(markdown.find(text).expect("text"))).collect();
            headings.reverse();
            headings
        };
        assert_eq!(section_of("Intro"), ["summary"]);
        assert_eq!(section_of("The spike"), ["detection"]);
        assert_eq!(section_of("Slow"), ["detection", "what went poorly?"]);
    }

    #[test]
    fn lines_keep_their_newlines() {
        for text in ["", "a", "a\n", "\n\nb", &format!("{}\n{}\n\n{}", "x".repeat(63), "é".repeat(40), "y".repeat(130))]
        {
            let expected: Vec<(usize, &str)> = text
                .split_inclusive('\n')
                .scan(0, |offset, line| {
                    *offset += line.len();
                    Some((*offset - line.len(), line))
                })
                .collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let markdown: String = (1..=40).map(|line| format!("line {line}: é\n")).collect();
        let outline = outline(&markdown);
        for line in [1, 8, 9, 16, 17, 33, 40] {
            let text = format!("line {line}: é");
            let offset = markdown.find(&text).expect("line") + text.len();
            assert_eq!(outline.position(&markdown, offset), (line, text.chars().count() + 1), "line {line}");
        }
        assert_eq!(outline.position(&markdown, markdown.len()), (41, 1));
        assert_eq!(super::outline("").position("", 0), (1, 1));
    }

    #[test]
    fn halves_read_at_once_outline_as_one_reading_does() {
        let markdown = "---\ntitle: x\n\nsummary: y\n---\n\n# Incident\n\nText one.\n\n```\ncode\n\ninside the fence\n```\n\n\
            Detection\n---------\n\nMore text.\n\n<!--\n\ncomment\n-->\n\n## Action items\n\n- one\n\n  two\n\nLast words.\n";
        let whole = outline_split(markdown, None);
        let splits: Vec<usize> = (2..markdown.len())
            .filter(|&at| markdown[..at].ends_with("\n\n") && markdown.as_bytes()[at].is_ascii_alphanumeric())
            .collect();
        assert!(splits.len() > 5, "{splits:?}");
        // Lines are marked from where each half starts; they place offsets alike.
        let same = |halves: &Outline, whole: &Outline, markdown: &str| {
            halves.chunks == whole.chunks
                && halves.sections == whole.sections
                && (0..=markdown.len()).all(|at| halves.position(markdown, at) == whole.position(markdown, at))
        };
        for split in splits {
            assert!(same(&outline_split(markdown, Some(split)), &whole, markdown), "split at {split}");
        }
        let long = markdown.repeat(40);
        assert!(split_point(&long).is_some());
        assert!(same(&outline(&long), &outline_split(&long, None), &long));
    }

    #[test]
    fn chunks_cover_the_document() {
        for markdown in ["", "x", "\n\n\n", "a\n\nb", "---\n", "```\nunclosed"] {
            let outline = outline(markdown);
            assert_eq!(outline.chunks.first().map(|chunk| chunk.start), Some(0), "{markdown:?}");
            assert_eq!(outline.chunks.last().map(|chunk| chunk.end), Some(markdown.len()), "{markdown:?}");
            assert!(outline.chunks.windows(2).all(|pair| pair[0].end == pair[1].start));
        }
    }
}
