import type { Db } from '../db/client.js';
import type { RequestContext } from './principal.js';

/**
 * The domain events modules emit, by name, with their payload. Each emitting module adds its own
 * events to this interface from its `events.ts` (declaration merging), so the bus stays generic.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the modules' declarations
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/** Handlers run inside the emitter's transaction: a failure rolls the whole change back. */
export type EventHandler<E extends EventName> = (
  tx: Db,
  ctx: RequestContext,
  payload: DomainEvents[E],
) => Promise<unknown>;

export type EventHandlers = { [E in EventName]?: EventHandler<E> };

export type EventBus = ReturnType<typeof createEventBus>;

/**
 * In-process, synchronous domain events. Handlers are subscribed by the composition root in the
 * order of the module list, and run one after the other in that order.
 */
export function createEventBus() {
  const handlers = new Map<EventName, { module: string; handle: EventHandler<EventName> }[]>();
  return {
    subscribe(module: string, map: EventHandlers) {
      for (const [name, handle] of Object.entries(map) as [EventName, EventHandler<EventName>][]) {
        const list = handlers.get(name) ?? [];
        list.push({ module, handle });
        handlers.set(name, list);
      }
    },
    /** Runs every handler of the event in the caller's transaction. */
    async emit<E extends EventName>(tx: Db, ctx: RequestContext, name: E, payload: DomainEvents[E]) {
      for (const h of handlers.get(name) ?? []) await (h.handle as EventHandler<E>)(tx, ctx, payload);
    },
    /** The modules handling an event, in the order they run. */
    handlersOf(name: EventName): string[] {
      return (handlers.get(name) ?? []).map((h) => h.module);
    },
  };
}
