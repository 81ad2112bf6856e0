/**
 * Response compression, brotli or gzip by the caller's `Accept-Encoding`, through Node's zlib
 * (its work runs on libuv's thread pool, off the event loop). Hono's own middleware offers gzip
 * and deflate only. Brotli at quality 5: its default (11) costs seconds on a large answer.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, compressing costs more than it saves. */
const minimumBytes = 1024;

export type Encoding = "br" | "gzip";

/** The encoding to answer in: brotli when accepted, else gzip, else none (`q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (acceptEncoding === null) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const refused = params.some((p) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(p));
    if (!refused) accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return undefined;
}

export async function compressed(request: Request, response: Response): Promise<Response> {
  const encoding = chooseEncoding(request.headers.get("accept-encoding"));
  if (encoding === undefined || response.body === null || response.headers.has("content-encoding")) {
    return response;
  }
  const type = response.headers.get("content-type") ?? "";
  if (!/json|text/.test(type)) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.append("Vary", "Accept-Encoding");
  if (bytes.byteLength < minimumBytes) {
    return new Response(bytes, { status: response.status, headers });
  }
  const body =
    encoding === "br"
      ? await brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        })
      : await gzipAsync(bytes, { level: 6 });
  headers.set("Content-Encoding", encoding);
  headers.delete("Content-Length");
  return new Response(new Uint8Array(body), { status: response.status, headers });
}
