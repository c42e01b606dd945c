//! Reading the times responders type and showing times so they cannot be
//! misread: always with the date and the UTC offset, because incidents cross
//! midnight, time zones and daylight-saving changes.

use std::str::FromStr;

use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, SubsecRound, TimeZone,
    Utc,
};

pub use crate::model::rfc3339;
use crate::{Error, Result};

/// A bare time of day may fall on yesterday, today or tomorrow: the one nearest to now wins.
const DAYS_CONSIDERED_FOR_BARE_TIMES: [i64; 3] = [-1, 0, 1];

/// Reads a time as a responder types it, relative to `now` in `now`'s zone:
///
/// * RFC 3339 (`2026-11-23T14:05:00+01:00`, `...Z`), also with a space for the `T`, or as
///   [`display`] shows it (`2026-11-23 14:05:00 +01:00`);
/// * a date and time without offset (`2026-11-23 14:05`), in the local zone;
/// * a time of day (`14:05`, `14:05:30`), on whichever of yesterday, today or tomorrow
///   puts it nearest to now, so `23:55` typed just after midnight means last night;
/// * `now`, or an offset from now: `-5m`, `-1h`, `-1h30m`, `-90s`, `+10m`.
pub fn parse_time<Tz: TimeZone>(input: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>> {
    let text = input.trim();
    let fail = |reason: &str| Error::Time { input: input.to_string(), reason: reason.to_string() };
    if text.is_empty() {
        return Err(fail("it is empty"));
    }
    // People count to the second; a relative time keeps no sub-seconds from the clock.
    let now = &now.clone().trunc_subsecs(0);
    if text.eq_ignore_ascii_case("now") {
        return Ok(now.fixed_offset());
    }
    if let Some(sign) = text.chars().next().filter(|c| *c == '-' || *c == '+') {
        let amount =
            parse_relative(&text[1..]).ok_or_else(|| fail("a relative time looks like -5m, -1h30m or +90s"))?;
        let shifted =
            if sign == '-' { now.clone().checked_sub_signed(amount) } else { now.clone().checked_add_signed(amount) };
        return shifted.map(|time| time.fixed_offset()).ok_or_else(|| fail("that is beyond the calendar"));
    }
    let with_t = text.replacen(' ', "T", 1);
    if let Ok(exact) = DateTime::parse_from_rfc3339(&with_t) {
        return Ok(exact);
    }
    // What `display` shows reads back as the same instant and offset.
    if let Ok(shown) = DateTime::parse_from_str(text, DISPLAY_FORMAT) {
        return Ok(shown);
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(&with_t, format) {
            return in_zone(&now.timezone(), naive).map_err(|reason| fail(&reason));
        }
    }
    for format in ["%H:%M:%S", "%H:%M"] {
        if let Ok(time_of_day) = NaiveTime::parse_from_str(text, format) {
            return nearest_day(time_of_day, now).map_err(|reason| fail(&reason));
        }
    }
    Err(fail(
        "use RFC 3339 (2026-11-23T14:05:00+01:00), a date and time (2026-11-23 14:05), a time of day (14:05) or a relative time (-5m)",
    ))
}

/// Reads a due date as people type it: `2026-12-15`, or `+10d` / `+2w` from `today`.
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    let fail =
        || Error::invalid("due date", format!("`{input}` is not a date such as 2026-12-15, or +10d / +2w from today"));
    let text = input.trim();
    if let Some(relative) = text.strip_prefix('+') {
        let (number, unit) = relative.split_at(relative.len().saturating_sub(1));
        let number: u64 = number.parse().map_err(|_| fail())?;
        let days = match unit {
            "d" => number,
            "w" => number.checked_mul(7).ok_or_else(fail)?,
            _ => return Err(fail()),
        };
        return today.checked_add_days(chrono::Days::new(days)).ok_or_else(fail);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| fail())
}

fn parse_relative(text: &str) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut digits = String::new();
    let mut saw_unit = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let amount: i64 = digits.parse().ok()?;
        digits.clear();
        let part = match c {
            'd' => Duration::try_days(amount)?,
            'h' => Duration::try_hours(amount)?,
            'm' => Duration::try_minutes(amount)?,
            's' => Duration::try_seconds(amount)?,
            _ => return None,
        };
        total = total.checked_add(&part)?;
        saw_unit = true;
    }
    (saw_unit && digits.is_empty()).then_some(total)
}

