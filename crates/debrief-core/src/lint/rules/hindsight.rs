//! Hindsight: judging with the outcome known. "In hindsight", "why didn't they
//! test that?", "the dashboard clearly showed the problem", "it was obvious".
//! ("Should have known" is read with the other perfect modals.)
//!
//! Left alone: "hindsight bias" as a topic, "why the job didn't start" (a
//! question about a machine), "it was not obvious" (which argues for the people
//! involved) and "looking back at the logs" (literally looking).

use super::Hit;
use crate::lint::forms::is_past_participle;
use crate::lint::grammar::{classify_subject, clause_end, is_nobody, skip_adverbs, subject_before};
use crate::lint::text::Sentence;
use crate::lint::words::{
    Agent, HASTY_STEPS, SAFEGUARDS, WHY_AUXILIARIES, is_attention_verb, is_function_word, is_human_action_participle,
    is_response_noun, is_role_noun,
};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    for index in 0..sentence.len() {
        let hit = match sentence.word(index) {
            // ("in hindsight bias" names the bias.)
            // ("It's easy to criticise in hindsight" warns against the bias, as "hindsight bias".)
            "in" | "with"
                if sentence.is_any(index + 1, &["hindsight", "retrospect", "retrospection"])
                    && !sentence.is(index + 2, "bias")
                    && !judging_afterwards_warned(sentence, index)
                    && !writing_prompt(sentence) =>
            {
                Some(Hit::new("hindsight-phrase", index, index + 1))
            }
            "benefit" if sentence.is(index + 1, "of") && sentence.is(index + 2, "hindsight") => {
                Some(Hit::new("hindsight-phrase", index, index + 2))
            }
            "hindsight" if sentence.is(index + 1, "is") => Some(Hit::new("hindsight-phrase", index, index + 1)),
            // "With 20/20 hindsight, ...", "in perfect hindsight".
            "hindsight" if graded_hindsight(sentence, index).is_some() => graded_hindsight(sentence, index),
            // "Nobody connected the dots", "we didn't connect the dots until the next morning": the
            // pieces called plain to put together, once the outcome is known.
            "dots"
                if index >= 2
                    && sentence.is(index - 1, "the")
                    && sentence.word(index - 2).starts_with("connect")
                    && (index.saturating_sub(6)..index - 2).any(|at| {
                        is_nobody(sentence, at) || sentence.is_any(at, &["not", "never", "failed", "none"])
                    }) =>
            {
                Some(Hit::new("hindsight-obvious", index - 2, index))
            }
            // "This should have been a red flag", "alarm bells should have rung", "that should have
            // tipped us off", "the error rate should have raised eyebrows".
            "flag" | "flags" | "sign" | "signs" | "call" | "bells" | "off" | "eyebrows"
                if warning_read_too_late(sentence, index).is_some() =>
            {
                warning_read_too_late(sentence, index)
            }
            "looking" if sentence.is(index + 1, "back") => looking_back(sentence, index),
            // "Looking at it now, ...": the present view of a past decision.
            "looking"
                if sentence.is(index + 1, "at")
                    && sentence.is_any(index + 2, &["it", "this", "that"])
                    && sentence.is_any(index + 3, &["now", "today", "afterwards"]) =>
            {
                Some(Hit::new("hindsight-phrase", index, index + 3))
            }
            "knowing"
                if sentence.is(index + 1, "what") && (index + 2..sentence.len()).any(|at| sentence.is(at, "now")) =>
            {
                Some(Hit::new("hindsight-phrase", index, index + 1))
            }
            // "With what we know now, the plan was too aggressive": the present view of a past decision.
            "know"
                if index >= 2
                    && sentence.is(index - 2, "what")
                    && sentence.is_any(index - 1, &["we", "i"])
                    && sentence.is_any(index + 1, &["now", "today"])
                    && !(index >= 3 && sentence.is(index - 3, "knowing"))
                    // A verdict on the past follows ("the plan was too aggressive"), not a plan.
                    && (index + 2..sentence.len())
                        .any(|at| sentence.is_any(at, &["was", "were", "had", "would", "should", "could"])) =>
            {
                Some(Hit::new("hindsight-phrase", index - 2, index + 1))
            }
            "retrospectively" if index == 0 || sentence.is_punct(index - 1) => {
                Some(Hit::new("hindsight-phrase", index, index))
            }
            // "the answer was staring us in the face"
            "staring"
                if sentence.is_any(index + 1, &["us", "me", "them", "him", "her"])
                    && sentence.is(index + 2, "in")
                    && sentence.is(index + 4, "face") =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 4))
            }
            // "There were plenty of red flags": warnings counted once the outcome is known.
            "flags"
                if index > 0
                    && sentence.is(index - 1, "red")
                    && (0..index).any(|at| sentence.is(at, "there") && sentence.is_any(at + 1, &["were", "was"])) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index))
            }
            // "You would think a company this big would test its updates", "one would expect
            // better from a vendor this size": what others should have known, said with irony.
            "think" | "expect" if index >= 2 && would_think(sentence, index) => {
                Some(Hit::new("hindsight-should-have-known", index - 2, index))
            }
            // "They should know better", "a company like that ought to know better": what others
            // should have known, said of them now. ("You should know better than to ..." advises.)
            "know"
                if sentence.is(index + 1, "better")
                    && index >= 1
                    && (sentence.is(index - 1, "should")
                        || index >= 2 && sentence.is(index - 1, "to") && sentence.is(index - 2, "ought")) =>
            {
                let modal = if sentence.is(index - 1, "should") { index - 1 } else { index - 2 };
                let subject = subject_before(sentence, modal);
                let others = subject.agent == Agent::Person
                    && subject.head.is_some_and(|head| !sentence.is_any(head, &["you", "i", "we"]));
                // "A company this big should know better", "an organisation of their size ought to":
                // an organisation judged by its size.
                let sized = (modal.saturating_sub(5)..modal).find(|&at| {
                    sentence.is_any(at, &["company", "organisation", "organization", "vendor", "firm", "business"])
                        && sentence.is_any(at + 1, &["this", "that", "of", "like", "with", "so"])
                });
                let first = if others { subject.head } else { sized };
                first.map(|first| Hit::new("hindsight-should-have-known", first, index + 1))
            }
            // "I'd expect better from Microsoft", "we expected more from a company this size": others
            // judged against what they should have known to do.
            "expect" | "expected"
                if sentence.is_any(index + 1, &["better", "more"])
                    && sentence.is_any(index + 2, &["from", "of"])
                    && index >= 1
                    && (sentence.is_any(index - 1, &["i", "we"])
                        || index >= 2
                            && sentence.is_any(index - 1, &["would", "'d"])
                            && sentence.is_any(index - 2, &["i", "we"])) =>
            {
                let first = if sentence.is_any(index - 1, &["i", "we"]) { index - 1 } else { index - 2 };
                let whom = index + 3 + usize::from(sentence.is_any(index + 3, &["a", "an", "the"]));
                names_others(sentence, whom).then(|| Hit::new("hindsight-should-have-known", first, index + 1))
            }
            // "I told you so", "told ya so": the outcome claimed as foretold.
            "told"
                if sentence.is_any(index + 1, &["you", "ya", "y'all"])
                    && sentence.is(index + 2, "so")
                    && (index + 3 >= sentence.len() || sentence.is_punct(index + 3)) =>
            {
                let first = if index > 0 && sentence.is(index - 1, "i") { index - 1 } else { index };
                Some(Hit::new("hindsight-obvious", first, index + 2))
            }
            // "Unsurprisingly, the disk filled up again", "needless to say, the backup was never tested".
            "unsurprisingly" if index == 0 || sentence.is_punct(index - 1) => {
                Some(Hit::new("hindsight-obvious", index, index))
            }
            // "Not surprisingly, the migration failed": as "unsurprisingly".
            "surprisingly"
                if index > 0 && sentence.is(index - 1, "not") && (index == 1 || sentence.is_punct(index - 2)) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index))
            }
            // "In my infinite wisdom, I decided to skip the tests", "why, in all my wisdom, did I":
            // a past decision mocked by its own author.
            "wisdom"
                if index >= 2
                    && ((sentence.is(index - 1, "infinite") && sentence.is_any(index - 2, OWNERS))
                        || (sentence.is(index - 2, "all") && sentence.is_any(index - 1, OWNERS))) =>
            {
                Some(Hit::new("hindsight-verdict", index - 2, index))
            }
            "needless" if sentence.is(index + 1, "to") && sentence.is(index + 2, "say") => {
                Some(Hit::new("hindsight-obvious", index, index + 2))
            }
            "why" => why_didnt(sentence, index),
            // "What kind of company doesn't have backups?", "what kind of team would ship this on a
            // Friday?": disbelief at others, asked of the kind of people they must be. ("What kind of
            // test would catch this?" asks about a safeguard.)
            "kind"
                if index > 0
                    && sentence.is(index - 1, "what")
                    && sentence.is(index + 1, "of")
                    && is_role_noun(sentence.word(index + 2))
                    && sentence.is_question() =>
            {
                let after = index + 3..(index + 7).min(sentence.len());
                let doubted = sentence.is(index + 3, "would")
                    || after
                        .clone()
                        .any(|at| sentence.is(at, "not") && sentence.is_any(at - 1, &["do", "does", "did"]));
                doubted.then(|| Hit::new("hindsight-why-didnt", index - 1, index + 2))
            }
            // "I can't believe they pushed this to every machine at once", "can't believe nobody
            // caught this": disbelief at what others did or left undone.
            // And "it's insane that they pushed to all customers at once", "hard to believe that
            // nobody tested it".
            "believe"
                if index > 0
                    && (sentence.is(index - 1, "cannot")
                        || (index > 1
                            && (sentence.is(index - 1, "not") && sentence.is_any(index - 2, &["can", "could"])
                                || sentence.is(index - 1, "to") && sentence.is(index - 2, "hard")))) =>
            {
                cannot_believe_they(sentence, index)
            }
            "insane" | "baffling" | "unbelievable" | "absurd" | "ridiculous" | "astonishing" | "shocking" | "crazy"
            | "wild"
                if sentence.is(index + 1, "that") =>
            {
                cannot_believe_they(sentence, index)
            }
            // "Skipping the canary was crazy", "shipping kernel drivers without a staged rollout
            // is insane": a step people took, called madness.
            "insane" | "crazy" | "absurd" | "ridiculous" | "nuts" | "bonkers" | "madness" | "insanity" => {
                step_called_madness(sentence, index)
            }
            // "Imagine not having backups", "imagine not testing your restore": sarcasm at a
            // safeguard others went without. ("Imagine not having to wake up at 3 AM" wishes.)
            "imagine" if (index == 0 || sentence.is_punct(index - 1)) && sentence.is(index + 1, "not") => {
                let gerund = index + 2;
                let checked = sentence.is_any(
                    gerund,
                    &["testing", "checking", "reviewing", "verifying", "validating", "monitoring", "staging"],
                );
                let without = sentence.is(gerund, "having")
                    && !sentence.is(gerund + 1, "to")
                    && (gerund + 1..(gerund + 5).min(sentence.len()))
                        .take_while(|&at| !sentence.is_punct(at))
                        .any(|at| sentence.is_any(at, SAFEGUARDS));
                (checked || without).then(|| Hit::new("hindsight-why-didnt", index, gerund))
            }
            "how" => how_did_nobody(sentence, index),
            "did" if index == 0 && sentence.is_question() => did_nobody(sentence).or_else(|| didnt_they_have(sentence)),
            // "This release broke everything, did anyone even run the tests?": the same doubt
            // after a comma.
            "did" if index > 0 && sentence.is_punct(index - 1) && sentence.is_question() => {
                even_checked(sentence, index)
            }
            "do" | "does" if index == 0 && sentence.is_question() => {
                didnt_they_have(sentence).or_else(|| does_nobody(sentence))
            }
            // "What were they thinking?", "what was he thinking pushing this on a Friday?": a
            // decision mocked. ("What were they thinking at the time?" asks, as a review should.)
            "thinking"
                if index >= 3
                    && sentence.is(index - 3, "what")
                    && sentence.is_any(index - 2, &["were", "was"])
                    && sentence.is_any(index - 1, &["they", "he", "she", "you", "people", "we", "i"])
                    && (index + 1 >= sentence.len()
                        || sentence.is_punct(index + 1)
                        || sentence.word(index + 1).ends_with("ing")) =>
            {
                Some(Hit::new("hindsight-verdict", index - 3, index))
            }
            // "Who deploys on a Friday?", "who pushes to prod without testing?", "who tests in
            // production?": a choice mocked as one nobody sensible makes. ("Who deploys the billing
            // service?" and "who tests the billing service?" ask for an owner.)
            "who"
                if index == 0
                    && sentence.is_any(1, &["deploys", "pushes", "ships", "merges", "releases", "tests"])
                    && sentence.is_question()
                    && (2..sentence.len()).any(|at| {
                        sentence.is_any(at, &["friday", "fridays", "without"])
                            || (sentence.is(1, "tests")
                                && sentence.is(at, "in")
                                && sentence.is_any(at + 1, &["production", "prod"]))
                    }) =>
            {
                Some(Hit::new("hindsight-verdict", 0, 1))
            }
            // "Who doesn't test their backups?", "who doesn't have working backups in 2017?": a
            // rhetorical question, the step or the safeguard called obvious.
            "who"
                if index == 0
                    && sentence.is_any(1, &["does", "do"])
                    && sentence.is(2, "not")
                    && (sentence.is_any(
                        3,
                        &[
                            "test", "check", "review", "verify", "validate", "monitor", "read", "patch", "renew",
                            "rotate", "backup",
                        ],
                    ) || sentence.is(3, "have")
                        && (4..7.min(sentence.len())).any(|at| sentence.is_any(at, SAFEGUARDS)))
                    && sentence.is_question() =>
            {
                Some(Hit::new("hindsight-why-didnt", 0, 3.min(sentence.len() - 1)))
            }
            // "This is what happens when you fire your QA team": the outcome told as foretold.
            "happens"
                if index >= 1
                    && sentence.is(index - 1, "what")
                    && sentence.is(index + 1, "when")
                    && (index >= 3
                        && sentence.is_any(index - 2, &["is", "'s"])
                        && sentence.is_any(index - 3, &["this", "that"])) =>
            {
                Some(Hit::new("hindsight-obvious", index - 3, index + 1))
            }
            // "Who thought it was a good idea to deploy on a Friday?", "whose bright idea was it?"
            "idea" => whose_idea(sentence, index),
            // "Testing in production, what could possibly go wrong?": a choice mocked afterwards.
            "possibly"
                if index >= 2
                    && sentence.is(index - 1, "could")
                    && sentence.is(index - 2, "what")
                    && sentence.is(index + 1, "go")
                    && sentence.is(index + 2, "wrong") =>
            {
                Some(Hit::new("hindsight-verdict", index - 2, index + 2))
            }
            // "It was clear from the start that this would fail": the outcome called plain from the
            // outset. ("It was clear from the logs" tells what the evidence showed.)
            "clear" | "obvious"
                if index > 0
                    && sentence.is_any(index - 1, &["was", "were"])
                    && sentence.is(index + 1, "from")
                    && sentence.is_any(index + 2, &["the", "day"])
                    && sentence.is_any(index + 3, &["start", "beginning", "outset", "one", "get-go"]) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index + 3))
            }
            "obvious" | "avoidable" | "preventable" | "foreseeable" | "predictable" => obvious(sentence, index),
            // "The warning signs were plain to see", "it was clear to see that the disk would fill":
            // what was missed, called plain afterwards. ("The results are plain to see in the graph"
            // shows evidence, in the present.)
            "plain" | "clear" if sentence.is(index + 1, "to") && sentence.is(index + 2, "see") => {
                plain_to_see(sentence, index)
            }
            "clear" | "evident" | "apparent" => clear_now(sentence, index),
            // "The warning was there for anyone to see": what was missed, said to be plain to all.
            "anyone" | "everyone"
                if index > 0
                    && sentence.is(index - 1, "for")
                    && sentence.is(index + 1, "to")
                    && sentence.is(index + 2, "see")
                    && (index.saturating_sub(5)..index).any(|at| sentence.is_any(at, &["was", "were"]))
                    // What was missed: "the warning", "the signs". ("The dashboard was there for
                    // anyone to see" tells where it was.)
                    && (0..index).any(|at| {
                        sentence.is_any(at, &["warning", "warnings", "sign", "signs", "signal", "signals", "evidence", "clues"])
                    }) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index + 2))
            }
            "clearly" | "plainly" | "obviously" if is_evidence_verb(sentence.word(index + 1)) => {
                Some(Hit::new("hindsight-obvious", index, index + 1))
            }
            "obviously" | "clearly" | "naturally"
                if index == 0 && sentence.kind(1) == Some(crate::lint::text::Kind::Punct(',')) =>
            {
                judged_as_obvious(sentence, index).or_else(|| verdict(sentence, index))
            }
            // "Of course, the backup had never been tested."
            "course"
                if index == 1
                    && sentence.is(0, "of")
                    && sentence.kind(2) == Some(crate::lint::text::Kind::Punct(',')) =>
            {
                judged_as_obvious(sentence, index)
            }
            "clearly" | "plainly" | "obviously" | "evidently" => verdict(sentence, index),
            "slow" | "slower" | "late" if sentence.is(index + 1, "to") => slow_to_notice(sentence, index),
            // "Anyone could see this was going to fail", "everyone could tell it would break": the
            // outcome called plain to all. ("Anyone could see the dashboard" is about access.)
            "anyone" | "anybody" | "everyone" | "everybody"
                if sentence.is(index + 1, "could")
                    && sentence.is_any(index + 2, &["see", "tell"])
                    && sentence.is_any(index + 3, &["that", "this", "it"])
                    && !sentence.is_question() =>
            {
                (index + 4..(index + 8).min(sentence.len()))
                    .take_while(|&at| !sentence.is_punct(at))
                    .any(|at| sentence.is_any(at, &["was", "were", "would", "going", "coming", "wasn't"]))
                    .then(|| Hit::new("hindsight-obvious", index, index + 2))
            }
            "everyone" | "everybody" if sentence.is(index + 1, "knew") && !sentence.is_question() => {
                everyone_knew(sentence, index)
            }
            // "Everybody knows you don't deploy on a Friday", "everyone knows that you test your
            // backups": a practice called common knowledge, so that not following it cannot be
            // understood. ("Everyone knows you can page the secondary" tells what is possible.)
            "everyone" | "everybody" if sentence.is(index + 1, "knows") && !sentence.is_question() => {
                let you = if sentence.is(index + 2, "that") { index + 3 } else { index + 2 };
                let negated = sentence.is(you + 1, "do") && sentence.is(you + 2, "not");
                let practice = sentence.is(you, "you")
                    && (negated || sentence.is_any(you + 1, &["never", "always", "should", "must", "test", "check"]));
                practice.then(|| Hit::new("hindsight-obvious", index, if negated { you + 2 } else { you + 1 }))
            }
            // "The failure was inevitable", "it was always going to fail": the outcome told as
            // certain once it is known. ("A restart is inevitable after an upgrade" is a fact of
            // the system.)
            "inevitable"
                if index >= 2
                    && sentence.is_any(index - 1, &["was", "were"])
                    && sentence
                        .is_any(index - 2, &["it", "this", "that", "failure", "outage", "incident", "crash"]) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index))
            }
            // "It was always going to fail."
            "always"
                if index > 0
                    && sentence.is_any(index - 1, &["was", "were"])
                    && sentence.is(index + 1, "going")
                    && sentence.is(index + 2, "to")
                    && sentence.is_any(index + 3, &["fail", "happen", "break", "crash", "go"]) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index + 3))
            }
            // "We realized too late that the backups were empty", "I found out too late": people's
            // noticing measured against a timeline known only afterwards; otherwise "too late" is a
            // response's pace, as "too slow".
            "late" if index >= 2 && sentence.is(index - 1, "too") => {
                noticed_too_late(sentence, index - 2).or_else(|| response_too_slow(sentence, index))
            }
            // "The response was too slow", "our rollback was far too slow": the response measured
            // against a timeline known afterwards. ("The disk was too slow" is about a machine.)
            "slow" if index >= 2 && sentence.is(index - 1, "too") => response_too_slow(sentence, index),
            "long" if index > 0 && sentence.is(index - 1, "too") && sentence.is(index + 1, "to") => {
                slow_to_notice(sentence, index)
            }
            // "It took the team forever to notice."
            "forever" if sentence.is(index + 1, "to") => slow_to_notice(sentence, index),
            // "It took over three hours to even notice": "even" measures people against the outcome.
            "even" if index > 0 && sentence.is(index - 1, "to") && is_noticing(sentence.word(index + 1)) => {
                (index.saturating_sub(12)..index)
                    .rev()
                    .take_while(|&at| !sentence.is_punct(at))
                    .find(|&at| sentence.is_any(at, &["took", "take", "takes", "taking"]))
                    .map(|took| Hit::new("hindsight-slow", took, index + 1))
            }
            "missed" | "ignored" | "overlooked" | "dismissed" => signs_missed(sentence, index),
            // "It's no surprise that the launch didn't go well", "this shouldn't come as a surprise
            // to anyone": the outcome told as foreseeable. ("It's no surprise that traffic peaks
            // on Mondays" tells a habit; "I wouldn't be surprised if it goes down again" a guess.)
            "surprise" => no_surprise(sentence, index),
            // "Nobody should be surprised by this", "no one should be surprised".
            "surprised"
                if index >= 3
                    && sentence.is(index - 1, "be")
                    && sentence.is(index - 2, "should")
                    && (sentence.is_any(index - 3, &["nobody", "no-one"])
                        || (index >= 4 && sentence.is(index - 3, "one") && sentence.is(index - 4, "no")))
                    // ("Nobody should be surprised if the job takes an hour" sets expectations.)
                    && !sentence.is_any(index + 1, &["if", "when", "to"]) =>
            {
                let first = if sentence.is(index - 3, "one") { index - 4 } else { index - 3 };
                Some(Hit::new("hindsight-obvious", first, index))
            }
            // "It's amazing that nobody caught this", "I'm surprised no one tested the restore": surprise
            // at a check left undone. (Surprise is as often delight, "amazed that they restored it in
            // ten minutes", so only what nobody did, or someone did not do, counts.)
            "amazing" | "amazed" | "surprising" | "surprised" | "astounding" | "astounded" | "shocked" | "baffled"
            | "mind-boggling" => surprised_nobody_checked(sentence, index),
            // "Boy, was I wrong.", "was I ever wrong": the writer's own past judgement, reversed.
            "wrong"
                if index >= 2
                    && sentence.is_any(index - 1, &["i", "we"])
                    && sentence.is_any(index - 2, &["was", "were"])
                    && (index == 2 || sentence.is_any(0, &["boy", "man", "oh", "wow", "and", "but"]))
                    && !sentence.is_question() =>
            {
                Some(Hit::new("hindsight-verdict", index - 2, index))
            }
            "wrong"
                if index >= 3
                    && sentence.is(index - 1, "ever")
                    && sentence.is_any(index - 2, &["i", "we"])
                    && sentence.is_any(index - 3, &["was", "were"])
                    && !sentence.is_question() =>
            {
                Some(Hit::new("hindsight-verdict", index - 3, index))
            }
            "wrong" | "mistake" | "bad" | "poor" | "worst" | "terrible" | "awful" | "faulty" | "incorrect" => {
                called_a_mistake(sentence, index)
                    .or_else(|| turned_out_wrong(sentence, index))
                    .or_else(|| assumption_was_wrong(sentence, index))
            }
            // "That was a very clear miss": a verdict on what was not done.
            "miss"
                if index >= 2
                    && sentence.is_any(index - 1, &["clear", "big", "significant", "major", "huge", "obvious"])
                    && (index.saturating_sub(5)..index).any(|at| sentence.is_any(at, &["was", "is", "'s"])) =>
            {
                Some(Hit::new("hindsight-verdict", index - 1, index))
            }
            // "Communication was a miss", "this was clearly a miss". ("The lookup was a miss" is a
            // cache's.)
            "miss" if index >= 2 && sentence.is(index - 1, "a") => {
                let mut copula = index - 2;
                if copula > 0 && sentence.is_any(copula, &["clearly", "definitely", "certainly", "really"]) {
                    copula -= 1;
                }
                let cache = (0..sentence.len())
                    .any(|at| sentence.is_any(at, &["cache", "cached", "caches", "hit", "hits", "lookup", "lookups"]));
                (sentence.is_any(copula, &["was", "is"]) && !cache && !sentence.is_question())
                    .then(|| Hit::new("hindsight-verdict", copula, index))
            }
            "regret" | "regrets" | "regretted" => regret(sentence, index),
            // "In my haste to fix the first issue I introduced a second one": haste owned, afterwards.
            "haste"
                if index >= 2
                    && sentence.is(index - 2, "in")
                    && sentence.is_any(index - 1, &["my", "our", "his", "her", "their"]) =>
            {
                Some(Hit::new("hindsight-verdict", index - 2, index))
            }
            // "I jumped the gun on merging that PR": a person's haste, judged once the outcome is known.
            "jumped" if sentence.is(index + 1, "the") && sentence.is(index + 2, "gun") => {
                let subject = subject_before(sentence, index);
                (subject.agent == Agent::Person)
                    .then(|| Hit::new("hindsight-verdict", subject.head.unwrap_or(index), index + 2))
            }
            // "The decision to skip load testing backfired": a past choice judged by its outcome.
            "backfired" if !sentence.is_question() => (index.saturating_sub(8)..index)
                .rev()
                .take_while(|&at| !sentence.is_punct(at))
                .find(|&at| {
                    sentence.is_any(at, DECISIONS_AND_IDEAS) || sentence.is_any(at, &["bet", "gamble", "shortcut"])
                })
                .map(|choice| Hit::new("hindsight-verdict", choice, index)),
            // "We were too quick to blame the network": haste judged once the outcome is known.
            "quick" | "fast" | "eager" | "hasty"
                if index > 0 && sentence.is(index - 1, "too") && sentence.is(index + 1, "to") =>
            {
                let copula = index.checked_sub(2).filter(|&at| sentence.is_any(at, &["was", "were"]));
                copula.and_then(|copula| {
                    let subject = subject_before(sentence, copula);
                    (subject.agent == Agent::Person && !subject.name)
                        .then(|| Hit::new("hindsight-verdict", subject.head.unwrap_or(copula), index + 1))
                })
            }
            // "Oh, how naive we were", "we were so naive": the past self judged from now.
            "naive" | "naïve" | "overconfident" => naive_then(sentence, index),
            // "We were too confident in our tests", as "we were overconfident".
            "confident" if index > 0 && sentence.is(index - 1, "too") => naive_then(sentence, index),
            // "Naively, we assumed the backups worked", "we naively trusted the cache": a past belief
            // judged by its outcome. ("A naively written loop" describes code.)
            "naively" | "naïvely" => {
                let believer = if index == 0 || sentence.is_punct(index - 1) {
                    skip_adverbs(sentence, index + 1 + usize::from(sentence.is_punct(index + 1)))
                } else {
                    index - 1
                };
                let belief = if believer < index { index + 1 } else { believer + 1 };
                (sentence.is_any(believer, &["we", "i", "they"]) && sentence.is_any(belief, BELIEF_VERBS))
                    .then(|| Hit::new("hindsight-verdict", index.min(believer), belief))
            }
            // "The merge was a bit premature", "the decision to fail over was hasty".
            "premature" | "hasty" | "short-sighted" | "shortsighted" => hasty_choice(sentence, index)
                // "I was too hasty": the past self judged, as "we were naive".
                .or_else(|| (sentence.word(index) == "hasty").then(|| naive_then(sentence, index)).flatten()),
            // "The rollout was far too aggressive", "1.0 was way too big".
            "aggressive" | "ambitious" | "early" | "soon" | "fast" | "quick" | "big" | "large" | "risky"
            | "optimistic"
                if index >= 2
                    && sentence.is(index - 1, "too")
                    && sentence.is_any(index - 2, &["way", "far", "much"]) =>
            {
                hasty_choice(sentence, index)
            }
            // "The rollout was done too quickly", "we moved too fast and broke things".
            "quickly" | "fast" | "quick" | "soon" | "early" | "hastily"
                if index > 0 && sentence.is(index - 1, "too") && !sentence.is(index + 1, "to") =>
            {
                too_hasty(sentence, index)
            }
            // "it was only a matter of time before the disk filled": inevitability seen afterwards.
            // ("It's only a matter of time before you've got a mess" foretells.)
            "matter"
                if sentence.is(index + 1, "of")
                    && sentence.is(index + 2, "time")
                    && index >= 2
                    && sentence.is_any(index - 2, &["only", "just"])
                    && !(index >= 3 && sentence.is_any(index - 3, &["is", "'s"])) =>
            {
                Some(Hit::new("hindsight-obvious", index - 2, index + 2))
            }
            // "it was bound to happen", "this was bound to fail eventually": the past told as
            // inevitable. Not "bound to port 80", nor advice ("inline scripts are bound to fail").
            "bound"
                if sentence.is(index + 1, "to")
                    && (sentence.is_any(index + 2, &["happen", "fail", "break", "occur"])
                        || (sentence.is(index + 2, "go") && sentence.is(index + 3, "wrong")))
                    && index > 0
                    && sentence.is_any(index - 1, &["was", "were"]) =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 2))
            }
            // "an accident waiting to happen"
            "waiting"
                if sentence.is(index + 1, "to")
                    && sentence.is(index + 2, "happen")
                    && index > 0
                    && sentence.is_any(index - 1, &["accident", "disaster", "outage", "incident", "failure"]) =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 2))
            }
            // "That was a recipe for disaster", "deploying on Friday is asking for trouble": the
            // outcome called foreseeable.
            "recipe"
                if sentence.is(index + 1, "for") && sentence.is_any(index + 2, &["disaster", "trouble", "failure"]) =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 2))
            }
            "asking"
                if sentence.is(index + 1, "for")
                    && sentence.is(index + 2, "trouble")
                    // (Not "asking for trouble tickets".)
                    && (index + 3 >= sentence.len()
                        || sentence.is_punct(index + 3)
                        || sentence.is_any(index + 3, &["and", "but", "when", "if", "by", "with"]))
                    && index > 0
                    && sentence.is_any(index - 1, &["is", "was", "'s", "are", "were"]) =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 2))
            }
            // "It seemed like a good idea at the time", "this seemed like a great idea when I wrote
            // it": a choice told as one that looked good then, and so is known not to be now. ("At
            // the time, the retry seemed reasonable" gives the reasons of the moment and passes.)
            // (The same with "looked", "felt", "a smart move", "a great plan"; "it felt like a one-off
            // script at the time" gives the reasons of the moment.)
            "seemed" | "sounded" | "looked" | "felt"
                if sentence.is(index + 1, "like")
                    && sentence.is_any(index + 2, &["a", "an"])
                    && sentence
                        .is_any(index + 3, &["good", "great", "brilliant", "clever", "smart", "excellent", "neat"])
                    && sentence.is_any(index + 4, &["idea", "move", "plan"]) =>
            {
                let then = if sentence.is(index + 5, "at")
                    && sentence.is(index + 6, "the")
                    && sentence.is(index + 7, "time")
                {
                    Some(index + 7)
                } else if sentence.is(index + 5, "back") && sentence.is(index + 6, "then") {
                    Some(index + 6)
                } else {
                    sentence.is_any(index + 5, &["when", "then", "initially"]).then_some(index + 4)
                };
                then.map(|last| Hit::new("hindsight-phrase", index, last))
            }
            // "the writing was on the wall"
            "writing" if sentence.is_any(index + 1, &["was", "is"]) && sentence.is(index + 2, "on") => {
                (sentence.is(index + 4, "wall")).then(|| Hit::new("hindsight-obvious", index, index + 4))
            }
            // ("Inevitably, some requests will fail during a failover" tells what a design does.)
            "predictably" | "inevitably"
                if (index == 0 || sentence.is_punct(index - 1))
                    && !(index + 1..(index + 9).min(sentence.len()))
                        .take_while(|&at| at == index + 1 || !sentence.is_punct(at))
                        .any(|at| {
                            sentence.is_any(at, &["will", "can", "may", "might", "must", "'ll", "would", "should"])
                        }) =>
            {
                Some(Hit::new("hindsight-obvious", index, index))
            }
            // "it is easy to see now that the rollout was doomed"
            "easy" | "easier"
                if sentence.is(index + 1, "to")
                    && sentence.is_any(index + 2, &["see", "say", "spot", "tell"])
                    && (index + 3..(index + 6).min(sentence.len()))
                        .any(|at| sentence.is_any(at, &["now", "afterwards"])) =>
            {
                Some(Hit::new("hindsight-phrase", index, index + 2))
            }
            // "gave the team a false sense of security": the calm of the time judged by the outcome.
            "false" if sentence.is(index + 1, "sense") && sentence.is(index + 2, "of") => {
                Some(Hit::new("hindsight-verdict", index, (index + 3).min(sentence.len() - 1)))
            }
            "signs" | "flags" | "clues" => signs_were_there(sentence, index),
            // "the answer was right in front of us": the obvious, seen afterwards.
            "front"
                if index >= 3
                    && sentence.is(index - 1, "in")
                    && sentence.is(index + 1, "of")
                    && sentence.is_any(index + 2, &["us", "me", "them", "our", "my", "everyone", "everybody"])
                    && sentence.is_any(index - 2, &["right", "directly"])
                    && sentence.is_any(index - 3, &["was", "were"]) =>
            {
                Some(Hit::new("hindsight-obvious", index - 2, index + 2))
            }
            // "that server was a ticking time bomb": the outcome told as certain all along.
            "bomb"
                if index >= 3
                    && sentence.is(index - 1, "time")
                    && (index.saturating_sub(5)..index).any(|at| sentence.is_any(at, &["was", "were"])) =>
            {
                Some(Hit::new("hindsight-obvious", index - 1, index))
            }
            // "we spent too much time on the wrong hypothesis": time judged by what it led to.
            "spent" | "wasted"
                if sentence.is(index + 1, "too")
                    && sentence.is_any(index + 2, &["much", "long"])
                    && index + 2 < sentence.len() =>
            {
                let subject = subject_before(sentence, index);
                (subject.agent == Agent::Person || (subject.agent == Agent::Missing && index == 0))
                    .then(|| Hit::new("hindsight-slow", index, index + 2))
            }
            // "it was plain as day", "as plain as the nose on my face": the obvious, seen afterwards.
            "plain"
                if sentence.is(index + 1, "as")
                    && (index + 2..(index + 7).min(sentence.len())).any(|at| sentence.is_any(at, &["day", "nose"])) =>
            {
                Some(Hit::new("hindsight-obvious", index, index + 1))
            }
            // "Everyone knew this was coming": the same, as knowledge.
            "coming"
                if index >= 4
                    && sentence.is_any(index - 1, &["was", "is"])
                    && sentence.is_any(index - 2, &["it", "this", "that"])
                    && sentence.is(index - 3, "knew")
                    && !(index.saturating_sub(6)..index - 3)
                        .any(|at| sentence.is_any(at, &["nobody", "no", "not", "never", "none"])) =>
            {
                Some(Hit::new("hindsight-obvious", index - 3, index))
            }
            // "anyone could have seen this coming"; "nobody could have seen it coming" says the opposite.
            "coming"
                if index >= 2
                    && sentence.is_any(index - 1, &["it", "this", "that"])
                    && sentence.is_any(index - 2, &["seen", "saw", "see", "foreseen"])
                    // Not "we could see it coming back up".
                    && (index + 1 >= sentence.len()
                        || sentence.is_punct(index + 1)
                        || sentence.is_any(
                            index + 1,
                            &["from", "a", "miles", "and", "but", "for", "months", "weeks", "years", "except", "long"],
                        )) =>
            {
                let denied = (index.saturating_sub(7)..index - 2)
                    .any(|at| sentence.is_any(at, &["nobody", "no", "not", "never", "none", "hardly"]));
                (!denied).then(|| Hit::new("hindsight-obvious", index - 2, index))
            }
            // "that was not the right call", "deploying on a Friday wasn't a good idea": a past
            // decision judged by its outcome. Advice in the present ("it is not a good idea to") passes.
            "good" | "smart" | "wise" | "great" | "best" | "right" | "smartest" | "wisest" | "brightest"
                if index >= 3
                    && sentence.is_any(index + 1, DECISIONS_AND_IDEAS)
                    && sentence.is_any(index - 1, &["a", "an", "the"])
                    && sentence.is(index - 2, "not")
                    && sentence.is_any(index - 3, &["was", "were"]) =>
            {
                Some(Hit::new("hindsight-verdict", index - 3, index + 1))
            }
            _ => None,
        };
        hits.extend(hit);
    }
}

