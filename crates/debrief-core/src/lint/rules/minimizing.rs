//! Minimizing: wording that makes an action sound easy, so not doing it sounds
//! careless. "They just needed to restart it", "all they had to do was read the
//! runbook", "easily avoided".
//!
//! "Just" and "simply" are only minimizing before an action someone is said to
//! need or be able to do. "Just after 09:00", "just 40 ms", "not just quick
//! fixes", "just because" and "better than to simply revert" pass.

use super::Hit;
use crate::lint::forms::is_past_participle;
use crate::lint::grammar::subject_before;
use crate::lint::text::{Kind, Sentence};
use crate::lint::words::{
    Agent, MADE_SMALL, SLIP_MARKS, SLIPS_MADE_SMALL, WORK_OF_PEOPLE, is_avoidance, is_clause_boundary_word,
    is_ease_adjective, is_function_word, is_generic_person, is_person_pronoun, is_remedy_participle, is_remedy_verb,
    is_response_noun, is_role_noun, is_simple_action_verb, is_verb_group_adverb,
};

pub(super) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    for index in 0..sentence.len() {
        let hit = match sentence.word(index) {
            "just" | "simply" | "merely" => just_do_it(sentence, index),
            // "The fix was obviously to restart the service": the remedy called self-evident.
            "obviously" | "clearly"
                if index > 0
                    && sentence.is_any(index - 1, &["was", "is", "were"])
                    && sentence.is(index + 1, "to")
                    && is_simple_action_verb(sentence.word(index + 2))
                    && subject_before(sentence, index - 1).head.is_some_and(|head| {
                        sentence.is_any(head, &["fix", "solution", "remedy", "answer", "workaround"])
                    }) =>
            {
                Some(Hit::new("minimizing-just", index, index + 2))
            }
            // ("not a big problem" is left out: "problem" and "issue" as trigger words would slow
            // the scan of every post-mortem, which uses them on every line.)
            "deal" if index > 0 && sentence.is(index - 1, "big") => no_big_deal(sentence, index),
            // "No biggie.": as "no big deal".
            "biggie" if index > 0 && sentence.is(index - 1, "no") => {
                Some(Hit::new("minimizing-trivial", index - 1, index))
            }
            // "It could happen to anyone", "we all screw up from time to time", "nobody's perfect":
            // the slip shrugged off as what befalls everyone, which closes the question of what
            // made it possible here.
            "happen" | "happens" => happens_to_anyone(sentence, index),
            "everyone" | "everybody" => everyone_does(sentence, index),
            "perfect" | "human" => only_human(sentence, index),
            // "Who cares, it was down for ten minutes", "it's just a blog, who cares?": the harm
            // waved away. ("Who cares for the cluster?" asks for an owner.)
            "who"
                if sentence.is(index + 1, "cares") && (index + 2 == sentence.len() || sentence.is_punct(index + 2)) =>
            {
                Some(Hit::new("minimizing-trivial", index, index + 1))
            }
            // "It was nothing serious", "no harm done": the incident made small.
            "serious" | "major" if index > 0 && sentence.is(index - 1, "nothing") => {
                // About the incident ("it", "the outage"), not "there was nothing serious in the logs".
                let copula = index.checked_sub(2).filter(|&at| {
                    sentence.is_any(at, &["was", "is", "'s"])
                        && at > 0
                        && sentence.is_any(at - 1, &["it", "this", "that", "outage", "incident", "impact"])
                });
                // "Nothing serious." standing alone, as a reply.
                let alone = index == 1 && (sentence.len() == 2 || sentence.is_punct(2));
                copula.or(alone.then_some(0)).map(|first| Hit::new("minimizing-trivial", first, index))
            }
            // "Nothing to worry about, the system recovered on its own." ("Users were told there
            // was nothing to worry about" reports what was said.)
            "nothing"
                if sentence.is(index + 1, "to")
                    && sentence.is(index + 2, "worry")
                    && sentence.is(index + 3, "about")
                    && !sentence.is_question()
                    && !(index.saturating_sub(4)..index)
                        .any(|at| sentence.is_any(at, &["told", "said", "assured", "claimed", "promised"])) =>
            {
                Some(Hit::new("minimizing-trivial", index, index + 3))
            }
            // "A storm in a teacup", "much ado about nothing", "blown out of proportion": the
            // incident called smaller than the fuss about it.
            "teacup" | "teapot"
                if index >= 3
                    && sentence.is(index - 1, "a")
                    && sentence.is(index - 2, "in")
                    && sentence.is_any(index - 3, &["storm", "tempest"]) =>
            {
                Some(Hit::new("minimizing-trivial", index - 3, index))
            }
            "ado" if index > 0 && sentence.is(index - 1, "much") && sentence.is(index + 1, "about") => {
                Some(Hit::new("minimizing-trivial", index - 1, index + 2))
            }
            "proportion" if index >= 3 && sentence.is(index - 1, "of") && sentence.is(index - 2, "out") => {
                sentence.is(index - 3, "blown").then(|| Hit::new("minimizing-trivial", index - 3, index))
            }
            "harm" if index > 0 && sentence.is(index - 1, "no") && sentence.is(index + 1, "done") => {
                Some(Hit::new("minimizing-trivial", index - 1, index + 1))
            }
            // "A simple rollback fixed it", "a trivial config change resolved it": the remedy called simple.
            "simple" | "quick" | "trivial" | "easy" if simple_remedy_fixed(sentence, index).is_some() => {
                simple_remedy_fixed(sentence, index)
            }
            // "It was a minor hiccup", "just a small blip": the incident made small.
            "hiccup" | "blip" | "glitch" | "hiccups" | "blips" | "glitches" => small_hiccup(sentence, index),
            // "It was a simple matter of restarting the service".
            "simple" if sentence.is(index + 1, "matter") && sentence.is(index + 2, "of") => {
                Some(Hit::new("minimizing-just", index, index + 2))
            }
            // "It only took five minutes to fix".
            "took" if index > 0 && sentence.is_any(index - 1, &["only", "just"]) => {
                quick_remedy(sentence, index).or_else(|| only_needed(sentence, index))
            }
            "needed" | "required" if index > 0 && sentence.is(index - 1, "only") => only_needed(sentence, index),
            // "How hard can it be to renew a certificate?": ease claimed as a question. ("How
            // hard is it to add a region?" can be a real question about work to come.)
            "how"
                if sentence.is_any(index + 1, &["hard", "difficult"])
                    && sentence.is_any(index + 2, &["can", "could"])
                    && sentence.is(index + 3, "it")
                    && sentence.is(index + 4, "be") =>
            {
                Some(Hit::new("minimizing-easy", index, index + 4))
            }
            // "How hard would it have been to add a canary?": the step not taken, asked as easy.
            "how"
                if sentence.is_any(index + 1, &["hard", "difficult"])
                    && sentence.is_any(index + 2, &["would", "could"])
                    && sentence.is(index + 3, "it")
                    && sentence.is(index + 4, "have")
                    && sentence.is(index + 5, "been")
                    && sentence.is(index + 6, "to") =>
            {
                Some(Hit::new("minimizing-easy", index, index + 5))
            }
            // "Was it really that hard to check the config?", "is it so difficult to run the tests?"
            // ("Why was it so hard to find the logs?" asks for a reason.)
            "hard" | "difficult"
                if index >= 3
                    && sentence.is_any(index - 1, &["that", "so"])
                    && sentence.is(index + 1, "to")
                    && sentence.is_question()
                    && sentence.is_any(0, &["is", "was"])
                    && sentence.is(1, "it")
                    && (2..index - 1).all(|at| sentence.is_any(at, &["really", "truly", "actually"])) =>
            {
                Some(Hit::new("minimizing-easy", 0, index))
            }
            // "they only needed to restart it"
            "only" if sentence.is_any(index + 1, &["needed", "had"]) && sentence.is(index + 2, "to") => {
                just_do_it(sentence, index)
            }
            // "fixing it was a piece of cake"
            "cake" if index >= 2 && sentence.is(index - 1, "of") && sentence.is(index - 2, "piece") => {
                Some(Hit::new("minimizing-easy", index - 2, index))
            }
            // "restoring the backup was child's play" ("the child's play area" names a place)
            "play"
                if index >= 2
                    && sentence.is(index - 1, "'s")
                    && sentence.is_any(index - 2, &["child", "kid"])
                    && (index + 1 >= sentence.len()
                        || sentence.is_punct(index + 1)
                        || sentence.is(index + 1, "for")) =>
            {
                Some(Hit::new("minimizing-easy", index - 2, index))
            }
            // "it was only a matter of flipping a flag", "it was only a config change"
            "only" if sentence.is_any(index + 1, &["a", "an"]) => just_do_it(sentence, index),
            "matter" => a_matter_of(sentence, index),
            "all" => all_they_had_to_do(sentence, index).or_else(|| everyone_does(sentence, index)).or_else(|| {
                // "a quick restart was all it needed": the ease said the other way round. And "a
                // restart was all that was needed".
                // ("That was all that was needed to reproduce the bug" is no remedy.)
                let passive = sentence.is(index + 1, "that")
                    && sentence.is(index + 2, "was")
                    && sentence.is_any(index + 3, &["needed", "required"])
                    && (!sentence.is(index + 4, "to") || is_remedy_verb(sentence.word(index + 5)));
                (index > 0
                    && sentence.is(index - 1, "was")
                    && (passive
                        || sentence.is_any(index + 1, &["it", "that", "this"])
                            && sentence.is_any(index + 2, &["took", "needed", "required", "takes", "needs"])))
                .then(|| Hit::new("minimizing-easy", index - 1, if passive { index + 3 } else { index + 2 }))
            }),
            "easily" | "trivially" if is_avoidance(sentence.word(index + 1)) => {
                Some(Hit::new("minimizing-easy", index, index + 1))
            }
            // "The issue was easily resolved by restarting": the remedy told as easy. ("It is not
            // a problem easily solved" denies it; "bad behaviour can be easily corrected by
            // apologising" advises.)
            "easily" | "trivially"
                if is_remedy_participle(sentence.word(index + 1))
                    && index > 0
                    && sentence.is_any(index - 1, &["was", "were"])
                    && !(index.saturating_sub(4)..index).any(|at| sentence.is_any(at, &["not", "never", "no"])) =>
            {
                Some(Hit::new("minimizing-easy", index, index + 1))
            }
            "easy" | "trivial" | "simple" | "straightforward" | "painless" => easy_to_avoid(sentence, index)
                .or_else(|| trivial_fix(sentence, index))
                .or_else(|| as_simple_as(sentence, index)),
            // "Rolling back was a breeze": "a breeze" read as "easy".
            "breeze" if index > 0 && sentence.is(index - 1, "a") => {
                trivial_fix(sentence, index - 1).map(|hit| Hit::new(hit.rule, hit.first, index))
            }
            // "The only thing needed was a restart", "the only thing we needed to do was roll back":
            // as "all that was needed".
            "only" if sentence.is(index + 1, "thing") => {
                let end = (index + 2..(index + 9).min(sentence.len())).take_while(|&at| !sentence.is_punct(at));
                let needed = end.clone().find(|&at| sentence.is_any(at, &["needed", "required", "took"]));
                let was = needed
                    .and_then(|needed| end.clone().find(|&at| at > needed && sentence.is_any(at, &["was", "is"])));
                was.map(|was| Hit::new("minimizing-easy", index, was))
            }
            // "The bug itself is a quick fix": quick as a kind of fix, not "the rollback was quick".
            "quick" => trivial_fix(sentence, index).filter(|hit| hit.last > index),
            word if is_small_slip(word) => just_a_typo(sentence, index),
            // "a one line fix", "a single character change": the same size, unhyphenated.
            "line" | "character"
                if index > 0
                    && sentence.is_any(index - 1, &["one", "single"])
                    && sentence.is_any(index + 1, &["fix", "change", "patch", "commit", "diff"]) =>
            {
                just_a_typo(sentence, index)
            }
            // "It's literally one line", "the fix was just one line of config": the size, belittled.
            "line" | "character"
                if index >= 4
                    && sentence.is_any(index - 1, &["one", "single"])
                    && sentence.is_any(index - 2, &["literally", "just", "only", "merely"])
                    && sentence.is_any(index - 3, &["is", "'s", "was"])
                    && (sentence.is_any(index - 4, &["it", "this", "that"])
                        || is_fix_or_cause(sentence.word(index - 4))) =>
            {
                Some(Hit::new("minimizing-trivial", index - 2, index))
            }
            "no-brainer" => Some(Hit::new("minimizing-easy", index, index)),
            // "Easy peasy, rolled back."
            "easy-peasy" => Some(Hit::new("minimizing-easy", index, index)),
            "peasy" if index > 0 && sentence.is(index - 1, "easy") => {
                Some(Hit::new("minimizing-easy", index - 1, index))
            }
            "take" | "takes" => quick_estimate(sentence, index),
            "seconds" | "minutes" => done_in_seconds(sentence, index),
            // "we found the cause in no time"
            "time" if index >= 2 && sentence.is(index - 1, "no") && sentence.is(index - 2, "in") => {
                Some(Hit::new("minimizing-easy", index - 2, index))
            }
            // "fixing it took no time at all"
            "time"
                if index >= 2
                    && sentence.is(index - 1, "no")
                    && sentence.is_any(index - 2, &["took", "takes"])
                    && sentence.is(index + 1, "at")
                    && sentence.is(index + 2, "all") =>
            {
                Some(Hit::new("minimizing-easy", index - 2, index + 2))
            }
            // "a tiny mistake", "a small typo": the slip made small (not "small errors were logged").
            // ("I've fixed a small typo in the docs" tells what was fixed.)
            "tiny" | "small" | "minor" | "little"
                if index > 0
                    && sentence.is_any(index - 1, &["a", "an"])
                    && !(index >= 2
                        && sentence.is_any(
                            index - 2,
                            &["fixed", "fix", "fixes", "fixing", "corrected", "correct", "found", "spotted"],
                        )) =>
            {
                // "a small config error": the kind of work may stand between the size and the slip.
                let slip = index + 1 + usize::from(sentence.is_any(index + 1, WORK_OF_PEOPLE));
                // Not "a minor error level": the noun phrase ends with the slip.
                let ends = slip + 1 >= sentence.len()
                    || sentence.is_punct(slip + 1)
                    || is_function_word(sentence.word(slip + 1))
                    || is_past_participle(sentence.word(slip + 1));
                (sentence.is_any(slip, &["mistake", "error", "oversight", "slip", "typo"]) && ends)
                    .then(|| Hit::new("minimizing-easy", index, slip))
            }
            // "such a basic error", "a silly mistake": the slip made small.
            "basic" | "silly" | "elementary" | "sophomoric" => {
                // "a silly little bug": a size may stand between.
                let slip = index + 1 + usize::from(sentence.is_any(index + 1, &["little", "small", "tiny"]));
                // ("A basic bug in the parser" names a kind of bug; only "silly" belittles one.)
                let slipped = sentence.is_any(slip, &["mistake", "mistakes", "error", "errors", "oversight", "slip"])
                    || (sentence.is(index, "silly") && sentence.is(slip, "bug"));
                slipped.then(|| Hit::new("minimizing-easy", index, slip))
            }
            // "rolling back a bad deploy is Ops 101", "this is like entrepreneurship 101": the
            // skill called elementary, so whoever lacked it looks careless.
            "101" if index >= 2 && !sentence.is_punct(index - 1) => {
                let mut copula = index - 2;
                while copula > 0
                    && sentence.is_any(copula, &["like", "basically", "just", "pure", "literally", "simply"])
                {
                    copula -= 1;
                }
                sentence
                    .is_any(copula, &["is", "was", "'s", "are", "were"])
                    .then(|| Hit::new("minimizing-easy", index - 1, index))
            }
            "rocket" if sentence.is(index + 1, "science") && index > 0 && sentence.is(index - 1, "not") => {
                Some(Hit::new("minimizing-easy", index - 1, index + 1))
            }
            _ => None,
        };
        hits.extend(hit);
    }
}

