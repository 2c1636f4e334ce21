//! The safe view: a reporter's document, image or text turned into pictures of its pages,
//! in a sandbox, as SecureDrop does with Dangerzone. A hostile file can attack the program
//! that reads it; here that program runs where it can do nothing:
//!
//! - [`convert`] starts `candor safe-view-convert` ([`child`]) under Debian's `bubblewrap`
//!   ([`sandbox`]) with every namespace unshared (no network but its own loopback, no other
//!   processes), as user 65534 with no capabilities, with a read-only `/usr` and fonts, a
//!   synthetic `/etc/passwd`, an empty size-bounded `/tmp`, and nothing else: not the keys,
//!   the home folder, the export or the workstation's state.
//!   The file goes in on standard input; nothing but a pixel stream ([`pixels`]) comes out.
//! - The child limits its own memory, CPU time and file size (inherited by every program
//!   it starts); [`convert`] kills the sandbox after [`Limits::timeout`]; the pixel reader
//!   refuses more than [`Limits::max_pages`] pages or a side over [`Limits::max_side`].
//! - Outside, the pixels become PNG pages and a PDF of images only ([`output`]): no text
//!   layer, links, scripts or metadata survive, because none of the original's bytes do.

pub mod child;
pub mod output;
pub mod pixels;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use candor_ui::text::Words;
use candor_ui::words;

use super::{Class, FileReport};
pub use output::Page;

/// How the sandboxed converter reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Pdf,
    Office,
    Image,
    Text,
}

impl Input {
    /// The converter for a true type; `None` for programs, archives and the unknown.
    pub fn for_class(class: Class) -> Option<Input> {
        match class {
            Class::Pdf => Some(Input::Pdf),
            Class::Office => Some(Input::Office),
            Class::Image => Some(Input::Image),
            // Markup is shown as its source text: never rendered, so nothing in it loads.
            Class::Text | Class::Svg | Class::Html | Class::Script => Some(Input::Text),
            _ => None,
        }
    }

    /// The converter for an inspected file, or why it has none.
    pub fn for_report(report: &FileReport, limits: &Limits) -> Result<Input, SafeViewError> {
        if let Some(expands) = report.expands_to.filter(|e| *e > limits.max_input) {
            return Err(SafeViewError::Expands(
                candor_ui::human_size(expands),
                candor_ui::human_size(limits.max_input),
            ));
        }
        Input::for_class(report.true_type.class)
            .ok_or_else(|| SafeViewError::NotConvertible(report.true_type.description.clone()))
    }

    pub fn name(self) -> &'static str {
        match self {
            Input::Pdf => "pdf",
            Input::Office => "office",
            Input::Image => "image",
            Input::Text => "text",
        }
    }

    pub fn parse(name: &str) -> Option<Input> {
        [Input::Pdf, Input::Office, Input::Image, Input::Text]
            .into_iter()
            .find(|i| i.name() == name)
    }
}

/// What one conversion may cost.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_pages: u32,
    /// The longer side of a page image, in pixels.
    pub max_side: u32,
    /// The largest image accepted before scaling (declared side, and pixels).
    pub max_image_side: u32,
    pub max_image_pixels: u64,
    pub max_input: u64,
    /// Address space of each program in the sandbox, in bytes.
    pub memory: u64,
    /// CPU time of each program in the sandbox.
    pub cpu_seconds: u64,
    /// Wall-clock time of the whole conversion.
    pub timeout: Duration,
    /// Bytes of pages (PNG and PDF) held at once.
    pub max_output: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_pages: 200,
            max_side: 1600,
            max_image_side: 20_000,
            max_image_pixels: 100_000_000,
            max_input: 256 * 1024 * 1024,
            memory: 3 * 1024 * 1024 * 1024,
            cpu_seconds: 120,
            timeout: Duration::from_secs(300),
            max_output: 512 * 1024 * 1024,
        }
    }
}

