//! Configuration files: any text is either a valid configuration or one clear error line.
#![no_main]

use candor_server::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::from_toml_str(text) {
        Ok(config) => assert!(!config.reviewers.is_empty()),
        Err(err) => {
            let line = err.to_string();
            assert!(line.starts_with("setting `"));
        }
    }
});
