// Built only by `npm run bench` (BENCH_PROBES=1 adds the .probe.tsx page extension): the signed-in
// shell with nothing in it — through the same proxy, layout and session check (cookie decoded,
// account read from the database) as /dashboard, but no cards. The benchmark measures it as a
// reference: what every signed-in page costs before its own content.
export default function ProbeShellPage() {
  return <p>Signed-in shell, empty.</p>;
}
