//! The application: its shared state, the router of both surfaces (reporters' pages and the
//! public log; the reviewer API), security headers on every response, and errors as pages.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;

use crate::config::Config;
use crate::reporter::pages::{self, Site};
use crate::reporter::session::{RateLimit, Sessions};
use candor_core::receipt::Deriver;
use candor_store::{Install, Store};
use candor_ui::t;

/// Shared state of the reporter-facing server.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub site: Arc<Site>,
    pub store: Arc<dyn Store>,
    pub install: Arc<Install>,
    pub deriver: Deriver,
    pub sessions: Arc<Sessions>,
    pub signin_limit: Arc<RateLimit>,
    pub challenges: Arc<crate::reviewer_api::Challenges>,
    pub log: Arc<crate::log_service::LogService>,
    /// Places for reporters' uploads being read at once (see [`MAX_UPLOADS_IN_FLIGHT`]).
    pub uploads: Arc<tokio::sync::Semaphore>,
}

/// Reporters' uploads read at the same time. Each holds about 4 MiB while it streams (a
/// database chunk being filled, one being written, the parser's and the sealer's
/// buffers), so 48 bound the server's upload memory to about 200 MiB; further reporters
/// wait, their bodies unread, for up to [`candor_core::receipt::SUBMISSION_WAIT`].
pub const MAX_UPLOADS_IN_FLIGHT: usize = 48;

impl AppState {
    /// Waits for a place to read a reporter's upload; `None` after
    /// [`candor_core::receipt::SUBMISSION_WAIT`].
    pub async fn upload_place(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        tokio::time::timeout(
            candor_core::receipt::SUBMISSION_WAIT,
            Arc::clone(&self.uploads).acquire_owned(),
        )
        .await
        .ok()?
        .ok()
    }
}

impl AppState {
    pub fn new(
        config: Config,
        store: Arc<dyn Store>,
        install: Install,
        deriver: Deriver,
        log: Arc<crate::log_service::LogService>,
    ) -> Result<AppState, getrandom::Error> {
        let site = Site {
            body_name: config.body.name.clone(),
            reviewer_names: config.reviewers.iter().map(|r| r.name.clone()).collect(),
            max_upload_bytes: config.max_upload_bytes,
            identity: config
                .identity
                .as_ref()
                .map(|i| (i.custodians.threshold(), i.custodians.names().len())),
        };
        let sessions = Arc::new(Sessions::new(
            config.session_idle_timeout,
            config.session_max_age,
        ));
        let signin_limit = Arc::new(RateLimit::per_minute(config.signin_attempts_per_minute));
        let challenges = Arc::new(crate::reviewer_api::Challenges::new()?);
        Ok(AppState {
            log,
            challenges,
            sessions,
            signin_limit,
            config: Arc::new(config),
            site: Arc::new(site),
            store,
            install: Arc::new(install),
            deriver,
            uploads: Arc::new(tokio::sync::Semaphore::new(MAX_UPLOADS_IN_FLIGHT)),
        })
    }
}

/// A refusal on the reporters' side, as a page. It is a response on its own
/// (`IntoResponse`, so handlers and error types return it without the app's state); the
/// router's page layer frames it with the site's layout ([`error_page`]).
#[derive(Debug, Clone)]
pub struct Problem {
    status: StatusCode,
    page: ProblemPage,
    retry_after: bool,
}

/// What a [`Problem`] shows.
#[derive(Debug, Clone)]
enum ProblemPage {
    /// A heading and one or two sentences.
    Notice {
        title: String,
        message: String,
    },
    /// The report form again, with the problem above it.
    SubmitForm(String),
    /// The sign-in form again, with the problem above it.
    SigninForm(String),
    /// A report over the configured limit.
    ReportTooLarge,
    NotSignedIn,
}

