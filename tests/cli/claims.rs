//! Claims that match the record, on post-mortems written by hand: the corpus of public
//! post-mortems (`../shared/corpus`) as a git repository, each read into an incident and checked
//! with `debrief check`. Their timelines are Markdown lists, tables and paragraphs, and are the
//! record their other times are held to.

use std::path::{Path, PathBuf};

use crate::browse::corpus_remote;
use crate::util::Debrief;

/// Every post-mortem file of the corpus's working copy, by its path there.
fn corpus_files(copy: &Path) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for organisation in std::fs::read_dir(copy.join("incidents")).unwrap().flatten() {
        for file in std::fs::read_dir(organisation.path()).unwrap().flatten() {
            let path = file.path();
            let relative = path.strip_prefix(copy).unwrap().display().to_string();
            files.push((relative, path));
        }
    }
    files.sort();
    files
}

/// Reads `file` into a new incident started on the day its name gives (else the day the corpus
/// was committed) and returns what `debrief check` says of its claims.
fn claims_of(debrief: &Debrief, number: usize, file: &Path) -> Vec<String> {
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    let day = name
        .char_indices()
        .filter_map(|(at, _)| name.get(at..at + 10))
        .find(|candidate| chrono::NaiveDate::parse_from_str(candidate, "%Y-%m-%d").is_ok())
        .unwrap_or("2024-06-01")
        .to_string();
    let incident = debrief.new_incident(&format!("Corpus post-mortem {number}"), &format!("{day}T00:00:00Z"));
    let imported = debrief.run(&["import-postmortem", "--incident", &incident, file.to_str().unwrap()], None);
    assert_ne!(imported.status.code(), Some(2), "{name}: {}", String::from_utf8_lossy(&imported.stderr));
    // Exit 1: a post-mortem written without Debrief lacks what Debrief's template asks for.
    let checked = debrief.run(&["check", "--incident", &incident, "--format", "json"], None);
    assert!(matches!(checked.status.code(), Some(0 | 1)), "{name}: {}", String::from_utf8_lossy(&checked.stderr));
    let report: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    report["concerns"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|concern| concern["kind"] == "claim")
        .map(|concern| concern["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_corpus_gets_claims_only_where_its_key_events_disagree_with_its_own_timeline() {
    let (_remote, copy) = corpus_remote();
    let debrief = Debrief::new();
    let mut found = Vec::new();
    let files = corpus_files(copy.path());
    assert!(files.len() > 100, "the whole corpus: {}", files.len());
    for (number, (relative, path)) in files.iter().enumerate() {
        for claim in claims_of(&debrief, number, path) {
            found.push(format!("{relative}: {claim}"));
        }
    }
    // Each of these is a summary line ("Repaired: 2023-07-25 15:55") whose time the post-mortem's
    // own timeline does not hold; every other time written in the corpus's prose matches its
    // timeline, is approximate and near it, is a bound, or is quoted, code or a log line.
    let moj = "incidents/moj-cloud-platform-incidents/source__incidents__";
    let expected = [
        // Chia's summary says 6:48AM PDT, 13:48 UTC; its timeline's line at 12:48 UTC says "(6:48
        // PDT)" beside it, an hour off (May is PDT, UTC-7). Read since "6:48AM" is read as a time.
        "incidents/chia-post-mortem/2021-05__2021-05-09-negative-coin-values.md: line 14: \u{201c}6:48AM PDT\u{201d} matches no time in the timeline written here; it has \u{201c}The last transaction block before the incident 255105, was\u{2026}\u{201d} at 12:48 (line 22)".to_string(),
        format!(
            "{moj}2023-06-06-user-services-down.html.md.erb: line 26: \u{201c}10:26\u{201d} matches no time in the timeline written here; it has \u{201c}User reported that their production pods are deleted all at\u{2026}\u{201d} at 2023-06-06 10:23 (line 40)"
        ),
        format!(
            "{moj}2023-07-25-prometheus-on-live-cluster-down.html.md.erb: line 29: \u{201c}15:55\u{201d} matches no time in the timeline written here; it has \u{201c}Incident repaired\u{201d} at 2023-07-25 16:18 (line 52)"
        ),
        format!(
            "{moj}2023-07-25-prometheus-on-live-cluster-down.html.md.erb: line 30: \u{201c}15:55\u{201d} matches no time in the timeline written here; it has \u{201c}Incident resolved\u{201d} at 2023-07-05 16:18 (line 53)"
        ),
        format!(
            "{moj}2023-11-01-prometheus-restarted.html.md.erb: line 40: \u{201c}14:38\u{201d} matches no time in the timeline written here; it has \u{201c}Incident repaired and resolved.\u{201d} at 2023-11-03 16:01 (line 59)"
        ),
        format!(
            "{moj}2023-11-01-prometheus-restarted.html.md.erb: line 41: \u{201c}14:38\u{201d} matches no time in the timeline written here; it has \u{201c}Incident repaired and resolved.\u{201d} at 2023-11-03 16:01 (line 59)"
        ),
        format!(
            "{moj}2024-09-20-eks-subnet-route-table.html.md.erb: line 33: \u{201c}11:30\u{201d} matches no time in the timeline written here; it has \u{201c}Incident declared as resolved\u{201d} at 2024-09-20 11:40 (line 52)"
        ),
    ];
    assert_eq!(found, expected, "{found:#?}");
}

#[test]
fn a_time_in_a_corpus_post_mortem_that_its_timeline_does_not_hold_is_reported_with_the_timelines_time() {
    let (_remote, copy) = corpus_remote();
    let file = copy.path().join("incidents/posthog-post-mortems/2025-09-29-flags-is-down.md");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("from 16:58 to 18:46 UTC") && written.contains("- **16:58 UTC** - Writer database"));
    let debrief = Debrief::new();
    assert_eq!(claims_of(&debrief, 1, &file), Vec::<String>::new(), "as published, every time matches");
    std::fs::write(&file, written.replace("from 16:58 to 18:46 UTC", "from 16:28 to 18:46 UTC")).unwrap();
    let claims = claims_of(&debrief, 2, &file);
    assert_eq!(claims.len(), 1, "{claims:?}");
    // Lines of the post-mortem as Debrief renders it, with its front matter (which lists the action
    // items, contributing factors and key times read from the body).
    assert!(
        claims[0].starts_with(
            "line 45: \u{201c}16:28\u{201d} matches no time in the timeline written here; it has \u{201c}Writer database begins"
        ),
        "{claims:?}"
    );
    assert!(claims[0].ends_with("\u{201d} at 16:58 UTC (line 53)"), "{claims:?}");
}
