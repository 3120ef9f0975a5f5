import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Loan numbers are encrypted at rest with AES-256-GCM under LOAN_NUMBER_KEY (32 bytes, hex).
// Stored form: "v1:" + base64url(iv | tag | ciphertext). Authenticated, so tampering is detected.
const VERSION = "v1";

function keyBytes(hexKey: string): Buffer {
  const key = Buffer.from(hexKey, "hex");
  if (key.length !== 32) throw new Error("LOAN_NUMBER_KEY must be 32 bytes (64 hex characters)");
  return key;
}

export function encryptLoanNumber(plain: string, hexKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(hexKey), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function decryptLoanNumber(stored: string, hexKey: string): string {
  const [version, payload] = stored.split(":");
  if (version !== VERSION || !payload) throw new Error("unknown loan number format");
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keyBytes(hexKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** "••••1234": what the UI shows. */
export function maskLoanNumber(last4: string | null | undefined): string {
  return last4 ? `••••${last4}` : "";
}

export function lastFour(plain: string): string {
  return plain.replace(/\s+/g, "").slice(-4);
}
