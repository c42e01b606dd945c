//! `debrief lint` as CI, a pre-commit hook and a person use it: formats, exit
//! statuses, configuration found in the repository, inline suppression, and
//! input that cannot be checked.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::json;
use tempfile::TempDir;

use crate::util::{Debrief, python_with};

const DRAFT: &str = "# Checkout latency\n\n## Summary\n\nThe deploy at 14:02 raised latency.\nWe could have rolled back sooner.\n\n## Analysis\n\nBob failed to renew the certificate.\n";
const CLEAN: &str = "# Checkout latency\n\nThe deploy at 14:02 raised latency; we rolled back at 14:20.\n";

/// A shared post-mortem repository in a temporary directory.
struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new() -> Repo {
        Repo { dir: TempDir::new().expect("temporary directory") }
    }

    fn path(&self, relative: &str) -> String {
        self.dir.path().join(relative).display().to_string()
    }

    fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.dir.path().join(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("directories");
        fs::write(&path, contents).expect("write");
        path.display().to_string()
    }
}

fn lint(debrief: &Debrief, args: &[&str]) -> Output {
    debrief.run(&[&["lint"], args].concat(), None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

fn json(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON").as_array().expect("array").clone()
}

#[test]
fn json_findings_carry_exact_byte_offsets() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("incidents/2026/2026-11-23-checkout.md", DRAFT);
    let output = lint(&debrief, &["--format", "json", &file]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings = json(&output);
    assert_eq!(findings.len(), 2, "{findings:?}");
    for finding in &findings {
        assert_eq!(finding["path"], file.as_str());
        let (start, end) =
            (finding["start"].as_u64().expect("start") as usize, finding["end"].as_u64().expect("end") as usize);
        assert_eq!(&DRAFT[start..end], finding["phrase"].as_str().expect("phrase"));
        for key in ["line", "column", "rule", "category", "message", "suggestion", "severity"] {
            assert!(!finding[key].is_null(), "{key} missing in {finding}");
        }
    }
    assert_eq!(findings[0]["phrase"], "could have rolled");
    assert_eq!((findings[0]["line"].as_u64(), findings[0]["column"].as_u64()), (Some(6), Some(4)));
    assert_eq!(findings[0]["category"], "counterfactual");
    assert_eq!(findings[1]["phrase"], "Bob failed to");
    assert_eq!(findings[1]["category"], "blame");
}

#[test]
fn human_output_shows_the_sentence_with_a_caret_and_no_colour_when_piped() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("draft.md", DRAFT);
    let output = lint(&debrief, &[&file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(text.contains(&format!("{file}:6:4")), "{text}");
    assert!(text.contains("    We could have rolled back sooner.\n       ^^^^^^^^^^^^^^^^^\n"), "{text}");
    assert!(text.contains("suggestion: "), "{text}");
    assert!(text.contains("2 findings in 1 of 1 document."), "{text}");
    assert!(!text.contains('\u{1b}'), "colour when piped: {text:?}");
}

#[test]
fn clean_files_exit_zero() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("clean.md", CLEAN);
    let output = lint(&debrief, &[&file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("No wording findings in 1 document."));
    assert_eq!(json(&lint(&debrief, &["--format", "json", &file])), Vec::<serde_json::Value>::new());
}

#[test]
fn github_annotations() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("PM2021-008 - Traefik, v2.md", DRAFT);
    let output = lint(&debrief, &["--format", "github", &file]);
    let text = stdout(&output);
    let first = text.lines().next().expect("an annotation");
    let escaped = file.replace(',', "%2C");
    assert!(
        first.starts_with(&format!(
            "::warning file={escaped},line=6,col=4,endLine=6,endColumn=21,title=counterfactual-modal (counterfactual)::A counterfactual"
        )),
        "{first}"
    );
    assert!(first.contains(" Suggestion: "), "{first}");
    assert_eq!(text.lines().count(), 2);
}

/// Validates a SARIF log on standard input against the official SARIF 2.1.0 schema named as
/// the first argument, with URI formats checked; prints each error and exits 1 if any.
const VALIDATE_SARIF: &str = r#"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = list(validator.iter_errors(json.load(sys.stdin)))
for error in errors:
    print("/".join(map(str, error.absolute_path)) + ": " + error.message)
sys.exit(1 if errors else 0)
"#;

/// Problems the official schema finds in `log` (empty when it is valid), or `None` when the
/// validator is not installed.
fn schema_problems(log: &serde_json::Value) -> Option<String> {
    let python = python_with(&[("jsonschema", "python3-jsonschema"), ("rfc3987", "python3-rfc3987")], "SARIF schema")?;
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/schemas/sarif-schema-2.1.0.json");
    let mut child = Command::new(python)
        .args(["-c", VALIDATE_SARIF])
        .arg(schema)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    serde_json::to_writer(child.stdin.take().expect("stdin"), log).expect("log written");
    let output = child.wait_with_output().expect("python finishes");
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `debrief lint --format sarif` in `directory`, with `stdin`; the log, after checking it against
/// the official schema (where the validator is installed).
fn sarif_in(debrief: &Debrief, directory: &Path, args: &[&str], stdin: &[u8]) -> serde_json::Value {
    let mut child = debrief
        .command()
        .args([&["lint", "--format", "sarif"], args].concat())
        .current_dir(directory)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("debrief runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), stdin).expect("write stdin");
    let output = child.wait_with_output().expect("debrief finishes");
    assert_eq!(output.status.code(), Some(1), "{args:?} finds the draft's wording: {}", stderr(&output));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    if let Some(problems) = schema_problems(&log) {
        assert_eq!(problems, "", "{args:?}: the log is not valid SARIF 2.1.0:\n{log:#}");
    }
    log
}

/// The one artifact location every result of `log` names.
fn only_location(log: &serde_json::Value) -> serde_json::Value {
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    let location = &results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert!(results.iter().all(|result| &result["locations"][0]["physicalLocation"]["artifactLocation"] == location));
    location.clone()
}

#[test]
fn sarif_validates_and_locates_absolute_relative_and_standard_input_paths() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let absolute = repo.write("dir with space/draft.md", DRAFT);
    let directory_uri = format!("file://{}/", repo.dir.path().display());

    // An absolute path is a file:// URI, with no base.
    let log = sarif_in(&debrief, repo.dir.path(), &[&absolute], b"");
    assert_eq!(
        log["$schema"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert!(driver["informationUri"].as_str().expect("informationUri").starts_with("https://"), "{driver}");
    let rules = driver["rules"].as_array().expect("rules");
    assert!(rules.iter().any(|rule| rule["id"] == "blame-failed-to"));
    assert!(rules.iter().all(|rule| !rule["help"]["text"].as_str().expect("help text").is_empty()), "{rules:?}");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let index = results[0]["ruleIndex"].as_u64().expect("rule index") as usize;
    assert_eq!(rules[index]["id"], results[0]["ruleId"]);
    assert_eq!(results[0]["level"], "warning");
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    let start = region["byteOffset"].as_u64().expect("byte offset") as usize;
    let length = region["byteLength"].as_u64().expect("byte length") as usize;
    assert_eq!(&DRAFT[start..start + length], "could have rolled");
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(6), Some(4)));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_eq!(only_location(&log), json!({ "uri": format!("{directory_uri}dir%20with%20space/draft.md") }));
    assert!(run.get("originalUriBaseIds").is_none(), "no relative paths, no base: {run}");

    // A relative path stays relative, against the working directory named in originalUriBaseIds.
    let log = sarif_in(&debrief, repo.dir.path(), &["./dir with space/draft.md"], b"");
    assert_eq!(only_location(&log), json!({ "uri": "dir%20with%20space/draft.md", "uriBaseId": "SRCROOT" }));
    assert_eq!(log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"], directory_uri.as_str());

    // Standard input is embedded in the log, and the location points at it.
    let log = sarif_in(&debrief, repo.dir.path(), &["-"], DRAFT.as_bytes());
    let location = only_location(&log);
    assert_eq!(location["uri"], "sarif:/runs/0/artifacts/0/contents");
    assert_eq!((location["index"].as_u64(), &location["description"]["text"]), (Some(0), &json!("standard input")));
    let artifact = &log["runs"][0]["artifacts"][0];
    assert_eq!(artifact["contents"]["text"], DRAFT);
    assert_eq!(artifact["roles"], json!(["analysisTarget", "standardStream"]));
}

/// A published post-mortem whose action items lack an owner, a due date, a type and a reason,
/// and one item long overdue.
const FOLLOW_UP: &str = "---\nid: 2026-03-02-checkout\ntitle: Checkout latency\nseverity: SEV2\n\
    started: 2026-03-02T14:00:00+01:00\naction_items:\n  - id: 1\n    text: Alert on pool use\n    owner: carol\n    \
    due: 2020-04-01\n    type: detective\n    status: open\n  - id: 2\n    text: Shard the queue\n    status: open\n  \
    - id: 3\n    text: Retire the old pool\n    status: wont-do\n---\n\n# Checkout latency\n\nWe rolled back at 14:20.\n";

#[test]
fn sarif_carries_the_follow_up_rules_with_their_metadata_and_still_validates() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write("incidents/2026/2026-03-02-checkout.md", FOLLOW_UP);
    let log = sarif_in(&debrief, repo.dir.path(), &["incidents"], b"");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let overdue_rule = rules.iter().find(|rule| rule["id"] == "follow-up-overdue").expect("the rule is described");
    assert!(overdue_rule["helpUri"].as_str().expect("help URI").ends_with("#follow-through"), "{overdue_rule}");
    assert_eq!(overdue_rule["properties"], json!({ "category": "follow-up", "tags": ["follow-up", "action-items"] }));
    assert!(!overdue_rule["shortDescription"]["text"].as_str().expect("summary").is_empty());
    let results = run["results"].as_array().expect("results");
    let rule_ids: Vec<&str> = results.iter().map(|result| result["ruleId"].as_str().expect("rule id")).collect();
    assert_eq!(
        rule_ids,
        ["follow-up-overdue", "follow-up-owner", "follow-up-due-date", "follow-up-type", "follow-up-reason"]
    );
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("rule index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["properties"]["category"], "follow-up");
    }
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    let start = region["byteOffset"].as_u64().expect("byte offset") as usize;
    let length = region["byteLength"].as_u64().expect("byte length") as usize;
    assert_eq!(&FOLLOW_UP[start..start + length], "due: 2020-04-01");
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(10), Some(5)));
    assert!(
        results[0]["message"]["text"].as_str().expect("message").starts_with("Action item #1 was due on 2020-04-01")
    );
}

#[test]
fn the_sarif_validator_catches_what_it_is_meant_to() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("draft.md", DRAFT);
    let mut log: serde_json::Value =
        serde_json::from_slice(&lint(&debrief, &["--format", "sarif", &file]).stdout).expect("SARIF is JSON");
    log["runs"][0]["tool"]["driver"]["informationUri"] = json!("not a URI");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = json!("a b.md");
    if let Some(problems) = schema_problems(&log) {
        assert!(problems.contains("informationUri: 'not a URI' is not a 'uri'"), "{problems}");
        assert!(problems.contains("artifactLocation/uri: 'a b.md' is not a 'uri-reference'"), "{problems}");
    }
}

