//! Air-gapped review: `candor review fetch` writes every case's items as ciphertext only
//! (`*.age`, which the stock `age -d -i KEY` opens) with a manifest; `candor review open`
//! decrypts such a bundle offline.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use age::x25519::Identity;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{CaseWriter, Client, WorkstationError, private_dir, private_file};
use candor_core::api::{BulkItem, BulkPart, CaseDetail, MAX_BULK_ITEMS, sync_bucket, sync_buckets};
use candor_core::conversation::FileMeta;
use candor_core::days::Day;
use candor_core::filename;
use candor_core::seal;

/// Name of the manifest in a bundle.
pub const MANIFEST: &str = "manifest.json";
/// Format tag of the manifest.
pub const FORMAT: &str = "candor-bundle/v1";

/// `manifest.json`: everything about the fetched cases except content.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub server: String,
    pub body_name: String,
    pub reviewer: String,
    pub fetched_day: String,
    pub cases: Vec<BundleCase>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleCase {
    pub case: CaseDetail,
    /// The case's digest when fetched (see [`CaseDetail::digest`]): an unchanged case is
    /// not fetched again.
    #[serde(default)]
    pub digest: Option<String>,
    /// For every item, in order: where its files are in the bundle.
    pub files: Vec<BundleItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleItem {
    pub item_id: i64,
    /// Relative path of the ciphertext (`REF/m001-i01.age`).
    pub content: String,
    /// Relative path of the encrypted metadata, for files.
    pub meta: Option<String>,
}

/// How far a fetch is, for a progress display.
#[derive(Debug, Clone, Copy)]
pub enum FetchProgress {
    /// What is to be downloaded: items and bytes.
    Planned { items: u64, bytes: u64 },
    /// This many more bytes of ciphertext arrived.
    Downloaded { bytes: u64 },
}

/// Ciphertexts at least this large come one request each and resume where an interrupted
/// fetch stopped (`Range`); smaller ones come in bulk and start again.
pub const RESUMABLE_BYTES: u64 = 8 * 1024 * 1024;

/// What a fetch did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fetched {
    pub cases: usize,
    /// Cases new or changed since the bundle's last fetch.
    pub changed: usize,
    pub items: usize,
    /// Ciphertexts downloaded (the others were there already).
    pub downloaded: usize,
    pub bytes: u64,
}

/// One ciphertext to download, and where.
struct Wanted {
    item: BulkItem,
    path: PathBuf,
    sha256: String,
    size: u64,
}

