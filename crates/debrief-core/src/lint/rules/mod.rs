//! The built-in rules, one module per wording category. Each rule reads a
//! tokenized sentence and reports the words it objects to, with a suggestion
//! when the sentence itself gives enough to write one. The follow-up rules about
//! action items are listed here too, so configuration and reports know them.

mod blame;
mod counterfactual;
mod hindsight;
mod minimizing;

use serde::Serialize;

use super::Category;
use super::text::Sentence;

/// What a rule is about, for reports, SARIF rule metadata and the README.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub category: Category,
    /// What the rule looks for, in a few words.
    pub summary: &'static str,
    /// Why the wording is a problem, in one sentence.
    pub message: &'static str,
    /// How to reword, when a finding cannot say more specifically.
    pub suggestion: &'static str,
}

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "counterfactual-modal",
        category: Category::Counterfactual,
        summary: "would/could/should have + past participle about what people might have done or prevented",
        message: "A counterfactual describes a past that did not happen and implies someone should have acted differently; describe what did happen and why it made sense at the time.",
        suggestion: "State what happened and what was missing, and what the people involved knew then.",
    },
    RuleInfo {
        id: "counterfactual-conditional",
        category: Category::Counterfactual,
        summary: "\"if we had ...\", \"had we ...\", \"if only\"",
        message: "A conditional about the past argues with what happened instead of explaining it.",
        suggestion: "State what was done and what made the other path hard to see at the time.",
    },
    RuleInfo {
        id: "counterfactual-visible",
        category: Category::Counterfactual,
        summary: "\"would have been visible/apparent\" outside detection sections",
        message: "Saying a problem would have been visible judges from the outcome what people should have looked at.",
        suggestion: "Say where the signal was and why it was not looked at or not alerted on.",
    },
    RuleInfo {
        id: "blame-failed-to",
        category: Category::Blame,
        summary: "a person as the subject of failed to / forgot to / neglected to",
        message: "Naming a person as the one who failed makes them the cause and stops the search for the conditions that made the step easy to miss.",
        suggestion: "Describe the step that did not happen and what made it easy to miss.",
    },
    RuleInfo {
        id: "blame-human-error",
        category: Category::Blame,
        summary: "\"human error\" or \"operator error\" given as a cause",
        message: "\"Human error\" ends the analysis at a person; the useful findings are the conditions that made the error possible and its effect large.",
        suggestion: "Name the conditions instead, e.g. \"the script accepted a production target without confirmation\".",
    },
    RuleInfo {
        id: "blame-fault",
        category: Category::Blame,
        summary: "\"X's fault\", \"his mistake\", \"X made a mistake\"",
        message: "Assigning fault to a person invites defensiveness and hides how the system allowed the mistake.",
        suggestion: "Describe the action and the context that made it reasonable at the time.",
    },
    RuleInfo {
        id: "blame-character",
        category: Category::Blame,
        summary: "judgements of character: careless, negligent, sloppy, reckless, lazy, incompetent",
        message: "Judging character explains nothing about the system and makes people stop telling what happened.",
        suggestion: "Describe what was done and what made it easy to do.",
    },
    RuleInfo {
        id: "blame-person-action",
        category: Category::Blame,
        summary: "a person who \"finally noticed\", \"ignored the alert\", acted \"without authorization\", \"took it upon himself\"",
        message: "This wording judges a person's conduct instead of describing what they saw and did.",
        suggestion: "Describe what the person saw and did, with times, and what competed for their attention.",
    },
    RuleInfo {
        id: "blame-erroneous-action",
        category: Category::Blame,
        summary: "a person as the subject of an error: \"deleted the wrong volume\", \"by mistake, someone ...\", \"mistakenly thought\"",
        message: "Telling an action as a person's error makes them the cause and hides what made the wrong target look like the right one.",
        suggestion: "Say what was done and what made it look right at the time.",
    },
    RuleInfo {
        id: "blame-sanction",
        category: Category::Blame,
        summary: "a person punished or retrained as the remedy: \"the engineer involved has been disciplined\", \"Bob was let go\"",
        message: "Punishing or retraining the person treats them as the cause, leaves the conditions for the next person in the same place, and teaches everyone to say less next time.",
        suggestion: "Say what changes around the action (a guard, a check, a safer default) so the same slip cannot do the same harm.",
    },
    RuleInfo {
        id: "blame-person-cause",
        category: Category::Blame,
        summary: "a person as the cause: \"Bob caused the outage\", \"I broke production\", \"caused by an engineer\"",
        message: "Naming a person as the cause of an incident stops the analysis at them instead of at what made the action possible and its effect so large.",
        suggestion: "Name the action and the conditions instead, e.g. \"a cleanup script ran against production, which nothing prevented\".",
    },
    RuleInfo {
        id: "blame-inadequate",
        category: Category::Blame,
        summary: "people judged as not trying hard enough: \"we didn't fully validate\", \"did not take sufficient steps\"",
        message: "Saying people did not do something well enough judges their effort against an outcome they could not see and hides what made the step look sufficient.",
        suggestion: "Say what was done, what it covered, and what it did not cover, e.g. \"the validation ran the unit tests, which do not exercise the migration\".",
    },
    RuleInfo {
        id: "blame-knowledge",
        category: Category::Blame,
        summary: "a person found wanting in what they knew: \"did not understand the significance\", \"was not familiar with the policy\", \"did not know how to\"",
        message: "Saying a person did not know or grasp something measures them against what is known now and hides what the alerts, tools and training showed them at the time.",
        suggestion: "Say what the person saw and knew at the time and what would have told them more, e.g. \"the alert did not say the node held the primary\".",
    },
    RuleInfo {
        id: "blame-omission",
        category: Category::Blame,
        summary: "a person or team as the subject of a step not taken: \"we did not communicate with users\", \"they didn't renew the domain\"",
        message: "Telling a step as one that people did not take makes the omission theirs and hides why the step was not part of the way the work was done.",
        suggestion: "Say which step did not happen and what made it easy to leave out, e.g. \"no step of the launch checklist warns the provider\".",
    },
    RuleInfo {
        id: "blame-exhortation",
        category: Category::Blame,
        summary: "people told to try harder: \"be more careful\", \"engineers need to be more vigilant\", \"pay more attention\"",
        message: "Asking people to be more careful puts the fix on their attention and leaves the system that let the slip through as it was.",
        suggestion: "Name a safeguard instead: a check, a confirmation step, an alert or a default that makes the slip hard to make.",
    },
    RuleInfo {
        id: "hindsight-phrase",
        category: Category::Hindsight,
        summary: "\"in hindsight\", \"in retrospect\", \"looking back,\"",
        message: "Knowing the outcome makes events look predictable; judge decisions by what was known at the time.",
        suggestion: "Describe what was known at the time and what made the risk hard to see.",
    },
    RuleInfo {
        id: "hindsight-should-have-known",
        category: Category::Hindsight,
        summary: "\"should have known/foreseen/anticipated/realized\"",
        message: "\"Should have known\" judges people by information they only have now.",
        suggestion: "Say what people knew then, and what would have told them more.",
    },
    RuleInfo {
        id: "hindsight-why-didnt",
        category: Category::Hindsight,
        summary: "\"why didn't they ...\", \"why did no one ...\"",
        message: "\"Why didn't they\" asks people to justify not doing what only the outcome made obvious.",
        suggestion: "Ask what people saw and what made the other action look unnecessary, e.g. \"what did the dashboards show at 14:05?\".",
    },
    RuleInfo {
        id: "hindsight-obvious",
        category: Category::Hindsight,
        summary: "\"it was obvious\", \"clearly showed\", \"the signs were there\"",
        message: "Calling a signal obvious or clear is judging with the outcome in mind; it was not obvious to the people there.",
        suggestion: "Describe the signal neutrally and why it did not stand out at the time.",
    },
    RuleInfo {
        id: "hindsight-verdict",
        category: Category::Hindsight,
        summary: "a past decision called \"clearly a mistake\", \"obviously a bad idea\"",
        message: "Calling a past decision clearly a mistake judges it by an outcome the people deciding could not see.",
        suggestion: "Say what the decision was, what was known when it was made, and what made it look reasonable.",
    },
    RuleInfo {
        id: "hindsight-slow",
        category: Category::Hindsight,
        summary: "people called slow: \"we were slow to notice\", \"the team took too long to react\"",
        message: "Calling people slow measures them against a timeline that was only known afterwards.",
        suggestion: "Give the times and say what the people were doing and what drew their attention, e.g. \"the alert fired at 14:02; the on-call was handling another page until 14:20\".",
    },
    RuleInfo {
        id: "minimizing-just",
        category: Category::Minimizing,
        summary: "\"just\" / \"simply\" before an action, implying it was easy",
        message: "\"Just\" and \"simply\" imply the action was easy, which makes not doing it sound careless and hides the real cost.",
        suggestion: "Drop \"just\"/\"simply\" and describe the action plainly.",
    },
    RuleInfo {
        id: "minimizing-easy",
        category: Category::Minimizing,
        summary: "\"all they had to do\", \"easily avoided\", \"easy to catch\", \"a simple mistake\"",
        message: "Calling the avoidance easy belittles the difficulty people faced and implies blame.",
        suggestion: "Describe what the action required and what stood in the way.",
    },
    RuleInfo {
        id: "minimizing-trivial",
        category: Category::Minimizing,
        summary: "the fix or the cause called trivial: \"the fix was trivial\", \"basically a typo\", \"it was that easy\"",
        message: "Calling the cause or the fix trivial makes the people who did not see it sound careless and hides why it was hard to see.",
        suggestion: "Describe the cause or the fix plainly, and what made it hard to find.",
    },
    RuleInfo {
        id: "minimizing-shrug",
        category: Category::Minimizing,
        summary: "the slip shrugged off as everyone's: \"it could happen to anyone\", \"we all screw up\", \"nobody's perfect\"",
        message: "Saying it could happen to anyone closes the question of what made it possible here.",
        suggestion: "Say what in the system let this slip through, and what would catch it next time.",
    },
    // The follow-up rules read a published post-mortem's action items, not its sentences: they are
    // described here with the others (for reports, SARIF and the configuration) and checked by
    // `postmortem::follow_through`, only in files with a post-mortem's front matter.
    RuleInfo {
        id: "follow-up-owner",
        category: Category::FollowUp,
        summary: "an open action item without an owner",
        message: "An action item nobody owns is one nobody is expected to close.",
        suggestion: "Name who will see it through with `owner:` in the item.",
    },
    RuleInfo {
        id: "follow-up-due-date",
        category: Category::FollowUp,
        summary: "an open action item without a due date",
        message: "An action item without a due date never becomes late, so nobody notices when it slips.",
        suggestion: "Give the item a `due:` date; the team's policy (.debrief/policy.toml) says how soon, by severity.",
    },
    RuleInfo {
        id: "follow-up-type",
        category: Category::FollowUp,
        summary: "an open action item without a type (detective, preventive, corrective, learning)",
        message: "Without a type nobody can see whether the countermeasures find, prevent, repair or teach.",
        suggestion: "Add `type:` detective, preventive, corrective or learning.",
    },
    RuleInfo {
        id: "follow-up-overdue",
        category: Category::FollowUp,
        summary: "an open action item past its due date by more than the policy's grace",
        message: "An open action item long past its due date is a countermeasure agreed on and not put in place.",
        suggestion: "Mark it `status: done`, move `due:` to a date its owner can keep, or close it with `status: wont-do` and a `reason:`.",
    },
    RuleInfo {
        id: "follow-up-reason",
        category: Category::FollowUp,
        summary: "a won't-do action item without a reason",
        message: "A won't-do item without a reason leaves readers guessing whether the risk was accepted or forgotten.",
        suggestion: "Add `reason:` saying why it will not be done.",
    },
];

