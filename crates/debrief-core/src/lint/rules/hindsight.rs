//! Hindsight: judging with the outcome known. "In hindsight", "why didn't they
//! test that?", "the dashboard clearly showed the problem", "it was obvious".
//! ("Should have known" is read with the other perfect modals.)
//!
//! Left alone: "hindsight bias" as a topic, "why the job didn't start" (a
//! question about a machine), "it was not obvious" (which argues for the people
//! involved) and "looking back at the logs" (literally looking).

use super::Hit;
use crate::lint::grammar::{classify_subject, skip_adverbs};
use crate::lint::text::Sentence;
use crate::lint::words::{Agent, WHY_AUXILIARIES};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    for index in 0..sentence.len() {
        let hit = match sentence.word(index) {
            "in" | "with" if sentence.is_any(index + 1, &["hindsight", "retrospect", "retrospection"]) => {
                Some(Hit::new("hindsight-phrase", index, index + 1))
            }
            "benefit" if sentence.is(index + 1, "of") && sentence.is(index + 2, "hindsight") => {
                Some(Hit::new("hindsight-phrase", index, index + 2))
            }
            "hindsight" if sentence.is(index + 1, "is") => Some(Hit::new("hindsight-phrase", index, index + 1)),
            "looking" if sentence.is(index + 1, "back") => looking_back(sentence, index),
            "knowing"
                if sentence.is(index + 1, "what") && (index + 2..sentence.len()).any(|at| sentence.is(at, "now")) =>
            {
                Some(Hit::new("hindsight-phrase", index, index + 1))
            }
            "why" => why_didnt(sentence, index),
            "how" => how_did_nobody(sentence, index),
            "obvious" | "avoidable" | "preventable" | "foreseeable" | "predictable" => obvious(sentence, index),
            "clearly" | "plainly" | "obviously" if is_evidence_verb(sentence.word(index + 1)) => {
                Some(Hit::new("hindsight-obvious", index, index + 1))
            }
            "obviously" | "clearly" if index == 0 && sentence.kind(1) == Some(crate::lint::text::Kind::Punct(',')) => {
                judged_as_obvious(sentence)
            }
            "signs" | "flags" => signs_were_there(sentence, index),
            _ => None,
        };
        hits.extend(hit);
    }
}

fn is_evidence_verb(word: &str) -> bool {
    matches!(
        word,
        "showed"
            | "shows"
            | "show"
            | "shown"
            | "indicated"
            | "indicates"
            | "pointed"
            | "points"
            | "signaled"
            | "signalled"
            | "signals"
            | "warned"
            | "warns"
            | "revealed"
            | "reveals"
            | "displayed"
            | "displays"
            | "highlighted"
    )
}

/// "Obviously, nobody checked the disk": an opening "obviously" that judges what
/// people did or did not do. "Obviously, this is serious for our customers" passes.
fn judged_as_obvious(sentence: &Sentence) -> Option<Hit> {
    let judged = (2..sentence.len()).any(|at| {
        sentence.is_any(at, &["nobody", "not", "never", "should", "failed", "forgot", "ignored", "missed"])
            || (sentence.is(at, "one") && sentence.is(at - 1, "no"))
    });
    judged.then(|| Hit::new("hindsight-obvious", 0, 0))
}

/// "Looking back, ..." or "looking back now"; not "looking back at the logs".
fn looking_back(sentence: &Sentence, index: usize) -> Option<Hit> {
    let next = index + 2;
    let reflective =
        matches!(sentence.tokens.get(next).map(|token| token.kind), Some(crate::lint::text::Kind::Punct(',')) | None)
            || sentence.is(next, "now")
            || (sentence.is_any(next, &["on", "at"])
                && sentence.is_any(next + 1, &["it", "this", "that"])
                && !sentence.is_any(next + 2, &["log", "logs", "graph", "dashboard"]));
    reflective.then(|| Hit::new("hindsight-phrase", index, index + 1))
}

/// "Why didn't they test that?", "why did no one look", "why wasn't anyone paged":
/// a person asked to justify not acting. "Why the job didn't start" is about a machine.
fn why_didnt(sentence: &Sentence, why: usize) -> Option<Hit> {
    let auxiliary = why + 1;
    if !sentence.is_any(auxiliary, WHY_AUXILIARIES) {
        return None;
    }
    let mut subject = skip_adverbs(sentence, auxiliary + 1);
    let negated_early = subject > auxiliary + 1;
    if sentence.is_any(subject, &["the", "our", "their"]) {
        subject += 1;
    }
    let head = subject;
    let word = sentence.word(head);
    let nobody = matches!(word, "nobody" | "no-one") || (word == "no" && sentence.is(head + 1, "one"));
    let person = nobody
        || matches!(word, "anyone" | "anybody" | "someone" | "somebody")
        || (classify_subject(sentence, head).agent == Agent::Person && !matches!(word, "it" | "this" | "that"));
    let negated_late = (head + 1..skip_adverbs(sentence, head + 1)).any(|at| sentence.is_any(at, &["not", "never"]));
    let negated = negated_early || nobody || negated_late;
    let last = if word == "no" { head + 1 } else { head };
    // "Why did the developer forget to check": a verb of omission asks the same.
    let omission = sentence
        .is_any(skip_adverbs(sentence, head + 1), &["forget", "fail", "neglect", "ignore", "miss", "overlook", "skip"]);
    (person && (negated || omission)).then(|| Hit::new("hindsight-why-didnt", why, last))
}

