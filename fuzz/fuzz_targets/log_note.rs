//! C2SP signed notes, signature lines and verifier keys (`candor_log::note`): parsing
//! never panics and round-trips (checked in `fuzz_parse_note`), and verifying a parsed note
//! against the keys of the seeds never panics and only reports signatures of those keys.
//! The seeds in `fuzz/seeds/log_note/` are real notes signed by these keys.
#![no_main]

use std::sync::OnceLock;

use candor_log::note::{Note, Verifier, Verifiers, fuzz_parse_note};
use libfuzzer_sys::fuzz_target;

/// The keys that signed the seeds (`Signer::from_seed(name, &[1; 32])`, `[2; 32]`, and the
/// witness `Cosigner::from_seed(name, &[3; 32])`).
const VKEYS: [&str; 3] = [
    "candor.example/log+7d21eb43+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c",
    "body.example/decisions+f752d3f2+AYE5dw6ofRdfVqNUZsNMfszLjYqRtO43ol32D1uPybOU",
    "witness.example+ade2488a+BO1JKMYo0cLG6ukDOJBZlWEpWSc6XGP5NjbBRhSshzfR",
];

fn known() -> &'static Verifiers {
    static KNOWN: OnceLock<Verifiers> = OnceLock::new();
    KNOWN.get_or_init(|| {
        Verifiers::new(
            VKEYS
                .iter()
                .map(|v| Verifier::from_vkey(v).expect("a valid vkey")),
        )
        .expect("distinct keys")
    })
}

fuzz_target!(|data: &[u8]| {
    fuzz_parse_note(data);
    if let Ok(note) = Note::parse(data)
        && let Ok(verified) = note.verify(known())
    {
        assert_eq!(verified.text(), note.text());
        for s in verified.verified() {
            assert!(known().get(&s.name, s.key_id).is_some());
        }
    }
});
