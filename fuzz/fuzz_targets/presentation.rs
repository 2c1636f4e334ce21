//! Presentations (`candor_log::presentation`): what a certificate's holder hands a
//! verifier, who must not trust it. Parsing the signed note, reading its lines and
//! normalizing a challenge never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    candor_log::presentation::fuzz_parse_presentation(data);
});
