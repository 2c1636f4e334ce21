//! Statistics from the log's entries alone: what `/transparency`, its CSV and JSON files,
//! and `candor log verify --stats` publish, computed by one function so they agree byte
//! for byte.
//!
//! Counting: every entry that parses as a Candor entry counts once in the quarter and the
//! year of its day. Version-1 entries (no facts) count as **unclassified**. Cells from 1
//! to `suppress_below - 1` are published as "fewer than N" (`<N` in the CSV, `null` with
//! `"suppressed": true` in the JSON); 0 is published as 0. Timeliness is counted over
//! version-2 entries, which carry the weeks since the report:
//!
//! - `acknowledged-within-7-days`: acknowledgements 0 whole weeks after the report (fewer
//!   than 7 days), of `acknowledgements-timed`;
//! - `answered-within-3-months`: status decisions (recognized or declined) fewer than 13
//!   whole weeks (91 days) after the report, of `status-decisions-timed`;
//! - `median-weeks-to-status-decision`: the median of those decisions' weeks (the mean of
//!   the two middle values for an even count), left empty below the threshold.
//!
//! The CSV is written by hand: every value is a number or a label from a fixed list, so no
//! field ever needs quoting.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::classification::{Area, Message, Outcome, Sector};
use crate::entry::{Entry, Kind};

/// The threshold below which a count is not published, unless configured otherwise.
pub const DEFAULT_SUPPRESS_BELOW: u64 = 5;
/// Version of the classification lists the files use (see [`crate::classification`]).
pub const CLASSIFICATION_VERSION: u32 = 1;
/// The CSV's header line.
pub const CSV_HEADER: &str = "period,indicator,kind,sector,area,outcome,value";
/// Weeks below which a status decision counts as answered within three months.
pub const ANSWER_WEEKS: u32 = 13;

/// Kinds that carry a sector and an area in version 2.
pub const CLASSIFIED: [Kind; 5] = [
    Kind::StatusRecognized,
    Kind::StatusDeclined,
    Kind::ProtectionGranted,
    Kind::StatusRevoked,
    Kind::CaseClosed,
];

/// Counts of one period (a quarter, or a year summed from its quarters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub reports: u64,
    pub follow_ups: u64,
    /// Version-1 `report-received` entries: report or follow-up unknown.
    pub receipts_unclassified: u64,
    pub decisions: BTreeMap<Kind, u64>,
    /// Per kind and sector; `None`: a version-1 entry.
    pub by_sector: BTreeMap<(Kind, Option<Sector>), u64>,
    pub by_area: BTreeMap<(Kind, Option<Area>), u64>,
    pub outcomes: BTreeMap<Option<Outcome>, u64>,
    pub acknowledgements_timed: u64,
    pub acknowledged_within_7_days: u64,
    /// Weeks to each version-2 status decision: weeks → how many.
    pub status_weeks: BTreeMap<u32, u64>,
}

impl Counts {
    fn add(&mut self, entry: &Entry) {
        let kind = entry.kind;
        let facts = entry.facts.unwrap_or_default();
        if kind == Kind::ReportReceived {
            match facts.message {
                Some(Message::Report) => self.reports += 1,
                Some(Message::FollowUp) => self.follow_ups += 1,
                None => self.receipts_unclassified += 1,
            }
            return;
        }
        *self.decisions.entry(kind).or_default() += 1;
        if CLASSIFIED.contains(&kind) {
            *self.by_sector.entry((kind, facts.sector)).or_default() += 1;
            *self.by_area.entry((kind, facts.area)).or_default() += 1;
        }
        if kind == Kind::CaseClosed {
            *self.outcomes.entry(facts.outcome).or_default() += 1;
        }
        if let Some(weeks) = facts.weeks {
            match kind {
                Kind::Acknowledged => {
                    self.acknowledgements_timed += 1;
                    if weeks == 0 {
                        self.acknowledged_within_7_days += 1;
                    }
                }
                Kind::StatusRecognized | Kind::StatusDeclined => {
                    *self.status_weeks.entry(weeks).or_default() += 1;
                }
                _ => {}
            }
        }
    }

