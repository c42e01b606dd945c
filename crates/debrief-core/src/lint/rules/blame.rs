//! Blame: a person as the cause. "Bob failed to renew the certificate", "the root
//! cause was human error", "it was my fault", "a careless engineer".
//!
//! Machines can fail ("the job failed to start"), and writing about blame is not
//! blaming: a sentence that discusses blame, punishment or bias ("the old view of
//! human error blames careless individuals") is guidance, and the word-level
//! rules leave it alone.

use super::Hit;
use crate::lint::grammar::{Subject, short_noun_phrase, subject_before};
use crate::lint::text::Sentence;
use crate::lint::words::{
    Agent, WITHOUT_WHAT, is_attention_verb, is_machine_verb, is_person_pronoun, is_role_noun, participle_of,
};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    let guidance = std::cell::OnceCell::new();
    let is_guidance = || *guidance.get_or_init(|| discusses_blame(sentence));
    for index in 0..sentence.len() {
        let hit = match sentence.word(index) {
            "failed" | "fails" | "forgot" | "forgets" | "forgotten" | "neglected" | "neglects" | "omitted" => {
                failed_to(sentence, index)
            }
            "pebkac" | "pebcak" if !is_guidance() => Some(Hit::new("blame-human-error", index, index)),
            "fault" | "mistake" | "mistakes" | "blunder" | "screw-up" | "screwup" | "error" | "errors"
                if !is_guidance() =>
            {
                human_error(sentence, index).or_else(|| fault(sentence, index))
            }
            "made" | "make" | "makes" | "making" if !is_guidance() => made_a_mistake(sentence, index),
            "rookie" if sentence.is_any(index + 1, &["mistake", "error", "move"]) => {
                Some(Hit::new("blame-character", index, index + 1))
            }
            word if is_character_judgement(word) && !is_technical_compound(sentence, index + 1) && !is_guidance() => {
                Some(Hit::new("blame-character", index, index))
            }
            "finally" => finally_noticed(sentence, index),
            "took" | "takes" if sentence.is(index + 1, "it") && sentence.is(index + 2, "upon") => {
                Some(Hit::new("blame-person-action", index, (index + 3).min(sentence.len() - 1)))
            }
            "without" => without_permission(sentence, index),
            "ignored" | "overlooked" | "botched" | "fumbled" | "fat-fingered" => person_verb(sentence, index, index),
            // "Bob missed the page"; not "the post was easily missed" nor "we missed it".
            "missed"
                if sentence.is_any(
                    index + 1,
                    &[
                        "the", "a", "an", "it", "this", "that", "these", "those", "his", "her", "their", "both", "all",
                        "every",
                    ],
                ) =>
            {
                person_verb(sentence, index, index)
                    .filter(|hit| !is_first_person(sentence, hit.first) && !after_preposition(sentence, hit.first))
            }
            "bother" | "bothered" | "thought" | "cared" if sentence.is(index + 1, "to") => {
                didnt_bother(sentence, index)
            }
            "messed" | "screwed" if sentence.is(index + 1, "up") => person_verb(sentence, index, index + 1),
            "dropped" if sentence.is(index + 1, "the") && sentence.is(index + 2, "ball") => {
                person_verb(sentence, index, index + 2)
            }
            _ => None,
        };
        hits.extend(hit);
    }
}

/// Whether the sentence is about blame itself: guidance, not an accusation.
fn discusses_blame(sentence: &Sentence) -> bool {
    (0..sentence.len()).any(|index| {
        let word = sentence.word(index);
        [
            "blam",
            "punish",
            "reprimand",
            "scapegoat",
            "sham",
            "bias",
            "cultur",
            "responsibility",
            "character",
            "intent",
            "assum",
        ]
        .iter()
        .any(|stem| word.starts_with(stem))
    })
}

fn is_character_judgement(word: &str) -> bool {
    matches!(
        word,
        "careless"
            | "carelessly"
            | "carelessness"
            | "negligent"
            | "negligently"
            | "negligence"
            | "sloppy"
            | "sloppily"
            | "sloppiness"
            | "reckless"
            | "recklessly"
            | "recklessness"
            | "lazy"
            | "laziness"
            | "incompetent"
            | "incompetence"
            | "irresponsible"
            | "irresponsibly"
            | "inattentive"
            | "inattention"
            | "thoughtless"
            | "thoughtlessly"
            | "clueless"
            | "stupid"
            | "stupidity"
            | "idiot"
            | "idiotic"
            | "foolish"
            | "foolishly"
    )
}

