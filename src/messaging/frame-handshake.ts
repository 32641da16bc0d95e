// The two postMessage types of the frame handshake (frame-port.ts), in their own module so the
// content script gets them without Zod.

/** A frame asks its parent (our content script) for its secret. */
export const SECRET_REQUEST = 'decidedly:frame-secret?';
/** The content script's answer, posted to the frame's window at the extension's origin only. */
export const SECRET_ANSWER = 'decidedly:frame-secret';
