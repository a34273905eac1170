import { decodeJWT } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { z } from "zod";

type TokenRefresher = Parameters<typeof cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher>[0];

const adminUserSchema = z.object({ UserAttributes: z.array(z.object({ Name: z.string(), Value: z.string() })) });

const refreshResponseSchema = z.object({
  AuthenticationResult: z.object({ AccessToken: z.string().min(1), IdToken: z.string().min(1) }),
});

/*
 * Where cognito-local behaves unlike Cognito, filled in for local development only (the shop
 * uses these only when its configuration names the emulator's endpoint).
 */

async function callEmulator(endpoint: string, target: string, body: unknown): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`cognito-local ${target} failed with HTTP ${response.status}`);
  return response.json();
}

/**
 * Cognito marks the e-mail verified when a sign-up is confirmed with the code sent to it;
 * cognito-local does not, and the Authenticator would then ask to verify it again. Do what
 * Cognito does (the emulator does not check request signatures).
 */
export async function markEmailVerified(endpoint: string, userPoolId: string, username: string): Promise<void> {
  const user = adminUserSchema.parse(await callEmulator(endpoint, "AdminGetUser", { UserPoolId: userPoolId, Username: username }));
  const email = user.UserAttributes.find((attribute) => attribute.Name === "email")?.Value;
  if (!email) return;
  // The emulator insists on the address itself beside its verified flag.
  await callEmulator(endpoint, "AdminUpdateUserAttributes", {
    UserPoolId: userPoolId,
    Username: username,
    UserAttributes: [
      { Name: "email", Value: email },
      { Name: "email_verified", Value: "true" },
    ],
  });
}

/**
 * cognito-local lacks GetTokensFromRefreshToken, which Amplify's own refresher calls; this one
 * asks the emulator with InitiateAuth REFRESH_TOKEN_AUTH instead.
 */
export function localTokenRefresher(endpoint: string): TokenRefresher {
  return async ({ tokens, authConfig, username }) => {
    const clientId = authConfig?.Cognito.userPoolClientId;
    const refreshToken = tokens.refreshToken;
    if (!clientId || !refreshToken) throw new Error("Cannot refresh the session: no refresh token");
    const answer = await callEmulator(endpoint, "InitiateAuth", {
      ClientId: clientId,
      AuthFlow: "REFRESH_TOKEN_AUTH",
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    const { AuthenticationResult: fresh } = refreshResponseSchema.parse(answer);
    return {
      accessToken: decodeJWT(fresh.AccessToken),
      idToken: decodeJWT(fresh.IdToken),
      refreshToken,
      clockDrift: tokens.clockDrift,
      username,
    };
  };
}
