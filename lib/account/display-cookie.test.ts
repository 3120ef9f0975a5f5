import { describe, expect, it } from "vitest";
import { DEFAULT_DISPLAY } from "@/lib/format";
import { displayCookieValue, displayFromCookie } from "./display-cookie";

describe("the display cookie", () => {
  it("is not needed for the site's own dollars and dates", () => {
    expect(displayCookieValue(DEFAULT_DISPLAY)).toBeNull();
    expect(displayFromCookie(undefined)).toBeNull();
    expect(displayFromCookie("")).toBeNull();
  });

  it("carries a homeowner's currency and date format there and back, encoded or not", () => {
    const value = displayCookieValue({ currency: "EUR", dateFormat: "DD/MM/YYYY" })!;
    expect(displayFromCookie(value, "Europe/Berlin")).toEqual({ currency: "EUR", dateFormat: "DD/MM/YYYY", timeZone: "Europe/Berlin" });
    expect(displayFromCookie(encodeURIComponent(value))).toEqual({ currency: "EUR", dateFormat: "DD/MM/YYYY", timeZone: "UTC" });
    expect(displayFromCookie(displayCookieValue({ currency: "USD", dateFormat: "YYYY-MM-DD" }))).toMatchObject({ currency: "USD", dateFormat: "YYYY-MM-DD" });
  });

  it("reads anything it does not know as the default, never as an error", () => {
    expect(displayFromCookie("XYZ~nonsense")).toEqual(DEFAULT_DISPLAY);
    expect(displayFromCookie("%E0%A4%A")).toBeNull();
    expect(displayFromCookie("EUR~DD/MM/YYYY", "Not/A_Zone")).toMatchObject({ currency: "EUR", timeZone: "UTC" });
  });
});
