//! Days written in words, as most post-mortems written for readers give them: "January 14,
//! 2026", "Jan 14", "November 24th", "28th February", "Saturday Oct 30th", "Date: January 14-19,
//! 2026". A timeline table of "Jan 14, 10:18 AM" rows, or a narrative that opens "At 4:11 AM UTC
//! on November 24th", is read with them; a day written without its year takes the year that puts
//! it nearest a day the post-mortem gives elsewhere (its date, its title, its file's name), so
//! "Jan 1" after "Dec 31, 2025" is in 2026. A month's name counts only capitalised, as English
//! writes it, so "these 5 may fail" is no day.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

/// The pattern of a day written with its month's name, for other patterns to hold (it names no
/// group and is case-sensitive whatever surrounds it): an optional weekday, then the month and
/// the day ("Jan 14th", a range "January 14-19") or the day and the month ("28th of February"),
/// then an optional year.
pub(crate) const WORDED_DAY: &str = r"(?-i:(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s*[-–]\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?|(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?)(?:,?\s+\d{4}\b)?)";

/// The parts of a day [`WORDED_DAY`] found: its month's name, its day (the first of a range)
/// and its year, the only number of four digits in it.
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)").expect("the month pattern is valid")
});
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)?\b").expect("the day pattern is valid"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{4}\b").expect("the year pattern is valid"));

static FOUND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{WORDED_DAY}")).expect("the worded day pattern is valid"));

/// A day as written: its month and day, and its year when it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordedDay {
    month: u32,
    day: u32,
    year: Option<i32>,
}

impl WordedDay {
    /// Reads a day [`WORDED_DAY`] matched (the first day of a range).
    pub(crate) fn read(written: &str) -> Option<WordedDay> {
        let month_name = MONTH.find(written)?.as_str();
        let month = MONTHS.iter().position(|&name| name == month_name)? as u32 + 1;
        let day = DAY.captures(written)?[1].parse().ok()?;
        let year = YEAR.find(written).and_then(|year| year.as_str().parse().ok());
        // A day the month does not have is no day ("February 30").
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some(WordedDay { month, day, year })
    }

    /// A day written in figures without its year (Teams' `[11/20 10:42 AM]`).
    pub(crate) fn without_year(month: u32, day: u32) -> Option<WordedDay> {
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(WordedDay { month, day, year: None })
    }

    /// The day, when its year is written.
    pub(super) fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// The day in its written year, else in the year that puts it nearest `near` (none without
    /// one).
    pub(crate) fn near(&self, near: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.year.is_some() {
            return self.date();
        }
        let near = near?;
        (near.year() - 1..=near.year() + 1)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, self.month, self.day))
            .min_by_key(|day| (*day - near).num_days().abs())
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The first day written in words in `text`, with where it is written.
pub(super) fn first_in(text: &str) -> Option<(WordedDay, Range<usize>)> {
    FOUND.find_iter(text).find_map(|found| WordedDay::read(found.as_str()).map(|day| (day, found.range())))
}

/// The first day written in words with its year in `text` ("Post-mortem of the attack on
/// November 24th, 2025").
pub(super) fn dated_in(text: &str) -> Option<NaiveDate> {
    FOUND.find_iter(text).find_map(|found| WordedDay::read(found.as_str())?.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn days_written_in_words_are_read_month_or_day_first_with_or_without_a_year() {
        let read = |text: &str| first_in(text).map(|(found, _)| found);
        let worded = |month, day, year| Some(WordedDay { month, day, year });
        assert_eq!(read("Jan 14, 10:18 AM"), worded(1, 14, None));
        assert_eq!(read("At 4:11 AM UTC on November 24th, a number of"), worded(11, 24, None));
        assert_eq!(read("On 28th February, flags went down"), worded(2, 28, None));
        assert_eq!(read("**Date:** January 14-19, 2026"), worded(1, 14, Some(2026)));
        assert_eq!(read("Saturday Oct 30th 2021: alarms"), worded(10, 30, Some(2021)));
        assert_eq!(read("the 3rd of March 2024"), worded(3, 3, Some(2024)));
        assert_eq!(read("Sept. 9, 2023"), worded(9, 9, Some(2023)));
        assert_eq!(read("these 5 may fail, and 10 march on"), None, "lower-case words are no months");
        assert_eq!(read("February 30"), None, "a day the month does not have");
        assert_eq!(read("Mayday at 10:00"), None);
        assert_eq!(dated_in("Post-mortem of Shai-Hulud attack on November 24th, 2025"), Some(day(2025, 11, 24)));
        assert_eq!(dated_in("Flags down on November 24th"), None, "no year");
    }

    #[test]
    fn a_day_without_its_year_takes_the_year_nearest_the_day_given_elsewhere() {
        let january = WordedDay { month: 1, day: 1, year: None };
        assert_eq!(january.near(Some(day(2025, 12, 31))), Some(day(2026, 1, 1)));
        assert_eq!(january.near(Some(day(2026, 1, 19))), Some(day(2026, 1, 1)));
        assert_eq!(january.near(None), None, "no year to take");
        let leap = WordedDay { month: 2, day: 29, year: None };
        assert_eq!(leap.near(Some(day(2025, 3, 1))), Some(day(2024, 2, 29)), "the nearest year that has the day");
        let written = WordedDay { month: 3, day: 2, year: Some(2019) };
        assert_eq!(written.near(Some(day(2025, 3, 1))), Some(day(2019, 3, 2)), "a written year stands");
        assert_eq!(written.near(None), Some(day(2019, 3, 2)), "with nothing else to go by");
    }
}
