// A secretary receives a Word file from another office (a Báo cáo of the Lâm Đồng People's
// Committee, not made by Vanban), opens it as a draft with "Mở văn bản Word…", sees the import
// report, finds the trích yếu and the signer in the form and the preview, changes the year and
// exports a .docx that checks with no errors. In reviewer mode, "Chuẩn hóa thể thức" lays the
// same file out anew beside the original and reports what it fixed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliBinary, freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

const original = path.join(repoRoot, "tests", "fixtures", "real", "027-bc-lam-dong-hoi-2025.docx");
const SUBJECT = "Tổ chức, hoạt động và quản lý hội năm 2025";
const SIGNER = "Hồ Văn Mười";

/** Runs the `vanban` CLI (bounded: a hung child fails the test instead of stalling it). */
function cli(args) {
  const r = spawnSync(cliBinary(), args, { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

function errorsOf(file) {
  const r = cli(["check", file, "--format", "json"]);
  return JSON.parse(r.stdout).diagnostics.filter((d) => d.severity === "error");
}

async function previewText(browser) {
  return browser.execute(() => document.querySelector(".pages")?.textContent ?? "");
}

/** Records uncaught errors of the UI, to assert none at the end. */
async function watchErrors(browser) {
  await browser.execute(() => {
    window.__e2eErrors = [];
    window.addEventListener("error", (e) => window.__e2eErrors.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__e2eErrors.push(String(e.reason?.message ?? JSON.stringify(e.reason))));
  });
}

test("mở văn bản Word của cơ quan khác thành bản thảo, sửa năm, xuất .docx không lỗi", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("import");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "xuat-"));
  const before = fs.readFileSync(original);
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: original, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await watchErrors(browser);
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
    const errors = errorsOf(exported);
    assert.equal(errors.length, 0, `errors in the exported file: ${JSON.stringify(errors, null, 1)}`);
    const reading = cli(["reading", exported]);
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

test("chế độ kiểm tra: chuẩn hóa thể thức thành tệp mới, xem đã sửa và cần người xem, mở thành bản thảo", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("normalize");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "chuan-hoa-"));
  const before = fs.readFileSync(original);
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: original, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await watchErrors(browser);
    await (await browser.$('[data-action="review"]')).click();
    await (await browser.$('[data-ready="review"]')).waitForExist({ timeout: 20_000 });
    const shown = Number(await (await browser.$("[data-errors]")).getAttribute("data-errors"));

    await (await browser.$('[data-action="normalize"]')).click();
    const panel = await browser.$('[data-panel="normalize"]');
    await panel.waitForExist({ timeout: 30_000, timeoutMsg: "no normalisation report" });
    const errorsBefore = Number(await (await panel.$("[data-errors-before]")).getAttribute("data-errors-before"));
    const errorsAfter = Number(await (await panel.$("[data-errors-after]")).getAttribute("data-errors-after"));
    assert.equal(errorsBefore, shown, "the report's before count is the reviewer's");
    assert.ok(errorsBefore > 0, "a real office file has layout errors");
    assert.equal(errorsAfter, 0, `errors after normalising: ${await panel.getText()}`);
    assert.ok((await panel.$$("[data-fixed-rule]")).length > 0, "the report lists what was fixed");
    assert.match(await panel.getText(), /Cần người xem/);

    const files = fs.readdirSync(saveDir).filter((f) => f.endsWith(".docx"));
    assert.deepEqual(files, ["027-bc-lam-dong-hoi-2025 (chuẩn hóa).docx"]);
    const errors = errorsOf(path.join(saveDir, files[0]));
    assert.equal(errors.length, 0, `errors in the normalised file: ${JSON.stringify(errors, null, 1)}`);
    assert.ok(before.equals(fs.readFileSync(original)), "the original Word file is untouched");
    await screenshot(app, "import-03-normalized");

    // Go on with it as a draft.
    await (await panel.$('[data-action="open-normalized"]')).click();
    await (await browser.$('[data-ready="editor"]')).waitForExist({ timeout: 20_000 });
    assert.equal(await (await browser.$('[data-field="subject"]')).getValue(), SUBJECT);
    assert.equal(await (await browser.$('[data-field="signers[0].name"]')).getValue(), SIGNER);
    await screenshot(app, "import-04-normalized-draft");
    assert.deepEqual(await browser.execute(() => window.__e2eErrors), [], "errors in the UI");
  } catch (e) {
    await screenshot(app, "fail-normalize").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});

test("báo cáo nhập liệt kê chỗ không khớp với vị trí trong bản gốc; mở văn bản Word từ thanh công cụ", TEST_LIMIT, async () => {
  // A Công văn whose V/v cell holds several paragraphs: the import joins them and says where.
  const letter = path.join(repoRoot, "tests", "fixtures", "real", "014-cv-ubnd-lam-dong-3653.docx");
  const dataDir = freshDataDir("import-report");
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: letter } });
  const { browser } = app;
  try {
    await watchErrors(browser);
    await (await browser.$('[data-action="import-word"]')).click();
    const editor = await browser.$('[data-ready="editor"]');
    await editor.waitForExist({ timeout: 20_000 });
    const panel = await browser.$('[data-panel="import-report"]');
    await panel.waitForExist({ timeout: 5_000 });
    const entry = await panel.$('[data-entry-kind="review"]');
    assert.ok(await entry.isExisting(), `no "cần xem lại" entry: ${await panel.getText()}`);
    const text = await entry.getText();
    assert.match(text, /cần xem lại/);
    assert.match(text, /đoạn \d+/, "the entry gives its place in the original");
    assert.match(text, /của Văn phòng Chính phủ/, "the entry quotes the start of the paragraph");
    assert.equal(await (await browser.$('[data-field="signers[0].name"]')).getValue(), "Trịnh Ngọc Duệ");
    await screenshot(app, "import-05-report");

    // The toolbar opens another Word file as another draft; the one being edited stays saved.
    const first = await editor.getAttribute("data-draft-id");
    await (await browser.$('.toolbar [data-action="import-word"]')).click();
    await browser.waitUntil(async () => {
      const el = await browser.$('[data-ready="editor"]');
      return (await el.isExisting()) && (await el.getAttribute("data-draft-id")) !== first;
    }, { timeout: 20_000, timeoutMsg: "the toolbar did not open the Word file as a new draft" });
    assert.ok(await (await browser.$('[data-panel="import-report"]')).isExisting(), "the new draft shows its report");
    assert.deepEqual(await browser.execute(() => window.__e2eErrors), [], "errors in the UI");
  } catch (e) {
    await screenshot(app, "fail-import-report").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
