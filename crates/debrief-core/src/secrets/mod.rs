//! Things that look like secrets, found before a post-mortem leaves the laptop.
//! People paste logs, commands, `env` dumps and chat into incident timelines; a token in a
//! shared repository is an incident of its own. Findings never carry the secret itself, only
//! where it is and what kind it looks like.
//!
//! Each rule is a pattern for where a secret of its kind stands and, where the pattern alone
//! would also match ordinary writing, a look at the value ([`values`]). The rules run from
//! the most specific to the most general; a place claimed by one rule is not reported again by
//! a later one, so `GITHUB_TOKEN=ghp_…` is one GitHub token, and `--allow-secret github-token`
//! lets it through whole.

mod values;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

use values::{LONG_VALUE_ASSIGNMENT, PASSWORD_ASSIGNMENT, SECRET_ASSIGNMENT};

/// Looks at what a pattern matched, with the rest of its line, and says whether it is a secret.
type Confirm = fn(&Captures, &str) -> bool;

pub struct SecretRule {
    /// What `--allow-secret` takes; stable, since teams write it into scripts.
    pub id: &'static str,
    /// "a GitHub token": what the finding says the text looks like.
    pub description: &'static str,
    /// Each with a `secret` group: the part never shown.
    patterns: &'static [&'static str],
    /// `None` where the pattern's structure is enough.
    confirm: Option<Confirm>,
}

