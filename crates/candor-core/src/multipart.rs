//! The one way a multipart body is read, on both sides (the server's reporter forms and
//! reviewer API, the workstation's local forms): the size limit, an idle timeout, a cap
//! on the number of parts, and a bound on what the parser may hold that is not content.
//!
//! `multer` buffers a part's headers, and whatever precedes the first boundary, until it
//! finds their end, with no limit of its own: one request whose part header never ends
//! would grow the server's memory up to the whole upload limit. This module meters the
//! body between the connection and the parser: every byte handed to the parser must be
//! either content a reader took out ([`Part::chunk`]) or overhead of a part begun, and
//! each part (the one being parsed included) may cost at most [`MAX_PART_OVERHEAD`].
//! Pieces handed to the parser are at most [`MAX_PIECE`] long, so what the parser holds
//! beyond that is bounded whatever the request's shape. Counting every part, empty ones
//! included, bounds the work of a request made of many tiny parts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use multer::{Constraints, Multipart};

/// The most a part's boundary line and headers may take.
pub const MAX_PART_OVERHEAD: u64 = 16 * 1024;
/// The largest piece of the body handed to the parser at once.
pub const MAX_PIECE: usize = 64 * 1024;
/// A client that sends nothing for this long is disconnected and nothing is kept.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(300);
/// An oversized request is read (and discarded) up to this many bytes before the answer,
/// so that the browser shows the page rather than a broken connection; beyond that the
/// connection is cut at once instead of making the reporter upload for nothing.
pub const DRAIN_BYTES: u64 = 64 * 1024 * 1024;

/// Why a multipart body was not read to its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    #[error("the request is larger than the limit")]
    TooLarge,
    #[error("a part is larger than its limit")]
    FieldTooLarge,
    #[error("the request has more than {0} parts")]
    TooManyParts(usize),
    #[error("a part's headers are longer than {MAX_PART_OVERHEAD} bytes")]
    HeadersTooLarge,
    #[error("nothing arrived for {} seconds", IDLE_TIMEOUT.as_secs())]
    Timeout,
    #[error("the multipart body could not be read: {0}")]
    Malformed(String),
}

/// What the metered stream and the readers count together.
#[derive(Default)]
struct Meter {
    /// Bytes handed to the parser.
    fed: AtomicU64,
    /// Content bytes readers took out.
    consumed: AtomicU64,
    /// Parts begun.
    parts: AtomicU64,
    /// Answers the parser gave its readers (a part, a piece of content, an end): progress.
    answers: AtomicU64,
    too_large: AtomicBool,
    overhead: AtomicBool,
}

impl Meter {
    /// The parser's error, in terms of what the meter saw first.
    fn error(&self, err: multer::Error) -> IntakeError {
        if self.too_large.load(Ordering::Relaxed) {
            return IntakeError::TooLarge;
        }
        if self.overhead.load(Ordering::Relaxed) {
            return IntakeError::HeadersTooLarge;
        }
        match err {
            multer::Error::FieldSizeExceeded { .. } => IntakeError::FieldTooLarge,
            multer::Error::StreamSizeExceeded { .. } => IntakeError::TooLarge,
            other => {
                // A header's name is the sender's, in any script: cut on a char.
                let text = other.to_string();
                IntakeError::Malformed(text[..text.floor_char_boundary(200)].to_string())
            }
        }
    }

    /// Whether the parser holds more than content in flight and the overhead its parts
    /// may take.
    fn over_budget(&self) -> bool {
        self.over_budget_with(0)
    }

    /// Whether the parser would be over budget with `more` bytes fed.
    fn over_budget_with(&self, more: u64) -> bool {
        let fed = self.fed.load(Ordering::Relaxed).saturating_add(more);
        let consumed = self.consumed.load(Ordering::Relaxed);
        let parts = self.parts.load(Ordering::Relaxed);
        let allowed = (parts + 1)
            .saturating_mul(MAX_PART_OVERHEAD)
            .saturating_add(MAX_PIECE as u64);
        fed.saturating_sub(consumed) > allowed
    }
}

