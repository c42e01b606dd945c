//! Bad luck and bad actors: a full disk, a shared repository that tries to run
//! code on the laptop, and credentials that must never leak.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::remotes::{BareRemote, SshServer, free_port, git, key_pair};
use crate::util::{Debrief, one_line};

/// A small tmpfs mounted for one test, unmounted when it ends.
struct TinyDisk {
    dir: TempDir,
}

impl TinyDisk {
    /// `None`, with the reason printed, where this machine does not let the test mount.
    fn mount(size: &str) -> Option<TinyDisk> {
        let dir = TempDir::new().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("skipped: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
            return None;
        }
        Some(TinyDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file until the disk is full; returns it, to free the space later.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 64 * 1024];
        while std::io::Write::write_all(&mut file, &block).is_ok() {}
        // What is left is smaller than a block: take that too.
        while std::io::Write::write_all(&mut file, &[0u8; 512]).is_ok() {}
        filler
    }
}

impl TinyDisk {
    /// Fills the disk but for `room` kibibytes; returns the filler, to free the space later.
    fn fill_leaving(&self, room: u64) -> PathBuf {
        let filler = self.fill();
        let file = std::fs::OpenOptions::new().write(true).open(&filler).unwrap();
        let size = file.metadata().unwrap().len();
        file.set_len(size.saturating_sub(room * 1024)).unwrap();
        filler
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_is_reported_and_what_was_saved_stays_intact() {
    let Some(disk) = TinyDisk::mount("4m") else { return };
    let debrief = Debrief::new();
    let data = disk.path().join("debrief");
    let data_arg = data.to_str().unwrap();
    let id = debrief.ok(&["--data-dir", data_arg, "new", "Disk pressure"]).trim().to_string();
    for number in 0..20 {
        debrief.ok(&["--data-dir", data_arg, "log", &format!("line {number} before the disk filled up")]);
    }
    let filler = disk.fill();
    let mut refused = None;
    for number in 0..200 {
        let output = debrief
            .run(&["--data-dir", data_arg, "log", &format!("line {number} on a full disk {}", "x".repeat(4000))], None);
        if output.status.code() == Some(2) {
            refused = Some(String::from_utf8_lossy(&output.stderr).into_owned());
            break;
        }
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let refused = refused.expect("a full disk refuses a line at some point");
    let line = one_line(&refused);
    assert!(line.contains("full") && line.contains("NOT saved") && line.contains("intact"), "{line}");
    std::fs::remove_file(filler).unwrap();
    let entries = debrief.json(&["--data-dir", data_arg, "timeline", &id, "--format", "json"]);
    let texts: Vec<&str> = entries.as_array().unwrap().iter().map(|entry| entry["text"].as_str().unwrap()).collect();
    for number in 0..20 {
        assert!(texts.contains(&format!("line {number} before the disk filled up").as_str()));
    }
    let conn = rusqlite::Connection::open(data.join("debrief.sqlite3")).unwrap();
    assert_eq!(conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).unwrap(), "ok");
    debrief.ok(&["--data-dir", data_arg, "log", "space again: saved"]);
}

/// A person whose git runs a hook on every commit and a filter on every checkout, each leaving a
/// canary file: Debrief's copy of the shared repository runs neither, whatever the shared repository
/// asks for. (A repository on this machine that receives a push runs its own hooks, as it does
/// when git pushes to it: it is the server.)
#[test]
fn hooks_and_filters_never_run() {
    let debrief = Debrief::new();
    let canary = debrief.user_home().join("canary");
    let hooks = debrief.user_home().join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in ["pre-commit", "post-commit", "pre-push", "post-checkout", "reference-transaction"] {
        let path = hooks.join(hook);
        std::fs::write(&path, format!("#!/bin/sh\necho \"{hook} in $(pwd)\" >> {}\n", canary.display())).unwrap();
        std::os::unix::fs::PermissionsExt::set_mode(&mut std::fs::metadata(&path).unwrap().permissions(), 0o755);
        Command::new("chmod").arg("755").arg(&path).status().unwrap();
    }
    let gitconfig = format!(
        "[user]\n\tname = Robin Responder\n\temail = robin@example.com\n[core]\n\thooksPath = {}\n\
         [filter \"evil\"]\n\tclean = sh -c 'echo clean >> {canary}; cat'\n\tsmudge = sh -c 'echo smudge >> {canary}; cat'\n\trequired = true\n",
        hooks.display(),
        canary = canary.display()
    );
    std::fs::write(debrief.user_home().join(".gitconfig"), gitconfig).unwrap();
    let remote = BareRemote::new();
    let teammate = TempDir::new().unwrap();
    git(teammate.path(), &["init", "--quiet", "--initial-branch=main", "."]);
    std::fs::create_dir_all(teammate.path().join("incidents")).unwrap();
    std::fs::write(teammate.path().join(".gitattributes"), "* filter=evil\n").unwrap();
    std::fs::write(teammate.path().join("incidents/old.md"), "# An old one\n\nNothing to see.\n").unwrap();
    git(teammate.path(), &["add", "."]);
    git(teammate.path(), &["-c", "core.hooksPath=/dev/null", "commit", "--quiet", "-m", "Trap"]);
    git(teammate.path(), &["push", "--quiet", &remote.url(), "HEAD:main"]);
    debrief.new_incident("Trap check", "2026-11-23T10:00:00Z");
    debrief.ok(&["remote", "set", &remote.url()]);
    assert_eq!(debrief.run(&["publish"], None).status.code(), Some(0));
    debrief.ok(&["sync"]);
    let ran = std::fs::read_to_string(&canary).unwrap_or_default();
    let remote_path = remote.path().canonicalize().unwrap();
    for line in ran.lines() {
        assert!(
            line.starts_with("reference-transaction in ") && line.ends_with(&*remote_path.to_string_lossy()),
            "something ran outside the receiving repository: {ran}"
        );
    }
    assert!(!ran.contains(&*debrief.home().to_string_lossy()), "something ran in Debrief's copy: {ran}");
}

#[test]
fn a_host_key_that_is_not_known_at_all_is_refused() {
    let remote = BareRemote::new();
    let debrief = Debrief::new();
    debrief.new_incident("Unknown host", "2026-11-23T10:00:00Z");
    let (key, public_key) = key_pair(debrief.user_home(), "id_ed25519");
    let ssh = debrief.user_home().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::rename(&key, ssh.join("id_ed25519")).unwrap();
    let Some(server) = SshServer::start(free_port(), &public_key) else { return };
    let error = debrief.error(&["remote", "set", &server.url(remote.path())], None);
    assert!(one_line(&error).contains("not in ~/.ssh/known_hosts"), "{error}");
    let output = debrief.run(&["publish"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(git(remote.path(), &["branch", "--list"]).is_empty());
}

#[test]
fn a_password_never_reaches_the_settings_the_output_or_the_logs() {
    let debrief = Debrief::new();
    let error = debrief.error(&["remote", "set", "https://alex:hunter22@git.example.com/pm.git"], None);
    assert!(error.contains("credential helper") && !error.contains("hunter22"), "{error}");
    assert!(!debrief.home().join("config.toml").exists());
    // Written into the settings by hand anyway: shown redacted everywhere.
    std::fs::write(
        debrief.home().join("config.toml"),
        "[shared_repository]\nurl = \"https://alex:hunter22@127.0.0.1:9/pm.git\"\n",
    )
    .unwrap();
    debrief.new_incident("Leak check", "2026-11-23T10:00:00Z");
    let mut seen = String::new();
    for args in [&["config"][..], &["remote", "show"], &["publish"], &["status"], &["sync"]] {
        let output = debrief.run(args, None);
        seen.push_str(&String::from_utf8_lossy(&output.stdout));
        seen.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    for log in std::fs::read_dir(debrief.home().join("logs")).unwrap().flatten() {
        seen.push_str(&std::fs::read_to_string(log.path()).unwrap());
    }
    assert!(seen.contains("alex:***@"), "the URL is shown, redacted: {seen}");
    assert!(!seen.contains("hunter22"), "{seen}");
}

#[test]
fn an_import_stopped_by_a_full_disk_says_how_many_lines_were_kept_and_a_rerun_carries_on() {
    let Some(disk) = TinyDisk::mount("24m") else { return };
    let debrief = Debrief::new();
    let data = disk.path().join("debrief");
    let data_arg = data.to_str().unwrap();
    debrief.ok(&["--data-dir", data_arg, "new", "Broker lag", "--at", "2026-11-23T09:00:00Z"]);
    let log = debrief.user_home().join("ops.log");
    let start = chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    let lines: String = (0..12_000)
        .map(|number| {
            let at = start + chrono::Duration::seconds(number);
            format!(
                "{} <ops> line {number}: {}\n",
                at.format("%H:%M:%S"),
                "the consumer lag grew while the broker rebalanced ".repeat(3)
            )
        })
        .collect();
    std::fs::write(&log, lines).unwrap();
    // Room for the first batch of lines, not for all of them.
    let filler = disk.fill_leaving(4000);
    let args = ["--data-dir", data_arg, "import", "log", log.to_str().unwrap(), "--date", "2026-11-23"];
    let stopped = debrief.error(&args, None);
    let line = one_line(&stopped);
    let kept: usize = line
        .split("The ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|number| number.parse().ok())
        .unwrap_or_else(|| panic!("no count of kept lines: {line}"));
    assert!(kept > 0 && kept < 12_000, "{line}");
    assert!(line.contains("filled up") && line.contains("are kept") && line.contains("import again"), "{line}");
    let timeline = debrief.json(&["--data-dir", data_arg, "timeline", "--format", "json"]);
    assert_eq!(timeline.as_array().unwrap().len(), kept, "the lines said to be kept are in the timeline");
    std::fs::remove_file(filler).unwrap();
    let carried_on = debrief.ok(&args);
    assert!(carried_on.contains(&format!("{} lines already there", kept)), "{carried_on}");
    let timeline = debrief.json(&["--data-dir", data_arg, "timeline", "--format", "json"]);
    assert_eq!(timeline.as_array().unwrap().len(), 12_000);
}
