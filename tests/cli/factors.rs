//! Contributing factors as data: added to an incident from the command line, written into
//! the published front matter, read back by `draft --edit` and `import-postmortem`, and
//! counted per theme over time across the shared repository after a sync, with themes the
//! team does not list kept and noted, and post-mortems written without factors still indexed.

use std::os::unix::fs::PermissionsExt;

use crate::remotes::BareRemote;
use crate::util::Debrief;

const CHECKOUT: &str = "incidents/2026/2026-10-05-checkout-latency.md";

/// An author publishing to `remote`: two incidents a month apart, with factors.
fn author_publishing(remote: &BareRemote) -> Debrief {
    let author = Debrief::new();
    author.ok(&["remote", "set", &remote.url()]);
    author.new_incident("Checkout latency", "2026-10-05T14:00:00+02:00");
    author.ok(&["factor", "add", "--theme", "capacity", "The pool size was set for last year's traffic"]);
    author.ok(&["factor", "add", "--theme", "Detection", "No alert watched the pool's saturation"]);
    author.ok(&["factor", "add", "--theme", "capacity", "Retries doubled the load on the pool"]);
    assert_eq!(author.run(&["publish"], None).status.code(), Some(0));
    author.new_incident("Search slow", "2026-12-03T09:00:00+01:00");
    author.ok(&["factor", "add", "--theme", "capacity", "The index shard was sized in 2024"]);
    author.ok(&["factor", "add", "--theme", "change", "A mapping change reindexed every document"]);
    assert_eq!(author.run(&["publish"], None).status.code(), Some(0));
    author
}

fn editor(debrief: &Debrief, expression: &str) -> std::path::PathBuf {
    let editor = debrief.home().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\nsed -i '{expression}' \"$1\"\n")).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    editor
}

fn factors_of(debrief: &Debrief, incident: &str) -> Vec<(String, Option<String>)> {
    let listed = debrief.json(&["factor", "list", "--incident", incident, "--format", "json"]);
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|factor| (factor["text"].as_str().unwrap().to_string(), factor["theme"].as_str().map(String::from)))
        .collect()
}

#[test]
fn factors_round_trip_through_publish_sync_edit_and_import() {
    let remote = BareRemote::new();
    let author = author_publishing(&remote);
    let published = remote.show(CHECKOUT);
    assert!(
        published.contains(
            "contributing_factors:\n  - factor: The pool size was set for last year's traffic\n    theme: capacity\n  \
             - factor: No alert watched the pool's saturation\n    theme: detection\n"
        ),
        "a teammate reads them in the front matter:\n{published}"
    );

    // A teammate syncs and counts incidents per theme.
    let reader = Debrief::new();
    reader.ok(&["remote", "set", &remote.url()]);
    reader.ok(&["sync"]);
    let trends = reader.json(&["factors", "--format", "json"]);
    assert_eq!(trends["periods"], serde_json::json!(["2026-10", "2026-11", "2026-12"]), "a quiet month is a zero");
    let theme =
        |id: &str| trends["themes"].as_array().unwrap().iter().find(|theme| theme["theme"] == id).unwrap().clone();
    let capacity = theme("capacity");
    assert_eq!(capacity["incidents"], 2, "two incidents, though one names capacity twice: {capacity}");
    assert_eq!(capacity["per_period"], serde_json::json!([1, 0, 1]));
    assert_eq!(capacity["behind"][0]["title"], "Search slow", "newest first");
    assert_eq!(
        capacity["behind"][1]["factors"],
        serde_json::json!(["The pool size was set for last year's traffic", "Retries doubled the load on the pool"])
    );
    assert_eq!(theme("detection")["per_period"], serde_json::json!([1, 0, 0]));
    assert_eq!(theme("tooling")["incidents"], 0, "the team's themes are all listed");
    let quarters = reader.json(&["factors", "--by", "quarter", "--format", "json"]);
    assert_eq!(quarters["periods"], serde_json::json!(["2026-Q4"]));
    let text = reader.ok(&["factors", "--theme", "capacity"]);
    assert!(text.contains("capacity (2 incidents)") && text.contains(CHECKOUT), "{text}");
    assert!(text.contains("- The index shard was sized in 2024"), "{text}");
    assert!(!text.contains("A mapping change"), "only the capacity factors: {text}");

    // `draft --edit` reads the front matter's factors back: a sentence changed, a theme changed.
    let edit = editor(
        &author,
        "s/^  - factor: Retries doubled the load on the pool$/  - factor: Retries tripled the load on the pool/; \
         s/^    theme: detection$/    theme: tooling/",
    );
    let output = author
        .command()
        .args(["draft", "--edit", "--incident", "2026-10-05-checkout-latency"])
        .env("EDITOR", &edit)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("3 contributing factors"));
    assert_eq!(
        factors_of(&author, "2026-10-05-checkout-latency"),
        [
            ("The pool size was set for last year's traffic".to_string(), Some("capacity".to_string())),
            ("No alert watched the pool's saturation".to_string(), Some("tooling".to_string())),
            ("Retries tripled the load on the pool".to_string(), Some("capacity".to_string())),
        ]
    );

    // The published file read into a fresh data directory gives the same factors, and renders the same.
    let clone = remote.clone();
    let file = clone.path().join(CHECKOUT);
    let fresh = Debrief::new();
    fresh.ok(&["import-postmortem", file.to_str().unwrap()]);
    assert_eq!(factors_of(&fresh, "2026-10-05-checkout-latency")[1].1.as_deref(), Some("detection"));
    assert_eq!(fresh.ok(&["draft", "--incident", "2026-10-05-checkout-latency"]), published);
}

