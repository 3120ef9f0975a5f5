// The worker imports rates outside any Next request, where Next refuses to drop its cache: the
// import then asks the running app through its hook. Here the "app" is a real HTTP server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isRevalidateHookToken } from "./revalidate-hook";

let server: Server;
const calls: { method: string; url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    calls.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization });
    res.writeHead(200, { "content-type": "application/json" }).end('{"revalidated":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.resetModules();
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("an import outside a request (the worker)", () => {
  it("asks the running app to drop its cached rates, with the hook's token, once the rows are in", async () => {
    const { importRatesFromText } = await import("./import");
    const r = await importRatesFromText("date,rate_type,rate,points\n2026-02-05,30_year_fixed,6.11,", { source: "worker.csv" });
    expect(r).toMatchObject({ committed: true, inserted: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: "POST", url: "/api/rates/revalidate" });
    const token = /^Bearer (\S+)$/.exec(calls[0]!.authorization ?? "")?.[1] ?? null;
    expect(isRevalidateHookToken(token, process.env.AUTH_SECRET!)).toBe(true);

    // Nothing changed: nothing to drop, nobody asked.
    await importRatesFromText("date,rate_type,rate,points\n2026-02-05,30_year_fixed,6.11,", { source: "worker.csv" });
    expect(calls).toHaveLength(1);
  });
});
