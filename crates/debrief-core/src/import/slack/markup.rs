//! Slack's message markup (`<@U123>`, `<https://x|label>`, `*bold*`, `&lt;`) read
//! into the Markdown a timeline line holds. Code is left as written; everything else
//! is converted where Slack itself would format it.

/// Slack's markup as Markdown:
///
/// * `<@U123>` becomes `@name` (the user's id when unknown), `<#C1|ops>` becomes `#ops`,
///   `<!here>` becomes `@here`;
/// * `<https://x|label>` becomes `[label](https://x)`, `<https://x>` an autolink;
/// * `*bold*` becomes `**bold**`, `~strike~` becomes `~~strike~~` (`_italic_` is the same);
/// * `&amp;`, `&lt;` and `&gt;` become `&`, `<` and `>`;
/// * ```` ```code``` ```` becomes a fenced block; inside code nothing is converted.
pub fn to_markdown(
    text: &str,
    user: &dyn Fn(&str) -> Option<String>,
    channel: &dyn Fn(&str) -> Option<String>,
    unknown: &mut Vec<String>,
) -> String {
    // NUL marks the places of finished pieces while emphasis is converted around them.
    let text = text.replace('\0', "\u{FFFD}");
    let mut pieces: Vec<String> = Vec::new();
    let mut marked = String::with_capacity(text.len());
    let mut blocks = text.split("```").peekable();
    let mut inside_block = false;
    while let Some(part) = blocks.next() {
        if inside_block && blocks.peek().is_some() {
            let code = decode_entities(part.trim_matches('\n'));
            place(&mut marked, &mut pieces, format!("\n```\n{code}\n```\n"));
        } else if inside_block {
            // An opening ``` that is never closed is literal text.
            marked.push_str("```");
            mark_inline(part, &mut marked, &mut pieces, user, channel, unknown);
        } else {
            mark_inline(part, &mut marked, &mut pieces, user, channel, unknown);
        }
        inside_block = !inside_block;
    }
    let converted = decode_entities(&emphasis(&marked));
    let mut result = String::with_capacity(converted.len());
    let mut rest = converted.as_str();
    while let Some(start) = rest.find('\0') {
        result.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('\0') else { break };
        let index: usize = after[..end].parse().unwrap_or(usize::MAX);
        result.push_str(pieces.get(index).map_or("", String::as_str));
        rest = &after[end + 1..];
    }
    result.push_str(rest);
    result.trim().to_string()
}

fn place(marked: &mut String, pieces: &mut Vec<String>, piece: String) {
    marked.push_str(&format!("\0{}\0", pieces.len()));
    pieces.push(piece);
}

/// Inline code and `<...>` references in text outside code blocks.
fn mark_inline(
    text: &str,
    marked: &mut String,
    pieces: &mut Vec<String>,
    user: &dyn Fn(&str) -> Option<String>,
    channel: &dyn Fn(&str) -> Option<String>,
    unknown: &mut Vec<String>,
) {
    let mut rest = text;
    while let Some(start) = rest.find(['`', '<']) {
        marked.push_str(&rest[..start]);
        let opener = &rest[start..start + 1];
        let after = &rest[start + 1..];
        let closing = if opener == "`" { '`' } else { '>' };
        let inner = after.find(closing).map(|end| &after[..end]).filter(|inner| {
            // A reference's target never has spaces; Slack writes a literal `<` as `&lt;`.
            let target = inner.split('|').next().unwrap_or("");
            !inner.is_empty() && (closing == '`' || (!target.is_empty() && !target.contains(char::is_whitespace)))
        });
        match inner {
            Some(inner) => {
                let piece = if closing == '`' {
                    format!("`{}`", decode_entities(inner))
                } else {
                    reference(inner, user, channel, unknown)
                };
                place(marked, pieces, piece);
                rest = &after[inner.len() + 1..];
            }
            None => {
                marked.push_str(opener);
                rest = after;
            }
        }
    }
    marked.push_str(rest);
}

/// One `<...>` reference: a mention, a channel, a special mention, or a link.
fn reference(
    inner: &str,
    user: &dyn Fn(&str) -> Option<String>,
    channel: &dyn Fn(&str) -> Option<String>,
    unknown: &mut Vec<String>,
) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((target, label)) => (target, Some(decode_entities(label))),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        return match (user(id), label) {
            (Some(name), _) => format!("@{name}"),
            (None, Some(label)) => format!("@{}", label.trim_start_matches('@')),
            (None, None) => {
                unknown.push(id.to_string());
                format!("@{id}")
            }
        };
    }
    if let Some(id) = target.strip_prefix('#') {
        let name = label.or_else(|| channel(id)).unwrap_or_else(|| id.to_string());
        return format!("#{}", name.trim_start_matches('#'));
    }
    if let Some(special) = target.strip_prefix('!') {
        return match label {
            Some(label) if special.starts_with("subteam^") => format!("@{}", label.trim_start_matches('@')),
            Some(label) => label,
            None => format!("@{}", special.split('^').next().unwrap_or(special)),
        };
    }
    let url = decode_entities(target);
    match label {
        Some(label) => markdown_link(&label, &url),
        None => match url.strip_prefix("mailto:") {
            Some(address) => address.to_string(),
            None => format!("<{url}>"),
        },
    }
}

