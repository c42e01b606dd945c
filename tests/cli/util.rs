//! Small helpers: a temporary Debrief home and ways to run the binary in it.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

pub const BINARY: &str = env!("CARGO_BIN_EXE_debrief");

/// A zone with daylight saving, so offsets in output are never silently UTC.
pub const ZONE: &str = "Europe/Berlin";

/// A person using Debrief: a data directory, and a home directory of their own
/// (git identity, `~/.ssh`), so nothing on the machine running the tests leaks in.
pub struct Debrief {
    home: TempDir,
    user_home: TempDir,
}

impl Debrief {
    pub fn new() -> Debrief {
        let user_home = TempDir::new().expect("temporary directory");
        let home = user_home.path().display();
        // OpenSSH finds ~/.ssh through the system's user database, not $HOME: git's core.sshCommand
        // points it at this person's own ssh config, which names their keys and known hosts.
        std::fs::write(
            user_home.path().join(".gitconfig"),
            format!(
                "[user]\n\tname = Robin Responder\n\temail = robin@example.com\n\
                 [core]\n\tsshCommand = ssh -F {home}/.ssh/config\n"
            ),
        )
        .expect("git identity");
        std::fs::create_dir_all(user_home.path().join(".ssh")).expect("~/.ssh");
        std::fs::write(
            user_home.path().join(".ssh/config"),
            format!(
                "Host *\n\tUserKnownHostsFile {home}/.ssh/known_hosts\n\tIdentityFile {home}/.ssh/id_ed25519\n\
                 \tIdentityFile {home}/.ssh/id_ecdsa\n\tIdentityFile {home}/.ssh/id_rsa\n"
            ),
        )
        .expect("ssh config");
        Debrief { home: TempDir::new().expect("temporary directory"), user_home }
    }

    /// The data directory (`DEBRIEF_HOME`).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The person's `$HOME`.
    pub fn user_home(&self) -> &Path {
        self.user_home.path()
    }

    pub fn database(&self) -> PathBuf {
        self.home().join("debrief.sqlite3")
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(BINARY);
        command
            .env("DEBRIEF_HOME", self.home())
            .env("HOME", self.user_home())
            .env("TZ", ZONE)
            .env_remove("XDG_CONFIG_HOME")
            // Only this person's git and ssh settings count, not the machine's running the tests.
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_SSL_CAINFO")
            .env_remove("GIT_SSL_CAPATH")
            .env_remove("GIT_SSH_COMMAND")
            .env_remove("GIT_SSH")
            .env_remove("GIT_ASKPASS")
            .env_remove("SSH_ASKPASS")
            .env_remove("SSH_AUTH_SOCK")
            .env_remove("NO_COLOR")
            .env_remove("DEBRIEF_LOG")
            // Live incidents share every fifth of a second, so tests wait for states, not seconds.
            .env("DEBRIEF_LIVE_MILLISECONDS", "200");
        command
    }

    pub fn run(&self, args: &[&str], stdin: Option<&[u8]>) -> Output {
        let mut child = self
            .command()
            .args(args)
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("debrief runs");
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().expect("stdin");
            // The command may refuse the input before reading all of it.
            let _ = pipe.write_all(input);
        }
        child.wait_with_output().expect("debrief finishes")
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with_stdin(args, None)
    }

    pub fn ok_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> String {
        let output = self.run(args, stdin);
        assert!(
            output.status.success(),
            "debrief {args:?} failed with {:?}: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    /// Runs a command that must fail with exit status 2 and returns its one-line error.
    pub fn error(&self, args: &[&str], stdin: Option<&[u8]>) -> String {
        let output = self.run(args, stdin);
        let stderr = String::from_utf8(output.stderr).expect("UTF-8 error");
        assert_eq!(output.status.code(), Some(2), "debrief {args:?} should fail with 2; stderr: {stderr}");
        stderr
    }

    pub fn new_incident(&self, title: &str, at: &str) -> String {
        self.ok(&["new", title, "--at", at]).trim().to_string()
    }

    pub fn timeline(&self, incident: &str) -> Vec<serde_json::Value> {
        self.json(&["timeline", incident, "--format", "json"]).as_array().expect("array").clone()
    }

    pub fn texts(&self, incident: &str) -> Vec<String> {
        self.timeline(incident).iter().map(|entry| entry["text"].as_str().expect("text").to_string()).collect()
    }
}

/// Runs a command to its end and returns its output with the most memory it held at once (its
/// peak resident set, in MiB), read from the system's accounting of that one process. Its
/// standard input is what the command was given (the caller sets it).
// The child is reaped by wait4, which is what reports its peak; `Child::wait` would only fail after it.
#[allow(clippy::zombie_processes)]
pub fn run_measuring_peak(command: &mut Command) -> (Output, u64) {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut bytes);
        bytes
    });
    let pid = i32::try_from(child.id()).expect("a process id");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid, and wait4 fills it for the child it reaps.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is this process's own child, not reaped yet; both pointers are valid.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 failed");
    let status = std::os::unix::process::ExitStatusExt::from_raw(status);
    let output = Output { status, stdout: out.join().expect("stdout"), stderr: err.join().expect("stderr") };
    (output, u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024)
}

