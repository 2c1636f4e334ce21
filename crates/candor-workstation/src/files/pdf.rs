//! What a PDF can do when opened, and what its document information says: a scanner in the
//! manner of Didier Stevens' `pdfid`, not a PDF parser. It reads the file's bytes and the
//! contents of its Flate-compressed streams (where object streams hide dictionaries), looks
//! for the names that make a PDF act (`/JavaScript`, `/OpenAction`, `/Launch`…, with `#xx`
//! escapes decoded, as attackers use them to hide), and reads the strings after the
//! document information keys and `/URI`.
//!
//! Written by hand because a full parser (`lopdf`) loads and decompresses the whole
//! document, with no bound on memory for a hostile one; this scanner is bounded: at most
//! [`MAX_STREAMS`] streams, [`MAX_INFLATED`] bytes out of each and [`MAX_TOTAL`] in all.

use std::io::Read;

use candor_ui::text::Words;
use candor_ui::words;

use super::metadata::{Findings, Label, find, xmp};

const MAX_STREAMS: usize = 4096;
const MAX_INFLATED: u64 = 8 * 1024 * 1024;
const MAX_TOTAL: u64 = 64 * 1024 * 1024;
const MAX_STRING: usize = 1024;

/// What makes a PDF act when opened or clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Active {
    JavaScript,
    OpenAction,
    PageActions,
    Launch,
    SubmitForm,
    ImportData,
    EmbeddedFiles,
    RichMedia,
    Xfa,
    RemoteLinks,
}

impl Active {
    /// What it means to a reviewer.
    pub fn words(self) -> Words {
        match self {
            Active::JavaScript => words!("file-pdf-javascript"),
            Active::OpenAction => words!("file-pdf-open-action"),
            Active::PageActions => words!("file-pdf-page-actions"),
            Active::Launch => words!("file-pdf-launch"),
            Active::SubmitForm => words!("file-pdf-submit-form"),
            Active::ImportData => words!("file-pdf-import-data"),
            Active::EmbeddedFiles => words!("file-pdf-embedded-files"),
            Active::RichMedia => words!("file-pdf-rich-media"),
            Active::Xfa => words!("file-pdf-xfa"),
            Active::RemoteLinks => words!("file-pdf-remote-links"),
        }
    }
}

/// Names that make a PDF act when opened or clicked.
const ACTIVE: &[(&str, Active)] = &[
    ("JavaScript", Active::JavaScript),
    ("JS", Active::JavaScript),
    ("OpenAction", Active::OpenAction),
    ("AA", Active::PageActions),
    ("Launch", Active::Launch),
    ("SubmitForm", Active::SubmitForm),
    ("ImportData", Active::ImportData),
    ("EmbeddedFile", Active::EmbeddedFiles),
    ("EmbeddedFiles", Active::EmbeddedFiles),
    ("RichMedia", Active::RichMedia),
    ("XFA", Active::Xfa),
    ("GoToR", Active::RemoteLinks),
];

const INFO: &[(&str, Label)] = &[
    ("Author", Label::Author),
    ("Creator", Label::MadeWith),
    ("Producer", Label::ProducedBy),
    ("Title", Label::Title),
    ("Subject", Label::Subject),
    ("Keywords", Label::Keywords),
    ("CreationDate", Label::Created),
    ("ModDate", Label::Changed),
    ("Company", Label::Company),
];

/// Scans a PDF; returns the active features found (for the warnings).
pub fn scan(bytes: &[u8], found: &mut Findings) -> Vec<Active> {
    let mut active: Vec<Active> = Vec::new();
    scan_body(bytes, found, &mut active);
    xmp(bytes, found);
    let mut total = 0u64;
    for (streams, stream) in streams(bytes).enumerate() {
        if streams >= MAX_STREAMS || total >= MAX_TOTAL {
            break;
        }
        let mut out = Vec::new();
        let limit = MAX_INFLATED.min(MAX_TOTAL - total);
        if flate2::read::ZlibDecoder::new(stream)
            .take(limit)
            .read_to_end(&mut out)
            .is_err()
            && out.is_empty()
        {
            continue;
        }
        total += out.len() as u64;
        scan_body(&out, found, &mut active);
        xmp(&out, found);
    }
    active
}

/// The bytes between each `stream` keyword and the next `endstream`.
fn streams(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        loop {
            let start = find(rest, b"stream")?;
            // Not the end of an "endstream".
            let is_end = start >= 3 && &rest[start - 3..start] == b"end";
            let mut body = &rest[start + 6..];
            if is_end {
                rest = body;
                continue;
            }
            if body.starts_with(b"\r\n") {
                body = &body[2..];
            } else if body.starts_with(b"\n") || body.starts_with(b"\r") {
                body = &body[1..];
            }
            let end = find(body, b"endstream").unwrap_or(body.len());
            rest = &body[end..];
            return Some(&body[..end]);
        }
    })
}

