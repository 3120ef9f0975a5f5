/**
 * Types and lookups shared by the `/v1` route files.
 */
import type Stripe from "stripe";
import type { StandinContext } from "./billing";
import type { FormObject } from "./form";
import { notFound } from "./http";

export interface ApiRequest {
  method: string;
  /** Body params for POST, query params for GET/DELETE, parsed the same way. */
  params: FormObject;
  /** Captures of the route pattern, e.g. the id in /v1/customers/:id. */
  ids: string[];
}

export type Handler = (ctx: StandinContext, req: ApiRequest) => object | Promise<object>;
export type Route = [method: string, pattern: RegExp, handler: Handler];

const ID = "([A-Za-z0-9_]+)";
/** `path("customers/:id")` matches `/v1/customers/cus_123` and captures the id. */
export const path = (p: string) => new RegExp(`^/v1/${p.replace(/:id/g, ID)}$`);

export function getCustomer(ctx: StandinContext, id: string): Stripe.Customer {
  const c = ctx.store.state.customers[id];
  if (!c) throw notFound("customer", id);
  return c;
}

export function getProduct(ctx: StandinContext, id: string): Stripe.Product {
  const p = ctx.store.state.products[id];
  if (!p) throw notFound("product", id);
  return p;
}

export function getPrice(ctx: StandinContext, id: string): Stripe.Price {
  const p = ctx.store.state.prices[id];
  if (!p) throw notFound("price", id);
  return p;
}