/// A multipart body being read.
pub struct Intake {
    multipart: Multipart<'static>,
    meter: Arc<Meter>,
    max_parts: usize,
}

impl Intake {
    /// Starts reading `body`, a `multipart/form-data` request (its `Content-Type` given)
    /// of at most `limit` bytes and `max_parts` parts, with `constraints` on its fields.
    pub fn new<S>(
        content_type: Option<&str>,
        body: S,
        limit: u64,
        max_parts: usize,
        constraints: Constraints,
    ) -> Result<Intake, IntakeError>
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin + 'static,
    {
        let boundary = content_type
            .and_then(|ct| multer::parse_boundary(ct).ok())
            .ok_or_else(|| IntakeError::Malformed("it is not multipart/form-data".into()))?;
        Ok(Self::from_stream(
            body,
            boundary,
            limit,
            max_parts,
            constraints,
        ))
    }

    /// The same over any stream of pieces (for fuzzing and tests).
    pub fn from_stream<S>(
        stream: S,
        boundary: String,
        limit: u64,
        max_parts: usize,
        constraints: Constraints,
    ) -> Intake
    where
        S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin + 'static,
    {
        let meter = Arc::new(Meter::default());
        let metered = metered(stream, limit, Arc::clone(&meter));
        Intake {
            multipart: Multipart::with_constraints(metered, boundary, constraints),
            meter,
            max_parts,
        }
    }

    /// The next part, or `None` at the end of the body.
    pub async fn next_part(&mut self) -> Result<Option<Part>, IntakeError> {
        let next = tokio::time::timeout(IDLE_TIMEOUT, self.multipart.next_field())
            .await
            .map_err(|_| IntakeError::Timeout)?;
        self.meter.answers.fetch_add(1, Ordering::Relaxed);
        let field = match next {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(None),
            Err(e) => return Err(self.meter.error(e)),
        };
        let parts = self.meter.parts.fetch_add(1, Ordering::Relaxed) + 1;
        if parts > self.max_parts as u64 {
            return Err(IntakeError::TooManyParts(self.max_parts));
        }
        Ok(Some(Part {
            field,
            meter: Arc::clone(&self.meter),
        }))
    }
}

/// One part of the body.
pub struct Part {
    field: multer::Field<'static>,
    meter: Arc<Meter>,
}

impl Part {
    pub fn name(&self) -> Option<&str> {
        self.field.name()
    }

    pub fn file_name(&self) -> Option<&str> {
        self.field.file_name()
    }

    /// The declared type's essence (`image/png`), if any.
    pub fn content_type(&self) -> Option<String> {
        self.field
            .content_type()
            .map(|m| m.essence_str().to_string())
    }

    /// The next piece of the part's content.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, IntakeError> {
        let next = tokio::time::timeout(IDLE_TIMEOUT, self.field.chunk())
            .await
            .map_err(|_| IntakeError::Timeout)?;
        self.meter.answers.fetch_add(1, Ordering::Relaxed);
        match next {
            Ok(Some(chunk)) => {
                self.meter
                    .consumed
                    .fetch_add(chunk.len() as u64, Ordering::Relaxed);
                Ok(Some(chunk))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(self.meter.error(e)),
        }
    }

    /// The whole content of a part whose size its field's constraint bounds.
    pub async fn bytes(mut self) -> Result<Vec<u8>, IntakeError> {
        let mut out = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }
}

/// The body in pieces of at most [`MAX_PIECE`] bytes, cut off with an error once more than
/// `limit` bytes arrived (after draining a bounded remainder, see [`DRAIN_BYTES`]) or once
/// the parser holds more than its parts' overhead allows.
///
/// After each piece the stream answers "not yet" once (and wakes itself): the parser reads
/// everything a stream has ready in one go, so without this pause it would pull a fast
/// client's whole socket buffer before anyone reads content, and the meter could not tell
/// that from overhead. For the same reason it answers "not yet" (and wakes itself) when
/// one more piece would put the parser over budget and the parser has answered its
/// readers since the last such hold: the parser pulls a piece at every step, even with
/// the next parts already buffered (a fast client sending many small files), and should
/// use what it holds first. Only a parser that comes back without having answered
/// anything (it needs more to go on) gets the piece, and with it the budget's check.
struct Metered<S> {
    stream: S,
    pending: Bytes,
    seen: u64,
    limit: u64,
    /// Bytes still to discard before the error, once the limit was passed.
    draining: Option<u64>,
    paused: bool,
    /// The parser's answer count when the stream last held it back.
    held_at: Option<u64>,
    done: bool,
    meter: Arc<Meter>,
}

