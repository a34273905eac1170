import { Fn } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Config, NextjsSite, use, type StackContext } from "sst/constructs";
import { Auth } from "./Auth.ts";
import { INGEST_PATH, Ingest } from "./Ingest.ts";
import { ORIGIN_SECRET_HEADER } from "../ingest/client-origin.ts";
import { suppress } from "./nag-suppressions.ts";
import { ISOLATED, Network } from "./Network.ts";
import { invokeOnly } from "./invoke-only.ts";
import { siteFirewall, siteWebAclSource } from "./site-firewall.ts";

/** OpenNext 4 (SST v2's default, 3.5.5, is too old for Next 16); must match package.json. */
export const OPEN_NEXT_VERSION = "4.1.12";

/** The tracker's first-party path (lib/tracking): CloudFront sends it straight to the ingest API. */
export const FIRST_PARTY_EVENTS_PATH = "/cs/e";

/**
 * What the first-party path forwards to the ingest: the request's own headers the ingest reads
 * (not Host: API Gateway answers only to its own), and CloudFront's viewer address and place,
 * which the ingest uses instead of a lookup (ingest/client-origin.ts).
 */
export const FIRST_PARTY_FORWARDED_HEADERS = [
  "Content-Type", "Content-Encoding", "User-Agent", "Referer", "Origin",
  "CloudFront-Viewer-Address", "CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region-Name", "CloudFront-Viewer-City",
] as const;

/**
 * The shop: Next.js on Lambda behind CloudFront, built with OpenNext. Its server function runs in
 * the VPC's isolated subnets to reach the shop database's PgBouncer (Amplify Hosting's SSR
 * compute cannot join a VPC, hence SST).
 */
