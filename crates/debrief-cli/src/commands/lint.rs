//! `debrief lint`: check the wording of post-mortems in files, directories,
//! standard input or an incident's timeline, for a person (`human`), a script
//! (`json`), code scanning (`sarif`) or GitHub Actions annotations (`github`).
//! In post-mortems with action items in their front matter it also checks the
//! follow-through (`follow-up-*` rules) against the team's policy.
//!
//! The formats themselves are the core's (`lint::report`), shared with the app; this
//! command finds the documents and the configuration and policy for each. A file that
//! cannot be read is reported on standard error and the others are still checked. Exit
//! status: 0 clean, 1 findings, 2 something could not be checked.

use std::collections::HashMap;
use std::io::{BufWriter, StdoutLock};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use debrief_core::lint::report::{self, Document, Options, Origin, Report};
use debrief_core::lint::{self, Config, Finding, Linter};
use debrief_core::policy::{self, Policy};
use debrief_core::postmortem::{follow_through, has_action_items};

use super::Context;
use crate::output::EXIT_ERROR;

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

impl From<Format> for report::Format {
    fn from(format: Format) -> report::Format {
        match format {
            Format::Human => report::Format::Human,
            Format::Json => report::Format::Json,
            Format::Sarif => report::Format::Sarif,
            Format::Github => report::Format::Github,
        }
    }
}

const EXAMPLES: &str = "\
Examples:
  debrief lint incidents/                       # every *.md below, hidden directories skipped
  debrief lint draft.md --format json | jq '.[].phrase'
  git diff --name-only -- '*.md' | xargs debrief lint --format github
  pbpaste | debrief lint -
  debrief lint --incident 2026-11-23-checkout-latency
  debrief lint --print-config > .debrief/lint.toml
  debrief lint --print-policy > .debrief/policy.toml

Configuration: the nearest .debrief/lint.toml above each file, else the defaults.
Post-mortems with action_items in their front matter are also checked for follow-through
(follow-up-owner, -due-date, -type, -reason, -overdue) against the nearest
.debrief/policy.toml; switch those rules off in lint.toml like any other.
Exit status: 0 no findings, 1 findings, 2 something could not be checked.";

