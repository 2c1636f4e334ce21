//! `candor review serve`: the workstation's local pages, bound to loopback.
//!
//! Protection against other local users and other browser tabs: a random access token,
//! printed at start, is exchanged for an `HttpOnly; SameSite=Strict` cookie; requests must
//! name a loopback host (no DNS rebinding); every form carries a per-run token and
//! cross-site requests are refused.

use candor_ui::t;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use bytes::Bytes;
use futures_util::StreamExt;
use serde::Deserialize;
use tower_http::csrf::CsrfLayer;
use zeroize::Zeroizing;

use super::files::FileReport;
use super::files::safe_view::{self, Limits, SafeView};
use super::pages::{self, ShownItem, ShownMessage};
use super::{
    Client, ClientError, SealedAttachment, WorkstationError, reply_recipients, seal_to_tempfile,
};
use candor_core::api::{BulkItem, BulkPart, CaseDetail, ItemInfo, MAX_BULK_ITEMS};
use candor_core::conversation::FileMeta;
use candor_core::days::Day;
use candor_core::domain::same_secret;
use candor_core::multipart::Intake;
use candor_core::seal;
use candor_log::note::{Signer, Verifier};

const COOKIE: &str = "candor_workstation";
/// Largest reply text.
const MAX_TEXT: usize = 1024 * 1024;

/// The workstation's state.
pub struct Workstation {
    pub client: Client,
    pub body_name: String,
    access: String,
    csrf: String,
    flash: Mutex<Option<String>>,
    pub export_dir: PathBuf,
    port: u16,
    language: candor_ui::text::Lang,
    decision_key: Option<Signer>,
    /// The body's notice before an identity disclosure (the server's `notice_days`).
    notice_days: u16,
    /// Commitments of identity steps proven in the log and signed by the body.
    proven: Mutex<std::collections::HashSet<[u8; 32]>>,
    /// Identity steps (commitment, index the server named) whose entry is proven in a
    /// verified checkpoint but is not theirs: entries never change, so they are not fetched
    /// again (unless the server names another index).
    refuted: Mutex<std::collections::HashSet<([u8; 32], u64)>>,
    log_state: PathBuf,
    log_key: Option<Verifier>,
    /// The reviewers and reporter keys this workstation trusts for this server.
    trust: Arc<super::trust::TrustStore>,
    /// Set when the server's log was found inconsistent: the workstation stops working.
    alarm: Mutex<Option<String>>,
    /// A problem reaching the log that does not stop work.
    log_warning: Mutex<Option<String>>,
    /// One sync at a time (pages and the background follower).
    syncing: tokio::sync::Mutex<()>,
    /// Every case as last synced, and the small ciphertexts already read.
    mirror: super::mirror::Mirror,
    /// What inspection found in each file, by item id (kept while the workstation runs).
    /// `None` for a file that could not be read: not downloaded again on every view.
    reports: Mutex<std::collections::HashMap<i64, Option<Arc<FileReport>>>>,
    /// The last few safe views, by case and item (checked to belong together when made, so
    /// that the page images of a view cost no request to the server).
    safe_views: Mutex<Vec<CachedSafeView>>,
}

/// A file's safe view, or the one sentence that says why it has none.
type SafeViewResult = Result<SafeView, candor_ui::text::Words>;

/// A safe view kept in memory: its case's reference, its item, its metadata, the view.
type CachedSafeView = (String, i64, FileMeta, Arc<SafeViewResult>);

/// At most this many inspection reports are kept in memory.
const MAX_REPORTS: usize = 4096;
/// At most this many safe views are kept in memory.
const MAX_SAFE_VIEWS: usize = 4;

pub use candor_ui::text::Lang;

/// How the workstation runs.
pub struct Options {
    pub listen: SocketAddr,
    pub export_dir: PathBuf,
    /// The body's decision key, to sign decisions (and cosign checkpoints).
    pub decision_key: Option<Signer>,
    /// This server's folder in the workstation's state folder (see
    /// [`super::trust::server_dir`]): the last verified checkpoint, the pinned log key, and
    /// the trusted reviewers and reporter keys.
    pub state_dir: PathBuf,
    /// The log's key, if known in advance (otherwise pinned on first use).
    pub log_key: Option<Verifier>,
    /// How often the log is followed (and cosigned) in the background.
    pub sync_interval: std::time::Duration,
    /// The language of every page.
    pub language: candor_ui::text::Lang,
}

type Shared = Arc<Workstation>;

impl Workstation {
    fn set_flash(&self, text: String) {
        *self.flash.lock().unwrap_or_else(|p| p.into_inner()) = Some(text);
    }

