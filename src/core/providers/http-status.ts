/** A non-2xx response as the engine's error, with the server's words and Retry-After when readable. */
import { httpError, retryAfterFrom, type ChatFailure } from '../errors.js';

export async function responseError(response: Response): Promise<ChatFailure> {
  let body: unknown;
  try {
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } catch {
    body = undefined;
  }
  return httpError(response.status, body, retryAfterFrom(response.headers));
}
