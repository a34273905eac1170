import { z } from "zod";

/**
 * How the shop reaches Cognito, read from the server's environment. Pure, so it can be tested.
 *
 * Production: COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID; the issuer and its JWKS are derived
 * from the pool id (`https://cognito-idp.<region>.amazonaws.com/<pool>`), and nothing else is
 * accepted. Locally the runner adds COGNITO_LOCAL=1 with cognito-local's endpoint, issuer and JWKS
 * (http, loopback only). The emulator's signing key ships in its npm package, so a deployed
 * function (AWS_LAMBDA_FUNCTION_NAME set) refuses the local mode outright.
 */

export interface AuthConfig {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly issuer: string;
  readonly jwksUri: string;
  /** Set only for cognito-local: the browser then talks to this endpoint, with its password flow. */
  readonly localEndpoint: string | null;
}

/** What the browser's Amplify needs: ids and the emulator's endpoint; no secret. */
export interface PublicAuthConfig {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly localEndpoint: string | null;
}

export class AuthConfigError extends Error {
  override name = "AuthConfigError";
}

const blankToUndefined = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const AWS_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const envSchema = z.object({
  COGNITO_USER_POOL_ID: optional(z.string().regex(/^[\w-]+_[0-9A-Za-z]+$/, "must look like <region>_<id>")),
  COGNITO_CLIENT_ID: optional(z.string().regex(/^[\w-]{1,128}$/, "must be an app client id")),
  COGNITO_LOCAL: optional(z.enum(["0", "1"])),
  COGNITO_ENDPOINT: optional(z.url()),
  COGNITO_ISSUER: optional(z.url()),
  COGNITO_JWKS_URI: optional(z.url()),
  AWS_LAMBDA_FUNCTION_NAME: optional(z.string()),
});

function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return (parsed.protocol === "http:" || parsed.protocol === "https:") && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** Null when sign-in is not configured (no pool or client id): the shop then runs without accounts. */
export function parseAuthConfig(env: Readonly<Record<string, string | undefined>>): AuthConfig | null {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new AuthConfigError(`Invalid sign-in configuration: ${problems.join("; ")}`);
  }
  const vars = parsed.data;
  const userPoolId = vars.COGNITO_USER_POOL_ID;
  const clientId = vars.COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) {
    if (userPoolId || clientId) throw new AuthConfigError("Set both COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, or neither");
    return null;
  }

  if (vars.COGNITO_LOCAL === "1") {
    if (vars.AWS_LAMBDA_FUNCTION_NAME) {
      throw new AuthConfigError("COGNITO_LOCAL=1 is refused in a deployed function: the emulator's signing key is public");
    }
    const { COGNITO_ENDPOINT: endpoint, COGNITO_ISSUER: issuer, COGNITO_JWKS_URI: jwksUri } = vars;
    if (!endpoint || !issuer || !jwksUri) {
      throw new AuthConfigError("COGNITO_LOCAL=1 needs COGNITO_ENDPOINT, COGNITO_ISSUER and COGNITO_JWKS_URI");
    }
    for (const [name, url] of [["COGNITO_ENDPOINT", endpoint], ["COGNITO_ISSUER", issuer], ["COGNITO_JWKS_URI", jwksUri]] as const) {
      if (!isLoopbackHttp(url)) throw new AuthConfigError(`${name} must point at this machine's loopback in local mode (got ${url})`);
    }
    return { userPoolId, clientId, issuer: issuer.replace(/\/$/, ""), jwksUri, localEndpoint: endpoint.replace(/\/$/, "") };
  }

  const region = AWS_POOL_ID.exec(userPoolId)?.[1];
  if (!region) throw new AuthConfigError(`COGNITO_USER_POOL_ID ${userPoolId} is not an AWS user pool id (<region>_<id>)`);
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  for (const name of ["COGNITO_ENDPOINT", "COGNITO_ISSUER", "COGNITO_JWKS_URI"] as const) {
    const value = vars[name];
    if (value !== undefined && name === "COGNITO_ISSUER" && value.replace(/\/$/, "") === issuer) continue;
    if (value !== undefined) throw new AuthConfigError(`${name} is only accepted with COGNITO_LOCAL=1; production derives it from the pool id`);
  }
  return { userPoolId, clientId, issuer, jwksUri: `${issuer}/.well-known/jwks.json`, localEndpoint: null };
}

export function publicAuthConfig(config: AuthConfig): PublicAuthConfig {
  return { userPoolId: config.userPoolId, clientId: config.clientId, localEndpoint: config.localEndpoint };
}
