//! Candor's test kit, shared by the integration tests and nothing else: it runs the real
//! `candor` binary on loopback (servers, workstations), inspects what a server stored
//! through the store's own interface, stands in for a hostile server ([`hostile`]), starts
//! a private Tor network ([`tor`]) and drives a browser with JavaScript off ([`browser`]).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor_store::Store;

pub mod browser;
pub mod corpus;
pub mod hostile;
pub mod scale;
pub mod tor;

/// The `candor` binary the tests run: the one Cargo built beside the running test
/// (`target/<profile>/candor`, next to `target/<profile>/deps/it-…`).
pub fn bin() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut dir = exe
        .parent()
        .expect("the test binary's folder")
        .to_path_buf();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("candor")
}

/// An example program of the workspace (`target/<profile>/examples/NAME`), built by
/// `cargo test --workspace`.
pub fn example(name: &str) -> PathBuf {
    bin().with_file_name("examples").join(name)
}

/// The candor binary, with no `CANDOR_*` variable of the caller's environment: those are
/// settings, and a stray one (say from a developer's shell) would change or stop the
/// servers under test.
pub fn candor_command() -> Command {
    let mut command = Command::new(bin());
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("CANDOR_") {
            command.env_remove(name);
        }
    }
    command
}

/// A reviewer key pair made with the real `candor keygen`.
pub struct ReviewerKey {
    pub name: String,
    pub key_path: PathBuf,
    pub recipient: String,
}

pub fn keygen_reviewer(dir: &Path, name: &str) -> ReviewerKey {
    let out = candor_command()
        .args(["keygen", "reviewer", "--name", name, "--out"])
        .arg(dir)
        .output()
        .expect("run keygen");
    assert!(
        out.status.success(),
        "keygen failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recipient = std::fs::read_to_string(dir.join(format!("{name}.pub")))
        .expect("read .pub")
        .trim()
        .to_string();
    ReviewerKey {
        name: name.to_string(),
        key_path: dir.join(format!("{name}.key")),
        recipient,
    }
}

/// With `TEST_BACKEND=postgres`, a new, empty database on the PostgreSQL server of
/// `TEST_POSTGRES_URL` (made with `psql`) for each test server; otherwise `None` (SQLite
/// in the server's data folder). `test.sh` runs the integration suite both ways.
pub fn test_database() -> Option<String> {
    if std::env::var("TEST_BACKEND").ok().as_deref() != Some("postgres") {
        return None;
    }
    Some(new_postgres_database())
}

/// A new, empty database on the PostgreSQL server of `TEST_POSTGRES_URL` (made with
/// `psql`), whatever the backend of this run; its URL.
pub fn new_postgres_database() -> String {
    let base =
        std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL names a PostgreSQL server");
    let mut id = [0u8; 8];
    getrandom::fill(&mut id).expect("random");
    let name = format!("candor_it_{}", hex::encode(id));
    let created = Command::new("psql")
        .args(["-q", "-v", "ON_ERROR_STOP=1", &base, "-c"])
        .arg(format!("CREATE DATABASE {name}"))
        .status()
        .expect("psql");
    assert!(created.success(), "cannot create a PostgreSQL database");
    let (path, query) = base.split_once('?').unwrap_or((&base, ""));
    let (server, _) = path
        .rsplit_once('/')
        .expect("a database in TEST_POSTGRES_URL");
    format!("{server}/{name}?{query}")
}

/// Options for a test server.
pub struct Options {
    pub max_upload_bytes: u64,
    pub listen: String,
    pub extra_config: String,
    /// Environment overrides for the server process (`CANDOR_*`).
    pub env: Vec<(String, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_upload_bytes: 200 * 1024 * 1024,
            listen: "127.0.0.1:0".into(),
            extra_config: String::new(),
            env: Vec::new(),
        }
    }
}

