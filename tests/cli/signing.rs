//! Publishing for someone whose git signs their commits, into a repository that takes
//! only signed ones: its pre-receive hook runs `git verify-commit` on everything pushed,
//! as a server that enforces signing does. The keys are real (ssh-keygen, gpg), the
//! signatures are checked by git itself, and a teammate's unsigned push is refused first,
//! so the hook is known to refuse what it should.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::live::three_people;
use crate::publish::{publish, responder_with_incident};
use crate::remotes::{Agent, BareRemote, git, key_pair};
use crate::util::Debrief;

const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";

/// A bare repository whose hook refuses any pushed commit not signed by a key in
/// `allowed_signers` (ssh keys, in ssh-keygen's format).
fn remote_taking_only_signed_commits(allowed_signers: &str) -> BareRemote {
    let remote = BareRemote::new();
    let allowed = remote.path().join("allowed_signers");
    std::fs::write(&allowed, allowed_signers).unwrap();
    remote.on_each_pushed_ref(&format!(
        "for commit in $(git rev-list \"$new\" --not --all); do\n\
         \tgit -c gpg.ssh.allowedSignersFile={} verify-commit \"$commit\" 2>/dev/null || \
         {{ echo \"commit $commit is not signed by a known key\" >&2; exit 1; }}\n\
         done",
        allowed.display()
    ));
    // A teammate's unsigned commit is refused: the hook does what it is there for.
    let clone = remote.clone();
    std::fs::write(clone.path().join("notes.md"), "unsigned\n").unwrap();
    git(clone.path(), &["add", "notes.md"]);
    git(clone.path(), &["-c", "commit.gpgSign=false", "commit", "--quiet", "-m", "Unsigned"]);
    let pushed = Command::new("git")
        .args(["push", "--quiet", "origin", "HEAD:main"])
        .current_dir(clone.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(!pushed.status.success(), "the hook let an unsigned commit in");
    assert!(String::from_utf8_lossy(&pushed.stderr).contains("is not signed by a known key"));
    remote
}

fn add_git_config(debrief: &Debrief, settings: &str) {
    let path = debrief.user_home().join(".gitconfig");
    let mut config = std::fs::read_to_string(&path).unwrap();
    config.push_str(settings);
    std::fs::write(path, config).unwrap();
}

/// Each commit on the remote's branch with git's verdict on its signature (`%G?`: G is a good
/// one) and who signed it, as git reads them with `allowed_signers`.
fn signatures(remote: &BareRemote, allowed_signers: Option<&Path>, gnupg_home: Option<&Path>) -> Vec<String> {
    let mut command = Command::new("git");
    if let Some(allowed) = allowed_signers {
        command.arg("-c").arg(format!("gpg.ssh.allowedSignersFile={}", allowed.display()));
    }
    if let Some(home) = gnupg_home {
        command.env("GNUPGHOME", home);
    }
    let output = command
        .args(["log", "--format=%G? %GS %s", remote.branch()])
        .current_dir(remote.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_string).collect()
}

#[test]
fn with_ssh_signing_a_publish_is_signed_from_a_key_file_an_agent_and_a_default_key_command() {
    let keys = TempDir::new().unwrap();
    let (key, public_key) = key_pair(keys.path(), "signing_ed25519");
    let allowed = format!("robin@example.com namespaces=\"git\" {public_key}\n");
    let remote = remote_taking_only_signed_commits(&allowed);

    // One person names the key file (with `~`, as git reads it).
    let with_file = responder_with_incident();
    std::fs::copy(&key, with_file.user_home().join(".ssh/signing_ed25519")).unwrap();
    add_git_config(
        &with_file,
        "[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = ~/.ssh/signing_ed25519\n",
    );
    with_file.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&with_file, &[]);
    assert_eq!(code, Some(0), "key file: {text}");

    // The other gives the public key inline; the private half is only in an agent.
    let with_agent = Debrief::new();
    with_agent.new_incident("Login errors", "2026-11-23T15:00:00+01:00");
    add_git_config(
        &with_agent,
        &format!("[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = key::{public_key}\n"),
    );
    let agent = Agent::start(&key);
    with_agent.ok(&["remote", "set", &remote.url()]);
    let output = with_agent.command().arg("publish").env("SSH_AUTH_SOCK", &agent.socket).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "agent: {}", String::from_utf8_lossy(&output.stderr));

    // A third names no key: `gpg.ssh.defaultKeyCommand` asks the agent for one, as git's
    // documentation suggests.
    let with_command = Debrief::new();
    with_command.new_incident("Search timeouts", "2026-11-23T16:00:00+01:00");
    add_git_config(
        &with_command,
        "[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[gpg \"ssh\"]\n\tdefaultKeyCommand = ssh-add -L\n",
    );
    with_command.ok(&["remote", "set", &remote.url()]);
    let output = with_command.command().arg("publish").env("SSH_AUTH_SOCK", &agent.socket).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "default key command: {}", String::from_utf8_lossy(&output.stderr));

    let allowed_file = remote.path().join("allowed_signers");
    let verdicts = signatures(&remote, Some(&allowed_file), None);
    assert_eq!(
        verdicts,
        [
            "G robin@example.com Publish post-mortem: Search timeouts",
            "G robin@example.com Publish post-mortem: Login errors",
            "G robin@example.com Publish post-mortem: Checkout latency"
        ]
    );
    assert!(remote.clone().path().join(PATH).exists());
}

