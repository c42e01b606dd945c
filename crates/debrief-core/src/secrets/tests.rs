//! Every rule finds its kind, ordinary incident writing finds nothing, and no finding repeats
//! a secret. The samples are assembled when the tests run, from a fixed pseudo-random sequence,
//! so this file holds no string that a scanner would take for a live credential.

use base64::Engine;

use super::*;

const UPPER_DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_DIGITS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &str = "0123456789abcdef";
const ALPHANUMERIC: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Random-looking text of `length` characters from `alphabet`, the same on every run.
struct Maker(u64);

impl Maker {
    fn chars(&mut self, length: usize, alphabet: &str) -> String {
        let alphabet: Vec<char> = alphabet.chars().collect();
        (0..length)
            .map(|_| {
                // xorshift64: enough to look random, and reproducible.
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                alphabet[(self.0 % alphabet.len() as u64) as usize]
            })
            .collect()
    }
}

/// A sample of one kind of secret: the line it stands in, and the part that must never be shown.
struct Sample {
    rule: &'static str,
    text: String,
    secret: String,
}

fn samples() -> Vec<Sample> {
    let mut make = Maker(0x5eed_cafe_f00d_1234);
    let mut samples = Vec::new();
    let mut add = |rule: &'static str, text: String, secret: String| samples.push(Sample { rule, text, secret });

    let body = make.chars(64, BASE64);
    add("private-key", format!("-----BEGIN {}PRIVATE KEY-----\n{body}\n", "OPENSSH "), body);
    let body = make.chars(64, BASE64);
    add("private-key", format!("key.pem:\n-----BEGIN {}PRIVATE KEY-----\n{body}", "RSA "), body);
    let body = make.chars(16, UPPER_DIGITS);
    add("aws-access-key", format!("export AWS_ACCESS_KEY_ID={}{body}", "AK".to_owned() + "IA"), body);
    let body = make.chars(40, BASE64);
    add("aws-secret-key", format!("aws_secret_access_key = {body}"), body);
    let body = make.chars(86, BASE64) + "==";
    add(
        "azure-storage-key",
        format!(
            "DefaultEndpointsProtocol=https;AccountName=prodlogs;Account{}={body};EndpointSuffix=core.windows.net",
            "Key"
        ),
        body,
    );
    let body = make.chars(36, ALPHANUMERIC);
    add("github-token", format!("bob pasted the deploy token gh{}_{body} by mistake", "p"), body);
    let body = make.chars(82, ALPHANUMERIC);
    add("github-token", format!("GH_TOKEN=github_{}_{body}", "pat"), body);
    let body = make.chars(20, URL_SAFE);
    add("gitlab-token", format!("git clone https://oauth2@gitlab.example.com/x (token gl{}-{body})", "pat"), body);
    let body =
        format!("{}-{}-{}", make.chars(11, "0123456789"), make.chars(13, "0123456789"), make.chars(24, ALPHANUMERIC));
    add("slack-token", format!("SLACK_BOT_TOKEN=xo{}-{body}", "xb"), body);
    let body =
        format!("T{}/B{}/{}", make.chars(8, UPPER_DIGITS), make.chars(8, UPPER_DIGITS), make.chars(24, ALPHANUMERIC));
    add("slack-webhook", format!("curl -X POST https://hooks.slack.com/{}/{body}", "services"), body);
    let body = make.chars(35, URL_SAFE);
    add("google-api-key", format!("maps?key=AI{}{body}", "za"), body);
    let body = make.chars(24, ALPHANUMERIC);
    add("stripe-key", format!("STRIPE_KEY=sk_{}_{body}", "live"), body);
    let body = make.chars(93, URL_SAFE);
    add("anthropic-key", format!("ANTHROPIC_API_KEY=sk-{}-api03-{body}", "ant"), body);
    let body = make.chars(120, URL_SAFE);
    add("openai-key", format!("export OPENAI_API_KEY=sk-{}-{body}", "proj"), body);
    let body =
        format!("{}{}{}", make.chars(20, ALPHANUMERIC), "T3Blbk".to_owned() + "FJ", make.chars(20, ALPHANUMERIC));
    add("openai-key", format!("openai.api_key = \"sk-{body}\""), body);
    let body = make.chars(36, ALPHANUMERIC);
    add("npm-token", format!("npm config set //registry.npmjs.org/:_authToken=np{}_{body}", "m"), body);
    let body = format!(
        "{}-{}-4{}-a{}-{}",
        make.chars(8, HEX),
        make.chars(4, HEX),
        make.chars(3, HEX),
        make.chars(3, HEX),
        make.chars(12, HEX)
    );
    add("npm-token", format!("//npm.internal/:_auth{}={body}", "Token"), body);
    let body = format!("{}{}", "AgEIcHlwaS5v".to_owned() + "cmc", make.chars(120, URL_SAFE));
    add("pypi-token", format!("password = py{}-{body}", "pi"), body);
    let body = format!("{}.{}", make.chars(22, URL_SAFE), make.chars(43, URL_SAFE));
    add("sendgrid-key", format!("SENDGRID_API_KEY=S{}.{body}", "G"), body);
    let body = make.chars(32, HEX);
    add("twilio-key", format!("twilio account A{}{body}", "C"), body);
    let body = make.chars(32, HEX);
    add("mailchimp-key", format!("mailchimp: {body}-{}", "us14"), body);
    let body = make.chars(43, URL_SAFE);
    add("square-oauth", format!("SQUARE_SECRET=sq0{}-{body}", "csp"), body);
    let body = format!("M{}.{}.{}", make.chars(23, ALPHANUMERIC), make.chars(6, URL_SAFE), make.chars(27, URL_SAFE));
    add("discord-bot-token", format!("client.login('{body}')"), body);
    let body = format!("AA{}", make.chars(33, URL_SAFE));
    add(
        "telegram-bot-token",
        format!("https://api.telegram.org/bot{}:{body}/getMe", make.chars(9, "0123456789")),
        body,
    );
    let body = format!("{}{}", "AK".to_owned() + "Cp8", make.chars(68, ALPHANUMERIC));
    add("artifactory", format!("X-JFrog-Art-Api: {body}"), body);
    let body = make.chars(64, HEX);
    add("cloudant", format!("cloudant_password = '{body}'"), body);
    let body = make.chars(44, URL_SAFE);
    add("ibm-cloud-iam", format!("ibm_cloud_iam_api_key: {body}"), body);
    let body = make.chars(48, HEX);
    add("ibm-cos-hmac", format!("cos_hmac_secret_access_key = {body}"), body);
    let body = make.chars(64, LOWER_DIGITS);
    add("softlayer", format!("softlayer_api_key = {body}"), body);
    let body = make.chars(90, URL_SAFE);
    add("vault-token", format!("VAULT_TOKEN=hv{}.{body}", "s"), body);
    let body = make.chars(24, ALPHANUMERIC);
    add("vault-token", format!("vault login {}.{body}", "s"), body);
    let body = make.chars(64, HEX);
    add("digitalocean-token", format!("doctl auth init -t do{}_v1_{body}", "p"), body);
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"sub":"deploy-bot","exp":1795000000}"#);
    let body = format!("{payload}.{}", make.chars(43, URL_SAFE));
    add("jwt", format!("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.{body}"), body);
    let body = base64::engine::general_purpose::STANDARD.encode(format!("deploy:{}", make.chars(18, ALPHANUMERIC)));
    add("authorization-basic", format!("curl -H 'Authorization: Basic {body}' https://ci.example.com/api"), body);
    let body = make.chars(40, ALPHANUMERIC);
    add("authorization-bearer", format!("> Authorization: Bearer {body}"), body);
    let body = make.chars(20, ALPHANUMERIC);
    add("netrc", format!("machine api.example.com login deploy password {body}"), body);
    let body = make.chars(14, ALPHANUMERIC);
    add("command-line-password", format!("mysql -h db.internal -u root -p{body} orders"), body);
    let body = make.chars(14, ALPHANUMERIC);
    add("command-line-password", format!("./migrate --db-password={body} --dry-run"), body);
    let body = make.chars(14, ALPHANUMERIC);
    add("command-line-password", format!("curl -u deploy:{body} https://ci.example.com/api"), body);
    let body = make.chars(16, ALPHANUMERIC);
    add("database-url", format!("psql postgres://orders:{body}@db.internal:5432/orders"), body);
    let body = make.chars(16, ALPHANUMERIC);
    add("database-url", format!("Server=db.internal;Database=orders;User Id=sa;Password={body};"), body);
    let body = make.chars(16, ALPHANUMERIC);
    add("password-in-url", format!("git push https://deploy:{body}@git.example.com/team/app.git"), body);
    add("password-assignment", "DB_PASSWORD=correct-horse-battery".into(), "correct-horse".into());
    add("password-assignment", "  password: hunter22".into(), "hunter22".into());
    add("password-assignment", r#"{"user": "admin", "passwd": "Summer2026"}"#.into(), "Summer2026".into());
    let body = make.chars(32, ALPHANUMERIC);
    add("secret-assignment", format!("client_secret: {body}"), body);
    let body = make.chars(32, HEX);
    add("secret-assignment", format!("DATADOG_API_KEY={body}"), body);
    let body = make.chars(40, ALPHANUMERIC);
    add("high-entropy-string", format!("SESSION_SALT=\"{body}\""), body);
    samples
}

