//! Every reporter's language: each of the twelve languages in the path (`/fr/submit`), the
//! right `lang` and `dir`, a switcher of plain links, forms that post back to their own
//! language; every reporter page in every language free of axe-core violations (run in
//! headless Chromium, the only script on the page) and of Nu HTML Checker errors; the
//! whole flow in Arabic and in French with JavaScript off and the keyboard alone.
//!
//! The checkers come from npm (`tests/a11y/package.json`; `test.sh` runs `npm ci` there)
//! and the Nu checker runs with Debian's Java.

use std::path::{Path, PathBuf};

use candor_testkit::browser::{Browser, BrowserOptions};
use candor_testkit::*;
use candor_ui::text::{Lang, lookup_in};
use fantoccini::key::Key;

/// The body's name in the test servers' configuration.
const BODY: &str = "Test Authority";

/// The address prefix of `lang` on a server whose default language is English.
fn prefix(lang: Lang) -> String {
    match lang {
        Lang::En => String::new(),
        other => format!("/{}", other.segment()),
    }
}

/// The message `key` in `lang`, with string values.
fn words(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let mut args = candor_ui::text::FluentArgs::new();
    for (name, value) in values {
        args.set(*name, candor_ui::text::FluentValue::from(*value));
    }
    lookup_in(lang, key, Some(&args))
}

fn a11y_tool(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/a11y/node_modules")
        .join(relative);
    assert!(
        path.exists(),
        "{} is missing: run `npm ci --prefix tests/a11y` (test.sh does)",
        path.display()
    );
    path
}

/// A page as the server sent it.
struct Page {
    name: String,
    status: u16,
    content_language: String,
    html: String,
}

async fn fetch(
    request: reqwest::RequestBuilder,
    name: String,
) -> (Page, reqwest::header::HeaderMap) {
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let content_language = headers
        .get("content-language")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let html = response.text().await.expect("body");
    (
        Page {
            name,
            status,
            content_language,
            html,
        },
        headers,
    )
}

/// The values of every `attr="…"` in `html`.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.split_once('"').map(|(value, _)| value)
        })
        .collect()
}

/// What every reporter page in `lang` must be.
fn check_page(lang: Lang, page: &Page, css_len: usize) {
    let what = format!("{} ({})", page.name, lang.tag());
    assert!(
        page.html.starts_with(&format!(
            "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\">",
            lang.tag(),
            lang.dir()
        )),
        "{what}: lang and dir: {:.120}",
        page.html
    );
    assert_eq!(
        page.content_language,
        lang.tag(),
        "{what}: Content-Language"
    );
    assert_reporter_safe(&page.html, &what);
    assert!(
        page.html.len() + css_len < 20 * 1024,
        "{what}: {} bytes with the stylesheet; every page stays under 20 KB in two requests",
        page.html.len() + css_len
    );
    assert_eq!(
        page.html.matches("<link ").count(),
        1,
        "{what}: one stylesheet, nothing else to load"
    );
    assert!(!page.html.contains("<img"), "{what}: no image");
    // The switcher: every language, in itself, as a plain link to this page.
    let languages = attribute_values(&page.html, "hreflang");
    assert_eq!(
        languages,
        Lang::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>(),
        "{what}: the language switcher"
    );
    for other in Lang::ALL {
        assert!(
            page.html.contains(&format!(">{}</a>", other.name())),
            "{what}: {}",
            other.name()
        );
    }
    assert_eq!(
        page.html.matches("aria-current=\"true\"").count(),
        1,
        "{what}: the current language is marked"
    );
    // The switcher's links all lead to this page, each in its language.
    let (before, rest) = page
        .html
        .split_once("<nav class=\"langs\"")
        .unwrap_or_else(|| panic!("{what}: no language switcher"));
    let (switcher, after) = rest.split_once("</nav>").expect("the switcher ends");
    let targets: Vec<&str> = attribute_values(switcher, "href");
    let this_page = targets[0];
    for (other, link) in Lang::ALL.iter().zip(&targets) {
        let expected = match (prefix(*other), this_page) {
            (p, _) if p.is_empty() => this_page.to_string(),
            (p, "/") => format!("{p}/"),
            (p, path) => format!("{p}{path}"),
        };
        assert_eq!(
            *link,
            expected,
            "{what}: the switcher's link to {}",
            other.tag()
        );
    }
    // Every other link and form within the site stays in this language, but for the files
    // that have none (the stylesheet, the log, the open data).
    let own = prefix(lang);
    let language_free = ["/static/", "/log/", "/transparency.", "/datapackage.json"];
    let rest_of_page = format!("{before}{after}");
    for link in attribute_values(&rest_of_page, "href")
        .into_iter()
        .chain(attribute_values(&rest_of_page, "action"))
    {
        if !link.starts_with('/') || language_free.iter().any(|f| link.starts_with(f)) {
            continue;
        }
        let foreign = Lang::ALL
            .iter()
            .any(|l| *l != lang && (link.starts_with(&format!("/{}/", l.segment()))));
        assert!(
            link.starts_with(&format!("{own}/")) && !foreign,
            "{what}: the link {link} leaves the language"
        );
    }
    // The frame's words are this language's.
    assert!(
        page.html.contains(&words(lang, "nav-report", &[])),
        "{what}: the navigation is not in {}",
        lang.tag()
    );
}

