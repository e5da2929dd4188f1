//! Clause search over 100,000 generated clauses: the library's FTS5 search (folded,
//! prefix, ranked) against a plain `LIKE '%...%'` scan of the same table, in the same run.
//!
//! Run with `cargo bench --bench library_search`. Prints p50/p95 per method and the ratio.

use std::time::{Duration, Instant};

use vanban::library::{Category, Library, NewClause, SearchQuery, Validity};

const CLAUSES: usize = 100_000;
const ROUNDS: usize = 30;

/// Words taken from the example documents, so the index sees real Vietnamese.
const VOCAB: &str = "dân vận chính quyền công tác đẩy mạnh cải cách hành chính thủ tục phong trào thi đua khéo \
    nhân dân cán bộ công chức viên chức người lao động quy chế dân chủ cơ sở tiếp công dân đối thoại giải quyết \
    đơn thư khiếu nại tố cáo phản ánh kiến nghị nguyện vọng chính đáng mặt trận tổ quốc đoàn thể chính trị xã hội \
    giám sát phản biện kế hoạch chỉ thị báo cáo nghị quyết kết luận quyết định ban chấp hành trung ương đảng bộ \
    tỉnh ủy huyện xã phường thị trấn ủy ban hội đồng triển khai thực hiện nâng cao nhận thức trách nhiệm hiệu quả \
    thiết thực đổi mới nội dung phương thức tuyên truyền vận động đồng bào dân tộc thiểu số tôn giáo kinh tế văn \
    hóa quốc phòng an ninh môi trường chuyển đổi số nông thôn mới đô thị văn minh đạo đức công vụ kỷ luật kỷ cương \
    tổ chức bộ máy tinh gọn biên chế phòng chống dịch bệnh an sinh chính sách người có công hộ nghèo học tập làm \
    theo tư tưởng phong cách hồ chí minh trọng gần hiểu học nghe nói hướng dẫn làm tin chân thành tích cực thận \
    trọng kiên trì tế nhị lãnh đạo chỉ đạo kiểm tra đôn đốc tổng hợp sơ kết tổng kết biểu dương khen thưởng";

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: &[&str], min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    let mut s: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
    if rng.below(6) == 0 {
        s.push("dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng");
    }
    let mut out = s.join(" ");
    if let Some(first) = out.chars().next() {
        out.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    out + "."
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    // VANBAN_BENCH_DB keeps the generated file (and reuses it on the next run).
    let path = std::env::var_os("VANBAN_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    let reuse = path.exists();
    let mut lib = Library::open(&path, vanban::host::Host::clock(&vanban::host::SystemHost))
        .expect("open library");
    let words: Vec<&str> = VOCAB.split_whitespace().collect();
    let tags = [
        "dân vận",
        "cải cách hành chính",
        "quy chế dân chủ",
        "dân vận khéo",
        "văn thư",
    ];
    let types = ["ke-hoach", "chi-thi", "bao-cao"];
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let started = Instant::now();
    let mut batch = Vec::with_capacity(10_000);
    for i in 0..if reuse { 0 } else { CLAUSES } {
        let category = Category::ALL[rng.below(Category::ALL.len())];
        batch.push(NewClause {
            title: sentence(&mut rng, &words, 3, 8)
                .trim_end_matches('.')
                .to_owned(),
            text: sentence(&mut rng, &words, 12, 60),
            category,
            tags: vec![tags[rng.below(tags.len())].to_owned()],
            doc_types: if rng.below(2) == 0 {
                vec![types[rng.below(3)].to_owned()]
            } else {
                Vec::new()
            },
            source: None,
            validity: Validity::InForce,
        });
        if batch.len() == 10_000 || i + 1 == CLAUSES {
            lib.add_clauses(std::mem::take(&mut batch)).expect("insert");
        }
    }
    // Some usage, so ranking has statistics to use.
    for _ in 0..if reuse { 0 } else { 2_000 } {
        let id = 1 + rng.below(CLAUSES) as i64;
        let _ = lib.set_usage(id, 1 + rng.below(50) as i64, Some("2026-01-01T08:00:00"));
    }
    println!(
        "Tạo {CLAUSES} điều khoản trong {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // What people type, keystroke by keystroke, with and without diacritics.
    let typed = [
        "dan van",
        "đẩy mạnh cải cách",
        "phong trao thi dua",
        "quy che dan chu",
        "tiep cong dan",
        "giam sat phan bien",
        "chuyen doi so",
    ];
    let mut queries: Vec<String> = Vec::new();
    for t in typed {
        let chars: Vec<char> = t.chars().collect();
        for n in 1..=chars.len() {
            let q: String = chars[..n].iter().collect();
            if !q.ends_with(' ') {
                queries.push(q);
            }
        }
    }
    let like_queries = [
        "dân vận",
        "đẩy mạnh cải cách",
        "phong trào thi đua",
        "quy chế dân chủ",
        "tiếp công dân",
        "giám sát phản biện",
        "chuyển đổi số",
    ];

    // Warm up.
    for q in &queries {
        lib.search(&SearchQuery::text(q.as_str())).expect("search");
    }
    let mut fts = Vec::new();
    let mut filtered = Vec::new();
    // Best of all rounds per query: the figure without interference from other processes.
    let mut fts_best = vec![Duration::MAX; queries.len()];
    let mut filtered_best = vec![Duration::MAX; queries.len()];
    let mut per_query: Vec<[Vec<Duration>; 2]> = vec![[Vec::new(), Vec::new()]; queries.len()];
    for _ in 0..ROUNDS {
        for (qi, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let hits = lib.search(&SearchQuery::text(q.as_str())).expect("search");
            let d = t.elapsed();
            fts.push(d);
            fts_best[qi] = fts_best[qi].min(d);
            per_query[qi][0].push(d);
            std::hint::black_box(hits);
            let t = Instant::now();
            let hits = lib
                .search(&SearchQuery {
                    text: q.clone(),
                    category: Some(Category::NoiDung),
                    doc_type: Some("ke-hoach".into()),
                    ..SearchQuery::default()
                })
                .expect("search");
            let d = t.elapsed();
            filtered.push(d);
            filtered_best[qi] = filtered_best[qi].min(d);
            per_query[qi][1].push(d);
            std::hint::black_box(hits);
        }
    }
    // Browsing without text (the clause picker opened on a category or a tag).
    let mut browse = Vec::new();
    for _ in 0..ROUNDS {
        for category in Category::ALL {
            for tag in [None, Some("dân vận")] {
                let t = Instant::now();
                let hits = lib
                    .search(&SearchQuery {
                        category: Some(category),
                        tag: tag.map(str::to_owned),
                        doc_type: Some("chi-thi".into()),
                        ..SearchQuery::default()
                    })
                    .expect("browse");
                browse.push(t.elapsed());
                assert!(!hits.is_empty(), "browsing {category:?} finds clauses");
            }
        }
    }
    // The slowest queries (median of the rounds), where to look first.
    for (mode, name) in [(0, "không lọc"), (1, "có lọc")] {
        let mut medians: Vec<(Duration, &str)> = per_query
            .iter_mut()
            .zip(&queries)
            .map(|(d, q)| {
                d[mode].sort();
                (percentile(&d[mode], 0.5), q.as_str())
            })
            .collect();
        medians.sort_by_key(|m| std::cmp::Reverse(m.0));
        let slowest: Vec<String> = medians
            .iter()
            .take(5)
            .map(|(d, q)| format!("\"{q}\" {:.2}", ms(*d)))
            .collect();
        println!("Chậm nhất ({name}, ms trung vị): {}", slowest.join(", "));
    }
    let conn = lib.connection();
    let mut stmt = conn
        .prepare("SELECT id, title, text FROM clauses WHERE text LIKE '%' || ?1 || '%' ORDER BY use_count DESC LIMIT 20")
        .expect("prepare");
    let mut like = Vec::new();
    let mut like_best = vec![Duration::MAX; like_queries.len()];
    for _ in 0..5 {
        for (qi, q) in like_queries.iter().enumerate() {
            let t = Instant::now();
            let rows: Vec<i64> = stmt
                .query_map([q], |r| r.get(0))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            let d = t.elapsed();
            like.push(d);
            like_best[qi] = like_best[qi].min(d);
            std::hint::black_box(rows);
        }
    }
    for v in [
        &mut fts,
        &mut filtered,
        &mut like,
        &mut fts_best,
        &mut filtered_best,
        &mut like_best,
        &mut browse,
    ] {
        v.sort();
    }
    let report = |name: &str, v: &[Duration]| {
        println!(
            "{name:<44} n={:<5} p50 {:>8.3} ms   p95 {:>8.3} ms",
            v.len(),
            ms(percentile(v, 0.5)),
            ms(percentile(v, 0.95))
        );
    };
    report("FTS5 (bỏ dấu, tiền tố, xếp hạng, top 20)", &fts);
    report("FTS5 + lọc nhóm và loại văn bản", &filtered);
    report("LIKE '%...%' quét toàn bảng", &like);
    report("Duyệt không gõ chữ (nhóm, thẻ, loại)", &browse);
    println!("-- tốt nhất mỗi truy vấn (không bị tiến trình khác chen vào):");
    report("FTS5 (best of rounds)", &fts_best);
    report("FTS5 + lọc (best of rounds)", &filtered_best);
    report("LIKE (best of rounds)", &like_best);
    println!(
        "Tỉ lệ LIKE/FTS (best): p50 {:.0}×, p95 {:.0}×",
        ms(percentile(&like_best, 0.5)) / ms(percentile(&fts_best, 0.5)),
        ms(percentile(&like_best, 0.95)) / ms(percentile(&fts_best, 0.95))
    );
    println!(
        "Tỉ lệ LIKE/FTS: p50 {:.0}×, p95 {:.0}×",
        ms(percentile(&like, 0.5)) / ms(percentile(&fts, 0.5)),
        ms(percentile(&like, 0.95)) / ms(percentile(&fts, 0.95))
    );
}
