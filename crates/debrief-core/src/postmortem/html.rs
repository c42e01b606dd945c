//! Post-mortems as HTML for reading in the app. A post-mortem comes from a
//! shared repository that anyone can write to, so its HTML is sanitized on the
//! Rust side before any page sees it: no script, no event handlers, no
//! `javascript:` or `data:` links, no frames, no styles, no SVG; only the
//! elements Markdown itself produces. The app's Content Security Policy is the
//! second wall, not the first.

use pulldown_cmark::{Options, Parser, html};
use serde::Serialize;

/// Bigger post-mortems are shown cut, with a note, so one hostile file cannot stall the viewer.
pub const MAX_RENDERED_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SafeHtml {
    pub html: String,
    /// True when only the first [`MAX_RENDERED_BYTES`] were shown.
    pub truncated: bool,
}

/// The Markdown body (front matter left out) as sanitized HTML.
pub fn safe_html(markdown: &str) -> SafeHtml {
    let body = without_front_matter(markdown);
    let (body, truncated) = match body.len() > MAX_RENDERED_BYTES {
        true => {
            let mut end = MAX_RENDERED_BYTES;
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            (&body[..end], true)
        }
        false => (body, false),
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(body, options));
    let html = ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .rm_tags(["img"])
        .clean(&unsafe_html)
        .to_string();
    SafeHtml { html, truncated }
}

fn without_front_matter(markdown: &str) -> &str {
    let Some(rest) = markdown.strip_prefix("---\n").or_else(|| markdown.strip_prefix("---\r\n")) else {
        return markdown;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return &rest[offset..];
        }
    }
    markdown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(markdown: &str) -> String {
        safe_html(markdown).html
    }

    #[test]
    fn markdown_renders_as_a_reader_expects() {
        let html = shown(
            "---\ntitle: x\n---\n# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[status](https://status.example.com)\n",
        );
        assert!(html.contains("<h1>Title</h1>") && html.contains("<table>") && html.contains("<td>1</td>"), "{html}");
        assert!(html.contains("href=\"https://status.example.com\"") && html.contains("noopener"), "{html}");
        assert!(!html.contains("title: x"));
    }

    #[test]
    fn nothing_that_could_run_survives() {
        let hostile = r#"
<script>document.title = 'owned'</script>
<img src=x onerror="document.title='owned'">
<a href="javascript:alert(1)">click</a> <a href="data:text/html,<script>alert(1)</script>">data</a>
<svg onload="alert(1)"><script>alert(1)</script></svg>
<iframe src="https://evil.example.com"></iframe>
<div style="display:none" onclick="alert(1)">hidden</div>
<style>body { display: none }</style>
<object data="x.swf"></object><embed src="x"><form action="https://evil.example.com"><input></form>

[md link](javascript:alert(1)) [data link](data:text/html;base64,PHNjcmlwdD4=) ![img](https://tracker.example.com/pixel.png)
"#;
        let html = shown(hostile);
        for forbidden in [
            "<script",
            "onerror",
            "onload",
            "onclick",
            "href=\"javascript",
            "href=\"data",
            "<svg",
            "<iframe",
            "style",
            "<object",
            "<embed",
            "<form",
            "<input",
            "<img",
            "tracker.example.com",
        ] {
            assert!(!html.contains(forbidden), "{forbidden} survived: {html}");
        }
        assert!(html.contains("hidden") && html.contains("click"), "text stays readable: {html}");
    }

    #[test]
    fn a_huge_file_is_cut_with_a_note() {
        let huge = "word ".repeat(MAX_RENDERED_BYTES);
        let rendered = safe_html(&huge);
        assert!(rendered.truncated);
        assert!(rendered.html.len() < MAX_RENDERED_BYTES * 2);
    }
}
