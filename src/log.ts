/**
 * How commands say what they are doing, and how entries show it. A command writes lines,
 * debug lines, and a group per environment; each entry gives the sink that makes them
 * look right where they land: GitHub's foldable groups and debug lines, GitLab's
 * collapsible sections, plain lines in a terminal. Environments are worked on side by
 * side, so a group's lines are held until it is done and written as one block: a run over
 * 500 environments reads as 500 folded groups, never as interleaved lines.
 */

export interface Log {
  info(message: string): void;
  /** Lines for when something goes wrong; shown when the CI's debug switch is on. */
  debug(message: string): void;
  /** `work`'s lines about one thing (an environment), written together under `title`. */
  group<T>(title: string, work: (log: Log) => Promise<T>): Promise<T>;
}

/** Where an entry writes: the three kinds of line and a group's two ends. */
export interface LogSink {
  info(message: string): void;
  debug(message: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

export function logTo(sink: LogSink): Log {
  return {
    info: (message) => sink.info(message),
    debug: (message) => sink.debug(message),
    group: async (title, work) => {
      const held: Array<{ debug: boolean; message: string }> = [];
      const inner: Log = {
        info: (message) => held.push({ debug: false, message }),
        debug: (message) => held.push({ debug: true, message }),
        // Within a group, a further group is only a heading: sinks do not nest.
        group: (subtitle, subwork) => {
          held.push({ debug: false, message: subtitle });
          return subwork(inner);
        },
      };
      try {
        return await work(inner);
      } finally {
        sink.startGroup(title);
        for (const line of held) (line.debug ? sink.debug : sink.info)(line.message);
        sink.endGroup();
      }
    },
  };
}

/** A Log that writes nothing, for callers that asked for no log. */
export const silentLog: Log = {
  info: () => {},
  debug: () => {},
  group: (_title, work) => work(silentLog),
};