/// A running server with its own temporary folder (keys, config, data, logs, TMPDIR).
pub struct TestServer {
    pub root: tempfile::TempDir,
    pub reviewer: ReviewerKey,
    pub config_path: PathBuf,
    pub data_dir: PathBuf,
    pub tmp_dir: PathBuf,
    pub url: String,
    pub listen: String,
    env: Vec<(String, String)>,
    child: Option<Child>,
    log: Arc<Mutex<Vec<u8>>>,
    stdout_log: Arc<Mutex<Vec<u8>>>,
}

impl TestServer {
    pub fn start() -> TestServer {
        Self::start_with(Options::default())
    }

    pub fn start_with(mut options: Options) -> TestServer {
        if !options.extra_config.contains("database_url")
            && let Some(url) = test_database()
        {
            options.extra_config = format!("database_url = \"{url}\"\n{}", options.extra_config);
        }
        let root = tempfile::tempdir().expect("tempdir");
        let keys = root.path().join("keys");
        let reviewer = keygen_reviewer(&keys, "alice");
        let data_dir = root.path().join("data");
        let tmp_dir = root.path().join("tmp");
        std::fs::create_dir_all(&tmp_dir).expect("tmp dir");
        let config_path = root.path().join("candor.toml");
        let config = format!(
            "listen = \"{listen}\"\ndata_dir = \"{data}\"\nmax_upload_bytes = {max}\n{extra}\n[body]\nname = \"Test Authority\"\n\n[[reviewers]]\nname = \"alice\"\nrecipient = \"{recipient}\"\n",
            listen = options.listen,
            data = data_dir.display(),
            max = options.max_upload_bytes,
            extra = options.extra_config,
            recipient = reviewer.recipient,
        );
        std::fs::write(&config_path, config).expect("write config");
        let mut server = TestServer {
            root,
            reviewer,
            config_path,
            data_dir,
            tmp_dir,
            url: String::new(),
            listen: options.listen,
            env: options.env,
            child: None,
            log: Arc::new(Mutex::new(Vec::new())),
            stdout_log: Arc::new(Mutex::new(Vec::new())),
        };
        server.spawn();
        server
    }

    /// Starts (or restarts) the server process and waits until it listens.
    pub fn spawn(&mut self) {
        let mut child = candor_command()
            .args(["serve", "--config"])
            .arg(&self.config_path)
            .env("TMPDIR", &self.tmp_dir)
            .env(
                "CANDOR_LOG",
                "debug,sqlx=info,hyper=info,h2=info,tower=info",
            )
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn server");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::clone(&self.log);
        std::thread::spawn(move || {
            let mut stderr = stderr;
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                log.lock().expect("log").extend_from_slice(&buf[..n]);
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout_log = Arc::clone(&self.stdout_log);
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                stdout_log
                    .lock()
                    .expect("log")
                    .extend_from_slice(line.as_bytes());
                if let Some(addr) = line.trim().strip_prefix("Candor is listening on ") {
                    let _ = tx.send(addr.to_string());
                }
                line.clear();
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("server did not start: {}", self.log_text())
            });
        self.url = addr;
        self.child = Some(child);
    }