/// Verbs of a signal showing something, in the past: "the dashboard clearly showed the
/// problem" says it was there to be seen then. In the present ("the graphs clearly show
/// the spike at 14:02") the write-up points at its evidence.
fn is_evidence_verb(word: &str) -> bool {
    matches!(
        word,
        "showed"
            | "indicated"
            | "pointed"
            | "signaled"
            | "signalled"
            | "warned"
            | "revealed"
            | "displayed"
            | "highlighted"
    )
}

/// "Skipping the canary was crazy", "not testing the failover was insane", "shipping kernel
/// drivers without a staged rollout is madness": a step people chose, opening its clause as a
/// gerund, called madness after a copula. ("The amount of traffic was insane" tells how much,
/// and "debugging this was crazy" how hard: neither opens with a step chosen.)
fn step_called_madness(sentence: &Sentence, index: usize) -> Option<Hit> {
    let mut copula = index.checked_sub(1)?;
    while copula > 0
        && sentence.is_any(
            copula,
            &[
                "absolutely",
                "completely",
                "just",
                "frankly",
                "simply",
                "pretty",
                "totally",
                "utterly",
                "downright",
                "plain",
                "honestly",
                "clearly",
                "quite",
                "borderline",
                "a",
                "bit",
                "little",
            ],
        )
    {
        copula -= 1;
    }
    // ("Using Postgres for the queue is crazy fast", "insane productivity": an intensifier, the
    // word it heightens after it.)
    let intensifies =
        index + 1 < sentence.len() && !sentence.is_punct(index + 1) && !is_function_word(sentence.word(index + 1));
    if !sentence.is_any(copula, &["is", "was", "'s", "are", "were"]) || sentence.is_question() || intensifies {
        return None;
    }
    let clause_start = (0..copula).rev().find(|&at| sentence.is_punct(at)).map_or(0, |comma| comma + 1);
    let step = clause_start + usize::from(sentence.is_any(clause_start, &["not", "never"]));
    let chosen = sentence.is_any(
        step,
        &[
            "shipping",
            "deploying",
            "pushing",
            "releasing",
            "rolling",
            "merging",
            "running",
            "skipping",
            "giving",
            "letting",
            "allowing",
            "using",
            "having",
            "relying",
            "trusting",
            "putting",
            "disabling",
            "removing",
            "deleting",
            "turning",
            "testing",
            "upgrading",
            "migrating",
            "scheduling",
            "choosing",
            "keeping",
            "storing",
            "leaving",
        ],
    );
    // "Running the migration at peak"; not a machine's state, "running at 100% CPU".
    let state = sentence.is(step, "running")
        && !sentence.is_any(step + 1, &["the", "a", "an", "this", "that", "those", "these", "it", "our", "their"]);
    (chosen && !state).then(|| Hit::new("hindsight-verdict", clause_start, index))
}

