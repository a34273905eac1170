import type { INagLogger, NagLoggerErrorData, NagLoggerNonComplianceData, NagLoggerSuppressedData, NagLoggerSuppressedErrorData } from "cdk-nag";
import { NagMessageLevel } from "cdk-nag";
import { Stack } from "aws-cdk-lib";

export interface NagFinding {
  stack: string;
  path: string;
  ruleId: string;
  findingId: string;
  level: "error" | "warning";
  info: string;
}

export interface NagSuppressed extends NagFinding {
  reason: string;
}

/** Collects cdk-nag's verdicts during the (single) synthesis, for the tests to assert on. */
export class NagCollector implements INagLogger {
  readonly findings: NagFinding[] = [];
  readonly suppressed: NagSuppressed[] = [];
  readonly ruleErrors: NagFinding[] = [];

  onCompliance(): void {}
  onNotApplicable(): void {}

  onNonCompliance(data: NagLoggerNonComplianceData): void {
    this.findings.push(finding(data, data.findingId));
  }

  onSuppressed(data: NagLoggerSuppressedData): void {
    this.suppressed.push({ ...finding(data, data.findingId), reason: data.suppressionReason });
  }

  onError(data: NagLoggerErrorData): void {
    this.ruleErrors.push({ ...finding(data, ""), info: data.errorMessage });
  }

  onSuppressedError(data: NagLoggerSuppressedErrorData): void {
    this.suppressed.push({ ...finding(data, ""), reason: data.errorSuppressionReason });
  }
}

function finding(data: NagLoggerNonComplianceData | NagLoggerErrorData, findingId: string): NagFinding {
  return {
    stack: Stack.of(data.resource).stackName,
    path: data.resource.node.path,
    ruleId: data.ruleId,
    findingId,
    level: data.ruleLevel === NagMessageLevel.ERROR ? "error" : "warning",
    info: data.ruleInfo,
  };
}
