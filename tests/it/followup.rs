//! Returning reporters against a real server on loopback: sign-in, the case page,
//! answers and files, sessions, cross-site protection, and a sign-in flood.

use std::time::Duration;

use candor_testkit::*;

use candor_core::conversation::Attachment;
use candor_core::receipt::{Receipt, derive};
use candor_server::conversation::reply_as_body;
use candor_store::{Author, Status};
use zeroize::Zeroizing;

/// Submits a first report and returns its receipt code.
async fn first_report(
    server: &TestServer,
    message: &str,
    file_name: &str,
    content: &[u8],
) -> String {
    let (status, html) = submit(
        server,
        vec![
            Part::Message(message.as_bytes().to_vec()),
            file(file_name, "application/pdf", content.to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    receipt_from(&html).expect("receipt")
}

async fn case_id_for(server: &TestServer, code: &str) -> i64 {
    let store = server.store().await;
    let install = store.install().await.expect("install");
    let derived = derive(
        &Receipt::parse(code).expect("code"),
        &install.receipt_salt,
        install.kdf,
    )
    .expect("derive");
    store
        .case_by_lookup(&derived.lookup_key[..])
        .await
        .expect("lookup")
        .expect("case")
        .id
}

/// Posts an answer from the case page's form.
async fn answer(
    server: &TestServer,
    cookie: &str,
    csrf: &str,
    message: &str,
    files: Vec<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_string())
        .text("message", message.to_string());
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    server
        .manual_client()
        .post(format!("{}/case/reply", server.url))
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("answer")
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_read_reply_and_answer() {
    let server = TestServer::start();
    let evidence = bytes(400_000, 11);
    let code = first_report(
        &server,
        "First report: invoices were forged.",
        "invoices.pdf",
        &evidence,
    )
    .await;

    // Typed back from paper: upper case, extra spaces.
    let typed = format!("  {}  ", code.to_uppercase().replace(' ', "   "));
    let (status, set_cookie, _) = sign_in(&server, &typed).await;
    assert_eq!(status, 303);
    let set_cookie = set_cookie.expect("a session cookie");
    // Cookie flags: HttpOnly, SameSite=Strict, Path=/, no Max-Age or Expires; not Secure on
    // plain http to 127.0.0.1.
    assert!(set_cookie.starts_with("candor_session="));
    assert!(set_cookie.contains("HttpOnly"));
    assert!(set_cookie.contains("SameSite=Strict"));
    assert!(set_cookie.contains("Path=/"));
    assert!(!set_cookie.to_lowercase().contains("max-age"));
    assert!(!set_cookie.to_lowercase().contains("expires"));
    assert!(!set_cookie.contains("Secure"));
    let cookie = cookie_pair(&set_cookie);
    assert_eq!(cookie.len(), "candor_session=".len() + 64, "256-bit id");

    let (status, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert_eq!(status, 200);
    assert!(page.contains("Status: Received"));
    assert!(page.contains("First report: invoices were forged."));
    assert!(page.contains("invoices.pdf"));
    assert!(page.contains("Acknowledgement due by"));
    assert!(page.contains("Feedback due by"));
    assert!(!page.to_lowercase().contains("<script"));

    // The reporter's own file, decrypted on the fly.
    let file_link = page
        .split("href=\"/case/files/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("file link");
    let response = server
        .manual_client()
        .get(format!("{}/case/files/{file_link}", server.url))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/octet-stream");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let disposition = headers["content-disposition"].to_str().expect("ascii");
    assert!(
        disposition.starts_with("attachment; filename=\"invoices.pdf\""),
        "{disposition}"
    );
    assert!(response.bytes().await.expect("bytes") == evidence);

    // The body replies (library API) and changes the status.
    let case_id = case_id_for(&server, &code).await;
    let body_store = server.body_store().await;
    let reviewers = vec![server.reviewer.recipient.parse().expect("recipient")];
    let letter = b"Please send the original contract.".to_vec();
    reply_as_body(
        &*body_store,
        &reviewers,
        case_id,
        Some("We acknowledge your report. Can you tell us who signed the invoices?"),
        &[Attachment {
            name: "request.txt".into(),
            content_type: "text/plain".into(),
            bytes: Zeroizing::new(letter.clone()),
        }],
    )
    .await
    .expect("reply");
    body_store
        .set_status(
            case_id,
            Status::Acknowledged,
            &candor_store::Audit::new("test", "changed status"),
        )
        .await
        .expect("status");

    let (status, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert_eq!(status, 200);
    assert!(page.contains("Status: Acknowledged"));
    assert!(page.contains("Can you tell us who signed the invoices?"));
    assert!(page.contains("Test Authority</strong> wrote on"));
    assert!(page.contains("request.txt"));
    assert!(
        page.find("First report").expect("first") < page.find("who signed").expect("reply"),
        "in order"
    );

    // The reporter answers with a new file.
    let csrf = csrf_from(&page).expect("csrf token");
    let new_file = bytes(250_000, 12);
    let response = answer(
        &server,
        &cookie,
        &csrf,
        "The CFO signed them.",
        vec![("contract.pdf", new_file.clone())],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/case");
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(page.contains("Your answer and 1 file were sent."));
    assert!(page.contains("The CFO signed them."));
    assert!(page.contains("contract.pdf"));

    // The body decrypts the answer with the stock age CLI.
    let store = server.store().await;
    let messages = store.messages(case_id).await.expect("messages");
    assert_eq!(messages.len(), 3);
    let last = &messages[2];
    assert_eq!(last.author, Author::Reporter);
    let text = age_decrypt(
        &server.reviewer.key_path,
        &store.read_blob(last.items[0].blob_id).await.expect("blob"),
    );
    assert_eq!(text, b"The CFO signed them.");
    let file_plain = age_decrypt(
        &server.reviewer.key_path,
        &store.read_blob(last.items[1].blob_id).await.expect("blob"),
    );
    assert!(file_plain == new_file);
    let meta: serde_json::Value = serde_json::from_slice(&age_decrypt(
        &server.reviewer.key_path,
        &store
            .read_blob(last.items[1].meta_blob_id.expect("meta"))
            .await
            .expect("blob"),
    ))
    .expect("json");
    assert_eq!(meta["name"], "contract.pdf");

    // An answer that is not UTF-8 text stays on the case page with a plain notice.
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .part(
            "message",
            reqwest::multipart::Part::bytes(vec![0x66, 0xff, 0xfe, 0x6f]),
        );
    let r = server
        .manual_client()
        .post(format!("{}/case/reply", server.url))
        .header("cookie", &cookie)
        .multipart(form)
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/case");
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert!(
        page.contains("characters that could not be read, so nothing was sent"),
        "{page}"
    );
    assert_eq!(
        store.messages(case_id).await.expect("messages").len(),
        3,
        "nothing was stored"
    );

    // The case page and the sign-out answer carry the header set, like every page.
    let r = server
        .manual_client()
        .get(format!("{}/case", server.url))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("case");
    assert_security_headers(r.headers(), "/case");
    assert_reporter_safe(&r.text().await.expect("text"), "/case");

    // Sign out: the session is gone and the browser is told to forget the site.
    let response = server
        .manual_client()
        .post(format!("{}/logout", server.url))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .expect("logout");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["clear-site-data"],
        "\"cache\", \"cookies\", \"storage\""
    );
    assert_security_headers(response.headers(), "/logout");
    let removal = response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        removal.starts_with("candor_session=;") && removal.contains("Max-Age=0"),
        "{removal}"
    );
    let (status, page) = get_with_cookie(&server, "/case", &cookie).await;
    assert_eq!(status, 401, "a session id is useless after sign-out");
    assert!(page.contains("Please sign in again"));
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_codes_and_missing_sessions_are_refused() {
    let server = TestServer::start();
    let code = first_report(&server, "report", "a.pdf", b"%PDF-1.4").await;

    // A valid-looking code that opens nothing, and codes with a changed or moved word.
    let mut words: Vec<&str> = code.split(' ').collect();
    let unknown = "abacus abdomen abdominal abide abiding ability ablaze able";
    let changed = {
        let mut w = words.clone();
        w[3] = if w[3] == "zoom" { "zone" } else { "zoom" };
        w.join(" ")
    };
    words.swap(0, 7);
    let reordered = words.join(" ");
    let mut messages = Vec::new();
    for wrong in [unknown, changed.as_str(), reordered.as_str()] {
        if wrong == code {
            continue;
        }
        let (status, cookie, page) = sign_in(&server, wrong).await;
        assert_eq!(status, 401, "{wrong}");
        assert!(cookie.is_none(), "no session for a wrong code");
        let message = page
            .split("role=\"alert\"><p>")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("message")
            .to_string();
        messages.push(message);
    }
    assert!(
        messages.windows(2).all(|w| w[0] == w[1]),
        "one plain message for every wrong code"
    );
    assert!(messages[0].contains("does not open a report"));

    // Mistyped codes get help with the format, and no derivation.
    let (status, _, page) = sign_in(&server, "only three words").await;
    assert_eq!(status, 400);
    assert!(page.contains("eight words"));
    let (status, _, page) = sign_in(
        &server,
        "abacus abdomen abdominal abide abiding ability ablaze zzzzz",
    )
    .await;
    assert_eq!(status, 400);
    assert!(page.contains("not in our word list"));
    assert!(!page.contains("zzzzz"), "the input is never echoed");

    // No cookie, a made-up cookie, a malformed cookie.
    for cookie in [
        "",
        "candor_session=00",
        &format!("candor_session={}", "ab".repeat(32)),
        "candor_session=<script>",
    ] {
        let (status, _) = get_with_cookie(&server, "/case", cookie).await;
        assert_eq!(status, 401, "{cookie}");
        let (status, _) = get_with_cookie(&server, "/case/files/1", cookie).await;
        assert_eq!(status, 401, "{cookie}");
    }
    let response = answer(&server, "candor_session=00", "x", "hello", vec![]).await;
    assert_eq!(response.status(), 401);

    // A signed-in reporter cannot reach another case's items.
    let other = first_report(&server, "other report", "b.pdf", b"other").await;
    let other_case = case_id_for(&server, &other).await;
    let other_items = server
        .store()
        .await
        .messages(other_case)
        .await
        .expect("messages")[0]
        .items
        .clone();
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let (status, _) = get_with_cookie(
        &server,
        &format!("/case/files/{}", other_items[1].id),
        &cookie,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get_with_cookie(&server, "/case/files/not-a-number", &cookie).await;
    assert_eq!(status, 400);
}

#[tokio::test(flavor = "multi_thread")]
async fn cross_site_requests_and_bad_tokens_are_refused() {
    let server = TestServer::start();
    let code = first_report(&server, "report", "a.pdf", b"%PDF-1.4").await;
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let (_, page) = get_with_cookie(&server, "/case", &cookie).await;
    let csrf = csrf_from(&page).expect("csrf");
    let client = server.manual_client();

    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "http://evil.example"),
    ] {
        let r = client
            .post(format!("{}/followup", server.url))
            .header(name, value)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("receipt={}", urlencode(&code)))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 403, "{name}");
        let r = client
            .post(format!("{}/case/reply", server.url))
            .header(name, value)
            .header("cookie", &cookie)
            .multipart(
                reqwest::multipart::Form::new()
                    .text("csrf", csrf.clone())
                    .text("message", "forged"),
            )
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 403, "{name}");
        let r = client
            .post(format!("{}/logout", server.url))
            .header(name, value)
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf={csrf}"))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 403, "{name}");
    }
    // Same-site requests from a browser pass.
    let r = client
        .post(format!("{}/followup", server.url))
        .header("sec-fetch-site", "same-origin")
        .header("origin", "null")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("receipt={}", urlencode(&code)))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303);

    // A wrong or missing token is refused, and nothing is stored.
    let r = answer(&server, &cookie, "0000", "forged answer", vec![]).await;
    assert_eq!(r.status(), 403);
    let r = server
        .manual_client()
        .post(format!("{}/case/reply", server.url))
        .header("cookie", &cookie)
        .multipart(reqwest::multipart::Form::new().text("message", "no token"))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    let r = client
        .post(format!("{}/logout", server.url))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("csrf=wrong")
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    let (status, _) = get_with_cookie(&server, "/case", &cookie).await;
    assert_eq!(status, 200, "the session survives a refused sign-out");
    let case_id = case_id_for(&server, &code).await;
    assert_eq!(
        server
            .store()
            .await
            .messages(case_id)
            .await
            .expect("messages")
            .len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_expire_and_do_not_survive_a_restart() {
    let mut server = TestServer::start_with(Options {
        extra_config: "session_idle_timeout = \"2s\"\nsession_max_age = \"4s\"".into(),
        ..Options::default()
    });
    let code = first_report(&server, "report", "a.pdf", b"%PDF-1.4").await;

    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    assert_eq!(get_with_cookie(&server, "/case", &cookie).await.0, 200);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        get_with_cookie(&server, "/case", &cookie).await.0,
        401,
        "idle timeout"
    );

    // Active all along, but past the absolute limit.
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(3500) {
        assert_eq!(get_with_cookie(&server, "/case", &cookie).await.0, 200);
        tokio::time::sleep(Duration::from_millis(700)).await;
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        get_with_cookie(&server, "/case", &cookie).await.0,
        401,
        "absolute limit"
    );

    // Every sign-in gets a fresh id; none survives a restart.
    let (_, a, _) = sign_in(&server, &code).await;
    let (_, b, _) = sign_in(&server, &code).await;
    let (a, b) = (
        cookie_pair(&a.expect("cookie")),
        cookie_pair(&b.expect("cookie")),
    );
    assert_ne!(a, b);
    assert_eq!(get_with_cookie(&server, "/case", &a).await.0, 200);
    // Signing in again from a browser that still has a session ends that session.
    let r = server
        .manual_client()
        .post(format!("{}/followup", server.url))
        .header("cookie", &a)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("receipt={}", urlencode(&code)))
        .send()
        .await
        .expect("sign in");
    assert_eq!(r.status(), 303);
    let c = cookie_pair(r.headers()["set-cookie"].to_str().expect("cookie"));
    assert_eq!(
        get_with_cookie(&server, "/case", &a).await.0,
        401,
        "old one ended"
    );
    assert_eq!(get_with_cookie(&server, "/case", &c).await.0, 200);
    server.stop();
    server.spawn();
    assert_eq!(get_with_cookie(&server, "/case", &b).await.0, 401);
    assert_eq!(
        sign_in(&server, &code).await.0,
        303,
        "signing in again works"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn https_and_onion_cookies_are_secure() {
    let server = TestServer::start();
    let code = first_report(&server, "report", "a.pdf", b"%PDF").await;
    for (name, value) in [
        ("x-forwarded-proto", "https"),
        (
            "host",
            "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion",
        ),
    ] {
        let r = server
            .manual_client()
            .post(format!("{}/followup", server.url))
            .header(name, value)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("receipt={}", urlencode(&code)))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 303);
        let set_cookie = r.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .to_string();
        assert!(set_cookie.contains("; Secure"), "{name}: {set_cookie}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reporter_identity_is_not_recoverable_from_disk() {
    let mut server = TestServer::start();
    let code = first_report(&server, "report", "a.pdf", b"%PDF-1.4").await;
    let (_, set_cookie, _) = sign_in(&server, &code).await;
    let cookie = cookie_pair(&set_cookie.expect("cookie"));
    assert_eq!(get_with_cookie(&server, "/case", &cookie).await.0, 200);
    let store = server.store().await;
    let install = store.install().await.expect("install");
    let derived = derive(
        &Receipt::parse(&code).expect("code"),
        &install.receipt_salt,
        install.kdf,
    )
    .expect("derive");
    store.close().await;
    server.stop();

    let secret = candor_core::seal::identity_to_secret_string(&derived.identity);
    let (_, seed) = bech32::decode(&secret.to_lowercase()).expect("bech32");
    assert_eq!(seed.len(), 32);
    let words: Vec<&str> = code.split(' ').collect();
    let mut needles: Vec<Vec<u8>> = vec![
        secret.as_bytes().to_vec(),
        secret.to_lowercase().into_bytes(),
        seed.clone(),
        hex::encode(&seed).into_bytes(),
        code.as_bytes().to_vec(),
        code.replace(' ', "").into_bytes(),
        code.to_uppercase().into_bytes(),
        cookie.split('=').nth(1).expect("id").as_bytes().to_vec(),
    ];
    for pair in words.windows(2) {
        needles.push(pair.join(" ").into_bytes());
    }
    let log = server.log_text();
    for needle in &needles {
        let hits = files_containing(&server.data_dir, needle);
        assert!(hits.is_empty(), "secret material found in {hits:?}");
        assert!(
            !contains(log.as_bytes(), needle),
            "secret material in the server log"
        );
        assert!(files_containing(&server.tmp_dir, needle).is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_flood_never_breaks_the_server() {
    let server = TestServer::start();
    let code = first_report(&server, "report", "a.pdf", b"%PDF-1.4").await;
    let pid = server.pid().expect("pid");
    let client = server.manual_client();
    let wrong_code = |i: usize| {
        // Well-formed codes (8 list words) that open nothing: each costs a derivation.
        let list = diceware_wordlists::Wordlist::EffLong.get_list();
        let wrong: Vec<&str> = (0..8)
            .map(|j| list[(i * 31 + j * 977) % list.len()])
            .collect();
        format!("receipt={}", urlencode(&wrong.join(" ")))
    };
    // Clients that hang up while their derivation runs cannot start more derivations
    // than there are workers: each keeps its place until Argon2id is done.
    // They come in waves, each hanging up long before Argon2id (about half a second)
    // could finish: had the places been given back on hang-up, every wave would start
    // more derivations beside those still running, 64 MiB each.
    let impatient = reqwest::Client::builder()
        .timeout(Duration::from_millis(40))
        .build()
        .expect("client");
    for wave in 0..25usize {
        let mut abandoned = Vec::new();
        for i in 0..4usize {
            let request = impatient
                .post(format!("{}/followup", server.url))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(wrong_code(1000 + wave * 4 + i));
            abandoned.push(tokio::spawn(async move {
                let _ = request.send().await;
            }));
        }
        for t in abandoned {
            t.await.expect("join");
        }
    }
    let mut tasks = Vec::new();
    for i in 0..200usize {
        let client = client.clone();
        let url = format!("{}/followup", server.url);
        let body = wrong_code(i);
        tasks.push(tokio::spawn(async move {
            let r = client
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .expect("the server answers every request");
            r.status().as_u16()
        }));
    }
    // During the flood, other pages answer and a new report is stored: sign-ins and
    // submissions do not share a queue. (How fast is measured in benches/signin.rs.)
    tokio::time::sleep(Duration::from_millis(200)).await;
    let r = client
        .get(format!("{}/submit", server.url))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 200);
    let (status, html) = submit(&server, vec![Part::Message(b"during the flood".to_vec())]).await;
    assert_eq!(status, 200, "a first report is not refused as busy: {html}");
    assert!(receipt_from(&html).is_some());
    let mut counts = std::collections::BTreeMap::new();
    for t in tasks {
        *counts.entry(t.await.expect("join")).or_insert(0) += 1;
    }
    assert!(
        counts.keys().all(|s| *s == 401 || *s == 503),
        "only 'wrong code' or 'busy': {counts:?}"
    );
    assert!(
        counts.contains_key(&503),
        "the bounded queue refused some: {counts:?}"
    );
    // At most one 64 MiB Argon2id block per core at any time, whatever the clients did.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let peak_mib = rss_kib(pid, "VmHWM:") / 1024;
    let bound = 64 * cores + 192;
    assert!(
        peak_mib < bound,
        "peak memory {peak_mib} MiB (bound {bound} MiB)"
    );

    // Right after the flood the budget is used up: a calm page, with Retry-After. (It
    // refills at two a second: a few quick attempts use up what came back.)
    let mut r = None;
    for i in 0..50 {
        let answer = client
            .post(format!("{}/followup", server.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(wrong_code(5000 + i))
            .send()
            .await
            .expect("sign in");
        if answer.status() == 503 {
            r = Some(answer);
            break;
        }
    }
    let r = r.expect("a busy answer");
    assert_eq!(r.headers()["retry-after"], "60");
    assert_security_headers(r.headers(), "503");
    let html = r.text().await.expect("text");
    assert!(html.contains("try again in a minute"), "{html}");
    assert_reporter_safe(&html, "503");

    // Afterwards sign-in works again (the budget refills within seconds).
    let mut status = 0;
    for _ in 0..40 {
        status = sign_in(&server, &code).await.0;
        if status == 303 {
            break;
        }
        assert_eq!(status, 503);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(status, 303);
}
