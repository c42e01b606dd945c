//! Browsing past incidents: a real git repository built from the public
//! post-mortems in `../shared/corpus` (written by hand by several teams), plus
//! Debrief's own publishes, searched the way a person would search them.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::remotes::{BareRemote, git};
use crate::util::Debrief;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// A teammate's working copy of `remote`, to add and change files with the git CLI.
fn working_copy(remote: &BareRemote) -> TempDir {
    let dir = TempDir::new().unwrap();
    git(dir.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    git(dir.path(), &["remote", "add", "origin", &remote.url()]);
    dir
}

fn commit_and_push(copy: &Path, message: &str, date: &str) {
    git(copy, &["add", "--all"]);
    let output = std::process::Command::new("git")
        .args(["-c", "user.name=Tess", "-c", "user.email=tess@example.com", "commit", "--quiet", "-m", message])
        .current_dir(copy)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    git(copy, &["push", "--quiet", "--force", "origin", "HEAD:main"]);
}

/// The corpus, one folder per organisation under `incidents/`, committed in 2024.
pub fn corpus_remote() -> (BareRemote, TempDir) {
    let remote = BareRemote::new();
    let copy = working_copy(&remote);
    for organisation in std::fs::read_dir(corpus()).expect("../shared/corpus beside the repository").flatten() {
        if !organisation.path().is_dir() {
            continue;
        }
        let target = copy.path().join("incidents").join(organisation.file_name());
        std::fs::create_dir_all(&target).unwrap();
        // The files keep their names: the Ministry of Justice's are Middleman pages (`.html.md.erb`).
        for file in std::fs::read_dir(organisation.path()).unwrap().flatten() {
            std::fs::copy(file.path(), target.join(file.file_name())).unwrap();
        }
    }
    commit_and_push(copy.path(), "Post-mortems from several teams", "2024-06-01T12:00:00Z");
    (remote, copy)
}

/// Writes `files` into the working copy, commits everything in it as a teammate would and pushes
/// it to the remote's branch.
fn push_files(copy: &Path, remote: &BareRemote, files: &[(&str, &str)], message: &str) {
    for (path, text) in files {
        let path = copy.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    git(copy, &["add", "--all"]);
    git(copy, &["-c", "user.name=Tess", "-c", "user.email=tess@example.com", "commit", "--quiet", "-m", message]);
    git(copy, &["push", "--quiet", "origin", &format!("HEAD:{}", remote.branch())]);
}

pub fn synced(remote: &BareRemote) -> Debrief {
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["sync"]);
    debrief
}

fn paths(debrief: &Debrief, args: &[&str]) -> Vec<String> {
    let hits = debrief.json(&[&["search", "--format", "json"], args].concat());
    hits.as_array().unwrap().iter().map(|hit| hit["path"].as_str().unwrap().to_string()).collect()
}

/// Chinese, Japanese and Korean are written without spaces between words: a word from the
/// middle of a sentence is found, and marked in its passage, as a word of any other language.
#[test]
fn a_word_from_the_middle_of_a_japanese_chinese_or_korean_sentence_is_found() {
    let remote = BareRemote::new();
    remote.commit_files(
        &[
            (
                "postmortems/2025-03-01-payments.md",
                "---\ntitle: 決済サービスの障害\ndate: 2025-03-01\n---\n\n# 決済サービスの障害\n\n\
                 データベース接続プールが枯渇しました。\n",
            ),
            ("postmortems/2025-04-02-cache.md", "# 缓存集群故障\n\n发布新版本后，缓存命中率下降。\n"),
            ("postmortems/2025-05-03-login.md", "# 로그인 장애\n\n인증서가만료되어 로그인이 실패했습니다.\n"),
            ("postmortems/2025-06-04-dns.md", "# Störung der Namensauflösung\n\nDie Überlastung des Resolvers.\n"),
        ],
        "Post-mortems in four languages",
    );
    let debrief = synced(&remote);
    for (query, path) in [
        ("障害", "postmortems/2025-03-01-payments.md"),
        ("接続", "postmortems/2025-03-01-payments.md"),
        ("枯渇", "postmortems/2025-03-01-payments.md"),
        ("命中率", "postmortems/2025-04-02-cache.md"),
        ("故障", "postmortems/2025-04-02-cache.md"),
        ("만료", "postmortems/2025-05-03-login.md"),
        ("uberlastung", "postmortems/2025-06-04-dns.md"),
    ] {
        assert_eq!(paths(&debrief, &[query]), [path], "{query}");
    }
    // Characters apart are not the word: "障" and "接" are both there, never side by side.
    assert!(paths(&debrief, &["障接"]).is_empty());
    let hit = &debrief.json(&["search", "--format", "json", "接続"])[0];
    let passage: Vec<char> = hit["passage"].as_str().unwrap().chars().collect();
    let (from, to) =
        (hit["highlights"][0][0].as_u64().unwrap() as usize, hit["highlights"][0][1].as_u64().unwrap() as usize);
    assert_eq!(passage[from..to].iter().collect::<String>(), "接続", "{hit}");
}

#[test]
fn searches_a_person_would_make_find_the_right_post_mortems() {
    let (remote, _copy) = corpus_remote();
    let debrief = synced(&remote);
    let expectations = [
        ("malware", "crates-io-malware-postmortem"),
        ("inotify watches", "Inotify file watches exhaustion"),
        ("dns records deleted", "2022-01-22-some-dns-records-deleted"),
        ("negative coin values", "negative-coin-values"),
        ("rustup 1.24.0", "rustup-1.24.0-incident-report"),
        ("ALB 502", "ALB 502 errors"),
        ("shai hulud", "shai-hulud-attack"),
        ("recurring feature flag outages", "feature-flags-recurring-outages"),
    ];
    for (query, expected) in expectations {
        let found = paths(&debrief, &[query]);
        assert!(
            found.first().is_some_and(|path| path.contains(expected)),
            "{query:?} should find {expected} first: {found:?}"
        );
    }
    let hit = &debrief.json(&["search", "malware", "--format", "json"])[0];
    for field in ["id", "path", "title", "date", "score"] {
        assert!(!hit[field].is_null(), "missing {field}: {hit}");
    }
    let passage = hit["passage"].as_str().unwrap();
    let (start, end) =
        (hit["highlights"][0][0].as_u64().unwrap() as usize, hit["highlights"][0][1].as_u64().unwrap() as usize);
    let highlighted: String = passage.chars().skip(start).take(end - start).collect();
    assert!(highlighted.to_lowercase().starts_with("malware"), "{highlighted:?} in {passage:?}");
}

#[test]
fn filters_narrow_by_date_and_titles_come_from_whatever_the_file_has() {
    let (remote, _copy) = corpus_remote();
    let debrief = synced(&remote);
    let dns_2022 = paths(&debrief, &["dns", "--since", "2022-01-01", "--until", "2022-12-31"]);
    assert!(!dns_2022.is_empty());
    let hits = debrief.json(&["search", "dns", "--since", "2022-01-01", "--until", "2022-12-31", "--format", "json"]);
    assert!(hits.as_array().unwrap().iter().all(|hit| hit["date"].as_str().unwrap().starts_with("2022")), "{hits}");
    let rust = debrief.json(&["search", "\"Update on the October 15\"", "--format", "json"]);
    assert_eq!(
        rust[0]["title"], "Update on the October 15, 2018 incident on crates.io",
        "title from TOML front matter"
    );
    assert_eq!(rust[0]["date"], "2018-10-19", "date from the blog path");
    let timeline = debrief.json(&["search", "CoreDNS upgrade", "--format", "json"]);
    assert_eq!(timeline[0]["date"], "2020-02-03", "no date in the name: the first day of its timeline");
    let undated = debrief.json(&["search", "\"ADSync migration\"", "--format", "json"]);
    assert_eq!(undated[0]["date"], "2024-06-01", "no date in the file: the day it was committed");
}

#[test]
fn debrief_post_mortems_carry_their_facts_into_search_actions_and_stats() {
    let remote = BareRemote::new();
    let author = Debrief::new();
    author.ok(&["remote", "set", &remote.url()]);
    for (title, start, detect, mitigate, service) in [
        (
            "Checkout latency",
            "2026-10-05T14:00:00+02:00",
            "2026-10-05T14:10:00+02:00",
            "2026-10-05T14:40:00+02:00",
            "checkout",
        ),
        (
            "Login errors",
            "2026-10-20T09:00:00+02:00",
            "2026-10-20T09:02:00+02:00",
            "2026-10-20T09:12:00+02:00",
            "login",
        ),
        (
            "Search slow",
            "2026-11-03T09:00:00+01:00",
            "2026-11-03T09:30:00+01:00",
            "2026-11-03T11:30:00+01:00",
            "search",
        ),
    ] {
        author.ok(&["new", title, "--at", start, "--severity", "sev2"]);
        author.ok(&["mark", "detected", "--at", detect]);
        author.ok(&["mark", "mitigated", "--at", mitigate]);
        author.ok(&["set", "--service", service]);
        author.ok(&[
            "action",
            "add",
            "--owner",
            "carol",
            "--due",
            "2026-11-01",
            "--type",
            "preventive",
            "Review",
            title,
        ]);
        assert_eq!(author.run(&["publish"], None).status.code(), Some(0));
        author.ok(&["mark", "resolved", "--at", mitigate]);
    }
    author.ok(&["action", "done", "1", "--incident", "2026-10-05-checkout-latency"]);
    assert_eq!(author.run(&["publish", "--incident", "2026-10-05-checkout-latency"], None).status.code(), Some(0));
    let reader = synced(&remote);
    assert_eq!(paths(&reader, &["--service", "login"]), ["incidents/2026/2026-10-20-login-errors.md"]);
    assert_eq!(paths(&reader, &["--severity", "2"]).len(), 3);
    let open = reader.json(&["actions", "--open", "--format", "json"]);
    assert_eq!(open.as_array().unwrap().len(), 2, "{open}");
    let overdue = reader.json(&["actions", "--overdue", "--owner", "carol", "--format", "json"]);
    assert!(
        overdue.as_array().unwrap().iter().all(|action| action["overdue"] == true && action["due"] == "2026-11-01")
    );
    let stats = reader.json(&["stats", "--format", "json"]);
    assert_eq!(stats[0]["period"], "2026-10");
    assert_eq!(stats[0]["incidents"], 2);
    assert_eq!(stats[0]["time_to_detect"]["median_s"], 600, "median of 2 and 10 minutes: the upper middle");
    assert_eq!(stats[1]["time_to_mitigate"]["p90_s"], 7200);
    // Spreads, not means: the middle half and how many incidents stand behind each figure.
    let detect = &stats[0]["time_to_detect"];
    assert_eq!((detect["p25_s"].as_i64(), detect["p75_s"].as_i64()), (Some(120), Some(600)), "{detect}");
    assert_eq!((detect["measured"].as_u64(), detect["comparable"].as_bool()), (Some(2), Some(false)));
    // Only the checkout incident was published after its resolved mark: 40 minutes from its start.
    assert_eq!(
        (stats[0]["time_in_incidents_s"].as_i64(), stats[0]["time_in_incidents_measured"].as_u64()),
        (Some(2400), Some(1))
    );
    assert_eq!(stats[0]["outside_working_hours"], 0, "a Monday at 14:00 and a Tuesday at 09:00");
    let text = reader.ok(&["stats"]);
    assert!(text.contains("10m (2m-10m) n=2*") && text.contains("too few to compare"), "{text}");
    assert!(!text.to_lowercase().contains("mean") && !text.to_lowercase().contains("average"), "{text}");
    let quarters = reader.json(&["stats", "--by", "quarter", "--format", "json"]);
    assert_eq!((quarters[0]["period"].as_str(), quarters[0]["incidents"].as_u64()), (Some("2026-Q4"), Some(3)));
    let day = reader.json(&["on-this-day", "--date", "2027-10-20", "--format", "json"]);
    assert_eq!(day[0]["title"], "Login errors");
}

/// The corpus was written without Debrief: its listed contributing factors ("## Contributing
/// Factors" and a list, as dfds writes them) are shown without a theme and counted under none;
/// a post-mortem that gives its factors themes is counted per theme.
#[test]
fn the_corpus_lists_its_factors_without_themes_and_a_themed_one_is_counted() {
    let (remote, copy) = corpus_remote();
    let debrief = synced(&remote);
    let trends = debrief.json(&["factors", "--format", "json"]);
    assert_eq!(trends["periods"], serde_json::json!([]), "{trends}");
    assert!(trends["themes"].as_array().unwrap().iter().all(|theme| theme["incidents"] == 0), "{trends}");
    let unthemed = trends["unthemed"].as_array().unwrap();
    let inotify = unthemed
        .iter()
        .find(|incident| incident["path"].as_str().unwrap().contains("Inotify file watches exhaustion"))
        .unwrap_or_else(|| panic!("{trends}"));
    assert_eq!(inotify["factors"], serde_json::json!(["Misbehaving code running in a capability container"]));
    let text = debrief.ok(&["factors"]);
    assert!(text.starts_with("no theme (") && text.contains("once it has a theme"), "{text}");
    // One of the teams gives a post-mortem's factor a theme: that one is counted under it.
    let file = copy.path().join("incidents/dfds-postmortems/2025-04-02-broker-limits.md");
    std::fs::write(
        &file,
        "---\ntitle: Broker limits\ndate: 2025-04-02\ncontributing_factors:\n  - factor: The vendor lowered its \
         connection limit\n    theme: dependency\n---\n\nThe broker refused connections.\n",
    )
    .unwrap();
    commit_and_push(copy.path(), "A post-mortem with factors", "2025-04-03T10:00:00Z");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["indexed"], 1, "{report}");
    let trends = debrief.json(&["factors", "--format", "json"]);
    let dependency = trends["themes"].as_array().unwrap().iter().find(|theme| theme["theme"] == "dependency").unwrap();
    assert_eq!(
        (dependency["incidents"].as_u64(), trends["periods"].clone()),
        (Some(1), serde_json::json!(["2025-04"]))
    );
    assert_eq!(dependency["behind"][0]["title"], "Broker limits");
    assert_eq!(paths(&debrief, &["inotify watches"]).len(), 1, "the rest is indexed as before");
}

