import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSession()) redirect("/dashboard");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your Refi Alert account</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Already have one?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
          Sign in
        </Link>
      </p>
      <SignUpForm />
    </>
  );
}
