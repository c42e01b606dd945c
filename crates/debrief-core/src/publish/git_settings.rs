//! git's settings for Debrief's copy of the shared repository, read as git itself reads them.
//!
//! Who a commit is by and how it is signed come from the person's git settings. libgit2 reads
//! the files, but not every condition git puts on an include: `includeIf
//! "hasconfig:remote.*.url:..."`, the way people with a work and a personal identity pick one by
//! the repository's address, is git's alone. Where git is installed, its own answer is taken
//! (`git config --list`, which applies every include); libgit2's otherwise. Debrief's copy
//! names the shared repository as its `origin` (see `SharedRepo::open`), so that such a
//! condition meets the same address as in the person's own clone.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

use git2::Repository;

use super::remote::git_program;

pub enum GitSettings {
    /// Every setting as `git config --list` gave it, by its name with the section and the
    /// key in lower case (the last value of a name wins, as in git).
    FromGit(HashMap<String, Option<String>>),
    FromLibgit2(git2::Config),
}

impl GitSettings {
    /// The settings in effect for `repo`: git's answer where git runs, else libgit2's reading.
    pub fn of(repo: &Repository) -> Result<GitSettings, git2::Error> {
        if let Some(listed) = git_program().and_then(|git| listed_by_git(git, repo.path())) {
            return Ok(GitSettings::FromGit(listed));
        }
        repo.config().map(GitSettings::FromLibgit2)
    }

    /// A setting's text; `None` when it is not set, or set to nothing.
    pub fn string(&self, name: &str) -> Option<String> {
        let value = match self {
            GitSettings::FromGit(listed) => listed.get(&canonical(name))?.clone()?,
            GitSettings::FromLibgit2(config) => config.get_string(name).ok()?,
        };
        (!value.is_empty()).then_some(value)
    }

    /// A yes-or-no setting as git reads one (a name alone is yes); `Err` with git's words for a
    /// value that is neither.
    pub fn bool(&self, name: &str) -> Result<Option<bool>, String> {
        match self {
            GitSettings::FromGit(listed) => match listed.get(&canonical(name)) {
                None => Ok(None),
                Some(None) => Ok(Some(true)),
                Some(Some(value)) => match value.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "on" | "1" => Ok(Some(true)),
                    "false" | "no" | "off" | "0" | "" => Ok(Some(false)),
                    _ => Err(format!("bad boolean config value '{value}' for '{name}'")),
                },
            },
            GitSettings::FromLibgit2(config) => match config.get_bool(name) {
                Ok(value) => Ok(Some(value)),
                Err(error) if error.code() == git2::ErrorCode::NotFound => Ok(None),
                Err(error) => Err(error.message().to_string()),
            },
        }
    }
}

/// `section.subsection.key` as git lists it: the section and the key in lower case, the
/// subsection as written.
fn canonical(name: &str) -> String {
    let (section, rest) = name.split_once('.').unwrap_or((name, ""));
    match rest.rsplit_once('.') {
        Some((subsection, key)) => format!("{}.{subsection}.{}", section.to_lowercase(), key.to_lowercase()),
        None => format!("{}.{}", section.to_lowercase(), rest.to_lowercase()),
    }
}

/// `git config --list -z` for the repository at `git_dir`: each entry is the name, then a line
/// break and the value, or the name alone for a setting written without `=`.
fn listed_by_git(git: &Path, git_dir: &Path) -> Option<HashMap<String, Option<String>>> {
    let mut command = Command::new(git);
    command.arg("--git-dir").arg(git_dir).args(["config", "--list", "-z"]).stdin(Stdio::null()).stderr(Stdio::null());
    for variable in super::remote::REPOSITORY_VARIABLES {
        command.env_remove(variable);
    }
    let output = command.output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut listed = HashMap::new();
    for entry in text.split('\0').filter(|entry| !entry.is_empty()) {
        match entry.split_once('\n') {
            Some((name, value)) => listed.insert(name.to_string(), Some(value.to_string())),
            None => listed.insert(entry.to_string(), None),
        };
    }
    Some(listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_looked_up_as_git_lists_them() {
        assert_eq!(canonical("commit.gpgSign"), "commit.gpgsign");
        assert_eq!(canonical("gpg.ssh.defaultKeyCommand"), "gpg.ssh.defaultkeycommand");
        assert_eq!(canonical("includeIf.gitdir:~/Work/.path"), "includeif.gitdir:~/Work/.path");
        assert_eq!(canonical("User.Name"), "user.name");
    }

    #[test]
    fn yes_and_no_are_read_as_git_reads_them() {
        let listed = |value: Option<&str>| {
            GitSettings::FromGit(HashMap::from([("commit.gpgsign".to_string(), value.map(str::to_string))]))
        };
        assert_eq!(listed(None).bool("commit.gpgSign"), Ok(Some(true)), "a name alone");
        assert_eq!(listed(Some("")).bool("commit.gpgSign"), Ok(Some(false)), "set to nothing");
        assert_eq!(listed(Some("Yes")).bool("commit.gpgSign"), Ok(Some(true)));
        assert_eq!(listed(Some("off")).bool("commit.gpgSign"), Ok(Some(false)));
        assert!(listed(Some("maybe")).bool("commit.gpgSign").is_err());
        assert_eq!(listed(Some("x")).bool("user.name"), Ok(None));
        assert_eq!(listed(Some("")).string("commit.gpgSign"), None);
    }
}
