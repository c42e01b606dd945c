//! Commits signed the way the person's own git signs them. A team whose git host takes
//! only signed commits (a protected branch, a pre-receive hook) takes Debrief's publishes
//! only if Debrief reads `commit.gpgSign`, `gpg.format`, `user.signingKey`, the signing
//! programs and `gpg.ssh.defaultKeyCommand` as git does and runs those programs as git
//! runs them; someone who does not sign gets unsigned commits, as from `git commit`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use git2::{Repository, Signature};

use super::git_settings::GitSettings;
use crate::{Error, Result};

/// How git is set to sign the commits made in a repository (its own configuration and
/// the person's global one).
pub enum Signer {
    /// `gpg.format` openpgp (gpg) or x509 (gpgsm): the key given, else the committer.
    Gpg { program: String, key: Option<String> },
    /// `gpg.format` ssh: a key file, a literal public key held by an agent, or what
    /// `gpg.ssh.defaultKeyCommand` prints.
    Ssh { program: String, key: Option<String>, default_key_command: Option<String> },
}

impl Signer {
    /// `None` when git does not sign the repository's commits.
    pub fn of(repo: &Repository) -> Result<Option<Signer>> {
        let settings = GitSettings::of(repo).map_err(|source| unreadable(source.message()))?;
        let string = |name: &str| settings.string(name);
        let signs = settings.bool("commit.gpgSign").map_err(|detail| unreadable(&detail))?.unwrap_or(false);
        if !signs {
            return Ok(None);
        }
        let key = string("user.signingKey");
        let signer = match string("gpg.format").as_deref().unwrap_or("openpgp") {
            "openpgp" => {
                let program = string("gpg.openpgp.program").or_else(|| string("gpg.program"));
                Signer::Gpg { program: program.unwrap_or_else(|| "gpg".into()), key }
            }
            "x509" => Signer::Gpg { program: string("gpg.x509.program").unwrap_or_else(|| "gpgsm".into()), key },
            "ssh" => Signer::Ssh {
                program: string("gpg.ssh.program").unwrap_or_else(|| "ssh-keygen".into()),
                key,
                default_key_command: string("gpg.ssh.defaultKeyCommand"),
            },
            other => {
                return Err(Error::Signing {
                    program: "git".into(),
                    detail: format!("gpg.format is `{other}`, which git does not know (openpgp, x509 or ssh)"),
                });
            }
        };
        Ok(Some(signer))
    }

    /// The detached signature of a commit's `buffer`.
    pub fn sign(&self, buffer: &str, committer: &Signature<'_>) -> Result<String> {
        match self {
            Signer::Gpg { program, key } => {
                let committer_key =
                    || format!("{} <{}>", committer.name().unwrap_or_default(), committer.email().unwrap_or_default());
                let key = key.clone().unwrap_or_else(committer_key);
                sign_with_gpg(program, &key, buffer)
            }
            Signer::Ssh { program, key, default_key_command } => {
                let key = match key {
                    Some(key) => key.clone(),
                    None => default_ssh_key(program, default_key_command.as_deref())?,
                };
                sign_with_ssh(program, &key, buffer)
            }
        }
    }
}

fn unreadable(detail: &str) -> Error {
    Error::Signing { program: "git".into(), detail: format!("its settings for signing cannot be read ({detail})") }
}

/// `gpg --status-fd=2 -bsau KEY`, the buffer on standard input: git's own call, so gpg-agent,
/// pinentry and smart cards behave as they do for `git commit -S`.
fn sign_with_gpg(program: &str, key: &str, buffer: &str) -> Result<String> {
    let output = run(Command::new(program).args(["--status-fd=2", "-bsau", key]), Some(buffer.as_bytes()), program)?;
    let status = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || !status.contains("[GNUPG:] SIG_CREATED ") {
        return Err(Error::Signing { program: program.into(), detail: last_lines(&status) });
    }
    let signature = String::from_utf8(output.stdout)
        .map_err(|_| Error::Signing { program: program.into(), detail: "its signature was not text".into() })?;
    Ok(signature.replace("\r\n", "\n"))
}

