//! Upload benchmark: a 1 GiB file through `POST /submit` on loopback, against the stock
//! `age` CLI encrypting the same file to a file, in the same run.
//!
//! Run with `cargo bench --bench upload`. Needs `age` (`/usr/bin/age`, or `AGE_BIN`) and
//! `curl` (or `CURL_BIN`) and about 5 GiB free in the temporary folder (`TMPDIR`).
//!
//! Reported: the CLI's and the server's throughput (median of 3 runs each) and their ratio;
//! the server's resident memory (VmRSS from `/proc/PID/status`, sampled every 10 ms, and
//! VmHWM, reset before each upload) before and during each upload. Each submission starts
//! with one Argon2id derivation (its 64 MiB of working memory is kept per worker from
//! start-up), so memory growth is shown both over the whole request and over the
//! streaming part only (after the derivation, detected as the moment the server has
//! written 4 MiB of ciphertext).
//!
//! Exits non-zero only on errors; missed targets are printed, not failed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

mod support;

use support::{MIB, Result, Server, cpu_model, keygen, load_average, median, mem_total_gib};

const FILE_BYTES: u64 = 1024 * MIB;
const RUNS: usize = 3;
const SAMPLE_EVERY: Duration = Duration::from_millis(10);
/// Once the server has written this much (the upload's ciphertext, into its blob file: the
/// `wchar` of `/proc/PID/io`; socket reads do not show in `rchar`), the derivation is
/// over: nothing is encrypted or written before it.
const STREAMING_AFTER_WRITTEN: u64 = 4 * MIB;
/// Targets of the issues: throughput against the CLI (issue 8), time against the disk's
/// own write + sync of the same bytes (issue 14).
const TARGET_RATIO: f64 = 0.5;
const TARGET_SYNC_RATIO: f64 = 1.3;
const TARGET_GROWTH_MIB: f64 = 64.0;

