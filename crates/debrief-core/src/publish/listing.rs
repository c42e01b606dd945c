//! `incidents/README.md` and `incidents/YYYY/README.md`: every post-mortem under
//! `incidents/`, newest first, with its date, title, severity, length, services and open
//! action items, written into every publish commit so the record reads well on the git
//! host (GitHub, GitLab, any web view of the repository) without Debrief. Nothing in them
//! counts the whole, so one more post-mortem changes each listing by its own line. They are
//! derived files: never merged line by line, always written anew from the tree they describe,
//! so two laptops publishing at once never conflict on them. A team that already keeps its
//! own `incidents/README.md` (how to write one, whom to ask) keeps it: Debrief's listing goes
//! below the team's words, between two marks, and only what lies between them is rewritten.
//! A post-mortem's row is read once per version of the file and remembered in Debrief's copy,
//! so a publish into a repository of thousands stays quick.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use git2::{Oid, Tree};
use serde::{Deserialize, Serialize};

use super::SharedRepo;
use super::files::{FileChange, PendingChange, PostmortemPaths};
use super::history::tree_with_files;
use super::remote::git_error;
use crate::Result;
use crate::time::display_duration;

/// The folder Debrief publishes into, and its listing.
const FOLDER: &str = "incidents/";
pub const LISTING_NAME: &str = "README.md";
/// The remembered rows, beside the objects they describe (named for the rows' shape and what
/// is read into them: rows of an older shape are read again rather than shown without their
/// newer columns, or without the action items of files written by hand).
const ROWS_FILE: &str = "debrief-listing-rows-3.json";

/// What a listing shows of one post-mortem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Row {
    date: Option<NaiveDate>,
    title: String,
    severity: Option<String>,
    status: Option<String>,
    /// Start to resolved, in seconds, when the file has both.
    length_s: Option<i64>,
    services: Vec<String>,
    /// Action items not done yet.
    open_items: usize,
}

/// Rows by blob id: the same file content always lists the same way.
#[derive(Default, Serialize, Deserialize)]
struct Rows(HashMap<String, Row>);

impl SharedRepo {
    /// `tree` with the listings rewritten to match the post-mortems in it.
    pub(super) fn with_listings(&self, tree: Oid) -> Result<Oid> {
        let failed = |source| git_error("writing the list of post-mortems", source);
        let found = self.repo.find_tree(tree).map_err(failed)?;
        let listed = self.listed(&found)?;
        let mut files: Vec<(String, String)> = Vec::new();
        let mut write = |path: String, heading: &str, listing: String| -> Result<()> {
            let written = match found.get_path(std::path::Path::new(&path)) {
                Ok(entry) => {
                    Some(entry.to_object(&self.repo).and_then(|object| object.peel_to_blob()).map_err(failed)?)
                }
                Err(_) => None,
            };
            let written = written.as_ref().map(|blob| String::from_utf8_lossy(blob.content()));
            files.push((path, page(written.as_deref(), heading, &listing)));
            Ok(())
        };
        write(format!("{FOLDER}{LISTING_NAME}"), "Post-mortems", folder_listing(&listed))?;
        let mut years: BTreeMap<&str, Vec<&(String, Row)>> = BTreeMap::new();
        for entry in &listed {
            if let Some((year, _)) = entry.0.split_once('/').filter(|(year, _)| is_year(year)) {
                years.entry(year).or_default().push(entry);
            }
        }
        for (year, entries) in &years {
            write(
                format!("{FOLDER}{year}/{LISTING_NAME}"),
                &format!("Post-mortems of {year}"),
                year_listing(year, entries),
            )?;
        }
        // Only the listings whose text changed are written (compared by object id): a publish
        // usually changes two of them, its year's and the folder's.
        let changed: Vec<(&str, &[u8])> = files
            .iter()
            .filter(|(path, content)| {
                let written = found.get_path(std::path::Path::new(path)).ok().map(|entry| entry.id());
                let new = Oid::hash_object(git2::ObjectType::Blob, content.as_bytes()).ok();
                new.is_none() || written != new
            })
            .map(|(path, content)| (path.as_str(), content.as_bytes()))
            .collect();
        if changed.is_empty() {
            return Ok(tree);
        }
        tree_with_files(&self.repo, Some(&found), &changed)
    }