#[test]
fn the_nearest_repository_configuration_applies() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write(".debrief/lint.toml", "disable = [\"blame\"]\n[severity]\ncounterfactual = \"note\"\n");
    let file = repo.write("incidents/2026/draft.md", DRAFT);
    let output = lint(&debrief, &["--format", "json", &file]);
    let findings = json(&output);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["severity"], "note");
    // Notes are reported but do not fail the check.
    assert_eq!(output.status.code(), Some(0));

    let explicit = repo.write("other.toml", "disable = [\"counterfactual\"]\n");
    let overridden = json(&lint(&debrief, &["--format", "json", "--config", &explicit, &file]));
    assert_eq!(overridden.len(), 1);
    assert_eq!(overridden[0]["category"], "blame");
}

#[test]
fn a_broken_configuration_is_an_error() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write("team/.debrief/lint.toml", "disable = [\"minimising\"]\n");
    let broken = repo.write("team/draft.md", DRAFT);
    let fine = repo.write("elsewhere/draft.md", DRAFT);
    let output = lint(&debrief, &["--format", "json", &broken, &fine]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("minimising"), "{}", stderr(&output));
    let findings = json(&output);
    assert!(findings.iter().all(|finding| finding["path"] == fine.as_str()) && !findings.is_empty());

    let missing = lint(&debrief, &["--config", &repo.path("nope.toml"), &fine]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.toml"));
}