export function Web({ stack, app }: StackContext) {
  const { api, ingestUrl, ingestFunction, serverEventsSecret, originSecret } = use(Ingest);
  const { vpc, shopServerSg } = use(Network);
  const { userPool, client } = use(Auth);
  // Published by the shop database host at boot (stacks/user-data/shop-db.sh).
  const databaseUrl = new Config.Secret(stack, "DATABASE_URL");
  // A web ACL only exists on a real distribution (not under `sst dev`).
  const aclSource = app.mode === "deploy" ? siteWebAclSource(app.region) : undefined;
  const webAcl = aclSource?.create ? siteFirewall(stack, FIRST_PARTY_EVENTS_PATH) : undefined;
  const webAclId = aclSource ? (aclSource.create ? webAcl?.attrArn : aclSource.arn) : undefined;

  const site = new NextjsSite(stack, "Site", {
    path: ".",
    // SST writes an `sst-env.d.ts` into the site; keep it out of the sources (.sst is ignored).
    typesPath: ".sst",
    openNextVersion: OPEN_NEXT_VERSION,
    runtime: "nodejs22.x",
    environment: {
      INGEST_URL: ingestUrl,
      // lib/auth/auth-config.ts derives the issuer and JWKS from the pool id.
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      COGNITO_CLIENT_ID: client.userPoolClientId,
      // The server's outbox nudge (lib/outbox/shop-relay.ts) cannot reach INGEST_URL from the
      // VPC without NAT: it invokes this function through the Lambda endpoint (stacks/OutboxRelay.ts).
      INGEST_FUNCTION_NAME: ingestFunction.functionName,
    },
    bind: [databaseUrl, serverEventsSecret],
    permissions: [invokeOnly(ingestFunction)],
    // The server and image functions' URLs accept only requests CloudFront signed, so nobody
    // can bypass the distribution (they would otherwise be public, auth type NONE).
    regional: { enableServerUrlIamAuth: true },
    cdk: {
      ...(webAclId ? { distribution: { webAclId } } : {}),
      server: {
        logRetention: RetentionDays.ONE_MONTH,
        vpc,
        vpcSubnets: ISOLATED,
        securityGroups: [shopServerSg],
      },
      transform(plan) {
        for (const origin of Object.values(plan.origins)) {
          if (origin.type === "image-optimization-function") {
            origin.function = { ...origin.function, logRetention: RetentionDays.ONE_MONTH };
          }
        }
      },
    },
  });

  // The tracker posts to /cs/e on the shop's own origin. The server function sits in a VPC with
  // no route to the internet, so CloudFront forwards that path to the ingest API itself,
  // rewritten to its route (cookies included: the ingest reads the shopper's ID token).
  const distribution = site.cdk?.distribution;
  if (distribution instanceof Distribution) {
    const rewrite = new CloudFrontFunction(stack, "FirstPartyEventsRewrite", {
      runtime: FunctionRuntime.JS_2_0,
      comment: `${FIRST_PARTY_EVENTS_PATH} -> ${INGEST_PATH}`,
      code: FunctionCode.fromInline(
        `function handler(event) { var request = event.request; request.uri = ${JSON.stringify(INGEST_PATH)}; return request; }`,
      ),
    });
    const forwarded = new OriginRequestPolicy(stack, "FirstPartyEventsOriginRequest", {
      comment: `${FIRST_PARTY_EVENTS_PATH}: the ingest's headers, CloudFront's viewer address and place, cookies`,
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FIRST_PARTY_FORWARDED_HEADERS),
      cookieBehavior: OriginRequestCookieBehavior.all(),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
    });
    distribution.addBehavior(
      FIRST_PARTY_EVENTS_PATH,
      new HttpOrigin(Fn.select(2, Fn.split("/", api.url)), {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret.secretValue.unsafeUnwrap() },
      }),
      {
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: forwarded,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        functionAssociations: [{ function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    );
  }

  suppressSiteInternals(stack, site);

  stack.addOutputs({ SiteUrl: site.url });
  return { site, databaseUrl };
}

/** What cdk-nag finds inside SST's NextjsSite (its own bucket, queue, table, helpers), and why it stays. */
function suppressSiteInternals(stack: StackContext["stack"], site: NextjsSite): void {
  const sst = "SST's NextjsSite creates this and does not expose the setting";
  suppress(site, [
    {
      id: "AwsSolutions-IAM4",
      reason: "AWSLambdaVPCAccessExecutionRole lets Lambda manage the server function's network interfaces in the VPC (ec2:*NetworkInterface*, no resource ARNs).",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"],
    },
    {
      id: "AwsSolutions-IAM5",
      reason: `${sst}: the server and image functions read and write the site's own cache/asset bucket objects (keys known only at run time), the uploaders copy from the CDK assets bucket, and OpenNext queries the revalidation table's indexes.`,
      appliesTo: [
        "Action::s3:GetObject*",
        "Action::s3:GetBucket*",
        "Action::s3:List*",
        "Action::s3:DeleteObject*",
        "Action::s3:Abort*",
        { regex: "/^Resource::<SiteS3Bucket[0-9A-F]{8}\\.Arn>\\/\\*$/g" },
        { regex: "/^Resource::<SiteRevalidationTable[0-9A-F]{8}\\.Arn>\\/index\\/\\*$/g" },
        { regex: "/^Resource::<SiteRevalidationInsertFunction[0-9A-F]{8}\\.Arn>:\\*$/g" },
        { regex: "/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-\\d+-[a-z0-9-]+\\/\\*$/g" },
        "Resource::arn:<AWS::Partition>:s3:::placeholder/*",
      ],
    },
    { id: "AwsSolutions-S1", reason: `${sst}; the bucket holds the build's public static files and the cache, written only by the deploy and the server role.` },
    { id: "AwsSolutions-CFR3", reason: `${sst} (no access-log bucket); the shop's own clickstream and the functions' logs cover traffic analysis. To add with a logging bucket.` },
    { id: "AwsSolutions-CFR4", reason: "The default *.cloudfront.net certificate allows TLS 1.0 viewers; a custom domain (customDomain) brings an ACM certificate with TLSv1.2_2021." },
    { id: "AwsSolutions-CFR7", reason: `${sst}: SST v2 uses an origin access identity for the site bucket, not origin access control.` },
    { id: "AwsSolutions-SQS3", reason: `${sst}: OpenNext's revalidation queue; a lost message only delays one page's regeneration until its next request.` },
    { id: "AwsSolutions-SQS4", reason: `${sst}: the queue is reached only by the server function's role over the SDK (HTTPS).` },
  ]);
  // SST's stack-level providers for Lambda@Edge (CloudFormation invokes them during deploys only).
  for (const id of ["EdgeLambdaBucketProvider", "EdgeLambdaProvider", "EdgeLambdaVersionProvider"]) {
    const provider = stack.node.tryFindChild(id);
    if (!provider) continue;
    suppress(provider, [
      {
        id: "AwsSolutions-IAM5",
        reason: "SST's Lambda@Edge deploy helpers (invoked by CloudFormation only) manage functions and buckets they create in us-east-1, named at deploy time.",
        appliesTo: ["Resource::*", "Action::s3:*", "Action::lambda:*"],
      },
    ]);
  }
}