/// The Nu HTML Checker over `pages` at once, and over one page with a known fault (an
/// attribute no element has), to show that it reports: no error in any page.
pub(crate) fn check_html(pages: &[PathBuf]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let faulty = dir.path().join("known-fault.html");
    std::fs::write(
        &faulty,
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p nonsense=\"1\">x</p></body></html>",
    )
    .expect("the faulty page");
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(a11y_tool("vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--exit-zero-always", "--format", "json"])
        .args(pages)
        .arg(&faulty)
        .output()
        .expect("run java (Debian's default-jre-headless)");
    let report: serde_json::Value =
        serde_json::from_slice(&output.stderr).expect("the checker's JSON report");
    let (known, messages): (Vec<_>, Vec<_>) = report["messages"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .partition(|m| {
            m["url"]
                .as_str()
                .is_some_and(|u| u.ends_with("known-fault.html"))
        });
    assert!(
        !known.is_empty(),
        "the Nu HTML Checker missed the known fault"
    );
    assert!(
        messages.is_empty(),
        "the Nu HTML Checker found {} errors in {} pages: {:#}",
        messages.len(),
        pages.len(),
        serde_json::Value::Array(messages.into_iter().take(10).collect())
    );
}

/// A server whose reporters are offered the identity section (three custodians), so that
/// the form's every part is checked; the keys' folder lives as long as the server.
fn server_with_custodians() -> (tempfile::TempDir, TestServer) {
    let keys = tempfile::tempdir().expect("tempdir");
    let (_, config) = crate::identity::custodians(keys.path());
    let server = TestServer::start_with(Options {
        extra_config: config,
        ..Options::default()
    });
    (keys, server)
}

/// Every reporter page, reached the way a reporter reaches it, in every language: the
/// language, the direction, the switcher, links and forms that stay in the language, the
/// words, the receipt code in English letters left to right, the size; then the Nu HTML
/// Checker over all of them.
#[tokio::test(flavor = "multi_thread")]
async fn every_reporter_page_in_every_language() {
    let (_keys, server) = server_with_custodians();
    let client = server.manual_client();
    let css = client
        .get(format!("{}/static/candor.css", server.url))
        .send()
        .await
        .expect("stylesheet")
        .text()
        .await
        .expect("css");
    let pages_dir = tempfile::tempdir().expect("a folder for the pages");
    let mut saved = Vec::new();
    let mut codes = Vec::new();
    let year = candor_log::day::Day::today().to_string()[..4].to_string();

    for lang in Lang::ALL {
        let p = prefix(lang);
        let url = |path: &str| format!("{}{p}{path}", server.url);
        let mut pages = Vec::new();
        for (name, path, status) in [
            ("index", "/", 200),
            ("submit", "/submit", 200),
            ("followup", "/followup", 200),
            ("not-signed-in", "/case", 401),
            ("transparency", "/transparency", 200),
            ("not-found", "/no-such-page", 404),
        ] {
            let (page, headers) = fetch(client.get(url(path)), name.to_string()).await;
            assert_eq!(page.status, status, "{name} ({})", lang.tag());
            assert_security_headers(&headers, name);
            if name == "submit" {
                assert!(
                    page.html.contains(&words(lang, "identity-legend", &[])),
                    "the identity section ({})",
                    lang.tag()
                );
            }
            pages.push(page);
        }
        let (annual, _) = fetch(
            client.get(url(&format!("/transparency/{year}"))),
            "annual".to_string(),
        )
        .await;
        pages.push(annual);

        // A report, in this language: the receipt.
        let message = format!("report in {}", lang.tag());
        let (receipt, _) = fetch(
            client
                .post(url("/submit"))
                .multipart(form(vec![Part::Message(message.as_bytes().to_vec())])),
            "receipt".to_string(),
        )
        .await;
        assert_eq!(receipt.status, 200, "receipt ({})", lang.tag());
        let code = receipt_from(&receipt.html).expect("a receipt code");
        codes.push(code.clone());
        assert!(
            receipt
                .html
                .contains("id=\"receipt\" lang=\"en\" dir=\"ltr\""),
            "the code is English, left to right, whatever the page"
        );
        assert!(receipt.html.contains(&words(lang, "receipt-english", &[])));
        assert!(receipt.html.contains(&words(lang, "receipt-title", &[])));
        pages.push(receipt);

        // An empty report: the refusal, in this language.
        let (empty, _) = fetch(
            client
                .post(url("/submit"))
                .multipart(form(vec![Part::Message(Vec::new())])),
            "submit-empty".to_string(),
        )
        .await;
        assert_eq!(empty.status, 400);
        assert!(
            empty.html.contains(&words(lang, "submit-empty", &[])),
            "{}",
            lang.tag()
        );
        pages.push(empty);

        // A wrong code, then the right one: the case, in this language.
        let signin = |code: &str| {
            client
                .post(url("/followup"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("receipt={}", urlencode(code)))
        };
        let (wrong, _) = fetch(
            signin(&code.split(' ').rev().collect::<Vec<_>>().join(" ")),
            "signin-wrong".to_string(),
        )
        .await;
        assert!(
            wrong.html.contains(&words(lang, "signin-wrong", &[])),
            "{}",
            lang.tag()
        );
        pages.push(wrong);
        let response = signin(&code).send().await.expect("sign in");
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(
            response.headers()["location"].to_str().expect("location"),
            format!("{p}/case"),
            "signing in stays in the language"
        );
        let cookie = cookie_pair(response.headers()["set-cookie"].to_str().expect("cookie"));
        let (case, _) = fetch(
            client.get(url("/case")).header("cookie", &cookie),
            "case".to_string(),
        )
        .await;
        assert_eq!(case.status, 200);
        assert!(case.html.contains(&message), "the case shows the report");
        assert!(case.html.contains(&words(lang, "case-title", &[])));
        let csrf = csrf_from(&case.html).expect("csrf");
        pages.push(case);

        // An answer: back to the case, in this language, with the notice.
        let response = client
            .post(url("/case/reply"))
            .header("cookie", &cookie)
            .multipart(
                reqwest::multipart::Form::new()
                    .text("csrf", csrf.clone())
                    .text("message", "an answer"),
            )
            .send()
            .await
            .expect("reply");
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(response.headers()["location"], format!("{p}/case").as_str());
        let (answered, _) = fetch(
            client.get(url("/case")).header("cookie", &cookie),
            "case-answered".to_string(),
        )
        .await;
        assert!(answered.html.contains(&lookup_in(
            lang,
            "case-answer-sent",
            Some(&{
                let mut args = candor_ui::text::FluentArgs::new();
                args.set("files", 0);
                args
            })
        )));
        pages.push(answered);

        // Signing out.
        let (signed_out, _) = fetch(
            client
                .post(url("/logout"))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("csrf={}", urlencode(&csrf))),
            "signed-out".to_string(),
        )
        .await;
        assert!(
            signed_out
                .html
                .contains(&words(lang, "signed-out-title", &[]))
        );
        pages.push(signed_out);

        for page in &pages {
            check_page(lang, page, css.len());
            let file = pages_dir
                .path()
                .join(format!("{}-{}.html", lang.tag(), page.name));
            std::fs::write(&file, &page.html).expect("save the page");
            saved.push(file);
        }
    }
    // A case does not remember its language: the French report opens from Arabic.
    let response = client
        .post(format!("{}/ar/followup", server.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("receipt={}", urlencode(&codes[1])))
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.headers()["location"], "/ar/case");
    // Nothing records a request's language: no path in the server's log.
    let log = server.log_text();
    for lang in Lang::ALL {
        assert!(
            !log.contains(&format!("/{}/", lang.segment())),
            "the log names a language: {log}"
        );
    }
    // The default language serves `/en/…` too, and a configured default changes `/`.
    let (en, _) = fetch(client.get(format!("{}/en/submit", server.url)), "en".into()).await;
    assert_eq!(en.status, 200);
    assert!(en.html.starts_with("<!DOCTYPE html><html lang=\"en\""));

    // The Nu HTML Checker, over all of them at once.
    check_html(&saved);
    assert_eq!(
        saved.len(),
        12 * 13,
        "every page of every language was checked"
    );
}

/// A server whose default language is Arabic: `/` and every unprefixed address are Arabic,
/// English is at `/en/`.
#[tokio::test(flavor = "multi_thread")]
async fn the_configured_default_language_is_that_of_every_plain_address() {
    let server = TestServer::start_with(Options {
        extra_config: "default_language = \"ar\"\n".into(),
        ..Options::default()
    });
    let client = server.manual_client();
    for (path, lang) in [
        ("/", Lang::Ar),
        ("/submit", Lang::Ar),
        ("/en/submit", Lang::En),
        ("/fr/", Lang::Fr),
    ] {
        let (page, _) = fetch(
            client.get(format!("{}{path}", server.url)),
            path.to_string(),
        )
        .await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.html.starts_with(&format!(
                "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\">",
                lang.tag(),
                lang.dir()
            )),
            "{path}"
        );
    }
    // Links in Arabic have no prefix; English ones have theirs.
    let (arabic, _) = fetch(client.get(format!("{}/submit", server.url)), "ar".into()).await;
    assert!(arabic.html.contains("action=\"/submit\""));
    assert!(
        arabic.html.contains("hreflang=\"en\" dir=\"ltr\"")
            && arabic.html.contains("href=\"/en/submit\"")
    );
    let (english, _) = fetch(client.get(format!("{}/en/submit", server.url)), "en".into()).await;
    assert!(english.html.contains("action=\"/en/submit\""));
    // A language the server does not know is a page that does not exist.
    let (unknown, _) = fetch(client.get(format!("{}/xx/submit", server.url)), "xx".into()).await;
    assert_eq!(unknown.status, 404);
}