#[test]
fn team_phrases_from_the_repository() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write(
        ".debrief/lint.toml",
        "[[phrases]]\nid = \"team-hero\"\nphrases = [\"rockstar\"]\ncategory = \"blame\"\nmessage = \"No heroes.\"\n",
    );
    let file = repo.write("draft.md", "Our rockstar SRE fixed it at 14:20.\n");
    let findings = json(&lint(&debrief, &["--format", "json", &file]));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rule"], "team-hero");
    assert_eq!(findings[0]["message"], "No heroes.");
    assert!(findings[0]["suggestion"].is_null());
}

#[test]
fn inline_comments_suppress_findings() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write(
        "draft.md",
        "<!-- debrief-ignore counterfactual-modal -->\nWe could have rolled back sooner.\n\n<!-- debrief-ignore -->\nBob failed to renew it.\n",
    );
    let output = lint(&debrief, &["--format", "json", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn directories_are_searched_for_markdown_skipping_hidden_ones() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write("incidents/2026/a.md", DRAFT);
    repo.write("incidents/2025/b.markdown", DRAFT);
    repo.write("incidents/2026/notes.txt", DRAFT);
    repo.write("incidents/.git/x.md", DRAFT);
    repo.write("incidents/.drafts/y.md", DRAFT);
    let output = lint(&debrief, &["--format", "json", &repo.path("incidents")]);
    let paths: Vec<String> =
        json(&output).iter().map(|finding| finding["path"].as_str().expect("path").to_string()).collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    assert!(paths[0].ends_with("incidents/2025/b.markdown") && paths[2].ends_with("incidents/2026/a.md"), "{paths:?}");
}

#[test]
fn standard_input_and_the_current_directory() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    repo.write(".debrief/lint.toml", "disable = [\"blame\"]\n");
    repo.write("incidents/x.md", DRAFT);
    let run_in = |args: &[&str], stdin: &[u8]| {
        let mut child = debrief
            .command()
            .args(args)
            .current_dir(repo.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("debrief runs");
        use std::io::Write;
        child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
        child.wait_with_output().expect("debrief finishes")
    };
    let piped = run_in(&["lint", "--format", "json", "-"], DRAFT.as_bytes());
    let findings = json(&piped);
    assert_eq!(findings.len(), 1, "the repository configuration applies to standard input: {findings:?}");
    assert_eq!(findings[0]["path"], "-");
    let default = run_in(&["lint", "--format", "json"], b"");
    let findings = json(&default);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["path"], "incidents/x.md");
}

