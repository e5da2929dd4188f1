// Typed calls into the Tauri shell. Every command either resolves with its typed result or
// rejects with an `AppError` ({code, message} in Vietnamese); nothing else escapes.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "../bindings/AppError";

/** Turns anything a command rejected with into an AppError the UI can show. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    return { code: String((e as AppError).code), message: String((e as AppError).message) };
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
