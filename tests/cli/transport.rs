//! Publishing through the servers, credentials and settings teams really have: a web
//! server with git's http-backend, basic auth and TLS; OpenSSH with host aliases,
//! passphrase keys and agents; repositories whose default branch is not `main`; a
//! server that stops answering; many laptops publishing at once. Each server is
//! started here on 127.0.0.1 and stopped by process id.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::publish::{publish, responder_with_incident};
use crate::remotes::{
    Agent, BareRemote, GitDaemon, GitoliteServer, HTTP_USER, HttpServer, PlainWebServer, ProxyServer, SshServer,
    free_port, git, key_pair, key_pair_locked, ssh_server_for,
};
use crate::util::{Debrief, one_line};

const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";
const PASSWORD: &str = "Correct-Horse-7419";

fn add_git_config(debrief: &Debrief, text: &str) {
    let path = debrief.user_home().join(".gitconfig");
    let mut config = std::fs::read_to_string(&path).unwrap();
    config.push_str(text);
    std::fs::write(path, config).unwrap();
}

/// Appends a setting to the `[shared_repository]` table of the settings file (its last table).
fn add_setting(debrief: &Debrief, line: &str) {
    let path = debrief.home().join("config.toml");
    let mut config = std::fs::read_to_string(&path).unwrap();
    let last_table = config.lines().rev().find(|line| line.starts_with('['));
    assert_eq!(last_table, Some("[shared_repository]"));
    config.push_str(&format!("\n{line}\n"));
    std::fs::write(path, config).unwrap();
}

/// The text of every file in a directory tree, for checking that a secret is in none of them.
fn every_file_text(directory: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(directory).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&every_file_text(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    text
}

/// A file on a branch of a bare repository on disk.
fn show(repository: &Path, branch: &str, path: &str) -> String {
    git(repository, &["show", &format!("{branch}:{path}")])
}

/// A person who reaches an HTTPS server with git's own settings: its certificate authority in
/// `http.sslCAInfo`, and `credentials` (lines of `~/.git-credentials`) in the `store` helper.
fn https_person(server: &HttpServer, credentials: Option<&str>) -> Debrief {
    let debrief = responder_with_incident();
    add_git_config(&debrief, &format!("[http]\n\tsslCAInfo = {}\n", server.certificate_authority().display()));
    if let Some(credentials) = credentials {
        add_git_config(&debrief, "[credential]\n\thelper = store\n");
        std::fs::write(debrief.user_home().join(".git-credentials"), credentials).unwrap();
    }
    debrief
}

#[test]
fn https_with_the_password_in_gits_credential_store_publishes_and_never_shows_it() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    // Two entries, for two hosts: git's helper must answer the one for the remote's address.
    let credentials = format!(
        "https://{HTTP_USER}:wrong-password@localhost:{port}\nhttps://{HTTP_USER}:{PASSWORD}@127.0.0.1:{port}\n",
        port = server.port
    );
    let debrief = https_person(&server, Some(&credentials));
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("can be reached") && set.contains("branch main"), "{set}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("Published {PATH} to main")), "{text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    let shown = debrief.ok(&["remote", "show"]) + &debrief.ok(&["status"]);
    for said in [&set, &text, &shown, &every_file_text(debrief.home())] {
        assert!(!said.contains(PASSWORD), "the password appeared: {said}");
    }
}

#[test]
fn https_with_a_wrong_password_is_a_sign_in_problem_and_nothing_is_queued() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    let debrief = https_person(&server, Some(&format!("https://{HTTP_USER}:not-it-4410@127.0.0.1:{}\n", server.port)));
    let set = debrief.run(&["remote", "set", &url], None);
    let said = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("cannot sign in") && said.contains("refused"), "{said}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("cannot sign in") && text.contains("post-mortem is kept"), "{text}");
    assert!(!text.contains("queued") && !text.contains("cannot be reached") && !text.contains("not-it-4410"), "{text}");
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));
    assert!(git(&repository, &["branch", "--list"]).is_empty(), "nothing reached the server");
}

#[test]
fn https_without_a_credential_helper_says_what_git_is_missing() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, _) = server.repository("postmortems.git", "main");
    let debrief = https_person(&server, None);
    let set = debrief.run(&["remote", "set", &url], None);
    let said = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("cannot sign in") && said.contains("credential helper"), "{said}");
}

#[test]
fn https_with_a_certificate_this_laptop_does_not_trust_says_so() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, _) = server.repository("postmortems.git", "main");
    let debrief = responder_with_incident();
    assert_eq!(debrief.run(&["remote", "set", &url], None).status.code(), Some(2));
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("certificate") && text.contains("not trusted") && text.contains("kept"), "{text}");
}

/// A team's short name for its server (`url."https://git.example.com/".insteadOf = "corp:"`) works
/// as it does for git: the remote is named as the team names it, and git finds the server.
#[test]
fn a_remote_named_through_gits_insteadof_publishes_and_syncs() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    let credentials = format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port);
    let debrief = https_person(&server, Some(&credentials));
    let base = url.trim_end_matches("postmortems.git");
    add_git_config(&debrief, &format!("[url \"{base}\"]\n\tinsteadOf = corp:\n"));
    let set = debrief.ok(&["remote", "set", "corp:postmortems.git"]);
    assert!(set.contains("can be reached") && set.contains("branch main"), "{set}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("corp:postmortems.git"), "said as the team names it: {text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    let reader = https_person(&server, Some(&credentials));
    add_git_config(&reader, &format!("[url \"{base}\"]\n\tinsteadOf = corp:\n"));
    reader.ok(&["remote", "set", "corp:postmortems.git"]);
    let report = reader.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 1, "{report}");
}

