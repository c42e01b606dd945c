//! The closed word classes the rules reason with: who can be an agent, which
//! verbs describe preventing, harming, wishing or a machine's own behaviour
//! (word forms, such as past participles, are in [`super::forms`]). Grammar, not
//! a list of banned phrases:
//! the rules combine these classes with word order to tell "we could have
//! rolled back" (a counterfactual about people) from "it could have held more
//! transactions" (a statement about capacity).
//!
//! Every function takes a lowercase word with straight apostrophes.

/// Who, grammatically, is doing something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agent {
    /// A particular person or group of people: "we", "Bob", "the on-call engineer".
    Person,
    /// Anybody at all, or people the write-up is not about: "anyone", "users", "attackers".
    Generic,
    /// A thing: a system, a job, a change, "it".
    Thing,
    /// No subject in the clause, as in the fragment "Could have only revoked the session".
    Missing,
}

/// The auxiliaries that make "why" ask for a justification: "why didn't they", "why
/// was nobody". The trigger scan reads the same list, so the two cannot drift apart.
pub(crate) const WHY_AUXILIARIES: &[&str] =
    &["did", "do", "does", "was", "were", "had", "has", "have", "could", "would", "is", "are"];

/// What people are said to be too much of to care: "the team was too busy shipping features to
/// care about reliability".
pub(crate) const BUSY: &[&str] = &["busy", "focused", "preoccupied"];

/// Adverbs between "without" and the step left out: "without really reading it", "without
/// first checking the replica".
pub(crate) const WITHOUT_ADVERBS: &[&str] = &["really", "even", "first", "actually", "ever", "once"];

/// What acting "without" lacks when the wording judges a person: "without
/// authorization", "without asking". Also read by the trigger scan.
pub(crate) const WITHOUT_WHAT: &[&str] = &[
    "authorization",
    "authorisation",
    "permission",
    "approval",
    "consent",
    "asking",
    "consulting",
    "involving",
    "telling",
    "handing",
    "testing",
    "checking",
    "verifying",
    "review",
    "reviewing",
    "validating",
    "double-checking",
    "confirming",
    "thinking",
    "running",
    "waiting",
    "reading",
    "looking",
    "realising",
    "realizing",
    "noticing",
];

/// Verbs that put a change out: "shipped it anyway".
pub(crate) const SHIPPING_VERBS: &[&str] =
    &["shipped", "deployed", "merged", "pushed", "released", "launched", "published", "approved", "applied"];

/// What an organisation is expected to have in place against an outage: "didn't they have
/// backups?".
pub(crate) const SAFEGUARDS: &[&str] = &[
    "backup",
    "backups",
    "2fa",
    "mfa",
    "staging",
    "canary",
    "canaries",
    "tests",
    "testing",
    "qa",
    "monitoring",
    "alerting",
    "alerts",
    "rollback",
    "rollbacks",
    "restore",
    "restores",
    "recovery",
    "failover",
    "redundancy",
    "runbook",
    "runbooks",
    "safeguards",
    "fallback",
    "review",
    "reviews",
];

/// What a person is judged to lack when they are blamed for not being up to the task: "did not
/// have the necessary skills", "lacked the experience".
pub(crate) const COMPETENCE: &[&str] = &[
    "experience",
    "skills",
    "skill",
    "expertise",
    "competence",
    "ability",
    "abilities",
    "knowledge",
    "familiarity",
    "understanding",
];

/// What someone is said to have little, no or too little of: "had no operational background",
/// "had insufficient context on the original implementation".
pub(crate) const BACKGROUND: &[&str] =
    &["experience", "background", "training", "expertise", "knowledge", "context", "familiarity", "understanding"];

/// How "did a ... job" judges work as done badly: "did a terrible job".
pub(crate) const POOR_WORK: &[&str] =
    &["terrible", "poor", "bad", "lousy", "sloppy", "shoddy", "awful", "horrible", "crappy", "shit"];

/// Steps a person is sought for in "who merged this?", "who did it?", "who caused this?".
pub(crate) const STEPS_ASKED_AFTER: &[&str] = &[
    "approved", "merged", "pushed", "deployed", "shipped", "okayed", "wrote", "broke", "reviewed", "released", "did",
    "caused",
];

/// Adjectives that find the people side of an organisation wanting: "poor leadership".
pub(crate) const PEOPLE_SIDE_FOUND_WANTING: &[&str] =
    &["poor", "weak", "bad", "inadequate", "insufficient", "lax", "negligent", "careless", "sloppy"];

