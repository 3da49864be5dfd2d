/**
 * What the request log line says about a request that only the app learns
 * while handling it: who is signed in. The server opens a record as the
 * request arrives and writes the line when the response ends; the session
 * code notes the user in it.
 *
 * Remix hands loaders new Request objects (single fetch rebuilds them), so
 * the record is found by a header the server sets on every request before
 * Remix copies the headers, overwriting any a client sent. The open records
 * live in one map per process (see process-wide.ts).
 */
import { processWide } from "./process-wide";

export const REQUEST_RECORD_HEADER = "x-hub-request-record";

export interface RequestRecord {
  userId?: string;
}

const records = processWide("request-records", () => ({ next: 0, open: new Map<string, RequestRecord>() }));

/** Opens a record for a request whose headers Remix has not read yet; close it when the response ends. */
export function openRequestRecord(headers: Record<string, string | string[] | undefined>): {
  record: RequestRecord;
  close: () => void;
} {
  const key = String(records.next++);
  const record: RequestRecord = {};
  records.open.set(key, record);
  headers[REQUEST_RECORD_HEADER] = key;
  return { record, close: () => records.open.delete(key) };
}

/** A request as Remix hands it to loaders, or as Node's server reads it (the health endpoints). */
export type RecordedRequest = Request | { headers: Record<string, string | string[] | undefined> };

/** Notes who is signed in, for the request's log line (nothing happens outside a server request). */
export function noteSignedInUser(request: RecordedRequest, userId: string): void {
  const key =
    request.headers instanceof Headers
      ? request.headers.get(REQUEST_RECORD_HEADER)
      : request.headers[REQUEST_RECORD_HEADER];
  const record = typeof key === "string" ? records.open.get(key) : undefined;
  if (record) record.userId = userId;
}
