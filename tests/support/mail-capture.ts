// A capturing SMTP server for browser tests: accepts every message on MAIL_SMTP_PORT and serves
// them as JSON on MAIL_HTTP_PORT (GET /messages?to=address, DELETE /messages, GET /health).
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

type Captured = { to: string[]; from: string; raw: string; receivedAt: string };
const messages: Captured[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        raw: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});
smtp.listen(Number(process.env.MAIL_SMTP_PORT ?? 2525), "127.0.0.1");

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/health") return void res.end("ok");
  if (url.pathname === "/messages" && req.method === "DELETE") {
    messages.length = 0;
    return void res.end("[]");
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    res.setHeader("Content-Type", "application/json");
    return void res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
  }
  res.statusCode = 404;
  res.end();
}).listen(Number(process.env.MAIL_HTTP_PORT ?? 2526), "127.0.0.1");
