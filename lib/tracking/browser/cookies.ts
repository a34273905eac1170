export const readCookie = (name: string): string | undefined => document.cookie.match(`(^|; )${name}=([^;]*)`)?.[2];

/** A first-party cookie for the whole site; `maxAge` 0 deletes it. */
export function writeCookie(name: string, value: string, maxAge: number): void {
  document.cookie = `${name}=${value};path=/;max-age=${maxAge};samesite=lax${location.protocol == "https:" ? ";secure" : ""}`;
}
