import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/layout/breadcrumbs.tsx";
import { PageHeading } from "@/components/listing/page-heading.tsx";
import { SignInPanel } from "@/components/auth/sign-in-panel.tsx";
import { publicAuthConfig } from "@/lib/auth/auth-config.ts";
import { safeReturnTo } from "@/lib/auth/return-to.ts";
import { authConfig } from "@/lib/auth/session.ts";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const config = authConfig();
  const returnTo = safeReturnTo(params.next);
  const mode = params.mode === "sign-up" ? "signUp" : "signIn";
  return (
    <>
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: "Sign in" }]} />
      <PageHeading title={mode === "signUp" ? "Create your account" : "Sign in"}>
        Your account keeps your cart, wishlist and orders on every device.
      </PageHeading>
      {config?.localEndpoint ? (
        <p>Local development: no e-mail is sent. Every confirmation code is the one `npm start` printed (123456 unless COGNITO_CODE says otherwise).</p>
      ) : null}
      {config ? (
        <SignInPanel config={publicAuthConfig(config)} returnTo={returnTo} mode={mode} />
      ) : (
        <p>Accounts are not set up on this shop yet (COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are unset).</p>
      )}
    </>
  );
}