#[test]
fn sync_is_incremental_and_follows_changes_deletions_and_force_pushes() {
    let (remote, copy) = corpus_remote();
    let debrief = synced(&remote);
    let before = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(
        (before["indexed"].as_u64(), before["rebuilt"].as_bool()),
        (Some(0), Some(false)),
        "nothing new: {before}"
    );
    std::fs::write(
        copy.path().join("incidents/2025-02-01-queue-backlog.md"),
        "# Queue backlog\n\nThe zookeeper quorum was lost.\n",
    )
    .unwrap();
    std::fs::remove_file(copy.path().join("incidents/dfds-postmortems/PM2022-006 - ALB 502 errors.md")).unwrap();
    commit_and_push(copy.path(), "One more, one less", "2025-02-02T10:00:00Z");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(
        (report["indexed"].as_u64(), report["removed"].as_u64(), report["rebuilt"].as_bool()),
        (Some(1), Some(1), Some(false)),
        "{report}"
    );
    assert_eq!(paths(&debrief, &["zookeeper"]), ["incidents/2025-02-01-queue-backlog.md"]);
    assert!(paths(&debrief, &["ALB 502"]).iter().all(|path| !path.contains("ALB 502 errors")));
    // History rewritten on the remote: the index follows it, whole and correct.
    git(copy.path(), &["reset", "--quiet", "--hard", "HEAD~1"]);
    std::fs::write(copy.path().join("incidents/rewritten.md"), "# Rewritten history\n\nOnly after the force push.\n")
        .unwrap();
    commit_and_push(copy.path(), "Rewritten", "2025-03-01T10:00:00Z");
    debrief.ok(&["sync"]);
    assert_eq!(paths(&debrief, &["zookeeper"]), Vec::<String>::new());
    assert_eq!(paths(&debrief, &["rewritten history"]).len(), 1);
    assert!(paths(&debrief, &["ALB 502"]).iter().any(|path| path.contains("ALB 502 errors")));
    // Offline, search still answers from the last sync.
    debrief.ok(&["remote", "set", "file:///nonexistent/repository.git"]);
    let offline = debrief.ok(&["sync"]);
    assert!(offline.contains("cannot be reached"), "{offline}");
    assert_eq!(paths(&debrief, &["rewritten history"]).len(), 1);
}

