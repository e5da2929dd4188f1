// End-to-end harness: drives the real Vanban window through tauri-driver + WebKitWebDriver.
//
// Each test file calls `startApp()` to get a WebdriverIO browser attached to a fresh app
// process. The harness owns everything it starts (tauri-driver, and through it the app) and
// stops only those processes, by pid. Screenshots go to target/e2e/ at the repository root.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "..", "..");
export const artifactsDir = path.join(repoRoot, "target", "e2e");
fs.mkdirSync(artifactsDir, { recursive: true });

/** Path of the `vanban` CLI built beside the app (used to check exported files). */
export function cliBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, "target");
  return path.join(target, "debug", "vanban");
}

/** Path of the app binary under test (debug build unless VANBAN_APP_BIN says otherwise). */
export function appBinary() {
  if (process.env.VANBAN_APP_BIN) return path.resolve(process.env.VANBAN_APP_BIN);
  const target = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, "target");
  return path.join(target, "debug", "vanban-app");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => { s.destroy(); resolve(true); });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${timeoutMs} ms`);
}

/** A fresh, empty data directory for one test (the app's SQLite library lives here). */
export function freshDataDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vanban-e2e-${name}-`));
}

/**
 * Starts tauri-driver (which starts WebKitWebDriver, which starts the app) and opens a session.
 * `env` is added to the app's environment: VANBAN_DATA_DIR, VANBAN_TEST_SAVE_DIR, VANBAN_TEST_OPEN_FILE,
 * VANBAN_TEST_OPEN_DIR (the folder the "Kiểm tra cả thư mục…" dialog would return). The VANBAN_TEST_*
 * hooks exist only in an app built with `--features e2e` (scripts/e2e.sh does).
 */
export async function startApp({ dataDir, env = {} } = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driverBin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo", "bin", "tauri-driver");
  const driver = spawn(driverBin, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, VANBAN_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let driverLog = "";
  driver.stdout.on("data", (d) => (driverLog += d));
  driver.stderr.on("data", (d) => (driverLog += d));
  try {
    await waitForPort(port, 15_000);
    const browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "error",
      connectionRetryTimeout: 60_000,
      capabilities: { "tauri:options": { application: appBinary() } },
    });
    const app = { browser, driver, dataDir, log: () => driverLog };
    // The UI is ready when the start screen or the editor has rendered.
    await browser.$("[data-ready]").waitForExist({ timeout: 30_000 });
    return app;
  } catch (e) {
    // Never leave a driver (and through it a window) behind: it would keep this file's
    // process alive after the test has failed.
    killTree(driver);
    throw new Error(`${e.message}\n--- tauri-driver log ---\n${driverLog.slice(-4000)}`);
  }
}

/** Kills a child process and everything it started, deepest first. */
function killTree(child) {
  for (const pid of [child.pid, ...descendants(child.pid)].reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** Ends the session and stops tauri-driver (and with it WebKitWebDriver and the app).
 *
 * Every step is bounded: a driver that ignores SIGTERM, or a WebKitWebDriver stuck on a dead
 * app, is killed (with everything it started) after a few seconds, so a test can never hang CI.
 */
export async function stopApp(app) {
  const tree = [app.driver.pid, ...descendants(app.driver.pid)];
  await withTimeout(app.browser.deleteSession(), 10_000).catch(() => {
    // The app may already be gone (the crash test kills it), or the driver is stuck.
  });
  if (app.driver.exitCode === null && app.driver.signalCode === null) {
    const exited = new Promise((r) => app.driver.once("exit", r));
    app.driver.kill("SIGTERM");
    if ((await withTimeout(exited, 5_000).catch(() => "timeout")) === "timeout") {
      killTree(app.driver);
      for (const pid of tree.reverse()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
  }
  // A grandchild that outlived the driver may still hold its output pipes open, which keeps
  // node's event loop (and so the test file) alive after the last test: let go of them.
  app.driver.stdout?.destroy();
  app.driver.stderr?.destroy();
}

/** Resolves like `promise`, or rejects after `ms` milliseconds. */
export function withTimeout(promise, ms) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Per-test limit: a hung window fails the test instead of the whole CI run. */
export const TEST_LIMIT = { timeout: 240_000 };

/** Pids of all descendants of `pid` (from /proc), deepest last. */
export function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** The pid of the app process started for this session (a descendant of our tauri-driver). */
export function appPid(app) {
  const bin = fs.realpathSync(appBinary());
  for (const pid of descendants(app.driver.pid)) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/exe`) === bin) return pid;
    } catch {
      // Not ours to read, or gone.
    }
  }
  throw new Error("app process not found under tauri-driver");
}

/** Saves a screenshot of the webview and of the whole X screen (window title visible). */
export async function screenshot(app, name) {
  const file = path.join(artifactsDir, `${name}.png`);
  await withTimeout(app.browser.saveScreenshot(file), 30_000);
  if (process.env.DISPLAY) {
    try {
      execFileSync("import", ["-window", "root", path.join(artifactsDir, `${name}-screen.png`)], {
        stdio: "ignore",
        timeout: 20_000,
      });
    } catch {
      // imagemagick missing: the webview screenshot is enough.
    }
  }
  return file;
}

/** Runs the `vanban` CLI (bounded: a hung child fails the test instead of stalling it). */
export function runCli(args) {
  const r = spawnSync(cliBinary(), args, { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

/** The error findings of `vanban check FILE --format json`. */
export function checkErrors(file) {
  const r = runCli(["check", file, "--format", "json"]);
  return JSON.parse(r.stdout).diagnostics.filter((d) => d.severity === "error");
}

/** Records uncaught errors and rejected promises of the UI in `window.__e2eErrors`. */
export async function watchUiErrors(browser) {
  await browser.execute(() => {
    window.__e2eErrors = [];
    window.addEventListener("error", (e) => window.__e2eErrors.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__e2eErrors.push(String(e.reason?.message ?? JSON.stringify(e.reason))));
  });
}

/** Types text into the focused element the way a person does, key by key. */
export async function typeText(browser, el, text) {
  await el.click();
  await browser.keys(Array.from(text));
}