/// An office network's proxy in git's `http.proxy`: the publish goes through it, as git's would,
/// and a proxy that is gone is a network that cannot be reached, not a sign-in problem.
#[test]
fn https_through_the_proxy_in_gits_settings_publishes_and_a_missing_proxy_queues() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let Some(mut proxy) = ProxyServer::start(None) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    let credentials = format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port);
    let debrief = https_person(&server, Some(&credentials));
    add_git_config(&debrief, &format!("[http]\n\tproxy = http://127.0.0.1:{}\n", proxy.port));
    debrief.ok(&["remote", "set", &url]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    let log = proxy.log();
    assert!(log.contains(&format!("CONNECT 127.0.0.1:{}", server.port)), "not through the proxy: {log}");

    proxy.stop();
    debrief.ok(&["log", "A line after the proxy went away"]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "queued for later: {text}");
    assert!(!text.to_lowercase().contains("sign"), "not a sign-in problem: {text}");
    assert!(
        text.contains("queued")
            && text.contains(&format!("port {} is not the shared repository's server but the proxy", proxy.port)),
        "{text}"
    );
}

/// A proxy that wants its own sign-in is a sign-in problem, said as the proxy's; with the proxy's
/// user and password in git's http.proxy, the queued publish goes through.
#[test]
fn a_proxy_that_wants_a_sign_in_is_said_to_and_its_password_in_gits_settings_is_used() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let Some(proxy) = ProxyServer::start(Some("office:Proxy-Pass-2231")) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    let credentials = format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port);
    let debrief = https_person(&server, Some(&credentials));
    debrief.ok(&["remote", "set", &url]);
    let config = debrief.user_home().join(".gitconfig");
    let without_proxy = std::fs::read_to_string(&config).unwrap();
    add_git_config(&debrief, &format!("[http]\n\tproxy = http://127.0.0.1:{}\n", proxy.port));
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("cannot sign in") && text.contains("proxy") && text.contains("kept"), "{text}");
    std::fs::write(&config, without_proxy).unwrap();
    add_git_config(&debrief, &format!("[http]\n\tproxy = http://office:Proxy-Pass-2231@127.0.0.1:{}\n", proxy.port));
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    assert!(!text.contains("Proxy-Pass-2231"), "{text}");
}