/// Every kind of secret publishing blocks, the most specific first.
pub const RULES: &[SecretRule] = &[
    SecretRule {
        id: "private-key",
        description: "a private key (PEM, OpenSSH, PGP or PuTTY)",
        patterns: &[
            r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----(?P<secret>)",
            r"(?-u:\b)PuTTY-User-Key-File-[0-9]: (?P<secret>)",
        ],
        confirm: None,
    },
    SecretRule {
        id: "aws-access-key",
        description: "an AWS access key id",
        patterns: &[r"(?-u:\b)(?:A3T[A-Z0-9]|ABIA|ACCA|AKIA|ASIA)(?P<secret>[0-9A-Z]{16})(?-u:\b)"],
        confirm: None,
    },
    SecretRule {
        id: "aws-secret-key",
        description: "an AWS secret access key",
        patterns: &[
            r#"(?i)aws.{0,20}?(?:key|secret|token|pwd|pw|password|pass).{0,20}?[\s"'=:](?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#,
        ],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "azure-storage-key",
        description: "an Azure storage account or shared access key",
        patterns: &[
            r"(?-u:\b)AccountKey=(?P<secret>[A-Za-z0-9+/=]{88})",
            r"(?-u:\b)SharedAccessKey=(?P<secret>[A-Za-z0-9+/]{42,44}=?)",
        ],
        confirm: Some(values::given),
    },
    SecretRule {
        id: "github-token",
        description: "a GitHub token",
        patterns: &[
            r"(?-u:\b)gh[pousr]_(?P<secret>[A-Za-z0-9_]{36,255})(?-u:\b)",
            r"(?-u:\b)github_pat_(?P<secret>[A-Za-z0-9_]{60,255})(?-u:\b)",
        ],
        confirm: None,
    },
    SecretRule {
        id: "gitlab-token",
        description: "a GitLab token",
        patterns: &[
            r"(?-u:\b)(?:glpat|gldt|glft|glsoat|glrt|glimt|glptt|glagent|gloas)-(?P<secret>[A-Za-z0-9_\-]{20,})",
            r"(?-u:\b)glcbt-(?:[0-9a-fA-F]{2}_)?(?P<secret>[A-Za-z0-9_\-]{20,})",
            r"(?-u:\b)GR1348941(?P<secret>[A-Za-z0-9_\-]{20,})",
        ],
        confirm: None,
    },
    SecretRule {
        id: "slack-token",
        description: "a Slack token",
        patterns: &[
            r"(?-u:\b)xox[abposre]-(?P<secret>(?:[0-9]+-)*[0-9A-Za-z]{10,}(?:-[0-9A-Za-z]+)*)",
            r"(?-u:\b)xapp-[0-9]-(?P<secret>[A-Z0-9]+-[0-9]+-[a-z0-9]+)",
        ],
        confirm: None,
    },
    SecretRule {
        id: "slack-webhook",
        description: "a Slack incoming webhook",
        patterns: &[r"https://hooks\.slack\.com/(?:services|workflows)/(?P<secret>[A-Za-z0-9/_\-]{20,})"],
        confirm: None,
    },
    SecretRule {
        id: "google-api-key",
        description: "a Google API key",
        patterns: &[r"(?-u:\b)AIza(?P<secret>[0-9A-Za-z_\-]{35})"],
        confirm: None,
    },
    SecretRule {
        id: "stripe-key",
        description: "a Stripe secret key",
        patterns: &[r"(?-u:\b)[rs]k_live_(?P<secret>[0-9A-Za-z]{20,})(?-u:\b)"],
        confirm: None,
    },
    SecretRule {
        id: "anthropic-key",
        description: "an Anthropic API key",
        patterns: &[r"(?-u:\b)sk-ant-[a-z]{2,8}[0-9]{0,3}-(?P<secret>[A-Za-z0-9_\-]{32,})"],
        confirm: None,
    },
    SecretRule {
        id: "openai-key",
        description: "an OpenAI API key",
        patterns: &[
            r"(?-u:\b)sk-(?:proj|svcacct|admin|None)-(?P<secret>[A-Za-z0-9_\-]{40,})",
            r"(?-u:\b)sk-(?P<secret>[A-Za-z0-9_\-]*[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})",
        ],
        confirm: None,
    },
    SecretRule {
        id: "npm-token",
        description: "an npm access token",
        patterns: &[
            r"(?-u:\b)npm_(?P<secret>[A-Za-z0-9]{36})(?-u:\b)",
            r#"_authToken[ \t]*=[ \t]*(?P<secret>[^\s'"]+)"#,
        ],
        confirm: Some(values::given),
    },
    SecretRule {
        id: "pypi-token",
        description: "a PyPI upload token",
        patterns: &[r"(?-u:\b)pypi-(?P<secret>(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{70,})"],
        confirm: None,
    },
    SecretRule {
        id: "sendgrid-key",
        description: "a SendGrid API key",
        patterns: &[r"(?-u:\b)SG\.(?P<secret>[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})"],
        confirm: None,
    },
    SecretRule {
        id: "twilio-key",
        description: "a Twilio account or API key id",
        patterns: &[r"(?-u:\b)(?:AC|SK)(?P<secret>[0-9a-f]{32})(?-u:\b)"],
        confirm: None,
    },
    SecretRule {
        id: "mailchimp-key",
        description: "a Mailchimp API key",
        patterns: &[r"(?-u:\b)(?P<secret>[0-9a-f]{32})-us[0-9]{1,2}(?-u:\b)"],
        confirm: None,
    },
    SecretRule {
        id: "square-oauth",
        description: "a Square OAuth secret or access token",
        patterns: &[r"(?-u:\b)sq0csp-(?P<secret>[0-9A-Za-z_\-]{43})", r"(?-u:\b)sq0atp-(?P<secret>[0-9A-Za-z_\-]{22})"],
        confirm: None,
    },
    SecretRule {
        id: "discord-bot-token",
        description: "a Discord bot token",
        patterns: &[
            r"(?-u:\b)(?P<secret>[MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})(?-u:\b)",
        ],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "telegram-bot-token",
        description: "a Telegram bot token",
        patterns: &[r"(?:(?-u:\b)|(?-u:\b)bot)[0-9]{8,10}:(?P<secret>[A-Za-z0-9_\-]{35})(?-u:\b)"],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "artifactory",
        description: "an Artifactory API key or password",
        patterns: &[
            r"(?-u:\b)(?P<secret>AKC[A-Za-z0-9]{10,})(?-u:\b)",
            r"(?-u:\b)(?P<secret>AP[0-9A-F][A-Za-z0-9]{8,})(?-u:\b)",
        ],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "cloudant",
        description: "Cloudant credentials",
        patterns: &[
            r#"(?i)(?-u:\b)(?:cloudant|cl|clou)[_\-]?(?:api)?[_\-]?(?:key|pwd|pw|password|pass|token)["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*["']?(?P<secret>[0-9a-f]{64}|[a-z]{24})(?-u:\b)"#,
            r"(?i)https?://[\w\-]+:(?P<secret>[0-9a-f]{64}|[a-z]{24})@[\w\-]+\.cloudant\.com",
        ],
        confirm: None,
    },
    SecretRule {
        id: "ibm-cloud-iam",
        description: "an IBM Cloud IAM key",
        patterns: &[
            r#"(?i)(?-u:\b)(?:ibm[_\-]?cloud[_\-]?iam|cloud[_\-]?iam|ibm[_\-]?cloud|ibm[_\-]?iam|ibm|iam|cloud)[_\-]?(?:api)?[_\-]?(?:key|pwd|password|pass|token)["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*["']?(?P<secret>[A-Za-z0-9_\-]{44})(?-u:\b)"#,
        ],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "ibm-cos-hmac",
        description: "an IBM Cloud Object Storage HMAC secret",
        patterns: &[
            r#"(?i)(?-u:\b)(?:(?:ibm)?[_\-]?cos[_\-]?(?:hmac)?[_\-]?)?secret[_\-]?(?:access)?[_\-]?key["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*["']?(?P<secret>[a-f0-9]{48})(?-u:\b)"#,
        ],
        confirm: None,
    },
    SecretRule {
        id: "softlayer",
        description: "a SoftLayer API key",
        patterns: &[
            r#"(?i)(?-u:\b)(?:softlayer|sl)[_\-]?(?:api)?[_\-]?(?:key|pwd|password|pass|token)["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*["']?(?P<secret>[a-z0-9]{64})(?-u:\b)"#,
            r"(?i)https?://api\.softlayer\.com/soap/v3(?:\.1)?/(?P<secret>[a-z0-9]{64})",
        ],
        confirm: None,
    },
    SecretRule {
        id: "vault-token",
        description: "a HashiCorp Vault token",
        patterns: &[
            r"(?-u:\b)hv[sbr]\.(?P<secret>[A-Za-z0-9_\-]{24,})",
            r"(?-u:\b)s\.(?P<secret>[A-Za-z0-9]{24})(?-u:\b)",
        ],
        confirm: Some(values::random),
    },
    SecretRule {
        id: "digitalocean-token",
        description: "a DigitalOcean token",
        patterns: &[r"(?-u:\b)do[por]_v1_(?P<secret>[a-f0-9]{64})(?-u:\b)"],
        confirm: None,
    },
    SecretRule {
        id: "jwt",
        description: "a JSON web token",
        patterns: &[r"(?-u:\b)eyJ[A-Za-z0-9_\-]{10,}\.(?P<secret>eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]*)"],
        confirm: None,
    },
    SecretRule {
        id: "authorization-basic",
        description: "a user and password in an Authorization: Basic header",
        patterns: &[
            r#"(?i)(?-u:\b)(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?basic[ \t]+(?P<secret>[A-Za-z0-9+/]+=*)"#,
        ],
        confirm: Some(values::basic_credentials),
    },
    SecretRule {
        id: "authorization-bearer",
        description: "a token in an Authorization: Bearer header",
        patterns: &[
            r#"(?i)(?-u:\b)(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:bearer|token)[ \t]+(?P<secret>[A-Za-z0-9\-._~+/]+=*)"#,
        ],
        confirm: Some(values::bearer_token),
    },
    SecretRule {
        id: "netrc",
        description: "a password in a .netrc line",
        patterns: &[
            r"(?-u:\b)(?:machine[ \t\r\n]+\S+|default)(?P<login>[ \t\r\n]+login[ \t\r\n]+\S+)?[ \t\r\n]+password[ \t\r\n]+(?P<secret>\S+)",
        ],
        confirm: Some(values::netrc),
    },
    SecretRule {
        id: "command-line-password",
        description: "a password on a command line",
        patterns: &[
            // `mysql -u root -pS3cret`: the value sticks to `-p`; `-p` alone prompts for it.
            r#"(?-u:\b)(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mysqlpump|mariadb|mariadb-dump|mariadb-admin)(?-u:\b)[^\n|;&]*?[ \t]-p(?P<secret>"[^"\n]+"|'[^'\n]+'|[^\s"'\-][^\s]*)"#,
            r#"(?:^|[\s"'])--(?:[a-z]+-)?pass(?:word)?(?P<op>=|[ \t]+)(?P<secret>"[^"\n]+"|'[^'\n]+'|[^\s"'\-][^\s]*)"#,
            r#"(?-u:\b)sshpass[ \t]+-p[ \t]*(?P<secret>"[^"\n]+"|'[^'\n]+'|[^\s"'\-][^\s]*)"#,
            r#"(?-u:\b)redis-cli(?-u:\b)[^\n|;&]*?[ \t]-a[ \t]+(?P<secret>"[^"\n]+"|'[^'\n]+'|[^\s"'\-][^\s]*)"#,
            r#"(?-u:\b)curl(?-u:\b)[^\n|;&]*?[ \t](?:-u|--user)[ \t=]*["']?[^\s:"']+:(?P<secret>[^\s"']+)"#,
        ],
        confirm: Some(values::command_line),
    },
    SecretRule {
        id: "database-url",
        description: "a password in a database URL or connection string",
        patterns: &[
            r#"(?i)(?-u:\b)(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|cassandra|memcached|jdbc:[a-z0-9]+)://[^\s/:@'"<>]*:(?P<secret>[^\s/@'"<>]+)@"#,
            r#"(?i)(?-u:\b)jdbc:[a-z0-9]+:[^\s'"]*?[?&;]password=(?P<secret>[^&;\s'"]+)"#,
            r#"(?i)(?-u:\b)(?:server|data source|host)=[^;\n]+;[^\n]*?(?-u:\b)(?:password|pwd)=(?P<secret>[^;\n'"]+)"#,
        ],
        confirm: Some(values::given),
    },
    SecretRule {
        id: "password-in-url",
        description: "a password in a URL",
        patterns: &[
            r"(?-u:\b)[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s/:@<>|'`]{0,100}:(?P<secret>[^\s/@<>|'`]{1,200})@[A-Za-z0-9.\-\[]",
        ],
        confirm: Some(values::given),
    },
    SecretRule {
        id: "password-assignment",
        description: "a password written out",
        patterns: &[PASSWORD_ASSIGNMENT],
        confirm: Some(values::password_assignment),
    },
    SecretRule {
        id: "secret-assignment",
        description: "a token, key or secret written out",
        patterns: &[SECRET_ASSIGNMENT],
        confirm: Some(values::secret_assignment),
    },
    SecretRule {
        id: "high-entropy-string",
        description: "a long random string given as a value",
        patterns: &[LONG_VALUE_ASSIGNMENT],
        confirm: Some(values::high_entropy_assignment),
    },
];

