// The bare route handler the benchmark measures every other route against: no database, no
// session, a constant answer. It is the ceiling of this stack on this machine.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
