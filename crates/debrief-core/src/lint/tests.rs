//! The checker end to end on Markdown: offsets, sections, configuration and
//! suppression. Each rule's own cases live with the rule.

use super::*;

fn check(markdown: &str) -> Vec<Finding> {
    Linter::default().check(markdown)
}

fn with_config(toml: &str, markdown: &str) -> Vec<Finding> {
    let config = Config::from_toml(toml, std::path::Path::new("test.toml")).expect("valid configuration");
    Linter::new(config).expect("linter").check(markdown)
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|finding| finding.rule.as_str()).collect()
}

#[test]
fn offsets_lines_and_columns_are_exact() {
    let markdown =
        "# Incident\n\nThe deploy went out.\nWe could have rolled\nback sooner. Bob failed to renew the cert.\n";
    let findings = check(markdown);
    assert_eq!(rules(&findings), ["counterfactual-modal", "blame-failed-to"]);
    let modal = &findings[0];
    assert_eq!(&markdown[modal.start..modal.end], "could have rolled");
    assert_eq!(modal.phrase, "could have rolled");
    assert_eq!((modal.line, modal.column, modal.end_line, modal.end_column), (4, 4, 4, 21));
    assert_eq!(&markdown[modal.sentence_start..modal.sentence_end], "We could have rolled\nback sooner.");
    let blame = &findings[1];
    assert_eq!(&markdown[blame.start..blame.end], "Bob failed to");
    assert_eq!((blame.line, blame.column), (5, 14));
}

#[test]
fn columns_count_characters_and_curly_apostrophes_match() {
    let markdown = "Résumé: we should’ve known.";
    let findings = check(markdown);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].phrase, "should’ve known");
    assert_eq!(findings[0].column, 12);
    assert_eq!(findings[0].category, Category::Hindsight);
}

#[test]
fn markdown_structure_is_respected() {
    let markdown = "---\ntitle: Why didn't they test it?\nowner: we could have\n---\n\n\
        Some `we could have rolled back` code and [a link](https://x.test/we-could-have-rolled-back).\n\n\
        ```\nwe could have rolled back\n```\n\n\
        > 2026-11-23T14:02:11Z WARN we should have retried\n\n\
        | Time | What |\n|---|---|\n| 14:31 | J finally notices the alert |\n\n\
        - item one\n- we should never have deployed\n";
    let findings = check(markdown);
    let phrases: Vec<&str> = findings.iter().map(|finding| finding.phrase.as_str()).collect();
    assert_eq!(phrases, ["Why didn't they", "finally notices", "should never have deployed"]);
}

#[test]
fn a_draft_checks_cleanly_when_worded_neutrally() {
    let markdown = "# Checkout latency\n\n## Summary\n\nThe deploy at 14:02 raised p99 latency to 2 s. The on-call engineer \
        rolled back at 14:20; the rollback took 12 minutes because the pipeline rebuilt every image.\n\n\
        ## Action items\n\n- We should add alerting on p99 latency.\n- The team should have a runbook by Friday.\n";
    assert_eq!(check(markdown), []);
}

#[test]
fn one_finding_per_category_and_sentence() {
    let findings = check("If Sam had run the dry-run first, none of this would have happened.");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].phrase, "If Sam had run");
}

#[test]
fn detection_sections_relax_visibility_by_default() {
    let markdown = "## Timeline\n\nThe spike would have been visible on the p99 graph.\n\n\
        ## Detection\n\nThe spike would have been visible on the p99 graph.\n";
    let findings = check(markdown);
    assert_eq!(rules(&findings), ["counterfactual-visible"]);
    assert_eq!(findings[0].line, 3);
}

#[test]
fn configuration_disables_relaxes_and_grades() {
    let markdown = "# Action items\n\nJust restart the pod.\n\n# Analysis\n\nJust restart the pod. Bob was careless.\n";
    let relaxed = with_config("[[sections]]\nheadings = [\"action\"]\ndisable = [\"minimizing\"]\n", markdown);
    assert_eq!(rules(&relaxed), ["minimizing-just", "blame-character"]);
    assert_eq!(relaxed[0].line, 7);
    let disabled = with_config("disable = [\"blame-character\"]\n[severity]\nminimizing = \"note\"\n", markdown);
    assert_eq!(rules(&disabled), ["minimizing-just", "minimizing-just"]);
    assert!(disabled.iter().all(|finding| finding.severity == Severity::Note));
}

