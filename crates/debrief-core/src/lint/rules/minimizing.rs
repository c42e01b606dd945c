//! Minimizing: wording that makes an action sound easy, so not doing it sounds
//! careless. "They just needed to restart it", "all they had to do was read the
//! runbook", "easily avoided".
//!
//! "Just" and "simply" are only minimizing before an action someone is said to
//! need or be able to do. "Just after 09:00", "just 40 ms", "not just quick
//! fixes", "just because" and "better than to simply revert" pass.

use super::Hit;
use crate::lint::text::{Kind, Sentence};
use crate::lint::words::{Agent, is_generic_person, is_person_pronoun, is_role_noun, is_simple_action_verb};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    for index in 0..sentence.len() {
        let hit = match sentence.word(index) {
            "just" | "simply" | "merely" => just_do_it(sentence, index),
            "all" => all_they_had_to_do(sentence, index),
            "easily" | "trivially" if is_avoidance(sentence.word(index + 1)) => {
                Some(Hit::new("minimizing-easy", index, index + 1))
            }
            "easy" | "trivial" | "simple" => easy_to_avoid(sentence, index),
            "no-brainer" => Some(Hit::new("minimizing-easy", index, index)),
            "rocket" if sentence.is(index + 1, "science") && index > 0 && sentence.is(index - 1, "not") => {
                Some(Hit::new("minimizing-easy", index - 1, index + 1))
            }
            _ => None,
        };
        hits.extend(hit);
    }
}

/// What could be "easily" done to stop an outage: "easily avoided", "trivially caught".
fn is_avoidance(word: &str) -> bool {
    matches!(
        word,
        "avoided"
            | "prevented"
            | "caught"
            | "spotted"
            | "fixed"
            | "noticed"
            | "detected"
            | "avoidable"
            | "preventable"
            | "averted"
    )
}

/// "just restart it", "they simply needed to", "it was just a matter of".
fn just_do_it(sentence: &Sentence, index: usize) -> Option<Hit> {
    if sentence.is(index + 1, "a") && sentence.is(index + 2, "matter") && sentence.is(index + 3, "of") {
        return Some(Hit::new("minimizing-just", index, index + 3));
    }
    let verb = sentence.word(index + 1);
    if !is_simple_action_verb(verb) {
        return None;
    }
    // "needed", "had", "have" only minimize as "needed to" / "had to".
    if matches!(verb, "need" | "needed" | "needs" | "have" | "had" | "has") && !sentence.is(index + 2, "to") {
        return None;
    }
    let contrast =
        (index.saturating_sub(3)..index).any(|at| sentence.is_any(at, &["than", "not", "rather", "instead", "only"]));
    if contrast {
        return None;
    }
    let licensed = match index.checked_sub(1) {
        // An imperative: "Just restart the pod."; not advice after a comma ("instead of
        // debugging live, just roll back").
        None => true,
        Some(before) if sentence.is_punct(before) => matches!(sentence.kind(before), Some(Kind::Punct(':' | ';'))),
        Some(before) => {
            let word = sentence.word(before);
            matches!(
                word,
                "could"
                    | "should"
                    | "would"
                    | "can"
                    | "will"
                    | "must"
                    | "might"
                    | "'d"
                    | "to"
                    | "need"
                    | "needs"
                    | "needed"
                    | "then"
                    | "and"
                    | "or"
                    | "'ll"
            ) || (is_person_pronoun(word) && !matches!(word, "we" | "i"))
                || is_generic_person(word)
                || is_role_noun(word)
                || (!is_person_pronoun(word)
                    && sentence.tokens[before].capitalized
                    && classify_is_person(sentence, before))
        }
    };
    licensed.then(|| Hit::new("minimizing-just", index, index + 1))
}

fn classify_is_person(sentence: &Sentence, index: usize) -> bool {
    crate::lint::grammar::classify_subject(sentence, index).agent == Agent::Person
}

