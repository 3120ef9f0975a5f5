import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui";
import { emptyMortgageValues } from "@/components/mortgages/form-values";
import { MortgageForm } from "@/components/mortgages/mortgage-form";
import { requireUser } from "@/lib/auth/session";
import { createMortgageAction } from "@/lib/mortgages/actions";

export const metadata: Metadata = { title: "Add a mortgage" };

export default async function NewMortgagePage() {
  await requireUser("/mortgages/new");
  return (
    <div className="max-w-3xl">
      <PageHeader title="Add a mortgage" description="The figures from your loan documents. Only the loan section is required." />
      <Card>
        <MortgageForm action={createMortgageAction} initial={emptyMortgageValues} cancelHref="/mortgages" />
      </Card>
    </div>
  );
}
