//! SARIF 2.1.0 for code scanning (GitHub, IDE viewers, the SARIF Multitool).
//!
//! Where a finding is, in SARIF's terms: a file named by an absolute path is a
//! `file://` URI; one named by a relative path stays relative, against the
//! `SRCROOT` base that `originalUriBaseIds` sets to the working directory, so a
//! log made in a CI checkout reads the same wherever the repository is. A text
//! that is not a file anyone else could open (standard input, a draft or a
//! timeline line from the local store) is embedded in the log as an artifact
//! with its contents, and located by a `sarif:` URI pointing at them.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

use super::{Document, Kept, Origin, Printer, Totals, message_and_suggestion};
use crate::lint::{Category, Finding, RULES};

/// The final OASIS schema of SARIF 2.1.0 (errata 01), the one the SARIF Multitool expects.
const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Debrief's home, where a reader of a log can learn about the tool; set once, in the
/// workspace's Cargo.toml (`repository`).
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// The base relative paths are resolved against: the directory the check ran in.
/// `SRCROOT` is the name SARIF tools conventionally give a source tree's root.
const WORKING_DIRECTORY: &str = "SRCROOT";

pub(super) struct Sarif {
    working_directory: Option<PathBuf>,
    /// The documents with findings, indexed by `findings`.
    documents: Vec<Kept>,
    findings: Vec<(usize, Finding)>,
}

impl Sarif {
    pub(super) fn new(working_directory: Option<PathBuf>) -> Sarif {
        Sarif { working_directory, documents: Vec::new(), findings: Vec::new() }
    }
}

impl Printer for Sarif {
    fn document(&mut self, _out: &mut dyn Write, document: Document<'_>, findings: Vec<Finding>) -> io::Result<()> {
        if !findings.is_empty() {
            let index = self.documents.len();
            self.documents.push(Kept::new(document));
            self.findings.extend(findings.into_iter().map(|finding| (index, finding)));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals, errors: &[String]) -> io::Result<()> {
        let log = log(&self.findings, &self.documents, errors, self.working_directory.as_deref());
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// The whole log: the rules, one result per finding, and what could not be checked.
/// `documents` are indexed by the findings; `working_directory` is where relative paths start.
fn log(
    findings: &[(usize, Finding)],
    documents: &[Kept],
    errors: &[String],
    working_directory: Option<&Path>,
) -> Value {
    let mut rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.message },
                "help": { "text": rule.suggestion },
                "helpUri": help_uri(rule.category),
                "defaultConfiguration": { "level": "warning" },
                "properties": { "category": rule.category.as_str(), "tags": [rule.category.as_str(), topic(rule.category)] },
            })
        })
        .collect();
    let mut rule_indexes: HashMap<String, usize> =
        RULES.iter().enumerate().map(|(index, rule)| (rule.id.to_string(), index)).collect();
    let mut locations = Locations::default();
    let mut results = Vec::new();
    for (document, finding) in findings {
        let rule_index = *rule_indexes.entry(finding.rule.clone()).or_insert_with(|| {
            // A team phrase from .debrief/lint.toml: described by its own message and suggestion.
            let help = finding.suggestion.as_deref().unwrap_or(&finding.message);
            rules.push(json!({
                "id": finding.rule,
                "shortDescription": { "text": finding.message },
                "fullDescription": { "text": finding.message },
                "help": { "text": help },
                "properties": { "category": finding.category.as_str(), "tags": [finding.category.as_str(), "wording", "team"] },
            }));
            rules.len() - 1
        });
        results.push(json!({
            "ruleId": finding.rule,
            "ruleIndex": rule_index,
            "level": finding.severity.as_str(),
            "message": { "text": message_and_suggestion(finding) },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": locations.of(*document, &documents[*document]),
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_column,
                        "byteOffset": finding.start,
                        "byteLength": finding.end - finding.start,
                        "snippet": { "text": finding.phrase },
                    },
                },
            }],
            "properties": { "category": finding.category.as_str(), "suggestion": finding.suggestion },
        }));
    }
    let notifications: Vec<Value> =
        errors.iter().map(|error| json!({ "level": "error", "message": { "text": error } })).collect();
    let mut run = json!({
        "tool": { "driver": {
            "name": "debrief",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": INFORMATION_URI,
            "rules": rules,
        } },
        "columnKind": "unicodeCodePoints",
        "invocations": [{ "executionSuccessful": errors.is_empty(), "toolExecutionNotifications": notifications }],
        "results": results,
    });
    if locations.relative_files {
        // Without a working directory (it was removed while we ran) a reader is asked for the base.
        if let Some(directory) = working_directory {
            run["originalUriBaseIds"] = json!({ WORKING_DIRECTORY: {
                "uri": directory_uri(directory),
                "description": { "text": "The directory debrief lint ran in; relative paths start there." },
            } });
        }
    }
    if !locations.artifacts.is_empty() {
        run["artifacts"] = Value::Array(locations.artifacts);
    }
    json!({ "$schema": SCHEMA, "version": "2.1.0", "runs": [run] })
}

/// Where the rules of a category are explained: the wording checker, or follow-through.
fn help_uri(category: Category) -> String {
    let section = if category.is_wording() { "wording-checker" } else { "follow-through" };
    format!("{INFORMATION_URI}#{section}")
}

