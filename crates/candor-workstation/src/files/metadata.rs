//! What a file says about who made it: EXIF (the `kamadak-exif` crate), XMP packets (any
//! file; parsed with `quick-xml`), office document properties and links (the `zip` crate,
//! then XML), and URLs in SVG and web pages. PDF has its own scanner, in `pdf.rs`.
//!
//! Every reader is bounded: it looks at the bytes it is given (the workstation reads at most
//! [`super::INSPECT_BYTES`] of a file), reads at most [`MAX_PART`] of any one part of an
//! archive however large it claims to be, and keeps at most [`MAX_FIELDS`] fields.

use std::io::{Cursor, Read};

use candor_ui::text::Words;
use candor_ui::words;
use serde::{Serialize, Serializer};

/// At most this much of one part of an archive (an office document's properties) is read.
pub const MAX_PART: u64 = 1024 * 1024;
/// At most this many fields are kept per file.
pub const MAX_FIELDS: usize = 64;
/// At most this many characters of one value are kept.
const MAX_VALUE_CHARS: usize = 300;
/// An archive that expands more than this many times its size is called a bomb.
const BOMB_RATIO: u64 = 100;
/// ...and one that expands to more than this.
const BOMB_BYTES: u64 = 1024 * 1024 * 1024;
/// At most this many archive entries are looked at.
const MAX_ENTRIES: usize = 10_000;

/// One piece of metadata: where it was found, what it is, its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub source: String,
    pub name: Label,
    pub value: String,
}

/// What a piece of metadata is; pages say it in their language, exports in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    GpsLatitude,
    GpsLatitudeRef,
    GpsLongitude,
    GpsLongitudeRef,
    GpsAltitude,
    GpsDate,
    CameraMake,
    CameraModel,
    CameraSerial,
    LensSerial,
    CameraOwner,
    Author,
    Copyright,
    Description,
    Comment,
    ImageId,
    Software,
    Taken,
    Changed,
    MadeWith,
    ProducedBy,
    Created,
    MetadataChanged,
    DocumentId,
    Title,
    LastSavedBy,
    Company,
    Manager,
    Subject,
    Keywords,
    LastPrinted,
    Template,
    Custom,
    Link,
}

impl Label {
    pub fn words(self) -> Words {
        match self {
            Label::GpsLatitude => words!("file-field-gps-latitude"),
            Label::GpsLatitudeRef => words!("file-field-gps-latitude-ref"),
            Label::GpsLongitude => words!("file-field-gps-longitude"),
            Label::GpsLongitudeRef => words!("file-field-gps-longitude-ref"),
            Label::GpsAltitude => words!("file-field-gps-altitude"),
            Label::GpsDate => words!("file-field-gps-date"),
            Label::CameraMake => words!("file-field-camera-make"),
            Label::CameraModel => words!("file-field-camera-model"),
            Label::CameraSerial => words!("file-field-camera-serial"),
            Label::LensSerial => words!("file-field-lens-serial"),
            Label::CameraOwner => words!("file-field-camera-owner"),
            Label::Author => words!("file-field-author"),
            Label::Copyright => words!("file-field-copyright"),
            Label::Description => words!("file-field-description"),
            Label::Comment => words!("file-field-comment"),
            Label::ImageId => words!("file-field-image-id"),
            Label::Software => words!("file-field-software"),
            Label::Taken => words!("file-field-taken"),
            Label::Changed => words!("file-field-changed"),
            Label::MadeWith => words!("file-field-made-with"),
            Label::ProducedBy => words!("file-field-produced-by"),
            Label::Created => words!("file-field-created"),
            Label::MetadataChanged => words!("file-field-metadata-changed"),
            Label::DocumentId => words!("file-field-document-id"),
            Label::Title => words!("file-field-title"),
            Label::LastSavedBy => words!("file-field-last-saved-by"),
            Label::Company => words!("file-field-company"),
            Label::Manager => words!("file-field-manager"),
            Label::Subject => words!("file-field-subject"),
            Label::Keywords => words!("file-field-keywords"),
            Label::LastPrinted => words!("file-field-last-printed"),
            Label::Template => words!("file-field-template"),
            Label::Custom => words!("file-field-custom"),
            Label::Link => words!("file-field-link"),
        }
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.words().serialize(serializer)
    }
}

