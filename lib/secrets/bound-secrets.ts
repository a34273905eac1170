/**
 * Puts secrets into process.env before the app reads its configuration. Locally they are
 * already there; in AWS a value bound with SST's `Config.Secret` arrives as the placeholder
 * `SST_Secret_value_<NAME>` and `sst/node/config` fetches it from SSM on import.
 * Returns the names it could not find anywhere.
 */
export async function loadBoundSecrets(names: readonly string[], env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const wanted = names.filter((name) => !env[name]);
  const bound = wanted.filter((name) => env[`SST_Secret_value_${name}`] !== undefined);
  if (bound.length > 0) {
    const { Config } = await import("sst/node/config");
    const values: Record<string, unknown> = { ...Config };
    for (const name of bound) {
      const value = values[name];
      if (typeof value === "string" && value !== "") env[name] = value;
    }
  }
  return wanted.filter((name) => !env[name]);
}
