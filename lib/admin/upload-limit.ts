/**
 * The largest rates CSV an admin may upload: 2 MB, twenty times Freddie Mac's full history since
 * 1971. Next refuses a server action's request body above `serverActions.bodySizeLimit` (3 MB in
 * next.config.mjs, room for the form around the file) before the action runs, so the form also
 * checks the size in the browser: either way the admin gets a message at the field.
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_TEXT = "2 MB";
export const TOO_LARGE_MESSAGE = `The file must be ${MAX_UPLOAD_TEXT} or smaller.`;