/// Whether the word at `index` makes the noun before it a technical term:
/// "lazy loading", "sloppy quorum", "fault tolerance", "GitHub's error rate".
fn is_technical_compound(sentence: &Sentence, index: usize) -> bool {
    sentence.is_any(
        index,
        &[
            "loading",
            "load",
            "loaded",
            "evaluation",
            "initialization",
            "initialisation",
            "init",
            "quorum",
            "iterator",
            "mode",
            "tolerance",
            "tolerant",
            "domain",
            "domains",
            "injection",
            "rate",
            "rates",
            "budget",
            "message",
            "messages",
            "code",
            "codes",
            "handling",
            "handler",
            "page",
            "pages",
            "log",
            "logs",
            "count",
            "counts",
            "state",
            "tracking",
            "reporting",
            "isolation",
            "detection",
            "zone",
            "zones",
            "correction",
            "bar",
            "bars",
        ],
    )
}

/// Whether a subject is a person rather than a machine, given what they failed to do:
/// "Bob failed to renew" versus "Redis failed to start".
fn is_person(sentence: &Sentence, subject: Subject, verb: &str) -> bool {
    if is_someone(sentence, subject) {
        return true;
    }
    match subject.agent {
        Agent::Person => {
            let pronoun = subject.head.map(|head| sentence.word(head)).unwrap_or("");
            // "they" and names can be pods and products; a machine verb says so.
            let ambiguous = subject.name || matches!(pronoun, "they" | "them");
            !(ambiguous && is_machine_verb(verb))
        }
        Agent::Generic | Agent::Thing | Agent::Missing => false,
    }
}

/// "Someone forgot to renew it": an unnamed person is still blamed.
fn is_someone(sentence: &Sentence, subject: Subject) -> bool {
    subject.head.is_some_and(|head| sentence.is_any(head, &["someone", "somebody"]))
}

/// "Bob failed to renew", "the engineer forgot to", "we neglected the warning".
fn failed_to(sentence: &Sentence, index: usize) -> Option<Hit> {
    let word = sentence.word(index);
    let to = sentence.is(index + 1, "to");
    if matches!(word, "failed" | "fails" | "omitted") && !to {
        return None;
    }
    let before = index.checked_sub(1).map(|before| sentence.word(before)).unwrap_or("");
    if matches!(before, "was" | "were" | "been" | "be" | "is" | "are" | "being") {
        return None;
    }
    let auxiliary = matches!(before, "had" | "has" | "have" | "'d" | "'s" | "'ve");
    let subject = subject_before(sentence, if auxiliary { index - 1 } else { index });
    let verb = if to { sentence.word(index + 2) } else { "" };
    if !is_person(sentence, subject, verb) {
        return None;
    }
    let first = subject.head.unwrap_or(index);
    let last = if to { index + 1 } else { index };
    let hit = Hit::new("blame-failed-to", first, last);
    let object = short_noun_phrase(sentence, index + 3);
    Some(match (to, object) {
        (true, Some((from, to))) if !verb.is_empty() => hit.suggesting(format!(
            "Describe the step, not the person: \"{} was not {}\", and what made that easy to miss.",
            sentence.written(from, to),
            participle_of(verb)
        )),
        _ => hit,
    })
}

