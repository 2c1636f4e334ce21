//! age encryption and decryption, the only place that touches the age format.
//!
//! Everything a reporter sends is sealed here as it streams in: plaintext goes in piece
//! by piece, ciphertext comes out piece by piece, and nothing in between is written
//! anywhere. Each sealed item is a standard age file that `age -d -i KEY` opens.

use std::io::{self, Read, Write};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use age::secrecy::ExposeSecret;
use age::x25519::{Identity, Recipient};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Errors of sealing and opening.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("no recipient to encrypt to")]
    NoRecipients,
    #[error("encryption failed")]
    Encrypt,
    #[error("the item is not an age file or is damaged")]
    Malformed,
    #[error("none of the given keys can open this item")]
    NoMatchingKey,
    #[error("the identity is not a valid age X25519 identity")]
    BadIdentity,
}

/// Builds an age X25519 identity from 32 secret bytes (the reporter's derived seed).
pub fn identity_from_seed(seed: &[u8; 32]) -> Result<Identity, SealError> {
    let hrp = bech32::Hrp::parse("age-secret-key-").map_err(|_| SealError::BadIdentity)?;
    let mut encoded = Zeroizing::new(String::with_capacity(80));
    bech32::encode_upper_to_fmt::<bech32::Bech32, _>(&mut *encoded, hrp, seed)
        .map_err(|_| SealError::BadIdentity)?;
    Identity::from_str(&encoded).map_err(|_| SealError::BadIdentity)
}

/// The identity's secret encoding (`AGE-SECRET-KEY-1…`), for writing a key file.
pub fn identity_to_secret_string(identity: &Identity) -> Zeroizing<String> {
    Zeroizing::new(identity.to_string().expose_secret().to_string())
}

/// Parses the identities of an age identity file (comments and blank lines allowed).
pub fn parse_identity_file(text: &str) -> Result<Vec<Identity>, SealError> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        out.push(Identity::from_str(line).map_err(|_| SealError::BadIdentity)?);
    }
    if out.is_empty() {
        return Err(SealError::BadIdentity);
    }
    Ok(out)
}

/// Ciphertext written by the age stream, waiting to be taken by the caller.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        std::mem::take(&mut *guard)
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What sealing one item produced besides its ciphertext.
#[derive(Debug, Clone)]
pub struct SealedSummary {
    /// The last ciphertext bytes (the final STREAM chunk).
    pub tail: Vec<u8>,
    /// Size of the plaintext in bytes.
    pub plaintext_len: u64,
    /// SHA-256 of the plaintext (the evidence's fingerprint, kept encrypted).
    pub plaintext_sha256: [u8; 32],
}

/// Streaming encryption of one item to a fixed set of recipients.
pub struct Sealer {
    writer: age::stream::StreamWriter<Sink>,
    sink: Sink,
    plaintext_len: u64,
    plaintext_hash: Sha256,
}

impl Sealer {
    pub fn new(recipients: &[Recipient]) -> Result<Sealer, SealError> {
        if recipients.is_empty() {
            return Err(SealError::NoRecipients);
        }
        let encryptor =
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                .map_err(|_| SealError::Encrypt)?;
        let sink = Sink::default();
        let writer = encryptor
            .wrap_output(sink.clone())
            .map_err(|_| SealError::Encrypt)?;
        Ok(Sealer {
            writer,
            sink,
            plaintext_len: 0,
            plaintext_hash: Sha256::new(),
        })
    }

    /// Encrypts more plaintext. Ciphertext becomes available through [`Sealer::take`].
    pub fn write(&mut self, plaintext: &[u8]) -> Result<(), SealError> {
        self.plaintext_hash.update(plaintext);
        self.plaintext_len += plaintext.len() as u64;
        self.writer
            .write_all(plaintext)
            .map_err(|_| SealError::Encrypt)
    }

    /// Ciphertext produced so far and not yet taken (whole 64 KiB age chunks).
    pub fn take(&mut self) -> Vec<u8> {
        self.sink.take()
    }

    /// Bytes of plaintext written so far.
    pub fn plaintext_len(&self) -> u64 {
        self.plaintext_len
    }

    /// Writes the final chunk; returns the remaining ciphertext and the plaintext summary.
    pub fn finish(self) -> Result<SealedSummary, SealError> {
        let sink = self.writer.finish().map_err(|_| SealError::Encrypt)?;
        Ok(SealedSummary {
            tail: sink.take(),
            plaintext_len: self.plaintext_len,
            plaintext_sha256: self.plaintext_hash.finalize().into(),
        })
    }
}

