import { cookies } from "next/headers";

// Built only by `npm run bench` (BENCH_PROBES=1 adds the .probe.tsx page extension): the cheapest
// page rendered per request that this app can serve — the root layout and one paragraph, made
// dynamic by reading the cookies as every signed-in page does. The benchmark measures it as a
// reference: no signed-in page can be cheaper than this.
export default async function ProbeFloorPage() {
  const count = (await cookies()).getAll().length;
  return <p>Dynamic page floor: {count} cookie(s).</p>;
}
