/**
 * Large collections kept as fixed-size chunks, so that an immer recipe changing one element copies
 * one chunk and the short list of chunks instead of the whole collection (immer copies, freezes
 * and scans every array it drafts). The recipe still sees each collection as one array: a proxy
 * over the chunk list's draft maps index `i` to chunk `i >> bits`, offset `i & mask`.
 */

/** Chunks of `1 << bits` elements; every chunk but the last is full. */
export function toChunks<T>(elements: readonly T[], bits: number): T[][] {
  const size = 1 << bits;
  const chunks: T[][] = [];
  for (let start = 0; start < elements.length; start += size)
    chunks.push(elements.slice(start, start + size));
  return chunks;
}

export function fromChunks<T>(chunks: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) out.push(chunk[i]!);
  return out;
}

export function chunkedLength(chunks: readonly (readonly unknown[])[], bits: number): number {
  return chunks.length === 0 ? 0 : ((chunks.length - 1) << bits) + chunks[chunks.length - 1]!.length;
}

/** An array index as a property key (`"12"`), or -1. */
function indexOf(key: string | symbol): number {
  if (typeof key !== "string" || key.length === 0 || key.length > 10) return -1;
  const code = key.charCodeAt(0);
  if (code < 48 || code > 57 || (code === 48 && key.length > 1)) return -1;
  const n = Number(key);
  return Number.isInteger(n) && n < 4294967295 ? n : -1;
}

/**
 * An array-like proxy over a chunked collection; `chunks()` returns the current chunk list (a
 * draft). Generic array methods (`push`, `find`, `splice`, iteration) work through the index and
 * length traps, as they do on any array.
 */
export function chunkedArray(chunks: () => unknown[][], bits: number): unknown[] {
  const size = 1 << bits;
  const mask = size - 1;
  const length = (): number => chunkedLength(chunks(), bits);
  const append = (value: unknown): void => {
    const list = chunks();
    const last = list[list.length - 1];
    if (last === undefined || last.length === size) list.push([value]);
    else last.push(value);
  };
  const setLength = (n: number): void => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError("invalid array length");
    let current = length();
    if (n > current) {
      while (current++ < n) append(undefined);
      return;
    }
    if (n === current) return;
    const list = chunks();
    const keep = (n + mask) >> bits;
    if (list.length > keep) list.length = keep;
    if (keep > 0 && n & mask) list[keep - 1]!.length = n & mask;
  };
  const write = (i: number, value: unknown): void => {
    const n = length();
    if (i < n) chunks()[i >> bits]![i & mask] = value;
    else {
      if (i > n) setLength(i);
      append(value);
    }
  };
  // The target is an array so that `Array.isArray` holds and the prototype's methods are found.
  return new Proxy<unknown[]>([], {
    get(target, key, receiver) {
      if (key === "length") return length();
      const i = indexOf(key);
      if (i >= 0) return i < length() ? chunks()[i >> bits]![i & mask] : undefined;
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (key === "length") {
        setLength(value as number);
        return true;
      }
      const i = indexOf(key);
      if (i >= 0) {
        write(i, value);
        return true;
      }
      return Reflect.set(target, key, value, receiver);
    },
    has(target, key) {
      if (key === "length") return true;
      const i = indexOf(key);
      return i >= 0 ? i < length() : Reflect.has(target, key);
    },
    deleteProperty(target, key) {
      const i = indexOf(key);
      // Facts have no holes: a deleted element reads `undefined` until the length drops it.
      if (i >= 0) {
        if (i < length()) chunks()[i >> bits]![i & mask] = undefined;
        return true;
      }
      return Reflect.deleteProperty(target, key);
    },
    ownKeys() {
      const keys: string[] = [];
      const n = length();
      for (let i = 0; i < n; i++) keys.push(String(i));
      keys.push("length");
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === "length")
        return { value: length(), writable: true, enumerable: false, configurable: false };
      const i = indexOf(key);
      if (i >= 0) {
        if (i >= length()) return undefined;
        return {
          value: chunks()[i >> bits]![i & mask],
          writable: true,
          enumerable: true,
          configurable: true,
        };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    defineProperty(target, key, descriptor) {
      if (key === "length" || indexOf(key) >= 0) {
        if (!("value" in descriptor)) return false;
        if (key === "length") setLength(descriptor.value as number);
        else write(indexOf(key), descriptor.value);
        return true;
      }
      return Reflect.defineProperty(target, key, descriptor);
    },
  });
}

/**
 * The document as the recipe sees it: chunked collections appear as arrays, and assigning a
 * collection (`draft.hazards = [...]`) stores it chunked. Everything else is the immer draft.
 */
export function chunkedDocument(
  root: Record<string, unknown>,
  chunkedCollections: ReadonlySet<string>,
  bits: number,
): Record<string, unknown> {
  const views = new Map<string, unknown[]>();
  const view = (name: string): unknown[] => {
    let array = views.get(name);
    if (!array) {
      array = chunkedArray(() => root[name] as unknown[][], bits);
      views.set(name, array);
    }
    return array;
  };
  const isChunked = (key: string | symbol): key is string =>
    typeof key === "string" && chunkedCollections.has(key) && Array.isArray(root[key]);
  return new Proxy<Record<string, unknown>>(
    {},
    {
      get(_target, key) {
        return isChunked(key) ? view(key) : Reflect.get(root, key);
      },
      set(_target, key, value) {
        if (typeof key === "string" && chunkedCollections.has(key) && Array.isArray(value)) {
          // A view of this very collection must be copied before the chunk list is replaced.
          const elements = value === views.get(key) ? [...value] : (value as unknown[]);
          root[key] = toChunks(elements, bits);
          return true;
        }
        return Reflect.set(root, key, value);
      },
      has(_target, key) {
        return Reflect.has(root, key);
      },
      deleteProperty(_target, key) {
        return Reflect.deleteProperty(root, key);
      },
      ownKeys() {
        return Reflect.ownKeys(root);
      },
      getOwnPropertyDescriptor(_target, key) {
        const descriptor = Reflect.getOwnPropertyDescriptor(root, key);
        if (descriptor === undefined) return undefined;
        // Reported configurable: the proxy's own target is an empty, extensible object.
        return isChunked(key)
          ? { value: view(key), writable: true, enumerable: true, configurable: true }
          : { ...descriptor, configurable: true };
      },
      defineProperty(_target, key, descriptor) {
        return Reflect.defineProperty(root, key, descriptor);
      },
    },
  );
}
