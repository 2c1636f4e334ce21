//! The words a reporter agrees that certificates may name them by (the `issued_to` part of
//! `/case`, `candor_core::identity::normalize_issued_to`), read by the server and again by
//! each workstation: refused or one normal line within its bound, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    candor_core::identity::fuzz_issued_to(data);
});
