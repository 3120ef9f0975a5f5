import { describe, expect, it } from "vitest";
import { bool, int, mergeMetadata, parseStripeForm, splitKey } from "./form";

describe("parseStripeForm", () => {
  it("reads flat keys", () => {
    expect(parseStripeForm("mode=subscription&customer=cus_1")).toEqual({ mode: "subscription", customer: "cus_1" });
  });

  it("nests bracket keys as the stripe SDK sends them", () => {
    const body =
      "line_items[0][price]=price_1&line_items[0][quantity]=1&metadata[alert_id]=a1&subscription_data[metadata][alert_id]=a1";
    expect(parseStripeForm(body)).toEqual({
      line_items: [{ price: "price_1", quantity: "1" }],
      metadata: { alert_id: "a1" },
      subscription_data: { metadata: { alert_id: "a1" } },
    });
  });

  it("accepts expand[] and the SDK's indexed expand[0]", () => {
    expect(parseStripeForm("expand[]=subscription&expand[]=subscription.items.data.price")).toEqual({
      expand: ["subscription", "subscription.items.data.price"],
    });
    expect(parseStripeForm("expand[0]=subscription&expand[1]=customer")).toEqual({ expand: ["subscription", "customer"] });
  });

  it("decodes percent-encoded brackets and values, and + as space", () => {
    const body = "metadata%5Bnote%5D=hello%20world&name=Ada+Lovelace&success_url=http%3A%2F%2Fx%2Fok%3Fs%3D%7BCHECKOUT_SESSION_ID%7D";
    expect(parseStripeForm(body)).toEqual({
      metadata: { note: "hello world" },
      name: "Ada Lovelace",
      success_url: "http://x/ok?s={CHECKOUT_SESSION_ID}",
    });
  });

  it("orders arrays by index even when indexes arrive out of order", () => {
    expect(parseStripeForm("items[1][price]=b&items[0][price]=a")).toEqual({ items: [{ price: "a" }, { price: "b" }] });
  });

  it("keeps empty values (Stripe uses them to unset metadata keys)", () => {
    expect(parseStripeForm("metadata[old]=&metadata[new]=x")).toEqual({ metadata: { old: "", new: "x" } });
  });

  it("parses URLSearchParams (query strings) the same way", () => {
    expect(parseStripeForm(new URLSearchParams("limit=3&lookup_keys[0]=a&lookup_keys[1]=b"))).toEqual({
      limit: "3",
      lookup_keys: ["a", "b"],
    });
  });

  it("ignores keys that would pollute Object.prototype", () => {
    const parsed = parseStripeForm("__proto__[polluted]=1&a[constructor][prototype][x]=1&ok=1");
    expect(parsed).toEqual({ a: {}, ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("splits keys into segments", () => {
    expect(splitKey("a")).toEqual(["a"]);
    expect(splitKey("a[b][0][]")).toEqual(["a", "b", "0", ""]);
    expect(splitKey("a[b]c")).toEqual(["a", "bc"]);
  });
});

describe("typed readers", () => {
  it("reads booleans and integers the way the SDK encodes them", () => {
    expect(bool("true")).toBe(true);
    expect(bool("false")).toBe(false);
    expect(bool("yes")).toBeUndefined();
    expect(int("12000")).toBe(12000);
    expect(int("12.5")).toBeNaN();
    expect(int(undefined)).toBeUndefined();
  });

  it("merges metadata: empty value unsets a key, empty metadata clears all", () => {
    expect(mergeMetadata({ a: "1", b: "2" }, { b: "", c: "3" })).toEqual({ a: "1", c: "3" });
    expect(mergeMetadata({ a: "1" }, "")).toEqual({});
    expect(mergeMetadata({ a: "1" }, undefined)).toEqual({ a: "1" });
  });
});