/// Attitudes found wanting in "a lack of attention to detail", "a lack of care".
pub(crate) const DILIGENCE: &[&str] =
    &["attention", "care", "diligence", "discipline", "rigor", "rigour", "competence"];

/// Of [`WITHOUT_WHAT`], the steps a person can leave out of a change: "deployed it without testing".
pub(crate) const WITHOUT_STEP: &[&str] = &[
    "involving",
    "testing",
    "checking",
    "verifying",
    "review",
    "reviewing",
    "validating",
    "double-checking",
    "confirming",
    "thinking",
    "approval",
    "waiting",
    "reading",
    "looking",
    "realising",
    "realizing",
    "noticing",
];

pub(crate) fn is_perfect_modal(word: &str) -> bool {
    matches!(word, "would" | "could" | "should" | "might" | "may" | "must" | "ought")
}

/// Pronouns that name people when they are the subject of a clause.
pub(crate) fn is_person_pronoun(word: &str) -> bool {
    matches!(
        word,
        "i" | "we"
            | "you"
            | "he"
            | "she"
            | "they"
            | "me"
            | "us"
            | "him"
            | "them"
            | "themselves"
            | "themself"
            | "ourselves"
            | "myself"
            | "himself"
            | "herself"
            | "yourself"
            | "yourselves"
            | "who"
    )
}

/// Subject pronouns that can follow an inverted auxiliary: "had we", "could they".
pub(crate) fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "i" | "we" | "you" | "he" | "she" | "they")
}

/// Anybody at all, or the people affected rather than the people responding.
pub(crate) fn is_generic_person(word: &str) -> bool {
    matches!(
        word,
        "anyone"
            | "anybody"
            | "someone"
            | "somebody"
            | "everyone"
            | "everybody"
            | "nobody"
            | "one"
            | "people"
            | "person"
            | "persons"
            | "user"
            | "users"
            | "customer"
            | "customers"
            | "client"
            | "clients"
            | "visitor"
            | "visitors"
            | "attacker"
            | "attackers"
            | "adversary"
            | "adversaries"
            | "party"
            | "parties"
            | "actor"
            | "actors"
            | "hacker"
            | "hackers"
            | "humans"
            | "folks"
            | "reader"
            | "readers"
            | "farmer"
            | "farmers"
            | "squatter"
            | "squatters"
    )
}

/// Nouns for the people who build and run systems; "the on-call engineer failed to"
/// blames a person, whatever their title.
pub(crate) fn is_role_noun(word: &str) -> bool {
    // One plural "s" at most: "boss" is a role as written, "engineers" once it is dropped.
    is_singular_role(word) || word.strip_suffix('s').is_some_and(is_singular_role) || matches!(word, "men" | "women")
}

fn is_singular_role(word: &str) -> bool {
    matches!(
        word,
        "engineer"
            | "developer"
            | "deployer"
            | "committer"
            | "approver"
            | "signer"
            | "person"
            | "individual"
            | "dev"
            | "operator"
            | "admin"
            | "administrator"
            | "sre"
            | "on-call"
            | "oncall"
            | "on-caller"
            | "responder"
            | "team"
            | "teammate"
            | "colleague"
            | "reviewer"
            | "author"
            | "employee"
            | "staff"
            | "manager"
            | "lead"
            | "commander"
            | "ic"
            | "maintainer"
            | "contractor"
            | "intern"
            | "member"
            | "devop"
            | "analyst"
            | "architect"
            | "tester"
            | "dba"
            | "boss"
            | "coworker"
            | "co-worker"
            | "man"
            | "woman"
            | "guy"
            | "new hire"
            | "owner"
            | "programmer"
            | "technician"
            | "hire"
            | "newcomer"
            | "junior"
            | "vendor"
            | "provider"
            | "supplier"
            | "company"
            | "firm"
            | "bank"
            | "bureau"
            | "agency"
            | "ministry"
            | "regulator"
            | "insurer"
            | "airline"
            | "hospital"
            | "organization"
            | "organisation"
            | "department"
            | "squad"
            | "sysadmin"
            | "officer"
            | "auditor"
            | "executive"
            | "director"
            | "supervisor"
            | "consultant"
            | "clerk"
            | "personnel"
            | "release manager"
            // Offices written as initials: "the new COO had no operational background".
            | "ceo"
            | "cto"
            | "coo"
            | "cio"
            | "ciso"
            | "cfo"
            | "vp"
    )
}

