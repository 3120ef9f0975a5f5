import { describe, expect, it } from "vitest";
import { isActivePath } from "./nav-list";

describe("isActivePath", () => {
  it("marks a section active on its own page and the pages below it", () => {
    const mortgages = { href: "/mortgages", label: "Mortgages" };
    expect(isActivePath("/mortgages", mortgages)).toBe(true);
    expect(isActivePath("/mortgages/123/edit", mortgages)).toBe(true);
    expect(isActivePath("/mortgages-archive", mortgages)).toBe(false);
    expect(isActivePath("/dashboard", mortgages)).toBe(false);
  });

  it("keeps an overview (exact) active only on its own page, not on its sections", () => {
    const overview = { href: "/admin", label: "Overview", exact: true };
    expect(isActivePath("/admin", overview)).toBe(true);
    expect(isActivePath("/admin/users", overview)).toBe(false);
  });
});
