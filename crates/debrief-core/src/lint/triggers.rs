//! One fast pass over all the prose of a document that finds the words without
//! which no rule can fire, so that only the few sentences holding them are split
//! into words and read by the rules. Most sentences of a post-mortem never are.
//!
//! It reads words, not substrings, so "adjust" is not "just" and "shadow" not
//! "had"; and it knows which words only matter together: a modal and a form of
//! "have" ("could ... have"), "had" with "if" or "been" ("if we had", "had
//! backups been"), "human" before "error". Words are found eight bytes at a time
//! with bit masks, and a word is only looked up when its first letters and
//! length could make it one of the hundred-odd known words; the words around a
//! known word are read only when it needs them ("failed" + "to").

use super::text::{NEGATED_WITHOUT_APOSTROPHE, first_word};
use super::words::{
    BACKGROUND, BUSY, COMPETENCE, DILIGENCE, HASTY_STEPS, LEFT_EXPOSED, MADE_SMALL, PEOPLE_SIDE_FOUND_WANTING,
    POOR_WORK, RESPONSIBILITY_DEGREES, SHIPPING_VERBS, SLIP_MARKS, SLIPS_MADE_SMALL, STEPS_ASKED_AFTER,
    WHY_AUXILIARIES, WITHOUT_ADVERBS, WITHOUT_WHAT, WORK_OF_PEOPLE, is_attention_verb, is_authored_noun, is_avoidance,
    is_given_name, is_harmed, is_judgement_adjective, is_prevention_verb, is_remedy_participle, is_role_noun,
    is_simple_action_verb,
};

/// What a word says about its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    Modal,
    Have,
    Had,
    /// "if", before a "had": "if we had known".
    If,
    /// "been", after a "had": "had backups been verified".
    Been,
    /// Enough on its own for a rule to look.
    Alone,
}

/// Most bytes between a modal and its "have" ("could the on-call engineer never have").
const MODAL_TO_HAVE: usize = 48;
/// Most bytes between "if" and its "had" ("if, after the second page, the engineer had").
const IF_TO_HAD: usize = 80;
/// Most bytes between an inverted "had" and its "been" ("had the nightly backups been").
const HAD_TO_BEEN: usize = 40;
/// Most words between a negation and a word of effort ("did not take sufficient").
const NEGATION_TO_ADEQUACY: usize = 8;
/// Most words between a negation and a duty ("had not yet actioned", "didn't really test").
const NEGATION_TO_DUTY: usize = 3;

/// Whether the triggers of a sentence, given in order with their offsets, could
/// let a rule fire: a trigger that stands alone, or a pair close enough to be one
/// verb group or conditional.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Triggered {
    modal: Option<usize>,
    condition: Option<usize>,
    had: Option<usize>,
    worth_reading: bool,
}

impl Triggered {
    pub fn add(&mut self, at: usize, trigger: Trigger) {
        let near = |earlier: Option<usize>, reach: usize| earlier.is_some_and(|earlier| at - earlier <= reach);
        match trigger {
            Trigger::Modal => self.modal = Some(at),
            Trigger::Have => self.worth_reading |= near(self.modal, MODAL_TO_HAVE),
            Trigger::If => self.condition = Some(at),
            Trigger::Had => {
                self.worth_reading |= near(self.condition, IF_TO_HAD);
                self.had = Some(at);
            }
            Trigger::Been => self.worth_reading |= near(self.had, HAD_TO_BEEN),
            Trigger::Alone => self.worth_reading = true,
        }
    }

    pub fn worth_reading(self) -> bool {
        self.worth_reading
    }
}

/// The known words, by the part they play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum W {
    Other,
    /// A trigger whatever its neighbours: "hindsight", "just", "careless", "would've".
    Alone,
    Modal,
    Have,
    /// "has", "need": a trigger only in "all they need to do".
    NeedLike,
    Had,
    /// "if" and "been", which make "had" worth reading.
    Condition,
    If,
    How,
    Looking,
    Knowing,
    Signs,
    /// "failed", "omitted", "thought": a trigger before "to".
    FailedLike,
    Error,
    Easy,
    Rocket,
    Messed,
    Dropped,
    Upon,
    /// A trigger before an auxiliary: "why didn't".
    Why,
    /// A trigger before what was lacking: "without approval".
    Without,
    /// A trigger after a determiner: "the wrong volume".
    Wrong,
    /// A trigger after "more" or "be": "be more careful".
    Careful,
    /// A trigger after "more", "closer" or "pay": "pay more attention".
    Attention,
    /// A trigger before "to": "got around to".
    Around,
    /// A trigger before "was" or "is": "all it took was".
    Took,
    /// A trigger between "too" and "to": "took too long to notice".
    Long,
    /// Like "if" before a "had": "I wish we had tested it".
    Wish,
    /// A word of effort, a trigger after a negation: "didn't fully validate", "not enough".
    Adequacy,
    /// A step people are expected to take, after a negation: "did not communicate", "hadn't renewed".
    Duty,
    /// "follow": a duty after a negation, or a procedure people are told to keep to ("be sure to follow").
    Follow,
    /// A trigger before "of me": "that was because of me".
    Because,
    /// A trigger before "to", "about" or "through": "didn't think to check".
    Think,
    /// A trigger before "sense": "a false sense of security".
    False,
    /// A trigger after a verdict: "a clear miss".
    Miss,
    /// A trigger after a modal: "that should take an hour".
    Take,
    /// A trigger after "no": "in no time".
    Time,
    /// A trigger after "in": "could be done in seconds".
    Seconds,
    /// Blame given: "to blame for", "blamed on", "is being blamed".
    Blame,
    /// A trigger after a possessive, closing its clause: "it was Alice's doing".
    Doing,
    /// A trigger after "child's": "restoring it was child's play".
    Play,
    /// A trigger after "connect the": "nobody connected the dots".
    Dots,
    /// A trigger before "needed to": "they only needed to restart it".
    Only,
    /// A trigger before "of time": "only a matter of time".
    Matter,
    /// A trigger after "caused": "caused by an engineer".
    By,
    /// A verb of harm, a trigger between a person and what was harmed: "I broke production".
    Harm,
    /// An effect told after its action, a trigger after a comma or "which": "..., causing
    /// an outage", "..., which led to errors".
    Consequence,
    /// A person punished, a trigger after a passive auxiliary: "has been disciplined", "was let go".
    Sanction,
    /// A trigger before "as": "plain as day".
    Plain,
    /// A trigger after "not": "not surprisingly".
    Surprisingly,
    /// A trigger after "infinite" or "all my": "in my infinite wisdom".
    Wisdom,
    /// A trigger between "get" and "with": "thought we could get away with it".
    Away,
    /// A trigger after "seen it": "could have seen this coming".
    Coming,
    /// A word of praise, a trigger after "not a": "was not a good idea".
    Praise,
    /// A turn after a person's action, read only when a person opens the sentence: "instead
    /// of", "despite the warnings".
    Turn,
    /// A safeguard set aside on purpose, a trigger after "to": "chose to ignore".
    SetAside,
    /// A trigger in a person found wanting: "was not qualified", "lacked the experience",
    /// "a lack of attention".
    Competence,
    /// A trigger before "too much" or "too long": "spent too much time".
    TooMuch,
    /// A trigger in "was supposed to": a duty named, perhaps left undone.
    Supposed,
    /// A trigger between "was" and "it took": "a restart was all it needed".
    AllIt,
    /// A trigger in "in front of": "it was right in front of us".
    Front,
    /// A trigger after "time": "a time bomb".
    Bomb,
    /// A trigger in "into account" and "account for".
    Account,
    /// A trigger before "was on": "the writing was on the wall".
    Writing,
    /// A trigger before a slip: "a basic error", "a silly mistake".
    Slip,
    /// A trigger between "to" and a verb of noticing: "took three hours to even notice".
    Even,
    /// A trigger after a verb of wiping and "the": "deleted the whole table".
    Whole,
    /// A trigger after "on": "this one is on me".
    Me,
    /// A trigger before "for": "was responsible for the outage".
    Responsible,
    /// A trigger before "cause": "the root cause was an engineer".
    Root,
    /// A trigger before "now" or "today": "what we know now".
    Know,
    /// A trigger before "to happen": "bound to happen", "an accident waiting to happen".
    Bound,
    /// "slept through the pages"
    Slept,
    /// A trigger before "roll": "heads should roll".
    Heads,
    /// A trigger after "off" or "off as": "got off lightly", "won't get off as lightly".
    Lightly,
    /// A trigger after "big": "no big deal".
    Deal,
    /// A trigger after "nothing": "it was nothing serious".
    AfterNothing,
    /// A trigger between "no" and "done": "no harm done".
    AfterNo,
    /// A trigger between "too" and "to": "we were too quick to blame the network".
    TooQuick,
    /// "got" before "by" or "past": "that got by you and two reviewers".
    GotPast,
    /// "recipe for disaster", "asking for trouble".
    Recipe,
    /// "confused X with Y", "mixed up the two servers": one thing taken for another.
    Confused,
    /// Derision of people: "a bunch of amateurs", "the ops team is a joke", "should be ashamed",
    /// "have no business running infrastructure".
    Derision,
    /// "jumped the gun": haste judged afterwards.
    JumpedTheGun,
    /// "anyone", "everyone" or "all" between "for" and "to see": "there for anyone to see";
    /// "anyone" after a negation: "didn't anyone check?"; "everyone" before what all do:
    /// "everyone makes mistakes".
    ForAllToSee,
    /// "nobody" before where they were: "nobody on the team checked", beyond a duty's reach;
    /// after "did": "did nobody check?"
    NobodyAt,
    /// "none" before "of": "none of the reviewers checked the diff", beyond a duty's reach.
    NoneOf,
    /// "responsibility" after "take full": "I take full responsibility for this outage"; or
    /// before "lies": "responsibility lies with the vendor".
    TakeResponsibility,
    /// "left" before a state that exposes a system: "left the bucket public".
    LeftExposed,
    /// A trigger before a slip it apologises for: "sorry for breaking", "sorry to have missed".
    Apology,
    /// "seemed", "looked" or "felt" before "like a good idea": "it seemed like a good idea at the time".
    Seemed,
    /// "line" or "character" between "one" and a fix: "a one line fix".
    SizeOfFix,
    /// A word for a novice's slip before it: "a textbook mistake", "a classic error".
    KindOfMistake,
    /// A trigger after a copula: "the security culture was inadequate".
    Wanting,
    /// A trigger between "what" and "when": "this is what happens when"; or before whom it
    /// happens to: "it could happen to anyone", "happens to the best of us".
    Happens,
    /// "perfect" after "is": "nobody is perfect", "no one's perfect".
    Perfect,
    /// "human" after "only" or "all": "we're only human".
    OnlyHuman,
    /// "days" or "spots" after what everyone has: "we all have bad days", "blind spots".
    BadDays,
    /// A trigger after "any": "any junior engineer knows".
    AfterAny,
    /// "mind" after "right": "who in their right mind".
    Mind,
    /// "kind" between "what" and "of": "what kind of company doesn't have backups?"
    Kind,
    /// "imagine" before "not": "imagine not having backups".
    Imagine,
    /// "believe" after "can't" or "hard to": "I can't believe they pushed this to every machine".
    Believe,
    /// Disbelief before "that": "it's insane that nobody caught this".
    Incredulous,
    /// Disbelief before "that", or after a copula: "skipping the canary was crazy".
    Madness,
    /// "hard" between "that" or "so" and "to": "was it really that hard to check?"
    Hard,
    /// "task" or "challenge" after "up to the": "wasn't up to the task" (and "job", a [`W::Job`]).
    Task,
    /// "deviated" before "from": "the operator deviated from the runbook".
    Deviated,
    /// Surprise, which is as often delight, before whom it is about: "I'm amazed nobody caught this".
    Amazed,
    /// "shame" before "on": "shame on them".
    Shame,
    /// "granted" after "for": "we took reliability for granted".
    Granted,
    /// An action item asking people to do better, opening its clause: "Remind Bob to ...".
    Remind,
    /// "expect" after "would": "one would expect better from a vendor this size".
    Expect,
    /// "fingered" after "fat": "an operator fat fingered the command".
    Fingered,
    /// "lapse" before "in judgment": "a lapse in judgment led to the outage".
    Lapse,
    /// "ball" after "off the": "we took our eye off the ball".
    Ball,
    /// "genius" after "some": "some genius decided to run migrations at peak".
    Genius,
    /// "slide" or "slip" after "let" and what was let: "we let it slide", "we let a bad config slip".
    Slide,
    /// "sat" before "on": "we sat on the alert for an hour".
    Sat,
    /// A trigger after a possessive and a negation: "didn't do their job".
    Job,
    /// A trigger after "it": "shipped it anyway".
    Anyway,
    /// A trigger after a verb of shipping and before "to": "pushed straight to master".
    Straight,
    /// A trigger between "no" and "what": "had no idea what he was doing".
    Idea,
    /// A verb of grasping after a negation: "did not understand the significance",
    /// "could not fully appreciate the implications".
    Grasp,
    /// A trigger after a negation or as "unfamiliar": "was not familiar with the policy".
    Familiar,
    /// A trigger after "not even": "were not even aware of".
    Aware,
    /// A trigger after "way too", "far too" or "much too": "the rollout was far too aggressive".
    WayToo,
    /// A trigger after a word of smallness: "a minor hiccup", "a brief blip".
    Hiccup,
    /// A trigger after "did": "we did nothing".
    Nothing,
    /// A trigger after "on my", "on our", "on his": "bad timing on my part".
    Part,
    /// A trigger between "for" and "to": "fined for failing to".
    Failing,
    /// A trigger before a verb of attention: "J finally notices the alert".
    Finally,
    /// A trigger beside "now": "it is now clear that".
    ClearNow,
    /// "one" after "did no": "did no one check?"
    NoOne,
    /// "thinking" after "what were they": "what were they thinking?"
    Thinking,
    /// "course" after "of": "of course, nobody had tested it".
    OfCourse,
    /// "excuse" after "no": "there is no excuse for this".
    NoExcuse,
    /// "fire" before whom: "fire the intern", "fire any engineers who built it".
    FireSomeone,
    /// "breeze" after "was a": "rolling back was a breeze".
    Breeze,
    /// "proportion" after "blown out of".
    OutOfProportion,
    /// "resume" or "cv" after "his", "her" or "their": "updating their resume".
    Resume,
    /// "always" between "was" and "going to": "it was always going to fail".
    Always,
    /// The people side of an organisation after an adjective that finds it wanting: "poor leadership".
    PeopleSide,
    /// A trigger before a role: "a rogue employee".
    Rogue,
    /// A trigger before a word of avoidance: "easily avoided", "trivially caught".
    Easily,
    /// A trigger with its owner before it or its party after it: "Bob's fault", "the fault of
    /// the vendor", "the fault lies with".
    Fault,
    /// A trigger after "no": "no biggie".
    Biggie,
    /// A trigger before a step and "this": "who merged this?".
    Who,
    /// A trigger after "no" or "as a": "it's no surprise that".
    Surprise,
    /// A trigger before what is made small: "just restart it", "just a config change", "just
    /// needed a reboot", "just a matter of".
    Just,
}

/// Verbs of wiping before "the whole" or "the entire".
const WIPED: &[&[u8]] =
    &[b"deleted", b"dropped", b"wiped", b"erased", b"truncated", b"overwrote", b"overwritten", b"nuked", b"destroyed"];

/// Verbs of noticing that "to even" can stand before.
const NOTICE: &[&[u8]] = &[b"notice", b"realize", b"realise", b"detect", b"spot", b"see", b"recognize", b"recognise"];
/// Participles of prevention after "to have": "the only way to have avoided it".
const PREVENTED: &[&[u8]] = &[b"prevented", b"avoided", b"averted", b"caught", b"stopped", b"mitigated", b"detected"];

/// Words longer than this are never known (the longest is "irresponsibility").
const LONGEST: usize = 24;

