import { Port, SecurityGroup } from "aws-cdk-lib/aws-ec2";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Asset } from "aws-cdk-lib/aws-s3-assets";
import { use, type StackContext } from "sst/constructs";
import { dbUserSecret } from "./constructs/db-user-secret.ts";
import { DATA_DEVICE, PrivateHost } from "./constructs/PrivateHost.ts";
import { Network, VPC_CIDR } from "./Network.ts";
import { projectPath } from "./project-path.ts";
import { shinyAlb } from "./shiny-alb.ts";
import { shinyAuth } from "./shiny-auth.ts";
import { shinyRuntimeBundle } from "./shiny-runtime.ts";
import { sstSecretParameterArn, sstSecretParameterName } from "./sst-secrets.ts";

export const WAREHOUSE_PORT = 5432;
export { SHINY_PORT } from "./shiny-alb.ts";

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

  // The internal ALB in front of Shiny (admin CIDRs, HTTPS, and the Cognito sign-in when configured).
  const { alb, albSg, login } = shinyAlb(stack, { vpc, hostSg: securityGroup, host: host.instance, auth: shinyAuth(app.stage) });
  if (login) {
    stack.addOutputs({ DashboardUserPoolId: login.userPool.userPoolId, DashboardSignInDomain: login.domain.baseUrl() });
  }

  stack.addOutputs({
    WarehouseInstanceId: host.instance.instanceId,
    WarehousePrivateIp: host.instance.instancePrivateIp,
    ShinyAlbDns: alb.loadBalancerDnsName,
  });
  return { host, securityGroup, alb, albSg, etlSecret, shinySecret };
}
