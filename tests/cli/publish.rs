//! Publishing into real git remotes, checked the way a teammate would: by
//! cloning with the git CLI and reading what arrived.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::remotes::{Agent, BareRemote, SshServer, free_port, git, key_pair, ssh_server_for};
use crate::util::{Debrief, installed_tool, run_tool};

const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";

pub fn responder_with_incident() -> Debrief {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    debrief.ok(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    debrief.ok(&["log", "--who", "bob", "--at", "2026-11-23T14:12:00+01:00", "Restarted the pool"]);
    debrief
}

pub fn publish(debrief: &Debrief, args: &[&str]) -> (Option<i32>, String) {
    let output = debrief.run(&[&["publish"], args].concat(), None);
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.code(), text)
}

/// An editor for `draft --edit` that runs a sed expression on the file.
pub fn edit_draft(debrief: &Debrief, expression: &str) {
    let editor = debrief.home().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\nsed -i '{expression}' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = debrief.command().args(["draft", "--edit"]).env("EDITOR", &editor).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn without_a_remote_a_publish_is_committed_locally() {
    let debrief = responder_with_incident();
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("into the local repository") && text.contains("debrief remote set"), "{text}");
    // On the branch `git init` would start: git's own default, unless the person set another.
    let branch = git(&debrief.home().join("shared.git"), &["symbolic-ref", "--short", "HEAD"]);
    assert_eq!(branch.trim(), "master");
    let log = git(&debrief.home().join("shared.git"), &["log", "--format=%s", "master"]);
    assert_eq!(log.trim(), "Publish post-mortem: Checkout latency");
    let other = responder_with_incident();
    let settings = other.user_home().join(".gitconfig");
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str("[init]\n\tdefaultBranch = trunk\n");
    std::fs::write(&settings, text).unwrap();
    assert_eq!(publish(&other, &[]).0, Some(0));
    let branch = git(&other.home().join("shared.git"), &["symbolic-ref", "--short", "HEAD"]);
    assert_eq!(branch.trim(), "trunk");
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));
}

#[test]
fn a_teammate_cloning_the_remote_sees_the_post_mortem() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("Published {PATH} to main")), "{text}");
    let clone = remote.clone();
    assert_eq!(std::fs::read_to_string(clone.path().join(PATH)).unwrap(), debrief.ok(&["draft"]));
    assert!(std::fs::read_to_string(clone.path().join(".gitattributes")).unwrap().contains("*.md text eol=lf"));
    assert!(
        std::fs::read_to_string(clone.path().join("README.md")).unwrap().contains("incidents/YYYY/YYYY-MM-DD-slug.md")
    );
    let author = git(clone.path(), &["log", "-1", "--format=%an <%ae>%n%B"]);
    assert!(
        author.starts_with("Robin Responder <robin@example.com>\nPublish post-mortem: Checkout latency"),
        "{author}"
    );
    assert!(author.contains("Debrief-Incident: 2026-11-23-checkout-latency"));
    // Publishing again without changes adds nothing; a change adds one update.
    assert!(publish(&debrief, &[]).1.contains("already published"));
    debrief.ok(&["log", "--at", "2026-11-23T14:20:00+01:00", "Pool size doubled"]);
    assert_eq!(publish(&debrief, &[]).0, Some(0));
    assert_eq!(remote.log(), ["Update post-mortem: Checkout latency", "Publish post-mortem: Checkout latency"]);
}

