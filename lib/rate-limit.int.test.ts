import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { RateLimitError } from "@/lib/errors";
import { consumeRateLimit, enforceRateLimit, pruneRateLimits } from "./rate-limit";

const at = (iso: string) => new Date(iso);

describe("consumeRateLimit", () => {
  it("allows `limit` attempts in a window, refuses the next, and counts from 1 again in the next window", async () => {
    const now = at("2026-03-02T10:15:00Z");
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await consumeRateLimit("test:a", 3, 3600, { now }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.resetAt.toISOString()).toBe("2026-03-02T11:00:00.000Z");
    expect(results[3]!.retryAfterSeconds).toBe(45 * 60);

    const nextWindow = await consumeRateLimit("test:a", 3, 3600, { now: at("2026-03-02T11:00:01Z") });
    expect(nextWindow).toMatchObject({ allowed: true, count: 1 });
  });

  it("keeps keys apart", async () => {
    const now = at("2026-03-02T10:00:00Z");
    await consumeRateLimit("test:b", 1, 60, { now });
    expect((await consumeRateLimit("test:b", 1, 60, { now })).allowed).toBe(false);
    expect((await consumeRateLimit("test:c", 1, 60, { now })).allowed).toBe(true);
  });

  it("holds under concurrent attempts: exactly `limit` of 25 simultaneous attempts get through", async () => {
    const now = at("2026-03-02T12:00:00Z");
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit("test:burst", 10, 600, { now })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("rejects nonsense arguments instead of silently allowing everything", async () => {
    await expect(consumeRateLimit("", 1, 60)).rejects.toThrow(TypeError);
    await expect(consumeRateLimit("k", 0, 60)).rejects.toThrow(TypeError);
    await expect(consumeRateLimit("k", Number.NaN, 60)).rejects.toThrow(TypeError);
    await expect(consumeRateLimit("k", 5, 0.5)).rejects.toThrow(TypeError);
    await expect(consumeRateLimit("x".repeat(201), 5, 60)).rejects.toThrow(TypeError);
  });

  it("enforceRateLimit throws a 429 RateLimitError carrying the retry delay", async () => {
    const now = at("2026-03-02T13:00:30Z");
    await enforceRateLimit("test:enforce", 1, 60, "Slow down", { now });
    const err = await enforceRateLimit("test:enforce", 1, 60, "Slow down", { now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ status: 429, message: "Slow down", retryAfterSeconds: 30 });
  });

  it("pruneRateLimits removes only windows that have ended", async () => {
    await consumeRateLimit("test:old", 5, 60, { now: at("2020-01-01T00:00:00Z") });
    await consumeRateLimit("test:live", 5, 3600, { now: at("2026-03-02T14:00:00Z") });
    await pruneRateLimits({ now: at("2026-03-02T14:10:00Z") });
    const keys = await queryRows<{ key: string }>(db, sql`SELECT key FROM rate_limits WHERE key IN ('test:old', 'test:live')`);
    expect(keys.map((k) => k.key)).toEqual(["test:live"]);
  });
});