    fn take_flash(&self) -> Option<String> {
        self.flash.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// The case's identity statements, counting only the steps proven in the log: each
    /// identity record's entry is fetched at the index the server names, proven included
    /// in the last checkpoint this workstation verified, and checked to be signed by the
    /// body and to commit to the record (a step the server made up, or placed at another
    /// entry, counts for nothing). Without the body's key (no identity step is possible
    /// here) the server's index is taken as it is, for display.
    async fn statements(
        &self,
        reference: &str,
        messages: &[ShownMessage],
    ) -> Vec<crate::identity::Statement> {
        let Some(signer) = &self.decision_key else {
            return crate::identity::Statement::of_case(reference, messages, |o| {
                self.mirror.log_index(&o.commitment()).is_some()
            });
        };
        let body = signer.verifier();
        let pending: Vec<(&candor_log::entry::Opening, u64)> = messages
            .iter()
            .flat_map(|m| &m.items)
            .filter_map(|i| match i {
                ShownItem::Record {
                    opening,
                    index: Some(index),
                } if opening.kind.is_identity()
                    && !self.is_proven(&opening.commitment())
                    && !self.is_refuted(&opening.commitment(), *index) =>
                {
                    Some((&**opening, *index))
                }
                _ => None,
            })
            .collect();
        if !pending.is_empty() {
            // Brings the verified checkpoint up to the entries just named.
            let _ = self.sync_log().await;
        }
        for (opening, index) in pending {
            let proven = super::follow::proven_entry(
                self.client.http(),
                self.client.server(),
                &self.log_state,
                index,
            )
            .await;
            // Not in the verified checkpoint yet, or not proven now: tried again later.
            let Ok(Some(in_checkpoint)) = proven else {
                continue;
            };
            let signed = candor_log::note::Note::parse(&in_checkpoint)
                .ok()
                .and_then(|note| {
                    let known = candor_log::note::Verifiers::new([body.clone()]).ok()?;
                    note.verify(&known).ok().filter(|v| v.is_signed_by(&body))?;
                    candor_log::entry::Entry::parse(note.text()).ok()
                });
            if signed.is_some_and(|e| e.commitment == opening.commitment()) {
                self.proven
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(opening.commitment());
            } else {
                self.refuted
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert((opening.commitment(), index));
            }
        }
        crate::identity::Statement::of_case(reference, messages, |o| {
            self.is_proven(&o.commitment())
        })
    }

    fn is_refuted(&self, commitment: &[u8; 32], index: u64) -> bool {
        self.refuted
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(&(*commitment, index))
    }

    fn is_proven(&self, commitment: &[u8; 32]) -> bool {
        self.proven
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(commitment)
    }

    fn alarm(&self) -> Option<String> {
        self.alarm.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Checks the server's log against the last checkpoint this workstation verified, and
    /// cosigns the new one. An inconsistency stops the workstation for good.
    async fn sync_log(&self) -> Result<(), String> {
        let _one_at_a_time = self.syncing.lock().await;
        if let Some(alarm) = self.alarm() {
            return Err(alarm);
        }
        match super::follow::follow(
            self.client.http(),
            self.client.server(),
            &self.log_state,
            self.log_key.as_ref(),
            false,
            None,
            std::sync::Arc::new(|_, _| {}),
        )
        .await
        {
            Ok((followed, _)) => {
                *self.log_warning.lock().unwrap_or_else(|p| p.into_inner()) = None;
                if let Some(signer) = &self.decision_key
                    && let Err(e) = self.cosign(signer, &followed).await
                {
                    tracing::warn!(error = %e, "could not cosign the checkpoint");
                }
                Ok(())
            }
            Err(
                e @ (super::follow::FollowError::Inconsistent(_)
                | super::follow::FollowError::Fork { .. }),
            ) => {
                let text = e.to_string();
                tracing::error!("{text}");
                *self.alarm.lock().unwrap_or_else(|p| p.into_inner()) = Some(text.clone());
                Err(text)
            }
            Err(e) => {
                tracing::warn!(error = %e, "the log could not be checked");
                *self.log_warning.lock().unwrap_or_else(|p| p.into_inner()) = Some(e.to_string());
                Ok(())
            }
        }
    }

    async fn cosign(
        &self,
        signer: &Signer,
        followed: &super::follow::Followed,
    ) -> Result<(), String> {
        let witness = candor_log::keys::witness_for(signer).map_err(|e| e.to_string())?;
        let note = candor_log::note::Note::parse(followed.signed_checkpoint.as_bytes())
            .map_err(|e| e.to_string())?;
        // Only a checkpoint this workstation has not cosigned yet: a cosignature (and the
        // server's audit entry for it) then marks that the tree grew, not that a
        // workstation happened to sync.
        if note
            .signatures()
            .iter()
            .any(|s| s.name() == witness.name() && s.key_id() == witness.key_id())
        {
            return Ok(());
        }
        let today = candor_log::checkpoint::cosignature_day(jiff::Timestamp::now().as_second());
        let line = witness
            .cosign(note.text(), today)
            .map_err(|e| e.to_string())?
            .to_line();
        self.client
            .cosign(&candor_core::api::CosignatureRequest {
                size: followed.size,
                vkey: witness.verifier().to_vkey(),
                line,
            })
            .await
            .map_err(|e| e.to_string())
    }

    fn page_error(
        &self,
        status: StatusCode,
        title: impl AsRef<str>,
        message: impl AsRef<str>,
    ) -> Response {
        (
            status,
            pages::error_page(
                &self.body_name,
                self.client.reviewer(),
                title.as_ref(),
                message.as_ref(),
            ),
        )
            .into_response()
    }

    fn client_error(&self, err: &WorkstationError) -> Response {
        let (status, title) = match err {
            WorkstationError::Client(ClientError::Unreachable(_)) => {
                (StatusCode::BAD_GATEWAY, t!("ws-error-unreachable"))
            }
            WorkstationError::Client(ClientError::WrongKey(_)) => {
                (StatusCode::BAD_GATEWAY, t!("ws-error-wrong-key"))
            }
            WorkstationError::Client(ClientError::Hostile { .. }) => {
                (StatusCode::BAD_GATEWAY, t!("ws-error-hostile"))
            }
            WorkstationError::Client(ClientError::Api { status: 401, .. }) => {
                (StatusCode::BAD_GATEWAY, t!("ws-error-refused"))
            }
            WorkstationError::Client(ClientError::Api { status: 404, .. }) => {
                (StatusCode::NOT_FOUND, t!("ws-error-not-found"))
            }
            WorkstationError::Trust(_) => (StatusCode::CONFLICT, t!("ws-error-trust")),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, t!("ws-error-internal")),
        };
        self.page_error(status, title, err.to_string())
    }
}

fn random_hex() -> Result<String, WorkstationError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b)
        .map_err(|e| WorkstationError::Bundle(format!("random generator failed: {e}")))?;
    Ok(hex::encode(b))
}

/// Binds `listen` (loopback only), checks the key against the server, and serves until
/// interrupted. `on_ready` gets the URL to open, with the access token.
pub async fn serve(
    client: Client,
    options: Options,
    on_ready: impl FnOnce(&str),
) -> Result<(), WorkstationError> {
    let listen = options.listen;
    if !listen.ip().is_loopback() {
        return Err(WorkstationError::Bundle(
            "--listen: the workstation only listens on a loopback address (127.0.0.1 or [::1])"
                .into(),
        ));
    }
    // Fail early and clearly when the server is unreachable or refuses the key.
    let info = client.info().await?;
    let trust = client.trust_handle();
    if trust.reviewers().is_empty() {
        // First use: trust the reviewers the server names now.
        trust.reviewer_recipients(&info.reviewers)?;
    }
    let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
        WorkstationError::Bundle(format!("--listen: cannot listen on {listen}: {e}"))
    })?;
    let local = listener.local_addr()?;
    let state = Arc::new(Workstation {
        client,
        body_name: info.body_name,
        access: random_hex()?,
        csrf: random_hex()?,
        flash: Mutex::new(None),
        export_dir: options.export_dir,
        port: local.port(),
        language: options.language,
        decision_key: options.decision_key,
        notice_days: info.identity_notice_days.unwrap_or(7),
        proven: Mutex::new(std::collections::HashSet::new()),
        refuted: Mutex::new(std::collections::HashSet::new()),
        log_state: options.state_dir.join("log-state"),
        log_key: options.log_key,
        trust,
        alarm: Mutex::new(None),
        log_warning: Mutex::new(None),
        syncing: tokio::sync::Mutex::new(()),
        mirror: super::mirror::Mirror::new(),
        reports: Mutex::new(std::collections::HashMap::new()),
        safe_views: Mutex::new(Vec::new()),
    });
    // The body is the log's first witness: refuse to start on a log that does not extend
    // what this workstation saw before.
    state.sync_log().await.map_err(WorkstationError::Bundle)?;
    // The cases, so that the first pages find them here.
    state.mirror.sync(&state.client).await?;
    // …and keep following it while running, so that new checkpoints are checked and
    // cosigned soon after they appear, whether or not anyone opens a page.
    let follower = {
        let state = Arc::clone(&state);
        let every = options.sync_interval.max(std::time::Duration::from_secs(1));
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await;
            loop {
                tick.tick().await;
                // An inconsistency raises the alarm every page shows; nothing else to do.
                let _ = state.sync_log().await;
                // Cases kept up to date too, so that a case page finds what to prefetch.
                if let Err(e) = state.mirror.sync(&state.client).await {
                    tracing::warn!(error = %e, "could not sync the cases");
                }
            }
        })
    };
    let url = format!("http://{local}/?access={}", state.access);
    let app = router(Arc::clone(&state));
    on_ready(&url);
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    follower.abort();
    served?;
    Ok(())
}