fn metered<S>(stream: S, limit: u64, meter: Arc<Meter>) -> Metered<S> {
    Metered {
        stream,
        pending: Bytes::new(),
        seen: 0,
        limit,
        draining: None,
        paused: false,
        held_at: None,
        done: false,
        meter,
    }
}

impl<S> Stream for Metered<S>
where
    S: Stream<Item = Result<Bytes, std::io::Error>> + Unpin,
{
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        if let Some(left) = this.draining {
            // Read (and drop) a bounded remainder, so the client sees the answer.
            let mut left = left;
            loop {
                match this.stream.poll_next_unpin(cx) {
                    Poll::Ready(Some(Ok(chunk))) if (chunk.len() as u64) < left => {
                        left -= chunk.len() as u64;
                    }
                    Poll::Pending => {
                        this.draining = Some(left);
                        return Poll::Pending;
                    }
                    _ => break,
                }
            }
            this.done = true;
            this.meter.too_large.store(true, Ordering::Relaxed);
            let err = std::io::Error::other("request larger than the limit");
            return Poll::Ready(Some(Err(err)));
        }
        if this.paused {
            this.paused = false;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        if this.meter.over_budget_with(MAX_PIECE as u64) {
            let answers = this.meter.answers.load(Ordering::Relaxed);
            if this.held_at != Some(answers) {
                this.held_at = Some(answers);
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
        }
        if this.meter.over_budget() {
            this.meter.overhead.store(true, Ordering::Relaxed);
            this.done = true;
            let err = std::io::Error::other("part headers too large");
            return Poll::Ready(Some(Err(err)));
        }
        if this.pending.is_empty() {
            match this.stream.poll_next_unpin(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {
                    this.done = true;
                    return Poll::Ready(None);
                }
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(Some(Ok(chunk))) => {
                    this.seen += chunk.len() as u64;
                    if this.seen > this.limit {
                        this.meter.too_large.store(true, Ordering::Relaxed);
                        this.draining = Some(DRAIN_BYTES);
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                    this.pending = chunk;
                }
            }
        }
        let piece = this.pending.split_to(this.pending.len().min(MAX_PIECE));
        this.meter
            .fed
            .fetch_add(piece.len() as u64, Ordering::Relaxed);
        this.paused = true;
        Poll::Ready(Some(Ok(piece)))
    }
}

/// Reads and discards up to `cap` more bytes of a body.
pub async fn drain<S, E>(mut stream: S, cap: u64)
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let mut drained = 0u64;
    while let Some(Ok(chunk)) = stream.next().await {
        drained += chunk.len() as u64;
        if drained > cap {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intake(body: Vec<u8>, max_parts: usize) -> Intake {
        intake_counting(body, max_parts).0
    }

    /// Also counts the bytes the intake pulled from the connection.
    fn intake_counting(body: Vec<u8>, max_parts: usize) -> (Intake, Arc<AtomicU64>) {
        let pulled = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&pulled);
        let pieces: Vec<Bytes> = body.chunks(7_000).map(Bytes::copy_from_slice).collect();
        let stream = futures_util::stream::iter(pieces).map(move |piece| {
            counter.fetch_add(piece.len() as u64, Ordering::Relaxed);
            Ok::<_, std::io::Error>(piece)
        });
        let intake =
            Intake::from_stream(stream, "B".into(), 1 << 30, max_parts, Constraints::new());
        (intake, pulled)
    }

    async fn read_all(mut intake: Intake) -> Result<(usize, u64), IntakeError> {
        let (mut parts, mut bytes) = (0, 0u64);
        while let Some(mut part) = intake.next_part().await? {
            parts += 1;
            while let Some(chunk) = part.chunk().await? {
                bytes += chunk.len() as u64;
            }
        }
        Ok((parts, bytes))
    }

    fn part(name: &str, content: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "--B\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"f\"\r\n\r\n"
        )
        .into_bytes();
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n");
        out
    }

    /// Headers a hostile sender makes up (long, in any script) are refused as malformed;
    /// the error's text, which may quote them, is cut on a character.
    #[tokio::test]
    async fn made_up_headers_are_malformed_not_a_panic() {
        for pad in 0..4 {
            let name = format!("{}{}", "X".repeat(190 + pad), "é".repeat(40));
            for head in [
                format!("--B\r\n{name}: v\r\n\r\nx\r\n--B--\r\n"),
                format!("--B\r\nContent-Disposition: form-data; name=\"{name}\r\n\r\nx\r\n"),
                format!("--B\r\nContent-Disposition: {name}\r\n\r\nx\r\n--B--\r\n"),
            ] {
                if let Err(IntakeError::Malformed(text)) =
                    read_all(intake(head.into_bytes(), 10)).await
                {
                    assert!(text.len() <= 200, "{text}");
                }
            }
        }
    }

    /// A fast client whose whole form is at hand (arriving in large pieces, always ready)
    /// with many small files is read to its end: the parser, which pulls a piece from the
    /// stream at every step whether or not it has data, is held back instead of being
    /// counted as holding overhead.
    #[tokio::test]
    async fn many_small_parts_all_at_hand_are_read() {
        let mut body = Vec::new();
        for i in 0..400 {
            body.extend(part("files", &vec![b'x'; 300 + i]));
        }
        body.extend_from_slice(b"--B--\r\n");
        let pieces: Vec<Bytes> = body.chunks(1 << 20).map(Bytes::copy_from_slice).collect();
        let stream = futures_util::stream::iter(pieces).map(Ok::<_, std::io::Error>);
        let intake = Intake::from_stream(stream, "B".into(), 1 << 30, 1000, Constraints::new());
        let expected: u64 = (0..400).map(|i| 300 + i).sum();
        assert_eq!(read_all(intake).await, Ok((400, expected)));
    }

    #[tokio::test]
    async fn reads_large_parts_and_counts_them() {
        let mut body = part("files", &vec![7u8; 3_000_000]);
        body.extend(part("files", b""));
        body.extend(part("files", b"x"));
        body.extend_from_slice(b"--B--\r\n");
        assert_eq!(read_all(intake(body, 10)).await, Ok((3, 3_000_001)));
    }

    #[tokio::test]
    async fn a_header_that_never_ends_is_refused_early() {
        let mut body = b"--B\r\nContent-Disposition: form-data; name=\"files\"; x=\"".to_vec();
        body.extend(std::iter::repeat_n(b'a', 5_000_000));
        let (intake, pulled) = intake_counting(body, 10);
        assert_eq!(read_all(intake).await, Err(IntakeError::HeadersTooLarge));
        let pulled = pulled.load(Ordering::Relaxed);
        assert!(
            pulled < 2 * (MAX_PART_OVERHEAD + MAX_PIECE as u64),
            "{pulled}"
        );
    }

    #[tokio::test]
    async fn a_preamble_without_boundary_is_refused_early() {
        let (intake, pulled) = intake_counting(vec![b'z'; 5_000_000], 10);
        assert_eq!(read_all(intake).await, Err(IntakeError::HeadersTooLarge));
        let pulled = pulled.load(Ordering::Relaxed);
        assert!(
            pulled < 2 * (MAX_PART_OVERHEAD + MAX_PIECE as u64),
            "{pulled}"
        );
    }

    #[tokio::test]
    async fn empty_parts_count() {
        let mut body = Vec::new();
        for _ in 0..50 {
            body.extend(part("files", b""));
        }
        body.extend_from_slice(b"--B--\r\n");
        assert_eq!(
            read_all(intake(body, 20)).await,
            Err(IntakeError::TooManyParts(20))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_body_is_read_or_refused(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            let _ = runtime.block_on(read_all(intake(body, 100)));
        }
    }
}
