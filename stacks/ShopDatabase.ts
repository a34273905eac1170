import { Port, SecurityGroup } from "aws-cdk-lib/aws-ec2";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { use, type StackContext } from "sst/constructs";
import { dbUserSecret } from "./constructs/db-user-secret.ts";
import { DATA_DEVICE, PrivateHost } from "./constructs/PrivateHost.ts";
import { Network } from "./Network.ts";
import { sstSecretParameterArn, sstSecretParameterName } from "./sst-secrets.ts";

/** PgBouncer's port: the only one open on the shop's database host. */
export const PGBOUNCER_PORT = 6432;

/**
 * EC2 #1: the shop's PostgreSQL 16 behind PgBouncer (transaction pooling, so many short-lived
 * Lambda connections share a few server connections). PostgreSQL itself listens on loopback.
 * At first boot the host creates the `shop` database and two users with passwords generated in
 * Secrets Manager (the shop's, and the ETL's read-only user in role `warehouse_reader`), then
 * publishes their URLs as the SST secrets DATABASE_URL and SHOP_READONLY_URL.
 */
export function ShopDatabase({ stack, app }: StackContext) {
  const { vpc, shopServerSg, etlSg, relaySg } = use(Network);

  const appSecret = dbUserSecret(stack, "ShopAppUser", "shop", "compushop: the shop's database user (DATABASE_URL)");
  const readerSecret = dbUserSecret(
    stack,
    "ShopReaderUser",
    "warehouse_etl",
    "compushop: the ETL's read-only user in role warehouse_reader on the shop database (SHOP_READONLY_URL)",
  );

  const securityGroup = new SecurityGroup(stack, "ShopDbSg", {
    vpc,
    description: "compushop: shop database host (PgBouncer 6432 from the shop server and the ETL only)",
    allowAllOutbound: true,
  });
  securityGroup.addIngressRule(shopServerSg, Port.tcp(PGBOUNCER_PORT), "PgBouncer from the shop's server function");
  securityGroup.addIngressRule(etlSg, Port.tcp(PGBOUNCER_PORT), "PgBouncer from the ETL (read-only user)");
  securityGroup.addIngressRule(relaySg, Port.tcp(PGBOUNCER_PORT), "PgBouncer from the outbox relay (the shop's user)");

  const published = ["DATABASE_URL", "SHOP_READONLY_URL"] as const;
  const host = new PrivateHost(stack, "ShopDbHost", {
    vpc,
    securityGroup,
    // Graviton: PostgreSQL and PgBouncer are in AL2023's arm64 repositories.
    instanceType: "t4g.medium",
    arch: "arm64",
    dataGiB: 50,
    script: "shop-db.sh",
    environment: {
      AWS_REGION: app.region,
      DATA_DEVICE,
      SHOP_APP_SECRET_ARN: appSecret.secretArn,
      SHOP_READER_SECRET_ARN: readerSecret.secretArn,
      DATABASE_URL_PARAMETER: sstSecretParameterName(app, "DATABASE_URL"),
      SHOP_READONLY_URL_PARAMETER: sstSecretParameterName(app, "SHOP_READONLY_URL"),
    },
  });
  host.role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["secretsmanager:GetSecretValue"],
      resources: [appSecret.secretArn, readerSecret.secretArn],
    }),
  );
  host.role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ["ssm:PutParameter"],
      resources: published.map((name) => sstSecretParameterArn(app, stack, name)),
    }),
  );


  stack.addOutputs({
    ShopDbInstanceId: host.instance.instanceId,
    ShopDbPrivateIp: host.instance.instancePrivateIp,
    ShopAppSecretArn: appSecret.secretArn,
  });
  return { host, securityGroup, appSecret, readerSecret };
}
