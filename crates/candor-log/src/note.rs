//! C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures (type
//! `0x01`) and Ed25519 witness cosignatures (c2sp.org/tlog-cosignature,
//! `cosignature/v1`, type `0x04`).
//!
//! A signed note is a text ending in a newline, a blank line, and one or more
//! signature lines `— <key name> base64(key ID ‖ signature)`. The text is
//! separated from the signatures by the **last** blank line.
//!
//! # Key formats
//!
//! - Verifier key (vkey, public): `<name>+<hex8 key ID>+base64(type ‖ 32-byte public key)`,
//!   with type `0x01` (note signer) or `0x04` (cosigner).
//! - Private key (this crate's choice, the format of Go's
//!   `golang.org/x/mod/sumdb/note`): `PRIVATE+KEY+<name>+<hex8 key ID>+base64(type ‖ 32-byte Ed25519 seed)`.
//!   The key ID is that of the public key, so a private key's vkey is
//!   derivable. The string is a secret: it is never printed by `Debug`.
//! - Key ID: first 4 bytes (big-endian) of `SHA-256(name ‖ 0x0A ‖ type ‖ public key)`.
//!
//! # Verification rules ([`Note::verify`], [`open`])
//!
//! - a signature whose (name, key ID) is not known is ignored (kept in
//!   [`VerifiedNote::unverified`]);
//! - every signature from a known key is verified, and one that fails
//!   rejects the whole note;
//! - a note without any verified known signature is rejected;
//! - notes with more than [`MAX_SIGNATURES`] (100) signature lines or more
//!   than [`MAX_NOTE_SIZE`] bytes are rejected (the spec requires accepting
//!   at least 16).
//!
//! Ed25519 verification is strict (`verify_strict`: canonical `S`, no
//! small-order keys), which every honest RFC 8032 signer satisfies.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// Largest signed note accepted by the parser, in bytes.
pub const MAX_NOTE_SIZE: usize = 1 << 20;

/// Largest number of signature lines accepted by the parser.
pub const MAX_SIGNATURES: usize = 100;

/// Signature prefix of a signature line: em dash and space.
const SIG_PREFIX: &str = "\u{2014} ";

/// Header line of the cosignature/v1 signed message.
const COSIGNATURE_HEADER: &str = "cosignature/v1\n";

/// Prefix of the private key encoding.
const PRIVATE_KEY_PREFIX: &str = "PRIVATE+KEY+";

