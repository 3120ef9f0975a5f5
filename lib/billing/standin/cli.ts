/**
 * Command line for the stand-in:
 *   tsx lib/billing/standin/cli.ts serve
 *   tsx lib/billing/standin/cli.ts event <renewal|payment_failed|cancel|cancel_at_period_end> <sub_id>
 * Configuration comes from the environment (see `help`).
 */
import { SIMULATION_KINDS, type SimulationKind } from "./simulate";
import {
  DEFAULT_STANDIN_PORT,
  DEFAULT_STATE_FILE,
  DEFAULT_WEBHOOK_SECRET,
  DEFAULT_WEBHOOK_URL,
  requestSimulation,
} from "./client";
import { startStripeStandin } from "./server";

const env = process.env;
const port = Number(env.STRIPE_STANDIN_PORT || DEFAULT_STANDIN_PORT);

const HELP = `Local Stripe stand-in (test mode, no real charges)

Usage:
  tsx lib/billing/standin/cli.ts serve
  tsx lib/billing/standin/cli.ts event <${SIMULATION_KINDS.join("|")}> <subscription_id>

Environment:
  STRIPE_STANDIN_PORT    port to listen on / to reach (default ${DEFAULT_STANDIN_PORT})
  STRIPE_STANDIN_HOST    interface to listen on (default 127.0.0.1)
  STRIPE_STANDIN_URL     base URL for 'event' and for hosted page links (default http://127.0.0.1:PORT)
  STRIPE_WEBHOOK_URL     app webhook endpoint (default ${DEFAULT_WEBHOOK_URL})
  STRIPE_WEBHOOK_SECRET  signing secret the app verifies with (default ${DEFAULT_WEBHOOK_SECRET})
  STRIPE_STANDIN_DEMO    "true": also hold the demo account's paid subscription (npm start sets it)
  STRIPE_STANDIN_STATE   state file (default ${DEFAULT_STATE_FILE}); "memory" keeps nothing
`;

async function serve(): Promise<void> {
  const secret = env.STRIPE_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET;
  if (!env.STRIPE_WEBHOOK_SECRET) {
    console.warn(`[stripe-standin] STRIPE_WEBHOOK_SECRET is unset; signing with ${DEFAULT_WEBHOOK_SECRET}. The app must use the same value.`);
  }
  const stateFile = env.STRIPE_STANDIN_STATE === "memory" ? undefined : env.STRIPE_STANDIN_STATE || DEFAULT_STATE_FILE;
  const webhookUrl = env.STRIPE_WEBHOOK_URL || DEFAULT_WEBHOOK_URL;
  const standin = await startStripeStandin({
    port,
    host: env.STRIPE_STANDIN_HOST || "127.0.0.1",
    publicUrl: env.STRIPE_STANDIN_URL || undefined,
    webhookUrl,
    webhookSecret: secret,
    stateFile,
    demo: env.STRIPE_STANDIN_DEMO === "true" || env.STRIPE_STANDIN_DEMO === "1",
  });
  console.log(`[stripe-standin] listening on ${standin.url} (test mode: no real charges)
[stripe-standin]   webhooks → ${webhookUrl}
[stripe-standin]   state    → ${stateFile ?? "memory only"}
[stripe-standin]   SDK: new Stripe("sk_test_…", { host: "127.0.0.1", port: ${standin.port}, protocol: "http" })`);
  const stop = () => {
    void standin.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function event(kind: string | undefined, subscriptionId: string | undefined): Promise<void> {
  if (!kind || !SIMULATION_KINDS.includes(kind as SimulationKind) || !subscriptionId) {
    console.error(HELP);
    process.exit(2);
  }
  const base = env.STRIPE_STANDIN_URL || `http://127.0.0.1:${port}`;
  const result = await requestSimulation(base, kind as SimulationKind, subscriptionId);
  const s = result.subscription;
  console.log(`${s.id}: status ${s.status}${s.cancel_at_period_end ? " (cancels at period end)" : ""}`);
  for (const d of result.deliveries) {
    const outcome = d.ok ? `delivered (${d.status})` : `not delivered (${d.status ?? d.error}); retrying in background`;
    console.log(`  ${d.type} ${d.eventId} → ${outcome}`);
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "serve") return serve();
  if (command === "event") return event(args[0], args[1]);
  console.log(HELP);
  if (command && command !== "help" && command !== "--help") process.exit(2);
}

main().catch((err: unknown) => {
  console.error(`[stripe-standin] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
