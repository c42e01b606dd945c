//! Action items in post-mortems written by hand, so that `debrief actions`, the browse view
//! and the repository's listings show what a team's older write-ups promised, not only what
//! Debrief's own files list in their front matter.
//!
//! Teams keep them in a few shapes, all read here: a list under a heading such as "Action
//! items", "Follow-ups", "Corrective and preventative measures", "Remediation" or "How are we
//! preventing it from happening again?" (a subsection inherits its section: "### Immediate
//! actions (completed)" under "## Remediation"); a list under a list item labelled that way
//! ("- **Review actions**:"); a paragraph that opens "**Action item:**"; a task list (`- [x]`
//! done); and a table with columns such as Action, Owner, Due, Type, Ticket and Status. Other
//! prose paragraphs in those sections are not items: they cannot be told apart from the
//! explanation around them.
//!
//! What a list item says of itself is read where it is unmistakable: a ticket is a link to an
//! issue or pull request (in the item or the list under it), "owner: X" or a single @handle
//! is the owner, a date after "due" or "by" is the due date, and a tick, "DONE" or struck-out
//! text marks it done. Anything else is left unset rather than guessed.

use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::ActionItemFacts;
use crate::model::{ActionStatus, ActionType};

/// What a section of the document holds, as far as action items go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    /// Action items; `done` when the heading says they are ("Immediate actions (completed)").
    Actions { done: bool },
    #[default]
    Other,
}

/// What a heading or a list item's label says its section holds; `None` when it does not say.
fn section_named(heading: &str) -> Option<Section> {
    let words: Vec<String> = heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect();
    let text = format!(" {} ", words.join(" "));
    let says = |phrases: &[&str]| phrases.iter().any(|phrase| text.contains(&format!(" {phrase} ")));
    let done = is_done_note(heading);
    let about_actions = says(&[
        "action item",
        "action items",
        "action plan",
        "follow up",
        "follow ups",
        "followup",
        "followups",
        "corrective",
        "remediation",
        "remediations",
        "preventive",
        "preventative",
        "prevention",
        "next steps",
        "to do",
        "todo",
        "todos",
        "future work",
        "happening again",
        "happen again",
        "recurrence",
    ]) || (says(&["actions"]) && !says(&["actions taken", "actions during"]));
    if about_actions {
        return Some(Section::Actions { done });
    }
    let names_another_part = says(&[
        "lessons",
        "lesson",
        "learned",
        "timeline",
        "impact",
        "summary",
        "cause",
        "causes",
        "contributing",
        "went well",
        "went wrong",
        "detection",
        "background",
        "resolution",
        "appendix",
        "glossary",
        "stats",
    ]);
    names_another_part.then_some(Section::Other)
}

/// Whether a heading names a post-mortem's action items ("Follow-ups", "Remediation", ...).
pub(super) fn names_action_items(heading: &str) -> bool {
    matches!(section_named(heading), Some(Section::Actions { .. }))
}

/// A list item being read, and whether it is an action item.
#[derive(Default)]
struct OpenItem {
    action: bool,
    /// Its own text, before any list nested in it.
    text: String,
    /// How much of that text is struck out (`~~...~~`), in bytes.
    struck: usize,
    /// Its emphasised text ("**Review actions**:"), which may say the items under it are actions.
    label: String,
    /// A list has started inside it: what follows belongs to the nested items.
    nested: bool,
    /// A paragraph outside any list: an item only when it opens with a label such as "**Action item:**".
    paragraph: bool,
    ticked: Option<bool>,
    ticket: Option<String>,
    /// The text of the link the ticket came from, to drop it from the front of the item ("#42: ...").
    ticket_text: Option<String>,
    in_ticket_link: bool,
}

/// What a table column in an action section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Text,
    Owner,
    Due,
    Kind,
    Ticket,
    Status,
    Other,
}