fn in_zone<Tz: TimeZone>(zone: &Tz, naive: NaiveDateTime) -> std::result::Result<DateTime<FixedOffset>, String> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(time) => Ok(time.fixed_offset()),
        LocalResult::Ambiguous(first, second) => Err(format!(
            "{naive} happens twice in the local zone (clocks went back); say which with an offset, \
             {} or {}",
            rfc3339_string(&first.fixed_offset()),
            rfc3339_string(&second.fixed_offset())
        )),
        LocalResult::None => Err(format!(
            "{naive} does not exist in the local zone (clocks went forward); give the time with its UTC offset"
        )),
    }
}

fn nearest_day<Tz: TimeZone>(
    time_of_day: NaiveTime,
    now: &DateTime<Tz>,
) -> std::result::Result<DateTime<FixedOffset>, String> {
    // Choose the day on the wall clock first, so a time that does not exist today
    // is reported rather than quietly moved to another day.
    let wall_clock_now = now.naive_local();
    let today: NaiveDate = wall_clock_now.date();
    let day = DAYS_CONSIDERED_FOR_BARE_TIMES
        .into_iter()
        .filter_map(|shift| today.checked_add_signed(Duration::days(shift)))
        .min_by_key(|day| (day.and_time(time_of_day) - wall_clock_now).abs())
        .unwrap_or(today);
    in_zone(&now.timezone(), day.and_time(time_of_day))
}

/// How times are shown, and read back by [`parse_time`].
const DISPLAY_FORMAT: &str = "%Y-%m-%d %H:%M:%S %:z";

/// `2026-11-23 14:05:30 +01:00`: the date, the time and the offset, never a bare time.
pub fn display(time: &DateTime<FixedOffset>) -> String {
    time.format(DISPLAY_FORMAT).to_string()
}

/// RFC 3339 with the original offset and whole seconds unless a fraction was recorded.
pub fn rfc3339_string(time: &DateTime<FixedOffset>) -> String {
    rfc3339::to_string(time)
}

/// A duration as a responder reads it: `45s`, `12m`, `1h 05m`, `2d 3h`.
pub fn display_duration(duration: Duration) -> String {
    let whole_seconds = duration.num_seconds();
    let sign = if whole_seconds < 0 { "-" } else { "" };
    let seconds = whole_seconds.unsigned_abs();
    let (days, hours, minutes, secs) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60);
    let body = match (days, hours, minutes) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, _) => format!("{minutes}m"),
        (0, _, _) => format!("{hours}h {minutes:02}m"),
        _ => format!("{days}d {hours}h"),
    };
    format!("{sign}{body}")
}

/// A time zone for times a source gives without an offset: an IANA zone, a fixed offset, or the machine's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Named(chrono_tz::Tz),
    Fixed(FixedOffset),
}

impl FromStr for Zone {
    type Err = Error;

    /// `Europe/Berlin`, `UTC`, `+01:00`, `-0500`, `Z` or `local`.
    fn from_str(input: &str) -> Result<Zone> {
        let text = input.trim();
        if text.eq_ignore_ascii_case("local") {
            return Ok(Zone::Local);
        }
        if text.eq_ignore_ascii_case("z") {
            return Ok(Zone::Fixed(Utc.fix()));
        }
        if let Some(offset) = parse_offset(text) {
            return Ok(Zone::Fixed(offset));
        }
        text.parse::<chrono_tz::Tz>().map(Zone::Named).map_err(|_| {
            Error::invalid(
                "zone",
                format!("`{input}` is neither an IANA zone such as Europe/Berlin nor an offset such as +01:00"),
            )
        })
    }
}

