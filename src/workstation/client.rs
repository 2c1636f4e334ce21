//! The workstation's client for the server's reviewer API.

use std::sync::Mutex;
use std::time::Duration;

use age::x25519::Identity;
use bytes::Bytes;
use futures_util::{Stream, TryStreamExt};
use serde::de::DeserializeOwned;
use zeroize::Zeroizing;

use crate::api::*;
use crate::seal;

/// Why a request to the server failed, in words a reviewer can act on.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the server at {0} cannot be reached; check the address, your network or Tor")]
    Unreachable(String),
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
    reviewer: String,
    identities: Vec<Identity>,
    token: Mutex<Option<Zeroizing<String>>>,
}

impl Client {
    /// `server` is the server's base URL (`http://…onion` or `http://127.0.0.1:8080`);
    /// `proxy` a SOCKS proxy such as `socks5h://127.0.0.1:9050` for onion services.
    pub fn new(
        server: &str,
        reviewer: &str,
        identities: Vec<Identity>,
        proxy: Option<&str>,
    ) -> Result<Client, ClientError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(60))
            // A server that stops answering mid-request gets the "cannot be reached" page
            // instead of a page that never loads (Tor round trips are seconds, not minutes).
            .read_timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(proxy) = proxy {
            let proxy = reqwest::Proxy::all(proxy)
                .map_err(|_| ClientError::Protocol(format!("invalid proxy address {proxy}")))?;
            builder = builder.proxy(proxy);
        } else {
            builder = builder.no_proxy();
        }
        let http = builder
            .build()
            .map_err(|e| ClientError::Protocol(e.to_string()))?;
        Ok(Client {
            http,
            base: server.trim_end_matches('/').to_string(),
            reviewer: reviewer.to_string(),
            identities,
            token: Mutex::new(None),
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

    fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.base, PREFIX, path)
    }

    fn unreachable(&self) -> ClientError {
        ClientError::Unreachable(self.base.clone())
    }

    async fn check(&self, response: reqwest::Response) -> Result<reqwest::Response, ClientError> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = response.bytes().await.unwrap_or_default();
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
        let body = self
            .check(response)
            .await?
            .bytes()
            .await
            .map_err(|_| self.unreachable())?;
        serde_json::from_slice(&body).map_err(|e| ClientError::Protocol(e.to_string()))
    }

    /// Proves the reviewer's identity with an age-encrypted challenge; keeps the token.
    pub async fn sign_in(&self) -> Result<(), ClientError> {
        let response = self
            .http
            .post(self.url("/auth/challenge"))
            .json(&ChallengeRequest {
                reviewer: self.reviewer.clone(),
            })
            .send()
            .await
            .map_err(|_| self.unreachable())?;
        let challenge: ChallengeResponse = self.json(response).await?;
        let answer = seal::open_armored(&self.identities, challenge.encrypted_challenge.as_bytes())
            .map_err(|_| ClientError::WrongKey(self.reviewer.clone()))?;
        let answer = Zeroizing::new(
            String::from_utf8(answer.to_vec())
                .map_err(|_| ClientError::Protocol("challenge is not text".into()))?,
        );
        let response = self
            .http
            .post(self.url("/auth/token"))
            .json(&TokenRequest {
                challenge_id: challenge.challenge_id,
                answer: answer.to_string(),
            })
            .send()
            .await
            .map_err(|_| self.unreachable())?;
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
                .map_err(|_| self.unreachable())?;
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

    pub async fn cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        let r = self.send(|c| c.get(self.url("/cases"))).await?;
        self.json(r).await
    }

    pub async fn case(&self, reference: &str) -> Result<CaseDetail, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/cases/{}", path_segment(reference)))))
            .await?;
        self.json(r).await
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

    /// An item's whole ciphertext in memory (texts and metadata are small).
    pub async fn item_bytes(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/items/{id}/content"))))
            .await?;
        Ok(r.bytes().await.map_err(|_| self.unreachable())?.to_vec())
    }

    /// A file item's encrypted metadata.
    pub async fn meta_bytes(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        let r = self
            .send(|c| c.get(self.url(&format!("/items/{id}/meta"))))
            .await?;
        Ok(r.bytes().await.map_err(|_| self.unreachable())?.to_vec())
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
    ) -> Result<Created, ClientError> {
        let url = self.url(&format!("/cases/{}/decisions", path_segment(reference)));
        let r = self
            .send(|c| {
                let form = reqwest::multipart::Form::new()
                    .part("entry", reqwest::multipart::Part::bytes(entry_note.clone()))
                    .part(
                        "opening",
                        reqwest::multipart::Part::bytes(sealed_opening.clone())
                            .file_name("opening.age"),
                    );
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

    /// Replaces an item's ciphertext with a re-encrypted version.
    pub async fn replace_item(
        &self,
        id: i64,
        content: OutgoingPart,
        meta: Option<OutgoingPart>,
    ) -> Result<(), ClientError> {
        let parts: Vec<OutgoingPart> = std::iter::once(content).chain(meta).collect();
        self.send(|c| {
            c.put(self.url(&format!("/items/{id}")))
                .multipart(multipart_of(&parts))
        })
        .await?;
        Ok(())
    }
}

/// A sealed part to upload: its multipart name and its ciphertext, in memory or in an
/// anonymous temporary file (ciphertext only) for large files.
pub struct OutgoingPart {
    pub name: &'static str,
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
        form = form.part(part.name, p.file_name(format!("{}.age", part.name)));
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
