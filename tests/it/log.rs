//! The sealed status log end to end: decisions signed on the workstation, batched into the
//! log, certificates verified offline, tamper and rollback detection, the tiles API.

use std::path::{Path, PathBuf};
use std::time::Duration;

use candor_testkit::*;

use candor_core::days::Day;
use candor_log::entry::{Entry, Kind};
use candor_log::note::Signer;

const ORIGIN: &str = "test.candor.localhost/log";

/// A server with a body decision key, a fast log schedule, and the key files.
pub(crate) struct LogSetup {
    pub(crate) server: TestServer,
    pub(crate) keys: tempfile::TempDir,
    pub(crate) decision_key: PathBuf,
    decision_vkey: String,
}

pub(crate) fn start(listen: Option<u16>) -> LogSetup {
    let keys = tempfile::tempdir().expect("tempdir");
    let (ok, _, stderr) = run_candor(&[
        "keygen",
        "body",
        "--name",
        "test-authority",
        "--out",
        keys.path().to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    let decision_vkey = std::fs::read_to_string(keys.path().join("decision.vkey"))
        .expect("vkey")
        .trim()
        .to_string();
    let witness_vkey = std::fs::read_to_string(keys.path().join("witness.vkey"))
        .expect("vkey")
        .trim()
        .to_string();
    let server = TestServer::start_with(Options {
        listen: listen
            .map(|p| format!("127.0.0.1:{p}"))
            .unwrap_or_else(|| "127.0.0.1:0".into()),
        extra_config: format!("log_origin = \"{ORIGIN}\"\nlog_interval = \"1s\""),
        env: vec![
            ("CANDOR_BODY__DECISION_KEY".into(), decision_vkey.clone()),
            (
                "CANDOR_BODY__WITNESS_KEYS".into(),
                format!("[\"{witness_vkey}\"]"),
            ),
        ],
        ..Options::default()
    });
    LogSetup {
        decision_key: keys.path().join("decision.key"),
        server,
        keys,
        decision_vkey,
    }
}

pub(crate) async fn report(server: &TestServer, text: &str) -> String {
    let (status, html) = submit(
        server,
        vec![
            Part::Message(text.as_bytes().to_vec()),
            file("a.pdf", "application/pdf", bytes(10_000, 5)),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    receipt_from(&html).expect("receipt")
}

async fn checkpoint_size(server: &TestServer) -> u64 {
    let text = server
        .client()
        .get(format!("{}/log/checkpoint", server.url))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    text.lines()
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("size line")
}

pub(crate) async fn wait_for_size(server: &TestServer, size: u64) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while checkpoint_size(server).await < size {
        assert!(
            std::time::Instant::now() < deadline,
            "the log never reached {size} entries"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

pub(crate) async fn log_vkey(server: &TestServer) -> String {
    let keys = server
        .client()
        .get(format!("{}/log/keys", server.url))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    keys.lines()
        .find_map(|l| l.strip_prefix("log "))
        .expect("log key")
        .to_string()
}

/// The reviewer API's client at `url` (the server's, or a hostile one in front of it),
/// signed in as the test reviewer, and its trust folder.
pub(crate) async fn api_client(
    setup: &LogSetup,
    url: &str,
) -> (candor_workstation::Client, tempfile::TempDir) {
    let (name, ids) =
        candor_workstation::load_identity(&setup.server.reviewer.key_path, None).expect("identity");
    let state = tempfile::tempdir().expect("tempdir");
    let trust = candor_workstation::trust::TrustStore::open(state.path()).expect("trust");
    let client = candor_workstation::Client::new(url, &name, ids, None, std::sync::Arc::new(trust))
        .expect("client");
    client.sign_in().await.expect("sign in");
    (client, state)
}

/// A running workstation and a browser-like client signed in to it.
struct Ws {
    child: std::process::Child,
    base: String,
    cookie: String,
    client: reqwest::Client,
}

async fn workstation(setup: &LogSetup) -> Ws {
    let mut child = candor_command()
        .args([
            "review",
            "serve",
            "--server",
            &setup.server.url,
            "--identity",
        ])
        .arg(&setup.server.reviewer.key_path)
        .arg("--decision-key")
        .arg(&setup.decision_key)
        .args(["--listen", "127.0.0.1:0", "--state-dir"])
        .arg(setup.keys.path().join("alice.state"))
        .env("CANDOR_LOG", "debug")
        .stdout(std::process::Stdio::piped())
        .stderr(std::fs::File::create(setup.keys.path().join("workstation.log")).expect("log file"))
        .spawn()
        .expect("spawn workstation");
    use std::io::BufRead;
    let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    let url = loop {
        line.clear();
        if reader.read_line(&mut line).expect("read") == 0 {
            let mut err = String::new();
            use std::io::Read;
            let _ = child
                .stderr
                .take()
                .expect("stderr")
                .read_to_string(&mut err);
            panic!("workstation did not start: {err}");
        }
        if let Some(u) = line
            .trim()
            .strip_prefix("Candor workstation is listening on ")
        {
            break u.to_string();
        }
    };
    std::thread::spawn(move || {
        let mut sink = String::new();
        while reader.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
            sink.clear();
        }
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let r = client.get(&url).send().await.expect("access");
    let cookie = cookie_pair(r.headers()["set-cookie"].to_str().expect("cookie"));
    let base = url.split("/?").next().expect("base").to_string();
    Ws {
        child,
        base,
        cookie,
        client,
    }
}

async fn ws_get(ws: &Ws, path: &str) -> (u16, String) {
    let r = ws
        .client
        .get(format!("{}{path}", ws.base))
        .header("cookie", &ws.cookie)
        .send()
        .await
        .expect("get");
    let status = r.status().as_u16();
    (status, r.text().await.expect("text"))
}

async fn decide(ws: &Ws, reference: &str, csrf: &str, kind: &str, measure: &str, reasons: &str) {
    let body = format!(
        "csrf={csrf}&kind={kind}&measure={measure}&sector=public&area=bribery&outcome=referred&reasons={}",
        urlencode(reasons)
    );
    let r = ws
        .client
        .post(format!("{}/cases/{reference}/decisions", ws.base))
        .header("cookie", &ws.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("decide");
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
}

/// A decision form the workstation refuses (its answer's status), and the page.
async fn decide_refused(ws: &Ws, reference: &str, body: String) -> (u16, String) {
    let r = ws
        .client
        .post(format!("{}/cases/{reference}/decisions", ws.base))
        .header("cookie", &ws.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("decide");
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

/// The decision form with a classification that is not on the lists, or a closure without
/// its outcome: refused, nothing signed or sent.
#[tokio::test(flavor = "multi_thread")]
async fn the_decision_form_refuses_a_classification_off_the_lists() {
    let setup = start(None);
    report(&setup.server, "r").await;
    let reference = setup.server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let ws = workstation(&setup).await;
    let (_, page) = ws_get(&ws, &format!("/cases/{reference}")).await;
    let csrf = csrf_from(&page).expect("csrf");
    for fields in [
        "kind=status-recognized&measure=none&sector=municipal&area=bribery",
        "kind=status-recognized&measure=none&sector=public&area=%0Abribery",
        "kind=status-recognized&measure=none&area=bribery",
        "kind=case-closed&measure=none&sector=public&area=other&outcome=",
        "kind=case-closed&measure=none&sector=public&area=other&outcome=won",
    ] {
        let (status, page) = decide_refused(&ws, &reference, format!("csrf={csrf}&{fields}")).await;
        assert_eq!(status, 400, "{fields}");
        assert!(page.contains("Choose the classification"), "{page}");
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        checkpoint_size(&setup.server).await,
        1,
        "only the receipt is in the log"
    );
}

fn verify(cert: &Path, log_key: &str, body_key: &str) -> (bool, String, String) {
    verify_with(cert, log_key, body_key, &[])
}

pub(crate) fn verify_with(
    cert: &Path,
    log_key: &str,
    body_key: &str,
    extra: &[&str],
) -> (bool, String, String) {
    let mut args = vec![
        "verify",
        cert.to_str().expect("utf8"),
        "--log-key",
        log_key,
        "--body-key",
        body_key,
    ];
    args.extend_from_slice(extra);
    run_candor(&args)
}

#[tokio::test(flavor = "multi_thread")]
async fn decisions_become_certificates_verified_offline() {
    let mut setup = start(None);
    let code = report(&setup.server, "The procurement was rigged.").await;
    let reference = setup.server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let mut ws = workstation(&setup).await;
    let (_, page) = ws_get(&ws, &format!("/cases/{reference}")).await;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf")
        .to_string();
    // The form asks for the public classification: nothing known yet, so the defaults.
    assert!(
        page.contains("<option value=\"not-stated\" selected>"),
        "{page}"
    );
    assert!(page.contains("<option value=\"other\" selected>"), "{page}");
    decide(&ws, &reference, &csrf, "acknowledged", "none", "").await;
    decide(
        &ws,
        &reference,
        &csrf,
        "status-recognized",
        "none",
        "The reporter disclosed, in good faith,\nfraud in public procurement.",
    )
    .await;
    decide(
        &ws,
        &reference,
        &csrf,
        "protection-granted",
        "reprisal-protection",
        "Dismissal was threatened.",
    )
    .await;

    // Later decisions propose the classification the case already has.
    let (_, page) = ws_get(&ws, &format!("/cases/{reference}")).await;
    assert!(
        page.contains("<option value=\"public\" selected>"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"bribery\" selected>"),
        "{page}"
    );

    // Batched: one receipt and three decisions.
    wait_for_size(&setup.server, 4).await;
    // The workstation follows the log (and cosigns the checkpoint) when it syncs.
    let (status, inbox) = ws_get(&ws, "/").await;
    assert_eq!(status, 200, "{inbox}");
    // Syncing again without growth cosigns nothing more: cosignatures (and their audit
    // entries) mark the tree's growth, not a workstation's visits.
    for _ in 0..3 {
        assert_eq!(ws_get(&ws, "/").await.0, 200);
    }
    let cosigned: Vec<_> = setup
        .server
        .store()
        .await
        .audit_entries(None, 1000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|a| a.action == "cosigned checkpoint" && a.detail.as_deref() == Some("4"))
        .collect();
    assert_eq!(cosigned.len(), 1, "one cosignature of size 4: {cosigned:?}");
    // Its public time is a day, not a second: the cosignature's timestamp is midnight.
    let checkpoint = setup
        .server
        .manual_client()
        .get(format!("{}/log/checkpoint", setup.server.url))
        .send()
        .await
        .expect("checkpoint")
        .text()
        .await
        .expect("text");
    let line = checkpoint
        .lines()
        .find(|l| l.starts_with("— test-authority-witness "))
        .expect("the workstation's cosignature");
    use base64::Engine as _;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(line.rsplit(' ').next().expect("signature"))
        .expect("base64");
    let timestamp = u64::from_be_bytes(raw[4..12].try_into().expect("8 bytes"));
    assert_eq!(
        timestamp % 86_400,
        0,
        "cosigned at a day's start: {timestamp}"
    );
    let (_, page) = ws_get(&ws, &format!("/cases/{reference}")).await;
    assert!(page.contains("Whistleblower status recognized"));
    assert!(
        page.contains("log entry "),
        "decision history shows the log index: {page}"
    );

    // The reporter sees the decisions and downloads certificates.
    let (_, set_cookie, _) = sign_in(&setup.server, &code).await;
    let reporter = cookie_pair(&set_cookie.expect("cookie"));
    let (_, case_page) = get_with_cookie(&setup.server, "/case", &reporter).await;
    assert!(case_page.contains("Decisions about your protection"));
    assert!(case_page.contains("Protection granted: protection against reprisal"));
    let links: Vec<String> = case_page
        .split("href=\"/case/certificates/")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_string))
        .collect();
    assert!(links.len() >= 4, "{case_page}");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut certificates = Vec::new();
    for id in links.iter().collect::<std::collections::BTreeSet<_>>() {
        let r = setup
            .server
            .manual_client()
            .get(format!("{}/case/certificates/{id}", setup.server.url))
            .header("cookie", &reporter)
            .send()
            .await
            .expect("certificate");
        assert_eq!(r.status(), 200);
        let name = r.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .to_string();
        let text = r.text().await.expect("text");
        assert!(text.starts_with("candor.certificate/v1\n"));
        let path = dir.path().join(format!("cert-{id}.txt"));
        std::fs::write(&path, &text).expect("write");
        certificates.push((name, path, text));
    }
    let log_key = log_vkey(&setup.server).await;
    assert!(log_key.starts_with(&format!("{ORIGIN}+")));
    let body_key_file = setup.keys.path().join("decision.vkey");

    // Offline: the server is gone.
    setup.server.stop();
    let _ = ws.child.kill();
    let today = Day::today();
    let recognized = certificates
        .iter()
        .find(|c| c.0.contains("status-recognized"))
        .expect("recognized");
    let (ok, stdout, stderr) = verify(
        &recognized.1,
        &log_key,
        body_key_file.to_str().expect("utf8"),
    );
    assert!(ok, "{stderr}");
    let first_line = stdout.lines().next().expect("summary");
    assert!(
        first_line.starts_with(&format!(
            "Whistleblower status recognized on {today} by Test Authority; entry "
        )),
        "{first_line}"
    );
    assert!(
        first_line.contains(&format!("of log {ORIGIN}, checkpoint of size 4")),
        "{first_line}"
    );
    assert!(stdout.contains("fraud in public procurement."));
    // The public classification the entry carries (format 2), as the form gave it.
    assert!(
        stdout.contains("Public classification: Public sector; Bribery; 0 whole weeks"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Other witness cosignatures (not checked"),
        "the body's workstation cosigned: {stdout}"
    );
    assert!(stdout.trim_end().ends_with("VERIFIED"));

    let granted = certificates
        .iter()
        .find(|c| c.0.contains("protection-granted"))
        .expect("granted");
    let (ok, stdout, _) = verify(&granted.1, &log_key, &setup.decision_vkey);
    assert!(ok);
    assert!(stdout.starts_with("Protection granted (protection against reprisal) on "));

    let received = certificates
        .iter()
        .find(|c| c.0.contains("report-received"))
        .expect("proof of report");
    let (ok, stdout, _) = verify(&received.1, &log_key, &setup.decision_vkey);
    assert!(ok);
    assert!(
        stdout.starts_with(&format!(
            "Report received on {today} by Test Authority; entry "
        )),
        "{stdout}"
    );

    // With the body's witness key, the workstation's cosignature is checked too.
    let witness_key = setup.keys.path().join("witness.vkey");
    let witness_key = witness_key.to_str().expect("utf8");
    let (ok, stdout, stderr) = verify_with(
        &recognized.1,
        &log_key,
        &setup.decision_vkey,
        &["--witness-key", witness_key],
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Cosigned by witnesses (verified): test-authority-witness"),
        "{stdout}"
    );

    // Any single changed bit fails. The only bytes whose change may go unnoticed are
    // those of the witness cosignature when its key is not given: then it must fail
    // with the key.
    let text = recognized.2.as_bytes();
    let line_at = |pos: usize| {
        let start = text[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = text[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| pos + i);
        String::from_utf8_lossy(&text[start..end]).into_owned()
    };
    let mut in_cosignature = 0;
    for (n, pos) in (0..text.len()).step_by(23).enumerate() {
        let mut flipped = text.to_vec();
        flipped[pos] ^= 1 << (n % 8);
        let path = dir.path().join("flipped.txt");
        std::fs::write(&path, &flipped).expect("write");
        let line = line_at(pos);
        let cosignature = line.starts_with("— test-authority-witness ");
        in_cosignature += usize::from(cosignature);
        let (ok, _, stderr) = verify(&path, &log_key, &setup.decision_vkey);
        if ok {
            assert!(
                cosignature,
                "a flipped bit at {pos} was accepted, in line {line:?}"
            );
        } else {
            assert!(stderr.contains("NOT VERIFIED"), "{stderr}");
        }
        let (ok, _, stderr) = verify_with(
            &path,
            &log_key,
            &setup.decision_vkey,
            &["--witness-key", witness_key],
        );
        assert!(
            !ok,
            "a flipped bit at {pos} was accepted with the witness key"
        );
        assert!(stderr.contains("NOT VERIFIED"), "{stderr}");
    }
    assert!(in_cosignature > 0, "some flips hit the cosignature");

    // Wrong keys fail.
    let other = tempfile::tempdir().expect("tempdir");
    run_candor(&[
        "keygen",
        "body",
        "--name",
        "test-authority",
        "--out",
        other.path().to_str().expect("utf8"),
    ]);
    let other_vkey = std::fs::read_to_string(other.path().join("decision.vkey"))
        .expect("vkey")
        .trim()
        .to_string();
    let (ok, _, stderr) = verify(&recognized.1, &log_key, &other_vkey);
    assert!(!ok);
    assert!(
        stderr.contains("signature does not verify with the body key"),
        "{stderr}"
    );
    let (ok, _, stderr) = verify(&recognized.1, &setup.decision_vkey, &setup.decision_vkey);
    assert!(!ok, "{stderr}");

    // A decision signed by another key: a forged certificate fails offline.
    let forger = Signer::from_private_key(
        std::fs::read_to_string(other.path().join("decision.key"))
            .expect("key")
            .trim(),
    )
    .expect("signer");
    let cert = candor_log::certificate::Certificate::parse(recognized.2.as_bytes()).expect("parse");
    let entry_text = candor_log::note::Note::parse(cert.entry.as_bytes())
        .expect("note")
        .text()
        .to_string();
    let forged_note = candor_log::note::sign(&entry_text, &[&forger]).expect("sign");
    let forged = candor_log::certificate::Certificate {
        entry: forged_note,
        ..cert
    };
    let path = dir.path().join("forged.txt");
    std::fs::write(&path, forged.to_text()).expect("write");
    let (ok, _, _) = verify(&path, &log_key, &setup.decision_vkey);
    assert!(!ok, "a decision signed by another key is rejected");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_refuses_decisions_it_cannot_verify() {
    let setup = start(None);
    report(&setup.server, "r").await;
    let reference = setup.server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let (token, _state) = api_client(&setup, &setup.server.url).await;
    let reviewer: age::x25519::Recipient =
        setup.server.reviewer.recipient.parse().expect("recipient");
    let opening = candor_log::entry::Opening::new(
        &reference,
        Kind::StatusRecognized,
        &Day::today().to_string(),
        "Test Authority",
        None,
        vec![],
        "x",
    )
    .expect("opening");
    let sealed =
        candor_core::seal::seal_bytes(&[reviewer], opening.to_text().as_bytes()).expect("seal");

    // Signed by another key.
    let stranger = candor_log::keys::generate_signer("test-authority").expect("signer");
    let note = candor_log::note::sign(&opening.entry().to_text(), &[&stranger]).expect("sign");
    let err = token
        .post_decision(&reference, note.into_bytes(), sealed.clone(), None)
        .await
        .expect_err("refused");
    assert!(
        err.to_string()
            .contains("not signed by the body's decision key"),
        "{err}"
    );

    // Properly signed, but for a case the server does not know.
    let body = candor_log::keys::read_private_key(&setup.decision_key).expect("key");
    let note = candor_log::note::sign(&opening.entry().to_text(), &[&body]).expect("sign");
    let err = token
        .post_decision(
            "NO-SUCH-CASE",
            note.clone().into_bytes(),
            sealed.clone(),
            None,
        )
        .await
        .expect_err("refused");
    assert!(
        matches!(
            err,
            candor_workstation::ClientError::Api { status: 404, .. }
        ),
        "{err}"
    );

    // Back-dated.
    let old = candor_log::entry::Opening::new(
        &reference,
        Kind::StatusRecognized,
        "2020-01-01",
        "Test Authority",
        None,
        vec![],
        "",
    )
    .expect("opening");
    let old_note = candor_log::note::sign(&old.entry().to_text(), &[&body]).expect("sign");
    let err = token
        .post_decision(&reference, old_note.into_bytes(), sealed.clone(), None)
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("dated today"), "{err}");

    // The right one is accepted.
    token
        .post_decision(&reference, note.into_bytes(), sealed, None)
        .await
        .expect("accepted");
}

#[tokio::test(flavor = "multi_thread")]
async fn tiles_api_and_transparency_statistics() {
    let setup = start(None);
    for i in 0..3 {
        report(&setup.server, &format!("report {i}")).await;
    }
    wait_for_size(&setup.server, 3).await;
    let client = setup.server.client();
    let tile = client
        .get(format!("{}/log/tile/0/000.p/3", setup.server.url))
        .send()
        .await
        .expect("tile");
    assert_eq!(tile.status(), 200);
    assert_eq!(
        tile.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(tile.bytes().await.expect("bytes").len(), 3 * 32);
    let bundle = client
        .get(format!("{}/log/tile/entries/000.p/3", setup.server.url))
        .send()
        .await
        .expect("bundle");
    let bundle = bundle.bytes().await.expect("bytes");
    let entries = candor_log::tiles::parse_entry_bundle(&bundle).expect("bundle");
    assert_eq!(entries.len(), 3);
    for e in entries {
        let note = candor_log::note::Note::parse(e).expect("note");
        let entry = Entry::parse(note.text()).expect("entry");
        assert_eq!(entry.kind, Kind::ReportReceived);
        assert_eq!(entry.day, Day::today().to_string());
        assert!(
            !String::from_utf8_lossy(e).contains("report "),
            "entries reveal nothing of the case"
        );
    }
    for path in [
        "/log/tile/0/001",
        "/log/tile/0/000.p/4",
        "/log/tile/nonsense",
        "/log/tile/entries/x",
    ] {
        let r = client
            .get(format!("{}{path}", setup.server.url))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), 404, "{path}");
    }
    let page = client
        .get(format!("{}/transparency", setup.server.url))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("text");
    // Three reports: a count below 5 is published as "fewer than 5".
    assert!(page.contains("Reports received in"), "{page}");
    assert!(
        page.contains("<abbr title=\"fewer than 5\">&lt;5</abbr>"),
        "{page}"
    );
    assert!(!page.contains("<td class=\"n\">3</td>"), "{page}");

    // The independent follower prints the same statistics from the entries themselves.
    let state = setup.keys.path().join("state.txt");
    let (ok, stdout, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        state.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Pinned the log key"), "{stdout}");
    assert!(
        stdout.contains(&format!("Log {ORIGIN}: 3 entries.")),
        "{stdout}"
    );
    assert!(stdout.contains("3 entries counted"), "{stdout}");
    // An unchanged tree is not re-signed: the checkpoint stays the same.
    let before = client
        .get(format!("{}/log/checkpoint", setup.server.url))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let after = client
        .get(format!("{}/log/checkpoint", setup.server.url))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert_eq!(before, after);
}

#[tokio::test(flavor = "multi_thread")]
async fn log_verify_detects_a_changed_entry_or_hash() {
    let setup = start(None);
    for i in 0..5 {
        report(&setup.server, &format!("report {i}")).await;
    }
    wait_for_size(&setup.server, 5).await;
    let state = setup.keys.path().join("state.txt");
    let state_arg = state.to_str().expect("utf8").to_string();
    let log_key = log_vkey(&setup.server).await;
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &state_arg,
        "--log-key",
        &log_key,
    ]);
    assert!(ok, "{stderr}");

    use candor_store::tamper;
    let db = setup.server.database_url();
    let original = tamper::log_entry_note(&db, 2).await.expect("entry");
    let mut tampered = original.clone();
    let pos = tampered.iter().position(|b| *b == b'\n').expect("newline") + 3;
    tampered[pos] ^= 1;
    tamper::set_log_entry_note(&db, 2, &tampered)
        .await
        .expect("tamper");
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &state_arg,
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("INCONSISTENT") && stderr.contains("an entry was changed"),
        "{stderr}"
    );

    tamper::set_log_entry_note(&db, 2, &original)
        .await
        .expect("restore");
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &state_arg,
    ]);
    assert!(ok, "restored: {stderr}");

    let hash = tamper::log_hash(&db, 1).await.expect("hash");
    let mut bad = hash.clone();
    bad[0] ^= 0x80;
    tamper::set_log_hash(&db, 1, &bad).await.expect("tamper");
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &state_arg,
    ]);
    assert!(!ok);
    assert!(stderr.contains("a stored hash was changed"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rolled_back_server_is_refused_by_the_workstation() {
    let port = free_port();
    let mut setup = start(Some(port));
    if !setup.server.is_sqlite() {
        return; // The rollback below copies SQLite's files.
    }
    report(&setup.server, "first").await;
    report(&setup.server, "second").await;
    wait_for_size(&setup.server, 2).await;
    // A snapshot of the server at size 2.
    setup.server.stop();
    let snapshot = setup.keys.path().join("snapshot");
    std::fs::create_dir_all(&snapshot).expect("dir");
    copy_dir(&setup.server.data_dir, &snapshot);
    setup.server.spawn();
    report(&setup.server, "third").await;
    wait_for_size(&setup.server, 3).await;

    // The workstation sees size 3 (and the independent follower too).
    let mut ws = workstation(&setup).await;
    assert_eq!(ws_get(&ws, "/").await.0, 200);
    let follower = setup.keys.path().join("follower.txt");
    let follower_arg = follower.to_str().expect("utf8").to_string();
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &follower_arg,
    ]);
    assert!(ok, "{stderr}");

    // Roll the server back.
    setup.server.stop();
    std::fs::remove_dir_all(&setup.server.data_dir).expect("remove");
    copy_dir(&snapshot, &setup.server.data_dir);
    setup.server.spawn();
    assert_eq!(checkpoint_size(&setup.server).await, 2);

    let (status, page) = ws_get(&ws, "/").await;
    assert_eq!(status, 409, "{page}");
    assert!(
        page.contains("STOP: the server&#39;s log is inconsistent")
            || page.contains("STOP: the server's log is inconsistent"),
        "{page}"
    );
    assert!(page.contains("shrank from 3 to 2"), "{page}");
    // Every page refuses from now on.
    let (status, _) = ws_get(&ws, "/audit").await;
    assert_eq!(status, 409);
    let _ = ws.child.kill();

    // A restarted workstation refuses to start; the follower fails too.
    let (ok, _, stderr) = run_candor(&[
        "review",
        "serve",
        "--server",
        &setup.server.url,
        "--identity",
        setup.server.reviewer.key_path.to_str().expect("utf8"),
        "--listen",
        "127.0.0.1:0",
        "--state-dir",
        setup
            .keys
            .path()
            .join("alice.state")
            .to_str()
            .expect("utf8"),
    ]);
    assert!(!ok);
    assert!(stderr.contains("THE LOG IS INCONSISTENT"), "{stderr}");
    let (ok, _, stderr) = run_candor(&[
        "log",
        "verify",
        "--server",
        &setup.server.url,
        "--state",
        &follower_arg,
    ]);
    assert!(!ok);
    assert!(stderr.contains("THE LOG IS INCONSISTENT"), "{stderr}");
}

#[test]
fn body_keys_are_written_safely() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().to_str().expect("utf8");
    let (ok, stdout, _) = run_candor(&["keygen", "body", "--name", "example.org", "--out", out]);
    assert!(ok);
    assert!(stdout.contains("decision_key = \"example.org+"));
    let mode = std::fs::metadata(dir.path().join("decision.key"))
        .expect("key")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let vkey = std::fs::read_to_string(dir.path().join("decision.vkey")).expect("vkey");
    assert!(candor_log::note::Verifier::from_vkey(vkey.trim()).is_ok());
    let witness = std::fs::read_to_string(dir.path().join("witness.vkey")).expect("witness");
    let witness = candor_log::note::Verifier::from_vkey(witness.trim()).expect("witness vkey");
    assert_eq!(witness.name(), "example.org-witness");
    assert_eq!(witness.key_type(), candor_log::note::KeyType::CosignatureV1);
    let (ok, _, stderr) = run_candor(&["keygen", "body", "--name", "example.org", "--out", out]);
    assert!(!ok && stderr.contains("already exists"));
    let (ok, _, stderr) = run_candor(&["keygen", "body", "--name", "has space", "--out", out]);
    assert!(!ok && stderr.contains("--name"), "{stderr}");
}

/// A lost `log.key` must not be replaced silently: a new key would go on signing the same
/// log, and every follower and certificate would stop verifying. Start-up stops instead.
#[test]
fn a_missing_log_key_stops_start_up_once_the_log_exists() {
    let mut server = TestServer::start();
    server.stop();
    let key = server.data_dir.join("log.key");
    let saved = server.data_dir.join("log.key.saved");
    std::fs::rename(&key, &saved).expect("move the log key away");
    let mut child = candor_command()
        .args(["serve", "--config"])
        .arg(&server.config_path)
        .env("TMPDIR", &server.tmp_dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run candor serve");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server started without its log key");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("read stderr");
    assert!(!status.success(), "started without its log key: {stderr}");
    assert!(
        stderr.contains("log.key is missing but the database holds a log"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    assert!(!key.exists(), "a new log key was written");
    // With the key restored from the backup, the same log goes on.
    std::fs::rename(&saved, &key).expect("restore the log key");
    server.spawn();
}

/// With the default settings the log integrates once a day, at midnight (UTC): neither a
/// report nor a restart makes the public checkpoint grow at once.
#[tokio::test(flavor = "multi_thread")]
async fn by_default_the_log_grows_at_most_once_a_day() {
    let mut server = TestServer::start();
    let (status, _) = submit(&server, vec![Part::Message(b"a report".to_vec())]).await;
    assert_eq!(status, 200);
    server.stop();
    server.spawn();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        checkpoint_size(&server).await,
        0,
        "the entry waits for the next midnight"
    );
}

/// The server accepts cosignatures only from the witness keys the body configured, and a
/// cosignature under the same name from another key never replaces the body's.
#[tokio::test(flavor = "multi_thread")]
async fn only_configured_witnesses_cosign() {
    let setup = start(None);
    report(&setup.server, "a report").await;
    wait_for_size(&setup.server, 1).await;
    let (name, ids) =
        candor_workstation::load_identity(&setup.server.reviewer.key_path, None).expect("id");
    let state = tempfile::tempdir().expect("tempdir");
    let trust = candor_workstation::trust::TrustStore::open(state.path()).expect("trust");
    let client = candor_workstation::Client::new(
        &setup.server.url,
        &name,
        ids,
        None,
        std::sync::Arc::new(trust),
    )
    .expect("client");
    let checkpoint = setup
        .server
        .manual_client()
        .get(format!("{}/log/checkpoint", setup.server.url))
        .send()
        .await
        .expect("checkpoint")
        .text()
        .await
        .expect("text");
    let text = candor_log::note::Note::parse(checkpoint.as_bytes())
        .expect("note")
        .text()
        .to_string();
    let request = |witness: &candor_log::note::Cosigner| candor_core::api::CosignatureRequest {
        size: 1,
        vkey: witness.verifier().to_vkey(),
        line: witness.cosign(&text, 0).expect("cosign").to_line(),
    };
    // A key of the same name, not configured: refused.
    let rogue = candor_log::keys::witness_for(
        &candor_log::keys::generate_signer("test-authority").expect("signer"),
    )
    .expect("witness");
    match client.cosign(&request(&rogue)).await {
        Err(candor_workstation::ClientError::Api {
            status: 422,
            message,
            ..
        }) => {
            assert!(message.contains("witness_keys"), "{message}")
        }
        other => panic!("a rogue cosignature was not refused: {other:?}"),
    }
    // The body's own witness key (configured): accepted, and the only one published.
    let body = candor_log::keys::read_private_key(&setup.decision_key).expect("key");
    let witness = candor_log::keys::witness_for(&body).expect("witness");
    client.cosign(&request(&witness)).await.expect("cosign");
    let checkpoint = setup
        .server
        .manual_client()
        .get(format!("{}/log/checkpoint", setup.server.url))
        .send()
        .await
        .expect("checkpoint")
        .text()
        .await
        .expect("text");
    let lines: Vec<&str> = checkpoint
        .lines()
        .filter(|l| l.starts_with("— test-authority-witness "))
        .collect();
    assert_eq!(
        lines,
        vec![request(&witness).line.trim_end()],
        "{checkpoint}"
    );
}

/// A server whose log starts over under the same key (its database replaced) shows a
/// second tree of a size already seen: `candor log verify` refuses it and prints both
/// signed checkpoints as evidence.
#[tokio::test(flavor = "multi_thread")]
async fn log_verify_reports_a_fork_with_both_signed_checkpoints() {
    let mut server = TestServer::start_with(Options {
        extra_config: "log_interval = \"1s\"".into(),
        ..Options::default()
    });
    report(&server, "the first history").await;
    wait_for_size(&server, 1).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.txt");
    let follow = |url: &str| {
        run_candor(&[
            "log",
            "verify",
            "--server",
            url,
            "--state",
            state.to_str().expect("utf8"),
        ])
    };
    let (ok, _, stderr) = follow(&server.url);
    assert!(ok, "{stderr}");
    let before = std::fs::read_to_string(&state).expect("state");

    server.stop();
    for entry in std::fs::read_dir(&server.data_dir)
        .expect("data dir")
        .flatten()
    {
        if entry.file_name().to_string_lossy().starts_with("candor.db") {
            std::fs::remove_file(entry.path()).expect("remove");
        }
    }
    // A new database (and blob folder), the same log key: another history.
    std::fs::remove_dir_all(server.blob_dir()).expect("remove");
    server.use_new_database();
    server.spawn();
    report(&server, "another history").await;
    wait_for_size(&server, 1).await;
    let (ok, stdout, stderr) = follow(&server.url);
    assert!(!ok, "a fork was accepted: {stdout}");
    assert!(stderr.contains("THE LOG IS INCONSISTENT"), "{stderr}");
    assert!(stdout.starts_with("FORK: "), "{stdout}");
    // Both checkpoints, each signed: the same origin and size, two roots.
    let notes: Vec<&str> = stdout
        .split("Seen before")
        .nth(1)
        .expect("evidence")
        .split("Served now:")
        .collect();
    assert_eq!(notes.len(), 2, "{stdout}");
    let root = |note: &str| {
        note.lines()
            .skip_while(|l| !l.contains("/log") || l.starts_with('—'))
            .nth(2)
            .map(str::to_string)
    };
    assert!(
        notes
            .iter()
            .all(|n| n.contains("\n1\n") && n.contains("— ")),
        "{stdout}"
    );
    assert_ne!(root(notes[0]), root(notes[1]), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&state).expect("state"),
        before,
        "kept as it was"
    );
}
