//! Whether what a pattern matched is a credential or ordinary incident writing.
//!
//! A pattern says where a secret could be: after `password=`, in a header, on a command line.
//! What decides is the value itself. Machines make tokens that are long, varied and fall apart
//! into short pieces of letters and digits; people write words, paths, names, times, hashes and
//! placeholders such as `<redacted>`. "DB password: rotated at 14:20", `PWD=/home/deploy/app` and
//! "the secret: db-credentials was recreated" must pass; `DB_PASSWORD=hunter22` must not.

use std::collections::HashMap;

use base64::Engine;
use regex::Captures;

/// Bits of information per character, over the characters the value uses.
fn entropy(value: &str) -> f64 {
    let mut counts: HashMap<char, usize> = HashMap::new();
    for character in value.chars() {
        *counts.entry(character).or_default() += 1;
    }
    let length = value.chars().count() as f64;
    counts.values().map(|&count| count as f64 / length).map(|share| -share * share.log2()).sum()
}

/// How many pieces a person reads in the value: `PaymentService2` is `Payment`, `Service`, `2`,
/// `db-credentials` is `db`, `credentials`. A new piece starts after punctuation, between letters
/// and digits, at a capital after a small letter, and at the last capital of a run followed by
/// small letters (`HTTPServer`). Random text falls apart into many short pieces.
fn pieces(value: &str) -> usize {
    let characters: Vec<char> = value.chars().collect();
    let mut count = 0;
    for (index, &character) in characters.iter().enumerate() {
        if !character.is_ascii_alphanumeric() {
            continue;
        }
        let Some(&previous) = index.checked_sub(1).map(|before| &characters[before]) else {
            count += 1;
            continue;
        };
        let next = characters.get(index + 1).copied();
        let starts_piece = !previous.is_ascii_alphanumeric()
            || previous.is_ascii_digit() != character.is_ascii_digit()
            || (previous.is_ascii_lowercase() && character.is_ascii_uppercase())
            || (previous.is_ascii_uppercase()
                && character.is_ascii_uppercase()
                && next.is_some_and(|next| next.is_ascii_lowercase()));
        if starts_piece {
            count += 1;
        }
    }
    count
}

/// Made by a machine: at least `min_length` characters, mostly letters and digits, as varied as
/// random text of that length usually is, and not words strung together. Hex (hashes, ids) is
/// judged against what hex can reach.
pub fn looks_random(value: &str, min_length: usize) -> bool {
    let length = value.chars().count();
    if length < min_length || value.chars().any(char::is_whitespace) {
        return false;
    }
    let alphanumeric = value.chars().filter(char::is_ascii_alphanumeric).count();
    if alphanumeric * 4 < length * 3 {
        return false;
    }
    let hex = value.chars().all(|character| character.is_ascii_hexdigit() || character == '-');
    // Random text of n characters has close to log2(n) bits per character, up to what its
    // alphabet allows (4 bits for hex, 6 for base64); English words and repeated patterns less.
    let log_length = (length as f64).log2();
    let wanted = if hex { (0.65 * log_length).min(3.0) } else { (0.75 * log_length).min(4.2) };
    // Words run long between breaks ("InternationalizationDocumentation": 2 pieces in 33);
    // random letters and digits break every two or three characters.
    entropy(value) >= wanted && pieces(value) * 4 >= alphanumeric
}

/// A password a person chose, at the end of a `password: ...` line: six characters or more,
/// with a digit, a symbol or a capital inside, and not a time, a date, a number or a version.
pub fn looks_chosen(value: &str) -> bool {
    if value.chars().count() < 6 || is_time_or_number(value) {
        return false;
    }
    let digit = value.chars().any(|character| character.is_ascii_digit());
    let symbol = value.chars().any(|character| !character.is_alphanumeric() && !"-_.".contains(character));
    let inner_capital = value.chars().skip(1).any(char::is_uppercase) && value.chars().any(char::is_lowercase);
    digit || symbol || inner_capital || looks_random(value, 12)
}

/// `14:20`, `2026-11-23`, `3`, `v1.4.2`, `10.0.3.7`: digits and separators, maybe a leading `v`.
fn is_time_or_number(value: &str) -> bool {
    let digits = value.strip_prefix(['v', 'V']).unwrap_or(value);
    !digits.is_empty()
        && digits.starts_with(|character: char| character.is_ascii_digit())
        && digits.chars().all(|character| character.is_ascii_digit() || ":.-/+TZ".contains(character))
}