#[test]
fn bad_files_are_reported_by_path_and_the_rest_is_indexed() {
    let remote = BareRemote::new();
    let copy = working_copy(&remote);
    let incidents = copy.path().join("incidents");
    std::fs::create_dir_all(incidents.join("deep/er")).unwrap();
    std::fs::write(incidents.join("good.md"), "# A good one\n\nReplication lag.\n").unwrap();
    std::fs::write(incidents.join("deep/er/nested.md"), "# Nested deep\n\nReplication lag too.\n").unwrap();
    std::fs::write(
        incidents.join("broken-yaml.md"),
        "---\ntitle: [unclosed\n---\n# Broken yaml\n\nReplication lag again.\n",
    )
    .unwrap();
    std::fs::write(incidents.join("latin1.md"), b"# Caf\xe9 outage\n\nReplication lag in latin-1.\n").unwrap();
    std::fs::write(incidents.join("binary.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    // As git-lfs's spec writes the pointer a repository holds for a file kept in LFS.
    let pointer = "version https://git-lfs.github.com/spec/v1\n\
                   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    std::fs::write(incidents.join("in-lfs.md"), pointer).unwrap();
    std::fs::write(incidents.join("huge.md"), format!("# Huge\n\nReplication lag. {}", "filler ".repeat(600_000)))
        .unwrap();
    std::os::unix::fs::symlink("/etc/passwd", incidents.join("outside.md")).unwrap();
    std::fs::write(copy.path().join("README.md"), "# Not a post-mortem\n\nReplication lag elsewhere.\n").unwrap();
    commit_and_push(copy.path(), "Odd files", "2025-01-01T00:00:00Z");
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    let output = debrief.run(&["sync"], None);
    assert_eq!(output.status.code(), Some(0));
    let warnings = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "incidents/broken-yaml.md: line 2",
        "incidents/latin1.md: not UTF-8",
        "incidents/binary.md: a binary file",
        "incidents/in-lfs.md: kept in Git LFS",
        "incidents/huge.md:",
        "incidents/outside.md: a symbolic link",
    ] {
        assert!(warnings.contains(expected), "no warning for {expected}: {warnings}");
    }
    let mut found = paths(&debrief, &["replication lag"]);
    found.sort();
    assert_eq!(
        found,
        [
            "incidents/broken-yaml.md",
            "incidents/deep/er/nested.md",
            "incidents/good.md",
            "incidents/huge.md",
            "incidents/latin1.md"
        ]
    );
    assert!(
        !String::from_utf8_lossy(&debrief.run(&["search", "root", "--format", "json"], None).stdout).contains("passwd")
    );
}

#[test]
fn search_before_any_sync_says_what_to_do() {
    let debrief = Debrief::new();
    assert!(debrief.ok(&["search", "anything"]).contains("run `debrief sync`"));
}

#[test]
fn post_mortems_kept_in_other_folders_are_found_and_said_where() {
    let remote = BareRemote::new();
    let postmortem =
        |title: &str, text: &str| format!("---\ntitle: {title}\ndate: 2024-03-04\n---\n\n# {title}\n\n{text}\n");
    remote.commit_files(
        &[
            (
                "docs/postmortems/2024/2024-03-04-dns.md",
                &postmortem("Resolver outage", "The resolver cache poisoned itself."),
            ),
            ("postmortems/2023-01-02-queue.md", &postmortem("Queue backlog", "The consumer group stalled.")),
            ("docs/guide.md", "# How to write a post-mortem\n\nNot a post-mortem itself.\n"),
            ("postmortems/README.md", "# Our post-mortems\n\nAn index, not a post-mortem.\n"),
        ],
        "Post-mortems where this team keeps them",
    );
    let debrief = Debrief::new();
    let set = debrief.ok(&["remote", "set", &remote.url()]);
    assert!(
        set.contains("2 post-mortems") && set.contains("docs/postmortems/ (1)") && set.contains("postmortems/ (1)"),
        "{set}"
    );
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 2, "{report}");
    let folders: Vec<&str> =
        report["locations"].as_array().unwrap().iter().map(|place| place["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["docs/postmortems/", "postmortems/"]);
    assert_eq!(paths(&debrief, &["resolver"]), ["docs/postmortems/2024/2024-03-04-dns.md"]);
    assert!(paths(&debrief, &["index"]).is_empty(), "README files are not post-mortems");

    // A team that keeps them somewhere else says so in the settings.
    let settings = debrief.home().join("config.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\npostmortem_paths = [\"docs/*.md\"]\n")).unwrap();
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 1, "{report}");
    assert_eq!(paths(&debrief, &["post-mortem"]), ["docs/guide.md"]);
}