#[test]
fn commits_name_the_author_and_committer_git_itself_would_name() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    // No user.name or user.email: the name from `author.name`, the address from $EMAIL, and a
    // committer from the environment, as in a container or a shared account.
    std::fs::write(debrief.user_home().join(".gitconfig"), "[author]\n\tname = Ann Author\n").unwrap();
    let environment = [
        ("EMAIL", "ann@example.com"),
        ("GIT_COMMITTER_NAME", "Cai Committer"),
        ("GIT_COMMITTER_EMAIL", "cai@example.com"),
    ];
    debrief.ok(&["remote", "set", &remote.url()]);
    let output = debrief.command().arg("publish").envs(environment).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    // git's own commit, made by the same person in the same environment.
    let scratch = tempfile::TempDir::new().unwrap();
    let by_git = |args: &[&str]| {
        let output = Command::new("git")
            .args(args)
            .current_dir(scratch.path())
            .env("HOME", debrief.user_home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .envs(environment)
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    by_git(&["init", "--quiet"]);
    by_git(&["commit", "--quiet", "--allow-empty", "-m", "by git"]);
    let people = "--format=%an <%ae> / %cn <%ce>";
    let debriefs = git(remote.path(), &["log", "-1", people, remote.branch()]);
    assert_eq!(debriefs.trim(), by_git(&["log", "-1", people]));
    assert_eq!(debriefs.trim(), "Ann Author <ann@example.com> / Cai Committer <cai@example.com>");
}

/// People with a work and a personal identity pick one by the repository's address, with
/// git's `includeIf "hasconfig:remote.*.url:..."` (which libgit2 does not read): the publish is
/// by the identity the person's own clone of the shared repository commits with, not the
/// personal one from their global settings.
#[test]
fn the_identity_git_picks_by_the_repository_s_address_names_the_commit() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let home = debrief.user_home();
    std::fs::write(
        home.join(".gitconfig"),
        format!(
            "[user]\n\tname = Pat Personal\n\temail = pat@personal.example\n\
             [includeIf \"hasconfig:remote.*.url:{}/**\"]\n\tpath = work.gitconfig\n",
            remote.path().parent().expect("the remote's folder").display()
        ),
    )
    .unwrap();
    std::fs::write(home.join("work.gitconfig"), "[user]\n\tname = Pat Work\n\temail = pat@corp.example\n").unwrap();
    debrief.ok(&["remote", "set", &remote.path().display().to_string()]);
    debrief.ok(&["publish"]);
    // A clone of the same address, by git.
    let clone = tempfile::TempDir::new().unwrap();
    let cloned = Command::new("git")
        .arg("clone")
        .arg("--quiet")
        .arg(remote.path())
        .arg(clone.path().join("postmortems"))
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(cloned.status.success(), "{}", String::from_utf8_lossy(&cloned.stderr));
    let by_git = Command::new("git")
        .args(["var", "GIT_AUTHOR_IDENT"])
        .current_dir(clone.path().join("postmortems"))
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let by_git = String::from_utf8_lossy(&by_git.stdout);
    assert!(by_git.starts_with("Pat Work <pat@corp.example>"), "the clone's identity: {by_git}");
    let debriefs = git(remote.path(), &["log", "-1", "--format=%an <%ae> / %cn <%ce>", remote.branch()]);
    assert_eq!(debriefs.trim(), "Pat Work <pat@corp.example> / Pat Work <pat@corp.example>");
}

/// A command's `--format json` report, whatever its exit status, with that status.
fn report(debrief: &Debrief, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let output = debrief.run(&[args, &["--format", "json"]].concat(), None);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{args:?}: {error}: {}", String::from_utf8_lossy(&output.stderr)));
    (output.status.code(), report)
}

/// The rule ids of the secrets a `--format json` report (`check` or `publish`) lists.
fn secret_rules(report: &serde_json::Value, list: &str) -> Vec<String> {
    report.pointer(list).and_then(serde_json::Value::as_array).map_or_else(Vec::new, |secrets| {
        secrets.iter().filter_map(|secret| secret["rule"].as_str().map(str::to_string)).collect()
    })
}

