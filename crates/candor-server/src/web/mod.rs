//! The HTTP server: router, security headers on every response, and errors as pages.

pub mod api;
mod followup;
pub mod intake;
mod log;
pub mod pages;
pub mod session;
mod submit;

pub use api::parse_sealed_message_body;
pub use followup::parse_signin_form;
pub use submit::parse_submission_body;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::csrf::CsrfLayer;

use crate::config::Config;
use candor_core::receipt::Deriver;
use candor_store::{Install, Store};
use pages::Site;
use session::{RateLimit, Sessions};

/// Shared state of the reporter-facing server.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub site: Arc<Site>,
    pub store: Store,
    pub install: Arc<Install>,
    pub deriver: Deriver,
    pub sessions: Arc<Sessions>,
    pub signin_limit: Arc<RateLimit>,
    pub challenges: Arc<api::Challenges>,
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
        store: Store,
        install: Install,
        deriver: Deriver,
        log: Arc<crate::log_service::LogService>,
    ) -> Result<AppState, getrandom::Error> {
        let site = Site {
            body_name: config.body.name.clone(),
            reviewer_names: config.reviewers.iter().map(|r| r.name.clone()).collect(),
            max_upload_bytes: config.max_upload_bytes,
        };
        let sessions = Arc::new(Sessions::new(
            config.session_idle_timeout,
            config.session_max_age,
        ));
        let signin_limit = Arc::new(RateLimit::per_minute(config.signin_attempts_per_minute));
        let challenges = Arc::new(api::Challenges::new()?);
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

/// A plain-text error from the framework (an extractor's rejection) becomes a page.
fn error_page(site: &Site, response: Response) -> Response {
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
        StatusCode::PAYLOAD_TOO_LARGE => (
            "Too large",
            "What you sent is larger than this form accepts, so nothing was kept.",
        ),
        StatusCode::NOT_FOUND => ("Page not found", "There is no page at this address."),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Not available",
            "This address cannot be used that way. Go back to the start and use the links.",
        ),
        s if s.is_server_error() => (
            "Something went wrong",
            "Something went wrong on our side. Please try again later.",
        ),
        _ => (
            "The request could not be read",
            "The request arrived damaged or incomplete, so nothing was kept. Please go back and try again.",
        ),
    };
    page_response(site, status, title, message)
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
    let onion = state.config.onion_address.clone();
    let panic_site = Arc::clone(&state.site);
    let csrf_site = Arc::clone(&state.site);
    let error_site = Arc::clone(&state.site);
    let public_log = Router::new()
        .route("/log/checkpoint", get(log::checkpoint))
        .route("/log/keys", get(log::keys))
        .route("/log/tile/{*path}", get(log::tile));
    let routes = match surface {
        Surface::All => reporter_routes()
            .merge(public_log)
            .nest(candor_core::api::PREFIX, api::routes()),
        Surface::Reporters => reporter_routes().merge(public_log),
        Surface::Reviewers => public_log.nest(candor_core::api::PREFIX, api::routes()),
    };
    routes
        .fallback(not_found)
        .with_state(state)
        .layer(middleware::from_fn(deadline))
        .layer(
            CsrfLayer::new().with_rejection_response(move |_| {
                page_response(
                    &csrf_site,
                    StatusCode::FORBIDDEN,
                    "Request refused",
                    "This form was sent from another site, so it was refused. Open this site directly and try again.",
                )
            }),
        )
        .layer(CatchPanicLayer::custom(move |_: Box<dyn std::any::Any + Send>| {
            tracing::error!("a request handler failed unexpectedly");
            page_response(
                &panic_site,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "Something went wrong on our side. Nothing you sent in this request was kept. Please try again later.",
            )
        }))
        // The reviewer API answers in JSON even when the layers above refuse (cross-site
        // request) or fail (panic) for it; everything else answers errors with a page,
        // also when the framework refuses a request (a body over a limit, a bad path).
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let site = Arc::clone(&error_site);
            async move {
                let api = req.uri().path().starts_with(candor_core::api::PREFIX);
                let response = next.run(req).await;
                if api {
                    api::json_errors(response).await
                } else {
                    error_page(&site, response)
                }
            }
        }))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let onion = onion.clone();
            async move { security_headers(onion.as_deref(), req, next).await }
        }))
}

/// The reporter pages.
fn reporter_routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/submit", get(submit::form).post(submit::post))
        .route(
            "/followup",
            get(followup::form)
                .post(followup::sign_in)
                .layer(DefaultBodyLimit::max(followup::MAX_SIGNIN_FORM_BYTES)),
        )
        .route("/case", get(followup::case))
        .route("/case/files/{id}", get(followup::download))
        .route("/case/certificates/{id}", get(followup::certificate))
        .route("/transparency", get(log::transparency))
        .route("/case/reply", post(followup::reply))
        .route(
            "/logout",
            post(followup::logout).layer(DefaultBodyLimit::max(4096)),
        )
        .route("/static/candor.css", get(candor_ui::stylesheet))
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

/// Renders an error page with a status.
pub fn page_response(
    site: &Site,
    status: StatusCode,
    title: &str,
    message: &str,
) -> Response<Body> {
    (status, pages::error_page(site, title, message)).into_response()
}

async fn index(State(app): State<AppState>) -> Response {
    pages::index(&app.site).into_response()
}

async fn not_found(State(app): State<AppState>) -> Response {
    page_response(
        &app.site,
        StatusCode::NOT_FOUND,
        "Page not found",
        "There is no page at this address. Check the address, or start again from the home page.",
    )
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
