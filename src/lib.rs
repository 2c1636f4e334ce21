//! Candor: secure whistleblower reporting for an independent body that recognizes
//! whistleblower status. See README.md and SECURITY.md.
#![forbid(unsafe_code)]

pub mod api;
pub mod config;
pub mod conversation;
pub mod days;
pub mod demo;
pub mod keygen;
pub mod log;
pub mod receipt;
pub mod seal;
pub mod server;
pub mod store;
pub mod web;
pub mod workstation;
