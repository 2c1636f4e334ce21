//! Storage: ciphertext in files written once, what crashes leave, backup and restore.

use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use candor_core::receipt::{Receipt, derive};
use candor_testkit::*;

/// A submission the server acknowledged with a receipt.
struct Acknowledged {
    receipt: String,
    message: Vec<u8>,
    file: Vec<u8>,
}

/// Six uploaders submit reports with files of up to 3 MiB without pause while the server
/// is killed with SIGKILL 20 times at random moments: every receipt that ever appeared
/// opens its case afterwards, with its message and file intact; nothing half-written is
/// left (no file in `incoming/`, no file that no row names) and the database is whole.
#[tokio::test(flavor = "multi_thread")]
async fn no_acknowledged_report_is_lost_across_twenty_kills() {
    let mut server = TestServer::start();
    let url = Arc::new(RwLock::new(server.url.clone()));
    let acknowledged = Arc::new(Mutex::new(Vec::<Acknowledged>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut uploaders = Vec::new();
    for uploader in 0..6u64 {
        let (url, acknowledged, stop) = (url.clone(), acknowledged.clone(), stop.clone());
        uploaders.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .expect("client");
            let mut round = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                round += 1;
                let seed = uploader * 1_000_003 + round;
                let message = format!("report {uploader}-{round}").into_bytes();
                let file = bytes(100_000 + (seed as usize * 7919) % (3 << 20), seed);
                let parts = vec![
                    Part::Message(message.clone()),
                    candor_testkit::file("evidence.bin", "application/octet-stream", file.clone()),
                ];
                let target = format!("{}/submit", url.read().expect("url"));
                let Ok(response) = client.post(target).multipart(form(parts)).send().await else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let Ok(html) = response.text().await else {
                    continue;
                };
                if let Some(receipt) = receipt_from(&html) {
                    acknowledged.lock().expect("list").push(Acknowledged {
                        receipt,
                        message,
                        file,
                    });
                }
            }
        }));
    }
    let mut kills = 0;
    let mut pause = 0x2545_f491_4f6c_dd1du64;
    while kills < 20 {
        pause ^= pause << 13;
        pause ^= pause >> 7;
        pause ^= pause << 17;
        tokio::time::sleep(Duration::from_millis(150 + pause % 600)).await;
        tokio::task::block_in_place(|| {
            server.kill();
            server.spawn();
        });
        *url.write().expect("url") = server.url.clone();
        kills += 1;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for uploader in uploaders {
        uploader.await.expect("uploader");
    }
    // A last kill, with no upload in progress, and a start that cleans up.
    tokio::task::block_in_place(|| {
        server.kill();
        server.spawn();
    });

    let acknowledged = std::mem::take(&mut *acknowledged.lock().expect("list"));
    assert!(
        acknowledged.len() >= 20,
        "the uploaders got only {} receipts",
        acknowledged.len()
    );
    let store = server.store().await;
    store
        .integrity_check()
        .await
        .expect("integrity_check is ok");
    let (_, pending, orphans) = store.blob_counts().await.expect("counts");
    assert_eq!((pending, orphans), (0, 0), "nothing half-written is left");
    store.close().await;
    assert_reports(&server, &server.reviewer.key_path, &acknowledged).await;
    eprintln!(
        "{} acknowledged reports across {kills} kills, all intact",
        acknowledged.len()
    );
}