/// "human error", "operator error" given as a cause: "the root cause was human
/// error", "ROOT CAUSE: human error", "due to human error". Mentions ("the new
/// view of human error", "any operator error is a symptom") pass.
fn human_error(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let adjective = noun.checked_sub(1)?;
    if !sentence.is_any(adjective, &["human", "operator", "user", "pilot", "engineer", "people", "personnel"]) {
        return None;
    }
    let mut before = adjective;
    while before > 0
        && sentence.is_any(
            before - 1,
            &["a", "an", "simple", "simply", "just", "pure", "plain", "basic", "obvious", "classic"],
        )
    {
        before -= 1;
    }
    let negated = (before.saturating_sub(3)..before)
        .any(|index| sentence.is_any(index, &["not", "no", "never", "rarely", "beyond"]));
    let cause_before = match before.checked_sub(1) {
        None => true,
        Some(previous) if sentence.is_punct(previous) => true,
        Some(previous) => match sentence.word(previous) {
            "was" | "is" | "were" | "are" | "'s" | "be" | "been" | "being" | "to" | "by" | "as" | "cause" | "blame"
            | "blamed" => true,
            "of" => {
                previous > 0
                    && sentence.is_any(
                        previous - 1,
                        &["result", "because", "case", "instance", "product", "consequence", "out"],
                    )
            }
            _ => false,
        },
    };
    let cause_after =
        sentence.is_any(noun + 1, &["caused", "causes", "led", "leads", "resulted", "triggered", "broke"]);
    // "Human error is never the root cause" argues the opposite, and "human error is
    // a symptom" (at the start, in the present) defines it rather than naming a cause.
    let defined = before == 0 && sentence.is_any(noun + 1, &["is", "are"]);
    let denied = sentence.is_any(noun + 1, &["is", "was", "are", "were"])
        && sentence.is_any(noun + 2, &["not", "never", "rarely", "seldom"]);
    (!negated && !denied && !defined && (cause_before || cause_after))
        .then(|| Hit::new("blame-human-error", adjective, noun))
}

/// "Bob's fault", "my mistake", "the fault of the engineer". Not "nobody's fault",
/// "not their fault", nor "someone's mistake" (anybody at all).
fn fault(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let negated = (noun.saturating_sub(4)..noun).any(|index| sentence.is_any(index, &["not", "no", "nobody", "never"]));
    if negated || is_technical_compound(sentence, noun + 1) {
        return None;
    }
    // Up to two adjectives between the owner and the noun: "his careless mistake".
    let owner = (noun.saturating_sub(3)..noun)
        .rev()
        .take_while(|&index| !sentence.is_punct(index))
        .find(|&index| is_owner(sentence, index));
    if let Some(owner) = owner {
        let first = if sentence.is(owner, "'s") { owner - 1 } else { owner };
        return Some(Hit::new("blame-fault", first, noun));
    }
    if let Some(hit) = made_by(sentence, noun) {
        return Some(hit);
    }
    if sentence.is(noun + 1, "of") && sentence.word(noun) == "fault" {
        let whose = sentence.word(noun + 2);
        let person = is_person_pronoun(whose)
            || is_role_noun(sentence.word(noun + 3))
            || sentence.tokens.get(noun + 2).is_some_and(|token| token.capitalized && !token.all_caps);
        return person.then(|| Hit::new("blame-fault", noun, noun + 2));
    }
    None
}

/// "The mistake was made by the release manager": a person as the author of an error.
fn made_by(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let by = noun + 3;
    let passive = sentence.is_any(noun + 1, &["was", "were"]) && sentence.is(noun + 2, "made") && sentence.is(by, "by");
    if !passive {
        return None;
    }
    let head = (by + 1..(by + 5).min(sentence.len())).take_while(|&at| !sentence.is_punct(at)).last()?;
    let person = (by + 1..=head).any(|at| {
        let word = sentence.word(at);
        is_person_pronoun(word)
            || (is_role_noun(word) && !has_generic_word(sentence, by + 1, at))
            || sentence.tokens[at].capitalized
    });
    person.then(|| Hit::new("blame-fault", noun, by))
}

fn has_generic_word(sentence: &Sentence, from: usize, to: usize) -> bool {
    (from..to).any(|at| sentence.is_any(at, &["any", "a", "an", "some", "every"]))
}

/// A possessive naming a person: "my", "his", "Bob's", "the engineer's".
fn is_owner(sentence: &Sentence, index: usize) -> bool {
    match sentence.word(index) {
        "my" | "his" | "her" | "their" | "your" => true,
        "'s" if index > 0 => {
            let owner = sentence.word(index - 1);
            let token = sentence.tokens[index - 1];
            is_role_noun(owner)
                || (token.capitalized && !token.all_caps && !matches!(owner, "it" | "that" | "this" | "there" | "what"))
        }
        _ => false,
    }
}

