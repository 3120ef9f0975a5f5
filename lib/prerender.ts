import "server-only";
import { connection } from "next/server";

/**
 * Public pages (landing, pricing, rates, calculators) are prerendered by `next build` and
 * regenerated in the background (ISR), so they read the database during the build: `npm start`,
 * `npm test` and `npm run bench` build after migrating and seeding.
 *
 * A build that cannot read the database (an image built away from its database, the fault tests'
 * bare build) still succeeds: the page whose data could not be read is marked dynamic instead and
 * renders per request — correct, only slower — with a warning in the build log. Outside the build
 * the error is the caller's, as before.
 */
export async function readForPrerender<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (process.env.NEXT_PHASE !== "phase-production-build") throw err;
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    console.warn(`⚠ ${what}: the database could not be read during the build (${reason}); rendering it per request instead.`);
    await connection(); // ends prerendering of this page: it becomes dynamic
    throw err;
  }
}