    /// Every post-mortem under `incidents/` in `tree`, by path relative to it, newest first.
    fn listed(&self, tree: &Tree<'_>) -> Result<Vec<(String, Row)>> {
        let paths = PostmortemPaths::new(&[format!("{FOLDER}**")])?;
        let (files, _) = self.postmortems_in(tree, &paths)?;
        let rows_path = self.rows_path();
        let mut remembered: Rows =
            std::fs::read(&rows_path).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default();
        let mut kept = Rows::default();
        let (mut unknown, mut unknown_keys, mut paths) = (Vec::new(), Vec::new(), Vec::new());
        for file in files {
            let PendingChange::File { path, id, symbolic_link: false } = file else { continue };
            let key = id.to_string();
            match remembered.0.remove(&key) {
                Some(row) => {
                    kept.0.insert(key.clone(), row);
                }
                None => {
                    unknown.push(PendingChange::File { path: path.clone(), id, symbolic_link: false });
                    unknown_keys.push(key.clone());
                }
            }
            paths.push((path, key));
        }
        // The rows not remembered are read on every core: a first publish reads every post-mortem.
        let mut unknown_keys = unknown_keys.into_iter();
        self.read_all(
            unknown,
            || (),
            |_, change| row_of(change),
            |row| {
                if let (Some(key), Some(row)) = (unknown_keys.next(), row) {
                    kept.0.insert(key, row);
                }
                Ok(())
            },
        )?;
        let mut listed: Vec<(String, Row)> = paths
            .into_iter()
            .filter_map(|(path, key)| Some((path.trim_start_matches(FOLDER).to_string(), kept.0.get(&key)?.clone())))
            .collect();
        // Remembered rows are only a shortcut: failing to keep them costs time, never a publish.
        if let Ok(bytes) = serde_json::to_vec(&kept)
            && crate::files::write_atomically(&rows_path, &bytes).is_err()
        {
            tracing::warn!(path = %rows_path.display(), "the remembered listing rows could not be saved");
        }
        listed.sort_by(|(a_path, a), (b_path, b)| b.date.cmp(&a.date).then_with(|| b_path.cmp(a_path)));
        Ok(listed)
    }

    fn rows_path(&self) -> PathBuf {
        self.repo.path().join(ROWS_FILE)
    }
}

/// What a listing shows of a file read from the repository; `None` when it is not a post-mortem.
fn row_of(change: FileChange) -> Option<Row> {
    let FileChange::Changed { path, bytes, .. } = change else { return None };
    let document = crate::postmortem::indexed::read(&path, &bytes).0?;
    Some(Row {
        date: document.date,
        length_s: document
            .started
            .zip(document.resolved)
            .map(|(started, resolved)| crate::model::elapsed(started, resolved).num_seconds()),
        open_items: document.actions.iter().filter(|item| item.status == crate::model::ActionStatus::Open).count(),
        title: document.title,
        severity: document.severity,
        status: document.status,
        services: document.services,
    })
}

/// Whether a folder name is a year (`2026`).
fn is_year(name: &str) -> bool {
    name.len() == 4 && name.bytes().all(|byte| byte.is_ascii_digit())
}

/// The first line of the listings Debrief wrote whole before it kept a team's words beside them:
/// such a page is all Debrief's and is written anew.
const OLD_NOTICE: &str = "<!-- Written by Debrief on every publish";

/// Where Debrief's part of a listing page begins and ends; the rest of the page is the team's.
const BEGIN: &str = "<!-- debrief:listing -->";
const END: &str = "<!-- /debrief:listing -->";
/// Said to whoever opens the page's source, under the mark that begins Debrief's part.
const NOTICE: &str = "<!-- Written by Debrief on every publish from the post-mortems in this folder: edits between \
                      these marks are replaced; write above or below them. -->";

/// A listing page: `listing` under `heading`, between the marks, in place of Debrief's part of
/// the page `written` in the tree. A team's own words on the page (a README that was there
/// before the first publish, or text written around the marks since) are kept as they are;
/// a page with no words of the team's is Debrief's alone and takes a first-level heading.
fn page(written: Option<&str>, heading: &str, listing: &str) -> String {
    // A page a teammate saved with CRLF is written back with LF, as the repository keeps Markdown,
    // not with its lines ending two ways.
    let written = written.map(|text| text.replace("\r\n", "\n"));
    let (before, after) = match written.as_deref() {
        Some(text) if !text.starts_with(OLD_NOTICE) => team_words(text),
        _ => ("", ""),
    };
    let level = if before.trim().is_empty() { "#" } else { "##" };
    let mut text = String::with_capacity(before.len() + listing.len() + after.len() + 200);
    if !before.trim().is_empty() {
        text.push_str(before.trim_end());
        text.push_str("\n\n");
    }
    text.push_str(&format!("{BEGIN}\n{NOTICE}\n\n{level} {heading}\n\n{listing}\n{END}\n"));
    if !after.trim().is_empty() {
        text.push('\n');
        text.push_str(after.trim_start_matches(['\n', '\r']));
    }
    text
}