/// "the engineer made a mistake", "engineers can't let themselves make mistakes".
fn made_a_mistake(sentence: &Sentence, verb: usize) -> Option<Hit> {
    let noun = (verb + 1..(verb + 5).min(sentence.len()))
        .find(|&index| sentence.is_any(index, &["mistake", "mistakes", "error", "errors", "blunder"]))?;
    if (verb + 1..noun).any(|index| sentence.is_punct(index) || sentence.is_any(index, &["same", "no", "any"])) {
        return None;
    }
    let subject = subject_before(sentence, verb);
    (subject.agent == Agent::Person).then(|| Hit::new("blame-fault", subject.head.unwrap_or(verb), noun))
}

/// "J finally notices the alert": "finally" before a verb of attention judges a
/// person slow. "The service finally recovered" is about a machine.
fn finally_noticed(sentence: &Sentence, index: usize) -> Option<Hit> {
    if !is_attention_verb(sentence.word(index + 1)) {
        return None;
    }
    let subject = subject_before(sentence, index);
    matches!(subject.agent, Agent::Person | Agent::Missing).then(|| Hit::new("blame-person-action", index, index + 1))
}

/// "Without authorization, the engineer disabled the relays."
fn without_permission(sentence: &Sentence, index: usize) -> Option<Hit> {
    let what = index + 1;
    if !sentence.is_any(what, WITHOUT_WHAT) {
        return None;
    }
    let someone = (0..sentence.len()).any(|at| {
        let word = sentence.word(at);
        matches!(word, "he" | "she" | "him" | "her") || (is_role_noun(word) && word != "team")
    });
    someone.then(|| Hit::new("blame-person-action", index, what))
}

/// "nobody bothered to check", "the on-call didn't bother to look".
fn didnt_bother(sentence: &Sentence, verb: usize) -> Option<Hit> {
    let nobody = |at: usize| {
        sentence.is_any(at, &["nobody", "no-one"]) || (sentence.is(at, "one") && at > 0 && sentence.is(at - 1, "no"))
    };
    if verb > 0 && nobody(verb - 1) {
        let first = if sentence.is(verb - 1, "one") { verb - 2 } else { verb - 1 };
        return Some(Hit::new("blame-person-action", first, verb + 1));
    }
    let negated =
        verb >= 2 && sentence.is_any(verb - 1, &["not", "never"]) && sentence.is_any(verb - 2, &["did", "do", "does"]);
    if !negated || sentence.word(verb) != "bother" {
        return None;
    }
    let subject = subject_before(sentence, verb - 2);
    (subject.agent == Agent::Person).then(|| Hit::new("blame-person-action", subject.head.unwrap_or(verb), verb + 1))
}

/// Whether the word at `index` sits in a prepositional phrase ("a post on Teams"),
/// where it cannot be the subject of the verb after it.
fn after_preposition(sentence: &Sentence, index: usize) -> bool {
    (index.saturating_sub(3)..index)
        .rev()
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| !sentence.is_any(at, &["the", "a", "an", "our", "their", "his", "her"]))
        .is_some_and(|at| sentence.is_any(at, &["on", "in", "at", "by", "for", "with", "from", "to", "of", "via"]))
}

fn is_first_person(sentence: &Sentence, index: usize) -> bool {
    sentence.is_any(index, &["we", "i", "us"])
}