/// "How did nobody notice", "how could we miss this".
fn how_did_nobody(sentence: &Sentence, how: usize) -> Option<Hit> {
    if !sentence.is_any(how + 1, &["did", "could", "was", "were"]) {
        return None;
    }
    let subject = how + 2;
    let word = sentence.word(subject);
    let nobody = matches!(word, "nobody" | "no-one") || (word == "no" && sentence.is(subject + 1, "one"));
    let verb = skip_adverbs(sentence, if word == "no" { subject + 2 } else { subject + 1 });
    let missed = sentence.is_any(verb, &["miss", "missed", "overlook", "overlooked", "ignore", "ignored"])
        || (sentence.is(verb - 1, "not") && sentence.is_any(verb, &["notice", "see", "catch", "spot"]));
    let person = nobody || matches!(word, "we" | "they" | "anyone" | "he" | "she" | "you");
    let seen = nobody && sentence.is_any(verb, &["notice", "see", "catch", "spot", "check"]);
    (person && (missed || seen)).then(|| Hit::new("hindsight-why-didnt", how, verb))
}

/// "It was obvious that ...", "the cause was obvious in retrospect", "the outage
/// was entirely avoidable". Not "it was not obvious" and not "seemed obvious" (a
/// report of how it looked then).
fn obvious(sentence: &Sentence, index: usize) -> Option<Hit> {
    let mut before = index;
    while before > 0
        && sentence.is_any(
            before - 1,
            &[
                "so",
                "very",
                "quite",
                "completely",
                "pretty",
                "painfully",
                "blindingly",
                "really",
                "fairly",
                "glaringly",
                "entirely",
                "totally",
                "easily",
                "perfectly",
            ],
        )
    {
        before -= 1;
    }
    let copula = before > 0 && sentence.is_any(before - 1, &["was", "were", "is", "are", "been", "'s"]);
    let negated =
        (before.saturating_sub(3)..before).any(|at| sentence.is_any(at, &["not", "never", "hardly", "nothing"]));
    let afterwards = sentence.is_any(index + 1, &["now", "afterwards"])
        || (sentence.is_any(index + 1, &["in", "with"]) && sentence.is_any(index + 2, &["hindsight", "retrospect"]));
    let first = if copula { before - 1 } else { index };
    // "It's obvious now that we need better tooling" looks forward, not back.
    let forward =
        (index + 1..sentence.len()).any(|at| sentence.is_any(at, &["need", "needs", "must", "should", "will"]));
    if forward {
        return None;
    }
    ((copula && !negated) || afterwards).then(|| Hit::new("hindsight-obvious", first, index))
}

/// "The warning signs were all there", "red flags were missed".
fn signs_were_there(sentence: &Sentence, index: usize) -> Option<Hit> {
    if !sentence.is_any(index + 1, &["were", "was"]) {
        return None;
    }
    let after = skip_adverbs(sentence, index + 2);
    let there = sentence.is_any(after, &["there", "missed", "ignored", "obvious", "clear"]);
    let warning = index > 0 && sentence.is_any(index - 1, &["warning", "red", "the", "early"]);
    (there && warning).then(|| Hit::new("hindsight-obvious", index - 1, after))
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{assert_flags, assert_passes};

    #[test]
    fn hindsight_phrases() {
        assert_flags(
            "hindsight-phrase",
            &[
                ("In hindsight, this was a dangerous decision.", "In hindsight"),
                ("With the benefit of hindsight the risk is plain.", "benefit of hindsight"),
                ("In retrospect the limit was too low.", "In retrospect"),
                ("Looking back, the rollout was rushed.", "Looking back"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Holmwood suggests avoiding the hindsight bias.",
                "Looking back at the logs, the first error was at 14:02.",
                "It was not obvious that the flag was shared.",
                "Writing it out seemed obvious.",
                "We discussed why the job didn't start.",
                "Why It Wasn't Caught",
                "The crates were very obviously crafted for malicious purposes.",
                "This helps illustrate each point clearly.",
                "Obviously, this is a serious incident for our customers, and we apologise.",
                "It's obvious to us now that we need better tooling, so we've prioritised it.",
            ],
        );
    }

    #[test]
    fn why_didnt_they() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Why didn't they test that?", "Why didn't they"),
                ("Why didn't anyone look at the error budget before shipping?", "Why didn't anyone"),
                ("Why did no one check the backups?", "Why did no one"),
                ("Why did you not already have fees?", "Why did you"),
                ("Why did the developer forget to check the endpoint?", "Why did the developer"),
                ("How did nobody notice the disk filling up?", "How did nobody notice"),
            ],
        );
    }

    #[test]
    fn obvious_signals() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("We have a dashboard that clearly showed the problem.", "clearly showed"),
                ("It was obvious that the config was wrong.", "was obvious"),
                ("The warning signs were all there.", "warning signs were all there"),
                ("The outage was entirely avoidable.", "was entirely avoidable"),
                ("Obviously, nobody checked the disk usage before the upgrade.", "Obviously"),
            ],
        );
    }
}
