/** TLS to both PostgreSQL hosts and their backups (called from stacks.test.ts). */
import { describe, expect, it } from "vitest";
import { asArray, isRecord, resources, single } from "./cfn.ts";
import type { Synthesized } from "./synth.ts";

/** The instance's user data as the text the host runs (tokens shown as their JSON). */
function userData(synth: Synthesized, name: "ShopDatabase" | "Warehouse"): string {
  const [, instance] = single(synth.templates[name], "AWS::EC2::Instance");
  const base64 = instance.Properties?.UserData;
  const join = isRecord(base64) && isRecord(base64["Fn::Base64"]) ? base64["Fn::Base64"]["Fn::Join"] : undefined;
  const parts = Array.isArray(join) && Array.isArray(join[1]) ? join[1] : [];
  return parts.map((part: unknown) => (typeof part === "string" ? part : JSON.stringify(part))).join("");
}

export function describeDataHosts(synthesized: () => Synthesized): void {
  describe("database hosts: TLS and backups", () => {
    it("publishes every database URL with sslmode=require in libpq's sense (node-postgres would otherwise verify the self-signed certificate and refuse)", () => {
      for (const name of ["ShopDatabase", "Warehouse"] as const) {
        const script = userData(synthesized(), name);
        expect(script).toContain('PG_TLS_QUERY="sslmode=require&uselibpqcompat=true"');
        const published = [...script.matchAll(/publish_sst_secret "\$\{(\w+)\}" "([^"]+)"/g)];
        expect(published.length).toBeGreaterThan(0);
        for (const [, parameter, url] of published) expect({ parameter, url }).toEqual({ parameter, url: expect.stringMatching(/^postgresql:\/\/.*\?\$\{PG_TLS_QUERY\}$/) });
        expect(script).toMatch(/openssl req -new -x509 -days 3650 -nodes -newkey rsa:2048/);
      }
    });

    it("EC2 #1: PgBouncer requires TLS from every client, TLS 1.2 or newer", () => {
      const script = userData(synthesized(), "ShopDatabase");
      for (const line of [
        "client_tls_sslmode = require",
        "client_tls_key_file = /etc/pgbouncer/tls/server.key",
        "client_tls_cert_file = /etc/pgbouncer/tls/server.crt",
        "client_tls_protocols = tlsv1.2,tlsv1.3",
        "self_signed_tls /etc/pgbouncer/tls pgbouncer",
      ]) {
        expect(script).toContain(line);
      }
    });

    it("EC2 #2: PostgreSQL has ssl on and accepts the ETL over TLS only (hostssl), Shiny over loopback", () => {
      const script = userData(synthesized(), "Warehouse");
      expect(script).toContain('sed -i "s/^#\\?ssl = .*/ssl = on/"');
      expect(script).toContain("ssl_min_protocol_version = 'TLSv1.2'");
      const hba = /cat >\/var\/lib\/pgsql\/data\/pg_hba.conf <<HBA\n([\s\S]*?)\nHBA/.exec(script)?.[1] ?? "";
      const rules = hba.split("\n").map((line) => line.trim().split(/\s+/));
      expect(rules).toEqual([
        ["local", "all", "postgres", "peer"],
        ["hostssl", "warehouse", "etl", "${VPC_CIDR}", "scram-sha-256"],
        ["host", "warehouse", "shiny", "127.0.0.1/32", "scram-sha-256"],
      ]);
    });

    it("backs both hosts up with AWS Backup: daily kept 35 days, weekly kept 180, in a retained vault", () => {
      const template = synthesized().templates.Backups;
      const [vaultId, vault] = single(template, "AWS::Backup::BackupVault");
      expect(vault).toMatchObject({ Type: "AWS::Backup::BackupVault" });
      expect(template.toJSON().Resources[vaultId].DeletionPolicy).toBe("Retain");
      const [, plan] = single(template, "AWS::Backup::BackupPlan");
      const rules = asArray(isRecord(plan.Properties?.BackupPlan) ? plan.Properties.BackupPlan.BackupPlanRule : undefined);
      expect(rules).toEqual([
        expect.objectContaining({ RuleName: "daily", ScheduleExpression: "cron(0 3 * * ? *)", Lifecycle: { DeleteAfterDays: 35 }, TargetBackupVault: { "Fn::GetAtt": [vaultId, "BackupVaultName"] } }),
        expect.objectContaining({ RuleName: "weekly", ScheduleExpression: "cron(0 4 ? * SUN *)", Lifecycle: { DeleteAfterDays: 180 } }),
      ]);
      const [, selection] = single(template, "AWS::Backup::BackupSelection");
      const selected = JSON.stringify(isRecord(selection.Properties?.BackupSelection) ? selection.Properties.BackupSelection.Resources : undefined);
      expect(selected).toMatch(/:instance\/",\{"Fn::ImportValue":"test-compushop-ShopDatabase:ExportsOutputRefShopDbHostInstance/);
      expect(selected).toMatch(/:instance\/",\{"Fn::ImportValue":"test-compushop-Warehouse:ExportsOutputRefWarehouseHostInstance/);
      expect(resources(template, "AWS::Backup::BackupSelection")).toHaveLength(1);
    });
  });
}
