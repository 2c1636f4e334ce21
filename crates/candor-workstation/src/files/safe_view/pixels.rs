//! The only thing that leaves the sandbox: pages as raw pixels, in a format too simple to
//! attack (the idea of Dangerzone's pixel stream). After the magic line, records:
//!
//! - `P` width:u32 height:u32 (big-endian), then width × height × 3 bytes of RGB;
//! - `E` pages:u32: the end, and how many pages the document had;
//! - `X` code:u8 detail:u32: the conversion was refused (see [`Refusal`]).
//!
//! The reader checks every number against its [`Bounds`] before it allocates anything.

use std::io::{self, Read, Write};

pub const MAGIC: &[u8] = b"candor-pixels/1\n";

/// Why the converter refused, as a code: the sandbox never sends words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The document has more pages than allowed (detail: its pages).
    TooManyPages = 1,
    /// The image is larger than allowed (detail: its longer side).
    TooLarge = 2,
    /// The file could not be read as what it claims to be.
    Unreadable = 3,
    /// The input is larger than allowed.
    InputTooLarge = 4,
    /// No converter for this kind is installed (LibreOffice for office documents).
    NoConverter = 5,
    /// No font to draw text with.
    NoFont = 6,
    /// A converter was stopped by the sandbox's limits (memory, CPU time, file size).
    Limits = 7,
}

impl Refusal {
    fn from_code(code: u8) -> Option<Refusal> {
        Some(match code {
            1 => Refusal::TooManyPages,
            2 => Refusal::TooLarge,
            3 => Refusal::Unreadable,
            4 => Refusal::InputTooLarge,
            5 => Refusal::NoConverter,
            6 => Refusal::NoFont,
            7 => Refusal::Limits,
            _ => return None,
        })
    }
}

/// What a reader accepts.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub max_pages: u32,
    /// Neither side of a page may be longer.
    pub max_side: u32,
}

/// One record read from the stream.
#[derive(Debug, PartialEq, Eq)]
pub enum Record {
    Page {
        width: u32,
        height: u32,
        rgb: Vec<u8>,
    },
    End {
        pages: u32,
    },
    Refused(Refusal, u32),
}

#[derive(Debug, thiserror::Error)]
pub enum PixelError {
    #[error("the converter's output is malformed")]
    Malformed,
    #[error("the converter sent a page of {0} × {1} pixels, more than allowed")]
    TooLarge(u32, u32),
    #[error("the converter sent more pages than allowed")]
    TooManyPages,
    #[error("the converter stopped before the end")]
    Truncated,
}

/// Reads records, enforcing [`Bounds`].
pub struct Reader<R> {
    inner: R,
    bounds: Bounds,
    pages: u32,
    started: bool,
}

impl<R: Read> Reader<R> {
    pub fn new(inner: R, bounds: Bounds) -> Reader<R> {
        Reader {
            inner,
            bounds,
            pages: 0,
            started: false,
        }
    }

    pub fn next_record(&mut self) -> Result<Record, PixelError> {
        if !self.started {
            let mut magic = [0u8; MAGIC.len()];
            self.exact(&mut magic)?;
            if magic != MAGIC {
                return Err(PixelError::Malformed);
            }
            self.started = true;
        }
        let mut tag = [0u8; 1];
        self.exact(&mut tag)?;
        match tag[0] {
            b'P' => {
                let width = self.u32()?;
                let height = self.u32()?;
                if width == 0 || height == 0 {
                    return Err(PixelError::Malformed);
                }
                if width > self.bounds.max_side || height > self.bounds.max_side {
                    return Err(PixelError::TooLarge(width, height));
                }
                self.pages += 1;
                if self.pages > self.bounds.max_pages {
                    return Err(PixelError::TooManyPages);
                }
                // Bounded: at most max_side² × 3 bytes.
                let len = width as usize * height as usize * 3;
                let mut rgb = vec![0u8; len];
                self.exact(&mut rgb)?;
                Ok(Record::Page { width, height, rgb })
            }
            b'E' => Ok(Record::End { pages: self.u32()? }),
            b'X' => {
                let mut code = [0u8; 1];
                self.exact(&mut code)?;
                let detail = self.u32()?;
                Refusal::from_code(code[0])
                    .map(|r| Record::Refused(r, detail))
                    .ok_or(PixelError::Malformed)
            }
            _ => Err(PixelError::Malformed),
        }
    }

    fn u32(&mut self) -> Result<u32, PixelError> {
        let mut b = [0u8; 4];
        self.exact(&mut b)?;
        Ok(u32::from_be_bytes(b))
    }

    fn exact(&mut self, buf: &mut [u8]) -> Result<(), PixelError> {
        self.inner.read_exact(buf).map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => PixelError::Truncated,
            _ => PixelError::Malformed,
        })
    }
}

/// Writes records (the sandboxed side).
pub struct Writer<W> {
    inner: W,
}

impl<W: Write> Writer<W> {
    pub fn new(mut inner: W) -> io::Result<Writer<W>> {
        inner.write_all(MAGIC)?;
        Ok(Writer { inner })
    }

    pub fn page(&mut self, width: u32, height: u32, rgb: &[u8]) -> io::Result<()> {
        self.inner.write_all(b"P")?;
        self.inner.write_all(&width.to_be_bytes())?;
        self.inner.write_all(&height.to_be_bytes())?;
        self.inner.write_all(rgb)
    }

    pub fn end(&mut self, pages: u32) -> io::Result<()> {
        self.inner.write_all(b"E")?;
        self.inner.write_all(&pages.to_be_bytes())?;
        self.inner.flush()
    }

    pub fn refuse(&mut self, why: Refusal, detail: u32) -> io::Result<()> {
        self.inner.write_all(&[b'X', why as u8])?;
        self.inner.write_all(&detail.to_be_bytes())?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Bounds = Bounds {
        max_pages: 2,
        max_side: 4,
    };

    #[test]
    fn round_trip_and_bounds() {
        let mut out = Vec::new();
        let mut w = Writer::new(&mut out).expect("write");
        w.page(2, 1, &[1, 2, 3, 4, 5, 6]).expect("write");
        w.end(1).expect("write");
        let mut r = Reader::new(&out[..], BOUNDS);
        assert!(matches!(
            r.next_record(),
            Ok(Record::Page {
                width: 2,
                height: 1,
                ..
            })
        ));
        assert_eq!(r.next_record().expect("end"), Record::End { pages: 1 });

        let mut big = MAGIC.to_vec();
        big.extend(b"P");
        big.extend(50_000u32.to_be_bytes());
        big.extend(50_000u32.to_be_bytes());
        assert!(matches!(
            Reader::new(&big[..], BOUNDS).next_record(),
            Err(PixelError::TooLarge(50_000, 50_000))
        ));
    }

    proptest::proptest! {
        #[test]
        fn reading_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..256)) {
            let mut input = MAGIC.to_vec();
            input.extend(bytes);
            let mut r = Reader::new(&input[..], BOUNDS);
            for _ in 0..8 {
                if r.next_record().is_err() { break; }
            }
        }
    }
}
