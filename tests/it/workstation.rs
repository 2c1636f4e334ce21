//! The review workstation and the reviewer API, against a real server on loopback.

use std::path::Path;
use std::time::Duration;

use candor_testkit::*;

use candor_core::api::{ChallengeRequest, ChallengeResponse, TokenRequest, TokenResponse};
use candor_core::days::Day;
use sha2::Digest;

/// A first report with a message and a file; returns the receipt.
async fn report(server: &TestServer, message: &str, name: &str, content: &[u8]) -> String {
    let (status, html) = submit(
        server,
        vec![
            Part::Message(message.as_bytes().to_vec()),
            file(name, "application/pdf", content.to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    receipt_from(&html).expect("receipt")
}

#[tokio::test(flavor = "multi_thread")]
async fn review_a_case_end_to_end() {
    let server = TestServer::start();
    let evidence = bytes(600_000, 21);
    let code = report(
        &server,
        "The mayor's office rigged the tender.",
        "tender.pdf",
        &evidence,
    )
    .await;
    let reference = server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let today = Day::today();

    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;

    // Without the access cookie nothing is served; from another host name neither.
    let r = ws
        .client()
        .get(format!("{}/", ws.base))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 401);
    let r = ws
        .client()
        .get(format!("{}/", ws.base))
        .header("cookie", &ws.cookie)
        .header("host", "evil.example")
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 421);

    // Inbox: the case, its deadlines, unread items.
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200, "{inbox}");
    assert!(inbox.contains(&reference));
    assert!(
        inbox.contains(&format!("acknowledge by {}", today.plus_days(7))),
        "{inbox}"
    );
    assert!(inbox.contains("2 new"), "{inbox}");
    assert!(!inbox.to_lowercase().contains("<script"));

    // Case page: decrypted locally.
    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("The mayor&#39;s office rigged the tender.")
            || page.contains("The mayor's office rigged the tender."),
        "{page}"
    );
    assert!(page.contains("tender.pdf"));
    assert!(page.contains(&today.plus_months(3).to_string()));
    let link =
        between(&page, &format!("href=\"/cases/{reference}/items/"), "\"").expect("file link");
    let (status, downloaded) = ws
        .get_bytes(&format!("/cases/{reference}/items/{link}"))
        .await;
    assert_eq!(status, 200);
    assert!(
        downloaded == evidence,
        "the file decrypts on the workstation"
    );
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")
        .expect("csrf")
        .to_string();

    // Reply with an attachment, sealed on the workstation.
    let attachment = bytes(120_000, 22);
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .text("message", "Thank you. We have opened an investigation.")
        .part(
            "files",
            reqwest::multipart::Part::bytes(attachment.clone()).file_name("receipt-letter.pdf"),
        );
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), form)
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());

    // A reply without the form token is refused.
    let form = reqwest::multipart::Form::new()
        .text("csrf", "nope")
        .text("message", "forged");
    assert_eq!(
        ws.post_multipart(&format!("/cases/{reference}/reply"), form)
            .await
            .status(),
        403
    );

    // The reply form is read like the server's forms: a part whose headers never end is
    // refused once they pass their bound, while the browser is still sending, and nothing
    // is sent to the server.
    let case_id = server
        .store()
        .await
        .case_by_reference(&reference)
        .await
        .expect("case")
        .expect("the case exists")
        .id;
    let messages_before = server
        .store()
        .await
        .messages(case_id)
        .await
        .expect("messages")
        .len();
    let boundary = "XyZ";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\nX-Padding: "
    );
    // Over a plain socket, chunked and never finished: an HTTP client library may report
    // its own write failing (the workstation stops reading and closes) instead of the
    // answer that came first; the socket still holds that answer.
    let authority = ws.base.trim_start_matches("http://").to_string();
    let mut body = head.into_bytes();
    body.extend(std::iter::repeat_n(b'a', 512 * 1024));
    let mut request = format!(
        "POST /cases/{reference}/reply HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\n\
         Transfer-Encoding: chunked\r\n\r\n{len:x}\r\n",
        host = authority,
        cookie = ws.cookie,
        len = body.len(),
    )
    .into_bytes();
    request.extend(body);
    let answer = tokio::task::spawn_blocking(move || raw_http(&authority, &request))
        .await
        .expect("an answer while the headers are still arriving");
    assert!((500..600).contains(&status_of(&answer)), "{answer:.300}");
    assert!(answer.contains("could not be read"), "{answer:.300}");
    assert_eq!(
        server
            .store()
            .await
            .messages(case_id)
            .await
            .expect("messages")
            .len(),
        messages_before,
        "nothing was sent"
    );

    // Status change.
    let r = ws
        .post_form(
            &format!("/cases/{reference}/status"),
            &[("csrf", &csrf), ("status", "acknowledged")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = ws.get(&format!("/cases/{reference}")).await;
    assert!(page.contains("Status set to acknowledged."));
    assert!(page.contains("We have opened an investigation."));

    // The server holds the reply only as ciphertext, readable by the stock CLI.
    let store = server.store().await;
    let case = store
        .case_by_reference(&reference)
        .await
        .expect("case")
        .expect("exists");
    let messages = store.messages(case.id).await.expect("messages");
    assert_eq!(messages.len(), 2);
    let reply_text = store
        .read_blob(messages[1].items[0].blob_id)
        .await
        .expect("blob");
    assert!(!contains(&reply_text, b"investigation"));
    assert_eq!(
        age_decrypt(&server.reviewer.key_path, &reply_text),
        b"Thank you. We have opened an investigation."
    );

    // The reporter sees the reply, its attachment and the status.
    let (status, set_cookie, _) = sign_in(&server, &code).await;
    assert_eq!(status, 303);
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let (_, case_page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(case_page.contains("Status: Acknowledged"));
    assert!(case_page.contains("We have opened an investigation."));
    assert!(case_page.contains("receipt-letter.pdf"));
    let last_link = case_page
        .rsplit("href=\"/case/files/")
        .next()
        .and_then(|s| s.split('"').next())
        .expect("link");
    let r = server
        .manual_client()
        .get(format!("{}/case/files/{last_link}", server.url))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("download");
    assert!(
        r.bytes().await.expect("bytes") == attachment,
        "the reporter opens the body's attachment"
    );

    // Export of the decrypted case.
    let export_to = ws.export_dir.path().join("out");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/export"),
            &[("csrf", &csrf), ("dir", export_to.to_str().expect("utf8"))],
        )
        .await;
    assert_eq!(r.status(), 303);
    let folder = export_to.join(&reference);
    let conversation =
        std::fs::read_to_string(folder.join("conversation.txt")).expect("conversation");
    assert!(conversation.contains("The mayor's office rigged the tender."));
    assert!(conversation.contains("We have opened an investigation."));
    assert!(std::fs::read(folder.join("files/tender.pdf")).expect("file") == evidence);
    assert!(std::fs::read(folder.join("files/receipt-letter.pdf")).expect("file") == attachment);

    // Every action is in the audit trail, with the reviewer's name.
    let (_, audit) = ws.get("/audit").await;
    for action in [
        "signed in",
        "opened case",
        "replied",
        "changed status",
        "downloaded item",
    ] {
        assert!(
            audit.contains(action),
            "{action} missing from the audit trail"
        );
    }
    assert!(audit.contains("alice"));
}

#[tokio::test(flavor = "multi_thread")]
async fn fetch_for_air_gapped_review_and_open_offline() {
    let server = TestServer::start();
    let one = bytes(300_000, 31);
    let two = bytes(5_000, 32);
    report(&server, "first confidential", "one.bin", &one).await;
    report(&server, "second confidential", "two.bin", &two).await;
    let out = tempfile::tempdir().expect("tempdir");
    let bundle = out.path().join("bundle");
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let (ok, stdout, stderr) = run_candor(&[
        "review",
        "fetch",
        "--server",
        &server.url,
        "--identity",
        &key,
        "--out",
        bundle.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Fetched 2 cases, 6 items"), "{stdout}");

    // Ciphertext only: every *.age file opens with the stock CLI, nothing else is in clear.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).expect("manifest"))
            .expect("json");
    assert!(!contains(
        &std::fs::read(bundle.join("manifest.json")).expect("m"),
        b"confidential"
    ));
    let mut seen = Vec::new();
    for case in manifest["cases"].as_array().expect("cases") {
        for item in case["files"].as_array().expect("files") {
            let content = std::fs::read(bundle.join(item["content"].as_str().expect("path")))
                .expect("age file");
            let plain = age_decrypt(&server.reviewer.key_path, &content);
            if let Some(meta_path) = item["meta"].as_str() {
                let meta = age_decrypt(
                    &server.reviewer.key_path,
                    &std::fs::read(bundle.join(meta_path)).expect("meta"),
                );
                let meta: serde_json::Value = serde_json::from_slice(&meta).expect("json");
                let expected = if meta["name"] == "one.bin" {
                    &one
                } else {
                    &two
                };
                assert!(plain == *expected, "file decrypts to exactly what was sent");
                seen.push(meta["name"].as_str().expect("name").to_string());
            } else {
                let text = String::from_utf8(plain).expect("text");
                if text.starts_with("candor.opening/v2") {
                    seen.push("(receipt record)".into());
                } else {
                    seen.push(text);
                }
            }
        }
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "(receipt record)",
            "(receipt record)",
            "first confidential",
            "one.bin",
            "second confidential",
            "two.bin"
        ]
    );

    // Offline: no server needed.
    let opened = out.path().join("opened");
    let (ok, stdout, stderr) = run_candor(&[
        "review",
        "open",
        bundle.to_str().expect("utf8"),
        "--identity",
        &key,
        "--out",
        opened.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.matches("Decrypted").count(), 2);
    let mut found = 0;
    for entry in std::fs::read_dir(&opened).expect("dir").flatten() {
        let conversation =
            std::fs::read_to_string(entry.path().join("conversation.txt")).expect("conversation");
        for (text, name, content) in [
            ("first confidential", "one.bin", &one),
            ("second confidential", "two.bin", &two),
        ] {
            if conversation.contains(text) {
                assert!(
                    std::fs::read(entry.path().join("files").join(name)).expect("file") == *content
                );
                found += 1;
            }
        }
    }
    assert_eq!(found, 2);

    // Another key opens nothing, and says so.
    let other = keygen_reviewer(out.path(), "mallory");
    let (ok, _, stderr) = run_candor(&[
        "review",
        "open",
        bundle.to_str().expect("utf8"),
        "--identity",
        other.key_path.to_str().expect("utf8"),
        "--out",
        out.path().join("nope").to_str().expect("utf8"),
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("could not be opened with this key"),
        "{stderr}"
    );
}

/// Runs the challenge with an identity file; returns the token request outcome.
pub(crate) async fn api_sign_in(
    server: &TestServer,
    reviewer: &str,
    key: &Path,
) -> Result<String, (u16, String)> {
    let client = server.manual_client();
    let r = client
        .post(format!("{}/api/v1/auth/challenge", server.url))
        .json(&ChallengeRequest {
            reviewer: reviewer.into(),
        })
        .send()
        .await
        .expect("challenge");
    if r.status() != 200 {
        return Err((r.status().as_u16(), r.text().await.unwrap_or_default()));
    }
    let challenge: ChallengeResponse = r.json().await.expect("json");
    let identities =
        candor_core::seal::parse_identity_file(&std::fs::read_to_string(key).expect("key"))
            .expect("identity");
    let answer =
        candor_core::seal::open_armored(&identities, challenge.encrypted_challenge.as_bytes())
            .map(|plaintext| candor_core::api::challenge::answer(&plaintext))
            .unwrap_or_else(|_| "0".repeat(64));
    let r = client
        .post(format!("{}/api/v1/auth/token", server.url))
        .json(&TokenRequest {
            challenge_id: challenge.challenge_id,
            answer,
        })
        .send()
        .await
        .expect("token");
    if r.status() != 200 {
        return Err((r.status().as_u16(), r.text().await.unwrap_or_default()));
    }
    Ok(r.json::<TokenResponse>().await.expect("json").token)
}

async fn api_get(server: &TestServer, path: &str, token: Option<&str>) -> (u16, String) {
    let mut req = server
        .manual_client()
        .get(format!("{}/api/v1{path}", server.url));
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    let r = req.send().await.expect("get");
    let status = r.status().as_u16();
    (status, r.text().await.expect("text"))
}

#[tokio::test(flavor = "multi_thread")]
async fn authentication_refuses_what_it_should() {
    let mut server = TestServer::start_with(Options {
        extra_config: "reviewer_token_lifetime = \"3s\"".into(),
        ..Options::default()
    });
    let keys = tempfile::tempdir().expect("tempdir");
    let key = server.reviewer.key_path.clone();

    // The right key gets a token that works.
    let token = api_sign_in(&server, "alice", &key).await.expect("sign in");
    assert_eq!(api_get(&server, "/cases", Some(&token)).await.0, 200);

    // A wrong key: the challenge cannot be answered.
    let wrong = keygen_reviewer(keys.path(), "alice");
    let (status, body) = api_sign_in(&server, "alice", &wrong.key_path)
        .await
        .expect_err("wrong key");
    assert_eq!(status, 401);
    assert!(body.contains("wrong_answer"), "{body}");
    // The workstation explains it in words.
    let (ok, _, stderr) = run_candor(&[
        "review",
        "fetch",
        "--server",
        &server.url,
        "--identity",
        wrong.key_path.to_str().expect("utf8"),
        "--out",
        keys.path().join("x").to_str().expect("utf8"),
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("cannot open the server's sign-in challenge"),
        "{stderr}"
    );

    // An unknown reviewer gets a challenge nobody can answer: the refusal is the same as
    // for a wrong key, so names cannot be probed.
    let (status, body) = api_sign_in(&server, "eve", &key)
        .await
        .expect_err("unknown");
    assert_eq!(status, 401);
    assert!(body.contains("wrong_answer"), "{body}");

    // Made-up or expired challenge ids.
    for id in [
        "not hex".to_string(),
        "00".repeat(40),
        format!("{:016x}{}", i64::MAX, "00".repeat(32)),
    ] {
        let r = server
            .manual_client()
            .post(format!("{}/api/v1/auth/token", server.url))
            .json(&TokenRequest {
                challenge_id: id,
                answer: "0".repeat(64),
            })
            .send()
            .await
            .expect("token");
        assert_eq!(r.status(), 401);
        assert!(r.text().await.expect("text").contains("invalid_challenge"));
    }

    // A replayed challenge: the answer works once.
    let client = server.manual_client();
    let challenge: ChallengeResponse = client
        .post(format!("{}/api/v1/auth/challenge", server.url))
        .json(&ChallengeRequest {
            reviewer: "alice".into(),
        })
        .send()
        .await
        .expect("challenge")
        .json()
        .await
        .expect("json");
    let identities =
        candor_core::seal::parse_identity_file(&std::fs::read_to_string(&key).expect("key"))
            .expect("id");
    let plaintext =
        candor_core::seal::open_armored(&identities, challenge.encrypted_challenge.as_bytes())
            .expect("open");
    candor_core::api::challenge::check(&plaintext, "alice").expect("a challenge of the one shape");
    // The plaintext itself is no answer: a workstation never sends what it decrypted.
    let plain_answer = TokenRequest {
        challenge_id: challenge.challenge_id.clone(),
        answer: String::from_utf8(plaintext.to_vec()).expect("text"),
    };
    let r = client
        .post(format!("{}/api/v1/auth/token", server.url))
        .json(&plain_answer)
        .send()
        .await
        .expect("token");
    assert_eq!(r.status(), 401, "the plaintext is not the answer");
    let request = TokenRequest {
        challenge_id: challenge.challenge_id.clone(),
        answer: candor_core::api::challenge::answer(&plaintext),
    };
    let first = client
        .post(format!("{}/api/v1/auth/token", server.url))
        .json(&request)
        .send()
        .await
        .expect("token");
    assert_eq!(first.status(), 200);
    let replay = client
        .post(format!("{}/api/v1/auth/token", server.url))
        .json(&request)
        .send()
        .await
        .expect("token");
    assert_eq!(replay.status(), 401);
    assert!(
        replay
            .text()
            .await
            .expect("text")
            .contains("invalid_challenge")
    );

    // No token, an altered token, a made-up token.
    let (status, body) = api_get(&server, "/cases", None).await;
    assert_eq!(status, 401);
    assert!(body.contains("missing_token"));
    let mut altered = token.clone().into_bytes();
    altered[10] = if altered[10] == b'a' { b'b' } else { b'a' };
    let altered = String::from_utf8(altered).expect("utf8");
    assert_eq!(api_get(&server, "/cases", Some(&altered)).await.0, 401);
    assert_eq!(api_get(&server, "/cases", Some("not-a-token")).await.0, 401);

    // The database holds no token in clear.
    let raw = hex::decode(&token).expect("hex");
    let mut server_stopped = std::mem::replace(&mut server, TestServer::start());
    server_stopped.stop();
    for needle in [token.as_bytes(), &raw[..]] {
        assert!(
            files_containing(&server_stopped.data_dir, needle).is_empty(),
            "token found on disk"
        );
    }
    server_stopped.spawn();
    let server = server_stopped;

    // Tokens expire.
    let token = api_sign_in(&server, "alice", &key).await.expect("sign in");
    assert_eq!(api_get(&server, "/info", Some(&token)).await.0, 200);
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let (status, body) = api_get(&server, "/info", Some(&token)).await;
    assert_eq!(status, 401, "expired");
    assert!(body.contains("invalid_token"));

    // A reviewer whose key is replaced (same name) loses the old key's tokens.
    let token = api_sign_in(&server, "alice", &key).await.expect("sign in");
    let rotated = keygen_reviewer(keys.path(), "alice-new");
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    std::fs::write(
        &server.config_path,
        config.replace(&server.reviewer.recipient, &rotated.recipient),
    )
    .expect("write");
    let mut server = server;
    server.stop();
    server.spawn();
    let (status, body) = api_get(&server, "/info", Some(&token)).await;
    assert_eq!(status, 401, "the old key's token is refused");
    assert!(body.contains("unknown_reviewer"), "{body}");
    assert!(
        api_sign_in(&server, "alice", &rotated.key_path)
            .await
            .is_ok()
    );
    std::fs::write(&server.config_path, config).expect("restore");
    server.stop();
    server.spawn();

    // A reviewer removed from the configuration loses access at the next request.
    let token = api_sign_in(&server, "alice", &key).await.expect("sign in");
    let bob = keygen_reviewer(keys.path(), "bob");
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    let config = config
        .replace("name = \"alice\"", "name = \"bob\"")
        .replace(&server.reviewer.recipient, &bob.recipient);
    std::fs::write(&server.config_path, config).expect("write");
    server.stop();
    server.spawn();
    let (status, body) = api_get(&server, "/info", Some(&token)).await;
    assert_eq!(status, 401);
    assert!(body.contains("unknown_reviewer"), "{body}");
}

#[tokio::test(flavor = "multi_thread")]
async fn api_errors_are_json_and_never_500() {
    let server = TestServer::start();
    report(&server, "r", "a.pdf", b"%PDF").await;
    let token = api_sign_in(&server, "alice", &server.reviewer.key_path)
        .await
        .expect("token");
    let reference = server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    // A fresh connection per case: after refusing a body (413) the server closes the
    // connection, and a pooled one could be reused just as it closes.
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .expect("client");
    let url = |p: &str| format!("{}/api/v1{p}", server.url);
    let auth = format!("Bearer {token}");

    let cases: Vec<(reqwest::RequestBuilder, u16, &str)> = vec![
        (
            client
                .post(url("/auth/challenge"))
                .header("content-type", "application/json")
                .body("{not json"),
            400,
            "bad_request",
        ),
        (
            client
                .post(url("/auth/challenge"))
                .json(&serde_json::json!({"reviewer": "alice", "extra": 1})),
            400,
            "bad_request",
        ),
        (
            client
                .post(url("/auth/challenge"))
                .json(&serde_json::json!({"reviewer": 42})),
            400,
            "bad_request",
        ),
        // An unknown field's name, quoted in the error, cut on a character (it once
        // panicked: the fuzzer found it).
        (
            client
                .post(url("/auth/challenge"))
                .header("content-type", "application/json")
                .body(format!(r#"{{"{}{}":1}}"#, "R".repeat(160), "é".repeat(40))),
            400,
            "bad_request",
        ),
        (
            client
                .post(url("/auth/challenge"))
                .body("{\"reviewer\":\"alice\"}"),
            415,
            "unsupported_media_type",
        ),
        (
            client
                .post(url("/auth/challenge"))
                .header("content-type", "application/json")
                .body(vec![b' '; 100_000]),
            413,
            "too_large",
        ),
        (
            client
                .post(url("/auth/token"))
                .json(&serde_json::json!({"challenge_id": "x"})),
            400,
            "bad_request",
        ),
        (
            client
                .get(url("/no/such/endpoint"))
                .header("authorization", &auth),
            404,
            "not_found",
        ),
        (
            client.delete(url("/cases")).header("authorization", &auth),
            405,
            "method_not_allowed",
        ),
        (
            client
                .get(url("/items/not-a-number/content"))
                .header("authorization", &auth),
            400,
            "bad_request",
        ),
        (
            client
                .get(url("/items/999999/content"))
                .header("authorization", &auth),
            404,
            "not_found",
        ),
        (
            client
                .get(url("/cases/NO-SUCH-CASE"))
                .header("authorization", &auth),
            404,
            "not_found",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/status")))
                .header("authorization", &auth)
                .json(&serde_json::json!({"status": "vanished"})),
            400,
            "bad_request",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/status")))
                .header("authorization", &auth)
                .json(&serde_json::json!({"status": ["decided"]})),
            400,
            "bad_request",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .multipart(reqwest::multipart::Form::new().part(
                    "text",
                    reqwest::multipart::Part::bytes(b"plain text, not age".to_vec()),
                )),
            422,
            "not_age",
        ),
        (
            // A cross-site request (a browser page posting to the API) is refused, in JSON.
            client
                .post(url("/auth/challenge"))
                .header("sec-fetch-site", "cross-site")
                .json(&serde_json::json!({"reviewer": "alice"})),
            403,
            "forbidden",
        ),
        (
            // A real age header with its payload cut short (only the nonce and 4 bytes
            // left: no chunk can be that short).
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .multipart(reqwest::multipart::Form::new().part(
                    "text",
                    reqwest::multipart::Part::bytes({
                        let mut ct = sealed(&server);
                        let header = candor_core::seal::age_header_len(&ct).expect("header");
                        ct.truncate(header + 20);
                        ct
                    }),
                )),
            422,
            "not_age",
        ),
        (
            // … or with garbage after its last chunk that leaves 5 bytes for a chunk.
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .multipart(reqwest::multipart::Form::new().part(
                    "text",
                    reqwest::multipart::Part::bytes({
                        let mut ct = sealed(&server);
                        let header = candor_core::seal::age_header_len(&ct).expect("header");
                        let last = (ct.len() - header - 16) % 65_552;
                        ct.extend(std::iter::repeat_n(0u8, 65_552 - last + 5));
                        ct
                    }),
                )),
            422,
            "not_age",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .multipart(
                    reqwest::multipart::Form::new()
                        .part("file", reqwest::multipart::Part::bytes(sealed(&server))),
                ),
            400,
            "bad_request",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .multipart(
                    reqwest::multipart::Form::new()
                        .part("other", reqwest::multipart::Part::bytes(sealed(&server))),
                ),
            400,
            "bad_request",
        ),
        (
            client
                .post(url(&format!("/cases/{reference}/messages")))
                .header("authorization", &auth)
                .body("x"),
            400,
            "bad_request",
        ),
        (
            client
                .get(url("/audit?limit=many"))
                .header("authorization", &auth),
            400,
            "bad_request",
        ),
    ];
    for (i, (request, status, code)) in cases.into_iter().enumerate() {
        let r = request.send().await.expect("send");
        assert_eq!(r.status().as_u16(), status, "case {i}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .expect("ct")
                .starts_with("application/json"),
            "case {i}"
        );
        let body: serde_json::Value = r.json().await.expect("json");
        assert_eq!(body["error"]["code"], code, "case {i}: {body}");
        assert!(
            !body["error"]["message"]
                .as_str()
                .expect("message")
                .is_empty()
        );
    }
    // A well-formed reply is accepted.
    let r = client
        .post(url(&format!("/cases/{reference}/messages")))
        .header("authorization", &auth)
        .multipart(
            reqwest::multipart::Form::new()
                .part("text", reqwest::multipart::Part::bytes(sealed(&server))),
        )
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 201);
}

/// A small age file for the reviewer (what a workstation would send).
fn sealed(server: &TestServer) -> Vec<u8> {
    let recipient: age::x25519::Recipient = server.reviewer.recipient.parse().expect("recipient");
    candor_core::seal::seal_bytes(&[recipient], b"a sealed reply").expect("seal")
}

#[tokio::test(flavor = "multi_thread")]
async fn unread_counts_follow_what_a_reviewer_opened() {
    let server = TestServer::start();
    let code = report(&server, "r", "a.pdf", b"%PDF").await;
    let token = api_sign_in(&server, "alice", &server.reviewer.key_path)
        .await
        .expect("token");
    let (_, list) = api_get(&server, "/cases", Some(&token)).await;
    let list: serde_json::Value = serde_json::from_str(&list).expect("json");
    assert_eq!(list[0]["unread_items"], 2);
    let reference = list[0]["reference"].as_str().expect("ref").to_string();
    assert_eq!(
        api_get(&server, &format!("/cases/{reference}"), Some(&token))
            .await
            .0,
        200
    );
    let (_, list) = api_get(&server, "/cases", Some(&token)).await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&list).expect("json")[0]["unread_items"],
        0
    );

    // The reporter answers: one new item.
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    let csrf = csrf_from(&page).expect("csrf");
    let r = server
        .manual_client()
        .post(format!("{}/case/reply", server.url))
        .header("cookie", &cookie)
        .multipart(
            reqwest::multipart::Form::new()
                .text("csrf", csrf)
                .text("message", "more"),
        )
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 303);
    let (_, list) = api_get(&server, "/cases", Some(&token)).await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&list).expect("json")[0]["unread_items"],
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_reviewer_reads_old_items_after_re_encryption() {
    // A fixed address: the workstation's trust is kept per server address.
    let mut server = TestServer::start_with(Options {
        listen: format!("127.0.0.1:{}", free_port()),
        ..Options::default()
    });
    let evidence = bytes(200_000, 41);
    let code = report(&server, "before bob joined", "old.bin", &evidence).await;
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let url = server.url.clone();
    let connection = ["--server", url.as_str(), "--identity", key.as_str()];
    // The workstation trusts the reviewers it sees first.
    let (ok, stdout, stderr) = run_candor(&[&["review", "trust"][..], &connection[..]].concat());
    assert!(ok, "{stderr}");
    assert!(stdout.contains("it now trusts these"), "{stdout}");
    let keys = tempfile::tempdir().expect("tempdir");
    let bob = keygen_reviewer(keys.path(), "bob");
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    std::fs::write(
        &server.config_path,
        format!(
            "{config}\n[[reviewers]]\nname = \"bob\"\nrecipient = \"{}\"\n",
            bob.recipient
        ),
    )
    .expect("write");
    server.stop();
    server.spawn();

    let store = server.store().await;
    let case = &store.cases().await.expect("cases")[0];
    let before = store.messages(case.id).await.expect("messages");
    let old_blobs: Vec<i64> = before[0]
        .items
        .iter()
        .flat_map(|i| std::iter::once(i.blob_id).chain(i.meta_blob_id))
        .collect();
    let old_ciphertext = store
        .read_blob(before[0].items[1].blob_id)
        .await
        .expect("blob");
    assert!(
        candor_core::seal::open_bytes(&bob_identity(&bob.key_path), &old_ciphertext).is_err(),
        "bob cannot read it yet"
    );

    let grant = [&["review", "grant"][..], &connection[..]].concat();
    // A new key on the server is not used until a reviewer confirms it.
    let (ok, _, stderr) = run_candor(&grant);
    assert!(!ok);
    assert!(
        stderr.contains("differs from the one this workstation trusts (added bob (age1"),
        "{stderr}"
    );
    let trust = [&["review", "trust"][..], &connection[..]].concat();
    let (ok, stdout, _) = run_candor_with_input(&trust, "no\n");
    assert!(!ok);
    assert!(stdout.contains("added bob"), "{stdout}");
    assert!(!run_candor(&grant).0, "still refused");
    let (ok, stdout, stderr) = run_candor_with_input(&trust, "yes\n");
    assert!(ok, "{stderr}");
    assert!(stdout.contains("now trusts the server's list"), "{stdout}");

    let (ok, stdout, stderr) = run_candor(&grant);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Re-encrypted 3 items"), "{stdout}");

    let after = store.messages(case.id).await.expect("messages");
    for item in &after[0].items {
        let ct = store.read_blob(item.blob_id).await.expect("blob");
        let plain = candor_core::seal::open_bytes(&bob_identity(&bob.key_path), &ct)
            .expect("bob reads the new ciphertext");
        match item.kind {
            candor_store::ItemKind::File => {
                assert!(*plain == evidence);
                assert_eq!(age_decrypt(&bob.key_path, &ct), evidence, "stock age too");
            }
            candor_store::ItemKind::Text => assert_eq!(&plain[..], b"before bob joined"),
            candor_store::ItemKind::Record => assert!(plain.starts_with(b"candor.opening/v2")),
            candor_store::ItemKind::Identity | candor_store::ItemKind::IssuedTo => {
                unreachable!("no identity lane here")
            }
        }
    }
    // The old ciphertext is gone.
    let new_blobs: Vec<i64> = after[0]
        .items
        .iter()
        .flat_map(|i| std::iter::once(i.blob_id).chain(i.meta_blob_id))
        .collect();
    for old in &old_blobs {
        assert!(!new_blobs.contains(old));
        assert!(
            store.read_blob(*old).await.expect("read").is_empty(),
            "old blob {old} deleted"
        );
    }
    store.close().await;
    // Wiped from the database file and its WAL while the server runs, not only at stop.
    let prefix = &old_ciphertext[old_ciphertext.len() - 64..];
    assert!(
        files_containing(&server.data_dir, prefix).is_empty(),
        "old ciphertext wiped from the running server's database and WAL"
    );
    server.stop();
    assert!(
        files_containing(&server.data_dir, prefix).is_empty(),
        "old ciphertext wiped from the database"
    );
    server.spawn();
    // The reporter still reads everything.
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let (_, page) =
        get_with_cookie(&server, "/case", &cookie_pair(&set_cookie.expect("cookie"))).await;
    assert!(page.contains("before bob joined"));
    assert!(page.contains("old.bin"));
}

fn bob_identity(path: &Path) -> Vec<age::x25519::Identity> {
    candor_core::seal::parse_identity_file(&std::fs::read_to_string(path).expect("key"))
        .expect("identity")
}

/// A server that starts naming another reviewer key, or swaps a reporter's key, gets
/// nothing sealed to it: the workstation pins what it trusted first.
#[tokio::test(flavor = "multi_thread")]
async fn the_workstation_seals_only_to_keys_it_trusts() {
    let mut server = TestServer::start_with(Options {
        listen: format!("127.0.0.1:{}", free_port()),
        ..Options::default()
    });
    report(&server, "first report", "a.bin", &bytes(1000, 3)).await;
    let reference = server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    let (_, page) = ws.get(&format!("/cases/{reference}")).await;
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")
        .expect("csrf")
        .to_string();
    let reply = |text: &str| {
        reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .text("message", text.to_string())
    };
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), reply("hello"))
        .await;
    assert_eq!(r.status(), 303, "a reply to the trusted keys goes out");
    let (_, reviewers) = ws.get("/reviewers").await;
    assert!(
        reviewers.contains("list is the one this workstation trusts"),
        "{reviewers}"
    );

    // The server is taken over: its configuration now names the attacker's key too.
    let keys = tempfile::tempdir().expect("tempdir");
    let mallory = keygen_reviewer(keys.path(), "mallory");
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    std::fs::write(
        &server.config_path,
        format!(
            "{config}\n[[reviewers]]\nname = \"mallory\"\nrecipient = \"{}\"\n",
            mallory.recipient
        ),
    )
    .expect("write");
    server.stop();
    server.spawn();
    let store = server.store().await;
    let case_id = store.cases().await.expect("cases")[0].id;
    let before = store.messages(case_id).await.expect("messages").len();

    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), reply("secret plan"))
        .await;
    assert_eq!(r.status(), 409);
    let page = r.text().await.expect("text");
    assert!(page.contains("Nothing was sent"), "{page}");
    assert!(page.contains("added mallory"), "{page}");
    assert_eq!(
        store.messages(case_id).await.expect("messages").len(),
        before,
        "nothing reached the server"
    );
    let (_, inbox) = ws.get("/").await;
    assert!(inbox.contains("list of reviewers changed"), "{inbox}");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/grant"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(
        r.status(),
        409,
        "nothing is re-encrypted to the new key either"
    );

    // The Reviewers page shows the change; a confirmation for another change is refused.
    let (_, reviewers) = ws.get("/reviewers").await;
    assert!(reviewers.contains("added mallory"), "{reviewers}");
    let fingerprint = between(&reviewers, "name=\"fingerprint\" value=\"", "\"")
        .expect("fingerprint")
        .to_string();
    let r = ws
        .post_form(
            "/reviewers/trust",
            &[("csrf", csrf.as_str()), ("fingerprint", "0000000000000000")],
        )
        .await;
    assert_eq!(r.status(), 409);
    let r = ws
        .post_form("/reviewers/trust", &[("fingerprint", fingerprint.as_str())])
        .await;
    assert_eq!(r.status(), 403, "the form token is required");
    // A reviewer who knows the body added this reviewer confirms it.
    let r = ws
        .post_form(
            "/reviewers/trust",
            &[
                ("csrf", csrf.as_str()),
                ("fingerprint", fingerprint.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), reply("now to both"))
        .await;
    assert_eq!(r.status(), 303);
    // The page's re-encrypt button now gives the confirmed reviewer the older items.
    let r = ws
        .post_form(
            &format!("/cases/{reference}/grant"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = ws.get(&format!("/cases/{reference}")).await;
    assert!(
        page.contains("items were re-encrypted for the current reviewers"),
        "{page}"
    );
    let first = &store.messages(case_id).await.expect("messages")[0];
    let ct = store.read_blob(first.items[0].blob_id).await.expect("blob");
    assert_eq!(
        age_decrypt(&mallory.key_path, &ct),
        b"first report",
        "the confirmed reviewer reads the first report"
    );

    // A reporter's key never changes: a swapped one is refused.
    let other = age::x25519::Identity::generate().to_public().to_string();
    store.close().await;
    server.stop();
    candor_store::tamper::set_reporter_recipients(&server.database_url(), &other)
        .await
        .expect("swap");
    server.spawn();
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), reply("to whom?"))
        .await;
    assert_eq!(r.status(), 409);
    let page = r.text().await.expect("text");
    assert!(page.contains("different reporter key"), "{page}");
}

