//! Reporters' files, before a reviewer opens them: what each one truly is, what it says
//! about who made it, and why it may be dangerous ([`inspect`]); and a safe view that turns
//! documents into pixels in a sandbox ([`safe_view`]).
//!
//! Inspection runs on the workstation only: the server never sees a file's plaintext. It
//! reads at most [`INSPECT_BYTES`] of a file and never runs or renders anything.

pub mod kind;
pub mod metadata;
pub mod pdf;
pub mod safe_view;
pub mod sanitize;

use serde::Serialize;

use candor_core::filename;
use candor_ui::text::Words;
use candor_ui::words;
pub use kind::{Class, TrueType};
pub use metadata::{Field, Label};

/// At most this much of a file is read to inspect it.
pub const INSPECT_BYTES: usize = 64 * 1024 * 1024;

/// The one sentence said before a reviewer downloads or exports originals.
pub fn offline_advice() -> Words {
    words!("file-offline-advice")
}

/// What the workstation knows about one file before anyone opens it. Its sentences are
/// [`Words`]: a page says them in its language, an export's `manifest.json` in English.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The name the reporter gave, invisible characters written out (`<U+202E>`).
    pub original_name: String,
    /// The name the file is saved under.
    pub saved_as: String,
    /// The type the reporter's browser claimed.
    pub claimed_type: String,
    pub true_type: TrueType,
    pub size: u64,
    /// Reasons for caution, one sentence each.
    pub warnings: Vec<Words>,
    /// Metadata that may identify the reporter, a device or a place.
    pub metadata: Vec<Field>,
    /// For an archive (office documents are ZIP archives): the size of its contents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expands_to: Option<u64>,
}

impl FileReport {
    /// Whether the safe view can convert this kind of file.
    pub fn convertible(&self) -> bool {
        safe_view::Input::for_class(self.true_type.class).is_some()
    }
}

/// Inspects a file: `bytes` is the file, or its first [`INSPECT_BYTES`], `size` its whole
/// size, `name` and `claimed_type` what the reporter's browser sent.
pub fn inspect(
    name: &str,
    saved_as: &str,
    claimed_type: &str,
    bytes: &[u8],
    size: u64,
) -> FileReport {
    let bytes = &bytes[..bytes.len().min(INSPECT_BYTES)];
    let mut true_type = kind::detect(bytes);
    let mut found = metadata::Findings::default();
    if bytes.starts_with(b"PK\x03\x04") {
        metadata::zip_archive(bytes, &mut found);
        // `infer` knows an office document by the order of its first parts; the parts
        // themselves say it whatever their order.
        if let Some((mime, format)) = found.office {
            true_type = TrueType {
                mime: mime.into(),
                class: Class::Office,
                description: words!("file-type-office", format = format),
            };
        }
    }
    let mut warnings = Vec::new();
    if filename::has_invisible(name) {
        warnings.push(words!("file-warn-invisible"));
    }
    if let Some(claimed) = kind::claimed_class(name)
        && !kind::agree(claimed, true_type.class)
    {
        warnings.push(words!(
            "file-warn-mismatch",
            claimed = claimed.words(),
            actual = true_type.description.clone()
        ));
    }
    match true_type.class {
        Class::Executable => warnings.push(words!(
            "file-warn-executable",
            actual = true_type.description.clone()
        )),
        Class::Script => warnings.push(words!("file-warn-script")),
        Class::Html => warnings.push(words!("file-warn-html")),
        Class::Archive => warnings.push(words!("file-warn-archive")),
        _ => {}
    }
    if let Some(claimed) = kind::claimed_class(name)
        && matches!(claimed, Class::Executable | Class::Script)
        && !matches!(true_type.class, Class::Executable | Class::Script)
    {
        warnings.push(words!("file-warn-program-name"));
    }
    if true_type.class != Class::Html && true_type.class != Class::Svg && has_markup(bytes) {
        warnings.push(words!("file-warn-markup"));
    }
    match true_type.class {
        Class::Image => metadata::exif(bytes, &mut found),
        Class::Pdf => {
            let active = pdf::scan(bytes, &mut found);
            if !active.is_empty() {
                let what: Vec<Words> = active.iter().map(|a| a.words()).collect();
                warnings.push(words!("file-warn-pdf-active", what = what));
            }
        }
        Class::Svg | Class::Html => metadata::urls(bytes, &mut found),
        _ => {}
    }
    if true_type.mime == "application/x-ole-storage"
        || true_type.mime == "application/msword"
        || true_type.mime == "application/vnd.ms-excel"
        || true_type.mime == "application/vnd.ms-powerpoint"
    {
        metadata::ole(bytes, &mut found);
    }
    if true_type.class != Class::Pdf {
        metadata::xmp(bytes, &mut found);
    }
    if found.macros {
        warnings.push(words!("file-warn-macros"));
    }
    for url in &found.loads {
        warnings.push(words!("file-warn-loads", url = url.as_str()));
    }
    warnings.extend(found.warnings);
    if found.fields.iter().any(identifying) {
        warnings.push(words!("file-warn-metadata"));
    }
    if (bytes.len() as u64) < size {
        warnings.push(words!(
            "file-warn-partly",
            size = candor_ui::human_size(bytes.len() as u64)
        ));
    }
    FileReport {
        original_name: filename::visible(name),
        saved_as: saved_as.to_string(),
        claimed_type: filename::visible(claimed_type),
        true_type,
        size,
        warnings,
        metadata: found.fields,
        expands_to: found.expands_to,
    }
}

fn identifying(field: &Field) -> bool {
    !matches!(
        field.name,
        Label::MadeWith | Label::ProducedBy | Label::Link
    )
}

/// `<script`, `<html` or `<iframe` in the first 64 KiB, in any case.
fn has_markup(bytes: &[u8]) -> bool {
    let head = bytes[..bytes.len().min(64 * 1024)].to_ascii_lowercase();
    [&b"<script"[..], b"<html", b"<iframe", b"<svg"]
        .iter()
        .any(|m| metadata::find(&head, m).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_executable_named_pdf() {
        let r = inspect(
            "invoice.pdf",
            "invoice.pdf",
            "application/pdf",
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0",
            16,
        );
        assert_eq!(r.true_type.class, Class::Executable);
        assert!(
            r.warnings.iter().any(|w| w
                .to_string()
                .contains("Its name says a PDF document, but its content is a Windows program")),
            "{:?}",
            r.warnings
        );
        assert!(!r.convertible());
    }

    #[test]
    fn a_bidi_name() {
        let r = inspect(
            "report\u{202E}gnp.exe",
            "reportgnp.exe",
            "image/png",
            b"hello",
            5,
        );
        assert_eq!(r.original_name, "report<U+202E>gnp.exe");
        assert!(
            r.warnings
                .iter()
                .any(|w| w.to_string().contains("invisible"))
        );
        assert!(
            r.warnings
                .iter()
                .any(|w| w.to_string().contains("program's"))
        );
    }

    proptest::proptest! {
        #[test]
        fn inspection_never_panics(
            name in "\\PC{0,40}",
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048),
            prefix in proptest::sample::select(vec![&b""[..], b"PK\x03\x04", b"%PDF-1.7\n", b"\xff\xd8\xff\xe1", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]),
        ) {
            let mut all = prefix.to_vec();
            all.extend(bytes);
            let _ = inspect(&name, "x", "text/plain", &all, all.len() as u64);
        }
    }
}
