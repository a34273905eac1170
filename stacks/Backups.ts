import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from "aws-cdk-lib/aws-backup";
import { Schedule } from "aws-cdk-lib/aws-events";
import { use, type StackContext } from "sst/constructs";
import { suppress } from "./nag-suppressions.ts";
import { ShopDatabase } from "./ShopDatabase.ts";
import { Warehouse } from "./Warehouse.ts";

/** Daily recovery points kept this long; the Sunday ones longer. */
export const DAILY_RETENTION_DAYS = 35;
export const WEEKLY_RETENTION_DAYS = 180;

/**
 * AWS Backup of both database hosts (each instance with its root and data volumes): daily at
 * 03:00 UTC, kept 35 days, and weekly, kept 180 days, in a vault of this stage.
 *
 * Why snapshots and not a pg_dump timer: each host keeps its whole PostgreSQL cluster, WAL
 * included, on its one data volume, so an EBS snapshot is crash-consistent and PostgreSQL recovers
 * from it as from a power cut; it needs nothing on the host (no script, no bucket, no credentials
 * to write one), is incremental, and a restore is a new volume. A logical dump (portable across
 * major versions) is the README's procedure before a PostgreSQL upgrade. The warehouse can also be
 * rebuilt from the lake; the shop's database cannot, which is why both are backed up the same way.
 */
export function Backups({ stack }: StackContext) {
  const { host: shopHost } = use(ShopDatabase);
  const { host: warehouseHost } = use(Warehouse);

  const vault = new BackupVault(stack, "Vault", { removalPolicy: RemovalPolicy.RETAIN });
  const plan = new BackupPlan(stack, "DatabaseHosts", {
    backupVault: vault,
    backupPlanRules: [
      new BackupPlanRule({
        ruleName: "daily",
        scheduleExpression: Schedule.cron({ minute: "0", hour: "3" }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(DAILY_RETENTION_DAYS),
      }),
      new BackupPlanRule({
        ruleName: "weekly",
        scheduleExpression: Schedule.cron({ minute: "0", hour: "4", weekDay: "SUN" }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(WEEKLY_RETENTION_DAYS),
      }),
    ],
  });
  const selection = plan.addSelection("Hosts", {
    resources: [BackupResource.fromEc2Instance(shopHost.instance), BackupResource.fromEc2Instance(warehouseHost.instance)],
  });
  suppress(selection, [
    {
      id: "AwsSolutions-IAM4",
      reason: "AWSBackupServiceRolePolicyForBackup is the role AWS Backup assumes to snapshot the selected instances and their volumes; AWS maintains its actions.",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"],
    },
  ]);

  stack.addOutputs({ BackupVaultName: vault.backupVaultName });
  return { vault, plan };
}