#[test]
fn plain_http_with_basic_auth_publishes() {
    let Some(server) = HttpServer::start(PASSWORD, false) else { return };
    let (url, repository) = server.repository("postmortems.git", "trunk");
    let debrief = responder_with_incident();
    add_git_config(&debrief, "[credential]\n\thelper = store\n");
    std::fs::write(
        debrief.user_home().join(".git-credentials"),
        format!("http://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port),
    )
    .unwrap();
    debrief.ok(&["remote", "set", &url]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(&repository, "trunk", PATH), debrief.ok(&["draft"]));
}

/// A PATH with only a shell on it: Debrief then has no git and talks to remotes with libgit2.
fn path_without_git(directory: &Path) -> PathBuf {
    let bin = directory.join("bin-without-git");
    std::fs::create_dir_all(&bin).unwrap();
    let _ = std::os::unix::fs::symlink("/bin/sh", bin.join("sh"));
    bin
}

#[test]
fn without_git_installed_https_still_publishes_through_libgit2() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    // The team's repository holds its README on main. (libgit2 cannot ask an empty repository
    // which branch its HEAD names, as git does: it would start the branch git init names.)
    let copy = TempDir::new().unwrap();
    git(copy.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    std::fs::write(copy.path().join("README.md"), "# Post-mortems\n").unwrap();
    git(copy.path(), &["add", "README.md"]);
    git(copy.path(), &["commit", "--quiet", "-m", "README"]);
    git(copy.path(), &["push", "--quiet", repository.to_str().unwrap(), "main"]);
    let debrief = responder_with_incident();
    // Without git there is no `git credential-store`: a helper of the person's own answers.
    add_git_config(
        &debrief,
        &format!("[credential]\n\thelper = \"!f() {{ echo username={HTTP_USER}; echo password={PASSWORD}; }}; f\"\n"),
    );
    let bin = path_without_git(debrief.user_home());
    let run = |args: &[&str]| {
        let output = debrief
            .command()
            .args(args)
            .env("PATH", &bin)
            .env("SSL_CERT_FILE", server.certificate_authority())
            .output()
            .unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.code(), text)
    };
    let (code, text) = run(&["remote", "set", &url]);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = run(&["remote", "show"]);
    assert!(code == Some(0) && text.contains("libgit2"), "{text}");
    let (code, text) = run(&["publish"]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    // The proxy in git's settings is used without git too.
    let Some(proxy) = ProxyServer::start(None) else { return };
    add_git_config(&debrief, &format!("[http]\n\tproxy = http://127.0.0.1:{}\n", proxy.port));
    debrief.ok(&["log", "A line published through the office proxy"]);
    let (code, text) = run(&["publish"]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(&repository, "main", PATH), debrief.ok(&["draft"]));
    let log = proxy.log();
    assert!(log.contains(&format!("CONNECT 127.0.0.1:{}", server.port)), "not through the proxy: {log}");
}

/// A repository on git's own default branch (`git init --bare`) holding one post-mortem written by
/// hand in `postmortems/`, as a read-only mirror serves one.
fn remote_with_a_post_mortem() -> BareRemote {
    let remote = BareRemote::with_branch(None);
    remote.commit_files(
        &[(
            "postmortems/2024-03-02-database-failover.md",
            "---\ntitle: Database failover\ndate: 2024-03-02\nseverity: SEV2\n---\n\n\
             The primary failed over at 09:12 UTC.\n",
        )],
        "The failover's post-mortem",
    );
    remote
}

/// A repository served by git daemon at a git:// address, as read-only mirrors are: browsed like
/// any other; a publish there is refused, kept and said to need the repository's ssh:// or
/// https:// address (git daemon takes pushes only where its server enables them, and signs no one
/// in: a publish once called this "the password or token was refused"), by git and by libgit2
/// alike; an address with no repository is said to be one; where the server takes pushes, the
/// publish lands.
#[test]
fn a_repository_served_by_git_daemon_is_browsed_and_a_publish_is_refused_unless_it_takes_pushes() {
    let remote = remote_with_a_post_mortem();
    let read_only = GitDaemon::start(&remote, false);
    let url = read_only.url.clone();
    let debrief = responder_with_incident();
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("can be reached") && set.contains("1 post-mortem"), "{set}");
    debrief.ok(&["sync"]);
    assert!(debrief.ok(&["search", "failover"]).contains("postmortems/2024-03-02-database-failover.md"));

    let refused = |text: &str| {
        assert!(text.contains("is served by git daemon, which takes no publishes"), "{text}");
        assert!(text.contains("ssh:// address, or the https:// address"), "{text}");
        assert!(!text.contains("cannot sign in") && !text.contains("cannot be reached"), "{text}");
    };
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "committed and kept: {text}");
    refused(&text);
    let bin = path_without_git(debrief.user_home());
    let without_git = |args: &[&str]| {
        let output = debrief.command().args(args).env("PATH", &bin).output().unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.code(), text)
    };
    let (code, text) = without_git(&["publish", "--retry"]);
    assert_eq!(code, Some(75), "{text}");
    refused(&text);
    assert!(git(remote.path(), &["ls-tree", "-r", "--name-only", remote.branch()]).lines().all(|path| path != PATH));

    let nowhere = url.replace(remote.path().file_name().unwrap().to_str().unwrap(), "no-such-repository.git");
    for (code, text) in [
        debrief.run(&["remote", "set", &nowhere], None),
        debrief.command().args(["remote", "set", &nowhere]).env("PATH", &bin).output().unwrap(),
    ]
    .map(|output| (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned()))
    {
        assert_eq!(code, Some(2), "{text}");
        assert!(text.contains("answered, but has no repository there"), "{text}");
    }

    drop(read_only);
    let taking_pushes = GitDaemon::start(&remote, true);
    debrief.ok(&["remote", "set", &taking_pushes.url]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(show(remote.path(), remote.branch(), PATH), debrief.ok(&["draft"]));
}

/// A repository a web server serves as plain files (git's "dumb" HTTP, no git on the server) is
/// read and browsed as git reads it. A publish there is committed and kept, and told that the
/// address takes no publishes (not that it is offline, nor a sign-in problem); once an address
/// of the same repository that takes publishes is set, a retry pushes it. Without git, libgit2
/// cannot read such a server, and says to install git.
#[test]
fn a_repository_served_as_plain_files_over_http_is_read_and_a_publish_waits_for_an_address_that_takes_it() {
    let remote = remote_with_a_post_mortem();
    let Some(server) = PlainWebServer::start(&remote) else { return };
    let debrief = responder_with_incident();
    let set = debrief.ok(&["remote", "set", &server.url]);
    assert!(set.contains("can be reached") && set.contains("1 post-mortem"), "{set}");
    debrief.ok(&["sync"]);
    assert!(debrief.ok(&["search", "failover"]).contains("postmortems/2024-03-02-database-failover.md"));

    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(75), "committed and kept: {text}");
    assert!(text.contains("serves the repository as plain files") && text.contains("ssh:// address"), "{text}");
    assert!(text.contains("pushes it once the address set takes publishes"), "{text}");
    for never in ["cannot sign in", "cannot be reached", "--review"] {
        assert!(!text.contains(never), "{never}: {text}");
    }

    let without_git =
        debrief.command().arg("sync").env("PATH", path_without_git(debrief.user_home())).output().unwrap();
    let said = String::from_utf8_lossy(&without_git.stderr);
    assert_eq!(without_git.status.code(), Some(2), "{said}");
    assert!(said.contains("serves the repository as plain files") && said.contains("install git"), "{said}");

    debrief.ok(&["remote", "set", &remote.url()]);
    assert!(debrief.ok(&["publish", "--retry"]).contains("pushed"));
    assert_eq!(show(remote.path(), remote.branch(), PATH), debrief.ok(&["draft"]));
    // The repository's hook brought the web server's listing up to date: readers there see it.
    let listed = git(remote.path(), &["ls-remote", &server.url, remote.branch()]);
    assert!(listed.starts_with(git(remote.path(), &["rev-parse", remote.branch()]).trim()), "{listed}");
}