/// A collection kept in a folder of its own name (icco/postmortems keeps 242 summaries in
/// `data/`): Debrief finds none where it looks, names the folders that hold Markdown and the
/// setting to write; written as it says, the next sync finds them.
#[test]
fn post_mortems_in_a_folder_debrief_does_not_know_are_pointed_out_with_the_setting_to_write() {
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    push_files(
        copy.path(),
        &remote,
        &[
            (
                "data/00b7f759.md",
                "---\ntitle: SimpleDB disruption\ncategories:\n- cloud\ncompany: Amazon\n---\n\nStorage nodes lost power.\n",
            ),
            (
                "data/01494547.md",
                "---\ntitle: Queue backlog\ncategories:\n- messaging\ncompany: Acme\n---\n\nThe queue filled up.\n",
            ),
            (
                "data/018edf27.md",
                "---\ntitle: DNS outage\ncategories:\n- dns\ncompany: Example\n---\n\nRecords were deleted.\n",
            ),
            ("tool/usage.md", "# Using the tool\n"),
            (".github/ISSUE_TEMPLATE/report.md", "# Report an outage\n"),
            ("README.md", "# A collection of post-mortems\n"),
            // Where Debrief publishes: looked in already, so never pointed at.
            ("incidents/README.md", "# Incidents\n\nDebrief publishes here.\n"),
            ("incidents/template.md", "# Title\n\n## Summary\n"),
        ],
        "Data",
    );

    let debrief = Debrief::new();
    let set = debrief.ok(&["remote", "set", &remote.url()]);
    let advice = "Markdown files are in data/ (3), tool/ (1): if the team keeps its post-mortems there";
    let setting = "postmortem_paths = [\"data/**\", \"incidents/**\"]";
    assert!(set.contains(advice) && set.contains(setting), "{set}");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 0, "{report}");
    assert_eq!(report["markdown_elsewhere"][0]["folder"], "data/", "{report}");
    assert!(debrief.ok(&["sync"]).contains(setting));

    let settings = debrief.home().join("config.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\n{setting}\n")).unwrap();
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 3, "{report}");
    assert_eq!(report["markdown_elsewhere"], serde_json::json!([]), "{report}");
    assert_eq!(paths(&debrief, &["--tag", "dns"]), ["data/018edf27.md"]);
}

