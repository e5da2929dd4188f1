// A secretary receives a Word file from another office (a Báo cáo of the Lâm Đồng People's
// Committee, not made by Vanban), opens it as a draft with "Mở văn bản Word…", sees the import
// report, finds the trích yếu and the signer in the form and the preview, changes the year and
// exports a .docx that checks with no errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkErrors, freshDataDir, repoRoot, runCli, screenshot, startApp, stopApp, TEST_LIMIT, watchUiErrors } from "./harness.mjs";

const original = path.join(repoRoot, "tests", "fixtures", "real", "027-bc-lam-dong-hoi-2025.docx");
const SUBJECT = "Tổ chức, hoạt động và quản lý hội năm 2025";
const SIGNER = "Hồ Văn Mười";

async function previewText(browser) {
  return browser.execute(() => document.querySelector(".pages")?.textContent ?? "");
}

test("mở văn bản Word của cơ quan khác thành bản thảo, sửa năm, xuất .docx không lỗi", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("import");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "xuat-"));
  const before = fs.readFileSync(original);
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: original, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await watchUiErrors(browser);
    await (await browser.$('[data-action="import-word"]')).click();
    await (await browser.$('[data-ready="editor"]')).waitForExist({ timeout: 20_000 });

    // The import report is shown and can be closed; it names the file.
    const panel = await browser.$('[data-panel="import-report"]');
    await panel.waitForExist({ timeout: 5_000 });
    assert.match(await panel.getText(), /027-bc-lam-dong-hoi-2025\.docx/);

    // The trích yếu and the signer are in the form and in the preview.
    assert.equal(await (await browser.$('[data-field="subject"]')).getValue(), SUBJECT);
    assert.equal(await (await browser.$('[data-field="signers[0].name"]')).getValue(), SIGNER);
    await browser.waitUntil(async () => {
      const t = await previewText(browser);
      return t.includes(SIGNER) && /TỔ CHỨC, HOẠT ĐỘNG VÀ QUẢN LÝ HỘI NĂM 2025|Tổ chức, hoạt động và quản lý hội năm 2025/.test(t);
    }, { timeout: 15_000, timeoutMsg: "the preview lacks the trích yếu or the signer" });
    await screenshot(app, "import-01-opened");

    await (await browser.$('[data-action="close-import-report"]')).click();
    await panel.waitForExist({ reverse: true, timeout: 5_000 });

    // Change the year of the date: 2025 → 2026.
    const year = await browser.$('[data-field="date"] input[aria-label="Năm"]');
    assert.equal(await year.getValue(), "2025");
    await year.click();
    await year.setValue("2026");
    await browser.waitUntil(async () => /năm 2026/.test(await previewText(browser)), {
      timeout: 10_000,
      timeoutMsg: "the preview did not follow the new year",
    });
    await browser.waitUntil(
      async () => (await (await browser.$(".save-state")).getAttribute("data-save-state")) === "saved",
      { timeout: 10_000, timeoutMsg: "autosave did not finish" },
    );

    // Export (the save dialog is replaced by VANBAN_TEST_SAVE_DIR in tests only).
    await (await browser.$('[data-action="export"]')).click();
    const status = await browser.$('[role="status"]');
    await status.waitForExist({ timeout: 15_000, timeoutMsg: "no export notice" });
    await browser.waitUntil(async () => /Đã xuất/.test(await status.getText()), { timeout: 15_000, timeoutMsg: "not exported" });
    const files = fs.readdirSync(saveDir).filter((f) => f.endsWith(".docx"));
    assert.equal(files.length, 1, `exported files: ${files}`);
    const exported = path.join(saveDir, files[0]);
    const errors = checkErrors(exported);
    assert.equal(errors.length, 0, `errors in the exported file: ${JSON.stringify(errors, null, 1)}`);
    const reading = runCli(["reading", exported]);
    assert.equal(reading.status, 0, reading.stderr);
    for (const want of [SIGNER, "năm 2026", "Kính gửi"]) {
      assert.ok(reading.stdout.includes(want), `the exported file lacks ${want}:\n${reading.stdout.slice(0, 3000)}`);
    }
    assert.ok(before.equals(fs.readFileSync(original)), "the original Word file is untouched");
    await screenshot(app, "import-02-exported");
    assert.deepEqual(await browser.execute(() => window.__e2eErrors), [], "errors in the UI");
  } catch (e) {
    await screenshot(app, "fail-import").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
