import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  attempts: number;
  /** The pause after the first lock timeout; each later pause is twice the one before. */
  firstPauseMs: number;
  /** Called with each lock timeout that is retried (to log it). */
  onRetry?: (error: Error, attempt: number) => void;
}

// #region retry
/**
 * Runs `migrate` (the migration tool's "up", or a SQL file through the runner) again when it
 * failed with lock_not_available, after a pause that doubles each time, at most `attempts` times.
 * The timeout rolled back the attempt's transaction, so the whole migration runs again.
 */
export async function retryOnLockTimeout<T>(migrate: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate();
    } catch (error) {
      const lockTimeout = (error as { code?: string }).code === '55P03'; // lock_not_available
      if (!lockTimeout || attempt === options.attempts) throw error;
      options.onRetry?.(error as Error, attempt);
      await sleep(options.firstPauseMs * 2 ** (attempt - 1));
    }
  }
}
// #endregion retry