/// A repository made with `git init --object-format=sha256` names its objects in a way
/// Debrief's copy cannot hold: setting it, or moving to it from another, says so and what to
/// use instead, with git and without; it is never taken for a server out of reach.
#[test]
fn a_repository_with_sha256_object_names_is_named_as_such_and_not_taken_for_offline() {
    let folder = TempDir::new().unwrap();
    let sha256 = folder.path().join("postmortems.git");
    std::fs::create_dir_all(&sha256).unwrap();
    git(&sha256, &["init", "--quiet", "--bare", "--object-format=sha256", "."]);
    let work = folder.path().join("work");
    git(folder.path(), &["clone", "--quiet", &sha256.display().to_string(), "work"]);
    std::fs::write(work.join("2024-03-02-failover.md"), "# Database failover\n").unwrap();
    git(&work, &["add", "."]);
    git(&work, &["-c", "user.name=Tess", "-c", "user.email=tess@example.com", "commit", "--quiet", "-m", "failover"]);
    git(&work, &["push", "--quiet", "origin", "HEAD"]);
    let url = format!("file://{}", sha256.display());

    let named = |text: &str| {
        assert!(text.contains("named by SHA-256") && text.contains("`git init --bare` makes one"), "{text}");
        assert!(!text.contains("cannot be reached") && !text.contains("unknown object format"), "{text}");
    };
    let debrief = responder_with_incident();
    let bin = path_without_git(debrief.user_home());
    for path in [None, Some(&bin)] {
        let mut command = debrief.command();
        if let Some(path) = path {
            command.env("PATH", path);
        }
        let output = command.args(["remote", "set", &url]).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        named(&String::from_utf8_lossy(&output.stderr));
    }
    // A copy already holding another repository's post-mortems, moved to it.
    let remote = BareRemote::new();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["sync"]);
    named(&debrief.error(&["remote", "set", &url], None));
}

/// gitolite, which many teams run their own git server with, refuses in its own words: a
/// repository it does not have, or that this account may not read ("FATAL: R any nothere tess
/// DENIED by fallthru (or you mis-spelled the reponame)"), is an address with no repository this
/// account may see; one the account may only read is refused a publish for want of write access;
/// never a server out of reach. Where its rules let the account write, a publish, browsing and
/// a live incident's log work as anywhere else.
#[test]
fn gitolites_refusals_are_told_for_what_they_are_and_a_repository_it_lets_us_write_takes_publishes() {
    let debrief = responder_with_incident();
    let rules = "repo postmortems\n    RW+ = tess\n\nrepo mirror\n    R = tess\n";
    let Some(server) = GitoliteServer::start(debrief.user_home(), rules) else { return };
    let nowhere = debrief.error(&["remote", "set", &server.url("nothere")], None);
    assert!(
        one_line(&nowhere).contains("answered, but has no repository there that this account may see"),
        "{nowhere}"
    );
    assert!(nowhere.contains("DENIED by fallthru") && !nowhere.contains("cannot be reached"), "{nowhere}");
    let without_git = debrief
        .command()
        .args(["remote", "set", &server.url("nothere")])
        .env("PATH", path_without_git(debrief.user_home()))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&without_git.stderr);
    assert_eq!(without_git.status.code(), Some(2), "{said}");
    assert!(one_line(&said).contains("answered, but has no repository there that this account may see"), "{said}");

    assert!(debrief.ok(&["remote", "set", &server.url("mirror")]).contains("can be reached"));
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("may read the repository but not push to it; ask its owners for write access"), "{text}");
    assert!(text.contains("W any mirror tess DENIED") && !text.contains("cannot be reached"), "{text}");

    debrief.ok(&["remote", "set", &server.url("postmortems")]);
    let (code, text) = publish(&debrief, &["--retry"]);
    assert_eq!(code, Some(0), "{text}");
    let written = server.path("postmortems");
    assert_eq!(show(&written, "master", PATH), debrief.ok(&["draft"]));
    debrief.ok(&["sync"]);
    assert!(debrief.ok(&["search", "checkout"]).contains(PATH));
}

/// Teams that read a repository at its git:// address and push to it over SSH name the pushing
/// address in git's settings, `url.<ssh address>.pushInsteadOf = <git address>`: Debrief reads
/// through git daemon and publishes over SSH, as git does, with git and through libgit2.
#[test]
fn a_git_address_is_read_through_git_daemon_and_published_over_ssh_as_gits_pushinsteadof_says() {
    let remote = BareRemote::with_branch(None);
    let daemon = GitDaemon::start(&remote, false);
    let debrief = responder_with_incident();
    let Some(ssh) = ssh_server_for(debrief.user_home()) else { return };
    let read_at = &daemon.url;
    add_git_config(&debrief, &format!("[url \"{}\"]\n\tpushInsteadOf = {read_at}\n", ssh.url(remote.path())));
    debrief.ok(&["remote", "set", read_at]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("on {read_at}")), "{text}");
    assert_eq!(show(remote.path(), remote.branch(), PATH), debrief.ok(&["draft"]));

    debrief.ok(&["log", "A line published through libgit2"]);
    let output = debrief.command().arg("publish").env("PATH", path_without_git(debrief.user_home())).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(show(remote.path(), remote.branch(), PATH).contains("A line published through libgit2"));
}

