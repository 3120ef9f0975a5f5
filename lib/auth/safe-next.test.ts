import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNext("/mortgages/123/edit")).toBe("/mortgages/123/edit");
    expect(safeNext("/history?type=break_even#top")).toBe("/history?type=break_even#top");
  });

  it("sends anything that could leave the site to the fallback", () => {
    const escapes = ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/%09/evil.example".replace("%09", "\t"), "https://evil.example", "evil.example", "/\r\n/evil.example", "javascript:alert(1)"];
    for (const next of escapes) expect(safeNext(next, "/dashboard")).toBe("/dashboard");
    for (const next of [undefined, null, 42, ["/a"], ""]) expect(safeNext(next)).toBe("/dashboard");
  });

  it("resolves dot segments rather than passing them through", () => {
    expect(safeNext("/a/../settings")).toBe("/settings");
    expect(safeNext("/..//evil.example")).toBe("/dashboard");
  });
});
