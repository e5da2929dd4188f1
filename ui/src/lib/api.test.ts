import { describe, expect, it } from "vitest";
import { toAppError } from "./ipc";

describe("toAppError", () => {
  it("keeps a typed error from the shell", () => {
    expect(toAppError({ code: "io", message: "Không ghi được tệp" })).toEqual({ code: "io", message: "Không ghi được tệp" });
  });
  it("wraps a bare string and an Error in Vietnamese", () => {
    expect(toAppError("hỏng")).toEqual({ code: "internal", message: "hỏng" });
    expect(toAppError(new Error("boom")).message).toBe("Lỗi không mong đợi: boom");
    expect(toAppError(42).message).toBe("Lỗi không mong đợi.");
  });
});