fn router(state: Shared) -> Router {
    let guard_state = Arc::clone(&state);
    Router::new()
        .route("/", get(inbox))
        .route("/audit", get(audit))
        .route("/reviewers", get(reviewers))
        .route("/reviewers/trust", post(trust_reviewers))
        .route("/cases/{reference}", get(case))
        .route("/cases/{reference}/items/{id}", get(download))
        .route("/cases/{reference}/items/{id}/safe.pdf", get(safe_view_pdf))
        .route(
            "/cases/{reference}/items/{id}/safe/{page}",
            get(safe_view_png),
        )
        .route(
            "/cases/{reference}/reply",
            post(reply).layer(DefaultBodyLimit::disable()),
        )
        .route("/cases/{reference}/status", post(status))
        .route("/cases/{reference}/hold", post(hold))
        .route("/cases/{reference}/export", post(export))
        .route("/cases/{reference}/grant", post(grant))
        .route("/cases/{reference}/decisions", post(decide))
        .route(
            "/cases/{reference}/identity/{id}/{step}",
            post(identity_step),
        )
        .route("/static/candor.css", get(candor_ui::stylesheet))
        .fallback(|State(ws): State<Shared>| async move {
            ws.page_error(
                StatusCode::NOT_FOUND,
                t!("ws-page-not-found-title"),
                t!("ws-page-not-found"),
            )
        })
        .with_state(state)
        .layer(CsrfLayer::new())
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let ws = Arc::clone(&guard_state);
            let language = ws.language;
            candor_ui::text::with_language(language, async move { guard(ws, req, next).await })
        }))
}

#[derive(Deserialize)]
struct AccessQuery {
    access: Option<String>,
}

/// Loopback host only; access token or cookie required; security headers on everything.
async fn guard(ws: Shared, req: Request, next: Next) -> Response {
    let host_ok = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| {
            [
                format!("127.0.0.1:{}", ws.port),
                format!("localhost:{}", ws.port),
                format!("[::1]:{}", ws.port),
            ]
            .iter()
            .any(|allowed| allowed == h)
        });
    let alarm = ws
        .alarm()
        .filter(|_| req.uri().path() != "/static/candor.css");
    let mut response = if let (true, Some(alarm)) = (host_ok, alarm) {
        ws.page_error(StatusCode::CONFLICT, t!("ws-log-alarm-title"), &alarm)
    } else if !host_ok {
        (StatusCode::MISDIRECTED_REQUEST, t!("ws-loopback-only")).into_response()
    } else if req.uri().path() == "/static/candor.css" {
        next.run(req).await
    } else {
        let query_token = req
            .uri()
            .query()
            .and_then(|q| serde_urlencoded::from_str::<AccessQuery>(q).ok())
            .and_then(|q| q.access);
        let jar = CookieJar::from_headers(req.headers());
        let cookie_ok = jar
            .get(COOKIE)
            .is_some_and(|c| same_secret(c.value().as_bytes(), ws.access.as_bytes()));
        match query_token {
            Some(token) if same_secret(token.as_bytes(), ws.access.as_bytes()) => {
                // Trade the token in the URL for a cookie, and drop it from the address bar.
                let cookie = Cookie::build((COOKIE, ws.access.clone()))
                    .path("/")
                    .http_only(true)
                    .same_site(SameSite::Strict);
                let mut r = Redirect::to(req.uri().path()).into_response();
                if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                }
                r
            }
            _ if cookie_ok => next.run(req).await,
            _ => ws.page_error(
                StatusCode::UNAUTHORIZED,
                t!("ws-open-link-title"),
                t!("ws-open-link"),
            ),
        }
    };
    let headers = response.headers_mut();
    candor_ui::set_security_headers(headers);
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Filters and page of the inbox (`/?status=received&q=…&unread=1&overdue=1&page=2`).
#[derive(Deserialize, Default)]
struct InboxParams {
    status: Option<String>,
    q: Option<String>,
    unread: Option<String>,
    overdue: Option<String>,
    page: Option<usize>,
}

async fn inbox(State(ws): State<Shared>, Query(params): Query<InboxParams>) -> Response {
    // The log check, the reviewers' list and the cases, at the same time: one round trip
    // for the cases whatever their number (see `mirror`).
    let (log, info, synced) =
        tokio::join!(ws.sync_log(), ws.client.info(), ws.mirror.sync(&ws.client));
    if let Err(alarm) = log {
        return ws.page_error(StatusCode::CONFLICT, t!("ws-log-alarm-title"), &alarm);
    }
    let info = match info.and_then(|i| synced.map(|_| i)) {
        Ok(info) => info,
        Err(e) => return ws.client_error(&e.into()),
    };
    let today = Day::today();
    let mut cases = ws.mirror.summaries();
    let all = cases.len();
    let filter = pages::InboxFilter {
        status: params.status.filter(|s| !s.is_empty()),
        q: params
            .q
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty()),
        unread: params.unread.is_some(),
        overdue: params.overdue.is_some(),
    };
    cases.retain(|c| filter.keeps(c, today));
    pages::sort_by_due(&mut cases, today);
    let mut flash = ws.take_flash();
    if let Some(warning) = ws
        .log_warning
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
    {
        flash = Some(t!("ws-warning", warning = warning.as_str()));
    }
    if !ws.trust.changes(&info.reviewers).is_empty() {
        flash = Some(t!("ws-reviewers-changed"));
    }
    pages::inbox(&pages::InboxView {
        body_name: &ws.body_name,
        reviewer: ws.client.reviewer(),
        cases: &cases,
        all,
        filter: &filter,
        page: params.page.unwrap_or(1),
        today,
        flash: flash.as_deref(),
    })
    .into_response()
}

#[derive(Deserialize)]
struct AuditParams {
    case: Option<String>,
}

async fn audit(State(ws): State<Shared>, Query(params): Query<AuditParams>) -> Response {
    match ws.client.audit(params.case.as_deref()).await {
        Ok(entries) => {
            pages::audit_page(&ws.body_name, ws.client.reviewer(), &entries).into_response()
        }
        Err(e) => ws.client_error(&e.into()),
    }
}

/// Files up to this size come whole in a case page's bulk request, to be inspected; larger
/// ones are read on their own, their first [`crate::files::INSPECT_BYTES`] only.
const BULK_INSPECT_BYTES: u64 = 16 * 1024 * 1024;

fn has_report(ws: &Workstation, id: i64) -> bool {
    ws.reports
        .lock()
        .map(|r| r.contains_key(&id))
        .unwrap_or(false)
}

/// The plaintext of a small item (a text or a record), from the mirror's ciphertext when
/// it is there, from the server otherwise.
async fn small_plaintext(
    ws: &Workstation,
    item: &ItemInfo,
) -> Result<Option<Zeroizing<Vec<u8>>>, WorkstationError> {
    let ct = stored_bytes(ws, item).await?;
    Ok(seal::open_bytes(ws.client.identities(), &ct).ok())
}

/// A small item's stored bytes, from the mirror when they are there.
async fn stored_bytes(ws: &Workstation, item: &ItemInfo) -> Result<Arc<Vec<u8>>, WorkstationError> {
    Ok(match ws.mirror.ciphertext(&item.sha256) {
        Some(ct) => ct,
        None => {
            let ct = ws.client.item_bytes(item.id).await?;
            ws.mirror.keep(&item.sha256, ct.clone());
            Arc::new(ct)
        }
    })
}

