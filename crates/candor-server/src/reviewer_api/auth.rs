//! Signing in: an age-encrypted challenge, answered for a short-lived bearer token, and
//! the extractor every other endpoint uses ([`Reviewer`]).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

use super::{ApiError, ApiResult, json_body, random_hex, unix_now};
use crate::app::AppState;
use candor_core::api::*;
use candor_core::domain::same_secret;
use candor_core::seal;
use candor_store::Audit;

/// How long a challenge can be answered.
pub const CHALLENGE_LIFETIME: Duration = Duration::from_secs(60);

/// Sign-in challenges, without server-side state per challenge: a flood of challenge
/// requests costs memory for nothing and cannot push a reviewer's challenge out.
///
/// A challenge is a fixed-shape text holding 32 random bytes ([`challenge`]), encrypted to
/// the reviewer's recipient; its *answer* is a hash of that text, never the text. Its id is `hex(expiry ‖ MAC)`, the MAC (HMAC-SHA256 with a key
/// drawn at start-up) binding the reviewer's name and recipient, the expiry and the
/// answer's hash. At `/auth/token` the server recomputes the MAC for each configured
/// reviewer: only the holder of the identity, who could decrypt the answer, can present a
/// matching pair. Used challenges are remembered until they expire, so an answer works
/// once; only successful answers are remembered (they need the identity), so the memory
/// this takes is bounded by real sign-ins.
pub struct Challenges {
    key: zeroize::Zeroizing<[u8; 32]>,
    used: Mutex<HashMap<[u8; 32], i64>>,
}

impl Challenges {
    pub fn new() -> Result<Challenges, getrandom::Error> {
        let mut key = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut())?;
        Ok(Challenges {
            key,
            used: Mutex::new(HashMap::new()),
        })
    }

    fn mac(&self, reviewer: &str, recipient: &str, expires: i64, answer: &[u8]) -> [u8; 32] {
        use hmac::{KeyInit, Mac};
        let mut mac = match hmac::Hmac::<Sha256>::new_from_slice(self.key.as_ref()) {
            Ok(m) => m,
            // HMAC takes keys of any length: unreachable, but never a panic.
            Err(_) => return [0; 32],
        };
        for field in [
            b"candor/v1/reviewer-challenge".as_slice(),
            reviewer.as_bytes(),
            recipient.as_bytes(),
            &expires.to_be_bytes(),
            &Sha256::digest(answer),
        ] {
            mac.update(&(field.len() as u64).to_be_bytes());
            mac.update(field);
        }
        mac.finalize().into_bytes().into()
    }

    fn id(expires: i64, mac: &[u8; 32]) -> String {
        let mut raw = expires.to_be_bytes().to_vec();
        raw.extend_from_slice(mac);
        hex::encode(raw)
    }

    fn parse_id(id: &str) -> Option<(i64, [u8; 32])> {
        let raw = hex::decode(id).ok()?;
        let (expires, mac) = raw.split_first_chunk::<8>()?;
        Some((
            i64::from_be_bytes(*expires),
            <[u8; 32]>::try_from(mac).ok()?,
        ))
    }

    /// Marks a challenge used; false if it already was.
    fn use_once(&self, mac: [u8; 32], expires: i64, now: i64) -> bool {
        let mut used = self.used.lock().unwrap_or_else(|p| p.into_inner());
        used.retain(|_, e| *e >= now);
        used.insert(mac, expires).is_none()
    }
}