const KNOWN: &[(&[u8], W)] = &[
    (b"would", W::Modal),
    (b"could", W::Modal),
    (b"should", W::Modal),
    (b"might", W::Modal),
    (b"may", W::Modal),
    (b"must", W::Modal),
    (b"ought", W::Modal),
    (b"wouldn't", W::Modal),
    (b"couldn't", W::Modal),
    (b"shouldn't", W::Modal),
    (b"couldnt", W::Modal),
    (b"shouldnt", W::Modal),
    (b"wouldnt", W::Modal),
    (b"mightn't", W::Modal),
    (b"mustn't", W::Modal),
    (b"would've", W::Alone),
    (b"could've", W::Alone),
    (b"should've", W::Alone),
    (b"might've", W::Alone),
    (b"must've", W::Alone),
    (b"woulda", W::Alone),
    (b"coulda", W::Alone),
    (b"shouldve", W::Alone),
    (b"couldve", W::Alone),
    (b"wouldve", W::Alone),
    (b"shoulda", W::Alone),
    (b"have", W::Have),
    (b"has", W::NeedLike),
    (b"need", W::NeedLike),
    (b"needs", W::NeedLike),
    (b"needed", W::NeedLike),
    (b"had", W::Had),
    (b"hadn't", W::Had),
    (b"if", W::If),
    (b"wish", W::Wish),
    (b"wished", W::Wish),
    (b"wishes", W::Wish),
    (b"been", W::Condition),
    (b"how", W::How),
    (b"looking", W::Looking),
    (b"knowing", W::Knowing),
    (b"signs", W::Signs),
    (b"flags", W::Signs),
    (b"clues", W::Signs),
    (b"failed", W::FailedLike),
    (b"failing", W::Failing),
    (b"fails", W::FailedLike),
    (b"omitted", W::FailedLike),
    (b"thought", W::FailedLike),
    (b"think", W::Think),
    (b"cared", W::FailedLike),
    (b"forgetting", W::FailedLike),
    (b"neglecting", W::FailedLike),
    (b"slow", W::FailedLike),
    (b"slower", W::FailedLike),
    (b"late", W::FailedLike),
    // "we were too confident in our tests"
    (b"confident", W::FailedLike),
    (b"enough", W::Adequacy),
    (b"sufficient", W::Adequacy),
    (b"sufficiently", W::Adequacy),
    (b"correctly", W::Adequacy),
    (b"properly", W::Adequacy),
    (b"fully", W::Adequacy),
    (b"thoroughly", W::Adequacy),
    (b"adequately", W::Adequacy),
    (b"carefully", W::Adequacy),
    (b"care", W::Adequacy),
    (b"caution", W::Adequacy),
    (b"diligence", W::Adequacy),
    (b"thorough", W::Adequacy),
    // Steps people are expected to take, in their base and past forms.
    (b"communicate", W::Duty),
    (b"notice", W::Duty),
    (b"wait", W::Duty),
    (b"spot", W::Duty),
    (b"catch", W::Duty),
    (b"alert", W::Duty),
    (b"alerted", W::Duty),
    (b"notify", W::Duty),
    (b"inform", W::Duty),
    (b"tell", W::Duty),
    (b"warn", W::Duty),
    (b"announce", W::Duty),
    (b"contact", W::Duty),
    (b"consult", W::Duty),
    (b"involve", W::Duty),
    (b"ask", W::Duty),
    (b"escalate", W::Duty),
    (b"acknowledge", W::Duty),
    (b"respond", W::Duty),
    (b"raise", W::Duty),
    (b"adhere", W::Duty),
    (b"adhered", W::Duty),
    (b"comply", W::Duty),
    (b"complied", W::Duty),
    (b"violated", W::Alone),
    (b"breached", W::Alone),
    (b"flouted", W::Alone),
    (b"raised", W::Duty),
    (b"page", W::Duty),
    (b"test", W::Duty),
    (b"check", W::Duty),
    (b"request", W::Duty),
    (b"double-check", W::Duty),
    (b"verify", W::Duty),
    (b"validate", W::Duty),
    (b"review", W::Duty),
    (b"audit", W::Duty),
    (b"confirm", W::Duty),
    (b"read", W::Duty),
    (b"redact", W::Duty),
    (b"document", W::Duty),
    (b"update", W::Duty),
    (b"renew", W::Duty),
    (b"rotate", W::Duty),
    (b"patch", W::Duty),
    (b"upgrade", W::Duty),
    (b"provision", W::Duty),
    (b"give", W::Duty),
    (b"action", W::Duty),
    (b"monitor", W::Duty),
    // "did not act on the audit findings", "did not keep its systems up to date"
    (b"act", W::Duty),
    (b"acted", W::Duty),
    (b"keep", W::Duty),
    (b"kept", W::Duty),
    // "nobody was watching"
    (b"watching", W::Duty),
    (b"monitoring", W::Duty),
    (b"track", W::Duty),
    (b"follow", W::Follow),
    (b"follows", W::Follow),
    (b"plan", W::Duty),
    (b"prepare", W::Duty),
    (b"schedule", W::Duty),
    (b"coordinate", W::Duty),
    (b"prioritize", W::Duty),
    (b"prioritise", W::Duty),
    (b"consider", W::Duty),
    (b"stage", W::Duty),
    (b"canary", W::Duty),
    (b"back", W::Duty),
    (b"communicated", W::Duty),
    (b"notified", W::Duty),
    (b"informed", W::Duty),
    (b"told", W::Duty),
    (b"warned", W::Duty),
    (b"announced", W::Duty),
    (b"contacted", W::Duty),
    (b"consulted", W::Duty),
    (b"involved", W::Duty),
    (b"asked", W::Duty),
    (b"escalated", W::Duty),
    (b"acknowledged", W::Duty),
    (b"responded", W::Duty),
    (b"paged", W::Duty),
    (b"tested", W::Duty),
    (b"checked", W::Duty),
    (b"requested", W::Duty),
    (b"double-checked", W::Duty),
    (b"verified", W::Duty),
    (b"validated", W::Duty),
    (b"reviewed", W::Duty),
    (b"audited", W::Duty),
    (b"confirmed", W::Duty),
    (b"redacted", W::Duty),
    (b"documented", W::Duty),
    (b"updated", W::Duty),
    (b"renewed", W::Duty),
    (b"rotated", W::Duty),
    (b"patched", W::Duty),
    (b"upgraded", W::Duty),
    (b"provisioned", W::Duty),
    (b"given", W::Duty),
    (b"gave", W::Duty),
    (b"actioned", W::Duty),
    (b"monitored", W::Duty),
    (b"tracked", W::Duty),
    (b"followed", W::Duty),
    (b"planned", W::Duty),
    (b"prepared", W::Duty),
    (b"scheduled", W::Duty),
    (b"coordinated", W::Duty),
    (b"prioritized", W::Duty),
    (b"prioritised", W::Duty),
    (b"considered", W::Duty),
    (b"staged", W::Duty),
    (b"canaried", W::Duty),
    (b"backed", W::Duty),
    (b"account", W::Account),
    (b"caused", W::Harm),
    (b"triggered", W::Harm),
    (b"broke", W::Harm),
    (b"broken", W::Harm),
    (b"crashed", W::Harm),
    (b"brought", W::Harm),
    (b"knocked", W::Harm),
    (b"corrupted", W::Harm),
    (b"disciplined", W::Sanction),
    (b"fired", W::Sanction),
    (b"fire", W::FireSomeone),
    (b"afterthought", W::Alone),
    (b"sacked", W::Sanction),
    (b"suspended", W::Sanction),
    (b"retrained", W::Sanction),
    (b"counseled", W::Sanction),
    (b"counselled", W::Sanction),
    (b"demoted", W::Sanction),
    (b"sanctioned", W::Sanction),
    (b"terminated", W::Sanction),
    (b"let", W::Sanction),
    (b"against", W::Sanction),
    (b"spoken", W::Sanction),
    (b"written", W::Sanction),
    (b"held", W::Sanction),
    (b"plain", W::Plain),
    (b"away", W::Away),
    (b"coming", W::Coming),
    (b"101", W::Alone),
    (b"good", W::Praise),
    (b"strong", W::Praise),
    (b"smart", W::Praise),
    (b"wise", W::Praise),
    (b"great", W::Praise),
    (b"best", W::Praise),
    (b"right", W::Praise),
    (b"smartest", W::Praise),
    (b"wisest", W::Praise),
    (b"brightest", W::Praise),
    (b"instead", W::Turn),
    (b"despite", W::Turn),
    (b"ignore", W::SetAside),
    (b"skip", W::SetAside),
    (b"bypass", W::SetAside),
    (b"disregard", W::SetAside),
    (b"override", W::SetAside),
    (b"inexperienced", W::Alone),
    (b"unqualified", W::Alone),
    (b"qualified", W::Competence),
    (b"lacked", W::Competence),
    (b"lacks", W::Competence),
    (b"lacking", W::Competence),
    (b"lack", W::Competence),
    (b"spent", W::TooMuch),
    (b"supposed", W::Supposed),
    (b"rogue", W::Rogue),
    (b"tiny", W::Slip),
    (b"small", W::Slip),
    (b"minor", W::Slip),
    (b"all", W::AllIt),
    (b"front", W::Front),
    (b"bomb", W::Bomb),
    (b"wasted", W::TooMuch),
    (b"causing", W::Consequence),
    (b"breaking", W::Consequence),
    (b"leading", W::Consequence),
    (b"resulting", W::Consequence),
    (b"led", W::Consequence),
    (b"resulted", W::Consequence),
    (b"untested", W::Alone),
    (b"competent", W::Alone),
    (b"inevitable", W::Alone),
    (b"always", W::Always),
    (b"bungling", W::Alone),
    (b"inept", W::Alone),
    (b"clumsy", W::Alone),
    (b"blame", W::Blame),
    (b"blamed", W::Blame),
    (b"sane", W::Alone),
    (b"literate", W::Alone),
    (b"self-respecting", W::Alone),
    (b"by", W::By),
    (b"unreviewed", W::Alone),
    (b"failure", W::FailedLike),
    (b"slipped", W::Alone),
    (b"got", W::GotPast),
    (b"jumped", W::JumpedTheGun),
    (b"anyone", W::ForAllToSee),
    (b"anybody", W::ForAllToSee),
    (b"everyone", W::ForAllToSee),
    (b"everybody", W::ForAllToSee),
    (b"nobody", W::NobodyAt),
    (b"no-one", W::NobodyAt),
    (b"none", W::NoneOf),
    (b"left", W::LeftExposed),
    (b"because", W::Because),
    (b"underestimated", W::Alone),
    (b"overestimated", W::Alone),
    (b"kicked", W::Dropped),
    (b"underinvested", W::Alone),
    (b"misjudged", W::Alone),
    (b"misunderstood", W::Alone),
    (b"misinterpreted", W::Alone),
    (b"disciplinary", W::Alone),
    (b"blindly", W::Alone),
    (b"misconfigured", W::Alone),
    (b"misread", W::Alone),
    (b"oversight", W::Alone),
    (b"leadership", W::PeopleSide),
    (b"management", W::PeopleSide),
    (b"supervision", W::PeopleSide),
    (b"judgement", W::PeopleSide),
    (b"judgment", W::PeopleSide),
    (b"oversights", W::Alone),
    (b"misstep", W::Alone),
    (b"missteps", W::Alone),
    (b"culpa", W::Alone),
    (b"regret", W::Alone),
    (b"regrets", W::Alone),
    (b"regretted", W::Alone),
    (b"wrong", W::Wrong),
    (b"incorrect", W::Wrong),
    (b"bad", W::Wrong),
    (b"terrible", W::Wrong),
    (b"awful", W::Wrong),
    (b"false", W::False),
    (b"miss", W::Miss),
    (b"basic", W::Slip),
    (b"silly", W::Slip),
    (b"elementary", W::Slip),
    (b"sophomoric", W::Slip),
    (b"dumb", W::Slip),
    (b"embarrassing", W::Slip),
    (b"boneheaded", W::Slip),
    (b"flagrant", W::Slip),
    (b"egregious", W::Slip),
    (b"inexcusable", W::Slip),
    (b"unforgivable", W::Slip),
    (b"amateurish", W::Slip),
    (b"amateur", W::Slip),
    (b"amateurs", W::Alone),
    (b"ashamed", W::Alone),
    (b"embarrassed", W::Alone),
    (b"joke", W::Derision),
    (b"business", W::Derision),
    (b"wrongly", W::Alone),
    (b"incorrectly", W::Alone),
    (b"mistakenly", W::Alone),
    (b"erroneously", W::Alone),
    (b"skipped", W::Alone),
    (b"dismissed", W::Alone),
    (b"evidently", W::Alone),
    (b"careful", W::Careful),
    (b"cautious", W::Careful),
    (b"vigilant", W::Careful),
    (b"attentive", W::Careful),
    (b"diligent", W::Careful),
    (b"attention", W::Attention),
    (b"around", W::Around),
    (b"took", W::Took),
    (b"takes", W::Took),
    (b"take", W::Take),
    (b"time", W::Time),
    (b"seconds", W::Seconds),
    (b"minutes", W::Seconds),
    (b"only", W::Only),
    (b"matter", W::Matter),
    (b"writing", W::Writing),
    (b"predictably", W::Alone),
    (b"inevitably", W::Alone),
    (b"required", W::Took),
    (b"requires", W::Took),
    (b"long", W::Long),
    (b"forever", W::Long),
    (b"seriously", W::Adequacy),
    (b"straightforward", W::Easy),
    (b"typo", W::Alone),
    (b"typos", W::Alone),
    (b"misclick", W::Alone),
    (b"mis-click", W::Alone),
    (b"one-liner", W::Alone),
    (b"one-line", W::Alone),
    (b"single-line", W::Alone),
    (b"one-character", W::Alone),
    (b"tweak", W::Alone),
    (b"error", W::Error),
    (b"misconfiguration", W::Error),
    (b"errors", W::Error),
    (b"easy", W::Easy),
    (b"lightly", W::Lightly),
    (b"painless", W::Easy),
    (b"easy-peasy", W::Alone),
    (b"breeze", W::Breeze),
    (b"teacup", W::Alone),
    (b"teapot", W::Alone),
    (b"ado", W::Alone),
    (b"proportion", W::OutOfProportion),
    (b"trivial", W::Easy),
    (b"simple", W::Easy),
    (b"rocket", W::Rocket),
    (b"messed", W::Messed),
    (b"screwed", W::Messed),
    (b"fucked", W::Messed),
    (b"dropped", W::Dropped),
    (b"upon", W::Upon),
    (b"unilaterally", W::Alone),
    (b"mistake", W::Alone),
    (b"mistakes", W::Alone),
    (b"hindsight", W::Alone),
    (b"retrospect", W::Alone),
    (b"retrospection", W::Alone),
    (b"why", W::Why),
    (b"obvious", W::Alone),
    (b"obviously", W::Alone),
    (b"naturally", W::Alone),
    (b"course", W::OfCourse),
    (b"excuse", W::NoExcuse),
    (b"excuses", W::NoExcuse),
    (b"clearly", W::Alone),
    (b"plainly", W::Alone),
    (b"finally", W::Finally),
    (b"eventually", W::Finally),
    (b"clear", W::ClearNow),
    (b"one", W::NoOne),
    (b"thinking", W::Thinking),
    (b"evident", W::ClearNow),
    (b"apparent", W::ClearNow),
    (b"just", W::Just),
    (b"simply", W::Alone),
    (b"merely", W::Alone),
    (b"easily", W::Easily),
    (b"trivially", W::Easily),
    (b"missed", W::Alone),
    (b"ignored", W::Alone),
    (b"overlooked", W::Alone),
    (b"botched", W::Alone),
    (b"fumbled", W::Alone),
    (b"bungled", W::Alone),
    (b"flubbed", W::Alone),
    (b"borked", W::Alone),
    (b"rubber-stamped", W::Alone),
    (b"rubberstamped", W::Alone),
    (b"fat-fingered", W::Alone),
    (b"fatfingered", W::Alone),
    (b"mistyped", W::Alone),
    (b"goofed", W::Alone),
    (b"fat-finger", W::Alone),
    (b"fingered", W::Fingered),
    (b"forgot", W::Alone),
    (b"forgets", W::Alone),
    (b"forgotten", W::Alone),
    (b"neglected", W::Alone),
    (b"neglects", W::Alone),
    (b"neglect", W::Alone),
    (b"avoidable", W::Alone),
    (b"preventable", W::Alone),
    (b"foreseeable", W::Alone),
    (b"predictable", W::Alone),
    (b"blunder", W::Alone),
    (b"blunders", W::Alone),
    (b"blundered", W::Alone),
    (b"even", W::Even),
    (b"whole", W::Whole),
    (b"entire", W::Whole),
    (b"me", W::Me),
    (b"us", W::Me),
    (b"him", W::Me),
    (b"heads", W::Heads),
    (b"head", W::Heads),
    (b"seemed", W::Seemed),
    (b"line", W::SizeOfFix),
    (b"textbook", W::KindOfMistake),
    (b"classic", W::KindOfMistake),
    (b"beginner", W::KindOfMistake),
    (b"schoolboy", W::KindOfMistake),
    (b"newbie", W::KindOfMistake),
    (b"noob", W::KindOfMistake),
    (b"character", W::SizeOfFix),
    (b"sounded", W::Seemed),
    (b"looked", W::Seemed),
    (b"felt", W::Seemed),
    (b"sorry", W::Apology),
    (b"apologies", W::Apology),
    (b"apologize", W::Apology),
    (b"apologise", W::Apology),
    (b"apologizing", W::Apology),
    (b"apologising", W::Apology),
    (b"run", W::Duty),
    (b"ran", W::Duty),
    (b"premature", W::Alone),
    (b"backfired", W::Alone),
    (b"naive", W::Alone),
    (b"naively", W::Alone),
    (b"stupidly", W::Alone),
    (b"asleep", W::Alone),
    (b"corners", W::Alone),
    (b"skimped", W::Alone),
    (b"skimping", W::Alone),
    (b"cheaped", W::Alone),
    (b"shortcuts", W::Alone),
    (b"faulty", W::Wrong),
    (b"buggy", W::Wrong),
    (b"happens", W::Happens),
    (b"happen", W::Happens),
    (b"perfect", W::Perfect),
    (b"human", W::OnlyHuman),
    (b"screw", W::Alone),
    (b"mess", W::Messed),
    (b"days", W::BadDays),
    (b"day", W::BadDays),
    (b"spots", W::BadDays),
    (b"failings", W::Alone),
    (b"inaction", W::Alone),
    (b"shoddy", W::Alone),
    (b"inadequate", W::Wanting),
    (b"insufficient", W::Wanting),
    (b"deficient", W::Wanting),
    (b"lax", W::Wanting),
    (b"hasty", W::Alone),
    (b"short-sighted", W::Alone),
    (b"shortsighted", W::Alone),
    (b"deal", W::Deal),
    (b"biggie", W::Biggie),
    (b"who", W::Who),
    (b"serious", W::AfterNothing),
    (b"major", W::AfterNothing),
    (b"harm", W::AfterNo),
    (b"quick", W::TooQuick),
    (b"quickly", W::TooQuick),
    (b"hastily", W::TooQuick),
    (b"overconfident", W::Alone),
    (b"fast", W::TooQuick),
    (b"aggressive", W::WayToo),
    (b"hiccup", W::Hiccup),
    (b"hiccups", W::Hiccup),
    (b"blip", W::Hiccup),
    (b"blips", W::Hiccup),
    (b"glitch", W::Hiccup),
    (b"glitches", W::Hiccup),
    (b"nothing", W::Nothing),
    (b"part", W::Part),
    (b"ambitious", W::WayToo),
    (b"early", W::WayToo),
    (b"soon", W::WayToo),
    (b"big", W::WayToo),
    (b"large", W::WayToo),
    (b"risky", W::WayToo),
    (b"optimistic", W::WayToo),
    (b"eager", W::TooQuick),
    (b"junior", W::AfterAny),
    (b"decent", W::AfterAny),
    (b"first-year", W::AfterAny),
    (b"half-decent", W::AfterAny),
    (b"entry-level", W::AfterAny),
    (b"job", W::Job),
    (b"jobs", W::Job),
    (b"homework", W::Job),
    (b"resume", W::Resume),
    (b"cv", W::Resume),
    (b"anyway", W::Anyway),
    (b"straight", W::Straight),
    (b"directly", W::Straight),
    (b"brain", W::Alone),
    (b"idea", W::Idea),
    (b"clown", W::Alone),
    (b"clowns", W::Alone),
    (b"cowboy", W::Alone),
    (b"cowboys", W::Alone),
    (b"responsible", W::Responsible),
    (b"responsibility", W::TakeResponsibility),
    (b"root", W::Root),
    (b"know", W::Know),
    (b"understand", W::Grasp),
    (b"understood", W::Grasp),
    (b"heard", W::Grasp),
    (b"appreciate", W::Grasp),
    (b"appreciated", W::Grasp),
    (b"grasp", W::Grasp),
    (b"grasped", W::Grasp),
    (b"comprehend", W::Grasp),
    (b"familiar", W::Familiar),
    (b"unfamiliar", W::Familiar),
    (b"aware", W::Aware),
    (b"unaware", W::Aware),
    (b"retrospectively", W::Alone),
    (b"staring", W::Alone),
    (b"unsurprisingly", W::Alone),
    // "Not surprisingly, the migration failed"; "in my infinite wisdom, I skipped the tests".
    (b"surprisingly", W::Surprisingly),
    (b"surprise", W::Surprise),
    (b"wisdom", W::Wisdom),
    (b"needless", W::Alone),
    (b"cake", W::Alone),
    (b"bypassed", W::Alone),
    (b"circumvented", W::Alone),
    (b"overrode", W::Alone),
    (b"disregarded", W::Alone),
    (b"deviated", W::Deviated),
    (b"bound", W::Bound),
    (b"slept", W::Slept),
    (b"sleeps", W::Slept),
    (b"waiting", W::Bound),
    (b"fault", W::Fault),
    (b"doing", W::Doing),
    (b"play", W::Play),
    (b"dots", W::Dots),
    (b"screw-up", W::Alone),
    (b"screwup", W::Alone),
    (b"pebkac", W::Alone),
    (b"pebcak", W::Alone),
    (b"without", W::Without),
    (b"bother", W::Alone),
    (b"bothered", W::Alone),
    (b"haste", W::Alone),
    (b"recipe", W::Recipe),
    (b"asking", W::Recipe),
    (b"mistook", W::Alone),
    (b"confused", W::Confused),
    (b"mixed", W::Confused),
    (b"no-brainer", W::Alone),
    // Judgements of character.
    (b"careless", W::Alone),
    (b"carelessly", W::Alone),
    (b"carelessness", W::Alone),
    (b"negligent", W::Alone),
    (b"negligently", W::Alone),
    (b"negligence", W::Alone),
    (b"sloppy", W::Alone),
    (b"sloppily", W::Alone),
    (b"sloppiness", W::Alone),
    (b"reckless", W::Alone),
    (b"recklessly", W::Alone),
    (b"recklessness", W::Alone),
    (b"lazy", W::Alone),
    (b"laziness", W::Alone),
    (b"lazily", W::Alone),
    (b"incompetent", W::Alone),
    (b"incompetence", W::Alone),
    (b"irresponsible", W::Alone),
    (b"irresponsibly", W::Alone),
    (b"irresponsibility", W::Alone),
    (b"inattentive", W::Alone),
    (b"inattention", W::Alone),
    (b"rookie", W::Alone),
    (b"thoughtless", W::Alone),
    (b"thoughtlessly", W::Alone),
    (b"clueless", W::Alone),
    (b"stupid", W::Alone),
    (b"stupidity", W::Alone),
    (b"idiot", W::Alone),
    (b"moron", W::Alone),
    (b"mind", W::Mind),
    (b"kind", W::Kind),
    (b"imagine", W::Imagine),
    (b"believe", W::Believe),
    (b"expect", W::Expect),
    (b"expected", W::Expect),
    (b"shame", W::Shame),
    (b"granted", W::Granted),
    (b"remind", W::Remind),
    (b"retrain", W::Remind),
    (b"re-train", W::Remind),
    (b"re-educate", W::Remind),
    (b"hard", W::Hard),
    (b"difficult", W::Hard),
    (b"task", W::Task),
    (b"challenge", W::Task),
    (b"insane", W::Madness),
    (b"baffling", W::Incredulous),
    (b"unbelievable", W::Incredulous),
    (b"absurd", W::Madness),
    (b"ridiculous", W::Madness),
    (b"astonishing", W::Incredulous),
    (b"shocking", W::Incredulous),
    (b"crazy", W::Madness),
    (b"wild", W::Incredulous),
    (b"nuts", W::Madness),
    (b"bonkers", W::Madness),
    (b"madness", W::Madness),
    (b"insanity", W::Madness),
    (b"amazing", W::Amazed),
    (b"amazed", W::Amazed),
    (b"surprising", W::Amazed),
    (b"surprised", W::Amazed),
    (b"astounding", W::Amazed),
    (b"astounded", W::Amazed),
    (b"shocked", W::Amazed),
    (b"baffled", W::Amazed),
    (b"mind-boggling", W::Amazed),
    (b"lapse", W::Lapse),
    (b"ball", W::Ball),
    (b"genius", W::Genius),
    (b"slide", W::Slide),
    (b"slip", W::Slide),
    (b"sat", W::Sat),
    (b"morons", W::Alone),
    (b"idiots", W::Alone),
    (b"idiotic", W::Alone),
    (b"foolish", W::Alone),
    (b"foolishly", W::Alone),
    (b"hubris", W::Alone),
    (b"arrogance", W::Alone),
    (b"arrogant", W::Alone),
    (b"complacent", W::Alone),
    (b"cocky", W::Alone),
    (b"overzealous", W::Alone),
    (b"rushed", W::Alone),
    (b"cavalier", W::Alone),
    (b"complacency", W::Alone),
    (b"forget", W::Alone),
    (b"somehow", W::Alone),
    (b"suck", W::Alone),
    (b"sucks", W::Alone),
    (b"sucked", W::Alone),
    (b"terrible", W::Wrong),
    (b"awful", W::Wrong),
    (b"hopeless", W::Wrong),
    (b"poor", W::Alone),
];