/// "just restart it", "they simply needed to", "it was just a matter of".
fn just_do_it(sentence: &Sentence, index: usize) -> Option<Hit> {
    // "they just don't show up yet": emphasis on what does not happen, not ease.
    if sentence.is(index + 2, "not") && sentence.is_any(index + 1, &["do", "does", "did", "can", "will", "is", "was"]) {
        return None;
    }
    // ("just a matter of time" is inevitability, read as hindsight.)
    // "simply a case of a missing semicolon" says the same.
    if sentence.is(index + 1, "a")
        && sentence.is_any(index + 2, &["matter", "case"])
        && sentence.is(index + 3, "of")
        && !sentence.is(index + 4, "time")
    {
        return Some(Hit::new("minimizing-just", index, index + 3));
    }
    // "it was just a DB fix", "simply a config change": the fix made small.
    let contrast = index > 0 && sentence.is_any(index - 1, &["not", "than", "rather"]);
    if sentence.is_any(index + 1, &["a", "an"]) && !contrast {
        // "just a missing index": the slip told by what was wrong with the thing.
        // ("just a loose end" is an idiom for something left to do.)
        let marked = sentence.is_any(index + 2, SLIP_MARKS)
            && !sentence.is_punct(index + 3)
            && !is_function_word(sentence.word(index + 3))
            && !sentence.is_any(index + 3, &["end", "ends"]);
        // "it's just a cosmetic issue", "just a minor bug": the problem itself made small.
        let sized = sentence.is_any(index + 2, &["minor", "cosmetic", "small", "tiny", "harmless", "little"])
            && sentence.is_any(
                index + 3,
                &[
                    "bug",
                    "issue",
                    "problem",
                    "glitch",
                    "error",
                    "mistake",
                    "oversight",
                    "outage",
                    "incident",
                    "misconfiguration",
                    "slip",
                    "typo",
                ],
            );
        // "it was just a configuration error", "merely an honest mistake": the slip made small,
        // not "just an error message" or "only a mistake in the docs:" opening a report.
        let slip_at = if sentence.is_any(index + 2, &["config", "configuration", "honest", "simple", "human"]) {
            index + 3
        } else {
            index + 2
        };
        let slip = sentence.is_any(slip_at, SLIPS_MADE_SMALL)
            && (sentence.is_punct(slip_at + 1)
                || slip_at + 1 == sentence.len()
                || is_function_word(sentence.word(slip_at + 1)));
        let fix = if marked || sized {
            Some(index + 3)
        } else if slip {
            Some(slip_at)
        } else {
            (index + 2..(index + 5).min(sentence.len()))
                .take_while(|&at| !sentence.is_punct(at))
                .find(|&at| sentence.is_any(at, MADE_SMALL))
        };
        // "just a temporary fix", "only a partial fix": the fix called not enough, the
        // opposite of small.
        // ("only a change in wording" says what kind of change a release holds.)
        let fix = fix.filter(|&fix| {
            let not_enough = (index + 2..fix).any(|at| {
                sentence.is_any(at, &["temporary", "partial", "interim", "stopgap", "short-term", "first", "initial"])
            });
            let kind_of_change = sentence.is(fix, "change") && sentence.is_any(fix + 1, &["in", "of"]);
            !not_enough && !kind_of_change
        });
        // After a copula, or opening a fragment: "Luckily just a DB fix." An adverb may stand
        // between: "the outage was really just a blip".
        let copula_at = |at: usize| sentence.is_any(at, &["was", "is", "'s", "were", "be", "been"]);
        let copula = index > 0
            && (copula_at(index - 1)
                || (index > 1
                    && sentence
                        .is_any(index - 1, &["really", "basically", "honestly", "actually", "truly", "ultimately"])
                    && copula_at(index - 2)));
        let fragment = index == 0
            || sentence.is_punct(index - 1)
            || sentence.is_any(index - 1, &["luckily", "thankfully", "fortunately", "basically", "and"]);
        // ("Just a small issue: the link is broken" opens a report of a problem found.)
        if let Some(fix) = fix.filter(|_| copula || (fragment && !((sized || slip) && index == 0))) {
            return Some(Hit::new("minimizing-trivial", index, fix));
        }
    }
    let verb = sentence.word(index + 1);
    // "The solution was simply to restart the pod."
    let copula_before = index > 0 && sentence.is_any(index - 1, &["was", "is", "'s", "were"]);
    if verb == "to" && copula_before && is_simple_action_verb(sentence.word(index + 2)) {
        return Some(Hit::new("minimizing-just", index, index + 2));
    }
    // "Simply restarting the pod fixed it", "fixed by just rolling back": the action as a gerund.
    if let Some(base) = verb.strip_suffix("ing").filter(|_| !contrast) {
        let simple = is_simple_action_verb(base) || is_simple_action_verb(&format!("{base}e"));
        // "fixed by just rolling back" tells the fix; "migrate by simply bumping the version"
        // tells the reader how.
        let fixed_by = index >= 2
            && sentence.is(index - 1, "by")
            && sentence.is_any(
                index - 2,
                &[
                    "fixed",
                    "resolved",
                    "solved",
                    "mitigated",
                    "restored",
                    "recovered",
                    "addressed",
                    "remedied",
                    "cured",
                ],
            );
        let opens = index == 0
            || sentence.is_punct(index - 1)
            || fixed_by
            || sentence.is_any(index - 1, &["was", "is", "were", "meant", "means", "required", "requires"]);
        // ("Just adding the feature is not enough" says it is not simple, and "simply restarting
        // didn't help" that the simple step failed.)
        let not_enough = (index + 2..(index + 8).min(sentence.len())).any(|at| {
            sentence.is(at, "not")
                && sentence.is_any(at + 1, &["enough", "sufficient", "help", "work", "fix", "solve", "resolve"])
        });
        if simple && opens && base.len() > 2 && !not_enough {
            return Some(Hit::new("minimizing-just", index, index + 1));
        }
    }
    // "it just needed a reboot", "it simply took a restart": ease, whoever needed it.
    let contrast_before =
        (index.saturating_sub(3)..index).any(|at| sentence.is_any(at, &["than", "not", "rather", "instead", "only"]));
    if matches!(verb, "needed" | "took" | "required")
        && sentence.is_any(index + 2, &["a", "an", "one"])
        && !contrast_before
    {
        return Some(Hit::new("minimizing-just", index, index + 1));
    }
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
        // debugging live, just roll back"), nor a guide's step that leads into what follows
        // ("Simply add the following lines to `mkdocs.yml`:", "just add it to your config").
        None => !leads_into_steps(sentence),
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
    // "validators were advised to simply switch": an instruction reported, not an ease claimed.
    let instructed = index >= 2
        && sentence.is(index - 1, "to")
        && sentence
            .is_any(index - 2, &["advised", "asked", "told", "instructed", "recommended", "encouraged", "urged"]);
    // "For now, I'm going to just revert the commits": the writer's next step, not an ease claimed.
    let planned = index >= 2 && sentence.is(index - 1, "to") && sentence.is_any(index - 2, &["going", "gonna"]);
    // "You can just use `any::<T>()`", "you should simply read it as any other stream": how-to
    // for the reader, not a verdict on the people in the incident.
    let how_to = (index >= 2 && sentence.is_any(index - 1, &["can", "should", "may"]) && sentence.is(index - 2, "you"))
        // "You just have to add these two files to your project root."
        || (index >= 1
            && sentence.is(index - 1, "you")
            && sentence.is_any(index + 1, &["have", "need"])
            && sentence.is(index + 2, "to"));
    // "x86 chips can just use the cpuid instruction": what a machine does.
    let machine = index >= 2
        && sentence.is_any(index - 1, &["can", "could", "will", "would"])
        && subject_before(sentence, index - 1).agent == Agent::Thing;
    // "the GPU profile you just set up": a relative clause after its noun, where "just" is "a
    // moment ago".
    let recent = index >= 2
        && sentence.is(index - 1, "you")
        && !sentence.is_punct(index - 2)
        && !is_function_word(sentence.word(index - 2))
        && !matches!(
            sentence.word(index - 2),
            "can" | "could" | "will" | "would" | "should" | "must" | "may" | "might" | "do" | "did" | "'ll" | "'d"
        );
    let licensed = licensed && !instructed && !planned && !how_to && !machine && !recent;
    licensed.then(|| Hit::new("minimizing-just", index, index + 1))
}

