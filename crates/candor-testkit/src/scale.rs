//! Many cases, and a slow network: reports put straight into a server's database (fast
//! enough for thousands; a fetch moves ciphertext only, so random bytes stand in for it),
//! and a proxy that holds every chunk the workstation sends, as Tor's round trips would.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use candor_core::days::Day;
use candor_store::{Author, CaseTarget, CommitPlan, ItemKind, NewItem, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{TestServer, bytes};

/// Adds `cases` reports to the server's database, each a text and `files` files of
/// `file_size` bytes (with sealed-metadata stand-ins).
pub async fn seed_cases(server: &TestServer, cases: usize, files: usize, file_size: usize) {
    let store = server.body_store().await;
    seed_into(&*store, cases, files, file_size).await;
}

pub async fn seed_into(store: &dyn Store, cases: usize, files: usize, file_size: usize) {
    let reporter = age::x25519::Identity::generate().to_public().to_string();
    for c in 0..cases {
        let mut upload = store.begin_upload().expect("upload");
        let mut items = Vec::new();
        let text = upload.new_blob();
        upload
            .append(text, &bytes(300, c as u64))
            .await
            .expect("append");
        upload.finish_blob(text).await.expect("finish");
        items.push(NewItem {
            kind: ItemKind::Text,
            blob: text,
            meta: None,
        });
        for f in 0..files {
            let content = upload.new_blob();
            upload
                .append(content, &bytes(file_size, (c * 100 + f) as u64))
                .await
                .expect("append");
            upload.finish_blob(content).await.expect("finish");
            let meta = upload.new_blob();
            upload
                .append(meta, &bytes(200, (c * 100 + f + 50) as u64))
                .await
                .expect("append");
            upload.finish_blob(meta).await.expect("finish");
            items.push(NewItem {
                kind: ItemKind::File,
                blob: content,
                meta: Some(meta),
            });
        }
        commit_new_case(upload, items, reporter.clone()).await;
    }
}

/// Adds `cases` reports really sealed to the server's reviewer (and a throwaway
/// reporter): a text of 300 bytes and `files` files of `file_size` bytes, each with its
/// sealed metadata, for what must decrypt (a grant, the workstation's pages).
pub async fn seed_sealed_cases(server: &TestServer, cases: usize, files: usize, file_size: usize) {
    let store = server.body_store().await;
    let reporter = age::x25519::Identity::generate().to_public();
    let recipients = vec![
        server
            .reviewer
            .recipient
            .parse::<age::x25519::Recipient>()
            .expect("recipient"),
        reporter.clone(),
    ];
    for c in 0..cases {
        let mut upload = store.begin_upload().expect("upload");
        let sealed_blob = async |upload: &mut Box<dyn candor_store::Upload>, plain: &[u8]| {
            let sealed = candor_core::seal::seal_bytes(&recipients, plain).expect("seal");
            let blob = upload.new_blob();
            upload.append(blob, &sealed).await.expect("append");
            upload.finish_blob(blob).await.expect("finish");
            blob
        };
        let text = sealed_blob(&mut upload, format!("report {c}").as_bytes()).await;
        let mut items = vec![NewItem {
            kind: ItemKind::Text,
            blob: text,
            meta: None,
        }];
        for f in 0..files {
            let plain = bytes(file_size, (c * 100 + f) as u64);
            let content = sealed_blob(&mut upload, &plain).await;
            let meta = candor_core::conversation::FileMeta::new(
                &format!("file-{f}.bin"),
                "application/octet-stream",
                plain.len() as u64,
                <sha2::Sha256 as sha2::Digest>::digest(&plain).into(),
            );
            let meta = sealed_blob(&mut upload, &meta.to_json()).await;
            items.push(NewItem {
                kind: ItemKind::File,
                blob: content,
                meta: Some(meta),
            });
        }
        commit_new_case(upload, items, reporter.to_string()).await;
    }
}

async fn commit_new_case(
    upload: Box<dyn candor_store::Upload>,
    items: Vec<NewItem>,
    reporter_recipient: String,
) {
    let mut lookup_key = [0u8; 32];
    getrandom::fill(&mut lookup_key).expect("random");
    upload
        .commit(CommitPlan {
            case: CaseTarget::New {
                reference: candor_store::new_reference().expect("reference"),
                lookup_key,
                reporter_recipient,
                holder_key: None,
            },
            author: Author::Reporter,
            day: Day::today(),
            items,
            log_entry: None,
            audit: None,
        })
        .await
        .expect("commit");
}

/// A TCP proxy that holds each chunk the client sends for `delay` before passing it on,
/// and counts them: the round trips a client needs are what it costs over Tor.
pub struct DelayProxy {
    pub url: String,
    chunks: Arc<AtomicUsize>,
    round_trips: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl DelayProxy {
    pub async fn start(upstream: std::net::SocketAddr, delay: Duration) -> DelayProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let chunks = Arc::new(AtomicUsize::new(0));
        let round_trips = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&chunks);
        let trips = Arc::clone(&round_trips);
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let counted = Arc::clone(&counted);
                let trips = Arc::clone(&trips);
                // Whether the server answered since the client last sent: the client's
                // next chunk then starts a new round trip.
                let answered = Arc::new(std::sync::atomic::AtomicBool::new(true));
                let heard = Arc::clone(&answered);
                tokio::spawn(async move {
                    let Ok(server) = tokio::net::TcpStream::connect(upstream).await else {
                        return;
                    };
                    let _ = client.set_nodelay(true);
                    let _ = server.set_nodelay(true);
                    let (mut client_read, mut client_write) = client.into_split();
                    let (mut server_read, mut server_write) = server.into_split();
                    let up = async move {
                        let mut buf = vec![0u8; 64 * 1024];
                        loop {
                            let n = match client_read.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            counted.fetch_add(1, Ordering::SeqCst);
                            if answered.swap(false, Ordering::SeqCst) {
                                trips.fetch_add(1, Ordering::SeqCst);
                            }
                            tokio::time::sleep(delay).await;
                            if server_write.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                        let _ = server_write.shutdown().await;
                    };
                    let down = async move {
                        let mut buf = vec![0u8; 64 * 1024];
                        loop {
                            let n = match server_read.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            heard.store(true, Ordering::SeqCst);
                            if client_write.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                        let _ = client_write.shutdown().await;
                    };
                    tokio::join!(up, down);
                });
            }
        });
        DelayProxy {
            url,
            chunks,
            round_trips,
            task,
        }
    }

    /// Chunks the client has sent so far.
    pub fn chunks(&self) -> usize {
        self.chunks.load(Ordering::SeqCst)
    }

    /// Round trips so far: chunks the client sent first on a connection or after the
    /// server answered (an upload in many chunks is one).
    pub fn round_trips(&self) -> usize {
        self.round_trips.load(Ordering::SeqCst)
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}