/// Slots in the lookup table; a power of two well above `KNOWN.len()`, so most
/// unknown words end at an empty slot after one probe.
const SLOTS: usize = 2048;

/// Bits of the filter on a word's first three bytes and length.
const PREFIX_BITS: u32 = 15;

/// The known words: an open-addressing table by [`slot_of`], and a bit set of the
/// keys of their first three bytes and length ([`prefix_key`]), which turns most
/// words away before they are hashed.
struct Table {
    /// Index into `KNOWN` plus one, 0 for an empty slot: small enough to stay in cache.
    slots: [u16; SLOTS],
    prefixes: Vec<u64>,
    /// A bit per first three letters and three bits of the fourth ([`start_index`]) that
    /// start a known word: most words ("was", "for", "this") are turned away on it before
    /// their end is even found.
    starts: [u64; 1 << (18 - 6)],
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table =
            Table { slots: [0; SLOTS], prefixes: vec![0; 1 << (PREFIX_BITS - 6)], starts: [0; 1 << (18 - 6)] };
        for (index, (word, _)) in KNOWN.iter().enumerate() {
            let mut slot = slot_of(word);
            while table.slots[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            table.slots[slot] = u16::try_from(index + 1).expect("fewer than 65,535 known words");
            let key = prefix_key(word);
            table.prefixes[key / 64] |= 1 << (key % 64);
            let byte = |index: usize| word.get(index).copied().unwrap_or(0);
            // A two-letter word followed by an apostrophe or hyphen is still the word ("if-").
            let thirds: &[u8] = if word.len() == 2 { &[0, b'\'', b'-'] } else { &[byte(2)] };
            for &third in thirds {
                // ("if-" may go on with any fourth byte.)
                let fourths = if word.len() == 2 && third != 0 { 0..8 } else { byte(3)..byte(3) + 1 };
                for fourth in fourths {
                    let start = start_index(word[0], byte(1), third, fourth);
                    table.starts[start / 64] |= 1 << (start % 64);
                }
            }
        }
        table
    })
}

/// The first three bytes of a word and three bits of its fourth, ignoring case (0 past its
/// end), as an index below 2^18.
fn start_index(first: u8, second: u8, third: u8, fourth: u8) -> usize {
    usize::from(first & 0x1F) << 13
        | usize::from(second & 0x1F) << 8
        | usize::from(third & 0x1F) << 3
        | usize::from(fourth & 7)
}

/// A word's slot: a hash of its length and its first two and last bytes, ignoring
/// ASCII case. Cheap to compute for every word; the table resolves collisions.
fn slot_of(word: &[u8]) -> usize {
    let byte = |index: usize| u32::from(word.get(index).map_or(0, |byte| byte | 0x20));
    let last = word.len().saturating_sub(1);
    let key = byte(0) | byte(1) << 8 | byte(last) << 16 | (word.len() as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 21) as usize % SLOTS
}

/// The filter key of a word: its first three bytes, lowercased, and its length.
fn prefix_key(word: &[u8]) -> usize {
    let byte = |index: usize| u32::from(word.get(index).map_or(0, |byte| byte | 0x20));
    let key = byte(0) | byte(1) << 8 | byte(2) << 16 | (word.len().min(255) as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> (32 - PREFIX_BITS)) as usize
}

/// What part a word plays, ignoring ASCII case.
fn lookup(table: &Table, word: &[u8]) -> W {
    let key = prefix_key(word);
    if word.len() > LONGEST || table.prefixes[key / 64] >> (key % 64) & 1 == 0 {
        return W::Other;
    }
    let mut slot = slot_of(word);
    loop {
        let (candidate, kind) = match table.slots[slot] {
            0 => return W::Other,
            entry => KNOWN[usize::from(entry - 1)],
        };
        if candidate.eq_ignore_ascii_case(word) {
            return kind;
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// For each 64 bytes of `bytes`, two bit masks: the bytes that belong to a word
/// (word bytes, and an apostrophe or hyphen right after one, as in "would've" or
/// "on-call"), and the bytes that may be an apostrophe (`'`, or the first byte of
/// `’`). Computed without branches, so that finding words does not stall on
/// every space the way a byte-by-byte loop does.
fn word_masks(bytes: &[u8], words_masks: &mut Vec<u64>, apostrophe_masks: &mut Vec<u64>) {
    words_masks.clear();
    apostrophe_masks.clear();
    let mut carry = 0;
    for chunk in bytes.chunks(64) {
        #[cfg(target_arch = "x86_64")]
        if let Ok(whole) = <&[u8; 64]>::try_from(chunk) {
            let (words, joiners, apostrophes) = classify_sixty_four(whole);
            let mask = words | (joiners & (words << 1 | carry));
            carry = mask >> 63;
            words_masks.push(mask);
            apostrophe_masks.push(apostrophes);
            continue;
        }
        let (mut words, mut joiners, mut apostrophes) = (0u64, 0u64, 0u64);
        let eights = chunk.chunks_exact(8);
        let rest = eights.remainder();
        let mut add = |group: usize, eight: u64| {
            let (word, joiner, apostrophe) = classify_eight(eight);
            words |= word << (group * 8);
            joiners |= joiner << (group * 8);
            apostrophes |= apostrophe << (group * 8);
        };
        let groups = chunk.len() / 8;
        for (group, eight) in eights.enumerate() {
            add(
                group,
                u64::from_le_bytes([eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7]]),
            );
        }
        if !rest.is_empty() {
            let mut padded = [0u8; 8];
            padded[..rest.len()].copy_from_slice(rest);
            add(groups, u64::from_le_bytes(padded));
        }
        let mask = words | (joiners & (words << 1 | carry));
        carry = mask >> 63;
        words_masks.push(mask);
        apostrophe_masks.push(apostrophes);
    }
}

/// [`classify_eight`] for 64 bytes, sixteen at a time with SSE2 (which every x86-64
/// processor has): the same three masks, a bit per byte, in a quarter of the instructions.
#[cfg(target_arch = "x86_64")]
fn classify_sixty_four(bytes: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_sub_epi8,
    };
    let (mut words, mut joiners, mut apostrophes) = (0u64, 0u64, 0u64);
    // SAFETY: SSE2 is part of x86-64 itself, so these instructions exist on every processor
    // this code runs on; each load reads exactly the 16 bytes of `sixteen`, which it borrows.
    unsafe {
        // Whether each byte is at most `most`, unsigned: SSE2 compares only signed bytes.
        let at_most = |value: __m128i, most: u8| _mm_cmpeq_epi8(_mm_min_epu8(value, _mm_set1_epi8(most as i8)), value);
        let equal = |value: __m128i, byte: u8| _mm_cmpeq_epi8(value, _mm_set1_epi8(byte as i8));
        let bits = |value: __m128i| u64::from(_mm_movemask_epi8(value) as u16);
        for (group, sixteen) in bytes.chunks_exact(16).enumerate() {
            let value = _mm_loadu_si128(sixteen.as_ptr().cast::<__m128i>());
            let lower = _mm_or_si128(value, _mm_set1_epi8(0x20));
            let letters = at_most(_mm_sub_epi8(lower, _mm_set1_epi8(b'a' as i8)), 25);
            let digits = at_most(_mm_sub_epi8(value, _mm_set1_epi8(b'0' as i8)), 9);
            // Bytes of multibyte characters have their high bit set, which is what movemask reads.
            let word = bits(_mm_or_si128(letters, digits)) | bits(value);
            let joiner = bits(_mm_or_si128(equal(value, b'\''), equal(value, b'-')));
            let apostrophe = bits(_mm_or_si128(equal(value, b'\''), equal(value, 0xE2)));
            words |= word << (group * 16);
            joiners |= joiner << (group * 16);
            apostrophes |= apostrophe << (group * 16);
        }
    }
    (words, joiners, apostrophes)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// For eight bytes at once (little-endian in a `u64`), one bit per byte: word
/// bytes, joiners (`'` and `-`), and possible apostrophes (`'` and 0xE2).
fn classify_eight(bytes: u64) -> (u64, u64, u64) {
    let ascii = bytes & LOWS;
    // High bit of each byte set where lo <= byte < hi (for 7-bit bytes; no carries cross bytes).
    let in_range = |value: u64, lo: u8, hi: u8| {
        (value + ONES * u64::from(0x80 - lo)) & !(value + ONES * u64::from(0x80 - hi)) & HIGHS
    };
    let equal = |value: u64, byte: u8| {
        let diff = value ^ (ONES * u64::from(byte));
        !(((diff & LOWS) + LOWS) | diff | LOWS)
    };
    let letters = in_range(ascii | (ONES * 0x20), b'a', b'z' + 1);
    let digits = in_range(ascii, b'0', b'9' + 1);
    let multibyte = bytes & HIGHS;
    let words = (letters | digits) & !multibyte | multibyte;
    let joiners = equal(bytes, b'\'') | equal(bytes, b'-');
    let apostrophes = equal(bytes, b'\'') | equal(bytes, 0xE2);
    (high_bits(words), high_bits(joiners), high_bits(apostrophes))
}

/// The high bit of each of the eight bytes, gathered into the low eight bits.
fn high_bits(value: u64) -> u64 {
    ((value & HIGHS) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The first bit at or after `from` that is set (or, with `set` false, clear), up to `limit`.
fn next_bit(masks: &[u64], from: usize, set: bool, limit: usize) -> usize {
    let mut index = from / 64;
    let flip = if set { 0 } else { u64::MAX };
    let mut bits = (masks.get(index).copied().unwrap_or(0) ^ flip) & (u64::MAX << (from % 64));
    loop {
        if bits != 0 {
            return (index * 64 + bits.trailing_zeros() as usize).min(limit);
        }
        index += 1;
        if index >= masks.len() || index * 64 >= limit {
            return limit;
        }
        bits = masks[index] ^ flip;
    }
}

/// The last bit before `before` that is set (or, with `set` false, clear), if any.
fn previous_bit(masks: &[u64], before: usize, set: bool) -> Option<usize> {
    let last = before.checked_sub(1)?;
    let flip = if set { 0 } else { u64::MAX };
    let mut index = last / 64;
    // Bits past the end of the masks read as clear: no word reaches there.
    let mut bits = match masks.get(index) {
        Some(&mask) => (mask ^ flip) & (u64::MAX >> (63 - last % 64)),
        None if set => {
            index = masks.len().checked_sub(1)?;
            masks[index]
        }
        None => return Some(last),
    };
    loop {
        if bits != 0 {
            return Some(index * 64 + 63 - bits.leading_zeros() as usize);
        }
        index = index.checked_sub(1)?;
        bits = masks[index] ^ flip;
    }
}

/// Finds words, and the words next to a word, in a text's bit masks.
struct Words<'t> {
    bytes: &'t [u8],
    masks: &'t [u64],
    /// The bytes that may be an apostrophe or start a dash, an ellipsis or a curly quote (E2).
    apostrophes: &'t [u64],
}

impl<'t> Words<'t> {
    /// The end of the word starting at `start`.
    fn end(&self, start: usize) -> usize {
        next_bit(self.masks, start, false, self.bytes.len())
    }

    /// The word before the one starting at `start`, and where it starts.
    fn before(&self, start: usize) -> (&'t [u8], usize) {
        let mut end = previous_bit(self.masks, start, true).map_or(0, |at| at + 1);
        let mut first = previous_bit(self.masks, end, false).map_or(0, |at| at + 1);
        // Dashes, ellipses and curly quotes (E2 80 xx, but not the apostrophe E2 80 99) are
        // word bytes to the masks but end words, as in the scan: "Honestly—my fault".
        let punctuation = |at: usize| {
            self.bytes[at] == 0xE2 && self.bytes.get(at + 1) == Some(&0x80) && self.bytes.get(at + 2) != Some(&0x99)
        };
        if next_bit(self.apostrophes, first, true, end) < end {
            while end >= first + 3 && punctuation(end - 3) {
                end -= 3;
            }
            if let Some(at) = (first..end).rev().find(|&at| punctuation(at)) {
                first = at + 3;
            }
        }
        (trim_joiners(&self.bytes[first..end]), first)
    }

    /// Whether the words after the one ending at `end` are `following`, ignoring case.
    fn followed_by(&self, end: usize, following: &[&[&[u8]]]) -> bool {
        let mut at = end;
        following.iter().all(|choices| {
            let start = next_bit(self.masks, at, true, self.bytes.len());
            at = self.end(start);
            let word = trim_joiners(&self.bytes[start..at]);
            choices.iter().any(|choice| choice.eq_ignore_ascii_case(word))
        })
    }

    /// The word after the one ending at `end`, and where it ends.
    fn after(&self, end: usize) -> (&'t [u8], usize) {
        let start = next_bit(self.masks, end, true, self.bytes.len());
        let word_end = self.end(start);
        (trim_joiners(&self.bytes[start..word_end]), word_end)
    }

    /// Whether one particular person ("Bob", "the operator", "someone", "he"; not "we" or "they")
    /// opens the sentence of the word starting at `start`, as the subject of its first verb: only
    /// then can an effect told after an action ("..., causing an outage") be that person's.
    fn individual_before(&self, start: usize) -> bool {
        const REACH: usize = 400;
        const SUBJECT_WORDS: usize = 4;
        // Where the sentence starts: after a full stop, or a blank line, within reach.
        let earliest = start.saturating_sub(REACH);
        let before = &self.bytes[earliest..start];
        let Some(opening) = before
            .iter()
            .enumerate()
            .rev()
            .find(|&(at, &byte)| {
                matches!(byte, b'.' | b'!' | b'?') || (byte == b'\n' && before.get(at + 1) == Some(&b'\n'))
            })
            .map(|(at, _)| earliest + at + 1)
            .or((earliest == 0).then_some(0))
        else {
            return false;
        };
        let mut end = opening;
        (0..SUBJECT_WORDS).any(|_| {
            let (word, word_end) = self.after(end);
            end = word_end;
            let mut buffer = [0u8; LONGEST];
            let lower = std::str::from_utf8(lowercase(word, &mut buffer)).unwrap_or("");
            end <= start && !matches!(lower, "" | "we" | "they" | "who" | "that" | "us" | "i") && is_person_word(lower)
        })
    }

    /// Whether "who" or "whose" stands among the six words before the one starting at
    /// `start`: "who thought it was a good idea", "whose bright idea".
    fn asked_who_before(&self, mut start: usize) -> bool {
        (0..6).any(|_| {
            let (word, word_start) = self.before(start);
            start = word_start;
            word.eq_ignore_ascii_case(b"who") || word.eq_ignore_ascii_case(b"whose")
        })
    }

    /// Whether one of the three words before the one starting at `start` says someone did
    /// not or could not: "did not", "could not fully", "were unable to", "never".
    fn not_able_before(&self, mut start: usize) -> bool {
        (0..3).any(|_| {
            if start == 0 {
                return false;
            }
            let (word, word_start) = self.before(start);
            start = word_start;
            is_negation(word) || word.eq_ignore_ascii_case(b"unable")
        })
    }

    /// Whether one of the `reach` words before the one starting at `start` negates an
    /// action: "did not", "didn't", "had not", "never", "without".
    fn negated_before(&self, mut start: usize, reach: usize) -> bool {
        // The word after the one being read: "no" negates only before a person ("no reviewer").
        let mut after: &[u8] = &[];
        (0..reach).any(|_| {
            if start == 0 {
                return false;
            }
            let (word, word_start) = self.before(start);
            start = word_start;
            let next = std::mem::replace(&mut after, word);
            // Every negation ends in "t" ("not", "didn't", "without") or "r" ("never", "neither"),
            // but "nobody", "no one" and "no": most words are passed over on their last byte.
            match word.last().map(u8::to_ascii_lowercase) {
                Some(b't' | b'r') => {}
                Some(b'y') if word.len() == 6 => return word.eq_ignore_ascii_case(b"nobody"),
                Some(b'e') if word.len() == 6 => return word.eq_ignore_ascii_case(b"no-one"),
                Some(b'e') if word.len() == 3 => {
                    return word.eq_ignore_ascii_case(b"one") && self.before(word_start).0.eq_ignore_ascii_case(b"no");
                }
                // "no reviewer checked"; not "no further action".
                Some(b'o') if word.len() == 2 => {
                    let mut buffer = [0u8; LONGEST];
                    return word.eq_ignore_ascii_case(b"no")
                        && std::str::from_utf8(lowercase(next, &mut buffer)).is_ok_and(is_role_noun);
                }
                _ => return false,
            }
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(word, &mut buffer);
            // "did not", "didn't", "hadn't", "never", "without": an action not taken, not
            // "is not large enough".
            // And the progressive, "we were not monitoring closely enough".
            let progressive = next.len() > 4 && next[next.len() - 3..].eq_ignore_ascii_case(b"ing");
            let not_after_do = lower == b"not" && {
                let (auxiliary, auxiliary_start) = self.before(word_start);
                // "Did they not test this?": the subject between the auxiliary and "not".
                let asked = [b"they".as_slice(), b"he", b"she", b"you", b"we", b"anyone", b"anybody"]
                    .iter()
                    .any(|subject| subject.eq_ignore_ascii_case(auxiliary))
                    && [b"did".as_slice(), b"do", b"does"]
                        .iter()
                        .any(|word| word.eq_ignore_ascii_case(self.before(auxiliary_start).0));
                // "decided not to test": a step chosen away.
                let chosen = [b"decided".as_slice(), b"chose", b"opted", b"elected"]
                    .iter()
                    .any(|word| word.eq_ignore_ascii_case(auxiliary));
                chosen
                    || asked
                    || [b"did".as_slice(), b"do", b"does", b"had", b"have", b"has"]
                        .iter()
                        .any(|word| word.eq_ignore_ascii_case(auxiliary))
                    || progressive
                        && [b"was".as_slice(), b"were", b"is", b"are"]
                            .iter()
                            .any(|word| word.eq_ignore_ascii_case(auxiliary))
            };
            // Written with a straight or curly apostrophe, typed without one ("didnt") or with
            // it misplaced ("did'nt").
            let without_apostrophe = |form: &[u8]| {
                form.iter().filter(|&&byte| byte != b'\'').eq(lower.iter().filter(|&&byte| byte != b'\''))
            };
            let contracted =
                [b"didn't".as_slice(), b"don't", b"doesn't", b"hadn't", b"haven't", b"hasn't"].iter().any(|form| {
                    form.eq_ignore_ascii_case(lower) || straightened_eq(lower, form) || without_apostrophe(form)
                });
            not_after_do || contracted || matches!(lower, b"never" | b"without" | b"neither")
        })
    }

    /// Whether the word after the one ending at `end`, read as the rules read it
    /// (the first word of a contraction: "didn't" is "did"), is one of `choices`.
    fn next_word_is(&self, end: usize, choices: &[&str]) -> bool {
        let start = next_bit(self.masks, end, true, self.bytes.len());
        let word = trim_joiners(&self.bytes[start..self.end(start)]);
        std::str::from_utf8(word).is_ok_and(|word| choices.contains(&first_word(word).as_str()))
    }
}

/// Whether the verb of harm at `start..end` has a person before it and what it harmed
/// within three words after it: "Bob caused the outage", "I took the whole site down".
fn words_harm(words: &Words, start: usize, end: usize) -> bool {
    let (mut before, mut at) = words.before(start);
    // "I horribly broke things": one adverb between the person and the verb.
    if before.len() > 4 && before.ends_with(b"ly") {
        (before, at) = words.before(at);
    }
    let mut buffer = [0u8; LONGEST];
    let before = std::str::from_utf8(lowercase(before, &mut buffer)).unwrap_or("");
    // "Bob's typo broke the build", "my change caused the outage": a person's change as the cause.
    let authored = || {
        let (mut owner, owner_start) = words.before(at);
        // "your recent commit", "my own change": one word may describe the change.
        if [b"recent".as_slice(), b"last", b"latest", b"new", b"own", b"earlier"]
            .iter()
            .any(|word| word.eq_ignore_ascii_case(owner))
        {
            owner = words.before(owner_start).0;
        }
        let mut buffer = [0u8; LONGEST];
        let owner = std::str::from_utf8(lowercase(owner, &mut buffer)).unwrap_or("");
        matches!(owner, "my" | "his" | "her" | "your") || is_person_word(owner)
    };
    // ", which caused ...": the effect of an action told before it, by someone named earlier.
    if matches!(before, "which" | "this") {
        return words.individual_before(start);
    }
    // "you broke the CRM": these verbs are all past, so "you" is someone addressed, not anyone.
    let addressed = before.split(['\'', '’']).next() == Some("you");
    if !(is_person_word(before) || addressed || (is_authored_noun(before) && authored())) {
        return false;
    }
    // "took down half the internet": the harmed within five words.
    let mut at = end;
    (0..5).any(|_| {
        let (word, word_end) = words.after(at);
        at = word_end;
        let mut buffer = [0u8; LONGEST];
        std::str::from_utf8(lowercase(word, &mut buffer)).is_ok_and(is_harmed)
    })
}

/// Whether "roll" follows "heads" ending at `end`, with only a modal or tense between:
/// "heads should roll", "heads are going to roll". A loop over the next words, kept out of
/// [`classify`], which every known word passes through.
#[inline(never)]
fn heads_roll(words: &Words, end: usize) -> bool {
    const BETWEEN: &[&[u8]] =
        &[b"should", b"will", b"must", b"would", b"may", b"might", b"need", b"needs", b"to", b"are", b"is", b"going"];
    let mut at = end;
    (0..4)
        .map_while(|_| {
            let (word, word_end) = words.after(at);
            at = word_end;
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(word, &mut buffer);
            let rolls = matches!(lower, b"roll" | b"rolled" | b"rolling");
            (rolls || BETWEEN.contains(&lower)).then_some(rolls)
        })
        .any(|rolls| rolls)
}

/// `word` in ASCII lower case, in `buffer`; empty when too long to be a known word.
fn lowercase<'b>(word: &[u8], buffer: &'b mut [u8; LONGEST]) -> &'b [u8] {
    let Some(copy) = buffer.get_mut(..word.len()) else { return &[] };
    copy.copy_from_slice(word);
    copy.make_ascii_lowercase();
    copy
}

/// Whether `word`, with curly apostrophes, is `straight` with straight ones.
fn straightened_eq(word: &[u8], straight: &[u8]) -> bool {
    let mut buffer = [0u8; LONGEST];
    word.len() <= LONGEST && straighten(word, &mut buffer) == straight
}

/// "The root cause (of the outage) was an engineer ...", "the root cause is Bob": a person
/// where the cause is named. Most sentences with "root cause" name a thing and are passed by.
fn root_cause_is_a_person(words: &Words, root_end: usize) -> bool {
    const DETERMINERS: &[&str] = &["a", "an", "the", "one", "our", "single", "new", "junior", "senior", "tired"];
    if !words.followed_by(root_end, &[&[b"cause"]]) {
        return false;
    }
    let (_, mut at) = words.after(root_end);
    let mut next = || {
        let (word, word_end) = words.after(at);
        at = word_end;
        let mut buffer = [0u8; LONGEST];
        std::str::from_utf8(lowercase(word, &mut buffer)).unwrap_or("").to_owned()
    };
    // "the root cause of the outage was": the verb within a few words.
    let Some(_) = (0..6).map(|_| next()).find(|word| matches!(word.as_str(), "was" | "is" | "")) else {
        return false;
    };
    let Some(head) = (0..5).map(|_| next()).find(|word| !DETERMINERS.contains(&word.as_str())) else {
        return false;
    };
    matches!(head.as_str(), "someone" | "somebody" | "me" | "him" | "her" | "i")
        || is_role_noun(&head)
        || is_given_name(&head)
}

/// "not", "never", and contractions: "didn't", "wasn’t".
fn is_negation(word: &[u8]) -> bool {
    let mut buffer = [0u8; LONGEST];
    let word = lowercase(word, &mut buffer);
    word == b"not"
        || word == b"never"
        || word.ends_with(b"n't")
        || word.ends_with("n\u{2019}t".as_bytes())
        // "did'nt", the apostrophe misplaced
        || word.ends_with(b"'nt")
        || word.ends_with("\u{2019}nt".as_bytes())
        || std::str::from_utf8(word).is_ok_and(|word| NEGATED_WITHOUT_APOSTROPHE.contains(&word))
}

/// Whether what follows the word ending at `end` names a competence, after up to two
/// determiners: "the necessary skills", "enough experience", "the expertise".
fn lacks_competence_after(words: &Words, end: usize) -> bool {
    const DETERMINERS: &[&[u8]] =
        &[b"the", b"any", b"enough", b"necessary", b"required", b"right", b"relevant", b"sufficient"];
    let mut at = end;
    for _ in 0..3 {
        let (word, word_end) = words.after(at);
        at = word_end;
        if COMPETENCE.iter().any(|competence| competence.as_bytes().eq_ignore_ascii_case(word)) {
            return true;
        }
        if !DETERMINERS.iter().any(|determiner| determiner.eq_ignore_ascii_case(word)) {
            return false;
        }
    }
    false
}

/// Whether a lowercase word names a person: a pronoun, "who", "someone", a role, a given name.
fn is_person_word(word: &str) -> bool {
    // "I've", "we’d": the pronoun before the contraction.
    let word = word.split(['\'', '’']).next().unwrap_or(word);
    matches!(
        word,
        "i" | "we" | "he" | "she" | "they" | "who" | "that" | "someone" | "somebody" | "me" | "him" | "her" | "us"
    ) || is_role_noun(word)
        || is_given_name(word)
}

/// A word without the apostrophes and hyphens that end it ("users'").
fn trim_joiners(mut word: &[u8]) -> &[u8] {
    while let [rest @ .., b'\'' | b'-'] = word {
        word = rest;
    }
    word
}

/// Whether one of the eight words after `end`, in the same sentence, says that someone did not
/// act, or asks about anyone at all: "not", "didn't", "nobody", "forget", "skip", "anyone".
fn omission_follows(words: &Words, end: usize) -> bool {
    const CUES: &[&[u8]] = &[
        b"not",
        b"never",
        b"nobody",
        b"no",
        b"no-one",
        b"forget",
        b"fail",
        b"neglect",
        b"ignore",
        b"miss",
        b"overlook",
        b"skip",
        b"missed",
        b"ignored",
        b"overlooked",
        b"anyone",
        b"anybody",
        b"someone",
        b"somebody",
    ];
    words_in_sentence_after(words, end, 8)
        .any(|word| is_negation(word) || CUES.iter().any(|cue| cue.eq_ignore_ascii_case(word)))
}

/// Up to `count` words after `end`, stopping at the end of the sentence.
fn words_in_sentence_after<'t>(words: &Words<'t>, mut end: usize, count: usize) -> impl Iterator<Item = &'t [u8]> {
    let bytes = words.bytes;
    (0..count).map_while(move |_| {
        let (word, word_end) = words.after(end);
        let gap = &bytes[end..word_end - word.len().min(word_end - end)];
        end = word_end;
        (!word.is_empty() && !gap.iter().any(|byte| matches!(byte, b'.' | b'?' | b'!'))).then_some(word)
    })
}