#[test]
fn factors_are_added_listed_edited_and_removed() {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Queue backlog", "2026-11-23T10:00:00+01:00");
    debrief.ok(&["factor", "add", "--theme", "capacity", "The", "queue", "was", "sized", "for", "one", "region"]);
    debrief.ok(&["factor", "add", "Nobody", "had", "run", "the", "failover"]);
    let output = debrief.run(&["factor", "add", "--theme", "knowledge", "Runbook out of date"], None);
    assert!(output.status.success());
    let listed = debrief.ok(&["factor", "list"]);
    let words = |number: &str| -> Vec<String> {
        let line = listed.lines().find(|line| line.starts_with(number)).unwrap_or_default();
        line.split_whitespace().map(String::from).collect()
    };
    assert_eq!(words("#1")[..3], ["#1", "capacity", "The"], "{listed}");
    assert_eq!(words("#2")[..4], ["#2", "no", "theme", "Nobody"], "{listed}");
    debrief.ok(&["factor", "edit", "2", "--theme", "process"]);
    let removed = debrief.ok(&["factor", "remove", "1"]);
    assert!(removed.contains("removed contributing factor #1") && removed.contains("sized for one region"));
    assert_eq!(
        factors_of(&debrief, &id),
        [
            ("Nobody had run the failover".to_string(), Some("process".to_string())),
            ("Runbook out of date".to_string(), Some("knowledge".to_string())),
        ]
    );
    let error = debrief.error(&["factor", "remove", "7"], None);
    assert!(error.contains("has no contributing factor #7"), "{error}");
    let error = debrief.error(&["factor", "edit", "1"], None);
    assert!(error.contains("nothing to change"), "{error}");
    let error = debrief.error(&["factor", "add", "--theme", "capacity", "  "], None);
    assert!(error.contains("contributing factor") && error.contains("empty"), "{error}");
    let themes = debrief.json(&["factor", "themes", "--format", "json"]);
    assert!(themes.as_array().unwrap().iter().any(|theme| theme["id"] == "knowledge"), "{themes}");
}

