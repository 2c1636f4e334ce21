//! Browser harness: headless Debian Chromium with JavaScript disabled, driven over
//! WebDriver by Debian's ChromeDriver, for tests that use the real server's HTML forms the
//! way a reporter does in Tor Browser at the "Safest" level.
//!
//! Use it from an integration test with `use candor_testkit::browser::Browser;`:
//!
//! ```ignore
//! let browser = Browser::start().await; // fresh profile; JavaScript off, and proven off
//! browser.goto(&format!("{}/submit", server.url)).await;
//! browser.find("#message").await.type_text("what happened").await;
//! browser.find("#files").await.attach(&[&path]).await;
//! browser.click_and_wait("form button[type=submit]").await; // waits for the next page
//! let code = browser.text("#receipt").await;
//! browser.assert_requests_only_to(&server.url).await;
//! ```
//!
//! How JavaScript is turned off: two independent switches, either of which is enough on
//! Chromium 148 (each was checked alone): the profile preference
//! `profile.managed_default_content_settings.javascript = 2` (what an administrator's
//! policy sets: "block JavaScript on every site") and the renderer switch
//! `--blink-settings=scriptEnabled=false`. [`Browser::assert_javascript_disabled`] proves
//! the result in every new session before a test gets the browser.
//!
//! Why WebDriver still works: ChromeDriver implements Find Element, Get Element Text,
//! Element Click and the rest partly with small JavaScript "atoms" that it runs through the
//! DevTools protocol (`Runtime.callFunctionOn`). Those calls are not governed by the
//! JavaScript content setting or by Blink's `scriptEnabled`; both only stop script that
//! comes from the page (`<script>`, event handler attributes, `javascript:` URLs). So
//! element lookup works while the page's own scripts are off. It also means a successful
//! WebDriver "Execute Script" proves nothing about the page: this harness never uses it,
//! and the proof looks only at what the page's own script and parser did to the DOM.
//!
//! The WebDriver protocol itself is `fantoccini`'s (over a plain-HTTP `hyper-util`
//! connector: ChromeDriver listens on loopback only). ChromeDriver's performance log has no
//! fantoccini method; it is read with a custom command ([`SessionCommand`]).
//!
//! Processes: ChromeDriver runs in its own process group, and Chromium (started by it)
//! inherits that group. Dropping the [`Browser`] ends the WebDriver session, which makes
//! ChromeDriver quit Chromium, and then kills the whole group, so nothing outlives a test,
//! also when the test panics. The profile, Chromium's crash-report folder, caches and
//! downloads all live in one temporary folder that is removed afterwards.
//!
//! Network: Chromium gets no proxy and no background networking; every request the page
//! makes is recorded from ChromeDriver's performance log (`goog:loggingPrefs`), see
//! [`Browser::network_requests`] and [`Browser::assert_requests_only_to`].

use std::future::Future;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
// fantoccini's custom-command trait is written with `http::Method` and `url::Url`; reqwest
// re-exports both (same crate versions), so no extra dependency is needed to name them.
use reqwest::{Method, Url};
use serde_json::{Value, json};

pub use fantoccini::cookies::Cookie;

/// The browser (Debian package `chromium`).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Its WebDriver server (Debian package `chromium-driver`).
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const INSTALL: &str = "apt-get install chromium chromium-driver";

/// How often wait-for-condition loops look again.
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// How long a failure message may spend asking the browser where it is.
const WHEREABOUTS_TIMEOUT: Duration = Duration::from_secs(10);

/// Switches this sandbox needs (we run as root, no GPU, loopback only), plus the ones that
/// keep Chromium off the network and quiet.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-proxy-server",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-extensions",
];

/// The renderer switch that turns the page's JavaScript off (see the module's doc comment).
const SCRIPT_OFF: &str = "--blink-settings=scriptEnabled=false";

/// Settings for [`Browser::start_with`].
#[derive(Debug, Clone)]
pub struct BrowserOptions {
    /// How long [`Browser::find`], [`Browser::click_and_wait`], [`Browser::wait_until`]
    /// and the like wait for their condition before they fail the test.
    pub wait_timeout: Duration,
    /// WebDriver's page-load timeout; also bounds form posts with large uploads.
    pub page_load_timeout: Duration,
    /// Window size in CSS pixels (matters for screenshots and for what is "displayed").
    pub window_size: (u32, u32),
    /// More Chromium switches, e.g. `--lang=de`.
    pub extra_args: Vec<String>,
    /// Only for a checker run through [`Browser::evaluate_json`] (axe-core waits on
    /// timers, which never fire with JavaScript off): leaves JavaScript on. The pages
    /// carry no script and their Content-Security-Policy allows none, so the checker,
    /// which DevTools runs outside the page's policy, is the only script; the tests that
    /// use it check both. Every other test keeps the default, off and proven off.
    pub checker_javascript: bool,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            wait_timeout: Duration::from_secs(20),
            page_load_timeout: Duration::from_secs(180),
            window_size: (1280, 1024),
            extra_args: Vec::new(),
            checker_javascript: false,
        }
    }
}

