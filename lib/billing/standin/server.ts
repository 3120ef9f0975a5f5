/**
 * The stand-in's HTTP server: `/v1` API for the stripe SDK, hosted pages for the browser,
 * and `/_standin/*` helpers for demos and tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendEvent, type Outcome, type StandinContext } from "./billing";
import { SIMULATION_KINDS, simulate, type SimulationKind, type SimulationResult } from "./simulate";
import type { EventObject, EventType } from "./billing-objects";
import { invalid, readBody, sendError, sendHtml, sendJson, StandinError } from "./http";
import { invoicePdf, showCheckout, showInvoice, showPortal, submitCheckout, submitPortal } from "./hosted";
import { messagePage } from "./pages";
import { handleApi } from "./routes";
import { Store, type StandinState } from "./store";
import { WebhookSender } from "./webhooks";
import { DEMO_BILLING } from "../demo-billing";
import { addDemoBilling } from "./demo";

export interface StandinOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** The app's webhook endpoint, e.g. http://127.0.0.1:3000/api/stripe/webhook. */
  webhookUrl: string;
  /** `whsec_…` the app verifies signatures with. */
  webhookSecret: string;
  /** Base URL for hosted page links, when the browser reaches the stand-in at another address. */
  publicUrl?: string;
  /** JSON file that keeps state across restarts; in memory only when absent. */
  stateFile?: string;
  /** Delays between webhook retries after a failed first attempt. */
  webhookRetryDelaysMs?: number[];
  /** Hold the demo data's paid subscription (demo.ts), for `npm start` with demo accounts. */
  demo?: boolean;
  /** Where log lines go; defaults to the console. */
  log?: (line: string) => void;
}

export interface StripeStandin {
  url: string;
  port: number;
  /** Live state, for tests and debugging; change it through the API, not directly. */
  state: StandinState;
  close(): Promise<void>;
  /** Advances a subscription as Stripe would (renewal, failed payment, cancel) and sends the events. */
  simulate(kind: SimulationKind, subscriptionId: string): Promise<SimulationResult>;
  /** Sends any event type, signed, as Stripe would; resolves after the first delivery attempt. */
  sendEvent<T extends EventType>(type: T, object: EventObject<T>, previousAttributes?: Partial<EventObject<T>>): Promise<Outcome>;
}

type PageRoute = [method: string, pattern: RegExp, page: typeof showCheckout];
const ID = "([A-Za-z0-9_]+)";
const pages: PageRoute[] = [
  ["GET", new RegExp(`^/checkout/${ID}$`), showCheckout],
  ["POST", new RegExp(`^/checkout/${ID}$`), submitCheckout],
  ["GET", new RegExp(`^/portal/${ID}$`), showPortal],
  ["POST", new RegExp(`^/portal/${ID}$`), submitPortal],
  ["GET", new RegExp(`^/invoices/${ID}\\.pdf$`), invoicePdf],
  ["GET", new RegExp(`^/invoices/${ID}$`), showInvoice],
];

async function handleSimulate(ctx: StandinContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: { kind?: unknown; subscription?: unknown };
  try {
    body = JSON.parse((await readBody(req)) || "{}");
  } catch {
    throw invalid("Body must be JSON: {\"kind\": \"renewal\", \"subscription\": \"sub_…\"}.");
  }
  const kind = body.kind as SimulationKind;
  if (!SIMULATION_KINDS.includes(kind)) {
    throw invalid(`kind must be one of ${SIMULATION_KINDS.join(", ")}.`, "kind");
  }
  if (typeof body.subscription !== "string") throw invalid("subscription (a sub_… id) is required.", "subscription");
  const result = await simulate(ctx, kind, body.subscription);
  sendJson(res, 200, {
    subscription: result.subscription,
    events: result.events.map((e) => ({ id: e.id, type: e.type })),
    deliveries: result.deliveries,
  });
}

async function dispatch(ctx: StandinContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://standin.local");
  const method = (req.method ?? "GET").toUpperCase();
  const isJsonArea = url.pathname.startsWith("/v1/") || url.pathname.startsWith("/_standin/");
  try {
    if (url.pathname.startsWith("/v1/")) return await handleApi(ctx, req, res, url);
    if (url.pathname === "/_standin/health") return sendJson(res, 200, { ok: true, livemode: false });
    if (url.pathname === "/_standin/simulate" && method === "POST") return await handleSimulate(ctx, req, res);
    for (const [m, pattern, page] of pages) {
      const match = url.pathname.match(pattern);
      if (match && m === method) return await page(ctx, req, res, match[1]);
    }
    if (url.pathname === "/" && method === "GET") {
      const text = "The local Stripe stand-in is running. Point the stripe SDK at this address with an sk_test_… key.";
      return sendHtml(res, 200, messagePage("Stripe stand-in", text));
    }
    if (isJsonArea) throw new StandinError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${url.pathname}).`);
    sendHtml(res, 404, messagePage("Not found", "There is no page at this address on the Stripe stand-in."));
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const known = err instanceof StandinError;
    if (!known) ctx.log(`error on ${method} ${url.pathname}: ${err instanceof Error ? err.stack : String(err)}`);
    const e = known ? err : new StandinError(500, "api_error", "The Stripe stand-in hit an unexpected error; see its log.");
    if (isJsonArea) sendError(res, e);
    else sendHtml(res, e.status, messagePage("Something went wrong", e.message));
  }
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startStripeStandin(opts: StandinOptions): Promise<StripeStandin> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? ((line: string) => console.log(`[stripe-standin] ${line}`));
  const store = new Store(opts.stateFile);
  const webhooks = new WebhookSender({
    url: opts.webhookUrl,
    secret: opts.webhookSecret,
    retryDelaysMs: opts.webhookRetryDelaysMs,
    log,
  });
  let publicUrl = opts.publicUrl?.replace(/\/+$/, "") ?? "";
  const ctx: StandinContext = { store, webhooks, publicUrl: () => publicUrl, log };
  const server = createServer((req, res) => void dispatch(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostForUrl(host)}:${port}`;
  if (!publicUrl) publicUrl = url;
  if (opts.demo && addDemoBilling(store, publicUrl)) log(`added the demo subscription ${DEMO_BILLING.subscriptionId}`);
  return {
    url,
    port,
    state: store.state,
    simulate: (kind, subscriptionId) => simulate(ctx, kind, subscriptionId),
    sendEvent: (type, object, previous) => sendEvent(ctx, type, object, previous),
    close: async () => {
      webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from the SDK or a browser would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
