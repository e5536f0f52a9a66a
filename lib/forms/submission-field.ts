/** The hidden field that carries a form's submission key (no Node imports: client forms render it). */
export const SUBMISSION_KEY_FIELD = "submissionKey";
