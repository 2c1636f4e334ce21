//! A bulk answer as a seized server may send it to a workstation: any bytes are either the
//! ciphertexts asked for, in order and of the announced sizes, or a clear error; never a
//! panic, and never more bytes than asked for or than the limit.
#![no_main]

use candor_core::api::{BulkItem, BulkPart};
use candor_workstation::client::BulkAnswer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sizes, body)) = data.split_first() else { return };
    let wanted = [
        (BulkItem { id: 1, part: BulkPart::Content }, u64::from(sizes & 0x0f)),
        (BulkItem { id: 1, part: BulkPart::Meta }, u64::from(sizes >> 4)),
        (BulkItem { id: 9, part: BulkPart::Content }, 3),
    ];
    let reader = futures_util::io::Cursor::new(body.to_vec());
    let mut answer = BulkAnswer::from_reader(reader);
    futures_executor(async move {
        for (item, size) in wanted {
            match answer.next_bytes(item, size, 8).await {
                Ok(bytes) => assert_eq!(bytes.len() as u64, size),
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    return;
                }
            }
        }
    });
});

/// Runs a future on the current thread (the reader never waits).
fn futures_executor(future: impl std::future::Future<Output = ()>) {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(future);
}
