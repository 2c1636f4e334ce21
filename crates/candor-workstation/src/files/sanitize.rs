//! `candor review sanitize EXPORT-DIR --out DIR`: the safe view of every file in an export
//! (a case folder written by `review open` or the workstation's export, or a folder of
//! them), as `NAME.safe.pdf` in `DIR/<case>/`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use candor_core::filename::Names;

use super::safe_view::{self, Limits};
use crate::{WorkstationError, private_dir, private_file};

/// What became of one file.
pub struct Outcome {
    /// The original, relative to the export folder.
    pub file: PathBuf,
    /// The safe view written and its pages, or why there is none (one sentence).
    pub result: Result<(PathBuf, usize), String>,
}

/// Converts every file under `export` (its `files/` folder, or each case folder's).
pub fn sanitize(
    export: &Path,
    out: &Path,
    limits: &Limits,
) -> Result<Vec<Outcome>, WorkstationError> {
    let cases = case_folders(export)?;
    if cases.is_empty() {
        return Err(WorkstationError::Bundle(format!(
            "{} has no files/ folder: give an export (a case folder, or the folder of cases)",
            export.display()
        )));
    }
    private_dir(out)?;
    let mut outcomes = Vec::new();
    for (case, files_dir) in cases {
        let target = out.join(&case);
        private_dir(&target)?;
        let mut names = Names::default();
        let mut entries: Vec<PathBuf> = fs::read_dir(&files_dir)?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let result = convert_one(&path, &name, limits).and_then(|view| {
                let safe_name = names.unique(&safe_view::file_name(&name));
                let safe_path = target.join(&safe_name);
                let mut f = private_file(&safe_path).map_err(|e| e.to_string())?;
                std::io::Write::write_all(&mut f, &view.pdf()).map_err(|e| e.to_string())?;
                Ok((safe_path, view.pages.len()))
            });
            outcomes.push(Outcome {
                file: path.strip_prefix(export).unwrap_or(&path).to_path_buf(),
                result,
            });
        }
    }
    Ok(outcomes)
}

fn convert_one(path: &Path, name: &str, limits: &Limits) -> Result<safe_view::SafeView, String> {
    // One byte more than allowed, so that a larger file is refused, not cut.
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limits.max_input + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    safe_view::of_file(name, &bytes, limits).map_err(|e| e.to_string())
}

/// (case name, its files/ folder): `export` itself if it is a case, else its sub-folders.
fn case_folders(export: &Path) -> Result<Vec<(String, PathBuf)>, WorkstationError> {
    let name_of = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "case".into())
    };
    if export.join("files").is_dir() {
        return Ok(vec![(name_of(export), export.join("files"))]);
    }
    let mut cases: Vec<(String, PathBuf)> = fs::read_dir(export)
        .map_err(|e| WorkstationError::Bundle(format!("cannot read {}: {e}", export.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("files").is_dir())
        .map(|p| (name_of(&p), p.join("files")))
        .collect();
    cases.sort();
    Ok(cases)
}
