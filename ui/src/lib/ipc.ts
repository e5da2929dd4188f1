// The one place that talks to the Tauri shell. Every command either resolves with its typed
// result or rejects with an `AppError` ({code, message} in Vietnamese); nothing else escapes.
// The typed wrappers themselves are generated: ../bindings/commands.ts.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "../bindings/AppError";

/** Turns anything a command rejected with into an AppError the UI can show. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const err = e as AppError;
    return { code: err.code, message: String(err.message) };
  }
  if (typeof e === "string") return { code: "internal", message: e };
  if (e instanceof Error) return { code: "internal", message: `Lỗi không mong đợi: ${e.message}` };
  return { code: "internal", message: "Lỗi không mong đợi." };
}

/** Calls a shell command; rejects only with an AppError. */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}
