#!/usr/bin/env node
// Entry of the published `healthcode-server` command (the build looks for src/bin.ts).
import './main.js';
