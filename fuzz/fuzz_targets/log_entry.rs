//! Candor log entries and openings (`candor_log::entry`): parsing never panics, whatever
//! parses formats back to the same text, and an opening's commitment is the hash of its
//! text (all checked in `fuzz_parse`). The seeds in `fuzz/seeds/log_entry/` are real
//! entries and openings (report received, protection granted, status recognized).
#![no_main]

use candor_log::entry::fuzz_parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_parse(data);
});
