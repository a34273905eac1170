/**
 * Synth tests for the SST stacks. One file on purpose: every synth rewrites .sst/types and
 * .sst/artifacts, so two test files synthesizing in parallel workers would race.
 *
 * The deploy-mode synth reads the OpenNext build (run `npm run test:infra`, which builds it
 * first when needed); the dev-mode synth needs no build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { useProject as currentProject } from "sst/project.js";
import { beforeAll, describe, expect, it } from "vitest";
import { adminCidrs } from "./admin-cidrs.ts";
import { INGEST_GEO_DIR, INGEST_GEO_FILES, INGEST_ROUTE } from "./Ingest.ts";
import { shinyRuntimeBundle } from "./shiny-runtime.ts";
import { DEV_SHOP_ORIGIN, shopOrigins } from "./shop-origins.ts";
import { shinyAuth } from "./shiny-auth.ts";
import { describeAdminAuth } from "./testing/admin-auth-suite.ts";
import { describeSecurity } from "./testing/security-suite.ts";
import { describeDataHosts } from "./testing/data-hosts-suite.ts";
import { describeLakeCatalog } from "./testing/lake-catalog-suite.ts";
import { describeMonitoring } from "./testing/monitoring-suite.ts";
import { describeServerEvents } from "./testing/server-events-suite.ts";
import { describeSiteFirewall } from "./testing/site-firewall-suite.ts";
import {
  asArray,
  isRecord,
  lambdaByHandler,
  resources,
  roleIdOf,
  single,
  statementsOf,
  statementsOfRole,
  type CfnResource,
  type PolicyStatementJson,
} from "./testing/cfn.ts";
import { STACK_NAMES, synthesize, type Synthesized } from "./testing/synth.ts";

const SHOP_ORIGIN = "https://shop.example.test";
const ADMIN_CIDRS = "10.8.0.0/16";
/** A stand-in for the Shiny runtime bundle (stacks/shiny-runtime/build-bundle.sh builds the real one). */
const SHINY_RUNTIME_BUNDLE = path.join(mkdtempSync(path.join(tmpdir(), "compushop-infra-")), "shiny-runtime.tar.gz");
writeFileSync(SHINY_RUNTIME_BUNDLE, "not a real bundle");
const INGEST_HANDLER = "ingest/handler.handler";
const ETL_HANDLER = "etl/handler.handler";
/** The live-Lambda stub `sst dev` deploys in place of every function. */
const LIVE_HANDLER = "live-lambda.handler";

/**
 * A readable name for an IAM resource or env value: the lake bucket (imported from the RawLake
 * stack) becomes `<lake>`, so `<lake>/raw/*`; anything else stays JSON.
 */
function describeRef(value: unknown): string {
  if (isRecord(value)) {
    const imported = value["Fn::ImportValue"];
    if (typeof imported === "string") {
      if (/^test-compushop-RawLake:ExportsOutput(FnGetAtt|Ref)RawLakeBucket/.test(imported)) return "<lake>";
      if (/^test-compushop-Ingest:ExportsOutputFnGetAttIngestApi\w+ApiEndpoint/.test(imported)) return "<ingest-api>";
    }
    const join = value["Fn::Join"];
    if (Array.isArray(join) && join[0] === "" && Array.isArray(join[1])) {
      return join[1].map((part: unknown) => (typeof part === "string" ? part : describeRef(part))).join("");
    }
  }
  return JSON.stringify(value);
}

function actionsOf(statements: PolicyStatementJson[]): string[] {
  return [...new Set(statements.flatMap((statement) => statement.Action))].sort();
}

function envOf(fn: CfnResource): Record<string, unknown> {
  const environment = fn.Properties?.Environment;
  const variables = isRecord(environment) ? environment.Variables : undefined;
  return isRecord(variables) ? variables : {};
}

/** Log retention (days) CDK sets on a function's log group, via its Custom::LogRetention. */
function logRetentionDays(template: Template, functionId: string): unknown {
  const [, retention] = single(template, "Custom::LogRetention", {
    LogGroupName: { "Fn::Join": ["", ["/aws/lambda/", { Ref: functionId }]] },
  });
  return retention.Properties?.RetentionInDays;
}