fn column_named(header: &str) -> Column {
    let header = header.trim().trim_end_matches(':').trim().to_lowercase();
    let header = header.strip_suffix("(s)").unwrap_or(&header).trim();
    match header {
        "action" | "actions" | "action item" | "action items" | "item" | "items" | "task" | "tasks" | "description"
        | "what" | "title" | "summary" | "remediation" | "follow-up" | "follow up" | "todo" | "to do" | "measure"
        | "measures" => Column::Text,
        "owner" | "owners" | "assignee" | "assignees" | "assigned to" | "who" | "responsible" | "dri" => Column::Owner,
        "due" | "due date" | "deadline" | "eta" | "target date" | "by when" | "when" => Column::Due,
        "type" | "kind" | "category" => Column::Kind,
        "ticket" | "tickets" | "bug" | "bugs" | "issue" | "issues" | "link" | "links" | "tracking" | "tracker"
        | "jira" | "pr" | "reference" => Column::Ticket,
        "status" | "state" | "done" | "progress" => Column::Status,
        _ => Column::Other,
    }
}

#[derive(Default)]
struct Table {
    columns: Vec<Column>,
    cells: Vec<(String, Option<String>)>,
    cell: String,
    cell_link: Option<String>,
}

/// Reads the action items of a post-mortem written by hand from the events of the parse that
/// reads its text for the index ([`read`](super::indexed::read)), outside Debrief's own regions
/// (their items are in the front matter). The events must come from a parser with tables,
/// strikethrough and task lists enabled.
#[derive(Default)]
pub struct WrittenActionsReader {
    items: Vec<ActionItemFacts>,
    headings: Vec<(HeadingLevel, Section)>,
    section: Section,
    heading: Option<(HeadingLevel, String)>,
    lists: usize,
    /// The depth of the list whose items a labelled item ("**Review actions**:") makes action items.
    labelled_list: Option<usize>,
    open: Vec<OpenItem>,
    table: Option<Table>,
    struck: usize,
    emphasis: usize,
}

impl WrittenActionsReader {
    pub fn read(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.heading = Some((*level, String::new())),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::List(_)) => {
                self.lists += 1;
                if let Some(item) = self.open.last_mut() {
                    item.nested = true;
                    // "- **Review actions**:" with the items under it.
                    let label = item.label.trim().trim_end_matches(':').trim();
                    if !item.action && names_action_items(label) {
                        self.labelled_list = Some(self.lists);
                    }
                }
            }
            Event::End(TagEnd::List(_)) => {
                if self.labelled_list == Some(self.lists) {
                    self.labelled_list = None;
                }
                self.lists = self.lists.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                let in_section = matches!(self.section, Section::Actions { .. }) && self.lists == 1;
                let action = in_section || self.labelled_list == Some(self.lists);
                self.open.push(OpenItem { action, ..OpenItem::default() });
            }
            Event::End(TagEnd::Item) => {
                if let Some(item) = self.open.pop()
                    && item.action
                {
                    let done = matches!(self.section, Section::Actions { done: true }) && self.labelled_list.is_none();
                    self.items.extend(finish_item(item, done));
                }
            }
            Event::TaskListMarker(checked) => {
                if let Some(item) = self.open.last_mut().filter(|item| item.action && !item.nested) {
                    item.ticked = Some(*checked);
                }
            }
            Event::Start(Tag::Strong | Tag::Emphasis) => self.emphasis += 1,
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => self.emphasis = self.emphasis.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => self.struck += 1,
            Event::End(TagEnd::Strikethrough) => self.struck = self.struck.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => self.link(dest_url),
            Event::End(TagEnd::Link) => {
                if let Some(item) = self.open.iter_mut().rev().find(|item| item.action) {
                    item.in_ticket_link = false;
                }
            }
            Event::Text(text) | Event::Code(text) => self.text(text),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Start(Tag::Paragraph)
                if self.lists == 0 && self.table.is_none() && !matches!(self.section, Section::Actions { .. }) =>
            {
                self.open.push(OpenItem { action: true, paragraph: true, ..OpenItem::default() });
            }
            Event::End(TagEnd::Paragraph) => match self.open.pop_if(|item| item.paragraph) {
                Some(paragraph) => self.items.extend(labelled_paragraph(paragraph)),
                None => self.text(" "),
            },
            Event::Start(Tag::Table(_)) if self.open.is_empty() && matches!(self.section, Section::Actions { .. }) => {
                self.table = Some(Table::default());
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = self.table.as_mut() {
                    table.columns = table.cells.drain(..).map(|(header, _)| column_named(&header)).collect();
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(table) = self.table.as_mut() {
                    let cell = (std::mem::take(&mut table.cell), table.cell_link.take());
                    table.cells.push(cell);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = self.table.as_mut() {
                    let cells = std::mem::take(&mut table.cells);
                    let done = matches!(self.section, Section::Actions { done: true });
                    self.items.extend(row_item(&table.columns, cells, done));
                }
            }
            Event::End(TagEnd::Table) => self.table = None,
            _ => {}
        }
    }

