// The import report: Hà Tĩnh's Quyết định 11/2018 with the Quy định it issues is opened as a
// draft; the report says what needs a person (the "(Ban hành kèm theo …)" line Vanban computes
// again) and what Vanban corrected (the slip "Điểu 18."), where in the original, and quotes
// it. The editor's toolbar opens another Word file as another draft.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT, watchUiErrors } from "./harness.mjs";

test("báo cáo nhập liệt kê chỗ không khớp với vị trí trong bản gốc; mở văn bản Word từ thanh công cụ", TEST_LIMIT, async () => {
  const letter = path.join(repoRoot, "tests", "fixtures", "real", "042-qd-ubnd-ha-tinh-11-2018.docx");
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
    const texts = async (kind) => {
      const out = [];
      for (const e of await panel.$$(`[data-entry-kind="${kind}"]`)) out.push(await e.getText());
      return out;
    };
    const review = (await texts("review")).find((t) => /Ban hành kèm theo/.test(t));
    assert.ok(review, `no "cần xem lại" entry on the issued-with line: ${await panel.getText()}`);
    assert.match(review, /cần xem lại/);
    assert.match(review, /đoạn \d+/, "the entry gives its place in the original");
    const changed = (await texts("changed")).find((t) => /Điểu 18\./.test(t));
    assert.ok(changed, `no "đã sửa" entry on the slip "Điểu 18.": ${await panel.getText()}`);
    assert.match(changed, /đã sửa/);
    assert.match(changed, /đoạn \d+/, "the entry gives its place in the original");
    assert.equal(await (await browser.$('[data-field="signers[0].name"]')).getValue(), "Đặng Ngọc Sơn");
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
