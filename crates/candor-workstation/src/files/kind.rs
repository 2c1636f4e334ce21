//! What a file is, from its content (the `infer` crate's signatures, then a look at text),
//! and what its name claims it is.

use candor_ui::text::Words;
use candor_ui::words;
use serde::{Deserialize, Serialize};

/// The families of files that matter for safety and for the safe view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Pdf,
    Image,
    /// Plain text, which the safe view draws as text.
    Text,
    /// SVG: an image that is XML and may load other files or run scripts.
    Svg,
    /// A web page: opened in a browser, it runs.
    Html,
    Office,
    Executable,
    Script,
    Archive,
    Audio,
    Video,
    Other,
}

impl Class {
    /// How a reviewer would call it ("a PDF document").
    pub fn words(self) -> Words {
        match self {
            Class::Pdf => words!("file-class-pdf"),
            Class::Image => words!("file-class-image"),
            Class::Text => words!("file-class-text"),
            Class::Svg => words!("file-class-svg"),
            Class::Html => words!("file-class-html"),
            Class::Office => words!("file-class-office"),
            Class::Executable => words!("file-class-executable"),
            Class::Script => words!("file-class-script"),
            Class::Archive => words!("file-class-archive"),
            Class::Audio => words!("file-class-audio"),
            Class::Video => words!("file-class-video"),
            Class::Other => words!("file-class-other"),
        }
    }
}

/// A file's true type, from its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrueType {
    pub mime: String,
    pub class: Class,
    /// "a Windows program", "a PNG image"…
    pub description: Words,
}

/// How many leading bytes the text checks look at.
const SNIFF: usize = 64 * 1024;

