//! Candor's server: what runs on the body's host, reachable through its onion services.
//!
//! A report's path: [`web`] receives the reporter's form (`web::submit`) and streams it
//! through the intake pipeline (`web::intake`: multipart, limits, sealing with age) into
//! the store (`candor_store`); the receipt's sign-in and the case page are
//! `web::followup`; the reviewers' workstations reach the case through the reviewer API
//! (`web::api`); decisions and receipts enter the sealed status log through
//! [`log_service`], which the public reads as checkpoints and tiles (`web::log`).
#![forbid(unsafe_code)]

pub mod config;
pub mod conversation;
pub mod log_service;
pub mod server;
pub mod web;
