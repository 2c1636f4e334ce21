//! Reporters' files cannot hurt reviewers: a corpus of hostile files goes through a real
//! server, `candor review fetch` and `open`, the workstation's pages and `candor review
//! sanitize`; independent tools (exiftool, Poppler's pdffonts, pdftotext, pdfimages) check
//! what comes out, and a listener on loopback checks that nothing in the sandbox calls home.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use candor_testkit::corpus::{self, HostileFile};
use candor_testkit::*;

/// A listener no one may ever connect to; the address hostile files point at.
struct Home {
    listener: TcpListener,
    url: String,
}

impl Home {
    fn new() -> Home {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        Home { listener, url }
    }

    fn assert_never_called(&self) {
        match self.listener.accept() {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Ok((_, from)) => panic!("a connection to {} arrived from {from}", self.url),
            Err(e) => panic!("accept: {e}"),
        }
    }
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} (install it; .ci/run does): {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// A JPEG that carries a GPS position, an author and a camera serial number (written by
/// exiftool, which must also find them).
fn photo_with_exif(dir: &Path) -> HostileFile {
    let path = dir.join("camera.jpg");
    std::fs::write(&path, corpus::jpeg()).expect("write");
    let p = path.to_str().expect("utf8");
    tool(
        "exiftool",
        &[
            "-overwrite_original",
            "-GPSLatitude=48.858370",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=2.294481",
            "-GPSLongitudeRef=E",
            "-Artist=Jane Reporter",
            "-Make=Canon",
            "-Model=EOS 5D",
            "-SerialNumber=SN-4471",
            p,
        ],
    );
    let found = tool("exiftool", &["-GPSLatitude", "-Artist", "-SerialNumber", p]);
    assert!(
        found.contains("48 deg") && found.contains("Jane Reporter") && found.contains("SN-4471"),
        "{found}"
    );
    HostileFile {
        label: "JPEG with EXIF GPS, author and serial number",
        name: "camera.jpg".into(),
        content_type: "image/jpeg",
        bytes: std::fs::read(&path).expect("read"),
    }
}

/// Runs a command and returns (success, stdout, the peak resident memory of it and every
/// process it started, in KiB), measured by the kernel (getrusage of the waited children).
fn run_measured(args: &[&str]) -> (bool, String, String, u64) {
    let script = "import resource, subprocess, sys\n\
        r = subprocess.run(sys.argv[1:], capture_output=True)\n\
        sys.stdout.buffer.write(r.stdout)\n\
        sys.stderr.buffer.write(r.stderr)\n\
        print('\\nPEAK-KIB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n\
        sys.exit(r.returncode)";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args(args)
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let peak = stdout
        .rsplit_once("PEAK-KIB ")
        .and_then(|(_, n)| n.trim().parse().ok())
        .expect("peak");
    (
        out.status.success(),
        stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        peak,
    )
}

fn manifest_file<'a>(manifest: &'a serde_json::Value, original: &str) -> &'a serde_json::Value {
    manifest["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["original_name"] == original)
        .unwrap_or_else(|| panic!("{original} is not in the manifest: {manifest:#}"))
}

fn warnings(file: &serde_json::Value) -> String {
    file["warnings"].to_string()
}

fn metadata(file: &serde_json::Value) -> String {
    file["metadata"].to_string()
}

/// The case folder `review open` wrote.
fn only_case(opened: &Path) -> PathBuf {
    let cases: Vec<PathBuf> = std::fs::read_dir(opened)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(cases.len(), 1, "{cases:?}");
    cases.into_iter().next().expect("case")
}

