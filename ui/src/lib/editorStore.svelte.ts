// The editor's state in one place: the draft being edited, its preview and findings, save
// state, undo history and the issuing (phát hành) steps. Components read it and call its
// methods; only this file talks to the shell about the open draft.
import { api } from "./api";
import { History } from "./history";
import { applyTextFix } from "./fixes";
import type { AppError } from "../bindings/AppError";
import type { DiagnosticView } from "../bindings/DiagnosticView";
import type { Draft } from "../bindings/Draft";
import type { ImportReport } from "../bindings/ImportReport";
import type { IssuePlan } from "../bindings/IssuePlan";
import type { LibraryChoices } from "../bindings/LibraryChoices";
import type { MarkupLine } from "../bindings/MarkupLine";
import type { OpenDraft } from "../bindings/OpenDraft";
import type { PreviewResult } from "../bindings/PreviewResult";
import type { TemplateDef } from "../bindings/TemplateDef";

/** Whether the draft on screen is in the library. */
export type SaveState = "saved" | "dirty" | "saving" | "error";

/** Vietnamese label of each save state, for the toolbar. */
export const SAVE_LABELS: Record<SaveState, string> = {
  saved: "Đã lưu", dirty: "Chưa lưu…", saving: "Đang lưu…", error: "Lỗi khi lưu",
};

/** How a draft is opened: after a crash, with a notice, or just imported from a Word file. */
export interface OpenOptions {
  recovered?: boolean;
  notice?: string;
  imported?: Imported;
}

/** A Word file just opened as this draft, with what did not map (shown until closed). */
export interface Imported {
  file: string;
  report: ImportReport;
}

/** What the editor reports upwards. */
export interface EditorHost {
  onError: (e: AppError) => void;
  onReplace: (o: OpenDraft, notice?: string) => void;
}

/** One open draft in the editor. */
export class EditorStore {
  readonly id: number;
  readonly template: TemplateDef;
  readonly lockedVersion: number | null;
  draft = $state<Draft>() as Draft;
  result = $state<PreviewResult | null>(null);
  saveState = $state<SaveState>("saved");
  savedVersion = $state(0);
  notice = $state<string | null>(null);
  imported = $state<Imported | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  choices = $state<LibraryChoices | null>(null);
  /** Phát hành: the expected number (số dự kiến) to confirm, and the number typed. */
  plan = $state<IssuePlan | null>(null);
  issueNumber = $state("");
  /** A Party body numbers per type through its nhiệm kỳ: asked once, when first issuing. */
  askTerm = $state<string | null>(null);
  termStart = $state("");
  exportWarn = $state(false);

  private history: History<Draft>;
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private previewSeq = 0;
  host: EditorHost;
  /** Each markup field's lines as the core read them when the draft was opened. */
  fieldLines: Record<string, MarkupLine[]> = {};

  /** Opens the editor's state for a draft, with its markup fields already read by the core. */
  static async open(opened: OpenDraft, host: EditorHost, opts: OpenOptions = {}): Promise<EditorStore> {
    const store = new EditorStore(opened, host, opts);
    const markup = opened.template.fields.filter((f) => f.kind === "markup");
    const read = await Promise.all(markup.map((f) => api.markupLines(opened.draft.fields[f.name] ?? "", opened.draft.system)));
    markup.forEach((f, i) => (store.fieldLines[f.name] = read[i]));
    return store;
  }

  constructor(opened: OpenDraft, host: EditorHost, opts: OpenOptions = {}) {
    this.id = opened.id;
    this.template = opened.template;
    this.lockedVersion = opened.locked_version;
    this.draft = structuredClone(opened.draft);
    this.savedVersion = opened.version;
    this.notice = opts.notice ?? (opts.recovered ? "Đã khôi phục bản thảo đang soạn dở từ lần trước." : null);
    this.imported = opts.imported ?? null;
    this.history = new History<Draft>(structuredClone(opened.draft));
    this.host = host;
  }

  /** A plain copy of the draft, to send to the shell. */
  snapshot(): Draft {
    return $state.snapshot(this.draft) as Draft;
  }

  /** First preview and the library's pickers. */
  start(): void {
    this.refreshPreview();
    api.libraryChoices(this.draft.system).then((c) => (this.choices = c), (e) => this.host.onError(e as AppError));
  }

