import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as latestGET } from "@/app/api/rates/latest/route";
import { GET as seriesGET } from "@/app/api/rates/route";
import { db } from "@/db";
import { mortgages, userPreferences, users } from "@/db/schema";
import { seedRates } from "@/db/seed-rates";
import { userRateOverlay } from "./series";

const get = (query: string, headers: Record<string, string> = {}) => seriesGET(new Request(`http://test/api/rates${query}`, { headers }));

beforeAll(async () => {
  await seedRates(db);
});

describe("GET /api/rates", () => {
  it("returns one series between two dates, oldest first, with points where published", async () => {
    const res = await get("?type=30_year_fixed&from=2022-11-01&to=2022-11-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
    const body = await res.json();
    expect(body).toMatchObject({ type: "30_year_fixed", from: "2022-11-01", to: "2022-11-30", downsampled: false });
    expect(body.points).toEqual([
      { date: "2022-11-03", rate: 6.95, points: 0.8 },
      { date: "2022-11-10", rate: 7.08, points: 0.9 },
      { date: "2022-11-17", rate: 6.61, points: null },
      { date: "2022-11-23", rate: 6.58, points: null },
    ]);
  });

  it("answers 400 with a message for a bad type, date, range or period", async () => {
    for (const [query, message] of [
      ["?type=40_year_fixed", /type must be one of/],
      ["?from=2024-02-30", /from is not a real date/],
      ["?to=yesterday", /to must be a date as yyyy-mm-dd/],
      ["?range=2W", /range must be one of/],
      ["?range=1Y&from=2020-01-01", /either range or from\/to/],
      ["?from=2024-01-01&to=2023-01-01", /from must not be after to/],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toMatch(message);
    }
  });

  it("ranges end at the newest survey week; 1Y of the 30-year holds a year of weeks", async () => {
    const body = await (await get("?type=30_year_fixed&range=1y")).json();
    expect(body.range).toBe("1Y");
    expect(body.to).toBe("2026-09-24");
    expect(body.from).toBe("2025-09-25");
    expect(body.points.length).toBeGreaterThanOrEqual(52);
    expect(body.points.at(-1)).toEqual({ date: "2026-09-24", rate: 7.03, points: null });
    // The 5/1 ARM ended in 2022: a recent range is honestly empty.
    expect((await (await get("?type=5_1_ARM&range=1Y")).json()).points).toEqual([]);
    // A type Freddie Mac never published has no invented values.
    expect((await (await get("?type=FHA_30&range=MAX")).json()).points).toEqual([]);
  });

  it("Max is downsampled to at most 600 points, keeps the 1981 peak and the 2021 low, and stays under 30 KB gzipped", async () => {
    const res = await get("?type=30_year_fixed&range=MAX");
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.total).toBe(2896);
    expect(body.downsampled).toBe(true);
    expect(body.points.length).toBeLessThanOrEqual(600);
    expect(body.points[0]).toMatchObject({ date: "1971-04-02", rate: 7.33 });
    expect(body.points).toContainEqual({ date: "1981-10-09", rate: 18.63, points: expect.any(Number) });
    expect(body.points).toContainEqual({ date: "2021-01-07", rate: 2.65, points: expect.any(Number) });
    expect(gzipSync(text).length).toBeLessThan(30 * 1024);
  });

  it("sends an ETag and answers a matching If-None-Match with an empty 304", async () => {
    const first = await get("?type=15_year_fixed&range=5Y");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("?type=15_year_fixed&range=5Y", { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get("?type=15_year_fixed&range=5Y", { "If-None-Match": `"other", W/${etag}` })).status).toBe(304);
    const other = await get("?type=15_year_fixed&range=1Y", { "If-None-Match": etag! });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });
});

describe("GET /api/rates/latest", () => {
  it("lists the newest week of each published type with its change, cacheable with an ETag", async () => {
    const res = await latestGET(new Request("http://test/api/rates/latest"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rates).toEqual(
      expect.arrayContaining([
        { type: "30_year_fixed", date: "2026-09-24", rate: 7.03, points: null, changeFromPrevious: 0.08 },
        { type: "15_year_fixed", date: "2026-09-24", rate: 6.42, points: null, changeFromPrevious: 0.16 },
        { type: "5_1_ARM", date: "2022-11-10", rate: 6.06, points: 0.2, changeFromPrevious: 0.11 },
      ]),
    );
    expect(body.rates).toHaveLength(3);
    const etag = res.headers.get("etag")!;
    expect((await latestGET(new Request("http://test/api/rates/latest", { headers: { "If-None-Match": etag } }))).status).toBe(304);
  });
});

describe("userRateOverlay (GET /api/rates/me)", () => {
  it("lists the user's live mortgages with their refi zone from the user's threshold; never another user's", async () => {
    const [owner, other] = await db
      .insert(users)
      .values([
        { email: "overlay-owner@example.com", name: "Owner", passwordHash: "x" },
        { email: "overlay-other@example.com", name: "Other", passwordHash: "x" },
      ])
      .returning();
    await db.insert(userPreferences).values({ userId: owner!.id, minRateDropThreshold: 0.5 });
    const loan = { zipCode: "02139", originalPrincipalCents: 40_000_000, originalTerm: 360, remainingPrincipalCents: 38_000_000, remainingTerm: 340 };
    await db.insert(mortgages).values([
      { ...loan, userId: owner!.id, name: "Home", originalInterestRate: 7.25 },
      { ...loan, userId: owner!.id, name: "Sold cottage", originalInterestRate: 5, deletedAt: new Date() },
      { ...loan, userId: other!.id, name: "Theirs", originalInterestRate: 6 },
    ]);
    const overlay = await userRateOverlay(owner!.id);
    expect(overlay.threshold).toBe(0.5);
    expect(overlay.mortgages).toEqual([{ id: expect.any(String), name: "Home", rate: 7.25, refiBelow: 6.75 }]);
    // Without a preferences row the column default (0.125) applies.
    expect(await userRateOverlay(other!.id)).toMatchObject({ threshold: 0.125, mortgages: [{ name: "Theirs", rate: 6, refiBelow: 5.875 }] });
  });
});
