// How large a volunteer list may be; the upload form checks it before sending (so it imports nothing).

/**
 * The file itself: 10 MB, within the upload's post limit (MAX_IMPORT_POST_BYTES
 * in lib/abuse/oversized.ts) with room for the form's other fields. 10,000
 * rows of a typical list take 0.7 to 1.5 MB.
 */
export const MAX_IMPORT_BYTES = 10_000_000;
export const MAX_IMPORT_ROWS = 20_000;
