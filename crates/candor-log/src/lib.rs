//! Format and cryptography core of Candor's sealed status log.
#![forbid(unsafe_code)]
//!
//! An append-only RFC 6962 / RFC 9162 Merkle transparency log, published with
//! the C2SP formats:
//!
//! - [`merkle`] — hashing, the `golang.org/x/mod/sumdb/tlog` storage model
//!   ("stored hash index" order), inclusion and consistency proofs.
//! - [`note`] — c2sp.org/signed-note: Ed25519 signers/verifiers, verifier
//!   keys, and c2sp.org/tlog-cosignature (`cosignature/v1`, type `0x04`).
//! - [`checkpoint`] — c2sp.org/tlog-checkpoint bodies and signed checkpoints.
//! - [`tiles`] — c2sp.org/tlog-tiles: tile coordinates and paths, tile data,
//!   entry bundles, and the client side (authenticated hash reading from tiles).
//! - [`proof`] — c2sp.org/tlog-proof@v1 offline-verifiable inclusion proofs.
//! - [`subtree`] — subtree inclusion and consistency proofs (Merkle Tree Certificates
//!   draft), verified against the transparency-dev vectors.
//! - [`classification`] — the public facts of a version-2 entry (sector, area, outcome,
//!   weeks) that the statistics count.
//! - [`entry`] — Candor's entries (public: kind, day, salted commitment) and
//!   their openings (private: what the entry commits to).
//! - [`stats`] — the published statistics (pages, CSV, JSON), counted from entries.
//! - [`certificate`] — what a reporter carries: opening, signed entry, proof.
//! - [`keys`] — key files: signing keys and verifier keys.
//! - [`day`] — calendar days, the only time an entry carries.
//!
//! This crate is what a court, a journalist or a partner body needs to check a
//! certificate or follow a log: no async runtime, no web or database crate
//! (`examples/verify.rs` checks a certificate with it alone). The server's side (batched
//! integration, tiles from the database) is `candor-server`'s `log_service`.
//!
//! Why not the `signed_note` and `tlog_tiles` crates (Cloudflare's azul): `tlog_tiles`
//! 0.2 implements the Go sumdb tile layout (`tile/<H>/<L>/…` with a height, `data`
//! tiles), not C2SP tlog-tiles (`tile/<L>/…`, `tile/entries/…`); `signed_note` 0.2 has no
//! `cosignature/v1` keys; and both pin ed25519-dalek 2 and sha2 0.10 beside the crate's
//! own. The formats here are small, specified exactly, and checked against every public
//! vector (transparency-dev Merkle cases, C2SP and Go signed-note examples).
//!
//! The format modules do no I/O, keep no global state and never panic on any
//! input: storage is reached through [`merkle::HashReader`] and
//! [`tiles::TileReader`], and every parser of untrusted input returns an
//! error. Each parser has a `fuzz_*` entry point for `cargo fuzz` targets.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod certificate;
pub mod checkpoint;
pub mod classification;
pub mod day;
pub mod entry;
pub mod keys;
pub mod merkle;
pub mod note;
pub mod policy;
pub mod presentation;
pub mod proof;
pub mod stats;
pub mod subtree;
pub mod tiles;

#[cfg(test)]
mod test_vectors;

#[cfg(test)]
mod subtree_vectors;

#[cfg(test)]
mod e2e_tests;
