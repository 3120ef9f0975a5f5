/**
 * RATE: the interest rate per period that solves the TVM equation (see tvm.ts)
 *   f(r) = pv * (1+r)^n + pmt * (1 + r*type) * ((1+r)^n - 1) / r + fv = 0.
 *
 * Newton's method from `guess` (as spreadsheets do); when it diverges or stalls, a bisection on
 * the first sign change found near the guess. No convergence (no real rate > -100 % solves
 * the equation) returns NaN, like a spreadsheet's #NUM!: it does not throw, so a caller can
 * test `Number.isNaN`. Non-finite arguments or a bad `type` throw CalcInputError.
 */
import { type PaymentType, requireFinite, requirePaymentType } from "./errors";
import { annuityFactor, growthFactor } from "./tvm";

const MAX_NEWTON_STEPS = 100;
const MAX_BISECTION_STEPS = 300;
/** Newton stops when a step is this small (relative to max(1, |r|)). */
const STEP_TOLERANCE = 1e-13;
/** A root is accepted when |f| is this small relative to the size of the cash flows. */
const RESIDUAL_TOLERANCE = 1e-9;
/** Rates probed for a bracket when Newton fails: -99 % to +100,000 % per period. */
const BRACKET_PROBES = [
  -0.99, -0.9, -0.75, -0.5, -0.25, -0.1, -0.05, -0.02, -0.01, -0.001, 0, 0.001, 0.0025, 0.005, 0.01,
  0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000,
];

interface Flows {
  n: number;
  pmt: number;
  pv: number;
  fv: number;
  type: PaymentType;
}

function residual(r: number, { n, pmt, pv, fv, type }: Flows): number {
  return pv * growthFactor(r, n) + pmt * (1 + r * type) * annuityFactor(r, n) + fv;
}

function derivative(r: number, { n, pmt, pv, type }: Flows): number {
  const g = growthFactor(r, n);
  const dg = (n * g) / (1 + r);
  const a = annuityFactor(r, n);
  // dA/dr = (g' - A) / r cancels badly near 0, where its limit n(n-1)/2 is accurate enough
  // for a Newton step (the step size only affects speed, the residual check decides).
  const da = Math.abs(r) < 1e-8 ? (n * (n - 1)) / 2 : (dg - a) / r;
  return pv * dg + pmt * (type * a + (1 + r * type) * da);
}

function isRoot(r: number, flows: Flows): boolean {
  if (!Number.isFinite(r) || r <= -1) return false;
  const scale =
    Math.abs(flows.pv) * Math.max(1, growthFactor(r, flows.n)) +
    Math.abs(flows.pmt * (1 + r * flows.type) * annuityFactor(r, flows.n)) +
    Math.abs(flows.fv);
  return Math.abs(residual(r, flows)) <= RESIDUAL_TOLERANCE * Math.max(scale, 1e-300);
}

function newton(guess: number, flows: Flows): number {
  let r = guess;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const slope = derivative(r, flows);
    if (!Number.isFinite(slope) || slope === 0) return NaN;
    let next = r - residual(r, flows) / slope;
    // The equation is undefined at r <= -1: step half way towards -1 instead.
    if (next <= -1) next = (r - 1) / 2;
    if (!Number.isFinite(next)) return NaN;
    if (Math.abs(next - r) <= STEP_TOLERANCE * Math.max(1, Math.abs(r))) return next;
    r = next;
  }
  return NaN;
}

function bisection(guess: number, flows: Flows): number {
  // Every bracket (adjacent probes with a sign change), nearest to the guess first.
  const brackets: Array<[number, number]> = [];
  for (let k = 0; k + 1 < BRACKET_PROBES.length; k++) {
    const lo = BRACKET_PROBES[k];
    const hi = BRACKET_PROBES[k + 1];
    if (Math.sign(residual(lo, flows)) * Math.sign(residual(hi, flows)) <= 0) brackets.push([lo, hi]);
  }
  brackets.sort((a, b) => distance(a, guess) - distance(b, guess));
  for (const [start, end] of brackets) {
    let lo = start;
    let hi = end;
    const loSign = Math.sign(residual(lo, flows));
    for (let step = 0; step < MAX_BISECTION_STEPS && hi - lo > 1e-16 * Math.max(1, Math.abs(lo)); step++) {
      const mid = (lo + hi) / 2;
      if (Math.sign(residual(mid, flows)) === loSign) lo = mid;
      else hi = mid;
    }
    const root = (lo + hi) / 2;
    if (isRoot(root, flows)) return root;
  }
  return NaN;
}

function distance([lo, hi]: [number, number], x: number): number {
  return x < lo ? lo - x : x > hi ? x - hi : 0;
}

/** RATE(nper, pmt, pv, [fv], [type], [guess]) -> rate per period, or NaN (#NUM!). */
export function rate(nper: number, pmt: number, pv: number, fv = 0, type: PaymentType = 0, guess = 0.1): number {
  for (const [name, value] of Object.entries({ nper, pmt, pv, fv, guess })) requireFinite(name, value);
  const flows: Flows = { n: nper, pmt, pv, fv, type: requirePaymentType(type) };
  const fromNewton = newton(guess, flows);
  if (isRoot(fromNewton, flows)) return fromNewton;
  return bisection(guess, flows);
}