#[test]
fn check_reports_the_secret_publish_refuses_and_allowing_a_rule_lets_only_it_through() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    // Assembled here so this file holds no string a scanner takes for a live token.
    let token = format!("gh{}_{}", "p", "0123456789abcdefghijklmnopqrstuvwxyzAB");
    let password = format!("PGPASSWORD={}{} psql -h db.internal orders", "Summer", "2026!");
    debrief.ok(&["log", "--kind", "communication", &format!("bob pasted the deploy token {token} by mistake")]);
    debrief.ok(&["log", "--kind", "communication", &password]);

    // `check` says what `publish` will refuse, by the same rule ids, and exits 1.
    let output = debrief.run(&["check"], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("Publishing refuses it while")
            && text.contains("a GitHub token (ghp_…)")
            && text.contains("--allow-secret github-token")
            && text.contains("--allow-secret password-assignment"),
        "{text}"
    );
    let (code, check) = report(&debrief, &["check"]);
    assert_eq!((code, &check["publish_blocked"]), (Some(1), &true.into()), "{check}");
    assert_eq!(secret_rules(&check, "/secrets"), ["github-token", "password-assignment"]);

    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("Not published")
            && text.contains("a GitHub token (ghp_…)")
            && text.contains("--allow-secret github-token")
            && text.contains("--allow-secret password-assignment"),
        "{text}"
    );
    let (_, refused) = report(&debrief, &["publish"]);
    assert_eq!(secret_rules(&refused, "/checks/secrets"), secret_rules(&check, "/secrets"), "the same rules");
    for shown in [text.as_str(), &String::from_utf8_lossy(&output.stdout), &check.to_string()] {
        assert!(!shown.contains(&token[..8]) && !shown.contains("Summer"), "a secret itself is never shown: {shown}");
    }
    assert!(git(remote.path(), &["branch", "--list"]).is_empty(), "nothing reached the remote");

    // Allowing one rule lets exactly that one through: the password still blocks, in both.
    let (code, check) = report(&debrief, &["check", "--allow-secret", "github-token"]);
    assert_eq!(secret_rules(&check, "/secrets"), ["password-assignment"]);
    assert_eq!((code, &check["publish_blocked"]), (Some(1), &true.into()));
    let (code, text) = publish(&debrief, &["--allow-secret", "github-token"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("github-token") && text.contains("--allow-secret password-assignment"), "{text}");
    assert!(git(remote.path(), &["branch", "--list"]).is_empty(), "nothing reached the remote");

    let both = ["--allow-secret", "github-token", "--allow-secret", "password-assignment"];
    let (_, check) = report(&debrief, &[&["check"], &both[..]].concat());
    assert_eq!((check["publish_blocked"].clone(), secret_rules(&check, "/secrets").len()), (false.into(), 0));
    let (code, text) = publish(&debrief, &both);
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn ordinary_incident_writing_passes_check_and_publish() {
    let debrief = responder_with_incident();
    for line in [
        "DB password: rotated at 14:20",
        "pasted env: PWD=/home/deploy/app HOSTNAME=checkout-api-7d9f8b6c5-x2x9q LANG=en_US.UTF-8",
        "the secret: db-credentials was recreated",
        "token: <redacted>",
        "password was reset for 3 users",
        "reverted 9fceb02d0ae598e95dc970b74767f19372d61af8, request_id=7f9c2ba4-e88f-4a2b-9d1e-5c3b8a6f0e21",
    ] {
        debrief.ok(&["log", line]);
    }
    let (_, check) = report(&debrief, &["check"]);
    assert_eq!(
        (check["publish_blocked"].clone(), secret_rules(&check, "/secrets").len()),
        (false.into(), 0),
        "{check}"
    );
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
}

#[test]
fn the_team_template_s_required_sections_block_until_filled() {
    let remote = remote_requiring_impact();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("\"Impact\" is required and empty"), "{text}");
    edit_draft(&debrief, "s/^## Impact$/## Impact\\n412 checkouts failed./");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    let clone = remote.clone();
    let published = std::fs::read_to_string(clone.path().join(PATH)).unwrap();
    assert!(published.contains("## Impact\n412 checkouts failed.") && !published.contains("## Summary"), "{published}");
    assert!(!clone.path().join(".gitattributes").exists(), "only an empty repository gets Debrief's .gitattributes");
}

/// A draft started from another template with `draft --template` is checked against that
/// template's sections, while the team's required ones still block, in `check` as in the publish.
#[test]
fn a_draft_from_another_template_is_checked_by_its_sections_and_the_teams_requirements() {
    let remote = remote_requiring_impact();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let other = debrief.home().join("other.md");
    std::fs::write(&other, "## Overview\n\n## Impact\n\n## Corrective actions\n").unwrap();
    debrief.ok(&["draft", "--template", other.to_str().unwrap()]);
    let output = debrief.run(&["check"], None);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("\"Impact\" is required and empty"), "the team's requirement: {said}");
    assert!(said.contains("sections still empty: Overview, Corrective actions"), "its own sections: {said}");
    assert_eq!(said.matches("Impact").count(), 1, "said once: {said}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(1), "{text}");
}

/// A shared repository whose team template requires an "Impact" section.
fn remote_requiring_impact() -> BareRemote {
    let remote = BareRemote::new();
    let teammate = TempDirClone::of(&remote);
    std::fs::create_dir_all(teammate.path().join(".debrief")).unwrap();
    std::fs::write(
        teammate.path().join(".debrief/template.md"),
        "## Impact\n<!-- How many? -->\n<!-- debrief:required -->\n\n## Timeline\n<!-- debrief:timeline -->\n",
    )
    .unwrap();
    git(teammate.path(), &["add", "."]);
    git(teammate.path(), &["commit", "--quiet", "-m", "Our template"]);
    git(teammate.path(), &["push", "--quiet", "origin", "HEAD:main"]);
    remote
}

