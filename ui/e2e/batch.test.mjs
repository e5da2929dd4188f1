// A reviewer checks a whole folder: four .docx from the checker's fixtures (one in a
// sub-folder) and one broken file. The table shows every file, the broken one with its reason
// and no count; the report is saved as HTML and as CSV, and both hold the file names.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

const fixtures = path.join(repoRoot, "tests", "fixtures", "check");
const files = {
  "cong-van-sach.docx": "clean-state-pydocx.docx",
  "ke-hoach-thieu-so-0.docx": "f06-number-no-zero.docx",
  "nhieu-loi.docx": "f37-several-faults.docx",
  "dang/thong-bao-dau-hai-cham.docx": "p01-party-number-colon.docx",
  "tệp hỏng.docx": "malformed/truncated.docx",
};

test("kiểm tra cả thư mục: bảng tổng hợp, tệp hỏng có lý do, lưu báo cáo HTML và CSV", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("batch");
  const folder = path.join(dataDir, "Hồ sơ tháng 12");
  for (const [name, from] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.copyFileSync(path.join(fixtures, from), path.join(folder, name));
  }
  const saveDir = fs.mkdtempSync(path.join(dataDir, "bao-cao-"));
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_DIR: folder, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await (await browser.$('[data-ready="start"]')).waitForExist({ timeout: 10_000 });
    const button = await browser.$('[data-action="batch"]');
    assert.equal(await button.getText(), "Kiểm tra cả thư mục…");
    // The webview's own screenshot can lag behind the page: let it paint first.
    await browser.pause(300);
    await screenshot(app, "11-batch-start");
    await button.click();
    const root = await browser.$('[data-ready="batch"]');
    await root.waitForExist({ timeout: 30_000 });
    await browser.waitUntil(async () => Number(await root.getAttribute("data-progress-events")) === 5, {
      timeout: 5_000,
      timeoutMsg: "one progress event per .docx",
    });

    const rows = await browser.$$("table.batch tbody tr");
    assert.equal(rows.length, 5);
    const names = [];
    for (const r of rows) names.push(await r.getAttribute("data-file"));
    assert.deepEqual(names, Object.keys(files).sort());
    // The broken file says why, and never "0 lỗi".
    const broken = await browser.$('tr[data-file="tệp hỏng.docx"]');
    assert.equal(await broken.getAttribute("data-errors"), "unreadable");
    const brokenText = await broken.getText();
    assert.match(brokenText, /Không đọc được: \S/);
    assert.doesNotMatch(brokenText, /\b0\b/);
    // The faulty files have errors; the clean one none.
    const errs = async (name) => Number(await (await browser.$(`tr[data-file="${name}"]`)).getAttribute("data-errors"));
    assert.ok((await errs("nhieu-loi.docx")) > 1);
    assert.ok((await errs("ke-hoach-thieu-so-0.docx")) > 0);
    assert.equal(await errs("cong-van-sach.docx"), 0);
    assert.match(await (await browser.$("[data-totals]")).getText(), /Tổng: 5 tệp/);

    // Sorting by errors puts the unreadable file first, then the file with most errors.
    await (await browser.$('[data-sort="errors"]')).click();
    const first = await (await browser.$("table.batch tbody tr")).getAttribute("data-file");
    assert.equal(first, "tệp hỏng.docx");
    const second = await (await browser.$$("table.batch tbody tr"))[1].getAttribute("data-file");
    assert.equal(second, "nhieu-loi.docx");
    await browser.pause(300);
    await screenshot(app, "12-batch-table");

    await (await browser.$('[data-action="save-html"]')).click();
    await browser.waitUntil(async () => /\.html$/.test(await (await browser.$(".saved")).getText().catch(() => "")), {
      timeout: 10_000,
      timeoutMsg: "HTML report not saved",
    });
    await (await browser.$('[data-action="save-csv"]')).click();
    await browser.waitUntil(async () => /\.csv$/.test(await (await browser.$(".saved")).getText().catch(() => "")), {
      timeout: 10_000,
      timeoutMsg: "CSV report not saved",
    });
    const saved = fs.readdirSync(saveDir).sort();
    assert.deepEqual(saved, ["Báo cáo kiểm tra Hồ sơ tháng 12.csv", "Báo cáo kiểm tra Hồ sơ tháng 12.html"]);
    const csv = fs.readFileSync(path.join(saveDir, saved[0]));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM for Excel");
    const csvText = csv.subarray(3).toString("utf8");
    const html = fs.readFileSync(path.join(saveDir, saved[1]), "utf8");
    for (const name of Object.keys(files)) {
      assert.ok(csvText.includes(name), `CSV names ${name}`);
      assert.ok(html.includes(name), `HTML names ${name}`);
    }
    assert.equal(csvText.split("\r\n").filter(Boolean).length, 6, "header and five files");
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /Không đọc được tệp: /);
    await screenshot(app, "13-batch-saved");
  } catch (e) {
    await screenshot(app, "fail-batch").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