/// Nouns and adjectives of a verdict on a decision: "a mistake", "a bad idea", "wrong".
fn is_verdict(sentence: &Sentence, index: usize) -> bool {
    let word = sentence.word(index);
    let noun = |at: usize| {
        sentence.is_any(at, &["mistake", "mistakes", "error", "misstep", "blunder", "oversight"])
            || (sentence.is_any(at, &["idea", "call", "choice", "decision", "move", "plan", "bet"])
                && sentence.is_any(at - 1, &["bad", "poor", "wrong", "terrible", "risky", "unwise", "dangerous"]))
    };
    match word {
        "a" | "an" | "the" => noun(index + 1) || noun(index + 2),
        _ => {
            matches!(
                word,
                "wrong"
                    | "unwise"
                    | "ill-advised"
                    | "misguided"
                    | "risky"
                    | "premature"
                    | "flawed"
                    | "inadequate"
                    | "insufficient"
                    | "reckless"
                    | "naive"
                    | "short-sighted"
                    | "shortsighted"
            ) || noun(index)
        }
    }
}

/// "Shipping on a Friday was clearly a mistake", "it was obviously a bad idea to run
/// the migration at peak": a past decision judged from its outcome.
fn verdict(sentence: &Sentence, index: usize) -> Option<Hit> {
    let after = skip_adverbs(sentence, index + 1);
    let before_copula = index > 0 && sentence.is_any(index - 1, &["was", "were", "'s"]);
    let after_copula = sentence.is_any(index + 1, &["was", "were"]);
    // "Clearly, the migration plan was flawed": the adverb opens the sentence and the verdict
    // follows the subject's copula in the same clause.
    let opening_copula = (index == 0 && sentence.is_punct(index + 1))
        .then(|| {
            (index + 2..clause_end(sentence, index + 2).min(index + 10))
                .find(|&at| sentence.is_any(at, &["was", "were"]))
        })
        .flatten();
    let verdict_at = if after_copula {
        skip_adverbs(sentence, index + 2)
    } else if let Some(copula) = opening_copula {
        skip_adverbs(sentence, copula + 1)
    } else {
        after
    };
    if !(before_copula || after_copula || opening_copula.is_some()) || !is_verdict(sentence, verdict_at) {
        return None;
    }
    let last = (verdict_at..(verdict_at + 3).min(sentence.len()))
        .take_while(|&at| !sentence.word(at).is_empty())
        .find(|&at| !sentence.is_any(at, &["a", "an", "the", "bad", "poor", "wrong", "terrible", "risky", "unwise"]))
        .unwrap_or(verdict_at);
    let first = if before_copula { index - 1 } else { index };
    Some(Hit::new("hindsight-verdict", first, last))
}

/// "This was the wrong call", "it was a mistake to deploy on Friday", "that was the
/// worst mistake": a past decision given a verdict. "The cause was a mistake in the
/// config" describes a bug and passes.
fn called_a_mistake(sentence: &Sentence, index: usize) -> Option<Hit> {
    // ("a bad assumption": what was taken for granted, judged as a choice is.)
    const CHOICES: &[&str] = &[
        "call",
        "decision",
        "choice",
        "move",
        "tool",
        "approach",
        "bet",
        "idea",
        "mistake",
        "trade-off",
        "tradeoff",
        "assumption",
    ];
    let noun = if sentence.is(index, "mistake") {
        if let Some(hit) = the_mistake_was(sentence, index) {
            return Some(hit);
        }
        index
    } else if sentence.is_any(index + 1, CHOICES) {
        index + 1
    } else if sentence.is_any(index + 2, &["decision", "choice"]) && !is_function_word(sentence.word(index + 1)) {
        // "a poor design choice"
        return choice_judged(sentence, index, index + 2);
    } else {
        return None;
    };
    let mut determiner = noun;
    while determiner > 0
        && !sentence.is_any(determiner, &["a", "an", "the"])
        && sentence.is_any(
            determiner - 1,
            &[
                "a",
                "an",
                "the",
                "big",
                "biggest",
                "worst",
                "bad",
                "poor",
                "wrong",
                "huge",
                "costly",
                "clear",
                "terrible",
                "awful",
                "faulty",
                "incorrect",
            ],
        )
    {
        determiner -= 1;
    }
    if !sentence.is_any(determiner, &["a", "an", "the"]) {
        return None;
    }
    let Some(copula) = determiner.checked_sub(1).filter(|&at| sentence.is_any(at, &["was", "were", "'s"])) else {
        return choice_judged(sentence, index, noun);
    };
    let subject = copula.checked_sub(1)?;
    // "Ansible was the wrong tool for the job": a verdict whatever was chosen.
    let wrong_choice = sentence.is_any(noun - 1, &["wrong", "bad", "poor", "worst", "terrible", "awful", "faulty"])
        && !sentence.is(noun, "mistake");
    // "Deploying on a Friday was a mistake", "the decision to skip the canary was a mistake":
    // the clause before the verdict opens with the choice.
    // ("In the end, skipping the canary was a mistake": after an opening phrase and its comma.)
    let opens_with_choice = {
        let clause_start = (0..copula).rev().find(|&at| sentence.is_punct(at)).map_or(0, |comma| comma + 1);
        // "Not testing the failover was a mistake": a step left out is a choice too.
        let clause_start = clause_start + usize::from(sentence.is_any(clause_start, &["not", "never"]));
        let first = sentence.word(clause_start);
        let gerund = first.ends_with("ing") && !first.ends_with("thing") && first != "during";
        gerund || (clause_start..copula.min(clause_start + 4)).any(|at| sentence.is_any(at, DECISIONS_AND_IDEAS))
    };
    let decided = wrong_choice
        || opens_with_choice
        || sentence.is_any(subject, &["this", "that", "it", "which"])
        || sentence.word(subject).ends_with("ing")
        || sentence.is_any(subject, &["decision", "choice", "call", "plan", "idea", "approach", "assumption"])
        // "My merge was a mistake": the step that shipped, judged.
        || (sentence.word(noun) == "mistake"
            && sentence.is_any(subject, STEPS_TAKEN));
    // "a mistake in the config", "a mistake by the vendor" name a bug, not a verdict.
    // ("A bad call on my part" owns a fault: the blame rules read it.)
    let describes = sentence.is_any(noun + 1, &["in", "on", "by", "of", "that", "which", "we", "i"]);
    (decided && !describes).then(|| Hit::new("hindsight-verdict", copula, noun))
}

/// "The mistake was not testing the upgrade path", "the real mistake was to deploy on a
/// Friday": a past step named as the mistake, the verdict before the choice. "The mistake was
/// causing errors on every request" tells what a bug did, and "the mistake was corrected" what
/// was done about it.
fn the_mistake_was(sentence: &Sentence, mistake: usize) -> Option<Hit> {
    let mut determiner = mistake.checked_sub(1)?;
    while determiner > 0
        && sentence
            .is_any(determiner, &["real", "main", "big", "biggest", "first", "key", "only", "fundamental", "critical"])
    {
        determiner -= 1;
    }
    if !sentence.is(determiner, "the") || !sentence.is(mistake + 1, "was") {
        return None;
    }
    let negated = sentence.is_any(mistake + 2, &["not", "never"]);
    let step = mistake + 2 + usize::from(negated);
    let word = sentence.word(step);
    let gerund = word.len() > 4
        && word.ends_with("ing")
        && !word.ends_with("thing")
        && !matches!(
            word,
            "causing"
                | "affecting"
                | "breaking"
                | "triggering"
                | "returning"
                | "producing"
                | "making"
                | "leading"
                | "resulting"
                | "preventing"
                | "blocking"
                | "generating"
                | "creating"
                | "throwing"
                | "happening"
                | "occurring"
                | "showing"
                | "appearing"
                | "being"
                | "getting"
                | "still"
        );
    // ("The mistake was not testing related" names a kind, not a step.)
    let gerund = gerund && !sentence.is(step + 1, "related");
    let to_step = !negated && sentence.is(step, "to") && !is_function_word(sentence.word(step + 1));
    (gerund || to_step).then(|| Hit::new("hindsight-verdict", determiner, step + usize::from(to_step)))
}

/// "Coupled with a poor design choice that allowed it", "the wrong call to fail over": a
/// past decision given a verdict inside a noun phrase. Advice ("avoid making a bad
/// decision under pressure") and plurals ("bad decisions happen") pass.
fn choice_judged(sentence: &Sentence, adjective: usize, noun: usize) -> Option<Hit> {
    if !sentence.is_any(adjective, &["poor", "bad", "wrong", "incorrect", "faulty"])
        || !sentence.is_any(noun, &["decision", "choice", "call", "assumption"])
    {
        return None;
    }
    // "The operator made an incorrect assumption": an assumption judged is a person's. ("The parser
    // made a wrong assumption about the encoding" tells of a bug.)
    if sentence.is(noun, "assumption") {
        let made = adjective.checked_sub(2).filter(|&at| sentence.is_any(at, &["made", "make"]))?;
        if subject_before(sentence, made).agent != Agent::Person {
            return None;
        }
    }
    // "a bad call day off": the noun only modifies the next one. ("A wrong assumption about the
    // API" says what was assumed.)
    let after = noun + 1;
    if after < sentence.len()
        && !sentence.is_punct(after)
        && !is_function_word(sentence.word(after))
        && !sentence.is(after, "about")
    {
        return None;
    }
    // "A bad decision by the scheduler evicted the pod": a program's.
    if sentence.is(after, "by") {
        let head = after + 1 + usize::from(sentence.is_any(after + 1, &["the", "a", "an", "our", "their"]));
        let person = is_role_noun(sentence.word(head)) || is_role_noun(sentence.word(head + 1));
        if !person && !sentence.is_any(head, &["me", "us", "him", "her", "them"]) {
            return None;
        }
    }
    let determiner =
        adjective.checked_sub(1).filter(|&at| sentence.is_any(at, &["a", "an", "the", "this", "that", "our"]))?;
    let advice = (determiner.saturating_sub(3)..determiner)
        .any(|at| sentence.is_any(at, &["make", "making", "avoid", "avoiding", "prevent", "to", "can", "will", "'ll"]));
    let past = (0..sentence.len())
        .any(|at| sentence.is_any(at, &["was", "were", "had", "did"]) || is_past_participle(sentence.word(at)));
    (!advice && past && !sentence.is_question()).then(|| Hit::new("hindsight-verdict", adjective, noun))
}

const DECISIONS: &[&str] = &["decision", "choice", "call", "move", "approach", "plan"];

/// Changes people put out, which a verdict can judge as it judges a decision: "my merge was a
/// mistake", "the rollout was premature".
const STEPS_TAKEN: &[&str] =
    &["merge", "release", "deploy", "deployment", "rollout", "launch", "change", "upgrade", "migration"];

/// What a past choice is called when it is judged: "not the right call", "not a good idea".
const DECISIONS_AND_IDEAS: &[&str] = &["decision", "choice", "call", "move", "approach", "plan", "idea"];

/// What a past belief is told with: "we naively assumed".
const BELIEF_VERBS: &[&str] = &["assumed", "thought", "believed", "expected", "trusted", "hoped", "figured"];

/// "Oh, how naive we were", "we were so naive to trust the default": the writers' past selves
/// judged with what they know now. "A naive implementation" describes code.
fn naive_then(sentence: &Sentence, naive: usize) -> Option<Hit> {
    let exclaimed = naive > 0
        && sentence.is(naive - 1, "how")
        && sentence.is_any(naive + 1, &["we", "i"])
        && sentence.is_any(naive + 2, &["were", "was"]);
    if exclaimed {
        return Some(Hit::new("hindsight-verdict", naive - 1, naive + 2));
    }
    let mut copula = naive.checked_sub(1)?;
    while copula > 0
        && sentence.is_any(copula, &["so", "too", "very", "pretty", "incredibly", "a", "bit", "little", "far", "way"])
    {
        copula -= 1;
    }
    let ours = copula > 0 && sentence.is_any(copula, &["were", "was"]) && sentence.is_any(copula - 1, &["we", "i"]);
    if ours {
        return Some(Hit::new("hindsight-verdict", copula - 1, naive));
    }
    // "It was naive to assume the backups worked".
    let naive_to_believe = sentence.is_any(copula, &["was", "'s"])
        && copula > 0
        && sentence.is_any(copula - 1, &["it", "that", "this"])
        && sentence.is(naive + 1, "to")
        && sentence.is_any(naive + 2, &["assume", "think", "believe", "expect", "trust", "hope"]);
    if naive_to_believe {
        return Some(Hit::new("hindsight-verdict", copula - 1, naive + 2));
    }
    // "That was naive of us", "it was naive of me to trust the cache".
    let of_us = sentence.is_any(copula, &["was", "'s"])
        && sentence.is(naive + 1, "of")
        && sentence.is_any(naive + 2, &["us", "me", "them", "him", "her"]);
    of_us.then(|| Hit::new("hindsight-verdict", copula, naive + 2))
}

/// "The merge was a bit premature", "the decision to fail over was hasty", "rolling back was
/// premature": a past step judged too early once its outcome is known. "A premature
/// optimisation" and "the alert fired on a premature reading" describe things.
fn hasty_choice(sentence: &Sentence, adjective: usize) -> Option<Hit> {
    let mut copula = adjective.checked_sub(1)?;
    while copula > 0
        && sentence.is_any(
            copula,
            &["a", "bit", "little", "too", "somewhat", "rather", "clearly", "very", "way", "far", "much"],
        )
    {
        copula -= 1;
    }
    if !sentence.is_any(copula, &["was", "were", "'s"]) {
        return None;
    }
    let subject = copula.checked_sub(1)?;
    // "1.0 was way too big": a release named by its version.
    let version = sentence.word(subject).trim_start_matches('v').starts_with(|c: char| c.is_ascii_digit())
        && sentence.word(subject).contains('.');
    let step = sentence.word(subject).ends_with("ing")
        || sentence.is_any(subject, STEPS_TAKEN)
        || sentence.is_any(subject, &["announcement", "rollback", "failover"])
        || version
        || (0..copula.min(4)).any(|at| {
            sentence.is_any(at, DECISIONS_AND_IDEAS)
                || sentence.is_any(at, &["cadence", "pace", "timeline", "schedule"])
        });
    step.then(|| Hit::new("hindsight-verdict", copula, adjective))
}

/// "The rollout was done too quickly", "we moved too fast", "I merged it too early": a step
/// people took, judged as hasty once the outcome is known. "The queue grew too fast" is a
/// machine's, and "too early to tell" is about knowing.
fn too_hasty(sentence: &Sentence, adverb: usize) -> Option<Hit> {
    let mut step = adverb.checked_sub(2)?;
    if step > 0 && sentence.is_any(step, &["it", "this", "that", "them", "out"]) {
        step -= 1;
    }
    if !sentence.is_any(step, HASTY_STEPS) {
        return None;
    }
    // "released too early for the packagers to pick it up" measures against someone's need.
    let measured = (adverb + 1..(adverb + 4).min(sentence.len())).any(|at| sentence.is(at, "for"))
        && (adverb + 2..(adverb + 7).min(sentence.len())).any(|at| sentence.is(at, "to"));
    if measured {
        return None;
    }
    if step > 0 && sentence.is_any(step - 1, &["was", "were", "been", "be"]) {
        return Some(Hit::new("hindsight-verdict", step - 1, adverb));
    }
    // ("Traffic moved too fast": an unknown capitalised word can be a thing.)
    let subject = subject_before(sentence, step);
    (subject.agent == Agent::Person && !subject.name)
        .then(|| Hit::new("hindsight-verdict", subject.head.unwrap_or(step), adverb))
}

/// "I regret now that I didn't check the other ports", "we regret that decision":
/// a decision judged with what is known now. An apology ("we regret the
/// inconvenience") passes.
fn regret(sentence: &Sentence, index: usize) -> Option<Hit> {
    let mut next = skip_adverbs(sentence, index + 1);
    if sentence.is(next, "now") {
        next = skip_adverbs(sentence, next + 1);
    }
    let word = sentence.word(next);
    let judged = match word {
        // "that I didn't check": a choice regretted, not "that customers were affected".
        "that" => {
            sentence.is_any(next + 1, DECISIONS)
                || (next + 1..(next + 6).min(sentence.len())).any(|at| sentence.is_any(at, &["not", "never"]))
        }
        "not" | "never" | "having" => true,
        "this" | "our" | "my" | "the" => sentence.is_any(next + 1, DECISIONS),
        _ => word.ends_with("ing"),
    };
    let subject = subject_before(sentence, index);
    (judged && subject.agent == Agent::Person).then(|| Hit::new("hindsight-verdict", index, index))
}

fn is_noticing(word: &str) -> bool {
    matches!(word, "notice" | "realize" | "realise" | "detect" | "spot" | "see" | "recognize" | "recognise")
}

/// "The response was too slow", "our rollback was far too slow": the response measured against a
/// timeline known afterwards. ("The disk was too slow" is about a machine.) `index` is "slow" or
/// "late", after "too".
fn response_too_slow(sentence: &Sentence, index: usize) -> Option<Hit> {
    let mut copula = index - 2;
    while copula > 0 && sentence.is_any(copula, &["far", "way", "much", "just", "simply", "a", "bit", "little"]) {
        copula -= 1;
    }
    let subject = sentence.is_any(copula, &["was", "were"]).then(|| subject_before(sentence, copula));
    subject
        .and_then(|subject| subject.head)
        .filter(|&head| is_response_noun(sentence.word(head)) && !sentence.is_question())
        .map(|head| Hit::new("hindsight-slow", head, index))
}

