//! Air-gapped review: `candor review fetch` writes every case's items as ciphertext only
//! (`*.age`, which the stock `age -d -i KEY` opens) with a manifest; `candor review open`
//! decrypts such a bundle offline.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use age::x25519::Identity;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{CaseWriter, Client, WorkstationError, private_dir, private_file};
use candor_core::api::CaseDetail;
use candor_core::conversation::{FileMeta, safe_file_name};
use candor_core::days::Day;
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

/// Downloads every case (ciphertext only) into `out`, which must be new or empty.
/// Returns the number of cases and items.
pub async fn fetch(client: &Client, out: &Path) -> Result<(usize, usize), WorkstationError> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(WorkstationError::Bundle(format!(
            "{} is not empty; fetch into a new folder",
            out.display()
        )));
    }
    private_dir(out)?;
    let info = client.info().await?;
    let summaries = client.cases().await?;
    let mut cases = Vec::with_capacity(summaries.len());
    let mut items = 0usize;
    for summary in summaries {
        let case = client.case(&summary.reference).await?;
        let folder = safe_file_name(&case.reference);
        private_dir(&out.join(&folder))?;
        let mut files = Vec::new();
        for (m, message) in case.messages.iter().enumerate() {
            for (i, item) in message.items.iter().enumerate() {
                let content = format!("{folder}/m{:03}-i{:02}.age", m + 1, i + 1);
                save_ciphertext(client, item.id, &item.sha256, &out.join(&content), false).await?;
                let meta = match &item.meta {
                    Some(meta_info) => {
                        let path = format!("{folder}/m{:03}-i{:02}.meta.age", m + 1, i + 1);
                        save_ciphertext(client, item.id, &meta_info.sha256, &out.join(&path), true)
                            .await?;
                        Some(path)
                    }
                    None => None,
                };
                files.push(BundleItem {
                    item_id: item.id,
                    content,
                    meta,
                });
                items += 1;
            }
        }
        cases.push(BundleCase { case, files });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        server: client.server().to_string(),
        body_name: info.body_name,
        reviewer: client.reviewer().to_string(),
        fetched_day: Day::today().to_string(),
        cases,
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    let mut f = private_file(&out.join(MANIFEST))?;
    f.write_all(&json)?;
    f.sync_all()?;
    Ok((manifest.cases.len(), items))
}

async fn save_ciphertext(
    client: &Client,
    id: i64,
    sha256: &str,
    path: &Path,
    meta: bool,
) -> Result<(), WorkstationError> {
    let mut file = private_file(path)?;
    let mut hash = Sha256::new();
    if meta {
        let bytes = client.meta_bytes(id).await?;
        hash.update(&bytes);
        file.write_all(&bytes)?;
    } else {
        let mut stream = Box::pin(client.item_ciphertext(id).await?);
        while let Some(chunk) = stream.next().await {
            let chunk =
                chunk.map_err(|_| super::ClientError::Unreachable(client.server().to_string()))?;
            hash.update(&chunk);
            file.write_all(&chunk)?;
        }
    }
    file.sync_all()?;
    if hex::encode(hash.finalize()) != sha256 {
        return Err(WorkstationError::Bundle(format!(
            "{} arrived damaged (SHA-256 mismatch); fetch again",
            path.display()
        )));
    }
    Ok(())
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
pub fn open(
    bundle: &Path,
    identities: &[Identity],
    out: &Path,
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
    for bundle_case in &manifest.cases {
        let case = &bundle_case.case;
        let target = out.join(safe_file_name(&case.reference));
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