/// Whether an imperative is a guide's step: it ends in a colon before the lines it
/// introduces, or speaks of "the following" or of the reader's own things.
fn leads_into_steps(sentence: &Sentence) -> bool {
    let colon = sentence.len().checked_sub(1).is_some_and(|last| matches!(sentence.kind(last), Some(Kind::Punct(':'))));
    colon || (0..sentence.len()).any(|at| sentence.is_any(at, &["following", "your"]))
}
fn classify_is_person(sentence: &Sentence, index: usize) -> bool {
    crate::lint::grammar::classify_subject(sentence, index).agent == Agent::Person
}

/// "All they had to do was read the runbook", "all you need to do is", "all it took
/// was a config change", "all that was needed was a restart".
fn all_they_had_to_do(sentence: &Sentence, index: usize) -> Option<Hit> {
    let window = index + 1..(index + 7).min(sentence.len());
    if let Some(to) = window.clone().find(|&at| sentence.is(at, "to") && sentence.is(at + 1, "do")) {
        let needed = window
            .take_while(|&at| at < to)
            .any(|at| sentence.is_any(at, &["had", "has", "have", "need", "needs", "needed"]));
        // "All you need to do is install it", "all we need to do is call tick()": how-to for
        // the reader or the writer's own next step, not what others were expected to manage.
        let how_to = sentence.is_any(index + 1, &["you", "we"]) && sentence.is_any(index + 2, &["need", "have"]);
        let said = sentence.is_any(to + 2, &["was", "is", "were"]);
        return (needed && said && !how_to).then(|| Hit::new("minimizing-easy", index, to + 2));
    }
    // "all it took was": the verb right after a pronoun or "that" (and "was" for the passive).
    let mut verb = index + 2;
    if !sentence.is_any(index + 1, &["it", "that", "this", "we", "they", "you", "he", "she", "i", "one"]) {
        return None;
    }
    if sentence.is_any(verb, &["was", "is"]) {
        verb += 1;
    }
    // "all I needed was a buy button" tells a want; "all it needed was a restart" an ease, and
    // so does "all we needed was a restart": a fix made small, whoever needed it.
    // ("If your language is missing, all it takes is translating one file": an invitation.)
    // "All it took to fix it was a restart": the remedy named between.
    let remedy_named = sentence.is(verb + 1, "to") && is_remedy_verb(sentence.word(verb + 2));
    let said_at = if remedy_named {
        (verb + 3..(verb + 7).min(sentence.len()))
            .take_while(|&at| !sentence.is_punct(at))
            .find(|&at| sentence.is_any(at, &["was", "is", "were"]))
            .unwrap_or(verb + 3)
    } else {
        verb + 1
    };
    let said = sentence.is_any(said_at, &["was", "is", "were"]);
    let small_fix = (verb + 2..(verb + 5).min(sentence.len()))
        .take_while(|&at| !sentence.is_punct(at))
        .any(|at| sentence.is_any(at, MADE_SMALL));
    let took = sentence.is_any(verb, &["took", "required"])
        || (sentence.is(verb, "needed") && (sentence.is_any(index + 1, &["it", "that", "this", "one"]) || small_fix));
    (took && said).then(|| Hit::new("minimizing-easy", index, said_at))
}

/// "Fixing it was a matter of changing one line", "recovery was a matter of flipping the flag
/// back": a remedy told as no more than one step. ("Recovery was a matter of hours" tells how
/// long, and "it is a matter of changing the schema" what a plan involves.)
fn a_matter_of(sentence: &Sentence, matter: usize) -> Option<Hit> {
    let step = sentence.word(matter + 2);
    if !(matter >= 2 && sentence.is(matter - 1, "a") && sentence.is(matter + 1, "of") && step.ends_with("ing")) {
        return None;
    }
    let copula = (matter - 1).checked_sub(1).filter(|&at| sentence.is_any(at, &["was", "were"]))?;
    let clause_start = (0..copula).rev().find(|&at| sentence.is_punct(at)).map_or(0, |comma| comma + 1);
    let remedy = (clause_start..copula).any(|at| {
        let word = sentence.word(at);
        is_response_noun(word)
            || matches!(
                word,
                "fix"
                    | "remedy"
                    | "solution"
                    | "workaround"
                    | "fixing"
                    | "resolving"
                    | "restoring"
                    | "recovering"
                    | "repairing"
                    | "reverting"
                    | "mitigating"
                    | "solving"
                    | "correcting"
                    | "restarting"
                    | "undoing"
                    | "rolling"
            )
    });
    remedy.then(|| Hit::new("minimizing-trivial", clause_start, matter + 2))
}

/// "That should take an hour at most", "it'll only take a few minutes": work
/// promised to be quick, which makes whoever then struggles with it look slow.
/// What something did take ("the restore took 20 minutes") is a fact and passes.
fn quick_estimate(sentence: &Sentence, take: usize) -> Option<Hit> {
    let mut before = take;
    while before > 0 && sentence.is_any(before - 1, &["only", "just", "probably", "surely", "really"]) {
        before -= 1;
    }
    let promised = before > 0 && sentence.is_any(before - 1, &["will", "would", "should", "can", "could", "'ll"]);
    if !promised {
        return None;
    }
    let mut at = take + 1;
    while sentence
        .is_any(at, &["only", "just", "maybe", "about", "like", "a", "an", "one", "few", "couple", "of", "all"])
        || sentence.word(at).starts_with(|c: char| c.is_ascii_digit())
    {
        at += 1;
    }
    let unit = sentence.is_any(
        at,
        &[
            "second",
            "seconds",
            "minute",
            "minutes",
            "hour",
            "afternoon",
            "morning",
            "evening",
            "day",
            "moment",
            "moments",
        ],
    );
    // "only", "just" or "an hour" make it small; "will take 30 minutes" is a plan, and "would
    // take about an hour" an estimate.
    let said_small = (before - 1..at).any(|word| sentence.is_any(word, &["only", "just", "surely"]));
    let estimated = (take + 1..at).any(|word| {
        sentence.word(word).starts_with(|c: char| c.is_ascii_digit())
            || sentence.is_any(word, &["about", "around", "roughly", "approximately"])
    });
    // "We thought the batch job would take about an hour" reports what was believed then.
    let believed =
        (0..before).any(|at| sentence.is_any(at, &["thought", "expected", "estimated", "assumed", "believed", "knew"]));
    // "The deploy would take an hour, so we started at nine": a plan told in the past, small
    // only if it is said to be ("it would only take a minute").
    let past_plan = sentence.is(before - 1, "would") && !said_small;
    (unit && (said_small || !estimated) && !believed && !past_plan && at > take + 1)
        .then(|| Hit::new("minimizing-easy", before - 1, at))
}

