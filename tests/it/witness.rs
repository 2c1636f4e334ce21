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
    let vkey = std::fs::read_to_string(dir.join("witness.vkey"))
        .expect("vkey")
        .trim()
        .to_string();
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
}
