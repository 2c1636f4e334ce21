//! Receipt codes: eight words of the EFF long list (≈103 bits), and the two values derived
//! from one with Argon2id: the lookup key stored with the case, and the seed of the
//! reporter's age identity (only its public recipient is ever stored).

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, LazyLock};

use hkdf::Hkdf;
use sha2::Sha256;
use tokio::sync::Semaphore;
use zeroize::{Zeroize, Zeroizing};

/// Number of words in a receipt code.
pub const WORDS: usize = 8;

static WORDLIST: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    diceware_wordlists::Wordlist::EffLong
        .get_list()
        .iter()
        .copied()
        .collect()
});

/// The receipt's word list (the EFF long list, 7,776 words).
pub fn words() -> &'static [&'static str] {
    diceware_wordlists::Wordlist::EffLong.get_list()
}

/// Why a typed code cannot be a receipt code. The messages never repeat the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptError {
    Empty,
    WrongLength { found: usize },
    UnknownWord,
    TooLong,
}

impl fmt::Display for ReceiptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceiptError::Empty => write!(f, "Please type your receipt code: eight words."),
            ReceiptError::WrongLength { found } => write!(
                f,
                "A receipt code has eight words; you typed {found}. Please check your note."
            ),
            ReceiptError::UnknownWord => write!(
                f,
                "At least one word is not in our word list. Please check the spelling against your note."
            ),
            ReceiptError::TooLong => write!(f, "That is too long to be a receipt code."),
        }
    }
}

impl std::error::Error for ReceiptError {}

/// A receipt code in normal form: eight lower-case words separated by single spaces.
/// The text is wiped from memory when dropped.
#[derive(Clone)]
pub struct Receipt(Zeroizing<String>);

impl Receipt {
    /// Draws eight words uniformly from the EFF long list with the operating system's
    /// random generator.
    pub fn generate() -> Result<Receipt, getrandom::Error> {
        let list = words();
        let mut text = Zeroizing::new(String::with_capacity(80));
        for i in 0..WORDS {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(list[uniform_index(list.len())?]);
        }
        Ok(Receipt(text))
    }

    /// Normalizes a code typed back from paper (case, surrounding and repeated white space)
    /// and checks that it has eight words from the list.
    pub fn parse(input: &str) -> Result<Receipt, ReceiptError> {
        // Eight words of at most nine letters and their separators; be generous with
        // white space but refuse anything that cannot be a code before doing any work.
        if input.len() > 1024 {
            return Err(ReceiptError::TooLong);
        }
        let mut text = Zeroizing::new(String::with_capacity(80));
        let mut count = 0usize;
        let mut unknown = false;
        for word in input.split_whitespace() {
            count += 1;
            let mut lower = Zeroizing::new(word.to_lowercase());
            if !WORDLIST.contains(lower.as_str()) {
                unknown = true;
            }
            if count <= WORDS {
                if count > 1 {
                    text.push(' ');
                }
                text.push_str(&lower);
            }
            lower.zeroize();
        }
        match count {
            0 => Err(ReceiptError::Empty),
            WORDS if unknown => Err(ReceiptError::UnknownWord),
            WORDS => Ok(Receipt(text)),
            found => Err(ReceiptError::WrongLength { found }),
        }
    }

    /// The normalized code, for showing it once to the reporter.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(…)")
    }
}

/// A uniform index below `n` (n ≤ 65536) by rejection sampling of OS randomness.
fn uniform_index(n: usize) -> Result<usize, getrandom::Error> {
    debug_assert!(n > 0 && n <= 1 << 16);
    let zone = (1usize << 16) - ((1usize << 16) % n);
    loop {
        let mut b = [0u8; 2];
        getrandom::fill(&mut b)?;
        let v = usize::from(u16::from_le_bytes(b));
        if v < zone {
            return Ok(v % n);
        }
    }
}

/// Argon2id cost parameters. They are stored with the install's salt so that a change of
/// defaults never locks out existing reporters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option with one lane, so
    /// that the bounded pool (one derivation per core) controls the server's load.
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
}

/// What a receipt opens: the stored lookup key, the reporter's age identity, and the seed
/// of the reporter's holder key (certificates bound to their holder).
pub struct Derived {
    pub lookup_key: Zeroizing<[u8; 32]>,
    pub identity: age::x25519::Identity,
    pub holder_seed: Zeroizing<[u8; 32]>,
}

/// The name of every holder key (its verifier key is `candor-holder+<hash>+<key>`).
pub const HOLDER_KEY_NAME: &str = "candor-holder";