fn assert_pictures_only(pdf: &Path, pages: usize) {
    let p = pdf.to_str().expect("utf8");
    let fonts = tool("pdffonts", &[p]);
    assert_eq!(fonts.lines().count(), 2, "no fonts, so no text: {fonts}");
    let text = tool("pdftotext", &[p, "-"]);
    assert!(
        text.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
            .is_empty(),
        "no text layer in {p}: {text:?}"
    );
    let images = tool("pdfimages", &["-list", p]);
    assert_eq!(
        images.lines().count(),
        2 + pages,
        "one image per page: {images}"
    );
    let raw = std::fs::read(pdf).expect("read");
    for active in [
        &b"/JavaScript"[..],
        b"/JS",
        b"/OpenAction",
        b"/URI",
        b"/Annots",
        b"/Info",
        b"/Metadata",
        b"/Author",
    ] {
        assert!(
            !contains(&raw, active),
            "{p} holds {}",
            String::from_utf8_lossy(active)
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_files_are_named_typed_reported_and_viewed_safely() {
    let home = Home::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = corpus::hostile_files(&home.url);
    files.push(photo_with_exif(dir.path()));
    let server = TestServer::start();
    let mut parts = vec![Part::Message(b"Evidence attached.".to_vec())];
    for f in &files {
        parts.push(file(&f.name, f.content_type, f.bytes.clone()));
    }
    let (status, html) = submit(&server, parts).await;
    assert_eq!(status, 200, "{html}");

    // Fetch the ciphertext, open it offline.
    let key = server.reviewer.key_path.to_str().expect("utf8").to_string();
    let bundle = dir.path().join("bundle");
    let (ok, _, stderr) = run_candor(&[
        "review",
        "fetch",
        "--server",
        &server.url,
        "--identity",
        &key,
        "--out",
        bundle.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    let opened = dir.path().join("opened");
    let (ok, stdout, stderr) = run_candor(&[
        "review",
        "open",
        bundle.to_str().expect("utf8"),
        "--identity",
        &key,
        "--out",
        opened.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("open originals only on a computer that is offline"),
        "{stdout}"
    );
    let case = only_case(&opened);

    // Names: clean on disk, the original visible in the conversation and the manifest.
    let names: Vec<String> = std::fs::read_dir(case.join("files"))
        .expect("files")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), files.len(), "{names:?}");
    for n in &names {
        assert!(n.len() <= 255, "{n}");
        assert!(!n.chars().any(candor_core::filename::is_invisible), "{n:?}");
    }
    for expected in [
        "reportgnp.exe",
        "invoice.txt",
        "_CON.txt",
        "invoice.pdf",
        "statement.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    assert!(
        names.iter().any(|n| n.len() == 255 && n.ends_with("a.pdf")),
        "{names:?}"
    );
    let conversation =
        std::fs::read_to_string(case.join("conversation.txt")).expect("conversation");
    assert!(
        conversation.contains("report<U+202E>gnp.exe"),
        "{conversation}"
    );

    // The manifest: true types, warnings, metadata.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(case.join("manifest.json")).expect("manifest"))
            .expect("json");
    let bidi = manifest_file(&manifest, "report<U+202E>gnp.exe");
    assert!(warnings(bidi).contains("invisible characters"), "{bidi}");
    assert!(
        warnings(bidi).contains("Its name ends as a program's does"),
        "{bidi}"
    );
    let zero_width = manifest_file(&manifest, "in<U+200B>voice<U+0085><U+FEFF>.txt");
    assert_eq!(zero_width["saved_as"], "invoice.txt");
    let exe = manifest_file(&manifest, "invoice.pdf");
    assert_eq!(exe["true_type"]["class"], "executable");
    assert!(
        warnings(exe)
            .contains("Its name says a PDF document, but its content is a Windows program"),
        "{exe}"
    );
    assert!(warnings(manifest_file(&manifest, "photo.png")).contains("web-page markup"));
    let active = manifest_file(&manifest, "statement.pdf");
    assert!(
        warnings(active).contains("JavaScript")
            && warnings(active).contains("an action that runs when it is opened"),
        "{active}"
    );
    assert!(
        metadata(active).contains("Jane Reporter") && metadata(active).contains("/pdf-link"),
        "{active}"
    );
    assert!(
        warnings(manifest_file(&manifest, "chart.svg"))
            .contains(&format!("{}/svg-image", home.url))
    );
    let docx = manifest_file(&manifest, "minutes.docx");
    assert!(
        warnings(docx).contains(&format!("It loads {}/docx-image when opened", home.url)),
        "{docx}"
    );
    assert!(
        metadata(docx).contains("Jane Reporter")
            && metadata(docx).contains("J. Reporter (Finance)"),
        "{docx}"
    );
    assert!(warnings(manifest_file(&manifest, "budget.docm")).contains("macros"));
    assert!(warnings(manifest_file(&manifest, "contract.docx")).contains("zip bomb"));
    let photo = manifest_file(&manifest, "camera.jpg");
    for expected in [
        "GPS latitude",
        "48 deg",
        "Jane Reporter",
        "Canon",
        "SN-4471",
    ] {
        assert!(metadata(photo).contains(expected), "{expected} in {photo}");
    }
    assert!(warnings(photo).contains("may identify the reporter"));

    // The safe view of the whole export, with the memory of every process measured.
    let safe = dir.path().join("safe");
    let (ok, stdout, stderr, peak_kib) = run_measured(&[
        "review",
        "sanitize",
        opened.to_str().expect("utf8"),
        "--out",
        safe.to_str().expect("utf8"),
    ]);
    eprintln!(
        "review sanitize: peak resident memory {} MiB\n{stdout}",
        peak_kib / 1024
    );
    assert!(!ok, "some files have no safe view, and the exit says so");
    assert!(stderr.contains("files have no safe view"), "{stderr}");
    for (file, sentence) in [
        (
            "invoice.pdf",
            "not converted. It is a Windows program; the safe view converts only documents, images and text.",
        ),
        (
            "huge.png",
            "not converted. Its image is 50000 pixels across; the safe view converts at most 20000.",
        ),
        (
            "annex.pdf",
            "not converted. It has 10000 pages; the safe view converts at most 200.",
        ),
        (
            "contract.docx",
            "not converted. It expands to 1 GiB when opened, more than the safe view converts (256 MiB).",
        ),
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(file) && l.contains(sentence)),
            "{file}: {sentence}\n{stdout}"
        );
    }
    assert!(
        peak_kib < 1024 * 1024,
        "the safe view of the corpus stays under 1 GiB: {peak_kib} KiB"
    );
    let case_name = case
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let out = safe.join(&case_name);
    for (name, pages) in [
        ("statement.safe.pdf", 1),
        ("camera.safe.pdf", 1),
        ("photo.safe.pdf", 1),
        ("chart.safe.pdf", 1),
        ("minutes.safe.pdf", 1),
        ("budget.safe.pdf", 1),
        ("reportgnp.safe.pdf", 1),
        ("_CON.safe.pdf", 1),
    ] {
        assert_pictures_only(&out.join(name), pages);
    }
    let exif = tool(
        "exiftool",
        &[
            "-a",
            "-G1",
            out.join("camera.safe.pdf").to_str().expect("utf8"),
        ],
    );
    for gone in ["GPS", "Jane Reporter", "SN-4471", "Canon"] {
        assert!(!exif.contains(gone), "{gone} left in the safe view: {exif}");
    }
    let exif = tool(
        "exiftool",
        &[
            "-a",
            "-G1",
            out.join("statement.safe.pdf").to_str().expect("utf8"),
        ],
    );
    assert!(
        !exif.contains("Jane Reporter") && !exif.contains("Author"),
        "{exif}"
    );
    // The original statement does have its text layer: the check above means something.
    assert!(
        tool(
            "pdftotext",
            &[
                case.join("files/statement.pdf").to_str().expect("utf8"),
                "-"
            ]
        )
        .contains("Secret text layer")
    );
    home.assert_never_called();
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_in_the_sandbox_reaches_the_network() {
    let home = Home::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("case/files");
    std::fs::create_dir_all(&files).expect("mkdir");
    std::fs::write(files.join("minutes.docx"), corpus::calling_docx(&home.url)).expect("write");
    std::fs::write(files.join("statement.pdf"), corpus::active_pdf(&home.url)).expect("write");
    std::fs::write(files.join("chart.svg"), corpus::calling_svg(&home.url)).expect("write");
    let html = format!(
        "<!DOCTYPE html><html><body><img src=\"{0}/html-img\"><iframe src=\"{0}/html-frame\"></iframe><script>fetch('{0}/html-fetch')</script></body></html>",
        home.url
    );
    std::fs::write(files.join("page.html"), html).expect("write");
    let safe = dir.path().join("safe");
    let (ok, stdout, stderr) = run_candor(&[
        "review",
        "sanitize",
        dir.path().join("case").to_str().expect("utf8"),
        "--out",
        safe.to_str().expect("utf8"),
    ]);
    assert!(ok, "{stdout}\n{stderr}");
    assert_eq!(stdout.matches(" -> ").count(), 4, "{stdout}");
    home.assert_never_called();

    // The check means something: LibreOffice outside the sandbox does call home.
    let control = Home::new();
    let docx = dir.path().join("control.docx");
    std::fs::write(&docx, corpus::calling_docx(&control.url)).expect("write");
    control.listener.set_nonblocking(false).expect("blocking");
    let status = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path().join("control-out"))
        .arg(&docx)
        .env("HOME", dir.path())
        .output()
        .expect("soffice");
    assert!(status.status.success());
    control.listener.set_nonblocking(true).expect("nonblocking");
    assert!(
        control.listener.accept().is_ok(),
        "LibreOffice unsandboxed fetched the picture"
    );
}

#[test]
fn the_sandbox_is_required_and_its_refusals_are_one_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("case/files");
    std::fs::create_dir_all(&files).expect("mkdir");
    std::fs::write(files.join("note.txt"), "hello").expect("write");
    // Without bubblewrap on the PATH nothing is converted, and the reason is one sentence.
    let out = candor_command()
        .args([
            "review",
            "sanitize",
            dir.path().join("case").to_str().expect("utf8"),
            "--out",
            dir.path().join("safe").to_str().expect("utf8"),
        ])
        .env("SAFE_VIEW_BWRAP", "/nonexistent/bwrap")
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains("The safe view needs bubblewrap"),
        "{stdout}"
    );
    // Not an export at all.
    let (ok, _, stderr) = run_candor(&[
        "review",
        "sanitize",
        files.to_str().expect("utf8"),
        "--out",
        dir.path().join("x").to_str().expect("utf8"),
    ]);
    assert!(
        !ok && stderr.lines().count() == 1 && stderr.contains("no files/ folder"),
        "{stderr}"
    );

    // Limits hold: too little memory, too little time; each refusal is one sentence.
    std::fs::remove_file(files.join("note.txt")).expect("rm");
    std::fs::write(files.join("a.pdf"), corpus::text_pdf("limits")).expect("write");
    let (ok, stdout, _) = run_candor(&[
        "review",
        "sanitize",
        dir.path().join("case").to_str().expect("utf8"),
        "--out",
        dir.path().join("safe-memory").to_str().expect("utf8"),
        "--max-memory-mib",
        "16",
    ]);
    assert!(!ok);
    assert!(
        stdout.contains("a.pdf: not converted. It could not be converted within the safe view's limits (memory, CPU time, page size)."),
        "{stdout}"
    );
    std::fs::remove_file(files.join("a.pdf")).expect("rm");
    std::fs::write(
        files.join("minutes.docx"),
        corpus::calling_docx("http://127.0.0.1:9"),
    )
    .expect("write");
    let (ok, stdout, _) = run_candor(&[
        "review",
        "sanitize",
        dir.path().join("case").to_str().expect("utf8"),
        "--out",
        dir.path().join("safe-time").to_str().expect("utf8"),
        "--timeout",
        "300ms",
    ]);
    assert!(!ok);
    assert!(
        stdout.contains("minutes.docx: not converted. It was not converted within 0.3 seconds, and the conversion was stopped."),
        "{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_workstation_shows_what_each_file_is_and_views_it_safely() {
    let home = Home::new();
    let server = TestServer::start();
    let (status, html) = submit(
        &server,
        vec![
            Part::Message(b"See the attachments.".to_vec()),
            file(
                "statement.pdf",
                "application/pdf",
                corpus::active_pdf(&home.url),
            ),
            file(
                "invoice.pdf",
                "application/pdf",
                corpus::windows_executable(),
            ),
            file("report\u{202E}gnp.exe", "image/png", b"text\n".to_vec()),
        ],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let reference = server.store().await.cases().await.expect("cases")[0]
        .reference
        .clone();
    let ws = WorkstationProcess::start(&server, &server.reviewer.key_path).await;
    let (status, page) = ws.get(&format!("/cases/{reference}")).await;
    assert_eq!(status, 200);
    for expected in [
        "report&lt;U+202E&gt;gnp.exe",
        "Its name contains invisible characters",
        "Its name says a PDF document, but its content is a Windows program.",
        "This PDF contains ",
        "JavaScript",
        "Jane Reporter",
        "open originals only on a computer that is offline",
        "View safely",
    ] {
        assert!(page.contains(expected), "{expected} on the case page");
    }
    // A link to the safe view for the PDF and the text, none for the program.
    assert_eq!(page.matches("?safe=").count(), 2, "{page}");
    let item_id = |block: &str| {
        between(block, &format!("/cases/{reference}/items/"), "\"")
            .expect("id")
            .to_string()
    };
    let statement =
        item_id(between(&page, "File: statement.pdf", "Download the original").expect("statement"));
    let base = format!("/cases/{reference}/items/{statement}");
    // Shown inline on the case page, under the file.
    let (status, view) = ws
        .get(&format!("/cases/{reference}?safe={statement}"))
        .await;
    assert_eq!(status, 200, "{view}");
    assert!(
        view.contains(&format!(
            "<img class=\"page-image\" src=\"{base}/safe/1.png\""
        )),
        "{view}"
    );
    let (status, png) = ws.get_bytes(&format!("{base}/safe/1.png")).await;
    assert_eq!(status, 200);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (status, pdf) = ws.get_bytes(&format!("{base}/safe.pdf")).await;
    assert_eq!(status, 200);
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("s.pdf"), &pdf).expect("write");
    assert_pictures_only(&dir.path().join("s.pdf"), 1);
    // The program: one sentence, no conversion.
    let id =
        item_id(between(&page, "File: invoice.pdf", "Download the original").expect("invoice"));
    let (_, refused) = ws.get(&format!("/cases/{reference}?safe={id}")).await;
    assert!(
        refused.contains("No safe view.</strong> It is a Windows program; the safe view converts only documents, images and text."),
        "{refused}"
    );
    // The whole corpus: every file's safe view is pictures or one sentence, the pages keep
    // working, and the workstation's memory stays bounded.
    let mut parts = vec![Part::Message(b"Everything.".to_vec())];
    for f in corpus::hostile_files(&home.url) {
        parts.push(file(&f.name, f.content_type, f.bytes));
    }
    let (status, html) = submit(&server, parts).await;
    assert_eq!(status, 200, "{html}");
    let cases = server.store().await.cases().await.expect("cases");
    let corpus_case = cases
        .iter()
        .find(|c| c.reference != reference)
        .expect("second case")
        .reference
        .clone();
    let (status, page) = ws.get(&format!("/cases/{corpus_case}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("zip bomb") && page.contains("macros"),
        "the report names what it found"
    );
    let prefix = format!("/cases/{corpus_case}/items/");
    let ids: std::collections::BTreeSet<&str> = page
        .match_indices(&prefix)
        .filter_map(|(i, _)| page[i + prefix.len()..].split(['/', '"']).next())
        .collect();
    assert_eq!(ids.len(), 13, "{ids:?}");
    let mut converted = 0;
    for id in &ids {
        let (status, view) = ws.get(&format!("/cases/{corpus_case}?safe={id}")).await;
        assert_eq!(status, 200, "{view}");
        if view.contains("class=\"page-image\"") {
            converted += 1;
        } else {
            let sentence = between(&view, "No safe view.</strong> ", "</p>").expect("sentence");
            assert!(
                sentence.ends_with('.') && sentence.matches(". ").count() == 0,
                "{sentence}"
            );
        }
    }
    // Three texts, the long-named PDF, the polyglot PNG, the active PDF, the SVG (as its
    // source), the docx and the docm; not the program, the huge PNG, the 10,000 pages, the bomb.
    assert_eq!(converted, 9);
    let peak = ws.peak_memory_kib();
    eprintln!("workstation peak resident memory: {} MiB", peak / 1024);
    assert!(
        peak < 1024 * 1024,
        "the workstation stays under 1 GiB: {peak} KiB"
    );
    assert_eq!(ws.get("/").await.0, 200, "and keeps working");

    // Another case's item, or a page past the end: nothing.
    assert_eq!(ws.get(&format!("{base}/safe/2.png")).await.0, 404);
    assert_ne!(
        ws.get(&format!("/cases/{corpus_case}?safe={statement}"))
            .await
            .0,
        200
    );
    assert_ne!(
        ws.get(&format!("/cases/{corpus_case}/items/{statement}/safe.pdf"))
            .await
            .0,
        200
    );
    home.assert_never_called();
}
