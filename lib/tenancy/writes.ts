/**
 * Tells in-process caches of a town's data that this process has just
 * written to it through forTenant (after the write, and again after the
 * interactive transaction that made it commits), so they can forget what they
 * kept. Writes by other processes (the worker, another web instance) reach
 * those caches only when their entries expire.
 */
type Listener = (tenantId: string) => void;

const listeners = new Set<Listener>();

export function onTenantWrite(listener: Listener): void {
  listeners.add(listener);
}

export function tenantWritten(tenantId: string): void {
  for (const listener of listeners) listener(tenantId);
}