/// A clear page when the server is unreachable, and a clear refusal for a wrong key.
#[tokio::test(flavor = "multi_thread")]
async fn the_workstation_explains_an_unreachable_server_and_a_wrong_key() {
    let mut server = TestServer::start_with(Options {
        listen: format!("127.0.0.1:{}", free_port()),
        ..Options::default()
    });
    report(&server, "a report", "a.bin", &bytes(100, 1)).await;
    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    assert_eq!(ws.get("/").await.0, 200);
    server.stop();
    let (status, page) = ws.get("/").await;
    assert_eq!(status, 502, "{page}");
    assert!(page.contains("The server cannot be reached"), "{page}");
    assert!(
        page.contains("refused the connection; is it running at that address?"),
        "the page names the cause: {page}"
    );
    let (status, page) = ws.get("/reviewers").await;
    assert_eq!(status, 502, "{page}");
    server.spawn();
    assert_eq!(ws.get("/").await.0, 200, "back once the server is");

    let keys = tempfile::tempdir().expect("tempdir");
    let wrong = keygen_reviewer(keys.path(), "alice");
    let (ok, _, stderr) = run_candor(&[
        "review",
        "serve",
        "--server",
        &server.url,
        "--identity",
        wrong.key_path.to_str().expect("utf8"),
        "--listen",
        "127.0.0.1:0",
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("cannot open the server's sign-in challenge"),
        "{stderr}"
    );
}

/// `candor …` on a blocking thread, so servers of this test's runtime keep answering.
/// The ciphertext of a case's first item (the reporter's message), armored as the server
/// sends a challenge.
async fn first_report_armored(server: &TestServer) -> String {
    use std::io::Write as _;
    let store = server.store().await;
    let case = store.cases().await.expect("cases")[0].id;
    let message = &store.messages(case).await.expect("messages")[0];
    let ciphertext = store
        .read_blob(message.items[0].blob_id)
        .await
        .expect("blob");
    store.close().await;
    let mut out =
        age::armor::ArmoredWriter::wrap_output(Vec::new(), age::armor::Format::AsciiArmor)
            .expect("armor");
    out.write_all(&ciphertext).expect("write");
    String::from_utf8(out.finish().expect("finish")).expect("ascii")
}

/// A seized server sends an old report's ciphertext as the sign-in challenge: the
/// workstation does not answer with its plaintext (nor with anything), and says that the
/// server misbehaves.
#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_server_gets_no_plaintext_from_the_sign_in() {
    let server = TestServer::start();
    let secret = canary("oracle");
    report(&server, &secret, "a.bin", &bytes(100, 1)).await;
    let armored = first_report_armored(&server).await;
    let hostile = hostile::HostileServer::start(
        &server.url,
        std::sync::Arc::new(move |path: &str, body: Vec<u8>| {
            if path == "/api/v1/auth/challenge" {
                hostile::set_json_field(&body, "encrypted_challenge", &armored)
            } else {
                body
            }
        }),
    )
    .await;
    let out = tempfile::tempdir().expect("tempdir");
    let key = server.reviewer.key_path.to_str().expect("utf8");
    let bundle = out.path().join("bundle");
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "fetch",
        "--server",
        &hostile.url,
        "--identity",
        key,
        "--out",
        bundle.to_str().expect("utf8"),
    ])
    .await;
    assert!(!ok);
    assert!(stderr.contains("not a Candor challenge"), "{stderr}");
    assert!(stderr.contains("may be compromised"), "{stderr}");
    assert!(
        !hostile.received(secret.as_bytes()),
        "the report's plaintext reached the hostile server"
    );
    assert!(
        !hostile.paths().iter().any(|p| p == "/api/v1/auth/token"),
        "no answer at all: {:?}",
        hostile.paths()
    );
    // The workstation's pages refuse to start against it, with the same sentence.
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "serve",
        "--server",
        &hostile.url,
        "--identity",
        key,
        "--listen",
        "127.0.0.1:0",
    ])
    .await;
    assert!(!ok);
    assert!(stderr.contains("not a Candor challenge"), "{stderr}");
    assert!(!hostile.received(secret.as_bytes()));
}