#[test]
fn unreadable_input_is_reported_per_file_and_the_rest_is_checked() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let good = repo.write("good.md", DRAFT);
    let latin1 = repo.write("latin1.md", b"# Caf\xe9\n\nWe could have waited.\n");
    let binary = repo.write("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let missing = repo.path("missing.md");
    let huge = repo.path("huge.md");
    // A sparse 100 MB file: refused by its size, without being read.
    fs::File::create(&huge).expect("create").set_len(100 * 1024 * 1024).expect("grow");
    let output = lint(&debrief, &["--format", "json", &latin1, &binary, &missing, &huge, &good]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains(&format!("{latin1} is not valid UTF-8 (line 1, column 6)")), "{errors}");
    assert!(errors.contains(&format!("{binary} looks like a binary file")), "{errors}");
    assert!(errors.contains(&format!("cannot read {missing}")), "{errors}");
    assert!(errors.contains(&format!("{huge} is 104857600 bytes")), "{errors}");
    assert_eq!(errors.lines().count(), 4, "{errors}");
    let findings = json(&output);
    assert_eq!(findings.len(), 2);
    assert!(findings.iter().all(|finding| finding["path"] == good.as_str()));
}

#[test]
fn a_directory_of_thousands_of_files() {
    let (debrief, repo) = (Debrief::new(), Repo::new());
    for number in 0..3000 {
        let text = if number % 1000 == 7 { DRAFT } else { CLEAN };
        repo.write(&format!("incidents/{}/{number}.md", number % 10), text);
    }
    let output = lint(&debrief, &[&repo.path("incidents")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("6 findings in 3 of 3000 documents."), "{}", stdout(&output));
}

#[test]
fn an_incident_draft_and_timeline_are_checked() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "Error rate at 40% on checkout"]);
    debrief.ok(&["log", "--at", "2026-11-23T14:31:00+01:00", "J finally notices the alert and rolls back"]);
    let output = lint(&debrief, &["--format", "json", "--incident", &id]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let findings = json(&output);
    assert_eq!(findings.len(), 2, "the draft's timeline table and the entry itself: {findings:?}");
    assert_eq!(findings[0]["path"], format!("{id}#draft"));
    assert_eq!(findings[1]["path"], format!("{id}#2"));
    assert_eq!(findings[1]["phrase"], "finally notices");
    assert_eq!(findings[1]["start"], 2);
    // In SARIF, texts from the local store are embedded in the log.
    let log = sarif_in(&debrief, debrief.home(), &["--incident", &id], b"");
    let artifacts = log["runs"][0]["artifacts"].as_array().expect("artifacts");
    let described: Vec<&str> =
        artifacts.iter().map(|artifact| artifact["location"]["description"]["text"].as_str().expect("text")).collect();
    assert_eq!(
        described,
        [format!("The post-mortem draft of incident {id}"), format!("Timeline line 2 of incident {id}")]
    );
    assert_eq!(artifacts[1]["contents"]["text"], "J finally notices the alert and rolls back");

    let unknown = lint(&debrief, &["--incident", "2026-01-01-nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no incident with id"));
}

