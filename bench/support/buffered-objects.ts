/**
 * The generator's lake objects as they come (linesPerObject ≤ 0: one per tracker request, as
 * the ingest writes today), or runs of them buffered into objects of at least linesPerObject
 * lines, as Firehose in front of S3 would.
 */
export function* bufferedObjects<R>(
  objects: Iterable<{ receivedAt: Date; records: readonly R[] }>,
  linesPerObject: number,
): Generator<{ receivedAt: Date; records: R[] }> {
  let records: R[] = [];
  let receivedAt: Date | undefined;
  for (const object of objects) {
    if (linesPerObject <= 0) {
      yield { receivedAt: object.receivedAt, records: [...object.records] };
      continue;
    }
    records.push(...object.records);
    receivedAt = object.receivedAt;
    if (records.length >= linesPerObject) {
      yield { receivedAt, records };
      records = [];
    }
  }
  if (receivedAt && records.length > 0) yield { receivedAt, records };
}
