/**
 * Reading a JSON request body under a size limit: the content type is checked first, the
 * declared length next, and the bytes are counted as they arrive so that a body sent without a
 * length (chunked) is cut off at the limit too.
 */
import { apiErrors } from "./errors.js";

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && jsonMediaType.test(contentType.trim());
}

export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? undefined;
  if (!isJsonContentType(contentType)) throw apiErrors.unsupportedMediaType(contentType);

  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) throw apiErrors.payloadTooLarge(limitBytes);

  const text = await readText(request, limitBytes);
  if (text.trim() === "") throw apiErrors.malformedJson("empty body");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw apiErrors.malformedJson(error instanceof Error ? error.message : String(error));
  }
}

async function readText(request: Request, limitBytes: number): Promise<string> {
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      // Stop reading without cancelling: the adapter drains the rest, so the caller still
      // receives the 413 rather than a reset connection.
      reader.releaseLock();
      throw apiErrors.payloadTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw apiErrors.malformedJson("body is not valid utf-8");
  }
}
