//! One test per bug fixed so far, named after the bug: each the shortest end-to-end
//! reproduction of what a person saw. Where a topical test covers the same ground at
//! length (`concurrency`, `transport`, `render`, `lint`), the one here is the focused
//! case that failed before the fix.
//!
//! Bugs whose topical test is already a short reproduction are not repeated here:
//! a migration that did not apply printed its SQL (`bad_input::
//! database_whose_schema_version_was_lowered_under_its_tables`); a commit made on a
//! broken clock went into the timeline (`imports::a_commit_dated_in_the_year_5138_is_reported_and_left_out`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

use crate::publish::responder_with_incident;
use crate::remotes::{BareRemote, GitDaemon, git};
use crate::util::{Debrief, one_line};

/// A PATH with only a shell on it: Debrief then has no git and talks to remotes with libgit2.
fn path_without_git(directory: &Path) -> PathBuf {
    let bin = directory.join("bin-without-git");
    std::fs::create_dir_all(&bin).unwrap();
    let _ = std::os::unix::fs::symlink("/bin/sh", bin.join("sh"));
    bin
}

/// Standard output and standard error together, and the exit status.
fn run_with_path(debrief: &Debrief, args: &[&str], path: &Path) -> (Option<i32>, String) {
    let output = debrief.command().args(args).env("PATH", path).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.code(), text)
}

/// The Markdown draft a publish would commit.
fn draft(debrief: &Debrief) -> String {
    debrief.ok(&["draft"])
}

#[test]
fn a_file_url_without_its_third_slash_named_a_host_and_git_refused_it_tersely() {
    let debrief = Debrief::new();
    let error = debrief.error(&["remote", "set", "file://srv/git/postmortems.git"], None);
    assert!(one_line(&error).contains("`file:///srv/git/postmortems.git`"), "{error}");
    assert!(!debrief.ok(&["config"]).contains("file://srv"), "nothing was stored");
}

#[test]
fn a_concurrent_first_start_called_the_database_damaged() {
    let debrief = Debrief::new();
    let starts: Vec<Child> = (0..4)
        .map(|person| {
            let mut command = debrief.command();
            command.args(["new", &format!("Start {person}")]).stdout(Stdio::null()).stderr(Stdio::piped());
            command.spawn().unwrap()
        })
        .collect();
    for start in starts {
        let output = start.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success() && !said.contains("damaged"), "{said}");
    }
    assert_eq!(debrief.json(&["list", "--format", "json"]).as_array().unwrap().len(), 4);
}

#[test]
fn libgit2_s_local_push_overwrote_a_publish_that_reached_the_remote_first() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let scratch = TempDir::new().unwrap();
    let bin = path_without_git(scratch.path());
    let (code, text) = run_with_path(&debrief, &["remote", "set", &remote.url()], &bin);
    assert_eq!(code, Some(0), "{text}");
    // Offline: the publish is committed on this laptop, on the remote's tip as it was then.
    let away = scratch.path().join("away.git");
    std::fs::rename(remote.path(), &away).unwrap();
    let (code, text) = run_with_path(&debrief, &["publish"], &bin);
    std::fs::rename(&away, remote.path()).unwrap();
    assert_eq!(code, Some(75), "{text}");
    // Meanwhile a teammate publishes.
    remote.commit_files(&[("incidents/2026/2026-11-22-dns.md", "# DNS\n")], "DNS outage");
    let (code, text) = run_with_path(&debrief, &["publish", "--retry"], &bin);
    assert!(matches!(code, Some(0) | Some(75)), "{text}");
    assert!(remote.log().contains(&"DNS outage".to_string()), "the teammate's publish was overwritten: {text}");
    assert_eq!(remote.show("incidents/2026/2026-11-22-dns.md"), "# DNS\n");
    if code == Some(0) {
        assert_eq!(remote.show("incidents/2026/2026-11-23-checkout-latency.md"), draft(&debrief));
    }
}

#[test]
fn kramdown_showed_tables_as_text_when_they_touched_their_region_markers() {
    let debrief = responder_with_incident();
    debrief.ok(&["action", "add", "--owner", "carol", "--due", "2026-12-15", "--type", "detective", "Alert on pool"]);
    let markdown = draft(&debrief);
    let lines: Vec<&str> = markdown.lines().collect();
    let mut tables = 0;
    for (index, line) in lines.iter().enumerate() {
        let starts_table = line.starts_with('|') && (index == 0 || !lines[index - 1].starts_with('|'));
        let ends_table = line.starts_with('|') && lines.get(index + 1).is_none_or(|next| !next.starts_with('|'));
        if starts_table {
            tables += 1;
            assert_eq!(lines[index - 1], "", "a table starts right after {:?}", lines[index - 1]);
        }
        if ends_table {
            assert_eq!(lines.get(index + 1).copied().unwrap_or(""), "", "a table ends right before a line");
        }
    }
    assert!(tables >= 2, "the timeline and action item tables: {markdown}");
}

#[test]
fn hugo_dated_every_published_page_0001_01_01() {
    let debrief = responder_with_incident();
    let markdown = draft(&debrief);
    let front_matter = markdown.split("\n---\n").next().unwrap();
    let date = front_matter.lines().position(|line| line.starts_with("date: 2026-11-23"));
    let started = front_matter.lines().position(|line| line.starts_with("started: "));
    assert!(date.is_some() && date < started, "a date for Hugo, before started: {front_matter}");
}

#[test]
fn sarif_named_an_absolute_path_as_a_uri_starting_with_a_slash() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("post mortem.md");
    std::fs::write(&file, "We could have rolled back sooner.\n").unwrap();
    let debrief = Debrief::new();
    let output = debrief.run(&["lint", "--format", "sarif", &file.display().to_string()], None);
    assert_eq!(output.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(uri.starts_with("file:///") && uri.ends_with("/post%20mortem.md"), "{uri}");
}

