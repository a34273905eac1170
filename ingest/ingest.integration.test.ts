import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CognitoPart } from "../dev/parts/cognito.ts";
import { startIngestAdapter, type IngestAdapterPart } from "../dev/parts/ingest-adapter.ts";
import type { S3Part } from "../dev/parts/s3.ts";
import { throwawayCognito, throwawayS3 } from "../dev/testing/local-parts.ts";
import { partitionOfKey } from "../lib/lake/keys.ts";
import { createS3Client } from "../lib/lake/s3-client.ts";
import { rawEventRecordSchema, rejectedEventRecordSchema, type RawEventRecord } from "../lib/tracking/schema.ts";
import { batchBody, pageView, pageViewV1, productView } from "../lib/tracking/testing/event-factory.ts";
import { createIngestHandler } from "./handler.ts";
import { ingestRequest } from "./ingest-request.ts";
import { s3LakeStore } from "./lake-writer.ts";

// The ingest Lambda handler behind the local API Gateway adapter, writing to a real s3rver and
// checking ID tokens against a real cognito-local's keys.
const origin = "http://shop.test";
let s3: S3Part;
let cognito: CognitoPart;
let adapter: IngestAdapterPart;
let bucketCount = 0;

beforeAll(async () => {
  [s3, cognito] = await Promise.all([throwawayS3("ingest-test"), throwawayCognito()]);
});

afterAll(async () => {
  await adapter?.stop();
  await Promise.all([s3?.stop(), cognito?.stop()]);
});

const client = () => createS3Client({ endpoint: s3.endpoint });

/** The handler over a bucket of its own behind a fresh adapter, so each test lists only its objects. */
async function freshAdapter(): Promise<string> {
  const bucket = `ingest-test-${++bucketCount}`;
  await client().send(new CreateBucketCommand({ Bucket: bucket }));
  await adapter?.stop();
  const handler = createIngestHandler({
    RAW_BUCKET: bucket,
    S3_ENDPOINT: s3.endpoint,
    COGNITO_ISSUER: cognito.issuer,
    COGNITO_CLIENT_ID: cognito.userPoolClientId,
    COGNITO_JWKS_URL: cognito.jwksUri,
  });
  adapter = await startIngestAdapter({ port: 0, allowedOrigins: [origin], handler });
  return bucket;
}

async function objectsUnder(bucket: string, prefix: string): Promise<Array<{ key: string; lines: unknown[] }>> {
  const listing = await client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  const objects = [];
  for (const { Key } of listing.Contents ?? []) {
    if (!Key) continue;
    const body = await client().send(new GetObjectCommand({ Bucket: bucket, Key }));
    const text = gunzipSync(await body.Body!.transformToByteArray()).toString("utf8");
    objects.push({ key: Key, lines: text.trim().split("\n").map((line) => JSON.parse(line) as unknown) });
  }
  return objects;
}

const rawRecords = async (bucket: string): Promise<RawEventRecord[]> =>
  (await objectsUnder(bucket, "raw/")).flatMap((object) => object.lines.map((line) => rawEventRecordSchema.parse(line)));

const post = (body: string | Buffer<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(adapter.url, { method: "POST", body, headers: { "content-type": "text/plain", "user-agent": "ingest-test/1", origin, ...headers } });

async function cognitoIdToken(email: string): Promise<string> {
  const idp = new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region: "us-east-1", credentials: { accessKeyId: "l", secretAccessKey: "l" } });
  try {
    const password = "Correct-horse-9";
    const clientId = cognito.userPoolClientId;
    await idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: "email", Value: email }] }));
    await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: "123456" }));
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: email, PASSWORD: password } }));
    const token = auth.AuthenticationResult?.IdToken;
    if (!token) throw new Error("cognito-local gave no ID token");
    return token;
  } finally {
    idp.destroy();
  }
}