/// axe-core over every reporter page in every language, in Chromium with the page's
/// JavaScript off: the checker is the only script, run through DevTools.
#[tokio::test(flavor = "multi_thread")]
async fn every_reporter_page_has_no_axe_violation_in_any_language() {
    let (_keys, server) = server_with_custodians();
    let axe = std::fs::read_to_string(a11y_tool("axe-core/axe.min.js")).expect("axe-core");
    let check = format!(
        "{axe}\n;axe.run(document).then(r => JSON.stringify(r.violations.map(v => \
         ({{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}}))))"
    );
    // JavaScript on for the checker alone: every page has no script and a CSP that allows
    // none (checked page by page below, and by `every_reporter_page_in_every_language`).
    let browser = Browser::start_with(BrowserOptions {
        checker_javascript: true,
        ..BrowserOptions::default()
    })
    .await;
    // The checker works: a page with known faults is reported.
    browser
        .goto(&format!(
            "data:text/html;charset=utf-8,{}",
            candor_testkit::browser::percent_encode(
                "<html><body><img src=\"data:,\"></body></html>"
            )
        ))
        .await;
    let known = browser.evaluate_json(&check).await.to_string();
    assert!(
        known.contains("image-alt") && known.contains("html-has-lang"),
        "axe-core did not find the known faults: {known}"
    );
    let mut checked = 0;
    let mut violations = Vec::new();
    let mut audit = async |browser: &Browser, lang: Lang, name: &str| {
        assert!(
            !browser.source().await.contains("<script"),
            "{name} ({}) has a script",
            lang.tag()
        );
        let found = browser.evaluate_json(&check).await;
        checked += 1;
        if found.as_array().is_some_and(|v| !v.is_empty()) {
            violations.push(format!("{} {name}: {found}", lang.tag()));
        }
    };
    for lang in Lang::ALL {
        let base = format!("{}{}", server.url, prefix(lang));
        browser.goto(&format!("{base}/")).await;
        audit(&browser, lang, "index").await;
        browser.goto(&format!("{base}/submit")).await;
        audit(&browser, lang, "submit").await;
        browser.find("#message").await.type_text("axe").await;
        browser
            .click_and_wait("main form button[type=submit]")
            .await;
        audit(&browser, lang, "receipt").await;
        let code = browser.text("#receipt").await;
        browser.goto(&format!("{base}/followup")).await;
        audit(&browser, lang, "followup").await;
        browser.find("#receipt").await.type_text("not a code").await;
        browser
            .click_and_wait("main form button[type=submit]")
            .await;
        audit(&browser, lang, "signin-wrong").await;
        browser.find("#receipt").await.type_text(&code).await;
        browser
            .click_and_wait("main form button[type=submit]")
            .await;
        audit(&browser, lang, "case").await;
        browser
            .find("form[action$='/case/reply'] #message")
            .await
            .type_text("an answer")
            .await;
        browser
            .click_and_wait("form[action$='/case/reply'] button[type=submit]")
            .await;
        audit(&browser, lang, "case-answered").await;
        browser
            .click_and_wait("form[action$='/logout'] button[type=submit]")
            .await;
        audit(&browser, lang, "signed-out").await;
        browser.goto(&format!("{base}/case")).await;
        audit(&browser, lang, "not-signed-in").await;
        browser.goto(&format!("{base}/transparency")).await;
        audit(&browser, lang, "transparency").await;
        browser.goto(&format!("{base}/no-such-page")).await;
        audit(&browser, lang, "not-found").await;
    }
    // Chromium's own new-tab page (chrome://) loads at start with JavaScript on, and axe
    // makes a `data:` image; every request of the pages went to the server.
    for request in browser.network_requests().await {
        assert!(
            ["chrome://", "data:", &server.url]
                .iter()
                .any(|allowed| request.url.starts_with(allowed)),
            "a request outside the server: {}",
            request.url
        );
    }
    assert!(
        violations.is_empty(),
        "axe-core violations:\n{}",
        violations.join("\n")
    );
    assert_eq!(checked, 12 * 11);
}