/// Every PDF name in `body`, `#xx` escapes decoded; active names counted, document
/// information and URIs read.
fn scan_body(body: &[u8], found: &mut Findings, active: &mut Vec<Active>) {
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'/' {
            i += 1;
            continue;
        }
        let (name, next) = read_name(body, i + 1);
        i = next;
        if let Some((_, meaning)) = ACTIVE.iter().find(|(n, _)| n.as_bytes() == name) {
            if !active.contains(meaning) {
                active.push(*meaning);
            }
        } else if name == b"URI" {
            if let Some(uri) = read_string(body, i) {
                found.add("PDF", Label::Link, &uri);
            }
        } else if let Some((_, label)) = INFO.iter().find(|(n, _)| n.as_bytes() == name)
            && let Some(value) = read_string(body, i)
        {
            found.add("PDF", *label, &value);
        }
    }
}

fn read_name(body: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    let mut name = Vec::new();
    while i < body.len() && name.len() < 64 {
        let b = body[i];
        if b.is_ascii_whitespace() || b"/()<>[]{}%".contains(&b) {
            break;
        }
        if b == b'#'
            && let Some(hex) = body.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(&String::from_utf8_lossy(hex), 16)
        {
            name.push(v);
            i += 3;
            continue;
        }
        name.push(b);
        i += 1;
    }
    (name, i)
}

/// A literal `( … )` or hex `< … >` string after optional whitespace, decoded (UTF-16 with a
/// byte-order mark, else Latin-1 as PDFDocEncoding mostly is).
fn read_string(body: &[u8], mut i: usize) -> Option<String> {
    while i < body.len() && body[i].is_ascii_whitespace() {
        i += 1;
    }
    let mut raw = Vec::new();
    match body.get(i)? {
        b'(' => {
            let mut depth = 1;
            i += 1;
            while i < body.len() && raw.len() < MAX_STRING {
                let b = body[i];
                match b {
                    b'\\' => {
                        let e = *body.get(i + 1)?;
                        i += 1;
                        match e {
                            b'n' => raw.push(b'\n'),
                            b'r' => raw.push(b'\r'),
                            b't' => raw.push(b'\t'),
                            b'0'..=b'7' => {
                                let mut v = 0u32;
                                let mut n = 0;
                                while n < 3 && i < body.len() && (b'0'..=b'7').contains(&body[i]) {
                                    v = v * 8 + u32::from(body[i] - b'0');
                                    i += 1;
                                    n += 1;
                                }
                                raw.push(v as u8);
                                continue;
                            }
                            b'\n' | b'\r' => {}
                            other => raw.push(other),
                        }
                    }
                    b'(' => {
                        depth += 1;
                        raw.push(b);
                    }
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        raw.push(b);
                    }
                    _ => raw.push(b),
                }
                i += 1;
            }
        }
        b'<' if body.get(i + 1) != Some(&b'<') => {
            let hex: Vec<u8> = body[i + 1..]
                .iter()
                .take_while(|b| **b != b'>')
                .filter(|b| b.is_ascii_hexdigit())
                .take(MAX_STRING * 2)
                .copied()
                .collect();
            for pair in hex.chunks(2) {
                let s = String::from_utf8_lossy(pair);
                let s = if pair.len() == 1 {
                    format!("{s}0")
                } else {
                    s.into()
                };
                raw.push(u8::from_str_radix(&s, 16).ok()?);
            }
        }
        _ => return None,
    }
    Some(decode_text(&raw))
}

fn decode_text(raw: &[u8]) -> String {
    if let Some(utf16) = raw.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = raw.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    raw.iter().map(|b| char::from(*b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_active_content_and_information() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R /Names << /J#61vaScript 3 0 R >> >> endobj\n\
            2 0 obj << /S /URI /URI (http://127.0.0.1:9/x) >> endobj\n\
            4 0 obj << /Author (Jane \\(J\\) Doe) /Producer <FEFF00410042> >> endobj\n";
        let mut found = Findings::default();
        let active = scan(pdf, &mut found);
        assert!(active.contains(&Active::JavaScript), "{active:?}");
        assert!(active.contains(&Active::OpenAction));
        let values: Vec<(Label, &str)> = found
            .fields
            .iter()
            .map(|f| (f.name, f.value.as_str()))
            .collect();
        assert!(
            values.contains(&(Label::Author, "Jane (J) Doe")),
            "{values:?}"
        );
        assert!(values.contains(&(Label::ProducedBy, "AB")));
        assert!(values.contains(&(Label::Link, "http://127.0.0.1:9/x")));
    }

    #[test]
    fn reads_inside_compressed_streams() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"<< /Author (Hidden Author) /JS (app.alert(1)) >>")
            .expect("compress");
        let mut pdf =
            b"%PDF-1.5\n5 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend(z.finish().expect("compress"));
        pdf.extend(b"\nendstream\nendobj\n");
        let mut found = Findings::default();
        let active = scan(&pdf, &mut found);
        assert!(active.contains(&Active::JavaScript));
        assert!(found.fields.iter().any(|f| f.value == "Hidden Author"));
    }

    proptest::proptest! {
        #[test]
        fn scanning_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let mut found = Findings::default();
            let _ = scan(&bytes, &mut found);
        }

        #[test]
        fn strings_never_panic(s in "[()<>\\\\/a-zA-Z0-9 #]{0,200}") {
            let mut found = Findings::default();
            let _ = scan(format!("/Author {s} /URI {s}").as_bytes(), &mut found);
        }
    }
}
