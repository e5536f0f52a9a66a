/**
 * Shares an expensive read between concurrent callers without serving stale
 * data: a caller who arrives while a read for the same key is running waits
 * for the next read, which starts when that one ends and serves everyone who
 * arrived meanwhile. Every caller gets a result read after it asked, and at
 * most one read per key runs at a time, however many requests come in.
 */
export function freshShared<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  const next = new Map<string, Promise<T>>();

  const launch = (key: string): Promise<T> => {
    const p = read(key);
    running.set(key, p);
    const done = () => {
      if (running.get(key) === p) running.delete(key);
    };
    p.then(done, done);
    return p;
  };

  return (key) => {
    const current = running.get(key);
    if (!current) return launch(key);
    let queued = next.get(key);
    if (!queued) {
      const settled = () => undefined;
      queued = current.then(settled, settled).then(() => {
        next.delete(key);
        return launch(key);
      });
      next.set(key, queued);
    }
    return queued;
  };
}