/// A seized server that swaps a reporter's key after the workstation first listed the
/// case gets no reply, decision or re-encryption sealed to the new key; the case page
/// says why.
#[tokio::test(flavor = "multi_thread")]
async fn a_reporter_key_is_pinned_when_the_case_is_first_listed() {
    let server = TestServer::start();
    report(&server, "pinned report", "a.bin", &bytes(100, 2)).await;
    let mallory = age::x25519::Identity::generate();
    let mallory_recipient = mallory.to_public().to_string();
    let swap = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapping = std::sync::Arc::clone(&swap);
    let hostile = hostile::HostileServer::start(
        &server.url,
        std::sync::Arc::new(move |path: &str, body: Vec<u8>| {
            let swapping = swapping.load(std::sync::atomic::Ordering::SeqCst);
            if swapping && path.starts_with("/api/v1/cases") && !path.ends_with("/messages") {
                hostile::set_json_field(&body, "reporter_recipient", &mallory_recipient)
            } else if swapping && path == "/api/v1/sync" {
                // A careful attacker recomputes each digest, which anyone can.
                let mut sync: candor_core::api::SyncResponse =
                    serde_json::from_slice(&body).expect("sync");
                for case in sync.buckets.iter_mut().flat_map(|b| &mut b.cases) {
                    case.detail.reporter_recipient = mallory_recipient.clone();
                    *case =
                        candor_core::api::SyncedCase::new(case.detail.clone(), case.unread_items);
                }
                serde_json::to_vec(&sync).expect("json")
            } else {
                body
            }
        }),
    )
    .await;
    let decision_dir = tempfile::tempdir().expect("tempdir");
    let (ok, _, stderr) = run_candor_async(&[
        "keygen",
        "body",
        "--name",
        "test-authority",
        "--out",
        decision_dir.path().to_str().expect("utf8"),
    ])
    .await;
    assert!(ok, "{stderr}");
    let decision_key = decision_dir.path().join("decision.key");
    let ws = WorkstationProcess::start_at(
        &hostile.url,
        &server.reviewer.key_path,
        &["--decision-key", decision_key.to_str().expect("utf8")],
    )
    .await;
    // The inbox lists the case: that is the first sight, and it pins the reporter's key.
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200, "{inbox}");
    let store = server.store().await;
    let case = store.cases().await.expect("cases")[0].clone();
    let (case_id, reference) = (case.id, case.reference);
    assert!(inbox.contains(&reference), "{inbox}");

    swap.store(true, std::sync::atomic::Ordering::SeqCst);
    let before = store.messages(case_id).await.expect("messages").len();
    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("blocked for this case"), "{page}");
    assert!(page.contains("different reporter key"), "{page}");
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")
        .expect("csrf")
        .to_string();
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .text("message", "to the swapped key?");
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), form)
        .await;
    assert_eq!(r.status(), 409, "no reply");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/grant"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(r.status(), 409, "no re-encryption");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/decisions"),
            &[
                ("csrf", csrf.as_str()),
                ("kind", "acknowledged"),
                ("sector", "public"),
                ("area", "other"),
                ("reasons", "swapped?"),
            ],
        )
        .await;
    assert_eq!(r.status(), 409, "no decision");
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "grant",
        "--server",
        &hostile.url,
        "--identity",
        server.reviewer.key_path.to_str().expect("utf8"),
    ])
    .await;
    assert!(!ok, "the CLI refuses too");
    assert!(stderr.contains("different reporter key"), "{stderr}");
    assert_eq!(
        store.messages(case_id).await.expect("messages").len(),
        before,
        "nothing reached the server"
    );
    // Nothing the server holds opens with the attacker's key.
    for message in store.messages(case_id).await.expect("messages") {
        for item in message.items {
            let ct = store.read_blob(item.blob_id).await.expect("blob");
            assert!(
                candor_core::seal::open_bytes(std::slice::from_ref(&mallory), &ct).is_err(),
                "an item was sealed to the swapped key"
            );
        }
    }
}

