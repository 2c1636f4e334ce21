//! C2SP checkpoints (`candor_log::checkpoint`): bodies and signed checkpoints never panic
//! the parser and bodies round-trip (checked in `fuzz_parse_checkpoint`); verifying under a
//! policy (the seeds' log key and one witness, quorum 0 and 1) never panics, and what
//! verifies has the policy's origin and is signed by the log. The seeds in
//! `fuzz/seeds/log_checkpoint/` are real bodies and signed, cosigned checkpoints.
#![no_main]

use std::sync::OnceLock;

use candor_log::checkpoint::{CheckpointVerifier, fuzz_parse_checkpoint};
use candor_log::note::Verifier;
use libfuzzer_sys::fuzz_target;

const ORIGIN: &str = "candor.example/log";
/// The keys that signed the seeds (`Signer::from_seed(ORIGIN, &[1; 32])` and the witness
/// `Cosigner::from_seed("witness.example", &[3; 32])`).
const LOG_VKEY: &str = "candor.example/log+7d21eb43+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c";
const WITNESS_VKEY: &str = "witness.example+ade2488a+BO1JKMYo0cLG6ukDOJBZlWEpWSc6XGP5NjbBRhSshzfR";

fn policies() -> &'static [CheckpointVerifier; 2] {
    static POLICIES: OnceLock<[CheckpointVerifier; 2]> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let log = Verifier::from_vkey(LOG_VKEY).expect("a valid vkey");
        let witness = Verifier::from_vkey(WITNESS_VKEY).expect("a valid vkey");
        [
            CheckpointVerifier::new(ORIGIN, log.clone()).expect("a valid policy"),
            CheckpointVerifier::with_witnesses(ORIGIN, log, vec![witness], 1)
                .expect("a valid policy"),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    fuzz_parse_checkpoint(data);
    for (quorum, policy) in policies().iter().enumerate() {
        if let Ok(signed) = policy.verify(data) {
            assert_eq!(signed.checkpoint().origin(), ORIGIN);
            assert!(signed.cosignatures().len() >= quorum);
        }
    }
});