/// Whether the word after `end`, lowercased and without a possessive ("engineer's"), passes `test`.
fn next_word(words: &Words, end: usize, test: impl Fn(&str) -> bool) -> bool {
    let (word, _) = words.after(end);
    let mut buffer = [0u8; LONGEST];
    std::str::from_utf8(lowercase(word, &mut buffer))
        .is_ok_and(|word| !word.is_empty() && test(word.split(['\'', '’']).next().unwrap_or(word)))
}

/// Whether "no action", "any further steps", "no corrective measures" follows `end`: what "took"
/// and "did not take" need to tell that nothing was done.
fn no_action_follows(words: &Words, end: usize) -> bool {
    const QUANTITY: &[&[u8]] = &[b"no", b"any"];
    const MODIFIERS: &[&[u8]] =
        &[b"further", b"immediate", b"additional", b"corrective", b"appropriate", b"real", b"meaningful", b"other"];
    const ACTION: &[&[u8]] = &[b"action", b"actions", b"steps", b"step", b"measures"];
    words.followed_by(end, &[QUANTITY, ACTION])
        || words.followed_by(end, &[QUANTITY, MODIFIERS, ACTION])
        || words.followed_by(end, &[QUANTITY, MODIFIERS, MODIFIERS, ACTION])
        || words.followed_by(end, &[MODIFIERS, ACTION])
        || words.followed_by(end, &[ACTION])
}

/// Whether "fault" at `start..end` has what its rules look for: an owner among the three words
/// before it ("my fault", "Bob's own fault", "human fault"), "at" right before it ("Bob was at
/// fault"), or after it "of", "on", "by", "lies", "was" and the like ("the fault of the vendor",
/// "the fault lies with", "the fault was mine"). "Fault occurs at 11:45" and "we do not fault
/// pools" have none.
fn owned_fault(words: &Words, mut start: usize, end: usize) -> bool {
    const AFTER: &[&[u8]] = &[
        b"of", b"on", b"by", b"was", b"is", b"lay", b"lies", b"rests", b"rested", b"falls", b"fell", b"sits", b"sat",
        b"that", b"which", b"i", b"we", b"he", b"she", b"they",
    ];
    const OWNERS: &[&[u8]] = &[
        b"my",
        b"our",
        b"his",
        b"her",
        b"their",
        b"your",
        b"human",
        b"operator",
        b"user",
        b"pilot",
        b"engineer",
        b"people",
        b"personnel",
    ];
    if words.followed_by(end, &[AFTER]) || words.before(start).0.eq_ignore_ascii_case(b"at") {
        return true;
    }
    for _ in 0..3 {
        let (word, at) = words.before(start);
        if word.is_empty() {
            return false;
        }
        let mut buffer = [0u8; LONGEST];
        let lower = lowercase(word, &mut buffer);
        let possessive = is_possessive(lower);
        let driven = [b"-driven".as_slice(), b"-caused", b"-induced"].iter().any(|suffix| lower.ends_with(suffix));
        if OWNERS.contains(&lower) || possessive || driven {
            return true;
        }
        start = at;
    }
    false
}

/// Whether a lowercase word is a possessive: "bob's", "the engineers'", with either apostrophe.
fn is_possessive(word: &[u8]) -> bool {
    word.ends_with(b"'s") || word.ends_with("’s".as_bytes()) || word.ends_with(b"s'") || word.ends_with("s’".as_bytes())
}

/// Whether what follows "just" at `end` is what its rule makes small: an action ("just restart
/// it", "just rolling back", "just needed a reboot", "simply to restart"), or a fix or slip after
/// "a" ("just a config change", "just a matter of"). "It was just that, reference code" and
/// "just before the deploy" are neither.
fn made_small_after(words: &Words, end: usize) -> bool {
    let mut following = words_in_sentence_after(words, end, 5).map(LowerWord::new);
    let Some(next) = following.next() else { return false };
    let action = |word: &str| {
        is_simple_action_verb(word)
            || word.strip_suffix("ing").is_some_and(|base| {
                is_simple_action_verb(base)
                    || is_simple_action_verb(&format!("{base}e"))
                    || (base.len() > 2 && is_simple_action_verb(&base[..base.len() - 1]))
            })
    };
    match next.as_str() {
        "a" | "an" => following.any(|word| {
            let word = word.as_str();
            word == "matter"
                || word == "case"
                || MADE_SMALL.contains(&word)
                || SLIP_MARKS.contains(&word)
                || SLIPS_MADE_SMALL.contains(&word)
                // "just a cosmetic issue"
                || matches!(word, "minor" | "cosmetic" | "small" | "tiny" | "harmless" | "little")
        }),
        "to" => following.next().is_some_and(|word| action(word.as_str())),
        "needed" | "took" | "required" | "need" | "needs" | "have" | "has" | "had" => true,
        word => action(word),
    }
}

/// Whether the modal at `start..end` can only guess: "must", or "may" and "might" with no word
/// of prevention, sense, ability, judgement or warning ("a canary might have told us") in the
/// twelve words after it in its sentence.
fn guess_only(words: &Words, start: usize, end: usize) -> bool {
    let mut buffer = [0u8; LONGEST];
    match lowercase(&words.bytes[start..end], &mut buffer) {
        b"must" => return true,
        b"may" | b"might" => {}
        _ => return false,
    }
    !words_in_sentence_after(words, end, 12).any(|word| {
        let mut buffer = [0u8; LONGEST];
        std::str::from_utf8(lowercase(word, &mut buffer)).is_ok_and(|word| {
            is_prevention_verb(word)
                || is_judgement_adjective(word)
                || matches!(word, "sense" | "able" | "good" | "right" | "smart" | "wise" | "told" | "given")
        })
    })
}

/// Whether "had", perhaps with adverbs ("had already", "hadn't yet"), stands right before the
/// word starting at `start`.
fn past_perfect_before(words: &Words, mut start: usize) -> bool {
    const ADVERBS: &[&[u8]] = &[
        b"not",
        b"never",
        b"just",
        b"already",
        b"also",
        b"yet",
        b"since",
        b"still",
        b"only",
        b"ever",
        b"previously",
        b"recently",
        b"once",
        b"actually",
        b"originally",
        b"always",
    ];
    for _ in 0..3 {
        let (word, at) = words.before(start);
        let mut buffer = [0u8; LONGEST];
        let lower = lowercase(word, &mut buffer);
        if matches!(lower, b"had" | b"hadn't" | b"'d") || straightened_eq(lower, b"hadn't") {
            return true;
        }
        if !ADVERBS.contains(&lower) {
            return false;
        }
        start = at;
    }
    false
}

/// "be sure to follow", "make sure you follow", "always follow": people perhaps told to keep to
/// a procedure. The exhortation rule then asks for more (an obligation before "always", a
/// lesson after "be sure to"); this only decides whether the sentence is read.
fn told_to_follow(words: &Words, start: usize) -> bool {
    let (previous, previous_start) = words.before(start);
    if previous.eq_ignore_ascii_case(b"always") {
        return true;
    }
    let to_or_you = previous.eq_ignore_ascii_case(b"to") || previous.eq_ignore_ascii_case(b"you");
    if to_or_you && words.before(previous_start).0.eq_ignore_ascii_case(b"sure") {
        return true;
    }
    // "Ensure staff follow", "make sure the on-call engineers follow": the people named between.
    let mut at = previous_start;
    (0..4).any(|_| {
        let (word, word_start) = words.before(at);
        at = word_start;
        word.eq_ignore_ascii_case(b"sure") || word.eq_ignore_ascii_case(b"ensure")
    })
}