/// Common given names, so "Bob failed to renew" is a person even though
/// "Certbot failed to renew" is a machine. Other capitalised words are decided by their verb.
pub(crate) fn is_given_name(word: &str) -> bool {
    matches!(
        word,
        "alice"
            | "bob"
            | "carol"
            | "charlie"
            | "dave"
            | "david"
            | "eve"
            | "frank"
            | "grace"
            | "heidi"
            | "ivan"
            | "judy"
            | "mallory"
            | "oscar"
            | "peggy"
            | "sam"
            | "sarah"
            | "sara"
            | "tom"
            | "tim"
            | "john"
            | "jane"
            | "joe"
            | "mike"
            | "michael"
            | "chris"
            | "alex"
            | "anna"
            | "ana"
            | "ben"
            | "dan"
            | "daniel"
            | "emma"
            | "emily"
            | "james"
            | "jim"
            | "jen"
            | "jenny"
            | "jennifer"
            | "jess"
            | "jessica"
            | "kate"
            | "katie"
            | "kim"
            | "laura"
            | "lisa"
            | "mark"
            | "mary"
            | "matt"
            | "matthew"
            | "nick"
            | "paul"
            | "pete"
            | "peter"
            | "rachel"
            | "rob"
            | "robert"
            | "ryan"
            | "steve"
            | "steven"
            | "sue"
            | "susan"
            | "tony"
            | "will"
            | "william"
            | "adam"
            | "amy"
            | "andrew"
            | "andy"
            | "bill"
            | "brian"
            | "claire"
            | "dana"
            | "ed"
            | "eric"
            | "fred"
            | "george"
            | "greg"
            | "hannah"
            | "harry"
            | "jack"
            | "jake"
            | "jason"
            | "jeff"
            | "jon"
            | "josh"
            | "julia"
            | "karen"
            | "kevin"
            | "lee"
            | "linda"
            | "lucy"
            | "maria"
            | "max"
            | "nina"
            | "olivia"
            | "pat"
            | "priya"
            | "raj"
            | "ravi"
            | "rick"
            | "rosa"
            | "ruth"
            | "sean"
            | "sophie"
            | "tara"
            | "ted"
            | "wei"
            | "yuki"
            | "zoe"
            | "ali"
            | "omar"
            | "fatima"
            | "lars"
            | "sven"
            | "anders"
            | "hans"
            | "pierre"
            | "marie"
            | "luca"
            | "marco"
            | "carlos"
            | "juan"
            | "jose"
            | "diego"
            | "chen"
            | "li"
            | "hiro"
            | "kenji"
            | "arjun"
            | "amit"
            | "neha"
    )
}

/// Words that never head a subject noun phrase; a capitalised one at the start of
/// a sentence is not a name.
pub(crate) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "its"
            | "there"
            | "here"
            | "what"
            | "which"
            | "when"
            | "where"
            | "while"
            | "if"
            | "then"
            | "but"
            | "and"
            | "or"
            | "so"
            | "because"
            | "as"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "also"
            | "however"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "of"
            | "to"
            | "from"
            | "all"
            | "some"
            | "no"
            | "not"
            | "any"
            | "each"
            | "every"
            | "our"
            | "their"
            | "his"
            | "her"
            | "my"
            | "your"
            | "why"
            | "how"
            | "once"
            | "until"
            | "during"
            | "unfortunately"
            | "finally"
            | "eventually"
            | "instead"
            | "again"
    )
}

/// Determiners that make the noun after them anybody at all: "any engineer could have".
pub(crate) fn is_generic_determiner(word: &str) -> bool {
    matches!(word, "any" | "every" | "each" | "no" | "a" | "an")
}

/// Adverbs and particles that can sit inside a verb group without changing who
/// does what: "should never have", "could have easily been", "simply forgot".
pub(crate) fn is_verb_group_adverb(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "also"
            | "either"
            | "only"
            | "even"
            | "still"
            | "then"
            | "already"
            | "just"
            | "simply"
            | "all"
            | "both"
            | "ever"
            | "perhaps"
            | "maybe"
            | "indeed"
            | "therefore"
            | "thus"
            | "hence"
            | "so"
            | "at"
            | "least"
            | "much"
            | "well"
            | "very"
            | "rather"
            | "quite"
            | "far"
            | "more"
            | "most"
            | "less"
            | "really"
            | "instead"
            | "again"
            | "too"
            | "merely"
            | "otherwise"
            | "possibly"
    ) || (word.len() > 4
        && word.ends_with("ly")
        && !matches!(
            word,
            "early"
                | "only"
                | "family"
                | "supply"
                | "reply"
                | "apply"
                | "comply"
                | "rely"
                | "fly"
                | "ally"
                | "july"
                | "italy"
                | "assembly"
                | "anomaly"
                | "holy"
                | "ugly"
        ))
}

