//! Reporters' file names: the clean name is always safe and stable, the visible name hides
//! nothing, and numbering never repeats a name.
#![no_main]

use candor_core::filename::{Names, clean, is_invisible, visible, MAX_NAME_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = String::from_utf8_lossy(data);
    let c = clean(&name);
    assert!(!c.is_empty() && c.len() <= MAX_NAME_BYTES);
    assert!(!c.contains(['/', '\\', '"', '<', '>', ':', '|', '?', '*']));
    assert!(!c.chars().any(is_invisible));
    assert_eq!(clean(&c), c);
    assert!(!visible(&name).chars().any(is_invisible));
    let mut names = Names::default();
    let first = names.unique(&name);
    let second = names.unique(&name);
    assert_ne!(first.to_lowercase(), second.to_lowercase());
    assert!(second.len() <= MAX_NAME_BYTES);
});
