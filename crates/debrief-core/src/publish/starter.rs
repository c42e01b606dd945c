//! A team's shared repository, set up in one step: the files a post-mortem repository
//! needs to be read and written with or without Debrief (a README on the layout, the
//! template, the wording rules, line endings, a pre-commit hook and a CI check), written
//! into a directory and committed with the person's own git, so their name, signing and
//! default branch are git's. Running it again adds only what is missing: a team's own
//! files are never overwritten.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::TEAM_TEMPLATE_PATH;
use crate::{Error, Result};

/// The team's wording rules, as `debrief lint --print-config` prints them.
const LINT_CONFIG: &str = include_str!("../../../../assets/lint.toml");
/// Debrief's blameless template.
const TEMPLATE: &str = include_str!("../../../../assets/template.md");
const README: &str = include_str!("../../../../assets/shared-repository-readme.md");
const PRE_COMMIT_CONFIG: &str = include_str!("../../../../assets/starter/pre-commit-config.yaml");
const GITHUB_WORKFLOW: &str = include_str!("../../../../assets/starter/github-workflow.yml");
const GITLAB_CI: &str = include_str!("../../../../assets/starter/gitlab-ci.yml");

/// Debrief's repository, whose action and released command the CI checks use unless told otherwise.
pub const DEFAULT_DEBRIEF_SOURCE: &str = env!("CARGO_PKG_REPOSITORY");
/// The release the CI checks install: the one setting the repository up.
const DEBRIEF_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What to set up.
#[derive(Debug, Clone)]
pub struct StarterOptions {
    /// Also write `.gitlab-ci.yml`.
    pub gitlab: bool,
    /// Debrief's repository on GitHub (or a GitHub Enterprise host), `https://HOST/OWNER/NAME`:
    /// the CI workflow uses its action (`OWNER/NAME@vVERSION`) and downloads the command from
    /// its releases.
    pub debrief_source: String,
}

/// What setting up did: the files written and committed, and those already there and kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StarterReport {
    pub directory: String,
    pub created_repository: bool,
    pub written: Vec<String>,
    pub kept: Vec<String>,
    /// The commit holding the written files; `None` when nothing was missing.
    pub commit: Option<String>,
    /// The team's own post-mortem template that `.debrief/template.md` was written from, when
    /// the repository has one and no `.debrief/template.md` yet.
    pub template_from: Option<String>,
}

/// Where the CI checks get Debrief: its action, as a workflow's `uses:` names it, and the
/// address its releases are downloaded from. `None` when `source` is not an `https://` address
/// ending in an owner and a repository name.
fn debrief_action_and_releases(source: &str) -> Option<(String, String)> {
    let repository = source.trim().trim_end_matches('/');
    let repository = repository.strip_suffix(".git").unwrap_or(repository);
    let path = repository.strip_prefix("https://")?.split_once('/')?.1;
    let (owner, name) = path.split_once('/')?;
    let plain = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if !plain(owner) || !plain(name) {
        return None;
    }
    Some((format!("{owner}/{name}@v{DEBRIEF_VERSION}"), format!("{repository}/releases/download")))
}

/// The starting files, by path, for these options.
/// Refused, with why, when the CI files cannot say where Debrief comes from.
fn starting_files(options: &StarterOptions) -> std::result::Result<Vec<(&'static str, String)>, String> {
    let (action, releases) = debrief_action_and_releases(&options.debrief_source).ok_or_else(|| {
        format!(
            "`{}` is not where the CI checks can get Debrief; give Debrief's repository as https://HOST/OWNER/NAME \
             (the CI workflow uses its GitHub action and releases), e.g. {DEFAULT_DEBRIEF_SOURCE}",
            options.debrief_source
        )
    })?;
    let ci = |text: &str| {
        text.replace("@DEBRIEF_ACTION@", &action)
            .replace("@DEBRIEF_RELEASES@", &releases)
            .replace("@DEBRIEF_VERSION@", DEBRIEF_VERSION)
    };
    let mut files = vec![
        ("README.md", README.to_string()),
        (".gitattributes", super::GITATTRIBUTES.to_string()),
        (TEAM_TEMPLATE_PATH, TEMPLATE.to_string()),
        (".debrief/lint.toml", LINT_CONFIG.to_string()),
        (".debrief/policy.toml", crate::policy::DEFAULT_POLICY.to_string()),
        (".debrief/factors.toml", crate::factors::DEFAULT_THEMES.to_string()),
        (".pre-commit-config.yaml", PRE_COMMIT_CONFIG.to_string()),
        (".github/workflows/postmortems.yml", ci(GITHUB_WORKFLOW)),
    ];
    if options.gitlab {
        files.push((".gitlab-ci.yml", ci(GITLAB_CI)));
    }
    Ok(files)
}

