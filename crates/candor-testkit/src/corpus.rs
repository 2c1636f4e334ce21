//! Hostile files, built by the tests: names that disguise, content that lies about its
//! type, documents that act or call home when opened, metadata that identifies, and files
//! built to exhaust whoever opens them. `calls_home` is an address on loopback that a test
//! listens on: nothing may ever connect to it.

use std::io::Write;

/// A file a hostile reporter sends.
pub struct HostileFile {
    /// What it is, for messages.
    pub label: &'static str,
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

fn hostile(
    label: &'static str,
    name: &str,
    content_type: &'static str,
    bytes: Vec<u8>,
) -> HostileFile {
    HostileFile {
        label,
        name: name.into(),
        content_type,
        bytes,
    }
}

/// A PDF from object bodies (object 1 is the catalog), with a correct cross-reference table.
pub fn pdf(objects: &[String], info: Option<usize>) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    let info = info.map(|i| format!(" /Info {i} 0 R")).unwrap_or_default();
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(content: &str) -> String {
    format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}

/// A one-page PDF with a line of text (a text layer).
pub fn text_pdf(text: &str) -> Vec<u8> {
    pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
            stream(&format!("BT /F1 24 Tf 20 100 Td ({text}) Tj ET")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
        ],
        None,
    )
}

/// A PDF that runs JavaScript and opens an address when opened, with a link, a text layer
/// and an author.
pub fn active_pdf(calls_home: &str) -> Vec<u8> {
    pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> /Annots [8 0 R] >>".into(),
            stream("BT /F1 24 Tf 20 100 Td (Secret text layer) Tj ET"),
            format!("<< /S /URI /URI ({calls_home}/pdf-open) >>"),
            format!("<< /S /JavaScript /JS (app.launchURL\\('{calls_home}/pdf-js'\\);) >>"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
            format!("<< /Type /Annot /Subtype /Link /Rect [0 0 400 200] /A << /S /URI /URI ({calls_home}/pdf-link) >> >>"),
            "<< /Author (Jane Reporter) /Creator (Hostile corpus) >>".into(),
        ],
        Some(9),
    )
}

/// A valid PDF of `pages` pages.
pub fn many_pages_pdf(pages: usize) -> Vec<u8> {
    let content = 3 + pages;
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|i| format!("{} 0 R", 3 + i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    for _ in 0..pages {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents {content} 0 R >>"
        ));
    }
    objects.push(stream("0 0 m 200 200 l S"));
    pdf(&objects, None)
}

fn png_chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend(kind);
    out.extend(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend(data);
    out.extend(crc32(&crc_input).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn zlib(data: &[u8]) -> Vec<u8> {
    // Stored blocks: valid zlib without a compressor (data is small here).
    let mut out = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![&[]]
    } else {
        data.chunks(65_535).collect()
    };
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        out.extend((chunk.len() as u16).to_le_bytes());
        out.extend((!(chunk.len() as u16)).to_le_bytes());
        out.extend(*chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

/// A PNG of `width` × `height` RGB pixels, with extra chunks before the image data.
pub fn png(width: u32, height: u32, extra: &[Vec<u8>], pixels: Option<&[u8]>) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    out.extend(png_chunk(b"IHDR", &ihdr));
    for chunk in extra {
        out.extend(chunk);
    }
    let raw: Vec<u8> = match pixels {
        Some(p) => p.to_vec(),
        None => (0..height)
            .flat_map(|_| std::iter::once(0u8).chain((0..width).flat_map(|_| [200u8, 30, 30])))
            .collect(),
    };
    out.extend(png_chunk(b"IDAT", &zlib(&raw)));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// A valid PNG whose text chunk is a web page with a script.
pub fn html_png_polyglot() -> Vec<u8> {
    let mut text = b"Comment\0".to_vec();
    text.extend(b"<html><body><script>alert(document.domain)</script></body></html>");
    png(8, 8, &[png_chunk(b"tEXt", &text)], None)
}

/// A PNG that declares 50,000 × 50,000 pixels (7.5 GB decoded) and holds a few bytes.
pub fn huge_png() -> Vec<u8> {
    png(50_000, 50_000, &[], Some(&[0; 64]))
}

/// A Windows executable's header.
pub fn windows_executable() -> Vec<u8> {
    let mut exe = vec![0u8; 0x200];
    exe[0] = b'M';
    exe[1] = b'Z';
    exe[0x3c] = 0x80;
    exe[0x80..0x84].copy_from_slice(b"PE\0\0");
    exe[0x84..0x86].copy_from_slice(&0x14cu16.to_le_bytes());
    exe
}

/// An SVG that loads an image from `calls_home`.
pub fn calling_svg(calls_home: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
  <image xlink:href="{calls_home}/svg-image" width="100" height="100"/>
  <text x="10" y="50">Quarterly figures</text>
</svg>
"#
    )
    .into_bytes()
}

fn zip_file(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, options).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Internal audit</dc:title><dc:creator>Jane Reporter</dc:creator><cp:lastModifiedBy>J. Reporter (Finance)</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-02T09:14:00Z</dcterms:created></cp:coreProperties>"#;

/// A Word document whose picture is loaded from `calls_home` when it opens, with an author.
pub fn calling_docx(calls_home: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>
<w:p><w:r><w:t>Minutes of the tender committee</w:t></w:r></w:p>
<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="tracker.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rId7"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "{calls_home}/docx-field" \d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
</w:body></w:document>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{calls_home}/docx-image" TargetMode="External"/></Relationships>"#
    );
    zip_file(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes().to_vec()),
        ("word/document.xml", document.into_bytes()),
        ("word/_rels/document.xml.rels", rels.into_bytes()),
        ("docProps/core.xml", CORE.as_bytes().to_vec()),
    ])
}