#[test]
fn the_default_configuration_is_printed_with_its_comments() {
    let debrief = Debrief::new();
    let printed = String::from_utf8(lint(&debrief, &["--print-config"]).stdout).expect("UTF-8");
    assert!(printed.starts_with("# Debrief wording checker"));
    assert!(printed.contains("[[sections]]") && printed.contains("counterfactual-visible"));
    let repo = Repo::new();
    let config = repo.write(".debrief/lint.toml", &printed);
    let file = repo.write("draft.md", DRAFT);
    let output = lint(&debrief, &["--config", &config, &file]);
    assert_eq!(output.status.code(), Some(1), "the printed configuration is valid: {}", stderr(&output));
    assert!(Path::new(&config).exists());
}

/// A team's post-mortem repository with Debrief's commit hook installed: the plain-git one
/// from assets/ or the pre-commit framework's, with `debrief` on PATH.
struct HookedRepo {
    debrief: Debrief,
    dir: TempDir,
}

impl HookedRepo {
    fn new() -> HookedRepo {
        let repo = HookedRepo { debrief: Debrief::new(), dir: TempDir::new().expect("temporary directory") };
        repo.git_ok(&["init", "--quiet", "--initial-branch=main"]);
        repo
    }

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
    }

    fn command(&self, program: &str) -> Command {
        let binaries = Path::new(crate::util::BINARY).parent().expect("the binary's directory");
        let path = std::env::join_paths(
            std::iter::once(binaries.to_path_buf())
                .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
        )
        .expect("PATH");
        let mut command = Command::new(program);
        command
            .current_dir(self.dir.path())
            .env("HOME", self.debrief.user_home())
            .env("DEBRIEF_HOME", self.debrief.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PRE_COMMIT_HOME", self.debrief.user_home().join("pre-commit-cache"))
            .env("PATH", path)
            .env_remove("NO_COLOR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE");
        command
    }

    fn git(&self, args: &[&str]) -> Output {
        self.command("git").args(args).output().expect("git runs")
    }

    fn git_ok(&self, args: &[&str]) -> String {
        let output = self.git(args);
        assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
        stdout(&output)
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.path().join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("directories");
        fs::write(path, text).expect("write");
    }

    /// Writes and stages `staged`, then leaves `working` in the working tree.
    fn stage(&self, path: &str, staged: &str, working: &str) {
        self.write(path, staged);
        self.git_ok(&["add", "--", path]);
        self.write(path, working);
    }

    /// `git commit`: whether it went through, and everything it printed.
    fn commit(&self, message: &str) -> (bool, String) {
        let output = self.git(&["commit", "--quiet", "-m", message]);
        (output.status.success(), format!("{}{}", stdout(&output), stderr(&output)))
    }

    fn last_commit(&self) -> String {
        self.git_ok(&["log", "-1", "--format=%s"]).trim().to_string()
    }
}

