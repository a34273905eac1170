import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Config, NextjsSite, use, type StackContext } from "sst/constructs";
import { Ingest } from "./Ingest.ts";

/** OpenNext 4 (SST v2's default, 3.5.5, is too old for Next 16); must match package.json. */
export const OPEN_NEXT_VERSION = "4.1.12";

/** The shop: Next.js on Lambda behind CloudFront, built with OpenNext. */
export function Web({ stack }: StackContext) {
  const { ingestUrl } = use(Ingest);
  const databaseUrl = new Config.Secret(stack, "DATABASE_URL");

  const site = new NextjsSite(stack, "Site", {
    path: ".",
    // SST writes an `sst-env.d.ts` into the site; keep it out of the sources (.sst is ignored).
    typesPath: ".sst",
    openNextVersion: OPEN_NEXT_VERSION,
    runtime: "nodejs22.x",
    environment: { INGEST_URL: ingestUrl },
    bind: [databaseUrl],
    // The server and image functions' URLs accept only requests CloudFront signed, so nobody
    // can bypass the distribution (they would otherwise be public, auth type NONE).
    regional: { enableServerUrlIamAuth: true },
    cdk: {
      server: { logRetention: RetentionDays.ONE_MONTH },
      transform(plan) {
        for (const origin of Object.values(plan.origins)) {
          if (origin.type === "image-optimization-function") {
            origin.function = { ...origin.function, logRetention: RetentionDays.ONE_MONTH };
          }
        }
      },
    },
  });

  stack.addOutputs({ SiteUrl: site.url });
  return { site, databaseUrl };
}
