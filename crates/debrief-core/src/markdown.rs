//! Markdown building blocks for post-mortems: tables whose cells survive any
//! text (pipes, HTML, line breaks) and read back exactly, the timeline table, and which file
//! names hold Markdown.

use chrono::DateTime;

use crate::model::{Entry, EntryKind};
use crate::time;

/// The format of times in the timeline table: date, time and offset, read back exactly.
const TABLE_TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S %:z";

pub fn timeline_table(entries: &[Entry]) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|entry| {
            // A key time nobody accepted is a note of what someone proposed, not a key time.
            let (kind, text) = match entry.proposed {
                true => (EntryKind::Note.as_str(), format!("(proposed {}) {}", entry.kind.as_str(), entry.text)),
                false => (entry.kind.as_str(), entry.text.clone()),
            };
            vec![time::display(&entry.at), cell(entry.who.as_deref().unwrap_or("")), kind.to_string(), cell(&text)]
        })
        .collect();
    table(&["Time", "Who", "Kind", "What happened"], &rows)
}

/// The endings of Markdown files' names, longest first: `.md` and `.markdown`, MDX (Docusaurus,
/// Astro) and Middleman's templates (`.html.md.erb`, as GOV.UK-style documentation sites name
/// their pages), which are Markdown with the odd `<% %>` tag.
const MARKDOWN_ENDINGS: &[&str] = &[".markdown.erb", ".md.erb", ".markdown", ".mdx", ".md"];

/// A Markdown file's name without its ending, and without the `.html` Middleman puts before it
/// (`2020-02-12.html.md.erb` → `2020-02-12`); `None` for a file of another kind. Case is ignored.
pub fn markdown_stem(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    let ending = MARKDOWN_ENDINGS.iter().find(|ending| lower.ends_with(*ending))?;
    // Lower-casing ASCII keeps every byte where it was, so the positions hold in `name`.
    let stem = &lower[..lower.len() - ending.len()];
    let kept = stem.strip_suffix(".html").unwrap_or(stem).len();
    name.get(..kept)
}

/// A GitHub-flavoured Markdown table; cells must already be escaped with [`cell`].
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut table = format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
    for row in rows {
        table.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    table
}

/// One table cell: line breaks become ` <br />`, and pipes, backslashes, braces and HTML are
/// escaped, so pasted chat or log text can neither break the table nor inject markup. Braces
/// and the closed `<br />` are for MDX, which Docusaurus reads `.md` files as: an unescaped `{`
/// starts a JavaScript expression there, and an unclosed `<br>` a tag that never ends (both fail
/// the site's build); the same text reads the same in CommonMark, kramdown and Python-Markdown.
/// The space before it keeps the lines' words apart where raw HTML is dropped (Hugo's default).
/// A `%` after a brace is written as a character reference, because Jekyll (GitHub Pages) runs
/// every page through Liquid first, where `{%` opens a tag even after a backslash and a tag
/// never closed fails the build (`{{` is already split by the backslash between its braces).
pub fn cell(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        match c {
            '%' if previous == Some('{') => escaped.push_str("&#37;"),
            '\n' => escaped.push_str(" <br />"),
            '|' => escaped.push_str("\\|"),
            '\\' => escaped.push_str("\\\\"),
            '{' => escaped.push_str("\\{"),
            '}' => escaped.push_str("\\}"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            _ => escaped.push(c),
        }
        previous = Some(c);
    }
    escaped
}

/// What [`cell`] writes for each character it escapes, and the `<br>` it wrote for a line
/// break before braces were escaped (the longer forms first).
pub const CELL_ESCAPES: [(&str, char); 11] = [
    (" <br />", '\n'),
    ("<br />", '\n'),
    ("<br>", '\n'),
    ("\\|", '|'),
    ("\\\\", '\\'),
    ("\\{", '{'),
    ("\\}", '}'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&amp;", '&'),
    ("&#37;", '%'),
];

/// The inverse of [`cell`].
pub fn uncell(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (escaped, original) in CELL_ESCAPES {
            if let Some(after) = rest.strip_prefix(escaped) {
                plain.push(original);
                rest = after;
                continue 'outer;
            }
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    plain
}

/// The cells of one table row, split on pipes that are not escaped; `None` if it is not a row.
pub fn row_cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (index, c) in inner.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                cells.push(inner[start..index].trim());
                start = index + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(inner[start..].trim());
    Some(cells)
}

/// A timeline row read back from a post-mortem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub at: DateTime<chrono::FixedOffset>,
    pub who: Option<String>,
    pub kind: EntryKind,
    pub text: String,
}

