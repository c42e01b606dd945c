//! Just enough grammar to tell who does what in a sentence: the subject of a
//! verb group (a person, anybody, a thing, or nobody named), the words of a verb
//! group around adverbs, and whether a clause is a question about wording rather
//! than a claim ("avoid evaluating what should have been done").

use super::text::{Kind, Sentence, Token};
use super::words::{
    Agent, is_clause_boundary_word, is_function_word, is_generic_determiner, is_generic_person, is_given_name,
    is_person_pronoun, is_role_noun, is_verb_group_adverb,
};

/// The subject found for a verb: what kind of agent it is, and where its head word is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject {
    pub agent: Agent,
    /// The head word of the subject, when there is one.
    pub head: Option<usize>,
    /// Whether the head is a capitalised word the lexicon does not know: a name of
    /// a person or of a system ("Bob", "Redis"); the verb decides which.
    pub name: bool,
}

impl Subject {
    const MISSING: Subject = Subject { agent: Agent::Missing, head: None, name: false };

    fn thing(head: usize) -> Subject {
        Subject { agent: Agent::Thing, head: Some(head), name: false }
    }
}

/// Whether the subject whose head is at `head` is nobody: "nobody", "no-one", or "no one"
/// (whose head is "one").
pub(crate) fn is_nobody(sentence: &Sentence, head: usize) -> bool {
    sentence.is_any(head, &["nobody", "no-one", "noone"])
        || (head > 0 && sentence.is(head, "one") && sentence.is(head - 1, "no"))
}

/// The first index at or after `index` that is not an adverb of the verb group.
pub(crate) fn skip_adverbs(sentence: &Sentence, mut index: usize) -> usize {
    while index < sentence.len() && is_verb_group_adverb(sentence.word(index)) {
        index += 1;
    }
    index
}

/// The subject of the verb group that starts at `verb`, read backwards across
/// adverbs ("Bob simply forgot") and through relative pronouns ("tests that would
/// have", "an engineer who failed to").
pub(crate) fn subject_before(sentence: &Sentence, verb: usize) -> Subject {
    let mut index = verb;
    loop {
        if index == 0 {
            return Subject::MISSING;
        }
        index -= 1;
        if sentence.is_opaque(index) {
            return through_modifiers(sentence, index, Subject::thing(index));
        }
        let word = sentence.word(index);
        if word.is_empty() {
            // "The engineer, who was on call, deleted ...", "Our contractor, however, failed to":
            // the subject stands before an aside set off by commas.
            match aside_before(sentence, index) {
                Some(opening) => {
                    index = opening;
                    continue;
                }
                None => return Subject::MISSING,
            }
        }
        // "not" and "never" belong to the verb group; other adverbs ("simply", "also") too,
        // unless they are the only word before the verb.
        if is_verb_group_adverb(word) && !is_person_pronoun(word) && index > 0 && !sentence.is_punct(index - 1) {
            continue;
        }
        return through_modifiers(sentence, index, classify_subject(sentence, index));
    }
}

/// Where an aside set off by commas opens, when the comma at `closing` closes one: ", however,",
/// ", once again,", ", who was on call,", ", in a hurry,". Up to eight words, opening with a
/// word that starts asides, after a word that can head a subject.
fn aside_before(sentence: &Sentence, closing: usize) -> Option<usize> {
    const OPENERS: &[&str] = &[
        "however",
        "again",
        "once",
        "who",
        "whose",
        "which",
        "in",
        "at",
        "for",
        "while",
        "like",
        "as",
        "despite",
        "though",
        "although",
        "therefore",
        "thus",
        "meanwhile",
        "then",
        "also",
        "too",
        "indeed",
        "of",
        "after",
        "before",
        "having",
        "being",
        "not",
        "understandably",
        "predictably",
    ];
    if sentence.kind(closing) != Some(Kind::Punct(',')) {
        return None;
    }
    let opening = (closing.saturating_sub(9)..closing)
        .rev()
        .take_while(|&at| at == closing || !sentence.is_punct(at) || sentence.kind(at) == Some(Kind::Punct(',')))
        .find(|&at| sentence.kind(at) == Some(Kind::Punct(',')))?;
    let first = sentence.word(opening + 1);
    // "Bob, our on-call engineer, ignored": a role named beside the subject.
    let apposition = matches!(first, "our" | "the" | "a" | "an" | "their" | "his" | "her" | "my")
        && (opening + 2..closing).any(|at| is_role_noun(sentence.word(at)));
    let opens_an_aside = OPENERS.contains(&first) || (first.len() > 4 && first.ends_with("ly")) || apposition;
    let head = opening.checked_sub(1).filter(|&at| !sentence.word(at).is_empty())?;
    (opens_an_aside && opening + 1 < closing && !is_function_word(sentence.word(head))).then_some(opening)
}