fn rules_found(text: &str) -> Vec<&'static str> {
    scan(text, &[]).into_iter().map(|finding| finding.rule).collect()
}

#[test]
fn each_rule_finds_its_kind_and_never_shows_it() {
    let samples = samples();
    for sample in &samples {
        let findings = scan(&sample.text, &[]);
        assert_eq!(
            findings.iter().map(|finding| finding.rule).collect::<Vec<_>>(),
            [sample.rule],
            "in {:?}",
            sample.text
        );
        let shown = &findings[0].hint;
        let first_six: String = sample.secret.chars().take(6).collect();
        assert!(!shown.contains(&first_six), "{}: {shown:?} shows part of the secret", sample.rule);
    }
    for rule in RULES {
        assert!(samples.iter().any(|sample| sample.rule == rule.id), "{} has no sample", rule.id);
    }
}

#[test]
fn every_pattern_marks_the_part_never_shown() {
    for (rule, patterns) in RULES.iter().zip(COMPILED.iter()) {
        for pattern in patterns {
            assert!(pattern.capture_names().any(|name| name == Some("secret")), "{}: {pattern}", rule.id);
        }
    }
    let mut ids: Vec<_> = RULES.iter().map(|rule| rule.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len(), "rule ids are unique");
}

#[test]
fn ordinary_incident_writing_is_not_a_secret() {
    let ordinary = [
        "DB password: rotated at 14:20",
        "PWD=/home/deploy/app",
        "OLDPWD=/home/deploy",
        "the secret: db-credentials was recreated",
        "token: <redacted>",
        "password was reset for 3 users",
        "We rotated the password for the replication user at 14:05.",
        "The API key was revoked and a new one issued through the vault.",
        "password: ******** (redacted)",
        "DB_PASSWORD=${DB_PASSWORD} from the environment",
        "DB password: see 1Password entry \"orders-db\"",
        "-----BEGIN PUBLIC KEY-----",
        "Commit a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2 reverted the change",
        "git revert 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "GIT_COMMIT=9fceb02d0ae598e95dc970b74767f19372d61af8",
        "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "image: registry.example.com/checkout@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "etag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
        "incident_id: 550e8400-e29b-41d4-a716-446655440000",
        "api_key_id: 550e8400-e29b-41d4-a716-446655440000",
        "X-Request-Id: 7f9c2ba4-e88f-4a2b-9d1e-5c3b8a6f0e21",
        "request_id=4bf92f3577b34da6a3ce929d0e0e4736 status=502 upstream=checkout",
        "x-amz-id-2: a21yZ2xrNDNtdGRkNjM5MkxvSnlzRW5RKzJ3QT0=",
        "trace_id=00f067aa0ba902b7 span_id=b7ad6b7169203331",
        "correlation-id=Root=1-5759e988-bd862e3fe1be46a994272793",
        "cf-ray=8a1b2c3d4e5f6a7b-AMS",
        "2026-11-23T14:05:12.345Z level=error msg=\"connection refused\" pod=checkout-api-7d9f8b6c5-x2x9q",
        "pod/checkout-api-7d9f8b6c5-x2x9q evicted: node ip-10-0-3-17.eu-west-1.compute.internal under memory pressure",
        "kubectl -n payments rollout restart deployment/checkout-api",
        "secretName: db-credentials",
        "valueFrom: secretKeyRef: name: db-credentials key: password",
        "kubectl create secret generic db-credentials --from-file=password=./db-password.txt",
        "HOSTNAME=checkout-api-7d9f8b6c5-x2x9q",
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
        "HOME=/home/deploy",
        "LANG=en_US.UTF-8",
        "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D",
        "PYTHON_SHA256=3e1c8b3d8f2ab1b9d1a3f1b5a2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f",
        "SSH_AUTH_SOCK=/tmp/ssh-XXXXk2Jd9a/agent.1234",
        "KUBERNETES_SERVICE_HOST=10.96.0.1",
        "AWS_REGION=eu-west-1",
        "VAULT_ADDR=https://vault.internal:8200",
        "node_version=20.11.1",
        "secret_rotation_days=90",
        "password_min_length=12",
        "passwd: files systemd",
        "PasswordAuthentication no was set in sshd_config",
        "Timeline: 14:05 detected, 14:20 mitigated, 15:02 resolved",
        "| 2026-11-23 14:05 +01:00 | bob | Restarted the pool |",
        "Check https://status.example.com/incidents/42 and ssh://git@example.com/pm.git",
        "Grafana: https://grafana.example.com/d/Xk29sLmZz/checkout?orgId=1&from=now-6h",
        "psql postgres://orders@db.internal:5432/orders (password from ~/.pgpass)",
        "mysql -h db.internal -u root -p orders",
        "curl -u deploy https://ci.example.com/api",
        "the --password flag was ignored by the migration script",
        "The machine room password was changed after the visit.",
        "Authorization: Bearer <token>",
        "'PASSWORD': os.environ.get('POSTGRES_PASSWORD'),",
        "const password = process.env.DB_PASSWORD;",
        "( _ciph=\"aes128\" ; _fd=\"private.key\" ; _fd_pass=\"private_pass.key\" ; \\",
        "[webcasts](https://www.youtube.com/playlist?list=PL423I_gHbWUXah3dmt_q_XNp0NlGAKjis)",
        "Authorization: Basic auth failed for the webhook",
        "The Authorization header was missing on the retry.",
        "token_type: Bearer",
        "class=AbstractSingletonProxyFactoryBean threw NullPointerException",
        "handler: InternationalizationDocumentationService",
        "Alert: CheckoutLatencyHigh fired at 14:05 (p99 > 2s)",
        "session_affinity: ClientIP",
        "The on-call rotated the Vault token and restarted vault-agent.",
        "the job failed to start: exit code 137 (OOMKilled)",
    ];
    assert!(ordinary.len() >= 40);
    for text in ordinary {
        assert!(rules_found(text).is_empty(), "{text:?}: {:?}", rules_found(text));
    }
    // And all of it at once, as one pasted block.
    assert_eq!(rules_found(&ordinary.join("\n")), Vec::<&str>::new());
}