impl Derived {
    /// The reporter's public recipient (stored with the case).
    pub fn recipient(&self) -> age::x25519::Recipient {
        self.identity.to_public()
    }

    /// The reporter's holder key: signs presentations of certificates bound to it.
    pub fn holder(&self) -> Result<candor_log::note::Signer, DeriveError> {
        holder_signer(&self.holder_seed)
    }
}

/// The holder key of a seed (kept in a reporter's session).
pub fn holder_signer(seed: &[u8; 32]) -> Result<candor_log::note::Signer, DeriveError> {
    candor_log::note::Signer::from_seed(HOLDER_KEY_NAME, seed).map_err(|_| DeriveError::Params)
}

impl fmt::Debug for Derived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Derived(…)")
    }
}

/// Errors of a derivation.
#[derive(Debug, thiserror::Error)]
pub enum DeriveError {
    #[error("the key derivation parameters are invalid")]
    Params,
    #[error("too many key derivations are waiting; try again shortly")]
    Busy,
    #[error("the key derivation task failed")]
    Task,
}

const INFO_LOOKUP: &[u8] = b"candor/v1/receipt/lookup-key";
const INFO_IDENTITY: &[u8] = b"candor/v1/receipt/age-identity";
const INFO_HOLDER: &[u8] = b"candor/v1/receipt/holder-key";

fn argon_params(params: KdfParams) -> Result<argon2::Params, DeriveError> {
    argon2::Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| DeriveError::Params)
}

/// Argon2id's working memory for `params`, allocated and touched (so it is resident).
fn argon_memory(params: KdfParams) -> Result<Vec<argon2::Block>, DeriveError> {
    Ok(vec![
        argon2::Block::default();
        argon_params(params)?.block_count()
    ])
}

/// Runs Argon2id over the normalized code with the install's salt, then separates the
/// output with HKDF-SHA256 into the lookup key and the identity seed. Blocking: call it
/// on the blocking pool (see [`Deriver`]).
pub fn derive(receipt: &Receipt, salt: &[u8], params: KdfParams) -> Result<Derived, DeriveError> {
    let mut memory = argon_memory(params)?;
    let derived = derive_in(receipt, salt, params, &mut memory);
    memory.iter_mut().for_each(Zeroize::zeroize);
    derived
}

/// [`derive`] with Argon2id's working memory given by the caller (and wiped by it).
fn derive_in(
    receipt: &Receipt,
    salt: &[u8],
    params: KdfParams,
    memory: &mut [argon2::Block],
) -> Result<Derived, DeriveError> {
    let argon_params = argon_params(params)?;
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon_params,
    );
    let mut master = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into_with_memory(
            receipt.expose().as_bytes(),
            salt,
            master.as_mut(),
            &mut *memory,
        )
        .map_err(|_| DeriveError::Params)?;

    let hk = Hkdf::<Sha256>::new(None, master.as_ref());
    let mut lookup_key = Zeroizing::new([0u8; 32]);
    let mut seed = Zeroizing::new([0u8; 32]);
    hk.expand(INFO_LOOKUP, lookup_key.as_mut())
        .map_err(|_| DeriveError::Params)?;
    hk.expand(INFO_IDENTITY, seed.as_mut())
        .map_err(|_| DeriveError::Params)?;
    let mut holder_seed = Zeroizing::new([0u8; 32]);
    hk.expand(INFO_HOLDER, holder_seed.as_mut())
        .map_err(|_| DeriveError::Params)?;
    let identity = crate::seal::identity_from_seed(&seed).map_err(|_| DeriveError::Params)?;
    Ok(Derived {
        lookup_key,
        identity,
        holder_seed,
    })
}

/// How long a new report waits for a derivation before it gets the "busy" page.
pub const SUBMISSION_WAIT: std::time::Duration = std::time::Duration::from_secs(600);

/// What a derivation is for: each has its own workers and queue, so that a flood of
/// sign-ins cannot keep a reporter from making a first report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A returning reporter signs in with a receipt code.
    SignIn,
    /// A new report gets its receipt code.
    Submission,
}

/// Workers and a waiting line for one [`Purpose`], and each worker's Argon2id memory.
#[derive(Clone)]
struct Lane {
    running: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
    /// One working memory per worker, allocated once and wiped after every derivation:
    /// a derivation does not grow the server's memory, and the zeroizing allocator does
    /// not wipe 64 MiB at every free.
    memory: Arc<std::sync::Mutex<Vec<Vec<argon2::Block>>>>,
}