#[test]
fn the_trigger_scan_missed_words_after_a_dash_an_ellipsis_or_a_curly_quote() {
    let debrief = Debrief::new();
    for text in ["The cause? It was all my fault…", "Honestly—my fault.", "“Could have rolled back sooner,” she said."]
    {
        let output = debrief.run(&["lint", "--format", "json", "-"], Some(text.as_bytes()));
        let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1), "{text}: {findings}");
    }
}

#[test]
fn a_relative_time_of_nearly_a_billion_days_panicked() {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    let error = debrief.error(&["log", "--at", "-999999999d", "Restarted the pool"], None);
    assert!(error.contains("beyond the calendar") && !error.contains("panicked"), "{error}");
}

#[test]
fn the_plain_git_hook_checked_the_working_tree_instead_of_what_is_staged() {
    let repo = TempDir::new().unwrap();
    let debrief = Debrief::new();
    let binaries = Path::new(crate::util::BINARY).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(binaries).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let git_in_repo = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("HOME", debrief.user_home())
            .env("DEBRIEF_HOME", debrief.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", &path)
            .output()
            .unwrap()
    };
    assert!(git_in_repo(&["init", "--quiet"]).status.success());
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    std::fs::copy(root.join("assets/git-hooks/pre-commit"), repo.path().join(".git/hooks/pre-commit")).unwrap();
    let file = repo.path().join("checkout.md");
    std::fs::write(&file, "# Checkout\n\nWe could have rolled back sooner.\n").unwrap();
    assert!(git_in_repo(&["add", "checkout.md"]).status.success());
    // Fixed in the working tree only: what would be committed still has the finding.
    std::fs::write(&file, "# Checkout\n\nWe rolled back at 14:20.\n").unwrap();
    let commit = git_in_repo(&["commit", "--quiet", "-m", "Checkout"]);
    assert!(!commit.status.success(), "the staged wording went through: {}", String::from_utf8_lossy(&commit.stdout));
}

#[test]
fn a_post_mortem_over_16_mib_was_left_out_of_the_index_instead_of_indexed_in_part() {
    let remote = BareRemote::new();
    let body = "Lag grew on every partition.\n".repeat(700_000);
    let long = format!("# Kafka outage\n\nThe brokers ran out of disk.\n\n{body}");
    assert!(long.len() > 17 * 1024 * 1024);
    remote.commit_files(&[("incidents/2025/2025-03-01-kafka.md", &long)], "Kafka outage");
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    let output = debrief.run(&["sync"], None);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("only the first"), "indexed in part, and said so: {said}");
    let hits = debrief.json(&["search", "brokers", "--format", "json"]);
    assert_eq!(hits[0]["title"], "Kafka outage", "{hits}");
}

#[test]
fn a_key_time_marked_before_the_start_left_the_incident_starting_after_it() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    let output = debrief.run(&["mark", "detected", "--at", "2026-11-23T13:50:00+01:00"], None);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success() && said.contains("start moved back"), "{said}");
    let incident = debrief.json(&["list", "--format", "json"])[0].clone();
    assert_eq!(incident["id"], id.as_str());
    assert_eq!(incident["started_at"], "2026-11-23T13:50:00+01:00", "{incident}");
}

/// A post-mortem published into a repository on git's own default branch (as `git init --bare`
/// makes it here), and a teammate's clone of it.
fn published_with_a_teammate() -> (BareRemote, Debrief, TempDir) {
    let remote = BareRemote::with_branch(None);
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["publish"]);
    let teammate = remote.clone();
    (remote, debrief, teammate)
}

