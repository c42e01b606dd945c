//! Counterfactuals: "we could have rolled back sooner", "a canary would have
//! caught it", "if we had tested it", "had we known", "if only".
//!
//! A perfect modal is only a counterfactual in some of its uses. Left alone are
//! "must have been" (a guess about the past), "should have a runbook" (have + noun,
//! an obligation), "by Monday we should have replaced them" (a plan), "the
//! system should have rejected it" (what a machine is specified to do), "it could
//! have held more" (capacity), "users would have seen errors" and "this could
//! have been much worse" (impact), and "I would have liked" (a wish).

use super::Hit;
use crate::lint::forms::{base_of, is_past_participle, participle_of};
use crate::lint::grammar::{
    Subject, classify_subject, clause_end, in_wh_statement, is_nobody, skip_adverbs, subject_before,
};
use crate::lint::text::Sentence;
use crate::lint::words::{
    Agent, is_change_noun, is_clause_boundary_word, is_deadline_word, is_ease_adjective, is_foresight_verb,
    is_function_word, is_generic_person, is_human_action_participle, is_impact_verb, is_incident_noun,
    is_judgement_adjective, is_machine_verb, is_outcome_noun, is_perfect_modal, is_prevention_verb, is_remedy_verb,
    is_response_comparative, is_response_noun, is_role_noun, is_shipping_participle, is_subject_pronoun,
    is_verb_group_adverb, is_visibility_adjective, is_wish_verb,
};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    for index in 0..sentence.len() {
        let word = sentence.word(index);
        let hit = if is_perfect_modal(word) || (word == "'d" && sentence.is(skip_adverbs(sentence, index + 1), "have"))
        {
            perfect_modal(sentence, index)
        } else if word == "if" {
            if_clause(sentence, index)
        } else if matches!(word, "wish" | "wished" | "wishes") {
            wish_had(sentence, index)
        } else if word == "had" {
            inverted_conditional(sentence, index)
        } else if word == "were" && index == 0 {
            were_it_done(sentence)
        } else if word == "have" {
            means_to_have_prevented(sentence, index)
        } else if word == "supposed" {
            supposed_to_do(sentence, index)
        } else {
            None
        };
        hits.extend(hit);
    }
}

/// "What we were supposed to do was create a release branch": the path not taken, named as
/// the one that was due. ("We were supposed to deploy on Tuesday" tells a plan.)
fn supposed_to_do(sentence: &Sentence, supposed: usize) -> Option<Hit> {
    let what = supposed.checked_sub(3).filter(|&at| sentence.is(at, "what"))?;
    let people = sentence.is_any(what + 1, &["we", "i", "they", "you"]) && sentence.is_any(what + 2, &["was", "were"]);
    let cleft = sentence.is(supposed + 1, "to")
        && sentence.is(supposed + 2, "do")
        && sentence.is_any(supposed + 3, &["was", "is"]);
    (people && cleft).then(|| Hit::new("counterfactual-modal", what, supposed + 3))
}

/// "The only way to have avoided this", "a chance to have caught it earlier": the means
/// of another past, told with a perfect infinitive and no modal. "It seems to have
/// stopped the leak" (a fact) and "impossible to have caught" (a defence) pass.
fn means_to_have_prevented(sentence: &Sentence, have: usize) -> Option<Hit> {
    let to = have.checked_sub(1).filter(|&to| sentence.is(to, "to"))?;
    let means = to.checked_sub(1).filter(|&at| {
        sentence.is_any(
            at,
            &["way", "ways", "chance", "chances", "opportunity", "opportunities", "easy", "easier", "simple"],
        )
    })?;
    let verb = sentence.word(have + 1);
    matches!(verb, "prevented" | "avoided" | "averted" | "caught" | "stopped" | "mitigated" | "detected")
        .then(|| Hit::new("counterfactual-modal", means, have + 1))
}

/// How the verb after "have" is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "could have waited"
    Active,
    /// "should have been communicated"
    Passive,
    /// "would have been trivial", "could have been faster"
    Copula,
}

/// A modal + have + participle verb group, as found in the sentence.
struct PerfectModal<'s> {
    modal: &'s str,
    negated: bool,
    subject: Subject,
    form: Form,
    /// The participle after "have", or the word after "been" in the passive and copula forms.
    main: usize,
    verb: &'s str,
}

fn perfect_modal(sentence: &Sentence, modal_index: usize) -> Option<Hit> {
    let Some(group) = read_perfect_modal(sentence, modal_index) else {
        return elided_perfect_modal(sentence, modal_index);
    };
    let rule = judge(sentence, modal_index, &group)?;
    let mut last = group.main;
    // "could have gone better": the comparative is part of what is flagged.
    if sentence.is_any(last + 1, &["better", "faster", "sooner", "earlier", "differently"]) {
        last += 1;
    }
    let mut hit = Hit::new(rule, modal_index, last.min(sentence.len() - 1));
    if let Some(text) = suggestion(sentence, &group) {
        hit = hit.suggesting(text);
    }
    if last == group.main
        && let Some(words) = replacement(sentence, modal_index, &group)
    {
        hit = hit.replacing(words);
    }
    Some(hit)
}

/// What can stand where the modal group stands and still read as the author's sentence:
/// "should have caught" -> "did not catch", "shouldn't have restarted" -> "restarted". Only
/// for the active voice with nothing but "have" and a negation after the modal, and a verb
/// whose forms are known for certain (an irregular verb, or one whose "-ed" form is rebuilt
/// exactly from its base); otherwise the advice in the suggestion has to do.
fn replacement(sentence: &Sentence, modal_index: usize, group: &PerfectModal) -> Option<String> {
    if group.form != Form::Active || group.verb.chars().any(|c| !c.is_ascii_lowercase()) {
        return None;
    }
    let only_have_and_not =
        (modal_index + 1..group.main).all(|index| sentence.is_any(index, &["have", "'ve", "not", "n't"]));
    let base = base_of(group.verb);
    if !only_have_and_not || participle_of(&base) != group.verb {
        return None;
    }
    match group.negated {
        // The simple past is the participle only for regular verbs (and the few like "led").
        true => group.verb.ends_with("ed").then(|| group.verb.to_string()),
        false => Some(format!("did not {base}")),
    }
}

fn read_perfect_modal<'s>(sentence: &'s Sentence, modal_index: usize) -> Option<PerfectModal<'s>> {
    let mut modal = sentence.word(modal_index);
    if modal == "'d" {
        modal = "would";
    }
    let mut at = modal_index + 1;
    if modal == "ought" {
        // "ought to have", "ought not to have", "ought never to have".
        at = skip_adverbs(sentence, at);
        if !sentence.is(at, "to") {
            return None;
        }
        at += 1;
    }
    at = skip_adverbs(sentence, at);
    let mut inverted = None;
    if !is_have(sentence, at) {
        // Inversion: "could Netflix have taken", "should we not have".
        let have = (at..(at + 4).min(sentence.len())).find(|&index| is_have(sentence, index))?;
        // ("A common example would be if you've applied line wrapping": "have" in another clause.)
        if (at..have).any(|index| {
            sentence.is_punct(index) || is_clause_boundary_word(sentence.word(index)) || sentence.is(index, "be")
        }) {
            return None;
        }
        let mut head = have - 1;
        while head > at && is_verb_group_adverb(sentence.word(head)) {
            head -= 1;
        }
        inverted = Some(classify_subject(sentence, head));
        at = have;
    }
    let have = at;
    // "Shouldn't this have been a breaking change?" asks rhetorically what "this should have
    // been a breaking change" states.
    let rhetorical = inverted.is_some() && modal == "should" && sentence.is_question();
    // "There is no reason this should have shipped", "there's no way we could have known": the
    // clause denied before it starts, as "this should not have shipped".
    let denied = (modal_index.saturating_sub(7).max(1)..modal_index).any(|at| {
        sentence.is(at, "no")
            && sentence.is_any(at + 1, &["reason", "way"])
            && sentence.is_any(at - 1, &["is", "was", "'s", "be"])
    });
    let negated =
        ((modal_index + 1..have).any(|index| sentence.is_any(index, &["not", "never"])) || denied) && !rhetorical;
    let mut verb_index = skip_adverbs(sentence, have + 1);
    // "We could have, and should have, rolled back": a second modal set off by commas before
    // the verb they share.
    if sentence.is_punct(verb_index) {
        let close = (verb_index + 1..(verb_index + 6).min(sentence.len())).find(|&at| sentence.is_punct(at));
        if let Some(close) = close.filter(|&close| (verb_index + 1..close).any(|at| sentence.is(at, "have"))) {
            verb_index = skip_adverbs(sentence, close + 1);
        }
    }
    // "We should have first communicated it": an adverb of order before the participle.
    if sentence.is_any(verb_index, &["first", "instead"]) && is_past_participle(sentence.word(verb_index + 1)) {
        verb_index += 1;
    }
    // "could've lead to": the present written for the participle, a common slip.
    let verb = match sentence.word(verb_index) {
        "lead" => "led",
        verb => verb,
    };
    if !is_past_participle(verb) {
        return None;
    }
    let (form, main) = if verb == "been" || verb == "be" {
        let next = skip_adverbs(sentence, verb_index + 1);
        let word = sentence.word(next);
        if is_past_participle(word) && word != "been" { (Form::Passive, next) } else { (Form::Copula, next) }
    } else {
        (Form::Active, verb_index)
    };
    let subject = inverted.unwrap_or_else(|| subject_before(sentence, modal_index));
    let main = main.min(sentence.len() - 1);
    let verb = if form == Form::Active { verb } else { sentence.word(main) };
    Some(PerfectModal { modal, negated, subject, form, main, verb })
}

/// "We didn't test it as thoroughly as we should have", "make a PR, as he should have in the
/// first place": the verb left out, the other past still imagined for people. "It was shorter
/// than it could have been" names its verb and is read above.
fn elided_perfect_modal(sentence: &Sentence, modal_index: usize) -> Option<Hit> {
    // "Woulda, coulda, shoulda", "should've, would've, could've": the regret itself, listed.
    let bare = |modal: usize| {
        sentence.is_any(modal, &["would", "could", "should"])
            && sentence.is(modal + 1, "have")
            && (modal + 2 >= sentence.len() || sentence.is_punct(modal + 2) || sentence.is(modal + 2, "and"))
    };
    if modal_index == 0 && bare(0) {
        let listed = (2..8.min(sentence.len())).rev().find(|&at| bare(at));
        if let Some(last) = listed {
            return Some(Hit::new("counterfactual-modal", 0, last + 1));
        }
    }
    // ("Everything we could have", "you wish you would have" say what was possible or wished.)
    if !sentence.is(modal_index, "should") {
        return None;
    }
    let have = skip_adverbs(sentence, modal_index + 1);
    if !sentence.is(have, "have") {
        return None;
    }
    let after = have + 1;
    let elided = after >= sentence.len()
        || sentence.is_punct(after)
        || sentence.is_any(after, &["earlier", "sooner", "before", "then", "but", "and"])
        || (sentence.is(after, "in") && sentence.is(after + 1, "the") && sentence.is(after + 2, "first"));
    let subject = subject_before(sentence, modal_index);
    let people = subject.agent == Agent::Person && !subject.name;
    (elided && people && !sentence.is_question()).then(|| Hit::new("counterfactual-modal", modal_index, have))
}

/// "have", or "of" standing for it ("could of done").
fn is_have(sentence: &Sentence, index: usize) -> bool {
    sentence.is(index, "have") || (sentence.is(index, "of") && is_past_participle(sentence.word(index + 1)))
}

