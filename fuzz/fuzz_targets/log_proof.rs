//! c2sp.org/tlog-proof@v1 proofs (`candor_log::proof`): parsing never panics and a proof
//! that parses formats back to the same bytes (checked in `fuzz_parse_proof`); verifying a
//! parsed proof for the seeds' entry 41 under the seeds' log key never panics, and a proof
//! that verifies has its index inside the checkpoint's tree. The seeds in
//! `fuzz/seeds/log_proof/` are real proofs from a log of 1,000 entries and of 1 entry.
#![no_main]

use std::sync::OnceLock;

use candor_log::checkpoint::CheckpointVerifier;
use candor_log::note::Verifier;
use candor_log::proof::{TlogProof, fuzz_parse_proof};
use libfuzzer_sys::fuzz_target;

const ORIGIN: &str = "candor.example/log";
/// The log key of the seeds (`Signer::from_seed(ORIGIN, &[1; 32])`).
const LOG_VKEY: &str = "candor.example/log+7d21eb43+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c";
/// The entry proved by `index41_cosigned.tlog-proof` and `index0_size1.tlog-proof` (a
/// signed `report-received` entry note).
const ENTRY: &[u8] = include_bytes!("../seeds/log_note/entry_report_received.note");

fn policy() -> &'static CheckpointVerifier {
    static POLICY: OnceLock<CheckpointVerifier> = OnceLock::new();
    POLICY.get_or_init(|| {
        CheckpointVerifier::new(ORIGIN, Verifier::from_vkey(LOG_VKEY).expect("a valid vkey"))
            .expect("a valid policy")
    })
}

fuzz_target!(|data: &[u8]| {
    fuzz_parse_proof(data);
    if let Ok(proof) = TlogProof::parse(data)
        && let Ok(signed) = proof.verify(ENTRY, policy())
    {
        assert!(proof.index() < signed.checkpoint().size());
        assert_eq!(signed.checkpoint(), proof.unverified_checkpoint());
    }
});
