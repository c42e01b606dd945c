//! DiscordChatExporter's CSV export of a channel, handed to `import log` as the channel's log:
//! a header `AuthorID,Author,Date,Content,Attachments,Reactions`, then one row a message, every
//! field quoted, the words running across lines. Its dates are written as the text export's
//! headings write them ("11/23/2026 11:52 PM", in the exporter's culture and zone), so each row
//! is turned into the text export's shape and read as that export is: its days, its names, its
//! attachments' links. Reactions are left out, as they are from the text export.

use std::io::Read;

/// The header DiscordChatExporter's `CsvMessageWriter` writes first.
const HEADER: &str = "AuthorID,Author,Date,Content,Attachments,Reactions";

/// Whether a file that starts with `head` is DiscordChatExporter's CSV export.
pub(super) fn is_csv_export(head: &[u8]) -> bool {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    head.starts_with(HEADER.as_bytes()) && matches!(head.get(HEADER.len()), Some(b'\r' | b'\n') | None)
}

/// The export's messages as DiscordChatExporter's text export writes them; why not, when a row
/// is not the export's.
pub(super) fn as_text_export(reader: impl Read) -> Result<String, String> {
    let bytes = super::chat_export::read_whole(reader)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut rows = records(text.trim_start_matches('\u{feff}')).into_iter().enumerate();
    rows.next();
    let mut export = String::with_capacity(text.len());
    for (number, row) in rows {
        let [_, author, date, content, attachments, _] = row.as_slice() else {
            return Err(format!(
                "row {} has {} fields, not the export's 6: it is not a whole DiscordChatExporter CSV export; export \
                 the channel again",
                number + 1,
                row.len()
            ));
        };
        export.push_str(&format!("[{}] {}\n", date.trim(), author.trim()));
        if !content.trim().is_empty() {
            export.push_str(content.trim_end());
            export.push('\n');
        }
        let links: Vec<&str> = attachments.split(',').map(str::trim).filter(|link| !link.is_empty()).collect();
        if !links.is_empty() {
            export.push_str("\n{Attachments}\n");
            for link in links {
                export.push_str(link);
                export.push('\n');
            }
        }
        export.push('\n');
    }
    Ok(export)
}

/// The rows of a CSV text, each a list of its fields: fields quoted or not, `""` a quote inside
/// quotes, line breaks inside quotes kept.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_reads_as_the_text_export_writes_its_message() {
        // As DiscordChatExporter's `CsvMessageWriter` writes it: a header, then every field quoted.
        let csv = "\u{feff}AuthorID,Author,Date,Content,Attachments,Reactions\r\n\
                   \"7\",\"alice\",\"11/23/2026 11:52 PM\",\"DB CPU at 100%, paging \"\"Bob\"\"\nsee graph\",\
                   \"https://cdn.discordapp.com/attachments/1/2/cpu.png\",\"👀 (2)\"\r\n\
                   \"8\",\"bob#0420\",\"11/24/2026 12:03 AM\",\"Restarted the pool\",\"\",\"\"\r\n";
        assert!(is_csv_export(csv.as_bytes()));
        assert!(!is_csv_export(b"AuthorID,Author,Date\n") && !is_csv_export(b"[14:02] <alice> hi\n"));
        assert_eq!(
            as_text_export(csv.as_bytes()).unwrap(),
            "[11/23/2026 11:52 PM] alice\nDB CPU at 100%, paging \"Bob\"\nsee graph\n\n{Attachments}\n\
             https://cdn.discordapp.com/attachments/1/2/cpu.png\n\n[11/24/2026 12:03 AM] bob#0420\nRestarted the pool\n\n"
        );
        let broken = "AuthorID,Author,Date,Content,Attachments,Reactions\n\"7\",\"alice\",\"11/23/2026 11:52 PM\"\n";
        assert!(as_text_export(broken.as_bytes()).unwrap_err().starts_with("row 2 has 3 fields"));
    }
}