/// "Reverting could be done in seconds", "it would be fixed in minutes": a remedy
/// imagined to be quick. What did take minutes ("service recovered in minutes") passes.
fn done_in_seconds(sentence: &Sentence, unit: usize) -> Option<Hit> {
    // "The rollback took all of thirty seconds": the time made small.
    if unit >= 4
        && sentence.is(unit - 2, "of")
        && sentence.is(unit - 3, "all")
        && sentence.is_any(unit - 4, &["took", "takes", "was", "were"])
    {
        return Some(Hit::new("minimizing-easy", unit - 3, unit));
    }
    // "We fixed it in five minutes flat": the speed of a fix boasted of. ("The new runner boots
    // in five minutes flat" is a machine's.)
    if sentence.is(unit + 1, "flat") {
        let within = (unit.saturating_sub(4)..unit).rev().find(|&at| sentence.is_any(at, &["in", "within"]))?;
        let fixed = (within.saturating_sub(4)..within).any(|at| {
            sentence
                .is_any(at, &["fixed", "restored", "resolved", "recovered", "reverted", "solved", "repaired", "done"])
                || (sentence.is(at, "rolled") && sentence.is(at + 1, "back"))
        });
        return fixed.then(|| Hit::new("minimizing-easy", within, unit + 1));
    }
    let mut at = unit.checked_sub(1)?;
    while at > 0 && sentence.is_any(at, &["a", "few", "couple", "of", "just", "only", "mere"]) {
        at -= 1;
    }
    if !sentence.is_any(at, &["in", "within"]) || at < 3 {
        return None;
    }
    let participle = at - 1;
    // "could be done in seconds" imagines the easy way; "can be done in minutes with the new
    // tooling" describes what tooling allows now.
    let promised = sentence.is(participle - 1, "be") && sentence.is_any(participle - 2, &["could", "would", "'d"]);
    let remedied = matches!(
        sentence.word(participle),
        "done"
            | "fixed"
            | "reverted"
            | "restored"
            | "undone"
            | "resolved"
            | "recovered"
            | "rolled"
            | "solved"
            | "repaired"
    );
    (promised && remedied).then(|| Hit::new("minimizing-easy", participle - 2, unit))
}

/// "It only needed a restart", "it only took one config change": the fix made small, at the
/// verb after "only". ("The migration only took an hour" tells a length, and "not only needed a
/// restart but a rebuild" adds to it.)
fn only_needed(sentence: &Sentence, verb: usize) -> Option<Hit> {
    let only = verb.checked_sub(1).filter(|&at| sentence.is(at, "only"))?;
    if only > 0 && sentence.is(only - 1, "not") || !sentence.is_any(verb + 1, &["a", "an", "one"]) {
        return None;
    }
    let remedy = (verb + 2..(verb + 5).min(sentence.len())).take_while(|&at| !sentence.is_punct(at)).any(|at| {
        sentence.is_any(
            at,
            &["restart", "reboot", "rollback", "revert", "redeploy", "change", "fix", "flip", "toggle", "tweak"],
        )
    });
    remedy.then(|| Hit::new("minimizing-just", only, verb))
}

/// "It only took five minutes to fix", "it just took a second to roll back": the remedy
/// told as quick. "It only took five minutes for the queue to fill" tells the harm.
fn quick_remedy(sentence: &Sentence, took: usize) -> Option<Hit> {
    let unit = (took + 1..(took + 5).min(sentence.len())).find(|&at| {
        sentence
            .is_any(at, &["seconds", "second", "minutes", "minute", "moment", "moments", "sec", "secs", "min", "mins"])
    })?;
    let remedy = sentence.is(unit + 1, "to")
        && sentence.is_any(
            unit + 2,
            &["fix", "restore", "resolve", "recover", "roll", "revert", "repair", "solve", "mitigate"],
        );
    remedy.then(|| Hit::new("minimizing-easy", took - 1, unit + 2))
}

/// "The outage was no big deal", "it was not a big deal": the incident itself made small.
/// "Losing a replica is not a big deal" tells how a system copes, and passes.
fn no_big_deal(sentence: &Sentence, deal: usize) -> Option<Hit> {
    let big = deal - 1;
    // "Not a big deal really.": a last word that only softens.
    let softened = sentence.is_any(deal + 1, &["really", "honestly", "though", "anyway", "either", "imo", "tbh"])
        && (deal + 2 >= sentence.len() || sentence.is_punct(deal + 2));
    // "no big deal for the scheduler" tells what a system copes with.
    if deal + 1 < sentence.len()
        && !sentence.is_punct(deal + 1)
        && !is_clause_boundary_word(sentence.word(deal + 1))
        && !softened
    {
        return None;
    }
    let first = if big > 0 && sentence.is(big - 1, "no") {
        // "..., so no big deal": the fragment closing a sentence.
        if big >= 2 && (sentence.is_punct(big - 2) || sentence.is_any(big - 2, &["so", "and", "but"])) {
            return Some(Hit::new("minimizing-trivial", big - 1, deal));
        }
        big - 1
    } else if big >= 2 && sentence.is(big - 1, "a") && sentence.is(big - 2, "not") {
        big - 2
    } else {
        return None;
    };
    // A fragment ("No big deal."), or the incident, its cause or "it" as the subject.
    if first == 0 {
        return Some(Hit::new("minimizing-trivial", first, deal));
    }
    // "It's really not a big deal": an adverb may stand after the copula.
    let mut copula = first.checked_sub(1)?;
    while copula > 0 && sentence.is_any(copula, &["really", "honestly", "actually", "just", "truly", "probably"]) {
        copula -= 1;
    }
    let copula = Some(copula).filter(|&at| sentence.is_any(at, &["was", "is", "'s", "were", "be"]))?;
    let subject = copula.checked_sub(1)?;
    sentence
        .is_any(
            subject,
            &[
                "it", "this", "that", "outage", "incident", "downtime", "impact", "issue", "problem", "mistake",
                "error", "bug", "breach", "leak",
            ],
        )
        .then(|| Hit::new("minimizing-trivial", first, deal))
}

/// "A simple rollback fixed it", "a trivial config change resolved it": the remedy called simple.
fn simple_remedy_fixed(sentence: &Sentence, adjective: usize) -> Option<Hit> {
    let remedy = (adjective + 1..(adjective + 3).min(sentence.len())).find(|&at| {
        sentence.is_any(
            at,
            &["restart", "rollback", "reboot", "revert", "redeploy", "rerun", "fix", "change", "patch", "tweak"],
        )
    })?;
    // "a quick restart sorted it", "a simple rollback did the trick", "took care of it".
    let idiom = (sentence.is(remedy + 1, "did") && sentence.is(remedy + 2, "the") && sentence.is(remedy + 3, "trick"))
        || (sentence.is(remedy + 1, "took") && sentence.is(remedy + 2, "care"));
    (idiom || sentence.is_any(remedy + 1, &["fixed", "solved", "resolved", "cured", "sorted"]))
        .then(|| Hit::new("minimizing-easy", adjective, remedy + 1))
}

/// "It was a minor hiccup", "the outage was a brief blip": the incident called a hiccup after a
/// copula. "A network glitch dropped the connections" tells a cause.
fn small_hiccup(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let mut first = noun.checked_sub(1)?;
    while first > 0
        && sentence.is_any(first, &["minor", "small", "tiny", "little", "brief", "slight", "short", "temporary"])
    {
        first -= 1;
    }
    if first + 1 == noun || !sentence.is_any(first, &["a", "an"]) {
        return None;
    }
    // "A minor blip, nothing more.": the fragment says it alone. ("A brief glitch in the load
    // balancer caused errors" tells what happened.)
    let fragment = first == 0
        && (noun + 1 == sentence.len() || sentence.is_punct(noun + 1))
        && (first + 1..noun).any(|at| sentence.is_any(at, &["minor", "small", "tiny", "little", "slight"]));
    if fragment {
        return Some(Hit::new("minimizing-trivial", first + 1, noun));
    }
    let copula = first.checked_sub(1).filter(|&at| sentence.is_any(at, &["was", "is", "'s", "were"]))?;
    let subject = copula.checked_sub(1)?;
    sentence
        .is_any(subject, &["it", "this", "that", "outage", "incident", "downtime", "disruption", "impact"])
        .then(|| Hit::new("minimizing-trivial", first + 1, noun))
}

/// Nouns for a small slip, which minimizing words make smaller: "basically a typo".
fn is_small_slip(word: &str) -> bool {
    matches!(
        word,
        "typo"
            | "typos"
            | "one-liner"
            | "one-line"
            | "single-line"
            | "one-character"
            | "tweak"
            | "misclick"
            | "mis-click"
    )
}

/// Words that make a cause or a fix sound trivial before the noun: "just", "basically", "a mere".
fn is_belittling(word: &str) -> bool {
    matches!(
        word,
        "just"
            | "basically"
            | "merely"
            | "simply"
            | "only"
            | "literally"
            | "essentially"
            | "mere"
            | "silly"
            | "simple"
            | "trivial"
            | "stupid"
            | "dumb"
            | "tiny"
            | "little"
            | "small"
    )
}

/// "Basically a typo", "it was just a one-line change", "a silly typo": a cause made
/// small. "A typo in the config caused the outage" passes.
fn just_a_typo(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let mut at = noun;
    let mut belittled = None;
    while at > 0 && noun - at < 5 {
        at -= 1;
        let word = sentence.word(at);
        // "nothing more than a typo", "little more than a typo"
        let more_than = word == "than"
            && at >= 2
            && sentence.is(at - 1, "more")
            && sentence.is_any(at - 2, &["nothing", "little", "no"]);
        if more_than {
            belittled = Some(at - 2);
            break;
        }
        if is_belittling(word) {
            belittled = Some(at);
        } else if !matches!(word, "a" | "an" | "one" | "single" | "the" | "config" | "configuration") {
            break;
        }
    }
    // "small" and "little" only belittle next to another such word ("just a small typo").
    let Some(first) = belittled else {
        return one_liner(sentence, noun);
    };
    if reported_as_found(sentence, noun) {
        return None;
    }
    let weak_alone = (first..noun).all(|at| sentence.is_any(at, &["small", "little", "tiny", "a", "an", "one", "the"]));
    if weak_alone {
        return None;
    }
    let last = if sentence.is_any(noun + 1, &["change", "fix", "patch"]) { noun + 1 } else { noun };
    Some(Hit::new("minimizing-trivial", first, last))
}

