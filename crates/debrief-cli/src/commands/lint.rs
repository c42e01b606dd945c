//! `debrief lint`: check the wording of post-mortems in files, directories,
//! standard input or an incident's timeline, for a person (`human`), a script
//! (`json`), code scanning (`sarif`) or GitHub Actions annotations (`github`).
//!
//! A file that cannot be read is reported on standard error and the others are
//! still checked. Exit status: 0 clean, 1 findings, 2 something could not be checked.

mod sarif;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use anstyle::{AnsiColor, Style};
use debrief_core::lint::{self, Config, Finding, Linter, Severity};

use super::Context;
use crate::output::{BOLD, DIM, EXIT_ERROR};

#[derive(Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// For people: file:line:col, the sentence with a caret, why, and a suggestion
    #[default]
    Human,
    /// For scripts: one array of findings with byte offsets
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow annotations
    Github,
}

const EXAMPLES: &str = "\
Examples:
  debrief lint incidents/                       # every *.md below, hidden directories skipped
  debrief lint draft.md --format json | jq '.[].phrase'
  git diff --name-only -- '*.md' | xargs debrief lint --format github
  pbpaste | debrief lint -
  debrief lint --incident 2026-11-23-checkout-latency
  debrief lint --print-config > .debrief/lint.toml

Configuration: the nearest .debrief/lint.toml above each file, else the defaults.
Exit status: 0 no findings, 1 findings, 2 something could not be checked.";

/// Check post-mortem wording for counterfactual, blaming, minimizing and hindsight phrases
#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Markdown files, directories (searched for *.md) or `-` for standard input [default: .]
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t)]
    format: Format,

    /// Use this configuration instead of the nearest .debrief/lint.toml
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Also check the timeline of this incident in the local store
    #[arg(long, short, value_name = "ID")]
    incident: Option<String>,

    /// Print the default configuration, with comments, and exit
    #[arg(long)]
    print_config: bool,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if args.print_config {
        print!("{}", lint::DEFAULT_CONFIG);
        return Ok(ExitCode::SUCCESS);
    }
    let explicit = match &args.config {
        Some(path) => Some(Rc::new(Linter::new(Config::load(path)?)?)),
        None => None,
    };
    let mut checker =
        Checker { explicit, configs: HashMap::new(), linters: HashMap::new(), report: Report::new(args.format) };
    let mut paths = args.paths;
    if paths.is_empty() && args.incident.is_none() {
        paths.push(PathBuf::from("."));
    }
    for path in &paths {
        if path.as_os_str() == "-" {
            checker.check_stdin();
        } else if path.is_dir() {
            checker.check_directory(path);
        } else {
            checker.check_file(path, &path.display().to_string());
        }
    }
    if let Some(incident) = &args.incident {
        checker.check_incident(context, incident)?;
    }
    checker.report.finish()
}

/// Finds the configuration for each file and keeps one linter per configuration.
struct Checker {
    explicit: Option<Rc<Linter>>,
    /// The configuration file found for each directory, once looked up.
    configs: HashMap<PathBuf, Option<PathBuf>>,
    /// A linter per configuration file (`None`: the defaults), or why it could not be made.
    linters: HashMap<Option<PathBuf>, Option<Rc<Linter>>>,
    report: Report,
}

impl Checker {
    /// The linter for a document in `directory`, or `None` when its configuration is broken
    /// (which is reported once).
    fn linter_for(&mut self, directory: &Path) -> Option<Rc<Linter>> {
        if let Some(linter) = &self.explicit {
            return Some(linter.clone());
        }
        let config_path =
            self.configs.entry(directory.to_path_buf()).or_insert_with(|| Config::discover(directory)).clone();
        if let Some(linter) = self.linters.get(&config_path) {
            return linter.clone();
        }
        let made = match &config_path {
            Some(path) => Config::load(path).and_then(Linter::new),
            None => Ok(Linter::default()),
        };
        let linter = match made {
            Ok(linter) => Some(Rc::new(linter)),
            Err(error) => {
                self.report.error(&error.to_string());
                None
            }
        };
        self.linters.insert(config_path, linter.clone());
        linter
    }

    fn check_file(&mut self, path: &Path, shown: &str) {
        let directory = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let Some(linter) = self.linter_for(directory) else {
            self.report.unchecked(shown, "its wording configuration is invalid");
            return;
        };
        match lint::read_source(path) {
            Ok(text) => {
                let findings = linter.check(&text);
                self.report.document(shown, Origin::File(path.to_path_buf()), &text, findings);
            }
            Err(error) => self.report.error(&error.to_string()),
        }
    }

