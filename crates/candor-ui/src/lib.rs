//! What the reporters' pages and the workstation's pages share: the page frame, the one
//! stylesheet, the security headers of every response, and the formatting helpers (sizes,
//! file names for downloads, decisions in words).
//!
//! Both sides render with maud on the server, with no script; a page's text comes from
//! [`text`], in the language of the request.
#![forbid(unsafe_code)]

use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use candor_log::entry::Opening;

pub mod text;

const STYLESHEET: &str = include_str!("../static/candor.css");

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/// Deny every powerful feature.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), ambient-light-sensor=(), autoplay=(), battery=(), bluetooth=(), camera=(), display-capture=(), document-domain=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), sync-xhr=(), usb=(), web-share=(), xr-spatial-tracking=()";

/// `GET /static/candor.css`: the one stylesheet, on both sides.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// The fixed header set of every response of both sides (DESIGN.md, web rules).
pub fn set_security_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.remove(header::SERVER);
    headers.remove(header::ETAG);
}

/// What a page frame shows around its content: the brand, the main navigation, and an
/// optional footer.
pub struct Frame<'a> {
    /// Appended to every page title (`Title — suffix`).
    pub title_suffix: &'a str,
    pub brand: Markup,
    /// Navigation: links, or any markup (a list item each).
    pub nav: Markup,
    pub footer: Option<Markup>,
    /// Whether the header offers every language (reporters' pages; the workstation speaks
    /// the one it was started with).
    pub languages: bool,
}

/// The page frame: language and direction, title, one stylesheet, navigation.
pub fn page(frame: &Frame<'_>, title: &str, content: Markup) -> Markup {
    let lang = text::lang();
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " — " (frame.title_suffix) }
                link rel="stylesheet" href="/static/candor.css";
            }
            body {
                header.site {
                    div.wrap {
                        a.brand href=(text::href("/")) { (frame.brand) }
                        nav aria-label=(t!("nav-main")) { ul { (frame.nav) } }
                        @if frame.languages {
                            nav.langs aria-label=(t!("nav-languages")) {
                                ul {
                                    @for (other, link, current) in text::alternates() {
                                        li {
                                            a href=(link) lang=(other.tag()) hreflang=(other.tag()) dir=(other.dir()) aria-current=[current.then_some("true")] { (other.name()) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                main.wrap id="main" { (content) }
                @if let Some(footer) = &frame.footer {
                    footer { div.wrap { (footer) } }
                }
            }
        }
    }
}

/// The content of an error page: a heading, one or two sentences, and a way back.
pub fn error_content(title: &str, message: &str, back: &str) -> Markup {
    html! {
        h1 { (title) }
        div.notice role="alert" { p { (message) } }
        p { a href=(text::href("/")) { (back) } }
    }
}

/// Human size: 2 GiB, 500 MiB, 64 KiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (name, unit) in UNITS {
        if bytes >= unit {
            let whole = bytes / unit;
            let tenth = (bytes % unit) * 10 / unit;
            return if tenth == 0 {
                format!("{whole} {name}")
            } else {
                format!("{whole}.{tenth} {name}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// A decision in words, with its measure.
pub fn record_words(opening: &Opening) -> String {
    match (opening.measure, &opening.custodian) {
        (Some(m), _) => t!(
            "record-with-measure",
            kind = text::kind(opening.kind),
            measure = text::measure(m)
        ),
        (None, Some(custodian)) => t!(
            "record-by-custodian",
            kind = text::kind(opening.kind),
            custodian = custodian.as_str()
        ),
        (None, None) => text::kind(opening.kind),
    }
}

/// `attachment` with an ASCII fallback name and the exact name in RFC 5987 form.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn percent_decode(text: &str) -> Option<Vec<u8>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'%' {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            } else {
                out.push(b);
                i += 1;
            }
        }
        Some(out)
    }

    proptest! {
        /// Any file name gives a valid header whose two forms say the same thing.
        #[test]
        fn content_disposition_is_a_valid_header(name in "\\PC{0,60}") {
            let value = content_disposition(&name);
            prop_assert!(HeaderValue::from_str(&value).is_ok(), "{value}");
            let (ascii, encoded) = value
                .strip_prefix("attachment; filename=\"")
                .and_then(|rest| rest.split_once("\"; filename*=UTF-8''"))
                .expect("shape");
            prop_assert!(!ascii.contains(['"', '\\']) && ascii.chars().all(|c| c.is_ascii() && !c.is_control()));
            prop_assert_eq!(ascii.chars().count(), name.chars().count());
            prop_assert_eq!(percent_decode(encoded).expect("decodes"), name.as_bytes().to_vec());
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(2 * 1024 * 1024 * 1024), "2 GiB");
        assert_eq!(human_size(1536 * 1024), "1.5 MiB");
        assert_eq!(human_size(100), "100 bytes");
    }
}
