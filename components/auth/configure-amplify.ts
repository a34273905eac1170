import { Amplify } from "aws-amplify";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { CookieStorage } from "aws-amplify/utils";
import type { PublicAuthConfig } from "@/lib/auth/auth-config.ts";
import { localTokenRefresher } from "./local-cognito-gaps.ts";

let configuredFor: string | null = null;

/**
 * Configures Amplify in the browser once per page load. Tokens go to cookies (not localStorage)
 * so the server can read the ID token and verify it itself on every request that needs a user.
 */
export function configureAmplify(config: PublicAuthConfig): void {
  const key = JSON.stringify(config);
  if (configuredFor === key) return;
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.clientId,
        ...(config.localEndpoint ? { userPoolEndpoint: config.localEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: "code",
        passwordFormat: { minLength: 8, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSpecialCharacters: false },
      },
    },
  });
  cognitoUserPoolsTokenProvider.setKeyValueStorage(
    new CookieStorage({ path: "/", sameSite: "lax", secure: window.location.protocol === "https:", expires: 30 }),
  );
  if (config.localEndpoint) cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher(localTokenRefresher(config.localEndpoint));
  configuredFor = key;
}
