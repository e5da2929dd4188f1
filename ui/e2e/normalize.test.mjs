// Reviewer mode: "Chuẩn hóa thể thức" lays a Word file from another office (a Báo cáo of the
// Lâm Đồng People's Committee) out anew as a new file beside the original, reports what it
// fixed next to what needs a person, and opens the result as a draft.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkErrors, freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT, watchUiErrors } from "./harness.mjs";

const original = path.join(repoRoot, "tests", "fixtures", "real", "027-bc-lam-dong-hoi-2025.docx");
const SUBJECT = "Tổ chức, hoạt động và quản lý hội năm 2025";
const SIGNER = "Hồ Văn Mười";

test("chế độ kiểm tra: chuẩn hóa thể thức thành tệp mới, xem đã sửa và cần người xem, mở thành bản thảo", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("normalize");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "chuan-hoa-"));
  const before = fs.readFileSync(original);
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: original, VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await watchUiErrors(browser);
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
    const errors = checkErrors(path.join(saveDir, files[0]));
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
