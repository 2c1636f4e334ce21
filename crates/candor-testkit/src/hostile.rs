//! Stand-ins for the network between a workstation and a server: a seized server that
//! rewrites the real server's answers, and a SOCKS5 proxy (as Tor's SocksPort) written
//! from RFC 1928, so a failure shows which layer broke.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How a hostile server changes an answer: `(path, body) -> body`.
pub type Rewrite = Arc<dyn Fn(&str, Vec<u8>) -> Vec<u8> + Send + Sync>;

/// How a hostile server changes an answer, its status too: `(path, status, body)`.
pub type RewriteAll = Arc<dyn Fn(&str, StatusCode, Vec<u8>) -> (StatusCode, Vec<u8>) + Send + Sync>;

/// `(path, body)` of every request a hostile server received.
pub type Requests = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// A server taken over by an attacker: it relays every request to the real server and
/// rewrites the answers as it likes, and it keeps every request it received.
pub struct HostileServer {
    pub url: String,
    /// `(path, body)` of every request received.
    pub requests: Requests,
    task: tokio::task::JoinHandle<()>,
}

impl HostileServer {
    pub async fn start(upstream: &str, rewrite: Rewrite) -> HostileServer {
        Self::start_rewriting_all(
            upstream,
            Arc::new(move |path, status, body| (status, rewrite(path, body))),
        )
        .await
    }

    /// [`HostileServer::start`], also choosing each answer's status.
    pub async fn start_rewriting_all(upstream: &str, rewrite: RewriteAll) -> HostileServer {
        let requests: Requests = Arc::default();
        let seen = Arc::clone(&requests);
        let upstream = upstream.trim_end_matches('/').to_string();
        let http = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        let app = axum::Router::new()
            .fallback(
                move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                    let (http, upstream, rewrite, seen) = (
                        http.clone(),
                        upstream.clone(),
                        Arc::clone(&rewrite),
                        Arc::clone(&seen),
                    );
                    async move {
                        let path = uri.path().to_string();
                        seen.lock()
                            .expect("lock")
                            .push((path.clone(), body.to_vec()));
                        let target = format!(
                            "{upstream}{}",
                            uri.path_and_query().map_or("/", |p| p.as_str())
                        );
                        let mut request = http.request(method, target).body(body);
                        for name in ["content-type", "authorization", "range"] {
                            if let Some(v) = headers.get(name) {
                                request = request.header(name, v);
                            }
                        }
                        let Ok(answer) = request.send().await else {
                            return StatusCode::BAD_GATEWAY.into_response();
                        };
                        let status = answer.status();
                        let kept: Vec<_> = ["content-type", "content-range"]
                            .into_iter()
                            .filter_map(|n| Some((n, answer.headers().get(n)?.clone())))
                            .collect();
                        let body = answer.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
                        let (status, body) = rewrite(&path, status, body);
                        let mut response: Response = (status, body).into_response();
                        for (name, value) in kept {
                            response.headers_mut().insert(name, value);
                        }
                        response
                    }
                },
            )
            .layer(axum::extract::DefaultBodyLimit::disable());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        HostileServer {
            url,
            requests,
            task,
        }
    }

    /// Whether any request the hostile server received contains `needle`.
    pub fn received(&self, needle: &[u8]) -> bool {
        self.requests
            .lock()
            .expect("lock")
            .iter()
            .any(|(_, body)| super::contains(body, needle))
    }

    pub fn paths(&self) -> Vec<String> {
        self.requests
            .lock()
            .expect("lock")
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }
}

impl Drop for HostileServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Rewrites one string field of a JSON object, or of every object of a JSON array.
pub fn set_json_field(body: &[u8], field: &str, value: &str) -> Vec<u8> {
    let Ok(mut json) = serde_json::from_slice::<serde_json::Value>(body) else {
        return body.to_vec();
    };
    let set = |v: &mut serde_json::Value| {
        if let Some(obj) = v.as_object_mut()
            && obj.contains_key(field)
        {
            obj.insert(field.to_string(), serde_json::Value::String(value.into()));
        }
    };
    match &mut json {
        serde_json::Value::Array(items) => items.iter_mut().for_each(set),
        other => set(other),
    }
    serde_json::to_vec(&json).expect("json")
}

/// A minimal SOCKS5 proxy (no authentication, CONNECT only), like Tor's SocksPort: it
/// connects every request to `target` whatever host name it names (as Tor would for an
/// onion address), or answers with `reply` when that is not 0 (4: host unreachable).
pub struct Socks5Server {
    pub port: u16,
    /// The host names clients asked for (SOCKS5 domain names, resolved by the proxy).
    pub hosts: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Socks5Server {
    pub async fn start(target: std::net::SocketAddr, reply: u8) -> Socks5Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let hosts: Arc<Mutex<Vec<String>>> = Arc::default();
        let seen = Arc::clone(&hosts);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let seen = Arc::clone(&seen);
                tokio::spawn(async move {
                    let _ = socks5_session(stream, target, reply, seen).await;
                });
            }
        });
        Socks5Server { port, hosts, task }
    }

    pub fn url(&self) -> String {
        format!("socks5h://127.0.0.1:{}", self.port)
    }
}

impl Drop for Socks5Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn socks5_session(
    mut client: tokio::net::TcpStream,
    target: std::net::SocketAddr,
    reply: u8,
    hosts: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    let mut head = [0u8; 2];
    client.read_exact(&mut head).await?;
    let mut methods = vec![0u8; usize::from(head[1])];
    client.read_exact(&mut methods).await?;
    if head[0] != 5 || !methods.contains(&0) {
        client.write_all(&[5, 0xff]).await?;
        return Ok(());
    }
    client.write_all(&[5, 0]).await?;
    let mut request = [0u8; 4];
    client.read_exact(&mut request).await?;
    let host = match request[3] {
        1 => {
            let mut ip = [0u8; 4];
            client.read_exact(&mut ip).await?;
            std::net::Ipv4Addr::from(ip).to_string()
        }
        3 => {
            let mut len = [0u8; 1];
            client.read_exact(&mut len).await?;
            let mut name = vec![0u8; usize::from(len[0])];
            client.read_exact(&mut name).await?;
            String::from_utf8_lossy(&name).into_owned()
        }
        _ => {
            client.write_all(&[5, 8, 0, 1, 0, 0, 0, 0, 0, 0]).await?;
            return Ok(());
        }
    };
    let mut port = [0u8; 2];
    client.read_exact(&mut port).await?;
    hosts.lock().expect("lock").push(host);
    if reply != 0 {
        client
            .write_all(&[5, reply, 0, 1, 0, 0, 0, 0, 0, 0])
            .await?;
        return Ok(());
    }
    let Ok(mut upstream) = tokio::net::TcpStream::connect(target).await else {
        client.write_all(&[5, 5, 0, 1, 0, 0, 0, 0, 0, 0]).await?;
        return Ok(());
    };
    client.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0]).await?;
    tokio::io::copy_bidirectional(&mut client, &mut upstream).await?;
    Ok(())
}
