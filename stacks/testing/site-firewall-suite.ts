/** The shop's CloudFront web ACL (called from stacks.test.ts, which owns the synthesis). */
import { describe, expect, it } from "vitest";
import { siteWebAclSource } from "../site-firewall.ts";
import { asArray, isRecord, single } from "./cfn.ts";
import type { Synthesized } from "./synth.ts";

const ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/compushop-site/0f0e0d0c-0b0a-4909-8807-060504030201";

export function describeSiteFirewall(synthesized: () => Synthesized): void {
  describe("site firewall (WAFv2 on the shop's CloudFront)", () => {
    const acl = () => single(synthesized().templates.Web, "AWS::WAFv2::WebACL");
    const rules = () => asArray(acl()[1].Properties?.Rules).filter(isRecord);

    it("attaches a CLOUDFRONT-scope web ACL to the site's distribution", () => {
      const [aclId, webAcl] = acl();
      expect(webAcl.Properties).toMatchObject({ Scope: "CLOUDFRONT", DefaultAction: { Allow: {} } });
      const [, distribution] = single(synthesized().templates.Web, "AWS::CloudFront::Distribution");
      const config = distribution.Properties?.DistributionConfig;
      expect(isRecord(config) ? config.WebACLId : undefined).toEqual({ "Fn::GetAtt": [aclId, "Arn"] });
    });

    it("rate-limits each IP on the tracker's path /cs/e, and site-wide, blocking above the limits", () => {
      const tracker = rules().find((rule) => rule.Name === "tracker-rate-per-ip");
      expect(tracker).toMatchObject({
        Action: { Block: {} },
        Statement: {
          RateBasedStatement: {
            Limit: 1000,
            EvaluationWindowSec: 300,
            AggregateKeyType: "IP",
            ScopeDownStatement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: "STARTS_WITH", SearchString: "/cs/e" } },
          },
        },
      });
      const site = rules().find((rule) => rule.Name === "site-rate-per-ip");
      expect(site).toMatchObject({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 3000, AggregateKeyType: "IP" } } });
      // No scope-down: the site-wide limit covers every path, /cs/e included.
      expect(JSON.stringify(site)).not.toContain("ScopeDownStatement");
      // Rate rules come first, so a flood is cut before the managed rules are evaluated.
      expect(rules().map((rule) => [rule.Priority, rule.Name])).toEqual([
        [0, "tracker-rate-per-ip"],
        [1, "site-rate-per-ip"],
        [2, "AWSManagedRulesAmazonIpReputationList"],
        [3, "AWSManagedRulesKnownBadInputsRuleSet"],
        [4, "AWSManagedRulesCommonRuleSet"],
      ]);
    });

    it("applies AWS's managed common rules, counting (not blocking) only the 8 KB body limit the ingest enforces itself", () => {
      const common = rules().find((rule) => rule.Name === "AWSManagedRulesCommonRuleSet");
      expect(common).toMatchObject({
        OverrideAction: { None: {} },
        Statement: {
          ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet", RuleActionOverrides: [{ Name: "SizeRestrictions_BODY", ActionToUse: { Count: {} } }] },
        },
      });
      for (const rule of rules()) expect(rule.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    });

    it("logs to aws-waf-logs-* for 90 days, with cookies and authorization redacted", () => {
      const template = synthesized().templates.Web;
      const [groupId, group] = single(template, "AWS::Logs::LogGroup", { LogGroupName: "aws-waf-logs-test-compushop-Web" });
      expect(group.Properties?.RetentionInDays).toBe(90);
      const [, logging] = single(template, "AWS::WAFv2::LoggingConfiguration");
      expect(logging.Properties).toMatchObject({
        ResourceArn: { "Fn::GetAtt": [acl()[0], "Arn"] },
        LogDestinationConfigs: [{ "Fn::GetAtt": [groupId, "Arn"] }],
        RedactedFields: [{ SingleHeader: { Name: "cookie" } }, { SingleHeader: { Name: "authorization" } }],
      });
    });
  });
}

describe("siteWebAclSource (a CLOUDFRONT web ACL lives in us-east-1)", () => {
  it("creates it with the site in us-east-1, and takes an existing one anywhere", () => {
    expect(siteWebAclSource("us-east-1", undefined)).toEqual({ create: true });
    expect(siteWebAclSource("eu-west-1", ACL_ARN)).toEqual({ create: false, arn: ACL_ARN });
  });

  it("refuses another region without one, and a regional or malformed ARN", () => {
    expect(() => siteWebAclSource("eu-west-1", undefined)).toThrow(/SITE_WEB_ACL_ARN/);
    expect(() => siteWebAclSource("eu-west-1", ACL_ARN.replace("global", "regional"))).toThrow(/not a CLOUDFRONT/);
    expect(() => siteWebAclSource("eu-west-1", ACL_ARN.replace("us-east-1", "eu-west-1"))).toThrow(/not a CLOUDFRONT/);
  });
});