/// Whether a negated auxiliary opens the sentence one or two words before `start`:
/// "Didn't they have", "don't the admins have".
fn negative_question_before(words: &Words, start: usize) -> bool {
    let (previous, subject_start) = words.before(start);
    // "Do they not have a staging environment?", "does the team not have one?": "not" written out
    // after the subject.
    if previous.eq_ignore_ascii_case(b"not") {
        let (_, subject_start) = words.before(subject_start);
        let asks = |word: &[u8], at: usize| {
            [b"do".as_slice(), b"does", b"did"].iter().any(|auxiliary| auxiliary.eq_ignore_ascii_case(word))
                && opens_sentence(words, at)
        };
        let (auxiliary, auxiliary_start) = words.before(subject_start);
        return asks(auxiliary, auxiliary_start) || {
            let (auxiliary, auxiliary_start) = words.before(auxiliary_start);
            asks(auxiliary, auxiliary_start)
        };
    }
    let (auxiliary, auxiliary_start) = words.before(subject_start);
    let opens = |word: &[u8], at: usize| !word.is_empty() && is_negation(word) && opens_sentence(words, at);
    opens(auxiliary, auxiliary_start) || {
        let (auxiliary, auxiliary_start) = words.before(auxiliary_start);
        opens(auxiliary, auxiliary_start)
    }
}

/// Whether the word at `start` opens its sentence (or the text).
fn opens_sentence(words: &Words, start: usize) -> bool {
    let (previous, previous_start) = words.before(start);
    previous.is_empty()
        || words.bytes[previous_start + previous.len()..start]
            .iter()
            .any(|byte| matches!(byte, b'.' | b'!' | b'?' | b'\n' | b':' | b'*' | b'-'))
}

/// "was done too quickly", "we moved too fast", "merged it too early": a step people took,
/// then "too", as the haste rule reads it.
fn too_after_step(words: &Words, start: usize) -> bool {
    let (too, at) = words.before(start);
    if !too.eq_ignore_ascii_case(b"too") {
        return false;
    }
    let (mut step, step_start) = words.before(at);
    if [b"it".as_slice(), b"this", b"that", b"them", b"out"].iter().any(|word| word.eq_ignore_ascii_case(step)) {
        step = words.before(step_start).0;
    }
    let mut buffer = [0u8; LONGEST];
    HASTY_STEPS.contains(&std::str::from_utf8(lowercase(step, &mut buffer)).unwrap_or(""))
}

/// A word lowercased into a buffer of its own: words read ahead need no allocation.
struct LowerWord {
    buffer: [u8; LONGEST],
    len: usize,
}

impl LowerWord {
    fn new(word: &[u8]) -> LowerWord {
        let mut buffer = [0u8; LONGEST];
        let len = lowercase(word, &mut buffer).len();
        LowerWord { buffer, len }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buffer[..self.len]).unwrap_or("")
    }
}

/// Whether "would" or "you'd" stands right before `start`: "you would think", "one would expect".
fn would_before(words: &Words, start: usize) -> bool {
    let (previous, _) = words.before(start);
    let mut buffer = [0u8; LONGEST];
    let previous = straighten(previous, &mut buffer);
    [b"would".as_slice(), b"you'd", b"one'd"].iter().any(|word| word.eq_ignore_ascii_case(previous))
}

/// Whether a copula stands before the word starting at `start`, or one word before it: "was
/// crazy", "is absolutely insane".
fn copula_before(words: &Words, start: usize) -> bool {
    let is_copula = |word: &[u8]| {
        let mut buffer = [0u8; LONGEST];
        let word = straighten(word, &mut buffer);
        [b"is".as_slice(), b"was", b"are", b"were", b"it's", b"that's"]
            .iter()
            .any(|copula| copula.eq_ignore_ascii_case(word))
    };
    let (previous, at) = words.before(start);
    is_copula(previous) || is_copula(words.before(at).0)
}

/// Whether "way too", "far too" or "much too" stands before the word starting at `start`.
fn way_too_before(words: &Words, start: usize) -> bool {
    let (too, at) = words.before(start);
    too.eq_ignore_ascii_case(b"too")
        && [b"way".as_slice(), b"far", b"much"].iter().any(|degree| degree.eq_ignore_ascii_case(words.before(at).0))
}

/// Whether "to" before the word at `start` closes a "too busy ... to" or "too focused on ...
/// to" within eight words: "too busy shipping features to care".
fn too_busy_to(words: &Words, start: usize) -> bool {
    let (to, mut at) = words.before(start);
    to.eq_ignore_ascii_case(b"to")
        && (0..8).any(|_| {
            let (word, word_start) = words.before(at);
            let busy = BUSY.iter().any(|busy| busy.as_bytes().eq_ignore_ascii_case(word));
            let too = busy && words.before(word_start).0.eq_ignore_ascii_case(b"too");
            at = word_start;
            too
        })
}

/// A change put out, or tried, in the present: "who deploys on a Friday?", "who tests in prod?".
const DEPLOYS: &[&[u8]] = &[b"deploys", b"pushes", b"ships", b"merges", b"releases", b"tests"];

/// Whether the word ending at `end` ends its clause: punctuation, a line's end or the text's
/// follows it ("are to blame.", "it was Alice's doing,").
fn closes_clause(words: &Words, end: usize) -> bool {
    words.bytes[end..].iter().find(|byte| !matches!(byte, b' ' | b'\t')).is_none_or(|byte| b".,;:!?)\n".contains(byte))
}