/// A repository that holds nothing but post-mortems often keeps them in its top folder, as the
/// corpus's `dfds-postmortems` does; made with `git init --bare`, so on git's own default branch.
#[test]
fn post_mortems_in_the_top_folder_of_a_repository_on_gits_default_branch_are_browsed() {
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    let team = corpus().join("dfds-postmortems");
    let mut count = 0;
    for file in std::fs::read_dir(&team).expect("../shared/corpus beside the repository").flatten() {
        std::fs::copy(file.path(), copy.path().join(file.file_name())).unwrap();
        // "PMyyyy-nnn - Postmortem template.md" is the team's template, not a post-mortem.
        count += usize::from(!file.file_name().to_string_lossy().ends_with("template.md"));
    }
    // What else such a repository holds: none of it is a post-mortem.
    std::fs::write(copy.path().join("README.md"), "# Post-mortems\n\nOne file per incident.\n").unwrap();
    std::fs::write(
        copy.path().join("CONTRIBUTING.md"),
        "# Contributing\n\n## Summary\nOpen a PR.\n\n## Timeline\nA week.\n",
    )
    .unwrap();
    std::fs::write(copy.path().join("on-call-notes.md"), "# On-call notes\n\n## Summary\nWho to call.\n").unwrap();
    std::fs::create_dir_all(copy.path().join("tools")).unwrap();
    std::fs::write(copy.path().join("tools/usage.md"), "# Tools\n\n## Impact\n## Timeline\n").unwrap();
    git(copy.path(), &["add", "--all"]);
    git(
        copy.path(),
        &["-c", "user.name=Tess", "-c", "user.email=tess@example.com", "commit", "--quiet", "-m", "All of them"],
    );
    git(copy.path(), &["push", "--quiet", "origin", &format!("HEAD:{}", remote.branch())]);
    assert_eq!(remote.branch(), "master", "git's own default on this machine");

    let debrief = Debrief::new();
    let set = debrief.ok(&["remote", "set", &remote.url()]);
    assert!(set.contains("branch master") && set.contains(&format!("the top folder ({count})")), "{set}");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], count, "the team's post-mortems and nothing else: {report}");
    assert_eq!(report["locations"][0]["folder"], "", "{report}");
    assert!(debrief.ok(&["sync"]).contains(&format!("In the top folder ({count})")));
    assert_eq!(paths(&debrief, &["inotify watches"])[0], "PM2020-001 - Inotify file watches exhaustion.md");
    // Dated by the first day its timeline names (`| 2020-01-20 13:50 | Node starts reporting ...`),
    // not by the commit that added it.
    let hits = debrief.json(&["search", "--format", "json", "inotify watches"]);
    assert_eq!(hits[0]["date"], "2020-01-20", "{hits}");
    assert!(paths(&debrief, &["who to call"]).is_empty(), "notes in the top folder are not post-mortems");
    let actions = debrief.json(&["actions", "--format", "json"]);
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["text"] == "Setup monitoring and alerting for file watches usage"
                && item["path"] == "PM2020-001 - Inotify file watches exhaustion.md"
                && item["status"] == "open"),
        "{actions}"
    );

    // Debrief's first publish into it adds incidents/: the post-mortems on top stay in view.
    let author = crate::publish::responder_with_incident();
    author.ok(&["remote", "set", &remote.url()]);
    assert_eq!(author.run(&["publish"], None).status.code(), Some(0));
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], count + 1, "{report}");
}

/// A documentation site inside a team's monorepo, as the Ministry of Justice keeps its incident
/// log: Middleman pages (`.html.md.erb`) in `runbooks/source/incidents/` with the page listing
/// them (`index.html.md.erb`), beside runbooks,
/// architecture decision records and code, on git's default branch. The pages state how long
/// each incident took, or list its key events: `debrief stats` measures them.
#[test]
fn incident_pages_of_a_documentation_site_deep_in_a_monorepo_are_browsed() {
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    let pages = copy.path().join("runbooks/source/incidents");
    std::fs::create_dir_all(&pages).unwrap();
    let mut count = 0;
    let team = corpus().join("moj-cloud-platform-incidents");
    for file in std::fs::read_dir(&team).expect("../shared/corpus beside the repository").flatten() {
        let name = file.file_name().to_string_lossy().replace("source__incidents__", "");
        std::fs::copy(file.path(), pages.join(&name)).unwrap();
        // The site's page listing the incidents (with each quarter's figures) is no post-mortem.
        count += usize::from(name != "index.html.md.erb");
    }
    push_files(
        copy.path(),
        &remote,
        &[
            ("README.md", "# Cloud platform\n\n## Summary\nThe platform.\n\n## Timeline\nQuarterly.\n"),
            (
                "runbooks/source/add-a-new-runbook.html.md.erb",
                "---\ntitle: Add a new runbook\n---\n# Add a new runbook\n",
            ),
            ("runbooks/source/incidents/layout.erb", "<%= yield %>\n"),
            ("architecture-decision-record/001-use-elasticsearch.md", "# Use Elasticsearch\n\n## Decision\nYes.\n"),
            ("cmd/upgrade/main.go", "package main\n"),
        ],
        "Incident log",
    );

    let debrief = Debrief::new();
    let set = debrief.ok(&["remote", "set", &remote.url()]);
    assert!(set.contains(&format!("runbooks/source/incidents/ ({count})")), "{set}");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], count, "the incident pages and nothing else: {report}");
    let hits = debrief.json(&["search", "--format", "json", "prometheus restarted"]);
    let first = &hits[0];
    assert_eq!(first["path"], "runbooks/source/incidents/2023-11-01-prometheus-restarted.html.md.erb", "{hits}");
    assert_eq!(
        (first["id"].as_str(), first["date"].as_str()),
        (Some("2023-11-01-prometheus-restarted"), Some("2023-11-01"))
    );
    // How long each took: as the page states it ("Time to repair: 0h 16m"), else as its key events
    // list them ("Repaired 2025-10-13 17:38", from "First detected 2025-10-13 08:59").
    let periods = debrief.json(&["stats", "--by", "quarter", "--format", "json"]);
    let measured = |measure: &str| {
        periods.as_array().unwrap().iter().map(|row| row[measure]["measured"].as_u64().unwrap()).sum::<u64>()
    };
    assert_eq!((measured("time_to_mitigate"), measured("time_to_resolve")), (count as u64, count as u64), "{periods}");
    let quarter = periods.as_array().unwrap().iter().find(|row| row["period"] == "2025-Q4").expect("2025-Q4");
    assert_eq!(quarter["time_to_mitigate"]["median_s"], (8 * 60 + 39) * 60, "{quarter}");
    assert_eq!(quarter["time_to_resolve"]["median_s"], (9 * 60 + 57) * 60, "{quarter}");
    // The pages are checked as Markdown too.
    let lint = debrief.run(&["lint", "--format", "json", pages.to_str().unwrap()], None);
    let findings: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
    let checked: std::collections::BTreeSet<&str> =
        findings.as_array().unwrap().iter().filter_map(|finding| finding["path"].as_str()).collect();
    assert!(!checked.is_empty() && checked.iter().all(|path| path.ends_with(".html.md.erb")), "{findings}");
}

