import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { Invoke } from "./ingest-sender.ts";

/**
 * `Invoke` with the AWS SDK: a synchronous invocation, reached from a VPC without NAT through the
 * Lambda interface endpoint (private DNS makes the SDK's default hostname resolve to it).
 */
export function sdkInvoke(client: LambdaClient = new LambdaClient({})): Invoke {
  return async (functionName, payload, timeoutMs) => {
    const result = await client.send(
      new InvokeCommand({ FunctionName: functionName, InvocationType: "RequestResponse", Payload: Buffer.from(payload, "utf8") }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    return { functionError: result.FunctionError, payload: result.Payload ? Buffer.from(result.Payload).toString("utf8") : "" };
  };
}
