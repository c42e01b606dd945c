//! The themes a team sorts contributing factors under, so that the conditions behind its
//! incidents can be counted across incidents and over time instead of staying in each
//! write-up's prose. Debrief's defaults (`assets/factors.toml`, commented, in the spirit of
//! learning-from-incidents practice) apply until a team keeps its own list as
//! `.debrief/factors.toml` in its shared repository.
//!
//! A theme a post-mortem names that the list does not have is never dropped: it is kept as
//! written (in its normal form, see [`theme_id`]) and counted under its own name, and the
//! checks note it, so a team can add it to its list or correct the post-mortem.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The default themes, commented; `debrief factors --print-config` prints them.
pub const DEFAULT_THEMES: &str = include_str!("../../../assets/factors.toml");

/// Where a team keeps its themes, in its shared repository.
pub const THEMES_PATH: &str = ".debrief/factors.toml";

/// The longest theme id kept: a name, not a sentence.
pub const MAX_THEME_CHARS: usize = 60;

/// One theme: its id, as post-mortems name it, and what it covers in a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub description: String,
}

/// The themes in effect, in the order the list gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Themes {
    pub themes: Vec<Theme>,
    /// The file they came from, or `None` for Debrief's defaults.
    pub origin: Option<String>,
}

/// The file as written: `themes` may be left out, and then the defaults stay.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    themes: Option<Vec<Theme>>,
}

impl Default for Themes {
    fn default() -> Themes {
        let themes = parse(DEFAULT_THEMES, "assets/factors.toml")
            .expect("the embedded default themes are valid; a test checks them")
            .themes
            .unwrap_or_default();
        Themes { themes, origin: None }
    }
}

impl Themes {
    /// A team's themes file (`origin` names it in errors): its list replaces the defaults.
    pub fn from_toml(text: &str, origin: &str) -> Result<Themes> {
        let invalid = |reason: String| Error::FactorThemes { path: origin.to_string(), reason };
        let Some(themes) = parse(text, origin)?.themes else {
            return Ok(Themes { origin: Some(origin.to_string()), ..Themes::default() });
        };
        let mut seen: Vec<&str> = Vec::new();
        for theme in &themes {
            if theme_id(&theme.id).as_deref() != Some(theme.id.as_str()) || theme.id.chars().count() > MAX_THEME_CHARS {
                return Err(invalid(format!(
                    "the theme id `{}` must be lowercase words joined by dashes, such as `knowledge-handover`, of at \
                     most {MAX_THEME_CHARS} characters",
                    theme.id
                )));
            }
            if seen.contains(&theme.id.as_str()) {
                return Err(invalid(format!("the theme `{}` is listed twice", theme.id)));
            }
            if theme.description.trim().is_empty() || theme.description.trim().contains('\n') {
                return Err(invalid(format!("the theme `{}` needs a one-line description", theme.id)));
            }
            seen.push(&theme.id);
        }
        if themes.is_empty() {
            return Err(invalid("`themes` is empty; list at least one, or leave `themes` out for the defaults".into()));
        }
        Ok(Themes { themes, origin: Some(origin.to_string()) })
    }

    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|theme| theme.id == id)
    }

    pub fn knows(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The ids, comma-separated, for messages that list the choices.
    pub fn listed(&self) -> String {
        self.themes.iter().map(|theme| theme.id.as_str()).collect::<Vec<_>>().join(", ")
    }
}

fn parse(text: &str, origin: &str) -> Result<ThemesFile> {
    toml::from_str(text).map_err(|error| Error::FactorThemes {
        path: origin.to_string(),
        reason: error.to_string().trim_end().replace('\n', " "),
    })
}

/// A theme as written (`Capacity`, ` knowledge and handover`, `third_party`) in the one form
/// themes are kept and compared in: trimmed, lowercase, words joined by single dashes.
/// `None` when nothing is left.
pub fn theme_id(written: &str) -> Option<String> {
    let words: Vec<String> = written
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid_and_cover_the_usual_themes() {
        let defaults = Themes::default();
        Themes::from_toml(DEFAULT_THEMES, "defaults").expect("the defaults pass the checks a team's file gets");
        for id in ["change", "capacity", "dependency", "detection", "knowledge", "tooling", "process", "communication"]
        {
            assert!(defaults.knows(id), "{id} is a default theme");
        }
        assert!(defaults.themes.iter().all(|theme| !theme.description.contains('\n')), "one line each");
        assert_eq!(defaults.origin, None);
    }

    #[test]
    fn a_team_list_replaces_the_defaults_and_an_empty_file_keeps_them() {
        let team = Themes::from_toml(
            "[[themes]]\nid = \"security\"\ndescription = \"Access and secrets.\"\n",
            ".debrief/factors.toml",
        )
        .unwrap();
        assert_eq!(team.listed(), "security");
        assert_eq!(team.origin.as_deref(), Some(".debrief/factors.toml"));
        let empty = Themes::from_toml("# nothing yet\n", ".debrief/factors.toml").unwrap();
        assert_eq!(empty.themes, Themes::default().themes);
    }

    #[test]
    fn mistakes_in_a_team_file_name_the_file_and_the_problem() {
        for (text, expected) in [
            ("[[themes]]\nid = \"Capacity\"\ndescription = \"x\"\n", "`Capacity` must be lowercase"),
            ("[[themes]]\nid = \"a\"\ndescription = \"x\"\n[[themes]]\nid = \"a\"\ndescription = \"y\"\n", "twice"),
            ("[[themes]]\nid = \"a\"\ndescription = \" \"\n", "needs a one-line description"),
            ("[[themes]]\nid = \"a\"\ndescription = \"x\"\ncolour = \"red\"\n", "colour"),
            ("themes = [", "factors.toml"),
            ("themes = []", "is empty"),
        ] {
            let error = Themes::from_toml(text, ".debrief/factors.toml").unwrap_err();
            let message = error.to_string();
            assert!(message.contains(".debrief/factors.toml") && message.contains(expected), "{text:?}: {message}");
            assert_eq!(error.code(), "factor-themes");
        }
    }

    #[test]
    fn themes_are_kept_in_one_form() {
        assert_eq!(theme_id("Capacity").as_deref(), Some("capacity"));
        assert_eq!(theme_id("  knowledge and   handover ").as_deref(), Some("knowledge-and-handover"));
        assert_eq!(theme_id("third_party--vendor").as_deref(), Some("third-party-vendor"));
        assert_eq!(theme_id("Änderung").as_deref(), Some("änderung"));
        assert_eq!(theme_id(" - ").as_deref(), None);
    }
}