/// Errors of signed-note parsing, keys, signing and verification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NoteError {
    /// The note is larger than [`MAX_NOTE_SIZE`].
    #[error("note is {0} bytes, larger than the limit of {MAX_NOTE_SIZE}")]
    TooLarge(usize),
    /// The note is not valid UTF-8.
    #[error("note is not valid UTF-8")]
    NotUtf8,
    /// The note contains an ASCII control character other than newline.
    #[error("note contains a control character other than newline")]
    ControlCharacter,
    /// The text is empty or does not end with a newline.
    #[error("note text must be non-empty and end with a newline")]
    TextNotTerminated,
    /// No blank line separates the text from the signatures.
    #[error("note has no blank line before its signatures")]
    MissingSignatureBlock,
    /// The signature block is empty or not newline-terminated.
    #[error("malformed signature block: {0}")]
    MalformedSignatureBlock(&'static str),
    /// More than [`MAX_SIGNATURES`] signature lines.
    #[error("note has more than {MAX_SIGNATURES} signatures")]
    TooManySignatures,
    /// A signature line is malformed.
    #[error("malformed signature line: {0}")]
    MalformedSignatureLine(&'static str),
    /// A key name is empty or contains a space or `+`.
    #[error("invalid key name {0:?}: must be non-empty without spaces or '+'")]
    InvalidKeyName(String),
    /// A verifier or private key string is malformed.
    #[error("malformed key: {0}")]
    MalformedKey(&'static str),
    /// A key has a signature type this crate does not support.
    #[error("unsupported key type 0x{0:02x}")]
    UnsupportedKeyType(u8),
    /// A key's ID does not match its name and public key.
    #[error("key ID {given:08x} does not match the computed {computed:08x}")]
    KeyIdMismatch {
        /// The ID in the key string.
        given: u32,
        /// The ID computed from name, type and public key.
        computed: u32,
    },
    /// The public key is not a valid (or is a weak) Ed25519 point.
    #[error("invalid Ed25519 public key")]
    InvalidPublicKey,
    /// Two different known keys share a name and key ID.
    #[error("ambiguous known keys for {name}+{key_id:08x}")]
    AmbiguousKey {
        /// Key name.
        name: String,
        /// Key ID.
        key_id: u32,
    },
    /// A signature from a known key failed to verify.
    #[error("invalid signature by known key {name}+{key_id:08x}")]
    InvalidSignature {
        /// Key name.
        name: String,
        /// Key ID.
        key_id: u32,
    },
    /// No signature from a known key was found.
    #[error("note has no signature from a known key")]
    NoVerifiedSignature,
    /// A cosignature timestamp above 2^63 - 1.
    #[error("cosignature timestamp {0} exceeds 2^63-1")]
    TimestampOutOfRange(u64),
    /// The Ed25519 signer failed.
    #[error("signing failed")]
    SigningFailed,
}

/// The signature types supported here (c2sp.org/signed-note §Signature types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// `0x01`: Ed25519 over the note text (log checkpoint signatures).
    Ed25519,
    /// `0x04`: timestamped Ed25519 witness cosignature (`cosignature/v1`).
    CosignatureV1,
}

impl KeyType {
    /// The signature type identifier byte.
    pub fn id_byte(self) -> u8 {
        match self {
            KeyType::Ed25519 => 0x01,
            KeyType::CosignatureV1 => 0x04,
        }
    }

    /// The type for an identifier byte.
    pub fn from_id_byte(b: u8) -> Result<Self, NoteError> {
        match b {
            0x01 => Ok(KeyType::Ed25519),
            0x04 => Ok(KeyType::CosignatureV1),
            other => Err(NoteError::UnsupportedKeyType(other)),
        }
    }
}

/// Whether `name` is a valid key name: non-empty, no Unicode space, no `+`.
pub fn is_valid_key_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

fn check_key_name(name: &str) -> Result<(), NoteError> {
    if is_valid_key_name(name) {
        Ok(())
    } else {
        Err(NoteError::InvalidKeyName(name.chars().take(64).collect()))
    }
}

/// Key ID: `SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]` as big-endian u32.
pub fn key_id(name: &str, key_type: KeyType, public_key: &[u8; 32]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', key_type.id_byte()]);
    h.update(public_key);
    let d: [u8; 32] = h.finalize().into();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// Checks that every character is ≥ U+0020 or a newline.
fn check_chars(s: &str) -> Result<(), NoteError> {
    if s.bytes().any(|b| b < 0x20 && b != b'\n') {
        Err(NoteError::ControlCharacter)
    } else {
        Ok(())
    }
}

fn check_text(text: &str) -> Result<(), NoteError> {
    if text.len() > MAX_NOTE_SIZE {
        return Err(NoteError::TooLarge(text.len()));
    }
    if !text.ends_with('\n') {
        return Err(NoteError::TextNotTerminated);
    }
    check_chars(text)
}

/// Parses `<name>+<hex8>+<base64(type ‖ 32 bytes)>` into its parts.
fn parse_key_parts(s: &str) -> Result<(&str, u32, KeyType, [u8; 32]), NoteError> {
    if s.len() > 1024 {
        return Err(NoteError::MalformedKey("too long"));
    }
    let (name, rest) = s
        .split_once('+')
        .ok_or(NoteError::MalformedKey("want <name>+<key id>+<key>"))?;
    let (id_hex, b64) = rest
        .split_once('+')
        .ok_or(NoteError::MalformedKey("want <name>+<key id>+<key>"))?;
    check_key_name(name)?;
    if id_hex.len() != 8 || !id_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(NoteError::MalformedKey("key id must be 8 hex digits"));
    }
    let id = u32::from_str_radix(id_hex, 16)
        .map_err(|_| NoteError::MalformedKey("key id must be 8 hex digits"))?;
    let raw = BASE64
        .decode(b64)
        .map_err(|_| NoteError::MalformedKey("key is not standard base64"))?;
    let (&type_byte, key) = raw
        .split_first()
        .ok_or(NoteError::MalformedKey("empty key"))?;
    let key_type = KeyType::from_id_byte(type_byte)?;
    let key: [u8; 32] = key
        .try_into()
        .map_err(|_| NoteError::MalformedKey("Ed25519 key must be 32 bytes"))?;
    Ok((name, id, key_type, key))
}

fn encode_key(name: &str, id: u32, key_type: KeyType, key: &[u8; 32]) -> String {
    let mut raw = Vec::with_capacity(33);
    raw.push(key_type.id_byte());
    raw.extend_from_slice(key);
    format!("{name}+{id:08x}+{}", BASE64.encode(raw))
}

/// A known public key that verifies note signatures (type `0x01`) or
/// cosignatures (type `0x04`).
#[derive(Clone, PartialEq, Eq)]
pub struct Verifier {
    name: String,
    key_id: u32,
    key_type: KeyType,
    key: VerifyingKey,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Verifier").field(&self.to_vkey()).finish()
    }
}

impl Verifier {
    /// A verifier from a key name, type and 32-byte Ed25519 public key.
    pub fn new(name: &str, key_type: KeyType, public_key: &[u8; 32]) -> Result<Self, NoteError> {
        check_key_name(name)?;
        let key = VerifyingKey::from_bytes(public_key).map_err(|_| NoteError::InvalidPublicKey)?;
        if key.is_weak() {
            return Err(NoteError::InvalidPublicKey);
        }
        Ok(Self {
            name: name.to_owned(),
            key_id: key_id(name, key_type, public_key),
            key_type,
            key,
        })
    }

    /// Parses a verifier key `<name>+<hex8>+base64(type ‖ public key)`,
    /// checking that the key ID matches.
    pub fn from_vkey(vkey: &str) -> Result<Self, NoteError> {
        let (name, id, key_type, key) = parse_key_parts(vkey)?;
        let v = Self::new(name, key_type, &key)?;
        if v.key_id != id {
            return Err(NoteError::KeyIdMismatch {
                given: id,
                computed: v.key_id,
            });
        }
        Ok(v)
    }

