// The shell's commands for the components: the generated, typed wrappers (one per command of
// the Rust command table) plus the one event the shell sends.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { BATCH_PROGRESS_EVENT, commands } from "../bindings/commands";
import type { BatchProgress } from "../bindings/BatchProgress";

export { toAppError } from "./ipc";

/** The shell's commands, typed with the generated bindings. */
export const api = {
  ...commands,
  /** Calls `f` with each progress event of a folder check; resolves to the unsubscribe. */
  onBatchProgress: (f: (p: BatchProgress) => void): Promise<UnlistenFn> =>
    listen<BatchProgress>(BATCH_PROGRESS_EVENT, (e) => f(e.payload)),
};
