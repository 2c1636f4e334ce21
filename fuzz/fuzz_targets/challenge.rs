//! The sign-in challenge a workstation decrypts: whatever a hostile server encrypts to the
//! reviewer must be refused or accepted without a panic, and only the one shape accepted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if candor_core::api::challenge::check(data, "alice").is_ok() {
        let text = std::str::from_utf8(data).expect("accepted text is UTF-8");
        assert!(text.starts_with("candor.challenge/v1\nreviewer alice\nnonce "));
        assert_eq!(data.len(), "candor.challenge/v1\nreviewer alice\nnonce \n".len() + 64);
    }
    let _ = candor_core::api::challenge::answer(data);
});
