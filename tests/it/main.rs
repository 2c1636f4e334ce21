//! Candor's integration tests, one binary (as ripgrep's): each module drives the real
//! `candor` binary on loopback, through HTTP, the command line, a browser with JavaScript
//! off, or a private Tor network, with the harness of `candor-testkit`.
//!
//! Run one module with `cargo test --test it workstation::`, one test by its name.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod browser_followup;
mod browser_intake;
mod browser_workstation;
mod cli;
mod files;
mod followup;
mod holder;
mod identity;
mod intake;
mod languages;
mod log;
mod reprisal;
mod scale;
mod statistics;
mod storage;
mod witness;
mod workspace;
mod workstation;
