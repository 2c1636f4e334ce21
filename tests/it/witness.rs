//! Bodies witness each other: `candor witness serve` speaks tlog-witness v1 to any log it
//! is configured for. Here two logs (made with `candor-log` alone, as any C2SP log would
//! make them) and two witness processes: each witness cosigns both logs, refuses stale
//! sizes, unknown logs, foreign signatures, bad proofs and forks as the spec says, and
//! keeps its view of each log across a SIGKILL.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use candor_log::checkpoint::{Checkpoint, CheckpointVerifier};
use candor_log::merkle::{MemoryLog, prove_tree};
use candor_log::note::{Signer, Verifier};
use candor_testkit::*;

/// A log: its key, its tree, its origin.
struct Log {
    origin: String,
    signer: Signer,
    tree: MemoryLog,
}

impl Log {
    fn new(origin: &str, entries: usize) -> Log {
        let signer = candor_log::keys::generate_signer(origin).expect("key");
        let mut log = Log {
            origin: origin.to_string(),
            signer,
            tree: MemoryLog::new(),
        };
        log.grow(entries);
        log
    }

    fn grow(&mut self, entries: usize) {
        for i in 0..entries {
            let n = self.tree.size();
            self.tree
                .append(format!("{} entry {n} {i}", self.origin).as_bytes())
                .expect("append");
        }
    }

    fn signed(&self, size: u64) -> String {
        let root = self.tree.root_at(size).expect("root");
        Checkpoint::new(&self.origin, size, root)
            .expect("checkpoint")
            .sign(&self.signer)
            .expect("sign")
    }

    /// The add-checkpoint body, written from the spec: `old N`, proof lines, a blank line,
    /// the signed checkpoint.
    fn request(&self, old: u64, size: u64) -> String {
        let proof = prove_tree(size, old, &self.tree).expect("proof");
        let mut body = format!("old {old}\n");
        for h in proof {
            body.push_str(&h.to_base64());
            body.push('\n');
        }
        body.push('\n');
        body.push_str(&self.signed(size));
        body
    }
}

struct WitnessProcess {
    child: Child,
    url: String,
    vkey: String,
}

impl Drop for WitnessProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_witness(dir: &Path, logs: &[&Log], port: u16) -> WitnessProcess {
    let mut config = format!(
        "listen = \"127.0.0.1:{port}\"\nkey_file = \"witness.key\"\nstate_dir = \"state\"\n"
    );
    for log in logs {
        config.push_str(&format!(
            "\n[[logs]]\norigin = \"{}\"\nvkey = \"{}\"\n",
            log.origin,
            log.signer.verifier().to_vkey()
        ));
    }
    start_witness_with(dir, &config)
}

