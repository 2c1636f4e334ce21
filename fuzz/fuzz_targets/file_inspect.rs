//! The workstation's inspection of a reporter's file (true type, EXIF, XMP, PDF scanner,
//! office documents and ZIP archives, markup): never a panic, whatever the bytes. The
//! first byte picks a format's signature to prepend, so every reader is reached.
#![no_main]

use candor_workstation::files::inspect;
use libfuzzer_sys::fuzz_target;

const PREFIXES: &[&[u8]] = &[
    b"",
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    b"\xff\xd8\xff\xe1",
    b"\x89PNG\r\n\x1a\n",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"<svg ",
    b"<x:xmpmeta ",
];

fuzz_target!(|data: &[u8]| {
    let Some((pick, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = PREFIXES[usize::from(*pick) % PREFIXES.len()].to_vec();
    bytes.extend_from_slice(rest);
    let report = inspect("file.pdf", "file.pdf", "application/pdf", &bytes, bytes.len() as u64);
    assert!(report.metadata.len() <= candor_workstation::files::metadata::MAX_FIELDS);
});