#[test]
fn a_publish_after_a_teammate_removed_the_post_mortem_said_it_was_already_published() {
    const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";
    let (remote, debrief, teammate) = published_with_a_teammate();
    git(teammate.path(), &["rm", "--quiet", PATH]);
    git(teammate.path(), &["commit", "--quiet", "-m", "Fold checkout latency into the payments post-mortem"]);
    git(teammate.path(), &["push", "--quiet", "origin", &format!("HEAD:{}", remote.branch())]);
    let before = remote.log();

    // Unchanged: nothing is committed, and the message names who removed it.
    let output = debrief.run(&["publish"], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(
        !text.contains("already published")
            && text.contains(&format!("{PATH} is no longer on {}: Tess Teammate removed it", remote.branch()))
            && text.contains("Fold checkout latency into the payments post-mortem")
            && text.contains("propose it again on a review branch"),
        "{text}"
    );
    assert_eq!(remote.log(), before, "a removed post-mortem is never put back by itself");

    // Changed: it goes to review, and says so once, without calling itself already published.
    debrief.ok(&["log", "--at", "2026-11-23T14:20:00+01:00", "Pool size doubled"]);
    let output = debrief.run(&["publish"], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    let review = "debrief/2026-11-23-checkout-latency";
    assert!(
        !text.contains("already published")
            && text.contains("Tess Teammate removed it")
            && text.contains(&format!("yours is on the review branch {review}")),
        "{text}"
    );
    assert!(git(remote.path(), &["show", &format!("{review}:{PATH}")]).contains("Pool size doubled"));
    assert_eq!(remote.log(), before);

    // Asked again, it points at the review branch; the JSON report says the same.
    let report = debrief.json(&["publish", "--format", "json"]);
    let removed = &report["published"]["removed"];
    assert_eq!(
        (removed["author"].as_str(), removed["review_branch"].as_str(), &report["published"]["changed"]),
        (Some("Tess Teammate"), Some(review), &false.into()),
        "{report}"
    );
    assert_eq!(remote.log(), before);
}

#[test]
fn a_teammates_edit_saved_with_crlf_sent_every_later_publish_to_review() {
    const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";
    let (remote, debrief, teammate) = published_with_a_teammate();
    // A team's repository without Debrief's `.gitattributes`, and a teammate whose editor saves
    // CRLF (Windows, core.autocrlf off): the commit changes every line of the file.
    git(teammate.path(), &["rm", "--quiet", ".gitattributes"]);
    let file = teammate.path().join(PATH);
    let edited = std::fs::read_to_string(&file)
        .expect("the published file")
        .replace("## Impact\n", "## Impact\nCheckouts failed for 40 minutes.\n")
        .replace('\n', "\r\n");
    std::fs::write(&file, edited).expect("write the teammate's edit");
    git(teammate.path(), &["commit", "--quiet", "-am", "Impact, from Windows"]);
    git(teammate.path(), &["push", "--quiet", "origin", &format!("HEAD:{}", remote.branch())]);

    // The next publish merges both and keeps the teammate's line endings: its commit changes the
    // lines it changes, and the draft takes in the teammate's words without a warning.
    debrief.ok(&["log", "--at", "2026-11-23T14:20:00+01:00", "Pool size doubled"]);
    let output = debrief.run(&["publish"], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && !text.contains("review"), "{text}");
    assert!(
        text.contains("changes others made to the published file were merged") && !text.contains("line "),
        "{text}"
    );
    let published = git(remote.path(), &["show", &format!("{}:{PATH}", remote.branch())]);
    assert!(published.contains("Checkouts failed for 40 minutes.\r\n") && published.contains("Pool size doubled"));
    assert_eq!(published.matches('\n').count(), published.matches("\r\n").count(), "CRLF throughout");
    let changed = git(remote.path(), &["show", "--numstat", "--format=", remote.branch(), "--", PATH]);
    assert_eq!(changed.split_whitespace().take(2).collect::<Vec<_>>(), ["2", "1"], "the row and the region's hash");
    assert!(draft(&debrief).contains("Checkouts failed for 40 minutes.\n"));

    // Unchanged, it is already published as it is; changed again, it stays CRLF.
    assert!(debrief.ok(&["publish"]).contains("already published as it is"));
    debrief.ok(&["log", "--at", "2026-11-23T14:25:00+01:00", "Error rate back to normal"]);
    debrief.ok(&["publish"]);
    let published = git(remote.path(), &["show", &format!("{}:{PATH}", remote.branch())]);
    assert_eq!(published.matches('\n').count(), published.matches("\r\n").count(), "CRLF throughout");
}

#[test]
fn a_post_mortem_a_teammate_moved_was_called_removed_and_put_back_at_its_old_path() {
    const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";
    const MOVED: &str = "incidents/2026/payments/checkout-latency.md";
    let (remote, debrief, teammate) = published_with_a_teammate();
    // A teammate files it under a folder of its own, and adds to it in the same commit.
    std::fs::create_dir_all(teammate.path().join("incidents/2026/payments")).expect("the folder");
    git(teammate.path(), &["mv", PATH, MOVED]);
    let file = teammate.path().join(MOVED);
    let edited = std::fs::read_to_string(&file)
        .expect("the moved file")
        .replace("## Impact\n", "## Impact\nCheckouts failed for 40 minutes.\n");
    std::fs::write(&file, edited).expect("write the teammate's edit");
    git(teammate.path(), &["commit", "--quiet", "-am", "File checkout latency under payments"]);
    git(teammate.path(), &["push", "--quiet", "origin", &format!("HEAD:{}", remote.branch())]);

    debrief.ok(&["log", "--at", "2026-11-23T14:20:00+01:00", "Pool size doubled"]);
    let text = debrief.ok(&["publish"]);
    assert!(
        text.contains(&format!("Published {MOVED} to {}", remote.branch()))
            && text.contains(&format!("{PATH} was moved to {MOVED} in the shared repository; it is published there"))
            && !text.contains("review")
            && !text.contains("removed"),
        "{text}"
    );
    let files = git(remote.path(), &["ls-tree", "-r", "--name-only", remote.branch()]);
    assert!(!files.lines().any(|file| file == PATH), "not put back where it was:\n{files}");
    let published = git(remote.path(), &["show", &format!("{}:{MOVED}", remote.branch())]);
    assert!(published.contains("Checkouts failed for 40 minutes.") && published.contains("Pool size doubled"));
    assert!(draft(&debrief).contains("Checkouts failed for 40 minutes."));
    // From then on it is published where it is, without a word about the move.
    debrief.ok(&["log", "--at", "2026-11-23T14:25:00+01:00", "Error rate back to normal"]);
    let text = debrief.ok(&["publish"]);
    assert!(text.contains(&format!("Published {MOVED}")) && !text.contains("moved"), "{text}");
}

#[test]
#[cfg(target_os = "linux")]
fn the_action_test_waited_for_its_file_server_and_was_answered_by_its_own_connection() {
    // The wait for "something listens on the port" connected while the file server was still
    // starting, from the very port it dialled: the kernel joins such a socket to itself. The
    // wait passed, and the download ran before the server listened ("connection refused").
    use std::net::{TcpListener, TcpStream};
    use std::os::fd::FromRawFd;
    let port = crate::remotes::free_port();
    let loopback = libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr { s_addr: u32::from_be_bytes([127, 0, 0, 1]).to_be() },
        sin_zero: [0; 8],
    };
    let length = size_of::<libc::sockaddr_in>() as libc::socklen_t;
    // SAFETY: a fresh socket, bound to `loopback` and connected to the same address; the
    // pointers are to locals that outlive the calls, and the descriptor is handed to one owner.
    let stream = unsafe {
        let socket = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(socket >= 0, "{}", std::io::Error::last_os_error());
        let address = (&raw const loopback).cast::<libc::sockaddr>();
        assert_eq!(libc::bind(socket, address, length), 0, "{}", std::io::Error::last_os_error());
        assert_eq!(libc::connect(socket, address, length), 0, "{}", std::io::Error::last_os_error());
        TcpStream::from_raw_fd(socket)
    };
    assert!(!crate::remotes::reached_a_listener(&stream), "a connection to itself counted as a server");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let to_a_server = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    assert!(crate::remotes::reached_a_listener(&to_a_server));
}

#[test]
fn two_test_servers_were_given_the_same_port_and_one_answered_for_the_other() {
    // The action test's file server failed to bind a port another test's server had been
    // given a moment before; waiting for "something listens there" then passed on the other's.
    let ports: Vec<u16> = (0..200).map(|_| crate::remotes::free_port()).collect();
    let distinct: std::collections::BTreeSet<u16> = ports.iter().copied().collect();
    assert_eq!(distinct.len(), ports.len(), "a port was handed out twice");
}

#[test]
fn a_remote_holding_one_post_mortem_was_said_to_hold_1_post_mortems() {
    let remote = BareRemote::new();
    remote.commit_files(&[("incidents/2026/2026-11-02-dns.md", "# DNS outage\n\nResolvers timed out.\n")], "Add");
    let debrief = Debrief::new();
    let said = debrief.ok(&["remote", "set", &remote.url()]);
    assert!(said.contains("It holds 1 post-mortem: incidents/ (1)."), "{said}");
}

/// A post-mortem saved by a Windows editor starts with a byte order mark: the checker read its
/// front matter as a heading (every key checked as prose), and the index searched it as text.
#[test]
fn a_byte_order_mark_hid_the_front_matter_from_the_checker_and_the_index() {
    let front_matter = "---\r\ntitle: DNS outage\r\nowner: We should have paged Bob\r\ndate: 2024-02-03\r\n---\r\n";
    let body = "\r\n# DNS outage\r\n\r\n## Summary\r\nBob failed to renew the certificate.\r\n";
    let with_mark = format!("\u{feff}{front_matter}{body}");
    let debrief = Debrief::new();
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("with.md"), &with_mark).unwrap();
    std::fs::write(dir.path().join("without.md"), format!("{front_matter}{body}")).unwrap();
    let findings = |name: &str| {
        let path = dir.path().join(name);
        let found = debrief.run(&["lint", "--format", "json", path.to_str().unwrap()], None);
        let found: serde_json::Value = serde_json::from_slice(&found.stdout).unwrap();
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| (finding["line"].clone(), finding["rule"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(findings("with.md"), findings("without.md"), "the same findings, the owner field not among them");
    assert_eq!(findings("with.md").len(), 1);

    let remote = BareRemote::new();
    remote.commit_files(&[("postmortems/2024-02-03-dns.md", &with_mark)], "Add");
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["sync"]);
    let hits = debrief.json(&["search", "certificate", "--format", "json"]);
    assert_eq!(hits[0]["title"], "DNS outage", "{hits}");
    assert!(
        debrief.json(&["search", "owner", "--format", "json"]).as_array().unwrap().is_empty(),
        "front matter searched as text"
    );
}

#[test]
fn a_relative_path_set_as_the_remote_named_another_folder_from_anywhere_else() {
    let place = TempDir::new().unwrap();
    let remote = place.path().join("postmortems.git");
    git(place.path(), &["init", "--quiet", "--bare", "--initial-branch=main", "postmortems.git"]);
    let here = place.path().join("notes");
    std::fs::create_dir_all(&here).unwrap();
    let debrief = responder_with_incident();
    let output = debrief.command().args(["remote", "set", "../postmortems.git"]).current_dir(&here).output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{said}");
    let absolute = std::fs::canonicalize(&remote).unwrap();
    assert!(said.contains(&format!("is now {}.", absolute.display())), "{said}");
    // Published from another folder, it lands in the same repository.
    let output = debrief.command().arg("publish").current_dir(std::env::temp_dir()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(git(&remote, &["log", "--format=%s", "main"]).contains("Publish post-mortem: Checkout latency"));
    // A quoted `~/...` the shell did not expand is the home folder, as the shell would read it.
    git(debrief.user_home(), &["init", "--quiet", "--bare", "--initial-branch=main", "team.git"]);
    let said = debrief.ok(&["remote", "set", "~/team.git"]);
    let home = std::fs::canonicalize(debrief.user_home().join("team.git")).unwrap();
    assert!(said.contains(&format!("is now {}.", home.display())), "{said}");
}

#[test]
fn a_teammates_typo_in_the_shared_wording_rules_stopped_everyone_drafting_and_publishing() {
    let remote = BareRemote::new();
    remote.commit_files(
        &[(".debrief/lint.toml", "[rules\ndisable = [\"x\"]\n"), (".debrief/factors.toml", "[[theme]]\nname = 3\n")],
        "Our rules, with typos",
    );
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["log", "We would have caught it with a canary."]);
    assert!(debrief.ok(&["draft"]).contains("# Checkout latency"));
    let checked = debrief.run(&["check"], None);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(said.contains("the team's wording rules cannot be used") && said.contains(".debrief/lint.toml"), "{said}");
    assert!(said.contains("the team's contributing-factor themes cannot be used"), "{said}");
    let output = debrief.run(&["publish"], None);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(said.contains("Debrief's own were used until the file is fixed"), "{said}");
    // The wording is still checked, with Debrief's own rules.
    let linted = debrief.run(&["lint", "--incident", "2026-11-23-checkout-latency"], None);
    assert_eq!(linted.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&linted.stdout).contains("would have caught"));
    assert!(
        String::from_utf8_lossy(&linted.stderr).contains("warning: in the shared repository, the team's wording rules")
    );
}

#[test]
fn a_post_mortem_saved_as_utf16_by_windows_powershell_was_called_a_binary_file() {
    let text =
        "# Checkout outage\n\nStarted: 2025-02-01 10:00 UTC\n\nThe database failed over. We would have caught it.\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let remote = BareRemote::new();
    let copy = TempDir::new().unwrap();
    git(copy.path(), &["clone", "--quiet", &remote.url(), "."]);
    std::fs::create_dir_all(copy.path().join("postmortems")).unwrap();
    std::fs::write(copy.path().join("postmortems/checkout.md"), &utf16).unwrap();
    git(copy.path(), &["add", "--all"]);
    git(
        copy.path(),
        &["-c", "user.name=Tess", "-c", "user.email=tess@example.com", "commit", "--quiet", "-m", "Windows"],
    );
    git(copy.path(), &["push", "--quiet", "origin", "HEAD:main"]);
    let debrief = Debrief::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    let synced = debrief.ok(&["sync"]);
    assert!(synced.contains("1 post-mortem in the index"), "{synced}");
    assert!(debrief.ok(&["search", "failed over"]).contains("Checkout outage"));
    let file = copy.path().join("postmortems/checkout.md");
    let linted = debrief.run(&["lint", file.to_str().unwrap()], None);
    assert_eq!(linted.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&linted.stdout).contains("would have caught"));
    let imported = debrief.ok(&["import-postmortem", file.to_str().unwrap()]);
    assert!(imported.starts_with("imported as new incident 2025-02-01-checkout-outage"), "{imported}");
}