#[test]
fn findings_locate_without_revealing() {
    let token = format!("gh{}_{}", "p", Maker(7).chars(36, ALPHANUMERIC));
    let findings = scan(&format!("line one\n  token: {token}\n"), &[]);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!((findings[0].rule, findings[0].line, findings[0].column), ("github-token", 2, 10));
    assert_eq!(findings[0].hint, "ghp_…");
    assert!(findings[0].advice().contains("--allow-secret github-token") && !findings[0].advice().contains(&token));
}

#[test]
fn a_place_is_reported_once_by_its_most_specific_rule() {
    let token = format!("gh{}_{}", "p", Maker(9).chars(36, ALPHANUMERIC));
    let text = format!("GITHUB_TOKEN={token}\nDB_PASSWORD=Summer2026");
    assert_eq!(rules_found(&text), ["github-token", "password-assignment"]);
    // Allowing the token lets its whole line through, and nothing else.
    let allowed = scan(&text, &["github-token".to_string()]);
    assert_eq!(allowed.iter().map(|finding| finding.rule).collect::<Vec<_>>(), ["password-assignment"]);
}

#[test]
fn secrets_pasted_into_a_timeline_cell_are_judged_as_pasted_and_located_in_the_file() {
    let password = format!("{}{}", "S3cr", "et&Pw9");
    let netrc_password = Maker(11).chars(16, ALPHANUMERIC);
    let pasted = format!("deploy.yaml:\nuser: deploy\npassword: {password}\n");
    let netrc = format!("machine git.example.com\n  login deploy\n  password {netrc_password}");
    let rows = [
        format!("| 14:05 | bob | {} |", crate::markdown::cell(&pasted)),
        format!("| 14:07 | bob | {} |", crate::markdown::cell(&netrc)),
    ];
    let text = format!("## Timeline\n\n{}\n{}\n", rows[0], rows[1]);
    let findings = scan(&text, &[]);
    let column = |row: &str, needle: &str| row[..row.find(needle).unwrap()].chars().count() + 1;
    assert_eq!(
        findings.iter().map(|finding| (finding.rule, finding.line, finding.column)).collect::<Vec<_>>(),
        [("password-assignment", 3, column(&rows[0], "password")), ("netrc", 4, column(&rows[1], "machine"))]
    );
    assert!(findings.iter().all(|finding| !finding.hint.contains("S3cr") && !finding.hint.contains(&netrc_password)));
}

#[test]
fn a_paste_of_many_secrets_reports_each_on_its_own_line() {
    let text: String = (0..20_000).map(|number| format!("DB_PASSWORD=Summer{number}x\n")).collect();
    let findings = scan(&text, &[]);
    assert_eq!(findings.len(), 20_000);
    assert!(findings.iter().enumerate().all(|(index, finding)| (finding.line, finding.column) == (index + 1, 1)));
}