/// A teammate's clone made with the git CLI.
struct TempDirClone;

impl TempDirClone {
    fn of(remote: &BareRemote) -> tempfile::TempDir {
        let dir = tempfile::TempDir::new().unwrap();
        git(dir.path(), &["init", "--quiet", "--initial-branch=main", "."]);
        git(dir.path(), &["remote", "add", "origin", &remote.url()]);
        dir
    }
}

#[test]
fn review_publishes_go_to_their_own_branch() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &["--review"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("Review branch: debrief/2026-11-23-checkout-latency"), "{text}");
    let file = git(remote.path(), &["show", &format!("debrief/2026-11-23-checkout-latency:{PATH}")]);
    assert_eq!(file, debrief.ok(&["draft"]));
}

#[test]
fn a_protected_branch_refuses_the_publish_says_so_and_a_review_publish_lands() {
    let remote = BareRemote::new();
    // The server's own rule, as a hosting service's protected branch: nothing is pushed to main.
    remote.on_each_pushed_ref(
        "if [ \"$ref\" = refs/heads/main ]; then echo 'main is protected: open a pull request' >&2; exit 1; fi",
    );
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "{text}");
    assert!(
        text.contains("refused the push") && text.contains("main is protected") && text.contains("--review"),
        "{text}"
    );
    assert!(!text.contains("the next publish or"), "a refusal is not a network problem: {text}");
    // Retrying asks again and is refused again, saying so; the commit stays queued.
    let retried = debrief.run(&["publish", "--retry"], None);
    let retried = String::from_utf8_lossy(&retried.stdout).into_owned();
    assert!(retried.contains("main: still queued, the shared repository refused the push"), "{retried}");
    // A review publish goes to a branch of its own, which the rule allows.
    let (code, text) = publish(&debrief, &["--review"]);
    assert_eq!(code, Some(0), "{text}");
    let file = git(remote.path(), &["show", &format!("debrief/2026-11-23-checkout-latency:{PATH}")]);
    assert_eq!(file, debrief.ok(&["draft"]));
}

#[test]
fn two_people_publishing_different_incidents_at_once_both_land() {
    let remote = BareRemote::new();
    let first = responder_with_incident();
    let second = Debrief::new();
    second.new_incident("Login errors", "2026-11-23T15:00:00+01:00");
    second.ok(&["log", "Error rate 30%"]);
    for debrief in [&first, &second] {
        debrief.ok(&["remote", "set", &remote.url()]);
    }
    let children: Vec<_> = [&first, &second]
        .iter()
        .map(|debrief| debrief.command().arg("publish").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap())
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    }
    let clone = remote.clone();
    assert!(clone.path().join(PATH).exists());
    assert!(clone.path().join("incidents/2026/2026-11-23-login-errors.md").exists());
}

#[test]
fn edits_from_two_places_are_merged_and_never_overwritten() {
    let remote = BareRemote::new();
    let author = responder_with_incident();
    author.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&author, &[]).0, Some(0));
    // A second owner imports the published post-mortem and adds to the summary.
    let other = Debrief::new();
    other.ok(&["remote", "set", &remote.url()]);
    let clone = remote.clone();
    other.ok(&["import-postmortem", clone.path().join(PATH).to_str().unwrap()]);
    edit_draft(&other, "s/^## Summary$/## Summary\\nThe pool ran dry under retry storms./");
    let (code, text) = publish(&other, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(git(remote.path(), &["show", &format!("main:{PATH}")]).contains("retry storms"), "{text}");
    // Meanwhile the author wrote the impact, without the other's summary.
    edit_draft(&author, "s/^## Impact$/## Impact\\n412 checkouts failed./");
    let (code, text) = publish(&author, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("merged"), "{text}");
    let published = git(remote.path(), &["show", &format!("main:{PATH}")]);
    assert!(
        published.contains("The pool ran dry under retry storms.") && published.contains("412 checkouts failed."),
        "{published}"
    );
    assert!(
        author.ok(&["draft"]).contains("The pool ran dry under retry storms."),
        "the merge is in the author's draft too"
    );
    // The other owner catches up: a publish with nothing new brings others' changes into the draft.
    let (code, text) = publish(&other, &[]);
    assert!(code == Some(0) && text.contains("already published") && text.contains("now in your draft"), "{text}");
    // Both now rewrite the same line: the second to publish goes to review; main keeps the first.
    edit_draft(&other, "s/^412 checkouts failed.$/418 checkouts failed, per the payment logs./");
    assert_eq!(publish(&other, &[]).0, Some(0));
    edit_draft(&author, "s/^412 checkouts failed.$/About 400 checkouts failed./");
    let (code, text) = publish(&author, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("nothing was overwritten") && text.contains("debrief/2026-11-23-checkout-latency"), "{text}");
    let main = git(remote.path(), &["show", &format!("main:{PATH}")]);
    let review = git(remote.path(), &["show", &format!("debrief/2026-11-23-checkout-latency:{PATH}")]);
    assert!(main.contains("418 checkouts failed") && review.contains("About 400 checkouts failed."));
}

