/**
 * The security properties of the deployed app, one assertion each, over a deploy-mode synthesis
 * (called from stacks.test.ts, which owns the single synthesis: see its header).
 */
import { describe, expect, it } from "vitest";
import { Template } from "aws-cdk-lib/assertions";
import { asArray, isRecord, lambdaByHandler, resources, single, statementsOf, type CfnResource } from "./cfn.ts";
import { STACK_NAMES, type StackName, type Synthesized } from "./synth.ts";

const EVERYWHERE = ["0.0.0.0/0", "::/0"];

/** The logical id behind a `Fn::GetAtt [id, GroupId]` or the export name behind an import. */
function groupRef(value: unknown): string {
  if (isRecord(value)) {
    const getAtt = value["Fn::GetAtt"];
    if (Array.isArray(getAtt)) return String(getAtt[0]);
    const imported = value["Fn::ImportValue"];
    if (typeof imported === "string") {
      const match = /ExportsOutputFnGetAtt(\w+?)[0-9A-F]{8}GroupId/.exec(imported);
      if (match) return match[1] ?? imported;
    }
  }
  return JSON.stringify(value);
}

interface Ingress {
  stack: StackName;
  group: string;
  port: unknown;
  from: string;
}

/** Every ingress rule of every stack, inline or standalone, with its group and source. */
function allIngress(synth: Synthesized): Ingress[] {
  const rules: Ingress[] = [];
  for (const stack of STACK_NAMES) {
    const template = synth.templates[stack];
    for (const [id, group] of resources(template, "AWS::EC2::SecurityGroup")) {
      for (const rule of asArray(group.Properties?.SecurityGroupIngress)) {
        if (!isRecord(rule)) continue;
        rules.push({ stack, group: id.replace(/[0-9A-F]{8}$/, ""), port: rule.FromPort, from: sourceOf(rule) });
      }
    }
    for (const [, rule] of resources(template, "AWS::EC2::SecurityGroupIngress")) {
      const props = rule.Properties ?? {};
      rules.push({ stack, group: groupRef(props.GroupId).replace(/[0-9A-F]{8}$/, ""), port: props.FromPort, from: sourceOf(props) });
    }
  }
  return rules;
}

function sourceOf(rule: Record<string, unknown>): string {
  if (typeof rule.CidrIp === "string") return rule.CidrIp;
  if (typeof rule.CidrIpv6 === "string") return rule.CidrIpv6;
  if (rule.SourceSecurityGroupId !== undefined) return `sg:${groupRef(rule.SourceSecurityGroupId).replace(/[0-9A-F]{8}$/, "")}`;
  return JSON.stringify(rule);
}

/** Every IAM statement (managed-policy documents, inline policies, role policies) with its place. */
function allStatements(synth: Synthesized) {
  const found: { stack: StackName; policy: string; actions: string[]; resources: unknown[] }[] = [];
  for (const stack of STACK_NAMES) {
    const template = synth.templates[stack];
    for (const type of ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]) {
      for (const [id, policy] of resources(template, type)) {
        for (const statement of statementsOf(policy.Properties?.PolicyDocument)) {
          if (statement.Effect === "Allow") found.push({ stack, policy: id, actions: statement.Action, resources: statement.Resource });
        }
      }
    }
    for (const [id, role] of resources(template, "AWS::IAM::Role")) {
      for (const inline of asArray(role.Properties?.Policies)) {
        if (!isRecord(inline)) continue;
        for (const statement of statementsOf(inline.PolicyDocument)) {
          if (statement.Effect === "Allow") found.push({ stack, policy: id, actions: statement.Action, resources: statement.Resource });
        }
      }
    }
  }
  return found;
}

/**
 * Every statement allowed on Resource "*", by its policy's logical id (hash dropped) and actions,
 * with the reason it cannot be narrower. A new one fails the test until it is justified here.
 */