fn main() {
    if let Err(err) = run() {
        eprintln!("upload bench failed: {err}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let age_bin = std::env::var("AGE_BIN").unwrap_or_else(|_| "/usr/bin/age".into());
    let curl_bin = std::env::var("CURL_BIN").unwrap_or_else(|_| "curl".into());
    let dir = tempfile::Builder::new().prefix("candor-bench-").tempdir()?;
    let root = dir.path();
    println!("candor upload bench, working in {}", root.display());
    println!(
        "machine: {}, {} cores, {} GiB RAM; age CLI {}; load average at start: {}",
        cpu_model(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        mem_total_gib(),
        tool_version(&age_bin),
        load_average(),
    );

    let input = root.join("input.bin");
    let started = Instant::now();
    write_random_file(&input, FILE_BYTES)?;
    println!(
        "wrote {} MiB of pseudo-random bytes in {:.1} s",
        FILE_BYTES / MIB,
        started.elapsed().as_secs_f64()
    );

    let recipient = keygen(&root.join("keys"))?;

    // The stock CLI, encrypting the same file to a file.
    let out = root.join("out.age");
    let mut cli_times = Vec::new();
    for run in 1..=RUNS {
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let status = Command::new(&age_bin)
            .arg("-r")
            .arg(&recipient)
            .arg("-o")
            .arg(&out)
            .arg(&input)
            .status()
            .map_err(|e| format!("cannot run {age_bin}: {e}"))?;
        let secs = t.elapsed().as_secs_f64();
        if !status.success() {
            return Err(format!("age failed: {status}").into());
        }
        let written = std::fs::metadata(&out)?.len();
        if written < FILE_BYTES {
            return Err(format!("age wrote only {written} bytes").into());
        }
        println!(
            "age CLI run {run}: {secs:.2} s, {:.0} MiB/s",
            mib_per_s(FILE_BYTES, secs)
        );
        cli_times.push(secs);
    }
    let _ = std::fs::remove_file(&out);

    // The server, release build, on loopback.
    let server = Server::start(
        root,
        &recipient,
        &format!("max_upload_bytes = {}\n", 2 * FILE_BYTES + 64 * MIB),
    )?;
    let submit_url = format!("{}/submit", server.url);
    let warm = root.join("warm.txt");
    std::fs::write(&warm, b"warm-up message")?;
    let t = Instant::now();
    let (code, body) = curl_submit(
        &curl_bin,
        &submit_url,
        &format!("message=<{}", warm.display()),
        root,
    )?;
    check_receipt(code, &body, "warm-up")?;
    let warm_secs = t.elapsed().as_secs_f64();
    println!(
        "server pid {} on {}; warm-up submission (one Argon2id derivation + a short message): {:.2} s",
        server.pid, server.url, warm_secs
    );

    let clk_tck = clock_ticks();
    let mut uploads = Vec::new();
    let mut sync_times = Vec::new();
    for run in 1..=RUNS {
        // The disk's own write + sync of the same bytes, right before each upload.
        let secs = write_and_sync(&input, &root.join("copy.bin"))?;
        println!(
            "write + sync run {run}: {secs:.2} s, {:.0} MiB/s",
            mib_per_s(FILE_BYTES, secs)
        );
        sync_times.push(secs);
        // Let the allocator and the kernel settle, then take the baseline.
        std::thread::sleep(Duration::from_millis(500));
        reset_hwm(server.pid);
        let before = read_status(server.pid)?;
        let cpu_before = cpu_ticks(server.pid)?;
        let wchar_before = read_wchar(server.pid).ok();

        let stop = Arc::new(AtomicBool::new(false));
        let sampler = {
            let stop = Arc::clone(&stop);
            let pid = server.pid;
            std::thread::spawn(move || sample(pid, &stop))
        };
        let t = Instant::now();
        let result = curl_submit(
            &curl_bin,
            &submit_url,
            &format!("files=@{};type=application/octet-stream", input.display()),
            root,
        );
        let secs = t.elapsed().as_secs_f64();
        stop.store(true, Ordering::Relaxed);
        let samples = sampler.join().map_err(|_| "the sampler thread failed")?;
        let (code, body) = result?;
        check_receipt(code, &body, &format!("upload run {run}"))?;
        let after = read_status(server.pid)?;
        let cpu_secs = (cpu_ticks(server.pid)? - cpu_before) as f64 / clk_tck;

        let whole_peak = samples
            .iter()
            .map(|s| s.rss_kib)
            .chain([after.hwm_kib])
            .max()
            .unwrap_or(before.rss_kib);
        // The streaming part begins once the server reads the body in earnest; where
        // /proc/PID/io cannot be read, once twice the warm-up's time has passed.
        let streaming: Vec<&Sample> = samples
            .iter()
            .filter(|s| match (wchar_before, s.wchar) {
                (Some(before), Some(now)) => now.saturating_sub(before) >= STREAMING_AFTER_WRITTEN,
                _ => s.at.as_secs_f64() >= 2.0 * warm_secs,
            })
            .collect();
        if streaming.len() < 10 {
            return Err(format!(
                "upload run {run}: only {} samples of the streaming part (of {}; written before {wchar_before:?}, at the end {:?}); cannot measure it",
                streaming.len(),
                samples.len(),
                samples.last().and_then(|s| s.wchar),
            )
            .into());
        }
        let streaming_start = streaming[0].at;
        let streaming_peak = streaming.iter().map(|s| s.rss_kib).max().unwrap_or(0);
        let upload = Upload {
            secs,
            cpu_secs,
            base_kib: before.rss_kib,
            whole_peak_kib: whole_peak,
            hwm_kib: after.hwm_kib,
            streaming_start,
            streaming_peak_kib: streaming_peak,
            samples: samples.len(),
        };
        println!(
            "upload run {run}: {secs:.2} s, {:.0} MiB/s; server CPU {cpu_secs:.2} s; RSS {} -> peak {} MiB (streaming from {:.2} s: peak {} MiB); {} samples",
            mib_per_s(FILE_BYTES, secs),
            kib_to_mib(upload.base_kib),
            kib_to_mib(upload.whole_peak_kib),
            streaming_start.as_secs_f64(),
            kib_to_mib(upload.streaming_peak_kib),
            upload.samples,
        );
        uploads.push(upload);
    }
    drop(server);

    report(&cli_times, &sync_times, &uploads, warm_secs);
    println!();
    println!(
        "load average at the end: {} (other work on the machine lowers both throughputs)",
        load_average()
    );
    Ok(())
}

/// One measured upload.
struct Upload {
    secs: f64,
    cpu_secs: f64,
    base_kib: u64,
    /// Max of the VmRSS samples and of VmHWM (reset just before the upload).
    whole_peak_kib: u64,
    hwm_kib: u64,
    /// When the server began reading the body in earnest (the derivation was over).
    streaming_start: Duration,
    streaming_peak_kib: u64,
    samples: usize,
}

fn report(cli_times: &[f64], sync_times: &[f64], uploads: &[Upload], warm_secs: f64) {
    let cli_secs = median(cli_times.to_vec());
    let sync_secs = median(sync_times.to_vec());
    let upload_secs = median(uploads.iter().map(|u| u.secs).collect());
    let cli_rate = mib_per_s(FILE_BYTES, cli_secs);
    let upload_rate = mib_per_s(FILE_BYTES, upload_secs);
    let ratio = upload_rate / cli_rate;
    let worst_whole = uploads
        .iter()
        .map(|u| u.whole_peak_kib.saturating_sub(u.base_kib))
        .max()
        .unwrap_or(0);
    let worst_streaming = uploads
        .iter()
        .map(|u| u.streaming_peak_kib.saturating_sub(u.base_kib))
        .max()
        .unwrap_or(0);

    println!();
    println!("## Throughput (1 GiB file, median of {RUNS} runs; MiB/s = 2^20 bytes per second)");
    println!();
    println!("| | time (s) | MiB/s |");
    println!("|---|---:|---:|");
    println!("| `age -r RECIPIENT -o out.age file` (stock CLI) | {cli_secs:.2} | {cli_rate:.0} |");
    println!(
        "| `POST /submit` on loopback (curl, 200 + receipt) | {upload_secs:.2} | {upload_rate:.0} |"
    );
    println!("| ratio upload / CLI | | {ratio:.2} |");
    println!(
        "| write + sync of the same bytes (1 MiB writes to a new file, then `fsync`) | {sync_secs:.2} | {:.0} |",
        mib_per_s(FILE_BYTES, sync_secs)
    );
    let sync_ratio = upload_secs / sync_secs;
    println!("| time upload / write + sync | {sync_ratio:.2} | |");
    println!();
    println!(
        "Runs: CLI {} s; write + sync {} s; upload {} s; server CPU per upload {} s. Warm-up submission (Argon2id + short message): {warm_secs:.2} s.",
        join(cli_times.iter().copied()),
        join(sync_times.iter().copied()),
        join(uploads.iter().map(|u| u.secs)),
        join(uploads.iter().map(|u| u.cpu_secs)),
    );
    println!();
    println!("## Server memory (VmRSS, MiB) per upload");
    println!();
    println!(
        "| run | before | peak, whole request | growth, whole request | VmHWM | streaming starts at (s) | peak, streaming part (after Argon2id) | growth, streaming part |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (i, u) in uploads.iter().enumerate() {
        println!(
            "| {} | {} | {} | {:.2} | {} | {:.2} | {} | {:.2} |",
            i + 1,
            kib_to_mib(u.base_kib),
            kib_to_mib(u.whole_peak_kib),
            kib_to_mib_f(u.whole_peak_kib.saturating_sub(u.base_kib)),
            kib_to_mib(u.hwm_kib),
            u.streaming_start.as_secs_f64(),
            kib_to_mib(u.streaming_peak_kib),
            kib_to_mib_f(u.streaming_peak_kib.saturating_sub(u.base_kib)),
        );
    }
    println!();
    println!("## Targets");
    println!();
    let met = |ok: bool| if ok { "MET" } else { "NOT MET" };
    println!(
        "- throughput at least {TARGET_RATIO:.1}x the CLI's: {ratio:.2}x -> {}",
        met(ratio >= TARGET_RATIO)
    );
    println!(
        "- a durable upload within {TARGET_SYNC_RATIO:.1}x of write + sync of the same bytes: {sync_ratio:.2}x -> {}",
        met(sync_ratio <= TARGET_SYNC_RATIO)
    );
    let whole = kib_to_mib_f(worst_whole);
    let streaming = kib_to_mib_f(worst_streaming);
    println!(
        "- RSS growth below {TARGET_GROWTH_MIB:.0} MiB, whole request (worst run): {whole:.2} MiB -> {}",
        met(whole < TARGET_GROWTH_MIB)
    );
    println!(
        "- RSS growth below {TARGET_GROWTH_MIB:.0} MiB, streaming part (worst run, after the derivation): {streaming:.2} MiB -> {}",
        met(streaming < TARGET_GROWTH_MIB)
    );
}

/// Copies `input` to a new file `out` in 1 MiB writes and syncs it (what a durable store
/// of the same bytes cannot beat); returns the seconds taken and removes the copy.
fn write_and_sync(input: &Path, out: &Path) -> Result<f64> {
    use std::io::Read;
    let mut source = File::open(input)?;
    let mut buf = vec![0u8; MIB as usize];
    let t = Instant::now();
    let mut copy = File::create(out)?;
    loop {
        let n = source.read(&mut buf)?;
        if n == 0 {
            break;
        }
        copy.write_all(&buf[..n])?;
    }
    copy.sync_all()?;
    let secs = t.elapsed().as_secs_f64();
    drop(copy);
    std::fs::remove_file(out)?;
    Ok(secs)
}

/// Writes `len` bytes of xorshift output, 1 MiB at a time.
fn write_random_file(path: &Path, len: u64) -> Result<()> {
    let mut file = std::io::BufWriter::new(File::create(path)?);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; MIB as usize];
    let mut left = len;
    while left > 0 {
        for word in buf.chunks_exact_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            word.copy_from_slice(&x.to_le_bytes());
        }
        let n = left.min(MIB) as usize;
        file.write_all(&buf[..n])?;
        left -= n as u64;
    }
    file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(())
}

/// `candor keygen reviewer`; returns the recipient.
/// Posts one form field with curl (which streams `@file` parts from disk); returns the
/// status code and the response body.
fn curl_submit(curl: &str, url: &str, field: &str, root: &Path) -> Result<(u16, String)> {
    let response = root.join("response.html");
    let out = Command::new(curl)
        .args(["-s", "-S", "--max-time", "1800"])
        // Browsers do not wait for `100 Continue`; neither does the bench.
        .args(["-H", "Expect:"])
        .arg("-F")
        .arg(field)
        .arg("-o")
        .arg(&response)
        .args(["-w", "%{http_code}"])
        .arg(url)
        .output()
        .map_err(|e| format!("cannot run {curl}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "curl failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let code = String::from_utf8_lossy(&out.stdout).trim().parse::<u16>()?;
    let body = std::fs::read_to_string(&response).unwrap_or_default();
    let _ = std::fs::remove_file(&response);
    Ok((code, body))
}

fn check_receipt(code: u16, body: &str, what: &str) -> Result<()> {
    if code != 200 || !body.contains("id=\"receipt\"") {
        let excerpt: String = body.chars().take(600).collect();
        return Err(format!("{what}: status {code}, no receipt in the answer: {excerpt}").into());
    }
    Ok(())
}

struct Status {
    rss_kib: u64,
    hwm_kib: u64,
}

fn read_status(pid: u32) -> Result<Status> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let field = |name: &str| -> Option<u64> {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Ok(Status {
        rss_kib: field("VmRSS:").ok_or("no VmRSS")?,
        hwm_kib: field("VmHWM:").ok_or("no VmHWM")?,
    })
}

/// Bytes the process has read with read(2)-like calls, sockets included.
fn read_wchar(pid: u32) -> Result<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/io"))?;
    text.lines()
        .find_map(|l| l.strip_prefix("wchar:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| "no wchar in /proc/PID/io".into())
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0); harmless if refused.
fn reset_hwm(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

/// User + system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> Result<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = text.rsplit_once(')').ok_or("bad /proc/PID/stat")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    let utime: u64 = fields.get(11).ok_or("no utime")?.parse()?;
    let stime: u64 = fields.get(12).ok_or("no stime")?.parse()?;
    Ok(utime + stime)
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

struct Sample {
    at: Duration,
    rss_kib: u64,
    wchar: Option<u64>,
}

fn sample(pid: u32, stop: &AtomicBool) -> Vec<Sample> {
    let start = Instant::now();
    let mut out = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        if let Ok(status) = read_status(pid) {
            out.push(Sample {
                at: start.elapsed(),
                rss_kib: status.rss_kib,
                wchar: read_wchar(pid).ok(),
            });
        }
        std::thread::sleep(SAMPLE_EVERY);
    }
    out
}

fn mib_per_s(bytes: u64, secs: f64) -> f64 {
    bytes as f64 / MIB as f64 / secs
}

fn kib_to_mib(kib: u64) -> String {
    format!("{:.1}", kib_to_mib_f(kib))
}

fn kib_to_mib_f(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn join(values: impl Iterator<Item = f64>) -> String {
    values
        .map(|v| format!("{v:.2}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn tool_version(bin: &str) -> String {
    Command::new(bin)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "?".into())
}