/// Words that end a clause when read backwards from a verb in search of its subject.
pub(crate) fn is_clause_boundary_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "or"
            | "so"
            | "because"
            | "when"
            | "while"
            | "if"
            | "although"
            | "though"
            | "since"
            | "unless"
            | "whereas"
            | "where"
            | "as"
            | "than"
            | "until"
            | "once"
            | "after"
            | "before"
            | "whether"
    )
}

/// Verbs of preventing, catching or limiting harm: "would have prevented", "could
/// have caught". Whatever the subject, such a clause argues about a past that did not happen.
pub(crate) fn is_prevention_verb(word: &str) -> bool {
    matches!(
        word,
        "prevented"
            | "avoided"
            | "caught"
            | "detected"
            | "mitigated"
            | "stopped"
            | "averted"
            | "helped"
            | "saved"
            | "limited"
            | "reduced"
            | "shortened"
            | "spotted"
            | "flagged"
            | "warned"
            | "protected"
            | "isolated"
            | "contained"
            | "minimized"
            | "minimised"
            | "surfaced"
            | "revealed"
            | "noticed"
            | "blocked"
            | "fixed"
            | "solved"
            | "resolved"
            | "alerted"
            | "identified"
            | "found"
            | "uncovered"
            | "headed"
            | "forestalled"
            | "sped"
            | "discovered"
    )
}

/// Verbs and participles for what happened to systems or to the people affected:
/// "would have rendered crates unbuildable", "users would have experienced". These
/// describe impact, not what someone should have done.
pub(crate) fn is_impact_verb(word: &str) -> bool {
    matches!(
        word,
        "caused"
            | "resulted"
            | "led"
            | "rendered"
            | "affected"
            | "impacted"
            | "broken"
            | "crashed"
            | "lost"
            | "exposed"
            | "leaked"
            | "corrupted"
            | "damaged"
            | "degraded"
            | "cost"
            | "meant"
            | "experienced"
            | "suffered"
            | "faced"
            | "received"
            | "gotten"
            | "got"
            | "compromised"
            | "contributed"
            | "triggered"
            | "brought"
            | "advanced"
            | "stalled"
            | "failed"
            | "overloaded"
            | "exceeded"
            | "produced"
            | "created"
            | "deleted"
            | "allowed"
            | "enabled"
            | "permitted"
            | "exploited"
            | "stolen"
            | "held"
            | "hit"
    )
}

/// Verbs of wishing and expecting: "I would have loved to see", "later than we would have liked".
pub(crate) fn is_wish_verb(word: &str) -> bool {
    matches!(
        word,
        "liked"
            | "loved"
            | "preferred"
            | "wanted"
            | "hoped"
            | "appreciated"
            | "enjoyed"
            | "thought"
            | "imagined"
            | "expected"
            | "said"
            | "argued"
            | "guessed"
            | "assumed"
            | "welcomed"
            | "wished"
    )
}

/// Verbs of knowing in advance; "should have known" is the classic hindsight judgement.
pub(crate) fn is_foresight_verb(word: &str) -> bool {
    matches!(
        word,
        "known"
            | "foreseen"
            | "anticipated"
            | "predicted"
            | "realized"
            | "realised"
            | "expected"
            | "guessed"
            | "recognized"
            | "recognised"
            | "understood"
            | "spotted"
            | "seen"
            | "remembered"
    )
}

