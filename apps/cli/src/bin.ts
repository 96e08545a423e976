#!/usr/bin/env node
import { main } from './cli.js';
import { handleStdoutErrors } from './report-error.js';

handleStdoutErrors(process);
process.exitCode = await main(process.argv.slice(2));