#[test]
fn a_key_that_cannot_sign_stops_the_publish_and_says_what_to_fix() {
    let keys = TempDir::new().unwrap();
    let (key, public_key) = key_pair(keys.path(), "signing_ed25519");
    let remote = remote_taking_only_signed_commits(&format!("robin@example.com namespaces=\"git\" {public_key}\n"));
    let debrief = responder_with_incident();
    add_git_config(&debrief, "[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = ~/.ssh/gone\n");
    debrief.ok(&["remote", "set", &remote.url()]);
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("commit.gpgSign") && text.contains("ssh-keygen") && text.contains("everything written is kept"),
        "{text}"
    );
    assert!(signatures(&remote, None, None).is_empty(), "something reached the remote");
    assert!(debrief.ok(&["status"]).contains("Nothing waits to be pushed."));

    // With the key in place, the same publish goes through.
    std::fs::copy(&key, debrief.user_home().join(".ssh/gone")).unwrap();
    let (code, text) = publish(&debrief, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(remote.log(), ["Publish post-mortem: Checkout latency"]);
}

#[test]
fn a_key_that_cannot_sign_leaves_a_live_incident_started_and_its_lines_saved() {
    let remote = BareRemote::new();
    let debrief = Debrief::new();
    add_git_config(&debrief, "[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = ~/.ssh/gone\n");
    debrief.ok(&["remote", "set", &remote.url()]);
    let started = debrief.run(&["new", "Checkout latency", "--at", "2026-11-23T14:00:00+01:00"], None);
    assert_eq!(started.status.code(), Some(0), "{}", String::from_utf8_lossy(&started.stderr));
    assert_eq!(String::from_utf8_lossy(&started.stdout).trim(), "2026-11-23-checkout-latency");
    let said = String::from_utf8_lossy(&started.stderr);
    assert!(said.contains("its lines are not shared yet") && said.contains("commit.gpgSign"), "{said}");
    let logged = debrief.run(&["log", "--at", "2026-11-23T14:02:00+01:00", "error rate at 40%"], None);
    assert_eq!(logged.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&logged.stderr).contains("Saved on this laptop, not shared"));
    assert!(debrief.ok(&["timeline"]).contains("error rate at 40%"));
}

/// `join` again after lines could not be signed: the round that follows the join fails at its
/// push, and the command still says the join and the others' lines, with why its own wait.
#[test]
fn a_key_that_cannot_sign_leaves_a_joined_incident_joined_with_the_others_lines() {
    let remote = BareRemote::new();
    let [ana, bo, _] = three_people();
    for person in [&ana, &bo] {
        person.ok(&["remote", "set", &remote.url()]);
    }
    let id = ana.ok(&["new", "Checkout latency", "--at", "2026-11-23T14:00:00+01:00"]).trim().to_string();
    bo.ok(&["join", &id]);
    add_git_config(&bo, "[commit]\n\tgpgSign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningKey = ~/.ssh/gone\n");
    bo.ok(&["log", "--at", "2026-11-23T14:03:00+01:00", "restarted the pool"]);
    ana.ok(&["log", "--at", "2026-11-23T14:02:00+01:00", "error rate at 40%"]);
    let joined = bo.run(&["join", &id], None);
    let said = String::from_utf8_lossy(&joined.stderr);
    assert_eq!(joined.status.code(), Some(0), "{said}");
    assert!(String::from_utf8_lossy(&joined.stdout).contains(&format!("Joined {id}")));
    assert!(said.contains("lines are not shared yet") && said.contains("commit.gpgSign"), "{said}");
    let timeline = bo.ok(&["timeline"]);
    assert!(timeline.contains("error rate at 40%") && timeline.contains("restarted the pool"), "{timeline}");
    // A script reading the JSON is told the same, not handed a round that looks empty.
    let round = bo.json(&["join", &id, "--format", "json"]);
    assert!(round["not_shared"].as_str().is_some_and(|why| why.contains("commit.gpgSign")), "{round}");
    assert_eq!((round["incident"].as_str(), round["unshared"].as_u64()), (Some(id.as_str()), Some(1)), "{round}");
}

/// A GnuPG home of its own, whose agent (which gpg starts on first use) is stopped when
/// the test ends.
struct GnupgHome {
    dir: TempDir,
}

impl GnupgHome {
    /// One holding a new signing key for `user`, without a passphrase.
    fn with_key_for(user: &str) -> GnupgHome {
        let home = GnupgHome { dir: TempDir::new().unwrap() };
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        let made = Command::new("gpg")
            .args(["--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase", ""])
            .args(["--quick-generate-key", user, "ed25519", "sign", "never"])
            .env("GNUPGHOME", home.path())
            .output()
            .expect("gpg runs (./run-tests installs gnupg)");
        assert!(made.status.success(), "gpg made no key: {}", String::from_utf8_lossy(&made.stderr));
        home
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for GnupgHome {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf").args(["--kill", "all"]).env("GNUPGHOME", self.path()).status();
    }
}

#[test]
fn with_openpgp_signing_a_publish_is_signed_by_the_committer_s_key() {
    let gnupg = GnupgHome::with_key_for("Robin Responder <robin@example.com>");
    let remote = BareRemote::new();
    let debrief = responder_with_incident();
    // No user.signingKey: gpg picks the key by the committer, as it does for `git commit -S`.
    add_git_config(&debrief, "[commit]\n\tgpgSign = true\n");
    debrief.ok(&["remote", "set", &remote.url()]);
    let output = debrief.command().arg("publish").env("GNUPGHOME", gnupg.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let verdicts = signatures(&remote, None, Some(gnupg.path()));
    assert_eq!(verdicts, ["G Robin Responder <robin@example.com> Publish post-mortem: Checkout latency"]);
    let verified = Command::new("git")
        .args(["verify-commit", remote.branch()])
        .current_dir(remote.path())
        .env("GNUPGHOME", gnupg.path())
        .output()
        .unwrap();
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
}
