//! The timeline as a GitHub-flavoured Markdown table, as it appears in a
//! post-mortem. Cell text is escaped so a pasted chat line cannot break the table.

use crate::model::Entry;
use crate::time;

pub fn timeline_table(entries: &[Entry]) -> String {
    let mut table = String::from("| Time | Who | Kind | What happened |\n|---|---|---|---|\n");
    for entry in entries {
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            time::display(&entry.at),
            cell(entry.who.as_deref().unwrap_or("")),
            entry.kind.as_str(),
            cell(&entry.text)
        ));
    }
    table
}

/// One table cell: pipes escaped, line breaks kept as `<br>`, HTML-looking text kept literal.
fn cell(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            escaped.push_str("<br>");
        }
        for c in line.trim_end().chars() {
            match c {
                '|' => escaped.push_str("\\|"),
                '<' => escaped.push_str("&lt;"),
                '>' => escaped.push_str("&gt;"),
                '&' => escaped.push_str("&amp;"),
                _ => escaped.push(c),
            }
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntryKind;
    use chrono::DateTime;

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
        }
    }

    #[test]
    fn rows_show_date_zone_who_kind_and_text() {
        let table = timeline_table(&[entry(Some("alice"), "restarted the pool")]);
        assert!(table.ends_with("| 2026-11-23 14:05:00 +01:00 | alice | note | restarted the pool |\n"), "{table}");
    }

    #[test]
    fn pasted_chat_cannot_break_the_table() {
        let table = timeline_table(&[entry(None, "[14:02] <bob> a | b\nsecond line")]);
        let row = table.lines().nth(2).unwrap();
        assert_eq!(row, "| 2026-11-23 14:05:00 +01:00 |  | note | [14:02] &lt;bob&gt; a \\| b<br>second line |");
        assert_eq!(table.lines().count(), 3);
    }
}
