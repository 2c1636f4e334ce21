//! What the benches share: keys and a release server on loopback.
//!
//! Each bench uses part of it.
#![allow(dead_code)]

use std::error::Error;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

pub const BIN: &str = env!("CARGO_BIN_EXE_candor");
pub const MIB: u64 = 1024 * 1024;

pub fn keygen(dir: &Path) -> Result<String> {
    let out = Command::new(BIN)
        .args(["keygen", "reviewer", "--name", "bench", "--out"])
        .arg(dir)
        .output()?;
    if !out.status.success() {
        return Err(format!("keygen failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(std::fs::read_to_string(dir.join("bench.pub"))?
        .trim()
        .to_string())
}

/// The release server, killed when dropped.
pub struct Server {
    child: Child,
    pub pid: u32,
    pub url: String,
}

impl Server {
    /// Starts `candor serve` with a config in `root`; `extra` is added to the top-level
    /// settings (e.g. `max_upload_bytes = …`).
    /// Starts the release binary in `root`; with `BENCH_DATABASE_URL` set (a new, empty
    /// PostgreSQL database), on that database instead of SQLite in `root/data`.
    pub fn start(root: &Path, recipient: &str, extra: &str) -> Result<Server> {
        let extra = match std::env::var("BENCH_DATABASE_URL") {
            Ok(url) => format!("database_url = \"{url}\"\n{extra}"),
            Err(_) => extra.to_string(),
        };
        let data = root.join("data");
        let tmp = root.join("tmp");
        std::fs::create_dir_all(&tmp)?;
        let config = root.join("candor.toml");
        std::fs::write(
            &config,
            format!(
                "listen = \"127.0.0.1:0\"\ndata_dir = \"{}\"\n{extra}\n[body]\nname = \"Bench Authority\"\n\n[[reviewers]]\nname = \"bench\"\nrecipient = \"{recipient}\"\n",
                data.display(),
            ),
        )?;
        let log = File::create(root.join("server.log"))?;
        let mut child = Command::new(BIN)
            .args(["serve", "--config"])
            .arg(&config)
            .env("TMPDIR", &tmp)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()?;
        let pid = child.id();
        let stdout = child.stdout.take().ok_or("no server stdout")?;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                if let Some(addr) = line.trim().strip_prefix("Candor is listening on ") {
                    let _ = tx.send(addr.to_string());
                }
                line.clear();
            }
        });
        let mut server = Server {
            child,
            pid,
            url: String::new(),
        };
        server.url = rx.recv_timeout(Duration::from_secs(60)).map_err(|_| {
            let log = std::fs::read_to_string(root.join("server.log")).unwrap_or_default();
            format!("the server did not start: {log}")
        })?;
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

pub fn mem_total_gib() -> String {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or_else(
            || "?".into(),
            |kib| format!("{:.1}", kib as f64 / 1024.0 / 1024.0),
        )
}

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// Nearest-rank percentile `p` (0 to 100) of the values, in any order.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}
