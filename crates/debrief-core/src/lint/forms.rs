//! Word forms: past participles told from other words, and a verb's participle from
//! its base form and back ("renew" -> "renewed", "caught" -> "catch"), so a rule can
//! recognise "should have waited" and a suggestion can say "did not wait". Good for the
//! verbs of incident write-ups, not a full morphology of English; the tables of irregular
//! forms live here, apart from the word classes in [`super::words`].
//!
//! Every function takes a lowercase word with straight apostrophes.

/// Past participles that do not end in "-ed".
fn is_irregular_participle(word: &str) -> bool {
    matches!(
        word,
        "been"
            | "done"
            | "made"
            | "taken"
            | "known"
            | "seen"
            | "gone"
            | "run"
            | "caught"
            | "found"
            | "had"
            | "held"
            | "got"
            | "gotten"
            | "given"
            | "kept"
            | "left"
            | "lost"
            | "meant"
            | "built"
            | "brought"
            | "bought"
            | "thought"
            | "told"
            | "sent"
            | "spent"
            | "set"
            | "put"
            | "cut"
            | "hit"
            | "read"
            | "led"
            | "felt"
            | "heard"
            | "paid"
            | "said"
            | "shown"
            | "written"
            | "chosen"
            | "broken"
            | "spoken"
            | "stolen"
            | "forgotten"
            | "driven"
            | "begun"
            | "fallen"
            | "understood"
            | "become"
            | "come"
            | "won"
            | "sold"
            | "stood"
            | "shut"
            | "let"
            | "hurt"
            | "drawn"
            | "grown"
            | "thrown"
            | "flown"
            | "worn"
            | "torn"
            | "eaten"
            | "ridden"
            | "risen"
            | "hidden"
            | "woken"
            | "beaten"
            | "forbidden"
            | "forgiven"
            | "undone"
            | "mistaken"
            | "withdrawn"
            | "foreseen"
            | "rewritten"
            | "overridden"
            | "dealt"
            | "spun"
            | "struck"
            | "stuck"
            | "swung"
            | "taught"
            | "fought"
            | "sought"
            | "upheld"
            | "withheld"
            | "rebuilt"
            | "rerun"
            | "reset"
            | "split"
            | "spread"
            | "shed"
            | "slept"
            | "sped"
            | "lit"
            | "laid"
            | "lain"
            | "lent"
            | "bent"
            | "bound"
            | "fed"
            | "fled"
            | "ground"
            | "hung"
            | "wound"
            | "mislaid"
            | "misread"
            | "misunderstood"
            | "overseen"
            | "overtaken"
            | "proven"
            | "shaken"
            | "sworn"
            | "frozen"
            | "awoken"
            | "arisen"
            | "sunk"
            | "drunk"
            | "sung"
            | "rung"
            | "swum"
            | "forecast"
            | "broadcast"
            | "input"
            | "output"
            | "quit"
            | "cast"
            | "cost"
            | "burst"
            | "knelt"
            | "learnt"
            | "spelt"
            | "spilt"
            | "spoilt"
            | "dreamt"
            | "burnt"
            | "be"
    )
}

/// Whether a word can be a past participle, as in "could have waited" or "should have run".
/// Words ending in "-eed" are nouns ("need", "speed") unless listed.
pub(crate) fn is_past_participle(word: &str) -> bool {
    if is_irregular_participle(word) {
        return true;
    }
    let regular = word.len() > 3 && word.ends_with("ed") && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    regular
        && (!word.ends_with("eed") || matches!(word, "agreed" | "freed" | "guaranteed" | "refereed"))
        && !matches!(word, "hundred" | "kindred" | "sacred" | "naked" | "wicked" | "bed" | "red" | "shred" | "embed")
}

/// Whether the letter is a vowel, for the spelling rules of "-ed".
fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a word ends consonant-vowel-consonant with a single vowel, as in "stop"
/// or "revok": the shape whose "-ed" form doubles or drops a silent "e".
fn ends_single_vowel_consonant(word: &[u8]) -> bool {
    let n = word.len();
    n >= 3 && !is_vowel(word[n - 1]) && is_vowel(word[n - 2]) && !is_vowel(word[n - 3])
}

