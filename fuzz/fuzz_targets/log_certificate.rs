//! Certificates (`candor_log::certificate`), what `candor verify` reads from a file a
//! reporter was given: parsing never panics and a certificate that parses round-trips
//! (checked in `fuzz_parse_certificate`); full verification with the seeds' log, body and
//! witness keys never panics, and a certificate that verifies is consistent (its entry is
//! its opening's, its index is inside the checkpoint). The seeds in
//! `fuzz/seeds/log_certificate/` are real certificates (report received, protection
//! granted, status recognized without the witness's cosignature).
#![no_main]

use std::sync::OnceLock;

use candor_log::certificate::{Certificate, fuzz_parse_certificate};
use candor_log::note::Verifier;
use libfuzzer_sys::fuzz_target;

/// The keys of the seeds: log `Signer::from_seed(.., &[1; 32])`, body `[2; 32]`, witness
/// `Cosigner::from_seed(.., &[3; 32])`.
const LOG_VKEY: &str = "candor.example/log+7d21eb43+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c";
const BODY_VKEY: &str =
    "body.example/decisions+f752d3f2+AYE5dw6ofRdfVqNUZsNMfszLjYqRtO43ol32D1uPybOU";
const WITNESS_VKEY: &str = "witness.example+ade2488a+BO1JKMYo0cLG6ukDOJBZlWEpWSc6XGP5NjbBRhSshzfR";

struct Keys {
    log: Verifier,
    body: Verifier,
    witness: Verifier,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys {
        log: Verifier::from_vkey(LOG_VKEY).expect("a valid vkey"),
        body: Verifier::from_vkey(BODY_VKEY).expect("a valid vkey"),
        witness: Verifier::from_vkey(WITNESS_VKEY).expect("a valid vkey"),
    })
}

fuzz_target!(|data: &[u8]| {
    fuzz_parse_certificate(data);
    let Ok(certificate) = Certificate::parse(data) else {
        return;
    };
    let k = keys();
    for witnesses in [&[][..], std::slice::from_ref(&k.witness)] {
        if let Ok(v) = certificate.verify(&k.log, &k.body, witnesses) {
            assert_eq!(v.entry, v.opening.entry());
            assert!(v.index < v.checkpoint_size);
            assert_eq!(v.checked_cosignatures.len(), witnesses.len());
            let _ = v.summary();
        }
    }
});