impl Problem {
    /// A page with a heading and one or two sentences.
    pub fn page(
        status: StatusCode,
        title: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            status,
            page: ProblemPage::Notice {
                title: title.into(),
                message: message.into(),
            },
            retry_after: false,
        }
    }

    /// The report form again, with `message` above it.
    pub fn submit_form(status: StatusCode, message: impl Into<String>) -> Problem {
        Problem {
            status,
            page: ProblemPage::SubmitForm(message.into()),
            retry_after: false,
        }
    }

    /// The sign-in form again, with `message` above it.
    pub fn signin_form(status: StatusCode, message: impl Into<String>) -> Problem {
        Problem {
            status,
            page: ProblemPage::SigninForm(message.into()),
            retry_after: false,
        }
    }

    /// A report larger than the server accepts (the page names the limit).
    pub fn report_too_large() -> Problem {
        Problem {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            page: ProblemPage::ReportTooLarge,
            retry_after: false,
        }
    }

    /// A page of the case without a session.
    pub fn not_signed_in() -> Problem {
        Problem {
            status: StatusCode::UNAUTHORIZED,
            page: ProblemPage::NotSignedIn,
            retry_after: false,
        }
    }

    /// Something failed on the server's side.
    pub fn internal() -> Problem {
        Problem::page(
            StatusCode::INTERNAL_SERVER_ERROR,
            t!("error-internal-title"),
            t!("error-internal"),
        )
    }

    /// Adds `Retry-After: 60` (the server is busy).
    pub fn retry_in_a_minute(mut self) -> Problem {
        self.retry_after = true;
        self
    }

    fn render(&self, site: &Site) -> maud::Markup {
        match &self.page {
            ProblemPage::Notice { title, message } => pages::error_page(site, title, message),
            ProblemPage::SubmitForm(message) => pages::submit_form(site, Some(message)),
            ProblemPage::SigninForm(message) => pages::followup_form(site, Some(message)),
            ProblemPage::ReportTooLarge => pages::error_page(
                site,
                &t!("error-report-too-large-title"),
                &t!(
                    "error-report-too-large",
                    limit = candor_ui::human_size(site.max_upload_bytes)
                ),
            ),
            ProblemPage::NotSignedIn => pages::not_signed_in(site),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        if self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// A page with a heading and one or two sentences, as a response.
pub fn page_response(
    status: StatusCode,
    title: impl Into<String>,
    message: impl Into<String>,
) -> Response {
    Problem::page(status, title, message).into_response()
}

/// Frames a [`Problem`] with the site's layout; a plain-text error from the framework (an
/// extractor's rejection) becomes a page too.
fn error_page(site: &Site, mut response: Response) -> Response {
    if let Some(problem) = response.extensions_mut().remove::<Problem>() {
        let (mut parts, _) = response.into_parts();
        let page = problem.render(site).into_response();
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        return Response::from_parts(parts, page.into_body());
    }
    let status = response.status();
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !plain {
        return response;
    }
    let (title, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (t!("error-too-large-title"), t!("error-too-large")),
        StatusCode::NOT_FOUND => (t!("error-not-found-title"), t!("error-not-found-short")),
        StatusCode::METHOD_NOT_ALLOWED => (t!("error-method-title"), t!("error-method")),
        s if s.is_server_error() => (t!("error-internal-title"), t!("error-internal")),
        _ => (t!("error-bad-request-title"), t!("error-bad-request")),
    };
    (status, pages::error_page(site, &title, &message)).into_response()
}

/// What one listener serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// Reporter pages, the public log and the reviewer API (one listener, as in the demo).
    All,
    /// Reporter pages and the public log; `/api/…` answers 404.
    Reporters,
    /// The reviewer API and the public log (which the workstation follows), nothing else.
    Reviewers,
}

/// Builds the router with every layer.
pub fn router(state: AppState, surface: Surface) -> Router {
    let default_language = state.config.default_language;
    let onion = state.config.onion_address.clone();
    let error_site = Arc::clone(&state.site);
    let public_log = Router::new()
        .route("/log/checkpoint", get(crate::public_log::checkpoint))
        .route("/log/keys", get(crate::public_log::keys))
        .route("/log/tile/{*path}", get(crate::public_log::tile));
    let routes = match surface {
        Surface::All => crate::reporter::routes()
            .merge(public_log)
            .nest(candor_core::api::PREFIX, crate::reviewer_api::routes()),
        Surface::Reporters => crate::reporter::routes().merge(public_log),
        Surface::Reviewers => {
            public_log.nest(candor_core::api::PREFIX, crate::reviewer_api::routes())
        }
    };
    let routed = routes
        .fallback(not_found)
        .with_state(state)
        .layer(middleware::from_fn(deadline))
        .layer(CsrfLayer::new().with_rejection_response(move |_| {
            Problem::page(
                StatusCode::FORBIDDEN,
                t!("error-refused-title"),
                t!("error-cross-site"),
            )
            .into_response()
        }))
        .layer(CatchPanicLayer::custom(
            move |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a request handler failed unexpectedly");
                Problem::page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t!("error-internal-title"),
                    t!("error-panic"),
                )
                .into_response()
            },
        ))
        // The reviewer API answers in JSON even when the layers above refuse (cross-site
        // request) or fail (panic) for it; everything else answers errors with a page,
        // also when the framework refuses a request (a body over a limit, a bad path).
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let site = Arc::clone(&error_site);
            async move {
                let api = req.uri().path().starts_with(candor_core::api::PREFIX);
                let response = next.run(req).await;
                if api {
                    crate::reviewer_api::json_errors(response).await
                } else {
                    error_page(&site, response)
                }
            }
        }))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let onion = onion.clone();
            async move { security_headers(onion.as_deref(), req, next).await }
        }));
    // The language segment (`/fr/submit`) is taken off before routing, so this layer wraps
    // a router whose only route is the fallback: the one above.
    Router::new()
        .fallback_service(routed)
        .layer(middleware::from_fn_with_state(
            default_language,
            candor_ui::text::choose_language,
        ))
}

