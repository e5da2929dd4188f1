//! Địa danh và thời gian ban hành: "Hà Nội, ngày 05 tháng 01 năm 2020".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::System;

/// The date of issue; day and month may be left blank in a draft for the văn thư to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IssueDate {
    /// Ngày (1–31), blank in a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// Tháng (1–12), blank in a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Năm.
    pub year: i32,
}

/// Why a date cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Month outside 1–12.
    #[error("tháng {0} không hợp lệ (phải từ 1 đến 12)")]
    Month(u8),
    /// Day outside the month.
    #[error("ngày {day} tháng {month} năm {year} không tồn tại")]
    Day {
        /// The day given.
        day: u8,
        /// The month given.
        month: u8,
        /// The year given.
        year: i32,
    },
    /// Day outside 1–31 with the month blank.
    #[error("ngày {0} không hợp lệ (phải từ 1 đến 31)")]
    DayRange(u8),
}

impl IssueDate {
    /// A complete date.
    pub fn from_naive(d: NaiveDate) -> Self {
        Self {
            day: Some(d.day() as u8),
            month: Some(d.month() as u8),
            year: d.year(),
        }
    }

    /// The complete date, if day and month are both filled in.
    pub fn to_naive(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.month?), u32::from(self.day?))
    }

    /// Checks that the filled-in parts form a real date (chrono decides).
    pub fn validate(self) -> Result<(), DateError> {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
        }
        match (self.day, self.month) {
            (Some(d), Some(m)) if self.to_naive().is_none() => Err(DateError::Day {
                day: d,
                month: m,
                year: self.year,
            }),
            (Some(d), None) if !(1..=31).contains(&d) => Err(DateError::DayRange(d)),
            _ => Ok(()),
        }
    }

    /// "ngày 05 tháng 02 năm 2024": days below 10 and months 1 and 2 take a leading zero
    /// (Phụ lục I, mục II.4); a blank part leaves room to write it by hand.
    pub fn phrase(self) -> String {
        let day = self
            .day
            .map_or_else(|| BLANK.to_string(), |d| format!("{d:02}"));
        let month = self.month.map_or_else(
            || BLANK.to_string(),
            |m| {
                if m <= 2 {
                    format!("{m:02}")
                } else {
                    m.to_string()
                }
            },
        );
        format!("ngày {day} tháng {month} năm {}", self.year)
    }
}

/// What stands for a blank day or month in a draft: room to write by hand.
pub const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

/// Địa danh và thời gian as one element.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlaceDate {
    /// Địa danh, e.g. "Bắc Kạn", "Thành phố Hồ Chí Minh".
    pub place: String,
    /// Thời gian ban hành.
    pub date: IssueDate,
}

impl PlaceDate {
    /// The line as printed: "Bắc Kạn, ngày 05 tháng 02 năm 2024".
    /// The same form serves state and Party documents (spec §1.4 row 4, §3.1).
    pub fn render(&self, _system: System) -> String {
        format!("{}, {}", self.place.trim(), self.date.phrase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: Option<u8>, month: Option<u8>, year: i32) -> IssueDate {
        IssueDate { day, month, year }
    }

    #[test]
    fn leading_zeros_for_small_days_and_the_first_two_months() {
        assert_eq!(
            d(Some(5), Some(1), 2020).phrase(),
            "ngày 05 tháng 01 năm 2020"
        );
        assert_eq!(
            d(Some(29), Some(6), 2019).phrase(),
            "ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            d(Some(12), Some(2), 2024).phrase(),
            "ngày 12 tháng 02 năm 2024"
        );
        assert_eq!(
            d(Some(9), Some(12), 2024).phrase(),
            "ngày 09 tháng 12 năm 2024"
        );
        assert_eq!(
            d(Some(10), Some(3), 2024).phrase(),
            "ngày 10 tháng 3 năm 2024"
        );
    }

    #[test]
    fn blanks_leave_room_to_write() {
        let p = d(None, Some(2), 2024).phrase();
        assert_eq!(p, format!("ngày {BLANK} tháng 02 năm 2024"));
        let p = d(None, None, 2024).phrase();
        assert_eq!(p, format!("ngày {BLANK} tháng {BLANK} năm 2024"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(d(Some(30), Some(2), 2024).validate().is_err());
        assert!(d(Some(29), Some(2), 2024).validate().is_ok());
        assert!(d(Some(29), Some(2), 2023).validate().is_err());
        assert!(d(None, Some(13), 2023).validate().is_err());
        assert!(d(Some(32), None, 2023).validate().is_err());
    }

    #[test]
    fn place_and_date_line() {
        let pd = PlaceDate {
            place: "Xuân Lộc".into(),
            date: d(Some(12), Some(7), 2023),
        };
        assert_eq!(
            pd.render(System::State),
            "Xuân Lộc, ngày 12 tháng 7 năm 2023"
        );
    }
}