/// A public key written inline (`key::ssh-ed25519 AAAA...`, or an old-style bare
/// `ssh-...`), which ssh-keygen signs with through the agent.
fn literal_ssh_key(key: &str) -> Option<&str> {
    key.strip_prefix("key::").or_else(|| key.starts_with("ssh-").then_some(key))
}

/// The first literal key `gpg.ssh.defaultKeyCommand` prints, as git takes it.
fn default_ssh_key(program: &str, command: Option<&str>) -> Result<String> {
    let missing = || Error::Signing {
        program: program.into(),
        detail: "neither user.signingKey nor gpg.ssh.defaultKeyCommand names an SSH key to sign with".into(),
    };
    let command = command.ok_or_else(missing)?;
    let mut words = command.split_whitespace();
    let name = words.next().ok_or_else(missing)?;
    let output = run(Command::new(name).args(words), None, name)?;
    let printed = String::from_utf8_lossy(&output.stdout);
    let key = printed.lines().map(str::trim).find(|line| literal_ssh_key(line).is_some());
    match key {
        Some(key) if output.status.success() => Ok(key.to_string()),
        _ => Err(Error::Signing {
            program: name.into(),
            detail: format!(
                "gpg.ssh.defaultKeyCommand `{command}` gave no key{}",
                if output.stderr.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", last_lines(&String::from_utf8_lossy(&output.stderr)))
                }
            ),
        }),
    }
}

/// `ssh-keygen -Y sign -n git -f KEY [-U] FILE`, git's own call: a literal key is written to
/// a file of its own and signed with through the agent (`-U`); a path is the key file.
fn sign_with_ssh(program: &str, key: &str, buffer: &str) -> Result<String> {
    let scratch = Scratch::new(program)?;
    let (key_file, from_agent) = match literal_ssh_key(key) {
        Some(literal) => (scratch.write("signing-key.pub", literal)?, true),
        None => (home_expanded(key), false),
    };
    let buffer_file = scratch.write("commit", buffer)?;
    let mut command = Command::new(program);
    command.args(["-Y", "sign", "-n", "git", "-f"]).arg(&key_file);
    if from_agent {
        command.arg("-U");
    }
    let output = run(command.arg(&buffer_file), None, program)?;
    let failed = |detail: String| Error::Signing { program: program.into(), detail };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("usage:") {
            return Err(failed("signing with SSH needs OpenSSH 8.2 or later (`ssh-keygen -Y sign`)".into()));
        }
        return Err(failed(last_lines(&stderr)));
    }
    let mut signature_file = buffer_file.into_os_string();
    signature_file.push(".sig");
    let signature =
        std::fs::read_to_string(&signature_file).map_err(|error| failed(format!("it wrote no signature ({error})")))?;
    Ok(signature.replace("\r\n", "\n"))
}

/// `~/` at the start of a key's path is the person's home directory, as git reads it.
fn home_expanded(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Runs a signing program, with `input` on its standard input when given.
fn run(command: &mut Command, input: Option<&[u8]>, program: &str) -> Result<Output> {
    let cannot_run = |error: std::io::Error| Error::Signing {
        program: program.into(),
        detail: format!("it cannot be run ({error})"),
    };
    let mut child = command
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(cannot_run)?;
    // Written from a thread of its own, so that a signer answering before it has read
    // everything cannot leave both sides waiting on a full pipe.
    let stdin = child.stdin.take();
    std::thread::scope(|scope| {
        if let (Some(mut stdin), Some(input)) = (stdin, input) {
            scope.spawn(move || {
                // A signer that stops reading fails on its own, and says why on stderr.
                let _ = stdin.write_all(input);
            });
        }
        child.wait_with_output().map_err(cannot_run)
    })
}

/// The end of what a signer printed, without gpg's status lines: enough to say why.
fn last_lines(stderr: &str) -> String {
    let lines: Vec<&str> =
        stderr.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with("[GNUPG:]")).collect();
    match lines.len() {
        0 => "it gave no reason".into(),
        count => lines[count.saturating_sub(3)..].join("; "),
    }
}

/// A directory of its own for the files ssh-keygen signs, removed afterwards.
struct Scratch {
    directory: PathBuf,
}

