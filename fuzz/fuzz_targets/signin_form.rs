//! The sign-in form (`POST /followup`, urlencoded): any body gives a receipt code or a
//! clear refusal, never a panic; a code that comes out is in normal form.
#![no_main]

use candor_server::reporter::parse_signin_form;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = parse_signin_form(data) {
        assert_eq!(code.expose().split(' ').count(), candor_core::receipt::WORDS);
        assert_eq!(code.expose(), code.expose().to_lowercase());
    }
});