/// "The bug was a one-liner", "the fix was a single-line change": the size is the claim,
/// with no "just" needed. ("The cause was a typo" tells what happened.)
fn one_liner(sentence: &Sentence, noun: usize) -> Option<Hit> {
    let unhyphenated =
        noun > 0 && sentence.is_any(noun, &["line", "character"]) && sentence.is_any(noun - 1, &["one", "single"]);
    let size = if unhyphenated { noun - 1 } else { noun };
    if !(unhyphenated || sentence.is_any(noun, &["one-liner", "one-line", "single-line", "one-character"])) || size < 3
    {
        return None;
    }
    let copula = size - 2;
    let told = sentence.is(size - 1, "a")
        && sentence.is_any(copula, &["was", "is", "'s"])
        && (sentence.is_any(copula - 1, &["it", "this", "that", "bug"]) || is_fix_or_cause(sentence.word(copula - 1)));
    let last = if sentence.is_any(noun + 1, &["change", "fix", "patch"]) { noun + 1 } else { noun };
    told.then(|| Hit::new("minimizing-trivial", size - 1, last))
}

/// Nouns for the fix or the cause of an incident, which can be called trivial.
fn is_fix_or_cause(word: &str) -> bool {
    matches!(
        word,
        "fix"
            | "fixes"
            | "solution"
            | "remedy"
            | "workaround"
            | "resolution"
            | "cause"
            | "problem"
            | "issue"
            | "bug"
            | "mistake"
            | "error"
            | "answer"
    )
}

/// "The fix was trivial", "the root cause was simple", "one restart fixed it, it was
/// that easy", "it was an easy fix". Not "the new design is simple" nor "not easy".
fn trivial_fix(sentence: &Sentence, adjective: usize) -> Option<Hit> {
    let negated = (adjective.saturating_sub(3)..adjective).any(|at| sentence.is_any(at, &["not", "never", "hardly"]));
    if negated {
        return None;
    }
    // "was an easy fix", "it was a simple permissions problem": the fix or the cause called easy.
    let fix_or_cause = |at: usize| {
        sentence.is_any(
            at,
            &[
                "fix",
                "fixes",
                "change",
                "patch",
                "solution",
                "workaround",
                "remedy",
                "problem",
                "problems",
                "issue",
                "issues",
                "bug",
                "bugs",
                "error",
                "errors",
                "misconfiguration",
                "mistake",
            ],
        )
    };
    // "an easy mistake to make" argues for the people involved. "A quick and painless fix":
    // a second adjective may follow.
    // ("a quick and dirty workaround" is a hack told as one, not ease.)
    let second = sentence.word(adjective + 2);
    let coordinated = sentence.is(adjective + 1, "and") && (is_ease_adjective(second) || second == "painless");
    let candidates = if coordinated { [adjective + 3, adjective + 4] } else { [adjective + 1, adjective + 2] };
    // ("a simple change to the config" names what changed.)
    let to_do = |at: usize| sentence.is(at + 1, "to") && !is_function_word(sentence.word(at + 2));
    // "The fix required a simple restart": after a verb of need, a remedy named by its verb.
    let needed_remedy =
        |at: usize| adjective >= 3 && sentence.is_any(adjective - 2, NEEDED) && is_remedy_verb(sentence.word(at));
    let noun = candidates.into_iter().find(|&at| fix_or_cause(at) || needed_remedy(at)).filter(|&at| !to_do(at));
    if let Some(noun) = noun {
        // "it turned out to be a trivial bug", "proved to be an easy fix".
        let turned_out = |be: usize| {
            be >= 2 && sentence.is(be, "be") && sentence.is(be - 1, "to") && sentence.is_any(be - 2, &["out", "proved"])
        };
        let copula = adjective >= 2
            && sentence.is_any(adjective - 1, &["a", "an"])
            && (sentence.is_any(adjective - 2, &["was", "were", "is", "'s"]) || turned_out(adjective - 2));
        // "The fix involved a simple change to the config", "the solution required a quick
        // patch": the fix said to have needed little.
        let needed_little = adjective >= 3
            && sentence.is_any(adjective - 1, &["a", "an"])
            && sentence.is_any(adjective - 2, NEEDED)
            && subject_before(sentence, adjective - 2).head.is_some_and(|head| {
                sentence.is_any(head, &["fix", "solution", "remedy", "resolution", "workaround", "patch"])
            });
        return (copula || needed_little).then(|| Hit::new("minimizing-trivial", adjective - 1, noun));
    }
    let mut before = adjective;
    // "The rollback was quick and painless", "recovery was fast and easy": ease as the second of
    // two adjectives.
    if before >= 2
        && sentence.is(before - 1, "and")
        && sentence.is_any(before - 2, &["quick", "fast", "simple", "easy", "smooth", "clean", "straightforward"])
    {
        before -= 2;
    }
    let mut degree = None;
    while before > 0
        && (sentence.is_any(
            before - 1,
            &[
                "that",
                "so",
                "very",
                "pretty",
                "really",
                "quite",
                "fairly",
                "super",
                "extremely",
                "incredibly",
                "embarrassingly",
                "ridiculously",
                "laughably",
                "absurdly",
                "literally",
                "dead",
                "basically",
                "essentially",
                "actually",
                "ultimately",
                "as",
                "often",
                "usually",
                "always",
                "sometimes",
            ],
        ) || is_verb_group_adverb(sentence.word(before - 1)) && !sentence.is_any(before - 1, &["not", "never"]))
    {
        before -= 1;
        if sentence.is_any(before, &["that", "so", "as"]) {
            degree = Some(before);
        }
    }
    let copula = before.checked_sub(1).filter(|&at| sentence.is_any(at, &["was", "were", "is", "'s", "are"]))?;
    let past = sentence.is_any(copula, &["was", "were"]);
    // "the solution is often as simple as": adverbs between the subject and its verb.
    let mut subject = copula.checked_sub(1)?;
    while subject > 0
        && (is_verb_group_adverb(sentence.word(subject))
            || sentence.is_any(subject, &["often", "usually", "itself", "themselves", "alone"]))
    {
        subject -= 1;
    }
    // "Rolling back was trivial": a simple action, as a gerund, called easy afterwards.
    // "Restoring from backup was easy": the gerund may open a longer subject.
    let gerund = (subject.saturating_sub(7)..=subject)
        .rev()
        .take_while(|&at| !sentence.is_punct(at) && !is_clause_boundary_word(sentence.word(at)))
        .filter(|&at| sentence.word(at).ends_with("ing"))
        .last();
    let easy_action = past
        && gerund.is_some_and(|at| {
            let base = sentence.word(at).trim_end_matches("ing");
            let action = |verb: &str| is_simple_action_verb(verb) || is_remedy_verb(verb);
            // "setting" -> "set", "restoring" -> "restore"
            let undoubled = base.len() > 2 && base.as_bytes()[base.len() - 1] == base.as_bytes()[base.len() - 2];
            action(base) || action(&format!("{base}e")) || (undoubled && action(&base[..base.len() - 1]))
        });
    // "The rollback was simple", "recovery was straightforward": the remedy called easy afterwards.
    let easy_remedy = past
        && sentence.is_any(
            subject,
            &["rollback", "roll-back", "recovery", "mitigation", "remediation", "revert", "restore", "failover"],
        );
    // "If the fix is simple enough, send a patch": a condition set for the reader, not a claim.
    let condition = !past
        && (subject.saturating_sub(4)..subject).any(|at| sentence.is_any(at, &["if", "when", "unless", "whether"]));
    if condition {
        return None;
    }
    let about_fix = is_fix_or_cause(sentence.word(subject)) || easy_action || easy_remedy;
    // "it was that easy", "it was so simple": ease claimed about what was just told.
    let emphatic = degree.is_some() && past && sentence.is_any(subject, &["it", "this", "that"]);
    // "as easy as" compares: only about a fix ("the fix was as easy as restarting").
    let compared = degree.is_some_and(|at| sentence.is(at, "as"));
    ((about_fix && !sentence.is(adjective + 1, "to")) || (emphatic && !compared))
        .then(|| Hit::new("minimizing-trivial", copula, adjective))
}

/// Verbs saying what a fix needed: "the fix involved a simple change".
const NEEDED: &[&str] = &["involved", "required", "needed", "took", "meant"];

/// "easy to catch", "trivial to avoid", "a simple mistake"; not "not easy to
/// spot", nor "an easy mistake to make", which argue for the people involved.
fn easy_to_avoid(sentence: &Sentence, index: usize) -> Option<Hit> {
    let negated = (index.saturating_sub(3)..index).any(|at| sentence.is_any(at, &["not", "never", "hardly", "far"]));
    if negated {
        return None;
    }
    // "easy for us to correct": who found it easy does not change the claim.
    let to = if sentence.is(index + 1, "for")
        && sentence.is_any(index + 2, &["us", "them", "me", "you", "him", "her", "anyone", "everyone"])
    {
        index + 3
    } else {
        index + 1
    };
    if sentence.is(to, "to") {
        // A claim about what it was ("the bug was trivial to catch"), not a goal
        // ("make it easy to roll back", "it should be easy to revert").
        let mut before = index;
        while before > 0
            && sentence.is_any(
                before - 1,
                &[
                    "very",
                    "so",
                    "pretty",
                    "quite",
                    "fairly",
                    "really",
                    "extremely",
                    "relatively",
                    "incredibly",
                    "super",
                ],
            )
        {
            before -= 1;
        }
        // In the past: "it is easy to roll back now" describes tooling, not the people then.
        let claimed = before > 0 && sentence.is_any(before - 1, &["was", "were", "been"]);
        let verb = sentence.word(to + 1);
        let avoidable = is_remedy_verb(verb);
        // "Errors were easy to spot in the dashboard": what the tooling showed, not a slip made small.
        let shown = claimed
            && matches!(verb, "spot" | "see" | "notice" | "detect" | "tell" | "find")
            && subject_before(sentence, before - 1).head.is_some_and(|head| {
                sentence.is_any(
                    head,
                    &[
                        "errors",
                        "spike",
                        "spikes",
                        "alerts",
                        "alert",
                        "logs",
                        "messages",
                        "warnings",
                        "symptoms",
                        "timeouts",
                        "graphs",
                        "graph",
                        "dashboard",
                        "dashboards",
                        "metrics",
                        "pattern",
                        "trend",
                    ],
                )
            });
        return (claimed && avoidable && !shown).then(|| Hit::new("minimizing-easy", index, to + 1));
    }
    // ("Easy error handling" names a feature: the slip word starts a technical term.)
    let mistake = sentence.is_any(index + 1, &["mistake", "oversight", "error", "typo"])
        && !super::blame::is_technical_compound(sentence, index + 2);
    // "an easy mistake to make" argues for the people involved; "an easy mistake to avoid" does not.
    if mistake && sentence.is(index + 2, "to") {
        let avoidable = sentence.is_any(index + 3, &["avoid", "prevent", "catch", "spot", "notice", "fix"]);
        return avoidable.then(|| Hit::new("minimizing-easy", index, index + 3));
    }
    (mistake && !reported_as_found(sentence, index + 1)).then(|| Hit::new("minimizing-easy", index, index + 1))
}

