import type { ObjectPrimitive, VersionedObject } from '../objects/versioned-object.ts';
import type { PayloadClass } from './payload.ts';

export type Priority = 'INFO' | 'WARN' | 'ERROR';

// #region message
export interface NotificationMessage<Payload> {
  priority: Priority;
  event_type: string;
  publisher_id: string;
  message_id: string;
  timestamp: string;
  payload: Payload;
}

/** Versioned: the payload is a serialized versioned object, with its name and version. */
export type VersionedNotification = NotificationMessage<ObjectPrimitive>;
/** Legacy: a free-form dictionary that consumers must guess the shape of. */
export type LegacyNotification = NotificationMessage<Record<string, unknown>>;
// #endregion message

/** One registered versioned notification: its event type, payload class and documented sample. */
export interface NotificationSpec {
  readonly eventType: string;
  readonly priority: Priority;
  readonly payload: PayloadClass;
  /** File name in the release's notification-samples folder. */
  readonly sample: string;
}

export type NotificationFormat = 'versioned' | 'unversioned' | 'both';

export class UnregisteredNotificationError extends Error {
  override name = 'UnregisteredNotificationError';
}

export class ForbiddenLegacyNotificationError extends Error {
  override name = 'ForbiddenLegacyNotificationError';
}

export interface NotifierOptions {
  publisherId: string;
  format: NotificationFormat;
  registry: readonly NotificationSpec[];
  /** The frozen list of legacy event types; anything else may only be sent versioned. */
  legacyEventTypes: readonly string[];
  send: (message: VersionedNotification | LegacyNotification) => void;
}

export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  // #region emit
  emit(eventType: string, payload: VersionedObject): void {
    const spec = this.options.registry.find((candidate) => candidate.eventType === eventType);
    if (!spec || !(payload instanceof spec.payload)) {
      throw new UnregisteredNotificationError(`No versioned notification ${eventType} with a ${payload.objectClass.objectName} payload is registered`);
    }
    if (this.options.format === 'unversioned') return;
    this.options.send(this.message(spec.priority, eventType, payload.toPrimitive()));
  }

  emitLegacy(eventType: string, payload: Record<string, unknown>): void {
    // Checked whatever the format: the list of legacy events may shrink, never grow.
    if (!this.options.legacyEventTypes.includes(eventType)) {
      throw new ForbiddenLegacyNotificationError(`${eventType} is not a legacy notification; new events must be versioned`);
    }
    if (this.options.format === 'versioned') return;
    this.options.send(this.message('INFO', eventType, payload));
  }
  // #endregion emit

  private message<Payload>(priority: Priority, eventType: string, payload: Payload): NotificationMessage<Payload> {
    return {
      priority,
      event_type: eventType,
      publisher_id: this.options.publisherId,
      message_id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      payload,
    };
  }
}
