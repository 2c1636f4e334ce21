//! The pixel stream out of the sandbox (what a compromised converter controls): never a
//! panic, and never a page over the bounds.
#![no_main]

use candor_workstation::files::safe_view::pixels::{Bounds, Reader, Record, MAGIC};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = MAGIC.to_vec();
    input.extend_from_slice(data);
    let bounds = Bounds { max_pages: 4, max_side: 64 };
    let mut reader = Reader::new(&input[..], bounds);
    for _ in 0..8 {
        match reader.next_record() {
            Ok(Record::Page { width, height, rgb }) => {
                assert!(width <= 64 && height <= 64);
                assert_eq!(rgb.len(), width as usize * height as usize * 3);
            }
            Ok(_) | Err(_) => break,
        }
    }
});
