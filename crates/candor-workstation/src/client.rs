//! The workstation's client for the server's reviewer API.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use age::x25519::Identity;
use bytes::Bytes;
use futures_util::{Stream, TryStreamExt};
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use super::trust::TrustStore;
use candor_core::api::*;
use candor_core::seal;

/// Why a request to the server failed, in words a reviewer can act on.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server (or the proxy in front of it) could not be reached; the text says why.
    #[error("{0}")]
    Unreachable(String),
    /// The server broke the protocol in a way only a modified server would.
    #[error(
        "the server at {server} sent a sign-in challenge that is not a Candor challenge ({why}); it may be compromised, so nothing was sent back"
    )]
    Hostile { server: String, why: &'static str },
    #[error(
        "this key cannot open the server's sign-in challenge; is it the key configured for reviewer {0:?}?"
    )]
    WrongKey(String),
    #[error("the server refused: {message} ({code})")]
    Api {
        status: u16,
        code: String,
        message: String,
    },
    #[error("the server sent something unexpected: {0}")]
    Protocol(String),
    #[error("local file error: {0}")]
    Io(#[from] std::io::Error),
}

impl ClientError {
    /// Whether the server refused our credentials.
    pub fn is_auth(&self) -> bool {
        matches!(self, ClientError::Api { status: 401, .. })
    }
}

/// A signed-in (or signing-in) connection to the reviewer API.
pub struct Client {
    http: reqwest::Client,
    base: String,
    proxy: Option<String>,
    reviewer: String,
    identities: Vec<Identity>,
    token: Mutex<Option<Zeroizing<String>>>,
    trust: Arc<TrustStore>,
}

impl Client {
    /// `server` is the server's base URL (`http://…onion` or `http://127.0.0.1:8080`);
    /// `proxy` a SOCKS proxy such as `socks5h://127.0.0.1:9050` for onion services;
    /// `trust` what this workstation trusts about this server: every case the client lists
    /// or opens has its reporter's key pinned there at first sight.
    pub fn new(
        server: &str,
        reviewer: &str,
        identities: Vec<Identity>,
        proxy: Option<&str>,
        trust: Arc<TrustStore>,
    ) -> Result<Client, ClientError> {
        let http = http_client(server, proxy)?;
        Ok(Client {
            http,
            base: server.trim_end_matches('/').to_string(),
            proxy: proxy.map(str::to_string),
            reviewer: reviewer.to_string(),
            identities,
            token: Mutex::new(None),
            trust,
        })
    }

    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    pub fn server(&self) -> &str {
        &self.base
    }

    pub fn identities(&self) -> &[Identity] {
        &self.identities
    }

    /// What this workstation trusts about the server.
    pub fn trust(&self) -> &TrustStore {
        &self.trust
    }

