import { packageProject } from '../../vitest.shared.ts';

// The end-to-end tests spawn the built CLI; the global setup checks it was built first.
export default packageProject('benignlab', { globalSetup: ['test/global-setup.ts'], hookTimeout: 240_000 });
