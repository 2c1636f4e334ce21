//! Air-gapped bundle manifests (read back from disk by `candor review open`): never a
//! panic, and never a path outside the bundle.
#![no_main]

use candor_workstation::bundle::parse_manifest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(manifest) = parse_manifest(data) {
        for case in &manifest.cases {
            for item in &case.files {
                for path in std::iter::once(&item.content).chain(item.meta.as_ref()) {
                    assert!(!path.starts_with('/') && !path.split('/').any(|c| c == ".." || c.is_empty()));
                }
            }
        }
    }
});