/** The ingest function's role may do nothing in S3 but put objects under raw/ and rejected/. */
function expectIngestLeastPrivilege(template: Template): void {
  const [, fn] = lambdaByHandler(template, INGEST_HANDLER);
  const roleId = roleIdOf(fn);
  const statements = statementsOfRole(template, roleId);
  const actions = actionsOf(statements);
  // X-Ray is SST's default tracing, ssm:GetParameters reads the bound SERVER_EVENTS_SECRET (asserted
  // in server-events-suite.ts); everything else must be the one S3 write.
  expect(actions).toEqual(["s3:PutObject", "ssm:GetParameters", "xray:PutTelemetryRecords", "xray:PutTraceSegments"]);
  for (const forbidden of ["s3:*", "s3:GetObject", "s3:DeleteObject", "s3:ListBucket", "*"]) {
    expect(actions).not.toContain(forbidden);
  }
  const s3 = statements.filter((statement) => statement.Action.some((action) => action.startsWith("s3:")));
  expect(s3).toHaveLength(1);
  expect(s3[0]?.Effect).toBe("Allow");
  expect(s3[0]?.Condition).toBeUndefined();
  expect(s3[0]?.Resource.map(describeRef).sort()).toEqual(["<lake>/raw/*", "<lake>/rejected/*"]);
  // Nothing else is attached to the role: only the basic logging policy.
  const [, role] = single(template, "AWS::IAM::Role", undefined, roleId);
  expect(JSON.stringify(role.Properties?.ManagedPolicyArns)).toMatch(/service-role\/AWSLambdaBasicExecutionRole"/);
  expect(asArray(role.Properties?.ManagedPolicyArns)).toHaveLength(1);
}

describe("shopOrigins (the ingest API's CORS origins)", () => {
  it("refuses to deploy without SHOP_ORIGINS instead of allowing every origin", () => {
    expect(() => shopOrigins("deploy", undefined)).toThrow(/SHOP_ORIGINS is not set/);
    expect(() => shopOrigins("deploy", " , ")).toThrow(/SHOP_ORIGINS is not set/);
  });

  it("takes exact origins, and adds the local shop under sst dev", () => {
    expect(shopOrigins("deploy", "https://a.example.com, https://b.example.com/")).toEqual([
      "https://a.example.com",
      "https://b.example.com",
    ]);
    expect(shopOrigins("dev", undefined)).toEqual([DEV_SHOP_ORIGIN]);
    expect(shopOrigins("dev", "https://a.example.com")).toEqual([DEV_SHOP_ORIGIN, "https://a.example.com"]);
    expect(shopOrigins("remove", undefined)).toEqual([]);
  });

  it("rejects wildcards, paths and plain http outside localhost", () => {
    expect(() => shopOrigins("deploy", "*")).toThrow(/not a URL/);
    expect(() => shopOrigins("deploy", "https://shop.example.com/app")).toThrow(/not an origin/);
    expect(() => shopOrigins("deploy", "http://shop.example.com")).toThrow(/not an origin/);
    expect(shopOrigins("deploy", "http://localhost:3000")).toEqual(["http://localhost:3000"]);
  });
});

describe("adminCidrs (who reaches the internal ALB)", () => {
  it("takes IPv4 CIDRs and nothing by default", () => {
    expect(adminCidrs(undefined)).toEqual([]);
    expect(adminCidrs(" 10.8.0.0/16, 192.168.4.0/24,10.8.0.0/16 ")).toEqual(["10.8.0.0/16", "192.168.4.0/24"]);
  });

  it("refuses the internet and malformed ranges", () => {
    expect(() => adminCidrs("0.0.0.0/0")).toThrow(/wider than \/8/);
    expect(() => adminCidrs("10.0.0.0/7")).toThrow(/wider than \/8/);
    expect(() => adminCidrs("::/0")).toThrow(/not an IPv4 CIDR/);
    expect(() => adminCidrs("10.8.0.300/16")).toThrow(/not an IPv4 CIDR/);
    expect(() => adminCidrs("10.8.0.0")).toThrow(/not an IPv4 CIDR/);
  });
});

describe("shinyRuntimeBundle (R + Shiny Server staged for the warehouse host)", () => {
  it("is optional, and an error when it names a missing file", () => {
    expect(shinyRuntimeBundle("deploy", undefined)).toBeUndefined();
    expect(shinyRuntimeBundle("deploy", " ")).toBeUndefined();
    expect(shinyRuntimeBundle("deploy", SHINY_RUNTIME_BUNDLE)).toBe(SHINY_RUNTIME_BUNDLE);
    expect(() => shinyRuntimeBundle("deploy", "/nonexistent/bundle.tar.gz")).toThrow(/does not exist/);
  });
});

describe("shinyAuth (how admins get through the ALB)", () => {
  const certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-0b0a-4909-8807-060504030201";

  it("is network-only by default, HTTPS when a certificate is given", () => {
    expect(shinyAuth("prod", {})).toEqual({ mode: "network", certificateArn: undefined });
    expect(shinyAuth("prod", { SHINY_CERTIFICATE_ARN: certificate })).toEqual({ mode: "network", certificateArn: certificate });
  });

  it("signs in with Cognito only with a certificate and the name admins browse to", () => {
    expect(shinyAuth("prod", { SHINY_AUTH: "cognito", SHINY_CERTIFICATE_ARN: certificate, SHINY_DOMAIN: "Dash.Example.com" })).toEqual({
      mode: "cognito",
      certificateArn: certificate,
      domainName: "dash.example.com",
      cognitoDomainPrefix: "compushop-prod-dashboards",
    });
    expect(() => shinyAuth("prod", { SHINY_AUTH: "cognito", SHINY_DOMAIN: "dash.example.com" })).toThrow(/needs SHINY_CERTIFICATE_ARN/);
    expect(() => shinyAuth("prod", { SHINY_AUTH: "cognito", SHINY_CERTIFICATE_ARN: certificate })).toThrow(/SHINY_DOMAIN/);
  });

  it("refuses malformed values instead of deploying a listener that cannot work", () => {
    expect(() => shinyAuth("prod", { SHINY_AUTH: "oidc" })).toThrow(/neither/);
    expect(() => shinyAuth("prod", { SHINY_CERTIFICATE_ARN: "my-cert" })).toThrow(/not an ACM certificate ARN/);
    expect(() => shinyAuth("prod", { SHINY_AUTH: "cognito", SHINY_CERTIFICATE_ARN: certificate, SHINY_DOMAIN: "https://dash.example.com" })).toThrow(/not a host name/);
    expect(() =>
      shinyAuth("prod", { SHINY_AUTH: "cognito", SHINY_CERTIFICATE_ARN: certificate, SHINY_DOMAIN: "dash.example.com", SHINY_COGNITO_DOMAIN_PREFIX: "my-cognito-login" }),
    ).toThrow(/without "aws", "amazon" or "cognito"/);
  });
});

describe("deploy mode (what `sst deploy` synthesizes)", () => {
  let synth: Synthesized;
  beforeAll(async () => {
    synth = await synthesize("deploy", { shopOrigins: SHOP_ORIGIN, env: { ADMIN_CIDRS, SHINY_RUNTIME_BUNDLE } });
  });

  describe("RawLake", () => {
    it("blocks all public access, ACLs included, and owns every object", () => {
      const [, bucket] = single(synth.templates.RawLake, "AWS::S3::Bucket");
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
    });

    it("enforces SSL: the bucket policy denies every request without aws:SecureTransport", () => {
      const [bucketId] = single(synth.templates.RawLake, "AWS::S3::Bucket");
      const [, policy] = single(synth.templates.RawLake, "AWS::S3::BucketPolicy", { Bucket: { Ref: bucketId } });
      const statements = statementsOf(policy.Properties?.PolicyDocument);
      const tls = statements.find((statement) => JSON.stringify(statement.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}');
      expect(tls).toMatchObject({ Effect: "Deny", Action: ["s3:*"], Principal: { AWS: "*" } });
      expect(tls?.Resource).toEqual([
        { "Fn::GetAtt": [bucketId, "Arn"] },
        { "Fn::Join": ["", [{ "Fn::GetAtt": [bucketId, "Arn"] }, "/*"]] },
      ]);
      // ...and nothing in the policy allows anyone anything.
      expect(statements.filter((statement) => statement.Effect === "Allow")).toEqual([]);
    });

    it("encrypts with S3-managed keys, keeps versions, and has no CORS", () => {
      synth.templates.RawLake.hasResourceProperties("AWS::S3::Bucket", {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
        VersioningConfiguration: { Status: "Enabled" },
        CorsConfiguration: Match.absent(),
      });
    });

    it("moves raw/ to infrequent access after 30 days and expires rejected/ after 90", () => {
      const [, bucket] = single(synth.templates.RawLake, "AWS::S3::Bucket");
      const rules = asArray(isRecord(bucket.Properties?.LifecycleConfiguration) ? bucket.Properties.LifecycleConfiguration.Rules : undefined);
      expect(rules).toContainEqual(
        expect.objectContaining({
          Prefix: "raw/",
          Status: "Enabled",
          Transitions: [{ StorageClass: "STANDARD_IA", TransitionInDays: 30 }],
        }),
      );
      expect(rules).toContainEqual(expect.objectContaining({ Prefix: "rejected/", Status: "Enabled", ExpirationInDays: 90 }));
      // Nothing expires raw/ (the lake is the warehouse's source of truth).
      const rawExpiry = rules.filter((rule) => isRecord(rule) && rule.Prefix !== "rejected/" && rule.ExpirationInDays !== undefined);
      expect(rawExpiry).toEqual([]);
    });
  });

  describe("Ingest", () => {
    it("routes POST /v1/events (and nothing else) to the ingest function", () => {
      const template = synth.templates.Ingest;
      const [functionId] = lambdaByHandler(template, INGEST_HANDLER);
      const routes = resources(template, "AWS::ApiGatewayV2::Route");
      expect(routes.map(([, route]) => route.Properties?.RouteKey)).toEqual(["POST /v1/events"]);
      const target = routes[0]?.[1].Properties?.Target;
      expect(target).toEqual({ "Fn::Join": ["", ["integrations/", { Ref: expect.any(String) }]] });
      const join = isRecord(target) ? target["Fn::Join"] : undefined;
      const ref: unknown = Array.isArray(join) && Array.isArray(join[1]) ? join[1][1] : undefined;
      const integrationId = isRecord(ref) && typeof ref.Ref === "string" ? ref.Ref : "(none)";
      const [, integration] = single(template, "AWS::ApiGatewayV2::Integration", undefined, integrationId);
      expect(integration.Properties).toMatchObject({
        IntegrationType: "AWS_PROXY",
        IntegrationUri: { "Fn::GetAtt": [functionId, "Arn"] },
        PayloadFormatVersion: "2.0",
      });
    });

    it("runs the ingest function on Node.js 22, arm64, 512 MB (room for both geography databases), 10 s, writing to the lake", () => {
      const [functionId, fn] = lambdaByHandler(synth.templates.Ingest, INGEST_HANDLER);
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        MemorySize: 512,
        Timeout: 10,
      });
      expect(describeRef(envOf(fn).RAW_BUCKET)).toBe("<lake>");
      expect(logRetentionDays(synth.templates.Ingest, functionId)).toBe(30);
    });

    it("ships DB-IP's IPv4 and IPv6 databases and their licence beside the bundled handler, where the ingest looks for them", () => {
      const fn = synth.exports.Ingest.api.getFunction(INGEST_ROUTE);
      const out = path.join(currentProject().paths.artifacts, fn!.node.addr);
      expect(existsSync(path.join(out, "ingest", "handler.mjs"))).toBe(true);
      const shipped = path.join(out, INGEST_GEO_DIR);
      expect(readdirSync(shipped).sort()).toEqual([...INGEST_GEO_FILES].sort());
      const source = path.join(currentProject().paths.root, "node_modules", "@ip-location-db", "dbip-city-mmdb");
      for (const file of INGEST_GEO_FILES) expect(statSync(path.join(shipped, file)).size, file).toBe(statSync(path.join(source, file)).size);
      // ingest/ingest-env.ts looks in ingest/dbip-city/ beside ingest/handler.mjs (its test holds it to that).
      expect(INGEST_GEO_DIR).toBe("ingest/dbip-city");
      expect(envOf(lambdaByHandler(synth.templates.Ingest, INGEST_HANDLER)[1]).GEO_DATABASE_DIR).toBeUndefined();
    });

    it("lets the ingest function only put objects under raw/ and rejected/", () => {
      expectIngestLeastPrivilege(synth.templates.Ingest);
    });

    it("allows CORS from the shop's origin only, for POST", () => {
      const [, api] = single(synth.templates.Ingest, "AWS::ApiGatewayV2::Api");
      expect(api.Properties?.CorsConfiguration).toMatchObject({
        AllowOrigins: [SHOP_ORIGIN],
        AllowMethods: ["POST"],
        AllowCredentials: false,
      });
    });

    it("throttles every route and keeps access logs a month", () => {
      synth.templates.Ingest.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
        StageName: "$default",
        DefaultRouteSettings: {
          ThrottlingBurstLimit: 200,
          ThrottlingRateLimit: 100,
        },
      });
      synth.templates.Ingest.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 30 });
    });

    it("outputs the ingest URL", () => {
      const [apiId] = single(synth.templates.Ingest, "AWS::ApiGatewayV2::Api");
      expect(synth.templates.Ingest.findOutputs("IngestUrl").IngestUrl?.Value).toEqual({
        "Fn::Join": ["", [{ "Fn::GetAtt": [apiId, "ApiEndpoint"] }, "/v1/events"]],
      });
    });
  });

  describe("Etl", () => {
    it("runs the ETL function every 5 minutes", () => {
      const [functionId] = lambdaByHandler(synth.templates.Etl, ETL_HANDLER);
      const rules = resources(synth.templates.Etl, "AWS::Events::Rule");
      expect(rules).toHaveLength(1);
      expect(rules[0]?.[1].Properties).toMatchObject({
        ScheduleExpression: "rate(5 minutes)",
        State: "ENABLED",
        Targets: [{ Arn: { "Fn::GetAtt": [functionId, "Arn"] } }],
      });
    });

    it("never runs two runs at once: reserved concurrency 1, no retries, stale ticks dropped; time for a backlog", () => {
      const [functionId, fn] = lambdaByHandler(synth.templates.Etl, ETL_HANDLER);
      expect(fn.Properties).toMatchObject({
        ReservedConcurrentExecutions: 1,
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Timeout: 840,
        MemorySize: 1024,
      });
      synth.templates.Etl.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: { Ref: functionId },
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: 300,
      });
      expect(logRetentionDays(synth.templates.Etl, functionId)).toBe(30);
    });

    it("reads RAW_BUCKET and the bound WAREHOUSE_URL and SHOP_READONLY_URL secrets (fetched from SSM)", () => {
      const [, fn] = lambdaByHandler(synth.templates.Etl, ETL_HANDLER);
      const env = envOf(fn);
      expect(describeRef(env.RAW_BUCKET)).toBe("<lake>");
      expect(env.SST_Secret_value_WAREHOUSE_URL).toBe("__FETCH_FROM_SSM__");
      const ssm = statementsOfRole(synth.templates.Etl, roleIdOf(fn)).filter((statement) => statement.Action.includes("ssm:GetParameters"));
      expect(env.SST_Secret_value_SHOP_READONLY_URL).toBe("__FETCH_FROM_SSM__");
      expect(ssm.flatMap((statement) => statement.Resource.map(describeRef)).sort()).toEqual(
        ["WAREHOUSE_URL", "SHOP_READONLY_URL"]
          .flatMap((name) => [
            `arn:{"Ref":"AWS::Partition"}:ssm:us-east-1:123456789012:parameter/sst/compushop/test/Secret/${name}/value`,
            `arn:{"Ref":"AWS::Partition"}:ssm:us-east-1:123456789012:parameter/sst/compushop/.fallback/Secret/${name}/value`,
          ])
          .sort(),
      );
      // Its database URLs come from SST secrets (SSM), never from Secrets Manager directly.
      expect(actionsOf(statementsOfRole(synth.templates.Etl, roleIdOf(fn))).filter((action) => action.startsWith("secretsmanager:"))).toEqual([]);
    });

    it("lets the ETL function only list raw/ and read raw/*: no writes, no deletes", () => {
      const [, fn] = lambdaByHandler(synth.templates.Etl, ETL_HANDLER);
      const statements = statementsOfRole(synth.templates.Etl, roleIdOf(fn));
      const s3 = statements.filter((statement) => statement.Action.some((action) => action.startsWith("s3:")));
      expect(actionsOf(s3)).toEqual(["s3:GetObject", "s3:ListBucket"]);
      const list = s3.find((statement) => statement.Action.includes("s3:ListBucket"));
      expect(list?.Action).toEqual(["s3:ListBucket"]);
      expect(list?.Resource.map(describeRef)).toEqual(["<lake>"]);
      expect(list?.Condition).toEqual({ StringLike: { "s3:prefix": ["raw/*"] } });
      const get = s3.find((statement) => statement.Action.includes("s3:GetObject"));
      expect(get?.Action).toEqual(["s3:GetObject"]);
      expect(get?.Resource.map(describeRef)).toEqual(["<lake>/raw/*"]);
      const actions = actionsOf(statements);
      for (const forbidden of ["s3:*", "s3:PutObject", "s3:DeleteObject", "*"]) expect(actions).not.toContain(forbidden);
    });

    it("ships the warehouse migrations and the model's SQL next to its bundled handler", () => {
      const out = path.join(currentProject().paths.artifacts, synth.exports.Etl.cron.jobFunction.node.addr);
      expect(existsSync(path.join(out, "etl", "handler.mjs"))).toBe(true);
      const sources = readdirSync(path.join(currentProject().paths.root, "etl", "migrations")).sort();
      expect(sources.length).toBeGreaterThan(0);
      expect(readdirSync(path.join(out, "etl", "migrations")).sort()).toEqual(sources);
      const modelSql = readdirSync(path.join(currentProject().paths.root, "etl", "model")).filter((file) => file.endsWith(".sql"));
      expect(modelSql.length).toBeGreaterThan(0);
      for (const file of modelSql) expect(existsSync(path.join(out, "etl", "model", file))).toBe(true);
      // pg's optional pg-native stays out: SST would otherwise npm-install and compile it.
      expect(existsSync(path.join(out, "node_modules"))).toBe(false);
    });
  });

  describe("Web", () => {
    it("runs the Next.js server on Node.js 22 with INGEST_URL and the bound DATABASE_URL", () => {
      const servers = resources(synth.templates.Web, "AWS::Lambda::Function", { Description: "Next.js Server" });
      expect(servers).toHaveLength(1);
      const [functionId, server] = servers[0] as [string, CfnResource];
      expect(server.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
      const env = envOf(server);
      expect(describeRef(env.INGEST_URL)).toBe("<ingest-api>/v1/events");
      expect(env.SST_Secret_value_DATABASE_URL).toBe("__FETCH_FROM_SSM__");
      expect(logRetentionDays(synth.templates.Web, functionId)).toBe(30);
      const [imageId] = single(synth.templates.Web, "AWS::Lambda::Function", { Description: "Next.js Image Optimization Function" });
      expect(logRetentionDays(synth.templates.Web, imageId)).toBe(30);
    });

    it("serves through CloudFront and outputs its URL", () => {
      const [distributionId] = single(synth.templates.Web, "AWS::CloudFront::Distribution");
      expect(synth.templates.Web.findOutputs("SiteUrl").SiteUrl?.Value).toEqual({
        "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId, "DomainName"] }]],
      });
    });

    it("compresses pages at CloudFront, where the shop's server leaves it (next.config.mjs: compress false)", () => {
      const [, distribution] = single(synth.templates.Web, "AWS::CloudFront::Distribution");
      const config = distribution.Properties?.DistributionConfig;
      expect(isRecord(config) ? config.DefaultCacheBehavior : undefined).toMatchObject({ Compress: true });
      const pages = asArray(isRecord(config) ? config.CacheBehaviors : undefined).filter(
        (behavior) => isRecord(behavior) && behavior.PathPattern !== "/cs/e",
      );
      expect(pages.length).toBeGreaterThan(0);
      for (const behavior of pages) expect(behavior).toMatchObject({ Compress: true });
    });
  });

  describeSecurity(() => synth);
  describeServerEvents(() => synth);
  describeSiteFirewall(() => synth);
  describeMonitoring(() => synth);
  describeLakeCatalog(() => synth);
  describeDataHosts(() => synth);

  describe("cdk-nag (AwsSolutions over every stack)", () => {
    it("leaves no unsuppressed error and no rule it could not evaluate", () => {
      const errors = synth.nag.findings.filter((finding) => finding.level === "error");
      expect(errors.map(({ path: where, ruleId, findingId }) => `${ruleId} ${findingId} ${where}`)).toEqual([]);
      expect(synth.nag.ruleErrors.map(({ path: where, ruleId, info }) => `${ruleId} ${where}: ${info}`)).toEqual([]);
      // The pack did run: every stack has suppressed findings (SST's helpers at least).
      const stacks = new Set(synth.nag.suppressed.map((finding) => finding.stack));
      expect([...stacks].sort()).toEqual(STACK_NAMES.map((name) => `test-compushop-${name}`).sort());
    });

    it("gives every suppression a specific reason", () => {
      expect(synth.nag.suppressed.length).toBeGreaterThan(0);
      for (const { ruleId, path: where, reason } of synth.nag.suppressed) {
        expect({ ruleId, where, specific: reason.length >= 60 }).toEqual({ ruleId, where, specific: true });
      }
    });

    it("suppresses nothing on the resources that must comply (VPC, hosts' security groups, the ALB)", () => {
      const mustComply = /\/(Vpc|ShopDbSg|WarehouseSg|ShinyAlbSg|ShinyAlb|EndpointSg|(ShopDbHost|WarehouseHost)\/Instance)\//;
      expect(synth.nag.suppressed.filter((finding) => mustComply.test(`${finding.path}/`)).map((finding) => `${finding.ruleId} ${finding.path}`)).toEqual([]);
    });
  });

  describe("Auth", () => {
    it("signs users in by e-mail with a strong password policy and an admins group", () => {
      const template = synth.templates.Auth;
      const [, pool] = single(template, "AWS::Cognito::UserPool");
      expect(pool.Properties).toMatchObject({
        UsernameAttributes: ["email"],
        AutoVerifiedAttributes: ["email"],
        MfaConfiguration: "OPTIONAL",
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
      });
      template.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: "admins" });
    });

    it("has a public SRP client with no secret and no password flow", () => {
      const [, client] = single(synth.templates.Auth, "AWS::Cognito::UserPoolClient");
      expect(client.Properties?.GenerateSecret).toBe(false);
      expect([...asArray(client.Properties?.ExplicitAuthFlows)].sort()).toEqual(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]);
      expect(client.Properties?.PreventUserExistenceErrors).toBe("ENABLED");
    });

    it("hands the pool and client ids to the shop's server as COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID", () => {
      const [, server] = single(synth.templates.Web, "AWS::Lambda::Function", { Description: "Next.js Server" });
      const env = envOf(server);
      expect(JSON.stringify(env.COGNITO_USER_POOL_ID)).toMatch(/test-compushop-Auth:ExportsOutputRefUserPool/);
      expect(JSON.stringify(env.COGNITO_CLIENT_ID)).toMatch(/test-compushop-Auth:ExportsOutputRefWebClient/);
    });
  });

  describe("the database hosts' boot scripts", () => {
    const userDataOf = (name: "ShopDatabase" | "Warehouse") => JSON.stringify(single(synth.templates[name], "AWS::EC2::Instance")[1].Properties?.UserData);

    it("EC2 #1: PostgreSQL 16 from AL2023, PgBouncer with transaction pooling, passwords from Secrets Manager", () => {
      const script = userDataOf("ShopDatabase");
      for (const expected of ["dnf install -y postgresql16 postgresql16-server", "dnf install -y pgbouncer", "pool_mode = transaction", "listen_port = 6432", "listen_addresses = 'localhost'", "aws secretsmanager get-secret-value", "warehouse_reader", "publish_sst_secret"]) {
        expect(script).toContain(expected);
      }
      expect(script).toMatch(/export SHOP_APP_SECRET_ARN='",\{"Ref":"ShopAppUser[0-9A-F]{8}"\}/);
      expect(script).not.toMatch(/PASSWORD '[^'$]/);
    });

    it("EC2 #2: the warehouse for the ETL, Shiny Server from the staged runtime bundle and app assets", () => {
      const script = userDataOf("Warehouse");
      for (const expected of ["dnf install -y postgresql16 postgresql16-server", "ensure_database warehouse", "pg_read_all_data", "shiny-server.rpm", "listen 3838", "export SHINY_APP_S3_URL='s3://", "export SHINY_RUNTIME_S3_URL='s3://"]) {
        expect(script).toContain(expected);
      }
      // The host may read exactly the two staged objects, not the whole assets bucket.
      const statements = statementsOfRole(synth.templates.Warehouse, single(synth.templates.Warehouse, "AWS::IAM::Role", { Description: Match.stringLikeRegexp("WarehouseHost") })[0]);
      const reads = statements.filter((statement) => statement.Action.includes("s3:GetObject"));
      expect(reads.flatMap((statement) => statement.Action)).toEqual(["s3:GetObject"]);
      expect(reads.flatMap((statement) => statement.Resource)).toHaveLength(2);
      for (const resource of reads.flatMap((statement) => statement.Resource)) expect(JSON.stringify(resource)).toMatch(/\/[0-9a-f]{64}\.(zip|gz)"/);
    });

    it("keeps the scripts' files as the source: what the template runs is stacks/user-data/", () => {
      const common = readFileSync(path.join(currentProject().paths.root, "stacks", "user-data", "common.sh"), "utf8");
      const firstLine = common.split("\n")[0] ?? "";
      expect(userDataOf("ShopDatabase")).toContain(JSON.stringify(firstLine).slice(1, -1));
    });
  });

  describe("Web: the first-party events path", () => {
    it("sends POST /cs/e from CloudFront straight to the ingest API, rewritten to /v1/events, uncached", () => {
      const template = synth.templates.Web;
      const [, distribution] = single(template, "AWS::CloudFront::Distribution");
      const config = distribution.Properties?.DistributionConfig;
      const behaviors = asArray(isRecord(config) ? config.CacheBehaviors : undefined);
      const events = behaviors.find((behavior) => isRecord(behavior) && behavior.PathPattern === "/cs/e");
      expect(events).toMatchObject({
        AllowedMethods: expect.arrayContaining(["POST"]),
        CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        ViewerProtocolPolicy: "https-only",
      });
      const origins = asArray(isRecord(config) ? config.Origins : undefined);
      const origin = origins.find((candidate) => isRecord(candidate) && isRecord(events) && candidate.Id === events.TargetOriginId);
      expect(JSON.stringify(origin)).toMatch(/test-compushop-Ingest:ExportsOutputFnGetAttIngestApi\w+ApiEndpoint/);
      const [, fn] = single(template, "AWS::CloudFront::Function", { FunctionConfig: Match.objectLike({ Comment: "/cs/e -> /v1/events" }) });
      expect(String(fn.Properties?.FunctionCode)).toContain('request.uri = "/v1/events"');
      expect(events).toMatchObject({ FunctionAssociations: [{ EventType: "viewer-request" }] });
    });

    it("proves the request came through CloudFront with a generated secret header, and forwards the viewer's address and place, not Host", () => {
      const template = synth.templates.Web;
      const [, distribution] = single(template, "AWS::CloudFront::Distribution");
      const config = distribution.Properties?.DistributionConfig;
      const events = asArray(isRecord(config) ? config.CacheBehaviors : undefined).find((behavior) => isRecord(behavior) && behavior.PathPattern === "/cs/e");
      const origin = asArray(isRecord(config) ? config.Origins : undefined).find((candidate) => isRecord(candidate) && isRecord(events) && candidate.Id === events.TargetOriginId);
      const header = asArray(isRecord(origin) ? origin.OriginCustomHeaders : undefined)[0];
      expect(header).toMatchObject({ HeaderName: "x-origin-verify" });
      // A reference to the Ingest stack's generated secret, never a value in the template.
      expect(JSON.stringify(header)).toMatch(/resolve:secretsmanager/);
      const [, policy] = single(template, "AWS::CloudFront::OriginRequestPolicy");
      const policyConfig = policy.Properties?.OriginRequestPolicyConfig;
      expect(policyConfig).toMatchObject({ HeadersConfig: { HeaderBehavior: "whitelist" }, CookiesConfig: { CookieBehavior: "all" } });
      const headers = isRecord(policyConfig) && isRecord(policyConfig.HeadersConfig) ? asArray(policyConfig.HeadersConfig.Headers) : [];
      expect(headers).toEqual(expect.arrayContaining(["CloudFront-Viewer-Address", "CloudFront-Viewer-Country", "CloudFront-Viewer-City", "User-Agent", "Content-Encoding"]));
      expect(headers.map((name) => String(name).toLowerCase())).not.toContain("host");
      expect(isRecord(events) ? events.OriginRequestPolicyId : undefined).toMatchObject({ Ref: expect.stringMatching(/^FirstPartyEventsOriginRequest/) });

      const [, fn] = lambdaByHandler(synth.templates.Ingest, "ingest/handler.handler");
      const env = fn.Properties?.Environment;
      expect(JSON.stringify(isRecord(env) ? env.Variables : undefined)).toMatch(/"CLOUDFRONT_ORIGIN_SECRET":.*resolve:secretsmanager/);
      expect(resources(synth.templates.Ingest, "AWS::SecretsManager::Secret")).toHaveLength(1);
    });
  });

  describe("nothing is publicly accessible", () => {
    it("every bucket blocks public access", () => {
      for (const name of STACK_NAMES) {
        for (const [id, bucket] of resources(synth.templates[name], "AWS::S3::Bucket")) {
          expect({ id, block: bucket.Properties?.PublicAccessBlockConfiguration }).toEqual({
            id,
            block: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          });
        }
      }
    });

    it("no resource policy allows everyone", () => {
      const everyone = (principal: unknown) =>
        principal === "*" || (isRecord(principal) && asArray(principal.AWS).includes("*"));
      for (const name of STACK_NAMES) {
        for (const type of ["AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"]) {
          for (const [id, policy] of resources(synth.templates[name], type)) {
            const open = statementsOf(policy.Properties?.PolicyDocument).filter(
              (statement) => statement.Effect === "Allow" && everyone(statement.Principal),
            );
            expect({ id, open }).toEqual({ id, open: [] });
          }
        }
      }
    });

    it("no function can be invoked without AWS credentials except through API Gateway and EventBridge", () => {
      for (const name of STACK_NAMES) {
        for (const [id, permission] of resources(synth.templates[name], "AWS::Lambda::Permission")) {
          expect({ id, principal: permission.Properties?.Principal }).toEqual({
            id,
            principal: expect.stringMatching(/^(apigateway|events)\.amazonaws\.com$/),
          });
        }
        // Function URLs (the site's server and image functions) only take CloudFront-signed requests.
        for (const [id, url] of resources(synth.templates[name], "AWS::Lambda::Url")) {
          expect({ id, auth: url.Properties?.AuthType }).toEqual({ id, auth: "AWS_IAM" });
        }
      }
      expect(resources(synth.templates.Web, "AWS::Lambda::Url")).toHaveLength(2);
    });
  });
});