    fn merge(&mut self, other: &Counts) {
        fn sum<K: Ord + Clone>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
            for (k, n) in from {
                *into.entry(k.clone()).or_default() += n;
            }
        }
        self.reports += other.reports;
        self.follow_ups += other.follow_ups;
        self.receipts_unclassified += other.receipts_unclassified;
        sum(&mut self.decisions, &other.decisions);
        sum(&mut self.by_sector, &other.by_sector);
        sum(&mut self.by_area, &other.by_area);
        sum(&mut self.outcomes, &other.outcomes);
        self.acknowledgements_timed += other.acknowledgements_timed;
        self.acknowledged_within_7_days += other.acknowledged_within_7_days;
        sum(&mut self.status_weeks, &other.status_weeks);
    }

    pub fn decided(&self, kind: Kind) -> u64 {
        self.decisions.get(&kind).copied().unwrap_or(0)
    }

    pub fn in_sector(&self, kind: Kind, sector: Option<Sector>) -> u64 {
        self.by_sector.get(&(kind, sector)).copied().unwrap_or(0)
    }

    pub fn in_area(&self, kind: Kind, area: Option<Area>) -> u64 {
        self.by_area.get(&(kind, area)).copied().unwrap_or(0)
    }

    pub fn with_outcome(&self, outcome: Option<Outcome>) -> u64 {
        self.outcomes.get(&outcome).copied().unwrap_or(0)
    }

    /// Version-2 status decisions (recognized or declined), which carry their weeks.
    pub fn status_decisions_timed(&self) -> u64 {
        self.status_weeks.values().sum()
    }

    pub fn answered_within_3_months(&self) -> u64 {
        self.status_weeks
            .range(..ANSWER_WEEKS)
            .map(|(_, n)| n)
            .sum()
    }

    /// The median weeks to a status decision, in tenths (65 = 6.5 weeks).
    pub fn median_weeks_tenths(&self) -> Option<u64> {
        let n = self.status_decisions_timed();
        if n == 0 {
            return None;
        }
        let nth = |i: u64| {
            let mut seen = 0;
            for (&w, &count) in &self.status_weeks {
                seen += count;
                if seen > i {
                    return u64::from(w);
                }
            }
            0
        };
        let (a, b) = if n % 2 == 1 {
            (nth(n / 2), nth(n / 2))
        } else {
            (nth(n / 2 - 1), nth(n / 2))
        };
        Some((a + b) * 5)
    }
}

/// A year and its quarters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Year {
    pub year: u16,
    pub total: Counts,
    /// Quarters 1 to 4 that have entries.
    pub quarters: BTreeMap<u8, Counts>,
}

/// Entries counted so far, by year and quarter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    quarters: BTreeMap<(u16, u8), Counts>,
    /// Entries that are not Candor entries (counted nowhere else).
    pub unreadable: u64,
    /// Entries counted.
    pub entries: u64,
}

impl Tally {
    /// Counts one entry of the log as stored: a signed note (its signatures are not
    /// checked: the statistics count what the log holds, which the tree commits to).
    pub fn add_note(&mut self, note: &[u8]) {
        match crate::note::Note::parse(note) {
            Ok(n) => self.add_text(n.text()),
            Err(_) => self.unreadable += 1,
        }
    }

    /// Counts one entry's note text.
    pub fn add_text(&mut self, text: &str) {
        match Entry::parse(text) {
            Ok(entry) => self.add(&entry),
            Err(_) => self.unreadable += 1,
        }
    }

    pub fn add(&mut self, entry: &Entry) {
        let year = entry.day.get(..4).and_then(|y| y.parse::<u16>().ok());
        let month = entry.day.get(5..7).and_then(|m| m.parse::<u8>().ok());
        let (Some(year), Some(month)) = (year, month) else {
            self.unreadable += 1;
            return;
        };
        let quarter = (month.clamp(1, 12) - 1) / 3 + 1;
        self.quarters.entry((year, quarter)).or_default().add(entry);
        self.entries += 1;
    }

    /// The years with entries, oldest first.
    pub fn years(&self) -> Vec<Year> {
        let mut years: BTreeMap<u16, Year> = BTreeMap::new();
        for (&(year, quarter), counts) in &self.quarters {
            let y = years.entry(year).or_insert_with(|| Year {
                year,
                ..Year::default()
            });
            y.total.merge(counts);
            y.quarters.insert(quarter, counts.clone());
        }
        years.into_values().collect()
    }

    /// The published statistics of a log of `size` entries named `origin`.
    pub fn statistics(&self, origin: &str, size: u64, suppress_below: u64) -> Statistics {
        Statistics {
            origin: origin.to_string(),
            size,
            suppress_below: suppress_below.max(1),
            years: self.years(),
        }
    }
}

/// A published number: a count, a count too small to show, or nothing to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(u64),
    /// From 1 to the threshold minus one.
    FewerThan(u64),
    /// A value in tenths (a median), or none.
    Tenths(Option<u64>),
}