/// What the readers found: metadata and reasons for caution.
#[derive(Debug, Default)]
pub struct Findings {
    pub fields: Vec<Field>,
    pub warnings: Vec<Words>,
    /// Addresses the file makes its viewer load (not links a reader must click).
    pub loads: Vec<String>,
    pub macros: bool,
    /// Declared size of an archive's contents.
    pub expands_to: Option<u64>,
    /// What kind of office document a ZIP archive is, from its parts (MIME type, format).
    pub office: Option<(&'static str, &'static str)>,
}

impl Findings {
    pub fn add(&mut self, source: &str, name: Label, value: &str) {
        let value: String = value.trim().chars().take(MAX_VALUE_CHARS).collect();
        if value.is_empty() || self.fields.len() >= MAX_FIELDS {
            return;
        }
        let field = Field {
            source: source.into(),
            name,
            value: candor_core::filename::visible(&value),
        };
        if !self.fields.contains(&field) {
            self.fields.push(field);
        }
    }

    pub fn load(&mut self, url: &str) {
        let url: String = url.trim().chars().take(MAX_VALUE_CHARS).collect();
        if !url.is_empty() && self.loads.len() < 16 && !self.loads.contains(&url) {
            self.loads.push(candor_core::filename::visible(&url));
        }
    }
}

/// EXIF tags that can identify a person, a device or a place.
const EXIF_TAGS: &[(exif::Tag, Label)] = &[
    (exif::Tag::GPSLatitude, Label::GpsLatitude),
    (exif::Tag::GPSLatitudeRef, Label::GpsLatitudeRef),
    (exif::Tag::GPSLongitude, Label::GpsLongitude),
    (exif::Tag::GPSLongitudeRef, Label::GpsLongitudeRef),
    (exif::Tag::GPSAltitude, Label::GpsAltitude),
    (exif::Tag::GPSDateStamp, Label::GpsDate),
    (exif::Tag::Make, Label::CameraMake),
    (exif::Tag::Model, Label::CameraModel),
    (exif::Tag::BodySerialNumber, Label::CameraSerial),
    (exif::Tag::LensSerialNumber, Label::LensSerial),
    (exif::Tag::CameraOwnerName, Label::CameraOwner),
    (exif::Tag::Artist, Label::Author),
    (exif::Tag::Copyright, Label::Copyright),
    (exif::Tag::ImageDescription, Label::Description),
    (exif::Tag::UserComment, Label::Comment),
    (exif::Tag::ImageUniqueID, Label::ImageId),
    (exif::Tag::Software, Label::Software),
    (exif::Tag::DateTimeOriginal, Label::Taken),
    (exif::Tag::DateTime, Label::Changed),
];

/// EXIF in a JPEG, TIFF, PNG, WebP or HEIF image.
pub fn exif(bytes: &[u8], found: &mut Findings) {
    let Ok(data) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return;
    };
    for (tag, label) in EXIF_TAGS {
        for field in data.fields().filter(|f| f.tag == *tag) {
            let value = field.display_value().with_unit(&data).to_string();
            found.add("EXIF", *label, value.trim_matches('"'));
        }
    }
}

/// Properties in XMP that say who, where, with what and when.
const XMP_PROPERTIES: &[(&str, Label)] = &[
    ("creator", Label::Author),
    ("Author", Label::Author),
    ("Artist", Label::Author),
    ("CreatorTool", Label::MadeWith),
    ("Producer", Label::ProducedBy),
    ("CreateDate", Label::Created),
    ("ModifyDate", Label::Changed),
    ("MetadataDate", Label::MetadataChanged),
    ("GPSLatitude", Label::GpsLatitude),
    ("GPSLongitude", Label::GpsLongitude),
    ("SerialNumber", Label::CameraSerial),
    ("LensSerialNumber", Label::LensSerial),
    ("OwnerName", Label::CameraOwner),
    ("DocumentID", Label::DocumentId),
    ("title", Label::Title),
    ("rights", Label::Copyright),
];

/// Every XMP packet (`<x:xmpmeta>…</x:xmpmeta>`) in `bytes`, up to 1 MiB each.
pub fn xmp(bytes: &[u8], found: &mut Findings) {
    let mut rest = bytes;
    let mut packets = 0;
    while let Some(start) = find(rest, b"<x:xmpmeta") {
        let packet = &rest[start..];
        let end = find(packet, b"</x:xmpmeta>").map_or(packet.len(), |e| e + 12);
        xmp_packet(&packet[..end.min(MAX_PART as usize)], found);
        rest = &packet[end..];
        packets += 1;
        if packets >= 16 {
            break;
        }
    }
}