/// Participles of things people do, in the passive: "should have been communicated",
/// "shouldn't have been rushed". The implied agent is a person.
pub(crate) fn is_human_action_participle(word: &str) -> bool {
    // "double-checked", "re-tested": the verb is the part after the prefix.
    let word = word.rsplit('-').next().unwrap_or(word);
    is_prevention_verb(word)
        || matches!(
            word,
            "done"
                | "communicated"
                | "tested"
                | "reviewed"
                | "rushed"
                | "addressed"
                | "escalated"
                | "checked"
                | "verified"
                | "validated"
                | "reverted"
                | "handled"
                | "documented"
                | "considered"
                | "planned"
                | "coordinated"
                | "monitored"
                | "announced"
                | "informed"
                | "notified"
                | "updated"
                | "patched"
                | "investigated"
                | "raised"
                | "paged"
                | "declared"
                | "followed"
                | "rolled"
                | "deployed"
                | "approved"
                | "read"
                | "asked"
                | "told"
                | "renewed"
                | "rotated"
                | "scheduled"
                | "configured"
                | "set"
                | "made"
                | "given"
                | "shared"
                | "discussed"
                | "performed"
                | "applied"
                | "run"
                | "restarted"
                | "upgraded"
                | "migrated"
                | "released"
                | "merged"
                | "pushed"
                | "shipped"
                | "published"
                | "delayed"
                | "postponed"
                | "cancelled"
                | "canceled"
                | "questioned"
                | "challenged"
                | "involved"
                | "consulted"
                | "contacted"
                | "warned"
                | "trained"
                | "removed"
                | "disabled"
                | "enabled"
                | "added"
                | "included"
                | "taken"
                | "sent"
                | "called"
                | "acknowledged"
                | "prioritized"
                | "prioritised"
                | "recognised"
                | "recognized"
                | "tracked"
                | "isolated"
                | "paused"
                | "halted"
                | "aborted"
                | "drained"
                | "scaled"
                | "killed"
                | "retried"
                | "triaged"
                | "rebooted"
                | "replaced"
                | "revoked"
                | "staged"
                | "canaried"
                | "audited"
                | "backed"
                | "flagged"
                | "noticed"
                | "spotted"
                | "remedied"
                | "pinned"
                | "provisioned"
                | "tuned"
                | "adjusted"
                | "fixed"
                | "corrected"
                | "plugged"
                | "improved"
        )
}

/// Verbs for what systems do on their own; "Redis failed to start" and "Kubernetes
/// should have rejected the manifest" are about machines, whatever their names.
pub(crate) fn is_machine_verb(word: &str) -> bool {
    let base = word.trim_end_matches("ed").trim_end_matches('d');
    matches!(
        word,
        "start"
            | "started"
            // "Chrono does not fully support leap seconds": what a library does.
            | "support"
            | "supported"
            | "restart"
            | "restarted"
            | "connect"
            | "connected"
            | "respond"
            | "responded"
            | "load"
            | "loaded"
            | "boot"
            | "booted"
            | "launch"
            | "launched"
            | "scale"
            | "scaled"
            | "schedule"
            | "scheduled"
            | "resolve"
            | "resolved"
            | "allocate"
            | "allocated"
            | "sync"
            | "synced"
            | "replicate"
            | "replicated"
            | "complete"
            | "completed"
            | "finish"
            | "finished"
            | "run"
            | "execute"
            | "executed"
            | "parse"
            | "parsed"
            | "compile"
            | "compiled"
            | "build"
            | "built"
            | "apply"
            | "applied"
            | "recover"
            | "recovered"
            | "reach"
            | "reached"
            | "bind"
            | "bound"
            | "mount"
            | "mounted"
            | "authenticate"
            | "authenticated"
            | "acquire"
            | "acquired"
            | "elect"
            | "elected"
            | "send"
            | "sent"
            | "deliver"
            | "delivered"
            | "fire"
            | "fired"
            | "trigger"
            | "triggered"
            | "page"
            | "paged"
            | "notify"
            | "notified"
            | "alert"
            | "alerted"
            | "write"
            | "written"
            | "flush"
            | "flushed"
            | "process"
            | "processed"
            | "return"
            | "returned"
            | "serve"
            | "served"
            | "renew"
            | "renewed"
            | "reject"
            | "rejected"
            | "retry"
            | "retried"
            | "crash"
            | "crashed"
            | "time"
            | "timed"
            | "accept"
            | "accepted"
            | "refuse"
            | "refused"
            | "deny"
            | "denied"
            | "evict"
            | "evicted"
            | "route"
            | "routed"
            | "fail"
            | "failed"
            | "handle"
            | "handled"
            | "register"
            | "registered"
            | "download"
            | "downloaded"
            | "upload"
            | "uploaded"
            | "pull"
            | "pulled"
            | "push"
            | "pushed"
            | "open"
            | "opened"
            | "close"
            | "closed"
            | "create"
            | "created"
            | "delete"
            | "deleted"
            | "update"
            | "updated"
            | "install"
            | "installed"
            | "initialize"
            | "initialized"
            | "initialise"
            | "initialised"
            | "provision"
            | "provisioned"
            | "attach"
            | "attached"
            | "detach"
            | "detached"
            | "drain"
            | "drained"
            | "terminate"
            | "terminated"
            | "propagate"
            | "propagated"
            | "converge"
            | "converged"
            | "validate"
            | "validated"
            | "verify"
            | "verified"
            | "emit"
            | "emitted"
            | "export"
            | "exported"
            | "scrape"
            | "scraped"
            | "ship"
            | "shipped"
            | "forward"
            | "forwarded"
            | "read"
            | "stop"
            | "stopped"
            | "come"
            | "become"
            | "get"
            | "keep"
            | "be"
            | "work"
            | "worked"
            | "catch"
            | "detect"
            | "detected"
    ) || matches!(base, "correct" | "block" | "retri" | "honour" | "honor" | "enforc" | "throttl")
}

