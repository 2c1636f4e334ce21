//! The converter that runs inside the sandbox (`candor safe-view-convert`, started only by
//! [`super::convert`]). It limits itself first (address space, CPU time, file size, open
//! files, no core dumps; the limits pass to every program it starts), reads the file from
//! standard input, and writes pages as pixels to standard output ([`super::pixels`]):
//!
//! - PDF: Poppler's `pdfinfo` counts the pages, `pdftoppm` draws each one;
//! - office documents: LibreOffice (`soffice --convert-to pdf`), then as a PDF;
//! - images: decoded by the `image` crate, with limits on size and allocation;
//! - text (and the source of SVG and web pages): drawn with DejaVu Sans by `ab_glyph`, with
//!   no shaping (right-to-left and joined scripts show their letters unjoined, in order).
//!
//! Whatever a hostile file does to these programs stays in the sandbox: no network, no
//! files of the reviewer's, nothing but pixels out.

use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use super::pixels::{Refusal, Writer};
use super::{Input, Limits};

const INPUT: &str = "/tmp/input";
const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Runs the conversion; the exit code says only whether it finished.
pub fn run(input: Input, extension: &str, limits: &Limits) -> ExitCode {
    if limit_self(limits).is_err() {
        return ExitCode::from(3);
    }
    let stdout = std::io::stdout();
    let Ok(mut out) = Writer::new(std::io::BufWriter::new(stdout.lock())) else {
        return ExitCode::from(2);
    };
    let result = match read_input(limits.max_input) {
        None => out.refuse(Refusal::InputTooLarge, 0),
        Some(bytes) => match input {
            Input::Pdf => write_file(&bytes, INPUT).and_then(|()| pdf(INPUT, limits, &mut out)),
            Input::Office => office(&bytes, extension, limits, &mut out),
            Input::Image => image(&bytes, limits, &mut out),
            Input::Text => text(&bytes, limits, &mut out),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

fn limit_self(limits: &Limits) -> std::io::Result<()> {
    use rustix::process::{Resource, Rlimit, setrlimit};
    let set = |r, v: u64| {
        setrlimit(
            r,
            Rlimit {
                current: Some(v),
                maximum: Some(v),
            },
        )
    };
    set(Resource::As, limits.memory)?;
    set(Resource::Cpu, limits.cpu_seconds)?;
    set(Resource::Fsize, limits.max_input.saturating_mul(2))?;
    set(Resource::Core, 0)?;
    set(Resource::Nofile, 256)?;
    Ok(())
}

fn read_input(max: u64) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= max).then_some(bytes)
}

fn write_file(bytes: &[u8], path: &str) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

type Out<'a> = Writer<std::io::BufWriter<std::io::StdoutLock<'a>>>;

fn pdf(path: &str, limits: &Limits, out: &mut Out<'_>) -> std::io::Result<()> {
    let info = Command::new("pdfinfo")
        .arg(path)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()?;
    if info.status.signal().is_some() {
        return out.refuse(Refusal::Limits, 0);
    }
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse::<u32>()))
        .and_then(Result::ok);
    let Some(pages) = pages.filter(|p| *p > 0) else {
        return out.refuse(Refusal::Unreadable, 0);
    };
    if pages > limits.max_pages {
        return out.refuse(Refusal::TooManyPages, pages);
    }
    for page in 1..=pages {
        let n = page.to_string();
        let ppm = Command::new("pdftoppm")
            .args(["-f", &n, "-l", &n, "-r", "150", "-scale-to"])
            .arg(limits.max_side.to_string())
            .arg(path)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()?;
        if ppm.status.signal().is_some() {
            return out.refuse(Refusal::Limits, page);
        }
        match parse_ppm(&ppm.stdout, limits.max_side) {
            Some((w, h, rgb)) => out.page(w, h, rgb)?,
            None => return out.refuse(Refusal::Unreadable, page),
        }
    }
    out.end(pages)
}

/// A binary PPM (`P6`, 8 bits), as pdftoppm writes it.
fn parse_ppm(bytes: &[u8], max_side: u32) -> Option<(u32, u32, &[u8])> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 && i < bytes.len().min(256) {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'#') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?);
    }
    i += 1;
    let (w, h): (u32, u32) = (fields.get(1)?.parse().ok()?, fields.get(2)?.parse().ok()?);
    if fields.first() != Some(&"P6") || fields.get(3) != Some(&"255") {
        return None;
    }
    if w == 0 || h == 0 || w > max_side || h > max_side {
        return None;
    }
    let len = w as usize * h as usize * 3;
    let rgb = bytes.get(i..i + len)?;
    Some((w, h, rgb))
}

fn office(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    out: &mut Out<'_>,
) -> std::io::Result<()> {
    if !Path::new("/usr/bin/soffice").exists() {
        return out.refuse(Refusal::NoConverter, 0);
    }
    let extension: String = extension
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let input = format!("{INPUT}.{extension}");
    write_file(bytes, &input)?;
    let status = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            "/tmp/office",
        ])
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    let pdf_path = "/tmp/office/input.pdf";
    if status.signal().is_some() {
        return out.refuse(Refusal::Limits, 0);
    }
    if !status.success() || !Path::new(pdf_path).exists() {
        return out.refuse(Refusal::Unreadable, 0);
    }
    pdf(pdf_path, limits, out)
}

