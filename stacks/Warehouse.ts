import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { Peer, Port, SecurityGroup } from "aws-cdk-lib/aws-ec2";
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ListenerCertificate,
  SslPolicy,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { InstanceTarget } from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Asset } from "aws-cdk-lib/aws-s3-assets";
import { use, type StackContext } from "sst/constructs";
import { adminCidrs } from "./admin-cidrs.ts";
import { dbUserSecret } from "./constructs/db-user-secret.ts";
import { DATA_DEVICE, PrivateHost } from "./constructs/PrivateHost.ts";
import { suppress } from "./nag-suppressions.ts";
import { ISOLATED, Network, VPC_CIDR } from "./Network.ts";
import { projectPath } from "./project-path.ts";
import { shinyRuntimeBundle } from "./shiny-runtime.ts";
import { sstSecretParameterArn, sstSecretParameterName } from "./sst-secrets.ts";

export const WAREHOUSE_PORT = 5432;
export const SHINY_PORT = 3838;

/**
 * EC2 #2: the warehouse's PostgreSQL 16 (reached by the ETL only) and Shiny Server with the
 * dashboards (reached through an internal ALB only, from ADMIN_CIDRS). At first boot the host
 * creates the `warehouse` database, owned by the ETL's user, and a read-only user for Shiny, with
 * generated passwords, and publishes the ETL's URL as the SST secret WAREHOUSE_URL.
 */
export function Warehouse({ stack, app }: StackContext) {
  const { vpc, etlSg } = use(Network);

  const etlSecret = dbUserSecret(stack, "WarehouseEtlUser", "etl", "compushop: the ETL's warehouse user, owner of the warehouse (WAREHOUSE_URL)");
  const shinySecret = dbUserSecret(stack, "WarehouseShinyUser", "shiny", "compushop: Shiny's read-only warehouse user");

  const securityGroup = new SecurityGroup(stack, "WarehouseSg", {
    vpc,
    description: "compushop: warehouse + Shiny host (PostgreSQL from the ETL, Shiny from the internal ALB)",
    allowAllOutbound: true,
  });
  securityGroup.addIngressRule(etlSg, Port.tcp(WAREHOUSE_PORT), "PostgreSQL from the ETL function");

  // The dashboards' code always ships; the R + Shiny Server runtime when one was built (see
  // shiny-runtime.ts). Both are CDK assets, fetched at boot through the S3 gateway endpoint.
  const appAsset = new Asset(stack, "ShinyApp", { path: projectPath("shiny"), exclude: ["tests", "tests/**"] });
  const bundlePath = shinyRuntimeBundle(app.mode);
  const runtimeAsset = bundlePath ? new Asset(stack, "ShinyRuntime", { path: bundlePath }) : undefined;

  const host = new PrivateHost(stack, "WarehouseHost", {
    vpc,
    securityGroup,
    // x86_64: Posit publishes Shiny Server's RPM for x86_64 only.
    instanceType: "t3.large",
    arch: "x86_64",
    dataGiB: 100,
    script: "warehouse.sh",
    environment: {
      AWS_REGION: app.region,
      DATA_DEVICE,
      VPC_CIDR,
      WAREHOUSE_ETL_SECRET_ARN: etlSecret.secretArn,
      WAREHOUSE_SHINY_SECRET_ARN: shinySecret.secretArn,
      WAREHOUSE_URL_PARAMETER: sstSecretParameterName(app, "WAREHOUSE_URL"),
      SHINY_APP_S3_URL: appAsset.s3ObjectUrl,
      SHINY_RUNTIME_S3_URL: runtimeAsset?.s3ObjectUrl ?? "",
    },
  });
  host.role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["secretsmanager:GetSecretValue"],
      resources: [etlSecret.secretArn, shinySecret.secretArn],
    }),
  );
  host.role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["ssm:PutParameter"],
      resources: [sstSecretParameterArn(app, stack, "WAREHOUSE_URL")],
    }),
  );
  // Exactly the asset objects, not the whole (shared) CDK assets bucket.
  host.role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["s3:GetObject"],
      resources: [appAsset, runtimeAsset].flatMap((asset) => (asset ? [asset.bucket.arnForObjects(asset.s3ObjectKey)] : [])),
    }),
  );

  // The internal ALB: in the isolated subnets, reachable only from ADMIN_CIDRS (a VPN's range).
  const albSg = new SecurityGroup(stack, "ShinyAlbSg", {
    vpc,
    description: "compushop: internal ALB in front of Shiny (admin CIDRs only)",
    allowAllOutbound: false,
  });
  const alb = new ApplicationLoadBalancer(stack, "ShinyAlb", {
    vpc,
    vpcSubnets: ISOLATED,
    internetFacing: false,
    securityGroup: albSg,
    dropInvalidHeaderFields: true,
    // Shiny keeps a WebSocket per session.
    idleTimeout: Duration.minutes(30),
  });
  const accessLogs = new Bucket(stack, "ShinyAlbLogs", {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  alb.logAccessLogs(accessLogs, "shiny-alb");

  // HTTPS when a certificate is configured (an ACM certificate for the internal name admins use);
  // otherwise HTTP inside the VPN only.
  const certificateArn = process.env.SHINY_CERTIFICATE_ARN?.trim() || undefined;
  const listenerPort = certificateArn ? 443 : 80;
  const listener = alb.addListener("Shiny", {
    port: listenerPort,
    protocol: certificateArn ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
    ...(certificateArn
      ? { certificates: [ListenerCertificate.fromArn(certificateArn)], sslPolicy: SslPolicy.RECOMMENDED_TLS }
      : {}),
    // Never the default 0.0.0.0/0 ingress: only the admin CIDRs below.
    open: false,
  });
  for (const cidr of adminCidrs()) {
    albSg.addIngressRule(Peer.ipv4(cidr), Port.tcp(listenerPort), `dashboards from the admin network ${cidr}`);
  }
  // Shiny's port on the host: from the ALB's group only (and the ALB may send nowhere else).
  securityGroup.addIngressRule(albSg, Port.tcp(SHINY_PORT), "Shiny Server from the internal ALB");
  albSg.addEgressRule(securityGroup, Port.tcp(SHINY_PORT), "to Shiny Server on the warehouse host");
  listener.addTargets("ShinyHost", {
    port: SHINY_PORT,
    protocol: ApplicationProtocol.HTTP,
    targets: [new InstanceTarget(host.instance, SHINY_PORT)],
    healthCheck: { path: "/", healthyHttpCodes: "200" },
    stickinessCookieDuration: Duration.hours(8),
  });

  suppress(accessLogs, [
    {
      id: "AwsSolutions-S1",
      reason: "This bucket holds the ALB's access logs; logging the log bucket's own access would need yet another bucket.",
    },
  ]);

  stack.addOutputs({
    WarehouseInstanceId: host.instance.instanceId,
    WarehousePrivateIp: host.instance.instancePrivateIp,
    ShinyAlbDns: alb.loadBalancerDnsName,
  });
  return { host, securityGroup, alb, albSg, etlSecret, shinySecret };
}
