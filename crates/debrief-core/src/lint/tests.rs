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
fn myst_directives_and_mkdocs_admonitions_are_read_as_their_sites_render_them() {
    let markdown = "# Incident\n\n```{note}\nWe should have tested the restore.\n```\n\n```{code-block} bash\n\
        echo we should have\n```\n\n!!! warning \"Impact\"\n\n    The fix was trivial.\n\n:::tip\nBe more careful with prod config.\n:::\n";
    let findings = check(markdown);
    let found: Vec<(usize, usize, &str)> =
        findings.iter().map(|finding| (finding.line, finding.column, finding.rule.as_str())).collect();
    assert_eq!(
        found,
        [(4, 4, "counterfactual-modal"), (13, 13, "minimizing-trivial"), (16, 1, "blame-exhortation")],
        "{findings:#?}"
    );
}

#[test]
fn a_verdict_that_ends_its_line_with_an_html_break_is_read() {
    let findings = check("15:20 I thought it was safe to delete the volume, turns out that was wrong<br>\n");
    assert_eq!(rules(&findings), ["hindsight-verdict"]);
    assert_eq!(findings[0].phrase, "turns out that was wrong");
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
fn detection_headings_in_their_usual_wordings_relax_visibility() {
    for heading in ["How was it detected?", "Discovery", "Identification", "Alerts", "Observability gaps"] {
        let markdown = format!("## {heading}\n\nThe spike would have been visible on the p99 graph.\n");
        assert_eq!(check(&markdown), [], "{heading}");
    }
}

#[test]
fn a_wiki_pages_detection_section_relaxes_visibility_too() {
    let markdown = "==Timeline==\n* 14:05 The errors would have been visible on the dashboard earlier.\n\n\
        ==Detection==\nThe spike would have been visible on the p99 graph.\n";
    let findings = check(markdown);
    assert_eq!(rules(&findings), ["counterfactual-visible"]);
    assert_eq!(findings[0].line, 2);
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

#[test]
fn a_modal_and_its_have_split_across_a_hard_line_break_or_inside_a_list_item() {
    for markdown in [
        "We could\\\nhave rolled back sooner.\n",
        "We could  \nhave rolled back sooner.\n",
        "We could<br>have rolled back sooner.\n",
        "- We could\n  have rolled back sooner.\n",
        "1. We could  \n   have rolled back sooner.\n",
        "- The timeline:\n  - we could\n    have rolled back sooner\n",
    ] {
        let findings = check(markdown);
        assert_eq!(rules(&findings), ["counterfactual-modal"], "{markdown:?}");
        assert!(findings[0].phrase.starts_with("could") && findings[0].phrase.ends_with("have rolled"), "{markdown:?}");
    }
    // A new line that starts like a sentence is one.
    assert_eq!(check("We could  \nHave a look at the graphs.\n"), []);
}

/// The kinds of wording issue 17 names, each found with its category, and the fine
/// prose it names left alone.
#[test]
fn the_issue_examples_are_found_and_fine_prose_passes() {
    let cases = [
        ("we ought not to have merged both changes together", Category::Counterfactual),
        ("it would have been wiser to page the database team first", Category::Counterfactual),
        ("a staging run could of caught it", Category::Counterfactual),
        ("We would've restored service in minutes.", Category::Counterfactual),
        ("the on-call engineer deleted the wrong volume", Category::Blame),
        ("by mistake, someone pointed the job at production", Category::Blame),
        ("Carol didn't think to check the replica", Category::Blame),
        ("Be more careful with prod config", Category::Blame),
        ("one restart fixed it, it was that easy", Category::Minimizing),
        ("the fix was trivial", Category::Minimizing),
        ("all it took was a config change", Category::Minimizing),
        ("basically a typo", Category::Minimizing),
        ("looking at it now, shipping on a Friday was clearly a mistake", Category::Hindsight),
        ("the warning signs were obvious", Category::Hindsight),
        ("we were slow to notice", Category::Hindsight),
    ];
    for (text, category) in cases {
        let findings = check(text);
        assert!(
            findings.iter().any(|finding| finding.category == category),
            "{text:?} should be {category:?}: {findings:?}"
        );
        for finding in &findings {
            assert!(finding.message.ends_with('.') && finding.suggestion.is_some(), "{finding:?}");
        }
    }
    for text in [
        "the fix had just shipped",
        "the graphs clearly show the spike at 14:02",
        "the change could have affected every tenant, but only one was exposed",
        "If the primary had failed over, the replica would have taken writes.",
        "When the queue is full, the broker would have dropped the oldest message.",
    ] {
        assert_eq!(check(text), [], "{text:?}");
    }
}

#[test]
fn visibility_under_an_impact_heading_is_exposure() {
    let markdown = "## Customer impact\n\nInvoices would have been visible to other tenants for ten minutes.\n\n\
        ## Analysis\n\nThe spike would have been visible on the p99 graph.\n";
    let findings = check(markdown);
    assert_eq!(rules(&findings), ["counterfactual-visible"]);
    assert_eq!(findings[0].line, 7);
}

#[test]
fn visibility_under_a_detection_heading_and_quotes_and_code_stay_alone() {
    let markdown = "## How it was detected\n\nThe spike would have been visible on the p99 graph.\n\n\
        > 2026-01-02T10:00:00Z ERROR the operator deleted the wrong volume\n\n\
        `be more careful` and \"all it took was\" are quoted.\n\n```\nwe were slow to notice\n```\n";
    assert_eq!(check(markdown), []);
}

#[test]
fn a_suggestion_for_a_plural_step_says_were_not_was() {
    let suggestion =
        |markdown: &str| check(markdown).into_iter().find_map(|finding| finding.suggestion).unwrap_or_default();
    assert!(suggestion("The intern failed to check the backups.").contains("\"the backups were not checked\""));
    assert!(suggestion("Carol forgot to rotate the keys.").contains("\"the keys were not rotated\""));
    assert!(suggestion("Bob failed to renew the certificate.").contains("\"the certificate was not renewed\""));
    assert!(suggestion("Bob failed to update the status.").contains("\"the status was not updated\""));
}

/// A library's README and changelog are not post-mortems, but their wording is the wording
/// of engineering prose in general; each of these was a false alarm on the READMEs and
/// changelogs of the crates Debrief itself builds with.
#[test]
fn engineering_prose_in_library_docs_is_left_alone() {
    for text in [
        "Improve lazy DFA construction for large regex sets.",
        "Futures are supposed to be lazy, and only start work when polled.",
        "A `Display` impl is generated for your error if you provide messages.",
        "It returns Anyhow's error type.",
        "The compiler is powerless to help you when you make a mistake.",
        "task: ignore failure to set TLS in `LocalSet` Drop.",
        "This release fixes a bug that could result in a failure to rotate the log file.",
        "runtime: recover when OS fails to spawn a new thread.",
        "The identifier stays two tokens, as if you had written `_ x`.",
        "If you don't know how to create a socket, this crate is not for you.",
        "To use the canonical strategy for a type, you can simply use `any::<T>()`.",
        "IN NO EVENT SHALL THE AUTHORS BE LIABLE, WHETHER IN CONTRACT OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE).",
        "Stupidly Easy: fdir uses an expressive Builder pattern.",
        "CI will test that the docs are up to date if you forget to run these commands.",
        "All you need to do is install it.",
        "Easy error handling: fully integrates a `destroy()` function.",
        "A common example would be if you've applied line wrapping.",
        "If only the main type is specified, the charset defaults to US-ASCII.",
        "Leap seconds can be represented, but Chrono does not fully support them.",
        "In no event will the authors be held liable for any damages arising from the use of this software.",
        "You just have to add these two files to your project root.",
        "It's not easy to find when you're unfamiliar with the system.",
        "Failure to follow these guidelines may result in rejection of the package.",
        "If your language is not supported, all it takes is translating one file.",
        "Q. Why isn't license \"foo\" included in common-licenses?",
        "doc: document ES2022's Error \"cause\" property.",
        "For example, if only resource cleanup needs to be tracked, then only the destroy callback is needed.",
        "Does this change make Node.js better, even if only incrementally?",
        "fs: fix ReadStream failure to read from existing fd.",
    ] {
        assert_eq!(check(text), [], "{text:?}");
    }
    // The same words about people still read as they did.
    assert_eq!(rules(&check("We were lazy about backups.")), ["blame-character"]);
    assert_eq!(rules(&check("That was your error, not mine.")), ["blame-fault"]);
    assert_eq!(rules(&check("The outage was due to the failure to notify the users.")), ["blame-failed-to"]);
    assert_eq!(rules(&check("The engineers' failure to renew the certificate caused it.")), ["blame-failed-to"]);
    assert_eq!(rules(&check("All they had to do was read the runbook.")), ["minimizing-easy"]);
    assert_eq!(rules(&check("If only the team had tested the upgrade.")), ["counterfactual-conditional"]);
    assert_eq!(rules(&check("You forgot to run the tests.")), ["blame-failed-to"]);
}