/// One request the page made, from ChromeDriver's performance log (DevTools `Network.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkRequest {
    /// DevTools request id (a redirect keeps the id; each hop is its own entry).
    pub id: String,
    pub method: String,
    pub url: String,
    /// DevTools resource type: `Document`, `Stylesheet`, `Image`, `Other`, ...
    pub resource_type: String,
    /// The HTTP status, once a response arrived.
    pub status: Option<u16>,
    /// Chromium's network error (e.g. `net::ERR_CONNECTION_RESET`) if the request failed.
    pub error: Option<String>,
}

impl NetworkRequest {
    /// The path of the URL (`/submit` for `http://127.0.0.1:1234/submit?x`).
    pub fn path(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, rest)| rest);
        let path = rest.find('/').map_or("/", |i| &rest[i..]);
        path.split(['?', '#']).next().unwrap_or(path)
    }
}

/// A WebDriver command that fantoccini has no method for, sent through
/// [`Client::issue_cmd`]: `path` is relative to the session (`se/log`,
/// `element/ID/property/files`, ...).
#[derive(Debug, Clone)]
pub struct SessionCommand {
    pub method: Method,
    pub path: String,
    pub body: Option<Value>,
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(&self, base: &Url, session: Option<&str>) -> Result<Url, UrlParseError> {
        // Without a session ChromeDriver answers "invalid session id".
        let session = session.unwrap_or("none");
        base.join(&format!(
            "session/{session}/{}",
            self.path.trim_start_matches('/')
        ))
    }

    fn method_and_body(&self, _url: &Url) -> (Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(Value::to_string),
        )
    }
}

/// `url::ParseError`, named through reqwest's re-export of `Url`.
type UrlParseError = <Url as std::str::FromStr>::Err;

/// A headless Chromium with JavaScript disabled, in a fresh profile, behind its own
/// ChromeDriver. Dropping it ends the session and kills both processes.
pub struct Browser {
    // Drop order matters: `driver` ends the session and kills the processes before
    // `client` goes (whose own attempt to end the session then finds nobody listening), and
    // both before the temporary folder.
    driver: Driver,
    client: Client,
    options: BrowserOptions,
    network: Mutex<NetworkLog>,
    downloads: PathBuf,
    /// The browser's profile and downloads, removed when the browser is.
    #[allow(dead_code)]
    dir: tempfile::TempDir,
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium with default [`BrowserOptions`], and
    /// proves that JavaScript is off. Fails the test (never skips) when Chromium or
    /// ChromeDriver is not installed.
    pub async fn start() -> Browser {
        Self::start_with(BrowserOptions::default()).await
    }

