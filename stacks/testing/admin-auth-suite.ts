/**
 * SHINY_AUTH=cognito: the internal ALB signs admins in with Cognito before Shiny. Its own
 * deploy-mode synthesis (after the default one, in stacks.test.ts: synths must not run in parallel).
 */
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { asArray, isRecord, resources, single, type CfnResource } from "./cfn.ts";
import { synthesize, type Synthesized } from "./synth.ts";

export const COGNITO_AUTH_ENV = {
  ADMIN_CIDRS: "10.8.0.0/16",
  SHINY_AUTH: "cognito",
  SHINY_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-4909-8807-060504030201",
  SHINY_DOMAIN: "dashboards.shop.example.test",
};

/** Route tables by the subnet group whose subnets they serve (isolated, edge, alb). */
function routesByGroup(network: Synthesized["templates"]["Network"]): Record<string, string[]> {
  const groupOfTable = new Map<string, string>();
  for (const [, association] of resources(network, "AWS::EC2::SubnetRouteTableAssociation")) {
    const table = association.Properties?.RouteTableId;
    const subnet = association.Properties?.SubnetId;
    const tableId = isRecord(table) ? String(table.Ref) : "?";
    const subnetId = isRecord(subnet) ? String(subnet.Ref) : "?";
    groupOfTable.set(tableId, /^Vpc(\w+?)Subnet\d/.exec(subnetId)?.[1] ?? subnetId);
  }
  const routes: Record<string, string[]> = {};
  for (const [, route] of resources(network, "AWS::EC2::Route")) {
    const table = route.Properties?.RouteTableId;
    const group = groupOfTable.get(isRecord(table) ? String(table.Ref) : "?") ?? "?";
    const via = route.Properties?.NatGatewayId ? "nat" : route.Properties?.GatewayId ? "igw" : "other";
    (routes[group] ??= []).push(`${String(route.Properties?.DestinationCidrBlock)}->${via}`);
  }
  return routes;
}

function triggerCode(template: Synthesized["templates"]["Warehouse"]): string {
  const [, fn] = single(template, "AWS::Lambda::Function", { Description: "compushop: no dashboard token for users outside the admins group" });
  const code = fn.Properties?.Code;
  return isRecord(code) && typeof code.ZipFile === "string" ? code.ZipFile : "";
}