fn start_witness_with(dir: &Path, config: &str) -> WitnessProcess {
    let vkey = std::fs::read_to_string(dir.join("witness.vkey"))
        .expect("vkey")
        .trim()
        .to_string();
    std::fs::write(dir.join("witness.toml"), config).expect("config");
    let mut child = candor_command()
        .args(["witness", "serve", "--config"])
        .arg(dir.join("witness.toml"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("witness");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("ready line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    WitnessProcess { child, url, vkey }
}

async fn add(witness: &WitnessProcess, body: String) -> (u16, Option<String>, String) {
    let r = reqwest::Client::new()
        .post(&witness.url)
        .body(body)
        .send()
        .await
        .expect("post");
    let status = r.status().as_u16();
    let kind = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().expect("ascii").to_string());
    (status, kind, r.text().await.expect("body"))
}

/// The checkpoint with the witnesses' cosignature lines appended, verified under a policy
/// that needs `quorum` of `witnesses`.
fn verify_cosigned(
    log: &Log,
    size: u64,
    lines: &[&str],
    witnesses: &[&WitnessProcess],
    quorum: usize,
) -> bool {
    let mut note = log.signed(size);
    for line in lines {
        note.push_str(line);
    }
    let keys: Vec<Verifier> = witnesses
        .iter()
        .map(|w| Verifier::from_vkey(&w.vkey).expect("vkey"))
        .collect();
    CheckpointVerifier::with_witnesses(&log.origin, log.signer.verifier(), keys, quorum)
        .expect("policy")
        .verify(note.as_bytes())
        .is_ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_witnesses_cosign_two_logs_and_refuse_what_the_spec_refuses() {
    let dirs = [
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    ];
    for (i, dir) in dirs.iter().enumerate() {
        let (ok, stdout, stderr) = run_candor(&[
            "keygen",
            "witness",
            "--name",
            &format!("partner-{i}.example"),
            "--out",
            dir.path().to_str().expect("utf8"),
        ]);
        assert!(ok, "{stderr}");
        assert!(stdout.contains("witness.vkey"), "{stdout}");
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(dir.path().join("witness.key"))
                .expect("key")
                .permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);
    }
    let mut a = Log::new("a.example/log", 5);
    let b = Log::new("b.example/log", 3);
    let ports = [free_port(), free_port()];
    let mut witnesses = vec![
        start_witness(dirs[0].path(), &[&a, &b], ports[0]),
        start_witness(dirs[1].path(), &[&a, &b], ports[1]),
    ];

    // Each witness cosigns both logs from nothing, then a grown log with a proof.
    let mut cosigned_a = Vec::new();
    for w in &witnesses {
        for log in [&a, &b] {
            let size = log.tree.size();
            let (status, _, line) = add(w, log.request(0, size)).await;
            assert_eq!(status, 200, "{line}");
            assert!(line.starts_with("— ") && line.ends_with('\n'), "{line:?}");
            assert!(verify_cosigned(log, size, &[&line], &[w], 1));
        }
    }
    a.grow(4);
    for w in &witnesses {
        let (status, _, line) = add(w, a.request(5, 9)).await;
        assert_eq!(status, 200, "{line}");
        cosigned_a.push(line);
    }
    let lines: Vec<&str> = cosigned_a.iter().map(String::as_str).collect();
    let both: Vec<&WitnessProcess> = witnesses.iter().collect();
    assert!(verify_cosigned(&a, 9, &lines, &both, 2), "2 of 2");
    assert!(
        !verify_cosigned(&a, 9, &lines[..1], &both, 2),
        "1 of a 2-of-2 quorum"
    );

    let w = &witnesses[0];
    // A client that believes an older size: 409 with the witness's size.
    let (status, kind, body) = add(w, a.request(5, 9)).await;
    assert_eq!(
        (status, kind.as_deref(), body.as_str()),
        (409, Some("text/x.tlog.size"), "9\n")
    );
    // A fork: the witness's size, another root, signed by the log.
    let mut other_tree = MemoryLog::new();
    for i in 0..9 {
        other_tree
            .append(format!("forked {i}").as_bytes())
            .expect("append");
    }
    let forked = Checkpoint::new(&a.origin, 9, other_tree.root().expect("root"))
        .expect("checkpoint")
        .sign(&a.signer)
        .expect("sign");
    let (status, _, body) = add(w, format!("old 9\n\n{forked}")).await;
    assert_eq!((status, body.as_str()), (409, "9\n"), "a fork is refused");
    // A bad proof.
    a.grow(3);
    let good = a.request(9, 12);
    let bad = good.replacen(&good[6..10], "AAAA", 1);
    assert_eq!(add(w, bad).await.0, 422);
    // Not the log's key; a log it does not witness; not a request at all.
    let mut impostor = Log::new("a.example/log", 0);
    impostor.tree = a.tree.clone();
    assert_eq!(add(w, impostor.request(9, 12)).await.0, 403);
    let unknown = Log::new("c.example/log", 2);
    assert_eq!(add(w, unknown.request(0, 2)).await.0, 404);
    for junk in ["", "old 9\n", "old x\n\nfoo", "old 9\nAAAA\n\nnot a note"] {
        assert_eq!(add(w, junk.to_string()).await.0, 400, "{junk:?}");
    }
    // Nothing of the above moved the witness: the good request still works.
    assert_eq!(add(w, good.clone()).await.0, 200);

    // Killed (SIGKILL) and started again, the witness remembers size 12.
    let dir = dirs[0].path().to_path_buf();
    drop(witnesses.remove(0));
    let w = start_witness(&dir, &[&a, &b], free_port());
    let (status, _, body) = add(&w, a.request(9, 12)).await;
    assert_eq!((status, body.as_str()), (409, "12\n"));
    a.grow(1);
    assert_eq!(add(&w, a.request(12, 13)).await.0, 200);

    // Killed while it handles a request (the answer never read): started again, it holds
    // either the old size or the new one, whole, and goes on from there.
    let mut w = w;
    for round in 0..5 {
        a.grow(1);
        let size = a.tree.size();
        let request = a.request(size - 1, size);
        let url = w.url.clone();
        let sent = tokio::spawn(async move {
            let _ = reqwest::Client::new().post(url).body(request).send().await;
        });
        tokio::time::sleep(std::time::Duration::from_millis(round)).await;
        drop(w);
        sent.abort();
        w = start_witness(&dir, &[&a, &b], free_port());
        let (status, _, body) = add(&w, a.request(size - 1, size)).await;
        match status {
            200 => {}
            409 => assert_eq!(body, format!("{size}\n"), "round {round}"),
            s => panic!("round {round}: {s} {body}"),
        }
    }
}

/// A Candor server with two `[[witnesses]]`: after the log grows, `/log/checkpoint` carries
/// both witnesses' cosignatures, checked here by a client written from the specs (the
/// checkpoint parsed by the `tlog_tiles` crate, the cosignature/v1 signatures checked with
/// `ed25519-dalek`), sharing no code with Candor's log crate.
#[tokio::test(flavor = "multi_thread")]
async fn the_server_sends_its_checkpoints_to_its_witnesses_and_publishes_their_cosignatures() {
    // Three witnesses configured; the third is down all along.
    let dirs = [
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    ];
    let ports = [free_port(), free_port(), free_port()];
    let mut extra = String::from("log_interval = \"1s\"\n");
    for (i, dir) in dirs.iter().enumerate() {
        let (ok, _, stderr) = run_candor(&[
            "keygen",
            "witness",
            "--name",
            &format!("partner-{i}.example"),
            "--out",
            dir.path().to_str().expect("utf8"),
        ]);
        assert!(ok, "{stderr}");
        let vkey = std::fs::read_to_string(dir.path().join("witness.vkey")).expect("vkey");
        extra.push_str(&format!(
            "\n[[witnesses]]\nname = \"partner-{i}\"\nurl = \"http://127.0.0.1:{}/add-checkpoint\"\nvkey = \"{}\"\n",
            ports[i],
            vkey.trim()
        ));
    }
    // Two Candor servers (two bodies' logs), each with the same witnesses.
    let origins = ["candor.test/log", "other-body.test/log"];
    let servers: Vec<TestServer> = origins
        .iter()
        .map(|origin| {
            TestServer::start_with(Options {
                extra_config: format!("log_origin = \"{origin}\"\n{extra}"),
                ..Options::default()
            })
        })
        .collect();
    let mut logs_config = String::new();
    let mut log_vkeys = Vec::new();
    for (server, origin) in servers.iter().zip(origins) {
        let keys = reqwest::get(format!("{}/log/keys", server.url))
            .await
            .expect("keys")
            .text()
            .await
            .expect("text");
        let vkey = keys
            .lines()
            .find_map(|l| l.strip_prefix("log "))
            .expect("log key")
            .to_string();
        logs_config.push_str(&format!(
            "\n[[logs]]\norigin = \"{origin}\"\nvkey = \"{vkey}\"\n"
        ));
        log_vkeys.push(vkey);
    }
    let log_vkey = log_vkeys[0].clone();
    let witnesses: Vec<WitnessProcess> = dirs[..2]
        .iter()
        .zip(ports)
        .map(|(dir, port)| {
            let config = format!(
                "listen = \"127.0.0.1:{port}\"\nkey_file = \"witness.key\"\nstate_dir = \"state\"\n{logs_config}"
            );
            start_witness_with(dir.path(), &config)
        })
        .collect();
    // A report makes each log grow; the next integration wakes the witnessing.
    let mut receipts = Vec::new();
    for server in &servers {
        let (status, html) = submit(server, vec![Part::Message(b"witnessed".to_vec())]).await;
        assert_eq!(status, 200);
        receipts.push(receipt_from(&html).expect("receipt"));
    }
    for (server, origin) in servers.iter().zip(origins).skip(1) {
        let checkpoint = cosigned_checkpoint(server, 2).await;
        let (body, signatures) = checkpoint.split_once("\n\n").expect("a signed note");
        let body = format!("{body}\n");
        let parsed =
            tlog_tiles::Checkpoint::from_bytes(body.as_bytes()).expect("tlog_tiles parses it");
        assert_eq!(parsed.origin(), origin);
        for w in &witnesses {
            let name = w.vkey.split('+').next().expect("name");
            let line = signatures
                .lines()
                .find(|l| l.starts_with(&format!("— {name} ")))
                .unwrap_or_else(|| panic!("no cosignature of {name} in {checkpoint}"));
            assert!(spec_cosignature_verifies(&w.vkey, &body, line), "{line}");
        }
    }
    let server = &servers[0];
    let receipt = receipts[0].clone();
    let checkpoint = cosigned_checkpoint(server, 2).await;
    let (body, signatures) = checkpoint.split_once("\n\n").expect("a signed note");
    let body = format!("{body}\n");
    let parsed = tlog_tiles::Checkpoint::from_bytes(body.as_bytes()).expect("tlog_tiles parses it");
    assert_eq!(parsed.origin(), "candor.test/log");
    assert!(parsed.size() >= 1);
    for w in &witnesses {
        let line = signatures
            .lines()
            .find(|l| l.starts_with(&format!("— {} ", w.vkey.split('+').next().expect("name"))))
            .unwrap_or_else(|| panic!("no cosignature of {} in {checkpoint}", w.vkey));
        assert!(spec_cosignature_verifies(&w.vkey, &body, line), "{line}");
        assert!(!spec_cosignature_verifies(
            &w.vkey,
            &body.replace("candor", "candid"),
            line
        ));
    }

    // Policies: 2 of the 3 witnesses holds, all 3 does not while one is down; for the
    // reporter's certificate offline and for the log followed online.
    let vkeys: Vec<String> = dirs
        .iter()
        .map(|d| {
            std::fs::read_to_string(d.path().join("witness.vkey"))
                .expect("vkey")
                .trim()
                .to_string()
        })
        .collect();
    let policy = |threshold: &str| {
        let mut text = String::from("# partner bodies\n");
        for (i, vkey) in vkeys.iter().enumerate() {
            text.push_str(&format!("witness w{i} {vkey}\n"));
        }
        text.push_str(&format!(
            "group partners {threshold} w0 w1 w2\nquorum partners\n"
        ));
        let path = dirs[2].path().join(format!("policy-{threshold}.txt"));
        std::fs::write(&path, text).expect("policy");
        path.to_str().expect("utf8").to_string()
    };
    let (two, all) = (policy("2"), policy("all"));
    let (_, set_cookie, _) = sign_in(server, &receipt).await;
    let reporter = cookie_pair(&set_cookie.expect("cookie"));
    let (_, case_page) = get_with_cookie(server, "/case", &reporter).await;
    let link = case_page
        .split("href=\"/case/certificates/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no certificate: {case_page}"))
        .to_string();
    let certificate = server
        .manual_client()
        .get(format!("{}/case/certificates/{link}", server.url))
        .header("cookie", &reporter)
        .send()
        .await
        .expect("certificate")
        .text()
        .await
        .expect("text");
    let cert_path = dirs[2].path().join("certificate.txt");
    std::fs::write(&cert_path, &certificate).expect("write");
    let body_key = candor_log::keys::generate_signer("body")
        .expect("key")
        .verifier()
        .to_vkey();
    let verify = |policy: &str| {
        run_candor(&[
            "verify",
            cert_path.to_str().expect("utf8"),
            "--log-key",
            &log_vkey,
            "--body-key",
            &body_key,
            "--policy",
            policy,
        ])
    };
    let (ok, stdout, stderr) = verify(&two);
    assert!(ok, "2 of 3: {stdout}{stderr}");
    assert!(
        stdout.contains("VERIFIED") && stdout.contains("partner-0"),
        "{stdout}"
    );
    let (ok, stdout, stderr) = verify(&all);
    assert!(!ok, "3 of 3 with one down: {stdout}");
    assert!(
        stderr.contains("quorum") && stderr.contains("w0, w1"),
        "{stderr}"
    );
    let follow = |policy: &str| {
        let state = dirs[2].path().join(format!("state-{}", policy.len()));
        run_candor(&[
            "log",
            "verify",
            "--server",
            &server.url,
            "--log-key",
            &log_vkey,
            "--state",
            state.to_str().expect("utf8"),
            "--policy",
            policy,
        ])
    };
    assert!(follow(&two).0, "log verify, 2 of 3");
    let (ok, _, stderr) = follow(&all);
    assert!(!ok && stderr.contains("quorum"), "{stderr}");
}

/// The server's checkpoint once it carries `count` partner cosignatures (a few seconds).
async fn cosigned_checkpoint(server: &TestServer, count: usize) -> String {
    let mut checkpoint = String::new();
    for _ in 0..150 {
        checkpoint = reqwest::get(format!("{}/log/checkpoint", server.url))
            .await
            .expect("checkpoint")
            .text()
            .await
            .expect("text");
        if checkpoint.matches("\n— partner-").count() == count {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    checkpoint
}

/// c2sp.org/signed-note and c2sp.org/tlog-cosignature, from the specs: the vkey is
/// `name+hex(key id)+base64(0x04 ‖ key)`, the signature line `— name base64(key id ‖
/// timestamp ‖ signature)`, and the signed message `cosignature/v1\ntime T\n` + body.
fn spec_cosignature_verifies(vkey: &str, body: &str, line: &str) -> bool {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut parts = vkey.splitn(3, '+');
    let (name, id, key) = (
        parts.next().expect("name"),
        parts.next().expect("id"),
        parts.next().expect("key"),
    );
    let key = b64.decode(key).expect("base64");
    assert_eq!(key[0], 0x04, "a cosignature/v1 key");
    let public = ed25519_dalek::VerifyingKey::from_bytes(&key[1..].try_into().expect("32 bytes"))
        .expect("key");
    let raw = b64
        .decode(line.strip_prefix(&format!("— {name} ")).expect("line"))
        .expect("base64");
    if raw.len() != 4 + 8 + 64 || hex::encode(&raw[..4]) != id {
        return false;
    }
    let timestamp = u64::from_be_bytes(raw[4..12].try_into().expect("8 bytes"));
    assert_eq!(timestamp % 86_400, 0, "dated to the day");
    let message = format!("cosignature/v1\ntime {timestamp}\n{body}");
    let signature = ed25519_dalek::Signature::from_bytes(&raw[12..].try_into().expect("64"));
    public.verify_strict(message.as_bytes(), &signature).is_ok()
}

/// The example in deploy/ is a configuration the witness reads.
#[test]
fn the_deployed_witness_configuration_is_read() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/witness.toml");
    let config = candor_witness::Config::load(&path).expect("deploy/witness.toml");
    assert_eq!(config.logs.len(), 1);
    assert!(config.key_file.is_absolute() && config.state_dir.is_absolute());
}

/// Witnesses as a hostile party may run them: one answers 100 MiB, one a cosignature from
/// another key under the right name, one garbage, one a size larger than the log. The
/// server reads at most 64 KiB of an answer, publishes none of these, and keeps serving.
#[tokio::test(flavor = "multi_thread")]
async fn hostile_witnesses_get_nothing_published() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let modes = ["huge", "foreign", "garbage", "bigger"];
    let mut extra = String::from("log_interval = \"1s\"\n");
    let mut counters = Vec::new();
    let mut listeners = Vec::new();
    for mode in modes {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        // The real key of a witness named after the mode; a hostile one signs with another.
        let real = candor_log::note::Cosigner::from_seed(mode, &[1; 32]).expect("key");
        extra.push_str(&format!(
            "\n[[witnesses]]\nname = \"{mode}\"\nurl = \"http://{addr}/add-checkpoint\"\nvkey = \"{}\"\n",
            real.verifier().to_vkey()
        ));
        counters.push(Arc::new(AtomicUsize::new(0)));
        listeners.push(listener);
    }
    for ((mode, listener), count) in modes.into_iter().zip(listeners).zip(counters.clone()) {
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                count.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buf = vec![0u8; 64 * 1024];
                    // Headers and body: the checkpoint ends with a signature line.
                    while !String::from_utf8_lossy(&request).contains("\n\n— ") {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buf[..n]),
                        }
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    let text = String::from_utf8_lossy(&request).to_string();
                    let (status, body): (&str, Vec<u8>) = match mode {
                        "huge" => ("200 OK", vec![b'a'; 100 * 1024 * 1024]),
                        "foreign" => {
                            let note = text.split("\r\n\r\n").nth(1).unwrap_or("");
                            let note = note.split_once("\n\n").map_or("", |(_, n)| n);
                            let body = note.split_once("\n\n").map_or("", |(b, _)| b);
                            let checkpoint =
                                Checkpoint::parse(&format!("{body}\n")).expect("checkpoint");
                            let other =
                                candor_log::note::Cosigner::from_seed(mode, &[2; 32]).expect("key");
                            let line = checkpoint.cosign(&other, 0).expect("cosign").to_line();
                            ("200 OK", line.into_bytes())
                        }
                        "garbage" => ("200 OK", b"hello\n".to_vec()),
                        _ => ("409 Conflict", b"999999\n".to_vec()),
                    };
                    let head = format!(
                        "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(&body).await;
                });
            }
        });
    }
    let server = TestServer::start_with(Options {
        extra_config: extra,
        ..Options::default()
    });
    let (status, _) = submit(&server, vec![Part::Message(b"watched".to_vec())]).await;
    assert_eq!(status, 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while counters.iter().any(|c| c.load(Ordering::SeqCst) < 2) {
        assert!(
            std::time::Instant::now() < deadline,
            "the witnesses were not all asked"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let checkpoint = reqwest::get(format!("{}/log/checkpoint", server.url))
        .await
        .expect("checkpoint")
        .text()
        .await
        .expect("text");
    let (_, signatures) = checkpoint.split_once("\n\n").expect("signed");
    for mode in modes {
        assert!(
            !signatures.contains(&format!("— {mode} ")),
            "{mode} got published: {checkpoint}"
        );
    }
    assert!(
        checkpoint.lines().nth(1).is_some_and(|l| l != "0"),
        "{checkpoint}"
    );
}

/// A flood at a witness: 1,000 requests at once, garbage, stale and good mixed, over many
/// connections. It answers each (or drops it) without falling over, records nothing from
/// the garbage, and afterwards holds a size it cosigned and goes on from there.
#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_requests_leaves_a_witness_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let (ok, _, stderr) = run_candor(&[
        "keygen",
        "witness",
        "--name",
        "flooded.example",
        "--out",
        dir.path().to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    let mut log = Log::new("flooded.example/log", 4);
    let w = start_witness(dir.path(), &[&log], free_port());
    assert_eq!(add(&w, log.request(0, 4)).await.0, 200);
    log.grow(4);
    let good = log.request(4, 8);
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let body = match i % 4 {
            0 => good.clone(),
            1 => "old 0\n\nnot a note".to_string(),
            2 => "x".repeat(70_000),
            _ => log.request(0, 8),
        };
        let (client, url) = (client.clone(), w.url.clone());
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .body(body)
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }));
    }
    let mut statuses = std::collections::BTreeMap::new();
    for t in tasks {
        *statuses.entry(t.await.expect("task")).or_insert(0) += 1;
    }
    eprintln!("flood answers: {statuses:?}");
    // The good request was cosigned once; every other copy of it found size 8 already.
    assert_eq!(statuses.get(&200), Some(&1), "{statuses:?}");
    let (status, _, body) = add(&w, log.request(4, 8)).await;
    assert_eq!((status, body.as_str()), (409, "8\n"));
    log.grow(2);
    assert_eq!(add(&w, log.request(8, 10)).await.0, 200);
}