/// Seals a small item held in memory (file metadata, a short reply) in one call.
pub fn seal_bytes(recipients: &[Recipient], plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
    let mut sealer = Sealer::new(recipients)?;
    sealer.write(plaintext)?;
    let mut out = sealer.take();
    out.extend_from_slice(&sealer.finish()?.tail);
    Ok(out)
}

/// Seals a small plaintext to one recipient as an armored (text) age file.
pub fn seal_armored(recipient: &Recipient, plaintext: &[u8]) -> Result<String, SealError> {
    use age::armor::{ArmoredWriter, Format};
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
            .map_err(|_| SealError::Encrypt)?;
    let armored = ArmoredWriter::wrap_output(Vec::new(), Format::AsciiArmor)
        .map_err(|_| SealError::Encrypt)?;
    let mut writer = encryptor
        .wrap_output(armored)
        .map_err(|_| SealError::Encrypt)?;
    writer
        .write_all(plaintext)
        .map_err(|_| SealError::Encrypt)?;
    let out = writer
        .finish()
        .and_then(|armored| armored.finish())
        .map_err(|_| SealError::Encrypt)?;
    String::from_utf8(out).map_err(|_| SealError::Encrypt)
}

/// Armors an age file held in memory (binary to the ASCII form `age -a` writes).
pub fn armor(age_file: &[u8]) -> Result<String, SealError> {
    use age::armor::{ArmoredWriter, Format};
    let mut writer = ArmoredWriter::wrap_output(Vec::new(), Format::AsciiArmor)
        .map_err(|_| SealError::Encrypt)?;
    writer.write_all(age_file).map_err(|_| SealError::Encrypt)?;
    let out = writer.finish().map_err(|_| SealError::Encrypt)?;
    String::from_utf8(out).map_err(|_| SealError::Encrypt)
}

/// Opens an armored or binary age file held in memory.
pub fn open_armored(identities: &[Identity], text: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let reader = age::armor::ArmoredReader::new(text);
    let mut plain = Zeroizing::new(Vec::new());
    open_reader(identities, reader)?
        .read_to_end(&mut plain)
        .map_err(|_| SealError::Malformed)?;
    Ok(plain)
}

/// Opens an age file from a reader with any of the identities; the result reads plaintext.
pub fn open_reader<R: Read>(
    identities: &[Identity],
    ciphertext: R,
) -> Result<impl Read + use<R>, SealError> {
    let decryptor = age::Decryptor::new(ciphertext).map_err(|_| SealError::Malformed)?;
    decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => SealError::NoMatchingKey,
            _ => SealError::Malformed,
        })
}

/// Opens a small age file held in memory; the plaintext is wiped when dropped.
pub fn open_bytes(
    identities: &[Identity],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let mut reader = open_reader(identities, ciphertext)?;
    let mut out = Zeroizing::new(Vec::new());
    reader
        .read_to_end(&mut out)
        .map_err(|_| SealError::Malformed)?;
    Ok(out)
}

/// Decrypts an age file read asynchronously, yielding plaintext in pieces of at most
/// 64 KiB. Each piece is authenticated before it is yielded; a damaged or truncated file
/// ends the stream with an error.
pub fn open_async_stream<R>(
    identities: Vec<Identity>,
    ciphertext: R,
) -> impl futures_util::Stream<Item = io::Result<bytes::Bytes>> + Send + 'static
where
    R: futures_util::AsyncBufRead + Unpin + Send + 'static,
{
    enum State<R> {
        Start(Vec<Identity>, R),
        Reading(age::stream::StreamReader<R>),
        Done,
    }
    futures_util::stream::unfold(State::Start(identities, ciphertext), |state| async move {
        use futures_util::AsyncReadExt;
        let mut reader = match state {
            State::Done => return None,
            State::Reading(reader) => reader,
            State::Start(identities, ciphertext) => {
                let opened = match age::Decryptor::new_async_buffered(ciphertext).await {
                    Ok(d) => d
                        .decrypt_async(identities.iter().map(|i| i as &dyn age::Identity))
                        .map_err(|_| io::Error::other(SealError::NoMatchingKey)),
                    Err(_) => Err(io::Error::other(SealError::Malformed)),
                };
                match opened {
                    Ok(reader) => reader,
                    Err(e) => return Some((Err(e), State::Done)),
                }
            }
        };
        let mut buf = vec![0u8; 64 * 1024];
        match reader.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(bytes::Bytes::from(buf)), State::Reading(reader)))
            }
            Err(_) => Some((Err(io::Error::other(SealError::Malformed)), State::Done)),
        }
    })
}