/// A team whose template gives each incident a folder of its own, `incidents/YYYY/MM/slug/`,
/// with the write-up as the folder's README (the page the git host shows for the folder), its
/// dates as the template asks for them ("**Start**: 2024-12-03") and its graphs beside it.
#[test]
fn a_folder_per_incident_with_its_readme_is_a_post_mortem_named_and_dated_as_written() {
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    let write_up = |title: &str, start: &str, summary: &str| {
        format!(
            "# {title}\n\n<!-- toc -->\n\n## Date\n<!-- YYYY-MM-DD -->\n\n**Start**: {start}\n**End**: {start}\n\n\
             **Severity**: {}\n\n\
             ## Authors\n* @tess\n\n## Status\nComplete\n\n## Summary\n{summary}\n\n## Root Causes\n\n\
             ### Trigger\nA deploy.\n\n### Resolution\nA rollback.\n",
            if title.starts_with("DNS") { "SEV-1" } else { "Major" }
        )
    };
    let failover =
        write_up("Database failover loop", "2024-12-03", "The primary failed over between zones for nine hours.");
    let dns =
        write_up("DNS domain expired", "2025-01-10", "The company domain lapsed and every service was unreachable.");
    push_files(
        copy.path(),
        &remote,
        &[
            ("README.md", "# Post-mortems\n\nLessons from our incidents. Run `make incident` to start one.\n"),
            ("incidents/README.md", "# Incidents\n\nOne folder per incident, by year and month.\n"),
            ("incidents/2024/12/database-failover-loop/README.md", &failover),
            ("incidents/2024/12/database-failover-loop/images/failovers.png", "PNG"),
            ("incidents/2025/01/dns-domain-expired/README.md", &dns),
            ("generators/templates/incident/README.md.hbs", "# {{title}}\n\n**Start**: {{startDate}}\n"),
        ],
        "Two incidents",
    );
    let debrief = Debrief::new();
    let set = debrief.ok(&["remote", "set", &remote.url()]);
    assert!(set.contains("master"), "git init --bare names master here: {set}");
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 2, "the two write-ups, not the collection's README: {report}");
    assert_eq!(report["markdown_elsewhere"], serde_json::json!([]), "nothing to point at: {report}");
    let hits = debrief.json(&["search", "--format", "json", "failed over between zones"]);
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");
    assert_eq!(
        (hits[0]["id"].as_str(), hits[0]["title"].as_str(), hits[0]["date"].as_str()),
        (Some("database-failover-loop"), Some("Database failover loop"), Some("2024-12-03")),
        "{hits}"
    );
    let periods = debrief.json(&["stats", "--format", "json"]);
    let months: Vec<&str> = periods.as_array().unwrap().iter().filter_map(|row| row["period"].as_str()).collect();
    assert_eq!(months, ["2024-12", "2025-01"], "dated by their Start lines, not the commit: {periods}");
    // The severity a write-up states as a level ("SEV-1"), not as a word ("Major").
    assert_eq!(paths(&debrief, &["--severity", "sev1"]), ["incidents/2025/01/dns-domain-expired/README.md"]);
}

/// Other teams' action items, as they wrote them: a list under "Action Items" (dfds), links to
/// the issues that track them (rust-lang), items a subsection says are completed (PostHog), a
/// list under a "**Review actions**:" label with ticket links and "DONE" notes (the Ministry of
/// Justice), and an owner given as "Owner: @name".
#[test]
fn action_items_written_by_hand_are_listed_with_what_each_says_of_itself() {
    let (remote, _copy) = corpus_remote();
    let debrief = synced(&remote);
    let items = debrief.json(&["actions", "--format", "json"]);
    let items = items.as_array().unwrap();
    let find = |file: &str, text: &str| {
        items
            .iter()
            .find(|item| {
                item["path"].as_str().unwrap().contains(file) && item["text"].as_str().unwrap().starts_with(text)
            })
            .unwrap_or_else(|| panic!("no item {text:?} from {file}"))
    };
    let dfds = find("Inotify file watches exhaustion", "Setup monitoring and alerting for file watches usage");
    assert_eq!((dfds["status"].as_str(), dfds["owner"].as_str()), (Some("open"), None));
    let crates = find("crates-io-incident-report", "Add simple logging when we start the index publishing process.");
    assert_eq!(
        crates["ticket"], "https://github.com/rust-lang/crates.io/issues/2226",
        "the reference opening the item"
    );
    assert_eq!(find("2025-09-29-flags-is-down", "Database connection timeouts moved")["status"], "done");
    assert_eq!(find("2025-09-29-flags-is-down", "Read/write path separation")["status"], "open");
    assert_eq!(find("2025-10-03-surveys-sdk-bug", "Version compatibility testing")["owner"], "lucasheriques");
    let review = find("2021-06-09", "Add test that checks the alerts in alertmanager");
    assert_eq!(review["ticket"], "https://github.com/ministryofjustice/cloud-platform/issues/2973");
    let noted_done = find("2021-07-12", "Canary app should have #high-priority-alerts");
    assert_eq!(noted_done["status"], "done", "{noted_done}");
    assert!(
        !items.iter().any(|item| item["text"] == "N/A" || item["text"].as_str().unwrap().is_empty()),
        "placeholders are not items"
    );
    // Each incident's items are numbered in the order written, and listed together.
    let crates_numbers: Vec<u64> = items
        .iter()
        .filter(|item| item["path"].as_str().unwrap().contains("crates-io-incident-report"))
        .map(|item| item["number"].as_u64().unwrap())
        .collect();
    assert_eq!(crates_numbers, (1..=crates_numbers.len() as u64).collect::<Vec<_>>());
}

/// Honest metrics on other organisations' post-mortems: every period's figures are spreads with
/// the number of incidents behind them, a period measured on fewer than five is marked too few to
/// compare, and no mean is printed anywhere.
#[test]
fn stats_of_the_corpus_are_spreads_with_their_counts_and_never_a_mean() {
    let (remote, _copy) = corpus_remote();
    let reader = synced(&remote);
    let stats = reader.json(&["stats", "--format", "json"]);
    let periods = stats.as_array().unwrap();
    assert!(!periods.is_empty(), "the corpus has dated post-mortems");
    for period in periods {
        for key in ["time_to_detect", "time_to_mitigate", "time_to_resolve"] {
            let spread = &period[key];
            let measured = spread["measured"].as_u64().unwrap();
            assert_eq!(spread["comparable"].as_bool(), Some(measured >= 5), "{period}");
            if measured == 0 {
                assert!(spread["median_s"].is_null() && spread["p25_s"].is_null(), "{period}");
                continue;
            }
            let at = |name: &str| spread[name].as_i64().unwrap();
            assert!(0 <= at("p25_s") && at("p25_s") <= at("median_s"), "{period}");
            assert!(at("median_s") <= at("p75_s") && at("p75_s") <= at("p90_s"), "{period}");
        }
        assert!(period["outside_working_hours"].as_u64() <= period["incidents"].as_u64(), "{period}");
        assert!(period["time_in_incidents_measured"].as_u64() <= period["incidents"].as_u64(), "{period}");
    }
    let text = reader.ok(&["stats"]).to_lowercase();
    assert!(!text.contains("mean") && !text.contains("average"), "{text}");
}

