import { describe, expect, it } from "vitest";
import { requestedPath } from "./request-path";

describe("requestedPath", () => {
  it("keeps the path and query a reader asked for", () => {
    expect(requestedPath(new URL("http://x/alerts"))).toBe("/alerts");
    expect(requestedPath(new URL("http://x/history?type=break_even&page=2"))).toBe("/history?type=break_even&page=2");
  });

  it("drops the router's cache-busting parameter", () => {
    expect(requestedPath(new URL("http://x/mortgages?_rsc=abc123"))).toBe("/mortgages");
    expect(requestedPath(new URL("http://x/history?_rsc=abc&type=payment"))).toBe("/history?type=payment");
  });
});