/// "A simple typo was discovered in review": a slip the sentence reports as found, where "it was
/// a simple mistake" judges it.
fn reported_as_found(sentence: &Sentence, slip: usize) -> bool {
    sentence.is_any(slip + 1, &["was", "were"])
        && sentence.is_any(slip + 2, &["discovered", "found", "noticed", "spotted", "identified", "reported", "caught"])
}

/// "Avoiding this is as simple as pinning the version", "preventing it is as easy as adding a
/// check": avoidance made small by comparison (in the past, "preventing it was as easy as" and
/// "the fix was as easy as" are read by `trivial_fix`). "Installing is as easy as running one command" tells a
/// reader how, and passes.
fn as_simple_as(sentence: &Sentence, adjective: usize) -> Option<Hit> {
    let first_as = adjective.checked_sub(1).filter(|&at| sentence.is(at, "as"))?;
    if !sentence.is(adjective + 1, "as") {
        return None;
    }
    let mut copula = first_as.checked_sub(1)?;
    if sentence.is_any(copula, &["often", "usually", "really", "literally", "just"]) {
        copula = copula.checked_sub(1)?;
    }
    if !sentence.is_any(copula, &["was", "is", "were", "'s"]) {
        return None;
    }
    // The clause opens with the gerund: "Avoiding this", "fixing the outage".
    let clause_start = (0..copula).rev().find(|&at| sentence.is_punct(at)).map_or(0, |punct| punct + 1);
    let remedy = copula - clause_start <= 4 && sentence.is_any(clause_start, &["avoiding", "preventing"]);
    remedy.then(|| Hit::new("minimizing-easy", first_as, adjective + 1))
}

/// Whether a shrug's words end at `last`: only punctuation follows, after any "from time to
/// time", "sometimes" or "after all" ("we all screw up from time to time."). A shrug that goes
/// on ("everyone makes mistakes, which is why the deploy tool checks the target") states the
/// principle a blameless review stands on.
fn shrug_ends(sentence: &Sentence, last: usize) -> bool {
    let mut at = last + 1;
    for tail in [&["from", "time", "to", "time"][..], &["now", "and", "then"], &["after", "all"], &["at", "times"]] {
        if tail.iter().enumerate().all(|(offset, word)| sentence.is(at + offset, word)) {
            at += tail.len();
        }
    }
    if sentence.is_any(at, &["sometimes", "occasionally"]) {
        at += 1;
    }
    (at..sentence.len()).all(|next| sentence.is_punct(next))
}

/// Whether word `at` opens its clause: the sentence's start, after punctuation, or after a
/// word that opens a reply ("but", "well", "oh"). "We accept that everyone makes mistakes"
/// reports a principle, and passes.
fn opens_clause(sentence: &Sentence, at: usize) -> bool {
    at == 0
        || sentence.is_punct(at - 1)
        || sentence.is_any(at - 1, &["but", "and", "well", "oh", "hey", "sure", "yeah"])
}

/// "It could happen to anyone", "these kinds of mistakes can happen to anyone", "happens to
/// the best of us", "it could happen to any company". ("I hope this never happens to anyone"
/// and "we don't want it to happen to anyone" wish it away.)
fn happens_to_anyone(sentence: &Sentence, index: usize) -> Option<Hit> {
    if !sentence.is(index + 1, "to") {
        return None;
    }
    let whom = index + 2;
    let last = if sentence.is_any(whom, &["anyone", "anybody", "everyone", "everybody"]) {
        whom
    } else if ["the", "best", "of", "us"].iter().enumerate().all(|(offset, word)| sentence.is(whom + offset, word)) {
        whom + 3
    } else if sentence.is(whom, "any")
        && sentence
            .is_any(whom + 1, &["company", "team", "organisation", "organization", "business", "engineer", "one"])
    {
        whom + 1
    } else if sentence.is(whom, "all") && sentence.is(whom + 1, "of") && sentence.is(whom + 2, "us") {
        whom + 2
    } else {
        return None;
    };
    let wished_away = (index.saturating_sub(3)..index)
        .any(|at| sentence.is_any(at, &["not", "n't", "never", "should", "shouldn't", "to", "hope", "want"]));
    // The shrug's own clause: "it could happen to anyone", or "happens to the best of us" alone.
    let subject = (index.saturating_sub(6)..index).rev().take_while(|&at| !sentence.is_punct(at)).last();
    let opens = subject.map_or(opens_clause(sentence, index), |first| opens_clause(sentence, first));
    (!wished_away && opens && shrug_ends(sentence, last) && !sentence.is_question())
        .then(|| Hit::new("minimizing-shrug", subject.unwrap_or(index), last))
}

/// "Everyone makes mistakes.", "we all screw up from time to time", "everyone has bad days",
/// "but everyone has blind spots".
fn everyone_does(sentence: &Sentence, index: usize) -> Option<Hit> {
    let first = if sentence.is(index, "all") {
        // "we all ...", "all of us ..."
        if index > 0 && sentence.is(index - 1, "we") {
            index - 1
        } else if sentence.is(index + 1, "of") && sentence.is(index + 2, "us") {
            index
        } else {
            return None;
        }
    } else {
        index
    };
    // "All of us make ...": the verb after "of us".
    let verb = if sentence.is(index, "all") && first == index { index + 3 } else { index + 1 };
    let last = match sentence.word(verb) {
        "make" | "makes" if sentence.is_any(verb + 1, &["mistakes", "errors"]) => verb + 1,
        "screw" | "screws" | "mess" | "messes" if sentence.is(verb + 1, "up") => verb + 1,
        "have" | "has" | "get" | "gets" => {
            let noun = verb + 1 + usize::from(sentence.is(verb + 1, "an"));
            let named = sentence.is_any(noun, &["bad", "off"]) && sentence.is_any(noun + 1, &["days", "day"])
                || sentence.is(noun, "blind") && sentence.is(noun + 1, "spots");
            if !named {
                return None;
            }
            noun + 1
        }
        _ => return None,
    };
    (opens_clause(sentence, first) && shrug_ends(sentence, last) && !sentence.is_question())
        .then(|| Hit::new("minimizing-shrug", first, last))
}

/// "Nobody's perfect.", "no one is perfect", "we're only human", "we are all human after all".
fn only_human(sentence: &Sentence, index: usize) -> Option<Hit> {
    let first = if sentence.is(index, "perfect") {
        let copula = index.checked_sub(1).filter(|&at| sentence.is_any(at, &["is", "'s"]))?;
        let nobody = copula.checked_sub(1)?;
        match sentence.word(nobody) {
            "nobody" | "noone" => nobody,
            "one" if nobody > 0 && sentence.is(nobody - 1, "no") => nobody - 1,
            _ => return None,
        }
    } else {
        let only = index.checked_sub(1).filter(|&at| sentence.is_any(at, &["only", "all"]))?;
        let copula = only.checked_sub(1).filter(|&at| sentence.is_any(at, &["are", "'re", "am", "'m", "is", "'s"]))?;
        copula.checked_sub(1).filter(|&at| sentence.is_any(at, &["we", "i", "they", "he", "she", "you", "people"]))?
    };
    (opens_clause(sentence, first) && shrug_ends(sentence, index) && !sentence.is_question())
        .then(|| Hit::new("minimizing-shrug", first, index))
}

#[cfg(test)]
mod tests {

