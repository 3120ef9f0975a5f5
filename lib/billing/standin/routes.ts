/**
 * The `/v1` REST subset: API-key check and dispatch to the resource route tables.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { StandinContext } from "./billing";
import type { Route } from "./api";
import { parseStripeForm } from "./form";
import { applyExpand, readBody, sendJson, StandinError } from "./http";
import { billingRoutes } from "./routes-billing";
import { catalogRoutes } from "./routes-catalog";

const routes: Route[] = [...catalogRoutes, ...billingRoutes];

/** Any `sk_test_…` key works; there is no account behind it. */
function checkApiKey(req: IncomingMessage): void {
  const auth = req.headers.authorization ?? "";
  const key = auth.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key) {
    throw new StandinError(
      401,
      "authentication_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, " +
        "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith("sk_test_")) {
    throw new StandinError(
      401,
      "authentication_error",
      `Invalid API Key provided: ${key.slice(0, 8)}********. The local Stripe stand-in accepts test secret keys (sk_test_…) only.`,
    );
  }
}

export async function handleApi(ctx: StandinContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  checkApiKey(req);
  const method = (req.method ?? "GET").toUpperCase();
  const body = method === "POST" ? await readBody(req) : "";
  const params = method === "POST" ? parseStripeForm(body) : parseStripeForm(url.searchParams);
  for (const [m, pattern, handler] of routes) {
    const match = url.pathname.match(pattern);
    if (!match || m !== method) continue;
    const result = await handler(ctx, { method, params, ids: match.slice(1) });
    sendJson(res, 200, applyExpand(ctx.store, result, params));
    return;
  }
  throw new StandinError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${url.pathname}). The local Stripe stand-in implements only the subset of the API that Refi Alert uses.`,
  );
}