    pub async fn start_with(options: BrowserOptions) -> Browser {
        for (path, package) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")] {
            assert!(
                Path::new(path).is_file(),
                "browser tests need {path} (Debian package `{package}`), which is missing. \
                 Install the browser and its driver with `{INSTALL}`; these tests never skip."
            );
        }
        let dir = tempfile::Builder::new()
            .prefix("candor-browser-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot make a temporary folder for the browser: {e}"));
        let profile = make_dir(dir.path(), "profile");
        let downloads = make_dir(dir.path(), "downloads");
        let config_home = make_dir(dir.path(), "config");
        let cache_home = make_dir(dir.path(), "cache");
        let mut driver = Driver::spawn(&dir.path().join("chromedriver.log"), |cmd| {
            // Chromium inherits these: its crash-report database and caches stay in the
            // temporary folder instead of the user's home.
            cmd.env("XDG_CONFIG_HOME", &config_home)
                .env("XDG_CACHE_HOME", &cache_home);
        });

        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!(
            "--window-size={},{}",
            options.window_size.0, options.window_size.1
        ));
        args.extend(options.extra_args.iter().cloned());
        if !options.checker_javascript {
            args.push(SCRIPT_OFF.to_string());
        }
        // 2 = block, 1 = allow. "managed" is the policy level: nothing can turn it back on
        // for a site.
        let javascript = if options.checker_javascript { 1 } else { 2 };
        // fantoccini sends these as `alwaysMatch`.
        let Value::Object(capabilities) = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "unhandledPromptBehavior": "dismiss",
            "timeouts": {
                "implicit": 0,
                "pageLoad": options.page_load_timeout.as_millis() as u64,
                "script": 10_000,
            },
            "goog:loggingPrefs": { "performance": "ALL" },
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": args,
                "prefs": {
                    "profile.managed_default_content_settings.javascript": javascript,
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                },
                "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
            },
        }) else {
            unreachable!("the capabilities are a JSON object")
        };
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let limit = options.page_load_timeout + Duration::from_secs(60);
        let client = match tokio::time::timeout(limit, builder.connect(&driver.url())).await {
            Ok(Ok(client)) => client,
            failed => {
                let why = match failed {
                    Ok(Err(e)) => e.to_string(),
                    _ => format!("no answer within {limit:?}"),
                };
                panic!(
                    "ChromeDriver could not start {CHROMIUM}: {why}\n(a version mismatch \
                     between chromium and chromium-driver shows here; reinstall both with \
                     `{INSTALL}`)\n--- chromedriver log (tail) ---\n{}",
                    driver.log_tail()
                )
            }
        };
        driver.session = client
            .session_creation_response()
            .map(|created| created.session_id().to_string());

        let browser = Browser {
            driver,
            client,
            options,
            network: Mutex::new(NetworkLog::default()),
            downloads,
            dir,
        };
        if !browser.options.checker_javascript {
            browser.assert_javascript_disabled().await;
        }
        // Forget what the start page and the probe loaded: tests see only their own requests.
        browser.clear_network_requests().await;
        browser
    }

    /// Proves that the page's own JavaScript is off in this session: loads a `data:` page
    /// whose inline script, and whose `onload` handler, would each change the title and the
    /// DOM, and which has a `<noscript>` with an element inside. Passes only if the title
    /// and text are untouched and the element inside `<noscript>` exists: the HTML parser
    /// builds `<noscript>` content as elements only when scripting is disabled for the
    /// document (with scripting on it is raw text), so this also shows that the page sees
    /// JavaScript as off, as a site sees Tor Browser at "Safest". Navigates away from the
    /// current page.
    pub async fn assert_javascript_disabled(&self) {
        const PROBE: &str = concat!(
            "<!doctype html><html><head><title>untouched</title></head>",
            "<body onload=\"document.title='onload handler ran'\">",
            "<noscript><p id=\"noscript-content\">scripting is disabled</p></noscript>",
            "<p id=\"marker\">untouched</p>",
            "<script>document.getElementById('marker').textContent='script ran';",
            "document.title='script ran';</script>",
            "</body></html>",
        );
        self.goto(&format!(
            "data:text/html;charset=utf-8,{}",
            percent_encode(PROBE)
        ))
        .await;
        let title = self.title().await;
        let marker = self.text("#marker").await;
        let noscript = self.find_all("#noscript-content").await.len();
        assert!(
            title == "untouched" && marker == "untouched" && noscript == 1,
            "JavaScript is NOT disabled in this Chromium session: title {title:?}, marker \
             {marker:?}, elements inside <noscript>: {noscript} (want \"untouched\", \
             \"untouched\", 1). The content-setting preference and --blink-settings switch \
             no longer work with this Chromium; these tests must not run with JavaScript on."
        );
    }

    /// The folder Chromium saves downloads into (no prompt).
    pub fn downloads_dir(&self) -> &Path {
        &self.downloads
    }

    /// Waits (up to `wait_timeout`) until Chromium has finished saving a download named
    /// `file_name` (no `.crdownload` left) and returns its path.
    pub async fn wait_for_download(&self, file_name: &str) -> PathBuf {
        let path = self.downloads.join(file_name);
        let partial = self.downloads.join(format!("{file_name}.crdownload"));
        let deadline = Deadline::after(self.options.wait_timeout);
        while !path.is_file() || partial.exists() {
            if !deadline.wait().await {
                let present: Vec<String> = std::fs::read_dir(&self.downloads)
                    .map(|entries| {
                        entries
                            .flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                panic!(
                    "no download {file_name:?} after {:?} (the downloads folder has {present:?}); {}",
                    self.options.wait_timeout,
                    self.whereabouts().await
                );
            }
        }
        path
    }

    /// The options this browser was started with.
    pub fn options(&self) -> &BrowserOptions {
        &self.options
    }

    /// The fantoccini client, for anything this harness has no method for.
    pub fn client(&self) -> &Client {
        &self.client
    }

    // ---- navigation and page ------------------------------------------------------------

    /// Opens `url` and waits until it has loaded; fails the test if it cannot be loaded.
    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.try_goto(url).await {
            panic!("could not open {url}: {e}");
        }
    }

    /// Opens `url`; ChromeDriver reports a failed navigation (e.g. connection refused)
    /// as an error.
    pub async fn try_goto(&self, url: &str) -> Result<(), CmdError> {
        self.within(self.client.goto(url)).await
    }

    /// The URL of the current page, as WebDriver reports it.
    pub async fn current_url(&self) -> String {
        self.expect("get the current URL", self.client.current_url())
            .await
            .into()
    }

    /// The document title.
    pub async fn title(&self) -> String {
        self.expect("get the title", self.client.title()).await
    }

    /// The serialized DOM of the current page.
    pub async fn source(&self) -> String {
        self.expect("get the page source", self.client.source())
            .await
    }

    /// Goes back in history and waits for the page to load.
    pub async fn back(&self) {
        self.expect("go back", self.client.back()).await;
    }

    /// Reloads the page and waits for it to load.
    pub async fn refresh(&self) {
        self.expect("reload", self.client.refresh()).await;
    }

    /// A PNG of the viewport.
    pub async fn screenshot(&self) -> Vec<u8> {
        self.expect("take a screenshot", self.client.screenshot())
            .await
    }

    /// Writes a PNG of the viewport to `path` (handy while writing a test).
    pub async fn save_screenshot(&self, path: &Path) {
        let png = self.screenshot().await;
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("cannot write the screenshot to {}: {e}", path.display()));
    }

    // ---- elements -----------------------------------------------------------------------

    /// Waits (up to `wait_timeout`) for an element matching the CSS selector and returns
    /// the first one.
    pub async fn find(&self, css: &str) -> Element<'_> {
        self.wait_for(Locator::Css(css), &format!("`{css}`")).await
    }

    /// Waits for a link whose visible text is exactly `text` and returns the first one.
    pub async fn find_link(&self, text: &str) -> Element<'_> {
        self.wait_for(Locator::LinkText(text), &format!("link {text:?}"))
            .await
    }

    /// Every element matching the CSS selector now (no waiting; may be empty).
    pub async fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let what = format!("`{css}`");
        self.expect(
            &format!("look for {what}"),
            self.client.find_all(Locator::Css(css)),
        )
        .await
        .into_iter()
        .map(|inner| self.element(inner, &what))
        .collect()
    }

    /// The visible text of the first element matching the CSS selector (waits for it).
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await
    }

    /// Finds the element, clicks it and waits until the browser shows a new document
    /// (see [`Element::click_and_wait`]).
    pub async fn click_and_wait(&self, css: &str) {
        self.find(css).await.click_and_wait().await;
    }

    /// Polls `condition` until it is true; fails the test after `wait_timeout`, naming
    /// `what` was awaited and where the browser is.
    pub async fn wait_until(&self, what: &str, mut condition: impl AsyncFnMut() -> bool) {
        let deadline = Deadline::after(self.options.wait_timeout);
        while !condition().await {
            if !deadline.wait().await {
                panic!(
                    "timed out after {:?} waiting for {what}; {}",
                    self.options.wait_timeout,
                    self.whereabouts().await
                );
            }
        }
    }

    async fn wait_for(&self, locator: Locator<'_>, what: &str) -> Element<'_> {
        let waiting = self
            .client
            .wait()
            .at_most(self.options.wait_timeout)
            .every(POLL_INTERVAL)
            .for_element(locator);
        match self.within(waiting).await {
            Ok(inner) => self.element(inner, what),
            Err(CmdError::WaitTimeout) => panic!(
                "no element {what} after {:?}; {}",
                self.options.wait_timeout,
                self.whereabouts().await
            ),
            Err(e) => panic!("cannot look for {what}: {e}; {}", self.whereabouts().await),
        }
    }

    fn element(&self, inner: fantoccini::elements::Element, what: &str) -> Element<'_> {
        Element {
            browser: self,
            inner,
            what: what.to_string(),
        }
    }

    /// "on URL (title "...")" for failure messages; never panics, never hangs.
    async fn whereabouts(&self) -> String {
        let asking = async {
            let url = self.client.current_url().await?;
            let title = self.client.title().await?;
            Ok::<_, CmdError>((url.to_string(), title))
        };
        match tokio::time::timeout(WHEREABOUTS_TIMEOUT, asking).await {
            Ok(Ok((url, title))) => {
                // `data:` URLs can be long; the start says enough.
                let shown: String = url.chars().take(200).collect();
                let more = if shown.len() < url.len() { "…" } else { "" };
                format!("the browser is on {shown}{more} (title {title:?})")
            }
            Ok(Err(e)) => format!("the browser does not answer: {e}"),
            Err(_) => format!("the browser does not answer within {WHEREABOUTS_TIMEOUT:?}"),
        }
    }

    // ---- cookies ------------------------------------------------------------------------

    /// The cookies visible to the current page.
    pub async fn cookies(&self) -> Vec<Cookie<'static>> {
        self.expect("read the cookies", self.client.get_all_cookies())
            .await
    }

    /// The cookie with this name on the current page, if any.
    pub async fn cookie(&self, name: &str) -> Option<Cookie<'static>> {
        match self.within(self.client.get_named_cookie(name)).await {
            Ok(cookie) => Some(cookie),
            Err(e) if e.is_no_such_cookie() => None,
            Err(e) => panic!("cannot read the cookie {name:?}: {e}"),
        }
    }

    /// Deletes every cookie of the current page's site.
    pub async fn delete_all_cookies(&self) {
        self.expect("delete the cookies", self.client.delete_all_cookies())
            .await;
    }

    // ---- network ------------------------------------------------------------------------

    /// Every request the browser's pages made since the session started (the JavaScript
    /// probe excluded), oldest first, with status or network error once known. `data:` URLs
    /// appear too (they are not network requests).
    pub async fn network_requests(&self) -> Vec<NetworkRequest> {
        self.fetch_network_events().await;
        self.lock_network().requests.clone()
    }

    /// Asserts that every network request so far went to `origin` (e.g. `server.url`,
    /// `http://127.0.0.1:1234`), and returns them. `data:` URLs are no network requests
    /// and are ignored; anything else (another host or port, `https:`, `ws:`, `chrome:`)
    /// fails the test.
    pub async fn assert_requests_only_to(&self, origin: &str) -> Vec<NetworkRequest> {
        let origin = origin.trim_end_matches('/');
        let requests: Vec<NetworkRequest> = self
            .network_requests()
            .await
            .into_iter()
            .filter(|r| !r.url.starts_with("data:"))
            .collect();
        let outside: Vec<String> = requests
            .iter()
            .filter(|r| r.url != origin && !r.url.starts_with(&format!("{origin}/")))
            .map(|r| format!("{} {}", r.method, r.url))
            .collect();
        assert!(
            outside.is_empty(),
            "the browser made requests outside {origin}: {outside:?}"
        );
        requests
    }

    /// Forgets the requests recorded so far.
    pub async fn clear_network_requests(&self) {
        self.fetch_network_events().await;
        self.lock_network().requests.clear();
    }

    /// Reads (and so empties) ChromeDriver's performance log and folds its DevTools
    /// `Network.*` events into the request list. (ChromeDriver serves the log at
    /// `se/log`, a Selenium extension fantoccini has no method for.)
    async fn fetch_network_events(&self) {
        let entries = self
            .command(
                Method::POST,
                "se/log",
                Some(json!({ "type": "performance" })),
            )
            .await
            .unwrap_or_else(|e| panic!("cannot read ChromeDriver's performance log: {e}"));
        let Value::Array(entries) = entries else {
            panic!("unexpected performance log: {entries}");
        };
        let mut log = self.lock_network();
        for entry in entries {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let Ok(message) = serde_json::from_str::<Value>(message) else {
                continue;
            };
            log.record(&message["message"]);
        }
    }

    fn lock_network(&self) -> std::sync::MutexGuard<'_, NetworkLog> {
        self.network
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes the page's viewport `width` × `height` CSS pixels, below the smallest window
    /// headless Chromium opens (500 px): DevTools' `Emulation.setDeviceMetricsOverride`,
    /// through ChromeDriver (no script of the page runs).
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let body = json!({
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": { "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false },
        });
        if let Err(e) = self
            .command(Method::POST, "goog/cdp/execute", Some(body))
            .await
        {
            panic!("cannot set the viewport to {width}x{height}: {e}");
        }
    }

    // ---- keyboard -----------------------------------------------------------------------

    /// Presses and releases `key` (WebDriver actions: real key events, as a person types),
    /// with the focus wherever it is.
    pub async fn press(&self, key: fantoccini::key::Key) {
        self.type_keys(&char::from(key).to_string()).await;
    }

    /// Types `text` into whatever has the focus, key by key (a key of
    /// [`fantoccini::key::Key`] as its character).
    pub async fn type_keys(&self, text: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_string());
        for value in text.chars() {
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.expect("type", self.client.perform_actions(actions))
            .await;
    }

    /// The element that has the keyboard focus.
    pub async fn focused(&self) -> Element<'_> {
        let inner = self
            .expect("find the focused element", self.client.active_element())
            .await;
        self.element(inner, "the focused element")
    }

    /// Presses Tab until `target` has the focus, at most `limit` times; returns how many
    /// presses it took.
    pub async fn tab_to(&self, target: &Element<'_>, limit: usize) -> usize {
        for presses in 1..=limit {
            self.press(fantoccini::key::Key::Tab).await;
            if self.focused().await.inner.element_id() == target.inner.element_id() {
                return presses;
            }
        }
        panic!(
            "{} never got the focus after {limit} presses of Tab; {}",
            target.what,
            self.whereabouts().await
        );
    }

    /// Presses `key` and waits until the browser shows a different document (Enter on a
    /// link or a form's button).
    pub async fn press_and_wait(&self, key: fantoccini::key::Key) {
        let root = self.find("html").await;
        self.press(key).await;
        if let Err(waited) = self.new_document(&root).await {
            panic!(
                "no new page within {waited:?} after a key press; {}",
                self.whereabouts().await
            );
        }
    }

    /// Waits until `root` (the `html` element of the page before) has gone stale, up to the
    /// page-load timeout; returns how long it waited if it did not.
    async fn new_document(&self, root: &Element<'_>) -> Result<(), Duration> {
        let timeout = self.options.page_load_timeout;
        let deadline = Deadline::after(timeout);
        while !root.is_stale().await {
            if !deadline.wait().await {
                return Err(timeout);
            }
        }
        Ok(())
    }

    // ---- checkers -----------------------------------------------------------------------

    /// Runs `script` (a checker's source, then an expression whose promise resolves to a
    /// JSON string) in the page through DevTools' `Runtime.evaluate`, outside the page's
    /// Content-Security-Policy; needs [`BrowserOptions::checker_javascript`]. Returns the
    /// parsed JSON.
    pub async fn evaluate_json(&self, script: &str) -> Value {
        let body = json!({
            "cmd": "Runtime.evaluate",
            "params": { "expression": script, "awaitPromise": true, "returnByValue": true },
        });
        let answer = match self
            .command(Method::POST, "goog/cdp/execute", Some(body))
            .await
        {
            Ok(answer) => answer,
            Err(e) => panic!("cannot run a checker in the page: {e}"),
        };
        if let Some(error) = answer.get("exceptionDetails") {
            panic!("the checker failed in the page: {error}");
        }
        let text = answer["result"]["value"].as_str().unwrap_or_default();
        serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("the checker's answer is not JSON ({e}): {text:.200}"))
    }

    // ---- raw protocol -------------------------------------------------------------------

    /// Sends a WebDriver command for this session that fantoccini has no method for:
    /// `path` is relative to the session (`se/log`, `element/ID/property/files`, ...).
    /// Returns the answer's `value`. (For standard commands use [`Browser::client`].)
    pub async fn command(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, CmdError> {
        let command = SessionCommand {
            method,
            path: path.to_string(),
            body,
        };
        self.within(self.client.issue_cmd(command)).await
    }

    /// Runs a fantoccini call, bounded by the page-load timeout plus a minute, so a hung
    /// ChromeDriver fails the test instead of stalling it.
    async fn within<T>(
        &self,
        call: impl Future<Output = Result<T, CmdError>>,
    ) -> Result<T, CmdError> {
        let limit = self.options.page_load_timeout + Duration::from_secs(60);
        tokio::time::timeout(limit, call).await.unwrap_or_else(|_| {
            Err(CmdError::Lost(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("ChromeDriver did not answer within {limit:?}"),
            )))
        })
    }

    /// Runs a fantoccini call; fails the test, saying it could not `what`, if it fails.
    async fn expect<T>(&self, what: &str, call: impl Future<Output = Result<T, CmdError>>) -> T {
        match self.within(call).await {
            Ok(value) => value,
            Err(e) => panic!("cannot {what}: {e}; {}", self.whereabouts().await),
        }
    }

    /// Ends the session politely (Chromium quits) and stops ChromeDriver. Dropping the
    /// browser does the same, blocking; this is the async way.
    pub async fn close(mut self) {
        if self.driver.session.take().is_some() {
            // Best effort: Drop kills the process group whatever happens here.
            let _ = self.within(self.client.clone().close()).await;
        }
    }
}