#[test]
fn the_plain_git_hook_checks_what_is_staged_renames_included() {
    let repo = HookedRepo::new();
    let hook = repo.dir.path().join(".git/hooks/pre-commit");
    fs::copy(HookedRepo::root().join("assets/git-hooks/pre-commit"), &hook).expect("hook installed");

    // Staged wording with findings is refused even though the working-tree copy reads fine.
    repo.stage("incidents/2026/checkout.md", DRAFT, CLEAN);
    let (committed, output) = repo.commit("Checkout latency");
    assert!(!committed, "{output}");
    assert!(output.contains("incidents/2026/checkout.md:6:4"), "findings name the file in the repository: {output}");
    assert!(output.contains("the commit was stopped by debrief lint"), "{output}");

    // Clean staged wording goes through although the working tree has findings.
    repo.stage("incidents/2026/checkout.md", CLEAN, DRAFT);
    let (committed, output) = repo.commit("Checkout latency");
    assert!(committed, "{output}");
    assert_eq!(repo.last_commit(), "Checkout latency");

    // A renamed file is part of the commit, so it is checked (under its new name).
    repo.stage("incidents/2025/old.md", DRAFT, DRAFT);
    repo.git_ok(&["commit", "--quiet", "--no-verify", "-m", "Written before the hook"]);
    repo.git_ok(&["mv", "incidents/2025/old.md", "incidents/2025/db outage.md"]);
    assert!(
        repo.git_ok(&["status", "--porcelain"]).contains("R  incidents/2025/old.md -> \"incidents/2025/db outage.md\"")
    );
    let (committed, output) = repo.commit("Rename");
    assert!(!committed, "{output}");
    assert!(output.contains("incidents/2025/db outage.md:6:4"), "{output}");
    assert!(!output.contains("checkout.md"), "only what the commit holds is checked: {output}");

    // The team's configuration counts as staged: disabling both categories lets it through.
    repo.stage(".debrief/lint.toml", "disable = [\"counterfactual\", \"blame\"]\n", "");
    let (committed, output) = repo.commit("Rename, with the team's rules");
    assert!(committed, "{output}");
}