    #[test]
    fn fixing_it_was_a_matter_of_changing_one_line() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("Fixing it was a matter of changing one line.", "Fixing it was a matter of changing"),
                ("The fix was a matter of adding a timeout.", "The fix was a matter of adding"),
            ],
        );
        assert_flags(
            "minimizing-easy",
            &[
                ("All it took to fix it was a restart.", "All it took to fix it was"),
                ("All it took to resolve the outage was a restart.", "All it took to resolve the outage was"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "Recovery was a matter of hours.",
                "Setting up the cluster was a matter of running one script.",
                "It is a matter of changing the schema.",
                "All it took to reproduce the bug was a restart.",
            ],
        );
    }

    #[test]
    fn who_cares() {
        assert_flags(
            "minimizing-trivial",
            &[("Who cares, it was down for ten minutes.", "Who cares"), ("It's just a blog, who cares?", "who cares")],
        );
        assert_passes("minimizing", &["Who cares for the cluster when the owner is away?"]);
    }

    #[test]
    fn nothing_serious_a_minor_blip() {
        assert_flags(
            "minimizing-trivial",
            &[("Nothing serious.", "Nothing serious"), ("A minor blip, nothing more.", "minor blip")],
        );
        assert_passes(
            "minimizing",
            &["A brief glitch in the load balancer caused errors.", "There was nothing serious in the logs."],
        );
    }

    #[test]
    fn simply_restarting_didnt_help() {
        assert_passes("minimizing", &["Simply restarting didn't help.", "Just rolling back did not fix it."]);
        assert_flags("minimizing-just", &[("Simply restarting the pod fixed it.", "Simply restarting")]);
    }

    #[test]
    fn errors_were_easy_to_spot_in_the_dashboard() {
        assert_passes(
            "minimizing",
            &["Errors were easy to spot in the dashboard.", "The spike was easy to see on the latency graph."],
        );
        assert_flags("minimizing-easy", &[("The bug was easy to spot.", "easy to spot")]);
    }

    #[test]
    fn no_biggie() {
        assert_flags(
            "minimizing-trivial",
            &[("No biggie.", "No biggie"), ("It went down for ten minutes, no biggie.", "no biggie")],
        );
    }

    #[test]
    fn nothing_to_worry_about_it_was_simply_a_case_of_a_missing_semicolon() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("Nothing to worry about, the system recovered on its own.", "Nothing to worry about"),
                ("The problem was basically trivial once we found it.", "was basically trivial"),
            ],
        );
        assert_flags("minimizing-just", &[("It was simply a case of a missing semicolon.", "simply a case of")]);
        assert_flags("minimizing-easy", &[("We fixed it in five minutes flat.", "in five minutes flat")]);
        assert_passes(
            "minimizing",
            &[
                "Is there nothing to worry about?",
                "Users were told there was nothing to worry about, which was wrong.",
                "The new runner boots in five minutes flat, against twenty before.",
                "In this case of data loss, we restored from backup.",
                "The problem was actually hard to find.",
                "The failover completed in five minutes.",
            ],
        );
    }

    #[test]
    fn simply_a_missing_index_a_trivial_bug_and_an_easy_mistake_to_avoid() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("The root cause was simply a missing index.", "simply a missing index"),
                ("It was merely a misconfigured flag.", "merely a misconfigured flag"),
                ("It turned out to be a trivial bug.", "a trivial bug"),
            ],
        );
        assert_flags("minimizing-easy", &[("This was an easy mistake to avoid.", "easy mistake to avoid")]);
        assert_flags("minimizing-easy", &[("It was a simple typo, nothing more.", "simple typo")]);
        assert_passes("minimizing", &["A simple typo was discovered in test review; this change fixes it."]);
        assert_passes(
            "minimizing",
            &[
                "This is an easy mistake to make, and the tooling should catch it.",
                "The alert was just a missing-data warning from the exporter.",
                "The fix will be a trivial change to the config.",
            ],
        );
    }

    #[test]
    fn the_rollback_took_all_of_thirty_seconds_it_was_really_just_a_blip() {
        assert_flags("minimizing-easy", &[("The rollback took all of thirty seconds.", "all of thirty seconds")]);
        assert_flags("minimizing-trivial", &[("The outage was really just a blip.", "just a blip")]);
        assert_passes(
            "minimizing",
            &[
                "The restore took thirty seconds.",
                "Of all the steps, the restore took thirty seconds.",
                "It was really just before midnight.",
            ],
        );
    }

    #[test]
    fn a_silly_little_bug_a_quick_and_painless_fix_dead_simple() {
        assert_flags("minimizing-easy", &[("It was a silly little bug.", "silly little bug")]);
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was a quick and painless fix.", "a quick and painless fix"),
                ("The workaround was dead simple.", "was dead simple"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "We found a basic bug in the parser.",
                "The design is dead simple by intent.",
                "It was quick and the fix held.",
                "It was a quick and dirty workaround we replaced the next day.",
            ],
        );
    }

    #[test]
    fn it_only_needed_a_restart() {
        assert_flags(
            "minimizing-just",
            &[
                ("It only needed a restart.", "only needed"),
                ("It only took one config change.", "only took"),
                ("The fix only required a one-line change.", "only required"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "The migration only took an hour.",
                "Not only needed a restart but a rebuild.",
                "Recovery only took a few minutes.",
            ],
        );
    }

    #[test]
    fn the_bug_was_a_one_liner() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("The bug was a one-liner.", "a one-liner"),
                ("It was a one-line fix.", "a one-line fix"),
                ("It was a one line fix.", "a one line fix"),
                ("The fix was a single character change.", "a single character change"),
                ("Literally a one line fix.", "Literally a one line fix"),
                ("It's literally one line.", "literally one line"),
                ("The fix was just one line of config.", "just one line"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "The cause was a typo in the config.",
                "We shipped a one-line fix at 14:02.",
                "We shipped a one line fix at 14:02.",
                "The second line change was reverted.",
                "The diff is only one line longer than before.",
                "Only one line was changed.",
            ],
        );
    }

    #[test]
    fn a_quick_restart_did_the_trick_and_rolling_back_was_a_breeze() {
        assert_flags(
            "minimizing-easy",
            &[
                ("A quick restart sorted it.", "quick restart sorted"),
                ("A simple rollback did the trick.", "simple rollback did"),
                ("A quick config change took care of it.", "quick config change took"),
                ("The only thing needed was a restart.", "only thing needed was"),
                ("The only thing we needed to do was roll back.", "only thing we needed to do was"),
            ],
        );
        assert_flags(
            "minimizing-trivial",
            &[
                ("Rolling back was a breeze.", "was a breeze"),
                ("Recovery was painless.", "was painless"),
                ("The rollback was quick and painless.", "was quick and painless"),
                ("Recovery was fast and easy.", "was fast and easy"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "A quick restart took five minutes.",
                "The API is fast and easy to use.",
                "The process was slow and painless.",
                "The upgrade is painless with the new installer.",
                "Setup is a breeze.",
                "The only thing that changed was the config.",
                "The only thing missing was an alert.",
            ],
        );
    }

    #[test]
    fn not_a_big_deal_really_a_storm_in_a_teacup() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("Not a big deal really.", "Not a big deal"),
                ("It's really not a big deal.", "not a big deal"),
                ("This is a storm in a teacup.", "storm in a teacup"),
                ("Much ado about nothing.", "Much ado about nothing"),
                ("Honestly, it was blown out of proportion.", "blown out of proportion"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "It's not a big deal for the scheduler really.",
                "Losing a replica is not a big deal because it rebuilds.",
                "The tea was served in a teapot.",
                "The proportion of failed requests was small.",
            ],
        );
    }

    #[test]
    fn it_was_only_a_config_change() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was only a config change.", "only a config change"),
                ("The cause was only a minor config tweak.", "only a minor config tweak"),
                ("It was only a typo.", "only a typo"),
                ("It's just a cosmetic issue.", "just a cosmetic issue"),
                ("This is not a security hole, just a minor bug.", "just a minor bug"),
                ("It was only a tiny misconfiguration.", "only a tiny misconfiguration"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "This is just a temporary fix.",
                "That is only a partial fix until the new release ships.",
                "It is only a change in wording.",
                "Not only a config change but a schema change too.",
                "We only had a restart to try.",
                "This is only a test.",
                "It is not just a minor bug.",
                "Just a small issue: the link is broken.",
            ],
        );
    }

    #[test]
    fn avoiding_this_is_as_simple_as_pinning_the_version() {
        assert_flags(
            "minimizing-easy",
            &[
                ("Avoiding this is as simple as pinning the version.", "as simple as"),
                ("Preventing it is as easy as adding a check.", "as easy as"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "The revert process is designed to be as easy as upgrading was.",
                "Installing is as easy as running one command.",
            ],
        );
    }

    #[test]
    fn the_issue_was_easily_resolved_by_restarting() {
        assert_flags("minimizing-easy", &[("The issue was easily resolved by restarting.", "easily resolved")]);
        assert_passes(
            "minimizing",
            &[
                "It is not a problem easily solved by reviewing more carefully.",
                "Conflicts are resolved easily by the merge tool.",
                "Unintentional bad behavior can be easily corrected by being quick to apologize.",
            ],
        );
    }

    #[test]
    fn it_was_just_a_configuration_error() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was just a configuration error.", "just a configuration error"),
                ("It was merely an honest mistake.", "merely an honest mistake"),
                ("The root cause was simply an oversight.", "simply an oversight"),
                ("Honestly, it was only a simple mistake on my part.", "only a simple mistake"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "It was not just a configuration error.",
                "It was just an error message.",
                "Just a mistake in the docs: the port is wrong.",
                "The log showed just an error, nothing else.",
            ],
        );
    }

    #[test]
    fn it_was_only_a_small_config_error() {
        assert_flags(
            "minimizing-easy",
            &[
                ("It was only a small config error.", "small config error"),
                ("It was a minor copy-paste mistake on my part.", "minor copy-paste mistake"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "A small rounding error caused the drift.",
                "A small config error rate is expected during a deploy.",
                "I've fixed a small typo in the docs.",
            ],
        );
    }

    #[test]
    fn the_actual_bug_itself_is_a_quick_fix() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("The actual bug itself is a quick fix.", "a quick fix"),
                ("In the end it was a quick config change.", "a quick config change"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "The rollback was quick.",
                "We decided that an acceptable quick fix was to stop deleting accounts.",
                "It was not a quick fix.",
                "We need a quick fix for the login page.",
            ],
        );
    }

    #[test]
    fn it_was_nothing_serious_and_only_took_five_minutes_to_fix() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was nothing serious.", "was nothing serious"),
                ("The outage only lasted a few minutes, no harm done.", "no harm done"),
                ("It's just a minor inconvenience.", "just a minor inconvenience"),
            ],
        );
        assert_flags(
            "minimizing-easy",
            &[
                ("It only took five minutes to fix.", "only took five minutes to fix"),
                ("It only took a sec to fix.", "only took a sec to fix"),
                ("It only took 2 mins to roll back.", "only took 2 mins to roll"),
                ("A simple rollback fixed it.", "simple rollback fixed"),
                ("Easy peasy, rolled back.", "Easy peasy"),
                ("Easy-peasy.", "Easy-peasy"),
            ],
        );
        assert_flags("minimizing-just", &[("It was a simple matter of restarting the service.", "simple matter of")]);
        assert_passes(
            "minimizing",
            &[
                "There was nothing serious in the logs.",
                "Nothing major changed in the release.",
                "This is not a big issue for the scheduler.",
                "It only took a minute to fill the disk.",
                "We need a quick rollback to fix this.",
                "A big issue was the cache.",
            ],
        );
    }

    #[test]
    fn the_profile_you_just_set_up_is_recent() {
        assert_passes(
            "minimizing",
            &["Start a server with the GPU profile you just set up.", "Paste the token you just created here."],
        );
        assert_flags(
            "minimizing-just",
            &[
                ("If it hangs, you just restart the pod.", "just restart"),
                ("Can you just restart the pod?", "just restart"),
            ],
        );
    }

    #[test]
    fn simply_add_the_following_lines_to_the_config_is_a_guides_step() {
        assert_passes(
            "minimizing",
            &[
                "Simply add the following lines to `mkdocs.yml`:",
                "Just add the `card` class to any block element inside a `grid`:",
                "Just copy the snippet and paste it into your project's `README.md`.",
            ],
        );
        assert_flags(
            "minimizing-just",
            &[("Just restart the pod.", "Just restart"), ("Simply roll back and the errors stop.", "Simply roll")],
        );
    }

    #[test]
    fn they_just_dont_show_up_yet_is_not_ease() {
        assert_passes("minimizing", &["Your visits are not lost, they just don't show up in the dashboard just yet."]);
        assert_flags("minimizing-just", &[("Just restart the pod.", "Just restart")]);
    }

    #[test]
    fn it_was_no_big_deal_just_a_blip() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was no big deal.", "no big deal"),
                ("The outage was not a big deal, and we moved on.", "not a big deal"),
                ("No big deal.", "No big deal"),
                ("It was just a blip.", "just a blip"),
            ],
        );
        assert_flags(
            "minimizing-easy",
            &[
                ("How hard can it be to renew a certificate?", "How hard can it be"),
                ("How hard would it have been to add a canary?", "How hard would it have been"),
                ("Was it really that hard to check the config?", "Was it really that hard"),
                ("Is it so difficult to run the tests before merging?", "Is it so difficult"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "Losing a replica is not a big deal because it rebuilds.",
                "It's a big deal for our customers.",
                "This is no big deal for the scheduler.",
                "How hard is it to add a second region? We estimate two weeks.",
                "How difficult was the migration?",
                "Why was it so hard to find the logs?",
                "Was it hard to reproduce? It took us a week.",
                "How hard would it have been for the scheduler to recover on its own?",
                "The graph shows a blip at 14:02.",
            ],
        );
    }

    #[test]
    fn a_restart_was_all_it_needed_and_a_tiny_mistake() {
        assert_flags(
            "minimizing-easy",
            &[
                ("A quick restart was all it needed.", "was all it needed"),
                ("A restart was all that was needed.", "was all that was needed"),
                ("A restart was all that was needed to fix it.", "was all that was needed"),
                ("Fixing it took no time at all.", "took no time at all"),
                ("It was a tiny mistake with huge consequences.", "tiny mistake"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "Small errors were logged all morning.",
                "A minor error level is logged for retries.",
                "The failover took no time to start but an hour to finish.",
                "It was all it could do to stay up.",
                "That was all that was needed to reproduce the bug.",
            ],
        );
        assert_flags("minimizing-trivial", &[("The solution was embarrassingly simple.", "was embarrassingly simple")]);
    }

    #[test]
    fn the_fix_itself_was_trivial() {
        assert_flags(
            "minimizing-trivial",
            &[("The fix itself was trivial.", "was trivial"), ("The workaround alone was trivial.", "was trivial")],
        );
        assert_passes("minimizing-trivial", &["The system itself is simple.", "The fix itself was not trivial."]);
    }

    #[test]
    fn rolling_back_is_ops_101() {
        assert_flags(
            "minimizing-easy",
            &[
                ("Rolling back a bad deploy is Ops 101.", "Ops 101"),
                ("Validating demand before building is like entrepreneurship 101.", "entrepreneurship 101"),
                ("This is SRE 101.", "SRE 101"),
            ],
        );
        assert_passes(
            "minimizing",
            &["Port 101 is open.", "The course was called Networking 101.", "Chapter 101 is about DNS."],
        );
    }

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
                ("It was only a matter of flipping a feature flag.", "only a matter of"),
                ("Simply restarting the pod would have fixed it.", "Simply restarting"),
                ("It was fixed by just rolling back the config.", "just rolling"),
                ("They only needed to restart the pod.", "only needed"),
                ("The solution was simply to restart the pod.", "simply to restart"),
                ("The fix was obviously to restart the service.", "obviously to restart"),
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
                "We were just starting the deploy when the alert fired.",
                "The script is only needed to rotate keys.",
            ],
        );
    }

    #[test]
    fn the_fix_was_trivial() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("The fix was trivial.", "was trivial"),
                ("The root cause was simple.", "was simple"),
                ("One restart fixed it, it was that easy.", "was that easy"),
                ("It was basically a typo.", "basically a typo"),
                ("Yes, this was just a mis-click.", "just a mis-click"),
                ("It was just a silly typo in the config.", "just a silly typo"),
                ("It was just a DB fix.", "just a DB fix"),
                ("It was an easy fix.", "an easy fix"),
                ("It was a simple permissions problem which was quickly fixed.", "a simple permissions problem"),
                ("The outage was caused by nothing more than a typo.", "nothing more than a typo"),
                ("In the end it was just a missing comma.", "just a missing comma"),
                ("Nah... just a loose network cable.", "just a loose network"),
                ("Turns out it was just an expired certificate.", "just an expired certificate"),
                ("It was picked up by customer service. Luckily just a DB fix.", "just a DB fix"),
                ("Rolling back was trivial.", "was trivial"),
                ("The solution is often as simple as dropping the queued requests.", "is often as simple"),
                ("The fix involved a simple change to the config.", "a simple change"),
                ("The fix required a simple restart.", "a simple restart"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "The new design is simple.",
                "A typo in the config caused the outage.",
                "The revert process is designed to be as easy as upgrading was.",
                "Rolling back is simple with the new tooling.",
                "The fix was not trivial.",
                "The last warning was just a loose end we tidied up.",
                "The migration involved a simple change to the schema.",
                "The fix involved a complex change to the scheduler.",
                "It was an easy mistake to make.",
            ],
        );
    }

    #[test]
    fn all_it_took_was_a_config_change() {
        assert_flags(
            "minimizing-easy",
            &[
                ("All it took was a config change.", "All it took was"),
                ("All that was needed was a restart.", "All that was needed was"),
                ("All we needed was a quick restart.", "All we needed was"),
                ("Fixing it was a piece of cake.", "piece of cake"),
                ("Restoring the backup was child's play.", "child's play"),
                ("This mistake was relatively easy for us to correct.", "easy for us to correct"),
            ],
        );
        assert_flags("minimizing-just", &[("It was a DHCP bug that really just needed a reboot.", "just needed")]);
        assert_passes(
            "minimizing",
            &[
                "All I needed was a simple buy button.",
                "The validators were advised to simply switch their pruning parameters.",
                "For now, I'm going to just revert the commits on the release branch.",
                "To use the canonical strategy for a type, you can simply use `any::<T>()`.",
                "Users of older versions should be able to migrate by simply bumping the version number.",
                "Just adding the robotics feature is not enough to activate this mode.",
                "This is possible because x86 chips can just use the `cpuid` instruction.",
                "It took three hours, and all of it was needed.",
                "The restore took 20 minutes.",
                "Service was restored in minutes.",
                "The restart can be done in minutes with the new tooling.",
                "A full backup will take 6 hours on the current disks.",
                "The migration will take 30 minutes.",
                "It can take a while for DNS to propagate.",
                "The child's play area was closed.",
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
                ("Making such a basic error is not a good look.", "basic error"),
                ("That should take an hour of my time at the most.", "should take an hour"),
                ("Surely, that will only take an hour with my framework.", "will only take an hour"),
                ("We found the origin of the issue in no time.", "in no time"),
                ("It is a soft delete; reverting could be done in seconds.", "could be done in seconds"),
            ],
        );
    }

    #[test]
    fn we_thought_the_batch_job_would_take_about_an_hour_or_the_deploy_would_take_an_hour() {
        assert_passes(
            "minimizing",
            &[
                "We thought the batch job would take about an hour to complete, but it ended up taking 85 minutes.",
                "The migration should take about 30 minutes.",
                "The deploy would take an hour, so we started at nine.",
                "Everyone knew the deploy would take an hour.",
            ],
        );
        assert_flags("minimizing-easy", &[("It would only take a few minutes.", "would only take a few minutes")]);
    }

    #[test]
    fn an_action_opening_a_longer_subject_called_easy() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("Restoring the database from the nightly backup was simple.", "was simple"),
                ("Setting up the new cluster was easy, and we moved on.", "was easy"),
                ("Recovery was straightforward: we restarted the pod.", "was straightforward"),
                ("The rollback was simple.", "was simple"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "Recovery is straightforward with the new tooling.",
                "Detection was easy because the alert fired.",
                "Finding the logs in the new system was not easy.",
                "The pricing of running nodes was simple.",
                "Restoring from backup is easy with the new tool.",
                "If the fix is simple enough, you may fix it yourself.",
                "When the change is trivial, one approval is enough.",
            ],
        );
        assert_flags("minimizing-trivial", &[("Honestly, the fix is trivial.", "is trivial")]);
    }

    #[test]
    fn it_was_a_minor_hiccup() {
        assert_flags(
            "minimizing-trivial",
            &[
                ("It was a minor hiccup.", "minor hiccup"),
                ("The outage was a brief blip.", "brief blip"),
                ("Only a handful of users were affected, so no big deal.", "no big deal"),
            ],
        );
        assert_flags(
            "minimizing-easy",
            &[
                ("A quick fix resolved it.", "quick fix resolved"),
                ("A trivial config change fixed it.", "trivial config change fixed"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                "A minor network glitch dropped the connections.",
                "We saw a small blip in latency at 14:02.",
                "A quick fix is being prepared.",
                "The quick fix did not resolve it.",
                "It is a big deal for the customers affected.",
            ],
        );
    }

    #[test]
    fn a_slip_shrugged_off_as_what_happens_to_anyone_was_not_flagged() {
        assert_flags(
            "minimizing-shrug",
            &[
                ("It could happen to anyone.", "It could happen to anyone"),
                ("If that bug could affect Knight, it could happen to any company.", "it could happen to any company"),
                ("(Happens to the best of us.", "Happens to the best of us"),
                ("No problem, we all screw up from time to time.", "we all screw up"),
                ("But everyone has blind spots.", "everyone has blind spots"),
                ("Everyone has bad days.", "Everyone has bad days"),
                ("Everyone makes mistakes.", "Everyone makes mistakes"),
                ("All of us make mistakes.", "All of us make mistakes"),
                // Reached by the scan through "mess up" and "bad days" alone.
                ("We all mess up from time to time.", "We all mess up"),
                ("We all have bad days.", "We all have bad days"),
                ("Nobody's perfect.", "Nobody's perfect"),
                ("We're only human.", "We're only human"),
            ],
        );
        assert_passes(
            "minimizing",
            &[
                // The principle a blameless review stands on, and what follows from it.
                "Everyone makes mistakes, which is why the deploy tool checks the target.",
                "Everyone makes mistakes, and the system should catch them.",
                "We accept that everyone makes mistakes.",
                // Wishes, questions and facts.
                "I hope this never happens to anyone.",
                "We don't want this to happen to anyone.",
                "Could this happen to anyone?",
                "It happens to the best systems under load.",
                "Everyone has access to the dashboard.",
                "The fix is perfect.",
                "Human error is only human.",
                "Bugs happen.",
                "The deploy was a mess.",
                "We had a bad day on Tuesday.",
            ],
        );
    }
}