/// An element on the current page. It becomes stale when the page changes.
pub struct Element<'b> {
    browser: &'b Browser,
    inner: fantoccini::elements::Element,
    /// How it was found, for failure messages.
    what: String,
}

impl<'b> Element<'b> {
    /// The WebDriver element id (for [`Browser::command`]).
    pub fn id(&self) -> String {
        self.inner.element_id().to_string()
    }

    /// The fantoccini element, for anything this harness has no method for.
    pub fn inner(&self) -> &fantoccini::elements::Element {
        &self.inner
    }

    /// Runs a fantoccini call on this element; fails the test if it fails.
    async fn expect<T>(&self, what: &str, call: impl Future<Output = Result<T, CmdError>>) -> T {
        match self.browser.within(call).await {
            Ok(value) => value,
            Err(e) => panic!(
                "cannot {what} ({}): {e}; {}",
                self.what,
                self.browser.whereabouts().await
            ),
        }
    }

    /// The rendered text, as a user sees it (WebDriver "Get Element Text").
    pub async fn text(&self) -> String {
        self.expect("read the text", self.inner.text()).await
    }

    /// An HTML attribute (`None` when absent).
    pub async fn attr(&self, name: &str) -> Option<String> {
        self.expect("read an attribute", self.inner.attr(name))
            .await
    }

