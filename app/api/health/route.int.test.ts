import { describe, expect, it } from "vitest";

// Point the app at a port where no database listens, before anything reads the environment.
process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/unreachable";

describe("GET /api/health", () => {
  it("answers 503 quickly, not a hang, when the database is down", async () => {
    const { GET } = await import("./route");
    const started = Date.now();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(await res.json()).toEqual({ status: "unavailable", database: "down" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