describe("ingest", () => {
  it("writes valid events to raw/ and rejected ones to rejected/, as gzipped NDJSON in the v2 record shape", async () => {
    const bucket = await freshAdapter();
    const good = [pageView(), productView()];
    const bad = { ...pageView(), event_name: "teleport" };
    const sentAt = Date.now();
    const response = await post(batchBody([good[0], bad, good[1]]));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(await response.json()).toEqual({ accepted: 2, rejected: [{ index: 1, reason: expect.stringContaining("event_name") }] });

    const raw = await objectsUnder(bucket, "raw/");
    expect(raw).toHaveLength(1);
    expect(raw[0]?.key).toMatch(/^raw\/dt=\d{4}-\d{2}-\d{2}\/hr=\d{2}\/[0-9a-f-]{36}\.ndjson\.gz$/);
    const hour = partitionOfKey(raw[0]!.key)!.hour.getTime();
    expect(hour).toBeGreaterThan(sentAt - 3_600_000);
    expect(hour).toBeLessThanOrEqual(Date.now());
    const records = raw[0]!.lines.map((line) => rawEventRecordSchema.parse(line));
    expect(records.map((record) => record.event)).toEqual(good);
    expect(records[0]).toMatchObject({ schema_version: 2, event_version: 2, user_agent: "ingest-test/1", client_ip: "127.0.0.0", user_id: null, trusted: false, flags: [] });

    const rejected = await objectsUnder(bucket, "rejected/");
    expect(rejected).toHaveLength(1);
    expect(rejectedEventRecordSchema.parse(rejected[0]!.lines[0])).toMatchObject({ schema_version: 2, index: 1, payload: bad });
  });

  it("takes a gzip body and a version 1 batch through API Gateway's base64", async () => {
    const bucket = await freshAdapter();
    const v2 = pageView();
    const v1 = pageViewV1();
    expect((await post(gzipSync(batchBody([v2])), { "content-encoding": "gzip" })).status).toBe(200);
    expect(await (await post(batchBody([v1], new Date(), 1))).json()).toEqual({ accepted: 1, rejected: [] });
    const records = await rawRecords(bucket);
    expect(records.map((record) => [record.event_version, record.event]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1, v1],
      [2, v2],
    ]);
  });

  it("refuses a gzip bomb with 413 and bad gzip with 400, storing nothing", async () => {
    const bucket = await freshAdapter();
    const bomb = Buffer.concat(Array<Buffer>(200).fill(gzipSync(Buffer.alloc(1024 * 1024, "{"), { level: 9 })));
    const bombed = await post(bomb, { "content-encoding": "gzip" });
    expect(bombed.status).toBe(413);
    expect(((await bombed.json()) as { error: string }).error).toMatch(/inflates to more than 262144 bytes/);
    const notGzip = await post(batchBody([pageView()]), { "content-encoding": "gzip" });
    expect(notGzip.status).toBe(400);
    expect(await objectsUnder(bucket, "")).toEqual([]);
  });

  it("takes user_id from a cognito-local ID token, by header or Amplify cookie, and ignores a bad one", async () => {
    const bucket = await freshAdapter();
    const token = await cognitoIdToken("ada+ingest@example.com");
    const sub = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")).sub as string;
    const clientId = cognito.userPoolClientId;
    const cookie = `CognitoIdentityServiceProvider.${clientId}.LastAuthUser=ada%2Bingest%40example.com; CognitoIdentityServiceProvider.${clientId}.ada+ingest%40example.com.idToken=${token}`;
    await post(batchBody([pageView()]), { authorization: `Bearer ${token}` });
    await post(batchBody([pageView()]), { cookie });
    await post(batchBody([pageView()]), { authorization: `Bearer ${token.slice(0, -4)}AAAA` });
    expect((await rawRecords(bucket)).map((record) => record.user_id).sort()).toEqual([sub, sub, null].sort());
  });

  it("answers 400 for a body that is not a batch, and stores nothing", async () => {
    const bucket = await freshAdapter();
    const response = await post("[1,2,3]");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^not a valid event batch/);
    expect(await objectsUnder(bucket, "")).toEqual([]);
  });

  it("answers CORS preflights for the shop's origin only, allowing gzip and the ID token", async () => {
    await freshAdapter();
    const preflight = await fetch(adapter.url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, content-encoding, authorization");
    const foreign = await post(batchBody([pageView()]), { origin: "http://evil.test" });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 503 when the lake cannot be written, so the tracker retries", async () => {
    // A bucket that does not exist makes every put fail, as an S3 outage would.
    const result = await ingestRequest(
      { method: "POST", headers: {}, body: Buffer.from(batchBody([pageView()])), sourceIp: null },
      { store: s3LakeStore(client(), "no-such-bucket") },
    );
    expect(result).toEqual({ status: 503, body: { error: "events could not be stored; retry later" } });
  });
});