    fn check_stdin(&mut self) {
        let Some(linter) = self.linter_for(Path::new(".")) else {
            self.report.unchecked("-", "its wording configuration is invalid");
            return;
        };
        match lint::read_stream(std::io::stdin().lock(), "standard input") {
            Ok(text) => {
                let findings = linter.check(&text);
                let origin = Origin::text("standard input", &text, true);
                self.report.document("-", origin, &text, findings);
            }
            Err(error) => self.report.error(&error.to_string()),
        }
    }

    /// Every `*.md` file below `root`, in name order, skipping hidden entries and
    /// not following symbolic links to directories.
    fn check_directory(&mut self, root: &Path) {
        let mut pending = vec![root.to_path_buf()];
        while let Some(directory) = pending.pop() {
            let entries = match std::fs::read_dir(&directory) {
                Ok(entries) => entries,
                Err(error) => {
                    self.report.error(&format!("cannot read the directory {}: {error}", directory.display()));
                    continue;
                }
            };
            let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
            entries.sort_by_key(|entry| entry.file_name());
            let mut subdirectories = Vec::new();
            for entry in entries {
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let path = entry.path();
                let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
                if is_dir {
                    subdirectories.push(path);
                } else if is_markdown(&path) && path.is_file() {
                    let shown = path.strip_prefix(".").unwrap_or(&path).display().to_string();
                    self.check_file(&path, &shown);
                }
            }
            // Depth first, in name order.
            pending.extend(subdirectories.into_iter().rev());
        }
    }

    /// An incident's post-mortem draft (as `ID#draft`) and each line of its timeline (as `ID#ENTRY`),
    /// with the team's wording rules from the shared repository unless `--config` names others.
    fn check_incident(&mut self, context: &Context, incident: &str) -> anyhow::Result<()> {
        let workspace = context.workspace()?;
        let rules = workspace.team_rules()?;
        let linter = self.explicit.as_deref().unwrap_or(&rules.linter);
        let draft = workspace.draft(incident, None)?;
        let origin = Origin::text(&format!("The post-mortem draft of incident {incident}"), &draft, false);
        self.report.document(&format!("{incident}#draft"), origin, &draft, linter.check(&draft));
        for entry in workspace.timeline(incident)? {
            let findings = linter.check(&entry.text);
            let origin =
                Origin::text(&format!("Timeline line {} of incident {incident}", entry.id), &entry.text, false);
            self.report.document(&format!("{incident}#{}", entry.id), origin, &entry.text, findings);
        }
        Ok(())
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown"))
}

/// Where a checked text came from.
enum Origin {
    /// A file, by the path given on the command line or found below a directory given there.
    File(PathBuf),
    /// A text that is not a file anyone else could open: standard input, or a draft or a
    /// timeline line from the local store.
    Text { description: String, text: String, standard_input: bool },
}

impl Origin {
    fn text(description: &str, text: &str, standard_input: bool) -> Origin {
        Origin::Text { description: description.to_string(), text: text.to_string(), standard_input }
    }
}

/// A document with findings, kept for the formats printed at the end.
struct Checked {
    /// The name people see: the path as given, `-`, or `ID#draft`.
    shown: String,
    origin: Origin,
}

/// Findings as they are found (human, github) or gathered for one document at the end (json, sarif).
struct Report {
    format: Format,
    /// Findings with the index of their document in `checked`, for the formats printed at the end.
    gathered: Vec<(usize, Finding)>,
    checked: Vec<Checked>,
    documents: usize,
    documents_with_findings: usize,
    failing: usize,
    findings: usize,
    errors: Vec<String>,
}

impl Report {
    fn new(format: Format) -> Report {
        Report {
            format,
            gathered: Vec::new(),
            checked: Vec::new(),
            documents: 0,
            documents_with_findings: 0,
            failing: 0,
            findings: 0,
            errors: Vec::new(),
        }
    }

    fn error(&mut self, message: &str) {
        anstream::eprintln!("{ERROR}error:{ERROR:#} {message}");
        self.errors.push(message.to_string());
    }

    fn unchecked(&mut self, path: &str, why: &str) {
        self.error(&format!("{path} was not checked: {why}"));
    }

    fn document(&mut self, path: &str, origin: Origin, text: &str, findings: Vec<Finding>) {
        self.documents += 1;
        self.documents_with_findings += usize::from(!findings.is_empty());
        self.findings += findings.len();
        self.failing += findings.iter().filter(|finding| finding.severity.fails()).count();
        match self.format {
            Format::Human => print_human(path, text, &findings),
            Format::Github => print_github(path, &findings),
            Format::Json | Format::Sarif if !findings.is_empty() => {
                let index = self.checked.len();
                self.checked.push(Checked { shown: path.to_string(), origin });
                self.gathered.extend(findings.into_iter().map(|finding| (index, finding)))
            }
            Format::Json | Format::Sarif => {}
        }
    }

