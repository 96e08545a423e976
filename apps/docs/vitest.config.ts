import { packageProject } from '../../vitest.shared.ts';

// The browser tests need Chromium (installed on demand) and the built site in dist/.
export default packageProject('@benignlab/docs', {
  globalSetup: ['./test/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
});