/// Calls `found` with the byte offset and kind of every trigger word in `text`.
pub(crate) fn scan(text: &str, found: impl FnMut(usize, Trigger)) {
    thread_local! {
        /// Mask buffers reused from one scan to the next: a document has thousands of chunks.
        static MASKS: std::cell::RefCell<(Vec<u64>, Vec<u64>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    MASKS.with_borrow_mut(|(masks, apostrophes)| {
        word_masks(text.as_bytes(), masks, apostrophes);
        scan_words(text.as_bytes(), masks, apostrophes, found);
    });
}

fn scan_words(bytes: &[u8], masks: &[u64], apostrophes: &[u64], mut found: impl FnMut(usize, Trigger)) {
    let words = Words { bytes, masks, apostrophes };
    let table = table();
    let mut straightened = [0u8; LONGEST];
    // Word starts: word bytes after a byte that is not one.
    let mut carry = 0u64;
    for (index, &mask) in words.masks.iter().enumerate() {
        let mut starts = mask & !(mask << 1 | carry);
        carry = mask >> 63;
        // No apostrophe in these 64 bytes or the next: no word starting here is a contraction.
        let apostrophe_near = apostrophes[index] != 0 || apostrophes.get(index + 1).is_some_and(|&next| next != 0);
        if !apostrophe_near {
            starts = known_starts(bytes, table, index, mask, words.masks.get(index + 1).copied().unwrap_or(0), starts);
        }
        while starts != 0 {
            let start = index * 64 + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let end = words.end(start);
            let mut visit = |start: usize, end: usize, apostrophe: bool| {
                let written = trim_joiners(&bytes[start..end]);
                if written.is_empty() {
                    return;
                }
                let mut kind = lookup(table, written);
                if kind == W::Other && apostrophe {
                    // A curly apostrophe (E2 80 99) is read as a straight one.
                    let word = straighten(written, &mut straightened);
                    kind = lookup(table, word);
                    if kind == W::Other {
                        kind = contraction(word, start, &mut found);
                    }
                }
                // Most words that reach the table are not in it: no call for those.
                if kind != W::Other
                    && let Some(trigger) = classify(&words, kind, start, end)
                {
                    found(start, trigger);
                }
            };
            if next_bit(apostrophes, start, true, end) >= end {
                visit(start, end, false);
                continue;
            }
            // Dashes, ellipses and curly quotes (E2 80 xx) are not part of a word: "fault…",
            // "“Just", "deploy—we" are read in pieces. A curly apostrophe (E2 80 99) stays: "it’s".
            let mut piece = start;
            let mut at = start;
            while at < end {
                let punctuation = bytes[at] == 0xE2 && at + 3 <= end && bytes[at + 1] == 0x80 && bytes[at + 2] != 0x99;
                if punctuation {
                    visit(piece, at, true);
                    at += 3;
                    piece = at;
                } else {
                    at += 1;
                }
            }
            visit(piece, end, true);
        }
    }
}

/// Of the words starting in the 64 bytes of block `index` (bits of `starts`), those whose
/// first three bytes and three bits of the fourth start a known word. Every start is tested
/// without a branch, so the few that pass cost no mispredicted jump for each that does not.
fn known_starts(bytes: &[u8], table: &Table, index: usize, mask: u64, next_mask: u64, starts: u64) -> u64 {
    // Whether each byte belongs to a word, reaching three bytes into the next block.
    let in_word = u128::from(mask) | u128::from(next_mask) << 64;
    let mut known = 0;
    let mut rest = starts;
    while rest != 0 {
        let bit = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        let start = index * 64 + bit;
        // The next two bytes, or 0 past the word's end.
        let second_in_word = (in_word >> (bit + 1)) as u8 & 1;
        let third_in_word = second_in_word & (in_word >> (bit + 2)) as u8;
        let second = bytes.get(start + 1).map_or(0, |&byte| byte & 0x1F) * second_in_word;
        let third = bytes.get(start + 2).map_or(0, |&byte| byte & 0x1F) * third_in_word;
        let fourth_in_word = third_in_word & (in_word >> (bit + 3)) as u8;
        let fourth = bytes.get(start + 3).map_or(0, |&byte| byte & 0x1F) * fourth_in_word;
        let first_letters = start_index(bytes[start], second, third, fourth);
        known |= (table.starts[first_letters / 64] >> (first_letters % 64) & 1) << bit;
    }
    known
}

/// Whether the word at `start` follows "up to the": "wasn't up to the task", "not up to the job".
fn up_to_the(words: &Words, start: usize) -> bool {
    let (the, the_start) = words.before(start);
    let (to, to_start) = words.before(the_start);
    the.eq_ignore_ascii_case(b"the")
        && to.eq_ignore_ascii_case(b"to")
        && words.before(to_start).0.eq_ignore_ascii_case(b"up")
}

/// The trigger a known word is, reading the words around it where it needs them.
fn classify(words: &Words, kind: W, start: usize, end: usize) -> Option<Trigger> {
    let alone = Some(Trigger::Alone);
    let to_do: &[&[&[u8]]] = &[&[b"to"], &[b"do"]];
    match kind {
        W::Other => None,
        W::Alone => alone,
        // "could of", nonstandard for "could have"; "what could possibly go wrong?"
        W::Modal if words.followed_by(end, &[&[b"of", b"possibly"]]) => alone,
        // "must have" is a deduction and no rule reads it; "may have" and "might have" are
        // guesses unless a prevention or a graded choice follows ("might have caught it", "it
        // might have made sense to").
        W::Modal if guess_only(words, start, end) => None,
        W::Modal => Some(Trigger::Modal),
        W::Have if words.followed_by(end, to_do) => alone,
        // "the only way to have prevented it": a perfect infinitive of prevention needs no modal.
        W::Have if words.before(start).0.eq_ignore_ascii_case(b"to") && words.followed_by(end, &[PREVENTED]) => {
            Some(Trigger::Alone)
        }
        // "did not have the necessary skills": a person found wanting.
        W::Have if is_negation(words.before(start).0) && lacks_competence_after(words, end) => alone,
        // "Didn't they have backups?", "doesn't the team have a staging environment?"
        W::Have if negative_question_before(words, start) => alone,
        W::Have => Some(Trigger::Have),
        W::Whole => {
            let (previous, at) = words.before(start);
            let (verb, _) = words.before(at);
            let mut buffer = [0u8; LONGEST];
            previous.eq_ignore_ascii_case(b"the") && WIPED.contains(&lowercase(verb, &mut buffer))
        }
        .then_some(Trigger::Alone),
        W::Slept => words.followed_by(end, &[&[b"through"]]).then_some(Trigger::Alone),
        W::Bound => words
            .followed_by(end, &[&[b"to"], &[b"happen", b"fail", b"break", b"occur", b"go"]])
            .then_some(Trigger::Alone),
        // "what we know now"; "the engineer did not know how to fail over".
        // "they should know better"
        W::Know => (words.followed_by(end, &[&[b"now", b"today", b"better"]])
            || ((words.followed_by(end, &[&[b"how"], &[b"to"]])
                // "they don't know what they're doing"
                || words.followed_by(end, &[&[b"what"], &[b"they're", b"he's", b"she's", b"they", b"he", b"she"]]))
                && words.negated_before(start, NEGATION_TO_DUTY)))
        .then_some(Trigger::Alone),
        W::Grasp => words.not_able_before(start).then_some(Trigger::Alone),
        W::Familiar => (words.followed_by(end, &[&[b"with"]])
            && (words.bytes[start..end].eq_ignore_ascii_case(b"unfamiliar") || words.not_able_before(start)))
        .then_some(Trigger::Alone),
        W::Aware => {
            let (even, at) = words.before(start);
            // "were not even aware", and "was not aware of the runbook", "was unaware of the freeze"
            let of = words.followed_by(end, &[&[b"of"]])
                && (words.bytes[start..end].eq_ignore_ascii_case(b"unaware") || is_negation(even));
            (even.eq_ignore_ascii_case(b"even") && is_negation(words.before(at).0) || of).then_some(Trigger::Alone)
        }
        W::Root => root_cause_is_a_person(words, end).then_some(Trigger::Alone),
        // "was responsible for the outage"; not "the teams responsible for the service".
        W::Responsible => (words.followed_by(end, &[&[b"for"]]) && {
            // "was responsible for", "I'm primarily responsible for".
            let (mut copula, at) = words.before(start);
            if RESPONSIBILITY_DEGREES.iter().any(|adverb| adverb.as_bytes().eq_ignore_ascii_case(copula)) {
                copula = words.before(at).0;
            }
            let mut buffer = [0u8; LONGEST];
            let copula = straighten(copula, &mut buffer);
            [b"was".as_slice(), b"were", b"is", b"are", b"am"].iter().any(|word| word.eq_ignore_ascii_case(copula))
                || copula.len() > 2 && copula[copula.len() - 2..].eq_ignore_ascii_case(b"'m")
                // "Who's responsible for this mess?"
                || copula.eq_ignore_ascii_case(b"who's")
        })
        .then_some(Trigger::Alone),
        W::Me => words.before(start).0.eq_ignore_ascii_case(b"on").then_some(Trigger::Alone),
        W::Heads => heads_roll(words, end).then_some(Trigger::Alone),
        W::Lightly => {
            let (previous, at) = words.before(start);
            let off = if previous.eq_ignore_ascii_case(b"as") { words.before(at).0 } else { previous };
            off.eq_ignore_ascii_case(b"off").then_some(Trigger::Alone)
        }
        W::Happens => ((words.before(start).0.eq_ignore_ascii_case(b"what") && words.followed_by(end, &[&[b"when"]]))
            || words.followed_by(
                end,
                &[&[b"to"], &[b"anyone", b"anybody", b"everyone", b"everybody", b"the", b"any", b"all"]],
            ))
        .then_some(Trigger::Alone),
        W::Perfect => {
            let (previous, _) = words.before(start);
            let is = [b"is".as_slice(), b"'s", b"\xE2\x80\x99s", b"nobody's", b"nobody\xE2\x80\x99s", b"one's", b"one\xE2\x80\x99s"];
            is.iter().any(|word| word.eq_ignore_ascii_case(previous)).then_some(Trigger::Alone)
        }
        W::BadDays => {
            let (previous, _) = words.before(start);
            [b"bad".as_slice(), b"off", b"blind"]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(previous))
                .then_some(Trigger::Alone)
        }
        W::OnlyHuman => {
            let (previous, _) = words.before(start);
            (previous.eq_ignore_ascii_case(b"only") || previous.eq_ignore_ascii_case(b"all")).then_some(Trigger::Alone)
        }
        W::Wanting => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            matches!(
                lowercase(previous, &mut buffer),
                b"was" | b"were" | b"is" | b"are" | b"very" | b"clearly" | b"seriously" | b"wholly" | b"so" | b"too"
            )
            .then_some(Trigger::Alone)
        }
        W::KindOfMistake => words
            .followed_by(end, &[&[b"mistake", b"mistakes", b"error", b"errors", b"blunder", b"move"]])
            .then_some(Trigger::Alone),
        W::SizeOfFix => {
            let (before, before_start) = words.before(start);
            // "the fix is literally one line"
            let belittled = || {
                [b"literally".as_slice(), b"just", b"only", b"merely"]
                    .iter()
                    .any(|word| word.eq_ignore_ascii_case(words.before(before_start).0))
            };
            ((before.eq_ignore_ascii_case(b"one") || before.eq_ignore_ascii_case(b"single"))
                && (words.followed_by(end, &[&[b"fix", b"change", b"patch", b"commit", b"diff"]]) || belittled()))
            .then_some(Trigger::Alone)
        }
        W::Seemed => words
            .followed_by(
                end,
                &[
                    &[b"like"],
                    &[b"a", b"an"],
                    &[b"good", b"great", b"brilliant", b"clever", b"smart", b"excellent", b"neat"],
                    &[b"idea", b"move", b"plan"],
                ],
            )
            .then_some(Trigger::Alone),
        W::Apology => (words.followed_by(end, &[&[b"for"]]) || words.followed_by(end, &[&[b"to"], &[b"have"]]))
            .then_some(Trigger::Alone),
        // "no idea what he was doing"; "whose bright idea was it", "who thought it was a good idea".
        W::Idea => {
            let (previous, at) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            match lowercase(previous, &mut buffer) {
                // "no idea what they were doing", "no idea how to run infrastructure"
                b"no" => words.followed_by(end, &[&[b"what"]]) || words.followed_by(end, &[&[b"how"], &[b"to"]]),
                b"good" | b"great" | b"bright" | b"brilliant" | b"smart" => words.asked_who_before(at),
                _ => false,
            }
        }
        .then_some(Trigger::Alone),
        // "no big deal", "not a big deal"
        W::Deal => words.before(start).0.eq_ignore_ascii_case(b"big").then_some(Trigger::Alone),
        // "Who merged this?", "who signed off on this?"
        W::Who => ({
            let (step, step_end) = words.after(end);
            STEPS_ASKED_AFTER.iter().any(|asked| asked.as_bytes().eq_ignore_ascii_case(step))
                && words.followed_by(step_end, &[&[b"this", b"that", b"it"]])
        }
            // "who cares, it was down for ten minutes"
            || words.followed_by(end, &[&[b"cares"]])
            // "who deploys on a Friday?"
            || words.followed_by(end, &[DEPLOYS])
            // "who doesn't have working backups?"
            || words.followed_by(end, &[&[b"doesn't", b"doesn\xE2\x80\x99t", b"don't", b"don\xE2\x80\x99t", b"doesnt", b"dont"], &[b"have"]])
            || words.followed_by(end, &[&[b"does", b"do"], &[b"not"], &[b"have"]])
            || words.followed_by(end, &[&[b"signed"], &[b"off"], &[b"on"], &[b"this", b"that", b"it"]]))
        .then_some(Trigger::Alone),
        // "No biggie."
        W::Biggie => words.before(start).0.eq_ignore_ascii_case(b"no").then_some(Trigger::Alone),
        W::AfterNothing => words.before(start).0.eq_ignore_ascii_case(b"nothing").then_some(Trigger::Alone),
        W::AfterNo => (words.before(start).0.eq_ignore_ascii_case(b"no") && words.followed_by(end, &[&[b"done"]]))
            .then_some(Trigger::Alone),
        W::TooQuick => ((words.before(start).0.eq_ignore_ascii_case(b"too")
            && (words.followed_by(end, &[&[b"to"]]) || way_too_before(words, start)))
            || too_after_step(words, start)
            // "the bug itself is a quick fix", "it was a quick config change"
            || (words.before(start).0.eq_ignore_ascii_case(b"a") && {
                let fix = |word: &[u8]| {
                    [b"fix".as_slice(), b"change", b"patch", b"solution", b"workaround"]
                        .iter()
                        .any(|fix| fix.eq_ignore_ascii_case(word))
                };
                // "a quick config change", "a quick and painless fix"
                words_in_sentence_after(words, end, 3).any(fix)
            })
            // "a quick fix resolved it"
            || words.followed_by(
                end,
                &[
                    &[b"restart", b"rollback", b"reboot", b"revert", b"redeploy", b"rerun", b"fix", b"change", b"patch"],
                    &[b"fixed", b"solved", b"resolved", b"cured", b"sorted", b"did", b"took"],
                ],
            ))
        .then_some(Trigger::Alone),
        W::WayToo => (way_too_before(words, start) || too_after_step(words, start)).then_some(Trigger::Alone),
        W::GotPast => words.followed_by(end, &[&[b"by", b"past"]]).then_some(Trigger::Alone),
        W::Recipe => words.followed_by(end, &[&[b"for"], &[b"disaster", b"trouble", b"failure"]]).then_some(Trigger::Alone),
        W::Confused => (words.followed_by(end, &[&[b"up"]])
            || words_in_sentence_after(words, end, 4).any(|word| word.eq_ignore_ascii_case(b"with")))
        .then_some(Trigger::Alone),
        // "is a joke", "no business running"
        W::Derision => {
            let (previous, previous_start) = words.before(start);
            // ("a complete joke", "an absolute joke": one word of degree between.)
            let article = if previous.eq_ignore_ascii_case(b"a") { previous } else { words.before(previous_start).0 };
            let joke = (article.eq_ignore_ascii_case(b"a") || article.eq_ignore_ascii_case(b"an"))
                && words.bytes[start..end].eq_ignore_ascii_case(b"joke");
            let no_business = previous.eq_ignore_ascii_case(b"no") && words.after(end).0.ends_with(b"ing");
            (joke || no_business).then_some(Trigger::Alone)
        }
        W::JumpedTheGun => words.followed_by(end, &[&[b"the"], &[b"gun"]]).then_some(Trigger::Alone),
        // "for anyone to see", and the question "didn't anyone check?"
        W::ForAllToSee => ((words.before(start).0.eq_ignore_ascii_case(b"for")
            && words.followed_by(end, &[&[b"to"], &[b"see"]]))
            // "anyone could see this was going to fail"
            || words.followed_by(end, &[&[b"could"], &[b"see", b"tell"]])
            // "everyone knew this would break", "everybody knows you don't deploy on a Friday"
            || words.followed_by(end, &[&[b"knew"]])
            || words.followed_by(end, &[&[b"knows"], &[b"you", b"that"]])
            || is_negation(words.before(start).0)
            // "everyone makes mistakes", "everybody screws up", "everyone has bad days"
            || words.followed_by(end, &[&[b"makes", b"make", b"screws", b"messes", b"has", b"have", b"gets"]]))
        .then_some(Trigger::Alone),
        // "nobody at the company", and the question "did nobody check?"
        W::NobodyAt => (words.followed_by(end, &[&[b"on", b"in", b"at", b"from"]])
            || words.before(start).0.eq_ignore_ascii_case(b"did"))
        .then_some(Trigger::Alone),
        W::NoneOf => words.followed_by(end, &[&[b"of"]]).then_some(Trigger::Alone),
        W::OfCourse => words.before(start).0.eq_ignore_ascii_case(b"of").then_some(Trigger::Alone),
        W::NoExcuse => words.before(start).0.eq_ignore_ascii_case(b"no").then_some(Trigger::Alone),
        W::OutOfProportion => {
            let (of, of_start) = words.before(start);
            let (out, out_start) = words.before(of_start);
            (of.eq_ignore_ascii_case(b"of")
                && out.eq_ignore_ascii_case(b"out")
                && words.before(out_start).0.eq_ignore_ascii_case(b"blown"))
            .then_some(Trigger::Alone)
        }
        W::Breeze => {
            let (article, article_start) = words.before(start);
            (article.eq_ignore_ascii_case(b"a")
                && [b"was".as_slice(), b"is", b"were"].iter().any(|word| word.eq_ignore_ascii_case(words.before(article_start).0)))
            .then_some(Trigger::Alone)
        }
        W::FireSomeone => words
            .followed_by(end, &[&[b"the", b"any", b"all", b"every", b"that", b"those", b"this", b"these", b"him", b"her", b"whoever"]])
            .then_some(Trigger::Alone),
        W::PeopleSide => {
            let mut buffer = [0u8; LONGEST];
            let adjective = lowercase(words.before(start).0, &mut buffer);
            std::str::from_utf8(adjective)
                .is_ok_and(|adjective| PEOPLE_SIDE_FOUND_WANTING.contains(&adjective))
                .then_some(Trigger::Alone)
        }
        W::NoOne => {
            let (no, no_start) = words.before(start);
            // "did no one check?", and "no one on the team checked" as "nobody on the team".
            (no.eq_ignore_ascii_case(b"no")
                && (words.before(no_start).0.eq_ignore_ascii_case(b"did")
                    || words.followed_by(end, &[&[b"on", b"in", b"at", b"from"]])))
            .then_some(Trigger::Alone)
        }
        W::Thinking => {
            let (who, who_start) = words.before(start);
            let (were, were_start) = words.before(who_start);
            let mut buffer = [0u8; LONGEST];
            let person =
                matches!(lowercase(who, &mut buffer), b"they" | b"he" | b"she" | b"you" | b"people" | b"we" | b"i");
            (person
                && [b"were".as_slice(), b"was"].iter().any(|word| word.eq_ignore_ascii_case(were))
                && words.before(were_start).0.eq_ignore_ascii_case(b"what"))
            .then_some(Trigger::Alone)
        }
        W::TakeResponsibility => {
            let (previous, previous_start) = words.before(start);
            let took = |word: &[u8]| [b"take".as_slice(), b"took"].iter().any(|take| take.eq_ignore_ascii_case(word));
            // "responsibility lies with"
            let lies = words.followed_by(end, &[&[b"lies", b"lay", b"rests", b"rested", b"falls", b"fell"]]);
            (took(previous) || took(words.before(previous_start).0) || lies).then_some(Trigger::Alone)
        }
        // "left the bucket public", "left two million people in the dark"
        W::LeftExposed => words_in_sentence_after(words, end, 12)
            .enumerate()
            .any(|(at, word)| {
                (at < 6 && LEFT_EXPOSED.iter().any(|state| state.as_bytes().eq_ignore_ascii_case(word)))
                    || [b"dark".as_slice(), b"stranded", b"without"].iter().any(|state| state.eq_ignore_ascii_case(word))
            })
            .then_some(Trigger::Alone),
        W::Hiccup => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            matches!(
                lowercase(previous, &mut buffer),
                b"minor" | b"small" | b"tiny" | b"little" | b"brief" | b"slight" | b"short" | b"temporary"
            )
            .then_some(Trigger::Alone)
        }
        // "did nothing"; "nothing to worry about"
        W::Nothing => (words.before(start).0.eq_ignore_ascii_case(b"did")
            || words.followed_by(end, &[&[b"to"], &[b"worry"], &[b"about"]]))
        .then_some(Trigger::Alone),
        W::Finally => next_word(words, end, is_attention_verb).then_some(Trigger::Alone),
        // "it is now clear", and "it was clear from the start"
        W::ClearNow => (words.before(start).0.eq_ignore_ascii_case(b"now")
            || words.followed_by(end, &[&[b"now"]])
            || words.followed_by(end, &[&[b"from"], &[b"the", b"day"], &[b"start", b"beginning", b"outset", b"one"]])
            || words.followed_by(end, &[&[b"to"], &[b"see"]]))
        .then_some(Trigger::Alone),
        // "it was always going to fail"
        W::Always => ([b"was".as_slice(), b"were"].iter().any(|word| word.eq_ignore_ascii_case(words.before(start).0))
            && words.followed_by(end, &[&[b"going"], &[b"to"]]))
        .then_some(Trigger::Alone),
        W::Rogue => next_word(words, end, is_role_noun).then_some(Trigger::Alone),
        W::Easily => next_word(words, end, |word| is_avoidance(word) || is_remedy_participle(word)).then_some(Trigger::Alone),
        W::Fault => owned_fault(words, start, end).then_some(Trigger::Alone),
        W::Play => {
            let (previous, _) = words.before(start);
            [b"child's".as_slice(), "child’s".as_bytes(), b"kid's", "kid’s".as_bytes()]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(previous))
                .then_some(Trigger::Alone)
        }
        W::Dots => {
            let (the, at) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let verb = lowercase(words.before(at).0, &mut buffer);
            (the.eq_ignore_ascii_case(b"the") && verb.starts_with(b"connect")).then_some(Trigger::Alone)
        }
        W::Doing => {
            let mut buffer = [0u8; LONGEST];
            let owner = lowercase(words.before(start).0, &mut buffer);
            let possessive =
                is_possessive(owner) || [b"my".as_slice(), b"his", b"her", b"their", b"your", b"our"].contains(&owner);
            (possessive && closes_clause(words, end)).then_some(Trigger::Alone)
        }
        W::Just => made_small_after(words, end).then_some(Trigger::Alone),
        W::Failing => (words.before(start).0.eq_ignore_ascii_case(b"for") && words.followed_by(end, &[&[b"to"]]))
            .then_some(Trigger::Alone),
        W::Part => {
            let (owner, at) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            (matches!(lowercase(owner, &mut buffer), b"my" | b"our" | b"his" | b"her" | b"their")
                && words.before(at).0.eq_ignore_ascii_case(b"on"))
            .then_some(Trigger::Alone)
        }
        // "any junior engineer knows", "any decent admin would"
        W::AfterAny => words.before(start).0.eq_ignore_ascii_case(b"any").then_some(Trigger::Alone),
        W::Mind => words.before(start).0.eq_ignore_ascii_case(b"right").then_some(Trigger::Alone),
        W::Kind => (words.before(start).0.eq_ignore_ascii_case(b"what") && words.followed_by(end, &[&[b"of"]]))
            .then_some(Trigger::Alone),
        W::Imagine => words.followed_by(end, &[&[b"not"]]).then_some(Trigger::Alone),
        W::Genius => [b"some".as_slice(), b"which", b"what"]
            .iter()
            .any(|word| word.eq_ignore_ascii_case(words.before(start).0))
            .then_some(Trigger::Alone),
        W::Sat => words.followed_by(end, &[&[b"on"], &[b"the", b"it", b"this", b"that", b"our", b"their"]]).then_some(Trigger::Alone),
        W::Ball => {
            let (the, at) = words.before(start);
            (the.eq_ignore_ascii_case(b"the") && words.before(at).0.eq_ignore_ascii_case(b"off")).then_some(Trigger::Alone)
        }
        // "let it slide", "let a bad config slip": "let" at most three words before what was let.
        W::Slide => {
            let mut at = start;
            (0..4)
                .any(|_| {
                    let (word, word_start) = words.before(at);
                    at = word_start;
                    word.eq_ignore_ascii_case(b"let")
                })
                .then_some(Trigger::Alone)
        }
        W::Lapse => words.followed_by(end, &[&[b"in", b"of"], &[b"judgment", b"judgement"]]).then_some(Trigger::Alone),
        W::Believe => {
            let (previous, previous_start) = words.before(start);
            let (mut buffer, mut straight) = ([0u8; LONGEST], [0u8; LONGEST]);
            let lower = straighten(lowercase(previous, &mut buffer), &mut straight);
            let before = words.before(previous_start).0;
            (matches!(lower, b"can't" | b"cannot" | b"cant" | b"couldn't")
                || (lower == b"not" && before.eq_ignore_ascii_case(b"can"))
                || (lower == b"to" && before.eq_ignore_ascii_case(b"hard")))
            .then_some(Trigger::Alone)
        }
        W::Incredulous => words.followed_by(end, &[&[b"that"]]).then_some(Trigger::Alone),
        W::Madness => (words.followed_by(end, &[&[b"that"]]) || copula_before(words, start)).then_some(Trigger::Alone),
        W::Task => up_to_the(words, start).then_some(Trigger::Alone),
        W::Hard => ([b"that".as_slice(), b"so"].iter().any(|word| word.eq_ignore_ascii_case(words.before(start).0))
            && words.followed_by(end, &[&[b"to"]]))
        .then_some(Trigger::Alone),
        W::Deviated => words.followed_by(end, &[&[b"from"]]).then_some(Trigger::Alone),
        // And "nobody should be surprised".
        W::Amazed => (words
            .followed_by(end, &[&[b"that", b"nobody", b"no", b"no-one", b"they", b"he", b"she", b"the", b"someone"]])
            || words.before(start).0.eq_ignore_ascii_case(b"be"))
        .then_some(Trigger::Alone),
        W::Shame => words.followed_by(end, &[&[b"on"]]).then_some(Trigger::Alone),
        W::Granted => words.before(start).0.eq_ignore_ascii_case(b"for").then_some(Trigger::Alone),
        // And "I'd expect better from Microsoft", "we expected more from them".
        W::Expect => (would_before(words, start)
            || words.followed_by(end, &[&[b"better", b"more"], &[b"from", b"of"]])
            || {
                let mut buffer = [0u8; LONGEST];
                straighten(words.before(start).0, &mut buffer).eq_ignore_ascii_case(b"i'd")
            })
        .then_some(Trigger::Alone),
        W::Fingered => words.before(start).0.eq_ignore_ascii_case(b"fat").then_some(Trigger::Alone),
        W::Remind => opens_sentence(words, start).then_some(Trigger::Alone),
        // "didn't do their job"
        W::Job => {
            let (previous, previous_start) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let owned =
                matches!(lowercase(previous, &mut buffer), b"their" | b"his" | b"her" | b"my" | b"our" | b"your" | b"its");
            // "should lose their job"
            let lost = [b"lose".as_slice(), b"lost"].iter().any(|lose| lose.eq_ignore_ascii_case(words.before(previous_start).0));
            // "did a terrible job": work judged as done badly.
            let botched = POOR_WORK.iter().any(|poor| poor.as_bytes().eq_ignore_ascii_case(previous))
                && words.before(previous_start).0.eq_ignore_ascii_case(b"a");
            // "looking for a new job"
            let new_job = previous.eq_ignore_ascii_case(b"new") && words.before(previous_start).0.eq_ignore_ascii_case(b"a");
            // "you had one job"
            let one_job = previous.eq_ignore_ascii_case(b"one")
                && [b"had".as_slice(), b"have", b"has"].iter().any(|had| had.eq_ignore_ascii_case(words.before(previous_start).0));
            (owned && (words.negated_before(start, 4) || lost) || botched || new_job || one_job || up_to_the(words, start))
                .then_some(Trigger::Alone)
        }
        // "updating their resume"
        W::Resume => {
            let mut buffer = [0u8; LONGEST];
            matches!(lowercase(words.before(start).0, &mut buffer), b"their" | b"his" | b"her").then_some(Trigger::Alone)
        }
        // "shipped it anyway"
        W::Anyway => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(previous, &mut buffer);
            // "shipped it anyway", and "shipped anyway"
            (matches!(lower, b"it" | b"this" | b"that" | b"them")
                || std::str::from_utf8(lower).is_ok_and(|verb| SHIPPING_VERBS.contains(&verb)))
            .then_some(Trigger::Alone)
        }
        // "pushed straight to master", "deployed directly to production"
        W::Straight => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            (matches!(lowercase(previous, &mut buffer), b"pushed" | b"deployed" | b"committed" | b"merged")
                && words.followed_by(end, &[&[b"to", b"into"]]))
            .then_some(Trigger::Alone)
        }
        W::Even => {
            let (previous, previous_start) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            // "did they even test this?", "did anyone even read the docs?"
            let asked = matches!(
                lowercase(previous, &mut buffer),
                b"they" | b"anyone" | b"anybody" | b"you" | b"he" | b"she" | b"someone" | b"somebody"
            ) && [b"did".as_slice(), b"do", b"does"].iter().any(|did| did.eq_ignore_ascii_case(words.before(previous_start).0));
            (previous.eq_ignore_ascii_case(b"to") && words.followed_by(end, &[NOTICE]) || asked).then_some(Trigger::Alone)
        }
        // "all they need to do", "all that was needed was"
        W::NeedLike => {
            (words.followed_by(end, to_do) || words.followed_by(end, &[&[b"was", b"is"]])).then_some(Trigger::Alone)
        }
        // "all it took was", "the engineer took the whole site down"
        W::Took => (words.followed_by(end, &[&[b"was", b"is", b"were"]])
            // "all it took to fix it was"
            || words.followed_by(end, &[&[b"to"], &[b"fix", b"resolve", b"restore", b"recover", b"solve", b"mitigate"]])
            || no_action_follows(words, end)
            || [b"only".as_slice(), b"just"].iter().any(|word| word.eq_ignore_ascii_case(words.before(start).0))
            || words_harm(words, start, end))
        .then_some(Trigger::Alone),
        // "had we known", "had the team tested", "all they had to do"
        W::Had
            if words.followed_by(
                end,
                &[&[
                    b"we", b"i", b"you", b"he", b"she", b"they", b"someone", b"anyone", b"the", b"our", b"their",
                    b"there",
                ]],
            ) =>
        {
            alone
        }
        W::Had if words.followed_by(end, to_do) => alone,
        // "had little or no operational background": a person's competence found wanting.
        W::Had if words.followed_by(end, &[&[b"little", b"no", b"insufficient", b"limited"]])
            && words_in_sentence_after(words, end, 5)
                .any(|word| BACKGROUND.iter().any(|noun| noun.as_bytes().eq_ignore_ascii_case(word))) =>
        {
            alone
        }
        // "they had years to fix this": time given, and the step not taken.
        W::Had if words.followed_by(end, &[&[b"years", b"months", b"weeks"], &[b"to"]]) => alone,
        W::Had => Some(Trigger::Had),
        W::If if words.followed_by(end, &[&[b"only"]]) => alone,
        W::If | W::Wish => Some(Trigger::If),
        // "had the backups been verified" inverts; "the job had (already) been running" is the
        // plain past perfect, which no rule reads.
        W::Condition => (!past_perfect_before(words, start)).then_some(Trigger::Been),
        // "how hard can it be", and "how did nobody notice", "how could they push this": a
        // question about people, as its rules require ("how did the cache fill up?" is not one).
        W::How => (words.followed_by(end, &[&[b"hard", b"difficult"]])
            // "how on earth did this pass QA?"
            || words.followed_by(end, &[&[b"on", b"the"], &[b"earth", b"hell", b"heck"]])
            || words.followed_by(end, &[&[b"could"], &[b"they", b"he", b"she", b"anyone", b"anybody", b"someone", b"somebody"]])
            // "How could Microsoft lose all that data?": a company by name.
            || (words.followed_by(end, &[&[b"could"]]) && {
                let (_, could_end) = words.after(end);
                let (name, _) = words.after(could_end);
                name.len() > 1 && name[0].is_ascii_uppercase()
            })
            || (words.followed_by(
                end,
                &[&[b"did", b"do", b"does", b"could", b"was", b"were", b"is", b"are", b"had", b"has", b"have"]],
            ) && omission_follows(words, end))
            // "how didn't my tests catch it", "how haven't we noticed"
            || is_negation(words.after(end).0)
            // "how can the most valuable car company in the world not have backups?"
            || (words.followed_by(end, &[&[b"can", b"could", b"does", b"do", b"did"]])
                && words_in_sentence_after(words, end, 12)
                    .any(|word| word.eq_ignore_ascii_case(b"not") || word.eq_ignore_ascii_case(b"never")))
            // "how did this pass QA?", "how did it get through review?", "how did this make it
            // into a release?", "how did this slip by?", "how does this even get past review?"
            || (words.followed_by(end, &[&[b"did", b"does", b"do"]])
                && words_in_sentence_after(words, end, 8).any(|word| {
                    [b"pass".as_slice(), b"past", b"through", b"merged", b"approved", b"into", b"make", b"slip", b"sneak"]
                        .iter()
                        .any(|gate| gate.eq_ignore_ascii_case(word))
                })))
        .then_some(Trigger::Alone),
        W::Looking => (words.followed_by(end, &[&[b"back"]])
            || words.followed_by(end, &[&[b"at"], &[b"it", b"this", b"that"], &[b"now", b"today", b"afterwards"]]))
        .then_some(Trigger::Alone),
        // "the wrong volume", and "bad at" for people judged: "we are bad at deprecating".
        W::Wrong => {
            let (previous, _) = words.before(start);
            // "the wrong volume", "pointed at the wrong", and "did it wrong." closing a clause
            // (or a line: "that was wrong<br>").
            let closes = words.bytes.get(end).is_none_or(|byte| b".,;:!?)\n<".contains(byte))
                || words.followed_by(end, &[&[b"and", b"but", b"because", b"so", b"when", b"again"]]);
            // "My bad for messing this up": the writer owning a slip.
            let owned = words.followed_by(end, &[&[b"for"]])
                && [b"my".as_slice(), b"our"].iter().any(|word| word.eq_ignore_ascii_case(previous));
            // "I was wrong to push that change"
            let wrong_to = words.followed_by(end, &[&[b"to"]])
                && [b"was".as_slice(), b"were"].iter().any(|word| word.eq_ignore_ascii_case(previous));
            ([b"the".as_slice(), b"a", b"an"].iter().any(|word| word.eq_ignore_ascii_case(previous))
                || wrong_to
                || words.followed_by(end, &[&[b"at"]])
                || closes
                || owned)
                .then_some(Trigger::Alone)
        }
        W::Careful => {
            let (previous, _) = words.before(start);
            // "more careful", "be careful", "less than diligent", "wasn't careful enough"
            ([b"more".as_slice(), b"be", b"extra", b"than", b"not"].iter().any(|word| word.eq_ignore_ascii_case(previous))
                || previous.ends_with(b"n't")
                || previous.ends_with("n’t".as_bytes()))
            .then_some(Trigger::Alone)
        }
        W::Attention => {
            let (previous, _) = words.before(start);
            [b"more".as_slice(), b"closer", b"better", b"greater", b"pay", b"paid", b"paying", b"close"]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(previous))
                .then_some(Trigger::Alone)
        }
        W::Around => words.followed_by(end, &[&[b"to"]]).then_some(Trigger::Alone),
        // "too long to", and "forever to": "it took the team forever to notice".
        W::Long => ((words.before(start).0.eq_ignore_ascii_case(b"too")
            || words.bytes[start..end].eq_ignore_ascii_case(b"forever"))
            && words.followed_by(end, &[&[b"to"]]))
        .then_some(Trigger::Alone),
        // "why didn't", "why did nobody", "why did the developer forget to", and "why on
        // earth", "why the hell". ("Why did the job fail?" asks about a machine: the rule needs a
        // negation, an omission or disbelief, so the scan does too.)
        W::Why => (words.followed_by(end, &[&[b"on", b"the", b"oh"], &[b"earth", b"hell", b"heck", b"why"]])
            || words.followed_by(end, &[&[b"you"]])
            || words.followed_by(end, &[&[b"did"], &[b"you"]])
            || words.followed_by(end, &[&[b"would"], &[b"they", b"he", b"she"]])
            || words.followed_by(end, &[&[b"in"], &[b"the"], &[b"world"]])
            // "why did it take three hours to roll back?"
            || words.followed_by(end, &[&[b"did", b"does"], &[b"it"], &[b"take"]])
            // "why was this merged without review?"
            || (words.followed_by(end, &[&[b"was", b"were"]])
                && words_in_sentence_after(words, end, 9).any(|word| word.eq_ignore_ascii_case(b"without")))
            || (words.next_word_is(end, WHY_AUXILIARIES) && omission_follows(words, end)))
        .then_some(Trigger::Alone),
        W::Without => (words.next_word_is(end, WITHOUT_WHAT)
            // "without really reading it"
            || (words.next_word_is(end, WITHOUT_ADVERBS) && words.next_word_is(words.after(end).1, WITHOUT_WHAT))
            || words.followed_by(
                end,
                &[&[b"code", b"peer", b"any", b"proper", b"prior"], &[b"review", b"testing", b"approval", b"tests"]],
            )
            // "ran the migration without a backup", "without taking a backup"
            || words.followed_by(end, &[&[b"a", b"any", b"taking"], &[b"backup", b"backups", b"snapshot"]])
            || words.followed_by(end, &[&[b"taking"], &[b"a", b"any"], &[b"backup", b"backups", b"snapshot"]]))
        .then_some(Trigger::Alone),
        // "we did not test thoroughly enough"; "review pull requests more carefully".
        W::Adequacy => (words.negated_before(start, NEGATION_TO_ADEQUACY)
            || (words.bytes[start..end].eq_ignore_ascii_case(b"carefully")
                && words.before(start).0.eq_ignore_ascii_case(b"more"))
            // "too busy shipping features to care about reliability"
            || (words.bytes[start..end].eq_ignore_ascii_case(b"care") && too_busy_to(words, start)))
        .then_some(Trigger::Alone),
        // "I told you so"
        W::Duty if words.followed_by(end, &[&[b"you", b"ya"], &[b"so"]]) => alone,
        W::Duty => words.negated_before(start, NEGATION_TO_DUTY).then_some(Trigger::Alone),
        W::Follow => (words.negated_before(start, NEGATION_TO_DUTY) || told_to_follow(words, start)).then_some(Trigger::Alone),
        W::Take => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(previous, &mut buffer);
            (matches!(lower, b"will" | b"would" | b"should" | b"can" | b"could" | b"only" | b"just")
                || lower.ends_with(b"'ll")
                || lower.ends_with("’ll".as_bytes())
                // "did not take any steps"
                || (words.negated_before(start, NEGATION_TO_DUTY) && no_action_follows(words, end)))
            .then_some(Trigger::Alone)
        }
        W::By => {
            // "caused by an engineer": a person after "caused by", not "caused by the deploy".
            let (previous, _) = words.before(start);
            // And the passive of a slip or a step not taken: "was ignored by", "was not renewed by".
            let caused = [b"caused".as_slice(), b"triggered", b"introduced", b"ignored", b"missed", b"overlooked", b"disregarded", b"unnoticed"]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(previous))
                || ((previous.ends_with(b"ed")
                    || [b"run".as_slice(), b"read", b"told", b"given"].iter().any(|word| word.eq_ignore_ascii_case(previous)))
                    && is_negation(words.before(words.before(start).1).0));
            let mut at = end;
            let person = caused
                && (0..4).any(|_| {
                    let (word, word_end) = words.after(at);
                    at = word_end;
                    let mut buffer = [0u8; LONGEST];
                    let lower = std::str::from_utf8(lowercase(word, &mut buffer)).unwrap_or("");
                    if matches!(lower, "a" | "an" | "the" | "one" | "of" | "our" | "new" | "junior" | "senior") {
                        return false;
                    }
                    is_person_word(lower)
                });
            person.then_some(Trigger::Alone)
        }
        W::Harm => (words_harm(words, start, end)
            // "shipped a broken update", "who pushed the broken config?", read as "a faulty build" is.
            || (words.bytes[start..end].eq_ignore_ascii_case(b"broken")
                && [b"a".as_slice(), b"an", b"the"].iter().any(|word| word.eq_ignore_ascii_case(words.before(start).0))))
        .then_some(Trigger::Alone),
        W::Sanction => {
            let (previous, previous_start) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            // "has been identified and counseled": the passive group before the first participle.
            let coordinated = previous.eq_ignore_ascii_case(b"and") && {
                let (participle, _) = words.before(previous_start);
                participle.len() > 3 && participle[participle.len() - 2..].eq_ignore_ascii_case(b"ed")
            };
            let passive = coordinated
                || matches!(
                    lowercase(previous, &mut buffer),
                    b"been" | b"be" | b"being" | b"was" | b"were" | b"is" | b"are" | b"got" | b"get" | b"gets" | b"getting"
                );
            // "the vendor let us down", "let our customers down", "we let go of the contractor"
            let let_down = words.bytes[start..end].eq_ignore_ascii_case(b"let")
                && (words.followed_by(end, &[&[b"us", b"me", b"everyone", b"our", b"their", b"its"]])
                    || words.followed_by(end, &[&[b"go"], &[b"of"]]));
            // "action has been taken against the staff responsible", "took action against him".
            let mut before_buffer = [0u8; LONGEST];
            let action_against = words.bytes[start..end].eq_ignore_ascii_case(b"against")
                && matches!(
                    lowercase(previous, &mut before_buffer),
                    b"taken" | b"took" | b"take" | b"action" | b"actions" | b"measures" | b"steps" | b"proceedings"
                );
            if action_against {
                return Some(Trigger::Alone);
            }
            let particle = match lowercase(&words.bytes[start..end], &mut [0u8; LONGEST]) {
                b"let" => words.followed_by(end, &[&[b"go"]]),
                b"against" => false,
                b"spoken" => words.followed_by(end, &[&[b"to", b"with"]]),
                b"written" => words.followed_by(end, &[&[b"up"]]),
                b"held" => words.followed_by(end, &[&[b"accountable", b"responsible", b"liable"]]),
                _ => true,
            };
            (passive && particle || let_down).then_some(Trigger::Alone)
        }
        // "plain as day", "plain to see"
        W::Plain => (words.followed_by(end, &[&[b"as"]]) || words.followed_by(end, &[&[b"to"], &[b"see"]]))
            .then_some(Trigger::Alone),
        W::Surprisingly => words.before(start).0.eq_ignore_ascii_case(b"not").then_some(Trigger::Alone),
        // "it's no surprise that ...", "this shouldn't come as a surprise"
        W::Surprise => {
            let (previous, at) = words.before(start);
            (previous.eq_ignore_ascii_case(b"no")
                // "Surprise, surprise"
                || previous.eq_ignore_ascii_case(b"surprise")
                || (previous.eq_ignore_ascii_case(b"a") && words.before(at).0.eq_ignore_ascii_case(b"as")))
            .then_some(Trigger::Alone)
        }
        W::Wisdom => {
            let (previous, at) = words.before(start);
            (previous.eq_ignore_ascii_case(b"infinite")
                || (words.before(at).0.eq_ignore_ascii_case(b"all")
                    && [b"my".as_slice(), b"our", b"his", b"their"].iter().any(|owner| owner.eq_ignore_ascii_case(previous))))
            .then_some(Trigger::Alone)
        }
        W::Away => (words.before(start).0.eq_ignore_ascii_case(b"get") && words.followed_by(end, &[&[b"with"]]))
            .then_some(Trigger::Alone),
        W::Coming => {
            let (previous, at) = words.before(start);
            let seen = words.before(at).0;
            // "saw it coming", and "knew this was coming"
            let known = [b"was".as_slice(), b"is"].iter().any(|word| word.eq_ignore_ascii_case(previous)) && {
                let (it, it_start) = words.before(at);
                [b"it".as_slice(), b"this", b"that"].iter().any(|word| word.eq_ignore_ascii_case(it))
                    && words.before(it_start).0.eq_ignore_ascii_case(b"knew")
            };
            (known
                || ([b"it".as_slice(), b"this", b"that"].iter().any(|word| word.eq_ignore_ascii_case(previous))
                    && [b"seen".as_slice(), b"saw", b"see", b"foreseen"]
                        .iter()
                        .any(|word| word.eq_ignore_ascii_case(seen))))
            .then_some(Trigger::Alone)
        }
        W::Praise => {
            let (mut article, mut at) = words.before(start);
            // "not a very good developer"
            if [b"very".as_slice(), b"particularly", b"especially", b"terribly", b"that"]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(article))
            {
                (article, at) = words.before(at);
            }
            let (negation, _) = words.before(at);
            ([b"a".as_slice(), b"an", b"the"].iter().any(|word| word.eq_ignore_ascii_case(article))
                && is_negation(negation))
            .then_some(Trigger::Alone)
        }
        W::Competence => {
            // "was not qualified", "a lack of attention", "lacked the experience"
            let (_, of_end) = words.after(end);
            let (attitude, _) = words.after(of_end);
            let lack_of = words.followed_by(end, &[&[b"of"]])
                && DILIGENCE.iter().any(|word| word.as_bytes().eq_ignore_ascii_case(attitude));
            (words.before(start).0.eq_ignore_ascii_case(b"not") || lack_of || lacks_competence_after(words, end))
                .then_some(Trigger::Alone)
        }
        W::Supposed => {
            let (previous, _) = words.before(start);
            let passive = previous.eq_ignore_ascii_case(b"was") || previous.eq_ignore_ascii_case(b"were");
            (passive && words.followed_by(end, &[&[b"to"]])).then_some(Trigger::Alone)
        }
        W::TooMuch => words.followed_by(end, &[&[b"too"], &[b"much", b"long"]]).then_some(Trigger::Alone),
        // "Despite the warning, the operator proceeded": the warning told before the person.
        W::Turn => (words.individual_before(start)
            || (words.bytes[start..end].eq_ignore_ascii_case(b"despite") && opens_sentence(words, start)))
        .then_some(Trigger::Alone),
        W::SetAside => words.before(start).0.eq_ignore_ascii_case(b"to").then_some(Trigger::Alone),
        W::Consequence => {
            let (previous, at) = words.before(start);
            let after_comma = words.bytes[at + previous.len()..start].contains(&b',');
            ((after_comma || [b"which".as_slice(), b"this"].iter().any(|word| word.eq_ignore_ascii_case(previous)))
                && words.individual_before(start))
            .then_some(Trigger::Alone)
        }
        W::Account => (words.before(start).0.eq_ignore_ascii_case(b"into") || words.followed_by(end, &[&[b"for"]]))
            .then_some(Trigger::Alone),
        // "only a matter of time"; "only a matter of flipping a flag"
        W::Matter => (words.followed_by(end, &[&[b"of"], &[b"time"]])
            || {
                let (article, at) = words.before(start);
                article.eq_ignore_ascii_case(b"a") && words.before(at).0.eq_ignore_ascii_case(b"only")
            }
            // "was a matter of changing one line"
            || {
                let (of, of_end) = words.after(end);
                let step = words.after(of_end).0;
                of.eq_ignore_ascii_case(b"of") && step.len() > 4 && step[step.len() - 3..].eq_ignore_ascii_case(b"ing")
            })
        .then_some(Trigger::Alone),
        W::Writing => words.followed_by(end, &[&[b"was", b"is"], &[b"on"]]).then_some(Trigger::Alone),
        // "they only needed to restart it"; "it was only a config change"
        W::Only => (words.followed_by(end, &[&[b"needed", b"had"], &[b"to"]])
            // "it only needed a restart"
            || words.followed_by(end, &[&[b"needed", b"took", b"required"], &[b"a", b"an", b"one"]])
            || words.followed_by(end, &[&[b"thing"]])
            || (words.followed_by(end, &[&[b"a", b"an"]]) && made_small_after(words, end)))
        .then_some(Trigger::Alone),
        W::Blame => {
            let (previous, _) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(previous, &mut buffer);
            // "are to blame." and "to blame for", "blamed on", and "the blame lies with"; not "the
            // impulse to blame and punish".
            let given = (lower == b"to" && (closes_clause(words, end) || words.followed_by(end, &[&[b"here"]])))
                || matches!(lower, b"being" | b"been" | b"was" | b"were" | b"is" | b"are" | b"get" | b"got" | b"gets" | b"getting")
                // "I blame the ops team", "you should blame the users"
                || matches!(lower, b"i" | b"we" | b"you" | b"do" | b"should" | b"would" | b"must" | b"can")
                || words.followed_by(
                    end,
                    &[&[b"on", b"for", b"lies", b"lay", b"rests", b"rested", b"falls", b"fell", b"sits"]],
                )
                // "blamed the outage on a contractor", "blamed a contractor for the outage"
                || words_in_sentence_after(words, end, 6)
                    .any(|word| word.eq_ignore_ascii_case(b"on") || word.eq_ignore_ascii_case(b"for"))
                // "they blamed the intern."
                || (words.bytes[start..end].eq_ignore_ascii_case(b"blamed")
                    && words_in_sentence_after(words, end, 3).any(|word| {
                        let mut buffer = [0u8; LONGEST];
                        std::str::from_utf8(lowercase(word, &mut buffer)).is_ok_and(is_role_noun)
                    }));
            given.then_some(Trigger::Alone)
        }
        W::Seconds => {
            let (previous, _) = words.before(start);
            // "in five minutes flat", "took all of thirty seconds"
            ([b"in".as_slice(), b"within", b"few", b"of"].iter().any(|word| word.eq_ignore_ascii_case(previous))
                || words.followed_by(end, &[&[b"flat"]])
                || words.before(words.before(start).1).0.eq_ignore_ascii_case(b"of"))
            .then_some(Trigger::Alone)
        }
        W::Time => words.before(start).0.eq_ignore_ascii_case(b"no").then_some(Trigger::Alone),
        // "a very clear miss", and "this was a miss" ("a cache miss" and "a near miss" are not).
        W::Miss => {
            let (previous, at) = words.before(start);
            let graded = [b"clear".as_slice(), b"big", b"significant", b"major", b"huge", b"obvious"]
                .iter()
                .any(|word| word.eq_ignore_ascii_case(previous));
            let called = previous.eq_ignore_ascii_case(b"a") && {
                let (verb, _) = words.before(at);
                [b"was".as_slice(), b"is", b"clearly", b"definitely", b"certainly", b"really"]
                    .iter()
                    .any(|word| word.eq_ignore_ascii_case(verb))
            };
            (graded || called).then_some(Trigger::Alone)
        }
        W::False => words.followed_by(end, &[&[b"sense"]]).then_some(Trigger::Alone),
        W::Slip => {
            let slip: &[&[u8]] =
                &[b"mistake", b"mistakes", b"error", b"errors", b"oversight", b"slip", b"typo", b"hour", b"bug"];
            // "a small config error", "a silly little bug": a kind of people's work, or a size,
            // between the judgement and the slip.
            let (next, next_end) = words.after(end);
            let work = WORK_OF_PEOPLE.iter().any(|work| work.as_bytes().eq_ignore_ascii_case(next))
                || [b"little".as_slice(), b"small", b"tiny"].iter().any(|size| size.eq_ignore_ascii_case(next));
            // "That was dumb", "me being dumb": the judgement on its own after a copula.
            let judged_alone = words.bytes[start..end].eq_ignore_ascii_case(b"dumb")
                && [b"was".as_slice(), b"were", b"being", b"so", b"am", b"i'm", "i’m".as_bytes()]
                    .iter()
                    .any(|word| word.eq_ignore_ascii_case(words.before(start).0));
            (words.followed_by(end, &[slip]) || (work && words.followed_by(next_end, &[slip])) || judged_alone)
                .then_some(Trigger::Alone)
        }
        // "a quick restart was all it needed"
        W::AllIt => (words.before(start).0.eq_ignore_ascii_case(b"was")
            && (words.followed_by(
                end,
                &[&[b"it", b"that", b"this"], &[b"took", b"needed", b"required", b"takes", b"needs"]],
            ) || words.followed_by(end, &[&[b"that"], &[b"was"], &[b"needed", b"required"]])))
        .then_some(Trigger::Alone),
        // "the answer was right in front of us"
        W::Front => (words.before(start).0.eq_ignore_ascii_case(b"in") && words.followed_by(end, &[&[b"of"]]))
            .then_some(Trigger::Alone),
        // "that server was a time bomb"
        W::Bomb => words.before(start).0.eq_ignore_ascii_case(b"time").then_some(Trigger::Alone),
        W::Think => (words.followed_by(end, &[&[b"to", b"about", b"through"]])
            || would_before(words, start)
            // "didn't think it through"
            || words.followed_by(end, &[&[b"it", b"this", b"that", b"things"], &[b"through"]]))
        .then_some(Trigger::Alone),
        W::Because => {
            // "because of me"; "because a test engineer decided to ...", "because Bob pushed ...".
            let (next, next_end) = words.after(end);
            let mut buffer = [0u8; LONGEST];
            let next = std::str::from_utf8(lowercase(next, &mut buffer)).unwrap_or("");
            let person = |word: &str| {
                !matches!(word, "i" | "we" | "they" | "who" | "that" | "us" | "me") && is_person_word(word)
            };
            // "because the engineer", and "because a field engineer" (a role of two words).
            let after_article = matches!(next, "a" | "an" | "the" | "one" | "our") && {
                let (noun, noun_end) = words.after(next_end);
                let (second, _) = words.after(noun_end);
                [noun, second].iter().any(|word| {
                    let mut buffer = [0u8; LONGEST];
                    std::str::from_utf8(lowercase(word, &mut buffer)).is_ok_and(person)
                })
            };
            (words.followed_by(end, &[&[b"of"], &[b"me", b"him", b"her"]]) || person(next) || after_article)
                .then_some(Trigger::Alone)
        }
        W::Knowing => words.followed_by(end, &[&[b"what"]]).then_some(Trigger::Alone),
        // "the signs were there", "there were red flags"
        W::Signs => (words.followed_by(end, &[&[b"were", b"was"]])
            || words.before(start).0.eq_ignore_ascii_case(b"red"))
        .then_some(Trigger::Alone),
        // "failed to", and "the failure of one of its engineers to update".
        W::FailedLike => (words.followed_by(end, &[&[b"to"]])
            // "our SRE team failed us", "failed our customers"
            || (words.bytes[start..end].eq_ignore_ascii_case(b"failed")
                && words.followed_by(end, &[&[b"us", b"me", b"everyone", b"our", b"their"]]))
            // "the response was too slow"
            || words.before(start).0.eq_ignore_ascii_case(b"too")
            // "nobody thought this through"
            || (words.bytes[start..end].eq_ignore_ascii_case(b"thought")
                && words.followed_by(end, &[&[b"it", b"this", b"that", b"things"], &[b"through"]]))
            || (words.bytes[start..end].eq_ignore_ascii_case(b"failure")
                && words.followed_by(end, &[&[b"of", b"by", b"on"]])
                && words_in_sentence_after(words, end, 7).any(|word| word.eq_ignore_ascii_case(b"to"))))
        .then_some(Trigger::Alone),
        W::Easy => {
            let (previous, previous_start) = words.before(start);
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(previous, &mut buffer);
            // "quick and painless", "fast and easy": ease as the second of two adjectives.
            let paired = lower == b"and" && {
                let (first, _) = words.before(previous_start);
                [b"quick".as_slice(), b"fast", b"simple", b"easy", b"smooth", b"clean", b"straightforward"]
                    .iter()
                    .any(|adjective| adjective.eq_ignore_ascii_case(first))
            };
            // "was trivial", "that easy", "it's simple": ease claimed.
            let claimed = matches!(
                lower,
                b"was"
                    | b"were"
                    | b"is"
                    | b"that"
                    | b"so"
                    | b"as"
                    | b"pretty"
                    | b"really"
                    | b"very"
                    | b"quite"
                    | b"fairly"
                    | b"super"
                    | b"an"
                    | b"a"
                    | b"embarrassingly"
                    | b"ridiculously"
                    | b"laughably"
                    | b"absurdly"
                    | b"basically"
                    | b"dead"
                    | b"essentially"
                    | b"actually"
                    | b"ultimately"
            ) || lower.ends_with(b"'s")
                || lower.ends_with("’s".as_bytes());
            (claimed
                || paired
                || words.followed_by(
                    end,
                    &[&[
                        b"to", b"mistake", b"error", b"oversight", b"typo", b"fix", b"change", b"patch", b"solution", b"peasy",
                    ]],
                ))
            .then_some(Trigger::Alone)
        }
        W::Rocket => words.followed_by(end, &[&[b"science"]]).then_some(Trigger::Alone),
        W::Messed => (words.followed_by(end, &[&[b"up"]])
            || words.followed_by(end, &[&[b"it", b"this", b"that", b"things", b"everything"], &[b"up"]])
            || words.followed_by(end, &[&[b"this", b"that"], &[b"one"], &[b"up"]]))
        .then_some(Trigger::Alone),
        // "dropped the ball", "kicked the can"
        W::Dropped => words.followed_by(end, &[&[b"the"], &[b"ball", b"can"]]).then_some(Trigger::Alone),
        W::Upon => words.before(start).0.eq_ignore_ascii_case(b"it").then_some(Trigger::Alone),
        W::Error => {
            // Whose error: "human error", "Bob's error", "made an error".
            let (previous, previous_start) = words.before(start);
            let (before_previous, _) = words.before(previous_start);
            let mut buffer = [0u8; LONGEST];
            let lower = lowercase(previous, &mut buffer);
            let owner = matches!(
                lower,
                b"human"
                    | b"operator"
                    | b"user"
                    | b"pilot"
                    | b"engineer"
                    | b"people"
                    | b"personnel"
                    | b"my"
                    | b"his"
                    | b"her"
                    | b"their"
                    | b"your"
                    | b"our"
                    | b"easy"
                    | b"trivial"
                    | b"simple"
            ) || lower.ends_with(b"'s")
                || lower.ends_with("’s".as_bytes());
            let made = [b"made".as_slice(), b"make"].iter().any(|verb| verb.eq_ignore_ascii_case(before_previous));
            // "an engineer-driven configuration error"
            let driven = [previous, before_previous].iter().any(|word| {
                [b"-driven".as_slice(), b"-caused", b"-induced"].iter().any(|suffix| {
                    word.len() > suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
                })
            });
            // "an error by one of our engineers", "a configuration error made by an operator",
            // "an error in judgement"
            (owner
                || made
                || driven
                || words.followed_by(end, &[&[b"by"]])
                || words.followed_by(end, &[&[b"made"], &[b"by"]])
                || words.followed_by(end, &[&[b"in", b"of"], &[b"judgment", b"judgement"]]))
            .then_some(Trigger::Alone)
        }
    }
}

