//! Jekyll, which GitHub Pages runs, reads every page with front matter through Liquid before
//! the Markdown: a `{{ .Values.image.tag }}` quoted from a Helm chart becomes nothing, even in
//! code, and a Jinja or Ansible `{% if %}` without its end stops the build of the whole site.
//! A post-mortem whose text holds either is published between `{% raw %}` and `{% endraw %}`,
//! each inside an HTML comment: Liquid passes what lies between as it is, and every Markdown
//! renderer (GitHub's, GitLab's, kramdown, Hugo, MkDocs, Docusaurus) reads the two lines as
//! comments, which no page shows. Reading the file back takes the two lines off again.

use std::borrow::Cow;

const OPEN: &str = "<!-- {% raw %} -->\n";
const CLOSE: &str = "<!-- {% endraw %} -->\n";

/// `page`, a post-mortem after its front matter, kept from Liquid where Liquid would read it.
/// A page that says `endraw` itself is left as it is: it would end the guard early.
pub fn guarded(page: &str) -> Cow<'_, str> {
    if !(page.contains("{{") || page.contains("{%")) || page.contains("endraw") {
        return Cow::Borrowed(page);
    }
    // A blank line before the closing comment keeps it out of the last paragraph or list.
    let separator = if page.ends_with('\n') { "\n" } else { "\n\n" };
    Cow::Owned(format!("{OPEN}{page}{separator}{CLOSE}"))
}

/// A page read back without what [`guarded`] added, and the line it now starts on.
pub fn unguarded(page: &str, first_line: usize) -> (&str, usize) {
    let Some(inner) = page.strip_prefix(OPEN) else { return (page, first_line) };
    let inner = match inner.strip_suffix(CLOSE) {
        Some(inner) => inner.strip_suffix('\n').unwrap_or(inner),
        None => inner,
    };
    (inner, first_line + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_page_liquid_would_read_is_guarded_and_it_reads_back_as_it_was() {
        for page in ["\n# Outage\n\nThe pool ran dry.\n", "\n# Outage\n\nSee {% endraw %} and {{ x }}.\n"] {
            assert_eq!(guarded(page), page, "nothing to guard, or a guard it would end early");
        }
        for page in [
            "\n# Helm\n\nThe tag came from `{{ .Values.image.tag }}`.\n",
            "\n# Ansible\n\n```\n{% if env == \"prod\" %}\n```\n\n",
            "\n# A title with {{ x }}\n",
        ] {
            let kept = guarded(page);
            assert!(kept.starts_with(OPEN) && kept.ends_with(&format!("\n\n{CLOSE}")), "{kept}");
            assert_eq!(unguarded(&kept, 4), (page, 5));
        }
        assert_eq!(unguarded("\n# Outage\n", 4), ("\n# Outage\n", 4));
    }
}