    pub fn finish(self) -> Vec<ActionItemFacts> {
        self.items
    }

    fn end_heading(&mut self) {
        let Some((level, text)) = self.heading.take() else { return };
        self.headings.retain(|(above, _)| *above < level);
        let inherited = self.headings.last().map(|(_, section)| *section).unwrap_or_default();
        self.section = match (section_named(&text), inherited) {
            (Some(named), _) => named,
            // "### Completed" under "## Follow-ups".
            (None, Section::Actions { done }) => Section::Actions { done: done || is_done_note(&text) },
            (None, Section::Other) => Section::Other,
        };
        self.headings.push((level, self.section));
    }

    fn text(&mut self, text: &str) {
        if let Some((_, heading)) = self.heading.as_mut() {
            heading.push_str(text);
            return;
        }
        if let Some(table) = self.table.as_mut().filter(|_| self.open.is_empty()) {
            table.cell.push_str(text);
            return;
        }
        let (struck, emphasised) = (self.struck > 0, self.emphasis > 0);
        let Some(item) = self.open.last_mut() else { return };
        if !item.nested {
            // The label is the emphasised text the item opens with.
            if emphasised && item.label.len() == item.text.len() {
                item.label.push_str(text);
            }
            item.text.push_str(text);
            if struck {
                item.struck += text.len();
            }
        }
        // A bare link to an issue or pull request, in the item or in the list under it.
        let Some(action) = self.open.iter_mut().rev().find(|item| item.action) else { return };
        if action.ticket.is_none()
            && let Some(url) = text.split_whitespace().find(|word| is_ticket_url(word))
        {
            action.ticket = Some(url.trim_end_matches(['.', ',', ')', ';']).to_string());
        }
        if action.in_ticket_link && !action.nested {
            action.ticket_text.get_or_insert_with(String::new).push_str(text);
        }
    }

    fn link(&mut self, url: &str) {
        if let Some(table) = self.table.as_mut().filter(|_| self.open.is_empty()) {
            table.cell_link.get_or_insert_with(|| url.to_string());
            return;
        }
        let Some(action) = self.open.iter_mut().rev().find(|item| item.action) else { return };
        if action.ticket.is_none() && is_ticket_url(url) {
            action.ticket = Some(url.to_string());
            action.in_ticket_link = true;
        }
    }
}

/// A paragraph that is one action item: "**Action item:** Start incidents earlier. Owner: @lucas".
fn labelled_paragraph(mut paragraph: OpenItem) -> Option<ActionItemFacts> {
    let label = paragraph.label.trim().trim_end_matches(':').trim().to_lowercase();
    let names_an_item = matches!(
        label.replace('-', " ").as_str(),
        "action item"
            | "action items"
            | "action"
            | "follow up"
            | "followup"
            | "todo"
            | "to do"
            | "next step"
            | "next steps"
    );
    let rest = paragraph.text.get(paragraph.label.len()..)?.trim_start();
    let rest = match rest.strip_prefix(':') {
        Some(rest) => rest,
        None if paragraph.label.trim_end().ends_with(':') => rest,
        None => return None,
    };
    if !names_an_item {
        return None;
    }
    paragraph.text = rest.to_string();
    paragraph.struck = 0;
    finish_item(paragraph, false)
}

/// "Completed", "Done": a heading saying the items under it are finished.
fn is_done_note(text: &str) -> bool {
    let text = text.to_lowercase();
    ["completed", "done"].iter().any(|word| text.split(|c: char| !c.is_alphanumeric()).any(|part| part == *word))
}