/// Verbs of paying attention; "finally noticed" or "finally responds" judges a
/// person as slow.
pub(crate) fn is_attention_verb(word: &str) -> bool {
    matches!(
        word,
        "notice"
            | "notices"
            | "noticed"
            | "acknowledge"
            | "acknowledges"
            | "acknowledged"
            | "respond"
            | "responds"
            | "responded"
            | "answer"
            | "answers"
            | "answered"
            | "look"
            | "looks"
            | "looked"
            | "check"
            | "checks"
            | "checked"
            | "reply"
            | "replies"
            | "replied"
            | "join"
            | "joins"
            | "joined"
            | "wake"
            | "wakes"
            | "woke"
            | "read"
            | "reads"
            | "see"
            | "sees"
            | "saw"
            | "spot"
            | "spots"
            | "spotted"
            | "realize"
            | "realizes"
            | "realized"
            | "realise"
            | "realises"
            | "realised"
            | "pick"
            | "picks"
            | "picked"
            | "show"
            | "shows"
            | "showed"
            | "react"
            | "reacts"
            | "reacted"
            | "escalate"
            | "escalates"
            | "escalated"
            | "take"
            | "takes"
            | "took"
            | "get"
            | "gets"
            | "got"
            | "figure"
            | "figures"
            | "figured"
    )
}

/// Verbs in their base form for the things people are told are "just" or "simply"
/// to be done: "just restart it", "they simply needed to read the runbook".
pub(crate) fn is_simple_action_verb(word: &str) -> bool {
    matches!(
        word,
        "restart"
            | "restore"
            | "rerun"
            | "re-run"
            | "revert"
            | "roll"
            | "rollback"
            | "read"
            | "check"
            | "look"
            | "run"
            | "click"
            | "add"
            | "change"
            | "delete"
            | "remove"
            | "use"
            | "set"
            | "flip"
            | "type"
            | "update"
            | "follow"
            | "copy"
            | "ask"
            | "bump"
            | "deploy"
            | "redeploy"
            | "push"
            | "merge"
            | "reboot"
            | "kill"
            | "fix"
            | "retry"
            | "turn"
            | "switch"
            | "disable"
            | "enable"
            | "open"
            | "call"
            | "ping"
            | "tell"
            | "grep"
            | "google"
            | "search"
            | "scale"
            | "increase"
            | "install"
            | "upgrade"
            | "patch"
            | "rename"
            | "edit"
            | "test"
            | "reinstall"
            | "refresh"
            | "reload"
            | "clear"
            | "purge"
            | "drop"
            | "make"
            | "pay"
            | "need"
            | "needed"
            | "needs"
            | "have"
            | "had"
            | "has"
            | "do"
            | "go"
            | "wait"
            | "apply"
            | "configure"
            | "verify"
            | "double-check"
            | "notice"
            | "see"
            | "review"
            | "write"
            | "send"
            | "escalate"
            | "page"
            | "rotate"
            | "renew"
            | "avoid"
            | "ignore"
            | "remember"
            | "replace"
    )
}

/// Verbs in their base form for finding, avoiding or fixing a problem, which can be
/// called easy: "trivial to catch", "it would have been easy to add a timeout".
pub(crate) fn is_remedy_verb(word: &str) -> bool {
    matches!(
        word,
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
            | "correct"
            | "resolve"
            | "solve"
            | "find"
            | "diagnose"
            | "repair"
            | "undo"
            | "recover"
            | "stop"
            | "verify"
            | "validate"
            | "review"
            | "restart"
            | "rollback"
            | "change"
            | "update"
            | "set"
            | "configure"
            | "write"
            | "put"
            | "make"
            | "run"
            | "do"
    )
}

