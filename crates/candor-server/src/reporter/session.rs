//! Reporter sessions: in server memory only, never in the database.
//!
//! A session holds the reporter's age identity derived from the receipt code. The browser
//! holds a random 256-bit id in an `HttpOnly; SameSite=Strict` cookie; the server keeps
//! only the SHA-256 of that id. Sessions end after an idle timeout, an absolute limit, a
//! sign-out or a restart; their identities are wiped when dropped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Name of the session cookie.
pub const COOKIE: &str = "candor_session";

/// What a signed-in reporter's requests can use.
pub struct SessionData {
    pub case_id: i64,
    pub identity: age::x25519::Identity,
    /// The seed of the reporter's holder key (presentations of certificates).
    pub holder_seed: Zeroizing<[u8; 32]>,
    /// Token for this session's forms (defence in depth next to SameSite and Fetch Metadata).
    pub csrf: String,
    flash: Mutex<Option<String>>,
}

/// The keys a receipt code opens that a session keeps: the age identity and the holder
/// key's seed.
pub struct ReporterKeys {
    pub identity: age::x25519::Identity,
    pub holder_seed: Zeroizing<[u8; 32]>,
}

impl From<candor_core::receipt::Derived> for ReporterKeys {
    fn from(derived: candor_core::receipt::Derived) -> Self {
        ReporterKeys {
            identity: derived.identity,
            holder_seed: derived.holder_seed,
        }
    }
}

#[cfg(test)]
impl From<age::x25519::Identity> for ReporterKeys {
    fn from(identity: age::x25519::Identity) -> Self {
        ReporterKeys {
            identity,
            holder_seed: Zeroizing::new([1; 32]),
        }
    }
}

impl SessionData {
    /// A one-time notice for the next page ("Your answer was sent").
    pub fn set_flash(&self, text: &str) {
        *lock(&self.flash) = Some(text.to_string());
    }

    pub fn take_flash(&self) -> Option<String> {
        lock(&self.flash).take()
    }
}

struct Entry {
    data: Arc<SessionData>,
    created: Instant,
    last_seen: Instant,
}

/// All live sessions.
pub struct Sessions {
    map: Mutex<HashMap<[u8; 32], Entry>>,
    idle: Duration,
    absolute: Duration,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn key_of(cookie_value: &str) -> Option<[u8; 32]> {
    let raw = Zeroizing::new(hex::decode(cookie_value).ok()?);
    if raw.len() != 32 {
        return None;
    }
    Some(Sha256::digest(&raw[..]).into())
}

impl Sessions {
    pub fn new(idle: Duration, absolute: Duration) -> Sessions {
        Sessions {
            map: Mutex::new(HashMap::new()),
            idle,
            absolute,
        }
    }

    /// Opens a session with a fresh random id; returns the cookie value.
    pub fn create(
        &self,
        case_id: i64,
        keys: impl Into<ReporterKeys>,
    ) -> Result<(Zeroizing<String>, Arc<SessionData>), getrandom::Error> {
        self.create_at(case_id, keys, Instant::now())
    }

    fn create_at(
        &self,
        case_id: i64,
        keys: impl Into<ReporterKeys>,
        now: Instant,
    ) -> Result<(Zeroizing<String>, Arc<SessionData>), getrandom::Error> {
        let ReporterKeys {
            identity,
            holder_seed,
        } = keys.into();
        let mut id = Zeroizing::new([0u8; 32]);
        getrandom::fill(id.as_mut())?;
        let mut csrf = [0u8; 32];
        getrandom::fill(&mut csrf)?;
        let value = Zeroizing::new(hex::encode(&id[..]));
        let key: [u8; 32] = Sha256::digest(&id[..]).into();
        let data = Arc::new(SessionData {
            case_id,
            identity,
            holder_seed,
            csrf: hex::encode(csrf),
            flash: Mutex::new(None),
        });
        lock(&self.map).insert(
            key,
            Entry {
                data: Arc::clone(&data),
                created: now,
                last_seen: now,
            },
        );
        Ok((value, data))
    }

    /// The live session for a cookie value, if any; touching it resets the idle timer.
    pub fn get(&self, cookie_value: &str) -> Option<Arc<SessionData>> {
        self.get_at(cookie_value, Instant::now())
    }

    fn get_at(&self, cookie_value: &str, now: Instant) -> Option<Arc<SessionData>> {
        let key = key_of(cookie_value)?;
        let mut map = lock(&self.map);
        let entry = map.get_mut(&key)?;
        if self.expired(entry, now) {
            map.remove(&key);
            return None;
        }
        entry.last_seen = now;
        Some(Arc::clone(&entry.data))
    }

    /// Ends a session (sign-out).
    pub fn end(&self, cookie_value: &str) {
        if let Some(key) = key_of(cookie_value) {
            lock(&self.map).remove(&key);
        }
    }

    fn expired(&self, entry: &Entry, now: Instant) -> bool {
        now.duration_since(entry.last_seen) >= self.idle
            || now.duration_since(entry.created) >= self.absolute
    }

