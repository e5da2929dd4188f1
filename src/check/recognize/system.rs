//! System pass (hệ thể thức): state, Party or joint (liên tịch) from the national title,
//! the số's form and the issuing bodies; a header of one system over a body of the other
//! mixes the two.

use super::Reading;
use crate::check::rules::parse_number;
use crate::check::view::{Detected, Para};
use crate::model::System;

/// Words that name a Party body in an issuer line.
const PARTY_BODIES: [&str; 9] = [
    "ĐẢNG",
    "TỈNH ỦY",
    "HUYỆN ỦY",
    "THÀNH ỦY",
    "QUẬN ỦY",
    "THỊ ỦY",
    "BAN DÂN VẬN",
    "BAN TUYÊN GIÁO",
    "CHI BỘ",
];

/// Words that name a state body in an issuer line (when the line names no Party body).
const STATE_BODIES: [&str; 5] = [
    "ỦY BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG NHÂN DÂN",
    "HĐND",
    "BỘ ",
];

/// How many issuing bodies the issuer lines name: a name set on two lines ("ỦY BAN NHÂN DÂN"
/// / "TỈNH LÂM ĐỒNG") is one body; lines in different header cells, or set apart by another
/// line (the superior of the second body), are two.
fn issuer_groups(paras: &[Para], lines: &[usize]) -> usize {
    lines
        .iter()
        .enumerate()
        .filter(|&(k, &i)| {
            k == 0 || {
                let prev = lines[k - 1];
                let between_blank = (prev + 1..i).all(|j| paras[j].is_blank());
                !between_blank || paras[prev].cell != paras[i].cell
            }
        })
        .count()
}

/// The system a document's header shows.
pub(super) struct SystemReading {
    /// Which header: state, Party, joint or neither.
    pub detected: Detected,
    /// The system whose rules judge the document.
    pub system: Option<System>,
    /// A header of one system over a body of the other.
    pub mixed: bool,
}

/// Decides the system from what the other passes found.
pub(super) fn system(r: &Reading<'_>) -> SystemReading {
    let paras = r.paras;
    let keys = &r.keys;
    let parts = &r.parts;
    // System.
    let qh = parts.quoc_hieu.is_some();
    let dang = parts.dang.is_some();
    let number = parts.so_ky_hieu.and_then(|i| parse_number(&paras[i].text));
    let mut detected = match (qh, dang) {
        (true, true) => Detected::Joint,
        (true, false) => Detected::State,
        (false, true) => Detected::Party,
        (false, false) => Detected::Unknown,
    };
    let system = match detected {
        Detected::State => Some(System::State),
        Detected::Party => Some(System::Party),
        _ => number.as_ref().map(|nl| {
            if nl.colon || nl.sep == '/' {
                System::State
            } else {
                System::Party
            }
        }),
    };
    // A header of one system whose issuing bodies belong to the other (a state header over
    // a Ban Dân vận, a Party header over an Ủy ban nhân dân) mixes systems as well.
    let bodies_of = |party: bool| {
        parts.ban_hanh.iter().chain(&parts.chu_quan).any(|&i| {
            let k = &keys[i];
            if party {
                PARTY_BODIES.iter().any(|w| k.contains(w))
            } else {
                // "CHI BỘ SINH VIÊN" holds "BỘ " but names a Party body.
                !PARTY_BODIES.iter().any(|w| k.contains(w))
                    && STATE_BODIES.iter().any(|w| k.contains(w))
            }
        })
    };
    let mixed = (qh && (dang || bodies_of(true))) || (dang && bodies_of(false));
    let joint_symbol = number.as_ref().is_some_and(|nl| match nl.sep {
        '/' => nl.symbol.split('-').count() >= 3,
        // "415-KH/BDVTU-BCSĐUBND": a type abbreviation, then two bodies.
        _ => {
            let mut halves = nl.symbol.split('/');
            halves
                .next()
                .is_some_and(|t| t.chars().all(char::is_alphabetic) && !t.is_empty())
                && halves.next().is_some_and(|a| a.contains('-'))
        }
    });
    // A typed document's ký hiệu of three groups is its type and two bodies ("TTLT-BGDĐT-
    // BTTTT"). A công văn's is read so only under a header naming two issuing bodies: its
    // drafting unit may hold a hyphen ("SGDĐT-HSSV-KHCN"). Two signature blocks likewise: a
    // contract, an application or a report with "người lập biểu" has two signatures and one
    // issuer.
    let two_issuers = issuer_groups(paras, &parts.ban_hanh) >= 2;
    let joint_symbol = joint_symbol && (parts.ten_loai.is_some() || two_issuers);
    let joint_signers = parts.chu_ky.len() >= 2 && two_issuers;
    if detected != Detected::Unknown && (joint_symbol || joint_signers) {
        detected = Detected::Joint;
    }

    SystemReading {
        detected,
        system,
        mixed,
    }
}