/// Reads a timeline table as [`timeline_table`] writes it. On a row it cannot read, returns the
/// 0-based line within `table` and why.
pub fn parse_timeline_table(table: &str) -> Result<Vec<TimelineRow>, (usize, String)> {
    let mut rows = Vec::new();
    for (index, line) in table.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells = row_cells(line).ok_or_else(|| (index, "this line is not a table row".to_string()))?;
        if index == 0 || cells.iter().all(|cell| !cell.is_empty() && cell.chars().all(|c| c == '-' || c == ':')) {
            continue;
        }
        let [at, who, kind, text] = cells.as_slice() else {
            return Err((
                index,
                format!("a timeline row has 4 cells (time, who, kind, text), this one has {}", cells.len()),
            ));
        };
        let at = DateTime::parse_from_str(at, TABLE_TIME_FORMAT)
            .map_err(|_| (index, format!("`{at}` is not a time such as 2026-11-23 14:05:00 +01:00")))?;
        let kind = kind.parse::<EntryKind>().map_err(|error| (index, crate::Error::from(error).to_string()))?;
        let text = uncell(text);
        if text.trim().is_empty() && kind.key_time().is_none() {
            return Err((index, "the row has no text".to_string()));
        }
        rows.push(TimelineRow { at, who: (!who.is_empty()).then(|| uncell(who)), kind, text });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(who: Option<&str>, text: &str) -> Entry {
        let at = DateTime::parse_from_rfc3339("2026-11-23T14:05:00+01:00").unwrap();
        Entry {
            id: 1,
            incident: "i".into(),
            at,
            recorded_at: at,
            who: who.map(str::to_string),
            kind: EntryKind::Note,
            text: text.into(),
            source: "test".into(),
            history: vec![],
            author: None,
            proposed: false,
        }
    }

    #[test]
    fn rows_show_date_zone_who_kind_and_text() {
        let table = timeline_table(&[entry(Some("alice"), "restarted the pool")]);
        assert!(table.ends_with("| 2026-11-23 14:05:00 +01:00 | alice | note | restarted the pool |\n"), "{table}");
    }

    #[test]
    fn pasted_chat_cannot_break_the_table() {
        let table = timeline_table(&[entry(None, "[14:02] <bob> a | b\\c {pool: 40}\nsecond line")]);
        let row = table.lines().nth(2).unwrap();
        assert_eq!(
            row,
            "| 2026-11-23 14:05:00 +01:00 |  | note | [14:02] &lt;bob&gt; a \\| b\\\\c \\{pool: 40\\} <br />second line |"
        );
        assert_eq!(table.lines().count(), 3);
    }

    #[test]
    fn cells_read_back_exactly() {
        for text in [
            "plain",
            "a | b",
            "back\\slash\\|",
            "<br> literal",
            "&amp; literal",
            "two\nlines",
            "  indented\n  more",
            "{a} \\{",
            "{% if x %} {{ y }} 100% {%",
            "&#37; literal",
        ] {
            assert_eq!(uncell(&cell(text)), text);
            assert!(!cell(text).contains("{{") && !cell(text).contains("{%"), "Liquid reads no tag in {text:?}");
        }
        assert_eq!(uncell("one<br>two"), "one\ntwo", "a line break as written before <br />");
        assert_eq!(cell("a \nb"), "a  <br />b");
    }

    #[test]
    fn the_timeline_table_reads_back() {
        let entries = [entry(Some("alice"), "a | b\nc"), entry(None, "<script>")];
        let rows = parse_timeline_table(&timeline_table(&entries)).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].who.as_deref(), rows[0].text.as_str()), (Some("alice"), "a | b\nc"));
        assert_eq!((rows[1].who.as_deref(), rows[1].text.as_str()), (None, "<script>"));
        assert_eq!(rows[0].at, entries[0].at);
    }

    #[test]
    fn a_broken_row_is_reported_with_its_line() {
        let table = "| Time | Who | Kind | What happened |\n|---|---|---|---|\n| yesterday | bob | note | hi |\n";
        assert_eq!(parse_timeline_table(table).unwrap_err().0, 2);
        let missing_cell =
            "| Time | Who | Kind | What happened |\n|---|---|---|---|\n| 2026-11-23 14:05:00 +01:00 | note | hi |\n";
        assert!(parse_timeline_table(missing_cell).unwrap_err().1.contains("4 cells"));
    }

    #[test]
    fn markdown_is_told_by_the_endings_teams_save_it_with() {
        assert_eq!(markdown_stem("2024-01-02-db.md"), Some("2024-01-02-db"));
        assert_eq!(markdown_stem("Outage.MARKDOWN"), Some("Outage"));
        assert_eq!(markdown_stem("cdn.mdx"), Some("cdn"));
        assert_eq!(markdown_stem("2020-02-12.html.md.erb"), Some("2020-02-12"));
        assert_eq!(markdown_stem("nginx-tls.html.md"), Some("nginx-tls"));
        assert_eq!(markdown_stem("Störung.md"), Some("Störung"));
        for other in ["notes.txt", "page.erb", "index.html", "md", "readme"] {
            assert_eq!(markdown_stem(other), None, "{other}");
        }
    }
}
