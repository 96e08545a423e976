import { packageProject } from '../../vitest.shared.ts';

// The browser tests need Chromium (installed on demand) and the built site in dist/.
export default packageProject('@benignlab/docs', {
  globalSetup: ['./test/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // Pages are checked in a few tabs at once; more would just queue on a 2-core machine.
  maxConcurrency: 3,
});