/// Which rule, if any, a perfect modal breaks.
fn judge(sentence: &Sentence, modal_index: usize, group: &PerfectModal) -> Option<&'static str> {
    let PerfectModal { modal, negated, subject, form, verb, .. } = *group;
    let agent = subject.agent;
    // "Avoid evaluating what should have been done" talks about wording; "what could
    // have prevented the outage" still imagines another past.
    let prevents = form != Form::Copula && is_prevention_verb(verb);
    if modal == "must"
        || (in_wh_statement(sentence, modal_index)
            && !prevents
            && !wh_cleft(sentence, group)
            && !discusses_doing_otherwise(sentence, modal_index, group))
    {
        return None;
    }
    // "We could have kept the old workflow, but then we'd be back to square one": another path
    // weighed and its cost named, not regretted.
    let weighed = matches!(modal, "could" | "would")
        && (group.main..sentence.len()).any(|at| sentence.is(at, "but") && sentence.is(at + 1, "then"));
    if weighed {
        return None;
    }
    // "We couldn't have done it without you", "this wouldn't have been possible without the
    // AWS team": thanks for what was there, not another past wished for.
    let thanks = negated
        && matches!(modal, "could" | "would")
        && (group.main..clause_end(sentence, group.main).min(group.main + 6)).any(|at| sentence.is(at, "without"));
    if thanks {
        return None;
    }
    // "Ideally the alert would have fired within a minute", "in an ideal world the deploy would
    // have been staged": the better past, whoever its subject.
    let ideal = (0..modal_index).any(|at| {
        sentence.is(at, "ideally")
            || (sentence.is(at, "ideal") && sentence.is_any(at + 1, &["world", "case", "scenario"]))
    });
    // ("the upgrade ideally should not have caused it" is what was expected of a machine.)
    if ideal && !negated && matches!(modal, "would" | "should" | "could") {
        return Some("counterfactual-modal");
    }
    // "There should have been an alert on the queue depth": a safeguard that was missing. (An
    // expectation, "there should have been three replicas", "no impact", tells what was planned.)
    let existential = subject.head.is_some_and(|head| sentence.is(head, "there"));
    if form == Form::Copula && existential && !negated && matches!(modal, "should" | "ought") {
        let safeguard = (group.main..(group.main + 4).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at) && !sentence.is_any(at, &["no", "none", "nothing"]))
            .any(|at| is_safeguard_noun(sentence.word(at)));
        if safeguard {
            return Some("counterfactual-modal");
        }
    }
    if form == Form::Copula
        && !negated
        && matches!(modal, "should" | "ought")
        && step_due_first(sentence, modal_index, group)
    {
        return Some("counterfactual-modal");
    }
    // "A bit more care would have gone a long way": the missing step, said to have counted.
    if form == Form::Active
        && !negated
        && verb == "gone"
        && sentence.is(group.main + 1, "a")
        && sentence.is(group.main + 2, "long")
        && sentence.is(group.main + 3, "way")
        && (sentence.word(group.main + 4).is_empty()
            || sentence.is_any(group.main + 4, &["to", "towards", "toward", "in"]))
    {
        return Some("counterfactual-modal");
    }
    // "All it would have taken was one canary", "that's all it would have taken": the step not
    // taken, said to have been small.
    let all_it = modal_index >= 2 && sentence.is(modal_index - 1, "it") && sentence.is(modal_index - 2, "all");
    if form == Form::Active && !negated && verb == "taken" && all_it {
        return Some("counterfactual-modal");
    }
    // "More testing wouldn't have hurt", "it wouldn't have hurt anyone to check": a step not taken,
    // commended by understatement. ("The outage would not have hurt customers in other regions"
    // weighs an impact.)
    let understated = {
        let after = group.main + 1;
        sentence.word(after).is_empty()
            || sentence.is_any(after, &["either", "to"])
            || (sentence.is_any(after, &["anyone", "anybody", "us", "them"]) && sentence.is(after + 1, "to"))
    };
    if form == Form::Active && negated && matches!(modal, "would" | "could") && verb == "hurt" && understated {
        return Some("counterfactual-modal");
    }
    // "It would have made sense to roll back first": a past choice graded against another.
    if form == Form::Active && !negated && verb == "made" && sentence.is(group.main + 1, "sense") {
        return Some("counterfactual-modal");
    }
    // "Better alerting would have made a difference", "a canary would have made all the
    // difference": what was missing, imagined changing the outcome. ("Nothing would have made a
    // difference" and "it would have made little difference" say nobody could have.)
    let difference = (group.main + 1..(group.main + 4).min(sentence.len()))
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| sentence.is(at, "difference"))
        .is_some_and(|at| {
            sentence.is_any(group.main + 1, &["a", "all"])
                && !(group.main + 1..at).any(|word| sentence.is_any(word, &["no", "little", "any"]))
        });
    let nothing =
        subject.head.is_some_and(|head| sentence.is_any(head, &["nothing", "none", "nobody", "no-one", "noone"]));
    if form == Form::Active && !negated && verb == "made" && difference && !nothing && !sentence.is_question() {
        return Some("counterfactual-modal");
    }
    // "Nobody should have been able to delete prod", "no one should have had write access to
    // production": a missing safeguard, told as what no one should have been allowed.
    let no_one = subject.head.is_some_and(|head| is_nobody(sentence, head));
    let allowed = (form == Form::Copula && sentence.is(group.main, "able") && sentence.is(group.main + 1, "to"))
        || (form == Form::Active
            && verb == "had"
            && (group.main + 1..(group.main + 4).min(sentence.len())).any(|at| {
                sentence.is_any(at, &["access", "permission", "permissions", "rights", "credentials", "keys", "root"])
            }));
    if no_one && !negated && matches!(modal, "should" | "ought") && allowed {
        return Some("counterfactual-modal");
    }
    // "Would it have killed them to test it?", "it would have cost them nothing to stage the
    // rollout": the step not taken, called cheap.
    let whom = |at: usize| sentence.is_any(at, &["them", "us", "you", "him", "her", "anyone", "anybody"]);
    let killed = verb == "killed" && whom(group.main + 1) && sentence.is(group.main + 2, "to");
    let cost = if whom(group.main + 1) { group.main + 2 } else { group.main + 1 };
    let cheap =
        verb == "cost" && sentence.is_any(cost, &["nothing", "little", "pennies"]) && sentence.is(cost + 1, "to");
    if form == Form::Active && modal == "would" && (killed || cheap) {
        return Some("counterfactual-modal");
    }
    // "The right move would have been to roll back": the path not taken, named as the better one.
    // "A better approach would have been a staged rollout": the same, the path named by a noun.
    let named_after = sentence.is(group.main, "to")
        || (sentence.is_any(group.main, &["a", "an"]) && !sentence.is_punct(group.main + 1));
    if form == Form::Copula
        && !negated
        && modal == "would"
        && named_after
        && subject.head.is_some_and(|head| names_a_better_choice(sentence, head))
    {
        return Some("counterfactual-modal");
    }
    // "A test would have been able to catch it": a missing safeguard, whoever its subject.
    if form == Form::Copula
        && !negated
        && sentence.is(group.main, "able")
        && sentence.is(group.main + 1, "to")
        && is_prevention_verb(&participle_of(sentence.word(group.main + 2)))
    {
        return Some("counterfactual-modal");
    }
    // "The correct procedure should have been to merge into a branch": the path not taken.
    if form == Form::Copula && !negated && matches!(modal, "should" | "ought") && sentence.is(group.main, "to") {
        return Some("counterfactual-modal");
    }
    // "The outage wouldn't have been possible if ...": an incident that need not have happened.
    if form == Form::Copula
        && negated
        && sentence.is(group.main, "possible")
        && subject.head.is_some_and(|head| is_incident_noun(sentence.word(head)))
    {
        return Some("counterfactual-modal");
    }
    // "The production credentials should never have been in the document": something left
    // where people put it.
    if form == Form::Copula
        && negated
        && matches!(modal, "should" | "ought")
        && sentence.is_any(group.main, &["in", "on", "inside", "public", "exposed", "there"])
        && !subject.head.is_some_and(|head| sentence.is(head, "there"))
    {
        return Some("counterfactual-modal");
    }
    // "It would have been wiser to page the database team first": a past choice graded
    // against the one not taken, whoever made it.
    if form == Form::Copula && !negated && grades_a_choice(sentence, group.main) {
        return Some("counterfactual-modal");
    }
    // "A staged rollout would have been more prudent", "waiting a day would have been wiser":
    // the path not taken is the subject, graded against the one taken. ("It would have been
    // wiser" needs its "to" above: "it" may be anything.)
    let graded = if sentence.is(group.main, "more") { group.main + 1 } else { group.main };
    let named_path = subject.head.is_some_and(|head| {
        !sentence.is_any(head, &["it", "this", "that", "there", "which", "what", "who", "something", "anything"])
    });
    // "More logging would have been helpful": the path not taken wished for. ("The token would
    // have been useful to an attacker" tells what was at stake.)
    let to_whom = sentence.is(graded + 1, "to") && benefits_someone(sentence, graded + 2);
    let wished = matches!(sentence.word(graded), "helpful" | "useful" | "nice" | "beneficial" | "valuable") && !to_whom;
    if form == Form::Copula
        && !negated
        && named_path
        && (is_judgement_adjective(sentence.word(graded)) || wished)
        && !sentence.is_question()
    {
        return Some("counterfactual-modal");
    }
    // "A simple restart would have sufficed", "a canary would have been enough": the remedy not
    // taken, called all it needed. ("That would have been enough to crash it" weighs a harm.)
    let enough = match form {
        Form::Active => verb == "sufficed",
        Form::Copula => {
            sentence.is_any(group.main, &["enough", "sufficient", "adequate"])
                && (group.main + 1 >= sentence.len()
                    || sentence.is_punct(group.main + 1)
                    || sentence.is(group.main + 1, "to")
                        && is_prevention_verb(&participle_of(sentence.word(group.main + 2))))
        }
        Form::Passive => false,
    };
    let nothing_would = subject.head.is_some_and(|head| sentence.is_any(head, &["nothing", "none"]));
    if enough && modal == "would" && !negated && named_path && !nothing_would && !sentence.is_question() {
        return Some("counterfactual-modal");
    }
    // "Customers could have seen stale data" is a possibility; "we should have seen it coming" is hindsight.
    let judged = matches!(modal, "should" | "ought") || (modal == "could" && verb != "seen" && agent != Agent::Generic);
    // "I should've thought of that": foresight, as "should have known".
    let thought_of = verb == "thought" && sentence.is_any(group.main + 1, &["of", "about"]);
    if form == Form::Active && (is_foresight_verb(verb) || thought_of) && judged && agent != Agent::Thing {
        // "We could not have known" defends people; it is not hindsight. Nor is "How could they
        // have known?", which says the same as a question.
        let asked_how = modal == "could" && sentence.is_question() && (0..modal_index).any(|at| sentence.is(at, "how"));
        let defended = (negated && modal == "could") || asked_how;
        return (!defended).then_some("hindsight-should-have-known");
    }
    // "As anyone could have predicted, the queue filled up": foresight said to be anyone's.
    let anyone =
        subject.head.is_some_and(|head| sentence.is_any(head, &["anyone", "anybody", "everyone", "everybody"]));
    // ("How could anyone have known?" defends the people involved.)
    if form == Form::Active
        && anyone
        && !negated
        && modal == "could"
        && is_foresight_verb(verb)
        && !sentence.is_question()
    {
        return Some("hindsight-obvious");
    }
    if form == Form::Active && is_wish_verb(verb) {
        return None;
    }
    // "Being woken at 4 AM couldn't have helped much either": a cause judged to have made things
    // worse, not a better past imagined.
    if form == Form::Active && negated && modal == "could" && verb == "helped" {
        return None;
    }
    // "could have done the same" (anyone could), "would have had to migrate" (an obligation in
    // the other past), "would have stopped running" (impact), "would not have automatically
    // detected" (what a system does).
    let same = sentence.is(group.main + 1, "the") && sentence.is(group.main + 2, "same");
    let obliged = verb == "had" && sentence.is(group.main + 1, "to");
    let ceased = verb == "stopped" && sentence.word(group.main + 1).ends_with("ing");
    let automatic = (modal_index..group.main).any(|index| sentence.is_any(index, &["automatically", "automagically"]));
    if form == Form::Active && (same || obliged || ceased || automatic) {
        return None;
    }
    // "Scans that should have identified the vulnerable systems": what a tool that ran was
    // expected to do.
    let relative = modal_index.checked_sub(1).filter(|&at| sentence.is_any(at, &["that", "which"]));
    // ("Is there a test that should have detected this?" asks after a safeguard that was not there.)
    let asked_after =
        sentence.is_question() && sentence.is_any(0, &["is", "was", "are", "were"]) && sentence.is(1, "there");
    if modal == "should"
        && !negated
        && !asked_after
        && relative.is_some_and(|that| {
            that > 0
                && (is_safeguard_noun(sentence.word(that - 1))
                    || is_safeguard_noun(sentence.word(that - 1).trim_end_matches('s')))
        })
    {
        return None;
    }
    // "An internal auditing tool should have stopped the misconfiguration, but a software bug
    // caused the control to fail": what a safeguard that was there was expected to do, and why
    // it did not. ("A canary should have caught this, but we didn't have one" wishes for one.)
    if modal == "should" && !negated && agent == Agent::Thing && prevents {
        let but = (group.main + 1..sentence.len()).find(|&at| sentence.is(at, "but") && sentence.is_punct(at - 1));
        if let Some(but) = but {
            let rest = but + 1..sentence.len();
            let lacking = rest.clone().any(|at| sentence.is_any(at, &["have", "had", "has", "there"]))
                && rest.into_iter().any(|at| sentence.is_any(at, &["one", "no", "none", "any", "never"]));
            if !lacking {
                return None;
            }
        }
    }
    // "This should have contained the fallout": what a fix was expected to do. ("This should
    // never have happened" imagines the incident away; it is read below.)
    // Nor does "this should never have made it to production" or "this never should have passed
    // review": a change let through a gate it ought to have stopped at.
    let never = negated || modal_index.checked_sub(1).is_some_and(|at| sentence.is(at, "never"));
    // And "it should never have reached production": the gate named by where the change got to.
    let reached_users = matches!(verb, "reached" | "hit")
        && (group.main + 1..(group.main + 3).min(sentence.len()))
            .any(|at| sentence.is_any(at, &["production", "prod", "main", "master", "customers", "users", "release"]));
    let let_through = never
        && (matches!(verb, "passed" | "shipped" | "landed" | "merged")
            || verb == "made" && sentence.is_any(group.main + 1, &["it", "its"])
            || reached_users);
    if form == Form::Active && matches!(modal, "should" | "ought") && let_through {
        return Some("counterfactual-modal");
    }
    if form == Form::Active
        && modal == "should"
        && agent == Agent::Thing
        && subject.head.is_some_and(|head| sentence.is_any(head, &["this", "it", "that"]))
        && !matches!(verb, "happened" | "occurred")
    {
        return None;
    }
    if imagines_worse(sentence, group.main) {
        return None;
    }
    // "could have blocked every team" is impact: what was stopped is people, not harm.
    let stops_people = matches!(verb, "blocked" | "stopped" | "limited" | "delayed" | "prevented")
        && (group.main + 1..(group.main + 4).min(sentence.len())).any(|at| {
            sentence.is_any(
                at,
                &[
                    "team",
                    "teams",
                    "users",
                    "customers",
                    "everyone",
                    "everybody",
                    "engineers",
                    "developers",
                    "us",
                    "people",
                ],
            )
        });
    let prevents = prevents && !stops_people;
    // "One test on one machine would have shown the crash": a problem shown is a problem caught.
    let problem_shown = form == Form::Active
        && verb == "shown"
        && (group.main + 1..(group.main + 4).min(sentence.len())).any(|at| {
            sentence.is_any(at, &["problem", "issue", "bug", "crash", "error", "failure", "regression", "leak"])
        });
    // "The bug would have shown up in staging": a problem shown is a problem caught, as "surfaced".
    let shown_up = form == Form::Active && verb == "shown" && sentence.is(group.main + 1, "up");
    // "The error would have surfaced in the logs anyway" tells what was to happen regardless.
    let anyway = (group.main + 1..clause_end(sentence, group.main + 1)).any(|at| sentence.is(at, "anyway"));
    let prevention = (prevents
        || problem_shown
        || shown_up
        || (form == Form::Active && prevents_in_a_second_verb(sentence, group.main)))
        && !anyway;
    // "If the runbook had been up to date, recovery would have taken minutes", "were it not for
    // the stale cache, the failover would have worked": a better outcome under another past,
    // whoever its subject. ("If the attacker had kept the key, they could have read every
    // message" imagines a worse one.)
    if !negated
        && matches!(modal, "would" | "could")
        && !sentence.is_question()
        && better_outcome(sentence, group)
        && (has_past_condition(sentence) || (form == Form::Passive && has_plain_past_condition(sentence, group.main)))
    {
        return Some("counterfactual-modal");
    }
    if matches!(modal, "might" | "may") {
        // "may have identified the cause" is a guess about what happened; only
        // "might have prevented" imagines another past, and so does "might have been
        // identified by putting more thought into it", "we might have noticed it sooner"
        // and "a second reviewer might have spotted it".
        // ("may have helped prevent the incidents" too.)
        let helped_avert = verb == "helped"
            && (group.main + 1..(group.main + 3).min(sentence.len()))
                .any(|at| sentence.is_any(at, &["prevent", "avoid", "avert", "catch", "mitigate", "stop"]));
        let averted =
            matches!(verb, "prevented" | "avoided" | "averted" | "caught" | "mitigated" | "stopped") || helped_avert;
        let found_by = form == Form::Passive && prevention && sentence.is_any(group.main + 1, &["by", "if", "with"]);
        let imagined = sooner_after(sentence, group.main)
            || subject.head.is_some_and(|head| {
                head > 0
                    && sentence.is_any(
                        head - 1,
                        &["second", "another", "extra", "additional", "better", "proper", "earlier", "more"],
                    )
            });
        // "An alert on disk usage might have given us a day's warning", "a canary might have
        // told us": a safeguard that was not there, imagined sending word.
        // ("a canary", "a disk alert", "an alert on disk usage": a safeguard brought in by "a".)
        let missing_safeguard = subject.head.is_some_and(|head| {
            (head.saturating_sub(4)..=head).any(|at| {
                is_safeguard_noun(sentence.word(at))
                    && (at.saturating_sub(2)..at).any(|before| sentence.is_any(before, &["a", "an"]))
            })
        });
        let sends_word = matches!(verb, "given" | "told" | "warned" | "alerted")
            && is_responder(sentence, group.main + 1)
            && !negated;
        if missing_safeguard && sends_word {
            return Some("counterfactual-modal");
        }
        // "Having an incident commander might have helped": a step not taken, named by the gerund
        // that opens its clause, imagined helping. ("It might have helped that the cache was
        // warm" guesses at what did.)
        let step_helped = verb == "helped" && !negated && gerund_opens_clause(sentence, modal_index);
        return (prevention && (averted || found_by || imagined) || step_helped).then_some("counterfactual-modal");
    }
    if modal == "should" && has_deadline(sentence) {
        return None;
    }
    let flag = Some("counterfactual-modal");
    match form {
        Form::Active => {
            // "The investigation could have gone faster": a response graded against another past.
            // ("What could have gone better?" is the retrospective's own question.)
            let asks_what = subject.head.is_some_and(|head| sentence.is(head, "what"));
            let graded =
                sentence.is_any(group.main + 1, &["faster", "quicker", "sooner", "better", "smoother", "differently"]);
            if verb == "gone" && graded && !asks_what {
                return flag;
            }
            // "Better dashboards would have let us see it", "feature flags would have enabled
            // a rapid rollback": a safeguard that was missing.
            // ("The alert would not have let us sleep through it" tells what it did anyway.)
            let enabling = matches!(verb, "let" | "allowed" | "enabled" | "given" | "made");
            if enabling
                && !negated
                && (is_responder(sentence, group.main + 1) || names_a_response(sentence, group.main + 1))
            {
                return flag;
            }
            // "A canary would have told us", "a disk alert would have warned the on-call": a
            // missing safeguard's message. (People who "would have told us" are read below.)
            let telling = matches!(verb, "told" | "warned" | "alerted" | "shown" | "informed");
            if telling
                && !negated
                && agent == Agent::Thing
                && is_responder(sentence, group.main + 1)
                && !sentence.is_any(group.main + 2, &["nothing", "little"])
            {
                return flag;
            }
            // "Asking users sooner could've led to a quicker recovery": a better outcome imagined.
            let outcome = matches!(verb, "led" | "resulted" | "meant" | "given" | "made" | "brought");
            if outcome && names_a_better_response(sentence, group.main + 1) {
                return flag;
            }
            // "Earlier detection would have meant less data loss": a smaller harm imagined.
            // (Not "would have meant less headroom": less of a good thing.)
            let lessened = (group.main + 1..(group.main + 4).min(sentence.len()))
                .take_while(|&at| !sentence.is_punct(at))
                .find(|&at| sentence.is_any(at, &["less", "fewer", "smaller", "shorter", "lower", "minimal"]))
                .is_some_and(|at| {
                    (at + 1..(at + 4).min(sentence.len())).take_while(|&noun| !sentence.is_punct(noun)).any(|noun| {
                        sentence.is_any(
                            noun,
                            &[
                                "loss",
                                "downtime",
                                "outage",
                                "impact",
                                "errors",
                                "failures",
                                "damage",
                                "disruption",
                                "incident",
                                "lost",
                            ],
                        )
                    })
                });
            if outcome && !negated && lessened && matches!(verb, "meant" | "led" | "resulted") {
                return flag;
            }
            // "Incremental work would have benefited us", "a team response would've provided more
            // support": a better past imagined, with what was missing as its subject.
            let benefited = matches!(verb, "benefited" | "benefitted");
            let provided_more = matches!(verb, "provided" | "offered" | "given")
                && sentence.is_any(group.main + 1, &["more", "better", "earlier", "clearer"]);
            let no_one =
                subject.head.is_some_and(|head| sentence.is_any(head, &["nobody", "none", "nothing", "no-one"]));
            if (benefited || provided_more) && !negated && !no_one {
                return flag;
            }
            // "Attackers could have found the key" is about impact, not prevention; "a reviewer
            // would have spotted the typo" imagines a safeguard that was missing.
            let discovery = matches!(verb, "found" | "identified" | "noticed" | "spotted" | "uncovered");
            let reviewer_would = modal == "would"
                && subject.head.is_some_and(|head| {
                    is_role_noun(sentence.word(head))
                        && !sentence.is_any(head, &["attacker", "attackers", "hacker", "hackers", "user", "users"])
                });
            if prevention && !(agent == Agent::Generic && discovery && !reviewer_would) {
                return flag;
            }
            let nothing = subject.head.is_some_and(|head| {
                sentence.is_any(head, &["none", "nothing"])
                    || (head >= 2 && sentence.is(head - 2, "none") && sentence.is(head - 1, "of"))
            });
            // ("This never should have happened": "never" before the modal.)
            let did_not_happen = matches!(verb, "happened" | "occurred" | "arisen" | "existed") && (never || nothing);
            if did_not_happen {
                return flag;
            }
            // "The alert would have fired sooner", "a lower threshold would have paged us an hour
            // earlier", "the check would have failed the build if the limit had been set": a
            // safeguard's better past. "The alert would have fired anyway" tells what happened.
            if agent == Agent::Thing
                && !negated
                && matches!(modal, "would" | "could")
                && is_alerting_verb(verb)
                && (sooner_after(sentence, group.main) || has_past_condition(sentence))
            {
                return flag;
            }
            // "With a canary, the bad build would never have reached production", "a canary would
            // never have let this through": a change imagined stopped by a missing safeguard.
            let reached = matches!(verb, "reached" | "shipped" | "landed" | "gone" | "hit" | "merged" | "deployed");
            let safeguard_before = (0..modal_index).any(|at| {
                sentence.is_any(at, &["with", "had"])
                    && (at + 1..(at + 4).min(modal_index)).any(|noun| is_safeguard_noun(sentence.word(noun)))
            });
            if negated
                && matches!(modal, "would" | "could")
                && reached
                && (safeguard_before || ideal || has_past_condition(sentence))
            {
                return flag;
            }
            let safeguard_subject = subject.head.is_some_and(|head| is_safeguard_noun(sentence.word(head)));
            // (Not "the alert would not have let us sleep through it": what it let is people.)
            let let_through = sentence.is_any(group.main + 1, &["this", "it", "that", "the", "a", "any"])
                && (group.main + 2..(group.main + 5).min(sentence.len()))
                    .any(|at| sentence.is_any(at, &["reach", "through", "out", "ship", "into", "past", "merge"]));
            if negated
                && modal == "would"
                && safeguard_subject
                && matches!(verb, "let" | "allowed" | "permitted")
                && let_through
            {
                return flag;
            }
            // "If the disk had been larger, the job wouldn't have failed", "with proper rate
            // limiting, the cluster would not have gone down": a failure imagined away.
            if agent == Agent::Thing && negated && breaks(sentence, group) && has_past_condition(sentence) {
                return flag;
            }
            match agent {
                // "The deploy shouldn't have gone out": a change that people shipped. "All of this
                // could have waited a few hours": work judged as rushed.
                // "This bug shouldn't have reached production": a defect that got through.
                // "The rollback should have happened immediately", "the fix could have shipped a
                // day earlier": a response that came late.
                Agent::Thing
                    if matches!(modal, "should" | "ought" | "could")
                        && !negated
                        && matches!(
                            verb,
                            "happened" | "occurred" | "started" | "begun" | "come" | "shipped" | "landed" | "deployed"
                        )
                        && subject.head.is_some_and(|head| is_response_noun(sentence.word(head)))
                        && (sooner_after(sentence, group.main)
                            || sentence.is_any(group.main + 1, &["immediately", "first", "straight"])) =>
                {
                    Some("counterfactual-modal")
                }
                Agent::Thing => ((matches!(modal, "should" | "ought")
                    && subject.head.is_some_and(|head| {
                        names_a_change(sentence, head) || (negated && is_defect_noun(sentence.word(head)))
                    })
                    && is_shipping_participle(verb))
                    || (verb == "waited"
                        && !negated
                        && matches!(modal, "could" | "should" | "ought")
                        && subject.head.is_some_and(|head| {
                            sentence.is_any(head, &["this", "that", "it", "all"]) || names_a_change(sentence, head)
                        })))
                .then_some("counterfactual-modal"),
                // "someone should have checked"; not "users should not have had issues".
                // "A junior engineer shouldn't have had prod access": what someone should not have
                // been given. ("Users should not have had issues" is impact.)
                Agent::Generic => {
                    let access = verb == "had"
                        && subject.head.is_some_and(|head| is_role_noun(sentence.word(head)))
                        && (group.main + 1..(group.main + 4).min(sentence.len())).any(|at| {
                            sentence.is_any(
                                at,
                                &["access", "permission", "permissions", "rights", "credentials", "keys", "root"],
                            )
                        });
                    (modal == "should" && (is_human_action_participle(verb) || access))
                        .then_some("counterfactual-modal")
                }
                Agent::Person | Agent::Missing => {
                    // ("We could have failed over" is a step people take; "we could have failed
                    // the audit" an outcome.)
                    let failover = verb == "failed" && sentence.is_any(group.main + 1, &["over", "back"]);
                    if (is_impact_verb(verb) && !failover) || (subject.name && is_machine_verb(verb)) {
                        None
                    } else {
                        flag
                    }
                }
            }
        }
        Form::Passive => {
            // "should have been renewed automatically by cert-manager": what a machine was to do.
            let automatic = (modal_index..clause_end(sentence, group.main + 1).min(group.main + 4))
                .any(|index| sentence.is_any(index, &["automatically", "automagically"]));
            // "would have been halted" tells an outcome; "could have been paused" an option people had.
            let people_act = is_human_action_participle(verb)
                && (agent != Agent::Generic || modal == "should")
                && (modal != "would" || agent != Agent::Thing);
            // "could have been remedied before the attack"; but "would have been corrected by the
            // next release anyway" tells what was to happen, unless a condition or "sooner" imagines it.
            let remedy = matches!(verb, "remedied" | "corrected" | "plugged" | "improved");
            let imagined = has_past_condition(sentence) || sooner_after(sentence, group.main);
            let people_act = people_act && (!remedy || modal != "would" || imagined);
            // "the country is set to ZA when it should have been set to BW": the right value named.
            let right_value = matches!(verb, "set" | "configured" | "changed" | "assigned")
                && sentence.is(group.main + 1, "to")
                && !negated;
            // "Other endpoints could have been used instead": the option not taken.
            let instead = !negated
                && matches!(modal, "could" | "should" | "ought")
                && (group.main + 1..(group.main + 4).min(sentence.len()))
                    .take_while(|&at| !sentence.is_punct(at))
                    .any(|at| sentence.is(at, "instead"));
            // "You should have already been given access as part of onboarding": what the reader
            // of a guide can expect to find done.
            let expected_of_reader = modal == "should"
                && subject.head.is_some_and(|head| sentence.is(head, "you"))
                && (modal_index..group.main).any(|at| sentence.is(at, "already"));
            // "If the node had had more memory, the pod would not have been evicted": a harm imagined
            // away, as "the job wouldn't have failed" in the active.
            let harm_undone =
                agent == Agent::Thing && negated && breaks(sentence, group) && has_past_condition(sentence);
            (!automatic && !right_value && !expected_of_reader && (prevention || people_act || instead || harm_undone))
                .then_some("counterfactual-modal")
        }
        Form::Copula => copula(sentence, group),
    }
}

