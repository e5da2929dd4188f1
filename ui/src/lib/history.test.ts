import { describe, expect, it } from "vitest";
import { History } from "./history";

describe("History", () => {
  it("undoes and redoes whole steps, coalescing quick edits", () => {
    const h = new History({ a: "" }, 500);
    h.record({ a: "x" }, 1000);
    h.record({ a: "xy" }, 1200); // same step as "x"
    h.record({ a: "xyz" }, 2000); // new step
    expect(h.undo()).toEqual({ a: "xy" });
    expect(h.undo()).toEqual({ a: "" });
    expect(h.undo()).toBeNull();
    expect(h.redo()).toEqual({ a: "xy" });
    expect(h.redo()).toEqual({ a: "xyz" });
    expect(h.canRedo).toBe(false);
  });
  it("drops the redo branch on a new edit and ignores unchanged states", () => {
    const h = new History(1, 0);
    h.record(2, 10);
    h.undo();
    h.record(1, 20);
    expect(h.canUndo).toBe(false);
    h.record(3, 30);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(1);
  });
});