/// The subject of a verb group, or, when the group has none because it is the
/// second of two joined by "and", "but" or "then" ("I opened the breakers and forgot
/// to log them"), the subject of the first: the nearest person or thing that heads
/// a clause earlier in the sentence.
pub(crate) fn subject_through_coordination(sentence: &Sentence, verb: usize) -> Subject {
    let subject = subject_before(sentence, verb);
    let joined = verb > 0 && sentence.is_any(verb - 1, &["and", "but", "then", "yet"]);
    if subject.agent != Agent::Missing || !joined {
        return subject;
    }
    (0..verb - 1)
        .rev()
        .map(|at| classify_subject(sentence, at))
        .find(|found| {
            let head = found.head.map_or("", |head| sentence.word(head));
            // "Someone saw the vulnerability but didn't tell the security team".
            (found.agent == Agent::Person && (is_person_pronoun(head) || is_role_noun(head)))
                || matches!(head, "someone" | "somebody")
        })
        .filter(|found| found.head.is_some_and(|head| is_subject_position(sentence, head)))
        .unwrap_or(subject)
}

/// Whether the word at `head` can be a subject: at the start of the sentence or a
/// clause, or after a determiner that starts one.
fn is_subject_position(sentence: &Sentence, head: usize) -> bool {
    let mut at = head;
    // ("The on-call engineer", "our new DBA", "one man": a role's own modifiers before it.)
    while at > 0
        && (is_generic_determiner(sentence.word(at - 1))
            || sentence.is_any(at - 1, &["the", "our", "their", "my", "new", "senior", "junior", "one"])
            || is_role_noun(sentence.word(at - 1)))
    {
        at -= 1;
    }
    at == 0 || sentence.is_punct(at - 1) || is_clause_boundary_word(sentence.word(at - 1))
}