impl Scratch {
    fn new(program: &str) -> Result<Scratch> {
        let directory = std::env::temp_dir().join(format!("debrief-signing-{}", crate::id::random_hex(8)));
        std::fs::create_dir(&directory).map_err(|error| Error::Signing {
            program: program.into(),
            detail: format!("no room for the commit to sign in {} ({error})", directory.display()),
        })?;
        Ok(Scratch { directory })
    }

    fn write(&self, name: &str, content: &str) -> Result<PathBuf> {
        let path = self.directory.join(name);
        std::fs::write(&path, content).map_err(|error| Error::Signing {
            program: "git".into(),
            detail: format!("cannot write {} ({error})", path.display()),
        })?;
        Ok(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.directory);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository whose own configuration holds `settings` (git's `-c`-style pairs).
    fn repository_with(settings: &[(&str, &str)]) -> (tempfile::TempDir, Repository) {
        let dir = tempfile::TempDir::new().expect("temporary directory");
        let repo = Repository::init_bare(dir.path()).expect("bare repository");
        let mut config = repo.config().expect("config").open_level(git2::ConfigLevel::Local).expect("local config");
        for (name, value) in settings {
            config.set_str(name, value).expect("setting written");
        }
        (dir, repo)
    }

    fn signer(settings: &[(&str, &str)]) -> Result<Option<Signer>> {
        let (_dir, repo) = repository_with(settings);
        Signer::of(&repo)
    }

    #[test]
    fn each_format_signs_with_its_own_program_as_git_reads_the_settings() {
        assert!(matches!(signer(&[("commit.gpgSign", "false"), ("gpg.format", "ssh")]), Ok(None)));
        assert!(matches!(
            signer(&[("commit.gpgSign", "true"), ("gpg.format", "openpgp")]),
            Ok(Some(Signer::Gpg { program, key: None })) if program == "gpg"
        ));
        assert!(matches!(
            signer(&[("commit.gpgsign", "yes"), ("gpg.program", "/opt/gpg2"), ("user.signingkey", "ABC123")]),
            Ok(Some(Signer::Gpg { program, key: Some(key) })) if program == "/opt/gpg2" && key == "ABC123"
        ));
        assert!(matches!(
            signer(&[("commit.gpgSign", "true"), ("gpg.format", "x509")]),
            Ok(Some(Signer::Gpg { program, .. })) if program == "gpgsm"
        ));
        assert!(matches!(
            signer(&[("commit.gpgSign", "true"), ("gpg.format", "ssh"), ("gpg.ssh.defaultKeyCommand", "ssh-add -L")]),
            Ok(Some(Signer::Ssh { program, key: None, default_key_command: Some(command) }))
                if program == "ssh-keygen" && command == "ssh-add -L"
        ));
        let unknown = signer(&[("commit.gpgSign", "true"), ("gpg.format", "pgp")]);
        assert!(matches!(unknown, Err(Error::Signing { detail, .. }) if detail.contains("`pgp`")));
        let unreadable = signer(&[("commit.gpgSign", "maybe")]);
        assert!(matches!(unreadable, Err(Error::Signing { detail, .. }) if detail.contains("cannot be read")));
    }

    #[test]
    fn literal_keys_are_told_from_key_files_as_git_tells_them() {
        assert_eq!(literal_ssh_key("key::ssh-ed25519 AAAAC3 robin"), Some("ssh-ed25519 AAAAC3 robin"));
        assert_eq!(literal_ssh_key("ssh-ed25519 AAAAC3"), Some("ssh-ed25519 AAAAC3"));
        assert_eq!(literal_ssh_key("~/.ssh/id_ed25519.pub"), None);
        assert_eq!(literal_ssh_key("/home/robin/.ssh/ssh-key"), None);
    }

    #[test]
    fn a_signer_s_reason_is_its_last_words_without_gpg_status_lines() {
        let stderr = "[GNUPG:] KEY_CONSIDERED ABC 2\ngpg: skipped \"nobody\": No secret key\n[GNUPG:] INV_SGNR 9 nobody\ngpg: signing failed: No secret key\n";
        assert_eq!(last_lines(stderr), "gpg: skipped \"nobody\": No secret key; gpg: signing failed: No secret key");
        assert_eq!(last_lines(""), "it gave no reason");
    }
}
