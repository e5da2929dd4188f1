//! Exact integer units of WordprocessingML: twips for lengths, half-points for font sizes.
//! Rules compare integers, never floats.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A length in twips (1/20 pt, 1/1440 inch), the unit DOCX stores for margins and indents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(transparent)]
pub struct Twips(pub i32);

impl Twips {
    /// Converts millimetres to twips, rounding to the nearest twip (30 mm = 1701).
    pub const fn from_mm(mm: u32) -> Self {
        Self(((mm as i64 * 14_400 + 127) / 254) as i32)
    }

    /// This length in millimetres, for messages and the preview.
    pub fn as_mm(self) -> f64 {
        f64::from(self.0) * 25.4 / 1440.0
    }

    /// This length in points.
    pub fn as_pt(self) -> f64 {
        f64::from(self.0) / 20.0
    }
}

impl fmt::Display for Twips {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mm = self.as_mm();
        if (mm - mm.round()).abs() < 0.05 {
            write!(f, "{} mm", mm.round())
        } else {
            write!(f, "{mm:.1} mm")
        }
    }
}

/// A font size in half-points, the unit of `w:sz` (28 = 14 pt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(transparent)]
pub struct HalfPoints(pub u16);

impl HalfPoints {
    /// A whole number of points.
    pub const fn pt(points: u16) -> Self {
        Self(points * 2)
    }

    /// The size in points.
    pub fn as_pt(self) -> f32 {
        f32::from(self.0) / 2.0
    }
}

impl fmt::Display for HalfPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 % 2 == 0 {
            write!(f, "{} pt", self.0 / 2)
        } else {
            write!(f, "{}.5 pt", self.0 / 2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_round_to_the_nearest_twip() {
        assert_eq!(Twips::from_mm(30), Twips(1701));
        assert_eq!(Twips::from_mm(20), Twips(1134));
        assert_eq!(Twips::from_mm(15), Twips(850));
        assert_eq!(Twips::from_mm(25), Twips(1417));
        assert_eq!(Twips::from_mm(35), Twips(1984));
    }

    #[test]
    fn display_is_for_people() {
        assert_eq!(Twips(1701).to_string(), "30 mm");
        assert_eq!(Twips(1000).to_string(), "17.6 mm");
        assert_eq!(HalfPoints(27).to_string(), "13.5 pt");
        assert_eq!(HalfPoints::pt(14).to_string(), "14 pt");
    }
}
