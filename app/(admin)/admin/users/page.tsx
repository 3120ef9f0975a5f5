import type { Metadata } from "next";
import Link from "next/link";
import { one, Pager } from "@/components/admin/pager";
import { UserBadges } from "@/components/admin/user-badges";
import { Banner, EmptyState, Input, PageHeader, SubmitButton, Table, TBody, Td, Th, THead } from "@/components/ui";
import { searchUsers, type UserFilter } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Users · Admin" };

const FILTERS: { value: UserFilter; label: string }[] = [
  { value: "verified", label: "Verified" },
  { value: "unverified", label: "Unverified" },
  { value: "locked", label: "Locked" },
  { value: "deactivated", label: "Deactivated" },
  { value: "paying", label: "Paying" },
  { value: "deleted", label: "Deleted" },
];

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: Search }) {
  await requireAdmin("/admin/users");
  const sp = await searchParams;
  const q = one(sp.q)?.slice(0, 255);
  const raw = sp.filter;
  const filters = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((f): f is UserFilter => FILTERS.some((x) => x.value === f));
  const cursor = one(sp.cursor);
  const { rows, nextCursor } = await searchUsers({ q, filters, cursor, limit: 25 });

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Search by email or name; newest accounts first." />
      {one(sp.purged) && <Banner tone="success">The account was permanently deleted.</Banner>}
      <form method="get" role="search" aria-label="Users" className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Input label="Email or name" name="q" type="search" defaultValue={q} placeholder="dana@example.com" className="flex-1" autoComplete="off" />
          <SubmitButton pendingText="Searching…">Search</SubmitButton>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Show only users who are all of</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {FILTERS.map((f) => (
              <label key={f.value} className="inline-flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
                <input type="checkbox" name="filter" value={f.value} defaultChecked={filters.includes(f.value)} className="size-4 rounded border-slate-300 dark:border-slate-600" />
                {f.label}
              </label>
            ))}
          </div>
        </fieldset>
      </form>

      {rows.length === 0 ? (
        <EmptyState title="No users match" description={q || filters.length ? "Try a shorter search or fewer filters (ticked filters must all match)." : "Nobody has signed up yet."} />
      ) : (
        <>
          <Table caption="Users">
            <THead>
              <tr>
                <Th>User</Th>
                <Th>Status</Th>
                <Th>Signed up</Th>
                <Th>Last sign-in</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <Td>
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {u.email}
                    </Link>
                    <div className="text-xs text-slate-500 dark:text-slate-400">{u.name}</div>
                  </Td>
                  <Td>
                    <UserBadges user={u} />
                  </Td>
                  <Td>{formatDateTime(new Date(u.createdAt))}</Td>
                  <Td>{u.lastLoginAt ? formatDateTime(new Date(u.lastLoginAt)) : "never"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pager basePath="/admin/users" query={[["q", q], ...filters.map((f): [string, string] => ["filter", f])]} cursor={cursor} nextCursor={nextCursor} shown={rows.length} />
        </>
      )}
    </div>
  );
}
