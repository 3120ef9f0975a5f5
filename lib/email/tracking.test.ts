import { describe, expect, it } from "vitest";
import { renderEmail } from "./layout";
import { addTracking, signClick, signOpen, verifySignature } from "./tracking";

const opts = { appUrl: "https://app.example", secret: "s".repeat(40), emailId: "11111111-2222-4333-8444-555555555555" };

describe("email tracking", () => {
  const email = renderEmail({ subject: "Hi", heading: "Hello", blocks: [{ kind: "button", label: "Go", url: "https://app.example/verify-email?token=abc&x=1" }] });
  const tracked = addTracking(email, opts);

  it("routes HTML links through a signed click URL that decodes to the original, and leaves the text part alone", () => {
    const href = tracked.html.match(/href="([^"]+)"/)![1]!.replace(/&amp;/g, "&");
    const url = new URL(href);
    expect(url.pathname).toBe(`/api/email/click/${opts.emailId}`);
    expect(url.searchParams.get("u")).toBe("https://app.example/verify-email?token=abc&x=1");
    expect(verifySignature(signClick(opts.secret, opts.emailId, url.searchParams.get("u")!), url.searchParams.get("s"))).toBe(true);
    expect(tracked.text).toBe(email.text);
  });

  it("adds one signed open pixel", () => {
    const pixels = tracked.html.match(/<img src="([^"]+)"/g) ?? [];
    expect(pixels).toHaveLength(1);
    const src = new URL(tracked.html.match(/<img src="([^"]+)"/)![1]!.replace(/&amp;/g, "&"));
    expect(verifySignature(signOpen(opts.secret, opts.emailId), src.searchParams.get("s"))).toBe(true);
  });

  it("signatures bind the email, the destination and the secret", () => {
    const sig = signClick(opts.secret, opts.emailId, "https://app.example/a");
    expect(verifySignature(signClick(opts.secret, opts.emailId, "https://evil.example/"), sig)).toBe(false);
    expect(verifySignature(signClick(opts.secret, "other-id", "https://app.example/a"), sig)).toBe(false);
    expect(verifySignature(signClick("t".repeat(40), opts.emailId, "https://app.example/a"), sig)).toBe(false);
    expect(verifySignature(sig, null)).toBe(false);
    expect(verifySignature(sig, sig.slice(1))).toBe(false);
  });
});