    /// Kills the server with SIGKILL (no shutdown of any kind).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stops the server with SIGTERM and waits for it.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(child.id().to_string())
                .status();
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.id())
    }

    pub fn log_text(&self) -> String {
        let mut s = String::from_utf8_lossy(&self.stdout_log.lock().expect("log")).into_owned();
        s.push_str(&String::from_utf8_lossy(&self.log.lock().expect("log")));
        s
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join("candor.db")
    }

    /// The database URL of the server's configuration.
    pub fn database_url(&self) -> String {
        let config = std::fs::read_to_string(&self.config_path).expect("config");
        config
            .lines()
            .find_map(|l| l.strip_prefix("database_url = \""))
            .and_then(|l| l.strip_suffix('"'))
            .map(str::to_string)
            .unwrap_or_else(|| format!("sqlite://{}", self.db_path().display()))
    }

    /// Points the (stopped) server at a new, empty database: with PostgreSQL a new one on
    /// the server; with SQLite nothing to do (its file is in `data_dir`).
    pub fn use_new_database(&mut self) {
        if self.is_sqlite() {
            return;
        }
        let url = test_database().expect("a PostgreSQL database");
        let config = std::fs::read_to_string(&self.config_path).expect("config");
        let config: Vec<String> = config
            .lines()
            .map(|l| {
                if l.starts_with("database_url = ") {
                    format!("database_url = \"{url}\"")
                } else {
                    l.to_string()
                }
            })
            .collect();
        std::fs::write(&self.config_path, config.join("\n") + "\n").expect("config");
    }

    /// Whether the server keeps its rows in SQLite (a file in `data_dir` the tests can
    /// read and edit), not in PostgreSQL.
    pub fn is_sqlite(&self) -> bool {
        self.database_url().starts_with("sqlite:")
    }

    pub fn blob_dir(&self) -> PathBuf {
        self.data_dir.join("blobs")
    }

    pub async fn store(&self) -> Arc<dyn Store> {
        if !self.is_sqlite() {
            return self.body_store().await;
        }
        candor_store::open_read_only(&self.db_path(), &self.blob_dir())
            .await
            .expect("open store")
    }

    /// A store for acting as the body next to the running server.
    pub async fn body_store(&self) -> Arc<dyn Store> {
        candor_store::attach(&self.database_url(), &self.blob_dir())
            .await
            .expect("open store")
    }

    /// A client that does not follow redirects (to see 303s and cookies).
    pub fn manual_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(600))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(600))
            .build()
            .expect("client")
    }

    /// Host and port of a TCP server.
    pub fn authority(&self) -> String {
        self.url.trim_start_matches("http://").to_string()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A part of a submission form.
pub enum Part {
    Message(Vec<u8>),
    /// The optional identity statement (`identity`).
    Identity(Vec<u8>),
    /// The words certificates may name the reporter by (`issued_to`; empty withdraws them).
    IssuedTo(Vec<u8>),
    File {
        name: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

pub fn file(name: &str, content_type: &str, bytes: Vec<u8>) -> Part {
    Part::File {
        name: name.into(),
        content_type: content_type.into(),
        bytes,
    }
}

/// A submission form; file names go as raw UTF-8, as browsers send them.
pub fn form(parts: Vec<Part>) -> reqwest::multipart::Form {
    with_parts(reqwest::multipart::Form::new().percent_encode_noop(), parts)
}

fn with_parts(mut form: reqwest::multipart::Form, parts: Vec<Part>) -> reqwest::multipart::Form {
    for part in parts {
        form = match part {
            Part::Message(bytes) => form.part("message", reqwest::multipart::Part::bytes(bytes)),
            Part::Identity(bytes) => form.part("identity", reqwest::multipart::Part::bytes(bytes)),
            Part::IssuedTo(bytes) => form.part("issued_to", reqwest::multipart::Part::bytes(bytes)),
            Part::File {
                name,
                content_type,
                bytes,
            } => form.part(
                "files",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name)
                    .mime_str(&content_type)
                    .expect("mime"),
            ),
        };
    }
    form
}

/// Posts a submission; returns status and body.
pub async fn submit(server: &TestServer, parts: Vec<Part>) -> (u16, String) {
    let response = server
        .client()
        .post(format!("{}/submit", server.url))
        .multipart(form(parts))
        .send()
        .await
        .expect("send");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// Posts an answer from the signed-in reporter's case page (`/case/reply`), its form token
/// first; returns the status (303 to `/case` when taken).
pub async fn answer(server: &TestServer, cookie: &str, csrf: &str, parts: Vec<Part>) -> u16 {
    let form = with_parts(
        reqwest::multipart::Form::new()
            .percent_encode_noop()
            .text("csrf", csrf.to_string()),
        parts,
    );
    server
        .manual_client()
        .post(format!("{}/case/reply", server.url))
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("answer")
        .status()
        .as_u16()
}

/// Signs in with a receipt code; returns the status and the session cookie (`name=value`).
pub async fn sign_in(server: &TestServer, code: &str) -> (u16, Option<String>, String) {
    let response = server
        .manual_client()
        .post(format!("{}/followup", server.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("receipt={}", urlencode(code)))
        .send()
        .await
        .expect("sign in");
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.to_string());
    (status, cookie, response.text().await.expect("body"))
}

/// The `name=value` part of a Set-Cookie header.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// GET with a cookie; returns status and body.
pub async fn get_with_cookie(server: &TestServer, path: &str, cookie: &str) -> (u16, String) {
    let response = server
        .manual_client()
        .get(format!("{}{path}", server.url))
        .header("cookie", cookie)
        .send()
        .await
        .expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The kinds of the log's entries that `keep` keeps, once there are `count` of them (the
/// log integrates on its own schedule; this waits up to 20 s), sorted: entries integrated
/// together are shuffled, so that the log's order times nobody's action.
pub async fn logged_kinds(
    store: &dyn Store,
    keep: impl Fn(&str) -> bool,
    count: usize,
) -> Vec<String> {
    let mut kinds = Vec::new();
    for _ in 0..100 {
        let size = store.log_size().await.expect("log size");
        kinds = store
            .log_entries(0, size)
            .await
            .expect("log entries")
            .iter()
            .filter_map(|note| {
                String::from_utf8_lossy(note)
                    .lines()
                    .find_map(|l| l.strip_prefix("kind ").map(str::to_string))
            })
            .filter(|k| keep(k))
            .collect();
        if kinds.len() >= count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    kinds.sort();
    kinds
}

/// The text between the first `start` and the next `end` after it.
pub fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// The value of `<input type="hidden" name="csrf" value="…">` on a page.
pub fn csrf_from(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

pub fn urlencode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text inside the element with `id="receipt"`.
pub fn receipt_from(html: &str) -> Option<String> {
    let start = html.find("id=\"receipt\"")?;
    let rest = &html[start..];
    let open = rest.find('>')? + 1;
    let close = rest[open..].find('<')?;
    Some(rest[open..open + close].trim().to_string())
}

/// Decrypts with the stock `age` CLI.
pub fn age_decrypt(key: &Path, ciphertext: &[u8]) -> Vec<u8> {
    try_age_decrypt(key, ciphertext).unwrap_or_else(|e| panic!("age -d failed: {e}"))
}

/// Decrypts with the stock `age` CLI; `Err` holds what it printed when it could not.
pub fn try_age_decrypt(key: &Path, ciphertext: &[u8]) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("item.age");
    std::fs::write(&input, ciphertext).expect("write");
    let out = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(key)
        .arg(&input)
        .output()
        .expect("the `age` CLI must be installed (apt install age)");
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Deterministic pseudo-random bytes (fast, no external state).
pub fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A unique marker that must never appear outside encrypted data.
pub fn canary(label: &str) -> String {
    let mut b = [0u8; 12];
    getrandom::fill(&mut b).expect("random");
    format!("CANARY-{label}-{}", hex::encode(b))
}

/// Every file under `dir` (recursively) whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    recent_files_containing(dir, needle, std::time::SystemTime::UNIX_EPOCH)
}

/// Like [`files_containing`], reading only files modified since `since`: for folders
/// shared with other programs (the system's temporary folder), where a leak would be a new
/// or changed file.
pub fn recent_files_containing(
    dir: &Path,
    needle: &[u8],
    since: std::time::SystemTime,
) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return hits;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            hits.extend(recent_files_containing(&path, needle, since));
        } else if meta.is_file()
            && meta.modified().is_ok_and(|m| m >= since)
            && std::fs::read(&path).is_ok_and(|data| contains(&data, needle))
        {
            hits.push(path);
        }
    }
    hits
}

/// The files of the PostgreSQL cluster whose data folder is `TEST_POSTGRES_DATA` (set by
/// `test.sh`) that contain `needle`: everything but the folders of other databases than
/// that of `database_url` (other tests').
pub fn postgres_files_containing(database_url: &str, needle: &[u8]) -> Vec<PathBuf> {
    let data = PathBuf::from(
        std::env::var("TEST_POSTGRES_DATA")
            .expect("TEST_POSTGRES_DATA names the PostgreSQL cluster's data folder"),
    );
    let oid = Command::new("psql")
        .args(["-tA", database_url, "-c"])
        .arg("SELECT oid FROM pg_database WHERE datname = current_database()")
        .output()
        .expect("psql");
    let oid = String::from_utf8(oid.stdout).expect("oid");
    assert!(!oid.trim().is_empty(), "the database's oid");
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(&data)
        .expect("the cluster's data folder")
        .flatten()
    {
        let path = entry.path();
        if entry.file_name() == "base" {
            hits.extend(files_containing(&path.join(oid.trim()), needle));
        } else if path.is_dir() {
            hits.extend(files_containing(&path, needle));
        } else if std::fs::read(&path).is_ok_and(|data| contains(&data, needle)) {
            hits.push(path);
        }
    }
    hits
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for f in std::fs::read_dir(from).expect("read").flatten() {
        if f.file_type().expect("type").is_dir() {
            copy_dir(&f.path(), &to.join(f.file_name()));
        } else {
            std::fs::copy(f.path(), to.join(f.file_name())).expect("copy");
        }
    }
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Sends raw bytes over TCP and returns the whole response text (for malformed requests
/// and for requests a normal client would not make).
pub fn raw_http(authority: &str, request: &[u8]) -> String {
    let mut stream = std::net::TcpStream::connect(authority).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let _ = stream.write_all(request);
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The status code of a raw HTTP response.
pub fn status_of(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A running `candor review serve` (the reviewer's workstation) for a test server.
pub struct WorkstationProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// The access URL printed at start (with its token).
    pub access_url: String,
    /// `candor_workstation=…`, obtained by opening the access URL.
    pub cookie: String,
    pub export_dir: tempfile::TempDir,
}

impl WorkstationProcess {
    pub async fn start(server: &TestServer, key: &Path) -> WorkstationProcess {
        Self::start_at(&server.url, key, &[]).await
    }

    /// A workstation for the server at `url` (a hostile stand-in, an onion address behind
    /// a proxy), with more arguments (`--proxy …`).
    pub async fn start_at(url: &str, key: &Path, extra: &[&str]) -> WorkstationProcess {
        let export_dir = tempfile::tempdir().expect("tempdir");
        let mut child = candor_command()
            .args(["review", "serve", "--server", url, "--identity"])
            .arg(key)
            .args(["--listen", "127.0.0.1:0", "--export-dir"])
            .arg(export_dir.path())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn workstation");
        let stdout = child.stdout.take().expect("stdout");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let mut access_url = None;
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            if let Some(url) = line
                .trim()
                .strip_prefix("Candor workstation is listening on ")
            {
                access_url = Some(url.to_string());
                break;
            }
            line.clear();
        }
        let Some(access_url) = access_url else {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            let _ = child.kill();
            panic!("workstation did not start: {err}");
        };
        // Keep draining stdout so the process never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while reader.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
                sink.clear();
            }
        });
        let base = access_url.split("/?").next().expect("base").to_string();
        let response = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(&access_url)
            .send()
            .await
            .expect("open access url");
        assert_eq!(response.status(), 303);
        let cookie = cookie_pair(response.headers()["set-cookie"].to_str().expect("cookie"));
        WorkstationProcess {
            child,
            base,
            access_url,
            cookie,
            export_dir,
        }
    }

    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(600))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// The workstation's peak resident memory so far, in KiB (VmHWM).
    pub fn peak_memory_kib(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
            .unwrap_or(0)
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = self
            .client()
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("get");
        let status = r.status().as_u16();
        (status, r.text().await.expect("text"))
    }

    pub async fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let r = self
            .client()
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("get");
        let status = r.status().as_u16();
        (status, r.bytes().await.expect("bytes").to_vec())
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect();
        self.client()
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.join("&"))
            .send()
            .await
            .expect("post")
    }

    pub async fn post_multipart(
        &self,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        self.client()
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .multipart(form)
            .send()
            .await
            .expect("post")
    }
}

