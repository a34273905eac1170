import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CognitoPart } from "@/dev/parts/cognito.ts";
import { throwawayCognito } from "@/dev/testing/local-parts.ts";
import { parseAuthConfig, type AuthConfig } from "./auth-config.ts";
import { createIdTokenVerifier, remoteKeys } from "./verify-id-token.ts";

let cognito: CognitoPart;
let client: CognitoIdentityProviderClient;
let config: AuthConfig;

beforeAll(async () => {
  cognito = await throwawayCognito("123456");
  client = new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region: "us-east-1", credentials: { accessKeyId: "l", secretAccessKey: "l" } });
  const parsed = parseAuthConfig({
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.userPoolClientId,
    COGNITO_LOCAL: "1",
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_ISSUER: cognito.issuer,
    COGNITO_JWKS_URI: cognito.jwksUri,
  });
  if (!parsed) throw new Error("expected a config");
  config = parsed;
});

afterAll(async () => {
  client?.destroy();
  await cognito?.stop();
});

async function signedUp(email: string, clientId = cognito.userPoolClientId) {
  const password = "Correct-horse-9";
  await client.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: "email", Value: email }] }));
  await client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: "123456" }));
  const auth = await client.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  const tokens = auth.AuthenticationResult;
  if (!tokens?.IdToken || !tokens.AccessToken) throw new Error("no tokens");
  return { idToken: tokens.IdToken, accessToken: tokens.AccessToken };
}

describe("verifying cognito-local's tokens as the server does", () => {
  it("accepts a signed-up, confirmed user's ID token and takes sub and e-mail from it", async () => {
    const { idToken } = await signedUp("ada@example.com");
    const verify = createIdTokenVerifier({ issuer: config.issuer, clientId: config.clientId, keys: remoteKeys(config.jwksUri) });
    const result = await verify(idToken);
    expect(result).toMatchObject({ ok: true, identity: { email: "ada@example.com" } });
    if (result.ok) expect(result.identity.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses the access token, another app client's token, and the emulator's tokens under a production issuer", async () => {
    const { accessToken } = await signedUp("grace@example.com");
    const keys = remoteKeys(config.jwksUri);
    const verify = createIdTokenVerifier({ issuer: config.issuer, clientId: config.clientId, keys });
    expect((await verify(accessToken)).ok).toBe(false);

    const other = await client.send(
      new CreateUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientName: "other", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }),
    );
    const otherId = other.UserPoolClient?.ClientId ?? "";
    const { idToken: otherToken } = await signedUp("linus@example.com", otherId);
    expect(await verify(otherToken)).toMatchObject({ ok: false, reason: expect.stringMatching(/aud/) });

    // A production server expects the AWS issuer: the emulator's key-signed token is refused.
    const { idToken } = await signedUp("barbara@example.com");
    const production = createIdTokenVerifier({ issuer: `https://cognito-idp.us-east-1.amazonaws.com/${cognito.userPoolId}`, clientId: config.clientId, keys });
    expect(await production(idToken)).toMatchObject({ ok: false, reason: expect.stringMatching(/iss/) });
  });
});
