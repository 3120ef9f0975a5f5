// Tests never touch the developer's .data folder or secrets.
import path from "node:path";

process.env.DATA_DIR ??= path.resolve(".test-tmp/data");
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";
process.env.LOAN_NUMBER_KEY ??= "0f".repeat(32);
process.env.APP_URL ??= "http://127.0.0.1:3000";
