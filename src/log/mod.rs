//! Format and cryptography core of Candor's sealed status log.
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
//! - [`entry`] — Candor's entries (public: kind, day, salted commitment) and
//!   their openings (private: what the entry commits to).
//! - [`certificate`] — what a reporter carries: opening, signed entry, proof.
//! - [`service`] — the server side: keys, batched integration, tiles,
//!   certificates, cosignatures, statistics.
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
pub mod entry;
pub mod merkle;
pub mod note;
pub mod proof;
pub mod service;
pub mod subtree;
pub mod tiles;

#[cfg(test)]
mod test_vectors;

#[cfg(test)]
mod subtree_vectors;

#[cfg(test)]
mod e2e_tests;
