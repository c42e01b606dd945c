//! Draft: the post-mortem editor, its wording checks and preview, the incident's facts,
//! key times and action items.

use debrief_core::lint::Finding;
use debrief_core::postmortem::html::{SafeHtml, safe_html};
use debrief_core::store::EditableDraft;
use debrief_core::{ActionChange, ActionItem, Entry, Incident, IncidentFacts, KeyTime, NewActionItem, capture};
use tauri::State;

use super::{AppState, Reply, SOURCE};

/// The draft as the editor shows it; one that does not exist yet starts from the team's template.
#[tauri::command]
#[specta::specta]
pub async fn open_draft(state: State<'_, AppState>, incident: String) -> Reply<EditableDraft> {
    let rules = state.team_rules()?;
    state.with_store(|store| store.open_draft(&incident, &rules.template))
}

/// Keeps the edited prose; answers with the draft as it now is, regions refreshed.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(state: State<'_, AppState>, incident: String, body: String) -> Reply<EditableDraft> {
    let rules = state.team_rules()?;
    state.with_store(|store| store.save_draft_body(&incident, &rules.template, &body))
}

/// The wording checker's findings in `text`, with the team's rules; byte offsets into `text`.
#[tauri::command]
#[specta::specta]
pub async fn check_wording(state: State<'_, AppState>, text: String) -> Reply<Vec<Finding>> {
    Ok(state.team_rules()?.linter.check(&text))
}

/// Markdown as the sanitized HTML the preview and the reader show.
#[tauri::command]
#[specta::specta]
pub async fn preview(markdown: String) -> Reply<SafeHtml> {
    Ok(safe_html(&markdown))
}

#[tauri::command]
#[specta::specta]
pub async fn set_facts(state: State<'_, AppState>, incident: String, facts: IncidentFacts) -> Reply<Incident> {
    state.with_store(|store| store.set_facts(&incident, facts))
}

/// Marks a key time at a typed moment (`14:05`, `-20m`, a full date and time).
#[tauri::command]
#[specta::specta]
pub async fn set_key_time(state: State<'_, AppState>, incident: String, key: KeyTime, at: String) -> Reply<Entry> {
    let now = chrono::Local::now();
    state.with_store(|store| capture::mark_typed(store, &incident, key, &at, &now, SOURCE))
}

#[tauri::command]
#[specta::specta]
pub async fn add_action_item(state: State<'_, AppState>, incident: String, item: NewActionItem) -> Reply<ActionItem> {
    state.with_store(|store| store.add_action_item(&incident, item))
}

#[tauri::command]
#[specta::specta]
pub async fn update_action_item(
    state: State<'_, AppState>,
    incident: String,
    number: i64,
    change: ActionChange,
) -> Reply<ActionItem> {
    state.with_store(|store| store.update_action_item(&incident, number, change))
}
