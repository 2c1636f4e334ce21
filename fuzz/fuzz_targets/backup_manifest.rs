//! A backup's manifest (a backup folder may have been tampered with): any text is either
//! a list of plain relative paths with their hashes or a clear error with a line number.
#![no_main]

use candor_server::backup::parse_manifest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(listed) = parse_manifest(text) {
        for path in listed.keys() {
            assert!(!path.is_empty() && !path.starts_with('/'));
            assert!(!path.split('/').any(|c| c == ".." || c == "." || c.is_empty()));
        }
    }
});