/// `65` → `6.5`, `60` → `6`.
pub fn tenths(t: u64) -> String {
    if t.is_multiple_of(10) {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

/// One row of the open data.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Row {
    pub period: String,
    pub indicator: &'static str,
    pub kind: &'static str,
    pub sector: &'static str,
    pub area: &'static str,
    pub outcome: &'static str,
    /// The number (for a median, with one decimal at most); `null` when suppressed or
    /// when there is nothing to show.
    pub value: Option<serde_json::Number>,
    pub suppressed: bool,
}

/// What the JSON file holds.
#[derive(Serialize)]
struct Document<'a> {
    log: &'a str,
    log_size: u64,
    suppress_below: u64,
    classification_version: u32,
    schema: &'static str,
    rows: Vec<Row>,
}

/// The statistics as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistics {
    pub origin: String,
    pub size: u64,
    pub suppress_below: u64,
    pub years: Vec<Year>,
}

const ALL: &str = "all";
const UNCLASSIFIED: &str = "unclassified";

impl Statistics {
    /// A count as published: suppressed from 1 to the threshold minus one.
    pub fn cell(&self, n: u64) -> Cell {
        if n > 0 && n < self.suppress_below {
            Cell::FewerThan(self.suppress_below)
        } else {
            Cell::Count(n)
        }
    }

    /// The median weeks to a status decision, unless fewer decisions than the threshold
    /// carry their weeks.
    pub fn median(&self, counts: &Counts) -> Cell {
        if counts.status_decisions_timed() < self.suppress_below {
            Cell::Tenths(None)
        } else {
            Cell::Tenths(counts.median_weeks_tenths())
        }
    }