/// Words that stand where a secret would, without being one.
const PLACEHOLDER_WORDS: &[&str] = &[
    "changeit",
    "changeme",
    "disabled",
    "dummy",
    "empty",
    "false",
    "fake",
    "hidden",
    "masked",
    "n/a",
    "nil",
    "no",
    "none",
    "null",
    "off",
    "on",
    "omitted",
    "pass",
    "password",
    "placeholder",
    "removed",
    "required",
    "rotated",
    "secret",
    "set",
    "test",
    "token",
    "true",
    "undefined",
    "unknown",
    "unset",
    "value",
    "yes",
];

/// Fragments that mark a value as written to be replaced or already hidden.
const PLACEHOLDER_PARTS: &[&str] =
    &["${", "{{", "***", "xxxx", "...", "…", "redacted", "example", "placeholder", "your-", "your_", "filtered"];

/// `${DB_PASSWORD}`, `%TOKEN%`, `<redacted>`, `{{ vault }}`, `****`, `[REDACTED]`, `xxxxxx`,
/// `changeme`, `true`: a value that names, hides or stands in for a secret.
pub fn is_placeholder(value: &str) -> bool {
    let bare = value.trim_matches(|character: char| "\"'`()[]".contains(character));
    let lower = bare.to_lowercase();
    let mut characters = bare.chars();
    let first = characters.next();
    bare.is_empty()
        || bare.starts_with(['$', '%', '<', '{', '*', '#', '?'])
        || first.is_some_and(|first| characters.all(|character| character == first))
        || PLACEHOLDER_WORDS.contains(&lower.as_str())
        || PLACEHOLDER_PARTS.iter().any(|part| lower.contains(part))
}

/// Endings of files that hold secrets, named where a password would stand (`pass="db_pass.key"`).
const SECRET_FILE_ENDINGS: &[&str] = &[
    ".asc", ".cfg", ".conf", ".crt", ".env", ".gpg", ".ini", ".jks", ".json", ".kdbx", ".key", ".p12", ".pem", ".pfx",
    ".pub", ".txt", ".yaml", ".yml",
];

/// `/home/deploy/app`, `~/.netrc`, `./secrets.env`, `C:\keys`, `db_pass.key`: where a secret is
/// kept, not the secret.
pub fn is_path(value: &str) -> bool {
    let bytes = value.as_bytes();
    let lower = value.to_lowercase();
    SECRET_FILE_ENDINGS.iter().any(|ending| lower.len() > ending.len() && lower.ends_with(ending))
        || value.starts_with(['/', '~'])
        || value.starts_with("./")
        || value.starts_with("../")
        || value.starts_with("file:")
        || (bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'\\')
}

/// `DB_PASSWORD`, `VAULT_TOKEN`: the name of a variable that holds the secret, not the secret.
fn is_variable_name(value: &str) -> bool {
    value.contains('_')
        && value.starts_with(|character: char| character.is_ascii_uppercase())
        && value
            .chars()
            .all(|character| character.is_ascii_uppercase() || character.is_ascii_digit() || character == '_')
}

/// `os.environ.get(`, `process.env.DB_PASSWORD`, `settings.db.password`, `vars[...]`: an unquoted
/// value that is code reading the secret from somewhere else.
fn is_reference(value: &str) -> bool {
    let identifier = |part: &str| {
        part.starts_with(|character: char| character.is_ascii_alphabetic() || character == '_')
            && part.chars().all(|character| character.is_ascii_alphanumeric() || character == '_')
    };
    value.contains(['(', '['])
        || (value.contains('.')
            && value.split('.').all(identifier)
            && value.chars().any(|character| character.is_ascii_lowercase()))
}

/// What a key's name says its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// `password`, `DB_PASSWORD`, `passwd`, `pwd`, `MYSQL_ROOT_PASS`: something a person may choose.
    Password,
    /// `secret`, `api_key`, `access_token`, `clientSecret`, `credentials`: made by a machine.
    Secret,
    /// An identifier, a digest or a name: `request_id`, `commit_sha`, `trace`, `etag`.
    Identifier,
    /// Anything else.
    Other,
}

/// Words before `key` that make it a credential (`api_key`, `signingKey`) rather than a name
/// (`sort_key`, `cache_key`, `partition_key`).
const CREDENTIAL_KEY_QUALIFIERS: &[&str] = &[
    "access",
    "account",
    "admin",
    "api",
    "app",
    "auth",
    "client",
    "consumer",
    "database",
    "db",
    "deploy",
    "encryption",
    "license",
    "master",
    "private",
    "secret",
    "service",
    "shared",
    "signing",
    "storage",
    "subscription",
    "webhook",
];