fn xmp_packet(packet: &[u8], found: &mut Findings) {
    let mut reader = quick_xml::Reader::from_reader(packet);
    // The property whose text is being read, and how deep inside it we are.
    let mut open: Option<(Label, usize)> = None;
    let mut depth = 0usize;
    for _ in 0..100_000 {
        let event = match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return,
            Ok(e) => e,
        };
        match event {
            quick_xml::events::Event::Empty(e) => xmp_attributes(&e, found),
            quick_xml::events::Event::Start(e) => {
                xmp_attributes(&e, found);
                depth += 1;
                if open.is_none()
                    && let Some((_, label)) = xmp_property(e.local_name().as_ref())
                {
                    open = Some((label, depth));
                }
            }
            quick_xml::events::Event::End(_) => {
                if open.is_some_and(|(_, d)| d == depth) {
                    open = None;
                }
                depth = depth.saturating_sub(1);
            }
            quick_xml::events::Event::Text(t) => {
                if let Some((label, _)) = open {
                    found.add("XMP", label, &t);
                }
            }
            _ => {}
        }
    }
}

/// XMP may give a property as an attribute: `<rdf:Description xmp:CreatorTool="…">`.
fn xmp_attributes(e: &quick_xml::events::BytesStart<'_>, found: &mut Findings) {
    for attr in e.attributes().flatten() {
        if let Some((_, label)) = xmp_property(attr.key.local_name().as_ref()) {
            found.add("XMP", label, &attr.value);
        }
    }
}

fn xmp_property(local: &str) -> Option<(&'static str, Label)> {
    XMP_PROPERTIES.iter().find(|(p, _)| *p == local).copied()
}

/// An office document (OOXML or OpenDocument) or any ZIP archive: its properties, its
/// macros, what it loads when opened, and how far it expands.
pub fn zip_archive(bytes: &[u8], found: &mut Findings) {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        found.warnings.push(words!("file-warn-archive-damaged"));
        return;
    };
    let names: Vec<String> = archive
        .file_names()
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let mut expands = 0u64;
    for i in 0..archive.len().min(MAX_ENTRIES) {
        if let Ok(entry) = archive.by_index_raw(i) {
            expands = expands.saturating_add(entry.size());
        }
    }
    found.expands_to = Some(expands);
    if expands > BOMB_BYTES || expands / (bytes.len() as u64).max(1) > BOMB_RATIO {
        found.warnings.push(words!(
            "file-warn-zip-bomb",
            expands = candor_ui::human_size(expands),
            size = candor_ui::human_size(bytes.len() as u64)
        ));
    }
    found.office = office_kind(&names, &mut archive);
    found.macros = names.iter().any(|n| {
        let lower = n.to_ascii_lowercase();
        lower.ends_with("vbaproject.bin")
            || lower.ends_with("vbadata.xml")
            || lower.starts_with("basic/")
            || lower.starts_with("scripts/")
    });
    for (part, source) in [
        ("docProps/core.xml", "Office"),
        ("docProps/app.xml", "Office"),
        ("docProps/custom.xml", "Office"),
        ("meta.xml", "OpenDocument"),
    ] {
        if let Some(xml) = read_part(&mut archive, part) {
            office_properties(&xml, source, found);
        }
    }
    let rels: Vec<&String> = names
        .iter()
        .filter(|n| n.ends_with(".rels"))
        .take(256)
        .collect();
    for name in rels {
        if let Some(xml) = read_part(&mut archive, name) {
            relationships(&xml, found);
        }
    }
    if names.iter().any(|n| n == "content.xml")
        && let Some(xml) = read_part(&mut archive, "content.xml")
    {
        urls(&xml, found);
    }
}

/// The office format a ZIP archive holds, from the parts it has (OOXML) or its `mimetype`
/// (OpenDocument), whatever order they come in.
fn office_kind(
    names: &[String],
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Option<(&'static str, &'static str)> {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("word/document.xml") {
        return Some((
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "DOCX",
        ));
    }
    if has("xl/workbook.xml") {
        return Some((
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XLSX",
        ));
    }
    if has("ppt/presentation.xml") {
        return Some((
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PPTX",
        ));
    }
    let mimetype = read_part(archive, "mimetype")?;
    match mimetype.trim_ascii() {
        b"application/vnd.oasis.opendocument.text" => {
            Some(("application/vnd.oasis.opendocument.text", "ODT"))
        }
        b"application/vnd.oasis.opendocument.spreadsheet" => {
            Some(("application/vnd.oasis.opendocument.spreadsheet", "ODS"))
        }
        b"application/vnd.oasis.opendocument.presentation" => {
            Some(("application/vnd.oasis.opendocument.presentation", "ODP"))
        }
        _ => None,
    }
}

/// One part of an archive, at most [`MAX_PART`] of it, however large it claims to be.
fn read_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let entry = archive.by_name(name).ok()?;
    let mut out = Vec::new();
    entry.take(MAX_PART).read_to_end(&mut out).ok()?;
    Some(out)
}

