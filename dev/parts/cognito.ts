import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { startChild } from "./child.ts";
import { waitForPort } from "./ports.ts";

export interface CognitoPart {
  readonly endpoint: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** The issuer the emulator writes into its tokens; production must never accept it. */
  readonly issuer: string;
  readonly jwksUri: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const poolIdsSchema = z.object({ userPoolId: z.string(), userPoolClientId: z.string() });

/**
 * Starts cognito-local with its state under dataDir, and creates the shop's user pool and app
 * client the first time (their ids are kept in dataDir/pool.json and reused after).
 */
export async function startCognito(options: {
  dataDir: string;
  port: number;
  /** Fixes confirmation codes (tests). */
  code?: string;
  quiet?: boolean;
}): Promise<CognitoPart> {
  const { dataDir, port } = options;
  await mkdir(path.join(dataDir, ".cognito"), { recursive: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const issuerDomain = `http://localhost:${port}`;
  await writeFile(
    path.join(dataDir, ".cognito", "config.json"),
    JSON.stringify({ TokenConfig: { IssuerDomain: issuerDomain } }, null, 2),
  );
  const child = startChild("cognito", process.execPath, [require.resolve("cognito-local/lib/bin/start.js")], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ...(options.code ? { CODE: options.code } : {}) },
    quiet: options.quiet ?? true,
  });
  await Promise.race([
    waitForPort(port),
    child.exited.then((code) => {
      throw new Error(`cognito-local exited with code ${code} before listening`);
    }),
  ]);

  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const idsFile = path.join(dataDir, "pool.json");
  let ids = existsSync(idsFile) ? poolIdsSchema.parse(JSON.parse(await readFile(idsFile, "utf8"))) : null;
  if (ids) {
    const poolId = ids.userPoolId;
    const found = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })).catch(() => null);
    if (!found?.UserPool) ids = null;
  }
  if (!ids) {
    const pool = await client.send(
      new CreateUserPoolCommand({
        PoolName: "compushop-local",
        UsernameAttributes: ["email"],
        AutoVerifiedAttributes: ["email"],
      }),
    );
    const userPoolId = pool.UserPool?.Id;
    if (!userPoolId) throw new Error("cognito-local returned no user pool id");
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: "compushop-web",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    );
    const userPoolClientId = app.UserPoolClient?.ClientId;
    if (!userPoolClientId) throw new Error("cognito-local returned no app client id");
    ids = { userPoolId, userPoolClientId };
    await writeFile(idsFile, JSON.stringify(ids, null, 2));
  }
  client.destroy();

  return {
    endpoint,
    ...ids,
    issuer: `${issuerDomain}/${ids.userPoolId}`,
    jwksUri: `${endpoint}/${ids.userPoolId}/.well-known/jwks.json`,
    stop: () => child.stop(),
  };
}