    /// The verifier key string (lowercase hex key ID).
    pub fn to_vkey(&self) -> String {
        encode_key(&self.name, self.key_id, self.key_type, self.key.as_bytes())
    }

    /// Key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Key ID.
    pub fn key_id(&self) -> u32 {
        self.key_id
    }

    /// Signature type.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// The 32-byte Ed25519 public key.
    pub fn public_key(&self) -> &[u8; 32] {
        self.key.as_bytes()
    }

    /// Verifies `signature` (the bytes after the key ID) over note `text`.
    /// Returns the cosignature timestamp for a cosigner key, `None` for a
    /// plain Ed25519 key.
    pub fn verify(&self, text: &str, signature: &[u8]) -> Result<Option<u64>, NoteError> {
        let bad = || NoteError::InvalidSignature {
            name: self.name.clone(),
            key_id: self.key_id,
        };
        match self.key_type {
            KeyType::Ed25519 => {
                let sig: [u8; 64] = signature.try_into().map_err(|_| bad())?;
                self.key
                    .verify_strict(text.as_bytes(), &Signature::from_bytes(&sig))
                    .map_err(|_| bad())?;
                Ok(None)
            }
            KeyType::CosignatureV1 => {
                let (ts, sig) = signature.split_first_chunk::<8>().ok_or_else(bad)?;
                let sig: [u8; 64] = sig.try_into().map_err(|_| bad())?;
                let timestamp = u64::from_be_bytes(*ts);
                if timestamp > i64::MAX as u64 {
                    return Err(bad());
                }
                let msg = cosignature_message(text, timestamp);
                self.key
                    .verify_strict(msg.as_bytes(), &Signature::from_bytes(&sig))
                    .map_err(|_| bad())?;
                Ok(Some(timestamp))
            }
        }
    }
}

/// The message a `cosignature/v1` signs: header, time line, checkpoint text.
fn cosignature_message(text: &str, timestamp: u64) -> String {
    format!("{COSIGNATURE_HEADER}time {timestamp}\n{text}")
}

/// Shared private-key handling of [`Signer`] and [`Cosigner`].
#[derive(Clone)]
struct KeyPair {
    name: String,
    key_id: u32,
    key_type: KeyType,
    key: SigningKey,
}

impl KeyPair {
    fn from_seed(name: &str, key_type: KeyType, seed: &[u8; 32]) -> Result<Self, NoteError> {
        check_key_name(name)?;
        let key = SigningKey::from_bytes(seed);
        Ok(Self {
            name: name.to_owned(),
            key_id: key_id(name, key_type, key.verifying_key().as_bytes()),
            key_type,
            key,
        })
    }

    fn from_private_key(skey: &str, want: KeyType) -> Result<Self, NoteError> {
        let rest = skey
            .strip_prefix(PRIVATE_KEY_PREFIX)
            .ok_or(NoteError::MalformedKey(
                "private key must start with PRIVATE+KEY+",
            ))?;
        let (name, id, key_type, seed) = parse_key_parts(rest)?;
        if key_type != want {
            return Err(NoteError::UnsupportedKeyType(key_type.id_byte()));
        }
        let kp = Self::from_seed(name, key_type, &seed)?;
        if kp.key_id != id {
            return Err(NoteError::KeyIdMismatch {
                given: id,
                computed: kp.key_id,
            });
        }
        Ok(kp)
    }

    fn to_private_key(&self) -> String {
        format!(
            "{PRIVATE_KEY_PREFIX}{}",
            encode_key(&self.name, self.key_id, self.key_type, self.key.as_bytes())
        )
    }

    fn verifier(&self) -> Verifier {
        Verifier {
            name: self.name.clone(),
            key_id: self.key_id,
            key_type: self.key_type,
            key: self.key.verifying_key(),
        }
    }

    fn raw_sign(&self, msg: &[u8]) -> Result<[u8; 64], NoteError> {
        self.key
            .try_sign(msg)
            .map(|s| s.to_bytes())
            .map_err(|_| NoteError::SigningFailed)
    }
}

/// An Ed25519 note signer (type `0x01`), e.g. the log's checkpoint key.
#[derive(Clone)]
pub struct Signer(KeyPair);

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signer({}+{:08x})", self.0.name, self.0.key_id)
    }
}

impl Signer {
    /// A signer from a name and a 32-byte Ed25519 seed. The seed must come
    /// from a CSPRNG (e.g. the OS: `getrandom`); this crate does no I/O.
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<Self, NoteError> {
        KeyPair::from_seed(name, KeyType::Ed25519, seed).map(Self)
    }

    /// Parses `PRIVATE+KEY+<name>+<hex8>+base64(0x01 ‖ seed)`.
    pub fn from_private_key(skey: &str) -> Result<Self, NoteError> {
        KeyPair::from_private_key(skey, KeyType::Ed25519).map(Self)
    }

