/**
 * The worker pool: threads (`piscina`) that evaluate and check, each with a memory ceiling
 * (`resourceLimits`). Work stops when its signal aborts — the request's deadline, or its client
 * gone — and piscina then ends the thread running it and starts another; a thread that runs out
 * of memory dies alone and is replaced the same way. How much work waits is bounded by the
 * server's concurrent request limit, which admits requests before they reach the pool.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defaultServiceLimits } from "@remit/app";
import { Piscina } from "piscina";
import { ApiError, apiErrors } from "./errors.js";
import type { CheckAnswer, CheckInput, EvaluationAnswer, EvaluationInput } from "./evaluation.js";
import type { PolicyText, WorkerAnswer, WorkerTask } from "./worker.js";

export interface PoolOptions {
  /** Worker threads; {@link defaultWorkerThreads} by default. */
  readonly threads?: number;
  /** Old-generation heap one thread may use, in MiB; `@remit/app`'s `workerMemoryMb` by default. */
  readonly workerMemoryMb?: number;
}

export interface EvaluationPool {
  /** Evaluates in a thread, or throws the `ApiError` to answer with (503 out of memory, or the signal's reason). */
  evaluate(policy: PolicyText, input: EvaluationInput, signal?: AbortSignal): Promise<EvaluationAnswer>;
  /** Checks policy sources in a thread; fails as `evaluate` does. */
  check(input: CheckInput, signal?: AbortSignal): Promise<CheckAnswer>;
  /** Tasks waiting for a thread. */
  readonly queueSize: number;
  /** Tasks running now. */
  readonly running: number;
  /** Threads ended for running out of memory, since the pool started. */
  readonly outOfMemory: number;
  close(): Promise<void>;
}

/**
 * Worker threads by default: one per core but one, which is left to the event loop, so that
 * `/healthz`, refusals and the acknowledgements of recorded answers stay prompt while every
 * worker is busy (at least one thread).
 *
 * @example
 * ```ts
 * import { availableParallelism } from "node:os";
 * import { defaultWorkerThreads } from "@remit/server";
 * console.log(defaultWorkerThreads() === Math.max(1, availableParallelism() - 1)); // true
 * ```
 */
export function defaultWorkerThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The compiled worker: under the test runner this module is TypeScript source, and a thread
 * loads the built file beside it in `dist` (built by `tsc -b`).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts")
    ? fileURLToPath(new URL("../dist/worker.js", import.meta.url))
    : fileURLToPath(new URL("./worker.js", import.meta.url));
}

/**
 * The process's Node options for a thread, less any `--conditions`: a thread runs the built
 * worker, which imports the packages as built, even where the process itself was started to
 * resolve their sources (a test runner's `--conditions source`).
 */
function withoutConditions(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i += 1) {
    const arg = execArgv[i] ?? "";
    if (arg === "--conditions" || arg === "-C") i += 1;
    else if (!arg.startsWith("--conditions=")) kept.push(arg);
  }
  return kept;
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}

/**
 * Starts the threads that evaluate and check requests' bodies, as `remit serve` does.
 *
 * @example
 * ```ts
 * import { defaultServiceLimits } from "@remit/app";
 * import { createEvaluationPool } from "@remit/server";
 *
 * const pool = createEvaluationPool({ threads: 1 });
 * const body = JSON.stringify({ source: 'policy "P"\n  version "1.0"\n\nclause 1 "c"\n' });
 * const answer = await pool.check({ bytes: new TextEncoder().encode(body), limits: defaultServiceLimits });
 * console.log(answer.kind); // checked
 * await pool.close();
 * ```
 */
export function createEvaluationPool(options: PoolOptions = {}): EvaluationPool {
  const threads = Math.max(1, options.threads ?? defaultWorkerThreads());
  const workerMemoryMb = options.workerMemoryMb ?? defaultServiceLimits.workerMemoryMb;
  const pool = new Piscina<WorkerTask, WorkerAnswer>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb },
    execArgv: withoutConditions(process.execArgv),
  });
  let running = 0;
  let outOfMemory = 0;

  async function run(task: WorkerTask, signal: AbortSignal | undefined): Promise<WorkerAnswer> {
    running += 1;
    try {
      // The body's bytes are moved to the thread, not copied.
      const transferList = [task.input.bytes.buffer as ArrayBuffer];
      return await pool.run(task, signal === undefined ? { transferList } : { signal, transferList });
    } catch (error) {
      if (signal?.aborted === true && signal.reason instanceof ApiError) throw signal.reason;
      if (isOutOfMemory(error)) {
        outOfMemory += 1;
        throw apiErrors.memoryExceeded(workerMemoryMb);
      }
      throw error;
    } finally {
      running -= 1;
    }
  }

  return {
    async evaluate(policy, input, signal) {
      const answer = await run({ kind: "evaluate", policy, input }, signal);
      if (answer.kind === "checked") throw new Error("a worker answered an evaluation with a check");
      return answer;
    },
    async check(input, signal) {
      const answer = await run({ kind: "check", input }, signal);
      if (answer.kind === "result") throw new Error("a worker answered a check with an evaluation");
      return answer;
    },
    get queueSize() {
      return pool.queueSize;
    },
    get running() {
      return Math.max(0, running - pool.queueSize);
    },
    get outOfMemory() {
      return outOfMemory;
    },
    close: () => pool.destroy(),
  };
}