/// A file's metadata, from the mirror's ciphertext when it is there.
async fn meta_of(ws: &Workstation, item: &ItemInfo) -> Result<Option<FileMeta>, WorkstationError> {
    let Some(info) = &item.meta else {
        return Ok(None);
    };
    let ct = match ws.mirror.ciphertext(&info.sha256) {
        Some(ct) => ct,
        None => {
            let ct = ws.client.meta_bytes(item.id).await?;
            ws.mirror.keep(&info.sha256, ct.clone());
            Arc::new(ct)
        }
    };
    Ok(seal::open_bytes(ws.client.identities(), &ct)
        .ok()
        .and_then(|p| FileMeta::from_json(&p).ok()))
}

/// Brings into the mirror what the page of `case` needs and lacks, in one bulk request:
/// texts, records and file metadata, and the content of the small files not inspected yet
/// (inspected as they arrive). At the same time, larger files are inspected from their
/// first bytes and records already here are looked up in the log. With `strict`, a
/// ciphertext that is not the one the case names is an error; without (a prefetch from a
/// detail that may be stale), it is skipped.
async fn fill(ws: &Workstation, case: &CaseDetail, strict: bool) -> Result<(), WorkstationError> {
    let items: Vec<&ItemInfo> = case.messages.iter().flat_map(|m| &m.items).collect();
    let mut small = Vec::new();
    let mut contents = Vec::new();
    let mut large = Vec::new();
    let mut lookups = Vec::new();
    for item in &items {
        if item.kind == "file" {
            if let Some(meta) = &item.meta
                && ws.mirror.ciphertext(&meta.sha256).is_none()
            {
                small.push((
                    BulkItem {
                        id: item.id,
                        part: BulkPart::Meta,
                    },
                    meta.size,
                    meta.sha256.as_str(),
                ));
            }
            if !has_report(ws, item.id) {
                if item.size <= BULK_INSPECT_BYTES {
                    contents.push(*item);
                } else if item
                    .meta
                    .as_ref()
                    .is_some_and(|m| ws.mirror.ciphertext(&m.sha256).is_some())
                {
                    large.push(*item);
                }
            }
        } else if let Some(ct) = ws.mirror.ciphertext(&item.sha256) {
            if item.kind == "record"
                && let Some(opening) = seal::open_bytes(ws.client.identities(), &ct)
                    .ok()
                    .and_then(|p| String::from_utf8(p.to_vec()).ok())
                    .and_then(|t| candor_log::entry::Opening::parse(&t).ok())
                && ws.mirror.log_index(&opening.commitment()).is_none()
            {
                lookups.push(opening.commitment());
            }
        } else {
            small.push((
                BulkItem {
                    id: item.id,
                    part: BulkPart::Content,
                },
                item.size,
                item.sha256.as_str(),
            ));
        }
    }
    // The files whose content comes in the bulk answer, by item id.
    let files: std::collections::HashMap<i64, &ItemInfo> =
        contents.iter().map(|i| (i.id, *i)).collect();
    let bulk = async {
        let wanted: Vec<(BulkItem, u64, &str)> = small
            .iter()
            .copied()
            .chain(contents.iter().map(|i| {
                (
                    BulkItem {
                        id: i.id,
                        part: BulkPart::Content,
                    },
                    i.size,
                    i.sha256.as_str(),
                )
            }))
            .collect();
        for batch in wanted.chunks(MAX_BULK_ITEMS) {
            let ids: Vec<BulkItem> = batch.iter().map(|(b, _, _)| *b).collect();
            let mut answer = ws.client.bulk(&ids).await?;
            for &(wanted, size, sha256) in batch {
                let limit = match wanted.part {
                    BulkPart::Meta => super::client::MAX_META_BYTES,
                    BulkPart::Content => super::client::MAX_TEXT_ITEM_BYTES,
                };
                let bytes = answer.next_bytes(wanted, size, limit).await?;
                let file = match wanted.part {
                    BulkPart::Content => files.get(&wanted.id).copied(),
                    BulkPart::Meta => None,
                };
                let Some(file) = file else {
                    if !ws.mirror.keep(sha256, bytes) && strict {
                        return Err(damaged());
                    }
                    continue;
                };
                if hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)) != sha256 {
                    if strict {
                        return Err(damaged());
                    }
                    continue;
                }
                let meta = meta_of(ws, file).await?;
                let plain = seal::open_bytes(ws.client.identities(), &bytes).ok();
                match (meta, plain) {
                    (Some(meta), Some(plain))
                        if meta.sha256_bytes()
                            == Some(<sha2::Sha256 as sha2::Digest>::digest(&plain).into()) =>
                    {
                        report_of(ws, wanted.id, &meta, plain).await;
                    }
                    _ => keep_report(ws, wanted.id, None),
                }
            }
        }
        Ok::<_, WorkstationError>(())
    };
    let large = futures_util::future::join_all(large.iter().map(|item| async {
        if let Ok(Some(meta)) = meta_of(ws, item).await {
            file_report(ws, item.id, &meta).await;
        }
    }));
    let lookups = futures_util::future::join_all(lookups.iter().map(|c| async {
        if let Ok(Some(index)) = ws.client.log_entry(c).await {
            ws.mirror.set_log_index(*c, index);
        }
    }));
    let (bulk, _, _) = tokio::join!(bulk, large, lookups);
    bulk
}

fn damaged() -> WorkstationError {
    WorkstationError::Bundle(
        "an item arrived that is not the one the case names (SHA-256 mismatch); the server may be compromised".into(),
    )
}

/// The case's conversation, opened from what [`fill`] brought into the mirror.
async fn open_messages(
    ws: &Workstation,
    case: &CaseDetail,
) -> Result<Vec<ShownMessage>, WorkstationError> {
    let mut out = Vec::new();
    for m in &case.messages {
        let mut items = Vec::new();
        for item in &m.items {
            items.push(if item.kind == "text" {
                match small_plaintext(ws, item).await? {
                    Some(p) => ShownItem::Text {
                        sha256: <sha2::Sha256 as sha2::Digest>::digest(&p).into(),
                        text: String::from_utf8_lossy(&p).into_owned(),
                    },
                    None => ShownItem::Unreadable(item.id),
                }
            } else if item.kind == "identity" {
                let stored = stored_bytes(ws, item).await?;
                match candor_core::identity::Bundle::parse(&stored) {
                    Ok(bundle) => ShownItem::Identity {
                        id: item.id,
                        sha256: <sha2::Sha256 as sha2::Digest>::digest(&stored[..]).into(),
                        bundle,
                    },
                    Err(_) => ShownItem::Unreadable(item.id),
                }
            } else if item.kind == "issued-to" {
                match small_plaintext(ws, item)
                    .await?
                    .and_then(|p| candor_core::identity::normalize_issued_to(&p).ok())
                {
                    Some(words) => ShownItem::IssuedTo {
                        id: item.id,
                        words: words.to_string(),
                    },
                    None => ShownItem::Unreadable(item.id),
                }
            } else if item.kind == "record" {
                match small_plaintext(ws, item)
                    .await?
                    .and_then(|p| String::from_utf8(p.to_vec()).ok())
                    .and_then(|t| candor_log::entry::Opening::parse(&t).ok())
                {
                    Some(opening) => {
                        let index = ws.mirror.log_index(&opening.commitment());
                        ShownItem::Record {
                            opening: Box::new(opening),
                            index,
                        }
                    }
                    None => ShownItem::Unreadable(item.id),
                }
            } else {
                match meta_of(ws, item).await? {
                    Some(meta) => {
                        let report = ws
                            .reports
                            .lock()
                            .ok()
                            .and_then(|r| r.get(&item.id).cloned().flatten());
                        ShownItem::File {
                            id: item.id,
                            meta,
                            report,
                        }
                    }
                    None => ShownItem::Unreadable(item.id),
                }
            });
        }
        out.push(ShownMessage {
            author: m.author.clone(),
            day: m.day.clone(),
            altered: pages::altered(&items),
            items,
        });
    }
    Ok(out)
}