    fn finish(self) -> anyhow::Result<ExitCode> {
        match self.format {
            Format::Json => print_json(&self.gathered, &self.checked)?,
            Format::Sarif => {
                let working_directory = std::env::current_dir().ok();
                let log = sarif::log(&self.gathered, &self.checked, &self.errors, working_directory.as_deref());
                print_pretty(&log)?
            }
            Format::Human => self.print_summary(),
            Format::Github => {}
        }
        Ok(if !self.errors.is_empty() {
            ExitCode::from(EXIT_ERROR)
        } else if self.failing > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn print_summary(&self) {
        let documents = plural(self.documents, "document");
        if self.findings == 0 {
            anstream::println!("{DIM}No wording findings in {documents}.{DIM:#}");
        } else {
            anstream::println!(
                "{BOLD}{} in {} of {documents}.{BOLD:#}",
                plural(self.findings, "finding"),
                self.documents_with_findings
            );
        }
        if !self.errors.is_empty() {
            anstream::println!(
                "{ERROR}{} could not be checked; see the errors above.{ERROR:#}",
                plural(self.errors.len(), "path")
            );
        }
    }
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const SUGGESTION: Style = AnsiColor::Green.on_default();

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Note => AnsiColor::Cyan.on_default(),
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

/// Widest stretch of a sentence shown around the phrase, in characters.
const CONTEXT_CHARS: usize = 60;

fn print_human(path: &str, text: &str, findings: &[Finding]) {
    for finding in findings {
        let style = severity_style(finding.severity);
        anstream::println!(
            "{BOLD}{path}:{}:{}{BOLD:#} {style}{}{style:#} {DIM}{} · {}{DIM:#}",
            finding.line,
            finding.column,
            finding.severity.as_str(),
            finding.category.as_str(),
            finding.rule
        );
        let (sentence, caret, width) = excerpt(text, finding);
        anstream::println!("    {sentence}");
        anstream::println!("    {:caret$}{style}{}{style:#}", "", "^".repeat(width.max(1)));
        anstream::println!("    {}", finding.message);
        if let Some(suggestion) = &finding.suggestion {
            anstream::println!("    {SUGGESTION}suggestion:{SUGGESTION:#} {suggestion}");
        }
        println!();
    }
}

/// The sentence on one line (whitespace runs collapsed), cut to a window around the
/// phrase, with the caret's column and width in characters.
fn excerpt(text: &str, finding: &Finding) -> (String, usize, usize) {
    let collapse = |part: &str| -> Vec<char> {
        let mut chars = Vec::new();
        for c in part.chars() {
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

#[derive(serde::Serialize)]
struct Reported<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

fn print_json(findings: &[(usize, Finding)], documents: &[Checked]) -> anyhow::Result<()> {
    let reported: Vec<Reported> =
        findings.iter().map(|(document, finding)| Reported { path: &documents[*document].shown, finding }).collect();
    print_pretty(&reported)
}

fn print_pretty(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut stdout, value)?;
    writeln!(stdout)?;
    stdout.flush()?;
    Ok(())
}

/// GitHub Actions workflow commands: one annotation per finding.
fn print_github(path: &str, findings: &[Finding]) {
    let mut stdout = std::io::stdout().lock();
    for finding in findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let message = message_and_suggestion(finding);
        // A closed pipe ends the output early; there is nothing else to do with the error.
        let _ = writeln!(
            stdout,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(path),
            finding.line,
            finding.column,
            finding.end_line,
            finding.end_column,
            escape_property(&format!("{} ({})", finding.rule, finding.category.as_str())),
            escape_data(&message)
        );
    }
}

/// The reason and the suggestion in one line, for formats with a single message field.
fn message_and_suggestion(finding: &Finding) -> String {
    match &finding.suggestion {
        Some(suggestion) => format!("{} Suggestion: {suggestion}", finding.message),
        None => finding.message.clone(),
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

    #[test]
    fn excerpts_put_the_caret_under_the_phrase() {
        let text = "Intro.\nWe could have\n  rolled back.";
        let findings = Linter::default().check(text);
        let (line, caret, width) = excerpt(text, &findings[0]);
        assert_eq!(line, "We could have rolled back.");
        assert_eq!((caret, width), (3, 17));
    }
}
