// Stops and starts the throw-away PostgreSQL that scripts/faults.sh started (PG_DIR, PG_PORT),
// with the helpers of scripts/pg-server.sh.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

// Asynchronous: the load keeps running (and being measured) while pg_ctl waits.
const run = promisify(execFile);

async function pgCtl(args: string): Promise<void> {
  if (!process.env.PG_DIR || !process.env.PG_PORT) throw new Error("PG_DIR/PG_PORT not set: run through scripts/faults.sh");
  await run("bash", ["-c", `source scripts/pg-server.sh && pg_as_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR/data" ${args}`], {
    cwd: ROOT,
    timeout: 60_000,
  });
}

export const pgControllable = () => Boolean(process.env.PG_DIR && process.env.PG_PORT);

export async function stopPostgres(): Promise<void> {
  await pgCtl("-m fast -w -t 30 stop");
}

export async function startPostgres(): Promise<void> {
  const opts = `-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await pgCtl(`-l "$PG_DIR/log" -w -t 30 -o "${opts}" start`);
}
