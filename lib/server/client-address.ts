import { isIP } from "node:net";

// Who is asking, as far as the app can tell, and how rate limits count them. Pure functions (no
// Next imports), so they are tested directly.

const MAX_ADDRESS = 45; // the longest textual IPv6 address, with an embedded IPv4 tail

/**
 * The client's address from X-Forwarded-For, given how many proxies in front of the app append
 * to it (`proxyHops`: 1 for a load balancer, 2 for a CDN in front of one).
 *
 * Counted from the right: every entry left of the ones our own proxies appended was written by
 * the client and can be anything, so the first entry — what most apps take — lets anyone dodge a
 * per-address limit by sending a new made-up header with each request. `next start` fills the
 * header with the socket's address when a request arrives without one, so an app with no proxy
 * in front still sees real addresses from clients that don't forge it.
 *
 * Returns null when the chosen entry is not an IP address (nothing to count by), and an
 * IPv4-mapped IPv6 address ("::ffff:10.0.0.1") as the IPv4 address it is.
 */
export function clientAddress(forwardedFor: string | null | undefined, proxyHops: number): string | null {
  if (!forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer entries than proxies: the request skipped some of them; the leftmost is the best we have.
  const chosen = hops[Math.max(0, hops.length - Math.max(1, proxyHops))]!;
  return normalizeAddress(chosen);
}

function normalizeAddress(raw: string): string | null {
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies keep the port)
  let a = raw.replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  if (a.length > MAX_ADDRESS) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * What a per-address rate limit counts: an IPv4 address as it is, an IPv6 address by its /64.
 * One IPv6 subscriber gets a whole /64 (18 quintillion addresses) to choose from, so counting
 * single IPv6 addresses would limit no one.
 */
export function rateLimitSubject(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** "2001:db8::1" -> ["2001","db8","0","0","0","0","0","1"]; null if it is not plain IPv6. */
function expandIPv6(address: string): string[] | null {
  const zoneless = address.split("%")[0]!.toLowerCase();
  // An embedded IPv4 tail ("64:ff9b::192.0.2.1") is two groups.
  const withV4 = zoneless.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_m, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(":"),
  );
  const [head, tail, ...rest] = withV4.split("::");
  if (rest.length > 0) return null;
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
