//! A published post-mortem as the tools teams publish with read it: GitHub's
//! Markdown (cmark-gfm), Jekyll's kramdown, Jekyll itself as GitHub Pages runs it, a YAML 1.2
//! parser, Jekyll's YAML reader (Ruby's Psych), Hugo, MkDocs and Docusaurus (MDX). Each check runs the real tool, and is
//! skipped with the reason printed where the tool is not installed
//! (`./run-tests` installs them all).

use std::process::Command;

use crate::remotes::BareRemote;
use crate::util::{Debrief, installed_tool, python_with, run_tool};

const PATH: &str = "incidents/2026/2026-11-23-checkout-latency.md";
const STARTED: &str = "2026-11-23T14:00:00+01:00";

/// A post-mortem with every generated region filled, published into the local shared
/// repository; the file as a teammate's clone holds it.
fn published_post_mortem() -> String {
    published().1
}

/// The Debrief that published [`published_post_mortem`] (its shared repository is
/// `shared.git` in its home), and the file.
fn published() -> (Debrief, String) {
    let debrief = Debrief::new();
    let id = debrief.new_incident("Checkout latency", STARTED);
    let on = |args: &[&str]| debrief.ok(&[args, &["--incident", &id]].concat());
    on(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    on(&[
        "log",
        "--who",
        "bob",
        "--at",
        "2026-11-23T14:12:00+01:00",
        "Restarted the pool | on db-2 {size: 40} {% raw %}{{ pool }}\nthen watched it",
    ]);
    on(&["mark", "resolved", "--at", "2026-11-23T15:45:00+01:00"]);
    on(&["set", "--commander", "alice", "--participant", "bob=diagnosed", "--owner", "carol"]);
    on(&["action", "add", "--owner", "carol", "--due", "2026-12-15", "--type", "detective", "Alert on pool use"]);
    on(&["link", "--ticket", "https://tracker.example.com/INC-7"]);
    // The summary quotes a Helm value and an Ansible condition, as write-ups of such incidents do.
    let editor = debrief.home().join("editor.sh");
    let summary = "## Summary\\n\\nThe chart read the tag from `{{ .Values.image.tag }}`, empty since the upgrade.\\n\\n\
                   ```yaml\\n{% if env == \"prod\" %}\\nreplicas: 3\\n```";
    std::fs::write(&editor, format!("#!/bin/sh\nsed -i 's/^## Summary$/{summary}/' \"$1\"\n")).expect("editor");
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("executable");
    let output = debrief.command().args(["draft", "--edit", "--incident", &id]).env("EDITOR", &editor).output();
    let output = output.expect("debrief runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = debrief.run(&["publish", "--incident", &id], None);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let shown = Command::new("git")
        .arg("-C")
        .arg(debrief.home().join("shared.git"))
        .args(["show", &format!("HEAD:{PATH}")])
        .output();
    let shown = shown.expect("git runs");
    assert!(shown.status.success(), "{}", String::from_utf8_lossy(&shown.stderr));
    let markdown = String::from_utf8(shown.stdout).expect("UTF-8 post-mortem");
    (debrief, markdown)
}

/// The front matter and the body after it: GitHub, GitLab, Jekyll and Hugo take the front
/// matter off before the Markdown renderer sees the rest.
fn split(markdown: &str) -> (&str, &str) {
    let rest = markdown.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    (&rest[..end + 1], &rest[end + 5..])
}

/// A static site's source folder holding `files` (path, text).
fn site_of(files: &[(&str, &str)]) -> tempfile::TempDir {
    let site = tempfile::TempDir::new().expect("temporary directory");
    for (path, text) in files {
        let path = site.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("directories");
        std::fs::write(path, text).expect("write");
    }
    site
}

/// Checks `html` holds the post-mortem's three tables, each with its header, and no table
/// row left in a paragraph as text.
fn assert_three_tables(renderer: &str, html: &str) {
    assert_eq!(html.matches("<table").count(), 3, "{renderer} renders 3 tables:\n{html}");
    for header in ["What happened", "Action", "Role"] {
        assert!(html.contains(&format!(">{header}</th>")), "{renderer}: the table with `{header}`:\n{html}");
    }
    // Python-Markdown passes the character reference for `%` on; a browser shows `%`.
    let shown = html.replace("&#37;", "%");
    assert!(
        shown.contains("<td>Restarted the pool | on db-2 {size: 40} {% raw %}{{ pool }}")
            && html.contains("then watched it</td>"),
        "{renderer}: an escaped pipe, braces and Liquid's marks stay in their cell, with its second line:\n{html}"
    );
    let stray_rows: Vec<&str> = html.lines().filter(|line| line.trim_start().starts_with('|')).collect();
    assert!(stray_rows.is_empty(), "{renderer} shows table rows as text: {stray_rows:?}");
    assert!(html.contains("<li><strong>Started:</strong>"), "{renderer}: the key times are a list:\n{html}");
    // The Helm value and the Ansible condition of the summary as written, and none of the comments
    // that keep them from Jekyll's Liquid shown.
    let mut visible = shown.clone();
    while let Some(start) = visible.find("<!--") {
        let end = visible[start..].find("-->").map_or(visible.len(), |end| start + end + 3);
        visible.replace_range(start..end, "");
    }
    assert!(visible.contains("{{ .Values.image.tag }}"), "{renderer}: the Helm value as written:\n{html}");
    assert!(visible.contains("if env =="), "{renderer}: the Ansible condition as written:\n{html}");
    assert!(!visible.contains("endraw"), "{renderer} shows Liquid's guard:\n{html}");
}

#[test]
fn every_table_of_a_published_post_mortem_renders_as_a_table_in_gfm_and_kramdown() {
    const TEST: &str = "every_table_of_a_published_post_mortem_renders_as_a_table_in_gfm_and_kramdown";
    let cmark_gfm = installed_tool("cmark-gfm", "cmark-gfm", TEST);
    let kramdown = installed_tool("kramdown", "kramdown", TEST);
    if cmark_gfm.is_none() && kramdown.is_none() {
        return;
    }
    let markdown = published_post_mortem();
    let (_, body) = split(&markdown);
    if let Some(cmark_gfm) = cmark_gfm {
        let html = run_tool(Command::new(cmark_gfm).args(["--extension", "table"]), body.as_bytes());
        assert_three_tables("cmark-gfm", &html);
    }
    if let Some(kramdown) = kramdown {
        // kramdown's own syntax, and the GFM input Jekyll and GitHub Pages use by default.
        let html = run_tool(&mut Command::new(&kramdown), body.as_bytes());
        assert_three_tables("kramdown", &html);
        let gfm_parser = Command::new("ruby").args(["-e", "require 'kramdown-parser-gfm'"]).output();
        if gfm_parser.is_ok_and(|output| output.status.success()) {
            let html = run_tool(Command::new(&kramdown).args(["--input", "GFM"]), body.as_bytes());
            assert_three_tables("kramdown --input GFM", &html);
        } else {
            eprintln!("skipped kramdown --input GFM in {TEST}: Debian package ruby-kramdown-parser-gfm is missing");
        }
    }
}

/// A team's own template, written before Debrief (PagerDuty's shape: a numbered list of times
/// right under a line of text, "Responders", emoji headings): the captured parts Debrief puts
/// under its headings render as tables in GitHub's Markdown and in kramdown, with nothing of
/// the template's examples left.
#[test]
fn a_draft_from_a_teams_own_template_renders_its_tables_in_gfm_and_kramdown() {
    const TEST: &str = "a_draft_from_a_teams_own_template_renders_its_tables_in_gfm_and_kramdown";
    let cmark_gfm = installed_tool("cmark-gfm", "cmark-gfm", TEST);
    let kramdown = installed_tool("kramdown", "kramdown", TEST);
    if cmark_gfm.is_none() && kramdown.is_none() {
        return;
    }
    let debrief = Debrief::new();
    let id = debrief.new_incident("Checkout latency", STARTED);
    let on = |args: &[&str]| debrief.ok(&[args, &["--incident", &id]].concat());
    on(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    on(&["log", "--who", "bob", "--at", "2026-11-23T14:12:00+01:00", "Restarted the pool"]);
    on(&["set", "--commander", "alice", "--participant", "bob=diagnosed"]);
    on(&["action", "add", "--owner", "carol", "--due", "2026-12-15", "--type", "detective", "Alert on pool use"]);
    let template = debrief.home().join("team-template.md");
    std::fs::write(
        &template,
        "# Postmortem: [Incident Name]\n\n## Overview\nInclude a short sentence on what happened.\n\n\
         ## Responders\n* Who was the IC?\n\n## 📈 Timeline\nSome important times to include:\n\
         1. time the root cause began\n2. time of the page\n\n## ✅ Action Items\n\
         | Owner | Task | Due |\n|----|----|----|\n| @alex | Add test for edge case | June 28 |\n",
    )
    .unwrap();
    let markdown = on(&["draft", "--template", template.to_str().unwrap()]);
    let (_, body) = split(&markdown);
    let check = |renderer: &str, html: &str| {
        assert_eq!(html.matches("<table").count(), 3, "{renderer} renders 3 tables:\n{html}");
        for shown in [">What happened</th>", "<td>Restarted the pool</td>", "<td>Alert on pool use</td>", ">Role</th>"]
        {
            assert!(html.contains(shown), "{renderer}: {shown}\n{html}");
        }
        assert!(html.contains("<li><strong>Started:</strong>"), "{renderer}: the key times are a list:\n{html}");
        for example in ["time of the page", "Add test for edge case", "Who was the IC", "[Incident Name]"] {
            assert!(!html.contains(example), "{renderer}: the template's example {example:?} is left:\n{html}");
        }
        assert!(html.contains("Some important times to include:"), "{renderer}: the team's words stay:\n{html}");
    };
    if let Some(cmark_gfm) = cmark_gfm {
        check("cmark-gfm", &run_tool(Command::new(cmark_gfm).args(["--extension", "table"]), body.as_bytes()));
    }
    if let Some(kramdown) = kramdown {
        check("kramdown", &run_tool(&mut Command::new(&kramdown), body.as_bytes()));
    }
}

/// MkDocs (Python-Markdown with its default tables extension) builds the page as it is: the
/// title from the front matter, which is not shown as text, and the same three tables.
#[test]
fn a_published_post_mortem_builds_in_mkdocs_with_its_title_and_tables() {
    const TEST: &str = "a_published_post_mortem_builds_in_mkdocs_with_its_title_and_tables";
    let Some(mkdocs) = installed_tool("mkdocs", "mkdocs", TEST) else { return };
    let markdown = published_post_mortem();
    // A theme of the page's title and content alone, so that the tables counted are the post-mortem's.
    let site = site_of(&[
        ("mkdocs.yml", "site_name: Post-mortems\ntheme:\n  name: null\n  custom_dir: theme\n"),
        ("theme/main.html", "<h1 class=\"page-title\">{{ page.title }}</h1>\n{{ page.content }}\n"),
        ("docs/index.md", "# Post-mortems\n"),
        (&format!("docs/{PATH}"), &markdown),
    ]);
    let output = Command::new(mkdocs)
        .args(["build", "--strict", "--quiet"])
        .current_dir(site.path())
        .env("HOME", site.path())
        .output()
        .expect("mkdocs runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let page = site.path().join("site/incidents/2026/2026-11-23-checkout-latency/index.html");
    let page = std::fs::read_to_string(&page).expect("MkDocs wrote the page");
    assert!(
        page.contains("<h1 class=\"page-title\">Checkout latency</h1>"),
        "the title from the front matter:\n{page}"
    );
    assert!(!page.contains("action_items") && !page.contains("started:"), "front matter shown as text:\n{page}");
    assert_three_tables("MkDocs", &page);
}

/// GitHub Pages builds a repository with Jekyll, which runs every Markdown page (with the
/// optional front matter plugin, every `README.md` too) through Liquid before kramdown: a `{%`
/// in a timeline line opened a tag that never closed and failed the build. A teammate's clone of
/// the shared repository builds as GitHub Pages builds it (kramdown's GFM input, the optional
/// front matter, README index and relative links plugins): the post-mortem keeps its tables and
/// Liquid's marks as text, and the incidents folder's listing links to its page.
#[test]
fn a_teammates_clone_builds_in_jekyll_as_github_pages_builds_it() {
    const TEST: &str = "a_teammates_clone_builds_in_jekyll_as_github_pages_builds_it";
    let Some(jekyll) = installed_tool("jekyll", "jekyll", TEST) else { return };
    let plugins = ["jekyll-optional-front-matter", "jekyll-readme-index", "jekyll-relative-links"];
    for plugin in plugins {
        let found = Command::new("ruby").args(["-e", &format!("require '{plugin}'")]).output();
        if !found.is_ok_and(|output| output.status.success()) {
            eprintln!("skipped {TEST}: Debian package ruby-{plugin} is missing");
            return;
        }
    }
    let (debrief, _) = published();
    let site = tempfile::TempDir::new().expect("temporary directory");
    let clone = Command::new("git")
        .arg("clone")
        .arg("--quiet")
        .arg(debrief.home().join("shared.git"))
        .arg(site.path().join("source"))
        .output()
        .expect("git runs");
    assert!(clone.status.success(), "{}", String::from_utf8_lossy(&clone.stderr));
    let source = site.path().join("source");
    let config = format!("markdown: kramdown\nkramdown:\n  input: GFM\nplugins:\n  - {}\n", plugins.join("\n  - "));
    std::fs::write(source.join("_config.yml"), config).expect("write the site's settings");
    let page = jekyll_page(&jekyll, &source, site.path());
    assert_three_tables("Jekyll", &page);
    let listing = std::fs::read_to_string(site.path().join("site/incidents/index.html")).expect("the listing's page");
    assert!(
        listing.contains("<a href=\"/incidents/2026/2026-11-23-checkout-latency.html\">Checkout latency</a>"),
        "the listing links to the post-mortem's page:\n{listing}"
    );
}

/// A team whose GitHub Pages site lays its post-mortems out in a layout of its own names it in
/// its template's front matter (`layout: postmortem`): drafts dropped the template's front matter,
/// and the published page was built without the team's layout. The keys that are the site's
/// own are kept in every draft from the template, and Jekyll builds the page in that layout.
#[test]
fn a_templates_own_front_matter_keys_are_kept_and_jekyll_builds_the_page_in_the_teams_layout() {
    const TEST: &str = "a_templates_own_front_matter_keys_are_kept_and_jekyll_builds_the_page_in_the_teams_layout";
    let Some(jekyll) = installed_tool("jekyll", "jekyll", TEST) else { return };
    let remote = BareRemote::new();
    remote.commit_files(
        &[
            (
                ".debrief/template.md",
                "---\nlayout: postmortem\ncategories: [incidents]\ntitle: \"[Incident title]\"\n---\n\n\
                 ## Summary\n\n## Timeline\n",
            ),
            ("_layouts/postmortem.html", "<article class=\"postmortem\">{{ content }}</article>\n"),
            ("_config.yml", "markdown: kramdown\nkramdown:\n  input: GFM\n"),
        ],
        "The site and its post-mortem template",
    );
    let debrief = crate::publish::responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["publish"]);
    let published = remote.show(PATH);
    assert!(published.contains("\nlayout: postmortem\ncategories: [incidents]\n---\n"), "{published}");
    assert!(published.contains("title: Checkout latency\n"), "Debrief's title, not the template's: {published}");
    let site = tempfile::TempDir::new().expect("temporary directory");
    let source = site.path().join("source");
    let clone = Command::new("git").arg("clone").arg("--quiet").arg(remote.path()).arg(&source).output();
    assert!(clone.expect("git runs").status.success());
    let page = jekyll_page(&jekyll, &source, site.path());
    assert!(page.starts_with("<article class=\"postmortem\">"), "not in the team's layout:\n{page}");
    assert!(page.contains("Restarted the pool"), "{page}");

    // A Hugo site's template, with TOML front matter: its `type` picks the layout, written as YAML.
    let Some(hugo) = installed_tool("hugo", "hugo", TEST) else { return };
    let remote = BareRemote::new();
    let template = "+++\ntitle = \"[Incident title]\"\ntype = \"postmortem\"\n+++\n\n## Summary\n\n## Timeline\n";
    remote.commit_files(&[(".debrief/template.md", template)], "Our post-mortem template");
    let debrief = crate::publish::responder_with_incident();
    debrief.ok(&["remote", "set", &remote.url()]);
    debrief.ok(&["publish"]);
    let published = remote.show(PATH);
    assert!(published.contains("\ntype: \"postmortem\"\n---\n"), "{published}");
    let site = site_of(&[
        ("hugo.toml", "baseURL = \"https://postmortems.example.com/\"\ntitle = \"Post-mortems\"\n"),
        ("layouts/postmortem/single.html", "<article class=\"postmortem\">{{ .Content }}</article>\n"),
        ("layouts/_default/single.html", "{{ .Content }}\n"),
        ("layouts/_default/list.html", "{{ range .Pages }}{{ .Title }}{{ end }}\n"),
        (&format!("content/{PATH}"), &published),
    ]);
    let output = Command::new(hugo).args(["--quiet", "--source"]).arg(site.path()).env("HOME", site.path()).output();
    let output = output.expect("hugo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let page = site.path().join("public/incidents/2026/2026-11-23-checkout-latency/index.html");
    let page = std::fs::read_to_string(&page).expect("Hugo wrote the page");
    assert!(page.starts_with("<article class=\"postmortem\">"), "not in the team's layout:\n{page}");
}

/// Builds the site in `source` with Jekyll, into `site`'s `site` folder (`site` is its home too),
/// and answers with the post-mortem's page.
fn jekyll_page(jekyll: &std::path::Path, source: &std::path::Path, site: &std::path::Path) -> String {
    let output = Command::new(jekyll)
        .args(["build", "--quiet", "--source"])
        .arg(source)
        .arg("--destination")
        .arg(site.join("site"))
        .env("HOME", site)
        .output()
        .expect("jekyll runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    std::fs::read_to_string(site.join(format!("site/{}", PATH.replace(".md", ".html"))))
        .expect("Jekyll wrote the post-mortem's page")
}

/// Docusaurus 3 reads `.md` files as MDX, where `{` starts a JavaScript expression, an unclosed
/// `<br>` is a tag never closed and `<https://...>` no link: each fails the site's build. The
/// published file compiles and renders there (`tests/renderers/docusaurus-mdx.mjs`, with the
/// MDX compiler and the HTML comment plugin Docusaurus uses) with its three tables, the braces as
/// text, the entry's two lines and the ticket as a link; the region markers are not shown.
#[test]
fn a_published_post_mortem_builds_in_docusaurus_as_mdx() {
    const TEST: &str = "a_published_post_mortem_builds_in_docusaurus_as_mdx";
    let Some(node) = installed_tool("node", "nodejs", TEST) else { return };
    let renderers = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/renderers");
    if !renderers.join("node_modules").is_dir() {
        eprintln!("skipped {TEST}: tests/renderers has no node_modules (`npm ci` there, as ./run-tests does)");
        return;
    }
    let markdown = published_post_mortem();
    let site = site_of(&[(PATH, &markdown)]);
    let output = Command::new(node)
        .arg(renderers.join("docusaurus-mdx.mjs"))
        .arg(site.path().join(PATH))
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "Docusaurus's MDX: {}
{markdown}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = String::from_utf8_lossy(&output.stdout);
    assert_three_tables("Docusaurus", &html);
    assert!(html.contains("{{ pool }} <br/>then watched it"), "{html}");
    assert!(
        html.contains("<a href=\"https://tracker.example.com/INC-7\">https://tracker.example.com/INC-7</a>"),
        "the ticket as a link:\n{html}"
    );
    assert!(!html.contains("debrief:") && !html.contains("started:"), "markers or front matter shown:\n{html}");
}

/// Reads the front matter with ruamel.yaml as YAML 1.2 and answers with `date` and `started`
/// in UTC, and the keys it found.
const READ_YAML_1_2: &str = r#"
import json, sys
from ruamel.yaml import YAML
yaml = YAML(typ="safe", pure=True)
yaml.version = (1, 2)
facts = yaml.load(sys.stdin.read())
def utc(value):
    # A timestamp comes back as a datetime in UTC without its offset; a string stays a string.
    return value.isoformat() if hasattr(value, "isoformat") else value
print(json.dumps({"date": utc(facts["date"]), "started": utc(facts["started"]), "keys": sorted(facts)}))
"#;

/// Jekyll reads front matter with Ruby's Psych, allowing dates and times.
const READ_LIKE_JEKYLL: &str = r##"
require "yaml"
require "date"
facts = YAML.safe_load($stdin.read, permitted_classes: [Date, Time])
puts "#{facts["date"].class} #{facts["date"].utc.strftime("%Y-%m-%dT%H:%M:%SZ")}"
"##;

#[test]
fn the_front_matter_reads_as_yaml_1_2_and_dates_the_page_in_jekyll_and_hugo() {
    const TEST: &str = "the_front_matter_reads_as_yaml_1_2_and_dates_the_page_in_jekyll_and_hugo";
    let markdown = published_post_mortem();
    let (front_matter, _) = split(&markdown);
    assert!(front_matter.contains(&format!("\ndate: {STARTED}\nstarted: {STARTED}\n")), "{front_matter}");

    if let Some(python) = python_with(&[("ruamel.yaml", "python3-ruamel.yaml")], TEST) {
        let read = run_tool(Command::new(python).args(["-c", READ_YAML_1_2]), front_matter.as_bytes());
        let read: serde_json::Value = serde_json::from_str(&read).expect("JSON from the YAML 1.2 reader");
        assert_eq!(read["date"], "2026-11-23T13:00:00", "14:00 at +01:00 is 13:00 UTC: {read}");
        assert_eq!(read["date"], read["started"]);
        for key in ["id", "title", "action_items", "participants", "tickets", "durations"] {
            assert!(read["keys"].as_array().expect("keys").iter().any(|found| found == key), "{key}: {read}");
        }
    }

    if let Some(ruby) = installed_tool("ruby", "ruby", TEST) {
        let read = run_tool(Command::new(ruby).args(["-e", READ_LIKE_JEKYLL]), front_matter.as_bytes());
        assert_eq!(read.trim(), "Time 2026-11-23T13:00:00Z", "Jekyll reads `date` as a time");
    }

    if let Some(hugo) = installed_tool("hugo", "hugo", TEST) {
        let site = site_of(&[
            ("hugo.toml", "baseURL = \"https://postmortems.example.com/\"\ntitle = \"Post-mortems\"\n"),
            (
                "layouts/_default/single.html",
                "{{ .Date.Format \"2006-01-02T15:04:05-07:00\" }} {{ .Title }}\n{{ .Content }}",
            ),
            ("layouts/_default/list.html", "{{ range .Pages }}{{ .Title }}{{ end }}\n"),
            (&format!("content/{PATH}"), &markdown),
        ]);
        let output = Command::new(hugo)
            .args(["--quiet", "--source"])
            .arg(site.path())
            .env("HOME", site.path())
            .output()
            .expect("hugo runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let page = site.path().join("public/incidents/2026/2026-11-23-checkout-latency/index.html");
        let page = std::fs::read_to_string(&page).expect("Hugo wrote the page");
        let (dated, content) = page.split_once('\n').expect("the page's date, then its content");
        assert_eq!(dated, "2026-11-23T14:00:00&#43;01:00 Checkout latency", "Hugo dates the page by `date`");
        assert_three_tables("Hugo", content);
        // Hugo leaves raw HTML out by default: the entry's two lines stay apart by a space.
        assert!(content.contains("{{ pool }} <!-- raw HTML omitted -->then watched it"), "{content}");
    }
}

/// The templates teams already use (`tests/templates/`, from dastergon/postmortem-templates):
/// each drafts with the captured timeline and action items in it, whether or not it has a
/// heading for them, its sections at `##` under the draft's title, and the facts it asks for in
/// lines or sections of its own answered; GitHub's and Jekyll's renderers show the tables.
#[test]
fn the_published_templates_of_other_teams_draft_and_render_with_the_incident_in_them() {
    const TEST: &str = "the_published_templates_of_other_teams_draft_and_render_with_the_incident_in_them";
    let renderers: Vec<(&str, std::path::PathBuf, &[&str])> = [
        ("cmark-gfm", installed_tool("cmark-gfm", "cmark-gfm", TEST), &["--extension", "table"][..]),
        ("kramdown", installed_tool("kramdown", "kramdown", TEST), &[][..]),
    ]
    .into_iter()
    .filter_map(|(name, tool, args)| Some((name, tool?, args)))
    .collect();
    let debrief = Debrief::new();
    let id = debrief.new_incident("Checkout latency", STARTED);
    let on = |args: &[&str]| debrief.ok(&[args, &["--incident", &id]].concat());
    on(&["mark", "detected", "--at", "2026-11-23T14:06:00+01:00"]);
    on(&["log", "--who", "bob", "--at", "2026-11-23T14:12:00+01:00", "Restarted the pool"]);
    on(&["mark", "resolved", "--at", "2026-11-23T15:45:00+01:00"]);
    on(&["set", "--commander", "alice", "--owner", "carol", "--severity", "sev2"]);
    on(&["action", "add", "--owner", "carol", "--due", "2026-12-15", "Alert on pool use"]);
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/templates");
    // What each asks for in a line, a cell or a section of its own, as the draft answers it.
    let answers: &[(&str, &[&str])] = &[
        ("azure", &["## Date\n\n2026-11-23\n"]),
        ("elastic", &["By: carol\n"]),
        ("google-api-infra", &[]),
        ("michael.kehoe", &["| Incident Severity     | SEV2 |", "| Time to Detect (TTD)", "| 6m |"]),
        ("real-world-sre", &["Date: 2026-11-23\n"]),
        ("srebook", &["### Date\n\n2026-11-23\n", "### Authors\n\ncarol\n"]),
        ("thecloudbook", &["### Duration\n\n1h 45m\n", "### Start Date/Time\n\n2026-11-23 14:00:00 +01:00\n"]),
    ];
    for (name, answered) in answers {
        let template = folder.join(format!("postmortem-template-{name}.md"));
        let output = debrief.run(&["draft", "--incident", &id, "--template", template.to_str().unwrap()], None);
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let markdown = String::from_utf8(output.stdout).unwrap();
        let (_, body) = split(&markdown);
        assert_eq!(body.matches("\n# ").count() + usize::from(body.starts_with("# ")), 1, "{name}: one title\n{body}");
        assert!(
            body.starts_with("\n# Checkout latency\n") || body.starts_with("# Checkout latency\n"),
            "{name}\n{body}"
        );
        for answer in *answered {
            assert!(body.contains(answer), "{name}: {answer:?} in\n{body}");
        }
        for (renderer, tool, args) in &renderers {
            let html = run_tool(Command::new(tool).args(*args), body.as_bytes());
            for shown in ["<td>Restarted the pool</td>", "<td>Alert on pool use</td>", "<strong>Detected:</strong>"] {
                assert!(html.contains(shown), "{name} in {renderer}: {shown}\n{html}");
            }
        }
    }
}