/// "We realized too late that the backups were empty", "I found out too late", "the team noticed
/// too late": people who learned something, said to have learned it late. `verb` is the word
/// before "too late". ("The alert fired too late" is a machine's timing; "it was too late" a fact.)
fn noticed_too_late(sentence: &Sentence, verb: usize) -> Option<Hit> {
    let learned = sentence.is_any(
        verb,
        &[
            "realized",
            "realised",
            "noticed",
            "learned",
            "learnt",
            "discovered",
            "spotted",
            "caught",
            "understood",
            "recognized",
            "recognised",
        ],
    ) || (verb > 0 && sentence.is(verb, "out") && sentence.is_any(verb - 1, &["found", "figured"]));
    if !learned || sentence.is_question() {
        return None;
    }
    let verb_start = if sentence.is(verb, "out") { verb - 1 } else { verb };
    let subject = subject_before(sentence, verb_start);
    (subject.agent == Agent::Person).then(|| Hit::new("hindsight-slow", subject.head.unwrap_or(verb_start), verb + 2))
}

/// "We were slow to notice", "the team was late to escalate", "we took too long to
/// react": people measured against a timeline only known afterwards.
fn slow_to_notice(sentence: &Sentence, index: usize) -> Option<Hit> {
    let verb = sentence.word(index + 2);
    // "slow to get paged" tells what happened to people, not what they did.
    if matches!(verb, "get" | "be") && is_past_participle(sentence.word(index + 3)) {
        return None;
    }
    let attention = is_attention_verb(verb)
        || matches!(
            verb,
            "act"
                | "detect"
                | "spot"
                | "recognize"
                | "recognise"
                | "roll"
                | "revert"
                | "page"
                | "declare"
                | "communicate"
                | "inform"
                | "acknowledge"
                | "escalate"
        );
    // "We were too slow to pause the vault": "too slow" judges whatever the people had to do.
    // ("We were too late to save the data" tells the timing, not a verdict on them.)
    let too_slow = sentence.is(index, "slow")
        && index > 0
        && sentence.is(index - 1, "too")
        && !verb.is_empty()
        && !is_function_word(verb)
        && !matches!(verb, "be" | "get");
    if !attention && !too_slow {
        return None;
    }
    let mut head = index;
    if matches!(sentence.word(index), "long" | "forever") {
        // "we took too long", "it took us too long"
        // "it took us far too long", "it took the team forever"
        let took =
            (index.saturating_sub(4)..index).rev().find(|&at| sentence.is_any(at, &["took", "take", "takes"]))?;
        if sentence.is_any(took + 1, &["us", "them", "me", "the"]) && took + 2 < index {
            return Some(Hit::new("hindsight-slow", took, index + 2));
        }
        // "It took way too long to roll back": the response's length, whoever responded.
        if took > 0 && sentence.is(took - 1, "it") && sentence.is(took, "took") && !sentence.is_question() {
            return Some(Hit::new("hindsight-slow", took - 1, index + 2));
        }
        head = took;
    } else {
        while head > 0
            && sentence
                .is_any(head - 1, &["too", "very", "so", "quite", "rather", "a", "bit", "little", "far", "way", "much"])
        {
            head -= 1;
        }
        let copula = head.checked_sub(1).filter(|&at| sentence.is_any(at, &["was", "were", "been"]))?;
        head = copula;
    }
    let subject = subject_before(sentence, head);
    (subject.agent == Agent::Person && !subject.name)
        .then(|| Hit::new("hindsight-slow", subject.head.unwrap_or(head), index + 2))
}

/// "Everyone knew this would break eventually", "everybody knew the cluster was going to fall
/// over": the failure told as foreknown by all. ("Everyone knew the deploy would take an hour"
/// tells a plan; "everyone knew the password" a fact; "everybody knew it was coming" is read at
/// "coming".)
fn everyone_knew(sentence: &Sentence, everyone: usize) -> Option<Hit> {
    let reach = (everyone + 10).min(sentence.len());
    let end = (everyone + 2..reach).find(|&at| sentence.is_punct(at)).unwrap_or(reach);
    let failure_foretold = (everyone + 2..end).any(|at| {
        let future = sentence.is(at, "would") || (sentence.is(at, "going") && sentence.is(at + 1, "to"));
        let verb = if sentence.is(at, "going") { at + 2 } else { at + 1 };
        // "would eventually break", "was going to fail sooner or later"
        let verb = if sentence.is_any(verb, &["eventually", "someday", "one", "soon"]) { verb + 1 } else { verb };
        future && sentence.is_any(verb, FAILING)
    });
    failure_foretold.then(|| Hit::new("hindsight-obvious", everyone, everyone + 1))
}

/// Verbs of a failure to come, in "everyone knew it would ...".
const FAILING: &[&str] =
    &["happen", "break", "fail", "crash", "blow", "fall", "bite", "explode", "collapse", "die", "go", "end"];

/// Whether "you would think" or "one would expect" at `verb` opens an ironic verdict: a second
/// "would" after it ("... a company this big would test its updates") or "better". ("You would
/// think the cache helps, but it doesn't" and "I would think so" pass.)
fn would_think(sentence: &Sentence, verb: usize) -> bool {
    // Opening its clause: not "matching worked as one would expect regardless of ...".
    let opens = verb == 2 || sentence.is_punct(verb - 3) || sentence.is_any(verb - 3, &["but", "and", "yet", "so"]);
    let asked = opens && sentence.is_any(verb - 2, &["you", "one"]) && sentence.is_any(verb - 1, &["would", "'d"]);
    let then = (verb + 1..(verb + 12).min(sentence.len())).take_while(|&at| !sentence.is_punct(at));
    // About people or an organisation: "a company this big would", "they'd have"; not "you'd
    // think setting the limit would prevent it", about a program.
    let second_would = then.clone().find(|&at| sentence.is_any(at, &["would", "'d"]));
    asked
        && (second_would.is_some_and(|would| (verb + 1..would).any(|at| names_others(sentence, at)))
            || (sentence.is(verb, "expect") && then.into_iter().any(|at| sentence.is(at, "better"))))
}

/// Whether the word at `at` names people other than the writers: a role ("a company this big",
/// "the vendor"), a third person ("they", "them", "you"), or a name ("Microsoft").
fn names_others(sentence: &Sentence, at: usize) -> bool {
    is_role_noun(sentence.word(at))
        || sentence.is_any(at, &["they", "he", "she", "them", "him", "her", "you"])
        || sentence.tokens.get(at).is_some_and(|token| token.capitalized && !is_function_word(sentence.word(at)))
}

/// "With 20/20 hindsight", "in perfect hindsight": hindsight graded, the phrase still opening
/// a judgement made afterwards.
fn graded_hindsight(sentence: &Sentence, hindsight: usize) -> Option<Hit> {
    let mut at = hindsight;
    while at > 0
        && (sentence.is_any(at - 1, &["perfect", "clear", "full"])
            || sentence.written(at - 1, at - 1).chars().all(|c| c.is_ascii_digit() || c == '/'))
    {
        at -= 1;
    }
    (at < hindsight && at > 0 && sentence.is_any(at - 1, &["with", "in"]))
        .then(|| Hit::new("hindsight-phrase", at - 1, hindsight))
}

/// "This should have been a red flag", "it should have been a wake-up call", "that should have
/// set off alarm bells", "alarm bells should have rung": a warning named as one only once the
/// outcome is known.
fn warning_read_too_late(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let first = noun.checked_sub(1)?;
    let named = match sentence.word(noun) {
        "flag" | "flags" => sentence.is(first, "red"),
        "sign" | "signs" => sentence.is(first, "warning"),
        "call" => sentence.is_any(first, &["wake-up", "wakeup"]),
        "bells" => sentence.is(first, "alarm"),
        "off" => {
            first > 0 && sentence.is(first - 1, "tipped") && sentence.is_any(first, &["us", "me", "them", "someone"])
        }
        "eyebrows" => {
            sentence.is(first, "raised")
                || first > 0 && sentence.is(first - 1, "raised") && sentence.is_any(first, &["some", "a"])
        }
        _ => false,
    };
    if !named {
        return None;
    }
    let should_have = |at: usize| {
        sentence.is_any(at, &["should", "ought"])
            && (at + 1..(at + 4).min(sentence.len())).any(|have| sentence.is(have, "have"))
    };
    if let Some(modal) =
        (first.saturating_sub(6)..first).rev().take_while(|&at| !sentence.is_punct(at)).find(|&at| should_have(at))
    {
        return Some(Hit::new("hindsight-obvious", modal, noun));
    }
    let modal = (noun + 1..(noun + 3).min(sentence.len())).find(|&at| should_have(at))?;
    Some(Hit::new("hindsight-obvious", first, modal))
}

/// "A sign we missed", "warning signs that the team ignored".
fn signs_missed(sentence: &Sentence, verb: usize) -> Option<Hit> {
    let who = verb.checked_sub(1)?;
    let word = sentence.word(who);
    if !(matches!(word, "we" | "they" | "i" | "he" | "she" | "everyone" | "nobody") || is_role_noun(word)) {
        return None;
    }
    let mut sign = who.checked_sub(1)?;
    if sentence.is_any(sign, &["that", "which", "the", "on-call"]) && sign > 0 {
        sign -= 1;
        if sentence.is_any(sign, &["that", "which"]) && sign > 0 {
            sign -= 1;
        }
    }
    let signal = sentence.is_any(
        sign,
        &[
            "sign", "signs", "signal", "signals", "warning", "warnings", "flag", "flags", "symptom", "symptoms",
            "clue", "clues",
        ],
    );
    signal.then(|| Hit::new("hindsight-obvious", sign, verb))
}

/// "Obviously, nobody checked the disk", "of course, the backup had never been tested": an
/// opening that calls plain what people did or did not do, ending at `opener`. "Obviously,
/// this is serious for our customers" and "of course, we apologise" pass.
fn judged_as_obvious(sentence: &Sentence, opener: usize) -> Option<Hit> {
    // "Of course" and "naturally" open many a plain aside in documentation ("of course, you
    // should be able to rsync it back"): only an omission by people follows them here.
    let aside = !sentence.is(opener, "obviously") && !sentence.is(opener, "clearly");
    // A past step left undone or owed ("the backup was not tested", "we should have waited"),
    // not a rule that holds now ("obviously, production should not be broken").
    let past_not = |at: usize| {
        sentence.is(at, "not") && sentence.is_any(at - 1, &["did", "was", "were", "had", "could", "has", "have"])
    };
    let owed =
        |at: usize| sentence.is(at, "should") && sentence.is_any(skip_adverbs(sentence, at + 1), &["have", "'ve"]);
    let judged = (opener + 2..sentence.len()).any(|at| {
        sentence.is_any(at, &["nobody", "never", "failed", "forgot", "ignored", "missed"])
            || (!aside && (past_not(at) || owed(at)))
            || (sentence.is(at, "one") && sentence.is(at - 1, "no"))
    });
    judged.then(|| Hit::new("hindsight-obvious", 0, opener))
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
    // "Why did it take three hours to roll back?": the response's length questioned afterwards.
    // ("Why does it take a second to start?" asks about a program: only the past, and a response.)
    if sentence.is(why + 1, "did") && sentence.is(why + 2, "it") && sentence.is(why + 3, "take") {
        let to = (why + 4..(why + 9).min(sentence.len())).find(|&at| sentence.is(at, "to"))?;
        let verb = sentence.word(to + 1);
        let responded = is_noticing(verb)
            || matches!(
                verb,
                "roll"
                    | "revert"
                    | "respond"
                    | "react"
                    | "fix"
                    | "restore"
                    | "recover"
                    | "escalate"
                    | "page"
                    | "notify"
            );
        return (responded && sentence.is_question()).then(|| Hit::new("hindsight-why-didnt", why, to + 1));
    }
    // "Why did you merge this so quickly?", "could you comment on why you merged it": a person
    // asked to justify a step they chose, the question blameless reviews replace with "how".
    // ("This is why you received a 503" explains what a reader saw.)
    let verb = if sentence.is(why + 1, "did") { why + 3 } else { why + 2 };
    if sentence.is(verb - 1, "you") && sentence.is_any(verb, CHOSEN_STEPS) {
        return Some(Hit::new("hindsight-why-didnt", why, verb));
    }
    // "Why on earth would you push to every machine at once?": disbelief, whatever the verb.
    let intensified = (sentence.is(why + 1, "on") && sentence.is(why + 2, "earth"))
        || (sentence.is(why + 1, "oh") && sentence.is(why + 2, "why"))
        || (sentence.is(why + 1, "the") && sentence.is_any(why + 2, &["hell", "heck"]))
        || (sentence.is(why + 1, "in") && sentence.is(why + 2, "the") && sentence.is(why + 3, "world"));
    let auxiliary = if !intensified {
        why + 1
    } else if sentence.is(why + 1, "in") {
        why + 4
    } else {
        why + 3
    };
    if !sentence.is_any(auxiliary, WHY_AUXILIARIES) {
        return None;
    }
    // "Why haven't we seen this before?" asks why a fault never showed, not why no one noticed it.
    if (auxiliary + 1..(auxiliary + 5).min(sentence.len())).any(|verb| never_showed_before(sentence, verb)) {
        return None;
    }
    if let Some(hit) = not_caught(sentence, why) {
        return Some(hit);
    }
    // "Why was this merged without review?", "why was the release published without a changelog
    // entry?": a change let through without its safeguard, questioned afterwards.
    if sentence.is_any(auxiliary, &["was", "were"]) && sentence.is_question() {
        let shipped = (auxiliary + 2..(auxiliary + 5).min(sentence.len())).find(|&at| {
            sentence.is_any(
                at,
                &["merged", "published", "released", "deployed", "shipped", "pushed", "approved", "rolled", "landed"],
            )
        });
        // "Why on earth was this deployed on a Friday?": disbelief at the step itself.
        if let Some(shipped) = shipped.filter(|_| intensified) {
            return Some(Hit::new("hindsight-why-didnt", why, shipped));
        }
        // "Why was there no canary?", "why were there no alerts on disk usage?": a safeguard
        // found missing, asked afterwards. ("Why is there no rollback plan?" may ask about the
        // next release.)
        if sentence.is(auxiliary + 1, "there") && sentence.is(auxiliary + 2, "no") {
            let safeguard = (auxiliary + 3..(auxiliary + 6).min(sentence.len()))
                .take_while(|&at| !sentence.is_punct(at))
                .find(|&at| {
                    sentence.is_any(at, SAFEGUARDS) || sentence.is_any(at, &["alert", "alarm", "check", "checks"])
                });
            if let Some(safeguard) = safeguard {
                return Some(Hit::new("hindsight-why-didnt", why, safeguard));
            }
        }
        let without = shipped.and_then(|verb| {
            (verb + 1..(verb + 5).min(sentence.len()))
                .take_while(|&at| !sentence.is_punct(at))
                .find(|&at| sentence.is(at, "without"))
        });
        if let Some(without) = without {
            return Some(Hit::new("hindsight-why-didnt", why, without));
        }
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
    // "Why would anyone push this to every machine?": disbelief at what some person did. ("Why
    // would we need a second region?" asks about a design.)
    // ("Why would they push to every machine at once?": the same of the people who did.)
    let anyone = sentence.is(auxiliary, "would")
        && (matches!(word, "anyone" | "anybody" | "someone" | "somebody")
            || matches!(word, "they" | "you" | "he" | "she")
                && sentence.is_any(skip_adverbs(sentence, head + 1), CHOSEN_STEPS));

    // ("why oh why did I delete the repo" laments with or without its question mark.)
    let lament = sentence.is(why + 1, "oh");
    let disbelief = lament || ((intensified || anyone) && sentence.is_question());
    (person && (negated || omission || disbelief)).then(|| Hit::new("hindsight-why-didnt", why, last))
}

/// "It's easy to criticise in hindsight", "it is unfair to judge them with hindsight": a warning
/// against judging afterwards, not a judgement.
/// "Also include information the team didn't know during the incident that, in hindsight, you
/// wish you would have": a template telling its reader what to write, not a verdict.
fn writing_prompt(sentence: &Sentence) -> bool {
    let verb = usize::from(sentence.is_any(0, &["also", "please", "then"]));
    sentence.is_any(
        verb,
        &["include", "describe", "list", "explain", "summarize", "summarise", "note", "document", "mention", "record"],
    ) && (verb + 1..sentence.len()).any(|at| sentence.is_any(at, &["you", "your"]))
}

fn judging_afterwards_warned(sentence: &Sentence, index: usize) -> bool {
    (index.saturating_sub(4)..index).any(|at| {
        ["critici", "judg", "blam", "second-guess"].iter().any(|stem| sentence.word(at).starts_with(stem))
            && at > 0
            && sentence.is(at - 1, "to")
    })
}

fn no_surprise(sentence: &Sentence, index: usize) -> Option<Hit> {
    if sentence.is_question() {
        return None;
    }
    // "Surprise, surprise, the backups didn't work": the outcome mocked as expected.
    if index >= 1 && sentence.is(index - 1 - usize::from(sentence.is_punct(index - 1)), "surprise") {
        let first = index - 1 - usize::from(sentence.is_punct(index - 1));
        if first == 0 || sentence.is_punct(first - 1) {
            return Some(Hit::new("hindsight-obvious", first, index));
        }
    }
    // "... shouldn't come as a surprise (to anyone)"
    let comes_as = index >= 4
        && sentence.is(index - 1, "a")
        && sentence.is(index - 2, "as")
        && sentence.is_any(index - 3, &["come", "comes"])
        && (index.saturating_sub(6)..index - 3).any(|at| sentence.is_any(at, &["not", "never", "should"]));
    if comes_as {
        let first =
            (index.saturating_sub(6)..index - 3).find(|&at| sentence.is_any(at, &["should", "not", "never"]))?;
        return Some(Hit::new("hindsight-obvious", first, index));
    }
    // "it's no surprise that the game didn't turn out" ("No surprise there: the cache was cold"
    // explains a system's behaviour).
    if index == 0 || !sentence.is(index - 1, "no") || !sentence.is(index + 1, "that") {
        return None;
    }
    let past = (index + 1..(index + 8).min(sentence.len())).any(|at| {
        let word = sentence.word(at);
        matches!(word, "did" | "was" | "were" | "had" | "failed" | "went" | "broke" | "crashed")
            || (word.ends_with("ed") && at > index + 2)
    });
    past.then(|| Hit::new("hindsight-obvious", index - 1, index))
}

/// Whose wisdom is mocked: "in my infinite wisdom", "in all our wisdom".
const OWNERS: &[&str] = &["my", "our", "his", "her", "their", "your"];

/// Steps a person chooses to take, past and base forms: what "why did you ..." asks about.
const CHOSEN_STEPS: &[&str] = &[
    "merged",
    "merge",
    "introduced",
    "introduce",
    "pushed",
    "push",
    "deployed",
    "deploy",
    "shipped",
    "ship",
    "released",
    "release",
    "approved",
    "approve",
    "removed",
    "remove",
    "deleted",
    "delete",
    "disabled",
    "disable",
    "skipped",
    "skip",
    "ignored",
    "ignore",
    "chose",
    "choose",
    "decided",
    "decide",
    "reverted",
    "revert",
];

/// "I thought it was safe to delete, turns out that was wrong", "skipping the canary turned out
/// to be a mistake": a past choice judged by how it ended. "It turned out the config was wrong"
/// reports a finding, and passes.
/// "Our assumption that the cache would hold was wrong", "the estimate was simply wrong": what
/// people believed before the incident, judged by what it showed. ("The value was wrong" is
/// about data.)
fn assumption_was_wrong(sentence: &Sentence, wrong: usize) -> Option<Hit> {
    if !sentence.is(wrong, "wrong") || sentence.is_question() {
        return None;
    }
    let closes =
        wrong + 1 >= sentence.len() || sentence.is_punct(wrong + 1) || sentence.is_any(wrong + 1, &["and", "but"]);
    let mut copula = wrong.checked_sub(1)?;
    while copula > 0
        && sentence.is_any(copula, &["simply", "clearly", "completely", "just", "dead", "totally", "plainly"])
    {
        copula -= 1;
    }
    if !closes || !sentence.is_any(copula, &["was", "were"]) {
        return None;
    }
    // The subject's noun, before any clause that says what was assumed.
    let believed = (copula.saturating_sub(12)..copula).find(|&at| {
        sentence.is_any(
            at,
            &["assumption", "assumptions", "belief", "beliefs", "expectation", "expectations", "estimate", "estimates"],
        )
    })?;
    Some(Hit::new("hindsight-verdict", believed, wrong))
}

fn turned_out_wrong(sentence: &Sentence, index: usize) -> Option<Hit> {
    let last = match sentence.word(index) {
        "wrong" | "mistake" => index,
        "bad" | "poor" | "terrible" | "awful" if sentence.is_any(index + 1, DECISIONS_AND_IDEAS) => index + 1,
        _ => return None,
    };
    // "turned out to be", or "proved to be a costly mistake".
    let out = (index.saturating_sub(7)..index).rev().find(|&at| {
        at > 0
            && ((sentence.is(at, "out") && sentence.is_any(at - 1, &["turns", "turned", "turning"]))
                || (sentence.is_any(at, &["proved", "proven", "proves"]) && sentence.is(at + 1, "to")))
    })?;
    let out = if sentence.is(out, "out") { out } else { out + 1 };
    let verdict_only = (out + 1..index).all(|at| {
        sentence.is_any(
            at,
            &[
                "that",
                "it",
                "this",
                "to",
                "be",
                "was",
                "is",
                "a",
                "an",
                "big",
                "huge",
                "costly",
                "serious",
                "clearly",
                "completely",
                "totally",
            ],
        )
    });
    let closes =
        last + 1 >= sentence.len() || sentence.is_punct(last + 1) || sentence.is_any(last + 1, &["and", "but"]);
    (verdict_only && (closes || sentence.word(index) != "wrong")).then(|| Hit::new("hindsight-verdict", out - 1, last))
}

/// "Who thought it was a good idea to deploy on a Friday?", "whose bright idea was it to skip
/// the canary?": a past choice mocked as a question. "Who has a good idea for the name?" asks.
fn whose_idea(sentence: &Sentence, idea: usize) -> Option<Hit> {
    let praise =
        idea.checked_sub(1).filter(|&at| sentence.is_any(at, &["good", "great", "bright", "brilliant", "smart"]))?;
    let asker = (praise.saturating_sub(6)..praise).find(|&at| sentence.is_any(at, &["who", "whose"]))?;
    let mocked = if sentence.is(asker, "whose") {
        // "whose bright idea": only the ironic praise mocks; "whose good idea" can thank.
        sentence.is_any(praise, &["bright", "brilliant"])
    } else {
        sentence.is(asker + 1, "thought")
    };
    (mocked && !sentence.is_any(asker.wrapping_sub(1), &["those", "people", "anyone"]))
        .then(|| Hit::new("hindsight-verdict", asker, idea))
}

/// "Why wasn't this caught", "how were these not caught in review": a question asking
/// why a problem was not found, which only the outcome makes answerable.
fn not_caught(sentence: &Sentence, question: usize) -> Option<Hit> {
    let auxiliary = question + 1;
    if !sentence.is_any(auxiliary, &["was", "were", "is", "are", "had", "has", "have"]) {
        return None;
    }
    // The subject, then "not", then "(been) caught": at most a few words.
    let not = (auxiliary + 1..(auxiliary + 6).min(sentence.len()))
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| sentence.is_any(at, &["not", "never"]))?;
    // "were these not caught", "wasn't this (ever) caught": the subject may follow the "not".
    // "Why weren't the backups verified?", "why wasn't this released as a v2?": any step people
    // take, in the past. ("Why isn't license foo included?" asks about how things are now.)
    let past = sentence.is_any(auxiliary, &["was", "were", "had", "has", "have"]);
    let participle = (not + 1..(not + 5).min(sentence.len())).take_while(|&at| !sentence.is_punct(at)).find(|&at| {
        (past && is_human_action_participle(sentence.word(at)))
            || sentence.is_any(
                at,
                &[
                    "caught",
                    "noticed",
                    "detected",
                    "spotted",
                    "found",
                    "flagged",
                    "seen",
                    "tested",
                    "identified",
                    "prevented",
                ],
            )
    })?;
    (!never_showed_before(sentence, participle)).then(|| Hit::new("hindsight-why-didnt", question, participle))
}

