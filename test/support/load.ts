/** What a load run saw: how many answers of each status, and every request that got no answer at all. */
export interface LoadReport {
  statuses: Record<number, number>;
  /** Requests that failed without an HTTP answer (connection reset or refused), with the reason. */
  failures: string[];
  /** 503 answers that did not say when to come back. */
  unavailableWithoutRetryAfter: number;
  /** The first few bodies of answers other than 200 and 503, to show what went wrong. */
  unexpected: string[];
}

/**
 * Keeps `concurrency` requests in flight (each loop sends its next one when the previous is answered) until
 * `stop()`; `next()` picks each request. Every answer is read to the end.
 */
export function startLoad(input: {
  concurrency: number;
  next: (index: number) => { url: string; headers?: Record<string, string> };
}): { answered(): number; stop(): Promise<LoadReport> } {
  const report: LoadReport = { statuses: {}, failures: [], unavailableWithoutRetryAfter: 0, unexpected: [] };
  let running = true;
  let answered = 0;
  let sent = 0;
  const loops = Array.from({ length: input.concurrency }, async () => {
    while (running) {
      const request = input.next(sent++);
      try {
        const response = await fetch(request.url, { headers: request.headers ?? {}, signal: AbortSignal.timeout(120_000) });
        const body = await response.text();
        answered++;
        report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
        if (response.status === 503 && !response.headers.get('retry-after')) report.unavailableWithoutRetryAfter++;
        if (response.status !== 200 && response.status !== 503 && report.unexpected.length < 5) {
          report.unexpected.push(`${response.status} ${request.url}: ${body.slice(0, 300)}`);
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        report.failures.push(`${request.url}: ${(error as Error).message} ${cause?.code ?? cause?.message ?? ''}`);
      }
    }
  });
  return {
    answered: () => answered,
    async stop() {
      running = false;
      await Promise.all(loops);
      return report;
    },
  };
}