/// A person named before a modifier that hides them from a backwards read: "the
/// engineer on call ignored", "the developer who wrote the migration should have".
fn through_modifiers(sentence: &Sentence, index: usize, subject: Subject) -> Subject {
    // Someone at a place: "the engineer at Microsoft", "someone at CrowdStrike", "somebody in
    // Ops". The place is where they work; the person is the subject.
    let someone_at_a_place = index >= 2
        && sentence.is_any(index - 1, &["at", "in", "from"])
        && (is_role_noun(sentence.word(index - 2)) || sentence.is_any(index - 2, &["someone", "somebody"]));
    if someone_at_a_place && !sentence.is_opaque(index) {
        return classify_subject(sentence, index - 2);
    }
    if subject.agent == Agent::Person {
        return subject;
    }
    // An adjective after its noun: "the engineer responsible overlooked", "the employee involved",
    // "the engineer responsible for the deploy was unaware", "the personnel involved in
    // yesterday's "incorrect process"" (what they were involved in may be quoted).
    let postposed = (index.saturating_sub(5)..=index).rev().take_while(|&at| !sentence.is_punct(at)).find(|&at| {
        at >= 1 && sentence.is_any(at, &["responsible", "involved", "concerned"]) && is_role_noun(sentence.word(at - 1))
    });
    if let Some(at) = postposed {
        return classify_subject(sentence, at - 1);
    }
    if sentence.is_opaque(index) {
        return subject;
    }
    // A short prepositional phrase: "engineer on call", "team in charge".
    if index >= 2
        && sentence.is_any(index - 1, &["on", "in", "at", "of", "from", "for"])
        && is_role_noun(sentence.word(index - 2))
    {
        return classify_subject(sentence, index - 2);
    }
    // With its own article, or a participle: "the author of the patch", "the person deploying
    // the change".
    if index >= 3
        && sentence.is_any(index - 1, &["the", "a", "an", "this", "that", "our"])
        && (sentence.is_any(index - 2, &["on", "in", "at", "of", "from", "for"])
            || sentence.word(index - 2).ends_with("ing"))
        && is_role_noun(sentence.word(index - 3))
    {
        return classify_subject(sentence, index - 3);
    }
    // What a person had with them: "an engineer with too much access ran the wrong command",
    // "the admin with root rights deleted". (A clause inside would hide another subject.)
    let with = (index.saturating_sub(4)..index)
        .rev()
        .take_while(|&at| !sentence.is_punct(at) && !is_clause_boundary_word(sentence.word(at)))
        .find(|&at| at > 0 && sentence.is(at, "with") && is_role_noun(sentence.word(at - 1)));
    if let Some(at) = with {
        return classify_subject(sentence, at - 1);
    }
    // A participle phrase: "the engineer trying to assess capacity fat-fingered a command".
    let participle = (index.saturating_sub(6)..index)
        .rev()
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| at > 0 && sentence.word(at).ends_with("ing") && is_role_noun(sentence.word(at - 1)));
    if let Some(at) = participle {
        return classify_subject(sentence, at - 1);
    }
    // A relative clause: "the developer who wrote the migration".
    let who = (index.saturating_sub(8)..index)
        .rev()
        .take_while(|&at| !sentence.is_punct(at))
        .find(|&at| sentence.is(at, "who"));
    match who {
        Some(who) if who > 0 => {
            let antecedent = classify_subject(sentence, who - 1);
            if antecedent.agent == Agent::Person { antecedent } else { subject }
        }
        _ => subject,
    }
}

/// What kind of agent the word at `index` is, when it heads a subject.
pub(crate) fn classify_subject(sentence: &Sentence, index: usize) -> Subject {
    let word = sentence.word(index);
    let found = |agent| Subject { agent, head: Some(index), name: false };
    match word {
        "" if sentence.is_opaque(index) => return Subject::thing(index),
        "" => return Subject::MISSING,
        "who" => return found(Agent::Person),
        "that" => {
            // A relative "that" takes its antecedent: "tests that would have caught it".
            return match index.checked_sub(1) {
                Some(before) if !sentence.word(before).is_empty() && !is_function_word(sentence.word(before)) => {
                    classify_subject(sentence, before)
                }
                _ => Subject::thing(index),
            };
        }
        "it" | "this" | "these" | "those" | "there" | "which" | "what" | "its" => return Subject::thing(index),
        _ => {}
    }
    if word == "one" && index > 0 && sentence.is(index - 1, "no") {
        return found(Agent::Generic);
    }
    if is_person_pronoun(word) {
        return found(Agent::Person);
    }
    // "The person who approved it", "the individual on call": someone in particular.
    if matches!(word, "person" | "individual") && index > 0 && sentence.is(index - 1, "the") {
        return found(Agent::Person);
    }
    if is_generic_person(word) {
        return found(Agent::Generic);
    }
    if is_role_noun(word) {
        return found(if has_generic_determiner(sentence, index) { Agent::Generic } else { Agent::Person });
    }
    let token = sentence.tokens[index];
    if is_handle(sentence, token) {
        return found(Agent::Person);
    }
    // "Management dropped the ball", "senior leadership ignored the warnings": the people who
    // run an organisation. ("Memory management failed to free it" is a program's.)
    if matches!(word, "management" | "leadership")
        && (index == 0
            || sentence.is_punct(index - 1)
            || sentence.is_any(index - 1, &["the", "our", "their", "senior", "upper", "top", "executive"]))
    {
        return found(Agent::Person);
    }
    if let Some(role) = anonymised_role(sentence, index) {
        return Subject { agent: Agent::Person, head: Some(role), name: false };
    }
    if is_clause_boundary_word(word) || is_function_word(word) {
        return Subject::MISSING;
    }
    if token.capitalized && is_given_name(word) {
        return found(Agent::Person);
    }
    // Acronyms ("AWS"), camel-case product names ("PostHog") and words shaped like
    // common nouns ("Backups", "Monitoring") are things; another capitalised word is a name.
    if token.capitalized && !token.all_caps && !looks_like_common_noun(&sentence.text[token.start..token.end]) {
        return Subject { agent: Agent::Person, head: Some(index), name: true };
    }
    // "J finally notices": a person's initials; "the OS fails to spawn a thread": a machine's.
    let machine_initials =
        matches!(word, "os" | "db" | "ci" | "cd" | "io" | "ui" | "vm" | "ai" | "ml" | "lb" | "ip" | "pr");
    if token.all_caps && word.len() <= 2 && !machine_initials {
        return Subject { agent: Agent::Person, head: Some(index), name: true };
    }
    Subject::thing(index)
}

