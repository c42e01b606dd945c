//! From Markdown to the prose a person wrote, with the way back to the file.
//!
//! pulldown-cmark parses a chunk of the document (see [`super::outline`]); this
//! module keeps what a reader would read as sentences (paragraphs, list items,
//! table cells, headings, link text, text inside HTML blocks, and the prose
//! fields of the front matter) and drops what is not prose: code spans and
//! blocks, front matter keys, link URLs, image alt text, HTML tags and comments,
//! and log lines quoted in block quotes. Each block of prose remembers where
//! every piece of it came from, so a finding can point at exact byte offsets in
//! the file.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::dialects::{self, Body};
use super::text::{OPAQUE, looks_like_log};
use super::words::is_given_name;

/// A run of prose: a paragraph, a list item's text, a table cell, a heading.
#[derive(Debug)]
pub(crate) struct Block {
    /// The block's text in [`Document::text`].
    pub range: Range<usize>,
}

/// Where a stretch of prose came from.
#[derive(Debug)]
struct Piece {
    /// Start in the document's prose text.
    at: usize,
    /// The range in the source that produced it.
    source: Range<usize>,
    /// Whether each byte of the prose stands for the byte at the same distance in
    /// the source range (a copy, or a space for a newline); a decoded entity or a
    /// stand-in for code maps to the whole range.
    aligned: bool,
}

/// An inline `<!-- debrief-ignore ... -->` comment.
#[derive(Debug)]
pub(crate) struct Suppression {
    /// Byte range of the comment in the source.
    pub range: Range<usize>,
    /// Rule ids or categories; empty for every rule.
    pub rules: Vec<String>,
}

/// The prose of a document, block after block in one string, with the way back to the source.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub text: String,
    pieces: Vec<Piece>,
    pub blocks: Vec<Block>,
    pub suppressions: Vec<Suppression>,
}

impl Document {
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.range.clone()]
    }

    /// The source offset of prose offset `at`, as the start of a range.
    pub fn source_start(&self, at: usize) -> usize {
        let piece = &self.pieces[self.piece_index(at)];
        if piece.aligned { piece.source.start + (at - piece.at) } else { piece.source.start }
    }

    /// The source offset of prose offset `at`, as the end of a range.
    pub fn source_end(&self, at: usize) -> usize {
        let piece = &self.pieces[self.piece_index(at.saturating_sub(1))];
        if piece.aligned { piece.source.start + (at - piece.at) } else { piece.source.end }
    }

    /// Where source offset `source` is in the prose, if it is prose at all.
    pub fn prose_offset(&self, source: usize) -> Option<usize> {
        let index = self.pieces.partition_point(|piece| piece.source.start <= source).checked_sub(1)?;
        let piece = &self.pieces[index];
        if !piece.source.contains(&source) {
            return None;
        }
        Some(if piece.aligned { piece.at + (source - piece.source.start) } else { piece.at })
    }

    fn piece_index(&self, at: usize) -> usize {
        self.pieces.partition_point(|piece| piece.at <= at).saturating_sub(1)
    }
}

/// HTML elements whose text is not prose, with the code elements of wiki pages
/// (`<syntaxhighlight>`, `<source>`) and of MDX pages (`<CodeBlock>`).
const SKIPPED_ELEMENTS: &[&str] =
    &["script", "style", "pre", "code", "kbd", "samp", "svg", "syntaxhighlight", "source", "math", "codeblock"];

/// HTML elements that start or end a block of prose.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "li",
    "td",
    "th",
    "tr",
    "div",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "details",
    "summary",
    "blockquote",
    "dd",
    "dt",
    "section",
    "article",
    "thead",
    "tbody",
    "hr",
];

