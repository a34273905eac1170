import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  UserPoolOperation,
} from "aws-cdk-lib/aws-cognito";
import { Architecture, Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { suppress } from "../nag-suppressions.ts";

/** The group whose members may open the dashboards. */
export const DASHBOARD_ADMINS_GROUP = "admins";

/**
 * Cognito's pre token generation trigger: no token (so no ALB session) for anyone outside the
 * admins group. The ALB's authenticate-cognito action admits every user of the pool it is given;
 * this makes the group, not mere membership of the pool, what opens the dashboards.
 */
const ADMINS_ONLY_TRIGGER = `exports.handler = async (event) => {
  const groups = (event.request && event.request.groupConfiguration && event.request.groupConfiguration.groupsToOverride) || [];
  if (!groups.includes(${JSON.stringify(DASHBOARD_ADMINS_GROUP)})) throw new Error("Not a dashboard administrator");
  return event;
};`;

export interface AdminLoginProps {
  /** The name admins browse to (the ALB's certificate covers it). */
  domainName: string;
  /** The hosted sign-in domain's prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  cognitoDomainPrefix: string;
}

/**
 * The dashboards' sign-in, used by the internal ALB's authenticate-cognito action: a user pool of
 * its own (not the shoppers'), because the ALB needs a pool with a hosted domain and AWS does not
 * serve a pool with a domain through PrivateLink, which the shop's server relies on. No self
 * sign-up (an operator creates each admin), TOTP MFA required, members of `admins` only.
 */
export class AdminLogin extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AdminLoginProps) {
    super(scope, id);
    this.userPool = new UserPool(this, "Pool", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: { minLength: 14, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(1) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnUserPoolGroup(this, "AdminsGroup", {
      userPoolId: this.userPool.userPoolId,
      groupName: DASHBOARD_ADMINS_GROUP,
      description: "May open the Shiny dashboards (through the internal ALB)",
    });

    const trigger = new LambdaFunction(this, "AdminsOnly", {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      handler: "index.handler",
      code: Code.fromInline(ADMINS_ONLY_TRIGGER),
      timeout: Duration.seconds(5),
      description: "compushop: no dashboard token for users outside the admins group",
      logGroup: new LogGroup(this, "AdminsOnlyLogs", { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, trigger);

    this.domain = this.userPool.addDomain("Domain", { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } });
    this.client = this.userPool.addClient("AlbClient", {
      // The ALB is a confidential client: it redeems the code with the secret.
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [`https://${props.domainName}/oauth2/idpresponse`],
        logoutUrls: [`https://${props.domainName}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(8),
    });

    suppress(this.userPool, [
      {
        id: "AwsSolutions-COG3",
        reason:
          "Threat protection (advanced security) is a paid feature plan: this pool has no self sign-up (operators create each admin), requires TOTP MFA and a 14-character password, and admits only the admins group.",
      },
    ]);
  }
}