    /// Drops every expired session.
    pub fn sweep(&self) {
        self.sweep_at(Instant::now());
    }

    fn sweep_at(&self, now: Instant) {
        lock(&self.map).retain(|_, entry| !self.expired(entry, now));
    }

    /// Drops every session (shutdown).
    pub fn clear(&self) {
        lock(&self.map).clear();
    }

    pub fn len(&self) -> usize {
        lock(&self.map).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A global budget of sign-in attempts (a token bucket): without IP addresses, every Tor
/// user looks alike, so the limit is for the whole server.
pub struct RateLimit {
    capacity: f64,
    per_second: f64,
    state: Mutex<(f64, Instant)>,
}

impl RateLimit {
    pub fn per_minute(n: u32) -> RateLimit {
        let capacity = f64::from(n.max(1));
        RateLimit {
            capacity,
            per_second: capacity / 60.0,
            state: Mutex::new((capacity, Instant::now())),
        }
    }

    /// Takes one attempt from the budget; false when it is used up.
    pub fn try_take(&self) -> bool {
        let mut state = lock(&self.state);
        let now = Instant::now();
        let refill = now.duration_since(state.1).as_secs_f64() * self.per_second;
        state.0 = (state.0 + refill).min(self.capacity);
        state.1 = now;
        if state.0 >= 1.0 {
            state.0 -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_get_end() {
        let sessions = Sessions::new(Duration::from_secs(60), Duration::from_secs(600));
        let (cookie, data) = sessions
            .create(7, age::x25519::Identity::generate())
            .expect("random");
        assert_eq!(cookie.len(), 64);
        assert_eq!(sessions.get(&cookie).expect("live").case_id, 7);
        assert_eq!(data.csrf.len(), 64);
        assert!(sessions.get("00").is_none());
        assert!(sessions.get(&"0".repeat(64)).is_none());
        assert!(sessions.get("not hex at all").is_none());
        sessions.end(&cookie);
        assert!(sessions.get(&cookie).is_none(), "gone after sign-out");
    }

    #[test]
    fn idle_and_absolute_expiry() {
        let sessions = Sessions::new(Duration::from_secs(60), Duration::from_secs(600));
        let t0 = Instant::now();
        let at = |secs: u64| t0 + Duration::from_secs(secs);
        let (cookie, _) = sessions
            .create_at(1, age::x25519::Identity::generate(), t0)
            .expect("random");
        assert!(
            sessions.get_at(&cookie, at(59)).is_some(),
            "active before the idle timeout"
        );
        assert!(
            sessions.get_at(&cookie, at(110)).is_some(),
            "each request resets the idle timer"
        );
        assert!(sessions.get_at(&cookie, at(170)).is_none(), "idle timeout");

        let (cookie, _) = sessions
            .create_at(1, age::x25519::Identity::generate(), t0)
            .expect("random");
        for minute in 1..=10 {
            assert!(
                sessions.get_at(&cookie, at(minute * 59)).is_some(),
                "active at {minute}"
            );
        }
        // Last seen at 590 s: 11 s idle, but 601 s after creation.
        assert!(
            sessions.get_at(&cookie, at(601)).is_none(),
            "absolute limit despite activity"
        );

        let (_cookie, _) = sessions
            .create_at(1, age::x25519::Identity::generate(), t0)
            .expect("random");
        sessions.sweep_at(at(61));
        assert!(sessions.is_empty(), "sweeping drops expired sessions");
    }

    #[test]
    fn fresh_ids() {
        let sessions = Sessions::new(Duration::from_secs(60), Duration::from_secs(600));
        let (a, _) = sessions
            .create(1, age::x25519::Identity::generate())
            .expect("random");
        let (b, _) = sessions
            .create(1, age::x25519::Identity::generate())
            .expect("random");
        assert_ne!(*a, *b);
        assert_eq!(sessions.len(), 2);
    }

    #[test]
    fn rate_limit_refills() {
        let limit = RateLimit::per_minute(6000);
        let mut taken = 0;
        while limit.try_take() {
            taken += 1;
            assert!(taken <= 6000);
        }
        assert_eq!(taken, 6000);
        std::thread::sleep(Duration::from_millis(30));
        assert!(limit.try_take(), "100 per second refill");
    }

    proptest::proptest! {
        /// Only a 64-hex-character value can name a session; anything else is refused
        /// without a panic, and a session is found only by its own cookie value.
        #[test]
        fn cookie_values(value in "\\PC{0,80}", hex in "[0-9a-f]{64}") {
            let sessions = Sessions::new(Duration::from_secs(60), Duration::from_secs(600));
            let (cookie, _) = sessions
                .create(1, age::x25519::Identity::generate())
                .expect("random");
            proptest::prop_assert_eq!(key_of(&value).is_some(), value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()));
            proptest::prop_assert!(key_of(&hex).is_some());
            if value != *cookie {
                proptest::prop_assert!(sessions.get(&value).is_none());
            }
            proptest::prop_assert!(sessions.get(&hex).is_none() || hex == *cookie);
        }
    }
}