/// Irregular verbs as (base, past participle), for suggestions in both directions.
const IRREGULAR_VERBS: &[(&str, &str)] = &[
    ("be", "been"),
    ("do", "done"),
    ("make", "made"),
    ("take", "taken"),
    ("know", "known"),
    ("see", "seen"),
    ("go", "gone"),
    ("run", "run"),
    ("catch", "caught"),
    ("find", "found"),
    ("have", "had"),
    ("hold", "held"),
    ("get", "got"),
    ("give", "given"),
    ("keep", "kept"),
    ("leave", "left"),
    ("lose", "lost"),
    ("build", "built"),
    ("bring", "brought"),
    ("think", "thought"),
    ("tell", "told"),
    ("send", "sent"),
    ("set", "set"),
    ("put", "put"),
    ("read", "read"),
    ("lead", "led"),
    ("pay", "paid"),
    ("say", "said"),
    ("show", "shown"),
    ("write", "written"),
    ("choose", "chosen"),
    ("understand", "understood"),
    ("foresee", "foreseen"),
    ("shut", "shut"),
    ("spend", "spent"),
    ("rerun", "rerun"),
    ("reset", "reset"),
    ("rebuild", "rebuilt"),
    ("rewrite", "rewritten"),
    ("undo", "undone"),
    ("forget", "forgotten"),
    ("begin", "begun"),
    ("break", "broken"),
    ("speak", "spoken"),
    ("cut", "cut"),
    ("hit", "hit"),
    ("let", "let"),
    ("deal", "dealt"),
    ("feel", "felt"),
    ("hear", "heard"),
    ("teach", "taught"),
    ("seek", "sought"),
    ("come", "come"),
    ("become", "become"),
];

/// Two-syllable verbs stressed on the end, which double their last consonant: "committed".
const DOUBLING_VERBS: &[&str] = &[
    "commit", "submit", "permit", "admit", "omit", "refer", "occur", "prefer", "control", "patrol", "compel", "regret",
    "upset",
];

/// The past participle of a verb in its base form, for suggestions: "renew" -> "renewed".
/// Whether a noun, lowercase, reads as a plural: "backups", "keys", "the logs" (not "status",
/// "access", "DNS", "analysis"), for the verb a suggestion puts after it.
pub(crate) fn is_plural_noun(word: &str) -> bool {
    let irregular = matches!(word, "people" | "data" | "criteria" | "children" | "men" | "women");
    let singular_s = word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
        || matches!(word, "dns" | "https" | "news" | "series" | "chaos" | "alias" | "canvas" | "kubernetes" | "redis");
    irregular || (word.len() > 2 && word.ends_with('s') && !singular_s)
}

pub(crate) fn participle_of(base: &str) -> String {
    if let Some((_, participle)) = IRREGULAR_VERBS.iter().find(|(verb, _)| *verb == base) {
        return (*participle).to_string();
    }
    let bytes = base.as_bytes();
    if base.ends_with('e') {
        return format!("{base}d");
    }
    if let Some(stem) = base.strip_suffix('y')
        && stem.bytes().last().is_some_and(|last| !is_vowel(last))
    {
        return format!("{stem}ied");
    }
    let one_syllable = bytes.iter().filter(|&&byte| is_vowel(byte)).count() == 1;
    let short_and_doubling =
        one_syllable && ends_single_vowel_consonant(bytes) && !matches!(bytes[bytes.len() - 1], b'w' | b'x' | b'y');
    if short_and_doubling || DOUBLING_VERBS.contains(&base) {
        return format!("{base}{}ed", &base[base.len() - 1..]);
    }
    format!("{base}ed")
}

/// Endings of "-ed" stems that lost a silent "e": "disabl(e)d", "chang(e)d", "merg(e)d".
const SILENT_E_CLUSTERS: &[&str] = &[
    "bl", "cl", "dl", "fl", "gl", "kl", "pl", "tl", "zl", "ang", "eng", "rg", "dg", "rv", "lv", "nc", "rc", "ns", "rs",
    "ps", "ls",
];

/// Single-vowel endings that take back a silent "e": "rotat(e)d", "revok(e)d", "us(e)d".
const SILENT_E_ENDINGS: &[&str] = &[
    "at", "ok", "ak", "ik", "uk", "us", "is", "as", "os", "ys", "iz", "yz", "ur", "ir", "iv", "ev", "av", "ov", "ac",
    "uc", "ic", "ag", "ut", "od", "id", "ad", "ud", "im", "um", "om", "ib", "ub", "in", "un", "on", "ap", "ip", "op",
    "up", "or", "ar",
];