/// Every workstation command works through a SOCKS5 proxy that resolves the onion name
/// itself (as Tor does), and each failing layer is named in one sentence.
#[tokio::test(flavor = "multi_thread")]
async fn the_workstation_works_through_a_socks5_proxy() {
    let server = TestServer::start();
    let content = bytes(40_000, 7);
    report(&server, "through the proxy", "p.bin", &content).await;
    let target: std::net::SocketAddr = server.authority().parse().expect("addr");
    let socks = hostile::Socks5Server::start(target, 0).await;
    let onion = format!("http://{}.onion", "a".repeat(56));
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let out = tempfile::tempdir().expect("tempdir");
    let bundle = out.path().join("bundle");
    let proxy = socks.url();
    let via = |cmd: &[&str]| {
        let mut args: Vec<String> = cmd.iter().map(|a| a.to_string()).collect();
        args.extend([
            "--server".into(),
            onion.clone(),
            "--proxy".into(),
            proxy.clone(),
        ]);
        args
    };
    let run = |args: Vec<String>| async move {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_candor_async(&args).await
    };
    let (ok, stdout, stderr) = run(via(&[
        "review",
        "fetch",
        "--identity",
        &key,
        "--out",
        bundle.to_str().expect("utf8"),
    ]))
    .await;
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Fetched 1 cases"), "{stdout}");
    let onion_host = onion.trim_start_matches("http://").to_string();
    assert!(
        socks
            .hosts
            .lock()
            .expect("lock")
            .iter()
            .all(|h| *h == onion_host),
        "the proxy resolved the onion name: {:?}",
        socks.hosts.lock().expect("lock")
    );
    // The export opens with the stock age CLI.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).expect("manifest"))
            .expect("json");
    let files = manifest["cases"][0]["files"].as_array().expect("files");
    let opened: Vec<Vec<u8>> = files
        .iter()
        .map(|f| {
            age_decrypt(
                &server.reviewer.key_path,
                &std::fs::read(bundle.join(f["content"].as_str().expect("path"))).expect("age"),
            )
        })
        .collect();
    assert!(opened.contains(&content), "the file came through intact");

    let (ok, stdout, stderr) = run(via(&["review", "trust", "--identity", &key])).await;
    assert!(ok, "{stderr}");
    assert!(stdout.contains("trusts"), "{stdout}");
    let (ok, _, stderr) = run(via(&["review", "grant", "--identity", &key])).await;
    assert!(ok, "{stderr}");
    let state = out.path().join("log-state.txt");
    let (ok, _, stderr) = run(via(&[
        "log",
        "verify",
        "--state",
        state.to_str().expect("utf8"),
    ]))
    .await;
    assert!(ok, "{stderr}");
    let ws =
        WorkstationProcess::start_at(&onion, &server.reviewer.key_path, &["--proxy", &proxy]).await;
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200, "{inbox}");
    assert!(inbox.contains("/cases/"), "{inbox}");
    drop(ws);

    // Each layer's failure, in its own words.
    let closed = format!("socks5h://127.0.0.1:{}", free_port());
    let (ok, _, stderr) = run(vec![
        "review".into(),
        "fetch".into(),
        "--identity".into(),
        key.clone(),
        "--out".into(),
        out.path().join("b2").display().to_string(),
        "--server".into(),
        onion.clone(),
        "--proxy".into(),
        closed.clone(),
    ])
    .await;
    assert!(!ok);
    assert!(
        stderr.contains(&format!(
            "the Tor proxy at {} refused the connection",
            closed.trim_start_matches("socks5h://")
        )),
        "{stderr}"
    );
    let unreachable = hostile::Socks5Server::start(target, 4).await;
    let (ok, _, stderr) = run(vec![
        "review".into(),
        "trust".into(),
        "--identity".into(),
        key.clone(),
        "--server".into(),
        onion.clone(),
        "--proxy".into(),
        unreachable.url(),
    ])
    .await;
    assert!(!ok);
    assert!(
        stderr.contains("is not reachable yet through the Tor proxy"),
        "{stderr}"
    );
    let (ok, _, stderr) = run(vec![
        "review".into(),
        "trust".into(),
        "--identity".into(),
        key.clone(),
        "--server".into(),
        onion.clone(),
        "--proxy".into(),
        format!("socks5h://{}", server.authority()),
    ])
    .await;
    assert!(!ok);
    assert!(stderr.contains("does not speak SOCKS5"), "{stderr}");
    let (ok, _, stderr) = run(vec![
        "review".into(),
        "trust".into(),
        "--identity".into(),
        key.clone(),
        "--server".into(),
        onion.clone(),
        "--proxy".into(),
        proxy.replace("socks5h", "socks5"),
    ])
    .await;
    assert!(!ok);
    assert!(stderr.contains("use socks5h://"), "{stderr}");
}

