//! Draft: the post-mortem editor, its wording checks and preview, the incident's facts,
//! key times, contributing factors (with the team's themes) and action items.

use debrief_core::factors::Theme;
use debrief_core::lint::Finding;
use debrief_core::postmortem::Mismatch;
use debrief_core::postmortem::html::{SafeHtml, safe_html};
use debrief_core::store::EditableDraft;
use debrief_core::workspace::AddedActionItem;
use debrief_core::{
    ActionChange, ActionItem, ContributingFactor, Entry, FactorChange, Incident, IncidentFacts, KeyTime, NewActionItem,
    NewFactor,
};
use tauri::State;

use super::{AppState, Reply, SOURCE};

/// The draft as the editor shows it; one that does not exist yet starts from the team's template.
#[tauri::command]
#[specta::specta]
pub async fn open_draft(state: State<'_, AppState>, incident: String) -> Reply<EditableDraft> {
    state.call("opening the draft", move |workspace| workspace.open_draft(&incident)).await
}

/// Keeps the edited prose; answers with the draft as it now is, regions refreshed.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(state: State<'_, AppState>, incident: String, body: String) -> Reply<EditableDraft> {
    state.call("saving the draft", move |workspace| workspace.save_draft_body(&incident, &body)).await
}

/// The wording checker's findings in `text`, with the team's rules; byte offsets into `text`.
#[tauri::command]
#[specta::specta]
pub async fn check_wording(state: State<'_, AppState>, text: String) -> Reply<Vec<Finding>> {
    state.call("wording check", move |workspace| workspace.check_wording(&text)).await
}

/// The times, durations and citations in `text` (the draft's prose) that the incident's
/// timeline does not hold; byte offsets into `text`.
#[tauri::command]
#[specta::specta]
pub async fn check_claims(state: State<'_, AppState>, incident: String, text: String) -> Reply<Vec<Mismatch>> {
    state.call("check against the timeline", move |workspace| workspace.check_claims(&incident, &text)).await
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
    state.call("saving the facts", move |workspace| workspace.set_facts(&incident, facts)).await
}

/// Corrects the incident's start to a typed moment (`14:05`, `-20m`, a full date and time).
#[tauri::command]
#[specta::specta]
pub async fn set_start(state: State<'_, AppState>, incident: String, at: String) -> Reply<Incident> {
    state.call("correcting the start", move |workspace| workspace.set_start_typed(&incident, &at)).await
}

/// Marks a key time at a typed moment (`14:05`, `-20m`, a full date and time).
#[tauri::command]
#[specta::specta]
pub async fn set_key_time(state: State<'_, AppState>, incident: String, key: KeyTime, at: String) -> Reply<Entry> {
    state.call("marking a key time", move |workspace| workspace.mark_typed(&incident, key, &at, SOURCE)).await
}

/// Adds an action item; one without a due date gets the team's policy's date for the incident's
/// severity, and the answer says so.
#[tauri::command]
#[specta::specta]
pub async fn add_action_item(
    state: State<'_, AppState>,
    incident: String,
    item: NewActionItem,
) -> Reply<AddedActionItem> {
    let today = chrono::Local::now().date_naive();
    state.call("adding an action item", move |workspace| workspace.add_action_item(&incident, item, today)).await
}

#[tauri::command]
#[specta::specta]
pub async fn update_action_item(
    state: State<'_, AppState>,
    incident: String,
    number: i64,
    change: ActionChange,
) -> Reply<ActionItem> {
    state
        .call("updating an action item", move |workspace| workspace.update_action_item(&incident, number, change))
        .await
}

/// The team's contributing-factor themes, from the shared repository as this laptop last saw it
/// (Debrief's defaults where the team keeps none).
#[tauri::command]
#[specta::specta]
pub async fn factor_themes(state: State<'_, AppState>) -> Reply<Vec<Theme>> {
    state.call("the factor themes", |workspace| Ok(workspace.factor_themes()?.themes)).await
}

/// Adds a contributing factor at the end of the incident's list.
#[tauri::command]
#[specta::specta]
pub async fn add_factor(state: State<'_, AppState>, incident: String, factor: NewFactor) -> Reply<ContributingFactor> {
    state.call("adding a contributing factor", move |workspace| workspace.add_factor(&incident, factor)).await
}

/// Changes a factor's sentence or theme (an empty theme takes it away).
#[tauri::command]
#[specta::specta]
pub async fn update_factor(
    state: State<'_, AppState>,
    incident: String,
    number: i64,
    change: FactorChange,
) -> Reply<ContributingFactor> {
    state
        .call("updating a contributing factor", move |workspace| workspace.update_factor(&incident, number, change))
        .await
}

/// Removes a factor; the ones after it move up a place.
#[tauri::command]
#[specta::specta]
pub async fn remove_factor(state: State<'_, AppState>, incident: String, number: i64) -> Reply<ContributingFactor> {
    state.call("removing a contributing factor", move |workspace| workspace.remove_factor(&incident, number)).await
}