#[test]
fn a_post_mortem_in_the_shared_repository_opens_on_another_laptop_and_publishes_back_to_its_own_file() {
    // git's own default branch, as `git init --bare` makes it here.
    let remote = BareRemote::with_branch(None);
    let alice = Debrief::new();
    alice.ok(&["remote", "set", &remote.url()]);
    let id = alice.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    alice.ok(&["log", "--at", "2026-11-23T14:12:00+01:00", "Restarted the pool"]);
    alice.ok(&["mark", "resolved", "--at", "2026-11-23T14:40:00+01:00"]);
    alice.ok(&["action", "add", "--owner", "carol", "--due", "2026-12-15", "--type", "detective", "Alert on pool use"]);
    alice.ok(&["publish"]);
    let published = format!("incidents/2026/{id}.md");

    // A teammate who never saw the incident finds it in browse and opens it.
    let bob = synced(&remote);
    let read = bob.json(&["import-postmortem", "--shared", &id, "--format", "json"]);
    assert_eq!(read["incident"], id.as_str());
    assert_eq!(read["path"], published.as_str());
    assert_eq!(
        (read["read"].as_bool(), read["created"].as_bool(), read["open"].as_bool()),
        (Some(true), Some(true), Some(false))
    );
    assert_eq!(read["action_items"], 1);
    assert!(bob.texts(&id).iter().any(|text| text == "Restarted the pool"), "{:?}", bob.texts(&id));

    // Opened again, what this laptop holds is left alone: its edits may be newer.
    bob.ok(&[
        "action",
        "add",
        "--incident",
        &id,
        "--owner",
        "dave",
        "--due",
        "2026-12-20",
        "--type",
        "preventive",
        "Cap the pool per tenant",
    ]);
    let again = bob.ok(&["import-postmortem", "--shared", &published]);
    assert!(again.starts_with(&format!("{id} is already on this laptop and was left as it is")), "{again}");
    assert_eq!(bob.json(&["action", "list", "--incident", &id, "--format", "json"]).as_array().unwrap().len(), 2);

    // Published from there, it goes back into its own file, which a teammate's clone shows with both items.
    bob.ok(&["publish", "--incident", &id]);
    let clone = remote.clone();
    let text = std::fs::read_to_string(clone.path().join(&published)).unwrap();
    assert!(text.contains("Alert on pool use") && text.contains("Cap the pool per tenant"), "{text}");
    let mut files: Vec<_> =
        std::fs::read_dir(clone.path().join("incidents/2026")).unwrap().flatten().map(|f| f.file_name()).collect();
    files.sort();
    assert_eq!(files, [format!("{id}.md"), "README.md".to_string()].map(std::ffi::OsString::from));

    // One written by hand is read for what it lists; one that says nothing of when it began is refused.
    let copy = remote.clone();
    let kiam = "PM2020-002 - KIAM service disruption on Hellman.md";
    let kiam_text = std::fs::read_to_string(corpus().join("dfds-postmortems").join(kiam)).unwrap();
    let guide = "# Writing a post-mortem\n\n## Summary\n\nWhat happened, in two sentences.\n\n## Timeline\n\nThe times, in UTC.\n";
    let kiam_path = format!("postmortems/{kiam}");
    push_files(
        copy.path(),
        &remote,
        &[(&kiam_path, &kiam_text), ("postmortems/guide.md", guide)],
        "Older post-mortems",
    );
    bob.ok(&["sync"]);
    let read =
        bob.json(&["import-postmortem", "--shared", &kiam_path, "--zone", "Europe/Copenhagen", "--format", "json"]);
    assert_eq!(read["incident"], "2020-01-21-kiam-service-disruption");
    // Its last line, "New certificates generated, service restored", tells when it ended.
    assert_eq!((read["created"].as_bool(), read["open"].as_bool()), (Some(true), Some(false)));
    assert_eq!((read["timeline_lines_added"].as_u64(), read["action_items"].as_u64()), (Some(4), Some(3)));
    let started = &bob
        .json(&["list", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "2020-01-21-kiam-service-disruption")
        .unwrap()["started_at"]
        .clone();
    assert!(started.as_str().unwrap().ends_with("+01:00"), "{started}");
    // Opened again, the incident read from it keeps what this laptop holds, as one Debrief wrote does.
    let again = bob.ok(&["import-postmortem", "--shared", &kiam_path]);
    assert!(again.starts_with("2020-01-21-kiam-service-disruption is already on this laptop"), "{again}");
    // Published, it takes the hand-written file's place in browse: one incident, found once.
    assert_eq!(paths(&bob, &["KIAM"]), std::slice::from_ref(&kiam_path));
    bob.ok(&[
        "mark",
        "resolved",
        "--incident",
        "2020-01-21-kiam-service-disruption",
        "--at",
        "2020-01-21T18:04:00+01:00",
    ]);
    bob.ok(&["publish", "--incident", "2020-01-21-kiam-service-disruption"]);
    let replacing = "incidents/2020/2020-01-21-kiam-service-disruption.md";
    let published = std::fs::read_to_string(remote.clone().path().join(replacing)).unwrap();
    assert!(published.contains(&format!("\nreplaces: {kiam_path}\n")), "{published}");
    bob.ok(&["sync"]);
    assert_eq!(paths(&bob, &["KIAM"]), [replacing.to_string()]);
    assert_eq!(paths(&bob, &[]).len(), 3, "{:?}", paths(&bob, &[]));
    let items = bob.json(&["actions", "--format", "json"]);
    let kiam_items = items.as_array().unwrap().iter().filter(|item| item["title"] == "KIAM Service disruption").count();
    assert_eq!(kiam_items, 3, "{items}");
    let refused = bob.error(&["import-postmortem", "--shared", "postmortems/guide.md"], None);
    assert!(refused.contains("nothing in `postmortems/guide.md` says when the incident began"), "{refused}");
    assert!(refused.contains("debrief import-postmortem --shared postmortems/guide.md --incident ID"), "{refused}");
    let unknown = bob.error(&["import-postmortem", "--shared", "postmortems/none.md"], None);
    assert!(unknown.contains("is no post-mortem in the shared repository as this laptop last synced it"), "{unknown}");
}

#[test]
fn post_mortems_written_in_other_formats_are_named_and_once_converted_with_pandoc_are_browsed() {
    const TEST: &str = "post_mortems_written_in_other_formats_are_named_and_once_converted_with_pandoc_are_browsed";
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    let rst = "DNS resolvers stopped answering\n===============================\n\nSummary\n-------\n\n\
               The resolvers ran out of file descriptors after the upgrade.\n\nTimeline\n--------\n\n\
               All times in UTC.\n\n- 2024-01-02 14:05 - Alerts for failed lookups fire\n\
               - 2024-01-02 14:40 - Resolvers restarted with a higher limit\n";
    let files = [
        ("postmortems/2024-01-02-dns.rst", rst),
        ("postmortems/2024-02-03-cache.adoc", "= Cache outage\n\n== Summary\n\nThe cache fell over.\n"),
        ("postmortems/2023-05-06-ldap.rst", "LDAP outage\n===========\n\nThe directory was down.\n"),
        ("postmortems/images/graph.png", "not a document"),
    ];
    push_files(copy.path(), &remote, &files, "Post-mortems in the formats the team used");
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    let said = debrief.ok(&["sync"]);
    assert!(
        said.contains(
            "No post-mortems Debrief can read: the folders it looks in hold 3 files it does not read, in \
             reStructuredText (2), AsciiDoc (1) (e.g. postmortems/2023-05-06-ldap.rst)"
        ),
        "{said}"
    );
    let report = debrief.json(&["sync", "--format", "json"]);
    assert_eq!(report["unread_formats"][0]["format"], "reStructuredText");
    assert_eq!(report["unread_formats"][0]["count"], 2);

    // Converted as the message says, the post-mortem is browsed, and opens with its timeline.
    let Some(pandoc) = crate::util::installed_tool("pandoc", "pandoc", TEST) else { return };
    let converted = std::process::Command::new(pandoc)
        .args(["postmortems/2024-01-02-dns.rst", "-t", "gfm", "-o", "postmortems/2024-01-02-dns.md"])
        .current_dir(copy.path())
        .output()
        .unwrap();
    assert!(converted.status.success(), "{}", String::from_utf8_lossy(&converted.stderr));
    git(copy.path(), &["rm", "--quiet", "postmortems/2024-01-02-dns.rst"]);
    push_files(copy.path(), &remote, &[], "The DNS post-mortem in Markdown");
    debrief.ok(&["sync"]);
    let hits = debrief.json(&["search", "file descriptors", "--format", "json"]);
    assert_eq!(hits[0]["title"], "DNS resolvers stopped answering", "{hits}");
    assert_eq!(hits[0]["date"], "2024-01-02");
    let read = debrief.json(&["import-postmortem", "--shared", "postmortems/2024-01-02-dns.md", "--format", "json"]);
    assert_eq!(read["timeline_lines_added"], 2, "{read}");
    // A teammate's first sync of the repository, half converted, says what browsing leaves out.
    let teammate = Debrief::new();
    teammate.ok(&["remote", "set", &remote.url()]);
    let said = teammate.ok(&["sync"]);
    assert!(
        said.contains(
            "Left out: 2 files it does not read, in AsciiDoc (1), reStructuredText (1) (e.g. \
             postmortems/2024-02-03-cache.adoc)"
        ),
        "{said}"
    );
}

/// A team on Michael Kehoe's template (`tests/templates/`) fills its tables in as a form: "|
/// Incident Severity | SEV-2 |" beside other pairs, "| Detection Time | 2024-03-02 09:20 UTC |
/// Time to Detect (TTD) | 8 minutes |". Such a write-up was browsed with no severity and no
/// time to detect, mitigate or resolve.
#[test]
fn a_post_mortem_filled_in_as_a_form_gives_its_severity_and_times_from_its_tables() {
    let remote = BareRemote::with_branch(None);
    let copy = working_copy(&remote);
    let filled = "# Database failover loop\n\n### Summary\n\
        | Incident Summary   |   |                       |   |\n|---|---|---|---|\n\
        | Incident Number    | 42  | Incident Severity     | SEV-2  |\n\
        | Postmortem Date    | 2024-03-05  | War-room Required     | No  |\n\n\
        ### Incident Timing\n\
        | Start Time      | 2024-03-02 09:12 UTC | Incident Detected By | Alerting |\n|---|---|---|---|\n\
        | Detection Time  | 2024-03-02 09:20 UTC | Time to Detect (TTD) | 8 minutes |\n\
        | Mitigation Time | 2024-03-02 09:50 UTC | Time to Mitigate (TTM) | 30 minutes |\n\
        | Resolution Time | 2024-03-02 11:00 UTC | Time to Resolve (TTR) | 1h 40m |\n\n\
        ### Incident Timeline\n| Date/Time | Who/What | Action/ Impact |\n|---|---|---|\n\
        | 2024-03-02 09:12 UTC | db-1 | Primary lost its disk |\n";
    push_files(copy.path(), &remote, &[("postmortems/failover.md", filled)], "A post-mortem");
    let debrief = synced(&remote);
    assert_eq!(paths(&debrief, &["--severity", "sev2"]), ["postmortems/failover.md"]);
    let periods = debrief.json(&["stats", "--format", "json"]);
    let month = &periods[0];
    assert_eq!(month["period"], "2024-03", "{periods}");
    for (measure, seconds) in [("time_to_detect", 8 * 60), ("time_to_mitigate", 30 * 60), ("time_to_resolve", 100 * 60)]
    {
        assert_eq!(month[measure]["median_s"], seconds, "{measure}: {periods}");
    }
    // Read into Debrief, the form's key times are the incident's.
    let read = debrief.json(&["import-postmortem", "--shared", "postmortems/failover.md", "--format", "json"]);
    let incident = read["incident"].as_str().unwrap();
    let shown = debrief.ok(&["draft", "--incident", incident]);
    for fact in [
        "severity: SEV2",
        "detected: 2024-03-02T09:20:00",
        "mitigated: 2024-03-02T09:50:00",
        "resolved: 2024-03-02T11:00:00",
    ] {
        assert!(shown.contains(fact), "{fact} in {shown}");
    }
}