/// The role noun before a designator, where a post-mortem keeps a person anonymous: "Team
/// member 1", "Engineer A", "Operator #2". ("Table 2" and "step 3" name no role.)
fn anonymised_role(sentence: &Sentence, index: usize) -> Option<usize> {
    let token = sentence.tokens[index];
    let written = &sentence.text[token.start..token.end];
    let number = written.len() <= 3 && written.bytes().all(|byte| byte.is_ascii_digit());
    let letter = written.len() == 1 && token.capitalized;
    if !(number || letter) || index == 0 {
        return None;
    }
    let mut role = index - 1;
    if sentence.kind(role) == Some(Kind::Punct('#')) && role > 0 {
        role -= 1;
    }
    is_role_noun(sentence.word(role)).then_some(role)
}

/// Whether a word is someone's handle, as GitHub and chat write people: "@astonm overlooked
/// ...". Not a mail address ("ops@example.com"), nor a package scope or a team ("@types/node");
/// chat's "@here" and "@channel" and the bots that comment on pull requests are nobody in
/// particular.
fn is_handle(sentence: &Sentence, token: Token) -> bool {
    let before = &sentence.text[..token.start];
    let opens = before
        .strip_suffix('@')
        .is_some_and(|rest| rest.chars().next_back().is_none_or(|c| c.is_whitespace() || c == '('));
    let handle = &sentence.text[token.start..token.end];
    let nobody_in_particular =
        ["here", "channel", "all", "everyone", "team"].iter().any(|word| handle.eq_ignore_ascii_case(word))
            || handle.to_ascii_lowercase().contains("bot")
            || ["github-actions", "renovate", "codecov", "netlify", "vercel", "mergify"]
                .iter()
                .any(|bot| handle.eq_ignore_ascii_case(bot));
    opens && !nobody_in_particular && !handle.contains('/') && !sentence.text[token.end..].starts_with('/')
}

/// Whether a capitalised word is shaped like a common noun or a product rather
/// than a person's name: a plural, a common noun ending, or inner capitals.
fn looks_like_common_noun(written: &str) -> bool {
    let inner_capital = written.chars().skip(1).any(char::is_uppercase);
    let lower = written.to_lowercase();
    let noun_ending =
        ["s", "ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure", "ism", "age", "ship", "ery", "ics"]
            .iter()
            .any(|ending| lower.len() > ending.len() + 2 && lower.ends_with(ending));
    inner_capital || noun_ending || written.chars().any(|c| c.is_ascii_digit())
}

/// Whether the noun phrase ending at `head` starts with "any", "every", "a", ...
fn has_generic_determiner(sentence: &Sentence, head: usize) -> bool {
    let mut index = head;
    while index > 0 {
        index -= 1;
        let word = sentence.word(index);
        if word.is_empty() {
            return false;
        }
        if is_generic_determiner(word) {
            return true;
        }
        if is_function_word(word) || is_clause_boundary_word(word) {
            return false;
        }
    }
    false
}

/// How far before a verb group a "what" can open the clause it belongs to.
const WH_REACH: usize = 5;