/// The team's words before and after Debrief's marks on a page. A page without the marks is
/// all the team's, and Debrief's part goes below it; a beginning mark left without its end
/// takes the rest of the page.
fn team_words(text: &str) -> (&str, &str) {
    let mark_line = |mark: &str, from: usize| {
        let mut at = from;
        for line in text[from..].split_inclusive('\n') {
            if line.trim() == mark {
                return Some((at, at + line.len()));
            }
            at += line.len();
        }
        None
    };
    match mark_line(BEGIN, 0) {
        None => (text, ""),
        Some((begin, inside)) => match mark_line(END, inside) {
            Some((_, end)) => (&text[..begin], &text[end..]),
            None => (&text[..begin], ""),
        },
    }
}

/// What the columns mean, under each table.
const COLUMNS: &str = "Length runs from the start to resolved. Open items are action items not done yet.";

/// `incidents/README.md`'s listing: every post-mortem, newest first, and a link to each year's.
fn folder_listing(listed: &[(String, Row)]) -> String {
    let mut text = String::new();
    if listed.is_empty() {
        text.push_str("None yet.\n");
        return text;
    }
    let years: std::collections::BTreeSet<&str> = listed
        .iter()
        .filter_map(|(path, _)| path.split_once('/').map(|(year, _)| year).filter(|year| is_year(year)))
        .collect();
    if !years.is_empty() {
        let links: Vec<String> = years.iter().rev().map(|year| format!("[{year}]({year}/{LISTING_NAME})")).collect();
        text.push_str(&format!("By year: {}\n\n", links.join(" · ")));
    }
    text.push_str(&table(listed.iter(), ""));
    text.push_str(&format!("\n{COLUMNS}\n"));
    text
}

/// `incidents/YYYY/README.md`'s listing: every post-mortem of that year.
fn year_listing(year: &str, entries: &[&(String, Row)]) -> String {
    let mut text = format!("[All years](../{LISTING_NAME})\n\n");
    text.push_str(&table(entries.iter().copied(), &format!("{year}/")));
    text.push_str(&format!("\n{COLUMNS}\n"));
    text
}

/// A Markdown table of post-mortems, with links relative to the listing (`strip` is the listing's
/// own folder under `incidents/`).
fn table<'a>(entries: impl Iterator<Item = &'a (String, Row)>, strip: &str) -> String {
    let mut text = String::from(
        "| Date | Post-mortem | Severity | Length | Services | Open items | Status |\n| --- | --- | --- | ---: | --- | ---: | --- |\n",
    );
    // One table holds every post-mortem and is written on every publish: rows go straight
    // into `text`, without a string of their own per cell.
    for (path, row) in entries {
        let cell = |value: &Option<String>| value.as_deref().map(table_cell).unwrap_or_default();
        let length =
            row.length_s.map(|seconds| display_duration(chrono::Duration::seconds(seconds))).unwrap_or_default();
        text.push_str("| ");
        if let Some(date) = row.date {
            // Writing into a String cannot fail.
            let _ = write!(text, "{date}");
        }
        text.push_str(" | [");
        text.push_str(&link_text(&row.title));
        text.push_str("](");
        push_link_target(&mut text, path.strip_prefix(strip).unwrap_or(path));
        let _ = writeln!(
            text,
            ") | {} | {length} | {} | {} | {} |",
            cell(&row.severity),
            table_cell(&row.services.join(", ")),
            row.open_items,
            cell(&row.status)
        );
    }
    text
}

/// Text that cannot break out of a table cell, nor break the site a team builds from the
/// repository (the escapes of the post-mortem's own tables), on one line.
fn table_cell(text: &str) -> String {
    crate::markdown::cell(&text.replace(['\n', '\r'], " "))
}

/// Text that cannot break out of a link's brackets or a table cell.
fn link_text(text: &str) -> String {
    let text = if text.trim().is_empty() { "(untitled)" } else { text };
    table_cell(text).replace('[', "\\[").replace(']', "\\]")
}

/// A path as a link target, onto `text`: characters Markdown or URLs would misread are escaped.
fn push_link_target(text: &mut String, path: &str) {
    for c in path.chars() {
        match c {
            ' ' => text.push_str("%20"),
            '(' => text.push_str("%28"),
            ')' => text.push_str("%29"),
            '|' => text.push_str("%7C"),
            '<' => text.push_str("%3C"),
            '>' => text.push_str("%3E"),
            c => text.push(c),
        }
    }
}