impl Limits {
    fn args(&self) -> Vec<String> {
        vec![
            "--max-pages".into(),
            self.max_pages.to_string(),
            "--max-side".into(),
            self.max_side.to_string(),
            "--max-input".into(),
            self.max_input.to_string(),
            "--memory".into(),
            self.memory.to_string(),
            "--cpu-seconds".into(),
            self.cpu_seconds.to_string(),
        ]
    }
}

/// Why a file has no safe view: one sentence for the reviewer ([`SafeViewError::words`];
/// in English as `Display`, for the command line).
#[derive(Debug)]
pub enum SafeViewError {
    NoSandbox,
    Sandbox(String),
    /// What the file is.
    NotConvertible(Words),
    Expands(String, String),
    TooManyPages(u32, u32),
    TooManyPagesUnknown(u32),
    TooLarge(u32, u32),
    /// What it could not be read as, if known.
    Unreadable(Option<Class>),
    InputTooLarge(String),
    OfficeFailed,
    NoLibreOffice,
    NoFont,
    Failed,
    TimedOut(String),
    OutputTooLarge(String),
    Output,
}

impl SafeViewError {
    /// The sentence, to be said in the language of the page that shows it.
    pub fn words(&self) -> Words {
        match self {
            SafeViewError::NoSandbox => words!("file-safe-no-sandbox"),
            SafeViewError::Sandbox(reason) => words!("file-safe-sandbox", reason = reason.as_str()),
            SafeViewError::NotConvertible(what) => {
                words!("file-safe-not-convertible", actual = what.clone())
            }
            SafeViewError::Expands(size, limit) => words!(
                "file-safe-expands",
                expands = size.as_str(),
                limit = limit.as_str()
            ),
            SafeViewError::TooManyPages(pages, limit) => words!(
                "file-safe-too-many-pages",
                pages = pages.to_string(),
                limit = limit.to_string()
            ),
            SafeViewError::TooManyPagesUnknown(limit) => {
                words!(
                    "file-safe-too-many-pages-unknown",
                    limit = limit.to_string()
                )
            }
            SafeViewError::TooLarge(side, limit) => words!(
                "file-safe-too-wide",
                pixels = side.to_string(),
                limit = limit.to_string()
            ),
            SafeViewError::Unreadable(Some(class)) => {
                words!("file-safe-unreadable", kind = class.words())
            }
            SafeViewError::Unreadable(None) => words!("file-safe-unreadable-any"),
            SafeViewError::InputTooLarge(limit) => {
                words!("file-safe-input-too-large", limit = limit.as_str())
            }
            SafeViewError::OfficeFailed => words!("file-safe-office-failed"),
            SafeViewError::NoLibreOffice => words!("file-safe-no-libreoffice"),
            SafeViewError::NoFont => words!("file-safe-no-font"),
            SafeViewError::Failed => words!("file-safe-failed"),
            SafeViewError::TimedOut(seconds) => {
                words!("file-safe-timed-out", seconds = seconds.as_str())
            }
            SafeViewError::OutputTooLarge(limit) => {
                words!("file-safe-output-too-large", limit = limit.as_str())
            }
            SafeViewError::Output => words!("file-safe-output"),
        }
    }
}

impl std::fmt::Display for SafeViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.words().fmt(f)
    }
}

impl std::error::Error for SafeViewError {}

/// A converted file.
pub struct SafeView {
    pub pages: Vec<Page>,
}

impl SafeView {
    /// The PDF of page images.
    pub fn pdf(&self) -> Vec<u8> {
        output::pdf(&self.pages)
    }
}

/// The `bwrap` program: `SAFE_VIEW_BWRAP` if set (not a `CANDOR_` name, which the server
/// would read as a setting), else Debian's.
pub fn sandbox_program() -> Option<PathBuf> {
    match std::env::var_os("SAFE_VIEW_BWRAP") {
        Some(path) => Some(PathBuf::from(path)),
        None => ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.exists()),
    }
    .filter(|p| p.is_file())
}