/// A link to an issue, a pull request or a ticket, on a host that tracks work.
fn is_ticket_url(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    (url.starts_with("https://") || url.starts_with("http://"))
        && [
            "/issues/",
            "/issue/",
            "/pull/",
            "/pulls/",
            "/merge_requests/",
            "/browse/",
            "/ticket/",
            "/tickets/",
            "/bugs/",
            "show_bug.cgi",
            "/work_items/",
            "linear.app/",
        ]
        .iter()
        .any(|part| url.contains(part))
}

/// The action item a list item is, or `None` for a placeholder ("N/A", "TBD", an empty box).
fn finish_item(item: OpenItem, section_done: bool) -> Option<ActionItemFacts> {
    let mut text = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let struck_out = item.struck > 0 && item.struck * 10 >= text.len() * 9;
    let mut ticked = item.ticked;
    for (mark, done) in [
        ("✅", true),
        ("✔️", true),
        ("✔", true),
        ("☑️", true),
        ("☑", true),
        ("[x]", true),
        ("[X]", true),
        ("[ ]", false),
    ] {
        if let Some(rest) = text.strip_prefix(mark) {
            ticked = Some(done);
            text = rest.trim_start().to_string();
        }
    }
    // "#2226: Add logging ..." where #2226 links to the ticket.
    if let Some(reference) = item.ticket_text.as_deref().map(str::trim).filter(|reference| !reference.is_empty())
        && let Some(rest) = text.strip_prefix(reference)
    {
        let rest = rest.trim_start_matches([':', '-', '–', ' ']);
        if !rest.is_empty() {
            text = rest.to_string();
        }
    }
    if is_placeholder(&text) {
        return None;
    }
    let done = ticked.unwrap_or(false) || struck_out || says_done(&text) || (section_done && ticked.is_none());
    Some(ActionItemFacts {
        id: None,
        owner: owner_in(&text),
        due: due_in(&text),
        kind: None,
        ticket: item.ticket,
        status: if done { ActionStatus::Done } else { ActionStatus::Open },
        reason: None,
        text,
    })
}

/// One table row's action item, from the columns its header names.
fn row_item(columns: &[Column], cells: Vec<(String, Option<String>)>, section_done: bool) -> Option<ActionItemFacts> {
    let cell = |wanted: Column| {
        columns
            .iter()
            .position(|column| *column == wanted)
            .and_then(|index| cells.get(index))
            .map(|(text, link)| (text.split_whitespace().collect::<Vec<_>>().join(" "), link.clone()))
    };
    // The text column, or the first one that is none of the others.
    let text_column = columns
        .iter()
        .position(|column| *column == Column::Text)
        .or_else(|| columns.iter().position(|column| *column == Column::Other))?;
    let (text, text_link) = cells.get(text_column).map(|(text, link)| (text.trim().to_string(), link.clone()))?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if is_placeholder(&text) {
        return None;
    }
    // "n/a **DONE**", "Bug 5554823 **TODO**": a status note written into whichever cell.
    let notes_done =
        cells.iter().any(|(cell, _)| cell.split(|c: char| !c.is_alphanumeric()).any(|word| word == "DONE"));
    let named = |value: &str| {
        let value: Vec<&str> = value.split_whitespace().filter(|word| !matches!(*word, "DONE" | "TODO")).collect();
        let value = value.join(" ");
        let value = value.trim().trim_start_matches('@').trim();
        (!is_placeholder(value) && !value.eq_ignore_ascii_case("unassigned")).then(|| value.to_string())
    };
    let ticket = cell(Column::Ticket)
        .and_then(|(text, link)| link.or_else(|| named(&text)))
        .or_else(|| text_link.filter(|url| is_ticket_url(url)));
    let status = match cell(Column::Status) {
        Some((status, _)) => status_named(&status),
        None if section_done || notes_done || says_done(&text) => ActionStatus::Done,
        None => ActionStatus::Open,
    };
    Some(ActionItemFacts {
        id: None,
        owner: cell(Column::Owner).and_then(|(owner, _)| named(&owner)).or_else(|| owner_in(&text)),
        due: cell(Column::Due).and_then(|(due, _)| first_date(&due)).or_else(|| due_in(&text)),
        kind: cell(Column::Kind).and_then(|(kind, _)| kind_named(&kind)),
        ticket,
        status,
        reason: None,
        text,
    })
}

