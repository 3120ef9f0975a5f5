// Test support for integration tests that run the app's billing code against the local Stripe
// stand-in: Stripe's webhooks are delivered through the app's real route handler, in process, with
// real signatures. Plain Node (no vitest import), so any test file can use it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { startStripeStandin, type StandinOptions, type StripeStandin } from "./standin";
import { sdkFor } from "./standin/testkit";

export type AppStripe = { standin: StripeStandin; sdk: Stripe; close(): Promise<void> };

/**
 * A stand-in on a random port whose webhooks go to the app's handler, and the env the app reads
 * (set before anything parses env(): call this in beforeAll, before importing app modules).
 */
export async function startAppStripe(opts: { secret: string; key: string } & Partial<Pick<StandinOptions, "demo">>): Promise<AppStripe> {
  let handle: ((req: Request) => Promise<Response>) | null = null;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const out = await handle!(new Request("http://127.0.0.1/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": String(req.headers["stripe-signature"]) }, body: Buffer.concat(chunks) }));
      res.writeHead(out.status).end(await out.text());
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const { port } = receiver.address() as AddressInfo;
  const standin = await startStripeStandin({ port: 0, webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`, webhookSecret: opts.secret, log: () => {}, webhookRetryDelaysMs: [], demo: opts.demo });
  process.env.STRIPE_SECRET_KEY = opts.key;
  process.env.STRIPE_API_URL = `http://127.0.0.1:${standin.port}`;
  process.env.STRIPE_WEBHOOK_SECRET = opts.secret;
  process.env.APP_URL = "http://127.0.0.1:3000";
  ({ handleWebhookRequest: handle } = await import("./webhook"));
  return {
    standin,
    sdk: sdkFor(standin.port),
    close: async () => {
      await standin.close();
      await new Promise<void>((r) => receiver.close(() => r()));
    },
  };
}
