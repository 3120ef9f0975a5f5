/**
 * Parses Stripe-style form bodies and query strings into nested objects.
 *
 * The stripe SDK flattens params with bracket keys: `metadata[alert_id]=a`,
 * `line_items[0][price]=price_1`, `expand[0]=subscription` (and browsers or curl users
 * write `expand[]=subscription`). Stripe's API reads them back like the `qs` library does;
 * this is the small subset of that behaviour the stand-in needs, without a dependency.
 */

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Keys that would let a request body write onto Object.prototype.
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/** Splits `a[b][0][]` into `["a", "b", "0", ""]`; a key without brackets is one segment. */
export function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const re = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== consumed) break; // stray text between brackets: keep the rest literal
    segments.push(m[1]);
    consumed = re.lastIndex;
  }
  if (consumed < rest.length) segments[segments.length - 1] += rest.slice(consumed);
  return segments;
}

const isIndex = (s: string) => /^(0|[1-9]\d{0,3})$/.test(s);

/**
 * Builds the tree with plain objects first (an array index is just a key), then turns
 * objects whose keys are all indexes into arrays. Doing it in two passes keeps sparse or
 * out-of-order indexes (`items[1]` before `items[0]`) working.
 */
function assign(target: FormObject, segments: string[], value: string): void {
  let node = target;
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i];
    if (FORBIDDEN_KEYS.has(seg)) return;
    const last = i === segments.length - 1;
    if (seg === "") {
      // `expand[]=a&expand[]=b`: append, i.e. use the next free index.
      seg = String(Object.keys(node).filter(isIndex).length);
    }
    if (last) {
      node[seg] = value;
      return;
    }
    const existing = node[seg];
    if (typeof existing !== "object" || existing === null || Array.isArray(existing)) {
      // A scalar followed by a nested key (`a=1&a[b]=2`): the nested form wins, as with qs.
      node[seg] = {};
    }
    node = node[seg] as FormObject;
  }
}

function arrayify(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arrayify(value[k]);
  if (keys.length > 0 && keys.every(isIndex)) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => value[String(k)]);
  }
  return value;
}

/** `parseStripeForm("a[b]=1&expand[]=x")` → `{ a: { b: "1" }, expand: ["x"] }`. */
export function parseStripeForm(body: string | URLSearchParams): FormObject {
  const params = typeof body === "string" ? new URLSearchParams(body.replace(/^\?/, "")) : body;
  const root: FormObject = {};
  for (const [key, value] of params) {
    if (key === "") continue;
    assign(root, splitKey(key), value);
  }
  return arrayify(root) as FormObject;
}

/* ---------- Typed readers: route handlers use these instead of casting FormValue. ---------- */

export function str(v: FormValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function obj(v: FormValue | undefined): FormObject | undefined {
  if (v === undefined || typeof v === "string") return undefined;
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  return v;
}

export function list(v: FormValue | undefined): FormValue[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [v];
  return Object.values(v);
}

/** The SDK sends booleans as the strings "true"/"false". */
export function bool(v: FormValue | undefined): boolean | undefined {
  if (v === "true") return true;
  if (v === "false") return false;
  return undefined;
}

/** Integer params (amounts, limits); undefined when absent, NaN when present but not an integer. */
export function int(v: FormValue | undefined): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * Metadata as Stripe stores it: string values only; an empty value removes the key
 * (that is how the API unsets one key, and `metadata=` clears all of it).
 */
export function mergeMetadata(
  current: Record<string, string>,
  patch: FormValue | undefined,
): Record<string, string> {
  if (patch === undefined) return current;
  if (patch === "") return {};
  const next = { ...current };
  const entries = obj(patch) ?? {};
  for (const [k, v] of Object.entries(entries)) {
    if (typeof v !== "string") continue;
    if (v === "") delete next[k];
    else next[k] = v;
  }
  return next;
}
