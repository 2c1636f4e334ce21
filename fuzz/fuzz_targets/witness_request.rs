//! The body of a witness's `POST /add-checkpoint`, as anyone on the network may send it:
//! any bytes are either a request that survives a round trip or a clear error.
#![no_main]

use candor_witness::request::AddCheckpoint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match AddCheckpoint::parse(data) {
        Ok(request) => {
            assert_eq!(AddCheckpoint::parse(&request.to_body()).as_ref(), Ok(&request));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