/// Checks that `ciphertext` starts with a well-formed age header (used on ciphertext made
/// elsewhere, such as replies sealed on the workstation).
pub fn is_age_header(ciphertext: &[u8]) -> bool {
    age::Decryptor::new(ciphertext).is_ok()
}

/// Length of a binary age header at the start of `data` (through its MAC line), if the
/// data starts like one. Stanza lines never start with `---`, so the first `\n--- `
/// begins the MAC line.
pub fn age_header_len(data: &[u8]) -> Option<usize> {
    const INTRO: &[u8] = b"age-encryption.org/v1\n";
    if !data.starts_with(INTRO) {
        return None;
    }
    let mac = data.windows(5).position(|w| w == b"\n--- ")? + 1;
    let end = data.get(mac..)?.iter().position(|&b| b == b'\n')?;
    mac.checked_add(end)?.checked_add(1)
}

/// Whether `len` bytes can be an age payload: a 16-byte nonce, then STREAM chunks of
/// 64 KiB + 16 bytes of tag, the last one holding 1 to 64 KiB (17 to 65,552 bytes), or
/// nothing at all (16 bytes) when it is the only chunk.
pub fn is_age_payload_length(len: u64) -> bool {
    const NONCE: u64 = 16;
    const TAG: u64 = 16;
    const CHUNK: u64 = 64 * 1024 + TAG;
    let Some(body) = len.checked_sub(NONCE) else {
        return false;
    };
    match body % CHUNK {
        0 => body > 0,
        last => last > TAG || (last == TAG && body == TAG),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every real age file, whatever its plaintext length, has a header this finds and
        /// a payload of a valid length; one byte more or less is refused.
        #[test]
        fn structure_of_real_files(len in prop_oneof![0usize..200, 65_530usize..65_545, 131_060usize..131_080]) {
            let id = Identity::generate();
            let plain = vec![7u8; len];
            let ct = seal_bytes(&[id.to_public()], &plain).expect("seal");
            let header = age_header_len(&ct).expect("header");
            let payload = (ct.len() - header) as u64;
            prop_assert!(is_age_payload_length(payload));
            prop_assert_eq!(payload, payload_len_of(len as u64));
        }

        #[test]
        fn header_search_never_panics(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = age_header_len(&data);
            let mut with_intro = b"age-encryption.org/v1\n".to_vec();
            with_intro.extend_from_slice(&data);
            if let Some(n) = age_header_len(&with_intro) {
                prop_assert!(n <= with_intro.len());
            }
        }
    }

    /// The payload length of an age file of `n` plaintext bytes: nonce, then one 16-byte
    /// tag per 64 KiB chunk (at least one chunk).
    fn payload_len_of(n: u64) -> u64 {
        16 + n + 16 * n.div_ceil(65_536).max(1)
    }

    #[test]
    fn payload_lengths_are_exactly_those_of_some_plaintext() {
        let limit = payload_len_of(3 * 65_536) as usize;
        let mut possible = vec![false; limit + 1];
        for n in 0..=(3 * 65_536) {
            if let Some(slot) = possible.get_mut(payload_len_of(n) as usize) {
                *slot = true;
            }
        }
        for (len, expected) in possible.iter().enumerate() {
            assert_eq!(is_age_payload_length(len as u64), *expected, "{len}");
        }
    }

    #[test]
    fn round_trip_streaming() {
        let id = Identity::generate();
        let other = Identity::generate();
        let recipients = [id.to_public(), other.to_public()];
        let mut sealer = Sealer::new(&recipients).expect("sealer");
        let mut ct = Vec::new();
        let mut expected = Vec::new();
        for i in 0..300u32 {
            let piece = vec![(i % 251) as u8; 1000 + i as usize];
            sealer.write(&piece).expect("write");
            expected.extend_from_slice(&piece);
            ct.extend(sealer.take());
        }
        let summary = sealer.finish().expect("finish");
        ct.extend(summary.tail);
        assert_eq!(summary.plaintext_len, expected.len() as u64);
        assert_eq!(
            summary.plaintext_sha256,
            <[u8; 32]>::from(Sha256::digest(&expected))
        );
        assert_eq!(*open_bytes(&[id], &ct).expect("open"), expected);
        assert_eq!(*open_bytes(&[other], &ct).expect("open"), expected);
        assert!(matches!(
            open_bytes(&[Identity::generate()], &ct),
            Err(SealError::NoMatchingKey)
        ));
    }

    #[test]
    fn ciphertext_leaves_in_whole_chunks() {
        let id = Identity::generate();
        let mut sealer = Sealer::new(&[id.to_public()]).expect("sealer");
        sealer.write(&[7u8; 100]).expect("write");
        let header_only = sealer.take();
        sealer.write(&vec![7u8; 200_000]).expect("write");
        let more = sealer.take();
        assert!(!more.is_empty(), "full chunks are flushed as they fill");
        assert!(more.len() > header_only.len());
    }

    #[test]
    fn seed_identity_is_stable() {
        let seed = [42u8; 32];
        let a = identity_from_seed(&seed).expect("identity");
        let b = identity_from_seed(&seed).expect("identity");
        assert_eq!(a.to_public().to_string(), b.to_public().to_string());
        assert!(identity_to_secret_string(&a).starts_with("AGE-SECRET-KEY-1"));
        let c = identity_from_seed(&[43u8; 32]).expect("identity");
        assert_ne!(a.to_public().to_string(), c.to_public().to_string());
    }

    #[test]
    fn empty_recipients_refused() {
        assert!(matches!(Sealer::new(&[]), Err(SealError::NoRecipients)));
    }

    #[test]
    fn garbage_is_malformed() {
        let id = Identity::generate();
        assert!(matches!(
            open_bytes(&[id], b"not age"),
            Err(SealError::Malformed)
        ));
        assert!(!is_age_header(b"age-encryption.org/v1\n-> X25519 zz\n"));
    }

    #[tokio::test]
    async fn async_stream_round_trip_and_tamper() {
        use futures_util::{StreamExt, TryStreamExt};
        let id = Identity::generate();
        let plain: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let ct = seal_bytes(&[id.to_public()], &plain).expect("seal");
        let chunks: Vec<io::Result<Vec<u8>>> = ct.chunks(10_000).map(|c| Ok(c.to_vec())).collect();
        let reader = futures_util::stream::iter(chunks).into_async_read();
        let out: Vec<bytes::Bytes> = open_async_stream(vec![id.clone()], reader)
            .try_collect()
            .await
            .expect("decrypt");
        assert_eq!(out.concat(), plain);

        let mut bad = ct.clone();
        let last = bad.len() - 5;
        bad[last] ^= 1;
        let reader = futures_util::stream::iter(vec![Ok::<_, io::Error>(bad)]).into_async_read();
        let results: Vec<_> = open_async_stream(vec![id.clone()], reader).collect().await;
        assert!(
            results.last().expect("items").is_err(),
            "tampering is detected"
        );
        let total: usize = results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|b| b.len())
            .sum();
        assert!(total < plain.len(), "the damaged chunk is never released");

        let reader = futures_util::stream::iter(vec![Ok::<_, io::Error>(ct)]).into_async_read();
        let results: Vec<_> = open_async_stream(vec![Identity::generate()], reader)
            .collect()
            .await;
        assert_eq!(results.len(), 1);
        assert!(results[0].is_err());
    }

    #[test]
    fn armored_round_trip() {
        let id = Identity::generate();
        let text = seal_armored(&id.to_public(), b"challenge").expect("seal");
        assert!(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
        assert_eq!(
            *open_armored(&[id], text.as_bytes()).expect("open"),
            b"challenge"
        );
        assert!(open_armored(&[Identity::generate()], text.as_bytes()).is_err());
    }

    #[test]
    fn identity_file_parsing() {
        let id = Identity::generate();
        let text = format!(
            "# created: now\n# public key: {}\n{}\n",
            id.to_public(),
            identity_to_secret_string(&id).as_str()
        );
        let ids = parse_identity_file(&text).expect("parse");
        assert_eq!(ids.len(), 1);
        assert!(parse_identity_file("# nothing\n").is_err());
        assert!(parse_identity_file("AGE-SECRET-KEY-1XYZ").is_err());
    }
}
