import { createHmac, timingSafeEqual } from "node:crypto";
import type { RenderedEmail } from "./layout";

/**
 * Open and click tracking. Each email's HTML part gets a 1x1 image at /api/email/open/<id> and
 * its links go through /api/email/click/<id>?u=<url>. Both carry an HMAC (AUTH_SECRET) over the
 * email id and the destination, so nobody can mark someone else's email or turn our domain into
 * an open redirect. The plain-text part keeps the direct links.
 */
function mac(secret: string, ...parts: string[]): string {
  return createHmac("sha256", secret).update(`email-tracking\n${parts.join("\n")}`).digest("base64url").slice(0, 32);
}

export function signOpen(secret: string, emailId: string): string {
  return mac(secret, "open", emailId);
}

export function signClick(secret: string, emailId: string, url: string): string {
  return mac(secret, "click", emailId, url);
}

export function verifySignature(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function openPixelUrl(appUrl: string, secret: string, emailId: string): string {
  return `${appUrl}/api/email/open/${emailId}?s=${signOpen(secret, emailId)}`;
}

export function clickUrl(appUrl: string, secret: string, emailId: string, url: string): string {
  return `${appUrl}/api/email/click/${emailId}?u=${encodeURIComponent(url)}&s=${signClick(secret, emailId, url)}`;
}

const decodeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const encodeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Rewrites the HTML part's http(s) links through the click redirect and appends the open pixel. */
export function addTracking(email: RenderedEmail, opts: { appUrl: string; secret: string; emailId: string }): RenderedEmail {
  const html = email.html
    .replace(/href="(https?:\/\/[^"]+)"/g, (_m, href: string) => `href="${encodeAttr(clickUrl(opts.appUrl, opts.secret, opts.emailId, decodeAttr(href)))}"`)
    .replace(/<\/body>/, `<img src="${encodeAttr(openPixelUrl(opts.appUrl, opts.secret, opts.emailId))}" width="1" height="1" alt="" style="display:block;border:0"></body>`);
  return { ...email, html };
}
