//! Debrief's settings: one commented TOML file in the data directory, with the
//! defaults (and their explanations) embedded in the binary.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

pub const CONFIG_FILE: &str = "config.toml";

/// Where post-mortems are looked for in the shared repository when the settings name no folders:
/// a folder named for them at any depth, as documentation sites nest it (`docs/`, Hugo's
/// `content/`, Middleman's `source/`, a monorepo's `runbooks/source/`), Jekyll's `_posts/` (in
/// any folder, as Jekyll reads them), and
/// `*.md`, the top folder of a repository that holds only post-mortems, where a file counts only
/// when it reads like one (see [`crate::index`]).
pub const DEFAULT_POSTMORTEM_PATHS: &[&str] = &[
    "**/incidents/**",
    "**/postmortems/**",
    "**/post-mortems/**",
    "**/postmortem/**",
    "**/post-mortem/**",
    "**/incident-reports/**",
    "**/incident-reviews/**",
    "**/post-incident-reviews/**",
    "**/outages/**",
    "**/rca/**",
    "**/rcas/**",
    "**/_posts/**",
    "*.md",
];

/// The commented default file, written out the first time a setting is changed.
pub const DEFAULT_CONFIG: &str = include_str!("../../../assets/config.toml");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub identity: Identity,
    pub shared_repository: SharedRepository,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Identity {
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SharedRepository {
    pub url: Option<String>,
    /// The branch to publish to; `None` follows the repository's own default branch (its HEAD).
    pub branch: Option<String>,
    pub push_attempts: u32,
    /// How long a fetch or push may hear nothing from the repository before it is given up
    /// (the publish then waits in the queue); a whole fetch or push may take ten times this.
    pub network_timeout_seconds: u64,
    /// Where post-mortems are in the repository, as globs (`**` is any number of folders).
    pub postmortem_paths: Vec<String>,
}

impl Default for SharedRepository {
    fn default() -> SharedRepository {
        SharedRepository {
            url: None,
            branch: None,
            push_attempts: 3,
            network_timeout_seconds: 30,
            postmortem_paths: DEFAULT_POSTMORTEM_PATHS.iter().map(|pattern| pattern.to_string()).collect(),
        }
    }
}

/// Whether git would read `url` as a path relative to the folder it runs in (`../pm.git`,
/// `shared/pm.git`, `~/pm.git` unexpanded): neither absolute, nor a URL with a scheme, nor
/// scp-like `host:path` (a colon before any slash).
pub fn is_relative_path(url: &str) -> bool {
    let scp_like = url.find(':').is_some_and(|colon| url.find('/').is_none_or(|slash| colon < slash));
    !url.starts_with('/') && !url.contains("://") && !scp_like
}

impl Config {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(CONFIG_FILE)
    }

    /// The settings in effect: the file's, over the defaults. A missing file means all defaults.
    pub fn load(data_dir: &Path) -> Result<Config> {
        let path = Config::path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => return Err(config_error(&path, source.to_string())),
        };
        let mut config: Config =
            toml::from_str(&text).map_err(|error| config_error(&path, error.message().to_string()))?;
        config.shared_repository.url = config.shared_repository.url.filter(|url| !url.trim().is_empty());
        if let Some(branch) = &config.shared_repository.branch
            && !git2::Reference::is_valid_name(&format!("refs/heads/{branch}"))
        {
            return Err(config_error(&path, format!("shared_repository.branch `{branch}` is not a branch name")));
        }
        for pattern in &config.shared_repository.postmortem_paths {
            if let Err(error) = globset::Glob::new(pattern) {
                return Err(config_error(
                    &path,
                    format!("shared_repository.postmortem_paths: `{pattern}` is not a folder pattern ({error})"),
                ));
            }
        }
        Ok(config)
    }

    /// Sets the shared repository's URL in the file, keeping its comments and other settings.
    /// A URL with a password in it is refused: passwords belong in git's credential helpers.
    pub fn set_repository_url(data_dir: &Path, url: &str) -> Result<Config> {
        let url = url.trim();
        if url.is_empty() || url.chars().any(char::is_control) {
            return Err(Error::invalid("repository URL", format!("`{}` is not a repository URL", redacted(url))));
        }
        // `file://srv/git/x.git` names a host `srv`, which git refuses with a terse message.
        if url.starts_with("file://") && !url.starts_with("file:///") {
            return Err(Error::invalid(
                "repository URL",
                format!("a file URL needs three slashes before an absolute path, e.g. `file:///{}`", &url[7..]),
            ));
        }
        if url.starts_with('-') {
            return Err(Error::invalid("repository URL", format!("`{url}` is not a repository URL")));
        }
        // Debrief runs from any folder, and the app from none: a relative path would name a
        // different place each time. (The command line makes one absolute before it gets here.)
        if is_relative_path(url) {
            return Err(Error::invalid(
                "repository URL",
                format!(
                    "`{url}` is a relative path, and Debrief is run from any folder: give the repository's full \
                     path (`/srv/git/postmortems.git`) or a URL (`file:///…`, `ssh://…`, `https://…`)"
                ),
            ));
        }
        if redacted(url) != url {
            return Err(Error::invalid(
                "repository URL",
                "it holds a password. Keep the password in git's credential helper (for example \
                 `git config --global credential.helper store`, then push once with git) and give the URL without it",
            ));
        }
        Config::edit(data_dir, |document| document["shared_repository"]["url"] = toml_edit::value(url))
    }

    /// Sets the name and email commits are made with when git itself has none; blank clears.
    pub fn set_identity(data_dir: &Path, name: &str, email: &str) -> Result<Config> {
        for (what, value) in [("name", name), ("email", email)] {
            if value.chars().any(char::is_control) || value.len() > 200 {
                return Err(Error::invalid(what, format!("`{}` cannot be used in a commit", value.trim())));
            }
        }
        Config::edit(data_dir, |document| {
            for (key, value) in [("name", name.trim()), ("email", email.trim())] {
                match value {
                    "" => document["identity"][key] = toml_edit::Item::None,
                    value => document["identity"][key] = toml_edit::value(value),
                }
            }
        })
    }

    /// Changes the file through `change`, keeping its comments, and reads the result back.
    fn edit(data_dir: &Path, change: impl FnOnce(&mut toml_edit::DocumentMut)) -> Result<Config> {
        let path = Config::path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => DEFAULT_CONFIG.to_string(),
            Err(source) => return Err(config_error(&path, source.to_string())),
        };
        let mut document: toml_edit::DocumentMut =
            text.parse().map_err(|error: toml_edit::TomlError| config_error(&path, error.message().to_string()))?;
        change(&mut document);
        let updated = document.to_string();
        crate::files::write_atomically(&path, updated.as_bytes())
            .map_err(|source| Error::DataDir { path: path.clone(), source })?;
        Config::load(data_dir)
    }
}