#[test]
fn an_ssh_config_host_alias_picks_the_host_port_user_and_key() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let ssh = debrief.user_home().join(".ssh");
    let (key, public_key) = key_pair(&ssh, "work_key");
    let Some(server) = SshServer::start(free_port(), &public_key) else { return };
    server.trust(debrief.user_home());
    let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    let config = std::fs::read_to_string(ssh.join("config")).unwrap();
    std::fs::write(
        ssh.join("config"),
        format!(
            "Host work\n\tHostName 127.0.0.1\n\tPort {}\n\tUser {}\n\tIdentityFile {}\n\tIdentitiesOnly yes\n\n{config}",
            server.port,
            user.trim(),
            key.display()
        ),
    )
    .unwrap();
    let url = format!("work:{}", remote.path().display());
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("can be reached"), "{set}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(remote.show(PATH), debrief.ok(&["draft"]));
}

#[test]
fn a_passphrase_key_is_used_through_ssh_agent_and_without_one_the_sign_in_problem_is_said() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let ssh = debrief.user_home().join(".ssh");
    let (key, public_key) = key_pair_locked(&ssh, "id_ed25519", "a long passphrase");
    let Some(server) = SshServer::start(free_port(), &public_key) else { return };
    server.trust(debrief.user_home());
    let set = debrief.run(&["remote", "set", &server.url(remote.path())], None);
    let said = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("cannot sign in") && said.contains("passphrase") && said.contains("ssh-add"), "{said}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(!text.contains("queued") && !text.contains("cannot be reached"), "{text}");
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));

    let agent = Agent::start_unlocking(&key, Some("a long passphrase"));
    let output = debrief.command().arg("publish").env("SSH_AUTH_SOCK", &agent.socket).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(remote.show(PATH), debrief.ok(&["draft"]));
}

/// Runs `debrief publish`, failing the test (not hanging it) if it is still running after a minute.
fn publish_within_a_minute(debrief: &Debrief) -> (Option<i32>, String) {
    let mut child = debrief.command().arg("publish").stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            let text =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            return (output.status.code(), text);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("debrief publish was still waiting after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_server_that_accepts_the_push_then_stalls_is_given_up_and_the_publish_queued() {
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    let stalls = TempDir::new().unwrap();
    let pids = stalls.path().join("pids");
    let script = stalls.path().join("stall-on-push.sh");
    // Reading works; a push is taken in and never answered.
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncase \"$SSH_ORIGINAL_COMMAND\" in\n  git-receive-pack*) echo $$ >> {}; exec sleep 600 ;;\n  \
             *) exec sh -c \"$SSH_ORIGINAL_COMMAND\" ;;\nesac\n",
            pids.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let ssh = debrief.user_home().join(".ssh");
    let (_, public_key) = key_pair(&ssh, "id_ed25519");
    let Some(server) = SshServer::start(free_port(), &format!("command=\"{}\" {public_key}", script.display())) else {
        return;
    };
    server.trust(debrief.user_home());
    debrief.ok(&["remote", "set", &server.url(remote.path())]);
    add_setting(&debrief, "network_timeout_seconds = 2");
    let (code, text) = publish_within_a_minute(&debrief);
    for pid in std::fs::read_to_string(&pids).unwrap_or_default().lines() {
        let _ = Command::new("kill").arg("-9").arg(pid.trim()).status();
    }
    assert_eq!(code, Some(75), "{text}");
    assert!(text.contains("did not answer for 2 s") && text.contains("queued"), "{text}");
    assert!(debrief.ok(&["status"]).contains("Publish post-mortem: Checkout latency"));
}

/// A hand-written post-mortem, as teams had before Debrief.
const OLD_POSTMORTEM: &str = "---\ntitle: Queue backlog\ndate: 2025-01-02\n---\n\n# Queue backlog\n\n\
    The consumer group stalled after a rebalance storm.\n";

#[test]
fn a_repository_on_another_default_branch_gets_the_publish_there_and_a_clone_checks_it_out() {
    // `None`: whatever `git init --bare` makes on this machine (master on Debian 12).
    for branch in [None, Some("trunk")] {
        let remote = BareRemote::with_branch(branch);
        remote.commit_files(&[("incidents/2025/2025-01-02-queue-backlog.md", OLD_POSTMORTEM)], "Add an old one");
        let debrief = responder_with_incident();
        let set = debrief.ok(&["remote", "set", &remote.url()]);
        assert!(set.contains(&format!("branch {}", remote.branch())), "{set}");
        let shown = debrief.ok(&["remote", "show"]);
        assert!(shown.contains(&format!("branch {}, its default", remote.branch())), "{shown}");
        let (code, text) = publish(&debrief, &[]);
        assert_eq!(code, Some(0), "{text}");
        assert!(text.contains(&format!("to {}", remote.branch())), "{text}");
        let clone = remote.clone();
        assert_eq!(std::fs::read_to_string(clone.path().join(PATH)).unwrap(), debrief.ok(&["draft"]));
        let branches = git(remote.path(), &["branch", "--list", "--format=%(refname:short)"]);
        assert_eq!(branches.trim(), remote.branch(), "no other branch was made");
        let synced = debrief.ok(&["sync"]);
        assert!(!synced.contains("Nothing published yet"), "{synced}");
        assert!(debrief.ok(&["search", "rebalance"]).contains("Queue backlog"));
    }
}

/// A server's bare repository made with `git init --bare` names `master` in its HEAD; a laptop
/// then pushed its `main`, so the HEAD names no branch (`git clone` warns and checks nothing
/// out). Debrief browses and publishes to the branch there is, with git and without it,
/// instead of saying the repository is empty and starting a `master` beside it.
#[test]
fn a_repository_whose_head_names_no_branch_is_read_and_published_on_the_branch_it_has() {
    for with_git in [true, false] {
        let remote = BareRemote::with_branch(None);
        assert_eq!(remote.branch(), "master");
        let laptop = TempDir::new().unwrap();
        git(laptop.path(), &["init", "--quiet", "--initial-branch=main", "."]);
        std::fs::create_dir_all(laptop.path().join("postmortems")).unwrap();
        std::fs::write(laptop.path().join("postmortems/2025-01-02-queue-backlog.md"), OLD_POSTMORTEM).unwrap();
        git(laptop.path(), &["add", "--all"]);
        git(laptop.path(), &["commit", "--quiet", "-m", "Our post-mortems so far"]);
        git(laptop.path(), &["push", "--quiet", remote.path().to_str().unwrap(), "main"]);
        let debrief = responder_with_incident();
        let bin = path_without_git(debrief.user_home());
        let run = |args: &[&str]| {
            let mut command = debrief.command();
            if !with_git {
                command.env("PATH", &bin);
            }
            let output = command.args(args).output().unwrap();
            let text =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            (output.status.code(), text)
        };
        let (code, text) = run(&["remote", "set", &remote.url()]);
        assert!(code == Some(0) && text.contains("branch main"), "with git: {with_git}: {text}");
        let (code, text) = run(&["sync"]);
        assert!(code == Some(0) && !text.contains("Nothing published yet"), "with git: {with_git}: {text}");
        assert!(debrief.ok(&["search", "rebalance"]).contains("Queue backlog"), "with git: {with_git}");
        let (code, text) = run(&["publish"]);
        assert_eq!(code, Some(0), "with git: {with_git}: {text}");
        assert!(text.contains("to main"), "with git: {with_git}: {text}");
        let branches = git(remote.path(), &["branch", "--list", "--format=%(refname:short)"]);
        assert_eq!(branches.trim(), "main", "with git: {with_git}: no other branch was made");
        assert_eq!(show(remote.path(), "main", PATH), debrief.ok(&["draft"]), "with git: {with_git}");
    }
}

#[test]
fn an_empty_repository_gets_the_branch_its_head_names_over_file_and_ssh() {
    let debrief = responder_with_incident();
    let Some(server) = ssh_server_for(debrief.user_home()) else { return };
    for over_ssh in [false, true] {
        let remote = BareRemote::with_branch(Some("trunk"));
        let url = if over_ssh { server.url(remote.path()) } else { remote.url() };
        let person = if over_ssh { &debrief } else { &responder_with_incident() };
        person.ok(&["remote", "set", &url]);
        let (code, text) = publish(person, &[]);
        assert_eq!(code, Some(0), "{text}");
        let clone = remote.clone();
        assert!(clone.path().join(PATH).exists(), "over ssh: {over_ssh}: {text}");
    }
}

/// A repository just made on a git host is empty, and its HEAD names the host's default branch,
/// which need not be `main`: over HTTPS too, the first publish goes there.
#[test]
fn an_empty_repository_over_https_gets_the_branch_its_head_names() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "trunk");
    let debrief = https_person(&server, Some(&format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port)));
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("branch trunk"), "{set}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("Published {PATH} to trunk")), "{text}");
    assert_eq!(show(&repository, "trunk", PATH), debrief.ok(&["draft"]));
}

