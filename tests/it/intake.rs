//! Reporter intake against a real server on loopback.

use std::time::Duration;

use candor_testkit::*;
use sha2::{Digest, Sha256};

use candor_core::receipt::{Receipt, derive};
use candor_store::ItemKind;

#[tokio::test(flavor = "multi_thread")]
async fn message_and_three_files_decrypt_with_stock_age() {
    let server = TestServer::start();
    let big = bytes(50 * 1024 * 1024, 1);
    let small = b"minutes of the meeting\n".to_vec();
    let binary = bytes(70_000, 2);
    let message = "The director moved the funds on 3 March.\nÉté — ünïcödé ✓"
        .as_bytes()
        .to_vec();
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(message.clone()),
            file("ledger.bin", "application/octet-stream", big.clone()),
            file("minutes.txt", "text/plain", small.clone()),
            file("scan 04.pdf", "application/pdf", binary.clone()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let code = receipt_from(&html).expect("receipt in #receipt");
    assert_eq!(code.split(' ').count(), 8);

    let store = server.store().await;
    let cases = store.cases().await.expect("cases");
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].status.as_str(), "received");
    let messages = store.messages(cases[0].id).await.expect("messages");
    assert_eq!(messages.len(), 1);
    let items = &messages[0].items;
    assert_eq!(items.len(), 5, "text, three files, and the receipt record");
    assert_eq!(items[0].kind, ItemKind::Text);
    assert_eq!(items[4].kind, ItemKind::Record);
    assert_eq!(items[0].meta_blob_id, None);
    let text = age_decrypt(
        &server.reviewer.key_path,
        &store.read_blob(items[0].blob_id).await.expect("blob"),
    );
    assert_eq!(text, message);

    let expected = [
        ("ledger.bin", "application/octet-stream", &big),
        ("minutes.txt", "text/plain", &small),
        ("scan 04.pdf", "application/pdf", &binary),
    ];
    for (item, (name, ctype, content)) in items[1..4].iter().zip(expected) {
        assert_eq!(item.kind, ItemKind::File);
        let plain = age_decrypt(
            &server.reviewer.key_path,
            &store.read_blob(item.blob_id).await.expect("blob"),
        );
        assert!(plain == *content, "{name}: decrypted bytes differ");
        let meta_ct = store
            .read_blob(item.meta_blob_id.expect("meta"))
            .await
            .expect("meta blob");
        let meta: serde_json::Value =
            serde_json::from_slice(&age_decrypt(&server.reviewer.key_path, &meta_ct))
                .expect("json");
        assert_eq!(meta["name"], name);
        assert_eq!(meta["type"], ctype);
        assert_eq!(meta["size"], content.len() as u64);
        assert_eq!(meta["sha256"], hex::encode(Sha256::digest(content)));
    }

    // The reporter's identity, derived again from the receipt, opens the reporter's own
    // items too: that is how the reporter re-reads the conversation later.
    let install = store.install().await.expect("install");
    let derived = derive(
        &Receipt::parse(&code).expect("code"),
        &install.receipt_salt,
        install.kdf,
    )
    .expect("derive");
    assert_eq!(derived.recipient().to_string(), cases[0].reporter_recipient);
    let text_ct = store.read_blob(items[0].blob_id).await.expect("blob");
    let reopened = candor_core::seal::open_bytes(std::slice::from_ref(&derived.identity), &text_ct)
        .expect("reporter opens");
    assert_eq!(*reopened, message);

    // The receipt record commits to the SHA-256 of every stored ciphertext.
    let record = age_decrypt(
        &server.reviewer.key_path,
        &store.read_blob(items[4].blob_id).await.expect("blob"),
    );
    let opening = candor_log::entry::Opening::parse(std::str::from_utf8(&record).expect("utf8"))
        .expect("opening");
    assert_eq!(opening.kind, candor_log::entry::Kind::ReportReceived);
    assert_eq!(opening.case, cases[0].reference);
    let mut expected_hashes: Vec<[u8; 32]> = Vec::new();
    for item in &items[..4] {
        expected_hashes
            .push(Sha256::digest(store.read_blob(item.blob_id).await.expect("blob")).into());
        if let Some(meta) = item.meta_blob_id {
            expected_hashes.push(Sha256::digest(store.read_blob(meta).await.expect("blob")).into());
        }
    }
    assert_eq!(opening.ciphertexts, expected_hashes);
}