/// The first line of an error message; asserts there is only one. The line naming the incident a
/// command picked by itself ("Using incident ...") is not part of the error.
pub fn one_line(stderr: &str) -> &str {
    let lines: Vec<&str> =
        stderr.lines().filter(|line| !line.trim().is_empty() && !line.starts_with("Using incident ")).collect();
    let usage_hint = lines.iter().any(|line| line.starts_with("For more information"));
    assert!(lines.len() == 1 || (usage_hint && lines.len() == 2), "expected one error line, got: {stderr}");
    lines[0]
}

/// Whether text has a full timestamp with date and offset, as every displayed time must.
pub fn has_dated_time(text: &str) -> bool {
    text.split_whitespace().collect::<Vec<_>>().windows(3).any(|words| {
        chrono::NaiveDate::parse_from_str(words[0], "%Y-%m-%d").is_ok()
            && chrono::NaiveTime::parse_from_str(words[1], "%H:%M:%S").is_ok()
            && (words[2].starts_with('+') || words[2].starts_with('-'))
            && words[2].len() == 6
    })
}

/// Kills `child` with SIGKILL after a random moment of up to `max_micros`, and reaps it.
/// `salt` keeps moments apart when rounds start within the same clock tick.
pub fn kill_at_random(mut child: Child, max_micros: u64, salt: usize) {
    let moment = RandomState::new().hash_one((SystemTime::now(), salt)) % max_micros;
    std::thread::sleep(Duration::from_micros(moment));
    let _ = child.kill();
    let _ = child.wait();
}

impl Debrief {
    /// Runs `debrief capture --format json` on incident `id`, feeds it up to `lines`
    /// lines ("round R line N"), kills it at a random moment within `max_micros`, and
    /// returns the texts it acknowledged before it died. Every line on its standard
    /// output must be a whole JSON acknowledgement, even when the kill lands mid-write.
    pub fn capture_until_killed(&self, id: &str, round: usize, lines: usize, max_micros: u64) -> Vec<String> {
        self.capture_named_until_killed(id, &format!("round {round}"), round, lines, max_micros)
    }

    /// [`Debrief::capture_until_killed`] with lines named "PREFIX line N".
    pub fn capture_named_until_killed(
        &self,
        id: &str,
        prefix: &str,
        round: usize,
        lines: usize,
        max_micros: u64,
    ) -> Vec<String> {
        let prefix = prefix.to_string();
        let mut child = self
            .command()
            .args(["capture", "--incident", id, "--format", "json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("capture starts");
        let mut stdin = child.stdin.take().expect("piped stdin");
        let writer = std::thread::spawn(move || {
            for line in 0..lines {
                if writeln!(stdin, "{prefix} line {line}").is_err() {
                    break;
                }
            }
        });
        let stdout = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .map(|line| {
                    let ack: serde_json::Value = serde_json::from_str(&line).expect("ack is JSON");
                    ack["text"].as_str().expect("ack has the line's text").to_string()
                })
                .collect::<Vec<_>>()
        });
        kill_at_random(child, max_micros, round);
        writer.join().expect("writer thread");
        reader.join().expect("reader thread")
    }
}

/// A program from a Debian package that a test checks Debrief's output with, or `None` (with
/// the reason printed, so a skipped check is seen) when it is not installed. `./run-tests`
/// installs them all.
pub fn installed_tool(program: &str, package: &str, test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|directory| directory.join(program))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        eprintln!("skipped {test}: {program} is not installed (Debian package {package})");
    }
    found
}

/// Debian's own Python 3 when it has the given modules (name, Debian package), else `None`
/// with the reason printed. Debian's is preferred: a `python3` earlier on PATH (pyenv, a
/// virtualenv) does not see the modules Debian's packages install.
pub fn python_with(modules: &[(&str, &str)], test: &str) -> Option<PathBuf> {
    let python = [PathBuf::from("/usr/bin/python3"), PathBuf::from("python3")]
        .into_iter()
        .find(|python| Command::new(python).arg("--version").output().is_ok_and(|output| output.status.success()));
    let Some(python) = python else {
        eprintln!("skipped {test}: python3 is not installed (Debian package python3)");
        return None;
    };
    for (module, package) in modules {
        let imported = Command::new(&python).args(["-c", &format!("import {module}")]).output();
        if !imported.is_ok_and(|output| output.status.success()) {
            eprintln!("skipped {test}: the Python module {module} is not installed (Debian package {package})");
            return None;
        }
    }
    Some(python)
}

/// Runs a checking tool with `input` on its standard input; its standard output, or a panic
/// with its errors.
pub fn run_tool(command: &mut Command, input: &[u8]) -> String {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("{command:?} starts: {error}"));
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = {
        let input = input.to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    };
    let output = child.wait_with_output().expect("the tool finishes");
    writer.join().expect("writer thread").expect("the tool reads its input");
    assert!(
        output.status.success(),
        "{command:?} failed with {:?}: {}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}