/// Several laptops publishing their own post-mortems to one repository at the same moment, round
/// after round: each publish that says it was published is on the branch, and the branch's
/// history only grows. `transport_env` sets what each laptop runs with (for example no git).
fn race(url: &str, remote: &BareRemote, people: &[Debrief], transport_env: &[(&str, &Path)]) {
    let rounds: usize = std::env::var("DEBRIEF_PUBLISH_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(6);
    for person in people {
        person.ok(&["remote", "set", url]);
    }
    let mut previous_tip: Option<String> = None;
    for round in 0..rounds {
        let children: Vec<_> = people
            .iter()
            .map(|person| {
                person.ok(&["log", &format!("round {round} by {}", person.home().display())]);
                let mut command = person.command();
                command.arg("publish").stdout(Stdio::piped()).stderr(Stdio::piped());
                for (name, value) in transport_env {
                    command.env(name, value);
                }
                command.spawn().unwrap()
            })
            .collect();
        for (person, child) in people.iter().zip(children) {
            let output = child.wait_with_output().unwrap();
            let text =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            match output.status.code() {
                Some(0) => {
                    let on_branch = remote.show(&published_path(person_number(people, person)));
                    assert!(
                        on_branch.contains(&format!("round {round} by {}", person.home().display())),
                        "publish said it was published but its line is not on the branch: {text}"
                    );
                }
                Some(75) => assert!(text.contains("queued"), "{text}"),
                other => panic!("publish ended with {other:?}: {text}"),
            }
        }
        let tip = git(remote.path(), &["rev-parse", remote.branch()]).trim().to_string();
        if let Some(previous) = &previous_tip {
            let grew = Command::new("git")
                .args(["merge-base", "--is-ancestor", previous, &tip])
                .current_dir(remote.path())
                .status()
                .unwrap();
            assert!(grew.success(), "round {round}: the branch lost {previous}");
        }
        previous_tip = Some(tip);
    }
    // Whatever waited in a queue goes out; then every line of every round is on the branch.
    for person in people {
        let mut command = person.command();
        command.args(["publish", "--retry"]);
        for (name, value) in transport_env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
        let on_branch = remote.show(&published_path(person_number(people, person)));
        for round in 0..rounds {
            assert!(on_branch.contains(&format!("round {round} by {}", person.home().display())), "{on_branch}");
        }
    }
}

fn published_path(person: usize) -> String {
    format!("incidents/2026/2026-11-23-racing-publisher-{person}.md")
}

fn person_number(people: &[Debrief], person: &Debrief) -> usize {
    people.iter().position(|other| std::ptr::eq(other, person)).unwrap()
}

fn four_people() -> Vec<Debrief> {
    (0..4)
        .map(|person| {
            let debrief = Debrief::new();
            debrief.new_incident(&format!("Racing publisher {person}"), "2026-11-23T10:00:00Z");
            debrief
        })
        .collect()
}

#[test]
fn publishers_racing_over_file_lose_nothing_and_history_only_grows() {
    let remote = BareRemote::with_branch(None);
    race(&remote.url(), &remote, &four_people(), &[]);
}

#[test]
fn publishers_racing_over_ssh_lose_nothing_and_history_only_grows() {
    let remote = BareRemote::with_branch(None);
    let people = four_people();
    let Some(server) = ssh_server_for(people[0].user_home()) else { return };
    let key = people[0].user_home().join(".ssh/id_ed25519");
    for person in &people[1..] {
        std::fs::copy(&key, person.user_home().join(".ssh/id_ed25519")).unwrap();
        server.trust(person.user_home());
    }
    race(&server.url(remote.path()), &remote, &people, &[]);
}

#[test]
fn publishers_racing_without_git_installed_lose_nothing_and_history_only_grows() {
    let remote = BareRemote::with_branch(None);
    let scratch = TempDir::new().unwrap();
    let bin = path_without_git(scratch.path());
    race(&remote.url(), &remote, &four_people(), &[("PATH", &bin)]);
}

/// A token that may read the repository but not write to it, as a git host gives read-only
/// access: the server answers the push 403. That is neither offline nor a wrong password, and the
/// message says what is missing.
#[test]
fn https_with_read_only_access_says_the_push_was_refused_and_keeps_the_commit() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, repository) = server.repository("postmortems.git", "main");
    git(&repository, &["config", "http.receivepack", "false"]);
    let debrief = https_person(&server, Some(&format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port)));
    let set = debrief.ok(&["remote", "set", &url]);
    assert!(set.contains("can be reached"), "{set}");
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("may read the repository but not push to it; ask its owners for write access"), "{text}");
    assert!(text.contains("your post-mortem is kept") && !text.contains("cannot be reached"), "{text}");
    // The commit waits on this laptop for the access: `publish --retry` pushes it then.
    assert!(debrief.ok(&["status"]).contains("Waiting to be pushed"));
    assert!(git(&repository, &["branch", "--list"]).is_empty(), "nothing reached the server");
}

