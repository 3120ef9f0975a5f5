/**
 * In-memory state of the stand-in, optionally mirrored to a JSON file so that restarting
 * the dev server keeps customers and subscriptions (the app's database still points at them).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Stripe from "stripe";

export interface StandinState {
  version: 1;
  customers: Record<string, Stripe.Customer>;
  products: Record<string, Stripe.Product>;
  prices: Record<string, Stripe.Price>;
  checkoutSessions: Record<string, Stripe.Checkout.Session>;
  subscriptions: Record<string, Stripe.Subscription>;
  invoices: Record<string, Stripe.Invoice>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  events: Record<string, Stripe.Event>;
  /**
   * What a Checkout Session was created with but does not show in its own object
   * (line items and `subscription_data`), needed when the customer pays.
   */
  checkoutDetails: Record<string, CheckoutDetails>;
  /** Sequence for human-readable invoice numbers (`SA-0001`). */
  invoiceSeq: number;
}

export interface CheckoutDetails {
  price: string;
  quantity: number;
  subscriptionMetadata: Record<string, string>;
}

/** Id prefixes as Stripe uses them; also how `expand[]` finds the object behind an id. */
export const ID_PREFIXES = {
  customers: "cus_",
  products: "prod_",
  prices: "price_",
  checkoutSessions: "cs_test_",
  subscriptions: "sub_",
  invoices: "in_",
  portalSessions: "bps_",
  events: "evt_",
} as const;

export type Collection = keyof typeof ID_PREFIXES;

// Longest prefix first so `cs_test_` is not mistaken for something shorter.
const PREFIX_LOOKUP = (Object.entries(ID_PREFIXES) as [Collection, string][]).sort(
  (a, b) => b[1].length - a[1].length,
);

/** Events are kept for `GET /v1/events`, but only the newest ones, so the file stays small. */
const MAX_EVENTS = 200;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 suffix like Stripe's ids (`cus_Q3f9...`); 24 chars is plenty to be unique. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function emptyState(): StandinState {
  return {
    version: 1,
    customers: {},
    products: {},
    prices: {},
    checkoutSessions: {},
    subscriptions: {},
    invoices: {},
    portalSessions: {},
    events: {},
    checkoutDetails: {},
    invoiceSeq: 0,
  };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export class Store {
  readonly state: StandinState;

  constructor(private readonly stateFile?: string) {
    this.state = stateFile ? loadState(stateFile) : emptyState();
  }

  /** Writes the whole state after each change; tiny files, and a crash never leaves half a file. */
  save(): void {
    const events = Object.keys(this.state.events);
    if (events.length > MAX_EVENTS) {
      for (const id of events.slice(0, events.length - MAX_EVENTS)) delete this.state.events[id];
    }
    if (!this.stateFile) return;
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    renameSync(tmp, this.stateFile);
  }

  /** Which collection an id belongs to, from its prefix. */
  collectionOf(id: string): Collection | undefined {
    return PREFIX_LOOKUP.find(([, prefix]) => id.startsWith(prefix))?.[0];
  }

  /** Any stored object by id (used by `expand[]`), or undefined. */
  findById(id: string): object | undefined {
    const c = this.collectionOf(id);
    return c ? this.state[c][id] : undefined;
  }

  nextInvoiceNumber(): string {
    this.state.invoiceSeq += 1;
    return `SA-${String(this.state.invoiceSeq).padStart(4, "0")}`;
  }
}

function loadState(file: string): StandinState {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw err;
  }
  const parsed: unknown = JSON.parse(raw);
  if (!parsed || typeof parsed !== "object" || (parsed as { version?: unknown }).version !== 1) {
    // Refuse rather than silently start empty: the app's database may reference these ids.
    throw new Error(`Stripe stand-in: ${file} is not a version 1 state file; move it away to start fresh.`);
  }
  // Fill collections added after the file was written, so older files keep loading.
  return { ...emptyState(), ...(parsed as Partial<StandinState>) } as StandinState;
}
