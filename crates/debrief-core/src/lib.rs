//! Debrief's domain, shared by the `debrief` command and the desktop app.
//!
//! Everything a shell needs to capture an incident lives here: the model
//! ([`model`]), the durable timeline store ([`store`]), the parsing and display
//! of times ([`time`]) and of what a responder types ([`capture`]), and the
//! imports that fill a timeline from chat exports, chat logs, git and other
//! responders ([`import`]). Nothing in this crate prints to a terminal or knows
//! about windows: shells call one function and present its result or its [`Error`].

pub mod capture;
pub mod config;
mod error;
pub mod id;
pub mod import;
pub mod index;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod postmortem;
pub mod publish;
pub mod secrets;
pub mod store;
pub mod time;

pub use error::{Error, Result};
pub use model::{
    ActionItem, ActionStatus, ActionType, Edit, EditedField, Entry, EntryKind, Incident, IncidentKind, KeyTime,
    LinkKind, Participant, PostmortemStatus, Severity, Status,
};
pub use store::{ActionChange, EntryChange, IncidentUpdate, NewActionItem, NewEntry, NewIncident, Store};
