import { execFileSync, spawn, type ChildProcess } from "node:child_process";

/**
 * As scripts/start.sh runs `next start` (its comment says why): old space capped at 224 MB,
 * 32 MB semi-spaces.
 * BENCH_SERVER_EXTRA_NODE_OPTIONS adds flags for a diagnosis, e.g. "--heapsnapshot-near-heap-limit=1
 * --diagnostic-dir=/tmp/heap" writes the heap as it nears the cap (how the render leak was found).
 */
export const SERVER_NODE_OPTIONS = ["--max-old-space-size=224", "--max-semi-space-size=32", ...(process.env.BENCH_SERVER_EXTRA_NODE_OPTIONS ?? "").split(" ").filter(Boolean)];

export type RunningServer = { url: string; child: ChildProcess; peakRssMb: () => number; stop: () => Promise<void> };

/** Resident memory (MB) of a process and its descendants, from ps. */
function treeRssMb(pid: number): number {
  try {
    const out = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" });
    const rows = out.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
    const pids = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [p, pp] of rows) {
        if (pids.has(pp!) && !pids.has(p!)) {
          pids.add(p!);
          grew = true;
        }
      }
    }
    return rows.filter(([p]) => pids.has(p!)).reduce((sum, [, , rss]) => sum + rss!, 0) / 1024;
  } catch {
    return 0;
  }
}

/** `next start` on a port, waiting for /api/health; samples memory every 250 ms until stopped. */
export async function startNext(port: number, env: Record<string, string>): Promise<RunningServer> {
  // Node runs Next's own entry point (no npm/npx wrapper process, whose memory is not the server's),
  // with the heap cap `npm start` and the README's deployment use (see SERVER_NODE_OPTIONS).
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  let stopping = false;
  child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  // A server that dies mid-run would otherwise only show as refused requests: say why.
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`\n✖ next start exited during the benchmark (${signal ?? `code ${code}`}):\n${log.slice(-3000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not come up:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 250);
  return {
    url,
    child,
    peakRssMb: () => peak,
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

/** Signs in through Auth.js's credentials endpoint and returns the Cookie header of the session. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard` }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in for the benchmark failed (${res.status})`);
  return session.split(";")[0]!;
}