/// "(Why) haven't we seen this before?", "how haven't we hit this previously?": a question about
/// why a fault never showed, not about why nobody noticed it.
fn never_showed_before(sentence: &Sentence, verb: usize) -> bool {
    sentence.is_any(verb, &["seen", "see", "hit", "encountered", "encounter", "experienced", "found"])
        && (verb + 1..(verb + 4).min(sentence.len())).any(|at| sentence.is_any(at, &["before", "previously"]))
}

/// "How did nobody notice", "how could we miss this", "how were these not caught in
/// the unit tests".
fn how_did_nobody(sentence: &Sentence, how: usize) -> Option<Hit> {
    // "How on earth did this pass QA?", "how the hell was this approved?": disbelief at what was
    // done, as "why on earth". ("How on earth do we fix this?" asks about now.)
    let intensified = (sentence.is(how + 1, "on") && sentence.is(how + 2, "earth"))
        || (sentence.is(how + 1, "the") && sentence.is_any(how + 2, &["hell", "heck"]));
    if intensified {
        let past = sentence.is_any(how + 3, &["did", "could", "was", "were", "had", "has", "have"]);
        return (past && sentence.is_question()).then(|| Hit::new("hindsight-why-didnt", how, how + 3));
    }
    // "How did they not test this?", "how do you not have a tested restore?": disbelief at a
    // check or a safeguard others went without.
    if let Some(hit) = how_did_they_not(sentence, how) {
        return Some(hit);
    }
    if sentence.is_any(how + 1, &["does", "do"]) {
        return got_past_a_gate(sentence, how);
    }
    if !sentence.is_any(how + 1, &["did", "could", "was", "were", "is", "are", "had", "has", "have"]) {
        return None;
    }
    if let Some(hit) = not_caught(sentence, how).or_else(|| got_past_a_gate(sentence, how)) {
        return Some(hit);
    }
    // "How didn't my tests catch it?", "how haven't we noticed?": "not" contracted onto the
    // auxiliary, so the subject comes after it.
    if sentence.is(how + 2, "not") {
        let owned = sentence.is_any(how + 3, &["my", "our", "the", "your", "their"]);
        let subject = how + 3 + usize::from(owned);
        let verb = skip_adverbs(sentence, subject + 1);
        let who = sentence.is_any(subject, &["we", "they", "anyone", "anybody", "he", "she", "you", "i"])
            || (owned
                && sentence.is_any(subject, &["tests", "test", "checks", "ci", "monitoring", "alerts", "reviewers"]));
        let caught = sentence.is_any(
            verb,
            &["notice", "noticed", "see", "seen", "catch", "caught", "spot", "spotted", "detect", "detected"],
        );
        return (who && caught && !never_showed_before(sentence, verb))
            .then(|| Hit::new("hindsight-why-didnt", how, verb));
    }
    // "How is it (that) no one put the brakes on?": disbelief at an omission, whatever the verb.
    // ("How is it possible that nobody tested the restore?")
    let how_is_it = sentence.is_any(how + 1, &["is", "was"]) && sentence.is(how + 2, "it");
    let possible = usize::from(how_is_it && sentence.is(how + 3, "possible"));
    let subject =
        if how_is_it { how + 3 + possible + usize::from(sentence.is(how + 3 + possible, "that")) } else { how + 2 };
    let word = sentence.word(subject);
    let nobody = matches!(word, "nobody" | "no-one") || (word == "no" && sentence.is(subject + 1, "one"));
    if how_is_it && nobody {
        let last = if word == "no" { subject + 1 } else { subject };
        return Some(Hit::new("hindsight-why-didnt", how, last));
    }
    let verb = skip_adverbs(sentence, if word == "no" { subject + 2 } else { subject + 1 });
    let missed = sentence.is_any(verb, &["miss", "missed", "overlook", "overlooked", "ignore", "ignored"])
        || (sentence.is(verb - 1, "not") && sentence.is_any(verb, &["notice", "see", "catch", "spot"]));
    let person = nobody || matches!(word, "we" | "they" | "anyone" | "he" | "she" | "you");
    // "How did nobody test the restore?"
    let seen = nobody
        && sentence.is_any(verb, &["notice", "see", "catch", "spot", "check", "test", "review", "verify", "question"]);
    if person && (missed || seen) {
        return Some(Hit::new("hindsight-why-didnt", how, verb));
    }
    could_they(sentence, how)
}

/// And "how does a company this size not do staged rollouts?", "how can the most valuable car
/// company in the world not have backups?": the subject may be a long noun phrase, so long as
/// it names people or an organisation. ("How do we not lose data when the node restarts?" and
/// "how can the cache not be warm?" ask.)
fn how_did_they_not(sentence: &Sentence, how: usize) -> Option<Hit> {
    if !sentence.is_any(how + 1, &["did", "do", "does", "can", "could"]) || !sentence.is_question() {
        return None;
    }
    let not = (how + 2..(how + 12).min(sentence.len()))
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| sentence.is_any(at, &["not", "never"]))?;
    let pronoun = not == how + 3 && sentence.is_any(how + 2, &["they", "you", "he", "she"]);
    let named = (how + 2..not).any(|at| {
        let token = sentence.tokens[at];
        is_role_noun(sentence.word(at)) || (token.capitalized && !is_function_word(sentence.word(at)))
    });
    // ("How can we make sure the on-call does not see stale alerts?" asks how to.)
    let clause_inside = (how + 2..not)
        .any(|at| sentence.is_any(at, &["we", "i", "make", "makes", "ensure", "sure", "that", "if", "when", "so"]));
    if !(pronoun || named) || clause_inside {
        return None;
    }
    let verb = skip_adverbs(sentence, not + 1);
    let checked = sentence.is_any(
        verb,
        &[
            "test", "check", "review", "verify", "validate", "notice", "see", "catch", "spot", "stage", "monitor",
            "read",
        ],
    );
    // ("How do you not have to restart it?" asks about a step.)
    let safeguard = has_a_safeguard(sentence, verb)
        || (sentence.is_any(verb, &["do", "use", "run"])
            && (verb + 1..(verb + 4).min(sentence.len()))
                .take_while(|&at| !sentence.is_punct(at))
                .any(|at| sentence.is_any(at, SAFEGUARDS) || sentence.is_any(at, &["staged", "phased", "gradual"])));
    (checked || safeguard).then(|| Hit::new("hindsight-why-didnt", how, verb))
}

/// "Did nobody review this change?", "didn't anyone test the restore?", "didnt they test
/// this at all?": a question that expects the answer no, about other people who did not act.
/// ("Did anyone see the alert?" asks; "didn't we page the DBA?" checks the writers' memory.)
fn did_nobody(sentence: &Sentence) -> Option<Hit> {
    let subject = if sentence.is(1, "not") { 2 } else { 1 };
    let word = sentence.word(subject);
    let nobody =
        subject == 1 && (matches!(word, "nobody" | "no-one") || (word == "no" && sentence.is(subject + 1, "one")));
    // "Didn't you test it?", "didn't you read the docs?": the reader asked about a check not made.
    let you_checked = word == "you"
        && sentence.is_any(
            skip_adverbs(sentence, subject + 1),
            &["test", "check", "read", "review", "verify", "validate", "try", "run", "think", "consider", "bother"],
        );
    // ("Did they not test this?" says the same as "didn't they".)
    // ("Did anyone not get the page?" asks who missed it.)
    let written_out = subject == 1
        && sentence.is(2, "not")
        && sentence.is_question()
        && matches!(word, "they" | "he" | "she" | "you");
    let anyone = (subject == 2 || written_out)
        && (matches!(word, "anyone" | "anybody" | "someone" | "somebody" | "they" | "he" | "she") || you_checked);
    let last = if word == "no" || written_out { subject + 1 } else { subject };
    if subject == 1
        && let Some(hit) = even_checked(sentence, 0)
    {
        return Some(hit);
    }
    (nobody || anyone).then(|| Hit::new("hindsight-why-didnt", 0, last))
}

/// "Does nobody review these changes?", "does no one test their backups anymore?": a check
/// doubted as no one's habit. ("Does nobody have access?" asks.)
fn does_nobody(sentence: &Sentence) -> Option<Hit> {
    let no_one = sentence.is(1, "no") && sentence.is(2, "one");
    if !(no_one || sentence.is_any(1, &["nobody", "no-one"])) {
        return None;
    }
    let verb = skip_adverbs(sentence, if no_one { 3 } else { 2 });
    let checked = sentence.is_any(verb, &["review", "test", "check", "read", "verify", "validate", "look", "monitor"]);
    checked.then(|| Hit::new("hindsight-why-didnt", 0, verb))
}

/// "Did they even test this?", "did anyone even read the docs?": the step doubted outright.
/// `did` is the "did" opening the question.
fn even_checked(sentence: &Sentence, did: usize) -> Option<Hit> {
    let doubted = sentence.is_any(did + 1, &["they", "anyone", "anybody", "you", "he", "she", "someone", "somebody"])
        && sentence.is(did + 2, "even")
        && sentence
            .is_any(did + 3, &["test", "check", "read", "review", "look", "try", "run", "bother", "think", "consider"]);
    doubted.then(|| Hit::new("hindsight-why-didnt", did, did + 3))
}

