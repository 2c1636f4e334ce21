//! The command line: configuration errors, keys, Unix sockets, the demo.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use candor_testkit::*;

const RECIPIENT: &str = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

fn serve_output(config: &str, env: &[(&str, &str)]) -> (bool, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("candor.toml");
    std::fs::write(
        &path,
        config.replace("DIR", &dir.path().display().to_string()),
    )
    .expect("write");
    let mut cmd = candor_command();
    cmd.args(["serve", "--config"]).arg(&path);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn good_config(extra: &str) -> String {
    format!(
        "listen = \"127.0.0.1:0\"\ndata_dir = \"DIR/data\"\n{extra}\n[body]\nname = \"Test Authority\"\n[[reviewers]]\nname = \"alice\"\nrecipient = \"{RECIPIENT}\"\n"
    )
}

/// A configuration, environment overrides, and the text the error line must contain.
type Case = (String, Vec<(&'static str, &'static str)>, &'static str);

#[test]
fn bad_settings_stop_start_up_with_one_line_naming_the_setting() {
    let cases: Vec<Case> = vec![
        (
            "data_dir = \"DIR/data\"\n[body]\nname = \"B\"\n".into(),
            vec![],
            "setting `reviewers`: no reviewer configured",
        ),
        (
            good_config("").replace(RECIPIENT, "age1qqqq"),
            vec![],
            "setting `reviewers[0].recipient`",
        ),
        (
            good_config("").replace(RECIPIENT, "ssh-ed25519 AAAAC3Nz"),
            vec![],
            "setting `reviewers[0].recipient`: expected an age X25519 recipient",
        ),
        (
            good_config("max_upload_bytes = -1"),
            vec![],
            "setting `max_upload_bytes`",
        ),
        (
            good_config("colour = \"blue\""),
            vec![],
            "setting `colour`: unknown setting",
        ),
        (
            good_config(""),
            vec![("CANDOR_LISTEN", "nowhere")],
            "setting `listen`",
        ),
        (
            good_config("reviewer_listen = \"unix:/nonexistent-dir/reviewer.sock\""),
            vec![],
            "setting `reviewer_listen`: cannot listen on /nonexistent-dir/reviewer.sock",
        ),
        (
            good_config(""),
            vec![("CANDOR_MAX_UPLOAD_BYTES", "12")],
            "setting `max_upload_bytes`: must be at least",
        ),
        (
            good_config("").replace("DIR/data", "DIR/candor.toml"),
            vec![],
            "setting `data_dir`:",
        ),
        ("this is = = not toml".into(), vec![], "setting `"),
    ];
    for (config, env, expected) in cases {
        let (ok, stderr) = serve_output(&config, &env);
        assert!(!ok, "{config} should not start");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr:?}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
        assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"));
    }
    let out = candor_command()
        .args(["serve", "--config", "/nonexistent/candor.toml"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no configuration file at /nonexistent/candor.toml"),
        "{stderr}"
    );
}

#[test]
fn environment_overrides_the_file() {
    // A nested setting through CANDOR_BODY__NAME, and the listen address.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("candor.toml");
    std::fs::write(
        &path,
        good_config("").replace("DIR", &dir.path().display().to_string()),
    )
    .expect("write");
    let mut child = candor_command()
        .args(["serve", "--config"])
        .arg(&path)
        .env("CANDOR_BODY__NAME", "Overridden Office")
        .env("CANDOR_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).map(|n| n == 1).unwrap_or(false) && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    let line = String::from_utf8(line).expect("utf8");
    let authority = line
        .trim()
        .trim_start_matches("Candor is listening on http://")
        .to_string();
    let page = raw_http(
        &authority,
        format!("GET / HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(page.contains("Overridden Office"), "{page}");
}

#[test]
fn reviewer_keys_work_with_the_stock_age_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = keygen_reviewer(dir.path(), "bob");
    let mode = std::fs::metadata(&key.key_path)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the identity file is private");
    assert!(key.recipient.starts_with("age1"));
    let secret = std::fs::read_to_string(&key.key_path).expect("read");
    assert!(secret.contains("AGE-SECRET-KEY-1"));
    assert!(secret.contains(&format!("# public key: {}", key.recipient)));

    // Encrypt with the stock CLI to the .pub recipient, decrypt with the .key identity.
    let mut enc = Command::new("age")
        .args(["-r", &key.recipient])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("age must be installed");
    enc.stdin
        .take()
        .expect("stdin")
        .write_all(b"interop check")
        .expect("write");
    let ct = enc.wait_with_output().expect("age").stdout;
    assert_eq!(age_decrypt(&key.key_path, &ct), b"interop check");

    // Never overwrite a key.
    let out = candor_command()
        .args(["keygen", "reviewer", "--name", "bob", "--out"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists; refusing to overwrite"));
    assert_eq!(
        std::fs::read_to_string(&key.key_path).expect("read"),
        secret
    );

    let out = candor_command()
        .args(["keygen", "reviewer", "--name", "../evil", "--out"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--name"));
}

fn unix_get(socket: &Path, path: &str) -> String {
    let mut stream = std::os::unix::net::UnixStream::connect(socket).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .expect("write");
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    out
}

#[test]
fn serves_on_a_unix_socket_for_tor() {
    let sock_dir = tempfile::tempdir().expect("tempdir");
    let socket = sock_dir.path().join("candor.sock");
    let mut server = TestServer::start_with(Options {
        listen: format!("unix:{}", socket.display()),
        ..Options::default()
    });
    assert_eq!(server.url, format!("unix:{}", socket.display()));
    let mode = std::fs::metadata(&socket)
        .expect("socket")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o660, "Tor's group can be given access");
    let page = unix_get(&socket, "/submit");
    assert_eq!(status_of(&page), 200);
    assert!(page.contains("name=\"message\""));

    // After a crash the old socket file remains; a restart replaces it.
    server.kill();
    assert!(socket.exists());
    server.spawn();
    assert_eq!(status_of(&unix_get(&socket, "/")), 200);
    server.stop();

    // Anything else at that path is never replaced.
    std::fs::write(&socket, b"precious").expect("write");
    let config = std::fs::read_to_string(&server.config_path).expect("config");
    let out = candor_command()
        .args(["serve", "--config"])
        .arg(&server.config_path)
        .output()
        .expect("run");
    assert!(!out.status.success(), "{config}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("setting `listen`") && stderr.contains("not a socket"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&socket).expect("read"), b"precious");
}

#[test]
fn demo_sets_up_once_and_reuses_its_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo_dir = dir.path().join("candor-demo");
    let run = || {
        let mut child = candor_command()
            .args([
                "demo",
                "--listen",
                "127.0.0.1:0",
                "--workstation-listen",
                "127.0.0.1:0",
                "--dir",
            ])
            .arg(&demo_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn demo");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut text = String::new();
        let mut byte = [0u8; 1];
        while !text.contains("Candor is listening on ") || !text.ends_with('\n') {
            match stdout.read(&mut byte) {
                Ok(1) => text.push(char::from(byte[0])),
                _ => break,
            }
        }
        (child, text)
    };
    let (mut child, text) = run();
    assert!(text.contains("Reviewer key:"), "{text}");
    assert!(text.contains("demo-reviewer.key"), "{text}");
    let authority = text
        .lines()
        .find_map(|l| l.strip_prefix("Candor is listening on http://"))
        .expect("address")
        .trim()
        .to_string();
    let page = raw_http(
        &authority,
        format!("GET / HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n").as_bytes(),
    );
    assert_eq!(status_of(&page), 200);
    // The workstation answers on its access address.
    let workstation = text
        .lines()
        .find_map(|l| l.strip_prefix("Candor workstation is listening on http://"))
        .expect("workstation address")
        .trim()
        .to_string();
    let (ws_authority, ws_path) = workstation.split_once('/').expect("path");
    let ws_page = raw_http(
        ws_authority,
        format!("GET /{ws_path} HTTP/1.1\r\nHost: {ws_authority}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(status_of(&ws_page), 303, "{ws_page}");
    // A sample case shows a whole cycle: the reporter signs in with the printed code and
    // sees the body's reply and decisions.
    assert!(text.contains("A sample case "), "{text}");
    let receipt = text
        .lines()
        .skip_while(|l| !l.contains("Its receipt code, shown only now"))
        .nth(2)
        .expect("receipt line")
        .trim()
        .to_string();
    assert_eq!(receipt.split(' ').count(), 8, "{receipt}");
    assert!(
        text.contains("candor verify CERTIFICATE --log-key "),
        "{text}"
    );
    assert!(demo_dir.join("log.vkey").exists());
    let body = format!("receipt={}", receipt.replace(' ', "+"));
    let signed_in = raw_http(
        &authority,
        format!(
            "POST /followup HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert_eq!(status_of(&signed_in), 303, "{signed_in}");
    let cookie = signed_in
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string();
    let case = raw_http(
        &authority,
        format!(
            "GET /case HTTP/1.1\r\nHost: {authority}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    );
    assert_eq!(status_of(&case), 200);
    assert!(case.contains("Thank you for your report"), "{case}");
    assert!(case.contains("Whistleblower status recognized"), "{case}");
    assert!(case.contains("tenders.txt"), "{case}");
    // Within seconds the decisions are in the log and cosigned by the workstation: the
    // printed `candor verify` command accepts their certificates.
    let certificate = case
        .split("href=\"/case/certificates/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a certificate link")
        .to_string();
    let verify_args: Vec<String> = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("candor verify CERTIFICATE "))
        .expect("verify command")
        .split(' ')
        .map(str::to_string)
        .collect();
    let saved = dir.path().join("certificate.txt");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let answer = raw_http(
            &authority,
            format!(
                "GET /case/certificates/{certificate} HTTP/1.1\r\nHost: {authority}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        );
        if status_of(&answer) == 200 {
            let body = answer.split_once("\r\n\r\n").expect("body").1;
            std::fs::write(&saved, body).expect("write");
            let mut args = vec!["verify".to_string(), saved.display().to_string()];
            args.extend(verify_args.iter().cloned());
            let out = candor_command().args(&args).output().expect("verify");
            if out.status.success() {
                assert!(String::from_utf8_lossy(&out.stdout).contains("VERIFIED"));
                // The log crate alone (its `verify` example) accepts it too.
                let out = Command::new(example("verify"))
                    .args(&args[1..])
                    .output()
                    .expect("the verify example of candor-log (cargo test --workspace builds it)");
                assert!(
                    out.status.success()
                        && String::from_utf8_lossy(&out.stdout).contains("VERIFIED"),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                break;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no verifiable certificate within a minute: {answer}"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let _ = child.kill();
    let _ = child.wait();

    let key_before = std::fs::read(demo_dir.join("demo-reviewer.key")).expect("key");
    let config_before = std::fs::read(demo_dir.join("candor.toml")).expect("config");
    assert!(demo_dir.join("data/candor.db").exists());
    let (mut child, text) = run();
    let _ = child.kill();
    let _ = child.wait();
    assert!(text.contains("Candor is listening on"), "{text}");
    assert!(!text.contains("A sample case "), "made only once: {text}");
    assert_eq!(
        std::fs::read(demo_dir.join("demo-reviewer.key")).expect("key"),
        key_before
    );
    assert_eq!(
        std::fs::read(demo_dir.join("candor.toml")).expect("config"),
        config_before
    );
}
