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
  return parseJsonText(decodeUtf8(await readJsonBytes(request, limitBytes)));
}

/**
 * The body's bytes, after the content type and size checks: decoded and parsed later, in a
 * worker thread when there is one, so that a large body never holds the event loop.
 */
export async function readJsonBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  const contentType = request.headers.get("content-type") ?? undefined;
  if (!isJsonContentType(contentType)) throw apiErrors.unsupportedMediaType(contentType);
  // A compressed body is not read (it would be parsed as garbage, or inflate past the limit).
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== "" && encoding !== "identity")
    throw apiErrors.unsupportedMediaType(`${contentType}; content-encoding ${encoding}`);

  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) throw apiErrors.payloadTooLarge(limitBytes);
  return await readBytes(request, limitBytes);
}

/** Parses a JSON body's text, refusing an empty body and JSON nested too deep. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw apiErrors.malformedJson("empty body");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw apiErrors.malformedJson(error instanceof Error ? error.message : String(error));
  }
  const deepest = deepestPath(value, maxJsonDepth);
  if (deepest !== undefined) {
    const message = {
      en: `request body is nested deeper than ${maxJsonDepth} levels`,
      zh: `请求体嵌套超过 ${maxJsonDepth} 层`,
    };
    throw apiErrors.invalidRequest([{ path: deepest, message: message.en }], message);
  }
  return value;
}

/** Facts are shallow (collections of records of lists); deeper JSON is refused before it can
 * exhaust the stack of a recursive reader further on. */
export const maxJsonDepth = 64;

/** The path of the first value nested deeper than `limit`, found without recursion. */
function deepestPath(root: unknown, limit: number): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limit) return path;
    if (Array.isArray(value)) {
      for (const [i, element] of value.entries())
        stack.push({ value: element, path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const [key, element] of Object.entries(value)) {
        stack.push({ value: element, path: path === "" ? key : `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

async function readBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
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
  return bytes;
}

/** The body's text; a body that is not UTF-8 is malformed JSON. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw apiErrors.malformedJson("body is not valid utf-8");
  }
}
