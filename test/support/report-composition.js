// Preloaded into a process (node --require) by test/build-time.int.test.ts: reports on stderr
// the first time the process loads Apollo's composition library.
const Module = require('node:module');
const load = Module._load;
let reported = false;
Module._load = function (request, ...rest) {
  if (!reported && request.startsWith('@apollo/composition')) {
    reported = true;
    process.stderr.write('LOADED @apollo/composition\n');
  }
  return load.call(this, request, ...rest);
};