struct Builder<'a> {
    /// The whole document; offsets are into it.
    source: &'a str,
    front_matter_fields: &'a [String],
    document: Document,
    /// Where the block being built starts in the prose text, and its first piece.
    block_start: usize,
    block_pieces: usize,
    /// Nesting of things whose text is skipped: images, autolinks, code, metadata.
    skip_depth: usize,
    /// For each open link, whether its text is skipped (an autolink shows its URL).
    links: Vec<bool>,
    quote_depth: usize,
    metadata: Option<MetadataBlockKind>,
    /// An HTML comment or skipped element that continues into the next HTML event.
    html_open: Option<HtmlOpen>,
    /// The body of a block that looks like code but holds prose (a MyST directive, an
    /// MkDocs admonition), gathered to be parsed as Markdown at its end; whether it is a
    /// directive, whose options come first.
    prose_body: Option<(Body, bool)>,
    /// The end of a marker line being skipped ([`dialects::is_marker_line`]).
    marker_line_end: Option<usize>,
    /// The text that closes a template's code block being skipped (`endhighlight`).
    template_code_close: Option<&'static str>,
}

enum HtmlOpen {
    Comment { start: usize, text: String },
    Element(&'static str),
}

/// The Markdown extensions read, besides front matter at the start of a document.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// The prose of `source[chunk]`, a chunk that parses alone as it does in the
/// whole document; front matter is only read in the chunk at the start.
/// The UTF-8 byte order mark.
const BOM: &str = "\u{feff}";

pub(crate) fn parse(source: &str, chunk: Range<usize>, front_matter_fields: &[String]) -> Document {
    let mut options = OPTIONS;
    let mut chunk = chunk;
    if chunk.start == 0 {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
        // A byte order mark (editors on Windows write one) stands before the front matter, not in it.
        if source.starts_with(BOM) && chunk.end >= BOM.len() {
            chunk.start = BOM.len();
        }
    }
    let mut builder = Builder {
        source,
        front_matter_fields,
        document: Document::default(),
        block_start: 0,
        block_pieces: 0,
        skip_depth: 0,
        links: Vec::new(),
        quote_depth: 0,
        metadata: None,
        html_open: None,
        prose_body: None,
        marker_line_end: None,
        template_code_close: None,
    };
    builder.document.text.reserve(chunk.len());
    let base = chunk.start;
    for (event, range) in Parser::new_ext(&source[chunk], options).into_offset_iter() {
        builder.event(event, range.start + base..range.end + base);
    }
    builder.flush();
    builder.document
}

impl Builder<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        // Inside `{% highlight %}` ... `{% endhighlight %}` whatever Markdown makes of the code
        // is skipped, up to the line that closes it.
        if let Some(close) = self.template_code_close
            && matches!(
                event,
                Event::Text(_) | Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) | Event::SoftBreak
            )
        {
            if self.line_at(range.start).contains(close) {
                self.template_code_close = None;
                self.marker_line_end = Some(self.line_end(range.start));
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, &range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some((body, _)) = self.prose_body.as_mut() {
                    if self.source.get(range.clone()) == Some(&*text) {
                        body.push(&text, range.start);
                    }
                } else if let Some(kind) = self.metadata {
                    self.front_matter(kind, &text, range);
                } else if self.in_marker_line(&range) {
                    // Not prose: a documentation site's `:::tip` or `{{< alert >}}`.
                } else if self.skip_depth == 0 && !(self.quote_depth > 0 && self.is_log_line(range.start)) {
                    self.push_text(&text, range);
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) | Event::FootnoteReference(_) => {
                if self.skip_depth == 0 {
                    self.push_synthetic(OPAQUE.encode_utf8(&mut [0; 4]), range);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            // The newline that ends a marker line ends the skipping.
            Event::SoftBreak if self.marker_line_end.is_some_and(|end| range.start >= end) => {
                self.marker_line_end = None;
            }
            // A soft break is one newline in the source: a space that keeps offsets aligned.
            Event::SoftBreak if range.len() == 1 => self.push_aligned(" ", range),
            Event::SoftBreak => self.push_synthetic(" ", range),
            Event::HardBreak => self.push_synthetic("\n", range),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag, range: &Range<usize>) {
        match tag {
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            Tag::Link { link_type, .. } => {
                let skipped = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.skip_depth += usize::from(skipped);
                self.links.push(skipped);
            }
            Tag::Image { .. } => self.skip_depth += 1,
            Tag::CodeBlock(kind) => {
                self.flush();
                let directive = matches!(&kind, CodeBlockKind::Fenced(info) if dialects::is_prose_directive(info));
                let admonition =
                    kind == CodeBlockKind::Indented && dialects::follows_admonition(self.source, range.start);
                if self.skip_depth == 0 && (directive || admonition) {
                    self.prose_body = Some((Body::default(), directive));
                } else {
                    self.skip_depth += 1;
                }
            }
            Tag::MetadataBlock(kind) => {
                self.flush();
                self.metadata = Some(kind);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.skip_depth -= 1;
                }
            }
            TagEnd::Image => self.skip_depth -= 1,
            TagEnd::CodeBlock => match self.prose_body.take() {
                Some((mut body, directive)) => {
                    if directive {
                        body.skip_options();
                    }
                    self.parse_body(&body);
                }
                None => {
                    self.skip_depth -= 1;
                    self.flush();
                }
            },
            TagEnd::MetadataBlock(_) => self.metadata = None,
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth -= 1;
            }
            _ => self.flush(),
        }
    }

    /// Reads the body of a block that holds prose as the Markdown it is.
    fn parse_body(&mut self, body: &Body) {
        for (event, range) in Parser::new_ext(&body.text, OPTIONS).into_offset_iter() {
            self.event(event, body.source_range(range));
        }
        self.flush();
    }

    /// Whether text at `range` is on a line that only marks a documentation site's
    /// block (`:::tip`, `!!! warning "Impact"`, `{{< alert >}}`): the block before it
    /// ends there, and the line is not read.
    fn in_marker_line(&mut self, range: &Range<usize>) -> bool {
        if let Some(end) = self.marker_line_end {
            if range.start < end {
                return true;
            }
            self.marker_line_end = None;
        }
        let starts_marker = self.source.as_bytes().get(range.start).is_some_and(|byte| b":!?={".contains(byte));
        if !starts_marker || self.skip_depth > 0 || self.metadata.is_some() {
            return false;
        }
        let line_start = self.source[..range.start].rfind('\n').map_or(0, |newline| newline + 1);
        if !self.source[line_start..range.start].trim_start_matches([' ', '\t', '>']).is_empty() {
            return false;
        }
        let line_end = self.line_end(range.start);
        let line = self.source[range.start..line_end].trim_end();
        if !dialects::is_marker_line(line) {
            return false;
        }
        self.flush();
        self.marker_line_end = Some(line_end);
        self.template_code_close = dialects::template_code_close(line);
        true
    }

    /// The source line holding byte `at`, without its newline.
    fn line_at(&self, at: usize) -> &str {
        let start = self.source[..at].rfind('\n').map_or(0, |newline| newline + 1);
        &self.source[start..self.line_end(at)]
    }

    /// Where the source line holding byte `at` ends, before its newline.
    fn line_end(&self, at: usize) -> usize {
        self.source[at..].find('\n').map_or(self.source.len(), |newline| at + newline)
    }

    /// Ends the current block; one without a letter or digit is dropped.
    fn flush(&mut self) {
        let document = &mut self.document;
        let text = &document.text[self.block_start..];
        if text.chars().any(char::is_alphanumeric) {
            document.blocks.push(Block { range: self.block_start..document.text.len() });
        } else {
            document.text.truncate(self.block_start);
            document.pieces.truncate(self.block_pieces);
        }
        // A separator keeps sentences of neighbouring blocks apart.
        if document.text.len() > self.block_start {
            document.text.push('\n');
        }
        self.block_start = document.text.len();
        self.block_pieces = document.pieces.len();
    }

    fn push_text(&mut self, text: &str, range: Range<usize>) {
        if self.source.get(range.clone()) == Some(text) {
            self.push_aligned(text, range);
        } else {
            self.push_synthetic(text, range);
        }
    }

    /// Prose whose bytes stand one for one for the source range's bytes.
    fn push_aligned(&mut self, text: &str, range: Range<usize>) {
        let document = &mut self.document;
        let at = document.text.len();
        document.text.push_str(text);
        // Consecutive aligned stretches of the source (the lines of a paragraph) share one piece.
        if let Some(last) = document.pieces.last_mut()
            && last.aligned
            && last.source.end == range.start
            && last.at + last.source.len() == at
        {
            last.source.end = range.end;
            return;
        }
        document.pieces.push(Piece { at, source: range, aligned: true });
    }

    fn push_synthetic(&mut self, text: &str, range: Range<usize>) {
        self.document.pieces.push(Piece { at: self.document.text.len(), source: range, aligned: false });
        self.document.text.push_str(text);
    }

    /// Whether the source line holding `offset`, inside a block quote, is a quoted log or chat line.
    fn is_log_line(&self, offset: usize) -> bool {
        let line_start = self.source[..offset].rfind('\n').map_or(0, |index| index + 1);
        let line_end = self.source[offset..].find('\n').map_or(self.source.len(), |index| offset + index);
        let line = self.source[line_start..line_end].trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        looks_like_log(line) || is_chat_line(line)
    }

    /// Prose values of the front matter (`title: ...`, `summary = "..."`), each a block of its own.
    fn front_matter(&mut self, kind: MetadataBlockKind, text: &str, range: Range<usize>) {
        if self.source.get(range.clone()) != Some(text) {
            return;
        }
        let separator = match kind {
            MetadataBlockKind::YamlStyle => ':',
            MetadataBlockKind::PlusesStyle => '=',
        };
        let mut line_start = range.start;
        for line in text.split_inclusive('\n') {
            let offset = line_start;
            line_start += line.len();
            if line.starts_with(char::is_whitespace) {
                continue;
            }
            let Some((key_part, value)) = line.split_once(separator) else { continue };
            let key = key_part.trim().trim_matches(['"', '\'']);
            if !self.front_matter_fields.iter().any(|field| field.eq_ignore_ascii_case(key)) {
                continue;
            }
            let value_start = offset + key_part.len() + separator.len_utf8() + (value.len() - value.trim_start().len());
            let value = value.trim();
            let unquoted = value.trim_matches(['"', '\'']);
            if unquoted.is_empty() || unquoted.starts_with(['|', '>', '[', '{', '#']) {
                continue;
            }
            let start = value_start + (value.len() - value.trim_start_matches(['"', '\'']).len());
            self.push_text(unquoted, start..start + unquoted.len());
            self.flush();
        }
    }

    /// Text between the tags of an HTML block or inline HTML, and `debrief-ignore` comments.
    fn html(&mut self, html: &str, range: Range<usize>) {
        if self.source.get(range.clone()) != Some(html) {
            return;
        }
        let mut at = 0;
        while at < html.len() {
            match self.html_open.take() {
                Some(HtmlOpen::Comment { start, mut text }) => match html[at..].find("-->") {
                    Some(end) => {
                        text.push_str(&html[at..at + end]);
                        at += end + 3;
                        self.comment(start..range.start + at, &text);
                    }
                    None => {
                        text.push_str(&html[at..]);
                        self.html_open = Some(HtmlOpen::Comment { start, text });
                        return;
                    }
                },
                Some(HtmlOpen::Element(name)) => {
                    let closing = format!("</{name}");
                    match find_ignoring_case(&html[at..], &closing) {
                        Some(end) => at += end,
                        None => {
                            self.html_open = Some(HtmlOpen::Element(name));
                            return;
                        }
                    }
                    at += html[at..].find('>').map_or(html.len() - at, |end| end + 1);
                }
                None => {
                    let rest = &html[at..];
                    let Some(tag_start) = rest.find('<') else {
                        self.push_html_text(rest, range.start + at);
                        return;
                    };
                    self.push_html_text(&rest[..tag_start], range.start + at);
                    at += tag_start;
                    if html[at..].starts_with("<!--") {
                        self.html_open = Some(HtmlOpen::Comment { start: range.start + at, text: String::new() });
                        at += 4;
                        continue;
                    }
                    let tag_end = html[at..].find('>').map_or(html.len(), |end| at + end + 1);
                    self.tag(&html[at..tag_end], range.start + at..range.start + tag_end);
                    at = tag_end;
                }
            }
        }
    }

    fn push_html_text(&mut self, text: &str, offset: usize) {
        if self.skip_depth == 0 && !text.is_empty() {
            self.push_text(text, offset..offset + text.len());
        }
    }

    fn tag(&mut self, tag: &str, range: Range<usize>) {
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches('<')
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "br" {
            self.push_synthetic("\n", range);
        } else if BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.flush();
        } else if !closing
            && !tag.ends_with("/>")
            // HTML's <source src=...> (in <video>) has no end tag; a wiki's <source lang=...> has.
            && (name != "source" || tag.contains("lang="))
            && let Some(skipped) = SKIPPED_ELEMENTS.iter().find(|element| **element == name)
        {
            self.html_open = Some(HtmlOpen::Element(skipped));
        }
    }

    fn comment(&mut self, range: Range<usize>, text: &str) {
        let Some(rules) = text.trim().strip_prefix("debrief-ignore") else { return };
        if rules.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
            return;
        }
        let rules = rules
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|rule| !rule.is_empty())
            .map(str::to_string)
            .collect();
        self.document.suppressions.push(Suppression { range, rules });
    }
}

