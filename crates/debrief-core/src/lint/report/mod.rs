//! What the wording checker found, written out for whoever reads it: a person
//! (`human`), a script (`json`), code scanning (`sarif`) or GitHub Actions
//! (`github`). The CLI and the desktop app share these formats, so a finding
//! reads the same wherever it is shown.
//!
//! One printer per format, each in its own file (as ripgrep organises its
//! printers), behind one [`Report`] that counts what was checked. Printers write
//! to any [`Write`]; nothing here touches a terminal or decides on colour: the
//! caller says whether the human format is styled ([`Options::colour`]).
//! The human and GitHub formats print each document as it is checked; JSON and
//! SARIF are one value, printed by [`Report::finish`].

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};
use std::path::PathBuf;

use super::Finding;

/// The formats findings can be written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: `file:line:col`, the sentence with a caret, why, and a suggestion; a summary at the end.
    #[default]
    Human,
    /// For scripts: one array of findings, each with its document's name and byte offsets.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

/// How a report is written, beyond its format.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Style the human format with ANSI colours and weights. The caller decides: a terminal
    /// that wants colour, yes; a pipe, a file, `NO_COLOR` or the app, no.
    pub colour: bool,
    /// Where relative file names start, recorded in SARIF so a log made in a CI checkout reads
    /// the same wherever the repository is; `None` when it is not known.
    pub working_directory: Option<PathBuf>,
}

/// Where a checked text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, by the path it was named by (absolute or relative to the working directory).
    File(PathBuf),
    /// A text that is not a file anyone else could open: standard input, or a draft or a
    /// timeline line from the local store. SARIF embeds such texts in the log.
    Text { description: String, standard_input: bool },
}

/// One checked document, as the report shows it.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The name people see: a path as given, `-`, `ID#draft`.
    pub shown: &'a str,
    pub origin: &'a Origin,
    /// The text that was checked; the findings' offsets point into it.
    pub text: &'a str,
}

/// What a report counted, for the summary and the exit status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub documents_with_findings: usize,
    pub findings: usize,
    /// Findings whose severity fails a check (errors and warnings, not notes).
    pub failing: usize,
    /// Paths or documents that could not be checked at all.
    pub unchecked: usize,
}

/// The findings of one run of the checker, written as they come in one [`Format`].
pub struct Report<W: Write> {
    out: W,
    printer: Box<dyn Printer>,
    totals: Totals,
    /// Why documents could not be checked, in the order it happened.
    errors: Vec<String>,
}

impl<W: Write> Report<W> {
    pub fn new(format: Format, out: W, options: Options) -> Report<W> {
        let printer: Box<dyn Printer> = match format {
            Format::Human => Box::new(human::Human::new(options.colour)),
            Format::Json => Box::new(json::Json::default()),
            Format::Sarif => Box::new(sarif::Sarif::new(options.working_directory)),
            Format::Github => Box::new(github::Github),
        };
        Report { out, printer, totals: Totals::default(), errors: Vec::new() }
    }

    /// A document and what was found in it (possibly nothing).
    pub fn document(&mut self, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()> {
        self.totals.documents += 1;
        self.totals.documents_with_findings += usize::from(!findings.is_empty());
        self.totals.findings += findings.len();
        self.totals.failing += findings.iter().filter(|finding| finding.severity.fails()).count();
        self.printer.document(&mut self.out, document, findings)?;
        self.out.flush()
    }

    /// Something that could not be checked, and why. The caller shows the message where errors
    /// go (standard error, a banner); the report counts it, names it in SARIF and in the summary.
    pub fn unchecked(&mut self, message: impl Into<String>) {
        self.totals.unchecked += 1;
        self.errors.push(message.into());
    }

    /// Writes what the format keeps for the end (the JSON array, the SARIF log, the summary).
    pub fn finish(mut self) -> io::Result<Totals> {
        self.printer.finish(&mut self.out, &self.totals, &self.errors)?;
        self.out.flush()?;
        Ok(self.totals)
    }
}

/// One output format.
trait Printer {
    fn document(&mut self, out: &mut dyn Write, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()>;

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals, errors: &[String]) -> io::Result<()>;
}

/// The reason and the suggestion in one line, for formats with a single message field.
fn message_and_suggestion(finding: &Finding) -> String {
    match &finding.suggestion {
        Some(suggestion) => format!("{} Suggestion: {suggestion}", finding.message),
        None => finding.message.clone(),
    }
}

/// A document kept with its findings for a format written at the end.
struct Kept {
    origin: Origin,
    /// The text, for origins that are not files (SARIF embeds it).
    text: Option<String>,
}

impl Kept {
    fn new(document: Document<'_>) -> Kept {
        let text = matches!(document.origin, Origin::Text { .. }).then(|| document.text.to_string());
        Kept { origin: document.origin.clone(), text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Linter;

    fn report(format: Format, texts: &[&str]) -> (String, Totals) {
        let mut out = Vec::new();
        let mut report = Report::new(format, &mut out, Options::default());
        for (index, text) in texts.iter().enumerate() {
            let origin = Origin::File(PathBuf::from(format!("{index}.md")));
            let shown = format!("{index}.md");
            report.document(Document { shown: &shown, origin: &origin, text }, Linter::default().check(text)).unwrap();
        }
        let totals = report.finish().unwrap();
        (String::from_utf8(out).unwrap(), totals)
    }

    #[test]
    fn every_format_counts_the_same_and_writes_to_any_writer() {
        let texts = ["We could have rolled back sooner.\n", "The job failed to start.\n"];
        for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
            let (written, totals) = report(format, &texts);
            assert_eq!(
                totals,
                Totals { documents: 2, documents_with_findings: 1, findings: 1, failing: 1, unchecked: 0 },
                "{format:?}"
            );
            assert!(written.contains("0.md"), "{format:?}: {written}");
            assert!(!written.contains("1.md"), "a clean document is not named ({format:?}): {written}");
        }
    }

    #[test]
    fn colour_is_only_written_when_the_caller_asks_for_it() {
        let text = "We could have rolled back sooner.\n";
        let origin = Origin::File(PathBuf::from("a.md"));
        let document = Document { shown: "a.md", origin: &origin, text };
        for colour in [false, true] {
            let mut out = Vec::new();
            let mut report = Report::new(Format::Human, &mut out, Options { colour, working_directory: None });
            report.document(document, Linter::default().check(text)).unwrap();
            report.finish().unwrap();
            assert_eq!(out.contains(&0x1b), colour, "{}", String::from_utf8_lossy(&out));
        }
    }

    #[test]
    fn what_could_not_be_checked_is_counted_and_summarised() {
        let mut out = Vec::new();
        let mut report = Report::new(Format::Human, &mut out, Options::default());
        report.unchecked("cannot read a.md: permission denied");
        let totals = report.finish().unwrap();
        assert_eq!(totals.unchecked, 1);
        let written = String::from_utf8(out).unwrap();
        assert!(written.contains("No wording findings in 0 documents."), "{written}");
        assert!(written.contains("1 path could not be checked"), "{written}");
    }
}