    /// The private key string. Secret: store it like a password.
    pub fn to_private_key(&self) -> String {
        self.0.to_private_key()
    }

    /// The matching verifier.
    pub fn verifier(&self) -> Verifier {
        self.0.verifier()
    }

    /// Key name.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// Key ID.
    pub fn key_id(&self) -> u32 {
        self.0.key_id
    }

    /// Signs a note text (which must end with a newline).
    pub fn sign(&self, text: &str) -> Result<NoteSignature, NoteError> {
        check_text(text)?;
        let sig = self.0.raw_sign(text.as_bytes())?;
        Ok(NoteSignature {
            name: self.0.name.clone(),
            key_id: self.0.key_id,
            signature: sig.to_vec(),
        })
    }
}

/// An Ed25519 witness cosigner (type `0x04`, c2sp.org/tlog-cosignature).
#[derive(Clone)]
pub struct Cosigner(KeyPair);

impl fmt::Debug for Cosigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cosigner({}+{:08x})", self.0.name, self.0.key_id)
    }
}

impl Cosigner {
    /// A cosigner from a name and a 32-byte Ed25519 seed (from a CSPRNG).
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<Self, NoteError> {
        KeyPair::from_seed(name, KeyType::CosignatureV1, seed).map(Self)
    }

    /// Parses `PRIVATE+KEY+<name>+<hex8>+base64(0x04 ‖ seed)`.
    pub fn from_private_key(skey: &str) -> Result<Self, NoteError> {
        KeyPair::from_private_key(skey, KeyType::CosignatureV1).map(Self)
    }

    /// The private key string. Secret.
    pub fn to_private_key(&self) -> String {
        self.0.to_private_key()
    }

    /// The matching verifier (type `0x04`).
    pub fn verifier(&self) -> Verifier {
        self.0.verifier()
    }

    /// Key name.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// Key ID.
    pub fn key_id(&self) -> u32 {
        self.0.key_id
    }

    /// Cosigns a checkpoint text at `timestamp` (POSIX seconds, ≤ 2^63-1):
    /// signs `cosignature/v1\ntime <t>\n‖text`; the signature is the 8-byte
    /// big-endian timestamp followed by the 64-byte Ed25519 signature.
    pub fn cosign(&self, text: &str, timestamp: u64) -> Result<NoteSignature, NoteError> {
        check_text(text)?;
        if timestamp > i64::MAX as u64 {
            return Err(NoteError::TimestampOutOfRange(timestamp));
        }
        let sig = self
            .0
            .raw_sign(cosignature_message(text, timestamp).as_bytes())?;
        let mut signature = Vec::with_capacity(72);
        signature.extend_from_slice(&timestamp.to_be_bytes());
        signature.extend_from_slice(&sig);
        Ok(NoteSignature {
            name: self.0.name.clone(),
            key_id: self.0.key_id,
            signature,
        })
    }
}

/// One signature line of a note, not (yet) verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NoteSignature {
    name: String,
    key_id: u32,
    signature: Vec<u8>,
}

impl NoteSignature {
    /// A signature from its parts (`signature` excludes the key ID).
    pub fn new(name: &str, key_id: u32, signature: Vec<u8>) -> Result<Self, NoteError> {
        check_key_name(name)?;
        if signature.is_empty() {
            return Err(NoteError::MalformedSignatureLine("empty signature"));
        }
        Ok(Self {
            name: name.to_owned(),
            key_id,
            signature,
        })
    }

    /// Parses one signature line, with or without its final newline:
    /// `— <name> base64(key ID ‖ signature)`.
    pub fn parse_line(line: &str) -> Result<Self, NoteError> {
        let line = line.strip_suffix('\n').unwrap_or(line);
        if line.len() > MAX_NOTE_SIZE {
            return Err(NoteError::TooLarge(line.len()));
        }
        let rest = line
            .strip_prefix(SIG_PREFIX)
            .ok_or(NoteError::MalformedSignatureLine("must start with \"— \""))?;
        let (name, b64) = rest
            .split_once(' ')
            .ok_or(NoteError::MalformedSignatureLine(
                "missing space after key name",
            ))?;
        check_key_name(name)?;
        let raw = BASE64
            .decode(b64)
            .map_err(|_| NoteError::MalformedSignatureLine("signature is not standard base64"))?;
        let (id, sig) = raw
            .split_first_chunk::<4>()
            .ok_or(NoteError::MalformedSignatureLine(
                "signature shorter than 5 bytes",
            ))?;
        if sig.is_empty() {
            return Err(NoteError::MalformedSignatureLine(
                "signature shorter than 5 bytes",
            ));
        }
        Ok(Self {
            name: name.to_owned(),
            key_id: u32::from_be_bytes(*id),
            signature: sig.to_vec(),
        })
    }

    /// The signature line, ending with a newline.
    pub fn to_line(&self) -> String {
        let mut raw = Vec::with_capacity(self.signature.len().saturating_add(4));
        raw.extend_from_slice(&self.key_id.to_be_bytes());
        raw.extend_from_slice(&self.signature);
        format!("{SIG_PREFIX}{} {}\n", self.name, BASE64.encode(raw))
    }

