#!/usr/bin/env node
// The `benignlab` command. A committed launcher rather than dist/bin.js itself, so that package
// managers can link the command on the first install of a checkout, before anything is built
// (pnpm skips a bin whose file does not exist yet, and npx would then fetch the registry's).
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/')) {
    console.error(
      `benignlab: not built yet (${String(error.message).split('\n')[0]}); build first: node scripts/pnpm.mjs run build`,
    );
    process.exit(1);
  }
  throw error;
}
