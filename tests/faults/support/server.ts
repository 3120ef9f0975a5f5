// A real `next start` of the fault-test build (NEXT_DIST_DIR=.next-faults, built by
// scripts/faults.sh) on a loopback port, against this test file's database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { encode } from "next-auth/jwt";

const ROOT = path.resolve(__dirname, "../../..");
export const DIST_DIR = process.env.FAULTS_DIST_DIR ?? ".next-faults";

export type AppServer = { url: string; port: number; child: ChildProcess; log: () => string; stop: () => Promise<void> };

/** Starts the server and waits (at most 60 s) until it answers. */
export async function startAppServer(port: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      DATABASE_URL: process.env.DATABASE_URL!,
      WORKER_IN_PROCESS: "false",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/ping`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { url, port, child, log: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}

/** A session cookie for `user`, as Auth.js would set it after signing in (JWT strategy). */
export async function sessionCookie(user: { id: string; role?: "user" | "admin"; sessionVersion?: number }): Promise<string> {
  const name = "authjs.session-token";
  const token = await encode({
    token: { uid: user.id, role: user.role ?? "user", sv: user.sessionVersion ?? 0, sub: user.id },
    secret: process.env.AUTH_SECRET!,
    salt: name,
    maxAge: 3600,
  });
  return `${name}=${token}`;
}

/** Runs `fn` on `concurrency` workers until `items` are used up. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
