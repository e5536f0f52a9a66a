import { SUBMISSION_KEY_FIELD } from "@/lib/forms/submission-field";

/** The form's submission key (lib/forms/submission-key.ts), made when the page rendered. */
export function SubmissionKeyField({ value }: { value: string }) {
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={value} readOnly />;
}