/// The sandbox, ready to run `/candor ARGS` (this very binary, bound read-only) with the
/// workstation's limits on its `/tmp`; the scratch folder (a synthetic `/etc/passwd` and
/// group) must live as long as the command runs.
pub fn sandbox(
    limits: &Limits,
    args: &[&str],
) -> Result<(Command, tempfile::TempDir), SafeViewError> {
    let bwrap = sandbox_program().ok_or(SafeViewError::NoSandbox)?;
    let exe = std::env::current_exe().map_err(|e| SafeViewError::Sandbox(e.to_string()))?;
    let scratch = tempfile::Builder::new()
        .prefix("candor-sandbox-")
        .tempdir()
        .map_err(|e| SafeViewError::Sandbox(e.to_string()))?;
    let passwd = scratch.path().join("passwd");
    let group = scratch.path().join("group");
    std::fs::write(&passwd, "sandbox:x:65534:65534:sandbox:/tmp:/bin/false\n")
        .and_then(|()| std::fs::write(&group, "sandbox:x:65534:\n"))
        .map_err(|e| SafeViewError::Sandbox(e.to_string()))?;
    let mut command = Command::new(bwrap);
    command
        .args(["--unshare-all", "--die-with-parent", "--new-session"])
        // An unprivileged user with no capabilities, even when the workstation runs as
        // root (bwrap keeps root's capabilities otherwise).
        .args([
            "--unshare-user",
            "--uid",
            "65534",
            "--gid",
            "65534",
            "--cap-drop",
            "ALL",
        ])
        .args(["--clearenv", "--setenv", "HOME", "/tmp"])
        .args([
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "LANG",
            "C.UTF-8",
        ])
        .args(["--ro-bind", "/usr", "/usr"])
        .args([
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
        ])
        .args([
            "--symlink",
            "usr/bin",
            "/bin",
            "--symlink",
            "usr/sbin",
            "/sbin",
        ])
        .args(["--ro-bind-try", "/etc/fonts", "/etc/fonts"])
        .args(["--ro-bind-try", "/etc/libreoffice", "/etc/libreoffice"])
        .args(["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"])
        .arg("--ro-bind")
        .arg(&passwd)
        .arg("/etc/passwd")
        .arg("--ro-bind")
        .arg(&group)
        .arg("/etc/group")
        .args(["--proc", "/proc", "--dev", "/dev"])
        .arg("--size")
        .arg(limits.max_input.saturating_mul(3).to_string())
        .args(["--tmpfs", "/tmp", "--dir", "/tmp/office"])
        .arg("--ro-bind")
        .arg(&exe)
        .arg("/candor")
        .args(["--chdir", "/tmp", "--", "/candor"])
        .args(args);
    Ok((command, scratch))
}

/// The name of a file's safe view: `report.pdf` → `report.safe.pdf` (clean, see
/// [`candor_core::filename::clean`]).
pub fn file_name(name: &str) -> String {
    let clean = candor_core::filename::clean(name);
    let stem = clean.rsplit_once('.').map_or(clean.as_str(), |(s, _)| s);
    candor_core::filename::clean(&format!("{stem}.safe.pdf"))
}

/// The safe view of a reporter's file named `name`: inspected first (its true type decides
/// the converter; programs, archives and zip bombs are refused), then converted ([`convert`]
/// refuses more than [`Limits::max_input`] bytes).
pub fn of_file(name: &str, bytes: &[u8], limits: &Limits) -> Result<SafeView, SafeViewError> {
    let clean = candor_core::filename::clean(name);
    let report = super::inspect(name, &clean, "", bytes, bytes.len() as u64);
    let input = Input::for_report(&report, limits)?;
    let extension = clean.rsplit_once('.').map_or("", |(_, e)| e);
    convert(bytes, input, extension, limits)
}

