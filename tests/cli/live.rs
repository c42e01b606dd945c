//! Live incidents: several responders, each on their own laptop, one timeline through the
//! shared repository, offline first. Three people capture at once while the repository
//! goes away and comes back and their processes are killed; afterwards every laptop shows
//! the same timeline, with every acknowledged line exactly once.

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use crate::publish::{edit_draft, publish};
use crate::remotes::{BareRemote, git, ssh_server_for};
use crate::util::Debrief;

const STARTED: &str = "2026-11-23T14:00:00+01:00";

/// What every laptop must agree on: each line's time, kind, text and author, in order.
fn shown(person: &Debrief, id: &str) -> Vec<(String, String, String, String)> {
    person
        .timeline(id)
        .iter()
        .map(|entry| {
            let field = |name: &str| entry[name].as_str().unwrap_or_default().to_string();
            (field("at"), field("kind"), field("text"), field("author"))
        })
        .collect()
}

/// A shared repository that can be taken away (renamed) and brought back, as a server going down.
struct Outage {
    path: PathBuf,
    away: PathBuf,
}

impl Outage {
    fn new(path: &Path) -> Outage {
        Outage { path: path.to_path_buf(), away: path.with_extension("away") }
    }

    fn set(&self, down: bool) {
        let (from, to) = if down { (&self.path, &self.away) } else { (&self.away, &self.path) };
        let _ = std::fs::rename(from, to);
    }
}

/// Three responders, one started and two joined, capturing `lines` each while the repository
/// comes and goes and their captures are killed at random; then every laptop syncs until
/// nothing is left to share.
fn three_responders_converge(url: &str, people: [Debrief; 3], outage: &Outage) {
    let lines: usize = std::env::var("DEBRIEF_LIVE_LINES").ok().and_then(|value| value.parse().ok()).unwrap_or(1000);
    for person in &people {
        person.ok(&["remote", "set", url]);
    }
    let id = people[0].ok(&["new", "Shared outage", "--at", STARTED]).trim().to_string();
    for person in &people[1..] {
        person.ok(&["join", &id]);
    }
    let capturing = AtomicBool::new(true);
    let acknowledged = std::thread::scope(|scope| {
        // The repository goes away and comes back at random moments, about a third of the time away.
        scope.spawn(|| {
            for turn in 0usize.. {
                if !capturing.load(Ordering::Relaxed) {
                    break;
                }
                let chance = RandomState::new().hash_one((SystemTime::now(), turn));
                outage.set(chance % 3 == 0);
                std::thread::sleep(Duration::from_millis(50 + chance % 500));
            }
        });
        let captures: Vec<_> = people
            .iter()
            .enumerate()
            .map(|(number, person)| {
                let id = id.clone();
                scope.spawn(move || {
                    let mut acked = Vec::new();
                    for round in 0.. {
                        if acked.len() >= lines {
                            break;
                        }
                        let prefix = format!("person {number} round {round}");
                        acked.extend(person.capture_named_until_killed(&id, &prefix, round, 40, 400_000));
                    }
                    acked
                })
            })
            .collect();
        let acknowledged: Vec<Vec<String>> =
            captures.into_iter().map(|capture| capture.join().expect("capture thread")).collect();
        capturing.store(false, Ordering::Relaxed);
        acknowledged
    });
    outage.set(false);
    // Everyone syncs until every laptop has shared everything and the timelines agree.
    let mut agreed = false;
    for _ in 0..6 {
        for person in &people {
            person.ok(&["sync"]);
        }
        let status: Vec<String> = people.iter().map(|person| person.ok(&["status"])).collect();
        let timelines: Vec<_> = people.iter().map(|person| shown(person, &id)).collect();
        if status.iter().all(|said| said.contains("every line of this laptop is shared"))
            && timelines.windows(2).all(|pair| pair[0] == pair[1])
        {
            agreed = true;
            break;
        }
    }
    assert!(agreed, "the three timelines never agreed");
    let timeline = shown(&people[0], &id);
    let mut seen = HashSet::new();
    for (_, _, text, _) in &timeline {
        assert!(seen.insert(text.clone()), "the line `{text}` is in the timeline twice");
    }
    for (number, texts) in acknowledged.iter().enumerate() {
        for text in texts {
            assert!(seen.contains(text), "person {number}'s acknowledged line `{text}` is missing");
        }
    }
    let authors: BTreeMap<&str, usize> = timeline.iter().fold(BTreeMap::new(), |mut count, (_, _, _, author)| {
        *count.entry(author.as_str()).or_default() += 1;
        count
    });
    assert_eq!(authors.len(), 3, "every line names one of the three laptops: {authors:?}");
    // The published post-mortem holds every line, and the live logs leave the repository.
    let (code, published) = publish(&people[0], &["--incident", &id]);
    assert_eq!(code, Some(0), "{published}");
    let draft = people[0].ok(&["draft", "--incident", &id]);
    for texts in &acknowledged {
        for text in texts {
            assert!(draft.contains(text.as_str()), "`{text}` is not in the published post-mortem");
        }
    }
    assert!(published.contains("the live logs of 3 responders were removed"), "{published}");
}