/// The whole flow in Arabic and in French, JavaScript off, with the keyboard alone: Tab
/// to a link or field, type, Enter. A screenshot of the Arabic form is kept.
#[tokio::test(flavor = "multi_thread")]
async fn the_whole_flow_in_arabic_and_french_with_the_keyboard_alone() {
    let server = TestServer::start();
    let browser = Browser::start_with(BrowserOptions {
        window_size: (1280, 1000),
        ..BrowserOptions::default()
    })
    .await;
    for lang in [Lang::Ar, Lang::Fr] {
        let p = prefix(lang);
        let title = |key: &str| format!("{} — {BODY}", words(lang, key, &[]));
        browser.goto(&format!("{}{p}/", server.url)).await;
        assert_eq!(browser.title().await, title("index-title"));
        assert_eq!(
            browser.find("html").await.attr("dir").await.as_deref(),
            Some(lang.dir())
        );

        // To the form: Tab to the navigation's link, Enter.
        let link = browser
            .find(&format!("header nav a[href='{p}/submit']"))
            .await;
        browser.tab_to(&link, 10).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(
            browser.current_url().await,
            format!("{}{p}/submit", server.url)
        );
        assert_eq!(browser.title().await, title("submit-title"));
        if lang == Lang::Ar {
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            browser.save_screenshot(&dir.join("submit-ar.png")).await;
        }
        let message = browser.find("#message").await;
        browser.tab_to(&message, 40).await;
        let text = match lang {
            Lang::Ar => "دفعت البلدية فواتير مزورة في مارس",
            _ => "La mairie a payé des factures falsifiées en mars",
        };
        browser.type_keys(text).await;
        let send = browser.find("main form button[type=submit]").await;
        browser.tab_to(&send, 5).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(browser.title().await, title("receipt-title"));
        let code = browser.text("#receipt").await;
        candor_core::receipt::Receipt::parse(&code).expect("an English receipt code");

        // Back with the code: the navigation's link, the field, Enter.
        let check = browser
            .find(&format!("header nav a[href='{p}/followup']"))
            .await;
        browser.tab_to(&check, 10).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(browser.title().await, title("followup-title"));
        let field = browser.find("#receipt").await;
        browser.tab_to(&field, 40).await;
        browser.type_keys(&code).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(
            browser.current_url().await,
            format!("{}{p}/case", server.url)
        );
        assert_eq!(browser.title().await, title("case-title"));
        assert!(
            browser.text("main").await.contains(text),
            "the case shows the report"
        );

        // An answer, then signing out.
        let answer = browser.find("form[action$='/case/reply'] #message").await;
        browser.tab_to(&answer, 40).await;
        browser.type_keys("Merci / شكرًا").await;
        let send = browser
            .find("form[action$='/case/reply'] button[type=submit]")
            .await;
        browser.tab_to(&send, 5).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(
            browser.current_url().await,
            format!("{}{p}/case", server.url)
        );
        assert!(browser.text("main").await.contains("Merci / شكرًا"));
        let out = browser
            .find("form[action$='/logout'] button[type=submit]")
            .await;
        browser.tab_to(&out, 40).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(browser.title().await, title("signed-out-title"));

        // The switcher, by keyboard too: from this language to English.
        browser.goto(&format!("{}{p}/followup", server.url)).await;
        let english = browser.find("nav.langs a[hreflang='en']").await;
        browser.tab_to(&english, 20).await;
        browser.press_and_wait(Key::Enter).await;
        assert_eq!(
            browser.current_url().await,
            format!("{}/followup", server.url)
        );
        assert_eq!(browser.title().await, format!("Check your report — {BODY}"));
    }
    browser.assert_requests_only_to(&server.url).await;
}