/// Converts `bytes` (a file to read as `input`, see [`Input::for_report`]; its name's
/// extension `extension`, which LibreOffice uses) in the sandbox.
pub fn convert(
    bytes: &[u8],
    input: Input,
    extension: &str,
    limits: &Limits,
) -> Result<SafeView, SafeViewError> {
    if bytes.len() as u64 > limits.max_input {
        return Err(SafeViewError::InputTooLarge(candor_ui::human_size(
            limits.max_input,
        )));
    }
    if input == Input::Office && !Path::new("/usr/bin/soffice").exists() {
        return Err(SafeViewError::NoLibreOffice);
    }
    let (mut command, scratch) = sandbox(limits, &["safe-view-convert", input.name()])?;
    command
        .arg("--extension")
        .arg(extension)
        .args(limits.args())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command
        .spawn()
        .map_err(|e| SafeViewError::Sandbox(e.to_string()))?;
    let started = Instant::now();
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        return Err(SafeViewError::Sandbox("no pipes".into()));
    };
    // The file goes in on one thread, the pixels come out on another; this one keeps time.
    let input_bytes = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input_bytes);
    });
    let bounds = pixels::Bounds {
        max_pages: limits.max_pages,
        max_side: limits.max_side,
    };
    let max_output = limits.max_output;
    let reader = std::thread::spawn(move || read_pages(stdout, bounds, max_output));
    let timed_out = loop {
        match child.try_wait() {
            Ok(Some(_)) => break false,
            Ok(None) if started.elapsed() > limits.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break true;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => {
                let _ = child.kill();
                break false;
            }
        }
    };
    let _ = writer.join();
    let result = reader.join().unwrap_or(Err(SafeViewError::Failed));
    drop(scratch);
    if timed_out {
        return Err(SafeViewError::TimedOut(format!(
            "{}",
            limits.timeout.as_secs_f64()
        )));
    }
    match result {
        Err(SafeViewError::TooManyPagesUnknown(_)) => {
            Err(SafeViewError::TooManyPagesUnknown(limits.max_pages))
        }
        Err(SafeViewError::TooManyPages(n, _)) => {
            Err(SafeViewError::TooManyPages(n, limits.max_pages))
        }
        Err(SafeViewError::TooLarge(n, _)) => {
            Err(SafeViewError::TooLarge(n, limits.max_image_side))
        }
        Err(SafeViewError::Unreadable(_)) => Err(match input {
            Input::Pdf => SafeViewError::Unreadable(Some(Class::Pdf)),
            Input::Office => SafeViewError::OfficeFailed,
            Input::Image => SafeViewError::Unreadable(Some(Class::Image)),
            Input::Text => SafeViewError::Unreadable(Some(Class::Text)),
        }),
        Err(SafeViewError::InputTooLarge(_)) => Err(SafeViewError::InputTooLarge(
            candor_ui::human_size(limits.max_input),
        )),
        other => other,
    }
}