#[test]
fn team_phrases_match_whole_words() {
    let toml = "[[phrases]]\nid = \"team-hero\"\nphrases = [\"rockstar\", \"didn't bother\"]\ncategory = \"blame\"\n\
        message = \"No heroes or villains.\"\nsuggestion = \"Describe what was done.\"\n";
    let findings =
        with_config(toml, "Our rockstar fixed it. Rockstars! The rockstarship. He didn’t bother. `rockstar`");
    let phrases: Vec<&str> = findings.iter().map(|finding| finding.phrase.as_str()).collect();
    assert_eq!(phrases, ["rockstar", "didn’t bother"]);
    assert_eq!(findings[0].rule, "team-hero");
    assert_eq!(findings[0].message, "No heroes or villains.");
    assert_eq!(findings[0].suggestion.as_deref(), Some("Describe what was done."));
}

#[test]
fn inline_comments_suppress_the_next_line() {
    let markdown = "<!-- debrief-ignore -->\nWe could have rolled back.\n\n\
        <!-- debrief-ignore minimizing -->\nWe could have rolled back. Just restart it.\n\n\
        We could have rolled back. <!-- debrief-ignore counterfactual-modal -->\n\n\
        We could have rolled back.\n";
    let findings = check(markdown);
    let lines: Vec<(usize, &str)> = findings.iter().map(|finding| (finding.line, finding.rule.as_str())).collect();
    assert_eq!(lines, [(5, "counterfactual-modal"), (9, "counterfactual-modal")]);
}

#[test]
fn hostile_input_does_not_panic() {
    let linter = Linter::default();
    for text in [
        "",
        "\u{0}\u{1}\u{2}",
        "'''’’’\"\"\"“”“",
        "would have",
        "had",
        "if",
        "why",
        "Had",
        "’d’ve’d",
        "<!--",
        "<!-- debrief-ignore",
        "<script>",
        "---\ntitle:\n---",
        "+++\ntitle = \"we could have\"\n+++\n",
        "| a |\n|---|\n| could have been |",
        "\u{E000}\u{E000} would have \u{E000}",
        "İİİ would’ve İİİ",
    ] {
        linter.check(text);
    }
    let long_line = "we could have rolled back, ".repeat(10_000);
    assert_eq!(linter.check(&long_line).len(), 1);
    let nested = format!("{}we could have rolled back", "> ".repeat(200));
    linter.check(&nested);
}

#[test]
fn a_large_document_checked_in_parts_reads_as_one() {
    let incident = "# Incident\n\nThe deploy went out.\nWe could have rolled\nback sooner.\n\n## Detection\n\n\
        The spike would have been visible.\n\n<!-- debrief-ignore -->\nBob failed to renew the cert.\n\n";
    let markdown = incident.repeat(PARALLEL_MIN_BYTES / incident.len() + 10);
    let linter = Linter::default();
    let whole = linter.check_on(&markdown, 1);
    assert_eq!(linter.check_on(&markdown, 2), whole);
    assert_eq!(linter.check_on(&markdown, 3), whole);
    let last = whole.last().expect("findings");
    assert_eq!(&markdown[last.start..last.end], "could have rolled");
    assert_eq!(last.line, markdown[..last.start].matches('\n').count() + 1);
}

/// Text made of Markdown syntax, multi-byte characters and trigger words in a
/// fixed pseudo-random order, large enough to be checked in parts.
fn scrambled(length: usize, seed: u64) -> String {
    const PIECES: &[&str] = &[
        "# ",
        "## ",
        "\n",
        "\n\n",
        "```",
        "~~~",
        "<!--",
        "-->",
        "<pre>",
        "</pre>",
        "<br>",
        "> ",
        "- ",
        "1. ",
        "| a | b |\n|---|---|\n",
        "`",
        "*",
        "_",
        "[",
        "](",
        ")",
        "\\",
        "&amp;",
        "’",
        "“",
        "”",
        "é",
        "İ",
        "🙂",
        "\u{E000}",
        "\t",
        "---\n",
        "+++\n",
        "we",
        "could",
        "have",
        "would’ve",
        "had",
        "if only",
        "Bob",
        "failed to",
        "just",
        "why didn't",
        "human error",
        "in hindsight",
        "obvious",
        "the",
        "team",
        ".",
        ",",
        "?",
        " ",
        "'",
        "\"",
    ];
    let mut state = seed;
    let mut text = String::new();
    while text.len() < length {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
    }
    text
}

#[test]
fn scrambled_markdown_never_panics_and_offsets_stay_on_char_boundaries() {
    let linter = Linter::default();
    for seed in 0..40 {
        let length = if seed % 10 == 0 { PARALLEL_MIN_BYTES + 4096 } else { 2000 };
        let text = scrambled(length, seed);
        for finding in linter.check(&text) {
            assert!(
                text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end),
                "seed {seed}: {finding:?}"
            );
            assert!(text.is_char_boundary(finding.sentence_start) && text.is_char_boundary(finding.sentence_end));
            assert!(finding.start <= finding.end && finding.end <= text.len());
            assert_eq!(finding.phrase, text[finding.start..finding.end]);
        }
    }
}