#[tokio::test(flavor = "multi_thread")]
async fn canary_is_never_stored_or_logged_in_clear() {
    let started = std::time::SystemTime::now();
    let server = TestServer::start();
    let message_canary = canary("msg");
    let file_canary = canary("file");
    let name_canary = canary("name");
    let mut file_bytes = bytes(300_000, 3);
    file_bytes.extend_from_slice(file_canary.as_bytes());
    file_bytes.extend_from_slice(&bytes(200_000, 4));
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(format!("before {message_canary} after").into_bytes()),
            file(&format!("{name_canary}.txt"), "text/plain", file_bytes),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let code = receipt_from(&html).expect("receipt");
    // A failed submission (its message turns out not to be UTF-8 after the canary was
    // already encrypted and written) must leave nothing behind either.
    let mut bad = format!("{message_canary} ").into_bytes();
    bad.extend_from_slice(
        &bytes(500_000, 9)
            .iter()
            .map(|b| b & 0x7f)
            .collect::<Vec<u8>>(),
    );
    bad.push(0xff);
    let (status, _) = submit(
        &server,
        vec![
            file(
                &format!("{name_canary}.bin"),
                "text/plain",
                file_canary.clone().into_bytes(),
            ),
            Part::Message(bad),
        ],
    )
    .await;
    assert_eq!(status, 400);

    let mut server = server;
    server.stop(); // flushes the WAL into the database file
    let log = server.log_text();
    for needle in [&message_canary, &file_canary, &name_canary, &code] {
        let hits = files_containing(&server.data_dir, needle.as_bytes());
        assert!(hits.is_empty(), "found in {hits:?}");
        let hits = files_containing(&server.tmp_dir, needle.as_bytes());
        assert!(hits.is_empty(), "found in {hits:?}");
        let hits = recent_files_containing(&std::env::temp_dir(), needle.as_bytes(), started);
        assert!(hits.is_empty(), "found in {hits:?}");
        assert!(
            !log.contains(needle.as_str()),
            "found in the server's log output"
        );
    }
    // Every receipt word set is absent too (not just the joined string).
    assert!(!log.contains(&code));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_carries_the_security_headers() {
    let server = TestServer::start_with(Options {
        max_upload_bytes: 1024 * 1024,
        ..Options::default()
    });
    let client = server.client();
    let css = client
        .get(format!("{}/static/candor.css", server.url))
        .send()
        .await
        .expect("css");
    assert_eq!(css.status(), 200);
    assert_security_headers(css.headers(), "css");
    let css_text = css.text().await.expect("css");
    assert_reporter_safe(&css_text, "css");

    for (path, status) in [
        ("/", 200),
        ("/submit", 200),
        ("/followup", 200),
        ("/transparency", 200),
        ("/case", 401),
        ("/case/files/1", 401),
        ("/case/certificates/1", 401),
        ("/no/such/page", 404),
        ("/static/other.css", 404),
        ("/log/tile/0/999", 404),
        ("/logout", 405),
    ] {
        let r = client
            .get(format!("{}{path}", server.url))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status().as_u16(), status, "{path}");
        assert_security_headers(r.headers(), path);
        let html = r.text().await.expect("text");
        assert_reporter_safe(&html, path);
        assert!(
            html.len() + css_text.len() < 20 * 1024,
            "{path}: page and stylesheet must stay under 20 KB together"
        );
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/candor.css\">"));
    }

    // The log's public files: plain text, with the same headers.
    for path in ["/log/checkpoint", "/log/keys"] {
        let r = client
            .get(format!("{}{path}", server.url))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), 200, "{path}");
        assert_security_headers(r.headers(), path);
    }

    // Refusals by the framework itself are pages too: a path that is not a number, a
    // sign-in form over its limit, a bad sign-in form.
    let (status, page) = get_with_cookie(&server, "/case/files/not-a-number", "x=y").await;
    assert_eq!(status, 400);
    assert!(page.contains("<h1>"), "{page}");
    for (body, status) in [("x".repeat(10_000), 413), ("nothing=here".to_string(), 400)] {
        let r = client
            .post(format!("{}/followup", server.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(r.status().as_u16(), status);
        assert_security_headers(r.headers(), "sign-in refusal");
        let html = r.text().await.expect("text");
        assert!(html.contains("<h1>"), "{html}");
        assert_reporter_safe(&html, "sign-in refusal");
    }

    // The receipt page: never cached, no third party.
    let r = client
        .post(format!("{}/submit", server.url))
        .multipart(form(vec![Part::Message(b"headers".to_vec())]))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    assert_security_headers(r.headers(), "receipt");
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_reporter_safe(&r.text().await.expect("text"), "receipt");

    // 400: a form that is not multipart.
    let r = client
        .post(format!("{}/submit", server.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("message=hi")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 400);
    assert_security_headers(r.headers(), "400");

    // 413: over the limit.
    let (status, html) = submit(
        &server,
        vec![file(
            "big.bin",
            "application/octet-stream",
            bytes(2 * 1024 * 1024, 5),
        )],
    )
    .await;
    assert_eq!(status, 413, "{html}");
    let r = client
        .post(format!("{}/submit", server.url))
        .multipart(form(vec![file(
            "big.bin",
            "application/octet-stream",
            bytes(2 * 1024 * 1024, 5),
        )]))
        .send()
        .await
        .expect("post");
    assert_security_headers(r.headers(), "413");

    // 403: a cross-site form post.
    let r = client
        .post(format!("{}/submit", server.url))
        .header("sec-fetch-site", "cross-site")
        .multipart(form(vec![Part::Message(b"hello".to_vec())]))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    assert_security_headers(r.headers(), "403");
    // 500: see `the_500_page_carries_the_headers`.

    let store = server.store().await;
    assert_eq!(
        store.cases().await.expect("cases").len(),
        1,
        "only the report of the receipt check"
    );
}

/// 500: the database refuses writes (another process holds the write lock). The page says
/// plainly that nothing was stored, carries the headers, and the server recovers.
#[tokio::test(flavor = "multi_thread")]
async fn the_500_page_carries_the_headers() {
    let server = TestServer::start();
    if !server.is_sqlite() {
        return; // The lock below is SQLite's; the page is the same with PostgreSQL.
    }
    let lock = DbWriteLock::hold(&server.db_path());
    let r = server
        .client()
        .post(format!("{}/submit", server.url))
        .multipart(form(vec![Part::Message(b"while locked".to_vec())]))
        .send()
        .await
        .expect("post");
    drop(lock);
    assert_eq!(r.status(), 500, "{}", server.log_text());
    assert_security_headers(r.headers(), "500");
    let html = r.text().await.expect("text");
    assert_reporter_safe(&html, "500");
    assert!(html.contains("NOT stored"));
    let r = server
        .client()
        .get(format!("{}/", server.url))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 200, "the server recovers");
    let store = server.store().await;
    assert!(store.cases().await.expect("cases").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn over_the_limit_is_413_and_nothing_is_stored() {
    let server = TestServer::start_with(Options {
        max_upload_bytes: 1024 * 1024,
        ..Options::default()
    });
    // Declared far too large: refused at once, before the body is read.
    let request = format!(
        "POST /submit HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: {}\r\nConnection: close\r\n\r\n--XYZ\r\n",
        server.authority(),
        100 * 1024 * 1024
    );
    let response = raw_http(&server.authority(), request.as_bytes());
    assert_eq!(status_of(&response), 413, "{response}");
    assert!(response.contains("Report too large"));

    // Declared a little too large: read to the end, then refused, so that an ordinary
    // client sees the page.
    let (status, html) = submit(
        &server,
        vec![file(
            "big.bin",
            "application/octet-stream",
            bytes(3 * 1024 * 1024, 5),
        )],
    )
    .await;
    assert_eq!(status, 413);
    assert!(html.contains("Report too large"));

    // Streamed without a declared length: refused when the limit is crossed.
    let mut body = Vec::new();
    body.extend_from_slice(b"--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(&bytes(3 * 1024 * 1024, 6));
    body.extend_from_slice(b"\r\n--XYZ--\r\n");
    let mut request = format!(
        "POST /submit HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.authority()
    )
    .into_bytes();
    for chunk in body.chunks(64 * 1024) {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let response = raw_http(&server.authority(), &request);
    assert_eq!(
        status_of(&response),
        413,
        "{}",
        &response[..response.len().min(300)]
    );

    // Give the cleanup of the interrupted upload a moment, then check nothing remains.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let store = server.store().await;
    assert!(store.cases().await.expect("cases").is_empty());
    let (committed, pending, orphans) = store.blob_counts().await.expect("counts");
    assert_eq!((committed, pending, orphans), (0, 0, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_multipart_is_400() {
    let server = TestServer::start();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "multipart/form-data; boundary=XYZ",
            b"this is not multipart".to_vec(),
        ),
        (
            "multipart/form-data; boundary=XYZ",
            b"--XYZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nunterminated"
                .to_vec(),
        ),
        ("multipart/form-data", b"--XYZ\r\n".to_vec()),
        ("text/plain", b"hello".to_vec()),
        (
            "multipart/form-data; boundary=XYZ",
            b"--XYZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XYZ--\r\n"
                .to_vec(),
        ),
        (
            "multipart/form-data; boundary=XYZ",
            b"--XYZ\r\nbroken header line\r\n\r\nx\r\n--XYZ--\r\n".to_vec(),
        ),
    ];
    for (content_type, body) in cases {
        let r = server
            .client()
            .post(format!("{}/submit", server.url))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 400, "{content_type}");
        let text = r.text().await.expect("text");
        assert!(text.contains("nothing was stored"), "{text}");
    }
    let store = server.store().await;
    assert!(store.cases().await.expect("cases").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn non_utf8_message_gets_a_clear_error() {
    let server = TestServer::start();
    let (status, html) = submit(&server, vec![Part::Message(b"caf\xe9 au lait".to_vec())]).await;
    assert_eq!(status, 400);
    assert!(html.contains("characters that could not be read"), "{html}");
    assert!(html.contains("<form"), "the form is shown again");
    let store = server.store().await;
    assert!(store.cases().await.expect("cases").is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn empty_submission_shows_the_form_again() {
    let server = TestServer::start();
    for parts in [
        vec![Part::Message(Vec::new())],
        vec![Part::Message(b"  \r\n\t ".to_vec())],
        vec![
            Part::Message(Vec::new()),
            file("", "application/octet-stream", Vec::new()),
        ],
    ] {
        let (status, html) = submit(&server, parts).await;
        assert_eq!(status, 400);
        assert!(html.contains("Your report is empty"), "{html}");
        assert!(html.contains("<textarea"));
    }
    let store = server.store().await;
    assert!(store.cases().await.expect("cases").is_empty());
    assert_eq!(store.blob_counts().await.expect("counts"), (0, 0, 0));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_tiny_files_in_one_submission() {
    let server = TestServer::start();
    let parts: Vec<Part> = (0..1000)
        .map(|i| {
            file(
                &format!("note-{i:04}.txt"),
                "text/plain",
                format!("tiny file number {i}\n").into_bytes(),
            )
        })
        .collect();
    let (status, html) = submit(&server, parts).await;
    assert_eq!(status, 200, "{html}\n{}", server.log_text());
    assert!(receipt_from(&html).is_some());
    assert!(html.contains("1000 files"));
    let store = server.store().await;
    let case = &store.cases().await.expect("cases")[0];
    let messages = store.messages(case.id).await.expect("messages");
    let items = &messages[0].items;
    assert_eq!(items.len(), 1001, "1000 files and the receipt record");
    for i in [0usize, 1, 499, 999] {
        let plain = age_decrypt(
            &server.reviewer.key_path,
            &store.read_blob(items[i].blob_id).await.expect("blob"),
        );
        assert_eq!(plain, format!("tiny file number {i}\n").into_bytes());
        let meta = age_decrypt(
            &server.reviewer.key_path,
            &store
                .read_blob(items[i].meta_blob_id.expect("meta"))
                .await
                .expect("blob"),
        );
        let meta: serde_json::Value = serde_json::from_slice(&meta).expect("json");
        assert_eq!(meta["name"], format!("note-{i:04}.txt"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_concurrent_submissions_are_all_stored() {
    let server = TestServer::start();
    let mut tasks = Vec::new();
    for i in 0..20u64 {
        let client = server.client();
        let url = format!("{}/submit", server.url);
        tasks.push(tokio::spawn(async move {
            let content = bytes(200_000 + (i as usize) * 10_000, 100 + i);
            let r = client
                .post(url)
                .multipart(form(vec![
                    Part::Message(format!("report number {i}").into_bytes()),
                    file(
                        &format!("evidence-{i}.bin"),
                        "application/octet-stream",
                        content.clone(),
                    ),
                ]))
                .send()
                .await
                .expect("send");
            let status = r.status().as_u16();
            let html = r.text().await.expect("text");
            (i, status, html, content)
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.expect("join"));
    }
    let store = server.store().await;
    let install = store.install().await.expect("install");
    for (i, status, html, content) in &results {
        assert_eq!(*status, 200, "submission {i}: {html}");
        let code = receipt_from(html).expect("receipt");
        let derived = derive(
            &Receipt::parse(&code).expect("code"),
            &install.receipt_salt,
            install.kdf,
        )
        .expect("derive");
        let case = store
            .case_by_lookup(&derived.lookup_key[..])
            .await
            .expect("lookup")
            .expect("case exists");
        let messages = store.messages(case.id).await.expect("messages");
        let items = &messages[0].items;
        let text = age_decrypt(
            &server.reviewer.key_path,
            &store.read_blob(items[0].blob_id).await.expect("blob"),
        );
        assert_eq!(text, format!("report number {i}").into_bytes());
        let file = age_decrypt(
            &server.reviewer.key_path,
            &store.read_blob(items[1].blob_id).await.expect("blob"),
        );
        assert!(file == *content, "file of submission {i}");
    }
    assert_eq!(store.cases().await.expect("cases").len(), 20);
    let receipts: std::collections::HashSet<String> =
        results.iter().filter_map(|r| receipt_from(&r.2)).collect();
    assert_eq!(receipts.len(), 20, "every receipt is different");
}

#[tokio::test(flavor = "multi_thread")]
async fn killed_mid_upload_leaves_nothing_partial() {
    let mut server = TestServer::start();
    // An earlier, complete submission.
    let earlier = bytes(1_500_000, 7);
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(b"earlier report".to_vec()),
            file("earlier.bin", "application/octet-stream", earlier.clone()),
        ],
    )
    .await;
    assert_eq!(status, 200);
    let earlier_code = receipt_from(&html).expect("receipt");

    // A large upload that is still streaming when the server is killed.
    let authority = server.authority();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut stream = std::net::TcpStream::connect(&authority).expect("connect");
        let total = 150 * 1024 * 1024;
        let head = format!(
            "POST /submit HTTP/1.1\r\nHost: {authority}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: {}\r\n\r\n--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.bin\"\r\n\r\n",
            total + 200
        );
        let _ = stream.write_all(head.as_bytes());
        let piece = bytes(1024 * 1024, 8);
        let mut sent = 0usize;
        while sent < total {
            if stream.write_all(&piece).is_err() {
                break;
            }
            sent += piece.len();
        }
        sent
    });
    // Wait until chunks of the unfinished upload are in the database.
    let store = server.store().await;
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (_, pending, _) = store.blob_counts().await.expect("counts");
        if pending > 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "upload never reached the database"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    let sent = writer.join().expect("writer");
    assert!(
        sent < 150 * 1024 * 1024,
        "the server died before the upload finished"
    );
    store.close().await;

    server.spawn();
    let store = server.store().await;
    store
        .integrity_check()
        .await
        .expect("integrity_check is ok");
    let (committed, pending, orphans) = store.blob_counts().await.expect("counts");
    assert_eq!(
        (pending, orphans),
        (0, 0),
        "leftover chunks were cleaned up"
    );
    assert_eq!(
        committed, 4,
        "only the earlier submission's blobs remain (text, file, metadata, record)"
    );
    let cases = store.cases().await.expect("cases");
    assert_eq!(cases.len(), 1, "nothing partial is visible");
    let install = store.install().await.expect("install");
    let derived = derive(
        &Receipt::parse(&earlier_code).expect("code"),
        &install.receipt_salt,
        install.kdf,
    )
    .expect("derive");
    let case = store
        .case_by_lookup(&derived.lookup_key[..])
        .await
        .expect("lookup")
        .expect("case");
    let messages = store.messages(case.id).await.expect("messages");
    let file = age_decrypt(
        &server.reviewer.key_path,
        &store
            .read_blob(messages[0].items[1].blob_id)
            .await
            .expect("blob"),
    );
    assert!(file == earlier, "earlier submission intact");
}

/// One request whose part header never ends: refused after a bounded read, whatever it
/// sends, and the server's memory does not grow with it.
#[tokio::test(flavor = "multi_thread")]
async fn a_part_header_that_never_ends_costs_no_memory() {
    use std::io::{Read, Write};
    let server = TestServer::start();
    // A first report warms up what every submission uses (the Argon2id memory).
    let (status, _) = submit(&server, vec![Part::Message(b"warm up".to_vec())]).await;
    assert_eq!(status, 200);
    let pid = server.pid().expect("pid");
    reset_hwm(pid);
    let before = rss_kib(pid, "VmHWM:");
    let authority = server.authority();
    let (sent, response) = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(&authority).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .expect("timeout");
        let total: u64 = 150 * 1024 * 1024;
        write!(
            stream,
            "POST /submit HTTP/1.1\r\nHost: {authority}\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: {}\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"",
            total + 60
        )
        .expect("head");
        let block = vec![b'a'; 1024 * 1024];
        let mut sent = 0u64;
        while sent < total && stream.write_all(&block).is_ok() {
            sent += block.len() as u64;
        }
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        (sent, String::from_utf8_lossy(&response).into_owned())
    })
    .await
    .expect("attack");
    let growth_mib = rss_kib(pid, "VmHWM:").saturating_sub(before) / 1024;
    assert!(
        response.starts_with("HTTP/1.1 400"),
        "refused as malformed: {}",
        response.lines().next().unwrap_or("")
    );
    assert!(
        sent < 150 * 1024 * 1024,
        "the connection is cut instead of reading the whole request ({sent} bytes sent)"
    );
    eprintln!("never-ending part header: {sent} bytes sent, memory growth {growth_mib} MiB");
    assert!(growth_mib < 64, "server memory grew by {growth_mib} MiB");
    // The server keeps working.
    let (status, _) = submit(&server, vec![Part::Message(b"still here".to_vec())]).await;
    assert_eq!(status, 200);
}

/// One request with 9,990 files of 100 bytes is stored, with memory that does not grow
/// with the number of files; a request with more parts than a report may have is refused,
/// empty parts counted.
#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_tiny_files_cost_bounded_memory() {
    let server = TestServer::start();
    let (status, _) = submit(&server, vec![Part::Message(b"warm up".to_vec())]).await;
    assert_eq!(status, 200);
    let pid = server.pid().expect("pid");
    reset_hwm(pid);
    let before = rss_kib(pid, "VmHWM:");
    let parts: Vec<Part> = (0..9_990)
        .map(|i| {
            file(
                &format!("f{i}.bin"),
                "application/octet-stream",
                bytes(100, i as u64),
            )
        })
        .collect();
    let (status, html) = submit(&server, parts).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("9990 files"), "{html}");
    let growth_mib = rss_kib(pid, "VmHWM:").saturating_sub(before) / 1024;
    eprintln!("9,990 files of 100 bytes: memory growth {growth_mib} MiB");
    assert!(growth_mib < 64, "server memory grew by {growth_mib} MiB");

    let empty: Vec<Part> = (0..10_100)
        .map(|_| file("", "application/octet-stream", Vec::new()))
        .collect();
    let (status, html) = submit(&server, empty).await;
    assert_eq!(status, 413, "{html}");
    assert!(html.contains("Too many files"), "{html}");
}

/// Connections that stall halfway through a request line, or send nothing at all, are
/// closed by the server within 60 seconds, and do not keep others out meanwhile.
#[tokio::test(flavor = "multi_thread")]
async fn stalled_connections_are_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = TestServer::start();
    let mut stalled = Vec::new();
    for i in 0..300 {
        let mut stream = tokio::net::TcpStream::connect(server.authority())
            .await
            .expect("connect");
        if i % 2 == 0 {
            stream.write_all(b"GET /sub").await.expect("half a line");
        }
        stalled.push(stream);
    }
    // Others are served meanwhile.
    let (status, _) = submit(&server, vec![Part::Message(b"not blocked".to_vec())]).await;
    assert_eq!(status, 200);
    let began = std::time::Instant::now();
    let mut closed = 0;
    for mut stream in stalled {
        let left = Duration::from_secs(60).saturating_sub(began.elapsed());
        let mut buf = [0u8; 1024];
        // Closed: end of stream (or a reset, or a 408 answer and then the end).
        loop {
            match tokio::time::timeout(left, stream.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => {
                    closed += 1;
                    break;
                }
                Ok(Ok(_)) => continue,
                Err(_) => break,
            }
        }
    }
    assert_eq!(
        closed, 300,
        "every stalled connection is closed within 60 seconds"
    );
}

/// A form that is not an upload and arrives one byte at a time, then not at all, gets a
/// 408 within its deadline; the connection does not stay open.
#[tokio::test(flavor = "multi_thread")]
async fn a_slow_small_form_is_cut_off_at_its_deadline() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = TestServer::start();
    let mut stream = tokio::net::TcpStream::connect(server.authority())
        .await
        .expect("connect");
    stream
        .write_all(
            format!(
                "POST /followup HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nreceipt=ab",
                server.authority()
            )
            .as_bytes(),
        )
        .await
        .expect("head");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(90), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the connection stayed open");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

/// A burst of 100 reporters sending at once: every one gets a receipt (a new report waits
/// for its receipt derivation instead of being refused after its browser sent it).
#[tokio::test(flavor = "multi_thread")]
async fn a_burst_of_a_hundred_reports_gets_a_hundred_receipts() {
    let server = TestServer::start();
    let (status, _) = submit(&server, vec![Part::Message(b"warm up".to_vec())]).await;
    assert_eq!(status, 200);
    let pid = server.pid().expect("pid");
    reset_hwm(pid);
    let before = rss_kib(pid, "VmHWM:");
    let tasks: Vec<_> = (0..100u64)
        .map(|i| {
            let client = server.client();
            let url = format!("{}/submit", server.url);
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .multipart(form(vec![
                        Part::Message(format!("burst report {i}").into_bytes()),
                        file("e.bin", "application/octet-stream", bytes(300_000, i)),
                    ]))
                    .send()
                    .await
                    .expect("send");
                let status = r.status().as_u16();
                (status, r.text().await.expect("text"))
            })
        })
        .collect();
    let mut receipts = 0;
    for task in tasks {
        let (status, html) = task.await.expect("join");
        assert_eq!(status, 200, "{html}");
        receipts += usize::from(receipt_from(&html).is_some());
    }
    assert_eq!(receipts, 100);
    let growth_mib = rss_kib(pid, "VmHWM:").saturating_sub(before) / 1024;
    eprintln!("100 concurrent reports of 300 kB: memory growth {growth_mib} MiB");
    assert!(growth_mib < 256, "server memory grew by {growth_mib} MiB");
}

/// An upload the client abandons is removed: its file grows in the blob folder's
/// `incoming/` while it streams, and is gone once the client goes away.
#[tokio::test(flavor = "multi_thread")]
async fn an_abandoned_upload_leaves_nothing_behind() {
    use tokio::io::AsyncWriteExt;
    let server = TestServer::start();
    let mut stream = tokio::net::TcpStream::connect(server.authority())
        .await
        .expect("connect");
    let total = 40 * 1024 * 1024;
    stream
        .write_all(
            format!(
                "POST /submit HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: {}\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\n\r\n",
                server.authority(),
                total + 200
            )
            .as_bytes(),
        )
        .await
        .expect("head");
    let block = bytes(1024 * 1024, 9);
    for _ in 0..24 {
        stream.write_all(&block).await.expect("body");
    }
    let incoming = server.blob_dir().join("incoming");
    let held = || -> u64 {
        std::fs::read_dir(&incoming)
            .map(|dir| {
                dir.flatten()
                    .filter_map(|f| f.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    };
    // The upload's ciphertext reaches its file while it streams.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while held() < 8 * 1024 * 1024 {
        assert!(
            std::time::Instant::now() < deadline,
            "nothing reached the blob folder"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(stream);
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let files = std::fs::read_dir(&incoming).expect("incoming").count();
        if files == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{files} files of the abandoned upload are left"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let store = server.store().await;
    assert_eq!(store.blob_counts().await.expect("counts"), (0, 0, 0));
}

/// With `max_connections` reached, a further connection waits in the kernel's queue, is
/// not refused, and is served as soon as one of the others closes.
#[tokio::test(flavor = "multi_thread")]
async fn connections_beyond_the_cap_wait_for_a_place() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = TestServer::start_with(Options {
        extra_config: "max_connections = 20".into(),
        ..Options::default()
    });
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(
            tokio::net::TcpStream::connect(server.authority())
                .await
                .expect("connect"),
        );
    }
    // Give the server time to take all 20 places.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut waiting = tokio::net::TcpStream::connect(server.authority())
        .await
        .expect("the 21st connection is queued, not refused");
    waiting
        .write_all(
            format!(
                "GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.authority()
            )
            .as_bytes(),
        )
        .await
        .expect("request");
    let mut first = [0u8; 12];
    let early = tokio::time::timeout(Duration::from_secs(2), waiting.read_exact(&mut first)).await;
    assert!(early.is_err(), "served while every place was taken");
    drop(held.pop());
    let answered = tokio::time::timeout(Duration::from_secs(20), waiting.read_exact(&mut first))
        .await
        .expect("served once a place was free")
        .expect("read");
    assert_eq!(answered, 12);
    assert_eq!(&first, b"HTTP/1.1 200");
}
