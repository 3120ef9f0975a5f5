/**
 * Catalogue resources of the `/v1` subset: customers, products, prices.
 */
import type { StandinContext } from "./billing";
import { getCustomer, getPrice, getProduct, path, type ApiRequest, type Route } from "./api";
import { bool, int, list, mergeMetadata, obj, str, type FormObject } from "./form";
import { invalid, missingParam, notFound, paginate, warnIgnored } from "./http";
import { buildCustomer, buildPrice, buildProduct } from "./objects";

const CUSTOMER_PARAMS = ["email", "name", "description", "phone", "metadata"] as const;

function customerFields(p: FormObject) {
  return { email: str(p.email), name: str(p.name), description: str(p.description), phone: str(p.phone) };
}

function createCustomer(ctx: StandinContext, { params: p }: ApiRequest) {
  warnIgnored("POST /v1/customers", p, CUSTOMER_PARAMS, ctx.log);
  const c = buildCustomer({ ...customerFields(p), metadata: mergeMetadata({}, p.metadata) });
  ctx.store.state.customers[c.id] = c;
  ctx.store.save();
  return c;
}

function updateCustomer(ctx: StandinContext, { params: p, ids }: ApiRequest) {
  warnIgnored("POST /v1/customers/:id", p, CUSTOMER_PARAMS, ctx.log);
  const c = getCustomer(ctx, ids[0]);
  for (const [key, value] of Object.entries(customerFields(p))) {
    if (value !== undefined) Object.assign(c, { [key]: value === "" ? null : value });
  }
  c.metadata = mergeMetadata(c.metadata, p.metadata);
  ctx.store.save();
  return c;
}

function listCustomers(ctx: StandinContext, { params: p }: ApiRequest) {
  const email = str(p.email);
  // Stripe's email filter is an exact, case-sensitive match.
  const all = Object.values(ctx.store.state.customers).filter((c) => email === undefined || c.email === email);
  return paginate(all, p, "/v1/customers");
}

function createProduct(ctx: StandinContext, { params: p }: ApiRequest) {
  warnIgnored("POST /v1/products", p, ["id", "name", "description", "active", "metadata"], ctx.log);
  const name = str(p.name);
  if (!name) throw missingParam("name");
  const made = buildProduct({ name, description: str(p.description), active: bool(p.active), metadata: mergeMetadata({}, p.metadata) });
  // Stripe lets you choose a product id (handy for seed scripts); it must be unused.
  const id = str(p.id);
  if (id) {
    if (ctx.store.state.products[id]) throw invalid(`Product already exists.`, "id", "resource_already_exists");
    made.id = id;
  }
  ctx.store.state.products[made.id] = made;
  ctx.store.save();
  return made;
}

function updateProduct(ctx: StandinContext, { params: p, ids }: ApiRequest) {
  warnIgnored("POST /v1/products/:id", p, ["name", "description", "active", "metadata", "default_price"], ctx.log);
  const prod = getProduct(ctx, ids[0]);
  const name = str(p.name);
  if (name) prod.name = name;
  if (str(p.description) !== undefined) prod.description = str(p.description) || null;
  if (bool(p.active) !== undefined) prod.active = bool(p.active)!;
  const defaultPrice = str(p.default_price);
  if (defaultPrice !== undefined) {
    if (defaultPrice && !ctx.store.state.prices[defaultPrice]) throw notFound("price", defaultPrice, "default_price");
    prod.default_price = defaultPrice || null;
  }
  prod.metadata = mergeMetadata(prod.metadata, p.metadata);
  prod.updated = Math.floor(Date.now() / 1000);
  ctx.store.save();
  return prod;
}

function listProducts(ctx: StandinContext, { params: p }: ApiRequest) {
  const active = bool(p.active);
  const ids = list(p.ids);
  const all = Object.values(ctx.store.state.products).filter(
    (x) => (active === undefined || x.active === active) && (ids.length === 0 || ids.includes(x.id)),
  );
  return paginate(all, p, "/v1/products");
}

const INTERVALS = ["day", "week", "month", "year"] as const;
type Interval = (typeof INTERVALS)[number];