/// How long any request but an upload may take to get its answer (an upload has an idle
/// timeout instead: a large file over Tor takes long, but never stalls for minutes).
pub const REQUEST_DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

/// Whether a request streams a report, an answer or sealed items into the store.
fn is_upload(req: &Request) -> bool {
    let path = req.uri().path();
    let api_case = path.strip_prefix("/api/v1/cases/").is_some();
    match *req.method() {
        axum::http::Method::POST => {
            path == "/submit"
                || path == "/case/reply"
                || (api_case && (path.ends_with("/messages") || path.ends_with("/decisions")))
        }
        axum::http::Method::PUT => path.starts_with("/api/v1/items/"),
        _ => false,
    }
}

/// Cuts off any request but an upload that has no answer after [`REQUEST_DEADLINE`] (a
/// client that sends a small form one byte a minute, say).
async fn deadline(req: Request, next: Next) -> Response {
    if is_upload(&req) {
        return next.run(req).await;
    }
    match tokio::time::timeout(REQUEST_DEADLINE, next.run(req)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

pub(crate) async fn index(State(app): State<AppState>) -> Response {
    pages::index(&app.site).into_response()
}

async fn not_found() -> Response {
    Problem::page(
        StatusCode::NOT_FOUND,
        t!("error-not-found-title"),
        t!("error-not-found"),
    )
    .into_response()
}

/// Adds the security headers of DESIGN.md to every response, whatever produced it.
async fn security_headers(onion: Option<&str>, req: Request, next: Next) -> Response {
    let from_onion = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.split(':').next().unwrap_or(h).ends_with(".onion"))
        .unwrap_or(false);
    let onion_location = match onion {
        Some(onion) if !from_onion => {
            let path = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            HeaderValue::from_str(&format!("http://{onion}{path}")).ok()
        }
        _ => None,
    };
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    candor_ui::set_security_headers(headers);
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.starts_with("text/html"))
        .unwrap_or(false);
    if is_html || !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if let (Some(location), true) = (onion_location, is_html) {
        headers.insert(HeaderName::from_static("onion-location"), location);
    }
    response
}
