//! The identity lane on a custodian's workstation: a disclosure is a decision, taken in
//! steps that are each a signed log entry (see `candor_core::identity` for the sealing).
//!
//! 1. A custodian **requests** disclosure, with reasons; the request names the first day
//!    the disclosure may complete (today plus the body's `notice_days`), and counts as the
//!    requester's own agreement. The reporter sees it on `/case`.
//! 2. Any custodian may **waive** the notice, with an urgent reason (recorded the same way).
//! 3. Each other custodian **approves**, with reasons, once the notice is over (or waived):
//!    their workstation takes their layer off the copies that end with the requester and
//!    uploads what is left with the approval.
//! 4. When `threshold - 1` others have approved, the requester **opens** the statement: the
//!    disclosure is recorded first, then the statement is shown (never stored here).
//!
//! What the workstation relies on is checked here, not taken from the server: a step
//! counts only if its opening (sealed to the reviewers) names this case and this
//! statement, and its entry is proven in the log, signed by the body (see
//! `serve::proven_steps`); the notice's end is the request's own `not-before`, committed
//! to in its entry.

use candor_core::days::Day;
use candor_core::identity::Bundle;
use candor_log::entry::{IdentityStep, Kind, Opening};
use zeroize::Zeroizing;

use crate::WorkstationError;
use crate::client::Client;
use crate::pages::{ShownItem, ShownMessage};

/// One identity statement of a case and everything recorded about it.
#[derive(Debug, Clone)]
pub struct Statement {
    pub item_id: i64,
    /// SHA-256 of the stored bundle: what the steps name.
    pub sha256: [u8; 32],
    pub bundle: Bundle,
    /// The peeled bundles uploaded with approvals.
    pub layers: Vec<Bundle>,
    /// The steps about this statement that are in the log, in the conversation's order.
    pub steps: Vec<Opening>,
}

/// Where a statement's disclosure stands, for one custodian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// No request (or the last one was completed): a custodian may request.
    Open,
    /// A request by `requester`, not completed.
    Requested {
        requester: String,
        not_before: Day,
        waived: bool,
        /// Custodians who agreed, the requester first.
        agreed: Vec<String>,
    },
}