    /// The same, shared (the workstation's pages keep it).
    pub fn trust_handle(&self) -> Arc<TrustStore> {
        Arc::clone(&self.trust)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.base, PREFIX, path)
    }

    /// Why a request failed before an answer came, in one sentence naming the layer.
    fn unreachable(&self, error: reqwest::Error) -> ClientError {
        ClientError::Unreachable(explain(&self.base, self.proxy.as_deref(), &error))
    }

    async fn check(&self, response: reqwest::Response) -> Result<reqwest::Response, ClientError> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = read_limited(response, MAX_ERROR_BYTES)
            .await
            .unwrap_or_default();
        Err(match serde_json::from_slice::<ErrorBody>(&body) {
            Ok(err) => ClientError::Api {
                status: status.as_u16(),
                code: err.error.code,
                message: err.error.message,
            },
            Err(_) => ClientError::Api {
                status: status.as_u16(),
                code: "http".into(),
                message: format!("HTTP {status}"),
            },
        })
    }

    async fn json<T: DeserializeOwned>(
        &self,
        response: reqwest::Response,
    ) -> Result<T, ClientError> {
        let response = self.check(response).await?;
        let body = self.read(response, MAX_JSON_RESPONSE_BYTES).await?;
        serde_json::from_slice(&body).map_err(|e| ClientError::Protocol(e.to_string()))
    }

    /// Reads a whole response body, refusing one larger than `limit`.
    async fn read(
        &self,
        response: reqwest::Response,
        limit: usize,
    ) -> Result<Vec<u8>, ClientError> {
        match read_limited(response, limit).await {
            Ok(body) => Ok(body),
            Err(ReadError::TooLarge) => Err(ClientError::Protocol(format!(
                "an answer larger than {limit} bytes, refused"
            ))),
            Err(ReadError::Http(e)) => Err(self.unreachable(e)),
        }
    }

    /// Proves the reviewer's identity with an age-encrypted challenge; keeps the token.
    ///
    /// The challenge must decrypt to exactly the shape of [`challenge`]; the answer is
    /// derived from it. Whatever else a server sends (an old report's ciphertext, say) gets
    /// no answer and is reported as the server misbehaving: the workstation is not a
    /// decryption oracle.
    pub async fn sign_in(&self) -> Result<(), ClientError> {
        let response = self
            .http
            .post(self.url("/auth/challenge"))
            .json(&ChallengeRequest {
                reviewer: self.reviewer.clone(),
            })
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        let challenge: ChallengeResponse = self.json(response).await?;
        let hostile = |why| ClientError::Hostile {
            server: self.base.clone(),
            why,
        };
        if challenge.encrypted_challenge.len() > challenge::MAX_ARMORED_BYTES {
            return Err(hostile("it is far larger than a challenge"));
        }
        let plaintext =
            seal::open_armored(&self.identities, challenge.encrypted_challenge.as_bytes())
                .map_err(|_| ClientError::WrongKey(self.reviewer.clone()))?;
        challenge::check(&plaintext, &self.reviewer).map_err(hostile)?;
        let answer = Zeroizing::new(challenge::answer(&plaintext));
        let response = self
            .http
            .post(self.url("/auth/token"))
            .json(&TokenRequest {
                challenge_id: challenge.challenge_id,
                answer: answer.to_string(),
            })
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        let token: TokenResponse = self.json(response).await?;
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) = Some(Zeroizing::new(token.token));
        Ok(())
    }

    fn bearer(&self) -> Option<String> {
        self.token
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|t| format!("Bearer {}", t.as_str()))
    }

    /// Sends an authenticated request, signing in first if needed and once more if the
    /// token has expired.
    async fn send(
        &self,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, ClientError> {
        for attempt in 0..2 {
            if self.bearer().is_none() {
                self.sign_in().await?;
            }
            let bearer = self.bearer().unwrap_or_default();
            let response = build(&self.http)
                .header("authorization", bearer)
                .send()
                .await
                .map_err(|e| self.unreachable(e))?;
            if response.status().as_u16() == 401 && attempt == 0 {
                *self.token.lock().unwrap_or_else(|p| p.into_inner()) = None;
                continue;
            }
            return self.check(response).await;
        }
        Err(ClientError::Protocol("sign-in did not succeed".into()))
    }

    pub async fn info(&self) -> Result<Info, ClientError> {
        let r = self.send(|c| c.get(self.url("/info"))).await?;
        self.json(r).await
    }

    /// The cases; each reporter key seen for the first time is pinned (holder keys come
    /// with each case's detail).
    pub async fn cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        let r = self.send(|c| c.get(self.url("/cases"))).await?;
        let cases: Vec<CaseSummary> = self.json(r).await?;
        self.trust
            .pin_cases(
                cases
                    .iter()
                    .map(|c| (c.reference.as_str(), c.reporter_recipient.as_str(), None)),
            )
            .map_err(|e| ClientError::Protocol(e.to_string()))?;
        Ok(cases)
    }

    /// The buckets of cases whose digest differs from the workstation's `buckets` (see
    /// [`candor_core::api::sync_buckets`]), each whole: one round trip, a request of a few
    /// KiB, for any number of cases. Every case must match its digest and fall in the
    /// bucket it came in, each bucket and case must come once, and each reporter key seen
    /// for the first time is pinned.
    pub async fn sync(
        &self,
        buckets: &std::collections::BTreeMap<u8, String>,
    ) -> Result<SyncResponse, ClientError> {
        let request = SyncRequest {
            buckets: buckets.clone(),
        };
        let r = self
            .send(|c| c.post(self.url("/sync")).json(&request))
            .await?;
        let r = self.check(r).await?;
        let body = self.read(r, MAX_SYNC_RESPONSE_BYTES).await?;
        let sync: SyncResponse =
            serde_json::from_slice(&body).map_err(|e| ClientError::Protocol(e.to_string()))?;
        let mut seen_buckets = std::collections::HashSet::new();
        let mut seen_cases = std::collections::HashSet::new();
        for bucket in &sync.buckets {
            if !seen_buckets.insert(bucket.bucket) {
                return Err(ClientError::Protocol(format!(
                    "the server's sync answer holds bucket {} twice",
                    bucket.bucket
                )));
            }
            for case in &bucket.cases {
                if !case.is_whole()
                    || sync_bucket(case.reference()) != bucket.bucket
                    || !seen_cases.insert(case.reference())
                {
                    return Err(ClientError::Protocol(format!(
                        "the server's sync answer for case {} does not match its digest",
                        case.reference()
                    )));
                }
            }
        }
        self.trust
            .pin_cases(sync.buckets.iter().flat_map(|b| &b.cases).map(|c| {
                (
                    c.detail.reference.as_str(),
                    c.detail.reporter_recipient.as_str(),
                    c.detail.holder_key.as_deref(),
                )
            }))
            .map_err(|e| ClientError::Protocol(e.to_string()))?;
        Ok(sync)
    }

    /// Many ciphertexts in one streamed response (at most [`MAX_BULK_ITEMS`]), each after a
    /// one-line [`BulkFrame`], read in order through [`BulkAnswer`].
    pub async fn bulk(&self, items: &[BulkItem]) -> Result<BulkAnswer, ClientError> {
        let request = BulkRequest {
            items: items.to_vec(),
        };
        let r = self
            .send(|c| c.post(self.url("/items/bulk")).json(&request))
            .await?;
        let stream = r.bytes_stream().map_err(std::io::Error::other);
        Ok(BulkAnswer::from_reader(futures_util::io::BufReader::new(
            stream.into_async_read(),
        )))
    }

    /// One case; its reporter and holder keys are pinned if this is the first time they
    /// are seen.
    pub async fn case(&self, reference: &str) -> Result<CaseDetail, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/cases/{}", path_segment(reference)))))
            .await?;
        let case: CaseDetail = self.json(r).await?;
        self.trust
            .pin_cases([(
                case.reference.as_str(),
                case.reporter_recipient.as_str(),
                case.holder_key.as_deref(),
            )])
            .map_err(|e| ClientError::Protocol(e.to_string()))?;
        Ok(case)
    }

    pub async fn audit(&self, case: Option<&str>) -> Result<Vec<AuditEntry>, ClientError> {
        let r = self
            .send(|c| match case {
                Some(case) => c.get(format!(
                    "{}?case={}",
                    self.url("/audit"),
                    path_segment(case)
                )),
                None => c.get(self.url("/audit")),
            })
            .await?;
        self.json(r).await
    }

    pub async fn set_status(&self, reference: &str, status: &str) -> Result<(), ClientError> {
        self.send(|c| {
            c.post(self.url(&format!("/cases/{}/status", path_segment(reference))))
                .json(&StatusRequest {
                    status: status.to_string(),
                })
        })
        .await?;
        Ok(())
    }

    /// Places or lifts a case's legal hold.
    pub async fn set_legal_hold(&self, reference: &str, hold: bool) -> Result<(), ClientError> {
        self.send(|c| {
            c.post(self.url(&format!("/cases/{}/hold", path_segment(reference))))
                .json(&HoldRequest { hold })
        })
        .await?;
        Ok(())
    }

    /// An item's ciphertext, streamed.
    pub async fn item_ciphertext(
        &self,
        id: i64,
    ) -> Result<
        impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static + use<>,
        ClientError,
    > {
        let r = self
            .send(|c| c.get(self.url(&format!("/items/{id}/content"))))
            .await?;
        Ok(r.bytes_stream().map_err(std::io::Error::other))
    }

    /// The rest of an item's ciphertext from byte `offset` on (`Range: bytes=N-`), to
    /// resume a download; `true` with it when the server resumed there, `false` when it
    /// sends the whole ciphertext instead.
    pub async fn item_ciphertext_from(
        &self,
        id: i64,
        offset: u64,
    ) -> Result<
        (
            bool,
            impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static + use<>,
        ),
        ClientError,
    > {
        let url = self.url(&format!("/items/{id}/content"));
        let r = self
            .send(|c| match offset {
                0 => c.get(&url),
                n => c
                    .get(&url)
                    .header(reqwest::header::RANGE, format!("bytes={n}-")),
            })
            .await?;
        let resumed = r.status() == reqwest::StatusCode::PARTIAL_CONTENT;
        if resumed {
            let expected = format!("bytes {offset}-");
            let range = r
                .headers()
                .get(reqwest::header::CONTENT_RANGE)
                .and_then(|v| v.to_str().ok());
            if !range.is_some_and(|v| v.starts_with(&expected)) {
                return Err(ClientError::Protocol(format!(
                    "the server resumed item {id} somewhere else than at byte {offset}"
                )));
            }
        }
        Ok((resumed, r.bytes_stream().map_err(std::io::Error::other)))
    }

    /// An item's plaintext, decrypted as it streams in.
    pub async fn item_plaintext(
        &self,
        id: i64,
    ) -> Result<
        impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static + use<>,
        ClientError,
    > {
        let ciphertext = self.item_ciphertext(id).await?.into_async_read();
        Ok(seal::open_async_stream(self.identities.clone(), ciphertext))
    }

    /// An item's whole ciphertext in memory (texts; at most [`MAX_TEXT_ITEM_BYTES`]).
    pub async fn item_bytes(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/items/{id}/content"))))
            .await?;
        self.read(r, MAX_TEXT_ITEM_BYTES).await
    }

    /// A file item's encrypted metadata (at most [`MAX_META_BYTES`]).
    pub async fn meta_bytes(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/items/{id}/meta"))))
            .await?;
        self.read(r, MAX_META_BYTES).await
    }

    /// Posts a reply made of sealed parts (`text`, then `file`/`meta` pairs).
    pub async fn post_message(
        &self,
        reference: &str,
        parts: Vec<OutgoingPart>,
    ) -> Result<Created, ClientError> {
        let url = self.url(&format!("/cases/{}/messages", path_segment(reference)));
        let r = self
            .send(|c| c.post(&url).multipart(multipart_of(&parts)))
            .await?;
        self.json(r).await
    }

    /// Records a decision: the entry signed with the body's key, and its opening sealed to
    /// the reporter and the reviewers.
    pub async fn post_decision(
        &self,
        reference: &str,
        entry_note: Vec<u8>,
        sealed_opening: Vec<u8>,
        layers: Option<String>,
    ) -> Result<Created, ClientError> {
        let url = self.url(&format!("/cases/{}/decisions", path_segment(reference)));
        let r = self
            .send(|c| {
                let mut form = reqwest::multipart::Form::new()
                    .part("entry", reqwest::multipart::Part::bytes(entry_note.clone()))
                    .part(
                        "opening",
                        reqwest::multipart::Part::bytes(sealed_opening.clone())
                            .file_name("opening.age"),
                    );
                if let Some(layers) = &layers {
                    form = form.part("layers", reqwest::multipart::Part::text(layers.clone()));
                }
                c.post(&url).multipart(form)
            })
            .await?;
        self.json(r).await
    }

    /// The index of the entry with this commitment, once integrated into the log.
    pub async fn log_entry(&self, commitment: &[u8; 32]) -> Result<Option<u64>, ClientError> {
        let url = self.url(&format!("/log/entries/{}", hex::encode(commitment)));
        match self.send(|c| c.get(&url)).await {
            Ok(r) => Ok(Some(self.json::<LogEntryInfo>(r).await?.index)),
            Err(ClientError::Api { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Sends a witness cosignature of a checkpoint.
    pub async fn cosign(&self, request: &CosignatureRequest) -> Result<(), ClientError> {
        self.send(|c| c.post(self.url("/log/cosignatures")).json(request))
            .await?;
        Ok(())
    }

    /// The HTTP client (same proxy settings), for the public log endpoints.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Replaces items' ciphertext with re-encrypted versions, all in one request (at most
    /// [`MAX_REPLACE_ITEMS`]): parts `content:ID`, each file's followed by `meta:ID`.
    pub async fn replace_items(&self, parts: &[OutgoingPart]) -> Result<(), ClientError> {
        self.send(|c| {
            c.post(self.url("/items/replace"))
                .multipart(multipart_of(parts))
        })
        .await?;
        Ok(())
    }
}

/// The longest frame header accepted in a bulk answer.
const MAX_FRAME_HEADER: u64 = 256;

/// A bulk answer, read ciphertext by ciphertext: each must be the one asked for next, of
/// the size its case's detail gave; anything else ends the read with an error.
pub struct BulkAnswer(std::pin::Pin<Box<dyn futures_util::AsyncBufRead + Send>>);

impl BulkAnswer {
    /// A bulk answer read from `reader` (the response body; a fuzz target's bytes).
    pub fn from_reader(reader: impl futures_util::AsyncBufRead + Send + 'static) -> BulkAnswer {
        BulkAnswer(Box::pin(reader))
    }

    fn broken(what: &str) -> ClientError {
        ClientError::Protocol(format!("the server's bulk answer {what}"))
    }

    /// Reads the header of the next ciphertext, which must be `wanted`, of `size` bytes.
    pub async fn next(&mut self, wanted: BulkItem, size: u64) -> Result<(), ClientError> {
        use futures_util::{AsyncBufReadExt, AsyncReadExt};
        let mut header = Vec::new();
        (&mut self.0)
            .take(MAX_FRAME_HEADER)
            .read_until(b'\n', &mut header)
            .await
            .map_err(|_| BulkAnswer::broken("broke off"))?;
        let frame: BulkFrame = serde_json::from_slice(header.trim_ascii_end())
            .map_err(|_| BulkAnswer::broken("is malformed"))?;
        if frame.id != wanted.id || frame.part != wanted.part || frame.size != size {
            return Err(BulkAnswer::broken(&format!(
                "sent something else than item {}",
                wanted.id
            )));
        }
        Ok(())
    }

    /// Reads some of the current ciphertext's bytes, at most `left` (what remains of it):
    /// an error if the answer ends before.
    pub async fn read(&mut self, buf: &mut [u8], left: u64) -> Result<usize, ClientError> {
        use futures_util::AsyncReadExt;
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = self
            .0
            .read(&mut buf[..want])
            .await
            .map_err(|_| BulkAnswer::broken("broke off"))?;
        if n == 0 && want > 0 {
            return Err(BulkAnswer::broken("ended early"));
        }
        Ok(n)
    }

    /// Copies the current ciphertext's remaining `size` bytes into `out`; returns their
    /// SHA-256 (hex) for the caller to check against its case's detail.
    pub async fn copy_to(
        &mut self,
        size: u64,
        out: &mut impl std::io::Write,
    ) -> Result<String, ClientError> {
        use sha2::Digest;
        let mut hash = sha2::Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut left = size;
        while left > 0 {
            let n = self.read(&mut buf, left).await?;
            hash.update(&buf[..n]);
            out.write_all(&buf[..n])?;
            left -= n as u64;
        }
        Ok(hex::encode(hash.finalize()))
    }

    /// The next ciphertext whole, which must be `wanted`, of `size` bytes, at most `limit`:
    /// a server cannot make the workstation hold more than that in memory.
    pub async fn next_bytes(
        &mut self,
        wanted: BulkItem,
        size: u64,
        limit: usize,
    ) -> Result<Vec<u8>, ClientError> {
        if size > limit as u64 {
            return Err(BulkAnswer::broken(&format!(
                "announces item {} larger than {limit} bytes",
                wanted.id
            )));
        }
        self.next(wanted, size).await?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        self.copy_to(size, &mut bytes).await?;
        Ok(bytes)
    }
}

/// The largest JSON answer read (a list of ten thousand cases is a few MiB).
pub const MAX_JSON_RESPONSE_BYTES: usize = 64 * 1024 * 1024;
/// Largest sync answer (every case's details: about 1 KiB a case).
pub const MAX_SYNC_RESPONSE_BYTES: usize = 512 * 1024 * 1024;
/// The largest text item read into memory; files are streamed instead.
pub const MAX_TEXT_ITEM_BYTES: usize = 64 * 1024 * 1024;
/// The largest encrypted file metadata read (a name, a type and a hash).
pub const MAX_META_BYTES: usize = 64 * 1024;
const MAX_ERROR_BYTES: usize = 16 * 1024;

enum ReadError {
    TooLarge,
    Http(reqwest::Error),
}

/// Reads a body chunk by chunk, stopping as soon as it exceeds `limit`: a server cannot
/// make the workstation hold more than that in memory.
async fn read_limited(mut response: reqwest::Response, limit: usize) -> Result<Vec<u8>, ReadError> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(ReadError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Http)? {
        if body.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// One sentence for a request that got no answer, naming the layer that failed: the
/// proxy, the SOCKS handshake, the onion service, or the server itself.
pub fn explain(server: &str, proxy: Option<&str>, error: &reqwest::Error) -> String {
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    let has = |text: &str| chain.iter().any(|c| c.contains(text));
    let via = proxy.map_or_else(
        || "the Tor proxy".to_string(),
        |p| format!("the Tor proxy at {}", proxy_address(p)),
    );
    if has("socks") || has("SOCKS") {
        return if has("failed to create underlying connection") {
            format!("{via} refused the connection; is Tor running with its SocksPort there?")
        } else if has("io error during SOCKS handshake") || has("failed parsing server response") {
            format!(
                "{via} does not speak SOCKS5; give Tor's SocksPort, e.g. socks5h://127.0.0.1:9050"
            )
        } else if has("host unreachable")
            || has("general server failure")
            || has("ttl expired")
            || has("network unreachable")
        {
            format!(
                "the onion service {server} is not reachable yet through {via}: it may be starting, need client authorization, or the address may be wrong"
            )
        } else if has("connection refused") || has("connection not allowed") {
            format!("{via} reached {server}, but nothing answers there; is the server running?")
        } else {
            format!(
                "{via} could not connect to {server}: {}",
                chain.last().map_or("", String::as_str)
            )
        };
    }
    let through = proxy.map_or_else(String::new, |_| format!(" through {via}"));
    if error.is_timeout() {
        format!("the server at {server} did not answer{through} in time")
    } else if has("Connection refused") {
        format!(
            "the server at {server} refused the connection{through}; is it running at that address?"
        )
    } else if error.is_connect() {
        format!(
            "the server at {server} cannot be reached{through}; check the address, your network or Tor"
        )
    } else {
        format!("the connection to the server at {server}{through} broke off before it answered")
    }
}

/// The HTTP client every workstation command uses: no redirects, timeouts fit for Tor,
/// and the proxy if one is given (no proxy from the environment otherwise).
pub fn http_client(server: &str, proxy: Option<&str>) -> Result<reqwest::Client, ClientError> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(60))
        // A server that stops answering mid-request gets the "cannot be reached" page
        // instead of a page that never loads (Tor round trips are seconds, not minutes).
        .read_timeout(Duration::from_secs(120))
        .redirect(reqwest::redirect::Policy::none());
    if let Some(proxy) = proxy {
        check_proxy(server, proxy)?;
        let proxy = reqwest::Proxy::all(proxy)
            .map_err(|_| ClientError::Protocol(format!("invalid proxy address {proxy}")))?;
        builder = builder.proxy(proxy);
    } else {
        builder = builder.no_proxy();
    }
    builder
        .build()
        .map_err(|e| ClientError::Protocol(e.to_string()))
}

/// Refuses a proxy that cannot reach the server: onion addresses must be resolved by Tor
/// (`socks5h://`), and only SOCKS5 and HTTP proxies are understood.
fn check_proxy(server: &str, proxy: &str) -> Result<(), ClientError> {
    let scheme = proxy.split_once("://").map_or("", |(s, _)| s);
    let onion = reqwest::Url::parse(server)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.ends_with(".onion")))
        .unwrap_or(false);
    match scheme {
        "socks5h" | "http" => Ok(()),
        "socks5" if !onion => Ok(()),
        "socks5" => Err(ClientError::Protocol(format!(
            "the proxy {proxy} would resolve the onion address locally, which cannot work; use socks5h://{}",
            proxy_address(proxy)
        ))),
        _ => Err(ClientError::Protocol(format!(
            "the proxy {proxy} is not understood; give Tor's SocksPort as socks5h://127.0.0.1:9050"
        ))),
    }
}

