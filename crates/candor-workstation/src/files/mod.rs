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

use serde::{Deserialize, Serialize};

use candor_core::filename;
pub use kind::{Class, TrueType};
pub use metadata::Field;

/// At most this much of a file is read to inspect it.
pub const INSPECT_BYTES: usize = 64 * 1024 * 1024;

/// The one sentence said before a reviewer downloads or exports originals.
pub const OFFLINE_ADVICE: &str = "Reporters' files may be built to attack whoever opens them: open originals only on a computer that is offline and holds no keys, or use the safe view, which turns documents and images into plain pictures in a sandbox.";

/// What the workstation knows about one file before anyone opens it.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    pub warnings: Vec<String>,
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
                description: format!("an office document ({format})"),
            };
        }
    }
    let mut warnings = Vec::new();
    if filename::has_invisible(name) {
        warnings.push("Its name contains invisible characters (shown as <U+…>) that can make it look like another kind of file.".to_string());
    }
    if let Some(claimed) = kind::claimed_class(name)
        && !kind::agree(claimed, true_type.class)
    {
        warnings.push(format!(
            "Its name says {}, but its content is {}.",
            claimed.words(),
            true_type.description
        ));
    }
    match true_type.class {
        Class::Executable => warnings.push(format!(
            "It is {}: opening it runs it.",
            true_type.description
        )),
        Class::Script => warnings.push("It is a script: opening it may run it.".into()),
        Class::Html => warnings.push(
            "It is a web page: opened in a browser, it can run scripts and load other addresses."
                .into(),
        ),
        Class::Archive => {
            warnings.push("It is an archive: the files inside it were not checked.".into())
        }
        _ => {}
    }
    if let Some(claimed) = kind::claimed_class(name)
        && matches!(claimed, Class::Executable | Class::Script)
        && !matches!(true_type.class, Class::Executable | Class::Script)
    {
        warnings.push(
            "Its name ends as a program's does: a computer may run it when it is opened.".into(),
        );
    }
    if true_type.class != Class::Html && true_type.class != Class::Svg && has_markup(bytes) {
        warnings.push(
            "It also contains web-page markup: a browser that takes it for a page would run it."
                .into(),
        );
    }
    match true_type.class {
        Class::Image => metadata::exif(bytes, &mut found),
        Class::Pdf => {
            let active = pdf::scan(bytes, &mut found);
            if !active.is_empty() {
                warnings.push(format!("This PDF contains {}.", active.join(", ")));
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
        warnings
            .push("It contains macros: programs that can run when the document is opened.".into());
    }
    for url in &found.loads {
        warnings.push(format!(
            "It loads {url} when opened: that address would learn that it was opened, when, and from where."
        ));
    }
    warnings.extend(found.warnings);
    if found.fields.iter().any(identifying) {
        warnings.push("Its metadata may identify the reporter, a device or a place (below): remove it before sharing the file; the safe view has none.".into());
    }
    if (bytes.len() as u64) < size {
        warnings.push(format!(
            "Only its first {} were inspected.",
            candor_ui::human_size(bytes.len() as u64)
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
    !matches!(field.name.as_str(), "Made with" | "Produced by" | "Link")
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
        assert!(r.warnings.iter().any(|w| w.contains("invisible")));
        assert!(r.warnings.iter().any(|w| w.contains("program's")));
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