/// With `reviewer_listen`, the reviewer API is only on its own listener (the reviewer
/// onion), the reporter listener answers 404 under `/api/`, and the workstation works
/// against the reviewer listener.
#[tokio::test(flavor = "multi_thread")]
async fn the_reviewer_api_can_have_a_listener_of_its_own() {
    let reviewer_port = free_port();
    let server = TestServer::start_with(Options {
        extra_config: format!("reviewer_listen = \"127.0.0.1:{reviewer_port}\""),
        ..Options::default()
    });
    let reviewers = format!("http://127.0.0.1:{reviewer_port}");
    report(&server, "split listeners", "s.bin", &bytes(500, 9)).await;
    let http = server.manual_client();
    for path in ["/api/v1/info", "/api/v1/cases", "/api/v1/nothing"] {
        let r = http
            .get(format!("{}{path}", server.url))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), 404, "reporters' listener: {path}");
    }
    let r = http
        .post(format!("{}/api/v1/auth/challenge", server.url))
        .json(&ChallengeRequest {
            reviewer: "alice".into(),
        })
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 404, "no sign-in on the reporters' listener");
    for (path, status) in [
        ("/", 404),
        ("/submit", 404),
        ("/followup", 404),
        ("/log/checkpoint", 200),
        ("/log/keys", 200),
    ] {
        let r = http
            .get(format!("{reviewers}{path}"))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), status, "reviewers' listener: {path}");
    }
    let r = http
        .post(format!("{reviewers}/api/v1/auth/challenge"))
        .json(&ChallengeRequest {
            reviewer: "alice".into(),
        })
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200, "sign-in on the reviewers' listener");
    let (status, _) = sign_in_status(&server).await;
    assert_eq!(status, 200, "reporter pages stay on theirs");
    let out = tempfile::tempdir().expect("tempdir");
    let (ok, stdout, stderr) = run_candor_async(&[
        "review",
        "fetch",
        "--server",
        &reviewers,
        "--identity",
        server.reviewer.key_path.to_str().expect("utf8"),
        "--out",
        out.path().join("b").to_str().expect("utf8"),
    ])
    .await;
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Fetched 1 cases"), "{stdout}");
}

