//! `debrief init-repo`: a team's shared repository set up in one step, checked with the
//! tools that will run it: git, a YAML parser for the CI workflow, and the pre-commit
//! framework refusing a counterfactual and letting a clean post-mortem through.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::{BINARY, Debrief, installed_tool, python_with};

/// A program run in `directory` as the person would: their git configuration, `debrief` on PATH.
fn run_in(debrief: &Debrief, directory: &Path, program: &str, args: &[&str]) -> Output {
    let binaries = Path::new(BINARY).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(binaries).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    Command::new(program)
        .args(args)
        .current_dir(directory)
        .env("HOME", debrief.user_home())
        .env("DEBRIEF_HOME", debrief.home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PRE_COMMIT_HOME", debrief.user_home().join("pre-commit-cache"))
        .env("PATH", path)
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap()
}

fn git(debrief: &Debrief, directory: &Path, args: &[&str]) -> String {
    let output = run_in(debrief, directory, "git", args);
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn set_up(debrief: &Debrief, directory: &Path, extra: &[&str]) -> String {
    let mut args = vec!["init-repo", directory.to_str().unwrap()];
    args.extend(extra);
    debrief.ok(&args)
}

const STARTING_FILES: [&str; 8] = [
    "README.md",
    ".gitattributes",
    ".debrief/template.md",
    ".debrief/lint.toml",
    ".debrief/policy.toml",
    ".debrief/factors.toml",
    ".pre-commit-config.yaml",
    ".github/workflows/postmortems.yml",
];

#[test]
fn a_new_directory_becomes_a_repository_with_every_starting_file_in_one_commit_and_again_changes_nothing() {
    let debrief = Debrief::new();
    let directory: PathBuf = debrief.home().join("postmortems");
    let said = set_up(&debrief, &directory, &["--gitlab"]);
    assert!(said.contains("Created a git repository") && said.contains("Committed 9 starting files"), "{said}");
    let files = git(&debrief, &directory, &["ls-files"]);
    for path in STARTING_FILES.iter().chain([&".gitlab-ci.yml"]) {
        assert!(files.lines().any(|line| line == *path), "{path} is committed: {files}");
    }
    assert_eq!(git(&debrief, &directory, &["rev-list", "--count", "HEAD"]).trim(), "1");
    // git's own default branch and the person's name: this is their commit.
    let branch = git(&debrief, &directory, &["symbolic-ref", "--short", "HEAD"]);
    let configured = run_in(&debrief, &directory, "git", &["config", "--get", "init.defaultBranch"]);
    let expected = String::from_utf8_lossy(&configured.stdout).trim().to_string();
    assert_eq!(branch.trim(), if expected.is_empty() { "master" } else { expected.as_str() });
    assert_eq!(git(&debrief, &directory, &["log", "-1", "--format=%an"]).trim(), "Robin Responder");

    let head = git(&debrief, &directory, &["rev-parse", "HEAD"]);
    let again = set_up(&debrief, &directory, &["--gitlab"]);
    assert!(again.contains("Everything was already there; nothing was changed."), "{again}");
    assert_eq!(git(&debrief, &directory, &["rev-parse", "HEAD"]), head);
    assert!(git(&debrief, &directory, &["status", "--porcelain"]).is_empty());
}

#[test]
fn on_a_teams_existing_repository_only_what_is_missing_is_added() {
    let debrief = Debrief::new();
    let directory = debrief.home().join("team");
    std::fs::create_dir_all(directory.join(".debrief")).unwrap();
    git(&debrief, &directory, &["init", "--quiet", "--initial-branch=trunk"]);
    std::fs::write(directory.join("README.md"), "# Our incidents\n").unwrap();
    std::fs::write(directory.join(".debrief/lint.toml"), "disable = [\"minimizing\"]\n").unwrap();
    git(&debrief, &directory, &["add", "."]);
    git(&debrief, &directory, &["commit", "--quiet", "-m", "Our own"]);

    let report = debrief.json(&["init-repo", directory.to_str().unwrap(), "--format", "json"]);
    assert_eq!(report["created_repository"], false);
    assert_eq!(report["kept"], serde_json::json!(["README.md", ".debrief/lint.toml"]));
    assert_eq!(report["written"].as_array().unwrap().len(), 6, "{report}");
    assert_eq!(std::fs::read_to_string(directory.join("README.md")).unwrap(), "# Our incidents\n");
    assert_eq!(std::fs::read_to_string(directory.join(".debrief/lint.toml")).unwrap(), "disable = [\"minimizing\"]\n");
    assert_eq!(git(&debrief, &directory, &["symbolic-ref", "--short", "HEAD"]).trim(), "trunk");
    assert_eq!(git(&debrief, &directory, &["rev-list", "--count", "HEAD"]).trim(), "2");
}

/// Run from a git hook or a git alias, git's own variables name the repository git runs in:
/// the starting files went into it and not into the directory given.
#[test]
fn run_from_a_git_hook_the_starting_files_go_into_the_directory_given() {
    let debrief = Debrief::new();
    let other = debrief.home().join("other");
    git(&debrief, debrief.home(), &["init", "--quiet", "other"]);
    let directory = debrief.home().join("postmortems");
    let output = debrief
        .command()
        .args(["init-repo", directory.to_str().unwrap()])
        .env("GIT_DIR", other.join(".git"))
        .env("GIT_WORK_TREE", &other)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(git(&debrief, &directory, &["ls-files"]).contains(".debrief/template.md"));
    let other_log = run_in(&debrief, &other, "git", &["log", "--oneline"]);
    assert!(!other_log.status.success(), "nothing was committed in the other repository");
}

/// DFDS's post-mortem repository keeps its template beside the post-mortems, as many teams do.
#[test]
fn a_repository_with_its_own_post_mortem_template_gets_drafts_that_keep_its_sections() {
    let debrief = Debrief::new();
    let directory = debrief.home().join("team");
    std::fs::create_dir_all(directory.join(".github")).unwrap();
    git(&debrief, &directory, &["init", "--quiet"]);
    let team_template = "# Incident Title\n\n## Summary\n\n## Timeline\n\nAll times in UTC.\n\n\
                         | Time             | Event                   |\n| :--------------- | ----------------------- |\n\
                         | 20xx-MM-DD HH:mm | Short event description |\n\n## Action Items\n\n-\n\n\
                         ## Attendees\n\n- Someone Fromtheteam (use initials)\n";
    std::fs::write(directory.join("PMyyyy-nnn - Postmortem template.md"), team_template).unwrap();
    std::fs::write(directory.join(".github/pull_request_template.md"), "## What changed\n").unwrap();
    git(&debrief, &directory, &["add", "."]);
    git(&debrief, &directory, &["commit", "--quiet", "-m", "Our post-mortems"]);
    // Shared as it is, the repository's template is named where it is set.
    let shared = debrief.home().join("team.git");
    git(&debrief, debrief.home(), &["clone", "--quiet", "--bare", "team", "team.git"]);
    let url = format!("file://{}", shared.display());
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("It keeps its own post-mortem template, PMyyyy-nnn - Postmortem template.md;"), "{set}");

    let report = debrief.json(&["init-repo", directory.to_str().unwrap(), "--format", "json"]);
    assert_eq!(report["template_from"], "PMyyyy-nnn - Postmortem template.md", "{report}");
    git(&debrief, &directory, &["push", "--quiet", shared.to_str().unwrap(), "HEAD"]);
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(!set.contains("its own post-mortem template"), "{set}");
    let written = std::fs::read_to_string(directory.join(".debrief/template.md")).unwrap();
    assert!(written.starts_with("<!-- debrief:template\n") && written.ends_with(team_template), "{written}");

    debrief.new_incident("Ingress 503s", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["log", "--who", "alice", "--at", "2026-11-23T14:05:00+01:00", "Traefik pods restarted"]);
    let template = directory.join(".debrief/template.md");
    let draft = debrief.ok(&["draft", "--template", template.to_str().unwrap()]);
    let body = &draft[draft.find("\n# Ingress 503s\n").expect("the incident's title")..];
    let timeline = &body[body.find("## Timeline").unwrap()..body.find("## Action Items").unwrap()];
    assert!(timeline.contains("All times in UTC.") && timeline.contains("| alice | note | Traefik pods restarted |"));
    assert!(!body.contains("Short event description") && !body.contains("Incident Title"), "{body}");
    assert!(body.contains("## Attendees\n\n<!-- debrief:participants -->"), "{body}");
}

#[test]
fn the_ci_workflow_is_valid_yaml_that_checks_the_changed_post_mortems_with_the_released_command() {
    let test = "the_ci_workflow_is_valid_yaml_that_checks_the_changed_post_mortems_with_the_released_command";
    let Some(python) = python_with(&[("ruamel.yaml", "python3-ruamel.yaml")], test) else { return };
    let debrief = Debrief::new();
    let directory = debrief.home().join("postmortems");
    set_up(&debrief, &directory, &["--gitlab", "--debrief-source", "https://github.example.org/tools/debrief.git"]);
    let read = |file: &Path, program: &str| {
        let output = Command::new(&python)
            .args(["-c", &format!("import json, sys\nfrom ruamel.yaml import YAML\ndata = YAML(typ='safe').load(open(sys.argv[1]))\n{program}")])
            .arg(file)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{} is not valid YAML: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let workflow = directory.join(".github/workflows/postmortems.yml");
    let steps = read(&workflow, "print(json.dumps(data['jobs']['check']['steps']))");
    let steps = steps.as_array().unwrap();
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(steps[0]["uses"], "actions/checkout@v4");
    // Debrief's action at the release that wrote the workflow: no Rust on the CI machine.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(steps[1]["uses"], format!("tools/debrief@v{version}"));
    assert_eq!(steps[1]["with"]["version"], version);
    assert_eq!(steps[1]["with"]["base-url"], "https://github.example.org/tools/debrief/releases/download");
    assert!(!std::fs::read_to_string(&workflow).unwrap().contains("cargo"));
    // What it gives the action is what the action takes, and everything the action requires.
    let action =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../action.yml"), "print(json.dumps(data['inputs']))");
    let inputs = action.as_object().unwrap();
    for given in steps[1]["with"].as_object().unwrap().keys() {
        assert!(inputs.contains_key(given), "the action has no input {given}");
    }
    for (input, description) in inputs {
        if description["required"] == true {
            assert!(!steps[1]["with"][input].is_null(), "the workflow gives the required input {input}");
        }
    }
    let triggers = read(&workflow, "print(json.dumps(data['on']['pull_request']['paths']))");
    assert!(triggers.to_string().contains("incidents/**"), "{triggers}");
    let gitlab = read(&directory.join(".gitlab-ci.yml"), "print(json.dumps(data['postmortems']))");
    assert_eq!(gitlab["variables"]["DEBRIEF_VERSION"], version);
    let script =
        gitlab["script"].as_array().unwrap().iter().map(|line| line.as_str().unwrap()).collect::<Vec<_>>().join("\n");
    let at = |needle: &str| script.find(needle).unwrap_or_else(|| panic!("{needle} in {script}"));
    assert!(at("sha256sum") < at("tar -xzf") && at("tar -xzf") < at("debrief lint"), "{script}");
    let hooks = read(&directory.join(".pre-commit-config.yaml"), "print(json.dumps(data['repos'][0]['hooks'][0]))");
    assert_eq!(hooks["entry"], "debrief lint", "{hooks}");
}

#[test]
fn a_source_the_ci_cannot_get_debrief_from_is_refused_before_anything_is_written() {
    let debrief = Debrief::new();
    let directory = debrief.home().join("postmortems");
    let error = debrief
        .error(&["init-repo", directory.to_str().unwrap(), "--debrief-source", "git@github.com:org/debrief.git"], None);
    assert!(error.contains("https://HOST/OWNER/NAME"), "{error}");
    assert!(!directory.exists(), "nothing was created");
}

#[test]
fn the_pre_commit_hook_refuses_a_counterfactual_and_lets_a_clean_post_mortem_through() {
    let test = "the_pre_commit_hook_refuses_a_counterfactual_and_lets_a_clean_post_mortem_through";
    if installed_tool("pre-commit", "pre-commit", test).is_none() {
        return;
    }
    let debrief = Debrief::new();
    let directory = debrief.home().join("postmortems");
    set_up(&debrief, &directory, &[]);
    let installed = run_in(&debrief, &directory, "pre-commit", &["install"]);
    assert!(installed.status.success(), "{}", String::from_utf8_lossy(&installed.stderr));
    let post_mortem = "incidents/2026/2026-11-23-checkout.md";
    std::fs::create_dir_all(directory.join("incidents/2026")).unwrap();
    let commit = |text: &str| {
        std::fs::write(directory.join(post_mortem), text).unwrap();
        git(&debrief, &directory, &["add", post_mortem]);
        let output = run_in(&debrief, &directory, "git", &["commit", "--quiet", "-m", "Checkout latency"]);
        (
            output.status.success(),
            format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
        )
    };
    let (committed, output) = commit("# Checkout latency\n\nWe could have rolled back sooner.\n");
    assert!(!committed, "{output}");
    assert!(output.contains("debrief lint (post-mortem wording)") && output.contains("Failed"), "{output}");
    assert!(output.contains("could have rolled back"), "{output}");
    let (committed, output) =
        commit("# Checkout latency\n\nWe rolled back at 14:20, when the error rate reached 40%.\n");
    assert!(committed, "{output}");
    assert!(output.contains("Passed"), "{output}");
}
