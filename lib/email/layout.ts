// One template renders both parts of an email: an HTML part (inline styles, table-free, works in
// common clients) and a plain-text part, from the same blocks.
export type EmailBlock =
  | { kind: "p"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "facts"; rows: [string, string][] }
  | { kind: "small"; text: string; links?: { label: string; url: string }[] };

export type RenderedEmail = { subject: string; html: string; text: string };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function renderEmail(opts: {
  subject: string;
  heading: string;
  blocks: EmailBlock[];
  footer?: string;
  /** Tracking pixel URL, added to the HTML part only. */
  pixelUrl?: string;
}): RenderedEmail {
  const htmlBlocks = opts.blocks
    .map((b) => {
      switch (b.kind) {
        case "p":
          return `<p style="margin:0 0 16px;line-height:1.5">${esc(b.text)}</p>`;
        case "small": {
          // Links as links (an address in running text can't be clicked in every mail client).
          const links = (b.links ?? []).map((l) => `<a href="${esc(l.url)}" style="color:#047857">${esc(l.label)}</a>`).join(" · ");
          return `<p style="margin:0 0 12px;font-size:13px;color:#64748b;line-height:1.5">${esc(b.text)}${links ? ` ${links}` : ""}</p>`;
        }
        case "button":
          return `<p style="margin:24px 0"><a href="${esc(b.url)}" style="background:#059669;color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600;display:inline-block">${esc(b.label)}</a></p>`;
        case "facts":
          return `<dl style="margin:0 0 16px">${b.rows
            .map(([k, v]) => `<div style="padding:4px 0"><dt style="font-size:13px;color:#64748b">${esc(k)}</dt><dd style="margin:0;font-weight:600">${esc(v)}</dd></div>`)
            .join("")}</dl>`;
      }
    })
    .join("\n");
  const footer = opts.footer ?? "Refi Alert · Rates: Freddie Mac Primary Mortgage Market Survey®";
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:28px">
<p style="margin:0 0 20px;font-weight:700;color:#059669">Refi Alert</p>
<h1 style="margin:0 0 16px;font-size:20px">${esc(opts.heading)}</h1>
${htmlBlocks}
<p style="margin:24px 0 0;font-size:12px;color:#94a3b8">${esc(footer)}</p>
</div>${opts.pixelUrl ? `<img src="${esc(opts.pixelUrl)}" width="1" height="1" alt="" style="display:block">` : ""}
</body></html>`;
  const text = [
    opts.heading,
    "",
    ...opts.blocks.map((b) => {
      switch (b.kind) {
        case "p":
          return `${b.text}\n`;
        case "small":
          return [b.text, ...(b.links ?? []).map((l) => `${l.label}: ${l.url}`)].join("\n") + "\n";
        case "button":
          return `${b.label}: ${b.url}\n`;
        case "facts":
          return b.rows.map(([k, v]) => `${k}: ${v}`).join("\n") + "\n";
      }
    }),
    "--",
    footer,
  ].join("\n");
  return { subject: opts.subject, html, text };
}
