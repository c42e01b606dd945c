//! Follow-through: action items closed as done or won't-do (with the reason why) in the
//! published file, default due dates from the team's policy in the shared repository, the
//! roll-up per owner across every post-mortem, and `debrief lint` on the shared repository
//! reporting items without an owner, a due date or a type and items overdue past the policy.
//! Each against a synthetic shared repository (`git init --bare`, publishes, a teammate's
//! clone), and `../shared/corpus` read as one where it makes sense.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::remotes::{BareRemote, git};
use crate::util::{Debrief, one_line};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Someone with Debrief set up on `remote`, and its contents fetched.
fn member_of(remote: &BareRemote) -> Debrief {
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["sync"]);
    debrief
}

fn publish(debrief: &Debrief, incident: &str) {
    let output = debrief.run(&["publish", "--incident", incident], None);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
}

/// An incident with three action items: one done, one won't-do (with its reason), one open.
#[test]
fn done_and_wont_do_items_are_published_with_their_reason_and_read_back_by_import_and_browse() {
    let remote = BareRemote::new();
    let author = member_of(&remote);
    let id = author.new_incident("Queue backlog", "2026-10-05T14:00:00+02:00");
    author.ok(&["set", "--severity", "sev2"]);
    let common = ["--owner", "carol", "--type", "preventive", "--due", "2099-01-01"];
    for text in ["Alert on queue depth", "Shard the queue", "Write the runbook"] {
        author.ok(&[&["action", "add"], &common[..], &[text]].concat());
    }
    author.ok(&["action", "done", "1"]);

    // Won't-do is refused without a reason, and the refusal says what to add.
    let missing = author.run(&["action", "wont", "2"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("--reason <TEXT>"), "{}", stderr(&missing));
    let error = author.error(&["action", "set", "2", "--status", "won't do"], None);
    assert_eq!(
        one_line(&error),
        format!(
            "error: action item #2 of {id} cannot be won't-do without a reason. Nothing was changed; add one line \
             saying why it will not be done, such as \"superseded by #4\" or \"the service is being retired\"; \
             `debrief action wont 2 --incident {id} --reason TEXT` gives it one"
        )
    );
    assert!(author.error(&["action", "wont", "2", "--reason", "  "], None).contains("without a reason"));
    assert_eq!(author.json(&["action", "list", "--format", "json"])[1]["status"], "open", "nothing changed");

    let said = author.ok(&["action", "wont", "2", "--reason", "superseded by the queue rewrite (#3)"]);
    assert_eq!(said.trim(), format!("action item #2 of {id} will not be done: superseded by the queue rewrite (#3)"));
    let listed = author.ok(&["action", "list"]);
    assert!(
        listed.contains("wont-do") && listed.contains("won't do: superseded by the queue rewrite (#3)"),
        "{listed}"
    );
    publish(&author, &id);

    // What a teammate reads on the git host: the state in the front matter and in the table.
    let file = remote.show(&format!("incidents/2026/{id}.md"));
    assert!(file.contains("    status: done\n"), "{file}");
    assert!(file.contains("    status: wont-do\n    reason: superseded by the queue rewrite (#3)\n"), "{file}");
    assert!(file.contains("| won't do: superseded by the queue rewrite (#3) |"), "{file}");

    // Browse: the index keeps the state and the reason; only the open item is open.
    let reader = member_of(&remote);
    let all = reader.json(&["actions", "--format", "json"]);
    let states: Vec<(&str, Option<&str>)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|item| (item["status"].as_str().unwrap(), item["reason"].as_str()))
        .collect();
    assert_eq!(
        states,
        [("done", None), ("wont-do", Some("superseded by the queue rewrite (#3)")), ("open", None)],
        "{all}"
    );
    let open = reader.json(&["actions", "--open", "--format", "json"]);
    assert_eq!(open.as_array().unwrap().len(), 1, "{open}");
    assert!(reader.ok(&["actions"]).contains("won't do: superseded by the queue rewrite (#3)"));

    // Import: the file read into another laptop's store keeps both.
    let copy = remote.clone();
    let imported = Debrief::new();
    imported.ok(&["import-postmortem", copy.path().join(format!("incidents/2026/{id}.md")).to_str().unwrap()]);
    let items = imported.json(&["action", "list", "--incident", &id, "--format", "json"]);
    assert_eq!((items[0]["status"].as_str(), items[0]["reason"].as_str()), (Some("done"), None));
    assert_eq!(
        (items[1]["status"].as_str(), items[1]["reason"].as_str()),
        (Some("wont-do"), Some("superseded by the queue rewrite (#3)"))
    );
    // Reopened, the reason goes: only a won't-do item keeps one.
    imported.ok(&["action", "set", "2", "--incident", &id, "--status", "open"]);
    let reopened = &imported.json(&["action", "list", "--incident", &id, "--format", "json"])[1];
    assert_eq!((reopened["status"].as_str(), reopened["reason"].as_str()), (Some("open"), None));
}