pub(super) fn markdown_link(label: &str, url: &str) -> String {
    let label = label.replace('[', "\\[").replace(']', "\\]");
    if url.contains([' ', '(', ')']) { format!("[{label}](<{url}>)") } else { format!("[{label}]({url})") }
}

pub(super) fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// `*bold*` as `**bold**` and `~strike~` as `~~strike~~`, where Slack would format them: the
/// marker opens after a space or punctuation, closes before one, and both sit on one line.
fn emphasis(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if matches!(c, '*' | '~')
            && opens(&chars, index)
            && let Some(close) = (index + 2..chars.len())
                .take_while(|at| chars[*at] != '\n')
                .find(|at| chars[*at] == c && closes(&chars, *at))
        {
            out.push(c);
            out.push(c);
            out.extend(&chars[index + 1..close]);
            out.push(c);
            out.push(c);
            index = close + 1;
            continue;
        }
        out.push(c);
        index += 1;
    }
    out
}

fn opens(chars: &[char], at: usize) -> bool {
    let before_ok = at == 0 || chars[at - 1].is_whitespace() || "([{\"'".contains(chars[at - 1]);
    let after = chars.get(at + 1);
    before_ok && after.is_some_and(|next| !next.is_whitespace() && *next != chars[at])
}

fn closes(chars: &[char], at: usize) -> bool {
    let before_ok = !chars[at - 1].is_whitespace();
    let after_ok = chars.get(at + 1).is_none_or(|next| next.is_whitespace() || ".,;:!?)]}\"'".contains(*next));
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str) -> (String, Vec<String>) {
        let users = |id: &str| (id == "U1").then(|| "alice".to_string());
        let channels = |id: &str| (id == "C9").then(|| "ops".to_string());
        let mut unknown = Vec::new();
        let markdown = to_markdown(text, &users, &channels, &mut unknown);
        (markdown, unknown)
    }

    #[test]
    fn mentions_channels_and_links_become_markdown() {
        assert_eq!(convert("<@U1> can you look?").0, "@alice can you look?");
        assert_eq!(convert("<@U404> joined late"), ("@U404 joined late".to_string(), vec!["U404".to_string()]));
        assert_eq!(convert("see <#C9> and <#C2|incidents>").0, "see #ops and #incidents");
        assert_eq!(convert("<!here> db is down").0, "@here db is down");
        assert_eq!(convert("<!subteam^S1|@dba> ping").0, "@dba ping");
        assert_eq!(
            convert("<https://grafana.example.com/d/1?a=1&amp;b=2|p99 graph>").0,
            "[p99 graph](https://grafana.example.com/d/1?a=1&b=2)"
        );
        assert_eq!(convert("<https://status.example.com>").0, "<https://status.example.com>");
        assert_eq!(
            convert("<mailto:oncall@example.com|oncall@example.com>").0,
            "[oncall@example.com](mailto:oncall@example.com)"
        );
    }

    #[test]
    fn emphasis_and_entities_become_markdown() {
        assert_eq!(convert("*rollback* now, ~not~ later, _maybe_").0, "**rollback** now, ~~not~~ later, _maybe_");
        assert_eq!(convert("5 * 3 * 2 and a*b*c").0, "5 * 3 * 2 and a*b*c");
        assert_eq!(convert("a &lt;b&gt; &amp;amp;").0, "a <b> &amp;");
        assert_eq!(convert("&lt;@U1&gt; is literal").0, "<@U1> is literal");
        // A link's ~ is no strike-through.
        assert_eq!(
            convert("<https://example.com/~ops/x~|home> ~gone~").0,
            "[home](https://example.com/~ops/x~) ~~gone~~"
        );
    }

    #[test]
    fn code_is_left_alone() {
        assert_eq!(convert("run `kubectl get *pods*`").0, "run `kubectl get *pods*`");
        assert_eq!(
            convert("log:```ERROR *pool* &lt;full&gt;\nretry```done").0,
            "log:\n```\nERROR *pool* <full>\nretry\n```\ndone"
        );
        assert_eq!(convert("three ``` alone").0, "three ``` alone");
        assert_eq!(convert("a < b and c > d, `x").0, "a < b and c > d, `x");
    }
}