const STAR_RESOURCE_ALLOWED: Record<string, { actions: string[]; reason: string }> = {
  "IngestApiLambdaPOSTv1eventsServiceRoleDefaultPolicy": {
    actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"],
    reason: "X-Ray (SST's default active tracing) has no resource-level permissions",
  },
  "OutboxRelayCronJobOutboxRelayCronServiceRoleDefaultPolicy": {
    actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"],
    reason: "X-Ray (SST's default active tracing) has no resource-level permissions",
  },
  "EtlCronJobEtlCronServiceRoleDefaultPolicy": {
    actions: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"],
    reason: "X-Ray (SST's default active tracing) has no resource-level permissions",
  },
  "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aServiceRoleDefaultPolicy": {
    actions: ["logs:DeleteRetentionPolicy", "logs:PutRetentionPolicy"],
    reason: "CDK's log retention helper names log groups Lambda creates later, per function",
  },
  "EdgeLambdaBucketProviderServiceRoleDefaultPolicy": {
    actions: ["s3:*"],
    reason: "SST's Lambda@Edge deploy helper (CloudFormation only) creates its own code bucket in us-east-1",
  },
  "EdgeLambdaProviderServiceRoleDefaultPolicy": {
    actions: ["lambda:*", "s3:*"],
    reason: "SST's Lambda@Edge deploy helper (CloudFormation only) creates edge functions in us-east-1",
  },
  "EdgeLambdaVersionProviderServiceRoleDefaultPolicy": {
    actions: ["lambda:*"],
    reason: "SST's Lambda@Edge deploy helper (CloudFormation only) publishes edge function versions",
  },
};

function stripHash(id: string): string {
  return id.replace(/[0-9A-F]{8}$/, "");
}

/** The instance's launch template (CDK's requireImdsv2 puts the metadata options there). */
function launchTemplateOf(template: Template, instance: CfnResource): CfnResource {
  const ref = instance.Properties?.LaunchTemplate;
  const version = isRecord(ref) && isRecord(ref.Version) ? ref.Version["Fn::GetAtt"] : undefined;
  const id = Array.isArray(version) ? String(version[0]) : "(none)";
  return single(template, "AWS::EC2::LaunchTemplate", undefined, id)[1];
}

