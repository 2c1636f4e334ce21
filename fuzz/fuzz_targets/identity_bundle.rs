//! Identity bundles (`candor_core::identity`): the text a server hands a custodian's
//! workstation, who must not trust it. Parsing never panics, stays within its bounds, and
//! whatever parses formats back to the same bytes (checked in `fuzz_parse`). The seed in
//! `fuzz/seeds/identity_bundle/` is a real bundle: three custodians, a threshold of two.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    candor_core::identity::fuzz_parse(data);
});
