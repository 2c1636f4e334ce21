//! Witness policy files: any text is a policy or a clear error naming a line; never a
//! panic, and a policy's quorum is decided for any set of cosignatures.
#![no_main]

use candor_log::policy::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Policy::parse(text) {
        Ok(policy) => {
            let _ = policy.satisfied_by(&[]);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