/// Whether `path` is one of the listings this module writes (they are never merged, only rewritten).
pub(super) fn is_listing(path: &str) -> bool {
    path.strip_prefix(FOLDER).is_some_and(|rest| {
        rest == LISTING_NAME || rest.split_once('/').is_some_and(|(year, name)| is_year(year) && name == LISTING_NAME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(date: &str, title: &str) -> Row {
        Row {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            title: title.into(),
            severity: Some("sev2".into()),
            status: None,
            length_s: Some(65 * 60),
            services: vec!["checkout".into(), "pay|ments".into()],
            open_items: 2,
        }
    }

    #[test]
    fn listings_link_every_post_mortem_and_nothing_breaks_a_table() {
        let listed = vec![
            ("2026/2026-11-23-checkout.md".to_string(), row("2026-11-23", "Checkout | latency [EU]")),
            ("2025/2025-01-02-db.md".to_string(), row("2025-01-02", "DB {{ pool }} {% raw %} <b>")),
            ("old notes (2019).md".to_string(), row("2019-05-05", "")),
        ];
        let folder = folder_listing(&listed);
        assert!(
            folder.contains(
                "| 2026-11-23 | [Checkout \\| latency \\[EU\\]](2026/2026-11-23-checkout.md) | sev2 | 1h 05m | checkout, pay\\|ments | 2 |  |"
            ),
            "{folder}"
        );
        assert!(folder.contains("[(untitled)](old%20notes%20%282019%29.md)"), "{folder}");
        // Braces, Liquid and HTML in a title break no site built from the repository.
        assert!(
            folder.contains("[DB \\{\\{ pool \\}\\} \\{&#37; raw %\\} &lt;b&gt;](2025/2025-01-02-db.md)"),
            "{folder}"
        );
        assert!(folder.contains("By year: [2026](2026/README.md) · [2025](2025/README.md)\n"), "{folder}");
        // Every post-mortem has its row, and nothing counts them: one more changes one line.
        assert_eq!(folder.lines().filter(|line| line.starts_with("| 20")).count(), 3, "{folder}");
        let entries: Vec<&(String, Row)> = listed.iter().take(1).collect();
        let year = year_listing("2026", &entries);
        assert!(year.contains("[Checkout \\| latency \\[EU\\]](2026-11-23-checkout.md)"), "{year}");
        assert!(is_listing("incidents/README.md") && is_listing("incidents/2026/README.md"));
        assert!(!is_listing("incidents/2026/2026-11-23-checkout.md") && !is_listing("README.md"));
    }

    #[test]
    fn a_teams_own_words_on_a_listing_page_are_kept_and_only_debriefs_part_is_rewritten() {
        let team = "# Our incidents\n\nAsk #sre for a review before you publish.\n";
        let first = page(Some(team), "Post-mortems", "| table v1 |\n");
        assert!(first.starts_with(team), "{first}");
        assert!(first.contains(&format!("{BEGIN}\n{NOTICE}\n\n## Post-mortems\n\n| table v1 |\n\n{END}\n")), "{first}");
        // Written again, with words added below the marks by hand: only the table changes.
        let edited = format!("{first}\nSee also the [runbooks](../runbooks/).\n");
        let second = page(Some(&edited), "Post-mortems", "| table v2 |\n");
        assert_eq!(second, edited.replace("| table v1 |", "| table v2 |"));
        // A page that is Debrief's alone (new, or written whole by an earlier Debrief) takes the
        // first-level heading and nothing else.
        let alone = format!("{BEGIN}\n{NOTICE}\n\n# Post-mortems\n\nNone yet.\n\n{END}\n");
        assert_eq!(page(None, "Post-mortems", "None yet.\n"), alone);
        let old = "<!-- Written by Debrief on every publish from the post-mortems in this folder; edits here are replaced. -->\n\n# Post-mortems\n\n| old |\n";
        assert_eq!(page(Some(old), "Post-mortems", "None yet.\n"), alone);
        assert_eq!(page(Some(&alone), "Post-mortems", "None yet.\n"), alone);
        // A beginning mark whose end was deleted takes the rest of the page.
        let cut = format!("# Ours\n\n{BEGIN}\n| stale |\n");
        assert_eq!(page(Some(&cut), "Post-mortems", "| new |\n"), page(Some("# Ours\n"), "Post-mortems", "| new |\n"));
        // A page a teammate saved with CRLF: the same words, every line ending with LF.
        let windows = edited.replace('\n', "\r\n");
        assert_eq!(page(Some(&windows), "Post-mortems", "| table v1 |\n"), edited);
    }
}