/// Detects the true type of `bytes` (the whole file, or its first part).
pub fn detect(bytes: &[u8]) -> TrueType {
    // XML is told apart below (SVG or other text).
    if let Some(t) = infer::get(bytes).filter(|t| t.mime_type() != "text/xml") {
        let mime = t.mime_type().to_string();
        let class = class_of_mime(&mime, t.matcher_type());
        let description = describe(&mime, class, t.extension());
        return TrueType {
            mime,
            class,
            description,
        };
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    let text = looks_like_text(head);
    let lower = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let trimmed = lower.trim_start_matches('\u{feff}').trim_start();
    let (mime, class, description) = if text && trimmed.starts_with("#!") {
        (
            "text/x-script",
            Class::Script,
            words!("file-type-script-shebang"),
        )
    } else if text && trimmed.contains("<svg") {
        ("image/svg+xml", Class::Svg, Class::Svg.words())
    } else if text && (trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html")) {
        ("text/html", Class::Html, Class::Html.words())
    } else if text {
        ("text/plain", Class::Text, Class::Text.words())
    } else {
        (
            "application/octet-stream",
            Class::Other,
            Class::Other.words(),
        )
    };
    TrueType {
        mime: mime.into(),
        class,
        description,
    }
}

fn class_of_mime(mime: &str, matcher: infer::MatcherType) -> Class {
    match mime {
        "application/pdf" => return Class::Pdf,
        "text/html" => return Class::Html,
        "text/x-shellscript" | "application/java" => return Class::Script,
        "application/rtf"
        | "application/msword"
        | "application/vnd.ms-excel"
        | "application/vnd.ms-powerpoint"
        | "application/x-ole-storage" => return Class::Office,
        "text/xml" => return Class::Text,
        m if m.starts_with("application/vnd.openxmlformats-officedocument")
            || m.starts_with("application/vnd.oasis.opendocument") =>
        {
            return Class::Office;
        }
        _ => {}
    }
    match matcher {
        infer::MatcherType::App => Class::Executable,
        infer::MatcherType::Archive => Class::Archive,
        infer::MatcherType::Image => Class::Image,
        infer::MatcherType::Audio => Class::Audio,
        infer::MatcherType::Video => Class::Video,
        infer::MatcherType::Text => Class::Text,
        infer::MatcherType::Doc => Class::Office,
        _ => Class::Other,
    }
}

fn describe(mime: &str, class: Class, extension: &str) -> Words {
    let format = extension.to_ascii_uppercase();
    match mime {
        "application/vnd.microsoft.portable-executable" => words!("file-type-windows-program"),
        "application/x-executable" => words!("file-type-linux-program"),
        "application/x-mach-binary" => words!("file-type-macos-program"),
        "application/x-ole-storage" => words!("file-type-ole"),
        "application/zip" => words!("file-type-zip"),
        _ => match class {
            Class::Image => words!("file-type-image", format = format),
            Class::Office => words!("file-type-office", format = format),
            Class::Archive => words!("file-type-archive", format = format),
            Class::Executable => words!("file-type-program", format = format),
            c => c.words(),
        },
    }
}

/// Text: valid UTF-8 (a character cut at the end of a prefix allowed), no NUL bytes.
fn looks_like_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

/// What a name's extension claims the file is, if it claims anything.
pub fn claimed_class(name: &str) -> Option<Class> {
    let ext = name.rsplit_once('.')?.1.trim().to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => Class::Pdf,
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "heic" | "heif"
        | "avif" | "ico" => Class::Image,
        "txt" | "md" | "csv" | "log" | "text" | "xml" | "json" => Class::Text,
        "svg" => Class::Svg,
        "html" | "htm" | "xhtml" | "mht" | "mhtml" => Class::Html,
        "doc" | "docx" | "docm" | "dot" | "dotx" | "dotm" | "xls" | "xlsx" | "xlsm" | "xlsb"
        | "ppt" | "pptx" | "pptm" | "odt" | "ods" | "odp" | "rtf" => Class::Office,
        "exe" | "dll" | "msi" | "scr" | "com" | "cpl" | "sys" | "elf" | "bin" | "app" | "apk"
        | "dmg" | "pif" => Class::Executable,
        "sh" | "bash" | "bat" | "cmd" | "ps1" | "psm1" | "vbs" | "vbe" | "js" | "jse" | "wsf"
        | "wsh" | "hta" | "py" | "pl" | "rb" | "jar" | "lnk" | "reg" | "scf" | "desktop"
        | "command" | "applescript" => Class::Script,
        "zip" | "rar" | "7z" | "tar" | "gz" | "tgz" | "bz2" | "xz" | "zst" | "iso" | "img"
        | "cab" => Class::Archive,
        "mp3" | "wav" | "ogg" | "m4a" | "flac" | "opus" | "aac" => Class::Audio,
        "mp4" | "mov" | "avi" | "mkv" | "webm" | "wmv" => Class::Video,
        _ => return None,
    })
}

/// Whether a file whose name claims `claimed` may honestly have content of `actual`.
pub fn agree(claimed: Class, actual: Class) -> bool {
    claimed == actual
        // .svg and .html files are text to the detector when they lack a marker.
        || (matches!(claimed, Class::Svg | Class::Html | Class::Script) && actual == Class::Text)
        // Office documents are ZIP archives inside.
        || (claimed == Class::Office && actual == Class::Archive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides() {
        assert_eq!(detect(b"%PDF-1.7\n").class, Class::Pdf);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").class, Class::Image);
        let pe = detect(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0");
        assert_eq!(pe.class, Class::Executable);
        assert_eq!(detect(b"hello\nworld").class, Class::Text);
        assert_eq!(detect("Grüße".as_bytes()).class, Class::Text);
        assert_eq!(detect(b"#!/bin/sh\nrm -rf ~\n").class, Class::Script);
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>").class,
            Class::Svg
        );
        assert_eq!(detect(b"<!DOCTYPE html><p>x").class, Class::Html);
        assert_eq!(detect(b"\0\x01\x02garbage").class, Class::Other);
        assert_eq!(detect(b"").class, Class::Text);
    }

    #[test]
    fn names_claim() {
        assert_eq!(claimed_class("a.PDF"), Some(Class::Pdf));
        assert_eq!(claimed_class("a"), None);
        assert!(!agree(Class::Pdf, Class::Executable));
        assert!(agree(Class::Office, Class::Archive));
    }

    proptest::proptest! {
        #[test]
        fn detection_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let _ = detect(&bytes);
        }
    }
}