#[test]
fn action_items_without_a_due_date_take_the_team_policy_for_the_incident_severity() {
    let remote = BareRemote::new();
    remote.commit_files(
        &[(".debrief/policy.toml", "# Our follow-up policy\n[due_days]\nSEV1 = 7\nSEV2 = 21\ndefault = 45\n")],
        "Follow-up policy",
    );
    let author = member_of(&remote);
    let today = chrono::Local::now().date_naive();
    let due_in = |output: &str| {
        let due = output.split("due ").nth(1).and_then(|rest| rest.get(..10)).expect("a due date is said");
        (due.parse::<chrono::NaiveDate>().unwrap() - today).num_days()
    };

    author.new_incident("Login errors", "2026-10-20T09:00:00+02:00");
    author.ok(&["set", "--severity", "sev1"]);
    let said = author.ok(&["action", "add", "--owner", "dave", "--type", "corrective", "Rotate the key"]);
    assert!(said.contains(": 7 days for a SEV1 incident, by the team's policy (.debrief/policy.toml)"), "{said}");
    assert!((6..=8).contains(&due_in(&said)), "{said}");
    let given = author.ok(&["action", "add", "--due", "2027-03-01", "Review the rotation"]);
    assert!(!given.contains("policy"), "a date given is kept as it is: {given}");
    assert_eq!(author.json(&["action", "list", "--format", "json"])[1]["due"], "2027-03-01");

    author.new_incident("Slow search", "2026-10-21T09:00:00+02:00");
    let said = author.ok(&["action", "add", "Tune the index"]);
    assert!(said.contains(": 45 days, the default for an incident without a severity, by the team's policy"), "{said}");
    assert!((44..=46).contains(&due_in(&said)), "{said}");
    author.ok(&["set", "--severity", "SEV2"]);
    assert!(author.ok(&["action", "add", "Cache the facets"]).contains(": 21 days for a SEV2 incident"));

    // A broken policy file does not stop anyone: Debrief's defaults are used, and that is said.
    remote.commit_files(&[(".debrief/policy.toml", "[due_days]\nSEV2 = \"soon\"\n")], "Break the policy");
    author.ok(&["sync"]);
    let output = author.run(&["action", "add", "Page the search team"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(": 30 days for a SEV2 incident, by Debrief's default policy"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output)
            .contains("warning: in the shared repository, the follow-up policy .debrief/policy.toml cannot be used"),
        "{}",
        stderr(&output)
    );
}

/// Three post-mortems with items owned by carol, Carol, dave and nobody, overdue or not.
fn published_with_items(remote: &BareRemote) {
    let author = member_of(remote);
    for (title, start, items) in [
        (
            "Checkout latency",
            "2026-03-02T14:00:00+01:00",
            vec![("carol", "2020-04-01", "Alert on pool saturation"), ("dave", "2099-01-01", "Shard the pool")],
        ),
        (
            "Login errors",
            "2026-05-10T09:00:00+02:00",
            vec![("Carol", "2021-06-01", "Rotate the signing key"), ("", "2020-01-15", "Document the failover")],
        ),
        ("Slow search", "2026-06-11T09:00:00+02:00", vec![("dave", "2022-02-02", "Tune the index")]),
    ] {
        let id = author.new_incident(title, start);
        author.ok(&["set", "--severity", "sev3"]);
        for (owner, due, text) in items {
            let mut args = vec!["action", "add", "--due", due, "--type", "preventive"];
            if !owner.is_empty() {
                args.extend(["--owner", owner]);
            }
            args.push(text);
            author.ok(&args);
        }
        publish(&author, &id);
    }
    author.ok(&["action", "done", "2", "--incident", "2026-03-02-checkout-latency"]);
    author.ok(&["action", "wont", "1", "--incident", "2026-06-11-slow-search", "--reason", "the index is replaced"]);
    publish(&author, "2026-03-02-checkout-latency");
    publish(&author, "2026-06-11-slow-search");
}

#[test]
fn open_and_overdue_items_roll_up_per_owner_with_the_oldest_overdue_and_its_post_mortem() {
    let remote = BareRemote::new();
    published_with_items(&remote);
    let reader = member_of(&remote);
    let rolled = reader.json(&["actions", "--overdue", "--by", "owner", "--format", "json"]);
    let owners: Vec<_> = rolled
        .as_array()
        .unwrap()
        .iter()
        .map(|owner| {
            (
                owner["owner"].as_str(),
                owner["open"].as_u64().unwrap(),
                owner["overdue"].as_u64().unwrap(),
                owner["oldest_overdue"]["incident"].as_str(),
                owner["oldest_overdue"]["due"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        owners,
        [
            (Some("carol"), 2, 2, Some("2026-03-02-checkout-latency"), Some("2020-04-01")),
            (None::<&str>, 1, 1, Some("2026-05-10-login-errors"), Some("2020-01-15")),
        ],
        "carol and Carol are one owner; dave's only overdue item is won't-do, his other one done: {rolled:#}"
    );
    assert_eq!(rolled[0]["oldest_overdue"]["path"], "incidents/2026/2026-03-02-checkout-latency.md");
    let days = rolled[0]["days_overdue"].as_i64().unwrap();
    assert!(days > 2000, "{days}");

    let text = reader.ok(&["actions", "--overdue", "--by", "owner"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("Owner") && lines[0].contains("Open  Overdue  Oldest overdue"), "{text}");
    assert!(
        lines[1].starts_with("carol ")
            && lines[1].contains(&format!(
                "{days} days late: Alert on pool saturation (2026-03-02-checkout-latency #1, due 2020-04-01)"
            )),
        "{text}"
    );
    assert!(lines[2].starts_with("(no owner)") && lines[2].contains("Document the failover"), "{text}");
    assert_eq!(lines[3], "2 owners, 3 open, 3 overdue");

    // Without --overdue, owners with open items that are not late count too.
    let everyone = reader.json(&["actions", "--by", "owner", "--format", "json"]);
    assert_eq!(everyone.as_array().unwrap().len(), 2, "dave's open item was done: {everyone:#}");
    let dave = Debrief::new();
    assert_eq!(dave.ok(&["actions", "--overdue", "--by", "owner"]).trim(), "No action item is overdue.");
}

fn lint_in(debrief: &Debrief, directory: &Path, args: &[&str]) -> Output {
    debrief.command().args([&["lint"], args].concat()).current_dir(directory).output().expect("debrief runs")
}

fn findings(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON").as_array().unwrap().clone()
}

fn follow_up(findings: &[serde_json::Value]) -> Vec<(String, String, u64)> {
    findings
        .iter()
        .filter(|finding| finding["category"] == "follow-up")
        .map(|finding| {
            (
                finding["path"].as_str().unwrap().to_string(),
                finding["rule"].as_str().unwrap().to_string(),
                finding["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn lint_on_the_shared_repository_reports_follow_up_in_post_mortems_and_nowhere_else() {
    let remote = BareRemote::new();
    published_with_items(&remote);
    // Teammates' other files: a hand-written post-mortem without Debrief's front matter, a README
    // that mentions action items, and one published file edited by hand to lose an owner and a type.
    remote.commit_files(
        &[
            (
                "postmortems/2019-dns.md",
                "# DNS outage\n\nThe resolvers stopped answering.\n\n## Action items\n\n- Add a second resolver\n",
            ),
            ("docs/notes.md", "---\ntitle: Offsite notes\naction_items:\n  - text: Book the room\n---\n\nText.\n"),
        ],
        "Hand-written files",
    );
    let copy = remote.clone();
    let slow = copy.path().join("incidents/2026/2026-06-11-slow-search.md");
    let edited =
        std::fs::read_to_string(&slow).unwrap().replace("    owner: dave\n", "").replace("    type: preventive\n", "");
    std::fs::write(&slow, edited).unwrap();
    git(copy.path(), &["commit", "--quiet", "-am", "Edited by hand"]);

    let debrief = Debrief::new();
    let output = lint_in(&debrief, copy.path(), &["--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let checkout = "incidents/2026/2026-03-02-checkout-latency.md";
    let login = "incidents/2026/2026-05-10-login-errors.md";
    let mut found = follow_up(&findings(&output));
    found.sort();
    let expected: Vec<(String, String, u64)> = [
        (checkout, "follow-up-overdue", 13),
        (login, "follow-up-overdue", 13),
        (login, "follow-up-overdue", 18),
        (login, "follow-up-owner", 17),
    ]
    .into_iter()
    .map(|(path, rule, line)| (path.to_string(), rule.to_string(), line))
    .collect();
    assert_eq!(
        found, expected,
        "the won't-do item edited by hand has a reason and needs no owner; notes and hand-written files are not post-mortems"
    );

    // GitHub annotations carry the rule and its category.
    let github = stdout(&lint_in(&debrief, copy.path(), &["--format", "github", "incidents"]));
    assert!(
        github.lines().any(|line| line.starts_with(&format!("::warning file={login},line=17,col=5,"))
            && line.contains(",title=follow-up-owner (follow-up)::Action item #2 has no owner")),
        "{github}"
    );

    // The team switches rules off, and sets the grace, in the repository's own files.
    std::fs::create_dir_all(copy.path().join(".debrief")).unwrap();
    std::fs::write(copy.path().join(".debrief/lint.toml"), "disable = [\"follow-up-owner\"]\n").unwrap();
    std::fs::write(copy.path().join(".debrief/policy.toml"), "[overdue]\ngrace_days = 3650\n").unwrap();
    let output = lint_in(&debrief, copy.path(), &["--format", "json", "incidents"]);
    assert_eq!(follow_up(&findings(&output)), [], "{}", stdout(&output));
    std::fs::write(copy.path().join(".debrief/lint.toml"), "disable = [\"follow-up\"]\n").unwrap();
    std::fs::remove_file(copy.path().join(".debrief/policy.toml")).unwrap();
    let output = lint_in(&debrief, copy.path(), &["incidents"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    // A broken policy is an error that names the file; the wording is still checked.
    std::fs::remove_file(copy.path().join(".debrief/lint.toml")).unwrap();
    std::fs::write(copy.path().join(".debrief/policy.toml"), "[overdue]\ngrace_days = -1\n").unwrap();
    let output = lint_in(&debrief, copy.path(), &["incidents"]);
    assert_eq!(output.status.code(), Some(2));
    let error = one_line(&stderr(&output)).to_string();
    assert!(
        error
            .contains(".debrief/policy.toml cannot be used: `grace_days = -1` must be a number of days from 0 to 3650")
            && error.ends_with("the follow-up rules were not checked in the post-mortems under it"),
        "{error}"
    );
    let printed = debrief.ok(&["lint", "--print-policy"]);
    assert!(printed.contains("[due_days]\nSEV1 = 14\n") && printed.contains("grace_days = 7"), "{printed}");
}

#[test]
fn the_corpus_read_as_a_repository_gets_no_follow_up_findings() {
    let copy = tempfile::TempDir::new().unwrap();
    git(copy.path(), &["init", "--quiet", "."]);
    let incidents = copy.path().join("incidents");
    for organisation in std::fs::read_dir(corpus()).expect("../shared/corpus beside the repository").flatten() {
        if !organisation.path().is_dir() {
            continue;
        }
        let target = incidents.join(organisation.file_name());
        std::fs::create_dir_all(&target).unwrap();
        for file in std::fs::read_dir(organisation.path()).unwrap().flatten() {
            let name = file.file_name().to_string_lossy().trim_end_matches(".erb").to_string();
            std::fs::copy(file.path(), target.join(name)).unwrap();
        }
    }
    let debrief = Debrief::new();
    let output = lint_in(&debrief, copy.path(), &["--format", "json", "incidents"]);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", stderr(&output));
    let all = findings(&output);
    assert!(!all.is_empty(), "the corpus has wording findings");
    assert_eq!(follow_up(&all), [], "hand-written post-mortems have no action items in front matter");
}