fn image(bytes: &[u8], limits: &Limits, out: &mut Out<'_>) -> std::io::Result<()> {
    let reader = || image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    let Ok((w, h)) = reader().and_then(|r| r.into_dimensions().map_err(std::io::Error::other))
    else {
        return out.refuse(Refusal::Unreadable, 0);
    };
    if w.max(h) > limits.max_image_side || u64::from(w) * u64::from(h) > limits.max_image_pixels {
        return out.refuse(Refusal::TooLarge, w.max(h));
    }
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(limits.max_image_side);
    decoder_limits.max_image_height = Some(limits.max_image_side);
    decoder_limits.max_alloc = Some(limits.memory / 2);
    let decoded = reader().map(|mut r| {
        r.limits(decoder_limits);
        r.decode()
    });
    let Ok(Ok(decoded)) = decoded else {
        return out.refuse(Refusal::Unreadable, 0);
    };
    let fitted = if decoded.width().max(decoded.height()) > limits.max_side {
        decoded.thumbnail(limits.max_side, limits.max_side)
    } else {
        decoded
    };
    let rgb = fitted.to_rgb8();
    out.page(rgb.width(), rgb.height(), rgb.as_raw())?;
    out.end(1)
}

/// Text pages: A4 proportions at the page size the limits allow.
fn text(bytes: &[u8], limits: &Limits, out: &mut Out<'_>) -> std::io::Result<()> {
    use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
    let Ok(font_bytes) = std::fs::read(FONT) else {
        return out.refuse(Refusal::NoFont, 0);
    };
    let Ok(font) = FontRef::try_from_slice(&font_bytes) else {
        return out.refuse(Refusal::NoFont, 0);
    };
    let height = limits.max_side.min(1754);
    let width = height * 707 / 1000;
    let size = height as f32 / 62.0;
    let scaled = font.as_scaled(PxScale::from(size));
    let margin = size * 3.0;
    let line_height = size * 1.3;
    let lines_per_page = ((height as f32 - 2.0 * margin) / line_height)
        .floor()
        .max(1.0) as usize;
    let text = String::from_utf8_lossy(bytes);
    // Lay out every line first, to count the pages before drawing any.
    let mut lines: Vec<String> = Vec::new();
    for raw in text.lines() {
        let mut line = String::new();
        let mut x = 0.0;
        for c in raw.replace('\t', "    ").chars() {
            if c.is_control() {
                continue;
            }
            let advance = scaled.h_advance(font.glyph_id(c));
            if x + advance > width as f32 - 2.0 * margin && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                x = 0.0;
            }
            line.push(c);
            x += advance;
        }
        lines.push(line);
        if lines.len() / lines_per_page > limits.max_pages as usize {
            return out.refuse(Refusal::TooManyPages, 0);
        }
    }
    let pages = lines.len().div_ceil(lines_per_page).max(1);
    if pages > limits.max_pages as usize {
        return out.refuse(Refusal::TooManyPages, pages as u32);
    }
    let chunks: Vec<&[String]> = if lines.is_empty() {
        vec![&[]]
    } else {
        lines.chunks(lines_per_page).collect()
    };
    for chunk in chunks {
        let mut rgb = vec![255u8; width as usize * height as usize * 3];
        for (n, line) in chunk.iter().enumerate() {
            let baseline = margin + line_height * n as f32 + scaled.ascent();
            let mut x = margin;
            for c in line.chars() {
                let id = font.glyph_id(c);
                let glyph = id.with_scale_and_position(size, point(x, baseline));
                x += scaled.h_advance(id);
                let Some(outlined) = font.outline_glyph(glyph) else {
                    continue;
                };
                let bounds = outlined.px_bounds();
                outlined.draw(|gx, gy, coverage| {
                    let px = bounds.min.x as i64 + i64::from(gx);
                    let py = bounds.min.y as i64 + i64::from(gy);
                    if px < 0 || py < 0 || px >= i64::from(width) || py >= i64::from(height) {
                        return;
                    }
                    let at = (py as usize * width as usize + px as usize) * 3;
                    let ink = 255.0 - 255.0 * coverage.clamp(0.0, 1.0);
                    for channel in &mut rgb[at..at + 3] {
                        *channel = (*channel as f32).min(ink) as u8;
                    }
                });
            }
        }
        out.page(width, height, &rgb)?;
    }
    out.end(pages as u32)?;
    std::io::stdout().flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppm_headers() {
        let mut ppm = b"P6\n# comment\n2 1\n255\n".to_vec();
        ppm.extend([0u8; 6]);
        assert_eq!(parse_ppm(&ppm, 10).map(|p| (p.0, p.1)), Some((2, 1)));
        assert!(parse_ppm(&ppm, 1).is_none(), "wider than allowed");
        assert!(parse_ppm(b"P6\n2 1\n255\n\0", 10).is_none(), "short");
        assert!(parse_ppm(b"P5\n2 1\n255\n\0\0", 10).is_none());
    }

    proptest::proptest! {
        #[test]
        fn ppm_parsing_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let mut input = b"P6 ".to_vec();
            input.extend(bytes);
            let _ = parse_ppm(&input, 64);
        }
    }
}
