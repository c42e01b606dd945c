//! "Seen before": `debrief similar` on a shared repository of Debrief's own publishes with
//! overlapping services and words, and on the corpus of post-mortems written by hand.

use std::os::unix::fs::PermissionsExt;

use serde_json::Value;

use crate::browse::{corpus_remote, synced};
use crate::remotes::BareRemote;
use crate::util::Debrief;

/// One incident as a responder records it: its timeline, services, contributing factors
/// (typed into the draft) and action items.
struct Recorded<'a> {
    title: &'a str,
    at: &'a str,
    service: &'a str,
    lines: &'a [&'a str],
    factors: &'a str,
    actions: &'a [&'a [&'a str]],
}

fn record(debrief: &Debrief, incident: &Recorded<'_>) -> String {
    let id = debrief.new_incident(incident.title, incident.at);
    for line in incident.lines {
        debrief.ok(&["log", "--incident", &id, "--who", "alice", line]);
    }
    debrief.ok(&["set", "--incident", &id, "--service", incident.service, "--owner", "alice"]);
    for action in incident.actions {
        debrief.ok(&[&["action", "add", "--incident", &id], *action].concat());
    }
    // The author types the contributing factors under the template's prompt.
    let editor = debrief.home().join("factors.sh");
    std::fs::write(&editor, format!("#!/bin/sh\nsed -i '/^<!-- How did conditions/a {}' \"$1\"\n", incident.factors))
        .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output =
        debrief.command().args(["draft", "--edit", "--incident", &id]).env("EDITOR", &editor).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(debrief.ok(&["draft", "--incident", &id]).contains(incident.factors));
    id
}

const CHECKOUT_LATENCY: Recorded<'static> = Recorded {
    title: "Checkout latency",
    at: "2026-03-02T10:00:00+01:00",
    service: "checkout",
    lines: &["Connection pool exhausted on db-2", "Gateway timeout on checkout requests"],
    factors: "A retry storm held every connection in the pool.",
    actions: &[
        &["--owner", "carol", "--due", "2026-04-01", "--type", "detective", "Alert", "on", "pool", "saturation"],
        &["--owner", "dave", "--due", "2026-04-15", "--type", "preventive", "Shorter", "retries"],
    ],
};

const SEARCH_SLOW: Recorded<'static> = Recorded {
    title: "Search slow",
    at: "2026-05-10T10:00:00+02:00",
    service: "search",
    lines: &["Connection pool exhausted after the reindex", "Gateway timeout for search requests"],
    factors: "The reindex job held every connection in the pool.",
    actions: &[],
};

const LOGIN_ERRORS: Recorded<'static> = Recorded {
    title: "Login errors",
    at: "2026-06-01T10:00:00+02:00",
    service: "login",
    lines: &["Certificate expired on the identity provider", "Sessions refused at the edge"],
    factors: "The renewal reminder went to a mailbox nobody reads.",
    actions: &[&["--owner", "erin", "--due", "2026-07-01", "--type", "preventive", "Renew", "automatically"]],
};

const CHECKOUT_DNS: Recorded<'static> = Recorded {
    title: "Checkout DNS",
    at: "2026-07-01T10:00:00+02:00",
    service: "checkout",
    lines: &["Resolver stopped answering", "Cart pages failed to load"],
    factors: "The resolver cache was cold after a restart.",
    actions: &[&["--owner", "frank", "--type", "corrective", "Warm", "the", "resolver", "cache"]],
};

/// A shared repository with four published incidents, two on checkout; the author then starts
/// a fifth on checkout that reads much like the first.
fn published_history() -> (BareRemote, Debrief, String) {
    let remote = BareRemote::new();
    let author = Debrief::new();
    author.ok(&["remote", "set", &remote.url()]);
    for incident in [&CHECKOUT_LATENCY, &SEARCH_SLOW, &LOGIN_ERRORS, &CHECKOUT_DNS] {
        let id = record(&author, incident);
        assert_eq!(author.run(&["publish", "--incident", &id], None).status.code(), Some(0));
    }
    author.ok(&["action", "done", "2", "--incident", "2026-03-02-checkout-latency"]);
    assert_eq!(author.run(&["publish", "--incident", "2026-03-02-checkout-latency"], None).status.code(), Some(0));
    let current = record(
        &author,
        &Recorded {
            title: "Checkout pool exhausted",
            at: "2026-11-23T14:00:00+01:00",
            service: "checkout",
            lines: &["Connection pool exhausted on db-2 again", "Gateway timeout on checkout requests"],
            factors: "Retries held every connection in the pool.",
            actions: &[],
        },
    );
    author.ok(&["sync"]);
    (remote, author, current)
}

fn ids(seen: &Value) -> Vec<&str> {
    seen["matches"].as_array().unwrap().iter().map(|found| found["id"].as_str().unwrap()).collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().unwrap().iter().map(|item| item.as_str().unwrap()).collect()
}