pub(crate) fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|rule| rule.id == id)
}

/// A rule's objection to tokens `first..=last` of a sentence.
#[derive(Debug)]
pub(crate) struct Hit {
    pub rule: &'static str,
    pub first: usize,
    pub last: usize,
    pub suggestion: Option<String>,
    /// Words that can stand where the flagged words stand, for a one-click rewording.
    pub replacement: Option<String>,
}

impl Hit {
    pub fn new(rule: &'static str, first: usize, last: usize) -> Hit {
        Hit { rule, first, last, suggestion: None, replacement: None }
    }

    pub fn suggesting(mut self, suggestion: String) -> Hit {
        self.suggestion = Some(suggestion);
        self
    }

    pub fn replacing(mut self, replacement: String) -> Hit {
        self.replacement = Some(replacement);
        self
    }
}

/// Every built-in rule's hits in one sentence, in no particular order.
pub(crate) fn check(sentence: &Sentence, hits: &mut Vec<Hit>) {
    counterfactual::check(sentence, hits);
    blame::check(sentence, hits);
    hindsight::check(sentence, hits);
    minimizing::check(sentence, hits);
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The rules hitting a sentence, with the words each one objects to.
    pub fn hits(text: &str) -> Vec<(&'static str, String)> {
        let sentence = Sentence::new(text);
        let mut hits = Vec::new();
        check(&sentence, &mut hits);
        hits.into_iter().map(|hit| (hit.rule, sentence.written(hit.first, hit.last).to_string())).collect()
    }

    /// Asserts that `rule` objects to `phrase` in each sentence, and that the whole
    /// checker reports it (so the rule's words are among the triggers that let a
    /// sentence through to the rules).
    pub fn assert_flags(rule: &str, cases: &[(&str, &str)]) {
        let category = info(rule).expect("a built-in rule").category;
        for (text, phrase) in cases {
            let found = hits(text);
            assert!(
                found.iter().any(|(id, words)| *id == rule && words == phrase),
                "{rule} should flag {phrase:?} in {text:?}; found {found:?}"
            );
            let reported = crate::lint::Linter::default().check(text);
            assert!(
                reported.iter().any(|finding| finding.category == category),
                "the checker should report {rule} in {text:?}; reported {reported:?}"
            );
        }
    }

    /// Asserts that no rule of the category of `prefix` objects to any of the sentences.
    pub fn assert_passes(prefix: &str, texts: &[&str]) {
        for text in texts {
            let found: Vec<_> = hits(text).into_iter().filter(|(id, _)| id.starts_with(prefix)).collect();
            assert!(found.is_empty(), "{text:?} should pass {prefix}* but got {found:?}");
        }
    }

    #[test]
    fn every_rule_is_documented_once() {
        for rule in RULES {
            assert_eq!(RULES.iter().filter(|other| other.id == rule.id).count(), 1, "{}", rule.id);
            assert!(rule.id.starts_with(rule.category.as_str()), "{} is in {:?}", rule.id, rule.category);
            assert!(rule.message.ends_with('.') && rule.message.matches(". ").count() == 0, "{}", rule.id);
        }
    }
}