#[test]
fn an_edit_made_in_the_repository_by_hand_is_merged_into_the_next_publish() {
    let remote = BareRemote::new();
    let author = responder_with_incident();
    author.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&author, &[]).0, Some(0));
    let clone = remote.clone();
    let file = clone.path().join(PATH);
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace("## What went well\n", "## What went well\nPaging worked within a minute.\n");
    std::fs::write(&file, edited).unwrap();
    git(clone.path(), &["commit", "--quiet", "-am", "Add what went well"]);
    git(clone.path(), &["push", "--quiet", "origin", "main"]);
    author.ok(&["log", "--at", "2026-11-23T14:30:00+01:00", "Error rate back to normal"]);
    assert_eq!(publish(&author, &[]).0, Some(0));
    let published = git(remote.path(), &["show", &format!("main:{PATH}")]);
    assert!(published.contains("Paging worked within a minute.") && published.contains("Error rate back to normal"));
}

#[test]
fn an_unreachable_remote_queues_the_publish_until_it_is_back() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let port = free_port();
    let (key, public_key) = key_pair(debrief.user_home(), "id_ed25519");
    let ssh = debrief.user_home().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::rename(&key, ssh.join("id_ed25519")).unwrap();
    let url = format!("ssh://{}@127.0.0.1:{port}{}", whoami(), remote.path().display());
    debrief.ok(&["remote", "set", &url]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "{text}");
    assert!(text.contains("queued") && text.contains("cannot be reached"), "{text}");
    assert!(debrief.ok(&["status"]).contains("Publish post-mortem: Checkout latency"));
    let Some(server) = SshServer::start(port, &public_key) else { return };
    server.trust(debrief.user_home());
    let (code, text) = publish(&debrief, &["--retry"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("main: pushed"), "{text}");
    assert_eq!(remote.log(), ["Publish post-mortem: Checkout latency"]);
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));
}

fn whoami() -> String {
    String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap().trim().to_string()
}

#[test]
fn over_ssh_with_a_key_file_and_with_ssh_agent() {
    let remote = BareRemote::new();
    let with_file = responder_with_incident();
    let with_agent = Debrief::new();
    with_agent.new_incident("Login errors", "2026-11-23T15:00:00+01:00");
    let keys = tempfile::TempDir::new().unwrap();
    let (key, public_key) = key_pair(keys.path(), "id_ed25519");
    let Some(server) = SshServer::start(free_port(), &public_key) else { return };
    // One person has the key in ~/.ssh; the other only in an agent.
    let ssh = with_file.user_home().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::copy(&key, ssh.join("id_ed25519")).unwrap();
    let agent = Agent::start(&key);
    for debrief in [&with_file, &with_agent] {
        server.trust(debrief.user_home());
    }
    with_file.ok(&["remote", "set", &server.url(remote.path())]);
    let (code, text) = publish(&with_file, &[]);
    assert_eq!(code, Some(0), "key file: {text}");
    // Without the agent, the second person has no key at all, and is told what was looked for.
    let refused = with_agent.run(&["remote", "set", &server.url(remote.path())], None);
    let refused = String::from_utf8_lossy(&refused.stderr);
    assert!(refused.contains("SSH_AUTH_SOCK") && refused.contains("id_ed25519"), "{refused}");
    let output = with_agent.command().arg("publish").env("SSH_AUTH_SOCK", &agent.socket).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "agent: {}", String::from_utf8_lossy(&output.stdout));
    let clone = remote.clone();
    assert!(
        clone.path().join(PATH).exists() && clone.path().join("incidents/2026/2026-11-23-login-errors.md").exists()
    );
    drop(server);
}