/// PostHog's post-mortems (from `../shared/corpus`) tell their times in words: a table of "Jan
/// 14, 10:18 AM" under "**Date:** January 14-19, 2026", or a narrative that opens "At 4:11 AM
/// UTC on November 24th" or "On 28th February, ... from 15:30 to 18:10 UTC". Four of eight were
/// refused as saying nothing of when the incident began.
#[test]
fn posthogs_post_mortems_that_tell_their_days_in_words_were_refused_for_saying_no_start() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/posthog-post-mortems");
    let debrief = Debrief::new();
    let import = |name: &str| {
        let output = debrief.run(&["import-postmortem", corpus.join(name).to_str().unwrap()], None);
        assert_eq!(output.status.code(), Some(1), "a warning says where the start was read: {output:?}");
        (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let worded_table = debrief
        .ok(&["import-postmortem", corpus.join("2026-01-17-replay-sdk-fetch-wrapper-incident.md").to_str().unwrap()]);
    let replay = "2026-01-14-post-mortem-changes-to-sdk-fetch-wrapper-breaking-client";
    assert!(
        worded_table.starts_with(&format!("imported as new incident {replay}: 10 timeline lines")),
        "{worded_table}"
    );
    let timeline = debrief.timeline(replay);
    assert_eq!(timeline[0]["at"], "2026-01-14T10:18:00+00:00", "the table's header says UTC");
    assert_eq!(timeline[9]["at"], "2026-01-19T16:04:00+00:00");

    let (stdout, stderr) = import("2025-11-26-shai-hulud-attack.md");
    let attack = "2025-11-24-post-mortem-of-shai-hulud-attack-on-november-24th-2025";
    assert!(stdout.starts_with(&format!("imported as new incident {attack}: 1 timeline line")), "{stdout}");
    assert!(
        one_line(&stderr).contains("2025-11-26-shai-hulud-attack.md:3: warning: nothing states when the incident began, so it begins at the first time the prose tells, 2025-11-24 04:11:00 +00:00 (“4:11 AM UTC on November 24th”)"),
        "{stderr}"
    );
    let told = &debrief.timeline(attack)[0];
    assert_eq!(told["at"], "2025-11-24T04:11:00+00:00");
    assert!(told["text"].as_str().unwrap().starts_with("At 4:11 AM UTC on November 24th, a number of our SDKs"));
    assert!(!told["text"].as_str().unwrap().contains("]("), "links keep their words only: {told}");

    // The year from the file's name; the zone from the range the time opens.
    let (stdout, _) = import("investigations__2024-02-28-decide is down.md");
    assert!(stdout.starts_with("imported as new incident 2024-02-28-decide-is-down"), "{stdout}");
    assert_eq!(debrief.timeline("2024-02-28-decide-is-down")[0]["at"], "2024-02-28T15:30:00+00:00");
    let (stdout, _) = import("2025-11-15-persons-db-migration.md");
    assert!(stdout.contains("2025-11-11-posthog-data-processing-delays"), "{stdout}");
    // Past incidents read in, none of them open.
    assert!(debrief.ok(&["status"]).contains("No open incidents."));
    // A template that tells no time is still refused, and says what to do.
    let refused =
        debrief.error(&["import-postmortem", corpus.join("investigations__template.md").to_str().unwrap()], None);
    assert!(refused.contains("nothing says when the incident began"), "{refused}");
}

/// The Rust blog's crates.io post-mortem (from `../shared/corpus`) heads each day of its
/// timeline ("### 2023-07-19", "### 2023-07-20") above lines that give only their time: its
/// sixteen lines were read as none, and a day's 09:00 after the day before's 21:00 would have
/// been read as the same day.
#[test]
fn a_timeline_whose_days_head_their_lines_was_read_as_no_timeline() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/rust-blog-postmortems/content__inside-rust__crates-io-postmortem.md");
    let debrief = Debrief::new();
    // Exit 1: a warning names the Zola front matter keys Debrief does not keep.
    let output = debrief.run(&["import-postmortem", file.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    let imported = String::from_utf8_lossy(&output.stdout);
    let incident = "2023-07-19-crates-io-postmortem-broken-crate-downloads";
    assert!(imported.starts_with(&format!("imported as new incident {incident}: 16 timeline lines")), "{imported}");
    let timeline = debrief.timeline(incident);
    let at = |index: usize| timeline[index]["at"].as_str().unwrap_or_default().to_string();
    assert_eq!((at(1), at(2)), ("2023-07-19T17:41:00+00:00".into(), "2023-07-20T10:00:00+00:00".into()));
}

/// The postmortems.app collection (icco/postmortems) writes its key times as `start_time` and
/// `end_time` in the front matter: 64 of its 242 post-mortems whose prose tells no time were
/// refused as saying nothing of when they began, and the others came in open.
#[test]
fn start_time_and_end_time_in_another_tools_front_matter_were_not_read() {
    let debrief = Debrief::new();
    let file = debrief.home().join("01494547-7ee9-4169-a0c0-d921fa309d83.md");
    std::fs::write(
        &file,
        "---\nuuid: 01494547-7ee9-4169-a0c0-d921fa309d83\ntitle: \"Installer deletes boot.ini\"\n\
         start_time: 2007-12-05T22:04:00Z\nend_time: 2007-12-06T06:08:00Z\ncompany: CCP Games\n---\n\n\
         The installer for the expansion deleted a system file on some machines.\n",
    )
    .unwrap();
    let imported = debrief.ok(&["import-postmortem", file.to_str().unwrap()]);
    assert!(imported.starts_with("imported as new incident 2007-12-05-installer-deletes-boot-ini"), "{imported}");
    assert!(!imported.contains("It is open"), "{imported}");
    let listed = debrief.json(&["list", "--format", "json"]);
    assert_eq!(listed[0]["resolved_at"], "2007-12-06T06:08:00+00:00", "{listed}");
    // The keys stay in the front matter as written.
    let draft = debrief.ok(&["draft", "--incident", "2007-12-05-installer-deletes-boot-ini"]);
    assert!(draft.contains("start_time: 2007-12-05T22:04:00Z") && draft.contains("company: CCP Games"), "{draft}");
}

/// A team that brought its own template, written before Debrief (its own front matter, a title,
/// emoji headings, example rows to fill in), got drafts and published files without the
/// captured timeline or action items: only Debrief's markers placed them, and the template's
/// example rows ("10:01 Alert fired") were published as if they had happened.
#[test]
fn a_teams_own_template_without_debriefs_markers_published_its_example_rows_and_no_timeline() {
    let remote = BareRemote::with_branch(None);
    remote.commit_files(
        &[(
            ".debrief/template.md",
            "---\ntype: postmortem\nseverity: # SEV1 | SEV2\n---\n\n# 📄 Postmortem template\n\n\
             ## 🚨 Summary\n\n*One-liner description of what went wrong.*\n\n## 📈 Timeline\n\n\
             | Time (UTC) | Action |\n|----|----|\n| 10:01 | Alert fired |\n\n## ✅ Action Items\n\n\
             | Owner | Task | Due |\n|----|----|----|\n| @alex | Add test for edge case | June 28 |\n\n\
             ## 🙏 Lessons & Follow-ups\n\n* Better rollback docs needed\n",
        )],
        "Our post-mortem template",
    );
    let debrief = responder_with_incident();
    debrief.ok(&[
        "action",
        "add",
        "--owner",
        "carol",
        "--due",
        "2026-12-07",
        "--type",
        "detective",
        "Alert on pool saturation",
    ]);
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["publish"]);
    let published = remote.show("incidents/2026/2026-11-23-checkout-latency.md");
    let section = |heading: &str| -> String {
        let start = published.find(heading).unwrap_or_else(|| panic!("{heading} in {published}"));
        let rest = &published[start + heading.len()..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
    };
    let timeline = section("## 📈 Timeline");
    assert!(timeline.contains("Restarted the pool") && timeline.contains("**Detected:**"), "{published}");
    assert!(section("## ✅ Action Items").contains("Alert on pool saturation"), "{published}");
    assert!(section("## 🙏 Lessons & Follow-ups").contains("Better rollback docs needed"), "{published}");
    for example in ["Alert fired", "Add test for edge case", "Postmortem template", "SEV1 | SEV2"] {
        assert!(!published.contains(example), "{example} in {published}");
    }
    // The template's front matter key that is its site's own stays; its severity is Debrief's.
    assert!(published.contains("\ntype: postmortem\n---\n"), "{published}");
    assert_eq!(published.matches("\n# ").count(), 1, "one title: {published}");
    // The template's guidance left as it was is said, as an empty section is.
    let check = debrief.ok(&["check"]);
    assert!(check.contains("sections still holding only the template's words: 🚨 Summary"), "{check}");
}

/// `debrief draft` once to see it, then `debrief draft --template team.md`: the second printed
/// the first draft again, with no word that the team's template had not been used.
#[test]
fn a_template_chosen_after_the_first_draft_was_silently_ignored() {
    let debrief = Debrief::new();
    let incident = debrief.new_incident("Ingress 503s", "2026-11-23T14:00:00+01:00");
    let team = debrief.home().join("team template.md");
    std::fs::write(&team, "# Incident Title\n\n## Overview\n\n## Corrective actions\n\n- Example action\n").unwrap();
    let team = team.to_str().unwrap();
    assert!(draft(&debrief).contains("## Impact"), "Debrief's template first");

    // Nothing written in it yet: the draft starts again from the team's template, and says so.
    let output = debrief.run(&["draft", "--template", team], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let chosen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stderr}");
    assert!(chosen.contains("## Overview") && !chosen.contains("## Impact"), "{chosen}");
    assert!(stderr.contains(&format!("Started the draft of {incident} again from {team}")), "{stderr}");
    assert!(draft(&debrief).contains("## Overview"), "kept as the draft");
    // Its sections are checked against the template it was started from, not Debrief's.
    let check = debrief.ok(&["check"]);
    assert!(check.contains("sections still empty: Overview") && !check.contains("Impact"), "{check}");

    // Written in: the team's words are never replaced without asking, and the error says how.
    let edited = draft(&debrief).replace("## Overview\n", "## Overview\n\nThe ingress returned 503s.\n");
    let file = debrief.home().join("edited.md");
    std::fs::write(&file, edited).unwrap();
    debrief.ok(&["import-postmortem", file.to_str().unwrap(), "--incident", &incident]);
    let refused = debrief.error(&["draft", "--template", "/dev/null"], None);
    assert!(refused.contains("already holds writing") && refused.contains("Nothing was changed"), "{refused}");
    assert!(refused.contains("--template /dev/null --start-over"), "{refused}");
    assert!(draft(&debrief).contains("The ingress returned 503s."), "unchanged");

    let output = debrief.run(&["draft", "--start-over"], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(draft(&debrief).contains("## Impact"), "Debrief's template again");
    let kept = stderr.split("is kept in ").nth(1).and_then(|rest| rest.trim().strip_suffix('.')).expect(&stderr);
    let kept = std::fs::read_to_string(kept).unwrap();
    assert!(kept.contains("## Overview\n\nThe ingress returned 503s."), "{kept}");
}

/// A team's template asks for the incident's facts in lines of its own (DFDS's "- Time to
/// detection: YYY", a header of "**Date:** YYYY-MM-DD" and "**Severity:** SEV-1 / SEV-2 /
/// SEV-3"): the published post-mortem kept the placeholders though Debrief knew every answer.
#[test]
fn a_teams_template_published_its_placeholders_though_debrief_knew_the_facts() {
    let remote = BareRemote::with_branch(None);
    remote.commit_files(
        &[(
            ".debrief/template.md",
            "# Incident Title\n\n**Date:** YYYY-MM-DD  \n**Incident Commander:** [Name]  \n\
             **Severity:** SEV-1 / SEV-2 / SEV-3  \n**Status:** Draft\n\n## Summary\n\n## Timeline\n\n\
             All times in UTC.\n\n| Time | Event |\n| :--- | --- |\n| 20xx-MM-DD HH:mm | Short event description |\n\n\
             ## Stats\n\n- Category: XXX\n- Time to detection: YYY\n- Time to recovery: ZZZ\n",
        )],
        "Our post-mortem template",
    );
    let debrief = responder_with_incident();
    debrief.ok(&["set", "--severity", "sev2", "--commander", "Dana Scully"]);
    debrief.ok(&["remote", "set", &remote.url()]);
    let publish_said = debrief.ok(&["publish"]);
    let published = remote.show("incidents/2026/2026-11-23-checkout-latency.md");
    for filled in [
        "**Date:** 2026-11-23  \n",
        "**Incident Commander:** Dana Scully  \n",
        "**Severity:** SEV-2  \n",
        "- Time to detection: 6m\n",
    ] {
        assert!(published.contains(filled), "{filled:?} in {published}");
    }
    // Not known yet, or not Debrief's to know: left for the writer.
    assert!(published.contains("- Category: XXX\n- Time to detection: 6m\n- Time to recovery: ZZZ\n"), "{published}");
    assert!(published.contains("**Status:** Draft"), "{published}");
    assert!(!published.contains("YYYY-MM-DD") && !published.contains("[Name]"), "{published}");
    // What is left to fill is said, with its line, by the publish that left it and by `check`.
    let line = published.lines().position(|line| line == "- Category: XXX").unwrap() + 1;
    let left = format!("placeholders still to fill: line {line}: \u{201c}Category: XXX\u{201d}");
    assert!(publish_said.contains(&left), "{publish_said}");
    let check = debrief.ok(&["check"]);
    assert!(check.contains(&left), "{check}");
}

/// A team's "**Severity:** SEV-1 / SEV-2 / SEV-3" answered "SEV-2" in the draft; once the draft
/// was edited (in `$EDITOR` or the app), the answer was kept as the writer's words, and a
/// severity raised later was published as SEV-2 beside `severity: sev1` in the front matter.
#[test]
fn an_answered_placeholder_kept_its_first_answer_once_the_draft_was_edited() {
    let remote = BareRemote::with_branch(None);
    remote.commit_files(
        &[(
            ".debrief/template.md",
            "# Incident Title\n\n**Severity:** SEV-1 / SEV-2 / SEV-3\n\n## Summary\n\n## Timeline\n",
        )],
        "Our post-mortem template",
    );
    let debrief = responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["set", "--severity", "sev2"]);
    assert!(debrief.ok(&["draft"]).contains("**Severity:** SEV-2\n"));
    crate::publish::edit_draft(&debrief, "s/^## Summary$/## Summary\\n\\nThe pool ran dry./");
    debrief.ok(&["set", "--severity", "sev1"]);
    debrief.ok(&["publish"]);
    let published = remote.show("incidents/2026/2026-11-23-checkout-latency.md");
    assert!(published.contains("**Severity:** SEV-1\n") && published.contains("The pool ran dry."), "{published}");
    // A value the writer typed over the answer is theirs, and stays.
    crate::publish::edit_draft(&debrief, "s/^\\*\\*Severity:\\*\\* SEV-1$/**Severity:** SEV-1 (customer-facing)/");
    debrief.ok(&["set", "--severity", "sev3"]);
    assert!(debrief.ok(&["draft"]).contains("**Severity:** SEV-1 (customer-facing)\n"));
}

/// A post-mortem written in French, its timeline under "Chronologie" with times as "09h30": no
/// line was read as timed, and the file could not be read in for want of a start.
#[test]
fn a_timeline_written_with_times_as_09h30_was_read_as_no_timeline() {
    let debrief = Debrief::new();
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("2024-03-02-panne-du-cache.md");
    std::fs::write(
        &file,
        "---\ntitle: Panne du cache\ndate: 2024-03-02\n---\n\n# Panne du cache\n\n## Chronologie\n\n\
         - 09h30 : les erreurs 502 montent\n- 09h42 : alerte reçue par l'astreinte\n\
         - 10h05 : redémarrage du cluster Redis\n\nLa panne a duré 2h30 au total.\n",
    )
    .unwrap();
    debrief.ok(&["import-postmortem", file.to_str().unwrap(), "--zone", "Europe/Paris"]);
    let timeline = debrief.ok(&["timeline"]);
    for line in [
        "2024-03-02 09:30:00 +01:00  note           les erreurs 502 montent",
        "2024-03-02 09:42:00 +01:00  note           alerte reçue par l'astreinte",
        "2024-03-02 10:05:00 +01:00  note           redémarrage du cluster Redis",
    ] {
        assert!(timeline.contains(line), "{line} in {timeline}");
    }
    assert!(!timeline.contains("02:30"), "a length is not a time: {timeline}");
}

/// A timeline table that puts what happened first and the time after it ("| Event | Time |"),
/// as generated reports write it, was no timeline: its file was imported with no line of it, and
/// began at the date it was written up. Its header says which column holds the times. A line
/// saying the failure was detected is when it was, but not where it is the first line and no
/// start is stated: there the incident begins, and a time to detect of zero nobody measured.
#[test]
fn a_timeline_table_with_its_times_after_the_events_was_read_as_no_timeline() {
    let debrief = Debrief::new();
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("errcls_02657b3d.md");
    std::fs::write(
        &file,
        "# Postmortem — found_exit_code\n\n**Severity:** MED\n**Harvested:** 2026-04-29 06:30:28 UTC\n\n---\n\n\
         ## Timeline\n\n| Event | Time |\n|-------|------|\n| Failure detected | 2026-04-27 18:56:27 UTC |\n\
         | Recovery confirmed | 2026-04-27 18:59:32 UTC |\n| Time to recovery | **3m 5s** |\n\n---\n\n\
         ## What Broke\n\nThe hook exited with code 127.\n",
    )
    .unwrap();
    debrief.ok(&["import-postmortem", file.to_str().unwrap()]);
    let timeline = debrief.ok(&["timeline"]);
    for line in [
        "started    2026-04-27 18:56:00 +00:00",
        "detected   not yet",
        "2026-04-27 18:56:00 +00:00  note           Failure detected",
        "2026-04-27 18:59:00 +00:00  note           Recovery confirmed",
    ] {
        assert!(timeline.contains(line), "{line} in {timeline}");
    }
    assert!(!timeline.contains("2026-04-29"), "the day it was written up is not the incident's: {timeline}");
}

/// A service that failed twice in a day, the first incident resolved and not yet written up:
/// a teammate's `debrief new` of the second, with the same title, took the first's id, joined
/// its live log unasked, and came up resolved at the first's time, refusing every line typed
/// into it. It is now numbered beside the live one, and says how to join that one if meant.
#[test]
fn a_second_incident_of_the_same_title_that_day_joined_the_first_one_live_elsewhere() {
    let remote = BareRemote::with_branch(None);
    let ana = Debrief::new();
    ana.ok(&["remote", "set", &remote.url()]);
    let first = ana.ok(&["new", "Checkout errors", "--at", "2026-12-01 09:00"]).trim().to_string();
    ana.ok(&["log", "--incident", &first, "the first one's line"]);
    ana.ok(&["mark", "resolved", "--incident", &first, "--at", "2026-12-01 09:40"]);

    let bo = Debrief::new();
    bo.ok(&["remote", "set", &remote.url()]);
    let started = bo.run(&["new", "Checkout errors", "--at", "2026-12-01 15:00"], None);
    let (id, said) = (String::from_utf8_lossy(&started.stdout), String::from_utf8_lossy(&started.stderr));
    assert_eq!(id.trim(), format!("{first}-2"), "{said}");
    assert!(said.contains(&format!("join that one instead (`debrief join {first}`)")), "{said}");
    bo.ok(&["log", "the second one's line"]);
    let timeline = bo.ok(&["timeline"]);
    assert!(timeline.contains("the second one's line") && !timeline.contains("the first one's line"), "{timeline}");
    assert!(!timeline.contains("09:40"), "not resolved at the first one's time: {timeline}");
}

/// Without git, a publish to a git:// address that git's `pushInsteadOf` sends to a folder on
/// this computer (a mirror read through git daemon, pushed to where it is kept) failed with
/// libgit2's "failed to resolve path 'git://...'" and waited as if the repository were away:
/// libgit2 gives its local transport the address from before the rewrite. Debrief rewrites
/// the address as git does before pushing.
#[test]
fn libgit2_failed_to_resolve_a_git_address_pushinsteadof_sent_to_a_folder() {
    let remote = BareRemote::with_branch(None);
    let daemon = GitDaemon::start(&remote, false);
    let debrief = responder_with_incident();
    let config = debrief.user_home().join(".gitconfig");
    let mut settings = std::fs::read_to_string(&config).unwrap();
    settings.push_str(&format!("[url \"{}\"]\n\tpushInsteadOf = {}\n", remote.url(), daemon.url));
    std::fs::write(&config, settings).unwrap();
    let bin = path_without_git(debrief.user_home());
    let (code, text) = run_with_path(&debrief, &["remote", "set", &daemon.url], &bin);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = run_with_path(&debrief, &["publish"], &bin);
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("failed to resolve path"), "{text}");
    let published = git(remote.path(), &["ls-tree", "-r", "--name-only", remote.branch()]);
    assert!(published.contains("incidents/2026/2026-11-23-checkout-latency.md"), "{published}");
}