    /// Every period's rows: each year, then its quarters.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for year in &self.years {
            self.period_rows(&year.year.to_string(), &year.total, &mut rows);
            for (q, counts) in &year.quarters {
                self.period_rows(&format!("{}-Q{q}", year.year), counts, &mut rows);
            }
        }
        rows
    }

    fn period_rows(&self, period: &str, c: &Counts, rows: &mut Vec<Row>) {
        let mut push = |indicator: &'static str,
                        kind: &'static str,
                        sector: &'static str,
                        area: &'static str,
                        outcome: &'static str,
                        cell: Cell| {
            let (value, suppressed) = match cell {
                Cell::Count(n) => (Some(serde_json::Number::from(n)), false),
                Cell::FewerThan(_) => (None, true),
                Cell::Tenths(t) => (
                    t.and_then(|t| {
                        if t.is_multiple_of(10) {
                            Some(serde_json::Number::from(t / 10))
                        } else {
                            serde_json::Number::from_f64(t as f64 / 10.0)
                        }
                    }),
                    false,
                ),
            };
            rows.push(Row {
                period: period.to_string(),
                indicator,
                kind,
                sector,
                area,
                outcome,
                value,
                suppressed,
            });
        };
        let received = Kind::ReportReceived.as_str();
        push(
            "reports-received",
            received,
            ALL,
            ALL,
            ALL,
            self.cell(c.reports),
        );
        push(
            "follow-ups-received",
            received,
            ALL,
            ALL,
            ALL,
            self.cell(c.follow_ups),
        );
        push(
            "receipts-unclassified",
            received,
            ALL,
            ALL,
            ALL,
            self.cell(c.receipts_unclassified),
        );
        // Every decision, the identity steps too: how often a body opened reporters'
        // identities is a figure the public can hold it to.
        for kind in Kind::ALL.iter().copied().filter(|k| k.is_decision()) {
            push(
                "decisions",
                kind.as_str(),
                ALL,
                ALL,
                ALL,
                self.cell(c.decided(kind)),
            );
        }
        push(
            "reprisals-reported",
            Kind::ReprisalReported.as_str(),
            ALL,
            ALL,
            ALL,
            self.cell(c.decided(Kind::ReprisalReported)),
        );
        for kind in CLASSIFIED {
            for sector in Sector::ALL.iter().copied().map(Some).chain([None]) {
                let label = sector.map_or(UNCLASSIFIED, Sector::as_str);
                let n = self.cell(c.in_sector(kind, sector));
                push("decisions", kind.as_str(), label, ALL, ALL, n);
            }
            for area in Area::ALL.iter().copied().map(Some).chain([None]) {
                let label = area.map_or(UNCLASSIFIED, Area::as_str);
                let n = self.cell(c.in_area(kind, area));
                push("decisions", kind.as_str(), ALL, label, ALL, n);
            }
        }
        for outcome in Outcome::ALL.iter().copied().map(Some).chain([None]) {
            let label = outcome.map_or(UNCLASSIFIED, Outcome::as_str);
            let n = self.cell(c.with_outcome(outcome));
            push("decisions", Kind::CaseClosed.as_str(), ALL, ALL, label, n);
        }
        let ack = Kind::Acknowledged.as_str();
        push(
            "acknowledgements-timed",
            ack,
            ALL,
            ALL,
            ALL,
            self.cell(c.acknowledgements_timed),
        );
        push(
            "acknowledged-within-7-days",
            ack,
            ALL,
            ALL,
            ALL,
            self.cell(c.acknowledged_within_7_days),
        );
        push(
            "status-decisions-timed",
            ALL,
            ALL,
            ALL,
            ALL,
            self.cell(c.status_decisions_timed()),
        );
        push(
            "answered-within-3-months",
            ALL,
            ALL,
            ALL,
            ALL,
            self.cell(c.answered_within_3_months()),
        );
        push(
            "median-weeks-to-status-decision",
            ALL,
            ALL,
            ALL,
            ALL,
            self.median(c),
        );
    }

    /// `transparency.csv`.
    pub fn to_csv(&self) -> String {
        let mut out = format!("{CSV_HEADER}\n");
        for r in self.rows() {
            let value = match (&r.value, r.suppressed) {
                (_, true) => format!("<{}", self.suppress_below),
                (Some(v), false) => v.to_string(),
                (None, false) => String::new(),
            };
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                r.period, r.indicator, r.kind, r.sector, r.area, r.outcome, value
            ));
        }
        out
    }

    /// `transparency.json`.
    pub fn to_json(&self) -> String {
        let doc = Document {
            log: &self.origin,
            log_size: self.size,
            suppress_below: self.suppress_below,
            classification_version: CLASSIFICATION_VERSION,
            schema: "datapackage.json",
            rows: self.rows(),
        };
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The Frictionless data package that describes both files (`datapackage.json`).
pub fn datapackage(suppress_below: u64) -> String {
    let labels = |all: &[&'static str]| {
        let mut v: Vec<&str> = vec![ALL];
        v.extend_from_slice(all);
        v.push(UNCLASSIFIED);
        v
    };
    let kinds: Vec<&str> = std::iter::once(ALL)
        .chain(Kind::ALL.iter().map(|k| k.as_str()))
        .collect();
    let sectors: Vec<&str> = Sector::ALL.iter().map(|s| s.as_str()).collect();
    let areas: Vec<&str> = Area::ALL.iter().map(|s| s.as_str()).collect();
    let outcomes: Vec<&str> = Outcome::ALL.iter().map(|s| s.as_str()).collect();
    let doc = serde_json::json!({
        "profile": "tabular-data-package",
        "name": "candor-transparency",
        "title": "Reports and decisions of a whistleblower protection body",
        "description": format!("Counted from the body's public log by Candor (classification version {CLASSIFICATION_VERSION}). Counts from 1 to {} are published as <{} (CSV) or null with suppressed = true (JSON). Version-1 entries carry no classification and count as unclassified.", suppress_below.saturating_sub(1), suppress_below),
        "resources": [{
            "name": "transparency",
            "path": "transparency.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "missingValues": ["", format!("<{suppress_below}")],
                "primaryKey": ["period", "indicator", "kind", "sector", "area", "outcome"],
                "fields": [
                    {"name": "period", "type": "string", "description": "A year (2026) or a quarter (2026-Q4), by the day of the entries", "constraints": {"required": true, "pattern": "[0-9]{4}(-Q[1-4])?"}},
                    {"name": "indicator", "type": "string", "constraints": {"required": true, "enum": ["reports-received", "follow-ups-received", "receipts-unclassified", "decisions", "acknowledgements-timed", "acknowledged-within-7-days", "status-decisions-timed", "answered-within-3-months", "median-weeks-to-status-decision"]}},
                    {"name": "kind", "type": "string", "description": "The log entry kind", "constraints": {"required": true, "enum": kinds}},
                    {"name": "sector", "type": "string", "constraints": {"required": true, "enum": labels(&sectors)}},
                    {"name": "area", "type": "string", "constraints": {"required": true, "enum": labels(&areas)}},
                    {"name": "outcome", "type": "string", "constraints": {"required": true, "enum": labels(&outcomes)}},
                    {"name": "value", "type": "number", "description": "A count; for median-weeks-to-status-decision, weeks. Missing when suppressed or when too few decisions carry their weeks."}
                ]
            }
        }]
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::{Classification, Facts};

    fn entry(kind: Kind, day: &str, facts: Option<Facts>) -> Entry {
        Entry {
            kind,
            day: day.into(),
            facts,
            commitment: [7; 32],
        }
    }

    #[test]
    fn counts_suppresses_and_takes_the_median() {
        let mut tally = Tally::default();
        for i in 0..6 {
            tally.add(&entry(
                Kind::ReportReceived,
                "2026-01-05",
                Some(Facts::received(Message::Report)),
            ));
            let weeks = [1, 2, 3, 20, 30, 40][i];
            tally.add(&entry(
                Kind::StatusRecognized,
                "2026-05-01",
                Some(Facts::decision(
                    Kind::StatusRecognized,
                    weeks,
                    Classification {
                        sector: Sector::Public,
                        area: Area::Bribery,
                        outcome: None,
                    },
                )),
            ));
        }
        tally.add(&entry(Kind::ReportReceived, "2026-02-01", None));
        tally.add(&entry(Kind::CaseClosed, "2027-01-01", None));
        tally.add_text("not an entry\n");
        let stats = tally.statistics("example.org/log", 15, 5);
        let years = &stats.years;
        assert_eq!(years.len(), 2);
        let y = &years[0].total;
        assert_eq!((y.reports, y.receipts_unclassified), (6, 1));
        assert_eq!(y.answered_within_3_months(), 3);
        assert_eq!(y.median_weeks_tenths(), Some(115));
        assert_eq!(stats.median(y), Cell::Tenths(Some(115)));
        assert_eq!(stats.cell(1), Cell::FewerThan(5));
        assert_eq!(stats.cell(0), Cell::Count(0));
        assert_eq!(tally.unreadable, 1);
        let csv = stats.to_csv();
        assert!(csv.starts_with(CSV_HEADER));
        assert!(csv.contains("2026,median-weeks-to-status-decision,all,all,all,all,11.5\n"));
        assert!(csv.contains("2026,receipts-unclassified,report-received,all,all,all,<5\n"));
        assert!(csv.contains("2027,decisions,case-closed,unclassified,all,all,<5\n"));
        assert!(csv.contains("2026-Q2,decisions,status-recognized,public,all,all,6\n"));
        let json: serde_json::Value = serde_json::from_str(&stats.to_json()).expect("json");
        assert_eq!(json["log_size"], 15);
        let rows = json["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), csv.lines().count() - 1);
        let package: serde_json::Value =
            serde_json::from_str(&datapackage(5)).expect("datapackage");
        assert_eq!(package["resources"][0]["schema"]["missingValues"][1], "<5");
    }

    fn any_entry() -> impl proptest::strategy::Strategy<Value = Entry> {
        use proptest::prelude::*;
        (
            0usize..Kind::ALL.len(),
            0u32..60,
            0usize..3,
            0usize..7,
            0usize..7,
            1u8..13,
            any::<bool>(),
        )
            .prop_map(|(k, weeks, s, a, o, month, v2)| {
                let kind = Kind::ALL[k];
                let facts = if kind == Kind::ReprisalReported {
                    Facts::default()
                } else if kind == Kind::ReportReceived {
                    Facts::received(if weeks % 2 == 0 {
                        Message::Report
                    } else {
                        Message::FollowUp
                    })
                } else {
                    Facts::decision(
                        kind,
                        weeks,
                        Classification {
                            sector: Sector::ALL[s],
                            area: Area::ALL[a],
                            outcome: Some(Outcome::ALL[o]),
                        },
                    )
                };
                entry(kind, &format!("2026-{month:02}-15"), v2.then_some(facts))
            })
    }

    proptest::proptest! {
        /// Whatever the log holds: every row is in both files, no count from 1 to the
        /// threshold minus one is published, and each period's decisions add up.
        #[test]
        fn published_counts_are_consistent(entries in proptest::collection::vec(any_entry(), 0..80), threshold in 1u64..8) {
            let mut tally = Tally::default();
            for e in &entries {
                tally.add_text(&e.to_text());
            }
            proptest::prop_assert_eq!(tally.entries, entries.len() as u64);
            let stats = tally.statistics("o", entries.len() as u64, threshold);
            let csv = stats.to_csv();
            let json: serde_json::Value = serde_json::from_str(&stats.to_json()).expect("json");
            let rows = json["rows"].as_array().expect("rows");
            proptest::prop_assert_eq!(rows.len(), csv.lines().count() - 1);
            for row in rows {
                if row["indicator"] != "median-weeks-to-status-decision"
                    && let Some(n) = row["value"].as_u64()
                {
                    proptest::prop_assert!(n == 0 || n >= threshold, "{row}");
                }
            }
            for year in &stats.years {
                let total: u64 = year.quarters.values().map(|q| q.decisions.values().sum::<u64>()).sum();
                proptest::prop_assert_eq!(total, year.total.decisions.values().sum::<u64>());
            }
        }
    }
}
