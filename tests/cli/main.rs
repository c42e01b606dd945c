//! End-to-end tests of the `debrief` binary: every command run as a person or a
//! script would, against a temporary data directory.

// A test's helpers may unwrap: a panic there is the test failing, with its message.
#![allow(clippy::unwrap_used)]

mod action;
mod bad_input;
mod bounded;
mod browse;
mod capture;
mod claims;
mod commands;
mod concurrency;
mod durability;
mod factors;
mod faults;
mod follow_through;
mod imports;
mod lint;
mod live;
mod postmortem;
mod progress;
mod publish;
mod regression;
mod remotes;
mod render;
mod signing;
mod similar;
mod soak;
mod starter;
mod transport;
mod util;
mod writeup;