/// An unknown word's contraction: "we'd" and "we'd've" may fire a rule, "we've"
/// is a form of "have".
fn contraction(word: &[u8], start: usize, found: &mut impl FnMut(usize, Trigger)) -> W {
    let ends_with =
        |suffix: &[u8]| word.len() > suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    if ends_with(b"'d") || ends_with(b"'d've") {
        found(start, Trigger::Alone);
    } else if ends_with(b"'ve") {
        found(start, Trigger::Have);
    } else if ends_with(b"'nt") && word.len() < LONGEST {
        // "would'nt", the apostrophe misplaced: looked up as "wouldn't".
        let mut buffer = [0u8; LONGEST];
        let base = &word[..word.len() - 3];
        buffer[..base.len()].copy_from_slice(base);
        buffer[base.len()..word.len()].copy_from_slice(b"n't");
        return lookup(table(), &buffer[..word.len()]);
    }
    W::Other
}

/// `word` with each curly apostrophe turned straight, in `buffer`; empty when too long.
fn straighten<'b>(word: &[u8], buffer: &'b mut [u8; LONGEST]) -> &'b [u8] {
    let curly = "’".as_bytes();
    let mut length = 0;
    let mut at = 0;
    while at < word.len() {
        if length == LONGEST {
            return &[];
        }
        if word[at..].starts_with(curly) {
            buffer[length] = b'\'';
            at += curly.len();
        } else {
            buffer[length] = word[at];
            at += 1;
        }
        length += 1;
    }
    &buffer[..length]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes that make up words, one at a time: what the bit masks must agree with.
    static WORD_BYTE: [bool; 256] = {
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 256 {
            table[byte] = (byte as u8).is_ascii_alphanumeric() || byte >= 0x80;
            byte += 1;
        }
        table
    };

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sixteen_bytes_at_a_time_classify_as_eight_at_a_time_do() {
        // Every byte value, in every position of the 64, beside letters, quotes and dashes.
        let mut block = [0u8; 64];
        for value in 0..=255u8 {
            for (at, byte) in block.iter_mut().enumerate() {
                *byte = match (at + usize::from(value)) % 7 {
                    0 => value,
                    1 => b'\'',
                    2 => b'-',
                    3 => 0xE2,
                    4 => b'a' + (at % 26) as u8,
                    5 => b'0' + (at % 10) as u8,
                    _ => value.wrapping_add(at as u8),
                };
            }
            let mut eights = (0u64, 0u64, 0u64);
            for (group, eight) in block.chunks_exact(8).enumerate() {
                let (word, joiner, apostrophe) = classify_eight(u64::from_le_bytes(eight.try_into().unwrap()));
                eights.0 |= word << (group * 8);
                eights.1 |= joiner << (group * 8);
                eights.2 |= apostrophe << (group * 8);
            }
            assert_eq!(classify_sixty_four(&block), eights, "{block:?}");
        }
    }

    #[test]
    fn eight_bytes_at_a_time_agree_with_one_at_a_time() {
        let text = "We’d've, on-call: A-Z a-z 0-9 @[`{ \u{7f}é’'-x";
        for window in text.as_bytes().windows(8) {
            let (words, joiners, apostrophes) = classify_eight(u64::from_le_bytes(window.try_into().expect("eight")));
            for (bit, &byte) in window.iter().enumerate() {
                assert_eq!(words >> bit & 1 == 1, WORD_BYTE[usize::from(byte)], "word {byte:#x}");
                assert_eq!(joiners >> bit & 1 == 1, byte == b'\'' || byte == b'-', "joiner {byte:#x}");
                assert_eq!(apostrophes >> bit & 1 == 1, byte == b'\'' || byte == 0xE2, "apostrophe {byte:#x}");
            }
        }
        for byte in 0..=255u8 {
            let (words, _, _) = classify_eight(u64::from(byte));
            assert_eq!(words & 1 == 1, WORD_BYTE[usize::from(byte)], "{byte:#x}");
        }
    }

    #[test]
    fn the_word_before_is_found_across_blocks_of_sixty_four_bytes() {
        // Words ending and starting on both sides of each 64-byte boundary, and a long gap.
        let text = format!("{}the engineer   had {} not tested it", "x".repeat(60), " ".repeat(70));
        let bytes = text.as_bytes();
        let (mut masks, mut apostrophes) = (Vec::new(), Vec::new());
        word_masks(bytes, &mut masks, &mut apostrophes);
        let words = Words { bytes, masks: &masks, apostrophes: &apostrophes };
        // Every word start, and the word before it as a byte-by-byte walk finds it.
        let starts: Vec<usize> = (0..bytes.len())
            .filter(|&at| WORD_BYTE[usize::from(bytes[at])] && (at == 0 || bytes[at - 1] == b' '))
            .collect();
        for pair in starts.windows(2) {
            let previous_end = pair[0] + bytes[pair[0]..].iter().position(|&byte| byte == b' ').unwrap_or(0);
            assert_eq!(words.before(pair[1]), (&bytes[pair[0]..previous_end], pair[0]), "before {}", pair[1]);
        }
        assert_eq!(words.before(starts[0]), (&b""[..], 0));
        assert_eq!(words.before(bytes.len()).0, b"it");
    }

    #[test]
    fn every_known_word_is_found_in_any_case() {
        for (word, kind) in KNOWN {
            assert_eq!(lookup(table(), word), *kind, "{}", String::from_utf8_lossy(word));
            assert_eq!(lookup(table(), &word.to_ascii_uppercase()), *kind);
            assert!(word.len() <= LONGEST);
        }
        assert_eq!(lookup(table(), b"adjust"), W::Other);
    }

    fn triggers(text: &str) -> Vec<(&str, Trigger)> {
        let mut found = Vec::new();
        scan(text, |at, trigger| {
            let end = text[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
                .map_or(text.len(), |end| at + end);
            found.push((&text[at..end], trigger));
        });
        found
    }

    #[test]
    fn dashes_ellipses_and_curly_quotes_end_words() {
        assert_eq!(triggers("it’s all my fault…"), [("fault", Trigger::Alone)]);
        assert_eq!(triggers("“Just restart it”"), [("Just", Trigger::Alone)]);
        assert_eq!(triggers("the deploy—obviously—was late"), [("obviously", Trigger::Alone)]);
    }

    #[test]
    fn words_not_substrings() {
        assert_eq!(triggers("We adjusted the shadow config to justify it"), []);
        assert_eq!(triggers("We just had"), [("just", Trigger::Alone), ("had", Trigger::Had)]);
    }

    #[test]
    fn modals_and_have_meet_in_a_sentence() {
        assert_eq!(triggers("We could never have"), [("could", Trigger::Modal), ("have", Trigger::Have)]);
        assert_eq!(triggers("we’d’ve, would’ve"), [("we’d’ve", Trigger::Alone), ("would’ve", Trigger::Alone)]);
        assert_eq!(triggers("Had we known"), [("Had", Trigger::Alone)]);
        assert_eq!(triggers("it could of been"), [("could", Trigger::Alone), ("been", Trigger::Been)]);
        assert_eq!(triggers("if we'd known"), [("if", Trigger::If), ("we'd", Trigger::Alone)]);
    }

    #[test]
    fn pairs_of_words() {
        assert_eq!(
            triggers("human error, this error, Bob’s error"),
            [("error", Trigger::Alone), ("error", Trigger::Alone)]
        );
        assert_eq!(triggers("Bob's mistake"), [("mistake", Trigger::Alone)]);
        assert_eq!(triggers("all they had to do"), [("had", Trigger::Alone)]);
        assert_eq!(triggers("the carelessness"), [("carelessness", Trigger::Alone)]);
        assert_eq!(triggers("Bob failed to, the job failed."), [("failed", Trigger::Alone)]);
        assert_eq!(triggers("took it upon himself"), [("upon", Trigger::Alone)]);
        assert_eq!(
            triggers("Why didn’t they, why the job, why’d, without approval, without delay"),
            [("Why", Trigger::Alone), ("why’d", Trigger::Alone), ("without", Trigger::Alone)]
        );
        assert_eq!(
            triggers("the wrong volume, be more careful, pay attention, all it took was, that easy, a typo"),
            [
                ("wrong", Trigger::Alone),
                ("careful", Trigger::Alone),
                ("attention", Trigger::Alone),
                ("took", Trigger::Alone),
                ("easy", Trigger::Alone),
                ("typo", Trigger::Alone)
            ]
        );
        assert_eq!(triggers("wrong side, careful, attention span, it took hours, easy, fully"), []);
        assert_eq!(
            triggers("We didn’t fully validate it, nor did we test it thoroughly without asking"),
            [("fully", Trigger::Alone), ("validate", Trigger::Alone), ("without", Trigger::Alone)]
        );
    }

    #[test]
    fn a_trigger_asks_what_its_rules_ask() {
        // The plain past perfect is no inverted condition.
        assert_eq!(
            triggers("the job had been running, it had already been done; had backups been verified"),
            [("had", Trigger::Had), ("had", Trigger::Had), ("had", Trigger::Had), ("been", Trigger::Been)]
        );
        // A deduction or a guess is no counterfactual; a prevention imagined is.
        let modals: Vec<&str> =
            triggers("It must have been the cache. It may have been the disk. A canary might have caught it.")
                .into_iter()
                .filter(|&(_, trigger)| trigger == Trigger::Modal)
                .map(|(word, _)| word)
                .collect();
        assert_eq!(modals, ["might"]);
        // A fault with no owner and no party is a fault in a machine.
        assert_eq!(
            triggers("Fault occurs at 11:45; we do not fault pools; Bob's own fault; the fault lies with us"),
            [("fault", Trigger::Alone), ("fault", Trigger::Alone)]
        );
        // "just" before what its rule makes small, not "just before" or "just that".
        assert_eq!(
            triggers("just before the deploy, just that, just restart it, just a config change, just needed a reboot"),
            [("just", Trigger::Alone), ("just", Trigger::Alone), ("just", Trigger::Alone)]
        );
        // A dash ends the word before: "my" owns the fault.
        assert_eq!(triggers("Honestly—my fault."), [("fault", Trigger::Alone)]);
        // Blame given, not blame discussed.
        assert_eq!(
            triggers("the impulse to blame and punish; Ericsson are to blame. They are to blame for it"),
            [("blame", Trigger::Alone), ("blame", Trigger::Alone)]
        );
        assert_eq!(
            triggers("the teams responsible for the service; Bob was responsible for the outage"),
            [("responsible", Trigger::Alone)]
        );
        // A question about a machine is no question about people.
        assert_eq!(
            triggers("Why did the job crash? Why did nobody check? How did the cache fill? How did we miss it?"),
            [("Why", Trigger::Alone), ("nobody", Trigger::Alone), ("check", Trigger::Alone), ("How", Trigger::Alone)]
        );
        assert_eq!(
            triggers("took no notice, took no further action, did not take long, did not take any steps"),
            [("took", Trigger::Alone), ("take", Trigger::Alone)]
        );
        assert_eq!(
            triggers("failing to start, fined for failing to, finally recovered, finally noticed"),
            [("failing", Trigger::Alone), ("finally", Trigger::Alone)]
        );
        assert_eq!(
            triggers("a rogue container, a rogue engineer's change, easily done, easily avoided"),
            [("rogue", Trigger::Alone), ("easily", Trigger::Alone)]
        );
    }

    #[test]
    fn a_sentence_is_worth_reading_when_its_triggers_combine() {
        let read = |triggers: &[(usize, Trigger)]| {
            let mut triggered = Triggered::default();
            triggers.iter().for_each(|(at, trigger)| triggered.add(*at, *trigger));
            triggered.worth_reading()
        };
        assert!(!read(&[(0, Trigger::Have)]));
        assert!(!read(&[(0, Trigger::Had)]));
        assert!(read(&[(0, Trigger::Modal), (6, Trigger::Have)]));
        assert!(!read(&[(0, Trigger::Modal), (200, Trigger::Have)]), "a modal and a distant \"have\"");
        assert!(read(&[(0, Trigger::If), (8, Trigger::Had)]));
        assert!(read(&[(0, Trigger::Had), (12, Trigger::Been)]));
        assert!(!read(&[(0, Trigger::Been), (12, Trigger::Had)]));
        assert!(read(&[(0, Trigger::Alone)]));
    }
}