/// An address with no repository behind it (a typo, or a private repository a git host hides
/// from an account that may not see it): the server answered, so it is neither offline nor
/// queued for later, over HTTPS and SSH alike. A folder missing on this computer may be a share
/// not mounted now: that one is a remote that cannot be reached, and the publish waits.
#[test]
fn an_address_with_no_repository_behind_it_is_said_to_be_one_and_not_offline() {
    let Some(server) = HttpServer::start(PASSWORD, true) else { return };
    let (url, _repository) = server.repository("postmortems.git", "main");
    let mistyped = url.replace("postmortems.git", "postmortem.git");
    let debrief = https_person(&server, Some(&format!("https://{HTTP_USER}:{PASSWORD}@127.0.0.1:{}\n", server.port)));
    let set = debrief.run(&["remote", "set", &mistyped], None);
    let said = format!("{}{}", String::from_utf8_lossy(&set.stdout), String::from_utf8_lossy(&set.stderr));
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("answered, but has no repository there that this account may see"), "{said}");
    assert!(!said.contains("cannot be reached") && !said.contains("cannot sign in"), "{said}");
    let test = debrief.json(&["remote", "show", "--format", "json"]);
    assert_eq!(test["url"], mistyped.as_str(), "the address is kept, to be corrected");
    // Without git installed, libgit2 says the same; and, before any helper gives it a password,
    // that it cannot sign in (git's own `credential-store` needs git).
    let without_git = || {
        let output = debrief
            .command()
            .args(["remote", "set", &mistyped])
            .env("PATH", path_without_git(debrief.user_home()))
            .env("SSL_CERT_FILE", server.certificate_authority())
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, said) = without_git();
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("cannot sign in"), "{said}");
    add_git_config(
        &debrief,
        &format!("[credential]\n\thelper = \"!f() {{ echo username={HTTP_USER}; echo password={PASSWORD}; }}; f\"\n"),
    );
    let (code, said) = without_git();
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("answered, but has no repository there"), "{said}");

    let ssh_person = responder_with_incident();
    let keys = TempDir::new().unwrap();
    let (key, public_key) = key_pair(keys.path(), "id_ed25519");
    let Some(ssh) = SshServer::start(free_port(), &public_key) else { return };
    let dot_ssh = ssh_person.user_home().join(".ssh");
    std::fs::create_dir_all(&dot_ssh).unwrap();
    std::fs::copy(&key, dot_ssh.join("id_ed25519")).unwrap();
    ssh.trust(ssh_person.user_home());
    let nowhere = ssh.url(&keys.path().join("no-such-repository.git"));
    let set = ssh_person.run(&["remote", "set", &nowhere], None);
    let said = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("answered, but has no repository there"), "{said}");

    let local = responder_with_incident();
    let away = TempDir::new().unwrap();
    local.ok(&["remote", "set", &format!("file://{}", away.path().join("share/postmortems.git").display())]);
    let (code, text) = publish(&local, &[]);
    assert_eq!(code, Some(75), "queued until the share is back: {text}");
}