/// Whether the verb at `verb` is "have" with a safeguard in the next few words of its clause:
/// "have backups", "have a tested restore procedure", "have mandatory 2FA".
fn has_a_safeguard(sentence: &Sentence, verb: usize) -> bool {
    sentence.is(verb, "have")
        && (verb + 1..(verb + 5).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .any(|at| sentence.is_any(at, SAFEGUARDS) || sentence.is_any(at, &["staged", "phased", "gradual"]))
}

/// "Didn't they have backups?", "doesn't Cloudflare have canary deploys?", "don't they test
/// their updates?": a question that expects yes, about a safeguard or a check other people
/// are found without. ("Don't you have to restart it first?" and "didn't we have a call at
/// noon?" ask.)
fn didnt_they_have(sentence: &Sentence) -> Option<Hit> {
    // "Didn't they" (read as "did not they"), or "did they not", "does the team not".
    let subject_start = if sentence.is(1, "not") {
        2
    } else if sentence.is(2, "not") || (sentence.is_any(1, &["the", "their", "your"]) && sentence.is(3, "not")) {
        1
    } else {
        return None;
    };
    let subject_end =
        if sentence.is_any(subject_start, &["the", "their", "your"]) { subject_start + 1 } else { subject_start };
    let written_out = subject_start == 1;
    let subject = sentence.word(subject_end);
    let others = matches!(subject, "they" | "you" | "he" | "she")
        || is_role_noun(subject)
        || (subject_end == subject_start
            && sentence.tokens[subject_end].capitalized
            && subject_start == 2
            && !is_function_word(subject))
        || (written_out && subject_end == 1 && sentence.tokens[1].capitalized && !is_function_word(subject));
    if !others {
        return None;
    }
    let verb = skip_adverbs(sentence, subject_end + 1 + usize::from(written_out));
    let checked = sentence.is_any(verb, &["test", "check", "review", "verify", "validate", "monitor", "stage"])
        && !sentence.is(0, "did");
    let safeguard = has_a_safeguard(sentence, verb);
    (checked || safeguard).then(|| Hit::new("hindsight-why-didnt", 0, verb))
}

/// "I can't believe they pushed this to every machine at once", "I cannot believe nobody caught
/// this": others' step, or a step nobody took, met with disbelief. `believe` follows "can't".
/// ("I can't believe how fast the team fixed it" praises; "I can't believe it" names nothing;
/// "I can't believe we missed this" is the writers' own.)
/// Where the subject of the clause after a word of disbelief or surprise stands: after "that",
/// and at the role of "the vendor", "our contractor" (a person or an organisation by its role).
fn subject_after(sentence: &Sentence, word: usize) -> usize {
    let mut subject = word + 1;
    if sentence.is(subject, "that") && !sentence.is_punct(subject + 1) {
        subject += 1;
    }
    if sentence.is_any(subject, &["the", "our", "their"]) && is_role_noun(sentence.word(subject + 1)) {
        subject += 1;
    }
    subject
}

/// "amazed that nobody caught this", "surprised the vendor didn't test the update": the check
/// that nobody made, or that someone did not make, at the word of surprise `surprise`.
fn surprised_nobody_checked(sentence: &Sentence, surprise: usize) -> Option<Hit> {
    let subject = subject_after(sentence, surprise);
    let checks = |at: usize| {
        sentence.is_any(
            at,
            &[
                "caught",
                "spotted",
                "tested",
                "checked",
                "reviewed",
                "questioned",
                "flagged",
                "stopped",
                "thought",
                "saw",
                "asked",
                "verified",
                "validated",
                "read",
                "test",
                "check",
                "review",
                "verify",
                "validate",
                "catch",
                "notice",
                "think",
                "question",
            ],
        )
    };
    let verb = if is_nobody(sentence, subject + usize::from(sentence.is(subject, "no"))) {
        let verb = skip_adverbs(sentence, subject + 1 + usize::from(sentence.is(subject, "no")));
        let verb = if sentence.is_any(verb, &["had", "ever"]) { skip_adverbs(sentence, verb + 1) } else { verb };
        checks(verb).then_some(verb)?
    } else {
        let person =
            sentence.is_any(subject, &["they", "he", "she", "someone"]) || is_role_noun(sentence.word(subject));
        let negation = skip_adverbs(sentence, subject + 1);
        let not = sentence.is_any(negation, &["did", "had", "would", "could"]) && sentence.is(negation + 1, "not")
            || sentence.is(negation, "never");
        let verb = skip_adverbs(sentence, negation + if sentence.is(negation, "never") { 1 } else { 2 });
        (person && not && checks(verb)).then_some(verb)?
    };
    Some(Hit::new("hindsight-why-didnt", surprise, verb))
}

fn cannot_believe_they(sentence: &Sentence, believe: usize) -> Option<Hit> {
    let subject = subject_after(sentence, believe);
    // "It's insane that there was no canary", "I can't believe there were no alerts on the
    // queue": a safeguard others went without.
    let none = sentence.is(subject, "there")
        && sentence.is_any(subject + 1, &["was", "were", "is", "are"])
        && sentence.is(subject + 2, "no");
    if none {
        return (subject + 3..(subject + 6).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .find(|&at| sentence.is_any(at, SAFEGUARDS))
            .map(|at| Hit::new("hindsight-why-didnt", believe, at));
    }
    let nobody = is_nobody(sentence, subject + usize::from(sentence.is(subject, "no")));
    let others = nobody
        || sentence.is_any(subject, &["they", "he", "she", "anyone", "someone", "somebody"])
        || is_role_noun(sentence.word(subject))
        || (sentence
            .tokens
            .get(subject)
            .is_some_and(|token| token.capitalized && token.kind == crate::lint::text::Kind::Word)
            && !is_function_word(sentence.word(subject))
            && !sentence.is(subject, "i"));
    if !others {
        return None;
    }
    let after = subject + 1 + usize::from(sentence.is(subject, "no"));
    let verb = skip_adverbs(sentence, after);
    let acted = is_past_participle(sentence.word(verb))
        || sentence.is_any(after, &["still", "never", "actually", "really"])
        || sentence.is_any(verb, &["would", "did", "do", "does"]);
    // "I can't believe the team fixed it so fast", "they pulled this off": disbelief as praise.
    let praised = !nobody
        && (sentence.is_any(
            verb,
            &[
                "fixed",
                "resolved",
                "recovered",
                "restored",
                "solved",
                "managed",
                "pulled",
                "handled",
                "saved",
                "found",
                "caught",
                "noticed",
                "spotted",
                "rebuilt",
            ],
        ) || (verb..sentence.len()).any(|at| {
            sentence.is(at, "so") && sentence.is_any(at + 1, &["fast", "quickly", "well", "smoothly", "quick"])
        }));
    (acted && !praised).then(|| Hit::new("hindsight-why-didnt", believe.saturating_sub(2), verb))
}

/// "How did this pass QA?", "how did the change get through code review?": a gate people
/// keep, asked how it let this by. ("How did the request pass through the proxy?" is about a
/// machine's path.)
fn got_past_a_gate(sentence: &Sentence, how: usize) -> Option<Hit> {
    let end = clause_end(sentence, how + 2).min(how + 10);
    // "How does this even get past code review?": the present, made a reproach by "even". ("How
    // does a change get past code review? It needs two approvals." asks.)
    let reproach = sentence.is_any(how + 1, &["does", "do"]) && (how + 2..end).any(|at| sentence.is(at, "even"));
    if !(sentence.is(how + 1, "did") || reproach) || !sentence.is_question() {
        return None;
    }
    // "How did this get merged?", "how did the change get approved?": let through, as "past".
    let let_through = (how + 2..end).find(|&at| {
        sentence.is_any(at, &["merged", "approved"])
            && sentence.is(at - 1, "get")
            && sentence.is_any(how + 2, &["this", "that", "it", "the", "these", "those"])
    });
    if let Some(at) = let_through {
        return Some(Hit::new("hindsight-why-didnt", how, at));
    }
    // "How did this slip through?", "how did the bug sneak past our tests?": a change that got by
    // the people watching for it, whether or not the gate is named.
    // ("How did the packets slip through the firewall?" asks after a machine's path.)
    let change = sentence.is_any(how + 2, &["this", "that", "it", "these", "those"])
        || (sentence.is_any(how + 2, &["the", "a", "such", "this", "that"])
            && sentence.is_any(
                how + 3,
                &[
                    "bug",
                    "change",
                    "typo",
                    "regression",
                    "error",
                    "mistake",
                    "commit",
                    "pr",
                    "patch",
                    "flaw",
                    "vulnerability",
                ],
            ));
    let slipped = (how + 3..end).find(|&at| {
        sentence.is_any(at, &["slip", "sneak"]) && sentence.is_any(at + 1, &["through", "past", "by", "in", "into"])
    });
    if let Some(at) = slipped.filter(|_| change) {
        return Some(Hit::new("hindsight-why-didnt", how, at + 1));
    }
    // "How did this make it into a release?", "how did that make it to production?": shipped past
    // every gate on the way.
    let shipped = (how + 3..end).find(|&at| {
        sentence.is(at, "make")
            && sentence.is(at + 1, "it")
            && sentence.is_any(at + 2, &["into", "to", "past", "through"])
    });
    let shipped = shipped.filter(|_| change);
    if let Some(at) = shipped {
        let place = (at + 3..(at + 6).min(sentence.len())).any(|word| {
            sentence.is_any(
                word,
                &[
                    "release",
                    "releases",
                    "production",
                    "prod",
                    "main",
                    "master",
                    "trunk",
                    "review",
                    "qa",
                    "ci",
                    "tests",
                    "testing",
                    "build",
                    "builds",
                    "stable",
                ],
            )
        });
        if place {
            return Some(Hit::new("hindsight-why-didnt", how, at + 2));
        }
    }
    let passed = (how + 2..end).find(|&at| sentence.is_any(at, &["pass", "past", "through"]))?;
    let gate = (passed + 1..(passed + 4).min(sentence.len())).any(|at| {
        sentence.is_any(at, &["qa", "review", "reviews", "reviewers", "testing", "tests", "ci", "checks", "validation"])
    });
    gate.then(|| Hit::new("hindsight-why-didnt", how, passed))
}

/// "How could they push this to every machine at once?", "how could anyone not test this?":
/// disbelief at what others did. "How could anyone have known?" excuses them, and "how could
/// we detect this sooner?" asks about the future.
fn could_they(sentence: &Sentence, how: usize) -> Option<Hit> {
    // A company by name ("How could Microsoft lose all that data?"), not "How could I".
    let named = sentence.tokens.get(how + 2).is_some_and(|token| token.capitalized)
        && !is_function_word(sentence.word(how + 2))
        && !sentence.is_punct(how + 2);
    let others = named || sentence.is_any(how + 2, &["they", "he", "she", "anyone", "anybody", "someone", "somebody"]);
    if !sentence.is(how + 1, "could") || !others || !sentence.is_question() {
        return None;
    }
    let mut verb = skip_adverbs(sentence, how + 3);
    // ("not" may be read as an adverb of the verb group and passed over.)
    let negated = (how + 3..=verb).any(|at| sentence.is(at, "not"));
    if sentence.is_any(verb, &["not", "have"]) {
        verb = skip_adverbs(sentence, verb + 1);
    }
    let excuse = !negated
        && sentence.is_any(
            verb,
            &[
                "know",
                "known",
                "predict",
                "predicted",
                "foresee",
                "foreseen",
                "anticipate",
                "anticipated",
                "expect",
                "expected",
                "guess",
                "guessed",
                "tell",
                "told",
                "be",
                "been",
                "possibly",
            ],
        );
    // A company is asked about what it did wrong ("How could GitHub improve this?" asks for ideas).
    let misdeed = !named
        || negated
        || sentence.is_any(
            verb,
            &[
                "lose", "let", "ship", "push", "release", "deploy", "allow", "miss", "ignore", "forget", "break",
                "leak", "delete", "drop", "screw", "mess", "overlook",
            ],
        );
    (!excuse && misdeed && verb < sentence.len() && !sentence.is_punct(verb))
        .then(|| Hit::new("hindsight-why-didnt", how, verb))
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
    // "This was a completely avoidable outage": the incident called avoidable as it is named,
    // and "An entirely avoidable incident.", "Yet another preventable outage." as a verdict of
    // its own.
    let named = before >= 1
        && sentence.is_any(before - 1, &["a", "an", "another"])
        && sentence.is_any(
            index + 1,
            &[
                "outage", "incident", "failure", "mistake", "error", "breach", "problem", "disaster", "meltdown",
                "fiasco", "debacle", "crash", "downtime", "mess",
            ],
        );
    let mut opening = before.saturating_sub(1);
    if opening > 0 && sentence.is(opening - 1, "yet") {
        opening -= 1;
    }
    let verdict = if before >= 2 && sentence.is_any(before - 2, &["was", "is", "'s"]) {
        Some(before - 2)
    } else {
        // A fragment, not the subject of a definition: "A preventable outage is one where ...".
        let fragment = (opening == 0 || sentence.is_punct(opening - 1))
            && (index + 2 == sentence.len() || sentence.is_punct(index + 2));
        fragment.then_some(opening)
    };
    if let Some(first) = verdict.filter(|_| named && !sentence.is(index, "obvious"))
        && !(before.saturating_sub(4)..before).any(|at| sentence.is_any(at, &["not", "never"]))
    {
        return Some(Hit::new("hindsight-obvious", first, index + 1));
    }
    let copula = before > 0 && sentence.is_any(before - 1, &["was", "were", "is", "are", "been", "'s"]);
    let negated = (before.saturating_sub(3)..before)
        .any(|at| sentence.is_any(at, &["not", "never", "hardly", "nothing", "none"]))
        || (before >= 4 && sentence.is(before - 4, "none"));
    let afterwards = sentence.is_any(index + 1, &["now", "afterwards"])
        || (sentence.is_any(index + 1, &["in", "with"]) && sentence.is_any(index + 2, &["hindsight", "retrospect"]));
    let first = if copula { before - 1 } else { index };
    // "It's obvious now that we need better tooling" looks forward, not back.
    let forward =
        (index + 1..sentence.len()).any(|at| sentence.is_any(at, &["need", "needs", "must", "should", "will"]));
    // "I had assumed they were obvious": what someone expected others to find clear.
    let expected = (first.saturating_sub(4)..first)
        .any(|at| sentence.is_any(at, &["assumed", "assume", "thought", "expected", "believed", "hoped", "figured"]));
    // "Our usage is predictable" describes how a system behaves now, and "latency was
    // predictable after the fix" how it behaved.
    let measured = || {
        subject_before(sentence, before - 1).head.is_some_and(|head| {
            sentence.is_any(
                head,
                &[
                    "latency",
                    "latencies",
                    "load",
                    "traffic",
                    "usage",
                    "performance",
                    "throughput",
                    "behaviour",
                    "behavior",
                    "demand",
                    "growth",
                    "cost",
                    "costs",
                    "timing",
                    "output",
                ],
            )
        })
    };
    let behaviour = sentence.is(index, "predictable")
        && copula
        && (sentence.is_any(before - 1, &["is", "are", "'s"]) || measured());
    if forward || expected || behaviour {
        return None;
    }
    ((copula && !negated) || afterwards).then(|| Hit::new("hindsight-obvious", first, index))
}

/// "It is now clear that the rollout plan was flawed", "it's evident now that": what
/// was learned since, told as if it had been plain. ("It became clear that ..." tells
/// when it was learned; "it is now clear that we need ..." looks forward.)
fn clear_now(sentence: &Sentence, index: usize) -> Option<Hit> {
    let now_before = index > 0 && sentence.is(index - 1, "now");
    let copula = if now_before { index.checked_sub(2)? } else { index.checked_sub(1)? };
    // "It": what is clear is the clause that follows, not "the path is now clear".
    let about_a_clause = copula > 0 && sentence.is(copula - 1, "it");
    if !about_a_clause
        || !sentence.is_any(copula, &["is", "'s", "was"])
        || !(now_before || sentence.is(index + 1, "now"))
    {
        return None;
    }
    let forward =
        (index + 1..sentence.len()).any(|at| sentence.is_any(at, &["need", "needs", "must", "should", "will"]));
    (!forward).then(|| Hit::new("hindsight-obvious", copula, index))
}

/// "The leak was plain to see", "it was clear to see that the disk would fill": `adjective`
/// is "plain" or "clear", before "to see".
fn plain_to_see(sentence: &Sentence, adjective: usize) -> Option<Hit> {
    let mut copula = adjective.checked_sub(1)?;
    while copula > 0 && sentence.is_any(copula, &["all", "there", "so", "quite", "pretty", "very"]) {
        copula -= 1;
    }
    if !sentence.is_any(copula, &["was", "were"]) {
        return None;
    }
    let subject = subject_before(sentence, copula);
    let missed = subject.head.is_some_and(|head| {
        let word = sentence.word(head);
        MISSED_IN_PLAIN_SIGHT.contains(&word) || word == "it" && sentence.is(adjective + 3, "that")
    });
    missed.then(|| Hit::new("hindsight-obvious", copula, adjective + 2))
}

/// What people are told they missed when it is called plain to see.
const MISSED_IN_PLAIN_SIGHT: &[&str] = &[
    "warning", "warnings", "sign", "signs", "signal", "signals", "flags", "problem", "issue", "leak", "bug", "mistake",
    "error", "cause", "risk", "evidence", "clues",
];

/// "The warning signs were all there", "red flags were missed", "the clues were there all along".
fn signs_were_there(sentence: &Sentence, index: usize) -> Option<Hit> {
    if !sentence.is_any(index + 1, &["were", "was"]) {
        return None;
    }
    let after = skip_adverbs(sentence, index + 2);
    let there = sentence.is_any(after, &["there", "present", "missed", "ignored", "obvious", "clear", "everywhere"]);
    let before = index.checked_sub(1).filter(|&at| sentence.is_any(at, &["warning", "red", "the", "early"]))?;
    // ("warning signs" and "red flags" are one name; the article is not part of it.)
    let first = if sentence.is(before, "the") { index } else { before };
    there.then(|| Hit::new("hindsight-obvious", first, after))
}

#[cfg(test)]
mod tests {

    #[test]
    fn who_doesnt_have_working_backups_in_2017() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Who doesn't have working backups in 2017?", "Who doesn't have"),
                ("Who doesn't have a staging environment?", "Who doesn't have"),
            ],
        );
        assert_passes("hindsight", &["Who doesn't have access to the dashboard?", "Who does not have a laptop yet?"]);
    }

    #[test]
    fn skipping_the_canary_was_crazy() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Skipping the canary was crazy.", "Skipping the canary was crazy"),
                (
                    "Shipping kernel drivers without a staged rollout is insane.",
                    "Shipping kernel drivers without a staged rollout is insane",
                ),
                ("Not testing the failover was absolutely insane.", "Not testing the failover was absolutely insane"),
                ("Testing in production on a Friday is madness.", "Testing in production on a Friday is madness"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The amount of traffic was insane.",
                "Debugging this was crazy.",
                "Watching the graphs was crazy.",
                "Running at 100% CPU for hours was insane.",
                "Is running the migration at peak insane?",
                "Rolling back took an insane amount of time.",
                "Using Postgres for the queue is crazy fast.",
                "Deploying twice a day is insane productivity.",
            ],
        );
    }

    #[test]
    fn it_was_plain_as_day_and_anyone_could_have_seen_it_coming() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("The problem was plain as day in the logs.", "plain as"),
                ("It was as plain as the nose on my face.", "plain as"),
                ("Anyone could have seen this coming.", "seen this coming"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Nobody could have seen this coming.",
                "We never saw it coming.",
                "The text was as plain as the config allowed.",
                "We could see it coming back up on the dashboard.",
            ],
        );
        assert_flags(
            "hindsight-obvious",
            &[
                ("The warning signs were plain to see.", "were plain to see"),
                ("Looking back, the leak was clear to see.", "was clear to see"),
                ("It was plain to see that the disk would fill.", "was plain to see"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The results are plain to see in the graph below.",
                "The path was clear to see once the fog lifted.",
                "The dashboard was plain to see from the desk.",
            ],
        );
    }

    #[test]
    fn we_spent_too_much_time_on_the_wrong_hypothesis() {
        assert_flags(
            "hindsight-slow",
            &[
                ("We spent too much time on the wrong hypothesis.", "spent too much"),
                ("Spent too much time debugging the wrong service.", "Spent too much"),
            ],
        );
        assert_passes(
            "hindsight-slow",
            &["The job spent too long in the queue.", "Requests spent too much time waiting on locks."],
        );
    }

    #[test]
    fn it_was_right_in_front_of_us_and_a_time_bomb() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("The answer was right in front of us.", "right in front of us"),
                ("Everyone knew that server was a time bomb.", "time bomb"),
                ("The old cron job was a ticking time bomb.", "time bomb"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The dashboard is right in front of the on-call desk.",
                "This cron job is a time bomb; we replace it next sprint.",
            ],
        );
    }

    #[test]
    fn everyone_knew_this_would_break_eventually() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("Everyone knew this would break eventually.", "Everyone knew"),
                ("Everybody knew it was coming.", "knew it was coming"),
                ("Everyone knew the old cluster was going to fall over.", "Everyone knew"),
                ("Everybody could see this was going to fail.", "Everybody could see"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Everyone knew the deploy would take an hour.",
                "Everyone knew the password.",
                "Everyone knew where the runbook was.",
                "Everybody knew the release was coming on Tuesday, so we froze the branch.",
                "Everyone knew the release was coming.",
            ],
        );
    }

    #[test]
    fn we_were_far_too_slow_to_respond_or_to_pause_the_vault() {
        assert_flags(
            "hindsight-slow",
            &[
                ("We were far too slow to respond.", "We were far too slow to respond"),
                ("It took us far too long to notice.", "took us far too long to notice"),
                ("We were too slow to pause the vault.", "We were too slow to pause"),
                ("The signers were too slow to rotate the keys.", "signers were too slow to rotate"),
            ],
        );
        assert_passes(
            "hindsight-slow",
            &[
                "The disk was far too slow to keep up with the writes.",
                "The job was too slow to finish before the deadline.",
                "We were too late to save the data.",
                "We were too slow to be paged by the old alert.",
            ],
        );
    }

    #[test]
    fn that_was_not_the_right_call() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("That was not the right call.", "was not the right call"),
                ("Deploying on a Friday wasn't a good idea.", "wasn't a good idea"),
                ("That was not a smart decision.", "was not a smart decision"),
            ],
        );
        assert_passes(
            "hindsight-verdict",
            &[
                "It is not a good idea to deploy on Fridays.",
                "Restarting was not the best option we had.",
                "We were not the right team to own it.",
            ],
        );
    }

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
                "In hindsight bias, people overestimate how predictable events were.",
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
    fn the_rollout_was_done_too_quickly_and_we_moved_too_fast() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("The rollout was done too quickly.", "was done too quickly"),
                ("We moved too fast and broke things.", "We moved too fast"),
                ("I merged it too early.", "I merged it too early"),
                ("We were overconfident about the migration.", "We were overconfident"),
                ("We were too confident in our tests.", "We were too confident"),
                ("We were far too confident.", "We were far too confident"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The queue grew too fast for the consumers.",
                "It is too early to tell whether the fix holds.",
                "The job was done too quickly to notice.",
                "The alert fired too soon after the deploy.",
                "Traffic moved too fast through the old path for the cache to warm.",
                "The patch was released too early for the Debian maintainers to package it.",
                "We are not too confident the fix holds.",
                "The model was too confident in its predictions.",
            ],
        );
    }

    #[test]
    fn a_recipe_for_disaster_and_asking_for_trouble() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("That was a recipe for disaster.", "recipe for disaster"),
                (
                    "Running rm -rf on production at midnight while exhausted is asking for trouble.",
                    "asking for trouble",
                ),
            ],
        );
        assert_passes(
            "hindsight",
            &["The recipe for the build image is in the repo.", "Users were asking for trouble tickets to be merged."],
        );
    }

    #[test]
    fn in_my_haste_to_fix_the_first_issue() {
        assert_flags(
            "hindsight-verdict",
            &[("In my haste to fix the first issue I introduced a second one.", "In my haste")],
        );
        assert_passes(
            "hindsight",
            &["Make haste slowly, as the saying goes.", "The fix was written in haste but tested."],
        );
    }

    #[test]
    fn i_jumped_the_gun_on_merging_that_pr() {
        assert_flags("hindsight-verdict", &[("I jumped the gun on merging that PR.", "I jumped the gun")]);
        assert_passes("hindsight", &["The scheduler jumped the gun and started the job early."]);
    }

    #[test]
    fn the_warning_was_there_for_anyone_to_see() {
        assert_flags("hindsight-obvious", &[("The warning was there for anyone to see.", "for anyone to see")]);
        assert_passes(
            "hindsight",
            &[
                "We publish the status page for anyone to see.",
                "The dashboard was there for anyone to see, and the on-call saw it within a minute.",
            ],
        );
    }

    #[test]
    fn how_on_earth_did_this_pass_qa() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How on earth did this pass QA?", "How on earth did"),
                ("How the hell was this approved?", "How the hell was"),
            ],
        );
        assert_passes("hindsight", &["How on earth do we fix this?", "How on earth did it work before, we wondered."]);
    }

    #[test]
    fn clearly_the_decision_to_skip_load_testing_backfired() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Clearly, the decision to skip load testing backfired.", "decision to skip load testing backfired"),
                ("Our bet on a single region backfired.", "bet on a single region backfired"),
            ],
        );
        assert_passes("hindsight", &["The retry logic backfired under load.", "The plan backfired?"]);
    }

    #[test]
    fn the_mistake_was_not_testing_the_upgrade_path() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("The mistake was not testing the upgrade path.", "The mistake was not testing"),
                ("The real mistake was deploying on a Friday.", "The real mistake was deploying"),
                ("In the end, the main mistake was to skip the canary.", "the main mistake was to skip"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The mistake was causing errors on every request.",
                "The mistake was corrected within the hour.",
                "The mistake was still in the config on Monday.",
                "A mistake was made in the firewall rules.",
                "The mistake was to the left of the decimal point.",
                "The mistake was not testing related; it was a capacity limit.",
            ],
        );
    }

    #[test]
    fn it_seemed_like_a_good_idea_at_the_time() {
        assert_flags(
            "hindsight-phrase",
            &[
                ("It seemed like a good idea at the time.", "seemed like a good idea at the time"),
                ("This seemed like a great idea when I wrote it.", "seemed like a great idea"),
                ("It looked like a smart move when we made it.", "looked like a smart move"),
                ("It sounded like a good plan at the time.", "sounded like a good plan at the time"),
                ("It felt like a great idea back then.", "felt like a great idea back then"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It seemed like a good idea, so we tried it.",
                "At the time, the retry seemed reasonable.",
                "At the time, it felt like a one-off script, so we didn't test it.",
                "It looked like a good plan.",
                "The graph looked like a good fit at the time.",
            ],
        );
    }

    #[test]
    fn clearly_the_migration_plan_was_flawed() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Clearly, the migration plan was flawed.", "Clearly, the migration plan was flawed"),
                ("Obviously, the rollout plan was inadequate.", "Obviously, the rollout plan was inadequate"),
                ("The test coverage was clearly insufficient.", "was clearly insufficient"),
            ],
        );
        assert_passes(
            "hindsight",
            &["Clearly, the cache was cold.", "Obviously, the tests were green.", "The plan was flawed."],
        );
    }

    #[test]
    fn looking_at_it_now_shipping_on_a_friday_was_clearly_a_mistake() {
        assert_flags(
            "hindsight-phrase",
            &[("Looking at it now, shipping on a Friday was clearly a mistake.", "Looking at it now")],
        );
        assert_flags(
            "hindsight-verdict",
            &[
                ("Shipping on a Friday was clearly a mistake.", "was clearly a mistake"),
                ("It was obviously a bad idea to run the migration at peak.", "was obviously a bad idea"),
                ("This was the wrong call.", "was the wrong call"),
                ("Over time it became clear that Ansible was the wrong tool for the job.", "was the wrong tool"),
                ("It was a mistake to deploy on a Friday.", "was a mistake"),
                ("I regret now that I didn't check the other ports.", "regret"),
                ("This was a bad idea.", "was a bad idea"),
                ("That was a very clear miss in this incident.", "clear miss"),
                ("Communication was a miss.", "was a miss"),
                ("This was clearly a miss.", "was clearly a miss"),
                ("The migration gave the team a false sense of security.", "false sense of security"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The cause was a mistake in the config file.",
                "We regret the inconvenience this caused.",
                "We regret that customers were affected.",
                "Looking at it with the vendor, we found the bug.",
                "The lookup was a miss.",
                "Every request was a miss in the cache.",
                "It was a near miss.",
            ],
        );
    }

    #[test]
    fn inevitability_seen_afterwards() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("It was only a matter of time before the disk filled.", "only a matter of time"),
                ("The writing was on the wall for weeks.", "writing was on the wall"),
                ("Predictably, the cache fell over at peak.", "Predictably"),
                ("It was bound to happen eventually.", "bound to happen"),
                ("This was an accident waiting to happen.", "waiting to happen"),
                ("Something was bound to go wrong with two writers.", "bound to go"),
                ("The answer was staring us in the face.", "staring us in the face"),
                ("There were plenty of red flags.", "red flags"),
                ("Unsurprisingly, the disk filled up again.", "Unsurprisingly"),
                ("Needless to say, the backup was never tested.", "Needless to say"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The service is bound to port 8080.",
                "Requests were bound to the old pool.",
                "We were waiting to hear back from the vendor.",
                "The release is bound to go out on Monday.",
                "The linter flags red text in the dashboard.",
                "Feature flags were red in the dashboard.",
                "The operator was staring at the dashboard.",
                "We were waiting to happen upon a fix.",
                "With what we know now, we are adding a canary stage.",
                "Configuring build agents with inline scripts is bound to fail.",
            ],
        );
        assert_flags(
            "hindsight-phrase",
            &[
                ("It is easy to see now that the rollout was doomed.", "easy to see"),
                ("With what we know now, the rollout plan was too aggressive.", "what we know now"),
                ("Retrospectively, the migration was rushed.", "Retrospectively"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Knowing the outcome, it is easy to see the event as being predictable.",
                "The cache predictably evicts the oldest keys first.",
            ],
        );
        assert_passes("minimizing", &["It was only a matter of time before the disk filled."]);
    }

    #[test]
    fn the_warning_signs_were_obvious() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("The warning signs were obvious.", "warning signs were obvious"),
                ("The threshold change could have been a sign we missed.", "sign we missed"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "I had given them tools without comment and had assumed they were obvious.",
                "None of this was obvious while it was happening.",
            ],
        );
    }

    #[test]
    fn we_were_slow_to_notice() {
        assert_flags(
            "hindsight-slow",
            &[
                ("We were slow to notice the disk filling up.", "We were slow to notice"),
                ("The team took too long to escalate.", "team took too long to escalate"),
                ("It took us too long to react.", "took us too long to react"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It took too long to complete the backup.",
                "The query was slow to return results.",
                "Redis was slow to respond.",
                "The team was slow to get paged because PagerDuty was misconfigured.",
            ],
        );
    }

    #[test]
    fn the_graphs_clearly_show_the_spike() {
        // Evidence in the present tense is the write-up pointing at its graphs.
        assert_passes(
            "hindsight",
            &["The graphs clearly show the spike at 14:02.", "The logs clearly indicate a retry storm."],
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
                ("How were these not caught in the unit tests?", "How were these not caught"),
                ("How long has this been broken, and how haven't we noticed?", "how haven't we noticed"),
                ("And how didn't my tests catch it", "how didn't my tests catch"),
                ("Why wasn't this caught in review?", "Why wasn't this caught"),
            ],
        );
        assert_passes("hindsight", &["How haven't we seen this before?", "How didn't the cache get invalidated?"]);
    }

    #[test]
    fn in_my_infinite_wisdom_and_not_surprisingly() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("In my infinite wisdom, I decided to skip the tests.", "my infinite wisdom"),
                ("Why, in all my wisdom, did I take a late project?", "all my wisdom"),
            ],
        );
        assert_flags("hindsight-obvious", &[("Not surprisingly, the migration failed.", "Not surprisingly")]);
        assert_passes(
            "hindsight",
            &["The infinite wisdom of the crowd.", "The results were not surprisingly different."],
        );
    }

    #[test]
    fn why_you_merged_so_quickly() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Could you comment on why you merged so quickly?", "why you merged"),
                ("I'm curious why you introduced breaking changes in a patch release.", "why you introduced"),
                ("Why did you deploy on a Friday?", "Why did you deploy"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "This is why you received a 503 during the outage.",
                "Why did you receive this email?",
                "That is why you should always pin versions.",
            ],
        );
    }

    #[test]
    fn how_could_they_push_this_to_every_machine_at_once() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How could they push this to every machine at once?", "How could they push"),
                ("How could anyone not test this before release?", "How could anyone not test"),
                ("How could he have missed something this big?", "How could he have missed"),
                ("How could Microsoft lose all that user data?", "How could Microsoft lose"),
                ("How could Microsoft not test this?", "How could Microsoft not test"),
                ("How could they not know?", "How could they not know"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "How could we detect this sooner?",
                "How could anyone have known?",
                "How could they have known?",
                "How could GitHub improve this?",
                "How could Kubernetes handle this?",
                "How could they tell the difference?",
                "How could they push this to every machine at once.",
            ],
        );
    }

    #[test]
    fn who_thought_it_was_a_good_idea_to_deploy_on_a_friday() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Who thought it was a good idea to deploy on a Friday?", "Who thought it was a good idea"),
                ("Whose bright idea was it to push to every machine at once?", "Whose bright idea"),
                ("Testing in production, what could possibly go wrong?", "what could possibly go wrong"),
                ("Deploying on a Friday was a mistake.", "was a mistake"),
                ("The decision to skip the canary was a mistake.", "was a mistake"),
                ("Not testing the failover was a mistake.", "was a mistake"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Who has a good idea for the project name?",
                "It was a good idea to add the alert.",
                "Those who thought it was a good idea have since changed their minds.",
                "What could go wrong during the migration is listed below.",
                "This could possibly affect every tenant.",
                "Nothing was a mistake in the rollback.",
            ],
        );
    }

    #[test]
    fn turns_out_that_was_wrong() {
        assert_flags(
            "hindsight-verdict",
            &[
                (
                    "So I thought it was safe to delete the old cluster, turns out that was wrong.",
                    "turns out that was wrong",
                ),
                ("Skipping the canary turned out to be a mistake.", "turned out to be a mistake"),
                ("Our plan turned out to be a bad idea.", "turned out to be a bad idea"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It turned out the config was wrong.",
                "It turned out that the wrong volume was mounted.",
                "The alert turned out to be wrong about the cause of the latency.",
            ],
        );
        assert_flags(
            "hindsight-slow",
            &[(
                "It took over three hours after the provisioner deployment to even notice that something was wrong.",
                "took over three hours after the provisioner deployment to even notice",
            )],
        );
        assert_flags("hindsight-why-didnt", &[("Why oh why did I delete the repo?", "Why oh why did I")]);
    }

    #[test]
    fn you_would_think_a_company_this_big_would_test_its_updates() {
        assert_flags(
            "hindsight-should-have-known",
            &[
                ("You would think a company this big would test its updates.", "You would think"),
                ("One would expect better from a vendor this size.", "One would expect"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "You would think the cache helps, but it doesn't.",
                "I would think so.",
                "You'd expect a 200 here.",
                "Matching worked as one would expect regardless of form would be a big undertaking.",
                "You'd think setting the limit to 1K would prevent bigger chunks.",
            ],
        );
    }

    #[test]
    fn why_was_there_no_canary() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Why was there no canary?", "Why was there no canary"),
                ("Why were there no alerts on disk usage?", "Why were there no alerts"),
                ("Why on earth was this deployed on a Friday?", "Why on earth was this deployed"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Why is there no rollback plan?",
                "Why was there no traffic between 02:00 and 03:00?",
                "Why was this deployed on a Friday?",
            ],
        );
    }

    #[test]
    fn told_you_so() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("Told you so.", "Told you so"),
                ("Well, I told you so.", "I told you so"),
                ("Surprise, surprise, the backups didn't work.", "Surprise, surprise"),
                ("Everyone saw this coming except them.", "saw this coming"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "I told you so many times that the demo would run late.",
                "The surprise party was a surprise.",
                "Nobody saw this coming except the monitoring.",
                "We told you the maintenance window in advance.",
            ],
        );
    }

    #[test]
    fn it_was_a_bad_assumption() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("It was a bad assumption.", "was a bad assumption"),
                ("It was a faulty assumption.", "was a faulty assumption"),
                ("That was a wrong assumption.", "was a wrong assumption"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "A bad assumption in the parser caused the bug.",
                "The parser makes a bad assumption about encodings.",
                "It was a faulty cable.",
                "It was a mistake in the config.",
            ],
        );
    }

    #[test]
    fn this_should_have_been_a_red_flag() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("This should have been a red flag.", "should have been a red flag"),
                ("It should have been a wake-up call.", "should have been a wake-up call"),
                ("That should have set off alarm bells.", "should have set off alarm bells"),
                ("Alarm bells should have rung when latency doubled.", "Alarm bells should"),
                ("That should have tipped us off.", "should have tipped us off"),
                ("The error rate should have raised eyebrows.", "should have raised eyebrows"),
                ("Nobody connected the dots.", "connected the dots"),
                ("We didn't connect the dots until the next morning.", "connect the dots"),
            ],
        );
        assert_flags(
            "hindsight-phrase",
            &[
                ("With 20/20 hindsight, the failover should have been manual.", "With 20/20 hindsight"),
                ("In perfect hindsight, we would have waited.", "In perfect hindsight"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The dashboard should show a red flag when the queue is full.",
                "We use a red flag emoji for sev1.",
                "The alarm bells should ring when the disk is full.",
                "The new dashboard connects the dots between traces and logs.",
                "A customer tipped us off at 14:05.",
                "That raised eyebrows in the meeting.",
                "Hindsight bias is real.",
            ],
        );
    }

    #[test]
    fn an_entirely_avoidable_incident() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("An entirely avoidable incident.", "An entirely avoidable incident"),
                ("Yet another preventable outage.", "Yet another preventable outage"),
                ("An avoidable outage, but one we learned from.", "An avoidable outage"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "A preventable outage is one where a check existed.",
                "We want to learn from every avoidable incident.",
                "An obvious mistake.",
            ],
        );
    }

    #[test]
    fn naively_we_assumed_the_backups_worked() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Naively, we assumed the backups worked.", "Naively, we assumed"),
                ("We naively assumed the backups worked.", "We naively assumed"),
                ("It was naive to assume the backups worked.", "It was naive to assume"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "A naively written loop is quadratic.",
                "Naively, the algorithm scans every row.",
                "The naively computed hash collides.",
            ],
        );
    }

    #[test]
    fn the_operator_made_an_incorrect_assumption() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("The operator made an incorrect assumption.", "incorrect assumption"),
                ("The developer made a wrong assumption about the API.", "wrong assumption"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The parser made a wrong assumption about the encoding.",
                "A bad decision by the scheduler evicted the pod.",
                "Avoid making a wrong assumption.",
                "The function returns the incorrect value.",
            ],
        );
    }

    #[test]
    fn they_should_know_better() {
        assert_flags(
            "hindsight-should-have-known",
            &[
                ("They really should know better.", "They really should know better"),
                ("They ought to know better.", "They ought to know better"),
                ("I'd expect better from Microsoft.", "I'd expect better"),
                ("We expected more from a company this size.", "We expected more"),
                ("A company this big should know better.", "company this big should know better"),
                ("A vendor of their size ought to know better.", "vendor of their size ought to know better"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "You should know better than to use unwrap.",
                "Users should know better than to share passwords.",
                "We expected more traffic from the campaign.",
                "I expected better results from the cache.",
                "A company this big should know its numbers better.",
            ],
        );
    }

    #[test]
    fn who_deploys_on_a_friday() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Who deploys on a Friday?", "Who deploys"),
                ("Who pushes to prod without testing?", "Who pushes"),
                ("Who tests in production on a Friday?", "Who tests"),
                ("Who tests in prod?", "Who tests"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Who deploys the billing service?",
                "Who deploys on Friday.",
                "Who tests the billing service in staging?",
            ],
        );
    }

    #[test]
    fn who_doesnt_test_their_backups_and_what_happens_when() {
        assert_flags("hindsight-why-didnt", &[("Who doesn't test their backups?", "Who doesn't test")]);
        assert_flags(
            "hindsight-obvious",
            &[
                ("This is what happens when you fire your QA team.", "This is what happens when"),
                ("This was a completely avoidable outage.", "was a completely avoidable outage"),
                ("It was a preventable disaster.", "was a preventable disaster"),
                ("The debacle was entirely avoidable.", "was entirely avoidable"),
            ],
        );
        assert_flags(
            "hindsight-slow",
            &[("We were slow to communicate with customers.", "We were slow to communicate")],
        );
        assert_passes(
            "hindsight",
            &[
                "Who doesn't have access to the dashboard?",
                "What happens when the cache is full?",
                "There was an obvious spike in latency at 14:02.",
                "This was not an avoidable outage.",
                "That's a predictable issue with caches.",
            ],
        );
    }

    #[test]
    fn we_were_too_quick_to_blame_the_network() {
        assert_flags("hindsight-verdict", &[("We were too quick to blame the network.", "We were too quick to")]);
        assert_flags("hindsight-obvious", &[("The warning signs were everywhere.", "warning signs were everywhere")]);
        assert_passes("hindsight", &["The query was too fast to measure.", "Signs were everywhere in the lobby."]);
    }

    #[test]
    fn oh_how_naive_we_were_and_my_merge_was_a_mistake() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Oh, how naive we were.", "how naive we were"),
                ("We were so naive to trust the default.", "We were so naive"),
                ("My merge was a mistake, this is not ready.", "was a mistake"),
                ("That was naive of us.", "was naive of us"),
                ("It was naive of me to trust the cache.", "was naive of me"),
                (
                    "Our assumption that the cache would hold was wrong.",
                    "assumption that the cache would hold was wrong",
                ),
                ("The estimate was simply wrong.", "estimate was simply wrong"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "A naive implementation reads the whole file.",
                "The naive approach of the parser is fast.",
                "The value was wrong.",
                "Was the assumption wrong?",
                "The mistake was in the config.",
                "The release was a success.",
            ],
        );
    }

    #[test]
    fn why_werent_the_backups_verified() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Why weren't the backups verified?", "Why weren't the backups verified"),
                ("Why wasn't this released as a v2?", "Why wasn't this released"),
                ("Why was this merged without review?", "Why was this merged without"),
                ("Why was this published without a changelog entry?", "Why was this published without"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Why wasn't the disk full alert firing?",
                "Why was the backup verified twice?",
                "Why was the request served without a cache hit?",
            ],
        );
    }

    #[test]
    fn the_rollout_was_far_too_aggressive() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("1.0 was way too big.", "was way too big"),
                ("The cadence of deprecations was way too fast.", "was way too fast"),
                ("The rollout was far too aggressive.", "was far too aggressive"),
                ("The migration plan was much too ambitious.", "was much too ambitious"),
            ],
        );
        assert_flags(
            "hindsight-why-didnt",
            &[("In other decisions made on this PR: why oh why did I delete the ECR repo", "why oh why did I")],
        );
        assert_passes(
            "hindsight",
            &[
                "The spike was way too big for the cache.",
                "The timeout was way too large.",
                "The file is far too large to attach.",
                "Why did the job delete the repo?",
            ],
        );
    }

    #[test]
    fn the_merge_was_a_bit_premature() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("Mmh, the merge was a bit premature.", "was a bit premature"),
                ("The decision to fail over was hasty.", "was hasty"),
                ("Our choice of a single region was short-sighted.", "was short-sighted"),
                ("The decision to skip the canary was shortsighted.", "was shortsighted"),
            ],
        );
        assert_flags(
            "hindsight-why-didnt",
            &[("How is it no one put the brakes on the deprecations?", "How is it no one")],
        );
        assert_passes(
            "hindsight",
            &[
                "The alert was premature.",
                "A premature optimisation made the code hard to read.",
                "He is short-sighted and wears glasses.",
                "How is it that the cache never expires?",
            ],
        );
    }

    #[test]
    fn why_havent_we_seen_this_before_asks_about_the_fault() {
        assert_passes("hindsight", &["Why haven't we seen this before?", "Why didn't we hit this bug previously?"]);
        assert_flags("hindsight-why-didnt", &[("Why didn't we see this sooner?", "Why didn't we")]);
        assert_flags(
            "hindsight-should-have-known",
            &[("We've been bitten by this before, I should have remembered.", "should have remembered")],
        );
    }

    #[test]
    fn why_on_earth_would_you_push_to_every_machine() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Why on earth would you push to all machines at once?", "Why on earth would you"),
                ("Why would anyone push this to every machine?", "Why would anyone"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Why would we need a second region?",
                "Why would the cache return stale data?",
                "Why in the world is this test flaky?",
                "Why on earth would you push to all machines at once.",
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
                ("The warning signs were present.", "warning signs were present"),
                ("The outage was entirely avoidable.", "was entirely avoidable"),
                ("Obviously, nobody checked the disk usage before the upgrade.", "Obviously"),
                ("The outage was entirely predictable.", "was entirely predictable"),
            ],
        );
        // How a system behaves now, not an outcome judged.
        assert_passes(
            "hindsight",
            &[
                "Our usage is predictable, so there's no reason not to start simple.",
                "Latency was predictable after the fix.",
                "Traffic was very predictable that week.",
            ],
        );
    }

    #[test]
    fn the_clues_were_there_all_along() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("The clues were there all along.", "clues were there"),
                ("Looking back, the clues were all there.", "clues were all there"),
            ],
        );
        assert_passes("hindsight", &["The clues were in the slow-query log.", "The clues were hard to find."]);
    }

    #[test]
    fn its_only_a_matter_of_time_foretells() {
        assert_passes("hindsight", &["It's only a matter of time before you've got blood and feathers everywhere."]);
        assert_flags(
            "hindsight-obvious",
            &[("It was only a matter of time before the disk filled.", "only a matter of time")],
        );
    }

    #[test]
    fn inevitably_tells_a_design_or_a_verdict() {
        assert_flags("hindsight-obvious", &[("Inevitably, the queue backed up.", "Inevitably")]);
        assert_passes("hindsight", &["Inevitably, some requests will fail during a failover."]);
    }

    #[test]
    fn did_they_even_test_this() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Did they even test this?", "Did they even test"),
                ("Did anyone even read the docs?", "Did anyone even read"),
                ("This release broke everything, did anyone even run the tests?", "did anyone even run"),
            ],
        );
        assert_passes(
            "hindsight",
            &["Did they even notice the banner?", "Did you test this on ARM?", "So, did you test this on ARM?"],
        );
    }

    #[test]
    fn its_easy_to_criticise_in_hindsight() {
        assert_passes(
            "hindsight",
            &["It's easy to criticize in hindsight.", "It is unfair to judge the on-call engineer with hindsight."],
        );
        assert_flags("hindsight-phrase", &[("In hindsight, it was easy to judge the risk.", "In hindsight")]);
    }

    #[test]
    fn nobody_should_be_surprised() {
        assert_flags("hindsight-obvious", &[("Nobody should be surprised by this.", "Nobody should be surprised")]);
        assert_passes(
            "hindsight",
            &[
                "You should be surprised how fast it recovers.",
                "Nobody should be surprised if the job takes an hour.",
                "No surprise there: the cache was cold after the restart.",
            ],
        );
    }

    #[test]
    fn its_no_surprise_that_the_launch_failed() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("I think it's no surprise that the game didn't turn out quite like I'd hoped.", "no surprise"),
                ("Well, this shouldn't come as a surprise to anyone.", "shouldn't come as a surprise"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It's no surprise that traffic peaks on Mondays.",
                "Coming back online, though I wouldn't be surprised if it goes down again.",
                "To most trainers' surprise, the game was not released by Nintendo.",
            ],
        );
    }

    #[test]
    fn boy_was_i_wrong() {
        assert_flags(
            "hindsight-verdict",
            &[("Boy was I wrong.", "was I wrong"), ("Was I ever wrong.", "Was I ever wrong")],
        );
        assert_passes("hindsight", &["Was I wrong to restart it?", "If I was wrong, the graphs would show it."]);
    }

    #[test]
    fn how_did_this_get_merged() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How did this get merged?", "How did this get merged"),
                ("How did the change get approved without a second reviewer?", "How did the change get approved"),
            ],
        );
        assert_passes("hindsight", &["How did you get merged results from both APIs?"]);
    }

    #[test]
    fn does_nobody_review_these_changes_and_it_is_insane_there_was_no_canary() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Does nobody review these changes?", "Does nobody review"),
                ("Does no one test their backups anymore?", "Does no one test"),
                ("It's insane that there was no canary.", "insane that there was no canary"),
                ("I can't believe there were no alerts on the queue.", "believe there were no alerts"),
                ("How do you not have staged rollouts?", "How do you not have"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Does nobody have access to the vault?",
                "It's insane that there was no traffic at all during the outage.",
                "Do you not have staging access yet? Ask in #infra.",
            ],
        );
    }

    #[test]
    fn how_does_this_even_get_past_code_review() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How does this even get past code review?", "How does this even get past"),
                ("How do these bugs even make it into a release?", "How do these bugs even make it into"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "How does a change get past code review? It needs two approvals.",
                "How do we miss fewer alerts?",
                "How does this even work?",
            ],
        );
    }

    #[test]
    fn how_did_nobody_test_the_restore() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How did nobody test the restore?", "How did nobody test"),
                ("How is it possible that nobody tested the restore?", "How is it possible that nobody"),
                ("Why would they push to every machine at once?", "Why would they"),
            ],
        );
        assert_passes(
            "hindsight",
            &["Why would they need a second region?", "How did nobody get paged? The rota was empty that week."],
        );
    }

    #[test]
    fn obviously_production_should_not_be_broken() {
        assert_passes(
            "hindsight",
            &["Obviously, production should not be broken.", "Obviously, it doesn't work with IPv6 yet."],
        );
        assert_flags(
            "hindsight-obvious",
            &[
                ("Obviously, we should not have deployed on a Friday.", "Obviously"),
                ("Obviously, the backup was not tested.", "Obviously"),
            ],
        );
    }

    #[test]
    fn the_response_was_too_slow_and_why_did_it_take_three_hours_to_roll_back() {
        assert_flags(
            "hindsight-slow",
            &[
                ("The response was too slow.", "response was too slow"),
                ("Our rollback was far too slow.", "rollback was far too slow"),
                ("The escalation was too late.", "escalation was too late"),
                ("We realized too late that the backups were empty.", "We realized too late"),
                ("The team discovered too late that the disk was full.", "team discovered too late"),
                ("I found out too late.", "I found out too late"),
                ("It took the team forever to notice.", "took the team forever to notice"),
                ("It took way too long to roll back.", "It took way too long to roll"),
            ],
        );
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Why did it take three hours to roll back?", "Why did it take three hours to roll"),
                ("Why did it take so long to notice?", "Why did it take so long to notice"),
            ],
        );
        assert_flags(
            "hindsight-obvious",
            &[
                ("Anyone could see this was going to fail.", "Anyone could see"),
                ("Everyone could tell it would break.", "Everyone could tell"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The disk was far too slow.",
                "Was the response too slow?",
                "Why does it take a second to start?",
                "Why did it take 2 hours for the build to finish?",
                "Anyone could see the dashboard.",
                "The alert fired too late.",
                "It was too late to roll back.",
                "Did we realize too late?",
                "It takes forever to compile.",
                "It took forever to load the page.",
            ],
        );
    }

    #[test]
    fn a_template_asks_what_in_hindsight_you_wish_you_had_known() {
        assert_passes(
            "hindsight",
            &[
                "Also include information the team didn't know during the incident that, in hindsight, you wish you would have.",
            ],
        );
        assert_flags("hindsight-phrase", &[("Include, in hindsight, the step we skipped.", "in hindsight")]);
    }

    #[test]
    fn everyone_knew_this_was_coming_and_it_was_always_going_to_fail() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("Everyone knew this was coming.", "knew this was coming"),
                ("The failure was inevitable.", "was inevitable"),
                ("It was always going to fail.", "was always going to fail"),
                ("It was clear from the start that this would fail.", "was clear from the start"),
                ("It was obvious from day one that the design would not scale.", "was obvious from day one"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Nobody knew this was coming.",
                "A restart is inevitable after an upgrade.",
                "The job was always going to run at midnight.",
                "It was clear from the logs that the disk was full.",
            ],
        );
    }

    #[test]
    fn how_did_they_not_test_this() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How did they not test this?", "How did they not test"),
                ("How do you not have a tested restore procedure?", "How do you not have"),
                ("How did the engineers not notice the alert?", "How did the engineers not notice"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "How does the cache not know about the eviction?",
                "How do you not have to restart it?",
                "How did they test this?",
            ],
        );
    }

    #[test]
    fn what_kind_of_company_doesnt_have_backups_imagine_not_having_them() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("What kind of company doesn't have backups?", "What kind of company"),
                ("What kind of team would ship this on a Friday?", "What kind of team"),
                ("Imagine not having backups.", "Imagine not having"),
                ("Imagine not testing your restore.", "Imagine not testing"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "What kind of test would catch this?",
                "What kind of team do you work on?",
                "Imagine not having to wake up at 3 AM.",
                "Imagine a world without bugs.",
                "I can't imagine not having backups.",
            ],
        );
    }

    #[test]
    fn i_cant_believe_they_pushed_this_to_every_machine_at_once() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("I can't believe they pushed this to every machine at once.", "can't believe they pushed"),
                ("Can't believe nobody caught this.", "Can't believe nobody caught"),
                ("We can't believe the vendor would do this.", "can't believe the vendor would"),
                ("I can’t believe they still deploy on Fridays.", "can’t believe they still deploy"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "I can't believe how fast the team fixed it.",
                "I can't believe it.",
                "I can't believe that worked.",
                "You can't believe everything you read.",
                "I can't believe the team fixed it so fast.",
                "I can't believe the engineers pulled this off.",
            ],
        );
    }

    #[test]
    fn its_amazing_that_nobody_caught_this() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("It's amazing that nobody caught this.", "amazing that nobody caught"),
                ("I'm surprised no one tested the restore.", "surprised no one tested"),
                ("I'm surprised the vendor didn't test the update.", "surprised the vendor didn't test"),
                ("I'm shocked they didn't review it.", "shocked they didn't review"),
                ("We were surprised that nobody had tested the failover.", "surprised that nobody had tested"),
            ],
        );
        assert_flags("hindsight-obvious", &[("Nobody should be surprised by this.", "Nobody should be surprised")]);
        assert_passes(
            "hindsight",
            &[
                "I'm amazed they restored it in ten minutes.",
                "I'm amazed nobody got hurt.",
                "I'm surprised nobody has reported this before.",
                "It's surprising that the compiler doesn't warn.",
                "Amazing that nobody noticed the downtime.",
                "I was surprised that the test passed.",
                "You'll be amazed how fast it is.",
            ],
        );
    }

    #[test]
    fn its_insane_that_they_pushed_to_all_customers_at_once() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("It's insane that they pushed to all customers at once.", "It's insane that they pushed"),
                ("Unbelievable that they don't canary their updates.", "Unbelievable that they do"),
                ("It's baffling that nobody caught this.", "It's baffling that nobody caught"),
                ("Hard to believe that nobody tested it.", "Hard to believe that nobody tested"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It's crazy that we managed to restore everything in ten minutes.",
                "It's wild that the team fixed it so fast.",
                "It's absurd that the API returns 200 on errors.",
                "It's shocking that our cache never expired.",
                "Hard to believe, but the disk was full.",
                "It is hard to believe how fast it recovered.",
            ],
        );
    }

    #[test]
    fn how_does_a_company_this_size_not_do_staged_rollouts() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How does a company this size not do staged rollouts?", "How does a company this size not do"),
                (
                    "How can the most valuable car company in the world not have backups?",
                    "How can the most valuable car company in the world not have",
                ),
                ("How did CrowdStrike not test this update?", "How did CrowdStrike not test"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "How do we not lose data when the node restarts?",
                "How can the cache not be warm after a restart?",
                "How does Kubernetes not restart the pod?",
                "How can we make sure the on-call does not see stale alerts?",
                "How do you make sure users do not have stale tokens?",
            ],
        );
    }

    #[test]
    fn didnt_they_have_backups() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("Didn't they have backups?", "Didn't they"),
                ("Didn't you have mandatory 2FA?", "Didn't you have"),
                ("Doesn't Cloudflare have canary deploys?", "Doesn't Cloudflare have"),
                ("Don't they test their updates?", "Don't they test"),
                ("Do they not have a staging environment?", "Do they not have"),
                ("Does Cloudflare not have canaries?", "Does Cloudflare not have"),
                ("Does the team not have backups?", "Does the team not have"),
            ],
        );
        assert_flags("hindsight-why-didnt", &[("Did they not test this?", "Did they not")]);
        assert_passes(
            "hindsight",
            &[
                "Don't you have to restart it first?",
                "Didn't we have a call at noon?",
                "Doesn't this have tests?",
                "Don't the tests check this?",
                "Doesn't Postgres have a setting for that?",
                "Does Postgres not have a setting for that?",
                "Do we not have a call at noon?",
                "Did anyone not get the page?",
                "They didn't have backups.",
            ],
        );
    }

    #[test]
    fn how_did_this_pass_qa_and_did_nobody_review_it() {
        assert_flags(
            "hindsight-why-didnt",
            &[
                ("How did this pass QA?", "How did this pass"),
                ("How did the change get through code review?", "How did the change get through"),
                ("How did this slip past the tests?", "How did this slip past"),
                ("How did this slip through?", "How did this slip through"),
                ("How did the bug sneak in?", "How did the bug sneak in"),
                ("How did this make it into a release?", "How did this make it into"),
                ("How did that make it to production?", "How did that make it to"),
                ("Did nobody review this change?", "Did nobody"),
                ("Did no one check the backups?", "Did no one"),
                ("Didn't anyone test the restore?", "Didn't anyone"),
                ("Didnt they test this at all?", "Didnt they"),
                ("Didn't you test it?", "Didn't you"),
            ],
        );
        assert_flags(
            "hindsight-verdict",
            &[
                ("What were they thinking?", "What were they thinking"),
                ("What were we thinking?", "What were we thinking"),
                ("What was I thinking?!", "What was I thinking"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "How did the request pass through the proxy?",
                "How did this pass QA, and what can we learn from it.",
                "Did anyone see the alert?",
                "Didn't we page the DBA at 14:05?",
                "Didn't you see my message?",
                "What were they thinking at the time?",
                "What were we thinking about when we chose the region?",
                "What was he thinking about when the page came in?",
                "How did the change get to production?",
                "How did the team make it to the office in the storm?",
                "How did the packets slip through the firewall rules we tested?",
            ],
        );
    }

    #[test]
    fn that_proved_to_be_a_costly_mistake() {
        assert_flags(
            "hindsight-verdict",
            &[
                ("That proved to be a costly mistake.", "proved to be a costly mistake"),
                ("It turned out to be a terrible idea.", "turned out to be a terrible idea"),
                ("In the end, skipping the canary was a mistake.", "was a mistake"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "The fix proved to be simple.",
                "It turned out to be a bug in the driver.",
                "In the end, the cause was a mistake in the config.",
            ],
        );
    }

    #[test]
    fn of_course_the_backup_had_never_been_tested() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("Of course, the backup had never been tested.", "Of course"),
                ("Naturally, nobody read the runbook.", "Naturally"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Of course, we apologise for the disruption.",
                "Of course, that information is still faked, but you should be able to rsync it back.",
                "Of course, it is not reasonable to shut every connection down.",
                "Naturally, the team met the next morning to review the timeline.",
                "The course was not finished.",
            ],
        );
    }

    #[test]
    fn it_is_now_clear_that_the_plan_was_flawed() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("It is now clear that the rollout plan was flawed.", "is now clear"),
                ("It's evident now that the cache was the bottleneck.", "'s evident"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "It became clear that the rollout plan was flawed.",
                "It is now clear that we need a canary stage.",
                "It is clear from the logs that the job ran twice.",
                "The path is now clear for the migration.",
            ],
        );
    }

    #[test]
    fn took_hours_to_even_notice() {
        assert_flags(
            "hindsight-slow",
            &[(
                "It took over three hours after the deploy to even notice that something was wrong.",
                "took over three hours after the deploy to even notice",
            )],
        );
        assert_passes(
            "hindsight",
            &[
                "We did not even notice the alert.",
                "It took three hours to notice, because the alert went to an old channel.",
            ],
        );
    }

    #[test]
    fn a_poor_choice_inside_a_noun_phrase() {
        assert_flags(
            "hindsight-verdict",
            &[
                (
                    "The cause was a lack of procedures, coupled with a poor design choice that allowed reuse of an old flag.",
                    "poor design choice",
                ),
                ("Failing over to the old region was made worse by the wrong call to drain it.", "wrong call"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Runbooks help responders avoid making a bad decision under pressure.",
                "Was this a bad design choice?",
                "Bad decisions happen when alerts are noisy.",
                "This could've been bad planning, a bad call day off, etc.",
            ],
        );
    }

    #[test]
    fn everybody_knows_you_dont_deploy_on_fridays() {
        assert_flags(
            "hindsight-obvious",
            &[
                ("Everybody knows you don't deploy on Fridays.", "Everybody knows you don't"),
                ("Everyone knows that you never deploy globally at once.", "Everyone knows that you never"),
                ("Everyone knows you test backups.", "Everyone knows you test"),
            ],
        );
        assert_passes(
            "hindsight",
            &[
                "Everyone knows you can page the secondary.",
                "Everyone knows the on-call number.",
                "Does everyone know you don't deploy on Fridays?",
                "Everyone knows that you need a VPN to reach it.",
            ],
        );
    }

    #[test]
    fn i_was_too_hasty() {
        assert_flags(
            "hindsight-verdict",
            &[("I was too hasty.", "I was too hasty"), ("The rollout was too hasty.", "was too hasty")],
        );
        assert_passes("hindsight", &["Was I too hasty?", "A hasty retreat is sometimes right."]);
    }
}