impl Lane {
    fn new(workers: usize, queue: usize, params: KdfParams) -> Lane {
        let workers = workers.max(1);
        let memory = (0..workers)
            .filter_map(|_| argon_memory(params).ok())
            .collect();
        Lane {
            running: Arc::new(Semaphore::new(workers)),
            admitted: Arc::new(Semaphore::new(workers + queue)),
            memory: Arc::new(std::sync::Mutex::new(memory)),
        }
    }
}

/// Runs derivations on the blocking pool with bounded concurrency and bounded queues, so
/// a flood of sign-ins gets a quick "busy" answer instead of slowing the whole server.
///
/// A derivation keeps its places until it has finished, even when the request that asked
/// for it is gone (a client that disconnects cannot start more derivations than there
/// are workers); a request still waiting for a worker gives its place up when dropped.
#[derive(Clone)]
pub struct Deriver {
    sign_in: Lane,
    submission: Lane,
    params: KdfParams,
}

impl Deriver {
    /// `(workers, queue)` for sign-ins and for submissions; the workers of both lanes
    /// together should be at most the number of cores (each lane has at least one).
    pub fn new(sign_in: (usize, usize), submission: (usize, usize), params: KdfParams) -> Self {
        Self {
            sign_in: Lane::new(sign_in.0, sign_in.1, params),
            submission: Lane::new(submission.0, submission.1, params),
            params,
        }
    }

