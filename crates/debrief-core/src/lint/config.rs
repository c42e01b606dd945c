//! A team's wording rules: `.debrief/lint.toml`, found by walking up from the
//! file being checked, laid over the commented defaults in `assets/lint.toml`.
//! Every key a team sets replaces the default; names of rules are checked, so a
//! typo in `disable` is an error rather than a rule silently left on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::rules::RULES;
use super::{Category, LintError, Severity};

/// The default configuration, commented; `debrief lint --print-config` prints it.
pub const DEFAULT_CONFIG: &str = include_str!("../../../../assets/lint.toml");

/// Where a team keeps its configuration, relative to a directory.
pub const CONFIG_PATH: &str = ".debrief/lint.toml";

/// A configuration file larger than this is not a configuration file.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Config {
    /// Rule ids, team phrase ids or categories switched off everywhere.
    pub disable: Vec<String>,
    /// Severity by rule id, team phrase id or category; a rule's own entry wins over its category's.
    pub severity: BTreeMap<String, Severity>,
    pub sections: Vec<SectionRule>,
    pub phrases: Vec<TeamPhrase>,
    /// Front matter keys whose values are prose to check.
    pub front_matter_fields: Vec<String>,
    /// The file this came from, or `None` for the defaults.
    pub origin: Option<PathBuf>,
}

/// Rules that do not apply under some headings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRule {
    /// Words, any of which in a heading (at any level above the text) makes the section match.
    pub headings: Vec<String>,
    pub disable: Vec<String>,
}

/// A team's own words and phrases.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamPhrase {
    pub id: String,
    pub phrases: Vec<String>,
    pub category: Category,
    pub message: String,
    #[serde(default)]
    pub suggestion: Option<String>,
}

/// The file as written: every key optional, so what is left out keeps its default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    disable: Option<Vec<String>>,
    severity: Option<BTreeMap<String, Severity>>,
    sections: Option<Vec<SectionRule>>,
    phrases: Option<Vec<TeamPhrase>>,
    front_matter: Option<FrontMatter>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    fields: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        let file =
            parse_file(DEFAULT_CONFIG, None).expect("the embedded default configuration parses; a test checks it");
        let empty = Config {
            disable: Vec::new(),
            severity: BTreeMap::new(),
            sections: Vec::new(),
            phrases: Vec::new(),
            front_matter_fields: Vec::new(),
            origin: None,
        };
        empty.overlay(file, None)
    }
}

impl Config {
    /// Reads a configuration file and lays it over the defaults.
    pub fn load(path: &Path) -> Result<Config, LintError> {
        let read_error = |source| LintError::ConfigRead { path: path.to_path_buf(), source };
        let size = std::fs::metadata(path).map_err(read_error)?.len();
        if size > MAX_CONFIG_BYTES {
            return Err(LintError::InvalidConfig {
                path: path.to_path_buf(),
                reason: format!("it is {size} bytes; a configuration file is at most {MAX_CONFIG_BYTES}"),
            });
        }
        let text = std::fs::read_to_string(path).map_err(read_error)?;
        Config::from_toml(&text, path)
    }

