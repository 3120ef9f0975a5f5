/** Who made a request, as far as we can tell (stored with tokens, used for rate limits). */
export type RequestMeta = { ip: string | null; userAgent: string | null };

export const NO_META: RequestMeta = { ip: null, userAgent: null };

export function trimMeta(meta: RequestMeta): RequestMeta {
  return { ip: meta.ip?.slice(0, 45) ?? null, userAgent: meta.userAgent?.slice(0, 255) ?? null };
}