function createPrice(ctx: StandinContext, { params: p }: ApiRequest) {
  const known = [
    "product", "product_data", "unit_amount", "currency", "recurring",
    "nickname", "lookup_key", "transfer_lookup_key", "active", "metadata",
  ];
  warnIgnored("POST /v1/prices", p, known, ctx.log);
  const { state } = ctx.store;
  let productId = str(p.product);
  const productData = obj(p.product_data);
  if (!productId && productData) {
    // Inline product creation, as Stripe allows with product_data[name].
    const name = str(productData.name);
    if (!name) throw missingParam("product_data[name]");
    const made = buildProduct({ name, metadata: mergeMetadata({}, productData.metadata) });
    state.products[made.id] = made;
    productId = made.id;
  }
  if (!productId) throw missingParam("product");
  getProduct(ctx, productId);
  const unitAmount = int(p.unit_amount);
  if (unitAmount === undefined) throw missingParam("unit_amount");
  if (Number.isNaN(unitAmount) || unitAmount < 0) throw invalid("Invalid non-negative integer", "unit_amount");
  const currency = str(p.currency)?.toLowerCase();
  if (!currency) throw missingParam("currency");
  if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}`, "currency");
  const rec = obj(p.recurring);
  let recurring: { interval: Interval; intervalCount: number } | undefined;
  if (rec) {
    const interval = str(rec.interval) as Interval | undefined;
    if (!interval) throw missingParam("recurring[interval]");
    if (!INTERVALS.includes(interval)) throw invalid(`Invalid recurring[interval]: must be one of ${INTERVALS.join(", ")}`, "recurring[interval]");
    const count = int(rec.interval_count) ?? 1;
    if (!Number.isInteger(count) || count < 1) throw invalid("Invalid positive integer", "recurring[interval_count]");
    recurring = { interval, intervalCount: count };
  }
  const lookupKey = str(p.lookup_key);
  if (lookupKey) {
    const holder = Object.values(state.prices).find((x) => x.lookup_key === lookupKey);
    if (holder && !bool(p.transfer_lookup_key)) {
      throw invalid(`A price (\`${holder.id}\`) already uses that lookup key.`, "lookup_key");
    }
    if (holder) holder.lookup_key = null;
  }
  const made = buildPrice({
    product: productId,
    unitAmount,
    currency,
    recurring,
    nickname: str(p.nickname),
    lookupKey,
    active: bool(p.active),
    metadata: mergeMetadata({}, p.metadata),
  });
  state.prices[made.id] = made;
  ctx.store.save();
  return made;
}

function updatePrice(ctx: StandinContext, { params: p, ids }: ApiRequest) {
  warnIgnored("POST /v1/prices/:id", p, ["active", "nickname", "metadata"], ctx.log);
  const pr = getPrice(ctx, ids[0]);
  if (bool(p.active) !== undefined) pr.active = bool(p.active)!;
  if (str(p.nickname) !== undefined) pr.nickname = str(p.nickname) || null;
  pr.metadata = mergeMetadata(pr.metadata, p.metadata);
  ctx.store.save();
  return pr;
}

function listPrices(ctx: StandinContext, { params: p }: ApiRequest) {
  const prod = str(p.product);
  const active = bool(p.active);
  const type = str(p.type);
  const currency = str(p.currency);
  const lookupKeys = list(p.lookup_keys);
  const all = Object.values(ctx.store.state.prices).filter(
    (x) =>
      (prod === undefined || x.product === prod) &&
      (active === undefined || x.active === active) &&
      (type === undefined || x.type === type) &&
      (currency === undefined || x.currency === currency) &&
      (lookupKeys.length === 0 || (x.lookup_key !== null && lookupKeys.includes(x.lookup_key))),
  );
  return paginate(all, p, "/v1/prices");
}

export const catalogRoutes: Route[] = [
  ["POST", path("customers"), createCustomer],
  ["GET", path("customers"), listCustomers],
  ["GET", path("customers/:id"), (ctx, r) => getCustomer(ctx, r.ids[0])],
  ["POST", path("customers/:id"), updateCustomer],
  ["POST", path("products"), createProduct],
  ["GET", path("products"), listProducts],
  ["GET", path("products/:id"), (ctx, r) => getProduct(ctx, r.ids[0])],
  ["POST", path("products/:id"), updateProduct],
  ["POST", path("prices"), createPrice],
  ["GET", path("prices"), listPrices],
  ["GET", path("prices/:id"), (ctx, r) => getPrice(ctx, r.ids[0])],
  ["POST", path("prices/:id"), updatePrice],
];
