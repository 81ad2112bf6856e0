/**
 * The evaluation pool: worker threads (`piscina`) with a bounded queue and a time limit per
 * evaluation. A thread that overruns is terminated (piscina ends a running task's thread when
 * its signal aborts) and replaced; a full queue is refused at once rather than left to grow.
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { apiErrors } from "./errors.js";
import type { EvaluationAnswer } from "./evaluation.js";
import type { WorkerTask } from "./worker.js";

export interface PoolOptions {
  /** Worker threads; the machine's parallelism by default. */
  readonly threads?: number;
  /** Evaluations waiting for a thread before more are refused (503); 64 by default. */
  readonly maxQueue?: number;
  /** Time an evaluation may take, waiting included, before its thread is ended (504); 20 s by default. */
  readonly evaluationTimeoutMs?: number;
}

export const defaultMaxQueue = 64;
export const defaultEvaluationTimeoutMs = 20_000;

export interface EvaluationPool {
  /** Runs one evaluation, or throws the `ApiError` to answer with (503 full, 504 overrun). */
  run(task: WorkerTask): Promise<EvaluationAnswer>;
  /** Evaluations waiting for a thread. */
  readonly queueSize: number;
  /** Evaluations running now. */
  readonly running: number;
  close(): Promise<void>;
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

export function createEvaluationPool(options: PoolOptions = {}): EvaluationPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const maxQueue = options.maxQueue ?? defaultMaxQueue;
  const timeoutMs = options.evaluationTimeoutMs ?? defaultEvaluationTimeoutMs;
  const pool = new Piscina<WorkerTask, EvaluationAnswer>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  let running = 0;
  return {
    async run(task) {
      if (pool.queueSize >= maxQueue) throw apiErrors.overloaded(retryAfterSeconds(timeoutMs));
      const signal = AbortSignal.timeout(timeoutMs);
      running += 1;
      try {
        // The body's bytes are moved to the thread, not copied.
        return await pool.run(task, { signal, transferList: [task.input.bytes.buffer as ArrayBuffer] });
      } catch (error) {
        throw signal.aborted ? apiErrors.evaluationTimeout(timeoutMs) : error;
      } finally {
        running -= 1;
      }
    },
    get queueSize() {
      return pool.queueSize;
    },
    get running() {
      return Math.max(0, running - pool.queueSize);
    },
    close: () => pool.destroy(),
  };
}

/** How long a refused caller should wait: a second, or a tenth of the time limit when longer. */
function retryAfterSeconds(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 10_000));
}
