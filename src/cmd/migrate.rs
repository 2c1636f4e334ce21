//! `candor migrate`: a SQLite install's rows copied into PostgreSQL (for a replicated
//! deployment), then checked table by table and blob by blob.

use std::path::PathBuf;

use crate::error::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database to copy (the server must be stopped).
    #[arg(long)]
    from: PathBuf,
    /// The new, empty PostgreSQL database: postgres://USER@HOST/DB (a password is better
    /// given in PGPASSWORD or ~/.pgpass than in the URL).
    #[arg(long)]
    to: String,
    /// The blob folder, shared by both (default: `blobs` beside the SQLite database).
    #[arg(long)]
    blobs: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), CliError> {
    let blobs = args.blobs.unwrap_or_else(|| {
        args.from
            .parent()
            .map(|dir| dir.join("blobs"))
            .unwrap_or_else(|| PathBuf::from("blobs"))
    });
    let from = format!("sqlite://{}", args.from.display());
    let migrated = super::runtime()?
        .block_on(candor_store::migrate::migrate(&from, &args.to, &blobs))
        .map_err(|err| CliError::Outcome(format!("the migration failed: {err}")))?;
    let rows: usize = migrated.rows.iter().map(|(_, n)| n).sum();
    println!(
        "Copied {rows} rows of {} tables into PostgreSQL; every table read back the same and all {} blobs match their hashes. Set database_url to the PostgreSQL URL (and blob_dir to {}) and start the server.",
        migrated.rows.len(),
        migrated.blobs,
        blobs.display()
    );
    Ok(())
}
