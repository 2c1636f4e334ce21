//! `candor log verify`: an independent follower of a server's log, as anyone can run it.

use std::path::PathBuf;

use crate::error::CliError;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Follow a server's log independently: check the signed checkpoint, download every
    /// entry and tile, recompute the tree, check it extends what was seen before.
    Verify {
        #[arg(long)]
        server: String,
        /// Where the last verified checkpoint and the pinned log key are kept.
        #[arg(long, default_value = "candor-log-state.txt")]
        state: PathBuf,
        /// The log's verifier key; without it, the key in the state file is used, or the
        /// server's /log/keys on first use (pinned from then on).
        #[arg(long)]
        log_key: Option<String>,
        /// A SOCKS proxy for onion addresses, e.g. socks5h://127.0.0.1:9050.
        #[arg(long)]
        proxy: Option<String>,
        /// A witness policy the checkpoint's cosignatures must meet (see `candor verify`).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Write the statistics counted from the entries to standard output, as the server
        /// publishes them at /transparency.csv or /transparency.json (the rest of the
        /// report then goes to standard error).
        #[arg(long, value_enum)]
        stats: Option<StatsFormat>,
        /// Counts from 1 to this minus one are published as "fewer than N"; the server's
        /// `[transparency] suppress_below` (its /transparency.json says which).
        #[arg(long, default_value_t = candor_log::stats::DEFAULT_SUPPRESS_BELOW)]
        suppress_below: u64,
    },
}

/// The open-data files `--stats` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StatsFormat {
    Csv,
    Json,
}

pub fn run(command: Command) -> Result<(), CliError> {
    let Command::Verify {
        server,
        state,
        log_key,
        proxy,
        policy,
        stats,
        suppress_below,
    } = command;
    let policy = policy
        .as_deref()
        .map(super::verify::read_policy)
        .transpose()?;
    verify(
        &server,
        &state,
        log_key.as_deref(),
        proxy.as_deref(),
        policy.as_ref(),
        stats.map(|format| (format, suppress_below)),
    )
}

fn verify(
    server: &str,
    state: &std::path::Path,
    log_key: Option<&str>,
    proxy: Option<&str>,
    policy: Option<&candor_log::policy::Policy>,
    stats_out: Option<(StatsFormat, u64)>,
) -> Result<(), CliError> {
    // With --stats, standard output holds the file alone.
    let say = |line: String| {
        if stats_out.is_some() {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    let key = match log_key {
        Some(k) => Some(candor_log::keys::read_vkey(k).map_err(CliError::key("--log-key"))?),
        None => None,
    };
    let http = candor_workstation::client::http_client(server, proxy)?;
    // Downloads done, rate and time left on a terminal; nothing when not on one.
    let bar = super::progress_bar("Verifying: {pos}/{len} tiles, {per_sec}, {eta} left");
    let shown = bar.clone();
    let result = super::runtime()?.block_on(candor_workstation::follow::follow(
        &http,
        server,
        state,
        key.as_ref(),
        true,
        policy,
        std::sync::Arc::new(move |done, total| {
            shown.set_length(total);
            shown.set_position(done);
        }),
    ));
    bar.finish_and_clear();
    if let Err(candor_workstation::follow::FollowError::Fork { before, now, .. }) = &result {
        // The evidence: two checkpoints the log's key signed that cannot both be true.
        say("FORK: the log's key signed both of these checkpoints.\n".into());
        say(format!("Seen before (saved in {}):", state.display()));
        say(before.clone());
        say("Served now:".into());
        say(now.clone());
    }
    let (followed, tally) = result?;
    if followed.pinned_now {
        say(format!(
            "Pinned the log key from the server on first use; compare it with one from a trusted source:\n  {}",
            candor_workstation::follow::State::load(state)
                .ok()
                .flatten()
                .map(|s| s.vkey)
                .unwrap_or_default()
        ));
    }
    say(match followed.previous_size {
        Some(prev) => format!(
            "Log {}: {} entries, consistent with the {} seen before.",
            followed.origin, followed.size, prev
        ),
        None => format!("Log {}: {} entries.", followed.origin, followed.size),
    });
    say(
        "Every entry and tile was downloaded and the tree recomputed: it matches the signed checkpoint."
            .into(),
    );
    if tally.unreadable > 0 {
        say(format!(
            "{} entries are not Candor entries and are counted nowhere.",
            tally.unreadable
        ));
    }
    say(format!("State saved to {}", state.display()));
    match stats_out {
        Some((format, suppress_below)) => {
            let stats = tally.statistics(&followed.origin, followed.size, suppress_below);
            print!(
                "{}",
                match format {
                    StatsFormat::Csv => stats.to_csv(),
                    StatsFormat::Json => stats.to_json(),
                }
            );
        }
        None => say(format!(
            "{} entries counted; --stats csv or --stats json writes the statistics the server publishes.",
            tally.entries
        )),
    }
    Ok(())
}