pub fn three_people() -> [Debrief; 3] {
    ["Ana", "Bo", "Cy"].map(|name| {
        let person = Debrief::new();
        let config = person.user_home().join(".gitconfig");
        let text = std::fs::read_to_string(&config).unwrap().replace("Robin Responder", name);
        std::fs::write(config, text).unwrap();
        person
    })
}

#[test]
fn three_responders_capturing_through_outages_and_kills_over_file_see_one_timeline() {
    let remote = BareRemote::new();
    let outage = Outage::new(remote.path());
    three_responders_converge(&remote.url(), three_people(), &outage);
}

#[test]
fn three_responders_capturing_through_outages_and_kills_over_ssh_see_one_timeline() {
    let remote = BareRemote::new();
    let people = three_people();
    let Some(server) = ssh_server_for(people[0].user_home()) else { return };
    let key = people[0].user_home().join(".ssh/id_ed25519");
    for person in &people[1..] {
        std::fs::copy(&key, person.user_home().join(".ssh/id_ed25519")).unwrap();
        server.trust(person.user_home());
    }
    let outage = Outage::new(remote.path());
    three_responders_converge(&server.url(remote.path()), people, &outage);
}

#[test]
fn a_joined_responder_sees_the_others_lines_attributed_and_corrections_merge() {
    let remote = BareRemote::new();
    let [ana, bo, _] = three_people();
    for person in [&ana, &bo] {
        person.ok(&["remote", "set", &remote.url()]);
    }
    let id = ana.ok(&["new", "Checkout latency", "--at", STARTED]).trim().to_string();
    ana.ok(&["log", "--at", "2026-11-23T14:02:00+01:00", "error rate at 40%"]);
    let listed = bo.ok(&["join"]);
    assert!(listed.contains(&id) && listed.contains("Checkout latency") && listed.contains("with Ana"), "{listed}");
    assert!(bo.ok(&["join", &id]).contains("1 line from the others"));
    let listed = bo.ok(&["join"]);
    assert!(
        listed.contains("No live incident to join") && listed.contains(&format!("Live here already: {id}")),
        "{listed}"
    );
    bo.ok(&["log", "--at", "2026-11-23T14:05:00+01:00", "restarted the pool"]);
    bo.ok(&["edit", "1", "--text", "error rate at 45%"]);
    ana.ok(&["sync"]);
    let timeline = ana.ok(&["timeline"]);
    assert!(timeline.contains("error rate at 45% (edited)  [Ana"), "{timeline}");
    assert!(timeline.contains("restarted the pool  [Bo"), "{timeline}");
    assert_eq!(shown(&ana, &id), shown(&bo, &id));
    assert!(ana.ok(&["status"]).contains("every line of this laptop is shared"));
    // Private incidents stay on the laptop.
    let private = ana.ok(&["new", "Quiet one", "--private"]).trim().to_string();
    assert!(!bo.ok(&["join"]).contains(&private));
}

/// An incident shared live that nobody joined: its publish spoke of "the responders' live logs".
#[test]
fn a_live_incident_nobody_joined_has_its_one_log_removed_by_the_publish_and_says_so() {
    let remote = BareRemote::new();
    let [ana, _, _] = three_people();
    ana.ok(&["remote", "set", &remote.url()]);
    let id = ana.ok(&["new", "Disk full", "--at", STARTED]).trim().to_string();
    ana.ok(&["log", "--at", "2026-11-23T14:02:00+01:00", "disk at 100% on db-1"]);
    let live_refs = || git(remote.path(), &["for-each-ref", "--format=%(refname)", "refs/debrief/"]);
    assert!(live_refs().contains(&id), "the incident is shared live: {}", live_refs());
    let (code, published) = publish(&ana, &[]);
    assert_eq!(code, Some(0), "{published}");
    assert!(
        published.contains(
            "the incident's live log was removed from the shared repository; its lines are in the post-mortem"
        ),
        "{published}"
    );
    assert_eq!(live_refs().trim(), "", "no live log is left in the repository");
}