/// Last words of a key that say its value is about a secret, not the secret: `secretName`,
/// `secretKeyRef`, `password_file`, `token_url`, `api_key_id`, `PASSWORD_MIN_LENGTH`.
const NOT_THE_VALUE: &[&str] = &[
    "age",
    "arn",
    "attempts",
    "changed",
    "count",
    "days",
    "dir",
    "enabled",
    "endpoint",
    "env",
    "expiration",
    "expires",
    "expiry",
    "field",
    "file",
    "format",
    "hash",
    "header",
    "hours",
    "id",
    "ids",
    "interval",
    "label",
    "len",
    "length",
    "manager",
    "max",
    "min",
    "minutes",
    "mode",
    "name",
    "names",
    "path",
    "policy",
    "prefix",
    "provider",
    "ref",
    "reset",
    "retries",
    "rotated",
    "rotation",
    "seconds",
    "size",
    "source",
    "store",
    "strength",
    "timeout",
    "ttl",
    "type",
    "uri",
    "url",
    "var",
    "version",
];

/// Words in a key that mark an identifier or a digest, whose random look is no secret.
const IDENTIFIER_WORDS: &[&str] = &[
    "checksum",
    "commit",
    "correlation",
    "digest",
    "etag",
    "fingerprint",
    "guid",
    "hash",
    "id",
    "ids",
    "image",
    "md5",
    "request",
    "rev",
    "revision",
    "sha",
    "sha1",
    "sha256",
    "sha512",
    "span",
    "trace",
    "uid",
    "uuid",
    "version",
];

/// The words of an identifier, lowercased: `MYSQL_ROOT_PASSWORD` is `mysql root password`,
/// `clientSecret` is `client secret`, `X-Api-Key` is `x api key`.
fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous: Option<char> = None;
    for character in key.chars() {
        if !character.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        } else {
            if previous.is_some_and(char::is_lowercase) && character.is_uppercase() && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.extend(character.to_lowercase());
        }
        previous = Some(character);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

pub fn key_kind(key: &str) -> KeyKind {
    let words = key_words(key);
    let Some(last) = words.last() else { return KeyKind::Other };
    if words.iter().any(|word| IDENTIFIER_WORDS.contains(&word.as_str())) {
        return KeyKind::Identifier;
    }
    if NOT_THE_VALUE.contains(&last.as_str()) {
        return KeyKind::Other;
    }
    let password = words.iter().any(|word| {
        ["password", "passwd", "passphrase", "contraseña", "contrasena"].iter().any(|name| word.contains(name))
            || word.ends_with("pwd")
            || word == "pass"
            || word == "pw"
    });
    if password {
        return KeyKind::Password;
    }
    let secret = words.iter().enumerate().any(|(index, word)| {
        ["secret", "token", "credential", "apikey", "accesskey", "privatekey", "authkey"]
            .iter()
            .any(|name| word.contains(name))
            || ((word == "key" || word == "keys")
                && (words.len() == 1
                    || index
                        .checked_sub(1)
                        .is_some_and(|before| CREDENTIAL_KEY_QUALIFIERS.contains(&words[before].as_str()))))
    });
    if secret { KeyKind::Secret } else { KeyKind::Other }
}

/// The value of an assignment without its quotes, and whether it was quoted.
fn unquoted(value: &str) -> (&str, bool) {
    for quote in ['"', '\'', '`'] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|rest| rest.strip_suffix(quote)) {
            return (inner, true);
        }
    }
    (value, false)
}

/// Whether nothing but punctuation, a comment or a table border follows the value on its line,
/// as in configuration (`password: hunter22`), rather than more prose ("password: rotated at 14:20").
fn ends_the_line(after: &str) -> bool {
    let rest = after.trim_start();
    rest.is_empty() || rest.starts_with(['#', '|', ',', ';', '}', ')', ']']) || rest.starts_with("//")
}

fn secret<'t>(found: &Captures<'t>) -> &'t str {
    found.name("secret").map_or("", |secret| secret.as_str())
}

/// A key naming a password, `=`, `:`, `:=` or `=>`, and a value, quoted or not. Only keys with one
/// of the words in them match, so the search skips the rest of the text quickly; [`key_kind`]
/// then decides (`bypass` has `pass` in it too).
pub const PASSWORD_ASSIGNMENT: &str = r#"(?P<key>[\p{L}\p{N}_.\-]*(?i:pass|pwd|pw|contrase)[\p{L}\p{N}_.\-]*)["'\]]{0,2}[ \t]*(?P<op>:=|=>|=|:)[ \t]*(?P<secret>"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|[^\s"'`,;|=]+={0,2})"#;

