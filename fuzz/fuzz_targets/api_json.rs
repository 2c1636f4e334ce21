//! Reviewer API request bodies, a sync's answer and the decrypted file metadata: any bytes are either a
//! valid value or a clear error, and valid values survive a round trip.
#![no_main]

use candor_core::api::{
    BulkRequest, ChallengeRequest, CosignatureRequest, HoldRequest, StatusRequest, SyncRequest, SyncResponse,
    TokenRequest, parse_json,
};
use candor_core::conversation::FileMeta;
use libfuzzer_sys::fuzz_target;

fn round_trip<T>(body: &[u8])
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = parse_json::<T>(body) {
        let again = serde_json::to_vec(&value).expect("serializes");
        assert_eq!(parse_json::<T>(&again).expect("parses again"), value);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else { return };
    match which % 9 {
        0 => round_trip::<ChallengeRequest>(body),
        1 => round_trip::<TokenRequest>(body),
        2 => round_trip::<StatusRequest>(body),
        3 => round_trip::<CosignatureRequest>(body),
        4 => round_trip::<SyncRequest>(body),
        5 => round_trip::<BulkRequest>(body),
        7 => round_trip::<HoldRequest>(body),
        6 => {
            // What a server answers a workstation's sync: parsed, never trusted.
            if let Ok(sync) = serde_json::from_slice::<SyncResponse>(body) {
                for case in sync.buckets.iter().flat_map(|b| &b.cases) {
                    let _ = case.is_whole();
                }
            }
        }
        _ => {
            if let Ok(meta) = FileMeta::from_json(body) {
                assert_eq!(FileMeta::from_json(&meta.to_json()).expect("again"), meta);
                let safe = meta.safe_name();
                assert!(!safe.is_empty() && !safe.contains('/'));
            }
        }
    }
});
