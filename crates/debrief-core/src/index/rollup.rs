//! Follow-through per owner: how many action items each person still has open across
//! every post-mortem, how many are overdue, and the oldest overdue one with the
//! post-mortem it came from. Teams find hundreds of open items years old only when
//! someone adds them up; this adds them up, per person who can close them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::IndexedAction;

/// One owner's open action items, as the roll-up shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnerRollup {
    /// As first written in the post-mortems; absent for the items nobody owns.
    pub owner: Option<String>,
    pub open: usize,
    pub overdue: usize,
    /// The open item whose due date passed longest ago.
    pub oldest_overdue: Option<IndexedAction>,
    /// How many days ago that item was due.
    pub days_overdue: Option<i64>,
}

/// `actions` rolled up per owner (names compared ignoring case and surrounding spaces), the
/// owners with the most overdue first, then the longest overdue, then the most open. Items
/// done or won't-do are not counted. With `only_overdue`, owners with nothing overdue are
/// left out.
pub fn owner_rollup(actions: &[IndexedAction], today: NaiveDate, only_overdue: bool) -> Vec<OwnerRollup> {
    let mut owners: BTreeMap<Option<String>, OwnerRollup> = BTreeMap::new();
    for action in actions.iter().filter(|action| action.status == "open") {
        let named = action.owner.as_deref().map(str::trim).filter(|owner| !owner.is_empty());
        let key = named.map(str::to_lowercase);
        let rollup = owners.entry(key).or_insert_with(|| OwnerRollup {
            owner: named.map(str::to_string),
            open: 0,
            overdue: 0,
            oldest_overdue: None,
            days_overdue: None,
        });
        rollup.open += 1;
        if !action.overdue {
            continue;
        }
        rollup.overdue += 1;
        let Some(due) = action.due.as_deref().and_then(|due| due.parse::<NaiveDate>().ok()) else { continue };
        let days = (today - due).num_days();
        if rollup.days_overdue.is_none_or(|oldest| days > oldest) {
            rollup.days_overdue = Some(days);
            rollup.oldest_overdue = Some(action.clone());
        }
    }
    let mut rolled: Vec<OwnerRollup> =
        owners.into_values().filter(|rollup| !only_overdue || rollup.overdue > 0).collect();
    rolled.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| b.days_overdue.cmp(&a.days_overdue))
            .then_with(|| b.open.cmp(&a.open))
            .then_with(|| a.owner.is_none().cmp(&b.owner.is_none()))
            .then_with(|| a.owner.cmp(&b.owner))
    });
    rolled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(incident: &str, number: i64, owner: Option<&str>, due: Option<&str>, status: &str) -> IndexedAction {
        let today = day("2026-12-01");
        let overdue = status == "open" && due.is_some_and(|due| day(due) < today);
        IndexedAction {
            incident: incident.into(),
            path: format!("incidents/2026/{incident}.md"),
            title: incident.into(),
            number,
            text: format!("item {number} of {incident}"),
            owner: owner.map(str::to_string),
            due: due.map(str::to_string),
            kind: None,
            ticket: None,
            status: status.into(),
            reason: None,
            overdue,
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn owners_are_counted_with_their_oldest_overdue_item() {
        let actions = [
            action("2026-03-02-checkout", 1, Some("carol"), Some("2026-04-01"), "open"),
            action("2026-05-10-login", 2, Some("Carol "), Some("2026-06-01"), "open"),
            action("2026-05-10-login", 3, Some("carol"), Some("2027-01-01"), "open"),
            action("2026-05-10-login", 4, Some("carol"), Some("2025-01-01"), "done"),
            action("2026-05-10-login", 5, Some("dave"), Some("2026-11-30"), "open"),
            action("2026-05-10-login", 6, None, Some("2026-01-01"), "open"),
            action("2026-05-10-login", 7, Some("erin"), None, "open"),
            action("2026-05-10-login", 8, Some("frank"), Some("2020-01-01"), "wont-do"),
        ];
        let rolled = owner_rollup(&actions, day("2026-12-01"), false);
        let summary: Vec<_> = rolled
            .iter()
            .map(|rollup| {
                (
                    rollup.owner.as_deref(),
                    rollup.open,
                    rollup.overdue,
                    rollup.oldest_overdue.as_ref().map(|oldest| oldest.number),
                    rollup.days_overdue,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Some("carol"), 3, 2, Some(1), Some(244)),
                (None, 1, 1, Some(6), Some(334)),
                (Some("dave"), 1, 1, Some(5), Some(1)),
                (Some("erin"), 1, 0, None, None),
            ],
            "frank's only item is won't-do: nothing open"
        );
        let overdue = owner_rollup(&actions, day("2026-12-01"), true);
        assert_eq!(overdue.len(), 3, "erin has nothing overdue");
        assert_eq!(
            overdue[0].oldest_overdue.as_ref().map(|oldest| oldest.incident.as_str()),
            Some("2026-03-02-checkout")
        );
    }
}
