//! For people: each finding as `file:line:col`, the sentence on one line with a caret under
//! the phrase, why the wording is a problem and a suggestion; a summary at the end.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Document, Printer, Totals};
use crate::lint::{Finding, Severity};

/// Widest stretch of a sentence shown around the phrase, in characters.
const CONTEXT_CHARS: usize = 60;

pub(super) struct Human {
    styles: Styles,
}

/// The styles of each part; all plain without colour.
struct Styles {
    bold: Style,
    dim: Style,
    error: Style,
    warning: Style,
    note: Style,
    suggestion: Style,
}

impl Styles {
    fn new(colour: bool) -> Styles {
        if !colour {
            let plain = Style::new();
            return Styles { bold: plain, dim: plain, error: plain, warning: plain, note: plain, suggestion: plain };
        }
        Styles {
            bold: Style::new().bold(),
            dim: Style::new().dimmed(),
            error: AnsiColor::Red.on_default().bold(),
            warning: AnsiColor::Yellow.on_default().bold(),
            note: AnsiColor::Cyan.on_default(),
            suggestion: AnsiColor::Green.on_default(),
        }
    }

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Note => self.note,
        }
    }
}

impl Human {
    pub(super) fn new(colour: bool) -> Human {
        Human { styles: Styles::new(colour) }
    }
}

impl Printer for Human {
    fn document(&mut self, out: &mut dyn Write, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()> {
        let Styles { bold, dim, suggestion: suggested, .. } = self.styles;
        for finding in &findings {
            let style = self.styles.severity(finding.severity);
            writeln!(
                out,
                "{bold}{}:{}:{}{bold:#} {style}{}{style:#} {dim}{} · {}{dim:#}",
                document.shown,
                finding.line,
                finding.column,
                finding.severity.as_str(),
                finding.category.as_str(),
                finding.rule
            )?;
            let (sentence, caret, width) = excerpt(document.text, finding);
            writeln!(out, "    {sentence}")?;
            writeln!(out, "    {:caret$}{style}{}{style:#}", "", "^".repeat(width.max(1)))?;
            writeln!(out, "    {}", finding.message)?;
            if let Some(suggestion) = &finding.suggestion {
                writeln!(out, "    {suggested}suggestion:{suggested:#} {suggestion}")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals, _errors: &[String]) -> io::Result<()> {
        let Styles { bold, dim, error, .. } = self.styles;
        let documents = plural(totals.documents, "document");
        if totals.findings == 0 {
            writeln!(out, "{dim}No wording findings in {documents}.{dim:#}")?;
        } else {
            writeln!(
                out,
                "{bold}{} in {} of {documents}.{bold:#}",
                plural(totals.findings, "finding"),
                totals.documents_with_findings
            )?;
        }
        if totals.unchecked > 0 {
            writeln!(
                out,
                "{error}{} could not be checked; see the errors above.{error:#}",
                plural(totals.unchecked, "path")
            )?;
        }
        Ok(())
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

/// The sentence on one line (whitespace runs collapsed, and the `>` that continue a block
/// quote on its next lines dropped), cut to a window around the phrase, with the caret's
/// column and width in characters.
fn excerpt(text: &str, finding: &Finding) -> (String, usize, usize) {
    // Whether the next character opens a line, carried from one part of the sentence to the next.
    let mut line_start = false;
    let mut collapse = |part: &str| -> Vec<char> {
        let mut chars = Vec::new();
        for c in part.chars() {
            if c == '\n' {
                line_start = true;
            } else if line_start && (c == '>' || c.is_whitespace()) {
                continue;
            } else {
                line_start = false;
            }
            let c = if c.is_whitespace() { ' ' } else { c };
            if !(c == ' ' && chars.last() == Some(&' ')) {
                chars.push(c);
            }
        }
        chars
    };
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    let before = collapse(slice(finding.sentence_start, finding.start));
    let phrase = collapse(slice(finding.start, finding.end));
    let after = collapse(slice(finding.end, finding.sentence_end.max(finding.end)));
    let skipped = before.len().saturating_sub(CONTEXT_CHARS / 2);
    let mut line: String = if skipped > 0 { "…".to_string() } else { String::new() };
    line.extend(&before[skipped..]);
    let caret = before.len() - skipped + usize::from(skipped > 0);
    line.extend(&phrase);
    let room = CONTEXT_CHARS.saturating_sub(before.len() - skipped);
    line.extend(after.iter().take(room));
    if after.len() > room {
        line.push('…');
    }
    (line, caret, phrase.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Linter;

    #[test]
    fn excerpts_put_the_caret_under_the_phrase() {
        let text = "Intro.\nWe could have\n  rolled back.";
        let findings = Linter::default().check(text);
        let (line, caret, width) = excerpt(text, &findings[0]);
        assert_eq!(line, "We could have rolled back.");
        assert_eq!((caret, width), (3, 17));
    }

    #[test]
    fn a_block_quote_continued_on_the_next_line_reads_as_one_sentence() {
        let text = "> The on-call engineer\n> failed to escalate.";
        let findings = Linter::default().check(text);
        let (line, caret, width) = excerpt(text, &findings[0]);
        assert_eq!(line, "The on-call engineer failed to escalate.");
        assert_eq!((caret, width), (12, 18));
    }
}
