//! The reporter submission parser (multipart form → sealed blobs), end to end against a
//! real store: arbitrary bodies are refused cleanly or parsed, never a panic.
#![no_main]

use std::sync::LazyLock;

use candor_store::Store;
use libfuzzer_sys::fuzz_target;

struct Fixture {
    runtime: tokio::runtime::Runtime,
    store: std::sync::Arc<dyn Store>,
    recipients: Vec<age::x25519::Recipient>,
    _dir: tempfile::TempDir,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("fuzz.db").display());
    let store = runtime.block_on(candor_store::open(&url, &dir.path().join("blobs"))).expect("store");
    Fixture {
        runtime,
        store,
        recipients: vec![age::x25519::Identity::generate().to_public()],
        _dir: dir,
    }
});

fuzz_target!(|data: &[u8]| {
    let f = &*FIXTURE;
    let _ = f.runtime.block_on(candor_server::reporter::parse_submission_body(&*f.store, &f.recipients, data.to_vec()));
});