/// A case and its conversation in two round trips: the case itself (fresh, and so that
/// the server notes this reviewer read it) at the same time as a bulk request for what the
/// mirror lacks by the case as last synced; then one more bulk request for whatever the
/// fresh case adds, if anything, with the log lookups of records that just arrived.
async fn open_case(
    ws: &Workstation,
    reference: &str,
) -> Result<(CaseDetail, Vec<ShownMessage>), WorkstationError> {
    let stale = ws.mirror.case(reference);
    let prefetch = async {
        match &stale {
            Some(case) => fill(ws, case, false).await,
            None => Ok(()),
        }
    };
    let (fresh, prefetched) = tokio::join!(ws.client.case(reference), prefetch);
    let case = fresh?;
    // A prefetch by a stale case may break off (an item re-encrypted since, another
    // size); what it missed comes next, by the fresh case.
    if let Err(e) = prefetched {
        tracing::debug!(error = %e, "prefetch by the last synced case stopped");
    }
    ws.mirror.seen(case.clone());
    fill(ws, &case, true).await?;
    let messages = open_messages(ws, &case).await?;
    Ok((case, messages))
}

#[derive(Deserialize)]
struct CaseParams {
    /// A file whose safe view to show inline.
    safe: Option<i64>,
}

async fn case(
    State(ws): State<Shared>,
    Path(reference): Path<String>,
    Query(params): Query<CaseParams>,
) -> Response {
    let result = async {
        let (case, messages) = open_case(&ws, &reference).await?;
        let safe_view = match params.safe {
            Some(id) => {
                let (_, view) = safe_view_of(&ws, &reference, id).await?;
                Some((id, view))
            }
            None => None,
        };
        Ok::<_, WorkstationError>((case, messages, safe_view))
    }
    .await;
    match result {
        Ok((case, messages, safe_view)) => {
            let flash = ws.take_flash();
            let statements = ws.statements(&case.reference, &messages).await;
            let naming = crate::identity::Naming::of_case(&messages, &statements);
            let export_dir = ws.export_dir.display().to_string();
            pages::case_page(&pages::CaseView {
                body_name: &ws.body_name,
                reviewer: ws.client.reviewer(),
                case: &case,
                messages: &messages,
                csrf: &ws.csrf,
                flash: flash.as_deref(),
                export_dir: &export_dir,
                today: Day::today(),
                can_decide: ws.decision_key.is_some(),
                safe_view: safe_view.as_ref().map(|(id, view)| {
                    (
                        *id,
                        match view.as_ref() {
                            Ok(v) => Ok(v.pages.len()),
                            Err(why) => Err(why.text()),
                        },
                    )
                }),
                blocked: ws
                    .trust
                    .check_reporter(&case.reference, &case.reporter_recipient)
                    .err()
                    .map(|e| e.to_string()),
                statements: &statements,
                notice_days: ws.notice_days,
                naming,
            })
            .into_response()
        }
        Err(e) => ws.client_error(&e),
    }
}

/// The metadata of a file of a case; an error if the item is not a file of that case.
/// The case and the metadata come from the mirror when there (no request).
async fn case_file(
    ws: &Workstation,
    reference: &str,
    id: i64,
) -> Result<FileMeta, WorkstationError> {
    let case = match ws.mirror.case(reference) {
        Some(case) => case,
        None => {
            let case = ws.client.case(reference).await?;
            ws.mirror.seen(case.clone());
            case
        }
    };
    let item = case
        .messages
        .iter()
        .flat_map(|m| &m.items)
        .find(|i| i.id == id && i.kind == "file")
        .ok_or_else(|| {
            WorkstationError::Client(ClientError::Api {
                status: 404,
                code: "not_found".into(),
                message: "no such file in this case".into(),
            })
        })?;
    meta_of(ws, item)
        .await?
        .ok_or(WorkstationError::Seal(seal::SealError::NoMatchingKey))
}

/// The first `limit` bytes of a file's plaintext (all of it if smaller), checked against
/// its SHA-256 when whole.
async fn file_bytes(
    ws: &Workstation,
    id: i64,
    meta: &FileMeta,
    limit: usize,
) -> Result<Zeroizing<Vec<u8>>, WorkstationError> {
    let stream = ws.client.item_plaintext(id).await?;
    let mut stream = Box::pin(candor_core::conversation::checked_stream(
        Box::pin(stream),
        meta.sha256_bytes(),
    ));
    let mut bytes = Zeroizing::new(Vec::new());
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| WorkstationError::Bundle("the file is damaged".into()))?;
        let room = limit.saturating_sub(bytes.len()).min(chunk.len());
        bytes.extend_from_slice(&chunk[..room]);
        if bytes.len() >= limit {
            break;
        }
    }
    Ok(bytes)
}

/// What inspection finds in a file from its first bytes (see [`crate::files::inspect`]);
/// kept for this run.
async fn file_report(ws: &Workstation, id: i64, meta: &FileMeta) -> Option<Arc<FileReport>> {
    if let Some(r) = ws.reports.lock().ok()?.get(&id) {
        return r.clone();
    }
    match file_bytes(ws, id, meta, crate::files::INSPECT_BYTES).await {
        Ok(bytes) => report_of(ws, id, meta, bytes).await,
        Err(_) => {
            keep_report(ws, id, None);
            None
        }
    }
}

/// Keeps what inspection found (or that it could not read the file) for this run.
fn keep_report(ws: &Workstation, id: i64, report: Option<Arc<FileReport>>) {
    if let Ok(mut reports) = ws.reports.lock() {
        if reports.len() >= MAX_REPORTS {
            reports.clear();
        }
        reports.insert(id, report);
    }
}

/// Inspects a file's plaintext (or its first bytes) and keeps the report for this run.
async fn report_of(
    ws: &Workstation,
    id: i64,
    meta: &FileMeta,
    bytes: Zeroizing<Vec<u8>>,
) -> Option<Arc<FileReport>> {
    let (name, saved, claimed, size) = (
        meta.name.clone(),
        meta.safe_name(),
        meta.content_type.clone(),
        meta.size,
    );
    let report = tokio::task::spawn_blocking(move || {
        crate::files::inspect(&name, &saved, &claimed, &bytes, size)
    })
    .await
    .ok()
    .map(Arc::new);
    keep_report(ws, id, report.clone());
    report
}

