import { Duration, RemovalPolicy, type Stack } from "aws-cdk-lib";
import { Peer, Port, SecurityGroup, type Instance, type IVpc } from "aws-cdk-lib/aws-ec2";
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ApplicationTargetGroup,
  ListenerAction,
  ListenerCertificate,
  SslPolicy,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { AuthenticateCognitoAction } from "aws-cdk-lib/aws-elasticloadbalancingv2-actions";
import { InstanceTarget } from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { adminCidrs } from "./admin-cidrs.ts";
import { AdminLogin } from "./constructs/AdminLogin.ts";
import { suppress } from "./nag-suppressions.ts";
import { ALB_SUBNETS, ISOLATED } from "./Network.ts";
import type { ShinyAuth } from "./shiny-auth.ts";

export const SHINY_PORT = 3838;

export interface ShinyAlbProps {
  vpc: IVpc;
  /** The warehouse host's group: Shiny's port is opened to the ALB only. */
  hostSg: SecurityGroup;
  host: Instance;
  auth: ShinyAuth;
}

/**
 * The internal ALB in front of Shiny: reachable only from ADMIN_CIDRS; HTTPS when a certificate is
 * configured; with SHINY_AUTH=cognito it signs admins in (authenticate-cognito) before forwarding,
 * from subnets that route to a NAT gateway (the ALB must reach Cognito's public token endpoint).
 */
export function shinyAlb(stack: Stack, props: ShinyAlbProps) {
  const { vpc, hostSg, host, auth } = props;
  const albSg = new SecurityGroup(stack, "ShinyAlbSg", {
    vpc,
    description: "compushop: internal ALB in front of Shiny (admin CIDRs only)",
    allowAllOutbound: false,
  });
  const alb = new ApplicationLoadBalancer(stack, "ShinyAlb", {
    vpc,
    vpcSubnets: auth.mode === "cognito" ? { subnetGroupName: ALB_SUBNETS } : ISOLATED,
    internetFacing: false,
    securityGroup: albSg,
    dropInvalidHeaderFields: true,
    // Shiny keeps a WebSocket per session.
    idleTimeout: Duration.minutes(30),
  });
  const accessLogs = new Bucket(stack, "ShinyAlbLogs", {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  alb.logAccessLogs(accessLogs, "shiny-alb");
  suppress(accessLogs, [
    { id: "AwsSolutions-S1", reason: "This bucket holds the ALB's access logs; logging the log bucket's own access would need yet another bucket." },
  ]);

  const https = auth.certificateArn !== undefined;
  const listenerPort = https ? 443 : 80;
  const listener = alb.addListener("Shiny", {
    port: listenerPort,
    protocol: https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
    ...(auth.certificateArn ? { certificates: [ListenerCertificate.fromArn(auth.certificateArn)], sslPolicy: SslPolicy.RECOMMENDED_TLS } : {}),
    // Never the default 0.0.0.0/0 ingress: only the admin CIDRs below.
    open: false,
  });
  for (const cidr of adminCidrs()) {
    albSg.addIngressRule(Peer.ipv4(cidr), Port.tcp(listenerPort), `dashboards from the admin network ${cidr}`);
  }
  hostSg.addIngressRule(albSg, Port.tcp(SHINY_PORT), "Shiny Server from the internal ALB");
  albSg.addEgressRule(hostSg, Port.tcp(SHINY_PORT), "to Shiny Server on the warehouse host");

  const targets = new ApplicationTargetGroup(stack, "ShinyTargets", {
    vpc,
    port: SHINY_PORT,
    protocol: ApplicationProtocol.HTTP,
    targets: [new InstanceTarget(host, SHINY_PORT)],
    healthCheck: { path: "/", healthyHttpCodes: "200" },
    stickinessCookieDuration: Duration.hours(8),
  });
  const forward = ListenerAction.forward([targets]);
  let login: AdminLogin | undefined;
  if (auth.mode === "cognito") {
    login = new AdminLogin(stack, "DashboardLogin", { domainName: auth.domainName, cognitoDomainPrefix: auth.cognitoDomainPrefix });
    // Adds the ALB group's egress on 443 to the token and user info endpoints (public addresses).
    listener.addAction("SignInThenShiny", {
      action: new AuthenticateCognitoAction({
        userPool: login.userPool,
        userPoolClient: login.client,
        userPoolDomain: login.domain,
        sessionTimeout: Duration.hours(8),
        next: forward,
      }),
    });
  } else {
    listener.addAction("Shiny", { action: forward });
  }
  return { alb, albSg, listener, targets, login };
}