#[test]
fn an_unknown_host_key_stops_the_publish_with_what_to_do() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let (key, public_key) = key_pair(debrief.user_home(), "id_ed25519");
    let ssh = debrief.user_home().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::rename(&key, ssh.join("id_ed25519")).unwrap();
    let Some(server) = SshServer::start(free_port(), &public_key) else { return };
    // known_hosts holds a different key for this address: as after a server was replaced.
    let impostor = SshServer::start(free_port(), &public_key).unwrap();
    impostor.trust(debrief.user_home());
    let known_hosts = std::fs::read_to_string(ssh.join("known_hosts")).unwrap();
    std::fs::write(
        ssh.join("known_hosts"),
        known_hosts.replace(&format!(":{}]", impostor.port), &format!(":{}]", server.port)),
    )
    .unwrap();
    let output = debrief.run(&["remote", "set", &server.url(remote.path())], None);
    assert_eq!(output.status.code(), Some(2));
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("host key") && text.contains("known_hosts") && text.contains("post-mortem is kept"),
        "{text}"
    );
    assert!(git(remote.path(), &["branch", "--list"]).is_empty(), "nothing reached the remote");
}

/// Over SSH, as with a real shared repository: the server finishes or abandons a push on its
/// own when the client dies, so the remote is never left locked.
#[test]
fn a_publish_killed_midway_leaves_a_sound_clone_and_the_next_one_completes() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let Some(server) = ssh_server_for(debrief.user_home()) else { return };
    debrief.ok(&["remote", "set", &server.url(remote.path())]);
    for round in 0..20 {
        debrief.ok(&["log", &format!("round {round}")]);
        let mut child = debrief.command().arg("publish").stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let delay = RandomState::new().hash_one(round) % 150_000;
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().unwrap();
        child.wait().unwrap();
    }
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    git(&debrief.home().join("shared.git"), &["fsck", "--no-dangling", "--no-progress"]);
    git(remote.path(), &["fsck", "--no-dangling", "--no-progress"]);
    let published = git(remote.path(), &["show", &format!("main:{PATH}")]);
    assert!(published == debrief.ok(&["draft"]), "the remote does not have the draft; publish said: {text}");
}

/// A push killed at the wrong moment can leave a lock file in the shared repository. That is
/// said plainly, and the publish waits.
#[test]
fn a_lock_left_in_a_local_repository_is_explained_and_the_publish_waits() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&debrief, &[]).0, Some(0));
    let lock = remote.path().join("refs/heads/main.lock");
    std::fs::write(&lock, "").unwrap();
    debrief.ok(&["log", "one more line"]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "{text}");
    assert!(text.contains("stayed locked") && text.contains("remove it"), "{text}");
    std::fs::remove_file(&lock).unwrap();
    let (code, text) = publish(&debrief, &["--retry"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(git(remote.path(), &["show", &format!("main:{PATH}")]).contains("one more line"));
}

/// The listing is an index a reader can trust: a table on GitHub's renderer with a row per
/// post-mortem (length, services, open items), and one more publish adds one line and changes
/// nothing else.
#[test]
fn one_more_publish_adds_one_line_to_the_listing_and_it_renders_as_a_table() {
    let remote = BareRemote::new();
    let author = responder_with_incident();
    author.ok(&["set", "--service", "checkout", "--service", "payments"]);
    author.ok(&["mark", "resolved", "--at", "2026-11-23T15:05:00+01:00"]);
    author.ok(&[
        "action",
        "add",
        "--owner",
        "carol",
        "--due",
        "2026-12-15",
        "--type",
        "corrective",
        "Alert on pool use",
    ]);
    author.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&author, &[]).0, Some(0));
    let listing = |commit: &str| git(remote.path(), &["show", &format!("{commit}:incidents/README.md")]);
    let before = listing("main");
    let row = before.lines().find(|line| line.contains("[Checkout latency]")).unwrap_or_default().to_string();
    assert!(row.contains("| 1h 05m | checkout, payments | 1 |"), "{before}");
    let other = Debrief::new();
    other.new_incident("Login errors", "2026-11-24T09:00:00+01:00");
    other.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&other, &[]).0, Some(0));
    let after = listing("main");
    let added: Vec<&str> = after.lines().filter(|line| !before.lines().any(|old| old == *line)).collect();
    let removed: Vec<&str> = before.lines().filter(|line| !after.lines().any(|new| new == *line)).collect();
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(added[0].contains("[Login errors](2026/2026-11-24-login-errors.md)"), "{added:?}");
    let Some(cmark_gfm) = installed_tool("cmark-gfm", "cmark-gfm", "one_more_publish_adds_one_line") else {
        return;
    };
    let html = run_tool(Command::new(cmark_gfm).args(["--extension", "table"]), after.as_bytes());
    assert_eq!(html.matches("<table>").count(), 1, "{html}");
    assert_eq!(html.matches("<tr>").count(), 3, "a header and a row per post-mortem: {html}");
    assert!(html.contains("<a href=\"2026/2026-11-23-checkout-latency.md\">Checkout latency</a>"), "{html}");
}