impl Zone {
    /// An instant as the zone's wall clock shows it, with the zone's offset at that instant.
    pub fn from_utc(&self, instant: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Zone::Local => instant.with_timezone(&chrono::Local).fixed_offset(),
            Zone::Named(zone) => instant.with_timezone(zone).fixed_offset(),
            Zone::Fixed(offset) => instant.with_timezone(offset),
        }
    }

    /// A wall-clock time in the zone: one instant, two (clocks went back), or none (clocks went forward).
    pub fn from_local(&self, naive: NaiveDateTime) -> LocalResult<DateTime<FixedOffset>> {
        match self {
            Zone::Local => chrono::Local.from_local_datetime(&naive).map(|time| time.fixed_offset()),
            Zone::Named(zone) => zone.from_local_datetime(&naive).map(|time| time.fixed_offset()),
            Zone::Fixed(offset) => offset.from_local_datetime(&naive),
        }
    }
}

/// `+01:00`, `+0100`, `-05`, `UTC`, `GMT`.
pub(crate) fn parse_offset(text: &str) -> Option<FixedOffset> {
    if text.eq_ignore_ascii_case("utc") || text.eq_ignore_ascii_case("gmt") {
        return Some(Utc.fix());
    }
    let sign = match text.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let rest = &text[1..];
    if !rest.is_ascii() {
        return None;
    }
    let (hours, minutes) = match (rest.len(), rest.split_once(':')) {
        (5, Some((hours, minutes))) => (hours, minutes),
        (2, None) => (rest, "00"),
        (4, None) => rest.split_at(2),
        _ => return None,
    };
    if !(hours.len() == 2 && minutes.len() == 2 && (hours.bytes().chain(minutes.bytes())).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if minutes >= 60 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    fn berlin(text: &str) -> DateTime<chrono_tz::Tz> {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
        Berlin.from_local_datetime(&naive).single().unwrap()
    }

    fn parsed(input: &str, now: &str) -> String {
        rfc3339_string(&parse_time(input, &berlin(now)).unwrap())
    }

    #[test]
    fn rfc3339_keeps_its_own_offset() {
        assert_eq!(parsed("2026-11-23T14:05:00-05:00", "2026-11-23 10:00:00"), "2026-11-23T14:05:00-05:00");
        assert_eq!(parsed("2026-11-23 14:05:00Z", "2026-11-23 10:00:00"), "2026-11-23T14:05:00+00:00");
    }

    #[test]
    fn date_and_time_without_offset_is_local() {
        assert_eq!(parsed("2026-07-01 09:30", "2026-11-23 10:00:00"), "2026-07-01T09:30:00+02:00");
        assert_eq!(parsed("2026-11-23T09:30:15", "2026-11-23 10:00:00"), "2026-11-23T09:30:15+01:00");
    }

    #[test]
    fn bare_time_is_today_when_that_is_nearest() {
        assert_eq!(parsed("14:05", "2026-11-23 15:00:00"), "2026-11-23T14:05:00+01:00");
        assert_eq!(parsed("14:05:30", "2026-11-23 15:00:00"), "2026-11-23T14:05:30+01:00");
        // A scheduled start later today stays today.
        assert_eq!(parsed("22:00", "2026-11-23 14:00:00"), "2026-11-23T22:00:00+01:00");
    }

    #[test]
    fn bare_time_across_midnight_means_last_night() {
        assert_eq!(parsed("23:55", "2026-11-24 00:10:00"), "2026-11-23T23:55:00+01:00");
        assert_eq!(parsed("00:05", "2026-11-23 23:50:00"), "2026-11-24T00:05:00+01:00");
    }

    #[test]
    fn relative_times_count_back_from_now() {
        assert_eq!(parsed("-5m", "2026-11-23 15:00:00"), "2026-11-23T14:55:00+01:00");
        assert_eq!(parsed("-1h30m", "2026-11-23 15:00:00"), "2026-11-23T13:30:00+01:00");
        assert_eq!(parsed("+90s", "2026-11-23 15:00:00"), "2026-11-23T15:01:30+01:00");
        assert_eq!(parsed("now", "2026-11-23 15:00:00"), "2026-11-23T15:00:00+01:00");
    }

    #[test]
    fn relative_time_across_a_dst_change_keeps_the_instant() {
        // Clocks went back at 03:00 CEST on 2026-10-25.
        assert_eq!(parsed("-2h", "2026-10-25 03:30:00"), "2026-10-25T02:30:00+02:00");
    }

    #[test]
    fn ambiguous_local_time_asks_for_an_offset() {
        let error = parse_time("2026-10-25 02:30", &berlin("2026-10-25 12:00:00")).unwrap_err().to_string();
        assert!(error.contains("happens twice"), "{error}");
        assert!(error.contains("+02:00") && error.contains("+01:00"), "{error}");
    }

    #[test]
    fn skipped_local_time_is_refused() {
        let error = parse_time("02:30", &berlin("2026-03-29 09:00:00")).unwrap_err().to_string();
        assert!(error.contains("does not exist"), "{error}");
    }

    #[test]
    fn nonsense_is_refused_with_the_accepted_forms() {
        for input in ["", "soon", "25:00", "-5x", "-m", "2026-13-01 10:00", "-99999999999999d"] {
            let error = parse_time(input, &berlin("2026-11-23 15:00:00"));
            assert!(error.is_err(), "{input:?} should be refused");
        }
    }

    /// Found by fuzzing: a relative time of nearly a billion days overflowed the calendar.
    #[test]
    fn regression_relative_time_beyond_the_calendar_is_refused_not_a_panic() {
        let error = parse_time("-933333333d0m3h0m3333d", &berlin("2026-11-23 15:00:00")).unwrap_err().to_string();
        assert!(error.contains("beyond the calendar"), "{error}");
        assert!(parse_time("+262000y", &berlin("2026-11-23 15:00:00")).is_err());
    }

    #[test]
    fn display_always_has_date_and_offset() {
        let time = DateTime::parse_from_rfc3339("2026-11-23T14:05:30+01:00").unwrap();
        assert_eq!(display(&time), "2026-11-23 14:05:30 +01:00");
    }

    #[test]
    fn displayed_times_read_back_with_their_own_offset() {
        assert_eq!(parsed("2026-11-23 14:05:30 -05:00", "2026-11-23 10:00:00"), "2026-11-23T14:05:30-05:00");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(display_duration(Duration::seconds(45)), "45s");
        assert_eq!(display_duration(Duration::minutes(12)), "12m");
        assert_eq!(display_duration(Duration::minutes(65)), "1h 05m");
        assert_eq!(display_duration(Duration::hours(51)), "2d 3h");
        assert_eq!(display_duration(Duration::minutes(-5)), "-5m");
        assert_eq!(display_duration(Duration::milliseconds(-300)), "0s");
    }

    #[test]
    fn due_dates_are_dates_or_days_and_weeks_from_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let due = |input: &str| parse_due(input, today).map(|date| date.to_string());
        assert_eq!(due("2026-12-15").unwrap(), "2026-12-15");
        assert_eq!(due(" 2026-12-15 ").unwrap(), "2026-12-15");
        assert_eq!(due("+10d").unwrap(), "2026-12-03");
        assert_eq!(due("+2w").unwrap(), "2026-12-07");
        for wrong in ["+2", "+w", "+2m", "tomorrow", "2026-13-01", "+99999999999999999999d"] {
            let error = due(wrong).unwrap_err();
            assert!(error.to_string().contains("is not a date such as 2026-12-15"), "{wrong}: {error}");
        }
        let far = parse_due(&format!("+{}w", u64::MAX / 2), today);
        assert!(far.is_err(), "beyond the calendar is an error, not a panic");
    }

    #[test]
    fn zones_are_names_offsets_or_local() {
        assert_eq!("Europe/Berlin".parse::<Zone>().unwrap(), Zone::Named(Berlin));
        assert_eq!("+01:00".parse::<Zone>().unwrap(), Zone::Fixed(FixedOffset::east_opt(3600).unwrap()));
        assert_eq!("-0530".parse::<Zone>().unwrap(), Zone::Fixed(FixedOffset::west_opt(5 * 3600 + 1800).unwrap()));
        assert_eq!("UTC".parse::<Zone>().unwrap(), Zone::Fixed(Utc.fix()));
        assert_eq!("local".parse::<Zone>().unwrap(), Zone::Local);
        for bad in ["Mars/Olympus", "+25:00", "+1:3", "1000", "", "+aé1"] {
            assert!(bad.parse::<Zone>().is_err(), "{bad:?}");
        }
    }
}