/// What a category's rules read: the wording of the prose, or the action items.
fn topic(category: Category) -> &'static str {
    if category.is_wording() { "wording" } else { "action-items" }
}

/// The artifact location of each document, made once, and the texts embedded as artifacts.
#[derive(Default)]
struct Locations {
    by_document: HashMap<usize, Value>,
    artifacts: Vec<Value>,
    relative_files: bool,
}

impl Locations {
    fn of(&mut self, index: usize, document: &Kept) -> Value {
        if let Some(location) = self.by_document.get(&index) {
            return location.clone();
        }
        let location = match &document.origin {
            Origin::File(path) if path.is_absolute() => json!({ "uri": file_uri(path) }),
            Origin::File(path) => {
                self.relative_files = true;
                json!({ "uri": relative_uri(path), "uriBaseId": WORKING_DIRECTORY })
            }
            Origin::Text { description, standard_input } => {
                let text = document.text.as_deref().unwrap_or_default();
                let artifact = self.artifacts.len();
                // A JSON pointer to the artifact's own contents in this log (SARIF 2.1.0, 3.10.3).
                let uri = format!("sarif:/runs/0/artifacts/{artifact}/contents");
                let roles: &[&str] =
                    if *standard_input { &["analysisTarget", "standardStream"] } else { &["analysisTarget"] };
                self.artifacts.push(json!({
                    "location": { "uri": uri, "description": { "text": description } },
                    "roles": roles,
                    "mimeType": "text/markdown",
                    "length": text.len(),
                    "contents": { "text": text },
                }));
                json!({ "uri": uri, "index": artifact, "description": { "text": description } })
            }
        };
        self.by_document.insert(index, location.clone());
        location
    }
}

/// An absolute path as a `file://` URI: `/srv/post mortems/a.md` → `file:///srv/post%20mortems/a.md`.
fn file_uri(path: &Path) -> String {
    format!("file:///{}", segments(path).join("/"))
}

/// A directory as a `file://` URI ending in a slash, as a base for relative references.
fn directory_uri(path: &Path) -> String {
    let uri = file_uri(path);
    if uri.ends_with('/') { uri } else { format!("{uri}/") }
}

/// A relative path as a relative reference: `./dir with space/a.md` → `dir%20with%20space/a.md`.
/// Every segment is encoded, so a `:` in the first one can never read as a URI scheme.
fn relative_uri(path: &Path) -> String {
    segments(path).join("/")
}

/// The path's segments, percent-encoded; `.` segments and the root are dropped.
fn segments(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|component| match component {
            // A Windows drive (`C:`) stays as it is, as in `file:///C:/incidents/a.md`.
            Component::Prefix(prefix) => {
                Some(String::from_utf8_lossy(prefix.as_os_str().as_encoded_bytes()).replace('\\', "/"))
            }
            Component::RootDir | Component::CurDir => None,
            Component::ParentDir => Some("..".to_string()),
            Component::Normal(name) => Some(percent_encoded(name.as_encoded_bytes())),
        })
        .collect()
}

/// Everything but RFC 3986's unreserved characters percent-encoded, byte by byte (so names in
/// any script become valid URIs, SARIF 2.1.0, 3.10.4).
fn percent_encoded(bytes: &[u8]) -> String {
    let mut encoded = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_are_file_uris() {
        assert_eq!(file_uri(Path::new("/srv/post mortems/a.md")), "file:///srv/post%20mortems/a.md");
        assert_eq!(file_uri(Path::new("/srv/./x/Café#1.md")), "file:///srv/x/Caf%C3%A9%231.md");
        assert_eq!(directory_uri(Path::new("/home/robin/repo")), "file:///home/robin/repo/");
        assert_eq!(directory_uri(Path::new("/")), "file:///");
    }

    #[test]
    fn relative_paths_stay_relative_and_never_start_with_a_slash() {
        assert_eq!(relative_uri(Path::new("dfds/PM2021-008 - Kubernetes.md")), "dfds/PM2021-008%20-%20Kubernetes.md");
        assert_eq!(relative_uri(Path::new("./incidents/2026-11-23-x#3.md")), "incidents/2026-11-23-x%233.md");
        assert_eq!(relative_uri(Path::new("../shared/a.md")), "../shared/a.md");
        assert_eq!(relative_uri(Path::new("c:notes.md")), "c%3Anotes.md", "not a URI with scheme `c`");
    }

    #[test]
    fn each_document_is_located_once_and_texts_are_embedded() {
        let file = Origin::File(PathBuf::from("a.md"));
        let standard_input = Origin::Text { description: "standard input".into(), standard_input: true };
        let text = "We could have rolled back.\n";
        let documents = [
            Kept::new(Document { shown: "a.md", origin: &file, text }),
            Kept::new(Document { shown: "-", origin: &standard_input, text }),
        ];
        let mut locations = Locations::default();
        assert_eq!(locations.of(0, &documents[0]), json!({ "uri": "a.md", "uriBaseId": "SRCROOT" }));
        let embedded = locations.of(1, &documents[1]);
        assert_eq!(embedded["uri"], "sarif:/runs/0/artifacts/0/contents");
        assert_eq!(locations.of(1, &documents[1]), embedded);
        assert_eq!(locations.artifacts.len(), 1);
        assert_eq!(locations.artifacts[0]["contents"]["text"], "We could have rolled back.\n");
        assert!(locations.relative_files);
    }
}
