//! The body's review workstation through a real browser: headless Chromium with JavaScript
//! off drives the local pages of `candor review serve` (inbox, case, reply, status, audit)
//! against a real server, and checks what the server stored and what the reporter sees.

use std::collections::BTreeSet;

use candor_core::days::Day;
use candor_store::{Author, ItemKind, Status};
use candor_testkit::browser::{Browser, Cookie, NetworkRequest};
use candor_testkit::*;

/// The body's name in the test servers' configuration.
const BODY: &str = "Test Authority";
/// The reviewer `TestServer` makes.
const REVIEWER: &str = "alice";
/// The workstation's cookie.
const COOKIE: &str = "candor_workstation";
/// The page shown without the access token or its cookie.
const LOCKED: &str = "Open the workstation from its link";

#[tokio::test(flavor = "multi_thread")]
async fn reviewer_reads_replies_and_sets_the_status_in_the_workstation() {
    let server = TestServer::start();

    // 1. A report with a file, sent as the reporter's browser sends the form.
    let report = "The tender was awarded before the bids were opened.\nAsk the procurement office.";
    let evidence = bytes(250_000, 41);
    let evidence_name = "Angebot März.pdf";
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(report.as_bytes().to_vec()),
            file(evidence_name, "application/pdf", evidence.clone()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let code = receipt_from(&html).expect("a receipt code on the receipt page");
    let case = {
        let cases = server.store().await.cases().await.expect("cases");
        assert_eq!(cases.len(), 1);
        cases[0].clone()
    };
    let reference = case.reference.clone();
    // The legal clocks count from the day the server stored (today, unless the test ran
    // across midnight UTC).
    let received = case.received_day;
    let today = Day::today();
    assert!(
        received == today || received.plus_days(1) == today,
        "received {received}, today {today}"
    );
    let acknowledge_by = received.plus_days(7);
    let feedback_by = received.plus_months(3);

    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    let browser = Browser::start().await;
    let case_url = format!("{}/cases/{reference}", ws.base);

    // 2. The printed link: the token becomes a cookie and leaves the address bar.
    browser.goto(&ws.access_url).await;
    assert_eq!(browser.current_url().await, format!("{}/", ws.base));
    assert_eq!(browser.title().await, "Inbox — Candor workstation");
    assert_eq!(browser.text("h1").await, "Inbox");
    assert_eq!(
        browser.text("header .brand").await,
        format!("Candor workstation — {BODY}")
    );
    assert!(
        browser
            .text("header nav")
            .await
            .contains(&format!("Signed in as {REVIEWER}")),
        "{}",
        browser.text("header nav").await
    );
    let cookie = browser
        .cookie(COOKIE)
        .await
        .expect("the access link sets the workstation's cookie");
    assert_workstation_cookie(&cookie);
    assert_eq!(
        browser.cookies().await.len(),
        1,
        "{:?}",
        browser.cookies().await
    );
    assert_self_contained(&browser, &ws.base).await;
    assert_eq!(
        texts(&browser, "main table thead th").await,
        ["Case", "Status", "Received", "Next deadline", "Unread"]
    );
    assert_eq!(
        texts(&browser, "main table tbody td").await,
        [
            reference.clone(),
            "received".to_string(),
            received.to_string(),
            format!("acknowledge by {acknowledge_by}"),
            "2 new".to_string(),
        ],
        "the inbox row: a message and a file unread"
    );
    assert!(browser.find_all(".overdue").await.is_empty());
    assert!(browser.find_all("[role=status]").await.is_empty());

    // 3. The case page, decrypted on the workstation.
    let link = browser.find_link(&reference).await;
    assert_eq!(
        link.attr("href").await.as_deref(),
        Some(format!("/cases/{reference}").as_str())
    );
    link.click_and_wait().await;
    assert_eq!(browser.current_url().await, case_url);
    assert_eq!(
        browser.title().await,
        format!("Case {reference} — Candor workstation")
    );
    assert_eq!(browser.text("h1").await, format!("Case {reference}"));
    // (Other sections, such as decisions, may sit between these.)
    assert_in_order(
        &texts(&browser, "main h2").await,
        &["Conversation", "Reply", "Status", "Export and access"],
    );
    assert_eq!(
        texts(&browser, "main table th").await,
        [
            "Status",
            "Received",
            "Acknowledge by",
            "Feedback by",
            "Next"
        ]
    );
    assert_eq!(
        texts(&browser, "main table td").await,
        [
            "received".to_string(),
            received.to_string(),
            acknowledge_by.to_string(),
            feedback_by.to_string(),
            format!("acknowledge by {acknowledge_by}"),
        ]
    );
    assert_self_contained(&browser, &ws.base).await;
    assert_eq!(browser.find_all(".msg").await.len(), 1);
    let who = browser.text(".msg .who").await;
    assert!(who.starts_with("Reporter — "), "{who}");
    // The reporter's text, decrypted here (the browser that sent it used LF; `submit`
    // sent it as is).
    assert_eq!(browser.text(".msg pre").await, report);
    let file_line = browser.text(".msg p:not(.who)").await;
    assert!(
        file_line.starts_with(&format!("File: {evidence_name} (")),
        "{file_line}"
    );
    assert!(file_line.contains("application/pdf"), "{file_line}");

    // What the file truly is, and the advice before its original.
    let file_block = browser.text(".msg .file").await;
    assert!(
        file_block.contains("its content is data of an unknown kind"),
        "{file_block}"
    );
    assert!(
        file_block.contains("open originals only on a computer that is offline"),
        "{file_block}"
    );

    // The file's link downloads the decrypted bytes; the page stays.
    let file_link = browser
        .find_link(&format!("Download the original ({evidence_name})"))
        .await;
    let href = file_link.attr("href").await.expect("an href");
    assert!(
        href.starts_with(&format!("/cases/{reference}/items/")),
        "{href}"
    );
    file_link.click().await;
    let downloaded = browser.wait_for_download(evidence_name).await;
    assert!(
        std::fs::read(&downloaded).expect("read the download") == evidence,
        "the downloaded file differs from the one reported"
    );
    assert_eq!(browser.current_url().await, case_url);

    // 4. A reply with an attachment, typed and chosen in the form.
    let docs = tempfile::tempdir().expect("a folder for the attachment");
    let letter = bytes(120_000, 42);
    let letter_name = "Eingangsbestätigung.pdf";
    let letter_path = docs.path().join(letter_name);
    std::fs::write(&letter_path, &letter).expect("write the attachment");
    let reply =
        "Thank you for your report.\nWe have opened an investigation — Ünïcödé ✓ <b>no markup</b>";

    let form = browser
        .find(&format!("form[action='/cases/{reference}/reply']"))
        .await;
    assert_eq!(
        form.attr("enctype").await.as_deref(),
        Some("multipart/form-data")
    );
    let csrf = form
        .find("input[type=hidden][name=csrf]")
        .await
        .attr("value")
        .await
        .expect("the form carries a token");
    assert_eq!(csrf.len(), 64, "{csrf}");
    assert_eq!(
        browser.text("label[for=message]").await,
        "Message to the reporter"
    );
    let textarea = browser.find("#message").await;
    textarea.type_text(reply).await;
    assert_eq!(textarea.prop("value").await.as_deref(), Some(reply));
    browser.find("#files").await.attach(&[&letter_path]).await;
    let send = form.find("button[type=submit]").await;
    assert_eq!(send.text().await, "Send reply");
    send.click_and_wait().await;

    assert_eq!(browser.current_url().await, case_url);
    assert_eq!(browser.text("h1").await, format!("Case {reference}"));
    assert_eq!(
        browser.text("[role=status]").await,
        "Your reply was encrypted and sent (2 items)."
    );
    assert_eq!(texts(&browser, ".msg pre").await, [report, reply]);
    let whos = texts(&browser, ".msg .who").await;
    assert_eq!(whos.len(), 2, "{whos:?}");
    assert!(whos[1].starts_with("The body — "), "{whos:?}");
    assert_eq!(
        texts(&browser, ".msg a[href*='/items/']:not([href$='/safe'])").await,
        [
            format!("Download the original ({evidence_name})"),
            format!("Download the original ({letter_name})")
        ]
    );
    // The reply's own attachment opens on the workstation too.
    browser
        .find(".msg.body a[href*='/items/']")
        .await
        .click()
        .await;
    let downloaded = browser.wait_for_download(letter_name).await;
    assert!(
        std::fs::read(&downloaded).expect("read the download") == letter,
        "the reply's attachment differs"
    );
    // The notice is shown once.
    browser.refresh().await;
    assert_eq!(browser.text("h1").await, format!("Case {reference}"));
    assert!(browser.find_all("[role=status]").await.is_empty());

    // 5. The status, through the select and its button.
    assert_eq!(
        browser.text("label[for=status]").await,
        "Set the case status"
    );
    let select = browser.find("#status").await;
    assert_eq!(select.prop("value").await.as_deref(), Some("received"));
    assert_eq!(
        texts(&browser, "#status option").await,
        ["received", "acknowledged", "in-review", "decided", "closed"]
    );
    browser
        .find("#status option[value='in-review']")
        .await
        .click()
        .await;
    assert_eq!(select.prop("value").await.as_deref(), Some("in-review"));
    let change = browser
        .find(&format!(
            "form[action='/cases/{reference}/status'] button[type=submit]"
        ))
        .await;
    assert_eq!(change.text().await, "Change status");
    change.click_and_wait().await;

    assert_eq!(browser.current_url().await, case_url);
    assert_eq!(
        browser.text("[role=status]").await,
        "Status set to in-review."
    );
    assert_eq!(
        browser.find("#status").await.prop("value").await.as_deref(),
        Some("in-review")
    );
    let cells = texts(&browser, "main table td").await;
    assert_eq!(cells[0], "in-review", "{cells:?}");
    assert_eq!(
        cells[4],
        format!("give feedback by {feedback_by}"),
        "{cells:?}"
    );

    // The inbox, through the navigation: the next deadline is the feedback; nothing unread.
    let inbox = browser.find("header nav a[href='/']").await;
    assert_eq!(inbox.text().await, "Inbox");
    inbox.click_and_wait().await;
    assert_eq!(browser.current_url().await, format!("{}/", ws.base));
    assert_eq!(browser.text("h1").await, "Inbox");
    assert_eq!(
        texts(&browser, "main table tbody td").await,
        [
            reference.clone(),
            "in-review".to_string(),
            received.to_string(),
            format!("give feedback by {feedback_by}"),
            "—".to_string(),
        ]
    );
    assert!(
        browser.find_all("[role=status]").await.is_empty(),
        "the notice was shown on the case page already"
    );

    // The audit trail names every action, with the reviewer and the case.
    let audit = browser.find("header nav a[href='/audit']").await;
    assert_eq!(audit.text().await, "Audit trail");
    audit.click_and_wait().await;
    assert_eq!(browser.current_url().await, format!("{}/audit", ws.base));
    assert_eq!(browser.title().await, "Audit trail — Candor workstation");
    assert_eq!(browser.text("h1").await, "Audit trail");
    assert_self_contained(&browser, &ws.base).await;
    let cells = texts(&browser, "main table tbody td").await;
    assert_eq!(cells.len() % 5, 0, "{cells:?}");
    let rows: Vec<&[String]> = cells.chunks(5).collect();
    for row in &rows {
        assert_eq!(row[1], REVIEWER, "{row:?}");
    }
    let on_case = |action: &str, detail: Option<&str>| {
        rows.iter().any(|row| {
            row[2] == action && row[3] == reference && detail.is_none_or(|d| row[4] == d)
        })
    };
    assert!(rows.iter().any(|row| row[2] == "signed in"), "{rows:#?}");
    assert!(on_case("opened case", None), "{rows:#?}");
    assert!(on_case("downloaded item", None), "{rows:#?}");
    assert!(on_case("replied", Some("2 items")), "{rows:#?}");
    assert!(on_case("changed status", Some("in-review")), "{rows:#?}");

    // 6. The server holds the reply as ciphertext that the stock `age` CLI opens.
    let store = server.store().await;
    let stored = store
        .case_by_reference(&reference)
        .await
        .expect("case")
        .expect("the case exists");
    assert_eq!(stored.status, Status::InReview);
    let messages = store.messages(stored.id).await.expect("messages");
    assert_eq!(messages.len(), 2);
    let answer = &messages[1];
    assert_eq!(answer.author, Author::Body);
    assert_eq!(answer.items.len(), 2, "a text and a file");
    assert_eq!(answer.items[0].kind, ItemKind::Text);
    assert_eq!(answer.items[1].kind, ItemKind::File);
    let key = &server.reviewer.key_path;
    let sealed_text = store
        .read_blob(answer.items[0].blob_id)
        .await
        .expect("blob");
    assert!(!contains(&sealed_text, b"investigation"), "not in clear");
    // A browser sends a textarea's line breaks as CRLF; the workstation seals what it got.
    assert_eq!(
        String::from_utf8(age_decrypt(key, &sealed_text)).expect("UTF-8"),
        reply.replace('\n', "\r\n")
    );
    let sealed_file = store
        .read_blob(answer.items[1].blob_id)
        .await
        .expect("blob");
    assert!(
        age_decrypt(key, &sealed_file) == letter,
        "the attachment decrypts to what was attached"
    );
    let meta_blob = store
        .read_blob(answer.items[1].meta_blob_id.expect("a file has metadata"))
        .await
        .expect("meta blob");
    let meta: serde_json::Value =
        serde_json::from_slice(&age_decrypt(key, &meta_blob)).expect("metadata is JSON");
    assert_eq!(meta["name"], letter_name);
    assert_eq!(meta["size"], letter.len() as u64);

    // The reporter sees the reply, its attachment and the new status.
    let (status, set_cookie, _) = sign_in(&server, &code).await;
    assert_eq!(status, 303);
    let session = cookie_pair(&set_cookie.expect("a session cookie"));
    let (status, page) = get_with_cookie(&server, "/case", &session).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Status: In review"), "{page}");
    for line in [
        "Thank you for your report.",
        "We have opened an investigation — Ünïcödé ✓ &lt;b&gt;no markup&lt;/b&gt;",
        letter_name,
    ] {
        assert!(page.contains(line), "{line:?} missing: {page}");
    }

    // 7. Security. The requests of the reviewer's browser: the workstation only, and only
    // these.
    let requests = browser.assert_requests_only_to(&ws.base).await;
    let first = requests.first().expect("requests");
    assert_eq!(first.url, ws.access_url);
    assert_eq!(first.status, Some(303), "{first:?}");
    assert!(
        requests[1..].iter().all(|r| !r.url.contains("access=")),
        "the token is sent once: {requests:#?}"
    );
    let seen: BTreeSet<(String, String)> = requests
        .iter()
        .map(|r| (r.method.clone(), pattern(r.path(), &reference)))
        .collect();
    let allowed: BTreeSet<(String, String)> = [
        ("GET", "/"),
        ("GET", "/static/candor.css"),
        ("GET", "/cases/REF"),
        ("GET", "/cases/REF/items/*"),
        ("POST", "/cases/REF/reply"),
        ("POST", "/cases/REF/status"),
        ("GET", "/audit"),
        // Chromium asks for a favicon by itself (the workstation answers 404).
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
    // (A download's request may end as "aborted" once Chromium hands it to the download
    // manager.)
    let failed: Vec<&NetworkRequest> = requests
        .iter()
        .filter(|r| r.error.is_some() && !r.path().contains("/items/"))
        .collect();
    assert!(failed.is_empty(), "failed requests: {failed:?}");
    for path in ["/reply", "/status"] {
        let post = requests
            .iter()
            .rev()
            .find(|r| r.method == "POST" && r.path().ends_with(path))
            .unwrap_or_else(|| panic!("no POST …{path}: {requests:#?}"));
        assert_eq!(post.status, Some(303), "{post:?}");
    }

    // A page of another site (here a `data:` page) cannot use the reviewer's cookie: it is
    // `SameSite=Strict`, so neither a link (a top-level GET, which `Lax` would allow) nor a
    // form post carries it, not even with the right form token.
    let (shown, url) = from_elsewhere(
        &browser,
        &format!("<a id=\"go\" href=\"{case_url}\">the case</a>"),
    )
    .await;
    assert_eq!(url, case_url);
    assert_locked(&shown, "a link from another site");
    let (shown, url) = from_elsewhere(
        &browser,
        &format!(
            "<form method=\"post\" action=\"{case_url}/status\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
             <input type=\"hidden\" name=\"status\" value=\"closed\">\
             <button id=\"go\" type=\"submit\">go</button></form>"
        ),
    )
    .await;
    assert_eq!(url, format!("{case_url}/status"));
    assert_locked(&shown, "a form on another site");
    let stored = store
        .case_by_reference(&reference)
        .await
        .expect("case")
        .expect("the case exists");
    assert_eq!(
        stored.status,
        Status::InReview,
        "the forged post changed nothing"
    );
    // The reviewer's own tab still works.
    browser.goto(&case_url).await;
    assert_eq!(browser.text("h1").await, format!("Case {reference}"));
    assert_eq!(
        browser.find("#status").await.prop("value").await.as_deref(),
        Some("in-review")
    );
    browser.assert_requests_only_to(&ws.base).await;
    browser.close().await;

    // Another browser (another user of this computer) without the link sees nothing.
    let stranger = Browser::start().await;
    for path in [
        "/".to_string(),
        format!("/cases/{reference}"),
        "/audit".into(),
    ] {
        stranger.goto(&format!("{}{path}", ws.base)).await;
        let shown = Shown::read(&stranger).await;
        assert_locked(&shown, &path);
        let source = stranger.source().await;
        for secret in [report, reply, evidence_name, letter_name] {
            assert!(!source.contains(secret), "{path} shows {secret:?}");
        }
    }
    // A wrong token is no key either.
    stranger
        .goto(&format!("{}/?access={}", ws.base, "0".repeat(64)))
        .await;
    assert_locked(&Shown::read(&stranger).await, "a wrong token");
    assert!(stranger.cookies().await.is_empty(), "no cookie was set");
    let requests = stranger.assert_requests_only_to(&ws.base).await;
    let documents: Vec<&NetworkRequest> = requests
        .iter()
        .filter(|r| r.resource_type == "Document")
        .collect();
    assert_eq!(documents.len(), 4, "{documents:#?}");
    assert!(
        documents.iter().all(|r| r.status == Some(401)),
        "{documents:#?}"
    );
    stranger.close().await;
}

/// What the browser shows: title, heading, alert.
#[derive(Debug)]
struct Shown {
    title: String,
    h1: String,
    alert: String,
}

impl Shown {
    async fn read(browser: &Browser) -> Shown {
        Shown {
            title: browser.title().await,
            h1: browser.text("h1").await,
            alert: browser.text("[role=alert]").await,
        }
    }
}

/// The page for requests without the access token or the cookie.
fn assert_locked(shown: &Shown, what: &str) {
    assert_eq!(
        shown.title,
        format!("{LOCKED} — Candor workstation"),
        "{what}: {shown:#?}"
    );
    assert_eq!(shown.h1, LOCKED, "{what}: {shown:#?}");
    assert!(
        shown.alert.contains("contains an access token"),
        "{what}: {shown:#?}"
    );
}

/// Opens a `data:` page (an opaque origin, so another site) with `body`, clicks its `#go`
/// and returns what the next page shows and where it is.
async fn from_elsewhere(browser: &Browser, body: &str) -> (Shown, String) {
    let page = format!(
        "<!doctype html><html><head><title>elsewhere</title></head><body>{body}</body></html>"
    );
    browser
        .goto(&format!(
            "data:text/html;charset=utf-8,{}",
            candor_testkit::browser::percent_encode(&page)
        ))
        .await;
    browser.click_and_wait("#go").await;
    (Shown::read(browser).await, browser.current_url().await)
}

/// `HttpOnly`, `SameSite=Strict`, path `/`, a session cookie (no expiry), not `Secure` on
/// plain http to 127.0.0.1, holding the 256-bit access token.
fn assert_workstation_cookie(cookie: &Cookie<'_>) {
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

/// `/cases/ABC/items/12` → `/cases/REF/items/*`; other paths with the reference in them
/// get `REF`.
fn pattern(path: &str, reference: &str) -> String {
    let path = path.replace(&format!("/cases/{reference}"), "/cases/REF");
    match path.split_once("/items/") {
        Some((case, _)) => format!("{case}/items/*"),
        None => path,
    }
}

/// `expected` appears in `found`, in this order (other entries may come between).
fn assert_in_order(found: &[String], expected: &[&str]) {
    let mut rest = found.iter();
    for want in expected {
        assert!(
            rest.any(|f| f == want),
            "{want:?} missing or out of order in {found:?}"
        );
    }
}

/// The texts of every element matching `css`.
async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in browser.find_all(css).await {
        out.push(element.text().await);
    }
    out
}

/// The page has no script and refers to nothing outside `origin`.
async fn assert_self_contained(browser: &Browser, origin: &str) {
    let url = browser.current_url().await;
    assert!(
        browser.find_all("script, noscript").await.is_empty(),
        "{url} has a script or noscript element"
    );
    for (css, attribute) in [
        ("[href]", "href"),
        ("[src]", "src"),
        ("[action]", "action"),
        ("[srcset]", "srcset"),
    ] {
        for element in browser.find_all(css).await {
            let value = element.attr(attribute).await.unwrap_or_default();
            let local = (value.starts_with('/') && !value.starts_with("//"))
                || value.starts_with(&format!("{origin}/"));
            assert!(local, "{url}: {attribute}={value:?} is not on this origin");
        }
    }
}