/// Sets up `directory` as a shared post-mortem repository: `git init` when it is not one yet,
/// then every starting file that is missing, committed in one commit.
pub fn set_up(directory: &Path, options: &StarterOptions) -> Result<StarterReport> {
    let failed = |detail: String| Error::RepositorySetup { directory: directory.to_path_buf(), detail };
    let files = starting_files(options).map_err(failed)?;
    std::fs::create_dir_all(directory)
        .map_err(|source| failed(format!("{} cannot be created: {source}", directory.display())))?;
    let created_repository = !is_work_tree(directory);
    if created_repository {
        git(directory, &["init", "--quiet"]).map_err(failed)?;
    }
    let mut written = Vec::new();
    let mut kept = Vec::new();
    let mut template_from = None;
    for (path, mut content) in files {
        let target: PathBuf = directory.join(path);
        // A team's own file (or a symbolic link it keeps there) is theirs.
        if target.symlink_metadata().is_ok() {
            kept.push(path.to_string());
            continue;
        }
        if path == TEAM_TEMPLATE_PATH
            && let Some((team_path, team_template)) = teams_own_template(directory)
        {
            content = format!(
                "<!-- debrief:template\nWritten by `debrief init-repo` from {team_path}, the team's own template:\n\
                 Debrief's drafts start from this file, with the captured timeline, action items,\n\
                 participants and links under the headings that name them. These notes are not\n\
                 copied into drafts.\n-->\n{team_template}"
            );
            template_from = Some(team_path);
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|source| failed(format!("{} cannot be created: {source}", parent.display())))?;
        }
        crate::files::write_atomically(&target, content.as_bytes())
            .map_err(|source| failed(format!("{} cannot be written: {source}", target.display())))?;
        written.push(path.to_string());
    }
    let commit = if written.is_empty() {
        None
    } else {
        let mut add = vec!["add", "--"];
        add.extend(written.iter().map(String::as_str));
        git(directory, &add).map_err(failed)?;
        let mut commit = vec!["commit", "--quiet", "--no-verify", "-m", "Set up the post-mortem repository", "--"];
        commit.extend(written.iter().map(String::as_str));
        git(directory, &commit).map_err(failed)?;
        Some(git(directory, &["rev-parse", "HEAD"]).map_err(failed)?.trim().to_string())
    };
    Ok(StarterReport {
        directory: directory.display().to_string(),
        created_repository,
        written,
        kept,
        commit,
        template_from,
    })
}

/// The post-mortem template a team keeps in its repository (see
/// [`files::post_mortem_template_among`](super::files::post_mortem_template_among)), by its
/// tracked path, and its text.
fn teams_own_template(directory: &Path) -> Option<(String, String)> {
    let tracked = git(directory, &["ls-files", "-z"]).ok()?;
    let chosen = super::files::post_mortem_template_among(tracked.split('\0'))?;
    let file = directory.join(chosen);
    // A symbolic link could point anywhere on this laptop: its target is not the team's to share.
    if !file.symlink_metadata().is_ok_and(|metadata| metadata.is_file()) {
        return None;
    }
    let bytes = match crate::bounded::read_file_at_most(&file, crate::postmortem::MAX_POSTMORTEM_BYTES) {
        Ok(crate::bounded::Bounded::Read(bytes)) => bytes,
        _ => return None,
    };
    // Written after Debrief's notes, a byte order mark would stand in the middle of the file.
    let text = String::from_utf8(bytes).ok()?;
    Some((chosen.to_string(), text.trim_start_matches('\u{feff}').to_string()))
}

fn is_work_tree(directory: &Path) -> bool {
    git(directory, &["rev-parse", "--is-inside-work-tree"]).is_ok_and(|answer| answer.trim() == "true")
}

/// Runs the person's git in `directory`; on failure, what went wrong in git's own words.
fn git(directory: &Path, args: &[&str]) -> std::result::Result<String, String> {
    let mut command = Command::new("git");
    command.arg("-C").arg(directory).args(args).env("GIT_TERMINAL_PROMPT", "0");
    // Run from a git hook or alias, git's variables would name the repository it runs in.
    for variable in super::remote::REPOSITORY_VARIABLES {
        command.env_remove(variable);
    }
    let output = command.output().map_err(|source| format!("git could not be started ({source}); install git"))?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
    Err(format!("`git {}` said: {said}", args.first().copied().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ci_files_name_where_debrief_comes_from() {
        let options =
            StarterOptions { gitlab: true, debrief_source: "https://git.example.org/tools/debrief.git".into() };
        let files = starting_files(&options).unwrap();
        for (path, content) in &files {
            assert!(!content.contains("@DEBRIEF_"), "{path} has a placeholder left: {content}");
        }
        let workflow = &files.iter().find(|(path, _)| path.ends_with("postmortems.yml")).unwrap().1;
        assert!(workflow.contains(&format!("uses: tools/debrief@v{DEBRIEF_VERSION}\n")), "{workflow}");
        assert!(
            workflow.contains("base-url: \"https://git.example.org/tools/debrief/releases/download\""),
            "{workflow}"
        );
        assert!(files.iter().any(|(path, _)| *path == ".gitlab-ci.yml"));
    }

    #[test]
    fn a_source_without_an_owner_and_a_name_is_refused() {
        for source in
            ["git@github.com:your-org/debrief.git", "https://github.com/debrief", "https://example.org/a b/c", ""]
        {
            let options = StarterOptions { gitlab: false, debrief_source: source.into() };
            let refused = starting_files(&options).unwrap_err();
            assert!(refused.contains("https://HOST/OWNER/NAME"), "{source}: {refused}");
        }
        assert_eq!(
            debrief_action_and_releases("https://github.com/your-org/debrief/").unwrap().1,
            "https://github.com/your-org/debrief/releases/download"
        );
    }
}