#[test]
fn a_theme_the_team_does_not_list_is_kept_and_noted() {
    let remote = BareRemote::new();
    remote.commit_files(
        &[(
            ".debrief/factors.toml",
            "[[themes]]\nid = \"capacity\"\ndescription = \"Limits.\"\n\n[[themes]]\nid = \"vendor\"\ndescription = \"Vendors.\"\n",
        )],
        "Our own themes",
    );
    let author = Debrief::new();
    author.ok(&["remote", "set", &remote.url()]);
    author.ok(&["sync"]);
    let themes = author.ok(&["factor", "themes"]);
    assert!(themes.contains("vendor") && themes.contains("From .debrief/factors.toml"), "{themes}");
    author.new_incident("Payments declined", "2026-11-02T10:00:00+01:00");
    let output = author.run(&["factor", "add", "--theme", "Third party", "The card network changed its limits"], None);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("`third-party` is not one of the team's themes (capacity, vendor)"), "{stderr}");
    author.ok(&["factor", "add", "--theme", "vendor", "The gateway retried declined cards"]);
    let check = author.json(&["check", "--format", "json"]);
    let notes: Vec<&serde_json::Value> = check["concerns"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|concern| concern["kind"] == "contributing-factor")
        .collect();
    assert_eq!(notes.len(), 1, "{check}");
    assert_eq!(notes[0]["level"], "note");
    let note = notes[0]["message"].as_str().unwrap();
    assert!(note.contains("#1 has the theme `third-party`") && note.contains(".debrief/factors.toml"), "{note}");
    assert_eq!(author.run(&["publish"], None).status.code(), Some(0));
    let published = remote.show("incidents/2026/2026-11-02-payments-declined.md");
    assert!(published.contains("    theme: third-party\n"), "kept as written: {published}");
    author.ok(&["sync"]);
    let trends = author.json(&["factors", "--format", "json"]);
    let names: Vec<&str> =
        trends["themes"].as_array().unwrap().iter().map(|theme| theme["theme"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["capacity", "vendor", "third-party"],
        "the team's themes first, then the ones only post-mortems name"
    );
    assert_eq!(trends["themes"][2]["description"], serde_json::Value::Null);
    assert_eq!(trends["themes"][2]["incidents"], 1);
    let text = author.ok(&["factors"]);
    assert!(text.contains("third-party (1 incident): not one of the team's themes"), "{text}");
    let error = author.error(&["factors", "--theme", "weather"], None);
    assert!(error.contains("no post-mortem names the theme `weather`"), "{error}");
}

#[test]
fn hand_written_post_mortems_without_factors_still_index() {
    let remote = BareRemote::new();
    remote.commit_files(
        &[
            ("incidents/2025/2025-02-01-queue-backlog.md", "# Queue backlog\n\nThe zookeeper quorum was lost.\n"),
            (
                "postmortems/dns.md",
                "---\ntitle: DNS outage\ndate: 2025-03-04\ntags: [dns]\n---\n\nResolvers stopped answering.\n",
            ),
            (
                "incidents/2025/2025-03-20-cache.md",
                "---\ntitle: Cache stampede\ndate: 2025-03-20\ncontributing_factors:\n  - Every key expired at the \
                 same second\n  - factor: The warm-up job was off\n    theme: Tooling\n---\n\nThe cache emptied.\n",
            ),
        ],
        "Post-mortems written by hand",
    );
    let reader = Debrief::new();
    reader.ok(&["remote", "set", &remote.url()]);
    let report = reader.json(&["sync", "--format", "json"]);
    assert_eq!(report["documents"], 3, "{report}");
    assert!(report["warnings"].as_array().unwrap().is_empty(), "{report}");
    let hits = reader.json(&["search", "zookeeper", "--format", "json"]);
    assert_eq!(hits[0]["title"], "Queue backlog");
    let trends = reader.json(&["factors", "--format", "json"]);
    assert_eq!(trends["periods"], serde_json::json!(["2025-03"]));
    let tooling = trends["themes"].as_array().unwrap().iter().find(|theme| theme["theme"] == "tooling").unwrap();
    assert_eq!(tooling["behind"][0]["title"], "Cache stampede");
    assert_eq!(trends["unthemed"][0]["factors"], serde_json::json!(["Every key expired at the same second"]));
    let text = reader.ok(&["factors"]);
    assert!(text.contains("no theme (1 incident)") && text.contains("Every key expired"), "{text}");
}

#[test]
fn the_default_themes_print_commented_and_serve_as_a_team_file() {
    let debrief = Debrief::new();
    let printed = debrief.ok(&["factors", "--print-config"]);
    assert!(printed.starts_with("# Debrief contributing-factor themes"), "{printed}");
    for theme in ["change", "capacity", "dependency", "detection", "knowledge", "tooling", "process", "communication"] {
        assert!(printed.contains(&format!("id = \"{theme}\"")), "{theme}");
    }
    let remote = BareRemote::new();
    remote.commit_files(&[(".debrief/factors.toml", &printed)], "Themes, from the defaults");
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["sync"]);
    let themes = debrief.json(&["factor", "themes", "--format", "json"]);
    assert_eq!(themes.as_array().unwrap().len(), printed.matches("[[themes]]").count());
    let none = debrief.ok(&["factors"]);
    assert!(none.contains("No post-mortem in the index lists contributing factors yet"), "{none}");
}