/// Adjectives of ease after "would have been": "it would have been trivial to add a timeout".
pub(crate) fn is_ease_adjective(word: &str) -> bool {
    matches!(
        word,
        "trivial"
            | "easy"
            | "easier"
            | "simple"
            | "simpler"
            | "straightforward"
            | "quick"
            | "avoidable"
            | "preventable"
            | "avoided"
            | "prevented"
            | "foreseeable"
            | "predictable"
            | "fixable"
    )
}

/// Adjectives of being seen: "the spike would have been visible on the dashboard".
pub(crate) fn is_visibility_adjective(word: &str) -> bool {
    matches!(word, "visible" | "apparent" | "noticeable" | "detectable" | "evident" | "obvious" | "clear" | "spotted")
}

/// Comparatives that grade a response: "detection could have been faster",
/// "what could have gone better".
pub(crate) fn is_response_comparative(word: &str) -> bool {
    matches!(
        word,
        "faster"
            | "quicker"
            | "sooner"
            | "earlier"
            | "better"
            | "shorter"
            | "smoother"
            | "more"
            | "prompter"
            | "swifter"
    )
}

/// Adjectives that grade a choice against another: "it would have been wiser to page them first".
pub(crate) fn is_judgement_adjective(word: &str) -> bool {
    matches!(
        word,
        "wiser"
            | "wise"
            | "smarter"
            | "better"
            | "best"
            | "safer"
            | "prudent"
            | "sensible"
            | "preferable"
            | "advisable"
            | "appropriate"
            | "ideal"
            | "cheaper"
            | "faster"
            | "quicker"
            | "simpler"
            | "easier"
    )
}

/// Nouns for the work of responding to an incident: "would have enabled a rapid rollback".
pub(crate) fn is_response_noun(word: &str) -> bool {
    matches!(
        word,
        "rollback"
            | "rollbacks"
            | "roll-back"
            | "recovery"
            | "mitigation"
            | "detection"
            | "diagnosis"
            | "response"
            | "remediation"
            | "resolution"
            | "failover"
            | "escalation"
            | "revert"
            | "restore"
            | "fix"
            | "investigation"
            | "triage"
    )
}

/// Nouns for how an incident went, which a comparative grades: "less downtime", "a shorter outage".
pub(crate) fn is_outcome_noun(word: &str) -> bool {
    matches!(word, "downtime" | "outage" | "impact" | "disruption" | "time" | "times" | "ttr" | "mttr" | "delay")
}

/// Nouns for something that went wrong: "the outage wouldn't have been possible".
pub(crate) fn is_incident_noun(word: &str) -> bool {
    matches!(
        word,
        "issue"
            | "incident"
            | "outage"
            | "problem"
            | "failure"
            | "bug"
            | "error"
            | "breakage"
            | "crash"
            | "downtime"
            | "attack"
            | "exploit"
            | "leak"
            | "mistake"
            | "disaster"
            | "meltdown"
            | "fiasco"
            | "debacle"
            | "breach"
    )
}

/// Nouns for what a person did that can cause an outage: a change, or a slip in one ("Bob's
/// typo", "my command").
pub(crate) fn is_authored_noun(word: &str) -> bool {
    is_change_noun(word) || matches!(word, "typo" | "mistake" | "command" | "script" | "slip" | "oversight" | "code")
}

/// Nouns for a change that people make and ship: "the deploy shouldn't have gone out".
pub(crate) fn is_change_noun(word: &str) -> bool {
    matches!(
        word,
        "change"
            | "changes"
            | "deploy"
            | "deploys"
            | "deployment"
            | "release"
            | "pr"
            | "prs"
            | "commit"
            | "patch"
            | "migration"
            | "rollout"
            | "update"
            | "upgrade"
            | "config"
            | "hotfix"
            | "diff"
            | "merge"
    )
}

/// Participles of a change reaching production: "gone out", "shipped", "landed".
pub(crate) fn is_shipping_participle(word: &str) -> bool {
    matches!(
        word,
        "gone" | "shipped" | "landed" | "merged" | "released" | "deployed" | "reached" | "passed" | "made" | "left"
    )
}