export function describeAdminAuth(): void {
  describe("SHINY_AUTH=cognito (the internal ALB signs admins in before Shiny)", () => {
    let synth: Synthesized;
    beforeAll(async () => {
      synth = await synthesize("deploy", { shopOrigins: "https://shop.example.test", env: COGNITO_AUTH_ENV });
    });

    it("listens on HTTPS with the configured certificate, authenticates with Cognito, then forwards to Shiny", () => {
      const template = synth.templates.Warehouse;
      const [, listener] = single(template, "AWS::ElasticLoadBalancingV2::Listener");
      expect(listener.Properties).toMatchObject({
        Port: 443,
        Protocol: "HTTPS",
        Certificates: [{ CertificateArn: COGNITO_AUTH_ENV.SHINY_CERTIFICATE_ARN }],
        SslPolicy: expect.stringMatching(/^ELBSecurityPolicy-TLS13/),
      });
      const actions = asArray(listener.Properties?.DefaultActions);
      expect(actions.map((action) => (isRecord(action) ? [action.Order, action.Type] : action))).toEqual([
        [1, "authenticate-cognito"],
        [2, "forward"],
      ]);
      const [poolId] = single(template, "AWS::Cognito::UserPool");
      const [clientId] = single(template, "AWS::Cognito::UserPoolClient");
      const [domainId] = single(template, "AWS::Cognito::UserPoolDomain");
      expect(actions[0]).toMatchObject({
        AuthenticateCognitoConfig: {
          UserPoolArn: { "Fn::GetAtt": [poolId, "Arn"] },
          UserPoolClientId: { Ref: clientId },
          UserPoolDomain: { Ref: domainId },
          SessionTimeout: "28800",
        },
      });
      // Only the admin network reaches the listener; HTTP is not open at all.
      const [, albSg] = single(template, "AWS::EC2::SecurityGroup", { GroupDescription: "compushop: internal ALB in front of Shiny (admin CIDRs only)" });
      expect(asArray(albSg.Properties?.SecurityGroupIngress)).toEqual([expect.objectContaining({ CidrIp: "10.8.0.0/16", FromPort: 443, ToPort: 443 })]);
      expect(asArray(albSg.Properties?.SecurityGroupEgress)).toEqual([expect.objectContaining({ CidrIp: "0.0.0.0/0", FromPort: 443, ToPort: 443, Description: "Allow to IdP endpoint" })]);
    });

    it("uses an admin pool of its own: no self sign-up, MFA required, a hosted domain, an admins group, a confidential code-flow client", () => {
      const template = synth.templates.Warehouse;
      const [, pool] = single(template, "AWS::Cognito::UserPool");
      expect(pool.Properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: "ON",
        EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
        Policies: { PasswordPolicy: { MinimumLength: 14 } },
        LambdaConfig: { PreTokenGeneration: expect.anything() },
      });
      template.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: "admins" });
      template.hasResourceProperties("AWS::Cognito::UserPoolDomain", { Domain: "compushop-test-dashboards" });
      const [, client] = single(template, "AWS::Cognito::UserPoolClient");
      expect(client.Properties).toMatchObject({
        GenerateSecret: true,
        AllowedOAuthFlows: ["code"],
        AllowedOAuthFlowsUserPoolClient: true,
        CallbackURLs: ["https://dashboards.shop.example.test/oauth2/idpresponse"],
        SupportedIdentityProviders: ["COGNITO"],
      });
      // The shoppers' pool keeps no domain (a pool with one cannot be used through PrivateLink).
      expect(resources(synth.templates.Auth, "AWS::Cognito::UserPoolDomain")).toEqual([]);
      const [, permission] = single(template, "AWS::Lambda::Permission");
      expect(permission.Properties).toMatchObject({ Principal: "cognito-idp.amazonaws.com", SourceArn: { "Fn::GetAtt": [single(template, "AWS::Cognito::UserPool")[0], "Arn"] } });
    });

    it("issues no token (so no ALB session) to a user outside the admins group", async () => {
      const context: { exports: { handler?: (event: unknown) => Promise<unknown> } } = { exports: {} };
      runInNewContext(triggerCode(synth.templates.Warehouse), context);
      const handler = context.exports.handler;
      if (!handler) throw new Error("the trigger exports no handler");
      const event = (groups: string[]) => ({ request: { groupConfiguration: { groupsToOverride: groups } }, response: {} });
      await expect(handler(event(["admins"]))).resolves.toEqual(event(["admins"]));
      await expect(handler(event(["shoppers"]))).rejects.toThrow(/Not a dashboard administrator/);
      await expect(handler(event([]))).rejects.toThrow(/Not a dashboard administrator/);
      await expect(handler({ request: {} })).rejects.toThrow(/Not a dashboard administrator/);
    });

    it("gives only the ALB's subnets a route out (to one NAT gateway); the isolated subnets keep none", () => {
      const network = synth.templates.Network;
      expect(resources(network, "AWS::EC2::NatGateway")).toHaveLength(1);
      expect(resources(network, "AWS::EC2::InternetGateway")).toHaveLength(1);
      const routes = routesByGroup(network);
      expect(routes).toEqual({ edge: ["0.0.0.0/0->igw", "0.0.0.0/0->igw"], alb: ["0.0.0.0/0->nat", "0.0.0.0/0->nat"] });
      for (const [, subnet] of resources(network, "AWS::EC2::Subnet")) expect(subnet.Properties?.MapPublicIpOnLaunch).toBe(false);
      // The isolated subnets keep their ranges whichever mode is chosen.
      const isolated = resources(network, "AWS::EC2::Subnet")
        .filter(([id]) => id.startsWith("Vpcisolated"))
        .map(([, subnet]) => subnet.Properties?.CidrBlock);
      expect(isolated.sort()).toEqual(["10.40.0.0/22", "10.40.4.0/22"]);
      // The ALB sits in the alb subnets; the hosts and the Lambdas stay in the isolated ones.
      const [, alb] = single(synth.templates.Warehouse, "AWS::ElasticLoadBalancingV2::LoadBalancer");
      expect(alb.Properties?.Scheme).toBe("internal");
      expect(JSON.stringify(alb.Properties?.Subnets).match(/Vpc\w+?Subnet\dSubnet/g)?.sort()).toEqual(["VpcalbSubnet1Subnet", "VpcalbSubnet2Subnet"]);
      const placed: Array<[string, CfnResource]> = [
        ...resources(synth.templates.ShopDatabase, "AWS::EC2::Instance"),
        ...resources(synth.templates.Warehouse, "AWS::EC2::Instance"),
        ...resources(synth.templates.Etl, "AWS::Lambda::Function", { Handler: "etl/handler.handler" }),
        ...resources(synth.templates.OutboxRelay, "AWS::Lambda::Function", { Handler: "lib/outbox/relay-handler.handler" }),
      ];
      expect(placed).toHaveLength(4);
      for (const [id, resource] of placed) {
        const subnets = JSON.stringify(resource.Properties?.NetworkInterfaces ?? resource.Properties?.VpcConfig).match(/Vpc\w+?Subnet\dSubnet/g) ?? [];
        expect({ id, subnets: [...new Set(subnets)].every((subnet) => subnet.startsWith("Vpcisolated")), any: subnets.length > 0 }).toEqual({ id, subnets: true, any: true });
      }
    });

    it("keeps cdk-nag at zero unsuppressed errors with the sign-in on", () => {
      const errors = synth.nag.findings.filter((finding) => finding.level === "error");
      expect(errors.map(({ path: where, ruleId }) => `${ruleId} ${where}`)).toEqual([]);
    });
  });
}