/// Downloads every case (ciphertext only) into `out`: a new or empty folder, or a bundle
/// fetched before from the same server, which is brought up to date. One round trip says
/// what changed ([`Client::sync`]); the ciphertexts come in bulk ([`Client::bulk`],
/// [`MAX_BULK_ITEMS`] at a time). Each file is named after its ciphertext's hash and
/// written aside then renamed, and the manifest is replaced last: a fetch interrupted at
/// any point leaves the previous bundle whole.
pub async fn fetch(
    client: &Client,
    out: &Path,
    progress: &(dyn Fn(FetchProgress) + Sync),
) -> Result<Fetched, WorkstationError> {
    let previous = if out.join(MANIFEST).is_file() {
        let manifest = parse_manifest(&fs::read(out.join(MANIFEST))?)?;
        if manifest.server != client.server() {
            return Err(WorkstationError::Bundle(format!(
                "{} holds a bundle of {}, not of {}; fetch into a new folder",
                out.display(),
                manifest.server,
                client.server()
            )));
        }
        Some(manifest)
    } else if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(WorkstationError::Bundle(format!(
            "{} is not empty and holds no bundle; fetch into a new folder",
            out.display()
        )));
    } else {
        None
    };
    private_dir(out)?;
    let info = client.info().await?;
    let manifest_of = |cases: Vec<BundleCase>| Manifest {
        format: FORMAT.into(),
        server: client.server().to_string(),
        body_name: info.body_name.clone(),
        reviewer: client.reviewer().to_string(),
        fetched_day: Day::today().to_string(),
        cases,
    };
    if previous.is_none() {
        // A new bundle is one from the start, empty: a first fetch interrupted is
        // resumed like any other.
        write_manifest(out, &manifest_of(Vec::new()))?;
    }
    let mut known_cases: HashMap<String, BundleCase> = previous
        .map(|m| m.cases)
        .unwrap_or_default()
        .into_iter()
        .map(|c| (c.case.reference.clone(), c))
        .collect();
    let buckets = sync_buckets(
        known_cases
            .values()
            .filter_map(|c| Some((c.case.reference.as_str(), c.digest.as_deref()?))),
    );
    let sync = client.sync(&buckets).await?;
    // Cases in buckets the server did not send are unchanged; the buckets it sent come
    // whole, and within them a case whose digest is the bundle's is unchanged too.
    let sent: HashSet<u8> = sync.buckets.iter().map(|b| b.bucket).collect();
    let mut fetched = Fetched::default();
    let mut cases = Vec::new();
    let mut changed = Vec::new();
    for synced in sync.buckets.into_iter().flat_map(|b| b.cases) {
        match known_cases.remove(synced.reference()) {
            Some(old) if old.digest.as_deref() == Some(synced.digest.as_str()) => cases.push(old),
            _ => changed.push(synced),
        }
    }
    // What is left of the buckets the server sent is gone from the server.
    cases.extend(
        known_cases
            .into_values()
            .filter(|c| !sent.contains(&sync_bucket(&c.case.reference))),
    );
    fetched.items = cases.iter().map(|c| c.files.len()).sum();
    let mut wanted = Vec::new();
    let mut changed_folders = Vec::new();
    for synced in changed {
        let case = synced.detail;
        fetched.changed += 1;
        let folder = filename::clean(&case.reference);
        private_dir(&out.join(&folder))?;
        changed_folders.push(folder.clone());
        let mut files = Vec::new();
        for (m, message) in case.messages.iter().enumerate() {
            for (i, item) in message.items.iter().enumerate() {
                let name = |sha: &str, ext: &str| {
                    format!(
                        "{folder}/m{:03}-i{:02}-{}.{ext}",
                        m + 1,
                        i + 1,
                        sha.get(..12).unwrap_or(sha)
                    )
                };
                let content = name(&item.sha256, "age");
                plan(
                    out,
                    &content,
                    item.id,
                    BulkPart::Content,
                    &item.sha256,
                    item.size,
                    &mut wanted,
                )?;
                let meta = match &item.meta {
                    Some(meta_info) => {
                        let path = name(&meta_info.sha256, "meta.age");
                        plan(
                            out,
                            &path,
                            item.id,
                            BulkPart::Meta,
                            &meta_info.sha256,
                            meta_info.size,
                            &mut wanted,
                        )?;
                        Some(path)
                    }
                    None => None,
                };
                files.push(BundleItem {
                    item_id: item.id,
                    content,
                    meta,
                });
                fetched.items += 1;
            }
        }
        cases.push(BundleCase {
            case,
            digest: Some(synced.digest),
            files,
        });
    }
    // Cases the server no longer has are not in the new manifest; their folders stay
    // until removed by hand (a bundle never deletes what a reviewer may still need).
    cases.sort_by(|a, b| a.case.reference.cmp(&b.case.reference));
    fetched.cases = cases.len();
    progress(FetchProgress::Planned {
        items: wanted.len() as u64,
        bytes: wanted.iter().map(|w| w.size).sum(),
    });
    let (large, small): (Vec<Wanted>, Vec<Wanted>) =
        wanted.into_iter().partition(|w| w.size >= RESUMABLE_BYTES);
    for batch in small.chunks(MAX_BULK_ITEMS) {
        let (n, bytes) = download_batch(client, batch, progress).await?;
        fetched.downloaded += n;
        fetched.bytes += bytes;
    }
    for wanted in &large {
        fetched.bytes += download_resumable(client, wanted, progress).await?;
        fetched.downloaded += 1;
    }
    let manifest = manifest_of(cases);
    // Every ciphertext written above reaches the disk before the manifest that names it.
    rustix::fs::syncfs(fs::File::open(out)?).map_err(std::io::Error::from)?;
    write_manifest(out, &manifest)?;
    // Ciphertexts of changed cases that the new manifest no longer names (replaced by
    // re-encryption) go now, not before: until the rename the old manifest needed them.
    let named: HashSet<&str> = manifest
        .cases
        .iter()
        .flat_map(|c| &c.files)
        .flat_map(|f| std::iter::once(f.content.as_str()).chain(f.meta.as_deref()))
        .collect();
    for folder in &changed_folders {
        for entry in fs::read_dir(out.join(folder))?.flatten() {
            let relative = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if !named.contains(relative.as_str()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(fetched)
}

/// Replaces the manifest: written aside, made durable, renamed into place.
fn write_manifest(out: &Path, manifest: &Manifest) -> Result<(), WorkstationError> {
    let json =
        serde_json::to_vec_pretty(manifest).map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    let staged = out.join(format!("{MANIFEST}.partial"));
    let _ = fs::remove_file(&staged);
    let mut f = private_file(&staged)?;
    f.write_all(&json)?;
    f.sync_all()?;
    fs::rename(&staged, out.join(MANIFEST))?;
    fs::File::open(out)?.sync_all()?;
    Ok(())
}

/// Adds a ciphertext to download unless the bundle has it already, whole.
fn plan(
    out: &Path,
    relative: &str,
    id: i64,
    part: BulkPart,
    sha256: &str,
    size: u64,
    wanted: &mut Vec<Wanted>,
) -> Result<(), WorkstationError> {
    let path = out.join(relative);
    if path.is_file() && hex::encode(Sha256::digest(fs::read(&path)?)) == sha256 {
        return Ok(());
    }
    wanted.push(Wanted {
        item: BulkItem { id, part },
        path,
        sha256: sha256.to_string(),
        size,
    });
    Ok(())
}

/// Downloads one batch in one request; every ciphertext must come in order, with the size
/// and SHA-256 its case's detail gave. Returns (ciphertexts, bytes).
async fn download_batch(
    client: &Client,
    batch: &[Wanted],
    progress: &(dyn Fn(FetchProgress) + Sync),
) -> Result<(usize, u64), WorkstationError> {
    let items: Vec<BulkItem> = batch.iter().map(|w| w.item).collect();
    let mut answer = client.bulk(&items).await?;
    let mut bytes = 0u64;
    for wanted in batch {
        answer.next(wanted.item, wanted.size).await?;
        // A staged file left by an interrupted fetch is started again (small ones only:
        // large ones resume, see `download_resumable`).
        let staged = wanted.path.with_extension("partial");
        let _ = fs::remove_file(&staged);
        let mut file = private_file(&staged)?;
        let sha256 = answer.copy_to(wanted.size, &mut file).await?;
        // Made durable all at once before the manifest names it (see `fetch`), not one
        // sync per file: 70,000 of them for 10,000 cases.
        if sha256 != wanted.sha256 {
            let _ = fs::remove_file(&staged);
            return Err(WorkstationError::Bundle(format!(
                "{} arrived damaged (SHA-256 mismatch); fetch again",
                wanted.path.display()
            )));
        }
        fs::rename(&staged, &wanted.path)?;
        bytes += wanted.size;
        progress(FetchProgress::Downloaded { bytes: wanted.size });
    }
    Ok((batch.len(), bytes))
}

/// Downloads one large ciphertext into its staged file, resuming after the bytes an
/// interrupted fetch left there (which are hashed again, not trusted); the staged file
/// stays when the download breaks off, and is renamed into place only whole and with the
/// SHA-256 its case's detail gave. Returns the bytes downloaded now.
async fn download_resumable(
    client: &Client,
    wanted: &Wanted,
    progress: &(dyn Fn(FetchProgress) + Sync),
) -> Result<u64, WorkstationError> {
    use futures_util::StreamExt;
    use std::io::{Read, Seek};
    use std::os::unix::fs::OpenOptionsExt;
    let staged = wanted.path.with_extension("partial");
    let mut file = fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .open(&staged)?;
    let mut hash = Sha256::new();
    let mut have = file.metadata()?.len();
    if have > wanted.size {
        file.set_len(0)?;
        have = 0;
    }
    file.rewind()?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut hashed = 0;
    while hashed < have {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        hashed += n as u64;
    }
    progress(FetchProgress::Downloaded { bytes: have });
    let mut downloaded = 0;
    if have < wanted.size {
        let (resumed, stream) = client.item_ciphertext_from(wanted.item.id, have).await?;
        if !resumed && have > 0 {
            file.set_len(0)?;
            hash = Sha256::new();
            have = 0;
        }
        let mut stream = Box::pin(stream);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|_| {
                WorkstationError::Bundle(format!(
                    "the download of {} broke off; fetch again to resume it",
                    wanted.path.display()
                ))
            })?;
            if have + chunk.len() as u64 > wanted.size {
                return Err(WorkstationError::Bundle(format!(
                    "the server sent more than the {} bytes of {}; fetch again",
                    wanted.size,
                    wanted.path.display()
                )));
            }
            hash.update(&chunk);
            file.write_all(&chunk)?;
            have += chunk.len() as u64;
            downloaded += chunk.len() as u64;
            progress(FetchProgress::Downloaded {
                bytes: chunk.len() as u64,
            });
        }
    }
    if have < wanted.size {
        return Err(WorkstationError::Bundle(format!(
            "the download of {} broke off; fetch again to resume it",
            wanted.path.display()
        )));
    }
    if hex::encode(hash.finalize()) != wanted.sha256 {
        drop(file);
        let _ = fs::remove_file(&staged);
        return Err(WorkstationError::Bundle(format!(
            "{} arrived damaged (SHA-256 mismatch); fetch again",
            wanted.path.display()
        )));
    }
    drop(file);
    fs::rename(&staged, &wanted.path)?;
    Ok(downloaded)
}