    /// Parses configuration text that came from `path` and lays it over the defaults.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, LintError> {
        let file = parse_file(text, Some(path))?;
        let config = Config::default().overlay(file, Some(path.to_path_buf()));
        config.validate()?;
        Ok(config)
    }

    /// The nearest `.debrief/lint.toml` in `start` (a file or directory) or a directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let directory = if start.is_dir() { start } else { start.parent()? };
        let absolute = std::path::absolute(directory).ok()?;
        absolute.ancestors().map(|dir| dir.join(CONFIG_PATH)).find(|candidate| candidate.is_file())
    }

    fn overlay(mut self, file: ConfigFile, origin: Option<PathBuf>) -> Config {
        if let Some(disable) = file.disable {
            self.disable = disable;
        }
        if let Some(severity) = file.severity {
            self.severity = severity;
        }
        if let Some(sections) = file.sections {
            self.sections = sections;
        }
        if let Some(phrases) = file.phrases {
            self.phrases = phrases;
        }
        if let Some(front_matter) = file.front_matter {
            self.front_matter_fields = front_matter.fields;
        }
        self.origin = origin;
        self
    }

    /// Whether `name` is a rule id, a team phrase id or a category.
    pub(crate) fn knows(&self, name: &str) -> bool {
        RULES.iter().any(|rule| rule.id == name)
            || self.phrases.iter().any(|phrase| phrase.id == name)
            || Category::ALL.iter().any(|category| category.as_str() == name)
    }

    fn validate(&self) -> Result<(), LintError> {
        let path = self.origin.clone().unwrap_or_default();
        let invalid = |reason: String| Err(LintError::InvalidConfig { path: path.clone(), reason });
        for phrase in &self.phrases {
            if phrase.id.trim().is_empty() || phrase.id.contains(char::is_whitespace) {
                return invalid(format!("the phrase id `{}` must be one word, such as `team-hero`", phrase.id));
            }
            if RULES.iter().any(|rule| rule.id == phrase.id) || Category::ALL.iter().any(|c| c.as_str() == phrase.id) {
                return invalid(format!(
                    "the phrase id `{}` is already the name of a built-in rule or category",
                    phrase.id
                ));
            }
            if !phrase.category.is_wording() {
                return invalid(format!(
                    "the phrase `{}` is in `{}`, which is not a wording category; use counterfactual, blame, \
                     minimizing or hindsight",
                    phrase.id,
                    phrase.category.as_str()
                ));
            }
            if phrase.phrases.iter().all(|text| text.trim().is_empty()) {
                return invalid(format!("the phrases of `{}` are empty", phrase.id));
            }
            if phrase.message.trim().is_empty() {
                return invalid(format!("`{}` needs a message saying why the wording is a problem", phrase.id));
            }
        }
        let named = self
            .disable
            .iter()
            .chain(self.severity.keys())
            .chain(self.sections.iter().flat_map(|section| section.disable.iter()));
        for name in named {
            if !self.knows(name) {
                return Err(LintError::UnknownRule { path: path.clone(), name: name.clone() });
            }
        }
        Ok(())
    }
}

fn parse_file(text: &str, path: Option<&Path>) -> Result<ConfigFile, LintError> {
    toml::from_str(text).map_err(|error| LintError::ConfigParse {
        path: path.map(Path::to_path_buf).unwrap_or_default(),
        message: error.to_string().trim_end().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_relax_detection() {
        let config = Config::default();
        assert!(config.disable.is_empty());
        assert_eq!(config.front_matter_fields, ["title", "summary", "description"]);
        assert!(config.sections[0].headings.contains(&"detection".to_string()));
        config.validate().expect("defaults are valid");
    }

    #[test]
    fn a_team_file_replaces_only_what_it_sets() {
        let config = Config::from_toml(
            "disable = [\"minimizing\"]\n[severity]\nblame = \"error\"\n[[phrases]]\nid = \"team-hero\"\nphrases = [\"rockstar\"]\ncategory = \"blame\"\nmessage = \"No heroes.\"\n",
            Path::new("team.toml"),
        )
        .expect("valid");
        assert_eq!(config.disable, ["minimizing"]);
        assert_eq!(config.severity.get("blame"), Some(&Severity::Error));
        assert_eq!(config.sections.len(), Config::default().sections.len(), "the default sections stay");
        assert_eq!(config.phrases[0].id, "team-hero");
    }

    #[test]
    fn mistakes_are_reported() {
        let unknown = Config::from_toml("disable = [\"minimising\"]", Path::new("x.toml")).unwrap_err();
        assert!(unknown.to_string().contains("minimising"), "{unknown}");
        let syntax = Config::from_toml("disable = [", Path::new("x.toml")).unwrap_err();
        assert!(syntax.to_string().contains("x.toml"), "{syntax}");
        let field = Config::from_toml("disabled = []", Path::new("x.toml")).unwrap_err();
        assert!(field.to_string().contains("disabled"), "{field}");
        let severity = Config::from_toml("[severity]\nblame = \"fatal\"", Path::new("x.toml")).unwrap_err();
        assert!(severity.to_string().contains("fatal"), "{severity}");
    }

    #[test]
    fn discovery_walks_up() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(root.path().join(".debrief")).expect("dir");
        std::fs::create_dir_all(root.path().join("incidents/2026")).expect("dir");
        std::fs::write(root.path().join(CONFIG_PATH), "").expect("write");
        let file = root.path().join("incidents/2026/x.md");
        let found = Config::discover(&file).expect("found");
        assert_eq!(found, std::path::absolute(root.path().join(CONFIG_PATH)).expect("absolute"));
    }
}