/// Submits a report of a message and a file; returns its receipt.
async fn report(server: &TestServer, message: &[u8], file: &[u8]) -> String {
    let (status, html) = submit(
        server,
        vec![
            Part::Message(message.to_vec()),
            candor_testkit::file("evidence.bin", "application/octet-stream", file.to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    receipt_from(&html).expect("receipt")
}

/// Checks that every receipt opens its case on the server, with its message and file
/// decrypting byte-identical.
async fn assert_reports(server: &TestServer, key: &std::path::Path, reports: &[Acknowledged]) {
    let store = server.store().await;
    let install = store.install().await.expect("install");
    for ack in reports {
        let code = Receipt::parse(&ack.receipt).expect("code");
        let derived = derive(&code, &install.receipt_salt, install.kdf).expect("derive");
        let case = store
            .case_by_lookup(&derived.lookup_key[..])
            .await
            .expect("lookup")
            .expect("a receipt opens its case");
        let items = &store.messages(case.id).await.expect("messages")[0].items;
        let text = store.read_blob(items[0].blob_id).await.expect("text");
        assert_eq!(age_decrypt(key, &text), ack.message);
        let file = store.read_blob(items[1].blob_id).await.expect("file");
        assert!(
            age_decrypt(key, &file) == ack.file,
            "a file is byte-identical"
        );
    }
    store.close().await;
}

/// `candor backup` while the server runs and an upload streams; the folder checks with
/// `sha256sum -c`; `candor restore` refuses a changed or extra file and a data folder
/// that holds an install, and restores into an empty one: every receipt opens its case,
/// every file decrypts byte-identical, the log is the same.
#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_while_running_restores_every_case() {
    let mut server = TestServer::start();
    let mut reports = Vec::new();
    for i in 0..5u64 {
        let message = format!("backed-up report {i}").into_bytes();
        let file = bytes(200_000 + i as usize * 70_000, 40 + i);
        let receipt = report(&server, &message, &file).await;
        reports.push(Acknowledged {
            receipt,
            message,
            file,
        });
    }
    // An upload that streams, slowly, while the backup is taken.
    let authority = server.authority();
    let streaming = std::thread::spawn(move || {
        use std::io::Write;
        let mut stream = std::net::TcpStream::connect(&authority).expect("connect");
        let total = 40 * 1024 * 1024;
        let head = format!(
            "POST /submit HTTP/1.1\r\nHost: {authority}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: {}\r\n\r\n--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"slow.bin\"\r\n\r\n",
            total + 200
        );
        let _ = stream.write_all(head.as_bytes());
        let piece = bytes(1024 * 1024, 8);
        for _ in 0..20 {
            if stream.write_all(&piece).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let out = server.root.path().join("backup");
    let config = server.config_path.to_str().expect("utf8").to_string();
    let (ok, stdout, stderr) = run_candor(&[
        "backup",
        "--config",
        &config,
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Backed up the database, 20 blobs"),
        "{stdout}"
    );
    streaming.join().expect("upload");
    let checked = std::process::Command::new("sha256sum")
        .args(["-c", "--quiet", "MANIFEST.sha256"])
        .current_dir(&out)
        .status()
        .expect("sha256sum");
    assert!(checked.success(), "the stock sha256sum checks the backup");
    let (ok, _, stderr) = run_candor(&[
        "backup",
        "--config",
        &config,
        "--out",
        out.to_str().expect("utf8"),
    ]);
    assert!(!ok && stderr.contains("is not empty"), "{stderr}");

    // Into the running install: refused.
    let (ok, _, stderr) =
        run_candor(&["restore", out.to_str().expect("utf8"), "--config", &config]);
    assert!(!ok && stderr.contains("already holds a"), "{stderr}");
    let checkpoint = server
        .store()
        .await
        .latest_checkpoint()
        .await
        .expect("checkpoint");

    // Into an empty data folder.
    server.stop();
    std::fs::rename(&server.data_dir, server.root.path().join("data.old")).expect("move away");
    server.use_new_database();
    for (what, spoil) in [
        (
            "changed",
            &(|dir: &std::path::Path| {
                let db = dir.join("candor.db");
                let mut bytes = std::fs::read(&db).expect("db");
                let last = bytes.len() - 1;
                bytes[last] ^= 1;
                std::fs::write(&db, bytes).expect("spoil");
            }) as &dyn Fn(&std::path::Path),
        ),
        ("does not list", &|dir: &std::path::Path| {
            std::fs::write(dir.join("blobs/extra"), b"x").expect("extra");
        }),
    ] {
        let spoiled = server.root.path().join("spoiled");
        let _ = std::fs::remove_dir_all(&spoiled);
        copy_dir(&out, &spoiled);
        spoil(&spoiled);
        let (ok, _, stderr) = run_candor(&[
            "restore",
            spoiled.to_str().expect("utf8"),
            "--config",
            &config,
        ]);
        assert!(!ok && stderr.contains(what), "{what}: {stderr}");
        assert!(
            !server.data_dir.join("candor.db").exists(),
            "nothing restored"
        );
    }
    let (ok, stdout, stderr) =
        run_candor(&["restore", out.to_str().expect("utf8"), "--config", &config]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Restored 20 blobs"), "{stdout}");
    server.spawn();
    assert_reports(&server, &server.reviewer.key_path, &reports).await;
    assert_eq!(
        server
            .store()
            .await
            .latest_checkpoint()
            .await
            .expect("checkpoint"),
        checkpoint,
        "the same log"
    );
    // And the restored server takes new reports.
    report(&server, b"after the restore", b"new file").await;
}

/// With `[retention] closed_after_months = 0`: a closed case is shown for deletion (to
/// its reporter and on the workstation) and deleted at the next sweep (here, at start),
/// leaving none of its ciphertext, lookup key or reporter key anywhere in the data folder
/// (database, WAL, blob folder); a closed case under a legal hold placed from the
/// workstation, and an open case, are kept; the deletion is in the audit trail.
#[tokio::test(flavor = "multi_thread")]
async fn retention_deletes_closed_cases_for_good_and_keeps_held_ones() {
    let mut server = TestServer::start_with(Options {
        extra_config: "[retention]\nclosed_after_months = 0\n".into(),
        ..Options::default()
    });
    let mut reports = Vec::new();
    for name in ["deleted", "held", "open"] {
        let message = format!("the {name} case").into_bytes();
        let file = bytes(150_000, name.len() as u64);
        let receipt = report(&server, &message, &file).await;
        reports.push(Acknowledged {
            receipt,
            message,
            file,
        });
    }
    let store = server.store().await;
    let install = store.install().await.expect("install");
    let mut cases = Vec::new();
    for ack in &reports {
        let code = Receipt::parse(&ack.receipt).expect("code");
        let derived = derive(&code, &install.receipt_salt, install.kdf).expect("derive");
        let case = store
            .case_by_lookup(&derived.lookup_key[..])
            .await
            .expect("lookup")
            .expect("case");
        cases.push((case, derived.lookup_key.to_vec()));
    }
    // What the deleted case leaves nowhere: a piece of each ciphertext, its lookup key and
    // its reporter key (rows: in SQLite's file and WAL, or in PostgreSQL's table files and
    // WAL).
    let (deleted, lookup_key) = &cases[0];
    let mut canaries = vec![
        lookup_key.clone(),
        deleted.reporter_recipient.as_bytes().to_vec(),
    ];
    for message in store.messages(deleted.id).await.expect("messages") {
        for item in message.items {
            for blob in std::iter::once(item.blob_id).chain(item.meta_blob_id) {
                let ciphertext = store.read_blob(blob).await.expect("blob");
                let middle = ciphertext.len() / 2;
                canaries.push(ciphertext[middle - 24..middle + 24].to_vec());
            }
        }
    }
    store.close().await;

    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    for (case, _) in &cases[..2] {
        let (_, page) = ws.get(&format!("/cases/{}", case.reference)).await;
        let csrf = csrf_from(&page).expect("csrf");
        let r = ws
            .post_form(
                &format!("/cases/{}/status", case.reference),
                &[("csrf", &csrf), ("status", "closed")],
            )
            .await;
        assert_eq!(r.status(), 303);
    }
    let held = &cases[1].0.reference;
    let (_, page) = ws.get(&format!("/cases/{held}")).await;
    assert!(page.contains("Place a legal hold"), "{page}");
    let csrf = csrf_from(&page).expect("csrf");
    let r = ws
        .post_form(
            &format!("/cases/{held}/hold"),
            &[("csrf", &csrf), ("hold", "on")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let today = candor_core::days::Day::today().to_string();
    let (_, page) = ws.get(&format!("/cases/{held}")).await;
    assert!(page.contains("Under a legal hold"), "{page}");
    let (_, page) = ws.get(&format!("/cases/{}", deleted.reference)).await;
    assert!(
        page.contains(&format!("deleted for good on <strong>{today}</strong>")),
        "{page}"
    );

    // The reporters are told ahead of time.
    for (ack, expected) in reports[..2].iter().zip([
        format!("deleted for good on {today}"),
        "a legal hold".to_string(),
    ]) {
        let (_, cookie, _) = sign_in(&server, &ack.receipt).await;
        let cookie = cookie_pair(&cookie.expect("cookie"));
        let (status, page) = get_with_cookie(&server, "/case", &cookie).await;
        assert_eq!(status, 200);
        assert!(page.contains(&expected), "{expected}: {page}");
    }
    drop(ws);

    // Where the canaries are: the data folder, and a PostgreSQL server's own files.
    let (data_dir, database) = (server.data_dir.clone(), server.database_url());
    let postgres = !server.is_sqlite();
    if postgres {
        // The rows into the table files too, not only the WAL.
        let checkpoint = std::process::Command::new("psql")
            .args(["-q", &database, "-c", "CHECKPOINT"])
            .status();
        assert!(checkpoint.is_ok_and(|s| s.success()), "CHECKPOINT");
    }
    let holding = |canary: &[u8]| {
        let mut hits = files_containing(&data_dir, canary);
        if postgres {
            hits.extend(postgres_files_containing(&database, canary));
        }
        hits
    };
    for canary in &canaries {
        assert!(
            !holding(canary).is_empty(),
            "the search finds what is there"
        );
    }
    // The next sweep: at start.
    server.stop();
    server.spawn();
    // The sweep is over (its rows' copies shredded too) when it says how many it deleted.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !server.log_text().contains("retention deleted closed cases") {
        assert!(
            std::time::Instant::now() < deadline,
            "the sweep did not end: {}",
            server.log_text()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let store = server.store().await;
    let gone = store.case_by_reference(&deleted.reference).await;
    assert!(
        gone.expect("lookup").is_none(),
        "the closed case is deleted"
    );
    store.close().await;
    assert_reports(&server, &server.reviewer.key_path, &reports[1..]).await;
    let store = server.store().await;
    let audit = store
        .audit_entries(Some(&deleted.reference), 10)
        .await
        .expect("audit");
    assert!(
        audit
            .iter()
            .any(|a| a.action == "deleted case" && a.reviewer == "retention"),
        "{audit:?}"
    );
    let (_, pending, orphans) = store.blob_counts().await.expect("counts");
    assert_eq!((pending, orphans), (0, 0));
    store.close().await;
    let (status, _, _) = sign_in(&server, &reports[0].receipt).await;
    assert_ne!(status, 303, "the deleted case's receipt opens nothing");
    for canary in &canaries {
        let hits = holding(canary);
        assert!(
            hits.is_empty(),
            "a canary of the deleted case is in {hits:?}"
        );
    }
}

/// `candor migrate` moves a SQLite install into a new PostgreSQL database: the server then
/// starts on PostgreSQL with the same blob folder, every receipt opens its case, every file
/// decrypts byte-identical, the log is the same; a second migration into the now-used
/// database is refused, and a server pointed at a new database beside the old blob folder
/// refuses to start rather than take its files for leftovers.
#[tokio::test(flavor = "multi_thread")]
async fn migrate_moves_a_sqlite_install_to_postgresql() {
    if test_database().is_some() {
        return; // The suite's PostgreSQL run: this test starts from SQLite.
    }
    if std::env::var("TEST_POSTGRES_URL").is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must test PostgreSQL");
        eprintln!("skipped: TEST_POSTGRES_URL is not set");
        return;
    }
    let mut server = TestServer::start();
    let mut reports = Vec::new();
    for i in 0..4u64 {
        let message = format!("migrated report {i}").into_bytes();
        let file = bytes(120_000 + i as usize * 10_000, 60 + i);
        let receipt = report(&server, &message, &file).await;
        reports.push(Acknowledged {
            receipt,
            message,
            file,
        });
    }
    let checkpoint = server
        .store()
        .await
        .latest_checkpoint()
        .await
        .expect("checkpoint");
    server.stop();

    let target = new_postgres_database();
    let db = server.db_path();
    let from = db.to_str().expect("utf8");
    let (ok, stdout, stderr) = run_candor(&["migrate", "--from", from, "--to", &target]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("all 16 blobs match"), "{stdout}");
    let (ok, _, stderr) = run_candor(&["migrate", "--from", from, "--to", &target]);
    assert!(!ok && stderr.contains("already holds rows"), "{stderr}");

    // A new, empty database beside the old blob folder: refused, nothing deleted.
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    let with_url = |url: &str| format!("database_url = \"{url}\"\n{config}");
    std::fs::write(&server.config_path, with_url(&new_postgres_database())).expect("config");
    let started = candor_command()
        .args(["serve", "--config"])
        .arg(&server.config_path)
        .output()
        .expect("serve");
    let said = String::from_utf8_lossy(&started.stderr);
    assert!(
        !started.status.success() && said.contains("belongs to another database"),
        "{said}"
    );
    let files = candor_store::blobs::BlobDir::at(&server.blob_dir())
        .stored_ids()
        .expect("blob folder");
    assert_eq!(files.len(), 16, "every blob file is still there");

    // The migrated database.
    std::fs::write(&server.config_path, with_url(&target)).expect("config");
    std::fs::remove_file(&db).expect("the SQLite file goes");
    server.spawn();
    assert!(!server.is_sqlite());
    assert_reports(&server, &server.reviewer.key_path, &reports).await;
    assert_eq!(
        server
            .store()
            .await
            .latest_checkpoint()
            .await
            .expect("checkpoint"),
        checkpoint,
        "the same log"
    );
    report(&server, b"after the migration", b"a new file").await;
}
