#!/usr/bin/env bash
# scaffolding helper used once to lay out packages (kept for adding new ones)
set -euo pipefail
dir=$1; name=$2; desc=$3; private=${4:-false}
mkdir -p "$dir/src" "$dir/test"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "private": $private,
  "sideEffects": false,
  "engines": { "node": ">=20" },
  "exports": {
    ".": {
      "@benignlab/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "import": "./dist/index.js"
    },
    "./package.json": "./package.json"
  },
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "files": ["dist", "README.md"],
  "scripts": {
    "build": "tsup",
    "typecheck": "tsc -p tsconfig.json",
    "test": "vitest run"
  },
  "publishConfig": { "access": "public" }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src", "test", "bench", "*.ts"]
}
JSON
cat > "$dir/tsup.config.ts" <<TS
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
TS
cat > "$dir/vitest.config.ts" <<TS
import { packageProject } from '../../vitest.shared.ts';

export default packageProject('$name');
TS