/// Words after "by" that make "we should have replaced them by Monday" a plan, not a regret.
pub(crate) fn is_deadline_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "tomorrow"
            | "tonight"
            | "next"
            | "then"
            | "eod"
            | "eow"
            | "now"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    ) || word.starts_with(|c: char| c.is_ascii_digit())
        || (word.starts_with('q') && word.len() == 2 && word.as_bytes()[1].is_ascii_digit())
}

/// Nouns for an incident or for what it took down: "caused the outage", "broke production".
pub(crate) fn is_harmed(word: &str) -> bool {
    matches!(
        word,
        "outage"
            | "incident"
            | "downtime"
            | "breakage"
            | "production"
            | "prod"
            | "site"
            | "website"
            | "service"
            | "cluster"
            | "database"
            | "build"
            | "builds"
            | "network"
            | "everything"
            | "outages"
            | "incidents"
            | "things"
            | "master"
            | "main"
            | "ci"
            | "docs"
            | "documentation"
            | "release"
            | "app"
            | "deployment"
            | "dns"
            | "pipeline"
            | "internet"
            | "login"
            | "checkout"
            | "payments"
    )
}

/// What could be "easily" done to stop an outage: "easily avoided", "trivially caught".
/// Participles of a remedy that "easily" can make small: "easily resolved", "easily mitigated".
pub(crate) fn is_remedy_participle(word: &str) -> bool {
    matches!(word, "resolved" | "solved" | "mitigated" | "remedied" | "repaired" | "corrected" | "restored")
}

pub(crate) fn is_avoidance(word: &str) -> bool {
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

/// States a person can leave a system in that expose it: "left the bucket public".
pub(crate) const LEFT_EXPOSED: &[&str] =
    &["public", "open", "exposed", "unencrypted", "unprotected", "unlocked", "unpatched", "world-readable"];

/// Steps people take that can be judged as taken too fast: "was done too quickly", "we moved
/// too fast", "merged it too early", "rolled out too soon".
pub(crate) const HASTY_STEPS: &[&str] = &[
    "done", "merged", "shipped", "deployed", "released", "pushed", "rolled", "moved", "acted", "approved", "launched",
];

/// Kinds of work a slip can be told as, between its size and itself: "a small config error",
/// "a minor copy-paste mistake". (Not "rounding" or "network": those errors are a machine's.)
pub(crate) const WORK_OF_PEOPLE: &[&str] = &[
    "config",
    "configuration",
    "human",
    "copy-paste",
    "coding",
    "typing",
    "spelling",
    "deployment",
    "setup",
    "operator",
];

/// How much of an outage is put on someone: "I'm primarily responsible for the outage".
pub(crate) const RESPONSIBILITY_DEGREES: &[&str] =
    &["primarily", "solely", "partly", "partially", "fully", "entirely", "directly", "largely", "mostly", "personally"];

/// What a slip "just a ..." makes small can be told by: "just a missing index", "merely a
/// misconfigured flag", "just a loose network cable", "just an expired certificate".
pub(crate) const SLIP_MARKS: &[&str] = &[
    "missing",
    "misconfigured",
    "misplaced",
    "stray",
    "misspelled",
    "mistyped",
    "loose",
    "unplugged",
    "forgotten",
    "expired",
];

/// Slips a writer can wave away: "it was just a configuration error", "merely an honest mistake".
pub(crate) const SLIPS_MADE_SMALL: &[&str] = &["error", "mistake", "misconfiguration", "oversight", "slip"];

/// What "just a ..." makes small, a fix or a slip: "just a config change", "just a typo", "just a blip".
pub(crate) const MADE_SMALL: &[&str] = &[
    "fix",
    "change",
    "tweak",
    "restart",
    "reboot",
    "flip",
    "toggle",
    "bump",
    "typo",
    "comma",
    "semicolon",
    "character",
    "line",
    "setting",
    "blip",
    "hiccup",
    "glitch",
    "inconvenience",
];

#[cfg(test)]
mod tests {
    use super::is_role_noun;

    #[test]
    fn a_role_loses_one_plural_s_at_most() {
        for role in ["boss", "engineers", "sres", "staff", "on-call", "deployers", "men"] {
            assert!(is_role_noun(role), "{role} should be a role");
        }
        for other in ["bo", "ops", "process", "status", "bus"] {
            assert!(!is_role_noun(other), "{other} should not be a role");
        }
    }
}
