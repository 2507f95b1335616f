#!/usr/bin/env node
// The `dom0` command: the compiled terminal adapter (built by `npm ci` through the prepare script).
import "../dist/adapters/terminal/run.js";
