//! Candor's server: what runs on the body's host, reachable through its onion services.
//!
//! A report's path: the reporter's form ([`reporter`]`::submit`) streams through the one
//! intake pipeline ([`intake`]: multipart, limits; sealing with age as it arrives) into the
//! store (`candor_store`); the receipt's sign-in and the case page are [`reporter`]'s; the
//! reviewers' workstations reach the case through the reviewer API ([`reviewer_api`], one
//! module per resource); decisions and receipts enter the sealed status log through
//! [`log_service`], which the public reads as checkpoints and tiles ([`public_log`]).
//! [`app`] holds the state and the router; [`server`] the listeners; [`config`] the
//! settings.
#![forbid(unsafe_code)]

pub mod app;
pub mod backup;
pub mod config;
pub mod conversation;
pub mod intake;
pub mod log_service;
pub mod public_log;
pub mod reporter;
pub mod retention;
pub mod reviewer_api;
pub mod server;
pub mod transparency;
pub mod witnessing;