/// The workstation speaks the language it is started with (`--language`): its frame, its
/// notices, and what it found in a reporter's files (warnings, types, the safe view's
/// refusal, the advice); what it writes to disk (an export's `manifest.json`) stays
/// English, whatever the language, so that it reads the same for everyone it goes to.
#[tokio::test(flavor = "multi_thread")]
async fn the_workstation_speaks_the_language_it_is_started_with() {
    let server = TestServer::start();
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(b"Die Rechnungen sind gefaelscht.".to_vec()),
            file(
                "invoice.pdf",
                "application/pdf",
                candor_testkit::corpus::windows_executable(),
            ),
            file("report\u{202E}gnp.exe", "image/png", b"text\n".to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let reference = server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let de = Lang::De;
    let ws = WorkstationProcess::start_at(
        &server.url,
        &server.reviewer.key_path,
        &["--language", "de"],
    )
    .await;
    let (status, inbox) = ws.get("/").await;
    assert_eq!(status, 200);
    assert!(inbox.starts_with("<!DOCTYPE html><html lang=\"de\" dir=\"ltr\">"));
    assert!(inbox.contains(&words(de, "ws-inbox", &[])));
    assert!(
        !inbox.contains("hreflang"),
        "the workstation has no language switcher"
    );

    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200);
    let pdf = words(de, "file-class-pdf", &[]);
    let windows = words(de, "file-type-windows-program", &[]);
    for expected in [
        words(
            de,
            "file-warn-mismatch",
            &[("claimed", &pdf), ("actual", &windows)],
        ),
        words(de, "file-warn-executable", &[("actual", &windows)]),
        words(de, "file-warn-invisible", &[])
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
        words(de, "file-warn-program-name", &[]),
        words(de, "file-offline-advice", &[]),
        words(de, "ws-view-safely", &[]),
    ] {
        assert!(
            page.contains(&expected),
            "{expected:?} is not on the German case page"
        );
    }
    assert!(
        !page.contains("Its name says"),
        "no English finding on a German page"
    );

    // The safe view's refusal, in German too.
    let id = page
        .split(&format!("/cases/{reference}/items/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an item link")
        .to_string();
    let (_, refused) = ws.get(&format!("/cases/{reference}?safe={id}")).await;
    let refusal = words(de, "file-safe-not-convertible", &[("actual", &windows)]);
    assert!(
        refused.contains(&refusal) || refused.contains(&words(de, "file-safe-no-sandbox", &[])),
        "the safe view's refusal is German"
    );

    // The export keeps English sentences.
    let csrf = csrf_from(&page).expect("csrf");
    let export_to = ws.export_dir.path().join("out");
    let r = ws
        .post_form(
            &format!("/cases/{reference}/export"),
            &[("csrf", &csrf), ("dir", export_to.to_str().expect("utf8"))],
        )
        .await;
    assert_eq!(r.status(), 303);
    let manifest = std::fs::read_to_string(export_to.join(&reference).join("manifest.json"))
        .expect("manifest");
    assert!(
        manifest.contains("Its name says a PDF document, but its content is a Windows program."),
        "{manifest}"
    );
    assert!(manifest.contains("open originals only on a computer that is offline"));
    assert!(!manifest.contains(&windows), "no German in the export");

    // Arabic: right to left.
    let ws_ar = WorkstationProcess::start_at(
        &server.url,
        &server.reviewer.key_path,
        &["--language", "ar"],
    )
    .await;
    let (_, inbox) = ws_ar.get("/").await;
    assert!(inbox.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"));
    assert!(inbox.contains(&words(Lang::Ar, "ws-inbox", &[])));
}

/// Right to left, on a phone: Arabic and Persian pages start at the right (the brand, an
/// inline element, sits at the right edge) and nothing is wider than a 320 px screen;
/// JavaScript off. The stylesheet uses logical properties only, which this shows.
#[tokio::test(flavor = "multi_thread")]
async fn right_to_left_pages_start_at_the_right_and_fit_a_phone() {
    let server = TestServer::start();
    let browser = Browser::start_with(BrowserOptions {
        window_size: (500, 900),
        ..BrowserOptions::default()
    })
    .await;
    browser.set_viewport(320, 2400).await;
    for lang in [Lang::Ar, Lang::Fa] {
        let base = format!("{}{}", server.url, prefix(lang));
        let mut code = String::new();
        for step in [
            "index",
            "submit",
            "receipt",
            "followup",
            "case",
            "transparency",
        ] {
            match step {
                "index" => browser.goto(&format!("{base}/")).await,
                "submit" => browser.goto(&format!("{base}/submit")).await,
                "receipt" => {
                    browser.find("#message").await.type_text("rtl").await;
                    browser
                        .click_and_wait("main form button[type=submit]")
                        .await;
                    code = browser.text("#receipt").await;
                }
                "followup" => browser.goto(&format!("{base}/followup")).await,
                "case" => {
                    browser.find("#receipt").await.type_text(&code).await;
                    browser
                        .click_and_wait("main form button[type=submit]")
                        .await;
                }
                _ => browser.goto(&format!("{base}/transparency")).await,
            }
            let what = format!("{step} ({})", lang.tag());
            let (_, _, width, _) = browser
                .find("html")
                .await
                .inner()
                .rectangle()
                .await
                .expect("rect");
            assert!((300.0..=320.0).contains(&width), "{what}: {width} px wide");
            let (x, _, w, _) = browser
                .find("header .brand")
                .await
                .inner()
                .rectangle()
                .await
                .expect("rect");
            assert!(
                x + w > width - 40.0 && x > width / 3.0,
                "{what}: the brand is at {x}..{} of {width}, not at the right",
                x + w
            );
            for e in browser.find_all("body *").await {
                let (x, _, w, _) = e.inner().rectangle().await.expect("rect");
                assert!(
                    x >= -0.5 && x + w <= width + 0.5,
                    "{what}: <{}> spans {x}..{} of {width}: {:.60}",
                    e.tag_name().await,
                    x + w,
                    e.text().await
                );
            }
        }
    }
    browser.assert_requests_only_to(&server.url).await;
}
