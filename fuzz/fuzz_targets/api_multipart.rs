//! The reviewer API's parser of sealed replies (multipart body → age parts → items),
//! end to end against a real store: arbitrary bodies are refused cleanly or parsed, never
//! a panic; whatever parses has at least one item.
#![no_main]

use std::sync::LazyLock;

use candor_store::Store;
use libfuzzer_sys::fuzz_target;

struct Fixture {
    runtime: tokio::runtime::Runtime,
    store: std::sync::Arc<dyn Store>,
    _dir: tempfile::TempDir,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("fuzz.db").display());
    let store = runtime.block_on(candor_store::open(&url, &dir.path().join("blobs"))).expect("store");
    Fixture {
        runtime,
        store,
        _dir: dir,
    }
});

fuzz_target!(|data: &[u8]| {
    let f = &*FIXTURE;
    if let Ok(items) = f
        .runtime
        .block_on(candor_server::reviewer_api::parse_sealed_message_body(&*f.store, data.to_vec()))
    {
        assert!(items > 0);
    }
});