async fn download(
    State(ws): State<Shared>,
    Path((reference, id)): Path<(String, i64)>,
) -> Response {
    let result = async {
        let meta = case_file(&ws, &reference, id).await?;
        let stream = ws.client.item_plaintext(id).await?;
        Ok::<_, WorkstationError>((meta, stream))
    };
    let (meta, stream) = match result.await {
        Ok(x) => x,
        Err(e) => return ws.client_error(&e),
    };
    // A file whose bytes differ from its recorded SHA-256 ends as a failed download.
    let mut stream = Box::pin(candor_core::conversation::checked_stream(
        Box::pin(stream),
        meta.sha256_bytes(),
    ));
    let first = match stream.next().await {
        Some(Ok(b)) => b,
        None => Bytes::new(),
        Some(Err(_)) => {
            return ws.page_error(
                StatusCode::BAD_GATEWAY,
                t!("ws-file-unreadable-title"),
                t!("ws-file-unreadable"),
            );
        }
    };
    let body = Body::from_stream(
        futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) }).chain(stream),
    );
    let mut response = Response::new(body);
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&candor_ui::content_disposition(&meta.safe_name())) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// The safe view of a file: converted in the sandbox on first use, then kept (the last
/// [`MAX_SAFE_VIEWS`]).
async fn safe_view_of(
    ws: &Workstation,
    reference: &str,
    id: i64,
) -> Result<(FileMeta, Arc<SafeViewResult>), WorkstationError> {
    let cached = ws.safe_views.lock().ok().and_then(|v| {
        v.iter()
            .find(|(r, i, _, _)| r == reference && *i == id)
            .map(|(_, _, meta, view)| (meta.clone(), Arc::clone(view)))
    });
    if let Some(found) = cached {
        return Ok(found);
    }
    // The file must belong to this case, as for a download.
    let meta = case_file(ws, reference, id).await?;
    let limits = Limits::default();
    let bytes = file_bytes(ws, id, &meta, limits.max_input as usize + 1).await?;
    let name = meta.name.clone();
    let view = tokio::task::spawn_blocking(move || {
        safe_view::of_file(&name, &bytes, &limits).map_err(|e| e.words())
    })
    .await
    .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    let view = Arc::new(view);
    if let Ok(mut views) = ws.safe_views.lock() {
        if views.len() >= MAX_SAFE_VIEWS {
            views.remove(0);
        }
        views.push((reference.to_string(), id, meta.clone(), Arc::clone(&view)));
    }
    Ok((meta, view))
}

async fn safe_view_pdf(
    State(ws): State<Shared>,
    Path((reference, id)): Path<(String, i64)>,
) -> Response {
    match safe_view_of(&ws, &reference, id).await {
        Ok((meta, view)) => match view.as_ref() {
            Ok(v) => {
                let mut response = Response::new(Body::from(v.pdf()));
                let h = response.headers_mut();
                h.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/octet-stream"),
                );
                let name = safe_view::file_name(&meta.name);
                if let Ok(v) = HeaderValue::from_str(&candor_ui::content_disposition(&name)) {
                    h.insert(header::CONTENT_DISPOSITION, v);
                }
                response
            }
            Err(why) => ws.page_error(
                StatusCode::UNPROCESSABLE_ENTITY,
                t!("ws-no-safe-view-title"),
                why.text(),
            ),
        },
        Err(e) => ws.client_error(&e),
    }
}

/// A page of the safe view, as a PNG the case page shows inline.
async fn safe_view_png(
    State(ws): State<Shared>,
    Path((reference, id, page)): Path<(String, i64, String)>,
) -> Response {
    let number = page
        .strip_suffix(".png")
        .unwrap_or(&page)
        .parse::<usize>()
        .ok();
    match safe_view_of(&ws, &reference, id).await {
        Ok((_, view)) => match (view.as_ref(), number) {
            (Ok(v), Some(n)) if n >= 1 && n <= v.pages.len() => {
                let mut response = Response::new(Body::from(v.pages[n - 1].png.clone()));
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
                response
            }
            _ => ws.page_error(
                StatusCode::NOT_FOUND,
                t!("ws-page-not-found-title"),
                t!("ws-safe-no-page"),
            ),
        },
        Err(e) => ws.client_error(&e),
    }
}

fn form_field(body: &[u8], name: &str) -> Option<Zeroizing<String>> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| Zeroizing::new(v))
}

fn csrf_ok(ws: &Workstation, body: &[u8]) -> bool {
    form_field(body, "csrf").is_some_and(|t| same_secret(t.as_bytes(), ws.csrf.as_bytes()))
}

fn back_to(reference: &str) -> Response {
    Redirect::to(&format!("/cases/{reference}")).into_response()
}

fn forbidden(ws: &Workstation) -> Response {
    ws.page_error(
        StatusCode::FORBIDDEN,
        t!("ws-refused-title"),
        t!("ws-refused"),
    )
}

async fn status(State(ws): State<Shared>, Path(reference): Path<String>, body: Bytes) -> Response {
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let Some(status) = form_field(&body, "status") else {
        return ws.page_error(
            StatusCode::BAD_REQUEST,
            t!("ws-no-status-title"),
            t!("ws-no-status"),
        );
    };
    match ws.client.set_status(&reference, &status).await {
        Ok(()) => {
            ws.set_flash(t!("ws-status-set", status = status.as_str()));
            back_to(&reference)
        }
        Err(e) => ws.client_error(&e.into()),
    }
}

async fn hold(State(ws): State<Shared>, Path(reference): Path<String>, body: Bytes) -> Response {
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let hold = form_field(&body, "hold").is_some_and(|v| v.as_str() == "on");
    match ws.client.set_legal_hold(&reference, hold).await {
        Ok(()) => {
            ws.set_flash(if hold {
                t!("ws-hold-placed")
            } else {
                t!("ws-hold-lifted")
            });
            back_to(&reference)
        }
        Err(e) => ws.client_error(&e.into()),
    }
}

async fn export(State(ws): State<Shared>, Path(reference): Path<String>, body: Bytes) -> Response {
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let dir = form_field(&body, "dir")
        .map(|d| PathBuf::from(d.trim()))
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| ws.export_dir.clone());
    match super::export_case(&ws.client, &reference, &dir).await {
        Ok((path, problems)) => {
            let mut text = t!(
                "ws-exported",
                folder = path.display().to_string(),
                advice = crate::files::offline_advice().text()
            );
            if !problems.is_empty() {
                text.push(' ');
                text.push_str(&t!("ws-export-problems", problems = problems.join("; ")));
            }
            ws.set_flash(text);
            back_to(&reference)
        }
        Err(e) => ws.client_error(&e),
    }
}

/// `GET /reviewers`: the reviewers this workstation trusts, the server's list, and what
/// differs, with a form to trust the server's list.
async fn reviewers(State(ws): State<Shared>) -> Response {
    match ws.client.info().await {
        Ok(info) => {
            let changes = ws.trust.changes(&info.reviewers);
            pages::reviewers_page(&pages::ReviewersView {
                body_name: &ws.body_name,
                reviewer: ws.client.reviewer(),
                trusted: &ws.trust.reviewers(),
                server: &info.reviewers,
                changes: &changes,
                fingerprint: &super::trust::fingerprint(&changes),
                csrf: &ws.csrf,
                flash: ws.take_flash().as_deref(),
            })
            .into_response()
        }
        Err(e) => ws.client_error(&e.into()),
    }
}

