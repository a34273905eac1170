import type { SSTConfig } from "sst";
import { Auth } from "./stacks/Auth.ts";
import { Backups } from "./stacks/Backups.ts";
import { Etl } from "./stacks/Etl.ts";
import { Ingest } from "./stacks/Ingest.ts";
import { suppressCommon } from "./stacks/nag-suppressions.ts";
import { Monitoring } from "./stacks/Monitoring.ts";
import { Network } from "./stacks/Network.ts";
import { OutboxRelay } from "./stacks/OutboxRelay.ts";
import { RawLake } from "./stacks/RawLake.ts";
import { retainLogs } from "./stacks/retain-logs.ts";
import { ShopDatabase } from "./stacks/ShopDatabase.ts";
import { Warehouse } from "./stacks/Warehouse.ts";
import { Web } from "./stacks/Web.ts";

export default {
  config() {
    return {
      name: "compushop",
      region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    };
  },
  stacks(app) {
    // Order matters: each stack `use`s the ones before it.
    app.stack(Network).stack(RawLake).stack(Auth).stack(ShopDatabase).stack(Warehouse).stack(Backups).stack(Ingest).stack(Etl).stack(Web).stack(OutboxRelay).stack(Monitoring);
    // A retention on every function's log group, SST's and CDK's helpers included.
    retainLogs(app);
    // cdk-nag findings accepted in every stack (with their reasons); the pack itself runs in the tests.
    suppressCommon(app);
  },
} satisfies SSTConfig;
