// npm run admin:create -- <email> — gives an existing account the admin role (audited).
import { closeDb } from "@/db";
import { promoteByEmail } from "@/lib/admin/promote";
import { runCli } from "./cli-db";

runCli(async () => {
  const email = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!email || !email.includes("@")) {
    console.error("usage: npm run admin:create -- <email>\n  Gives the account with that email address the admin role. Sign up first.");
    return 2;
  }
  try {
    const r = await promoteByEmail(email);
    switch (r.status) {
      case "promoted":
        console.log(`${r.email} is now an admin. They see the dashboard at /admin (after signing in again if signed in).`);
        return 0;
      case "already_admin":
        console.log(`${r.email} is already an admin; nothing changed.`);
        return 0;
      case "inactive":
        console.error(`${r.email} is deactivated; reactivate the account before making it an admin.`);
        return 1;
      case "not_found":
        console.error(`No account uses ${r.email}. Sign up with that address first, then run this again.`);
        return 1;
    }
  } finally {
    await closeDb();
  }
});
