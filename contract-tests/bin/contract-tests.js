#!/usr/bin/env node
// @ts-check
// `npx @chromaspec/contract-tests --url http://host:port [--api v1|v2|all] [--report out.html]`
// Plain JavaScript (vitest compiles the TypeScript test files itself): no build step needed.
import { main } from "../src/runner/cli.js";

process.exitCode = await main(process.argv);
