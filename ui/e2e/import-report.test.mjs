// The import report: a Quyết định of the Lâm Đồng People's Committee whose "Điều 2." stands alone
// on its line is opened as a draft; the report says what was kept as a paragraph, where in the
// original, and quotes it. The editor's toolbar opens another Word file as another draft.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT, watchUiErrors } from "./harness.mjs";

test("báo cáo nhập liệt kê chỗ không khớp với vị trí trong bản gốc; mở văn bản Word từ thanh công cụ", TEST_LIMIT, async () => {
  // A Quyết định whose "Điều 2." has nothing after it on its line: the import keeps it as a
  // paragraph, renumbers the articles after it and says where.
  const letter = path.join(repoRoot, "tests", "fixtures", "real", "003-qd-ubnd-lam-dong-ban-vstbpn.docx");
  const dataDir = freshDataDir("import-report");
  const app = await startApp({ dataDir, env: { VANBAN_TEST_OPEN_FILE: letter } });
  const { browser } = app;
  try {
    await watchUiErrors(browser);
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
    assert.match(text, /Điều 2\./, "the entry quotes the start of the paragraph");
    assert.equal(await (await browser.$('[data-field="signers[0].name"]')).getValue(), "Hồ Văn Mười");
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
