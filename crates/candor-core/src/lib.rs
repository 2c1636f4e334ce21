//! What both sides of Candor share: days and the legal clocks, sealing with age, the
//! receipt and what is derived from it, the reviewer API's wire types, and the domain
//! (a case's status, authors, items, file metadata, the conversation's sealing rules).
//!
//! The server (`candor-server`) and the workstation (`candor-workstation`) both build on
//! this crate and never on each other.
#![forbid(unsafe_code)]

pub mod api;
pub mod conversation;
pub mod days;
pub mod domain;
pub mod filename;
pub mod identity;
pub mod multipart;
pub mod receipt;
pub mod seal;