/// Reads the pixel stream to its end, turning each page into PNG and PDF data at once, so
/// raw pixels of one page at most are held.
fn read_pages(
    stdout: impl Read,
    bounds: pixels::Bounds,
    max_output: usize,
) -> Result<SafeView, SafeViewError> {
    let mut reader = pixels::Reader::new(std::io::BufReader::new(stdout), bounds);
    let mut pages = Vec::new();
    let mut held = 0usize;
    loop {
        match reader.next_record() {
            Ok(pixels::Record::Page { width, height, rgb }) => {
                let page = Page::new(width, height, &rgb)?;
                held += page.weight();
                if held > max_output {
                    return Err(SafeViewError::OutputTooLarge(candor_ui::human_size(
                        max_output as u64,
                    )));
                }
                pages.push(page);
            }
            Ok(pixels::Record::End { .. }) if !pages.is_empty() => return Ok(SafeView { pages }),
            Ok(pixels::Record::End { .. }) => return Err(SafeViewError::Failed),
            Ok(pixels::Record::Refused(why, detail)) => {
                return Err(match why {
                    pixels::Refusal::TooManyPages if detail == 0 => {
                        SafeViewError::TooManyPagesUnknown(0)
                    }
                    pixels::Refusal::TooManyPages => SafeViewError::TooManyPages(detail, 0),
                    pixels::Refusal::TooLarge => SafeViewError::TooLarge(detail, 0),
                    pixels::Refusal::Unreadable => SafeViewError::Unreadable(None),
                    pixels::Refusal::InputTooLarge => SafeViewError::InputTooLarge(String::new()),
                    pixels::Refusal::NoConverter => SafeViewError::NoLibreOffice,
                    pixels::Refusal::NoFont => SafeViewError::NoFont,
                    pixels::Refusal::Limits => SafeViewError::Failed,
                });
            }
            Err(pixels::PixelError::TooManyPages) => {
                return Err(SafeViewError::TooManyPagesUnknown(0));
            }
            Err(_) => return Err(SafeViewError::Failed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs inside the sandbox (started by the test below with this test binary as
    /// `/candor`) and prints what it can see and do.
    #[test]
    #[ignore = "run inside the sandbox by the_sandbox_is_what_it_says"]
    fn probe_inside() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or("?")
                .trim()
                .to_string()
        };
        let interfaces: Vec<String> = std::fs::read_to_string("/proc/net/dev")
            .unwrap_or_default()
            .lines()
            .skip(2)
            .filter_map(|l| l.split(':').next().map(|i| i.trim().to_string()))
            .collect();
        let home = std::env::var("HOME").unwrap_or_default();
        println!("PROBE uid {}", field("Uid:"));
        println!("PROBE caps {}", field("CapEff:"));
        println!("PROBE interfaces {}", interfaces.join(","));
        println!("PROBE home {home}");
        for path in [
            "/root",
            "/home",
            "/etc/shadow",
            "/work",
            "/var",
            "/tmp/../etc/hostname",
        ] {
            println!("PROBE sees {path} {}", std::path::Path::new(path).exists());
        }
        println!(
            "PROBE usr-writable {}",
            std::fs::write("/usr/candor-probe", b"x").is_ok()
        );
        println!(
            "PROBE tcp {}",
            std::net::TcpStream::connect_timeout(
                &"127.0.0.1:9".parse().expect("addr"),
                std::time::Duration::from_secs(1)
            )
            .map_or_else(|e| format!("{:?}", e.kind()), |_| "connected".into())
        );
    }

    #[test]
    fn the_sandbox_is_what_it_says() {
        if sandbox_program().is_none() {
            eprintln!("bwrap is not installed; the integration tests require it");
            return;
        }
        let (mut command, _scratch) = sandbox(
            &Limits::default(),
            &[
                "--ignored",
                "--exact",
                "files::safe_view::tests::probe_inside",
                "--nocapture",
            ],
        )
        .expect("sandbox");
        let out = command.output().expect("run");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let probe: Vec<&str> = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("PROBE "))
            .collect();
        let expect = |line: &str| assert!(probe.contains(&line), "{line} in {probe:?}");
        // An unprivileged user, no capabilities, no network but an unconfigured loopback.
        expect("uid 65534\t65534\t65534\t65534");
        expect("caps 0000000000000000");
        expect("interfaces lo");
        expect("home /tmp");
        // None of this computer's files but /usr and fonts; /usr read-only.
        for path in ["/root", "/home", "/etc/shadow", "/work", "/var"] {
            expect(&format!("sees {path} false"));
        }
        expect("usr-writable false");
        assert!(
            probe
                .iter()
                .any(|l| l.starts_with("tcp ") && *l != "tcp connected"),
            "{probe:?}"
        );
    }
}