/// `POST /reviewers/trust`: `csrf` and the `fingerprint` of the changes that were shown.
async fn trust_reviewers(State(ws): State<Shared>, body: Bytes) -> Response {
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let fingerprint = form_field(&body, "fingerprint").unwrap_or_default();
    let result = async {
        let info = ws.client.info().await?;
        ws.trust.accept_reviewers(&info.reviewers, &fingerprint)?;
        Ok::<_, WorkstationError>(info.reviewers.len())
    }
    .await;
    match result {
        Ok(n) => {
            ws.set_flash(t!("ws-reviewers-trusted-now", count = n));
            Redirect::to("/reviewers").into_response()
        }
        Err(e) => ws.client_error(&e),
    }
}

async fn grant(State(ws): State<Shared>, Path(reference): Path<String>, body: Bytes) -> Response {
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    match super::grant(&ws.client, Some(&reference), &|_, _| {}).await {
        Ok((done, skipped)) => {
            ws.set_flash(format!(
                "{done} items were re-encrypted for the current reviewers{}.",
                if skipped > 0 {
                    format!(
                        "; {skipped} could not be opened with this key and were left as they are"
                    )
                } else {
                    String::new()
                }
            ));
            back_to(&reference)
        }
        Err(e) => ws.client_error(&e),
    }
}

/// The classification from the decision form (`sector`, `area`, `outcome`): each from its
/// list; the outcome needed to close a case, and ignored otherwise.
fn classification(
    body: &[u8],
    kind: candor_log::entry::Kind,
) -> Option<candor_log::classification::Classification> {
    let sector = form_field(body, "sector")?.parse().ok()?;
    let area = form_field(body, "area")?.parse().ok()?;
    let outcome = match form_field(body, "outcome").filter(|o| !o.is_empty()) {
        Some(o) => Some(o.parse().ok()?),
        None => None,
    };
    if kind == candor_log::entry::Kind::CaseClosed && outcome.is_none() {
        return None;
    }
    Some(candor_log::classification::Classification {
        sector,
        area,
        outcome,
    })
}

/// The decision form: `csrf`, `kind`, `measure`, `sector`, `area`, `outcome`, `reasons`.
/// The decision is signed here with the body's key; its opening is sealed to the reporter
/// and every reviewer.
async fn decide(State(ws): State<Shared>, Path(reference): Path<String>, body: Bytes) -> Response {
    use candor_log::entry::{Kind, Measure};
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let Some(signer) = ws.decision_key.clone() else {
        return ws.page_error(
            StatusCode::BAD_REQUEST,
            t!("ws-no-decision-key-title"),
            t!("ws-no-decision-key"),
        );
    };
    if let Err(alarm) = ws.sync_log().await {
        return ws.page_error(StatusCode::CONFLICT, t!("ws-log-alarm-title"), &alarm);
    }
    let kind = form_field(&body, "kind")
        .and_then(|k| k.parse::<Kind>().ok())
        .filter(|k| Kind::DECISIONS.contains(k));
    let Some(kind) = kind else {
        return ws.page_error(
            StatusCode::BAD_REQUEST,
            t!("ws-choose-decision-title"),
            t!("ws-choose-decision"),
        );
    };
    let measure =
        match form_field(&body, "measure").filter(|m| !m.is_empty() && m.as_str() != "none") {
            Some(m) => match m.parse::<Measure>() {
                Ok(m) => Some(m),
                Err(_) => {
                    return ws.page_error(
                        StatusCode::BAD_REQUEST,
                        t!("ws-unknown-measure-title"),
                        t!("ws-unknown-measure"),
                    );
                }
            },
            None => None,
        };
    let reasons = form_field(&body, "reasons")
        .map(|r| r.to_string())
        .unwrap_or_default();
    let Some(class) = classification(&body, kind) else {
        return ws.page_error(
            StatusCode::BAD_REQUEST,
            t!("ws-choose-class-title"),
            t!("ws-choose-class"),
        );
    };
    // Issued to the reporter only in the words they agreed to, as the form showed them
    // (named by their item) and still standing now, after a proven disclosure.
    let issued_to = match form_field(&body, "issued_to") {
        None => None,
        Some(id) => {
            let offered = async {
                let (case, messages) = open_case(&ws, &reference).await?;
                let statements = ws.statements(&case.reference, &messages).await;
                Ok::<_, WorkstationError>(crate::identity::Naming::of_case(&messages, &statements))
            };
            match offered.await {
                Ok(crate::identity::Naming::Offered { item_id, words })
                    if id.parse::<i64>() == Ok(item_id) =>
                {
                    Some(words)
                }
                Ok(_) => {
                    return ws.page_error(
                        StatusCode::CONFLICT,
                        t!("ws-issued-to-stale-title"),
                        t!("ws-issued-to-stale"),
                    );
                }
                Err(e) => return ws.client_error(&e),
            }
        }
    };
    let decision = super::Decision {
        kind,
        measure,
        class,
        reasons: &reasons,
        issued_to: issued_to.as_deref(),
    };
    let result = super::record_decision(&ws.client, &signer, &reference, &decision).await;
    match result {
        Ok(opening) => {
            ws.set_flash(t!(
                "ws-decision-recorded",
                decision = candor_ui::record_words(&opening)
            ));
            back_to(&reference)
        }
        Err(e) => ws.client_error(&e),
    }
}