    /// Key name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Key ID.
    pub fn key_id(&self) -> u32 {
        self.key_id
    }

    /// Signature bytes (after the key ID).
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }
}

/// A set of known verifiers, looked up by (name, key ID).
#[derive(Debug, Clone, Default)]
pub struct Verifiers {
    list: Vec<Verifier>,
}

impl Verifiers {
    /// A set from a list. Identical duplicates are merged; two different keys
    /// with the same (name, key ID) are an [`NoteError::AmbiguousKey`].
    pub fn new(list: impl IntoIterator<Item = Verifier>) -> Result<Self, NoteError> {
        let mut out: Vec<Verifier> = Vec::new();
        for v in list {
            match out
                .iter()
                .find(|o| o.name == v.name && o.key_id == v.key_id)
            {
                Some(o) if *o == v => {}
                Some(_) => {
                    return Err(NoteError::AmbiguousKey {
                        name: v.name,
                        key_id: v.key_id,
                    });
                }
                None => out.push(v),
            }
        }
        Ok(Self { list: out })
    }

    /// The verifier with this name and key ID, if known.
    pub fn get(&self, name: &str, key_id: u32) -> Option<&Verifier> {
        self.list
            .iter()
            .find(|v| v.key_id == key_id && v.name == name)
    }

    /// All verifiers.
    pub fn iter(&self) -> impl Iterator<Item = &Verifier> {
        self.list.iter()
    }
}

/// A note: text plus signature lines, syntactically valid but not verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    text: String,
    signatures: Vec<NoteSignature>,
}

impl Note {
    /// An unsigned note with `text` (non-empty, ends with a newline, no
    /// control characters other than newline).
    pub fn new(text: &str) -> Result<Self, NoteError> {
        check_text(text)?;
        Ok(Self {
            text: text.to_owned(),
            signatures: Vec::new(),
        })
    }

    /// Parses a signed note (syntax only; see [`Note::verify`]).
    pub fn parse(msg: &[u8]) -> Result<Self, NoteError> {
        if msg.len() > MAX_NOTE_SIZE {
            return Err(NoteError::TooLarge(msg.len()));
        }
        let s = std::str::from_utf8(msg).map_err(|_| NoteError::NotUtf8)?;
        check_chars(s)?;
        // The text ends at the last blank line; the text keeps its final
        // newline, the blank line belongs to neither part.
        let split = s.rfind("\n\n").ok_or(NoteError::MissingSignatureBlock)?;
        let (text, block) = s.split_at(split.saturating_add(1));
        let block = block.strip_prefix('\n').unwrap_or(block);
        if block.is_empty() {
            return Err(NoteError::MalformedSignatureBlock("no signatures"));
        }
        let block = block
            .strip_suffix('\n')
            .ok_or(NoteError::MalformedSignatureBlock(
                "last signature line does not end with a newline",
            ))?;
        let mut signatures = Vec::new();
        for line in block.split('\n') {
            if signatures.len() >= MAX_SIGNATURES {
                return Err(NoteError::TooManySignatures);
            }
            signatures.push(NoteSignature::parse_line(line)?);
        }
        Ok(Self {
            text: text.to_owned(),
            signatures,
        })
    }

    /// The note text (ends with a newline).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The signature lines.
    pub fn signatures(&self) -> &[NoteSignature] {
        &self.signatures
    }

    /// Adds a signature, replacing any existing one with the same
    /// (name, key ID).
    pub fn add_signature(&mut self, sig: NoteSignature) -> Result<(), NoteError> {
        self.signatures
            .retain(|s| !(s.name == sig.name && s.key_id == sig.key_id));
        if self.signatures.len() >= MAX_SIGNATURES {
            return Err(NoteError::TooManySignatures);
        }
        self.signatures.push(sig);
        Ok(())
    }

    /// Signs the text with `signer` and adds the signature.
    pub fn sign(&mut self, signer: &Signer) -> Result<(), NoteError> {
        let sig = signer.sign(&self.text)?;
        self.add_signature(sig)
    }

    /// The signed note: text, blank line, signature lines.
    pub fn to_text(&self) -> String {
        let mut out = self.text.clone();
        out.push('\n');
        for s in &self.signatures {
            out.push_str(&s.to_line());
        }
        out
    }

    /// Verifies the note against `known` (rules in the module docs).
    pub fn verify(&self, known: &Verifiers) -> Result<VerifiedNote, NoteError> {
        let mut verified: Vec<VerifiedSignature> = Vec::new();
        let mut unverified: Vec<NoteSignature> = Vec::new();
        for sig in &self.signatures {
            match known.get(&sig.name, sig.key_id) {
                None => {
                    if !unverified.contains(sig) {
                        unverified.push(sig.clone());
                    }
                }
                Some(v) => {
                    let timestamp = v.verify(&self.text, &sig.signature)?;
                    if !verified
                        .iter()
                        .any(|x| x.name == sig.name && x.key_id == sig.key_id)
                    {
                        verified.push(VerifiedSignature {
                            name: sig.name.clone(),
                            key_id: sig.key_id,
                            key_type: v.key_type,
                            timestamp,
                        });
                    }
                }
            }
        }
        if verified.is_empty() {
            return Err(NoteError::NoVerifiedSignature);
        }
        Ok(VerifiedNote {
            text: self.text.clone(),
            verified,
            unverified,
        })
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

/// A signature from a known key that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedSignature {
    /// Key name.
    pub name: String,
    /// Key ID.
    pub key_id: u32,
    /// Signature type of the key.
    pub key_type: KeyType,
    /// Cosignature timestamp (POSIX seconds) for type `0x04`.
    pub timestamp: Option<u64>,
}

/// A note that passed [`Note::verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedNote {
    text: String,
    verified: Vec<VerifiedSignature>,
    unverified: Vec<NoteSignature>,
}