impl Drop for WorkstationProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `candor` with arguments; returns success, stdout and stderr.
pub fn run_candor(args: &[&str]) -> (bool, String, String) {
    let out = candor_command().args(args).output().expect("run candor");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// [`run_candor`] from async code, without holding up the runtime's other tasks.
pub async fn run_candor_async(args: &[&str]) -> (bool, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_candor(&args)
    })
    .await
    .expect("candor")
}

/// Runs `candor` with arguments and `input` on its standard input.
pub fn run_candor_with_input(args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = candor_command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run candor");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A free loopback port (for servers that must keep their address across restarts).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// The database's write lock, held by a separate `sqlite3` process (as another program on
/// the machine would) until dropped.
pub struct DbWriteLock {
    child: Child,
}

impl DbWriteLock {
    pub fn hold(db: &Path) -> DbWriteLock {
        let mut child = Command::new("sqlite3")
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("sqlite3 (Debian package sqlite3) must be installed");
        let stdin = child.stdin.as_mut().expect("stdin");
        stdin
            .write_all(b".timeout 10000\nBEGIN IMMEDIATE;\nSELECT 'locked';\n")
            .expect("write");
        stdin.flush().expect("flush");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("stdout"))
            .read_line(&mut line)
            .expect("read");
        assert_eq!(line.trim(), "locked", "sqlite3 took the write lock");
        DbWriteLock { child }
    }
}