    /// A DOM property that is a string or a boolean (`"true"`/`"false"`), e.g. `value`,
    /// `checked`; `None` when it is null or undefined. Other kinds (`files`,
    /// `selectedIndex`) are read as JSON through [`Browser::command`] with
    /// `element/{id}/property/{name}`.
    pub async fn prop(&self, name: &str) -> Option<String> {
        self.expect("read a property", self.inner.prop(name)).await
    }

    /// The lower-case tag name.
    pub async fn tag_name(&self) -> String {
        self.expect("read the tag name", self.inner.tag_name())
            .await
            .to_lowercase()
    }

    /// Whether the element is rendered visibly.
    pub async fn is_displayed(&self) -> bool {
        self.expect("check visibility", self.inner.is_displayed())
            .await
    }

    /// The first descendant matching the CSS selector (no waiting).
    pub async fn find(&self, css: &str) -> Element<'b> {
        let inner = self
            .expect(
                &format!("find `{css}` inside"),
                self.inner.find(Locator::Css(css)),
            )
            .await;
        self.browser
            .element(inner, &format!("`{css}` in {}", self.what))
    }

    /// Clicks it (WebDriver "Element Click": scrolls into view, real mouse events).
    pub async fn click(&self) {
        self.expect("click", self.inner.click()).await;
    }

    /// Clicks a link or submit button and waits until the browser shows a different
    /// document (the page's root element has gone stale), up to the page-load timeout,
    /// which bounds large uploads. The URL may not change (a form posted to its own
    /// address), which is why this waits on the document, not the URL.
    pub async fn click_and_wait(&self) {
        if let Err(waited) = self.try_click_and_wait().await {
            panic!(
                "clicking {} did not lead to a new page within {waited:?}; {}",
                self.what,
                self.browser.whereabouts().await
            );
        }
    }

    /// Like [`Element::click_and_wait`], but returns how long it waited instead of failing
    /// when no new document came.
    pub async fn try_click_and_wait(&self) -> Result<(), Duration> {
        let root = self.browser.find("html").await;
        self.click().await;
        self.browser.new_document(&root).await
    }

    /// Whether the element's document has been replaced.
    pub async fn is_stale(&self) -> bool {
        match self.browser.within(self.inner.tag_name()).await {
            Ok(_) => false,
            Err(e) if e.is_stale_element_reference() || e.is_no_such_element() => true,
            // ChromeDriver sometimes reports a node of a replaced document as an inspector
            // error instead of a stale element reference.
            Err(e) if e.to_string().contains("does not belong to the document") => true,
            Err(e) => panic!("cannot check whether {} is stale: {e}", self.what),
        }
    }

    /// Types text into it as key presses (WebDriver "Element Send Keys"). `\n` is Enter;
    /// in a `<textarea>` that is a line break.
    pub async fn type_text(&self, text: &str) {
        self.expect("type into", self.inner.send_keys(text)).await;
    }

    /// Empties an input or textarea.
    pub async fn clear(&self) {
        self.expect("clear", self.inner.clear()).await;
    }

    /// Chooses files in an `<input type="file">`, as a user would in the file dialog
    /// (several need the `multiple` attribute). Paths must exist; they are made absolute.
    pub async fn attach(&self, paths: &[&Path]) {
        assert!(!paths.is_empty(), "attach: no files given");
        let absolute: Vec<String> = paths
            .iter()
            .map(|p| {
                std::fs::canonicalize(p)
                    .unwrap_or_else(|e| panic!("cannot attach {}: {e}", p.display()))
                    .display()
                    .to_string()
            })
            .collect();
        // ChromeDriver's Send Keys on a file input takes one path per line.
        self.type_text(&absolute.join("\n")).await;
    }
}

