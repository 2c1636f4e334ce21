//! Calendar days: the only time resolution Candor stores for anything a reporter does, and
//! the day an entry of the log carries.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::tz::TimeZone;

/// A calendar day in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// Today, in UTC.
    pub fn today() -> Day {
        Day(jiff::Timestamp::now()
            .to_zoned_datetime(TimeZone::UTC)
            .date())
    }

    pub fn from_ymd(year: i16, month: i8, day: i8) -> Option<Day> {
        Date::new(year, month, day).ok().map(Day)
    }

    pub fn plus_days(self, days: i64) -> Day {
        Day(self
            .0
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(self.0))
    }

    /// Adds calendar months; a day past the end of the month becomes its last day.
    pub fn plus_months(self, months: i64) -> Day {
        Day(self
            .0
            .checked_add(jiff::Span::new().months(months))
            .unwrap_or(self.0))
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        self.0
            .until(other.0)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.strftime("%Y-%m-%d"))
    }
}

impl FromStr for Day {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 10 {
            return Err("expected a day as YYYY-MM-DD");
        }
        s.parse::<Date>()
            .map(Day)
            .map_err(|_| "expected a day as YYYY-MM-DD")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let d: Day = "2026-11-30".parse().expect("day");
        assert_eq!(d.plus_days(7).to_string(), "2026-12-07");
        assert_eq!(d.plus_months(3).to_string(), "2027-02-28");
        assert_eq!(d.days_until(d.plus_days(7)), 7);
        assert_eq!(d.plus_days(7).days_until(d), -7);
        assert!("2026-13-01".parse::<Day>().is_err());
        assert!("2026-1-01".parse::<Day>().is_err());
    }
}
