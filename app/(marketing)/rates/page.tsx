import { ComingSoon } from "@/components/app-shell";

export default function RatesPage() {
  return (
    <div className="py-12">
      <ComingSoon title="Mortgage rates" description="Interactive charts of Freddie Mac's weekly survey since 1971 are on their way." />
    </div>
  );
}
