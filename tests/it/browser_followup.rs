//! A returning reporter through a real browser: headless Chromium with JavaScript off (as
//! Tor Browser at "Safest") makes a report, comes back with the receipt code, downloads a
//! file, reads the body's reply, answers with a file and signs out, all through the real
//! server's HTML forms and links.

use std::collections::BTreeSet;

// fantoccini's cookies are `cookie` 0.18's, as axum-extra's, which re-exports `SameSite`.
use axum_extra::extract::cookie::SameSite;
use candor_core::conversation::Attachment;
use candor_core::receipt::Receipt;
use candor_server::conversation::reply_as_body;
use candor_store::{Author, ItemKind, Status};
use candor_testkit::browser::{Browser, Cookie, Element, NetworkRequest, poll};
use candor_testkit::*;
use zeroize::Zeroizing;

/// The body's name in the test servers' configuration.
const BODY: &str = "Test Authority";
/// The session cookie's name.
const SESSION: &str = "candor_session";

#[tokio::test(flavor = "multi_thread")]
async fn reporter_comes_back_reads_the_reply_answers_and_signs_out() {
    let server = TestServer::start();
    let browser = Browser::start().await;

    let docs = tempfile::tempdir().expect("a folder for the files to attach");
    let evidence = bytes(200_000, 31);
    let evidence_name = "Rechnungen März.pdf";
    let evidence_path = docs.path().join(evidence_name);
    std::fs::write(&evidence_path, &evidence).expect("write the evidence");
    let contract = bytes(150_000, 32);
    let contract_name = "contract 2024.pdf";
    let contract_path = docs.path().join(contract_name);
    std::fs::write(&contract_path, &contract).expect("write the contract");

    // 1. A first report with a file, through the form.
    browser.goto(&format!("{}/submit", server.url)).await;
    assert_eq!(browser.title().await, format!("Make a report — {BODY}"));
    let first_message = "The invoices of March were forged.\nAsk the accounts department.";
    browser
        .find("#message")
        .await
        .type_text(first_message)
        .await;
    browser.find("#files").await.attach(&[&evidence_path]).await;
    click_to_new_page(&browser, &browser.find("form button[type=submit]").await).await;
    assert_eq!(
        browser.title().await,
        format!("Your report was received — {BODY}")
    );
    assert_eq!(
        browser.text("[role=status]").await,
        "Your report and 1 file were encrypted and stored safely."
    );
    let code = browser.text("#receipt").await;
    Receipt::parse(&code).expect("the receipt shown is a valid code");
    assert_eq!(
        browser.cookie(SESSION).await,
        None,
        "no session after a report"
    );

    // 2. Back again, through the navigation (there is no session to end).
    let check = browser.find("header nav a[href='/followup']").await;
    assert_eq!(check.text().await, "Check your report");
    click_to_new_page(&browser, &check).await;
    assert_eq!(
        browser.current_url().await,
        format!("{}/followup", server.url)
    );
    assert_eq!(browser.title().await, format!("Check your report — {BODY}"));
    assert_eq!(browser.text("h1").await, "Check your report");
    assert_eq!(browser.text("label[for=receipt]").await, "Receipt code");

    // 3. The code as copied from paper: upper case, extra spaces.
    let typed = format!(
        "  {}  ",
        code.to_uppercase()
            .split(' ')
            .collect::<Vec<_>>()
            .join("   ")
    );
    assert_ne!(typed, code);
    let field = browser.find("#receipt").await;
    field.type_text(&typed).await;
    assert_eq!(field.prop("value").await.as_deref(), Some(typed.as_str()));
    let open = browser
        .find("form[action='/followup'] button[type=submit]")
        .await;
    assert_eq!(open.text().await, "Open my report");
    click_to_new_page(&browser, &open).await;

    // 4. The case page, with the reporter's own message and file.
    assert_eq!(browser.current_url().await, format!("{}/case", server.url));
    assert_eq!(browser.title().await, format!("Your report — {BODY}"));
    assert_eq!(browser.text("h1").await, "Your report");
    assert_eq!(browser.text("main h2").await, "Status: Received");
    assert_eq!(
        texts(&browser, "main h2").await,
        [
            "Status: Received",
            "Conversation",
            "Answer or add documents",
            "Are you suffering reprisal?"
        ]
    );
    assert_eq!(
        texts(&browser, "table th").await,
        [
            "Report received",
            "Acknowledgement due by",
            "Feedback due by"
        ]
    );
    assert_eq!(browser.find_all(".msg").await.len(), 1);
    assert!(
        browser.text(".msg .who").await.starts_with("You wrote on "),
        "{}",
        browser.text(".msg .who").await
    );
    // The page shows the text as sent: the CRLF the browser sent is a line break again.
    assert_eq!(browser.text(".msg > pre").await, first_message);

    // 9 (while signed in). The session cookie as the browser keeps it.
    let session = browser
        .cookie(SESSION)
        .await
        .expect("a session cookie after signing in");
    assert_session_cookie(&session);

    // The own file: its link downloads the very bytes that were attached.
    let link = browser.find_link(evidence_name).await;
    let href = link.attr("href").await.expect("a file link has an href");
    assert!(href.starts_with("/case/files/"), "{href}");
    link.click().await;
    let downloaded = browser.wait_for_download(evidence_name).await;
    assert!(
        std::fs::read(&downloaded).expect("read the download") == evidence,
        "the downloaded file differs from the one attached"
    );
    assert_eq!(
        browser.current_url().await,
        format!("{}/case", server.url),
        "a download leaves the page in place"
    );

    // 5. The body replies with a letter and acknowledges the report.
    let case_id = {
        let cases = server.store().await.cases().await.expect("cases");
        assert_eq!(cases.len(), 1);
        cases[0].id
    };
    let body_store = server.body_store().await;
    let reviewers = vec![server.reviewer.recipient.parse().expect("recipient")];
    let reply = "Thank you. Who signed the invoices?";
    let letter = b"Please send the original contract.\n".to_vec();
    reply_as_body(
        &*body_store,
        &reviewers,
        case_id,
        Some(reply),
        &[Attachment {
            name: "request.txt".into(),
            content_type: "text/plain".into(),
            bytes: Zeroizing::new(letter.clone()),
        }],
    )
    .await
    .expect("the body replies");
    body_store
        .set_status(
            case_id,
            Status::Acknowledged,
            &candor_store::Audit::new("test", "changed status"),
        )
        .await
        .expect("the body acknowledges");

    browser.refresh().await;
    assert_eq!(browser.title().await, format!("Your report — {BODY}"));
    assert_eq!(browser.text("main h2").await, "Status: Acknowledged");
    let whos = texts(&browser, ".msg .who").await;
    assert_eq!(whos.len(), 2, "{whos:?}");
    assert!(whos[0].starts_with("You wrote on "), "{whos:?}");
    assert!(
        whos[1].starts_with(&format!("{BODY} wrote on ")),
        "{whos:?}"
    );
    assert_eq!(
        texts(&browser, ".msg > pre").await,
        [first_message, reply],
        "the conversation in order"
    );
    let letter_link = browser.find(".msg.body a[href^='/case/files/']").await;
    assert_eq!(letter_link.text().await, "request.txt");
    letter_link.click().await;
    let downloaded = browser.wait_for_download("request.txt").await;
    assert_eq!(std::fs::read(&downloaded).expect("read"), letter);

    // 6. The reporter answers through the form, with a new file.
    let answer = "The CFO signed them.\nI attach the contract.";
    let form = browser.find("form[action='/case/reply']").await;
    assert_eq!(
        form.find("input[type=hidden][name=csrf]")
            .await
            .attr("value")
            .await
            .map(|token| token.len() >= 32),
        Some(true),
        "the form carries a token"
    );
    let textarea = browser.find("#message").await;
    textarea.type_text(answer).await;
    assert_eq!(textarea.prop("value").await.as_deref(), Some(answer));
    browser.find("#files").await.attach(&[&contract_path]).await;
    let send = form.find("button[type=submit]").await;
    assert_eq!(send.text().await, "Send answer");
    click_to_new_page(&browser, &send).await;

    assert_eq!(browser.current_url().await, format!("{}/case", server.url));
    assert_eq!(browser.title().await, format!("Your report — {BODY}"));
    assert_eq!(
        browser.text("[role=status]").await,
        "Your answer and 1 file were sent."
    );
    assert_eq!(
        texts(&browser, ".msg > pre").await,
        [first_message, reply, answer]
    );
    let whos = texts(&browser, ".msg .who").await;
    assert!(whos[2].starts_with("You wrote on "), "{whos:?}");
    let files = texts(&browser, ".msg a[href^='/case/files/']").await;
    assert_eq!(files, [evidence_name, "request.txt", contract_name]);
    // The notice is shown once.
    browser.refresh().await;
    assert!(browser.find_all("[role=status]").await.is_empty());
    assert_session_cookie(&browser.cookie(SESSION).await.expect("still signed in"));

    // 7. The body decrypts the answer with the stock `age` CLI.
    let store = server.store().await;
    let messages = store.messages(case_id).await.expect("messages");
    assert_eq!(messages.len(), 3);
    let last = &messages[2];
    assert_eq!(last.author, Author::Reporter);
    // A text and a file (the server may add items of its own, such as a receipt record).
    let of_kind = |kind: ItemKind| {
        last.items
            .iter()
            .filter(|item| item.kind == kind)
            .collect::<Vec<_>>()
    };
    let (texts_sent, files_sent) = (of_kind(ItemKind::Text), of_kind(ItemKind::File));
    assert_eq!(texts_sent.len(), 1, "one text: {:?}", last.items);
    assert_eq!(files_sent.len(), 1, "one file: {:?}", last.items);
    let (text_item, file_item) = (texts_sent[0], files_sent[0]);
    let key = &server.reviewer.key_path;
    let text = age_decrypt(
        key,
        &store.read_blob(text_item.blob_id).await.expect("blob"),
    );
    // A browser sends a textarea's line breaks as CRLF.
    assert_eq!(
        String::from_utf8(text).expect("UTF-8"),
        answer.replace('\n', "\r\n")
    );
    let plain = age_decrypt(
        key,
        &store.read_blob(file_item.blob_id).await.expect("blob"),
    );
    assert!(plain == contract, "the decrypted file differs");
    let meta_blob = store
        .read_blob(file_item.meta_blob_id.expect("a file has metadata"))
        .await
        .expect("meta blob");
    let meta: serde_json::Value =
        serde_json::from_slice(&age_decrypt(key, &meta_blob)).expect("metadata is JSON");
    assert_eq!(meta["name"], contract_name);
    assert_eq!(meta["size"], contract.len() as u64);

    // 8. Sign out. A cookie the server never set shows whether Chromium obeys the
    // `Clear-Site-Data: "cookies"` header (the expired Set-Cookie covers only the session).
    browser
        .client()
        .add_cookie(
            Cookie::build(("probe", "1"))
                .domain("127.0.0.1")
                .path("/")
                // fantoccini sends a missing SameSite as "None", which Chromium refuses
                // without `Secure`.
                .same_site(SameSite::Lax)
                .build(),
        )
        .await
        .expect("add a probe cookie");
    assert!(browser.cookie("probe").await.is_some());
    let sign_out = browser
        .find("form[action='/logout'] button[type=submit]")
        .await;
    assert_eq!(sign_out.text().await, "Sign out");
    click_to_new_page(&browser, &sign_out).await;
    assert_eq!(
        browser.title().await,
        format!("You are signed out — {BODY}")
    );
    assert_eq!(browser.text("h1").await, "You are signed out");
    assert!(
        browser
            .text("[role=status]")
            .await
            .starts_with("You are signed out."),
    );
    assert_eq!(
        browser.cookie(SESSION).await,
        None,
        "the session cookie is gone"
    );
    assert_eq!(
        browser.cookie("probe").await,
        None,
        "Clear-Site-Data removed every cookie of the site"
    );
    assert!(browser.cookies().await.is_empty());

    // Back to the case page through history: fetched again (no-store), not shown from a
    // cache.
    browser.back().await;
    assert_eq!(browser.current_url().await, format!("{}/case", server.url));
    assert_eq!(
        browser.title().await,
        format!("Please sign in again — {BODY}")
    );
    assert!(browser.find_all(".msg").await.is_empty(), "no conversation");

    // And opened directly.
    browser.goto(&format!("{}/case", server.url)).await;
    assert_eq!(
        browser.title().await,
        format!("Please sign in again — {BODY}")
    );
    assert_eq!(browser.text("h1").await, "Please sign in again");
    assert!(browser.find_all(".msg").await.is_empty(), "no conversation");
    let source = browser.source().await;
    for secret in [first_message, reply, answer, evidence_name, "request.txt"] {
        assert!(!source.contains(secret), "{secret:?} is still shown");
    }

    // 9. Every request went to the server, and only these.
    let requests = browser.assert_requests_only_to(&server.url).await;
    let seen: BTreeSet<(String, String)> = requests
        .iter()
        .map(|r| (r.method.clone(), file_path(r.path())))
        .collect();
    let allowed: BTreeSet<(String, String)> = [
        ("GET", "/submit"),
        ("POST", "/submit"),
        ("GET", "/static/candor.css"),
        ("GET", "/followup"),
        ("POST", "/followup"),
        ("GET", "/case"),
        ("GET", "/case/files/*"),
        ("POST", "/case/reply"),
        ("POST", "/logout"),
        // Chromium asks for a favicon by itself (the server answers 404).
        ("GET", "/favicon.ico"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    assert!(
        seen.is_subset(&allowed),
        "unexpected requests: {:?}",
        seen.difference(&allowed).collect::<Vec<_>>()
    );
    let failed: Vec<&NetworkRequest> = requests
        .iter()
        .filter(|r| r.error.is_some() && !r.path().starts_with("/case/files/"))
        .collect();
    assert!(failed.is_empty(), "failed requests: {failed:?}");
    assert_eq!(status_of_last(&requests, "POST", "/followup"), Some(303));
    assert_eq!(status_of_last(&requests, "POST", "/case/reply"), Some(303));
    assert_eq!(status_of_last(&requests, "POST", "/logout"), Some(200));
    assert_eq!(
        status_of_last(&requests, "GET", "/case"),
        Some(401),
        "after sign-out"
    );
    let downloads = requests
        .iter()
        .filter(|r| r.path().starts_with("/case/files/"))
        .count();
    assert_eq!(downloads, 2, "{requests:#?}");
}

/// Clicks a link or submit button and waits until the browser shows another document,
/// like `Element::click_and_wait`, but also takes ChromeDriver's "Node with given id does
/// not belong to the document" (an "unknown error" it gives, now and then, for an element
/// of a document that is being replaced) as "the old page is gone", where the harness
/// fails the test. Seen with Chromium 148 under load (about 1 run in 8 with four tests
/// at once).
async fn click_to_new_page(browser: &Browser, element: &Element<'_>) {
    let root = browser.find("html").await;
    element.click().await;
    let timeout = browser.options().page_load_timeout;
    let replaced = poll(timeout, async || match root.inner().tag_name().await {
        Ok(_) => None,
        Err(e)
            if e.is_stale_element_reference()
                || e.is_no_such_element()
                || e.to_string().contains("does not belong to the document") =>
        {
            Some(())
        }
        Err(e) => panic!("cannot check whether the page was replaced: {e}"),
    })
    .await;
    assert!(
        replaced.is_some(),
        "no new page within {timeout:?} after the click; the browser is on {}",
        browser.current_url().await
    );
}

/// `HttpOnly`, `SameSite=Strict`, path `/`, a session cookie (no expiry), not `Secure` on
/// plain http to 127.0.0.1, and a 256-bit id.
fn assert_session_cookie(cookie: &Cookie<'_>) {
    assert_eq!(cookie.http_only(), Some(true), "{cookie:?}");
    assert_eq!(
        cookie.same_site().map(|s| s.to_string()).as_deref(),
        Some("Strict"),
        "{cookie:?}"
    );
    assert_eq!(cookie.path(), Some("/"), "{cookie:?}");
    assert_eq!(cookie.secure(), Some(false), "{cookie:?}");
    assert_eq!(cookie.expires(), None, "a session cookie: {cookie:?}");
    assert_eq!(cookie.value().len(), 64, "{cookie:?}");
    assert!(
        cookie.value().bytes().all(|b| b.is_ascii_hexdigit()),
        "{cookie:?}"
    );
}

/// `/case/files/12` → `/case/files/*`; other paths unchanged.
fn file_path(path: &str) -> String {
    match path.strip_prefix("/case/files/") {
        Some(_) => "/case/files/*".to_string(),
        None => path.to_string(),
    }
}

/// The status of the last request with this method and path.
fn status_of_last(requests: &[NetworkRequest], method: &str, path: &str) -> Option<u16> {
    requests
        .iter()
        .rev()
        .find(|r| r.method == method && r.path() == path)
        .unwrap_or_else(|| panic!("no {method} {path} in {requests:#?}"))
        .status
}

/// The texts of every element matching `css`.
async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in browser.find_all(css).await {
        out.push(element.text().await);
    }
    out
}
