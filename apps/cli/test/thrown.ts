/** The error that `run` throws, whatever its class; fails the test if it throws nothing. */
export function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