/// A person as the subject of a verb of neglect: "Bob ignored the alert".
fn person_verb(sentence: &Sentence, first: usize, last: usize) -> Option<Hit> {
    let before = first.checked_sub(1).map(|before| sentence.word(before)).unwrap_or("");
    if matches!(before, "was" | "were" | "been" | "be" | "is" | "are" | "being" | "get" | "got") {
        return None;
    }
    let subject = subject_before(sentence, first);
    (subject.agent == Agent::Person || is_someone(sentence, subject))
        .then(|| Hit::new("blame-person-action", subject.head.unwrap_or(first), last))
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::{assert_flags, assert_passes};

    #[test]
    fn people_who_failed() {
        assert_flags(
            "blame-failed-to",
            &[
                ("Bob failed to renew the certificate.", "Bob failed to"),
                ("The on-call engineer failed to escalate.", "engineer failed to"),
                ("The new hire forgot to run the migration script.", "hire forgot to"),
                ("Simply put, someone forgot to renew the certificate.", "someone forgot to"),
                ("Bob simply forgot to renew the certificate.", "Bob simply forgot to"),
                ("We failed to validate that the singleton still existed.", "We failed to"),
                ("She had neglected the warning.", "She had neglected"),
            ],
        );
        assert_passes(
            "blame-failed-to",
            &[
                "The database failed to start because the disk was full.",
                "Redis failed to restart after the upgrade.",
                "Investigate fluent-bit \"failed to flush chunk\" errors.",
                "The renewal was forgotten during the migration.",
                "Jobs failing to execute page the on-call.",
                "They failed to connect to the primary.",
            ],
        );
    }

    #[test]
    fn human_error_as_a_cause() {
        assert_flags(
            "blame-human-error",
            &[
                ("The root cause was human error.", "human error"),
                ("ROOT CAUSE: human error (engineer rushed).", "human error"),
                ("I think it was a human error assisted by bad design.", "human error"),
                ("The outage was due to operator error.", "operator error"),
                ("Human error caused the deletion.", "Human error"),
                ("Human error in not knowing that the logs live in another account.", "Human error"),
            ],
        );
        assert_passes(
            "blame-human-error",
            &[
                "For the postmortem to help, the new view of human error must be followed.",
                "Any operator error is a symptom of a missing mechanism.",
                "The old view of human error assigns blame to careless people.",
                "Very rarely is the mistake rooted in a human performing an action.",
                "Human error is never a root cause; it is a starting point.",
                "A human error is always a symptom of a system that allowed it.",
            ],
        );
    }

    #[test]
    fn fault_and_character() {
        assert_flags(
            "blame-fault",
            &[
                ("I told him that it was my fault.", "my fault"),
                ("It was Bob's mistake.", "Bob's mistake"),
                ("The engineer made a careless mistake.", "engineer made a careless mistake"),
                ("Engineers just can't let themselves make mistakes like this.", "themselves make mistakes"),
                ("The mistake was made by the release manager, who skipped the checklist.", "mistake was made by"),
            ],
        );
        assert_flags(
            "blame-character",
            &[
                ("A careless engineer deleted the volume.", "careless"),
                ("Rookie mistake by the on-call engineer.", "Rookie mistake"),
            ],
        );
        assert_passes(
            "blame",
            &[
                "If someone deployed a breaking change, it's not their fault.",
                "In the cases where someone's mistake did contribute, anonymize it.",
                "Anyone could have made the same mistake.",
                "This describes the old view, blaming bad actors who are careless and incompetent.",
                "Nobody is blamed for this incident.",
                "This view attaches character to actions, assuming negligence leads to the error.",
                "Some customers were mistakenly making transfers with high fees.",
            ],
        );
    }

    #[test]
    fn conduct_judged() {
        assert_flags(
            "blame-person-action",
            &[
                ("14:31 J finally notices the alert and starts rolling back.", "finally notices"),
                ("Without authorization, the engineer disabled two relays.", "Without authorization"),
                ("We don't know why the employee took it upon himself to disable them.", "took it upon himself"),
                ("Bob ignored the alert for an hour.", "Bob ignored"),
                ("Someone fat-fingered the config.", "Someone fat-fingered"),
                ("The engineer on call ignored the first three pages.", "engineer on call ignored"),
                ("The reviewer missed the bug in the diff.", "reviewer missed"),
                ("The deploy was rushed and nobody bothered to check the canary.", "nobody bothered to"),
                ("The on-call didn't bother to check the logs.", "on-call didn't bother to"),
            ],
        );
        assert_passes(
            "blame-person-action",
            &[
                "The service finally recovered at 14:40.",
                "The alert was ignored because it had been flapping for weeks.",
                "Changes were deployed without approval during the freeze window.",
                "We missed the first alert because it went to the old channel.",
                "We thought to check the replicas first.",
                "Initial Friday post on Teams easily missed but in theory readable by all.",
            ],
        );
    }
}