async fn sign_in_status(server: &TestServer) -> (u16, String) {
    let r = server
        .manual_client()
        .get(format!("{}/followup", server.url))
        .send()
        .await
        .expect("get");
    (r.status().as_u16(), r.text().await.expect("text"))
}

/// The deployment's torrc (two onions, the reviewers' with client authorization) is one
/// Tor accepts, with a reviewer's key from `candor keygen tor-client` in place.
#[test]
fn the_deployed_torrc_passes_tor_verify_config() {
    if std::process::Command::new("tor")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs Debian's tor; it is missing"
        );
        eprintln!("skipped: Debian's tor is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let torrc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/torrc"))
        .expect("deploy/torrc")
        .replace("/var/lib/tor/", &format!("{}/tor/", root.display()))
        .replace("/run/candor/", &format!("{}/run/", root.display()));
    for hs in ["candor", "candor-reviewers"] {
        let hs_dir = root.join("tor").join(hs);
        std::fs::create_dir_all(hs_dir.join("authorized_clients")).expect("dir");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hs_dir, std::fs::Permissions::from_mode(0o700)).expect("mode");
    }
    let onion = format!("{}.onion", "b".repeat(56));
    let keys = root.join("keys");
    let (ok, _, stderr) = run_candor(&[
        "keygen",
        "tor-client",
        "--name",
        "alice",
        "--onion",
        &onion,
        "--out",
        keys.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    std::fs::copy(
        keys.join("alice.auth"),
        root.join("tor/candor-reviewers/authorized_clients/alice.auth"),
    )
    .expect("copy");
    let path = root.join("torrc");
    std::fs::write(
        &path,
        format!(
            "DataDirectory {}/tor/data\nSocksPort 0\n{torrc}",
            root.display()
        ),
    )
    .expect("write");
    let out = std::process::Command::new("tor")
        .args(["--verify-config", "-f"])
        .arg(&path)
        .output()
        .expect("tor");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // And the workstation's side: a ClientOnionAuthDir holding the private key.
    let client_dir = root.join("client-auth");
    std::fs::create_dir_all(&client_dir).expect("dir");
    std::fs::copy(
        keys.join("alice.auth_private"),
        client_dir.join("alice.auth_private"),
    )
    .expect("copy");
    let client = root.join("client-torrc");
    std::fs::write(
        &client,
        format!(
            "DataDirectory {}/tor/client\nSocksPort 127.0.0.1:{}\nClientOnionAuthDir {}\n",
            root.display(),
            free_port(),
            client_dir.display()
        ),
    )
    .expect("write");
    let out = std::process::Command::new("tor")
        .args(["--verify-config", "-f"])
        .arg(&client)
        .output()
        .expect("tor");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Candor where it lives: a private Tor network on loopback serves the reporters' listener
/// as an onion and the reviewer API as a second onion with client authorization. A
/// reporter submits files through the first; a workstation whose Tor holds the key fetches
/// through the second and the stock `age` CLI decrypts what it fetched; a Tor without the
/// key cannot reach it; the reviewer answers through Tor and the reporter reads the answer
/// through the onion. Run by `test.sh` (needs Debian's `tor` and `../shared/tor`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Debian's tor and ../shared/tor; test.sh runs it"]
async fn candor_on_tor_end_to_end() {
    use std::time::Instant;
    assert!(
        tor::available(),
        "Debian's tor or ../shared/tor/onion-check is missing"
    );
    let began = Instant::now();
    let root = tempfile::tempdir().expect("tempdir");
    let socket = root.path().join("candor.sock");
    let reviewer_port = free_port();
    let server = TestServer::start_with(Options {
        listen: format!("unix:{}", socket.display()),
        extra_config: format!("reviewer_listen = \"127.0.0.1:{reviewer_port}\""),
        ..Options::default()
    });
    let target = format!("unix:{}", socket.display());
    let work = root.path().join("tor");
    let mut net = tokio::task::spawn_blocking(move || tor::TorNetwork::start(&target, &work))
        .await
        .expect("network");
    let network_up = began.elapsed();
    let through = |port: u16| {
        reqwest::Client::builder()
            .proxy(reqwest::Proxy::all(format!("socks5h://127.0.0.1:{port}")).expect("proxy"))
            .timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    };
    let reporter = through(net.socks_port);
    let reporters = format!("http://{}", net.onion);

    // A report with two files, through the reporters' onion.
    let secret = canary("tor-report");
    let (one, two) = (bytes(200_000, 71), bytes(3_000, 72));
    let form = reqwest::multipart::Form::new()
        .text("message", secret.clone())
        .part(
            "files",
            reqwest::multipart::Part::bytes(one.clone()).file_name("one.pdf"),
        )
        .part(
            "files",
            reqwest::multipart::Part::bytes(two.clone()).file_name("two.txt"),
        );
    let r = reporter
        .post(format!("{reporters}/submit"))
        .multipart(form)
        .send()
        .await
        .expect("submit through Tor");
    assert_eq!(r.status(), 200);
    let receipt = receipt_from(&r.text().await.expect("page")).expect("receipt");
    let r = reporter
        .get(format!("{reporters}/api/v1/info"))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 404, "no reviewer API on the reporters' onion");
    let submitted = began.elapsed();

    // The reviewers' onion, for one workstation's key, and that workstation's Tor.
    let keys = root.path().join("keys");
    let keys_for = keys.clone();
    let reviewer_target = format!("127.0.0.1:{reviewer_port}");
    let review_onion = net.add_authorized_onion(&reviewer_target, move |onion| {
        let (ok, _, stderr) = run_candor(&[
            "keygen",
            "tor-client",
            "--name",
            "alice",
            "--onion",
            onion,
            "--out",
            keys_for.to_str().expect("utf8"),
        ]);
        assert!(ok, "{stderr}");
        vec![keys_for.join("alice.auth")]
    });
    let workstation_tor = net.add_authorized_client(&keys.join("alice.auth_private"));
    let reviewers = format!("http://{review_onion}");
    let authorized = format!("socks5h://127.0.0.1:{workstation_tor}");
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();

    // `review fetch` through the workstation's Tor (the new onion's descriptor needs a
    // little while to be published: bounded retries).
    let mut fetched = None;
    let mut last = String::new();
    for attempt in 0..30 {
        let bundle = root.path().join(format!("bundle-{attempt}"));
        let (ok, _, stderr) = run_candor_async(&[
            "review",
            "fetch",
            "--server",
            &reviewers,
            "--proxy",
            &authorized,
            "--identity",
            &key,
            "--out",
            bundle.to_str().expect("utf8"),
        ])
        .await;
        if ok {
            fetched = Some(bundle);
            break;
        }
        last = stderr;
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    let bundle = fetched.unwrap_or_else(|| panic!("no fetch through Tor: {last}"));
    let fetched_at = began.elapsed();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("manifest.json")).expect("manifest"))
            .expect("json");
    let opened: Vec<Vec<u8>> = manifest["cases"][0]["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            age_decrypt(
                &server.reviewer.key_path,
                &std::fs::read(bundle.join(f["content"].as_str().expect("path"))).expect("age"),
            )
        })
        .collect();
    assert!(
        opened.contains(&one) && opened.contains(&two),
        "both files, intact"
    );
    assert!(opened.contains(&secret.clone().into_bytes()), "the message");

    // A Tor without the key cannot reach the reviewers' onion, now that it is up.
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "trust",
        "--server",
        &reviewers,
        "--proxy",
        &format!("socks5h://127.0.0.1:{}", net.socks_port),
        "--identity",
        &key,
    ])
    .await;
    assert!(!ok, "reached the reviewers' onion without the client key");
    eprintln!("without the client key: {stderr}");
    assert!(
        stderr.contains("not reachable") || stderr.contains("did not answer"),
        "{stderr}"
    );

    // The reviewer answers from the workstation's pages, through Tor.
    let ws = WorkstationProcess::start_at(
        &reviewers,
        &server.reviewer.key_path,
        &["--proxy", &authorized],
    )
    .await;
    let store = server.store().await;
    let reference = store.cases().await.expect("cases")[0].reference.clone();
    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&secret), "decrypted on the workstation");
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"")
        .expect("csrf")
        .to_string();
    let answer = canary("tor-answer");
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("message", answer.clone());
    let r = ws
        .post_multipart(&format!("/cases/{reference}/reply"), form)
        .await;
    assert_eq!(r.status(), 303);

    // The reporter comes back through the onion and reads it.
    let r = reporter
        .post(format!("{reporters}/followup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("receipt={}", urlencode(&receipt)))
        .send()
        .await
        .expect("sign in through Tor");
    assert_eq!(r.status(), 303);
    let cookie = cookie_pair(r.headers()["set-cookie"].to_str().expect("cookie"));
    let page = reporter
        .get(format!("{reporters}/case"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("case through Tor")
        .text()
        .await
        .expect("page");
    assert!(
        page.contains(&answer),
        "the reply, read through Tor: {page}"
    );
    eprintln!(
        "tor end to end: network up {network_up:?}, report submitted {submitted:?}, fetched through the reviewers' onion {fetched_at:?}, done {:?}",
        began.elapsed()
    );

    // At scale, through Tor: 300 more cases of 3 files each, a full fetch and an
    // incremental one, and the workstation's inbox and a case page (times in the log).
    candor_testkit::scale::seed_cases(&server, 300, 3, 2_000).await;
    let big = root.path().join("bundle-300");
    let fetch_big = || async {
        let started = Instant::now();
        let (ok, stdout, stderr) = run_candor_async(&[
            "review",
            "fetch",
            "--server",
            &reviewers,
            "--proxy",
            &authorized,
            "--identity",
            &key,
            "--out",
            big.to_str().expect("utf8"),
        ])
        .await;
        assert!(ok, "{stderr}");
        (started.elapsed(), stdout)
    };
    let (full, stdout) = fetch_big().await;
    assert!(stdout.contains("Fetched 301 cases"), "{stdout}");
    let (again, stdout) = fetch_big().await;
    assert!(stdout.contains("0 ciphertexts downloaded"), "{stdout}");
    let started = Instant::now();
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200);
    assert!(inbox.contains("301 cases"), "{inbox}");
    let inbox_time = started.elapsed();
    let started = Instant::now();
    let (status, _) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200);
    let case_time = started.elapsed();
    eprintln!(
        "through Tor, 301 cases with 903 files: full fetch {full:?}, fetch again {again:?}, inbox {inbox_time:?}, a case page {case_time:?}"
    );
}

/// Evidence replaced after it arrived (here with a reviewer's token, consistently: new
/// content and new metadata, sealed to everyone) is flagged on the workstation's case
/// page and on the reporter's, because the report's receipt in the log commits to the
/// plaintext SHA-256 of every text and file.
#[tokio::test(flavor = "multi_thread")]
async fn a_replaced_file_is_flagged_for_the_reviewer_and_the_reporter() {
    let server = TestServer::start();
    let receipt = report(
        &server,
        "the original report",
        "contract.pdf",
        b"%PDF original",
    )
    .await;
    let store = server.store().await;
    let case = store.cases().await.expect("cases")[0].clone();
    let file_item = store.messages(case.id).await.expect("messages")[0]
        .items
        .iter()
        .find(|i| i.kind == candor_store::ItemKind::File)
        .expect("file")
        .id;
    let (status, page) = {
        let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
        ws.get(&format!("/cases/{}", case.reference)).await
    };
    assert_eq!(status, 200);
    assert!(
        !page.contains("Replaced or damaged"),
        "intact at first: {page}"
    );

    // Someone with a reviewer's token swaps the file for another, sealed to everyone.
    let (name, ids) =
        candor_workstation::load_identity(&server.reviewer.key_path, None).expect("id");
    let state = tempfile::tempdir().expect("tempdir");
    let trust = candor_workstation::trust::TrustStore::open(state.path()).expect("trust");
    let client =
        candor_workstation::Client::new(&server.url, &name, ids, None, std::sync::Arc::new(trust))
            .expect("client");
    let recipients: Vec<age::x25519::Recipient> = vec![
        server.reviewer.recipient.parse().expect("reviewer"),
        case.reporter_recipient.parse().expect("reporter"),
    ];
    let forged = b"%PDF forged".to_vec();
    let meta = candor_core::conversation::FileMeta::new(
        "contract.pdf",
        "application/pdf",
        forged.len() as u64,
        sha2::Sha256::digest(&forged).into(),
    );
    client
        .replace_items(&[
            candor_workstation::OutgoingPart {
                name: format!("content:{file_item}").into(),
                body: candor_workstation::PartBody::Memory(
                    candor_core::seal::seal_bytes(&recipients, &forged)
                        .expect("seal")
                        .into(),
                ),
            },
            candor_workstation::OutgoingPart {
                name: format!("meta:{file_item}").into(),
                body: candor_workstation::PartBody::Memory(
                    candor_core::seal::seal_bytes(&recipients, &meta.to_json())
                        .expect("seal")
                        .into(),
                ),
            },
        ])
        .await
        .expect("replaced");

    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    let (status, page) = ws.get(&format!("/cases/{}", case.reference)).await;
    assert_eq!(status, 200);
    assert_eq!(
        page.matches("Replaced or damaged").count(),
        1,
        "the file, not the message: {page}"
    );
    let (_, set_cookie, _) = sign_in(&server, &receipt).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let (_, reporter_page) = get_with_cookie(&server, "/case", &cookie).await;
    assert_eq!(
        reporter_page
            .matches("This item is not what you sent")
            .count(),
        1,
        "{reporter_page}"
    );
    // And offline: `review open` of a fetched bundle names the replaced item.
    let out = tempfile::tempdir().expect("tempdir");
    let bundle = out.path().join("bundle");
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "fetch",
        "--server",
        &server.url,
        "--identity",
        &key,
        "--out",
        bundle.to_str().expect("utf8"),
    ])
    .await;
    assert!(ok, "{stderr}");
    let opened = out.path().join("opened");
    let (ok, _, stderr) = run_candor_async(&[
        "review",
        "open",
        bundle.to_str().expect("utf8"),
        "--identity",
        &key,
        "--out",
        opened.to_str().expect("utf8"),
    ])
    .await;
    assert!(!ok, "a replaced item is a problem");
    assert!(
        stderr.contains(&format!(
            "item {file_item} differs from what the reporter sent"
        )),
        "{stderr}"
    );
}