/// OOXML `docProps/*.xml` and ODF `meta.xml`: every property with a value.
fn office_properties(xml: &[u8], source: &str, found: &mut Findings) {
    const LABELS: &[(&str, Label)] = &[
        ("creator", Label::Author),
        ("initial-creator", Label::Author),
        ("lastModifiedBy", Label::LastSavedBy),
        ("Company", Label::Company),
        ("Manager", Label::Manager),
        ("title", Label::Title),
        ("subject", Label::Subject),
        ("description", Label::Description),
        ("keywords", Label::Keywords),
        ("created", Label::Created),
        ("creation-date", Label::Created),
        ("modified", Label::Changed),
        ("date", Label::Changed),
        ("lastPrinted", Label::LastPrinted),
        ("print-date", Label::LastPrinted),
        ("Application", Label::MadeWith),
        ("generator", Label::MadeWith),
        ("Template", Label::Template),
        ("template", Label::Template),
        ("user-defined", Label::Custom),
        ("lpwstr", Label::Custom),
    ];
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut label: Option<Label> = None;
    for _ in 0..100_000 {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                let local = e.local_name();
                label = LABELS
                    .iter()
                    .find(|(n, _)| *n == local.as_ref())
                    .map(|(_, l)| *l);
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                if let Some(l) = label {
                    found.add(source, l, &t);
                }
            }
            Ok(quick_xml::events::Event::End(_)) => label = None,
            Ok(quick_xml::events::Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// OOXML relationships: an external target that is not a hyperlink (an image, a template,
/// a frame, an OLE object) is loaded when the document opens.
fn relationships(xml: &[u8], found: &mut Findings) {
    let mut reader = quick_xml::Reader::from_reader(xml);
    for _ in 0..100_000 {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) | Ok(quick_xml::events::Event::Empty(e))
                if e.local_name().as_ref() == "Relationship" =>
            {
                let (mut target, mut kind, mut external) = (String::new(), String::new(), false);
                for attr in e.attributes().flatten() {
                    let value = attr.value.to_string();
                    match attr.key.local_name().as_ref() {
                        "Target" => target = value,
                        "Type" => kind = value,
                        "TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if external {
                    if kind.ends_with("/hyperlink") {
                        found.add("Office", Label::Link, &target);
                    } else {
                        found.load(&target);
                    }
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// Network addresses in markup (SVG, HTML, OpenDocument content) that a viewer loads:
/// `href`, `src` and CSS `url(…)` values that start with a scheme or `//`.
pub fn urls(text: &[u8], found: &mut Findings) {
    let lower = text.to_ascii_lowercase();
    for marker in [&b"href="[..], b"src=", b"url(", b"@import"] {
        let mut at = 0;
        while let Some(i) = find(&lower[at..], marker) {
            let start = at + i + marker.len();
            at = start;
            let value: Vec<u8> = lower[start..]
                .iter()
                .skip_while(|b| matches!(b, b' ' | b'"' | b'\'' | b'\t'))
                .take_while(|b| !matches!(b, b'"' | b'\'' | b')' | b' ' | b'>' | b'\n'))
                .take(MAX_VALUE_CHARS)
                .copied()
                .collect();
            if value.starts_with(b"http:")
                || value.starts_with(b"https:")
                || value.starts_with(b"ftp:")
                || value.starts_with(b"//")
                || value.starts_with(b"file:")
                || value.starts_with(b"\\\\")
            {
                found.load(&String::from_utf8_lossy(&value));
            }
            if found.loads.len() >= 16 {
                return;
            }
        }
    }
}

/// Older Microsoft Office files (OLE): macros are a stream named `_VBA_PROJECT` or a
/// storage named `Macros`, whose UTF-16 names appear in the directory.
pub fn ole(bytes: &[u8], found: &mut Findings) {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    if find(bytes, &utf16("_VBA_PROJECT")).is_some() || find(bytes, &utf16("Macros")).is_some() {
        found.macros = true;
    }
}

/// The first position of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}
