import { RemovalPolicy } from "aws-cdk-lib";
import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  InterfaceVpcEndpointService,
  IpAddresses,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
  type SubnetSelection,
} from "aws-cdk-lib/aws-ec2";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { StackContext } from "sst/constructs";
import { shinyAuth } from "./shiny-auth.ts";

export const VPC_CIDR = "10.40.0.0/16";

/** Every workload of ours (Lambdas, hosts, the internal ALB) lives in these: no route out of the VPC. */
export const ISOLATED: SubnetSelection = { subnetType: SubnetType.PRIVATE_ISOLATED };

/**
 * With SHINY_AUTH=cognito only: the internal ALB's own subnets, whose one route out goes to a NAT
 * gateway in the `edge` subnets. An ALB's authenticate-cognito action calls the pool's public token
 * and user info endpoints, which no VPC endpoint serves (README, Deploy). Nothing else lives here.
 */
export const ALB_SUBNETS = "alb";
const EDGE_SUBNETS = "edge";

/**
 * The private network: two AZs of isolated subnets (no NAT gateway, no internet gateway, no public
 * subnet), the AWS services our parts call reached through VPC endpoints, and flow logs.
 *
 * It also owns the security groups of the VPC Lambdas (the shop's server, the ETL, the outbox relay), so the
 * database stacks can open their ports to them without a cross-stack dependency cycle.
 */
export function Network({ stack, app }: StackContext) {
  const albEgress = shinyAuth(app.stage).mode === "cognito";
  const vpc = new Vpc(stack, "Vpc", {
    ipAddresses: IpAddresses.cidr(VPC_CIDR),
    // Explicit zones: no context lookup at synth (the stacks synthesize offline).
    availabilityZones: [`${app.region}a`, `${app.region}b`],
    // Appended after `isolated`, so the isolated subnets keep their ranges either way.
    natGateways: albEgress ? 1 : 0,
    subnetConfiguration: [
      { name: "isolated", subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 22 },
      ...(albEgress
        ? [
            { name: EDGE_SUBNETS, subnetType: SubnetType.PUBLIC, cidrMask: 26, mapPublicIpOnLaunch: false },
            { name: ALB_SUBNETS, subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 26 },
          ]
        : []),
    ],
    // Gateway endpoints are free: S3 (the lake, CDK assets, AL2023's package repositories) and
    // DynamoDB (OpenNext's tag cache, used by the shop's server).
    gatewayEndpoints: {
      S3: { service: GatewayVpcEndpointAwsService.S3, subnets: [ISOLATED] },
      DynamoDB: { service: GatewayVpcEndpointAwsService.DYNAMODB, subnets: [ISOLATED] },
    },
  });

  const flowLogGroup = new LogGroup(stack, "FlowLogs", {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  vpc.addFlowLog("FlowLog", {
    destination: FlowLogDestination.toCloudWatchLogs(flowLogGroup),
    trafficType: FlowLogTrafficType.ALL,
  });

  // Interface endpoints (private DNS on, so the SDKs' default hostnames resolve to them), behind
  // one security group that admits HTTPS from the VPC's CIDR only.
  const endpointSg = new SecurityGroup(stack, "EndpointSg", {
    vpc,
    description: "compushop: VPC interface endpoints (HTTPS from inside the VPC)",
    allowAllOutbound: false,
  });
  endpointSg.addIngressRule(Peer.ipv4(VPC_CIDR), Port.tcp(443), "HTTPS from the VPC to the AWS service endpoints");
  const interfaceEndpoints = {
    SecretsManager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER, // hosts read their generated passwords
    Ssm: InterfaceVpcEndpointAwsService.SSM, // SST's Config secrets (Lambdas), Session Manager, hosts publish URLs
    SsmMessages: InterfaceVpcEndpointAwsService.SSM_MESSAGES, // Session Manager
    Ec2Messages: InterfaceVpcEndpointAwsService.EC2_MESSAGES, // Session Manager
    Logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, // the hosts' CloudWatch agent, Session Manager logs
    Sqs: InterfaceVpcEndpointAwsService.SQS, // OpenNext's revalidation queue, sent to by the shop's server
    // The shop's server verifies Cognito ID tokens against the pool's JWKS (lib/auth): a user pool
    // without a domain is reachable through PrivateLink.
    CognitoIdp: new InterfaceVpcEndpointService(`com.amazonaws.${app.region}.cognito-idp`, 443),
  };
  for (const [id, service] of Object.entries(interfaceEndpoints)) {
    vpc.addInterfaceEndpoint(id, { service, privateDnsEnabled: true, subnets: ISOLATED, securityGroups: [endpointSg], open: false });
  }

  // The VPC Lambdas' groups. Outbound stays open: with no NAT and no internet gateway, "anywhere"
  // means the VPC, its endpoints and the S3/DynamoDB prefix lists. Inbound: nothing.
  const shopServerSg = new SecurityGroup(stack, "ShopServerSg", {
    vpc,
    description: "compushop: the Next.js server function (reaches the shop database's PgBouncer)",
    allowAllOutbound: true,
  });
  const etlSg = new SecurityGroup(stack, "EtlSg", {
    vpc,
    description: "compushop: the ETL function (reaches the warehouse and the shop's read-only user)",
    allowAllOutbound: true,
  });

  const relaySg = new SecurityGroup(stack, "OutboxRelaySg", {
    vpc,
    description: "compushop: the outbox relay function (reaches the shop database's PgBouncer and the Lambda endpoint)",
    allowAllOutbound: true,
  });

  stack.addOutputs({ VpcId: vpc.vpcId });
  return { vpc, shopServerSg, etlSg, relaySg, endpointSg, flowLogGroup };
}
