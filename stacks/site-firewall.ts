import { RemovalPolicy, type Stack } from "aws-cdk-lib";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { CfnLoggingConfiguration, CfnWebACL } from "aws-cdk-lib/aws-wafv2";

/** Requests per client IP in any 5 minutes, site-wide (pages, assets, images, the tracker). */
export const SITE_RATE_LIMIT = 3000;
/**
 * Requests per client IP in any 5 minutes to the tracker's path (batched events: a busy shopper
 * sends a few a minute). Shoppers behind one office NAT share an IP, hence the headroom.
 */
export const TRACKER_RATE_LIMIT = 1000;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

function managed(name: string, priority: number, overrides: CfnWebACL.RuleActionOverrideProperty[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name, ...(overrides.length > 0 ? { ruleActionOverrides: overrides } : {}) } },
    visibilityConfig: visibility(name),
  };
}

function rateLimit(name: string, priority: number, limit: number, pathPrefix?: string): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    statement: {
      rateBasedStatement: {
        limit,
        evaluationWindowSec: 300,
        aggregateKeyType: "IP",
        ...(pathPrefix
          ? {
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: "STARTS_WITH",
                  searchString: pathPrefix,
                  textTransformations: [{ priority: 0, type: "NONE" }],
                },
              },
            }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

/**
 * The shop's CloudFront web ACL (WAFv2, scope CLOUDFRONT, which AWS accepts only in us-east-1):
 * per-IP rate limits site-wide and, tighter, on the tracker's first-party path (the ingest's HTTP
 * API cannot take a WAF itself), then AWS's managed common, known-bad-inputs and IP reputation
 * rules. The common set's 8 KB body limit only counts: the ingest caps and validates its own
 * bodies, and a blocked tracker batch would lose every event in it. Logs go to CloudWatch with the
 * cookie and authorization headers redacted (the ingest reads the shopper's ID token from a cookie).
 */
export function siteFirewall(stack: Stack, trackerPath: string): CfnWebACL {
  const acl = new CfnWebACL(stack, "SiteWebAcl", {
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    description: "compushop: rate limits (site, tracker path) and AWS managed rules for the shop's CloudFront",
    visibilityConfig: visibility("compushop-site"),
    rules: [
      rateLimit("tracker-rate-per-ip", 0, TRACKER_RATE_LIMIT, trackerPath),
      rateLimit("site-rate-per-ip", 1, SITE_RATE_LIMIT),
      managed("AWSManagedRulesAmazonIpReputationList", 2),
      managed("AWSManagedRulesKnownBadInputsRuleSet", 3),
      managed("AWSManagedRulesCommonRuleSet", 4, [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]),
    ],
  });
  // WAF requires the name to start with aws-waf-logs-.
  const logs = new LogGroup(stack, "SiteWafLogs", {
    logGroupName: `aws-waf-logs-${stack.stackName}`,
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new CfnLoggingConfiguration(stack, "SiteWafLogging", {
    resourceArn: acl.attrArn,
    logDestinationConfigs: [logs.logGroupArn],
    redactedFields: [{ singleHeader: { Name: "cookie" } }, { singleHeader: { Name: "authorization" } }],
  });
  return acl;
}

/**
 * Where the site's web ACL comes from. SST v2 deploys every stack in the app's region and forbids
 * a per-stack region, so the Web stack can create it only when the app runs in us-east-1. Any
 * other region: SITE_WEB_ACL_ARN, a CLOUDFRONT web ACL created once in us-east-1 (README, Deploy).
 */
export function siteWebAclSource(region: string, raw: string | undefined = process.env.SITE_WEB_ACL_ARN): { create: true } | { create: false; arn: string } {
  const arn = raw?.trim();
  if (arn) {
    if (!/^arn:aws:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[0-9a-f-]{36}$/.test(arn)) {
      throw new Error(`SITE_WEB_ACL_ARN: "${arn}" is not a CLOUDFRONT (global, us-east-1) WAFv2 web ACL ARN`);
    }
    return { create: false, arn };
  }
  if (region === "us-east-1") return { create: true };
  throw new Error(
    `The shop's CloudFront web ACL must live in us-east-1 and SST v2 deploys every stack in ${region}: ` +
      "create it there once (README, Deploy: \"Site firewall outside us-east-1\") and set SITE_WEB_ACL_ARN to its ARN.",
  );
}
