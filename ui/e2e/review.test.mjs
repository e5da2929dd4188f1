// A reviewer opens a faulty .docx (made by LibreOffice, not by Vanban), sees its findings
// grouped by element, applies the safe fixes and saves a corrected copy that checks better.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliBinary, freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

// A LibreOffice letter with an issuing body and a số but no quốc hiệu, the wrong font and
// margins: an administrative document with many faults. (A file with neither body nor số is
// now reported as outside NĐ 30, with no errors to review.)
const faulty = path.join(repoRoot, "tests", "fixtures", "review", "libreoffice-letter.docx");

function errorsOf(file) {
  const r = spawnSync(cliBinary(), ["check", file, "--format", "json"], { encoding: "utf8", timeout: 60_000 });
  return JSON.parse(r.stdout).diagnostics.filter((d) => d.severity === "error").map((d) => d.rule);
}

test("chế độ kiểm tra: mở .docx lỗi, xem lỗi theo thành phần, sửa lỗi an toàn, lưu bản đã sửa", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("review");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "sua-"));
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: faulty, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await (await browser.$('[data-action="review"]')).click();
    await (await browser.$('[data-ready="review"]')).waitForExist({ timeout: 10_000 });
    const before = Number(await (await browser.$("[data-errors]")).getAttribute("data-errors"));
    assert.ok(before > 5, `a LibreOffice letter breaks many rules, got ${before}`);
    // Findings are grouped by element: the font rule sits under "Phông chữ".
    const font = await browser.$('[data-element="font"]');
    assert.equal(await font.getAttribute("data-status"), "failed");
    assert.ok(await (await font.$('[data-rule="ND30-110"]')).isExisting(), "ND30-110 under Phông chữ");
    assert.match(await (await browser.$('[data-element="quoc_hieu"]')).getText(), /Thiếu Quốc hiệu/);
    await screenshot(app, "07-review-opened");

    await (await browser.$('[data-action="fix-all"]')).click();
    await browser.waitUntil(
      async () => Number(await (await browser.$("[data-errors]")).getAttribute("data-errors")) < before,
      { timeout: 10_000, timeoutMsg: "safe fixes did not lower the error count" },
    );
    assert.equal(await (await browser.$('[data-element="font"]')).getAttribute("data-status"), "passed");
    await (await browser.$('[data-action="save-copy"]')).click();
    const saved = await browser.$(".saved");
    await saved.waitForExist({ timeout: 10_000 });
    const files = fs.readdirSync(saveDir);
    assert.equal(files.length, 1);
    assert.match(files[0], /\(đã sửa\)\.docx$/);
    const fixed = errorsOf(path.join(saveDir, files[0]));
    assert.ok(!fixed.includes("ND30-110") && !fixed.includes("ND30-102"), `still: ${fixed}`);
    assert.ok(errorsOf(faulty).includes("ND30-110"), "the original file is untouched");
    await screenshot(app, "08-review-fixed-saved");
  } catch (e) {
    await screenshot(app, "fail-review").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
