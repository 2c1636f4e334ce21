//! What the safe view makes of the pixels: one PNG per page, and a PDF whose pages are
//! those images and nothing else (no text layer, links, scripts, fonts or metadata),
//! written with the `pdf-writer` crate.

use std::io::Write;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref};

use super::SafeViewError;

/// Pages are drawn at this many pixels per inch.
const PIXELS_PER_INCH: f32 = 150.0;

/// A page of the safe view.
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub png: Vec<u8>,
    /// The page's pixels, compressed for the PDF.
    deflated: Vec<u8>,
}

impl Page {
    pub fn new(width: u32, height: u32, rgb: &[u8]) -> Result<Page, SafeViewError> {
        let mut png = Vec::new();
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut png),
            rgb,
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|_| SafeViewError::Output)?;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(rgb).map_err(|_| SafeViewError::Output)?;
        let deflated = z.finish().map_err(|_| SafeViewError::Output)?;
        Ok(Page {
            width,
            height,
            png,
            deflated,
        })
    }

    /// Bytes this page holds in memory.
    pub fn weight(&self) -> usize {
        self.png.len() + self.deflated.len()
    }
}

/// A PDF of page images only.
pub fn pdf(pages: &[Page]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let ids = |i: usize| {
        let base = 3 + 3 * i as i32;
        (Ref::new(base), Ref::new(base + 1), Ref::new(base + 2))
    };
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(|i| ids(i).0))
        .count(pages.len() as i32);
    let name = Name(b"Im");
    for (i, page) in pages.iter().enumerate() {
        let (page_id, image_id, content_id) = ids(i);
        let w = page.width as f32 * 72.0 / PIXELS_PER_INCH;
        let h = page.height as f32 * 72.0 / PIXELS_PER_INCH;
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(tree);
        p.contents(content_id);
        p.resources().x_objects().pair(name, image_id);
        p.finish();
        let mut image = pdf.image_xobject(image_id, &page.deflated);
        image.filter(Filter::FlateDecode);
        image.width(page.width as i32);
        image.height(page.height as i32);
        image.color_space().device_rgb();
        image.bits_per_component(8);
        image.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}