#[test]
fn the_incident_being_written_up_finds_its_likes_with_the_reasons_and_the_open_items() {
    let (_remote, author, current) = published_history();
    // With no ID: the incident other write-up commands would choose, the newest.
    let seen = author.json(&["similar", "--format", "json"]);
    assert_eq!(seen["id"], current.as_str());
    assert_eq!(
        ids(&seen),
        ["2026-03-02-checkout-latency", "2026-05-10-search-slow", "2026-07-01-checkout-dns"],
        "same service and shared phrases first, shared phrases alone next, the same service alone last, \
         nothing in common never: {seen:#}"
    );
    let best = &seen["matches"][0];
    assert_eq!(strings(&best["services"]), ["checkout"]);
    let terms = strings(&best["terms"]);
    for phrase in ["connection pool", "pool exhausted"] {
        assert!(terms.contains(&phrase), "{phrase} in {terms:?}");
    }
    assert!(!terms.iter().any(|term| ["alice", "the", "checkout"].contains(term)), "{terms:?}");
    assert!(best["why"].as_str().unwrap().starts_with("same service: checkout; both mention "), "{best}");
    let search = &seen["matches"][1];
    assert!(search["services"].as_array().unwrap().is_empty());
    assert!(
        search["why"].as_str().unwrap().starts_with("both mention ")
            && strings(&search["terms"]).contains(&"connection pool")
    );
    assert_eq!(seen["matches"][2]["why"], "same service: checkout");

    let items: Vec<(&str, &str)> = seen["open_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| (item["incident"].as_str().unwrap(), item["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        items,
        [
            ("2026-03-02-checkout-latency", "Alert on pool saturation"),
            ("2026-07-01-checkout-dns", "Warm the resolver cache")
        ],
        "open items on checkout only, the done one left out"
    );
    assert_eq!(seen["open_items"][0]["why"], "proposed in 2026-03-02-checkout-latency, due 2026-04-01, still open");
    assert_eq!(seen["open_items"][0]["overdue"], true);

    let text = author.ok(&["similar"]);
    assert!(text.contains("Seen before Checkout pool exhausted on checkout"), "{text}");
    assert!(text.contains("same service: checkout; both mention "), "{text}");
    assert!(text.contains("proposed in 2026-03-02-checkout-latency, due 2026-04-01, still open"), "{text}");
    assert!(text.find("Checkout latency").unwrap() < text.find("Search slow").unwrap(), "{text}");
    assert!(!text.contains("Login errors"), "{text}");
    let limited = author.json(&["similar", "--limit", "1", "--format", "json"]);
    assert_eq!(ids(&limited), ["2026-03-02-checkout-latency"]);
}

#[test]
fn a_published_post_mortem_is_compared_by_its_id_and_never_matches_itself() {
    let (remote, _author, _current) = published_history();
    let reader = synced(&remote);
    let seen = reader.json(&["similar", "2026-05-10-search-slow", "--format", "json"]);
    assert_eq!(seen["title"], "Search slow");
    assert_eq!(ids(&seen), ["2026-03-02-checkout-latency"], "{seen:#}");
    assert!(strings(&seen["matches"][0]["terms"]).contains(&"connection pool"));
    assert_eq!(seen["open_items"].as_array().unwrap().len(), 0, "nothing open on search");
    let by_path = reader.json(&["similar", "incidents/2026/2026-07-01-checkout-dns.md", "--format", "json"]);
    assert_eq!(by_path["id"], "2026-07-01-checkout-dns");
    assert!(!ids(&by_path).contains(&"2026-07-01-checkout-dns"));
    assert_eq!(by_path["matches"][0]["why"], "same service: checkout");
    let own_items: Vec<&str> =
        by_path["open_items"].as_array().unwrap().iter().map(|item| item["incident"].as_str().unwrap()).collect();
    assert_eq!(own_items, ["2026-03-02-checkout-latency"], "its own items are not earlier incidents'");
    let error = reader.error(&["similar", "2026-01-01-nothing-like-it"], None);
    assert!(error.contains("no incident with id `2026-01-01-nothing-like-it`"), "{error}");
}

#[test]
fn before_any_sync_it_says_to_sync_rather_than_print_nothing() {
    let debrief = Debrief::new();
    debrief.new_incident("Checkout latency", "2026-11-23T14:00:00+01:00");
    let text = debrief.ok(&["similar"]);
    assert!(text.contains("The index is empty: run `debrief sync`"), "{text}");
    let seen = debrief.json(&["similar", "--format", "json"]);
    assert_eq!((seen["indexed"].as_u64(), seen["matches"].as_array().map(Vec::len)), (Some(0), Some(0)));
}

#[test]
fn corpus_post_mortems_find_ones_that_share_their_distinctive_words() {
    let (remote, _copy) = corpus_remote();
    let reader = synced(&remote);
    let expectations = [
        // A post-mortem and a word its best matches must name.
        ("source__incidents__2023-11-01-prometheus-restarted", "prometheus"),
        ("2021-05__2021-05-09-negative-coin-values", "negative value"),
        ("source__incidents__2022-01-22-some-dns-records-deleted", "dns records"),
        ("PM2021-008 - Kubernetes ingress controller Traefik v2 configuration caused outage", "traefik"),
    ];
    for (id, word) in expectations {
        let seen = reader.json(&["similar", id, "--format", "json"]);
        let matches = seen["matches"].as_array().unwrap();
        assert!(matches.len() >= 2, "{id}: {seen:#}");
        assert!(matches.iter().all(|found| found["id"] != id), "{id} matched itself");
        for found in matches {
            let terms = strings(&found["terms"]);
            let why = found["why"].as_str().unwrap();
            assert!(!terms.is_empty() || !found["services"].as_array().unwrap().is_empty(), "{id}: {found}");
            assert!(terms.iter().all(|term| why.contains(term)), "the reason names the shared words: {found}");
            let template_or_stop = ["the", "and", "summary", "timeline", "contributing", "factors", "how"];
            assert!(!terms.iter().any(|term| template_or_stop.contains(term)), "{id}: {terms:?}");
        }
        let best = strings(&matches[0]["terms"]).join(" ");
        assert!(best.contains(word), "{id}: the best match names {word:?}: {}", matches[0]);
    }
}
