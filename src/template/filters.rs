//! Domain filters for templates: `ngay_thang` (date phrase), `hoa` (upper case with
//! diacritics), `thuong_dau` (first letter lower case, the rest as typed: a title inside a
//! sentence), `so_ky_hieu` (number and symbol), `la_ma` (Roman numeral).

use tera::{Kwargs, State, Tera, TeraResult};

use crate::model::{roman, text, IssueDate};

/// Registers the domain filters on a Tera instance.
pub fn register(tera: &mut Tera) {
    tera.register_filter("ngay_thang", |v: &str, _: Kwargs, _: &State| ngay_thang(v));
    tera.register_filter("hoa", |v: &str, _: Kwargs, _: &State| text::upper(v));
    tera.register_filter("thuong_dau", |v: &str, _: Kwargs, _: &State| thuong_dau(v));
    tera.register_filter("la_ma", |v: i64, _: Kwargs, _: &State| {
        roman(v.clamp(1, 3999) as u32)
    });
    tera.register_filter("so_ky_hieu", |v: i64, kwargs: Kwargs, _: &State| {
        so_ky_hieu(v, &kwargs)
    });
}

/// "Làm việc của Ủy ban" → "làm việc của Ủy ban": a title set inside a sentence ("Ban hành
/// kèm theo Quyết định này Quy chế làm việc của …"); proper names later in it keep their case.
pub fn thuong_dau(v: &str) -> String {
    let v = v.trim_start();
    let mut chars = v.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "2024-02-05" → "ngày 05 tháng 02 năm 2024"; "2024-02" or "2024" leave blanks to fill by hand.
pub fn ngay_thang(iso: &str) -> TeraResult<String> {
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let bad = || {
        tera::Error::message(format!(
            "ngày \"{iso}\" không đúng dạng năm-tháng-ngày (2024-02-05)"
        ))
    };
    let year = parts.first().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    let month = match parts.get(1) {
        Some(m) => Some(m.parse::<u8>().map_err(|_| bad())?),
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) => Some(d.parse::<u8>().map_err(|_| bad())?),
        None => None,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    let date = IssueDate { day, month, year };
    date.validate()
        .map_err(|e| tera::Error::message(e.to_string()))?;
    Ok(date.phrase())
}

/// `{{ 3 | so_ky_hieu(loai="KH", co_quan="UBND") }}` → "03/KH-UBND";
/// with `he="party"` → "03-KH/UBND".
fn so_ky_hieu(n: i64, kwargs: &Kwargs) -> TeraResult<String> {
    let loai: String = kwargs.must_get::<&str>("loai")?.to_string();
    let co_quan: String = kwargs.must_get::<&str>("co_quan")?.to_string();
    let he: Option<&str> = kwargs.get("he")?;
    let number = format!("{n:02}");
    Ok(match he {
        Some("party") => format!("{number}-{loai}/{co_quan}"),
        _ if loai.is_empty() => format!("{number}/{co_quan}"),
        _ => format!("{number}/{loai}-{co_quan}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(src: &str) -> String {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::<&str>::new());
        register(&mut tera);
        tera.add_raw_template("t", src).unwrap();
        tera.render("t", &Context::new()).unwrap()
    }

    #[test]
    fn date_phrase_filter() {
        assert_eq!(
            render(r#"{{ "2024-02-05" | ngay_thang }}"#),
            "ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(
            render(r#"{{ "2023-07-12" | ngay_thang }}"#),
            "ngày 12 tháng 7 năm 2023"
        );
        assert!(render(r#"{{ "2024-02" | ngay_thang }}"#).starts_with("ngày \u{a0}"));
        assert!(ngay_thang("2024-02-30").is_err());
        assert!(ngay_thang("hôm nay").is_err());
    }

    #[test]
    fn upper_and_roman_and_number_filters() {
        assert_eq!(
            render(r#"{{ "mục đích, yêu cầu" | hoa }}"#),
            "MỤC ĐÍCH, YÊU CẦU"
        );
        assert_eq!(render("{{ 4 | la_ma }}"), "IV");
        assert_eq!(
            render(r#"{{ 3 | so_ky_hieu(loai="KH", co_quan="UBND") }}"#),
            "03/KH-UBND"
        );
        assert_eq!(
            render(r#"{{ 415 | so_ky_hieu(loai="KH", co_quan="BDVTU", he="party") }}"#),
            "415-KH/BDVTU"
        );
    }
}
