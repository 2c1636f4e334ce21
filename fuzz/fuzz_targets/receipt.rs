//! Receipt codes typed by a reporter: parsing and normalization never panic, and a code
//! that parses is a fixed point of normalization.
#![no_main]

use candor_core::receipt::Receipt;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = Receipt::parse(text) {
        let again = Receipt::parse(code.expose()).expect("a normalized code parses");
        assert_eq!(again.expose(), code.expose());
        assert_eq!(code.expose().split(' ').count(), candor_core::receipt::WORDS);
    }
});
