// Undo/redo (hoàn tác / làm lại) over snapshots of the whole draft. Snapshots closer together
// than `coalesceMs` merge into one step, so undo goes back a word or a pause, not a key.

export class History<T> {
  private past: string[] = [];
  private future: string[] = [];
  private current: string;
  private lastPush = 0;

  constructor(initial: T, private coalesceMs = 800, private limit = 200) {
    this.current = JSON.stringify(initial);
  }

  /** Records a new state (no-op if unchanged). `now` is injectable for tests. */
  record(state: T, now = Date.now()): void {
    const s = JSON.stringify(state);
    if (s === this.current) return;
    if (now - this.lastPush > this.coalesceMs || this.past.length === 0) {
      this.past.push(this.current);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.lastPush = now;
    this.current = s;
    this.future = [];
  }

  /** Whether there is something to undo / redo. */
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Steps back; returns the state to show, or null. */
  undo(): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(this.current);
    this.current = prev;
    this.lastPush = 0;
    return JSON.parse(prev) as T;
  }

  /** Steps forward; returns the state to show, or null. */
  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.current);
    this.current = next;
    this.lastPush = 0;
    return JSON.parse(next) as T;
  }
}