// ---- ChromeDriver process ---------------------------------------------------------------

struct Driver {
    child: Child,
    port: u16,
    log_path: PathBuf,
    session: Option<String>,
}

impl Driver {
    /// Starts ChromeDriver on a free loopback port (`--port=0`: it picks one and prints
    /// it, so there is no race for the port) and waits until it says it is ready.
    fn spawn(log_path: &Path, configure: impl FnOnce(&mut Command)) -> Driver {
        let mut cmd = Command::new(CHROMEDRIVER);
        cmd.arg("--port=0")
            .arg(format!("--log-path={}", log_path.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group, which Chromium and its helpers inherit: Drop kills the
            // group, so nothing survives a test even if ChromeDriver cannot quit Chromium.
            .process_group(0);
        configure(&mut cmd);
        let mut child = cmd.spawn().unwrap_or_else(|e| {
            panic!("cannot run {CHROMEDRIVER}: {e}. Install it with `{INSTALL}`.")
        });
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let tx_err = tx.clone();
        std::thread::spawn(move || {
            // Read to the end so ChromeDriver never blocks on a full pipe.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            if !text.is_empty() {
                let _ = tx_err.send(format!("stderr: {text}"));
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut said = Vec::new();
        let port = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(port) = line
                        .split("started successfully on port ")
                        .nth(1)
                        .and_then(|rest| rest.trim().trim_end_matches('.').parse::<u16>().ok())
                    {
                        break port;
                    }
                    said.push(line);
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "{CHROMEDRIVER} did not become ready within 30 s; it said:\n{}",
                        said.join("\n")
                    );
                }
            }
        };
        Driver {
            child,
            port,
            log_path: log_path.to_path_buf(),
            session: None,
        }
    }

