//! The `candor` command: parse arguments, then run the subcommand's module (`cmd/`); every
//! failure is one [`error::CliError`] sentence.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod error;

/// Freed memory is overwritten with zeros, so plaintext that passed through any buffer
/// (ours, hyper's, multer's, age's) does not linger after use.
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

#[derive(Parser)]
#[command(
    name = "candor",
    version,
    about = "Secure whistleblower reporting for an independent body"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run everything on loopback: keys, configuration, database and server in ./candor-demo.
    Demo(cmd::demo::Args),
    /// Run the server.
    Serve(cmd::serve::Args),
    /// Create keys.
    Keygen {
        #[command(subcommand)]
        kind: cmd::keygen::Kind,
    },
    /// The body's review workstation (runs where the reviewer's key is).
    Review {
        #[command(subcommand)]
        action: cmd::review::Command,
    },
    /// Check a certificate offline with the log's and the body's public keys.
    Verify(cmd::verify::Args),
    /// The sealed status log.
    Log {
        #[command(subcommand)]
        action: cmd::log::Command,
    },
    /// Copy everything the server keeps into a new folder, while it runs.
    Backup(cmd::backup::BackupArgs),
    /// Put a backup back into an empty data folder, checking every file.
    Restore(cmd::backup::RestoreArgs),
    /// Copy a SQLite install's database into a new PostgreSQL database, and check it.
    Migrate(cmd::migrate::Args),
    /// A witness for other bodies' logs (tlog-witness v1).
    Witness {
        #[command(subcommand)]
        action: cmd::witness::Command,
    },
    /// The safe view's converter, started by the workstation inside its sandbox.
    #[command(hide = true)]
    SafeViewConvert(cmd::safe_view::Args),
}

fn main() -> ExitCode {
    init_logging();
    std::panic::set_hook(Box::new(|info| {
        // Never print a panic's payload: it could quote data. The place is enough.
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "unknown place".into());
        eprintln!("candor: internal error at {place}");
    }));
    let cli = Cli::parse();
    if let Command::SafeViewConvert(args) = cli.command {
        return cmd::safe_view::run(args);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("candor: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging() {
    // No timestamps: the service manager adds its own, and lines must not time reporters'
    // actions more precisely than that. Nothing identifying is ever logged.
    let filter = tracing_subscriber::EnvFilter::try_from_env("CANDOR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .without_time()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
}

fn run(cli: Cli) -> Result<(), error::CliError> {
    match cli.command {
        Command::Demo(args) => cmd::demo::main(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Keygen { kind } => cmd::keygen::run(kind),
        Command::Review { action } => cmd::review::run(action),
        Command::Verify(args) => cmd::verify::run(args),
        Command::Log { action } => cmd::log::run(action),
        Command::Backup(args) => cmd::backup::backup(args),
        Command::Restore(args) => cmd::backup::restore(args),
        Command::Migrate(args) => cmd::migrate::run(args),
        Command::Witness { action } => cmd::witness::run(action),
        Command::SafeViewConvert(_) => Ok(()),
    }
}