/// "All they had to do was read the runbook", "all you need to do is".
fn all_they_had_to_do(sentence: &Sentence, index: usize) -> Option<Hit> {
    let window = index + 1..(index + 7).min(sentence.len());
    let to = window.clone().find(|&at| sentence.is(at, "to") && sentence.is(at + 1, "do"))?;
    let needed = window
        .take_while(|&at| at < to)
        .any(|at| sentence.is_any(at, &["had", "has", "have", "need", "needs", "needed"]));
    let said = sentence.is_any(to + 2, &["was", "is", "were"]);
    (needed && said).then(|| Hit::new("minimizing-easy", index, to + 2))
}

/// "easy to catch", "trivial to avoid", "a simple mistake"; not "not easy to
/// spot", nor "an easy mistake to make", which argue for the people involved.
fn easy_to_avoid(sentence: &Sentence, index: usize) -> Option<Hit> {
    let negated = (index.saturating_sub(3)..index).any(|at| sentence.is_any(at, &["not", "never", "hardly", "far"]));
    if negated {
        return None;
    }
    if sentence.is(index + 1, "to") {
        // A claim about what it was ("the bug was trivial to catch"), not a goal
        // ("make it easy to roll back", "it should be easy to revert").
        let mut before = index;
        while before > 0
            && sentence.is_any(before - 1, &["very", "so", "pretty", "quite", "fairly", "really", "extremely"])
        {
            before -= 1;
        }
        // In the past: "it is easy to roll back now" describes tooling, not the people then.
        let claimed = before > 0 && sentence.is_any(before - 1, &["was", "were", "been"]);
        let verb = sentence.word(index + 2);
        let avoidable = matches!(
            verb,
            "avoid"
                | "prevent"
                | "catch"
                | "spot"
                | "notice"
                | "fix"
                | "detect"
                | "foresee"
                | "predict"
                | "apply"
                | "implement"
                | "add"
                | "check"
                | "test"
                | "revert"
                | "roll"
                | "follow"
                | "see"
                | "tell"
        );
        return (claimed && avoidable).then(|| Hit::new("minimizing-easy", index, index + 2));
    }
    let mistake =
        sentence.is_any(index + 1, &["mistake", "oversight", "error", "typo"]) && !sentence.is(index + 2, "to");
    mistake.then(|| Hit::new("minimizing-easy", index, index + 1))
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{assert_flags, assert_passes};

    #[test]
    fn just_and_simply_before_actions() {
        assert_flags(
            "minimizing-just",
            &[
                ("They just needed to restart the pod.", "just needed"),
                ("Just restart the service and it recovers.", "Just restart"),
                ("The on-call could simply roll back.", "simply roll"),
                ("It was just a matter of reading the runbook.", "just a matter of"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "Just after 09:00 UTC, the load balancer began returning 502s.",
                "Latency was just 40 ms above baseline, so no alert fired.",
                "Our service needed fundamental improvements, not just quick fixes.",
                "Fast forward spends don't become invalid just because their coin is spent.",
                "It was better to fix the problem properly than to simply revert the change.",
                "We had just restarted the database when the alert fired.",
                "Responding in just a few days required many people.",
                "Users could not avoid impact simply through a multi-region deployment.",
                "It was an easy mistake to make.",
                "The post on Teams was easily missed.",
                "Tickets can be easily found in the tracker.",
                "It is not easy to spot a slow leak.",
                "We just had to wait for the cache to warm up.",
                "We need to make it easy to roll back.",
                "It is easy to roll back with the new deploy tooling.",
                "Knowing the outcome, it is easy to see the event as being predictable.",
                "Instead of trying to resolve the issue, just roll it back.",
            ],
        );
    }

    #[test]
    fn ease_claimed() {
        assert_flags(
            "minimizing-easy",
            &[
                ("All they had to do was read the runbook.", "All they had to do was"),
                ("The outage was easily avoided with a canary.", "easily avoided"),
                ("The bug was trivial to catch in review.", "trivial to catch"),
                ("The fix was trivial to apply, so the delay is hard to explain.", "trivial to apply"),
                ("It was easy to see that the queue was backing up.", "easy to see"),
                ("A simple mistake took the site down.", "simple mistake"),
            ],
        );
    }
}
