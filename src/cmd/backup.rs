//! `candor backup` and `candor restore`: a consistent copy of a server's data while it
//! runs, and its return to an empty data folder (see `candor_server::backup`).

use std::path::PathBuf;

use candor_server::config::Config;

use crate::error::CliError;

#[derive(clap::Args)]
pub struct BackupArgs {
    /// The server's configuration (for its database, blob folder and data folder).
    #[arg(long, default_value = "candor.toml")]
    config: PathBuf,
    /// A new (or empty) folder for the backup.
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// The backup folder (as `candor backup` wrote it).
    from: PathBuf,
    /// The configuration of the server to restore into; its data folder and blob folder
    /// must not hold an install yet.
    #[arg(long, default_value = "candor.toml")]
    config: PathBuf,
}

pub fn backup(args: BackupArgs) -> Result<(), CliError> {
    let config = Config::load(&args.config)?;
    let summary = super::runtime()?.block_on(candor_server::backup::backup(&config, &args.out))?;
    println!(
        "Backed up the database, {} blobs ({} bytes) and the log key into {}. Each file and its SHA-256 are in {}: check them with `sha256sum -c`. The folder holds the log's signing key: keep it encrypted.",
        summary.blobs,
        summary.bytes,
        args.out.display(),
        candor_server::backup::MANIFEST,
    );
    Ok(())
}

pub fn restore(args: RestoreArgs) -> Result<(), CliError> {
    let config = Config::load(&args.config)?;
    let summary =
        super::runtime()?.block_on(candor_server::backup::restore(&config, &args.from))?;
    println!(
        "Restored {} blobs ({} bytes copied), every file checked against the backup's manifest and every blob against its row. Start the server.",
        summary.blobs, summary.bytes
    );
    Ok(())
}
