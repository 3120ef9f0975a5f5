import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const id = "0b6f3c1e-7a2d-4c5e-9f10-1234567890ab";

describe("admin list cursors", () => {
  it("round-trips the database's own timestamptz text and ISO strings", () => {
    for (const at of ["2026-11-30 08:00:52.467123+00", "2026-02-28 23:59:59-05:30", "2024-02-29T00:00:00Z", "2026-11-30 08:00+01"]) {
      expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
    }
  });

  it("ignores a cursor the database could not cast, instead of failing the page", () => {
    const bad = ["2024-99-99 99:99", "2025-02-29 10:00:00+00", "2026-11-30 24:00:00+00", "2026-11-30 10:61:00", "2026-11-30 10:00:00+16", "2026-11-30 1:2:3:4", "yesterday"];
    for (const at of bad) expect(decodeCursor(encodeCursor(at, id))).toBeNull();
    expect(decodeCursor(encodeCursor("2026-11-30 08:00:00+00", "not-a-uuid-------------------------"))).toBeNull();
    expect(decodeCursor(Buffer.from(`2026-11-30 08:00:00+00|${id}|x`).toString("base64url"))).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(null)).toBeNull();
  });
});