/// Check post-mortem wording for counterfactual, blaming, minimizing and hindsight phrases, and action items' follow-through
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

    /// Use this follow-up policy instead of the nearest .debrief/policy.toml
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,

    /// Print the default configuration, with comments, and exit
    #[arg(long)]
    print_config: bool,

    /// Print the default follow-up policy (due dates by severity, overdue grace), with comments, and exit
    #[arg(long, conflicts_with = "print_config")]
    print_policy: bool,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if args.print_config {
        print!("{}", lint::DEFAULT_CONFIG);
        return Ok(ExitCode::SUCCESS);
    }
    if args.print_policy {
        print!("{}", policy::DEFAULT_POLICY);
        return Ok(ExitCode::SUCCESS);
    }
    let explicit = match &args.config {
        Some(path) => Some(Rc::new(Linter::new(Config::load(path)?)?)),
        None => None,
    };
    let explicit_policy = match &args.policy {
        Some(path) => Some(Rc::new(Policy::load(path)?)),
        None => None,
    };
    let stdout = std::io::stdout();
    // Colour as anstream decides for standard output: a terminal that wants it, never with NO_COLOR.
    let colour = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
    let options = Options { colour, working_directory: std::env::current_dir().ok() };
    let report = Report::new(args.format.into(), BufWriter::new(stdout.lock()), options);
    let mut checker = Checker {
        explicit,
        configs: HashMap::new(),
        linters: HashMap::new(),
        explicit_policy,
        policy_files: HashMap::new(),
        policies: HashMap::new(),
        today: chrono::Local::now().date_naive(),
        report,
    };
    let mut paths = args.paths;
    if paths.is_empty() && args.incident.is_none() {
        paths.push(PathBuf::from("."));
    }
    for path in &paths {
        if path.as_os_str() == "-" {
            checker.check_stdin()?;
        } else if path.is_dir() {
            checker.check_directory(path)?;
        } else {
            checker.check_file(path, &path.display().to_string())?;
        }
    }
    if let Some(incident) = &args.incident {
        checker.check_incident(context, incident)?;
    }
    let totals = checker.report.finish()?;
    Ok(if totals.unchecked > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if totals.failing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Finds the configuration for each file and keeps one linter per configuration.
struct Checker {
    explicit: Option<Rc<Linter>>,
    /// The configuration file found for each directory, once looked up.
    configs: HashMap<PathBuf, Option<PathBuf>>,
    /// A linter per configuration file (`None`: the defaults), or why it could not be made.
    linters: HashMap<Option<PathBuf>, Option<Rc<Linter>>>,
    explicit_policy: Option<Rc<Policy>>,
    /// The policy file found for each directory, once looked up.
    policy_files: HashMap<PathBuf, Option<PathBuf>>,
    /// A policy per file (`None`: the defaults), or `None` when it could not be read.
    policies: HashMap<Option<PathBuf>, Option<Rc<Policy>>>,
    /// What "overdue" is measured against.
    today: NaiveDate,
    report: Report<BufWriter<StdoutLock<'static>>>,
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
                self.error(error.to_string());
                None
            }
        };
        self.linters.insert(config_path, linter.clone());
        linter
    }

    /// The follow-up policy for a post-mortem in `directory`, or `None` when its policy file is
    /// broken (which is reported once, and leaves the follow-up rules unchecked under it).
    fn policy_for(&mut self, directory: &Path) -> Option<Rc<Policy>> {
        if let Some(policy) = &self.explicit_policy {
            return Some(policy.clone());
        }
        let policy_path =
            self.policy_files.entry(directory.to_path_buf()).or_insert_with(|| Policy::discover(directory)).clone();
        if let Some(policy) = self.policies.get(&policy_path) {
            return policy.clone();
        }
        let loaded = match &policy_path {
            Some(path) => Policy::load(path),
            None => Ok(Policy::default()),
        };
        let policy = match loaded {
            Ok(policy) => Some(Rc::new(policy)),
            Err(error) => {
                self.error(format!("{error}; the follow-up rules were not checked in the post-mortems under it"));
                None
            }
        };
        self.policies.insert(policy_path, policy.clone());
        policy
    }

    /// The wording findings and, in a post-mortem with action items, the follow-up ones, in
    /// the order they are in the text. `directory` is where the policy is looked for.
    fn findings(&mut self, linter: &Linter, text: &str, directory: &Path) -> Vec<Finding> {
        let mut findings = linter.check(text);
        if has_action_items(text)
            && let Some(policy) = self.policy_for(directory)
        {
            findings.extend(follow_through(text, &policy, self.today, linter));
            findings.sort_by_key(|finding| (finding.start, finding.end));
        }
        findings
    }

    /// Shown on standard error now, and counted by the report (SARIF names it, the summary counts it).
    fn error(&mut self, message: String) {
        anstream::eprintln!("{ERROR}error:{ERROR:#} {message}");
        self.report.unchecked(message);
    }

    fn unchecked(&mut self, shown: &str, why: &str) {
        self.error(format!("{shown} was not checked: {why}"));
    }

    fn document(&mut self, shown: &str, origin: &Origin, text: &str, findings: Vec<Finding>) -> anyhow::Result<()> {
        Ok(self.report.document(Document { shown, origin, text }, findings)?)
    }

    fn check_file(&mut self, path: &Path, shown: &str) -> anyhow::Result<()> {
        let directory = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let Some(linter) = self.linter_for(directory) else {
            self.unchecked(shown, "its wording configuration is invalid");
            return Ok(());
        };
        match lint::read_source(path) {
            Ok(text) => {
                let findings = self.findings(&linter, &text, directory);
                self.document(shown, &Origin::File(path.to_path_buf()), &text, findings)?;
            }
            Err(error) => self.error(error.to_string()),
        }
        Ok(())
    }

    fn check_stdin(&mut self) -> anyhow::Result<()> {
        let Some(linter) = self.linter_for(Path::new(".")) else {
            self.unchecked("-", "its wording configuration is invalid");
            return Ok(());
        };
        match lint::read_stream(std::io::stdin().lock(), "standard input") {
            Ok(text) => {
                let origin = Origin::Text { description: "standard input".into(), standard_input: true };
                let findings = self.findings(&linter, &text, Path::new("."));
                self.document("-", &origin, &text, findings)?;
            }
            Err(error) => self.error(error.to_string()),
        }
        Ok(())
    }

    /// Every `*.md` file below `root`, in name order, skipping hidden entries and
    /// not following symbolic links to directories.
    fn check_directory(&mut self, root: &Path) -> anyhow::Result<()> {
        let mut pending = vec![root.to_path_buf()];
        while let Some(directory) = pending.pop() {
            let entries = match std::fs::read_dir(&directory) {
                Ok(entries) => entries,
                Err(error) => {
                    self.error(format!("cannot read the directory {}: {error}", directory.display()));
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
                    self.check_file(&path, &shown)?;
                }
            }
            // Depth first, in name order.
            pending.extend(subdirectories.into_iter().rev());
        }
        Ok(())
    }

    /// An incident's post-mortem draft (as `ID#draft`) and each line of its timeline (as `ID#ENTRY`),
    /// with the team's wording rules and follow-up policy from the shared repository unless
    /// `--config` and `--policy` name others.
    fn check_incident(&mut self, context: &Context, incident: &str) -> anyhow::Result<()> {
        let workspace = context.workspace()?;
        let rules = workspace.team_rules()?;
        let explicit = self.explicit.clone();
        let linter: &Linter = explicit.as_deref().unwrap_or(&rules.linter);
        if let Some(problem) = rules.policy_problem.as_ref().filter(|_| self.explicit_policy.is_none()) {
            anstream::eprintln!("warning: in the shared repository, {problem}. Debrief's default policy was used");
        }
        if explicit.is_none() {
            for note in rules.unusable_notes() {
                anstream::eprintln!("warning: in the shared repository, {note}");
            }
        }
        let policy = self.explicit_policy.clone().unwrap_or_else(|| Rc::new(rules.policy.clone()));
        let draft = workspace.draft(incident, None)?;
        let origin = stored(format!("The post-mortem draft of incident {incident}"));
        let mut findings = linter.check(&draft);
        findings.extend(follow_through(&draft, &policy, self.today, linter));
        findings.sort_by_key(|finding| (finding.start, finding.end));
        self.document(&format!("{incident}#draft"), &origin, &draft, findings)?;
        for entry in workspace.timeline(incident)? {
            let origin = stored(format!("Timeline line {} of incident {incident}", entry.id));
            self.document(&format!("{incident}#{}", entry.id), &origin, &entry.text, linter.check(&entry.text))?;
        }
        Ok(())
    }
}

fn is_markdown(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).and_then(debrief_core::markdown::markdown_stem).is_some()
}

/// A text from the local store, which nobody else could open as a file.
fn stored(description: String) -> Origin {
    Origin::Text { description, standard_input: false }
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