fn is_placeholder(text: &str) -> bool {
    let text = text.trim().trim_matches(|c: char| c.is_ascii_punctuation() && c != '/').trim().to_lowercase();
    matches!(text.as_str(), "" | "n/a" | "na" | "none" | "none yet" | "tbd" | "tbc" | "todo" | "nothing" | "?")
}

/// "DONE in PR #5126", "Done: moved the alert", "(completed)": the item says it is finished.
fn says_done(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.split(|c: char| !c.is_alphanumeric()).any(|word| word == "DONE")
        || ["done:", "done -", "done.", "[done]", "completed:"].iter().any(|start| lower.starts_with(start))
        || ["(done)", "(completed)", "[done]", "- done", "— done"]
            .iter()
            .any(|end| lower.trim_end_matches('.').ends_with(end))
}

fn status_named(status: &str) -> ActionStatus {
    let status = status.trim().to_lowercase();
    let starts = |words: &[&str]| words.iter().any(|word| status.starts_with(word));
    if starts(&["won't", "won’t", "wont", "cancel", "rejected", "dropped", "obsolete", "not doing"]) {
        ActionStatus::WontDo
    } else if starts(&[
        "done", "complete", "closed", "fixed", "resolved", "merged", "shipped", "yes", "x", "✅", "✔", "☑", "[x]",
    ]) {
        ActionStatus::Done
    } else {
        ActionStatus::Open
    }
}

fn kind_named(kind: &str) -> Option<ActionType> {
    let kind = kind.trim().to_lowercase();
    let starts = |words: &[&str]| words.iter().any(|word| kind.starts_with(word));
    if starts(&["prevent"]) {
        Some(ActionType::Preventive)
    } else if starts(&["detect", "monitor", "alert"]) {
        Some(ActionType::Detective)
    } else if starts(&["mitigat", "correct", "repair", "recover", "fix"]) {
        Some(ActionType::Corrective)
    } else if starts(&["learn", "process", "document", "knowledge"]) {
        Some(ActionType::Learning)
    } else {
        None
    }
}

/// "owner: carol", "assigned to @bob", or the one @handle the item names.
fn owner_in(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for key in ["owner:", "owners:", "assignee:", "assigned to "] {
        if let Some(at) = lower.find(key) {
            let rest = &text[at + key.len()..];
            let end = rest.find([',', ';', ')', ']', '(']).unwrap_or(rest.len());
            let owner = rest[..end].trim().trim_start_matches('@').trim();
            if !owner.is_empty() && owner.chars().count() <= 40 && !is_placeholder(owner) {
                return Some(owner.to_string());
            }
        }
    }
    let handles: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '[' | ']'))
        .filter_map(|word| word.strip_prefix('@'))
        .map(|handle| handle.trim_end_matches(['.', ':', '!', '?']))
        .filter(|handle| {
            handle.len() > 1 && handle.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        })
        .collect();
    match handles.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// A date the item is due by: a `YYYY-MM-DD` right after "due", "by", "deadline", "ETA" or "target".
fn due_in(text: &str) -> Option<NaiveDate> {
    dates(text).find_map(|(at, date)| {
        let before = &text.as_bytes()[at.saturating_sub(16)..at];
        let last_word = before
            .split(|byte| !byte.is_ascii_alphanumeric())
            .rfind(|word| !word.is_empty())
            .map(|word| word.to_ascii_lowercase());
        let says_due = last_word.as_deref().is_some_and(|word| {
            matches!(word, b"due" | b"by" | b"deadline" | b"eta" | b"target" | b"until" | b"before")
        });
        says_due.then_some(date)
    })
}

fn first_date(text: &str) -> Option<NaiveDate> {
    dates(text).next().map(|(_, date)| date)
}