#[test]
fn the_pre_commit_framework_runs_debrief_lint_on_what_is_staged() {
    let test = "the_pre_commit_framework_runs_debrief_lint_on_what_is_staged";
    if crate::util::installed_tool("pre-commit", "pre-commit", test).is_none() {
        return;
    }
    // The hook's repository as a team would pin it: Debrief's .pre-commit-hooks.yaml at a commit.
    let hooks = HookedRepo::new();
    fs::copy(HookedRepo::root().join(".pre-commit-hooks.yaml"), hooks.dir.path().join(".pre-commit-hooks.yaml"))
        .expect("hook definition");
    hooks.git_ok(&["add", ".pre-commit-hooks.yaml"]);
    hooks.git_ok(&["commit", "--quiet", "-m", "Debrief's hooks"]);
    let rev = hooks.git_ok(&["rev-parse", "HEAD"]);

    let repo = HookedRepo::new();
    repo.write(
        ".pre-commit-config.yaml",
        &format!(
            "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: debrief-lint\n",
            hooks.dir.path().display(),
            rev.trim()
        ),
    );
    repo.git_ok(&["add", ".pre-commit-config.yaml"]);
    repo.git_ok(&["commit", "--quiet", "-m", "Check wording before each commit"]);
    let installed = repo.command("pre-commit").arg("install").output().expect("pre-commit runs");
    assert!(installed.status.success(), "{}", stderr(&installed));

    repo.stage("incidents/2026/checkout.md", DRAFT, CLEAN);
    let (committed, output) = repo.commit("Checkout latency");
    assert!(!committed, "{output}");
    assert!(output.contains("debrief lint (post-mortem wording)") && output.contains("Failed"), "{output}");
    assert!(output.contains("incidents/2026/checkout.md:6:4"), "{output}");
    assert_eq!(fs::read_to_string(repo.dir.path().join("incidents/2026/checkout.md")).expect("read"), CLEAN);

    repo.stage("incidents/2026/checkout.md", CLEAN, DRAFT);
    let (committed, output) = repo.commit("Checkout latency");
    assert!(committed, "{output}");
    assert!(output.contains("Passed"), "{output}");
    assert_eq!(fs::read_to_string(repo.dir.path().join("incidents/2026/checkout.md")).expect("read"), DRAFT);
}

/// A write-up in the shapes a team really uses (a timeline with hard line breaks,
/// impact, analysis, action items) holding the kinds of wording issue 17 names,
/// beside prose that is fine.
#[test]
fn a_team_write_up_with_blame_minimizing_and_hindsight_outside_the_old_patterns() {
    const WRITE_UP: &str = "# Volume loss\n\n## Timeline\n\n\
        14:02 the fix had just shipped  \n\
        14:05 Site goes down because J skipped the staging step  \n\
        14:30 one restart fixed it, it was that easy\n\n\
        ## Impact\n\n\
        The change could have affected every tenant, but only one was exposed.\n\
        Invoices would have been visible to other tenants for ten minutes.\n\n\
        ## Analysis\n\n\
        The on-call engineer deleted the wrong volume. The graphs clearly show the spike at 14:02.\n\
        Looking at it now, shipping on a Friday was clearly a mistake. We could\\\n\
        have paged the storage team first.\n\n\
        ## Action items\n\n\
        - AI-3  Be more careful with prod config\n\
        - Add a confirmation step before volume deletion\n";
    let (debrief, repo) = (Debrief::new(), Repo::new());
    let file = repo.write("incidents/2026/2026-12-01-volume-loss.md", WRITE_UP);
    let output = lint(&debrief, &["--format", "json", &file]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let found: Vec<(String, String)> = json(&output)
        .iter()
        .map(|finding| {
            (
                finding["rule"].as_str().expect("rule").to_string(),
                finding["phrase"].as_str().expect("phrase").to_string(),
            )
        })
        .collect();
    let expected = [
        ("blame-person-action", "J skipped"),
        ("minimizing-trivial", "was that easy"),
        ("blame-erroneous-action", "engineer deleted the wrong volume"),
        ("hindsight-phrase", "Looking at it now"),
        ("counterfactual-modal", "could\\\nhave paged"),
        ("blame-exhortation", "Be more careful"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(rule, phrase)| (rule.to_string(), phrase.to_string())).collect();
    assert_eq!(found, expected);
}