/// Whether the subject at `head` is a change people made: "the deploy", "this PR", or a pull
/// request named by its number, "#91".
fn names_a_change(sentence: &Sentence, head: usize) -> bool {
    let word = sentence.word(head);
    is_change_noun(word)
        || (!word.is_empty()
            && word.bytes().all(|byte| byte.is_ascii_digit())
            && sentence.text[..sentence.tokens[head].start].ends_with('#'))
}

/// What should not reach users: "this bug", "the regression".
fn is_defect_noun(word: &str) -> bool {
    matches!(
        word,
        "bug" | "bugs" | "regression" | "regressions" | "vulnerability" | "flaw" | "typo" | "defect" | "defects"
    )
}

/// What stands between a change and an outage: "an alert", "a runbook", "a second review".
fn is_safeguard_noun(word: &str) -> bool {
    matches!(
        word,
        "alert"
            | "alerts"
            | "alarm"
            | "alarms"
            | "test"
            | "tests"
            | "check"
            | "checks"
            | "runbook"
            | "runbooks"
            | "review"
            | "reviewer"
            | "canary"
            | "monitor"
            | "monitoring"
            | "gate"
            | "approval"
            | "backup"
            | "backups"
            | "testing"
            | "warning"
            | "safeguard"
            | "guardrail"
            | "guardrails"
            | "process"
            | "procedure"
            | "plan"
            | "scan"
            | "scanner"
            | "linter"
            | "audit"
    )
}

/// What alerting does: "fired", "paged", "alerted".
fn is_alerting_verb(word: &str) -> bool {
    matches!(word, "fired" | "alerted" | "paged" | "notified" | "triggered" | "tripped")
}

/// How a system breaks: "failed", "crashed", "timed out", "expired".
fn is_breaking_verb(word: &str) -> bool {
    matches!(
        word,
        "failed"
            | "crashed"
            | "broken"
            | "timed"
            | "errored"
            | "overloaded"
            | "expired"
            | "filled"
            | "stalled"
            | "hung"
            // What a system does to work under strain, told in the passive: "the pod would
            // not have been evicted".
            | "evicted"
            | "killed"
            | "throttled"
            | "exhausted"
            | "overwhelmed"
            | "corrupted"
    )
}