/// `socks5h://127.0.0.1:9050` → `127.0.0.1:9050`.
fn proxy_address(proxy: &str) -> String {
    proxy
        .split_once("://")
        .map_or(proxy, |(_, rest)| rest)
        .trim_end_matches('/')
        .to_string()
}

/// A sealed part to upload: its multipart name and its ciphertext, in memory or in an
/// anonymous temporary file (ciphertext only) for large files.
pub struct OutgoingPart {
    pub name: std::borrow::Cow<'static, str>,
    pub body: PartBody,
}

pub enum PartBody {
    Memory(Bytes),
    File(std::sync::Arc<std::fs::File>, u64),
}

fn multipart_of(parts: &[OutgoingPart]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for part in parts {
        let p = match &part.body {
            PartBody::Memory(bytes) => reqwest::multipart::Part::bytes(bytes.to_vec()),
            PartBody::File(file, len) => {
                let stream = file_stream(std::sync::Arc::clone(file));
                reqwest::multipart::Part::stream_with_length(
                    reqwest::Body::wrap_stream(stream),
                    *len,
                )
            }
        };
        form = form.part(part.name.clone(), p.file_name(format!("{}.age", part.name)));
    }
    form
}

/// Reads a file from its start in 256 KiB pieces (a fresh read for every upload attempt).
fn file_stream(
    file: std::sync::Arc<std::fs::File>,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures_util::stream::try_unfold((file, 0u64), |(file, offset)| async move {
        let f = std::sync::Arc::clone(&file);
        let chunk = tokio::task::spawn_blocking(move || {
            use std::os::unix::fs::FileExt;
            let mut buf = vec![0u8; 256 * 1024];
            let n = f.read_at(&mut buf, offset)?;
            buf.truncate(n);
            Ok::<_, std::io::Error>(buf)
        })
        .await
        .map_err(std::io::Error::other)??;
        if chunk.is_empty() {
            return Ok(None);
        }
        let next = offset + chunk.len() as u64;
        Ok(Some((Bytes::from(chunk), (file, next))))
    })
}

/// Case references are `XXXX-XXXX-XXXX`; anything else is percent-encoded.
fn path_segment(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
