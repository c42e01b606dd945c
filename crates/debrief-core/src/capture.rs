//! What a responder types into the live capture line, in the terminal or the
//! app: plain text, optionally led by `@name` (who did it) and `/kind`
//! (`/decision`, `/action`, ...), or a key-time mark on its own (`/mitigated`).

use crate::model::EntryKind;

/// A typed line taken apart. A mark (`/mitigated`) is a line whose kind is a key time;
/// its text may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureLine {
    pub who: Option<String>,
    pub kind: EntryKind,
    pub text: String,
}

/// Splits leading `@name` and `/kind` words off a typed line. Words that are
/// not a known kind (`/var/log is full`) stay part of the text.
pub fn parse_line(line: &str) -> CaptureLine {
    let mut who = None;
    let mut kind = EntryKind::Note;
    let mut rest = line.trim();
    loop {
        let (word, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if let Some(name) = word.strip_prefix('@').map(|name| name.trim_end_matches([':', ','])) {
            if who.is_none() && !name.is_empty() {
                who = Some(name.to_string());
                rest = after.trim_start();
                continue;
            }
        } else if let Some(found) = word.strip_prefix('/').and_then(|name| name.parse::<EntryKind>().ok())
            && kind == EntryKind::Note
        {
            kind = found;
            rest = after.trim_start();
            continue;
        }
        break;
    }
    CaptureLine { who, kind, text: rest.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(who: Option<&str>, kind: EntryKind, text: &str) -> CaptureLine {
        CaptureLine { who: who.map(str::to_string), kind, text: text.to_string() }
    }

    #[test]
    fn plain_text_is_a_note() {
        assert_eq!(parse_line("  error rate at 40%  "), entry(None, EntryKind::Note, "error rate at 40%"));
    }

    #[test]
    fn at_name_sets_who() {
        assert_eq!(
            parse_line("@alice restarted the pool"),
            entry(Some("alice"), EntryKind::Note, "restarted the pool")
        );
        assert_eq!(parse_line("@bob: paged the DBA"), entry(Some("bob"), EntryKind::Note, "paged the DBA"));
    }

    #[test]
    fn slash_kind_sets_the_kind_in_either_order() {
        assert_eq!(
            parse_line("/decision fail over to eu-west"),
            entry(None, EntryKind::Decision, "fail over to eu-west")
        );
        assert_eq!(parse_line("@carol /action rolled back"), entry(Some("carol"), EntryKind::Action, "rolled back"));
        assert_eq!(parse_line("/action @carol rolled back"), entry(Some("carol"), EntryKind::Action, "rolled back"));
    }

    #[test]
    fn unknown_slash_words_stay_text() {
        assert_eq!(parse_line("/var/log is full"), entry(None, EntryKind::Note, "/var/log is full"));
        assert_eq!(parse_line("@ alone"), entry(None, EntryKind::Note, "@ alone"));
    }

    #[test]
    fn only_the_first_at_name_is_who() {
        assert_eq!(parse_line("@alice @bob said hi"), entry(Some("alice"), EntryKind::Note, "@bob said hi"));
    }

    #[test]
    fn change_is_a_kind_like_the_others() {
        assert_eq!(
            parse_line("/change @dana deployed v2.3.1"),
            entry(Some("dana"), EntryKind::Change, "deployed v2.3.1")
        );
    }

    #[test]
    fn mark_words_mark_key_times() {
        assert_eq!(parse_line("/mitigated"), entry(None, EntryKind::Mitigated, ""));
        assert_eq!(parse_line("@dave /resolved all green"), entry(Some("dave"), EntryKind::Resolved, "all green"));
    }
}