impl Statement {
    /// The statements of a case, from its opened conversation; a step counts only if
    /// `in_log` says its entry is proven in the log (see `serve`: the entry at the index
    /// the server gives, proven included in the last checkpoint verified here and signed
    /// with the body's key).
    pub fn of_case(
        reference: &str,
        messages: &[ShownMessage],
        in_log: impl Fn(&Opening) -> bool,
    ) -> Vec<Statement> {
        let items = || messages.iter().flat_map(|m| &m.items);
        let mut out: Vec<Statement> = items()
            .filter_map(|i| match i {
                ShownItem::Identity { id, sha256, bundle } if bundle.peeled_from.is_none() => {
                    Some(Statement {
                        item_id: *id,
                        sha256: *sha256,
                        bundle: bundle.clone(),
                        layers: Vec::new(),
                        steps: Vec::new(),
                    })
                }
                _ => None,
            })
            .collect();
        for item in items() {
            match item {
                ShownItem::Identity { bundle, .. } => {
                    if let Some(s) = out
                        .iter_mut()
                        .find(|s| bundle.peeled_from == Some(s.sha256))
                    {
                        s.layers.push(bundle.clone());
                    }
                }
                ShownItem::Record { opening, .. }
                    if opening.kind.is_identity()
                        && opening.case == reference
                        && in_log(opening) =>
                {
                    if let Some(s) = out
                        .iter_mut()
                        .find(|s| opening.ciphertexts.first() == Some(&s.sha256))
                    {
                        s.steps.push((**opening).clone());
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The custodians who hold a layer of this statement.
    pub fn custodians(&self) -> Vec<&str> {
        self.bundle.custodians()
    }

    /// The current stage: the last request and what followed it.
    pub fn stage(&self) -> Stage {
        let Some(start) = self
            .steps
            .iter()
            .rposition(|s| s.kind == Kind::IdentityDisclosureRequested)
        else {
            return Stage::Open;
        };
        let request = &self.steps[start];
        let after = &self.steps[start + 1..];
        if after.iter().any(|s| s.kind == Kind::IdentityDisclosed) {
            return Stage::Open;
        }
        let requester = request.custodian.clone().unwrap_or_default();
        let mut agreed = vec![requester.clone()];
        for step in after {
            if let (Kind::IdentityDisclosureApproved, Some(c)) = (step.kind, &step.custodian)
                && !agreed.contains(c)
            {
                agreed.push(c.clone());
            }
        }
        Stage::Requested {
            not_before: request
                .not_before
                .as_deref()
                .and_then(|d| d.parse().ok())
                .or(Day::from_ymd(9999, 12, 31))
                .unwrap_or_else(Day::today),
            waived: after.iter().any(|s| s.kind == Kind::IdentityNoticeWaived),
            requester,
            agreed,
        }
    }

    /// Whether a layer for `requester` alone is here: enough custodians agreed.
    pub fn ready_for(&self, requester: &str) -> bool {
        self.layers
            .iter()
            .flat_map(|b| &b.copies)
            .any(|c| c.path.len() == 1 && c.path[0] == requester)
    }

    /// Every bundle to peel from: the statement and its peeled layers.
    fn sources(&self) -> Vec<Bundle> {
        std::iter::once(self.bundle.clone())
            .chain(self.layers.iter().cloned())
            .collect()
    }
}

/// Whom a decision about a case may be issued to (`issued-to`): only in the words the
/// reporter last agreed to (an item of theirs, sealed to the reviewers), and only once a
/// statement of theirs was disclosed, proven in the log: the body then knows whom the
/// words name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// The reporter gave no words, or withdrew the last ones.
    Nobody,
    /// Words agreed, but no identity disclosed: not offered yet.
    NotDisclosed(String),
    /// A decision may be issued to these words (the item that holds them).
    Offered { item_id: i64, words: String },
}

impl Naming {
    /// The naming of a case, from its opened conversation and its statements (whose
    /// steps count only when proven, see [`Statement::of_case`]).
    pub fn of_case(messages: &[ShownMessage], statements: &[Statement]) -> Naming {
        let last = messages
            .iter()
            .filter(|m| m.author == "reporter")
            .flat_map(|m| &m.items)
            .filter_map(|i| match i {
                ShownItem::IssuedTo { id, words } => Some((*id, words)),
                _ => None,
            })
            .next_back();
        let Some((item_id, words)) = last.filter(|(_, w)| !w.is_empty()) else {
            return Naming::Nobody;
        };
        let disclosed = statements
            .iter()
            .flat_map(|s| &s.steps)
            .any(|s| s.kind == Kind::IdentityDisclosed);
        if disclosed {
            Naming::Offered {
                item_id,
                words: words.clone(),
            }
        } else {
            Naming::NotDisclosed(words.clone())
        }
    }
}

/// Why a step cannot be taken: one sentence for the custodian.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    #[error("only a custodian of this statement can take this step")]
    NotCustodian,
    #[error("give the reasons: the reporter reads them")]
    NoReasons,
    #[error("there is no open disclosure request for this statement")]
    NoRequest,
    #[error("a disclosure of this statement is already requested")]
    AlreadyRequested,
    #[error("you already agreed to this disclosure")]
    AlreadyAgreed,
    #[error(
        "the reporter's notice runs until {0}; no custodian recorded an urgent reason to shorten it"
    )]
    TooEarly(Day),
    #[error("not enough custodians have agreed yet: this workstation's key cannot open it")]
    NotReady,
    #[error("{0}")]
    Workstation(#[from] WorkstationError),
}

/// What a custodian does.
pub enum Action {
    Request { notice_days: u16 },
    Waive,
    Approve,
}

/// Takes a step about `statement` of case `reference` as custodian `me` (with `key`):
/// checks it may be taken, signs and sends it. Returns the recorded opening.
pub async fn take_step(
    client: &Client,
    signer: &candor_log::note::Signer,
    reference: &str,
    statement: &Statement,
    action: Action,
    reasons: &str,
) -> Result<Opening, StepError> {
    let me = client.reviewer();
    if !statement.custodians().contains(&me) {
        return Err(StepError::NotCustodian);
    }
    if reasons.trim().is_empty() {
        return Err(StepError::NoReasons);
    }
    let today = Day::today();
    let stage = statement.stage();
    let (kind, not_before, layers) = match (action, &stage) {
        (Action::Request { notice_days }, Stage::Open) => (
            Kind::IdentityDisclosureRequested,
            Some(today.plus_days(i64::from(notice_days)).to_string()),
            None,
        ),
        (Action::Request { .. }, Stage::Requested { .. }) => {
            return Err(StepError::AlreadyRequested);
        }
        (Action::Waive, Stage::Requested { .. }) => (Kind::IdentityNoticeWaived, None, None),
        (
            Action::Approve,
            Stage::Requested {
                requester,
                not_before,
                waived,
                agreed,
            },
        ) => {
            if agreed.iter().any(|a| a == me) {
                return Err(StepError::AlreadyAgreed);
            }
            if today < *not_before && !waived {
                return Err(StepError::TooEarly(*not_before));
            }
            let peeled = Bundle::peel(
                &statement.sources(),
                statement.sha256,
                me,
                requester,
                client.identities(),
            )
            .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
            (
                Kind::IdentityDisclosureApproved,
                None,
                peeled.map(|b| b.to_text()),
            )
        }
        (_, Stage::Open) => return Err(StepError::NoRequest),
    };
    record(
        client,
        signer,
        reference,
        statement,
        (kind, not_before.as_deref()),
        reasons,
        layers,
    )
    .await
}

/// The requester opens the statement once enough custodians agreed: the disclosure is
/// recorded first, then the statement is returned (to be shown, never stored).
pub async fn disclose(
    client: &Client,
    signer: &candor_log::note::Signer,
    reference: &str,
    statement: &Statement,
    reasons: &str,
) -> Result<Zeroizing<String>, StepError> {
    let me = client.reviewer();
    match statement.stage() {
        Stage::Requested { requester, .. } if requester == me => {}
        Stage::Requested { .. } | Stage::Open => return Err(StepError::NoRequest),
    }
    if !statement.ready_for(me) {
        return Err(StepError::NotReady);
    }
    if reasons.trim().is_empty() {
        return Err(StepError::NoReasons);
    }
    let keys = client.identities();
    // Opened once before recording, so that a disclosure is recorded only if it happens.
    let sources: Vec<Bundle> = statement.sources();
    Bundle::open_last_layer(&sources, me, keys).map_err(|_| StepError::NotReady)?;
    record(
        client,
        signer,
        reference,
        statement,
        (Kind::IdentityDisclosed, None),
        reasons,
        None,
    )
    .await?;
    Bundle::open_last_layer(&sources, me, keys).map_err(|_| StepError::NotReady)
}

async fn record(
    client: &Client,
    signer: &candor_log::note::Signer,
    reference: &str,
    statement: &Statement,
    (kind, not_before): (Kind, Option<&str>),
    reasons: &str,
    layers: Option<String>,
) -> Result<Opening, StepError> {
    let info = client.info().await.map_err(WorkstationError::from)?;
    let case = client
        .case(reference)
        .await
        .map_err(WorkstationError::from)?;
    let today = Day::today();
    let facts =
        candor_log::classification::Facts::identity_step(crate::weeks_since_report(&case, today)?);
    let opening = Opening::identity_step(
        &case.reference,
        kind,
        &today.to_string(),
        &info.body_name,
        IdentityStep {
            custodian: client.reviewer(),
            statement: statement.sha256,
            not_before,
        },
        reasons,
    )
    .and_then(|o| o.with_facts(facts))
    .map_err(|e| WorkstationError::Bundle(e.to_string()))?;
    crate::post_record(client, signer, (&info, &case), &opening, layers).await?;
    Ok(opening)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candor_core::identity::Custodians;

    fn message(author: &str, items: Vec<ShownItem>) -> ShownMessage {
        ShownMessage {
            author: author.into(),
            day: "2026-12-04".into(),
            altered: vec![false; items.len()],
            items,
        }
    }

    fn named(id: i64, words: &str) -> ShownItem {
        ShownItem::IssuedTo {
            id,
            words: words.into(),
        }
    }

    /// A statement of case `C-1`, with a proven disclosure if `disclosed`.
    fn statement(disclosed: bool) -> Statement {
        let members = ["a", "b"]
            .iter()
            .map(|n| (n.to_string(), age::x25519::Identity::generate().to_public()))
            .collect();
        let text = Custodians::new(2, members)
            .expect("custodians")
            .seal("Jane Roe")
            .expect("seal");
        let bundle = Bundle::parse(text.as_bytes()).expect("bundle");
        let sha256 = [7; 32];
        let steps = disclosed
            .then(|| {
                Opening::identity_step(
                    "C-1",
                    Kind::IdentityDisclosed,
                    "2026-12-04",
                    "Authority",
                    IdentityStep {
                        custodian: "a",
                        statement: sha256,
                        not_before: None,
                    },
                    "For the court.",
                )
                .expect("step")
            })
            .into_iter()
            .collect();
        Statement {
            item_id: 1,
            sha256,
            bundle,
            layers: Vec::new(),
            steps,
        }
    }

    #[test]
    fn a_decision_is_issued_only_to_the_reporters_standing_words_after_a_disclosure() {
        let disclosed = [statement(true)];
        let agreed = [message("reporter", vec![named(5, "Jane Roe")])];
        assert_eq!(Naming::of_case(&[], &disclosed), Naming::Nobody);
        assert_eq!(
            Naming::of_case(&agreed, &[statement(false)]),
            Naming::NotDisclosed("Jane Roe".into())
        );
        assert_eq!(
            Naming::of_case(&agreed, &[]),
            Naming::NotDisclosed("Jane Roe".into())
        );
        assert_eq!(
            Naming::of_case(&agreed, &disclosed),
            Naming::Offered {
                item_id: 5,
                words: "Jane Roe".into()
            }
        );
        // The last words count; empty ones withdraw the agreement.
        let changed = [
            message("reporter", vec![named(5, "Jane Roe")]),
            message("reporter", vec![named(9, "J. Roe")]),
        ];
        assert!(matches!(
            Naming::of_case(&changed, &disclosed),
            Naming::Offered { item_id: 9, .. }
        ));
        let withdrawn = [
            message("reporter", vec![named(5, "Jane Roe")]),
            message("reporter", vec![named(9, "")]),
        ];
        assert_eq!(Naming::of_case(&withdrawn, &disclosed), Naming::Nobody);
        // Words in a message of the body's are not the reporter's agreement.
        let body = [message("body", vec![named(5, "Jane Roe")])];
        assert_eq!(Naming::of_case(&body, &disclosed), Naming::Nobody);
    }
}
