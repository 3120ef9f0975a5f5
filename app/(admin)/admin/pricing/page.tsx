import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-form";
import { NewPriceForm } from "@/components/admin/price-form";
import { Badge, Card, CardHeader, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { createPriceAction, setPlanActiveAction, setPriceActiveAction } from "@/lib/admin/actions-ops";
import { listPricing } from "@/lib/admin/pricing";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Pricing · Admin" };

export default async function AdminPricingPage() {
  const admin = await requireAdmin("/admin/pricing");
  const plans = await listPricing(admin.id);
  return (
    <div className="space-y-6">
      <PageHeader title="Pricing" description="A price change is a new price: the history is kept and subscribers keep the price they bought." />
      {plans.length === 0 && <EmptyState title="No plans" description="Run the seed (npm run db:seed) to create the default plan." />}
      {plans.map((plan) => (
        <Card key={plan.id}>
          <CardHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                {plan.name} {plan.isActive ? <Badge tone="success">offered</Badge> : <Badge>not offered</Badge>}
              </span>
            }
            description={
              <>
                <span className="font-mono text-xs">{plan.code}</span> · Stripe product <span className="font-mono text-xs">{plan.stripeProductId ?? "not created yet"}</span>
              </>
            }
            actions={
              <ActionButton
                action={setPlanActiveAction}
                fields={{ planId: plan.id, active: String(!plan.isActive) }}
                label={plan.isActive ? "Stop offering" : "Offer again"}
                pendingText="Saving…"
                confirm={plan.isActive ? { title: `Stop offering ${plan.name}?`, description: "It disappears from the pricing page. Current subscribers keep their subscriptions.", confirmLabel: "Stop offering" } : undefined}
              />
            }
          />
          <Table caption={`${plan.name} prices`}>
            <THead>
              <tr><Th>Price</Th><Th>State</Th><Th>Subscribers</Th><Th>Stripe price</Th><Th>Created</Th><Th><span className="sr-only">Actions</span></Th></tr>
            </THead>
            <TBody>
              {plan.prices.map((p) => (
                <tr key={p.id}>
                  <Td className="font-medium">{formatCents(p.amountCents)} / {p.interval}</Td>
                  <Td>{p.isActive ? <Badge tone="success">offered</Badge> : <Badge>retired</Badge>}</Td>
                  <Td>{p.subscribers}</Td>
                  <Td className="font-mono text-xs">{p.stripePriceId ?? "—"}</Td>
                  <Td>{formatDateTime(p.createdAt)}</Td>
                  <Td>
                    <ActionButton
                      action={setPriceActiveAction}
                      fields={{ priceId: p.id, active: String(!p.isActive) }}
                      label={p.isActive ? "Retire" : "Offer again"}
                      variant="ghost"
                      pendingText="Saving…"
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-5 border-t border-slate-200 pt-5 dark:border-slate-800">
            <h3 className="mb-3 text-sm font-semibold">New price</h3>
            <NewPriceForm action={createPriceAction} planId={plan.id} planName={plan.name} />
          </div>
        </Card>
      ))}
    </div>
  );
}