impl Drop for DbWriteLock {
    fn drop(&mut self) {
        if let Some(stdin) = self.child.stdin.as_mut() {
            let _ = stdin.write_all(b"ROLLBACK;\n.quit\n");
        }
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// The DESIGN.md header set, on any response.
pub fn assert_security_headers(headers: &reqwest::header::HeaderMap, what: &str) {
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{what}: missing {name}"))
            .to_string()
    };
    assert_eq!(get("content-security-policy"), candor_ui::CSP, "{what}");
    assert_eq!(get("referrer-policy"), "no-referrer", "{what}");
    assert!(get("permissions-policy").contains("camera=()"), "{what}");
    assert_eq!(get("cross-origin-opener-policy"), "same-origin", "{what}");
    assert_eq!(get("cross-origin-resource-policy"), "same-origin", "{what}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert!(headers.get("server").is_none(), "{what}: Server header");
    assert!(headers.get("etag").is_none(), "{what}: ETag header");
    let is_html = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        assert_eq!(get("cache-control"), "no-store", "{what}");
    }
}

/// No script, SVG, font, frame or third-party URL in a reporter page.
pub fn assert_reporter_safe(html: &str, what: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<svg",
        "@font-face",
        "<iframe",
        "<object",
        "<embed",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "{what} contains {bad}");
    }
    for scheme in ["http://", "https://", "//"] {
        for attr in ["href=\"", "src=\"", "action=\"", "url("] {
            assert!(
                !lower.contains(&format!("{attr}{scheme}")),
                "{what} refers to another site"
            );
        }
    }
}

/// A field of `/proc/PID/status` in KiB (`VmRSS:`, `VmHWM:`), 0 if unreadable.
pub fn rss_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Resets a process's VmHWM to its current RSS (Linux 4.0 and later).
pub fn reset_hwm(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}
