import type { Template } from "aws-cdk-lib/assertions";

/** A resource as it appears in a synthesized CloudFormation template. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface PolicyStatementJson {
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: unknown[];
  Condition?: Record<string, unknown>;
  Principal?: unknown;
}

/** Every resource of a type (optionally matching properties), as [logicalId, resource]. */
export function resources(template: Template, type: string, props?: object): [string, CfnResource][] {
  const found: Record<string, Record<string, unknown>> = template.findResources(
    type,
    props ? { Properties: props } : undefined,
  );
  return Object.entries(found).map(([id, resource]) => [id, toCfnResource(resource)]);
}

/** The one resource matching (and with that logical id, if given); fails on none or several. */
export function single(template: Template, type: string, props?: object, logicalId?: string): [string, CfnResource] {
  const found = resources(template, type, props).filter(([id]) => logicalId === undefined || id === logicalId);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${type} matching ${JSON.stringify(props)}, found ${found.length}`);
  }
  return found[0] as [string, CfnResource];
}

/** A Lambda function by its (bundled) handler, e.g. "etl/handler.handler". */
export function lambdaByHandler(template: Template, handler: string): [string, CfnResource] {
  return single(template, "AWS::Lambda::Function", { Handler: handler });
}

/** The logical id of a function's execution role (its Role is `Fn::GetAtt [role, Arn]`). */
export function roleIdOf(fn: CfnResource): string {
  const role = fn.Properties?.Role;
  const getAtt = isRecord(role) ? role["Fn::GetAtt"] : undefined;
  if (!Array.isArray(getAtt) || typeof getAtt[0] !== "string" || getAtt[1] !== "Arn") {
    throw new Error(`function role is not a Fn::GetAtt of a role in the stack: ${JSON.stringify(role)}`);
  }
  return getAtt[0];
}

/** Every statement of every inline policy attached to a role, with Action/Resource as arrays. */
export function statementsOfRole(template: Template, roleId: string): PolicyStatementJson[] {
  const statements: PolicyStatementJson[] = [];
  for (const [, policy] of resources(template, "AWS::IAM::Policy")) {
    const roles = policy.Properties?.Roles;
    if (!Array.isArray(roles) || !roles.some((role) => isRecord(role) && role.Ref === roleId)) continue;
    statements.push(...statementsOf(policy.Properties?.PolicyDocument));
  }
  const [, role] = single(template, "AWS::IAM::Role", undefined, roleId);
  for (const inline of asArray(role.Properties?.Policies)) {
    if (isRecord(inline)) statements.push(...statementsOf(inline.PolicyDocument));
  }
  return statements;
}

export function statementsOf(document: unknown): PolicyStatementJson[] {
  if (!isRecord(document)) return [];
  return asArray(document.Statement).map((raw) => {
    if (!isRecord(raw)) throw new Error(`not a policy statement: ${JSON.stringify(raw)}`);
    return {
      Effect: raw.Effect === "Deny" ? "Deny" : "Allow",
      Action: asArray(raw.Action).map(String),
      Resource: asArray(raw.Resource),
      ...(isRecord(raw.Condition) ? { Condition: raw.Condition } : {}),
      ...(raw.Principal !== undefined ? { Principal: raw.Principal } : {}),
    };
  });
}

function toCfnResource(resource: Record<string, unknown>): CfnResource {
  return {
    Type: String(resource.Type),
    ...(isRecord(resource.Properties) ? { Properties: resource.Properties } : {}),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