/// The same for a key naming a secret, a token, a credential or a key.
pub const SECRET_ASSIGNMENT: &str = r#"(?P<key>[\p{L}\p{N}_.\-]*(?i:secret|token|credential|key)[\p{L}\p{N}_.\-]*)["'\]]{0,2}[ \t]*(?P<op>:=|=>|=|:)[ \t]*(?P<secret>"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|[^\s"'`,;|=]+={0,2})"#;

/// Any key given a run of 20 or more base64 characters, quoted or not; `query` marks a parameter
/// of a URL (`?list=PL…`), where ids are the rule and credentials have names of their own.
pub const LONG_VALUE_ASSIGNMENT: &str = r#"(?P<query>[?&])?(?P<key>[\p{L}_][\p{L}\p{N}_.\-]*)["'\]]{0,2}[ \t]*(?P<op>:=|=>|=|:)[ \t]*(?P<secret>"[A-Za-z0-9+/_\-]{20,}={0,2}"|'[A-Za-z0-9+/_\-]{20,}={0,2}'|[A-Za-z0-9+/_\-]{20,}={0,2})"#;

/// `password=...`, `DB_PASSWORD: "..."`, `"passwd": "..."`: a value a person chose for a password.
/// Set with `=` or in quotes it is taken as written, unless it is a placeholder, a path or a
/// variable's name; after a bare `:` it must look chosen, and where prose goes on after it
/// ("DB password: rotated at 14:20") it must look made by a machine.
pub fn password_assignment(found: &Captures, after: &str) -> bool {
    let key = found.name("key").map_or("", |key| key.as_str());
    if key_kind(key) != KeyKind::Password {
        return false;
    }
    let (value, quoted) = unquoted(secret(found));
    if value.chars().count() < 4
        || is_placeholder(value)
        || is_path(value)
        || is_variable_name(value)
        || (!quoted && is_reference(value))
    {
        return false;
    }
    let loose = found.name("op").is_some_and(|op| op.as_str() == ":") && !quoted;
    if !loose {
        return true;
    }
    if ends_the_line(after) { looks_chosen(value) } else { looks_random(value, 12) }
}

/// `api_key=...`, `client_secret: ...`, `VAULT_TOKEN=...`: a value under a credential's name that
/// looks made by a machine; names (`db-credentials`), words and placeholders are left alone.
pub fn secret_assignment(found: &Captures, _after: &str) -> bool {
    let key = found.name("key").map_or("", |key| key.as_str());
    if key_kind(key) != KeyKind::Secret {
        return false;
    }
    let (value, quoted) = unquoted(secret(found));
    !is_placeholder(value)
        && !is_path(value)
        && !is_variable_name(value)
        && (quoted || !is_reference(value))
        && looks_random(value, 16)
}

/// Any assignment whose value is a long random string of base64 letters: upper and lower case and
/// digits, not hex (hashes, commit ids, UUIDs), and not under a key that names an identifier.
pub fn high_entropy_assignment(found: &Captures, after: &str) -> bool {
    let key = found.name("key").map_or("", |key| key.as_str());
    if key_kind(key) == KeyKind::Identifier {
        return false;
    }
    if found.name("query").is_some() {
        return false;
    }
    // Part of something longer: a host name, an address, an encoded URL.
    if after.starts_with(|character: char| character.is_alphanumeric() || ".@%:".contains(character)) {
        return false;
    }
    let (value, _) = unquoted(secret(found));
    let base64 = value.trim_end_matches('=');
    base64.chars().count() >= 20
        && base64.chars().all(|character| character.is_ascii_alphanumeric() || "+/_-".contains(character))
        && !base64.chars().all(|character| character.is_ascii_hexdigit() || character == '-')
        && base64.chars().any(|character| character.is_ascii_uppercase())
        && base64.chars().any(|character| character.is_ascii_lowercase())
        && base64.chars().any(|character| character.is_ascii_digit())
        && !is_path(base64)
        // Random base64 mixes cases within its parts; `8a1b2c3d4e5f6a7b-AMS` is an id of parts.
        && base64.split(['-', '_']).any(|part| {
            part.len() >= 8
                && part.chars().any(|character| character.is_ascii_uppercase())
                && part.chars().any(|character| character.is_ascii_lowercase())
        })
        && looks_random(base64, 20)
}

