// Preloaded by bench/startup.mjs (node --import): ends the process, with exit code 77, at
// the moment it measures, so nothing after it (git, renders, the network) is timed or run.
//   PLUMBLINE_PROBE=input    the command's first input read (core.getInput of anything but
//                            `command`, which the umbrella action's dispatcher reads): the
//                            entry has loaded its command and the command has started
//   PLUMBLINE_PROBE=connect  the first outgoing connection: the first API request
import net from 'node:net';

export const PROBE_EXIT = 77;
const mode = process.env.PLUMBLINE_PROBE;

if (mode === 'input') {
  const env = process.env;
  process.env = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string' && key.startsWith('INPUT_') && key !== 'INPUT_COMMAND')
        process.exit(PROBE_EXIT);
      return Reflect.get(target, key);
    },
  });
} else if (mode === 'connect') {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function probeConnect(...args) {
    process.exit(PROBE_EXIT);
    return connect.apply(this, args);
  };
}
