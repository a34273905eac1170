/**
 * A random UUID (RFC 9562): version 4, or version 7 when given a time in ms (its first 48 bits,
 * so ids sort by time). Written here because the `uuid` package costs the bundle ~670 bytes.
 */
export function uuid(ms?: number): string {
  // Each 0/1 of the template becomes a random hex digit, the 8 one of 8, 9, a or b (the variant).
  const random = "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (digit) => (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+digit / 4)))).toString(16));
  const time = ms?.toString(16).padStart(12, "0");
  return time ? `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}` : random;
}