/// `https://user:secret@host/x` → `https://user:***@host/x`: for every message and log that
/// shows a repository URL, in case one was written into the settings by hand.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_string(),
    }
}

/// Any `scheme://user:password@` in a text (git's messages, logs) with the password masked.
pub fn redact_passwords(text: &str) -> String {
    static PASSWORD_IN_URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"([A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@]*):[^\s/@]+@").expect("the pattern is valid")
    });
    PASSWORD_IN_URL.replace_all(text, "$1:***@").into_owned()
}

fn config_error(path: &Path, reason: String) -> Error {
    Error::Config { path: path.to_path_buf(), reason: reason.trim().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_is_all_comments_and_means_the_defaults() {
        let parsed: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(parsed, Config::default());
        let uncommented: String = DEFAULT_CONFIG
            .lines()
            .map(|line| line.strip_prefix("# ").filter(|rest| rest.contains(" = ")).unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n");
        let every_setting: Config = toml::from_str(&uncommented).unwrap();
        assert_eq!(every_setting.shared_repository.branch.as_deref(), Some("main"));
        assert_eq!(every_setting.identity.name.as_deref(), Some("Alex Example"));
    }

    #[test]
    fn setting_the_url_keeps_comments_and_other_settings() {
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(Config::path(dir.path()), "# mine\n[shared_repository]\nbranch = \"trunk\"\n").unwrap();
        let config = Config::set_repository_url(dir.path(), "ssh://git@example.com/pm.git").unwrap();
        assert_eq!(config.shared_repository.url.as_deref(), Some("ssh://git@example.com/pm.git"));
        assert_eq!(config.shared_repository.branch.as_deref(), Some("trunk"));
        assert!(std::fs::read_to_string(Config::path(dir.path())).unwrap().starts_with("# mine\n"));
    }

    #[test]
    fn a_fresh_file_starts_from_the_commented_default() {
        let dir = tempfile::TempDir::new().unwrap();
        Config::set_repository_url(dir.path(), "file:///srv/pm.git").unwrap();
        let text = std::fs::read_to_string(Config::path(dir.path())).unwrap();
        assert!(text.contains("# The branch post-mortems are published to."));
        assert!(text.contains("url = \"file:///srv/pm.git\""));
    }

    #[test]
    fn passwords_in_urls_are_refused_and_never_shown() {
        let dir = tempfile::TempDir::new().unwrap();
        let error =
            Config::set_repository_url(dir.path(), "https://alex:s3cret@example.com/pm.git").unwrap_err().to_string();
        assert!(error.contains("credential helper") && !error.contains("s3cret"), "{error}");
        assert!(!Config::path(dir.path()).exists(), "nothing was written");
        assert_eq!(redacted("https://alex:s3cret@example.com/pm.git"), "https://alex:***@example.com/pm.git");
        assert_eq!(redacted("ssh://git@example.com:22/pm.git"), "ssh://git@example.com:22/pm.git");
        assert_eq!(redacted("git@example.com:team/pm.git"), "git@example.com:team/pm.git");
        assert_eq!(
            redact_passwords("fatal: unable to access 'https://alex:s3cret@example.com/pm.git/': refused"),
            "fatal: unable to access 'https://alex:***@example.com/pm.git/': refused"
        );
    }

    #[test]
    fn mistakes_in_the_file_are_reported_with_its_path() {
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(Config::path(dir.path()), "[shared_repository]\nbrnach = \"x\"\n").unwrap();
        let error = Config::load(dir.path()).unwrap_err().to_string();
        assert!(error.contains("config.toml") && error.contains("brnach"), "{error}");
    }

    #[test]
    fn the_identity_is_set_and_cleared_keeping_the_comments() {
        let dir = tempfile::TempDir::new().unwrap();
        let config = Config::set_identity(dir.path(), " Ann Lee ", "ann@example.com").unwrap();
        assert_eq!(config.identity.name.as_deref(), Some("Ann Lee"));
        assert_eq!(config.identity.email.as_deref(), Some("ann@example.com"));
        let text = std::fs::read_to_string(Config::path(dir.path())).unwrap();
        assert!(text.lines().filter(|line| line.starts_with('#')).count() > 3, "{text}");
        let cleared = Config::set_identity(dir.path(), "", "ann@example.com").unwrap();
        assert_eq!(cleared.identity.name, None);
        assert!(Config::set_identity(dir.path(), "Ann\nLee", "").is_err());
    }

    #[test]
    fn a_file_url_without_its_third_slash_is_explained() {
        let dir = tempfile::TempDir::new().unwrap();
        let error = Config::set_repository_url(dir.path(), "file://srv/git/postmortems.git").unwrap_err().to_string();
        assert!(error.contains("file:///srv/git/postmortems.git"), "{error}");
        assert!(Config::set_repository_url(dir.path(), "file:///srv/git/postmortems.git").is_ok());
    }

    #[test]
    fn a_relative_path_is_refused_and_every_other_form_git_reads_is_taken() {
        let dir = tempfile::TempDir::new().unwrap();
        for relative in ["../postmortems.git", "postmortems.git", "shared/pm.git", "~/pm.git", "./a:b/pm.git"] {
            assert!(is_relative_path(relative), "{relative}");
            let error = Config::set_repository_url(dir.path(), relative).unwrap_err().to_string();
            assert!(error.contains("relative path") && error.contains("full"), "{error}");
        }
        for taken in [
            "/srv/git/pm.git",
            "file:///srv/git/pm.git",
            "git@example.com:team/pm.git",
            "example:pm.git",
            "host:~/pm.git",
            "ssh://git@example.com:2222/pm.git",
            "https://example.com/team/pm.git",
        ] {
            assert!(!is_relative_path(taken), "{taken}");
            assert!(Config::set_repository_url(dir.path(), taken).is_ok(), "{taken}");
        }
    }
}