/// Byte offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a quoted line is a chat message pasted with its speaker: "Bob: I should have
/// checked", "@carol: ...", "**Dave**: ...". What responders said at the time is a record,
/// not the write-up's wording. ("Note: ..." and "Update: ..." are the writer's own labels.)
fn is_chat_line(line: &str) -> bool {
    let Some((speaker, _)) = line.split_once(": ") else { return false };
    let name = speaker.trim_matches('*');
    let one_word = !name.is_empty() && !name.contains(char::is_whitespace);
    let handle = name.starts_with('@') && name.len() > 1;
    let bold = speaker.starts_with("**") && speaker.ends_with("**");
    one_word && (handle || bold || is_given_name(&name.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(source: &str) -> Vec<String> {
        let document = parse(source, 0..source.len(), &["title".to_string()]);
        document.blocks.iter().map(|block| document.block_text(block).to_string()).collect()
    }

    #[test]
    fn code_urls_and_keys_are_not_prose() {
        let source = "---\ntitle: We should have known\nowner: bob\n---\n\n# Summary\n\nThe `deploy` job ran [here](https://x.test/would-have).\n\n```\nwe should have\n```\n\n    indented code\n\n![would have](img.png) <https://would.have>\n";
        let blocks = prose(source);
        assert_eq!(blocks[0], "We should have known");
        assert_eq!(blocks[1], "Summary");
        assert_eq!(blocks[2], format!("The {OPAQUE} job ran here."));
        assert_eq!(blocks.len(), 3, "{blocks:?}");
    }

    #[test]
    fn directive_and_admonition_bodies_are_prose() {
        let source = "```{note}\nWe should have tested the restore.\n```\n\n```{admonition} Lessons\n:class: tip\n\nThe engineer failed to check.\n```\n\n```{code-block} bash\necho would have\n```\n\n!!! warning \"Impact\"\n\n    The fix was trivial.\n\n        nested code\n\n    Its second paragraph.\n\nOutside.\n\n    indented code\n";
        let blocks = prose(source);
        assert_eq!(
            blocks,
            [
                "We should have tested the restore.",
                "The engineer failed to check.",
                "The fix was trivial.",
                "Its second paragraph.",
                "Outside."
            ],
            "{blocks:?}"
        );
        let document = parse(source, 0..source.len(), &[]);
        for block in &document.blocks {
            let text = document.block_text(block);
            let range = document.source_start(block.range.start)..document.source_end(block.range.end);
            assert_eq!(&source[range], text);
        }
    }

    #[test]
    fn a_templates_code_block_is_not_prose() {
        let source = "Before.\n\n{% highlight bash %}\n# we should have\necho would have\n\n- not a list\n{% endhighlight %}\n\nAfter.\n\n{{< highlight go >}}\nx := 1 // failed to\n{{< /highlight >}}\n";
        assert_eq!(prose(source), ["Before.", "After."]);
    }

    #[test]
    fn marker_lines_end_blocks_and_are_not_prose() {
        let source = ":::tip Lessons\nBe more careful with prod config.\n:::\n\n!!! note \"Timeline\"\n    The deploy could have waited.\n\n{{< alert >}}\nIt was that easy.\n{{< /alert >}}\n";
        // (A soft break before a closing marker stays as a space at the end of its block.)
        let blocks: Vec<String> = prose(source).iter().map(|block| block.trim_end().to_string()).collect();
        assert_eq!(blocks, ["Be more careful with prod config.", "The deploy could have waited.", "It was that easy."]);
    }

    #[test]
    fn offsets_point_into_the_source() {
        let source =
            "# T\n\nA line with &amp; an entity\nand a *soft* break.\n\n| a | b |\n|---|---|\n| x | cell text |\n";
        let document = parse(source, 0..source.len(), &[]);
        let texts: Vec<&str> = document.blocks.iter().map(|block| document.block_text(block)).collect();
        for block in &document.blocks {
            let text = document.block_text(block);
            for word in text.split_whitespace().filter(|word| word.chars().all(char::is_alphabetic)) {
                let at = block.range.start + text.find(word).expect("word");
                let range = document.source_start(at)..document.source_end(at + word.len());
                assert_eq!(&source[range], word);
            }
        }
        assert!(texts.contains(&"cell text"), "{texts:?}");
        assert!(texts.contains(&"A line with & an entity and a soft break."), "{texts:?}");
    }

    #[test]
    fn a_chunk_keeps_offsets_into_the_whole_document() {
        let source = "---\ntitle: x\n---\n\nFirst.\n\n---\nsummary: not front matter\n---\n";
        let chunk = source.find("\n\n---").expect("second chunk") + 2;
        let document = parse(source, chunk..source.len(), &["summary".to_string()]);
        let block = &document.blocks[0];
        assert_eq!(document.block_text(block), "summary: not front matter");
        assert_eq!(document.source_start(block.range.start), chunk + 4);
    }

    #[test]
    fn html_text_is_prose_and_comments_suppress() {
        let source = "<!-- debrief-ignore minimizing-just, blame -->\nJust restart it.\n\n<table><tr><td>Could we have <b>caught</b> it?</td></tr></table>\n\n<script>would have</script>\n";
        let document = parse(source, 0..source.len(), &[]);
        assert_eq!(document.suppressions.len(), 1);
        assert_eq!(document.suppressions[0].rules, ["minimizing-just", "blame"]);
        let texts: Vec<&str> = document.blocks.iter().map(|block| document.block_text(block)).collect();
        assert_eq!(texts, ["Just restart it.", "Could we have caught it?"]);
    }

    #[test]
    fn wiki_and_mdx_code_elements_are_not_prose() {
        let blocks = prose(
            "Before.\n\n<syntaxhighlight lang=\"bash\">\n$ run 'you should have restarted this'\n</syntaxhighlight>\n\n\
             <source lang=\"sql\">\nSELECT 'should have' FROM t;\n</source>\n\n<CodeBlock language=\"js\">\n\
             // we should have retried\n</CodeBlock>\n\nAfter.\n",
        );
        assert_eq!(blocks, ["Before.", "After."]);
        let blocks =
            prose("<video>\n<source src=\"a.mp4\" type=\"video/mp4\">\n</video>\n\nWe could have rolled back.\n");
        assert_eq!(blocks, ["We could have rolled back."]);
    }

    #[test]
    fn quoted_chat_lines_are_skipped() {
        let blocks = prose(
            "> Bob: I should have checked the replica\n\n> @carol: we could have failed over\n\n\
             > **Dave**: should have paged\n\n> Note: we should have retried.\n",
        );
        assert_eq!(blocks, ["Note: we should have retried."]);
    }

    #[test]
    fn quoted_log_lines_are_skipped() {
        let blocks = prose("> 2024-05-01T10:00:00Z ERROR we should have retried\n\n> We should have retried.\n");
        assert_eq!(blocks, ["We should have retried."]);
    }
}
