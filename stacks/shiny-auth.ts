/**
 * How admins get through the internal ALB to Shiny, from the synth-time environment:
 *
 *   SHINY_AUTH=network (default)  the ALB admits ADMIN_CIDRS only (a VPN's range) or nobody (admins
 *                                 use SSM port forwarding); HTTPS when SHINY_CERTIFICATE_ARN is set.
 *   SHINY_AUTH=cognito            additionally, the ALB's `authenticate-cognito` action signs every
 *                                 admin in (admin user pool, members of `admins` only) before Shiny.
 *                                 Needs SHINY_CERTIFICATE_ARN (HTTPS) and SHINY_DOMAIN (the name
 *                                 admins browse to, in the certificate: the Cognito callback is
 *                                 https://SHINY_DOMAIN/oauth2/idpresponse). The ALB must then reach
 *                                 Cognito's public token endpoint, so the Network stack adds a NAT
 *                                 gateway that only the ALB's own subnets route to (README, Deploy).
 *   SHINY_COGNITO_DOMAIN_PREFIX   the admin pool's hosted sign-in domain prefix (unique per region);
 *                                 default compushop-<stage>-dashboards.
 */
export type ShinyAuth =
  | { mode: "network"; certificateArn: string | undefined }
  | { mode: "cognito"; certificateArn: string; domainName: string; cognitoDomainPrefix: string };

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function shinyAuth(stage: string, env: Readonly<Record<string, string | undefined>> = process.env): ShinyAuth {
  const value = (name: string) => env[name]?.trim() || undefined;
  const mode = value("SHINY_AUTH") ?? "network";
  const certificateArn = value("SHINY_CERTIFICATE_ARN");
  if (certificateArn && !CERTIFICATE_ARN.test(certificateArn)) {
    throw new Error(`SHINY_CERTIFICATE_ARN: "${certificateArn}" is not an ACM certificate ARN`);
  }
  if (mode === "network") return { mode, certificateArn };
  if (mode !== "cognito") throw new Error(`SHINY_AUTH: "${mode}" is neither "network" nor "cognito"`);
  const domainName = value("SHINY_DOMAIN")?.toLowerCase();
  if (!certificateArn || !domainName) {
    throw new Error("SHINY_AUTH=cognito needs SHINY_CERTIFICATE_ARN (the ALB's HTTPS listener) and SHINY_DOMAIN (the name in that certificate admins browse to)");
  }
  if (!HOSTNAME.test(domainName)) throw new Error(`SHINY_DOMAIN: "${domainName}" is not a host name`);
  const cognitoDomainPrefix = value("SHINY_COGNITO_DOMAIN_PREFIX") ?? `compushop-${stage}-dashboards`.toLowerCase();
  if (!DOMAIN_PREFIX.test(cognitoDomainPrefix) || /aws|amazon|cognito/.test(cognitoDomainPrefix)) {
    throw new Error(`SHINY_COGNITO_DOMAIN_PREFIX: "${cognitoDomainPrefix}" must be lower-case letters, digits and hyphens, without "aws", "amazon" or "cognito"`);
  }
  return { mode, certificateArn, domainName, cognitoDomainPrefix };
}
