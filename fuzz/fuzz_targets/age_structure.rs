//! The checks the server makes on age files sealed elsewhere (header, header length,
//! payload length): never a panic, and consistent with each other.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let header = candor_core::seal::age_header_len(data);
    if let Some(len) = header {
        assert!(len <= data.len());
        assert!(data.starts_with(b"age-encryption.org/v1\n"));
        let _ = candor_core::seal::is_age_payload_length((data.len() - len) as u64);
    }
    if candor_core::seal::is_age_header(data) {
        assert!(header.is_some(), "a header age accepts has a length");
    }
});
