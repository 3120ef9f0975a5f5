import { connectionErrorCode, isConnectionError, noteDatabaseError } from "@/db/breaker";

/**
 * Typed errors, mapped to HTTP status codes in one place (`httpStatus`, `errorResponse`).
 * Throw these from queries and actions; route handlers turn them into responses.
 */
export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = "internal_error";
  /** Whether the message is safe to show to the user as is. */
  readonly expose: boolean = false;
}

export class ValidationError extends AppError {
  override readonly status = 400;
  override readonly code = "invalid_request";
  override readonly expose = true;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class UnauthorizedError extends AppError {
  override readonly status = 401;
  override readonly code = "unauthorized";
  override readonly expose = true;
  constructor(message = "Please sign in.") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  override readonly code = "forbidden";
  override readonly expose = true;
  constructor(message = "You don't have access to this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends AppError {
  override readonly status = 404;
  override readonly code = "not_found";
  override readonly expose = true;
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends AppError {
  override readonly status = 409;
  override readonly code = "conflict";
  override readonly expose = true;
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class RateLimitError extends AppError {
  override readonly status = 429;
  override readonly code = "rate_limited";
  override readonly expose = true;
  constructor(
    message = "Too many attempts. Please wait a moment and try again.",
    readonly retryAfterSeconds = 60,
  ) {
    super(message);
    this.name = "RateLimitError";
  }
}

export class ServiceUnavailableError extends AppError {
  override readonly status = 503;
  override readonly code = "unavailable";
  override readonly expose = true;
  constructor(message = "The service is temporarily unavailable. Please try again shortly.") {
    super(message);
    this.name = "ServiceUnavailableError";
  }
}

export function httpStatus(err: unknown): number {
  if (err instanceof AppError) return err.status;
  return isConnectionError(err) ? 503 : 500;
}

/** A JSON error response for route handlers; unexpected errors are logged and hidden. */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const headers: Record<string, string> = {};
    if (err instanceof RateLimitError) headers["Retry-After"] = String(err.retryAfterSeconds);
    if (err instanceof ServiceUnavailableError) headers["Retry-After"] = "5";
    const body: Record<string, unknown> = { error: { code: err.code, message: err.expose ? err.message : "Something went wrong." } };
    if (err instanceof ValidationError && Object.keys(err.fieldErrors).length) (body.error as Record<string, unknown>).fields = err.fieldErrors;
    return Response.json(body, { status: err.status, headers });
  }
  if (isConnectionError(err)) {
    // PostgreSQL is unreachable (stopped, restarting, or too slow to connect): a temporary
    // condition, not a bug. The breaker (db/breaker.ts) probes at once; when it is down, app
    // pages answer 503 from proxy.ts too.
    noteDatabaseError(err);
    console.warn(`database unavailable (${connectionErrorCode(err)}): answered 503`);
    const unavailable = new ServiceUnavailableError();
    return Response.json(
      { error: { code: unavailable.code, message: unavailable.message } },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
  console.error(err);
  return Response.json({ error: { code: "internal_error", message: "Something went wrong." } }, { status: 500 });
}
