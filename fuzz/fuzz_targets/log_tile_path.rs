//! c2sp.org/tlog-tiles paths and entry bundles (`candor_log::tiles`), what the server's
//! `/log/tile/…` route and a follower parse: never a panic, a path that parses formats back
//! to a path naming the same tile, and a bundle that parses encodes back to the same bytes
//! (checked in `fuzz_parse_tile_path`). The seeds in `fuzz/seeds/log_tile_path/` are hash
//! and entry tile paths (full, partial, with `x` groups) and two real entry bundles.
#![no_main]

use candor_log::tiles::fuzz_parse_tile_path;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_parse_tile_path(data);
});
