//! What the app shows about the shared repository (its settings, the publish queue) and its connection
//! test: whether this laptop can reach the team's repository, and if not, why, in
//! words a person can act on (the agent, the key, the host key).

use std::path::Path;

use serde::Serialize;

use super::{Queued, SharedRepo, TEAM_TEMPLATE_PATH};
use crate::config::{Config, redacted};
use crate::postmortem::Template;
use crate::{Error, Result, lint};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RepositoryOverview {
    /// The shared repository's URL, any password masked; `None` keeps publishes on this laptop.
    pub url: Option<String>,
    pub branch: String,
    pub identity_name: Option<String>,
    pub identity_email: Option<String>,
    /// Debrief's copy of the repository on this laptop.
    pub local_copy: String,
    /// Publishes committed here and waiting to be pushed.
    pub queued: Vec<Queued>,
    /// The sections new drafts start with, and whether they are the team's (else Debrief's own).
    pub template_sections: Vec<String>,
    pub team_template: bool,
    /// The post-mortem template the repository keeps of its own ("PMyyyy-nnn - Postmortem
    /// template.md") when it has no `.debrief/template.md`: drafts follow Debrief's meanwhile.
    pub own_template: Option<String>,
    /// The wording checker's rules as the team keeps them (else Debrief's commented defaults).
    pub lint_rules: String,
    pub team_lint_rules: bool,
}

/// The outcome of trying the shared repository now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectionTest {
    pub reachable: bool,
    /// One sentence on what happened and what it means for publishing.
    pub summary: String,
    /// What to do about it, when something is wrong.
    pub advice: Option<String>,
}

pub fn overview(data_dir: &Path, config: &Config) -> Result<RepositoryOverview> {
    // Only reads: shown at once even while another Debrief process is publishing.
    let (repo, _) = SharedRepo::open_for_reading(data_dir, &config.shared_repository)?;
    let team_template = repo.file(TEAM_TEMPLATE_PATH);
    let template = team_template.as_deref().map(Template::parse).unwrap_or_default();
    let team_lint = repo.file(lint::CONFIG_PATH);
    Ok(RepositoryOverview {
        url: config.shared_repository.url.as_deref().map(redacted),
        branch: repo.branch().to_string(),
        identity_name: config.identity.name.clone(),
        identity_email: config.identity.email.clone(),
        local_copy: repo.path().display().to_string(),
        queued: repo.queued()?,
        template_sections: template.sections.into_iter().map(|section| section.heading).collect(),
        own_template: repo.own_template_beside_debriefs(),
        team_template: team_template.is_some(),
        team_lint_rules: team_lint.is_some(),
        lint_rules: team_lint.unwrap_or_else(|| lint::DEFAULT_CONFIG.to_string()),
    })
}

