//! Debrief's domain, shared by the `debrief` command and the desktop app.
//!
//! Everything the shells do lives here: the model ([`model`]) and the durable
//! timeline store ([`store`]); the times and lines responders type ([`time`],
//! [`capture`]); imports that fill a timeline from chat exports, chat logs, git
//! and other responders ([`import`]); post-mortem documents ([`postmortem`]) and
//! the wording checker that reads them ([`lint`]); the team's follow-up policy
//! ([`policy`]); the themes their contributing factors are sorted under ([`factors`]);
//! secrets found before
//! publishing ([`secrets`]); publishing into the shared git repository
//! ([`publish`]) and the browse index built from it ([`index`]). Nothing in this
//! crate prints to a terminal or knows about windows: shells call one function
//! and present its result or its [`Error`].

// The core never prints: shells present its results and errors.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod bounded;
pub mod capture;
pub mod config;
pub mod encoding;
mod error;
pub mod factors;
pub mod files;
pub mod id;
pub mod import;
pub mod index;
pub mod lint;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod policy;
pub mod postmortem;
pub mod progress;
pub mod publish;
pub mod secrets;
pub mod store;
pub mod time;
pub mod workspace;

pub use error::{Error, Result, shell_word};
pub use model::{
    ActionItem, ActionStatus, ActionType, ContributingFactor, Edit, EditedField, Entry, EntryKind, Incident,
    IncidentKind, KeyTime, LinkKind, Participant, PostmortemStatus, Severity, StartCause, StartEdit, Status,
};
pub use store::{
    ActionChange, EntryChange, FactorChange, IncidentFacts, IncidentUpdate, IncidentUse, NewActionItem, NewEntry,
    NewFactor, NewIncident, Store, TemplateChoice,
};
pub use workspace::Workspace;
