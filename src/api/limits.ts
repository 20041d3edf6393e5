/** The largest request body (JSON or upload) the API accepts: 10 MB; larger answers 413. */
export const BODY_LIMIT = 10 * 1024 * 1024;