export function describeSecurity(synthesized: () => Synthesized): void {
  describe("security properties", () => {
    it("creates no NAT gateway, no internet gateway and no public subnet", () => {
      for (const name of STACK_NAMES) {
        const template = synthesized().templates[name];
        for (const type of ["AWS::EC2::NatGateway", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::VPCGatewayAttachment"]) {
          expect({ name, type, found: resources(template, type).length }).toEqual({ name, type, found: 0 });
        }
      }
      const network = synthesized().templates.Network;
      const subnets = resources(network, "AWS::EC2::Subnet");
      expect(subnets).toHaveLength(2);
      for (const [, subnet] of subnets) expect(subnet.Properties?.MapPublicIpOnLaunch).toBe(false);
      expect(new Set(subnets.map(([, subnet]) => subnet.Properties?.AvailabilityZone))).toEqual(new Set(["us-east-1a", "us-east-1b"]));
      // No route leaves the VPC except through the gateway endpoints (prefix lists).
      for (const [id, route] of resources(network, "AWS::EC2::Route")) {
        expect({ id, cidr: route.Properties?.DestinationCidrBlock }).toEqual({ id, cidr: undefined });
      }
    });

    it("reaches AWS through endpoints: S3 and DynamoDB gateways, Secrets Manager, SSM, Session Manager, Logs interfaces", () => {
      const network = synthesized().templates.Network;
      const services = resources(network, "AWS::EC2::VPCEndpoint").map(([, endpoint]) => {
        const suffixes = [...JSON.stringify(endpoint.Properties?.ServiceName).matchAll(/\.([a-z0-9-]+)(?=")/g)];
        return `${String(endpoint.Properties?.VpcEndpointType ?? "Gateway")}:${suffixes.at(-1)?.[1] ?? "?"}`;
      });
      expect(services.sort()).toEqual(
        [
          "Gateway:s3",
          "Gateway:dynamodb",
          "Interface:secretsmanager",
          "Interface:ssm",
          "Interface:ssmmessages",
          "Interface:ec2messages",
          "Interface:logs",
          "Interface:sqs",
          "Interface:cognito-idp",
        ].sort(),
      );
      for (const [, endpoint] of resources(network, "AWS::EC2::VPCEndpoint", { VpcEndpointType: "Interface" })) {
        expect(endpoint.Properties?.PrivateDnsEnabled).toBe(true);
      }
    });

    it("logs the VPC's flows to CloudWatch Logs, kept 90 days", () => {
      const network = synthesized().templates.Network;
      const [groupId, group] = single(network, "AWS::Logs::LogGroup");
      expect(group.Properties?.RetentionInDays).toBe(90);
      const [, flowLog] = single(network, "AWS::EC2::FlowLog");
      expect(flowLog.Properties).toMatchObject({
        ResourceType: "VPC",
        TrafficType: "ALL",
        LogDestinationType: "cloud-watch-logs",
        LogGroupName: { Ref: groupId },
      });
    });

    it("opens no security group to 0.0.0.0/0 or ::/0", () => {
      const rules = allIngress(synthesized());
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((rule) => EVERYWHERE.includes(rule.from))).toEqual([]);
    });

    it("opens the database, Shiny and endpoint ports only to the named groups", () => {
      const rules = allIngress(synthesized()).map(({ group, port, from }) => `${group}:${String(port)}<-${from}`);
      expect(rules.sort()).toEqual(
        [
          // EC2 #1: PgBouncer from the shop's server, the outbox relay and the ETL; PostgreSQL itself is on loopback.
          "ShopDbSg:6432<-sg:ShopServerSg",
          "ShopDbSg:6432<-sg:EtlSg",
          "ShopDbSg:6432<-sg:OutboxRelaySg",
          // EC2 #2: PostgreSQL from the ETL only, Shiny from the internal ALB only.
          "WarehouseSg:5432<-sg:EtlSg",
          "WarehouseSg:3838<-sg:ShinyAlbSg",
          // The ALB from the admin network only (ADMIN_CIDRS).
          "ShinyAlbSg:80<-10.8.0.0/16",
          // The AWS service endpoints from inside the VPC.
          "EndpointSg:443<-10.40.0.0/16",
        ].sort(),
      );
    });

    it("runs both hosts without public IPs, in isolated subnets, IMDSv2 only, with encrypted gp3 volumes and no key pair", () => {
      for (const name of ["ShopDatabase", "Warehouse"] as const) {
        const template = synthesized().templates[name];
        const [, instance] = single(template, "AWS::EC2::Instance");
        const props = instance.Properties ?? {};
        expect(props.KeyName).toBeUndefined();
        const interfaces = asArray(props.NetworkInterfaces);
        expect(interfaces).toHaveLength(1);
        const nic = interfaces[0];
        expect(isRecord(nic) && nic.AssociatePublicIpAddress).toBe(false);
        expect(JSON.stringify(isRecord(nic) ? nic.SubnetId : undefined)).toMatch(/test-compushop-Network:ExportsOutputRefVpcisolatedSubnet\dSubnet/);
        expect(launchTemplateOf(template, instance).Properties?.LaunchTemplateData).toMatchObject({ MetadataOptions: { HttpTokens: "required" } });
        const volumes = asArray(props.BlockDeviceMappings);
        expect(volumes).toHaveLength(2);
        for (const volume of volumes) expect(volume).toMatchObject({ Ebs: { Encrypted: true, VolumeType: "gp3" } });
        expect(props.ImageId).toMatch(/^resolve:ssm:\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-kernel-default-/);
        const profile = single(template, "AWS::IAM::InstanceProfile")[1];
        const roleId = String((asArray(profile.Properties?.Roles)[0] as { Ref: string }).Ref);
        const [, role] = single(template, "AWS::IAM::Role", undefined, roleId);
        expect(JSON.stringify(role.Properties?.ManagedPolicyArns)).toContain("AmazonSSMManagedInstanceCore");
      }
    });

    it("gives each host its own secrets and lets it publish only its own SST secrets", () => {
      const expectations = {
        ShopDatabase: { secrets: 2, parameters: ["DATABASE_URL", "SHOP_READONLY_URL"] },
        Warehouse: { secrets: 2, parameters: ["WAREHOUSE_URL"] },
      } as const;
      for (const [name, expected] of Object.entries(expectations) as [keyof typeof expectations, (typeof expectations)[keyof typeof expectations]][]) {
        const template = synthesized().templates[name];
        const secrets = resources(template, "AWS::SecretsManager::Secret");
        expect(secrets).toHaveLength(expected.secrets);
        for (const [, secret] of secrets) {
          expect(secret.Properties?.GenerateSecretString).toMatchObject({ GenerateStringKey: "password", ExcludePunctuation: true, PasswordLength: 40 });
          expect(secret.Properties?.SecretString).toBeUndefined();
        }
        const statements = allStatements(synthesized()).filter((statement) => statement.stack === name && statement.policy.includes("HostRole"));
        const read = statements.filter((statement) => statement.actions.includes("secretsmanager:GetSecretValue"));
        expect(read.flatMap((statement) => statement.resources).sort()).toEqual(secrets.map(([id]) => ({ Ref: id })).sort());
        const put = statements.filter((statement) => statement.actions.includes("ssm:PutParameter"));
        expect(put.flatMap((statement) => statement.actions)).toEqual(["ssm:PutParameter"]);
        const parameters = put
          .flatMap((statement) => statement.resources)
          .map((resource) => /:ssm:us-east-1:123456789012:parameter\/sst\/compushop\/test\/Secret\/(\w+)\/value"/.exec(JSON.stringify(resource))?.[1]);
        expect(parameters.sort()).toEqual([...expected.parameters].sort());
      }
    });

    it("puts the ALB inside the VPC (scheme internal) with access logs", () => {
      const template = synthesized().templates.Warehouse;
      const [, alb] = single(template, "AWS::ElasticLoadBalancingV2::LoadBalancer");
      expect(alb.Properties?.Scheme).toBe("internal");
      expect(alb.Properties?.LoadBalancerAttributes).toEqual(
        expect.arrayContaining([
          { Key: "access_logs.s3.enabled", Value: "true" },
          { Key: "routing.http.drop_invalid_header_fields.enabled", Value: "true" },
        ]),
      );
      const [, group] = single(template, "AWS::ElasticLoadBalancingV2::TargetGroup");
      expect(group.Properties).toMatchObject({ Port: 3838, Protocol: "HTTP", TargetType: "instance" });
    });

    it("runs the ETL inside the VPC's isolated subnets with its own security group", () => {
      const [, fn] = lambdaByHandler(synthesized().templates.Etl, "etl/handler.handler");
      const vpcConfig = fn.Properties?.VpcConfig;
      expect(isRecord(vpcConfig)).toBe(true);
      const subnets = JSON.stringify(isRecord(vpcConfig) ? vpcConfig.SubnetIds : undefined);
      expect(subnets.match(/VpcisolatedSubnet\dSubnet/g)?.sort()).toEqual(["VpcisolatedSubnet1Subnet", "VpcisolatedSubnet2Subnet"]);
      expect(asArray(isRecord(vpcConfig) ? vpcConfig.SecurityGroupIds : undefined).map(groupRef)).toEqual(["EtlSg"]);
    });

    it("runs the shop's server function inside the VPC with its own security group", () => {
      const [, server] = single(synthesized().templates.Web, "AWS::Lambda::Function", { Description: "Next.js Server" });
      const vpcConfig = server.Properties?.VpcConfig;
      expect(isRecord(vpcConfig)).toBe(true);
      expect(JSON.stringify(isRecord(vpcConfig) ? vpcConfig.SubnetIds : undefined)).toMatch(/VpcisolatedSubnet1Subnet.*VpcisolatedSubnet2Subnet/);
      expect(asArray(isRecord(vpcConfig) ? vpcConfig.SecurityGroupIds : undefined).map(groupRef)).toEqual(["ShopServerSg"]);
    });

    it("justifies every IAM statement on Resource \"*\" (allow-list with reasons)", () => {
      const star = allStatements(synthesized())
        .filter((statement) => statement.resources.includes("*"))
        .map((statement) => ({ policy: stripHash(statement.policy), actions: [...statement.actions].sort() }));
      expect(star.length).toBeGreaterThan(0);
      for (const { policy, actions } of star) {
        const allowed = STAR_RESOURCE_ALLOWED[policy];
        expect({ policy, actions, justified: allowed !== undefined }).toEqual({ policy, actions: allowed?.actions ?? [], justified: true });
        expect(allowed?.reason.length).toBeGreaterThan(20);
      }
      // Our own roles (hosts, ETL, ingest, the shop's server) use "*" for X-Ray only.
      const ours = star.filter(({ policy }) => /^(ShopDbHost|WarehouseHost|EtlCron|OutboxRelayCron|IngestApi|SitedefaultServerFunction)/.test(policy));
      for (const { actions } of ours) expect(actions.every((action) => action.startsWith("xray:"))).toBe(true);
    });

    it("sets a retention on every log group, and on every function of ours", () => {
      let groups = 0;
      for (const name of STACK_NAMES) {
        for (const [id, group] of resources(synthesized().templates[name], "AWS::Logs::LogGroup")) {
          groups += 1;
          expect({ name, id, retention: typeof group.Properties?.RetentionInDays }).toEqual({ name, id, retention: "number" });
        }
        for (const [id, retention] of resources(synthesized().templates[name], "Custom::LogRetention")) {
          // Ours keep a month (asserted per function elsewhere); SST's revalidation helper keeps a day.
          expect({ name, id, days: typeof retention.Properties?.RetentionInDays }).toEqual({ name, id, days: "number" });
        }
      }
      expect(groups).toBeGreaterThanOrEqual(2);
    });
  });
}