static COMPILED: LazyLock<Vec<Vec<Regex>>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|rule| {
            rule.patterns.iter().map(|pattern| Regex::new(pattern).expect("secret patterns are valid")).collect()
        })
        .collect()
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SecretFinding {
    pub rule: &'static str,
    pub description: &'static str,
    pub line: usize,
    pub column: usize,
    /// What comes before the secret (`ghp_…`, `DB_PASSWORD=…`), to help find it without repeating it.
    pub hint: String,
}

impl SecretFinding {
    /// Where it is, what it looks like, and the two ways on: the sentence the shells print.
    pub fn advice(&self) -> String {
        format!(
            "line {}, column {}: this looks like {} ({}); remove it, or if it is not a secret, publish with \
             --allow-secret {}",
            self.line, self.column, self.description, self.hint, self.rule
        )
    }
}

/// A place in the text one rule has claimed.
struct Claim {
    rule: &'static SecretRule,
    span: Range<usize>,
    secret_start: usize,
}

/// The text as a reader sees it. Timeline table cells write line breaks as `<br>` and escape
/// `|`, `\`, `<`, `>` and `&` ([`crate::markdown::cell`]); a `.netrc` or YAML block pasted into
/// one entry, or a password with a `&` in it, is judged as pasted. Each byte keeps the offset it
/// came from, so findings still point into the text as written.
struct ReadableText {
    text: String,
    /// For each byte of `text`, and one past its end, the offset in the original.
    origin: Vec<usize>,
}

