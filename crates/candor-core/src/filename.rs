//! Reporters' file names. A reporter chooses every byte of a file's name, and the name ends
//! up on the reviewer's disk and screen, so there is one sanitizer for every place a name
//! becomes a file name (the reporter's own download, the workstation's download, every
//! export) and one way of showing the original:
//!
//! - [`clean`]: Unicode NFC; the last path component only; no control, format or other
//!   invisible characters (bidi overrides such as U+202E, zero-width characters); no
//!   characters Windows refuses; no leading dots, no trailing dots or spaces; no name
//!   reserved on Windows (`CON`, `NUL`, `COM1`…); at most 255 bytes with the extension
//!   kept; never empty.
//! - [`Names`]: numbers duplicates within one folder (`a.pdf`, `a (2).pdf`).
//! - [`visible`]: the original, with every invisible character written out (`<U+202E>`),
//!   so the reviewer sees what the reporter typed, and what a file manager would hide.
//!
//! Written by hand: the rules are a handful of Unicode categories and Windows' list, and
//! the crates that sanitize names (`sanitize-filename`) neither normalize nor keep the
//! extension when truncating.

use std::collections::HashSet;

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_normalization::UnicodeNormalization;

/// The longest clean name, in bytes (the limit of ext4, NTFS and APFS).
pub const MAX_NAME_BYTES: usize = 255;
/// The longest original name kept in a file's sealed metadata, in bytes.
pub const MAX_ORIGINAL_BYTES: usize = 1024;
/// Longer "extensions" are treated as part of the name.
const MAX_EXTENSION_BYTES: usize = 16;

/// Characters that show nothing, or change how the characters around them show: control
/// (Cc), format (Cf: bidi controls, zero-width characters, soft hyphen), line and paragraph
/// separators, private-use and unassigned code points, and every whitespace but the space.
pub fn is_invisible(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
    ) || (c.is_whitespace() && c != ' ')
        // Hangul fillers are letters that draw nothing.
        || matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}')
}

/// The original name as the reviewer should see it: every invisible character written out
/// as `<U+XXXX>`; at most [`MAX_ORIGINAL_BYTES`] of the original.
pub fn visible(name: &str) -> String {
    let mut out = String::new();
    for c in truncate(name, MAX_ORIGINAL_BYTES).chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the name has characters [`visible`] would write out.
pub fn has_invisible(name: &str) -> bool {
    name.chars().any(is_invisible)
}

/// The original name to keep in sealed metadata: at most [`MAX_ORIGINAL_BYTES`], cut at a
/// character boundary; otherwise unchanged, so the reviewer sees what was sent.
pub fn original(name: &str) -> String {
    truncate(name, MAX_ORIGINAL_BYTES).to_string()
}

/// A name safe to create in any folder on Linux, macOS and Windows, that reads as it is.
pub fn clean(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    // Normalized after the invisible characters are gone, as removing one can bring a
    // combining mark next to another and change their canonical order.
    let mut kept: String = last
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '"' | '<' | '>' | ':' | '|' | '?' | '*' => '_',
            c => c,
        })
        .nfc()
        .collect();
    kept = kept
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
        .to_string();
    if kept.is_empty() {
        return "file".into();
    }
    if is_reserved_on_windows(&kept) {
        kept.insert(0, '_');
    }
    let (stem, extension) = split_extension(&kept);
    fit(stem, "", extension)
}

/// Splits `a.tar.gz` into (`a.tar`, `gz`); a name without a short extension has none.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && !ext.is_empty()
                && ext.len() <= MAX_EXTENSION_BYTES
                && !ext.contains(' ') =>
        {
            (stem, ext)
        }
        _ => (name, ""),
    }
}

/// `stem` + `suffix` + `.extension`, with `stem` cut so the whole is at most
/// [`MAX_NAME_BYTES`].
fn fit(stem: &str, suffix: &str, extension: &str) -> String {
    let tail = if extension.is_empty() {
        suffix.to_string()
    } else {
        format!("{suffix}.{extension}")
    };
    let room = MAX_NAME_BYTES.saturating_sub(tail.len());
    let cut = truncate(stem, room);
    // A cut may leave a dot or a space at the end, which Windows drops.
    let stem = if cut.len() < stem.len() {
        cut.trim_end_matches(['.', ' '])
    } else {
        cut
    };
    let stem = if stem.is_empty() { "file" } else { stem };
    format!("{stem}{tail}")
}

fn truncate(s: &str, max: usize) -> &str {
    &s[..s.floor_char_boundary(max)]
}

/// `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9` (and the superscript digits),
/// with or without an extension, in any case: Windows opens a device instead of a file.
fn is_reserved_on_windows(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or("").trim_end();
    let upper = base.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && rest.len() == 1
        && (rest[0].is_ascii_digit() || matches!(rest[0], '¹' | '²' | '³'))
}

/// The names already used in one folder; [`Names::unique`] numbers duplicates.
#[derive(Debug, Default)]
pub struct Names {
    used: HashSet<String>,
}

impl Names {
    /// Names that are taken from the start (`conversation.txt`, say).
    pub fn with_reserved(reserved: &[&str]) -> Names {
        Names {
            used: reserved.iter().map(|n| n.to_lowercase()).collect(),
        }
    }

