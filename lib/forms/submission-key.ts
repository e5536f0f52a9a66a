import { createHash, randomUUID } from "node:crypto";
import { SUBMISSION_KEY_FIELD } from "@/lib/forms/submission-field";

// A form carries a key made when it was rendered. A submission that comes
// again with the same key and the same content (a retry after a dropped
// connection, a double click without JavaScript) is the same submission and
// gets the first one's answer instead of creating a second record. The
// content counts too: a page restored by the back button keeps its old key,
// and what is typed into it then is a new submission.

/** A fresh key for a form being rendered. */
export const newSubmissionKey = () => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What identifies this submission (the form's key with the parsed content); undefined without a key we could have made. */
export function submissionIdentity(values: Record<string, string>, content: unknown): string | undefined {
  const key = values[SUBMISSION_KEY_FIELD];
  if (!key || !UUID.test(key)) return undefined;
  return createHash("sha256").update(`${key}\n${JSON.stringify(content)}`).digest("base64url");
}
