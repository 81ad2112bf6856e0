/** Resolves when `stop` aborts, or, with none, on the first SIGINT or SIGTERM. */
export function untilStopped(stop: AbortSignal | undefined): Promise<void> {
  if (stop !== undefined) {
    return new Promise((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener("abort", () => resolve(), { once: true });
    });
  }
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