    /// A clean name not used yet in this folder: `a.pdf`, then `a (2).pdf`… Case is
    /// ignored when comparing, as on Windows and macOS.
    pub fn unique(&mut self, name: &str) -> String {
        let clean = clean(name);
        let (stem, extension) = split_extension(&clean);
        let mut candidate = clean.clone();
        let mut n = 1u64;
        while self.used.contains(&candidate.to_lowercase()) {
            n += 1;
            candidate = fit(stem, &format!(" ({n})"), extension);
        }
        self.used.insert(candidate.to_lowercase());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names() {
        assert_eq!(clean("../../etc/passwd"), "passwd");
        assert_eq!(clean("C:\\Users\\x\\report.pdf"), "report.pdf");
        assert_eq!(clean("a\"b\r\n.txt"), "a_b.txt");
        assert_eq!(clean(""), "file");
        assert_eq!(clean("..."), "file");
        assert_eq!(clean(".hidden"), "hidden");
        assert_eq!(clean("Notizen März.txt"), "Notizen März.txt");
        // The right-to-left override that turns "report\u{202E}gnp.exe" into "reportexe.png".
        assert_eq!(clean("report\u{202E}gnp.exe"), "reportgnp.exe");
        assert_eq!(clean("in\u{200B}voice\u{200D}.pdf\u{FEFF}"), "invoice.pdf");
        assert_eq!(clean("a\u{2028}b.txt"), "ab.txt");
        assert_eq!(clean("CON"), "_CON");
        assert_eq!(clean("nul.txt"), "_nul.txt");
        assert_eq!(clean("com1.tar.gz"), "_com1.tar.gz");
        assert_eq!(clean("LPT9"), "_LPT9");
        assert_eq!(clean("COM10"), "COM10");
        assert_eq!(clean("console.txt"), "console.txt");
        assert_eq!(clean("notes.txt. . "), "notes.txt");
        // Found by the fuzzer: dots inside a name stay, so cleaning twice changes nothing.
        assert_eq!(clean("a..pdf"), "a..pdf");
        // NFD "é" becomes one code point.
        assert_eq!(clean("e\u{301}.txt"), "\u{e9}.txt");
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "x".repeat(300));
        let c = clean(&long);
        assert_eq!(c.len(), MAX_NAME_BYTES);
        assert!(c.ends_with("x.pdf"));
        // Multi-byte characters are cut at a boundary.
        let c = clean(&format!("{}.docx", "ü".repeat(300)));
        assert!(c.len() <= MAX_NAME_BYTES && c.ends_with(".docx"));
        // A 300-byte "extension" is not one.
        assert_eq!(
            clean(&format!("a.{}", "y".repeat(300))).len(),
            MAX_NAME_BYTES
        );
    }

    #[test]
    fn duplicates_are_numbered() {
        let mut names = Names::with_reserved(&["conversation.txt"]);
        assert_eq!(names.unique("a.pdf"), "a.pdf");
        assert_eq!(names.unique("A.PDF"), "A (2).pdf".replace(".pdf", ".PDF"));
        assert_eq!(names.unique("../a.pdf"), "a (3).pdf");
        assert_eq!(names.unique("conversation.txt"), "conversation (2).txt");
        let long = format!("{}.pdf", "x".repeat(300));
        let first = names.unique(&long);
        let second = names.unique(&long);
        assert_ne!(first, second);
        assert!(second.len() <= MAX_NAME_BYTES && second.ends_with(" (2).pdf"));
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(
            visible("report\u{202E}gnp.exe"),
            "report<U+202E>gnp.exe".to_string()
        );
        assert_eq!(visible("a\u{200B}b\tc"), "a<U+200B>b<U+0009>c");
        assert_eq!(visible("Notizen März.txt"), "Notizen März.txt");
        assert!(has_invisible("x\u{2066}y") && !has_invisible("plain name.pdf"));
        assert_eq!(original(&"é".repeat(1000)).len(), MAX_ORIGINAL_BYTES);
    }

    proptest::proptest! {
        #[test]
        fn clean_names_are_always_safe(name in "\\PC{0,400}|[\\x00-\\x7f]{0,400}") {
            let c = clean(&name);
            proptest::prop_assert!(!c.is_empty());
            proptest::prop_assert!(c.len() <= MAX_NAME_BYTES);
            proptest::prop_assert!(!c.contains(['/', '\\', '"', '<', '>', ':', '|', '?', '*']));
            proptest::prop_assert!(!c.starts_with('.') && !c.ends_with('.') && !c.ends_with(' '));
            proptest::prop_assert!(!c.chars().any(is_invisible));
            proptest::prop_assert!(!is_reserved_on_windows(&c));
            // Cleaning is idempotent: an exported name stays as it is when exported again.
            proptest::prop_assert_eq!(clean(&c), c.clone());
        }

        #[test]
        fn clean_is_idempotent_with_combining_marks(name in "[\u{300}-\u{36f}\u{591}-\u{5c7}a\u{0}\u{200b}\u{fffd}.]{0,20}") {
            let c = clean(&name);
            proptest::prop_assert_eq!(clean(&c), c.clone());
        }

        #[test]
        fn visible_names_have_nothing_hidden(name in "\\PC{0,100}|[\\x00-\\x7f\\u{200b}-\\u{202e}]{0,100}") {
            proptest::prop_assert!(!visible(&name).chars().any(is_invisible));
        }

        #[test]
        fn unique_names_differ(names in proptest::collection::vec("[aA.]{0,4}(\\.pdf)?", 1..20)) {
            let mut used = Names::default();
            let mut seen = HashSet::new();
            for n in &names {
                proptest::prop_assert!(seen.insert(used.unique(n).to_lowercase()));
            }
        }
    }
}
