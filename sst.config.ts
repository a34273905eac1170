import type { SSTConfig } from "sst";
import { Etl } from "./stacks/Etl.ts";
import { Ingest } from "./stacks/Ingest.ts";
import { RawLake } from "./stacks/RawLake.ts";
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
    app.stack(RawLake).stack(Ingest).stack(Etl).stack(Web);
  },
} satisfies SSTConfig;
