/**
 * HTTP plumbing shared by the API routes and the hosted pages: Stripe-shaped errors,
 * JSON/HTML responses, list pagination and `expand[]`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import { list, str, type FormObject } from "./form";
import { newId, type Store } from "./store";

export type StripeErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "card_error"
  | "api_error"
  | "idempotency_error";

/**
 * Thrown by handlers; the server turns it into `{ error: { type, message, code, param } }`
 * with the status the SDK maps to its error classes (400/404 → StripeInvalidRequestError,
 * 401 → StripeAuthenticationError, 402 → StripeCardError, 5xx → StripeAPIError).
 */
export class StandinError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new StandinError(400, "invalid_request_error", message, code, param);

export const missingParam = (param: string) =>
  invalid(`Missing required param: ${param}.`, param, "parameter_missing");

export function notFound(kind: string, id: string, param = "id"): StandinError {
  return new StandinError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    // Stripe's SDK reads this into error.requestId and `lastResponse.requestId`.
    "Request-Id": newId("req_", 14),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: StandinError): void {
  const error: Record<string, string> = { type: err.type, message: err.message };
  if (err.code) error.code = err.code;
  if (err.param) error.param = err.param;
  if (err.code) error.doc_url = `https://stripe.com/docs/error-codes/${err.code.replace(/_/g, "-")}`;
  sendJson(res, err.status, { error });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    // The pages have no scripts; forbid them outright and keep the pages out of frames.
    // form-action must allow any origin: browsers apply it to the 303 to the app's success_url.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
    "Cache-Control": "no-store",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  // 303 turns the browser's POST into a GET of the next page (no "resubmit form?" on reload).
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw invalid("Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Stripe list semantics: newest first, `limit` 1–100 (default 10), cursor pagination with
 * `starting_after` / `ending_before`, and `has_more`.
 */
export function paginate<T extends { id: string; created: number }>(
  items: T[],
  params: FormObject,
  url: string,
): Stripe.ApiList<T> {
  const limitRaw = str(params.limit);
  const limit = limitRaw === undefined ? 10 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalid("Invalid integer: limit must be between 1 and 100.", "limit");
  }
  // Insertion order reversed, then a stable sort on `created`: ties keep newest-first.
  const sorted = [...items].reverse().sort((a, b) => b.created - a.created);
  let start = 0;
  let end = sorted.length;
  const after = str(params.starting_after);
  const before = str(params.ending_before);
  if (after) {
    const i = sorted.findIndex((x) => x.id === after);
    if (i < 0) throw notFound("object", after, "starting_after");
    start = i + 1;
  } else if (before) {
    const i = sorted.findIndex((x) => x.id === before);
    if (i < 0) throw notFound("object", before, "ending_before");
    end = i;
    start = Math.max(0, end - limit);
  }
  const page = sorted.slice(start, Math.min(end, start + limit));
  const hasMore = before ? start > 0 : start + limit < end;
  return { object: "list", data: page, has_more: hasMore, url };
}

/**
 * Applies `expand[]` paths such as `subscription`, `subscription.items.data.price` or
 * `data.customer` (on lists) to a deep copy of the response, replacing ids with the stored
 * objects. Unknown paths fail the way Stripe does, so a typo shows up in the demo already.
 */
export function applyExpand<T extends object>(store: Store, body: T, params: FormObject): T {
  const paths = list(params.expand).filter((p): p is string => typeof p === "string");
  if (paths.length === 0) return body;
  const copy = structuredClone(body);
  for (const p of paths) {
    if (!expandPath(store, copy, p.split("."))) {
      throw invalid(`This property cannot be expanded (${p}).`, "expand");
    }
  }
  return copy;
}

function expandPath(store: Store, node: unknown, segments: string[]): boolean {
  if (segments.length === 0 || node === null || node === undefined) return true;
  if (Array.isArray(node)) return node.every((el) => expandPath(store, el, segments));
  if (typeof node !== "object") return false;
  const record = node as Record<string, unknown>;
  const [head, ...rest] = segments;
  if (!(head in record)) return false;
  const resolve = (value: unknown) => {
    if (typeof value !== "string") return value;
    const found = store.findById(value);
    // Ids the stand-in does not store (`si_…`, `bpc_…`) stay ids rather than failing.
    return found ? structuredClone(found) : value;
  };
  const child = record[head];
  record[head] = Array.isArray(child) ? child.map(resolve) : resolve(child);
  return expandPath(store, record[head], rest);
}

/** Params the stand-in accepts but does not act on are logged once, not rejected. */
const warned = new Set<string>();
export function warnIgnored(route: string, params: FormObject, known: readonly string[], log: (l: string) => void) {
  for (const key of Object.keys(params)) {
    if (known.includes(key) || key === "expand") continue;
    const tag = `${route}:${key}`;
    if (warned.has(tag)) continue;
    warned.add(tag);
    log(`note: ${route} ignores param '${key}' (not simulated by the stand-in)`);
  }
}
