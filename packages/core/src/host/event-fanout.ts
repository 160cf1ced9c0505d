/** How to attach one dispatcher to a host event, and detach it again. */
export interface HostEventSource {
  attach(dispatch: () => void): void;
  detach(dispatch: () => void): void;
}

/**
 * Shares one host listener among any number of subscribers. Hosts' `off*` APIs differ:
 * some remove every listener when called without one, some ignore the argument, so the
 * adapter attaches a single dispatcher while anyone listens and detaches it when the
 * last subscriber leaves. Each subscription unsubscribes only itself, once.
 */
export function createEventFanout(source: HostEventSource): (listener: () => void) => () => void {
  const listeners = new Set<{ listener: () => void }>();
  const dispatch = (): void => {
    for (const entry of [...listeners]) entry.listener();
  };
  return (listener) => {
    const entry = { listener };
    if (listeners.size === 0) source.attach(dispatch);
    listeners.add(entry);
    return () => {
      if (!listeners.delete(entry)) return;
      if (listeners.size === 0) source.detach(dispatch);
    };
  };
}
