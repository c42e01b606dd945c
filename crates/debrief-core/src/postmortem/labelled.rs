//! Post-mortems filled in as forms: table rows of label and value pairs, "| Severity | SEV-2 |",
//! or several side by side, "| Detection Time | 2024-03-02 09:20 UTC | Time to Detect (TTD) | 8
//! minutes |", as Michael Kehoe's template lays out an incident's timing; and sections holding a
//! single value under a heading naming it, "### Date" then "2015-10-21", as the Site Reliability
//! Engineering book's template asks. The readers of a post-mortem written by hand (its key
//! times, figures, date and severity) read labelled lines, "Severity: SEV-2"; these are given to
//! them as such lines.

use std::ops::Range;

/// The cells of a table row: the ranges of `line` between its bars (a bar escaped with a
/// backslash is text). Empty for a line that is not a row.
pub(super) fn table_cells(line: &str) -> Vec<Range<usize>> {
    let Some(first) = line.find('|').filter(|&at| line[..at].trim().is_empty()) else { return Vec::new() };
    let bytes = line.as_bytes();
    let mut bars: Vec<usize> = vec![first];
    bars.extend((first + 1..line.len()).filter(|&at| bytes[at] == b'|' && bytes[at - 1] != b'\\'));
    // A row's closing bar may be left off.
    let end = line.trim_end().len();
    if bars.last().is_some_and(|&last| last + 1 < end) {
        bars.push(end);
    }
    bars.windows(2).map(|pair| pair[0] + 1..pair[1]).collect()
}

/// Each label and value pair in `markdown`'s table rows as a line of its own, "Label: value",
/// and each section of one short line under a `##` to `######` heading ("### Date", "2015-10-21"),
/// outside fenced code; a row of an odd number of cells, a label that is a figure (a timeline's
/// time) and an empty value give none.
pub(super) fn labelled_rows(markdown: &str) -> String {
    let mut lines = String::new();
    let mut fence: Option<&str> = None;
    let all: Vec<&str> = markdown.lines().collect();
    for (index, line) in all.iter().copied().enumerate() {
        let trimmed = line.trim_start();
        match fence {
            Some(open) if trimmed.starts_with(open) => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => fence = Some(&trimmed[..3]),
            None if line.starts_with("##") => {
                if let Some(value) = single_value(&all[index + 1..]) {
                    let label = line.trim_start_matches('#').trim().trim_end_matches('#').trim();
                    if !label.is_empty() && label.len() <= 48 {
                        lines.push_str(&format!("{label}: {value}\n"));
                    }
                }
            }
            None => {
                let cells = table_cells(line);
                if cells.is_empty() || !cells.len().is_multiple_of(2) {
                    continue;
                }
                for pair in cells.chunks(2) {
                    let label = line[pair[0].clone()].trim().trim_matches(['*', '_']).trim();
                    let value = line[pair[1].clone()].trim();
                    let figure = label.starts_with(|c: char| c.is_ascii_digit());
                    if !label.is_empty() && !figure && !value.is_empty() && !label.chars().all(|c| "-: ".contains(c)) {
                        lines.push_str(&format!("{label}: {value}\n"));
                    }
                }
            }
        }
    }
    lines
}

/// The one short line a section holds before the next heading, when it holds just that.
fn single_value<'a>(section: &[&'a str]) -> Option<&'a str> {
    let mut written = section.iter().take_while(|line| !line.starts_with('#')).filter(|line| !line.trim().is_empty());
    let value = written.next()?.trim();
    let plain = !value.starts_with(['|', '<', '`', '>', '-', '*', '+']) && value.len() <= 80;
    (written.next().is_none() && plain).then_some(value)
}

/// `text` followed by `rows`, the lines [`labelled_rows`] gives, when there are any.
pub(super) fn with_rows(text: &str, rows: &str) -> String {
    if rows.is_empty() { text.to_string() } else { format!("{text}\n\n{rows}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_label_and_value_pairs_read_as_labelled_lines() {
        let kehoe = "### Incident Timing\n| Start Time | 2024-03-02 09:12 UTC | Incident Detected By | Alerting |\n\
                     |---|---|---|---|\n| Detection Time | 2024-03-02 09:20 UTC | Time to Detect (TTD) | 8 minutes |\n\
                     | **Severity** | SEV-2 |\n| Resolution Time | | Time to Resolve (TTR) | |\n";
        assert_eq!(
            labelled_rows(kehoe),
            "Start Time: 2024-03-02 09:12 UTC\nIncident Detected By: Alerting\nDetection Time: 2024-03-02 09:20 UTC\n\
             Time to Detect (TTD): 8 minutes\nSeverity: SEV-2\n"
        );
        // The Site Reliability Engineering book's: a value alone under the heading naming it.
        let book = "# Outage\n\n### Date\n\n2015-10-21\n\n### Authors\njennifer, martym\n\n### Summary\n\n\
                    Shakespeare Search down for 66 minutes.\nA second line.\n\n### Impact\n\n- 1.21B queries lost\n";
        assert_eq!(labelled_rows(book), "Date: 2015-10-21\nAuthors: jennifer, martym\n");
        // A timeline's rows start with their time; a three-column table and code are not forms.
        let others = "| 09:12 | Primary lost its disk |\n| Action | Owner | Due |\n```\n| Severity | SEV-1 |\n```\n";
        assert_eq!(labelled_rows(others), "");
        assert_eq!(table_cells("| a \\| b | c"), [1..9, 10..12]);
        assert!(table_cells("no bars here").is_empty() && table_cells("text | with a bar").is_empty());
    }
}