    /// Derivations on every core: a quarter of them (at least one) kept for new reports,
    /// the rest for sign-ins. Sign-ins queue 8 per worker (a flood is answered "busy"
    /// quickly); new reports queue 64 per worker, since a reporter refused must send the
    /// whole report again. With 2 cores, one sign-in and one new report at a time, each
    /// derivation about 0.15 s.
    pub fn for_this_machine(params: KdfParams) -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let submission = (cores / 4).max(1);
        let sign_in = cores.saturating_sub(submission).max(1);
        Self::new(
            (sign_in, 8 * sign_in),
            (submission, 64 * submission),
            params,
        )
    }

    pub fn params(&self) -> KdfParams {
        self.params
    }

    /// Derives on the blocking pool. A sign-in gets `Busy` at once when its lane's queue is
    /// full (a flood is answered quickly). A new report waits for a place instead, for up
    /// to [`SUBMISSION_WAIT`]: its browser is sending the report already, and a refusal
    /// would lose it. Waiting costs only the connection (the body is not read meanwhile),
    /// and the server's connection cap bounds how many wait.
    pub async fn derive(
        &self,
        purpose: Purpose,
        receipt: Receipt,
        salt: Arc<[u8]>,
    ) -> Result<Derived, DeriveError> {
        let lane = match purpose {
            Purpose::SignIn => &self.sign_in,
            Purpose::Submission => &self.submission,
        };
        let admitted = match purpose {
            Purpose::SignIn => Arc::clone(&lane.admitted)
                .try_acquire_owned()
                .map_err(|_| DeriveError::Busy)?,
            Purpose::Submission => {
                tokio::time::timeout(SUBMISSION_WAIT, Arc::clone(&lane.admitted).acquire_owned())
                    .await
                    .map_err(|_| DeriveError::Busy)?
                    .map_err(|_| DeriveError::Task)?
            }
        };
        let running = Arc::clone(&lane.running)
            .acquire_owned()
            .await
            .map_err(|_| DeriveError::Task)?;
        let params = self.params;
        let pool = Arc::clone(&lane.memory);
        tokio::task::spawn_blocking(move || {
            let lock = |p: &std::sync::Mutex<Vec<Vec<argon2::Block>>>| {
                p.lock().unwrap_or_else(|e| e.into_inner()).pop()
            };
            // A worker's memory is always free while it holds a running place.
            let mut memory = match lock(&pool) {
                Some(m) => m,
                None => argon_memory(params)?,
            };
            let derived = derive_in(&receipt, &salt, params, &mut memory);
            memory.iter_mut().for_each(Zeroize::zeroize);
            pool.lock().unwrap_or_else(|e| e.into_inner()).push(memory);
            drop((running, admitted));
            derived
        })
        .await
        .map_err(|_| DeriveError::Task)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Cheap parameters for property tests; the real ones are exercised separately.
    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };
    const SALT: &[u8] = b"0123456789abcdef";

    #[test]
    fn eff_long_list() {
        assert_eq!(words().len(), 7776);
        assert_eq!(WORDLIST.len(), 7776);
        assert!(
            words().iter().any(|w| w.contains('-')),
            "some words have '-'"
        );
        assert!(words().iter().all(|w| !w.contains(char::is_whitespace)));
    }

    #[test]
    fn generated_codes_parse_back() {
        for _ in 0..50 {
            let r = Receipt::generate().expect("rng");
            assert_eq!(r.expose().split(' ').count(), WORDS);
            let parsed = Receipt::parse(r.expose()).expect("parses");
            assert_eq!(parsed.expose(), r.expose());
        }
    }

    #[test]
    fn generated_codes_differ() {
        let a = Receipt::generate().expect("rng");
        let b = Receipt::generate().expect("rng");
        assert_ne!(a.expose(), b.expose());
    }

    #[test]
    fn parse_errors() {
        assert_eq!(Receipt::parse("").err(), Some(ReceiptError::Empty));
        assert_eq!(Receipt::parse("  \n\t ").err(), Some(ReceiptError::Empty));
        assert_eq!(
            Receipt::parse("abacus abdomen").err(),
            Some(ReceiptError::WrongLength { found: 2 })
        );
        assert_eq!(
            Receipt::parse("abacus abdomen abdominal abide abiding ability ablaze zzzzz").err(),
            Some(ReceiptError::UnknownWord)
        );
        assert_eq!(
            Receipt::parse(&"a".repeat(2000)).err(),
            Some(ReceiptError::TooLong)
        );
        let msg = ReceiptError::UnknownWord.to_string();
        assert!(!msg.contains("zzzzz"));
    }

    #[test]
    fn real_parameters_derive_consistently() {
        let r = Receipt::generate().expect("rng");
        let a = derive(&r, SALT, KdfParams::DEFAULT).expect("derive");
        let b = derive(
            &Receipt::parse(&r.expose().to_uppercase()).expect("parse"),
            SALT,
            KdfParams::DEFAULT,
        )
        .expect("derive");
        assert_eq!(*a.lookup_key, *b.lookup_key);
        assert_eq!(a.recipient().to_string(), b.recipient().to_string());
        assert_ne!(&a.lookup_key[..], &seed_bytes(&a)[..], "domain separated");
        assert_ne!(&a.holder_seed[..], &seed_bytes(&a)[..], "domain separated");
        assert_ne!(&a.holder_seed[..], &a.lookup_key[..], "domain separated");
    }

    fn seed_bytes(d: &Derived) -> Vec<u8> {
        use age::secrecy::ExposeSecret;
        d.identity.to_string().expose_secret().as_bytes().to_vec()
    }

    #[tokio::test]
    async fn deriver_refuses_when_queue_full() {
        let deriver = Deriver::new((1, 0), (1, 0), KdfParams::DEFAULT);
        let salt: Arc<[u8]> = Arc::from(SALT);
        let r = Receipt::generate().expect("rng");
        let d2 = deriver.clone();
        let (s2, r2) = (Arc::clone(&salt), r.clone());
        let first = tokio::spawn(async move { d2.derive(Purpose::SignIn, r2, s2).await });
        // Give the first derivation time to take the only place.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let second = deriver
            .derive(Purpose::SignIn, r.clone(), Arc::clone(&salt))
            .await;
        assert!(matches!(second, Err(DeriveError::Busy)));
        // Sign-ins filling their lane leave new reports their own.
        let submission = deriver
            .derive(Purpose::Submission, r.clone(), Arc::clone(&salt))
            .await;
        assert!(submission.is_ok(), "a new report is not kept waiting");
        assert!(first.await.expect("join").is_ok());
        assert!(
            deriver.derive(Purpose::SignIn, r, salt).await.is_ok(),
            "free again"
        );
    }

    #[tokio::test]
    async fn new_reports_wait_for_a_place_instead_of_being_refused() {
        let deriver = Deriver::new((1, 0), (1, 0), FAST);
        let salt: Arc<[u8]> = Arc::from(SALT);
        let r = Receipt::generate().expect("rng");
        let all = (0..20).map(|_| {
            let (d, s, r) = (deriver.clone(), Arc::clone(&salt), r.clone());
            tokio::spawn(async move { d.derive(Purpose::Submission, r, s).await })
        });
        for job in all.collect::<Vec<_>>() {
            assert!(job.await.expect("join").is_ok(), "no new report is refused");
        }
    }

    #[tokio::test]
    async fn working_memory_is_kept_and_wiped_after_each_derivation() {
        let deriver = Deriver::new((1, 0), (1, 0), KdfParams::DEFAULT);
        let salt: Arc<[u8]> = Arc::from(SALT);
        let r = Receipt::generate().expect("rng");
        let expected = derive(&r, SALT, KdfParams::DEFAULT).expect("bare");
        let got = deriver
            .derive(Purpose::SignIn, r, salt)
            .await
            .expect("derive");
        assert_eq!(*got.lookup_key, *expected.lookup_key, "same result");
        let pool = deriver.sign_in.memory.lock().expect("pool");
        assert_eq!(pool.len(), 1, "the buffer went back to the pool");
        assert!(
            pool[0]
                .iter()
                .all(|block| block.as_ref().iter().all(|w| *w == 0)),
            "Argon2id's memory was wiped"
        );
        assert_eq!(pool[0].len(), 64 * 1024, "64 MiB of 1 KiB blocks");
    }

    #[tokio::test]
    async fn a_dropped_request_keeps_its_place_until_the_derivation_ends() {
        let deriver = Deriver::new((1, 0), (1, 0), KdfParams::DEFAULT);
        let salt: Arc<[u8]> = Arc::from(SALT);
        let r = Receipt::generate().expect("rng");
        let d2 = deriver.clone();
        let (s2, r2) = (Arc::clone(&salt), r.clone());
        let first = tokio::spawn(async move { d2.derive(Purpose::SignIn, r2, s2).await });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        // The client goes away: its request is dropped while Argon2id still runs.
        first.abort();
        assert!(first.await.is_err(), "aborted");
        let meanwhile = deriver
            .derive(Purpose::SignIn, r.clone(), Arc::clone(&salt))
            .await;
        assert!(
            matches!(meanwhile, Err(DeriveError::Busy)),
            "the running derivation still holds the only place"
        );
        // Once it finishes, the place is free again.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            match deriver
                .derive(Purpose::SignIn, r.clone(), Arc::clone(&salt))
                .await
            {
                Ok(_) => break,
                Err(DeriveError::Busy) if std::time::Instant::now() < deadline => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                Err(e) => panic!("{e:?}"),
            }
        }
    }

    fn word() -> impl Strategy<Value = &'static str> {
        (0usize..7776).prop_map(|i| words()[i])
    }

    fn code() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(word(), WORDS)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn normalization_ignores_case_and_spacing(words in code(), seps in proptest::collection::vec("[ \t\n]{1,3}", WORDS + 1), upper in proptest::collection::vec(any::<bool>(), WORDS)) {
            let canonical = words.join(" ");
            let mut typed = seps[0].clone();
            for (i, w) in words.iter().enumerate() {
                typed.push_str(&if upper[i] { w.to_uppercase() } else { w.to_string() });
                typed.push_str(&seps[i + 1]);
            }
            let parsed = Receipt::parse(&typed).expect("valid code");
            prop_assert_eq!(parsed.expose(), canonical.as_str());
        }

        #[test]
        fn parse_never_panics(input in ".{0,200}") {
            let _ = Receipt::parse(&input);
        }

        #[test]
        fn same_code_same_keys(words in code()) {
            let r = Receipt::parse(&words.join(" ")).expect("valid");
            let a = derive(&r, SALT, FAST).expect("derive");
            let b = derive(&r, SALT, FAST).expect("derive");
            prop_assert_eq!(*a.lookup_key, *b.lookup_key);
            prop_assert_eq!(a.recipient().to_string(), b.recipient().to_string());
        }

        #[test]
        fn changed_word_changes_keys(words in code(), pos in 0..WORDS, replacement in word()) {
            prop_assume!(words[pos] != replacement);
            let mut other = words.clone();
            other[pos] = replacement;
            let a = derive(&Receipt::parse(&words.join(" ")).expect("valid"), SALT, FAST).expect("derive");
            let b = derive(&Receipt::parse(&other.join(" ")).expect("valid"), SALT, FAST).expect("derive");
            prop_assert_ne!(*a.lookup_key, *b.lookup_key);
            prop_assert_ne!(a.recipient().to_string(), b.recipient().to_string());
        }

        #[test]
        fn reordered_words_change_keys(words in code(), i in 0..WORDS, j in 0..WORDS) {
            prop_assume!(words[i] != words[j]);
            let mut other = words.clone();
            other.swap(i, j);
            let a = derive(&Receipt::parse(&words.join(" ")).expect("valid"), SALT, FAST).expect("derive");
            let b = derive(&Receipt::parse(&other.join(" ")).expect("valid"), SALT, FAST).expect("derive");
            prop_assert_ne!(*a.lookup_key, *b.lookup_key);
        }

        #[test]
        fn other_salt_changes_keys(words in code()) {
            let r = Receipt::parse(&words.join(" ")).expect("valid");
            let a = derive(&r, SALT, FAST).expect("derive");
            let b = derive(&r, b"another-install-salt", FAST).expect("derive");
            prop_assert_ne!(*a.lookup_key, *b.lookup_key);
        }
    }
}
