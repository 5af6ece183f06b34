import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/log.ts
function logTo(sink) {
  return {
    info: (message) => sink.info(message),
    debug: (message) => sink.debug(message),
    group: async (title, work) => {
      const held = [];
      const inner = {
        info: (message) => held.push({ debug: false, message }),
        debug: (message) => held.push({ debug: true, message }),
        // Within a group, a further group is only a heading: sinks do not nest.
        group: (subtitle, subwork) => {
          held.push({ debug: false, message: subtitle });
          return subwork(inner);
        }
      };
      try {
        return await work(inner);
      } finally {
        sink.startGroup(title);
        for (const line of held) (line.debug ? sink.debug : sink.info)(line.message);
        sink.endGroup();
      }
    }
  };
}
var silentLog = {
  info: () => {
  },
  debug: () => {
  },
  group: (_title, work) => work(silentLog)
};

export {
  logTo,
  silentLog
};