/// The base form of a past participle, for suggestions: "waited" -> "wait",
/// "escalated" -> "escalate". Good for the verbs of incident write-ups, not a
/// full morphology of English.
pub(crate) fn base_of(participle: &str) -> String {
    if let Some((base, _)) = IRREGULAR_VERBS.iter().find(|(_, form)| *form == participle) {
        return (*base).to_string();
    }
    let Some(stem) = participle.strip_suffix("ed") else {
        return participle.to_string();
    };
    if let Some(y_stem) = stem.strip_suffix('i') {
        return format!("{y_stem}y");
    }
    if let Some(base) = DOUBLING_VERBS.iter().find(|verb| stem.len() == verb.len() + 1 && stem.starts_with(**verb)) {
        return (*base).to_string();
    }
    let bytes = stem.as_bytes();
    let n = bytes.len();
    if n >= 4
        && bytes[n - 1] == bytes[n - 2]
        && !matches!(bytes[n - 1], b'l' | b's' | b'f' | b'z' | b'e' | b'd' | b'r' | b'o')
    {
        return stem[..n - 1].to_string();
    }
    if n >= 6 && stem.ends_with("ell") {
        return stem[..n - 1].to_string();
    }
    let cluster = SILENT_E_CLUSTERS.iter().any(|ending| stem.ends_with(ending));
    let single_vowel = n >= 2
        && SILENT_E_ENDINGS.iter().any(|ending| stem.ends_with(ending))
        && (n == 2 || !is_vowel(bytes[n - 3]))
        // Unstressed endings keep no "e": "monitored", "developed", "abandoned".
        && !(n > 6 && (stem.ends_with("or") || stem.ends_with("op") || stem.ends_with("on")));
    if cluster || single_vowel { format!("{stem}e") } else { stem.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participles_are_told_from_nouns() {
        for word in ["waited", "rolled", "done", "been", "caught", "agreed", "tried"] {
            assert!(is_past_participle(word), "{word}");
        }
        for word in ["need", "speed", "priority", "a", "hundred", "runbook", "clear"] {
            assert!(!is_past_participle(word), "{word}");
        }
    }

    /// Regular and irregular verbs common in write-ups, in both directions.
    const VERBS: &[(&str, &str)] = &[
        ("wait", "waited"),
        ("roll", "rolled"),
        ("stop", "stopped"),
        ("try", "tried"),
        ("use", "used"),
        ("escalate", "escalated"),
        ("test", "tested"),
        ("catch", "caught"),
        ("restore", "restored"),
        ("check", "checked"),
        ("revoke", "revoked"),
        ("recycle", "recycled"),
        ("renew", "renewed"),
        ("validate", "validated"),
        ("make", "made"),
        ("disable", "disabled"),
        ("change", "changed"),
        ("merge", "merged"),
        ("monitor", "monitored"),
        ("develop", "developed"),
        ("open", "opened"),
        ("consider", "considered"),
        ("commit", "committed"),
        ("add", "added"),
        ("call", "called"),
        ("pass", "passed"),
        ("ignore", "ignored"),
        ("notice", "noticed"),
        ("reduce", "reduced"),
        ("serve", "served"),
        ("configure", "configured"),
        ("include", "included"),
        ("define", "defined"),
        ("assume", "assumed"),
        ("mention", "mentioned"),
        ("deploy", "deployed"),
        ("follow", "followed"),
        ("acknowledge", "acknowledged"),
        ("load", "loaded"),
        ("plan", "planned"),
        ("review", "reviewed"),
        ("start", "started"),
        ("pick", "picked"),
        ("realize", "realized"),
        ("communicate", "communicated"),
    ];

    #[test]
    fn base_forms_for_suggestions() {
        for (base, participle) in VERBS {
            assert_eq!(participle_of(base), *participle, "participle of {base}");
            assert_eq!(base_of(participle), *base, "base of {participle}");
        }
        // British spelling doubles the "l"; both read back to the same verb.
        assert_eq!(base_of("cancelled"), "cancel");
        assert_eq!(base_of("canceled"), "cancel");
    }
}