/// A team's shared folder (a mounted share, a repository under /srv) owned by another user of
/// this computer: git refuses it ("dubious ownership") until its user trusts it with
/// `safe.directory`, which waiting will not change. That is said, with the command to run, as
/// libgit2 says it where git is not installed; it is not called unreachable and nothing is
/// queued on it; once trusted in git's settings, the publish lands.
#[test]
#[cfg(unix)]
fn a_shared_folder_owned_by_another_user_is_said_to_need_trusting_and_not_to_be_unreachable() {
    const TEST: &str = "a_shared_folder_owned_by_another_user_is_said_to_need_trusting_and_not_to_be_unreachable";
    let uid = Command::new("id").arg("-u").output().expect("id runs");
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        eprintln!("skipped {TEST}: only root can give the repository to another user");
        return;
    }
    let remote = BareRemote::new();
    let given = Command::new("chown").args(["-R", "nobody"]).arg(remote.path()).status().expect("chown runs");
    assert!(given.success());
    let path = remote.path().display().to_string();
    let trust = format!("git config --global --add safe.directory {path}");
    let debrief = responder_with_incident();
    let set = debrief.run(&["remote", "set", &remote.url()], None);
    let said = format!("{}{}", String::from_utf8_lossy(&set.stdout), String::from_utf8_lossy(&set.stderr));
    assert_eq!(set.status.code(), Some(2), "{said}");
    assert!(said.contains("it belongs to another user of this computer") && said.contains(&trust), "{said}");
    assert!(!said.contains("cannot be reached") && !said.contains("queued"), "{said}");

    let (code, said) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains(&trust) && said.contains("your post-mortem is kept"), "{said}");
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));
    let output = debrief.command().arg("publish").env("PATH", path_without_git(debrief.user_home())).output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains(&trust), "libgit2 says the same: {said}");

    add_git_config(&debrief, &format!("[safe]\n\tdirectory = {path}\n"));
    let (code, said) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{said}");
    // Given back, for the test's own git to read it.
    let given = Command::new("chown").args(["-R", "root"]).arg(remote.path()).status().expect("chown runs");
    assert!(given.success());
    assert_eq!(remote.log(), ["Publish post-mortem: Checkout latency"]);
}

/// A single sign-on gate in front of a git host (an identity-aware proxy): every request is
/// redirected to its sign-in page, with the address asked for in the query, as written or
/// percent-encoded; the page itself is HTML. Served from a thread of the test, stopped on drop.
struct SignInGate {
    port: u16,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    serving: Option<std::thread::JoinHandle<()>>,
}

impl SignInGate {
    fn start(encode_the_address: bool) -> SignInGate {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port for the gate");
        let port = listener.local_addr().expect("its address").port();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let serving = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let mut request = String::new();
                let mut reader = BufReader::new(stream.try_clone().expect("the connection"));
                let _ = reader.read_line(&mut request);
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
                    header.clear();
                }
                let answer = if path.starts_with("/login") {
                    let page = "<html><body>Sign in with your company account</body></html>";
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                        page.len()
                    )
                } else {
                    let asked = match encode_the_address {
                        true => path.replace('/', "%2F").replace('?', "%3F").replace('=', "%3D"),
                        false => path,
                    };
                    format!(
                        "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}/login?next={asked}\r\n\
                         Content-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                };
                let _ = stream.write_all(answer.as_bytes());
            }
        });
        SignInGate { port, stop, serving: Some(serving) }
    }
}

impl Drop for SignInGate {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // One more connection wakes the thread waiting in `accept`.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
        if let Some(serving) = self.serving.take() {
            let _ = serving.join();
        }
    }
}

/// A git host behind a single sign-on gate answers git with its sign-in page: git follows the
/// redirect and reads the page as an empty repository (or refuses a redirect that does not keep
/// the address), and libgit2 finds HTML. Debrief said the repository could be reached, then
/// queued every publish as if offline; it is a sign-in problem, said with the page, and
/// nothing is queued on it.
#[test]
fn a_repository_behind_a_single_sign_on_page_is_a_sign_in_problem_and_not_offline() {
    for encode_the_address in [false, true] {
        let gate = SignInGate::start(encode_the_address);
        let url = format!("http://127.0.0.1:{}/team/postmortems.git", gate.port);
        let debrief = responder_with_incident();
        let set = debrief.run(&["remote", "set", &url], None);
        let said = format!("{}{}", String::from_utf8_lossy(&set.stdout), String::from_utf8_lossy(&set.stderr));
        assert_eq!(set.status.code(), Some(2), "{said}");
        let page = format!("a web page (http://127.0.0.1:{}/login) instead of the repository", gate.port);
        assert!(said.contains(&page) && said.contains("single sign-on"), "{said}");
        assert!(!said.contains("can be reached") && !said.contains("cannot be reached"), "{said}");
        let (code, said) = publish(&debrief, &[]);
        assert_eq!(code, Some(2), "{said}");
        assert!(said.contains("cannot sign in") && !said.contains("queued"), "{said}");
        assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));

        let output =
            debrief.command().arg("publish").env("PATH", path_without_git(debrief.user_home())).output().unwrap();
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains("a web page instead of the repository"), "libgit2: {said}");
    }
}
