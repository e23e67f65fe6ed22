#!/usr/bin/env node
// The compiled CLI (npm ci runs `prepare`, which builds dist/). Kept tiny so --help is fast.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