pub(super) async fn challenge(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let request: ChallengeRequest = json_body(&headers, &body)?;
    let mut nonce = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(nonce.as_mut()).map_err(|_| ApiError::internal())?;
    let expires = unix_now() + i64::try_from(CHALLENGE_LIFETIME.as_secs()).unwrap_or(60);
    // An unknown name gets a challenge nobody can answer, encrypted to a throwaway key:
    // the answer does not tell which reviewer names exist.
    let known = app
        .config
        .reviewers
        .iter()
        .find(|r| r.name == request.reviewer);
    let name = known.map_or(request.reviewer.as_str(), |r| r.name.as_str());
    let plaintext = zeroize::Zeroizing::new(challenge::plaintext(name, &nonce));
    let answer = zeroize::Zeroizing::new(challenge::answer(plaintext.as_bytes()));
    let (recipient, mac) = match known {
        Some(r) => (
            r.recipient.clone(),
            app.challenges.mac(
                &r.name,
                &r.recipient.to_string(),
                expires,
                answer.as_bytes(),
            ),
        ),
        None => (
            age::x25519::Identity::generate().to_public(),
            Sha256::digest(random_hex::<32>()?.as_bytes()).into(),
        ),
    };
    let encrypted =
        seal::seal_armored(&recipient, plaintext.as_bytes()).map_err(|_| ApiError::internal())?;
    Ok(axum::Json(ChallengeResponse {
        challenge_id: Challenges::id(expires, &mac),
        encrypted_challenge: encrypted,
        expires_in_seconds: CHALLENGE_LIFETIME.as_secs(),
    })
    .into_response())
}

pub(super) async fn token(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let request: TokenRequest = json_body(&headers, &body)?;
    let invalid = || {
        ApiError::unauthorized(
            "invalid_challenge",
            "the challenge is unknown, used or expired",
        )
    };
    let (expires, mac) = Challenges::parse_id(&request.challenge_id).ok_or_else(invalid)?;
    let now = unix_now();
    if expires < now || expires > now + 2 * CHALLENGE_LIFETIME.as_secs() as i64 {
        return Err(invalid());
    }
    let answer = request.answer.trim().as_bytes();
    let mut matched = None;
    for r in &app.config.reviewers {
        let recipient = r.recipient.to_string();
        let expected = app.challenges.mac(&r.name, &recipient, expires, answer);
        if same_secret(&expected, &mac) {
            matched = Some((r.name.clone(), recipient));
        }
    }
    // A wrong key and an unknown name look the same.
    let (reviewer, recipient) = matched.ok_or_else(|| {
        ApiError::unauthorized("wrong_answer", "the answer does not match the challenge")
    })?;
    if !app.challenges.use_once(mac, expires, now) {
        return Err(invalid());
    }
    let token = random_hex::<32>()?;
    let lifetime = app.config.reviewer_token_lifetime;
    let expires_at = unix_now() + i64::try_from(lifetime.as_secs()).unwrap_or(3600);
    let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
    let audit = Audit::new(&reviewer, "signed in");
    app.store
        .insert_token(&hash, &reviewer, &recipient, expires_at, now, &audit)
        .await?;
    Ok(axum::Json(TokenResponse {
        token,
        reviewer,
        expires_in_seconds: lifetime.as_secs(),
    })
    .into_response())
}

/// A request made with a valid bearer token of a reviewer who is still configured.
pub struct Reviewer(pub String);

impl FromRequestParts<AppState> for Reviewer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                ApiError::unauthorized("missing_token", "send Authorization: Bearer TOKEN")
            })?;
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let invalid = || {
            ApiError::unauthorized(
                "invalid_token",
                "the token is unknown or expired; sign in again",
            )
        };
        let (reviewer, recipient, expires_at) =
            app.store.token(&hash).await?.ok_or_else(invalid)?;
        if expires_at <= unix_now() {
            return Err(invalid());
        }
        // A reviewer removed from the configuration, or whose key was replaced, loses
        // access at once.
        if !app
            .config
            .reviewers
            .iter()
            .any(|r| r.name == reviewer && r.recipient.to_string() == recipient)
        {
            return Err(ApiError::unauthorized(
                "unknown_reviewer",
                "this reviewer is no longer configured on the server",
            ));
        }
        Ok(Reviewer(reviewer))
    }
}
