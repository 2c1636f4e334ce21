//! Candor log entries and openings (`candor_log::entry`), versions 1 and 2: parsing never
//! panics, whatever parses formats back to the same text, and an opening's commitment is
//! the hash of its text (all checked in `fuzz_parse`). The same text is then counted by
//! the statistics (`candor_log::stats`) and both files rendered. The seeds in
//! `fuzz/seeds/log_entry/` are real entries and openings (report received, protection
//! granted, status recognized; a version-2 closure and follow-up).
#![no_main]

use candor_log::entry::fuzz_parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_parse(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let mut tally = candor_log::stats::Tally::default();
        tally.add_text(text);
        let stats = tally.statistics("fuzz", 1, 5);
        let _ = (stats.to_csv(), stats.to_json());
    }
});
