// Test support for integration tests that run the app's billing code against the local Stripe
// stand-in: Stripe's webhooks are delivered through the app's real route handler, in process, with
// real signatures. Plain Node (no vitest import), so any test file can use it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { startStripeStandin, type StandinOptions, type StripeStandin } from "./standin";
import { sdkFor } from "./standin/testkit";

/** One webhook the stand-in posted: its event and what the app answered (0: held, not delivered). */
export type Delivery = { id: string; type: string; status: number };

export type AppStripe = {
  standin: StripeStandin;
  sdk: Stripe;
  /** Every webhook so far, in arrival order. */
  deliveries: Delivery[];
  /** From now on webhooks are answered 200 but kept back (a slow webhook, as far as the app knows). */
  hold(): void;
  /** Delivers the held webhooks to the app in order (or drops them: `{ drop: true }`) and stops holding. */
  release(opts?: { drop?: boolean }): Promise<Delivery[]>;
  close(): Promise<void>;
};

/**
 * A stand-in on a random port whose webhooks go to the app's handler, and the env the app reads
 * (set before anything parses env(): call this in beforeAll, before importing app modules).
 */
export async function startAppStripe(opts: { secret: string; key: string } & Partial<Pick<StandinOptions, "demo">>): Promise<AppStripe> {
  let handle: ((req: Request) => Promise<Response>) | null = null;
  const deliveries: Delivery[] = [];
  let holding = false;
  const held: { body: Buffer<ArrayBuffer>; signature: string; delivery: Delivery }[] = [];
  const deliver = async (body: Buffer<ArrayBuffer>, signature: string, delivery: Delivery) => {
    const out = await handle!(new Request("http://127.0.0.1/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body }));
    delivery.status = out.status;
    return out;
  };
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const event = JSON.parse(body.toString("utf8")) as { id: string; type: string };
      const delivery: Delivery = { id: event.id, type: event.type, status: 0 };
      deliveries.push(delivery);
      const signature = String(req.headers["stripe-signature"]);
      if (holding) {
        held.push({ body, signature, delivery });
        return void res.writeHead(200).end("{}");
      }
      const out = await deliver(body, signature, delivery);
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
    deliveries,
    hold: () => {
      holding = true;
    },
    release: async ({ drop = false } = {}) => {
      holding = false;
      const batch = held.splice(0);
      // Signatures are checked against a 5-minute tolerance: held ones are still fresh in a test.
      for (const h of batch) if (!drop) await deliver(h.body, h.signature, h.delivery);
      return batch.map((h) => h.delivery);
    },
    close: async () => {
      await standin.close();
      await new Promise<void>((r) => receiver.close(() => r()));
    },
  };
}