/// The value is there and is not a placeholder (`${TOKEN}`, `<password>`, `****`).
pub fn given(found: &Captures, _after: &str) -> bool {
    let (value, _) = unquoted(secret(found));
    !is_placeholder(value) && !is_path(value)
}

/// The value looks made by a machine (ten characters or more), and is not hex: the kinds this
/// confirms are base64 or alphanumeric, and hex of that length is a hash or a commit id.
pub fn random(found: &Captures, _after: &str) -> bool {
    let value = secret(found);
    looks_random(value, 10) && !value.chars().all(|character| character.is_ascii_hexdigit())
}

/// A value a person typed after a word that usually takes one (`--password value`,
/// `machine h login u password p`): not a placeholder, and chosen rather than a word of prose.
pub fn given_and_chosen(found: &Captures, after: &str) -> bool {
    let (value, quoted) = unquoted(secret(found));
    given(found, after) && (quoted || looks_chosen(value))
}

/// A `.netrc` entry: with its `login` the structure is plain and any value counts; without it
/// ("the machine room password was changed") only a value that looks chosen.
pub fn netrc(found: &Captures, after: &str) -> bool {
    if found.name("login").is_some() { given(found, after) } else { given_and_chosen(found, after) }
}

/// `Bearer` and `Token` credentials: not a placeholder, and made by a machine.
pub fn bearer_token(found: &Captures, after: &str) -> bool {
    given(found, after) && looks_random(secret(found), 16)
}

/// `Authorization: Basic ...`: base64 that decodes to `user:password` with a password.
pub fn basic_credentials(found: &Captures, _after: &str) -> bool {
    let encoded = secret(found);
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded) else { return false };
    let Ok(decoded) = String::from_utf8(decoded) else { return false };
    decoded.split_once(':').is_some_and(|(_, password)| !password.is_empty() && !is_placeholder(password))
        && !decoded.chars().any(char::is_control)
}

/// A value given on a command line: `--password=` and `-p<value>` as written, `--password value`
/// only when the value looks chosen (so "the --password flag" is prose).
pub fn command_line(found: &Captures, after: &str) -> bool {
    let spaced = found.name("op").is_some_and(|op| op.as_str().trim().is_empty() && !op.as_str().is_empty());
    if spaced { given_and_chosen(found, after) } else { given(found, after) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_tokens_look_random_and_words_do_not() {
        for token in ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "k3j4h5g6l7m8n9p0q1r2", "a1f9c2e8d7b6a5f4c3e2d1b0"] {
            assert!(looks_random(token, 16), "{token}");
        }
        for word in [
            "correct-horse-battery-staple",
            "InternationalizationDocumentation",
            "PaymentServiceRetryPolicy2",
            "AbstractSingletonProxyFactoryBean",
            "XMLHttpRequestHandler2024",
            "db-credentials",
            "aaaaaaaaaaaaaaaaaaaa",
        ] {
            assert!(!looks_random(word, 12), "{word}");
        }
    }

    #[test]
    fn keys_say_what_their_values_are() {
        for (key, kind) in [
            ("DB_PASSWORD", KeyKind::Password),
            ("dbPassword", KeyKind::Password),
            ("MYSQL_PWD", KeyKind::Password),
            ("smtp_pass", KeyKind::Password),
            ("client_secret", KeyKind::Secret),
            ("X-Api-Key", KeyKind::Secret),
            ("GITHUB_TOKEN", KeyKind::Secret),
            ("signingKey", KeyKind::Secret),
            ("secretName", KeyKind::Other),
            ("secretKeyRef", KeyKind::Other),
            ("password_file", KeyKind::Other),
            ("PASSWORD_MIN_LENGTH", KeyKind::Other),
            ("sort_key", KeyKind::Other),
            ("bypass", KeyKind::Other),
            ("request_id", KeyKind::Identifier),
            ("x-amz-id-2", KeyKind::Identifier),
            ("commit_sha", KeyKind::Identifier),
        ] {
            assert_eq!(key_kind(key), kind, "{key}");
        }
    }

    #[test]
    fn placeholders_and_paths_are_recognised() {
        for value in
            ["${DB_PASSWORD}", "<redacted>", "[REDACTED]", "****", "xxxxxxxx", "changeme", "{{ vault }}", "%PW%"]
        {
            assert!(is_placeholder(value), "{value}");
        }
        assert!(!is_placeholder("hunter22"));
        assert!(is_path("/home/deploy/app") && is_path("~/.netrc") && !is_path("hunter22"));
    }
}
