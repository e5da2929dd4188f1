// A secretary of a provincial People's Committee drafts a Quyết định: the start screen offers
// every document type the core knows (state and Party lists); two căn cứ and two Điều are added
// with the editor's buttons, the signature is stacked (TM. / KT. / chức vụ); the preview follows,
// and the exported .docx checks clean and reads back with the stacked line and Điều 2.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliBinary, freshDataDir, screenshot, startApp, stopApp, TEST_LIMIT } from "./harness.mjs";

/** Runs the `vanban` CLI (bounded: a hung child fails the test instead of stalling it). */
function cli(args) {
  const r = spawnSync(cliBinary(), args, { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

/** The template slugs `vanban templates` lists for each system. */
function templatesByCli() {
  const out = cli(["templates"]);
  assert.equal(out.status, 0, out.stderr);
  const bySystem = { state: [], party: [] };
  for (const line of out.stdout.split("\n").filter(Boolean)) {
    const m = line.match(/^(\S+)\s.*?\[([^\]]+)\]/);
    assert.ok(m, `unexpected line of vanban templates: ${line}`);
    if (m[2].includes("nhà nước")) bySystem.state.push(m[1]);
    if (m[2].includes("Đảng")) bySystem.party.push(m[1]);
  }
  return bySystem;
}

async function offered(browser) {
  return browser.execute(() => Array.from(document.querySelectorAll("[data-template]"), (b) => b.getAttribute("data-template")));
}

/** Types into the field with data-field=`path` (an input, or a block editor's line `line`). */
async function fill(browser, path, text, line = 0) {
  const wrapper = await browser.$(`[data-field="${path}"]`);
  const tag = await wrapper.getTagName();
  const el = tag === "fieldset" ? (await wrapper.$$("textarea"))[line] : wrapper;
  await el.click();
  await el.setValue(text);
  return el;
}

/** Clicks a block editor's button (`add-basis`, `add-article`, …) and types into the new line. */
async function addLine(browser, field, action, text) {
  const editor = await browser.$(`[data-field="fields.${field}"]`);
  const before = (await editor.$$("textarea")).length;
  await (await editor.$(`[data-action="${action}"]`)).click();
  await browser.waitUntil(async () => (await editor.$$("textarea")).length === before + 1, {
    timeout: 5_000,
    timeoutMsg: `${action} did not add a line to ${field}`,
  });
  const el = (await editor.$$("textarea"))[before];
  assert.ok(await el.isFocused(), `${action} focuses the new line`);
  await el.setValue(text);
  return el;
}

/** Removes the first line of a block editor the way a person does: empty it, then Backspace. */
async function removeFirstLine(browser, field) {
  const editor = await browser.$(`[data-field="fields.${field}"]`);
  const before = (await editor.$$("textarea")).length;
  const el = (await editor.$$("textarea"))[0];
  await el.click();
  await browser.keys(["Control", "a"]);
  await browser.keys(["Control"]);
  await browser.keys(["Backspace"]);
  await browser.waitUntil(async () => (await el.getValue()) === "", { timeout: 5_000, timeoutMsg: "line not emptied" });
  await browser.keys(["Backspace"]);
  await browser.waitUntil(async () => (await editor.$$("textarea")).length === before - 1, {
    timeout: 5_000,
    timeoutMsg: `Backspace on an empty line did not remove it from ${field}`,
  });
}

async function kindsAndLabels(browser, field) {
  return browser.execute(
    (f) => Array.from(document.querySelectorAll(`[data-field="fields.${f}"] .line`), (l) => `${l.getAttribute("data-kind")}:${l.getAttribute("data-label")}`),
    field,
  );
}

async function previewText(browser) {
  return browser.execute(() => document.querySelector(".pages")?.textContent ?? "");
}

test("soạn Quyết định: đủ loại văn bản, hai căn cứ, hai điều, chữ ký TM./KT., xuất và kiểm tra", TEST_LIMIT, async () => {
  const dataDir = freshDataDir("quyet-dinh");
  const saveDir = fs.mkdtempSync(path.join(dataDir, "xuat-"));
  const app = await startApp({ dataDir, env: { VANBAN_TEST_SAVE_DIR: saveDir } });
  const { browser } = app;
  try {
    // Uncaught errors and rejected promises of the UI (a Svelte error shows up here) fail the test.
    await browser.execute(() => {
      window.__e2eErrors = [];
      window.addEventListener("error", (e) => window.__e2eErrors.push(String(e.message)));
      window.addEventListener("unhandledrejection", (e) => window.__e2eErrors.push(String(e.reason?.message ?? JSON.stringify(e.reason))));
    });
    // Every type the core has is offered, per system.
    const want = templatesByCli();
    assert.ok(want.state.length >= 20 && want.party.length >= 10, `few templates: ${JSON.stringify(want)}`);
    await (await browser.$("[data-template]")).waitForExist({ timeout: 10_000 });
    assert.deepEqual([...(await offered(browser))].sort(), [...want.state].sort(), "state system: types offered");
    await screenshot(app, "qd-01-start-state");
    await (await browser.$('input[type="radio"][value="party"]')).click();
    await browser.waitUntil(async () => (await offered(browser)).length === want.party.length, {
      timeout: 5_000,
      timeoutMsg: "the Party list was not shown",
    });
    assert.deepEqual([...(await offered(browser))].sort(), [...want.party].sort(), "Party system: types offered");
    await screenshot(app, "qd-02-start-party");
    await (await browser.$('input[type="radio"][value="state"]')).click();
    await browser.waitUntil(async () => (await offered(browser)).length === want.state.length, { timeout: 5_000 });

    await (await browser.$('[data-template="quyet-dinh"]')).click();
    await (await browser.$('[data-ready="editor"]')).waitForExist({ timeout: 10_000 });

    // A provincial People's Committee has no cơ quan chủ quản: the sample "UBND TỈNH ..." goes.
    const superior = await browser.$('[data-field="issuers[0].superior"]');
    await superior.click();
    await browser.keys(["Control", "a"]);
    await browser.keys(["Control"]);
    await browser.keys(["Backspace"]);
    await browser.waitUntil(async () => (await superior.getValue()) === "", { timeout: 5_000, timeoutMsg: "superior not emptied" });
    await fill(browser, "issuers[0].name", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN");
    await fill(browser, "issuers[0].abbr", "UBND");
    await fill(browser, "place", "Bắc Kạn");
    await fill(browser, "subject", "Về việc thành lập Tổ công tác chuyển đổi số của tỉnh");
    await fill(browser, "fields.tham_quyen", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN");

    // Two căn cứ with "+ Căn cứ"; the template's sample lines go.
    const defaults = (await (await browser.$('[data-field="fields.can_cu"]')).$$("textarea")).length;
    await addLine(browser, "can_cu", "add-basis", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025");
    await addLine(browser, "can_cu", "add-basis", "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ");
    for (let k = 0; k < defaults; k++) await removeFirstLine(browser, "can_cu");
    assert.deepEqual((await kindsAndLabels(browser, "can_cu")).map((s) => s.split(":")[0]), ["basis", "basis"]);

    // Two Điều with "+ Điều", each with a khoản ("+ Ý 1."); the sample Điều goes.
    await addLine(browser, "cac_dieu", "add-article", "Thành lập Tổ công tác");
    await addLine(browser, "cac_dieu", "add-numbered", "Thành lập Tổ công tác chuyển đổi số của tỉnh gồm các thành viên tại Phụ lục kèm theo.");
    await addLine(browser, "cac_dieu", "add-article", "Nhiệm vụ của Tổ công tác");
    await addLine(browser, "cac_dieu", "add-numbered", "Tham mưu cho Ủy ban nhân dân tỉnh triển khai chương trình chuyển đổi số.");
    await removeFirstLine(browser, "cac_dieu");
    await browser.waitUntil(
      async () => (await kindsAndLabels(browser, "cac_dieu")).join(" ") === "article:Điều 1. numbered:1. article:Điều 2. numbered:1.",
      { timeout: 5_000, timeoutMsg: async () => `labels of the articles: ${await kindsAndLabels(browser, "cac_dieu")}` },
    );

    // The closing articles.
    await fill(browser, "fields.trach_nhiem", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và Công nghệ và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này.");

    // The signature: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
    await (await browser.$('[data-field="signers[0].authority"]')).selectByAttribute("value", "tm");
    await fill(browser, "signers[0].on_behalf", "Ủy ban nhân dân");
    await (await browser.$('[data-action="add-stacked-0"]')).click();
    assert.equal(await (await browser.$('[data-field="signers[0].stacked[0].authority"]')).getValue(), "kt");
    await fill(browser, "signers[0].stacked[0].on_behalf", "Chủ tịch");
    await fill(browser, "signers[0].position", "PHÓ CHỦ TỊCH");
    await fill(browser, "signers[0].name", "Nguyễn Văn An");
    await fill(browser, "recipients.items", "Như Điều 4");
    await browser.keys(["Enter"]);
    await (await browser.$('[data-field="recipients.items"]')).addValue("Chủ tịch, các PCT UBND tỉnh");
    await fill(browser, "recipients.archive", "VT, KGVX");
    await browser.keys(["Tab"]);

    const needed = [/QUYẾT ĐỊNH:/, /Điều 1\.\s*Thành lập Tổ công tác/, /Điều 2\.\s*Nhiệm vụ của Tổ công tác/, /Căn cứ Luật Tổ chức chính quyền địa phương/,
      /TM\. ỦY BAN NHÂN DÂN\s*KT\. CHỦ TỊCH\s*PHÓ CHỦ TỊCH/, /Nguyễn Văn An/, /Điều 4\.\s*Chánh Văn phòng/,
      /- Như Điều 4;\s*- Chủ tịch, các PCT UBND tỉnh;/];
    await browser.waitUntil(async () => {
      const t = await previewText(browser);
      return needed.every((re) => re.test(t));
    }, {
      timeout: 10_000,
      timeoutMsg: "the preview lacks part of the Quyết định",
    }).catch(async (e) => {
      const t = await previewText(browser);
      throw new Error(`${e.message}: missing ${needed.filter((re) => !re.test(t))}\n${t.slice(0, 3000)}`);
    });
    assert.ok(!(await previewText(browser)).includes("UBND TỈNH ..."), "the emptied cơ quan chủ quản is still in the preview");
    await screenshot(app, "qd-03-editor-preview");
    await browser.execute(() => document.querySelector(".pages")?.lastElementChild?.scrollIntoView());
    await screenshot(app, "qd-04-preview-signature");
    await browser.waitUntil(
      async () => (await (await browser.$(".save-state")).getAttribute("data-save-state")) === "saved",
      { timeout: 10_000, timeoutMsg: "autosave did not finish" },
    );

    // Ctrl+E exports (the save dialog is replaced by VANBAN_TEST_SAVE_DIR in tests only).
    await browser.keys(["Control", "e"]);
    await browser.keys(["Control"]);
    const status = await browser.$('[role="status"]');
    await status.waitForExist({ timeout: 10_000, timeoutMsg: "no export notice" });
    await browser.waitUntil(async () => /Đã xuất/.test(await status.getText()), { timeout: 10_000, timeoutMsg: "not exported" });
    const files = fs.readdirSync(saveDir).filter((f) => f.endsWith(".docx"));
    assert.equal(files.length, 1, `exported files: ${files}`);
    const exported = path.join(saveDir, files[0]);

    const check = cli(["check", exported, "--format", "json"]);
    const report = JSON.parse(check.stdout);
    const errors = report.diagnostics.filter((d) => d.severity === "error");
    assert.equal(errors.length, 0, `errors in the exported file: ${JSON.stringify(errors, null, 1)}`);
    const reading = cli(["reading", exported]);
    assert.equal(reading.status, 0, reading.stderr);
    for (const want of ["QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]) {
      assert.ok(reading.stdout.includes(want), `the exported file lacks ${want}:\n${reading.stdout.slice(0, 4000)}`);
    }
    fs.writeFileSync(path.join(path.dirname(await screenshot(app, "qd-05-exported")), "qd-reading.txt"), reading.stdout);
    assert.deepEqual(await browser.execute(() => window.__e2eErrors), [], "errors in the UI");
  } catch (e) {
    await screenshot(app, "fail-quyet-dinh").catch(() => {});
    throw e;
  } finally {
    await stopApp(app);
  }
});
