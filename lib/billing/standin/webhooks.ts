/**
 * Signs and delivers events to the app's webhook endpoint the way Stripe does: a JSON POST
 * with a `Stripe-Signature` header made by the real SDK, so the app's
 * `stripe.webhooks.constructEvent(...)` verifies it unchanged.
 */
import Stripe from "stripe";

export interface DeliveryResult {
  eventId: string;
  type: string;
  ok: boolean;
  /** HTTP status of the first attempt, or undefined on a connection error. */
  status?: number;
  error?: string;
}

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** Waits before each retry after a failed first attempt (Stripe backs off over days; a demo cannot). */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  log?: (line: string) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];

export class WebhookSender {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly opts: WebhookSenderOptions) {}

  /**
   * Queues the events and resolves once each has had its first delivery attempt, in order.
   * Events are queued behind any earlier ones, so the app never sees `updated` before
   * `created`. Failed deliveries are retried in the background and never delay the caller.
   */
  deliver(events: Stripe.Event[]): Promise<DeliveryResult[]> {
    const run = this.queue.then(async () => {
      const results: DeliveryResult[] = [];
      for (const event of events) results.push(await this.firstAttempt(event));
      return results;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops retries and aborts requests in flight; used by close() and between tests. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
  }

  private async firstAttempt(event: Stripe.Event): Promise<DeliveryResult> {
    const result = await this.post(event);
    if (!result.ok) this.scheduleRetry(event, 0);
    return result;
  }

  private scheduleRetry(event: Stripe.Event, index: number): void {
    const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    if (this.closed || index >= delays.length) {
      if (!this.closed) this.log(`webhook ${event.type} ${event.id}: giving up after ${index + 1} attempts`);
      return;
    }
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const result = await this.post(event);
      if (!result.ok) this.scheduleRetry(event, index + 1);
    }, delays[index]);
    // A pending retry must not keep a CLI or a test process alive on its own.
    timer.unref();
    this.timers.add(timer);
  }

  private async post(event: Stripe.Event): Promise<DeliveryResult> {
    const base = { eventId: event.id, type: event.type };
    if (this.closed) return { ...base, ok: false, error: "stand-in closed" };
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.opts.timeoutMs ?? 10_000);
    try {
      // Stripe sends pretty-printed JSON and signs exactly these bytes; sign on every attempt
      // so the timestamp is fresh (the SDK rejects signatures older than five minutes).
      const payload = JSON.stringify(event, null, 2);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.opts.secret });
      const res = await fetch(this.opts.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signature,
        },
        body: payload,
        signal: controller.signal,
      });
      // Drain the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      this.log(`webhook ${event.type} ${event.id} → ${res.status}`);
      return { ...base, ok, status: res.status };
    } catch (err) {
      const message = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      this.log(`webhook ${event.type} ${event.id} → failed: ${message}`);
      return { ...base, ok: false, error: message };
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }
}