    /// Where ChromeDriver listens.
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The last lines of ChromeDriver's log, for failure messages.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    /// Ends the WebDriver session from a destructor, which cannot await: a helper thread
    /// with its own small runtime attaches a fantoccini client to the session and closes
    /// it. This works whatever runtime the test uses, also while it unwinds from a panic.
    /// Waits at most 20 s (ChromeDriver answers once Chromium has quit).
    fn end_session(&self, session: String) {
        let url = self.url();
        let (done, finished) = std::sync::mpsc::channel();
        let helper = std::thread::Builder::new()
            .name("end-webdriver-session".into())
            .spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                runtime.block_on(async {
                    let attached =
                        Client::with_existing_session(&url, &session, HttpConnector::new()).await;
                    if let Ok(client) = attached {
                        let _ = client.close().await;
                    }
                });
                let _ = done.send(());
            });
        if helper.is_ok() {
            let _ = finished.recv_timeout(Duration::from_secs(20));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            // Ask ChromeDriver to quit Chromium cleanly (it also removes Chromium's helper
            // processes, such as the crash handler that lives outside the group).
            self.end_session(session);
        }
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---- helpers ----------------------------------------------------------------------------

/// The end of a wait-for-condition loop: `while !condition { if !deadline.wait().await
/// { fail } }`. (Plain loops rather than closures keep the harness's futures `Send`.)
struct Deadline(Instant);

