/**
 * The cookie names Amplify's CookieStorage writes for a Cognito user pool app client:
 * `CognitoIdentityServiceProvider.<clientId>.LastAuthUser` holds the signed-in username, and
 * `CognitoIdentityServiceProvider.<clientId>.<username>.idToken` that user's ID token.
 * (No runtime imports: the header's client component reads them too.)
 */
const PREFIX = "CognitoIdentityServiceProvider";

export function lastAuthUserCookie(clientId: string): string {
  return `${PREFIX}.${clientId}.LastAuthUser`;
}

/**
 * Amplify writes its cookies with js-cookie, which percent-encodes a cookie's name except for a
 * few characters it keeps as they are: a username that is an e-mail address appears as
 * `ada%40example.com` in the name. Encode the same way to find the cookie.
 */
function cookieNamePart(value: string): string {
  return encodeURIComponent(value)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function idTokenCookie(clientId: string, username: string): string {
  return `${PREFIX}.${clientId}.${cookieNamePart(username)}.idToken`;
}

/** Whether a `document.cookie` string holds a signed-in Amplify session for any app client. */
export function hasAmplifySession(cookieHeader: string): boolean {
  return /(?:^|;\s*)CognitoIdentityServiceProvider\.[^.=;]+\.LastAuthUser=[^;]+/.test(cookieHeader);
}

/** Every Amplify cookie name in a cookie jar, to clear a stale session. */
export function amplifyCookieNames(names: readonly string[], clientId: string): string[] {
  return names.filter((name) => name.startsWith(`${PREFIX}.${clientId}.`));
}
