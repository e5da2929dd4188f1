// The app opens a real window titled "Vanban…" and shows its start screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { freshDataDir, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

test("cửa sổ thật mở với tiêu đề Vanban và màn hình bắt đầu", TEST_LIMIT, async () => {
  const app = await startApp({ dataDir: freshDataDir("smoke") });
  try {
    const { browser } = app;
    assert.match(await (await browser.$("header")).getText(), /^Vanban/);
    // Document types come from templates/: the built-in ones are all offered.
    await (await browser.$('[data-ready="start"]')).waitForExist({ timeout: 10_000 });
    const slugs = await browser.execute(() =>
      Array.from(document.querySelectorAll("[data-template]"), (c) => c.getAttribute("data-template")),
    );
    for (const slug of ["ke-hoach", "chi-thi", "bao-cao"]) assert.ok(slugs.includes(slug), `no card for ${slug}`);
    assert.match(await (await browser.$('[data-template="ke-hoach"]')).getText(), /Kế hoạch/);
    assert.match(await (await browser.$('[data-action="review"]')).getText(), /Kiểm tra văn bản/);
    if (process.env.DISPLAY) {
      // The X window's own title (set by Tauri from tauri.conf.json), not the page's.
      const tree = execFileSync("xwininfo", ["-root", "-tree"], { encoding: "utf8", timeout: 60_000 });
      assert.match(tree, /"Vanban[^"]*"/, "no X window titled Vanban…");
    }
    await screenshot(app, "01-start");
  } finally {
    await stopApp(app);
  }
});
