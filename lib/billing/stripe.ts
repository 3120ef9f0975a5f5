import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

const globalForStripe = globalThis as unknown as { __refiStripe?: { key: string; client: Stripe } };

/**
 * The Stripe SDK client. With STRIPE_API_URL set (the local stand-in) the same SDK talks to that
 * server instead of api.stripe.com: one code path for both.
 */
export function stripe(): Stripe {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not configured");
  const cacheKey = `${e.STRIPE_SECRET_KEY}|${e.STRIPE_API_URL ?? ""}`;
  if (globalForStripe.__refiStripe?.key !== cacheKey) {
    const api = e.STRIPE_API_URL ? new URL(e.STRIPE_API_URL) : null;
    const client = new Stripe(e.STRIPE_SECRET_KEY, {
      maxNetworkRetries: api ? 0 : 2,
      telemetry: false,
      ...(api ? { host: api.hostname, port: Number(api.port || 80), protocol: api.protocol.replace(":", "") as "http" | "https" } : {}),
    });
    globalForStripe.__refiStripe = { key: cacheKey, client };
  }
  return globalForStripe.__refiStripe.client;
}

export function stripeConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}
