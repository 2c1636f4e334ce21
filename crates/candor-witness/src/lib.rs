//! A witness ([C2SP tlog-witness v1](https://c2sp.org/tlog-witness)): a partner body runs
//! it for the logs it watches, and cosigns ([tlog-cosignature](https://c2sp.org/tlog-cosignature))
//! each checkpoint only once it has seen it extend the last one it cosigned. Two bodies
//! that witness each other's logs make it impossible for either to show different
//! histories to different people without one of them noticing.
//!
//! - [`request`]: the `add-checkpoint` body, parsed with bounds on size and lines.
//! - [`state`]: what the witness saw of each log, written durably before it answers.
//! - [`serve`]: the configuration and the HTTP server.
//!
//! Written by hand: no maintained Rust crate serves tlog-witness; the formats and the
//! cryptography (notes, checkpoints, consistency proofs) are `candor-log`'s.
#![forbid(unsafe_code)]

pub mod request;
pub mod serve;
pub mod state;

pub use serve::{Config, WitnessError, serve};
