import { UsageError } from '../src/usage-error.js';

/** The UsageError that `run` throws; fails the test if it throws nothing or another error. */
export function usageErrorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}