/// Fetches from the shared repository and says how it went. Only failures of this laptop
/// itself (its disk, its copy) are errors; a remote that cannot be used is an answer.
pub fn test_connection(data_dir: &Path, config: &Config) -> Result<ConnectionTest> {
    let Some(url) = config.shared_repository.url.as_deref().map(redacted) else {
        return Ok(ConnectionTest {
            reachable: false,
            summary: "No shared repository is set: publishes are kept in Debrief's copy on this laptop.".into(),
            advice: Some("Enter the team's repository URL (ssh://, git@host:path, https:// or file://).".into()),
        });
    };
    let mut repo = SharedRepo::open(data_dir, &config.shared_repository)?;
    let answer =
        |summary: String, advice: &str| ConnectionTest { reachable: false, summary, advice: Some(advice.into()) };
    Ok(match repo.fetch() {
        Ok(Ok(())) => ConnectionTest {
            reachable: true,
            summary: format!(
                "{url} answered and Debrief's copy is up to date: publishes go to its branch {}.",
                repo.branch()
            ),
            advice: None,
        },
        Ok(Err(problem)) => answer(
            format!("{url} cannot be reached right now ({problem})."),
            "Check the network, VPN and URL. Publishing still works: commits wait in the queue and are pushed \
             when the repository answers again.",
        ),
        Err(Error::Certificate { host, detail }) => answer(
            format!("The HTTPS certificate of {host} is not trusted on this laptop ({detail})."),
            "Nothing was sent. Install your organisation's certificate authority in the system's trust store (or \
             point git's http.sslCAInfo at it), check that `git ls-remote` works from a terminal, then test again.",
        ),
        Err(Error::HostKey { host }) => answer(
            format!("The SSH host key of {host} is unknown to this laptop, or it changed."),
            &format!(
                "Nothing was sent. Check the key with the repository's administrator, then accept it once from a \
                 terminal with `ssh -T {host}` (it is added to ~/.ssh/known_hosts)."
            ),
        ),
        Err(Error::Credentials { detail, .. }) => answer(
            format!("{url} did not accept this laptop's credentials: {detail}."),
            if detail.contains("SSH_AUTH_SOCK") {
                "No ssh-agent is running and there is no key in ~/.ssh: start the agent (`eval $(ssh-agent)`) and \
                 add your key with `ssh-add`, or create a key and give its public half to the repository."
            } else if url.starts_with("http") {
                "Store a token in git's credential helper (push once with git from a terminal), then test again."
            } else {
                "The keys offered were refused: check that your public key is registered with the repository, and \
                 that `ssh-add -l` lists it."
            },
        ),
        Err(Error::NoRepository { detail, .. }) => answer(
            format!("{url} answered, but has no repository there that this account may see ({detail})."),
            "Check the address for a typo; on a git host, check that your account may see the repository (a \
             private one looks missing to an account that may not), then test again.",
        ),
        Err(Error::Unsupported { what, next, .. }) => answer(
            format!("{url} answered, but Debrief cannot use the repository there: {what}."),
            &format!("Nothing was sent; {next}."),
        ),
        Err(Error::UntrustedRepository { path }) => answer(
            format!("git will not use {path}: it belongs to another user of this computer."),
            &format!(
                "git trusts only repositories of your own (its safe.directory setting). If you trust this one, run \
                 `git config --global --add safe.directory {}`, then test again.",
                crate::error::shell_word(&path)
            ),
        ),
        Err(other) => return Err(other),
    })
}

/// Publishes committed on this laptop and waiting for the shared repository.
pub fn queue(data_dir: &Path, config: &Config) -> Result<Vec<Queued>> {
    SharedRepo::open_for_reading(data_dir, &config.shared_repository)?.0.queued()
}

/// Tries to push everything in the queue; answers with each branch and where it stands now.
pub fn retry_queued(data_dir: &Path, config: &Config) -> Result<Vec<(String, super::Delivery)>> {
    SharedRepo::open(data_dir, &config.shared_repository)?.push_queued(&config.identity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SharedRepository;

    fn config_for(url: Option<String>) -> Config {
        Config { shared_repository: SharedRepository { url, ..SharedRepository::default() }, ..Config::default() }
    }

    #[test]
    fn without_a_url_the_test_says_publishes_stay_on_this_laptop() {
        let data = tempfile::TempDir::new().unwrap();
        let test = test_connection(data.path(), &config_for(None)).unwrap();
        assert!(!test.reachable && test.summary.contains("No shared repository"), "{test:?}");
        assert!(test.advice.is_some());
    }

    #[test]
    fn a_reachable_repository_answers_and_a_missing_one_is_explained() {
        let data = tempfile::TempDir::new().unwrap();
        let remote = tempfile::TempDir::new().unwrap();
        git2::Repository::init_bare(remote.path()).unwrap();
        let url = format!("file://{}", remote.path().display());
        let test = test_connection(data.path(), &config_for(Some(url))).unwrap();
        assert!(test.reachable && test.advice.is_none(), "{test:?}");

        let gone = format!("file://{}/nothing-here.git", remote.path().display());
        let test = test_connection(data.path(), &config_for(Some(gone))).unwrap();
        assert!(!test.reachable && test.summary.contains("cannot be reached"), "{test:?}");
        assert!(test.advice.as_deref().unwrap_or_default().contains("queue"), "{test:?}");
    }

    #[test]
    fn the_overview_names_debriefs_own_template_and_rules_when_the_team_has_none() {
        let data = tempfile::TempDir::new().unwrap();
        let shown = overview(data.path(), &config_for(None)).unwrap();
        assert!(!shown.team_template && !shown.team_lint_rules && shown.own_template.is_none());
        assert!(!shown.template_sections.is_empty() && shown.lint_rules.contains('#'));
        assert!(shown.queued.is_empty() && shown.url.is_none());
    }
}
