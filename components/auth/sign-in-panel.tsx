"use client";

import "@aws-amplify/ui-react/styles.css";
import { Authenticator } from "@aws-amplify/ui-react";
import { confirmSignUp, fetchAuthSession, signIn, signUp, type ConfirmSignUpInput, type SignInInput, type SignUpInput } from "aws-amplify/auth";
import { useEffect, useState, useSyncExternalStore } from "react";
import { completeSignIn } from "@/lib/auth/actions.ts";
import type { PublicAuthConfig } from "@/lib/auth/auth-config.ts";
import { configureAmplify } from "./configure-amplify.ts";
import { markEmailVerified } from "./local-cognito-gaps.ts";
import styles from "./sign-in-panel.module.css";

/**
 * cognito-local has no SRP: locally, sign in (and sign in after sign-up) with the password flow.
 * (The Authenticator types these services as Amplify's overloaded server/browser functions; it
 * calls them with the input only, as written here.)
 */
function localServices(config: PublicAuthConfig, endpoint: string) {
  return {
    handleConfirmSignUp: (async (input: ConfirmSignUpInput) => {
      const output = await confirmSignUp(input);
      await markEmailVerified(endpoint, config.userPoolId, input.username);
      return output;
    }) as typeof confirmSignUp,
    handleSignIn: ((input: SignInInput) => signIn({ ...input, options: { ...input.options, authFlowType: "USER_PASSWORD_AUTH" } })) as typeof signIn,
    handleSignUp: ((input: SignUpInput) =>
      signUp({ ...input, options: { userAttributes: {}, ...input.options, autoSignIn: { authFlowType: "USER_PASSWORD_AUTH" } } })) as typeof signUp,
  };
}

const noSubscription = () => () => {};

/** Once Amplify holds a session: refresh it if stale, let the server verify and adopt it, go on. */
function SignedIn({ returnTo }: { returnTo: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      await fetchAuthSession();
      const result = await completeSignIn();
      if (cancelled) return;
      if (result.ok) window.location.replace(returnTo);
      else setProblem(result.message);
    })().catch(() => {
      if (!cancelled) setProblem("Signing in did not finish. Please try again.");
    });
    return () => {
      cancelled = true;
    };
  }, [returnTo]);
  return (
    <p role="status" className={styles.status}>
      {problem ?? "Signed in. Taking you back…"}
    </p>
  );
}

export function SignInPanel({ config, returnTo, mode }: { config: PublicAuthConfig; returnTo: string; mode: "signIn" | "signUp" }) {
  // The Authenticator runs in the browser only: the server renders a placeholder.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!inBrowser) return <p className={styles.status}>Loading sign-in…</p>;
  configureAmplify(config); // idempotent
  return (
    <div className={styles.panel}>
      <Authenticator initialState={mode} loginMechanisms={["email"]} services={config.localEndpoint ? localServices(config, config.localEndpoint) : undefined}>
        {() => <SignedIn returnTo={returnTo} />}
      </Authenticator>
    </div>
  );
}
