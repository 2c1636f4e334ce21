//! Presentations: how the anonymous holder of a certificate proves, offline, that it is
//! theirs. A decision may name a **holder key** (`holder` in its opening): an Ed25519 key
//! derived from the reporter's receipt code (`candor_core::receipt`, domain-separated from
//! the other derivations), which only whoever knows the code can use. A verifier (a court,
//! an employer) says a short challenge of their choosing; the reporter types it on their
//! case page and hands over the file it gives, a signed note:
//!
//! ```text
//! candor.presentation/v1
//! commitment <base64: the certificate's entry commitment>
//! challenge <the challenge, normalized>
//!
//! — <holder key name> <signature>
//! ```
//!
//! `candor verify CERT --presentation FILE --challenge WORDS` checks the certificate, then
//! that the note is signed by the certificate's holder key, names its entry, and carries
//! this challenge. A fresh challenge makes an old presentation useless to whoever copied it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::certificate::Verified;
use crate::note::{Note, Signer, Verifier, Verifiers};

/// First line of a presentation.
pub const HEADER: &str = "candor.presentation/v1";
/// Longest challenge, in bytes after normalization.
pub const MAX_CHALLENGE_BYTES: usize = 200;
/// Largest presentation file accepted.
pub const MAX_PRESENTATION_BYTES: usize = 4096;

/// Why a presentation does not hold; one sentence each.
#[derive(Debug, thiserror::Error)]
pub enum PresentationError {
    #[error("the challenge is empty or longer than {MAX_CHALLENGE_BYTES} bytes")]
    Challenge,
    #[error("this certificate names no holder key: it cannot be presented")]
    NoHolder,
    #[error("this is not a Candor presentation: {0}")]
    Format(&'static str),
    #[error("the presentation is not signed by the certificate's holder key")]
    Signature,
    #[error("the presentation is for another certificate")]
    OtherCertificate,
    #[error("the presentation answers another challenge")]
    OtherChallenge,
}

/// A challenge as it is signed and compared: words separated by one space, lower case,
/// no control characters.
pub fn normalize_challenge(challenge: &str) -> Result<String, PresentationError> {
    let words: Vec<String> = challenge
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let text = words.join(" ");
    if text.is_empty() || text.len() > MAX_CHALLENGE_BYTES || text.chars().any(char::is_control) {
        return Err(PresentationError::Challenge);
    }
    Ok(text)
}

fn text(commitment: &[u8; 32], challenge: &str) -> String {
    format!(
        "{HEADER}\ncommitment {}\nchallenge {challenge}\n",
        STANDARD.encode(commitment)
    )
}

/// Makes a presentation of the entry with `commitment` for `challenge`, signed with the
/// holder key.
pub fn present(
    holder: &Signer,
    commitment: &[u8; 32],
    challenge: &str,
) -> Result<String, PresentationError> {
    let challenge = normalize_challenge(challenge)?;
    crate::note::sign(&text(commitment, &challenge), &[holder])
        .map_err(|_| PresentationError::Signature)
}

/// Checks a presentation against a verified certificate and the challenge the verifier
/// gave.
pub fn verify(
    certificate: &Verified,
    presentation: &[u8],
    challenge: &str,
) -> Result<(), PresentationError> {
    if presentation.len() > MAX_PRESENTATION_BYTES {
        return Err(PresentationError::Format("it is too large"));
    }
    let holder = certificate
        .opening
        .holder
        .as_deref()
        .ok_or(PresentationError::NoHolder)?;
    let key = Verifier::from_vkey(holder).map_err(|_| PresentationError::NoHolder)?;
    let note =
        Note::parse(presentation).map_err(|_| PresentationError::Format("not a signed note"))?;
    let known = Verifiers::new([key.clone()]).map_err(|_| PresentationError::Signature)?;
    let verified = note
        .verify(&known)
        .map_err(|_| PresentationError::Signature)?;
    if !verified.is_signed_by(&key) {
        return Err(PresentationError::Signature);
    }
    let mut lines = note.text().lines();
    if lines.next() != Some(HEADER) {
        return Err(PresentationError::Format(
            "the first line must be candor.presentation/v1",
        ));
    }
    let commitment = lines
        .next()
        .and_then(|l| l.strip_prefix("commitment "))
        .and_then(|c| STANDARD.decode(c).ok())
        .ok_or(PresentationError::Format("expected a commitment line"))?;
    if commitment != certificate.entry.commitment {
        return Err(PresentationError::OtherCertificate);
    }
    let given = lines
        .next()
        .and_then(|l| l.strip_prefix("challenge "))
        .ok_or(PresentationError::Format("expected a challenge line"))?;
    if lines.next().is_some() {
        return Err(PresentationError::Format(
            "unexpected lines after the challenge",
        ));
    }
    if given != normalize_challenge(challenge)? {
        return Err(PresentationError::OtherChallenge);
    }
    Ok(())
}

/// Fuzz entry point: any bytes as a presentation (the note's parser, the line reader) and
/// as a challenge: never a panic.
pub fn fuzz_parse_presentation(data: &[u8]) {
    if let Ok(note) = Note::parse(data) {
        let _ = note.text().lines().count();
    }
    let _ = std::str::from_utf8(data).map(normalize_challenge);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_are_normalized() {
        assert_eq!(
            normalize_challenge("  Blue  HORSE\tseven ").expect("ok"),
            "blue horse seven"
        );
        assert!(normalize_challenge("   ").is_err());
        assert!(normalize_challenge(&"x".repeat(201)).is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600), words in "\\PC{0,80}") {
            fuzz_parse_presentation(&data);
            fuzz_parse_presentation(format!("{HEADER}\ncommitment AAAA\nchallenge {words}\n\n— k x\n").as_bytes());
            if let Ok(c) = normalize_challenge(&words) {
                proptest::prop_assert_eq!(normalize_challenge(&c).ok(), Some(c));
            }
        }
    }

    #[test]
    fn a_presentation_signs_its_commitment_and_challenge() {
        let holder = crate::keys::generate_signer("candor-holder").expect("key");
        let text = present(&holder, &[7; 32], "Blue horse").expect("present");
        assert!(text.starts_with("candor.presentation/v1\ncommitment "));
        assert!(text.contains("\nchallenge blue horse\n"));
        assert!(present(&holder, &[7; 32], "").is_err());
    }
}