/// Every `YYYY-MM-DD` in `text`, with where it starts.
fn dates(text: &str) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).filter_map(move |start| {
        let shaped = bytes[start..start + 10].iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
        let clear_before = start == 0 || !bytes[start - 1].is_ascii_digit();
        let clear_after = bytes.get(start + 10).is_none_or(|byte| !byte.is_ascii_digit());
        if !(shaped && clear_before && clear_after) {
            return None;
        }
        NaiveDate::parse_from_str(text.get(start..start + 10)?, "%Y-%m-%d").ok().map(|date| (start, date))
    })
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Options, Parser};

    use super::*;

    fn items(body: &str) -> Vec<ActionItemFacts> {
        let mut reader = WrittenActionsReader::default();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        for event in Parser::new_ext(body, options) {
            reader.read(&event);
        }
        reader.finish()
    }

    fn texts(body: &str) -> Vec<(String, ActionStatus)> {
        items(body).into_iter().map(|item| (item.text, item.status)).collect()
    }

    fn open(text: &str) -> (String, ActionStatus) {
        (text.to_string(), ActionStatus::Open)
    }

    fn done(text: &str) -> (String, ActionStatus) {
        (text.to_string(), ActionStatus::Done)
    }

    #[test]
    fn a_list_under_an_action_items_heading_is_read_item_by_item() {
        let body = "# Queue backlog\n\n## Summary\n- not an item\n\n## Action Items\n\n\
                    - Alert on queue depth\n- Page the database team\n  for replica lag\n\n# Stats\n\n- Category: queues\n";
        assert_eq!(texts(body), [open("Alert on queue depth"), open("Page the database team for replica lag")]);
    }

    #[test]
    fn the_headings_teams_use_for_follow_ups_are_known() {
        for heading in [
            "## Follow-ups",
            "## Corrective and Preventative Measures",
            "## Remediation / Future Work",
            "## How are we preventing it from happening again?",
            "### Next steps",
            "## Corrective actions",
            "## Follow-Up Actions",
        ] {
            let body = format!("# Title\n\n{heading}\n\n* Add a disk space alert\n");
            assert_eq!(texts(&body), [open("Add a disk space alert")], "{heading}");
        }
        for heading in
            ["## Actions taken", "## Lessons learned", "## Timeline", "# Traefik rule preventing some traffic"]
        {
            let body = format!("# Title\n\n{heading}\n\n* Restarted the ingress\n");
            assert!(texts(&body).is_empty(), "{heading}");
        }
    }

    #[test]
    fn subsections_inherit_their_section_and_may_say_their_items_are_done() {
        let body = "## Remediation\n\n### Immediate Actions (Completed)\n\n- Timeouts moved to runtime config\n\n\
                    ### Short-term improvements\n\n- Separate read and write pools\n\n## Lessons learned\n\n- Canaries help\n";
        assert_eq!(texts(body), [done("Timeouts moved to runtime config"), open("Separate read and write pools")]);
    }

    #[test]
    fn prose_in_an_action_section_is_not_an_item() {
        let body =
            "## Corrective and Preventative Measure\n\nThe wiki page will be changed.\nThe installers will move.\n";
        assert!(texts(body).is_empty());
    }

    #[test]
    fn a_labelled_list_item_holds_the_items_under_it() {
        let body = "- **Impact**:\n  - Users could not log in\n- **Review actions**:\n  \
                    - Add a smoke test for alerts. Ticket [#2973](https://github.com/acme/platform/issues/2973)\n  \
                    - Canary should page after 2 minutes. DONE in [PR #5126](https://github.com/acme/env/pull/5126)\n  \
                    - N/A\n";
        let found = items(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].text, "Add a smoke test for alerts. Ticket #2973");
        assert_eq!(found[0].ticket.as_deref(), Some("https://github.com/acme/platform/issues/2973"));
        assert_eq!(found[0].status, ActionStatus::Open);
        assert_eq!(found[1].status, ActionStatus::Done);
        assert_eq!(found[1].ticket.as_deref(), Some("https://github.com/acme/env/pull/5126"));
    }

    #[test]
    fn ticks_struck_text_and_links_in_nested_lists_are_read() {
        let body = "## Action Items\n\n- [x] Pin the base image\n- [ ] Add a canary stage\n- ✅ Added integration tests\n    \
                    - https://github.com/acme/sdk/pull/2935\n- ~~Rewrite the scheduler~~\n- [ ]\n";
        let found = items(body);
        let summary: Vec<_> = found.iter().map(|item| (item.text.as_str(), item.status)).collect();
        assert_eq!(
            summary,
            [
                ("Pin the base image", ActionStatus::Done),
                ("Add a canary stage", ActionStatus::Open),
                ("Added integration tests", ActionStatus::Done),
                ("Rewrite the scheduler", ActionStatus::Done),
            ]
        );
        assert_eq!(found[2].ticket.as_deref(), Some("https://github.com/acme/sdk/pull/2935"));
    }

    #[test]
    fn a_reference_to_the_ticket_opening_an_item_becomes_its_ticket() {
        let body = "## Action items\n\n- [#2226]: Add logging when publishing starts.\n\n\
                    [#2226]: https://github.com/acme/registry/issues/2226\n";
        let found = items(body);
        assert_eq!(found[0].text, "Add logging when publishing starts.");
        assert_eq!(found[0].ticket.as_deref(), Some("https://github.com/acme/registry/issues/2226"));
    }

    #[test]
    fn owners_and_due_dates_are_read_where_the_item_states_them() {
        let body = "## Follow-ups\n\n- Add a replica lag alert (owner: carol, due 2026-12-01)\n\
                    - Rotate the token @dave by 2027-01-15\n- Review the 2024-03-01 change with @erin and @frank\n";
        let found = items(body);
        assert_eq!((found[0].owner.as_deref(), found[0].due), (Some("carol"), NaiveDate::from_ymd_opt(2026, 12, 1)));
        assert_eq!((found[1].owner.as_deref(), found[1].due), (Some("dave"), NaiveDate::from_ymd_opt(2027, 1, 15)));
        assert_eq!(
            (found[2].owner.as_deref(), found[2].due),
            (None, None),
            "two people, and a date that is not a due date"
        );
    }

    #[test]
    fn a_table_of_action_items_is_read_by_its_columns() {
        let body = "## Action Items\n\n| Action Item | Type | Owner | Bug | Status |\n|---|---|---|---|---|\n\
                    | Add a disk alert | detect | @jane | [OPS-12](https://jira.example.com/browse/OPS-12) | Done |\n\
                    | Document the failover | process | - | OPS-13 | won't fix |\n\
                    | Shard the queue | prevent | bob | | in progress |\n";
        let found = items(body);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].text, "Add a disk alert");
        assert_eq!(found[0].kind, Some(ActionType::Detective));
        assert_eq!(found[0].owner.as_deref(), Some("jane"));
        assert_eq!(found[0].ticket.as_deref(), Some("https://jira.example.com/browse/OPS-12"));
        assert_eq!(found[0].status, ActionStatus::Done);
        assert_eq!((found[1].owner.as_deref(), found[1].ticket.as_deref()), (None, Some("OPS-13")));
        assert_eq!((found[1].kind, found[1].status), (Some(ActionType::Learning), ActionStatus::WontDo));
        assert_eq!((found[2].kind, found[2].status), (Some(ActionType::Preventive), ActionStatus::Open));
    }

    #[test]
    fn a_paragraph_labelled_as_an_action_item_is_one() {
        let body = "## Learnings\n\nWe declared the incident late.\n\n**Action item:** Start incidents earlier, as soon as \
                    an issue is confirmed. Owner: @lucas\n\n**Remediation:** we rolled back.\n\nAction item: not labelled.\n";
        let found = items(body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "Start incidents earlier, as soon as an issue is confirmed. Owner: @lucas");
        assert_eq!(found[0].owner.as_deref(), Some("lucas"));
    }

    #[test]
    fn status_notes_written_into_any_cell_of_a_table_are_read() {
        let body = "## Action Items\n\n| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n\
                    | Update the playbook for cascading failure | mitigate | jennifer | n/a **DONE** |\n\
                    | Balance load between clusters | prevent | martin | Bug 5554823 **TODO** |\n";
        let found = items(body);
        assert_eq!((found[0].status, found[0].ticket.as_deref()), (ActionStatus::Done, None));
        assert_eq!(found[0].kind, Some(ActionType::Corrective));
        assert_eq!((found[1].status, found[1].ticket.as_deref()), (ActionStatus::Open, Some("Bug 5554823")));
    }

    #[test]
    fn tables_outside_action_sections_are_not_items() {
        let body = "## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | Deploy |\n";
        assert!(items(body).is_empty());
    }
}
