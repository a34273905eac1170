const formatter = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A placed-at time, the same on server and browser (UTC, stated). */
export function OrderDate({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatter.format(new Date(iso))} UTC</time>;
}
