//! Days and the legal clocks of a case. [`Day`] is the log's (an entry carries one); the
//! clocks are the body's duties counted from it.

pub use candor_log::day::Day;

/// Acknowledgement of a report is due within this many days (EU Directive 2019/1937, Art. 9).
pub const ACKNOWLEDGE_WITHIN_DAYS: i64 = 7;
/// The body answers a report of reprisal within this many days (the workstation's clock;
/// Candor's choice: the acknowledgement's, since reprisal does not wait).
pub const REPRISAL_ANSWER_WITHIN_DAYS: i64 = 7;
/// Feedback is due within this many months (Art. 9 and 11; up to 6 where justified).
pub const FEEDBACK_WITHIN_MONTHS: i64 = 3;

/// The legal clocks of a case, counted from the day of the first report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clocks {
    pub received: Day,
    pub acknowledge_by: Day,
    pub feedback_by: Day,
}

impl Clocks {
    pub fn new(received: Day, feedback_months: u8) -> Clocks {
        Clocks {
            received,
            acknowledge_by: received.plus_days(ACKNOWLEDGE_WITHIN_DAYS),
            feedback_by: received.plus_months(i64::from(feedback_months)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks() {
        let d: Day = "2026-11-30".parse().expect("day");
        let c = Clocks::new(d, 3);
        assert_eq!(c.acknowledge_by.to_string(), "2026-12-07");
        assert_eq!(c.feedback_by.to_string(), "2027-02-28");
        assert_eq!(Clocks::new(d, 6).feedback_by.to_string(), "2027-05-30");
    }
}
