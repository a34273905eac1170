import { S3Client } from "@aws-sdk/client-s3";

export interface S3Settings {
  /** Set for an S3-compatible server (s3rver locally); unset means real AWS S3. */
  endpoint?: string | undefined;
  region?: string | undefined;
}

/**
 * One S3 client configuration for every writer and reader of the lake. Against a custom
 * endpoint it uses path-style addressing, and everywhere it sends checksums only when an
 * operation requires them: s3rver would otherwise store streamed bodies with their
 * aws-chunked framing.
 */
export function createS3Client({ endpoint, region }: S3Settings = {}): S3Client {
  return new S3Client({
    region: region ?? "us-east-1",
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...(endpoint
      ? {
          endpoint,
          forcePathStyle: true,
          // s3rver accepts any signature; real AWS takes credentials from the Lambda's role.
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "S3RVER",
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "S3RVER",
          },
        }
      : {}),
  });
}