impl ReadableText {
    fn of(original: &str) -> ReadableText {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut offset = 0;
        'characters: while let Some(character) = original[offset..].chars().next() {
            for (escaped, plain) in crate::markdown::CELL_ESCAPES {
                if original[offset..].starts_with(escaped) {
                    text.push(plain);
                    origin.extend(std::iter::repeat_n(offset, plain.len_utf8()));
                    offset += escaped.len();
                    continue 'characters;
                }
            }
            text.push(character);
            origin.extend(offset..offset + character.len_utf8());
            offset += character.len_utf8();
        }
        origin.push(original.len());
        ReadableText { text, origin }
    }
}

/// Everything in `text` that looks like a secret, in order, except rules in `allowed`.
pub fn scan(original: &str, allowed: &[String]) -> Vec<SecretFinding> {
    let readable = ReadableText::of(original);
    let text = readable.text.as_str();
    // Claims never overlap, so keyed by start the one before a span's end is the only one that
    // can overlap it: a paste of many thousand secrets stays quick.
    let mut claims: BTreeMap<usize, Claim> = BTreeMap::new();
    for (rule, patterns) in RULES.iter().zip(COMPILED.iter()) {
        for pattern in patterns {
            let mut from = 0;
            while let Some(found) = pattern.captures_at(text, from) {
                let matched = found.get_match();
                // A pattern that starts at a delimiter (`(?:^|\s)--password`) reports what follows it.
                let start = matched.start() + matched.as_str().len() - matched.as_str().trim_start().len();
                let span = start..matched.end();
                let secret_start = found.name("secret").map_or(span.end, |secret| secret.start());
                let line_end = text[span.end..].find('\n').map_or(text.len(), |newline| span.end + newline);
                let claimed =
                    claims.range(..span.end).next_back().is_some_and(|(_, claim)| span.start < claim.span.end);
                if !claimed && rule.confirm.is_none_or(|confirm| confirm(&found, &text[span.end..line_end])) {
                    claims.insert(span.start, Claim { rule, span, secret_start });
                    from = matched.end();
                } else {
                    // Not this one; the value may itself start a candidate, as in
                    // `--from-literal=password=...`, so look again from there.
                    let next_character = text[matched.start()..].chars().next().map_or(1, char::len_utf8);
                    from = secret_start.max(matched.start() + next_character);
                }
                if from >= text.len() {
                    break;
                }
            }
        }
    }
    // A place an allowed rule claimed stays unreported: allowing `github-token` lets
    // `GITHUB_TOKEN=ghp_…` through, not just its token half. Claims come in order of place, so
    // lines are counted in one pass.
    let (mut line, mut line_start, mut counted_to) = (1, 0, 0);
    let mut findings = Vec::new();
    for claim in claims.into_values() {
        if allowed.iter().any(|allowed| allowed == claim.rule.id) {
            continue;
        }
        let start = readable.origin[claim.span.start];
        for (offset, _) in original[counted_to..start].match_indices('\n') {
            line += 1;
            line_start = counted_to + offset + 1;
        }
        counted_to = start;
        findings.push(SecretFinding {
            rule: claim.rule.id,
            description: claim.rule.description,
            line,
            column: original[line_start..start].chars().count() + 1,
            hint: hint(&text[claim.span.start..claim.secret_start]),
        });
    }
    findings
}

/// What stands before the secret, on one line and shortened: never any of the secret itself.
fn hint(before_secret: &str) -> String {
    let mut one_line = String::new();
    for character in before_secret.trim_start().chars() {
        let character = if character.is_whitespace() { ' ' } else { character };
        if !(character == ' ' && one_line.ends_with(' ')) {
            one_line.push(character);
        }
    }
    let shown: String = one_line.chars().take(32).collect();
    format!("{shown}…")
}

#[cfg(test)]
mod tests;