/// On the git host, `incidents/README.md` and each year's README list the post-mortems, newest
/// first, including ones written by hand and ones published by others at the same time.
/// A teammate's working copy given as the shared repository: git refuses to move the branch it
/// has checked out, and Debrief says what that is and what to do, in fewer words than git; the
/// review publish it suggests then lands, with the write-up, on its own branch.
#[test]
fn a_working_copy_as_the_shared_repository_is_said_to_be_one_and_the_review_publish_lands() {
    let place = tempfile::TempDir::new().unwrap();
    let working = place.path().join("team");
    std::fs::create_dir_all(&working).unwrap();
    git(&working, &["init", "--quiet", "--initial-branch=main", "."]);
    git(
        &working,
        &[
            "-c",
            "user.name=Tess",
            "-c",
            "user.email=tess@example.com",
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            "Start",
        ],
    );
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", working.to_str().unwrap()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "{text}");
    assert!(text.contains("is a working copy") && text.contains("git clone --bare"), "{text}");
    assert!(!text.contains("receive.denyCurrentBranch"), "{text}");
    let (code, text) = publish(&debrief, &["--review"]);
    assert_eq!(code, Some(0), "{text}");
    let review = "debrief/2026-11-23-checkout-latency";
    assert!(text.contains(&format!("to {review}")), "{text}");
    assert_eq!(git(&working, &["show", &format!("{review}:{PATH}")]), debrief.ok(&["draft"]));
}