impl Deadline {
    fn after(timeout: Duration) -> Deadline {
        Deadline(Instant::now() + timeout)
    }

    /// Waits one poll interval and returns true, or returns false once the time is up.
    async fn wait(&self) -> bool {
        if Instant::now() >= self.0 {
            return false;
        }
        tokio::time::sleep(POLL_INTERVAL).await;
        true
    }
}

/// Calls `probe` until it returns `Some`, every [`POLL_INTERVAL`], for at most `timeout`
/// (it is always called at least once). For waiting on a condition without fixed sleeps.
pub async fn poll<T>(timeout: Duration, mut probe: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = probe().await {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// DevTools network events, folded into one entry per request.
#[derive(Default)]
struct NetworkLog {
    requests: Vec<NetworkRequest>,
}

impl NetworkLog {
    /// The latest entry with this request id (a redirect reuses the id).
    fn latest(&mut self, id: &str) -> Option<&mut NetworkRequest> {
        self.requests.iter_mut().rev().find(|r| r.id == id)
    }

    fn record(&mut self, event: &Value) {
        let params = &event["params"];
        let id = params["requestId"].as_str().unwrap_or_default();
        match event["method"].as_str().unwrap_or_default() {
            "Network.requestWillBeSent" => {
                if let Some(status) = params["redirectResponse"]["status"].as_u64()
                    && let Some(previous) = self.latest(id)
                {
                    previous.status = u16::try_from(status).ok();
                }
                self.requests.push(NetworkRequest {
                    id: id.to_string(),
                    method: params["request"]["method"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    url: params["request"]["url"].as_str().unwrap_or("").to_string(),
                    resource_type: params["type"].as_str().unwrap_or("").to_string(),
                    status: None,
                    error: None,
                });
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_u64();
                if let Some(request) = self.latest(id) {
                    request.status = status.and_then(|s| u16::try_from(s).ok());
                }
            }
            "Network.loadingFailed" => {
                let error = params["errorText"].as_str().unwrap_or("failed").to_string();
                if let Some(request) = self.latest(id) {
                    request.error = Some(error);
                }
            }
            _ => {}
        }
    }
}

fn make_dir(parent: &Path, name: &str) -> PathBuf {
    let path = parent.join(name);
    std::fs::create_dir_all(&path)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
    path
}

/// Percent-encodes everything but unreserved characters (for `data:` URLs).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
