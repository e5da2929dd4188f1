// A secretary drafts a Kế hoạch: header, two sections, a clause found without diacritics,
// the preview follows; then the app is killed mid-edit and the draft is found intact.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appPid, cliBinary, freshDataDir, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

/** Types into the field with data-field=`path` (an input, or a block editor's line `line`). */
async function fill(browser, path, text, line = 0) {
  const wrapper = await browser.$(`[data-field="${path}"]`);
  const tag = await wrapper.getTagName();
  const el = tag === "fieldset" ? (await wrapper.$$("textarea"))[line] : wrapper;
  await el.click();
  await el.setValue(text);
  return el;
}

async function previewText(browser) {
  return browser.execute(() => document.querySelector(".pages")?.textContent ?? "");
}

async function waitSaved(browser) {
  await browser.waitUntil(
    async () => (await (await browser.$(".save-state")).getAttribute("data-save-state")) === "saved",
    { timeout: 10_000, timeoutMsg: "autosave did not finish" },
  );
}

test("soạn Kế hoạch: tiêu đề, hai mục, chèn điều khoản tìm không dấu, xem trước; tắt đột ngột rồi mở lại", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("editor");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "xuat-"));
  let app = await startApp({ dataDir, env: { VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    await (await browser.$('[data-template="ke-hoach"]')).click();
    await (await browser.$('[data-ready="editor"]')).waitForExist({ timeout: 10_000 });

    await fill(browser, "issuers[0].superior", "UBND TỈNH BẮC KẠN");
    await fill(browser, "issuers[0].name", "VĂN PHÒNG");
    await fill(browser, "issuers[0].abbr", "VP");
    await fill(browser, "place", "Bắc Kạn");
    // Straight quotes on purpose: the checker flags them and offers a one-click fix.
    await fill(browser, "subject", 'Triển khai phong trào thi đua "Dân vận khéo" năm 2024');
    await fill(browser, "fields.mo_dau", "Thực hiện Kế hoạch số 89/KH-UBND ngày 20/02/2024 của UBND tỉnh, Văn phòng xây dựng Kế hoạch như sau:");
    // Section I: two lines, the second added with Enter.
    const first = await fill(browser, "fields.muc_dich_yeu_cau", "Nâng cao nhận thức của công chức về công tác dân vận.");
    await first.click();
    await browser.keys(["End", "Enter"]);
    // Enter added a second line and focused it.
    const second = (await (await browser.$('[data-field="fields.muc_dich_yeu_cau"]')).$$("textarea"))[1];
    assert.ok(await second.isFocused(), "Enter moves to a new line");
    await second.addValue("Gắn với nhiệm vụ chính trị của cơ quan.");
    // Tab makes it a dash item, labelled by the core.
    const secondLine = (await (await browser.$('[data-field="fields.muc_dich_yeu_cau"]')).$$(".line"))[1];
    await browser.keys(["Tab"]);
    await browser.waitUntil(async () => (await secondLine.getAttribute("data-label")) === "-", {
      timeout: 5_000,
      timeoutMsg: "Tab did not make a dash item labelled by the core",
    });
    // Section II: a line, then a new line filled from the clause picker.
    const nd = await fill(browser, "fields.noi_dung", "Tuyên truyền sâu rộng trong cán bộ, công chức.");
    await nd.click();
    await browser.keys(["End", "Enter"]);
    await browser.keys(["Control", "k"]);
    await browser.keys(["Control"]); // release the modifier
    const search = await browser.$('[data-action="clause-search"]');
    await search.waitForExist({ timeout: 5_000 });
    await search.setValue("day manh cai cach");
    // The picker lists recent clauses before the search answers: wait for the results of
    // this query to be on top rather than reading the first item too early.
    await browser.waitUntil(
      async () => {
        const top = await browser.$("[data-clause]");
        return (await top.isExisting()) && /Đẩy mạnh cải cách hành chính/.test(await top.getText());
      },
      { timeout: 5_000, timeoutMsg: "tìm không dấu “day manh cai cach” không đưa điều khoản đúng lên đầu" },
    );
    const hit = await browser.$("[data-clause]");
    assert.match(await hit.getText(), /Đẩy mạnh cải cách hành chính/);
    await screenshot(app, "02-clause-picker");
    await search.click();
    await browser.keys(["Enter"]);
    await (await browser.$('[data-dialog="clauses"]')).waitForExist({ reverse: true, timeout: 5_000 });
    await fill(browser, "fields.to_chuc_thuc_hien", "Các phòng, đơn vị tổ chức thực hiện Kế hoạch này.");

    // The preview follows what was typed.
    await browser.waitUntil(async () => /đẩy mạnh cải cách/i.test(await previewText(browser)), {
      timeout: 5_000,
      timeoutMsg: "the inserted clause never reached the preview",
    });
    const text = await previewText(browser);
    for (const want of ["VĂN PHÒNG", "UBND TỈNH BẮC KẠN", "KẾ HOẠCH", "Bắc Kạn, ngày", "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "Gắn với nhiệm vụ chính trị", "Tuyên truyền sâu rộng"]) {
      assert.ok(text.includes(want), `preview lacks ${want}`);
    }
    // A stacked signature, as an office signs for the chairman: TL. / KT. / chức vụ.
    await (await browser.$('[data-field="signers[0].authority"]')).selectByAttribute("value", "tl");
    await fill(browser, "signers[0].on_behalf", "Chủ tịch");
    await (await browser.$('[data-action="add-stacked-0"]')).click();
    await fill(browser, "signers[0].stacked[0].on_behalf", "Chánh Văn phòng");
    await browser.keys(["Tab"]);
    await browser.waitUntil(
      async () => /TL\. CHỦ TỊCH\s*KT\. CHÁNH VĂN PHÒNG\s*PHÓ CHÁNH VĂN PHÒNG/.test(await previewText(browser)),
      { timeout: 5_000, timeoutMsg: "the stacked authority lines never reached the preview" },
    );
    // One finding left: the straight quotes (ND30-122), with its fix.
    const finding = await browser.$('[data-rule="ND30-122"]');
    await finding.waitForExist({ timeout: 5_000, timeoutMsg: "straight quotes not reported" });
    await screenshot(app, "03-editor-filled-finding");
    await (await finding.$('[data-action="fix"]')).click();
    await browser.waitUntil(async () => (await (await browser.$(".badge")).getText()) === "0", {
      timeout: 5_000,
      timeoutMsg: "findings left after the one-click fix",
    });
    assert.equal(await (await browser.$('[data-field="subject"]')).getValue(), "Triển khai phong trào thi đua “Dân vận khéo” năm 2024");
    await waitSaved(browser);
    await screenshot(app, "04-editor-fixed");

    // Ctrl+E exports (the save dialog is replaced by VANBAN_TEST_SAVE_DIR in tests only).
    await browser.keys(["Control", "e"]);
    await browser.keys(["Control"]);
    const status = await browser.$('[role="status"]');
    await status.waitForExist({ timeout: 10_000, timeoutMsg: "no export notice" });
    assert.match(await status.getText(), /Đã xuất/);
    const files = fs.readdirSync(saveDir).filter((f) => f.endsWith(".docx"));
    assert.equal(files.length, 1, `exported files: ${files}`);
    const exported = path.join(saveDir, files[0]);
    const check = spawnSync(cliBinary(), ["check", exported, "--format", "json"], { encoding: "utf8", timeout: 60_000 });
    const report = JSON.parse(check.stdout);
    assert.equal(check.status, 0, `the exported file does not check clean: ${check.stdout}`);
    assert.equal(report.diagnostics.filter((d) => d.severity === "error").length, 0);

    // Phát hành: the register gives number 01 for this body this year and locks the version.
    await (await browser.$('[data-action="issue"]')).click();
    const bar = await browser.$('[data-dialog="issue"]');
    await bar.waitForExist({ timeout: 5_000 });
    assert.match(await bar.getText(), /Số: 01\/KH-VP/);
    await (await browser.$('[data-action="confirm-issue"]')).click();
    await (await browser.$("[data-locked]")).waitForExist({ timeout: 10_000, timeoutMsg: "not locked after issuing" });
    assert.match(await (await browser.$('[role="status"]')).getText(), /Đã phát hành văn bản số 01\/KH-VP/);
    assert.equal(await (await browser.$('[data-field="number"]')).getValue(), "1");
    assert.ok(!(await (await browser.$('[data-field="subject"]')).isEnabled()), "an issued draft is read-only");
    await screenshot(app, "05-issued");
    // Go on writing in an unnumbered copy.
    await (await browser.$('[data-action="duplicate"]')).click();
    await browser.waitUntil(async () => (await (await browser.$('[data-field="number"]')).getValue()) === "", {
      timeout: 10_000,
      timeoutMsg: "the copy still carries the issued number",
    });
    assert.ok(await (await browser.$('[data-field="subject"]')).isEnabled());

    // Type more, wait for autosave, then kill the app without letting it close.
    await fill(browser, "fields.ket_thuc", "Trên đây là Kế hoạch triển khai phong trào “Dân vận khéo” năm 2024 của Văn phòng.");
    await waitSaved(browser);
    process.kill(appPid(app), "SIGKILL");
    await stopApp(app);

    app = await startApp({ dataDir, env: { VANBAN_TEST_SAVE_DIR: saveDir } });
    const b2 = app.browser;
    await (await b2.$('[data-ready="editor"]')).waitForExist({ timeout: 10_000 });
    assert.match(await (await b2.$('[role="status"]')).getText(), /khôi phục/);
    const ket = await b2.$('[data-field="fields.ket_thuc"] textarea');
    assert.equal(await ket.getValue(), "Trên đây là Kế hoạch triển khai phong trào “Dân vận khéo” năm 2024 của Văn phòng.");
    assert.equal(await (await b2.$('[data-field="subject"]')).getValue(), "Triển khai phong trào thi đua “Dân vận khéo” năm 2024");
    await b2.waitUntil(async () => /đẩy mạnh cải cách/i.test(await previewText(b2)), { timeout: 5_000 });
    await screenshot(app, "06-recovered-after-kill");
  } catch (e) {
    await screenshot(app, "fail-editor").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
