import autocannon from "autocannon";
import type { BenchRow } from "./report";

export type Route = {
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Status codes that count as the expected answer (default 2xx). */
  expect?: number[];
  /** Throughput target as a share of the bare route's. */
  ratioTarget?: number;
  /** A reference page built only for the benchmark: measured like the others, held to no target. */
  reference?: boolean;
  /** Cookie headers handed out in turn, one per request (e.g. many users, so no per-user limit is hit). */
  cookies?: string[];
};

type Result = { rps: number; p50: number; p95: number; p97_5: number; p99: number; errors: number; non2xx: number };

/** The q-th percentile (nearest rank) of response times. */
function percentile(times: number[], q: number): number {
  if (times.length === 0) return NaN;
  const sorted = Float64Array.from(times).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
}

async function load(baseUrl: string, route: Route, connections: number, duration: number): Promise<Result> {
  let turn = 0;
  const cookies = route.cookies;
  // autocannon's summary has p90 and p97.5 but no p95: every response time is kept to take it exactly.
  const times: number[] = [];
  const options: autocannon.Options = {
    url: baseUrl + route.path,
    method: route.method ?? "GET",
    headers: route.headers,
    body: route.body,
    requests: cookies?.length
      ? [{ method: route.method ?? "GET", path: route.path, body: route.body, setupRequest: (req) => ({ ...req, headers: { ...route.headers, cookie: cookies[turn++ % cookies.length]! } }) }]
      : undefined,
    connections,
    duration,
    pipelining: 1,
    timeout: 10,
  };
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  // Every answer must be the expected one (a 429 or 500 is not throughput).
  const stats = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = (code: number) => (route.expect ? route.expect.includes(code) : code >= 200 && code < 300);
  const unexpected = Object.entries(stats).reduce((n, [code, { count }]) => (ok(Number(code)) ? n : n + count), 0);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p95: Math.round(percentile(times, 95) * 10) / 10,
    p97_5: (r.latency as unknown as Record<string, number>).p97_5 ?? r.latency.p99,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: unexpected,
  };
}

/**
 * Each route at 50 connections (throughput, latency, ratio to the bare route) and at 10
 * connections (p95 under 100 ms), after a short warm-up. The ratio is taken against a bare-route
 * run made just before the route (half the duration): this host's speed drifts by tens of
 * percent over a few minutes, so one bare run at the start would favour or punish whichever
 * route happens to run in a fast or slow spell.
 */
export async function benchHttp(baseUrl: string, routes: Route[], duration: number, warmup: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bareRoute = routes.find((r) => r.name === "bare route");
  for (const route of routes) {
    await load(baseUrl, route, 10, warmup);
    const bare = bareRoute && route !== bareRoute ? (await load(baseUrl, bareRoute, 50, Math.max(5, Math.round(duration / 2)))).rps : 0;
    const heavy = await load(baseUrl, route, 50, duration);
    const light = await load(baseUrl, route, 10, Math.max(5, Math.round(duration / 2)));
    const ratio = bare ? heavy.rps / bare : 1;
    const broken = heavy.errors + heavy.non2xx > 0 ? `${heavy.errors} errors, ${heavy.non2xx} unexpected statuses` : undefined;
    rows.push({
      area: "http",
      measure: `${route.name} @50: req/s (p50 ${heavy.p50} / p95 ${heavy.p95} / p99 ${heavy.p99} ms)`,
      value: heavy.rps,
      unit: "req/s",
      target: route.ratioTarget ? `≥ ${route.ratioTarget * 100} % of bare` : undefined,
      ok: route.ratioTarget ? ratio >= route.ratioTarget && !broken : broken ? false : null,
      note: `${(ratio * 100).toFixed(0)} % of bare${bare ? ` (${Math.round(bare)} req/s just before)` : ""}${broken ? `; ${broken}` : ""}`,
    });
    const p95Target = !route.reference;
    rows.push({
      area: "http",
      measure: `${route.name} @10: p95 latency (p97.5 ${light.p97_5} ms)`,
      value: light.p95,
      unit: "ms",
      target: p95Target ? "p95 < 100 ms" : undefined,
      ok: p95Target ? light.p95 < 100 : null,
    });
  }
  return rows;
}
