import { Duration } from "aws-cdk-lib";
import { BucketEncryption, StorageClass } from "aws-cdk-lib/aws-s3";
import { Bucket, type StackContext } from "sst/constructs";
import { lakeCatalog } from "./lake-catalog.ts";
import { suppress } from "./nag-suppressions.ts";

/** Where the lake's two areas start (see lib/lake/keys.ts, which stacks/ must not import). */
export const RAW_PREFIX = "raw/";
export const REJECTED_PREFIX = "rejected/";

/**
 * The raw event lake: gzipped NDJSON written by ingest, read by the ETL.
 *
 * Versioning is on. The lake is the only copy of the clickstream (the warehouse is rebuilt from
 * it), and the ingest role may put any key under raw/ and rejected/, so a bug or a leaked role
 * could overwrite history; with versions, an overwritten or deleted object can be restored for
 * 30 days. Normal traffic never overwrites (every key is a fresh UUIDv7), so it costs almost
 * nothing.
 */
export function RawLake({ stack, app }: StackContext) {
  const bucket = new Bucket(stack, "RawLake", {
    // SST's Bucket allows public ACLs and "*" CORS unless told otherwise.
    blockPublicACLs: true,
    cors: false,
    cdk: {
      bucket: {
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        minimumTLSVersion: 1.2,
        versioned: true,
        lifecycleRules: [
          {
            // S3 skips transitions of objects under 128 KB (and IA bills them as 128 KB anyway):
            // this only pays off once raw/ objects are batched or compacted to that size.
            id: "raw-to-infrequent-access",
            prefix: RAW_PREFIX,
            transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
          },
          {
            id: "expire-rejected",
            prefix: REJECTED_PREFIX,
            expiration: Duration.days(90),
          },
          {
            id: "tidy-versions-and-uploads",
            noncurrentVersionExpiration: Duration.days(30),
            expiredObjectDeleteMarker: true,
            abortIncompleteMultipartUploadAfter: Duration.days(7),
          },
        ],
      },
    },
  });

  suppress(bucket.cdk.bucket, [
    {
      id: "AwsSolutions-S1",
      reason:
        "No S3 server access logs (a second bucket, best effort delivery): every write comes from the ingest role and every read from the ETL role, which CloudTrail data events record when enabled; the objects are versioned.",
    },
  ]);
  const catalog = lakeCatalog(stack, bucket.cdk.bucket, `compushop_${app.stage.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_lake`);

  stack.addOutputs({ RawBucketName: bucket.bucketName, LakeDatabase: catalog.database.ref });
  return { bucket, catalog };
}