describeAdminAuth();

describe("dev mode (what `sst dev` synthesizes; no site build needed)", () => {
  let synth: Synthesized;
  beforeAll(async () => {
    synth = await synthesize("dev");
  });

  it("synthesizes without SHOP_ORIGINS and lets the local shop post events", () => {
    synth.templates.Ingest.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [DEV_SHOP_ORIGIN] }),
    });
  });

  it("replaces the functions with live-Lambda stubs but keeps their settings", () => {
    const stubs = (name: "Ingest" | "Etl") =>
      resources(synth.templates[name], "AWS::Lambda::Function", { Handler: LIVE_HANDLER });
    expect(stubs("Ingest")).toHaveLength(1);
    expect(stubs("Etl")).toHaveLength(1);
    expect(stubs("Etl")[0]?.[1].Properties).toMatchObject({ ReservedConcurrentExecutions: 1 });
    synth.templates.Etl.hasResourceProperties("AWS::Events::Rule", { ScheduleExpression: "rate(5 minutes)" });
  });

  it("keeps least privilege for the live ingest function", () => {
    const template = synth.templates.Ingest;
    const [, fn] = single(template, "AWS::Lambda::Function", { Handler: LIVE_HANDLER });
    const actions = actionsOf(statementsOfRole(template, roleIdOf(fn)));
    expect(actions.filter((action) => action.startsWith("s3:"))).toEqual(["s3:PutObject"]);
  });

  it("does not deploy the site: no CloudFront, only SST's placeholder server", () => {
    expect(resources(synth.templates.Web, "AWS::CloudFront::Distribution")).toEqual([]);
    expect(resources(synth.templates.Web, "AWS::Lambda::Function", { Description: "Server handler placeholder" })).toHaveLength(1);
  });
});