#[test]
fn a_repository_that_refuses_the_live_logs_is_said_to_refuse_them_not_to_be_away() {
    let remote = BareRemote::new();
    // A host whose rules take branches and tags only, as some do.
    remote.on_each_pushed_ref(
        "case \"$ref\" in refs/heads/*|refs/tags/*) ;; \
         *) echo \"only branches and tags may be pushed, not $ref\" >&2; exit 1 ;; esac",
    );
    let [ana, _, _] = three_people();
    ana.ok(&["remote", "set", &remote.url()]);
    let started = ana.run(&["new", "Checkout latency", "--at", STARTED], None);
    assert!(started.status.success());
    let said = String::from_utf8_lossy(&started.stderr);
    assert!(said.contains("refused this laptop's log") && said.contains("only branches and tags"), "{said}");
    assert!(!said.contains("answers ("), "a refusal is not an absence: {said}");
    ana.ok(&["log", "--at", "2026-11-23T14:02:00+01:00", "error rate at 40%"]);
    let synced = ana.ok(&["sync"]);
    assert!(
        synced.contains("refused by the shared repository") && synced.contains("only branches and tags"),
        "{synced}"
    );
    // The lines stay on this laptop.
    assert!(ana.ok(&["timeline"]).contains("error rate at 40%"));
}

#[test]
fn a_key_time_from_anyone_but_the_commander_waits_for_the_commander() {
    let remote = BareRemote::new();
    let [ana, bo, _] = three_people();
    for person in [&ana, &bo] {
        person.ok(&["remote", "set", &remote.url()]);
    }
    let id = ana.ok(&["new", "Checkout latency", "--at", STARTED, "--commander", "Ana"]).trim().to_string();
    bo.ok(&["join", &id]);
    bo.ok(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    ana.ok(&["sync"]);
    let timeline = ana.ok(&["timeline"]);
    assert!(
        timeline.contains("detected   not yet") && timeline.contains("(proposed: `debrief accept 1`"),
        "{timeline}"
    );
    ana.ok(&["accept", "1"]);
    bo.ok(&["sync"]);
    for person in [&ana, &bo] {
        let timeline = person.ok(&["timeline"]);
        assert!(timeline.contains("detected   2026-11-23 14:06:00 +01:00"), "{timeline}");
        assert!(!timeline.contains("`debrief accept 1`"), "{timeline}");
    }
    // The commander sees the proposal answered, and accepting it twice is refused.
    let timeline = ana.ok(&["timeline"]);
    assert!(timeline.contains("(proposed, accepted as #2)"), "{timeline}");
    let again = ana.error(&["accept", "1"], None);
    assert!(again.contains("already accepted"), "{again}");
}

/// Two responders of one live incident each publish the post-mortem, the second never having
/// taken in the first's: both people's writing is kept where each wrote alone, and a section
/// both wrote goes to review rather than replacing the other's.
#[test]
fn a_second_responder_publishing_the_same_incident_merges_with_the_first_and_overwrites_nothing() {
    let remote = BareRemote::new();
    let [ana, bo, cy] = three_people();
    for person in [&ana, &bo, &cy] {
        person.ok(&["remote", "set", &remote.url()]);
    }
    let id = ana.ok(&["new", "Checkout latency", "--at", STARTED]).trim().to_string();
    ana.ok(&["log", "--at", "2026-11-23T14:02:00+01:00", "error rate at 40%"]);
    bo.ok(&["join", &id]);
    cy.ok(&["join", &id]);
    ana.ok(&["set", "--severity", "sev2"]);
    edit_draft(&ana, "s/^## Summary$/## Summary\\nAna wrote the summary./");
    assert!(publish(&ana, &[]).1.contains("Published incidents/2026/2026-11-23-checkout-latency.md to main"));
    let path = "incidents/2026/2026-11-23-checkout-latency.md";
    edit_draft(&bo, "s/^## Impact$/## Impact\\nBo wrote the impact./");
    let (code, text) = publish(&bo, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("merged, and are now in your draft"), "{text}");
    let published = remote.show(path);
    for kept in ["Ana wrote the summary.", "Bo wrote the impact.", "severity: SEV2", "error rate at 40%"] {
        assert!(published.contains(kept), "{kept}: {published}");
    }
    assert!(bo.ok(&["draft"]).contains("Ana wrote the summary."));
    assert_eq!(remote.log().len(), 2, "the common ground is not published: {:?}", remote.log());
    // A third writes the summary too: theirs waits on the review branch, the published one stands.
    edit_draft(&cy, "s/^## Summary$/## Summary\\nCy wrote another summary./");
    let (code, text) = publish(&cy, &[]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("review branch"), "{text}");
    assert_eq!(remote.show(path), published);
    let review = git(remote.path(), &["show", &format!("debrief/{id}:{path}")]);
    assert!(review.contains("Cy wrote another summary."), "{review}");
}
