// Typed calls into the Tauri shell. Every command either resolves with its typed result or
// rejects with an `AppError` ({code, message} in Vietnamese); nothing else escapes.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
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

import type { AppInfo } from "../bindings/AppInfo";
import type { BatchProgress } from "../bindings/BatchProgress";
import type { BatchSummary } from "../bindings/BatchSummary";
import type { CheckView } from "../bindings/CheckView";
import type { ClauseChoice } from "../bindings/ClauseChoice";
import type { ExportResult } from "../bindings/ExportResult";
import type { IssuePlan } from "../bindings/IssuePlan";
import type { LibraryChoices } from "../bindings/LibraryChoices";
import type { IssueResult } from "../bindings/IssueResult";
import type { Draft } from "../bindings/Draft";
import type { DraftSummary } from "../bindings/DraftSummary";
import type { DraftVersion } from "../bindings/DraftVersion";
import type { OpenDraft } from "../bindings/OpenDraft";
import type { PreviewResult } from "../bindings/PreviewResult";
import type { ReportFormat } from "../bindings/ReportFormat";
import type { SavedDraft } from "../bindings/SavedDraft";
import type { System } from "../bindings/System";
import type { TemplateDef } from "../bindings/TemplateDef";

/** The shell's commands, typed with the generated bindings. */
export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  uiReady: () => call<number>("ui_ready"),
  listTemplates: () => call<TemplateDef[]>("list_templates"),
  recentDrafts: () => call<DraftSummary[]>("recent_drafts"),
  newDraft: (template: string, system: System) => call<OpenDraft>("new_draft", { template, system }),
  openDraft: (id: number) => call<OpenDraft>("open_draft", { id }),
  saveDraft: (id: number, draft: Draft) => call<SavedDraft>("save_draft", { id, draft }),
  closeDraft: () => call<void>("close_draft"),
  draftHistory: (id: number) => call<DraftVersion[]>("draft_history", { id }),
  restoreVersion: (id: number, version: number) => call<OpenDraft>("restore_version", { id, version }),
  duplicateDraft: (id: number) => call<OpenDraft>("duplicate_draft", { id }),
  libraryChoices: (system: System) => call<LibraryChoices>("library_choices", { system }),
  previewDraft: (draft: Draft) => call<PreviewResult>("preview_draft", { draft }),
  searchClauses: (text: string, docType: string | null) => call<ClauseChoice[]>("search_clauses", { text, docType }),
  useClause: (id: number, values: Record<string, string>) => call<string>("use_clause", { id, values }),
  exportDocx: (id: number, draft: Draft) => call<ExportResult>("export_docx", { id, draft }),
  issuePlan: (draft: Draft) => call<IssuePlan>("issue_plan", { draft }),
  issueDraft: (id: number, draft: Draft, number: number) => call<IssueResult>("issue_draft", { id, draft, number }),
  setTermStart: (draft: Draft, startedOn: string) => call<void>("set_term_start", { draft, startedOn }),
  reviewOpen: () => call<CheckView>("review_open"),
  reviewFix: (index: number | null, guarded: boolean) => call<CheckView>("review_fix", { index, guarded }),
  reviewSave: () => call<string>("review_save"),
  batchCheck: () => call<BatchSummary>("batch_check"),
  batchSaveReport: (format: ReportFormat) => call<string>("batch_save_report", { format }),
  /** Calls `f` with each progress event of a folder check; resolves to the unsubscribe. */
  onBatchProgress: (f: (p: BatchProgress) => void): Promise<UnlistenFn> =>
    listen<BatchProgress>("batch-progress", (e) => f(e.payload)),
};
