// Tells the shell, once, that the first screen is on the page: the shell then shows the
// window (created hidden so it never flashes blank) and logs the start-up time. A hidden
// webview may not run animation frames, so a short timer stands in for the frame.
import { api } from "./api";

let sent = false;

/** Signals the first screen; later calls do nothing. */
export function signalReady(): void {
  if (sent) return;
  sent = true;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    api.uiReady().catch(() => {});
  };
  requestAnimationFrame(go);
  setTimeout(go, 50);
}
