#!/usr/bin/env node
// The command as npm links it; the code is built to dist/ (npm run build).
require('../dist/cli/schema-check.js');