/// Another incident's post-mortem already at the path a first publish would take (written by
/// hand under the same date and title, or by another team) is never overwritten: the publish
/// goes beside it, and every later publish of the incident follows it there.
#[test]
fn a_post_mortem_of_another_incident_at_the_same_path_is_never_overwritten() {
    let remote = BareRemote::with_branch(None);
    let theirs = "---\ntitle: Checkout latency (EU)\ndate: 2026-11-23\n---\n\n# Checkout latency (EU)\n\n\
                  Written by the EU team, by hand.\n";
    remote.commit_files(&[(PATH, theirs)], "The EU team's post-mortem");
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    let beside = PATH.replace(".md", "-2.md");
    assert!(text.contains(&format!("Published {beside} ")), "{text}");
    assert_eq!(remote.show(PATH), theirs);
    assert_eq!(remote.show(&beside), debrief.ok(&["draft"]));
    debrief.ok(&["set", "--severity", "sev2"]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(remote.show(PATH), theirs);
    assert!(remote.show(&beside).contains("severity: SEV2"));
    assert_eq!(remote.log()[0], "Update post-mortem: Checkout latency");
    // Both are listed, each once.
    let listing = remote.show("incidents/README.md");
    assert!(listing.contains("[Checkout latency (EU)](2026/2026-11-23-checkout-latency.md)"), "{listing}");
    assert!(listing.contains("[Checkout latency](2026/2026-11-23-checkout-latency-2.md)"), "{listing}");
}

/// A team that kept its own `incidents/README.md` before Debrief (how to write one, whom to ask)
/// keeps it: the listing goes below its words, and publishes that meet on the remote, or a
/// teammate editing the page meanwhile, never take those words away.
#[test]
fn a_teams_own_readme_in_the_incidents_folder_is_kept_and_the_listing_goes_below_it() {
    const TEST: &str = "a_teams_own_readme_in_the_incidents_folder_is_kept_and_the_listing_goes_below_it";
    let remote = BareRemote::with_branch(None);
    let team = "# Incidents\n\nEvery outage gets a write-up within five working days. Ask #sre for a review.\n";
    remote.commit_files(&[("incidents/README.md", team)], "How we write post-mortems");
    let alice = responder_with_incident();
    alice.ok(&["remote", "set", &remote.url()]);
    // Alice's publish waits (the share is not mounted) while Bob's lands first.
    let away = remote.path().with_extension("away");
    std::fs::rename(remote.path(), &away).unwrap();
    let (code, text) = publish(&alice, &[]);
    assert_eq!(code, Some(75), "{text}");
    std::fs::rename(&away, remote.path()).unwrap();
    let bob = Debrief::new();
    bob.new_incident("Login errors", "2026-11-24T09:00:00+01:00");
    bob.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&bob, &[]).0, Some(0));
    let page = remote.show("incidents/README.md");
    assert!(page.starts_with(team), "{page}");
    assert!(page.contains("[Login errors](2026/2026-11-24-login-errors.md)"), "{page}");
    // A teammate adds a line to the team's words; then Alice's publish is replayed on both.
    let clone = remote.clone();
    let edited = page.replace("Ask #sre for a review.", "Ask #sre for a review.\n\nSeverity levels: see the wiki.");
    std::fs::write(clone.path().join("incidents/README.md"), &edited).unwrap();
    git(clone.path(), &["commit", "--quiet", "--all", "--message", "Severity levels"]);
    git(clone.path(), &["push", "--quiet"]);
    let (code, text) = publish(&alice, &["--retry"]);
    assert_eq!(code, Some(0), "{text}");
    let page = remote.show("incidents/README.md");
    assert!(
        page.starts_with(team.replace("review.\n", "review.\n\nSeverity levels: see the wiki.\n").as_str()),
        "{page}"
    );
    let rows: Vec<&str> = page.lines().filter(|line| line.starts_with("| 20")).collect();
    assert_eq!(rows.len(), 2, "{page}");
    assert!(rows[0].contains("Login errors") && rows[1].contains("Checkout latency"), "{page}");
    assert_eq!(page.matches("<!-- debrief:listing -->").count(), 1, "{page}");
    // On the git host the page reads as the team's text and one table, the marks unseen.
    if let Some(cmark_gfm) = installed_tool("cmark-gfm", "cmark-gfm", TEST) {
        let html = run_tool(Command::new(cmark_gfm).args(["--unsafe", "--extension", "table"]), page.as_bytes());
        assert_eq!(html.matches("<table>").count(), 1, "{html}");
        assert!(html.contains("<h1>Incidents</h1>") && html.contains("<h2>Post-mortems</h2>"), "{html}");
        assert!(html.contains("<p>Severity levels: see the wiki.</p>"), "{html}");
        let shown = html.lines().filter(|line| !line.starts_with("<!--"));
        assert!(shown.clone().all(|line| !line.contains("debrief:listing") && !line.starts_with('|')), "{html}");
    }
}

#[test]
fn the_incidents_folder_lists_every_post_mortem_for_readers_on_the_git_host() {
    let remote = BareRemote::new();
    let author = responder_with_incident();
    author.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&author, &[]).0, Some(0));
    remote.commit_files(
        &[(
            "incidents/2025/2025-05-05-dns.md",
            "---\ntitle: Resolver outage\ndate: 2025-05-05\nseverity: sev1\n---\n\n# Resolver outage\n\nWritten by hand.\n",
        )],
        "A post-mortem written by hand",
    );
    let other = Debrief::new();
    other.new_incident("Login errors", "2026-11-24T09:00:00+01:00");
    other.ok(&["remote", "set", &remote.url()]);
    assert_eq!(publish(&other, &[]).0, Some(0));
    let clone = remote.clone();
    let folder = std::fs::read_to_string(clone.path().join("incidents/README.md")).unwrap();
    let rows: Vec<&str> = folder.lines().filter(|line| line.starts_with("| 20")).collect();
    assert_eq!(rows.len(), 3, "{folder}");
    assert!(rows[0].contains("[Login errors](2026/2026-11-24-login-errors.md)"), "{folder}");
    assert!(rows[1].contains("[Checkout latency](2026/2026-11-23-checkout-latency.md)"), "{folder}");
    assert!(rows[2].contains("[Resolver outage](2025/2025-05-05-dns.md)") && rows[2].contains("SEV1"), "{folder}");
    assert!(folder.contains("By year: [2026](2026/README.md) · [2025](2025/README.md)"), "{folder}");
    let year = std::fs::read_to_string(clone.path().join("incidents/2026/README.md")).unwrap();
    assert!(year.contains("[Login errors](2026-11-24-login-errors.md)") && year.contains("[All years](../README.md)"));
    // The listings are not post-mortems to search.
    other.ok(&["sync"]);
    assert!(!other.ok(&["search", "newest"]).contains("README"));
}
