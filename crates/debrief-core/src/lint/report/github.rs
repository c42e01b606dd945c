//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
//! finding, which GitHub shows on the line of the pull request's diff.

use std::io::{self, Write};

use super::{Document, Printer, Totals, message_and_suggestion};
use crate::lint::{Finding, Severity};

pub(super) struct Github;

impl Printer for Github {
    fn document(&mut self, out: &mut dyn Write, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()> {
        for finding in &findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(document.shown),
                finding.line,
                finding.column,
                finding.end_line,
                finding.end_column,
                escape_property(&format!("{} ({})", finding.rule, finding.category.as_str())),
                escape_data(&message_and_suggestion(finding))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals, _errors: &[String]) -> io::Result<()> {
        Ok(())
    }
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_their_separators() {
        assert_eq!(escape_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(escape_data("a,b:c"), "a,b:c");
    }
}