/// Parses a manifest; refuses anything that is not a bundle of this version or that
/// points outside the bundle.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, WorkstationError> {
    let manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| {
        WorkstationError::Bundle(format!("{MANIFEST} is not a valid bundle manifest: {e}"))
    })?;
    if manifest.format != FORMAT {
        return Err(WorkstationError::Bundle(format!(
            "{MANIFEST} has format {:?}; this version reads {FORMAT}",
            manifest.format
        )));
    }
    for case in &manifest.cases {
        for item in &case.files {
            for path in std::iter::once(&item.content).chain(item.meta.as_ref()) {
                if !is_inside(path) {
                    return Err(WorkstationError::Bundle(format!(
                        "{MANIFEST} refers to {path:?}, outside the bundle"
                    )));
                }
            }
        }
    }
    Ok(manifest)
}

fn is_inside(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Decrypts a fetched bundle offline into `out/<reference>/` (conversation and files).
/// Returns the cases written and the problems met.
/// `progress` hears (cases done, cases in all).
pub fn open(
    bundle: &Path,
    identities: &[Identity],
    out: &Path,
    progress: &dyn Fn(u64, u64),
) -> Result<(Vec<PathBuf>, Vec<String>), WorkstationError> {
    let manifest = parse_manifest(&fs::read(bundle.join(MANIFEST)).map_err(|e| {
        WorkstationError::Bundle(format!(
            "cannot read {}: {e}",
            bundle.join(MANIFEST).display()
        ))
    })?)?;
    private_dir(out)?;
    let mut written = Vec::new();
    let mut problems = Vec::new();
    let total = manifest.cases.len() as u64;
    for (done, bundle_case) in manifest.cases.iter().enumerate() {
        progress(done as u64, total);
        let case = &bundle_case.case;
        let target = out.join(filename::clean(&case.reference));
        if target.exists() {
            return Err(WorkstationError::Bundle(format!(
                "{} already exists; open into a new folder",
                target.display()
            )));
        }
        let mut writer = CaseWriter::new(&target, case, &manifest.body_name)?;
        let mut files = bundle_case.files.iter();
        for message in &case.messages {
            writer.message(&message.author, &message.day);
            // Each item's plaintext hash, and the report's receipt opening, to check the
            // message against what the reporter sent (see conversation::altered_items).
            let mut hashes: Vec<Option<[u8; 32]>> = Vec::new();
            let mut openings: Vec<candor_log::entry::Opening> = Vec::new();
            for item in &message.items {
                hashes.push(None);
                let Some(entry) = files.next().filter(|f| f.item_id == item.id) else {
                    return Err(WorkstationError::Bundle(format!(
                        "{MANIFEST} does not list item {} of case {}",
                        item.id, case.reference
                    )));
                };
                let content = bundle.join(&entry.content);
                if item.kind == "identity" {
                    writer.identity(item.id, &fs::read(&content)?)?;
                    continue;
                }
                match &entry.meta {
                    None => {
                        match fs::read(&content)
                            .map_err(WorkstationError::from)
                            .and_then(|ct| {
                                seal::open_bytes(identities, &ct).map_err(WorkstationError::from)
                            }) {
                            Ok(text) if item.kind == "record" => {
                                let text = String::from_utf8_lossy(&text);
                                openings.extend(candor_log::entry::Opening::parse(&text));
                                writer.record(&text)
                            }
                            Ok(words) if item.kind == "issued-to" => {
                                writer.issued_to(item.id, &words)
                            }
                            Ok(text) => {
                                if let Some(last) = hashes.last_mut() {
                                    *last = Some(Sha256::digest(&text).into());
                                }
                                writer.text(&String::from_utf8_lossy(&text))
                            }
                            Err(_) => writer.unreadable(item.id),
                        }
                    }
                    Some(meta_path) => {
                        let meta = fs::read(bundle.join(meta_path))
                            .ok()
                            .and_then(|ct| seal::open_bytes(identities, &ct).ok())
                            .and_then(|plain| FileMeta::from_json(&plain).ok());
                        let Some(meta) = meta else {
                            writer.unreadable(item.id);
                            continue;
                        };
                        if let Some(last) = hashes.last_mut() {
                            *last = meta.sha256_bytes();
                        }
                        let opened = fs::File::open(&content)
                            .map_err(WorkstationError::from)
                            .and_then(|f| writer.file(identities, &meta, f));
                        if opened.is_err() {
                            writer.unreadable(item.id);
                        }
                    }
                }
            }
            let flags = candor_core::conversation::altered_items(
                &hashes,
                candor_core::conversation::receipt_plaintexts(&openings),
            );
            for (item, altered) in message.items.iter().zip(flags) {
                if altered {
                    writer.altered(item.id);
                }
            }
        }
        problems.extend(
            writer
                .finish()?
                .into_iter()
                .map(|p| format!("{}: {p}", case.reference)),
        );
        written.push(target);
    }
    Ok((written, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_cannot_escape_the_bundle() {
        assert!(is_inside("ABCD/m001-i01.age"));
        assert!(!is_inside("../x.age"));
        assert!(!is_inside("/etc/passwd"));
        assert!(!is_inside("a/../../b"));
        assert!(!is_inside(""));
        let bad = br#"{"format":"candor-bundle/v1","server":"s","body_name":"b","reviewer":"r","fetched_day":"2026-01-01","cases":[{"case":{"reference":"R","status":"received","received_day":"d","acknowledge_by":"d","feedback_by":"d","reporter_recipient":"x","messages":[]},"files":[{"item_id":1,"content":"../../x","meta":null}]}]}"#;
        assert!(parse_manifest(bad).is_err());
        assert!(parse_manifest(b"{}").is_err());
        let other_format = String::from_utf8_lossy(bad).replace("candor-bundle/v1", "other");
        assert!(parse_manifest(other_format.as_bytes()).is_err());
    }

    proptest::proptest! {
        #[test]
        fn manifest_parsing_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
            let _ = parse_manifest(&bytes);
        }
    }
}