/// Whether "what" or "whatever" opens the clause containing `index` in a
/// statement: "avoid evaluating what should have been done" talks about wording.
/// A question ("what could Netflix have done?") is a real counterfactual.
pub(crate) fn in_wh_statement(sentence: &Sentence, index: usize) -> bool {
    if sentence.is_question() {
        return false;
    }
    (index.saturating_sub(WH_REACH)..index)
        .rev()
        .take_while(|&at| !sentence.is_punct(at))
        .any(|at| matches!(sentence.word(at), "what" | "whatever" | "how"))
}

/// The index of the first word-like token after `index` that ends the clause, or the sentence end.
pub(crate) fn clause_end(sentence: &Sentence, index: usize) -> usize {
    (index..sentence.len())
        .find(|&at| sentence.is_punct(at) || (at > index && is_clause_boundary_word(sentence.word(at))))
        .unwrap_or(sentence.len())
}

/// A short noun phrase starting at `index` ("the certificate", "our rollback
/// plan"), for suggestions; `None` when it is long or not a noun phrase.
pub(crate) fn short_noun_phrase(sentence: &Sentence, index: usize) -> Option<(usize, usize)> {
    let determiner = sentence.word(index);
    if !matches!(
        determiner,
        "the" | "a" | "an" | "this" | "our" | "their" | "its" | "his" | "her" | "that" | "these" | "those"
    ) {
        return None;
    }
    let end = clause_end(sentence, index + 1);
    let stop = (index + 1..end)
        .find(|&at| {
            matches!(
                sentence.word(at),
                "in" | "on"
                    | "for"
                    | "before"
                    | "after"
                    | "to"
                    | "with"
                    | "by"
                    | "at"
                    | "from"
                    | "during"
                    | "until"
                    | "so"
            )
        })
        .unwrap_or(end);
    (stop > index + 1 && stop - index <= 5).then(|| (index, stop - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject_of(text: &str, verb: &str) -> Agent {
        let sentence = Sentence::new(text);
        let index = (0..sentence.len()).find(|&index| sentence.is(index, verb)).expect("verb in sentence");
        subject_before(&sentence, index).agent
    }

    #[test]
    fn people_things_and_anybody() {
        assert_eq!(subject_of("Bob simply forgot to renew it", "forgot"), Agent::Person);
        assert_eq!(subject_of("The on-call engineer failed to page", "failed"), Agent::Person);
        assert_eq!(subject_of("We failed to consider the case", "failed"), Agent::Person);
        assert_eq!(subject_of("The database failed to start", "failed"), Agent::Thing);
        assert_eq!(subject_of("Tests that would have caught it", "would"), Agent::Thing);
        assert_eq!(subject_of("An engineer who failed to check", "failed"), Agent::Person);
        assert_eq!(subject_of("Anyone could have made the same mistake", "could"), Agent::Generic);
        assert_eq!(subject_of("Assume any team member could have made it", "could"), Agent::Generic);
        assert_eq!(subject_of("Could have only revoked the session", "could"), Agent::Missing);
        assert_eq!(subject_of("it could have held more", "could"), Agent::Thing);
        assert_eq!(subject_of("J finally notices the alert", "finally"), Agent::Person);
        assert_eq!(subject_of("The person who approved it should have known", "should"), Agent::Person);
        assert_eq!(
            subject_of("The engineer trying to assess capacity fat-fingered a command", "fat-fingered"),
            Agent::Person
        );
        assert_eq!(subject_of("The job running the backup failed to start", "failed"), Agent::Thing);
        assert_eq!(subject_of("A person could have made the same mistake", "could"), Agent::Generic);
        assert_eq!(subject_of("Any person could have made the same mistake", "could"), Agent::Generic);
    }

    #[test]
    fn wording_under_discussion() {
        let sentence = Sentence::new("Avoid evaluating what should or should not have been done.");
        assert!(in_wh_statement(&sentence, 4));
        let question = Sentence::new("What action could Netflix have taken?");
        assert!(!in_wh_statement(&question, 2));
    }
}