/// A breaking verb, or what an outage does told with its particle: the service "gone down",
/// the retry storm "taken down the cluster", the failure "spread".
fn breaks(sentence: &Sentence, group: &PerfectModal) -> bool {
    let PerfectModal { verb, main, .. } = *group;
    let particle = |words: &[&str]| {
        (main + 1..(main + 5).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .any(|at| sentence.is_any(at, words))
    };
    is_breaking_verb(verb)
        || (verb == "gone" && particle(&["down", "offline", "dark"]))
        || (matches!(verb, "taken" | "knocked" | "brought") && particle(&["down", "offline", "out"]))
        || matches!(verb, "spread" | "cascaded" | "escalated")
}

/// "... sooner", "... an hour earlier", "... in time": a comparison with what happened,
/// within the clause after the verb.
fn sooner_after(sentence: &Sentence, main: usize) -> bool {
    let end = clause_end(sentence, main + 1).min(main + 7);
    (main + 1..=end).any(|at| {
        sentence.is_any(at, &["sooner", "earlier", "faster", "quicker"])
            || (sentence.is(at, "in") && sentence.is(at + 1, "time"))
    })
}

/// "We discussed what we could have done to prevent the outage", "what each of us could have
/// done differently": the better past, weighed in a statement. ("Saying what people could have
/// done to prevent the mishap", "avoid asking what could have been done differently" talk about
/// the wording.)
fn discusses_doing_otherwise(sentence: &Sentence, modal_index: usize, group: &PerfectModal) -> bool {
    // ("This section covers what could have been done better" describes a template.)
    if group.form != Form::Active || group.subject.agent != Agent::Person || group.verb != "done" || group.negated {
        return false;
    }
    let after = group.main + 1;
    let otherwise = sentence.is_any(after, &["differently", "better", "more"])
        || (sentence.is(after, "to")
            && sentence.is_any(
                after + 1,
                &["prevent", "avoid", "stop", "catch", "mitigate", "improve", "limit", "shorten", "help"],
            ));
    let about_wording = (0..modal_index).any(|at| {
        sentence.is_any(
            at,
            &[
                "saying",
                "say",
                "implying",
                "imply",
                "evaluating",
                "evaluate",
                "asking",
                "ask",
                "avoid",
                "avoiding",
                "judging",
                "judge",
                "speculating",
                "speculate",
                "blaming",
                "not",
                "never",
            ],
        )
    });
    otherwise && !about_wording
}

/// Whether the sentence holds a past condition: "if the threshold had been lower", "had the
/// timeout been longer", "were it not for the retries", "had it not been for the cache",
/// "without the stale cache, ...".
fn has_past_condition(sentence: &Sentence) -> bool {
    (0..sentence.len()).any(|at| {
        let opens = at == 0 || sentence.is_punct(at - 1);
        let if_had = sentence.is(at, "if")
            && (at + 2..(at + 8).min(sentence.len()))
                .take_while(|&index| !sentence.is_punct(index))
                .any(|index| sentence.is_any(index, &["had", "'d"]));
        let inverted = sentence.is(at, "had")
            && opens
            && sentence.is_any(at + 1, &["the", "our", "we", "this", "that", "a", "an"]);
        // "were it not for", "had it not been for", "if it wasn't for" (read as "was not"),
        // "if not for", "but for".
        let not_for = sentence.is(at, "for")
            && at >= 2
            && ((sentence.is(at - 1, "been") && sentence.is(at - 2, "not"))
                || (sentence.is(at - 1, "not") && sentence.is_any(at - 2, &["it", "if"]))
                || (at >= 3
                    && sentence.is(at - 1, "not")
                    && sentence.is_any(at - 2, &["was", "were"])
                    && sentence.is(at - 3, "it")));
        let but_for = sentence.is(at, "but") && sentence.is(at + 1, "for") && opens;
        // "Without the stale cache, the failover would have worked": the condition, opening the
        // sentence and closed by a comma.
        let without = sentence.is(at, "without")
            && at == 0
            && (at + 2..(at + 7).min(sentence.len())).any(|index| sentence.is_punct(index));
        // "With a canary, it would have been fine", "it would've been fine with a staged
        // rollout": a missing safeguard as the condition.
        let with_safeguard = sentence.is(at, "with")
            && (at + 1..(at + 4).min(sentence.len()))
                .take_while(|&index| !sentence.is_punct(index))
                .any(|index| is_safeguard_noun(sentence.word(index)) || sentence.is(index, "rollout"));
        // "With proper rate limiting, ...", "with better input validation, ...": opening the
        // sentence, a practice graded as the one that was missing.
        let with_missing = sentence.is(at, "with")
            && opens
            && sentence.is_any(
                at + 1,
                &["proper", "better", "adequate", "sufficient", "appropriate", "correct", "stricter", "stronger"],
            );
        if_had || inverted || not_for || but_for || without || with_safeguard || with_missing
    })
}

/// "The data would have been recovered if the backups were tested", "the error could have been
/// rectified if the contractor announced it": after a harm undone in another past, an "if" whose
/// clause is told in the simple past stands for "had" (a mixed conditional many writers use).
fn has_plain_past_condition(sentence: &Sentence, main: usize) -> bool {
    (main + 1..sentence.len()).any(|at| {
        sentence.is(at, "if")
            && (at + 2..(at + 8).min(sentence.len())).take_while(|&index| !sentence.is_punct(index)).any(|index| {
                sentence.is_any(index, &["was", "were", "did", "knew"]) || is_past_participle(sentence.word(index))
            })
    })
}

/// Whether the verb group at `group` tells an outcome better than the one that happened:
/// "would have worked", "would have recovered on its own", "someone would have noticed",
/// "would have taken minutes", "would have been fine", "would have been avoided".
fn better_outcome(sentence: &Sentence, group: &PerfectModal) -> bool {
    let PerfectModal { form, subject, verb, main, .. } = *group;
    // "nobody would have noticed" is the worse past; "nothing would have broken" the better one.
    if subject.head.is_some_and(|head| sentence.is_any(head, &["nobody", "none", "nothing", "no-one", "noone"])) {
        return form == Form::Active
            && subject.head.is_some_and(|head| sentence.is_any(head, &["nothing", "none"]))
            && (is_breaking_verb(verb) || matches!(verb, "happened" | "broke" | "gone"));
    }
    // "customers would have noticed", "attackers would have known": the harm, seen from outside.
    let outsiders = subject.head.is_some_and(|head| {
        is_generic_person(sentence.word(head))
            && !sentence.is_any(head, &["someone", "somebody", "anyone", "anybody", "everyone", "everybody"])
    });
    match form {
        Form::Active => {
            // "recovery would have taken minutes"; not "requests would have taken ten seconds".
            let brief = verb == "taken"
                && subject.head.is_some_and(|head| is_response_noun(sentence.word(head)))
                && (sentence.is_any(main + 1, &["minutes", "seconds", "moments", "less", "under", "only", "just"])
                    || (sentence.is(main + 1, "a") && sentence.is(main + 2, "few")));
            let stayed = matches!(verb, "stayed" | "remained" | "kept")
                && sentence
                    .is_any(main + 1, &["up", "online", "healthy", "available", "running", "working", "serving"]);
            brief
                || stayed
                || matches!(
                    verb,
                    "worked"
                        | "recovered"
                        | "succeeded"
                        | "survived"
                        | "held"
                        | "saved"
                        | "coped"
                        // Work that went through: "the build would have passed".
                        | "passed"
                        | "completed"
                        | "finished"
                )
                || (!outsiders
                    && matches!(
                        verb,
                        "noticed" | "caught" | "spotted" | "known" | "realised" | "realized" | "detected"
                    ))
        }
        Form::Passive => matches!(
            verb,
            "avoided"
                | "prevented"
                | "averted"
                | "caught"
                | "detected"
                | "noticed"
                | "spotted"
                | "contained"
                | "mitigated"
                | "restored"
                | "spared"
                // A harm undone: "the error could have been rectified if ...".
                | "recovered"
                | "rectified"
                | "fixed"
                | "resolved"
                | "repaired"
                | "remedied"
                | "corrected"
                | "solved"
                // Work a system takes on: "the pods would have been scheduled".
                | "scheduled"
                | "processed"
                | "delivered"
                | "served"
        ),
        Form::Copula => {
            matches!(
                verb,
                "fine"
                    | "okay"
                    | "ok"
                    | "unaffected"
                    | "unharmed"
                    | "safe"
                    | "fast"
                    | "quick"
                    | "available"
                    | "healthy"
            ) || (matches!(verb, "much" | "far")
                && sentence.is_any(main + 1, &["smaller", "shorter", "quicker", "faster", "easier"]))
                || matches!(verb, "smaller" | "shorter" | "quicker" | "faster" | "easier" | "minimal" | "negligible")
        }
    }
}

/// Whether the clause after `main` imagines a worse outcome ("we could have noticed
/// it way later"): a statement about impact, not about what should have been done.
fn imagines_worse(sentence: &Sentence, main: usize) -> bool {
    (main + 1..clause_end(sentence, main + 1)).any(|index| {
        sentence.is(index, "worse")
            // "would have done more damage than good"
            || (sentence.is(index, "more") && sentence.is_any(index + 1, &["damage", "harm"]))
            // "way later than we did", "for much longer"; not "a later start date".
            || (sentence.is_any(index, &["later", "longer"])
                && (sentence.is(index + 1, "than")
                    || sentence.word(index + 1).is_empty()
                    || sentence.is_any(index - 1, &["much", "way", "far", "even"])))
    })
}

/// "rebooting would have refreshed the drives and fixed the problem": a prevention verb
/// joined to the first by "and".
fn prevents_in_a_second_verb(sentence: &Sentence, main: usize) -> bool {
    let end = clause_end(sentence, main + 1);
    (main + 1..end.min(main + 8))
        .chain((end < sentence.len() && sentence.is(end, "and")).then_some(end))
        .filter(|&at| sentence.is(at, "and"))
        .any(|and| is_prevention_verb(sentence.word(skip_adverbs(sentence, and + 1))))
}

/// Whether the words from `index` name a response made easier: "(a) rapid rollback",
/// "faster detection", "an earlier page".
fn names_a_response(sentence: &Sentence, index: usize) -> bool {
    (index..(index + 4).min(sentence.len()))
        .take_while(|&at| !sentence.is_punct(at))
        .any(|at| is_response_noun(sentence.word(at)))
}

/// Whether the words from `index` grade a response as better: "to a quicker recovery",
/// "in less downtime", "an earlier fix".
fn names_a_better_response(sentence: &Sentence, index: usize) -> bool {
    let window = index..(index + 6).min(sentence.len());
    let graded = window.clone().take_while(|&at| !sentence.is_punct(at)).any(|at| {
        is_response_comparative(sentence.word(at)) && sentence.word(at) != "more"
            || sentence.is_any(at, &["less", "fewer", "shorter", "smaller"])
    });
    graded && (names_a_response(sentence, index) || window.into_iter().any(|at| is_outcome_noun(sentence.word(at))))
}

/// "wiser to", "better if", "a good idea to", "the right call to": a choice graded.
fn grades_a_choice(sentence: &Sentence, main: usize) -> bool {
    let (adjective, after) = if sentence.is_any(main, &["a", "an", "the"]) {
        let noun = main + 2;
        if !sentence.is_any(
            noun,
            &[
                "idea",
                "call",
                "choice",
                "move",
                "option",
                "decision",
                "approach",
                "plan",
                "fit",
                "opportunity",
                "strategy",
            ],
        ) {
            return false;
        }
        (sentence.word(main + 1), noun + 1)
    } else if sentence.is(main, "more") {
        (sentence.word(main + 1), main + 2)
    } else {
        (sentence.word(main), main + 1)
    };
    let article = sentence.is_any(main, &["a", "an", "the"]);
    // "it would have been helpful to involve legal": a wish for the path not taken.
    // ("The token would have been useful to an attacker" tells what was at stake.)
    let to_whom = sentence.is(after, "to") && benefits_someone(sentence, after + 1);
    let wished = !article
        && !to_whom
        && matches!(adjective, "nice" | "helpful" | "useful" | "good" | "great" | "beneficial" | "valuable");
    let graded = is_judgement_adjective(adjective)
        || (article && matches!(adjective, "good" | "right" | "smart" | "wise"))
        || wished;
    // "a better fit", "the right call" grade a choice on their own; "wiser" needs "to" or "if".
    graded && (article || sentence.is_any(after, &["to", "if"]))
}

/// Whether the clause that holds the word at `at` opens with a gerund naming a step: "trusting
/// the header ...", "so waiting a day ...". ("Nothing ..." and "During ..." name none.)
fn gerund_opens_clause(sentence: &Sentence, at: usize) -> bool {
    let opening = (0..at)
        .rev()
        .find(|&before| sentence.is_punct(before) || sentence.is_any(before, &["so", "and", "but", "because", "since"]))
        .map_or(0, |before| before + 1);
    let first = sentence.word(opening);
    first.len() > 4
        && first.ends_with("ing")
        && !matches!(first, "nothing" | "something" | "anything" | "everything" | "during" | "morning" | "evening")
        && (opening + 1..at).all(|between| !sentence.is_punct(between))
}

/// Whether the words from `at` name whom something would have served ("to an attacker", "to
/// attackers"), not a step ("to have more logs", "to involve legal").
fn benefits_someone(sentence: &Sentence, at: usize) -> bool {
    is_function_word(sentence.word(at))
        || is_role_noun(sentence.word(at))
        || sentence.is_any(at, &["attacker", "attackers", "hackers", "adversaries", "users", "customers", "criminals"])
}

/// "Rolling back should have been our first move", "checking the logs should have been the
/// first thing we did": a step, named by the gerund that opens its clause, graded as the one
/// due first. ("Nothing should have been the first ..." and "The warning should have been the
/// first line" name no step.)
fn step_due_first(sentence: &Sentence, modal_index: usize, group: &PerfectModal) -> bool {
    let gerund = gerund_opens_clause(sentence, modal_index);
    let determiner = sentence.is_any(group.main, &["the", "our", "my", "their", "a"]);
    let ranked = (group.main + 1..(group.main + 3).min(sentence.len()))
        .any(|at| sentence.is_any(at, &["first", "priority", "instinct", "reaction", "response", "default"]));
    gerund && determiner && ranked
}

/// "What we should have done is roll back": a cleft that states the other past as the answer,
/// unlike "avoid judging what should have been done", which talks about wording.
fn wh_cleft(sentence: &Sentence, group: &PerfectModal) -> bool {
    let person = group.subject.agent == Agent::Person && !group.subject.name;
    let after = skip_adverbs(sentence, group.main + 1);
    person && !group.negated && sentence.is_any(after, &["is", "was"])
}

/// "the right move", "a safer option", "the best thing": a choice graded as the better one.
fn names_a_better_choice(sentence: &Sentence, head: usize) -> bool {
    // "The right thing to do would have been ...": the choice before its "to do".
    let head = if head >= 2 && sentence.is(head, "do") && sentence.is(head - 1, "to") { head - 2 } else { head };
    let choice = sentence.is_any(
        head,
        &["move", "call", "choice", "option", "approach", "thing", "course", "step", "action", "decision", "fix"],
    );
    // ("The obvious fix would have been to add a timeout": the path not taken, called plain.)
    choice
        && head > 0
        && sentence.is_any(
            head - 1,
            &[
                "right", "correct", "better", "best", "safer", "safest", "smarter", "wiser", "proper", "sensible",
                "obvious",
            ],
        )
}

/// Whether the words at `index` name the people responding: "us", "the on-call", "responders".
fn is_responder(sentence: &Sentence, index: usize) -> bool {
    let head = if sentence.is_any(index, &["the", "our"]) { index + 1 } else { index };
    let word = sentence.word(head);
    matches!(word, "us" | "me" | "them" | "responders" | "engineers")
        || (is_role_noun(word) && !sentence.is(index, "an"))
}

/// "would have been trivial", "should have been obvious", "could have been faster".
fn copula(sentence: &Sentence, group: &PerfectModal) -> Option<&'static str> {
    let PerfectModal { modal, negated, subject, verb: adjective, main, .. } = *group;
    if negated {
        // "would not have been easy" or "visible" argues for the people involved.
        return None;
    }
    // "Waiting a day would have been fine", "..., so trusting the header from our own load
    // balancer would have been safe": the step not taken, named by the gerund that opens its
    // clause, called harmless. ("Running it again would have been expensive" names a cost.)
    let harmless =
        matches!(adjective, "safe" | "fine" | "okay" | "ok" | "harmless" | "acceptable" | "sufficient" | "enough");
    if harmless
        && modal == "would"
        && (0..main).rev().find(|&at| sentence.is(at, "would")).is_some_and(|at| gerund_opens_clause(sentence, at))
    {
        return Some("counterfactual-modal");
    }
    // "Entrust should have been aware of the incident": foresight, as "should have known".
    if matches!(adjective, "aware" | "conscious" | "cognizant") && matches!(modal, "should" | "ought") {
        return Some("hindsight-should-have-known");
    }
    // "would have been trivial", "should have been a simple change"
    let article_then_ease = matches!(adjective, "a" | "an") && is_ease_adjective(sentence.word(main + 1));
    // "it would have been trivial to add a timeout"; not "it would have been easy to move on".
    let to = if article_then_ease { main + 3 } else { main + 1 };
    let aimed = !sentence.is(to, "to") || is_remedy_verb(sentence.word(to + 1));
    if (is_ease_adjective(adjective) || article_then_ease) && aimed {
        return Some("counterfactual-modal");
    }
    // "It would have been possible to catch it in staging", "it'd have been possible to make our
    // tests detect the regression": a remedy that was within reach.
    let remedy = |at: usize| is_remedy_verb(sentence.word(at));
    let within_reach = matches!(adjective, "possible" | "feasible")
        && matches!(modal, "would" | "could")
        && sentence.is(main + 1, "to")
        && (remedy(main + 2)
            || (sentence.is_any(main + 2, &["make", "get", "have"])
                && (main + 3..(main + 7).min(sentence.len())).take_while(|&at| !sentence.is_punct(at)).any(remedy)));
    if within_reach {
        return Some("counterfactual-modal");
    }
    // "This should have been a breaking change", "it should have been a major release": how a
    // change was shipped, judged against how it was not.
    let release_kind = matches!(adjective, "a" | "an")
        && (main + 1..(main + 4).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .any(|at| sentence.is_any(at, &["release", "version", "change", "pr", "commit", "branch"]));
    let shipped_thing = subject
        .head
        .is_some_and(|head| sentence.is_any(head, &["this", "it", "that"]) || names_a_change(sentence, head));
    if release_kind && shipped_thing && matches!(modal, "should" | "ought") {
        return Some("counterfactual-modal");
    }
    if matches!(adjective, "obvious" | "clear" | "evident") && modal == "should" {
        return Some("hindsight-obvious");
    }
    if is_visibility_adjective(adjective) {
        return Some("counterfactual-visible");
    }
    if subject.agent == Agent::Generic {
        return None;
    }
    // "The timeout ought to have been longer", "the alert threshold should have been lower": a
    // setting people chose, graded against the one not chosen. ("The latency should have been
    // lower after the fix" expects a system's behaviour and passes.)
    let setting = subject.head.is_some_and(|head| {
        sentence.is_any(
            head,
            &[
                "timeout",
                "timeouts",
                "limit",
                "limits",
                "threshold",
                "thresholds",
                "ttl",
                "quota",
                "retention",
                "interval",
                "overcommit",
                "concurrency",
            ],
        )
    });
    // "our overcommit should've been just 2x", "the TTL should have been 60 seconds": the value
    // not chosen, stated.
    let value = if matches!(adjective, "just" | "only" | "about" | "around") { main + 1 } else { main };
    // ("The interval should have been 5 minutes, but the job ran hourly" expects a value that was
    // set and not honoured.)
    let stated_value = sentence.word(value).starts_with(|first: char| first.is_ascii_digit())
        && !(value..sentence.len())
            .any(|at| sentence.is_any(at, &["but", "yet", "instead", "than", "according", "per"]));
    let graded_setting = stated_value
        || matches!(
            adjective,
            "longer"
                | "shorter"
                | "higher"
                | "lower"
                | "larger"
                | "bigger"
                | "smaller"
                | "tighter"
                | "looser"
                | "stricter"
        );
    // ("The timeout should have been longer than the backoff", "... according to the RFC" state
    // a rule, not a choice.)
    let ruled = sentence.is_any(main + 1, &["than", "according", "per"]);
    if setting && graded_setting && matches!(modal, "should" | "ought") && !ruled {
        return Some("counterfactual-modal");
    }
    if is_response_comparative(adjective) {
        let graded = adjective != "more"
            || sentence.is_any(
                main + 1,
                &[
                    "careful",
                    "cautious",
                    "thorough",
                    "proactive",
                    "attentive",
                    "vigilant",
                    "diligent",
                    "prepared",
                    "responsive",
                ],
            );
        return graded.then_some("counterfactual-modal");
    }
    let person = subject.agent == Agent::Person && !subject.name;
    let judged = matches!(modal, "should" | "could") || sentence.is(main, "able");
    (person && judged && !adjective.is_empty()).then_some("counterfactual-modal")
}

/// Whether the sentence sets a deadline ("by Monday", "by next week"), which makes
/// "should have" a plan.
fn has_deadline(sentence: &Sentence) -> bool {
    (0..sentence.len()).any(|index| {
        sentence.is(index, "by") && {
            let next = if sentence.is_any(index + 1, &["the", "end", "of"]) { index + 2 } else { index + 1 };
            is_deadline_word(sentence.word(next)) || sentence.is_any(next, &["end", "close"])
        }
    })
}

/// A rewording built from the sentence's own words.
fn suggestion(sentence: &Sentence, group: &PerfectModal) -> Option<String> {
    if group.form != Form::Active || is_prevention_verb(group.verb) {
        return None;
    }
    let who = match group.subject.head {
        Some(head) if group.subject.agent == Agent::Person => noun_phrase(sentence, group.subject, head),
        _ if group.subject.agent == Agent::Missing => "we".to_string(),
        _ => return None,
    };
    let end = (group.main + 1..sentence.len())
        .find(|&index| {
            sentence.is_punct(index) || sentence.is_any(index, &["but", "because", "if", "so", "and", "which"])
        })
        .unwrap_or(sentence.len());
    let rest = if end > group.main + 1 && end - group.main <= 7 {
        format!(" {}", sentence.written(group.main + 1, end - 1))
    } else {
        String::new()
    };
    let not = if group.negated { "" } else { " not" };
    Some(format!(
        "Say what happened and why it made sense then, e.g. \"{who} did{not} {}{rest}, because …\".",
        base_of(group.verb)
    ))
}

/// The subject as written, with its determiner: "the team", "Bob", "we".
fn noun_phrase(sentence: &Sentence, subject: Subject, head: usize) -> String {
    let determiner = (head.saturating_sub(3)..head)
        .rev()
        .take_while(|&index| !sentence.word(index).is_empty())
        .find(|&index| matches!(sentence.word(index), "the" | "our" | "their" | "that" | "this"));
    let written = sentence.written(determiner.unwrap_or(head), head);
    let first = sentence.tokens[determiner.unwrap_or(head)];
    if subject.name || first.all_caps || written == "I" {
        written.to_string()
    } else {
        let mut chars = written.chars();
        chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// "if we had tested it", "if the change had been reviewed", "if only".
fn if_clause(sentence: &Sentence, if_index: usize) -> Option<Hit> {
    // "two tokens, as if you had written `_ x`", "as if the surrogates had been replaced": a
    // comparison, not another past.
    if if_index > 0 && sentence.is(if_index - 1, "as") {
        return None;
    }
    if sentence.is(if_index + 1, "only") {
        // "if only to compare logs", "if only two people were interested": purpose and quantity.
        let next = sentence.word(if_index + 2);
        let purpose = sentence.is_any(
            if_index + 2,
            &[
                "to",
                "for",
                "because",
                "a",
                "an",
                "as",
                "in",
                "slightly",
                "briefly",
                "some",
                "few",
                "one",
                "two",
                "three",
                "four",
                "five",
                "half",
                "partially",
                "partly",
                "temporarily",
            ],
        ) || next.starts_with(|c: char| c.is_ascii_digit());
        // ("If only the main type is specified, ..." restricts a condition in the present.)
        // ("even if only incrementally" concedes.)
        let present = (if_index + 2..(if_index + 8).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .any(|at| sentence.is_any(at, &["is", "are", "does", "do", "needs", "need", "has"]))
            || (if_index > 0 && sentence.is(if_index - 1, "even"));
        return (!purpose && !present).then(|| Hit::new("counterfactual-conditional", if_index, if_index + 1));
    }
    // "if the update would have been done one node at a time": a perfect modal in the
    // condition, a common way of writing the past conditional.
    let modal = (if_index + 2..(if_index + 7).min(sentence.len())).take_while(|&index| !sentence.is_punct(index)).find(
        |&index| sentence.is_any(index, &["would", "should"]) && sentence.is(skip_adverbs(sentence, index + 1), "have"),
    );
    // ("If the incident should not have triggered a response, tune the alert": a judgement
    // to make now, not another past.)
    let judged_now =
        modal.is_some_and(|modal| sentence.is(modal, "should") && sentence.is_any(modal + 1, &["not", "never"]));
    if let Some(modal) = modal.filter(|_| !judged_now) {
        let participle = skip_adverbs(sentence, skip_adverbs(sentence, modal + 1) + 1);
        let participle = if sentence.is(participle, "been") { participle + 1 } else { participle };
        if is_past_participle(sentence.word(participle)) {
            return Some(Hit::new("counterfactual-conditional", if_index, participle));
        }
    }
    let had = (if_index + 2..(if_index + 7).min(sentence.len()))
        .take_while(|&index| !sentence.is_punct(index))
        .find(|&index| sentence.is_any(index, &["had", "'d"]))?;
    let mut head = had - 1;
    while head > if_index + 1 && is_verb_group_adverb(sentence.word(head)) {
        head -= 1;
    }
    let subject = classify_subject(sentence, head);
    let last = conditional_verb(sentence, had, subject)?;
    (!harm_spared(sentence, had, last)).then(|| Hit::new("counterfactual-conditional", if_index, last))
}

/// "Had we not drained the node, the pods would have been evicted", "if we had not caught it,
/// the data would have been lost": a step that was taken, imagined away to tell the harm it
/// spared. That is impact, not another past wished for ("if we had not rushed the deploy, the
/// outage would not have happened" wishes one).
fn harm_spared(sentence: &Sentence, had: usize, last: usize) -> bool {
    let condition_negated = (had + 1..last).any(|at| sentence.is_any(at, &["not", "never"]));
    condition_negated
        && (last + 1..sentence.len()).any(|modal| {
            if !sentence.is_any(modal, &["would", "could", "might"]) {
                return false;
            }
            let have = skip_adverbs(sentence, modal + 1);
            let mut verb = skip_adverbs(sentence, have + 1);
            if sentence.is(verb, "been") {
                verb = skip_adverbs(sentence, verb + 1);
            }
            // ("..., nothing would have been lost" is the better past.)
            let negated = (modal + 1..verb).any(|at| sentence.is_any(at, &["not", "never"]))
                || sentence.is_any(modal.saturating_sub(1), &["nothing", "none", "nobody", "no-one"]);
            let harm = is_breaking_verb(sentence.word(verb))
                || sentence.is_any(
                    verb,
                    &["lost", "deleted", "destroyed", "wiped", "exposed", "leaked", "affected", "impacted", "worse"],
                );
            sentence.is(have, "have") && !negated && harm
        })
}

/// "I wish we had answered these questions", "I wished we'd structured the work":
/// a regret about what people did, told as the past that did not happen.
fn wish_had(sentence: &Sentence, wish: usize) -> Option<Hit> {
    let start = if sentence.is(wish + 1, "that") { wish + 2 } else { wish + 1 };
    let had = (start + 1..(start + 5).min(sentence.len()))
        .take_while(|&index| !sentence.is_punct(index))
        .find(|&index| sentence.is_any(index, &["had", "'d"]))?;
    let mut head = had - 1;
    while head > start && is_verb_group_adverb(sentence.word(head)) {
        head -= 1;
    }
    let subject = classify_subject(sentence, head);
    let last = conditional_verb(sentence, had, subject)?;
    Some(Hit::new("counterfactual-conditional", wish, last))
}

/// After the subject of a conditional (or its "had"): the last word of a
/// counterfactual verb group about people ("had tested", "had been reviewed"), or `None`.
fn conditional_verb(sentence: &Sentence, before_verb: usize, subject: Subject) -> Option<usize> {
    let verb_index = skip_adverbs(sentence, before_verb + 1);
    let verb = sentence.word(verb_index);
    if verb == "been" {
        let participle = skip_adverbs(sentence, verb_index + 1);
        return is_human_action_participle(sentence.word(participle)).then_some(participle);
    }
    if !is_past_participle(verb) || sentence.is(verb_index + 1, "to") && verb == "had" {
        return None;
    }
    let person = match subject.agent {
        Agent::Person => !(subject.name && is_machine_verb(verb)),
        Agent::Generic => subject
            .head
            .is_some_and(|head| matches!(sentence.word(head), "someone" | "anyone" | "somebody" | "anybody")),
        Agent::Thing | Agent::Missing => false,
    };
    person.then_some(verb_index)
}

/// "Had we known", ", had the team rolled back", "had backups been verified":
/// the inverted past conditional.
fn inverted_conditional(sentence: &Sentence, had: usize) -> Option<Hit> {
    if had == 0 && sentence.is_question() {
        return None;
    }
    let next = sentence.word(had + 1);
    // "Had it not been for the typo, the deploy would have gone fine": the one thing wished away.
    if next == "it" && sentence.is(had + 2, "not") && sentence.is(had + 3, "been") && sentence.is(had + 4, "for") {
        return follows_clause(sentence, had).then(|| Hit::new("counterfactual-conditional", had, had + 4));
    }
    // "Had there been a playbook", ", had there not been the issues": circumstances wished otherwise.
    if next == "there" && follows_clause(sentence, had) {
        let been = skip_adverbs(sentence, had + 2);
        return sentence.is(been, "been").then(|| Hit::new("counterfactual-conditional", had, been));
    }
    // "had X been" is always an inversion; "X had been" is the plain past perfect.
    let been = (had + 1..(had + 5).min(sentence.len()))
        .take_while(|&index| !sentence.word(index).is_empty() && !sentence.is_any(index, &["not", "never"]))
        .find(|&index| sentence.is(index, "been"))
        // "had just been deployed" is the past perfect with an adverb, not an inversion.
        .filter(|&been| (had + 1..been).any(|index| !is_verb_group_adverb(sentence.word(index))));
    let head = if is_subject_pronoun(next) || matches!(next, "someone" | "anyone" | "somebody" | "anybody") {
        had + 1
    } else if let Some(been) = been {
        been - 1
    } else if follows_clause(sentence, had) {
        let determiner = matches!(
            next,
            "the"
                | "a"
                | "an"
                | "our"
                | "their"
                | "this"
                | "that"
                | "these"
                | "those"
                | "its"
                | "his"
                | "her"
                | "my"
                | "your"
        );
        let name = sentence.tokens.get(had + 1).is_some_and(|token| token.capitalized) && !is_function_word(next);
        if determiner {
            // The noun phrase ends before the first participle or "not".
            let end = (had + 2..(had + 6).min(sentence.len()))
                .find(|&index| is_past_participle(sentence.word(index)) || sentence.is_any(index, &["not", "never"]))?;
            end.checked_sub(1).filter(|&head| head > had + 1)?
        } else if name {
            had + 1
        } else {
            return None;
        }
    } else {
        return None;
    };
    let subject = classify_subject(sentence, head);
    // "Had they have a quick rollback in place, the failure would have been smaller": "have"
    // typed for "had", as "could of" for "could have", with the other past after it.
    let typed_have = sentence.is(head + 1, "have")
        && subject.agent == Agent::Person
        && (head + 2..sentence.len().saturating_sub(1))
            .any(|at| sentence.is_any(at, &["would", "could", "might"]) && sentence.is(at + 1, "have"));
    if typed_have {
        return Some(Hit::new("counterfactual-conditional", had, head + 1));
    }
    let last = conditional_verb(sentence, head, subject)?;
    (!harm_spared(sentence, had, last)).then(|| Hit::new("counterfactual-conditional", had, last))
}

/// "Were the backups tested regularly, the restore would have worked": a condition told
/// by inversion, with the other past in the clause after the comma. "Were the backups
/// tested?" asks. The condition may be a state as well as a deed: "Were the limits in place,
/// the queue would not have grown", "Were there a canary, ...".
fn were_it_done(sentence: &Sentence) -> Option<Hit> {
    const STATES: &[&str] = &["place", "date", "available", "present", "ready", "active", "running", "working"];
    // "Were it not for the backups, we would have lost everything."
    if sentence.is(1, "it") && sentence.is(2, "not") && sentence.is(3, "for") {
        return Some(Hit::new("counterfactual-conditional", 0, 3));
    }
    let there = sentence.is(1, "there");
    if !there
        && !sentence
            .is_any(1, &["the", "a", "an", "our", "their", "this", "that", "these", "those", "its", "we", "they"])
    {
        return None;
    }
    let participle = if there {
        // "Were there a canary stage,": the condition is the whole phrase.
        (3..9.min(sentence.len())).find(|&at| sentence.is_punct(at))? - 1
    } else {
        (2..7.min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .find(|&at| is_past_participle(sentence.word(at)) || sentence.is_any(at, STATES))?
    };
    let comma = (participle + 1..(participle + 4).min(sentence.len())).find(|&at| sentence.is_punct(at))?;
    let other_past = (comma + 1..sentence.len())
        .any(|at| is_perfect_modal(sentence.word(at)) && sentence.is(skip_adverbs(sentence, at + 1), "have"));
    (other_past && !sentence.is_question()).then(|| Hit::new("counterfactual-conditional", 0, participle))
}

/// Whether the word before `index` ends a clause or a verb phrase, so that a
/// following "had" can open an inverted conditional rather than continue a subject.
fn follows_clause(sentence: &Sentence, index: usize) -> bool {
    let Some(before) = index.checked_sub(1) else { return true };
    if sentence.is_punct(before) {
        return true;
    }
    let word = sentence.word(before);
    (is_past_participle(word) || is_verb_group_adverb(word) || matches!(word, "and" | "but" | "or"))
        && !is_generic_person(word)
}

#[cfg(test)]
mod tests {

    #[test]
    fn had_the_alert_fired_earlier_the_team_could_have_failed_over() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Had the alert fired earlier, the team could have failed over in minutes.", "could have failed"),
                ("We could have failed over sooner.", "could have failed"),
            ],
        );
        assert_passes("counterfactual", &["We could have failed the audit.", "The team could have failed."]);
    }

    #[test]
    fn there_is_no_reason_this_should_have_made_it_to_production() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("There is no reason this should have made it to production.", "should have made"),
                ("There's no way this should have shipped.", "should have shipped"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "There was no way we could have known about the bug.",
                "We had no reason to think the job would have failed.",
            ],
        );
    }

    #[test]
    fn would_it_have_killed_them_to_test_it() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Would it have killed them to test it?", "Would it have killed"),
                ("It would have cost them nothing to stage the rollout.", "would have cost"),
            ],
        );
        assert_passes("counterfactual", &["The fire would have killed the servers in the rack."]);
    }

    #[test]
    fn a_junior_engineer_shouldnt_have_had_prod_access() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A junior engineer shouldn't have had prod access in the first place.", "shouldn't have had"),
                ("Nobody should have been able to delete prod.", "should have been able"),
                ("No one should have had write access to production.", "should have had"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["Users should not have had issues during the window.", "Nobody should have to wake up for this."],
        );
    }

    #[test]
    fn better_alerting_would_have_made_a_difference() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Better alerting would have made a difference.", "would have made"),
                ("A canary would have made all the difference.", "would have made"),
                ("More tests would have made a big difference.", "would have made"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Nothing would have made a difference.",
                "It would have made no difference.",
                "It would have made little difference.",
                "Would a canary have made a difference?",
            ],
        );
    }

    #[test]
    fn this_should_never_have_made_it_to_production() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("This should never have made it to production.", "should never have made"),
                ("This never should have passed review.", "should have passed"),
                ("That should never have shipped.", "should never have shipped"),
                ("This never should have happened.", "should have happened"),
                ("It should never have reached production.", "should never have reached"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "It should have passed the health check.",
                "It should not have returned an error.",
                "The request should not have reached the backend.",
                "The packet should have reached the server by now.",
                "It should never have reached the backend.",
            ],
        );
    }

    #[test]
    fn as_he_should_have_in_the_first_place() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Let him make a PR, as he should have in the first place.", "should have"),
                ("We didn't test it as thoroughly as we should have.", "should have"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The outage was shorter than it could have been.",
                "Should we have?",
                "The job would have, had the disk been larger.",
                "We did everything we could have.",
                "Include what, in hindsight, you wish you would have.",
            ],
        );
    }

    #[test]
    fn being_woken_at_four_couldnt_have_helped_and_i_would_have_done_more_damage() {
        assert_passes(
            "counterfactual",
            &[
                "Being woken up by my phone at 4:10 AM couldn't have helped much either.",
                "I am new to the system and would have done more damage than good had I been able to log in.",
            ],
        );
        assert_flags(
            "counterfactual-modal",
            &[
                ("A second reviewer could have helped us catch it.", "could have helped"),
                ("We could have done more to warn users.", "could have done"),
            ],
        );
    }

    #[test]
    fn we_could_have_and_should_have_rolled_back() {
        assert_flags(
            "counterfactual-modal",
            &[("We could have, and should have, rolled back.", "could have, and should have, rolled")],
        );
        assert_passes("counterfactual", &["We could have, in theory, but the flag was gone."]);
    }

    #[test]
    fn the_timeout_ought_to_have_been_longer_and_other_endpoints_could_have_been_used_instead() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The timeout ought to have been longer.", "ought to have been longer"),
                ("Users use just under 1G, so our overcommit should've been just 2x.", "should've been just 2x"),
                ("The TTL should have been 60 seconds.", "should have been 60"),
                ("The alert threshold should have been lower.", "should have been lower"),
                ("There were other endpoints that could have been used instead.", "could have been used"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The latency should have been lower after the fix, but it was not.",
                "Users could have been affected by the larger limit.",
                "The limit would have been higher under the old plan.",
                "The timeout should have been longer than the backoff, per the design doc.",
                "The timeout should have been longer according to the RFC.",
                "We could have kept the old workflow by sharing the secrets, but then we're back to square one.",
                "The interval should have been 5 minutes, but the job ran every hour.",
                "The retention should have been 30 days according to the policy.",
                "The job should have been finished by 09:00.",
            ],
        );
    }

    #[test]
    fn scans_that_should_have_identified_the_systems_ran() {
        assert_passes(
            "counterfactual",
            &[
                "The security department also ran scans that should have identified any vulnerable systems.",
                "An internal auditing tool should have stopped the misconfiguration, but a software bug caused the \
                 control to fail.",
                "The linter should have flagged it, but it was disabled.",
                "The country is set to ZA when it should have been set to BW.",
            ],
        );
        assert_flags(
            "counterfactual-modal",
            &[
                ("The flag should have been set before the deploy.", "should have been set"),
                ("We should have identified the vulnerable systems.", "should have identified"),
                ("Is there a test that should have detected this?", "should have detected"),
                ("A canary should have caught this, but we didn't have one.", "should have caught"),
            ],
        );
    }

    #[test]
    fn i_should_have_thought_of_that_is_hindsight() {
        assert_flags(
            "hindsight-should-have-known",
            &[("I really should've thought of that before I approved the PR.", "should've thought")],
        );
        assert_passes("hindsight", &["We thought of that before we approved the PR."]);
    }

    #[test]
    fn were_the_backups_tested_the_restore_would_have_worked() {
        assert_flags(
            "counterfactual-conditional",
            &[("Were the backups tested regularly, the restore would have worked.", "Were the backups tested")],
        );
        assert_passes(
            "counterfactual",
            &[
                "Were the backups tested?",
                "Were the backups tested, and did the restore work? Both, as the logs show.",
                "We were tested on the restore, and it worked.",
            ],
        );
    }

    #[test]
    fn it_should_not_have_been_possible_states_what_the_system_was_meant_to_forbid() {
        // The dev set leaves this unflagged: what a system was meant to forbid, not a person's
        // other past (tried in the nineteenth stop and withdrawn).
        assert_passes(
            "counterfactual",
            &[
                "It should not have been possible for a single user to upload that many packages.",
                "This should not have been possible.",
            ],
        );
    }

    #[test]
    fn a_bit_more_care_would_have_gone_a_long_way() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A bit more care would have gone a long way.", "would have gone"),
                ("The change should never have been pushed on a Friday.", "should never have been pushed"),
                ("It should have been shipped behind a flag.", "should have been shipped"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The road would have gone a long way round.",
                "The fix would have been pushed automatically by the updater.",
                "The release would have shipped on Tuesday anyway.",
            ],
        );
    }

    #[test]
    fn all_it_would_have_taken_was_one_canary() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("All it would have taken was one canary.", "would have taken"),
                ("One test. That's all it would have taken.", "would have taken"),
            ],
        );
        assert_passes("counterfactual", &["The restore would have taken all night, so we failed over instead."]);
    }

    #[test]
    fn more_testing_would_not_have_hurt() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("More testing would not have hurt.", "would not have hurt"),
                ("A canary couldn't have hurt either.", "couldn't have hurt"),
                ("It wouldn't have hurt anyone to check the replica.", "wouldn't have hurt"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The outage would not have hurt customers in other regions.",
                "Losing one replica would not have hurt us.",
            ],
        );
    }

    #[test]
    fn had_it_not_been_for_the_typo() {
        assert_flags(
            "counterfactual-conditional",
            &[
                ("Had it not been for the typo, the deploy would have gone fine.", "Had it not been for"),
                ("The deploy would have gone fine, had it not been for the typo.", "had it not been for"),
                ("Were it not for the backups, we would have lost everything.", "Were it not for"),
            ],
        );
        assert_passes("counterfactual", &["Had it not been for the typo?"]);
    }

    #[test]
    fn rolling_back_should_have_been_our_first_move() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Checking the logs should have been the first thing we did.", "should have been the"),
                ("Rolling back should have been our first move.", "should have been our"),
                ("Failing over should have been the top priority.", "should have been the"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Nothing should have been the first thing to break.",
                "The warning should have been the first line of the log.",
                "Rolling back should not have been the first move, and it was not.",
            ],
        );
    }

    #[test]
    fn the_bug_would_have_shown_up_in_staging() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The bug would have shown up in staging.", "would have shown"),
                ("This would have shown up within minutes on a canary.", "would have shown"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["The error would have shown up in the logs anyway.", "The error would have surfaced in the logs anyway."],
        );
    }

    #[test]
    fn having_an_incident_commander_might_have_helped() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Having an incident commander might have helped.", "might have helped"),
                ("Paging the vendor earlier may have helped.", "may have helped"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["It might have helped that the cache was warm.", "The retries may have helped the queue drain."],
        );
    }

    #[test]
    fn trusting_the_header_from_our_own_load_balancer_would_have_been_safe() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Waiting a day would have been fine.", "would have been fine"),
                (
                    "We terminate TLS at the load balancer, so trusting X-Forwarded-For from it would have been safe.",
                    "would have been safe",
                ),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Running it again would have been expensive.",
                "Restarting the pod would not have been safe.",
                "The cluster would have been fine.",
                "Nothing would have been fine.",
            ],
        );
    }

    #[test]
    fn had_the_quota_been_higher_the_pods_would_have_been_scheduled() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Had the quota been higher, the pods would have been scheduled.", "would have been scheduled"),
                ("If the timeout had been longer, the build would have passed.", "would have passed"),
                (
                    "If the node had had more memory, the pod would not have been evicted.",
                    "would not have been evicted",
                ),
            ],
        );
        assert_flags(
            "counterfactual-conditional",
            &[
                ("Had we not skipped the canary, we would have caught it.", "Had we not skipped"),
                ("If we had not skipped the review, nothing would have been lost.", "If we had not skipped"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                // A worse past imagined, or no other past at all.
                "Had we not drained the node, the pods would have been evicted.",
                "If we had not caught it, the data would have been lost.",
                "The pods would have been scheduled on the new pool under the old design.",
                "Jobs that would have been processed overnight were queued until the morning.",
                "Would the build have passed?",
            ],
        );
    }

    #[test]
    fn were_the_limits_in_place_the_queue_would_not_have_grown() {
        assert_flags(
            "counterfactual-conditional",
            &[
                ("Were the limits in place, the queue would not have grown.", "Were the limits in place"),
                ("Were the runbook up to date, recovery would have taken minutes.", "Were the runbook up to date"),
                ("Were there a canary stage, the bad build would have stopped at 1%.", "Were there a canary stage"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Were the limits in place?",
                "Were there any errors in the logs?",
                "Were the limits in place, and did they hold? Both, as the graphs show.",
            ],
        );
    }

    #[test]
    fn this_should_never_have_happened_and_a_canary_would_have_told_us() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("This should never have happened.", "should never have happened"),
                ("A canary would have told us.", "would have told"),
                ("A disk alert would have warned the on-call an hour before.", "would have warned"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "This should have contained the fallout.",
                "The alert would have told us nothing new.",
                "The dashboard would not have shown us the spike.",
            ],
        );
    }

    #[test]
    fn with_a_canary_this_would_never_have_reached_production() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("With a canary, this would never have reached production.", "would never have reached"),
                ("With a canary, the bad build would not have reached production.", "would not have reached"),
                ("A canary would never have let this reach production.", "would never have let"),
                ("If the check had run, the change would never have merged.", "would never have merged"),
                ("In an ideal world, this would never have reached production.", "would never have reached"),
                ("Earlier detection would have meant less data loss.", "would have meant"),
                ("Paging the database team first would have led to a shorter outage.", "would have led"),
            ],
        );
        assert_passes(
            "counterfactual-modal",
            &[
                "This would never have reached production: the pipeline blocks unsigned builds.",
                "The old config would never have let anyone in without a token.",
                "The cheaper plan would have meant less headroom, so we kept the larger one.",
                "The alert would not have let us sleep through it anyway.",
            ],
        );
    }

    use crate::lint::rules::testing::{assert_flags, assert_passes, hits};

    #[test]
    fn there_should_have_been_an_alert() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("There should have been an alert on the queue depth.", "should have been an"),
                ("It would have made sense to roll back first.", "would have made"),
                ("The right move would have been to roll back.", "would have been to"),
                ("The right thing to do would have been to page the DBA.", "would have been to"),
                ("A better approach would have been a staged rollout.", "would have been a"),
                ("The obvious fix would have been to add a timeout.", "would have been to"),
                ("What we should have done is roll back immediately.", "should have done"),
                ("Ideally the alert would have fired within a minute.", "would have fired"),
                ("In an ideal world, the deploy would have been staged.", "would have been staged"),
                ("A second reviewer might have spotted the typo.", "might have spotted"),
                ("We might have noticed it sooner with better dashboards.", "might have noticed"),
                ("A canary might have told us.", "might have told"),
                ("An alert on disk usage might have given us a day's warning.", "might have given"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "There would have been an outage either way.",
                "There should not have been any traffic on that port.",
                "There could have been more data loss.",
                "The plan would have been to migrate in March.",
                "The approach would have been a staged rollout.",
                "Avoid judging what should have been done.",
                "We talked about what we could have done.",
                "A user might have noticed the typo.",
                "The alert may have fired twice.",
                "The alert may have given us the wrong idea.",
                "An engineer may have told the customer.",
                "There should have been no impact on customers because the feature was dark.",
                "There should have been three replicas, but only two were running.",
                "The Go upgrade ideally should not have caused the issue.",
            ],
        );
    }

    #[test]
    fn a_safeguard_imagined_earlier_or_under_another_condition() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The alert would have fired sooner.", "would have fired sooner"),
                ("A lower threshold would have paged us an hour earlier.", "would have paged"),
                ("The alert would have fired if the threshold had been lower.", "would have fired"),
                ("If the threshold had been lower, the monitor would have alerted the on-call.", "would have alerted"),
                ("If the disk had been larger, the job wouldn't have failed.", "wouldn't have failed"),
                ("Had the timeout been longer, the requests would not have timed out.", "would not have timed"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The alert would have fired anyway.",
                "The alert would have fired at 14:02, but the pager was muted.",
                "If the cache had been cold, requests would have taken ten seconds.",
                "The job would have failed if the disk had been full.",
                "Without the retry, the job would have failed.",
            ],
        );
    }

    #[test]
    fn if_the_runbook_had_been_up_to_date_recovery_would_have_taken_minutes() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("If the runbook had been up to date, recovery would have taken minutes.", "would have taken"),
                ("Had the runbook been up to date, recovery would have taken minutes.", "would have taken"),
                ("Were it not for the stale cache, the failover would have worked.", "would have worked"),
                ("Without the stale cache, the failover would have worked.", "would have worked"),
                ("If it wasn't for the stale cache, the failover would have worked.", "would have worked"),
                (
                    "Had it not been for the retry storm, the database would have recovered on its own.",
                    "would have recovered",
                ),
                ("If there had been an alert on disk usage, someone would have noticed.", "would have noticed"),
                ("If the disk had been larger, the job would have been fine.", "would have been fine"),
                ("If the cache had been warm, the failover would have succeeded.", "would have succeeded"),
                ("Were it not for the typo, nothing would have broken.", "would have broken"),
                ("If the cache had been warm, nothing would have failed.", "would have failed"),
                ("If not for the missing index, the query would have been fast.", "would have been fast"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                // A worse past imagined, or seen by those it harmed.
                "If the bug had shipped, customers would have noticed immediately.",
                "Without the fix, nobody would have noticed.",
                "But for the quick rollback, the outage would have lasted hours.",
                "If it wasn't for the on-call engineer, the outage would have lasted hours.",
                // No other past: what a system does.
                "The failover would have worked.",
                "Would the failover have worked if the cache had been warm?",
            ],
        );
    }

    #[test]
    fn the_error_could_have_been_rectified_if_the_contractor_announced_it() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The error could have been rectified if the contractor announced it.", "could have been rectified"),
                ("The data would have been recovered if the backups were tested.", "would have been recovered"),
                ("The bug would have been fixed if we knew about it.", "would have been fixed"),
                ("The outage could have been resolved if everyone was in one channel.", "could have been resolved"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                // No other past: how a system behaves, or a harm imagined.
                "If the disk fills, the data would have been recovered from the replica.",
                "The data would have been lost if the backups were corrupt.",
            ],
        );
    }

    #[test]
    fn we_discussed_what_we_could_have_done_to_prevent_the_outage() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("We discussed what we could have done to prevent the outage.", "could have done"),
                (
                    "I invited Isaac to a call to discuss what each of us could have done to improve the outcome.",
                    "could have done",
                ),
                ("We discussed what we could have done differently.", "could have done differently"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Saying what people failed to do, or implying what they could or should have done to prevent the \
                 mishap, has no role in understanding human error.",
                "Avoid asking what could have been done differently.",
                "The review looks at what could have been done better.",
                "We don't know what we could have done differently.",
            ],
        );
    }

    #[test]
    fn perfect_modals_about_people() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("We could have rolled back sooner.", "could have rolled"),
                ("The on-call engineer should never have deployed on a Friday.", "should never have deployed"),
                ("We would’ve restored service in minutes.", "would’ve restored"),
                ("we'd have restored service in minutes", "'d have restored"),
                ("What action could the vendor have taken?", "could the vendor have taken"),
                ("Could have only revoked the session, not the token.", "Could have only revoked"),
                ("The rollout shouldn't have been rushed to production.", "shouldn't have been rushed"),
                ("The developer who wrote the migration should have tested it first.", "should have tested"),
                ("The change could have be done by the teams themselves.", "could have be done"),
                ("Alice should of checked the flag.", "should of checked"),
                // A verb with a prefix is the verb: "double-checked", "re-tested".
                ("Someone should've double-checked the target cluster.", "should've double-checked"),
                ("Someone should have re-tested the restore.", "should have re-tested"),
            ],
        );
    }

    #[test]
    fn prevention_and_ease_whatever_the_subject() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A canary stage would have caught the bad config.", "would have caught"),
                ("There are no tests that could have prevented this.", "could have prevented"),
                ("The outage could have easily been avoided.", "could have easily been avoided"),
                ("We might have avoided the data loss.", "might have avoided"),
                ("It would have been trivial to add a timeout.", "would have been trivial"),
                ("It should have been a simple config change.", "should have been a"),
                ("The outage would not have happened with the flag off.", "would not have happened"),
                ("Detection could have been much faster.", "could have been much faster"),
                ("Paging the database team could have helped.", "could have helped"),
                ("Appointing an incident manager could have helped.", "could have helped"),
                ("The investigation could have gone faster with better logging.", "could have gone faster"),
                ("A longer retention period would have let us see the first failure.", "would have let"),
                ("Better dashboards would have allowed the on-call to spot the trend.", "would have allowed"),
                ("The deploy could have been paused as soon as errors appeared.", "could have been paused"),
            ],
        );
    }

    #[test]
    fn legitimate_modals_pass() {
        assert_passes(
            "counterfactual",
            &[
                "The attacker must have been inside the network for days.",
                "We should have a runbook for certificate rotation.",
                "We could have a follow-up meeting on Thursday.",
                "By Monday we should have replaced all the expired certificates.",
                "We should add alerting on queue depth.",
                "The system should have rejected the configuration but created an empty one.",
                "The block could have held many smaller transactions.",
                "Users would have experienced errors for ten minutes.",
                "This could have been a lot worse.",
                "I would have loved to see more detail on detection.",
                "The notice was later than we would have liked.",
                "A longer stall could have potentially caused a larger adjustment.",
                "Malicious third parties could have done the same.",
                "The alarms should have been triggered but were misconfigured.",
                "Avoid evaluating what should or should not have been done.",
                "It was unclear how a party might have been able to use this factor.",
                "If it had, it would have rendered the crates unbuildable.",
                "We could not have known the disk was failing.",
                "Anyone could have made the same mistake.",
                "Downstream actions should have been automatically corrected by the backfill.",
                "The flag would have little impact.",
                "The sites would have been accessible without the health check.",
                "Without paging we could have noticed it way later than we did.",
                "The revert is as easy as the upgrade, so users should not have had lingering issues.",
                "This may have identified Redis as a boot dependency.",
                "Attackers could have found the key in the logs.",
                "Customers could have seen stale data for up to five minutes.",
                "Ask what the responder knew at the time, not what they should have known.",
                "What could have gone better?",
                "The bug would have allowed an attacker to read other users' data.",
            ],
        );
    }

    #[test]
    fn it_would_have_been_fine_with_a_canary() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("It would've been fine with a canary.", "would've been fine"),
                ("With a canary, it would have been fine.", "would have been fine"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "It would have been fine.",
                "The deploy would have been fine on a weekday.",
                "With a canary, the rollout takes an hour.",
            ],
        );
    }

    #[test]
    fn woulda_coulda_shoulda() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Woulda, coulda, shoulda.", "Woulda, coulda, shoulda"),
                ("Should've, would've, could've.", "Should've, would've, could've"),
                ("Coulda, woulda, shoulda, but we didn't.", "Coulda, woulda, shoulda"),
            ],
        );
        assert_passes("counterfactual", &["Would have, if asked.", "I would have."]);
    }

    #[test]
    fn it_would_nt_have_happened_with_a_canary() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("It would'nt have happened with a canary.", "would'nt have happened"),
                ("We should'nt have deployed.", "should'nt have deployed"),
            ],
        );
        assert_passes("counterfactual", &["We could'nt have known."]);
    }

    #[test]
    fn one_test_on_one_machine_would_have_shown_the_crash() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("One test on one machine would have shown the crash.", "would have shown"),
                ("A quick look at the dashboard would have shown the problem.", "would have shown"),
            ],
        );
        assert_passes("counterfactual", &["The graph would have shown a spike.", "Users would have seen errors."]);
    }

    #[test]
    fn a_second_reviewer_would_have_spotted_the_typo() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A second reviewer probably would have spotted the typo.", "would have spotted"),
                ("A reviewer would have noticed it.", "would have noticed"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["An attacker would have found the key easily.", "A user would have noticed the banner."],
        );
    }

    #[test]
    fn conditionals_about_people() {
        assert_flags(
            "counterfactual-conditional",
            &[
                ("If Sam had run the dry-run first, nothing would have broken.", "If Sam had run"),
                ("If the on-call had escalated sooner, we would be fine.", "If the on-call had escalated"),
                ("Had we known about the limit, we would have waited.", "Had we known"),
                ("The data would be intact had backups been verified.", "had backups been verified"),
                ("If only we had waited.", "If only"),
                ("If we’d tested it in staging.", "If we’d tested"),
                (
                    "The halt could be avoided if the update would have been done one node at a time.",
                    "if the update would have been done",
                ),
            ],
        );
        assert_passes(
            "counterfactual-conditional",
            &[
                "If it had failed, the deploy would stop.",
                "We had tested it in staging.",
                "The hotfix had not been applied to the cluster.",
                "A PR which had not been identified by the team was queued.",
                "If the error rate exceeds 2%, the deploy halts.",
                "If the incident should not have triggered a response, tune the alert.",
                "We kept the old node, if only to compare logs.",
                "Had the team been told about this before?",
                "The fix had just been deployed when the second alert fired.",
            ],
        );
    }

    #[test]
    fn ought_not_to_have_merged_both_changes_together() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("We ought not to have merged both changes together.", "ought not to have merged"),
                ("We ought to have merged them one at a time.", "ought to have merged"),
            ],
        );
    }

    #[test]
    fn a_simple_restart_would_have_sufficed() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A simple restart would have sufficed.", "would have sufficed"),
                ("A restart would have been enough.", "would have been enough"),
                ("A canary would have been sufficient.", "would have been sufficient"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "That would have been enough to crash it.",
                "Nothing would have sufficed.",
                "It would have been enough.",
                "Would a restart have been enough?",
            ],
        );
    }

    #[test]
    fn it_would_have_been_wiser_to_page_the_database_team_first() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("It would have been wiser to page the database team first.", "would have been wiser"),
                ("It might have been better to roll back first.", "might have been better"),
                ("It would have been a good idea to drain the node.", "would have been a"),
                ("An individual freelancer would have been a better fit for us.", "would have been a better"),
                ("The correct procedure should have been to merge into a branch.", "should have been to"),
            ],
        );
    }

    #[test]
    fn we_couldnt_have_done_it_without_you_is_thanks() {
        assert_passes(
            "counterfactual",
            &[
                "We couldn't have done it without you.",
                "We could not have recovered without the help of the AWS team.",
                "This release wouldn't have been possible without our contributors.",
            ],
        );
        assert_flags(
            "counterfactual-modal",
            &[("We could have recovered without the help of the AWS team.", "could have recovered")],
        );
    }

    #[test]
    fn you_should_have_already_been_given_access_in_a_guide() {
        assert_passes(
            "counterfactual",
            &[
                "You should have already been given access to the project as part of onboarding.",
                "By now you should have already been added to the on-call rota.",
            ],
        );
        assert_flags(
            "counterfactual-modal",
            &[
                ("You should have been told about the outage sooner.", "should have been told"),
                ("The database team should have already been paged at 14:05.", "should have already been paged"),
            ],
        );
    }

    #[test]
    fn had_they_have_a_rollback_in_place() {
        assert_flags(
            "counterfactual-conditional",
            &[(
                "Yes, but had they have a quick and safe rollback in place, the failure would have been a lot smaller.",
                "had they have",
            )],
        );
        assert_passes(
            "counterfactual",
            &["Had they have a rollback in place?", "I asked whether they had a rollback."],
        );
    }

    #[test]
    fn the_credentials_should_never_have_been_in_the_document() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The production credentials should never have been in the document.", "should never have been in"),
                ("That bucket should not have been public.", "should not have been public"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["There should not have been any traffic on that port.", "The key would not have been in the log."],
        );
    }

    #[test]
    fn with_proper_testing_this_bug_would_never_have_shipped() {
        assert_flags(
            "counterfactual-modal",
            &[("With proper testing, this bug would never have shipped.", "would never have shipped")],
        );
        assert_passes("counterfactual", &["With testing done, the build would have shipped on Friday anyway."]);
    }

    #[test]
    fn the_rollback_should_have_happened_immediately() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The rollback should have happened immediately.", "should have happened"),
                ("Escalation should have occurred much earlier.", "should have occurred"),
                ("The fix could have shipped a day earlier.", "could have shipped"),
                ("It would have been nice to have a staging cluster.", "would have been nice"),
                ("It would have been helpful to involve legal at that stage.", "would have been helpful"),
            ],
        );
        assert_flags(
            "counterfactual-conditional",
            &[("If the chart had been pinned, the deploy would have been safe.", "If the chart had been pinned")],
        );
        assert_passes(
            "counterfactual",
            &[
                "The rollback should have happened automatically, and it did.",
                "It would have been nice, but the budget was spent.",
                "Latency could have been increased by the retry storm.",
            ],
        );
    }

    #[test]
    fn a_staged_rollout_would_have_been_more_prudent() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A staged rollout would have been more prudent.", "would have been more prudent"),
                ("Waiting a day would have been wiser.", "would have been wiser"),
                ("The rollout would have been safer behind a flag.", "would have been safer"),
                ("We would have been better off rolling back.", "would have been better"),
                ("More logging would have been helpful.", "would have been helpful"),
                ("A runbook would have been nice.", "would have been nice"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "This would have been difficult to diagnose.",
                "The token would have been useful to an attacker.",
                "The keys would have been valuable to attackers.",
                "It would have been safer.",
                "A canary would not have been safer here.",
                "Would a canary have been safer?",
                "The impact would have been larger without the cache.",
            ],
        );
    }

    #[test]
    fn typos_and_informal_forms_count() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A staging run could of caught it.", "could of caught"),
                ("We coulda rolled back in minutes.", "coulda rolled"),
                ("We shoulda paged the database team.", "shoulda paged"),
                ("Asking users sooner could've lead to a quicker recovery.", "could've lead"),
                ("We shouldve rolled back.", "shouldve rolled"),
                ("It couldve been caught in staging.", "couldve been caught"),
            ],
        );
    }

    #[test]
    fn what_we_were_supposed_to_do_was_create_a_release_branch() {
        assert_flags(
            "counterfactual-modal",
            &[("What we were supposed to do was create a `release-0.6.1` branch.", "What we were supposed to do was")],
        );
        assert_passes(
            "counterfactual",
            &["We were supposed to deploy on Tuesday.", "What we were supposed to do next was unclear to the team."],
        );
        assert_flags(
            "counterfactual-modal",
            &[
                ("Shouldn't this have been a breaking change?", "Shouldn't this have been a"),
                ("This should have been a major version release.", "should have been a"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "The upgrade should have been a no-op.",
                "Shouldn't we have seen an alert by now?",
                "This would have been a breaking change.",
            ],
        );
    }

    #[test]
    fn a_change_that_should_not_have_shipped() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The deploy shouldn't have gone out without a second approval.", "shouldn't have gone"),
                ("The PR should never have landed on a Friday.", "should never have landed"),
                ("This bug probably shouldn't have made it to a stable release.", "shouldn't have made"),
                (
                    "We should have first communicated to everyone about the maintenance.",
                    "should have first communicated",
                ),
            ],
        );
        // A defect that should have got through is not said; what was expected to ship is.
        assert_passes(
            "counterfactual",
            &["The fix should have reached production by Monday.", "The bug should have reproduced on staging too."],
        );
    }

    #[test]
    fn a_missing_safeguard_imagined() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Feature flags would have enabled a rapid rollback.", "would have enabled"),
                ("An interface test would have been able to catch the missing button.", "would have been able"),
                (
                    "Rebooting the servers would have refreshed their drives and fixed the problem.",
                    "would have refreshed",
                ),
                (
                    "The outage would not have been possible if the flag had defaulted to off.",
                    "would not have been possible",
                ),
                (
                    "The fix might also have been identified by putting more thought into the spec.",
                    "might also have been identified",
                ),
                ("This is what could have prevented the outage.", "could have prevented"),
                ("I certainly could have set a later start date.", "could have set"),
            ],
        );
    }

    #[test]
    fn impact_options_and_system_behaviour_pass() {
        assert_passes(
            "counterfactual",
            &[
                "The change could have affected every tenant, but only one was exposed.",
                "If the primary had failed over, the replica would have taken writes.",
                "All release processes would have been halted.",
                "Had the buyer refused, it would have been easy to move on.",
                "We still would have had to migrate the content.",
                "This should have contained any fallout from the incident.",
                "Colin could have easily done the same thing.",
                "If only two people were interested, something was wrong.",
                "Without the retry, the client would have failed the request.",
                "The cluster would have stopped running tasks until someone intervened.",
                "We would not have automatically detected this bug if it had been exploited.",
                "Both the response and this analysis simply wouldn't have been possible without his tools.",
                "The certificate should have been renewed automatically by cert-manager.",
                "A broken build could have blocked every team, so we paused merges.",
            ],
        );
    }

    #[test]
    fn wishes_and_circumstances_about_the_past() {
        assert_flags(
            "counterfactual-conditional",
            &[
                ("I wish we had answered these questions in the contract.", "wish we had answered"),
                ("I wished we'd structured the work differently.", "wished we'd structured"),
                ("Had there been a playbook, the on-call would have failed over at once.", "Had there been"),
            ],
        );
        assert_passes(
            "counterfactual-conditional",
            &["I wish the tooling had more options.", "Had there been any doubt?"],
        );
    }

    #[test]
    fn suggestions_reuse_the_sentence() {
        let sentence = crate::lint::text::Sentence::new("The team could have waited for the group.");
        let mut found = Vec::new();
        super::check(&sentence, &mut found);
        let suggestion = found[0].suggestion.as_deref().unwrap_or("");
        assert!(suggestion.contains("\"the team did not wait for the group, because …\""), "{suggestion}");
        assert_eq!(hits("We should have known.")[0].0, "hindsight-should-have-known");
    }

    #[test]
    fn a_replacement_is_offered_only_where_it_reads_as_the_sentence() {
        let replaced = |text: &str| {
            let linter = crate::lint::Linter::default();
            linter.check(text).into_iter().find_map(|finding| finding.replacement.map(|words| (finding.phrase, words)))
        };
        assert_eq!(
            replaced("We should have caught this before the deploy."),
            Some(("should have caught".into(), "did not catch".into()))
        );
        assert_eq!(
            replaced("The on-call engineer could have restarted the pool."),
            Some(("could have restarted".into(), "did not restart".into()))
        );
        assert_eq!(
            replaced("We shouldn't have restarted the pool."),
            Some(("shouldn't have restarted".into(), "restarted".into()))
        );
        // The past of "gone" is not its participle; adverbs and comparatives change the sense.
        assert_eq!(replaced("We shouldn't have gone ahead."), None);
        assert_eq!(replaced("We should really have caught this."), None);
        assert_eq!(replaced("The rollout could have gone better."), None);
        assert_eq!(replaced("The alert should have been sent."), None);
        assert_eq!(replaced("We coulda rolled back."), Some(("coulda rolled".into(), "did not roll".into())));
        // Only "have" and "not" may stand between the modal and the verb.
        assert_eq!(replaced("We ought not to have merged both changes."), None);
        assert_eq!(replaced("A staging run could of caught it."), None);
        // "lead" written for "led": the one-click wording reads as the sentence meant.
        assert_eq!(
            replaced("Asking users could've lead to a quicker recovery."),
            Some(("could've lead".into(), "did not lead".into()))
        );
    }

    #[test]
    fn the_way_to_have_prevented_it() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("The only way to have avoided this was a canary.", "way to have avoided"),
                ("15.51 JG way to have avoided this would be:", "way to have avoided"),
                ("We had a chance to have caught it in staging.", "chance to have caught"),
            ],
        );
        assert_passes(
            "counterfactual",
            &["It seems to have stopped the leak.", "It was impossible to have caught this in review."],
        );
    }

    #[test]
    fn a_better_past_provided_or_benefited() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A team response would've provided more support.", "would've provided"),
                ("Shipping it in increments would have benefited everyone.", "would have benefited"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Nobody would have benefited from a second page.",
                "It must have provided more headroom than we thought.",
            ],
        );
    }

    #[test]
    fn vulnerabilities_could_have_been_remedied_before_the_attack() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("A number of vulnerabilities could have been remedied before the attack.", "could have been remedied"),
                (
                    "The pace of the investigation could have been improved with better resources.",
                    "could have been improved",
                ),
                ("This was a security gap that should and could have been plugged.", "could have been plugged"),
                ("The issue could have been resolved faster with a runbook.", "could have been resolved faster"),
                ("A review may have helped prevent the incidents.", "may have helped"),
                ("All of this could have waited for another couple of hours.", "could have waited"),
                ("this could of waited 24 hours", "could of waited"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Customer data could have been exposed.",
                "The typo would have been corrected by the next release anyway.",
                "The connection pool could have waited forever.",
                "The request could have waited in the queue for minutes, which is what we saw.",
                "The build may have helped us find the bug.",
            ],
        );
    }

    #[test]
    fn maybe_pr_91_should_have_waited_for_more_reviews() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("Maybe #91 should have waited for more reviews.", "should have waited"),
                ("#1234 should have been a major release.", "should have been a"),
            ],
        );
        assert_passes("counterfactual", &["Ticket 91 should have waited in the queue, which it did."]);
    }

    #[test]
    fn entrust_should_have_been_aware_of_the_incident() {
        assert_flags(
            "hindsight-should-have-known",
            &[
                ("Entrust should have been aware of the incident.", "should have been aware"),
                ("We should have been aware of the risk.", "should have been aware"),
            ],
        );
        assert_passes("hindsight", &["We could not have been aware of the risk.", "Nobody was aware of the risk."]);
    }

    #[test]
    fn as_anyone_could_have_predicted() {
        assert_flags(
            "hindsight-obvious",
            &[("As anyone could have predicted, the queue filled up.", "could have predicted")],
        );
        assert_passes(
            "hindsight",
            &[
                "Nobody could have predicted this.",
                "Anyone could have made this mistake.",
                "Anyone could not have known.",
            ],
        );
    }

    #[test]
    fn with_proper_rate_limiting_the_retry_storm_would_not_have_taken_down_the_cluster() {
        assert_flags(
            "counterfactual-modal",
            &[
                (
                    "With proper rate limiting, the retry storm would not have taken down the cluster.",
                    "would not have taken",
                ),
                ("With better input validation, the parser would not have crashed.", "would not have crashed"),
                ("If the disk had been larger, the service would not have gone down.", "would not have gone"),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "Without the circuit breaker, the failure would have spread to every region.",
                "With more traffic, the cluster would have gone down.",
                "The cluster would not have gone down on its own.",
            ],
        );
    }

    #[test]
    fn it_would_have_been_possible_to_catch_it_in_staging() {
        assert_flags(
            "counterfactual-modal",
            &[
                ("It would have been possible to catch it in staging.", "would have been possible"),
                (
                    "Maybe it'd have been possible to make our test suite detect the regression?",
                    "'d have been possible",
                ),
            ],
        );
        assert_passes(
            "counterfactual",
            &[
                "It would not have been possible without the tools he built.",
                "It would have been possible to lose data if the second node had gone too.",
                "Would it have been possible to restore from the snapshot? We checked: no.",
            ],
        );
    }
}
