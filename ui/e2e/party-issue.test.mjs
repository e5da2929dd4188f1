// A Party secretary issues a Báo cáo: the body has no nhiệm kỳ yet, so the app asks for the
// first day of the current term once, then numbers the document 01 in the BC series of that
// term (Hướng dẫn 36-HD/VPTW: per document type through the term, not per year).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliBinary, freshDataDir, repoRoot, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

const example = path.join(repoRoot, "examples", "bao-cao-tong-ket-dan-van-2019.toml");

test("phát hành văn bản Đảng: hỏi ngày bắt đầu nhiệm kỳ một lần, rồi đánh số 01 theo loại trong nhiệm kỳ", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("party-issue");
  // The real 2019 report, issued by a body that still exists, is put in the library with the CLI.
  const draft = path.join(dataDir, "bao-cao.toml");
  fs.writeFileSync(
    draft,
    fs.readFileSync(example, "utf8").replaceAll("KIÊN GIANG", "AN GIANG").replaceAll("Kiên Giang", "An Giang"),
  );
  const db = path.join(dataDir, "thu-vien.sqlite3");
  const imported = spawnSync(cliBinary(), ["drafts", "import", draft, "--db", db], { encoding: "utf8", timeout: 60_000 });
  assert.equal(imported.status, 0, `import failed: ${imported.stderr}`);

  const app = await startApp({ dataDir });
  const { browser } = app;
  try {
    await (await browser.$("[data-draft]")).click();
    await (await browser.$('[data-ready="editor"]')).waitForExist({ timeout: 10_000 });
    await (await browser.$('[data-action="issue"]')).click();

    const ask = await browser.$('[data-dialog="term"]');
    await ask.waitForExist({ timeout: 10_000, timeoutMsg: "no question about the nhiệm kỳ" });
    assert.match(await ask.getText(), /nhiệm kỳ/);
    await screenshot(app, "09-party-term-question");
    // An HTML date input takes the ISO form from WebDriver.
    await browser.execute(() => {
      const input = document.querySelector('[data-field="term-start"]');
      input.value = "2025-10-16";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await (await browser.$('[data-action="save-term"]')).click();

    const bar = await browser.$('[data-dialog="issue"]');
    await bar.waitForExist({ timeout: 10_000, timeoutMsg: "no issue plan after setting the term" });
    assert.match(await bar.getText(), /Số 01-BC\/TU/);
    assert.match(await bar.getText(), /loại BC, nhiệm kỳ từ 16\/10\/2025/);
    await screenshot(app, "10-party-issue-plan");
    await (await browser.$('[data-action="confirm-issue"]')).click();
    await (await browser.$("[data-locked]")).waitForExist({ timeout: 10_000, timeoutMsg: "not locked after issuing" });
    assert.match(await (await browser.$('[role="status"]')).getText(), /Đã phát hành văn bản số 01-BC\/TU/);
  } catch (e) {
    await screenshot(app, "fail-party-issue").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }

  // The register says the same from the command line.
  const list = spawnSync(cliBinary(), ["register", "list", "--db", db], { encoding: "utf8", timeout: 60_000 });
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /01-BC\/TU/);
});
