// The app opens a real window titled "Vanban…" and shows its start screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { freshDataDir, screenshot, startApp, stopApp } from "./harness.mjs";

test("cửa sổ thật mở với tiêu đề Vanban và màn hình bắt đầu", async () => {
  const app = await startApp({ dataDir: freshDataDir("smoke") });
  try {
    const { browser } = app;
    const heading = await browser.$("h1");
    assert.match(await heading.getText(), /Vanban/);
    if (process.env.DISPLAY) {
      // The X window's own title (set by Tauri from tauri.conf.json), not the page's.
      const tree = execFileSync("xwininfo", ["-root", "-tree"], { encoding: "utf8" });
      assert.match(tree, /"Vanban[^"]*"/, "no X window titled Vanban…");
    }
    await screenshot(app, "01-start");
  } finally {
    await stopApp(app);
  }
});
