// A calculator address with inputs in its query (a shared or bookmarked result, or the form sent
// without JavaScript) is rewritten to ./shared, rendered per request; the plain page, the same for
// everyone, is prerendered. Every field of every calculator is listed (checked by
// components/calculators/rewrites.test.ts), so a link with any input at all shows that input.
// Only page loads are rewritten, not the router's own requests (header RSC): after a calculation
// the form puts the inputs in the URL, and a refresh of that URL must keep the same page (and the
// form's state) rather than swap in ./shared. Links to a result are therefore plain <a>s.
export const CALCULATOR_QUERY_KEYS = [
  "principal", "ratePercent", "termYears", "extraMonthlyPrincipal", "balance", "currentRatePercent", "monthsLeft",
  "newRatePercent", "newTermYears", "costs", "targetPayment", "currentMonth", "offeredRatePercent",
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files; argon2 is a native addon: keep both out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  // Lets a second build live beside the first (e.g. a test run while a dev server is up).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run bench` builds with BENCH_PROBES=1, which adds two reference pages (*.probe.tsx: the
  // cheapest dynamic page, and the empty signed-in shell); every other build leaves them out.
  pageExtensions: process.env.BENCH_PROBES === "1" ? ["tsx", "ts", "jsx", "js", "probe.tsx"] : ["tsx", "ts", "jsx", "js"],
  // `npm test` type-checks the whole project (tsc --noEmit); skipping it here saves ~25 s per build.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // forbidden() / unauthorized() for admin checks (403) in pages and actions
    authInterrupts: true,
    // The rates CSV upload (lib/admin/upload-limit.ts: 2 MB, plus the form around it).
    serverActions: { bodySizeLimit: "3mb" },
  },
  async rewrites() {
    return {
      beforeFiles: [
        ...CALCULATOR_QUERY_KEYS.map((key) => ({
          source: "/calculators/:calculator",
          has: [{ type: "query", key }],
          missing: [{ type: "header", key: "rsc" }],
          destination: "/calculators/:calculator/shared",
        })),
        // A homeowner who reads another currency or date format (the display cookie,
        // lib/account/display-cookie.ts) gets the page rendered for them, not the prerendered
        // one in dollars that would switch after load.
        {
          source: "/calculators/:calculator",
          has: [{ type: "cookie", key: "display" }],
          missing: [{ type: "header", key: "rsc" }],
          destination: "/calculators/:calculator/shared",
        },
        // The router's own request from a page that is ./shared (its state tree names the
        // segment) stays there: a server action that sets a cookie (a visitor's first saved
        // calculation) or revalidates makes the router refresh the page, and answering that
        // refresh with the prerendered page would swap the route under the form, remounting it
        // with the example's inputs and result.
        {
          source: "/calculators/:calculator",
          has: [
            { type: "header", key: "rsc" },
            { type: "header", key: "next-router-state-tree", value: ".*%22shared%22.*" },
          ],
          destination: "/calculators/:calculator/shared",
        },
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
