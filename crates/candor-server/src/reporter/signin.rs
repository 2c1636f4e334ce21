//! Signing in with the receipt code (`/followup`) and out (`/logout`): the derivation that
//! finds the case, rate limits, and the session cookie.

use candor_ui::t;
use candor_ui::text::href;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use bytes::Bytes;
use zeroize::Zeroizing;

use super::session::COOKIE;
use crate::app::{AppState, Problem};
use crate::reporter::pages;
use candor_core::domain::same_secret;
use candor_core::receipt::{DeriveError, Receipt, ReceiptError};

use super::case::{forbidden, internal};

/// Largest sign-in form body.
pub const MAX_SIGNIN_FORM_BYTES: usize = 4096;

/// Why a sign-in form is refused before any key derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigninFormError {
    /// Not a form, or no `receipt` field.
    Malformed,
    Receipt(ReceiptError),
}

/// Parses the urlencoded sign-in form and the receipt code in it.
pub fn parse_signin_form(body: &[u8]) -> Result<Receipt, SigninFormError> {
    if body.len() > MAX_SIGNIN_FORM_BYTES {
        return Err(SigninFormError::Receipt(ReceiptError::TooLong));
    }
    let fields: Vec<(Zeroizing<String>, Zeroizing<String>)> =
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
            .map_err(|_| SigninFormError::Malformed)?
            .into_iter()
            .map(|(k, v)| (Zeroizing::new(k), Zeroizing::new(v)))
            .collect();
    let code = fields
        .iter()
        .find(|(k, _)| k.as_str() == "receipt")
        .map(|(_, v)| v)
        .ok_or(SigninFormError::Malformed)?;
    Receipt::parse(code).map_err(SigninFormError::Receipt)
}

pub async fn form(State(app): State<AppState>) -> Response {
    pages::followup_form(&app.site, None).into_response()
}

pub(super) fn signin_problem(status: StatusCode, text: &str) -> Response {
    Problem::signin_form(status, text).into_response()
}

pub(super) fn busy() -> Response {
    Problem::page(
        StatusCode::SERVICE_UNAVAILABLE,
        t!("busy-title"),
        t!("signin-busy"),
    )
    .retry_in_a_minute()
    .into_response()
}

/// `POST /followup`: derives the keys from the code, finds the case, opens a session.
pub async fn sign_in(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let receipt = match parse_signin_form(&body) {
        Ok(receipt) => receipt,
        Err(SigninFormError::Malformed) => {
            return signin_problem(StatusCode::BAD_REQUEST, &t!("signin-empty"));
        }
        Err(SigninFormError::Receipt(problem)) => {
            let words = match problem {
                ReceiptError::Empty => t!("signin-code-empty"),
                ReceiptError::WrongLength { found } => t!("signin-code-length", found = found),
                ReceiptError::UnknownWord => t!("signin-code-unknown-word"),
                ReceiptError::TooLong => t!("signin-code-too-long"),
            };
            return signin_problem(StatusCode::BAD_REQUEST, &words);
        }
    };
    if !app.signin_limit.try_take() {
        return busy();
    }
    let derived = match app
        .deriver
        .derive(
            candor_core::receipt::Purpose::SignIn,
            receipt,
            Arc::clone(&app.install.receipt_salt),
        )
        .await
    {
        Ok(d) => d,
        Err(DeriveError::Busy) => return busy(),
        Err(_) => return internal(),
    };
    let case = match app.store.case_by_lookup(&derived.lookup_key[..]).await {
        Ok(Some(case)) => case,
        Ok(None) => {
            return signin_problem(StatusCode::UNAUTHORIZED, &t!("signin-wrong"));
        }
        Err(err) => {
            tracing::error!(error = %err, "sign-in lookup failed");
            return internal();
        }
    };
    // A session this browser still had ends: one browser, one session.
    if let Some(old) = CookieJar::from_headers(&headers).get(COOKIE) {
        app.sessions.end(old.value());
    }
    // Cases made before holder keys get theirs at the reporter's next sign-in.
    if case.holder_key.is_none()
        && let Ok(holder) = derived.holder()
        && let Err(err) = app
            .store
            .set_holder_key(case.id, &holder.verifier().to_vkey())
            .await
    {
        tracing::error!(error = %err, "a holder key could not be recorded");
    }
    let Ok((cookie_value, _)) = app.sessions.create(case.id, derived) else {
        return internal();
    };
    let cookie = Cookie::build((COOKIE, cookie_value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(is_https(&headers));
    let mut response = Redirect::to(&href("/case")).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Whether the browser reached us over HTTPS (through a TLS proxy) or an onion service,
/// where cookies can be `Secure`.
pub(super) fn is_https(headers: &HeaderMap) -> bool {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    let onion = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|h| h.split(':').next().unwrap_or(h).ends_with(".onion"));
    forwarded_https || onion
}

/// `POST /logout`: ends the session and tells the browser to forget this site's data.
pub async fn logout(State(app): State<AppState>, jar: CookieJar, body: Bytes) -> Response {
    if let Some(cookie) = jar.get(COOKIE) {
        if let Some(session) = app.sessions.get(cookie.value()) {
            let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
                .ok()
                .and_then(|fields| {
                    fields
                        .into_iter()
                        .find(|(k, _)| k == "csrf")
                        .map(|(_, v)| v)
                });
            if !token.is_some_and(|t| same_secret(t.as_bytes(), session.csrf.as_bytes())) {
                return forbidden();
            }
        }
        app.sessions.end(cookie.value());
    }
    let mut response = pages::signed_out(&app.site).into_response();
    let headers = response.headers_mut();
    headers.insert(
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    let mut expired = Cookie::build((COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .build();
    expired.make_removal();
    if let Ok(value) = HeaderValue::from_str(&expired.to_string()) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = &'static str> {
        (0usize..7776).prop_map(|i| candor_core::receipt::words()[i])
    }

    #[test]
    fn signin_form_errors() {
        assert_eq!(
            parse_signin_form(b"").err(),
            Some(SigninFormError::Malformed)
        );
        assert_eq!(
            parse_signin_form(b"other=x").err(),
            Some(SigninFormError::Malformed)
        );
        assert!(matches!(
            parse_signin_form(b"receipt=one+two").err(),
            Some(SigninFormError::Receipt(ReceiptError::WrongLength {
                found: 2
            }))
        ));
        assert!(matches!(
            parse_signin_form(&[b'x'; MAX_SIGNIN_FORM_BYTES + 1]).err(),
            Some(SigninFormError::Receipt(ReceiptError::TooLong))
        ));
    }

    proptest! {
        #[test]
        fn signin_form_never_panics(body in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_signin_form(&body);
        }

        /// A code typed back in any case, with extra spaces, among other fields, in any
        /// form encoding, is the code.
        #[test]
        fn signin_form_reads_the_code(
            words in proptest::collection::vec(word(), 8),
            upper in any::<bool>(),
            plus in any::<bool>(),
            before in any::<bool>(),
        ) {
            let code = words.join(" ");
            let typed = format!("  {}  ", if upper { code.to_uppercase() } else { code.clone() });
            let encoded = if plus {
                typed.replace(' ', "+")
            } else {
                typed.replace(' ', "%20")
            };
            let body = if before {
                format!("csrf=x&receipt={encoded}")
            } else {
                format!("receipt={encoded}&other=y")
            };
            let parsed = parse_signin_form(body.as_bytes()).expect("valid");
            prop_assert_eq!(parsed.expose(), code.as_str());
        }

    }
}