/// A step of an identity disclosure (`request`, `waive`, `approve`, `open`): `csrf` and
/// `reasons`. Signed here with the body's key, like a decision; `open` shows the statement
/// once the disclosure is recorded.
async fn identity_step(
    State(ws): State<Shared>,
    Path((reference, id, step)): Path<(String, i64, String)>,
    body: Bytes,
) -> Response {
    use crate::identity::{Action, StepError};
    if !csrf_ok(&ws, &body) {
        return forbidden(&ws);
    }
    let Some(signer) = ws.decision_key.clone() else {
        return ws.page_error(
            StatusCode::BAD_REQUEST,
            t!("ws-no-decision-key-title"),
            t!("ws-no-decision-key"),
        );
    };
    if let Err(alarm) = ws.sync_log().await {
        return ws.page_error(StatusCode::CONFLICT, t!("ws-log-alarm-title"), &alarm);
    }
    let (case, messages) = match open_case(&ws, &reference).await {
        Ok(opened) => opened,
        Err(e) => return ws.client_error(&e),
    };
    if let Err(e) = ws
        .trust
        .check_reporter(&case.reference, &case.reporter_recipient)
    {
        return ws.page_error(StatusCode::CONFLICT, t!("ws-error-trust"), e.to_string());
    }
    let statements = ws.statements(&case.reference, &messages).await;
    let Some(statement) = statements.iter().find(|s| s.item_id == id) else {
        return ws.page_error(
            StatusCode::NOT_FOUND,
            t!("ws-error-not-found"),
            t!("ws-identity-no-statement"),
        );
    };
    let reasons = form_field(&body, "reasons")
        .map(|r| r.to_string())
        .unwrap_or_default();
    let refused = |e: StepError| match e {
        StepError::Workstation(e) => ws.client_error(&e),
        e => ws.page_error(
            StatusCode::CONFLICT,
            t!("ws-identity-refused-title"),
            identity_refusal(&e),
        ),
    };
    let action = match step.as_str() {
        "open" => {
            return match crate::identity::disclose(
                &ws.client,
                &signer,
                &case.reference,
                statement,
                &reasons,
            )
            .await
            {
                Ok(text) => pages::identity_statement_page(
                    &ws.body_name,
                    ws.client.reviewer(),
                    &case.reference,
                    &text,
                )
                .into_response(),
                Err(e) => refused(e),
            };
        }
        "request" => Action::Request {
            notice_days: ws.notice_days,
        },
        "waive" => Action::Waive,
        "approve" => Action::Approve,
        _ => {
            return ws.page_error(
                StatusCode::NOT_FOUND,
                t!("ws-error-not-found"),
                t!("ws-identity-no-statement"),
            );
        }
    };
    match crate::identity::take_step(
        &ws.client,
        &signer,
        &case.reference,
        statement,
        action,
        &reasons,
    )
    .await
    {
        Ok(opening) => {
            ws.set_flash(t!(
                "ws-decision-recorded",
                decision = candor_ui::record_words(&opening)
            ));
            back_to(&reference)
        }
        Err(e) => refused(e),
    }
}

/// A refused identity step in the workstation's language.
fn identity_refusal(e: &crate::identity::StepError) -> String {
    use crate::identity::StepError;
    match e {
        StepError::NotCustodian => t!("ws-identity-not-custodian"),
        StepError::NoReasons => t!("ws-identity-no-reasons"),
        StepError::NoRequest => t!("ws-identity-no-request"),
        StepError::AlreadyRequested => t!("ws-identity-already-requested"),
        StepError::AlreadyAgreed => t!("ws-identity-already-agreed"),
        StepError::TooEarly(day) => t!("ws-identity-too-early", until = day.to_string()),
        StepError::NotReady => t!("ws-identity-not-ready"),
        StepError::Workstation(e) => e.to_string(),
    }
}

/// The reply form: `csrf`, `message`, `files`; attachments are sealed as they stream in,
/// into temporary files that hold only ciphertext.
async fn reply(
    State(ws): State<Shared>,
    Path(reference): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match receive_reply(&ws, &reference, &headers, body).await {
        Ok(Some(count)) => {
            ws.set_flash(t!("ws-reply-sent", count = count));
            back_to(&reference)
        }
        Ok(None) => forbidden(&ws),
        Err(e) => ws.client_error(&e),
    }
}

/// Most parts of the reply form: its token, a message and the files.
const MAX_REPLY_PARTS: usize = 2 + 10_000;

async fn receive_reply(
    ws: &Workstation,
    reference: &str,
    headers: &HeaderMap,
    body: Body,
) -> Result<Option<usize>, WorkstationError> {
    let bad = |m: &str| WorkstationError::Bundle(m.to_string());
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let stream = body
        .into_data_stream()
        .map(|r| r.map_err(std::io::Error::other));
    // The reviewer's own browser, but the same metered reader as the server's: no limit on
    // the files' size, a bound on everything else.
    let mut multipart = Intake::new(
        content_type,
        stream,
        u64::MAX,
        MAX_REPLY_PARTS,
        multer::Constraints::new(),
    )
    .map_err(|_| bad("the reply form could not be read"))?;
    let info = ws.client.info().await?;
    let case = ws.client.case(reference).await?;
    let recipients = reply_recipients(&ws.trust, &info, &case)?;
    let mut text: Option<Zeroizing<String>> = None;
    let mut attachments = Vec::new();
    let mut first = true;
    while let Some(mut field) = multipart
        .next_part()
        .await
        .map_err(|_| bad("the reply form could not be read"))?
    {
        let name = field.name().unwrap_or("").to_string();
        if first {
            first = false;
            let mut token = Vec::new();
            while let Some(c) = field
                .chunk()
                .await
                .map_err(|_| bad("the reply form could not be read"))?
            {
                token.extend_from_slice(&c);
                if token.len() > 256 {
                    break;
                }
            }
            if name != "csrf" || !same_secret(&token, ws.csrf.as_bytes()) {
                return Ok(None);
            }
            continue;
        }
        match name.as_str() {
            "message" => {
                let mut bytes = Zeroizing::new(Vec::new());
                while let Some(c) = field
                    .chunk()
                    .await
                    .map_err(|_| bad("the reply form could not be read"))?
                {
                    bytes.extend_from_slice(&c);
                    if bytes.len() > MAX_TEXT {
                        return Err(bad(
                            "the message is longer than 1 MiB; attach long texts as files",
                        ));
                    }
                }
                let s = String::from_utf8(bytes.to_vec())
                    .map_err(|_| bad("the message is not valid text"))?;
                text = Some(Zeroizing::new(s));
            }
            "files" => {
                let file_name = field.file_name().unwrap_or("").to_string();
                let content_type = field
                    .content_type()
                    .unwrap_or_else(|| "application/octet-stream".into());
                // Collect the part through a pipe into the blocking sealer.
                let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
                let recips = recipients.clone();
                let sealing = tokio::task::spawn_blocking(move || {
                    seal_to_tempfile(&recips, ChannelReader::new(rx))
                });
                while let Some(c) = field
                    .chunk()
                    .await
                    .map_err(|_| bad("the reply form could not be read"))?
                {
                    if tx.send(c).await.is_err() {
                        break;
                    }
                }
                drop(tx);
                let (mut file, len, parts) = sealing.await.map_err(|e| bad(&e.to_string()))??;
                if file_name.is_empty() && parts.size == 0 {
                    continue;
                }
                use std::io::Seek;
                file.rewind()?;
                attachments.push(SealedAttachment {
                    file,
                    len,
                    meta: FileMeta::new(&file_name, &content_type, parts.size, parts.sha256),
                });
            }
            _ => return Err(bad("the reply form has an unexpected field")),
        }
    }
    if first {
        return Ok(None);
    }
    let count =
        usize::from(text.as_ref().is_some_and(|t| !t.trim().is_empty())) + attachments.len();
    if count == 0 {
        return Err(bad("the reply is empty: write a message or attach a file"));
    }
    super::send_reply(
        &ws.client,
        reference,
        text.as_deref().map(|s| s.as_str()),
        attachments,
        &recipients,
    )
    .await?;
    Ok(Some(count))
}

/// A blocking reader (for the blocking pool) fed by an async channel of byte chunks.
struct ChannelReader {
    rx: tokio::sync::mpsc::Receiver<Bytes>,
    current: Bytes,
}

impl ChannelReader {
    fn new(rx: tokio::sync::mpsc::Receiver<Bytes>) -> Self {
        Self {
            rx,
            current: Bytes::new(),
        }
    }
}

impl std::io::Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.rx.blocking_recv() {
                Some(b) => self.current = b,
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current = self.current.slice(n..);
        Ok(n)
    }
}