/// A macro-enabled Word document (its VBA project is junk; the name is what matters).
pub fn macro_docm() -> Vec<u8> {
    zip_file(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes().to_vec()),
        (
            "word/document.xml",
            br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Enable content to see the figures</w:t></w:r></w:p></w:body></w:document>"#.to_vec(),
        ),
        ("word/vbaProject.bin", vec![0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]),
        ("docProps/core.xml", CORE.as_bytes().to_vec()),
    ])
}

/// A ZIP named `.docx` whose document expands to 1 GiB.
pub fn zip_bomb() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    w.start_file("[Content_Types].xml", options).expect("zip");
    w.write_all(CONTENT_TYPES.as_bytes()).expect("zip");
    w.start_file("word/document.xml", options).expect("zip");
    let block = vec![b' '; 1024 * 1024];
    for _ in 0..1024 {
        w.write_all(&block).expect("zip");
    }
    w.finish().expect("zip").into_inner()
}

/// A small JPEG; the test adds EXIF to it with exiftool.
pub fn jpeg() -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 5) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

/// Every hostile file but the JPEG with EXIF (which needs exiftool).
pub fn hostile_files(calls_home: &str) -> Vec<HostileFile> {
    vec![
        hostile(
            "bidi override",
            "report\u{202E}gnp.exe",
            "image/png",
            b"just text, but its name says .png to the eye\n".to_vec(),
        ),
        hostile(
            "zero-width and control characters",
            "in\u{200B}voice\u{0085}\u{FEFF}.txt",
            "text/plain",
            b"zero width\n".to_vec(),
        ),
        hostile(
            "name reserved on Windows",
            "CON.txt",
            "text/plain",
            b"a device on Windows\n".to_vec(),
        ),
        hostile(
            "300-byte name",
            &format!("{}.pdf", "a".repeat(296)),
            "application/pdf",
            text_pdf("Long name"),
        ),
        hostile(
            "executable named .pdf",
            "invoice.pdf",
            "application/pdf",
            windows_executable(),
        ),
        hostile(
            "HTML and PNG at once",
            "photo.png",
            "image/png",
            html_png_polyglot(),
        ),
        hostile(
            "PDF with JavaScript, OpenAction and a link",
            "statement.pdf",
            "application/pdf",
            active_pdf(calls_home),
        ),
        hostile(
            "SVG that loads a URL",
            "chart.svg",
            "image/svg+xml",
            calling_svg(calls_home),
        ),
        hostile(
            "Word document that loads a URL",
            "minutes.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            calling_docx(calls_home),
        ),
        hostile(
            "Word document with macros",
            "budget.docm",
            "application/vnd.ms-word.document.macroEnabled.12",
            macro_docm(),
        ),
        hostile(
            "PNG of 50,000 × 50,000 pixels",
            "huge.png",
            "image/png",
            huge_png(),
        ),
        hostile(
            "PDF of 10,000 pages",
            "annex.pdf",
            "application/pdf",
            many_pages_pdf(10_000),
        ),
        hostile(
            "zip bomb named .docx",
            "contract.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            zip_bomb(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_matches_the_standard() {
        assert_eq!(super::crc32(b"IEND"), 0xAE42_6082);
    }
}