async fn api_post(
    server: &TestServer,
    path: &str,
    token: Option<&str>,
    body: String,
) -> (u16, Vec<u8>) {
    let mut req = server
        .manual_client()
        .post(format!("{}/api/v1{path}", server.url))
        .header("content-type", "application/json")
        .body(body);
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    let r = req.send().await.expect("post");
    (r.status().as_u16(), r.bytes().await.expect("body").to_vec())
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_and_bulk_refuse_what_they_should_and_answer_in_one_request() {
    let server = TestServer::start();
    report(&server, "a report", "a.pdf", &bytes(5_000, 7)).await;
    let token = api_sign_in(&server, "alice", &server.reviewer.key_path)
        .await
        .expect("sign in");
    let t = Some(token.as_str());
    assert_eq!(
        api_post(&server, "/sync", None, r#"{"buckets":{}}"#.into())
            .await
            .0,
        401
    );
    assert_eq!(api_post(&server, "/sync", t, "{}".into()).await.0, 400);
    let (status, body) = api_post(&server, "/sync", t, r#"{"buckets":{}}"#.into()).await;
    assert_eq!(status, 200);
    let sync: candor_core::api::SyncResponse = serde_json::from_slice(&body).expect("json");
    assert_eq!(sync.buckets.len(), 1);
    let bucket = &sync.buckets[0];
    assert_eq!(bucket.cases.len(), 1);
    let case = &bucket.cases[0];
    assert!(case.is_whole());
    assert_eq!(
        candor_core::api::sync_bucket(case.reference()),
        bucket.bucket
    );
    let detail = &case.detail;
    // The same bucket digest: nothing sent.
    let held = candor_core::api::sync_buckets([(case.reference(), case.digest.as_str())]);
    let request = serde_json::to_string(&candor_core::api::SyncRequest {
        buckets: held.clone(),
    })
    .expect("json");
    let (_, body) = api_post(&server, "/sync", t, request).await;
    let again: candor_core::api::SyncResponse = serde_json::from_slice(&body).expect("json");
    assert!(again.buckets.is_empty(), "{again:?}");
    // A bucket the server holds nothing in comes back empty (its cases are gone), and a
    // digest that differs brings the whole bucket back.
    let mut stale = held.clone();
    let empty = (0..=255u8)
        .find(|b| *b != bucket.bucket)
        .expect("another bucket");
    stale.insert(empty, "00".repeat(16));
    stale.insert(bucket.bucket, "11".repeat(16));
    let request =
        serde_json::to_string(&candor_core::api::SyncRequest { buckets: stale }).expect("json");
    let (_, body) = api_post(&server, "/sync", t, request).await;
    let again: candor_core::api::SyncResponse = serde_json::from_slice(&body).expect("json");
    assert_eq!(again.buckets.len(), 2);
    for b in &again.buckets {
        let expected = usize::from(b.bucket == bucket.bucket);
        assert_eq!(b.cases.len(), expected, "bucket {}", b.bucket);
    }
    // The request stays small whatever the number of cases: a body larger than 256
    // buckets' digests is refused before it is parsed.
    let huge = format!(r#"{{"buckets":{{"1":"{}"}}}}"#, "a".repeat(70_000));
    assert!(matches!(
        api_post(&server, "/sync", t, huge).await.0,
        400 | 413
    ));

    let items: Vec<&candor_core::api::ItemInfo> =
        detail.messages.iter().flat_map(|m| &m.items).collect();
    let text = items.iter().find(|i| i.kind == "text").expect("text");
    let file = items.iter().find(|i| i.kind == "file").expect("file");
    let bulk = |list: String| format!(r#"{{"items":[{list}]}}"#);
    assert_eq!(
        api_post(&server, "/items/bulk", t, bulk(String::new()))
            .await
            .0,
        400
    );
    let too_many = vec![format!(r#"{{"id":{},"part":"content"}}"#, text.id); 2001].join(",");
    let (status, _) = api_post(&server, "/items/bulk", t, bulk(too_many)).await;
    assert!(status == 400 || status == 413, "{status}");
    let unknown = r#"{"id":1,"part":"content"}"#.to_string();
    assert_eq!(
        api_post(&server, "/items/bulk", t, bulk(unknown)).await.0,
        404
    );
    let text_meta = format!(r#"{{"id":{},"part":"meta"}}"#, text.id);
    assert_eq!(
        api_post(&server, "/items/bulk", t, bulk(text_meta)).await.0,
        404
    );
    assert_eq!(
        api_post(&server, "/items/bulk", t, "not json".into())
            .await
            .0,
        400
    );

    // One request, three ciphertexts, each after its header, each as the detail says.
    let wanted = format!(
        r#"{{"id":{},"part":"content"}},{{"id":{},"part":"content"}},{{"id":{},"part":"meta"}}"#,
        text.id, file.id, file.id
    );
    let (status, body) = api_post(&server, "/items/bulk", t, bulk(wanted)).await;
    assert_eq!(status, 200);
    let mut rest = &body[..];
    for (id, sha) in [
        (text.id, &text.sha256),
        (file.id, &file.sha256),
        (file.id, &file.meta.as_ref().expect("meta").sha256),
    ] {
        let line_end = rest.iter().position(|b| *b == b'\n').expect("header");
        let frame: candor_core::api::BulkFrame =
            serde_json::from_slice(&rest[..line_end]).expect("frame");
        assert_eq!(frame.id, id);
        let content = &rest[line_end + 1..line_end + 1 + frame.size as usize];
        assert_eq!(&hex::encode(sha2::Sha256::digest(content)), sha);
        rest = &rest[line_end + 1 + frame.size as usize..];
    }
    assert!(rest.is_empty());
    // The reads are in the audit trail: each answered sync once, each ciphertext once.
    let store = server.store().await;
    let audit = store.audit_entries(None, 100).await.expect("audit");
    assert_eq!(
        audit.iter().filter(|a| a.action == "synced cases").count(),
        3
    );
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "downloaded item")
            .count(),
        2
    );
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "read file details")
            .count(),
        1
    );
}

/// `POST /api/v1/items/replace` (a grant's upload): each item once, `content:ID` then
/// `meta:ID` for a file and only for a file, age files only, known items only; anything
/// else replaces nothing. A good request replaces every item in one transaction with one
/// audit record each.
#[tokio::test(flavor = "multi_thread")]
async fn bulk_replace_refuses_what_it_should_and_replaces_all_at_once() {
    let server = TestServer::start();
    report(&server, "a report", "a.pdf", &bytes(5_000, 7)).await;
    let token = api_sign_in(&server, "alice", &server.reviewer.key_path)
        .await
        .expect("sign in");
    let store = server.store().await;
    let case = store.cases().await.expect("cases")[0].clone();
    let items = store.messages(case.id).await.expect("messages")[0]
        .items
        .clone();
    let text = items
        .iter()
        .find(|i| i.kind == candor_store::ItemKind::Text)
        .expect("text")
        .id;
    let file = items
        .iter()
        .find(|i| i.kind == candor_store::ItemKind::File)
        .expect("file")
        .id;
    let before: Vec<Vec<u8>> = {
        let mut all = Vec::new();
        for i in &items {
            all.push(store.read_blob(i.blob_id).await.expect("blob"));
        }
        all
    };
    let recipients: Vec<age::x25519::Recipient> =
        vec![server.reviewer.recipient.parse().expect("recipient")];
    let sealed = |plain: &[u8]| candor_core::seal::seal_bytes(&recipients, plain).expect("seal");
    let post = |parts: Vec<(String, Vec<u8>)>| {
        let mut form = reqwest::multipart::Form::new();
        for (name, body) in parts {
            form = form.part(
                name,
                reqwest::multipart::Part::bytes(body).file_name("x.age"),
            );
        }
        let request = server
            .manual_client()
            .post(format!("{}/api/v1/items/replace", server.url))
            .header("authorization", format!("Bearer {token}"))
            .multipart(form);
        async move { request.send().await.expect("post").status().as_u16() }
    };
    let c = |id: i64| format!("content:{id}");
    let m = |id: i64| format!("meta:{id}");
    for (why, parts, expected) in [
        ("no item", vec![], 400),
        ("no id", vec![("content".to_string(), sealed(b"x"))], 400),
        ("an unknown item", vec![(c(1), sealed(b"x"))], 404),
        (
            "metadata for a text",
            vec![(c(text), sealed(b"x")), (m(text), sealed(b"{}"))],
            400,
        ),
        (
            "a file without metadata",
            vec![(c(file), sealed(b"x"))],
            400,
        ),
        (
            "metadata first",
            vec![(m(file), sealed(b"{}")), (c(file), sealed(b"x"))],
            400,
        ),
        (
            "an item twice",
            vec![(c(text), sealed(b"x")), (c(text), sealed(b"y"))],
            400,
        ),
        (
            "not an age file",
            vec![(c(text), b"plain text".to_vec())],
            422,
        ),
        (
            "another name",
            vec![("file:3".to_string(), sealed(b"x"))],
            400,
        ),
    ] {
        assert_eq!(post(parts).await, expected, "{why}");
    }
    let unchanged = store.messages(case.id).await.expect("messages")[0]
        .items
        .clone();
    for (i, item) in unchanged.iter().enumerate() {
        assert_eq!(
            store.read_blob(item.blob_id).await.expect("blob"),
            before[i]
        );
    }
    assert_eq!(
        store.blob_counts().await.expect("counts").1,
        0,
        "nothing pending"
    );

    let new_text = sealed(b"a report, again");
    let parts = vec![
        (c(text), new_text.clone()),
        (c(file), sealed(b"new file")),
        (m(file), sealed(b"{}")),
    ];
    assert_eq!(post(parts).await, 204);
    let after = store.messages(case.id).await.expect("messages")[0]
        .items
        .clone();
    let text_now = after.iter().find(|i| i.id == text).expect("text");
    assert_eq!(
        store.read_blob(text_now.blob_id).await.expect("blob"),
        new_text
    );
    let audit = store.audit_entries(None, 100).await.expect("audit");
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "re-encrypted item")
            .count(),
        2
    );
}