  /** Stops the timers (the editor is closing). */
  stop(): void {
    clearTimeout(this.previewTimer);
  }

  async refreshPreview(): Promise<void> {
    const seq = ++this.previewSeq;
    try {
      const r = await api.previewDraft(this.snapshot());
      if (seq === this.previewSeq) this.result = r;
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }

  async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.saveState === "saved") return;
    this.saveState = "saving";
    try {
      const s = await api.saveDraft(this.id, this.snapshot());
      this.savedVersion = s.version;
      if (this.saveState === "saving") this.saveState = "saved";
    } catch (e) {
      this.saveState = "error";
      this.host.onError(e as AppError);
    }
  }

  /** Saves without waiting (the window is closing). */
  flush(): void {
    if (this.saveState !== "saved") api.saveDraft(this.id, this.snapshot());
  }

  /** Call after every change of the draft: records undo, previews and autosaves (debounced). */
  changed(record = true): void {
    if (record) {
      this.history.record(this.snapshot());
      this.canUndo = this.history.canUndo;
      this.canRedo = this.history.canRedo;
    }
    this.saveState = "dirty";
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.refreshPreview(), 120);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 500);
  }

  undo(): void {
    this.step(this.history.undo());
  }

  redo(): void {
    this.step(this.history.redo());
  }

  private step(s: Draft | null | undefined): void {
    if (s) {
      this.draft = s;
      this.changed(false);
    }
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
  }

  /** One-click fix of a checker finding, in the field the finding names. */
  fix(d: DiagnosticView): void {
    const f = d.fix;
    if (!f?.before || f.after == null) return;
    const next = applyTextFix(this.snapshot(), d.field, f.before, f.after);
    if (!next) {
      this.host.onError({ code: "fix", message: "Không tìm thấy đoạn cần sửa: có thể nó đã được sửa." });
      return;
    }
    this.draft = next;
    this.changed();
  }

  /** Export (Ctrl+E), after a warning when errors remain. */
  async exportDocx(force = false, errors = 0): Promise<void> {
    if (errors > 0 && !force) {
      this.exportWarn = true;
      return;
    }
    this.exportWarn = false;
    await this.saveNow();
    try {
      const r = await api.exportDocx(this.id, this.snapshot());
      this.notice = `Đã xuất: ${r.path}`;
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }

  /** Phát hành, step 1: the expected number, or the nhiệm kỳ question first. */
  async startIssue(): Promise<void> {
    await this.saveNow();
    try {
      this.plan = await api.issuePlan(this.snapshot());
      this.issueNumber = String(this.plan.expected);
    } catch (e) {
      const err = e as AppError;
      if (err.code === "no_term_start") this.askTerm = err.message;
      else this.host.onError(err);
    }
  }

  async saveTermStart(): Promise<void> {
    if (!this.termStart) {
      this.host.onError({ code: "issue", message: "Chọn ngày bắt đầu nhiệm kỳ." });
      return;
    }
    try {
      await api.setTermStart(this.snapshot(), this.termStart);
      this.askTerm = null;
      await this.startIssue();
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }

  /** Phát hành, step 2: register the number and lock the version. */
  async confirmIssue(): Promise<void> {
    const n = parseInt(this.issueNumber, 10);
    if (!Number.isFinite(n) || n < 1) {
      this.host.onError({ code: "issue", message: "Số văn bản phải là số nguyên từ 1." });
      return;
    }
    try {
      const r = await api.issueDraft(this.id, this.snapshot(), n);
      this.plan = null;
      this.host.onReplace(r.opened, `Đã phát hành văn bản số ${r.registered}; phiên bản này đã được khóa trong sổ văn bản đi.`);
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }

  /** A new, unnumbered draft from this issued one. */
  async duplicate(): Promise<void> {
    try {
      this.host.onReplace(await api.duplicateDraft(this.id), "Đã tạo bản sao chưa có số để soạn tiếp.");
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }

  /** Saves and closes the draft in the shell (the session no longer reopens it). */
  async close(): Promise<void> {
    await this.saveNow();
    try {
      await api.closeDraft();
    } catch (e) {
      this.host.onError(e as AppError);
    }
  }
}