impl VerifiedNote {
    /// The note text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Signatures from known keys, all valid, one per (name, key ID).
    pub fn verified(&self) -> &[VerifiedSignature] {
        &self.verified
    }

    /// Signatures from unknown keys (ignored, deduplicated).
    pub fn unverified(&self) -> &[NoteSignature] {
        &self.unverified
    }

    /// Whether a valid signature by `v` is present.
    pub fn is_signed_by(&self, v: &Verifier) -> bool {
        self.verified
            .iter()
            .any(|s| s.name == v.name && s.key_id == v.key_id)
    }
}

/// Parses and verifies a signed note (Go's `note.Open`).
pub fn open(msg: &[u8], known: &Verifiers) -> Result<VerifiedNote, NoteError> {
    Note::parse(msg)?.verify(known)
}

/// Signs `text` with each signer and returns the signed note.
pub fn sign(text: &str, signers: &[&Signer]) -> Result<String, NoteError> {
    let mut note = Note::new(text)?;
    for s in signers {
        note.sign(s)?;
    }
    if note.signatures.is_empty() {
        return Err(NoteError::MalformedSignatureBlock("no signers"));
    }
    Ok(note.to_text())
}

/// Fuzz entry point: parse arbitrary bytes as a note, a signature line, a
/// verifier key and a private key; check parse/format round trips.
pub fn fuzz_parse_note(data: &[u8]) {
    if let Ok(note) = Note::parse(data) {
        let again = Note::parse(note.to_text().as_bytes());
        debug_assert_eq!(again.as_ref(), Ok(&note));
        let _ = note.verify(&Verifiers::default());
    }
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(sig) = NoteSignature::parse_line(s) {
            debug_assert_eq!(NoteSignature::parse_line(&sig.to_line()).as_ref(), Ok(&sig));
        }
        if let Ok(v) = Verifier::from_vkey(s) {
            debug_assert_eq!(Verifier::from_vkey(&v.to_vkey()).as_ref(), Ok(&v));
        }
        let _ = Signer::from_private_key(s);
        let _ = Cosigner::from_private_key(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn signer(name: &str, seed: u8) -> Signer {
        Signer::from_seed(name, &[seed; 32]).unwrap()
    }

    #[test]
    fn sign_open_round_trip() {
        let s = signer("example.com/log", 1);
        let msg = sign("hello\nworld\n", &[&s]).unwrap();
        let known = Verifiers::new([s.verifier()]).unwrap();
        let n = open(msg.as_bytes(), &known).unwrap();
        assert_eq!(n.text(), "hello\nworld\n");
        assert_eq!(n.verified().len(), 1);
        assert!(n.is_signed_by(&s.verifier()));
        assert_eq!(Note::parse(msg.as_bytes()).unwrap().to_text(), msg);
    }

    #[test]
    fn text_may_contain_blank_lines() {
        let s = signer("poet", 2);
        let text = "Ognuno sta solo\n\ned è subito sera.\n";
        let msg = sign(text, &[&s]).unwrap();
        let n = open(msg.as_bytes(), &Verifiers::new([s.verifier()]).unwrap()).unwrap();
        assert_eq!(n.text(), text);
        // Text whose last line is itself blank.
        let text = "a\n\n";
        let msg = sign(text, &[&s]).unwrap();
        let n = open(msg.as_bytes(), &Verifiers::new([s.verifier()]).unwrap()).unwrap();
        assert_eq!(n.text(), text);
    }

    #[test]
    fn unknown_known_and_bad_signatures() {
        let a = signer("a.example", 1);
        let b = signer("b.example", 2);
        let msg = sign("text\n", &[&a, &b]).unwrap();
        // Only a known: b ignored.
        let n = open(msg.as_bytes(), &Verifiers::new([a.verifier()]).unwrap()).unwrap();
        assert_eq!(n.verified().len(), 1);
        assert_eq!(n.unverified().len(), 1);
        assert_eq!(n.unverified()[0].name(), "b.example");
        // Nothing known: rejected.
        assert_eq!(
            open(msg.as_bytes(), &Verifiers::default()),
            Err(NoteError::NoVerifiedSignature)
        );
        // Same name, different key (different ID): ignored, not a failure.
        let a2 = signer("a.example", 9);
        assert_eq!(
            open(msg.as_bytes(), &Verifiers::new([a2.verifier()]).unwrap()),
            Err(NoteError::NoVerifiedSignature)
        );
        // A known signature that fails rejects the note even if another verifies.
        let mut note = Note::parse(msg.as_bytes()).unwrap();
        let mut bad = note.signatures[1].clone();
        bad.signature[0] ^= 1;
        note.signatures[1] = bad;
        let known = Verifiers::new([a.verifier(), b.verifier()]).unwrap();
        assert!(matches!(
            note.verify(&known),
            Err(NoteError::InvalidSignature { .. })
        ));
        // Wrong length signature from a known key fails too.
        let mut note = Note::parse(msg.as_bytes()).unwrap();
        note.signatures[0].signature.pop();
        assert!(note.verify(&known).is_err());
    }

    #[test]
    fn signature_count_limits() {
        let signers: Vec<Signer> = (0..100)
            .map(|i| signer(&format!("w{i}.example"), i as u8))
            .collect();
        let refs: Vec<&Signer> = signers.iter().collect();
        let msg = sign("text\n", &refs).unwrap();
        // 100 signatures accepted, all verify.
        let known = Verifiers::new(signers.iter().map(|s| s.verifier())).unwrap();
        assert_eq!(open(msg.as_bytes(), &known).unwrap().verified().len(), 100);
        // 16 with only one known.
        let msg16 = sign("text\n", &refs[..16]).unwrap();
        let one = Verifiers::new([signers[15].verifier()]).unwrap();
        let n = open(msg16.as_bytes(), &one).unwrap();
        assert_eq!((n.verified().len(), n.unverified().len()), (1, 15));
        // 101 rejected.
        let extra = signer("extra", 200).sign("text\n").unwrap().to_line();
        let msg101 = format!("{msg}{extra}");
        assert_eq!(
            Note::parse(msg101.as_bytes()),
            Err(NoteError::TooManySignatures)
        );
    }

    #[test]
    fn malformed_notes() {
        let s = signer("k", 3);
        let good = sign("t\n", &[&s]).unwrap();
        let line = s.sign("t\n").unwrap().to_line();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"".to_vec(), "empty"),
            (b"t\n".to_vec(), "no signatures"),
            (b"t\n\n".to_vec(), "empty signature block"),
            (good.trim_end().as_bytes().to_vec(), "no final newline"),
            (format!("t\n\n{line}\n").into_bytes(), "trailing blank line"),
            (format!("t\r\n\n{line}").into_bytes(), "control char"),
            (format!("t\t\n\n{line}").into_bytes(), "tab"),
            (vec![b't', 0xff, b'\n', b'\n'], "not utf-8"),
            (format!("t\n\n- k {}", &line[4..]).into_bytes(), "hyphen"),
            (format!("t\n\n—k {}", &line[4..]).into_bytes(), "no space"),
            ("t\n\n— k\n".as_bytes().to_vec(), "no signature"),
            ("t\n\n— k AAAA\n".as_bytes().to_vec(), "short signature"),
            (
                "t\n\n— k AAAAAA==\n".as_bytes().to_vec(),
                "4-byte signature",
            ),
            ("t\n\n— k+x AAAAAAA=\n".as_bytes().to_vec(), "plus in name"),
            ("t\n\n— k !!!!\n".as_bytes().to_vec(), "bad base64"),
            ("t\n\n—  AAAAAAA=\n".as_bytes().to_vec(), "empty name"),
        ];
        for (msg, what) in cases {
            let r = Note::parse(&msg);
            assert!(r.is_err(), "{what}: {r:?}");
        }
        // Key ID plus one byte is syntactically fine.
        assert!(Note::parse("t\n\n— k AAAAAAA=\n".as_bytes()).is_ok());
        assert!(Note::parse(&vec![b'a'; MAX_NOTE_SIZE + 1]).is_err());
        assert!(Note::new("no newline").is_err());
        assert!(Note::new("").is_err());
        assert!(s.sign("no newline").is_err());
    }

    #[test]
    fn key_formats() {
        let s = signer("example.com/log", 7);
        let v = s.verifier();
        assert_eq!(Verifier::from_vkey(&v.to_vkey()).unwrap(), v);
        let sk = s.to_private_key();
        assert!(sk.starts_with("PRIVATE+KEY+example.com/log+"));
        let s2 = Signer::from_private_key(&sk).unwrap();
        assert_eq!(s2.verifier(), v);
        assert!(Cosigner::from_private_key(&sk).is_err());
        assert!(!format!("{s:?}").contains(&sk[30..]));
        // Key ID mismatch, bad hex, wrong type byte, wrong length, bad name.
        let vk = v.to_vkey();
        let (name, rest) = vk.split_once('+').unwrap();
        let (id, key) = rest.split_once('+').unwrap();
        let flipped = format!(
            "{name}+{:08x}+{key}",
            u32::from_str_radix(id, 16).unwrap() ^ 1
        );
        assert!(matches!(
            Verifier::from_vkey(&flipped),
            Err(NoteError::KeyIdMismatch { .. })
        ));
        assert!(Verifier::from_vkey(&format!("{name}+{}+{key}", &id[..7])).is_err());
        assert!(Verifier::from_vkey(&format!("{name}++{}+{key}", &id[..7])).is_err());
        assert!(Verifier::from_vkey(&format!("{name}+{id}+AQ==")).is_err());
        assert!(Verifier::from_vkey(&format!("bad name+{id}+{key}")).is_err());
        assert!(matches!(
            Verifier::from_vkey(&format!(
                "{name}+{id}+{}",
                BASE64.encode([&[0x02u8][..], &[0u8; 32][..]].concat())
            )),
            Err(NoteError::UnsupportedKeyType(2))
        ));
        assert!(Verifier::from_vkey("").is_err());
        assert!(Verifier::from_vkey("a+b").is_err());
        // Uppercase hex key IDs are accepted (as in Go), output is lowercase.
        let upper = format!("{name}+{}+{key}", id.to_uppercase());
        assert_eq!(Verifier::from_vkey(&upper).unwrap().to_vkey(), vk);
        // Ambiguous verifier sets.
        let other = Verifier::new(
            "example.com/log",
            KeyType::Ed25519,
            signer("x", 8).verifier().public_key(),
        )
        .unwrap();
        assert!(Verifiers::new([v.clone(), v.clone(), other]).is_ok());
        let fake = Verifier {
            key_id: v.key_id(),
            ..signer("example.com/log", 9).verifier()
        };
        assert!(matches!(
            Verifiers::new([v, fake]),
            Err(NoteError::AmbiguousKey { .. })
        ));
    }

    #[test]
    fn cosignatures() {
        let log = signer("example.com/log", 1);
        let w = Cosigner::from_seed("witness.example/w1", &[5; 32]).unwrap();
        let text = "example.com/log\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n";
        let mut note = Note::new(text).unwrap();
        note.sign(&log).unwrap();
        note.add_signature(w.cosign(text, 1_679_315_147).unwrap())
            .unwrap();
        let msg = note.to_text();
        let known = Verifiers::new([log.verifier(), w.verifier()]).unwrap();
        let n = open(msg.as_bytes(), &known).unwrap();
        assert_eq!(n.verified().len(), 2);
        let cosig = &n.verified()[1];
        assert_eq!(cosig.key_type, KeyType::CosignatureV1);
        assert_eq!(cosig.timestamp, Some(1_679_315_147));
        // vkey type byte 0x04 and private key round trip.
        let vk = w.verifier().to_vkey();
        assert_eq!(Verifier::from_vkey(&vk).unwrap(), w.verifier());
        assert_eq!(
            Cosigner::from_private_key(&w.to_private_key())
                .unwrap()
                .verifier(),
            w.verifier()
        );
        // The cosignature signs the time line: a changed timestamp fails.
        let mut tampered = Note::parse(msg.as_bytes()).unwrap();
        tampered.signatures[1].signature[7] ^= 1;
        assert!(tampered.verify(&known).is_err());
        // Timestamps above 2^63-1 are refused.
        assert!(w.cosign(text, 1 << 63).is_err());
        // A 0x01 key does not verify a cosignature and vice versa.
        let wrong = Verifier::new(w.name(), KeyType::Ed25519, w.verifier().public_key()).unwrap();
        let only_wrong = Verifiers::new([wrong]).unwrap();
        assert_eq!(
            open(msg.as_bytes(), &only_wrong),
            Err(NoteError::NoVerifiedSignature)
        );
        // Known cosigner key matched by ID, but signature is plain Ed25519: fails.
        let plain = KeyPair::from_seed(w.name(), KeyType::CosignatureV1, &[5; 32])
            .unwrap()
            .raw_sign(text.as_bytes())
            .unwrap();
        let mut n2 = Note::new(text).unwrap();
        n2.add_signature(NoteSignature::new(w.name(), w.key_id(), plain.to_vec()).unwrap())
            .unwrap();
        assert!(n2.verify(&Verifiers::new([w.verifier()]).unwrap()).is_err());
    }

    proptest! {
        #[test]
        fn parse_never_panics(data in proptest::collection::vec(any::<u8>(), 0..512)) {
            fuzz_parse_note(&data);
        }

        #[test]
        fn parse_never_panics_on_notey_strings(s in "[a-z\n—+/= A-Z0-9]{0,300}") {
            fuzz_parse_note(s.as_bytes());
            let with_sig = format!("{s}\n\n— {s}\n");
            fuzz_parse_note(with_sig.as_bytes());
        }

        #[test]
        fn sign_verify_round_trip(text in "[ -~\n]{0,200}", seed in any::<[u8; 32]>(), bit in 0usize..512) {
            let text = format!("{text}\n");
            let s = Signer::from_seed("example.com/log", &seed).unwrap();
            let msg = sign(&text, &[&s]).unwrap();
            let known = Verifiers::new([s.verifier()]).unwrap();
            let n = open(msg.as_bytes(), &known).unwrap();
            prop_assert_eq!(n.text(), text.as_str());
            // Flipping any bit of the signature makes it fail.
            let mut note = Note::parse(msg.as_bytes()).unwrap();
            let sig = &mut note.signatures[0].signature;
            sig[(bit / 8) % 64] ^= 1 << (bit % 8);
            prop_assert!(note.verify(&known).is_err());
        }
    }
}
