//! Things that look like secrets, found before a post-mortem leaves the laptop.
//! People paste logs, commands and chat into incident timelines; a token in a
//! shared repository is an incident of its own. Findings never carry the
//! secret itself, only where it is and what kind it looks like.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub struct SecretRule {
    pub id: &'static str,
    pub description: &'static str,
    pattern: &'static str,
}

/// Every kind of secret publishing blocks, with the rule id `--allow-secret` takes.
pub const RULES: &[SecretRule] = &[
    SecretRule {
        id: "private-key",
        description: "a private key (PEM or OpenSSH)",
        pattern: r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----",
    },
    SecretRule { id: "aws-access-key", description: "an AWS access key id", pattern: r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b" },
    SecretRule {
        id: "aws-secret-key",
        description: "an AWS secret access key",
        pattern: r"(?i)aws_?secret_?access_?key\W{0,5}[A-Za-z0-9/+=]{40}\b",
    },
    SecretRule {
        id: "github-token",
        description: "a GitHub token",
        pattern: r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b",
    },
    SecretRule {
        id: "gitlab-token",
        description: "a GitLab token",
        pattern: r"\bgl(?:pat|dt|rt|cbt)-[A-Za-z0-9_\-]{20,}\b",
    },
    SecretRule {
        id: "slack-token",
        description: "a Slack token",
        pattern: r"\bxox[abposr]-(?:[0-9]+-)?[0-9A-Za-z]{10,}(?:-[0-9A-Za-z]+)*\b",
    },
    SecretRule {
        id: "slack-webhook",
        description: "a Slack incoming webhook",
        pattern: r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_\-]{20,}",
    },
    SecretRule { id: "google-api-key", description: "a Google API key", pattern: r"\bAIza[0-9A-Za-z_\-]{35}\b" },
    SecretRule { id: "stripe-key", description: "a Stripe secret key", pattern: r"\b[rs]k_live_[0-9A-Za-z]{20,}\b" },
    SecretRule {
        id: "jwt",
        description: "a JSON web token",
        pattern: r"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}",
    },
    SecretRule {
        id: "password-in-url",
        description: "a password in a URL",
        pattern: r"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s/:@<>|]{1,100}:[^\s/@<>|]{1,200}@[A-Za-z0-9.\-\[]",
    },
    SecretRule {
        id: "password-assignment",
        description: "a password written out",
        // A value, not a placeholder: `${DB_PASSWORD}`, `<redacted>` and `****` are left alone.
        pattern: r#"(?i)(?:password|passwd|pwd|secret|api_?key|access_?token)\s*[:=]\s*["']?[^\s"'<>|*${%][^\s"'<>|*]{5,}"#,
    },
];

static COMPILED: LazyLock<Vec<Regex>> =
    LazyLock::new(|| RULES.iter().map(|rule| Regex::new(rule.pattern).expect("secret patterns are valid")).collect());

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SecretFinding {
    pub rule: &'static str,
    pub description: &'static str,
    pub line: usize,
    pub column: usize,
    /// The match with all but its first characters masked, to help find it without repeating it.
    pub hint: String,
}

/// Everything in `text` that looks like a secret, in order, except rules in `allowed`.
pub fn scan(text: &str, allowed: &[String]) -> Vec<SecretFinding> {
    let mut findings = Vec::new();
    for (rule, pattern) in RULES.iter().zip(COMPILED.iter()) {
        if allowed.iter().any(|allowed| allowed == rule.id) {
            continue;
        }
        for found in pattern.find_iter(text) {
            let before = &text[..found.start()];
            let line_start = before.rfind('\n').map(|newline| newline + 1).unwrap_or(0);
            findings.push(SecretFinding {
                rule: rule.id,
                description: rule.description,
                line: before.matches('\n').count() + 1,
                column: text[line_start..found.start()].chars().count() + 1,
                hint: masked(found.as_str()),
            });
        }
    }
    findings.sort_by_key(|finding| (finding.line, finding.column));
    findings
}

fn masked(secret: &str) -> String {
    let shown: String = secret.chars().take(4).collect();
    format!("{shown}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_found(text: &str) -> Vec<&'static str> {
        scan(text, &[]).into_iter().map(|finding| finding.rule).collect()
    }

    #[test]
    fn each_kind_of_secret_is_found() {
        let cases = [
            ("private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"),
            ("private-key", "-----BEGIN RSA PRIVATE KEY-----"),
            ("aws-access-key", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"),
            ("aws-secret-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            ("github-token", "token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"),
            ("github-token", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789abcdefghijk"),
            ("gitlab-token", "glpat-abcdefghij0123456789"),
            ("slack-token", "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
            ("slack-webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
            ("google-api-key", "key=AIzaSyA1234567890abcdefghijklmnopqrstuv"),
            ("stripe-key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
            (
                "jwt",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            ),
            ("password-in-url", "psql postgres://admin:hunter22@db.internal:5432/orders"),
            ("password-assignment", "DB_PASSWORD=correct-horse-battery"),
        ];
        for (rule, text) in cases {
            assert!(rules_found(text).contains(&rule), "{rule} not found in {text:?}: {:?}", rules_found(text));
        }
    }

    #[test]
    fn ordinary_incident_writing_is_not_a_secret() {
        for text in [
            "We rotated the password for the replication user at 14:05.",
            "Check https://status.example.com/incidents/42 and ssh://git@example.com/pm.git",
            "The API key was revoked and a new one issued through the vault.",
            "password: ******** (redacted)",
            "DB_PASSWORD=${DB_PASSWORD} from the environment",
            "-----BEGIN PUBLIC KEY-----",
            "Commit a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2 reverted the change",
        ] {
            assert!(rules_found(text).is_empty(), "{text:?}: {:?}", rules_found(text));
        }
    }

    #[test]
    fn findings_locate_without_revealing() {
        let findings = scan("line one\n  token: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n", &[]);
        let github = findings.iter().find(|finding| finding.rule == "github-token").unwrap();
        assert_eq!((github.line, github.column), (2, 10));
        assert_eq!(github.hint, "ghp_…");
    }

    #[test]
    fn an_allowed_rule_is_skipped() {
        assert!(scan("glpat-abcdefghij0123456789", &["gitlab-token".to_string()]).is_empty());
    }
}
